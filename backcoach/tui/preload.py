"""Everything a session can need, imported in a thread once home is drawn: start-up stays as fast as a
bare Textual app (the budget in docs/design.md), the first session opens without waiting on imports,
and reinstalling backcoach under a running app (as the README's test command does) cannot take away
a module the session has yet to load."""

from __future__ import annotations

import importlib
import pkgutil

import backcoach

# Only the command line's own and the other front ends: the app never loads them (serve would bring
# aiohttp and textual-serve into every app's memory).
NOT_FOR_THE_APP = (
    "backcoach.cli", "backcoach.arguments", "backcoach.__main__", "backcoach.core.tools", "backcoach.core.report",
    "backcoach.plain", "backcoach.serve",
)  # fmt: skip


def preload() -> None:
    for module in pkgutil.walk_packages(backcoach.__path__, "backcoach."):
        if not module.name.startswith(NOT_FOR_THE_APP):
            importlib.import_module(module.name)
