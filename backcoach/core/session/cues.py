"""When each cue of an exercise is shown: every cue at least once per exercise, at any dose.

A hold is cut into segments, one cue each: the start cue first, the end cue last, and the exercise's
form and halfway cues shared out over the holds in turn, so that short holds and few reps still show
every one of them. Each hold after a change of side with no switch step before it (no rest, or a
get-ready of 0 s) opens with the switch cue.
"""

from __future__ import annotations

from functools import lru_cache
from typing import assert_never

from backcoach.core.domain.exercise import Exercise
from backcoach.core.domain.phase import Phase
from backcoach.core.session.plan import PlannedExercise

REST_CUE = "Rest and breathe easily"
SWITCH_CUE = "Change to the other side"
LONG_HOLD_SECONDS = 8  # from here the start and end cues get their own share, the middle the rest
END_SHARE_SECONDS = 3.0

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
    middles = middle_cues_per_hold(exercise, len(holds))
    switch = first(exercise, "switch", SWITCH_CUE)
    result: list[Segments] = []
    for index, step in enumerate(planned.steps):
        match step.phase:
            case Phase.GET_READY:
                result.append(((0.0, exercise.setup),))
            case Phase.SWITCH_SIDE:
                result.append(((0.0, switch),))
            case Phase.REST:
                result.append(((0.0, switch if side_changes(planned, index) else REST_CUE),))
            case Phase.HOLD:
                number = holds.index(index)
                texts = [
                    *([switch] if switched_without_a_pause(planned, index) else []),
                    *exercise.cues_at("start"),
                    *middles[number],
                    *exercise.cues_at("end"),
                ] or [exercise.form_cue]
                result.append(spread(step.seconds, texts, has_end=bool(exercise.cues_at("end"))))
            case unhandled:
                assert_never(unhandled)
    return tuple(result)


def middle_cues_per_hold(exercise: Exercise, holds: int) -> list[list[str]]:
    """The form and halfway cues shared out over the holds in turn: each hold gets at least one
    (when there is one), and every one is shown somewhere."""
    middle = [cue.text for cue in exercise.cues if cue.at in ("form", "halfway")]
    if not middle or not holds:
        return [[] for _ in range(holds)]
    count = max(holds, len(middle))
    shares: list[list[str]] = [[] for _ in range(holds)]
    for turn in range(count):
        shares[turn % holds].append(middle[turn % len(middle)])
    return shares


def spread(seconds: float, texts: list[str], has_end: bool) -> Segments:
    """Equal shares on a short hold; on a long one the end cue keeps the last seconds."""
    if seconds < LONG_HOLD_SECONDS or not has_end or len(texts) < 2:
        share = seconds / len(texts)
        return tuple((number * share, text) for number, text in enumerate(texts))
    end_starts = seconds - min(END_SHARE_SECONDS, seconds / 4)
    share = end_starts / (len(texts) - 1)
    return (*((number * share, text) for number, text in enumerate(texts[:-1])), (end_starts, texts[-1]))


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
