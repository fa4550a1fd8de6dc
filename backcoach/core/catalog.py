"""The exercise catalog and routines: shipped TOML in config/, plus the user's own exercises.toml."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast, get_args

Kind = Literal["stretch", "strengthen"]
Sides = Literal["none", "both", "alternate"]
Position = Literal["lying", "all-fours", "sitting", "standing", "side-lying", "face-down"]
CueMoment = Literal["start", "halfway", "end", "switch", "form"]
REGIONS = ("lower", "middle", "upper")
MAX_HOLD_SECONDS = 600
MAX_REPS = 50

_ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class CatalogError(Exception):
    """A catalog or routine file that cannot be used; the message names the file, entry and problem."""


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
class Routine:
    id: str
    name: str
    exercise_ids: tuple[str, ...]


@dataclass(frozen=True)
class Catalog:
    exercises: dict[str, Exercise]
    routines: dict[str, Routine]
    warnings: tuple[str, ...] = ()

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
    """Load the shipped catalog (errors raise) and merge the user's file (errors become warnings)."""
    config_dir = config_dir or shipped_config_dir()
    exercises: dict[str, Exercise] = {}
    routines: dict[str, Routine] = {}
    for name in ("exercises.toml", "routines.toml"):
        path = config_dir / name
        _merge_document(_read_toml(path), path, exercises, routines)
    _check_routines(routines, exercises, config_dir / "routines.toml")
    warnings: list[str] = []
    if user_file is not None and user_file.exists():
        try:
            user_exercises = dict(exercises)
            user_routines = dict(routines)
            _merge_document(_read_toml(user_file), user_file, user_exercises, user_routines)
            _check_routines(user_routines, user_exercises, user_file)
            exercises, routines = user_exercises, user_routines
        except CatalogError as error:
            warnings.append(f"{error} (your exercises were not loaded; the built-in ones were)")
    return Catalog(exercises, routines, tuple(warnings))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        raise CatalogError(f"{path}: not valid TOML: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogError(f"{path}: cannot be read: {error}") from None


def _merge_document(
    document: dict[str, Any],
    path: Path,
    exercises: dict[str, Exercise],
    routines: dict[str, Routine],
) -> None:
    unknown = sorted(set(document) - {"exercises", "routines"})
    if unknown:
        raise CatalogError(f"{path}: unknown section {unknown[0]!r} (expected [[exercises]] or [[routines]])")
    for fields in _entries(document, "exercises", path):
        exercises[fields.label_id] = _parse_exercise(fields)
        fields.reject_unknown()
    for fields in _entries(document, "routines", path):
        routines[fields.label_id] = _parse_routine(fields)
        fields.reject_unknown()


def _entries(document: dict[str, Any], section: str, path: Path) -> Iterator[_Fields]:
    """Each [[section]] table, labelled by its id once known; a repeated id is refused."""
    entries = document.get(section, [])
    if not isinstance(entries, list):
        raise CatalogError(f"{path}: {section} must be a list of [[{section}]] tables")
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise CatalogError(f"{path}: {section} entry {number}: must be a table")
        fields = _Fields(entry, path, f"{section} entry {number}")
        entry_id = fields.identifier()
        if entry_id in seen:
            raise CatalogError(f"{path}: {section} {entry_id!r}: duplicate id")
        seen.add(entry_id)
        fields.label = f"{section} {entry_id!r}"
        fields.label_id = entry_id
        yield fields


def _check_routines(routines: dict[str, Routine], exercises: dict[str, Exercise], path: Path) -> None:
    for routine in routines.values():
        for exercise_id in routine.exercise_ids:
            if exercise_id not in exercises:
                raise CatalogError(f"{path}: routines {routine.id!r}: unknown exercise id {exercise_id!r}")


class _Fields:
    """Typed access to one entry's fields, each failure naming file, entry and field."""

    def __init__(self, entry: dict[str, Any], path: Path, label: str) -> None:
        self.entry = entry
        self.path = path
        self.label = label
        self.used: set[str] = set()
        self.label_id = ""

    def fail(self, problem: str) -> CatalogError:
        return CatalogError(f"{self.path}: {self.label}: {problem}")

    def _take(self, key: str, kind: type, kind_name: str, optional: bool = False) -> Any:
        self.used.add(key)
        if key not in self.entry:
            if optional:
                return None
            raise self.fail(f"missing field {key!r}")
        value = self.entry[key]
        # bool is an int in Python, but `hold_seconds = true` is a mistake
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(f"{key!r} must be {kind_name}, not {value!r}")
        return value

    def identifier(self) -> str:
        value = self.text("id")
        if not _ID_PATTERN.match(value):
            raise self.fail(f"id {value!r} must be lowercase letters and digits joined by '-'")
        return value

    def text(self, key: str, optional: bool = False) -> str:
        value = self._take(key, str, "text", optional)
        if value is None:
            return ""
        if not value.strip():
            raise self.fail(f"{key!r} must not be empty")
        return cast(str, value.strip())

    def whole_number(self, key: str, low: int, high: int) -> int:
        value = cast(int, self._take(key, int, "a whole number"))
        if not low <= value <= high:
            raise self.fail(f"{key!r} is {value}; allowed {low} to {high}")
        return value

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.text(key)
        if value not in allowed:
            raise self.fail(f"{key!r} is {value!r}; allowed {', '.join(allowed)}")
        return value

    def text_list(self, key: str) -> list[str]:
        values = self._take(key, list, "a list")
        if not values or not all(isinstance(item, str) and item.strip() for item in values):
            raise self.fail(f"{key!r} must be a list of non-empty text")
        return [item.strip() for item in values]

    def cues(self) -> tuple[Cue, ...]:
        items = self._take("cues", list, "a list of { at, text } tables")
        if not 3 <= len(items) <= 6:
            raise self.fail(f"'cues' has {len(items)} cues; allowed 3 to 6")
        moments = get_args(CueMoment)
        cues = []
        for number, item in enumerate(items, start=1):
            if (
                not isinstance(item, dict)
                or not isinstance(item.get("text"), str)
                or not item["text"].strip()
            ):
                raise self.fail(f"cue {number} must be a table with non-empty 'text'")
            at = item.get("at", "form")
            if at not in moments or set(item) - {"at", "text"}:
                raise self.fail(f"cue {number}: 'at' is {at!r}; allowed {', '.join(moments)}")
            cues.append(Cue(cast(CueMoment, at), item["text"].strip()))
        return tuple(cues)

    def reject_unknown(self) -> None:
        unknown = sorted(set(self.entry) - self.used)
        if unknown:
            raise self.fail(f"unknown field {unknown[0]!r}")


def _parse_exercise(fields: _Fields) -> Exercise:
    regions = fields.text_list("regions")
    for region in regions:
        if region not in REGIONS:
            raise fields.fail(f"region {region!r} is unknown; allowed {', '.join(REGIONS)}")
    return Exercise(
        id=fields.label_id,
        name=fields.text("name"),
        regions=tuple(regions),
        kind=cast(Kind, fields.choice("kind", get_args(Kind))),
        position=cast(Position, fields.choice("position", get_args(Position))),
        hold_seconds=fields.whole_number("hold_seconds", 1, MAX_HOLD_SECONDS),
        reps=fields.whole_number("reps", 1, MAX_REPS),
        sides=cast(Sides, fields.choice("sides", get_args(Sides))),
        setup=fields.text("setup"),
        cues=fields.cues(),
        caution=fields.text("caution"),
        source=fields.text("source"),
        easier=fields.text("easier", optional=True),
    )


def _parse_routine(fields: _Fields) -> Routine:
    return Routine(
        id=fields.label_id,
        name=fields.text("name"),
        exercise_ids=tuple(fields.text_list("exercises")),
    )
