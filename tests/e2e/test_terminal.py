"""The installed backcoach in a real terminal (tmux): a whole upper-back session by keys."""

from __future__ import annotations

import csv
import io
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # real seconds in a real terminal

QUICK_SETTINGS = """
[timing]
get_ready_seconds = 0
rest_seconds = 0
hold_seconds = 1
reps = 1

[cues]
bell = false

[safety]
acknowledged = true
"""


class Terminal:
    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        command = ["tmux", "-L", self.socket, *args]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "app")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "app", *keys)

    def skip_activities(self) -> None:
        """A session while the PSFS was never rated asks for the activities first: escape skips them
        (asked again next session), on to the starting rating."""
        self.wait_for("Your activities (PSFS)")
        self.keys("Escape")

    def wait_for_all(self, *texts: str, timeout: float = 20.0) -> str:
        """Read the screen until every one of texts shows: a screen caught half drawn is read again."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(text in " ".join(screen.split()) for text in texts):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"not all of {texts} appeared; the screen shows:\n{self.screen()}")

    def wait_for_notice(self, text: str, timeout: float = 20.0) -> str:
        """Read the notices until one says text, its wrapped lines joined again."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in (notices := notice_text(self.screen())):
                return notices
            time.sleep(0.05)
        raise AssertionError(f"no notice said {text!r}; the screen shows:\n{self.screen()}")

    def wait_for(self, *texts: str, gone: bool = False, timeout: float = 20.0) -> str:
        """Read the screen until one of texts shows (or, with gone, none does); the app sets the pace."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if any(text in screen for text in texts) != gone:
                return screen
            time.sleep(0.05)
        state = "went" if gone else "appeared"
        raise AssertionError(f"none of {texts} {state}; the screen shows:\n{self.screen()}")


def notice_text(screen: str) -> str:
    """The text of the notices at the right edge, their wrapped lines joined again."""
    parts = [line.split("▌", 1)[1].strip() for line in screen.splitlines() if "▌" in line]
    return " ".join(part for part in parts if part)


@pytest.fixture
def start(tmp_path: Path) -> Iterator[Callable[[bytes], Terminal]]:
    """Start the installed backcoach in tmux at 100x30 with the given settings file."""
    if shutil.which("tmux") is None:
        if os.environ.get("CI"):
            pytest.fail("tmux is needed for the end-to-end tests; .ci/run installs it")
        pytest.skip("tmux is not installed")
    backcoach = Path(sys.executable).parent / "backcoach"
    assert backcoach.exists(), "install the package first: pip install -e '.[test]'"
    terminals: list[Terminal] = []

    def launch(settings: bytes) -> Terminal:
        config = tmp_path / "config"
        config.mkdir(exist_ok=True)  # a test may put an exercises.toml there first
        (config / "settings.toml").write_bytes(settings)
        terminal = Terminal(f"backcoach-e2e-{uuid.uuid4().hex[:8]}")
        environment = {
            "BACKCOACH_CONFIG": str(config / "settings.toml"),
            "BACKCOACH_DATA_DIR": str(tmp_path / "data"),
            "TERM": "xterm-256color",
        }
        options = [option for name, value in environment.items() for option in ("-e", f"{name}={value}")]
        terminal.tmux("new-session", "-d", "-s", "app", "-x", "100", "-y", "30", *options, str(backcoach))
        terminals.append(terminal)
        return terminal

    yield launch
    for terminal in terminals:
        subprocess.run(["tmux", "-L", terminal.socket, "kill-server"], capture_output=True)


# Two exercises in one position: every get-ready is 5 s at the least (the setup and caution must
# be read), and real seconds pass here, so the whole session is a short routine of your own.
DESK_ROUTINE = """
[[routines]]
id = "desk"
name = "Desk break"
exercises = ["chin-tuck", "shoulder-blade-squeeze"]
"""


def test_a_whole_session_by_keys(start: Callable[[bytes], Terminal], tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "exercises.toml").write_text(DESK_ROUTINE)
    terminal = start(QUICK_SETTINGS.encode())
    home = terminal.wait_for("Pick a routine")
    assert "1  Lower back" in home and "4  Daily routine" in home and "6  Desk break" in home
    terminal.keys("6")
    terminal.skip_activities()
    rating = terminal.wait_for("how is your back right now?")
    assert "0-10: 0 no pain, 10 worst imaginable" in rating
    terminal.keys("2", "Enter")
    seen = terminal.wait_for("GET READY", "HOLD")
    assert "Desk break" in seen and "Chin tuck" in seen

    rated = 0
    while True:
        screen = terminal.wait_for("How did", "Session summary")
        if "Session summary" in screen:
            break
        terminal.keys("1", "Enter")
        rated += 1
        terminal.wait_for("How did", gone=True)  # this exercise's pain check has closed

    assert rated == 2
    summary = terminal.screen()
    assert "2 done, 0 skipped, 0 stopped" in summary
    for name in ("Chin tuck", "Shoulder blade squeeze"):
        assert name in summary
    assert summary.count("GREEN") == 2
    assert "Results take a few weeks" in summary
    terminal.keys("Enter")
    terminal.wait_for("Pick a routine")
    terminal.keys("q")


def test_a_corrupt_settings_file_is_kept_byte_for_byte(
    start: Callable[[bytes], Terminal], tmp_path: Path
) -> None:
    original = b"# Sam's numbers\n[timing]\nrest_seconds = 8\nhold_seconds = = 30\n"
    terminal = start(original)
    terminal.wait_for("Before you start")  # on defaults: the safety screen shows
    notice = notice_text(terminal.wait_for("A problem in one of your files"))
    assert "not valid TOML" in notice and "line 4" in notice
    settings = tmp_path / "config" / "settings.toml"
    assert settings.read_bytes() == original  # running never touches it
    terminal.keys("y")  # the answer is kept beside the file, never in place of it
    terminal.wait_for_notice("is not saved")
    terminal.wait_for("Pick a routine")
    assert settings.read_bytes() == original
    assert list((tmp_path / "config").iterdir()) == [settings]
    terminal.keys("q")
    terminal.wait_for("Pick a routine", gone=True)
    again = start(original)  # the next run: the mistake is said again, the safety answer kept
    assert "line 4" in notice_text(again.wait_for("A problem in one of your files"))
    assert "Pick a routine" in again.wait_for("Pick a routine") and "Before you start" not in again.screen()
    again.keys("q")


def test_killed_after_the_second_rating_both_ratings_are_kept(
    start: Callable[[bytes], Terminal], tmp_path: Path
) -> None:
    terminal = start(QUICK_SETTINGS.encode())
    terminal.wait_for("Pick a routine")
    terminal.keys("1")
    terminal.skip_activities()
    terminal.wait_for("how is your back right now?")
    terminal.keys("3", "Enter")
    for rating in ("2", "4"):
        terminal.wait_for("How did")
        terminal.keys(rating, "Enter")
        terminal.wait_for("How did", gone=True)
    # SIGKILL: no chance to clean up, flush or say goodbye.
    pane_pid = int(terminal.tmux("display", "-p", "-t", "app", "#{pane_pid}").strip())
    os.kill(pane_pid, signal.SIGKILL)
    csv_text = subprocess.run(
        [str(Path(sys.executable).parent / "backcoach"), "history", "--csv"],
        env={**os.environ, "BACKCOACH_DATA_DIR": str(tmp_path / "data")},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert [(row["exercise"], row["pain_before"], row["pain_after"], row["status"]) for row in rows] == [
        ("pelvic-tilt", "3", "2", "completed"),
        ("knee-to-chest", "3", "4", "completed"),
    ]
    with sqlite3.connect(tmp_path / "data" / "history.sqlite3") as db:
        assert db.execute("SELECT rating FROM results ORDER BY id").fetchall() == [(2,), (4,)]


def history_table(tmp_path: Path) -> str:
    return subprocess.run(
        [str(Path(sys.executable).parent / "backcoach"), "history"],
        env={**os.environ, "BACKCOACH_DATA_DIR": str(tmp_path / "data")},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def one_exercise_done(terminal: Terminal) -> None:
    """Upper back, a starting rating typed in one burst, the first exercise rated: the session counts."""
    terminal.wait_for("Pick a routine")
    terminal.keys("3")
    terminal.skip_activities()
    terminal.wait_for("how is your back right now?")
    terminal.keys("7", "BSpace", "3", "Enter")  # one write: the erase must land before the 3
    terminal.wait_for("How did")
    terminal.keys("2", "Enter")
    terminal.wait_for("How did", gone=True)


@pytest.mark.parametrize("keys", [("q", "y"), ("C-c", "C-c")], ids=["q then y", "ctrl+c twice"])
def test_quitting_mid_session_asks_and_the_history_says_ended_early(
    start: Callable[[bytes], Terminal], tmp_path: Path, keys: tuple[str, str]
) -> None:
    terminal = start(QUICK_SETTINGS.encode())
    one_exercise_done(terminal)
    terminal.keys(keys[0])
    terminal.wait_for("Quit in the middle of a session?")
    terminal.keys(keys[1])
    deadline = time.monotonic() + 10
    while "ended early" not in (table := history_table(tmp_path)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert "Upper back" in table and "     3  " in table and table.rstrip().endswith("ended early")


@pytest.mark.parametrize("how", ["kill -9", "terminal closed"])
def test_a_killed_or_hung_up_session_is_interrupted(
    start: Callable[[bytes], Terminal], tmp_path: Path, how: str
) -> None:
    terminal = start(QUICK_SETTINGS.encode())
    one_exercise_done(terminal)
    pane_pid = int(terminal.tmux("display", "-p", "-t", "app", "#{pane_pid}").strip())
    if how == "kill -9":
        os.kill(pane_pid, signal.SIGKILL)
    else:
        terminal.tmux("kill-session", "-t", "app")  # the terminal goes away: SIGHUP
    deadline = time.monotonic() + 10
    while "interrupted" not in (table := history_table(tmp_path)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert table.rstrip().endswith("interrupted") and "in progress" not in table
    deadline = time.monotonic() + 5
    while Path(f"/proc/{pane_pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not Path(f"/proc/{pane_pid}").exists(), "the app outlived its terminal"


def test_a_rise_of_two_since_the_start_is_amber_on_the_next_get_ready(
    start: Callable[[bytes], Terminal],
) -> None:
    terminal = start(QUICK_SETTINGS.replace("get_ready_seconds = 0", "get_ready_seconds = 3").encode())
    terminal.wait_for("Pick a routine")
    terminal.keys("3")
    terminal.skip_activities()
    terminal.wait_for("how is your back right now?")
    terminal.keys("2", "Enter")
    terminal.wait_for("How did")
    terminal.keys("4", "Enter")
    screen = terminal.wait_for_all(
        "GET READY",
        "Doorway chest stretch",
        "Upper back extension: rated 4, AMBER.",
        "Up 2 since you started (2 to 4)",
    )
    assert "RED" not in screen


@pytest.mark.parametrize(
    ("answer", "routine", "first"),
    [("y", "Gentle day", "Pelvic tilt"), ("n", "Upper back", "Upper back extension")],
)
def test_a_starting_rating_of_7_offers_the_gentle_day(
    start: Callable[[bytes], Terminal], answer: str, routine: str, first: str
) -> None:
    terminal = start(QUICK_SETTINGS.replace("get_ready_seconds = 0", "get_ready_seconds = 30").encode())
    terminal.wait_for("Pick a routine")
    terminal.keys("3")
    terminal.skip_activities()
    terminal.wait_for("how is your back right now?")
    terminal.keys("7", "Enter")
    offer = terminal.wait_for("Today looks like a flare-up")
    assert "y  Gentle day" in offer and "n  Upper back" in offer
    terminal.keys(answer)
    screen = terminal.wait_for("GET READY")
    assert routine in screen and first in screen
