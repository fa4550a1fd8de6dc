"""The pain check: a 0-10 rating after each exercise becomes green, amber or red, with reasons."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from backcoach.core.rating import check_rating

GREEN_MAX = 3
RISE_LIMIT = 2  # about the smallest change that matters (Farrar 2001)
STOP_AT_RANGE = (3, 8)


class Level(Enum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


@dataclass(frozen=True)
class Verdict:
    level: Level
    reasons: tuple[str, ...]

    @property
    def stop(self) -> bool:
        return self.level is Level.RED


def judge(rating: int, before: int | None = None, sharp: bool = False, stop_at: int = 6) -> Verdict:
    """Red at or above stop_at, on a rise of 2 or more from the start, or on sharp pain."""
    check_rating(rating)
    if before is not None:
        check_rating(before)
    if not STOP_AT_RANGE[0] <= stop_at <= STOP_AT_RANGE[1]:
        raise ValueError(f"stop_at must be {STOP_AT_RANGE[0]} to {STOP_AT_RANGE[1]}, not {stop_at}")
    reasons = []
    if rating >= stop_at:
        reasons.append(f"You rated it {rating}, at or above your stop level of {stop_at}.")
    if before is not None and rating - before >= RISE_LIMIT:
        reasons.append(f"Your pain rose from {before} to {rating} during this exercise.")
    if sharp:
        reasons.append("You felt sharp, shooting or spreading pain.")
    if reasons:
        return Verdict(Level.RED, tuple(reasons))
    if rating > GREEN_MAX:
        return Verdict(Level.AMBER, (f"Some pain ({rating}): fine if it settles by tomorrow morning.",))
    return Verdict(Level.GREEN, (f"Little or no pain ({rating}): carry on.",))
