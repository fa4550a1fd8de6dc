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

from backcoach.core.kit.problems import Finding, Problem, Where


def locate(path: Path, text: str, findings: Iterable[Finding]) -> list[Problem]:
    """Each finding as a Problem with its line (None when the place cannot be found)."""
    finder = LineFinder(text)
    return [Problem(path, finder.line_of(finding.where), finding.message) for finding in findings]


class LineFinder:
    """Parses the text once; each place is marked, rendered, and put back as it was."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.document: Any = None
        self.mark = _unique_mark(text)

    def line_of(self, where: Where) -> int | None:
        """The line where the value at `where` starts, or the header line of the table at `where`."""
        import tomlkit

        if not where:
            return None
        try:
            if self.document is None:
                self.document = tomlkit.parse(self.text)
            line = _mark_line(self.document, where, self.mark)
            if self.document.as_string() != self.text:
                self.document = None  # not put back exactly: parse again for the next place
            return line
        except Exception:  # a line is a courtesy: tomlkit failing must never stop a load
            self.document = None
            return None  # a text tomlkit reads differently from tomllib: no line rather than a wrong one


def _mark_line(document: Any, where: Where, mark: str) -> int | None:
    from tomlkit.items import InlineTable, Table

    parent = document
    for part in where[:-1]:
        parent = parent[part]
    item = parent[where[-1]]
    if isinstance(item, Table) and not isinstance(item, InlineTable):
        if item.is_super_table():  # [a.b] with no [a] header: a's place is its first table's
            first = next(iter(item), None)
            return None if first is None else _mark_line(document, (*where, first), mark)
        trivia = item.trivia
        spacing, comment = trivia.comment_ws, trivia.comment
        trivia.comment_ws, trivia.comment = " ", f"# {mark}"
        rendered = document.as_string()
        trivia.comment_ws, trivia.comment = spacing, comment
    else:
        parent[where[-1]] = mark
        rendered = document.as_string()
        parent[where[-1]] = item
    at = rendered.find(mark)
    return rendered.count("\n", 0, at) + 1 if at >= 0 else None


def _unique_mark(text: str) -> str:
    while True:
        mark = f"line-mark-{secrets.token_hex(8)}"
        if mark not in text:
            return mark
