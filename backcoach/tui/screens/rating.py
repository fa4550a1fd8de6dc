"""The pain check: a 0-10 rating typed or adjusted, and the verdict dialog after a red one."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from backcoach.core.domain.rating import SCALE, Rating, parse_rating
from backcoach.tui.keys import KeyLine, key_bar
from backcoach.tui.screens.dialogs import Dialog
from backcoach.tui.screens.drawn import Composed, when_composed
from backcoach.tui.widgets.big_number import BigNumber

ADJUST = Binding.Group("Adjust", compact=True)


class RatingScreen(Dialog[Rating | None], Composed):
    """Type 0-10 then enter; left/right adjust; x marks sharp, shooting or spreading pain.

    Every key is read in on_key, in the order it arrived: a burst such as backspace, 4, enter (a fast
    typist, or a terminal delivering keys while the app draws) must not reorder. The bindings below
    name the keys for the footer and the help, and on_key runs their actions itself."""

    CSS_PATH = "rating.tcss"
    BINDINGS = [
        Binding("enter", "done", "Done"),
        Binding("left", "adjust(-1)", "Adjust", tooltip="lower or raise it", group=ADJUST),
        Binding("right", "adjust(1)", "Adjust", tooltip="lower or raise it", group=ADJUST),
        Binding("x", "toggle_sharp", "Sharp pain", tooltip="sharp, shooting or spreading pain"),
        Binding("backspace", "erase", "Erase", show=False),
        Binding("escape", "cancel", "Back", show=False, tooltip="back (the starting rating only)"),
    ]

    def __init__(
        self, question: str, can_cancel: bool = False, scale: str = SCALE, ask_sharp: bool = True
    ) -> None:
        super().__init__()
        self.question = question
        self.can_cancel = can_cancel
        self.scale = scale  # the weekly check-in asks about stiffness on its own 0-10 scale
        self.ask_sharp = ask_sharp
        self.typed = ""
        self.sharp = False
        self.actions = {binding.key: binding.action for binding in Binding.make_bindings(self.BINDINGS)}

    def typed_keys(self) -> list[tuple[str, str]]:
        return [("0-10", "type your rating")]  # read in on_key, not bound

    @property
    def value(self) -> int | None:
        return int(self.typed) if self.typed else None

    def dialog(self) -> ComposeResult:
        with Vertical(classes="dialog", id="rating"):
            yield Static(self.question, classes="dialog-title", markup=False)
            yield Static(self.scale, id="scale", markup=False)
            yield BigNumber(id="rating-value")
            yield Static(id="scale-line", markup=False)
            yield Static(id="sharp", markup=False)
            yield Static(id="rating-message", markup=False)
            cancel = " · esc back" if self.can_cancel else ""
            shown = [b for b in Binding.make_bindings(self.BINDINGS) if self.ask_sharp or b.key != "x"]
            yield KeyLine(f"0-10 type · {key_bar(shown)}{cancel}", classes="keys")

    def on_mount(self) -> None:
        self.query_one("#sharp").display = self.ask_sharp
        self.refresh_rating()

    def on_resize(self, event: events.Resize) -> None:
        super().on_resize(event)
        self.query_one(BigNumber).scale = 0 if self.has_class("compact") else 1
        self.refresh_rating()

    async def on_key(self, event: events.Key) -> None:
        await read_typed_key(self, self.actions, event, self.type_character)

    @on(events.Click, "#scale-line")
    def click_digit(self, event: events.Click) -> None:
        digit = event.style.meta.get("digit")
        if isinstance(digit, int) and not self.answered:
            self.typed = str(digit)
            self.show_message("")
            self.refresh_rating()

    @on(events.Click, "#sharp")
    def click_sharp(self) -> None:
        if not self.answered:
            self.action_toggle_sharp()

    def type_character(self, character: str) -> None:
        candidate = self.typed + character
        try:
            parse_rating(candidate)
        except ValueError:
            try:
                parse_rating(character)
            except ValueError as error:
                self.show_message(str(error))
                return
            self.show_message(f"{candidate} is not on the scale ({SCALE}); type it again")
            self.typed = ""
        else:
            self.typed = str(int(candidate))
            self.show_message("")
        self.refresh_rating()

    def action_adjust(self, step: int) -> None:
        start = self.value if self.value is not None else (0 if step > 0 else 1)
        self.typed = str(min(10, max(0, start + step)))
        self.show_message("")
        self.refresh_rating()

    def action_erase(self) -> None:
        self.typed = self.typed[:-1]
        self.refresh_rating()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.ask_sharp or action != "toggle_sharp"  # hidden from the footer when not asked

    def action_toggle_sharp(self) -> None:
        if not self.ask_sharp:
            self.show_message(f"Type a number: {self.scale}")
            return
        self.sharp = not self.sharp
        self.refresh_rating()

    def action_done(self) -> None:
        if self.value is None:
            self.show_message(f"Type a rating first: {SCALE}")
            return
        self.answer(Rating(self.value, self.sharp))

    def action_cancel(self) -> None:
        if self.can_cancel:
            self.answer(None)
        else:
            self.show_message("Rate how it felt first: type 0-10, then enter")

    @when_composed
    def show_message(self, text: str) -> None:
        self.query_one("#rating-message", Static).update(text)

    @when_composed
    def refresh_rating(self) -> None:
        value = self.value
        self.query_one(BigNumber).value = "-" if value is None else str(value)
        self.query_one("#scale-line", Static).update(scale_line(value))
        sharp = (
            "[X]\u00a0yes" if self.sharp else "[\u00a0]\u00a0no"
        )  # never wrapped apart (a phone's 40 columns)
        label = "Sharp pain (x)" if self.has_class("compact") else "Sharp, shooting or spreading pain"
        self.query_one("#sharp", Static).update(f"{label}: {sharp}")


async def read_typed_key(
    dialog: Dialog[Any], actions: Mapping[str, str], event: events.Key, type_character: Callable[[str], None]
) -> None:
    """A dialog that reads typed digits in the order they came: a bound key runs its action, any other
    printable one is typed; ctrl+q, ctrl+c and ? for help (as everywhere) go on to the app."""
    action = actions.get(event.key)
    if action is None and (not (event.is_printable and event.character) or event.key == "question_mark"):
        return
    event.stop()
    event.prevent_default()
    if dialog.answered:
        return
    if action is not None:
        await dialog.run_action(action)
    else:
        type_character(event.character or "")


def scale_line(value: int | None) -> Content:
    """0  1  2 [3] 4 ... 10: each figure takes three cells, which a tap anywhere on reads as it (a
    finger is wider than a letter), and the brackets of the one chosen take the spaces beside it, so
    choosing one moves none of the others."""
    parts = [(f"[{n}]" if n == value else f" {n} ", Style.from_meta({"digit": n})) for n in range(11)]
    return Content.assemble(*parts)


class RedChoice(Enum):
    NEXT = "next"  # go on to the next exercise (or the summary after the last)
    END = "end"  # end the session


class VerdictScreen(Dialog[RedChoice]):
    """After a red rating: stop this exercise; the person chooses to go on or end."""

    BINDINGS = [
        Binding("enter", "choose('next')", "Next exercise", tooltip="go on to the next exercise"),
        Binding("e", "choose('end')", "End session", tooltip="end the session"),
    ]

    def __init__(self, exercise_name: str, advice: tuple[str, ...], is_last: bool) -> None:
        super().__init__()
        self.exercise_name = exercise_name
        self.advice = advice
        self.is_last = is_last

    @staticmethod
    def after(exercise_name: str, advice: tuple[str, ...], is_last: bool, end_advised: bool) -> VerdictScreen:
        """The dialog for this red: after a second red today, the one whose enter ends the session."""
        kind = SecondRedScreen if end_advised else VerdictScreen
        return kind(exercise_name, advice, is_last)

    def key_line(self, go_on: str) -> str:
        return f"enter  {go_on}      e  end the session"

    def dialog(self) -> ComposeResult:
        go_on = "see the summary" if self.is_last else "go on to the next exercise"
        with Vertical(classes="dialog red", id="verdict"):
            yield Static(f"RED: STOP {self.exercise_name.upper()}", classes="dialog-title", markup=False)
            # Scrolls where the terminal is too small for all of it: the scrollbar says there is more.
            with VerticalScroll(id="verdict-body"):
                yield Static("\n".join(self.advice), id="verdict-text", markup=False)
            yield KeyLine(self.key_line(go_on), "      ", classes="keys")

    def action_choose(self, choice: str) -> None:
        self.answer(RedChoice(choice))


class SecondRedScreen(VerdictScreen):
    """After a second red today ending is the sensible choice, so enter, the key pressed without
    thinking, ends the session; going on takes a key of its own."""

    inherit_bindings = False  # the first red's enter and e would show beside these
    BINDINGS = [
        Binding("enter", "choose('end')", "End session", tooltip="end the session"),
        Binding("g", "choose('next')", "Go on", tooltip="go on to the next exercise"),
        Binding("e", "choose('end')", show=False),  # still ends, as after a first red
    ]

    def key_line(self, go_on: str) -> str:
        return f"enter  end the session      g  {go_on}"
