"""The reviews at weeks 6 and 12 (docs/clinical.md, "Reviews"): then and now for starting pain, morning
pain and the PSFS mean, the sessions done, and what it means.

Better by a meaningful change (either pain down 2 points or 30%, or the PSFS mean up 2): keep going.
Not better: talk to your GP or physiotherapist. A measure without a then and a now is said to be
missing, never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, assert_never

from backcoach.core.domain import psfs
from backcoach.core.kit.text import plural
from backcoach.core.progress.trends import figure, improved
from backcoach.core.progress.weekly import week_number

if TYPE_CHECKING:
    from backcoach.core.history.database import History

REVIEW_WEEKS = (6, 12)  # the typical programme lengths (docs/clinical.md)


class Verdict(Enum):
    BETTER = "better"
    NOT_BETTER = "not better"
    UNKNOWN = "not enough to compare"


@dataclass(frozen=True)
class Measure:
    name: str
    then: float | None
    now: float | None
    higher_is_better: bool = False
    when_then: str = "at the start"

    @property
    def compared(self) -> bool:
        return self.then is not None and self.now is not None

    @property
    def better(self) -> bool:
        if self.then is None or self.now is None:
            return False
        if self.higher_is_better:
            return psfs.improved(self.then, self.now)
        return improved(self.then, self.now)

    def line(self) -> str:
        if self.then is None or self.now is None:
            only = self.then if self.then is not None else self.now
            if only is None:
                return f"{self.name}: not given yet, so it cannot be compared."
            return f"{self.name}: given once so far ({figure(only)}), so it cannot be compared yet."
        change = self.now - self.then
        way = "up" if change > 0 else "down"
        moved = f"{way} {figure(abs(change))}" if round(change, 9) else "no change"
        return f"{self.name}: {figure(self.then)} {self.when_then}, {figure(self.now)} now ({moved})."


@dataclass(frozen=True)
class Review:
    week: int  # 6 or 12: the review's week
    week_now: int
    sessions: int
    measures: tuple[Measure, ...]

    @property
    def verdict(self) -> Verdict:
        if any(measure.better for measure in self.measures):
            return Verdict.BETTER
        if any(measure.compared for measure in self.measures):
            return Verdict.NOT_BETTER
        return Verdict.UNKNOWN

    @property
    def missing(self) -> list[str]:
        return [measure.name.lower() for measure in self.measures if not measure.compared]

    @property
    def title(self) -> str:
        return f"Your week {self.week} review"

    def lines(self) -> tuple[str, ...]:
        """What is shown, and kept in the history as shown."""
        sessions = f"Sessions done: {self.sessions} in {plural(self.week_now, 'week')}."
        return (self.title, sessions, *(measure.line() for measure in self.measures), self.meaning())

    def meaning(self) -> str:
        match self.verdict:
            case Verdict.BETTER:
                return (
                    "Better by a change that matters (pain down 2 points or 30%, or activities up 2): keep"
                    " going."
                )
            case Verdict.NOT_BETTER:
                return (
                    "Not better by a change that matters (pain down 2 points or 30%, or activities up 2):"
                    " talk to your GP or physiotherapist about what to do next."
                )
            case Verdict.UNKNOWN:
                return (
                    f"Not enough to compare yet ({', '.join(self.missing)}). If you are not sure the exercises"
                    " help, talk to your GP or physiotherapist."
                )
            case unhandled:
                assert_never(unhandled)


def due_week(week_now: int, reviewed: set[int]) -> int | None:
    """The latest review week reached and not yet shown; an earlier one missed (away at week 6, back
    at 13) is not shown after a later one."""
    reached = [week for week in REVIEW_WEEKS if week <= week_now]
    if not reached or reached[-1] in reviewed or any(week > reached[-1] for week in reviewed):
        return None
    return reached[-1]


def first_and_last(values: Sequence[float | None]) -> tuple[float | None, float | None]:
    """The first value given, and the last when it is another one (one value is not a change)."""
    given = [value for value in values if value is not None]
    if not given:
        return None, None
    return given[0], (given[-1] if len(given) > 1 else None)


def review_of(
    week: int,
    week_now: int,
    sessions: int,
    starting: Sequence[float | None],
    morning: Sequence[float | None],
    psfs_means: Sequence[float],
) -> Review:
    """starting and morning: weekly averages from week 1, None where a week has none."""
    measures = (
        Measure("Starting pain", *first_and_last(starting), when_then="in your first week"),
        Measure("Morning pain (check-ins)", *first_and_last(morning), when_then="at the first check-in"),
        Measure(
            "Activities (PSFS mean, higher is better)",
            *first_and_last(psfs_means),
            higher_is_better=True,
            when_then="at first",
        ),
    )
    return Review(week, week_now, sessions, measures)


def review_due(history: History, today: date) -> Review | None:
    """The review to show today, if one is due."""
    first_day = history.first_day()
    if first_day is None:
        return None
    week_now = week_number(first_day, today)
    week = due_week(week_now, history.reviewed_weeks())
    if week is None:
        return None
    weeks = history.weeks(today, week_now)
    means = [mean for one in history.psfs_sets() if (mean := psfs.mean(one.scores)) is not None]
    return review_of(
        week,
        week_now,
        history.session_count(),
        [one.average_before for one in weeks],
        [one.morning_pain for one in weeks],
        means,
    )
