"""`backcoach show ROUTINE`: the session as it will run at your doses, step by step, with the total.

Each step's start time, phase, exercise, side and rep, and every cue shown in it at the moment it
appears (core/cues.py's schedule, the same one the session screen follows).
"""

from __future__ import annotations

from typing import assert_never

from backcoach.core.domain.phase import Phase
from backcoach.core.kit.text import columns, fit, plural, shown
from backcoach.core.session.cues import schedule
from backcoach.core.session.plan import Plan


def clock(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def has_a_rep(phase: Phase) -> bool:
    """Getting ready comes before the first rep; every other step belongs to one."""
    match phase:
        case Phase.GET_READY:
            return False
        case Phase.HOLD | Phase.REST | Phase.SWITCH_SIDE:
            return True
        case unhandled:
            assert_never(unhandled)


def show_plan(plan: Plan, doses: str = "at your doses") -> list[str]:
    """doses: whose doses these are, as the title says (the defaults, when the settings are broken)."""
    exercises = plan.exercises
    name_width = max(columns(shown(planned.exercise.name)) for planned in exercises)
    title = f"{plan.routine.name} ({plan.routine.id}) {doses}: {plural(len(exercises), 'exercise')}"
    lines = [shown(f"{title}, {clock(plan.total_seconds)}"), *map(shown, plan.routine.notes), ""]
    lines.append(f"{'start':>6}  {'phase':<11}  {'exercise':<{name_width}}  {'side':<5}  {'rep':<5}  cue")
    at = 0
    for planned in exercises:
        for step, segments in zip(planned.steps, schedule(planned), strict=True):
            rep = f"{step.rep}/{step.reps}" if has_a_rep(step.phase) else ""
            lead = (
                f"{clock(at):>6}  {step.phase.value:<11}  {fit(planned.exercise.name, name_width)}  "
                f"{step.side or '':<5}  {rep:<5}  "
            )
            for number, (offset, text) in enumerate(segments):
                if number == 0:
                    lines.append(f"{lead}{shown(text)}")
                else:  # a later cue of the same step, at its own moment
                    lines.append(
                        f"{'':>6}  {'':<11}  {'':<{name_width}}  {'':<5}  {'+' + clock(offset):<5}  {shown(text)}"
                    )
            at += step.seconds
    lines += ["", f"total {clock(at)} ({plural(len(exercises), 'exercise')})"]
    return lines
