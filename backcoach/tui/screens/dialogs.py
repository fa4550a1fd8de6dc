"""Small modal dialogs: a yes/no question and the key help."""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from backcoach.core.settings.save import Keep
from backcoach.tui.keys import KeyLine, key_bar
from backcoach.tui.sizes import COMPACT_HEIGHT

AnswerT = TypeVar("AnswerT")


class Dialog(ModalScreen[AnswerT]):
    """A dialog answers once: keys that arrive after its answer, in the same burst, are dropped
    rather than dismissing it a second time. Its footer shows its own keys, not those of the screen
    beneath (which do not work while it is open); a small terminal keeps only the dialog's key line."""

    # A modal screen hides the app's bindings: ? is help here too, as everywhere.
    BINDINGS = [Binding("question_mark", "app.help", "Help", show=False)]

    answered = False

    def compose(self) -> ComposeResult:
        yield from self.dialog()
        yield Footer()

    def dialog(self) -> ComposeResult:
        raise NotImplementedError

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.height < COMPACT_HEIGHT, "compact")

    def answer(self, value: AnswerT) -> None:
        if not self.answered:
            self.answered = True
            self.dismiss(value)


class ConfirmScreen(Dialog[bool]):
    """Asks a yes/no question; escape means no."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def dialog(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-title", markup=False)
            yield KeyLine(key_bar(self.BINDINGS, "      "), "      ", classes="keys")

    def action_answer(self, answer: bool) -> None:
        self.answer(answer)


class SkipRestScreen(ConfirmScreen):
    """`n` on an exercise partly done: skip the rest and rate it, or carry on."""

    BINDINGS = [
        Binding("y", "answer(True)", "Skip the rest and rate it"),
        Binding("n,escape", "answer(False)", "Carry on"),
    ]


class QuitScreen(ConfirmScreen):
    """May I quit? A second ctrl+c, the key people press to get out of anything, means yes."""

    # The dialog's key line is drawn from BINDINGS: yes and no stay in it.
    BINDINGS = [*ConfirmScreen.BINDINGS, Binding("ctrl+c", "answer(True)", show=False)]


class ConflictScreen(Dialog[Keep]):
    """Settings changed both in the file (by hand) and in the app: keep mine or the file's; escape
    keeps the file's, so nothing written by hand is lost without a choice."""

    BINDINGS = [
        Binding("m", "keep('mine')", "Keep mine"),
        Binding("f,escape", "keep('file')", "Keep the file's"),
    ]

    def __init__(self, conflicts: list[str]) -> None:
        super().__init__()
        self.conflicts = conflicts

    def dialog(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Your settings file was edited while backcoach was open", classes="dialog-title")
            yield Static("\n".join(self.conflicts), id="conflicts", markup=False)
            yield KeyLine(key_bar(self.BINDINGS, "      "), "      ", classes="keys")

    def action_keep(self, choice: Keep) -> None:
        self.answer(choice)


class HelpScreen(Dialog[None]):
    """Every key of the screen it was opened from."""

    BINDINGS = [
        Binding("i", "safety", "Safety information", tooltip="safety information: when not to exercise"),
        Binding("escape,question_mark,enter,q", "close", "Close"),
    ]

    def __init__(
        self, title: str, keys: list[tuple[str, str]], global_keys: list[tuple[str, str]], notes: str = ""
    ) -> None:
        super().__init__()
        self.title_text = title
        self.keys = keys + global_keys
        self.notes = notes

    def dialog(self) -> ComposeResult:
        width = max(len(key) for key, _ in self.keys)
        lines = [f"{key:>{width}}  {meaning}" for key, meaning in self.keys]
        with Vertical(classes="dialog"):
            yield Static(f"Keys: {self.title_text}", classes="dialog-title", markup=False)
            yield Static("\n".join(lines), id="help-keys", markup=False)
            if self.notes:
                yield Static(self.notes, id="help-notes", markup=False)
            yield KeyLine(key_bar(self.BINDINGS, "      "), "      ", classes="keys")

    def action_close(self) -> None:
        self.answer(None)

    def action_safety(self) -> None:
        if not self.answered:
            self.answer(None)
            self.app.call_later(self.app.run_action, "show_safety")
