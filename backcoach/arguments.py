"""The command line's flags and subcommands. Read only when some are given: plain `backcoach` opens the
app without building the parser (the start-up budget in docs/design.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NoReturn

from backcoach import __version__


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad flag or value in one line, exit status 2, no usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="backcoach", description="A keyboard-driven coach for back-pain exercise.")
    parser.add_argument("--version", action="version", version=f"backcoach {__version__}")
    parser.add_argument(
        "--region",
        metavar="R",
        help="start a session straight away: lower, middle, upper, daily, gentle, or the id of a routine of your own",
    )
    parser.add_argument("--config", metavar="FILE", help="use this settings file")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="the coach as plain lines, for screen readers and pipes: key words and ratings typed on"
        " standard input (also when the output is not a terminal, or TERM=dumb)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    listing = commands.add_parser("exercises", help="list the exercise catalog")
    listing.add_argument("--region", dest="list_region", metavar="R", help="only this region")
    history = commands.add_parser("history", help="print the session log")
    history.add_argument("--csv", action="store_true", help="write CSV to standard output")
    commands.add_parser(
        "paths", help="print where settings and history live, and the speech program and sound player found"
    )
    show = commands.add_parser("show", help="print a routine as it will run at your doses, step by step")
    show.add_argument(
        "routine", metavar="ROUTINE", help="lower, middle, upper, daily or your own routine's id"
    )
    check = commands.add_parser(
        "check", help="find every mistake in settings and exercise files (default: your own)"
    )
    check.add_argument("files", nargs="*", metavar="FILE", type=Path, help="a settings or exercises file")
    remind = commands.add_parser(
        "remind",
        help="one line when today is a day to exercise and nothing is done yet (at most once a day);"
        " nothing otherwise: for your shell's start-up file, cron or a timer",
    )
    remind.add_argument(
        "--notify", action="store_true", help="also show it as a desktop notification, where there is a way"
    )
    report = commands.add_parser("report", help="write one HTML page for your physiotherapist")
    report.add_argument(
        "--weeks",
        type=weeks_back,
        default=12,
        metavar="N",
        help="how many weeks it covers (1-104; default 12)",
    )
    report.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help="where to write it (default: backcoach-report-DATE.html here)",
    )
    report.add_argument("--open", action="store_true", help="open it in your web browser once written")
    serve = commands.add_parser(
        "serve", help="the app in a web browser: on this computer, or a phone on your Wi-Fi"
    )
    serve.add_argument("--port", type=port_number, default=8000, metavar="N", help="the port (default 8000)")
    serve.add_argument(
        "--lan",
        action="store_true",
        help="listen on your network, for a phone or tablet: prints a link with a secret token, and its QR code",
    )
    serve.add_argument(
        "--host",
        metavar="ADDRESS",
        help="with --lan: listen on this address, not the one found for the network",
    )
    return parser


def port_number(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number from 1 to 65535")
    return int(value)


def weeks_back(value: str) -> int:
    # ASCII digits only: int() also takes Arabic-Indic and fullwidth digits, which no flag here means.
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= 104:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of weeks from 1 to 104")
    return int(value)
