"""The recent-sessions table, as the history screen and `backcoach history` both show it."""

from __future__ import annotations

from datetime import date

from backcoach.core.domain.morning import Settled
from backcoach.core.history.database import SessionRow
from backcoach.core.kit.text import shown

SESSION_COLUMNS = ("Started", "Routine", "Done", "Skipped", "Stopped", "Before", "After")


def session_cells(row: SessionRow) -> tuple[str, ...]:
    """One session's cells under SESSION_COLUMNS; the routine's name is from a file, made safe to show."""
    before = "-" if row.pain_before is None else str(row.pain_before)
    after = "-" if row.average_after is None else f"{row.average_after:.1f}"
    started = row.started_at[:16].replace("T", " ")
    counts = (str(row.done), str(row.skipped), str(row.stopped))
    return (started, shown(row.routine_name), *counts, before, after)


def session_status(row: SessionRow) -> str:
    """The session's status, and sharp pain where any exercise was rated with it."""
    if not row.sharp:
        return row.status
    return f"{row.status}, sharp pain ({row.sharp})" if row.sharp > 1 else f"{row.status}, sharp pain"


def morning_lines(answers: list[tuple[date, date, Settled]]) -> list[str]:
    """The morning-after answers, one a line: "Wed 25 Nov  settled"; the day is the session's."""
    return [f"{about:%a %d %b}  {answer.value}" for _, about, answer in answers]
