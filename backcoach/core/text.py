"""Small wording helpers shared by the core's messages and the screens."""

from __future__ import annotations


def plural(count: int, word: str) -> str:
    """'1 session', '2 sessions'."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
