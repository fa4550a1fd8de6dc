"""One session as lines: the coach's events said as they come, key words read while it counts, the
pain check and the choice after a red asked as questions. The coach does the timing and the rules."""

from __future__ import annotations

from typing import assert_never

from backcoach.core.domain.phase import Phase
from backcoach.core.domain.rating import SCALE, Rating
from backcoach.core.session.coach import (
    Coach,
    CoachEvent,
    CueBegan,
    FinalSeconds,
    HistoryProblem,
    RatingDue,
    SessionEnded,
    StepBegan,
    Summary,
    VerdictGiven,
)
from backcoach.core.session.engine import State
from backcoach.plain import answers
from backcoach.plain.answers import KEYS_LINE, Key
from backcoach.plain.console import Console
from backcoach.plain.timing import count_mark, until_next
from backcoach.plain.words import count_words, introduction, step_sentence, where

END_QUESTION = "End this session? Your ratings so far are kept. Type y to end, n to go on."


def rating_question(question: str, ask_sharp: bool = True, scale: str = SCALE) -> str:
    sharp = "; add s for sharp, shooting or spreading pain, as in 7s" if ask_sharp else ""
    return f"{question} Rate 0 to 10{sharp} ({scale})."


def ask_rating(console: Console, question: str, ask_sharp: bool = True, scale: str = SCALE) -> Rating:
    """Asked again, with the reason, until the answer is a rating."""
    asking = rating_question(question, ask_sharp, scale)
    while True:
        try:
            return answers.rating(console.ask(asking), ask_sharp)
        except ValueError as error:
            console.say(str(error))


def ask_yes_or_no(console: Console, question: str) -> bool:
    while True:
        try:
            return answers.yes_or_no(console.ask(question))
        except ValueError as error:
            console.say(str(error))


class PlainSession:
    """run() says the session through to its summary; the end of input ends it early (recorded)."""

    def __init__(self, coach: Coach, console: Console) -> None:
        self.coach = coach
        self.console = console
        self.cue_said = ""  # the cue said last: a cue is said once, as it comes
        self.marks_said: set[int] = set()  # this hold's count marks said (10, 5)

    def run(self) -> Summary | None:
        coach = self.coach
        try:
            self.handle(coach.start())
            while not coach.finished:
                line = self.console.wait(until_next(coach))
                if line is not None:
                    self.typed(line)
                was_running = coach.running
                self.handle(coach.update())
                if was_running and coach.engine.state is State.PAUSED:
                    # The clock jumped (the process was stopped): that time was not exercise.
                    self.console.say("Paused while the coach was stopped. Type p to go on.")
                self.count()
        except EOFError:
            self.console.say("The input has ended: ending the session here.")
            self.handle(coach.end())
        return coach.summary

    # What the coach says happened

    def handle(self, events: list[CoachEvent]) -> None:
        """Each event said; a question's answer brings more events, said in turn."""
        pending = list(events)
        while pending:
            pending += self.react(pending.pop(0))

    def react(self, event: CoachEvent) -> list[CoachEvent]:
        say = self.console.say
        match event:
            case StepBegan():
                self.marks_said.clear()
                if event.step.phase is Phase.GET_READY:
                    say(introduction(self.coach.view()))
                elif event.ended_on and event.ended_on != self.cue_said:
                    say(event.ended_on)  # the end cue of a hold too short to say it in
                say(step_sentence(event))
                self.cue_said = event.cue
                caution = self.coach.view().caution
                if event.step.phase is Phase.GET_READY and caution:
                    say(caution)
            case CueBegan():
                if event.cue != self.cue_said:
                    self.cue_said = event.cue
                    say(event.cue)
            case FinalSeconds():
                say(count_words(event.seconds))
            case RatingDue():
                if event.ended_on and event.ended_on != self.cue_said:
                    say(event.ended_on)
                self.cue_said = ""
                return self.coach.rate(self.pain_check(event))
            case VerdictGiven():
                return self.verdict(event)
            case HistoryProblem():
                say(f"History not saved: {event.message}")
            case SessionEnded():
                say("Session done. Well done." if not event.summary.record.ended_early else "Session ended.")
            case unhandled:
                assert_never(unhandled)
        return []

    def pain_check(self, event: RatingDue) -> Rating:
        return ask_rating(self.console, event.question)

    def verdict(self, event: VerdictGiven) -> list[CoachEvent]:
        say = self.console.say
        if not event.choice_due:
            say(self.coach.verdict_line)
            return []
        say(f"RED: stop {event.result.name}.")
        say(*(line for line in event.advice if line))
        go_on = "see the summary" if event.is_last else "go on to the next exercise"
        question = f"Type g to {go_on}, or e to end the session."
        if event.end_advised:  # a second red: the sensible answer first, as the app's reflex key is
            question = f"Type e to end the session (the sensible choice today), or g to {go_on}."
        while True:
            answer = self.console.ask(question).lower()
            if answer in ("g", "go", "go on", "next"):
                return self.coach.go_on()
            if answer in ("e", "end", "q"):
                return self.coach.end()
            say(f"{answers.quoted(answer)} is not an answer here.")

    # What the person types while it counts

    def typed(self, line: str) -> None:
        try:
            key = answers.key(line)
        except ValueError as error:
            self.console.say(str(error))
            return
        coach, say = self.coach, self.console.say
        match key:
            case Key.PAUSE:
                coach.toggle_pause()
                if coach.running:
                    say(f"Going on: {where(coach.view())}")
                else:
                    say("Paused. Type p to go on.")
            case Key.SKIP:
                self.skip()
            case Key.HURTS:
                self.handle(coach.hurts())
            case Key.END:
                self.ask_to_end()
            case Key.WHERE:
                say(where(coach.view()), KEYS_LINE)
            case unhandled:
                assert_never(unhandled)

    def skip(self) -> None:
        """Skipped at once when nothing of it is done; else asked, as in the app, and rated if so."""
        coach = self.coach
        name = coach.view().planned.exercise.name
        if not coach.skip_asks:
            self.console.say(f"Skipped {name}.")
            self.handle(coach.skip())
            return
        was_running = coach.running
        coach.pause()
        question = f"Skip the rest of {name} and rate it? Type y to skip the rest, n to carry on."
        if ask_yes_or_no(self.console, question):
            self.handle(coach.skip_rest())
        elif was_running:
            coach.resume()
            self.console.say(f"Going on: {where(coach.view())}")

    def ask_to_end(self) -> None:
        coach = self.coach
        was_running = coach.running
        coach.pause()
        if ask_yes_or_no(self.console, END_QUESTION):
            self.handle(coach.end())
            return
        if was_running:
            coach.resume()
            self.console.say(f"Going on: {where(coach.view())}")

    def count(self) -> None:
        """10 and 5 seconds left in a hold; the last three come as the coach's FinalSeconds."""
        mark = count_mark(self.coach)
        if mark is not None and mark not in self.marks_said:
            self.marks_said.add(mark)
            self.console.say(count_words(mark))
