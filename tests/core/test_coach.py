"""A whole session through the Coach on a manual clock: every result, verdict, status and proposal."""

from __future__ import annotations

import sqlite3
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from backcoach.core.domain.dose import Dose
from backcoach.core.domain.exercise import Catalog
from backcoach.core.domain.phase import Phase
from backcoach.core.domain.rating import Rating
from backcoach.core.domain.status import Status
from backcoach.core.domain.verdict import Level
from backcoach.core.history.database import History
from backcoach.core.history.writes import HistoryLog
from backcoach.core.kit.clock import ManualClock
from backcoach.core.progress.progression import Change
from backcoach.core.session.coach import (
    Coach,
    CoachEvent,
    CueBegan,
    FinalSeconds,
    HistoryProblem,
    RatingDue,
    SessionEnded,
    StepBegan,
    VerdictGiven,
)
from backcoach.core.session.engine import State
from backcoach.core.settings.model import Settings
from tests.core.test_history import add_session

STARTED = datetime(2026, 11, 23, 8, 30, tzinfo=timezone(timedelta(hours=1)))


def make_coach(catalog: Catalog, path: Path, pain_before: int | None = 3) -> tuple[Coach, ManualClock]:
    clock = ManualClock()
    log = HistoryLog(path)
    coach = Coach(catalog.routines["lower"], catalog, Settings(), clock, pain_before, log, lambda: STARTED)
    return coach, clock


def run_to_rating(coach: Coach, clock: ManualClock) -> list[CoachEvent]:
    """Let the clock run, deadline by deadline, until the exercise ends and its pain check is due."""
    events: list[CoachEvent] = []
    while not any(isinstance(event, RatingDue) for event in events):
        assert coach.running, "the exercise never ended"
        clock.advance(coach.remaining())
        events += coach.update()
    return events


def only(events: list[CoachEvent], kind: type) -> list:  # type: ignore[type-arg]
    return [event for event in events if isinstance(event, kind)]


