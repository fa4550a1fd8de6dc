"""The command palette's commands: backcoach's own only (Textual's developer commands, such as
"Maximize" or "Screenshot", mean nothing to someone exercising)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from textual.app import SystemCommand

from backcoach.core.domain.exercise import Catalog
from backcoach.core.kit.text import plural, shown
from backcoach.core.settings.model import OFFERED_THEMES


@dataclass(frozen=True)
class Actions:
    """What the commands do: the app's own actions."""

    start: Callable[[str], None]  # a routine, by id
    check_in: Callable[[], None]
    show_safety: Callable[[], None]
    open_settings: Callable[[], None]
    open_history: Callable[[], None]
    help: Callable[[], None]
    use_theme: Callable[[str], None]  # by its Textual name
    quit: Callable[[], None]
    rate_activities: Callable[[], None]  # the PSFS


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
    yield SystemCommand(
        "Rate your activities (PSFS)",
        "The everyday activities your back makes hard, rated 0-10: asked every 2 weeks, or now",
        actions.rate_activities,
    )
    yield SystemCommand("Help", "The keys of this screen", actions.help)
    for theme, name in OFFERED_THEMES.items():
        yield SystemCommand(
            f"Theme: {name}", "Colours for every screen, kept for next time", themer(actions, theme)
        )
    yield SystemCommand("Quit", "Leave backcoach (asks first during a session)", actions.quit)


def starter(actions: Actions, routine_id: str) -> Callable[[], None]:
    return lambda: actions.start(routine_id)


def themer(actions: Actions, theme: str) -> Callable[[], None]:
    return lambda: actions.use_theme(theme)
