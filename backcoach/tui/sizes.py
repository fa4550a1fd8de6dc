"""Terminal sizes the screens change their layout at."""

from __future__ import annotations

from textual.geometry import Size

COMPACT_WIDTH = 70
COMPACT_HEIGHT = 22  # dialogs keep only their own key line below this height too


def is_compact(size: Size) -> bool:
    """A small terminal: the screens drop what they have no room for."""
    return size.width < COMPACT_WIDTH or size.height < COMPACT_HEIGHT
