"""Small wording helpers shared by the core's messages and the screens."""

from __future__ import annotations


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


def shown(text: str) -> str:
    """Text safe to put on a terminal: control characters spelled out as \\x1b and the like."""
    return text.translate(_CONTROLS)


def clipped(text: str, limit: int) -> str:
    """At most limit characters, an ellipsis marking a cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
