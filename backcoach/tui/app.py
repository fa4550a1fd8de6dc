"""The Textual app (placeholder until the coaching screens land)."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static

from backcoach.core.catalog import Catalog


class BackcoachApp(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog

    def compose(self) -> ComposeResult:
        yield Static("backcoach: " + ", ".join(routine.name for routine in self.catalog.routines.values()))


def run_app(catalog: Catalog, settings_path: Path, region: str | None) -> int:
    BackcoachApp(catalog).run()
    return 0
