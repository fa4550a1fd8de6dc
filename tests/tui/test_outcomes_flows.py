"""The PSFS dialog and the review screen, driven by keys as a person would (the rules themselves are
tested in tests/core/test_outcomes.py)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta

import pytest
from textual.pilot import Pilot

from backcoach.core.history.database import History
from backcoach.core.history.entries import PsfsEntry
from backcoach.core.kit import paths
from backcoach.tui.screens.history import HistoryScreen
from backcoach.tui.screens.psfs import PsfsScreen
from backcoach.tui.screens.rating import RatingScreen
from backcoach.tui.screens.review import ReviewScreen
from tests.core.test_history import OFFSET, add_session
from tests.tui.conftest import MakeApp, text_of, type_keys

SnapCompare = Callable[..., bool]
LARGE = (100, 30)
SMALL = (40, 12)


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 7, 30, tzinfo=OFFSET)


def with_history(
    weeks_ago: int, activities: tuple[str, ...] = ("Putting on socks", "Sitting through a film")
) -> None:
    """A first session and PSFS weeks_ago, and a session 4 days ago (no morning-after question then)."""
    today = date.today()
    first = today - timedelta(weeks=weeks_ago)
    history = History(paths.history_file())
    add_session(history, first, 6, {"bridge": 3})
    add_session(history, today - timedelta(days=4), 3, {"bridge": 2})
    history.insert_checkin(f"{today - timedelta(days=4)}T07:00:00+01:00", 5, 5)
    history.insert_checkin(f"{today}T07:00:00+01:00", 3, 3)  # this week's: no check-in asked
    scores = tuple((one, 3) for one in activities)
    history.insert_psfs(PsfsEntry(at(first), scores, activities))
    history.close()


def stored_psfs() -> list[dict[str, int]]:
    history = History(paths.history_file())
    try:
        return [one.scores for one in history.psfs_sets()]
    finally:
        history.close()


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(character, character) for character in text], "enter")
    await pilot.pause()


async def name_two(pilot: Pilot[None]) -> None:
    await type_keys(pilot, "1")
    await type_text(pilot, "Putting on socks")
    await type_text(pilot, "Sitting through a film")


async def test_the_first_time_two_activities_named_and_rated_land_on_disk(make_app: MakeApp) -> None:
    app = make_app(outcomes=True)
    async with app.run_test(size=LARGE) as pilot:
        await name_two(pilot)
        assert isinstance(app.screen, PsfsScreen)
        await type_keys(pilot, "enter")  # an empty line: on to rating them
        assert "1 of 2: how well can you do this now?" in text_of(app, "#psfs-question")
        await type_keys(pilot, "1", "2")  # 12 is off the scale: said, and typed again
        assert text_of(app, "#psfs-message") == "12 is more than 10: type it again"
        await type_keys(pilot, "2", "enter", "6", "enter")
        assert isinstance(app.screen, RatingScreen)
    assert stored_psfs() == [{"Putting on socks": 2, "Sitting through a film": 6}]


async def test_escape_skips_to_the_starting_rating_and_writes_nothing(make_app: MakeApp) -> None:
    app = make_app(outcomes=True)
    async with app.run_test(size=LARGE) as pilot:
        await type_keys(pilot, "1")
        await type_text(pilot, "   ")  # nothing typed: said so
        assert "Name one activity" in text_of(app, "#psfs-message")
        await type_keys(pilot, "escape")
        assert isinstance(app.screen, RatingScreen)
    assert not paths.history_file().exists() or stored_psfs() == []


async def test_two_weeks_on_the_same_activities_are_rated_one_retired_one_added(make_app: MakeApp) -> None:
    with_history(2)
    app = make_app(outcomes=True)
    async with app.run_test(size=LARGE) as pilot:
        await type_keys(pilot, "1")
        assert isinstance(app.screen, PsfsScreen)
        listed = text_of(app, "#psfs-list")
        assert "Putting on socks" in listed and "Sitting through a film" in listed
        await type_keys(pilot, "a", "escape")  # changed one's mind: back to rating
        assert "1 of 2" in text_of(app, "#psfs-question")
        await type_keys(pilot, "a")
        await type_text(pilot, "Walking  to the shop ")
        await type_keys(pilot, "5", "enter")  # back to rating, from the first
        await type_keys(pilot, "r")  # the film retired
        assert "Retired: Sitting through a film" in text_of(app, "#psfs-message")
        assert "1 of 2" not in text_of(app, "#psfs-question")
        await type_keys(pilot, "7", "enter")
        assert isinstance(app.screen, RatingScreen)
    assert stored_psfs()[-1] == {"Putting on socks": 5, "Walking to the shop": 7}


async def test_the_week_6_review_shows_then_and_now_and_the_history_shows_it_again(make_app: MakeApp) -> None:
    with_history(6)
    app = make_app(outcomes=True)
    async with app.run_test(size=LARGE) as pilot:
        await type_keys(pilot, "1", "escape")  # the PSFS is due: skipped
        assert isinstance(app.screen, ReviewScreen)
        shown = text_of(app, "#review-text")
        assert "Starting pain: 6 in your first week, 3 now (down 3)." in shown
        assert "Morning pain (check-ins): 5 at the first check-in, 3 now (down 2)." in shown
        assert "keep going" in shown
        await type_keys(pilot, "enter")
        assert isinstance(app.screen, RatingScreen)
        await type_keys(pilot, "escape", "h")
        assert isinstance(app.screen, HistoryScreen)
        await type_keys(pilot, "v")
        assert isinstance(app.screen, ReviewScreen)
        assert "Your week 6 review, shown" in text_of(app, "#review-text")


async def test_the_palette_rates_the_activities_at_any_time(make_app: MakeApp) -> None:
    with_history(1)
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        app.rate_activities()
        await pilot.pause()
        assert isinstance(app.screen, PsfsScreen)
        await pilot.click("#psfs-scale", offset=(12, 0))  # " 0  1  2  3  4 ": the 4 clicked rates it
        await pilot.pause()
        assert "1 of 2" not in text_of(app, "#psfs-question")
        await type_keys(pilot, "8", "enter")
        assert not isinstance(app.screen, PsfsScreen)
    assert stored_psfs()[-1] == {"Putting on socks": 4, "Sitting through a film": 8}


async def settle(pilot: Pilot[None]) -> None:
    """Home reads the week in a worker after its first paint: drawn before the picture is taken."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def rating_second(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await name_two(pilot)
    await type_keys(pilot, "enter", "3", "enter", "7")


async def naming(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await type_keys(pilot, "1")
    await type_text(pilot, "Putting on socks")


async def review(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await type_keys(pilot, "1", "escape")


@pytest.mark.parametrize(
    ("case", "size", "weeks"),
    [
        ("naming", LARGE, None),
        ("naming", SMALL, None),
        ("rating", LARGE, None),
        ("rating", SMALL, None),
        ("review", LARGE, 6),
    ],
)
def test_outcome_screens(
    snap_compare: SnapCompare, make_app: MakeApp, case: str, size: tuple[int, int], weeks: int | None
) -> None:
    if weeks is not None:
        with_history(weeks)
    steps: dict[str, Callable[[Pilot[None]], Awaitable[None]]] = {
        "naming": naming,
        "rating": rating_second,
        "review": review,
    }
    assert snap_compare(make_app(outcomes=True), terminal_size=size, run_before=steps[case])
