"""The help for the screen on top: the keys it reads itself, its bindings, the app's, and its notes."""

from __future__ import annotations

from textual.binding import BindingType
from textual.screen import Screen

from backcoach.tui.keys import help_lines
from backcoach.tui.roles import HasHelpNotes, HasTypedKeys
from backcoach.tui.screens.dialogs import HelpScreen


def help_for(screen: Screen[object], app_bindings: list[BindingType]) -> HelpScreen:
    # Keys a screen reads itself (typed digits, routine numbers) come first, then its bindings.
    typed = screen.typed_keys() if isinstance(screen, HasTypedKeys) else []
    keys = [*typed, *help_lines(screen.BINDINGS)]
    global_keys = [*help_lines(app_bindings), ("ctrl+p", "command palette")]
    notes = screen.help_notes() if isinstance(screen, HasHelpNotes) else ""
    name = type(screen).__name__.removesuffix("Screen").lower()
    return HelpScreen(name, keys, global_keys, notes)
