"""`backcoach serve` in headless Chromium as a phone: a short session by taps and clicks, found in the
history; a closed tab leaves it interrupted; on --lan, the token and one session at a time."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import aiohttp
import pytest

from tests.e2e.browser import Page, phone
from tests.e2e.test_days import SHORT_ROUTINES
from tests.e2e.test_terminal import QUICK_SETTINGS

pytestmark = pytest.mark.slow  # a real server, a real browser, real seconds

# Set to a path (docs/phone.png) to keep a picture of the session on the phone: the README shows it.
KEEP_AS = os.environ.get("BACKCOACH_PHONE_SCREENSHOT")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


class Served:
    def __init__(self, process: subprocess.Popen[str], port: int, output: Path) -> None:
        self.process, self.port, self.output = process, port, output

    def said(self) -> str:
        return self.output.read_text()


Launch = Callable[..., "Served"]


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Launch]:
    """Start `backcoach serve` with the given flags, on the test's own files, and wait until it listens."""
    started: list[Served] = []
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text(QUICK_SETTINGS)
    (config / "exercises.toml").write_text(SHORT_ROUTINES)

    def launch(*flags: str) -> Served:
        port = free_port()
        output = tmp_path / f"serve-{port}.txt"
        environment = dict(
            os.environ,
            BACKCOACH_CONFIG=str(config / "settings.toml"),
            BACKCOACH_DATA_DIR=str(tmp_path / "data"),
        )
        command = [sys.executable, "-m", "backcoach", "serve", "--port", str(port), *flags]
        with output.open("w") as out:
            process = subprocess.Popen(
                command, env=environment, stdout=out, stderr=subprocess.STDOUT, text=True
            )
        served = Served(process, port, output)
        started.append(served)
        deadline = time.monotonic() + 20
        while True:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    return served
            assert process.poll() is None, f"serve ended: {served.said()}"
            assert time.monotonic() < deadline, "serve did not listen"
            time.sleep(0.05)

    yield launch
    for served in started:
        served.process.terminate()
        served.process.wait(15)


async def until(check: Callable[[], bool], said: Callable[[], object], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"the history did not change: {said()}"
        await asyncio.sleep(0.1)


def session_statuses(tmp_path: Path) -> list[str]:
    """As the app wrote them: straight from the file (opening a History would mend a session left
    'in progress' by a process that is gone, and hide whether the app recorded it)."""
    with contextlib.closing(sqlite3.connect(tmp_path / "data" / "history.sqlite3")) as db:
        return [status for (status,) in db.execute("SELECT status FROM sessions ORDER BY id")]


def activities_rated(tmp_path: Path) -> list[tuple[str, int]]:
    with contextlib.closing(sqlite3.connect(tmp_path / "data" / "history.sqlite3")) as db:
        query = "SELECT a.text, r.score FROM psfs_ratings r JOIN psfs_activities a ON a.id = r.activity_id"
        return list(db.execute(query))


DIGITS = "0  1  2  3  4  5  6  7  8  9  10"  # each digit three cells wide: a finger's target


async def rate_by_taps(page: Page, rating: int, done: str = "⏎ Done") -> None:
    await page.wait_for(" ".join(DIGITS.split()))  # (waiting reads the words, whatever the spaces)
    await page.settled()
    await page.tap(DIGITS, offset=3 * rating)
    await page.settled()
    await page.tap(done)


async def test_a_short_session_on_a_phone_by_taps_and_clicks(serve: Launch, tmp_path: Path) -> None:
    served = serve("--lan", "--host", "127.0.0.1")  # as a phone meets it: the link with its token
    link = re.search(r"http://\S+token=\S+", served.said())
    assert link is not None, served.said()
    async with phone(tmp_path / "profile") as page:
        await page.send("Page.navigate", url=link.group(0))
        await page.wait_for("Tilt only")
        assert 38 <= page.screen.columns <= 44  # laid out for a phone: about 40 columns
        keyboard = "document.querySelector('.xterm-helper-textarea').getAttribute('inputmode')"
        assert await page.evaluate(keyboard) == "none"  # no on-screen keyboard over half the coach
        await page.tap_element("#keyboard")
        assert await page.evaluate(keyboard) == "text"  # until asked for
        await page.tap_element("#keyboard")
        await page.settled()
        await page.tap("Tilt only")
        await page.wait_for("Your activities (PSFS)")  # the first session: activities, typed
        await page.tap_element("#keyboard")
        await page.type_text("putting on socks")
        await page.press_enter()
        await page.wait_for("Activity 2")
        await page.press_enter()  # no more
        await page.tap_element("#keyboard")  # the keyboard away again
        await rate_by_taps(page, 6, done="⏎ Rate it")  # the activity: digits and a key, tapped
        await page.wait_for("how is your back right")
        await rate_by_taps(page, 2)  # the starting rating
        await page.wait_for("Pelvic tilt")
        if KEEP_AS:
            await asyncio.sleep(1)  # get ready, drawn whole
            await page.screenshot(Path(KEEP_AS))
        await rate_by_taps(page, 1)  # after the hold: the pain check
        await page.wait_for("Session summary")
        assert session_statuses(tmp_path) == ["completed"]
        assert activities_rated(tmp_path) == [("putting on socks", 6)]

        await page.settled()
        await page.click("⏎")  # back home, by mouse this time
        await page.wait_for("1-6 start")
        await page.settled()
        await page.click("Tilt only")
        await rate_by_taps(page, 2)
        await page.wait_for("Pelvic tilt")
        await page.close()
        await until(
            lambda: session_statuses(tmp_path) == ["completed", "interrupted"],
            lambda: (session_statuses(tmp_path), served.said()),
        )


async def test_on_the_lan_the_token_is_needed_and_one_screen_at_a_time(serve: Launch) -> None:
    served = serve("--lan", "--host", "127.0.0.1")  # the LAN mode, tried on this machine's own address
    link = re.search(r"http://127\.0\.0\.1:\d+/\?token=(\S+)", served.said())
    assert link is not None, served.said()
    token, root = link.group(1), f"http://127.0.0.1:{served.port}"
    assert "█" in served.said() or "▀" in served.said()  # the QR code, for a phone to scan

    async with aiohttp.ClientSession() as stranger:
        for path in ("/", "/?token=", f"/?token={token[:-1]}", "/static/js/textual.js", "/ws"):
            async with stranger.get(root + path) as answer:
                assert answer.status == 403, path
                assert "carries a token" in await answer.text()

    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as person:  # an IP's cookie
        async with person.get(f"{root}/?token={token}") as answer:
            assert answer.status == 200
            assert "backcoach" in await answer.text()
        async with person.get(f"{root}/static/js/textual.js") as answer:  # the cookie from now on
            assert answer.status == 200
        async with person.ws_connect(f"{root}/ws?width=40&height=20") as first:
            await first.receive(timeout=20)  # the app has started for this screen
            async with person.get(f"{root}/?token={token}") as answer:
                assert answer.status == 409
                assert "in use on another screen" in await answer.text()
            async with person.ws_connect(f"{root}/ws") as second:
                refused = await second.receive(timeout=10)
                assert refused.type == aiohttp.WSMsgType.CLOSE
                assert second.close_code == 4009

    said = served.said()
    assert said.count(token) == 1, said  # printed once, as the link; never in a log line
