"""What the session screen fits into the terminal: the sizes of the countdown, the phase word, the
drawing and the cue, chosen so the caution is always whole and nothing is cut by the screen's edge.

Pure arithmetic on the rows and columns each part takes, which must match session.tcss (the margins
named in FIXED_ROWS). Every way of fitting is tried; the best that fits wins, in this order: the
drawing (it teaches the movement), two lines of the cue (the setup is read while getting ready), the
countdown's size, the phase word's, a big cue, then the most lines of cue. When nothing fits (a very
long caution in a tiny terminal) the smallest way is used.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from backcoach.core.catalog.drawings import Drawing
from backcoach.tui.sizes import ROOMY_HEIGHT, ROOMY_WIDTH, is_big
from backcoach.tui.widgets.big_letters import columns, rows, wrap_big
from backcoach.tui.widgets.big_number import dot_rows

# Rows that are there whatever is shown. Compact: the title, the time line and the key line. Else
# the title and a blank row above and below it, blank rows above and below the middle, the
# progress bar with a blank row above, the time line and the footer.
FIXED_ROWS = {True: 3, False: 9}
GAP = {True: 1, False: 2}  # columns between the countdown and the drawing
# The phase word's sizes, largest first, as (scale, columns a dot), in a big terminal and elsewhere:
# the countdown's at each scale, then square half-block dots (SWITCH SIDE in 40 columns).
WORD_SIZES = {
    True: ((3, 2), (2, 2), (1, 2), (0, 2), (0, 1)),
    False: ((2, 2), (1, 2), (0, 2), (0, 1)),
}
# The big cue's sizes, largest first, as (scale, columns a dot): letters as the phase word's at 1, then
# half blocks a column a dot (square dots, three rows a line).
CUE_SIZES = ((1, 2), (0, 1))
# Every phase's word is drawn at one size, that of the longest, so the screen holds still between phases.
LONGEST_WORD = "SWITCH SIDE"


@dataclass(frozen=True)
class DrawingSize:
    size: str  # "normal" or "compact"
    scale: int
    columns: int
    rows: int  # the picture's lines and its caption


@dataclass(frozen=True)
class Fit:
    """How the screen is laid out for one view."""

    number_scale: int  # 0: three rows of half blocks
    word_size: tuple[int, int] | None  # the phase word in big letters: scale, columns a dot; None: a line
    drawing: DrawingSize | None  # None: the drawing gives way
    rep: tuple[str, ...]  # the rep line under the countdown, wrapped to its column
    cue: tuple[str, ...]  # the cue's lines of ordinary text (empty when it is drawn big)
    big_cue: tuple[str, ...]  # the cue's lines in big letters
    cue_size: tuple[int, int]  # and their scale and columns a dot
    caution: tuple[str, ...]  # always whole
    verdict: tuple[str, ...]


@lru_cache(maxsize=64)
def fit(
    width: int,
    height: int,
    compact: bool,
    face: str,
    word: str,
    word_text: str,
    rep: str,
    drawings: tuple[DrawingSize, ...],
    cue: str,
    caution: str,
    verdict: str,
    stacked: bool = False,
) -> Fit:
    """face is the widest countdown this step shows; word_text the phase word as a line ("PAUSED
    (space to resume)"); drawings the picture's sizes to try, best first. stacked: a narrow, tall
    screen (a phone) puts the drawing under the countdown, so the countdown may take the width."""
    text_width = max(10, width - (2 if compact else 4))
    big = not compact and is_big(width, height)
    caution_lines = tuple(textwrap.wrap(caution, text_width))
    verdict_lines = () if compact else tuple(textwrap.wrap(verdict, text_width))[:2]
    cue_lines = tuple(textwrap.wrap(cue, text_width))
    face_dots = len(dot_rows(face)[0])
    free = height - FIXED_ROWS[compact] - len(caution_lines) - len(verdict_lines)
    best: tuple[tuple[int, ...], Fit] | None = None
    word_sizes = () if compact else WORD_SIZES[big]
    for drawing, number, word_size, cue_size in product(
        (*drawings, None),
        number_scales(width, height, compact, big, stacked),
        (*word_sizes, None),
        (*CUE_SIZES, None),
    ):
        if word_size is not None and (
            word_size[0] > number or columns(max(word, LONGEST_WORD, key=len), *word_size) > text_width
        ):
            continue
        beside = drawing.columns + GAP[compact] if drawing and not stacked else 0
        middle_width = max(columns(face, number) + beside, drawing.columns if drawing else 0)
        if face_dots and middle_width > text_width:
            continue
        # Under a word in blocks the rep line says the word too: it is read out, copied and searched.
        under = "" if compact else f"{word_text}  ·  {rep}" if word_size is not None else rep
        rep_lines = tuple(textwrap.wrap(under, text_width - middle_width + columns(face, number)))
        timer = (3 if number == 0 else 5 * number) + len(rep_lines)
        drawing_rows = drawing.rows if drawing else 0
        middle = timer + drawing_rows if stacked else max(timer, drawing_rows)
        word_rows = 1 if word_size is None else rows(1, word_size[0])
        room = free - middle - word_rows
        big_lines = tuple(wrap_big(cue, text_width, *cue_size)) if cue_size else ()
        if cue_size and (not big or not big_lines or rows(len(big_lines), cue_size[0]) + 1 > room):
            continue  # (and a blank row under it)
        shown = 0 if cue_size else min(len(cue_lines), room)
        if room < 0 or (cue_lines and not cue_size and shown < 1):
            continue
        rank = (
            -(drawings.index(drawing) if drawing else len(drawings)),
            big_lines != () or shown >= min(2, len(cue_lines)),  # two lines of the cue before a bigger count
            number,
            -(word_sizes.index(word_size) if word_size else len(word_sizes)),
            -(CUE_SIZES.index(cue_size) if cue_size else len(CUE_SIZES)),
            shown,
        )
        if best is None or rank > best[0]:
            cut = () if cue_size else clipped(cue_lines, shown, text_width)
            cue_size = cue_size or (0, 1)
            texts = (rep_lines, cut, big_lines, cue_size, caution_lines, verdict_lines)
            found = Fit(number, word_size, drawing, *texts)
            best = rank, found
    if best is None:  # no way fits: the smallest, still with the whole caution
        cut = clipped(cue_lines, 1, text_width)
        rep_lines = () if compact else tuple(textwrap.wrap(rep, text_width))
        return Fit(0, None, None, rep_lines, cut, (), (0, 1), caution_lines, verdict_lines)
    return best[1]


def drawing_sizes(drawing: Drawing, frame: str, compact: bool, big: bool) -> tuple[DrawingSize, ...]:
    """The sizes the drawing may take here, best first: doubled in a big terminal, else normal, else
    compact (the two frames are as tall as each other)."""
    tries = [("compact", 1)] if compact else [("normal", 2)] * big + [("normal", 1), ("compact", 1)]
    sizes = []
    for size, scale in tries:
        picture = drawing.picture(frame, size)
        lines = (len(picture) * scale + 1) // 2 + 1  # and the caption
        sizes.append(DrawingSize(size, scale, len(picture[0]) * scale, lines))
    return tuple(sizes)


def number_scales(width: int, height: int, compact: bool, big: bool, stacked: bool = False) -> range:
    """The countdown's scales to try, largest first: it takes a third of a big terminal's height, and
    on a phone as much of the width as it can."""
    if stacked:
        return range(max(1, height // 12), -1, -1)
    if compact:
        return range(1, -1, -1)
    if big:
        return range(max(2, math.ceil(height / 15)), 0, -1)
    return range(2 if width >= ROOMY_WIDTH and height >= ROOMY_HEIGHT else 1, 0, -1)


def clipped(lines: tuple[str, ...], kept: int, width: int) -> tuple[str, ...]:
    """The first kept lines, the last ending in "…" when the text goes on."""
    if len(lines) <= kept:
        return lines
    cut = list(lines[: max(1, kept)])
    last = cut[-1]
    cut[-1] = (last if len(last) < width else last[: width - 1].rstrip()) + "…"
    return tuple(cut)
