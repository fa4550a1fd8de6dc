"""`backcoach --plain`: the whole run as lines, over the same core as the app (settings, catalog,
SessionStart, Coach, history). Nothing here imports textual, so it starts without it."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from types import FrameType

from backcoach.core.domain.exercise import Catalog
from backcoach.core.domain.outcome import Outcome
from backcoach.core.history.writes import HistoryLog
from backcoach.core.kit import paths
from backcoach.core.kit.clock import Clock, MonotonicClock, local_now
from backcoach.core.kit.text import plural
from backcoach.core.session.coach import Coach
from backcoach.core.session.plan import minutes
from backcoach.core.session.start import SessionStart
from backcoach.core.settings.answered import keep_safety_answer_beside, not_saved, safety_answered
from backcoach.core.settings.model import Loaded, load_settings
from backcoach.core.settings.save import save_settings
from backcoach.plain.after import after_session
from backcoach.plain.answers import KEYS_LINE
from backcoach.plain.before import Quit, before_session, choose_routine, safety
from backcoach.plain.console import Console, DescriptorLines
from backcoach.plain.session import PlainSession

ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class Interrupted(Exception):
    """SIGTERM or SIGHUP (a polite kill, a closed terminal): the session is recorded as interrupted."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


class PlainRun:
    """Everything from the safety list to the summary; the clock, the input, the history and the dates
    are given, so a test runs it whole with a manual clock and in-memory lines."""

    def __init__(
        self,
        console: Console,
        catalog: Catalog,
        loaded: Loaded,
        history: HistoryLog,
        clock: Clock,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = local_now,
        ask_outcomes: bool = True,  # the PSFS and the reviews (tests about other questions leave them out)
    ) -> None:
        self.console = console
        self.ask_outcomes = ask_outcomes
        self.catalog = catalog
        self.loaded = loaded
        self.history = history
        self.clock = clock
        self.today = today
        self.now = now
        self.coach: Coach | None = None

    def run(self, region: str | None) -> int:
        """The exit status: 0, also when the input ends; 130 on Ctrl+C; 128+N on signal N."""
        try:
            return self.run_through(region)
        except KeyboardInterrupt:
            return self.left(Outcome.ENDED_EARLY, "Ended with Ctrl+C: your ratings so far are kept.", 130)
        except Interrupted as interrupted:
            return self.left(Outcome.INTERRUPTED, "", 128 + interrupted.number)
        except OSError:
            # The output went away (`| head`, a closed log) or failed: recorded like a closed terminal,
            # then said by the command line's own handler.
            self.left(Outcome.INTERRUPTED, "", 1)
            raise
        finally:
            if problem := self.history.close():
                with contextlib.suppress(OSError):
                    self.console.say(problem)

    def left(self, outcome: Outcome, words: str, status: int) -> int:
        if self.coach is not None:
            self.coach.close(outcome)
        if words:
            with contextlib.suppress(OSError):  # the output may be what went away
                self.console.say(words)
        return status

    def run_through(self, region: str | None) -> int:
        console = self.console
        console.say(*(f"A problem in one of your files: {problem}" for problem in self.loaded.problems))
        try:
            if not safety_answered(self.loaded.settings):
                self.acknowledge(safety(console))
            routine_id = region or choose_routine(console, self.catalog, self.loaded.settings)
            flow = SessionStart(
                self.catalog,
                self.loaded.settings,
                self.history,
                routine_id,
                self.today(),
                self.now,
                self.ask_outcomes,
            )
            opened = before_session(console, flow)
        except Quit:
            return 0
        except EOFError:
            console.say("The input has ended before a session began.")
            return 0
        if opened is None:
            console.say("No session started.")
            return 0
        pain_before = None if opened.rating is None else opened.rating.value
        coach = Coach(
            opened.routine,
            self.catalog,
            self.loaded.settings,
            self.clock,
            pain_before,
            self.history,
            self.now,
        )
        self.coach = coach
        plan = coach.engine.plan
        console.say(
            f"{opened.routine.name}: {plural(len(plan.exercises), 'exercise')},"
            f" about {minutes(plan.total_seconds)} min. {KEYS_LINE}"
        )
        summary = PlainSession(coach, console).run()
        if summary is not None:
            with contextlib.suppress(EOFError):  # no answer: each change is left as it was
                after_session(console, summary, self.loaded, self.catalog, self.history, self.now)
        return 0

    def acknowledge(self, osteoporosis: bool) -> None:
        """Kept in the settings, as the app does; beside them while the file does not parse."""
        answered = replace(self.loaded.settings, safety_acknowledged=True, osteoporosis=osteoporosis)
        if self.loaded.broken:
            keep_safety_answer_beside()
            self.loaded.settings = answered
            self.console.say(not_saved("Your answer", self.loaded.path) + ".")
            return
        try:
            self.console.say(*save_settings(self.loaded, answered, keep="mine").notices)
        except OSError as error:
            self.loaded.settings = answered
            self.console.say(f"Could not save {self.loaded.path}: {error.strerror or error}")


def interrupt(number: int, frame: FrameType | None) -> None:
    raise Interrupted(number)


def run_plain(catalog: Catalog, settings_path: Path, region: str | None) -> int:
    """On this process's own stdin and stdout, with the real clock; no sound, no voice: it is text."""
    for number in ENDING_SIGNALS:
        signal.signal(number, interrupt)
    loaded = load_settings(settings_path, set(catalog.exercises))
    # Started with stdin closed (`<&-`): an input that has ended, so nothing waits for it.
    fd = sys.stdin.fileno() if sys.stdin is not None else os.open(os.devnull, os.O_RDONLY)
    console = Console(DescriptorLines(fd), sys.stdout)
    history = HistoryLog(paths.history_file())
    return PlainRun(console, catalog, loaded, history, MonotonicClock()).run(region)
