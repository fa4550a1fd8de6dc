"""How one exercise ended."""

from __future__ import annotations

from enum import Enum


class Status(Enum):
    COMPLETED = "completed"
    SKIPPED = "skipped"
    STOPPED = "stopped"
