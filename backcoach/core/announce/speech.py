"""Spoken cues through whatever speech program the system has; silent when there is none."""

from __future__ import annotations

import shutil
import subprocess

SPEECH_PROGRAMS = ("spd-say", "espeak-ng", "espeak", "say")


def missing_program_notice() -> str:
    """Said once when the voice is on and nothing can speak."""
    return (
        "The voice is on, but no speech program was found. Any of these works: "
        + ", ".join(SPEECH_PROGRAMS)
        + " (install espeak-ng, or speech-dispatcher for spd-say; macOS has say)."
    )


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
        self.stop()
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

    def stop(self) -> None:
        if self._current is not None and self._current.poll() is None:
            self._current.terminate()
