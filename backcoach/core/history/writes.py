"""The write queue: every rating committed the moment it is given, never lost to a bad database.

What cannot be written waits in memory, then in a side file beside the database.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import assert_never

from backcoach.core.domain.dose import Dose
from backcoach.core.domain.morning import Settled
from backcoach.core.domain.verdict import Level
from backcoach.core.history.database import History, HistoryError, describe
from backcoach.core.history.entries import (
    CheckInEntry,
    DoseEntry,
    EndEntry,
    Entry,
    MorningAfterEntry,
    PsfsEntry,
    ResultEntry,
    ReviewEntry,
    SessionEntry,
    StartEntry,
    stamp,
)
from backcoach.core.history.entry_json import KINDS, BadEntry, JsonObject, from_json, to_json
from backcoach.core.kit import paths
from backcoach.core.kit.safe_files import write_atomically

# How long a write waits for a file another program holds. The session screen waits for each write,
# so this stays short: a write that cannot go now waits in memory and goes with the next one.
BUSY_TIMEOUT = 0.1


class UnusableEntry(Exception):
    """A waiting entry that no database could take (its session was never started): bad data, kept
    aside and never retried."""


class HistoryLog:
    """Writes to the history when it can. What it cannot write waits in memory and goes at the next write;
    what still waits when the app closes goes to a side file beside the database, and the next successful
    write or read puts it into the history."""

    def __init__(self, path: Path, timeout: float = BUSY_TIMEOUT, spare_dir: Path | None = None) -> None:
        self.path = path
        self.timeout = timeout
        self.side_file = path.with_name(path.name + ".unsaved.jsonl")
        # Where the side file goes when the history's own folder cannot take it (read-only, say): the
        # state folder, in a file named for this history, so it never reaches another one.
        named = hashlib.sha256(str(path.absolute()).encode()).hexdigest()[:16]
        self.spare_side_file = (spare_dir or paths.state_dir()) / f"unsaved-{named}.jsonl"
        self.pending: list[Entry] = []
        self.problem: str | None = None
        self._history: History | None = None
        self._session_ids: dict[str, int] = {}  # session key -> database id, in the file connected
        self._starts: dict[str, StartEntry] = {}  # this run's sessions: started again in a new file
        self._file: tuple[int, int] | None = None  # the connected file's device and inode
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
            except (UnusableEntry, sqlite3.IntegrityError) as error:
                # The data can never be written (its session is not in the history, or the database
                # refuses it): keep it aside and go on, rather than blocking every later write. A mistake
                # in this code (a KeyError, a TypeError) is not caught, so it is never taken for bad data.
                kept_aside = self._quarantine(to_json(self.pending.pop(0)), error)
                said = said or kept_aside
                continue
            except sqlite3.ProgrammingError:
                raise  # our SQL given the wrong values: a bug, not a file that cannot be written now
            except (HistoryError, sqlite3.Error, OSError) as error:
                self._drop()
                first_time = self.problem is None
                problem = str(error) if isinstance(error, HistoryError) else describe(self.path, error)
                self.problem = f"{problem}; your ratings wait in memory until it can be written"
                return self.problem if first_time else None
            self.pending.pop(0)
        self.problem = None
        if self._side_file_loaded:
            for side_file in (self.side_file, self.spare_side_file):
                side_file.unlink(missing_ok=True)
        # Closed between writes: the last connection's close folds the write-ahead log into the file,
        # so a backup copied over it, or the file moved aside, never meets a log of another file.
        self._drop()
        return said

    def _quarantine(self, entry: JsonObject, error: Exception) -> str | None:
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
        return f"a history entry that cannot be written ({error}) was kept aside in {quarantine}; the rest were written"

    def open(self) -> History:
        """A connection of the caller's own, for reading, with anything waiting written first; raises
        HistoryError with a plain message."""
        self.flush()
        return History(self.path, self.timeout)

    def check_in(self, recorded_at: datetime, morning_pain: int, stiffness: int) -> str | None:
        """The weekly check-in, written like a rating: at once, or waiting until it can be."""
        return self.write(CheckInEntry(recorded_at, morning_pain, stiffness))

    def dose_changed(
        self, recorded_at: datetime, exercise: str, name: str, dose: tuple[int, int], note: str
    ) -> str | None:
        """An exercise's own dose changed (accepted on the summary, or set in settings): the report says when."""
        return self.write(DoseEntry(recorded_at, exercise, name, Dose(*dose), note))

    def morning_after(self, recorded_at: datetime, session_day: date, answer: Settled) -> str | None:
        """The morning-after answer about the session of session_day, written like a rating."""
        return self.write(MorningAfterEntry(recorded_at, session_day.isoformat(), answer))

    def psfs(self, entry: PsfsEntry) -> str | None:
        """A PSFS rating (its activities added, rated and retired), written like a rating."""
        return self.write(entry)

    def reviewed(self, entry: ReviewEntry) -> str | None:
        """A review as it was shown, written like a rating."""
        return self.write(entry)

    def psfs_kept(self) -> tuple[str, ...] | None:
        """The PSFS activities still rated; None when the history cannot be read now."""
        try:
            with contextlib.closing(self.open()) as history:
                return tuple(history.psfs_activities())
        except (HistoryError, sqlite3.Error):
            return None

    def rated_days(
        self, exercise_id: str, stop_at: int, leave_out: tuple[str, ...]
    ) -> list[tuple[date, int, Level]]:
        """History.rated_days; empty when the history cannot be read now (as last_ratings)."""
        if self.problem is not None:
            return []
        try:
            with contextlib.closing(self.open()) as history:
                return history.rated_days(exercise_id, stop_at, leave_out)
        except (HistoryError, sqlite3.Error):
            return []

    def answer_today(self, today: date) -> Settled | None:
        """The morning-after answer given about the last session before today, if any."""
        if self.problem is not None:
            return None
        try:
            with contextlib.closing(self.open()) as history:
                last = history.last_session_day(today)
                return None if last is None else history.morning_after(last)
        except (HistoryError, sqlite3.Error):
            return None

    def last_day_answered(self, today: date) -> tuple[date | None, bool]:
        """The day of the last session before today, and whether its morning after was answered;
        (None, False) when the history cannot be read now."""
        if self.problem is not None:
            return None, False
        try:
            with contextlib.closing(self.open()) as history:
                last = history.last_session_day(today)
                return last, last is not None and history.morning_after(last) is not None
        except (HistoryError, sqlite3.Error):
            return None, False

    def last_ratings(self, exercise_id: str) -> list[tuple[int, Level]]:
        """An exercise's last rated sessions, newest first; empty when the history cannot be read now.

        While a write is failing, the file is not tried again here: each try could wait out the lock."""
        if self.problem is not None:
            return []
        try:
            with contextlib.closing(self.open()) as history:
                return history.last_ratings(exercise_id)
        except (HistoryError, sqlite3.Error):
            return []

    def close(self) -> str | None:
        """Write what can be written and keep the rest in the side file; says what happened, if anything."""
        self.flush()
        self._drop()
        if not self.pending:
            return None
        self.pending = [self._with_session_id(entry) for entry in self.pending]
        lines = "".join(json.dumps(to_json(entry)) + "\n" for entry in self.pending)
        failures = []
        for side_file in (self.side_file, self.spare_side_file):
            try:
                side_file.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(side_file, lines.encode())
            except OSError as error:
                failures.append(f"{side_file}: {error.strerror or error}")
                continue
            return (
                f"{self.problem}; {len(self.pending)} entries are kept in {side_file} until it can be written"
            )
        # Nowhere on disk takes them (a full disk): said with the entries themselves, to be kept by hand.
        return (
            f"{len(self.pending)} history entries could not be saved anywhere ({'; '.join(failures)})."
            f" Here they are, to keep:\n{lines}"
        )

    def _connect(self) -> History:
        """The connection; when the file is another since the last one (a backup restored, the file
        moved aside), this run's session ids were the old file's, and its sessions begin again here."""
        if self._history is None:
            self._history = History(self.path, self.timeout)
            now = file_id(self.path)
            if now != self._file:
                self._session_ids.clear()
                self._file = now
        return self._history

    def _with_session_id(self, entry: Entry) -> Entry:
        """The id known now, for the results and end of a session already in the database."""
        if isinstance(entry, SessionEntry) and entry.session in self._session_ids:
            return replace(entry, session_id=self._session_ids[entry.session])
        return entry

    def _apply(self, history: History, entry: Entry) -> None:
        match entry:
            case StartEntry():
                self._starts[entry.session] = entry
                self._start(history, entry)
            case ResultEntry():
                history.insert_result(self._session_id(entry), entry)
            case EndEntry():
                if not history.end_session(self._session_id(entry), entry.outcome):
                    raise UnusableEntry("the end of a session the history does not have")
            case CheckInEntry():
                history.insert_checkin(stamp(entry.recorded_at), entry.morning_pain, entry.stiffness)
            case DoseEntry():
                history.insert_dose_change(entry)
            case MorningAfterEntry():
                history.insert_morning_after(entry)
            case PsfsEntry():
                history.insert_psfs(entry)
            case ReviewEntry():
                history.insert_review(entry)
            case unhandled:
                assert_never(unhandled)

    def _start(self, history: History, entry: StartEntry) -> None:
        self._session_ids[entry.session] = history.insert_session(
            stamp(entry.started_at), entry.region, entry.routine_name, entry.pain_before, entry.pid
        )

    def _session_id(self, entry: SessionEntry) -> int:
        """The session's id in the file connected: a session of this run that began in a file since
        replaced begins again in this one, so its later ratings have a session to belong to."""
        if entry.session not in self._session_ids and entry.session in self._starts and self._history:
            self._start(self._history, self._starts[entry.session])
        session_id = self._session_ids.get(entry.session, entry.session_id)
        if session_id is None:
            raise UnusableEntry("an entry for a session that was never started")
        return session_id

    def _load_side_file(self) -> str | None:
        """Entries left by an earlier run go first: they are older. The spare side file, if any, comes
        first: only an earlier run than the one that left the usual one could have written it."""
        if self._side_file_loaded:
            return None
        self._side_file_loaded = True
        with contextlib.suppress(OSError):  # an earlier version's, left by a failed write: never whole
            self.side_file.with_name(self.side_file.name + ".tmp").unlink(missing_ok=True)
        said = None
        for side_file in (self.side_file, self.spare_side_file):  # each put in front: the spare's first
            if side_file.exists():
                said = self._load(side_file) or said
        return said

    def _load(self, side_file: Path) -> str | None:
        """A file that is not ours is kept aside whole; a line of ours that is not a valid entry goes to
        the quarantine, and the rest are loaded."""
        lines: list[JsonObject] = []
        try:
            for line in side_file.read_text(encoding="utf-8").splitlines():
                raw = json.loads(line)
                if not isinstance(raw, dict) or raw.get("kind") not in KINDS:
                    raise ValueError(f"not a history entry: {line[:60]}")
                lines.append(raw)
        except (OSError, ValueError) as error:
            aside = side_file.with_name(side_file.name + ".broken")
            with contextlib.suppress(OSError):
                os.replace(side_file, aside)
            return f"{side_file} could not be read ({error}); it was kept as {aside}"
        said = None
        entries: list[Entry] = []
        for raw in lines:
            try:
                entries.append(from_json(raw))
            except BadEntry as error:
                said = said or self._quarantine(raw, error)
        self.pending[:0] = entries
        return said

    def _drop(self) -> None:
        if self._history is not None:
            self._history.close()
            self._history = None


def file_id(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino
