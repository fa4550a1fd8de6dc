"""How fast this system's speech program talks: measured once by speaking to a file, then cached.

espeak-ng and espeak can write what they say to a WAV file (-w), so the length of one calibration
phrase gives their rate as set up here (voice, speed). spd-say and say cannot, and get a fixed
estimate.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import wave
from pathlib import Path

from backcoach.core.announce.budget import OVERHEAD_CHARACTERS, SpeechRate

# A sentence like the cues, with the commas and colon that make a program pause.
CALIBRATION = "Keep your feet and neck relaxed: the movement comes from the pelvis, and breathe."
# espeak-ng 1.51 here, default voice, says CALIBRATION in 4.89 s: 0.0554 s a character. The programs
# that cannot write a file (spd-say, often espeak-ng behind speech-dispatcher, and say) get 0.058 s,
# 5% slower than that and 13% slower than the catalog's fit, to be safe; "Three." still fits its
# second at that (0.92 s with the margin).
ESTIMATED = SpeechRate(0.058)
WRITES_A_FILE = ("espeak-ng", "espeak")
CACHE_NAME = "speech-rate-v1.json"
MEASURE_TIMEOUT_SECONDS = 5


def speech_rate(program: str | None, cache_folder: Path) -> SpeechRate:
    """The cached rate of this program, measured the first time; the estimate if it cannot be."""
    if program is None or Path(program).name not in WRITES_A_FILE:
        return ESTIMATED
    cache = cache_folder / CACHE_NAME
    if (cached := read_cached(cache, program)) is not None:
        return cached
    measured = measure(program)
    if measured is None:
        return ESTIMATED
    try:
        cache_folder.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps({"program": program, "seconds_per_character": measured}))
    except OSError:
        pass  # measured again next time: a few milliseconds
    return SpeechRate(measured)


def read_cached(cache: Path, program: str) -> SpeechRate | None:
    try:
        data = json.loads(cache.read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("program") != program:
        return None  # another program's, or a damaged file: measure again
    seconds = data.get("seconds_per_character")
    return SpeechRate(seconds) if isinstance(seconds, float) and 0 < seconds < 1 else None


def measure(program: str) -> float | None:
    """Seconds a character, from the calibration phrase spoken to a file; None if that failed."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "calibration.wav"
        try:
            subprocess.run(
                [program, "-w", str(path), CALIBRATION],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=MEASURE_TIMEOUT_SECONDS,
                check=True,
            )
            with wave.open(str(path)) as sound:
                seconds = sound.getnframes() / sound.getframerate()
        except (OSError, subprocess.SubprocessError, wave.Error, EOFError, ZeroDivisionError):
            return None
    rate = seconds / (len(CALIBRATION) + OVERHEAD_CHARACTERS)
    return rate if 0 < rate < 1 else None
