"""Shared fixtures: every test gets its own config and data folders, never the real ones."""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Iterator
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


# The programs tests run themselves. Nothing else on this machine is in sight of a test (speech
# programs, sound players, notifiers): a test that wants one puts a stand-in on PATH.
TOOLS_TESTS_RUN = ("tmux", "chromium", "chromium-browser", "sh", "bash", "git", "true", "sleep")


@pytest.fixture(scope="session")
def test_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    tools = tmp_path_factory.mktemp("tools")
    for name in TOOLS_TESTS_RUN:
        if found := shutil.which(name):
            (tools / name).symlink_to(found)
    return os.pathsep.join((str(Path(sys.executable).parent), str(tools)))


@pytest.fixture(autouse=True)
def same_machine_everywhere(test_path: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """PATH, locale, time zone and terminal fixed, so no test depends on what this machine has."""
    monkeypatch.setenv("PATH", test_path)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.setenv("TERM", "xterm-256color")
    for name in ("COLORTERM", "COLUMNS", "LINES", "TMUX"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()
