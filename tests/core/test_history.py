from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from backcoach.core.domain.dose import Dose
from backcoach.core.domain.outcome import Outcome
from backcoach.core.domain.rating import Rating
from backcoach.core.domain.results import ExerciseResult, SessionRecord
from backcoach.core.domain.status import Status
from backcoach.core.domain.verdict import Level
from backcoach.core.history.database import History, HistoryError
from backcoach.core.history.entries import ResultEntry
from backcoach.core.history.entry_json import to_json
from backcoach.core.history.schema import MIGRATIONS
from backcoach.core.history.session_log import SessionLog
from backcoach.core.history.writes import HistoryLog
from backcoach.core.session.pain import judge
from tests.core.test_cli_output import damage
from tests.history_helpers import add_result, start_session

OFFSET = timezone(timedelta(hours=1))
RECORDED = datetime(2026, 11, 26, 9, 30, tzinfo=OFFSET)


def result(
    exercise: str, rating: int | None, status: Status = Status.COMPLETED, side: str | None = None
) -> ExerciseResult:
    rated = None if rating is None else Rating(rating)
    verdict = None if rating is None else judge(rating)
    return ExerciseResult(exercise, exercise.title(), Dose(5, 8), status, rated, verdict, side)


def add_session(history: History, day: date, before: int | None, ratings: dict[str, int | None]) -> int:
    started = datetime(day.year, day.month, day.day, 8, 30, tzinfo=OFFSET)
    session = start_session(history, started, "lower", "Lower back", before)
    for exercise, rating in ratings.items():
        add_result(history, session, result(exercise, rating), started)
    history.end_session(session, Outcome.COMPLETED)
    return session


def test_a_session_and_its_results_are_stored_and_read_back(tmp_path: Path) -> None:
    history = History(tmp_path / "data" / "history.sqlite3")
    add_session(history, date(2026, 11, 20), 4, {"pelvic-tilt": 2, "bridge": None})
    (row,) = history.recent_sessions()
    assert (row.region, row.routine_name, row.pain_before, row.status) == (
        "lower",
        "Lower back",
        4,
        "completed",
    )
    assert (row.done, row.skipped, row.stopped, row.average_after) == (2, 0, 0, 2.0)
    assert history.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert history.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_weeks_streak_and_trends(tmp_path: Path) -> None:
    history = History(tmp_path / "history.sqlite3")
    today = date(2026, 11, 26)  # a Thursday
    for days_ago, before, rating in [(0, 3, 1), (1, 4, 2), (2, 5, 3), (8, 6, 4), (9, 6, 5)]:
        add_session(
            history, today - timedelta(days=days_ago), before, {"pelvic-tilt": rating, "bridge": rating}
        )
    weeks = history.weeks(today, count=3)
    assert [week.start for week in weeks] == [date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23)]
    assert [week.sessions for week in weeks] == [0, 2, 3]
    assert weeks[1].average_before == 6 and weeks[2].average_before == 4
    assert weeks[2].average_after == 2 and weeks[0].average_after is None
    assert history.streak(today) == 3
    assert history.streak(today + timedelta(days=1)) == 3  # today's session may still come
    assert history.streak(today + timedelta(days=2)) == 0
    trends = {trend.exercise: trend.ratings for trend in history.exercise_trends()}
    assert trends["bridge"] == (5, 4, 3, 2, 1)
    assert history.last_ratings("bridge") == [(1, Level.GREEN), (2, Level.GREEN)]


def test_a_locked_database_keeps_results_waiting_and_writes_them_later(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).close()
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    log = HistoryLog(path, timeout=0.05)
    record = SessionRecord("lower", "Lower back", datetime(2026, 11, 26, 9, tzinfo=OFFSET), 3)
    session = SessionLog(log, record)
    problem = session.start()
    assert problem is not None and f"{path} is locked by another program" in problem
    assert session.add(result("bridge", 2), RECORDED) is None  # said once, not again
    assert len(log.pending) == 2
    locker.execute("COMMIT")
    locker.close()
    assert session.add(result("crunch", 1), RECORDED) is None
    assert log.pending == [] and log.problem is None
    rows = list(History(path).csv_rows())
    assert [row[2] for row in rows] == ["bridge", "crunch"]


