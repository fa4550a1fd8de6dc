"""Dose changes proposed from history: step up, hold or step down, each with its reason. Never silent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import assert_never

from backcoach.core.domain.dose import Dose
from backcoach.core.domain.exercise import Exercise
from backcoach.core.domain.morning import Settled
from backcoach.core.domain.verdict import Level
from backcoach.core.kit.text import plural

STRETCH_STEP_SECONDS = 5
STRETCH_CAP_SECONDS = 30  # the reference allows 60 over 65 years; backcoach does not ask an age
MIN_HOLD_SECONDS = 5
HELD_STRETCH_SECONDS = 10  # shorter holds (a 5 s pelvic tilt) are movements: they step by reps
GREEN_DAYS_TO_STEP_UP = 2  # "the last 2 sessions", counted as days: two on one day are one
LEVEL_ORDER = (Level.GREEN, Level.AMBER, Level.RED)


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
    harder: str = ""  # the harder way, offered at the starting dose, when the dose was at the top

    @property
    def changes_dose(self) -> bool:
        return self.proposed != self.current


def by_day(ratings: list[tuple[date, int, Level]]) -> list[tuple[int, Level]]:
    """(rating, verdict) of each day, newest day first: the day's worst verdict, and the highest
    rating among those [our choice: one painful session makes the day painful]."""
    days: dict[date, tuple[int, Level]] = {}
    for day, rating, level in ratings:
        worst = days.get(day)
        if worst is None or (LEVEL_ORDER.index(level), rating) > (LEVEL_ORDER.index(worst[1]), worst[0]):
            days[day] = (rating, level)
    return [days[day] for day in sorted(days, reverse=True)]


def propose(
    exercise: Exercise,
    current: Dose,
    recent: list[tuple[int, Level]],
    *,
    sharp: bool = False,
    morning: Settled | None = None,
    fits: Callable[[Dose], bool] | None = None,
) -> Proposal | None:
    """recent: (rating, verdict) of the exercise's last rated days, newest first, today first (its
    level this session's own when red). sharp: today's rating came with sharp pain. morning: the
    morning-after answer about the last session. fits: whether the routines stay within their length
    at a dose (the 20-minute bound)."""
    if not recent:
        return None
    latest = recent[:GREEN_DAYS_TO_STEP_UP]
    rating, level = latest[0]
    match level:
        case Level.RED:
            hurt = f"it hurt today (rated {rating}{', with sharp pain' if sharp else ''})"
            return stepped_down(exercise, current, hurt)
        case Level.AMBER:
            return same_dose(exercise, current, latest)
        case Level.GREEN:
            if morning is Settled.WORSE:
                return stepped_down(exercise, current, "your back was worse the morning after last time")
            if morning is Settled.SAME:
                reason = (
                    f"{exercise.name}: the same dose next time; your back was about the same the morning"
                    " after last time."
                )
                return Proposal(exercise, Change.HOLD, current, current, reason)
            return after_green(exercise, current, latest, fits or (lambda dose: True))
        case unhandled:
            assert_never(unhandled)


def stepped_down(exercise: Exercise, current: Dose, why: str) -> Proposal:
    proposed = step_down(exercise, current)
    easier = f" Try the easier way: {exercise.easier}" if exercise.easier else ""
    if proposed == current:
        reason = f"{exercise.name}: already at the lightest dose; {why}.{easier}"
    else:
        reason = f"{exercise.name}: {describe(current, proposed)} next time, {why}.{easier}"
    return Proposal(exercise, Change.DOWN, current, proposed, reason)


def same_dose(exercise: Exercise, current: Dose, latest: list[tuple[int, Level]]) -> Proposal:
    ratings = " and ".join(str(rating) for rating, _ in latest)
    reason = f"{exercise.name}: the same dose next time, some pain (rated {ratings}) should settle first."
    return Proposal(exercise, Change.HOLD, current, current, reason)


def after_green(
    exercise: Exercise, current: Dose, latest: list[tuple[int, Level]], fits: Callable[[Dose], bool]
) -> Proposal | None:
    """Green today: the days before decide. Green on each steps up; some pain holds the dose; a red
    one, or too few days, proposes nothing yet."""
    if len(latest) < GREEN_DAYS_TO_STEP_UP:
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
    if proposed == current or not fits(proposed):
        return at_the_top(exercise, current, at_cap=proposed == current)
    ratings = " and ".join(str(rating) for rating, _ in latest)
    reason = (
        f"{exercise.name}: {describe(current, proposed)} next time, rated {ratings} on your last"
        f" {GREEN_DAYS_TO_STEP_UP} days of exercise."
    )
    return Proposal(exercise, Change.UP, current, proposed, reason)


def at_the_top(exercise: Exercise, current: Dose, at_cap: bool) -> Proposal:
    """No more volume: the harder way at the starting dose where the catalog names one, else the same."""
    where = "at the top of its usual range" if at_cap else "as long as its routine should be"
    # The starting dose, but never more of either than now: the harder way adds difficulty, not volume.
    start = Dose(min(exercise.hold_seconds, current.hold_seconds), min(exercise.reps, current.reps))
    if exercise.harder and start != current:
        reason = (
            f"{exercise.name}: {where}. Next time try the harder way, back at"
            f" {plural(start.reps, 'rep')} of {start.hold_seconds} s: {exercise.harder}"
        )
        return Proposal(exercise, Change.UP, current, start, reason, exercise.harder)
    reason = f"{exercise.name}: {where}; keep this dose."
    return Proposal(exercise, Change.HOLD, current, current, reason)


def held_stretch(exercise: Exercise) -> bool:
    """A stretch held 10 s or more in the catalog: it progresses by its hold, whatever today's dose."""
    return exercise.kind == "stretch" and exercise.hold_seconds >= HELD_STRETCH_SECONDS


