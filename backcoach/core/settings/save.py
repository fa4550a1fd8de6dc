"""Saving settings: only what changed in the app goes into the file, and nothing the user wrote is lost.

- The file is edited in place (settings_edit): comments, order and unknown keys stay.
- A file edited by hand since it was loaded is read again first, and only the keys changed in the app
  are applied to it; a key changed on both sides to different values is a Conflict, returned to the
  caller to ask about, then settled by calling again with `keep`.
- A file that cannot be used (not TOML, not UTF-8, not readable) is never overwritten: it gets a
  second name first (safe_files.keep_aside), then a new file is written.
- Writes are atomic, through a symlink to its target, with the file's own permissions; a read-only
  file is refused.
"""

from __future__ import annotations

import copy
import errno
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from backcoach.core.kit import safe_files
from backcoach.core.kit.problems import show
from backcoach.core.settings.model import (
    FileSettings,
    KeyPath,
    Loaded,
    Settings,
    changes_between,
    default_settings,
    flatten,
    key_name,
    parse_settings,
    with_changes,
)

if TYPE_CHECKING:
    from tomlkit.toml_document import TOMLDocument

Keep = Literal["mine", "file"]
T = TypeVar("T")
ATTEMPTS = 3  # reads again when the file changes under a save; more than this, something keeps writing it


@dataclass(frozen=True)
class Conflict:
    """One key changed both in the file (by hand) and in the app, to different values."""

    key: KeyPath
    file_value: object
    app_value: object

    @property
    def name(self) -> str:
        return key_name(self.key)

    def __str__(self) -> str:
        return f"{self.name}: the file says {_spell(self.file_value)}, backcoach has {_spell(self.app_value)}"


@dataclass(frozen=True)
class SaveResult:
    notices: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()  # when any: nothing was written; ask, then save with `keep`

    @property
    def saved(self) -> bool:
        return not self.conflicts


def save_settings(loaded: Loaded, settings: Settings, keep: Keep | None = None) -> SaveResult:
    """Save `settings` into loaded.path; `loaded` then describes the file as written.

    keep: how to settle conflicts ("mine": the app's value, "file": the file's). Raises OSError when
    the file cannot be written (read-only, a folder in the way, a disk error): the old file is then
    untouched.
    """
    target = safe_files.real_file(loaded.path)
    target.parent.mkdir(parents=True, exist_ok=True)
    safe_files.refuse_read_only(target)
    safe_files.remove_stale_temporaries(target)
    kept_aside: list[Path] = []  # said even when a later attempt is the one that writes
    for _ in range(ATTEMPTS):
        result = _save_once(loaded, settings, keep, target, kept_aside)
        if result is not None:
            asides = tuple(f"Your unreadable settings file was kept as {aside}" for aside in kept_aside)
            return SaveResult(asides + result.notices, result.conflicts)
    raise OSError(
        errno.EAGAIN, "the file kept changing while it was being saved; try again", str(loaded.path)
    )


def _save_once(
    loaded: Loaded, settings: Settings, keep: Keep | None, target: Path, kept_aside: list[Path]
) -> SaveResult | None:
    """One read-merge-write; None when the file changed under it and the save must start again."""
    from backcoach.core.settings import edit as settings_edit

    defaults = default_settings()
    readable = True
    try:
        data = safe_files.read_if_there(target)
    except PermissionError:
        readable, data = False, None
    try:
        disk = parse_settings(data, loaded.known_exercises) if data is not None else None
    except ValueError:
        disk = None
    notices: list[str] = []
    if disk is None and (data is not None or not readable):
        aside = safe_files.keep_aside(target, data)
        if aside is None:
            return None
        kept_aside.append(aside)
        loaded.added = set()
        file_settings, changes = defaults, changes_between(defaults, settings)
        document = settings_edit.new_document()
    else:
        file_settings = disk.settings if disk else defaults
        document = _document(loaded, data, disk)
        base = loaded.file_settings or defaults
        changes = changes_between(base, settings)
        if data != loaded.on_disk:  # edited by hand since loaded: apply only what the app changed
            theirs = changes_between(base, file_settings)
            conflicts = tuple(
                Conflict(key, theirs[key], changes[key])
                for key in _ordered(changes)
                if key in theirs and theirs[key] != changes[key]
            )
            if conflicts and keep is None:
                return SaveResult(conflicts=conflicts)
            if keep == "file":
                for conflict in conflicts:
                    del changes[conflict.key]
            notices.append(_merged_notice(loaded.path, theirs, conflicts, keep))
    ordered = {key: changes[key] for key in _ordered(changes)}
    notices += _guarded(
        loaded.path, settings_edit.apply_changes, document, ordered, flatten(defaults), loaded.added
    )
    new_data = document.as_string().encode("utf-8")
    written = _guarded(
        loaded.path, parse_settings, new_data, loaded.known_exercises
    )  # never write what would not load
    if new_data != data:
        if readable and safe_files.read_if_there(target) != data:
            return None  # written by someone else while this save merged: merge again
        safe_files.write_atomically(target, new_data, safe_files.file_mode(target))
    loaded.on_disk = new_data
    loaded.document = document
    loaded.file_settings = written.settings
    loaded.settings = with_changes(file_settings, changes)
    loaded.broken = False
    return SaveResult(tuple(notices))


def _document(loaded: Loaded, data: bytes | None, disk: FileSettings | None) -> TOMLDocument:
    """The document to edit: the one last written while the file is unchanged (it knows the tables
    this run added), else the file as it is now, else a new one."""
    from backcoach.core.settings import edit as settings_edit

    if disk is None:
        return settings_edit.new_document()
    if data == loaded.on_disk and loaded.document is not None:
        return cast("TOMLDocument", copy.deepcopy(loaded.document))
    return _guarded(loaded.path, settings_edit.parse, disk.text)


def _guarded(path: Path, step: Callable[..., T], *args: Any) -> T:
    """A step of the edit, any failure of which (tomlkit reading a file differently from tomllib, or
    writing what would not load) becomes an OSError the app reports: nothing is written then."""
    try:
        return step(*args)
    except Exception as error:
        reason = f"it could not be edited safely ({type(error).__name__}: {error}); nothing was written"
        raise OSError(errno.EINVAL, reason, str(path)) from error


def _ordered(changes: dict[KeyPath, object]) -> list[KeyPath]:
    """Settings in the order the defaults file lists them, then doses by exercise: new tables land in
    a predictable order."""
    order = {key: index for index, key in enumerate(flatten(Settings()))}
    return sorted(changes, key=lambda key: (order.get(key, len(order)), key))


def _merged_notice(
    path: Path, theirs: dict[KeyPath, object], conflicts: tuple[Conflict, ...], keep: Keep | None
) -> str:
    edited = [key_name(key) for key in _ordered(theirs)]
    named = ", ".join(edited[:3]) + (f" and {len(edited) - 3} more" if len(edited) > 3 else "")
    notice = f"{path} was edited outside backcoach after it was loaded"
    notice += f" ({named}): " if named else ": "
    notice += "those edits are kept, and only what you changed here was saved"
    if conflicts:
        names = ", ".join(conflict.name for conflict in conflicts)
        notice += (
            f"; for {names} the file's value was kept"
            if keep == "file"
            else f"; for {names} yours replaced the file's"
        )
    return notice


def _spell(value: object) -> str:
    return "not set" if value is None else show(value)
