"""One session's writes to the history, through the write queue."""

from __future__ import annotations

import os
import uuid
from datetime import datetime

from backcoach.core.domain.outcome import Outcome
from backcoach.core.domain.results import ExerciseResult, SessionRecord
from backcoach.core.history.entries import EndEntry, ResultEntry, StartEntry
from backcoach.core.history.writes import HistoryLog


class SessionLog:
    """One session's writes; each result is committed the moment it is handed over."""

    def __init__(self, log: HistoryLog, record: SessionRecord) -> None:
        self.log = log
        self.record = record
        self.key = uuid.uuid4().hex  # known before the database gives the session an id

    def start(self) -> str | None:
        record = self.record
        return self.log.write(
            StartEntry(
                self.key,
                record.started_at,
                record.routine_id,
                record.routine_name,
                record.pain_before,
                os.getpid(),
            )
        )

    def add(self, result: ExerciseResult, recorded_at: datetime) -> str | None:
        return self.log.write(ResultEntry.of(self.key, result, recorded_at))

    def end(self, outcome: Outcome) -> str | None:
        return self.log.write(EndEntry(self.key, outcome))
