"""Headless Chromium driven over the DevTools protocol (aiohttp's websocket client: no Playwright to
install), and what a textual-serve page shows, read back from the bytes the app sent it."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import os
import shutil
import subprocess
import time
import unicodedata
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--remote-debugging-port=0",
)  # fmt: skip


def chromium_binary() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is needed for the browser tests; .ci/run installs it")
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    return found


class Screen:
    """The terminal the page draws, as text: cursor moves and printable characters; colours and modes
    are passed over (enough for what Textual writes)."""

    def __init__(self, columns: int = 80, rows: int = 24) -> None:
        self.resize(columns, rows)
        self.pending = ""

    def resize(self, columns: int, rows: int) -> None:
        self.columns, self.rows = columns, rows
        self.cells = [[" "] * columns for _ in range(rows)]
        self.row = self.column = 0

    def text(self) -> str:
        return "\n".join("".join(line).rstrip() for line in self.cells)

    def find(self, text: str) -> tuple[int, int] | None:
        for number, line in enumerate(self.cells):
            if (at := "".join(line).find(text)) >= 0:
                return number, at
        return None

    def feed(self, data: str) -> None:
        data, self.pending = self.pending + data, ""
        index = 0
        while index < len(data):
            char = data[index]
            if char == "\x1b":
                end = self.escape_end(data, index)
                if end is None:  # cut between two frames: the rest comes with the next
                    self.pending = data[index:]
                    return
                self.escape(data[index:end])
                index = end
                continue
            if char == "\r":
                self.column = 0
            elif char == "\n":
                self.row = min(self.row + 1, self.rows - 1)
            elif char >= " ":
                self.put(char)
            index += 1

    @staticmethod
    def escape_end(data: str, start: int) -> int | None:
        if start + 1 >= len(data):
            return None
        kind = data[start + 1]
        if kind == "[":
            for end in range(start + 2, len(data)):
                if "@" <= data[end] <= "~":
                    return end + 1
            return None
        if kind in "]P_":  # OSC, DCS, APC: to BEL or ST
            for end in range(start + 2, len(data)):
                if data[end] == "\x07":
                    return end + 1
                if data[end] == "\x1b" and end + 1 < len(data) and data[end + 1] == "\\":
                    return end + 2
            return None
        return start + 2

    def escape(self, sequence: str) -> None:
        if not sequence.startswith("\x1b[") or sequence[2:3] in "?<>=":
            return
        final, numbers = (
            sequence[-1],
            [int(part) if part.isdigit() else 0 for part in sequence[2:-1].split(";")],
        )
        first = numbers[0] or 1
        if final in "Hf":
            row, column = [*numbers, 0, 0][:2]
            self.row, self.column = min(max(row, 1), self.rows) - 1, min(max(column, 1), self.columns) - 1
        elif final == "J" and numbers[0] == 2:
            self.resize(self.columns, self.rows)
        elif final == "K":
            self.cells[self.row][self.column :] = [" "] * (self.columns - self.column)
        elif final == "C":
            self.column = min(self.column + first, self.columns - 1)
        elif final == "D":
            self.column = max(self.column - first, 0)
        elif final == "G":
            self.column = min(first, self.columns) - 1

    def put(self, char: str) -> None:
        if unicodedata.combining(char):
            return
        width = 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if self.column + width <= self.columns:
            self.cells[self.row][self.column] = char
            if width == 2:
                self.cells[self.row][self.column + 1] = ""
        self.column = min(self.column + width, self.columns - 1)


class Page:
    """One tab, its DevTools connection, and the terminal screen its websocket carries."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.ids = itertools.count(1)
        self.waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.screen = Screen()
        self.last_frame = time.monotonic()
        self.reader = asyncio.create_task(self.read())

    async def read(self) -> None:
        async for message in self.socket:
            if message.type != aiohttp.WSMsgType.TEXT:
                continue
            body = json.loads(message.data)
            if "id" in body and (future := self.waiting.pop(body["id"], None)):
                future.set_result(body)
            elif body.get("method") == "Network.webSocketFrameReceived":
                frame = body["params"]["response"]
                if frame["opcode"] == 2:  # the app's output; text frames are pongs and such
                    self.last_frame = time.monotonic()
                    self.screen.feed(base64.b64decode(frame["payloadData"]).decode("utf-8", "replace"))
            elif body.get("method") == "Network.webSocketFrameSent":
                sent = json.loads(body["params"]["response"]["payloadData"])
                if sent[0] == "resize":
                    self.screen.resize(sent[1]["width"], sent[1]["height"])

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self.ids)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.waiting[number] = future
        await self.socket.send_json({"id": number, "method": method, "params": params})
        answer = await asyncio.wait_for(future, 30)
        if "error" in answer:
            raise AssertionError(f"{method}: {answer['error']}")
        result: dict[str, Any] = answer.get("result", {})
        return result

    async def close(self) -> None:
        """Close the tab, as a person does: its DevTools connection goes with it, so no answer is awaited."""
        await self.socket.send_json({"id": next(self.ids), "method": "Page.close", "params": {}})

    async def screenshot(self, path: Path) -> None:
        shot = await self.send("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(shot["data"]))

    async def evaluate(self, expression: str) -> Any:
        answer = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return answer["result"].get("value")

    async def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in " ".join(self.screen.text().split()):
                return self.screen.text()
            await asyncio.sleep(0.05)
        raise AssertionError(f"{text!r} did not appear; the page shows:\n{self.screen.text()}")

    async def settled(self, quiet: float = 0.5) -> str:
        """The screen once the app has drawn nothing for a moment: a tap lands where it was aimed."""
        while time.monotonic() - self.last_frame < quiet:
            await asyncio.sleep(0.05)
        return self.screen.text()

    async def cell_centre(self, text: str, offset: int = 0) -> tuple[float, float]:
        """Where on the page the middle of text's first character (or the one offset after it) is drawn."""
        found = self.screen.find(text)
        assert found is not None, f"{text!r} is not on the page:\n{self.screen.text()}"
        row, column = found[0], found[1] + offset
        box = await self.evaluate(
            "(() => { const r = document.querySelector('.xterm-screen').getBoundingClientRect();"
            " return [r.left, r.top, r.width, r.height]; })()"
        )
        left, top, width, height = box
        return left + (column + 0.5) * width / self.screen.columns, top + (
            row + 0.5
        ) * height / self.screen.rows

    async def click(self, text: str, offset: int = 0) -> None:
        x, y = await self.cell_centre(text, offset)
        await self.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        for kind in ("mousePressed", "mouseReleased"):
            await self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    async def type_text(self, text: str) -> None:
        """Typed on the on-screen keyboard: into whatever has the focus (the terminal's input)."""
        await self.send("Input.insertText", text=text)

    async def press_enter(self) -> None:
        enter = {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"}
        await self.send("Input.dispatchKeyEvent", type="keyDown", **enter)
        await self.send(
            "Input.dispatchKeyEvent", type="keyUp", **{k: v for k, v in enter.items() if k != "text"}
        )

    async def tap_element(self, selector: str) -> None:
        """Tap the middle of a part of the page itself (not the terminal)."""
        x, y = await self.evaluate(
            f"(() => {{ const r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()"
        )
        await self.touch(x, y)

    async def tap(self, text: str, offset: int = 0) -> None:
        await self.touch(*await self.cell_centre(text, offset))

    async def touch(self, x: float, y: float) -> None:
        await self.send("Input.dispatchTouchEvent", type="touchStart", touchPoints=[{"x": x, "y": y}])
        await self.send("Input.dispatchTouchEvent", type="touchEnd", touchPoints=[])


@contextlib.asynccontextmanager
async def phone(profile: Path, width: int = 390, height: int = 760, scale: int = 1) -> AsyncIterator[Page]:
    """Headless Chromium as a phone: its width, touch, and a page whose websockets are watched. The
    scale is the screen's own (emulating it instead leaves xterm.js drawing at the wrong size)."""
    port_file = profile / "DevToolsActivePort"
    port_file.unlink(missing_ok=True)  # a profile used before: that port is gone
    process = subprocess.Popen(
        [
            chromium_binary(),
            *FLAGS,
            f"--force-device-scale-factor={scale}",
            f"--user-data-dir={profile}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while not port_file.exists() or not port_file.read_text().strip():
            assert time.monotonic() < deadline, "chromium did not open its DevTools port"
            await asyncio.sleep(0.05)
        port = port_file.read_text().split()[0]
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{port}/json/list") as answer:
                targets = await answer.json()
            url = next(target["webSocketDebuggerUrl"] for target in targets if target["type"] == "page")
            async with session.ws_connect(url, max_msg_size=0) as socket:
                page = Page(socket)
                await page.send("Network.enable")
                await page.send("Page.enable")
                await page.send(
                    "Emulation.setDeviceMetricsOverride",
                    width=width,
                    height=height,
                    deviceScaleFactor=0,
                    mobile=True,
                )
                await page.send("Emulation.setTouchEmulationEnabled", enabled=True, maxTouchPoints=1)
                coarse = [{"name": "pointer", "value": "coarse"}, {"name": "any-pointer", "value": "coarse"}]
                await page.send("Emulation.setEmulatedMedia", features=coarse)  # a finger, not a mouse
                yield page
                page.reader.cancel()
    finally:
        process.terminate()
        process.wait(10)
