"""When the plain coach next looks at the clock: the coach's next moment (a counted second, a step's
end), a cue's change, or a count mark, whichever comes first. Deadlines, never counted ticks."""

from __future__ import annotations

import math

from backcoach.core.domain.phase import Phase
from backcoach.core.session.coach import Coach
from backcoach.core.session.cues import schedule
from backcoach.core.session.moments import time_to_next
from backcoach.plain.words import COUNT_MARKS

# Below the clock's frozen_after (2 s): a longer gap between two looks at it reads as a stopped process.
MAX_WAIT = 1.0
SLACK = 0.002  # wake just after the moment, so its second has begun


def until_next(coach: Coach) -> float | None:
    """Seconds to wait for a typed line before looking at the coach again; None: nothing counts (the
    session is paused), so wait for the person."""
    if not coach.running:
        return None
    engine = coach.engine
    view = engine.view()
    step, index = view.step, engine.step_index
    elapsed = step.seconds - view.remaining
    waits = [time_to_next(view.planned, index, elapsed)]
    waits += [start - elapsed for start, _ in schedule(view.planned)[index] if start > elapsed + 1e-6]
    if step.phase is Phase.HOLD:
        waits += [view.remaining - mark for mark in COUNT_MARKS if view.remaining > mark + 1e-6]
    return min(MAX_WAIT, min(waits) + SLACK)


def count_mark(coach: Coach) -> int | None:
    """The count mark (10 or 5 seconds left) a hold has just reached, if any; not its first second."""
    view = coach.view()
    if not coach.running or view.step.phase is not Phase.HOLD:
        return None
    count = math.ceil(view.remaining - 1e-9)
    return count if count in COUNT_MARKS and count < view.step.seconds else None