def test_a_whole_routine_with_every_kind_of_answer(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    history = History(path)  # pelvic tilt was green last time: two greens step it up
    add_session(history, date(2026, 11, 21), 3, {"pelvic-tilt": 2})
    history.close()
    coach, clock = make_coach(catalog, path)

    (began,) = coach.start()
    assert isinstance(began, StepBegan)
    assert began.step.phase is Phase.GET_READY and coach.view().phase_word == "GET READY"
    assert coach.view().caution == "Caution: The movement is small. It should not add any pain."

    # 1. Pelvic tilt, rated 1: green, and the session goes straight on.
    (due,) = only(run_to_rating(coach, clock), RatingDue)
    assert due.question == "How did Pelvic tilt feel?" and coach.view().phase_word == "DONE"
    assert coach.view().caution == ""  # only before an exercise starts
    events = coach.rate(Rating(1))
    (verdict,) = only(events, VerdictGiven)
    assert verdict.verdict.level is Level.GREEN and not verdict.choice_due
    assert isinstance(events[-1], StepBegan) and events[-1].exercise.id == "knee-to-chest"
    assert coach.view().verdict_line.startswith("Pelvic tilt: rated 1, GREEN.")

    # 2. Knee to chest, rated 4: amber, shown on the next get-ready.
    run_to_rating(coach, clock)
    (verdict,) = only(coach.rate(Rating(4)), VerdictGiven)
    assert verdict.verdict.level is Level.AMBER
    assert "Knee to chest: rated 4, AMBER" in coach.view().verdict_line

    # 2b. Both knees to chest, after each leg: skipped.
    assert only(coach.skip(), StepBegan)[0].exercise.id == "basic-twist"

    # 3. Basic twist, rated 7: red; the session waits for the person's choice.
    run_to_rating(coach, clock)
    (verdict,) = only(coach.rate(Rating(7)), VerdictGiven)
    assert verdict.verdict.level is Level.RED and verdict.choice_due and not verdict.is_last
    assert any(line.startswith("Check your form next time:") for line in verdict.advice)
    assert not any("Ending today's session" in line for line in verdict.advice)  # only after a second
    assert coach.engine.state is State.BETWEEN
    clock.advance(600)
    assert coach.update() == [] and coach.rate(Rating(0)) == []  # nothing moves until go on
    assert only(coach.go_on(), StepBegan)[0].exercise.id == "piriformis-stretch"

    # 4. Piriformis: "this hurts" on the left side, mid-hold; sharp pain makes it red.
    clock.advance(coach.remaining())
    coach.update()
    clock.advance(1)
    assert coach.view().step.phase is Phase.HOLD and coach.view().step.side == "left"
    (due,) = only(coach.hurts(), RatingDue)
    assert due.question == "You stopped Piriformis stretch. How much does it hurt?"
    (verdict,) = only(coach.rate(Rating(3, sharp=True)), VerdictGiven)
    assert verdict.verdict.level is Level.RED and verdict.choice_due
    assert verdict.advice[0] == (  # the second red: said plainly, first; going on is still allowed
        "That is 2 exercises that hurt today. Ending today's session is the sensible choice."
    )
    coach.go_on()

    # 5. Bridge: skipped, no rating asked.
    events = coach.skip()
    assert not only(events, RatingDue) and only(events, StepBegan)[0].exercise.id == "leg-raise"
    assert coach.view().verdict_line == "Skipped Bridge."

    # 6. Leg raise, rated 2: green.  7. Crunch: the person ends the session during it.
    run_to_rating(coach, clock)
    coach.rate(Rating(2))
    clock.advance(coach.remaining() + 1)
    coach.update()
    (ended,) = only(coach.end(), SessionEnded)

    record = ended.summary.record
    assert record.ended_early and record.pain_before == 3 and record.started_at == STARTED
    assert [(r.exercise_id, r.status, r.verdict.level if r.verdict else None, r.side) for r in record.results] == [
        ("pelvic-tilt", Status.COMPLETED, Level.GREEN, None),
        ("knee-to-chest", Status.COMPLETED, Level.AMBER, None),
        ("knees-to-chest", Status.SKIPPED, None, None),
        ("basic-twist", Status.COMPLETED, Level.RED, None),
        ("piriformis-stretch", Status.STOPPED, Level.RED, "left"),
        ("bridge", Status.SKIPPED, None, None),
        ("leg-raise", Status.COMPLETED, Level.GREEN, None),
    ]  # fmt: skip
    proposals = {p.exercise.id: (p.change, p.proposed) for p in ended.summary.proposals}
    assert proposals == {
        "pelvic-tilt": (Change.UP, Dose(5, 9)),  # green today and last time
        "knee-to-chest": (Change.HOLD, Dose(20, 2)),  # amber holds the dose
        "basic-twist": (Change.DOWN, Dose(5, 3)),  # red steps a held stretch down 5 s
        "piriformis-stretch": (Change.DOWN, Dose(25, 2)),
    }  # leg raise: one green session is not enough to step up
    assert ended.summary.changes == tuple(p for p in ended.summary.proposals if p.change is not Change.HOLD)

    # Every result is in the history file, and the session's end with it.
    coach.history.close()  # type: ignore[union-attr]
    history = History(path)
    rows = [row for row in history.csv_rows() if row[0] == STARTED.isoformat()]
    assert [(row[2], row[3], row[7], row[8]) for row in rows] == [
        ("pelvic-tilt", "", 1, "completed"),
        ("knee-to-chest", "", 4, "completed"),
        ("knees-to-chest", "", None, "skipped"),
        ("basic-twist", "", 7, "completed"),
        ("piriformis-stretch", "left", 3, "stopped"),
        ("bridge", "", None, "skipped"),
        ("leg-raise", "", 2, "completed"),
    ]
    assert history.recent_sessions(1)[0].status == "ended early"


def test_a_red_on_the_last_exercise_then_go_on_gives_the_summary(catalog: Catalog, tmp_path: Path) -> None:
    coach, clock = make_coach(catalog, tmp_path / "history.sqlite3", pain_before=None)
    coach.start()
    for _ in range(7):
        coach.skip()
    run_to_rating(coach, clock)
    (verdict,) = only(coach.rate(Rating(9)), VerdictGiven)
    assert verdict.is_last and verdict.choice_due
    (ended,) = only(coach.go_on(), SessionEnded)
    assert not ended.summary.record.ended_early
    assert coach.finished and coach.go_on() == [] and coach.end() == []


def test_pause_holds_the_clock_and_new_settings_apply_from_the_next_exercise(
    catalog: Catalog, tmp_path: Path
) -> None:
    coach, clock = make_coach(
        catalog, tmp_path / "history.sqlite3", pain_before=1
    )  # below the new stop level
    coach.start()
    clock.advance(2)
    coach.pause()
    clock.advance(1000)
    assert coach.view().phase_word == "PAUSED" and coach.remaining() == pytest.approx(3)
    coach.resume()
    coach.use_settings(Settings(hold_seconds=12, stop_at=3))
    assert coach.view().planned.dose == Dose(5, 8)  # the exercise under way keeps its dose
    run_to_rating(coach, clock)
    (verdict,) = only(coach.rate(Rating(3)), VerdictGiven)
    assert verdict.verdict.level is Level.RED  # the new stop level counts at once
    coach.go_on()
    assert coach.view().planned.dose == Dose(12, 2)


def test_a_locked_history_is_reported_once_and_the_session_goes_on(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    coach, clock = make_coach(catalog, path)
    problems = only(coach.start(), HistoryProblem)
    assert len(problems) == 1 and str(path) in problems[0].message
    run_to_rating(coach, clock)
    events = coach.rate(Rating(1))
    assert not only(events, HistoryProblem) and only(events, StepBegan)  # said once; coaching goes on
    assert path.read_bytes() == b"this is not a database" * 100  # never overwritten


def test_a_rating_with_the_history_locked_by_another_program_returns_at_once(
    catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).close()
    coach, clock = make_coach(catalog, path)
    coach.start()
    run_to_rating(coach, clock)
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")  # a real lock, held by another connection
    began = time.perf_counter()
    events = coach.rate(Rating(1))
    took = time.perf_counter() - began
    locker.execute("COMMIT")
    assert only(events, HistoryProblem) and only(events, StepBegan)  # said, and the session goes on
    assert took < 0.2, f"the rating waited {took:.3f} s for the history"
    assert len(coach.history.pending) == 1  # type: ignore[union-attr]  # waiting, not lost


def test_a_gentle_day_never_steps_a_dose_up(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    history = History(path)
    add_session(history, date(2026, 11, 21), 3, {"pelvic-tilt": 1})  # green last time too
    history.close()
    coach = Coach(
        catalog.routines["gentle"], catalog, Settings(), (clock := ManualClock()), 6, HistoryLog(path)
    )
    coach.start()
    run_to_rating(coach, clock)
    assert coach.view().planned.dose == Dose(5, 5)  # the gentle dose, not the usual 5 s x 8
    coach.rate(Rating(1))
    events = coach.end()
    (ended,) = only(events, SessionEnded)
    assert all(proposal.change is not Change.UP for proposal in ended.summary.proposals)


def run_by_seconds(coach: Coach, clock: ManualClock, seconds: int) -> list[tuple[float, CoachEvent]]:
    """Tick as the screen does, once a second, keeping when each event came."""
    timed: list[tuple[float, CoachEvent]] = []
    for _ in range(seconds):
        clock.advance(1)
        timed += [(clock.now() - 1000, event) for event in coach.update()]
    return timed


def test_a_hold_says_when_its_cues_change_and_when_its_last_three_seconds_begin(
    catalog: Catalog, tmp_path: Path
) -> None:
    coach, clock = make_coach(catalog, tmp_path / "history.sqlite3")
    coach.start()
    for _ in range(4):  # pelvic tilt, both knee to chest steps, basic twist: skipped; piriformis 30 s a side
        coach.skip()
    timed = run_by_seconds(coach, clock, 5 + 29)
    began = [(at, e.step.phase, e.side_changed) for at, e in timed if isinstance(e, StepBegan)]
    assert began == [(5, Phase.HOLD, False)]
    counts = [(at, e.seconds) for at, e in timed if isinstance(e, FinalSeconds)]
    assert counts == [(32, 3), (33, 2), (34, 1)]  # 3 s left at 32 s: the last three, each as it shows
    cues = [e.cue for _, e in timed if isinstance(e, CueBegan)]
    exercise = catalog.exercises["piriformis-stretch"]
    assert cues and cues[-1] == exercise.cues_at("end")[0] and len(set(cues)) == len(cues)
    assert coach.view().frame == "end"
    clock.advance(1)
    (rest,) = only(coach.update(), StepBegan)  # the rest after the last hold of this side
    assert rest.step.phase is Phase.REST and not rest.side_changed and coach.view().frame == "start"


def test_a_short_hold_pips_only_after_it_starts_and_the_view_gives_time_and_place(
    catalog: Catalog, tmp_path: Path
) -> None:
    coach, clock = make_coach(catalog, tmp_path / "history.sqlite3")
    coach.start()
    view = coach.view()
    assert view.seconds_left == view.total_seconds
    assert view.at_a_glance.endswith("left · exercise 1 of 8 · next: Knee to chest")
    for _ in range(6):
        coach.skip()  # to the leg raise: 3 s holds
    timed = run_by_seconds(coach, clock, 5 + 3)
    assert [(at, e.seconds) for at, e in timed if isinstance(e, FinalSeconds)] == [(6, 2), (7, 1)]
    view = coach.view()
    leg_raise_and_crunch = sum(planned.seconds for planned in coach.engine.plan.exercises[6:])
    assert view.seconds_left == pytest.approx(leg_raise_and_crunch - 8)
    minutes, seconds = divmod(leg_raise_and_crunch - 8, 60)
    assert view.at_a_glance == f"{minutes}:{seconds:02d} left · exercise 7 of 8 · next: Partial crunch"


def test_skipping_the_rest_asks_only_once_some_is_done_and_rates_it_as_stopped(
    catalog: Catalog, tmp_path: Path
) -> None:
    coach, clock = make_coach(catalog, tmp_path / "history.sqlite3")
    coach.start()
    assert not coach.skip_asks  # getting ready: n skips at once, as before
    clock.advance(coach.remaining() + 1)
    coach.update()
    assert coach.skip_asks  # a second into the first hold
    (due,) = only(coach.skip_rest(), RatingDue)
    assert due.question == "You skipped the rest of Pelvic tilt. How did it feel?"
    assert not due.stopped and due.ended_on == ""  # not "this hurts", and its end cue never came
    (verdict,) = only(coach.rate(Rating(2)), VerdictGiven)
    assert verdict.result.status is Status.STOPPED and verdict.result.rating == Rating(2)
    assert not coach.skip_asks  # the next exercise is getting ready
    assert not only(coach.skip_rest(), RatingDue)  # nothing of it done: a plain skip, unrated
    assert coach.record.results[-1].status is Status.SKIPPED
    clock.advance(coach.remaining() + 1)
    coach.update()
    (due,) = only(coach.hurts(), RatingDue)  # and "this hurts" still asks how much it hurts
    assert due.stopped and due.question.startswith("You stopped Both knees to chest.")


def test_only_a_second_red_advises_ending_and_says_so_as_data(catalog: Catalog, tmp_path: Path) -> None:
    coach, clock = make_coach(catalog, tmp_path / "history.sqlite3")
    coach.start()
    advised = []
    for _ in range(3):
        run_to_rating(coach, clock)
        (verdict,) = only(coach.rate(Rating(8)), VerdictGiven)
        advised.append(verdict.end_advised)
        coach.go_on()
    assert advised == [False, True, True]
