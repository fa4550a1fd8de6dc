"""Safe reflexes and the mouse: enter after a second red ends, n on a half-done exercise asks first,
and the pain check's digits and the dialogs' answers can be clicked or tapped."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot

from backcoach.core.domain.status import Status
from backcoach.tui.screens.dialogs import HelpScreen, SkipRestScreen
from backcoach.tui.screens.flare import GentleOfferScreen
from backcoach.tui.screens.home import HomeScreen
from backcoach.tui.screens.rating import RatingScreen, SecondRedScreen, VerdictScreen
from backcoach.tui.screens.session import SessionScreen
from backcoach.tui.screens.summary import SummaryScreen
from tests.tui.conftest import (
    QUICK,
    MakeApp,
    advance,
    run_to_rating,
    session_screen,
    text_of,
    type_keys,
)

VOICE_ON = "[safety]\nacknowledged = true\n[cues]\nvoice = true\n"


async def test_enter_goes_on_after_a_first_red_and_ends_after_a_second(make_app: MakeApp) -> None:
    app = make_app(QUICK)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "3", "1", "enter")
        await run_to_rating(pilot)
        await type_keys(pilot, "7", "enter")
        assert type(app.screen) is VerdictScreen
        assert "Ending today's session" not in text_of(app, "#verdict-text")
        await type_keys(pilot, "enter")  # a first red: enter goes on
        assert isinstance(app.screen, SessionScreen) and app.screen.coach.view().exercise_number == 2
        await run_to_rating(pilot)
        await type_keys(pilot, "2", "x", "enter")  # sharp pain: the second red
        assert isinstance(app.screen, SecondRedScreen)
        assert text_of(app, "#verdict-text").startswith("That is 2 exercises that hurt today.")
        assert text_of(app, ".keys").startswith("enter  end the session      g  go on")
        footer = " ".join(str(key.render()) for key in app.screen.query("FooterKey"))
        assert "End session" in footer and "Go on" in footer and "Next exercise" not in footer
        await type_keys(pilot, "enter")
        assert isinstance(app.screen, SummaryScreen) and app.screen.record.ended_early


async def test_n_once_some_is_done_asks_then_rates_it_as_stopped(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "1", "0", "enter")
        await advance(pilot, 6)  # a second into pelvic tilt's first hold
        await type_keys(pilot, "n")
        assert isinstance(app.screen, SkipRestScreen)
        assert "Skip the rest of Pelvic tilt and rate it?" in text_of(app, ".dialog-title")
        assert not session_screen(app).coach.running  # nothing counts while the question is open
        await type_keys(pilot, "n")  # carry on
        assert isinstance(app.screen, SessionScreen) and app.screen.coach.running
        await type_keys(pilot, "n")
        await pilot.click(".keys", offset=(0, 0))  # "y skip the rest and rate it", by mouse
        assert isinstance(app.screen, RatingScreen)
        assert "You skipped the rest of Pelvic tilt" in text_of(app, ".dialog-title")
        await type_keys(pilot, "2", "enter")
        (result,) = session_screen(app).coach.record.results
        assert result.status is Status.STOPPED and result.rating is not None and result.rating.value == 2


async def test_key_bars_the_digits_the_sharp_toggle_and_dialog_answers_can_be_clicked(
    make_app: MakeApp,
) -> None:
    app = make_app(QUICK)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click(
            "#keybar", offset=(1 + text_of(app, "#keybar").index("? help"), 0)
        )  # 1: its padding
        assert isinstance(app.screen, HelpScreen)
        await pilot.click(".keys", offset=(text_of(app, ".keys").index("close"), 0))
        assert isinstance(app.screen, HomeScreen)
        await type_keys(pilot, "3")
        assert isinstance(app.screen, RatingScreen)
        await pilot.click("#scale-line", offset=(text_of(app, "#scale-line").index("7"), 0))
        assert app.screen.value == 7
        await pilot.click("#sharp")
        assert app.screen.sharp
        await pilot.click("#sharp")
        assert not app.screen.sharp
        await pilot.click(".keys", offset=(len("0-10 type · "), 0))  # "enter done"
        assert isinstance(app.screen, GentleOfferScreen)  # 7 at the start: a gentle day is offered
        keys = text_of(app, ".keys")
        await pilot.click(".keys", offset=(keys.index("n  Upper back"), 0))
        assert isinstance(app.screen, SessionScreen) and app.screen.coach.pain_before == 7
        await run_to_rating(pilot)
        await type_keys(pilot, "2", "x", "enter")
        assert type(app.screen) is VerdictScreen
        keys = text_of(app, ".keys")
        await pilot.click(".keys", offset=(keys.index("e  end"), 0))
        assert isinstance(app.screen, SummaryScreen)


async def test_home_says_before_a_session_whether_the_voice_and_sound_will_work(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app(VOICE_ON)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert text_of(app, "#cues-status") == (
            "Voice: no speech program found (install espeak-ng)"
            " · Sound: no player found (the terminal bell stands in)"
        )
        await type_keys(pilot, "1", "0", "enter")
        await advance(pilot, 6)
        assert not app._notifications  # said on home, never as a toast mid-session
    app = make_app(VOICE_ON)
    app.announcing.which = {"espeak-ng": "/usr/bin/espeak-ng", "paplay": "/usr/bin/paplay"}.get
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert text_of(app, "#cues-status") == "Voice: espeak-ng · Sound: paplay"


async def test_test_the_voice_in_settings_by_key_or_footer_click_says_with_what(
    make_app: MakeApp, tmp_path: Path
) -> None:
    said = tmp_path / "said"
    program = tmp_path / "espeak-ng"
    program.write_text(f'#!/bin/sh\necho "$@" > {said}\n')
    program.chmod(0o755)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "s", "ctrl+t")
        assert text_of(app, "#settings-message") == "No speech program found: install espeak-ng" + (
            " (or speech-dispatcher; macOS has say)."
        )
        app.announcing.which = {"espeak-ng": str(program)}.get
        footer_keys = app.screen.query("FooterKey")
        await pilot.click(next(key for key in footer_keys if "Test voice" in str(key.render())))
        await pilot.pause()
        assert text_of(app, "#settings-message").startswith('Speaking with espeak-ng: "Hold. Three')
        assert "The voice is off" in text_of(app, "#settings-message")
        tested = app.announcing.tested
        assert tested is not None and tested._current is not None
        tested._current.wait(10)
        assert said.read_text() == "Hold. Three, two, one.\n"


async def tap(pilot: Pilot[None], spot: tuple[int, int]) -> None:
    """As the terminal's driver sends a tap: press and release to the app (Pilot's clicks go straight
    to the screen, past what the app does with them first)."""
    for kind in (events.MouseDown, events.MouseUp):
        pilot.app.post_message(
            kind(None, *spot, 0, 0, 1, False, False, False, screen_x=spot[0], screen_y=spot[1])
        )
        await pilot.pause()


async def test_a_double_tap_on_it_hurts_does_not_tick_sharp_pain(make_app: MakeApp) -> None:
    """On a phone, "x it hurts" and the pain check's "x Sharp pain" are in the same spot: the second
    tap of a double tap is dropped; a tap there a moment later is a tap."""
    app = make_app(QUICK)
    async with app.run_test(size=(43, 36)) as pilot:  # a phone's page
        await type_keys(pilot, "1", "2", "enter")
        assert isinstance(app.screen, SessionScreen)
        keys = app.screen.query_one("#compact-keys").region
        spot = (keys.x + text_of(app, "#compact-keys").index("x it hurts"), keys.y)
        await tap(pilot, spot)
        await tap(pilot, spot)  # the second half of a double tap, at once
        await pilot.pause()
        assert isinstance(app.screen, RatingScreen)
        under, _ = app.get_widget_at(*spot)
        assert "Sharp pain" in str(under.render())  # what the second tap would have pressed
        assert "[\u00a0]\u00a0no" in text_of(app, "#sharp")
        app.clock.advance(1.0)  # type: ignore[attr-defined]
        await tap(pilot, spot)
        await pilot.pause()
        assert "[X]\u00a0yes" in text_of(app, "#sharp")
