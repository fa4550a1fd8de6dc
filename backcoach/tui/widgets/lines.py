"""One-line widgets that change every second without asking for a new layout (a Static's update
does ask, which costs a layout of the whole screen each second: see the CPU budget in docs/design.md)."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


class Line(Widget):
    """A line of text, cut short with an ellipsis when narrow; always one row tall."""

    DEFAULT_CSS = """
    Line {
        height: 1;
        width: 1fr;
    }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = ""
        self._style = Style()

    def show(self, text: str) -> None:
        if text != self.text:
            self.text = text
            self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._style = self.rich_style  # once a paint, not per line
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        text = self.text if y == 0 else ""
        if len(text) > width:
            text = text[: max(0, width - 1)].rstrip() + "…"
        return Strip([Segment(text, self._style)]).extend_cell_length(width, self._style)


class Progress(Widget):
    """The session's progress as a bar: repainted only when a cell fills, not every second."""

    DEFAULT_CSS = """
    Progress {
        height: 1;
        width: 1fr;
        color: $accent;
    }
    Progress > .progress--rest {
        color: $surface-lighten-2;
    }
    """
    COMPONENT_CLASSES = {"progress--rest"}

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.fraction = 0.0
        self._filled = -1

    def show(self, fraction: float) -> None:
        self.fraction = min(1.0, max(0.0, fraction))
        filled = int(self.fraction * self.size.width)
        if filled != self._filled:
            self._filled = filled
            self.refresh()

    def on_resize(self) -> None:
        self._filled = -1
        self.show(self.fraction)

    def render(self) -> Text:
        width = self.size.width
        filled = int(self.fraction * width)
        text = Text("━" * filled, end="", no_wrap=True)
        text.append("━" * (width - filled), self.get_component_rich_style("progress--rest"))
        return text
