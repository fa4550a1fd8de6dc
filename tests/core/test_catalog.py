from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from backcoach.core.catalog.load import CatalogError, load_catalog
from backcoach.core.domain.exercise import REGIONS, Catalog
from backcoach.core.kit.paths import shipped_config_dir
from backcoach.core.session.plan import build_plan
from backcoach.core.settings.model import Settings
from tests.core.samples import GOOD_EXERCISE, exercise_entry

BRIEF = {
    "pelvic-tilt": {"lower"},
    "knee-to-chest": {"lower"},
    "piriformis-stretch": {"lower", "middle"},
    "basic-twist": {"lower"},
    "leg-raise": {"lower", "middle"},
    "crunch": {"lower", "middle"},
}
REFERENCE_IDS = {
    "pelvic-tilt", "knee-to-chest", "basic-twist", "bottom-to-heels", "back-extension", "bridge",
    "bird-dog", "leg-raise", "crunch", "piriformis-stretch", "cat-cow", "seated-rotation", "open-book",
    "thoracic-extension", "chin-tuck", "doorway-chest-stretch", "shoulder-blade-squeeze", "posture-reset",
}  # fmt: skip


def write_user_file(folder: Path, text: str) -> Path:
    path = folder / "exercises.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_catalog_loads_clean_with_every_reference_exercise(catalog: Catalog) -> None:
    assert catalog.warnings == ()
    assert set(catalog.exercises) >= REFERENCE_IDS
    for exercise_id, regions in BRIEF.items():
        assert set(catalog.exercises[exercise_id].regions) == regions


def test_brief_exercises_are_in_the_routines_of_their_regions(catalog: Catalog) -> None:
    for exercise_id, regions in BRIEF.items():
        for region in regions:
            assert exercise_id in catalog.routines[region].exercise_ids, (exercise_id, region)


def test_every_exercise_has_three_to_six_cues_and_a_form_cue(catalog: Catalog) -> None:
    for exercise in catalog.exercises.values():
        assert 3 <= len(exercise.cues) <= 6
        assert exercise.cues_at("form"), exercise.id
        if exercise.sides != "none":
            assert exercise.cues_at("switch"), exercise.id


def test_routines_put_stretches_first_and_last_8_to_15_minutes(catalog: Catalog) -> None:
    assert {"lower", "middle", "upper", "daily"} <= set(catalog.routines)
    for routine in catalog.routines.values():
        if routine.id == "gentle":
            continue  # mobility only, and short: its own test below
        kinds = [exercise.kind for exercise in catalog.routine_exercises(routine)]
        assert kinds == sorted(kinds, key=lambda kind: kind != "stretch"), routine.id
        assert kinds[-1] == "strengthen"
        minutes = build_plan(routine, catalog, Settings()).total_seconds / 60
        assert 8 <= minutes <= 15, (routine.id, minutes)


@pytest.mark.parametrize("region", REGIONS)
def test_each_region_has_at_least_five_exercises(catalog: Catalog, region: str) -> None:
    assert len(catalog.in_region(region)) >= 5


def test_user_file_adds_an_exercise_and_overrides_by_id(tmp_path: Path) -> None:
    text = GOOD_EXERCISE + exercise_entry("crunch", "My crunch")
    text += '\n[[routines]]\nid = "mine"\nname = "My routine"\nexercises = ["wall-slide", "crunch"]\n'
    catalog = load_catalog(write_user_file(tmp_path, text))
    assert catalog.warnings == () and catalog.problems == ()
    assert catalog.exercises["wall-slide"].cues[1].at == "form"  # "at" left out: the documented default
    assert catalog.exercises["crunch"].name == "My crunch"
    assert catalog.exercises["crunch"].easier == ""  # a full entry replaces the built-in one
    assert catalog.routines["mine"].exercise_ids == ("wall-slide", "crunch")
    assert "pelvic-tilt" in catalog.exercises


def test_a_partial_override_of_a_built_in_exercise_changes_only_what_it_gives(
    tmp_path: Path, catalog: Catalog
) -> None:
    text = '[[exercises]]\nid = "pelvic-tilt"\nreps = 10\n\n[[routines]]\nid = "daily"\nname = "Every day"\n'
    mine = load_catalog(write_user_file(tmp_path, text))
    assert mine.problems == ()
    assert mine.exercises["pelvic-tilt"] == replace(catalog.exercises["pelvic-tilt"], reps=10)
    assert mine.routines["daily"] == replace(catalog.routines["daily"], name="Every day")


def test_a_partial_override_with_a_mistake_leaves_the_built_in_exercise(
    tmp_path: Path, catalog: Catalog
) -> None:
    path = write_user_file(tmp_path, '[[exercises]]\nid = "pelvic-tilt"\nreps = 100\n')
    mine = load_catalog(path)
    assert [str(problem) for problem in mine.problems] == [
        f'{path}:3: exercises "pelvic-tilt": reps = 100 is not allowed; use a whole number from 1 to 50'
    ]
    assert mine.exercises["pelvic-tilt"] == catalog.exercises["pelvic-tilt"]


