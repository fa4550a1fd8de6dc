"""The session log in SQLite: every rating committed the moment it is given, never lost to a bad database.

Schema changes go through MIGRATIONS, keyed by SQLite's user_version.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from backcoach.core.domain.results import ExerciseResult, SessionRecord
from backcoach.core.domain.verdict import Level
from backcoach.core.kit.processes import process_alive

CSV_HEADER = (
    "started_at",
    "region",
    "exercise",
    "side",
    "hold_seconds",
    "reps",
    "pain_before",
    "pain_after",
    "status",
)

MIGRATIONS = (
    # 1: sessions and their exercise results
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,      -- ISO 8601 with offset
        day TEXT NOT NULL,             -- local date, for weeks and streaks
        region TEXT NOT NULL,
        routine_name TEXT NOT NULL,
        pain_before INTEGER,
        status TEXT NOT NULL DEFAULT 'in progress'
    );
    CREATE INDEX sessions_day ON sessions(day);
    CREATE TABLE results (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        exercise TEXT NOT NULL,
        name TEXT NOT NULL,
        side TEXT NOT NULL DEFAULT '',
        hold_seconds INTEGER NOT NULL,
        reps INTEGER NOT NULL,
        rating INTEGER,
        sharp INTEGER NOT NULL DEFAULT 0,
        verdict TEXT,
        status TEXT NOT NULL,
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX results_session ON results(session_id);
    CREATE INDEX results_exercise ON results(exercise, session_id);
    """,
    # 2: the process running a session, so a session left "in progress" by a killed one can be told apart
    """
    ALTER TABLE sessions ADD COLUMN pid INTEGER;
    """,
    # 3: the weekly check-in (morning pain and stiffness), and each change of an exercise's own dose
    """
    CREATE TABLE checkins (
        id INTEGER PRIMARY KEY,
        recorded_at TEXT NOT NULL,     -- ISO 8601 with offset
        day TEXT NOT NULL,             -- local date, for weeks
        morning_pain INTEGER NOT NULL, -- 0-10: pain on getting up this morning
        stiffness INTEGER NOT NULL     -- 0-10: morning stiffness
    );
    CREATE INDEX checkins_day ON checkins(day);
    CREATE TABLE dose_changes (
        id INTEGER PRIMARY KEY,
        recorded_at TEXT NOT NULL,
        day TEXT NOT NULL,
        exercise TEXT NOT NULL,
        name TEXT NOT NULL,
        hold_seconds INTEGER NOT NULL, -- the dose from then on
        reps INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT ''  -- how it changed: accepted on the summary, or in settings
    );
    """,
)
# Writes that belong to no session: they wait and are replayed like the session's own.
STANDALONE_KINDS = ("checkin", "dose")
ENTRY_KINDS = ("start", "result", "end", *STANDALONE_KINDS)

# A session counts (in totals, weeks, streaks, the table and the CSV) once one exercise was done:
# completed or stopped part-way; a session of skips only, or quit before the first, does not.
DONE = "EXISTS (SELECT 1 FROM results AS d WHERE d.session_id = sessions.id AND d.status != 'skipped')"


# The Monday of a session's local day, in SQL: weekday 0 is Sunday there.
MONDAY_OF_DAY = "date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days')"


# How long a write waits for a file another program holds. The session screen waits for each write,
# so this stays short: a write that cannot go now waits in memory and goes with the next one.
BUSY_TIMEOUT = 0.1


class HistoryError(Exception):
    """The database cannot be used; the message says which file and why."""


class UnusableEntry(Exception):
    """A waiting entry that no database could take: it is kept aside, never retried."""


@dataclass(frozen=True)
class SessionRow:
    id: int
    started_at: str
    region: str
    routine_name: str
    pain_before: int | None
    status: str
    done: int
    skipped: int
    stopped: int
    average_after: float | None


