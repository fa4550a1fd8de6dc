"""Changes to settings.toml made in place with tomlkit: only changed keys are touched.

Comments, blank lines, key order, unknown keys and tables, and doses for exercises the app does not
know all stay as they were written, because tomlkit keeps every character it does not change.
"""

from __future__ import annotations

from typing import Any

import tomlkit
from tomlkit.container import Container
from tomlkit.items import Comment, Table
from tomlkit.toml_document import TOMLDocument

from backcoach.core.settings.model import KeyPath, key_name

NEW_FILE_HEADER = (
    "backcoach settings: only what differs from the defaults is written here.",
    "You can edit this file by hand; `backcoach check` finds mistakes in it.",
)


class _NotATable(Exception):
    """A key's section exists in the file but is a value, not a table: the app will not guess."""


def new_document() -> TOMLDocument:
    document = tomlkit.document()
    for line in NEW_FILE_HEADER:
        document.add(tomlkit.comment(line))
    document.add(tomlkit.nl())
    return document


def parse(text: str) -> TOMLDocument:
    """The document to edit. A file of spaces alone gets its newline: tomlkit would start a table
    added to it on the spaces' line (" [timing]")."""
    return tomlkit.parse(text + "\n" if text and not text.strip() and not text.endswith("\n") else text)


def apply_changes(
    document: TOMLDocument,
    changes: dict[KeyPath, object],
    defaults: dict[KeyPath, object],
    added: set[KeyPath],
) -> list[str]:
    """Write each change into the document; returns a notice for each change it could not write.

    A key going back to its default is removed only if this run added it; a key the user wrote keeps
    its line, with the default as its value. None (unset) removes the key. `added` is kept up to date.
    """
    notices = []
    for key, value in changes.items():
        *tables, name = key
        try:
            parent = _find(document, tables)
        except _NotATable:
            notices.append(f"{key_name(key)} was not saved: that part of the file is not a table")
            continue
        present = parent is not None and name in parent
        if value is None or (value == defaults.get(key) and (not present or key in added)):
            if parent is not None and present:
                del parent[name]
                added.discard(key)
                _prune(document, tuple(tables), added)
            continue
        if parent is None:
            parent = _create(document, tables, added)
        if not present:
            added.add(key)
        parent[name] = list(value) if isinstance(value, tuple) else value  # a list of days: a TOML array
    return notices


def _find(document: TOMLDocument, tables: list[str]) -> Any:
    """The table holding a key, or None when it is not in the file yet."""
    container: Any = document
    for name in tables:
        if name not in container:
            return None
        container = container[name]
        if not isinstance(container, dict):
            raise _NotATable(name)
    return container


def _create(document: TOMLDocument, tables: list[str], added: set[KeyPath]) -> Any:
    container: Any = document
    for depth, name in enumerate(tables, start=1):
        if name not in container:
            more_below = depth < len(tables)
            container[name] = tomlkit.table(is_super_table=more_below)
            added.add(tuple(tables[:depth]))
        container = container[name]
    return container


def _prune(document: TOMLDocument, tables: KeyPath, added: set[KeyPath]) -> None:
    """Remove a table left with no keys if it says nothing else: a dose table, or one this run added."""
    while tables:
        parent = _find(document, list(tables[:-1]))
        table = parent[tables[-1]]
        is_dose = len(tables) == 2 and tables[0] == "exercises"
        if len(table) or not (is_dose or tables in added) or _has_comments(table):
            return
        del parent[tables[-1]]
        added.discard(tables)
        tables = tables[:-1]


def _has_comments(table: Any) -> bool:
    if isinstance(table, Table) and table.trivia.comment:
        return True
    body: Container | None = getattr(table, "value", None)
    return isinstance(body, Container) and any(isinstance(item, Comment) for _, item in body.body)
