"""`backcoach show` under the settings that change a routine: caps, the upper routine's length, and
osteoporosis. What a person reads, through the command line with a real settings file."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest

from backcoach.cli import main


def show(tmp_path: Path, capsys: pytest.CaptureFixture[str], routine: str, settings: str = "") -> list[str]:
    config = tmp_path / "settings.toml"
    config.write_text(settings, encoding="utf-8")
    assert main(["--config", str(config), "show", routine]) == 0
    return capsys.readouterr().out.splitlines()


def holds(lines: list[str], name: str) -> list[int]:
    """The length of each hold of an exercise, from the start times of the steps after it."""
    starts = [(line[:6].strip(), line) for line in lines if re.match(r"\s*\d+:\d\d  ", line)]
    seconds = []
    for (at, line), (after, _) in pairwise(starts):
        if line[8:19].strip() == "HOLD" and name in line:
            minutes, secs = map(int, at.split(":"))
            next_minutes, next_secs = map(int, after.split(":"))
            seconds.append(next_minutes * 60 + next_secs - minutes * 60 - secs)
    return seconds


def test_a_hold_for_every_exercise_stops_at_each_exercises_cap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = show(tmp_path, capsys, "lower", "[timing]\nhold_seconds = 30\n")
    crunch, leg_raise = holds(lines, "Partial crunch"), holds(lines, "Single leg raise")
    assert crunch and leg_raise and max(crunch) <= 5 and max(leg_raise) <= 5
    assert max(holds(lines, "Knee to chest")) == 30  # its cap is 30 s: the setting reaches it
    assert lines[1] == (
        "[timing] hold_seconds = 30 stops at each exercise's top: Pelvic tilt 5 s, Basic twist (knee rolls)"
        " 10 s, Bridge 10 s, Single leg raise 5 s, Partial crunch 5 s."
    )


def test_the_upper_routine_lasts_at_least_ten_minutes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = show(tmp_path, capsys, "upper")
    minutes, seconds = map(int, re.fullmatch(r"total (\d+):(\d\d) \(6 exercises\)", lines[-1]).groups())  # type: ignore[union-attr]
    assert minutes * 60 + seconds >= 10 * 60


def test_with_osteoporosis_the_lower_routine_has_no_crunch_and_says_what_changed_and_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usual = show(tmp_path, capsys, "lower")
    assert any("Partial crunch" in line for line in usual)
    lines = show(tmp_path, capsys, "lower", "[health]\nosteoporosis = true\n")
    text = "\n".join(lines)
    assert "crunch" not in text.lower().replace("in place of partial crunch", "")
    assert "Back extension on elbows" in text
    assert lines[1:5] == [
        "Knee to chest: Bring the knee in only to where it feels easy, well short of the end.",
        "Both knees to chest: Bring the knees in only to where it feels easy, well short of the end.",
        "Basic twist (knee rolls): Roll the knees only half way, to a point that feels comfortable.",
        "Back extension on elbows in place of Partial crunch: strength work with the back straight suits the"
        " spine with osteoporosis.",
    ]
    # The half-range cue is said in every hold of the twist.
    twist_holds = [line for line in lines if line[8:19].strip() == "HOLD" and "Basic twist" in line]
    assert twist_holds and all(line.endswith("Roll the knees only half way, to a point that feels comfortable")
                               for line in twist_holds)  # fmt: skip


def test_with_osteoporosis_the_middle_routine_turns_half_way(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = show(tmp_path, capsys, "middle", "[health]\nosteoporosis = true\n")
    assert "Seated rotation: Turn only half way, to a point that feels comfortable." in lines
    assert "Open book: Open only half way, to a point that feels comfortable." in lines
    assert not any("Partial crunch  " in line for line in lines)
