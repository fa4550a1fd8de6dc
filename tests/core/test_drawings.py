"""Drawings: every shipped exercise drawn moving, in both sizes; a user's mistakes found and left out."""

from __future__ import annotations

import tomllib
from pathlib import Path

import jsonschema

from backcoach.core.catalog.drawings import cells, load_drawings, mirrored, plain_text
from backcoach.core.catalog.rules import PICTURE_SIZES
from backcoach.core.domain.exercise import Catalog
from backcoach.core.tools.check import check_files
from backcoach.core.tools.schema import drawings_schema

SIZES = PICTURE_SIZES.items()


def test_every_shipped_exercise_has_its_own_moving_drawing_and_every_position_a_figure(
    catalog: Catalog,
) -> None:
    drawings = load_drawings()
    assert set(drawings.exercises) == set(catalog.exercises)
    for exercise in catalog.exercises.values():
        drawing = drawings.for_exercise(exercise)
        assert drawing is drawings.exercises[exercise.id]
        assert drawing.start.caption and drawing.end.caption and drawing.start.caption != drawing.end.caption
        for size, (width, height) in SIZES:
            start, end = drawing.start.pictures[size], drawing.end.pictures[size]
            assert len(start) == len(end) == height and {len(row) for row in start + end} == {width}
            assert start != end, f"{exercise.id} {size}: the two frames must differ"
            assert start[-1] == "#" * width, f"{exercise.id} {size}: the floor is the last row"
            assert "+" in "".join(end), f"{exercise.id} {size}: the part that moves is marked"
            cropped = drawing.picture("start", size)
            assert len(cropped) == len(drawing.picture("end", size)) and len(cropped) % 2 == 0
    positions = {exercise.position for exercise in catalog.exercises.values()}
    assert positions <= set(drawings.positions)


def test_a_picture_becomes_half_blocks_and_grows_by_whole_factors() -> None:
    picture = ("#.", ".+", "##")
    assert cells(picture) == [[("#", "."), (".", "+")], [("#", "."), ("#", ".")]]
    assert plain_text(picture) == "▀▄\n▀▀"
    assert plain_text(picture, 2) == "██  \n  ██\n████"


def test_the_other_side_is_the_picture_turned_left_to_right() -> None:
    assert mirrored(("##..", ".+#.", "#...")) == ("..##", ".#+.", "...#")
    assert mirrored(("/(<.",)) == (".>)\\",)  # a user's characters with a direction turn round too
    assert mirrored(mirrored(("#+..",))) == ("#+..",)


def frame(width: int, height: int, moving: bool = False) -> str:
    rows = ["." * width] * (height - 2) + [("+" if moving else "#") + "." * (width - 1), "#" * width]
    return "'''\n" + "\n".join(rows) + "\n'''"


def own_drawing(exercise_id: str, normal_end: str | None = None) -> str:
    return "\n".join(
        [
            f"[exercises.{exercise_id}]",
            'start = "Lying still"',
            'end = "One hand up"',
            f"start_normal = {frame(40, 20)}",
            f"end_normal = {normal_end or frame(40, 20, moving=True)}",
            f"start_compact = {frame(20, 10)}",
            f"end_compact = {frame(20, 10, moving=True)}",
            "",
        ]
    )


def test_a_users_drawing_replaces_one_and_a_broken_one_falls_back_with_its_line(
    tmp_path: Path, catalog: Catalog
) -> None:
    path = tmp_path / "drawings.toml"
    bad_row = frame(40, 20).replace("." * 40, "." * 39 + "x", 1)
    path.write_text(
        own_drawing("bridge") + own_drawing("crunch", bad_row) + own_drawing("my-own", frame(41, 20))
    )
    drawings = load_drawings(path)
    shipped = load_drawings()
    assert drawings.exercises["bridge"].end.caption == "One hand up"  # replaced
    assert drawings.exercises["crunch"] == shipped.exercises["crunch"]  # broken: the shipped one stays
    assert "my-own" not in drawings.exercises
    lines = [number for number, line in enumerate(path.read_text().splitlines(), 1) if "end_normal" in line]
    assert [str(problem) for problem in drawings.problems] == [
        f'{path}:{lines[1]}: [exercises.crunch]: end_normal: row 1 has "x"; use 20 rows of 40 dots, each "#" (the body),'
        ' "+" (what moves) or "."',
        f"{path}:{lines[2]}: [exercises.my-own]: end_normal: row 1 has 41 dots; use 20 rows of 40 dots, each"
        ' "#" (the body), "+" (what moves) or "."',
    ]
    assert [str(problem) for problem in check_files([path], tmp_path / "settings.toml").problems] == [
        str(problem) for problem in drawings.problems
    ]
    schema = jsonschema.Draft7Validator(drawings_schema(catalog))
    document = tomllib.loads(path.read_text())
    assert {error.path[1] for error in schema.iter_errors(document)} == {"crunch", "my-own"}


def test_a_drawings_file_that_is_not_toml_is_one_problem_and_nothing_else_changes(tmp_path: Path) -> None:
    path = tmp_path / "drawings.toml"
    path.write_text("[exercises.bridge\n")
    drawings = load_drawings(path)
    assert len(drawings.problems) == 1 and "not valid TOML" in drawings.problems[0].message
    assert drawings.exercises == load_drawings().exercises


def test_without_a_drawing_an_exercise_gets_its_positions_still_figure(
    catalog: Catalog, tmp_path: Path
) -> None:
    from dataclasses import replace

    drawings = load_drawings()
    own = replace(catalog.exercises["bridge"], id="my-bridge")
    drawing = drawings.for_exercise(own)
    assert drawing is drawings.positions["lying"] and drawing.start == drawing.end
