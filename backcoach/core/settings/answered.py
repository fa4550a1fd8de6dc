"""Answers given in passing (the safety screen's, a theme), for either front end: a settings file that
does not parse is never replaced by one, so the safety answer is kept beside it, in the state folder."""

from __future__ import annotations

import contextlib
from pathlib import Path

from backcoach.core.kit import paths
from backcoach.core.settings.model import Settings


def safety_answered(settings: Settings) -> bool:
    """In the settings, or beside them from a run whose settings file did not parse."""
    return settings.safety_acknowledged or paths.safety_answered_file().exists()


def keep_safety_answer_beside() -> None:
    """For a settings file that does not parse: the next run does not ask again."""
    marker = paths.safety_answered_file()
    with contextlib.suppress(OSError):  # then it is asked again: nothing is lost
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()


def not_saved(what: str, settings_file: Path) -> str:
    return (
        f"{what} holds until you quit, but is not saved: {settings_file} has a mistake, and is left as it"
        " is until you fix it"
    )
