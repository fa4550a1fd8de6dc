from __future__ import annotations

from pathlib import Path

import pytest

from backcoach.core.catalog import Catalog
from backcoach.core.settings import DoseOverride, Settings, default_settings, load_settings


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
    assert (dose.hold_seconds, dose.reps) == (12, 9)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[timing]\nrest_seconds = 500",
            "[timing] rest_seconds = 500 is not allowed; use a whole number from 0 to 120",
        ),
        (
            "[timing]\nhold_seconds = 0",
            "[timing] hold_seconds = 0 is not allowed; use a whole number from 1 to 600",
        ),
        ("[timing]\nreps = 'many'", '[timing] reps = "many" is not allowed; use a whole number from 1 to 50'),
        ("[pain]\nstop_at = 9", "[pain] stop_at = 9 is not allowed; use a whole number from 3 to 8"),
        ("[cues]\nbell = 'yes'", '[cues] bell = "yes" is not allowed; use true or false'),
        ("[display]\ntheme = 'pink'", '[display] theme = "pink" is not allowed; use one of textual-dark'),
        (
            "[exercises.bridge]\nreps = 0",
            "[exercises.bridge] reps = 0 is not allowed; use a whole number from 1 to 50",
        ),
        ("[exercises.moonwalk]\nreps = 2", "[exercises.moonwalk] names no exercise in the catalog; ignored"),
        ("timing = 3", "timing must be a [timing] table, not 3; ignored"),
    ],
)
def test_bad_values_are_refused_by_name_and_the_rest_applies(
    tmp_path: Path, catalog: Catalog, text: str, message: str
) -> None:
    path = write(tmp_path, text + "\n[safety]\nacknowledged = true\n")
    loaded = load_settings(path, set(catalog.exercises))
    assert len(loaded.problems) == 1
    assert loaded.problems[0].startswith(f"{path}: ")
    assert message in loaded.problems[0]
    assert loaded.settings.safety_acknowledged  # the rest of the file still applies
    assert not loaded.broken


def test_a_file_that_does_not_parse_gives_defaults_and_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "[timing]\nrest_seconds = 5\nhold = = 3\n")
    loaded = load_settings(path)
    assert loaded.broken and loaded.settings == Settings()
    assert f"{path}: not valid TOML" in loaded.problems[0] and "line 3" in loaded.problems[0]
