"""What a person on the floor hears: each coach event as a sound and, with `voice = true`, words.

The coach says what happened; this decides how it sounds. Everything due at one moment is said as
one phrase ("Hold. Draw the knee gently towards your chest"), and a newer phrase cuts an older one
off, so speech never falls behind the session. Each phrase is fitted to the time until the next is
due (budget.py): the count first, then the phase word, the side, how to move, the cue, the setup.
Nothing here waits for a program to finish.
"""

from __future__ import annotations

import math
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import assert_never

from backcoach.core.announce.budget import SLACK_SECONDS, Part, Priority, SpeechRate, fit, joined
from backcoach.core.announce.rate import ESTIMATED, speech_rate
from backcoach.core.announce.sounds import Sound, SoundPlayer, find_player
from backcoach.core.announce.speech import Speaker, Which, find_speech_program
from backcoach.core.domain.phase import Phase
from backcoach.core.session.coach import (
    CoachEvent,
    CueBegan,
    FinalSeconds,
    HistoryProblem,
    RatingDue,
    SessionEnded,
    StepBegan,
    VerdictGiven,
)

COUNT_WORDS = {3: "Three.", 2: "Two.", 1: "One."}  # one a second, each said as its pip sounds


def sound_for(event: CoachEvent) -> Sound | None:
    match event:
        case StepBegan():
            return step_sound(event)
        case FinalSeconds():
            return Sound.PIP
        case RatingDue():
            return Sound.EXERCISE_DONE
        case SessionEnded():
            return Sound.SESSION_DONE
        case CueBegan() | VerdictGiven() | HistoryProblem():
            return None
        case unhandled:
            assert_never(unhandled)


def step_sound(event: StepBegan) -> Sound:
    match event.step.phase:
        case Phase.GET_READY:
            return Sound.GET_READY
        case Phase.HOLD:
            return Sound.HOLD
        case Phase.REST | Phase.SWITCH_SIDE:
            return Sound.SWITCH if event.side_changed else Sound.REST
        case unhandled:
            assert_never(unhandled)


def first_sentence(text: str) -> str:
    sentence = text.split(". ", 1)[0].strip()
    return sentence if sentence.endswith((".", "!", "?")) else f"{sentence}."


class Voice:
    """The words for each moment, fitted to its time; the setup is read out the first time an exercise
    is got ready for (when there is time for it)."""

    def __init__(self, rate: SpeechRate = ESTIMATED) -> None:
        self.rate = rate
        self.introduced: set[str] = set()
        self.cue_said = ""  # the cue said last: not said again, shown again or as the hold ends
        self.speaking_until = -math.inf  # on the coach's clock: when the phrase said last ends

    def phrase(self, events: Iterable[CoachEvent]) -> str:
        """What is said for events due at one moment: the count first, so it is on time."""
        events = list(events)
        at = max((moment for event in events if (moment := event_at(event)) is not None), default=None)
        # A cue that changes while the last phrase is still being said is only shown: saying it would
        # cut that phrase off. Counts and new steps come when the last phrase was fitted to end.
        speaking = at is not None and at < self.speaking_until
        parts = [
            part
            for event in events
            if not (speaking and isinstance(event, CueBegan))
            for part in self.parts(event)
        ]
        window = min((event_window(event) for event in events), default=math.inf)
        parts.sort(key=lambda part: part.priority is not Priority.COUNT)
        said = fit(parts, window - SLACK_SECONDS, self.rate)
        for event in events:
            self.remember(event, said)
        if said:
            self.speaking_until = -math.inf if at is None else at + self.rate.seconds(joined(said))
        return joined(said)

    def parts(self, event: CoachEvent) -> list[Part]:
        match event:
            case StepBegan():
                return self.step_parts(event)
            case CueBegan():
                return [] if event.cue == self.cue_said else [Part.of(Priority.CUE, spoken(event.cue))]
            case FinalSeconds():
                return [Part.of(Priority.COUNT, COUNT_WORDS[event.seconds])]
            case RatingDue():
                if event.stopped:
                    return [Part.of(Priority.PHASE, "Stopped: how much does it hurt?")]
                return [*self.ended_on(event.ended_on), Part.of(Priority.PHASE, "Done: how did that feel?")]
            case SessionEnded():
                return [Part.of(Priority.PHASE, "Session done. Well done.")]
            case VerdictGiven() | HistoryProblem():
                return []
            case unhandled:
                assert_never(unhandled)

    def step_parts(self, event: StepBegan) -> list[Part]:
        step, exercise = event.step, event.exercise
        cue = [Part.of(Priority.CUE, spoken(event.cue))]
        match step.phase:
            case Phase.GET_READY:
                side = [Part.of(Priority.SIDE, f"{step.side.capitalize()} side.")] if step.side else []
                move = [Part.of(Priority.MOVE, spoken(event.move))] if event.move else []
                setup = [] if exercise.id in self.introduced else [first_sentence(exercise.setup)]
                return [
                    Part.of(Priority.PHASE, f"{exercise.name}."),
                    *side,
                    *move,
                    *[Part.of(Priority.SETUP, text) for text in setup],
                ]
            case Phase.HOLD:
                count = COUNT_WORDS.get(step.seconds)  # a hold of 3 s or less starts with its count
                return [
                    *([Part.of(Priority.COUNT, count)] if count else []),
                    Part.of(Priority.PHASE, "Hold."),
                    *cue,
                ]
            case Phase.SWITCH_SIDE:
                return [Part.of(Priority.PHASE, "Switch sides."), *self.ended_on(event.ended_on), *cue]
            case Phase.REST:
                if event.side_changed:
                    return [Part.of(Priority.PHASE, "Switch sides."), *self.ended_on(event.ended_on), *cue]
                return [Part.of(Priority.PHASE, "Rest."), *self.ended_on(event.ended_on)]
            case unhandled:
                assert_never(unhandled)

    def ended_on(self, cue: str) -> list[Part]:
        """The end cue of the hold just over: it had only the count's last second, so it is said now."""
        return [Part.of(Priority.ENDED, spoken(cue))] if cue and cue != self.cue_said else []

    def remember(self, event: CoachEvent, said: tuple[str, ...]) -> None:
        """What was said is not said again: the setup once, a cue until another is said."""
        match event:
            case StepBegan():
                if first_sentence(event.exercise.setup) in said:
                    self.introduced.add(event.exercise.id)
                self.cue_said = spoken_cue(event.cue, said) or spoken_cue(event.ended_on, said) or ""
            case CueBegan():
                self.cue_said = spoken_cue(event.cue, said) or self.cue_said
            case FinalSeconds() | RatingDue() | SessionEnded() | VerdictGiven() | HistoryProblem():
                pass
            case unhandled:
                assert_never(unhandled)


