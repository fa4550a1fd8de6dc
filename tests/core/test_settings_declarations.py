"""Each setting is declared once: the loader, the defaults file, the docs and the schema follow it."""

from __future__ import annotations

import dataclasses
import inspect
import re
import tomllib
from datetime import date
from pathlib import Path
from typing import get_type_hints

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.theme import BUILTIN_THEMES

from backcoach.core.catalog.file import read_catalog_file
from backcoach.core.domain.exercise import Catalog
from backcoach.core.kit.paths import shipped_config_dir
from backcoach.core.kit.problems import show
from backcoach.core.settings.declare import Rule, Section, declared_rules, setting
from backcoach.core.settings.model import (
    EXERCISE_RULES,
    RULES,
    THEMES,
    DoseOverride,
    Settings,
    load_settings,
)
from backcoach.core.tools import settings_docs
from backcoach.core.tools.schema import settings_schema
from tests.core.samples import GOOD_EXERCISE, valid_setting

KNOWN = frozenset({"bridge", "pelvic-tilt"})


def test_the_defaults_file_and_the_docs_tables_are_made_from_the_declarations() -> None:
    for path, text in settings_docs.generated().items():
        assert path.read_text(encoding="utf-8") == text, (
            f"run: python -m backcoach.core.tools.settings_docs ({path})"
        )


def test_the_defaults_file_holds_every_declared_default_and_shows_every_unset_one() -> None:
    text = (shipped_config_dir() / "settings.default.toml").read_text(encoding="utf-8")
    document = tomllib.loads(text)
    for rule in RULES:
        if rule.default is None:
            assert f"# {rule.key} = {show(rule.example)}" in text
            assert rule.key not in document[rule.section]
        else:
            written = document[rule.section][rule.key]
            assert (tuple(written) if isinstance(written, list) else written) == rule.default
    example = [re.sub(r"^# (?=\[|[a-z_]+ = )", "", line) for line in text.splitlines()]
    uncommented = tomllib.loads("\n".join(example))
    assert set(uncommented["exercises"]["knee-to-chest"]) == {rule.key for rule in EXERCISE_RULES}


def test_both_docs_tables_list_every_declared_key_with_its_range_and_default() -> None:
    for path in settings_docs.DOCS_WITH_TABLE:
        table = path.read_text(encoding="utf-8").split(settings_docs.TABLE_START)[1]
        table = table.split(settings_docs.TABLE_END)[0]
        for rule in (*RULES, *EXERCISE_RULES):
            row = next(
                line for line in table.splitlines() if f"| `{rule.key}` |" in line and rule.help in line
            )
            if rule.kind is int:
                assert f"| {rule.low}-{rule.high} |" in row
            assert ("unset" if rule.default is None else f"`{show(rule.default)}`") in row


def test_every_setting_has_a_label_and_help_and_a_kind_matching_its_attribute() -> None:
    for cls, rules in ((Settings, RULES), (DoseOverride, EXERCISE_RULES)):
        hints = get_type_hints(cls)
        for rule in rules:
            assert rule.label.strip() and rule.help.strip(), rule.attr
            expected = rule.kind | None if rule.optional else rule.kind
            if rule.kind is tuple:
                expected = tuple[str, ...]
            assert hints[rule.attr] == expected, rule.attr
            assert getattr(cls(), rule.attr) == rule.default


def test_a_label_and_help_cannot_be_left_out_of_a_declaration() -> None:
    parameters = inspect.signature(setting).parameters
    for name in ("label", "help"):
        assert parameters[name].default is inspect.Parameter.empty
        assert parameters[name].kind is inspect.Parameter.KEYWORD_ONLY


def test_a_setting_of_no_known_kind_is_refused_when_its_class_is_made() -> None:
    @dataclasses.dataclass(frozen=True)
    class Odd:
        ratio: float = setting(Section("odd", "Odd"), 0.5, label="Ratio", help="a fraction")

    with pytest.raises(TypeError, match="setting ratio: give a range, choices or a bool default"):
        declared_rules(Odd)


def test_the_themes_offered_are_textuals_built_in_ones() -> None:
    assert sorted(THEMES) == sorted(BUILTIN_THEMES)
    assert THEMES[:2] == ("textual-dark", "textual-light")  # the default pair first, then A to Z
    assert list(THEMES[2:]) == sorted(THEMES[2:])


def test_the_schema_gives_each_setting_its_declared_default_and_range() -> None:
    sections = settings_schema()["properties"]
    for rule in RULES:
        schema = sections[rule.section]["properties"][rule.key]
        assert schema["description"] == rule.help
        default = rule.default
        assert schema.get("default") == (list(default) if isinstance(default, tuple) else default)
        if rule.kind is int:
            assert (schema["minimum"], schema["maximum"]) == (rule.low, rule.high)


# What a hand-edited file can hold where a setting is expected, and what the loader makes of it.


