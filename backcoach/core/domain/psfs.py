"""The Patient-Specific Functional Scale (docs/clinical.md, "Is the programme working?"): a few activities
the person finds hard because of their back, in their own words, each rated 0-10.

0 is "unable to do it", 10 "able to do it as well as before the problem". The score is the mean of the
activity ratings; a change of MEANINGFUL_MEAN in the mean (MEANINGFUL_ONE for one activity) is more than
measurement noise.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

SUGGESTED = 3  # how many to name, as the scale asks
MOST = 5  # at most
LONGEST = 60  # characters in an activity's name: a line on a small screen, a cell in the report
MEANINGFUL_MEAN = 2  # in the mean of the ratings
MEANINGFUL_ONE = 3  # in one activity's rating
SCALE = "0-10: 0 unable to do it, 10 as well as before the problem"
NAME = "Your activities (PSFS)"


def clean_activity(text: str) -> str:
    """An activity as typed, made one plain line (control and invisible characters out, runs of space
    one space), or ValueError with a message for the person typing it."""
    kept = "".join(
        " " if character.isspace() else character
        for character in text
        if character.isspace() or unicodedata.category(character) not in ("Cc", "Cf", "Cn", "Co", "Cs")
    )
    cleaned = " ".join(kept.split())
    if not cleaned:
        raise ValueError("Type an activity first, such as: putting on socks")
    if len(cleaned) > LONGEST:
        raise ValueError(f"That is {len(cleaned)} characters: keep it to {LONGEST} (a few words will do)")
    return cleaned


def same_activity(one: str, other: str) -> bool:
    return one.casefold() == other.casefold()


def check_new(text: str, activities: Iterable[str]) -> str:
    """A new activity beside the ones kept: cleaned, not one of them, not a sixth; ValueError says why."""
    cleaned = clean_activity(text)
    kept = list(activities)
    if any(same_activity(cleaned, one) for one in kept):
        raise ValueError(f"{cleaned!r} is already on your list")
    if len(kept) >= MOST:
        raise ValueError(f"At most {MOST} activities: retire one first to add another")
    return cleaned


def check_score(score: object) -> int:
    if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10:
        raise ValueError(f"{score!r} is not on the scale: a whole number, {SCALE}")
    return score


def parse_score(text: str) -> int:
    """A typed score, or ValueError with a message for the person typing it."""
    cleaned = text.strip()
    if not cleaned.isdigit() or not cleaned.isascii():
        raise ValueError(f"{cleaned or 'nothing'!r} is not a score: type a whole number, {SCALE}")
    return check_score(int(cleaned))


def mean(scores: Mapping[str, int] | Iterable[int]) -> float | None:
    """The PSFS score: the mean of the activity ratings; None for none."""
    values = list(scores.values() if isinstance(scores, Mapping) else scores)
    return sum(values) / len(values) if values else None


def improved(first: float, last: float) -> bool:
    """Up by a meaningful change in the mean (higher is better on this scale)."""
    return round(last - first, 9) >= MEANINGFUL_MEAN  # exactly 2 counts, whatever the float's last digit


def activity_changes(first: Mapping[str, int], last: Mapping[str, int]) -> dict[str, int]:
    """Each activity rated both times, with how much it rose (negative: fell)."""
    return {name: last[name] - score for name, score in first.items() if name in last}


def meaningful_for_one(change: int) -> bool:
    return abs(change) >= MEANINGFUL_ONE
