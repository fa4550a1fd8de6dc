"""How a setting is declared: on the dataclass attribute the code reads, in one call to `setting()`.

    stop_at: int = setting(PAIN, 6, range=(3, 8), label="Stop an exercise at this rating (RED)",
                           help="a rating at or above this is red: stop that exercise")

The loader, the settings screen, the defaults file, the JSON Schema and the docs table all read the
Rules `declared_rules()` makes of these, so a setting cannot be half declared: label and help are
required arguments.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, TypeVar

from backcoach.core.kit.fields import Field

T = TypeVar("T")
_DECLARATION = "backcoach.setting"  # the key of a dataclass field's metadata holding its declaration


@dataclass(frozen=True)
class Section:
    """A table of settings.toml: [name], shown on the settings screen under its title."""

    name: str
    title: str
    about: str = ""  # what the table is for, when its name does not say


@dataclass(frozen=True)
class _Declared:
    """What setting() was told; the attribute's name is only known once the dataclass is made."""

    section: Section
    label: str
    help: str
    key: str
    range: tuple[int, int] | None
    choices: tuple[str, ...]
    hint: str
    column: str
    example: object
    on_screen: bool


def setting(
    section: Section,
    default: T,
    *,
    label: str,
    help: str,
    range: tuple[int, int] | None = None,
    choices: tuple[str, ...] = (),
    key: str = "",
    hint: str = "",
    column: str = "",
    example: object = None,
    on_screen: bool = True,
) -> T:
    """A dataclass field that is a setting. The kind follows from what is given: a range makes a whole
    number (a None default: it may be left unset), choices a choice (with a tuple default: a list of
    distinct choices, maybe empty), a bool default true or false.

    key: the name in the file when not the attribute's; hint: what the screen shows beside the field
    (a whole number's range by default); column: its heading in a table of doses; example: a value
    the defaults file shows for a setting unset by default; on_screen: False for a setting the app
    sets itself.
    """
    declared = _Declared(section, label, help, key, range, choices, hint, column, example, on_screen)
    # A dataclasses.Field at run time, typed as its value so that the attribute keeps its own type.
    field: T = dataclasses.field(default=default, metadata={_DECLARATION: declared})
    return field


@dataclass(frozen=True)
class Rule:
    """One declared setting: where it lives in the file, what it may hold, how the screen shows it."""

    place: Section
    field: Field  # the key, the values allowed and the help, checked as the catalog's fields are
    attr: str  # the attribute of the dataclass that holds it
    label: str
    column: str = ""
    example: object = None
    on_screen: bool = True
    own_hint: str = ""

    @property
    def default(self) -> object:
        return self.field.default

    @property
    def section(self) -> str:
        return self.place.name

    @property
    def key(self) -> str:
        return self.field.key

    @property
    def kind(self) -> type:
        return {"flag": bool, "whole": int, "subset": tuple}.get(self.field.kind, str)

    @property
    def low(self) -> int:
        return self.field.low

    @property
    def high(self) -> int:
        return self.field.high

    @property
    def choices(self) -> tuple[str, ...]:
        return self.field.choices

    @property
    def optional(self) -> bool:
        """May be left unset (None): the catalog's dose then applies."""
        return not self.field.required

    @property
    def help(self) -> str:
        return self.field.help

    @property
    def allowed(self) -> str:
        return self.field.allowed

    @property
    def hint(self) -> str:
        """What the settings screen shows beside the field."""
        if self.own_hint or self.field.kind != "whole":
            return self.own_hint
        return f"{self.low}-{self.high}" + (", or blank" if self.optional else "")

    def check(self, value: object, section: str | None = None) -> str | None:
        """None when value is allowed, else what is wrong with it, naming the key in its table."""
        findings = self.field.check(value)
        return f"[{section or self.section}] {findings[0].message}" if findings else None


def declared_rules(cls: type[Any]) -> tuple[Rule, ...]:
    """The Rules of a dataclass's settings, in the order its attributes are written."""
    rules = []
    for attribute in dataclasses.fields(cls):
        declared: _Declared | None = attribute.metadata.get(_DECLARATION)
        if declared is not None:
            rules.append(_rule(attribute.name, attribute.default, declared))
    return tuple(rules)


def _rule(attr: str, default: object, declared: _Declared) -> Rule:
    key = declared.key or attr
    if declared.range is not None:
        low, high = declared.range
        field = Field(key, "whole", declared.help, required=default is not None, low=low, high=high)
    elif declared.choices and isinstance(default, tuple):
        field = Field(key, "subset", declared.help, choices=declared.choices)
    elif declared.choices:
        field = Field(key, "choice", declared.help, choices=declared.choices)
    elif isinstance(default, bool):
        field = Field(key, "flag", declared.help)
    else:
        raise TypeError(f"setting {attr}: give a range, choices or a bool default")
    field = dataclasses.replace(field, default=default)
    return Rule(
        declared.section,
        field,
        attr,
        declared.label,
        column=declared.column,
        example=declared.example,
        on_screen=declared.on_screen,
        own_hint=declared.hint,
    )
