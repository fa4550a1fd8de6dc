"""The WCAG contrast of what a screen draws, read from Textual's own rendering of it.

Each text segment's colour against its background, as the terminal would show it: reverse swaps the
two, and dim (which Textual leaves to the terminal) is taken as halfway to the background, as
Textual's DimFilter draws it. The app's line filters (NO_COLOR's monochrome, ANSI to truecolour) are
already in the strips the compositor renders.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.color import Color
from textual.app import App

AA = 4.5  # WCAG 2 level AA for ordinary text
RGB = tuple[int, int, int]
# Box drawing and block elements: the drawings, bars, scrollbars and block capitals are pictures, held
# to WCAG's 3:1 for graphics and large text, not to 4.5:1 for reading (a drawing's two inks are both
# figure); space is in the set so that a run of them with gaps counts as a picture too.
GRAPHICS = {chr(code) for code in range(0x2500, 0x25A0)} | {" "}


def luminance(rgb: RGB) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = rgb
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def ratio(foreground: RGB, background: RGB) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@dataclass(frozen=True)
class Seen:
    """One run of text in one style, and its contrast."""

    text: str
    ratio: float
    x: int
    y: int


def seen(app: App[Any]) -> list[Seen]:
    """Every run of visible text on the app's screen (blank runs have nothing to read)."""
    found = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        x = 0
        for segment in strip:
            style, text, x = segment.style, segment.text, x + segment.cell_length
            if not text.strip() or style is None or style.color is None or style.bgcolor is None:
                continue
            if set(text) <= GRAPHICS:
                continue
            foreground, background = style.color, style.bgcolor
            if style.reverse:
                foreground, background = background, foreground
            fg, bg = _rgb(foreground), _rgb(background)
            if style.dim:
                fg = _halfway(fg, bg)
            found.append(Seen(text.strip(), ratio(fg, bg), x - segment.cell_length, y))
    return found


def _halfway(foreground: RGB, background: RGB) -> RGB:
    red, green, blue = (round(b + (f - b) * 0.5) for f, b in zip(foreground, background, strict=True))
    return (red, green, blue)


def _rgb(color: Color) -> RGB:
    """A terminal's own colours (ANSI themes, NO_COLOR in one) as Rich's default terminal draws them."""
    red, green, blue = color.get_truecolor()
    return (red, green, blue)
