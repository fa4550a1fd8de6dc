"""The Textual app: owns the catalog, settings and clock; screens render state and send intents."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from backcoach.core import paths
from backcoach.core.catalog import Catalog
from backcoach.core.clock import Clock, MonotonicClock
from backcoach.core.settings import Loaded, Settings, load_settings
from backcoach.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from backcoach.core.history import HistoryLog
    from backcoach.core.plan import Phase
    from backcoach.core.progression import Proposal
    from backcoach.core.session import Rating, SessionRecord
    from backcoach.core.settings_save import Keep
    from backcoach.core.speech import Speaker

# Screens and modules that the first screen does not need are imported when first used, so that
# start-up stays close to a bare Textual app's (DESIGN.md: at most 1.25x).


class BackcoachApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "backcoach"
    BINDINGS = [
        Binding("question_mark", "help", "Help"),
        Binding("q", "request_quit", "Quit"),
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

    @property
    def settings(self) -> Settings:
        return self.loaded.settings

    @property
    def history_log(self) -> HistoryLog:
        """Opened at the first write or read, never at start-up."""
        if self._history_log is None:
            from backcoach.core.history import HistoryLog

            self._history_log = HistoryLog(self.history_path)
        return self._history_log

    def get_default_screen(self) -> Screen[None]:
        return HomeScreen()

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        for problem in [*self.loaded.problems, *self.catalog.warnings]:
            self.notify(problem, title="A problem in one of your files", severity="warning", timeout=15)
        if self.settings.safety_acknowledged:
            self.begin()
        else:
            from backcoach.tui.screens.safety import SafetyScreen

            self.push_screen(SafetyScreen(), self.safety_answered)

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
        from backcoach.core.settings_save import save_settings

        try:
            result = save_settings(self.loaded, settings, keep)
        except OSError as error:
            self.loaded.settings = settings  # keep using it for this run
            self.notify(f"Could not save {self.loaded.path}: {error.strerror or error}", severity="error")
            return False
        if result.conflicts:
            from backcoach.tui.screens.dialogs import ConflictScreen

            def answered(choice: Keep | None) -> None:
                self.apply_settings(settings, choice or "file")

            self.push_screen(ConflictScreen([str(conflict) for conflict in result.conflicts]), answered)
        for notice in result.notices:
            self.notify(notice, timeout=15)
        return True

    # Sessions

    def start_session(self, routine_id: str) -> None:
        from backcoach.tui.screens.rating import RatingScreen
        from backcoach.tui.screens.session import SessionScreen

        routine = self.catalog.routines[routine_id]
        if not self.settings.check_before:
            self.push_screen(SessionScreen(routine, None))
            return

        def rated(rating: Rating | None) -> None:
            if rating is None:
                return
            if rating.sharp:
                self.notify(
                    "Sharp or spreading pain before you start: go gently, and check the safety list"
                    " (ctrl+p, Safety information).",
                    severity="warning",
                    timeout=10,
                )
            self.push_screen(SessionScreen(routine, rating.value))

        question = f"{routine.name}: how is your back right now?"
        self.push_screen(RatingScreen(question, can_cancel=True), rated)

    def proposals_for(self, record: SessionRecord) -> list[Proposal]:
        """Dose changes for the exercises rated today, from their last two rated sessions."""
        import sqlite3

        from backcoach.core.history import HistoryError
        from backcoach.core.progression import propose

        proposals = []
        for result in record.results:
            if result.rating is None or result.verdict is None:
                continue
            recent = [(result.rating.value, result.verdict.level.value)]
            # Without the history, today's rating alone can still step a dose down.
            with contextlib.suppress(HistoryError, sqlite3.Error):
                recent = self.history_log.open().last_ratings(result.exercise_id) or recent
            exercise = self.catalog.exercises[result.exercise_id]
            proposal = propose(exercise, self.settings.dose_for(exercise), recent)
            if proposal is not None:
                proposals.append(proposal)
        return proposals

    def on_unmount(self) -> None:
        if self._history_log is not None:
            self.closing_problem = self._history_log.close()

    def signal_step(self, phase: Phase, cue: str) -> None:
        if self.settings.bell:
            self.bell()
        if self.settings.voice:
            from backcoach.core.speech import Speaker, find_speech_program

            if self.speaker is None:
                self.speaker = Speaker(find_speech_program())
            self.speaker.say(f"{phase.value.lower()}. {cue}")

    # Keys and commands everywhere

    def action_help(self) -> None:
        screen = self.screen
        from backcoach.tui.screens.dialogs import HelpScreen

        if isinstance(screen, HelpScreen):
            return
        keys = list(getattr(screen, "KEY_HELP", []))
        self.push_screen(HelpScreen(type(screen).__name__.removesuffix("Screen").lower(), keys))

    def in_session(self) -> bool:
        from backcoach.tui.screens.session import SessionScreen

        return any(isinstance(screen, SessionScreen) for screen in self.screen_stack)

    def action_request_quit(self) -> None:
        """Quit at once, unless that would cut a session short or drop unsaved settings: then ask."""
        from backcoach.tui.screens.dialogs import ConfirmScreen
        from backcoach.tui.screens.settings import SettingsScreen

        question = None
        if self.in_session():
            question = "Quit in the middle of a session? Your ratings so far are kept."
        if any(isinstance(screen, SettingsScreen) and screen.dirty for screen in self.screen_stack):
            question = "Quit without saving your settings changes?"
        if question is None:
            self.exit()
            return

        def answered(quit_now: bool | None) -> None:
            if quit_now:
                self.exit()

        self.push_screen(ConfirmScreen(question), answered)

    def action_open_settings(self) -> None:
        from backcoach.tui.screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())  # a session underneath pauses itself

    def apply_settings(self, settings: Settings, keep: Keep | None = None) -> bool:
        """Save, then use the settings as saved at once; a session takes them from its next exercise."""
        from backcoach.tui.screens.session import SessionScreen
        from backcoach.tui.screens.settings import SettingsScreen

        saved = self.save(settings, keep)
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen):
                screen.replan()
            if isinstance(screen, HomeScreen):
                screen.refresh_routines()
            if isinstance(screen, SettingsScreen):
                screen.show_settings(self.settings)  # hand edits merged in by the save show too
        return saved

    def action_open_history(self) -> None:
        from backcoach.core.history import HistoryError
        from backcoach.tui.screens.history import HistoryScreen

        if isinstance(self.screen, HistoryScreen):
            return
        try:
            history = self.history_log.open()
        except HistoryError as error:
            self.notify(str(error), title="History", severity="error", timeout=15)
            return
        self.push_screen(HistoryScreen(history, date.today()))

    def action_show_safety(self) -> None:
        from backcoach.tui.screens.safety import SafetyScreen

        if not isinstance(self.screen, SafetyScreen):
            self.push_screen(SafetyScreen(first_run=False))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        at_home = isinstance(screen, HomeScreen)
        if at_home:
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
        yield from super().get_system_commands(screen)

    def make_starter(self, routine_id: str) -> Callable[[], None]:
        return lambda: self.start_session(routine_id)


def run_app(catalog: Catalog, settings_path: Path, region: str | None) -> int:
    loaded = load_settings(settings_path, set(catalog.exercises))
    app = BackcoachApp(catalog, loaded, start_region=region)
    app.run()
    if app.closing_problem:
        print(f"backcoach: {app.closing_problem}", file=sys.stderr)  # after the screen is gone: readable
        return 1
    return 0
