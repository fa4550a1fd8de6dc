"""Sample entries and value strategies shared by the catalog, settings and schema tests."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from backcoach.core.settings.model import Rule

# An exercise of the user's own. It starts with a blank line: [[exercises]] is line 2, id line 3,
# name 4, regions 5, kind 6, position 7, hold_seconds 8, reps 9, sides 10, setup 11, cues 12,
# caution 13, source 14.
GOOD_EXERCISE = """
[[exercises]]
id = "wall-slide"
name = "Wall slide"
regions = ["upper"]
kind = "strengthen"
position = "standing"
hold_seconds = 5
reps = 6
sides = "none"
setup = "Stand with your back to a wall."
cues = [{ at = "start", text = "Slide up" }, { text = "Keep the back flat" }, { at = "end", text = "Down" }]
caution = "Gently."
source = "Test"
"""


def exercise_entry(entry_id: str, name: str) -> str:
    """GOOD_EXERCISE under another id and name."""
    return GOOD_EXERCISE.replace('"wall-slide"', f'"{entry_id}"').replace("Wall slide", name)


def valid_setting(rule: Rule) -> st.SearchStrategy[object]:
    """Any value a setting allows."""
    if rule.kind is bool:
        return st.booleans()
    if rule.kind is int:
        return st.integers(rule.low, rule.high)
    if rule.kind is tuple:  # a list of distinct choices, maybe none
        return st.lists(st.sampled_from(rule.choices), unique=True).map(tuple)
    return st.sampled_from(rule.choices)


def changed(rule: Rule, value: object) -> dict[str, Any]:
    """One setting, by its attribute name, for dataclasses.replace."""
    return {rule.attr: value}
