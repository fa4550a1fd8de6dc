"""Before a session: check-in when due, the starting rating, the gentle day on a flare-up; on a real
history file, answered as the screens would answer."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from backcoach.core.domain.exercise import Catalog
from backcoach.core.domain.morning import Settled
from backcoach.core.domain.rating import SCALE, Rating
from backcoach.core.history.database import History
from backcoach.core.history.writes import HistoryLog
from backcoach.core.progress.weekly import CHECKIN_PAIN, CHECKIN_STIFFNESS, STIFFNESS_SCALE
from backcoach.core.session.start import AskMorning, AskRating, Done, OfferGentle, OpenSession, SessionStart
from backcoach.core.settings.model import Settings
from tests.core.test_history import OFFSET, add_session

THURSDAY = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 7, 30, tzinfo=OFFSET)
LOWER_QUESTION = "Lower back: how is your back right now?"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def log(path: Path) -> Iterator[HistoryLog]:
    history_log = HistoryLog(path)
    yield history_log
    assert history_log.close() is None


def with_last_week(path: Path) -> None:
    """A session in an earlier week: from week 2 the check-in is due, once a week."""
    history = History(path)
    add_session(history, date(2026, 11, 17), 3, {"bridge": 2})
    history.close()


def start(catalog: Catalog, log: HistoryLog, routine: str | None = "lower", **settings: Any) -> SessionStart:
    # The PSFS and the reviews have their tests in test_outcomes.py.
    settings_given = replace(Settings(), **settings)
    return SessionStart(catalog, settings_given, log, routine, THURSDAY, lambda: NOW, ask_outcomes=False)


def checkins(path: Path) -> tuple[float | None, float | None]:
    (week,) = History(path).weeks(THURSDAY, 1)
    return week.morning_pain, week.stiffness


def test_no_check_in_in_week_1_straight_to_the_starting_rating(catalog: Catalog, log: HistoryLog) -> None:
    flow = start(catalog, log)
    assert flow.first() == AskRating(LOWER_QUESTION, SCALE, ask_sharp=True)
    step = flow.rated(Rating(3))
    assert step == OpenSession(catalog.routines["lower"], Rating(3), None)


def test_the_due_check_in_comes_first_and_lands_in_the_history(
    catalog: Catalog, log: HistoryLog, path: Path
) -> None:
    with_last_week(path)
    flow = start(catalog, log)
    assert flow.first() == AskRating(CHECKIN_PAIN, SCALE, ask_sharp=False)
    assert flow.rated(Rating(5)) == AskRating(CHECKIN_STIFFNESS, STIFFNESS_SCALE, ask_sharp=False)
    assert flow.rated(Rating(4)) == AskRating(LOWER_QUESTION)
    assert flow.take_problem() is None
    assert checkins(path) == (5, 4)
    assert isinstance(flow.rated(Rating(2)), OpenSession)
    assert not start(catalog, log).checkin_due()  # done for this week


def test_escape_on_the_check_in_skips_it_this_time(catalog: Catalog, log: HistoryLog, path: Path) -> None:
    with_last_week(path)
    flow = start(catalog, log)
    flow.first()
    assert flow.rated(None) == AskRating(LOWER_QUESTION)  # on to the session, nothing written
    assert checkins(path) == (None, None)
    assert start(catalog, log).checkin_due()  # asked again next time


def test_escape_on_the_stiffness_question_writes_nothing(
    catalog: Catalog, log: HistoryLog, path: Path
) -> None:
    with_last_week(path)
    flow = start(catalog, log)
    flow.first()
    flow.rated(Rating(5))
    assert flow.rated(None) == AskRating(LOWER_QUESTION)
    assert checkins(path) == (None, None)


def test_escape_on_the_starting_rating_opens_nothing(catalog: Catalog, log: HistoryLog) -> None:
    flow = start(catalog, log)
    flow.first()
    assert flow.rated(None) == Done()
    with pytest.raises(RuntimeError):
        flow.rated(Rating(3))  # the flow is over


def test_check_before_off_opens_without_a_rating(catalog: Catalog, log: HistoryLog, path: Path) -> None:
    assert start(catalog, log, check_before=False).first() == OpenSession(
        catalog.routines["lower"], None, None
    )
    with_last_week(path)
    flow = start(catalog, log, check_before=False)
    flow.first()
    flow.rated(Rating(1))
    assert flow.rated(Rating(2)) == OpenSession(catalog.routines["lower"], None, None)  # after the check-in


def test_a_rating_below_stop_at_opens_the_routine_chosen(catalog: Catalog, log: HistoryLog) -> None:
    flow = start(catalog, log, stop_at=7)
    flow.first()
    assert flow.rated(Rating(6)) == OpenSession(catalog.routines["lower"], Rating(6), None)


@pytest.mark.parametrize(("gentle", "opened"), [(True, "gentle"), (False, "lower"), (None, "lower")])
def test_a_rating_at_stop_at_offers_the_gentle_day(
    catalog: Catalog, log: HistoryLog, gentle: bool | None, opened: str
) -> None:
    flow = start(catalog, log, stop_at=7)
    flow.first()
    step = flow.rated(Rating(7))
    assert isinstance(step, OfferGentle)
    assert step.offer.routine.id == "gentle" and step.offer.chosen.id == "lower"
    with pytest.raises(RuntimeError):
        flow.rated(Rating(3))  # the offer is what is being asked
    opening = flow.chose_gentle(gentle)  # None: escape keeps the routine chosen
    assert opening == OpenSession(catalog.routines[opened], Rating(7), None)


def test_sharp_pain_at_the_start_is_said_before_the_session(catalog: Catalog, log: HistoryLog) -> None:
    flow = start(catalog, log)
    flow.first()
    step = flow.rated(Rating(2, sharp=True))
    assert isinstance(step, OpenSession) and step.advice is not None
    assert step.advice.startswith("Sharp or spreading pain before you start")


def test_the_check_in_on_its_own_is_asked_even_when_not_due(
    catalog: Catalog, log: HistoryLog, path: Path
) -> None:
    flow = start(catalog, log, routine=None)
    assert flow.first() == AskRating(CHECKIN_PAIN, SCALE, ask_sharp=False)
    flow.rated(Rating(3))
    assert flow.rated(Rating(6)) == Done()
    assert checkins(path) == (3, 6)
    escaped = start(catalog, log, routine=None)
    escaped.first()
    assert escaped.rated(None) == Done()


def test_an_unreadable_history_skips_the_check_in(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"not a database, " * 100)
    log = HistoryLog(path)
    flow = start(catalog, log)
    assert flow.first() == AskRating(LOWER_QUESTION)  # the session matters more


def test_a_check_in_that_cannot_be_written_says_so_once(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"not a database, " * 100)
    log = HistoryLog(path)
    flow = start(catalog, log, routine=None)
    flow.first()
    flow.rated(Rating(3))
    assert flow.rated(Rating(4)) == Done()
    problem = flow.take_problem()
    assert problem is not None and str(path) in problem
    assert flow.take_problem() is None
    log.close()


def with_yesterday(path: Path) -> None:
    """A session the day before: the morning after it has come, and is asked about once."""
    history = History(path)
    add_session(history, date(2026, 11, 25), 3, {"bridge": 2})
    history.close()


MORNING_QUESTION = (
    "After your last session (Wednesday 25 November), had your back settled by the next morning?"
)


def test_the_morning_after_is_asked_once_and_lands_in_the_history(
    catalog: Catalog, log: HistoryLog, path: Path
) -> None:
    with_yesterday(path)
    flow = start(catalog, log)
    assert flow.first() == AskMorning(MORNING_QUESTION)
    assert flow.answered_morning(Settled.SETTLED) == AskRating(LOWER_QUESTION)
    assert flow.take_problem() is None
    assert History(path).morning_after(date(2026, 11, 25)) is Settled.SETTLED
    assert start(catalog, log).first() == AskRating(LOWER_QUESTION)  # answered: not asked again


def test_escape_on_the_morning_after_asks_again_next_time(
    catalog: Catalog, log: HistoryLog, path: Path
) -> None:
    with_yesterday(path)
    flow = start(catalog, log)
    flow.first()
    assert flow.answered_morning(None) == AskRating(LOWER_QUESTION)
    assert History(path).morning_after(date(2026, 11, 25)) is None
    assert start(catalog, log).first() == AskMorning(MORNING_QUESTION)


@pytest.mark.parametrize("check_before", [True, False])
def test_worse_the_morning_after_offers_the_gentle_day(
    catalog: Catalog, log: HistoryLog, path: Path, check_before: bool
) -> None:
    with_yesterday(path)
    flow = start(catalog, log, check_before=check_before)
    flow.first()
    step = flow.answered_morning(Settled.WORSE)
    if check_before:
        assert step == AskRating(LOWER_QUESTION)
        step = flow.rated(Rating(2))  # no flare-up: the offer comes from the morning after
    assert isinstance(step, OfferGentle)
    assert step.offer.question.startswith("Your back was worse after last time")
    opening = flow.chose_gentle(True)
    assert isinstance(opening, OpenSession) and opening.routine.id == "gentle"


def test_about_the_same_offers_nothing(catalog: Catalog, log: HistoryLog, path: Path) -> None:
    with_yesterday(path)
    flow = start(catalog, log)
    flow.first()
    flow.answered_morning(Settled.SAME)
    assert flow.rated(Rating(2)) == OpenSession(catalog.routines["lower"], Rating(2), None)
