from __future__ import annotations

import random

import pytest

from backcoach.core.domain.exercise import Catalog, Routine
from backcoach.core.domain.phase import Phase
from backcoach.core.domain.status import Status
from backcoach.core.kit.clock import ManualClock
from backcoach.core.session.engine import Engine, ExerciseFinished, SessionFinished, State, StepStarted
from backcoach.core.session.plan import SETUP_SECONDS, build_plan, exercise_steps
from backcoach.core.settings.model import Settings

QUICK = Settings(get_ready_seconds=6, rest_seconds=2)


def engine_for(catalog: Catalog, routine_id: str = "lower", wait: bool = True) -> tuple[Engine, ManualClock]:
    clock = ManualClock()
    plan = build_plan(catalog.routines[routine_id], catalog, QUICK)
    return Engine(plan, clock, wait_between_exercises=wait), clock


def shape(catalog: Catalog, exercise_id: str, hold: int, reps: int) -> list[tuple[str, int, int, str | None]]:
    from backcoach.core.domain.dose import Dose

    steps = exercise_steps(catalog.exercises[exercise_id], Dose(hold, reps), 6, 2)
    return [(step.phase.value, step.seconds, step.rep, step.side) for step in steps]


def test_both_sides_does_every_rep_on_the_left_then_switches(catalog: Catalog) -> None:
    assert shape(catalog, "knee-to-chest", 20, 2) == [
        ("GET READY", 6, 0, "left"),
        ("HOLD", 20, 1, "left"),
        ("REST", 2, 2, "left"),
        ("HOLD", 20, 2, "left"),
        ("SWITCH SIDE", 6, 1, "right"),
        ("HOLD", 20, 1, "right"),
        ("REST", 2, 2, "right"),
        ("HOLD", 20, 2, "right"),
    ]


def test_alternate_sides_swap_every_hold(catalog: Catalog) -> None:
    assert shape(catalog, "bird-dog", 8, 2) == [
        ("GET READY", 6, 0, "left"),
        ("HOLD", 8, 1, "left"),
        ("REST", 2, 1, "right"),
        ("HOLD", 8, 1, "right"),
        ("REST", 2, 2, "left"),
        ("HOLD", 8, 2, "left"),
        ("REST", 2, 2, "right"),
        ("HOLD", 8, 2, "right"),
    ]


def test_no_sides_and_zero_rest_leaves_out_empty_steps_but_the_setup_shows(catalog: Catalog) -> None:
    from backcoach.core.domain.dose import Dose

    steps = exercise_steps(catalog.exercises["pelvic-tilt"], Dose(5, 3), 0, 0)
    assert (steps[0].phase, steps[0].seconds, steps[0].rep) == (Phase.GET_READY, SETUP_SECONDS, 0)
    assert [(step.phase, step.rep, step.side) for step in steps[1:]] == [
        (Phase.HOLD, 1, None),
        (Phase.HOLD, 2, None),
        (Phase.HOLD, 3, None),
    ]


def test_settings_doses_follow_the_precedence(catalog: Catalog) -> None:
    knee, twist = catalog.exercises["knee-to-chest"], catalog.exercises["basic-twist"]
    assert (Settings().dose_for(knee).hold_seconds, Settings().dose_for(knee).reps) == (20, 2)
    timing = Settings(hold_seconds=12)
    assert (timing.dose_for(knee).hold_seconds, timing.dose_for(knee).reps) == (12, 2)
    assert timing.dose_for(twist).hold_seconds == 10  # [timing] stops at the twist's 10 s cap
    own = timing.with_dose("knee-to-chest", None, 4)
    assert (own.dose_for(knee).hold_seconds, own.dose_for(knee).reps) == (12, 4)
    own = own.with_dose("knee-to-chest", 7, 4)
    assert (own.dose_for(knee).hold_seconds, own.dose_for(twist).hold_seconds) == (7, 10)


def test_a_whole_routine_ends_exactly_at_the_planned_total(catalog: Catalog) -> None:
    engine, clock = engine_for(catalog, wait=False)
    start = clock.now()
    events = engine.start()
    clock.advance(engine.plan.total_seconds - 0.001)
    events += engine.update()
    assert engine.state is State.RUNNING
    clock.advance(0.001)
    events += engine.update()
    assert engine.state is State.FINISHED
    assert clock.now() - start == pytest.approx(engine.plan.total_seconds)
    finished = [event for event in events if isinstance(event, ExerciseFinished)]
    assert [event.planned.exercise.id for event in finished] == list(engine.plan.routine.exercise_ids)
    assert all(event.status is Status.COMPLETED for event in finished)
    assert events[-1] == SessionFinished(ended_early=False)
    steps_started = [event for event in events if isinstance(event, StepStarted)]
    assert len(steps_started) == sum(len(planned.steps) for planned in engine.plan.exercises)


