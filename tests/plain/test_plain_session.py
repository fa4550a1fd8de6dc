"""The plain coach run whole on a manual clock, with scripted lines in and the lines out recorded: what
it says and when, the keys, the questions re-asked, the end of input and Ctrl+C, the history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backcoach.core.catalog.load import load_catalog
from backcoach.core.history.database import History
from backcoach.core.history.writes import HistoryLog
from backcoach.core.kit import paths
from backcoach.core.kit.clock import ManualClock
from backcoach.core.settings.model import load_settings
from backcoach.plain.console import Console
from backcoach.plain.run import PlainRun
from tests.core.test_history import add_session
from tests.plain.script import Item, Scripted, Transcript

# One floor exercise with a 12 s hold (the bridge holds 10 s at most): get ready 5 s (the setup's least), hold from 5 s to 17 s.
SETTINGS = """
[timing]
get_ready_seconds = 0
rest_seconds = 1
hold_seconds = 12
reps = 1

[safety]
acknowledged = true
"""
ROUTINES = """
[[routines]]
id = "hug"
name = "Knee hug"
exercises = ["knees-to-chest"]

[[routines]]
id = "two"
name = "Two on the floor"
exercises = ["knees-to-chest", "bridge"]
"""

NOW = datetime(2026, 11, 26, 7, 30, tzinfo=UTC)


@dataclass
class Ran:
    status: int
    said: Transcript
    history: Path

    @property
    def text(self) -> str:
        return "\n".join(self.said.lines)

    def sessions(self) -> list[tuple[str, int, int, int]]:
        history = History(self.history)
        try:
            return [(row.status, row.done, row.skipped, row.stopped) for row in history.recent_sessions()]
        finally:
            history.close()


def run(
    tmp_path: Path,
    items: list[Item],
    region: str | None = "hug",
    settings: str = SETTINGS,
    now: datetime = NOW,
    outcomes: bool = False,  # the PSFS and the reviews: their own tests below
) -> Ran:
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "settings.toml").write_text(settings)
    (config / "exercises.toml").write_text(ROUTINES)
    catalog = load_catalog(paths.user_exercises_file(config / "settings.toml"))
    loaded = load_settings(config / "settings.toml", set(catalog.exercises))
    clock = ManualClock()
    said = Transcript(clock)
    history = tmp_path / "history.sqlite3"
    console = Console(Scripted(clock, items), said)
    plain = PlainRun(console, catalog, loaded, HistoryLog(history), clock, now.date, lambda: now, outcomes)
    status = plain.run(region)
    return Ran(status, said, history)


def test_a_hold_is_said_as_a_sentence_and_counted_at_10_5_3_2_1_on_time(tmp_path: Path) -> None:
    ran = run(tmp_path, ["1", "2"])
    said = ran.said
    hold = next(line for line in said.lines if line.startswith("Hold 12 seconds: Both knees to chest. "))
    assert said.when("Exercise 1 of 1: Both knees to chest, 1 rep of 12 seconds.") == 0
    assert said.when(hold) == pytest.approx(5, abs=0.01)
    counts = {
        line: said.when(line) for line in ("10 seconds left.", "5 seconds left.", "Three.", "Two.", "One.")
    }
    assert counts == pytest.approx(
        {"10 seconds left.": 7, "5 seconds left.": 12, "Three.": 14, "Two.": 15, "One.": 16}, abs=0.01
    )
    question = next(line for line in said.lines if line.startswith("How did Both knees to chest feel?"))
    assert said.when(question) == pytest.approx(17, abs=0.01)
    assert "add s for sharp" in question and "0-10: 0 no pain, 10 worst imaginable" in question
    assert "Both knees to chest: rated 2, GREEN. Little or no pain (2): carry on." in said.lines
    assert "Session summary" in said.lines and "Session done. Well done." in said.lines
    assert "Knee hug: 1 done, 0 skipped, 0 stopped, 0 min 17 s." in said.lines
    assert ran.status == 0 and ran.sessions() == [("completed", 1, 0, 0)]
    assert "\x1b" not in ran.text


def test_p_pauses_the_count_and_p_again_goes_on_where_it_was(tmp_path: Path) -> None:
    ran = run(tmp_path, ["1", (8, "p"), (38, "p"), "2"])
    said = ran.said
    assert said.when("Paused. Type p to go on.") == pytest.approx(8, abs=0.01)
    going_on = next(line for line in said.lines if line.startswith("Going on: "))
    assert said.when(going_on) == pytest.approx(38, abs=0.01) and "9 seconds left in it" in going_on
    assert said.when("One.") == pytest.approx(46, abs=0.01)  # the 30 s paused did not count
    assert ran.sessions() == [("completed", 1, 0, 0)]


def test_n_skips_and_x_stops_an_exercise_and_asks_how_much_it_hurts(tmp_path: Path) -> None:
    ran = run(tmp_path, ["1", (3, "n"), (6, "x"), "4"], region="two")
    said = ran.said
    assert said.when("Skipped Both knees to chest.") == pytest.approx(
        3, abs=0.01
    )  # nothing done: no question
    assert said.when("Exercise 2 of 2: Bridge, 1 rep of 10 seconds.") == pytest.approx(3, abs=0.01)
    question = next(line for line in said.lines if line.startswith("You stopped Bridge."))
    assert said.when(question) == pytest.approx(6, abs=0.01)
    assert any(line.startswith("Bridge: rated 4, AMBER.") for line in said.lines)
    assert "Bridge: stopped, pain after 4, AMBER." in said.lines
    assert ran.sessions() == [("completed", 0, 1, 1)]


def test_n_once_some_is_done_asks_and_rates_the_rest_skipped(tmp_path: Path) -> None:
    ran = run(tmp_path, ["1", (8, "n"), "n", (10, "n"), "y", "2"])
    said = ran.said
    question = "Skip the rest of Both knees to chest and rate it? Type y to skip the rest, n to carry on."
    assert said.lines.count(question) == 2
    going_on = next(line for line in said.lines if line.startswith("Going on: "))
    assert said.when(going_on) == pytest.approx(8, abs=0.01)
    rating = next(line for line in said.lines if line.startswith("You skipped the rest of Both knees"))
    assert said.when(rating) == pytest.approx(10, abs=0.01)
    assert ran.sessions() == [("completed", 0, 0, 1)]


def test_after_a_second_red_ending_is_offered_first(tmp_path: Path) -> None:
    ran = run(tmp_path, ["1", "7", "g", "8", "e"], region="two")
    text = ran.text
    assert "Type g to go on to the next exercise, or e to end the session." in text
    assert "Type e to end the session (the sensible choice today), or g to see the summary." in text
    assert "That is 2 exercises that hurt today. Ending today's session is the sensible choice." in text


def test_a_wrong_line_is_refused_with_the_reason_and_asked_again(tmp_path: Path) -> None:
    ran = run(tmp_path, ["1", (6, "jump"), "eleven", "11", "7s", "later", "e"], region="two")
    text = ran.text
    assert "'jump' is not a key here. Keys: p pause or go on, n skip this exercise, x it hurts" in text
    assert "'eleven' is not a rating: type a whole number, 0-10: 0 no pain, 10 worst imaginable" in text
    assert "11 is not a rating" in text
    assert (
        "RED: stop Both knees to chest." in ran.said.lines
        and "You felt sharp, shooting or spreading pain." in text
    )
    assert "'later' is not an answer here." in text
    assert "Two on the floor: 1 done, 0 skipped, 0 stopped, 0 min 17 s, ended early." in ran.said.lines
    assert ran.sessions() == [("ended early", 1, 0, 0)]


def test_q_asks_first_and_no_goes_on_on_time(tmp_path: Path) -> None:
    ran = run(tmp_path, ["1", (8, "q"), "n", "2"])
    assert "End this session? Your ratings so far are kept. Type y to end, n to go on." in ran.said.lines
    assert ran.said.when("One.") == pytest.approx(16, abs=0.01)
    assert ran.sessions() == [("completed", 1, 0, 0)]


def test_the_end_of_input_ends_the_session_early_and_records_it(tmp_path: Path) -> None:
    ran = run(tmp_path, ["1", "2", (20, None)], region="two")
    assert ran.said.when("The input has ended: ending the session here.") == pytest.approx(20, abs=0.01)
    assert ran.status == 0 and ran.sessions() == [("ended early", 1, 0, 0)]


def test_the_end_of_input_before_a_session_starts_none(tmp_path: Path) -> None:
    ran = run(tmp_path, [])
    assert ran.said.lines[-1] == "The input has ended before a session began."
    assert ran.status == 0 and ran.sessions() == []


class Interrupting(Scripted):
    """Ctrl+C at a moment: Python raises KeyboardInterrupt wherever the process is waiting."""

    def read(self, timeout: float | None) -> str | None:
        line = super().read(timeout)
        if line == "ctrl+c":
            raise KeyboardInterrupt
        return line


def test_ctrl_c_records_the_session_and_exits_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tests.plain.test_plain_session.Scripted", Interrupting)
    ran = run(tmp_path, ["1", "2", (20, "ctrl+c")], region="two")
    assert ran.status == 130
    assert ran.said.lines[-1] == "Ended with Ctrl+C: your ratings so far are kept."
    assert ran.sessions() == [("ended early", 1, 0, 0)]


def test_the_first_run_shows_the_safety_list_and_keeps_the_answer(tmp_path: Path) -> None:
    settings = SETTINGS.replace("acknowledged = true", "acknowledged = false")
    ran = run(tmp_path, ["sure", "y", "n", "9", "Knee hug", "q"], region=None, settings=settings)
    text = ran.text
    assert text.startswith("Before you start: is it safe to exercise?")
    assert "- chest pain" in text and "'sure' is not an answer here." in text
    assert "1  Lower back, about" in text and "'9' is not one of them" in text
    assert "Knee hug: how is your back right now?" in text  # picked by name; q then quits
    assert ran.status == 0 and ran.sessions() == []
    written = (tmp_path / "config" / "settings.toml").read_text()
    assert "acknowledged = true" in written and "osteoporosis = false" not in written.split("[health]")[0]


def test_a_sharp_starting_rating_shows_the_safety_list_again(tmp_path: Path) -> None:
    ran = run(tmp_path, ["2s", (6, None)])
    text = ran.text
    assert "Sharp or spreading pain before you start: go gently, and check the safety list:" in text
    assert "ctrl+p" not in text and "- chest pain" in text


def test_text_from_files_never_reaches_the_terminal_as_control_characters(tmp_path: Path) -> None:
    said = Transcript(ManualClock())
    Console(Scripted(ManualClock(), []), said).say("Bridge\x1b[2J\x07 ok")
    assert said.lines == ["Bridge\\x1b[2J\\x07 ok"]


def test_settings_problems_are_said_first(tmp_path: Path) -> None:
    ran = run(tmp_path, [], settings=SETTINGS + "\n[pain]\nstop_at = 99\n")
    first = ran.said.lines[0]
    assert first.startswith("A problem in one of your files: ") and "stop_at" in first


def test_a_dose_change_on_the_summary_is_asked_and_saved_when_accepted(tmp_path: Path) -> None:
    run(tmp_path, ["1", "1"], now=NOW - timedelta(days=1))
    ran = run(tmp_path, ["s", "1", "1", "maybe", "y"])  # settled the morning after yesterday
    question = next(line for line in ran.said.lines if line.endswith("Accept it? Type y or n."))
    assert question.startswith("Both knees to chest: ")
    assert "'maybe' is not an answer here: type y or n." in ran.said.lines
    assert ran.said.lines[-1] == "Saved: Both knees to chest at the new dose."
    assert "[exercises.knees-to-chest]" in (tmp_path / "config" / "settings.toml").read_text()
    history = History(ran.history)
    assert [change.note for change in history.dose_changes_since(NOW.date())] == ["accepted on the summary"]
    history.close()


def test_a_flare_up_is_offered_the_gentle_day(tmp_path: Path) -> None:
    ran = run(tmp_path, ["7", "perhaps", "y", (1, None)])
    text = ran.text
    assert "Today looks like a flare-up: try the gentle routine instead of Knee hug?" in text
    assert "Type y for Gentle day, n for Knee hug." in text and "'perhaps' is not an answer here" in text
    assert any(line.startswith("Gentle day: ") for line in ran.said.lines)


def test_the_weekly_check_in_is_asked_in_week_two_and_enter_skips_it(tmp_path: Path) -> None:
    run(tmp_path, ["1", "1"], now=NOW - timedelta(days=8))
    ran = run(tmp_path, ["", "1", (1, None)])
    first = ran.said.lines[0]
    assert "Press enter to skip it this week." in first and "add s" not in first
    assert ran.said.lines[1].startswith("Knee hug: how is your back right now?")


class Closing(Transcript):
    """A reader that goes away (`| head`) as the second exercise begins."""

    def write(self, text: str) -> int:
        if text.startswith("Exercise 2 of 2"):
            raise BrokenPipeError(32, "Broken pipe")
        return super().write(text)


def test_an_output_that_goes_away_records_the_session_as_interrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tests.plain.test_plain_session.Transcript", Closing)
    with pytest.raises(BrokenPipeError):  # the command line's handler says it, and exits quietly
        run(tmp_path, ["1", "2", (20, None)], region="two")
    history = History(tmp_path / "history.sqlite3")
    assert [row.status for row in history.recent_sessions()] == ["interrupted"]
    history.close()


def test_the_first_session_asks_for_activities_as_lines_and_rates_them(tmp_path: Path) -> None:
    long = "x" * 61
    items: list[Item] = [
        "Putting on socks",
        long,
        "putting on socks",
        "Sitting through a film",
        "",
        "11",
        "3",
        "6",
    ]
    ran = run(tmp_path, [*items, "1", "2"], outcomes=True)
    assert "Activity 1 (up to 60 characters), or press enter to skip this for now:" in ran.said.lines
    assert "That is 61 characters: keep it to 60 (a few words will do)" in ran.said.lines
    assert "'putting on socks' is already on your list" in ran.said.lines
    assert any(
        line.startswith("1 of 2: Putting on socks. 0-10: 0 unable to do it") for line in ran.said.lines
    )
    assert any("11 is not on the scale" in line for line in ran.said.lines)
    assert ran.sessions() == [("completed", 1, 0, 0)]
    history = History(ran.history)
    assert [one.scores for one in history.psfs_sets()] == [
        {"Putting on socks": 3, "Sitting through a film": 6}
    ]
    history.close()


def test_an_empty_line_skips_the_activities_and_nothing_is_written(tmp_path: Path) -> None:
    ran = run(tmp_path, ["", "1", "2"], outcomes=True)
    assert ran.sessions() == [("completed", 1, 0, 0)]
    history = History(ran.history)
    assert history.psfs_sets() == [] and history.psfs_activities() == []
    history.close()


def test_the_week_6_review_is_said_as_lines_before_the_starting_rating(tmp_path: Path) -> None:
    history = History(tmp_path / "history.sqlite3")
    add_session(history, NOW.date() - timedelta(weeks=6), 6, {"bridge": 3})
    history.close()
    ran = run(tmp_path, ["", "1", "2"], outcomes=True)  # the PSFS skipped with an empty line
    said = ran.said.lines
    review = said.index("Your week 6 review")
    assert said[review + 1] == "Sessions done: 1 in 7 weeks."
    assert said[review + 2].startswith("Starting pain: given once so far (6)")
    assert said[review + 5].startswith("Not enough to compare yet")
    assert any(line.startswith("Knee hug: how is your back right now?") for line in said[review:])
    assert ran.sessions()[-1] == ("completed", 1, 0, 0)
