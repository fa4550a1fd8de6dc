"""Dose changes proposed from history: step up, hold or step down, each with its reason. Never silent."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import assert_never

from backcoach.core.domain.dose import Dose
from backcoach.core.domain.exercise import Exercise
from backcoach.core.domain.verdict import Level
from backcoach.core.kit.text import plural

STRETCH_STEP_SECONDS = 5
STRETCH_CAP_SECONDS = 30  # the reference allows 60 over 65 years; backcoach does not ask an age
MIN_HOLD_SECONDS = 5
HELD_STRETCH_SECONDS = 10  # shorter holds (a 5 s pelvic tilt) are movements: they step by reps
GREEN_SESSIONS_TO_STEP_UP = 2


class Change(Enum):
    UP = "step up"
    HOLD = "hold"
    DOWN = "step down"


@dataclass(frozen=True)
class Proposal:
    exercise: Exercise
    change: Change
    current: Dose
    proposed: Dose
    reason: str

    @property
    def changes_dose(self) -> bool:
        return self.proposed != self.current


def propose(exercise: Exercise, current: Dose, recent: list[tuple[int, Level]]) -> Proposal | None:
    """recent: (rating, verdict) of the exercise's last rated sessions, newest first, this one included."""
    if not recent:
        return None
    latest = recent[:GREEN_SESSIONS_TO_STEP_UP]
    rating, level = latest[0]
    match level:
        case Level.RED:
            proposed = step_down(exercise, current)
            easier = f" Try the easier way: {exercise.easier}" if exercise.easier else ""
            if proposed == current:
                reason = (
                    f"{exercise.name}: already at the lightest dose; it hurt today (rated {rating}).{easier}"
                )
            else:
                reason = f"{exercise.name}: {describe(current, proposed)} next time, it hurt today (rated {rating}).{easier}"
            return Proposal(exercise, Change.DOWN, current, proposed, reason)
        case Level.AMBER:
            return same_dose(exercise, current, latest)
        case Level.GREEN:
            return after_green(exercise, current, latest)
        case unhandled:
            assert_never(unhandled)


def same_dose(exercise: Exercise, current: Dose, latest: list[tuple[int, Level]]) -> Proposal:
    ratings = " and ".join(str(rating) for rating, _ in latest)
    reason = f"{exercise.name}: the same dose next time, some pain (rated {ratings}) should settle first."
    return Proposal(exercise, Change.HOLD, current, current, reason)


def after_green(exercise: Exercise, current: Dose, latest: list[tuple[int, Level]]) -> Proposal | None:
    """Green today: the sessions before decide. Green in every one steps up; some pain holds the dose;
    a red one, or too few sessions, proposes nothing yet."""
    if len(latest) < GREEN_SESSIONS_TO_STEP_UP:
        return None
    for _, earlier in latest[1:]:
        match earlier:
            case Level.RED:
                return None
            case Level.AMBER:
                return same_dose(exercise, current, latest)
            case Level.GREEN:
                continue
            case unhandled:
                assert_never(unhandled)
    proposed = step_up(exercise, current)
    if proposed == current:
        reason = f"{exercise.name}: at the top of its usual range; keep this dose."
        return Proposal(exercise, Change.HOLD, current, current, reason)
    ratings = " and ".join(str(rating) for rating, _ in latest)
    reason = f"{exercise.name}: {describe(current, proposed)} next time, rated {ratings} in your last two sessions."
    return Proposal(exercise, Change.UP, current, proposed, reason)


def held_stretch(exercise: Exercise) -> bool:
    """A stretch held 10 s or more in the catalog: it progresses by its hold, whatever today's dose."""
    return exercise.kind == "stretch" and exercise.hold_seconds >= HELD_STRETCH_SECONDS


def step_up(exercise: Exercise, dose: Dose) -> Dose:
    """A held stretch first regains its catalog hold, then grows to its hold cap, then adds reps; nothing
    goes past the top of the exercise's sourced range."""
    hold, reps = dose.hold_seconds, dose.reps
    if held_stretch(exercise):
        if hold < exercise.hold_seconds:
            return Dose(min(hold + STRETCH_STEP_SECONDS, exercise.hold_seconds), reps)
        cap = min(STRETCH_CAP_SECONDS, exercise.max_hold_seconds)
        if hold < cap:
            return Dose(min(hold + STRETCH_STEP_SECONDS, cap), reps)
    return Dose(hold, reps + 1) if reps < exercise.max_reps else dose


def step_down(exercise: Exercise, dose: Dose) -> Dose:
    """A held stretch holds 5 s less (never under 5 s); anything else does a rep less (never under 1)."""
    if held_stretch(exercise):
        return Dose(max(MIN_HOLD_SECONDS, dose.hold_seconds - STRETCH_STEP_SECONDS), dose.reps)
    return Dose(dose.hold_seconds, max(1, dose.reps - 1))


def describe(current: Dose, proposed: Dose) -> str:
    """Only what changes: "9 reps" or "25 s holds"."""
    if proposed.hold_seconds != current.hold_seconds:
        return f"{proposed.hold_seconds} s holds"
    return plural(proposed.reps, "rep")
