"""The settings screen: what is typed lands in the file under the right key, and nothing else is lost."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import DataTable, Input, Select, Static

from backcoach.core.catalog.load import load_catalog
from backcoach.core.kit.clock import ManualClock
from backcoach.core.session.engine import State
from backcoach.core.settings.model import DoseOverride, load_settings
from backcoach.tui.app import BackcoachApp
from backcoach.tui.screens.dialogs import ConfirmScreen, ConflictScreen
from backcoach.tui.screens.home import HomeScreen
from backcoach.tui.screens.session import SessionScreen
from backcoach.tui.screens.settings import DayToggle, SettingsScreen
from tests.core.samples import exercise_entry
from tests.tui.conftest import ACKNOWLEDGED, MakeApp, advance, run_to_rating, session_screen, type_keys

HAND_EDITED = """# my physio's numbers
[timing]
rest_seconds = 10
mystery = "kept"

[exercises.bridge]
reps = 6
note = "from Sam, my physio"

[safety]
acknowledged = true

[cues]
bell = false

[custom]
colour = "blue"
"""


async def set_field(pilot, field_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Clear a field, then type into it key by key."""
    field = pilot.app.screen.query_one(f"#{field_id}", Input)
    field.focus()
    field.value = ""
    await pilot.pause()
    await pilot.press(*list(text))
    await pilot.pause()


async def set_dose(pilot, exercise_id: str, key: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Walk the exercise list to one exercise with the arrow keys, then type its hold or reps."""
    screen = pilot.app.screen
    table = screen.query_one("#doses", DataTable)
    table.focus()
    await pilot.pause()
    steps = table.get_row_index(exercise_id) - table.cursor_row
    await type_keys(pilot, *["down" if steps > 0 else "up"] * abs(steps))
    name = pilot.app.catalog.exercises[exercise_id].name
    assert str(screen.query_one("#dose-name", Static).content).startswith(f"Your dose for {name} (")
    await set_field(pilot, f"dose-{key}", text)


def dose_shown(app, exercise_id: str, key: str) -> str:  # type: ignore[no-untyped-def]
    """An exercise's own hold or reps as its row in the list shows it."""
    return str(app.screen.query_one("#doses", DataTable).get_cell(exercise_id, key))


def message(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#settings-message").content)


async def test_every_setting_lands_in_the_file_and_reloads_the_same(
    make_app: MakeApp, settings_path: Path
) -> None:
    app = make_app(HAND_EDITED)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "s")
        assert isinstance(app.screen, SettingsScreen)
        assert app.focused is not None and app.focused.id == "field-get_ready_seconds"
        await type_keys(
            pilot, "7", "tab", "3", "tab", "1", "5", "tab", "4"
        )  # typing replaces a focused value
        await set_field(pilot, "field-stop_at", "5")
        assert dose_shown(app, "bridge", "reps") == "6"
        await set_dose(pilot, "knee-to-chest", "hold_seconds", "30")
        await set_dose(pilot, "knee-to-chest", "reps", "2")
        await set_dose(pilot, "bridge", "reps", "")
        assert dose_shown(app, "knee-to-chest", "hold_seconds") == "30"  # its row, at once
        assert dose_shown(app, "knee-to-chest", "reps") == "2"
        assert dose_shown(app, "bridge", "reps") == "-"  # the catalog's
        sound = app.screen.query_one("#field-sound", Select)
        assert sound.value == "off"  # the file's older `bell = false`
        sound.focus()
        await type_keys(pilot, "enter", "up", "enter")  # open the choice, pick the one above
        assert sound.value == "bell"
        app.screen.query_one("#field-voice", Select).value = True
        app.screen.query_one("#field-check_before", Select).value = False
        app.screen.query_one("#field-theme", Select).value = "nord"
        await type_keys(pilot, "ctrl+s")
        assert message(app) == f"Saved to {settings_path}"
        assert app.theme == "nord"

    saved = tomllib.loads(settings_path.read_text())
    assert saved["timing"] == {
        "get_ready_seconds": 7, "rest_seconds": 3, "hold_seconds": 15, "reps": 4, "mystery": "kept",
    }  # fmt: skip
    assert saved["cues"] == {"bell": False, "sound": "bell", "voice": True}  # sound, once there, decides
    assert saved["pain"] == {"check_before": False, "stop_at": 5}
    assert saved["display"] == {"theme": "nord"}
    assert saved["safety"] == {"acknowledged": True}
    assert saved["exercises"] == {
        "knee-to-chest": {"hold_seconds": 30, "reps": 2},
        "bridge": {"note": "from Sam, my physio"},  # the dose went; the note stays
    }
    assert saved["custom"] == {"colour": "blue"}
    reloaded = load_settings(settings_path, set(app.catalog.exercises))
    assert reloaded.problems == []
    assert reloaded.settings == app.settings
    assert reloaded.settings.exercises == {"knee-to-chest": DoseOverride(30, 2)}


async def test_bad_values_are_refused_as_typed_and_not_saved(make_app: MakeApp, settings_path: Path) -> None:
    app = make_app()
    before = settings_path.read_bytes()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "s", "5", "0", "0")
        assert (
            message(app)
            == "[timing] get_ready_seconds = 500 is not allowed; use a whole number from 0 to 120"
        )
        assert app.focused is not None and app.focused.has_class("-invalid")
        await type_keys(pilot, "ctrl+s")
        assert message(app).startswith("Not saved: [timing] get_ready_seconds = 500")
        await set_field(pilot, "field-get_ready_seconds", "")
        assert "[timing] get_ready_seconds needs a value" in message(app)
        await set_field(pilot, "field-get_ready_seconds", "5")
        await set_dose(pilot, "crunch", "reps", "51")
        assert message(app) == "[exercises.crunch] reps = 51 is not allowed; use a whole number from 1 to 50"
        assert app.focused is not None and app.focused.has_class("-invalid")
        assert dose_shown(app, "crunch", "reps") == "51 not allowed"  # in words, not colour alone
        await set_dose(pilot, "bridge", "hold_seconds", "10")  # another exercise: crunch's problem stays
        assert message(app).startswith("[exercises.crunch] reps = 51")
        assert not app.screen.query_one("#dose-reps", Input).has_class("-invalid")  # bridge's reps are fine
        await set_dose(pilot, "crunch", "reps", "0")
        assert "[exercises.crunch] reps = 0" in message(app)
        await type_keys(pilot, "ctrl+s")
        assert message(app).startswith("Not saved: [exercises.crunch] reps = 0")
    assert settings_path.read_bytes() == before


