"""The core never imports textual, and the command-line subcommands stay free of it too."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import backcoach.core


def imports_textual(code: str) -> bool:
    probe = f"{code}\nimport sys\nprint('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return result.stdout.strip() == "True"


def test_no_core_module_imports_textual() -> None:
    modules = [info.name for info in pkgutil.walk_packages(backcoach.core.__path__, "backcoach.core.")]
    assert {
        "backcoach.core.session.engine",
        "backcoach.core.catalog.load",
        "backcoach.core.settings.model",
    } <= set(modules)
    assert not imports_textual("\n".join(f"import {name}" for name in modules))


def test_listing_the_catalog_does_not_import_textual() -> None:
    assert not imports_textual("from backcoach.cli import main\nmain(['exercises'])")
