"""The session: shows the coach's view with a big countdown, and forwards the person's keys to it."""

from __future__ import annotations

import math
from typing import assert_never

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.signal import Signal
from textual.timer import Timer
from textual.widgets import Footer, Static

from backcoach.core.catalog.drawings import Drawing, Drawings, mirrored
from backcoach.core.domain.outcome import Outcome
from backcoach.core.domain.phase import Phase
from backcoach.core.domain.rating import Rating
from backcoach.core.kit.text import mm_ss, plural
from backcoach.core.session.coach import (
    Coach,
    CoachEvent,
    HistoryProblem,
    RatingDue,
    SessionEnded,
    SessionView,
    VerdictGiven,
)
from backcoach.core.settings.model import Settings
from backcoach.tui import screens
from backcoach.tui.keys import KeyLine, key_bar
from backcoach.tui.opening import open_screen
from backcoach.tui.screens.drawn import Composed, when_composed
from backcoach.tui.screens.rating import RedChoice
from backcoach.tui.screens.session_layout import DrawingSize, Fit, drawing_sizes, fit
from backcoach.tui.settings_keeper import SettingsKeeper
from backcoach.tui.sizes import is_big, is_compact, is_tall
from backcoach.tui.widgets.big_letters import BigText
from backcoach.tui.widgets.big_number import BigNumber
from backcoach.tui.widgets.drawings import Figure
from backcoach.tui.widgets.lines import Line, Progress

PHASE_CLASSES = ("get-ready", "hold", "rest", "switch-side", "paused", "done")


def shown_seconds(remaining: float) -> int:
    """The whole seconds on the face: rounded up, so 0 shows only when the phase is over."""
    return math.ceil(remaining - 1e-9)


def clock_face(seconds: float) -> str:
    """Whole seconds still to go, rounded up, as 45 or 1:05."""
    whole = shown_seconds(seconds)
    return mm_ss(whole) if whole >= 60 else str(whole)


