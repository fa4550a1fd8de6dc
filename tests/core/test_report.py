"""`backcoach report`: one self-contained HTML page, escaped, small and quick on 12 weeks of history."""

from __future__ import annotations

import re
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from backcoach.cli import main
from backcoach.core.domain.dose import Dose
from backcoach.core.domain.exercise import Catalog
from backcoach.core.domain.morning import Settled
from backcoach.core.domain.outcome import Outcome
from backcoach.core.domain.rating import Rating
from backcoach.core.domain.results import ExerciseResult
from backcoach.core.domain.status import Status
from backcoach.core.domain.verdict import ACCEPTABLE_MAX, GREEN_MAX, RISE_LIMIT
from backcoach.core.history.database import History
from backcoach.core.history.entries import DoseEntry, MorningAfterEntry, PsfsEntry, ReviewEntry
from backcoach.core.kit import paths
from backcoach.core.report.page import exercise_lines, report_html, text
from backcoach.core.session.pain import judge
from backcoach.core.settings.model import Settings
from tests.core.test_history import OFFSET
from tests.history_helpers import add_result, start_session

ODD_NAME = "Bridge <b>&\x1b[31m"  # a name from a user's file: markup and a control character


def fill_weeks(path: Path, catalog: Catalog, today: date, weeks: int = 12) -> None:
    """Three or four sessions a week for `weeks` weeks, a weekly check-in, some reds and stops, and
    two accepted dose changes: the history a physiotherapist would be handed."""
    history = History(path)
    history.db.execute("BEGIN")
    first = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    for week in range(weeks):
        monday = first + timedelta(weeks=week)
        morning = datetime(monday.year, monday.month, monday.day, 7, tzinfo=OFFSET)
        if monday <= today:
            history.insert_checkin(morning.isoformat(), max(1, 6 - week // 2), max(1, 7 - week // 2))
        for session_day in (0, 2, 4, 5)[: 3 + week % 2]:
            on = monday + timedelta(days=session_day)
            if on > today:
                continue
            routine = catalog.routines[("lower", "middle", "gentle")[(week + session_day) % 3]]
            started = datetime(on.year, on.month, on.day, 8, tzinfo=OFFSET)
            session = start_session(history, started, routine.id, routine.name, max(0, 6 - week // 3))
            for number, exercise in enumerate(catalog.routine_exercises(routine)):
                rating = (week + number + session_day) % 7
                status = Status.STOPPED if rating == 6 and number % 2 else Status.COMPLETED
                name = ODD_NAME if exercise.id == "bridge" else exercise.name
                result = ExerciseResult(
                    exercise.id, name, Dose(10, 5), status, Rating(rating, sharp=rating == 6), judge(rating)
                )
                add_result(history, session, result, started)
            history.end_session(session, Outcome.COMPLETED)
    for week, hold in ((3, 25), (8, 30)):
        on = first + timedelta(weeks=week, days=1)
        moment = datetime(on.year, on.month, on.day, 9, tzinfo=OFFSET)
        history.insert_dose_change(
            DoseEntry(moment, "knee-to-chest", "Knee to chest", Dose(hold, 2), "accepted on the summary")
        )
    history.db.execute("COMMIT")
    fill_outcomes(history, first, today)
    history.close()


def fill_outcomes(history: History, first: date, today: date) -> None:
    """A PSFS every 2 weeks from the first (three activities, one retired and one added on the way),
    a morning-after answer and the week 6 review."""
    for week in range(0, 12, 2):
        on = first + timedelta(weeks=week, days=2)
        if on > today:
            break
        activities = ("Putting on socks", "Sitting through a film") + (
            ("Carrying shopping",) if week < 6 else ("Gardening <weeds>",)
        )
        scores = tuple((name, min(10, 2 + week // 2 + number)) for number, name in enumerate(activities))
        moment = datetime(on.year, on.month, on.day, 8, tzinfo=OFFSET)
        retired = ("Carrying shopping",) if week == 6 else ()
        history.insert_psfs(PsfsEntry(moment, scores, activities, retired))
    answered = first + timedelta(days=1)
    history.insert_morning_after(
        MorningAfterEntry(
            datetime(answered.year, answered.month, answered.day, 9, tzinfo=OFFSET),
            first.isoformat(),
            Settled.SAME,
        )
    )
    shown = first + timedelta(weeks=5)
    if shown <= today:
        moment = datetime(shown.year, shown.month, shown.day, 8, tzinfo=OFFSET)
        lines = (
            "Your week 6 review",
            "Sessions done: 18 in 6 weeks.",
            "Better by a change that matters: keep going.",
        )
        history.insert_review(ReviewEntry(moment, 6, "better", lines))


TODAY = date(2026, 5, 27)  # a Wednesday


def test_the_report_covers_routines_doses_weeks_pain_and_each_exercise(
    tmp_path: Path, catalog: Catalog
) -> None:
    fill_weeks(tmp_path / "history.sqlite3", catalog, TODAY)
    page = report_html(
        History(tmp_path / "history.sqlite3"),
        catalog,
        Settings().with_dose("knee-to-chest", 30, 2),
        TODAY,
        12,
    )
    assert page is not None
    assert "<title>Back exercise report, 9 Mar 2026 to 27 May 2026</title>" in page
    assert (
        page.count("<svg") - page.count('aria-hidden="true"') == 3
    )  # three charts; the rest are legend keys
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "") and "https://" not in page
    assert "<script" not in page and "<link" not in page  # nothing loads from anywhere
    # routines and doses, with each accepted change and its day
    assert re.search(
        r"<b>Lower back</b> \(\d+ sessions\): Pelvic tilt 5 s x 8; Knee to chest 30 s x 2 a side;", page
    )
    assert re.search(r"<b>Gentle day</b> \(\d+ sessions\): Pelvic tilt 5 s x 5;", page)
    assert "<li>31 Mar: Knee to chest to 25 s x 2 reps (accepted on the summary)</li>" in page
    assert "<li>5 May: Knee to chest to 30 s x 2 reps" in page
    # sessions against the target, the pain chart's words, reds and stops with their dates
    assert re.search(
        r"the target of 3 a week \(dashed line\) was met in <b>\d+ of 11</b> finished weeks; this week so far: \d+ session",
        page,
    )
    assert "Pain on getting up (weekly check-in): 6 in the first week given, 1 in the last." in page
    assert "Red ratings: date (rating)" in page and ", sharp)" in page
    assert "Sessions per week" in page and "Safety" in page and "not medical advice" in page
    # text from the history is escaped, its control characters shown
    assert "<b>&" not in page and text(ODD_NAME) in page and "Bridge &lt;b&gt;&amp;\\x1b[31m" in page
    assert "\x1b" not in page


def test_exercise_lines_list_reds_and_stops_with_their_dates(tmp_path: Path, catalog: Catalog) -> None:
    fill_weeks(tmp_path / "history.sqlite3", catalog, TODAY, weeks=2)
    lines = {
        line.name: line
        for line in exercise_lines(
            History(tmp_path / "history.sqlite3").results_since(TODAY - timedelta(days=30))
        )
    }
    crunch = lines["Partial crunch"] if "Partial crunch" in lines else next(iter(lines.values()))
    assert crunch.ratings
    everything = [red for line in lines.values() for red in line.reds]
    assert everything and all(re.fullmatch(r"\d+ \w{3} 2026 \([6-9](, sharp)?\)", red) for red in everything)
    assert all(re.fullmatch(r"\d+ \w{3} 2026", stop) for line in lines.values() for stop in line.stops)


def test_the_command_writes_one_small_file_and_says_where(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fill_weeks(paths.history_file(), catalog, date.today())
    out = tmp_path / "report.html"
    assert main(["report", "--weeks", "12", "--out", str(out)]) == 0  # its speed: benchmarks/
    assert out.stat().st_size < 500_000
    assert f"Wrote {out}" in capsys.readouterr().out


def test_an_empty_history_has_nothing_to_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    assert main(["report", "--out", str(out)]) == 0
    assert "Nothing to report yet" in capsys.readouterr().out and not out.exists()
    History(paths.history_file()).close()  # a history with no session in it
    assert main(["report", "--out", str(out)]) == 0
    assert "Nothing to report yet" in capsys.readouterr().out and not out.exists()


@pytest.mark.parametrize("weeks", ["0", "x", "105", "\u0663", "\uff11\uff12"])
def test_a_wrong_number_of_weeks_is_one_line_and_status_2(
    weeks: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["report", "--weeks", weeks])
    assert exit_info.value.code == 2
    assert "is not a number of weeks from 1 to 104" in capsys.readouterr().err


def test_the_safety_section_states_the_thresholds_the_pain_check_uses(
    tmp_path: Path, catalog: Catalog
) -> None:
    fill_weeks(tmp_path / "history.sqlite3", catalog, TODAY, weeks=1)
    page = report_html(History(tmp_path / "history.sqlite3"), catalog, Settings(stop_at=7), TODAY, 1)
    assert page is not None
    assert "a rating of 7 or more, or sharp, shooting or spreading pain, is red" in page
    assert f" {GREEN_MAX + 1}-{ACCEPTABLE_MAX}, or a rise of {RISE_LIMIT} since the start, is amber" in page


def test_open_hands_the_written_page_to_the_browser(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fill_weeks(paths.history_file(), catalog, date.today())
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser"
    browser.write_text(f'#!/bin/sh\necho "$1" > {opened}\n')
    browser.chmod(0o755)
    monkeypatch.setenv("BROWSER", str(browser))  # the machine's own browser is never started
    import webbrowser

    monkeypatch.setattr(webbrowser, "_tryorder", None)  # read BROWSER afresh
    out = tmp_path / "report.html"
    assert main(["report", "--out", str(out), "--open"]) == 0
    for _ in range(100):  # the browser runs on its own
        if opened.exists():
            break
        time.sleep(0.05)
    assert opened.read_text().strip() == out.absolute().as_uri()
    assert f"Wrote {out.absolute()}" in capsys.readouterr().out


def test_the_report_shows_the_psfs_against_its_2_point_line_the_mornings_and_the_reviews(
    tmp_path: Path, catalog: Catalog
) -> None:
    fill_weeks(tmp_path / "history.sqlite3", catalog, TODAY)
    page = report_html(History(tmp_path / "history.sqlite3"), catalog, Settings(), TODAY, 12)
    assert page is not None
    psfs = page[page.index("<h2>Activities (PSFS)</h2>") :]
    psfs = psfs[: psfs.index("</section>")]
    assert '<line class="reference"' in psfs and "first mean + 2 = 5" in psfs  # (2 + 3 + 4) / 3 + 2
    assert "Mean of the activities, 3 to 8 (a meaningful change: 2 or more counts)" in psfs
    assert "Carrying shopping, 4 to 6 (within the noise: 3 or more counts)" in psfs
    assert "Gardening &lt;weeds&gt;" in psfs and "<weeds>" not in psfs
    assert "session: about the same as before (answered" in page
    assert (
        "<h3>Your week 6 review, shown" in page
        and "<li>Better by a change that matters: keep going.</li>" in page
    )
    assert "No planned days are set (any day will do)" in page


def test_adherence_counts_the_planned_days_that_had_a_session(tmp_path: Path, catalog: Catalog) -> None:
    history = History(tmp_path / "history.sqlite3")
    monday = TODAY - timedelta(days=TODAY.weekday(), weeks=1)  # last week's Monday; TODAY is a Wednesday
    for on in (monday, monday + timedelta(days=1), monday + timedelta(days=4), TODAY):
        started = datetime(on.year, on.month, on.day, 8, tzinfo=OFFSET)
        session = start_session(history, started, "lower", "Lower back", 3)
        add_result(
            history,
            session,
            ExerciseResult("bridge", "Bridge", Dose(10, 5), Status.COMPLETED, Rating(2), judge(2)),
            started,
        )
    page = report_html(history, catalog, Settings(days=("mon", "wed", "fri")), TODAY, 2)
    assert page is not None
    # Planned: last Mon, Wed, Fri and today (Wednesday, done); this Monday was missed: 5 planned, 3 kept.
    assert (
        "Planned: Mon, Wed, Fri. Of 5 planned days so far, <b>3</b> had a session (60%); 1 other day had one too."
        in page
    )
