"""JSON Schemas for settings.toml, exercises.toml and drawings.toml, generated from the fields the
loaders check with (kit.fields): the settings' declarations and the catalog's field tables.

Editors with a taplo-based TOML language server read a first line `#:schema PATH` and then check and
complete the file as it is typed. The schemas are committed in backcoach/schemas/ (a test keeps them
equal to what this module generates); regenerate them with `python -m backcoach.core.tools.schema`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, get_args

from backcoach.core.catalog.load import load_catalog
from backcoach.core.catalog.rules import (
    DRAWING_FIELDS,
    EXERCISE_FIELDS,
    POSITION_DRAWING_FIELDS,
    ROUTINE_FIELDS,
)
from backcoach.core.domain.exercise import Catalog
from backcoach.core.kit import paths
from backcoach.core.kit.fields import ID_PATTERN, PICTURE_INK, Field
from backcoach.core.settings.model import EXERCISE_RULES, EXERCISES, RULES, SECTIONS

SCHEMA_DIR = paths.schema_dir()
DRAFT = "http://json-schema.org/draft-07/schema#"  # the draft editors' TOML servers know best
NOT_BLANK = r"\S"  # the loaders trim text and refuse what is left empty


def settings_schema() -> dict[str, Any]:
    """Unknown keys are allowed: the app keeps them (a newer version's, or the user's notes)."""
    sections: dict[str, Any] = {}
    for section in SECTIONS:
        fields = [rule.field for rule in RULES if rule.place == section]
        sections[section.name] = {
            "type": "object",
            "properties": {field.key: _field(field) for field in fields},
        }
    dose = {rule.key: _field(rule.field) for rule in EXERCISE_RULES}
    sections[EXERCISES.name] = {
        "type": "object",
        "description": EXERCISES.about,
        "additionalProperties": {"type": "object", "properties": dose},
    }
    return {
        "$schema": DRAFT,
        "title": "backcoach settings.toml",
        "description": "Every key is optional; a missing key takes its default.",
        "type": "object",
        "properties": sections,
    }


def catalog_schema(built_in: Catalog) -> dict[str, Any]:
    """An entry with a built-in id needs only its id (it changes that entry); any other needs them all."""
    return {
        "$schema": DRAFT,
        "title": "backcoach exercises.toml",
        "description": "Your own exercises and routines; an entry with a built-in id changes that one.",
        "type": "object",
        "properties": {
            "exercises": {"type": "array", "items": _entry(EXERCISE_FIELDS, list(built_in.exercises))},
            "routines": {"type": "array", "items": _entry(ROUTINE_FIELDS, list(built_in.routines))},
        },
        "additionalProperties": False,
    }


def drawings_schema(built_in: Catalog) -> dict[str, Any]:
    """Each drawing a table of its own fields, all required; pictures checked for their size too."""
    from backcoach.core.domain.exercise import Position

    def entry(fields: tuple[Field, ...]) -> dict[str, Any]:
        return {**_table(fields), "required": [field.key for field in fields if field.required]}

    return {
        "$schema": DRAFT,
        "title": "backcoach drawings.toml",
        "description": "Drawings of your exercises by id, and still figures by position.",
        "type": "object",
        "properties": {
            "exercises": {
                "type": "object",
                "description": "by exercise id: a start and an end frame",
                "propertyNames": {"pattern": ID_PATTERN.pattern},
                "additionalProperties": entry(DRAWING_FIELDS),
            },
            "positions": {
                "type": "object",
                "description": "by position: the still figure of an exercise with no drawing",
                "properties": {name: entry(POSITION_DRAWING_FIELDS) for name in get_args(Position)},
                "additionalProperties": False,
            },
        },
        "additionalProperties": False,
    }


def _entry(fields: tuple[Field, ...], built_in_ids: list[str]) -> dict[str, Any]:
    return {
        **_table(fields),
        "if": {"properties": {"id": {"enum": built_in_ids}}, "required": ["id"]},
        "then": {"required": ["id"]},
        "else": {"required": [field.key for field in fields if field.required]},
    }


def _table(fields: tuple[Field, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {field.key: _field(field) for field in fields},
        "additionalProperties": False,
    }


def _field(field: Field) -> dict[str, Any]:
    text = {"type": "string", "pattern": NOT_BLANK}
    by_kind: dict[str, dict[str, Any]] = {
        "flag": {"type": "boolean"},
        "id": {"type": "string", "pattern": ID_PATTERN.pattern},
        "text": {**text, "maxLength": field.high} if field.high else text,
        "whole": {"type": "integer", "minimum": field.low, "maximum": field.high},
        "choice": {"enum": list(field.choices)},
        "choices": {"type": "array", "minItems": 1, "items": {"enum": list(field.choices)}},
        "subset": {"type": "array", "uniqueItems": True, "items": {"enum": list(field.choices)}},
        "texts": {"type": "array", "minItems": 1, "items": text},
        "doses": {
            "type": "object",
            "propertyNames": {"pattern": ID_PATTERN.pattern},
            "additionalProperties": {**_table(field.fields), "minProperties": 1},
        },
        "tables": {
            "type": "array",
            "minItems": field.low,
            "maxItems": field.high,
            "items": {
                **_table(field.fields),
                "required": [item.key for item in field.fields if item.required],
            },
        },
    }
    if field.kind == "picture":
        row = f"[{re.escape(PICTURE_INK)}]{{{field.low}}}"
        pattern = f"^\\n?[ \\t]*{row}([ \\t]*\\n[ \\t]*{row}){{{field.high - 1}}}[ \\t]*\\n?$"
        by_kind["picture"] = {"type": "string", "pattern": pattern}
    schema = {"description": field.help, **by_kind[field.kind]}
    if field.default is not None:
        schema["default"] = list(field.default) if isinstance(field.default, tuple) else field.default
    return schema


def generated() -> dict[str, str]:
    """Each schema file's name and text, as committed."""
    schemas = {
        "settings.schema.json": settings_schema(),
        "exercises.schema.json": catalog_schema(load_catalog()),
        "drawings.schema.json": drawings_schema(load_catalog()),
    }
    return {name: json.dumps(schema, indent=2, ensure_ascii=False) + "\n" for name, schema in schemas.items()}


def write_schemas(folder: Path = SCHEMA_DIR) -> None:
    folder.mkdir(exist_ok=True)
    for name, text in generated().items():
        (folder / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_schemas()
