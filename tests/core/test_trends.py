from __future__ import annotations

from datetime import date, timedelta

import pytest

from backcoach.core.history.database import Week
from backcoach.core.progress.trends import (
    REGULAR_SESSIONS_A_WEEK,
    hints,
    morning_pain_rising,
    no_improvement,
    rising_warning,
    trend_words,
)


@pytest.mark.parametrize(
    ("ratings", "words"),
    [
        ((), "not enough ratings yet"),
        ((6, 2), "not enough ratings yet"),  # two ratings are no trend
        ((6, 6, 2, 2, 2), "not enough ratings yet"),  # two on one side
        ((6, 5, 6, 3, 2, 3), "better"),
        ((2, 2, 2, 3, 3, 4), "worse"),
        ((3, 3, 4, 3, 4, 3), "about the same"),
    ],
)
def test_a_trend_needs_three_ratings_on_each_side(ratings: tuple[int, ...], words: str) -> None:
    assert trend_words(ratings) == words


def weeks(*rows: tuple[int, float | None]) -> list[Week]:
    monday = date(2026, 11, 2)
    return [Week(monday + timedelta(weeks=i), n, before, None) for i, (n, before) in enumerate(rows)]


def test_the_clinician_hint_needs_two_regular_weeks_without_improvement() -> None:
    assert no_improvement(weeks((2, 5.0), (3, 5.0), (4, 5.5)))
    assert not no_improvement(weeks((2, 5.0), (3, 5.0), (2, 5.5)))  # the last week was not regular
    assert not no_improvement(weeks((2, 5.0), (3, 4.5), (3, 4.0)))  # better
    assert not no_improvement(weeks((3, 5.0), (3, 5.0)))  # too soon
    assert hints(weeks((2, 5.0), (3, 5.0), (4, 5.5)))[0].startswith("Your back has not improved")
    assert "take a few weeks" in hints(weeks((3, 5.0)))[0]
    assert f"{REGULAR_SESSIONS_A_WEEK} or more sessions a week" in hints(weeks((3, 5.0)))[0]


def mornings(*pains: float | None) -> list[Week]:
    monday = date(2026, 11, 2)
    return [Week(monday + timedelta(weeks=i), 3, 4.0, None, pain, 5) for i, pain in enumerate(pains)]


def test_morning_pain_risen_two_weeks_in_a_row_is_said_with_the_reason() -> None:
    assert morning_pain_rising(mornings(2, 3, 4.5)) == (2, 3, 4.5)
    assert morning_pain_rising(mornings(2, 3, None, 4)) == (2, 3, 4)  # a week without a check-in is passed
    assert morning_pain_rising(mornings(2, 3, 4, None, None)) is None  # not this week or last: old news
    assert morning_pain_rising(mornings(2, 3, 3)) is None  # the same is not a rise
    assert morning_pain_rising(mornings(5, 3, 4)) is None  # risen once
    assert morning_pain_rising(mornings(3, 4)) is None  # too soon
    warning = rising_warning(mornings(2, 3, 4.5))
    assert warning is not None and "(2, then 3, then 4.5)" in warning
    assert "should not rise from week to week" in warning and "see your GP or physiotherapist" in warning
    assert hints(mornings(2, 3, 4.5))[0] == warning
