"""Lines in and lines out: what the plain coach reads and writes, nothing else (no colour, no cursor).

Input is read from a file descriptor with a timeout, so the coach can count while it waits for a key
word; tests hand in a scripted source instead."""

from __future__ import annotations

import os
import selectors
from typing import Protocol, TextIO

from backcoach.core.kit.text import shown


class LineSource(Protocol):
    def read(self, timeout: float | None) -> str | None:
        """The next line without its newline; None when timeout seconds pass first (None: wait for
        ever); EOFError at the end of input."""
        ...


class DescriptorLines:
    """Lines from a file descriptor, read by the coach itself: a buffered text stream could hold lines
    that select() no longer sees, so the bytes are read here and split into lines here."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.buffer = b""
        self.ended = False
        # select() rather than epoll: it also takes a regular file (`< answers.txt`), always ready.
        self.selector = selectors.SelectSelector()
        self.selector.register(fd, selectors.EVENT_READ)

    def read(self, timeout: float | None) -> str | None:
        while b"\n" not in self.buffer:
            if self.ended:
                if not self.buffer:
                    raise EOFError
                self.buffer += b"\n"  # a last line without its newline still counts
                break
            if not self.selector.select(timeout):
                return None
            chunk = os.read(self.fd, 4096)
            self.ended = not chunk
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode("utf-8", errors="replace").rstrip("\r")


class Console:
    """Says lines and asks questions. Every line goes through `shown`, so text from a file or the
    history can never move the cursor or reach the terminal's controls."""

    def __init__(self, source: LineSource, out: TextIO) -> None:
        self.source = source
        self.out = out
        self.input_ended = False

    def say(self, *lines: str) -> None:
        for line in lines:
            self.out.write(shown(line) + "\n")
        self.out.flush()  # a pipe or a log reads each line as it comes, not when a buffer fills

    def ask(self, question: str) -> str:
        """A question, and the answer typed, stripped; EOFError when the input has ended."""
        self.say(question)
        return self.wait(None) or ""

    def wait(self, timeout: float | None) -> str | None:
        """A line typed within timeout seconds, stripped, or None."""
        try:
            line = self.source.read(timeout)
        except EOFError:
            self.input_ended = True
            raise
        return None if line is None else line.strip()
