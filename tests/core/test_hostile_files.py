"""Files that try to hurt: nested a thousand deep, endless devices, huge ones, escape sequences."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from backcoach.cli import main
from backcoach.core.catalog.load import load_catalog
from backcoach.core.settings.model import Settings, load_settings
from backcoach.core.settings.save import save_settings
from tests.core.samples import exercise_entry

DEEP_ARRAY = "value = " + "[" * 1000 + "]" * 1000 + "\n"  # valid TOML, 1,000 lists deep
DEEP_TABLE = "[" + ".".join(f"k{level}" for level in range(300)) + "]\nleaf = 1\n"  # an unknown key 300 deep


@pytest.mark.parametrize("text", [DEEP_ARRAY, DEEP_TABLE], ids=["1000 lists deep", "300 tables deep"])
def test_deeply_nested_settings_are_refused_kept_and_never_walked(tmp_path: Path, text: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("[timing]\nrest_seconds = 9\n" + text)
    loaded = load_settings(path)
    assert loaded.broken and loaded.settings == load_settings(tmp_path / "none.toml").settings
    (problem,) = loaded.problems
    assert "nested more than 32 levels deep" in problem and str(path) in problem
    save_settings(loaded, Settings(safety_acknowledged=True))  # quick: the deep file is only moved aside
    (aside,) = tmp_path.glob("settings.toml.broken-*")
    assert aside.read_text().startswith("[timing]\nrest_seconds = 9\n")
    assert load_settings(path).settings.safety_acknowledged


def test_a_deeply_nested_exercises_file_is_one_problem_and_paths_still_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    user_file = tmp_path / "exercises.toml"
    user_file.write_text(DEEP_ARRAY)
    catalog = load_catalog(user_file)
    assert "pelvic-tilt" in catalog.exercises
    (warning,) = catalog.warnings
    assert "nested more than 32 levels deep" in warning
    assert main(["--config", str(tmp_path / "settings.toml"), "paths"]) == 0
    assert "settings:" in capsys.readouterr().out


def test_settings_pointing_at_a_device_are_not_read_and_never_replaced(tmp_path: Path) -> None:
    loaded = load_settings(Path("/dev/zero"))
    (problem,) = loaded.problems
    assert "not a regular file" in problem
    with pytest.raises(OSError, match="not a regular file"):
        save_settings(loaded, Settings(safety_acknowledged=True))
    assert stat.S_ISCHR(os.stat("/dev/zero").st_mode)


def test_a_file_over_a_megabyte_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("# " + "x" * 1_100_000 + "\n")
    (problem,) = load_settings(path).problems
    assert "larger than 1 MB" in problem
    user_file = tmp_path / "exercises.toml"
    user_file.write_text("# " + "x" * 1_100_000 + "\n")
    assert "larger than 1 MB" in load_catalog(user_file).warnings[0]


def test_control_characters_from_a_file_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    entry = exercise_entry("wall-slide", "Wall \\u001b]0;PWNED\\u0007slide")  # TOML escapes: real bytes
    (config / "exercises.toml").write_text(entry)
    assert main(["--config", str(config / "settings.toml"), "exercises", "--region", "upper"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "Wall \\x1b]0;PWNED\\x07slide" in out
