"""A flare-up day: a starting rating at or above stop_at offers the gentle routine instead of the one
chosen. The pacing advice for a flare-up is to cut back, not to stop moving (docs/clinical.md)."""

from __future__ import annotations

from dataclasses import dataclass

from backcoach.core.domain.exercise import Catalog, Routine
from backcoach.core.session.plan import build_plan, minutes
from backcoach.core.settings.model import Settings

GENTLE = "gentle"


@dataclass(frozen=True)
class GentleOffer:
    routine: Routine  # the gentle one
    chosen: Routine
    question: str
    reason: str


def gentle_offer(
    starting: int | None, chosen: Routine, catalog: Catalog, settings: Settings
) -> GentleOffer | None:
    """The offer, or None: no starting rating, below stop_at, the gentle routine chosen already, or none."""
    gentle = catalog.routines.get(GENTLE)
    if starting is None or starting < settings.stop_at or gentle is None or chosen.id == GENTLE:
        return None
    length = minutes(build_plan(gentle, catalog, settings).total_seconds)
    reason = (
        f"You rated your back {starting} before starting ({settings.stop_at} or more is a flare-up)."
        f" On a flare-up, cut back but keep moving: {gentle.name} is about {length} minutes of gentle"
        " movement, with no strengthening."
    )
    question = f"Today looks like a flare-up: try the gentle routine instead of {chosen.name}?"
    return GentleOffer(gentle, chosen, question, reason)
