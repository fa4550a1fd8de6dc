"""A flare-up: the gentle routine offered instead of the one chosen. y runs it, n the chosen one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from backcoach.core.session.flare import GentleOffer
from backcoach.tui.keys import KeyLine
from backcoach.tui.screens.dialogs import Dialog


class GentleOfferScreen(Dialog[bool]):
    """Answers True for the gentle routine, False for the one chosen; escape keeps the one chosen."""

    BINDINGS = [
        Binding("y", "answer(True)", "Gentle day", tooltip="yes: the gentle routine today"),
        Binding("n,escape", "answer(False)", "As chosen", tooltip="no: the routine you chose"),
    ]

    def __init__(self, offer: GentleOffer) -> None:
        super().__init__()
        self.offer = offer

    def dialog(self) -> ComposeResult:
        with Vertical(classes="dialog", id="gentle-offer"):
            yield Static(self.offer.question, classes="dialog-title", markup=False)
            yield Static(self.offer.reason, id="gentle-reason", markup=False)
            keys = f"y  {self.offer.routine.name}      n  {self.offer.chosen.name}"
            yield KeyLine(keys, "      ", classes="keys")

    def action_answer(self, gentle: bool) -> None:
        self.answer(gentle)
