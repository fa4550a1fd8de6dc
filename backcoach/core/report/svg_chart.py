"""Small inline SVG charts for the report: sessions a week as bars against the target, and 0-10
ratings as lines (week by week; the PSFS by the day of each rating, with its 2-point line).

Drawn here rather than with a charting library: the report needs two plain charts, and the libraries
that draw SVG either bring a heavy stack (matplotlib) or emit scripts and styles that load from the
network (pygal's defaults), where the report must print and open offline. These charts read in grey:
series differ by line pattern and marker shape, never by colour alone, and words stand beside them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH = 640
HEIGHT = 200
LEFT, RIGHT, TOP, BOTTOM = 34, 10, 10, 26  # room for the axis labels
PLOT_FILL = "#f5f5f5"  # a faint plot area: visible on paper, and where the browser test looks
INK = "#222"
GRID = "#c8c8c8"


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]  # one a week; None: nothing that week (the line breaks)
    dash: str  # a stroke-dasharray: "" solid, "6 4" dashed, "2 3" dotted
    marker: str  # "circle", "square" or "triangle"


def _frame(label: str, body: list[str], width: int, height: int) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}"'
        f' width="{width}" height="{height}" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>" + "".join(body) + "</svg>"
    )


def _axes(labels: Sequence[str], top: float, ticks: Sequence[float], width: int, height: int) -> list[str]:
    """The plot area, horizontal grid lines with their values, and the week labels underneath."""
    plot_w, plot_h = width - LEFT - RIGHT, height - TOP - BOTTOM
    parts = [f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="{PLOT_FILL}"/>']
    for tick in ticks:
        y = TOP + plot_h * (1 - tick / top)
        parts.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{width - RIGHT}" y2="{y:.1f}" stroke="{GRID}"/>')
        parts.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="{INK}">{tick:g}</text>'
        )
    step = max(1, len(labels) // 8)  # at most about eight labels: they must not overlap
    for index, label in enumerate(labels):
        if index % step:
            continue
        x = _x(index, len(labels), width)
        parts.append(
            f'<text x="{x:.1f}" y="{height - 8}" text-anchor="middle" font-size="11" fill="{INK}">'
            f"{escape(label)}</text>"
        )
    return parts


def _x(index: int, count: int, width: int) -> float:
    """The middle of a week's slot."""
    slot = (width - LEFT - RIGHT) / max(count, 1)
    return LEFT + slot * (index + 0.5)


def _y(value: float, top: float, height: int) -> float:
    return TOP + (height - TOP - BOTTOM) * (1 - value / top)


def bar_chart(
    label: str,
    values: Sequence[int],
    labels: Sequence[str],
    target: int,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> str:
    """Sessions a week as grey bars, the target as a dashed line across."""
    top = max([target + 1, *values])
    ticks = sorted({0, target, top})
    parts = _axes(labels, top, ticks, width, height)
    slot = (width - LEFT - RIGHT) / max(len(values), 1)
    for index, value in enumerate(values):
        if not value:
            continue
        y = _y(value, top, height)
        x = _x(index, len(values), width) - slot * 0.3
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.6:.1f}" height="{height - BOTTOM - y:.1f}"'
            f' fill="#777" stroke="{INK}"/>'
        )
    y = _y(target, top, height)
    parts.append(
        f'<line x1="{LEFT}" y1="{y:.1f}" x2="{width - RIGHT}" y2="{y:.1f}" stroke="{INK}"'
        ' stroke-width="2" stroke-dasharray="8 4"/>'
    )
    return _frame(label, parts, width, height)


def line_chart(
    label: str, series: Sequence[Series], labels: Sequence[str], top: float = 10,
    width: int = WIDTH, height: int = HEIGHT, reference: tuple[float, str] | None = None,
) -> str:  # fmt: skip
    """0-10 ratings a week (or a rating's day): one line per series, broken where one has none.
    reference: a dashed line across at that value, labelled (the PSFS's 2-point line)."""
    parts = _axes(labels, top, (0, 2, 4, 6, 8, 10), width, height)
    if reference is not None:
        at, words = reference
        y = _y(min(at, top), top, height)
        parts.append(
            f'<line class="reference" x1="{LEFT}" y1="{y:.1f}" x2="{width - RIGHT}" y2="{y:.1f}" stroke="{INK}"'
            ' stroke-width="2" stroke-dasharray="8 4"/>'
        )
        parts.append(
            f'<text x="{width - RIGHT - 4}" y="{y - 5:.1f}" text-anchor="end" font-size="11" fill="{INK}">'
            f"{escape(words)}</text>"
        )
    for one in series:
        points = [
            (_x(index, len(one.values), width), _y(value, top, height))
            for index, value in enumerate(one.values)
            if value is not None
        ]
        runs: list[list[tuple[float, float]]] = [[]]
        for index, value in enumerate(one.values):
            if value is None:
                runs.append([])
            else:
                runs[-1].append((_x(index, len(one.values), width), _y(value, top, height)))
        dash = f' stroke-dasharray="{one.dash}"' if one.dash else ""
        for run in runs:
            if len(run) > 1:
                coordinates = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                parts.append(
                    f'<polyline points="{coordinates}" fill="none" stroke="{INK}" stroke-width="2"{dash}/>'
                )
        parts += [marker(one.marker, x, y) for x, y in points]
    return _frame(label, parts, width, height)


def marker(shape: str, x: float, y: float, size: float = 4) -> str:
    """A filled circle, an open square or a filled triangle: told apart without colour."""
    if shape == "square":
        return (
            f'<rect x="{x - size:.1f}" y="{y - size:.1f}" width="{2 * size}" height="{2 * size}"'
            f' fill="#fff" stroke="{INK}" stroke-width="1.5"/>'
        )
    if shape == "triangle":
        corners = (
            f"{x:.1f},{y - size - 1:.1f} {x - size - 1:.1f},{y + size:.1f} {x + size + 1:.1f},{y + size:.1f}"
        )
        return f'<polygon points="{corners}" fill="{INK}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size}" fill="{INK}"/>'


def legend_key(one: Series) -> str:
    """A small drawing of one series' line and marker, for the words beside the chart."""
    dash = f' stroke-dasharray="{one.dash}"' if one.dash else ""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="36" height="12" viewBox="0 0 36 12" aria-hidden="true">'
        f'<line x1="2" y1="6" x2="34" y2="6" stroke="{INK}" stroke-width="2"{dash}/>{marker(one.marker, 18, 6)}'
        "</svg>"
    )
