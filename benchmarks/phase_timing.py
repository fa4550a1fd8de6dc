"""How late each phase ends after its deadline, with the real monotonic clock in the real app.

Run: .venv/bin/python benchmarks/phase_timing.py
Budget (docs/design.md): a phase ends within 50 ms of its deadline. Drift cannot build up: each deadline
follows the last one, not the moment it was noticed (tests/core prove it over a 30-minute plan).
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
from pathlib import Path

from backcoach.core.catalog.load import load_catalog
from backcoach.core.session.engine import Engine
from backcoach.core.settings.model import load_settings
from backcoach.tui.app import BackcoachApp
from backcoach.tui.screens.rating import RatingScreen
from backcoach.tui.screens.summary import SummaryScreen

BUDGET_MS = 50
lateness: list[float] = []
original_advance = Engine._advance


def timed_advance(self: Engine, at: float) -> list:  # type: ignore[type-arg]
    lateness.append(self.clock.now() - at)  # noticed now; the deadline was at
    return original_advance(self, at)


async def run_session(settings_file: Path) -> None:
    catalog = load_catalog()
    app = BackcoachApp(
        catalog,
        load_settings(settings_file, set(catalog.exercises)),
        history_path=settings_file.with_name("h.sqlite3"),
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")  # the upper-back routine
        while not isinstance(app.screen, SummaryScreen):
            if isinstance(app.screen, RatingScreen):
                await pilot.press("1", "enter")
            await asyncio.sleep(0.05)


def main() -> None:
    Engine._advance = timed_advance  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as folder:
        settings_file = Path(folder) / "settings.toml"
        settings_file.write_text(
            "[timing]\nget_ready_seconds = 1\nrest_seconds = 1\nhold_seconds = 1\nreps = 3\n"
            "[pain]\ncheck_before = false\n[cues]\nbell = false\n[safety]\nacknowledged = true\n"
        )
        asyncio.run(run_session(settings_file))
    late_ms = sorted(value * 1000 for value in lateness)
    print(
        f"{len(late_ms)} phase ends, late by: median {statistics.median(late_ms):.1f} ms, "
        f"95th percentile {late_ms[int(len(late_ms) * 0.95)]:.1f} ms, worst {late_ms[-1]:.1f} ms"
    )
    print(f"worst / budget: {late_ms[-1] / BUDGET_MS:.2f} of {BUDGET_MS} ms")


if __name__ == "__main__":
    main()
