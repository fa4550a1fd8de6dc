from __future__ import annotations

import pytest

from backcoach.core.catalog import Catalog
from backcoach.core.pain import Level
from backcoach.core.plan import Dose
from backcoach.core.progression import Change, propose


@pytest.mark.parametrize(
    ("exercise_id", "dose", "recent", "change", "proposed", "reason"),
    [
        ("pelvic-tilt", Dose(5, 8), [(1, Level.GREEN), (2, Level.GREEN)], Change.UP, Dose(5, 9),
         "Pelvic tilt: 9 reps next time, rated 1 and 2 in your last two sessions."),
        ("knee-to-chest", Dose(20, 2), [(0, Level.GREEN), (3, Level.GREEN)], Change.UP, Dose(25, 2),
         "Knee to chest: 25 s holds next time"),
        ("knee-to-chest", Dose(30, 2), [(0, Level.GREEN), (0, Level.GREEN)], Change.HOLD, Dose(30, 2),
         "already at the most"),  # the 30 s cap for stretches
        ("knee-to-chest", Dose(28, 2), [(0, Level.GREEN), (0, Level.GREEN)], Change.UP, Dose(30, 2), "30 s holds"),
        ("bridge", Dose(10, 50), [(0, Level.GREEN), (0, Level.GREEN)], Change.HOLD, Dose(10, 50), "already at the most"),
        ("bridge", Dose(10, 5), [(1, Level.GREEN), (4, Level.AMBER)], Change.HOLD, Dose(10, 5),
         "Bridge: the same dose next time, some pain (rated 1 and 4) should settle first."),
        ("bridge", Dose(10, 5), [(7, Level.RED), (1, Level.GREEN)], Change.DOWN, Dose(10, 4),
         "Bridge: 4 reps next time, it hurt today (rated 7). Try the easier way: Lift the hips only a little way."),
        ("knee-to-chest", Dose(10, 2), [(6, Level.RED)], Change.DOWN, Dose(5, 2), "5 s holds"),
        ("knee-to-chest", Dose(5, 2), [(6, Level.RED)], Change.DOWN, Dose(5, 1), "1 rep next"),  # 5 s floor: reps
        ("crunch", Dose(5, 1), [(9, Level.RED)], Change.DOWN, Dose(5, 1), "already at the lightest dose"),
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
