"""Hostile input in a real terminal: a suspend from outside, a name that tries to drive the terminal,
a closed terminal while the history is locked, keys that arrive in one write."""

from __future__ import annotations

import json
import os
import random
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from backcoach.core.history.database import History
from tests.core.samples import exercise_entry
from tests.e2e.test_terminal import QUICK_SETTINGS, Terminal, one_exercise_done
from tests.e2e.test_terminal import start as start  # the fixture

pytestmark = pytest.mark.slow  # real seconds in a real terminal

LONG_HOLD = QUICK_SETTINGS.replace("hold_seconds = 1", "hold_seconds = 60")


def pid_of(terminal: Terminal) -> int:
    return int(terminal.tmux("display", "-p", "-t", "app", "#{pane_pid}").strip())


def test_a_suspend_from_outside_finds_the_session_paused(start: Callable[[bytes], Terminal]) -> None:
    """SIGTSTP. (SIGSTOP cannot be tried here: tmux continues a stopped pane at once. The engine finds
    a stop by the gap it leaves, tested in core and through the app with a manual clock.)"""
    terminal = start(QUICK_SETTINGS.replace("hold_seconds = 1", "hold_seconds = 3").encode())
    terminal.wait_for("Pick a routine")
    terminal.keys("3")
    terminal.skip_activities()
    terminal.wait_for("how is your back right now?")
    terminal.keys("1", "Enter")
    terminal.wait_for("HOLD")
    time.sleep(0.5)  # a suspend during the hold, not in the middle of drawing its first frame
    os.kill(pid_of(terminal), signal.SIGTSTP)
    time.sleep(1.5)  # stopped: the time must not count
    os.kill(pid_of(terminal), signal.SIGCONT)
    screen = terminal.wait_for("PAUSED")
    assert "space to resume" in screen and "HOLD" not in screen and "How did" not in screen


