"""What the history says about progress: each exercise's trend and when to suggest seeing a clinician."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from backcoach.core.domain import psfs
from backcoach.core.domain.verdict import GREEN_MAX, RISE_LIMIT
from backcoach.core.history.database import Week

REGULAR_SESSIONS_A_WEEK = 3  # the typical programme: 3 or more sessions a week (docs/clinical.md)
RULE_SESSIONS_A_WEEK = 2  # "exercised regularly" for the no-improvement rule: 2 or more a week
MEANINGFUL_SHARE = 0.30  # a meaningful change: 2 points or about 30% (Farrar 2001)
MIN_EACH_SIDE = 3  # two ratings either way say nothing; three on each side begin to


def trend_words(ratings: tuple[int, ...]) -> str:
    """Compare the first and second half of the recent ratings: only a meaningful change (RISE_LIMIT
    points in the average) is called better or worse."""
    if len(ratings) < 2 * MIN_EACH_SIDE:
        return "not enough ratings yet"
    half = len(ratings) // 2
    earlier = sum(ratings[:half]) / half
    later = sum(ratings[half:]) / (len(ratings) - half)
    if later <= earlier - RISE_LIMIT:
        return "better"
    if later >= earlier + RISE_LIMIT:
        return "worse"
    return "about the same"


def improved(first: float, last: float) -> bool:
    """Down by a meaningful change: RISE_LIMIT points, or MEANINGFUL_SHARE of where it started (exactly
    2 points or exactly 30% counts: the comparison allows for the float's last digit)."""
    return round(first - last, 9) >= RISE_LIMIT or round(last - first * (1 - MEANINGFUL_SHARE), 9) <= 0


def psfs_improved_since(psfs_means: Sequence[tuple[date, float]], since: date) -> bool:
    """The PSFS mean up by a meaningful change from the last rating before `since` (else the first one)
    to the latest rating."""
    if len(psfs_means) < 2:
        return False
    before = [mean for day, mean in psfs_means if day < since]
    baseline = before[-1] if before else psfs_means[0][1]
    return psfs.improved(baseline, psfs_means[-1][1])


def no_improvement(weeks: list[Week], psfs_means: Sequence[tuple[date, float]] = ()) -> bool:
    """Two regular weeks (RULE_SESSIONS_A_WEEK or more sessions each) after the week they are compared
    with, a starting pain above GREEN_MAX then, and neither the pain (down 2 points or 30%) nor the PSFS
    mean (up 2, psfs_means oldest first) improved since. Pain that is already low is not "no
    improvement"."""
    recent = [week for week in weeks if week.sessions][-3:]
    if len(recent) < 3 or any(week.sessions < RULE_SESSIONS_A_WEEK for week in recent[1:]):
        return False
    first, last = recent[0].average_before, recent[-1].average_before
    if first is None or last is None or first <= GREEN_MAX or improved(first, last):
        return False
    return not psfs_improved_since(psfs_means, recent[1].start)


@dataclass(frozen=True)
class MorningRise:
    """A weekly check-in measure that rose: what to say, and whether to see a clinician."""

    measure: str  # "morning pain" or "morning stiffness"
    values: tuple[float, ...]  # the check-ins looked at, oldest first
    ease_off: bool  # up RISE_LIMIT or more since the check-in before
    twice: bool  # up that much two weeks in a row: see a clinician
    since_first: bool  # up that much since the first check-in: see a clinician


def morning_rises(weeks: list[Week]) -> list[MorningRise]:
    """The weekly rules on morning pain and stiffness (docs/clinical.md, "Weeks"). weeks end with this
    week; a week without a check-in is passed over, and only a latest check-in this week or last counts
    [our choice]: an old rise is not news."""
    rises = []
    for measure, values in (
        ("morning pain", [(index, week.morning_pain) for index, week in enumerate(weeks)]),
        ("morning stiffness", [(index, week.stiffness) for index, week in enumerate(weeks)]),
    ):
        checked = [(index, value) for index, value in values if value is not None]
        if len(checked) < 2 or checked[-1][0] < len(weeks) - 2:
            continue
        figures = tuple(value for _, value in checked)
        steps = [later - earlier for earlier, later in pairwise(figures)]
        ease_off = steps[-1] >= RISE_LIMIT
        twice = len(steps) >= 2 and min(steps[-2:]) >= RISE_LIMIT
        # The first check-in is the one before only with two check-ins: that is one week's rise.
        since_first = len(figures) >= 3 and figures[-1] - figures[0] >= RISE_LIMIT
        if ease_off or twice or since_first:
            rises.append(MorningRise(measure, figures, ease_off, twice, since_first))
    return rises


def rising_warning(weeks: list[Week]) -> str | None:
    """What to say when morning pain or stiffness rose: which, from what to what, and what to do."""
    lines = []
    for rise in morning_rises(weeks):
        values = rise.values
        said = []
        if rise.ease_off:
            said.append(
                f"Your {rise.measure} rose from {figure(values[-2])} to {figure(values[-1])} since the last"
                " check-in: ease off this week (fewer reps, shorter holds, or the Gentle day)."
            )
        if rise.twice:
            said.append("It has risen two weeks in a row: please see your GP or physiotherapist.")
        elif rise.since_first:
            said.append(
                f"Your {rise.measure} has gone from {figure(values[0])} at your first check-in to"
                f" {figure(values[-1])}: please see your GP or physiotherapist."
            )
        lines.append(" ".join(said))
    return " ".join(lines) or None


def figure(value: float) -> str:
    """A weekly average as a person reads it: 4, 4.5."""
    return f"{value:.1f}".removesuffix(".0")


def hints(weeks: list[Week], psfs_means: Sequence[tuple[date, float]] = ()) -> list[str]:
    """The honest reminders under the history, the clinician hint first when it applies."""
    lines = [
        f"Back exercises take a few weeks to help: {REGULAR_SESSIONS_A_WEEK} or more sessions a week, for 6 to 12"
        " weeks.",
        "If there is no improvement after 2 weeks of regular exercise, see your GP or physiotherapist.",
    ]
    if no_improvement(weeks, psfs_means):
        lines.insert(
            0,
            "Your back has not improved over the last 2 weeks of regular exercise: please see your GP or"
            " physiotherapist.",
        )
    if warning := rising_warning(weeks):
        lines.insert(0, warning)
    return lines
