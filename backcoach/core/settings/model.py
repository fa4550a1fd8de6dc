"""Settings: typed and validated, loaded with tomllib (saving is settings_save's job).

A bad value is refused with a message naming the file, line, key, value and what is allowed, and the
rest of the file still applies. A file that does not parse leaves the app on defaults.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from backcoach.core.domain.dose import Dose, capped
from backcoach.core.domain.exercise import MAX_HOLD_SECONDS, MAX_REPS, Exercise
from backcoach.core.domain.verdict import STOP_AT_RANGE
from backcoach.core.kit import paths
from backcoach.core.kit.fields import Field as FieldSpec
from backcoach.core.kit.paths import shipped_config_dir
from backcoach.core.kit.problems import Finding, did_you_mean, show, toml_key, unparsable
from backcoach.core.kit.toml_read import decoded, parse, read_limited
from backcoach.core.settings.declare import Rule as Rule
from backcoach.core.settings.declare import Section, declared_rules, setting

# Textual's built-in themes (textual.theme.BUILTIN_THEMES), in the order the screen offers them. The
# core cannot import Textual, so this is the one copy; a test keeps it equal to Textual's own list.
THEMES = (
    "textual-dark", "textual-light", "ansi-dark", "ansi-light", "atom-one-dark", "atom-one-light",
    "catppuccin-frappe", "catppuccin-latte", "catppuccin-macchiato", "catppuccin-mocha", "dracula",
    "flexoki", "gruvbox", "monokai", "nord", "rose-pine", "rose-pine-dawn", "rose-pine-moon",
    "solarized-dark", "solarized-light", "tokyo-night",
)  # fmt: skip

# The themes the palette offers, by names a person reads (a file may name any of THEMES). Only themes
# in which every text is at least 4.5:1 on its background (WCAG AA) on every screen, as
# tests/tui/test_contrast.py checks. Of the rest, atom-one-light, flexoki, gruvbox, monokai,
# tokyo-night and the other catppuccins and rose-pines pass too (benchmarks/contrast.py); solarized
# (its footer), atom-one-dark and the ANSI themes (the terminal's own colours, unknown) do not.
OFFERED_THEMES = {
    "textual-dark": "Dark",
    "textual-light": "Light",
    "catppuccin-mocha": "Catppuccin (dark, soft)",
    "rose-pine": "Rosé Pine (dark, muted)",
    "dracula": "Dracula (dark, purple)",
    "nord": "Nord (dark, blue-grey)",
}


def theme_choices(current: str) -> tuple[str, ...]:
    """The themes a chooser lists: the offered ones, and the one in use when the file names another."""
    offered = tuple(OFFERED_THEMES)
    return offered if current in OFFERED_THEMES else (*offered, current)


SOUNDS = ("tones", "bell", "off")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # [week] days, as date.weekday() numbers them

# A setting's place in the file: (section, key), or ("exercises", exercise id, key) for a dose.
KeyPath = tuple[str, ...]

TIMING = Section("timing", "Timing")
CUES = Section("cues", "Cues")
PAIN = Section("pain", "Pain check")
WEEK = Section("week", "Week")
SAFETY = Section("safety", "Safety")
HEALTH = Section("health", "Health")
DISPLAY = Section("display", "Display")
EXERCISES = Section(
    "exercises",
    "Exercises: your own dose (blank: the catalog's)",
    about="your own dose for one exercise, by its id: beats [timing] and the catalog",
)
HOLD_RANGE = (1, MAX_HOLD_SECONDS)
REPS_RANGE = (1, MAX_REPS)


@dataclass(frozen=True)
class DoseOverride:
    """[exercises.ID]: your own dose for one exercise, beating [timing] and the catalog's."""

    hold_seconds: int | None = setting(
        EXERCISES, None, range=HOLD_RANGE, label="Hold", column="your hold s", example=30,
        help="how long this exercise holds, in seconds",
    )  # fmt: skip
    reps: int | None = setting(
        EXERCISES, None, range=REPS_RANGE, label="Reps", column="your reps", example=2,
        help="how many reps this exercise does",
    )  # fmt: skip


