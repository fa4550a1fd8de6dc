"""The end of a session: what was done, how it felt, and what to do next."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from backcoach.core.engine import Status
from backcoach.core.pain import Level
from backcoach.core.session import SessionRecord

LEVEL_STYLES = {Level.GREEN: "green", Level.AMBER: "yellow", Level.RED: "bold red"}


class SummaryScreen(Screen[None]):
    BINDINGS = [Binding("enter,escape", "home", "Home")]
    KEY_HELP = [("enter", "back to the home screen")]

    def __init__(self, record: SessionRecord) -> None:
        super().__init__()
        self.record = record

    def compose(self) -> ComposeResult:
        record = self.record
        minutes, seconds = divmod(round(record.seconds), 60)
        done = record.count(Status.COMPLETED)
        counts = (
            f"{done} done, {record.count(Status.SKIPPED)} skipped, {record.count(Status.STOPPED)} stopped"
            f"  ·  {minutes} min {seconds:02d} s"
        )
        if record.ended_early:
            counts += "  ·  ended early"
        before = "not rated" if record.pain_before is None else str(record.pain_before)
        with VerticalScroll(id="summary"):
            yield Static("Session summary", classes="screen-title")
            yield Static(f"{record.routine_name}  ·  {counts}", id="counts", markup=False)
            yield Static(f"Pain before you started: {before}")
            yield Static(self.results_table(), id="results")
            yield Static(record.advice, id="advice")
        yield Footer()

    def results_table(self) -> Table:
        table = Table(box=None, padding=(0, 2, 0, 0), header_style="bold")
        for column in ("Exercise", "Status", "Pain after", "Verdict"):
            table.add_column(column)
        for result in self.record.results:
            rating = "-" if result.rating is None else str(result.rating.value)
            if result.rating is not None and result.rating.sharp:
                rating += " sharp"
            verdict = Text("-")
            if result.verdict is not None:
                verdict = Text(result.verdict.level.value.upper(), style=LEVEL_STYLES[result.verdict.level])
            table.add_row(result.name, result.status.value, rating, verdict)
        if not self.record.results:
            table.add_row("No exercises were finished.", "", "", "")
        return table

    def action_home(self) -> None:
        self.dismiss(None)
