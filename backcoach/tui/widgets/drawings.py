"""An exercise's drawing on screen: half blocks, the part that moves in the accent colour.

The pictures are data (config/drawings.toml, read by core/drawings.py); this only paints them. It
repaints when the frame or size changes (at a phase change or a resize), never on the countdown's tick.
"""

from __future__ import annotations

from functools import lru_cache

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from backcoach.core.catalog.drawings import Picture, cells

BLOCKS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


@lru_cache(maxsize=32)
def painted(picture: Picture, scale: int, body: Style, moving: Style) -> Text:
    text = Text(no_wrap=True, end="")
    ink = {"#": body, "+": moving}
    for number, line in enumerate(cells(picture, scale)):
        if number:
            text.append("\n")
        for top, bottom in line:
            if top == "." or bottom == "." or top == bottom:
                style = ink.get(top if top != "." else bottom, Style())
                text.append(BLOCKS[top != ".", bottom != "."], style)
            else:  # two inks in one cell: the top as the character, the bottom as its background
                text.append("▀", Style(color=ink[top].color, bgcolor=ink[bottom].color))
    return text


class Figure(Widget):
    """One picture at a whole-number scale."""

    DEFAULT_CSS = """
    Figure {
        width: auto;
        height: auto;
        color: $text;
    }
    Figure > .figure--moving {
        color: $accent;
    }
    """
    COMPONENT_CLASSES = {"figure--moving"}

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.picture: Picture = ()
        self.scale = 1

    def show(self, picture: Picture, scale: int) -> None:
        if (picture, scale) == (self.picture, self.scale):
            return
        resized = not self.picture or len(picture) != len(self.picture) or scale != self.scale
        resized = resized or len(picture[0]) != len(self.picture[0])
        self.picture, self.scale = picture, scale
        self.refresh(layout=resized)

    def render(self) -> Text:
        if not self.picture:
            return Text("")
        body = self.rich_style
        moving = self.get_component_rich_style("figure--moving")
        return painted(self.picture, self.scale, Style(color=body.color), Style(color=moving.color))
