"""The command palette's own commands, beside Textual's (theme, keys, quit)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from textual.app import SystemCommand

from backcoach.core.domain.exercise import Catalog
from backcoach.core.kit.text import plural, shown


@dataclass(frozen=True)
class Actions:
    """What the commands do: the app's own actions."""

    start: Callable[[str], None]  # a routine, by id
    check_in: Callable[[], None]
    show_safety: Callable[[], None]
    open_settings: Callable[[], None]
    open_history: Callable[[], None]


def literal(text: str) -> str:
    """Text from a file as the palette's markup shows it: every bracket as it is (a routine named
    "Desk [/] break" must neither crash the palette nor lose its brackets). Backslashes stay literal."""
    return shown(text).replace("[", "\\[")


def backcoach_commands(catalog: Catalog, actions: Actions, on_home: bool) -> Iterator[SystemCommand]:
    """Starting a routine and the check-in are offered on home only, where they do not cut into anything."""
    if on_home:
        for routine in catalog.routines.values():
            count = plural(len(routine.exercise_ids), "exercise")
            yield SystemCommand(
                f"Start: {literal(routine.name)}",
                f"Begin this routine: {count}",
                starter(actions, routine.id),
            )
    yield SystemCommand(
        "Safety information", "The warning signs that mean: do not exercise", actions.show_safety
    )
    yield SystemCommand("Settings", "Hold times, reps, rests, cues, pain threshold", actions.open_settings)
    yield SystemCommand("History", "Your past sessions and the trend", actions.open_history)
    if on_home:
        yield SystemCommand("Weekly check-in", "Morning pain and stiffness this week", actions.check_in)


def starter(actions: Actions, routine_id: str) -> Callable[[], None]:
    return lambda: actions.start(routine_id)