def hold_cap(exercise: Exercise) -> int:
    return min(STRETCH_CAP_SECONDS, exercise.max_hold_seconds)


def step_up(exercise: Exercise, dose: Dose) -> Dose:
    """A held stretch first regains its catalog hold, then grows to its hold cap, then adds reps; nothing
    goes past the top of the exercise's sourced range."""
    hold, reps = dose.hold_seconds, dose.reps
    if hold > exercise.max_hold_seconds or reps > exercise.max_reps:
        return dose  # a dose of your own past the top: no more volume on top of it
    if held_stretch(exercise):
        if hold < exercise.hold_seconds:
            return Dose(min(hold + STRETCH_STEP_SECONDS, exercise.hold_seconds), reps)
        if hold < hold_cap(exercise):
            return Dose(min(hold + STRETCH_STEP_SECONDS, hold_cap(exercise)), reps)
    return Dose(hold, reps + 1) if reps < exercise.max_reps else dose


def step_down(exercise: Exercise, dose: Dose) -> Dose:
    """A held stretch holds 5 s less, never under 5 s and never more than now (a 3 s hold stays 3 s);
    anything else does a rep less (never under 1). A dose of your own past the top of the range comes
    back within it: a step down never leaves a dose above a cap."""
    hold = min(dose.hold_seconds, exercise.max_hold_seconds)
    reps = min(dose.reps, exercise.max_reps)
    if held_stretch(exercise):
        hold = min(hold, max(MIN_HOLD_SECONDS, dose.hold_seconds - STRETCH_STEP_SECONDS))
        return Dose(hold, reps)
    return Dose(hold, max(1, min(reps, dose.reps - 1)))


def describe(current: Dose, proposed: Dose) -> str:
    """Only what changes: "9 reps" or "25 s holds"."""
    if proposed.hold_seconds != current.hold_seconds:
        return f"{proposed.hold_seconds} s holds"
    return plural(proposed.reps, "rep")