@dataclass(frozen=True)
class Settings:
    """Every setting, each declared on its own attribute (settings.declare explains the call)."""

    get_ready_seconds: int = setting(
        TIMING, 5, range=(0, 120), label="Get ready (seconds)",
        help="time to get into position before each exercise and side",
    )  # fmt: skip
    rest_seconds: int = setting(
        TIMING, 5, range=(0, 120), label="Rest between reps (seconds)", help="rest between reps"
    )
    hold_seconds: int | None = setting(
        TIMING, None, range=HOLD_RANGE, label="Hold for every exercise (seconds)", example=20,
        help="when set, every exercise holds this long, instead of the catalog's dose",
    )  # fmt: skip
    reps: int | None = setting(
        TIMING, None, range=REPS_RANGE, label="Reps for every exercise", example=3,
        help="when set, every exercise does this many reps, instead of the catalog's dose",
    )  # fmt: skip
    exercises: dict[str, DoseOverride] = field(default_factory=dict)
    sound: str = setting(
        CUES, "tones", choices=SOUNDS, label="Sound at each phase change",
        hint="tones, bell (the terminal's) or off",
        help='"tones": a short tone for each phase (the bell when no player is found), "bell" or "off"',
    )  # fmt: skip
    voice: bool = setting(
        CUES, False, label="Speak the cues",
        help="speak cues through a speech program when one is installed",
    )  # fmt: skip
    check_before: bool = setting(
        PAIN, True, label="Ask how my back is before starting", help="ask how your back is before starting"
    )
    stop_at: int = setting(
        PAIN, 6, range=STOP_AT_RANGE, label="Stop an exercise at this rating (RED)",
        help="a rating at or above this is red: stop that exercise",
    )  # fmt: skip
    target_sessions: int = setting(  # the typical programme: 3 or more a week (docs/clinical.md)
        WEEK, 3, range=(1, 7), label="Sessions a week to aim for",
        help="sessions a week to aim for, shown on the home screen",
    )  # fmt: skip
    days: tuple[str, ...] = setting(  # [our choice]: naming the days helps keep to a programme
        WEEK, (), choices=WEEKDAYS, label="Days I plan to exercise", hint="none chosen: any day",
        help="the weekdays you plan to exercise: home names the next one and `backcoach remind` reminds"
        " you on them; [] is any day",
    )  # fmt: skip
    safety_acknowledged: bool = setting(  # set by the safety screen, not edited on the settings screen
        SAFETY, False, key="acknowledged", label="Safety information read", on_screen=False,
        help="set when you pass the safety screen (kept in the state folder instead while this file does not parse)",
    )  # fmt: skip
    osteoporosis: bool = setting(  # Royal Osteoporosis Society consensus, docs/clinical.md
        HEALTH, False, label="I have osteoporosis",
        help="adapts the routines: back-strengthening in place of the crunch, twists and knee hugs"
        " kept within a comfortable range",
    )  # fmt: skip
    theme: str = setting(
        DISPLAY, "textual-dark", choices=THEMES, label="Theme",
        help="a Textual theme name, such as textual-dark, textual-light, nord, gruvbox",
    )  # fmt: skip

    def dose_for(self, exercise: Exercise) -> Dose:
        """[exercises.ID] beats [timing], which beats the catalog's dose; [timing] stops at the
        exercise's caps (a 30 s hold for every exercise is not 30 s for a crunch)."""
        own = self.exercises.get(exercise.id, DoseOverride())
        hold = (
            own.hold_seconds or capped(self.hold_seconds, exercise.max_hold_seconds) or exercise.hold_seconds
        )
        reps = own.reps or capped(self.reps, exercise.max_reps) or exercise.reps
        return Dose(hold, reps)

    def with_dose(self, exercise_id: str, hold_seconds: int | None, reps: int | None) -> Settings:
        exercises = dict(self.exercises)
        if hold_seconds is None and reps is None:
            exercises.pop(exercise_id, None)
        else:
            exercises[exercise_id] = DoseOverride(hold_seconds, reps)
        return replace(self, exercises=exercises)


