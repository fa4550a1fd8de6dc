"""Before a session: the screen for each step core's SessionStart asks for, each answer fed back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, assert_never

from textual.app import App

from backcoach.core.domain.exercise import Routine
from backcoach.core.domain.rating import Rating
from backcoach.core.session.start import (
    AskMorning,
    AskPsfs,
    AskRating,
    Done,
    OfferGentle,
    OpenSession,
    SessionStart,
    ShowReview,
    Step,
)
from backcoach.tui import screens
from backcoach.tui.opening import open_screen


class BeforeSession:
    """history_problem: says what a history write that failed said; open_session: opens the session."""

    def __init__(
        self,
        app: App[Any],
        flow: SessionStart,
        history_problem: Callable[[str | None], None],
        open_session: Callable[[Routine, Rating | None], None],
    ) -> None:
        self.app = app
        self.flow = flow
        self.history_problem = history_problem
        self.open_session = open_session

    def take(self, step: Step) -> None:
        app, flow = self.app, self.flow
        self.history_problem(flow.take_problem())
        match step:
            case AskRating(question, scale, ask_sharp):
                rating = screens.RatingScreen(question, can_cancel=True, scale=scale, ask_sharp=ask_sharp)
                open_screen(app, rating, lambda answer: self.take(flow.rated(answer)))
            case AskMorning(question):
                morning = screens.MorningAfterScreen(question)
                open_screen(app, morning, lambda answer: self.take(flow.answered_morning(answer)))
            case AskPsfs(form):
                dialog = screens.PsfsScreen(form)
                open_screen(app, dialog, lambda answer: self.take(flow.answered_psfs(answer)))
            case ShowReview(review):
                shown = screens.ReviewScreen(review.title, review.lines()[1:], "Go on to the session")
                open_screen(app, shown, lambda _: self.take(flow.reviewed()))
            case OfferGentle(offer):
                gentle = screens.GentleOfferScreen(offer)
                open_screen(app, gentle, lambda answer: self.take(flow.chose_gentle(answer)))
            case OpenSession(routine, rating, advice):
                if advice:
                    app.notify(advice, severity="warning", timeout=10)
                self.open_session(routine, rating)
            case Done():
                pass
            case _:
                assert_never(step)
