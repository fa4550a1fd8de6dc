"""When the PSFS is asked, and the form that asks it: the activities named the first time, then the same
ones rated again by name (one may be added or retired, none is silently re-chosen).

Due at the first session, then every RERATE_DAYS days since the last rating; escape (or an empty
answer in the plain mode) skips it, and it is asked again at the next session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from backcoach.core.domain import psfs
from backcoach.core.history.entries import PsfsEntry

if TYPE_CHECKING:
    from datetime import datetime

    from backcoach.core.history.database import History

RERATE_DAYS = 14
FIRST_TIME = (
    "Name up to {suggested} everyday activities your back makes hard (at most {most}), in your own words:"
    " putting on socks, sitting through a film. You rate each now, and again every 2 weeks."
)
AGAIN = "The same activities as last time: how well can you do each one now?"
WHY = "Pain is not the whole story: these show whether the exercises help you do what matters to you."


def due(last_rated: date | None, today: date) -> bool:
    """Never rated (the first session, or every session until it is answered), or RERATE_DAYS or more
    since the last rating."""
    return last_rated is None or (today - last_rated).days >= RERATE_DAYS


def due_in(history: History, today: date) -> bool:
    return due(history.last_psfs_day(), today)


def means(history: History) -> list[tuple[date, float]]:
    """Each PSFS rating's day and mean, oldest first."""
    return [(one.day, mean) for one in history.psfs_sets() if (mean := psfs.mean(one.scores)) is not None]


@dataclass
class PsfsForm:
    """The answers being given, checked as they come: the screen and the plain mode each drive one.

    kept: the activities still rated, in their order (empty the first time). While `naming`, activities
    are added (enter on an empty line stops); then each activity in `queue` is rated in turn."""

    kept: tuple[str, ...]
    naming: bool = field(init=False)
    added: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    scores: dict[str, int] = field(default_factory=dict)
    adding_one: bool = field(default=False, init=False)  # naming one more, from the rating

    def __post_init__(self) -> None:
        self.naming = not self.kept

    @property
    def first_time(self) -> bool:
        return not self.kept

    @property
    def activities(self) -> list[str]:
        """Every activity on the list now: kept and not retired, then those added."""
        return [one for one in self.kept if one not in self.retired] + self.added

    @property
    def current(self) -> str | None:
        """The activity to rate next; None while naming, or when all are rated."""
        if self.naming:
            return None
        return next((one for one in self.activities if one not in self.scores), None)

    @property
    def done(self) -> bool:
        return not self.naming and self.current is None and bool(self.scores)

    @property
    def can_add(self) -> bool:
        return len(self.activities) < psfs.MOST

    def add(self, text: str) -> str:
        """An activity typed: returns it cleaned, or ValueError says why not."""
        cleaned = psfs.check_new(text, self.activities)
        self.added.append(cleaned)
        if self.adding_one:
            self.naming = self.adding_one = False  # one added from the rating: back to rating
        return cleaned

    def start_adding(self) -> None:
        """Naming one more (from the re-rating): the next activity added goes back to rating."""
        if not self.can_add:
            raise ValueError(f"At most {psfs.MOST} activities: retire one first to add another")
        self.naming = self.adding_one = True

    def stop_naming(self) -> None:
        """Enter on an empty line: rate what is named; ValueError when nothing is."""
        if not self.activities:
            raise ValueError("Name one activity at least, or press escape to skip this for now")
        self.naming = self.adding_one = False

    def retire(self) -> str:
        """The activity being rated is retired: rated no more from now on (its past ratings stay)."""
        current = self.current
        if current is None:
            raise ValueError("Nothing to retire here")
        if len(self.activities) == 1:
            raise ValueError("It is the only one left: add another first, then retire this one")
        if current in self.added:
            self.added.remove(current)  # named just now and changed one's mind: never stored
        else:
            self.retired.append(current)
        return current

    def rate(self, score: int) -> None:
        current = self.current
        if current is None:
            raise ValueError("Nothing to rate here")
        self.scores[current] = psfs.check_score(score)

    def entry(self, recorded_at: datetime) -> PsfsEntry:
        return PsfsEntry(
            recorded_at,
            tuple((one, self.scores[one]) for one in self.activities if one in self.scores),
            tuple(self.added),
            tuple(self.retired),
        )

    def progress(self) -> str:
        """'2 of 3' while rating."""
        activities = self.activities
        current = self.current
        if current is None:
            return ""
        return f"{activities.index(current) + 1} of {len(activities)}"
