"""The exercise catalog and routines: shipped TOML in config/, plus the user's own exercises.toml.

The shipped files must be clean (a problem there raises). In the user's file every entry that is fine
is used, and every problem is reported, each with its line; an entry with a built-in id changes only
the fields it gives (catalog_file does the reading, catalog_rules holds what an entry may contain).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from backcoach.core.problems import Problem

Kind = Literal["stretch", "strengthen"]
Sides = Literal["none", "both", "alternate"]
Position = Literal["lying", "all-fours", "sitting", "standing", "side-lying", "face-down"]
CueMoment = Literal["start", "halfway", "end", "switch", "form"]
REGIONS = ("lower", "middle", "upper")
MAX_HOLD_SECONDS = 600
MAX_REPS = 50


class CatalogError(Exception):
    """The shipped catalog has problems; the message has each, as FILE:LINE: entry: problem."""


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


def shipped_config_dir() -> Path:
    """config/ inside an installed wheel, else the repository's config/ beside the package."""
    package_dir = Path(__file__).resolve().parent.parent
    bundled = package_dir / "config"
    return bundled if bundled.is_dir() else package_dir.parent / "config"


def load_catalog(user_file: Path | None = None, config_dir: Path | None = None) -> Catalog:
    """The shipped catalog (its problems raise CatalogError) with the user's file merged in by id."""
    from backcoach.core.catalog_file import read_catalog_file, summary

    config_dir = config_dir or shipped_config_dir()
    exercises: dict[str, Exercise] = {}
    routines: dict[str, Routine] = {}
    problems: list[Problem] = []
    for name in ("exercises.toml", "routines.toml"):
        shipped = read_catalog_file(config_dir / name, exercises, routines, built_in=None)
        exercises, routines = shipped.exercises, shipped.routines
        problems += shipped.problems
    if problems:
        raise CatalogError("\n".join(str(problem) for problem in problems))
    if user_file is None or not user_file.exists():
        return Catalog(exercises, routines)
    built_in = Catalog(exercises, routines)
    mine = read_catalog_file(user_file, exercises, routines, built_in)
    warnings = (summary(user_file, mine),) if mine.problems else ()
    return Catalog(mine.exercises, mine.routines, warnings, tuple(mine.problems))
