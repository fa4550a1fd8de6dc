"""`backcoach report`: one self-contained HTML page to hand to a physiotherapist.

Everything is inline (styles, SVG charts), nothing loads from the network, and it prints on one or two
A4 pages. Every text that comes from a file or the history (routine and exercise names, notes) is
HTML-escaped, and control characters in it are shown escaped (\\x1b), never passed through.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import assert_never

from backcoach import __version__
from backcoach.core.domain import psfs
from backcoach.core.domain.dose import Dose
from backcoach.core.domain.exercise import Catalog
from backcoach.core.domain.morning import Settled
from backcoach.core.domain.red_flags import EMERGENCY, URGENT
from backcoach.core.domain.status import Status
from backcoach.core.domain.verdict import RISE_LIMIT, Level, acceptable_range
from backcoach.core.history.database import DoseChange, History, PsfsSet, ResultRow, ReviewRow, Week
from backcoach.core.kit.text import plural
from backcoach.core.progress.trends import figure, no_improvement, rising_warning, trend_words
from backcoach.core.report.svg_chart import Series, bar_chart, legend_key, line_chart
from backcoach.core.session.plan import build_plan
from backcoach.core.settings.model import Settings

NOTHING_YET = "Nothing to report yet: the history has no sessions with an exercise done."
STARTING = Series("Pain before the session", (), "", "circle")
MORNING = Series("Pain on getting up (weekly check-in)", (), "6 4", "square")
STIFFNESS = Series("Morning stiffness (weekly check-in)", (), "2 3", "triangle")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # as `[week] days` names them
ACTIVITY_LOOKS = (("6 4", "square"), ("2 3", "triangle"), ("10 3 2 3", "square"), ("1 4", "triangle"))


def text(value: object) -> str:
    """Safe inside HTML: control characters shown as escapes, then &, <, >, quotes escaped."""
    shown = "".join(
        (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
        if unicodedata.category(c) == "Cc"
        else c
        for c in str(value)
    )
    return html.escape(shown, quote=True)


def day(on: date) -> str:
    return f"{on.day} {on:%b %Y}"


@dataclass
class ExerciseLine:
    name: str
    ratings: list[int] = field(default_factory=list)
    reds: list[str] = field(default_factory=list)  # "3 Mar 2026: 7, sharp"
    stops: list[str] = field(default_factory=list)  # the days "this hurts" stopped it


@dataclass(frozen=True)
class ReportData:
    today: date
    weeks: list[Week]  # from the first week with anything in it
    target: int
    routines: list[tuple[str, str, int]]
    results: list[ResultRow]
    changes: list[DoseChange]
    psfs_sets: list[PsfsSet] = field(
        default_factory=list
    )  # every rating, not only these weeks': the first is the baseline
    mornings: list[tuple[date, date, Settled]] = field(default_factory=list)  # answered on, about, answer
    reviews: list[ReviewRow] = field(default_factory=list)
    planned_days: tuple[str, ...] = ()  # "mon", "wed": the days planned; empty: any day

    def day(self, on: date) -> str:
        """'20 Mar' in a report within one year; '20 Mar 2026' when it spans two."""
        return day(on) if self.weeks[0].start.year != self.today.year else f"{on.day} {on:%b}"


def gather(
    history: History, today: date, weeks: int, target: int, planned_days: tuple[str, ...] = ()
) -> ReportData | None:
    """What the report shows of the last `weeks` weeks; None when no session counts in them."""
    every_week = history.weeks(today, weeks)
    first = every_week[0].start
    used = [week for week in every_week if week.sessions or week.morning_pain is not None]
    if not any(week.sessions for week in every_week):
        return None
    shown = every_week[every_week.index(used[0]) :]
    return ReportData(
        today,
        shown,
        target,
        history.routines_since(first),
        history.results_since(first),
        history.dose_changes_since(first),
        history.psfs_sets(),
        history.mornings_after_since(first),
        history.reviews(),
        planned_days,
    )


def render(data: ReportData, catalog: Catalog, settings: Settings) -> str:
    start, end = data.weeks[0].start, data.today
    title = f"Back exercise report, {day(start)} to {day(end)}"
    sections = [
        f"<header><h1>{text(title)}</h1><p>{plural(len(data.weeks), 'week')} · made by backcoach {__version__}"
        f" on {day(data.today)} · every number is the person's own rating on the 0-10 scale"
        " (0 no pain, 10 worst imaginable)</p></header>",
        _routines(data, catalog, settings),
        _sessions(data),
        _adherence(data),
        _pain(data),
        _psfs(data),
        _mornings(data),
        _reviews(data),
        _exercises(data),
        _safety(settings),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{text(title)}</title><style>{STYLE}</style></head><body>"
        + "\n".join(sections)
        + "</body></html>\n"
    )


def _dose_words(dose: Dose, sides: str) -> str:
    each = {"both": " a side", "alternate": " a side, alternating"}.get(sides, "")
    return f"{dose.hold_seconds} s x {dose.reps}{each}"


def _routines(data: ReportData, catalog: Catalog, settings: Settings) -> str:
    """Each routine done in these weeks with its exercises at today's doses, then each accepted change."""
    parts = ["<section><h2>Routines and current doses</h2>"]
    for routine_id, name, sessions in data.routines:
        routine = catalog.routines.get(routine_id)
        if routine is None:
            doses = "no longer in the catalog"
        else:
            doses = "; ".join(
                f"{planned.exercise.name} {_dose_words(planned.dose, planned.exercise.sides)}"
                for planned in build_plan(routine, catalog, settings).exercises
            )
        parts.append(f"<p><b>{text(name)}</b> ({plural(sessions, 'session')}): {text(doses)}.</p>")
    if data.changes:
        changes = "".join(
            f"<li>{data.day(change.day)}: {text(change.name)} to {change.hold_seconds} s x"
            f" {plural(change.reps, 'rep')} ({text(change.note)})</li>"
            for change in data.changes
        )
        parts.append(f"<p>Dose changes in these weeks:</p><ul class=changes>{changes}</ul>")
    else:
        parts.append("<p>No dose changes in these weeks.</p>")
    parts.append("</section>")
    return "".join(parts)


