"""The settings screen: every setting in the file, checked as it is typed, saved with ctrl+s."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Input, Select, Static

from backcoach.core.announce.speech import find_speech_program
from backcoach.core.domain.exercise import Catalog, Exercise
from backcoach.core.settings.model import (
    EXERCISE_RULES,
    HOLD_RULE,
    OFFERED_THEMES,
    REPS_RULE,
    RULES,
    WEEKDAYS,
    DoseOverride,
    Rule,
    Settings,
    theme_choices,
)
from backcoach.tui.announcing import Announcing
from backcoach.tui.opening import open_screen
from backcoach.tui.screens.dialogs import ConfirmScreen
from backcoach.tui.settings_keeper import SettingsKeeper
from backcoach.tui.sizes import COMPACT_WIDTH

# Labels, section titles, hints and dose columns all come from the settings' declarations (model.py).
SCREEN_RULES = tuple(rule for rule in RULES if rule.on_screen)
DOSE_HINT = f"Hold {HOLD_RULE.low}-{HOLD_RULE.high} seconds, reps {REPS_RULE.low}-{REPS_RULE.high}, or blank"
NAME_WIDTH = 34  # longer names are cut in the list; the editor's label shows them whole
DOSE_WIDTH = 14  # "51 not allowed"

# What is typed for each exercise's own dose, by exercise id, then by key ("hold_seconds", "reps").
DoseTexts = dict[str, dict[str, str]]


def field_id(rule: Rule) -> str:
    return f"field-{rule.attr}"


def dose_id(rule: Rule) -> str:
    """The editor's field for the highlighted exercise's hold or reps."""
    return f"dose-{rule.key}"


def dose_texts(settings: Settings, exercise_ids: list[str]) -> DoseTexts:
    texts: DoseTexts = {}
    for exercise_id in exercise_ids:
        own = settings.exercises.get(exercise_id, DoseOverride())
        texts[exercise_id] = {rule.key: _text(getattr(own, rule.key)) for rule in EXERCISE_RULES}
    return texts


def _text(value: int | None) -> str:
    return "" if value is None else str(value)


def dose_cell(rule: Rule, text: str, exercise_id: str) -> Text:
    """An exercise's own hold or reps in the list: "-" for the catalog's, the words when refused."""
    if not text.strip():
        return Text("-")
    _, problem = parse_number(rule, text, f"exercises.{exercise_id}")
    if problem:
        return Text(f"{text.strip()} not allowed", style="bold")
    return Text(text.strip())


def catalog_dose(exercise: Exercise) -> Text:
    return Text(f"{exercise.reps} x {exercise.hold_seconds} s")


def parse_number(rule: Rule, text: str, section: str | None = None) -> tuple[int | None, str | None]:
    """The typed value, or the problem with it in the words of the settings file."""
    cleaned = text.strip()
    if not cleaned:
        if rule.optional:
            return None, None
        return None, f"[{section or rule.section}] {rule.key} needs a value; use {rule.allowed}"
    try:
        value = int(cleaned)
    except ValueError:
        return None, f"[{section or rule.section}] {rule.key} = {cleaned!r} is not a whole number"
    return value, rule.check(value, section)


class DayToggle(Button):
    """One weekday of a list of days: on or off, said in the label ("[x] mon"), not by colour alone."""

    BINDINGS = [Binding("space", "press", "Turn on or off", show=False)]

    def __init__(self, day: str, on: bool, widget_id: str) -> None:
        super().__init__(self.label_for(day, on), compact=True, id=widget_id, classes="day")
        self.day = day
        self.on = on

    @staticmethod
    def label_for(day: str, on: bool) -> Content:
        return Content(f"[{'x' if on else ' '}] {day}")  # Content: the brackets are not markup

    def set_on(self, on: bool) -> None:
        self.on = on
        self.label = self.label_for(self.day, on)
        self.set_class(on, "-on")


class DaysField(Horizontal):
    """A list of weekdays as seven toggles, mon to sun: enter or space (or a click) turns one on or off."""

    def __init__(self, days: tuple[str, ...], widget_id: str) -> None:
        super().__init__(
            *(DayToggle(day, day in days, f"{widget_id}-{day}") for day in WEEKDAYS),
            id=widget_id,
            classes="days",
        )

    @property
    def value(self) -> tuple[str, ...]:
        return tuple(toggle.day for toggle in self.query(DayToggle) if toggle.on)

    @value.setter
    def value(self, days: tuple[str, ...]) -> None:
        for toggle in self.query(DayToggle):
            toggle.set_on(toggle.day in days)

    def on_mount(self) -> None:
        for toggle in self.query(DayToggle):
            toggle.set_class(toggle.on, "-on")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if isinstance(event.button, DayToggle):
            event.button.set_on(not event.button.on)
            event.stop()
            self.post_message(self.Changed())

    class Changed(Message):
        """A day was turned on or off."""


class SettingsScreen(Screen[None]):
    CSS_PATH = "settings.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+t", "test_voice", "Test voice", tooltip="test the voice: speak a short phrase now"),
        Binding("escape", "back", "Back", tooltip="back (asks when there are unsaved changes)"),
    ]

    AUTO_FOCUS = "#field-get_ready_seconds"

    def __init__(
        self,
        catalog: Catalog,
        keeper: SettingsKeeper,
        cursor_blink: bool = True,
        announcing: Announcing | None = None,
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.keeper = keeper
        self.announcing = announcing or Announcing(lambda: None)  # finds and tests the voice
        self.cursor_blink = cursor_blink
        self.saved_values: dict[str, object] = {}
        # Each exercise's own dose as typed, kept here rather than in a pair of fields per exercise:
        # the list shows only the rows in view, and one editor serves the highlighted exercise.
        self.doses: DoseTexts = {}
        self.editing: str | None = None

    def compose(self) -> ComposeResult:
        settings = self.keeper.settings
        self.doses = dose_texts(settings, list(self.catalog.exercises))
        with VerticalScroll(id="settings"):
            yield Static("Settings", classes="screen-title")
            yield Static(
                f"Your settings file: {self.keeper.path}\nA blank hold or reps means the catalog's dose.",
                id="settings-path",
                markup=False,
            )
            yield Static(id="settings-message", markup=False)
            section = ""
            for rule in SCREEN_RULES:
                if rule.section != section:
                    section = rule.section
                    yield Static(rule.place.title, classes="section-title")
                yield self.field_row(rule, settings)
            yield Static(EXERCISE_RULES[0].place.title, classes="section-title")
            yield DataTable(id="doses", cursor_type="row")
            yield Static(id="dose-name", markup=False)
            with Horizontal(classes="field-row", id="dose-editor"):
                for rule in EXERCISE_RULES:
                    yield Static(rule.label, classes="dose-label")
                    yield self.number_input(rule, None, dose_id(rule))
            yield Static(DOSE_HINT, id="dose-hint", markup=False)
        yield Footer()

    def field_row(self, rule: Rule, settings: Settings) -> Horizontal | Vertical:
        value = getattr(settings, rule.attr)
        if rule.kind is tuple:  # seven toggles need the width: on the line under the label
            return Vertical(
                Static(rule.label, classes="field-label"),
                Horizontal(
                    DaysField(tuple(value), field_id(rule)),
                    Static(rule.hint, classes="field-hint", markup=False),
                    classes="field-row",
                ),
                classes="field-row",
            )
        widget: Input | Select[bool] | Select[str]
        if rule.kind is bool:
            # Words, not a coloured switch: the state must not rest on colour alone.
            choices = [("yes", True), ("no", False)]
            widget = Select(choices, value=bool(value), allow_blank=False, compact=True, id=field_id(rule))
        elif rule.kind is str:
            options = [(choice, choice) for choice in rule.choices]
            if rule.attr == "theme":  # the offered themes by name; one the file names stays choosable
                options = [(OFFERED_THEMES.get(theme, theme), theme) for theme in theme_choices(str(value))]
            widget = Select(options, value=value, allow_blank=False, compact=True, id=field_id(rule))
        else:
            widget = self.number_input(rule, value, field_id(rule))
        extra = ""
        if rule.attr == "voice" and find_speech_program(self.announcing.which) is None:
            extra = "  (no speech program found: install espeak-ng)"
        return Horizontal(
            Static(rule.label, classes="field-label"),
            widget,
            Static(rule.hint + extra, classes="field-hint", markup=False),
            classes="field-row",
        )

    def number_input(self, rule: Rule, value: int | None, widget_id: str) -> Input:
        field = Input(
            _text(value),
            placeholder="-" if rule.optional else "",
            type="integer",
            # Marked -invalid by the settings' own rules as read(); the Input's check would also mark a
            # blank optional value, or clear a refused one when the field loses focus.
            validate_on=[],
            id=widget_id,
            classes="number",
            compact=True,
            select_on_focus=True,
        )
        field.cursor_blink = self.cursor_blink
        return field

    def on_resize(self, event: events.Resize) -> None:
        # A phone's 40 columns: each field under its label, the days in two rows.
        self.set_class(event.size.width < COMPACT_WIDTH, "narrow")

    def on_mount(self) -> None:
        table = self.query_one("#doses", DataTable)
        table.add_column("exercise", width=NAME_WIDTH, key="name")
        table.add_column("catalog", key="catalog")
        for rule in EXERCISE_RULES:
            table.add_column(rule.column, width=DOSE_WIDTH, key=rule.key)
        for exercise in self.catalog.exercises.values():
            texts = self.doses[exercise.id]
            table.add_row(
                Text(exercise.name),  # a name from a file is never markup
                catalog_dose(exercise),
                *(dose_cell(rule, texts[rule.key], exercise.id) for rule in EXERCISE_RULES),
                key=exercise.id,
            )
        self.edit(next(iter(self.doses), None))
        self.saved_values = self.values()
        self.keeper.changed.subscribe(self, self.show_settings, immediate=True)

    def typed_keys(self) -> list[tuple[str, str]]:
        return [  # the form's own keys
            ("tab / shift+tab", "next / previous field; the exercise list and its dose come last"),
            ("enter", "open a choice (yes/no, theme); up/down and enter to pick"),
            ("enter / space", "on a day: plan it, or not"),
            ("up / down", "in the exercise list: choose an exercise (pgup/pgdn, ctrl+home/ctrl+end jump)"),
            ("enter / tab", "in the exercise list: edit the chosen exercise's hold and reps"),
        ]

    def quit_question(self) -> str | None:
        return "Quit without saving your settings changes?" if self.dirty else None

    # The exercise list and its editor

    def edit(self, exercise_id: str | None, keep_typed: bool = True) -> None:
        """Show one exercise's own dose in the editor; keep_typed: first keep what the editor holds."""
        if keep_typed:
            self.sync_editor()
        self.editing = exercise_id
        exercise = self.catalog.exercises.get(exercise_id) if exercise_id else None
        name = self.query_one("#dose-name", Static)
        if exercise is None:
            name.update("No exercises in the catalog.")
            return
        name.update(f"Your dose for {exercise.name} (catalog: {exercise.reps} x {exercise.hold_seconds} s)")
        for rule in EXERCISE_RULES:
            self.query_one(f"#{dose_id(rule)}", Input).value = self.doses[exercise.id][rule.key]
        self.mark_editor()

    def sync_editor(self) -> None:
        """What the editor holds becomes the edited exercise's dose, and its row shows it at once."""
        if self.editing is None:
            return
        texts = self.doses[self.editing]
        table = self.query_one("#doses", DataTable)
        for rule in EXERCISE_RULES:
            value = self.query_one(f"#{dose_id(rule)}", Input).value
            if texts[rule.key] != value:
                texts[rule.key] = value
                table.update_cell(self.editing, rule.key, dose_cell(rule, value, self.editing))

    def mark_editor(self) -> None:
        if self.editing is None:
            return
        for rule in EXERCISE_RULES:
            field = self.query_one(f"#{dose_id(rule)}", Input)
            _, problem = parse_number(rule, self.doses[self.editing][rule.key], f"exercises.{self.editing}")
            field.set_class(problem is not None, "-invalid")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None and event.row_key.value != self.editing:
            self.edit(event.row_key.value)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.query_one(f"#{dose_id(EXERCISE_RULES[0])}", Input).focus()

    # Reading the fields

    def values(self) -> dict[str, object]:
        self.sync_editor()
        values: dict[str, object] = {}
        for rule in SCREEN_RULES:
            widget = self.query_one(f"#{field_id(rule)}")
            if isinstance(widget, Input | Select | DaysField):
                values[field_id(rule)] = widget.value
        for exercise_id, texts in self.doses.items():
            for key, text in texts.items():
                values[f"exercises.{exercise_id}.{key}"] = text
        return values

    @property
    def dirty(self) -> bool:
        return self.values() != self.saved_values

    def read(self) -> tuple[Settings, list[str]]:
        """The settings the fields describe, and every problem with them."""
        problems: list[str] = []
        changes: dict[str, Any] = {}
        for rule in SCREEN_RULES:
            widget = self.query_one(f"#{field_id(rule)}")
            if isinstance(widget, Input):
                value, problem = parse_number(rule, widget.value)
                widget.set_class(problem is not None, "-invalid")
                if problem:
                    problems.append(problem)
                    continue
                changes[rule.attr] = value
            elif isinstance(widget, Select | DaysField):
                changes[rule.attr] = widget.value
        self.sync_editor()
        doses: dict[str, DoseOverride] = {}
        for exercise_id, texts in self.doses.items():
            dose: dict[str, int | None] = {}
            for rule in EXERCISE_RULES:
                value, problem = parse_number(rule, texts[rule.key], f"exercises.{exercise_id}")
                if problem:
                    problems.append(problem)
                dose[rule.key] = value
            if any(value is not None for value in dose.values()):
                doses[exercise_id] = DoseOverride(**dose)
        self.mark_editor()
        return replace(self.keeper.settings, exercises=doses, **changes), problems

    def show_settings(self, settings: Settings) -> None:
        """Every field as `settings` has it: after a save that kept edits made to the file by hand."""
        for rule in SCREEN_RULES:
            value = getattr(settings, rule.attr)
            widget = self.query_one(f"#{field_id(rule)}")
            if isinstance(widget, Input):
                widget.value = _text(value)
            elif isinstance(widget, Select | DaysField):
                widget.value = value
        self.sync_editor()
        shown = dose_texts(settings, list(self.doses))
        table = self.query_one("#doses", DataTable)
        for exercise_id, texts in shown.items():
            for rule in EXERCISE_RULES:
                if texts[rule.key] != self.doses[exercise_id][rule.key]:
                    table.update_cell(exercise_id, rule.key, dose_cell(rule, texts[rule.key], exercise_id))
        self.doses = shown
        self.edit(self.editing, keep_typed=False)
        # After a failed save the fields are not what the file holds: leaving still asks.
        self.saved_values = {} if self.keeper.last_save_failed else self.values()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.check_fields()

    def on_days_field_changed(self, event: DaysField.Changed) -> None:
        self.check_fields()

    def check_fields(self) -> None:
        _, problems = self.read()
        self.show_message(problems[0] if problems else "")

    def show_message(self, text: str, notify: bool = False) -> None:
        """The line under the title; notify: also as a notice, seen however far down the screen is
        scrolled (a save, a test of the voice)."""
        self.query_one("#settings-message", Static).update(text)
        if notify and text:
            self.app.notify(text, title="Settings", timeout=6)

    def action_test_voice(self) -> None:
        """A short phrase, now, whatever is typed or chosen so far: on screen, what happened."""
        settings, _ = self.read()
        self.show_message(self.announcing.test_voice(settings), notify=True)
        self.set_timer(2.0, self.voice_test_ended)

    def voice_test_ended(self) -> None:
        if (failure := self.announcing.voice_test_failure()) is not None:
            self.show_message(failure, notify=True)

    # Saving and leaving

    def action_save(self) -> bool:
        settings, problems = self.read()
        if problems:
            self.show_message(f"Not saved: {problems[0]}", notify=True)
            return False
        if not self.keeper.apply(settings):
            self.show_message(f"Not saved: {self.keeper.path} could not be written")  # the keeper says why
            return False
        self.saved_values = self.values()
        self.show_message(f"Saved to {self.keeper.path}", notify=True)
        return True

    def action_back(self) -> None:
        if not self.dirty:
            self.dismiss(None)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)

        open_screen(self.app, ConfirmScreen("Leave without saving your changes?"), answered)
