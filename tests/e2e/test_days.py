"""Rules that hold over days, in a real terminal: a flare day on the gentle routine, and the question
about the morning after the last session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backcoach.core.domain.dose import Dose
from backcoach.core.domain.outcome import Outcome
from backcoach.core.domain.rating import Rating
from backcoach.core.domain.results import ExerciseResult
from backcoach.core.domain.status import Status
from backcoach.core.history.database import History
from backcoach.core.history.entries import PsfsEntry, stamp
from backcoach.core.session.pain import judge
from tests.e2e.test_terminal import QUICK_SETTINGS, Terminal
from tests.e2e.test_terminal import start as start  # the fixture
from tests.history_helpers import add_result, start_session

pytestmark = pytest.mark.slow  # real seconds in a real terminal

# Real seconds pass, so the routines are short ones of the person's own: a gentle day of one exercise
# in place of the shipped seven (a routine in exercises.toml replaces one of the same id).
SHORT_ROUTINES = """
[[routines]]
id = "gentle"
name = "Gentle day"
exercises = ["pelvic-tilt"]

[routines.doses]
pelvic-tilt = { hold_seconds = 1, reps = 1 }

[[routines]]
id = "tilt"
name = "Tilt only"
exercises = ["pelvic-tilt"]
"""


def rate_every_exercise(terminal: Terminal, rating: str) -> str:
    """Rate each pain check as it comes, through to the summary; the summary's screen."""
    while True:
        screen = terminal.wait_for("How did", "Session summary")
        if "Session summary" in screen:
            return " ".join(screen.split())
        terminal.keys(rating, "Enter")
        terminal.wait_for("How did", gone=True)


def test_a_flare_day_on_the_gentle_routine_rated_at_its_start_is_no_red(
    start: Callable[[bytes], Terminal], tmp_path: Path
) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "exercises.toml").write_text(SHORT_ROUTINES)
    terminal = start(QUICK_SETTINGS.encode())
    terminal.wait_for("Pick a routine")
    terminal.keys("1")
    terminal.skip_activities()
    terminal.wait_for("how is your back right now?")
    terminal.keys("7", "Enter")
    terminal.wait_for("Today looks like a flare-up")
    terminal.keys("y")
    terminal.wait_for("Gentle day")
    summary = rate_every_exercise(terminal, "7")  # no worse than at the start, all the way through
    assert "1 done, 0 skipped, 0 stopped" in summary
    assert "RED" not in summary and summary.count("AMBER") == 1
    assert "Next time" not in summary  # a flare day's ratings move no usual dose
    terminal.keys("Enter")
    terminal.wait_for("Pick a routine")
    terminal.keys("q")


def test_worse_the_morning_after_offers_the_gentle_day_and_steps_the_dose_down(
    start: Callable[[bytes], Terminal], tmp_path: Path
) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "exercises.toml").write_text(SHORT_ROUTINES)
    history = History(tmp_path / "data" / "history.sqlite3")
    yesterday = datetime.now(UTC) - timedelta(days=1)
    session = start_session(history, yesterday, "lower", "Tilt only", 2)
    tilt = ExerciseResult("pelvic-tilt", "Pelvic tilt", Dose(5, 8), Status.COMPLETED, Rating(2), judge(2, 2))
    add_result(history, session, tilt, yesterday)
    history.end_session(session, Outcome.COMPLETED)
    history.close()
    settings = QUICK_SETTINGS + "\n[exercises.pelvic-tilt]\nhold_seconds = 6\nreps = 1\n"
    terminal = start(settings.encode())
    home = " ".join(terminal.wait_for("Next: ").split())  # the dashboard, read after the first paint
    assert f"Last: {yesterday:%a %-d %b}, Tilt only, 1 done" in home
    assert "Next: Middle back, not done yet" in home  # lower was done; middle comes next in order
    terminal.keys("6")  # Tilt only, after the five shipped routines (the gentle day replaced)
    question = terminal.wait_for("3/w worse")
    assert (
        "After your last session" in question
        and "1/s settled" in question
        and "2/a about the same" in question
    )
    terminal.keys("3")
    terminal.skip_activities()
    terminal.wait_for("how is your back right now?")
    terminal.keys("2", "Enter")
    offer = terminal.wait_for("Your back was worse after last time")
    assert "the gentle day is on offer" in " ".join(offer.split())
    assert "y  Gentle day" in offer and "n  Tilt only" in offer
    terminal.keys("n")
    summary = rate_every_exercise(terminal, "1")  # green today: the morning after still steps down
    assert "Pelvic tilt: 5 s holds next time, your back was worse the morning after last time" in summary
    terminal.keys("Enter")
    home = " ".join(terminal.wait_for("Next: Gentle day").split())  # worse, and no gentle day since
    assert "as your back was worse the morning after last time" in home
    terminal.keys("h")
    assert "worse" in " ".join(terminal.wait_for("The morning after").split())
    terminal.keys("q")


def test_two_weeks_after_the_first_psfs_the_same_activities_are_rated_again(
    start: Callable[[bytes], Terminal], tmp_path: Path
) -> None:
    """(A first session's activities question and its escape are met by every test above.)"""
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "exercises.toml").write_text(SHORT_ROUTINES)
    history = History(tmp_path / "data" / "history.sqlite3")
    then = datetime.now(UTC) - timedelta(days=15)
    session = start_session(history, then, "tilt", "Tilt only", 4)
    tilt = ExerciseResult("pelvic-tilt", "Pelvic tilt", Dose(5, 8), Status.COMPLETED, Rating(2), judge(2, 4))
    add_result(history, session, tilt, then)
    history.end_session(session, Outcome.COMPLETED)
    history.insert_psfs(
        PsfsEntry(
            then,
            (("Putting on socks", 3), ("Sitting through a film", 5)),
            ("Putting on socks", "Sitting through a film"),
        )
    )
    history.insert_checkin(stamp(datetime.now(UTC)), 3, 3)  # this week's check-in is done: not asked
    history.close()
    terminal = start(QUICK_SETTINGS.encode())
    terminal.wait_for("Pick a routine")
    terminal.keys("6")
    asked = terminal.wait_for_all("The same activities as last time", "1 of 2", "Sitting through a film")
    assert "Putting on socks" in asked and "Name up to" not in asked
    terminal.keys("6", "Enter")
    terminal.wait_for("2 of 2")
    terminal.keys("7", "Enter")
    terminal.wait_for("how is your back right now?")
    terminal.keys("Escape")  # no session today: the ratings are in already
    terminal.wait_for("Pick a routine")
    terminal.keys("q")
    history = History(tmp_path / "data" / "history.sqlite3")
    assert [one.scores for one in history.psfs_sets()][-1] == {
        "Putting on socks": 6,
        "Sitting through a film": 7,
    }
    history.close()
