"""One catalog file, read entry by entry: every problem found, every entry that is fine kept."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from backcoach.core.catalog.rules import CUE_FIELDS, SECTIONS
from backcoach.core.domain.exercise import Catalog, Cue, Exercise, Routine, RoutineDose
from backcoach.core.kit.fields import ID_PATTERN, Field, check_keys
from backcoach.core.kit.problems import Finding, Problem, did_you_mean, show, toml_key, unparsable
from backcoach.core.kit.text import plural, shown
from backcoach.core.kit.toml_read import decoded, parse, read_limited

MAX_ENTRIES = 1000  # exercises or routines in one file: far more than anyone writes, and few enough to show


@dataclass
class CatalogFile:
    exercises: dict[str, Exercise]  # what was given, with this file's entries merged in
    routines: dict[str, Routine]
    problems: list[Problem] = field(default_factory=list)
    not_loaded: list[str] = field(default_factory=list)  # the entries left out, as messages name them
    unusable: bool = False  # the file could not be read at all


def read_catalog_file(
    path: Path,
    exercises: dict[str, Exercise],
    routines: dict[str, Routine],
    built_in: Catalog | None,
) -> CatalogFile:
    """Merge path's entries into copies of exercises and routines.

    built_in: the shipped catalog when path is the user's file; an entry with one of its ids may give
    only the fields it changes.
    """
    result = CatalogFile(dict(exercises), dict(routines))
    try:
        data = read_limited(path)
    except OSError as error:
        result.problems.append(Problem(path, None, f"cannot be read ({error.strerror or error})"))
        result.unusable = True
        return result
    try:
        text = decoded(data)
        document = parse(text)
    except ValueError as error:
        result.problems.append(unparsable(path, data, error))
        result.unusable = True
        return result
    findings = _Reader(result, built_in).read(document)
    if findings:
        from backcoach.core.kit.toml_lines import locate

        problems = locate(path, text, findings)
        result.problems = sorted(problems, key=lambda problem: problem.line or 0)  # as the file reads
    return result


def summary(path: Path, result: CatalogFile) -> str:
    """One notice for the whole file: how many problems, what was left out, and the first problem."""
    first = result.problems[0]
    if result.unusable:
        return f"{first}; none of its exercises or routines were loaded (the built-in ones were)"
    left_out = result.not_loaded
    count = len(left_out)
    if left_out:
        names = ", ".join(left_out[:3]) + (f" and {count - 3} more" if count > 3 else "")
        loaded = (
            f"{count} {'entry was' if count == 1 else 'entries were'} not loaded ({names}); the rest were"
        )
    else:
        loaded = "every entry was loaded"
    where = f"line {first.line}: " if first.line else ""
    return (
        f"{path}: {plural(len(result.problems), 'problem')}, {loaded}. First, {where}{first.message}."
        " `backcoach check` lists them all."
    )


class _Reader:
    def __init__(self, result: CatalogFile, built_in: Catalog | None) -> None:
        self.result = result
        self.built_in = built_in
        self.dropped: set[str] = set()  # ids of this file's entries that were left out

    def read(self, document: dict[str, Any]) -> list[Finding]:
        findings = []
        for key in document:
            if key not in SECTIONS:
                hint = did_you_mean(key, SECTIONS) or "; a catalog file holds [[exercises]] and [[routines]]"
                findings.append(Finding((key,), f"{toml_key(key)} is not part of a catalog{hint}"))
        for section, fields in SECTIONS.items():  # exercises first: routines refer to them
            entries = document.get(section, [])
            if not isinstance(entries, list):
                message = f"{section} must be [[{section}]] tables, not {show(entries)}"
                findings.append(Finding((section,), message))
                continue
            if len(entries) > MAX_ENTRIES:
                message = f"{len(entries)} [[{section}]] entries; only the first {MAX_ENTRIES} are read"
                findings.append(Finding((section, MAX_ENTRIES), message))
                entries = entries[:MAX_ENTRIES]
            findings += self.read_section(section, fields, entries)
        return findings

    def read_section(self, section: str, fields: tuple[Field, ...], entries: list[Any]) -> list[Finding]:
        findings: list[Finding] = []
        first_index: dict[str, int] = {}
        for index, entry in enumerate(entries):
            entry_id = _valid_id(entry)
            label = f"{section} {show(entry_id)}" if entry_id else f"{section} entry {index + 1}"
            base = self.base(section, entry_id)
            found = self.check(section, fields, entry, base)
            if entry_id:
                if entry_id in first_index:
                    found.append(
                        Finding(("id",), f"duplicate id: entry {first_index[entry_id] + 1} has it too")
                    )
                first_index.setdefault(entry_id, index)
            if found:
                findings += [Finding((section, index, *f.where), f"{label}: {f.message}") for f in found]
                self.result.not_loaded.append(label)
                if entry_id:
                    self.dropped.add(f"{section}:{entry_id}")
                continue
            self.store(section, fields, entry, base)
        return findings

    def base(self, section: str, entry_id: str | None) -> Exercise | Routine | None:
        if self.built_in is None or entry_id is None:
            return None
        built_in = self.built_in.exercises if section == "exercises" else self.built_in.routines
        return built_in.get(entry_id)

    def check(
        self, section: str, fields: tuple[Field, ...], entry: object, base: Exercise | Routine | None
    ) -> list[Finding]:
        if not isinstance(entry, dict):
            return [Finding((), f"must be a [[{section}]] table, not {show(entry)}")]
        found = check_keys(entry, fields, partial=base is not None)
        if not found and section == "exercises" and "osteoporosis_instead" in entry:
            instead = entry["osteoporosis_instead"]
            if instead not in self.result.exercises:
                hint = did_you_mean(instead, self.result.exercises)
                message = f"osteoporosis_instead: {show(instead)} is not an exercise defined before it{hint}"
                found = [Finding(("osteoporosis_instead",), message)]
        if not found and section == "routines" and "exercises" in entry:
            found = self.unknown_exercises(entry["exercises"])
        if not found and section == "routines" and "doses" in entry:
            exercise_ids = entry.get("exercises", base.exercise_ids if isinstance(base, Routine) else [])
            found = self.routine_doses(entry["doses"], exercise_ids)
        return found

    def routine_doses(self, doses: dict[str, dict[str, int]], exercise_ids: list[str]) -> list[Finding]:
        """A routine's dose is for one of its own exercises, and inside that exercise's sourced range."""
        found = []
        for exercise_id, dose in doses.items():
            if exercise_id not in exercise_ids:
                message = f"doses: {show(exercise_id)} is not one of this routine's exercises"
                found.append(Finding(("doses", exercise_id), message))
                continue
            exercise = self.result.exercises[exercise_id]
            tops = {"hold_seconds": exercise.max_hold_seconds, "reps": exercise.max_reps}
            for key, value in dose.items():
                if value > tops[key]:
                    message = (
                        f"doses.{exercise_id}: {key} = {value} is above the top of its sourced range"
                        f" (max_{key} = {tops[key]} in the catalog)"
                    )
                    found.append(Finding(("doses", exercise_id, key), message))
        return found

    def unknown_exercises(self, exercise_ids: list[str]) -> list[Finding]:
        found = []
        for index, exercise_id in enumerate(exercise_ids):
            if exercise_id in self.result.exercises:
                continue
            if f"exercises:{exercise_id}" in self.dropped:
                message = f"exercises: {show(exercise_id)} was not loaded (its own entry has problems)"
            else:
                hint = did_you_mean(exercise_id, self.result.exercises)
                message = f"exercises: {show(exercise_id)} is not an exercise{hint}"
            found.append(Finding(("exercises", index), message))
        return found

    def store(self, section: str, fields: tuple[Field, ...], entry: dict[str, Any], base: Any) -> None:
        values = {
            field.attr or field.key: field.value(entry[field.key]) for field in fields if field.key in entry
        }
        if "cues" in values:
            at_default = CUE_FIELDS[0].default
            values["cues"] = tuple(
                Cue(cue.get("at", at_default), shown(cue["text"].strip())) for cue in values["cues"]
            )
        if "doses" in values:
            values["doses"] = {
                exercise_id: RoutineDose(**dose) for exercise_id, dose in values["doses"].items()
            }
        complete = all(field.key in entry for field in fields if field.required)
        if section == "exercises":
            exercise = Exercise(**values) if complete or base is None else replace(base, **values)
            self.result.exercises[exercise.id] = exercise
        else:
            routine = Routine(**values) if complete or base is None else replace(base, **values)
            self.result.routines[routine.id] = routine


def _valid_id(entry: object) -> str | None:
    """The entry's id when it is one (messages then name the entry by it)."""
    entry_id = entry.get("id") if isinstance(entry, dict) else None
    return entry_id if isinstance(entry_id, str) and ID_PATTERN.fullmatch(entry_id) else None