def test_an_escape_sequence_in_a_name_never_reaches_the_terminal(
    start: Callable[[bytes], Terminal], tmp_path: Path
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    name = "Wall \\u001b]0;PWNED\\u0007slide"  # TOML escapes: the file holds the real bytes
    routine = (
        '\n[[routines]]\nid = "desk"\nname = "Desk \\u001b]2;PWNED\\u0007break"\nexercises = ["wall-slide"]\n'
    )
    (config / "exercises.toml").write_text(exercise_entry("wall-slide", name) + routine)
    terminal = start(QUICK_SETTINGS.encode())
    screen = terminal.wait_for("Pick a routine")
    assert "Desk \\x1b]2;PWNED\\x07break" in screen  # spelled out, not obeyed
    terminal.keys("6")
    terminal.skip_activities()
    terminal.wait_for("how is your back right now?")
    terminal.keys("1", "Enter")
    terminal.wait_for("How did")
    assert "PWNED" not in terminal.tmux("display", "-p", "-t", "app", "#{pane_title}")


def test_a_closed_terminal_with_the_history_locked_keeps_the_ratings_in_the_side_file(
    start: Callable[[bytes], Terminal], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    History(data / "history.sqlite3").close()
    terminal = start(QUICK_SETTINGS.encode())
    terminal.wait_for("Pick a routine")
    locker = sqlite3.connect(data / "history.sqlite3", isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")  # another program holds the history for the whole session
    one_exercise_done(terminal)
    terminal.tmux("kill-session", "-t", "app")  # the terminal closes: SIGHUP
    side_file = data / "history.sqlite3.unsaved.jsonl"
    deadline = time.monotonic() + 10
    while not side_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    locker.execute("ROLLBACK")
    entries = [json.loads(line) for line in side_file.read_text().splitlines()]
    assert [entry["kind"] for entry in entries] == ["start", "result", "end"]
    assert entries[1]["rating"] == 2 and entries[2]["status"] == "interrupted"


@pytest.mark.parametrize(("keys", "running"), [(("q", "1"), False), (("C-p", "Enter", "Enter"), True)])
def test_keys_in_one_write_on_home_crash_nothing(
    start: Callable[[bytes], Terminal], tmp_path: Path, keys: tuple[str, ...], running: bool
) -> None:
    terminal = start(QUICK_SETTINGS.encode())
    terminal.tmux("set-option", "-t", "app", "remain-on-exit", "on")
    terminal.wait_for("Pick a routine")
    terminal.keys(*keys)  # one send-keys: one write
    deadline = time.monotonic() + (1.5 if running else 10)
    while time.monotonic() < deadline:
        dead = terminal.tmux("display", "-p", "-t", "app", "#{pane_dead} #{pane_dead_status}").split()
        if dead[0] == "1":
            break
        time.sleep(0.1)
    # Quit asked first (no session yet, so at once) and the app left; the palette keeps it running.
    # tmux does not always learn the exit status, so a crash is looked for in the crash folder.
    assert dead[0] == ("0" if running else "1") and dead[1:] in ([], ["0"])
    assert not (tmp_path / "data" / "crashes").exists()


def test_a_random_burst_of_keys_in_one_write_crashes_nothing(
    start: Callable[[bytes], Terminal], tmp_path: Path
) -> None:
    """Seeded: a failure names its seed. Quitting keys are left out, so the keys reach every screen."""
    seed = 7
    chance = random.Random(seed)
    keys = [
        *"0123456789ynxeshjkim",
        "Space",
        "Enter",
        "Escape",
        "Tab",
        "BSpace",
        "Up",
        "Down",
        "Left",
        "Right",
        "?",
    ]
    terminal = start(QUICK_SETTINGS.encode())
    terminal.tmux("set-option", "-t", "app", "remain-on-exit", "on")
    terminal.wait_for("Pick a routine")
    for _ in range(3):
        terminal.keys(*[chance.choice(keys) for _ in range(150)])  # one send-keys: one write
        time.sleep(0.5)
    time.sleep(1)
    alive = terminal.tmux("display", "-p", "-t", "app", "#{pane_dead}").strip() == "0"
    crashes = sorted((tmp_path / "data" / "crashes").glob("*"))
    report = crashes[0].read_text() if crashes else ""
    assert alive and not crashes, f"seed {seed}: {report or terminal.screen()}"


def test_an_update_under_the_running_app_cannot_break_the_session(
    start: Callable[[bytes], Terminal], tmp_path: Path
) -> None:
    """The README's test command reinstalls backcoach while an app may be open. Here a copy of the
    package runs, and the code of every module it has not yet needed is taken away once home is
    drawn (before the fix: ModuleNotFoundError on pressing 1)."""
    repository = Path(__file__).resolve().parents[2]
    copy = tmp_path / "installed"
    shutil.copytree(
        repository / "backcoach", copy / "backcoach", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(repository / "config", copy / "config")
    terminal = Terminal(f"backcoach-e2e-{uuid.uuid4().hex[:8]}")
    settings = tmp_path / "settings.toml"
    settings.write_text(QUICK_SETTINGS)
    command = [sys.executable, "-m", "backcoach"]
    environment = {"BACKCOACH_CONFIG": str(settings), "BACKCOACH_DATA_DIR": str(tmp_path / "data"),
                   "PYTHONPATH": str(copy), "TERM": "xterm-256color"}  # fmt: skip
    options = [option for name, value in environment.items() for option in ("-e", f"{name}={value}")]
    try:
        terminal.tmux(
            "new-session",
            "-d",
            "-s",
            "app",
            "-x",
            "100",
            "-y",
            "30",
            "-c",
            str(tmp_path),
            *options,
            shlex.join(command),
        )  # fmt: skip  (in tmp_path: `python -m` puts its folder first on the path
        terminal.wait_for("Pick a routine")
        time.sleep(2)  # the modules load in the background once home is drawn
        for gone in ("tui/screens", "tui/widgets", "core/session", "core/announce"):
            for module in (copy / "backcoach" / gone).glob("*.py"):
                module.unlink()  # the code, as an uninstall takes it; a style sheet is data, read later
        terminal.keys("1")
        terminal.skip_activities()
        terminal.wait_for("how is your back right now?")
        terminal.keys("2", "Enter")
        assert "Pelvic tilt" in terminal.wait_for("GET READY", "HOLD")
    finally:
        subprocess.run(["tmux", "-L", terminal.socket, "kill-server"], capture_output=True)
