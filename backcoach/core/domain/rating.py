"""A pain rating on the 0-10 numeric scale, as typed by the person or given by a test."""

from __future__ import annotations

from dataclasses import dataclass

SCALE = "0-10: 0 no pain, 10 worst imaginable"


@dataclass(frozen=True)
class Rating:
    value: int
    sharp: bool = False  # sharp, shooting or spreading pain


def parse_rating(text: str) -> int:
    """A typed rating, or ValueError with a message for the person typing it."""
    cleaned = text.strip()
    if not cleaned.isdigit() or not cleaned.isascii():
        raise ValueError(f"{cleaned or 'nothing'!r} is not a rating: type a whole number, {SCALE}")
    return check_rating(int(cleaned))


def check_rating(rating: object) -> int:
    if isinstance(rating, bool) or not isinstance(rating, int) or not 0 <= rating <= 10:
        raise ValueError(f"{rating!r} is not a rating: use a whole number, {SCALE}")
    return rating
