"""The end of a session: what was done, how it felt, and what to do next."""

from __future__ import annotations

from collections.abc import Mapping
from typing import assert_never

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Footer, Static

from backcoach.core.kit.text import mm_ss
from backcoach.core.session.coach import Level, Summary
from backcoach.core.settings.model import DoseOverride
from backcoach.tui.screens.drawn import Composed, when_composed
from backcoach.tui.settings_keeper import SettingsKeeper


def level_style(level: Level, variables: Mapping[str, str], dark: bool) -> str:
    """The theme's text shade of the level's colour, which keeps 4.5:1 on a dark background (plain red
    or yellow does not on every theme, nor the dark grey NO_COLOR turns red into); on a light one it
    is halfway to the text colour, as the light shades of green and yellow are near 3:1. The word
    itself says the level."""
    match level:
        case Level.GREEN:
            shade = "text-success"
        case Level.AMBER:
            shade = "text-warning"
        case Level.RED:
            shade = "text-error"
        case _:
            assert_never(level)
    colour = Color.parse(variables[shade])
    if not dark:
        colour = colour.blend(Color.parse(variables["foreground"]), 0.5)
    return f"bold {colour.hex6}"


class SummaryScreen(Screen[None], Composed):
    CSS_PATH = "summary.tcss"
    BINDINGS = [
        Binding("enter,escape", "home", "Home", tooltip="back to the home screen"),
        Binding("y", "decide(True)", "Accept", show=False, tooltip="accept the chosen dose change"),
        Binding("n", "decide(False)", "Decline", show=False, tooltip="decline the chosen dose change"),
        Binding("up,k", "move(-1)", "Previous", show=False, tooltip="choose the change above"),
        Binding("down,j", "move(1)", "Next", show=False, tooltip="choose the change below"),
    ]

    def __init__(self, summary: Summary, keeper: SettingsKeeper) -> None:
        super().__init__()
        self.keeper = keeper
        self.record = summary.record
        self.changes = summary.changes
        self.holds = summary.holds
        self.decisions: list[bool | None] = [None] * len(self.changes)
        self.cursor = 0  # moved by the person only

    def on_mount(self) -> None:
        # Each exercise's own dose before any answer here, so a change of mind can put it back.
        self.doses_before = [self.keeper.settings.exercises.get(p.exercise.id) for p in self.changes]
        self.show_proposals()
        # The verdict words carry the theme's colours: a theme chosen here redraws them.
        self.app.theme_changed_signal.subscribe(self, self.on_theme_changed)

    def on_theme_changed(self, theme: Theme) -> None:
        self.query_one("#results", Static).update(self.results_table())

    def compose(self) -> ComposeResult:
        record = self.record
        counts = f"{record.tally}  ·  {mm_ss(round(record.seconds), '{m} min {s:02d} s')}"
        if record.ended_early:
            counts += "  ·  ended early"
        before = "not rated" if record.pain_before is None else str(record.pain_before)
        with VerticalScroll(id="summary"):
            yield Static("Session summary", classes="screen-title")
            yield Static(f"{record.routine_name}  ·  {counts}", id="counts", markup=False)
            yield Static(f"Pain before you started: {before}")
            yield Static(self.results_table(), id="results")
            yield Static(record.advice, id="advice")
            if self.changes or self.holds:
                yield Static("Next time", classes="section-title")
                yield Static(id="proposals", markup=False)
        yield Footer()

    @when_composed  # on_mount shows them
    def show_proposals(self) -> None:
        if not (self.changes or self.holds):
            return
        lines = []
        for index, (proposal, decision) in enumerate(zip(self.changes, self.decisions, strict=True)):
            pointer = ">" if index == self.cursor else " "
            state = {None: "[y accept / n decline]", True: "[accepted]", False: "[declined]"}[decision]
            lines.append(f"{pointer} {state} {proposal.reason}")
        lines += [f"  {proposal.reason}" for proposal in self.holds]
        if self.changes:
            lines.append("\nAccepted changes are saved as that exercise's own dose in your settings.")
        self.query_one("#proposals", Static).update("\n".join(lines))

    def action_move(self, step: int) -> None:
        if self.changes:
            self.cursor = min(len(self.changes) - 1, max(0, self.cursor + step))
            self.show_proposals()

    def action_decide(self, accept: bool) -> None:
        """Answer the highlighted proposal; answering again changes the answer (and the saved dose)."""
        if not self.changes or self.decisions[self.cursor] is accept:
            return
        proposal = self.changes[self.cursor]
        exercise_id = proposal.exercise.id
        settings = None
        if accept:
            dose = proposal.proposed
            settings = self.keeper.settings.with_dose(exercise_id, dose.hold_seconds, dose.reps)
        elif self.decisions[self.cursor]:  # accepted before: put the old dose back
            before = self.doses_before[self.cursor] or DoseOverride()
            settings = self.keeper.settings.with_dose(exercise_id, before.hold_seconds, before.reps)
        note = "accepted on the summary" if accept else "put back on the summary"
        if settings is not None and not self.keeper.apply(settings, note=note):
            return
        self.decisions[self.cursor] = accept
        self.show_proposals()

    def results_table(self) -> Table:
        table = Table(box=None, padding=(0, 2, 0, 0), header_style="bold")
        variables, dark = self.app.theme_variables, self.app.current_theme.dark
        for column in ("Exercise", "Status", "Pain after", "Verdict"):
            table.add_column(column)
        for result in self.record.results:
            rating = result.rated or "-"
            verdict = Text("-")
            if result.verdict is not None:
                verdict = Text(
                    result.verdict.level.value.upper(),
                    style=level_style(result.verdict.level, variables, dark),
                )
            table.add_row(Text(result.name), result.status.value, rating, verdict)  # a name is never markup
        if not self.record.results:
            table.add_row("No exercises were finished.", "", "", "")
        return table

    def action_home(self) -> None:
        self.dismiss(None)
