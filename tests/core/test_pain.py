from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backcoach.core.pain import Level, judge
from backcoach.core.rating import parse_rating


@pytest.mark.parametrize(
    ("rating", "before", "sharp", "level"),
    [
        (0, None, False, Level.GREEN),
        (3, None, False, Level.GREEN),
        (4, None, False, Level.AMBER),
        (5, 4, False, Level.AMBER),
        (6, None, False, Level.RED),
        (10, 10, False, Level.RED),
        (3, 1, False, Level.RED),  # rose by 2
        (2, 1, False, Level.GREEN),  # rose by 1
        (1, None, True, Level.RED),  # sharp or spreading
        (2, 5, False, Level.GREEN),  # better than at the start
    ],
)
def test_verdicts_follow_the_rule(rating: int, before: int | None, sharp: bool, level: Level) -> None:
    assert judge(rating, before, sharp).level is level


def test_stop_threshold_is_settable() -> None:
    assert judge(6, stop_at=8).level is Level.AMBER
    assert judge(8, stop_at=8).level is Level.RED
    assert judge(3, stop_at=3).level is Level.RED
    with pytest.raises(ValueError, match="stop_at must be 3 to 8"):
        judge(3, stop_at=9)


def test_red_gives_every_reason() -> None:
    verdict = judge(7, before=2, sharp=True)
    assert verdict.stop
    assert verdict.reasons == (
        "You rated it 7, at or above your stop level of 6.",
        "Your pain rose from 2 to 7 during this exercise.",
        "You felt sharp, shooting or spreading pain.",
    )


@pytest.mark.parametrize("bad", [11, -1, 2.5, "3", True, None])
def test_ratings_outside_0_to_10_or_not_whole_are_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="0-10: 0 no pain, 10 worst imaginable"):
        judge(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["11", "-1", "abc", "", " ", "2.5", "٣", "1e1"])
def test_typed_ratings_are_refused_with_the_scale(text: str) -> None:
    with pytest.raises(ValueError, match="0 no pain, 10 worst imaginable"):
        parse_rating(text)


@given(st.text(max_size=6))
def test_parse_rating_accepts_exactly_whole_numbers_0_to_10(text: str) -> None:
    cleaned = text.strip()
    acceptable = cleaned.isascii() and cleaned.isdigit() and int(cleaned) <= 10
    try:
        value = parse_rating(text)
    except ValueError:
        assert not acceptable
    else:
        assert acceptable and value == int(cleaned)
