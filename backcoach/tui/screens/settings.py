"""The settings screen: every setting in the file, checked as it is typed, saved with ctrl+s."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Select, Static

from backcoach.core.settings import EXERCISE_RULES, RULES, DoseOverride, Rule, Settings
from backcoach.core.speech import find_speech_program
from backcoach.tui.screens.dialogs import ConfirmScreen

if TYPE_CHECKING:
    from backcoach.tui.app import BackcoachApp

LABELS = {
    "get_ready_seconds": "Get ready (seconds)",
    "rest_seconds": "Rest between reps (seconds)",
    "hold_seconds": "Hold for every exercise (seconds)",
    "reps": "Reps for every exercise",
    "sound": "Sound at each phase change",
    "voice": "Speak the cues",
    "check_before": "Ask how my back is before starting",
    "stop_at": "Stop an exercise at this rating (RED)",
    "target_sessions": "Sessions a week to aim for",
    "theme": "Theme",
}
# The safety acknowledgement is set by the safety screen, not edited here.
SCREEN_RULES = tuple(rule for rule in RULES if rule.attr != "safety_acknowledged")
SECTION_TITLES = {
    "timing": "Timing",
    "cues": "Cues",
    "pain": "Pain check",
    "week": "Week",
    "display": "Display",
}


def field_id(rule: Rule, exercise_id: str | None = None) -> str:
    return f"dose-{exercise_id}-{rule.key}" if exercise_id else f"field-{rule.attr}"


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


class SettingsScreen(Screen[None]):
    CSS_PATH = "settings.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "back", "Back", tooltip="back (asks when there are unsaved changes)"),
    ]

    AUTO_FOCUS = "#field-get_ready_seconds"

    app: BackcoachApp

    def __init__(self) -> None:
        super().__init__()
        self.saved_values: dict[str, object] = {}

    def compose(self) -> ComposeResult:
        settings = self.app.settings
        with VerticalScroll(id="settings"):
            yield Static("Settings", classes="screen-title")
            yield Static(
                f"Saved in {self.app.loaded.path}\nA blank hold or reps means the catalog's dose.",
                id="settings-path",
                markup=False,
            )
            yield Static(id="settings-message", markup=False)
            section = ""
            for rule in SCREEN_RULES:
                if rule.section != section:
                    section = rule.section
                    yield Static(SECTION_TITLES[section], classes="section-title")
                yield self.field_row(rule, settings)
            yield Static("Exercises: your own dose (blank: the catalog's)", classes="section-title")
            yield Static("exercise                     catalog      hold s   reps", classes="dose-header")
            for exercise in self.app.catalog.exercises.values():
                own = settings.exercises.get(exercise.id, DoseOverride())
                with Horizontal(classes="dose-row"):
                    yield Static(exercise.name, classes="dose-name", markup=False)
                    yield Static(f"{exercise.reps} x {exercise.hold_seconds} s", classes="dose-catalog")
                    for rule in EXERCISE_RULES:
                        value = getattr(own, rule.key)
                        yield self.number_input(rule, value, exercise.id)
        yield Footer()

    def field_row(self, rule: Rule, settings: Settings) -> Horizontal:
        value = getattr(settings, rule.attr)
        widget: Input | Select[bool] | Select[str]
        if rule.kind is bool:
            # Words, not a coloured switch: the state must not rest on colour alone.
            choices = [("yes", True), ("no", False)]
            widget = Select(choices, value=bool(value), allow_blank=False, compact=True, id=field_id(rule))
            hint = ""
        elif rule.kind is str:
            options = [(choice, choice) for choice in rule.choices]
            widget = Select(options, value=value, allow_blank=False, compact=True, id=field_id(rule))
            hint = "tones, bell (the terminal's) or off" if rule.attr == "sound" else ""
        else:
            widget = self.number_input(rule, value)
            hint = f"{rule.low}-{rule.high}" + (", or blank" if rule.optional else "")
        extra = ""
        if rule.attr == "voice" and find_speech_program() is None:
            extra = "  (no speech program found: install espeak-ng)"
        return Horizontal(
            Static(LABELS[rule.attr], classes="field-label"),
            widget,
            Static(hint + extra, classes="field-hint", markup=False),
            classes="field-row",
        )

    def number_input(self, rule: Rule, value: int | None, exercise_id: str | None = None) -> Input:
        field = Input(
            "" if value is None else str(value),
            placeholder="-" if rule.optional else "",
            type="integer",
            id=field_id(rule, exercise_id),
            classes="number",
            compact=True,
            select_on_focus=True,
        )
        field.cursor_blink = self.app.cursor_blink
        return field

    def on_mount(self) -> None:
        self.saved_values = self.values()
        self.app.settings_changed.subscribe(self, self.show_settings, immediate=True)

    def typed_keys(self) -> list[tuple[str, str]]:
        return [  # the form's own keys
            ("tab / shift+tab", "next / previous field"),
            ("enter", "open a choice (yes/no, theme); up/down and enter to pick"),
        ]

    def quit_question(self) -> str | None:
        return "Quit without saving your settings changes?" if self.dirty else None

    # Reading the fields

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {}
        for widget in self.query("Input, Select"):
            if isinstance(widget, Input | Select) and widget.id:
                values[widget.id] = widget.value
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
            elif isinstance(widget, Select):
                changes[rule.attr] = widget.value
        doses: dict[str, DoseOverride] = {}
        for exercise_id in self.app.catalog.exercises:
            dose: dict[str, int | None] = {}
            for rule in EXERCISE_RULES:
                field = self.query_one(f"#{field_id(rule, exercise_id)}", Input)
                value, problem = parse_number(rule, field.value, f"exercises.{exercise_id}")
                field.set_class(problem is not None, "-invalid")
                if problem:
                    problems.append(problem)
                dose[rule.key] = value
            if any(value is not None for value in dose.values()):
                doses[exercise_id] = DoseOverride(**dose)
        return replace(self.app.settings, exercises=doses, **changes), problems

    def show_settings(self, settings: Settings) -> None:
        """Every field as `settings` has it: after a save that kept edits made to the file by hand."""
        for rule in SCREEN_RULES:
            value = getattr(settings, rule.attr)
            widget = self.query_one(f"#{field_id(rule)}")
            if isinstance(widget, Input):
                widget.value = "" if value is None else str(value)
            elif isinstance(widget, Select):
                widget.value = value
        for exercise_id in self.app.catalog.exercises:
            own = settings.exercises.get(exercise_id, DoseOverride())
            for rule in EXERCISE_RULES:
                value = getattr(own, rule.key)
                field = self.query_one(f"#{field_id(rule, exercise_id)}", Input)
                field.value = "" if value is None else str(value)
        self.saved_values = self.values()

    def on_input_changed(self, event: Input.Changed) -> None:
        _, problems = self.read()
        self.show_message(problems[0] if problems else "")

    def show_message(self, text: str) -> None:
        self.query_one("#settings-message", Static).update(text)

    # Saving and leaving

    def action_save(self) -> bool:
        settings, problems = self.read()
        if problems:
            self.show_message(f"Not saved: {problems[0]}")
            return False
        if not self.app.apply_settings(settings):
            self.show_message(f"Not saved: {self.app.loaded.path} could not be written")
            return False
        self.saved_values = self.values()
        self.show_message(f"Saved to {self.app.loaded.path}")
        return True

    def action_back(self) -> None:
        if not self.dirty:
            self.dismiss(None)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)

        self.app.open_screen(ConfirmScreen("Leave without saving your changes?"), answered)
