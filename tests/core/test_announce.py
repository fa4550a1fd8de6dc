"""Sounds and the voice, through stand-in programs on PATH that write down what they were asked."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from backcoach.core.announce.announce import Announcer, Voice
from backcoach.core.announce.budget import OVERHEAD_CHARACTERS
from backcoach.core.announce.sounds import find_player
from backcoach.core.announce.speech import find_speech_program
from backcoach.core.domain.exercise import Catalog, Routine
from backcoach.core.domain.rating import Rating
from backcoach.core.kit.clock import ManualClock
from backcoach.core.session.coach import Coach, CoachEvent, RatingDue
from backcoach.core.settings.model import Settings


def stand_in(folder: Path, name: str, body: str) -> Path:
    program = folder / name
    program.write_text(f"#!/bin/sh\n{body}\n")
    program.chmod(0o755)
    return program


def lines(path: Path, count: int) -> list[str]:
    """The log once it has count lines: the programs run on their own, so wait for them, not a time."""
    for _ in range(500):
        if path.exists() and len(found := path.read_text().splitlines()) >= count:
            return found
        time.sleep(0.01)
    return path.read_text().splitlines() if path.exists() else []


@pytest.fixture
def programs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    yield folder


def one_exercise(catalog: Catalog, exercise_id: str, settings: Settings) -> tuple[Coach, ManualClock]:
    clock = ManualClock()
    return Coach(Routine("one", "One", (exercise_id,)), catalog, settings, clock, None), clock


def step(coach: Coach, clock: ManualClock, seconds: float) -> list[CoachEvent]:
    clock.advance(seconds)
    return coach.update()


def test_each_moment_has_its_own_sound_played_by_the_player_found(
    catalog: Catalog, programs: Path, tmp_path: Path
) -> None:
    log = tmp_path / "played.txt"
    stand_in(programs, "paplay", f'name="${{1##*/}}"; echo "${{name%-v1.wav}}" >> {log}')
    assert find_player() == str(programs / "paplay")
    rings: list[int] = []
    announcer = Announcer.found("tones", False, tmp_path / "cache", rings.append)
    settings = Settings(get_ready_seconds=2, rest_seconds=2, reps=2, hold_seconds=5)
    coach, clock = one_exercise(catalog, "piriformis-stretch", settings)  # both sides: a switch
    heard: list[str] = []

    def hear(events: list[CoachEvent]) -> None:
        sounds, _ = announcer.announce(events)
        if sounds:
            heard[:] = lines(log, len(heard) + len(sounds))

    hear(coach.start())
    while coach.running:
        hear(step(coach, clock, 1))
    hear(coach.rate(Rating(1)))  # the only exercise: the session ends
    pips = ["pip"] * 3
    hold = ["hold", *pips]
    assert heard == [
        "get-ready",
        *hold,
        "rest",
        *hold,
        "switch",
        *hold,
        "rest",
        *hold,
        "exercise-done",
        "session-done",
    ]
    assert rings == [] and (tmp_path / "cache" / "tones" / "hold-v1.wav").read_bytes()[:4] == b"RIFF"
    announcer.close()


def test_a_hanging_player_never_shifts_a_deadline(catalog: Catalog, programs: Path, tmp_path: Path) -> None:
    stand_in(programs, "pw-play", "while :; do :; done")
    announcer = Announcer.found("tones", False, tmp_path / "cache", lambda count: None)
    coach, clock = one_exercise(catalog, "pelvic-tilt", Settings())  # 5 s steps
    started = time.perf_counter()
    announcer.announce(coach.start())
    deadlines = []
    for _ in range(20):
        announcer.announce(step(coach, clock, 1))
        deadlines.append(coach.engine._deadline)
    assert time.perf_counter() - started < 2  # twenty phases and pips handed over, none waited for
    assert deadlines == [1005.0] * 4 + [1010.0] * 5 + [1015.0] * 5 + [1020.0] * 5 + [1025.0]
    assert len(announcer.sounds.playing) < 5  # the hung ones are stopped, not piled up
    announcer.close()
    assert announcer.sounds.playing == []


@pytest.mark.parametrize("mode", ["tones", "bell", "off"])
def test_without_a_player_the_bell_rings_a_pattern(
    catalog: Catalog, programs: Path, tmp_path: Path, mode: str
) -> None:
    rings: list[int] = []
    announcer = Announcer.found(mode, False, tmp_path / "cache", rings.append)
    settings = Settings(get_ready_seconds=2, rest_seconds=2, reps=2, hold_seconds=2)
    coach, clock = one_exercise(catalog, "piriformis-stretch", settings)
    announcer.announce(coach.start())
    while coach.running:
        announcer.announce(step(coach, clock, 1))
    announcer.announce(coach.rate(Rating(1)))
    # get ready 1, hold 2, rest 1, hold 2, switch 2, hold 2, rest 1, hold 2, done 3, session done 3;
    # the pips ring nothing: three rings a second would blur into the next phase's.
    assert rings == ([1, 2, 1, 2, 2, 2, 1, 2, 3, 3] if mode != "off" else [])


def speaking_stand_in(folder: Path, log: Path, seconds_per_character: float) -> Path:
    """An espeak-ng that writes down what it says, and with -w writes a WAV as long as saying it
    takes at this rate (the budget model's own overhead included)."""
    frames = f"round(1000 * {seconds_per_character} * (len(sys.argv[2]) + {OVERHEAD_CHARACTERS}))"
    wav = (
        "import sys, wave; w = wave.open(sys.argv[1], 'wb'); w.setnchannels(1); w.setsampwidth(2);"
        f" w.setframerate(1000); w.writeframes(bytes(2 * {frames})); w.close()"
    )
    body = f'if [ "$1" = "-w" ]; then exec {sys.executable} -c "{wav}" "$2" "$3"; fi\nprintf "%s\\n" "$1" >> {log}'
    return stand_in(folder, "espeak-ng", body)


def test_the_voice_coaches_one_exercise_in_order(catalog: Catalog, programs: Path, tmp_path: Path) -> None:
    log = tmp_path / "said.txt"
    speaking_stand_in(programs, log, 0.0554)
    assert find_speech_program() == str(programs / "espeak-ng")
    announcer = Announcer.found("off", True, tmp_path / "cache", lambda count: None)
    routine = Routine("one", "One", ("knee-to-chest",))
    settings = Settings(get_ready_seconds=5, rest_seconds=5, reps=1, hold_seconds=10)
    clock = ManualClock()
    coach = Coach(routine, catalog, settings, clock, None)
    said: list[tuple[float, str]] = []

    def say(events: list[CoachEvent]) -> None:
        if announcer.announce(events)[1]:
            found = lines(log, len(said) + 1)
            said.append((clock.now() - 1000, found[-1]))

    say(coach.start())
    for _ in range(5 + 10 + 5 + 10):
        say(step(coach, clock, 1))
    cue = {at: catalog.exercises["knee-to-chest"].cues_at(at)[0] for at in ("start", "end", "switch")}
    start, end, switch = cue["start"], cue["end"], cue["switch"]
    # The count a word a second, the end cue as the next step begins.
    # The form cue shows at 2 s into each hold, while the start cue is still being said: only shown.
    # The halfway cue, at 5 s, would not be said before the count: only shown.
    assert said == [
        (0, "Knee to chest. Left side. Lie on your back with both knees bent."),
        (5, f"Hold. {start}."),
        (12, "Three."),
        (13, "Two."),
        (14, "One."),
        (15, f"Switch sides. {switch}."),  # the end cue does not fit with the switch
        (20, f"Hold. {start}."),
        (27, "Three."),
        (28, "Two."),
        (29, "One."),
        (30, f"{end}. Done: how did that feel?"),
    ]
    assert announcer.voice is not None and announcer.voice.rate.seconds_per_character == pytest.approx(
        0.0554, rel=0.01
    )
    coach.rate(Rating(1))  # the only exercise: the session ends, with its own phrase
    announcer.close()


def test_the_voice_says_stopped_from_the_event_never_from_the_question(catalog: Catalog) -> None:
    coach, clock = one_exercise(catalog, "bridge", Settings())
    coach.start()
    step(coach, clock, 1)
    (due,) = [event for event in coach.hurts() if isinstance(event, RatingDue)]
    assert Voice().phrase([due]) == "Stopped: how much does it hurt?"
    # Reworded questions change nothing the voice says: it reads the event's field.
    for stopped, said in ((True, "Stopped: how much does it hurt?"), (False, "Done: how did that feel?")):
        for question in ("How much does it hurt?", "Rate it.", due.question):
            assert Voice().phrase([RatingDue(due.exercise, question, stopped)]) == said
