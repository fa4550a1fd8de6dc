"""The morning after: the pain-monitoring model's decisive check (docs/clinical.md, "The morning after").

Pain up to 5 during exercise is fine if it settled by the next morning. At the first session within
ASK_WITHIN_DAYS of the last one, ask once how the back was the morning after it. "Worse" steps the next
proposals down and offers the gentle day; "about the same" holds the doses; only "settled" (or no
answer) lets a dose step up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import assert_never

from backcoach.core.domain.morning import Settled

ASK_WITHIN_DAYS = 3
ANSWERS = tuple(Settled)  # in the order they are offered
WHY = "Pain during exercise is fine when it settles by the next morning: your answer sets the next doses."


def question(last_day: date) -> str:
    return f"After your last session ({last_day:%A %-d %B}), had your back settled by the next morning?"


def due(last_day: date | None, today: date, answered: bool) -> bool:
    """Ask once, at the first session 1 to ASK_WITHIN_DAYS days after the last one: the morning after
    has come, and is recent enough to remember."""
    return last_day is not None and not answered and 1 <= (today - last_day).days <= ASK_WITHIN_DAYS


@dataclass(frozen=True)
class Meaning:
    """What an answer means for today's session and the doses after it."""

    step_down: bool  # the next proposals step down, as after a red
    may_step_up: bool
    offer_gentle: bool
    said: str  # what the person is told


def meaning(answer: Settled | None) -> Meaning:
    match answer:
        case Settled.WORSE:
            return Meaning(
                True,
                False,
                True,
                "Worse the morning after means the last session was a bit much: the doses step down"
                " after today, and the gentle day is on offer.",
            )
        case Settled.SAME:
            return Meaning(
                False, False, False, "About the same as before: the doses stay as they are for now."
            )
        case Settled.SETTLED | None:
            return Meaning(False, True, False, "Settled by the morning: the doses can keep growing.")
        case unhandled:
            assert_never(unhandled)
