"""A problem found in a user's file, said the way compilers say it: FILE:LINE: message."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

# Where in a TOML document something sits: table names, keys and array indexes, outermost first.
Where = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_TOML_ERROR_LINE = re.compile(r"at line (\d+)")


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Finding:
    """A problem before its line is known: finding lines costs a second parse, done only when needed."""

    where: Where
    message: str


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice a typo most likely meant, if any is close."""
    import difflib  # only when something is wrong

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean "x"?)' when a choice is close to word, else ''."""
    match = closest(word, choices)
    return f" (did you mean {show(match)}?)" if match else ""


def toml_error_line(error: Exception) -> int | None:
    """The line tomllib names in its message ('... (at line 3, column 8)')."""
    found = _TOML_ERROR_LINE.search(str(error))
    return int(found.group(1)) if found else None


def unparsable(path: Path, data: bytes, error: ValueError) -> Problem:
    """What is wrong with a file that is not TOML (or not text), at its line."""
    if isinstance(error, UnicodeDecodeError):
        what = error.reason if error.reason.startswith("UTF-16") else "another encoding"
        return Problem(
            path, data[: error.start].count(b"\n") + 1, f"not UTF-8 text ({what}); save it as UTF-8"
        )
    return Problem(path, toml_error_line(error), f"not valid TOML ({error})")


def toml_key(key: str) -> str:
    """A key as it is written in TOML: bare when it can be, quoted when not."""
    if _BARE_KEY.fullmatch(key):  # not match with $: that takes "0\n" as bare
        return key
    import json  # only for a key or value to quote: not at start-up

    return json.dumps(key, ensure_ascii=False)


def show(value: object, limit: int = 40) -> str:
    """A value spelled as TOML would spell it, cut short when long (for messages, not for files)."""
    text = _spell(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _spell(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        import json

        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_spell(item) for item in value) + "]"
    if isinstance(value, dict):
        pairs = ", ".join(f"{toml_key(str(key))} = {_spell(item)}" for key, item in value.items())
        return "{ " + pairs + " }" if pairs else "{}"
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value).lower()  # inf, nan
    return repr(value)
