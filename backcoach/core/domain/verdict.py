"""A pain check's verdict: green, amber or red, with its reasons, and the thresholds it uses."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

GREEN_MAX = 3
ACCEPTABLE_MAX = 5  # 4-5 is acceptable if it settles by the next morning (pain-monitoring model)
RISE_LIMIT = 2  # about the smallest change that matters (Farrar 2001)
STOP_AT_RANGE = (3, 8)


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
        return self.level is Level.RED
