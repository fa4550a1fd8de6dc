"""The history in SQLite: the connection, its writes and its queries.

Schema changes go through MIGRATIONS, keyed by SQLite's user_version.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from backcoach.core.domain.morning import Settled
from backcoach.core.domain.outcome import Outcome
from backcoach.core.domain.status import Status
from backcoach.core.domain.verdict import Level
from backcoach.core.history.entries import (
    DoseEntry,
    MorningAfterEntry,
    PsfsEntry,
    ResultEntry,
    ReviewEntry,
    stamp,
)
from backcoach.core.history.schema import DONE, IN_PROGRESS, MIGRATIONS, MONDAY_OF_DAY, NEWEST_FIRST
from backcoach.core.kit.processes import process_alive


class HistoryError(Exception):
    """The database cannot be used; the message says which file and why."""


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
    sharp: int = 0  # results rated with sharp pain


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
    verdict: Level | None
    status: Status


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
    sharp: tuple[bool, ...]  # beside each rating: sharp pain was reported


@dataclass(frozen=True)
class PsfsSet:
    """One PSFS rating: each activity's score, by its text, in the order the activities were added."""

    day: date
    scores: dict[str, int]


@dataclass(frozen=True)
class ReviewRow:
    day: date
    week: int
    verdict: str
    lines: tuple[str, ...]


