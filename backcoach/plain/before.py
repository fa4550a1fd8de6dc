"""Before a session, as questions: the safety list on first run, the routine, then each step core's
SessionStart asks for (check-in, morning after, the PSFS, the week 6 or 12 review, starting rating,
gentle-day offer)."""

from __future__ import annotations

from typing import assert_never

from backcoach.core.domain import psfs
from backcoach.core.domain.exercise import Catalog
from backcoach.core.domain.morning import Settled
from backcoach.core.domain.rating import Rating
from backcoach.core.domain.red_flags import (
    EMERGENCY,
    EMERGENCY_TITLE,
    INTRO,
    OSTEOPOROSIS_QUESTION,
    TITLE,
    URGENT,
    URGENT_TITLE,
)
from backcoach.core.progress import psfs as psfs_rules
from backcoach.core.progress.morning_after import WHY
from backcoach.core.progress.psfs import PsfsForm
from backcoach.core.session.coach import SHARP_START
from backcoach.core.session.plan import build_plan, minutes
from backcoach.core.session.start import (
    AskMorning,
    AskPsfs,
    AskRating,
    Done,
    OfferGentle,
    OpenSession,
    SessionStart,
    ShowReview,
)
from backcoach.core.settings.model import Settings
from backcoach.plain import answers
from backcoach.plain.console import Console
from backcoach.plain.session import ask_yes_or_no, rating_question

MORNING_WORDS = {
    Settled.SETTLED: ("1", "s", "settled"),
    Settled.SAME: ("2", "a", "about the same", "same"),
    Settled.WORSE: ("3", "w", "worse"),
}
QUIT_WORDS = ("q", "quit")


class Quit(Exception):
    """The person chose to quit before a session began: nothing to record."""


def red_flags(console: Console) -> None:
    console.say(TITLE, INTRO, f"{EMERGENCY_TITLE}:", *(f"- {item}" for item in EMERGENCY))
    console.say(f"{URGENT_TITLE}:", *(f"- {item}" for item in URGENT))


def safety(console: Console) -> bool:
    """The first run's safety list; returns the osteoporosis answer asked with it. Quit on q."""
    red_flags(console)
    while True:
        answer = console.ask("Type y if none of these apply to you, to continue; q to quit.").lower()
        if answer in ("y", "yes"):
            break
        if answer in QUIT_WORDS:
            raise Quit
        console.say(f"{answers.quoted(answer)} is not an answer here.")
    return ask_yes_or_no(console, f"{OSTEOPOROSIS_QUESTION} Type y or n.")


def choose_routine(console: Console, catalog: Catalog, settings: Settings) -> str:
    """A numbered list; the number, the id or the name typed picks one."""
    routines = list(catalog.routines.values())
    console.say("Pick a routine: type its number and press enter (q quits).")
    for number, routine in enumerate(routines, start=1):
        length = minutes(build_plan(routine, catalog, settings).total_seconds)
        console.say(f"{number}  {routine.name}, about {length} min")
    while True:
        answer = console.ask("Which routine?").strip()
        if answer.lower() in QUIT_WORDS:
            raise Quit
        for number, routine in enumerate(routines, start=1):
            if answer.lower() in (str(number), routine.id.lower(), routine.name.lower()):
                notes = build_plan(routine, catalog, settings).routine.notes
                console.say(*notes)
                return routine.id
        console.say(f"{answers.quoted(answer)} is not one of them: type a number from 1 to {len(routines)}.")


def before_session(console: Console, flow: SessionStart) -> OpenSession | None:
    """Each step the flow asks for, until it opens a session (None: nothing to open)."""
    step = flow.first()
    while True:
        if problem := flow.take_problem():
            console.say(f"History not saved: {problem}")
        match step:
            case AskRating():
                step = flow.rated(asked_rating(console, step))
            case AskMorning(question):
                step = flow.answered_morning(morning(console, question))
            case AskPsfs(form):
                step = flow.answered_psfs(psfs_questions(console, form))
            case ShowReview(review):
                console.say(*review.lines())
                step = flow.reviewed()
            case OfferGentle(offer):
                console.say(offer.question, offer.reason)
                choice = f"Type y for {offer.routine.name}, n for {offer.chosen.name}."
                step = flow.chose_gentle(ask_yes_or_no(console, choice))
            case OpenSession(_, rating, advice):
                if advice and rating is not None and rating.sharp:
                    console.say(f"{SHARP_START}:")  # the app points to its palette; here it is again
                    red_flags(console)
                elif advice:
                    console.say(advice)
                return step
            case Done():
                return None
            case _:
                assert_never(step)


def asked_rating(console: Console, step: AskRating) -> Rating | None:
    """A rating before the session; q quits; an empty line skips the weekly check-in this time (the
    check-in asks no sharp-pain question)."""
    skip = " Press enter to skip it this week." if not step.ask_sharp else ""
    asking = f"{rating_question(step.question, step.ask_sharp, step.scale)}{skip} (q quits)"
    while True:
        answer = console.ask(asking)
        if answer.lower() in QUIT_WORDS:
            raise Quit
        if not answer and not step.ask_sharp:
            return None
        try:
            return answers.rating(answer, step.ask_sharp)
        except ValueError as error:
            console.say(str(error))


def morning(console: Console, question: str) -> Settled | None:
    console.say(question, WHY)
    asking = "Type 1 settled, 2 about the same, 3 worse; or press enter: not now (asked next time)."
    while True:
        answer = console.ask(asking).lower()
        if not answer:
            return None
        for settled, words in MORNING_WORDS.items():
            if answer in words:
                return settled
        console.say(f"{answers.quoted(answer)} is not an answer here.")


ADD_WORDS = ("a", "add")
RETIRE_WORDS = ("r", "retire")


def psfs_questions(console: Console, form: PsfsForm) -> PsfsForm | None:
    """The PSFS as lines: activities named one a line the first time, then each rated; an empty line
    (or the end of input) skips it all for now, and nothing is written."""
    console.say(f"{psfs.NAME}. {psfs_rules.WHY}")
    try:
        if form.first_time:
            console.say(psfs_rules.FIRST_TIME.format(suggested=psfs.SUGGESTED, most=psfs.MOST))
            if not name_activities(console, form):
                return None
        else:
            console.say(psfs_rules.AGAIN)
        while (activity := form.current) is not None:
            extra = " a adds an activity," if form.can_add else ""
            answer = console.ask(
                f"{form.progress()}: {activity}. {psfs.SCALE}. Type a number;{extra} r retires it;"
                " or press enter to skip this for now."
            )
            if not answer:
                return None
            try:
                if answer.lower() in RETIRE_WORDS:
                    console.say(f"Retired: {form.retire()} (its ratings so far are kept).")
                elif answer.lower() in ADD_WORDS:
                    form.start_adding()
                    name_activities(console, form)
                else:
                    form.rate(psfs.parse_score(answer))
            except ValueError as error:
                console.say(str(error))
    except EOFError:
        return None
    return form


def name_activities(console: Console, form: PsfsForm) -> bool:
    """Named one a line until an empty line or the most; False: none named, skip."""
    while form.naming:
        count = len(form.activities)
        if count >= psfs.MOST:
            form.stop_naming()
            break
        more = "or press enter when that is all" if count else "or press enter to skip this for now"
        answer = console.ask(f"Activity {count + 1} (up to {psfs.LONGEST} characters), {more}:")
        try:
            if answer:
                form.add(answer)
            elif not count:
                return False
            else:
                form.stop_naming()
        except ValueError as error:
            console.say(str(error))
    return True
