"""Hostile input meets the app: text from files is never markup, a crash exits non-zero with a report."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from backcoach.core.kit import paths
from backcoach.core.kit.clock import ManualClock
from backcoach.tui.app import BackcoachApp, exit_status
from backcoach.tui.screens.home import HomeScreen
from backcoach.tui.screens.rating import VerdictScreen
from backcoach.tui.widgets.big_number import BigNumber
from tests.tui.conftest import QUICK, MakeApp, advance, burst, run_to_rating, text_of, type_keys


async def test_markup_in_a_settings_value_is_shown_as_written(make_app: MakeApp) -> None:
    app = make_app('[safety]\nacknowledged = true\n[timing]\nrest_seconds = "[/b]"\n')
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.is_running
        (notice,) = [notification.message for notification in app._notifications]
        assert '[timing] rest_seconds = "[/b]" is not allowed' in notice


async def test_names_with_brackets_in_the_summary_and_history(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    # A copy of the shared catalog with one name changed: other tests keep the real one.
    exercises = dict(app.catalog.exercises)
    exercises["thoracic-extension"] = replace(exercises["thoracic-extension"], name="Wall [/] slide [easy]")
    app.catalog = replace(app.catalog, exercises=exercises)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "3", "1", "enter")
        await run_to_rating(pilot)
        await type_keys(pilot, "1", "enter", "escape", "y")
        assert "Wall [/] slide [easy]" in text_of(app, "#results")
        await type_keys(pilot, "enter", "h")
        assert "Wall [/] slide [easy]" in text_of(app, "#trends")


def a_bug() -> None:
    raise RuntimeError("a bug")


async def test_a_crash_exits_non_zero_and_says_where_the_report_is(
    make_app: MakeApp, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app()
    app.action_help = a_bug  # type: ignore[method-assign]  # a bug behind the ? key
    with pytest.raises(RuntimeError, match="a bug"):
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("question_mark")
    assert exit_status(app) == 1
    (report,) = paths.crash_dir().glob("crash-*.txt")
    assert "RuntimeError: a bug" in report.read_text() and "in a_bug" in report.read_text()
    assert capsys.readouterr().err.strip() == f"backcoach stopped on an error; the full report is in {report}"


@pytest.mark.parametrize(
    "keys",
    [("q", "1"), ("ctrl+p", "enter", "enter"), ("ctrl+p", "ctrl+p", "escape")],
    ids=["quit then a routine", "palette: enter twice", "palette twice"],
)
async def test_keys_arriving_together_on_home_crash_nothing(make_app: MakeApp, keys: tuple[str, ...]) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(pilot, *keys)
    assert app.return_code in (0, None) and app.crash_report is None


MARKUP_NAMES = [
    "Desk [/] break", "[bold]Bold[/bold]", "[on red]", "[@click=app.quit]quit[/]", "[Bold]B", "a\\[b]",
    "back\\", "[", "x [#f00]y", "[link=http://x]l[/link]", "[b]unclosed",
]  # fmt: skip


async def test_routine_names_with_markup_are_shown_as_written_in_the_palette(make_app: MakeApp) -> None:
    app = make_app()
    first = next(iter(app.catalog.routines.values()))
    routines = {
        f"r{index}": replace(first, id=f"r{index}", name=name) for index, name in enumerate(MARKUP_NAMES)
    }
    app.catalog = replace(app.catalog, routines=routines)
    async with app.run_test(size=(100, 40)) as pilot:
        await type_keys(pilot, "ctrl+p")
        await pilot.pause()
        palette = app.screen
        options = palette.query_one(OptionList)
        shown = [str(options.get_option_at_index(index).prompt) for index in range(options.option_count)]
        for name in MARKUP_NAMES:
            assert any(f"Start: {name}" in text for text in shown), name
        assert app.is_running


async def test_markup_in_every_field_of_an_exercise_is_shown_as_written(make_app: MakeApp) -> None:
    """Name, setup, cues, caution and the easier way, from a file: through the session, the red
    verdict and the summary, each as written."""
    app = make_app(QUICK)
    exercises = dict(app.catalog.exercises)
    first = exercises["thoracic-extension"]
    cues = tuple(replace(cue, text=f"{cue.text} [red]") for cue in first.cues)
    exercises["thoracic-extension"] = replace(
        first, name="Lift [b]", setup="Sit [/] tall", cues=cues, caution="Stop [@click=app.quit]now[/]",
        easier="Smaller [on red]",
    )  # fmt: skip
    app.catalog = replace(app.catalog, exercises=exercises)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "3", "1", "enter")
        assert "Lift [b]" in text_of(app, "#title") and "Sit [/] tall" in text_of(app, "#cue")
        assert "Stop [@click=app.quit]now[/]" in text_of(app, "#caution")
        await advance(pilot, 5)
        assert "[red]" in text_of(app, "#cue")
        await run_to_rating(pilot)
        await type_keys(pilot, "9", "enter")  # red: the verdict says the easier way
        assert isinstance(app.screen, VerdictScreen)
        assert "Smaller [on red]" in " ".join(widget_texts(app))
        await type_keys(pilot, "e")
        assert "Lift [b]" in text_of(app, "#results") and app.is_running


def widget_texts(app: BackcoachApp) -> list[str]:
    return [str(widget.content) for widget in app.screen.query(Static)]


async def test_a_stopped_process_finds_the_session_paused_where_it_stopped(make_app: MakeApp) -> None:
    """kill -STOP, a debugger: no signal says so, and the clock runs on. The gap says it."""
    app = make_app(QUICK.replace("hold_seconds = 1", "hold_seconds = 10"))
    assert isinstance(app.clock, ManualClock)
    app.clock.frozen_after = 2.0  # as the real clock's
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "3", "1", "enter")
        for _ in range(7):  # the 5 s get ready, then 2 s into the first hold, a look each second
            await advance(pilot, 1)
        assert text_of(app, "#phase") == "HOLD"
        await advance(pilot, 60)
        assert text_of(app, "#phase").startswith("PAUSED")
        assert app.screen.query_one("#countdown", BigNumber).value == "8"  # the hold's 8 s still to go
