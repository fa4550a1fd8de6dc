"""Terminal sizes the screens change their layout at."""

from __future__ import annotations

from textual.geometry import Size

COMPACT_WIDTH = 70
COMPACT_HEIGHT = 22  # dialogs keep only their own key line below this height too
ROOMY_WIDTH = 90  # the session: room for the countdown at double size beside the drawing
ROOMY_HEIGHT = 28
BIG_WIDTH = 150  # the session: the drawing doubles, the countdown takes a third of the height
BIG_HEIGHT = 45


def is_compact(size: Size) -> bool:
    """A small terminal: the screens drop what they have no room for."""
    return size.width < COMPACT_WIDTH or size.height < COMPACT_HEIGHT


TALL_HEIGHT = 30  # a narrow screen this tall (a phone): the session stacks the drawing under the countdown


def is_tall(size: Size) -> bool:
    return size.width < COMPACT_WIDTH and size.height >= TALL_HEIGHT


def is_big(width: int, height: int) -> bool:
    return width >= BIG_WIDTH and height >= BIG_HEIGHT