REFUSALS = [
    ('name = "Wall slide"\n', "", 2, 'missing field "name" (text)'),
    ("reps = 6", 'reps = "six"', 9, 'reps = "six" is not allowed; use a whole number from 1 to 50'),
    ("reps = 6", "reps = true", 9, "reps = true is not allowed; use a whole number from 1 to 50"),
    (
        "hold_seconds = 5",
        "hold_seconds = -5",
        8,
        "hold_seconds = -5 is not allowed; use a whole number from 1",
    ),
    ("hold_seconds = 5", "hold_secs = 5", 8, 'unknown field "hold_secs" (did you mean "hold_seconds"?)'),
    ('sides = "none"', 'sides = "bothe"', 10, 'sides = "bothe" is not allowed; use one of none, both,'),
    (
        'regions = ["upper"]',
        'regions = ["neck"]',
        5,
        'regions: "neck" is not allowed; use any of lower, middle',
    ),
    (
        'kind = "strengthen"',
        'kind = "yoga"',
        6,
        'kind = "yoga" is not allowed; use one of stretch, strengthen',
    ),
    ('source = "Test"', 'source = "Test"\ncolour = "red"', 15, 'unknown field "colour"; allowed: id, name,'),
    ('setup = "Stand with your back to a wall."', 'setup = "  "', 11, "setup must not be empty"),
    (
        'id = "wall-slide"',
        'id = "Wall Slide"',
        3,
        'id = "Wall Slide" is not allowed; use lowercase letters and digits in words joined by "-"'
        ' (did you mean "wall-slide"?)',
    ),
    (
        '{ at = "end", text = "Down" }',
        '{ at = "later", text = "Down" }',
        12,
        'cue 3: at = "later" is not allowed',
    ),
    (
        '{ at = "end", text = "Down" }',
        '{ at = "end", txt = "Down" }',
        12,
        'cue 3: unknown key "txt" (did you mean "text"?)',
    ),
    ('{ at = "end", text = "Down" }', "", 12, "cues has 2; use 3 to 6"),
]


@pytest.mark.parametrize(("old", "new", "line", "message"), REFUSALS)
def test_each_problem_names_file_line_entry_and_the_key_that_is_wrong(
    tmp_path: Path, old: str, new: str, line: int, message: str
) -> None:
    assert old in GOOD_EXERCISE
    path = write_user_file(tmp_path, GOOD_EXERCISE.replace(old, new).replace(", ]", "]"))
    catalog = load_catalog(path)
    assert len(catalog.problems) == 1
    label = "exercises entry 1" if "Wall Slide" in new else 'exercises "wall-slide"'
    assert str(catalog.problems[0]).startswith(f"{path}:{line}: {label}: {message}")
    assert len(catalog.warnings) == 1 and str(path) in catalog.warnings[0]
    assert "wall-slide" not in catalog.exercises
    assert "pelvic-tilt" in catalog.exercises  # the shipped catalog still loads


def test_every_problem_is_reported_and_every_good_entry_kept(tmp_path: Path) -> None:
    broken = [
        exercise_entry("one", "One").replace("reps = 6", "reps = 0"),
        exercise_entry("two", "Two").replace("hold_seconds", "hold_secs"),
        exercise_entry("three", "Three").replace('"start"', '"begin"'),
    ]
    good = [GOOD_EXERCISE, exercise_entry("wall-push", "Wall push")]
    path = write_user_file(tmp_path, good[0] + broken[0] + broken[1] + good[1] + broken[2])
    catalog = load_catalog(path)
    lines = path.read_text().splitlines()
    assert [(problem.line, problem.message.split(":")[0]) for problem in catalog.problems] == [
        (lines.index("reps = 0") + 1, 'exercises "one"'),
        (lines.index("hold_secs = 5") + 1, 'exercises "two"'),
        (len(lines) - 2, 'exercises "three"'),
    ]
    assert {"wall-slide", "wall-push"} <= set(catalog.exercises)
    assert not {"one", "two", "three"} & set(catalog.exercises)
    (warning,) = catalog.warnings
    assert warning.startswith(f"{path}: 3 problems, 3 entries were not loaded")


def test_duplicate_id_is_refused(tmp_path: Path) -> None:
    catalog = load_catalog(write_user_file(tmp_path, GOOD_EXERCISE * 2))
    (problem,) = catalog.problems
    assert (
        problem.line == 17 and problem.message == 'exercises "wall-slide": duplicate id: entry 1 has it too'
    )
    assert "wall-slide" in catalog.exercises  # the first one


