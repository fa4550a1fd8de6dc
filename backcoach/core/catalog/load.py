"""The exercise catalog and routines: shipped TOML in config/, plus the user's own exercises.toml.

The shipped files must be clean (a problem there raises). In the user's file every entry that is fine
is used, and every problem is reported, each with its line; an entry with a built-in id changes only
the fields it gives (catalog_file does the reading, catalog_rules holds what an entry may contain).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from backcoach.core.catalog.cache import SHIPPED_FILES, cache_key, read_cached, write_cached
from backcoach.core.domain.exercise import Catalog, Exercise, Routine
from backcoach.core.kit.paths import cache_dir, shipped_config_dir

if TYPE_CHECKING:
    from backcoach.core.kit.problems import Problem


class CatalogError(Exception):
    """The shipped catalog has problems; the message has each, as FILE:LINE: entry: problem."""


def load_catalog(user_file: Path | None = None, config_dir: Path | None = None) -> Catalog:
    """The shipped catalog (its problems raise CatalogError) with the user's file merged in by id."""
    built_in = shipped_catalog(config_dir or shipped_config_dir())
    if user_file is None or not user_file.exists():
        return built_in
    from backcoach.core.catalog.file import read_catalog_file, summary

    mine = read_catalog_file(user_file, built_in.exercises, built_in.routines, built_in)
    warnings = (summary(user_file, mine),) if mine.problems else ()
    return Catalog(mine.exercises, mine.routines, warnings, tuple(mine.problems))


def shipped_catalog(config_dir: Path) -> Catalog:
    """The shipped files, from the cache folder's ready copy when there is a current one."""
    key = cache_key(config_dir)
    if key is not None and (ready := read_cached(cache_dir(), key)) is not None:
        return ready
    catalog = read_shipped(config_dir)
    if key is not None:
        write_cached(cache_dir(), key, catalog)
    return catalog


def read_shipped(config_dir: Path) -> Catalog:
    from backcoach.core.catalog.file import read_catalog_file

    exercises: dict[str, Exercise] = {}
    routines: dict[str, Routine] = {}
    problems: list[Problem] = []
    for name in SHIPPED_FILES:
        shipped = read_catalog_file(config_dir / name, exercises, routines, built_in=None)
        exercises, routines = shipped.exercises, shipped.routines
        problems += shipped.problems
    if problems:
        raise CatalogError("\n".join(str(problem) for problem in problems))
    return Catalog(exercises, routines)
