"""What a typed line means: a pain rating ("7", "7s"), a key word while counting, yes or no."""

from __future__ import annotations

from enum import Enum

from backcoach.core.domain.rating import Rating, parse_rating
from backcoach.core.kit.text import clipped


class Key(Enum):
    PAUSE = "pause"  # and resume
    SKIP = "skip"
    HURTS = "hurts"
    END = "end"
    WHERE = "where"  # an empty line: where the session is, and the keys


KEYS_LINE = "Keys: p pause or go on, n skip this exercise, x it hurts, q end the session."
KEY_WORDS = {
    Key.PAUSE: ("p", "pause", "resume", "go on"),
    Key.SKIP: ("n", "skip", "next"),
    Key.HURTS: ("x", "hurts", "it hurts"),
    Key.END: ("q", "quit", "end", "e"),
    Key.WHERE: ("", "?", "h", "help"),
}
_BY_WORD = {word: key for key, words in KEY_WORDS.items() for word in words}
SHARP_MARKS = ("s", "x", "sharp")  # x is the app's sharp key


def quoted(text: str) -> str:
    return repr(clipped(text, 40))


def key(line: str) -> Key:
    """The key a line typed while counting means; ValueError with what to type instead."""
    found = _BY_WORD.get(line.strip().lower())
    if found is None:
        raise ValueError(f"{quoted(line.strip())} is not a key here. {KEYS_LINE}")
    return found


def rating(line: str, ask_sharp: bool = True) -> Rating:
    """ "7", or "7s" (also "7 s", "7x", "7 sharp") for sharp, shooting or spreading pain; ValueError
    saying why not, in the words the app's rating prompt uses."""
    text = line.strip().lower()
    number = text
    sharp = False
    for mark in SHARP_MARKS:
        if text.endswith(mark) and text[: -len(mark)].strip():
            number, sharp = text[: -len(mark)].strip(), True
            break
    if sharp and not ask_sharp:
        raise ValueError("This question has no sharp-pain part: type the number only.")
    return Rating(parse_rating(number), sharp)


def yes_or_no(line: str) -> bool:
    """y or n (yes, no); ValueError otherwise."""
    text = line.strip().lower()
    if text in ("y", "yes"):
        return True
    if text in ("n", "no"):
        return False
    raise ValueError(f"{quoted(line.strip())} is not an answer here: type y or n.")
