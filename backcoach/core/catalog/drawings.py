"""Drawings of the exercises: a start and an end key frame each, as data in config/drawings.toml.

A picture is rows of dots ("#" the body, "+" the part that moves, "." empty) in one of two sizes
(catalog_rules.PICTURE_SIZES). On screen two rows of dots make one line of half blocks, and a big
terminal draws each dot as a square of 2 or 3. The user's drawings.toml, beside their exercises.toml,
adds or replaces drawings by exercise id; an entry with a mistake is left out and reported with its
line, and that exercise is drawn as before (or by its position's still figure).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from backcoach.core.catalog.load import CatalogError
from backcoach.core.catalog.rules import DRAWING_FIELDS, POSITION_DRAWING_FIELDS
from backcoach.core.domain.exercise import Exercise
from backcoach.core.kit.fields import Field, check_keys
from backcoach.core.kit.paths import shipped_config_dir
from backcoach.core.kit.problems import Finding, Problem, did_you_mean, show, toml_key, unparsable
from backcoach.core.kit.toml_read import decoded

Picture = tuple[str, ...]  # rows of dots
SECTIONS = {"exercises": DRAWING_FIELDS, "positions": POSITION_DRAWING_FIELDS}


@dataclass(frozen=True)
class Frame:
    caption: str
    pictures: dict[str, Picture]  # by size: "normal", "compact"


@dataclass(frozen=True)
class Drawing:
    start: Frame
    end: Frame  # the same as start for a still figure

    def frame(self, which: str) -> Frame:
        return self.end if which == "end" else self.start

    def picture(self, which: str, size: str) -> Picture:
        """The frame's picture without the blank rows above both frames (a lying figure keeps to
        the floor), so the two frames stay the same height and a small screen wastes no line."""
        both = (self.start.pictures[size], self.end.pictures[size])
        blank = min(next((i for i, row in enumerate(p) if row.strip(".")), len(p)) for p in both)
        return self.frame(which).pictures[size][blank - blank % 2 :]


@dataclass
class Drawings:
    exercises: dict[str, Drawing] = field(default_factory=dict)
    positions: dict[str, Drawing] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def for_exercise(self, exercise: Exercise) -> Drawing | None:
        """Its own drawing, else its position's still figure, else none."""
        return self.exercises.get(exercise.id) or self.positions.get(exercise.position)


def load_drawings(user_file: Path | None = None, config_dir: Path | None = None) -> Drawings:
    """The shipped drawings (a problem there raises CatalogError), with the user's merged in by id."""
    drawings = Drawings()
    read_drawings_file((config_dir or shipped_config_dir()) / "drawings.toml", drawings)
    if drawings.problems:
        raise CatalogError("\n".join(str(problem) for problem in drawings.problems))
    if user_file is not None and user_file.exists():
        read_drawings_file(user_file, drawings)
    return drawings


def read_drawings_file(path: Path, drawings: Drawings) -> None:
    """Every entry that is fine goes into drawings; every problem, with its line, into its problems."""
    try:
        data = path.read_bytes()
        text = decoded(data)
        document = tomllib.loads(text)
    except OSError as error:
        drawings.problems.append(Problem(path, None, f"cannot be read ({error.strerror or error})"))
        return
    except ValueError as error:
        drawings.problems.append(unparsable(path, data, error))
        return
    findings: list[Finding] = []
    for key in document:
        if key not in SECTIONS:
            hint = (
                did_you_mean(key, SECTIONS) or "; a drawings file holds [exercises.ID] and [positions.NAME]"
            )
            findings.append(Finding((key,), f"{toml_key(key)} is not part of a drawings file{hint}"))
    for section, fields in SECTIONS.items():
        table = document.get(section, {})
        if not isinstance(table, dict):
            findings.append(Finding((section,), f"{section} must be tables such as [{section}.NAME]"))
            continue
        for name, entry in table.items():
            label = f"[{section}.{toml_key(name)}]"
            if not isinstance(entry, dict):
                findings.append(Finding((section, name), f"{label} must be a table, not {show(entry)}"))
                continue
            found = check_keys(entry, fields, partial=False)
            if found:
                findings += [Finding((section, name, *f.where), f"{label}: {f.message}") for f in found]
                continue
            target = drawings.exercises if section == "exercises" else drawings.positions
            target[name] = _drawing(entry, fields)
    if findings:
        from backcoach.core.kit.toml_lines import locate

        drawings.problems += sorted(locate(path, text, findings), key=lambda problem: problem.line or 0)


def _drawing(entry: dict[str, Any], fields: tuple[Field, ...]) -> Drawing:
    values = {field.key: field.value(entry[field.key]) for field in fields if field.key in entry}

    def frame(which: str) -> Frame:
        sizes = {key.split("_", 1)[1]: value for key, value in values.items() if key.startswith(f"{which}_")}
        return Frame(values[which], sizes)

    start = frame("start")
    return Drawing(start, frame("end") if "end" in values else start)


# On screen: two rows of dots to a line of half blocks, each dot `scale` columns wide and rows tall.

Cell = tuple[str, str]  # the top and bottom dot of one character cell


def cells(picture: Picture, scale: int = 1) -> list[list[Cell]]:
    rows = ["".join(dot * scale for dot in row) for row in picture for _ in range(scale)]
    if len(rows) % 2:
        rows.append("." * len(rows[0]))
    return [list(zip(top, bottom, strict=True)) for top, bottom in zip(rows[::2], rows[1::2], strict=True)]


# Dots have no direction, but a user's picture may hold characters that do: they turn round too.
TURNED = str.maketrans("/\\()<>[]{}", "\\/)(><][}{")


def mirrored(picture: Picture) -> Picture:
    """The picture turned left to right: the same exercise done on the other side."""
    return tuple(row[::-1].translate(TURNED) for row in picture)


def plain_text(picture: Picture, scale: int = 1) -> str:
    """The picture in half blocks, one colour (what NO_COLOR shows, and what tests read)."""
    blocks = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}
    return "\n".join(
        "".join(blocks[top != ".", bottom != "."] for top, bottom in line) for line in cells(picture, scale)
    )
