"""Spoken cues through whatever speech program the system has; silent when there is none."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import PurePath

SPEECH_PROGRAMS = ("spd-say", "espeak-ng", "espeak", "say")


Which = Callable[[str], str | None]  # a program's name to its path on PATH, as shutil.which


def find_speech_program(which: Which = shutil.which) -> str | None:
    return next((path for name in SPEECH_PROGRAMS if (path := which(name))), None)


class Speaker:
    def __init__(self, program: str | None) -> None:
        self.program = program
        self._current: subprocess.Popen[bytes] | None = None

    @property
    def name(self) -> str | None:
        """The program's own name ("espeak-ng"), to show."""
        return None if self.program is None else PurePath(self.program).name

    def say(self, text: str) -> bool:
        """Speak without waiting; a newer cue cuts off an older one still speaking. False when
        nothing could be started."""
        if self.program is None:
            return False
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
            return False
        return True

    def exit_status(self) -> int | None:
        """The last phrase's program's exit status; None while it still speaks (or none was started)."""
        return None if self._current is None else self._current.poll()

    def stop(self) -> None:
        if self._current is not None and self._current.poll() is None:
            self._current.terminate()
