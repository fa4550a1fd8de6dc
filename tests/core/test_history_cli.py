"""backcoach history: a readable table, and CSV that round-trips every field."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from backcoach.cli import main
from backcoach.core.domain.dose import Dose
from backcoach.core.domain.morning import Settled
from backcoach.core.domain.outcome import Outcome
from backcoach.core.domain.rating import Rating
from backcoach.core.domain.results import ExerciseResult
from backcoach.core.domain.status import Status
from backcoach.core.history.database import History
from backcoach.core.history.entries import MorningAfterEntry
from backcoach.core.history.schema import CSV_HEADER
from backcoach.core.kit import paths
from backcoach.core.session.pain import judge
from tests.history_helpers import add_result, start_session

STARTED = datetime(2026, 11, 20, 7, 45, 10, tzinfo=timezone(timedelta(hours=-5)))
RESULTS = [
    ExerciseResult("pelvic-tilt", "Pelvic tilt", Dose(5, 8), Status.COMPLETED, Rating(2), judge(2, 4)),
    ExerciseResult(
        "knee-to-chest",
        "Knee to chest",
        Dose(30, 2),
        Status.STOPPED,
        Rating(7, True),
        judge(7, 4, True),
        "right",
    ),
    ExerciseResult("basic-twist", "Basic twist", Dose(10, 3), Status.SKIPPED),
]


def make_history(pain_before: int | None = 4) -> None:
    history = History(paths.history_file())
    session = start_session(history, STARTED, "lower", "Lower back", pain_before)
    for result in RESULTS:
        add_result(history, session, result, STARTED)
    history.end_session(session, Outcome.ENDED_EARLY)
    second = start_session(history, STARTED + timedelta(days=1), "daily", "Daily routine", None)
    add_result(history, second, RESULTS[0], STARTED)
    history.close()


def test_csv_has_the_exact_header_and_round_trips_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    make_history()
    assert main(["history", "--csv"]) == 0
    text = capsys.readouterr().out
    # The first nine columns are as earlier versions wrote them; sharp and verdict come after.
    assert (
        text.splitlines()[0]
        == "started_at,region,exercise,side,hold_seconds,reps,pain_before,pain_after,status,sharp,verdict"
    )
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_HEADER
    assert rows[1:] == [
        ["2026-11-20T07:45:10-05:00", "lower", "pelvic-tilt", "", "5", "8", "4", "2", "completed", "", "green"],
        ["2026-11-20T07:45:10-05:00", "lower", "knee-to-chest", "right", "30", "2", "4", "7", "stopped", "sharp",
         "red"],
        ["2026-11-20T07:45:10-05:00", "lower", "basic-twist", "", "10", "3", "4", "", "skipped", "", ""],
        ["2026-11-21T07:45:10-05:00", "daily", "pelvic-tilt", "", "5", "8", "", "2", "completed", "", "green"],
    ]  # fmt: skip
    for row in csv.DictReader(io.StringIO(text)):
        assert datetime.fromisoformat(row["started_at"]).utcoffset() == timedelta(hours=-5)
        assert row["status"] in {"completed", "skipped", "stopped"}
        assert row["side"] in {"", "left", "right"}
        assert row["sharp"] in {"", "sharp"} and row["verdict"] in {"", "green", "amber", "red"}


def test_the_table_reads_one_session_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    make_history()
    assert main(["history"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "started",
        "routine",
        "done",
        "skipped",
        "stopped",
        "before",
        "after",
        "status",
    ]
    assert lines[1].split() == [
        "2026-11-20",
        "07:45",
        "Lower",
        "back",
        "1",
        "1",
        "1",
        "4",
        "4.5",
        "ended",
        "early,",
        "sharp",
        "pain",
    ]
    assert lines[2].split()[:4] == ["2026-11-21", "07:45", "Daily", "routine"]


def test_no_history_yet(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history"]) == 0
    assert capsys.readouterr().out.startswith("No sessions yet")
    assert not paths.history_file().exists()  # looking does not create it
    assert main(["history", "--csv"]) == 0
    assert capsys.readouterr().out.strip() == ",".join(CSV_HEADER)


def test_a_damaged_history_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    path: Path = paths.history_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"nope" * 100)
    assert main(["history", "--csv"]) == 1
    assert f"backcoach: {path} is damaged" in capsys.readouterr().err


def test_the_table_lists_the_mornings_after(capsys: pytest.CaptureFixture[str]) -> None:
    make_history()
    history = History(paths.history_file())
    history.insert_morning_after(MorningAfterEntry(STARTED + timedelta(days=1), "2026-11-20", Settled.WORSE))
    history.close()
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert out.endswith("The morning after: had your back settled?\nFri 20 Nov  worse\n")


def test_sessions_are_in_the_order_they_happened_across_time_zones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Paris at 10:00 (09:00 UTC), then New York at 07:45 (12:45 UTC): by the clock's text the New York
    session would come first."""
    history = History(paths.history_file())
    paris = datetime(2026, 11, 20, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    for started, name in ((paris, "Lower back"), (STARTED, "Daily routine")):
        session = start_session(history, started, "lower", name, 3)
        add_result(history, session, RESULTS[0], started)
    history.close()
    assert main(["history"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[2] for line in lines[1:3]] == ["Lower", "Daily"]
    assert [row.started_at for row in History(paths.history_file()).recent_sessions()] == [
        "2026-11-20T07:45:10-05:00", "2026-11-20T10:00:00+01:00"]  # fmt: skip
