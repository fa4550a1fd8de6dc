"""A crash: the traceback goes to a file, and one line says where after the screen is restored
(Textual's own report, with every local variable, is no help to the person exercising)."""

from __future__ import annotations

import os
import sys
import traceback
from datetime import datetime
from pathlib import Path

from backcoach.core.kit import paths


def write_crash_report(error: BaseException) -> Path | None:
    """The full traceback in the crash folder; None when even that cannot be written."""
    folder = paths.crash_dir()
    report = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.txt"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        text = "".join(traceback.format_exception(error))
        if error.__traceback__ is None:  # handed over, never raised here: where it was handled, then
            text += "Handled at:\n" + "".join(traceback.format_stack())
        report.write_text(text, encoding="utf-8")
    except OSError:
        return None
    return report


def exit_status(closing_problem: str | None, crash_report: Path | None, return_code: int | None) -> int:
    """Said after the screen is restored, where it can be read: what the history could not keep, and
    where a crash's traceback went. Anything wrong exits non-zero."""
    status = 0
    if closing_problem:
        print(f"backcoach: {closing_problem}", file=sys.stderr)
        status = 1
    if crash_report is not None:
        print(f"backcoach stopped on an error; the full report is in {crash_report}", file=sys.stderr)
        status = 1
    return status if return_code in (0, None) else max(status, return_code or 1)
