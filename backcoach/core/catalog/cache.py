"""The shipped catalog, parsed once: start-up reads a ready copy from the cache folder instead of
checking every entry of the TOML again (the start-up budget in docs/design.md).

The copy is keyed by backcoach's version and the size and time of the shipped files and of the module
that defines the types, so an edited file or an update is never served stale; a copy that cannot be
read is made again. The cache folder is the person's own, like the tones beside it.
"""

from __future__ import annotations

import contextlib
import pickle
from pathlib import Path

from backcoach import __version__
from backcoach.core.domain import exercise
from backcoach.core.domain.exercise import Catalog

SHIPPED_FILES = ("exercises.toml", "routines.toml")


def cache_key(config_dir: Path) -> str | None:
    """None when a shipped file cannot be looked at: then the catalog is read without a copy."""
    parts = [__version__, str(config_dir.resolve())]
    try:
        for path in (*(config_dir / name for name in SHIPPED_FILES), Path(exercise.__file__)):
            status = path.stat()
            parts.append(f"{path.name}:{status.st_size}:{status.st_mtime_ns}")
    except OSError:
        return None
    return "\n".join(parts)


def cached_file(cache_dir: Path) -> Path:
    return cache_dir / "catalog.pickle"


def read_cached(cache_dir: Path, key: str) -> Catalog | None:
    """The copy when it was made from these very files, else None."""
    try:
        made_from, catalog = pickle.loads(cached_file(cache_dir).read_bytes())
    except Exception:  # missing, cut short, or from other code: read the TOML instead
        return None
    return catalog if made_from == key and isinstance(catalog, Catalog) else None


def write_cached(cache_dir: Path, key: str, catalog: Catalog) -> None:
    """Best effort: a cache folder that cannot be written only costs the next start-up some time."""
    from backcoach.core.kit.safe_files import write_atomically

    with contextlib.suppress(OSError):
        cache_dir.mkdir(parents=True, exist_ok=True)
        write_atomically(cached_file(cache_dir), pickle.dumps((key, catalog), pickle.HIGHEST_PROTOCOL))
