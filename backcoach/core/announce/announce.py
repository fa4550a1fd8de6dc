"""What a person on the floor hears: each coach event as a sound and, with `voice = true`, words.

The coach says what happened; this decides how it sounds. Everything due at one moment is said as
one phrase ("Hold. Draw the knee gently towards your chest"), and a newer phrase cuts an older one
off, so speech never falls behind the session. Nothing here waits for a program to finish.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from backcoach.core.announce.sounds import Sound, SoundPlayer, find_player
from backcoach.core.announce.speech import Speaker, find_speech_program
from backcoach.core.domain.phase import Phase
from backcoach.core.session.coach import (
    CoachEvent,
    CueBegan,
    FinalSeconds,
    RatingDue,
    SessionEnded,
    StepBegan,
)

COUNTDOWN_WORDS = "Three, two, one."


def sound_for(event: CoachEvent) -> Sound | None:
    if isinstance(event, StepBegan):
        if event.step.phase is Phase.GET_READY:
            return Sound.GET_READY
        if event.step.phase is Phase.HOLD:
            return Sound.HOLD
        return Sound.SWITCH if event.side_changed else Sound.REST
    if isinstance(event, FinalSeconds):
        return Sound.PIP
    if isinstance(event, RatingDue):
        return Sound.EXERCISE_DONE
    if isinstance(event, SessionEnded):
        return Sound.SESSION_DONE
    return None


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
        if isinstance(event, StepBegan):
            step, exercise = event.step, event.exercise
            self.cue_said = event.cue
            if step.phase is Phase.GET_READY:
                side = f", {step.side} side" if step.side else ""
                words = f"{exercise.name}{side}."
                if exercise.id not in self.introduced:
                    self.introduced.add(exercise.id)
                    words += f" {first_sentence(exercise.setup)}"
                return words
            if step.phase is Phase.HOLD:
                return f"Hold. {spoken(event.cue)}"
            if event.side_changed or step.phase is Phase.SWITCH_SIDE:
                return f"Switch sides. {spoken(event.cue)}"
            return "Rest."
        if isinstance(event, CueBegan):
            if event.cue == self.cue_said:
                return ""
            self.cue_said = event.cue
            return spoken(event.cue)
        if isinstance(event, FinalSeconds):
            if event.seconds != 3:
                return ""
            if event.last_cue == self.cue_said:
                return COUNTDOWN_WORDS
            # The hold's last cue is due in these seconds: said now, before the count, not cut off by it.
            self.cue_said = event.last_cue
            return f"{spoken(event.last_cue)} {COUNTDOWN_WORDS}"
        if isinstance(event, RatingDue):
            stopped = not event.question.startswith("How")
            return "Stopped: how much does it hurt?" if stopped else "Done: how did that feel?"
        if isinstance(event, SessionEnded):
            return "Session done. Well done."
        return ""


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
