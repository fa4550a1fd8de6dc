"""The session screen fits the terminal: the caution always whole, the drawing giving way first."""

from __future__ import annotations

import dataclasses

import pytest

from backcoach.core.domain.exercise import Catalog, Routine
from backcoach.tui.screens.session_layout import FIXED_ROWS, DrawingSize, Fit, fit
from backcoach.tui.widgets.big_letters import rows
from tests.tui.conftest import QUICK, MakeApp, run_to_rating, text_of, type_keys

GET_READY = ("GET READY", "GET READY", "2 reps of 20 s each side  ·  start on the left side")
COMPACT_DRAWING = (DrawingSize("compact", 1, 20, 6),)  # the tallest compact picture and its caption


@pytest.fixture(scope="module")
def catalog(catalog: Catalog) -> Catalog:
    """The lower back routine opening with the crunch, whose caution is the one cut short before,
    then cat and cow, on all fours."""
    lower = Routine("lower", "Lower back", ("crunch", "cat-cow"))
    return dataclasses.replace(catalog, routines={**catalog.routines, "lower": lower})


def rows_used(fitted: Fit, compact: bool) -> int:
    number = 3 if fitted.number_scale == 0 else 5 * fitted.number_scale
    middle = max(number + len(fitted.rep), fitted.drawing.rows if fitted.drawing else 0)
    word = 1 if fitted.word_size is None else rows(1, fitted.word_size[0])
    big_cue = rows(len(fitted.big_cue), fitted.cue_size[0]) + 1 if fitted.big_cue else 0
    texts = len(fitted.cue) + big_cue + len(fitted.caution) + len(fitted.verdict)
    return FIXED_ROWS[compact] + word + middle + texts


async def test_at_40x12_the_caution_is_whole_and_a_change_of_position_is_said_first(
    make_app: MakeApp,
) -> None:
    app = make_app(QUICK)
    async with app.run_test(size=(40, 12)) as pilot:
        await type_keys(pilot, "1", "3", "enter")
        caution = "Caution: Never do full sit-ups. Avoid this one if you have osteoporosis."
        assert text_of(app, "#caution").replace("\n", " ") == caution
        below = app.screen.query_one("#next").region
        assert app.screen.query_one("#caution").region.bottom <= below.y < 12  # nothing pushed off
        await run_to_rating(pilot)
        await type_keys(pilot, "1", "enter")  # on to cat and cow, on all fours
        cue = text_of(app, "#cue")  # the setup goes on, cut short: 40x12 has one line left for it
        assert cue.startswith("Come up onto your hands and knees.") and cue.count("Come up") == 1


def test_every_shipped_caution_fits_whole_in_the_smallest_terminal(catalog: Catalog) -> None:
    for exercise in catalog.exercises.values():
        caution = f"Caution: {exercise.caution}"
        fitted = fit(40, 12, True, "20", *GET_READY, COMPACT_DRAWING, exercise.setup, caution, "")
        assert " ".join(fitted.caution) == caution, exercise.id
        assert fitted.cue and rows_used(fitted, True) <= 12, exercise.id


def test_a_long_caution_takes_the_drawings_rows() -> None:
    caution = "Caution: " + "Stop if pain spreads down a leg, or you feel pins and needles. " * 2
    fitted = fit(40, 12, True, "20", *GET_READY, COMPACT_DRAWING, "Lie on your back.", caution, "")
    assert fitted.drawing is None and len(fitted.caution) == 4 and fitted.cue == ("Lie on your back.",)
    assert rows_used(fitted, True) <= 12


def test_a_big_terminal_draws_the_word_as_big_as_room_allows_and_the_cue_in_big_letters() -> None:
    drawing = (DrawingSize("normal", 2, 80, 21),)
    fitted = fit(
        200,
        60,
        False,
        "20",
        "HOLD",
        "HOLD",
        "Rep 1 of 2",
        drawing,
        "Draw the knee gently towards your chest",
        "",
        "",
    )
    assert fitted.drawing == drawing[0] and fitted.number_scale == 4  # a third of the height
    assert fitted.word_size == (2, 2)  # SWITCH SIDE at 3 would not fit 196 columns
    assert (
        fitted.big_cue == ("Draw the knee gently", "towards your chest")
        and fitted.cue_size == (1, 2)
        and fitted.cue == ()
    )
    assert rows_used(fitted, False) <= 60


def test_an_80x24_terminal_draws_the_word_in_square_dots_above_the_countdown() -> None:
    drawing = (DrawingSize("normal", 1, 40, 11),)
    cue = "Draw the knee gently towards your chest"
    fitted = fit(80, 24, False, "20", "HOLD", "HOLD", "Rep 1 of 2  ·  left side", drawing, cue, "", "")
    assert fitted.word_size == (0, 1) and fitted.number_scale == 1 and fitted.drawing == drawing[0]
    assert fitted.rep == ("HOLD  ·  Rep 1 of 2  ·  left side",) and fitted.cue == (cue,)
    assert rows_used(fitted, False) <= 24


NORMAL_DRAWING = (DrawingSize("normal", 1, 40, 6), DrawingSize("compact", 1, 20, 6))


def test_on_a_phone_the_drawing_goes_under_a_countdown_twice_the_size(catalog: Catalog) -> None:
    """43x36, a phone's page: beside the drawing the countdown would be 5 rows; stacked, it takes the width."""
    for exercise in catalog.exercises.values():
        caution = f"Caution: {exercise.caution}"
        beside = fit(43, 36, True, "20", *GET_READY, NORMAL_DRAWING, exercise.setup, caution, "")
        stacked = fit(
            43, 36, True, "20", *GET_READY, NORMAL_DRAWING, exercise.setup, caution, "", stacked=True
        )
        assert (beside.number_scale, stacked.number_scale) == (1, 2), exercise.id
        assert stacked.drawing == NORMAL_DRAWING[0], exercise.id  # the larger picture, under the count
        assert " ".join(stacked.caution) == caution and len(stacked.cue) >= 2, exercise.id
        middle = 10 + len(stacked.rep) + stacked.drawing.rows  # the count over the picture
        used = FIXED_ROWS[True] + 1 + middle + len(stacked.cue) + len(stacked.caution)
        assert used <= 36, exercise.id
