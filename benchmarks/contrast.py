"""The lowest WCAG contrast on each screen, in every Textual theme and under NO_COLOR: which themes
could be offered (tests/tui/test_contrast.py holds the offered ones to 4.5:1).

Run: .venv/bin/python benchmarks/contrast.py [THEME ...]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from backcoach.core.settings.model import OFFERED_THEMES, THEMES
from tests.tui.contrast import AA
from tests.tui.test_contrast import NO_COLOR, looks


def main(themes: list[str]) -> None:
    for theme in themes:
        with tempfile.TemporaryDirectory() as folder:
            for name in ("CONFIG", "DATA", "STATE", "CACHE"):
                os.environ[f"XDG_{name}_HOME"] = str(Path(folder) / name.lower())
            os.environ.pop("NO_COLOR", None)
            if theme == NO_COLOR:
                os.environ["NO_COLOR"] = "1"
            look = looks([theme], Path(folder) / "settings.toml")  # a run each, starting in it
        lows = {
            screen: min(items, key=lambda item: item.ratio) for (_, screen), items in look.items() if items
        }
        worst_screen, worst = min(lows.items(), key=lambda pair: pair[1].ratio)
        mark = "offered" if theme in OFFERED_THEMES or theme == NO_COLOR else ""
        verdict = "pass" if worst.ratio >= AA else "FAIL"
        print(f"{theme:22} {verdict} {worst.ratio:5.2f} {worst_screen:15} {worst.text[:30]!r:34} {mark}")
        for screen, low in lows.items():
            if low.ratio < AA and "-v" in sys.argv:
                print(f"    {screen:15} {low.ratio:5.2f} {low.text[:50]!r}")


if __name__ == "__main__":
    names = [arg for arg in sys.argv[1:] if not arg.startswith("-")]
    main(names or [NO_COLOR, *THEMES])
