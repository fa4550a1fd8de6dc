"""A countdown in large block figures: five rows of dots, each dot scale rows tall (three rows in all
in a small terminal, where two rows of dots share a line)."""

from __future__ import annotations

from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

# Each figure is 3 dots wide and 5 tall ("#" is ink); ":" is 1 wide.
FONT = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "-": ("...", "...", "###", "...", "..."),
}
HALF_BLOCKS = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def dot_rows(text: str) -> list[str]:
    """Five rows of dots for the text, one dot of space between figures."""
    figures = [FONT.get(char, FONT["-"]) for char in text]
    return [".".join(figure[row] for figure in figures) for row in range(5)]


def render_big(text: str, scale: int = 1) -> str:
    return render_dots(dot_rows(text), scale)


def render_dots(rows: list[str], scale: int = 1, dot_width: int = 2) -> str:
    """Scale 2 doubles every dot; scale 0 packs two rows of dots into one line with half blocks.
    A dot is dot_width columns wide at scale 1 (two make it square), times the scale."""
    if scale == 0:
        rows = [*rows, "." * len(rows[0])] if len(rows) % 2 else rows
        pairs = zip(rows[::2], rows[1::2], strict=True)
        return "\n".join(
            "".join(HALF_BLOCKS[(a == "#", b == "#")] * dot_width for a, b in zip(top, bottom, strict=True))
            for top, bottom in pairs
        )
    width = dot_width * scale
    lines = ["".join(("█" if dot == "#" else " ") * width for dot in row) for row in rows]
    return "\n".join(line for line in lines for _ in range(scale))


class BigNumber(Widget):
    DEFAULT_CSS = """
    BigNumber {
        width: auto;
        height: auto;
    }
    """

    # The countdown changes every second, so it is drawn cheaply: lines as ready-made strips, and
    # only the columns that changed (18 -> 17 repaints one figure) are refreshed. A new layout only
    # when the width changes (10 -> 9). A whole-screen layout each second was most of a hold's CPU.
    value: reactive[str] = reactive("")
    scale: reactive[int] = reactive(1, layout=True)
    _style = Style()

    def watch_value(self, old: str, new: str) -> None:
        before, after = lines_of(old, self.scale), lines_of(new, self.scale)
        if not before or not after or len(before[0]) != len(after[0]) or len(before) != len(after):
            self.refresh(layout=True)
            return
        changed = [
            x for x in range(len(after[0])) if any(a[x] != b[x] for a, b in zip(before, after, strict=True))
        ]
        if changed:
            self.refresh(Region(changed[0], 0, changed[-1] - changed[0] + 1, len(after)))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        lines = lines_of(self.value, self.scale)
        return len(lines[0]) if lines else 0

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(lines_of(self.value, self.scale))

    def render_lines(self, crop: Region) -> list[Strip]:
        self._style = self.rich_style  # once for all the lines: working it out is most of a line's cost
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        return figure_line(self.value, self.scale, y, self.size.width, self._style)


@lru_cache(maxsize=512)
def figure_line(text: str, scale: int, y: int, width: int, style: Style) -> Strip:
    lines = lines_of(text, scale)
    if y >= len(lines):
        return Strip.blank(width, style)
    return Strip([Segment(lines[y], style)]).extend_cell_length(width, style)


@lru_cache(maxsize=256)
def lines_of(text: str, scale: int) -> tuple[str, ...]:
    return tuple(render_big(text, scale).split("\n")) if text else ()
