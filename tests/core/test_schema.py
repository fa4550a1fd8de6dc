"""The JSON Schemas agree with the loaders: the same files pass, the same mistakes are refused."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backcoach.core.catalog.drawings import Drawings, read_drawings_file
from backcoach.core.catalog.file import read_catalog_file
from backcoach.core.catalog.rules import EXERCISE_FIELDS, ROUTINE_FIELDS
from backcoach.core.domain.exercise import Catalog
from backcoach.core.kit.fields import Field
from backcoach.core.kit.paths import shipped_config_dir
from backcoach.core.settings.model import RULES, Rule, load_settings
from backcoach.core.tools.check import file_kind
from backcoach.core.tools.schema import (
    SCHEMA_DIR,
    catalog_schema,
    drawings_schema,
    generated,
    settings_schema,
)
from tests.core.samples import GOOD_EXERCISE, valid_setting

README = Path(__file__).resolve().parents[2] / "README.md"
SETTINGS = jsonschema.Draft7Validator(settings_schema())


def catalog_validator(catalog: Catalog) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(catalog_schema(catalog))


def drawings_validator(catalog: Catalog) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(drawings_schema(catalog))


def test_the_committed_schemas_are_the_generated_ones() -> None:
    for name, text in generated().items():
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == text, (
            f"run: python -m backcoach.core.tools.schema ({name})"
        )
    assert sorted(path.name for path in SCHEMA_DIR.iterdir()) == sorted(generated())


def test_the_schemas_are_valid_draft_7() -> None:
    for text in generated().values():
        jsonschema.Draft7Validator.check_schema(json.loads(text))


def test_every_shipped_file_validates(catalog: Catalog) -> None:
    for path in shipped_config_dir().glob("*.toml"):
        kind = file_kind(path)
        validator = {"catalog": catalog_validator(catalog), "settings": SETTINGS}.get(
            kind
        ) or drawings_validator(catalog)
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        assert list(validator.iter_errors(document)) == [], path


def readme_examples() -> list[str]:
    return re.findall(r"```toml\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)


@pytest.mark.parametrize("number", range(len(readme_examples())))
def test_every_toml_example_in_the_readme_validates_and_loads_clean(
    tmp_path: Path, catalog: Catalog, number: int
) -> None:
    text = readme_examples()[number]
    path = tmp_path / "example.toml"
    path.write_text(text, encoding="utf-8")
    document = tomllib.loads(text)
    if file_kind(path) == "catalog":
        assert list(catalog_validator(catalog).iter_errors(document)) == []
        assert read_catalog_file(path, catalog.exercises, catalog.routines, catalog).problems == []
    elif file_kind(path) == "drawings":
        assert list(drawings_validator(catalog).iter_errors(document)) == []
        drawings = Drawings()
        read_drawings_file(path, drawings)
        assert drawings.problems == []
    else:
        assert list(SETTINGS.iter_errors(document)) == []
        assert load_settings(path, set(catalog.exercises)).problems == []


def test_a_partial_override_needs_a_built_in_id_in_both(tmp_path: Path, catalog: Catalog) -> None:
    validator = catalog_validator(catalog)
    for entry_id, fine in (("pelvic-tilt", True), ("my-own", False)):
        document = {"exercises": [{"id": entry_id, "reps": 10}]}
        assert validator.is_valid(document) is fine
        assert (load_catalog_entry(tmp_path, catalog, document) == []) is fine


# Generated values: what one side refuses, the other refuses too


def bad_setting(rule: Rule) -> st.SearchStrategy[object]:
    others = st.one_of(st.text(max_size=8), st.lists(st.integers(), max_size=2), st.floats(allow_nan=False))
    if rule.kind is bool:
        return st.one_of(st.integers(), others)
    if rule.kind is int:
        outside = st.integers(max_value=rule.low - 1) | st.integers(min_value=rule.high + 1)
        return st.one_of(outside, st.booleans(), others.filter(lambda value: not _integral(value)))
    if rule.kind is tuple:  # not a list, another item, or one twice
        twice = st.sampled_from(rule.choices).map(lambda day: [day, day])
        return st.one_of(st.text(max_size=8), st.integers(), st.lists(st.integers(), min_size=1), twice)
    return st.one_of(
        st.text(max_size=12).filter(lambda text: text not in rule.choices), st.integers(), st.booleans()
    )


def _integral(value: object) -> bool:
    """JSON Schema counts 5.0 as an integer; TOML (and the loader) do not: not a disagreement to test."""
    return isinstance(value, float) and value.is_integer()


@pytest.mark.slow  # a long property run
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(RULES), st.data())
def test_a_setting_the_schema_refuses_the_loader_refuses(
    tmp_path: Path, rule: Rule, data: st.DataObject
) -> None:
    bad = data.draw(st.booleans())
    value = data.draw(bad_setting(rule) if bad else valid_setting(rule))
    document = {rule.section: {rule.key: list(value) if isinstance(value, tuple) else value}}
    path = tmp_path / "settings.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    problems = load_settings(path).problems
    assert SETTINGS.is_valid(document) is not bad
    assert bool(problems) is bad
    if bad:
        assert f"[{rule.section}] {rule.key} = " in problems[0]


GOOD_ENTRY: dict[str, Any] = tomllib.loads(GOOD_EXERCISE)["exercises"][0]
GOOD_ROUTINE: dict[str, Any] = {"id": "desk", "name": "Desk break", "exercises": ["chin-tuck"]}

not_text = st.one_of(st.integers(), st.booleans(), st.lists(st.integers(), max_size=2))
blank = st.sampled_from(["", " ", "\t", "  \u3000"])
bad_cue = st.one_of(
    not_text,
    st.fixed_dictionaries({"text": blank}),
    st.fixed_dictionaries(
        {
            "at": st.text(max_size=8).filter(
                lambda at: at not in ("start", "halfway", "end", "switch", "form")
            ),
            "text": st.just("x"),
        }
    ),
    st.fixed_dictionaries({"at": st.just("start")}),
    st.fixed_dictionaries({"text": st.just("x"), "colour": st.just("red")}),
)
good_cue = st.fixed_dictionaries(
    {"text": st.text(min_size=1, max_size=10).filter(str.strip)},
    optional={"at": st.sampled_from(["start", "halfway", "end", "switch", "form"])},
)


def bad_value(field: Field) -> st.SearchStrategy[object]:
    if field.kind == "id":
        return st.one_of(not_text, st.sampled_from(["Wall Slide", "-x", "x-", "a--b", "a_b", "", "é"]))
    if field.kind == "text":
        return st.one_of(not_text, blank)
    if field.kind == "whole":
        outside = st.integers(max_value=field.low - 1) | st.integers(min_value=field.high + 1)
        fraction = st.floats(allow_nan=False).filter(lambda value: not value.is_integer())
        return st.one_of(outside, st.booleans(), st.text(max_size=4), fraction)
    if field.kind == "choice":
        return st.one_of(st.integers(), st.text(max_size=10).filter(lambda text: text not in field.choices))
    if field.kind == "choices":
        wrong = st.text(max_size=8).filter(lambda text: text not in field.choices)
        return st.one_of(st.just([]), st.text(max_size=5), st.lists(wrong, min_size=1, max_size=2))
    if field.kind == "texts":
        return st.one_of(
            st.just([]), st.text(max_size=5), st.lists(blank | st.integers(), min_size=1, max_size=2)
        )
    if field.kind == "doses":  # a routine's own doses: for chin-tuck, the good routine's one exercise
        wrong_dose: st.SearchStrategy[object] = st.one_of(
            st.just({}),
            st.fixed_dictionaries({"hold": st.integers(1, 10)}),
            st.fixed_dictionaries({"reps": st.integers(max_value=0) | st.integers(min_value=51)}),
            st.fixed_dictionaries({"hold_seconds": st.text(max_size=3)}),
        )
        return st.one_of(not_text, st.fixed_dictionaries({"chin-tuck": wrong_dose | st.integers()}))
    few_or_many = st.lists(good_cue, max_size=field.low - 1) | st.lists(
        good_cue, min_size=field.high + 1, max_size=9
    )
    with_a_bad_one = st.lists(good_cue, min_size=2, max_size=4).flatmap(
        lambda cues: bad_cue.map(lambda cue: [*cues, cue])
    )
    return st.one_of(st.text(max_size=4), few_or_many, with_a_bad_one)


def good_value(field: Field) -> st.SearchStrategy[object]:
    if field.key == "osteoporosis_instead":  # an exercise the catalog has
        return st.sampled_from(["chin-tuck", "bridge", "cat-cow"])
    if field.kind == "id":
        return st.from_regex(r"\A[a-z0-9]{1,5}(-[a-z0-9]{1,4}){0,2}\Z")
    if field.kind == "text":
        return st.text(min_size=1, max_size=20).filter(str.strip)
    if field.kind == "whole":
        return st.integers(field.low, field.high)
    if field.kind == "choice":
        return st.sampled_from(field.choices)
    if field.kind == "choices":
        return st.lists(st.sampled_from(field.choices), min_size=1, max_size=3)
    if field.kind == "texts":
        return st.lists(st.sampled_from(["chin-tuck", "bridge", "cat-cow"]), min_size=1, max_size=3)
    if field.kind == "doses":  # inside chin-tuck's sourced range (15 s, 10 reps)
        dose = st.fixed_dictionaries(
            {}, optional={"hold_seconds": st.integers(1, 15), "reps": st.integers(1, 10)}
        )
        return st.fixed_dictionaries({}, optional={"chin-tuck": dose.filter(bool)})
    return st.lists(good_cue, min_size=field.low, max_size=field.high)


def load_catalog_entry(tmp_path: Path, catalog: Catalog, document: dict[str, Any]) -> list[str]:
    path = tmp_path / "exercises.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    return [
        problem.message
        for problem in read_catalog_file(path, catalog.exercises, catalog.routines, catalog).problems
    ]


@pytest.mark.slow  # a long property run
@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(
        [*(("exercises", f) for f in EXERCISE_FIELDS), *(("routines", f) for f in ROUTINE_FIELDS)]
    ),
    st.data(),
)
def test_an_entry_the_schema_refuses_the_loader_refuses(
    tmp_path: Path, catalog: Catalog, section_and_field: tuple[str, Field], data: st.DataObject
) -> None:
    section, field = section_and_field
    bad = data.draw(st.booleans())
    value = data.draw(bad_value(field) if bad else good_value(field))
    entry = dict(GOOD_ENTRY if section == "exercises" else GOOD_ROUTINE)
    entry[field.key] = value
    document = {section: [entry]}
    problems = load_catalog_entry(tmp_path, catalog, document)
    assert catalog_validator(catalog).is_valid(document) is not bad
    assert bool(problems) is bad, problems
    if bad and field.key != "id":
        assert any(field.key in problem or (field.item and field.item in problem) for problem in problems), (
            problems
        )