def wrong_value(rule: Rule) -> st.SearchStrategy[object]:
    """A value of the wrong type or outside what the rule allows."""
    others = st.one_of(
        st.text(max_size=8),
        st.floats(allow_nan=False),
        st.dates(max_value=date(9999, 12, 31)),
        st.lists(st.integers(), max_size=2),
        st.dictionaries(st.sampled_from(["a", "b"]), st.integers(), max_size=2),
    )
    if rule.kind is bool:
        return st.one_of(st.integers(), others)
    if rule.kind is int:
        outside = st.integers(max_value=rule.low - 1) | st.integers(min_value=rule.high + 1)
        return st.one_of(outside.filter(lambda n: abs(n) < 2**63), st.booleans(), others)
    if rule.kind is tuple:  # a list of choices is wrong when not a list, with another item, or twice
        twice = st.sampled_from(rule.choices).map(lambda day: [day, day])
        return st.one_of(
            st.text(max_size=8), st.integers(), st.lists(st.integers(), min_size=1, max_size=2), twice
        )
    return st.one_of(
        st.text(max_size=12).filter(lambda text: text not in rule.choices), st.integers(), others
    )


def write(tmp_path: Path, document: dict[str, object]) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    return path


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(RULES), st.data())
def test_a_wrong_value_is_refused_by_key_value_and_range_and_the_rest_applies(
    tmp_path: Path, rule: Rule, data: st.DataObject
) -> None:
    value = data.draw(wrong_value(rule))
    other = next(each for each in RULES if each.section != rule.section and each.kind is int)
    other_value = data.draw(valid_setting(other))
    path = write(tmp_path, {rule.section: {rule.key: value}, other.section: {other.key: other_value}})
    loaded = load_settings(path, KNOWN)
    (problem,) = loaded.problems
    said = re.sub(rf"^{re.escape(str(path))}:\d+: ", "", problem)
    assert said.startswith(f"[{rule.section}] {rule.key} = {show(value)} is not allowed; use {rule.allowed}")
    assert getattr(loaded.settings, rule.attr) == rule.default
    assert getattr(loaded.settings, other.attr) == other_value


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(RULES), st.data())
def test_an_allowed_value_applies_without_a_word(tmp_path: Path, rule: Rule, data: st.DataObject) -> None:
    value = data.draw(valid_setting(rule))
    loaded = load_settings(write(tmp_path, {rule.section: {rule.key: value}}), KNOWN)
    assert loaded.problems == []
    assert getattr(loaded.settings, rule.attr) == value


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(EXERCISE_RULES), st.sampled_from(sorted(KNOWN)), st.data())
def test_a_wrong_dose_names_its_exercise_and_keeps_the_catalogs(
    tmp_path: Path, rule: Rule, exercise_id: str, data: st.DataObject
) -> None:
    value = data.draw(wrong_value(rule))
    path = write(tmp_path, {"exercises": {exercise_id: {rule.key: value}}})
    loaded = load_settings(path, KNOWN)
    (problem,) = loaded.problems
    assert (
        f"[exercises.{exercise_id}] {rule.key} = {show(value)} is not allowed; use {rule.allowed}" in problem
    )
    assert exercise_id not in loaded.settings.exercises


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from([rule.section for rule in RULES]), st.from_regex(r"\Aq[xz]{6,9}\Z"), st.integers())
def test_an_unknown_key_unlike_any_setting_is_kept_without_a_word(
    tmp_path: Path, section: str, key: str, value: int
) -> None:
    path = write(tmp_path, {section: {key: value}})
    loaded = load_settings(path, KNOWN)
    assert loaded.problems == [] and loaded.settings == Settings()
    assert tomllib.loads(path.read_text(encoding="utf-8"))[section][key] == value


def test_a_bool_is_never_a_whole_number_and_a_number_never_a_bool(tmp_path: Path) -> None:
    path = write(tmp_path, {"timing": {"rest_seconds": True}, "cues": {"voice": 1}})
    assert [problem.split(": ", 1)[1] for problem in load_settings(path).problems] == [
        "[timing] rest_seconds = true is not allowed; use a whole number from 0 to 120",
        "[cues] voice = 1 is not allowed; use true or false",
    ]


def test_settings_and_the_catalog_refuse_a_wrong_number_in_the_same_words(
    tmp_path: Path, catalog: Catalog
) -> None:
    exercises = tmp_path / "exercises.toml"
    exercises.write_text(GOOD_EXERCISE.replace("reps = 6", "reps = true"), encoding="utf-8")
    (from_catalog,) = read_catalog_file(exercises, catalog.exercises, catalog.routines, catalog).problems
    (from_settings,) = load_settings(write(tmp_path, {"timing": {"reps": True}})).problems
    refusal = "reps = true is not allowed; use a whole number from 1 to 50"
    assert str(from_catalog) == f'{exercises}:9: exercises "wall-slide": {refusal}'
    assert from_settings == f"{tmp_path / 'settings.toml'}:2: [timing] {refusal}"
