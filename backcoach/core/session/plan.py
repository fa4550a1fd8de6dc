"""Turn a routine and the doses into timed steps: get ready, holds, rests and side switches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from backcoach.core.domain.dose import Dose
from backcoach.core.domain.exercise import Catalog, Exercise, Routine, RoutineDose
from backcoach.core.domain.personal import Personal, adjusted
from backcoach.core.domain.phase import Phase
from backcoach.core.session.positions import move_words

# However short the get-ready is set (0 s included), an exercise's setup and caution show this long
# before it starts, and a change of position (floor to chair, chair to doorway) gets this long
# [our choice: time to read the setup, and to get down or up without hurrying].
SETUP_SECONDS = 5
MOVE_SECONDS = 15


class DoseSource(Personal, Protocol):
    """What the plan needs from settings: timings and each exercise's dose."""

    @property
    def get_ready_seconds(self) -> int: ...

    @property
    def rest_seconds(self) -> int: ...

    def dose_for(self, exercise: Exercise) -> Dose: ...


@dataclass(frozen=True)
class Step:
    phase: Phase
    seconds: int
    rep: int  # 1-based rep this step belongs to; 0 while getting ready
    reps: int
    side: str | None  # "left" or "right" for one-sided exercises


@dataclass(frozen=True)
class PlannedExercise:
    exercise: Exercise
    dose: Dose
    steps: tuple[Step, ...]
    move: str = ""  # how to get into this exercise's position, when the one before was done in another

    @property
    def seconds(self) -> int:
        return sum(step.seconds for step in self.steps)


@dataclass(frozen=True)
class Plan:
    routine: Routine
    exercises: tuple[PlannedExercise, ...]

    @property
    def total_seconds(self) -> int:
        return sum(planned.seconds for planned in self.exercises)


def build_plan(routine: Routine, catalog: Catalog, timing: DoseSource) -> Plan:
    planned: list[PlannedExercise] = []
    routine, exercises = adjusted(routine, catalog, timing)  # a health condition's changes, with notes
    for exercise in exercises:
        dose = within(timing.dose_for(exercise), routine.doses.get(exercise.id))
        move = move_words(planned[-1].exercise.position if planned else None, exercise.position)
        steps = exercise_steps(exercise, dose, timing.get_ready_seconds, timing.rest_seconds, bool(move))
        planned.append(PlannedExercise(exercise, dose, steps, move))
    return Plan(routine, tuple(planned))


def within(dose: Dose, ceiling: RoutineDose | None) -> Dose:
    """A routine's own dose caps the usual one, never raises it: a gentle day is never more."""
    if ceiling is None:
        return dose
    hold = min(dose.hold_seconds, ceiling.hold_seconds or dose.hold_seconds)
    return Dose(hold, min(dose.reps, ceiling.reps or dose.reps))


def exercise_steps(
    exercise: Exercise, dose: Dose, get_ready: int, rest: int, moving: bool = False
) -> tuple[Step, ...]:
    """Holds with rests between them; "both" does every rep on the left, then switches side. The
    get-ready is at least SETUP_SECONDS, and MOVE_SECONDS when moving into a new position."""
    reps = dose.reps
    holds: list[tuple[int, str | None]]
    if exercise.sides == "both":
        holds = [(rep, side) for side in ("left", "right") for rep in range(1, reps + 1)]
    elif exercise.sides == "alternate":
        holds = [(rep, side) for rep in range(1, reps + 1) for side in ("left", "right")]
    else:
        holds = [(rep, None) for rep in range(1, reps + 1)]
    first_side = holds[0][1]
    ready = max(get_ready, MOVE_SECONDS if moving else SETUP_SECONDS)
    steps = [Step(Phase.GET_READY, ready, 0, reps, first_side)]
    for index, (rep, side) in enumerate(holds):
        if index:
            previous_side = holds[index - 1][1]
            if exercise.sides == "both" and side != previous_side:
                steps.append(Step(Phase.SWITCH_SIDE, get_ready, rep, reps, side))
            else:
                steps.append(Step(Phase.REST, rest, rep, reps, side))
        steps.append(Step(Phase.HOLD, dose.hold_seconds, rep, reps, side))
    # A zero-length step would flash past; leave it out.
    return tuple(step for step in steps if step.seconds > 0)


def minutes(seconds: float) -> int:
    """Whole minutes for an estimate, never shown as 0."""
    return max(1, round(seconds / 60))
