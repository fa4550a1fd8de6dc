"""Input for the plain coach on a manual clock: answers to its questions, and key words typed at given
moments while it counts. Waiting moves the clock instead of sleeping."""

from __future__ import annotations

import io

from backcoach.core.kit.clock import ManualClock

# An answer to the next question; or (seconds after the start, a line typed then, or None: the input ends)
Item = str | tuple[float, str | None]


class Scripted:
    def __init__(self, clock: ManualClock, items: list[Item]) -> None:
        self.clock = clock
        self.items = list(items)
        self.start = clock.now()

    def read(self, timeout: float | None) -> str | None:
        item = self.items[0] if self.items else None
        if isinstance(item, tuple):
            at, text = item
            due = self.start + at
            if timeout is None or due <= self.clock.now() + timeout:
                self.clock.advance(max(0.0, due - self.clock.now()))
                self.items.pop(0)
                if text is None:
                    raise EOFError
                return text
        if timeout is None:
            if not isinstance(item, str):
                raise EOFError
            self.items.pop(0)
            return item
        self.clock.advance(timeout)
        return None


class Transcript(io.StringIO):
    """What was said, and when on the clock each line was said."""

    def __init__(self, clock: ManualClock) -> None:
        super().__init__()
        self.clock = clock
        self.start = clock.now()
        self.timed: list[tuple[float, str]] = []

    def write(self, text: str) -> int:
        moment = round(self.clock.now() - self.start, 3)
        self.timed += [(moment, line) for line in text.splitlines()]
        return super().write(text)

    @property
    def lines(self) -> list[str]:
        return [line for _, line in self.timed]

    def when(self, line: str) -> float:
        return next(moment for moment, said in self.timed if said == line)