RULES = declared_rules(Settings)
EXERCISE_RULES = declared_rules(DoseOverride)
HOLD_RULE, REPS_RULE = EXERCISE_RULES  # the ranges of a dose, for the screen's hint
SECTIONS = tuple(dict.fromkeys(rule.place for rule in RULES))
# Before `sound` there was `bell = true/false`: a file that has it keeps its meaning (false: silence).
LEGACY_BELL = FieldSpec("bell", "flag", "replaced by sound")


def flatten(settings: Settings) -> dict[KeyPath, object]:
    """Every setting by its place in the file; None where a key is unset."""
    values: dict[KeyPath, object] = {(rule.section, rule.key): getattr(settings, rule.attr) for rule in RULES}
    for exercise_id, dose in settings.exercises.items():
        for rule in EXERCISE_RULES:
            values["exercises", exercise_id, rule.key] = getattr(dose, rule.attr)
    return values


def changes_between(before: Settings, after: Settings) -> dict[KeyPath, object]:
    """The keys whose value differs, with the value in `after` (None: unset)."""
    old, new = flatten(before), flatten(after)
    return {key: new.get(key) for key in old.keys() | new.keys() if old.get(key) != new.get(key)}


def with_changes(settings: Settings, changes: dict[KeyPath, object]) -> Settings:
    values = {**flatten(settings), **changes}
    exercises: dict[str, dict[str, Any]] = {}
    for key, value in values.items():
        if key[0] == "exercises" and value is not None:
            exercises.setdefault(key[1], {})[key[2]] = value
    attrs: dict[str, Any] = {rule.attr: values[rule.section, rule.key] for rule in RULES}
    doses = {exercise_id: DoseOverride(**dose) for exercise_id, dose in exercises.items()}
    return replace(settings, exercises=doses, **attrs)


def key_name(key: KeyPath) -> str:
    """A key as a person finds it in the file: '[timing] rest_seconds', '[exercises.bridge] reps'."""
    *tables, name = key
    return f"[{'.'.join(toml_key(table) for table in tables)}] {toml_key(name)}"


@dataclass
class Loaded:
    """Settings as the app uses them, and what is known of the file they came from."""

    settings: Settings
    path: Path
    problems: list[str] = field(default_factory=list)
    broken: bool = False  # the file did not parse: move it aside before the first save
    on_disk: bytes | None = None  # the file as last read or written; None when there was none
    file_settings: Settings | None = None  # what on_disk says; None: the defaults
    known_exercises: frozenset[str] | None = None
    added: set[KeyPath] = field(default_factory=set)  # keys this run wrote into the file
    document: object = None  # the tomlkit document last written, edited again while the file is unchanged


@dataclass(frozen=True)
class FileSettings:
    settings: Settings
    text: str
    findings: list[Finding]


@functools.cache
def default_settings() -> Settings:
    path = shipped_config_dir() / "settings.default.toml"
    with path.open("rb") as file:
        document = tomllib.load(file)
    return _apply(document, Settings(), [], known_exercises=None)


def parse_settings(data: bytes, known_exercises: frozenset[str] | None) -> FileSettings:
    """Raises UnicodeDecodeError or tomllib.TOMLDecodeError (both ValueErrors) for an unusable file."""
    text = decoded(data)
    findings: list[Finding] = []
    settings = _apply(parse(text), default_settings(), findings, known_exercises)
    return FileSettings(settings, text, findings)


MAX_GUESSES = 20  # "did you mean" costs a fuzzy match against every name


