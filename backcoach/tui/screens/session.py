"""The session: a big countdown driven by the engine's deadlines, cues, and the pain check."""

from __future__ import annotations

import math
from datetime import datetime
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, ProgressBar, Static

from backcoach.core.catalog import Routine
from backcoach.core.engine import (
    Engine,
    Event,
    ExerciseFinished,
    SessionFinished,
    State,
    Status,
    StepStarted,
    View,
)
from backcoach.core.history import SessionLog
from backcoach.core.pain import Verdict, judge
from backcoach.core.plan import Phase, build_plan
from backcoach.core.session import ExerciseResult, Rating, SessionRecord
from backcoach.core.text import plural
from backcoach.tui.screens.dialogs import ConfirmScreen
from backcoach.tui.screens.rating import RatingScreen, VerdictScreen
from backcoach.tui.widgets.big_number import BigNumber
from backcoach.tui.widgets.drawings import drawing_for

if TYPE_CHECKING:
    from backcoach.tui.app import BackcoachApp

COMPACT_WIDTH = 70
COMPACT_HEIGHT = 22
ROOMY_WIDTH = 90  # room for the countdown at double size beside the drawing
ROOMY_HEIGHT = 28


def shown_seconds(remaining: float) -> int:
    """The whole seconds on the face: rounded up, so 0 shows only when the phase is over."""
    return math.ceil(remaining - 1e-9)


def clock_face(seconds: float) -> str:
    """Whole seconds still to go, rounded up, as 45 or 1:05."""
    whole = shown_seconds(seconds)
    return f"{whole // 60}:{whole % 60:02d}" if whole >= 60 else str(whole)


