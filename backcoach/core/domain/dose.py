"""A dose: how long each hold lasts and how many reps."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Dose:
    hold_seconds: int
    reps: int


def capped(value: int | None, cap: int) -> int | None:
    """A setting for every exercise, bounded by one exercise's cap; None stays unset."""
    return None if value is None else min(value, cap)
