"""History in the app: results land as they are rated, the history screen, and dose proposals."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import Static

from backcoach.core.history.database import History
from backcoach.core.kit import paths
from backcoach.tui.screens.history import HistoryScreen
from backcoach.tui.screens.home import HomeScreen
from backcoach.tui.screens.summary import SummaryScreen
from tests.core.test_cli_output import damage
from tests.core.test_history import add_session
from tests.tui.conftest import MakeApp, advance, run_to_rating, text_of, type_keys

UPPER = (
    "thoracic-extension",
    "seated-rotation",
    "doorway-chest-stretch",
    "chin-tuck",
    "shoulder-blade-squeeze",
    "posture-reset",
)


async def test_each_rating_is_in_the_database_before_the_next_exercise(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "3", "2", "enter")
        await run_to_rating(pilot)
        await type_keys(pilot, "1", "enter")
        rows = list(History(paths.history_file()).csv_rows())
        assert rows == [
            (rows[0][0], "upper", "thoracic-extension", "", 10, 3, 2, 1, "completed", "", "green")
        ]
        await type_keys(pilot, "n")  # a skip is logged too
        rows = list(History(paths.history_file()).csv_rows())
        assert [row[2:] for row in rows][-1] == ("seated-rotation", "", 10, 4, 2, None, "skipped", "", None)


async def test_green_twice_proposes_a_step_up_and_accepting_saves_it(
    make_app: MakeApp, settings_path: Path
) -> None:
    history = History(paths.history_file())
    add_session(history, date.today() - timedelta(days=1), 2, dict.fromkeys(UPPER, 1))
    history.insert_checkin(datetime.now().astimezone().isoformat(), 2, 2)  # on a Monday: not asked again
    history.close()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "3", "1", "2", "enter")  # settled the morning after yesterday's session
        for _ in range(3):  # the first three exercises, then end early
            await run_to_rating(pilot)
            await type_keys(pilot, "0", "enter")
        await type_keys(pilot, "escape", "y")
        assert isinstance(app.screen, SummaryScreen)
        proposals = text_of(app, "#proposals")
        assert "> [y accept / n decline] Seated rotation: 15 s holds next time, rated 0 and 1" in proposals
        assert (
            "Doorway chest stretch: 3 reps next time, rated 0 and 1 on your last 2 days of exercise."
            in proposals
        )
        # 10 s is the chair form's cap (30 s belongs to the towel roll), and 3 reps the top: no more
        assert "Upper back extension: at the top of its usual range; keep this dose." in proposals

        def saved() -> dict[str, object]:
            return dict(tomllib.loads(settings_path.read_text()).get("exercises", {}))

        await type_keys(pilot, "y")  # the cursor stays where the person put it
        assert "> [accepted] Seated rotation" in text_of(app, "#proposals")
        assert saved() == {"seated-rotation": {"hold_seconds": 15, "reps": 4}}
        await type_keys(pilot, "down", "down", "down", "n")  # down stops at the last, never wraps
        proposals = text_of(app, "#proposals")
        assert (
            "  [accepted] Seated rotation" in proposals and "> [declined] Doorway chest stretch" in proposals
        )
        await type_keys(pilot, "up", "up", "n")  # a change of mind puts the old dose back
        assert "> [declined] Seated rotation" in text_of(app, "#proposals")
        assert saved() == {}
        assert app.settings.dose_for(app.catalog.exercises["seated-rotation"]).hold_seconds == 10
        await type_keys(pilot, "y")
    assert saved() == {"seated-rotation": {"hold_seconds": 15, "reps": 4}}
    # Each change is in the history with its day, for the report.
    changes = History(paths.history_file()).dose_changes_since(date.today())
    assert [(change.exercise, change.hold_seconds, change.note) for change in changes] == [
        ("seated-rotation", 15, "accepted on the summary"),
        ("seated-rotation", 10, "put back on the summary"),
        ("seated-rotation", 15, "accepted on the summary"),
    ]


async def test_the_history_screen_shows_weeks_streak_trends_and_hints(make_app: MakeApp) -> None:
    history = History(paths.history_file())
    today = date.today()
    for days_ago in range(10):
        add_session(
            history, today - timedelta(days=days_ago), 6 - days_ago // 4, {"bridge": 5 - days_ago // 3}
        )
    history.insert_checkin(datetime.now().astimezone().isoformat(), 4, 6)
    history.close()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "h")
        assert isinstance(app.screen, HistoryScreen)
        assert text_of(app, "#history-counts").startswith("10 sessions")
        assert "streak: 10 days" in text_of(app, "#history-counts")
        weeks = text_of(app, "#weeks").splitlines()
        # ten days span two or three weeks; the empty weeks before the first session are left out
        assert 2 <= len(weeks) <= 3 and "0 sessions" not in weeks[0]
        assert sum(int(line.split()[-2]) for line in weeks) == 10
        bridge = next(line for line in text_of(app, "#trends").splitlines() if line.startswith("Bridge"))
        # the last six, up 1: not a meaningful change, so not "worse"
        assert bridge.split()[1:] == ["4", "4", "4", "5", "5", "5", "about", "the", "same"]
        (morning,) = text_of(app, "#mornings").splitlines()  # the weekly check-in: its own line
        assert morning.endswith("pain   4  stiffness 6")
        hints = str(app.screen.query_one("#hints", Static).content)
        assert "take a few weeks" in hints and "no improvement after 2 weeks" in hints
        await type_keys(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)


async def test_an_empty_history_says_so(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "h")
        assert "No sessions yet" in str(app.screen.query(Static)[1].content)


def garbage(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"garbage" * 200)


def damaged_pages(path: Path) -> None:
    """A real history with its pages overwritten: SQLite opens it, and would fail only query by query."""
    history = History(path)
    add_session(history, date.today() - timedelta(days=9), 3, {"bridge": 2})
    history.close()
    damage(path)


@pytest.mark.parametrize("spoil", [garbage, damaged_pages], ids=["not a database", "damaged pages"])
async def test_a_damaged_history_file_is_reported_and_the_session_still_runs(
    make_app: MakeApp, spoil: Callable[[Path], None]
) -> None:
    path = paths.history_file()
    spoil(path)
    spoiled = path.read_bytes()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "h")
        assert isinstance(app.screen, HomeScreen)
        await type_keys(pilot, "3", "2", "enter")
        await run_to_rating(pilot)
        await type_keys(pilot, "1", "enter")
        messages = [notification.message for notification in app._notifications]
        assert any("history.sqlite3 is damaged" in message for message in messages)
        assert len(app.history_log.pending) == 2  # the session start and the rating wait in memory
    assert path.read_bytes() == spoiled
    # After quitting they are in the side file with how the session ended, and the message printed
    # after exit says where.
    assert app.closing_problem is not None and "3 entries are kept in" in app.closing_problem
    kept = [json.loads(line) for line in app.history_log.side_file.read_text().splitlines()]
    assert [
        (entry["kind"], entry.get("exercise"), entry.get("rating"), entry.get("status")) for entry in kept
    ] == [
        ("start", None, None, None),
        ("result", "thoracic-extension", 1, "completed"),
        ("end", None, None, "ended early"),
    ]


def test_started_at_is_iso_with_offset(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    add_session(history, date(2026, 3, 1), None, {"bridge": 1})
    started = next(iter(history.csv_rows()))[0]
    assert datetime.fromisoformat(str(started)).utcoffset() is not None


async def test_stopping_a_one_sided_exercise_logs_the_side_it_hurt_on(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "1", "2", "enter", "n")  # skip pelvic tilt: knee to chest, left side first
        engine = app.screen.coach.engine  # type: ignore[attr-defined]
        while engine.step.side != "right":
            await advance(pilot, engine.remaining() + 0.001)
        await type_keys(pilot, "x", "6", "enter", "e")
        rows = list(History(paths.history_file()).csv_rows())
        assert [row[2:4] + row[7:] for row in rows] == [
            ("pelvic-tilt", "", None, "skipped", "", None),
            ("knee-to-chest", "right", 6, "stopped", "", "red"),
        ]
        assert History(paths.history_file()).recent_sessions()[0].status == "ended early"


async def test_without_starting_ratings_the_chart_uses_the_ratings_after(make_app: MakeApp) -> None:
    history = History(paths.history_file())
    add_session(history, date.today(), None, {"bridge": 3, "crunch": 5})
    history.close()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "h")
        (week,) = text_of(app, "#weeks").splitlines()
        assert week.endswith("4.0  1 session  (after exercises)")
