"""Line numbers for places in a TOML text, which tomllib does not give.

First, one pass over the lines notes where each table header and each key starts (LineIndex): that
answers nearly every place at once, however many there are. A place it cannot answer (a key inside
a multi-line array, say) is found with tomlkit, which keeps every character of the text: the place
is marked (its value replaced, or a comment put on a table's header line), the document rendered,
and the newlines before the mark counted. That renders the whole document per place, so it is kept
for the few places the index misses (at most TOMLKIT_PLACES).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from backcoach.core.kit.problems import Finding, Problem, Where

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
TOMLKIT_PLACES = 50  # each costs a render of the whole document


def locate(path: Path, text: str, findings: Iterable[Finding]) -> list[Problem]:
    """Each finding as a Problem with its line (None when the place cannot be found)."""
    index = LineIndex(text)
    finder = LineFinder(text)
    problems = []
    for finding in findings:
        line = index.line_of(finding.where)
        if line is None and finder.tries < TOMLKIT_PLACES:
            line = finder.line_of(finding.where)
        problems.append(Problem(path, line, finding.message))
    return problems


class LineIndex:
    """Where each header and key starts, from one pass over the lines. A line it cannot read is left
    out (its places go to tomlkit), so it never gives a wrong line, only none."""

    def __init__(self, text: str) -> None:
        self.places: dict[Where, int] = {}
        self.whole_lines: dict[Where, int] = {}  # values on one line: every place inside is there
        table: Where = ()
        arrays: dict[Where, int] = {}  # [[name]] headers seen so far
        closing = ""  # inside a multi-line string: its closing quotes
        for number, line in enumerate(text.splitlines(), start=1):
            if closing:
                closing = "" if closing in line else closing
                continue
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            if stripped.startswith("[["):
                name = _key_path(stripped[2 : stripped.find("]]")]) if "]]" in stripped else None
                if name is None:
                    table = ("",)  # unreadable: no place under it is noted
                    continue
                arrays[name] = arrays.get(name, -1) + 1
                table = (*name, arrays[name])
                self._note(table, number)
            elif stripped.startswith("["):
                name = _key_path(stripped[1 : stripped.find("]")]) if "]" in stripped else None
                table = ("",) if name is None else name
                if name is not None:
                    self._note(name, number)
            else:
                key, value = _split_key_value(stripped)
                name = None if key is None else _key_path(key)
                if name is None or table == ("",):
                    closing = _opened_string(value)
                    continue
                place = (*table, *name)
                self._note(place, number)
                closing = _opened_string(value)
                if _whole_on_line(value):
                    self.whole_lines.setdefault(place, number)

    def _note(self, place: Where, number: int) -> None:
        """The place and each table around it: a table with no header of its own ([a.b] and no [a])
        is where its first table is."""
        for end in range(1, len(place) + 1):
            self.places.setdefault(place[:end], number)

    def line_of(self, where: Where) -> int | None:
        if not where:
            return None
        if where in self.places and not (len(where) > 1 and where[:-1] in self.whole_lines):
            return self.places[where]
        for end in range(len(where) - 1, 0, -1):
            if where[:end] in self.whole_lines:
                return self.whole_lines[where[:end]]
        return None


def _key_path(key: str) -> Where | None:
    """`a."b.c".d` as ("a", "b.c", "d"); None for what this reader does not take (it goes to tomlkit)."""
    parts: list[str | int] = []
    rest = key.strip()
    while rest:
        if rest[0] in "\"'":
            quote = rest[0]
            end = rest.find(quote, 1)
            if end < 0 or (quote == '"' and "\\" in rest[1:end]):
                return None  # escapes: rare in keys, and tomlkit reads them right
            parts.append(rest[1:end])
            rest = rest[end + 1 :].strip()
        else:
            end = rest.find(".")
            bare = (rest if end < 0 else rest[:end]).strip()
            if not _BARE_KEY.fullmatch(bare):
                return None
            parts.append(bare)
            rest = "" if end < 0 else rest[end:]
        if rest.startswith("."):
            rest = rest[1:].strip()
            if not rest:
                return None
        elif rest:
            return None
    return tuple(parts) or None


def _split_key_value(line: str) -> tuple[str | None, str]:
    """The key before the first `=` outside quotes, and the value after it."""
    quote = ""
    for at, ch in enumerate(line):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == "=":
            return line[:at], line[at + 1 :]
    return None, ""


def _opened_string(value: str) -> str:
    """The closing quotes when the value opens a multi-line string it does not close on its line."""
    value = value.strip()
    for quotes in ('"""', "'''"):
        if value.startswith(quotes) and quotes not in value[3:]:
            return quotes
    return ""


def _whole_on_line(value: str) -> bool:
    """An inline table or an array that opens and closes on this line (brackets in strings aside)."""
    value = value.strip()
    if not value.startswith(("{", "[")):
        return False
    depth, quote = 0, ""
    for ch in value:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            break
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
    return depth == 0


class LineFinder:
    """Parses the text once; each place is marked, rendered, and put back as it was."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.document: Any = None
        self.mark = _unique_mark(text)
        self.tries = 0

    def line_of(self, where: Where) -> int | None:
        """The line where the value at `where` starts, or the header line of the table at `where`."""
        import tomlkit

        if not where:
            return None
        self.tries += 1
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