class History:
    def __init__(self, path: Path, timeout: float = 2.0) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, timeout=timeout, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._check()
            self._migrate()
        except (sqlite3.Error, OSError) as error:
            raise HistoryError(describe(path, error)) from None
        self._mark_interrupted()

    def close(self) -> None:
        self.db.close()

    def _check(self) -> None:
        """A damaged page is found now, before anything is written into the file or read from it:
        quick_check reads every page once (milliseconds for years of sessions)."""
        (verdict,) = self.db.execute("PRAGMA quick_check(1)").fetchone()
        if verdict != "ok":
            found = " ".join(line for line in verdict.splitlines() if not line.startswith("***"))
            raise Damaged(f"the integrity check found: {found}")

    def _migrate(self) -> None:
        (version,) = self.db.execute("PRAGMA user_version").fetchone()
        if version > len(MIGRATIONS):
            raise sqlite3.DatabaseError(f"it was written by a newer backcoach (schema {version})")
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            self.db.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")

    def _mark_interrupted(self) -> None:
        """A session still "in progress" whose process is gone was cut off: a kill, a crash, power."""
        try:
            rows = self.db.execute("SELECT id, pid FROM sessions WHERE status = ?", (IN_PROGRESS,)).fetchall()
            gone = [
                (Outcome.INTERRUPTED.value, session_id) for session_id, pid in rows if not process_alive(pid)
            ]
            self.db.executemany("UPDATE sessions SET status = ? WHERE id = ?", gone)
        except sqlite3.Error:
            pass  # a read-only or busy file: the next open tries again

    # Writing: each call is its own committed transaction

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

    def insert_result(self, session_id: int, entry: ResultEntry) -> None:
        self.db.execute(
            "INSERT INTO results (session_id, exercise, name, side, hold_seconds, reps, rating, sharp, verdict,"
            " status, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                entry.exercise,
                entry.name,
                entry.side,
                entry.dose.hold_seconds,
                entry.dose.reps,
                entry.rating,
                int(entry.sharp),
                None if entry.verdict is None else entry.verdict.value,
                entry.status.value,
                stamp(entry.recorded_at),
            ),
        )

    def end_session(self, session_id: int, outcome: Outcome) -> bool:
        """False when the history has no such session."""
        cursor = self.db.execute("UPDATE sessions SET status = ? WHERE id = ?", (outcome.value, session_id))
        return cursor.rowcount > 0

    def insert_checkin(self, recorded_at: str, morning_pain: int, stiffness: int) -> None:
        self.db.execute(
            "INSERT INTO checkins (recorded_at, day, morning_pain, stiffness) VALUES (?, ?, ?, ?)",
            (recorded_at, recorded_at[:10], morning_pain, stiffness),
        )

    def insert_morning_after(self, entry: MorningAfterEntry) -> None:
        recorded_at = stamp(entry.recorded_at)
        self.db.execute(
            "INSERT INTO mornings_after (recorded_at, day, session_day, answer) VALUES (?, ?, ?, ?)",
            (recorded_at, recorded_at[:10], entry.session_day, entry.answer.value),
        )

    def insert_dose_change(self, entry: DoseEntry) -> None:
        recorded_at = stamp(entry.recorded_at)
        self.db.execute(
            "INSERT INTO dose_changes (recorded_at, day, exercise, name, hold_seconds, reps, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                recorded_at,
                recorded_at[:10],
                entry.exercise,
                entry.name,
                entry.dose.hold_seconds,
                entry.dose.reps,
                entry.note,
            ),
        )

    def insert_psfs(self, entry: PsfsEntry) -> None:
        """Activities added, rated and retired in one transaction: a rating is written whole or not at all.
        An activity is found by its text among those still rated; one not there yet is added."""
        recorded_at = stamp(entry.recorded_at)
        day = recorded_at[:10]
        self.db.execute("BEGIN IMMEDIATE")
        try:
            ids = self._active_ids()
            for text in (*entry.added, *(text for text, _ in entry.scores)):
                if text.casefold() not in ids:
                    cursor = self.db.execute(
                        "INSERT INTO psfs_activities (text, added_day) VALUES (?, ?)", (text, day)
                    )
                    assert cursor.lastrowid is not None
                    ids[text.casefold()] = cursor.lastrowid
            self.db.executemany(
                "INSERT INTO psfs_ratings (activity_id, day, recorded_at, score) VALUES (?, ?, ?, ?)",
                [(ids[text.casefold()], day, recorded_at, score) for text, score in entry.scores],
            )
            self.db.executemany(
                "UPDATE psfs_activities SET retired_day = ? WHERE id = ?",
                [(day, ids[text.casefold()]) for text in entry.retired if text.casefold() in ids],
            )
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _active_ids(self) -> dict[str, int]:
        rows = self.db.execute("SELECT id, text FROM psfs_activities WHERE retired_day IS NULL ORDER BY id")
        return {text.casefold(): activity_id for activity_id, text in rows}

    def insert_review(self, entry: ReviewEntry) -> None:
        recorded_at = stamp(entry.recorded_at)
        self.db.execute(
            "INSERT INTO reviews (recorded_at, day, week, verdict, lines) VALUES (?, ?, ?, ?, ?)",
            (recorded_at, recorded_at[:10], entry.week, entry.verdict, "\n".join(entry.lines)),
        )

    # Reading

    def psfs_activities(self) -> list[str]:
        """The activities still rated, in the order they were added."""
        rows = self.db.execute("SELECT text FROM psfs_activities WHERE retired_day IS NULL ORDER BY id")
        return [text for (text,) in rows]

    def psfs_sets(self, since: date | None = None) -> list[PsfsSet]:
        """Every PSFS rating (on or after since), oldest first."""
        rows = self.db.execute(
            "SELECT r.recorded_at, r.day, a.text, r.score FROM psfs_ratings AS r"
            " JOIN psfs_activities AS a ON a.id = r.activity_id WHERE r.day >= ?"
            " ORDER BY julianday(r.recorded_at), r.recorded_at, a.id",
            ((since or date.min).isoformat(),),
        )
        sets: dict[str, PsfsSet] = {}
        for recorded_at, day, text, score in rows:
            sets.setdefault(recorded_at, PsfsSet(date.fromisoformat(day), {})).scores[text] = score
        return list(sets.values())

    def last_psfs_day(self) -> date | None:
        (day,) = self.db.execute("SELECT max(day) FROM psfs_ratings").fetchone()
        return None if day is None else date.fromisoformat(day)

    def reviews(self) -> list[ReviewRow]:
        rows = self.db.execute(
            "SELECT day, week, verdict, lines FROM reviews ORDER BY julianday(recorded_at), id"
        )
        return [
            ReviewRow(date.fromisoformat(day), week, verdict, tuple(lines.split("\n")))
            for day, week, verdict, lines in rows
        ]

    def reviewed_weeks(self) -> set[int]:
        return {week for (week,) in self.db.execute("SELECT week FROM reviews")}

    def starting_pains(self) -> list[tuple[date, int]]:
        """Each counted session's starting rating, oldest first."""
        rows = self.db.execute(
            f"SELECT day, pain_before FROM sessions WHERE {DONE} AND pain_before IS NOT NULL"
            " ORDER BY day, julianday(started_at), id"
        )
        return [(date.fromisoformat(day), pain) for day, pain in rows]

    def checkin_pains(self) -> list[tuple[date, int]]:
        rows = self.db.execute("SELECT day, morning_pain FROM checkins ORDER BY julianday(recorded_at), id")
        return [(date.fromisoformat(day), pain) for day, pain in rows]

    def session_count(self) -> int:
        return int(self.db.execute(f"SELECT count(*) FROM sessions WHERE {DONE}").fetchone()[0])

    def recent_sessions(self, limit: int = 30) -> list[SessionRow]:
        rows = self.db.execute(
            f"""
            SELECT s.id, s.started_at, s.region, s.routine_name, s.pain_before, s.status,
                   sum(r.status = ?), sum(r.status = ?), sum(r.status = ?), avg(r.rating), sum(r.sharp)
            FROM (SELECT * FROM sessions WHERE {DONE} ORDER BY {NEWEST_FIRST} LIMIT ?) AS s
            LEFT JOIN results AS r ON r.session_id = s.id
            GROUP BY s.id ORDER BY s.day DESC, julianday(s.started_at) DESC, s.id DESC
            """,
            (Status.COMPLETED.value, Status.SKIPPED.value, Status.STOPPED.value, limit),
        ).fetchall()
        return [
            SessionRow(
                id_,
                started,
                region,
                name,
                before,
                status,
                done or 0,
                skipped or 0,
                stopped or 0,
                after,
                sharp or 0,
            )
            for id_, started, region, name, before, status, done, skipped, stopped, after, sharp in rows
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

    def sessions_on(self, day: date) -> int:
        """The sessions that count on one day."""
        row = self.db.execute(f"SELECT count(*) FROM sessions WHERE day = ? AND {DONE}", (day.isoformat(),))
        return int(row.fetchone()[0])

    def last_days(self) -> dict[str, date]:
        """Each routine's last day with a session that counts, by routine id."""
        rows = self.db.execute(f"SELECT region, max(day) FROM sessions WHERE {DONE} GROUP BY region")
        return {region: date.fromisoformat(day) for region, day in rows}

    def reds_of(self, session_id: int) -> list[str]:
        """The names of the exercises rated red in one session, in the order they were done."""
        rows = self.db.execute(
            "SELECT name FROM results WHERE session_id = ? AND verdict = ? ORDER BY id",
            (session_id, Level.RED.value),
        )
        return [name for (name,) in rows]

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
            ORDER BY julianday(s.started_at), s.id, r.id
            """,
            (day.isoformat(),),
        )
        return [
            ResultRow(
                date.fromisoformat(on),
                exercise,
                name,
                rating,
                bool(sharp),
                None if verdict is None else Level(verdict),
                Status(status),
            )
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
            " ORDER BY julianday(recorded_at), id",
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
            SELECT r.exercise, r.name, r.rating, r.sharp
            FROM (SELECT id, started_at FROM sessions ORDER BY julianday(started_at) DESC LIMIT ?) AS s
            JOIN results AS r ON r.session_id = s.id
            WHERE r.rating IS NOT NULL
            ORDER BY julianday(s.started_at), s.id, r.id
            """,
            (since_sessions,),
        ).fetchall()
        ratings: dict[str, list[int]] = {}
        sharp: dict[str, list[bool]] = {}
        names: dict[str, str] = {}
        for exercise, name, rating, was_sharp in rows:
            ratings.setdefault(exercise, []).append(rating)
            sharp.setdefault(exercise, []).append(bool(was_sharp))
            names[exercise] = name
        return [
            ExerciseTrend(key, names[key], tuple(values[-last:]), tuple(sharp[key][-last:]))
            for key, values in ratings.items()
        ]

    def last_ratings(self, exercise_id: str, sessions: int = 2) -> list[tuple[int, Level]]:
        """The exercise's (rating, verdict) in its last rated sessions, newest first."""
        rows = self.db.execute(
            """
            SELECT r.rating, r.verdict FROM results AS r JOIN sessions AS s ON s.id = r.session_id
            WHERE r.exercise = ? AND r.rating IS NOT NULL
            ORDER BY julianday(s.started_at) DESC, s.id DESC, r.id DESC LIMIT ?
            """,
            (exercise_id, sessions),
        ).fetchall()
        return [(int(rating), Level(verdict)) for rating, verdict in rows]

    def rated_days(
        self, exercise_id: str, stop_at: int, leave_out: tuple[str, ...], days: int = 2
    ) -> list[tuple[date, int, Level]]:
        """Every (day, rating, verdict) of the exercise on its last `days` days of usual sessions, newest
        first. Usual: not a flare day (started at or above stop_at) nor a routine in leave_out (those of
        their own doses, such as the gentle day): their ratings never move a usual dose."""
        marks = ", ".join("?" * len(leave_out))
        usual = (
            "r.exercise = ? AND r.rating IS NOT NULL AND (s.pain_before IS NULL OR s.pain_before < ?)"
            f" AND s.region NOT IN ({marks})"
        )
        values = (exercise_id, stop_at, *leave_out)
        rows = self.db.execute(
            f"""
            SELECT s.day, r.rating, r.verdict FROM results AS r JOIN sessions AS s ON s.id = r.session_id
            WHERE {usual} AND s.day IN (
                SELECT DISTINCT s.day FROM results AS r JOIN sessions AS s ON s.id = r.session_id
                WHERE {usual} ORDER BY s.day DESC LIMIT ?)
            ORDER BY julianday(s.started_at) DESC, s.id DESC, r.id DESC
            """,
            (*values, *values, days),
        ).fetchall()
        return [(date.fromisoformat(day), int(rating), Level(verdict)) for day, rating, verdict in rows]

    def last_session_day(self, before: date) -> date | None:
        """The day of the last session that counts, before the given day."""
        (day,) = self.db.execute(
            f"SELECT max(day) FROM sessions WHERE day < ? AND {DONE}", (before.isoformat(),)
        ).fetchone()
        return None if day is None else date.fromisoformat(day)

    def morning_after(self, session_day: date) -> Settled | None:
        """The last answer given about the session(s) of that day."""
        row = self.db.execute(
            "SELECT answer FROM mornings_after WHERE session_day = ? ORDER BY julianday(recorded_at) DESC, id DESC LIMIT 1",
            (session_day.isoformat(),),
        ).fetchone()
        return None if row is None else Settled(row[0])

    def mornings_after_since(self, day: date) -> list[tuple[date, date, Settled]]:
        """(answered on, about the session of, answer) from day on, oldest first: for the history and report."""
        rows = self.db.execute(
            "SELECT day, session_day, answer FROM mornings_after WHERE day >= ? ORDER BY julianday(recorded_at), id",
            (day.isoformat(),),
        )
        return [
            (date.fromisoformat(on), date.fromisoformat(about), Settled(answer)) for on, about, answer in rows
        ]

    def csv_rows(self) -> Iterator[tuple[object, ...]]:
        yield from self.db.execute(
            f"""
            SELECT s.started_at, s.region, r.exercise, r.side, r.hold_seconds, r.reps,
                   s.pain_before, r.rating, r.status,
                   CASE WHEN r.sharp THEN 'sharp' ELSE '' END, r.verdict
            FROM results AS r JOIN sessions AS s ON s.id = r.session_id
            WHERE s.id IN (SELECT id FROM sessions WHERE {DONE})
            ORDER BY julianday(s.started_at), s.id, r.id
            """
        )


def describe(path: Path, error: BaseException) -> str:
    """A plain sentence about what went wrong with the history file, told apart by SQLite's result code
    (its primary code: the low byte), never by the wording of its message."""
    text = str(error)
    code = getattr(error, "sqlite_errorcode", None)
    primary = None if code is None else code & 0xFF
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return f"{path} is locked by another program"
    if primary in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT) or isinstance(error, Damaged):
        return f"{path} is damaged ({text}); it is left as it is"
    return f"{path} cannot be used ({text})"


class Damaged(sqlite3.DatabaseError):
    """The integrity check found damage that SQLite would only report later, query by query."""
