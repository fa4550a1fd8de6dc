"""The morning-after answer: had the back settled by the morning after the last session?"""

from __future__ import annotations

from enum import Enum


class Settled(Enum):
    """The three answers, by the words the person picks (and the history stores)."""

    SETTLED = "settled"
    SAME = "about the same as before"
    WORSE = "worse"
