"""The week on home, the weekly check-in, and the gentle day offered on a flare-up."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from textual.pilot import Pilot

from backcoach.core.domain.exercise import Catalog
from backcoach.core.history.database import History
from backcoach.core.kit import paths
from backcoach.core.kit.clock import ManualClock
from backcoach.core.progress.weekly import CHECKIN_PAIN, CHECKIN_STIFFNESS, STIFFNESS_SCALE
from backcoach.core.settings.model import load_settings
from backcoach.tui.app import BackcoachApp
from backcoach.tui.screens.flare import GentleOfferScreen
from backcoach.tui.screens.home import HomeScreen
from backcoach.tui.screens.session import SessionScreen
from tests.core.test_history import OFFSET, add_session
from tests.tui.conftest import ACKNOWLEDGED, MakeApp, text_of, type_keys

THURSDAY = date(2026, 11, 26)


async def settle(pilot: Pilot[None]) -> None:
    """Home reads the week in a thread after it is drawn: let that finish and show."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_week_line_and_the_weekly_check_in(catalog: Catalog, settings_path: Path) -> None:
    history = History(paths.history_file())
    for day in (date(2026, 11, 12), date(2026, 11, 24), date(2026, 11, 25)):
        add_session(history, day, 3, {"bridge": 1})
    for day, pain in ((date(2026, 11, 9), 2), (date(2026, 11, 16), 3)):  # morning pain rising
        history.insert_checkin(datetime(day.year, day.month, day.day, 7, tzinfo=OFFSET).isoformat(), pain, 4)
    history.close()
    settings_path.parent.mkdir(parents=True)
    settings_path.write_text(ACKNOWLEDGED)
    now = datetime(2026, 11, 26, 7, 30, tzinfo=OFFSET)
    app = BackcoachApp(
        catalog, load_settings(settings_path), clock=ManualClock(), cursor_blink=False,
        today=lambda: THURSDAY, now=lambda: now, ask_outcomes=False,
    )  # fmt: skip
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        week = "Week 3 · 2 of 3 sessions this week · streak 2 days"
        assert text_of(app, "#week") == f"{week} · weekly check-in at your next session"
        assert not app.screen.query_one("#week-warning").display

        await type_keys(pilot, "3")  # the first session of the week begins with the check-in
        assert text_of(app, ".dialog-title") == CHECKIN_PAIN
        assert not app.screen.query_one("#sharp").display  # no "sharp pain" question here
        await type_keys(pilot, "5", "enter")
        assert text_of(app, ".dialog-title") == CHECKIN_STIFFNESS
        assert text_of(app, "#scale") == STIFFNESS_SCALE
        await type_keys(pilot, "4", "enter")
        assert text_of(app, ".dialog-title").startswith("After your last session (Wednesday 25 November)")
        await type_keys(pilot, "1")  # settled: then the starting rating
        assert text_of(app, ".dialog-title") == "Upper back: how is your back right now?"
        await type_keys(pilot, "escape")  # not today after all: home, with the week read again
        assert isinstance(app.screen, HomeScreen)
        await settle(pilot)
        assert text_of(app, "#week") == week
        warning = text_of(app, "#week-warning")
        assert "Your morning pain rose from 3 to 5 since the last check-in: ease off this week" in warning
        assert "gone from 2 at your first check-in to 5: please see your GP or physiotherapist" in warning
    (week_row,) = History(paths.history_file()).weeks(THURSDAY, 1)
    assert (week_row.morning_pain, week_row.stiffness) == (5, 4)


async def test_a_flare_up_is_offered_the_gentle_day(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert text_of(app, "#week") == "Week 1 starts with your first session · aim for 3 sessions a week"
        await type_keys(pilot, "2", "7", "enter")
        assert isinstance(app.screen, GentleOfferScreen)
        assert "try the gentle routine instead of Middle back?" in text_of(app, ".dialog-title")
        assert "cut back but keep moving" in text_of(app, "#gentle-reason")
        await type_keys(pilot, "y")
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.coach.routine.id == "gentle" and app.screen.coach.pain_before == 7
        assert "Gentle day" in text_of(app, "#title")


async def test_the_check_in_from_the_palette_is_asked_when_not_due(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_keys(pilot, "ctrl+p", *"weekly check", "enter")
        assert text_of(app, ".dialog-title") == CHECKIN_PAIN
        await type_keys(pilot, "2", "enter")
        assert text_of(app, ".dialog-title") == CHECKIN_STIFFNESS
        await type_keys(pilot, "6", "enter")
        assert isinstance(app.screen, HomeScreen)  # no session after the check-in on its own
    (week_row,) = History(paths.history_file()).weeks(date.today(), 1)
    assert (week_row.morning_pain, week_row.stiffness) == (2, 6)
