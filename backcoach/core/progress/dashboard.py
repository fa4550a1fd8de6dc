"""Home as a small dashboard: the week, the last session, the routine to do next and the trend, each
one line, all read at once (on its own connection, so home's worker thread may call it).

The trend is a list of named series, starting pain and the activities score (PSFS, higher is
better), and every line follows from the Series alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from backcoach.core.domain import psfs
from backcoach.core.domain.exercise import REGIONS, Catalog
from backcoach.core.domain.morning import Settled
from backcoach.core.kit.text import shown
from backcoach.core.progress.psfs import means as psfs_means
from backcoach.core.progress.weekly import WEEKS_FOR_THE_RULE, WeekStatus, empty_status, monday, week_status

if TYPE_CHECKING:
    from backcoach.core.history.database import History, SessionRow, Week

SPARKS = "▁▂▃▄▅▆▇█"
GENTLE = "gentle"  # the gentle day's routine id (core/session/flare.py, a layer above, says so too)
WORSE_FOR_DAYS = 7  # a "worse" answer older than this is not news


@dataclass(frozen=True)
class LastSession:
    day: date
    routine: str  # its name, as recorded
    done: int
    stopped: int
    status: str  # an Outcome's value, or "in progress"
    reds: tuple[str, ...]  # the exercises rated red, by name

    @property
    def summary(self) -> str:
        """'Last: Tue 1 Dec, Lower back, 6 done', without the reds (said apart, so they can be coloured)."""
        counts = f"{self.done} done" + (f", {self.stopped} stopped" if self.stopped else "")
        ended = "" if self.status == "completed" else f", {self.status}"
        return f"Last: {self.day:%a %-d %b}, {shown(self.routine)}, {counts}{ended}"

    @property
    def reds_said(self) -> str:
        """' · red: Partial crunch' or '' (names from files: made safe to show)."""
        return f" · red: {', '.join(shown(name) for name in self.reds)}" if self.reds else ""

    @property
    def line(self) -> str:
        return self.summary + self.reds_said


def last_session(row: SessionRow, reds: Sequence[str]) -> LastSession:
    return LastSession(
        date.fromisoformat(row.started_at[:10]),
        row.routine_name,
        row.done,
        row.stopped,
        row.status,
        tuple(reds),
    )


@dataclass(frozen=True)
class NextRoutine:
    routine_id: str
    name: str
    why: str  # "not done since Thu", "not done yet", "as your back was worse ..."

    @property
    def line(self) -> str:
        return f"Next: {self.name}, {self.why}"


def next_routine(
    candidates: Sequence[tuple[str, str]],
    last_days: dict[str, date],
    today: date,
    worse: bool = False,
    gentle: tuple[str, str] | None = None,
) -> NextRoutine | None:
    """The routine to suggest: the gentle day after a "worse" morning-after answer (when there is
    one); else, of the candidates (id, name) in their shipped order, the first never done, else the
    one done least recently (a tie: the first in order)."""
    if worse and gentle is not None:
        return NextRoutine(gentle[0], gentle[1], "as your back was worse the morning after last time")
    if not candidates:
        return None
    never = [(routine_id, name) for routine_id, name in candidates if routine_id not in last_days]
    if never:
        return NextRoutine(never[0][0], never[0][1], "not done yet")
    routine_id, name = min(candidates, key=lambda candidate: last_days[candidate[0]])  # min keeps the first
    last = last_days[routine_id]
    return NextRoutine(
        routine_id, name, "done today too" if last >= today else f"not done since {when(last, today)}"
    )


def when(day: date, today: date) -> str:
    """A past day as a person says it: today, yesterday, Thu (this last week), else Thu 19 Nov."""
    ago = (today - day).days
    if ago == 0:
        return "today"
    if ago == 1:
        return "yesterday"
    return f"{day:%a}" if ago < 7 else f"{day:%a %-d %b}"


@dataclass(frozen=True)
class Series:
    """One measure week by week, oldest first (None: a week without it), on a 0-10 scale."""

    name: str  # "Starting pain"
    values: tuple[float | None, ...]
    lower_is_better: bool = True  # pain; a meaningful change is 2 points or about 30% (trends.improved)
    # else the PSFS: higher is better, and only a change of 2 in the mean means something


def sparkline(values: Sequence[float | None]) -> str:
    """One block a week, its height the 0-10 value (the same height is the same pain on any day); a
    week without a value is a space."""
    return "".join(" " if value is None else SPARKS[min(7, round(value / 10 * 7))] for value in values)


def trend_words(series: Series) -> str | None:
    """'Starting pain: 6 → 4 over 3 weeks, better': the first and last week with a value, better or
    worse only by a meaningful change (trends.improved: 2 points or about 30%, either way); None with
    fewer than two weeks to compare."""
    marked = [(index, value) for index, value in enumerate(series.values) if value is not None]
    if len(marked) < 2:
        return None
    (first_index, first), (last_index, last) = marked[0], marked[-1]
    from backcoach.core.progress.trends import improved  # the history's rule (it imports sqlite3)

    if series.lower_is_better:
        down, up = improved(first, last), improved(last, first)
    else:
        up, down = psfs.improved(first, last), psfs.improved(last, first)
    if down == up:
        verdict = "about the same"
    elif down == series.lower_is_better:
        verdict = "better"
    else:
        verdict = "worse"
    weeks = last_index - first_index + 1
    return f"{series.name}: {_figure(first)} → {_figure(last)} over {weeks} weeks, {verdict}"


def _figure(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


@dataclass(frozen=True)
class TrendLine:
    words: str
    spark: str

    @property
    def line(self) -> str:
        return f"{self.words}  {self.spark}"


def trend_lines(series: Sequence[Series]) -> tuple[TrendLine, ...]:
    """A line for each series with enough to say, its sparkline from its first week with a value."""
    lines = []
    for one in series:
        words = trend_words(one)
        if words is None:
            continue
        start = next(index for index, value in enumerate(one.values) if value is not None)
        lines.append(TrendLine(words, sparkline(one.values[start:])))
    return tuple(lines)


def trend_series(weeks: Sequence[Week], activity_means: Sequence[tuple[date, float]] = ()) -> list[Series]:
    """The measures the trend follows, week by week: starting pain, and the PSFS mean of each week
    it was rated (the last that week)."""
    by_week = {monday(day): mean for day, mean in activity_means}
    activities = tuple(by_week.get(week.start) for week in weeks)
    return [
        Series("Starting pain", tuple(week.average_before for week in weeks)),
        Series("Activities (PSFS)", activities, lower_is_better=False),
    ]


@dataclass(frozen=True)
class Dashboard:
    week: WeekStatus
    last: LastSession | None = None
    next: NextRoutine | None = None
    trend: tuple[TrendLine, ...] = ()


@dataclass(frozen=True)
class Asked:
    """What home asks the dashboard for: the settings it depends on and the routines it may suggest."""

    target: int
    days: tuple[str, ...]
    candidates: tuple[tuple[str, str], ...]  # (id, name) of the region routines, in shipped order
    gentle: tuple[str, str] | None  # (id, name) of the gentle day, when the catalog has one


def asked_of(catalog: Catalog, target: int, days: tuple[str, ...]) -> Asked:
    """The region routines of the catalog in its order (your own routines are yours to choose), and the
    gentle day."""
    candidates = tuple(
        (routine.id, routine.name) for routine in catalog.routines.values() if routine.id in REGIONS
    )
    gentle = catalog.routines.get(GENTLE)
    return Asked(target, days, candidates, None if gentle is None else (gentle.id, gentle.name))


def dashboard(history: History, today: date, asked: Asked) -> Dashboard:
    week = week_status(history, today, asked.target, asked.days)
    rows = history.recent_sessions(1)
    last = last_session(rows[0], history.reds_of(rows[0].id)) if rows else None
    last_days = history.last_days()
    suggestion = next_routine(
        asked.candidates, last_days, today, gentle_due(history, today, asked, last_days), asked.gentle
    )
    weeks = history.weeks(today, WEEKS_FOR_THE_RULE)
    return Dashboard(week, last, suggestion, trend_lines(trend_series(weeks, psfs_means(history))))


def gentle_due(history: History, today: date, asked: Asked, last_days: dict[str, date]) -> bool:
    """The last morning-after answer of the past week was "worse", and no gentle day has been done
    since it was given (one done after it, or a later answer, ends the suggestion)."""
    if asked.gentle is None:
        return False
    answers = history.mornings_after_since(today - timedelta(days=WORSE_FOR_DAYS))
    if not answers:
        return False
    answered_on, _, answer = answers[-1]
    return answer is Settled.WORSE and last_days.get(asked.gentle[0], date.min) < answered_on


def empty_dashboard(today: date, asked: Asked) -> Dashboard:
    week = empty_status(today, asked.target, asked.days)
    return Dashboard(week, None, next_routine(asked.candidates, {}, today))


def read_dashboard(path: Path, today: date, asked: Asked) -> Dashboard | None:
    """On its own connection, so a worker thread may call it; a missing file is an empty history (not
    created); None when the history cannot be read now (the app reports that where it writes)."""
    import sqlite3

    from backcoach.core.history.database import History, HistoryError

    if not path.exists():
        return empty_dashboard(today, asked)
    try:
        history = History(path)
    except HistoryError:
        return None
    try:
        return dashboard(history, today, asked)
    except sqlite3.Error:
        return None
    finally:
        history.close()
