"""A countdown in large block figures: five rows tall, or three in a small terminal."""

from __future__ import annotations

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


def render_big(text: str, compact: bool = False) -> str:
    """Each dot is two cells wide; compact packs two rows of dots into one line with half blocks."""
    rows = dot_rows(text)
    if not compact:
        return "\n".join("".join("██" if dot == "#" else "  " for dot in row) for row in rows)
    rows.append("." * len(rows[0]))
    lines = []
    for top, bottom in zip(rows[::2], rows[1::2], strict=True):
        lines.append("".join(HALF_BLOCKS[(a == "#", b == "#")] * 2 for a, b in zip(top, bottom, strict=True)))
    return "\n".join(lines)


class BigNumber(Widget):
    DEFAULT_CSS = """
    BigNumber {
        width: auto;
        height: auto;
    }
    """

    value: reactive[str] = reactive("", layout=True)
    compact: reactive[bool] = reactive(False, layout=True)

    def render(self) -> str:
        return render_big(self.value, self.compact)
