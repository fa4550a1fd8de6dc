from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backcoach.core.catalog.load import load_catalog
from backcoach.core.domain.dose import Dose
from backcoach.core.domain.exercise import Catalog, Exercise, Routine
from backcoach.core.domain.verdict import Level
from backcoach.core.progress.next_time import MAX_ROUTINE_SECONDS, within_length
from backcoach.core.progress.progression import Change, by_day, propose
from backcoach.core.session.plan import build_plan
from backcoach.core.settings.model import Settings

GREEN2 = [(0, Level.GREEN), (1, Level.GREEN)]


@pytest.mark.parametrize(
    ("exercise_id", "dose", "recent", "change", "proposed", "reason"),
    [
        ("pelvic-tilt", Dose(5, 8), [(1, Level.GREEN), (2, Level.GREEN)], Change.UP, Dose(5, 9),
         "Pelvic tilt: 9 reps next time, rated 1 and 2 on your last 2 days of exercise."),
        ("pelvic-tilt", Dose(5, 15), GREEN2, Change.HOLD, Dose(5, 15), "keep this dose"),  # 15: top of 5-15
        ("knee-to-chest", Dose(20, 2), GREEN2, Change.UP, Dose(25, 2), "Knee to chest: 25 s holds next time"),
        ("knee-to-chest", Dose(28, 2), GREEN2, Change.UP, Dose(30, 2), "30 s holds"),
        ("knee-to-chest", Dose(30, 2), GREEN2, Change.UP, Dose(30, 3), "3 reps"),  # at its hold cap: reps
        ("knee-to-chest", Dose(30, 5), GREEN2, Change.HOLD, Dose(30, 5), "keep this dose"),  # top of both
        ("knee-to-chest", Dose(5, 4), GREEN2, Change.UP, Dose(10, 4), "10 s holds"),  # regains its hold first
        ("basic-twist", Dose(10, 3), GREEN2, Change.UP, Dose(10, 4), "4 reps"),  # 10 s is its source maximum
        ("bridge", Dose(10, 5), [(1, Level.GREEN), (4, Level.AMBER)], Change.HOLD, Dose(10, 5),
         "Bridge: the same dose next time, some pain (rated 1 and 4) should settle first."),
        ("bridge", Dose(10, 5), [(7, Level.RED), (1, Level.GREEN)], Change.DOWN, Dose(10, 4),
         "Bridge: 4 reps next time, it hurt today (rated 7). Try the easier way: Lift the hips only a little way."),
        ("knee-to-chest", Dose(10, 2), [(6, Level.RED)], Change.DOWN, Dose(5, 2), "5 s holds"),
        ("knee-to-chest", Dose(5, 2), [(6, Level.RED)], Change.DOWN, Dose(5, 2),
         "already at the lightest dose; it hurt today (rated 6). Try the easier way"),  # floor: easier only
        ("crunch", Dose(5, 1), [(9, Level.RED)], Change.DOWN, Dose(5, 1), "already at the lightest dose"),
        ("knee-to-chest", Dose(3, 2), [(7, Level.RED)], Change.DOWN, Dose(3, 2),
         "Knee to chest: already at the lightest dose; it hurt today (rated 7)."),  # 3 s never becomes 5 s
        ("thoracic-extension", Dose(10, 2), GREEN2, Change.UP, Dose(10, 3), "3 reps"),  # 10 s: the chair's cap
        ("bridge", Dose(10, 30), GREEN2, Change.UP, Dose(10, 5),
         "Bridge: at the top of its usual range. Next time try the harder way, back at 5 reps of 10 s:"
         " Single-leg bridge"),
        ("bird-dog", Dose(10, 6), GREEN2, Change.UP, Dose(8, 5), "the harder way, back at 5 reps of 8 s"),
        ("crunch", Dose(5, 10), GREEN2, Change.HOLD, Dose(5, 10), "at the top of its usual range; keep this dose"),
    ],
)  # fmt: skip
def test_the_rule_on_crafted_histories(
    catalog: Catalog,
    exercise_id: str,
    dose: Dose,
    recent: list[tuple[int, Level]],
    change: Change,
    proposed: Dose,
    reason: str,
) -> None:
    proposal = propose(catalog.exercises[exercise_id], dose, recent)
    assert proposal is not None
    assert (proposal.change, proposal.proposed) == (change, proposed)
    assert reason in proposal.reason


