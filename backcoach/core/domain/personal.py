"""A routine as one person's settings make it: a health condition's changes, and where a setting for
every exercise stops at an exercise's cap. Each change is said, positively, in the routine's notes."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from backcoach.core.domain.exercise import Catalog, Cue, Exercise, Routine

# Royal Osteoporosis Society consensus (docs/clinical.md, "Health conditions"): say how to do it, not "don't".
OSTEOPOROSIS_WHY = "strength work with the back straight suits the spine with osteoporosis"


class Personal(Protocol):
    """What of the settings changes a routine itself, rather than a dose."""

    @property
    def osteoporosis(self) -> bool: ...

    @property
    def hold_seconds(self) -> int | None: ...

    @property
    def reps(self) -> int | None: ...


def adjusted(routine: Routine, catalog: Catalog, settings: Personal) -> tuple[Routine, list[Exercise]]:
    """The routine and its exercises as they will run for this person, with a note for each change."""
    exercises = catalog.routine_exercises(routine)
    notes: list[str] = []
    if settings.osteoporosis:
        exercises = [for_osteoporosis(exercise, catalog, routine, notes) for exercise in exercises]
    notes += capped_notes(exercises, settings)
    if not notes:
        return routine, exercises
    ids = tuple(exercise.id for exercise in exercises)
    return replace(routine, exercise_ids=ids, notes=(*routine.notes, *notes)), exercises


def for_osteoporosis(exercise: Exercise, catalog: Catalog, routine: Routine, notes: list[str]) -> Exercise:
    """The exercise done in its place (when the routine does not have that one already), and the cue
    that keeps it within range first in every hold."""
    instead = catalog.exercises.get(exercise.osteoporosis_instead)
    if instead is not None and instead.id not in routine.exercise_ids:
        notes.append(f"{instead.name} in place of {exercise.name}: {OSTEOPOROSIS_WHY}.")
        exercise = instead
    if exercise.osteoporosis_cue:
        notes.append(f"{exercise.name}: {exercise.osteoporosis_cue.rstrip('.')}.")
        exercise = replace(exercise, cues=(Cue("start", exercise.osteoporosis_cue), *exercise.cues))
    return exercise


def capped_notes(exercises: list[Exercise], settings: Personal) -> list[str]:
    """[timing] hold_seconds and reps reach each exercise only up to the top of its range: say where."""
    notes = []
    if (hold := settings.hold_seconds) is not None:
        tops = [f"{e.name} {e.max_hold_seconds} s" for e in exercises if e.max_hold_seconds < hold]
        if tops:
            notes.append(f"[timing] hold_seconds = {hold} stops at each exercise's top: {', '.join(tops)}.")
    if (reps := settings.reps) is not None:
        tops = [f"{e.name} {e.max_reps}" for e in exercises if e.max_reps < reps]
        if tops:
            notes.append(f"[timing] reps = {reps} stops at each exercise's top: {', '.join(tops)}.")
    return notes
