"""Keys are written once, in each screen's BINDINGS: the help overlay and the compact key bars are
built from them. A binding's description is its short label; its tooltip, when set, the help text."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingType

SHORT_NAMES = {
    "space": "spc",
    "escape": "esc",
    "enter": "enter",
    "question_mark": "?",
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
    "ctrl+s": "ctrl+s",
}


def key_name(key: str) -> str:
    return SHORT_NAMES.get(key, key)


def described(bindings: Iterable[BindingType]) -> list[tuple[str, Binding]]:
    """(keys, binding) for each description; the keys that share one ("enter,escape") joined by /."""
    merged: dict[str, list[str]] = {}
    first: dict[str, Binding] = {}
    for binding in Binding.make_bindings(bindings):
        if not binding.description:
            continue
        identity = binding.description  # left and right "Adjust" show as one entry: ←/→
        merged.setdefault(identity, []).append(binding.key_display or key_name(binding.key))
        first.setdefault(identity, binding)
    return [("/".join(merged[identity]), first[identity]) for identity in merged]


def help_lines(bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    """(keys, meaning) for the help overlay: the tooltip where there is one, else the label."""
    return [(keys, binding.tooltip or binding.description.lower()) for keys, binding in described(bindings)]


def key_bar(bindings: Iterable[BindingType], separator: str = " · ") -> str:
    """A one-line bar of the shown keys, for screens too small for a footer: "spc pause · n skip"."""
    return separator.join(
        f"{keys} {binding.description.lower()}" for keys, binding in described(bindings) if binding.show
    )
