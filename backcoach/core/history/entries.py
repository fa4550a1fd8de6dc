"""The history's writes as typed entries: what waits in the queue, in memory or in the side file.

One frozen dataclass per kind. Results and ends name their session by a key known before the database
gives the session an id; entry_json.py turns them into the side file's lines and back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from backcoach.core.domain.dose import Dose
from backcoach.core.domain.morning import Settled
from backcoach.core.domain.outcome import Outcome
from backcoach.core.domain.results import ExerciseResult
from backcoach.core.domain.status import Status
from backcoach.core.domain.verdict import Level


def stamp(moment: datetime) -> str:
    """A moment as the history stores it: ISO 8601 to the second, with the offset when it has one."""
    return moment.isoformat(timespec="seconds")


@dataclass(frozen=True)
class StartEntry:
    session: str  # the session's key
    started_at: datetime
    region: str  # the routine's id
    routine_name: str
    pain_before: int | None
    pid: int | None  # the process running it: a session it left "in progress" can be told apart


@dataclass(frozen=True)
class ResultEntry:
    session: str
    exercise: str
    name: str
    side: str  # "" for an exercise done on no side, or stopped on none
    dose: Dose
    rating: int | None
    sharp: bool
    verdict: Level | None
    status: Status
    recorded_at: datetime
    session_id: int | None = None  # set when the side file is written, for a session already stored

    @classmethod
    def of(cls, session: str, result: ExerciseResult, recorded_at: datetime) -> ResultEntry:
        rating = result.rating
        return cls(
            session,
            result.exercise_id,
            result.name,
            result.side or "",
            result.dose,
            None if rating is None else rating.value,
            rating is not None and rating.sharp,
            None if result.verdict is None else result.verdict.level,
            result.status,
            recorded_at,
        )


@dataclass(frozen=True)
class EndEntry:
    session: str
    outcome: Outcome
    session_id: int | None = None


@dataclass(frozen=True)
class CheckInEntry:
    """The weekly check-in: belongs to no session."""

    recorded_at: datetime
    morning_pain: int
    stiffness: int


@dataclass(frozen=True)
class DoseEntry:
    """An exercise's own dose changed (accepted on the summary, or set in settings): belongs to no session."""

    recorded_at: datetime
    exercise: str
    name: str
    dose: Dose  # the dose from then on
    note: str


@dataclass(frozen=True)
class MorningAfterEntry:
    """The morning-after answer about the session of session_day: belongs to no session."""

    recorded_at: datetime
    session_day: str  # ISO date of the session it is about
    answer: Settled


@dataclass(frozen=True)
class PsfsEntry:
    """One PSFS rating, written whole: activities named by their text, as the database gives them ids
    only when written. Added ones are new; retired ones are rated no more. Belongs to no session."""

    recorded_at: datetime
    scores: tuple[tuple[str, int], ...]  # each activity rated, by its text
    added: tuple[str, ...] = ()
    retired: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReviewEntry:
    """A review shown (weeks 6 and 12), as it was shown. Belongs to no session."""

    recorded_at: datetime
    week: int
    verdict: str
    lines: tuple[str, ...]


Entry = (
    StartEntry
    | ResultEntry
    | EndEntry
    | CheckInEntry
    | DoseEntry
    | MorningAfterEntry
    | PsfsEntry
    | ReviewEntry
)
SessionEntry = ResultEntry | EndEntry  # the kinds that need their session's id
