"""The morning after the last session: had the back settled? One key per answer; escape asks again
next time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from backcoach.core.domain.morning import Settled
from backcoach.core.progress.morning_after import WHY
from backcoach.tui.keys import key_bar
from backcoach.tui.screens.dialogs import Dialog


class MorningAfterScreen(Dialog[Settled | None]):
    BINDINGS = [
        Binding("1,s", "answer('settled')", "Settled", tooltip="settled by the morning"),
        Binding(
            "2,a", "answer('about the same as before')", "About the same", tooltip="about the same as before"
        ),
        Binding("3,w", "answer('worse')", "Worse", tooltip="worse than before"),
        Binding("escape", "answer('')", "Not now", tooltip="not now: asked again next time"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def dialog(self) -> ComposeResult:
        with Vertical(classes="dialog", id="morning-after"):
            yield Static(self.question, classes="dialog-title", markup=False)
            yield Static(WHY, id="morning-why", markup=False)
            yield Static(key_bar(self.BINDINGS, "   "), classes="keys", markup=False)

    def action_answer(self, answer: str) -> None:
        self.answer(Settled(answer) if answer else None)
