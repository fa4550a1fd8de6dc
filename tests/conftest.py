"""Shared fixtures: every test gets its own config and data folders, never the real ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from backcoach.core.catalog.load import load_catalog
from backcoach.core.domain.exercise import Catalog


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("BACKCOACH_CONFIG", raising=False)
    monkeypatch.delenv("BACKCOACH_DATA_DIR", raising=False)
    monkeypatch.setenv("NO_COLOR", "")
    monkeypatch.delenv("NO_COLOR")
    return home


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()
