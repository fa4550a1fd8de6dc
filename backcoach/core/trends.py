"""What the history says about progress: each exercise's trend and when to suggest seeing a clinician."""

from __future__ import annotations

from backcoach.core.history import Week

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


def hints(weeks: list[Week]) -> list[str]:
    """The honest reminders under the history, the clinician hint first when it applies."""
    lines = [
        "Back exercises take a few weeks to help: 3 or more sessions a week, for 6 to 12 weeks.",
        "If there is no improvement after 2 weeks of regular exercise, see your GP or physiotherapist.",
    ]
    if no_improvement(weeks):
        lines.insert(
            0, "Your back has not improved over the last 2 weeks of regular exercise: please see a clinician."
        )
    return lines
