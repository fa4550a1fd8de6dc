"""Reading a user's TOML file without being led astray: a device or a huge file is refused before it
is read, and a document nested absurdly deep is refused before anything walks it."""

from __future__ import annotations

import errno
import os
import stat
import tomllib
from pathlib import Path
from typing import Any

MAX_BYTES = 1_000_000  # far above any real settings or exercise file
MAX_DEPTH = 32  # tables and lists inside each other; real files need 4


def read_limited(path: Path) -> bytes:
    """The file's bytes; OSError for a file that is not a regular one (/dev/zero, a pipe) or too large."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    with path.open("rb") as file:
        data = file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise OSError(errno.EFBIG, f"larger than {MAX_BYTES // 1_000_000} MB", str(path))
    return data


UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decoded(data: bytes) -> str:
    """The file as text: UTF-8, with the byte-order mark some Windows editors put first read past.
    Raises UnicodeDecodeError, saying so when the file is UTF-16 (the other kind of mark)."""
    if data.startswith(UTF16_BOMS):
        raise UnicodeDecodeError("utf-8", data, 0, 2, "UTF-16, as its byte-order mark says")
    return data.removeprefix(UTF8_BOM).decode("utf-8")


def parse(text: str) -> dict[str, Any]:
    """tomllib.loads, with deep nesting refused as a TOMLDecodeError (a ValueError) like any bad file."""
    try:
        document = tomllib.loads(text)
    except RecursionError:
        raise tomllib.TOMLDecodeError(f"nested more than {MAX_DEPTH} levels deep") from None
    if depth(document) > MAX_DEPTH:
        raise tomllib.TOMLDecodeError(f"nested more than {MAX_DEPTH} levels deep")
    return document


def depth(value: object) -> int:
    """How deep tables and lists go, walked without recursion."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(item, dict):
            stack += [(child, level + 1) for child in item.values()]
        elif isinstance(item, list):
            stack += [(child, level + 1) for child in item]
    return deepest
