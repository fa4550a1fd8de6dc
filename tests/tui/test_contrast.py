"""Every text the app draws is at least 4.5:1 against its background (WCAG AA), under NO_COLOR and in
every theme the app offers: one run a theme, walking through each screen a person reads.

Text behind an open dialog is left out: Textual dims the screen underneath on purpose, and while the
dialog is open that text is inactive (WCAG exempts inactive parts of the interface). Everything on the
dialog, and the whole screen once the dialog is gone, is measured.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widgets import Select

from backcoach.core.catalog.load import load_catalog
from backcoach.core.history.database import History
from backcoach.core.kit import paths
from backcoach.core.kit.clock import ManualClock
from backcoach.core.settings.model import OFFERED_THEMES, THEMES, load_settings, theme_choices
from backcoach.tui.app import BackcoachApp
from tests.core.test_history import add_session
from tests.tui.conftest import ACKNOWLEDGED, MakeApp, finish_step, run_to_rating, type_keys
from tests.tui.contrast import AA, Seen, ratio, seen

SIZE = (100, 30)
Looks = dict[tuple[str, str], list[Seen]]  # (theme, screen): what could be read there
NO_COLOR = "NO_COLOR"
# First run (the safety screen), short holds so each exercise comes to its rating in a few steps.
SETTINGS = '[cues]\nsound = "off"\n[timing]\nrest_seconds = 0\nhold_seconds = 2\nreps = 1\n'


def settings_for(theme: str) -> str:
    return SETTINGS if theme == NO_COLOR else SETTINGS + f'[display]\ntheme = "{theme}"\n'


def on_top(app: BackcoachApp) -> list[Seen]:
    """What can be read now: with a dialog open, only what is inside the dialog's frame."""
    found = seen(app)
    screen = app.screen
    if not isinstance(screen, ModalScreen):
        return found
    region = screen.query_one(".dialog").region
    return [item for item in found if region.contains(item.x, item.y)]


def with_history() -> None:
    history = History(paths.history_file())
    today = date.today()
    for days_ago in range(4, 12):  # not 1-3 days ago: that asks the morning-after question first
        add_session(
            history, today - timedelta(days=days_ago), 5 - days_ago // 3, {"bridge": 2 + days_ago % 3}
        )
    history.insert_checkin(datetime.now().astimezone().isoformat(), 4, 6)
    history.close()


async def walk(pilot: Pilot[None], themes: Sequence[str], look: Looks) -> None:
    """Every screen, in the order a person meets them, in each theme; look[theme, screen] is what
    could be read there."""
    app = pilot.app
    assert isinstance(app, BackcoachApp)

    async def take(name: str) -> None:
        for theme in themes:
            if theme != NO_COLOR:
                app.theme = theme  # as the palette's "Theme: …" does
            await pilot.pause()
            look[theme, name] = on_top(app)

    await app.workers.wait_for_complete()
    await take("safety")
    await type_keys(pilot, "y")
    await app.workers.wait_for_complete()
    await take("home")
    await type_keys(pilot, "question_mark")
    await take("help")
    await type_keys(pilot, "escape")
    await type_keys(pilot, "s")
    await take("settings")
    await type_keys(pilot, "escape")
    await type_keys(pilot, "h")
    await app.workers.wait_for_complete()
    await take("history")
    await type_keys(pilot, "escape")

    await type_keys(pilot, "1")
    await take("pain rating")
    await type_keys(pilot, "3", "enter")
    await take("get ready")
    await finish_step(pilot)
    await take("hold")
    await type_keys(pilot, "q")
    await take("quit dialog")
    await type_keys(pilot, "n", "space")  # staying: the session waits, paused
    await run_to_rating(pilot)
    await type_keys(pilot, "1", "enter")  # green: straight on to the next exercise
    await type_keys(pilot, "x")  # it hurts: to the pain check at once
    await type_keys(pilot, "7", "x", "enter")
    await take("red verdict")
    await type_keys(pilot, "e")
    await take("summary")  # a GREEN and a RED result


def looks(themes: Sequence[str], settings_path: Path) -> Looks:
    """What could be read on each screen in each theme, from one run of the app that starts in the
    first theme and switches at each screen (the history and config folders are the environment's:
    tests isolate them). NO_COLOR is the environment's too."""
    with_history()
    settings_path.write_text(settings_for(themes[0]), encoding="utf-8")
    catalog = load_catalog()
    settings = load_settings(settings_path, set(catalog.exercises))
    app = BackcoachApp(catalog, settings, clock=ManualClock(), cursor_blink=False, ask_outcomes=False)
    look: Looks = {}

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await walk(pilot, themes, look)

    asyncio.run(run())
    return look


# One walk for all the offered themes: a walk of its own for each took 4 s a theme.
@pytest.mark.parametrize("themes", [[NO_COLOR], list(OFFERED_THEMES)], ids=["no_color", "offered_themes"])
def test_every_text_is_readable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, themes: list[str]) -> None:
    if themes == [NO_COLOR]:
        monkeypatch.setenv("NO_COLOR", "1")
    look = looks(themes, tmp_path / "settings.toml")
    assert {theme for theme, _ in look} == set(themes)
    assert "GREEN" in texts(look[themes[0], "summary"]) and "RED" in texts(look[themes[0], "summary"])
    faint = [
        f"{theme}, {screen}: {item.text[:40]!r} at {item.ratio:.2f}:1"
        for (theme, screen), items in look.items()
        for item in items
        if item.ratio < AA
    ]
    assert faint == []


def texts(items: list[Seen]) -> set[str]:
    return {item.text for item in items}


async def test_a_theme_in_the_file_that_is_not_offered_still_loads(make_app: MakeApp) -> None:
    """solarized-dark falls below 4.5:1 (its footer), so the palette does not offer it; a file that
    names it (written by hand, or by an older backcoach) is still honoured, not refused."""
    assert "solarized-dark" in THEMES and "solarized-dark" not in OFFERED_THEMES
    app = make_app(ACKNOWLEDGED + '[display]\ntheme = "solarized-dark"\n')
    assert app.loaded.problems == []
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "solarized-dark"
        await type_keys(pilot, "s")
        assert app.screen.query_one("#field-theme", Select).value == "solarized-dark"


def test_a_chooser_lists_the_offered_themes_and_the_one_in_use() -> None:
    assert theme_choices("nord") == tuple(OFFERED_THEMES)
    assert theme_choices("gruvbox") == (*OFFERED_THEMES, "gruvbox")


def test_the_ratio_is_wcag_s() -> None:
    assert ratio((255, 255, 255), (0, 0, 0)) == pytest.approx(21)
    assert ratio((58, 58, 58), (0, 0, 0)) == pytest.approx(1.8, abs=0.05)  # RED under NO_COLOR, before
    assert ratio((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)  # just AA
