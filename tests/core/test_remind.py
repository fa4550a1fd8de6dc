"""backcoach remind: one line on a day to exercise with nothing done yet, at most once a day."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from backcoach.cli import main
from backcoach.core.history.database import History
from backcoach.core.kit import paths
from backcoach.core.settings.model import Settings
from backcoach.core.tools.remind import notifier, notify, remind, reminder_line
from tests.core.test_history import add_session

WEDNESDAY = date(2026, 11, 25)
EVERY_DAY = '[week]\ndays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]\n'


def test_a_planned_day_with_nothing_done_is_said_and_other_days_are_not() -> None:
    days = ("mon", "wed")
    assert reminder_line(days, 3, WEDNESDAY, False, 1) == (
        "Today (Wed) is one of your exercise days, and no session is done yet (1 of 3 sessions this week)."
    )
    assert reminder_line(days, 3, WEDNESDAY, True, 2) is None  # done today
    assert reminder_line(days, 3, WEDNESDAY + timedelta(days=1), False, 1) is None  # Thursday: not planned
    assert reminder_line(days, 1, WEDNESDAY, False, 1) is not None  # planned days beat the target


def test_with_no_planned_days_any_day_below_the_target_is_said() -> None:
    assert reminder_line((), 3, WEDNESDAY, False, 2) == (
        "No back exercises yet today (2 of 3 sessions this week): a session takes 10 to 15 minutes."
    )
    assert reminder_line((), 3, WEDNESDAY, False, 3) is None  # the week is at its target
    assert reminder_line((), 3, WEDNESDAY, True, 0) is None


def test_once_a_day_remembered_in_a_small_file(tmp_path: Path) -> None:
    history, marker = tmp_path / "data" / "history.sqlite3", tmp_path / "state" / "reminded-on"
    settings = Settings(days=("wed", "thu"))
    assert remind(history, marker, settings, WEDNESDAY) is not None
    assert marker.read_text() == "2026-11-25\n"
    assert remind(history, marker, settings, WEDNESDAY) is None  # said already today
    assert remind(history, marker, settings, WEDNESDAY + timedelta(days=1)) is not None  # a new day
    assert not history.exists() and not history.parent.exists()  # read, never created


@pytest.mark.parametrize("garbage", [b"\xff\xfe", b"yesterday", b"2026-13-45", b""])
def test_a_marker_that_cannot_be_read_counts_as_not_yet_and_is_replaced(
    tmp_path: Path, garbage: bytes
) -> None:
    marker = tmp_path / "reminded-on"
    marker.write_bytes(garbage)
    assert remind(tmp_path / "history.sqlite3", marker, Settings(days=("wed",)), WEDNESDAY) is not None
    assert marker.read_text() == "2026-11-25\n"


def test_a_session_today_means_no_reminder(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    history = History(path)
    add_session(history, WEDNESDAY, 3, {"bridge": 1})
    history.close()
    assert remind(path, tmp_path / "marker", Settings(days=("wed",)), WEDNESDAY) is None
    assert not (tmp_path / "marker").exists()  # nothing said, nothing remembered


def test_each_system_has_its_notifier_and_none_is_quietly_nothing() -> None:
    def which(name: str) -> str | None:
        return f"/bin/{name}" if name in {"notify-send", "osascript", "powershell"} else None

    text = 'Say "hi" \\ o\'clock'
    assert notifier(text, which, "linux") == [
        "/bin/notify-send",
        "--app-name",
        "backcoach",
        "backcoach",
        text,
    ]
    mac = notifier(text, which, "darwin")
    assert mac == [
        "/bin/osascript",
        "-e",
        'display notification "Say \\"hi\\" \\\\ o\'clock" with title "backcoach"',
    ]
    windows = notifier(text, which, "win32")
    assert windows is not None and windows[0] == "/bin/powershell"
    assert "'Say \"hi\" \\ o''clock'" in windows[-1]  # a PowerShell string: quotes doubled
    assert notifier(text, lambda _name: None, "linux") is None
    assert not notify(text, lambda _name: None, "darwin")

    def fails(_command: list[str]) -> object:
        raise OSError("gone")

    assert not notify(text, which, "linux", run=fails)


# The command, as a shell's start-up file runs it.


def write_settings(text: str) -> None:
    path = paths.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_command_says_one_line_once_a_day(capsys: pytest.CaptureFixture[str]) -> None:
    write_settings(EVERY_DAY)
    assert main(["remind"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 1 and "is one of your exercise days, and no session is done yet" in out
    assert err == ""
    assert main(["remind"]) == 0
    assert capsys.readouterr() == ("", "")
    assert not paths.history_file().exists()


def test_after_a_session_today_the_command_says_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    write_settings(EVERY_DAY)
    history = History(paths.history_file())
    add_session(history, date.today(), 3, {"bridge": 1})
    history.close()
    assert main(["remind"]) == 0
    assert capsys.readouterr() == ("", "")


def test_notify_hands_the_line_to_notify_send(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_settings(EVERY_DAY)
    log = tmp_path / "notified"
    stub = tmp_path / "bin" / "notify-send"
    stub.parent.mkdir()
    stub.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{log}"\n')
    stub.chmod(0o755)
    monkeypatch.setenv("PATH", f"{stub.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr("sys.platform", "linux")
    assert main(["remind", "--notify"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert log.read_text().splitlines() == ["--app-name", "backcoach", "backcoach", line]


def test_notify_with_no_notifier_still_prints_the_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_settings(EVERY_DAY)
    monkeypatch.setattr("sys.platform", "linux")  # PATH holds no notify-send in tests
    assert main(["remind", "--notify"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 1 and err == ""


def test_a_damaged_history_is_said_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    write_settings(EVERY_DAY)
    path = paths.history_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database" * 100)
    assert main(["remind"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"backcoach: {path} is damaged (file is not a database); it is left as it is\n"
    assert "Traceback" not in err
