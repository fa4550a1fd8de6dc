"""`backcoach check`: every problem in settings and exercise files, as FILE:LINE: message."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from backcoach.core.catalog.file import read_catalog_file
from backcoach.core.catalog.load import load_catalog
from backcoach.core.domain.exercise import Catalog
from backcoach.core.kit import paths
from backcoach.core.kit.problems import Problem, unparsable
from backcoach.core.kit.toml_read import decoded, parse, read_limited
from backcoach.core.settings.model import parse_settings

FileKind = Literal["settings", "catalog", "drawings"]


@dataclass
class Report:
    checked: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def check_files(files: list[Path], settings_path: Path) -> Report:
    """The named files, or else the user's own settings.toml and exercises.toml (those that exist)."""
    report = Report()
    shipped = load_catalog()
    if not files:
        defaults = [
            settings_path,
            paths.user_exercises_file(settings_path),
            paths.user_drawings_file(settings_path),
        ]
        files = [path for path in defaults if path.exists()]
    for path in files:
        report.checked.append(path)
        if not path.is_file():
            report.problems.append(Problem(path, None, not_a_file(path)))
        elif file_kind(path) == "drawings":
            from backcoach.core.catalog.drawings import Drawings, read_drawings_file

            drawings = Drawings()
            read_drawings_file(path, drawings)
            report.problems += drawings.problems
        elif file_kind(path) == "catalog":
            report.problems += read_catalog_file(path, shipped.exercises, shipped.routines, shipped).problems
        else:
            report.problems += settings_problems(path, shipped)
    return report


def not_a_file(path: Path) -> str:
    """What the path is instead of a file to check: a folder, a device, a pipe, or nothing at all."""
    if path.is_dir():
        return "is a folder"
    if path.is_char_device() or path.is_block_device():
        return "is a device, not a file"
    if path.is_fifo():
        return "is a pipe, not a file"
    if path.is_socket():
        return "is a socket, not a file"
    return "no such file"


def file_kind(path: Path) -> FileKind:
    """By name when it says (settings.toml, exercises.toml, routines.toml, drawings.toml), else by what
    it holds."""
    name = path.name.lower()
    if "settings" in name:
        return "settings"
    if "drawing" in name:
        return "drawings"
    if any(word in name for word in ("exercise", "routine", "catalog")):
        return "catalog"
    try:
        document = parse(decoded(read_limited(path)))
    except (OSError, ValueError):
        return "settings"  # either way the reader reports what is wrong with it
    if isinstance(document.get("exercises"), list) or "routines" in document:
        return "catalog"
    drawn = document.get("exercises", {})
    if "positions" in document or (isinstance(drawn, dict) and any("start" in v for v in drawn.values())):
        return "drawings"
    return "settings"


def settings_problems(path: Path, shipped: Catalog) -> list[Problem]:
    """Problems in a settings file; its doses are checked against the catalog it would run with."""
    from backcoach.core.kit.toml_lines import locate

    user_exercises = paths.user_exercises_file(path)
    catalog = load_catalog(user_exercises) if user_exercises.exists() else shipped
    try:
        data = read_limited(path)
    except OSError as error:
        return [Problem(path, None, f"cannot be read ({error.strerror or error})")]
    try:
        parsed = parse_settings(data, frozenset(catalog.exercises))
    except ValueError as error:
        return [unparsable(path, data, error)]
    problems = locate(path, parsed.text, parsed.findings)
    return sorted(problems, key=lambda problem: problem.line or 0)
