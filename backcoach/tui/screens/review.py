"""A review (weeks 6 and 12) before the session, or the past reviews again from the history: the
lines core wrote, then a key to go on."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from backcoach.tui.keys import KeyLine, key_bar
from backcoach.tui.screens.dialogs import Dialog


class ReviewScreen(Dialog[None]):
    CSS_PATH = "psfs.tcss"
    BINDINGS = [Binding("enter,escape", "go_on", "Go on", tooltip="go on")]

    def __init__(self, title: str, lines: Sequence[str], go_on: str = "Go on") -> None:
        super().__init__()
        self.title_text = title
        self.lines = tuple(lines)
        self.go_on = go_on

    def dialog(self) -> ComposeResult:
        with Vertical(classes="dialog", id="review"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            with VerticalScroll(id="review-body"):
                yield Static("\n".join(self.lines), id="review-text", markup=False)
            bar = key_bar([Binding("enter", "go_on", self.go_on)])
            yield KeyLine(f"{bar} · ↑↓ scroll", classes="keys")

    def action_go_on(self) -> None:
        self.answer(None)
