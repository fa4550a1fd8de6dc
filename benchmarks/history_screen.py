"""How long the history screen takes to open over 10 years of daily sessions, and whether start-up notices.

Run: .venv/bin/python benchmarks/history_screen.py
Budget (docs/design.md): the history screen opens in under 150 ms; start-up does not read the history,
so its time with 10 years of history is about 1.00x its time with none.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from textual.screen import Screen

from backcoach.core.catalog.load import load_catalog
from backcoach.core.domain.outcome import Outcome
from backcoach.core.domain.rating import Rating
from backcoach.core.domain.results import ExerciseResult
from backcoach.core.domain.status import Status
from backcoach.core.history.database import History
from backcoach.core.history.entries import ResultEntry, stamp
from backcoach.core.kit.clock import ManualClock
from backcoach.core.session.pain import judge
from backcoach.core.settings.model import Settings, load_settings
from backcoach.tui.app import BackcoachApp
from backcoach.tui.screens.dialogs import HelpScreen
from backcoach.tui.screens.history import HistoryScreen
from backcoach.tui.screens.home import HomeScreen

YEARS = 10
RUNS = 7
BUDGET_MS = 150


def fill(path: Path) -> int:
    """One lower-back session a day for ten years, every exercise rated."""
    catalog = load_catalog()
    routine = catalog.routines["lower"]
    settings = Settings()
    history = History(path)
    history.db.execute("BEGIN")
    start = date.today() - timedelta(days=365 * YEARS)
    days = 365 * YEARS
    for offset in range(days):
        day = start + timedelta(days=offset)
        started = datetime(day.year, day.month, day.day, 8, tzinfo=UTC)
        session = history.insert_session(stamp(started), routine.id, routine.name, offset % 7, None)
        for number, exercise in enumerate(catalog.routine_exercises(routine)):
            rating = (offset + number) % 6
            result = ExerciseResult(
                exercise.id,
                exercise.name,
                settings.dose_for(exercise),
                Status.COMPLETED,
                Rating(rating),
                judge(rating),
            )
            history.insert_result(session, ResultEntry.of("", result, started))
        history.end_session(session, Outcome.COMPLETED)
    history.db.execute("COMMIT")
    history.close()
    return days


async def open_and_draw(app: BackcoachApp, screen: Screen[None]) -> float:
    """Seconds from pushing a screen to its first finished repaint: what a person waits for."""
    drawn = asyncio.Event()
    began = time.perf_counter()
    await app.push_screen(screen)
    screen.call_after_refresh(drawn.set)
    await drawn.wait()
    return time.perf_counter() - began


async def time_app(data_dir: Path, what: str) -> float:
    """Seconds to the home screen, or to open the history screen or (for comparison) the help overlay."""
    os.environ["BACKCOACH_DATA_DIR"] = str(data_dir)
    settings_file = data_dir / "settings.toml"
    settings_file.write_text("[safety]\nacknowledged = true\n")
    catalog = load_catalog()
    began = time.perf_counter()
    app = BackcoachApp(catalog, load_settings(settings_file), clock=ManualClock())
    async with app.run_test(size=(100, 30)) as pilot:
        home = app.screen
        drawn = asyncio.Event()
        home.call_after_refresh(drawn.set)
        await drawn.wait()
        assert isinstance(home, HomeScreen)
        if what == "start":
            return time.perf_counter() - began
        await pilot.pause()
        if what == "help":
            return await open_and_draw(app, HelpScreen("home", home.typed_keys(), []))
        return await open_and_draw(app, HistoryScreen(app.history_log.open(), date.today()))
    raise AssertionError("unreachable")


def median_ms(data_dir: Path, what: str) -> float:
    return statistics.median(asyncio.run(time_app(data_dir, what)) for _ in range(RUNS)) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as empty, tempfile.TemporaryDirectory() as full:
        filled = time.perf_counter()
        sessions = fill(Path(full) / "history.sqlite3")
        print(
            f"history: {sessions} sessions, {sessions * 7} results, written in {time.perf_counter() - filled:.1f} s"
        )
        median_ms(Path(empty), "start")  # warm up: imports, CSS
        empty_start = median_ms(Path(empty), "start")
        full_start = median_ms(Path(full), "start")
        help_overlay = median_ms(Path(full), "help")
        screen = median_ms(Path(full), "history")
    print(f"start-up to home, no history:        {empty_start:7.1f} ms")
    print(
        f"start-up to home, 10 years' history: {full_start:7.1f} ms   ratio {full_start / empty_start:.2f}x (budget ~1.00x)"
    )
    print(f"help overlay open (for comparison):  {help_overlay:7.1f} ms")
    print(
        f"history screen open, 10 years:       {screen:7.1f} ms   {screen / BUDGET_MS:.2f} of the {BUDGET_MS} ms budget"
    )


if __name__ == "__main__":
    main()
