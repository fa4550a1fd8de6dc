"""What a person with their eyes closed hears, moment by moment: every shipped exercise and routine
through the Coach on a manual clock, polled as the session screen polls it (as each shown second
begins), each phrase timed at a speech program's rate. Every phrase ends before the next begins, and
"three, two, one" is heard whole, on time, on every hold of 3 s or more."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import pytest

from backcoach.core.announce.announce import Voice
from backcoach.core.announce.budget import SpeechRate
from backcoach.core.announce.rate import ESTIMATED
from backcoach.core.domain.exercise import Catalog, Routine
from backcoach.core.domain.phase import Phase
from backcoach.core.domain.rating import Rating
from backcoach.core.kit.clock import ManualClock
from backcoach.core.session.coach import Coach, CoachEvent, StepBegan
from backcoach.core.settings.model import Settings

MEASURED = SpeechRate(0.0554)  # espeak-ng here, by rate.py's calibration phrase
POLL_LATE = 0.002  # the screen's timer fires just after each shown second begins
ANSWERING = 6.0  # seconds a person takes to answer the pain check, once it is asked


@dataclass(frozen=True)
class Said:
    at: float
    text: str
    seconds: float  # how long it takes at the rate


@dataclass(frozen=True)
class Hold:
    starts: float
    seconds: int


def listen(coach: Coach, clock: ManualClock, voice: Voice) -> tuple[list[Said], list[Hold]]:
    """Run the session to its end, answering each pain check with a 1, and note what is said."""
    said: list[Said] = []
    holds: list[Hold] = []

    def hear(events: list[CoachEvent]) -> None:
        now = clock.now()
        for event in events:
            if isinstance(event, StepBegan) and event.step.phase is Phase.HOLD:
                holds.append(Hold(now, event.step.seconds))
        if phrase := voice.phrase(events):
            said.append(Said(now, phrase, voice.rate.seconds(phrase)))

    hear(coach.start())
    while not coach.finished:
        if coach.running:
            left = coach.remaining()
            clock.advance(left - (math.ceil(left - 1e-9) - 1) + POLL_LATE)
            hear(coach.update())
        else:
            clock.advance(ANSWERING)
            hear(coach.rate(Rating(1)))
    return said, holds


def assert_heard_whole(said: list[Said], holds: list[Hold], what: str) -> None:
    for this, following in itertools.pairwise(said):
        ends = this.at + this.seconds
        assert ends <= following.at, f"{what}: {this.text!r} at {this.at:.2f} is cut by {following.text!r}"
    for hold in (hold for hold in holds if hold.seconds >= 3):
        ends = hold.starts + hold.seconds
        for left, word in ((3, "Three."), (2, "Two."), (1, "One.")):
            due = ends - left  # both observed on the same poll, POLL_LATE after the second begins
            phrase = next((phrase for phrase in said if abs(phrase.at - due) < 1e-6), None)
            assert phrase is not None and phrase.text.startswith(word), (
                f"{what}: {word!r} not said at {left} s left of the hold at {hold.starts:.2f}"
            )


SETTINGS = {
    "default doses": Settings(),
    "1 rep of 2 s": Settings(reps=1, hold_seconds=2),
    "3 s holds": Settings(hold_seconds=3),
}
RATES = {"measured": MEASURED, "estimated": ESTIMATED}


@pytest.mark.parametrize("rate", RATES.values(), ids=RATES.keys())
@pytest.mark.parametrize("settings", SETTINGS.values(), ids=SETTINGS.keys())
def test_every_exercise_is_heard_whole(catalog: Catalog, settings: Settings, rate: SpeechRate) -> None:
    for exercise in catalog.exercises.values():
        clock = ManualClock()
        coach = Coach(Routine("one", "One", (exercise.id,)), catalog, settings, clock, None)
        said, holds = listen(coach, clock, Voice(rate))
        assert_heard_whole(said, holds, exercise.id)
        assert said[0].text.startswith(f"{exercise.name}.")
        counts = sum(phrase.text.startswith(("Three.", "Two.", "One.")) for phrase in said)
        assert counts >= 3 * sum(hold.seconds >= 3 for hold in holds)


@pytest.mark.parametrize("rate", RATES.values(), ids=RATES.keys())
@pytest.mark.parametrize("settings", SETTINGS.values(), ids=SETTINGS.keys())
def test_every_routine_is_heard_whole(catalog: Catalog, settings: Settings, rate: SpeechRate) -> None:
    for routine in catalog.routines.values():
        clock = ManualClock()
        said, holds = listen(Coach(routine, catalog, settings, clock, None), clock, Voice(rate))
        assert_heard_whole(said, holds, routine.id)
        assert said[-1].text == "Session done. Well done."


def test_a_pelvic_tilt_at_its_default_dose_sounds_like_this(catalog: Catalog) -> None:
    clock = ManualClock()
    coach = Coach(Routine("one", "One", ("pelvic-tilt",)), catalog, Settings(), clock, None)
    said, _ = listen(coach, clock, Voice(MEASURED))
    first = [(round(phrase.at - 1000, 1), phrase.text) for phrase in said[:7]]
    # 5 s to get ready is too short for the setup (on screen): the name only. A 5 s hold has no time
    # for a cue before its count; the end cue comes as the rest begins.
    assert first == [
        (0, "Pelvic tilt."),
        (5, "Hold."),
        (7, "Three."),
        (8, "Two."),
        (9, "One."),
        (10, "Rest. Let go slowly and rest."),
        (15, "Hold."),
    ]
