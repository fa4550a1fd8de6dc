"""Writes docs/drawing-leg-raise.svg: the two key frames of one exercise's drawing, for the README.

Run: .venv/bin/python docs/make_drawing_svg.py
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from backcoach.core.catalog.drawings import load_drawings

EXERCISE = "leg-raise"
DOT = 8  # pixels per dot: the dots are square, as half blocks in a terminal draw them
INK = {"#": "#e0e0e0", "+": "#ffa62b"}


def main() -> None:
    drawing = load_drawings().exercises[EXERCISE]
    frames = [("start", drawing.start), ("end", drawing.end)]
    picture = drawing.picture("start", "normal")
    width, height = len(picture[0]) * DOT, len(picture) * DOT
    gap, caption = 24, 28
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width + 2 * gap + 260}" '
        f'height="{2 * (height + caption) + 3 * gap}" font-family="monospace" font-size="13">',
        '<rect width="100%" height="100%" fill="#121212"/>',
    ]
    for number, (which, frame) in enumerate(frames):
        left, top = gap, gap + number * (height + caption + gap)
        for row, dots in enumerate(drawing.picture(which, "normal")):
            for col, dot in enumerate(dots):
                if dot in INK:
                    parts.append(
                        f'<rect x="{left + col * DOT}" y="{top + row * DOT}" width="{DOT}" height="{DOT}" '
                        f'fill="{INK[dot]}"/>'
                    )
        label = escape(f"{which}: {frame.caption}")
        parts.append(f'<text x="{left}" y="{top + height + 20}" fill="#a0a0a0">{label}</text>')
    parts.append("</svg>")
    path = Path(__file__).resolve().parent / f"drawing-{EXERCISE}.svg"
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
