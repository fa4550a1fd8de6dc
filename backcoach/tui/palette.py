"""Textual's command palette, closed once: keys that arrive together (enter, enter) would close it a
second time, and that second close would take down whatever screen is beneath it."""

from __future__ import annotations

from typing import Any

from textual.await_complete import AwaitComplete
from textual.command import CommandPalette


class Palette(CommandPalette):
    closing = False

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if self.closing or self is not self.app.screen:
            return AwaitComplete.nothing()  # type: ignore[no-untyped-call,no-any-return]
        self.closing = True
        return super().dismiss(result)
