"""Spoken cues go to a real program found on PATH; with none, nothing happens and nothing fails."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

from backcoach.core.announce.budget import OVERHEAD_CHARACTERS
from backcoach.core.announce.rate import CACHE_NAME, ESTIMATED, speech_rate
from backcoach.core.announce.speech import Speaker, find_speech_program


def test_a_cue_is_handed_to_the_speech_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    said = tmp_path / "said.txt"
    program = tmp_path / "espeak-ng"
    program.write_text(f'#!/bin/sh\nprintf "%s" "$1" > {said}\n')
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    found = find_speech_program()
    assert found == str(program)
    Speaker(found).say("hold. Draw the knee gently towards your chest")
    for _ in range(200):  # the program runs on its own; wait for its file, not a fixed time
        if said.exists() and said.read_text():
            break
        time.sleep(0.01)
    assert said.read_text() == "hold. Draw the knee gently towards your chest"


def test_without_a_speech_program_saying_is_silent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_speech_program() is None
    Speaker(None).say("nothing happens")
    vanished = Speaker(str(tmp_path / "gone"))
    vanished.say("a program that disappeared")
    assert vanished.program is None


def wav_writer(folder: Path, name: str, seconds_per_character: float, calls: Path) -> Path:
    """A speech program that, asked for -w FILE TEXT, writes a WAV as long as the text takes at this
    rate (the budget's overhead included), and notes each call."""
    frames = f"round(1000 * {seconds_per_character} * (len(sys.argv[2]) + {OVERHEAD_CHARACTERS}))"
    script = (
        "import sys, wave; w = wave.open(sys.argv[1], 'wb'); w.setnchannels(1); w.setsampwidth(2);"
        f" w.setframerate(1000); w.writeframes(bytes(2 * {frames})); w.close()"
    )
    program = folder / name
    program.write_text(
        f'#!/bin/sh\necho "$1" >> {calls}\n[ "$1" = "-w" ] && exec {sys.executable} -c "{script}" "$2" "$3"\n'
    )
    program.chmod(0o755)
    return program


def test_the_rate_is_measured_once_by_speaking_to_a_file_and_then_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    calls = tmp_path / "calls.txt"
    program = str(wav_writer(tmp_path, "espeak-ng", 0.07, calls))
    cache = tmp_path / "cache"
    assert speech_rate(program, cache).seconds_per_character == pytest.approx(0.07, rel=0.01)
    stored = json.loads((cache / CACHE_NAME).read_text())
    assert stored["program"] == program and stored["seconds_per_character"] == pytest.approx(0.07, rel=0.01)
    assert speech_rate(program, cache).seconds_per_character == pytest.approx(0.07, rel=0.01)
    assert calls.read_text().splitlines() == ["-w"]  # once: the second came from the cache
    other = str(wav_writer(tmp_path, "espeak", 0.05, calls))  # another program is measured afresh
    assert speech_rate(other, cache).seconds_per_character == pytest.approx(0.05, rel=0.01)


def test_a_program_that_cannot_write_a_file_gets_the_estimate(tmp_path: Path) -> None:
    calls = tmp_path / "calls.txt"
    cache = tmp_path / "cache"
    assert speech_rate(str(wav_writer(tmp_path, "spd-say", 0.07, calls)), cache) == ESTIMATED
    assert speech_rate(None, cache) == ESTIMATED
    failing = tmp_path / "bin" / "espeak-ng"
    failing.parent.mkdir()
    failing.write_text("#!/bin/sh\nexit 1\n")
    failing.chmod(0o755)
    assert speech_rate(str(failing), cache) == ESTIMATED  # it failed: the estimate, nothing cached
    assert not calls.exists() and not (cache / CACHE_NAME).exists()
    cache.mkdir()
    program = str(wav_writer(tmp_path, "espeak", 0.07, calls))
    for damaged in ("{not json", "[1]", json.dumps({"program": program, "seconds_per_character": "x"})):
        (cache / CACHE_NAME).write_text(damaged)  # measured again, and the cache mended
        assert speech_rate(program, cache).seconds_per_character == pytest.approx(0.07, rel=0.01)
    assert len(calls.read_text().splitlines()) == 3
