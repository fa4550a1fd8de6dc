"""The write queue: every rating committed the moment it is given, never lost to a bad database.

What cannot be written waits in memory, then in a side file beside the database.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from backcoach.core.domain.verdict import Level
from backcoach.core.history.database import History, HistoryError, describe
from backcoach.core.history.schema import ENTRY_KINDS

# How long a write waits for a file another program holds. The session screen waits for each write,
# so this stays short: a write that cannot go now waits in memory and goes with the next one.
BUSY_TIMEOUT = 0.1


class UnusableEntry(Exception):
    """A waiting entry that no database could take: it is kept aside, never retried."""


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