def test_a_corrupt_database_is_reported_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    garbage = b"this is not a database at all" * 100
    path.write_bytes(garbage)
    with pytest.raises(HistoryError, match=r"history.sqlite3 is damaged"):
        History(path)
    log = HistoryLog(path)
    record = SessionRecord("lower", "Lower back", datetime(2026, 11, 26, 9, tzinfo=OFFSET), None)
    problem = SessionLog(log, record).start()
    assert problem is not None and "is damaged" in problem and "wait in memory" in problem
    assert path.read_bytes() == garbage


def test_an_unwritable_place_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(HistoryError, match=r"cannot be used"):
        History(blocker / "history.sqlite3")


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(HistoryError, match="newer backcoach"):
        History(path)


def test_migrating_from_an_empty_file_creates_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    sqlite3.connect(path).close()
    history = History(path)
    tables = {row[0] for row in history.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"sessions", "results"} <= tables


def test_what_waits_at_close_goes_to_a_side_file_and_into_the_history_later(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).close()
    locker = sqlite3.connect(path, isolation_level=None)
    log = HistoryLog(path, timeout=0.05)
    record = SessionRecord("lower", "Lower back", datetime(2026, 11, 26, 9, tzinfo=OFFSET), 3)
    first = SessionLog(log, record)
    assert first.start() is None  # written: the session has its database id
    locker.execute("BEGIN EXCLUSIVE")  # now another program holds the file for the rest of the run
    first.add(result("bridge", 2), RECORDED)
    first.end(Outcome.COMPLETED)
    second = SessionLog(
        log, SessionRecord("upper", "Upper back", datetime(2026, 11, 26, 18, tzinfo=OFFSET), None)
    )
    second.start()
    second.add(result("chin-tuck", 1), RECORDED)
    message = log.close()
    assert message is not None and f"4 entries are kept in {log.side_file}" in message
    assert len(log.side_file.read_text().splitlines()) == 4
    locker.execute("COMMIT")
    locker.close()

    later = HistoryLog(path)
    history = later.open()  # reading puts them in first
    assert not log.side_file.exists()
    rows = [(row[1], row[2], row[7], row[8]) for row in history.csv_rows()]
    assert rows == [("lower", "bridge", 2, "completed"), ("upper", "chin-tuck", 1, "completed")]
    assert [row.status for row in history.recent_sessions()] == ["in progress", "completed"]


def test_a_side_file_that_is_not_ours_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    log = HistoryLog(path)
    log.side_file.write_text("this is not json\n")
    problem = log.flush()
    assert problem is not None and f"{log.side_file} could not be read" in problem
    assert log.open().session_count() == 0
    assert log.side_file.with_name(log.side_file.name + ".broken").read_text() == "this is not json\n"


def test_only_sessions_with_an_exercise_done_are_counted(tmp_path: Path) -> None:
    history = History(tmp_path / "history.sqlite3")
    today = date(2026, 11, 26)
    counted = add_session(history, today, 3, {"pelvic-tilt": 2})
    quit_at_once = start_session(
        history, datetime(2026, 11, 26, 9, 0, tzinfo=OFFSET), "lower", "Lower back", 3
    )
    history.end_session(quit_at_once, Outcome.ENDED_EARLY)
    yesterday = datetime(2026, 11, 25, 9, 0, tzinfo=OFFSET)
    skipped_all = start_session(history, yesterday, "upper", "Upper back", 2)
    add_result(history, skipped_all, result("chin-tuck", None, Status.SKIPPED), yesterday)
    history.end_session(skipped_all, Outcome.ENDED_EARLY)

    assert history.session_count() == 1
    assert [row.id for row in history.recent_sessions()] == [counted]
    assert [week.sessions for week in history.weeks(today, count=1)] == [1]
    assert history.streak(today) == 1  # yesterday's skips are not a day of exercise
    assert [row[2] for row in history.csv_rows()] == ["pelvic-tilt"]