def _week_labels(weeks: list[Week]) -> list[str]:
    return [f"{week.start.day} {week.start:%b}" for week in weeks]


def _sessions(data: ReportData) -> str:
    counts = [week.sessions for week in data.weeks]
    finished = counts[:-1]  # the last is this week, still under way: not yet met or missed
    met = sum(count >= data.target for count in finished)
    total = sum(counts)
    label = f"Sessions each week against the target of {data.target}"
    chart = bar_chart(label, counts, _week_labels(data.weeks), data.target)
    so_far = f"this week so far: {plural(counts[-1], 'session')}"
    target = f"the target of {data.target} a week (dashed line)"
    met_words = (
        f"{target} was met in <b>{met} of {len(finished)}</b> finished weeks; {so_far}"
        if finished
        else f"{target}: {so_far}"
    )
    words = (
        f"<p><b>{plural(total, 'session')}</b> in {plural(len(counts), 'week')}; {met_words}.</p>"
        f"<p>Week by week: {', '.join(str(count) for count in counts)}.</p>"
        "<p class=muted>Most programmes that help are 10 to 15 minutes, 3 or more times a week, for 6 to 12"
        " weeks.</p>"
    )
    return f"<section><h2>Sessions per week</h2><div class=figure>{chart}<div class=words>{words}</div></div></section>"


def _change_words(name: str, values: list[float | None]) -> str:
    given = [value for value in values if value is not None]
    if not given:
        return f"{name}: not given in these weeks."
    if len(given) == 1:
        return f"{name}: {figure(given[0])}, one week only."
    return f"{name}: {figure(given[0])} in the first week given, {figure(given[-1])} in the last."


def _pain(data: ReportData) -> str:
    starting = [week.average_before for week in data.weeks]
    morning = [week.morning_pain for week in data.weeks]
    stiffness = [week.stiffness for week in data.weeks]
    series = [
        Series(STARTING.name, starting, STARTING.dash, STARTING.marker),
        Series(MORNING.name, morning, MORNING.dash, MORNING.marker),
        Series(STIFFNESS.name, stiffness, STIFFNESS.dash, STIFFNESS.marker),
    ]
    chart = line_chart(
        "Pain and stiffness week by week, 0-10, weekly averages", series, _week_labels(data.weeks)
    )
    items = "".join(
        f"<li>{legend_key(one)} {text(_change_words(one.name, list(one.values)))}</li>" for one in series
    )
    notes = []
    if warning := rising_warning(data.weeks):
        notes.append(f"<p class=alert>{text(warning)}</p>")
    means = [(one.day, mean) for one in data.psfs_sets if (mean := psfs.mean(one.scores)) is not None]
    if no_improvement(data.weeks, means):
        notes.append(
            "<p class=alert>No improvement over the last 2 weeks of regular exercise: a clinician should"
            " review it.</p>"
        )
    words = f"<ul class=legend>{items}</ul>{''.join(notes)}"
    return (
        "<section><h2>Pain week by week</h2><p class=muted>Weekly averages; lower is better. Morning pain"
        " should not rise from week to week.</p>"
        f"<div class=figure>{chart}<div class=words>{words}</div></div></section>"
    )