async def test_escape_asks_only_when_there_are_unsaved_edits(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "s", "escape")
        assert isinstance(app.screen, HomeScreen)
        await type_keys(pilot, "s", "9", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await type_keys(pilot, "n")
        assert isinstance(app.screen, SettingsScreen)
        await type_keys(pilot, "ctrl+s", "escape")
        assert isinstance(app.screen, HomeScreen)
        assert app.settings.get_ready_seconds == 9


async def test_a_change_mid_session_applies_from_the_next_exercise(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "1", "1", "enter")
        await advance(pilot, 6)
        engine = session_screen(app).coach.engine
        assert engine is not None
        app.action_open_settings()
        await pilot.pause()
        assert engine.state is State.PAUSED  # nobody exercises while changing settings
        await set_field(pilot, "field-reps", "1")
        await type_keys(pilot, "ctrl+s", "escape")
        assert isinstance(app.screen, SessionScreen)
        assert engine.planned.dose.reps == 8  # pelvic tilt goes on as it started
        await type_keys(pilot, "space")
        await run_to_rating(pilot)
        await type_keys(pilot, "1", "enter")
        assert engine.planned.exercise.id == "knee-to-chest" and engine.planned.dose.reps == 1


async def test_an_unwritable_settings_folder_gets_a_message_not_a_crash(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app(settings_text=None)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the config folder should be")
    app.loaded.path = blocker / "settings.toml"
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "y")  # passing the safety screen saves
        assert isinstance(app.screen, HomeScreen)
        notices = [notification.message for notification in app._notifications]
        assert any(f"Could not save {blocker / 'settings.toml'}" in notice for notice in notices)
        assert app.settings.safety_acknowledged  # remembered for this run at least


async def test_quit_asks_before_dropping_unsaved_settings(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "s", "9")
        app.screen.query_one("#field-sound", Select).focus()  # q is not swallowed by a number field here
        await type_keys(pilot, "q")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Quit without saving your settings changes?" in str(app.screen.question)
        await type_keys(pilot, "n")
        assert isinstance(app.screen, SettingsScreen) and app.is_running


WITH_COMMENTS = """# my physio's numbers, March
[timing]
rest_seconds = 10   # Sam said ten

[exercises.wall-slide]   # my own exercise, not in the catalog today
reps = 8

[plugins.metronome]
bpm = 60

[safety]
acknowledged = true
[cues]
bell = false
"""


async def test_a_change_on_the_screen_changes_only_its_line_in_the_file(
    make_app: MakeApp, settings_path: Path
) -> None:
    app = make_app(WITH_COMMENTS)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "s")
        await set_field(pilot, "field-rest_seconds", "12")
        await type_keys(pilot, "ctrl+s")
        assert message(app) == f"Saved to {settings_path}"
    assert settings_path.read_text() == WITH_COMMENTS.replace("rest_seconds = 10 ", "rest_seconds = 12 ")


