from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backcoach.core.domain.rating import parse_rating
from backcoach.core.domain.verdict import (
    ACCEPTABLE_MAX,
    GREEN_MAX,
    RISE_LIMIT,
    STOP_AT_RANGE,
    Level,
    acceptable_range,
)
from backcoach.core.session.pain import judge, second_red_advice, stop_advice


def expected_level(rating: int, before: int | None, sharp: bool, stop_at: int) -> Level:
    """The rule as docs/clinical.md states it, written out independently of the code."""
    if before is not None and before >= stop_at:  # a flare day: judged against the start
        if rating >= before + 2 or sharp:
            return Level.RED
        return Level.AMBER if rating >= stop_at else Level.GREEN
    if rating >= stop_at or sharp:
        return Level.RED
    if rating >= 4 or (before is not None and rating - before >= 2):
        return Level.AMBER
    return Level.GREEN


def test_every_rating_start_sharpness_and_stop_level_against_the_rule() -> None:
    for stop_at in range(3, 9):
        for before in [None, *range(11)]:
            for rating in range(11):
                for sharp in (False, True):
                    verdict = judge(rating, before, sharp, stop_at)
                    case = (rating, before, sharp, stop_at)
                    assert verdict.level is expected_level(rating, before, sharp, stop_at), case
                    text = " ".join(verdict.reasons)
                    assert ("sharp, shooting or spreading" in text) == sharp, case
                    assert "during this exercise" not in text, case
                    if before is not None and before >= stop_at:
                        continue  # a flare day: test_every_flare_day_case_against_the_rule
                    assert ("at or above your stop level" in text) == (rating >= stop_at), case
                    assert ("sharp, shooting or spreading" in text) == sharp, case
                    if verdict.level is Level.AMBER:
                        rise = None if before is None else rating - before
                        rose = rise is not None and rise >= 2
                        assert (f"Up {rise} since you started" in text) == rose, case
                        assert ("acceptable if it settles by tomorrow" in text) == (4 <= rating <= 5), case
                    assert "during this exercise" not in text, case


@pytest.mark.parametrize(
    ("rating", "before", "reasons"),
    [
        (4, 2, ("Rated 4: acceptable if it settles by tomorrow morning.",
                "Up 2 since you started (2 to 4): ease off, smaller movements.")),
        (3, 1, ("Up 2 since you started (1 to 3): ease off, smaller movements.",)),
        (2, 1, ("Little or no pain (2): carry on.",)),
        (7, 2, ("You rated it 7, at or above your stop level of 6.",)),
    ],
)  # fmt: skip
def test_the_message_says_which_part_of_the_rule_applied(
    rating: int, before: int, reasons: tuple[str, ...]
) -> None:
    assert judge(rating, before).reasons == reasons


def test_a_rise_alone_is_never_red_and_stop_at_is_settable() -> None:
    assert judge(3, before=0).level is Level.AMBER
    assert judge(5, before=0).level is Level.AMBER
    assert judge(6, stop_at=8).level is Level.AMBER
    assert judge(8, stop_at=8).level is Level.RED
    assert judge(3, stop_at=3).level is Level.RED
    with pytest.raises(ValueError, match="stop_at must be 3 to 8"):
        judge(3, stop_at=9)


def test_every_flare_day_case_against_the_rule() -> None:
    """Every start at or above stop_at, every rating and sharp flag: the start is the measure."""
    for stop_at in range(3, 9):
        for before in range(stop_at, 11):
            for rating in range(11):
                for sharp in (False, True):
                    verdict = judge(rating, before, sharp, stop_at)
                    case = (rating, before, sharp, stop_at)
                    assert verdict.level is expected_level(rating, before, sharp, stop_at), case
                    text = " ".join(verdict.reasons)
                    worse = rating - before >= 2
                    assert (f"Up {rating - before} since you started ({before} to {rating})" in text) == worse
                    assert "at or above your stop level" not in text, case
                    if verdict.level is Level.AMBER:
                        assert text == (
                            f"Rated {rating}: still high but not worse than your start ({before}):"
                            " keep the movement small."
                        )
                    if verdict.level is Level.GREEN:
                        assert (
                            text
                            == f"Rated {rating}: down below your stop level of {stop_at}: carry on gently."
                        )


@pytest.mark.parametrize("rating", [6, 7, 8])
def test_a_flare_day_at_its_start_or_better_is_never_red(rating: int) -> None:
    assert judge(rating, before=7).level is (Level.AMBER if rating >= 6 else Level.GREEN)
    assert judge(9, before=7).level is Level.RED
    assert judge(5, before=7).level is Level.GREEN


def test_a_red_says_what_to_do_and_never_that_pain_is_damage() -> None:
    said = stop_advice("Bridge")
    assert said == (
        "Stop Bridge for today. Exercise pain is a sign to do less, not a sign of damage:"
        " next time do it smaller or the easier way."
    )
    for word in ("strain", "injur", "harm"):
        assert word not in said.lower()


def test_a_second_red_says_ending_today_is_sensible() -> None:
    assert second_red_advice(1) is None
    assert second_red_advice(2) == (
        "That is 2 exercises that hurt today. Ending today's session is the sensible choice."
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


def test_the_reasons_state_the_thresholds_they_use() -> None:
    """Each number in a reason comes from its constant: change the constant and the words follow."""
    above = judge(ACCEPTABLE_MAX + 1, stop_at=ACCEPTABLE_MAX + 3)
    assert f"more than the {GREEN_MAX + 1}-{ACCEPTABLE_MAX} that is acceptable" in above.reasons[0]
    assert acceptable_range() == f"{GREEN_MAX + 1}-{ACCEPTABLE_MAX}"
    for stop_at in range(STOP_AT_RANGE[0], STOP_AT_RANGE[1] + 1):
        assert f"at or above your stop level of {stop_at}." in judge(stop_at, stop_at=stop_at).reasons[0]
    risen = judge(RISE_LIMIT, before=0)
    assert (
        risen.level is Level.AMBER
        and f"Up {RISE_LIMIT} since you started (0 to {RISE_LIMIT})" in risen.reasons[0]
    )
