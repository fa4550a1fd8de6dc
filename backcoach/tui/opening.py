"""Opening a screen from anywhere in the app: never once the app is on its way out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual.app import App
from textual.screen import Screen

T = TypeVar("T")


def open_screen(app: App[Any], screen: Screen[T], callback: Callable[[T | None], None] | None = None) -> None:
    """push_screen, unless the app is exiting: keys still arriving (q and 1 together) open nothing more."""
    if app.return_code is None:
        app.push_screen(screen, callback)