async def test_a_hand_edit_made_while_the_screen_is_open_is_kept_and_shown(
    make_app: MakeApp, settings_path: Path
) -> None:
    app = make_app(WITH_COMMENTS)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "s")
        edited = WITH_COMMENTS.replace("[cues]", "[pain]\nstop_at = 4\n[cues]")
        settings_path.write_text(edited)  # by hand, in an editor, while the app is open
        await set_field(pilot, "field-rest_seconds", "12")
        await type_keys(pilot, "ctrl+s")
        notices = [notification.message for notification in app._notifications]
        assert any("was edited outside backcoach" in notice for notice in notices)
        assert settings_path.read_text() == edited.replace("rest_seconds = 10 ", "rest_seconds = 12 ")
        assert app.screen.query_one("#field-stop_at", Input).value == "4"  # the screen shows the file's
        await set_field(pilot, "field-get_ready_seconds", "9")
        await type_keys(pilot, "ctrl+s")  # a second save keeps the hand edit too
    assert "stop_at = 4" in settings_path.read_text() and "get_ready_seconds = 9" in settings_path.read_text()


async def test_a_key_changed_in_both_places_asks_and_can_keep_the_files(
    make_app: MakeApp, settings_path: Path
) -> None:
    app = make_app(WITH_COMMENTS)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "s")
        settings_path.write_text(WITH_COMMENTS.replace("rest_seconds = 10", "rest_seconds = 20"))
        await set_field(pilot, "field-rest_seconds", "12")
        await set_field(pilot, "field-get_ready_seconds", "9")
        await type_keys(pilot, "ctrl+s")
        assert isinstance(app.screen, ConflictScreen)
        assert "[timing] rest_seconds: the file says 20, backcoach has 12" in str(
            app.screen.query_one("#conflicts", Static).content
        )
        await type_keys(pilot, "f")
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one("#field-rest_seconds", Input).value == "20"
        assert not app.screen.dirty
    saved = tomllib.loads(settings_path.read_text())
    assert saved["timing"] == {"rest_seconds": 20, "get_ready_seconds": 9}