@dataclass(frozen=True)
class Week:
    start: date  # the Monday
    sessions: int
    average_before: float | None
    average_after: float | None
    morning_pain: float | None = None  # the week's check-in (averaged if there were more)
    stiffness: float | None = None


@dataclass(frozen=True)
class ResultRow:
    """One exercise result with its session's day, for the report."""

    day: date
    exercise: str
    name: str
    rating: int | None
    sharp: bool
    verdict: str | None
    status: str


@dataclass(frozen=True)
class DoseChange:
    day: date
    exercise: str
    name: str
    hold_seconds: int
    reps: int
    note: str


@dataclass(frozen=True)
class ExerciseTrend:
    exercise: str
    name: str
    ratings: tuple[int, ...]  # oldest first, the last few


class History:
    def __init__(self, path: Path, timeout: float = 2.0) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, timeout=timeout, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except (sqlite3.Error, OSError) as error:
            raise HistoryError(describe(path, error)) from None
        self._mark_interrupted()

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        (version,) = self.db.execute("PRAGMA user_version").fetchone()
        if version > len(MIGRATIONS):
            raise sqlite3.DatabaseError(f"it was written by a newer backcoach (schema {version})")
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            self.db.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")

    def _mark_interrupted(self) -> None:
        """A session still "in progress" whose process is gone was cut off: a kill, a crash, power."""
        try:
            rows = self.db.execute("SELECT id, pid FROM sessions WHERE status = 'in progress'").fetchall()
            gone = [(session_id,) for session_id, pid in rows if not process_alive(pid)]
            self.db.executemany("UPDATE sessions SET status = 'interrupted' WHERE id = ?", gone)
        except sqlite3.Error:
            pass  # a read-only or busy file: the next open tries again

    # Writing: each call is its own committed transaction

    def start_session(
        self,
        started_at: datetime,
        region: str,
        routine_name: str,
        pain_before: int | None,
        pid: int | None = None,
    ) -> int:
        return self.insert_session(
            started_at.isoformat(timespec="seconds"), region, routine_name, pain_before, pid
        )

    def insert_session(
        self, started_at: str, region: str, routine_name: str, pain_before: int | None, pid: int | None
    ) -> int:
        # The ISO text carries the local offset, so its date part is the local day.
        cursor = self.db.execute(
            "INSERT INTO sessions (started_at, day, region, routine_name, pain_before, pid)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (started_at, started_at[:10], region, routine_name, pain_before, pid),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def add_result(self, session_id: int, result: ExerciseResult, recorded_at: datetime) -> None:
        self.insert_result(session_id, result_row(result, recorded_at))

    def insert_result(self, session_id: int, row: dict[str, Any]) -> None:
        self.db.execute(
            "INSERT INTO results (session_id, exercise, name, side, hold_seconds, reps, rating, sharp, verdict,"
            " status, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (session_id, *(row[column] for column in RESULT_COLUMNS)),
        )

    def end_session(self, session_id: int, status: str) -> None:
        self.db.execute("UPDATE sessions SET status = ? WHERE id = ?", (status, session_id))

    def insert_checkin(self, recorded_at: str, morning_pain: int, stiffness: int) -> None:
        self.db.execute(
            "INSERT INTO checkins (recorded_at, day, morning_pain, stiffness) VALUES (?, ?, ?, ?)",
            (recorded_at, recorded_at[:10], morning_pain, stiffness),
        )

    def insert_dose_change(self, entry: dict[str, Any]) -> None:
        self.db.execute(
            "INSERT INTO dose_changes (recorded_at, day, exercise, name, hold_seconds, reps, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                entry["recorded_at"],
                entry["recorded_at"][:10],
                entry["exercise"],
                entry["name"],
                entry["hold_seconds"],
                entry["reps"],
                entry.get("note", ""),
            ),
        )

    # Reading

    def session_count(self) -> int:
        return int(self.db.execute(f"SELECT count(*) FROM sessions WHERE {DONE}").fetchone()[0])

    def recent_sessions(self, limit: int = 30) -> list[SessionRow]:
        rows = self.db.execute(
            f"""
            SELECT s.id, s.started_at, s.region, s.routine_name, s.pain_before, s.status,
                   sum(r.status = 'completed'), sum(r.status = 'skipped'), sum(r.status = 'stopped'),
                   avg(r.rating)
            FROM (SELECT * FROM sessions WHERE {DONE} ORDER BY started_at DESC, id DESC LIMIT ?) AS s
            LEFT JOIN results AS r ON r.session_id = s.id
            GROUP BY s.id ORDER BY s.started_at DESC, s.id DESC
            """,
            (limit,),
        ).fetchall()
        return [
            SessionRow(
                id_, started, region, name, before, status, done or 0, skipped or 0, stopped or 0, after
            )
            for id_, started, region, name, before, status, done, skipped, stopped, after in rows
        ]

    def weeks(self, today: date, count: int = 12) -> list[Week]:
        """The last count weeks, Monday first, oldest first; empty weeks included."""
        first_monday = today - timedelta(days=today.weekday(), weeks=count - 1)
        since = (first_monday.isoformat(),)
        sessions = {
            monday: (number, before)
            for monday, number, before in self.db.execute(
                f"SELECT {MONDAY_OF_DAY}, count(*), avg(pain_before) FROM sessions WHERE day >= ? AND {DONE}"
                " GROUP BY 1",
                since,
            )
        }
        after = dict(
            self.db.execute(
                f"SELECT {MONDAY_OF_DAY}, avg(r.rating) FROM results AS r JOIN sessions ON sessions.id = r.session_id"
                " WHERE day >= ? GROUP BY 1",
                since,
            ).fetchall()
        )
        mornings = {
            monday: (pain, stiffness)
            for monday, pain, stiffness in self.db.execute(
                f"SELECT {MONDAY_OF_DAY}, avg(morning_pain), avg(stiffness) FROM checkins WHERE day >= ?"
                " GROUP BY 1",
                since,
            )
        }
        weeks = []
        for offset in range(count):
            monday = (first_monday + timedelta(weeks=offset)).isoformat()
            number, before = sessions.get(monday, (0, None))
            pain, stiffness = mornings.get(monday, (None, None))
            weeks.append(Week(date.fromisoformat(monday), number, before, after.get(monday), pain, stiffness))
        return weeks

    def first_day(self) -> date | None:
        """The day of the first session that counts: week 1 is its week."""
        (day,) = self.db.execute(f"SELECT min(day) FROM sessions WHERE {DONE}").fetchone()
        return None if day is None else date.fromisoformat(day)

    def checked_in_since(self, day: date) -> bool:
        row = self.db.execute("SELECT 1 FROM checkins WHERE day >= ? LIMIT 1", (day.isoformat(),))
        return row.fetchone() is not None

    def results_since(self, day: date) -> list[ResultRow]:
        """Every result of the sessions that count, from day on, oldest first."""
        rows = self.db.execute(
            f"""
            SELECT s.day, r.exercise, r.name, r.rating, r.sharp, r.verdict, r.status
            FROM results AS r JOIN sessions AS s ON s.id = r.session_id
            WHERE s.day >= ? AND s.id IN (SELECT id FROM sessions WHERE {DONE})
            ORDER BY s.started_at, s.id, r.id
            """,
            (day.isoformat(),),
        )
        return [
            ResultRow(date.fromisoformat(on), exercise, name, rating, bool(sharp), verdict, status)
            for on, exercise, name, rating, sharp, verdict, status in rows
        ]

    def routines_since(self, day: date) -> list[tuple[str, str, int]]:
        """(routine id, name, sessions) for the routines done from day on, the most done first."""
        rows = self.db.execute(
            f"SELECT region, routine_name, count(*) FROM sessions WHERE day >= ? AND {DONE}"
            " GROUP BY region ORDER BY count(*) DESC, region",
            (day.isoformat(),),
        )
        return [(region, name, number) for region, name, number in rows]

    def dose_changes_since(self, day: date) -> list[DoseChange]:
        rows = self.db.execute(
            "SELECT day, exercise, name, hold_seconds, reps, note FROM dose_changes WHERE day >= ?"
            " ORDER BY recorded_at, id",
            (day.isoformat(),),
        )
        return [
            DoseChange(date.fromisoformat(on), exercise, name, hold, reps, note)
            for on, exercise, name, hold, reps, note in rows
        ]

    def streak(self, today: date) -> int:
        """Days in a row with a session, ending today (or yesterday, when today is still to come)."""
        days = {
            date.fromisoformat(row[0])
            for row in self.db.execute(
                f"SELECT DISTINCT day FROM sessions WHERE day >= ? AND {DONE}",
                ((today - timedelta(days=400)).isoformat(),),
            )
        }
        day = today if today in days else today - timedelta(days=1)
        count = 0
        while day in days:
            count += 1
            day -= timedelta(days=1)
        return count

    def exercise_trends(self, last: int = 6, since_sessions: int = 60) -> list[ExerciseTrend]:
        """Each exercise's last ratings, from the most recent sessions."""
        rows = self.db.execute(
            """
            SELECT r.exercise, r.name, r.rating
            FROM (SELECT id, started_at FROM sessions ORDER BY started_at DESC LIMIT ?) AS s
            JOIN results AS r ON r.session_id = s.id
            WHERE r.rating IS NOT NULL
            ORDER BY s.started_at, s.id, r.id
            """,
            (since_sessions,),
        ).fetchall()
        ratings: dict[str, list[int]] = {}
        names: dict[str, str] = {}
        for exercise, name, rating in rows:
            ratings.setdefault(exercise, []).append(rating)
            names[exercise] = name
        return [ExerciseTrend(key, names[key], tuple(values[-last:])) for key, values in ratings.items()]

    def last_ratings(self, exercise_id: str, sessions: int = 2) -> list[tuple[int, Level]]:
        """The exercise's (rating, verdict) in its last rated sessions, newest first."""
        rows = self.db.execute(
            """
            SELECT r.rating, r.verdict FROM results AS r JOIN sessions AS s ON s.id = r.session_id
            WHERE r.exercise = ? AND r.rating IS NOT NULL
            ORDER BY s.started_at DESC, s.id DESC, r.id DESC LIMIT ?
            """,
            (exercise_id, sessions),
        ).fetchall()
        return [(int(rating), Level(verdict)) for rating, verdict in rows]

    def csv_rows(self) -> Iterator[tuple[object, ...]]:
        yield from self.db.execute(
            f"""
            SELECT s.started_at, s.region, r.exercise, r.side, r.hold_seconds, r.reps,
                   s.pain_before, r.rating, r.status
            FROM results AS r JOIN sessions AS s ON s.id = r.session_id
            WHERE s.id IN (SELECT id FROM sessions WHERE {DONE})
            ORDER BY s.started_at, s.id, r.id
            """
        )


