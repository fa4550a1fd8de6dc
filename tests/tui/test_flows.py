"""Pilot walks through the app as a person would, by keys, on a manual clock."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from backcoach.core.catalog.load import load_catalog
from backcoach.core.domain.status import Status
from backcoach.core.domain.verdict import Level
from backcoach.core.history.database import History
from backcoach.core.kit import paths
from backcoach.core.kit.clock import ManualClock
from backcoach.core.session.engine import State
from backcoach.core.settings.model import load_settings
from backcoach.tui.app import BackcoachApp
from backcoach.tui.screens.dialogs import ConfirmScreen, HelpScreen, QuitScreen
from backcoach.tui.screens.home import HomeScreen
from backcoach.tui.screens.rating import RatingScreen, VerdictScreen
from backcoach.tui.screens.safety import SafetyScreen
from backcoach.tui.screens.session import SessionScreen
from backcoach.tui.screens.summary import SummaryScreen
from tests.tui.conftest import (
    QUICK,
    MakeApp,
    advance,
    burst,
    run_to_rating,
    session_screen,
    text_of,
    type_keys,
)


async def test_first_run_through_a_session_and_back_home(make_app: MakeApp, settings_path: Path) -> None:
    app = make_app(settings_text=None)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, SafetyScreen)
        await type_keys(pilot, "y")
        assert isinstance(app.screen, HomeScreen)
        saved = tomllib.loads(settings_path.read_text())
        assert saved["safety"]["acknowledged"] is True

        await type_keys(pilot, "1")
        assert isinstance(app.screen, RatingScreen)
        assert "how is your back right now?" in text_of(app, ".dialog-title")
        await type_keys(pilot, "3", "enter")
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert text_of(app, "#phase") == "GET READY"
        assert "Pelvic tilt" in text_of(app, "#title")

        # The rules are tested in core through the Coach; here, that each answer reaches the screen.
        await run_to_rating(pilot)
        await type_keys(pilot, "1", "enter")  # green: straight on, said on the next get-ready
        assert "Pelvic tilt: rated 1, GREEN" in text_of(app, "#verdict-line")
        await run_to_rating(pilot)
        await type_keys(pilot, "7", "enter")  # red: stop, with the form reminder, until chosen
        assert isinstance(app.screen, VerdictScreen)
        assert "RED: STOP KNEE TO CHEST" in text_of(app, ".dialog-title")
        assert "Check your form next time: Head and shoulders" in text_of(app, "#verdict-text")
        await type_keys(pilot, "enter")
        assert isinstance(app.screen, SessionScreen) and "Both knees to chest" in text_of(app, "#title")
        assert text_of(app, "#verdict-line") == ""
        await type_keys(pilot, "n", "escape", "y")  # skip one, then end the session early

        record = screen.coach.record
        assert [r.status for r in record.results] == [Status.COMPLETED] * 2 + [Status.SKIPPED]
        assert [r.verdict.level for r in record.results if r.verdict] == [Level.GREEN, Level.RED]
        assert record.pain_before == 3 and record.ended_early
        assert "Session summary" in text_of(app, ".screen-title")
        results = text_of(app, "#results")
        assert "Knee to chest" in results and "RED" in results and "skipped" in results
        assert "talk to your physiotherapist" in text_of(app, "#advice")
        await type_keys(pilot, "enter")
        assert isinstance(app.screen, HomeScreen)


async def test_pause_holds_the_countdown_still(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "1", "3", "enter")
        await advance(pilot, 5 + 2.5)  # into the first hold
        assert text_of(app, "#phase") == "HOLD"
        await type_keys(pilot, "space")
        assert text_of(app, "#phase").startswith("PAUSED")
        engine = session_screen(app).coach.engine
        assert engine is not None and engine.remaining() == pytest.approx(2.5)
        await advance(pilot, 600)
        assert engine.remaining() == pytest.approx(2.5) and engine.state is State.PAUSED
        await type_keys(pilot, "space")
        assert text_of(app, "#phase") == "HOLD"
        await advance(pilot, 2.5)
        assert text_of(app, "#phase") == "REST"


async def test_skip_moves_on_without_a_rating(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "1", "0", "enter", "n")
        screen = session_screen(app)
        assert isinstance(app.screen, SessionScreen)
        assert "Knee to chest" in text_of(app, "#title")
        assert text_of(app, "#verdict-line") == "Skipped Pelvic tilt."
        assert screen.coach.record.results[0].status is Status.SKIPPED
        assert screen.coach.record.results[0].rating is None


async def test_this_hurts_mid_hold_stops_and_asks_for_a_rating(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "1", "1", "enter")
        await advance(pilot, 6)
        await type_keys(pilot, "x")
        assert isinstance(app.screen, RatingScreen)
        assert "You stopped Pelvic tilt" in text_of(app, ".dialog-title")
        await type_keys(pilot, "3", "x", "enter")  # sharp pain: red whatever the number
        assert isinstance(app.screen, VerdictScreen)
        await type_keys(pilot, "e")  # end the session
        assert isinstance(app.screen, SummaryScreen)
        result = app.screen.record.results[0]
        assert result.status is Status.STOPPED and result.rating is not None and result.rating.sharp
        assert "stopped" in text_of(app, "#results") and "3, sharp" in text_of(app, "#results")


async def test_escape_asks_before_ending(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "2", "1", "enter")
        await advance(pilot, 2)
        await type_keys(pilot, "escape")
        assert isinstance(app.screen, ConfirmScreen)
        engine = session_screen(app).coach.engine
        assert engine is not None and engine.state is State.PAUSED  # nothing counts while asking
        await type_keys(pilot, "n")
        assert isinstance(app.screen, SessionScreen) and engine.state is State.RUNNING
        await type_keys(pilot, "escape", "y")
        assert isinstance(app.screen, SummaryScreen)
        assert "ended early" in text_of(app, "#counts")


QUIT_PATHS = {
    "q": ("q", "y"),
    "ctrl+q": ("ctrl+q", "y"),
    "ctrl+c twice": ("ctrl+c", "ctrl+c"),
    "the palette's Quit": ("ctrl+p", *"quit", "enter", "y"),
}


@pytest.mark.parametrize("path", QUIT_PATHS)
async def test_every_way_out_of_a_session_asks_and_records_it_ended_early(
    make_app: MakeApp, path: str
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "3", "1", "enter")
        await run_to_rating(pilot)
        await type_keys(pilot, "1", "enter")  # one exercise done: the session counts
        first, *rest = QUIT_PATHS[path]
        await type_keys(pilot, first)
        if first == "ctrl+p":
            await type_keys(pilot, *rest[:-1])
            rest = rest[-1:]
        assert isinstance(app.screen, ConfirmScreen)
        assert "Quit in the middle of a session?" in text_of(app, ".dialog-title")
        assert session_screen(app).coach.engine.state is State.PAUSED  # nothing counts while asking
        await type_keys(pilot, *rest)
    assert app.return_code == 0
    (row,) = History(paths.history_file()).recent_sessions()
    assert (row.done, row.status) == (1, "ended early")


async def test_no_to_quitting_goes_back_and_quit_at_home_is_at_once(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "1", "1", "enter", "ctrl+c")
        assert isinstance(app.screen, ConfirmScreen)
        await type_keys(pilot, "n")
        assert isinstance(app.screen, SessionScreen)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "q")
        assert not app.is_running


async def test_rating_refuses_what_is_not_0_to_10(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "1")
        await type_keys(pilot, "enter")
        assert "Type a rating first" in text_of(app, "#rating-message")
        await type_keys(pilot, "1", "1")
        assert "11 is not on the scale (0-10: 0 no pain, 10 worst imaginable)" in text_of(
            app, "#rating-message"
        )
        await type_keys(pilot, "minus")
        assert "'-' is not a rating" in text_of(app, "#rating-message")
        await type_keys(pilot, "a")
        assert "'a' is not a rating" in text_of(app, "#rating-message")
        await type_keys(pilot, "enter")
        assert isinstance(app.screen, RatingScreen)  # nothing valid was typed yet
        await type_keys(pilot, "1", "0")
        assert text_of(app, "#rating-message") == ""
        assert "[10]" in text_of(app, "#scale-line")
        await type_keys(pilot, "right", "left")  # 10 is the top: right stays, left lowers
        assert "[9]" in text_of(app, "#scale-line")
        await type_keys(pilot, "enter", "n")  # a flare-up: the gentle day is offered; n keeps the chosen one
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.coach.pain_before == 9 and app.screen.coach.routine.id == "lower"


async def test_escape_on_the_starting_rating_goes_home(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "down", "down", "enter")
        assert "Upper back: how is your back" in text_of(app, ".dialog-title")
        await type_keys(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)


async def test_j_k_move_and_enter_starts(make_app: MakeApp) -> None:
    app = make_app("[safety]\nacknowledged = true\n[pain]\ncheck_before = false\n")
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "j", "j", "j", "k", "enter")
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.coach.routine.id == "upper" and app.screen.coach.pain_before is None


async def test_start_region_goes_straight_to_the_session(make_app: MakeApp) -> None:
    app = make_app(start_region="middle")
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, RatingScreen)
        await type_keys(pilot, "0", "enter")
        assert isinstance(app.screen, SessionScreen) and app.screen.coach.routine.id == "middle"


async def test_help_lists_the_keys_of_the_screen(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = text_of(app, "#help-keys")
        assert "1-5  start Lower back, Middle back, Upper back, Daily routine, Gentle day" in keys
        assert "settings" in keys and "ctrl+p" in keys and "help for this screen" in keys
        await type_keys(pilot, "escape", "1", "1", "enter", "question_mark")
        keys = text_of(app, "#help-keys")
        assert "pause or resume" in keys and "this hurts" in keys
        notes = text_of(app, "#help-notes")  # the exercise under way and where its dose comes from
        assert notes.startswith("Pelvic tilt: Lie on your back") and "Source: NHS inform" in notes


async def test_resizing_mid_hold_keeps_the_countdown_exact(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "1", "1", "enter")
        await advance(pilot, 5 + 1.25)
        engine = session_screen(app).coach.engine
        assert engine is not None
        before = engine.remaining()
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert app.screen.has_class("compact")
        assert engine.remaining() == before == pytest.approx(3.75)
        await pilot.resize_terminal(100, 30)
        await advance(pilot, 3.75)
        assert text_of(app, "#phase") == "REST"


async def test_safety_screen_quit_and_reopen_from_the_palette(make_app: MakeApp) -> None:
    app = make_app(settings_text=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "q")
    assert app.return_code == 0
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.action_show_safety()
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
        await type_keys(pilot, "y")
        assert isinstance(app.screen, HomeScreen)


async def test_safety_information_from_help_and_palette_commands(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        expected = ("Start: Lower back", "Start: Daily routine", "Safety information", "Settings", "History")
        assert set(expected) <= set(titles)
        await type_keys(pilot, "question_mark", "i")
        assert isinstance(app.screen, SafetyScreen)
        flags = [str(widget.content) for widget in app.screen.query(".flag-title").results(Static)]
        assert flags[0].startswith("Emergency") and flags[1].startswith("Get an urgent appointment")
        await type_keys(pilot, "y")
        assert isinstance(app.screen, HomeScreen)


async def test_anything_covering_the_countdown_pauses_it(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "1", "1", "enter")
        await advance(pilot, 6)
        engine = session_screen(app).coach.engine
        assert engine is not None and engine.state is State.RUNNING
        for opener in ("question_mark", "ctrl+p"):
            await type_keys(pilot, opener)
            assert engine.state is State.PAUSED
            await advance(pilot, 100)  # a long look at the help or the palette
            assert engine.remaining() == pytest.approx(4)
            assert not isinstance(app.screen, RatingScreen)  # no pain check pops up underneath
            await type_keys(pilot, "escape")
            assert isinstance(app.screen, SessionScreen)
            assert text_of(app, "#phase").startswith("PAUSED")
            await type_keys(pilot, "space")
            assert engine.state is State.RUNNING


@pytest.mark.parametrize(("cues", "rings"), [('sound = "bell"', True), ("bell = false", False)])
async def test_the_bell_rings_its_pattern_at_each_phase_change_only_when_on(
    make_app: MakeApp, cues: str, rings: bool
) -> None:
    app = make_app(f"[safety]\nacknowledged = true\n[cues]\n{cues}\n")
    rung: list[float] = []
    app.bell = lambda: rung.append(app.clock.now())  # type: ignore[method-assign]  # headless has no speaker
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "1", "1", "enter")  # GET READY starts
        await advance(pilot, 5)  # HOLD
        await advance(pilot, 5)  # REST
    # get ready once, hold twice, rest once: each as it starts
    assert rung == ([1000.0, 1005.0, 1005.0, 1010.0] if rings else [])


async def test_home_numbers_follow_the_routines_in_the_data(tmp_path: Path, settings_path: Path) -> None:
    user_file = tmp_path / "exercises.toml"
    user_file.write_text('[[routines]]\nid = "desk"\nname = "Desk break"\nexercises = ["chin-tuck"]\n')
    catalog = load_catalog(user_file)
    settings_path.parent.mkdir(parents=True, exist_ok=True)
    settings_path.write_text("[safety]\nacknowledged = true\n")
    app = BackcoachApp(
        catalog, load_settings(settings_path), clock=ManualClock(), cursor_blink=False, ask_outcomes=False
    )
    async with app.run_test(size=(100, 30)) as pilot:
        assert text_of(app, "#keybar").startswith("1-6 start")
        await type_keys(pilot, "question_mark")
        assert "1-6  start Lower back, Middle back, Upper back, Daily routine, Gentle day, Desk break" in (
            text_of(app, "#help-keys")
        )
        await type_keys(pilot, "escape", "6")
        assert "Desk break: how is your back right now?" in text_of(app, ".dialog-title")


async def test_rating_keys_in_one_burst_keep_their_order(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "1")
        await burst(pilot, "7", "backspace", "4", "enter")
        assert isinstance(app.screen, SessionScreen) and app.screen.coach.pain_before == 4
        await run_to_rating(pilot)
        await burst(pilot, "2", "x", "x", "right", "enter", "enter", "n")  # keys after enter are dropped
        assert isinstance(app.screen, SessionScreen)
        (result,) = app.screen.coach.record.results
        assert result.rating is not None and (result.rating.value, result.rating.sharp) == (3, False)
        assert "Knee to chest" in text_of(app, "#title")  # the stray n skipped nothing


async def test_the_pain_check_footer_offers_only_its_own_keys(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "1", "1", "enter")
        await run_to_rating(pilot)
        footer = " ".join(str(key.render()) for key in app.screen.query("FooterKey, FooterLabel"))
        assert "Done" in footer and "Sharp pain" in footer and "Adjust" in footer
        assert "Skip" not in footer and "It hurts" not in footer and "Pause" not in footer


async def test_a_second_red_says_plainly_that_ending_today_is_sensible(make_app: MakeApp) -> None:
    app = make_app(QUICK)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "3", "1", "enter")
        await run_to_rating(pilot)
        await type_keys(pilot, "7", "enter")
        assert isinstance(app.screen, VerdictScreen)
        assert "Ending today's session" not in text_of(app, "#verdict-text")
        await type_keys(pilot, "enter", "n")  # go on, skip one
        await run_to_rating(pilot)
        await type_keys(pilot, "2", "x", "enter")  # sharp pain: the second red
        assert isinstance(app.screen, VerdictScreen)
        advice = text_of(app, "#verdict-text")
        assert advice.startswith(
            "That is 2 exercises that hurt today. Ending today's session is the sensible"
        )
        footer = " ".join(str(key.render()) for key in app.screen.query("FooterKey"))
        assert "End session" in footer and "Go on" in footer  # still their choice; enter is the safe one
        await type_keys(pilot, "e")
        assert isinstance(app.screen, SummaryScreen)


async def test_the_first_run_asks_about_osteoporosis_and_home_says_what_changes(
    make_app: MakeApp, settings_path: Path
) -> None:
    app = make_app(settings_text=None)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "[ ] I have osteoporosis" in text_of(app, "#osteoporosis")
        await type_keys(pilot, "o")
        assert "[x] I have osteoporosis" in text_of(app, "#osteoporosis")
        await type_keys(pilot, "y")
        assert tomllib.loads(settings_path.read_text())["health"] == {"osteoporosis": True}
        assert isinstance(app.screen, HomeScreen)
        notes = text_of(app, "#routine-notes")
        assert notes.startswith("For you:") and "in place of Partial crunch" in notes
        assert "crunch" not in str(
            app.screen.query_one("#routines", OptionList).get_option_at_index(0).prompt
        )


async def test_the_palette_holds_backcoach_commands_and_a_theme_from_it_is_kept(
    make_app: MakeApp, settings_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await type_keys(pilot, "ctrl+p")
        options = app.screen.query_one(OptionList)
        titles = [
            str(options.get_option_at_index(index).prompt).split("\n")[0]
            for index in range(options.option_count)
        ]
        assert (
            "Start: Lower back" in titles and "Theme: Nord (dark, blue-grey)" in titles and "Quit" in titles
        )
        assert not {"Maximize", "Screenshot", "Keys", "Theme"} & set(titles)  # Textual's own
        await type_keys(pilot, *"theme nord", "enter")
        assert app.theme == "nord"
    assert tomllib.loads(settings_path.read_text())["display"] == {"theme": "nord"}
    again = make_app(settings_path.read_text())
    async with again.run_test(size=(100, 40)):
        assert again.theme == "nord"


async def test_the_quit_dialog_shows_its_own_keys_and_hides_the_sessions_at_40x12(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await type_keys(pilot, "1", "2", "enter")
        session = session_screen(app)
        assert session.query_one("#compact-keys").display
        await type_keys(pilot, "q")
        assert isinstance(app.screen, QuitScreen)
        keys = text_of(app, ".keys")
        assert "y yes" in keys and "n/esc no" in keys
        assert not session.query_one("#compact-keys").display  # its keys do nothing under the dialog
        await type_keys(pilot, "n")
        assert session.query_one("#compact-keys").display


async def test_question_mark_on_the_pain_rating_is_help_as_everywhere(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "1")
        assert isinstance(app.screen, RatingScreen)
        await type_keys(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "0-10" in text_of(app, "#help-keys") or "rating" in text_of(app, "#help-keys").lower()
        await type_keys(pilot, "escape")
        assert isinstance(app.screen, RatingScreen) and "not a rating" not in text_of(app, "#rating-message")


async def test_the_red_verdict_at_40x12_scrolls_rather_than_cut_its_advice(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await type_keys(pilot, "1", "2", "enter")
        await run_to_rating(pilot)
        await type_keys(pilot, "9", "enter")
        assert isinstance(app.screen, VerdictScreen)
        body = app.screen.query_one("#verdict-body")
        assert body.max_scroll_y > 0 and "Caution:" in text_of(app, "#verdict-text")  # more than fits
        await type_keys(pilot, "end")
        assert body.scroll_y == body.max_scroll_y  # the rest is there to read
        assert "enter go on" in " ".join(text_of(app, ".keys").split())
