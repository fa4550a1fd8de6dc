"""Outcomes: the PSFS (scoring, due dates, the form's rules, its history) and the week 6 and 12 reviews
(verdicts against the thresholds, missing data said), on real SQLite files."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backcoach.core.domain import psfs
from backcoach.core.domain.exercise import Catalog
from backcoach.core.domain.rating import Rating
from backcoach.core.history.database import History, Week
from backcoach.core.history.entries import PsfsEntry
from backcoach.core.history.entry_json import from_json, to_json
from backcoach.core.history.schema import MIGRATIONS
from backcoach.core.history.writes import HistoryLog
from backcoach.core.progress import review as reviews
from backcoach.core.progress.psfs import PsfsForm, due
from backcoach.core.progress.review import Verdict, due_week, review_of
from backcoach.core.progress.trends import improved, no_improvement
from backcoach.core.session.start import AskMorning, AskPsfs, AskRating, OpenSession, SessionStart, ShowReview
from backcoach.core.settings.model import Settings
from tests.core.test_history import OFFSET, add_session

TODAY = date(2026, 11, 26)


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 7, 30, tzinfo=OFFSET)


# Scoring


@given(st.lists(st.integers(0, 10), min_size=1, max_size=psfs.MOST))
def test_the_score_is_the_mean_and_stays_on_the_scale(scores: list[int]) -> None:
    mean = psfs.mean(scores)
    assert mean is not None and 0 <= mean <= 10
    assert mean == pytest.approx(sum(scores) / len(scores))
    assert psfs.mean({f"activity {n}": score for n, score in enumerate(scores)}) == mean


def test_a_change_of_2_in_the_mean_is_meaningful_and_3_for_one_activity() -> None:
    assert psfs.mean([]) is None
    assert psfs.improved(3.5, 5.5) and not psfs.improved(3.5, 5.4)
    assert psfs.improved(10 / 3, 16 / 3)  # exactly 2, in thirds: the float's last digit does not decide
    assert not psfs.improved(6, 4)  # down is not better on this scale
    assert psfs.activity_changes({"socks": 2, "film": 5}, {"socks": 5, "walk": 1}) == {"socks": 3}
    assert psfs.meaningful_for_one(3) and psfs.meaningful_for_one(-3) and not psfs.meaningful_for_one(2)


@pytest.mark.parametrize("bad", [-1, 11, 2.5, "7", True, None])
def test_a_score_off_the_scale_is_refused_with_the_scale(bad: object) -> None:
    with pytest.raises(ValueError, match="0 unable to do it"):
        psfs.check_score(bad)


@pytest.mark.parametrize("typed", ["", " ", "eleven", "11", "-1", "٣", "3.5"])
def test_a_typed_score_that_is_not_0_to_10_says_so(typed: str) -> None:
    with pytest.raises(ValueError, match=r"not a score|not on the scale"):
        psfs.parse_score(typed)


@given(st.text(max_size=200))
def test_any_text_is_cleaned_to_one_plain_line_or_refused_with_a_message(typed: str) -> None:
    try:
        cleaned = psfs.clean_activity(typed)
    except ValueError as error:
        assert str(error).startswith(("Type an activity", "That is"))
        return
    assert 0 < len(cleaned) <= psfs.LONGEST
    assert cleaned == cleaned.strip() and "  " not in cleaned
    assert all(character.isprintable() for character in cleaned)


def test_control_characters_go_and_a_long_activity_is_refused_with_its_length() -> None:
    assert psfs.clean_activity("  putting\ton \x1b[31msocks\n ") == "putting on [31msocks"
    with pytest.raises(ValueError, match=f"61 characters: keep it to {psfs.LONGEST}"):
        psfs.clean_activity("x" * 61)
    with pytest.raises(ValueError, match="Type an activity"):
        psfs.clean_activity("\x00\u200b ")


# Due dates


def test_due_at_the_first_session_then_every_2_weeks_since_the_last_rating() -> None:
    assert due(None, TODAY)  # never rated: every session until it is answered
    assert not due(TODAY - timedelta(days=13), TODAY)
    assert due(TODAY - timedelta(days=14), TODAY)
    assert due(TODAY - timedelta(days=40), TODAY)


# The form


def test_the_first_time_names_activities_then_rates_each_in_turn() -> None:
    form = PsfsForm(())
    assert form.first_time and form.naming and form.current is None
    with pytest.raises(ValueError, match="Name one activity"):
        form.stop_naming()
    form.add("Putting on socks")
    with pytest.raises(ValueError, match="already on your list"):
        form.add("putting ON socks ")
    form.add("Sitting through a film")
    form.stop_naming()
    assert form.current == "Putting on socks" and form.progress() == "1 of 2"
    form.rate(3)
    form.rate(6)
    assert form.done
    entry = form.entry(at(TODAY))
    assert entry.scores == (("Putting on socks", 3), ("Sitting through a film", 6))
    assert entry.added == ("Putting on socks", "Sitting through a film") and entry.retired == ()


def test_at_most_five_and_the_last_one_cannot_be_retired() -> None:
    form = PsfsForm(("a", "b", "c", "d"))
    assert not form.naming and form.current == "a"
    form.start_adding()
    form.add("e")
    with pytest.raises(ValueError, match="At most 5"):
        form.add("f")
    with pytest.raises(ValueError, match="At most 5"):
        form.start_adding()
    only = PsfsForm(("walking",))
    with pytest.raises(ValueError, match="only one left"):
        only.retire()


def test_a_re_rating_keeps_the_activities_by_name_and_retires_one() -> None:
    form = PsfsForm(("socks", "film", "stairs"))
    form.rate(4)
    assert form.retire() == "film"
    form.rate(7)
    assert form.done and form.entry(at(TODAY)).scores == (("socks", 4), ("stairs", 7))
    assert form.retired == ["film"]


# In the history


def test_psfs_ratings_land_in_the_history_and_the_activities_are_kept(tmp_path: Path) -> None:
    log = HistoryLog(tmp_path / "history.sqlite3")
    first = PsfsEntry(at(TODAY), (("socks", 2), ("film", 4)), ("socks", "film"))
    assert log.psfs(first) is None
    later = TODAY + timedelta(days=14)
    assert log.psfs(PsfsEntry(at(later), (("Socks", 5), ("walk", 3)), ("walk",), ("film",))) is None
    history = log.open()
    assert history.psfs_activities() == ["socks", "walk"]  # found by its words, whatever the case
    sets = history.psfs_sets()
    assert [(one.day, one.scores) for one in sets] == [
        (TODAY, {"socks": 2, "film": 4}),
        (later, {"socks": 5, "walk": 3}),
    ]
    assert history.last_psfs_day() == later
    history.close()
    assert log.close() is None


def test_a_psfs_rating_waits_in_the_side_file_like_a_rating(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.mkdir()  # a folder where the file should be: nothing can be written
    log = HistoryLog(path, spare_dir=tmp_path / "state")
    entry = PsfsEntry(at(TODAY), (("socks", 2),), ("socks",))
    assert log.psfs(entry) is not None
    assert "kept in" in (log.close() or "")
    path.rmdir()
    again = HistoryLog(path, spare_dir=tmp_path / "state")
    history = again.open()
    assert [one.scores for one in history.psfs_sets()] == [{"socks": 2}]
    history.close()
    assert from_json(json.loads(json.dumps(to_json(entry)))) == entry


def test_migration_5_upgrades_a_version_4_file_and_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript("".join(MIGRATIONS[:4]) + "PRAGMA user_version = 4;")
        db.execute(
            "INSERT INTO sessions (started_at, day, region, routine_name, pain_before, status)"
            " VALUES ('2026-11-20T08:30:00+01:00', '2026-11-20', 'lower', 'Lower back', 5, 'completed')"
        )
        db.execute(
            "INSERT INTO results (session_id, exercise, name, hold_seconds, reps, rating, verdict, status,"
            " recorded_at) VALUES (1, 'bridge', 'Bridge', 10, 5, 3, 'green', 'completed', '2026-11-20')"
        )
        db.execute(
            "INSERT INTO checkins (recorded_at, day, morning_pain, stiffness) VALUES ('x', '2026-11-20', 4, 5)"
        )
        db.execute(
            "INSERT INTO dose_changes (recorded_at, day, exercise, name, hold_seconds, reps)"
            " VALUES ('x', '2026-11-20', 'bridge', 'Bridge', 12, 5)"
        )
        db.execute(
            "INSERT INTO mornings_after (recorded_at, day, session_day, answer)"
            " VALUES ('x', '2026-11-21', '2026-11-20', 'settled')"
        )
        tables = ("sessions", "results", "checkins", "dose_changes", "mornings_after")
        before = {table: db.execute(f"SELECT * FROM {table}").fetchall() for table in tables}
    db.close()
    history = History(path)
    assert history.db.execute("PRAGMA user_version").fetchone()[0] == 5 == len(MIGRATIONS)
    for table, rows in before.items():
        assert history.db.execute(f"SELECT * FROM {table}").fetchall() == rows
    assert history.session_count() == 1 and history.psfs_activities() == [] and history.reviews() == []
    history.insert_psfs(PsfsEntry(at(TODAY), (("socks", 2),), ("socks",)))
    assert history.psfs_activities() == ["socks"]
    history.close()


# Reviews


def test_the_latest_review_week_reached_is_due_once() -> None:
    assert due_week(5, set()) is None
    assert due_week(6, set()) == 6 and due_week(9, set()) == 6
    assert due_week(7, {6}) is None
    assert due_week(12, {6}) == 12 and due_week(13, set()) == 12  # back at 13: the 12-week one only
    assert due_week(14, {12}) is None


def verdict(
    starting: list[float | None], morning: tuple[float | None, ...] = (), means: tuple[float, ...] = ()
) -> reviews.Review:
    return review_of(6, 6, 12, starting, morning, means)


@pytest.mark.parametrize(
    ("first", "last", "better"),
    [
        (6, 4, True),  # down exactly 2 points
        (6, 4.3, False),  # down 1.7: neither 2 points nor 30% (4.2)
        (10, 7, True),  # down exactly 30%
        (5, 3.5, True),  # exactly 30% again, below 2 points
        (5, 3.6, False),
        (2, 1.4, True),  # 30% of a low pain
        (4, 5, False),
    ],
)
def test_pain_down_2_points_or_30_percent_is_better(first: float, last: float, better: bool) -> None:
    assert improved(first, last) is better
    expected = Verdict.BETTER if better else Verdict.NOT_BETTER
    assert verdict([first, None, last]).verdict is expected


def test_the_psfs_up_2_is_better_on_its_own_and_morning_pain_counts_as_pain() -> None:
    assert verdict([6, 6], (), (3, 5)).verdict is Verdict.BETTER
    assert verdict([6, 6], (), (3, 4.9)).verdict is Verdict.NOT_BETTER
    assert verdict([6, 6], (6, 4)).verdict is Verdict.BETTER
    review = verdict([6, 6.5], (5,), (3, 4))
    assert review.verdict is Verdict.NOT_BETTER
    assert "GP or physiotherapist" in review.lines()[-1]
    assert "Morning pain (check-ins): given once so far (5), so it cannot be compared yet." in review.lines()


def test_missing_data_is_said_never_invented() -> None:
    review = verdict([None, 5])
    assert review.verdict is Verdict.UNKNOWN
    assert review.missing == [
        "starting pain",
        "morning pain (check-ins)",
        "activities (psfs mean, higher is better)",
    ]
    lines = review.lines()
    assert lines[0] == "Your week 6 review" and lines[1] == "Sessions done: 12 in 6 weeks."
    assert "Starting pain: given once so far (5)" in lines[2]
    assert "not given yet" in lines[3] and lines[-1].startswith("Not enough to compare yet")


def test_the_no_improvement_rule_holds_its_tongue_when_the_psfs_rose() -> None:
    monday = date(2026, 11, 2)
    weeks = [Week(monday + timedelta(weeks=n), 3, 6.0, None) for n in range(3)]
    assert no_improvement(weeks)
    assert no_improvement(weeks, [(monday, 3.0), (monday + timedelta(weeks=2), 4.5)])
    assert not no_improvement(weeks, [(monday, 3.0), (monday + timedelta(weeks=2), 5.0)])


# Before a session


def start(catalog: Catalog, log: HistoryLog, today: date) -> SessionStart:
    return SessionStart(catalog, Settings(), log, "lower", today, lambda: at(today))


def test_the_first_session_asks_the_psfs_and_escape_writes_nothing(catalog: Catalog, tmp_path: Path) -> None:
    log = HistoryLog(tmp_path / "history.sqlite3")
    flow = start(catalog, log, TODAY)
    step = flow.first()
    assert isinstance(step, AskPsfs) and step.form.first_time
    assert isinstance(flow.answered_psfs(None), AskRating)
    assert isinstance(start(catalog, log, TODAY).first(), AskPsfs)  # asked again next session
    assert log.close() is None


def test_two_weeks_on_the_same_activities_are_asked_again_then_the_week_6_review(
    catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "history.sqlite3"
    history = History(path)
    first = TODAY - timedelta(weeks=6)
    add_session(history, first, 6, {"bridge": 3})
    add_session(history, TODAY - timedelta(days=3), 3, {"bridge": 2})
    history.insert_psfs(PsfsEntry(at(first), (("socks", 2), ("film", 4)), ("socks", "film")))
    history.close()
    log = HistoryLog(path)
    flow = start(catalog, log, TODAY)
    assert isinstance(flow.first(), AskRating)  # the weekly check-in first, then the morning after
    assert isinstance(flow.rated(None), AskMorning)
    step = flow.answered_morning(None)
    assert isinstance(step, AskPsfs) and step.form.kept == ("socks", "film")
    step.form.rate(6)
    step.form.rate(7)
    shown = flow.answered_psfs(step.form)
    assert isinstance(shown, ShowReview)
    lines = shown.review.lines()
    assert "Starting pain: 6 in your first week, 3 now (down 3)." in lines
    assert "Activities (PSFS mean, higher is better): 3 at first, 6.5 now (up 3.5)." in lines
    assert shown.review.verdict is Verdict.BETTER
    assert isinstance(flow.reviewed(), AskRating)
    opened = flow.rated(Rating(2))
    assert isinstance(opened, OpenSession)
    again = start(catalog, log, TODAY)
    again.first()
    again.rated(None)
    assert isinstance(
        again.answered_morning(None), AskRating
    )  # rated today, and the review is kept: neither again
    (kept,) = log.open().reviews()
    assert (kept.week, kept.verdict, kept.lines) == (6, "better", lines)
    assert log.close() is None


def test_off_the_psfs_and_review_steps_are_left_out(catalog: Catalog, tmp_path: Path) -> None:
    log = HistoryLog(tmp_path / "history.sqlite3")
    flow = SessionStart(catalog, replace(Settings()), log, "lower", TODAY, ask_outcomes=False)
    assert isinstance(flow.first(), AskRating)
    assert log.close() is None


def test_one_added_during_a_re_rating_goes_back_to_rating() -> None:
    form = PsfsForm(("socks",))
    form.start_adding()
    form.add("walking")
    assert not form.naming and form.current == "socks" and form.activities == ["socks", "walking"]


def test_one_added_while_rating_the_first_time_goes_back_to_rating_too() -> None:
    form = PsfsForm(())
    form.add("socks")
    form.stop_naming()
    form.start_adding()
    form.add("desk")
    assert not form.naming and form.current == "socks"
    form.rate(4)
    assert form.current == "desk"
