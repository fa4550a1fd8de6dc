"""Weeks, not sessions: the home screen's week line and when the weekly check-in is due.

Week 1 is the week (Monday to Sunday) of the first session that counts. The check-in (morning pain and
stiffness) is asked at the first session of each later week: the first session already asks enough.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from backcoach.core.kit.text import plural
from backcoach.core.settings.model import WEEKDAYS

if TYPE_CHECKING:
    from backcoach.core.history.database import History

# The home screen imports this module at start-up: the history (and sqlite3) only when first read.

WEEKS_FOR_THE_RULE = 12  # a programme's length: its first check-in is the one compared with
CHECKIN_PAIN = "Weekly check-in (1 of 2): how much did your back hurt when you got up this morning?"
CHECKIN_STIFFNESS = "Weekly check-in (2 of 2): how stiff was your back when you got up this morning?"
STIFFNESS_SCALE = "0-10: 0 not stiff at all, 10 as stiff as it could be"


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_number(first_day: date, today: date) -> int:
    return (monday(today) - monday(first_day)).days // 7 + 1


def planned(days: tuple[str, ...], day: date) -> bool:
    """Is day one of the planned weekdays ("mon".."sun", as [week] days has them)? None planned: any day."""
    return not days or WEEKDAYS[day.weekday()] in days


def next_planned(days: tuple[str, ...], today: date, done_today: bool) -> date | None:
    """The next planned day: today when it is one and nothing is done yet; None when none are planned."""
    if not days:
        return None
    start = 1 if done_today else 0
    return next(
        today + timedelta(days=ahead)
        for ahead in range(start, start + 7)
        if planned(days, today + timedelta(days=ahead))
    )


def checkin_due(first_day: date | None, today: date, checked_in_this_week: bool) -> bool:
    """From week 2 on, once a week."""
    return first_day is not None and monday(first_day) < monday(today) and not checked_in_this_week


@dataclass(frozen=True)
class WeekStatus:
    first_day: date | None
    today: date
    sessions: int  # this week's, counted ones only
    target: int
    streak: int
    checked_in: bool  # this week
    warning: str | None = None  # morning pain rising: say so on home
    days: tuple[str, ...] = ()  # the planned weekdays; none: any day
    done_today: bool = False  # a session that counts was done today

    @property
    def checkin_due(self) -> bool:
        return checkin_due(self.first_day, self.today, self.checked_in)

    @property
    def line(self) -> str:
        """'Week 3 · 2 of 3 sessions this week · streak 4 days'."""
        if self.first_day is None:
            return (
                f"Week 1 starts with your first session · aim for {plural(self.target, 'session')} a week"
                f"{self.next_said}"
            )
        number = week_number(self.first_day, self.today)
        sessions = f"{self.sessions} of {plural(self.target, 'session')} this week"
        if self.sessions > self.target:  # not "5 of 3"
            sessions = f"{plural(self.sessions, 'session')} this week, above the target of {self.target}"
        return f"Week {number} · {sessions} · streak {plural(self.streak, 'day')}{self.next_said}"

    @property
    def next_planned(self) -> date | None:
        return next_planned(self.days, self.today, self.done_today)

    @property
    def next_said(self) -> str:
        """' · next: Wed' (or 'today', 'tomorrow'), when days are planned."""
        day = self.next_planned
        if day is None:
            return ""
        ahead = (day - self.today).days
        return f" · next: {'today' if ahead == 0 else 'tomorrow' if ahead == 1 else f'{day:%a}'}"


def checkin_due_in(history: History, today: date) -> bool:
    return checkin_due(history.first_day(), today, history.checked_in_since(monday(today)))


def week_status(history: History, today: date, target: int, days: tuple[str, ...] = ()) -> WeekStatus:
    from backcoach.core.progress.trends import rising_warning

    weeks = history.weeks(today, WEEKS_FOR_THE_RULE)
    return WeekStatus(
        history.first_day(),
        today,
        weeks[-1].sessions,
        target,
        history.streak(today),
        history.checked_in_since(monday(today)),
        rising_warning(weeks),
        days,
        history.sessions_on(today) > 0,
    )


def empty_status(today: date, target: int, days: tuple[str, ...] = ()) -> WeekStatus:
    return WeekStatus(None, today, 0, target, 0, False, days=days)


def read_week_status(path: Path, today: date, target: int, days: tuple[str, ...] = ()) -> WeekStatus | None:
    """On its own connection, so a worker thread may call it; a missing file is an empty history (and is
    not created); None when the history cannot be read now (the app reports that where it writes)."""
    import sqlite3

    from backcoach.core.history.database import History, HistoryError

    if not path.exists():
        return empty_status(today, target, days)
    try:
        history = History(path)
    except HistoryError:
        return None
    try:
        return week_status(history, today, target, days)
    except sqlite3.Error:
        return None
    finally:
        history.close()
