"""`backcoach remind`: one line on a day to exercise with nothing done yet, at most once a day.

Meant for a shell's start-up file, cron or a systemd timer, so it is quiet whenever there is nothing
to say, never asks anything, and never creates the history. The day it last reminded is kept in a
small file in the state folder; one that cannot be read counts as "not yet" and is replaced.
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

from backcoach.core.kit.safe_files import write_atomically
from backcoach.core.kit.text import plural
from backcoach.core.progress.weekly import planned, week_status
from backcoach.core.settings.model import Settings

Which = Callable[[str], str | None]  # a program's name to its path on PATH, as shutil.which
Run = Callable[[list[str]], object]  # runs a command to its end, or raises OSError
NOTIFY_SECONDS = 10  # a notifier that hangs longer than this is left behind
TITLE = "backcoach"


class HistoryUnreadable(Exception):
    """The history is there but cannot be read; the message says which file and why."""


def reminder_line(
    days: tuple[str, ...], target: int, today: date, done_today: bool, this_week: int
) -> str | None:
    """The line to print, or None. With planned days: on one of them, before a session that day. With
    none planned [our choice]: any day with no session yet, while the week is below the target (a
    week already at its target needs no nudge)."""
    if done_today:
        return None
    week = f"{this_week} of {plural(target, 'session')} this week"
    if days:
        if not planned(days, today):
            return None
        return f"Today ({today:%a}) is one of your exercise days, and no session is done yet ({week})."
    if this_week >= target:
        return None
    return f"No back exercises yet today ({week}): a session takes 10 to 15 minutes."


def due_line(history_path: Path, settings: Settings, today: date) -> str | None:
    """Reads the history, never creating it; raises HistoryUnreadable."""
    days, target = settings.days, settings.target_sessions
    if not history_path.exists():
        return reminder_line(days, target, today, False, 0)
    import sqlite3

    from backcoach.core.history.database import History, HistoryError, describe

    try:
        history = History(history_path)
    except HistoryError as error:
        raise HistoryUnreadable(str(error)) from None
    try:
        status = week_status(history, today, target, days)
    except sqlite3.Error as error:
        raise HistoryUnreadable(describe(history_path, error)) from None
    finally:
        history.close()
    return reminder_line(days, target, today, status.done_today, status.sessions)


def reminded_on(marker: Path) -> date | None:
    """The day the marker holds; None when it is missing, unreadable or holds anything else."""
    try:
        return date.fromisoformat(marker.read_bytes()[:40].decode("ascii").strip())
    except (OSError, ValueError):
        return None


def mark_reminded(marker: Path, today: date) -> None:
    """Atomically; a folder that cannot be written means reminding again next time, nothing worse."""
    with contextlib.suppress(OSError):
        marker.parent.mkdir(parents=True, exist_ok=True)
        if marker.is_dir() or marker.is_symlink():  # not a marker of ours: leave it, say nothing
            return
        write_atomically(marker, f"{today.isoformat()}\n".encode("ascii"))


def notifier(text: str, which: Which, system: str) -> list[str] | None:
    """The command that shows text as a desktop notification on this system, or None when it has none.
    system: sys.platform ("linux", "darwin", "win32"; the BSDs use notify-send too)."""
    if system == "darwin":
        program = which("osascript")
        if program is None:
            return None
        script = f"display notification {_applescript(text)} with title {_applescript(TITLE)}"
        return [program, "-e", script]
    if system == "win32":
        program = which("powershell") or which("pwsh")
        return (
            None if program is None else [program, "-NoProfile", "-NonInteractive", "-Command", _toast(text)]
        )
    program = which("notify-send")
    return None if program is None else [program, "--app-name", TITLE, TITLE, text]


def _applescript(text: str) -> str:
    """A string literal for AppleScript: backslashes and quotes escaped."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toast(text: str) -> str:
    """A Windows toast through the WinRT API PowerShell can reach, with no module to install."""
    quoted = "'" + text.replace("'", "''") + "'"
    return (
        "[Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, ContentType=WindowsRuntime]"
        " > $null; $xml = [Windows.UI.Notifications.ToastNotificationManager]::GetTemplateContent("
        "[Windows.UI.Notifications.ToastTemplateType]::ToastText02); $texts = $xml.GetElementsByTagName('text');"
        f" $texts.Item(0).InnerText = '{TITLE}'; $texts.Item(1).InnerText = {quoted};"
        " [Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier("
        "'Microsoft.Windows.Shell.RunDialog').Show([Windows.UI.Notifications.ToastNotification]::new($xml))"
    )


def run_quietly(command: list[str]) -> object:
    """To its end (a notifier returns at once), its output discarded, never longer than NOTIFY_SECONDS."""
    return subprocess.run(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=NOTIFY_SECONDS,
        check=False,
    )


def notify(text: str, which: Which, system: str, run: Run = run_quietly) -> bool:
    """Shows text as a notification where the system has a way; False when it has none or it failed."""
    command = notifier(text, which, system)
    if command is None:
        return False
    try:
        run(command)
    except (OSError, subprocess.SubprocessError):
        return False
    return True


def remind(
    history_path: Path,
    marker: Path,
    settings: Settings,
    today: date,
    *,
    send: Callable[[str], object] | None = None,
) -> str | None:
    """The line for today, or None: nothing due, or reminded already today. Marks the day once said;
    send: also hand the line to this (the desktop notification). Raises HistoryUnreadable."""
    if reminded_on(marker) == today:
        return None
    line = due_line(history_path, settings, today)
    if line is None:
        return None
    if send is not None:
        send(line)
    mark_reminded(marker, today)
    return line
