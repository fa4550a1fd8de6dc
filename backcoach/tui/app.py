"""The Textual app: owns the catalog, settings, clock and history, and wires them to the screens.
Screens get what they need in their constructor and post messages up; the clinical flow is in core."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.signal import Signal
from textual.widgets import Footer

from backcoach.core.domain.exercise import Catalog, Routine
from backcoach.core.domain.outcome import Outcome
from backcoach.core.kit import paths
from backcoach.core.kit.clock import Clock, MonotonicClock, local_now
from backcoach.core.settings.answered import keep_safety_answer_beside, safety_answered
from backcoach.core.settings.model import Loaded, Settings, load_settings
from backcoach.tui import screens, signals
from backcoach.tui.announcing import Announcing
from backcoach.tui.base import PlainApp
from backcoach.tui.opening import open_screen
from backcoach.tui.roles import RecordsItsEnd, quit_question
from backcoach.tui.screens.home import HomeScreen
from backcoach.tui.settings_keeper import SettingsKeeper
from backcoach.tui.sizes import COMPACT_WIDTH
from backcoach.tui.taps import SecondTapGuard

if TYPE_CHECKING:
    from backcoach.core.announce.speech import Speaker
    from backcoach.core.catalog.drawings import Drawings
    from backcoach.core.domain.rating import Rating
    from backcoach.core.history.writes import HistoryLog
    from backcoach.core.settings.save import Keep
    from backcoach.tui.screens.session import SessionScreen

# Modules the first screen does not need (the coach, the history, other screens) are imported when
# first used, so that start-up stays close to a bare Textual app's (the budget in docs/design.md).


class BackcoachApp(PlainApp):
    CSS_PATH = "app.tcss"
    TITLE = "backcoach"
    BINDINGS = [
        Binding("question_mark", "help", "Help", tooltip="help for this screen"),
        Binding("q", "request_quit", "Quit", tooltip="quit (asks first during a session)"),
    ]

    def __init__(
        self,
        catalog: Catalog,
        loaded: Loaded,
        clock: Clock | None = None,
        start_region: str | None = None,
        speaker: Speaker | None = None,
        cursor_blink: bool = True,
        history_path: Path | None = None,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] | None = None,
        ask_outcomes: bool = True,  # the PSFS and the reviews before a session (tests of others leave them out)
    ) -> None:
        super().__init__()
        self.ask_outcomes = ask_outcomes
        self.cursor_blink = cursor_blink
        self.history_path = history_path or paths.history_file()
        self._history_log: HistoryLog | None = None
        self.closing_problem: str | None = None  # what could not go into the history, said after exit
        self.catalog = catalog
        self.loaded = loaded
        self.clock: Clock = clock or MonotonicClock()
        self.taps = SecondTapGuard(self.clock)
        self.start_region = start_region
        self.announcing = Announcing(lambda: self.bell(), speaker)  # the bell looked up as it rings
        self._drawings: Drawings | None = None
        self.today = today
        self.local_now = now or local_now
        self.keeper = SettingsKeeper(
            self, loaded, lambda: self.catalog, lambda: self.history_log, self.local_now,
            self.history_problem, self.ask_which_to_keep,
        )  # fmt: skip
        # Published with the moment the process was stopped from outside, once it is continued.
        self.continued_after_stop: Signal[float] = Signal(self, "continued-after-stop")
        self.asking_to_quit = False
        self.history_closed = False

    @property
    def settings(self) -> Settings:
        return self.loaded.settings

    @property
    def leaving(self) -> bool:
        """exit() was called: keys still arriving (q and 1 together) open nothing more."""
        return self.return_code is not None

    @property
    def history_log(self) -> HistoryLog:
        """Opened at the first write or read, never at start-up."""
        if self._history_log is None:
            from backcoach.core.history.writes import HistoryLog

            self._history_log = HistoryLog(self.history_path)
        return self._history_log

    def get_default_screen(self) -> Screen[None]:
        return HomeScreen(
            self.catalog, self.keeper, self.today, self.history_path, self.start_session,
            self.announcing.cues_status,
        )  # fmt: skip

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self.screen_changed)
        # A closed terminal (SIGHUP) or a polite kill (SIGTERM): record the session, keep the history.
        loop = asyncio.get_running_loop()
        signals.on_ending_signals(loop, self.interrupted)
        signals.watch_for_suspension(self.clock, loop, self.continued_after_stop.publish)
        self.keeper.use_theme()
        for problem in [*self.loaded.problems, *self.catalog.warnings]:
            self.notify(problem, title="A problem in one of your files", severity="warning", timeout=15)
        self.call_after_refresh(self.preload)
        if safety_answered(self.settings):
            self.begin()
        else:
            safety = screens.SafetyScreen(osteoporosis=self.settings.osteoporosis)
            open_screen(self, safety, lambda accepted: self.safety_answered(accepted, safety.osteoporosis))

    def screen_changed(self, screen: Screen[object]) -> None:
        self.taps.screen_changed()
        self.fit_footers(screen, self.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self.fit_footers(self.screen, event.size.width)  # self.size is the old one here

    def fit_footers(self, screen: Screen[object], width: int) -> None:
        """In a phone's 40 columns the footers drop their padding, so their keys are not cut off."""
        for footer in screen.query(Footer):
            footer.compact = width < COMPACT_WIDTH

    async def on_event(self, event: events.Event) -> None:
        """Mouse and touch, before Textual hands them on: a double tap's second half may be dropped."""
        if (
            isinstance(event, events.MouseEvent)
            and not event.is_forwarded
            and not self.taps.lets_through(event)
        ):
            return
        await super().on_event(event)

    def preload(self) -> None:
        from backcoach.tui.preload import preload

        self.run_worker(preload, thread=True, group="preload", exit_on_error=False)

    def safety_answered(self, accepted: bool | None, osteoporosis: bool) -> None:
        """The first time: the acknowledgement, and the osteoporosis answer asked with it."""
        if accepted and not self.settings.safety_acknowledged:
            if self.loaded.broken:  # kept beside the settings, never in place of them
                keep_safety_answer_beside()
            answers = replace(self.settings, safety_acknowledged=True, osteoporosis=osteoporosis)
            self.keeper.keep_answer(answers, "Your answer")
        self.begin()

    def begin(self) -> None:
        if self.start_region is not None:
            region, self.start_region = self.start_region, None
            self.start_session(region)

    def ask_which_to_keep(self, conflicts: list[str], answered: Callable[[Keep | None], None]) -> None:
        open_screen(self, screens.ConflictScreen(conflicts), answered)

    def history_problem(self, problem: str | None) -> None:
        """What a history write that did not go through says (once: the log reports a problem once)."""
        if problem:
            self.notify(problem, title="History", severity="warning", timeout=15)

    # Before a session: core's SessionStart says what to ask; each answer goes back to it.

    def start_session(self, routine_id: str | None) -> None:
        """None: the weekly check-in on its own."""
        from backcoach.core.session.start import SessionStart
        from backcoach.tui.before_session import BeforeSession

        if not self.leaving:
            flow = SessionStart(
                self.catalog, self.settings, self.history_log, routine_id, self.today(), self.local_now,
                self.ask_outcomes,
            )  # fmt: skip
            BeforeSession(self, flow, self.history_problem, self.open_session).take(flow.first())

    def open_session(self, routine: Routine, rating: Rating | None) -> None:
        from backcoach.core.session.coach import Coach

        pain_before = None if rating is None else rating.value
        coach = Coach(
            routine, self.catalog, self.settings, self.clock, pain_before, self.history_log, self.local_now
        )
        drawings = self.drawings()
        open_screen(self, screens.SessionScreen(coach, drawings, self.keeper, self.continued_after_stop))

    def drawings(self) -> Drawings:
        """Read when the first session opens."""
        if self._drawings is None:
            from backcoach.tui.drawings_file import read_drawings

            warn = partial(self.notify, title="A problem in your drawings", severity="warning", timeout=15)
            self._drawings = read_drawings(self.loaded.path, warn)
        return self._drawings

    def on_session_screen_announce(self, message: SessionScreen.Announce) -> None:
        self.announcing.announce(message.events, self.settings)

    def on_unmount(self) -> None:
        signals.forget_ending_signals(asyncio.get_running_loop())
        self.announcing.close()
        self.close_history()

    def close_history(self) -> None:
        """What is still waiting goes to the history, or to the side file; once."""
        if self._history_log is not None and not self.history_closed:
            self.history_closed = True
            self.closing_problem = self._history_log.close()

    def interrupted(self, number: int) -> None:
        """SIGTERM or SIGHUP: the history is made safe first, while nothing else runs."""
        for screen in self.screen_stack:
            if isinstance(screen, RecordsItsEnd):
                screen.record_end(Outcome.INTERRUPTED)
        self.close_history()
        signals.leave(number, lambda code: self.exit(return_code=code))

    # Keys and commands everywhere

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from backcoach.tui.palette import Palette

        palette_open = any(isinstance(screen, CommandPalette) for screen in self.screen_stack)
        if self.use_command_palette and not self.leaving and not palette_open:
            self.push_screen(Palette(id="--command-palette"))

    def action_help(self) -> None:
        from backcoach.tui.help import help_for

        if not isinstance(self.screen, screens.HelpScreen):
            open_screen(self, help_for(self.screen, self.BINDINGS))

    def action_request_quit(self) -> None:
        """Quit at once, unless that would cut a session short or drop unsaved settings: then ask."""
        question = quit_question(self.screen_stack)
        if question is None:
            self.exit()
            return
        if self.asking_to_quit:
            return

        def answered(quit_now: bool | None) -> None:
            self.asking_to_quit = False
            if quit_now:
                self.exit()

        self.asking_to_quit = True
        open_screen(self, screens.QuitScreen(question), answered)

    async def action_quit(self) -> None:
        """ctrl+q and the palette's Quit ask first too, when quitting would lose something."""
        self.action_request_quit()

    def action_help_quit(self) -> None:
        """ctrl+c asks like q (a second one, on the question, quits)."""
        self.action_request_quit()

    def action_open_settings(self) -> None:
        if not isinstance(self.screen, screens.SettingsScreen):  # a session underneath pauses itself
            settings = screens.SettingsScreen(self.catalog, self.keeper, self.cursor_blink, self.announcing)
            open_screen(self, settings)

    def action_open_history(self) -> None:
        from backcoach.core.history.database import HistoryError

        if isinstance(self.screen, screens.HistoryScreen):
            return
        try:
            history = self.history_log.open()
        except HistoryError as error:
            self.notify(str(error), title="History", severity="error", timeout=15)
            return
        from backcoach.core.progress.dashboard import asked_of

        settings = self.keeper.settings
        asked = asked_of(self.catalog, settings.target_sessions, settings.days)
        open_screen(self, screens.HistoryScreen(history, self.today(), asked))

    def rate_activities(self) -> None:
        """The PSFS from the command palette, due or not: the kept activities rated again, or named."""
        from backcoach.core.progress.psfs import PsfsForm

        if any(isinstance(screen, screens.PsfsScreen) for screen in self.screen_stack):
            return
        kept = self.history_log.psfs_kept()
        if kept is None:
            self.notify(
                self.history_log.problem or "The history cannot be read now",
                title="History",
                severity="error",
            )
            return

        def answered(form: PsfsForm | None) -> None:
            if form is not None and form.scores:
                self.history_problem(self.history_log.psfs(form.entry(self.local_now())))
                self.notify("Your activities are rated: the history and the report show them.", timeout=5)

        open_screen(self, screens.PsfsScreen(PsfsForm(kept)), answered)

    def action_show_safety(self) -> None:
        if not isinstance(self.screen, screens.SafetyScreen):
            open_screen(self, screens.SafetyScreen(first_run=False))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from backcoach.tui.commands import Actions, backcoach_commands

        actions = Actions(
            self.start_session, lambda: self.start_session(None), self.action_show_safety,
            self.action_open_settings, self.action_open_history, self.action_help, self.use_theme,
            self.action_request_quit, self.rate_activities,
        )  # fmt: skip
        yield from backcoach_commands(self.catalog, actions, on_home=isinstance(screen, HomeScreen))

    def use_theme(self, theme: str) -> None:
        """A theme from the palette: used at once, and kept for next time."""
        self.keeper.keep_answer(replace(self.settings, theme=theme), "The theme")


def run_app(catalog: Catalog, settings_path: Path, region: str | None) -> int:
    loaded = load_settings(settings_path, set(catalog.exercises))
    app = BackcoachApp(catalog, loaded, start_region=region)
    app.run()
    return exit_status(app)


def exit_status(app: BackcoachApp) -> int:
    from backcoach.tui.crash import exit_status as status

    return status(app.closing_problem, app.crash_report, app.return_code)
