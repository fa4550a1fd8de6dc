"""Dose changes proposed from history: step up, hold or step down, each with its reason. Never silent."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from backcoach.core.catalog import MAX_REPS, Exercise
from backcoach.core.pain import Level
from backcoach.core.plan import Dose
from backcoach.core.text import plural

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
    ratings = " and ".join(str(rating) for rating, _ in latest)
    name = exercise.name
    if latest[0][1] is Level.RED:
        proposed = _step(exercise, current, -1)
        easier = f" Try the easier way: {exercise.easier}" if exercise.easier else ""
        if proposed == current:
            reason = f"{name}: already at the lightest dose; it hurt today (rated {latest[0][0]}).{easier}"
        else:
            reason = f"{name}: {describe(current, proposed)} next time, it hurt today (rated {latest[0][0]}).{easier}"
        return Proposal(exercise, Change.DOWN, current, proposed, reason)
    if any(verdict is Level.AMBER for _, verdict in latest):
        reason = f"{name}: the same dose next time, some pain (rated {ratings}) should settle first."
        return Proposal(exercise, Change.HOLD, current, current, reason)
    if len(latest) == GREEN_SESSIONS_TO_STEP_UP and all(verdict is Level.GREEN for _, verdict in latest):
        proposed = _step(exercise, current, +1)
        if proposed == current:
            reason = f"{name}: already at the most this coach suggests; keep it there."
            return Proposal(exercise, Change.HOLD, current, current, reason)
        reason = (
            f"{name}: {describe(current, proposed)} next time, rated {ratings} in your last two sessions."
        )
        return Proposal(exercise, Change.UP, current, proposed, reason)
    return None


def _step(exercise: Exercise, dose: Dose, direction: int) -> Dose:
    """A held stretch moves its hold by 5 s (5 to 30 s); anything else moves its reps by 1 (1 to 50)."""
    if exercise.kind == "stretch" and dose.hold_seconds >= HELD_STRETCH_SECONDS:
        hold = dose.hold_seconds + direction * STRETCH_STEP_SECONDS
        hold = (
            min(hold, max(STRETCH_CAP_SECONDS, dose.hold_seconds))
            if direction > 0
            else max(hold, MIN_HOLD_SECONDS)
        )
        return Dose(hold, dose.reps)
    return Dose(dose.hold_seconds, min(MAX_REPS, max(1, dose.reps + direction)))


def describe(current: Dose, proposed: Dose) -> str:
    """Only what changes: "9 reps" or "25 s holds"."""
    if proposed.hold_seconds != current.hold_seconds:
        return f"{proposed.hold_seconds} s holds"
    return plural(proposed.reps, "rep")
