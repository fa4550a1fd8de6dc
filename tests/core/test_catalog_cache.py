"""The shipped catalog's ready copy in the cache folder: used when current, never served stale."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from backcoach.core.catalog.load import CatalogError, load_catalog
from backcoach.core.domain.exercise import Catalog
from backcoach.core.kit.paths import cache_dir, shipped_config_dir


@pytest.fixture
def config_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "shipped"
    shutil.copytree(shipped_config_dir(), folder)
    return folder


def copies() -> list[Path]:
    return sorted(cache_dir().glob("catalog*"))


def test_the_first_load_leaves_one_copy_and_the_next_gives_the_same_catalog(
    config_copy: Path, catalog: Catalog
) -> None:
    first = load_catalog(config_dir=config_copy)
    assert len(copies()) == 1
    assert load_catalog(config_dir=config_copy) == first == catalog


def test_an_edited_shipped_file_is_read_again_and_the_old_copy_goes(config_copy: Path) -> None:
    load_catalog(config_dir=config_copy)
    (copy,) = copies()
    old = copy.read_bytes()
    routines = config_copy / "routines.toml"
    routines.write_text(routines.read_text().replace('name = "Lower back"', 'name = "Low back"'))
    assert load_catalog(config_dir=config_copy).routines["lower"].name == "Low back"
    assert copies() == [copy] and copy.read_bytes() != old
    assert load_catalog(config_dir=config_copy).routines["lower"].name == "Low back"


def test_a_shipped_file_with_a_mistake_still_raises_with_a_copy_of_the_old_one_there(
    config_copy: Path,
) -> None:
    load_catalog(config_dir=config_copy)
    exercises = config_copy / "exercises.toml"
    exercises.write_text(exercises.read_text() + "\n[[exercises]]\nid = 'Bad Id'\n")
    with pytest.raises(CatalogError, match=r"exercises\.toml"):
        load_catalog(config_dir=config_copy)


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])  # empty, junk, an int
def test_a_damaged_copy_is_made_again(config_copy: Path, catalog: Catalog, damage: bytes) -> None:
    load_catalog(config_dir=config_copy)
    (copy,) = copies()
    copy.write_bytes(damage)
    assert load_catalog(config_dir=config_copy) == catalog
    assert copy.read_bytes() != damage


def test_a_cache_folder_that_cannot_be_written_costs_nothing_but_time(
    config_copy: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert load_catalog(config_dir=config_copy) == catalog


def test_the_user_file_is_merged_over_the_copy(config_copy: Path, tmp_path: Path) -> None:
    load_catalog(config_dir=config_copy)
    mine = tmp_path / "exercises.toml"
    mine.write_text('[[routines]]\nid = "mine"\nname = "Mine"\nexercises = ["pelvic-tilt"]\n')
    both = load_catalog(mine, config_dir=config_copy)
    assert "mine" in both.routines and "lower" in both.routines
    assert "mine" not in load_catalog(config_dir=config_copy).routines
    assert os.listdir(cache_dir()) == [copies()[0].name]
