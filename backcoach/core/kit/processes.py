"""Whether a process is still there: for a session left "in progress", or a save's temporary file."""

from __future__ import annotations

import os
from pathlib import Path


def process_exists(pid: int) -> bool:
    """Signal 0 asks without sending anything; a process of another user still exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def process_alive(pid: int | None) -> bool:
    """There and not a zombie (killed but not yet reaped by its parent: gone all the same)."""
    return pid is not None and process_exists(pid) and not zombie(pid)


def zombie(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False  # not Linux, or already reaped
    return stat.rpartition(")")[2].split()[:1] == ["Z"]
