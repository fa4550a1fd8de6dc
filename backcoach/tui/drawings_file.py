"""The drawings a session shows: the shipped ones and the user's drawings.toml beside the settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from backcoach.core.catalog.drawings import Drawings, load_drawings
from backcoach.core.kit import paths


def read_drawings(settings_path: Path, warn: Callable[[str], None]) -> Drawings:
    """A file with problems keeps what is good in it; one notice says so and where to look."""
    drawings = load_drawings(paths.user_drawings_file(settings_path))
    if problems := drawings.problems:
        more = f" and {len(problems) - 1} more" if len(problems) > 1 else ""
        warn(f"{problems[0]}{more}. Those drawings were left out; `backcoach check` lists every problem.")
    return drawings
