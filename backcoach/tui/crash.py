"""A crash: the traceback goes to a file, and one line says where after the screen is restored
(Textual's own report, with every local variable, is no help to the person exercising)."""

from __future__ import annotations

import os
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
        report.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
    except OSError:
        return None
    return report
