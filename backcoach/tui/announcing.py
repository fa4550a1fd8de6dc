"""A session's events as sounds and words, as the settings ask; never waits for a player."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import TYPE_CHECKING

from backcoach.core.kit import paths
from backcoach.core.settings.model import Settings

if TYPE_CHECKING:
    from backcoach.core.announce.announce import Announcer
    from backcoach.core.announce.speech import Speaker, Which
    from backcoach.core.session.coach import CoachEvent


TEST_PHRASE = "Hold. Three, two, one."


class Announcing:
    """The announcer is found (players, speech program) at the first event, not at start-up."""

    def __init__(
        self, bell: Callable[[], None], speaker: Speaker | None = None, which: Which = shutil.which
    ) -> None:
        self.bell = bell  # the terminal's, for sound = "bell"
        self.speaker = speaker
        self.which = which  # how programs are found on PATH: tests give their own
        self.announcer: Announcer | None = None
        self.tested: Speaker | None = None  # the speaker the last voice test used

    def cues_status(self, settings: Settings) -> str:
        """Before a session: "Voice: espeak-ng · Sound: paplay", or what is off or missing."""
        from backcoach.core.announce.readiness import cues_status

        return cues_status(settings.voice, settings.sound, self.which)

    def test_voice(self, settings: Settings) -> str:
        """Speak a short phrase now, with the program a session would use, and say what happened."""
        from backcoach.core.announce.speech import Speaker, find_speech_program

        speaker = self.speaker or Speaker(find_speech_program(self.which))
        self.tested = speaker
        name = speaker.name
        if name is None:
            return "No speech program found: install espeak-ng (or speech-dispatcher; macOS has say)."
        if not speaker.say(TEST_PHRASE):
            return f"{name} could not be started: the voice stays silent."
        off = "" if settings.voice else " The voice is off: turn it on and save to hear the cues."
        return f'Speaking with {name}: "{TEST_PHRASE}"{off}'

    def voice_test_failure(self) -> str | None:
        """A moment after the test: what went wrong when the program has already failed."""
        tested = self.tested
        status = tested.exit_status() if tested is not None else None
        if tested is None or status in (None, 0):
            return None
        return f"{tested.name} failed (exit status {status}): check that it speaks from a terminal."

    def announce(self, events: list[CoachEvent], settings: Settings) -> None:
        if self.announcer is None:
            from backcoach.core.announce.announce import Announcer

            self.announcer = Announcer.found(
                settings.sound, settings.voice, paths.cache_dir(), self.ring, self.which
            )
            if self.speaker is not None:
                self.announcer.speaker = self.speaker
        # A missing speech program is said on home, before the session: never mid-session, on the floor.
        self.announcer.use(settings.sound, settings.voice)
        self.announcer.announce(events)

    def ring(self, times: int) -> None:
        for _ in range(times):
            self.bell()

    def close(self) -> None:
        if self.announcer is not None:
            self.announcer.close()
