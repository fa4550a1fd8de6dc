from __future__ import annotations

from pathlib import Path

import pytest

from backcoach.core.catalog import REGIONS, Catalog, CatalogError, load_catalog, shipped_config_dir
from backcoach.core.plan import build_plan
from backcoach.core.settings import Settings

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

GOOD_EXERCISE = """
[[exercises]]
id = "wall-slide"
name = "Wall slide"
regions = ["upper"]
kind = "strengthen"
position = "standing"
hold_seconds = 5
reps = 6
sides = "none"
setup = "Stand with your back to a wall."
cues = [{ at = "start", text = "Slide up" }, { text = "Keep the back flat" }, { at = "end", text = "Down" }]
caution = "Gently."
source = "Test"
"""


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
        kinds = [exercise.kind for exercise in catalog.routine_exercises(routine)]
        assert kinds == sorted(kinds, key=lambda kind: kind != "stretch"), routine.id
        assert kinds[-1] == "strengthen"
        minutes = build_plan(routine, catalog, Settings()).total_seconds / 60
        assert 8 <= minutes <= 15, (routine.id, minutes)


@pytest.mark.parametrize("region", REGIONS)
def test_each_region_has_at_least_five_exercises(catalog: Catalog, region: str) -> None:
    assert len(catalog.in_region(region)) >= 5


def test_user_file_adds_an_exercise_and_overrides_by_id(tmp_path: Path) -> None:
    text = GOOD_EXERCISE + GOOD_EXERCISE.replace('"wall-slide"', '"crunch"').replace(
        "Wall slide", "My crunch"
    )
    text += '\n[[routines]]\nid = "mine"\nname = "My routine"\nexercises = ["wall-slide", "crunch"]\n'
    catalog = load_catalog(write_user_file(tmp_path, text))
    assert catalog.warnings == ()
    assert catalog.exercises["wall-slide"].cues[1].at == "form"
    assert catalog.exercises["crunch"].name == "My crunch"
    assert catalog.routines["mine"].exercise_ids == ("wall-slide", "crunch")
    assert "pelvic-tilt" in catalog.exercises


REFUSALS = [
    ('name = "Wall slide"\n', "", "exercises 'wall-slide': missing field 'name'"),
    ("reps = 6", 'reps = "six"', "exercises 'wall-slide': 'reps' must be a whole number, not 'six'"),
    ("reps = 6", "reps = true", "exercises 'wall-slide': 'reps' must be a whole number, not True"),
    (
        "hold_seconds = 5",
        "hold_seconds = -5",
        "exercises 'wall-slide': 'hold_seconds' is -5; allowed 1 to 600",
    ),
    ("hold_seconds = 5", "hold_seconds = 0", "'hold_seconds' is 0; allowed 1 to 600"),
    ('sides = "none"', 'sides = "three"', "'sides' is 'three'; allowed none, both, alternate"),
    ('regions = ["upper"]', 'regions = ["neck"]', "region 'neck' is unknown; allowed lower, middle, upper"),
    ('kind = "strengthen"', 'kind = "yoga"', "'kind' is 'yoga'; allowed stretch, strengthen"),
    ('source = "Test"', 'source = "Test"\ncolour = "red"', "exercises 'wall-slide': unknown field 'colour'"),
    ('id = "wall-slide"', 'id = "Wall Slide"', "exercises entry 1: id 'Wall Slide' must be lowercase"),
    ('{ at = "end", text = "Down" }', '{ at = "later", text = "Down" }', "cue 3: 'at' is 'later'"),
    ('{ at = "end", text = "Down" }', "", "'cues' has 2 cues; allowed 3 to 6"),
]


@pytest.mark.parametrize(("old", "new", "message"), REFUSALS)
def test_user_exercise_problems_are_warnings_naming_file_entry_and_problem(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    assert old in GOOD_EXERCISE
    path = write_user_file(tmp_path, GOOD_EXERCISE.replace(old, new).replace(", ]", "]"))
    catalog = load_catalog(path)
    assert len(catalog.warnings) == 1
    assert str(path) in catalog.warnings[0]
    assert message in catalog.warnings[0]
    assert "wall-slide" not in catalog.exercises
    assert "pelvic-tilt" in catalog.exercises  # the shipped catalog still loads


def test_duplicate_id_is_refused(tmp_path: Path) -> None:
    catalog = load_catalog(write_user_file(tmp_path, GOOD_EXERCISE * 2))
    assert "exercises 'wall-slide': duplicate id" in catalog.warnings[0]


def test_unknown_exercise_in_a_routine_is_refused(tmp_path: Path) -> None:
    text = '[[routines]]\nid = "mine"\nname = "Mine"\nexercises = ["pelvic-tilt", "handstand"]\n'
    catalog = load_catalog(write_user_file(tmp_path, text))
    assert "routines 'mine': unknown exercise id 'handstand'" in catalog.warnings[0]
    assert "mine" not in catalog.routines


def test_unparsable_user_file_names_the_line(tmp_path: Path) -> None:
    path = write_user_file(tmp_path, '[[exercises]]\nid = "x"\nname = \n')
    catalog = load_catalog(path)
    assert f"{path}: not valid TOML" in catalog.warnings[0]
    assert "line 3" in catalog.warnings[0]


def test_unknown_section_is_refused(tmp_path: Path) -> None:
    catalog = load_catalog(write_user_file(tmp_path, "[stretches]\na = 1\n"))
    assert "unknown section 'stretches'" in catalog.warnings[0]


def test_a_broken_shipped_catalog_raises_with_the_file_name(tmp_path: Path) -> None:
    for name in ("exercises.toml", "routines.toml"):
        (tmp_path / name).write_text((shipped_config_dir() / name).read_text())
    (tmp_path / "routines.toml").write_text('[[routines]]\nid = "a"\nname = "A"\nexercises = ["nope"]\n')
    with pytest.raises(CatalogError, match=r"routines.toml: routines 'a': unknown exercise id 'nope'"):
        load_catalog(config_dir=tmp_path)
