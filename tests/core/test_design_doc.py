"""docs/design.md's module map names every module, so a newcomer finds each one where it says."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def module_map() -> str:
    design = (REPO / "docs" / "design.md").read_text(encoding="utf-8")
    layers = design.split("## Layers", 1)[1]
    return layers.split("```", 2)[1]


def test_the_module_map_names_every_module_and_package() -> None:
    words = set(re.findall(r"[a-z_]+", module_map()))
    package = REPO / "backcoach"
    missing = [
        str(path.relative_to(package))
        for path in sorted(package.rglob("*.py"))
        if path.stem != "__init__" and path.stem not in words
    ]
    missing += [
        str(path.relative_to(package))
        for path in sorted(package.rglob("__init__.py"))
        if path.parent.name not in words
    ]
    assert missing == []