RESULT_COLUMNS = (
    "exercise", "name", "side", "hold_seconds", "reps", "rating", "sharp", "verdict", "status", "recorded_at",
)  # fmt: skip


def result_row(result: ExerciseResult, recorded_at: datetime) -> dict[str, Any]:
    """A result as plain values, ready for the database or a line of JSON."""
    rating = result.rating
    return {
        "exercise": result.exercise_id,
        "name": result.name,
        "side": result.side or "",
        "hold_seconds": result.dose.hold_seconds,
        "reps": result.dose.reps,
        "rating": None if rating is None else rating.value,
        "sharp": int(rating is not None and rating.sharp),
        "verdict": None if result.verdict is None else result.verdict.level.value,
        "status": result.status.value,
        "recorded_at": recorded_at.isoformat(timespec="seconds"),
    }


def describe(path: Path, error: BaseException) -> str:
    """A plain sentence about what went wrong with the history file."""
    text = str(error)
    if "locked" in text:
        return f"{path} is locked by another program; your ratings wait in memory until it is free"
    if "not a database" in text or "malformed" in text:
        return f"{path} is damaged ({text}); it is left as it is and your ratings wait in memory"
    return f"{path} cannot be used ({text}); your ratings wait in memory"


Entry = dict[str, Any]  # one write as plain data: it can wait in memory, or in the side file


