"""Line numbers for places in a TOML text: the one-pass index agrees with tomlkit wherever it answers,
and a file of thousands of problems is located in well under a second."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from backcoach.core.kit.problems import Finding, Where
from backcoach.core.kit.toml_lines import LineFinder, LineIndex, locate

KEYS = st.sampled_from(["a", "b", "hold_seconds", "x-1", '"quoted key"', "'lit.key'", '"a.b"'])
VALUES = st.sampled_from([
    "1", '"text # not a comment"', "'[not] a table'", "[1, 2]", '["a", "b"]', "{ x = 1, y = [2] }",
    '"""\nmany\n[lines]\n"""', "[\n  1,\n  2,\n]", "true", "1 # a comment",
])  # fmt: skip


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines: list[str] = []
    kinds = draw(st.lists(st.sampled_from(["table", "array", "dotted", "none"]), max_size=4))
    # Arrays of tables last: tomlkit misplaces an [[items]] that comes back after another table.
    for block, kind in enumerate(sorted(kinds, key=lambda kind: kind == "array")):
        if kind == "table":
            lines.append(f"[t{block}.{draw(KEYS)}]")
        elif kind == "array":
            lines.append("[[items]]")
        elif kind == "dotted":
            lines.append(f"[t{block}]")
        lines.append(draw(st.sampled_from(["", "# a comment", "   "])))
        used: set[str] = set()
        for key in draw(st.lists(KEYS, max_size=4)):
            name = f"{key}.inner" if kind == "dotted" else key
            if key.strip("\"'") in used:
                continue
            used.add(key.strip("\"'"))
            lines.append(f"{name} = {draw(VALUES)}")
    return "\n".join(lines) + "\n"


def places(value: Any, where: Where = ()) -> list[Where]:
    """Every place in a parsed document; not an array of tables itself, which tomlkit places at the
    top of the file (the index says its first header, which is better)."""
    tables = isinstance(value, list) and value and all(isinstance(inner, dict) for inner in value)
    found: list[Where] = [where] if where and not tables else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += places(inner, (*where, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += places(inner, (*where, index))
    return found


@settings(max_examples=150, deadline=None)
@given(documents())
def test_the_index_agrees_with_tomlkit_wherever_it_answers(text: str) -> None:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assume(False)  # only valid TOML reaches the line finder
        return
    index, finder = LineIndex(text), LineFinder(text)
    for where in places(document):
        line = index.line_of(where)
        if line is not None:
            assert line == finder.line_of(where), (where, text)


def test_twenty_thousand_problems_are_located_at_once(tmp_path: Path) -> None:
    text = "".join(f"[exercises.x{number}]\nhold_seconds = 5\n" for number in range(20_000))
    findings = [Finding(("exercises", f"x{number}"), "no such exercise") for number in range(20_000)]
    problems = locate(tmp_path / "settings.toml", text, findings)  # tomlkit would take minutes
    assert [problem.line for problem in problems] == list(range(1, 40_000, 2))


def test_a_key_ending_in_a_newline_is_quoted_in_messages() -> None:
    from backcoach.core.kit.problems import toml_key

    assert toml_key("bird-dog") == "bird-dog"
    assert toml_key("0\n") == '"0\\n"'  # found by hypothesis: a bare "0" and a line break in a message
