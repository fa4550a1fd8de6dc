from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from backcoach.cli import main
from backcoach.core.catalog.load import load_catalog
from backcoach.core.kit.paths import shipped_config_dir
from tests.core.samples import exercise_entry


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
    schemas = Path(re.findall(r"^schemas: +(\S+)", result.stdout, re.MULTILINE)[0])
    assert sorted(path.name for path in schemas.iterdir()) == [
        "drawings.schema.json",
        "exercises.schema.json",
        "settings.schema.json",
    ]
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


def three_broken_two_good(folder: Path) -> Path:
    entries = [
        exercise_entry("wall-slide", "Wall slide"),
        exercise_entry("one", "One").replace("reps = 6", "reps = 60"),
        exercise_entry("two", "Two").replace("hold_seconds", "hold_secs"),
        exercise_entry("wall-angel", "Wall angel"),
        exercise_entry("three", "Three").replace('kind = "strengthen"', 'kind = "strenghten"'),
    ]
    folder.mkdir(exist_ok=True)
    path = folder / "exercises.toml"
    path.write_text("".join(entries))
    return path


def test_check_prints_every_problem_with_its_line_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = three_broken_two_good(tmp_path)
    assert main(["--config", str(tmp_path / "settings.toml"), "check"]) == 1
    out = capsys.readouterr().out.splitlines()
    lines = path.read_text().splitlines()
    line_of = {text: number for number, text in enumerate(lines, start=1)}
    kind_line = line_of['kind = "strenghten"']
    assert out == [
        f'{path}:{line_of["reps = 60"]}: exercises "one": reps = 60 is not allowed; use a whole number from 1 to 50',
        f'{path}:{line_of["hold_secs = 5"]}: exercises "two": unknown field "hold_secs" (did you mean "hold_seconds"?)',
        f'{path}:{kind_line}: exercises "three": kind = "strenghten" is not allowed; use one of stretch, strengthen'
        ' (did you mean "strengthen"?)',
    ]


def test_exercises_lists_the_good_entries_of_a_file_with_broken_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    three_broken_two_good(tmp_path)
    assert main(["--config", str(tmp_path / "settings.toml"), "exercises", "--region", "upper"]) == 0
    captured = capsys.readouterr()
    listed = {line.split()[0] for line in captured.out.splitlines()}
    assert {"wall-slide", "wall-angel"} <= listed and not {"one", "two", "three"} & listed
    assert captured.err.count("\n") == 3  # each problem, once


def test_the_app_would_start_with_one_notice_for_the_file(tmp_path: Path) -> None:
    path = three_broken_two_good(tmp_path)
    catalog = load_catalog(path)
    (notice,) = catalog.warnings
    assert notice.startswith(f"{path}: 3 problems, 3 entries were not loaded")
    assert "`backcoach check` lists them all" in notice


def test_check_is_quiet_but_for_one_ok_line_when_all_is_well(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("[timing]\nrest_seconds = 3\n[exercises.wall-slide]\nreps = 2\n")
    (tmp_path / "exercises.toml").write_text(exercise_entry("wall-slide", "Wall slide"))
    assert main(["--config", str(settings), "check"]) == 0
    assert capsys.readouterr().out == (
        f"ok: no problems in 2 files ({settings}, {tmp_path / 'exercises.toml'})\n"
    )  # the dose is for an exercise of the user's own: known


def test_check_tells_the_file_kind_by_name_or_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(exercise_entry("x", "X").replace("reps = 6", "reps = 0"))
    other = tmp_path / "other.toml"
    other.write_text("[pain]\nstop_at = 2\n")
    assert main(["check", str(mine), str(other), str(tmp_path / "missing.toml")]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f'{mine}:9: exercises "x": reps = 0 is not allowed; use a whole number from 1 to 50',
        f"{other}:2: [pain] stop_at = 2 is not allowed; use a whole number from 3 to 8",
        f"{tmp_path / 'missing.toml'}: no such file",
    ]


def test_check_every_shipped_file_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(str(path) for path in shipped_config_dir().glob("*.toml"))
    assert main(["check", *files]) == 0
    assert capsys.readouterr().out.startswith("ok: no problems in 4 files")


def test_a_folder_given_as_the_settings_file_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run("--config", str(tmp_path), "exercises")
    assert result.returncode == 2
    assert result.stderr == (
        f"backcoach: --config {tmp_path} is a folder; name the settings file in it (see 'backcoach --help')\n"
    )
    monkeypatch.setenv("BACKCOACH_CONFIG", str(tmp_path))
    result = run("check")
    assert result.returncode == 2 and result.stderr.startswith(
        f"backcoach: BACKCOACH_CONFIG {tmp_path} is a folder"
    )


def test_paths_names_the_sound_player_and_speech_program_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert main(["paths"]) == 0
    out = capsys.readouterr().out
    assert "player:    none found (any of pw-play, paplay, aplay, afplay; the terminal bell stands in)" in out
    assert "speech:    none found (any of spd-say, espeak-ng, espeak, say)" in out
    for name in ("aplay", "espeak"):
        (tmp_path / name).write_text("#!/bin/sh\n")
        (tmp_path / name).chmod(0o755)
    assert main(["paths"]) == 0
    out = capsys.readouterr().out
    assert f"player:    {tmp_path / 'aplay'}" in out and f"speech:    {tmp_path / 'espeak'}" in out
    assert "cues:      Voice: off in settings · Sound: aplay" in out  # the voice is off by default


def test_show_lists_every_step_and_cue_of_a_routine_and_its_planned_length(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from backcoach.core.session.plan import build_plan
    from backcoach.core.settings.model import Settings

    catalog = load_catalog()
    assert main(["show", "lower"]) == 0
    out = capsys.readouterr().out
    plan = build_plan(catalog.routines["lower"], catalog, Settings())
    for planned in plan.exercises:
        for cue in planned.exercise.cues:
            assert cue.text in out, (planned.exercise.id, cue.text)
        assert planned.exercise.setup in out
    steps = [line for line in out.splitlines() if re.match(r"^ +\d+:\d\d  [A-Z]", line)]
    assert len(steps) == sum(len(planned.steps) for planned in plan.exercises)
    minutes, seconds = divmod(plan.total_seconds, 60)
    assert out.splitlines()[-1] == f"total {minutes}:{seconds:02d} (8 exercises)"
    assert steps[1].split()[:6] == ["0:05", "HOLD", "Pelvic", "tilt", "1/8", "Tighten"]
    piriformis = [line for line in steps if "Piriformis" in line and "HOLD" in line]
    assert piriformis[0].split()[4:6] == ["left", "1/2"] and piriformis[-1].split()[4:6] == ["right", "2/2"]


def test_show_takes_the_users_doses_and_routines_and_refuses_an_unknown_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("[timing]\nget_ready_seconds = 10\n[exercises.chin-tuck]\nreps = 2\n")
    (tmp_path / "exercises.toml").write_text(
        '[[routines]]\nid = "desk"\nname = "Desk break"\nexercises = ["chin-tuck"]\n'
    )
    assert main(["--config", str(settings), "show", "desk"]) == 0
    out = capsys.readouterr().out
    assert (
        out.splitlines()[0] == "Desk break (desk) at your doses: 1 exercise, 0:35"
    )  # ready 10, hold 10, rest 5, hold 10
    assert main(["--config", str(settings), "show", "dsk"]) == 2
    assert (
        capsys.readouterr().err
        == "backcoach: unknown routine 'dsk'; choose from lower, middle, upper, daily, gentle, desk\n"
    )
