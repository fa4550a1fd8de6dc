"""Replacing a file the user owns without ever losing what was in it.

A new version is written beside the old one, flushed, and renamed over it, so a crash leaves the old
file or the new one. A file to be replaced that cannot be used is first hard-linked to a new name that
nothing else has, so its bytes survive whatever a second running instance does at the same time.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import time
from datetime import datetime
from itertools import count
from pathlib import Path

from backcoach.core.kit.processes import process_exists
from backcoach.core.kit.toml_read import read_limited

STALE_AFTER_SECONDS = 60  # no save takes this long: a temporary file this old was left by a crash


def real_file(path: Path) -> Path:
    """The file a path leads to: a symlinked settings file is written at its target, the link kept."""
    return Path(os.path.realpath(path))


def refuse_read_only(path: Path) -> None:
    """A file the user made read-only is theirs to keep as it is; say so instead of replacing it."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        message = "the file is read-only; make it writable to save from backcoach"
        raise PermissionError(errno.EACCES, message, str(path))


def read_if_there(path: Path) -> bytes | None:
    """The file's bytes, None when there is no file; other failures (permissions, a folder, a device such
    as /dev/zero, a file over 1 MB) raise, so nothing is ever written in their place."""
    try:
        return read_limited(path)
    except FileNotFoundError:
        return None


def remove_stale_temporaries(path: Path) -> None:
    """Temporary files a crashed save left beside path: their writer is gone, or they are old."""
    prefix = f".{path.name}."
    for temporary in path.parent.iterdir():
        name = temporary.name
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        try:
            age = time.time() - temporary.stat().st_mtime
            if age > STALE_AFTER_SECONDS or not _writer_alive(name.removeprefix(prefix)):
                temporary.unlink()
        except OSError:
            continue  # gone already, or not ours to remove: it does no harm


def _writer_alive(rest_of_name: str) -> bool:
    """Temporary names carry the writer's process id ('<pid>-<random>.tmp'); unknown means alive."""
    pid_text = rest_of_name.split("-", 1)[0]
    if os.name != "posix" or not pid_text.isdigit():
        return True
    return process_exists(int(pid_text))  # another user's process counts: leave its file alone


def keep_aside(path: Path, expected: bytes | None) -> Path | None:
    """Give the file at path a second name, `NAME.broken-<time>`, never one that exists already.

    The link is made first and checked after: when `expected` is given and the linked file no longer
    holds it (another instance saved in between), the link is removed and None returned, so the caller
    reads the file again. Hard links are atomic and never overwrite; where they are not supported, the
    expected bytes are written to the new name instead, created exclusively.
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for number in count(1):
        aside = path.with_name(f"{path.name}.broken-{stamp}" + (f"-{number}" if number > 1 else ""))
        try:
            os.link(path, aside)
        except FileExistsError:
            continue
        except FileNotFoundError:
            return None  # removed since it was read: the caller reads again
        except OSError as error:
            if expected is None or error.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV):
                raise
            try:
                _write_new(aside, expected)
            except FileExistsError:
                continue
            return aside
        if expected is not None and aside.read_bytes() != expected:
            aside.unlink()
            return None
        return aside
    raise AssertionError("unreachable")


def _write_new(path: Path, data: bytes) -> None:
    with path.open("xb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())


def write_atomically(path: Path, data: bytes, mode: int | None = None) -> None:
    """Temporary file in the same folder, flushed to disk, then renamed over the old one.

    mode: the permissions to give the new file (the old file's, so a save never widens or narrows
    them); None leaves mkstemp's private 0600.
    """
    handle, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            if mode is not None:
                os.chmod(temporary, mode)
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename in folder durable (a no-op where folders cannot be opened, as on Windows)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def file_mode(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None
