"""Clocks: the engine reads time only through this protocol, so tests never wait."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    # A gap this long between two looks at the clock means the process was stopped (kill -STOP, a
    # debugger), not that time was spent exercising; None: gaps are the test moving the clock.
    frozen_after: float | None

    def now(self) -> float:
        """Seconds on a clock that never goes backwards."""
        ...


class MonotonicClock:
    # The session looks at it several times a second; a busy machine delays that by well under this.
    frozen_after: float | None = 2.0

    def now(self) -> float:
        return time.monotonic()


class ManualClock:
    """A clock that moves only when a test moves it."""

    def __init__(self, start: float = 1000.0, frozen_after: float | None = None) -> None:
        self._now = start
        self.frozen_after = frozen_after

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a monotonic clock cannot go back")
        self._now += seconds


def local_now() -> datetime:
    """The wall-clock time with this machine's offset: what the history records, never used for timing."""
    return datetime.now().astimezone()
