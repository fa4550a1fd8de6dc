"""What home and `backcoach paths` say of the voice and the sound, with the lookup injected."""

from __future__ import annotations

from backcoach.core.announce.readiness import cues_status


def nothing(name: str) -> str | None:
    return None


def test_the_cues_line_says_what_will_work_is_off_or_is_missing() -> None:
    found = {"espeak-ng": "/usr/bin/espeak-ng", "paplay": "/usr/bin/paplay", "aplay": "/bin/aplay"}.get
    assert cues_status(True, "tones", found) == "Voice: espeak-ng · Sound: paplay"  # the first found
    assert cues_status(False, "off", found) == "Voice: off in settings · Sound: off in settings"
    assert cues_status(True, "bell", nothing) == (
        "Voice: no speech program found (install espeak-ng) · Sound: the terminal bell"
    )
    assert cues_status(False, "tones", nothing) == (
        "Voice: off in settings · Sound: no player found (the terminal bell stands in)"
    )
