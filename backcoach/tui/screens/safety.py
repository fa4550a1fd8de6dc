"""The red-flag safety screen: shown before the first session and on demand."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from backcoach.core.domain.red_flags import EMERGENCY, URGENT
from backcoach.tui.keys import KeyLine


class SafetyScreen(Screen[bool]):
    """Returns True when the person says none of these apply."""

    BINDINGS = [
        Binding("y", "accept", "None of these, continue", tooltip="I have none of these: continue"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, first_run: bool = True) -> None:
        super().__init__()
        self.first_run = first_run

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="safety"):
            yield Static("Before you start: is it safe to exercise?", classes="screen-title")
            yield Static(
                "backcoach is not medical advice. It coaches exercises your physiotherapist or doctor "
                "has suggested. Do not exercise, and get medical help, if any of these apply to you."
            )
            yield Static("Emergency: call your emergency number or go to A&E now", classes="flag-title")
            yield Static("\n".join(f" • {item}" for item in EMERGENCY))
            yield Static("Get an urgent appointment with a doctor before exercising", classes="flag-title")
            yield Static("\n".join(f" • {item}" for item in URGENT))
            yield KeyLine("y  I have none of these, continue      q  quit", "      ", classes="keys")
        yield Footer()

    def action_accept(self) -> None:
        self.dismiss(True)
