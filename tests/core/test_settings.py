from __future__ import annotations

from pathlib import Path

import pytest

from backcoach.core.domain.exercise import Catalog
from backcoach.core.settings.model import DoseOverride, Settings, default_settings, load_settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_defaults_file_matches_the_typed_defaults() -> None:
    assert default_settings() == Settings()


def test_a_missing_file_gives_defaults_and_no_problems(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / "none.toml")
    assert loaded.settings == Settings() and loaded.problems == [] and not loaded.broken


def test_values_from_the_file_apply(tmp_path: Path, catalog: Catalog) -> None:
    path = write(
        tmp_path,
        "[timing]\nrest_seconds = 0\nhold_seconds = 12\n[exercises.bridge]\nreps = 9\n"
        "[pain]\nstop_at = 5\n[safety]\nacknowledged = true\n[display]\ntheme = 'nord'\n",
    )
    loaded = load_settings(path, set(catalog.exercises))
    assert loaded.problems == []
    settings = loaded.settings
    assert (settings.rest_seconds, settings.hold_seconds, settings.stop_at) == (0, 12, 5)
    assert settings.safety_acknowledged and settings.theme == "nord"
    assert settings.exercises == {"bridge": DoseOverride(None, 9)}
    dose = settings.dose_for(catalog.exercises["bridge"])
    assert (dose.hold_seconds, dose.reps) == (10, 9)  # [timing]'s 12 s stops at the bridge's 10 s cap


# Each file starts with a blank line, so the line named is the culprit's line in `text` plus one.
@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "[timing]\nrest_seconds = 500",
            3,
            "[timing] rest_seconds = 500 is not allowed; use a whole number from 0 to 120",
        ),
        (
            "[timing]\nhold_seconds = 0",
            3,
            "[timing] hold_seconds = 0 is not allowed; use a whole number from 1 to 600",
        ),
        (
            "[timing]\nreps = 'many'",
            3,
            '[timing] reps = "many" is not allowed; use a whole number from 1 to 50',
        ),
        ("[pain]\nstop_at = 9", 3, "[pain] stop_at = 9 is not allowed; use a whole number from 3 to 8"),
        ("[cues]\nbell = 'yes'", 3, '[cues] bell = "yes" is not allowed; use true or false'),
        ("[display]\ntheme = 'pink'", 3, '[display] theme = "pink" is not allowed; use one of textual-dark'),
        (
            "[display]\ntheme = 'gruvbx'",
            3,
            '[display] theme = "gruvbx" is not allowed; use one of textual-dark',
        ),
        (
            "[exercises.bridge]\nreps = 0",
            3,
            "[exercises.bridge] reps = 0 is not allowed; use a whole number from 1 to 50",
        ),
        (
            "[exercises.moonwalk]\nreps = 2",
            2,
            "[exercises.moonwalk] names no exercise in the catalog; it is kept in the file but not used",
        ),
        (
            "[exercises.brige]\nreps = 2",
            2,
            '[exercises.brige] names no exercise in the catalog (did you mean "bridge"?)',
        ),
        (
            "[timing]\nrest_second = 2",
            3,
            '[timing] rest_second is not a setting (did you mean "rest_seconds"?); it is kept but not used',
        ),
        ("timing = 3", 2, "timing must be a [timing] table, not 3; ignored"),
        (
            '[week]\ndays = ["monday", 3]',
            3,
            '[week] days = ["monday", 3] is not allowed; use a list of any of mon, tue, wed, thu, fri, sat, sun, each once at most ([] for none): "monday" is not one of them'
            ' (did you mean "mon"?)',
        ),
        (
            '[week]\ntarget_sessions = 2\ndays = ["wed", "fri", "wed"]',
            4,
            '[week] days = ["wed", "fri", "wed"] is not allowed; use a list of any of mon, tue, wed, thu, fri, sat, sun, each once at most ([] for none): "wed" is there twice',
        ),
        (
            '[week]\ndays = "mon"',
            3,
            '[week] days = "mon" is not allowed; use a list of any of mon, tue, wed, thu, fri, sat, sun, each once at most ([] for none)',
        ),
    ],
)
def test_bad_values_are_refused_by_name_and_line_and_the_rest_applies(
    tmp_path: Path, catalog: Catalog, text: str, line: int, message: str
) -> None:
    path = write(tmp_path, "\n" + text + "\n[safety]\nacknowledged = true\n")
    loaded = load_settings(path, set(catalog.exercises))
    assert len(loaded.problems) == 1
    assert loaded.problems[0].startswith(f"{path}:{line}: {message}")
    assert loaded.settings.safety_acknowledged  # the rest of the file still applies
    assert not loaded.broken


def test_a_file_that_does_not_parse_gives_defaults_and_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "[timing]\nrest_seconds = 5\nhold = = 3\n")
    loaded = load_settings(path)
    assert loaded.broken and loaded.settings == Settings()
    assert loaded.problems[0].startswith(f"{path}:3: not valid TOML")


def test_a_problem_in_a_table_that_is_split_or_inline_names_its_own_line(
    tmp_path: Path, catalog: Catalog
) -> None:
    path = write(
        tmp_path,
        "[exercises.bridge]\nreps = 2\n[timing]\nrest_seconds = 1\n[exercises.crunch]\n"
        "hold_seconds = 0\n[pain]\nstop_at = { x = 1 }\n[cues]\nvoice = 'no'\n",
    )
    problems = load_settings(path, set(catalog.exercises)).problems
    assert [problem.split(": ", 1)[0] for problem in problems] == [f"{path}:10", f"{path}:8", f"{path}:6"]


def test_a_file_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(b"[timing]\nrest_seconds = 5\n# caf\xe9\n")
    loaded = load_settings(path)
    assert loaded.broken and loaded.problems[0].startswith(f"{path}:3: not UTF-8 text")


def test_a_chosen_settings_file_in_a_missing_folder_is_said_at_start(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / "nowhere" / "settings.toml")
    assert loaded.problems == [
        f"{tmp_path / 'nowhere' / 'settings.toml'}: the folder {tmp_path / 'nowhere'} does not exist;"
        " it will be created when settings are first saved"
    ]
    assert not (tmp_path / "nowhere").exists()  # loading creates nothing
    assert load_settings(tmp_path / "settings.toml").problems == []  # a folder that is there: nothing to say


@pytest.mark.parametrize(
    ("cues", "sound"),
    [
        ("bell = false", "off"),  # an older file's silence stays silence
        ("bell = true", "tones"),  # and its bell means the default
        ('sound = "bell"\nbell = false', "bell"),  # sound, when given, decides
        ('sound = "off"', "off"),
        ("", "tones"),
    ],
)
def test_sound_replaces_the_bell_and_an_older_file_keeps_its_meaning(
    tmp_path: Path, cues: str, sound: str
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(f"[cues]\n{cues}\n")
    loaded = load_settings(path)
    assert loaded.settings.sound == sound and loaded.problems == []


def test_planned_days_load_as_written_and_none_means_any_day(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "missing.toml").settings.days == ()
    path = write(tmp_path, '[week]\ndays = ["fri", "mon"]\n')
    loaded = load_settings(path)
    assert loaded.problems == [] and loaded.settings.days == ("fri", "mon")
