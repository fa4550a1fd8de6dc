"""Settings: typed and validated, loaded with tomllib, saved atomically with tomli-w.

A bad value is refused with a message naming the file, key, value and what is allowed, and the rest
of the file still applies. A file that does not parse is never overwritten: saving moves it aside first.
"""

from __future__ import annotations

import copy
import os
import tempfile
import tomllib
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from backcoach.core.catalog import MAX_HOLD_SECONDS, MAX_REPS, Exercise, shipped_config_dir
from backcoach.core.pain import STOP_AT_RANGE
from backcoach.core.plan import Dose

THEMES = (
    "textual-dark", "textual-light", "ansi-dark", "ansi-light", "atom-one-dark", "atom-one-light",
    "catppuccin-frappe", "catppuccin-latte", "catppuccin-macchiato", "catppuccin-mocha", "dracula",
    "flexoki", "gruvbox", "monokai", "nord", "rose-pine", "rose-pine-dawn", "rose-pine-moon",
    "solarized-dark", "solarized-light", "tokyo-night",
)  # fmt: skip


@dataclass(frozen=True)
class Rule:
    """One setting: where it lives in the file, its type and what values are allowed."""

    section: str
    key: str
    attr: str
    kind: type
    low: int = 0
    high: int = 0
    choices: tuple[str, ...] = ()
    optional: bool = False

    @property
    def allowed(self) -> str:
        if self.kind is bool:
            return "true or false"
        if self.kind is int:
            return f"a whole number from {self.low} to {self.high}"
        return "one of " + ", ".join(self.choices)

    def check(self, value: object, section: str | None = None) -> str | None:
        """None when value is allowed, else what is wrong with it, naming the key."""
        is_int = isinstance(value, int) and not isinstance(value, bool)
        if self.kind is int and is_int and self.low <= value <= self.high:  # type: ignore[operator]
            return None
        if self.kind is bool and isinstance(value, bool):
            return None
        if self.kind is str and isinstance(value, str) and value in self.choices:
            return None
        return f"[{section or self.section}] {self.key} = {_show(value)} is not allowed; use {self.allowed}"


HOLD_RULE = Rule("timing", "hold_seconds", "hold_seconds", int, 1, MAX_HOLD_SECONDS, optional=True)
REPS_RULE = Rule("timing", "reps", "reps", int, 1, MAX_REPS, optional=True)
RULES = (
    Rule("timing", "get_ready_seconds", "get_ready_seconds", int, 0, 120),
    Rule("timing", "rest_seconds", "rest_seconds", int, 0, 120),
    HOLD_RULE,
    REPS_RULE,
    Rule("cues", "bell", "bell", bool),
    Rule("cues", "voice", "voice", bool),
    Rule("pain", "check_before", "check_before", bool),
    Rule("pain", "stop_at", "stop_at", int, *STOP_AT_RANGE),
    Rule("safety", "acknowledged", "safety_acknowledged", bool),
    Rule("display", "theme", "theme", str, choices=THEMES),
)
EXERCISE_RULES = (HOLD_RULE, REPS_RULE)


@dataclass(frozen=True)
class DoseOverride:
    hold_seconds: int | None = None
    reps: int | None = None


@dataclass(frozen=True)
class Settings:
    get_ready_seconds: int = 5
    rest_seconds: int = 5
    hold_seconds: int | None = None
    reps: int | None = None
    exercises: dict[str, DoseOverride] = field(default_factory=dict)
    bell: bool = True
    voice: bool = False
    check_before: bool = True
    stop_at: int = 6
    safety_acknowledged: bool = False
    theme: str = "textual-dark"

    def dose_for(self, exercise: Exercise) -> Dose:
        """[exercises.ID] beats [timing], which beats the catalog's dose."""
        own = self.exercises.get(exercise.id, DoseOverride())
        hold = own.hold_seconds or self.hold_seconds or exercise.hold_seconds
        reps = own.reps or self.reps or exercise.reps
        return Dose(hold, reps)

    def with_dose(self, exercise_id: str, hold_seconds: int | None, reps: int | None) -> Settings:
        exercises = dict(self.exercises)
        if hold_seconds is None and reps is None:
            exercises.pop(exercise_id, None)
        else:
            exercises[exercise_id] = DoseOverride(hold_seconds, reps)
        return replace(self, exercises=exercises)


@dataclass
class Loaded:
    """Settings as loaded, with the raw document (so unknown keys survive a save) and any problems."""

    settings: Settings
    path: Path
    document: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    broken: bool = False  # the file did not parse: move it aside before the first save


def default_settings() -> Settings:
    path = shipped_config_dir() / "settings.default.toml"
    with path.open("rb") as file:
        document = tomllib.load(file)
    return _apply(document, Settings(), path, [], known_exercises=None)


