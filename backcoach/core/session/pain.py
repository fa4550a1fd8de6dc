"""The pain check: a 0-10 rating after each exercise becomes green, amber or red, with reasons."""

from __future__ import annotations

from backcoach.core.domain.rating import check_rating
from backcoach.core.domain.verdict import (
    ACCEPTABLE_MAX,
    GREEN_MAX,
    RISE_LIMIT,
    STOP_AT_RANGE,
    Level,
    Verdict,
    acceptable_range,
)


def judge(rating: int, before: int | None = None, sharp: bool = False, stop_at: int = 6) -> Verdict:
    """The pain check (docs/clinical.md): red at or above stop_at or on sharp pain; amber above GREEN_MAX,
    or on a rise of RISE_LIMIT or more since the session's starting rating; green otherwise. Every reason
    is given."""
    check_rating(rating)
    if before is not None:
        check_rating(before)
    if not STOP_AT_RANGE[0] <= stop_at <= STOP_AT_RANGE[1]:
        raise ValueError(f"stop_at must be {STOP_AT_RANGE[0]} to {STOP_AT_RANGE[1]}, not {stop_at}")
    red = []
    if rating >= stop_at:
        red.append(f"You rated it {rating}, at or above your stop level of {stop_at}.")
    if sharp:
        red.append("You felt sharp, shooting or spreading pain.")
    if red:
        return Verdict(Level.RED, tuple(red))
    amber = []
    if rating > GREEN_MAX:
        amber.append(
            f"Rated {rating}: acceptable if it settles by tomorrow morning."
            if rating <= ACCEPTABLE_MAX
            else f"Rated {rating}: more than the {acceptable_range()} that is acceptable; ease off, smaller movements."
        )
    if before is not None and rating - before >= RISE_LIMIT:
        amber.append(
            f"Up {rating - before} since you started ({before} to {rating}): ease off, smaller movements."
        )
    if amber:
        return Verdict(Level.AMBER, tuple(amber))
    return Verdict(Level.GREEN, (f"Little or no pain ({rating}): carry on.",))


def second_red_advice(reds: int) -> str | None:
    """After more than one red in a session, say plainly what is sensible; the choice stays the person's."""
    if reds < 2:
        return None
    return f"That is {reds} exercises that hurt today. Ending today's session is the sensible choice."
