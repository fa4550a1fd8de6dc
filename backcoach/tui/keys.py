"""Keys are written once, in each screen's BINDINGS: the help overlay and the compact key bars are
built from them. A binding's description is its short label; its tooltip, when set, the help text."""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.style import Style
from textual.visual import VisualType
from textual.widgets import Static

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


NAMED_KEYS = {shown: key for key, shown in SHORT_NAMES.items()} | {"tab": "tab", "backspace": "backspace"}
CHARACTERS = {"space": " ", "question_mark": "?"}


def key_of(shown: str) -> str | None:
    """The key a key bar's label names ("spc" is space, "ctrl+p" itself); None for "1-6" or "↑↓"."""
    if shown in NAMED_KEYS:
        return NAMED_KEYS[shown]
    if len(shown) == 1 or (shown.startswith(("ctrl+", "shift+", "alt+")) and len(shown) > 5):
        return shown
    return None


def clickable(text: str, separator: str) -> Content:
    """A key bar whose entries can be clicked: each entry's span carries the key it names, which the
    click reads from the style under the mouse (no markup, so labels from user data stay as written)."""
    content = Content(text)
    start = 0
    for entry in text.split(separator):
        shown, _, _ = entry.partition(" ")
        offset = start
        for index, part in enumerate(shown.split("/")):  # "n/esc no": esc alone, the rest is n's
            key = key_of(part)
            end = start + len(entry) if index == 0 else offset + len(part)
            if key is not None:
                content = content.stylize(Style.from_meta({"key": key}), offset, end)
            offset += len(part) + 1
        start += len(entry) + len(separator)
    return content


class KeyLine(Static):
    """A one-line key bar that can be clicked or tapped: a click on "n skip" presses n."""

    def __init__(
        self, text: str = "", separator: str = " · ", *, id: str | None = None, classes: str | None = None
    ) -> None:
        self.separator = separator
        super().__init__(clickable(text, separator), id=id, classes=classes)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        shown = clickable(content, self.separator) if isinstance(content, str) else content
        super().update(shown, layout=layout)

    def on_click(self, event: events.Click) -> None:
        key = event.style.meta.get("key")
        if isinstance(key, str):
            event.stop()
            self.app.post_message(events.Key(key, CHARACTERS.get(key, key if len(key) == 1 else None)))