async def test_a_thousand_exercises_of_your_own_open_in_one_list_and_the_last_ones_dose_is_saved(
    tmp_path: Path, settings_path: Path
) -> None:
    user_file = tmp_path / "exercises.toml"
    user_file.write_text("".join(exercise_entry(f"mine-{n:04d}", f"[b]Mine[/b] {n}") for n in range(1000)))
    catalog = load_catalog(user_file)
    assert len(catalog.exercises) > 1000 and not catalog.problems
    settings_path.parent.mkdir(parents=True, exist_ok=True)
    settings_path.write_text(ACKNOWLEDGED)
    loaded = load_settings(settings_path, set(catalog.exercises))
    app = BackcoachApp(catalog, loaded, clock=ManualClock(), cursor_blink=False, ask_outcomes=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "s")
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        screen.query_one("#field-theme", Select).focus()
        await type_keys(pilot, "tab")  # after the general fields: the exercise list
        assert isinstance(app.focused, DataTable)
        await type_keys(pilot, "ctrl+end")  # the last exercise
        assert str(screen.query_one("#dose-name", Static).content) == (
            "Your dose for [b]Mine[/b] 999 (catalog: 6 x 5 s)"  # a name is never markup
        )
        assert not screen.dirty  # moving through the list changes nothing
        await type_keys(pilot, "tab", "1", "2", "tab", "3")  # hold, then reps
        assert dose_shown(app, "mine-0999", "hold_seconds") == "12"
        assert dose_shown(app, "mine-0999", "reps") == "3"
        await type_keys(pilot, "shift+tab", "shift+tab", "up")  # back to the list, one exercise up
        assert screen.query_one("#dose-hold_seconds", Input).value == ""  # mine-0998 has no dose of its own
        await type_keys(pilot, "down")
        assert screen.query_one("#dose-hold_seconds", Input).value == "12"
        await type_keys(pilot, "enter")  # from the list to its editor
        assert app.focused is screen.query_one("#dose-hold_seconds", Input)
        await type_keys(pilot, "ctrl+s")
        assert message(app) == f"Saved to {settings_path}"
    saved = tomllib.loads(settings_path.read_text())
    assert saved["exercises"] == {"mine-0999": {"hold_seconds": 12, "reps": 3}}


async def test_a_save_is_said_where_it_is_seen_and_a_failed_one_still_asks_before_leaving(
    make_app: MakeApp, settings_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "s")
        assert str(app.screen.query_one("#settings-path", Static).content).startswith("Your settings file: ")
        await set_field(pilot, "field-rest_seconds", "12")
        await type_keys(pilot, "ctrl+s")
        assert f"Saved to {settings_path}" in [notice.message for notice in app._notifications]
        settings_path.chmod(0o444)  # read-only: the save is refused, as a full disk would refuse it
        await set_field(pilot, "field-rest_seconds", "13")
        await type_keys(pilot, "ctrl+s")
        assert message(app).startswith("Not saved:")
        await type_keys(pilot, "escape")
        assert isinstance(app.screen, ConfirmScreen)  # the change is not in the file: it asks
        await type_keys(pilot, "n")
        await type_keys(pilot, "ctrl+q")
        assert app.is_running and isinstance(app.screen, ConfirmScreen)  # quitting asks too
    settings_path.chmod(0o644)


async def test_planned_days_are_seven_toggles_saved_as_a_list(make_app: MakeApp, settings_path: Path) -> None:
    app = make_app(ACKNOWLEDGED + '\n[week]\ndays = ["fri"]\n')
    async with app.run_test(size=(100, 30)) as pilot:
        await type_keys(pilot, "s")
        labels = [str(toggle.label) for toggle in app.screen.query_one("#field-days").query(DayToggle)]
        assert labels == ["[ ] mon", "[ ] tue", "[ ] wed", "[ ] thu", "[x] fri", "[ ] sat", "[ ] sun"]
        app.screen.query_one("#field-days-mon").focus()
        await type_keys(pilot, "enter", "tab", "tab", "space")  # mon on, then wed
        assert str(app.screen.query_one("#field-days-wed", DayToggle).label) == "[x] wed"
        await type_keys(pilot, "ctrl+s")
        assert message(app) == f"Saved to {settings_path}"
    assert tomllib.loads(settings_path.read_text())["week"] == {"days": ["mon", "wed", "fri"]}
    assert load_settings(settings_path).settings.days == ("mon", "wed", "fri")
