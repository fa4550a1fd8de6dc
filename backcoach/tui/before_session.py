"""Before a session: the screen for each step core's SessionStart asks for, each answer fed back."""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from backcoach.core.session.start import (
    AskMorning,
    AskRating,
    Done,
    OfferGentle,
    OpenSession,
    SessionStart,
    Step,
)
from backcoach.tui import screens
from backcoach.tui.opening import open_screen

if TYPE_CHECKING:
    from backcoach.tui.app import BackcoachApp


def take_step(app: BackcoachApp, flow: SessionStart, step: Step) -> None:
    app.history_problem(flow.take_problem())
    match step:
        case AskRating(question, scale, ask_sharp):
            rating = screens.RatingScreen(question, can_cancel=True, scale=scale, ask_sharp=ask_sharp)
            open_screen(app, rating, lambda answer: take_step(app, flow, flow.rated(answer)))
        case AskMorning(question):
            morning = screens.MorningAfterScreen(question)
            open_screen(app, morning, lambda answer: take_step(app, flow, flow.answered_morning(answer)))
        case OfferGentle(offer):
            gentle = screens.GentleOfferScreen(offer)
            open_screen(app, gentle, lambda answer: take_step(app, flow, flow.chose_gentle(answer)))
        case OpenSession(routine, rating, advice):
            if advice:
                app.notify(advice, severity="warning", timeout=10)
            app.open_session(routine, rating)
        case Done():
            pass
        case _:
            assert_never(step)
