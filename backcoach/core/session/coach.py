"""Runs one session: the engine's timing, the pain check after each exercise, the history log and
next time's doses. The UI renders the events and the view it returns, and sends the person's intents
(start, pause, skip, "this hurts", rate, go on, end) back. Nothing here knows about screens."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import assert_never

from backcoach.core.domain.exercise import Catalog, Exercise, Routine
from backcoach.core.domain.outcome import Outcome
from backcoach.core.domain.phase import Phase
from backcoach.core.domain.rating import Rating
from backcoach.core.domain.results import ExerciseResult, SessionRecord
from backcoach.core.domain.status import Status
from backcoach.core.domain.verdict import Level, Verdict
from backcoach.core.history.session_log import SessionLog
from backcoach.core.history.writes import HistoryLog
from backcoach.core.kit.clock import Clock, local_now
from backcoach.core.kit.text import mm_ss
from backcoach.core.progress.next_time import next_doses
from backcoach.core.progress.progression import Proposal
from backcoach.core.session.cues import cue_at
from backcoach.core.session.engine import Engine, ExerciseFinished, SessionFinished, State, StepStarted
from backcoach.core.session.moments import FINAL_SECONDS, time_to_next
from backcoach.core.session.pain import ends_today, judge, second_red_advice, stop_advice
from backcoach.core.session.plan import PlannedExercise, Step, build_plan
from backcoach.core.settings.model import Settings

# What the UI needs of the verdicts and proposals comes through here, so screens import the coach only.
__all__ = [
    "SHARP_START",
    "Coach",
    "CoachEvent",
    "CueBegan",
    "FinalSeconds",
    "HistoryProblem",
    "Level",
    "Proposal",
    "RatingDue",
    "SessionEnded",
    "SessionView",
    "StepBegan",
    "Summary",
    "VerdictGiven",
    "starting_advice",
]


class Waiting(Enum):
    """What the session waits for between exercises."""

    NOTHING = "nothing"
    RATING = "rating"  # the pain check of the exercise that just ended
    CHOICE = "choice"  # go on or end, after a red verdict


@dataclass(frozen=True)
class StepBegan:
    """A phase began: the UI may ring, play or speak it."""

    step: Step
    exercise: Exercise
    cue: str
    side_changed: bool = False  # a rest or switch that leads to the other side
    at: float = 0.0  # on the coach's clock
    window: float = math.inf  # seconds until the next count or step: what the voice says must fit
    ended_on: str = ""  # the cue the hold just before ended on: it had only the count's last second
    move: str = ""  # getting ready in a new position: how to get into it


@dataclass(frozen=True)
class CueBegan:
    """A new cue in the middle of a hold (the hold's first cue comes with its StepBegan)."""

    step: Step
    exercise: Exercise
    cue: str
    at: float = 0.0
    window: float = math.inf


@dataclass(frozen=True)
class FinalSeconds:
    """The countdown of a hold reached 3, 2 or 1: a pip, and the voice says the figure.
    A hold that starts at 3 s or less has no pip at its start (its own sound is there)."""

    seconds: int
    step: Step
    at: float = 0.0
    window: float = 1.0


@dataclass(frozen=True)
class RatingDue:
    exercise: Exercise
    question: str
    stopped: bool  # "this hurts" ended it: what the voice says is decided from this, never from the words
    ended_on: str = ""  # the cue the last hold ended on (none when stopped)


@dataclass(frozen=True)
class VerdictGiven:
    result: ExerciseResult
    verdict: Verdict
    advice: tuple[str, ...]  # for a red verdict: why to stop, form, caution, the easier way
    choice_due: bool  # red: the session waits for go_on() or end()
    is_last: bool
    end_advised: bool = False  # a second red today: ending is the sensible choice, and the reflex key's


@dataclass(frozen=True)
class Summary:
    record: SessionRecord
    proposals: tuple[Proposal, ...]

    @property
    def changes(self) -> tuple[Proposal, ...]:
        return tuple(proposal for proposal in self.proposals if proposal.changes_dose)

    @property
    def holds(self) -> tuple[Proposal, ...]:
        return tuple(proposal for proposal in self.proposals if not proposal.changes_dose)


@dataclass(frozen=True)
class SessionEnded:
    summary: Summary


@dataclass(frozen=True)
class HistoryProblem:
    """The history could not be written; the session goes on and the ratings wait."""

    message: str


CoachEvent = StepBegan | CueBegan | FinalSeconds | RatingDue | VerdictGiven | SessionEnded | HistoryProblem


@dataclass(frozen=True)
class SessionView:
    """Everything the session screen shows, read at one instant."""

    routine_name: str
    exercise_number: int  # 1-based
    exercise_count: int
    state: State
    phase_word: str  # GET READY, HOLD, REST, SWITCH SIDE, PAUSED or DONE
    step: Step
    planned: PlannedExercise
    remaining: float
    progress: float  # 0..1 over the whole plan
    total_seconds: int
    seconds_left: float  # in the whole session, at the planned doses
    cue: str
    verdict_line: str  # the last exercise's verdict, shown while getting ready for the next
    caution: str  # while getting ready: when to hold back, before the exercise starts
    next_name: str | None
    move: str = ""  # while getting ready in a new position: how to get into it ("Sit on a firm chair")

    @property
    def frame(self) -> str:
        """Which key frame of the exercise's drawing: "end" once a hold begins, else "start"."""
        match self.step.phase:
            case Phase.HOLD:
                holding = self.state in (State.RUNNING, State.PAUSED)
            case Phase.GET_READY | Phase.REST | Phase.SWITCH_SIDE:
                holding = False
            case unhandled:
                assert_never(unhandled)
        return "end" if holding else "start"

    @property
    def at_a_glance(self) -> str:
        """Time and place: "12:30 left · exercise 3 of 7 · next: Bridge"."""
        return self.glance("exercise ")

    @property
    def short_glance(self) -> str:
        """For a small terminal: "12:30 left · 3 of 7 · next: Bridge"."""
        return self.glance("")

    def glance(self, exercise_word: str) -> str:
        left = math.ceil(self.seconds_left - 1e-9)
        following = f"next: {self.next_name}" if self.next_name else "last exercise"
        place = f"{exercise_word}{self.exercise_number} of {self.exercise_count}"
        return f"{mm_ss(left)} left · {place} · {following}"


class Coach:
    def __init__(
        self,
        routine: Routine,
        catalog: Catalog,
        settings: Settings,
        clock: Clock,
        pain_before: int | None,
        history: HistoryLog | None = None,
        now: Callable[[], datetime] = local_now,
    ) -> None:
        self.routine = routine
        self.catalog = catalog
        self.settings = settings
        self.clock = clock
        self.now = now
        self.engine = Engine(build_plan(routine, catalog, settings), clock)
        self.record = SessionRecord(routine.id, routine.name, now(), pain_before)
        self.log = SessionLog(history, self.record) if history is not None else None
        self.history = history
        self.waiting = Waiting.NOTHING
        self.verdict_line = ""
        self.summary: Summary | None = None
        self.closed = False  # by close(): the app went away mid-session
        self._finished: ExerciseFinished | None = None
        self._stopped_side: str | None = None
        self._skipping_rest = False  # the stop to come is skip_rest's, not "this hurts"
        self._started = 0.0
        self._cue_said = ""  # the cue last announced in this step, and the countdown figure last seen
        self._count_seen = 0

    @property
    def pain_before(self) -> int | None:
        return self.record.pain_before

    @property
    def finished(self) -> bool:
        return self.summary is not None

    # Intents

    def start(self) -> list[CoachEvent]:
        if self.engine.state is not State.READY:
            return []
        self._started = self.clock.now()
        events = self._logged(self.log.start() if self.log else None)
        return events + self._translate(self.engine.start())

    def update(self) -> list[CoachEvent]:
        """Move past every deadline that has passed; say when a hold's cue changes and when its last
        seconds begin (the screen calls this as each shown second begins)."""
        events = self._translate(self.engine.update())
        return events + self._moments()

    def _moments(self) -> list[CoachEvent]:
        engine = self.engine
        if engine.state is not State.RUNNING or not has_moments(engine.step.phase):
            return []
        events: list[CoachEvent] = []
        view = engine.view()
        window = time_to_next(view.planned, engine.step_index, view.step.seconds - view.remaining)
        if view.cue != self._cue_said:
            self._cue_said = view.cue
            events.append(CueBegan(view.step, view.planned.exercise, view.cue, self.clock.now(), window))
        count = math.ceil(view.remaining - 1e-9)
        if 1 <= count <= FINAL_SECONDS and count < self._count_seen:
            events.append(FinalSeconds(count, view.step, self.clock.now(), window))
        self._count_seen = min(self._count_seen, count)
        return events

    def toggle_pause(self) -> None:
        self.engine.toggle_pause()

    def pause(self, at: float | None = None) -> None:
        self.engine.pause(at)

    def resume(self) -> None:
        self.engine.resume()

    def skip(self) -> list[CoachEvent]:
        return self._translate(self.engine.skip_exercise())

    @property
    def skip_asks(self) -> bool:
        """Skipping now would throw away work done: ask first, and rate it (skip_rest) if so."""
        return self.engine.any_done()

    def skip_rest(self) -> list[CoachEvent]:
        """Skip the rest of an exercise partly done: it is rated, and recorded as stopped. With
        nothing of it done (the answer came late), it is a plain skip."""
        if not self.engine.any_done():
            return self.skip()
        self._stopped_side = self.engine.step.side
        self._skipping_rest = True
        return self._translate(self.engine.stop_exercise())

    def hurts(self) -> list[CoachEvent]:
        """The person says it hurts: this exercise stops now and its pain check is due."""
        self._stopped_side = self.engine.step.side
        self._skipping_rest = False
        return self._translate(self.engine.stop_exercise())

    def rate(self, rating: Rating) -> list[CoachEvent]:
        """The pain check's answer: judged, logged at once, then on to the next exercise unless red."""
        finished = self._finished
        if self.waiting is not Waiting.RATING or finished is None:
            return []
        verdict = judge(rating.value, self.pain_before, rating.sharp, self.settings.stop_at)
        side = self._stopped_side if finished.status is Status.STOPPED else None
        result = self._result(finished, rating, verdict, side)
        events = self._record(result)
        match verdict.level:
            case Level.RED:
                self.waiting = Waiting.CHOICE
                self.verdict_line = ""
                reds = sum(1 for done in self.record.results if done.verdict and done.verdict.stop)
                advice = red_advice(finished.planned.exercise, verdict, second_red_advice(reds))
                given = VerdictGiven(result, verdict, advice, True, self._is_last(finished), ends_today(reds))
                return [*events, given]
            case Level.GREEN | Level.AMBER:
                self.verdict_line = verdict_line(finished.planned.exercise, rating, verdict)
                given = VerdictGiven(result, verdict, (), False, self._is_last(finished))
                return [*events, given, *self._go_on()]
            case unhandled:
                assert_never(unhandled)

    def go_on(self) -> list[CoachEvent]:
        """After a red verdict: the next exercise (or the summary after the last)."""
        if self.waiting is not Waiting.CHOICE:
            return []
        return self._go_on()

    def end(self) -> list[CoachEvent]:
        """The person ends the session early; what was rated is kept."""
        self.waiting = Waiting.NOTHING
        return self._translate(self.engine.end_session())

    def close(self, outcome: Outcome) -> None:
        """The app is closing mid-session: the history says how the session ended. No summary."""
        if self.finished or self.closed or self.engine.state is State.READY:
            return
        self.closed = True
        self.engine.pause()
        if self.log is not None:
            self.log.end(outcome)

    def use_settings(self, settings: Settings) -> None:
        """New settings: the exercises after this one take the new doses, and the new stop level."""
        self.settings = settings
        self.engine.replace_upcoming(build_plan(self.routine, self.catalog, settings))

    # What the screen shows

    def view(self) -> SessionView:
        view = self.engine.view()
        if view.state in (State.BETWEEN, State.FINISHED):
            phase = "DONE"
        elif view.state is State.PAUSED:
            phase = "PAUSED"
        else:
            phase = view.step.phase.value
        following = view.next_planned
        getting_ready = shows_the_caution(view.step.phase) and view.state is not State.BETWEEN
        return SessionView(
            routine_name=self.routine.name,
            exercise_number=view.exercise_index + 1,
            exercise_count=len(self.engine.plan.exercises),
            state=view.state,
            phase_word=phase,
            step=view.step,
            planned=view.planned,
            remaining=view.remaining,
            progress=view.progress,
            total_seconds=self.engine.plan.total_seconds,
            seconds_left=max(0.0, self.engine.plan.total_seconds * (1 - view.progress)),
            cue=view.cue,
            verdict_line=self.verdict_line if getting_ready else "",
            caution=f"Caution: {view.planned.exercise.caution}" if getting_ready else "",
            next_name=following.exercise.name if following else None,
            move=view.planned.move if getting_ready else "",
        )

    def remaining(self) -> float:
        return self.engine.remaining()

    @property
    def running(self) -> bool:
        return self.engine.state is State.RUNNING

    # Engine events into coach events

    def _translate(
        self, engine_events: list[StepStarted | ExerciseFinished | SessionFinished]
    ) -> list[CoachEvent]:
        events: list[CoachEvent] = []
        for event in engine_events:
            match event:
                case StepStarted():
                    events.append(self._step_began(event))
                case ExerciseFinished():
                    events += self._exercise_finished(event)
                case SessionFinished():
                    events += self._session_finished(event.ended_early)
                case unhandled:
                    assert_never(unhandled)
        return events

    def _step_began(self, event: StepStarted) -> StepBegan:
        planned = self.engine.planned
        steps = planned.steps
        cue = self.engine.view().cue
        self._cue_said = cue
        self._count_seen = math.ceil(event.step.seconds)
        side_changed = event.index > 0 and steps[event.index - 1].side != event.step.side
        # A step the clock has already run past (a late tick) has no time to say anything in.
        current = event.index == self.engine.step_index
        elapsed = event.step.seconds - self.engine.remaining()
        window = time_to_next(planned, event.index, elapsed) if current else 0.0
        ended_on = last_cue(planned, event.index - 1) if event.index > 0 else ""
        move = planned.move if shows_the_caution(event.step.phase) else ""
        at = self.clock.now()
        return StepBegan(event.step, planned.exercise, cue, side_changed, at, window, ended_on, move)

    def _exercise_finished(self, event: ExerciseFinished) -> list[CoachEvent]:
        name = event.planned.exercise.name
        match event.status:
            case Status.SKIPPED:
                events = self._record(self._result(event, None, None, None))
                self.verdict_line = f"Skipped {name}."
                return events + self._translate(self.engine.continue_session())
            case Status.COMPLETED:
                question = f"How did {name} feel?"
            case Status.STOPPED if self._skipping_rest:
                question = f"You skipped the rest of {name}. How did it feel?"
            case Status.STOPPED:
                question = f"You stopped {name}. How much does it hurt?"
            case unhandled:
                assert_never(unhandled)
        self._finished = event
        self.waiting = Waiting.RATING
        cut_short = event.status is Status.STOPPED  # its last hold's end cue never came
        stopped = cut_short and not self._skipping_rest
        self._skipping_rest = False
        ended_on = "" if cut_short else last_cue(event.planned, len(event.planned.steps) - 1)
        return [RatingDue(event.planned.exercise, question, stopped, ended_on)]

    def _go_on(self) -> list[CoachEvent]:
        self.waiting = Waiting.NOTHING
        self._finished = None
        return self._translate(self.engine.continue_session())

    def _session_finished(self, ended_early: bool) -> list[CoachEvent]:
        record = self.record
        record.ended_early = ended_early
        record.seconds = self.clock.now() - self._started
        outcome = Outcome.ENDED_EARLY if ended_early else Outcome.COMPLETED
        events = self._logged(self.log.end(outcome) if self.log else None)
        self.summary = Summary(record, tuple(self._proposals()))
        return [*events, SessionEnded(self.summary)]

    def _proposals(self) -> list[Proposal]:
        """Next time's dose for each exercise rated today (progress.next_time has the rules)."""
        return next_doses(self.record, self.routine, self.catalog, self.settings, self.history, self._seconds)

    def _seconds(self, routine: Routine, settings: Settings) -> int:
        return build_plan(routine, self.catalog, settings).total_seconds

    # Results

    def _result(
        self, event: ExerciseFinished, rating: Rating | None, verdict: Verdict | None, side: str | None
    ) -> ExerciseResult:
        exercise = event.planned.exercise
        return ExerciseResult(
            exercise.id, exercise.name, event.planned.dose, event.status, rating, verdict, side
        )

    def _record(self, result: ExerciseResult) -> list[CoachEvent]:
        """Into the history the moment it is given."""
        self.record.results.append(result)
        return self._logged(self.log.add(result, self.now()) if self.log else None)

    def _logged(self, problem: str | None) -> list[CoachEvent]:
        return [HistoryProblem(problem)] if problem else []

    def _is_last(self, event: ExerciseFinished) -> bool:
        return event.index + 1 >= len(self.engine.plan.exercises)


def last_cue(planned: PlannedExercise, step_index: int) -> str:
    """The cue a hold ends on ("" for any other step)."""
    step = planned.steps[step_index]
    return cue_at(planned, step_index, step.seconds) if has_moments(step.phase) else ""


def has_moments(phase: Phase) -> bool:
    """A hold's cue changes as it goes and its last seconds are counted; other steps keep one cue."""
    match phase:
        case Phase.HOLD:
            return True
        case Phase.GET_READY | Phase.REST | Phase.SWITCH_SIDE:
            return False
        case unhandled:
            assert_never(unhandled)


def shows_the_caution(phase: Phase) -> bool:
    """Getting ready is when to read the caution and the last verdict: before the exercise starts."""
    match phase:
        case Phase.GET_READY:
            return True
        case Phase.HOLD | Phase.REST | Phase.SWITCH_SIDE:
            return False
        case unhandled:
            assert_never(unhandled)


def verdict_line(exercise: Exercise, rating: Rating, verdict: Verdict) -> str:
    return (
        f"{exercise.name}: rated {rating.value}, {verdict.level.value.upper()}. {' '.join(verdict.reasons)}"
    )


def red_advice(exercise: Exercise, verdict: Verdict, more_than_one: str | None = None) -> tuple[str, ...]:
    """Why to stop, and how to do it better next time: form, caution and the easier way. After the
    second red of a session, the plain advice to end it comes first."""
    lines = [more_than_one, ""] if more_than_one else []
    lines += [*verdict.reasons, ""]
    lines.append(stop_advice(exercise.name))
    lines.append(f"Check your form next time: {exercise.form_cue}.")
    if exercise.caution:
        lines.append(f"Caution: {exercise.caution}")
    if exercise.easier:
        lines.append(f"An easier way: {exercise.easier}")
    return tuple(lines)


SHARP_START = "Sharp or spreading pain before you start: go gently, and check the safety list"


def starting_advice(rating: Rating) -> str | None:
    """A word before the session when the starting rating reports sharp or spreading pain."""
    if rating.sharp:
        return f"{SHARP_START} (ctrl+p, Safety information)."
    return None
