"""What one session produced: each exercise's outcome and rating, for the summary and the history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from backcoach.core.domain.dose import Dose
from backcoach.core.domain.outcome import Outcome
from backcoach.core.domain.rating import Rating
from backcoach.core.domain.status import Status
from backcoach.core.domain.verdict import Verdict

__all__ = ["ExerciseResult", "Outcome", "SessionRecord"]


@dataclass(frozen=True)
class ExerciseResult:
    exercise_id: str
    name: str
    dose: Dose
    status: Status
    rating: Rating | None = None
    verdict: Verdict | None = None
    side: str | None = None  # the side under way when a one-sided exercise was stopped

    @property
    def rated(self) -> str:
        """The rating as the summary says it: "3", or "3, sharp" when sharp pain was reported."""
        if self.rating is None:
            return ""
        return f"{self.rating.value}, sharp" if self.rating.sharp else str(self.rating.value)


@dataclass
class SessionRecord:
    routine_id: str
    routine_name: str
    started_at: datetime
    pain_before: int | None
    results: list[ExerciseResult] = field(default_factory=list)
    ended_early: bool = False
    seconds: float = 0.0

    def count(self, status: Status) -> int:
        return sum(1 for result in self.results if result.status is status)

    @property
    def tally(self) -> str:
        """ "2 done, 1 skipped, 0 stopped": the summary's first words."""
        return (
            f"{self.count(Status.COMPLETED)} done, {self.count(Status.SKIPPED)} skipped,"
            f" {self.count(Status.STOPPED)} stopped"
        )

    @property
    def any_red(self) -> bool:
        return any(result.verdict is not None and result.verdict.stop for result in self.results)

    @property
    def advice(self) -> str:
        """The line on what to do next, from the reference's advice on weeks and on no improvement."""
        if not self.count(Status.COMPLETED) and not self.any_red:
            return (
                "Nothing was finished this time, and that is fine: start again when you are ready."
                " Even a short session helps, and results take a few weeks of regular exercise."
            )
        if self.any_red:
            return (
                "Leave out or ease off the exercises that hurt next time. If pain keeps rising or "
                "spreads, stop and talk to your physiotherapist or doctor."
            )
        return (
            "Well done. Results take a few weeks: aim for 3 or more sessions a week. If nothing "
            "has improved after 2 weeks of regular exercise, see a clinician."
        )
