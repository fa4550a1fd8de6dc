"""Spoken cues go to a real program found on PATH; with none, nothing happens and nothing fails."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

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
