"""Every cue of every shipped exercise is shown at least once per exercise, at any dose."""

from __future__ import annotations

import pytest

from backcoach.core.domain.dose import Dose
from backcoach.core.domain.exercise import Catalog, Exercise, Routine
from backcoach.core.domain.phase import Phase
from backcoach.core.kit.clock import ManualClock
from backcoach.core.session.cues import SWITCH_CUE
from backcoach.core.session.engine import Engine, State
from backcoach.core.session.plan import Plan, PlannedExercise, build_plan, exercise_steps
from backcoach.core.settings.model import Settings

TICK = 0.05


def shown_cues(exercise: Exercise, dose: Dose, get_ready: int, rest: int) -> list[tuple[Phase, str]]:
    """Watch the session screen's cue line through one exercise, a twentieth of a second at a time."""
    steps = exercise_steps(exercise, dose, get_ready, rest)
    plan = Plan(Routine("one", "One", (exercise.id,)), (PlannedExercise(exercise, dose, steps),))
    clock = ManualClock()
    engine = Engine(plan, clock)
    engine.start()
    seen: list[tuple[Phase, str]] = []
    while engine.state is State.RUNNING:
        view = engine.view()
        if not seen or seen[-1] != (view.step.phase, view.cue):
            seen.append((view.step.phase, view.cue))
        clock.advance(TICK)
        engine.update()
    return seen


@pytest.mark.parametrize(
    ("dose", "get_ready", "rest"),
    [(None, 5, 5), (Dose(2, 1), 5, 5), (Dose(2, 1), 0, 0), (Dose(1, 3), 0, 0)],
    ids=["default dose", "1 rep of 2 s", "1 rep of 2 s, no pauses", "3 reps of 1 s, no pauses"],
)
def test_every_cue_is_shown_at_least_once(
    catalog: Catalog, dose: Dose | None, get_ready: int, rest: int
) -> None:
    for exercise in catalog.exercises.values():
        used = dose or Dose(exercise.hold_seconds, exercise.reps)
        texts = [text for _, text in shown_cues(exercise, used, get_ready, rest)]
        for cue in exercise.cues:
            assert cue.text in texts, f"{exercise.id}: {cue.at} cue never shown at {used}"


def test_start_and_end_open_and_close_the_first_and_last_rep(catalog: Catalog) -> None:
    tilt = catalog.exercises["pelvic-tilt"]
    seen = shown_cues(tilt, Dose(5, 2), 5, 5)
    holds = [text for phase, text in seen if phase is Phase.HOLD]
    assert holds[0] == tilt.cues_at("start")[0] and holds[-1] == tilt.cues_at("end")[0]
    assert seen[0] == (Phase.GET_READY, tilt.setup)


def test_the_switch_cue_shows_during_the_switch_or_opens_the_next_side(catalog: Catalog) -> None:
    knee = catalog.exercises["knee-to-chest"]
    (switch,) = knee.cues_at("switch")
    assert (Phase.SWITCH_SIDE, switch) in shown_cues(knee, Dose(5, 1), 5, 5)
    straight_on = shown_cues(knee, Dose(5, 1), 0, 0)  # no switch step: the next hold says it first
    index = straight_on.index((Phase.HOLD, switch))
    assert straight_on[index + 1] == (Phase.HOLD, knee.cues_at("start")[0])
    bird_dog = catalog.exercises["bird-dog"]
    assert (Phase.REST, bird_dog.cues_at("switch")[0]) in shown_cues(bird_dog, Dose(5, 1), 5, 5)
    assert SWITCH_CUE not in [text for _, text in shown_cues(bird_dog, Dose(5, 2), 5, 5)]


def test_no_end_cue_shows_more_than_a_second_before_its_hold_ends(catalog: Catalog) -> None:
    for routine in catalog.routines.values():
        plan = build_plan(routine, catalog, Settings())
        clock = ManualClock()
        engine = Engine(plan, clock, wait_between_exercises=False)
        engine.start()
        while engine.state is State.RUNNING:
            view = engine.view()
            ends = view.planned.exercise.cues_at("end")
            if view.step.phase is Phase.HOLD and view.cue in ends:
                assert view.remaining <= 1 + 1e-9, (
                    f"{routine.id}: {view.cue!r} at {view.remaining:.2f} s left"
                )
            clock.advance(TICK)
            engine.update()


def test_cat_and_cow_shows_both_halves_on_every_rep(catalog: Catalog) -> None:
    cat_cow = catalog.exercises["cat-cow"]
    (rounding,), (sinking,) = cat_cow.cues_at("start"), cat_cow.cues_at("halfway")
    for dose in (Dose(cat_cow.hold_seconds, cat_cow.reps), Dose(2, 3), Dose(15, 2)):
        seen = shown_cues(cat_cow, dose, 5, 5)
        holds: list[list[str]] = []
        for phase, text in seen:
            if phase is Phase.HOLD and text == rounding:
                holds.append([])
            if phase is Phase.HOLD and holds:
                holds[-1].append(text)
        assert len(holds) == dose.reps
        for shown in holds:  # the back rounds, then sinks, in that order, on each rep
            assert shown.index(rounding) < shown.index(sinking), f"{dose}: {shown}"
