"""What the app asks of a screen, when the screen can answer: each one checked with isinstance."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from backcoach.core.domain.outcome import Outcome


@runtime_checkable
class AsksBeforeQuit(Protocol):
    """A screen that would lose something if the app quit now says what, as a question."""

    def quit_question(self) -> str | None: ...


@runtime_checkable
class RecordsItsEnd(Protocol):
    """A screen whose work goes into the history says how it ended when the app goes away."""

    def record_end(self, outcome: Outcome) -> None: ...


@runtime_checkable
class HasTypedKeys(Protocol):
    """A screen that reads some keys itself, not through bindings, lists them for the help."""

    def typed_keys(self) -> list[tuple[str, str]]: ...


@runtime_checkable
class HasHelpNotes(Protocol):
    """A screen with more to say in its help than keys: the exercise under way, its source."""

    def help_notes(self) -> str: ...


def quit_question(stack: Iterable[object]) -> str | None:
    """What quitting now would lose, asked of each open screen, the top one first."""
    for screen in reversed(list(stack)):
        if isinstance(screen, AsksBeforeQuit) and (question := screen.quit_question()):
            return question
    return None