def test_a_session_left_in_progress_by_a_process_that_is_gone_becomes_interrupted(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    finished = subprocess.Popen(["true"])
    finished.wait()
    history = History(path)
    started = datetime(2026, 11, 26, 9, 0, tzinfo=OFFSET)
    killed = start_session(history, started, "lower", "Lower back", 3, pid=finished.pid)
    running = start_session(history, started, "upper", "Upper back", 3, pid=os.getpid())
    for session in (killed, running):
        add_result(history, session, result("bridge", 2), started)
    history.close()

    statuses = {row.id: row.status for row in History(path).recent_sessions()}
    assert statuses == {killed: "interrupted", running: "in progress"}  # the live one is left alone


def test_a_first_version_database_upgrades_in_place_and_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
        db.execute(
            "INSERT INTO sessions (started_at, day, region, routine_name, pain_before, status)"
            " VALUES ('2026-11-20T08:30:00+01:00', '2026-11-20', 'lower', 'Lower back', 4, 'in progress')"
        )
        db.execute(
            "INSERT INTO results (session_id, exercise, name, hold_seconds, reps, rating, verdict, status,"
            " recorded_at) VALUES (1, 'bridge', 'Bridge', 10, 5, 2, 'green', 'completed', '2026-11-20')"
        )
    history = History(path)
    assert history.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    (row,) = history.recent_sessions()
    assert (row.pain_before, row.done, row.average_after, row.status) == (4, 1, 2.0, "interrupted")


def test_a_side_file_entry_for_a_session_the_history_lacks_is_kept_aside_not_retried(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).close()
    log = HistoryLog(path)
    orphan = {**to_json(ResultEntry.of("gone", result("bridge", 2), datetime.now())), "session_id": 999}
    half = {"kind": "result", "session": "half"}  # not a whole entry
    good_start = {"kind": "start", "session": "s1", "started_at": "2026-11-26T09:00:00+01:00",
                  "region": "upper", "routine_name": "Upper back", "pain_before": 2}  # fmt: skip
    good = to_json(ResultEntry.of("s1", result("chin-tuck", 1), datetime.now()))
    lines = [orphan, half, good_start, good]
    log.side_file.write_text("".join(json.dumps(entry) + "\n" for entry in lines))

    problem = log.flush()  # said once, for both
    assert problem is not None and "kept aside in" in problem and "quarantine" in problem
    quarantine = path.with_name("history.sqlite3.quarantine.jsonl")
    kept = [json.loads(line) for line in quarantine.read_text().splitlines()]
    # The half entry is refused as it is read, the orphan when the database refuses it.
    assert [entry["session"] for entry in kept] == ["half", "gone"] and "FOREIGN KEY" in kept[1]["why"]
    assert kept[0]["why"] == "exercise is missing"
    assert not log.side_file.exists()
    record = SessionRecord("lower", "Lower back", datetime(2026, 11, 26, 10, tzinfo=OFFSET), 3)
    session = SessionLog(log, record)
    assert session.start() is None and session.add(result("bridge", 3), RECORDED) is None  # later writes work
    rows = [(row[2], row[7]) for row in log.open().csv_rows()]
    assert rows == [("chin-tuck", 1), ("bridge", 3)]


def test_a_schema_2_database_upgrades_in_place_and_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(MIGRATIONS[0] + MIGRATIONS[1] + "PRAGMA user_version = 2;")
        for number in range(1, 4):
            db.execute(
                "INSERT INTO sessions (started_at, day, region, routine_name, pain_before, status, pid)"
                f" VALUES ('2026-11-2{number}T08:30:00+01:00', '2026-11-2{number}', 'lower', 'Lower back',"
                f" {number}, 'completed', NULL)"
            )
            db.execute(
                "INSERT INTO results (session_id, exercise, name, hold_seconds, reps, rating, verdict, status,"
                f" recorded_at) VALUES ({number}, 'bridge', 'Bridge', 10, 5, {number}, 'green', 'completed',"
                " '2026-11-20')"
            )
        before = {table: db.execute(f"SELECT * FROM {table}").fetchall() for table in ("sessions", "results")}
    history = History(path)
    assert history.db.execute("PRAGMA user_version").fetchone()[0] == 5 == len(MIGRATIONS)
    for table, rows in before.items():
        assert history.db.execute(f"SELECT * FROM {table}").fetchall() == rows
    assert history.session_count() == 3
    history.insert_checkin("2026-11-23T07:00:00+01:00", 4, 5)  # the new tables are there
    assert history.weeks(date(2026, 11, 23), 1)[0].morning_pain == 4


def test_check_ins_and_dose_changes_wait_like_ratings_and_land_later(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).close()
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    log = HistoryLog(path, timeout=0.05)
    monday = datetime(2026, 11, 23, 7, tzinfo=OFFSET)
    assert log.check_in(monday, 3, 6) is not None  # locked: said once
    assert log.dose_changed(monday, "bridge", "Bridge", (10, 6), "accepted on the summary") is None
    message = log.close()
    assert message is not None and "2 entries are kept" in message
    locker.execute("COMMIT")
    locker.close()

    history = HistoryLog(path).open()
    (week,) = history.weeks(date(2026, 11, 26), 1)
    assert (week.morning_pain, week.stiffness, week.sessions) == (3, 6, 0)
    assert history.checked_in_since(date(2026, 11, 23)) and not history.checked_in_since(date(2026, 11, 24))
    (change,) = history.dose_changes_since(date(2026, 11, 1))
    assert (change.day, change.exercise, change.hold_seconds, change.reps, change.note) == (
        date(2026, 11, 23), "bridge", 10, 6, "accepted on the summary",
    )  # fmt: skip


def test_the_report_reads_results_routines_and_the_first_day(tmp_path: Path) -> None:
    history = History(tmp_path / "history.sqlite3")
    assert history.first_day() is None
    add_session(history, date(2026, 11, 20), 4, {"pelvic-tilt": 2, "bridge": 7})
    add_session(history, date(2026, 11, 27), 3, {"pelvic-tilt": None})
    assert history.first_day() == date(2026, 11, 20)
    rows = history.results_since(date(2026, 11, 21))
    assert [(row.day, row.exercise, row.rating) for row in rows] == [
        (date(2026, 11, 27), "pelvic-tilt", None)
    ]
    assert [row.verdict for row in history.results_since(date(2026, 11, 1))] == [Level.GREEN, Level.RED, None]
    assert history.routines_since(date(2026, 11, 1)) == [("lower", "Lower back", 2)]


def test_ratings_given_against_a_damaged_history_all_reach_a_good_one_later(tmp_path: Path) -> None:
    """Damage SQLite would report only query by query is found on opening: nothing is written into the
    damaged file, and the whole session, start included, waits in the side file for a good history."""
    path = tmp_path / "history.sqlite3"
    history = History(path)
    add_session(history, date(2026, 11, 20), 3, {"bridge": 2})
    history.close()
    damage(path)
    damaged = path.read_bytes()
    log = HistoryLog(path)
    record = SessionRecord("lower", "Lower back", datetime(2026, 11, 26, 9, tzinfo=OFFSET), 3)
    session = SessionLog(log, record)
    assert "is damaged (the integrity check found:" in (session.start() or "")
    exercises = [
        "pelvic-tilt",
        "knee-to-chest",
        "knees-to-chest",
        "basic-twist",
        "bridge",
        "bird-dog",
        "crunch",
    ]
    for exercise in exercises:
        session.add(result(exercise, 2), RECORDED)
    session.end(Outcome.COMPLETED)
    assert "9 entries are kept in" in (log.close() or "")
    assert path.read_bytes() == damaged  # left byte for byte as it was

    path.rename(tmp_path / "history.damaged")  # the person moves it aside: a new, good history
    later = HistoryLog(path)
    assert later.flush() is None
    assert [row[2] for row in later.open().csv_rows()] == exercises
    assert not path.with_name("history.sqlite3.quarantine.jsonl").exists()
    assert not later.side_file.exists()
    assert later.close() is None


def a_session_kept_in_memory(log: HistoryLog) -> None:
    session = SessionLog(
        log, SessionRecord("lower", "Lower back", datetime(2026, 11, 26, 9, tzinfo=OFFSET), 3)
    )
    session.start()
    session.add(result("bridge", 2), RECORDED)
    session.end(Outcome.COMPLETED)


def test_when_the_history_folder_takes_nothing_the_side_file_goes_to_the_state_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")  # as a read-only folder, even for root
    path = blocker / "history.sqlite3"
    log = HistoryLog(path, spare_dir=tmp_path / "state")
    a_session_kept_in_memory(log)
    assert f"3 entries are kept in {log.spare_side_file}" in (log.close() or "")

    blocker.unlink()  # the folder can be written again: the next run puts them into the history
    later = HistoryLog(path, spare_dir=tmp_path / "state")
    assert later.flush() is None
    assert [row[2] for row in later.open().csv_rows()] == ["bridge"]
    assert not later.spare_side_file.exists()
    assert later.close() is None


def test_when_no_place_takes_the_side_file_the_entries_are_said_in_full(tmp_path: Path) -> None:
    blocker = tmp_path / "full"
    blocker.write_text("nothing can be written under here")
    log = HistoryLog(blocker / "history.sqlite3", spare_dir=blocker / "state")
    a_session_kept_in_memory(log)
    said = log.close() or ""
    assert said.startswith("3 history entries could not be saved anywhere")
    kept = [json.loads(line) for line in said.split("Here they are, to keep:\n")[1].splitlines()]
    assert [entry["kind"] for entry in kept] == ["start", "result", "end"]
    assert [file.name for file in tmp_path.rglob("*")] == ["full"]  # no temporary file left behind


def test_ratings_after_the_history_file_is_replaced_go_into_the_new_one(tmp_path: Path) -> None:
    """A backup restored over the file mid-session: the later ratings land in the file the person
    sees, under the session begun again there, never in the file that is gone."""
    path = tmp_path / "history.sqlite3"
    log = HistoryLog(path)
    record = SessionRecord("lower", "Lower back", datetime(2026, 11, 26, 9, tzinfo=OFFSET), 3)
    session = SessionLog(log, record)
    assert session.start() is None
    assert session.add(result("pelvic-tilt", 1), RECORDED) is None
    backup = tmp_path / "backup.sqlite3"
    restored = History(backup)
    add_session(restored, date(2026, 11, 20), 2, {"bridge": 2})
    restored.close()
    os.replace(backup, path)
    assert session.add(result("bridge", 2), RECORDED) is None
    assert session.end(Outcome.COMPLETED) is None
    history = History(path)
    sessions = history.db.execute("SELECT day, status FROM sessions ORDER BY id").fetchall()
    assert sessions == [("2026-11-20", "completed"), ("2026-11-26", "completed")]
    assert [(str(row[0])[:10], row[2]) for row in history.csv_rows()] == [
        ("2026-11-20", "bridge"), ("2026-11-26", "bridge")]  # fmt: skip
    assert not path.with_name("history.sqlite3.quarantine.jsonl").exists()
    assert log.close() is None
