"""The command line's output going nowhere: a pipe closed by its reader, a full disk, a closed stdout,
a name the system refuses, a damaged history. One line and a status, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from backcoach.cli import main
from backcoach.core.kit import paths
from tests.core.test_history_cli import make_history

COMMANDS = [["paths"], ["show", "lower"], ["exercises"], ["history"], ["history", "--csv"]]


def backcoach(*args: str, **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "backcoach", *args], stderr=subprocess.PIPE, text=True, **options
    )


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_pipe_closed_by_its_reader_ends_quietly(command: list[str]) -> None:
    make_history()
    reading, writing = os.pipe()
    os.close(reading)  # `| head -0`: the reader asked for nothing more before anything was written
    try:
        result = backcoach(*command, stdout=writing)
    finally:
        os.close(writing)
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_full_disk_is_one_line_and_status_1(command: list[str]) -> None:
    make_history()
    with open("/dev/full", "w") as full:
        result = backcoach(*command, stdout=full)
    assert result.returncode == 1
    assert result.stderr == "backcoach: cannot use the output: No space left on device\n"


def test_a_closed_stdout_is_one_line_and_status_1() -> None:
    make_history()
    result = backcoach("history", "--csv", stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
    assert (result.returncode, result.stderr) == (
        1,
        "backcoach: the output is closed, so there is nowhere to print\n",
    )


def test_names_too_long_for_the_system_are_one_line() -> None:
    long_config = backcoach("--config", "x" * 5000, "paths", stdout=subprocess.DEVNULL)
    assert long_config.returncode == 2 and "cannot be used: File name too long" in long_config.stderr
    assert len(long_config.stderr.splitlines()) == 1 and len(long_config.stderr) < 200
    long_check = backcoach("check", "y" * 300, stdout=subprocess.DEVNULL)
    assert long_check.returncode == 1 and long_check.stderr.endswith("File name too long\n")
    assert len(long_check.stderr) < 200


def damage(path: Path) -> None:
    """Overwrite the header of every page but the first: SQLite opens the file, and would report the
    damage only query by query."""
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page, len(data), page):
        data[start : start + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))


READS_THE_HISTORY = [["history"], ["history", "--csv"], ["report"]]


@pytest.mark.parametrize("command", [*READS_THE_HISTORY, *COMMANDS[:3], ["check"]], ids=" ".join)
def test_a_damaged_history_is_one_line_and_left_byte_for_byte(command: list[str], tmp_path: Path) -> None:
    make_history()
    path = paths.history_file()
    damage(path)
    before = path.read_bytes()
    result = backcoach(*command, stdout=subprocess.PIPE, cwd=tmp_path)
    if command in READS_THE_HISTORY:
        assert result.returncode == 1
        assert result.stderr.startswith(f"backcoach: {path} is damaged (the integrity check found:")
        assert result.stderr.endswith("it is left as it is\n") and len(result.stderr.splitlines()) == 1
    else:  # commands that never read it
        assert (result.returncode, result.stderr) == (0, "")
    assert path.read_bytes() == before


def test_show_and_exercises_say_a_broken_settings_file_and_whose_doses_they_show(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("[timing\nhold_seconds = 30\n")
    assert main(["--config", str(settings), "show", "lower"]) == 0
    shown = capsys.readouterr()
    assert shown.out.startswith(
        "Lower back (lower) at the default doses, as your settings file cannot be read:"
    )
    assert shown.err.startswith(f"backcoach: {settings}:1: not valid TOML")
    assert main(["--config", str(settings), "exercises"]) == 0
    assert capsys.readouterr().err.startswith(f"backcoach: {settings}:1: not valid TOML")


def test_check_names_a_device_and_a_pipe_for_what_they_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert main(["check", "/dev/zero", str(fifo), str(tmp_path / "missing.toml")]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "/dev/zero: is a device, not a file",
        f"{fifo}: is a pipe, not a file",
        f"{tmp_path / 'missing.toml'}: no such file",
    ]


def test_a_byte_order_mark_is_read_past_and_utf16_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_mark = tmp_path / "settings.toml"
    with_mark.write_bytes(b"\xef\xbb\xbf[timing]\nhold_seconds = 3\n")
    assert main(["check", str(with_mark)]) == 0
    utf16 = tmp_path / "exercises.toml"
    utf16.write_bytes("[timing]\n".encode("utf-16"))
    assert main(["check", str(utf16)]) == 1
    said = capsys.readouterr().out
    assert f"{utf16}:1: not UTF-8 text (UTF-16, as its byte-order mark says); save it as UTF-8" in said


def test_a_report_into_a_pipe_is_refused_rather_than_waiting_for_ever(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_history()
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert main(["report", "--weeks", "104", "--out", str(fifo)]) == 1
    assert capsys.readouterr().err == f"backcoach: cannot write {fifo}: it is a pipe, not a file\n"