class SessionScreen(Screen[None]):
    CSS_PATH = "session.tcss"
    BINDINGS = [
        Binding("space", "toggle_pause", "Pause"),
        Binding("n", "skip", "Skip"),
        Binding("x", "hurts", "It hurts"),
        Binding("escape", "end", "End"),
    ]
    KEY_HELP = [
        ("space", "pause or resume"),
        ("n", "skip this exercise"),
        ("x", "this hurts: stop this exercise and rate it"),
        ("escape", "end the session (asks first)"),
    ]

    app: BackcoachApp

    def __init__(self, routine: Routine, pain_before: int | None) -> None:
        super().__init__()
        self.routine = routine
        self.pain_before = pain_before
        self.engine: Engine | None = None
        self.session_log: SessionLog | None = None
        self.record = SessionRecord(routine.id, routine.name, datetime.now().astimezone(), pain_before)
        self.last_verdict = ""
        self._timer: Timer | None = None
        self._shown: dict[str, str] = {}
        self._started = 0.0

    def compose(self) -> ComposeResult:
        # Text from the catalog may hold [brackets]: show it as written, never as markup.
        with Vertical(id="session"):
            yield Static(id="title", markup=False)
            with Horizontal(id="middle"):
                with Vertical(id="timer-column"):
                    yield Static(id="phase", markup=False)
                    yield BigNumber(id="countdown")
                    yield Static(id="rep", markup=False)
                yield Static(id="drawing", markup=False)
            yield Static(id="cue", markup=False)
            yield Static(id="verdict-line", markup=False)
            yield ProgressBar(id="progress", show_eta=False)
            yield Static(id="next", markup=False)
            yield Static("spc pause · n skip · x hurts · esc end", id="compact-keys", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        app = self.app
        plan = build_plan(self.routine, app.catalog, app.settings)
        self.engine = Engine(plan, app.clock)
        self.query_one(ProgressBar).update(total=plan.total_seconds)
        self._started = app.clock.now()
        self.session_log = SessionLog(app.history_log, self.record)
        self.report(self.session_log.start())
        self.handle(self.engine.start())
        self.poll()

    def on_screen_suspend(self) -> None:
        # Help, the command palette or settings cover the countdown: nothing counts unseen.
        # The screen shows PAUSED when it comes back, and space goes on.
        if self.engine is not None and self.engine.state is State.RUNNING:
            self.engine.pause()
            self.poll()

    def replan(self) -> None:
        """New settings: the exercises after this one take the new doses."""
        if self.engine is None:
            return
        self.engine.replace_upcoming(build_plan(self.routine, self.app.catalog, self.app.settings))
        self.query_one(ProgressBar).update(total=self.engine.plan.total_seconds)
        self.show(self.engine.view())

    def on_resize(self, event: events.Resize) -> None:
        width, height = event.size
        compact = width < COMPACT_WIDTH or height < COMPACT_HEIGHT
        self.set_class(compact, "compact")
        roomy = width >= ROOMY_WIDTH and height >= ROOMY_HEIGHT
        self.query_one(BigNumber).scale = 0 if compact else 2 if roomy else 1
        if self.engine is not None:
            self.show(self.engine.view())

    # Time: wake when the shown second changes (which is also when a step ends), never count ticks.

    def poll(self) -> None:
        engine = self.engine
        if engine is None:
            return
        self.handle(engine.update())
        self.show(engine.view())
        self._schedule()

    def _schedule(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.engine is not None and self.engine.state is State.RUNNING:
            remaining = self.engine.remaining()
            until_next_second = remaining - (shown_seconds(remaining) - 1)
            self._timer = self.set_timer(min(1.0, until_next_second) + 0.002, self.poll)

    # Events from the engine

    def handle(self, events: list[Event]) -> None:
        for event in events:
            if isinstance(event, StepStarted):
                self.app.signal_step(event.step.phase, self.engine.view().cue if self.engine else "")
            elif isinstance(event, ExerciseFinished):
                self.exercise_finished(event)
            elif isinstance(event, SessionFinished):
                self.session_finished(event.ended_early)

    def exercise_finished(self, event: ExerciseFinished) -> None:
        planned = event.planned
        # Where a one-sided exercise was stopped, the side it hurt on goes into the log.
        side = self.engine.step.side if self.engine and event.status is Status.STOPPED else None
        if event.status is Status.SKIPPED:
            self.record_result(
                ExerciseResult(planned.exercise.id, planned.exercise.name, planned.dose, event.status)
            )
            self.last_verdict = f"Skipped {planned.exercise.name}."
            self.continue_session()
            return

        def rated(rating: Rating | None) -> None:
            assert rating is not None  # this rating cannot be cancelled
            verdict = judge(rating.value, self.pain_before, rating.sharp, self.app.settings.stop_at)
            self.record_result(
                ExerciseResult(
                    planned.exercise.id,
                    planned.exercise.name,
                    planned.dose,
                    event.status,
                    rating,
                    verdict,
                    side,
                )
            )
            if verdict.stop:
                is_last = event.index + 1 >= len(self.engine.plan.exercises) if self.engine else True
                self.app.push_screen(VerdictScreen(planned.exercise, verdict, is_last), self.after_red)
            else:
                self.last_verdict = describe(planned.exercise.name, rating, verdict)
                self.continue_session()

        if self.engine is not None:
            self.show(self.engine.view())
        question = f"How did {planned.exercise.name} feel?"
        if event.status is Status.STOPPED:
            question = f"You stopped {planned.exercise.name}. How much does it hurt?"
        # After the repaint, so the screen behind the pain check reads DONE, not the last phase.
        self.call_after_refresh(self.app.push_screen, RatingScreen(question), rated)

    def after_red(self, choice: str | None) -> None:
        self.last_verdict = ""
        if choice == "end" and self.engine is not None:
            self.handle(self.engine.end_session())
        else:
            self.continue_session()

    def record_result(self, result: ExerciseResult) -> None:
        """Into the history the moment it is given."""
        self.record.results.append(result)
        if self.session_log is not None:
            self.report(self.session_log.add(result))

    def report(self, problem: str | None) -> None:
        if problem:
            self.app.notify(problem, title="History not saved", severity="error", timeout=15)

    def continue_session(self) -> None:
        if self.engine is not None:
            self.handle(self.engine.continue_session())
            self.poll()

    def session_finished(self, ended_early: bool) -> None:
        self._schedule()
        self.record.ended_early = ended_early
        self.record.seconds = self.app.clock.now() - self._started
        if self.session_log is not None:
            self.report(self.session_log.end("ended early" if ended_early else "completed"))
        from backcoach.tui.screens.summary import SummaryScreen

        self.app.switch_screen(SummaryScreen(self.record, self.app.proposals_for(self.record)))

    # What the person asks for

    def action_toggle_pause(self) -> None:
        if self.engine is not None:
            self.engine.toggle_pause()
            self.poll()

    def action_skip(self) -> None:
        if self.engine is not None:
            self.handle(self.engine.skip_exercise())

    def action_hurts(self) -> None:
        if self.engine is not None:
            self.handle(self.engine.stop_exercise())

    def action_end(self) -> None:
        engine = self.engine
        if engine is None:
            return
        was_running = engine.state is State.RUNNING
        engine.pause()
        self.poll()

        def answered(end: bool | None) -> None:
            if end:
                self.handle(engine.end_session())
            else:
                if was_running:
                    engine.resume()
                self.poll()

        self.app.push_screen(ConfirmScreen("End this session? Your ratings so far are kept."), answered)

    # Drawing the view: each widget is touched only when its text changes

    def show(self, view: View) -> None:
        step = view.step
        exercise = view.planned.exercise
        paused = view.state is State.PAUSED
        total = len(self.routine.exercise_ids)
        number = f"{view.exercise_index + 1}/{total}"
        if self.has_class("compact"):
            self._set("title", f"{number}  {exercise.name}")
        else:
            self._set("title", f"{self.routine.name}  ·  exercise {number}  ·  {exercise.name}")
        phase = "PAUSED" if paused else step.phase.value
        if view.state in (State.BETWEEN, State.FINISHED):
            phase = "DONE"
        self._set("phase", f"{phase}  (space to resume)" if paused else phase)
        for name in ("get-ready", "hold", "rest", "switch-side", "paused", "done"):
            self.set_class(name == phase.lower().replace(" ", "-"), f"phase-{name}")
        self.query_one(BigNumber).value = clock_face(view.remaining)
        self._set("rep", rep_line(view))
        self._set("cue", view.cue)
        self._set("drawing", drawing_for(exercise.position))
        self._set("verdict-line", self.last_verdict if step.phase is Phase.GET_READY else "")
        following = view.next_planned
        self._set("next", f"Next: {following.exercise.name}" if following else "Last exercise")
        total_seconds = self.engine.plan.total_seconds if self.engine else 1
        self.query_one(ProgressBar).update(progress=round(view.progress * total_seconds))

    def _set(self, widget_id: str, text: str) -> None:
        if self._shown.get(widget_id) == text:
            return
        self._shown[widget_id] = text
        self.query_one(f"#{widget_id}", Static).update(text)


def rep_line(view: View) -> str:
    step = view.step
    dose = view.planned.dose
    sides = view.planned.exercise.sides
    side = f"  ·  {step.side} side" if step.side else ""
    if step.phase is Phase.GET_READY:
        each = {"both": " each side", "alternate": ", alternating sides", "none": ""}[sides]
        start = f"  ·  start on the {step.side} side" if step.side else ""
        return f"{plural(dose.reps, 'rep')} of {dose.hold_seconds} s{each}{start}"
    return f"Rep {step.rep} of {step.reps}{side}"


def describe(name: str, rating: Rating, verdict: Verdict) -> str:
    return f"{name}: rated {rating.value}, {verdict.level.value.upper()}. {verdict.reasons[0]}"