class SessionScreen(Screen[None], Composed):
    CSS_PATH = "session.tcss"
    BINDINGS = [
        Binding("space", "toggle_pause", "Pause", tooltip="pause or resume"),
        Binding("n", "skip", "Skip", tooltip="skip this exercise (once some is done: asks, and rates it)"),
        Binding("x", "hurts", "It hurts", tooltip="this hurts: stop this exercise and rate it"),
        Binding("escape", "end", "End", tooltip="end the session (asks first)"),
    ]

    class Announce(Message):
        """What the coach says happened, to be heard: sounds and words, as the settings ask."""

        def __init__(self, coach_events: list[CoachEvent]) -> None:
            super().__init__()
            self.events = coach_events

    def __init__(
        self,
        coach: Coach,
        drawings: Drawings,
        keeper: SettingsKeeper,
        continued_after_stop: Signal[float],
    ) -> None:
        super().__init__()
        self.coach = coach
        self.drawings = drawings
        self.keeper = keeper  # its settings go to the summary's dose changes
        self.continued_after_stop = continued_after_stop  # the moment the process was stopped
        self._timer: Timer | None = None
        self._shown: dict[str, str] = {}
        self._terminal = (80, 24)

    def compose(self) -> ComposeResult:
        # Text from the catalog may hold [brackets]: show it as written, never as markup.
        with Vertical(id="session"):
            yield Static(id="title", markup=False)
            with Horizontal(id="phase-row"):
                yield BigText(id="phase")
                yield Line(id="rep-beside")  # a small terminal's rep line: beside the word, not below
            with Horizontal(id="middle"):
                with Vertical(id="timer-column"):
                    yield BigNumber(id="countdown")
                    yield Static(id="rep", markup=False)
                with Vertical(id="drawing"):
                    yield Figure(id="figure")
                    yield Line(id="caption")
            with Vertical(id="words"):  # takes the rows left over, so none of the screen stays empty
                yield BigText(id="cue")
                yield Static(id="caution", markup=False)
                yield Static(id="verdict-line", markup=False)
            yield Progress(id="progress")
            yield Line(id="next")
            yield KeyLine(key_bar(self.BINDINGS, "  "), "  ", id="compact-keys")
        yield Footer()

    def on_mount(self) -> None:
        self.keeper.changed.subscribe(self, self.use_settings, immediate=True)
        self.continued_after_stop.subscribe(self, self.stopped_at, immediate=True)
        self.handle(self.coach.start())
        self.poll()

    def on_unmount(self) -> None:
        # Every way out of the app passes here (quit, ctrl+q, ctrl+c, the palette, SIGTERM):
        # the history records how the session ended (a signal has recorded it as interrupted already).
        self.record_end(Outcome.ENDED_EARLY)

    def record_end(self, outcome: Outcome) -> None:
        self.coach.close(outcome)

    def help_notes(self) -> str:
        """The exercise under way: how to do it, when to hold back, and where its dose comes from."""
        exercise = self.coach.view().planned.exercise
        return f"{exercise.name}: {exercise.setup}\nCaution: {exercise.caution}\nSource: {exercise.source}"

    def quit_question(self) -> str | None:
        return "Quit in the middle of a session? Your ratings so far are kept."

    def on_screen_suspend(self) -> None:
        # Help, the command palette or settings cover the countdown: nothing counts unseen.
        # The screen shows PAUSED when it comes back, and space goes on.
        if self.coach.running:
            self.coach.pause()
            self.poll()
        # The small terminal's key line shows through a dialog, but its keys do not work under it.
        self.add_class("covered")

    def on_screen_resume(self) -> None:
        self.remove_class("covered")

    def stopped_at(self, moment: float) -> None:
        """The process was suspended from outside at moment and has just been continued: the time it
        spent stopped does not count, and the session waits, paused, for the person."""
        self.coach.pause(at=moment)
        self.poll()

    def use_settings(self, settings: Settings) -> None:
        """New settings: the exercises after this one take the new doses."""
        self.coach.use_settings(settings)
        self.show(self.coach.view())

    def on_resize(self, event: events.Resize) -> None:
        width, height = event.size
        self._terminal = (width, height)
        self.set_class(is_compact(event.size), "compact")
        self.set_class(is_tall(event.size), "tall")
        self._shown.clear()  # texts are wrapped to the width: wrap them again
        self.show(self.coach.view())

    def fitting(self, view: SessionView, drawing: Drawing | None, word: str) -> Fit:
        """What fits this terminal: the countdown as wide as this step's first second, so the sizes
        hold still through a step."""
        width, height = self._terminal
        compact = self.has_class("compact")
        tall = self.has_class("tall")  # a phone: room for the normal drawing under the countdown
        sizes = (
            drawing_sizes(drawing, view.frame, compact and not tall, is_big(width, height)) if drawing else ()
        )
        face = clock_face(view.step.seconds)
        texts = (view.phase_word, word, rep_line(view), sizes, view.cue, view.caution, view.verdict_line)
        return fit(width, height, compact, face, *texts, stacked=tall)

    # Time: wake when the shown second changes (which is also when a step ends), never count ticks.

    def poll(self) -> None:
        self.handle(self.coach.update())
        self.show(self.coach.view())
        self._schedule()

    def _schedule(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.coach.running:
            remaining = self.coach.remaining()
            until_next_second = remaining - (shown_seconds(remaining) - 1)
            self._timer = self.set_timer(min(1.0, until_next_second) + 0.002, self.poll)

    # What the coach says happened

    def handle(self, coach_events: list[CoachEvent]) -> None:
        if coach_events:
            # To the app itself: the last events come as this screen is replaced by the summary.
            self.app.post_message(self.Announce(coach_events))
        for event in coach_events:
            if isinstance(event, RatingDue):
                self.show(self.coach.view())
                # After the repaint, so the screen behind the pain check reads DONE, not the last phase.
                self.call_after_refresh(
                    open_screen, self.app, screens.RatingScreen(event.question), self.rated
                )
            elif isinstance(event, VerdictGiven) and event.choice_due:
                verdict = screens.VerdictScreen.after(
                    event.result.name, event.advice, event.is_last, event.end_advised
                )
                open_screen(self.app, verdict, self.red_choice)
            elif isinstance(event, HistoryProblem):
                self.app.notify(event.message, title="History not saved", severity="error", timeout=15)
            elif isinstance(event, SessionEnded):
                self._schedule()
                self.app.switch_screen(screens.SummaryScreen(event.summary, self.keeper))

    def rated(self, rating: Rating | None) -> None:
        assert rating is not None  # this rating cannot be cancelled
        self.handle(self.coach.rate(rating))
        self.poll()

    def red_choice(self, choice: RedChoice | None) -> None:
        match choice:
            case RedChoice.END:
                self.handle(self.coach.end())
            case RedChoice.NEXT | None:
                self.handle(self.coach.go_on())
            case _:
                assert_never(choice)
        self.poll()

    # What the person asks for

    def action_toggle_pause(self) -> None:
        self.coach.toggle_pause()
        self.poll()

    def action_skip(self) -> None:
        coach = self.coach
        if not coach.skip_asks:  # nothing of it done yet: nothing to rate, so no question
            self.handle(coach.skip())
            self.poll()
            return
        was_running = coach.running
        coach.pause()
        self.poll()

        def answered(skip_rest: bool | None) -> None:
            if skip_rest:
                self.handle(coach.skip_rest())
            elif was_running:
                coach.resume()
            self.poll()

        name = coach.view().planned.exercise.name
        question = f"Skip the rest of {name} and rate it?"
        open_screen(self.app, screens.SkipRestScreen(question), answered)

    def action_hurts(self) -> None:
        self.handle(self.coach.hurts())

    def action_end(self) -> None:
        coach = self.coach
        was_running = coach.running
        coach.pause()
        self.poll()

        def answered(end: bool | None) -> None:
            if end:
                self.handle(coach.end())
            else:
                if was_running:
                    coach.resume()
                self.poll()

        open_screen(
            self.app, screens.ConfirmScreen("End this session? Your ratings so far are kept."), answered
        )

    # Drawing the view: each widget is touched only when its text changes

    @when_composed  # a key that arrived with the one that opened this screen: on_mount draws
    def show(self, view: SessionView) -> None:
        exercise = view.planned.exercise
        number = f"{view.exercise_number}/{view.exercise_count}"
        compact = self.has_class("compact")
        if compact:
            self._set("title", f"{number}  {exercise.name}")
        else:
            self._set("title", f"{view.routine_name}  ·  exercise {number}  ·  {exercise.name}")
        phase = view.phase_word
        for name in PHASE_CLASSES:
            self.set_class(name == phase.lower().replace(" ", "-"), f"phase-{name}")
        drawing = self.drawings.for_exercise(exercise)
        word = f"{phase}  (space to resume)" if phase == "PAUSED" else phase
        layout = self.fitting(view, drawing, word)
        big_word = (phase,) if layout.word_size else ()
        self.query_one("#phase", BigText).show(word, big_word, *(layout.word_size or (0, 2)))
        countdown = self.query_one(BigNumber)
        countdown.scale = layout.number_scale
        countdown.value = clock_face(view.remaining)
        self._set("rep", "\n".join(layout.rep))
        self.query_one("#rep-beside", Line).show(rep_line(view, short=True) if compact else "")
        self.query_one("#cue", BigText).show(
            "\n".join(layout.cue) or view.cue, layout.big_cue, *layout.cue_size
        )
        self._set("caution", "\n".join(layout.caution))
        self._set("verdict-line", "\n".join(layout.verdict))
        self.show_drawing(view, drawing, layout.drawing)
        self.query_one("#progress", Progress).show(view.progress)
        self.query_one("#next", Line).show(view.short_glance if compact else view.at_a_glance)

    def show_drawing(self, view: SessionView, drawing: Drawing | None, fitted: DrawingSize | None) -> None:
        """The start frame while getting ready and resting, the end frame once the hold begins; turned
        round on the left side, so the sides look different (a side view cannot show which leg). Where
        the caution needs the rows, the drawing gives way."""
        column = self.query_one("#drawing")
        column.display = drawing is not None and fitted is not None
        if drawing is None or fitted is None:
            return
        picture = drawing.picture(view.frame, fitted.size)
        if view.step.side == "left":
            picture = mirrored(picture)
        self.query_one(Figure).show(picture, fitted.scale)
        caption = self.query_one("#caption", Line)
        if caption.styles.width is None or caption.styles.width.value != fitted.columns:
            caption.styles.width = fitted.columns  # as wide as the picture: a long caption ends in "…"
        caption.show(drawing.frame(view.frame).caption)

    def _set(self, widget_id: str, text: str) -> None:
        if self._shown.get(widget_id) == text:
            return
        self._shown[widget_id] = text
        self.query_one(f"#{widget_id}", Static).update(text)


def rep_line(view: SessionView, short: bool = False) -> str:
    """The dose or the rep under way; short for a small terminal, where it sits beside the word."""
    dot = " · " if short else "  ·  "
    step = view.step
    dose = view.planned.dose
    sides = view.planned.exercise.sides
    side = f"{dot}{step.side} side" if step.side else ""
    match step.phase:
        case Phase.GET_READY if short:
            first = f"{dot}{step.side} first" if step.side else ""
            return f"{dose.reps} \N{MULTIPLICATION SIGN} {dose.hold_seconds} s{first}"
        case Phase.GET_READY:
            each = {"both": " each side", "alternate": ", alternating sides", "none": ""}[sides]
            start = f"{dot}start on the {step.side} side" if step.side else ""
            return f"{plural(dose.reps, 'rep')} of {dose.hold_seconds} s{each}{start}"
        case Phase.HOLD | Phase.REST | Phase.SWITCH_SIDE:
            return f"Rep {step.rep} of {step.reps}{side}"
        case _:
            assert_never(step.phase)