def session_days(data: ReportData) -> set[date]:
    """The days with a session that counts (an exercise done, not only skipped)."""
    return {row.day for row in data.results if row.status is not Status.SKIPPED}


def planned_in(data: ReportData, done: set[date]) -> list[date]:
    """The planned days from the first week shown to today (today only once it has a session)."""
    wanted = {WEEKDAYS.index(name) for name in data.planned_days if name in WEEKDAYS}
    days = []
    on = data.weeks[0].start
    while on <= data.today:
        if on.weekday() in wanted and (on < data.today or on in done):
            days.append(on)
        on += timedelta(days=1)
    return days


def _adherence(data: ReportData) -> str:
    """Sessions against the planned days (`[week] days`), or a line saying none are set."""
    done = session_days(data)
    if not data.planned_days:
        return (
            "<section><h2>Planned days</h2><p>No planned days are set (any day will do): the sessions are"
            " counted against the weekly target above.</p></section>"
        )
    planned = planned_in(data, done)
    kept = sum(on in done for on in planned)
    other = sum(on not in planned for on in done)
    names = ", ".join(name.capitalize() for name in data.planned_days)
    share = f" ({round(100 * kept / len(planned))}%)" if planned else ""
    return (
        f"<section><h2>Planned days</h2><p>Planned: {text(names)}. Of {plural(len(planned), 'planned day')}"
        f" so far, <b>{kept}</b> had a session{share}; {plural(other, 'other day')} had one too.</p></section>"
    )


def _psfs(data: ReportData) -> str:
    """Each activity and the mean, by the day of each rating, against the first mean + 2."""
    sets = data.psfs_sets
    if not sets:
        return (
            "<section><h2>Activities (PSFS)</h2><p class=muted>Not rated yet: the activities the person"
            " finds hard are asked at the first session, then every 2 weeks.</p></section>"
        )
    names: list[str] = []
    for one in sets:
        names += [name for name in one.scores if name not in names]
    means = [psfs.mean(one.scores) for one in sets]
    first = means[0]
    assert first is not None
    goal = first + psfs.MEANINGFUL_MEAN
    series = [Series("Mean of the activities", means, "", "circle")]
    for index, name in enumerate(names):
        dash, marker = ACTIVITY_LOOKS[index % len(ACTIVITY_LOOKS)]
        series.append(Series(name, [one.scores.get(name) for one in sets], dash, marker))
    labels = [f"{one.day.day} {one.day:%b}" for one in sets]
    chart = line_chart(
        "Activities (PSFS), 0-10, higher is better: each activity and the mean, by the day rated",
        series,
        labels,
        reference=(goal, f"first mean + {psfs.MEANINGFUL_MEAN} = {figure(min(goal, 10))}"),
    )
    items = []
    for drawn in series:
        given = [value for value in drawn.values if value is not None]
        moved = ""
        if len(given) > 1:
            change = given[-1] - given[0]
            limit = psfs.MEANINGFUL_MEAN if drawn is series[0] else psfs.MEANINGFUL_ONE
            meaningful = "a meaningful change" if abs(round(change, 9)) >= limit else "within the noise"
            moved = f", {figure(given[0])} to {figure(given[-1])} ({meaningful}: {limit} or more counts)"
        elif given:
            moved = f", {figure(given[0])} (rated once)"
        items.append(f"<li>{legend_key(drawn)} {text(drawn.name + moved)}</li>")
    words = (
        f"<ul class=legend>{''.join(items)}</ul><p class=muted>0 unable to do it, 10 as well as before the"
        f" problem. The dashed line is the first mean + {psfs.MEANINGFUL_MEAN}: a mean above it is more than"
        " measurement noise (Stratford et al. 1995).</p>"
    )
    return f"<section><h2>Activities (PSFS)</h2><div class=figure>{chart}<div class=words>{words}</div></div></section>"


def _mornings(data: ReportData) -> str:
    if not data.mornings:
        return ""
    items = "".join(
        f"<li>{data.day(about)} session: {text(answer.value)} (answered {data.day(on)})</li>"
        for on, about, answer in data.mornings
    )
    return (
        f"<section><h2>The morning after: had the back settled?</h2><ul class=changes>{items}</ul></section>"
    )


def _reviews(data: ReportData) -> str:
    if not data.reviews:
        return ""
    parts = ["<section><h2>Reviews (weeks 6 and 12)</h2>"]
    for review in data.reviews:
        body = "".join(f"<li>{text(line)}</li>" for line in review.lines[1:])
        parts.append(
            f"<h3>{text(review.lines[0])}, shown {data.day(review.day)}</h3><ul class=changes>{body}</ul>"
        )
    parts.append("</section>")
    return "".join(parts)


