"""config/settings.default.toml and the settings tables of README.md and docs/design.md, made from the
settings' declarations (settings.model) so that a new setting needs no word written anywhere else.

Tests keep the committed files equal to what this module makes; after changing a declaration run
`python -m backcoach.core.tools.settings_docs`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from backcoach.core.kit.paths import shipped_config_dir
from backcoach.core.kit.problems import show
from backcoach.core.settings.declare import Rule, Section
from backcoach.core.settings.model import EXERCISE_RULES, EXERCISES, RULES, Settings

REPOSITORY = Path(__file__).resolve().parents[3]
DOCS_WITH_TABLE = (REPOSITORY / "README.md", REPOSITORY / "docs" / "design.md")
TABLE_START = "<!-- settings table: made by python -m backcoach.core.tools.settings_docs -->"
TABLE_END = "<!-- end of settings table -->"
EXAMPLE_EXERCISE = "knee-to-chest"
COMMENT_COLUMN = 25  # where the comments of the defaults file line up
LISTED_CHOICES = 5  # more choices than this are summed up in the docs table (the schema lists them)

DEFAULTS_HEADER = (
    "# backcoach settings. Every key is optional: a missing key takes the value shown here.",
    "# The settings screen (press s) writes this file; you can also edit it by hand.",
    "# Made from the declarations in backcoach/core/settings/model.py by",
    "# `python -m backcoach.core.tools.settings_docs`: change those, not this file.",
)


def defaults_file() -> str:
    """Every setting in its table with its default (an unset one commented out, with an example)."""
    lines = list(DEFAULTS_HEADER)
    for section, rules in _sections():
        lines.append("")
        if section == EXERCISES:
            lines.append(f"# {section.about[0].upper()}{section.about[1:]}:")
            lines.append(f"# [{section.name}.{EXAMPLE_EXERCISE}]")
            lines += [_default_line(rule, commented=True) for rule in rules]
            continue
        lines.append(f"[{section.name}]")
        lines += [_default_line(rule, commented=rule.default is None) for rule in rules]
    return "\n".join(lines) + "\n"


def _default_line(rule: Rule, commented: bool) -> str:
    value = rule.example if rule.default is None else rule.default
    setting = f"{'# ' if commented else ''}{rule.key} = {show(value)}"
    return f"{setting:<{COMMENT_COLUMN}} # {rule.help}{_range_note(rule)}"


def _range_note(rule: Rule) -> str:
    if rule.kind is int:
        return f" ({rule.low}-{rule.high})"
    if rule.kind is bool:
        return " (true or false)"
    return ""  # a choice's help names its choices


def settings_table() -> str:
    """The docs' table: one row a setting, the table named on the first row of each."""
    rows = [
        "| table | key | allowed | what it does | default |",
        "|---|---|---|---|---|",
    ]
    for section, rules in _sections():
        table = f"`[{section.name}.ID]`" if section == EXERCISES else f"`[{section.name}]`"
        for number, rule in enumerate(rules):
            default = "unset" if rule.default is None else f"`{show(rule.default)}`"
            first = table if number == 0 else ""
            rows.append(f"| {first} | `{rule.key}` | {_allowed(rule)} | {rule.help} | {default} |")
    return "\n".join(rows) + "\n"


def _allowed(rule: Rule) -> str:
    if rule.kind is int:
        return f"{rule.low}-{rule.high}"
    if rule.kind is bool:
        return "true or false"
    named = [f"`{show(choice)}`" for choice in rule.choices]
    if rule.kind is tuple:
        return f"a list of any of {', '.join(named)}, each once at most"
    if len(named) > LISTED_CHOICES:
        return f"{named[0]}, {named[1]} and {len(named) - 2} more"
    return ", ".join(named[:-1]) + f" or {named[-1]}"


def _sections() -> list[tuple[Section, list[Rule]]]:
    """The tables in the order Settings lists its attributes: the doses where `exercises` is."""
    sections: dict[Section, list[Rule]] = {}
    by_attr = {rule.attr: rule for rule in RULES}
    for attribute in dataclasses.fields(Settings):
        if attribute.name == EXERCISES.name:
            sections[EXERCISES] = list(EXERCISE_RULES)
        elif attribute.name in by_attr:
            rule = by_attr[attribute.name]
            sections.setdefault(rule.place, []).append(rule)
    return list(sections.items())


def with_table(document: str) -> str:
    """A markdown document with the text between its table markers replaced by the table."""
    before, start, rest = document.partition(TABLE_START)
    _, end, after = rest.partition(TABLE_END)
    if not (start and end):
        raise ValueError(f"no {TABLE_START} ... {TABLE_END} in the document")
    return f"{before}{TABLE_START}\n{settings_table()}{TABLE_END}{after}"


def generated() -> dict[Path, str]:
    """Each file this module makes, and its text."""
    files = {shipped_config_dir() / "settings.default.toml": defaults_file()}
    for path in DOCS_WITH_TABLE:
        files[path] = with_table(path.read_text(encoding="utf-8"))
    return files


def write_files() -> None:
    for path, text in generated().items():
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_files()
