"""What the history says about progress: each exercise's trend and when to suggest seeing a clinician."""

from __future__ import annotations

from itertools import pairwise

from backcoach.core.history.database import Week

REGULAR_SESSIONS_A_WEEK = 3  # the typical programme: 3 or more sessions a week (docs/clinical.md)


MIN_EACH_SIDE = 3  # two ratings either way say nothing; three on each side begin to


def trend_words(ratings: tuple[int, ...]) -> str:
    """Compare the first and second half of the recent ratings: a 1-point move in the average counts."""
    if len(ratings) < 2 * MIN_EACH_SIDE:
        return "not enough ratings yet"
    half = len(ratings) // 2
    earlier = sum(ratings[:half]) / half
    later = sum(ratings[half:]) / (len(ratings) - half)
    if later <= earlier - 1:
        return "better"
    if later >= earlier + 1:
        return "worse"
    return "about the same"


def no_improvement(weeks: list[Week]) -> bool:
    """Two regular weeks in a row, and the back feels no better than the week before them."""
    recent = [week for week in weeks if week.sessions][-3:]
    if len(recent) < 3 or any(week.sessions < REGULAR_SESSIONS_A_WEEK for week in recent[1:]):
        return False
    first, last = recent[0].average_before, recent[-1].average_before
    return first is not None and last is not None and last >= first


def morning_pain_rising(weeks: list[Week]) -> tuple[float, ...] | None:
    """The pain-monitoring model's weekly rule: morning pain must not rise from week to week.

    weeks end with this week. The last three weekly check-ins, each higher than the one before (risen two
    weeks in a row; a week without a check-in is passed over), the latest this week or last [our choice]:
    an old rise is not news. Returns the three values, oldest first, or None."""
    checked = [
        (index, week.morning_pain) for index, week in enumerate(weeks) if week.morning_pain is not None
    ]
    if len(checked) < 3 or checked[-1][0] < len(weeks) - 2:
        return None
    values = tuple(pain for _, pain in checked[-3:] if pain is not None)
    rising = all(later > earlier for earlier, later in pairwise(values))
    return values if rising else None


def rising_warning(weeks: list[Week]) -> str | None:
    """What to say when morning pain has risen two weeks in a row: the rule's reason, and what to do."""
    values = morning_pain_rising(weeks)
    if values is None:
        return None
    said = ", then ".join(figure(value) for value in values)
    return (
        f"Your morning pain has risen two weeks in a row ({said}). Pain on getting up should not rise"
        " from week to week: ease off (fewer reps, shorter holds, or the Gentle day), and if it keeps"
        " rising, see your GP or physiotherapist."
    )


def figure(value: float) -> str:
    """A weekly average as a person reads it: 4, 4.5."""
    return f"{value:.1f}".removesuffix(".0")


def hints(weeks: list[Week]) -> list[str]:
    """The honest reminders under the history, the clinician hint first when it applies."""
    lines = [
        f"Back exercises take a few weeks to help: {REGULAR_SESSIONS_A_WEEK} or more sessions a week, for 6 to 12"
        " weeks.",
        "If there is no improvement after 2 weeks of regular exercise, see your GP or physiotherapist.",
    ]
    if no_improvement(weeks):
        lines.insert(
            0, "Your back has not improved over the last 2 weeks of regular exercise: please see a clinician."
        )
    if warning := rising_warning(weeks):
        lines.insert(0, warning)
    return lines
