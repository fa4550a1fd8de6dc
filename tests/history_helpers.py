"""Writing a history directly, for tests: the app writes through HistoryLog and SessionLog only."""

from __future__ import annotations

from datetime import datetime

from backcoach.core.domain.results import ExerciseResult
from backcoach.core.history.database import History
from backcoach.core.history.entries import ResultEntry, stamp


def start_session(
    history: History,
    started_at: datetime,
    region: str,
    routine_name: str,
    pain_before: int | None,
    pid: int | None = None,
) -> int:
    return history.insert_session(stamp(started_at), region, routine_name, pain_before, pid)


def add_result(history: History, session_id: int, result: ExerciseResult, recorded_at: datetime) -> None:
    history.insert_result(session_id, ResultEntry.of("", result, recorded_at))
