"""A countdown in large block figures: five rows of dots, each dot scale rows tall (three rows in all
in a small terminal, where two rows of dots share a line)."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
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
    """Scale 2 doubles every dot; scale 0 packs two rows of dots into one line with half blocks."""
    rows = dot_rows(text)
    if scale == 0:
        rows.append("." * len(rows[0]))
        pairs = zip(rows[::2], rows[1::2], strict=True)
        return "\n".join(
            "".join(HALF_BLOCKS[(a == "#", b == "#")] * 2 for a, b in zip(top, bottom, strict=True))
            for top, bottom in pairs
        )
    width = 2 * scale
    lines = ["".join(("█" if dot == "#" else " ") * width for dot in row) for row in rows]
    return "\n".join(line for line in lines for _ in range(scale))


class BigNumber(Widget):
    DEFAULT_CSS = """
    BigNumber {
        width: auto;
        height: auto;
    }
    """

    # A new layout only when the figure's width changes (10 -> 9), not at every second: a layout of
    # the whole screen each second was most of a hold's CPU.
    value: reactive[str] = reactive("")
    scale: reactive[int] = reactive(1, layout=True)

    def watch_value(self, old: str, new: str) -> None:
        if len(dot_rows(old)[0]) != len(dot_rows(new)[0]):
            self.refresh(layout=True)

    def render(self) -> Text:
        # A Text keeps each line's leading spaces, which are part of the figures.
        return Text(render_big(self.value, self.scale), no_wrap=True, end="")
