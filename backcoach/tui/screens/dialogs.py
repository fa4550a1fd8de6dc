"""Small modal dialogs: a yes/no question, whose settings to keep, and the key help."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from backcoach.core.settings_save import Keep

GLOBAL_KEYS = [("?", "this help"), ("ctrl+p", "command palette"), ("q", "quit")]


class ConfirmScreen(ModalScreen[bool]):
    """Asks a yes/no question; escape means no."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-title")
            yield Static("y  yes      n  no", classes="keys")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class ConflictScreen(ModalScreen[Keep]):
    """Settings changed both in the file (by hand) and in the app: keep mine or the file's; escape
    keeps the file's, so nothing written by hand is lost without a choice."""

    BINDINGS = [
        Binding("m", "keep('mine')", "Keep mine"),
        Binding("f,escape", "keep('file')", "Keep the file's"),
    ]

    def __init__(self, conflicts: list[str]) -> None:
        super().__init__()
        self.conflicts = conflicts

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Your settings file was edited while backcoach was open", classes="dialog-title")
            yield Static("\n".join(self.conflicts), id="conflicts", markup=False)
            yield Static("m  keep mine      f  keep the file's", classes="keys")

    def action_keep(self, choice: Keep) -> None:
        self.dismiss(choice)


class HelpScreen(ModalScreen[None]):
    """Every key of the screen it was opened from."""

    BINDINGS = [
        Binding("escape,question_mark,enter,q", "close", "Close"),
        Binding("i", "safety", "Safety information"),
    ]

    def __init__(self, title: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.keys = keys

    def compose(self) -> ComposeResult:
        width = max(len(key) for key, _ in self.keys + GLOBAL_KEYS)
        lines = [f"{key:>{width}}  {meaning}" for key, meaning in self.keys + GLOBAL_KEYS]
        with Vertical(classes="dialog"):
            yield Static(f"Keys: {self.title_text}", classes="dialog-title")
            yield Static("\n".join(lines), id="help-keys")
            yield Static("i  safety information: when not to exercise      escape  close", classes="keys")

    def action_close(self) -> None:
        self.dismiss(None)

    def action_safety(self) -> None:
        self.dismiss(None)
        self.app.call_later(self.app.run_action, "show_safety")
