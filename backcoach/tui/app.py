"""The Textual app: owns the catalog, settings, clock and history; screens render state and send intents."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from rich.console import RenderableType
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.signal import Signal

from backcoach.core.domain.exercise import Catalog
from backcoach.core.domain.outcome import Outcome
from backcoach.core.kit import paths
from backcoach.core.kit.clock import Clock, MonotonicClock
from backcoach.core.kit.text import shown
from backcoach.core.settings.model import Loaded, Settings, load_settings
from backcoach.tui import screens
from backcoach.tui.keys import help_lines
from backcoach.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from backcoach.core.announce.announce import Announcer
    from backcoach.core.announce.speech import Speaker
    from backcoach.core.catalog.drawings import Drawings
    from backcoach.core.domain.rating import Rating
    from backcoach.core.history.writes import HistoryLog
    from backcoach.core.session.coach import CoachEvent
    from backcoach.core.settings.save import Keep

SHUTDOWN_GRACE_SECONDS = 3.0

# Modules the first screen does not need (the coach, the history, other screens) are imported when
# first used, so that start-up stays close to a bare Textual app's (the budget in docs/design.md).


@runtime_checkable
class AsksBeforeQuit(Protocol):
    """A screen that would lose something if the app quit now says what, as a question."""

    def quit_question(self) -> str | None: ...


@runtime_checkable
class RecordsItsEnd(Protocol):
    """A screen whose work goes into the history says how it ended when the app goes away."""

    def record_end(self, outcome: Outcome) -> None: ...


@runtime_checkable
class HasTypedKeys(Protocol):
    """A screen that reads some keys itself, not through bindings, lists them for the help."""

    def typed_keys(self) -> list[tuple[str, str]]: ...


@runtime_checkable
class HasHelpNotes(Protocol):
    """A screen with more to say in its help than keys: the exercise under way, its source."""

    def help_notes(self) -> str: ...


class BackcoachApp(App[None]):
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
    ) -> None:
        super().__init__()
        self.cursor_blink = cursor_blink
        self.history_path = history_path or paths.history_file()
        self._history_log: HistoryLog | None = None
        self.closing_problem: str | None = None  # what could not go into the history, said after exit
        self.catalog = catalog
        self.loaded = loaded
        self.clock: Clock = clock or MonotonicClock()
        self.start_region = start_region
        self.speaker = speaker
        self._announcer: Announcer | None = None
        self._drawings: Drawings | None = None
        self.today = today
        self.now = now
        # Published after settings are saved: open screens (a session, home) take the new values.
        self.settings_changed: Signal[Settings] = Signal(self, "settings-changed")
        # Published with the moment the process was stopped from outside, once it is continued.
        self.continued_after_stop: Signal[float] = Signal(self, "continued-after-stop")
        self.exit_outcome = Outcome.ENDED_EARLY  # how a session under way is recorded if the app closes
        self.asking_to_quit = False
        self.crash_report: Path | None = None
        self.leaving = False
        self.history_closed = False
        self.asked_for_speech = False  # the notice that no speech program was found, said once

    # A crash: the traceback goes to a file, and one line says where after the screen is restored
    # (Textual's own report, with every local variable, is no help to the person exercising).

    def _handle_exception(self, error: Exception) -> None:
        if self.crash_report is None:
            self.crash_report = write_crash_report(error)
        super()._handle_exception(error)

    def _print_error_renderables(self) -> None:
        if self.crash_report is None:
            super()._print_error_renderables()
        else:
            self._exit_renderables.clear()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notices carry text from files (paths, values, names): never read as markup, and no control
        character reaches the terminal."""
        super().notify(shown(message), title=shown(title), severity=severity, timeout=timeout, markup=markup)

    @property
    def settings(self) -> Settings:
        return self.loaded.settings

    @property
    def history_log(self) -> HistoryLog:
        """Opened at the first write or read, never at start-up."""
        if self._history_log is None:
            from backcoach.core.history.writes import HistoryLog

            self._history_log = HistoryLog(self.history_path)
        return self._history_log

    def get_default_screen(self) -> Screen[None]:
        return HomeScreen()

    def on_mount(self) -> None:
        # A closed terminal (SIGHUP) or a polite kill (SIGTERM): record the session, keep the history.
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(number, self.interrupted, number)
        self.watch_for_suspension(loop)
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        for problem in [*self.loaded.problems, *self.catalog.warnings]:
            self.notify(problem, title="A problem in one of your files", severity="warning", timeout=15)
        if self.settings.safety_acknowledged:
            self.begin()
        else:
            self.open_screen(screens.SafetyScreen(), self.safety_answered)

    def safety_answered(self, accepted: bool | None) -> None:
        if accepted and not self.settings.safety_acknowledged:
            self.save(replace(self.settings, safety_acknowledged=True))
        self.begin()

    def begin(self) -> None:
        if self.start_region is not None:
            region, self.start_region = self.start_region, None
            self.start_session(region)

    def save(self, settings: Settings, keep: Keep | None = None) -> bool:
        """Save; when a key was also changed by hand in the file, ask which to keep and save again."""
        from backcoach.core.settings.save import save_settings

        try:
            result = save_settings(self.loaded, settings, keep)
        except OSError as error:
            self.loaded.settings = settings  # keep using it for this run
            self.notify(f"Could not save {self.loaded.path}: {error.strerror or error}", severity="error")
            return False
        if result.conflicts:

            def answered(choice: Keep | None) -> None:
                self.apply_settings(settings, choice or "file")

            self.open_screen(
                screens.ConflictScreen([str(conflict) for conflict in result.conflicts]), answered
            )
        for notice in result.notices:
            self.notify(notice, timeout=15)
        return True

    def apply_settings(
        self, settings: Settings, keep: Keep | None = None, note: str = "changed in settings"
    ) -> bool:
        """Save, then use the settings as saved at once (hand edits merged in by the save included):
        open screens hear of them on settings_changed; a session takes them from its next exercise.
        note: how an exercise's own dose changed, for the history (the report lists each change)."""
        before = self.settings
        saved = self.save(settings, keep)
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        if saved:
            self.record_dose_changes(before, self.settings, note)
        self.settings_changed.publish(self.settings)
        return saved

    def record_dose_changes(self, before: Settings, after: Settings, note: str) -> None:
        """Each exercise whose own dose changed goes into the history with the day it changed."""
        changed = [
            exercise
            for exercise in self.catalog.exercises.values()
            if before.exercises.get(exercise.id) != after.exercises.get(exercise.id)
        ]
        for exercise in changed:
            dose = after.dose_for(exercise)
            dose_pair = (dose.hold_seconds, dose.reps)
            self.history_problem(
                self.history_log.dose_changed(self.local_now(), exercise.id, exercise.name, dose_pair, note)
            )

    def history_problem(self, problem: str | None) -> None:
        """What a history write that did not go through says (once: the log reports a problem once)."""
        if problem:
            self.notify(problem, title="History", severity="warning", timeout=15)

    def local_now(self) -> datetime:
        return self.now() if self.now is not None else datetime.now().astimezone()

    # Sessions

    def start_session(self, routine_id: str) -> None:
        """The weekly check-in first when it is due, then the starting rating, then the session."""
        if self.checkin_due():
            self.check_in(then=lambda: self.ask_starting_rating(routine_id))
        else:
            self.ask_starting_rating(routine_id)

    def ask_starting_rating(self, routine_id: str) -> None:
        routine = self.catalog.routines[routine_id]
        if not self.settings.check_before:
            self.open_session(routine_id, None)
            return

        def rated(rating: Rating | None) -> None:
            if rating is not None:
                self.offer_gentle_or_open(routine_id, rating)

        question = f"{routine.name}: how is your back right now?"
        self.open_screen(screens.RatingScreen(question, can_cancel=True), rated)

    def offer_gentle_or_open(self, routine_id: str, rating: Rating) -> None:
        """A flare-up (a starting rating at stop_at or above) is offered the gentle routine instead."""
        from backcoach.core.session.flare import gentle_offer

        offer = gentle_offer(rating.value, self.catalog.routines[routine_id], self.catalog, self.settings)
        if offer is None:
            self.open_session(routine_id, rating)
            return

        def answered(gentle: bool | None) -> None:
            self.open_session(offer.routine.id if gentle else routine_id, rating)

        self.open_screen(screens.GentleOfferScreen(offer), answered)

    def checkin_due(self) -> bool:
        import sqlite3

        from backcoach.core.history.database import HistoryError
        from backcoach.core.progress.weekly import checkin_due_in

        try:
            return checkin_due_in(self.history_log.open(), self.today())
        except (HistoryError, sqlite3.Error):
            return False  # the history cannot be read now: the session matters more

    def check_in(self, then: Callable[[], None] | None = None) -> None:
        """The weekly check-in: morning pain, then morning stiffness; escape skips it this time."""
        from backcoach.core.progress.weekly import CHECKIN_PAIN, CHECKIN_STIFFNESS, STIFFNESS_SCALE

        def go_on() -> None:
            if then is not None:
                then()

        def stiffness_given(pain: Rating, stiffness: Rating | None) -> None:
            if stiffness is not None:
                self.history_problem(self.history_log.check_in(self.local_now(), pain.value, stiffness.value))
            go_on()

        def pain_given(pain: Rating | None) -> None:
            if pain is None:
                go_on()
                return
            stiffness = screens.RatingScreen(
                CHECKIN_STIFFNESS, can_cancel=True, scale=STIFFNESS_SCALE, ask_sharp=False
            )
            self.open_screen(stiffness, lambda answer: stiffness_given(pain, answer))

        self.open_screen(screens.RatingScreen(CHECKIN_PAIN, can_cancel=True, ask_sharp=False), pain_given)

    def open_session(self, routine_id: str, rating: Rating | None) -> None:
        from backcoach.core.session.coach import Coach, starting_advice

        if rating is not None and (advice := starting_advice(rating)):
            self.notify(advice, severity="warning", timeout=10)
        coach = Coach(
            self.catalog.routines[routine_id],
            self.catalog,
            self.settings,
            self.clock,
            None if rating is None else rating.value,
            self.history_log,
            self.local_now,
        )
        self.open_screen(screens.SessionScreen(coach, self.drawings()))

    def drawings(self) -> Drawings:
        """The shipped drawings and the user's drawings.toml, read when the first session opens."""
        if self._drawings is None:
            from backcoach.core.catalog.drawings import load_drawings

            self._drawings = load_drawings(paths.user_drawings_file(self.loaded.path))
            if problems := self._drawings.problems:
                first = problems[0]
                more = f" and {len(problems) - 1} more" if len(problems) > 1 else ""
                self.notify(
                    f"{first}{more}. Those drawings were left out; `backcoach check` lists every problem.",
                    title="A problem in your drawings",
                    severity="warning",
                    markup=False,
                    timeout=15,
                )
        return self._drawings

    def on_unmount(self) -> None:
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGHUP):
            loop.remove_signal_handler(number)
        if self._announcer is not None:
            self._announcer.close()
        self.close_history()

    def close_history(self) -> None:
        """What is still waiting goes to the history, or to the side file; once."""
        if self._history_log is not None and not self.history_closed:
            self.history_closed = True
            self.closing_problem = self._history_log.close()

    def announce(self, events: list[CoachEvent]) -> None:
        """A session's events as sounds and words, as the settings ask; never waits for a player."""
        if self._announcer is None:
            from backcoach.core.announce.announce import Announcer

            settings = self.settings
            self._announcer = Announcer.found(settings.sound, settings.voice, paths.cache_dir(), self.ring)
            if self.speaker is not None:
                self._announcer.speaker = self.speaker
        self._announcer.use(self.settings.sound, self.settings.voice)
        if self._announcer.speech_missing and not self.asked_for_speech:
            from backcoach.core.announce.speech import missing_program_notice

            self.asked_for_speech = True
            self.notify(missing_program_notice(), title="Voice", severity="warning", markup=False, timeout=15)
        self._announcer.announce(events)

    def ring(self, times: int) -> None:
        for _ in range(times):
            self.bell()

    # Keys and commands everywhere

    def exit(self, result: None = None, return_code: int = 0, message: RenderableType | None = None) -> None:
        self.leaving = True  # keys still arriving (q and 1 together) open nothing more
        super().exit(result, return_code, message)

    def open_screen(self, screen: Screen[Any], callback: Callable[[Any], None] | None = None) -> None:
        """push_screen, unless the app is on its way out."""
        if not self.leaving:
            self.push_screen(screen, callback)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from backcoach.tui.palette import Palette

        palette_open = any(isinstance(screen, CommandPalette) for screen in self.screen_stack)
        if self.use_command_palette and not self.leaving and not palette_open:
            self.push_screen(Palette(id="--command-palette"))

    def action_help(self) -> None:
        screen = self.screen
        if isinstance(screen, screens.HelpScreen):
            return
        # Keys a screen reads itself (typed digits, routine numbers) come first, then its bindings.
        typed = screen.typed_keys() if isinstance(screen, HasTypedKeys) else []
        keys = [*typed, *help_lines(screen.BINDINGS)]
        global_keys = [*help_lines(self.BINDINGS), ("ctrl+p", "command palette")]
        notes = screen.help_notes() if isinstance(screen, HasHelpNotes) else ""
        self.open_screen(screens.HelpScreen(screen_name(screen), keys, global_keys, notes))

    def quit_question(self) -> str | None:
        """What quitting now would lose, asked of each open screen, the top one first."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, AsksBeforeQuit) and (question := screen.quit_question()):
                return question
        return None

    def watch_for_suspension(self, loop: asyncio.AbstractEventLoop) -> None:
        """kill -TSTP stops the process with the clock still running: note the moment it stopped, and
        when it is continued, pause any session at that moment. The terminal driver's own handlers
        (which restore the screen) still run."""
        stop_handler, continue_handler = signal.getsignal(signal.SIGTSTP), signal.getsignal(signal.SIGCONT)
        if not (callable(stop_handler) and callable(continue_handler)):
            return  # headless: nothing can suspend it
        stopped: list[float] = []

        def on_stop(number: int, frame: FrameType | None) -> None:
            stopped[:] = [self.clock.now()]
            stop_handler(number, frame)

        def on_continue(number: int, frame: FrameType | None) -> None:
            # Only a continue after a stop restarts the screen: tmux sends SIGCONT with the SIGHUP of
            # a closed window, and restarting a running driver leaves two writers on one terminal.
            if stopped:
                continue_handler(number, frame)
                loop.call_soon_threadsafe(self.continued_after_stop.publish, stopped.pop())

        signal.signal(signal.SIGTSTP, on_stop)
        signal.signal(signal.SIGCONT, on_continue)

    def interrupted(self, number: int) -> None:
        """SIGTERM or SIGHUP: the history is made safe first, while nothing else runs. Then a polite kill
        restores the terminal on the way out; a closed terminal cannot be written to (Textual's writer
        would wait for it for ever), so the process ends there and then."""
        self.exit_outcome = Outcome.INTERRUPTED
        for screen in self.screen_stack:
            if isinstance(screen, RecordsItsEnd):
                screen.record_end(Outcome.INTERRUPTED)
        self.close_history()
        if number == signal.SIGHUP:
            os._exit(128 + number)
        self.exit(return_code=128 + number)
        # Should the terminal stop taking output while the screen is restored, do not hang on it.
        watchdog = threading.Timer(SHUTDOWN_GRACE_SECONDS, os._exit, (128 + number,))
        watchdog.daemon = True
        watchdog.start()

    def action_request_quit(self) -> None:
        """Quit at once, unless that would cut a session short or drop unsaved settings: then ask."""
        question = self.quit_question()
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
        self.open_screen(screens.QuitScreen(question), answered)

    async def action_quit(self) -> None:
        """ctrl+q and the palette's Quit ask first too, when quitting would lose something."""
        self.action_request_quit()

    def action_help_quit(self) -> None:
        """ctrl+c asks like q (a second one, on the question, quits)."""
        self.action_request_quit()

    def action_open_settings(self) -> None:
        if not isinstance(self.screen, screens.SettingsScreen):
            self.open_screen(screens.SettingsScreen())  # a session underneath pauses itself

    def action_open_history(self) -> None:
        from backcoach.core.history.database import HistoryError

        if isinstance(self.screen, screens.HistoryScreen):
            return
        try:
            history = self.history_log.open()
        except HistoryError as error:
            self.notify(str(error), title="History", severity="error", timeout=15)
            return
        self.open_screen(screens.HistoryScreen(history, self.today()))

    def action_show_safety(self) -> None:
        if not isinstance(self.screen, screens.SafetyScreen):
            self.open_screen(screens.SafetyScreen(first_run=False))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        if isinstance(screen, HomeScreen):
            for routine in self.catalog.routines.values():
                yield SystemCommand(
                    f"Start: {routine.name}",
                    f"Begin the {routine.name} routine",
                    self.make_starter(routine.id),
                )
        yield SystemCommand(
            "Safety information", "The warning signs that mean: do not exercise", self.action_show_safety
        )
        yield SystemCommand(
            "Settings", "Hold times, reps, rests, cues, pain threshold", self.action_open_settings
        )
        yield SystemCommand("History", "Your past sessions and the trend", self.action_open_history)
        if isinstance(screen, HomeScreen):
            yield SystemCommand("Weekly check-in", "Morning pain and stiffness this week", self.check_in)
        yield from super().get_system_commands(screen)

    def make_starter(self, routine_id: str) -> Callable[[], None]:
        return lambda: self.start_session(routine_id)


def write_crash_report(error: BaseException) -> Path | None:
    """The full traceback in the crash folder; None when even that cannot be written."""
    import traceback
    from datetime import datetime

    folder = paths.crash_dir()
    report = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.txt"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        report.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
    except OSError:
        return None
    return report


def screen_name(screen: Screen[object]) -> str:
    return type(screen).__name__.removesuffix("Screen").lower()


def run_app(catalog: Catalog, settings_path: Path, region: str | None) -> int:
    loaded = load_settings(settings_path, set(catalog.exercises))
    app = BackcoachApp(catalog, loaded, start_region=region)
    app.run()
    return exit_status(app)


def exit_status(app: BackcoachApp) -> int:
    """Said after the screen is restored, where it can be read: what the history could not keep, and
    where a crash's traceback went. Anything wrong exits non-zero."""
    status = 0
    if app.closing_problem:
        print(f"backcoach: {app.closing_problem}", file=sys.stderr)
        status = 1
    if app.crash_report is not None:
        print(f"backcoach stopped on an error; the full report is in {app.crash_report}", file=sys.stderr)
        status = 1
    return status if app.return_code in (0, None) else max(status, app.return_code or 1)
