"""Snapshots of every screen, on a frozen manual clock. Update with: pytest --snapshot-update"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.tui.conftest import MakeApp, advance, run_to_rating, type_keys

SnapCompare = Callable[..., bool]
Steps = Callable[[Pilot[None]], Awaitable[None]]
LARGE = (100, 30)
SMALL = (40, 12)
BIG = (200, 60)


async def start_lower(pilot: Pilot[None]) -> None:
    await type_keys(pilot, "1", "3", "enter")


async def into_hold(pilot: Pilot[None]) -> None:
    await start_lower(pilot)
    await advance(pilot, 5 + 1.5)


async def paused(pilot: Pilot[None]) -> None:
    await into_hold(pilot)
    await type_keys(pilot, "space")


async def rating_typed(pilot: Pilot[None]) -> None:
    await start_lower(pilot)
    await run_to_rating(pilot)
    await type_keys(pilot, "7", "x")


async def red_verdict(pilot: Pilot[None]) -> None:
    await rating_typed(pilot)
    await type_keys(pilot, "enter")


async def amber_on_next_get_ready(pilot: Pilot[None]) -> None:
    await start_lower(pilot)
    await run_to_rating(pilot)
    await type_keys(pilot, "4", "enter")


async def summary(pilot: Pilot[None]) -> None:
    await start_lower(pilot)
    await run_to_rating(pilot)
    await type_keys(pilot, "2", "enter", "n")
    await run_to_rating(pilot)
    await type_keys(pilot, "6", "enter", "e")


async def nothing(pilot: Pilot[None]) -> None:
    # Home's week line is drawn after the first paint (and read in a thread when there is a history).
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()


CASES: dict[str, tuple[Steps, tuple[int, int]]] = {
    "home": (nothing, LARGE),
    "session_get_ready": (start_lower, LARGE),
    "session_hold": (into_hold, LARGE),
    "session_paused": (paused, LARGE),
    "pain_check": (rating_typed, LARGE),
    "pain_verdict_red": (red_verdict, LARGE),
    "pain_verdict_amber_on_get_ready": (amber_on_next_get_ready, LARGE),
    "summary": (summary, LARGE),
    "home_small": (nothing, SMALL),
    "session_get_ready_small": (start_lower, SMALL),
    "session_hold_small": (into_hold, SMALL),
    "pain_verdict_red_small": (red_verdict, SMALL),
    "session_get_ready_big": (start_lower, BIG),
    "session_hold_big": (into_hold, BIG),
}


@pytest.mark.parametrize("case", CASES)
def test_screen(snap_compare: SnapCompare, make_app: MakeApp, case: str) -> None:
    steps, size = CASES[case]
    assert snap_compare(make_app(), terminal_size=size, run_before=steps)


def test_safety_screen(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    assert snap_compare(make_app(settings_text=None), terminal_size=LARGE)


def test_pain_check_small(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), terminal_size=SMALL, press=["1", "5"])


def test_settings_screen(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    app = make_app("[safety]\nacknowledged = true\n[exercises.bridge]\nreps = 9\n")
    app.loaded.path = Path("/home/you/.config/backcoach/settings.toml")  # shown, never written here
    assert snap_compare(app, terminal_size=LARGE, press=["s", "5", "0", "0"])


def test_settings_dose_list(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    """The exercise list and the editor under it: a typed hold, a refused reps said in words."""
    app = make_app("[safety]\nacknowledged = true\n[exercises.bridge]\nreps = 9\n")
    app.loaded.path = Path("/home/you/.config/backcoach/settings.toml")
    to_list = ["shift+tab"] * 4  # from the first field, back round to the list
    press = ["s", *to_list, *["down"] * 8, "tab", "7", "tab", "5", "1"]
    assert snap_compare(app, terminal_size=LARGE, press=press)
