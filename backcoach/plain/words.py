"""The coach's moments as sentences: each phase, the count, the cues; the voice's phrases where they
fit (core/announce), so the two front ends say the same thing."""

from __future__ import annotations

from typing import assert_never

from backcoach.core.announce.announce import COUNT_WORDS, spoken
from backcoach.core.domain.phase import Phase
from backcoach.core.kit.text import plural
from backcoach.core.session.coach import SessionView, StepBegan

COUNT_MARKS = (10, 5)  # said as "10 seconds left."; the last three come from the coach's FinalSeconds


def seconds(count: int) -> str:
    return plural(count, "second")


def introduction(view: SessionView) -> str:
    """Before an exercise: which one, of how many, and its dose."""
    planned, step = view.planned, view.step
    dose = planned.dose
    each = {"both": " each side", "alternate": ", alternating sides", "none": ""}[planned.exercise.sides]
    start = f", starting on the {step.side} side" if step.side else ""
    return (
        f"Exercise {view.exercise_number} of {view.exercise_count}: {planned.exercise.name},"
        f" {plural(dose.reps, 'rep')} of {seconds(dose.hold_seconds)}{each}{start}."
    )


def step_sentence(event: StepBegan) -> str:
    """ "Hold 20 seconds: Knee to chest, right side, rep 1 of 2. Hug the thigh." and the like."""
    step, name = event.step, event.exercise.name
    cue = spoken(event.cue) if event.cue else ""
    match step.phase:
        case Phase.GET_READY:
            return f"Get ready, {seconds(step.seconds)}. {cue}"
        case Phase.HOLD:
            side = f", {step.side} side" if step.side else ""
            rep = f", rep {step.rep} of {step.reps}" if step.reps > 1 else ""
            return f"Hold {seconds(step.seconds)}: {name}{side}{rep}. {cue}"
        case Phase.SWITCH_SIDE:
            return f"Switch sides, {seconds(step.seconds)}: now the {step.side} side. {cue}"
        case Phase.REST if event.side_changed:
            return f"Switch sides, {seconds(step.seconds)}: now the {step.side} side. {cue}"
        case Phase.REST:
            return f"Rest {seconds(step.seconds)}, then rep {step.rep} of {step.reps}. {cue}"
        case unhandled:
            assert_never(unhandled)


def count_words(count: int) -> str:
    """The count at 10 and 5 seconds left, then three, two, one as the voice says them."""
    return COUNT_WORDS.get(count) or f"{seconds(count)} left."


def where(view: SessionView) -> str:
    """Where the session is, for an empty line: phase, time left in it, and the time line."""
    left = seconds(max(0, round(view.remaining)))
    return f"{view.phase_word.capitalize()}, {left} left in it; {view.at_a_glance}."
