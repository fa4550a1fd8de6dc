"""A pain check's verdict: green, amber or red, with its reasons, and the thresholds it uses."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import assert_never

GREEN_MAX = 3
ACCEPTABLE_MAX = (
    5  # above GREEN_MAX up to this is acceptable if it settles by the next morning (pain-monitoring model)
)
RISE_LIMIT = 2  # about the smallest change that matters (Farrar 2001)
STOP_AT_RANGE = (3, 8)


def flare_day(before: int | None, stop_at: int) -> bool:
    """A session that starts at or above the stop level: judged against its start (docs/clinical.md)."""
    return before is not None and before >= stop_at


def acceptable_range() -> str:
    """The ratings that are acceptable if they settle by the next morning, as said to the person: "4-5"."""
    return f"{GREEN_MAX + 1}-{ACCEPTABLE_MAX}"


class Level(Enum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


@dataclass(frozen=True)
class Verdict:
    level: Level
    reasons: tuple[str, ...]

    @property
    def stop(self) -> bool:
        match self.level:
            case Level.RED:
                return True
            case Level.GREEN | Level.AMBER:
                return False
            case unhandled:
                assert_never(unhandled)
