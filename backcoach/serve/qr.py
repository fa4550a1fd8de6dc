"""The address as a QR code drawn in text, two rows of modules to a line (half blocks)."""

from __future__ import annotations

BLACK_ON_WHITE = "\x1b[30;47m"
RESET = "\x1b[0m"
# (top dark, bottom dark) -> the character, drawn in the foreground colour
DARK_HALVES = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def qr_lines(text: str, colour: bool) -> list[str]:
    """colour: dark modules in black on a white ground, readable on any terminal's background. Without
    colour the light modules are drawn instead, for the usual light text on a dark background."""
    import segno  # only for `serve --lan`

    code = segno.make(text, error="m")
    rows = [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=2)]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    lines = []
    for top, bottom in zip(rows[::2], rows[1::2], strict=True):
        pairs = zip(top, bottom, strict=True)
        drawn = "".join(DARK_HALVES[pair if colour else (not pair[0], not pair[1])] for pair in pairs)
        lines.append(f"{BLACK_ON_WHITE}{drawn}{RESET}" if colour else drawn)
    return lines
