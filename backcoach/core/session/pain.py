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
    flare_day,
)

__all__ = ["SHARP", "ends_today", "flare_day", "flare_judge", "judge", "second_red_advice", "stop_advice"]

SHARP = "You felt sharp, shooting or spreading pain."


def judge(rating: int, before: int | None = None, sharp: bool = False, stop_at: int = 6) -> Verdict:
    """The pain check (docs/clinical.md): red at or above stop_at or on sharp pain; amber above GREEN_MAX,
    or on a rise of RISE_LIMIT or more since the session's starting rating; green otherwise. On a flare
    day the start is the measure instead (flare_judge). Every reason is given."""
    check_rating(rating)
    if before is not None:
        check_rating(before)
    if not STOP_AT_RANGE[0] <= stop_at <= STOP_AT_RANGE[1]:
        raise ValueError(f"stop_at must be {STOP_AT_RANGE[0]} to {STOP_AT_RANGE[1]}, not {stop_at}")
    if before is not None and flare_day(before, stop_at):
        return flare_judge(rating, before, sharp, stop_at)
    red = []
    if rating >= stop_at:
        red.append(f"You rated it {rating}, at or above your stop level of {stop_at}.")
    if sharp:
        red.append(SHARP)
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


def flare_judge(rating: int, before: int, sharp: bool, stop_at: int) -> Verdict:
    """A flare day: the person started at or above stop_at, so only getting worse since the start (by
    RISE_LIMIT, a meaningful change) or sharp pain is red; still high but not worse is amber."""
    red = []
    if rating - before >= RISE_LIMIT:
        red.append(
            f"Up {rating - before} since you started ({before} to {rating}): worse than your start today."
        )
    if sharp:
        red.append(SHARP)
    if red:
        return Verdict(Level.RED, tuple(red))
    if rating >= stop_at:
        return Verdict(
            Level.AMBER,
            (
                f"Rated {rating}: still high but not worse than your start ({before}): keep the movement small.",
            ),
        )
    return Verdict(
        Level.GREEN, (f"Rated {rating}: down below your stop level of {stop_at}: carry on gently.",)
    )


def stop_advice(name: str) -> str:
    """What a red says to do, never that the pain means damage: hurt is not harm (docs/clinical.md)."""
    return (
        f"Stop {name} for today. Exercise pain is a sign to do less, not a sign of damage:"
        " next time do it smaller or the easier way."
    )


def ends_today(reds: int) -> bool:
    """From the second red of a session, ending it is the sensible choice (and the reflex key's)."""
    return reds >= 2


def second_red_advice(reds: int) -> str | None:
    """After more than one red in a session, say plainly what is sensible; the choice stays the person's."""
    if not ends_today(reds):
        return None
    return f"That is {reds} exercises that hurt today. Ending today's session is the sensible choice."
