"""Exercises, routines and the catalog that holds them: what every layer of the core shares."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from backcoach.core.kit.problems import Problem

Kind = Literal["stretch", "strengthen"]
Sides = Literal["none", "both", "alternate"]
Position = Literal["lying", "all-fours", "sitting", "standing", "side-lying", "face-down"]
CueMoment = Literal["start", "halfway", "end", "switch", "form"]
REGIONS = ("lower", "middle", "upper")
MAX_HOLD_SECONDS = 600
MAX_REPS = 50


@dataclass(frozen=True)
class Cue:
    at: CueMoment
    text: str


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    regions: tuple[str, ...]
    kind: Kind
    position: Position
    hold_seconds: int
    reps: int
    sides: Sides
    setup: str
    cues: tuple[Cue, ...]
    caution: str
    source: str
    easier: str = ""
    # The top of the sourced dose range: progression never proposes more (docs/clinical.md).
    max_hold_seconds: int = MAX_HOLD_SECONDS
    max_reps: int = MAX_REPS
    # At the top of the range, strength moves on by difficulty, not volume: the harder way, at the
    # exercise's starting dose (docs/clinical.md, "Progression over sessions").
    harder: str = ""
    # With [health] osteoporosis: the exercise done in its place, and the cue that keeps it in range.
    osteoporosis_instead: str = ""
    osteoporosis_cue: str = ""

    def cues_at(self, moment: CueMoment) -> tuple[str, ...]:
        return tuple(cue.text for cue in self.cues if cue.at == moment)

    @property
    def form_cue(self) -> str:
        """The reminder shown when this exercise hurt: the first form cue."""
        return (self.cues_at("form") or (self.cues[0].text,))[0]


@dataclass(frozen=True)
class RoutineDose:
    """A routine's own dose for one of its exercises (the gentle day's short holds). It is a ceiling:
    a person whose usual dose is lighter keeps theirs."""

    hold_seconds: int | None = None
    reps: int | None = None


@dataclass(frozen=True)
class Routine:
    id: str
    name: str
    exercise_ids: tuple[str, ...]
    doses: Mapping[str, RoutineDose] = field(default_factory=dict)  # by exercise id
    notes: tuple[str, ...] = ()  # what the person's settings changed in it, said positively


@dataclass(frozen=True)
class Catalog:
    exercises: dict[str, Exercise]
    routines: dict[str, Routine]
    warnings: tuple[str, ...] = ()  # one per user file with problems: what the app says at start
    problems: tuple[Problem, ...] = ()  # every problem, each with its line: what `backcoach check` lists

    def routine_exercises(self, routine: Routine) -> list[Exercise]:
        return [self.exercises[exercise_id] for exercise_id in routine.exercise_ids]

    def in_region(self, region: str) -> list[Exercise]:
        return [exercise for exercise in self.exercises.values() if region in exercise.regions]
