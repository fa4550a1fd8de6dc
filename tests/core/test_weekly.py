from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from backcoach.core.history.database import History
from backcoach.core.progress.weekly import (
    WeekStatus,
    checkin_due,
    next_planned,
    planned,
    read_week_status,
    week_number,
)
from tests.core.test_history import OFFSET, add_session

THURSDAY = date(2026, 11, 26)


def test_week_1_is_the_week_of_the_first_session() -> None:
    assert week_number(date(2026, 11, 23), THURSDAY) == 1  # that Monday
    assert week_number(date(2026, 11, 22), THURSDAY) == 2  # the Sunday before
    assert week_number(date(2026, 11, 2), THURSDAY) == 4


def test_the_check_in_is_due_once_a_week_from_week_2() -> None:
    assert not checkin_due(None, THURSDAY, False)  # no session yet
    assert not checkin_due(date(2026, 11, 24), THURSDAY, False)  # week 1
    assert checkin_due(date(2026, 11, 20), THURSDAY, False)
    assert not checkin_due(date(2026, 11, 20), THURSDAY, True)


def test_more_sessions_than_the_target_is_not_5_of_3() -> None:
    status = WeekStatus(date(2026, 11, 12), THURSDAY, 5, 3, 1, False)
    assert status.line == "Week 3 · 5 sessions this week, above the target of 3 · streak 1 day"


def test_the_week_line() -> None:
    status = WeekStatus(date(2026, 11, 12), THURSDAY, 2, 3, 4, False)
    assert status.line == "Week 3 · 2 of 3 sessions this week · streak 4 days"
    assert (
        WeekStatus(THURSDAY, THURSDAY, 1, 1, 1, False).line
        == "Week 1 · 1 of 1 session this week · streak 1 day"
    )
    first = WeekStatus(None, THURSDAY, 0, 3, 0, False)
    assert first.line == "Week 1 starts with your first session · aim for 3 sessions a week"


def test_the_status_is_read_without_creating_a_history(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    status = read_week_status(path, THURSDAY, 3)
    assert status is not None and status.first_day is None and not path.exists()
    history = History(path)
    for day in (date(2026, 11, 12), date(2026, 11, 24), date(2026, 11, 25), THURSDAY):
        add_session(history, day, 3, {"bridge": 1})
    for monday, pain in ((date(2026, 11, 9), 2), (date(2026, 11, 16), 3), (date(2026, 11, 23), 5)):
        recorded = datetime(monday.year, monday.month, monday.day, 7, tzinfo=OFFSET)
        history.insert_checkin(recorded.isoformat(), pain, 4)
    history.close()
    status = read_week_status(path, THURSDAY, 3)
    assert status is not None
    assert status.line == "Week 3 · 3 of 3 sessions this week · streak 3 days"
    assert status.checked_in and not status.checkin_due
    assert status.warning == (
        "Your morning pain rose from 3 to 5 since the last check-in: ease off this week (fewer reps, shorter"
        " holds, or the Gentle day). Your morning pain has gone from 2 at your first check-in to 5: please see"
        " your GP or physiotherapist."
    )
    assert read_week_status(path, date(2026, 11, 30), 3) is not None


def test_the_week_line_names_the_next_planned_day() -> None:
    mon_wed_fri = ("mon", "wed", "fri")
    assert planned(mon_wed_fri, date(2026, 11, 25)) and not planned(mon_wed_fri, THURSDAY)
    assert planned((), THURSDAY)  # none planned: any day
    status = WeekStatus(date(2026, 11, 12), THURSDAY, 2, 3, 4, False, days=mon_wed_fri)
    assert status.line == "Week 3 · 2 of 3 sessions this week · streak 4 days · next: tomorrow"
    thursday_only = WeekStatus(date(2026, 11, 12), THURSDAY, 2, 3, 4, False, days=("thu",))
    assert thursday_only.line.endswith("· next: today")
    done = WeekStatus(date(2026, 11, 12), THURSDAY, 2, 3, 4, False, days=("thu", "mon"), done_today=True)
    assert done.line.endswith("· next: Mon")
    assert next_planned(("thu",), THURSDAY, done_today=True) == date(2026, 12, 3)  # a week on
    first = WeekStatus(None, THURSDAY, 0, 3, 0, False, days=("sat",))
    assert first.line == "Week 1 starts with your first session · aim for 3 sessions a week · next: Sat"


def test_a_session_today_moves_the_next_planned_day_on(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    history = History(path)
    add_session(history, THURSDAY, 3, {"bridge": 1})
    history.close()
    status = read_week_status(path, THURSDAY, 3, ("thu", "sat"))
    assert status is not None and status.done_today
    assert status.line == "Week 1 · 1 of 3 sessions this week · streak 1 day · next: Sat"
