"""One session's writes to the history, through the write queue."""

from __future__ import annotations

import os
import uuid
from datetime import datetime

from backcoach.core.domain.outcome import Outcome
from backcoach.core.domain.results import ExerciseResult, SessionRecord
from backcoach.core.history.database import result_row
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

    def end(self, outcome: Outcome) -> str | None:
        return self.log.write({"kind": "end", "session": self.key, "status": outcome.value})
