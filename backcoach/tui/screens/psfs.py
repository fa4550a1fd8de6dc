"""The PSFS: the first time, activities typed one at a time (enter adds, enter on an empty line goes on
to rating them); then each activity rated 0-10 in turn by its name. While rating, `a` adds one and `r`
retires the one being rated; escape skips it all for now (asked again next session). The rules are
core's PsfsForm: this screen shows it and feeds it keys."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Static

from backcoach.core.domain import psfs
from backcoach.core.kit.text import shown
from backcoach.core.progress.psfs import AGAIN, FIRST_TIME, WHY, PsfsForm
from backcoach.tui.keys import KeyLine, key_bar
from backcoach.tui.screens.dialogs import Dialog
from backcoach.tui.screens.drawn import Composed, when_composed
from backcoach.tui.screens.rating import read_typed_key, scale_line


class PsfsScreen(Dialog[PsfsForm | None], Composed):
    """Answers the form filled in (something rated), or None for escape."""

    CSS_PATH = "psfs.tcss"
    BINDINGS = [
        Binding("enter", "done", "Rate it", tooltip="rate this activity with the number typed"),
        Binding("a", "add", "Add one", tooltip="add an activity"),
        Binding("r", "retire", "Retire it", tooltip="retire this activity: not rated from now on"),
        Binding("backspace", "erase", "Erase", show=False),
        Binding("escape", "skip", "Skip for now", tooltip="skip this for now: asked again next session"),
    ]

    def __init__(self, form: PsfsForm) -> None:
        super().__init__()
        self.form = form
        self.typed = ""
        self.actions = {binding.key: binding.action for binding in Binding.make_bindings(self.BINDINGS)}

    def typed_keys(self) -> list[tuple[str, str]]:
        return [("0-10", "type the score, then enter"), ("type, enter", "name an activity")]

    def dialog(self) -> ComposeResult:
        intro = FIRST_TIME.format(suggested=psfs.SUGGESTED, most=psfs.MOST) if self.form.first_time else AGAIN
        with Vertical(classes="dialog", id="psfs"):
            yield Static(psfs.NAME, classes="dialog-title", markup=False)
            with VerticalScroll(id="psfs-body"):
                yield Static(f"{intro} {WHY}", id="psfs-intro", markup=False)
                yield Static(id="psfs-list", markup=False)
                yield Static(id="psfs-question", markup=False)
                yield Static(psfs.SCALE, id="psfs-scale-words", markup=False)
            yield Input(
                placeholder=f"an activity, up to {psfs.LONGEST} characters",
                max_length=psfs.LONGEST,
                id="psfs-input",
            )
            yield Static(id="psfs-scale", markup=False)
            yield Static(id="psfs-message", markup=False)
            yield KeyLine(classes="keys", id="psfs-keys")

    def on_mount(self) -> None:
        self.refresh_form()

    # Naming: the Input takes the keys; enter submits

    @on(Input.Submitted, "#psfs-input")
    def named(self, event: Input.Submitted) -> None:
        event.stop()
        if self.answered or not self.form.naming:
            return
        try:
            if event.value.strip():
                self.form.add(event.value)
                event.input.value = ""
                if not self.form.can_add:
                    self.form.stop_naming()
            else:
                self.form.stop_naming()
        except ValueError as error:
            self.show_message(str(error))
            return
        self.show_message("")
        self.refresh_form()

    @on(Input.Changed, "#psfs-input")
    def at_the_cap(self, event: Input.Changed) -> None:
        if len(event.value) >= psfs.LONGEST:
            self.show_message(f"{psfs.LONGEST} characters at most: a few words will do")

    # Rating: keys read here, in the order they came (as the pain check does)

    async def on_key(self, event: events.Key) -> None:
        if self.form.naming:
            if event.key == "escape":
                event.stop()
                event.prevent_default()
                if self.form.adding_one:  # one more was being named: back to rating, nothing added
                    self.form.stop_naming()
                    self.show_message("")
                    self.refresh_form()
                else:
                    self.action_skip()
            return  # the Input's keys
        await read_typed_key(self, self.actions, event, self.type_character)

    def type_character(self, character: str) -> None:
        candidate = self.typed + character
        try:
            psfs.parse_score(candidate)
        except ValueError:
            try:
                psfs.parse_score(character)
            except ValueError:
                self.show_message(f"{shown(character)!r} is not a score: type a number from 0 to 10")
                return
            self.show_message(f"{candidate} is more than 10: type it again")
            self.typed = ""
        else:
            self.typed = str(int(candidate))
            self.show_message("")
        self.refresh_form()

    @on(events.Click, "#psfs-scale")
    def click_digit(self, event: events.Click) -> None:
        digit = event.style.meta.get("digit")
        if isinstance(digit, int) and not self.answered and not self.form.naming:
            self.rate(digit)

    def action_done(self) -> None:
        if self.form.naming:
            return
        if not self.typed:
            self.show_message(f"Type a score first: {psfs.SCALE}")
            return
        self.rate(int(self.typed))

    def rate(self, score: int) -> None:
        self.form.rate(score)
        self.typed = ""
        self.show_message("")
        if self.form.done:
            self.answer(self.form)
        else:
            self.refresh_form()

    def action_erase(self) -> None:
        self.typed = self.typed[:-1]
        self.refresh_form()

    def action_add(self) -> None:
        try:
            self.form.start_adding()
        except ValueError as error:
            self.show_message(str(error))
            return
        self.typed = ""
        self.show_message("")
        self.refresh_form()

    def action_retire(self) -> None:
        try:
            retired = self.form.retire()
        except ValueError as error:
            self.show_message(str(error))
            return
        self.typed = ""
        self.show_message(f"Retired: {retired} (its ratings so far are kept)")
        if self.form.done:
            self.answer(self.form)
        else:
            self.refresh_form()

    def action_skip(self) -> None:
        self.answer(None)

    @when_composed
    def show_message(self, text: str) -> None:
        self.query_one("#psfs-message", Static).update(text)

    @when_composed
    def refresh_form(self) -> None:
        form = self.form
        current = form.current
        rows = []
        for activity in form.activities:
            score = form.scores.get(activity)
            if activity == current:
                mark, figure = ">", (self.typed or "_")
            else:
                mark, figure = (
                    "·",
                    ("-" if score is None else str(score)),
                )  # a line never starts blank: kept in line
            rows.append(f"{mark} {figure:>2}  {activity}")
        self.query_one("#psfs-list", Static).update("\n".join(rows))
        input_box = self.query_one("#psfs-input", Input)
        self.set_class(form.naming, "naming")  # what shows when: psfs.tcss
        keys = self.query_one("#psfs-keys", KeyLine)
        if form.naming:
            count = len(form.activities)
            more = "enter on an empty line: rate them" if count else "enter adds it"
            self.question(f"Activity {count + 1} of up to {psfs.MOST}: type it, then enter.")
            leave = "esc back to rating" if form.adding_one else "esc skip for now"
            keys.update(f"{more} · {leave}")
            input_box.focus()
        else:
            assert current is not None
            self.question(f"{form.progress()}: how well can you do this now?")
            self.query_one("#psfs-scale", Static).update(
                scale_line(None if not self.typed else int(self.typed))
            )
            shown_keys = [b for b in Binding.make_bindings(self.BINDINGS) if b.key != "a" or form.can_add]
            keys.update(f"0-10 type · {key_bar(shown_keys)}")
            self.set_focus(None)

    def question(self, text: str) -> None:
        self.query_one("#psfs-question", Static).update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("done", "add", "retire", "erase"):
            return not self.form.naming
        return True
