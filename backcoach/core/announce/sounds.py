"""Sounds you can tell apart with your eyes closed: a short tone for each moment of a session.

Each tone is a few sine notes with a 5 ms fade in and out (no clicks), written with the standard
library's `wave` into the cache folder the first time it is needed, and played by the first player
found on PATH, in the background: play() never waits, so a slow or hung player cannot delay the
timer. Without a player (or with `sound = "bell"`) the terminal bell stands in: 1, 2 or 3 rings.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import sys
import wave
from array import array
from collections.abc import Callable
from enum import Enum
from pathlib import Path

PLAYERS = ("pw-play", "paplay", "aplay", "afplay")
RATE = 22050
FADE_SECONDS = 0.005
VOLUME = 0.35
TONE_VERSION = 1  # in the file names: a change of the notes below makes new files
MAX_PLAYING = 4  # more players than this still running means one hangs: the oldest is stopped


class Sound(Enum):
    GET_READY = "get-ready"
    HOLD = "hold"
    PIP = "pip"
    REST = "rest"
    SWITCH = "switch"
    EXERCISE_DONE = "exercise-done"
    SESSION_DONE = "session-done"


# Each sound's notes as (hertz, milliseconds); 0 Hz is a short silence. The shapes differ, not only
# the pitch: one note, a rise, a fall, a tick, a trill, a three-note and a four-note figure.
NOTES: dict[Sound, tuple[tuple[float, int], ...]] = {
    Sound.GET_READY: ((587.0, 220),),  # one calm note: get into position
    Sound.HOLD: ((523.0, 90), (0.0, 30), (784.0, 200)),  # rising: go
    Sound.PIP: ((1319.0, 50),),  # a short high tick for each of the last three seconds
    Sound.REST: ((784.0, 90), (0.0, 30), (523.0, 240)),  # falling: let go
    Sound.SWITCH: ((659.0, 70), (880.0, 70), (659.0, 70), (880.0, 70)),  # a trill: the other side
    Sound.EXERCISE_DONE: ((523.0, 110), (659.0, 110), (784.0, 260)),  # three up: rate how it felt
    Sound.SESSION_DONE: ((523.0, 130), (659.0, 130), (784.0, 130), (1047.0, 450)),  # four up, long
}
# The terminal bell's stand-ins: rings per sound (the pips stay silent: three rings a second blur).
BELLS = {
    Sound.GET_READY: 1,
    Sound.HOLD: 2,
    Sound.PIP: 0,
    Sound.REST: 1,
    Sound.SWITCH: 2,
    Sound.EXERCISE_DONE: 3,
    Sound.SESSION_DONE: 3,
}


def find_player(which: Callable[[str], str | None] = shutil.which) -> str | None:
    """The first sound player on PATH; "winsound" on Windows, which has one built in."""
    if sys.platform == "win32":
        return "winsound"
    return next((path for name in PLAYERS if (path := which(name))), None)


def samples(notes: tuple[tuple[float, int], ...]) -> array[int]:
    """16-bit mono samples of the notes, each faded in and out so it starts and stops without a click."""
    out = array("h")
    fade = int(RATE * FADE_SECONDS)
    for hertz, milliseconds in notes:
        count = RATE * milliseconds // 1000
        for index in range(count):
            if hertz <= 0:
                out.append(0)
                continue
            envelope = min(1.0, index / fade, (count - 1 - index) / fade)
            value = VOLUME * envelope * math.sin(2 * math.pi * hertz * index / RATE)
            out.append(int(value * 32767))
    return out


def tone_file(sound: Sound, folder: Path) -> Path:
    """The sound's WAV file, written the first time (to a temporary name, then renamed: whole or absent)."""
    path = folder / f"{sound.value}-v{TONE_VERSION}.wav"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    data = samples(NOTES[sound])
    if sys.byteorder == "big":
        data.byteswap()  # WAV is little-endian
    with wave.open(str(partial), "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(2)
        file.setframerate(RATE)
        file.writeframes(data.tobytes())
    os.replace(partial, path)
    return path


def play_on_windows(path: Path) -> None:
    """Windows has a player built in; SND_ASYNC returns at once."""
    if sys.platform == "win32":
        import winsound

        winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)


class SoundPlayer:
    """mode: "tones", "bell" or "off". ring(n) rings the terminal bell n times."""

    def __init__(self, mode: str, folder: Path, ring: Callable[[int], None], player: str | None) -> None:
        self.mode = mode
        self.folder = folder
        self.ring = ring
        self.player = player
        self.playing: list[subprocess.Popen[bytes]] = []

    def play(self, sound: Sound) -> None:
        if self.mode == "off":
            return
        if self.mode == "tones" and self.player is not None and self._play_tone(sound):
            return
        if BELLS[sound]:
            self.ring(BELLS[sound])

    def _play_tone(self, sound: Sound) -> bool:
        """False when the tone cannot be made or played: the bell stands in, now and from now on."""
        try:
            path = tone_file(sound, self.folder)
            if self.player == "winsound":
                play_on_windows(path)
                return True
            self._reap()
            self.playing.append(
                subprocess.Popen(
                    [self.player, str(path)],  # type: ignore[list-item]
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
            )
        except OSError:
            self.player = None
            return False
        return True

    def _reap(self) -> None:
        """Forget players that finished; stop the oldest when too many are still going (one hangs)."""
        self.playing = [process for process in self.playing if process.poll() is None]
        while len(self.playing) >= MAX_PLAYING:
            self.playing.pop(0).kill()

    def close(self) -> None:
        """Stop players still running (a hung one must not outlive the app)."""
        for process in self.playing:
            if process.poll() is None:
                process.kill()
        self.playing = []
