"""What a typed line means, how lines are read from a descriptor with a timeout, and when plain
`backcoach` chooses the plain coach (without ever importing textual)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from backcoach.cli import not_a_terminal
from backcoach.core.domain.rating import Rating
from backcoach.plain import answers
from backcoach.plain.answers import Key
from backcoach.plain.console import DescriptorLines


@pytest.mark.parametrize(
    ("typed", "rating"),
    [("7", Rating(7)), ("7s", Rating(7, True)), (" 7 S ", Rating(7, True)), ("10x", Rating(10, True)),
     ("0 sharp", Rating(0, True)), ("03", Rating(3))],
)  # fmt: skip
def test_a_rating_is_a_number_and_s_for_sharp_pain(typed: str, rating: Rating) -> None:
    assert answers.rating(typed) == rating


@pytest.mark.parametrize("typed", ["", "s", "11", "-1", "7.5", "seven", "\u0667", "7ss"])
def test_anything_else_is_refused_with_the_scale(typed: str) -> None:
    with pytest.raises(ValueError, match="0-10: 0 no pain, 10 worst imaginable"):
        answers.rating(typed)


def test_a_question_without_the_sharp_part_refuses_it() -> None:
    with pytest.raises(ValueError, match="no sharp-pain part"):
        answers.rating("4s", ask_sharp=False)


def test_key_words() -> None:
    assert [answers.key(word) for word in ("p", "N", " x ", "q", "")] == [
        Key.PAUSE, Key.SKIP, Key.HURTS, Key.END, Key.WHERE,
    ]  # fmt: skip
    with pytest.raises(ValueError, match="'jump' is not a key here"):
        answers.key("jump")


@pytest.fixture
def pipe() -> Iterator[tuple[DescriptorLines, int]]:
    read_end, write_end = os.pipe()
    yield DescriptorLines(read_end), write_end
    os.close(read_end)


def test_lines_come_whole_however_the_bytes_arrive(pipe: tuple[DescriptorLines, int]) -> None:
    lines, writer = pipe
    assert lines.read(0.01) is None  # nothing typed yet: the timeout passes
    os.write(writer, b"2\r\n7")
    assert lines.read(0.01) == "2"
    assert lines.read(0.01) is None  # half a line waits for the rest
    os.write(writer, "s\né\n".encode())
    assert [lines.read(0.01), lines.read(0.01)] == ["7s", "é"]
    os.write(writer, b"q")
    os.close(writer)
    assert lines.read(None) == "q"  # a last line without a newline still counts
    with pytest.raises(EOFError):
        lines.read(None)


def test_a_pipe_or_a_dumb_terminal_gets_the_plain_coach(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert not_a_terminal()
    monkeypatch.setattr(sys, "stdout", open(os.devnull, "w"))  # noqa: SIM115 - isatty, then closed
    assert not_a_terminal()
    sys.stdout.close()

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Terminal())
    assert not not_a_terminal()
    monkeypatch.setenv("TERM", "dumb")
    assert not_a_terminal()


def test_the_plain_coach_never_imports_textual() -> None:
    code = "import sys, backcoach.cli, backcoach.plain.run; print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
