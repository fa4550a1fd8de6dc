"""Textual's command palette, guarded against keys that arrive together (seen in Textual 8.2.8):
enter, enter would close it a second time, taking down whatever screen is beneath it; page down
before its list is laid out raises KeyError inside the list; closing it while its commands are still
being gathered leaves the gathering worker looking for a list that is gone."""

from __future__ import annotations

import contextlib
from typing import Any

from textual import work
from textual.await_complete import AwaitComplete
from textual.command import CommandPalette
from textual.css.query import NoMatches

GATHER = getattr(CommandPalette._gather_commands, "__wrapped__")  # noqa: B009  # the method under its @work


class Palette(CommandPalette):
    closing = False

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if self.closing or self is not self.app.screen:
            return AwaitComplete.nothing()  # type: ignore[no-untyped-call,no-any-return]
        self.closing = True
        return super().dismiss(result)

    def _action_command_list(self, action: str) -> None:
        with contextlib.suppress(KeyError, IndexError):  # the list is still being filled
            super()._action_command_list(action)

    @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)
    async def _gather_commands(self, search_value: str) -> None:
        with contextlib.suppress(NoMatches):  # the palette closed while gathering
            await GATHER(self, search_value)
