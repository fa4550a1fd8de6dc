"""Spoken cues through whatever speech program the system has; silent when there is none."""

from __future__ import annotations

import shutil
import subprocess

SPEECH_PROGRAMS = ("spd-say", "espeak-ng", "espeak", "say")


def find_speech_program() -> str | None:
    return next((path for name in SPEECH_PROGRAMS if (path := shutil.which(name))), None)


class Speaker:
    def __init__(self, program: str | None) -> None:
        self.program = program
        self._current: subprocess.Popen[bytes] | None = None

    def say(self, text: str) -> None:
        """Speak without waiting; a newer cue cuts off an older one still speaking."""
        if self.program is None:
            return
        if self._current is not None and self._current.poll() is None:
            self._current.terminate()
        try:
            self._current = subprocess.Popen(
                [self.program, text],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        except OSError:
            self.program = None  # it vanished or cannot run: stay quiet rather than fail
