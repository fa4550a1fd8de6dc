"""A flare-up day: a starting rating at or above stop_at offers the gentle routine instead of the one
chosen. The pacing advice for a flare-up is to cut back, not to stop moving (docs/clinical.md)."""

from __future__ import annotations

from dataclasses import dataclass

from backcoach.core.domain.exercise import Catalog, Routine
from backcoach.core.domain.morning import Settled
from backcoach.core.domain.verdict import flare_day
from backcoach.core.kit.text import plural
from backcoach.core.progress.morning_after import meaning
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
    starting: int | None,
    chosen: Routine,
    catalog: Catalog,
    settings: Settings,
    morning: Settled | None = None,
) -> GentleOffer | None:
    """The offer, or None: no starting rating (and no "worse" the morning after), below stop_at, the
    gentle routine chosen already, or none. morning: the morning-after answer about the last session."""
    gentle = catalog.routines.get(GENTLE)
    if gentle is None or chosen.id == GENTLE:
        return None
    length = plural(minutes(build_plan(gentle, catalog, settings).total_seconds), "minute")
    if meaning(morning).offer_gentle and not flare_day(starting, settings.stop_at):
        reason = (
            f"{meaning(morning).said} {gentle.name} is about {length} of gentle movement, with no"
            " strengthening."
        )
        question = f"Your back was worse after last time: try the gentle routine instead of {chosen.name}?"
        return GentleOffer(gentle, chosen, question, reason)
    if starting is None or not flare_day(starting, settings.stop_at):
        return None
    reason = (
        f"You rated your back {starting} before starting ({settings.stop_at} or more is a flare-up)."
        f" On a flare-up, cut back but keep moving: {gentle.name} is about {length} of gentle"
        " movement, with no strengthening."
    )
    question = f"Today looks like a flare-up: try the gentle routine instead of {chosen.name}?"
    return GentleOffer(gentle, chosen, question, reason)
