"""Build the real app on real temp files, with a manual clock so no test waits through a hold."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from backcoach.core.domain.exercise import Catalog
from backcoach.core.kit.clock import ManualClock
from backcoach.core.settings.model import load_settings
from backcoach.tui.app import BackcoachApp
from backcoach.tui.screens.rating import RatingScreen, VerdictScreen
from backcoach.tui.screens.session import SessionScreen

ACKNOWLEDGED = "[safety]\nacknowledged = true\n[cues]\nbell = false\n"

# One short hold an exercise, no pauses: for tests about what happens around the exercises.
QUICK = ACKNOWLEDGED + "[timing]\nget_ready_seconds = 0\nrest_seconds = 0\nhold_seconds = 1\nreps = 1\n"

MakeApp = Callable[..., BackcoachApp]


def no_programs(name: str) -> str | None:
    """A lookup that finds no speech program and no sound player."""
    return None


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.toml"


@pytest.fixture
def make_app(catalog: Catalog, settings_path: Path) -> MakeApp:
    def make(
        settings_text: str | None = ACKNOWLEDGED, start_region: str | None = None, outcomes: bool = False
    ) -> BackcoachApp:
        """outcomes: ask the PSFS and the reviews before a session (their own tests; others leave them out)."""
        # The folder is there, as the usual config folder is on a first run: a chosen settings file in
        # a missing folder gets a notice of its own.
        settings_path.parent.mkdir(parents=True, exist_ok=True)
        if settings_text is not None:
            settings_path.write_text(settings_text, encoding="utf-8")
        loaded = load_settings(settings_path, set(catalog.exercises))
        app = BackcoachApp(
            catalog, loaded, clock=ManualClock(), start_region=start_region, cursor_blink=False,
            ask_outcomes=outcomes,
        )  # fmt: skip
        app.announcing.which = no_programs  # whatever this machine (or CI's stubs) has installed
        return app

    return make


def text_of(app: App[None], selector: str) -> str:
    """The plain text a person sees in one widget."""
    widget = app.screen.query_one(selector)
    content = widget.content if isinstance(widget, Static) else widget.render()
    if isinstance(content, str):
        return content
    console = Console(width=200, color_system=None, file=io.StringIO())
    with console.capture() as capture:
        console.print(content)
    return capture.get().rstrip()


def session_screen(app: BackcoachApp) -> SessionScreen:
    return next(screen for screen in app.screen_stack if isinstance(screen, SessionScreen))


async def advance(pilot: Pilot[None], seconds: float) -> None:
    """Move the manual clock and let the session notice, as its timer would."""
    app = pilot.app
    assert isinstance(app, BackcoachApp) and isinstance(app.clock, ManualClock)
    app.clock.advance(seconds)
    session_screen(app).poll()
    await pilot.pause()


def key_event(key: str) -> events.Key:
    """The Key event a terminal delivers for a key name."""
    return events.Key(key, key if len(key) == 1 else {"space": " ", "minus": "-", "full_stop": "."}.get(key))


async def burst(pilot: Pilot[None], *keys: str) -> None:
    """Keys arriving in one read, as a busy terminal or a fast typist delivers them."""
    for key in keys:
        pilot.app.post_message(key_event(key))
    await pilot.pause()
    await pilot.pause()


async def type_keys(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


async def finish_step(pilot: Pilot[None]) -> None:
    engine = session_screen(pilot.app).coach.engine  # type: ignore[arg-type]
    assert engine is not None
    await advance(pilot, engine.remaining() + 0.001)


async def run_to_rating(pilot: Pilot[None]) -> None:
    """Let the clock run until the current exercise ends and its pain check shows."""
    for _ in range(500):
        if isinstance(pilot.app.screen, RatingScreen | VerdictScreen):
            return
        await finish_step(pilot)
    raise AssertionError("the exercise never ended")