def load_settings(path: Path, known_exercises: set[str] | None = None) -> Loaded:
    """Never raises: a missing file gives defaults; a broken one gives defaults and a problem."""
    defaults = default_settings()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Loaded(defaults, path)
    except OSError as error:
        problem = f"{path}: cannot be read ({error.strerror or error}); using default settings"
        return Loaded(defaults, path, problems=[problem], broken=True)
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        problem = f"{path}: not valid TOML ({error}); using default settings and leaving the file as it is"
        return Loaded(defaults, path, problems=[problem], broken=True)
    problems: list[str] = []
    settings = _apply(document, defaults, path, problems, known_exercises)
    return Loaded(settings, path, document, problems)


def _apply(
    document: dict[str, Any],
    base: Settings,
    path: Path,
    problems: list[str],
    known_exercises: set[str] | None,
) -> Settings:
    values: dict[str, Any] = {}
    for rule in RULES:
        section = _table(document, rule.section, path, problems)
        if rule.key not in section:
            continue
        problem = rule.check(section[rule.key])
        if problem:
            problems.append(f"{path}: {problem}")
        else:
            values[rule.attr] = section[rule.key]
    exercises = dict(base.exercises)
    for exercise_id, table in _table(document, "exercises", path, problems).items():
        name = f"exercises.{toml_key(exercise_id)}"
        if known_exercises is not None and exercise_id not in known_exercises:
            problems.append(f"{path}: [{name}] names no exercise in the catalog; ignored")
            continue
        if not isinstance(table, dict):
            problems.append(f"{path}: {name} must be a table with hold_seconds and reps")
            continue
        dose: dict[str, int] = {}
        for rule in EXERCISE_RULES:
            if rule.key in table:
                problem = rule.check(table[rule.key], name)
                if problem:
                    problems.append(f"{path}: {problem}")
                else:
                    dose[rule.key] = table[rule.key]
        if dose:
            exercises[exercise_id] = DoseOverride(**dose)
    return replace(base, exercises=exercises, **values)


def _table(document: dict[str, Any], name: str, path: Path, problems: list[str]) -> dict[str, Any]:
    table = document.get(name, {})
    if isinstance(table, dict):
        return table
    message = f"{path}: {name} must be a [{name}] table, not {_show(table)}; ignored"
    if message not in problems:
        problems.append(message)
    return {}


def toml_key(key: str) -> str:
    """A key as it is written in TOML: bare when it can be, quoted when not."""
    return tomli_w.dumps({key: 0}).rsplit(" = ", 1)[0]


def _show(value: object) -> str:
    """A value as the file would spell it (repr when TOML cannot), cut short when long."""
    try:
        text = tomli_w.dumps({"v": value})[4:].strip()
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def to_document(settings: Settings, document: dict[str, Any]) -> dict[str, Any]:
    """The document to save: the loaded one with every known key set, so unknown keys are kept."""
    result = copy.deepcopy(document)
    for rule in RULES:
        section = result.get(rule.section)
        if not isinstance(section, dict):
            section = result[rule.section] = {}
        value = getattr(settings, rule.attr)
        if value is None:
            section.pop(rule.key, None)
        else:
            section[rule.key] = value
    tables = result.get("exercises")
    if not isinstance(tables, dict):
        tables = result["exercises"] = {}
    for exercise_id in list(tables):
        table = tables[exercise_id]
        if exercise_id in settings.exercises or not isinstance(table, dict):
            continue
        for rule in EXERCISE_RULES:
            table.pop(rule.key, None)
        if not table:
            del tables[exercise_id]
    for exercise_id, override in settings.exercises.items():
        table = tables.setdefault(exercise_id, {})
        for rule in EXERCISE_RULES:
            value = getattr(override, rule.key)
            if value is None:
                table.pop(rule.key, None)
            else:
                table[rule.key] = value
    if not tables:
        del result["exercises"]
    return result


def save_settings(loaded: Loaded, settings: Settings) -> list[str]:
    """Write atomically; a file that did not parse is moved aside first. Returns notices for the user.

    Raises OSError when the folder cannot be written; the old file is then untouched.
    """
    notices = []
    path = loaded.path
    path.parent.mkdir(parents=True, exist_ok=True)
    if loaded.broken and path.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = path.with_name(f"{path.name}.broken-{stamp}")
        os.replace(path, aside)
        notices.append(f"Your unreadable settings file was kept as {aside}")
        loaded.broken = False
    document = to_document(settings, loaded.document)
    write_atomically(path, tomli_w.dumps(document).encode("utf-8"))
    loaded.document = document
    loaded.settings = settings
    return notices


def write_atomically(path: Path, data: bytes) -> None:
    """Temporary file in the same folder, flushed to disk, then renamed over the old one."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