def test_jittery_ticks_over_a_30_minute_plan_end_within_50_ms(catalog: Catalog) -> None:
    long_routine = Routine("long", "Long", catalog.routines["middle"].exercise_ids * 3)
    plan = build_plan(long_routine, catalog, Settings())
    assert plan.total_seconds >= 30 * 60
    clock = ManualClock()
    engine = Engine(plan, clock, wait_between_exercises=False)
    engine.start()
    start = clock.now()
    jitter = random.Random(7)
    while engine.state is not State.FINISHED:
        clock.advance(jitter.uniform(0.01, 0.3))  # a UI poll that is sometimes late
        engine.update()
    assert clock.now() - start - plan.total_seconds < 0.3
    assert clock.now() - start >= plan.total_seconds


def test_each_step_starts_within_50_ms_of_its_planned_time(catalog: Catalog) -> None:
    engine, clock = engine_for(catalog, "upper", wait=False)
    engine.start()
    start = clock.now()
    planned_starts = []
    elapsed = 0.0
    for planned in engine.plan.exercises:
        for step in planned.steps:
            planned_starts.append(elapsed)
            elapsed += step.seconds
    seen = [0.0]
    jitter = random.Random(3)
    while engine.state is not State.FINISHED:
        clock.advance(jitter.uniform(0.001, 0.05))
        seen += [clock.now() - start for event in engine.update() if isinstance(event, StepStarted)]
    assert len(seen) == len(planned_starts)
    # deadlines chain from the previous deadline, so a late poll never pushes later steps back
    assert all(0 <= actual - planned <= 0.05 for actual, planned in zip(seen, planned_starts, strict=True))


def test_pause_for_ten_minutes_shifts_nothing(catalog: Catalog) -> None:
    engine, clock = engine_for(catalog)
    engine.start()
    clock.advance(7.5)  # 6 s get ready, then 1.5 s into the first hold
    engine.update()
    before = engine.view()
    assert before.step.phase is Phase.HOLD and before.remaining == pytest.approx(3.5)
    engine.pause()
    clock.advance(600)
    assert engine.update() == []
    paused = engine.view()
    assert paused.state is State.PAUSED and paused.remaining == pytest.approx(3.5)
    assert paused.progress == pytest.approx(before.progress)
    engine.resume()
    clock.advance(3.4)
    assert engine.update() == []
    clock.advance(0.1)
    assert [type(event) for event in engine.update()] == [StepStarted]
    assert engine.view().step.phase is Phase.REST


def test_a_stopped_process_finds_the_hold_paused_where_it_stopped(catalog: Catalog) -> None:
    """kill -STOP for 60 s in the middle of a hold: no signal says so, but the gap between two looks
    at the clock does. The session pauses at the last look, with the hold's seconds still to go."""
    clock = ManualClock(frozen_after=2.0)
    engine = Engine(build_plan(catalog.routines["lower"], catalog, Settings()), clock)
    engine.start()
    for _ in range(75):  # 7.5 s in steps of 0.1 s: 5 s get ready, 2.5 s into the first 5 s hold
        clock.advance(0.1)
        engine.update()
    before = engine.view()
    assert before.step.phase is Phase.HOLD and before.remaining == pytest.approx(2.5)
    clock.advance(60)
    assert engine.update() == []
    stopped = engine.view()
    assert stopped.state is State.PAUSED and stopped.remaining == pytest.approx(2.5)
    assert stopped.step == before.step and stopped.progress == pytest.approx(before.progress)
    engine.resume()
    clock.advance(1.9)  # a late look after resuming is not a stop
    engine.update()
    assert engine.view().state is State.RUNNING and engine.view().remaining == pytest.approx(0.6)


def test_skip_and_stop_end_the_exercise_and_wait_for_the_pain_check(catalog: Catalog) -> None:
    engine, clock = engine_for(catalog)
    engine.start()
    clock.advance(5)
    engine.update()
    events = engine.skip_exercise()
    assert events == [ExerciseFinished(0, engine.plan.exercises[0], Status.SKIPPED)]
    assert engine.state is State.BETWEEN
    clock.advance(100)  # the person takes their time rating: no clock runs meanwhile
    assert engine.update() == []
    events = engine.continue_session()
    assert engine.view().planned.exercise.id == "knee-to-chest"
    assert engine.view().step.phase is Phase.GET_READY
    assert engine.view().remaining == pytest.approx(6)
    clock.advance(10)
    engine.update()
    events = engine.stop_exercise()
    assert events[0].status is Status.STOPPED  # type: ignore[union-attr]
    assert engine.view().progress == pytest.approx(
        sum(planned.seconds for planned in engine.plan.exercises[:2]) / engine.plan.total_seconds
    )


