"""The report in a real browser: headless Chromium draws it, and its charts are there in the pixels."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import zlib
from datetime import date
from pathlib import Path

import pytest

from backcoach.core.domain.exercise import Catalog
from backcoach.core.report.svg_chart import PLOT_FILL
from tests.core.test_report import fill_weeks
from tests.e2e.browser import chromium_binary

pytestmark = pytest.mark.slow  # a real browser

WIDTH, HEIGHT = 1000, 2200  # tall enough for the three charts
# Set to a path (docs/report.png) to keep the screenshot: the README shows it.
KEEP_AS = os.environ.get("BACKCOACH_REPORT_SCREENSHOT")


def chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
        "--hide-scrollbars", "--force-device-scale-factor=1", "--force-color-profile=srgb",
    ]  # fmt: skip
    return subprocess.run([binary, *flags, *args], capture_output=True, text=True, timeout=120, check=True)


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and each row's RGB bytes, from an 8-bit RGB or RGBA PNG (what Chromium writes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat = 8, b""
    width = height = channels = 0
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind, body = data[position + 4 : position + 8], data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind_of_filter, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind_of_filter == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind_of_filter == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind_of_filter == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind_of_filter == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        previous = line
        rgb = bytes(line) if channels == 3 else bytes(b for i, b in enumerate(line) if i % 4 != 3)
        rows.append(rgb)
    return width, height, rows


def chart_regions(width: int, rows: list[bytes]) -> list[tuple[int, int, int, int]]:
    """Boxes (left, top, right, bottom) of the charts' plot areas, found by their faint fill."""
    fill = bytes.fromhex(PLOT_FILL.removeprefix("#"))
    marked = []
    for y, row in enumerate(rows):
        xs = [x for x in range(width) if row[3 * x : 3 * x + 3] == fill]
        if len(xs) > 100:  # a plot area spans a hundred pixels and more, between the bars too; text never
            marked.append((y, xs[0], xs[-1]))
    regions: list[list[tuple[int, int, int]]] = []
    for line in marked:
        if regions and line[0] - regions[-1][-1][0] <= 8:  # a grid line or the target line crosses it
            regions[-1].append(line)
        else:
            regions.append([line])
    return [
        (min(x for _, x, _ in region), region[0][0], max(x for _, _, x in region), region[-1][0])
        for region in regions
        if len(region) > 40
    ]


def dark_pixels(rows: list[bytes], box: tuple[int, int, int, int]) -> int:
    left, top, right, bottom = box
    return sum(
        1
        for y in range(top, bottom + 1)
        for x in range(left, right + 1)
        if sum(rows[y][3 * x : 3 * x + 3]) < 3 * 140
    )


def test_the_report_renders_its_charts_in_headless_chromium(tmp_path: Path, catalog: Catalog) -> None:
    binary = chromium_binary()
    data = tmp_path / "data"
    fill_weeks(data / "history.sqlite3", catalog, date.today())
    report = tmp_path / "report.html"
    backcoach = Path(sys.executable).parent / "backcoach"
    environment = {**os.environ, "BACKCOACH_DATA_DIR": str(data), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    subprocess.run([str(backcoach), "report", "--out", str(report)], env=environment, check=True)

    dom = chromium(binary, tmp_path / "profile-dom", "--dump-dom", report.as_uri()).stdout
    assert dom.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 3
    assert "<polyline" in dom and "Sessions per week" in dom and "first mean + 2 = 5" in dom

    screenshot = tmp_path / "report.png"
    chromium(
        binary, tmp_path / "profile-shot", f"--screenshot={screenshot}", f"--window-size={WIDTH},{HEIGHT}",
        report.as_uri(),
    )  # fmt: skip
    width, height, rows = read_png(screenshot)
    assert (width, height) == (WIDTH, HEIGHT)
    regions = chart_regions(width, rows)
    assert len(regions) == 3, regions  # sessions a week, pain week by week, then the PSFS
    for box in regions:
        left, top, right, bottom = box
        assert right - left > 300 and bottom - top > 80, box
        assert dark_pixels(rows, box) > 1500, box  # bars, the target line, lines and markers were drawn
    # The PSFS chart's 2-point line: a dashed line straight across, dark over more than half a row.
    left, top, right, bottom = regions[2]
    across = [
        sum(1 for x in range(left, right + 1) if sum(rows[y][3 * x : 3 * x + 3]) < 3 * 140)
        for y in range(top, bottom)
    ]
    assert max(across) > (right - left) // 2, max(across)
    if KEEP_AS:
        shutil.copyfile(screenshot, KEEP_AS)
