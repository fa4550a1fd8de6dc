from __future__ import annotations

from datetime import date, timedelta

import pytest

from backcoach.core.history.database import Week
from backcoach.core.progress.trends import (
    REGULAR_SESSIONS_A_WEEK,
    hints,
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
        ((2, 2, 2, 4, 4, 5), "worse"),
        ((3, 3, 4, 3, 4, 3), "about the same"),
        ((4, 4, 4, 3, 3, 3), "about the same"),  # 1 point is not a meaningful change
        ((2, 2, 2, 3, 3, 4), "about the same"),  # up 1.3: not "worse" either
    ],
)
def test_a_trend_needs_three_ratings_on_each_side(ratings: tuple[int, ...], words: str) -> None:
    assert trend_words(ratings) == words


def weeks(*rows: tuple[int, float | None]) -> list[Week]:
    monday = date(2026, 11, 2)
    return [Week(monday + timedelta(weeks=i), n, before, None) for i, (n, before) in enumerate(rows)]


def test_no_improvement_needs_two_regular_weeks_a_start_above_3_and_no_meaningful_change() -> None:
    assert no_improvement(weeks((2, 5.0), (3, 5.0), (4, 5.5)))
    assert no_improvement(weeks((1, 6.0), (2, 6.0), (2, 5.9)))  # 6 to 5.9 is not an improvement
    assert no_improvement(weeks((1, 6.0), (2, 5.0), (2, 4.5)))  # down 1.5 (25%): not yet meaningful
    assert not no_improvement(weeks((2, 6.0), (2, 5.0), (2, 4.0)))  # down 2
    assert not no_improvement(weeks((2, 10.0), (2, 8.0), (2, 6.9)))  # down 31%
    assert not no_improvement(weeks((2, 5.0), (3, 5.0), (1, 5.5)))  # the last week was not regular
    assert not no_improvement(weeks((3, 5.0), (3, 5.0)))  # too soon
    assert not no_improvement(weeks((3, 0.0), (3, 0.0), (3, 0.0)))  # 0, 0, 0: already no pain
    assert not no_improvement(weeks((3, 3.0), (3, 3.0), (3, 3.0)))  # 3 is low already
    assert hints(weeks((2, 5.0), (3, 5.0), (4, 5.5)))[0] == (
        "Your back has not improved over the last 2 weeks of regular exercise: please see your GP or"
        " physiotherapist."
    )
    assert not hints(weeks((3, 0.0), (3, 0.0), (3, 0.0)))[0].startswith("Your back has not improved")
    assert "take a few weeks" in hints(weeks((3, 5.0)))[0]
    assert f"{REGULAR_SESSIONS_A_WEEK} or more sessions a week" in hints(weeks((3, 5.0)))[0]


def mornings(*pains: float | None, stiffness: float | None = 5) -> list[Week]:
    monday = date(2026, 11, 2)
    return [Week(monday + timedelta(weeks=i), 3, 4.0, None, pain, stiffness if pain is not None else None)
            for i, pain in enumerate(pains)]  # fmt: skip


EASE = "ease off this week (fewer reps, shorter holds, or the Gentle day)."
SEE = "please see your GP or physiotherapist."


@pytest.mark.parametrize(
    ("pains", "said"),
    [
        ((2, 7), f"Your morning pain rose from 2 to 7 since the last check-in: {EASE}"),
        ((2, 2, 2, 8), f"Your morning pain rose from 2 to 8 since the last check-in: {EASE} Your morning pain"
         f" has gone from 2 at your first check-in to 8: {SEE}"),
        ((1, 3, 5), f"Your morning pain rose from 3 to 5 since the last check-in: {EASE} It has risen two"
         f" weeks in a row: {SEE}"),
        ((2, 3, 4), f"Your morning pain has gone from 2 at your first check-in to 4: {SEE}"),  # creeping up
        ((2, None, 4.5), f"Your morning pain rose from 2 to 4.5 since the last check-in: {EASE}"),  # gap passed
        ((1, 1.5, 2), None),  # rises of half a point are not meaningful
        ((3, 4), None),
        ((5, 3, 4), None),
        ((2, 7, None, None), None),  # not this week or last: old news
    ],
)  # fmt: skip
def test_the_weekly_morning_rules_say_which_rose_from_what_to_what(
    pains: tuple[float | None, ...], said: str | None
) -> None:
    assert rising_warning(mornings(*pains)) == said
    if said is not None:
        assert hints(mornings(*pains))[0] == said


def test_morning_stiffness_counts_as_pain_does() -> None:
    weeks = [
        Week(date(2026, 11, 2) + timedelta(weeks=i), 3, 4.0, None, 2, stiff) for i, stiff in enumerate((3, 6))
    ]
    assert rising_warning(weeks) == f"Your morning stiffness rose from 3 to 6 since the last check-in: {EASE}"
