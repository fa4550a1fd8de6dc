"""Before each exercise: its setup and caution on screen for at least 5 s, however short the get-ready
is set; and on a change of position (floor to chair, chair to doorway) 15 s, with what to do."""

from __future__ import annotations

import pytest

from backcoach.core.announce.announce import Voice
from backcoach.core.announce.budget import SpeechRate
from backcoach.core.domain.exercise import Catalog
from backcoach.core.domain.phase import Phase
from backcoach.core.domain.rating import Rating
from backcoach.core.kit.clock import ManualClock
from backcoach.core.session.coach import Coach, CoachEvent, SessionView, StepBegan
from backcoach.core.session.plan import MOVE_SECONDS, SETUP_SECONDS, build_plan, exercise_steps
from backcoach.core.settings.model import Settings
from backcoach.core.tools.show import show_plan


def getting_ready(coach: Coach, clock: ManualClock) -> list[tuple[StepBegan, SessionView, SessionView]]:
    """Each exercise's get-ready as it begins, with the screen then and just before it ends."""
    seen: list[tuple[StepBegan, SessionView, SessionView]] = []

    def watch(events: list[CoachEvent]) -> None:
        for event in events:
            if isinstance(event, StepBegan) and event.step.phase is Phase.GET_READY:
                at_start = coach.view()
                clock.advance(event.step.seconds - 0.01)
                coach.update()
                seen.append((event, at_start, coach.view()))

    watch(coach.start())
    while not coach.finished:
        if coach.running:
            clock.advance(coach.remaining())
            watch(coach.update())
        else:
            watch(coach.rate(Rating(1)))
    return seen


@pytest.mark.parametrize("get_ready", [0, 1, 5])
def test_the_setup_and_caution_show_for_at_least_5_s_however_short_the_get_ready(
    catalog: Catalog, get_ready: int
) -> None:
    for routine in catalog.routines.values():
        clock = ManualClock()
        coach = Coach(routine, catalog, Settings(get_ready_seconds=get_ready), clock, None)
        readied = getting_ready(coach, clock)
        assert [began.exercise.id for began, _, _ in readied] == list(routine.exercise_ids)
        for began, first, last in readied:
            exercise = began.exercise
            assert began.step.seconds >= SETUP_SECONDS
            for view in (first, last):  # from the first moment to the last
                assert view.phase_word == "GET READY" and view.cue.endswith(exercise.setup)
                assert view.caution == f"Caution: {exercise.caution}"


def test_a_change_of_position_gets_15_s_and_says_what_to_do(catalog: Catalog) -> None:
    clock = ManualClock()
    coach = Coach(catalog.routines["daily"], catalog, Settings(), clock, None)
    readied = getting_ready(coach, clock)
    moves = [(began.exercise.id, began.step.seconds, view.move) for began, view, _ in readied]
    assert moves == [
        ("pelvic-tilt", 5, ""),
        ("knee-to-chest", 5, ""),  # lying, like the tilt
        ("knees-to-chest", 5, ""),
        ("cat-cow", MOVE_SECONDS, "Come up onto your hands and knees"),
        ("doorway-chest-stretch", MOVE_SECONDS, "Get up slowly and stand, with room around you"),
        ("bridge", MOVE_SECONDS, "Get down onto your back"),
        ("bird-dog", MOVE_SECONDS, "Come up onto your hands and knees"),
        ("shoulder-blade-squeeze", MOVE_SECONDS, "Get up slowly and sit on a firm chair"),
    ]
    for began, view, _ in readied:
        if view.move:  # on screen before the setup, and said before it
            assert view.cue == f"{view.move}. {began.exercise.setup}"
            said = Voice(SpeechRate(0.0554)).phrase([began])
            assert said.startswith(f"{began.exercise.name}. ") and f" {view.move}. " in said


def test_the_planned_length_counts_the_longer_get_ready(catalog: Catalog) -> None:
    settings = Settings()  # 5 s to get ready, 5 s rests
    daily = build_plan(catalog.routines["daily"], catalog, settings)
    staying = sum(
        sum(step.seconds for step in exercise_steps(planned.exercise, planned.dose, 5, 5))
        for planned in daily.exercises
    )
    assert daily.total_seconds == staying + 5 * (MOVE_SECONDS - 5)  # five changes of position
    assert show_plan(daily)[0] == "Daily routine (daily) at your doses: 8 exercises, 13:20"
