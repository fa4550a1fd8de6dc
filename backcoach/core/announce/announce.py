"""What a person on the floor hears: each coach event as a sound and, with `voice = true`, words.

The coach says what happened; this decides how it sounds. Everything due at one moment is said as
one phrase ("Hold. Draw the knee gently towards your chest"), and a newer phrase cuts an older one
off, so speech never falls behind the session. Nothing here waits for a program to finish.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import assert_never

from backcoach.core.announce.sounds import Sound, SoundPlayer, find_player
from backcoach.core.announce.speech import Speaker, find_speech_program
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

COUNTDOWN_WORDS = "Three, two, one."


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
    """The words for each moment; the setup is read out the first time an exercise is got ready for."""

    def __init__(self) -> None:
        self.introduced: set[str] = set()
        self.cue_said = ""  # in this step: a cue said early (with the count) is not said again

    def phrase(self, events: Iterable[CoachEvent]) -> str:
        return " ".join(words for event in events if (words := self.words(event)))

    def words(self, event: CoachEvent) -> str:
        match event:
            case StepBegan():
                return self.step_words(event)
            case CueBegan():
                if event.cue == self.cue_said:
                    return ""
                self.cue_said = event.cue
                return spoken(event.cue)
            case FinalSeconds():
                if event.seconds != 3:
                    return ""
                if event.last_cue == self.cue_said:
                    return COUNTDOWN_WORDS
                # The hold's last cue is due in these seconds: said now, before the count, not cut off by it.
                self.cue_said = event.last_cue
                return f"{spoken(event.last_cue)} {COUNTDOWN_WORDS}"
            case RatingDue():
                return "Stopped: how much does it hurt?" if event.stopped else "Done: how did that feel?"
            case SessionEnded():
                return "Session done. Well done."
            case VerdictGiven() | HistoryProblem():
                return ""
            case unhandled:
                assert_never(unhandled)

    def step_words(self, event: StepBegan) -> str:
        step, exercise = event.step, event.exercise
        self.cue_said = event.cue
        match step.phase:
            case Phase.GET_READY:
                side = f", {step.side} side" if step.side else ""
                words = f"{exercise.name}{side}."
                if exercise.id not in self.introduced:
                    self.introduced.add(exercise.id)
                    words += f" {first_sentence(exercise.setup)}"
                return words
            case Phase.HOLD:
                return f"Hold. {spoken(event.cue)}"
            case Phase.SWITCH_SIDE:
                return f"Switch sides. {spoken(event.cue)}"
            case Phase.REST:
                return f"Switch sides. {spoken(event.cue)}" if event.side_changed else "Rest."
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

    @classmethod
    def found(cls, sound: str, voice: bool, cache_folder: Path, ring: Callable[[int], None]) -> Announcer:
        """With the player and the speech program found on this system."""
        player = find_player() if sound == "tones" else None
        speaker = Speaker(find_speech_program()) if voice else None
        return cls(sound, voice, cache_folder, ring, player, speaker)

    def use(self, sound: str, voice: bool) -> None:
        """New settings: the next event sounds the new way."""
        if sound == "tones" and self.sounds.mode != "tones" and self.sounds.player is None:
            self.sounds.player = find_player()
        self.sounds.mode = sound
        if voice and self.speaker is None:
            self.speaker = Speaker(find_speech_program())
        self.voice = (self.voice or Voice()) if voice else None

    @property
    def speech_missing(self) -> bool:
        return self.voice is not None and (self.speaker is None or self.speaker.program is None)

    def announce(self, events: list[CoachEvent]) -> tuple[list[Sound], str]:
        """Play and say the events; returns the sounds played and the phrase said (for tests, logs)."""
        sounds = [sound for event in events if (sound := sound_for(event)) is not None]
        for sound in sounds:
            self.sounds.play(sound)
        phrase = ""
        if self.voice is not None and self.speaker is not None:
            phrase = self.voice.phrase(events)
            if phrase:
                self.speaker.say(phrase)
        return sounds, phrase

    def close(self) -> None:
        self.sounds.close()
        if self.speaker is not None:
            self.speaker.stop()
