"""How long the settings screen takes to open with 1,000 exercises of the user's own (the most a user
exercises.toml is read for), against the same press with only the shipped catalog.

Run: .venv/bin/python benchmarks/settings_screen.py [--exercises N]
Budget: well under a second from pressing `s` to the screen drawn and taking keys.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from backcoach.core.catalog.load import load_catalog
from backcoach.core.domain.exercise import Catalog
from backcoach.core.kit.clock import ManualClock
from backcoach.core.settings.model import load_settings
from backcoach.tui.app import BackcoachApp
from backcoach.tui.screens.settings import SettingsScreen
from tests.core.samples import exercise_entry

RUNS = 5


def user_catalog(folder: Path, count: int) -> Catalog:
    path = folder / "exercises.toml"
    path.write_text("".join(exercise_entry(f"mine-{n:04d}", f"My exercise {n}") for n in range(count)))
    return load_catalog(path)


async def time_open(catalog: Catalog, folder: Path) -> float:
    """Seconds from pressing `s` on home to the settings screen's first finished repaint."""
    settings_file = folder / "settings.toml"
    settings_file.write_text("[safety]\nacknowledged = true\n")
    app = BackcoachApp(catalog, load_settings(settings_file, set(catalog.exercises)), clock=ManualClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        began = time.perf_counter()
        await pilot.press("s")
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        drawn = asyncio.Event()
        screen.call_after_refresh(drawn.set)
        await drawn.wait()
        elapsed = time.perf_counter() - began
        await pilot.press("escape")
        return elapsed
    raise AssertionError("unreachable")


def median_ms(catalog: Catalog, folder: Path, runs: int) -> float:
    return statistics.median(asyncio.run(time_open(catalog, folder)) for _ in range(runs)) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--exercises", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        shipped = load_catalog()
        mine = user_catalog(Path(folder), args.exercises)
        median_ms(shipped, Path(folder), 1)  # warm up: imports, CSS
        base = median_ms(shipped, Path(folder), args.runs)
        full = median_ms(mine, Path(folder), args.runs)
    print(f"settings screen open, shipped catalog ({len(shipped.exercises)} exercises): {base:8.1f} ms")
    print(
        f"settings screen open, {len(mine.exercises)} exercises:                 {full:8.1f} ms"
        f"   ratio {full / base:.2f}x"
    )


if __name__ == "__main__":
    main()