def test_one_green_session_is_not_enough_and_no_history_proposes_nothing(catalog: Catalog) -> None:
    bridge = catalog.exercises["bridge"]
    assert propose(bridge, Dose(10, 5), [(1, Level.GREEN)]) is None
    assert propose(bridge, Dose(10, 5), []) is None


def test_every_shipped_dose_sits_inside_its_sourced_range(catalog: Catalog) -> None:
    for exercise in catalog.exercises.values():
        assert exercise.hold_seconds <= exercise.max_hold_seconds, exercise.id
        assert exercise.reps <= exercise.max_reps, exercise.id
    for routine in catalog.routines.values():  # a routine's own doses (the gentle day's) too
        for exercise_id, dose in routine.doses.items():
            exercise = catalog.exercises[exercise_id]
            assert 1 <= (dose.hold_seconds or 1) <= exercise.max_hold_seconds, (routine.id, exercise_id)
            assert 1 <= (dose.reps or 1) <= exercise.max_reps, (routine.id, exercise_id)
    assert catalog.routines["gentle"].doses  # the test has something to check


EXERCISES = list(load_catalog().exercises.values())
ratings = st.lists(st.tuples(st.integers(0, 10), st.sampled_from(list(Level))), min_size=1, max_size=2)


@given(st.sampled_from(EXERCISES), st.data(), ratings)
def test_no_proposal_leaves_the_sourced_range(
    exercise: Exercise, data: st.DataObject, recent: list[tuple[int, Level]]
) -> None:
    """From any dose inside the range, whatever the ratings, the proposal stays inside it."""
    dose = Dose(
        data.draw(st.integers(1, exercise.max_hold_seconds)), data.draw(st.integers(1, exercise.max_reps))
    )
    proposal = propose(exercise, dose, recent)
    if proposal is not None:
        assert 1 <= proposal.proposed.hold_seconds <= exercise.max_hold_seconds
        assert 1 <= proposal.proposed.reps <= exercise.max_reps
        if proposal.change is Change.UP and not proposal.harder:
            assert proposal.proposed.hold_seconds >= dose.hold_seconds and proposal.proposed.reps >= dose.reps
        if proposal.harder:  # the harder way adds difficulty, never volume
            assert proposal.proposed.hold_seconds <= dose.hold_seconds and proposal.proposed.reps <= dose.reps


def expected_step_down(exercise: Exercise, dose: Dose) -> Dose:
    """The spec's step down, written out on its own: a held stretch (catalog hold 10 s or more) holds
    min(current, max(5, current - 5)); anything else does a rep less, never under 1; and a dose of the
    person's own past a cap comes back within it."""
    hold, reps = min(dose.hold_seconds, exercise.max_hold_seconds), min(dose.reps, exercise.max_reps)
    if exercise.kind == "stretch" and exercise.hold_seconds >= 10:
        return Dose(min(hold, max(5, dose.hold_seconds - 5)), reps)
    return Dose(hold, max(1, min(reps, dose.reps - 1)))


def test_the_step_down_for_every_hold_1_to_600_against_the_caps(catalog: Catalog) -> None:
    for exercise in catalog.exercises.values():
        for hold in range(1, 601):
            for reps in (1, 2, exercise.reps, exercise.max_reps, 50):
                dose = Dose(hold, reps)
                proposal = propose(exercise, dose, [(7, Level.RED)])
                assert proposal is not None and proposal.change is Change.DOWN
                case = (exercise.id, hold, reps)
                assert proposal.proposed == expected_step_down(exercise, dose), case
                assert proposal.proposed.hold_seconds <= min(hold, exercise.max_hold_seconds), case
                assert proposal.proposed.reps <= min(reps, exercise.max_reps), case
                said = proposal.reason
                if proposal.proposed == dose:
                    assert "already at the lightest dose; it hurt today (rated 7)." in said, case
                else:
                    assert f"{exercise.name}: " in said and " next time, it hurt today (rated 7)." in said, (
                        case
                    )