def test_end_session_finishes_early_and_ignores_later_intents(catalog: Catalog) -> None:
    engine, _clock = engine_for(catalog)
    engine.start()
    assert engine.end_session() == [SessionFinished(ended_early=True)]
    assert engine.state is State.FINISHED
    assert engine.skip_exercise() == [] and engine.end_session() == []
    engine.pause()
    assert engine.state is State.FINISHED


def test_last_exercise_finishing_then_continue_ends_the_session(catalog: Catalog) -> None:
    engine, clock = engine_for(catalog, "upper")
    engine.start()
    for _ in engine.plan.exercises:
        clock.advance(engine.planned.seconds)
        finished = engine.update()
        assert isinstance(finished[-1], ExerciseFinished)
        events = engine.continue_session()
    assert events == [SessionFinished(ended_early=False)]
    assert engine.view().progress == 1.0


def test_view_gives_rep_side_cue_and_next(catalog: Catalog) -> None:
    engine, clock = engine_for(catalog)
    engine.start()
    view = engine.view()
    assert view.step.phase is Phase.GET_READY
    assert view.cue == catalog.exercises["pelvic-tilt"].setup
    assert view.next_planned is not None and view.next_planned.exercise.id == "knee-to-chest"
    clock.advance(6.1)
    engine.update()
    assert engine.view().cue == catalog.exercises["pelvic-tilt"].cues_at("start")[0]
    engine.skip_exercise()
    engine.continue_session()
    clock.advance(6 + 9)  # a 20 s hold: start, this hold's form cue, the halfway cue at 10 s, then end
    engine.update()
    view = engine.view()
    assert (view.step.rep, view.step.reps, view.step.side) == (1, 2, "left")
    assert view.cue == catalog.exercises["knee-to-chest"].form_cue
    clock.advance(1)
    engine.update()
    assert engine.view().cue == catalog.exercises["knee-to-chest"].cues_at("halfway")[0]
    clock.advance(8.9)
    engine.update()
    assert engine.view().cue == catalog.exercises["knee-to-chest"].cues_at("halfway")[0]
    clock.advance(0.1)  # the last second of the hold
    engine.update()
    assert engine.view().cue == catalog.exercises["knee-to-chest"].cues_at("end")[0]


def test_new_doses_mid_session_apply_from_the_next_exercise(catalog: Catalog) -> None:
    engine, clock = engine_for(catalog)
    engine.start()
    clock.advance(7)
    engine.update()
    current = engine.planned
    longer = build_plan(
        catalog.routines["lower"], catalog, Settings(get_ready_seconds=3, rest_seconds=2, reps=1)
    )
    engine.replace_upcoming(longer)
    assert engine.planned is current  # the exercise under way keeps its dose
    assert engine.view().remaining == pytest.approx(4)
    assert [planned.dose.reps for planned in engine.plan.exercises[1:]] == [1] * 7
    assert engine.plan.total_seconds == current.seconds + sum(p.seconds for p in longer.exercises[1:])
    with pytest.raises(ValueError, match="same routine"):
        engine.replace_upcoming(build_plan(catalog.routines["upper"], catalog, QUICK))


def test_some_is_done_once_a_hold_has_begun_and_stays_so_through_rests_and_sides(catalog: Catalog) -> None:
    engine, clock = engine_for(catalog)
    assert not engine.any_done()  # not started
    engine.start()
    clock.advance(6)  # getting ready: nothing done yet, even at its very end
    engine.update()
    assert engine.step.phase is Phase.HOLD and not engine.any_done()  # the hold's first instant
    clock.advance(0.5)
    assert engine.any_done()  # part of a hold
    engine.pause()
    assert engine.any_done()  # paused mid-hold
    engine.resume()
    clock.advance(engine.remaining())
    engine.update()
    assert engine.step.phase is Phase.REST and engine.any_done()  # a rep done, resting
    engine.skip_exercise()
    assert not engine.any_done()  # between exercises nothing is under way
    engine.continue_session()
    assert engine.step.phase is Phase.GET_READY and not engine.any_done()
