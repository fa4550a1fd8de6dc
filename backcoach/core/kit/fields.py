"""Fields: one key of a TOML table declared once, with its kind, the values allowed and what it is
for. The settings and catalog loaders check values with them and the JSON Schema is generated from
them, so a file's checks, messages and schema cannot disagree."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from backcoach.core.kit.problems import Finding, closest, did_you_mean, show
from backcoach.core.kit.text import shown

FieldKind = Literal[
    "flag", "id", "text", "whole", "choice", "choices", "subset", "texts", "tables", "doses", "picture"
]  # fmt: skip
PICTURE_INK = "#+."  # a drawing's dots: the body, the part that moves, empty

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_RULE_WORDS = 'lowercase letters and digits in words joined by "-"'


@dataclass(frozen=True)
class Field:
    """One key of an entry: its kind, the values allowed, and what it is for."""

    key: str
    kind: FieldKind
    help: str
    required: bool = True
    low: int = 0  # whole: the smallest value; tables: the fewest items
    high: int = 0  # whole: the largest value; tables: the most items; text: the most characters
    choices: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()  # tables: the keys of each item
    default: object = None  # a documented default for a key that may be left out
    attr: str = ""  # the attribute it fills, when not named like the key
    item: str = ""  # tables: what one item is called in messages

    @property
    def allowed(self) -> str:
        return {
            "flag": "true or false",
            "id": ID_RULE_WORDS,
            "text": "text",
            "whole": f"a whole number from {self.low} to {self.high}",
            "choice": "one of " + ", ".join(self.choices),
            "choices": "a list of any of " + ", ".join(self.choices),
            "subset": "a list of any of " + ", ".join(self.choices) + ", each once at most ([] for none)",
            "texts": "a list of text",
            "tables": f"a list of {self.low} to {self.high} tables with "
            + ", ".join(field.key for field in self.fields),
            "doses": "a table of exercise ids, each { " + " and/or ".join(f.key for f in self.fields) + " }",
            "picture": f'{self.high} rows of {self.low} dots, each "#" (the body), "+" (what moves) or "."',
        }[self.kind]

    def check(self, value: object) -> list[Finding]:
        """Everything wrong with value, each finding placed relative to this key."""
        if self.kind == "flag":
            return [] if isinstance(value, bool) else self._refuse(value)
        if self.kind == "id":
            if isinstance(value, str) and ID_PATTERN.fullmatch(value):
                return []
            guess = _as_id(value) if isinstance(value, str) else ""
            return self._refuse(value, f" (did you mean {show(guess)}?)" if guess else "")
        if self.kind == "text":
            if not isinstance(value, str):
                return self._refuse(value)
            if self.high and len(value) > self.high:
                return [Finding((), f"{self.key} is {len(value)} characters long; keep it to {self.high}")]
            return [] if value.strip() else [Finding((), f"{self.key} must not be empty")]
        if self.kind == "whole":
            is_whole = isinstance(value, int) and not isinstance(value, bool)
            return [] if is_whole and self.low <= value <= self.high else self._refuse(value)  # type: ignore[operator]
        if self.kind == "picture":
            return self._check_picture(value)
        if self.kind == "choice":
            if value in self.choices:
                return []
            return self._refuse(value, did_you_mean(value, self.choices) if isinstance(value, str) else "")
        if self.kind == "doses":
            return self._check_doses(value)
        if self.kind == "subset":
            return self._check_subset(value)
        if not isinstance(value, list) or not value:
            return self._refuse(value)
        if self.kind == "tables":
            return self._check_tables(value)
        return [finding for index, item in enumerate(value) for finding in self._check_item(index, item)]

    def _refuse(self, value: object, hint: str = "") -> list[Finding]:
        return [Finding((), f"{self.key} = {show(value)} is not allowed; use {self.allowed}{hint}")]

    def _check_picture(self, value: object) -> list[Finding]:
        """low x high dots: the width and height of the size it is drawn for."""
        if not isinstance(value, str):
            return self._refuse(value)
        rows = picture_rows(value)
        if len(rows) != self.high:
            return [Finding((), f"{self.key} has {len(rows)} rows; use {self.allowed}")]
        for number, row in enumerate(rows, 1):
            if len(row) != self.low:
                return [Finding((), f"{self.key}: row {number} has {len(row)} dots; use {self.allowed}")]
            stray = next((char for char in row if char not in PICTURE_INK), None)
            if stray is not None:
                return [Finding((), f"{self.key}: row {number} has {show(stray)}; use {self.allowed}")]
        return []

    def _check_subset(self, value: object) -> list[Finding]:
        """A list, maybe empty, of distinct choices: one finding that names the first wrong item."""
        if not isinstance(value, list):
            return self._refuse(value)
        seen: set[object] = set()
        for item in value:
            if item not in self.choices:
                guess = ""
                if isinstance(item, str):  # "Monday" means "mon"
                    start = item.strip().lower()[:3]
                    guess = f" (did you mean {show(start)}?)" if start in self.choices else ""
                    guess = guess or did_you_mean(item, self.choices)
                return self._refuse(value, f": {show(item)} is not one of them{guess}")
            if item in seen:
                return self._refuse(value, f": {show(item)} is there twice")
            seen.add(item)
        return []

    def _check_item(self, index: int, item: object) -> list[Finding]:
        if self.kind == "choices" and item not in self.choices:
            hint = did_you_mean(item, self.choices) if isinstance(item, str) else ""
            message = f"{self.key}: {show(item)} is not allowed; use any of {', '.join(self.choices)}{hint}"
            return [Finding((index,), message)]
        if self.kind == "texts" and not (isinstance(item, str) and item.strip()):
            return [Finding((index,), f"{self.key}: {show(item)} is not allowed; use non-empty text")]
        return []

    def _check_tables(self, items: list[Any]) -> list[Finding]:
        findings = []
        if not self.low <= len(items) <= self.high:
            findings.append(Finding((), f"{self.key} has {len(items)}; use {self.low} to {self.high}"))
        for index, item in enumerate(items):
            label = f"{self.item or self.key} {index + 1}"
            if not isinstance(item, dict):
                message = f"{label} = {show(item)} is not allowed; use a table with {self._keys_said()}"
                findings.append(Finding((index,), message))
                continue
            for finding in check_keys(item, self.fields, partial=False, kind="key"):
                findings.append(Finding((index, *finding.where), f"{label}: {finding.message}"))
        return findings

    def _check_doses(self, value: object) -> list[Finding]:
        if not isinstance(value, dict):
            return self._refuse(value)
        findings = []
        for exercise_id, dose in value.items():
            if not isinstance(dose, dict) or not dose:
                message = (
                    f"{self.key}.{exercise_id} = {show(dose)} is not allowed; use {{ {self._keys_said()} }}"
                )
                findings.append(Finding((exercise_id,), message))
                continue
            for finding in check_keys(dose, self.fields, partial=True, kind="key"):
                findings.append(
                    Finding((exercise_id, *finding.where), f"{self.key}.{exercise_id}: {finding.message}")
                )
        return findings

    def _keys_said(self) -> str:
        return ", ".join(field.key for field in self.fields)

    def value(self, raw: Any) -> Any:
        """A checked value as the dataclasses hold it: text trimmed (control characters spelled out,
        so no file can drive the terminal), lists as tuples; doses stay tables (the catalog makes them
        RoutineDoses: the kit knows no domain types)."""
        if self.kind == "text":
            return shown(raw.strip())
        if self.kind in ("choices", "texts"):
            return tuple(item.strip() for item in raw)
        if self.kind == "subset":
            return tuple(raw)
        if self.kind == "tables":
            return tuple(raw)
        if self.kind == "picture":
            return picture_rows(raw)
        return raw


def check_keys(
    entry: dict[str, Any], fields: tuple[Field, ...], partial: bool, kind: str = "field"
) -> list[Finding]:
    """Every problem with an entry: unknown keys (with the likely one), missing ones, bad values.

    A misspelt key is one mistake, said once: as unknown, naming the key it probably meant, which is
    then not reported missing as well.
    """
    findings = []
    known = [field.key for field in fields]
    meant = set()
    for key in entry:
        if key not in known:
            match = closest(key, [name for name in known if name not in entry])
            hint = f" (did you mean {show(match)}?)" if match else f"; allowed: {', '.join(known)}"
            findings.append(Finding((key,), f"unknown {kind} {show(key)}{hint}"))
            meant.add(match)
    missing = []
    for field in fields:
        if field.key in entry:
            findings += [
                Finding((field.key, *found.where), found.message) for found in field.check(entry[field.key])
            ]
        elif field.required and not partial and field.key not in meant:
            missing.append(field)
    if len(missing) == 1:
        findings.append(Finding((), f"missing {kind} {show(missing[0].key)} ({missing[0].allowed})"))
    elif missing:
        findings.append(Finding((), f"missing {kind}s {', '.join(show(field.key) for field in missing)}"))
    return findings


def picture_rows(text: str) -> tuple[str, ...]:
    """A picture's rows: the text's lines, without the blank first and last of a multi-line string."""
    return tuple(line.strip() for line in text.strip("\n").split("\n"))


def _as_id(value: str) -> str:
    """The id a person probably meant: 'Wall Slide' -> 'wall-slide'."""
    return "-".join(re.findall(r"[a-z0-9]+", value.lower()))