def test_a_routine_naming_a_missing_or_dropped_exercise_is_refused(tmp_path: Path) -> None:
    text = GOOD_EXERCISE.replace("reps = 6", "reps = 0")
    text += '[[routines]]\nid = "mine"\nname = "Mine"\nexercises = [\n  "pelvic-tilt",\n  "brige",\n  "wall-slide",\n]\n'
    catalog = load_catalog(write_user_file(tmp_path, text))
    assert [(problem.line, problem.message) for problem in catalog.problems][1:] == [
        (20, 'routines "mine": exercises: "brige" is not an exercise (did you mean "bridge"?)'),
        (21, 'routines "mine": exercises: "wall-slide" was not loaded (its own entry has problems)'),
    ]
    assert "mine" not in catalog.routines


def test_unparsable_user_file_names_the_line(tmp_path: Path) -> None:
    path = write_user_file(tmp_path, '[[exercises]]\nid = "x"\nname = \n')
    catalog = load_catalog(path)
    assert catalog.warnings[0].startswith(f"{path}:3: not valid TOML")
    assert "none of its exercises or routines were loaded (the built-in ones were)" in catalog.warnings[0]


def test_unknown_section_is_refused(tmp_path: Path) -> None:
    catalog = load_catalog(write_user_file(tmp_path, GOOD_EXERCISE + "[exercise]\na = 1\n"))
    (problem,) = catalog.problems
    assert problem.message == 'exercise is not part of a catalog (did you mean "exercises"?)'
    assert problem.line == 15 and "wall-slide" in catalog.exercises


def test_a_broken_shipped_catalog_raises_with_the_file_name(tmp_path: Path) -> None:
    for name in ("exercises.toml", "routines.toml"):
        (tmp_path / name).write_text((shipped_config_dir() / name).read_text())
    (tmp_path / "routines.toml").write_text('[[routines]]\nid = "a"\nname = "A"\nexercises = ["nope"]\n')
    with pytest.raises(
        CatalogError, match=r'routines.toml:4: routines "a": exercises: "nope" is not an exercise'
    ):
        load_catalog(config_dir=tmp_path)


def test_the_gentle_day_is_mobility_only_short_holds_5_to_8_minutes(catalog: Catalog) -> None:
    gentle = catalog.routines["gentle"]
    assert gentle.name == "Gentle day"
    assert {exercise.kind for exercise in catalog.routine_exercises(gentle)} == {"stretch"}
    plan = build_plan(gentle, catalog, Settings())
    assert 5 <= plan.total_seconds / 60 <= 8
    assert max(planned.dose.hold_seconds for planned in plan.exercises) <= 10
    for planned in plan.exercises:  # never more than the usual dose
        usual = Settings().dose_for(planned.exercise)
        assert planned.dose.hold_seconds <= usual.hold_seconds and planned.dose.reps <= usual.reps
    # A routine's dose is a ceiling: a lighter dose of the person's own is kept.
    light = Settings().with_dose("knee-to-chest", 5, 1)
    doses = {p.exercise.id: p.dose for p in build_plan(gentle, catalog, light).exercises}
    assert (doses["knee-to-chest"].hold_seconds, doses["knee-to-chest"].reps) == (5, 1)


def test_a_routine_dose_must_be_for_its_own_exercise_and_inside_the_sourced_range(tmp_path: Path) -> None:
    text = (
        '[[routines]]\nid = "mine"\nname = "Mine"\nexercises = ["pelvic-tilt", "bridge"]\n'
        "[routines.doses]\n"
        "pelvic-tilt = { reps = 20 }\n"  # its sourced top is 15
        "bridge = { hold = 5 }\n"
        "crunch = { reps = 2 }\n"
    )
    catalog = load_catalog(write_user_file(tmp_path, text))
    assert [(problem.line, problem.message) for problem in catalog.problems] == [
        (7, 'routines "mine": doses.bridge: unknown key "hold"; allowed: hold_seconds, reps'),
    ]
    text = text.replace("bridge = { hold = 5 }", "bridge = { hold_seconds = 5 }")
    catalog = load_catalog(write_user_file(tmp_path, text))
    assert [(problem.line, problem.message) for problem in catalog.problems] == [
        (6, 'routines "mine": doses.pelvic-tilt: reps = 20 is above the top of its sourced range'
         " (max_reps = 15 in the catalog)"),
        (8, 'routines "mine": doses: "crunch" is not one of this routine\'s exercises'),
    ]  # fmt: skip
    assert "mine" not in catalog.routines
    fixed = text.replace("reps = 20", "reps = 6").replace("crunch = { reps = 2 }\n", "")
    mine = load_catalog(write_user_file(tmp_path, fixed)).routines["mine"]
    assert mine.doses["pelvic-tilt"].reps == 6 and mine.doses["bridge"].hold_seconds == 5
