"""Each exercise's own dose, changed in a save, lands in the history with its day and how it changed."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from backcoach.core.domain.exercise import Catalog
from backcoach.core.history.database import History
from backcoach.core.history.writes import HistoryLog
from backcoach.core.progress.dose_changes import changed_exercises, record_dose_changes
from backcoach.core.settings.model import Settings
from tests.core.test_history import OFFSET

MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=OFFSET)


def test_only_the_changed_exercises_are_written_at_their_dose_in_force(
    catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "history.sqlite3"
    before = Settings().with_dose("bridge", 10, None).with_dose("pelvic-tilt", 5, 8)
    after = before.with_dose("bridge", 12, None).with_dose("cat-cow", None, 6)
    assert [exercise.id for exercise in changed_exercises(catalog, before, after)] == [
        exercise for exercise in catalog.exercises if exercise in ("bridge", "cat-cow")
    ]
    log = HistoryLog(path)
    assert record_dose_changes(log, catalog, before, after, "changed in settings", MONDAY) is None
    assert record_dose_changes(log, catalog, after, after, "changed in settings", MONDAY) is None  # none
    assert log.close() is None
    changes = sorted(History(path).dose_changes_since(date(2026, 11, 1)), key=lambda change: change.exercise)
    bridge_reps = catalog.exercises["bridge"].reps
    cat_cow_hold = catalog.exercises["cat-cow"].hold_seconds
    assert [(c.exercise, c.hold_seconds, c.reps, c.note) for c in changes] == [
        ("bridge", 12, bridge_reps, "changed in settings"),
        ("cat-cow", cat_cow_hold, 6, "changed in settings"),
    ]


def test_a_dose_put_back_to_the_catalog_is_recorded_too(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    before = Settings().with_dose("bridge", 12, 4)
    log = HistoryLog(path)
    assert record_dose_changes(log, catalog, before, Settings(), "put back on the summary", MONDAY) is None
    log.close()
    (change,) = History(path).dose_changes_since(date(2026, 11, 1))
    bridge = catalog.exercises["bridge"]
    assert (change.hold_seconds, change.reps) == (bridge.hold_seconds, bridge.reps)
    assert change.note == "put back on the summary"


def test_a_history_that_cannot_be_written_says_so(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"not a database, " * 100)
    log = HistoryLog(path)
    problem = record_dose_changes(log, catalog, Settings(), Settings().with_dose("bridge", 9, 3), "x", MONDAY)
    assert problem is not None and str(path) in problem
    log.close()
