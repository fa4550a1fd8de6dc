from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from backcoach.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "backcoach", *args], capture_output=True, text=True)


@pytest.mark.parametrize("region", ["lower", "middle", "upper"])
def test_exercises_lists_at_least_five_per_region(region: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["exercises", "--region", region]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) >= 5
    for line in lines:
        _exercise_id, _name, regions, dose = re.split(r"\s{2,}", line)
        assert region in regions.split(",")
        assert re.fullmatch(r"\d+ x \d+ s( each side| alternating sides)?", dose), dose


def test_exercises_line_shows_id_name_regions_and_dose(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["exercises"]) == 0
    lines = capsys.readouterr().out.splitlines()
    knee = next(line for line in lines if line.startswith("knee-to-chest "))
    assert knee.split() == [
        "knee-to-chest",
        "Knee",
        "to",
        "chest",
        "lower",
        "2",
        "x",
        "20",
        "s",
        "each",
        "side",
    ]
    assert len(lines) >= 18


def test_exercises_shows_the_users_dose(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("[exercises.knee-to-chest]\nhold_seconds = 30\n")
    assert main(["--config", str(config), "exercises", "--region", "lower"]) == 0
    assert "2 x 30 s each side" in capsys.readouterr().out


def test_unknown_region_is_one_line_and_status_2() -> None:
    result = run("exercises", "--region", "neck")
    assert result.returncode == 2
    assert result.stderr == "backcoach: unknown region 'neck'; choose from lower, middle, upper\n"
    result = run("--region", "neck")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "unknown region 'neck'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["--bogus"], ["exercises", "--nope"], ["dance"], ["--config"]])
def test_bad_flags_are_one_line_and_status_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("backcoach") and "Traceback" not in result.stderr


def test_version_and_paths(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("backcoach 0.")
    result = run("paths")
    assert f"settings:  {isolated_home / 'config' / 'backcoach' / 'settings.toml'}" in result.stdout
    assert f"history:   {isolated_home / 'data' / 'backcoach' / 'history.sqlite3'}" in result.stdout
    result = run("--config", "/tmp/elsewhere/my.toml", "paths")
    assert "settings:  /tmp/elsewhere/my.toml" in result.stdout
    assert "exercises: /tmp/elsewhere/exercises.toml" in result.stdout


def test_environment_overrides_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKCOACH_CONFIG", str(tmp_path / "c.toml"))
    monkeypatch.setenv("BACKCOACH_DATA_DIR", str(tmp_path / "data"))
    result = run("paths")
    assert f"settings:  {tmp_path / 'c.toml'}" in result.stdout
    assert f"history:   {tmp_path / 'data' / 'history.sqlite3'}" in result.stdout


def test_a_broken_user_catalog_warns_and_still_lists(tmp_path: Path) -> None:
    (tmp_path / "exercises.toml").write_text("[[exercises]]\nid = 3\n")
    result = run("--config", str(tmp_path / "settings.toml"), "exercises")
    assert result.returncode == 0
    assert f"{tmp_path / 'exercises.toml'}:2: exercises entry 1: id = 3 is not allowed" in result.stderr
    assert "pelvic-tilt" in result.stdout
