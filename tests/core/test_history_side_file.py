"""The side file (history.sqlite3.unsaved.jsonl): what earlier versions wrote still loads, and a line
that is not a valid entry is kept aside in the quarantine, never put into the history."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from backcoach.core.history.database import History
from backcoach.core.history.entries import ResultEntry
from backcoach.core.history.entry_json import from_json, to_json
from backcoach.core.history.writes import HistoryLog
from tests.core.test_history import OFFSET, result
from tests.history_helpers import start_session

# Written by hand, as the version before typed entries wrote them: a session of this run (its key only),
# results and the end of a session already in the history (session_id added at close), a check-in and a
# dose change. The last line is from before dose changes had a note.
OLD_SIDE_FILE = """\
{"kind": "start", "session": "a1", "started_at": "2026-11-26T09:00:00+01:00", "region": "lower", "routine_name": "Lower back", "pain_before": 3, "pid": 4242}
{"kind": "result", "session": "a1", "exercise": "bridge", "name": "Bridge", "side": "", "hold_seconds": 5, "reps": 8, "rating": 2, "sharp": 0, "verdict": "green", "status": "completed", "recorded_at": "2026-11-26T09:05:00+01:00"}
{"kind": "result", "session": "a1", "exercise": "knee-to-chest", "name": "Knee to chest", "side": "left", "hold_seconds": 20, "reps": 2, "rating": 7, "sharp": 1, "verdict": "red", "status": "stopped", "recorded_at": "2026-11-26T09:08:00+01:00"}
{"kind": "end", "session": "a1", "status": "ended early"}
{"kind": "result", "session": "b2", "exercise": "chin-tuck", "name": "Chin tuck", "side": "", "hold_seconds": 5, "reps": 10, "rating": null, "sharp": 0, "verdict": null, "status": "skipped", "recorded_at": "2026-11-25T18:05:00+01:00", "session_id": 1}
{"kind": "end", "session": "b2", "status": "interrupted", "session_id": 1}
{"kind": "checkin", "recorded_at": "2026-11-23T07:00:00+01:00", "morning_pain": 4, "stiffness": 5}
{"kind": "dose", "recorded_at": "2026-11-26T09:10:00+01:00", "exercise": "bridge", "name": "Bridge", "hold_seconds": 5, "reps": 9, "note": "accepted on the summary"}
{"kind": "dose", "recorded_at": "2026-11-20T09:10:00+01:00", "exercise": "knee-to-chest", "name": "Knee to chest", "hold_seconds": 15, "reps": 2}
"""


def test_a_side_file_written_by_the_earlier_version_loads_whole(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    history = History(path)
    start_session(history, datetime(2026, 11, 25, 18, tzinfo=OFFSET), "upper", "Upper back", 2)
    history.close()
    log = HistoryLog(path)
    log.side_file.write_text(OLD_SIDE_FILE)

    history = log.open()
    assert not log.side_file.exists()
    assert not path.with_name("history.sqlite3.quarantine.jsonl").exists()
    results = history.db.execute(
        "SELECT session_id, exercise, side, hold_seconds, reps, rating, sharp, verdict, status, recorded_at"
        " FROM results ORDER BY id"
    ).fetchall()
    assert results == [
        (2, "bridge", "", 5, 8, 2, 0, "green", "completed", "2026-11-26T09:05:00+01:00"),
        (2, "knee-to-chest", "left", 20, 2, 7, 1, "red", "stopped", "2026-11-26T09:08:00+01:00"),
        (1, "chin-tuck", "", 5, 10, None, 0, None, "skipped", "2026-11-25T18:05:00+01:00"),
    ]
    sessions = history.db.execute(
        "SELECT started_at, day, region, pain_before, status, pid FROM sessions"
    ).fetchall()
    assert sessions == [
        ("2026-11-25T18:00:00+01:00", "2026-11-25", "upper", 2, "interrupted", None),
        ("2026-11-26T09:00:00+01:00", "2026-11-26", "lower", 3, "ended early", 4242),
    ]
    assert history.checked_in_since(date(2026, 11, 23))
    changes = [
        (c.day, c.exercise, c.hold_seconds, c.reps, c.note)
        for c in history.dose_changes_since(date(2026, 11, 1))
    ]
    assert changes == [
        (date(2026, 11, 20), "knee-to-chest", 15, 2, ""),
        (date(2026, 11, 26), "bridge", 5, 9, "accepted on the summary"),
    ]


def test_each_line_of_the_old_format_reads_and_writes_back_the_same() -> None:
    for line in OLD_SIDE_FILE.splitlines()[:-1]:  # the last had no note: it is written back with ""
        raw = json.loads(line)
        assert to_json(from_json(raw)) == raw


GOOD_START = {"kind": "start", "session": "s1", "started_at": "2026-11-26T09:00:00+01:00",
              "region": "upper", "routine_name": "Upper back", "pain_before": 2, "pid": None}  # fmt: skip
GOOD_RESULT = to_json(ResultEntry.of("s1", result("bridge", 2), datetime(2026, 11, 26, 9, 5, tzinfo=OFFSET)))
DOSE = json.loads(OLD_SIDE_FILE.splitlines()[-2])
HOSTILE = {
    "a start at no real time": ({**GOOD_START, "session": "s2", "started_at": "garbage-date"}, "started_at"),
    "a rating off the scale": ({**GOOD_RESULT, "exercise": "crunch", "rating": 999}, "rating"),
    "a hold that is not a number": (
        {**GOOD_RESULT, "exercise": "crunch", "hold_seconds": "x"},
        "hold_seconds",
    ),
    "a result of no known status": ({**GOOD_RESULT, "exercise": "crunch", "status": "weird"}, "status"),
    "an end of no known outcome": ({"kind": "end", "session": "s1", "status": "weird"}, "status"),
    "a check-in off the scale": (
        {"kind": "checkin", "recorded_at": "2026-11-26T07:00:00+01:00", "morning_pain": 999, "stiffness": 2},
        "morning_pain",
    ),
    "a sharp that is neither 0 nor 1": ({**GOOD_RESULT, "exercise": "crunch", "sharp": "yes"}, "sharp"),
    "a dose of no reps": ({**DOSE, "reps": True}, "reps"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_line_is_quarantined_and_the_rest_imported(tmp_path: Path, case: str) -> None:
    hostile, field = HOSTILE[case]
    path = tmp_path / "history.sqlite3"
    log = HistoryLog(path)
    log.side_file.write_text("".join(json.dumps(line) + "\n" for line in (GOOD_START, hostile, GOOD_RESULT)))

    problem = log.flush()
    quarantine = path.with_name("history.sqlite3.quarantine.jsonl")
    assert problem is not None and f"was kept aside in {quarantine}" in problem
    (kept,) = [json.loads(line) for line in quarantine.read_text().splitlines()]
    assert {key: value for key, value in kept.items() if key != "why"} == hostile
    assert kept["why"].startswith(f"{field} is ")
    history = log.open()
    # Only the good lines are in the history: one session, still in progress, with its one result.
    assert [(row[2], row[4], row[7], row[8]) for row in history.csv_rows()] == [("bridge", 5, 2, "completed")]
    sessions = history.db.execute("SELECT started_at, status FROM sessions").fetchall()
    # The earlier run that left it is gone: the next opening of the history says so.
    assert sessions == [("2026-11-26T09:00:00+01:00", "interrupted")]
    assert history.db.execute("SELECT count(*) FROM checkins").fetchone() == (0,)
    assert history.db.execute("SELECT count(*) FROM dose_changes").fetchone() == (0,)
    assert not log.side_file.exists()


def test_an_end_for_a_session_the_history_lacks_is_quarantined(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    log = HistoryLog(path)
    end = {"kind": "end", "session": "gone", "status": "completed", "session_id": 7}
    log.side_file.write_text(json.dumps(end) + "\n")
    problem = log.flush()
    assert problem is not None and "the end of a session the history does not have" in problem
    kept = json.loads(path.with_name("history.sqlite3.quarantine.jsonl").read_text())
    assert kept == {**end, "why": "the end of a session the history does not have"}
