"""Small wording helpers shared by the core's messages and the screens."""

from __future__ import annotations

import unicodedata


def plural(count: int, word: str) -> str:
    """'1 session', '2 sessions'."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def mm_ss(seconds: int, template: str = "{m}:{s:02d}") -> str:
    """Whole seconds as minutes and seconds: '1:05', or in the words of template ('{m} min {s:02d} s')."""
    m, s = divmod(seconds, 60)
    return template.format(m=m, s=s)


# C0 and C1 control characters and DEL; a newline and a tab are text. Anything else from a file or the
# history could move the cursor, retitle the terminal or reach the clipboard (OSC 52) if printed.
_CONTROLS = {
    code: f"\\x{code:02x}" for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if code not in (0x09, 0x0A)
}
# Invisible characters that reorder or hide text (bidi overrides and isolates, zero-width spaces and
# joiners, the byte-order mark): spelled out too, so a name reads as it is stored and keeps its columns.
_INVISIBLE = [
    0x061C,
    *range(0x200B, 0x2010),
    *range(0x202A, 0x202F),
    *range(0x2060, 0x2065),
    *range(0x2066, 0x206A),
]
_CONTROLS |= {code: f"\\u{code:04x}" for code in [*_INVISIBLE, 0xFEFF]}


def shown(text: str) -> str:
    """Text safe to put on a terminal: control characters spelled out as \\x1b and the like."""
    return text.translate(_CONTROLS)


def clipped(text: str, limit: int) -> str:
    """At most limit characters, an ellipsis marking a cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def columns(text: str) -> int:
    """The terminal columns text takes: combining marks none, wide (East Asian) characters two."""
    return sum(_columns_of(character) for character in text)


def _columns_of(character: str) -> int:
    if unicodedata.combining(character) or unicodedata.category(character) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


def fit(text: str, width: int, right: bool = False) -> str:
    """Text made safe (shown) and set in exactly width columns: cut with "…" when longer, padded with
    spaces when shorter (on the left when right-aligned). Columns, not characters, so a name with an
    accent or a wide character keeps the columns after it in line."""
    text = shown(text)
    if columns(text) > width:
        kept, used = [], 0
        for character in text:
            if used + _columns_of(character) > width - 1:
                break
            kept.append(character)
            used += _columns_of(character)
        text = "".join(kept) + "…"
    padding = " " * (width - columns(text))
    return padding + text if right else text + padding
