"""`backcoach --plain` through real pipes: a whole short routine, answers typed as its questions come,
every line plain text, and the session in the history."""

from __future__ import annotations

import csv
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

import pytest

pytestmark = pytest.mark.slow  # real seconds: a get-ready of 5 s and a hold of 2 s

SETTINGS = """
[timing]
get_ready_seconds = 0
rest_seconds = 0
hold_seconds = 2
reps = 1

[cues]
sound = "off"
"""
ROUTINE = """
[[routines]]
id = "bridge"
name = "Bridge only"
exercises = ["bridge"]
"""
# What to type when a line starting so is said: the first run's questions, then a sharp pain.
ANSWERS = [
    ("Type y if none of these apply", "y"),
    ("Do you have osteoporosis", "n"),
    ("Activity 1 (up to 60 characters)", ""),  # the PSFS: an empty line skips it for now
    ("Bridge only: how is your back right now?", "1"),
    ("How did Bridge feel?", "3s"),
    ("Type g to see the summary", "g"),
]


def read_into(stream: IO[bytes], lines: queue.Queue[bytes]) -> None:
    for line in stream:
        lines.put(line)


def test_a_short_routine_through_a_pipe(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text(SETTINGS)
    (config / "exercises.toml").write_text(ROUTINE)
    env = {**os.environ, "BACKCOACH_CONFIG": str(config / "settings.toml")}
    env["BACKCOACH_DATA_DIR"] = str(tmp_path / "data")
    command = [sys.executable, "-m", "backcoach", "--plain", "--region", "bridge"]
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert process.stdin is not None and process.stdout is not None
    lines: queue.Queue[bytes] = queue.Queue()
    threading.Thread(target=read_into, args=(process.stdout, lines), daemon=True).start()
    said: list[str] = []
    answers = list(ANSWERS)
    try:
        while answers:
            line = lines.get(timeout=30).decode()
            said.append(line)
            start, answer = answers[0]
            if line.startswith(start):
                answers.pop(0)
                process.stdin.write(f"{answer}\n".encode())
                process.stdin.flush()
        process.stdin.close()  # the dose changes, if any, are not answered: the input has ended
        assert process.wait(timeout=30) == 0
    finally:
        process.kill()
    while not lines.empty():
        said.append(lines.get().decode())
    text = "".join(said)
    assert "\x1b" not in text and "\r" not in text
    assert "Exercise 1 of 1: Bridge, 1 rep of 2 seconds." in text
    assert "Hold 2 seconds: Bridge. " in text and "One." in text
    assert "RED: stop Bridge." in text and "An easier way: " in text
    assert (
        "Bridge only: 1 done, 0 skipped, 0 stopped" in text
        and "Bridge: completed, pain after 3, sharp, RED." in text
    )
    assert process.stderr is not None and process.stderr.read() == b""

    history = subprocess.run(
        [sys.executable, "-m", "backcoach", "history", "--csv"], env=env, capture_output=True, text=True
    )
    rows = list(csv.DictReader(history.stdout.splitlines()))
    assert [(row["exercise"], row["pain_before"], row["pain_after"], row["status"]) for row in rows] == [
        ("bridge", "1", "3", "completed")
    ]
    assert "acknowledged = true" in (config / "settings.toml").read_text()
