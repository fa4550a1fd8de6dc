"""The toml-test corpus (tests/data/toml-test: every valid TOML 1.0 file, MIT licence): each, as a
settings file, loads without a traceback, and a save through the settings keeps every line of it."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from backcoach.core.domain.exercise import Catalog
from backcoach.core.settings.model import load_settings
from backcoach.core.settings.save import save_settings

CORPUS = Path(__file__).parents[1] / "data" / "toml-test" / "valid"
FILES = sorted(CORPUS.rglob("*.toml"))


def test_the_corpus_is_there() -> None:
    assert len(FILES) == 210


def kept_in_order(lines: list[str], within: list[str]) -> bool:
    """Every line of `lines`, in order, among `within` (the save may add lines between them)."""
    rest = iter(within)
    return all(any(line == other for other in rest) for line in lines)


@pytest.mark.parametrize("group", sorted({path.relative_to(CORPUS).parts[0] for path in FILES}))
def test_every_valid_file_saved_through_the_settings_keeps_every_line(
    group: str, tmp_path: Path, catalog: Catalog
) -> None:
    for source in [path for path in FILES if path.relative_to(CORPUS).parts[0] == group]:
        text = source.read_bytes().decode("utf-8-sig")  # a byte-order mark is read past
        settings_file = tmp_path / f"{source.stem}.toml"
        settings_file.write_bytes(source.read_bytes())
        loaded = load_settings(settings_file, frozenset(catalog.exercises))
        assert not loaded.broken, (source, loaded.problems)
        save_settings(loaded, replace(loaded.settings, rest_seconds=loaded.settings.rest_seconds % 60 + 1))
        saved = settings_file.read_text(encoding="utf-8")
        assert kept_in_order(text.splitlines(), saved.splitlines()), source
        before, after = tomllib.loads(text), tomllib.loads(saved)
        # By repr: nan is not equal to itself.
        assert repr({key: value for key, value in after.items() if key != "timing"}) == repr(
            {key: value for key, value in before.items() if key != "timing"}
        ), source


def test_a_byte_order_mark_is_read(tmp_path: Path, catalog: Catalog) -> None:
    settings_file = tmp_path / "settings.toml"
    settings_file.write_bytes(b"\xef\xbb\xbf[timing]\nrest_seconds = 9\n")
    loaded = load_settings(settings_file, frozenset(catalog.exercises))
    assert (loaded.problems, loaded.settings.rest_seconds) == ([], 9)