def exercise_lines(results: Iterable[ResultRow], day: Callable[[date], str] = day) -> list[ExerciseLine]:
    lines: dict[str, ExerciseLine] = {}
    for row in results:
        line = lines.setdefault(row.exercise, ExerciseLine(row.name))
        line.name = row.name  # the latest name it had
        if row.rating is not None:
            line.ratings.append(row.rating)
        match row.verdict:
            case Level.RED:
                line.reds.append(f"{day(row.day)} ({row.rating}{', sharp' if row.sharp else ''})")
            case Level.GREEN | Level.AMBER | None:
                pass
            case unhandled:
                assert_never(unhandled)
        match row.status:
            case Status.STOPPED:
                line.stops.append(day(row.day))
            case Status.COMPLETED | Status.SKIPPED:
                pass
            case other:
                assert_never(other)
    return sorted(lines.values(), key=lambda line: line.name.casefold())


def listed(items: list[str]) -> str:
    return text("; ".join(items)) if items else "<span class=muted>none</span>"


def _exercises(data: ReportData) -> str:
    rows = []
    for line in exercise_lines(data.results, data.day):
        ratings = line.ratings
        average = figure(sum(ratings) / len(ratings)) if ratings else "-"
        rows.append(
            f"<tr><td>{text(line.name)}</td><td>{len(ratings)}</td><td>{average}</td>"
            f"<td>{' '.join(map(str, ratings[-8:])) or '-'}</td><td>{text(trend_words(tuple(ratings[-6:])))}</td>"
            f"<td>{listed(line.reds)}</td><td>{listed(line.stops)}</td></tr>"
        )
    return (
        "<section><h2>Each exercise: ratings after it</h2>"
        "<table><thead><tr><th>Exercise</th><th>Rated</th><th>Average</th><th>Last ratings</th><th>Trend</th>"
        "<th>Red ratings: date (rating)</th><th>Stopped: “this hurts”</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _safety(settings: Settings) -> str:
    emergency = "; ".join(EMERGENCY)
    urgent = "; ".join(URGENT)
    return (
        "<section class=safety><h2>Safety</h2>"
        "<p><b>backcoach is not medical advice.</b> It coaches exercises a physiotherapist or doctor has"
        " suggested. After each exercise the person rates their pain: a rating of"
        f" {settings.stop_at} or more, or sharp, shooting or spreading pain, is red (stop that exercise);"
        f" {acceptable_range()}, or a rise of {RISE_LIMIT} since the start, is amber (carry on gently)."
        " On a flare-up the app offers a gentle routine: cut back, keep moving.</p>"
        f"<p><b>Emergency, get help at once:</b> {text(emergency)}.</p>"
        f"<p><b>See a doctor soon, before exercising:</b> {text(urgent)}.</p>"
        "<p>No improvement after 2 weeks of regular exercise, or morning pain rising week after week:"
        " see a GP or physiotherapist.</p></section>"
    )


def report_html(
    history: History,
    catalog: Catalog,
    settings: Settings,
    today: date,
    weeks: int,
) -> str | None:
    """The page, or None when there is nothing to report in those weeks; adherence is counted against
    the settings' planned days ([week] days), any day when there are none."""
    data = gather(history, today, weeks, settings.target_sessions, settings.days)
    return None if data is None else render(data, catalog, settings)


def default_name(today: date) -> str:
    return f"backcoach-report-{today.isoformat()}.html"


STYLE = """
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { font: 10pt/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; background: #fff;
       max-width: 190mm; margin: 0 auto; padding: 6mm 0; }
h1 { font-size: 15pt; margin: 0 0 2pt; }
h2 { font-size: 12pt; margin: 10pt 0 4pt; border-bottom: 1px solid #999; }
h3 { font-size: 10.5pt; margin: 6pt 0 2pt; }
header p, .muted { color: #555; }
p { margin: 2pt 0; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { border-bottom: 1px solid #ccc; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background: #eee; }
.figure { display: flex; gap: 10pt; align-items: flex-start; break-inside: avoid; }
.figure svg.chart { flex: 0 0 auto; width: 118mm; height: auto; }
.words { flex: 1 1 auto; }
.legend { list-style: none; padding: 0; margin: 0; }
.legend li { margin-bottom: 3pt; }
.changes { margin: 0; padding-left: 14pt; }
.alert { font-weight: bold; border-left: 3pt solid #000; padding-left: 5pt; }
section { break-inside: avoid-page; }
.safety { font-size: 9pt; }
"""
