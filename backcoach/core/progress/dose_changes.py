"""Each exercise whose own dose changed in a save goes into the history with the day it changed: the
report lists every change beside the ratings (docs/clinical.md)."""

from __future__ import annotations

from datetime import datetime

from backcoach.core.domain.exercise import Catalog, Exercise
from backcoach.core.history.writes import HistoryLog
from backcoach.core.settings.model import Settings


def changed_exercises(catalog: Catalog, before: Settings, after: Settings) -> list[Exercise]:
    """The exercises whose own dose (hold or reps set for that exercise) differs between the two."""
    return [
        exercise
        for exercise in catalog.exercises.values()
        if before.exercises.get(exercise.id) != after.exercises.get(exercise.id)
    ]


def record_dose_changes(
    history: HistoryLog, catalog: Catalog, before: Settings, after: Settings, note: str, now: datetime
) -> str | None:
    """Write one entry for each changed exercise, at its dose as now in force; says the first problem.

    note: how it changed ("changed in settings", "accepted on the summary")."""
    problem = None
    for exercise in changed_exercises(catalog, before, after):
        dose = after.dose_for(exercise)
        said = history.dose_changed(now, exercise.id, exercise.name, (dose.hold_seconds, dose.reps), note)
        problem = problem or said
    return problem
