"""A session's events as sounds and words, as the settings ask; never waits for a player."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from backcoach.core.kit import paths
from backcoach.core.settings.model import Settings

if TYPE_CHECKING:
    from backcoach.core.announce.announce import Announcer
    from backcoach.core.announce.speech import Speaker
    from backcoach.core.session.coach import CoachEvent


class Announcing:
    """The announcer is found (players, speech program) at the first event, not at start-up."""

    def __init__(
        self, bell: Callable[[], None], notice: Callable[[str], None], speaker: Speaker | None = None
    ) -> None:
        self.bell = bell  # the terminal's, for sound = "bell"
        self.notice = notice  # said once: no speech program was found
        self.speaker = speaker
        self.announcer: Announcer | None = None
        self.told_of_missing_speech = False

    def announce(self, events: list[CoachEvent], settings: Settings) -> None:
        if self.announcer is None:
            from backcoach.core.announce.announce import Announcer

            self.announcer = Announcer.found(settings.sound, settings.voice, paths.cache_dir(), self.ring)
            if self.speaker is not None:
                self.announcer.speaker = self.speaker
        self.announcer.use(settings.sound, settings.voice)
        if self.announcer.speech_missing and not self.told_of_missing_speech:
            from backcoach.core.announce.speech import missing_program_notice

            self.told_of_missing_speech = True
            self.notice(missing_program_notice())
        self.announcer.announce(events)

    def ring(self, times: int) -> None:
        for _ in range(times):
            self.bell()

    def close(self) -> None:
        if self.announcer is not None:
            self.announcer.close()
