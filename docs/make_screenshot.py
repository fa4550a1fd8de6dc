"""Write docs/screenshot.svg: the session screen mid-hold on knee to chest, on a frozen clock.

Run: .venv/bin/python docs/make_screenshot.py
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from backcoach.core.catalog.load import load_catalog
from backcoach.core.kit.clock import ManualClock
from backcoach.core.settings.model import load_settings
from backcoach.tui.app import BackcoachApp
from backcoach.tui.screens.session import SessionScreen

OUTPUT = Path(__file__).parent / "screenshot.svg"


async def main() -> None:
    settings = Path(tempfile.mkdtemp()) / "settings.toml"
    settings.write_text("[safety]\nacknowledged = true\n[cues]\nbell = false\n")
    catalog = load_catalog()
    clock = ManualClock()
    app = BackcoachApp(catalog, load_settings(settings, set(catalog.exercises)), clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "2", "enter", "n")  # skip pelvic tilt: on to knee to chest
        await pilot.pause()
        clock.advance(5 + 8.2)  # get ready, then eight seconds into the first hold
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.poll()
        await pilot.pause()
        app.save_screenshot(filename=OUTPUT.name, path=str(OUTPUT.parent))
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    asyncio.run(main())
