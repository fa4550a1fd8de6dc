"""Next time's doses after a session: which ratings count, and the bounds every proposal keeps.

Only usual days count: a flare day (started at or above stop_at) proposes nothing, and the sessions of
a routine with its own doses (the gentle day) never count towards a step up. Days, not sessions: two
sessions on one day are one. No step up makes a routine longer than MAX_ROUTINE_SECONDS.
"""

from __future__ import annotations

from collections.abc import Callable

from backcoach.core.domain.dose import Dose
from backcoach.core.domain.exercise import Catalog, Exercise, Routine
from backcoach.core.domain.personal import adjusted
from backcoach.core.domain.results import SessionRecord
from backcoach.core.domain.verdict import Level, flare_day
from backcoach.core.history.writes import HistoryLog
from backcoach.core.progress.progression import Change, Proposal, by_day, propose
from backcoach.core.settings.model import Settings

MAX_ROUTINE_SECONDS = 20 * 60  # programmes are 10-15 minutes; progression keeps each at or under 20

RoutineSeconds = Callable[[Routine, Settings], int]  # a routine's planned length at these settings


def next_doses(
    record: SessionRecord,
    routine: Routine,
    catalog: Catalog,
    settings: Settings,
    history: HistoryLog | None,
    routine_seconds: RoutineSeconds,
) -> list[Proposal]:
    """Next time's dose for each exercise rated today, from its last two days of usual sessions."""
    if flare_day(record.pain_before, settings.stop_at):
        return []  # a flare day's ratings never move a usual dose
    own_doses = tuple(key for key, each in catalog.routines.items() if each.doses)
    today = record.started_at.date()
    morning = history.answer_today(today) if history is not None else None
    proposals = []
    for result in record.results:
        if result.rating is None or result.verdict is None:
            continue
        exercise = catalog.exercises[result.exercise_id]
        earlier = history.rated_days(exercise.id, settings.stop_at, own_doses) if history else []
        level = result.verdict.level
        days = by_day([(today, result.rating.value, level), *earlier])
        if level is Level.RED:  # this session's own red decides, not an earlier one today
            days[0] = (result.rating.value, level)
        fits = within_length(exercise, catalog, settings, routine_seconds)
        current = settings.dose_for(exercise)
        proposal = propose(exercise, current, days, sharp=result.rating.sharp, morning=morning, fits=fits)
        # A routine of its own doses (the gentle day) ran lighter than usual: it never steps one up.
        if proposal is not None and not (routine.doses and proposal.change is Change.UP):
            proposals.append(proposal)
    return proposals


def within_length(
    exercise: Exercise, catalog: Catalog, settings: Settings, routine_seconds: RoutineSeconds
) -> Callable[[Dose], bool]:
    """Whether every routine the exercise is in stays at or under MAX_ROUTINE_SECONDS at a dose."""

    def fits(dose: Dose) -> bool:
        changed = settings.with_dose(exercise.id, dose.hold_seconds, dose.reps)
        for routine in catalog.routines.values():
            if exercise.id not in adjusted(routine, catalog, settings)[0].exercise_ids:
                continue
            if routine_seconds(routine, changed) > MAX_ROUTINE_SECONDS:
                return False
        return True

    return fits
