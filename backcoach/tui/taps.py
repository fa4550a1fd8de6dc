"""A double tap answers nothing it did not see: the second tap of a pair, on the spot where the first
opened a new screen, is dropped. On a phone, "x it hurts" and the pain check's "x Sharp pain" sit in
the same place at the foot; an urgent double tap ticked sharp pain that was not there."""

from __future__ import annotations

from textual import events

from backcoach.core.kit.clock import Clock

GUARD_SECONDS = 0.5  # a double tap's two taps come well within this
NEAR = (2, 1)  # columns, rows: the same spot for a finger


class SecondTapGuard:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.last_press: tuple[int, int] | None = None
        self.opened: tuple[float, tuple[int, int] | None] | None = None  # when, and the press that did it
        self.dropping = False

    def screen_changed(self) -> None:
        self.opened = self.clock.now(), self.last_press

    def lets_through(self, event: events.MouseEvent) -> bool:
        if isinstance(event, events.MouseDown):
            spot = (event.screen_offset.x, event.screen_offset.y)
            self.dropping = self.second_tap(spot)
            self.last_press = spot
            return not self.dropping
        if isinstance(event, events.MouseUp) and self.dropping:
            self.dropping = False
            return False
        return True

    def second_tap(self, spot: tuple[int, int]) -> bool:
        if self.opened is None:
            return False
        at, press = self.opened
        if press is None or self.clock.now() - at >= GUARD_SECONDS:
            return False
        return abs(spot[0] - press[0]) <= NEAR[0] and abs(spot[1] - press[1]) <= NEAR[1]
