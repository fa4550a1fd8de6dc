"""The red-flag safety screen: shown before the first session and on demand."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from backcoach.core.domain.red_flags import (
    EMERGENCY,
    EMERGENCY_TITLE,
    INTRO,
    OSTEOPOROSIS_QUESTION,
    TITLE,
    URGENT,
    URGENT_TITLE,
)
from backcoach.tui.keys import KeyLine


class SafetyScreen(Screen[bool]):
    """Returns True when the person says none of these apply. The first time, it also asks once about
    osteoporosis (o toggles it), which the app saves with the acknowledgement."""

    BINDINGS = [
        Binding("y", "accept", "None of these, continue", tooltip="I have none of these: continue"),
        Binding("o", "toggle_osteoporosis", "Osteoporosis", tooltip="I have osteoporosis (toggles)"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, first_run: bool = True, osteoporosis: bool = False) -> None:
        super().__init__()
        self.first_run = first_run
        self.osteoporosis = osteoporosis

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.first_run or action != "toggle_osteoporosis"

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="safety"):
            yield Static(TITLE, classes="screen-title")
            yield Static(INTRO)
            yield Static(EMERGENCY_TITLE, classes="flag-title")
            yield Static("\n".join(f" • {item}" for item in EMERGENCY))
            yield Static(URGENT_TITLE, classes="flag-title")
            yield Static("\n".join(f" • {item}" for item in URGENT))
            if self.first_run:
                yield Static(OSTEOPOROSIS_QUESTION, classes="section-title", id="osteoporosis-question")
                yield Static(self.osteoporosis_line(), id="osteoporosis", markup=False)
            yield KeyLine("y  I have none of these, continue      q  quit", "      ", classes="keys")
        yield Footer()

    def osteoporosis_line(self) -> str:
        return f"[{'x' if self.osteoporosis else ' '}] I have osteoporosis   (o to change)"

    def action_toggle_osteoporosis(self) -> None:
        self.osteoporosis = not self.osteoporosis
        self.query_one("#osteoporosis", Static).update(self.osteoporosis_line())

    def on_click(self, event: events.Click) -> None:
        if event.widget is not None and event.widget.id == "osteoporosis":
            self.action_toggle_osteoporosis()

    def action_accept(self) -> None:
        self.dismiss(True)
