"""The rules that hold over days: flare days, days not sessions, the gentle day's ratings, the morning
after, sharp pain in the summary and on disk. Sessions run through the Coach on a ManualClock with a
real history file; what is asserted is what the person is told, or what is in the history."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from backcoach.core.domain.dose import Dose
from backcoach.core.domain.exercise import Catalog
from backcoach.core.domain.morning import Settled
from backcoach.core.domain.rating import Rating
from backcoach.core.domain.results import ExerciseResult
from backcoach.core.domain.status import Status
from backcoach.core.domain.verdict import Level
from backcoach.core.history.database import History
from backcoach.core.history.schema import CSV_HEADER, MIGRATIONS
from backcoach.core.history.writes import HistoryLog
from backcoach.core.kit.clock import ManualClock
from backcoach.core.progress import morning_after
from backcoach.core.progress.progression import Change
from backcoach.core.session.coach import Coach, SessionEnded, Summary, VerdictGiven
from backcoach.core.session.flare import gentle_offer
from backcoach.core.session.pain import judge
from backcoach.core.settings.model import Settings
from tests.core.test_coach import run_to_rating
from tests.core.test_history import add_session

OFFSET = timezone(timedelta(hours=1))
TODAY = datetime(2026, 11, 23, 18, 0, tzinfo=OFFSET)


def run_session(
    catalog: Catalog, path: Path, routine: str, start: int | None, rating: Rating, at: datetime = TODAY
) -> tuple[list[VerdictGiven], Summary]:
    """Every exercise rated the same; a red is gone on from, as the person may."""
    clock = ManualClock()
    coach = Coach(catalog.routines[routine], catalog, Settings(), clock, start, HistoryLog(path), lambda: at)
    coach.start()
    verdicts: list[VerdictGiven] = []
    while not coach.finished:
        run_to_rating(coach, clock)
        events = coach.rate(rating)
        given = [event for event in events if isinstance(event, VerdictGiven)]
        verdicts += given
        if given[0].choice_due:
            events = coach.go_on()
        ended = [event for event in events if isinstance(event, SessionEnded)]
        if ended:
            coach.history.close()  # type: ignore[union-attr]
            return verdicts, ended[0].summary
    raise AssertionError("the session never ended")


@pytest.mark.parametrize("rating", [7, 6])
def test_a_flare_day_on_the_gentle_day_rated_at_its_start_ends_with_no_red_and_no_proposal(
    catalog: Catalog, tmp_path: Path, rating: int
) -> None:
    offer = gentle_offer(7, catalog.routines["lower"], catalog, Settings())
    assert offer is not None and offer.routine.id == "gentle"
    verdicts, summary = run_session(catalog, tmp_path / "history.sqlite3", "gentle", 7, Rating(rating))
    assert len(verdicts) == len(catalog.routines["gentle"].exercise_ids)
    assert all(verdict.verdict.level is Level.AMBER for verdict in verdicts)
    assert verdicts[0].verdict.reasons == (
        f"Rated {rating}: still high but not worse than your start (7): keep the movement small.",
    )
    assert not any(verdict.advice for verdict in verdicts)  # no "end today's session"
    assert summary.proposals == ()  # the usual doses do not move on a flare day


def test_a_flare_day_that_gets_worse_by_two_is_red_and_still_proposes_nothing(
    catalog: Catalog, tmp_path: Path
) -> None:
    verdicts, summary = run_session(catalog, tmp_path / "history.sqlite3", "gentle", 7, Rating(9))
    assert verdicts[0].verdict.reasons == ("Up 2 since you started (7 to 9): worse than your start today.",)
    assert summary.proposals == ()


def test_two_sessions_on_one_day_step_nothing_up(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    morning = TODAY.replace(hour=8)
    run_session(catalog, path, "lower", 1, Rating(1), at=morning)
    _, summary = run_session(catalog, path, "lower", 1, Rating(1))
    assert summary.proposals == ()  # one day of greens: not two
    _, tomorrow = run_session(catalog, path, "lower", 1, Rating(1), at=TODAY + timedelta(days=1))
    reasons = {proposal.exercise.id: proposal.reason for proposal in tomorrow.proposals}
    assert (
        reasons["pelvic-tilt"]
        == "Pelvic tilt: 9 reps next time, rated 1 and 1 on your last 2 days of exercise."
    )


def test_green_on_the_gentle_day_never_counts_towards_the_usual_dose(
    catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "history.sqlite3"
    run_session(catalog, path, "gentle", 2, Rating(1), at=TODAY - timedelta(days=1))
    _, summary = run_session(catalog, path, "lower", 2, Rating(1))
    assert summary.proposals == ()  # yesterday was the gentle day: today is the first usual day


def test_a_sharp_pain_is_said_in_the_proposal_and_kept_in_the_csv(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    clock = ManualClock()
    coach = Coach(catalog.routines["lower"], catalog, Settings(), clock, 2, HistoryLog(path), lambda: TODAY)
    coach.start()
    coach.skip()
    coach.skip()
    coach.skip()  # to the basic twist
    run_to_rating(coach, clock)
    (given,) = [event for event in coach.rate(Rating(3, sharp=True)) if isinstance(event, VerdictGiven)]
    assert given.verdict.level is Level.RED
    (ended,) = [event for event in coach.end() if isinstance(event, SessionEnded)]
    (proposal,) = ended.summary.proposals
    assert proposal.reason == (
        "Basic twist (knee rolls): 5 s holds next time, it hurt today (rated 3, with sharp pain)."
    )
    coach.history.close()  # type: ignore[union-attr]
    rows = list(
        csv.reader(io.StringIO("\n".join(",".join(map(str, row)) for row in History(path).csv_rows())))
    )
    assert CSV_HEADER[-2:] == ("sharp", "verdict")
    assert rows[-1][2:] == ["basic-twist", "", "10", "3", "2", "3", "completed", "sharp", "red"]


@pytest.mark.parametrize(
    ("days_since", "answered", "due"),
    [(0, False, False), (1, False, True), (3, False, True), (4, False, False), (2, True, False)],
)
def test_the_morning_after_is_asked_once_within_three_days(
    days_since: int, answered: bool, due: bool
) -> None:
    last = date(2026, 11, 20)
    assert morning_after.due(last, last + timedelta(days=days_since), answered) is due
    assert morning_after.due(None, last, False) is False
    assert morning_after.question(last) == (
        "After your last session (Friday 20 November), had your back settled by the next morning?"
    )
    assert [answer.value for answer in morning_after.ANSWERS] == [
        "settled",
        "about the same as before",
        "worse",
    ]


def green_yesterday_and_an_answer(path: Path, answer: Settled) -> None:
    history = History(path)
    add_session(history, date(2026, 11, 21), 2, {"pelvic-tilt": 1})
    history.close()
    log = HistoryLog(path)
    assert log.morning_after(TODAY, date(2026, 11, 21), answer) is None
    log.close()


@pytest.mark.parametrize(
    ("answer", "change", "dose", "reason"),
    [
        (Settled.SETTLED, Change.UP, Dose(5, 9), "Pelvic tilt: 9 reps next time, rated 1 and 1 on your last 2"
         " days of exercise."),
        (Settled.SAME, Change.HOLD, Dose(5, 8), "Pelvic tilt: the same dose next time; your back was about the"
         " same the morning after last time."),
        (Settled.WORSE, Change.DOWN, Dose(5, 7), "Pelvic tilt: 7 reps next time, your back was worse the"
         " morning after last time."),
    ],
)  # fmt: skip
def test_the_morning_after_answer_decides_whether_a_green_day_steps_up(
    catalog: Catalog, tmp_path: Path, answer: Settled, change: Change, dose: Dose, reason: str
) -> None:
    path = tmp_path / "history.sqlite3"
    green_yesterday_and_an_answer(path, answer)
    clock = ManualClock()
    coach = Coach(catalog.routines["lower"], catalog, Settings(), clock, 1, HistoryLog(path), lambda: TODAY)
    coach.start()
    run_to_rating(coach, clock)
    coach.rate(Rating(1))
    (ended,) = [event for event in coach.end() if isinstance(event, SessionEnded)]
    (proposal,) = ended.summary.proposals
    assert (proposal.change, proposal.proposed, proposal.reason) == (change, dose, reason)


def test_worse_the_morning_after_offers_the_gentle_day_and_the_answer_is_kept(
    catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "history.sqlite3"
    green_yesterday_and_an_answer(path, Settled.WORSE)
    offer = gentle_offer(2, catalog.routines["lower"], catalog, Settings(), Settled.WORSE)
    assert offer is not None and offer.question == (
        "Your back was worse after last time: try the gentle routine instead of Lower back?"
    )
    assert offer.reason.startswith("Worse the morning after means the last session was a bit much")
    assert gentle_offer(2, catalog.routines["lower"], catalog, Settings(), Settled.SAME) is None
    history = History(path)
    assert history.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) == 5
    assert history.morning_after(date(2026, 11, 21)) is Settled.WORSE
    assert history.mornings_after_since(date(2026, 11, 1)) == [
        (TODAY.date(), date(2026, 11, 21), Settled.WORSE)
    ]
    assert history.last_session_day(TODAY.date()) == date(2026, 11, 21)


def test_an_unwritten_answer_waits_in_the_side_file_and_goes_in_later(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"not a database" * 50)
    log = HistoryLog(path)
    assert log.morning_after(TODAY, date(2026, 11, 21), Settled.SAME) is not None  # said once
    log.close()
    path.unlink()
    log = HistoryLog(path)
    log.flush()
    log.close()
    assert History(path).morning_after(date(2026, 11, 21)) is Settled.SAME


def test_no_rating_due_is_lost_to_a_flare_day(catalog: Catalog, tmp_path: Path) -> None:
    """A flare day's ratings are in the history like any other: only the doses ignore them."""
    path = tmp_path / "history.sqlite3"
    run_session(catalog, path, "gentle", 7, Rating(7))
    rows = list(History(path).csv_rows())
    assert len(rows) == len(catalog.routines["gentle"].exercise_ids)
    assert {row[-1] for row in rows} == {"amber"}


def test_a_result_says_sharp_beside_its_rating() -> None:
    sharp = ExerciseResult(
        "basic-twist", "Basic twist", Dose(10, 3), Status.COMPLETED, Rating(3, True), judge(3, 2, True)
    )
    assert sharp.rated == "3, sharp" and sharp.verdict is not None and sharp.verdict.level is Level.RED
    plain = ExerciseResult(
        "basic-twist", "Basic twist", Dose(10, 3), Status.COMPLETED, Rating(3), judge(3, 2)
    )
    assert plain.rated == "3"
    assert ExerciseResult("bridge", "Bridge", Dose(10, 5), Status.SKIPPED).rated == ""
