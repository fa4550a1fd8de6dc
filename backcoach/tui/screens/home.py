"""Home: pick a region's routine by number, or move and press enter; the week so far above them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from backcoach.core.domain.exercise import Catalog
from backcoach.core.kit.text import plural
from backcoach.core.progress.dashboard import Dashboard, asked_of, empty_dashboard, read_dashboard
from backcoach.core.progress.weekly import WeekStatus
from backcoach.core.session.plan import build_plan, minutes
from backcoach.core.settings.model import Settings
from backcoach.tui.keys import KeyLine, key_bar
from backcoach.tui.settings_keeper import SettingsKeeper
from backcoach.tui.sizes import is_compact

MAX_NUMBERED = 9
SHORT_HEIGHT = 16  # below this, home drops the next routine's line too
COMPACT_ACTIONS = {"app.open_settings"}  # what the small-terminal key bar keeps room for


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

    def __init__(
        self,
        catalog: Catalog,
        keeper: SettingsKeeper,
        today: Callable[[], date],
        history_path: Path,
        start: Callable[[str], None],
        cues_status: Callable[[Settings], str] | None = None,
    ) -> None:
        super().__init__()
        self.cues_status = cues_status  # will the voice and the sound work: said here, before a session
        self.catalog = catalog
        # Starts a routine by id (the check-in, the starting rating first). Called, not a message: the
        # keys typed with the routine's number go to the dialog it opens, and a message would wait
        # behind them, leaving them to home (each digit another routine).
        self.start = start
        self.keeper = keeper
        self.today = today
        self.history_path = history_path
        self.suggested: str | None = None  # the routine the dashboard suggests, by id
        self.cursor_when_asked: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static("backcoach", classes="screen-title")
            yield Static(
                "Pick a routine: press its number, or move with the arrows and press enter.", id="hint"
            )
            yield Static(id="week", markup=False)
            yield Static(id="last-session", markup=False, classes="-none")
            yield Static(id="next-routine", markup=False, classes="-none")
            yield Static(id="trend", markup=False, classes="-none")
            yield Static(id="week-warning", markup=False)
            yield Static(id="cues-status", markup=False)
            yield RoutineList(*self.options(compact=False), id="routines")
            yield Static(id="routine-notes", markup=False)
        # A plain line rather than a Footer: the first screen is drawn at start-up, where every
        # widget counts (the start-up budget in docs/design.md).
        yield KeyLine(self.key_bar(compact=False), "  ", id="keybar", classes="keybar")

    def on_mount(self) -> None:
        self.keeper.changed.subscribe(self, self.settings_changed, immediate=True)
        self.query_one("#week-warning").display = False
        self.query_one("#routine-notes").display = False

    def settings_changed(self, _settings: object) -> None:
        self.refresh_routines()
        self.load_week()  # the weekly target may have changed
        self.show_cues_status()

    def show_cues_status(self) -> None:
        if self.cues_status is not None:
            self.query_one("#cues-status", Static).update(self.cues_status(self.keeper.settings))

    def on_screen_resume(self) -> None:
        # The first time, and back from a session, a check-in or the history: after the screen is drawn,
        # so the week line never holds up start-up (the budget in docs/design.md).
        self.cursor_when_asked = self.query_one(RoutineList).highlighted  # moved since: not preselected
        self.call_after_refresh(self.load_week)
        self.call_after_refresh(self.show_cues_status)  # a program may have been installed meanwhile

    def load_week(self) -> None:
        """The dashboard: the week line, the last session, the routine to do next and the trend; the
        history is read in a thread, on its own connection, in one go."""
        settings = self.keeper.settings
        today = self.today()
        asked = asked_of(self.catalog, settings.target_sessions, settings.days)
        if not self.history_path.exists():  # nothing to read: no thread, no file created
            self.show_dashboard(empty_dashboard(today, asked))
            return
        reader = partial(read_dashboard, self.history_path, today, asked)
        self.run_worker(reader, thread=True, exclusive=True, group="week", exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "week" and event.state is WorkerState.SUCCESS:
            self.show_dashboard(event.worker.result)

    def show_dashboard(self, board: Dashboard | None) -> None:
        self.show_week(None if board is None else board.week)
        last = self.query_one("#last-session", Static)
        next_line = self.query_one("#next-routine", Static)
        trend = self.query_one("#trend", Static)
        last.set_class(board is None or board.last is None, "-none")
        if board is not None and board.last is not None:
            # The reds in the theme's red and in words ("red: ..."): the colour is never all that says it.
            from backcoach.core.domain.verdict import Level
            from backcoach.tui.screens.summary import level_style

            style = level_style(Level.RED, self.app.theme_variables, self.app.current_theme.dark)
            last.update(Text.assemble(board.last.summary, (board.last.reds_said, style)))
        suggestion = None if board is None else board.next
        next_line.update("" if suggestion is None else suggestion.line)
        next_line.set_class(suggestion is None, "-none")
        trend.update("\n".join(line.line for line in board.trend) if board is not None else "")
        trend.set_class(board is None or not board.trend, "-none")
        self.suggested = None if suggestion is None else suggestion.routine_id
        self.preselect()

    def preselect(self) -> None:
        """The suggested routine highlighted, unless the cursor was moved while the history was read."""
        routines = self.query_one(RoutineList)
        if self.suggested is None or routines.highlighted != self.cursor_when_asked:
            return
        index = (
            list(self.catalog.routines).index(self.suggested)
            if self.suggested in self.catalog.routines
            else None
        )
        if index is not None and index < routines.option_count:
            routines.highlighted = index

    def show_week(self, status: WeekStatus | None) -> None:
        """'Week 3 · 2 of 3 sessions this week · streak 4 days', and the weekly rule's warning if any."""
        line = "" if status is None else status.line
        if status is not None and status.checkin_due:
            line += " · weekly check-in at your next session"
        self.query_one("#week", Static).update(line)
        warning = self.query_one("#week-warning", Static)
        warning.update(status.warning if status is not None and status.warning else "")
        warning.display = bool(status is not None and status.warning)

    def numbers(self) -> str:
        """The number keys that start a routine: "1-4", or "1" for a single routine."""
        count = min(len(self.catalog.routines), MAX_NUMBERED)
        return "1" if count == 1 else f"1-{count}"

    def typed_keys(self) -> list[tuple[str, str]]:
        names = [routine.name for routine in self.catalog.routines.values()][:MAX_NUMBERED]
        return [
            (self.numbers(), "start " + ", ".join(names)),
            ("up/down, j/k", "move"),
            ("enter", "start the highlighted routine"),
        ]

    def key_bar(self, compact: bool) -> str:
        """Built from the bindings; the compact bar keeps what a small terminal has room for."""
        app_keys = key_bar(self.app.BINDINGS, "  ")
        if compact:
            bindings = Binding.make_bindings(self.BINDINGS)
            shown = [binding for binding in bindings if binding.action in COMPACT_ACTIONS]
            return f"{self.numbers()} start  {key_bar(shown, '  ')}  {app_keys}"
        return (
            f"{self.numbers()} start  ↑↓ enter  {key_bar(self.BINDINGS, '  ')}  {app_keys}  ctrl+p commands"
        )

    def on_resize(self, event: events.Resize) -> None:
        # Lines dropped as the height shrinks: the trend and the last session (compact), then the
        # next routine (short; the list still highlights it), so that the routines keep their room.
        self.set_class(event.size.height < SHORT_HEIGHT, "short")
        compact = is_compact(event.size)
        if compact != self.has_class("compact"):
            self.set_class(compact, "compact")
            self.query_one("#keybar", Static).update(self.key_bar(compact))
            self.refresh_routines()

    def refresh_routines(self) -> None:
        """Doses changed: the minutes shown change with them."""
        routines = self.query_one(RoutineList)
        highlighted = routines.highlighted
        routines.set_options(self.options(self.has_class("compact")))
        routines.highlighted = highlighted
        if highlighted is not None:
            self.show_notes(routines.get_option_at_index(highlighted).id)

    def options(self, compact: bool) -> list[Option]:
        """One option a routine: number, name, length; the exercises too when there is room."""
        catalog, settings = self.catalog, self.keeper.settings
        options = []
        self.notes: dict[str, tuple[str, ...]] = {}
        for number, routine in enumerate(catalog.routines.values(), start=1):
            plan = build_plan(routine, catalog, settings)  # as it will run: a health condition's changes
            exercises = [planned.exercise for planned in plan.exercises]
            self.notes[routine.id] = plan.routine.notes
            length = f"about {minutes(plan.total_seconds)} min"
            key = str(number) if number <= MAX_NUMBERED else " "
            # Plain lines draw far faster than a table; the names never wrap, so they stay indented.
            name = Text.assemble((f"{key}  {routine.name}", "bold"))
            if compact:
                prompt = Text.assemble(name, f" · {length}", no_wrap=True, overflow="ellipsis")
            else:
                names = ", ".join(exercise.name for exercise in exercises)
                prompt = Text.assemble(
                    name,
                    f"   {plural(len(exercises), 'exercise')} · {length}\n",
                    f"   {names}",  # not dim: a dim line falls below 4.5:1 in most themes
                    no_wrap=True,
                    overflow="ellipsis",
                )
            options.append(Option(prompt, id=routine.id))
        return options

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_notes(event.option.id)

    def show_notes(self, routine_id: str | None) -> None:
        """What your settings change in the highlighted routine, said positively."""
        notes = self.notes.get(routine_id or "", ())
        line = self.query_one("#routine-notes", Static)
        line.update("For you: " + " ".join(notes) if notes else "")
        line.display = bool(notes)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.start(event.option.id)

    def action_start_number(self, number: int) -> None:
        routine_ids = list(self.catalog.routines)
        if number <= len(routine_ids):
            self.start(routine_ids[number - 1])
