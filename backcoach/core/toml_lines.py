"""Line numbers for places in a TOML text, which tomllib does not give.

tomlkit keeps every character of the text, so a place's line is found by marking it (its value
replaced, or a comment put on a table's header line), rendering, and counting the newlines before
the mark: everything before the mark renders exactly as it was written.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from backcoach.core.problems import Finding, Problem, Where


def locate(path: Path, text: str, findings: Iterable[Finding]) -> list[Problem]:
    """Each finding as a Problem with its line (None when the place cannot be found)."""
    return [Problem(path, line_of(text, finding.where), finding.message) for finding in findings]


def line_of(text: str, where: Where) -> int | None:
    """The line where the value at `where` starts, or the header line of the table at `where`."""
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    try:
        document = tomlkit.parse(text)
        return _mark_line(document, where) if where else None
    except (TOMLKitError, LookupError, TypeError, ValueError):
        return None  # a text tomlkit reads differently from tomllib: no line rather than a wrong one


def _mark_line(document: Any, where: Where) -> int | None:
    from tomlkit.items import InlineTable, Table

    mark = _unique_mark(document.as_string())
    parent = document
    for part in where[:-1]:
        parent = parent[part]
    item = parent[where[-1]]
    if isinstance(item, Table) and not isinstance(item, InlineTable):
        if item.is_super_table():  # [a.b] with no [a] header: a's place is its first table's
            first = next(iter(item), None)
            return None if first is None else _mark_line(document, (*where, first))
        item.trivia.comment_ws = " "
        item.trivia.comment = f"# {mark}"
    else:
        parent[where[-1]] = mark
    rendered = document.as_string()
    at = rendered.find(mark)
    return rendered.count("\n", 0, at) + 1 if at >= 0 else None


def _unique_mark(text: str) -> str:
    while True:
        mark = f"line-mark-{secrets.token_hex(8)}"
        if mark not in text:
            return mark