class HistoryLog:
    """Writes to the history when it can. What it cannot write waits in memory and goes at the next write;
    what still waits when the app closes goes to a side file beside the database, and the next successful
    write or read puts it into the history."""

    def __init__(self, path: Path, timeout: float = BUSY_TIMEOUT) -> None:
        self.path = path
        self.timeout = timeout
        self.side_file = path.with_name(path.name + ".unsaved.jsonl")
        self.pending: list[Entry] = []
        self.problem: str | None = None
        self._history: History | None = None
        self._session_ids: dict[str, int] = {}  # session key -> database id
        self._side_file_loaded = False
        self._quarantined = 0

    def write(self, entry: Entry) -> str | None:
        """Queue a write and flush the queue; returns a new problem, once, when writing fails."""
        self.pending.append(entry)
        return self.flush()

    def flush(self) -> str | None:
        said = self._load_side_file()
        while self.pending:
            try:
                self._apply(self._connect(), self.pending[0])
            except (UnusableEntry, sqlite3.IntegrityError, KeyError, TypeError) as error:
                # This entry can never be written (its session is not in the history, or it is not
                # whole): keep it aside and go on, rather than blocking every later write.
                kept_aside = self._quarantine(self.pending.pop(0), error)
                said = said or kept_aside
                continue
            except (HistoryError, sqlite3.Error, OSError) as error:
                self._drop()
                first_time = self.problem is None
                self.problem = str(error) if isinstance(error, HistoryError) else describe(self.path, error)
                return self.problem if first_time else None
            self.pending.pop(0)
        self.problem = None
        if self._side_file_loaded:
            self.side_file.unlink(missing_ok=True)
        return said

    def _quarantine(self, entry: Entry, error: Exception) -> str | None:
        """Append the entry to the quarantine file beside the history; say so the first time."""
        quarantine = self.path.with_name(self.path.name + ".quarantine.jsonl")
        first_time = not self._quarantined
        self._quarantined += 1
        try:
            with quarantine.open("a", encoding="utf-8") as file:
                file.write(json.dumps({**entry, "why": str(error)}) + "\n")
                file.flush()
                os.fsync(file.fileno())
        except OSError as failure:
            return f"a history entry could not be written or kept aside ({failure})"
        if not first_time:
            return None
        return (
            f"a history entry that matches no session was kept aside in {quarantine}; the rest were written"
        )

    def open(self) -> History:
        """For reading, with anything waiting written first; raises HistoryError with a plain message."""
        self.flush()
        return self._connect()

    def check_in(self, recorded_at: datetime, morning_pain: int, stiffness: int) -> str | None:
        """The weekly check-in, written like a rating: at once, or waiting until it can be."""
        return self.write(
            {
                "kind": "checkin",
                "recorded_at": recorded_at.isoformat(timespec="seconds"),
                "morning_pain": morning_pain,
                "stiffness": stiffness,
            }
        )

    def dose_changed(
        self, recorded_at: datetime, exercise: str, name: str, dose: tuple[int, int], note: str
    ) -> str | None:
        """An exercise's own dose changed (accepted on the summary, or set in settings): the report says when."""
        hold_seconds, reps = dose
        return self.write(
            {
                "kind": "dose",
                "recorded_at": recorded_at.isoformat(timespec="seconds"),
                "exercise": exercise,
                "name": name,
                "hold_seconds": hold_seconds,
                "reps": reps,
                "note": note,
            }
        )

    def last_ratings(self, exercise_id: str) -> list[tuple[int, Level]]:
        """An exercise's last rated sessions, newest first; empty when the history cannot be read now.

        While a write is failing, the file is not tried again here: each try could wait out the lock."""
        if self.problem is not None:
            return []
        try:
            return self.open().last_ratings(exercise_id)
        except (HistoryError, sqlite3.Error):
            return []

    def close(self) -> str | None:
        """Write what can be written and keep the rest in the side file; says what happened, if anything."""
        self.flush()
        self._drop()
        if not self.pending:
            return None
        for entry in self.pending:  # ids known now, for results of sessions already in the database
            if entry.get("session") in self._session_ids:
                entry["session_id"] = self._session_ids[entry["session"]]
        lines = "".join(json.dumps(entry) + "\n" for entry in self.pending)
        temporary = self.side_file.with_name(self.side_file.name + ".tmp")
        try:
            self.side_file.parent.mkdir(parents=True, exist_ok=True)
            with temporary.open("w", encoding="utf-8") as file:
                file.write(lines)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.side_file)
        except OSError as error:
            return f"{len(self.pending)} history entries could not be saved anywhere: {error}"
        return f"{self.problem}; {len(self.pending)} entries are kept in {self.side_file} until it can be written"

    def _connect(self) -> History:
        if self._history is None:
            self._history = History(self.path, self.timeout)
        return self._history

    def _apply(self, history: History, entry: Entry) -> None:
        if entry["kind"] == "checkin":
            history.insert_checkin(entry["recorded_at"], entry["morning_pain"], entry["stiffness"])
            return
        if entry["kind"] == "dose":
            history.insert_dose_change(entry)
            return
        key = entry["session"]
        if entry["kind"] == "start":
            self._session_ids[key] = history.insert_session(
                entry["started_at"],
                entry["region"],
                entry["routine_name"],
                entry["pain_before"],
                entry.get("pid"),
            )
            return
        session_id = self._session_ids.get(key, entry.get("session_id"))
        if session_id is None:
            raise UnusableEntry("an entry for a session that was never started")
        if entry["kind"] == "result":
            history.insert_result(session_id, entry)
        else:
            history.end_session(session_id, entry["status"])

    def _load_side_file(self) -> str | None:
        """Entries left by an earlier run go first: they are older. A file that is not ours is kept aside."""
        if self._side_file_loaded or not self.side_file.exists():
            return None
        self._side_file_loaded = True
        entries: list[Entry] = []
        try:
            for line in self.side_file.read_text(encoding="utf-8").splitlines():
                entry = json.loads(line)
                if not isinstance(entry, dict) or entry.get("kind") not in ENTRY_KINDS:
                    raise ValueError(f"not a history entry: {line[:60]}")
                entries.append(entry)
        except (OSError, ValueError) as error:
            aside = self.side_file.with_name(self.side_file.name + ".broken")
            with contextlib.suppress(OSError):
                os.replace(self.side_file, aside)
            return f"{self.side_file} could not be read ({error}); it was kept as {aside}"
        self.pending[:0] = entries
        return None

    def _drop(self) -> None:
        if self._history is not None:
            self._history.close()
            self._history = None


class SessionLog:
    """One session's writes; each result is committed the moment it is handed over."""

    def __init__(self, log: HistoryLog, record: SessionRecord) -> None:
        self.log = log
        self.record = record
        self.key = uuid.uuid4().hex  # known before the database gives the session an id

    def start(self) -> str | None:
        record = self.record
        return self.log.write(
            {
                "kind": "start",
                "session": self.key,
                "started_at": record.started_at.isoformat(timespec="seconds"),
                "region": record.routine_id,
                "routine_name": record.routine_name,
                "pain_before": record.pain_before,
                "pid": os.getpid(),
            }
        )

    def add(self, result: ExerciseResult, recorded_at: datetime | None = None) -> str | None:
        row = result_row(result, recorded_at or datetime.now().astimezone())
        return self.log.write({"kind": "result", "session": self.key, **row})

    def end(self, status: str) -> str | None:
        return self.log.write({"kind": "end", "session": self.key, "status": status})
