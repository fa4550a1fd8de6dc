"""The moments of a step at which the coach has something new to say: its start, each cue of a hold,
each of a hold's last FINAL_SECONDS, and its end. The voice fits each phrase into the time to the next.
"""

from __future__ import annotations

from typing import assert_never

from backcoach.core.domain.phase import Phase
from backcoach.core.session.cues import schedule
from backcoach.core.session.plan import PlannedExercise

FINAL_SECONDS = 3  # the last seconds of a hold that are counted aloud and pipped


def moments(planned: PlannedExercise, step_index: int) -> tuple[float, ...]:
    """Seconds into the step, in order, ending with the step's end."""
    step = planned.steps[step_index]
    match step.phase:
        case Phase.HOLD:
            cues = [start for start, _ in schedule(planned)[step_index]]
            counts = [step.seconds - left for left in range(1, FINAL_SECONDS + 1)]
            inside = {moment for moment in [*cues, *counts] if 0 < moment < step.seconds}
            return (*sorted(inside), float(step.seconds))
        case Phase.GET_READY | Phase.REST | Phase.SWITCH_SIDE:
            return (float(step.seconds),)
        case unhandled:
            assert_never(unhandled)


def time_to_next(planned: PlannedExercise, step_index: int, elapsed: float) -> float:
    """From this moment of the step to the next one anything may be said at."""
    following = (moment for moment in moments(planned, step_index) if moment > elapsed + 1e-6)
    return max(0.0, next(following, float(planned.steps[step_index].seconds)) - elapsed)
