"""Before a session: will the voice and the sound work here? Said on home and by `backcoach paths`,
so nobody learns it on the floor, mid-session."""

from __future__ import annotations

import shutil
from pathlib import PurePath

from backcoach.core.announce.sounds import find_player
from backcoach.core.announce.speech import Which, find_speech_program


def voice_status(voice: bool, which: Which = shutil.which) -> str:
    if not voice:
        return "Voice: off in settings"
    program = find_speech_program(which)
    if program is None:
        return "Voice: no speech program found (install espeak-ng)"
    return f"Voice: {PurePath(program).name}"


def sound_status(sound: str, which: Which = shutil.which) -> str:
    match sound:
        case "off":
            return "Sound: off in settings"
        case "bell":
            return "Sound: the terminal bell"
        case _:
            player = find_player(which)
            if player is None:
                return "Sound: no player found (the terminal bell stands in)"
            return f"Sound: {PurePath(player).name}"


def cues_status(voice: bool, sound: str, which: Which = shutil.which) -> str:
    """ "Voice: espeak-ng · Sound: paplay", or what is off or missing and what to install."""
    return f"{voice_status(voice, which)} · {sound_status(sound, which)}"
