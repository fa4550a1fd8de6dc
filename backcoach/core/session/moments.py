"""The moments of a step at which the coach has something to say that must be heard on time: each of
a hold's last FINAL_SECONDS, and the step's end. The voice fits each phrase into the time to the next;
a cue that changes while it is still speaking is shown, not said, so it never cuts a phrase off.
"""

from __future__ import annotations

from typing import assert_never

from backcoach.core.domain.phase import Phase
from backcoach.core.session.plan import PlannedExercise

FINAL_SECONDS = 3  # the last seconds of a hold that are counted aloud and pipped


def moments(planned: PlannedExercise, step_index: int) -> tuple[float, ...]:
    """Seconds into the step, in order, ending with the step's end."""
    step = planned.steps[step_index]
    match step.phase:
        case Phase.HOLD:
            counts = [step.seconds - left for left in range(FINAL_SECONDS, 0, -1)]
            return (*(float(moment) for moment in counts if moment > 0), float(step.seconds))
        case Phase.GET_READY | Phase.REST | Phase.SWITCH_SIDE:
            return (float(step.seconds),)
        case unhandled:
            assert_never(unhandled)


def time_to_next(planned: PlannedExercise, step_index: int, elapsed: float) -> float:
    """From this moment of the step to the next one anything may be said at."""
    following = (moment for moment in moments(planned, step_index) if moment > elapsed + 1e-6)
    return max(0.0, next(following, float(planned.steps[step_index].seconds)) - elapsed)
