"""The red-flag safety screen: shown before the first session and on demand."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

EMERGENCY = [
    "numbness, tingling or weakness in both legs",
    "numbness around your genitals, buttocks or back passage",
    "trouble passing urine, or losing control of your bladder or bowels",
    "new problems getting an erection",
    "chest pain",
    "pain that began after a serious accident or fall",
]
URGENT = [
    "a fever, or losing weight without trying",
    "a lump or swelling, or a change in the shape of your back",
    "pain that rest does not ease, or that is worse at night",
    "pain that is worse when you cough or sneeze",
    "pain high up between your shoulder blades",
    "you have had cancer, or your immune system is weakened",
    "a minor fall when you have osteoporosis or take steroids long term",
]


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
            yield Static("y  I have none of these, continue      q  quit", classes="keys")
        yield Footer()

    def action_accept(self) -> None:
        self.dismiss(True)
