"""A dose: how long each hold lasts and how many reps."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Dose:
    hold_seconds: int
    reps: int