def spoken_cue(cue: str, said: tuple[str, ...]) -> str | None:
    return cue if cue and spoken(cue) in said else None


def event_at(event: CoachEvent) -> float | None:
    match event:
        case StepBegan() | CueBegan() | FinalSeconds():
            return event.at
        case RatingDue() | SessionEnded() | VerdictGiven() | HistoryProblem():
            return None
        case unhandled:
            assert_never(unhandled)


def event_window(event: CoachEvent) -> float:
    """The time until the next phrase is due; after the pain check's question, the person answers."""
    match event:
        case StepBegan() | CueBegan() | FinalSeconds():
            return event.window
        case RatingDue() | SessionEnded() | VerdictGiven() | HistoryProblem():
            return math.inf
        case unhandled:
            assert_never(unhandled)


def spoken(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else f"{text}."


class Announcer:
    """Plays and says a session's events, as the settings ask."""

    def __init__(
        self,
        sound: str,
        voice: bool,
        cache_folder: Path,
        ring: Callable[[int], None],
        player: str | None = None,
        speaker: Speaker | None = None,
    ) -> None:
        self.sounds = SoundPlayer(sound, cache_folder / "tones", ring, player)
        self.speaker = speaker
        self.voice = Voice() if voice else None
        self.cache_folder = cache_folder
        self._rate_of: str | None = None  # the program the voice's rate was measured for
        self.which: Which = shutil.which  # how a player or speech program turned on later is found

    @classmethod
    def found(
        cls,
        sound: str,
        voice: bool,
        cache_folder: Path,
        ring: Callable[[int], None],
        which: Which = shutil.which,
    ) -> Announcer:
        """With the player and the speech program found on this system."""
        player = find_player(which) if sound == "tones" else None
        speaker = Speaker(find_speech_program(which)) if voice else None
        announcer = cls(sound, voice, cache_folder, ring, player, speaker)
        announcer.which = which
        return announcer

    def use(self, sound: str, voice: bool) -> None:
        """New settings: the next event sounds the new way."""
        if sound == "tones" and self.sounds.mode != "tones" and self.sounds.player is None:
            self.sounds.player = find_player(self.which)
        self.sounds.mode = sound
        if voice and self.speaker is None:
            self.speaker = Speaker(find_speech_program(self.which))
        if self.voice is None and voice:
            self._rate_of = None
        self.voice = (self.voice or Voice()) if voice else None

    def announce(self, events: list[CoachEvent]) -> tuple[list[Sound], str]:
        """Play and say the events; returns the sounds played and the phrase said (for tests, logs)."""
        sounds = [sound for event in events if (sound := sound_for(event)) is not None]
        for sound in sounds:
            self.sounds.play(sound)
        phrase = ""
        if self.voice is not None and self.speaker is not None:
            if self.speaker.program != self._rate_of:  # measured once, then read from the cache
                self._rate_of = self.speaker.program
                self.voice.rate = speech_rate(self.speaker.program, self.cache_folder)
            phrase = self.voice.phrase(events)
            if phrase:
                self.speaker.say(phrase)
        return sounds, phrase

    def close(self) -> None:
        self.sounds.close()
        if self.speaker is not None:
            self.speaker.stop()