def load_settings(path: Path, known_exercises: set[str] | frozenset[str] | None = None) -> Loaded:
    """Never raises: a missing file gives defaults; a broken one gives defaults and a problem."""
    known = None if known_exercises is None else frozenset(known_exercises)
    defaults = default_settings()
    try:
        data = read_limited(path)
    except FileNotFoundError:
        return Loaded(defaults, path, _missing_folder(path), known_exercises=known)
    except OSError as error:
        problem = f"{path}: cannot be read ({error.strerror or error}); using default settings"
        return Loaded(defaults, path, [problem], broken=True, known_exercises=known)
    try:
        parsed = parse_settings(data, known)
    except ValueError as error:
        problem = f"{unparsable(path, data, error)}; using default settings and leaving the file as it is"
        return Loaded(defaults, path, [problem], broken=True, on_disk=data, known_exercises=known)
    problems = []
    if parsed.findings:
        from backcoach.core.kit.toml_lines import locate

        problems = [str(problem) for problem in locate(path, parsed.text, parsed.findings)]
    return Loaded(parsed.settings, path, problems, False, data, parsed.settings, known)


def _missing_folder(path: Path) -> list[str]:
    """A file named on purpose (--config, BACKCOACH_CONFIG) in a folder that is not there is worth a word."""
    folder = path.parent
    if folder.exists() or folder == paths.default_settings_file().parent:
        return []
    return [f"{path}: the folder {folder} does not exist; it will be created when settings are first saved"]


def _apply(
    document: dict[str, Any],
    base: Settings,
    findings: list[Finding],
    known_exercises: frozenset[str] | None,
) -> Settings:
    values: dict[str, Any] = {}
    for place in SECTIONS:
        section = _table(document, place.name, findings)
        rules = [rule for rule in RULES if rule.place == place]
        _typos(section, (place.name,), [rule.key for rule in rules] + [LEGACY_BELL.key], findings)
        if place == CUES and LEGACY_BELL.key in section and "sound" not in section:
            bell = section[LEGACY_BELL.key]
            refused = LEGACY_BELL.check(bell)
            if refused:
                findings.append(
                    Finding((place.name, LEGACY_BELL.key), f"[{place.name}] {refused[0].message}")
                )
            else:
                values["sound"] = "tones" if bell else "off"
        for rule in rules:
            if rule.key not in section:
                continue
            problem = rule.check(section[rule.key])
            if problem:
                findings.append(Finding((rule.section, rule.key), problem))
            else:
                values[rule.attr] = rule.field.value(section[rule.key])
    exercises = dict(base.exercises)
    for exercise_id, table in _table(document, "exercises", findings).items():
        name = f"exercises.{toml_key(exercise_id)}"
        where = ("exercises", exercise_id)
        if known_exercises is not None and exercise_id not in known_exercises:
            # A guess at what was meant, for the first few: a file of thousands is no typo.
            hint = did_you_mean(exercise_id, known_exercises) if len(findings) < MAX_GUESSES else ""
            message = f"[{name}] names no exercise in the catalog{hint}; it is kept in the file but not used"
            findings.append(Finding(where, message))
            continue
        if not isinstance(table, dict):
            findings.append(Finding(where, f"{name} must be a table with hold_seconds and reps"))
            continue
        _typos(table, where, [rule.key for rule in EXERCISE_RULES], findings)
        dose: dict[str, int] = {}
        for rule in EXERCISE_RULES:
            if rule.key in table:
                problem = rule.check(table[rule.key], name)
                if problem:
                    findings.append(Finding((*where, rule.key), problem))
                else:
                    dose[rule.key] = table[rule.key]
        if dose:
            exercises[exercise_id] = DoseOverride(**dose)
    return replace(base, exercises=exercises, **values)


def _table(document: dict[str, Any], name: str, findings: list[Finding]) -> dict[str, Any]:
    table = document.get(name, {})
    if isinstance(table, dict):
        return table
    findings.append(Finding((name,), f"{name} must be a [{name}] table, not {show(table)}; ignored"))
    return {}


def _typos(table: dict[str, Any], where: tuple[str, ...], known: list[str], findings: list[Finding]) -> None:
    """A key close to a known one is most likely a typo; other unknown keys are kept without a word."""
    for key in table:
        if key in known:
            continue
        hint = did_you_mean(key, known)
        if hint:
            name = f"[{'.'.join(toml_key(part) for part in where)}] {toml_key(key)}"
            findings.append(Finding((*where, key), f"{name} is not a setting{hint}; it is kept but not used"))
