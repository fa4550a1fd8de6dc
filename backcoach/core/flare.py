"""A flare-up day: a starting rating at or above stop_at offers the gentle routine instead of the one
chosen. The pacing advice for a flare-up is to cut back, not to stop moving (docs/clinical.md)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from backcoach.core.catalog import Routine
from backcoach.core.plan import minutes

GENTLE = "gentle"


@dataclass(frozen=True)
class GentleOffer:
    routine: Routine  # the gentle one
    chosen: Routine
    question: str
    reason: str


def gentle_offer(
    starting: int | None, stop_at: int, chosen: Routine, routines: Mapping[str, Routine], gentle_seconds: int
) -> GentleOffer | None:
    """The offer, or None: no starting rating, below stop_at, the gentle routine chosen already, or none."""
    gentle = routines.get(GENTLE)
    if starting is None or starting < stop_at or gentle is None or chosen.id == GENTLE:
        return None
    reason = (
        f"You rated your back {starting} before starting ({stop_at} or more is a flare-up). On a flare-up,"
        f" cut back but keep moving: {gentle.name} is about {minutes(gentle_seconds)} minutes of gentle"
        " movement, with no strengthening."
    )
    question = f"Today looks like a flare-up: try the gentle routine instead of {chosen.name}?"
    return GentleOffer(gentle, chosen, question, reason)
