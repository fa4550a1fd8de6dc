"""Snapshots of every screen, on a frozen manual clock. Update with: pytest --snapshot-update"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from pytest_textual_snapshot import SVGImageExtension  # type: ignore[import-untyped]
from syrupy.assertion import SnapshotAssertion
from textual.pilot import Pilot

from tests.tui.conftest import (
    ACKNOWLEDGED,
    MakeApp,
    advance,
    finish_step,
    run_to_rating,
    session_screen,
    type_keys,
)

SnapCompare = Callable[..., bool]
Steps = Callable[[Pilot[None]], Awaitable[None]]
LARGE = (100, 30)
SMALL = (40, 12)
BIG = (200, 60)


async def start_lower(pilot: Pilot[None]) -> None:
    await type_keys(pilot, "1", "3", "enter")


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
    "pain_check": (rating_typed, LARGE),
    "pain_verdict_red": (red_verdict, LARGE),
    "pain_verdict_amber_on_get_ready": (amber_on_next_get_ready, LARGE),
    "summary": (summary, LARGE),
    "home_small": (nothing, SMALL),
    "pain_verdict_red_small": (red_verdict, SMALL),
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


def test_settings_on_a_phone(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    """43x36, a phone's page: each field under its label (beside it they were pushed off the edge)."""
    app = make_app('[safety]\nacknowledged = true\n[week]\ndays = ["mon", "fri"]\n')
    app.loaded.path = Path("/home/you/.config/backcoach/settings.toml")
    assert snap_compare(app, terminal_size=(43, 36), press=["s"])


def test_settings_dose_list(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    """The exercise list and the editor under it: a typed hold, a refused reps said in words."""
    app = make_app("[safety]\nacknowledged = true\n[exercises.bridge]\nreps = 9\n")
    app.loaded.path = Path("/home/you/.config/backcoach/settings.toml")
    to_list = ["shift+tab"] * 4  # from the first field, back round to the list
    press = ["s", *to_list, *["down"] * 8, "tab", "7", "tab", "5", "1"]
    assert snap_compare(app, terminal_size=LARGE, press=press)


async def phase_reached(pilot: Pilot[None], word: str) -> None:
    """On to the next step that shows this phase word, then 1.5 s into it."""
    while session_screen(pilot.app).coach.view().phase_word != word:  # type: ignore[arg-type]
        await finish_step(pilot)
    await advance(pilot, 1.5)


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "no_color"])
def test_session_phases(
    snapshot: SnapshotAssertion, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    """Each phase at each size (under NO_COLOR at one), from one run that resizes the terminal: a
    run of its own for each picture took a third of the suite. Get ready with its caution (pelvic
    tilt); knee to chest's hold on the left, drawn turned round; its rest, paused, and switch side."""
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    sizes = [LARGE] if no_color else [SMALL, LARGE, BIG]
    pictures: dict[str, str] = {}

    async def take(pilot: Pilot[None], phase: str, only: tuple[int, int] | None = None) -> None:
        for width, height in [only] if only else sizes:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            pictures[f"{phase}_{width}x{height}"] = pilot.app.export_screenshot()

    async def walk(pilot: Pilot[None]) -> None:
        await start_lower(pilot)
        await take(pilot, "get_ready")
        await run_to_rating(pilot)
        await type_keys(pilot, "2", "enter")  # knee to chest, left side first
        await phase_reached(pilot, "HOLD")
        await take(pilot, "hold")
        await type_keys(pilot, "space")
        await take(pilot, "paused", LARGE)
        await type_keys(pilot, "space")
        await phase_reached(pilot, "REST")
        await take(pilot, "rest")
        await phase_reached(pilot, "SWITCH SIDE")
        await take(pilot, "switch_side")

    async def run() -> None:
        app = make_app(ACKNOWLEDGED + "[exercises.pelvic-tilt]\nreps = 1\n")  # one hold to the rating
        async with app.run_test(size=LARGE) as pilot:
            await walk(pilot)

    asyncio.run(run())
    svg = snapshot.use_extension(SVGImageExtension)
    differ = [name for name, picture in pictures.items() if svg(name=name) != picture]
    assert differ == []


def test_home_with_a_history(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    """The dashboard: the week with its next planned day, the last session and its red, the routine
    to do next (highlighted) and why, the trend of starting pain."""
    from backcoach.core.kit import paths
    from tests.core.test_dashboard import TODAY, recorded_history

    recorded_history(paths.history_file())
    app = make_app(ACKNOWLEDGED + '[week]\ndays = ["mon", "thu"]\n')
    app.today = lambda: TODAY
    assert snap_compare(app, terminal_size=LARGE, run_before=nothing)
