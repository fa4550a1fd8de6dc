"""When each cue of an exercise is shown: every cue at least once per exercise, at any dose.

A hold is cut into segments, one cue each: the start cue first, the halfway cues from halfway (on
every hold: cat and cow's second half is one), the end cue in the last second only, in step with the
count, and the form cues shared out over the holds in turn, so that short holds and few reps still
show every one of them. Cues change on whole seconds, as the countdown does, when the hold has a
second for each. Each hold after a change of side with no step between (no rest, or a switch of 0 s)
opens with the switch cue.
"""

from __future__ import annotations

from functools import lru_cache
from typing import assert_never

from backcoach.core.domain.exercise import Exercise
from backcoach.core.domain.phase import Phase
from backcoach.core.session.plan import PlannedExercise

REST_CUE = "Rest and breathe easily"
SWITCH_CUE = "Change to the other side"
END_CUE_SECONDS = 1.0  # an end cue ("let go") comes with the count's last second, never before

Segments = tuple[tuple[float, str], ...]  # (seconds into the step, cue), in order


def cue_at(planned: PlannedExercise, step_index: int, elapsed: float) -> str:
    """The cue for this moment of the step."""
    segments = schedule(planned)[step_index]
    shown = segments[0][1]
    for start, text in segments:
        if elapsed + 1e-9 >= start:
            shown = text
    return shown


@lru_cache(maxsize=64)
def schedule(planned: PlannedExercise) -> tuple[Segments, ...]:
    """Each step's segments; a step that is not a hold shows one cue throughout."""
    exercise = planned.exercise
    holds = [index for index, step in enumerate(planned.steps) if step.phase is Phase.HOLD]
    forms = form_cues_per_hold(exercise, len(holds))
    switch = first(exercise, "switch", SWITCH_CUE)
    result: list[Segments] = []
    for index, step in enumerate(planned.steps):
        match step.phase:
            case Phase.GET_READY:
                result.append(
                    ((0.0, f"{planned.move}. {exercise.setup}" if planned.move else exercise.setup),)
                )
            case Phase.SWITCH_SIDE:
                result.append(((0.0, switch),))
            case Phase.REST:
                result.append(((0.0, switch if side_changes(planned, index) else REST_CUE),))
            case Phase.HOLD:
                before = [
                    *([switch] if switched_without_a_pause(planned, index) else []),
                    *exercise.cues_at("start"),
                    *forms[holds.index(index)],
                ]
                halfway, end = list(exercise.cues_at("halfway")), list(exercise.cues_at("end"))
                if not (before or halfway or end):
                    before = [exercise.form_cue]
                result.append(spread(step.seconds, before, halfway, end))
            case unhandled:
                assert_never(unhandled)
    return tuple(result)


def form_cues_per_hold(exercise: Exercise, holds: int) -> list[list[str]]:
    """The form cues shared out over the holds in turn: each hold gets at least one (when there is
    one), and every one is shown somewhere."""
    forms = list(exercise.cues_at("form"))
    if not forms or not holds:
        return [[] for _ in range(holds)]
    shares: list[list[str]] = [[] for _ in range(holds)]
    for turn in range(max(holds, len(forms))):
        shares[turn % holds].append(forms[turn % len(forms)])
    return shares


def spread(seconds: float, before: list[str], halfway: list[str], end: list[str]) -> Segments:
    """The cues before halfway share the first half, the halfway ones the rest up to the end cues,
    which share the last second (or their equal share of a hold shorter than one a cue)."""
    count = len(before) + len(halfway) + len(end)
    end_starts = seconds - min(END_CUE_SECONDS, seconds / count) * bool(end)
    if not halfway:
        middle = end_starts
    elif not before:
        middle = 0.0
    else:  # halfway, or sooner if the cues before it would otherwise get more than their share
        middle = min(seconds / 2, end_starts * len(before) / (len(before) + len(halfway)))
    starts = [
        *shares(0.0, middle, len(before)),
        *shares(middle, end_starts, len(halfway)),
        *shares(end_starts, seconds, len(end)),
    ]
    if seconds >= count:
        starts = on_whole_seconds(starts)
    return tuple(zip(starts, [*before, *halfway, *end], strict=True))


def shares(start: float, stop: float, count: int) -> list[float]:
    return [start + number * (stop - start) / count for number in range(count)]


def on_whole_seconds(starts: list[float]) -> list[float]:
    """Each start moved to a whole second, in order and one apart at least (there is room: a second a
    cue), so each cue changes as the countdown does, and shows for at least one second."""
    whole = [float(int(start + 1e-9)) for start in starts]
    for number in range(1, len(whole)):
        whole[number] = max(whole[number], whole[number - 1] + 1)
    for number in range(len(whole) - 2, -1, -1):
        whole[number] = min(whole[number], whole[number + 1] - 1)
    return whole


def side_changes(planned: PlannedExercise, index: int) -> bool:
    """A rest between the two sides (it carries the side that comes next)."""
    return index > 0 and planned.steps[index - 1].side != planned.steps[index].side


def switched_without_a_pause(planned: PlannedExercise, index: int) -> bool:
    """A hold on a new side straight after a hold on the other one: nowhere else to say switch."""
    if index == 0:
        return False
    previous = planned.steps[index - 1]
    return previous.phase is Phase.HOLD and previous.side != planned.steps[index].side


def first(exercise: Exercise, moment: str, fallback: str) -> str:
    options = [cue.text for cue in exercise.cues if cue.at == moment]
    return options[0] if options else fallback
