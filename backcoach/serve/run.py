"""`backcoach serve [--port N] [--lan [--host ADDRESS]]`: say where to point the browser, then serve
until Ctrl+C. Each connection runs the app in its own process, on this person's own settings and
history; imported only for this subcommand, so the app's start-up stays as it was."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from backcoach.serve.address import LOOPBACK, lan_address
from backcoach.serve.qr import qr_lines
from backcoach.serve.token import new_token

DEFAULT_PORT = 8000


def app_command(settings_path: Path) -> str:
    """The app, as textual-serve starts it through a shell: exec, so the process it signals when a tab
    closes is the app itself (a shell in between would not pass the signal on)."""
    words = [sys.executable, "-m", "backcoach", "--config", str(settings_path.absolute())]
    if os.name == "nt":
        return subprocess.list2cmdline(words)
    return "exec " + shlex.join(words)


def run_serve(
    settings_path: Path,
    port: int,
    lan: bool,
    host: str | None,
    out: TextIO = sys.stdout,
    find_address: Callable[[], str | None] = lan_address,
) -> int:
    token = None
    if lan:
        host = host or find_address()
        if host is None:
            sys.stderr.write(
                "backcoach: no network address found: join the Wi-Fi first, or name one with --host\n"
            )
            return 1
        token = new_token()
    address = f"http://{host or LOOPBACK}:{port}"
    say_where(out, address, token)
    from backcoach.serve.server import CoachServer  # aiohttp and textual-serve: only now

    try:
        CoachServer(app_command(settings_path), host or LOOPBACK, port, token).serve()
    except OSError as error:
        sys.stderr.write(f"backcoach: cannot listen on {host or LOOPBACK} port {port}: {error.strerror or error}"
                         f" (another program may have it: try --port {port + 1})\n")  # fmt: skip
        return 1
    return 0


def say_where(out: TextIO, address: str, token: str | None) -> None:
    if token is None:
        out.write(
            f"backcoach is open at {address}\nOpen that in a web browser on this computer. Ctrl+C stops it.\n"
        )
    else:
        link = f"{address}/?token={token}"
        out.write(
            f"backcoach is open on your network. On a phone or tablet on the same Wi-Fi, scan this code or open\n\n    {link}\n\n"
        )
        colour = out.isatty() and "NO_COLOR" not in os.environ
        out.writelines(f"    {line}\n" for line in qr_lines(link, colour))
        out.write(
            "\nPut the phone on the floor beside you and tap to answer. The link is the key to your coach:"
            " share it with no one.\nOne screen at a time. Ctrl+C stops it.\n"
        )
    out.flush()
