"""Home: pick a region's routine by number, or move and press enter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from backcoach.core.plan import build_plan, minutes

if TYPE_CHECKING:
    from backcoach.tui.app import BackcoachApp

MAX_NUMBERED = 9
COMPACT_WIDTH = 70
COMPACT_HEIGHT = 22


class RoutineList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class HomeScreen(Screen[None]):
    BINDINGS = [
        *[Binding(str(n), f"start_number({n})", show=False) for n in range(1, MAX_NUMBERED + 1)],
        Binding("s", "app.open_settings", "Settings"),
        Binding("h", "app.open_history", "History"),
    ]
    KEY_HELP = [
        ("1-4", "start Lower back, Middle back, Upper back or the Daily routine"),
        ("up/down, j/k", "move"),
        ("enter", "start the highlighted routine"),
        ("s", "settings"),
        ("h", "history"),
    ]

    app: BackcoachApp

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static("backcoach", classes="screen-title")
            yield Static(
                "Pick a routine: press its number, or move with the arrows and press enter.", id="hint"
            )
            yield RoutineList(*self.options(compact=False), id="routines")
        yield Footer()

    def on_resize(self, event: events.Resize) -> None:
        compact = event.size.width < COMPACT_WIDTH or event.size.height < COMPACT_HEIGHT
        if compact != self.has_class("compact"):
            self.set_class(compact, "compact")
            self.refresh_routines()

    def refresh_routines(self) -> None:
        """Doses changed: the minutes shown change with them."""
        routines = self.query_one(RoutineList)
        highlighted = routines.highlighted
        routines.set_options(self.options(self.has_class("compact")))
        routines.highlighted = highlighted

    def options(self, compact: bool) -> list[Option]:
        """One option a routine: number, name, length; the exercises too when there is room."""
        app = self.app
        options = []
        for number, routine in enumerate(app.catalog.routines.values(), start=1):
            exercises = app.catalog.routine_exercises(routine)
            length = f"about {minutes(build_plan(routine, app.catalog, app.settings).total_seconds)} min"
            key = str(number) if number <= MAX_NUMBERED else " "
            prompt = Table.grid(padding=(0, 1 if compact else 2))
            prompt.add_column(width=1)
            prompt.add_column(ratio=1)
            if compact:
                prompt.add_row(Text(key, style="bold"), Text.assemble((routine.name, "bold"), f" · {length}"))
            else:
                summary = f"   {len(exercises)} exercises · {length}"
                prompt.add_row(Text(key, style="bold"), Text.assemble((routine.name, "bold"), summary))
                names = ", ".join(exercise.name for exercise in exercises)
                prompt.add_row("", Text(names, style="dim"))
            options.append(Option(prompt, id=routine.id))
        return options

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.app.start_session(event.option.id)

    def action_start_number(self, number: int) -> None:
        routine_ids = list(self.app.catalog.routines)
        if number <= len(routine_ids):
            self.app.start_session(routine_ids[number - 1])
