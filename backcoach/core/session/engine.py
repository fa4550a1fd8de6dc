"""The session state machine: walks a plan against a clock by deadlines, never by counted ticks."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from backcoach.core.domain.phase import Phase
from backcoach.core.domain.status import Status
from backcoach.core.kit.clock import Clock
from backcoach.core.session.cues import cue_at
from backcoach.core.session.plan import Plan, PlannedExercise, Step


class State(Enum):
    READY = "ready"  # built, not started
    RUNNING = "running"
    PAUSED = "paused"
    BETWEEN = "between"  # an exercise ended; waiting for the pain check to be done
    FINISHED = "finished"


@dataclass(frozen=True)
class StepStarted:
    index: int
    step: Step


@dataclass(frozen=True)
class ExerciseFinished:
    index: int
    planned: PlannedExercise
    status: Status


@dataclass(frozen=True)
class SessionFinished:
    ended_early: bool


Event = StepStarted | ExerciseFinished | SessionFinished


@dataclass(frozen=True)
class View:
    """Everything a screen shows, read at one instant."""

    state: State
    exercise_index: int
    planned: PlannedExercise
    step: Step
    remaining: float
    progress: float  # 0..1 over the whole plan
    cue: str
    next_planned: PlannedExercise | None


class Engine:
    def __init__(self, plan: Plan, clock: Clock, wait_between_exercises: bool = True) -> None:
        if not plan.exercises:
            raise ValueError(f"routine {plan.routine.id!r} has no exercises")
        self.plan = plan
        self.clock = clock
        self.wait_between_exercises = wait_between_exercises
        self.state = State.READY
        self.exercise_index = 0
        self.step_index = 0
        self._deadline = 0.0
        self._paused_remaining = 0.0
        self._done_before = 0  # planned seconds of the exercises before the current one
        self._last_seen = clock.now()  # the last look at the clock: where a stopped process paused

    @property
    def planned(self) -> PlannedExercise:
        return self.plan.exercises[self.exercise_index]

    @property
    def step(self) -> Step:
        return self.planned.steps[self.step_index]

    def start(self) -> list[Event]:
        if self.state is not State.READY:
            return []
        self._last_seen = self.clock.now()
        return self._begin_exercise(self._last_seen)

    def remaining(self) -> float:
        if self.state is State.RUNNING:
            return max(0.0, self._deadline - self.clock.now())
        if self.state is State.PAUSED:
            return self._paused_remaining
        if self.state is State.READY:
            return float(self.step.seconds)
        return 0.0

    def update(self) -> list[Event]:
        """Move past every deadline that has passed; each next deadline follows the last, so no drift."""
        events: list[Event] = []
        now = self.clock.now()
        frozen_after = self.clock.frozen_after
        if self.state is State.RUNNING and frozen_after is not None and now - self._last_seen > frozen_after:
            self.pause(at=self._last_seen)  # the process was stopped: that time was not exercise
        self._last_seen = now
        while self.state is State.RUNNING and now >= self._deadline:
            events += self._advance(self._deadline)
        return events

    def pause(self, at: float | None = None) -> None:
        """Hold the countdown; at: the moment it stopped, when that was earlier than now (the process
        was suspended, and the time it spent stopped must not count)."""
        if self.state is State.RUNNING:
            moment = self.clock.now() if at is None else min(at, self.clock.now())
            self._paused_remaining = max(0.0, self._deadline - moment)
            self.state = State.PAUSED

    def resume(self) -> None:
        if self.state is State.PAUSED:
            self._last_seen = self.clock.now()
            self._deadline = self._last_seen + self._paused_remaining
            self.state = State.RUNNING

    def toggle_pause(self) -> None:
        self.resume() if self.state is State.PAUSED else self.pause()

    def any_done(self) -> bool:
        """Some of this exercise is done: a hold finished, or part of the one under way."""
        if self.state not in (State.RUNNING, State.PAUSED):
            return False
        steps = self.planned.steps
        if any(step.phase is Phase.HOLD for step in steps[: self.step_index]):
            return True
        return self.step.phase is Phase.HOLD and self.remaining() < self.step.seconds

    def skip_exercise(self) -> list[Event]:
        return self._end_exercise(Status.SKIPPED, self.clock.now())

    def stop_exercise(self) -> list[Event]:
        """The person says it hurts: end this exercise now, marked stopped."""
        return self._end_exercise(Status.STOPPED, self.clock.now())

    def continue_session(self) -> list[Event]:
        """After the pain check: start the next exercise, or finish."""
        if self.state is not State.BETWEEN:
            return []
        self._last_seen = self.clock.now()
        return self._next_exercise(self._last_seen)

    def end_session(self) -> list[Event]:
        if self.state is State.FINISHED:
            return []
        self.state = State.FINISHED
        return [SessionFinished(ended_early=True)]

    def replace_upcoming(self, plan: Plan) -> None:
        """Settings changed mid-session: the exercises after the current one take the new plan's doses."""
        if plan.routine.exercise_ids != self.plan.routine.exercise_ids:
            raise ValueError("a session can only take a new plan of the same routine")
        keep = self.plan.exercises[: self.exercise_index + 1]
        self.plan = Plan(self.plan.routine, keep + plan.exercises[self.exercise_index + 1 :])

    def view(self) -> View:
        remaining = self.remaining()
        step = self.step
        in_exercise = sum(s.seconds for s in self.planned.steps[: self.step_index])
        done: float
        if self.state in (State.BETWEEN, State.FINISHED):
            done = self._done_before + self.planned.seconds
        else:
            done = self._done_before + in_exercise + step.seconds - remaining
        total = self.plan.total_seconds or 1
        following = self.exercise_index + 1
        return View(
            state=self.state,
            exercise_index=self.exercise_index,
            planned=self.planned,
            step=step,
            remaining=remaining,
            progress=min(1.0, done / total),
            cue=cue_at(self.planned, self.step_index, step.seconds - remaining),
            next_planned=self.plan.exercises[following] if following < len(self.plan.exercises) else None,
        )

    def _begin_exercise(self, at: float) -> list[Event]:
        self.step_index = 0
        self.state = State.RUNNING
        self._deadline = at + self.step.seconds
        return [StepStarted(0, self.step)]

    def _advance(self, at: float) -> list[Event]:
        if self.step_index + 1 < len(self.planned.steps):
            self.step_index += 1
            self._deadline = at + self.step.seconds
            return [StepStarted(self.step_index, self.step)]
        return self._end_exercise(Status.COMPLETED, at)

    def _end_exercise(self, status: Status, at: float) -> list[Event]:
        if self.state not in (State.RUNNING, State.PAUSED):
            return []
        events: list[Event] = [ExerciseFinished(self.exercise_index, self.planned, status)]
        self.state = State.BETWEEN
        if not self.wait_between_exercises:
            events += self._next_exercise(at)
        return events

    def _next_exercise(self, at: float) -> list[Event]:
        if self.exercise_index + 1 >= len(self.plan.exercises):
            self.state = State.FINISHED
            return [SessionFinished(ended_early=False)]
        self._done_before += self.planned.seconds
        self.exercise_index += 1
        return self._begin_exercise(at)
