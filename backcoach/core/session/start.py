"""Before a session: the weekly check-in when it is due, the morning-after question, the PSFS and the
week 6 or 12 review when due, the starting rating, and on a flare-up the gentle day offered instead;
then which routine opens with which starting rating.

A small state machine: the UI asks for the next step, shows a screen for it and feeds the answer back
(None for escape, at every question). Nothing here knows about screens."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum, auto
from typing import TypeVar

from backcoach.core.domain.exercise import Catalog, Routine
from backcoach.core.domain.morning import Settled
from backcoach.core.domain.rating import SCALE, Rating
from backcoach.core.history.database import HistoryError
from backcoach.core.history.entries import ReviewEntry
from backcoach.core.history.writes import HistoryLog
from backcoach.core.kit.clock import local_now
from backcoach.core.progress import morning_after, psfs
from backcoach.core.progress.psfs import PsfsForm
from backcoach.core.progress.review import Review, review_due
from backcoach.core.progress.weekly import CHECKIN_PAIN, CHECKIN_STIFFNESS, STIFFNESS_SCALE, checkin_due_in
from backcoach.core.session.coach import starting_advice
from backcoach.core.session.flare import GentleOffer, gentle_offer
from backcoach.core.settings.model import Settings


@dataclass(frozen=True)
class AskRating:
    """Ask for a 0-10 rating; escape is allowed."""

    question: str
    scale: str = SCALE
    ask_sharp: bool = True


@dataclass(frozen=True)
class AskMorning:
    """How the back was the morning after the last session: one of answers, or None for escape."""

    question: str
    answers: tuple[Settled, ...] = morning_after.ANSWERS


@dataclass(frozen=True)
class AskPsfs:
    """The PSFS: name activities (the first time) or rate the kept ones again; the answer is the form
    filled in, or None for escape (asked again next session)."""

    form: PsfsForm


@dataclass(frozen=True)
class ShowReview:
    """The week 6 or 12 review: shown once (it is kept in the history as it is shown), then go on."""

    review: Review


@dataclass(frozen=True)
class OfferGentle:
    """A flare-up: offer the gentle routine instead of the one chosen (True takes it)."""

    offer: GentleOffer


@dataclass(frozen=True)
class OpenSession:
    routine: Routine
    rating: Rating | None  # None: check_before is off
    advice: str | None  # what to say first, after a high starting rating


@dataclass(frozen=True)
class Done:
    """Nothing to open: the starting rating was escaped, or the check-in asked on its own is over."""


Step = AskRating | AskMorning | AskPsfs | ShowReview | OfferGentle | OpenSession | Done
S = TypeVar("S", bound=Step)


class Stage(Enum):
    CHECKIN_PAIN = auto()
    CHECKIN_STIFFNESS = auto()
    MORNING_AFTER = auto()
    PSFS = auto()
    REVIEW = auto()
    STARTING_RATING = auto()
    GENTLE_OFFER = auto()
    OVER = auto()


class SessionStart:
    """routine_id None: the weekly check-in on its own (asked for from the command palette), due or not.
    ask_outcomes False leaves out the PSFS and the reviews (tests about other questions)."""

    def __init__(
        self,
        catalog: Catalog,
        settings: Settings,
        history: HistoryLog,
        routine_id: str | None,
        today: date,
        now: Callable[[], datetime] = local_now,
        ask_outcomes: bool = True,
    ) -> None:
        self.catalog = catalog
        self.settings = settings
        self.history = history
        self.routine = None if routine_id is None else catalog.routines[routine_id]
        self.today = today
        self.now = now
        self.ask_outcomes = ask_outcomes
        self.stage = Stage.OVER
        self.pain: Rating | None = None  # the check-in's morning pain, until stiffness is given
        self.rating: Rating | None = None  # the starting rating, while the gentle day is offered
        self.offer: GentleOffer | None = None
        self.last_day: date | None = None  # the session the morning-after question is about
        self.morning: Settled | None = None
        self._problem: str | None = None

    def first(self) -> Step:
        if self.routine is None or self.checkin_due():
            return self._ask(Stage.CHECKIN_PAIN)
        return self._after_checkin()

    def rated(self, rating: Rating | None) -> Step:
        """The answer to an AskRating step."""
        match self.stage:
            case Stage.CHECKIN_PAIN:
                if rating is None:  # escape skips the check-in this time
                    return self._after_checkin()
                self.pain = rating
                return self._ask(Stage.CHECKIN_STIFFNESS)
            case Stage.CHECKIN_STIFFNESS:
                if rating is not None and self.pain is not None:
                    self._problem = self.history.check_in(self.now(), self.pain.value, rating.value)
                return self._after_checkin()
            case Stage.STARTING_RATING:
                if rating is None:
                    return self._over(Done())
                return self._offer_or_open(rating)
            case Stage.MORNING_AFTER | Stage.PSFS | Stage.REVIEW | Stage.GENTLE_OFFER | Stage.OVER:
                raise RuntimeError(f"no rating was asked for ({self.stage.name})")

    def answered_morning(self, answer: Settled | None) -> Step:
        """The answer to an AskMorning step; escape asks again next time (nothing is written)."""
        if self.stage is not Stage.MORNING_AFTER or self.last_day is None:
            raise RuntimeError(f"no morning-after question was asked ({self.stage.name})")
        if answer is not None:
            self._problem = self.history.morning_after(self.now(), self.last_day, answer)
            self.morning = answer
        return self._outcomes()

    def answered_psfs(self, form: PsfsForm | None) -> Step:
        """The answer to an AskPsfs step: the form as filled in (written when anything was rated), or
        None for escape (nothing is written: asked again next session)."""
        if self.stage is not Stage.PSFS:
            raise RuntimeError(f"no PSFS was asked ({self.stage.name})")
        if form is not None and form.scores:
            self._problem = self.history.psfs(form.entry(self.now()))
        return self._review()

    def reviewed(self) -> Step:
        """The review was read: on to the starting rating."""
        if self.stage is not Stage.REVIEW:
            raise RuntimeError(f"no review was shown ({self.stage.name})")
        return self._starting()

    def chose_gentle(self, gentle: bool | None) -> Step:
        """The answer to an OfferGentle step; escape keeps the routine chosen."""
        if self.stage is not Stage.GENTLE_OFFER or self.offer is None:
            raise RuntimeError(f"no gentle day was offered ({self.stage.name})")
        return self._open(self.offer.routine if gentle else self.offer.chosen, self.rating)

    def take_problem(self) -> str | None:
        """What the check-in's history write said went wrong, once."""
        problem, self._problem = self._problem, None
        return problem

    def checkin_due(self) -> bool:
        try:
            with contextlib.closing(self.history.open()) as history:
                return checkin_due_in(history, self.today)
        except (HistoryError, sqlite3.Error):
            return False  # the history cannot be read now: the session matters more

    def _ask(self, stage: Stage) -> AskRating:
        self.stage = stage
        match stage:
            case Stage.CHECKIN_PAIN:
                return AskRating(CHECKIN_PAIN, ask_sharp=False)
            case Stage.CHECKIN_STIFFNESS:
                return AskRating(CHECKIN_STIFFNESS, STIFFNESS_SCALE, ask_sharp=False)
            case Stage.STARTING_RATING:
                assert self.routine is not None
                return AskRating(f"{self.routine.name}: how is your back right now?")
            case Stage.MORNING_AFTER | Stage.PSFS | Stage.REVIEW | Stage.GENTLE_OFFER | Stage.OVER:
                raise RuntimeError(f"{stage.name} is not a rating")

    def _after_checkin(self) -> Step:
        """The morning-after question when it is due, then the starting rating."""
        self.pain = None
        if self.routine is None:
            return self._over(Done())
        self.last_day, answered = self.history.last_day_answered(self.today)
        if morning_after.due(self.last_day, self.today, answered):
            assert self.last_day is not None
            self.stage = Stage.MORNING_AFTER
            return AskMorning(morning_after.question(self.last_day))
        return self._outcomes()

    def _outcomes(self) -> Step:
        """The PSFS when due, then the review when due (it reads the PSFS just given)."""
        if not self.ask_outcomes:
            return self._starting()
        try:
            with contextlib.closing(self.history.open()) as history:
                due = psfs.due_in(history, self.today)
                kept = tuple(history.psfs_activities())
        except (HistoryError, sqlite3.Error):
            return self._starting()  # the history cannot be read now: the session matters more
        if due:
            self.stage = Stage.PSFS
            return AskPsfs(PsfsForm(kept))
        return self._review()

    def _review(self) -> Step:
        if not self.ask_outcomes or self.history.problem is not None:
            return self._starting()  # a review of a history that cannot be read would invent
        try:
            with contextlib.closing(self.history.open()) as history:
                review = review_due(history, self.today)
        except (HistoryError, sqlite3.Error):
            return self._starting()
        if review is None:
            return self._starting()
        self.stage = Stage.REVIEW
        entry = ReviewEntry(self.now(), review.week, review.verdict.value, review.lines())
        self._problem = self.history.reviewed(entry)
        return ShowReview(review)

    def _starting(self) -> Step:
        assert self.routine is not None
        if not self.settings.check_before:
            return self._offer_or_open(None)
        return self._ask(Stage.STARTING_RATING)

    def _offer_or_open(self, rating: Rating | None) -> Step:
        """A flare-up (a starting rating at stop_at or above), or a back that was worse the morning
        after last time, is offered the gentle routine instead."""
        assert self.routine is not None
        starting = None if rating is None else rating.value
        self.offer = gentle_offer(starting, self.routine, self.catalog, self.settings, self.morning)
        if self.offer is None:
            return self._open(self.routine, rating)
        self.stage, self.rating = Stage.GENTLE_OFFER, rating
        return OfferGentle(self.offer)

    def _open(self, routine: Routine, rating: Rating | None) -> OpenSession:
        advice = None if rating is None else starting_advice(rating)
        return self._over(OpenSession(routine, rating, advice))

    def _over(self, step: S) -> S:
        self.stage = Stage.OVER
        return step