doses = st.tuples(st.integers(1, 600), st.integers(1, 50)).map(lambda pair: Dose(*pair))
days = st.lists(st.tuples(st.integers(0, 10), st.sampled_from(list(Level))), min_size=1, max_size=3)


@given(st.sampled_from(EXERCISES), doses, days, st.booleans())
def test_no_proposal_passes_a_cap_and_no_step_down_raises_a_dose(
    exercise: Exercise, dose: Dose, recent: list[tuple[int, Level]], sharp: bool
) -> None:
    """From any dose the settings allow, whatever the days' ratings."""
    proposal = propose(exercise, dose, recent, sharp=sharp)
    if proposal is None:
        return
    proposed = proposal.proposed
    match proposal.change:
        case Change.UP | Change.DOWN:
            assert proposed.hold_seconds <= exercise.max_hold_seconds and proposed.reps <= exercise.max_reps
        case Change.HOLD:
            assert proposed == dose  # "keep this dose": the person's own, never more
    if proposal.change is Change.DOWN:
        assert proposed.hold_seconds <= dose.hold_seconds and proposed.reps <= dose.reps
        assert ("with sharp pain" in proposal.reason) == (sharp and recent[0][1] is Level.RED)


@given(
    st.sampled_from(EXERCISES),
    st.lists(st.tuples(st.integers(0, 10), st.sampled_from(list(Level))), min_size=1, max_size=6),
)
def test_sessions_on_one_day_never_step_a_dose_up(
    exercise: Exercise, sessions: list[tuple[int, Level]]
) -> None:
    """However many sessions on one day, and however they went, it is one day: never two of green."""
    day = date(2026, 11, 23)
    recent = by_day([(day, rating, level) for rating, level in sessions])
    assert len(recent) == 1
    proposal = propose(exercise, Dose(exercise.hold_seconds, exercise.reps), recent)
    assert proposal is None or proposal.change is not Change.UP


ROUTINE_CATALOG = load_catalog()


def planned_seconds(routine: Routine, settings: Settings) -> int:
    return build_plan(routine, ROUTINE_CATALOG, settings).total_seconds


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(sorted(ROUTINE_CATALOG.exercises)), min_size=1, max_size=120), st.booleans())
def test_no_routine_passes_20_minutes_through_progression(picks: list[str], osteoporosis: bool) -> None:
    """Green days, over and over, each step up accepted: every routine stays at or under 20 minutes."""
    current = Settings(osteoporosis=osteoporosis)
    catalog = ROUTINE_CATALOG
    for exercise_id in picks:
        exercise = catalog.exercises[exercise_id]
        fits = within_length(exercise, catalog, current, planned_seconds)
        proposal = propose(exercise, current.dose_for(exercise), GREEN2, fits=fits)
        if proposal is not None and proposal.changes_dose:
            current = current.with_dose(exercise_id, proposal.proposed.hold_seconds, proposal.proposed.reps)
        for routine in catalog.routines.values():
            assert planned_seconds(routine, current) <= MAX_ROUTINE_SECONDS, (routine.id, current.exercises)


def test_a_step_up_that_would_pass_20_minutes_keeps_the_dose(catalog: Catalog) -> None:
    bridge = catalog.exercises["bridge"]
    proposal = propose(bridge, Dose(10, 12), GREEN2, fits=lambda dose: False)
    assert proposal is not None and (proposal.change, proposal.proposed) == (Change.UP, Dose(10, 5))
    assert proposal.reason.startswith(
        "Bridge: as long as its routine should be. Next time try the harder way"
    )
    crunch = catalog.exercises["crunch"]  # no harder way in the catalog: keep this dose
    proposal = propose(crunch, Dose(5, 7), GREEN2, fits=lambda dose: False)
    assert (
        proposal is not None
        and proposal.reason == "Partial crunch: as long as its routine should be; keep this dose."
    )
