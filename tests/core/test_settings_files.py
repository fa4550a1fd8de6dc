"""Settings files: never raise on any input, never lose a file, survive a kill mid-save."""

from __future__ import annotations

import os
import random
import re
import signal
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backcoach.core.settings.model import RULES, Loaded, Rule, Settings, load_settings
from backcoach.core.settings.save import save_settings
from tests.core.samples import changed, valid_setting

KNOWN = {"pelvic-tilt", "bridge", "crunch"}
SECTIONS = sorted({rule.section for rule in RULES} | {"exercises"})
KEYS = sorted({rule.key for rule in RULES} | {"theme", "hold_seconds", "reps"})

scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.dates(),
    st.sampled_from([0, 1, 5, 8, 50, 120, 600, 601, -1, "textual-dark", "nord", ""]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
keys = st.one_of(st.sampled_from(KEYS), st.text(min_size=1, max_size=8))
tables = st.dictionaries(keys, values, max_size=5)
exercise_tables = st.dictionaries(
    st.one_of(st.sampled_from([*sorted(KNOWN), "moonwalk"]), st.text(min_size=1, max_size=6)),
    st.one_of(tables, values),
    max_size=3,
)
documents = st.fixed_dictionaries(
    {},
    optional={
        **{section: st.one_of(tables, values) for section in SECTIONS if section != "exercises"},
        "exercises": st.one_of(exercise_tables, values),
        "ünïcødé": tables,
    },
)
# Every refusal names what it refuses: a [table] key, or a table, or the file's own syntax.
TABLE = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*")'
NAMED = re.compile(
    rf"^\[(?:{TABLE}|exercises\.{TABLE})\] \S+ = |^\[exercises\.{TABLE}\] names no exercise"
    rf"|^\[(?:{TABLE}|exercises\.{TABLE})\] {TABLE} is not a setting \(did you mean "
    rf"|^{TABLE} must be a \[|^exercises\.{TABLE} must be a table|^not valid TOML|^not UTF-8|^cannot be read"
)


def check_problems(loaded: Loaded, path: Path) -> None:
    """Every problem starts FILE:LINE: (or FILE: for a file that cannot be read) and names its key."""
    for problem in loaded.problems:
        where = re.match(rf"^{re.escape(str(path))}(:\d+)?: ", problem)
        assert where, problem
        assert NAMED.match(problem[where.end() :]), problem


@pytest.mark.slow  # a long property run
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents)
def test_the_loader_never_raises_and_every_refusal_names_the_key(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    loaded = load_settings(path, KNOWN)
    assert isinstance(loaded.settings, Settings) and not loaded.broken
    check_problems(loaded, path)
    for rule in RULES:  # a bad value for a known key is always reported by that key
        section = document.get(rule.section)
        if isinstance(section, dict) and rule.key in section and rule.check(section[rule.key]):
            assert any(f"[{rule.section}] {rule.key} =" in problem for problem in loaded.problems)


@pytest.mark.slow  # a long property run
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_any_bytes_at_all_never_raise(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(data)
    loaded = load_settings(path, KNOWN)
    check_problems(loaded, path)
    if loaded.broken:
        assert loaded.settings == Settings()


def test_a_broken_file_is_moved_aside_on_the_first_save_with_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    original = b"[timing]\nrest_seconds = = 4\n# my notes\n"
    path.write_bytes(original)
    loaded = load_settings(path, KNOWN)
    assert loaded.broken and "line 2" in loaded.problems[0]
    assert path.read_bytes() == original  # loading alone never touches it
    notices = save_settings(loaded, Settings(safety_acknowledged=True)).notices
    (aside,) = tmp_path.glob("settings.toml.broken-*")
    assert aside.read_bytes() == original
    assert notices == (f"Your unreadable settings file was kept as {aside}",)
    assert tomllib.loads(path.read_text())["safety"]["acknowledged"] is True
    assert save_settings(loaded, Settings()).notices == ()  # only once


def test_unknown_keys_and_tables_survive_a_save(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        '[timing]\nrest_seconds = 9\nfuture = [1, 2]\n[plugins.x]\ny = "z"\n[exercises.bridge]\nmemo = "hi"\n'
    )
    loaded = load_settings(path, KNOWN)
    save_settings(loaded, loaded.settings.with_dose("crunch", 7, None))
    saved = tomllib.loads(path.read_text())
    assert saved["timing"]["future"] == [1, 2] and saved["timing"]["rest_seconds"] == 9
    assert saved["plugins"] == {"x": {"y": "z"}}
    assert saved["exercises"] == {"bridge": {"memo": "hi"}, "crunch": {"hold_seconds": 7}}
    assert load_settings(path, KNOWN).settings == loaded.settings


def test_killed_mid_save_the_file_is_always_the_old_or_the_new(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    old, new = Settings(rest_seconds=1), Settings(rest_seconds=2, theme="nord")
    contents = set()
    for _ in range(3):  # the texts a run of saves settles into
        for value in (old, new):
            save_settings(load_settings(path), value)
            contents.add(path.read_bytes())
    chance = random.Random(11)
    for _ in range(300):
        child = os.fork()
        if child == 0:  # the child saves old and new in turn until it is killed
            try:
                while True:
                    for value in (old, new):
                        save_settings(load_settings(path), value)
            finally:
                os._exit(0)
        for _ in range(chance.randrange(0, 3000)):
            pass  # let it run a moment: the kill lands anywhere in a save
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        data = path.read_bytes()
        assert data in contents
        assert tomllib.loads(data.decode())["timing"]["rest_seconds"] in (1, 2)
    save_settings(load_settings(path), old)
    assert list(tmp_path.glob(".settings.toml.*.tmp")) == []  # what the killed saves left is cleared


@pytest.mark.slow  # a long property run
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents, st.sampled_from(RULES), st.data())
def test_saving_over_any_file_keeps_what_it_does_not_change_or_says_why_not(
    tmp_path: Path, document: dict[str, Any], rule: Rule, data: st.DataObject
) -> None:
    """Whatever the file holds, a save either writes a file that loads back to the saved settings with
    every other value as it was, or raises OSError (the app says so) and leaves the file alone."""
    path = tmp_path / "settings.toml"
    text = tomli_w.dumps(document)
    path.write_text(text, encoding="utf-8")
    loaded = load_settings(path, KNOWN)
    value = data.draw(valid_setting(rule))
    try:
        result = save_settings(loaded, replace(loaded.settings, **changed(rule, value)))
    except OSError:
        assert path.read_text(encoding="utf-8") == text
        return
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    not_saved = any("was not saved" in notice for notice in result.notices)
    if not not_saved:
        assert load_settings(path, KNOWN).settings == loaded.settings
    for section, table in document.items():  # everything else as it was
        if section == rule.section and isinstance(table, dict):
            assert {k: v for k, v in saved[section].items() if k != rule.key} == {
                k: v for k, v in table.items() if k != rule.key
            }
        elif section != rule.section:
            assert saved[section] == table
