"""Words in large block capitals, at the countdown's scale: the phase word, and the cue in a big
terminal, read from the floor. Text with a character the font lacks stays ordinary text."""

from __future__ import annotations

from rich.text import Text
from textual.app import RenderResult
from textual.widgets import Static

from backcoach.tui.widgets.big_number import FONT, render_dots

# Capitals 3 dots wide and 5 tall, as the figures ("#" is ink); M, N and W need more to stay legible.
LETTERS: dict[str, tuple[str, ...]] = {
    **FONT,
    "A": (".#.", "#.#", "###", "#.#", "#.#"),
    "B": ("##.", "#.#", "##.", "#.#", "##."),
    "C": (".##", "#..", "#..", "#..", ".##"),
    "D": ("##.", "#.#", "#.#", "#.#", "##."),
    "E": ("###", "#..", "##.", "#..", "###"),
    "F": ("###", "#..", "##.", "#..", "#.."),
    "G": (".##", "#..", "#.#", "#.#", ".##"),
    "H": ("#.#", "#.#", "###", "#.#", "#.#"),
    "I": ("#", "#", "#", "#", "#"),
    "J": ("..#", "..#", "..#", "#.#", ".#."),
    "K": ("#.#", "#.#", "##.", "#.#", "#.#"),
    "L": ("#..", "#..", "#..", "#..", "###"),
    "M": ("#...#", "##.##", "#.#.#", "#...#", "#...#"),
    "N": ("#..#", "##.#", "#.##", "#..#", "#..#"),
    "O": (".#.", "#.#", "#.#", "#.#", ".#."),
    "P": ("##.", "#.#", "##.", "#..", "#.."),
    "Q": (".#.", "#.#", "#.#", "##.", ".##"),
    "R": ("##.", "#.#", "##.", "#.#", "#.#"),
    "S": (".##", "#..", ".#.", "..#", "##."),
    "T": ("###", ".#.", ".#.", ".#.", ".#."),
    "U": ("#.#", "#.#", "#.#", "#.#", "###"),
    "V": ("#.#", "#.#", "#.#", "#.#", ".#."),
    "W": ("#...#", "#...#", "#.#.#", "##.##", "#...#"),
    "X": ("#.#", "#.#", ".#.", "#.#", "#.#"),
    "Y": ("#.#", "#.#", ".#.", ".#.", ".#."),
    "Z": ("###", "..#", ".#.", "#..", "###"),
    " ": ("..", "..", "..", "..", ".."),
    ".": (".", ".", ".", ".", "#"),
    ",": ("..", "..", "..", ".#", "#."),
    ";": ("..", ".#", "..", ".#", "#."),
    "'": ("#", "#", ".", ".", "."),
    "!": ("#", "#", "#", ".", "#"),
    "?": ("###", "..#", ".#.", "...", ".#."),
    "(": (".#", "#.", "#.", "#.", ".#"),
    ")": ("#.", ".#", ".#", ".#", "#."),
    "/": ("..#", "..#", ".#.", "#..", "#.."),
}


def drawable(text: str) -> bool:
    return bool(text) and all(char in LETTERS for char in text.upper())


def letter_rows(text: str) -> list[str]:
    """Five rows of dots for the text in capitals, one dot of space between letters."""
    glyphs = [LETTERS[char] for char in text.upper()]
    return [".".join(glyph[row] for glyph in glyphs) for row in range(5)]


def dots_wide(text: str) -> int:
    return len(letter_rows(text)[0]) if text else 0


def columns(text: str, scale: int, dot_width: int = 2) -> int:
    return dots_wide(text) * dot_width * max(1, scale)


def rows(lines: int, scale: int) -> int:
    """Terminal rows for lines of big letters with a blank row between them."""
    return lines * (3 if scale == 0 else 5 * scale) + lines - 1 if lines else 0


def wrap_big(text: str, width: int, scale: int, dot_width: int = 2) -> list[str]:
    """The text as lines of big letters no wider than width columns, broken between words; empty
    when a word alone is too wide or a character cannot be drawn."""
    if not drawable(text):
        return []
    lines: list[str] = []
    for word in text.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and columns(joined, scale, dot_width) <= width:
            lines[-1] = joined
        elif columns(word, scale, dot_width) <= width:
            lines.append(word)
        else:
            return []
    return lines


class BigText(Static):
    """Text that is drawn in big letters when given lines to draw, else as itself. Its content stays
    the text, so what it says can always be read back (by tests, and in the terminal's words)."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)  # words from the catalog, never markup
        self.text = ""
        self.big: tuple[str, ...] = ()
        self.scale = 0
        self.dot_width = 2

    def show(self, text: str, big: tuple[str, ...] = (), scale: int = 0, dot_width: int = 2) -> None:
        if (text, big, scale, dot_width) == (self.text, self.big, self.scale, self.dot_width):
            return
        self.text, self.big, self.scale, self.dot_width = text, big, scale, dot_width
        self.set_class(bool(big), "big")
        self.clear_cached_dimensions()
        self.update(text)

    def render(self) -> RenderResult:
        if not self.big:
            return super().render()
        drawn = [render_dots(letter_rows(line), self.scale, self.dot_width) for line in self.big]
        return Text("\n\n".join(drawn), no_wrap=True, end="")
