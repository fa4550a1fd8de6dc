"""The history: how your back felt week by week, sessions, streak, each exercise's trend, honest hints."""

from __future__ import annotations

from datetime import date, timedelta

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from backcoach.core.history.database import ExerciseTrend, History, Week
from backcoach.core.kit.text import plural, shown
from backcoach.core.progress.dashboard import Asked, dashboard
from backcoach.core.progress.psfs import means as psfs_means
from backcoach.core.progress.session_table import SESSION_COLUMNS, morning_lines, session_cells
from backcoach.core.progress.trends import figure, hints, trend_words

WEEKS_SHOWN = 12
BAR_WIDTH = 30


def week_bar(average: float | None) -> str:
    if average is None:
        return " " * BAR_WIDTH
    filled = round(average / 10 * BAR_WIDTH)
    return "█" * filled + "·" * (BAR_WIDTH - filled)


def ratings_shown(trend: ExerciseTrend) -> str:
    """ "2 3 sharp 1": each rating, and sharp pain after the ones it came with."""
    pairs = zip(trend.ratings, trend.sharp, strict=True)
    return " ".join(f"{rating} sharp" if sharp else str(rating) for rating, sharp in pairs)


class HistoryScreen(Screen[None]):
    CSS_PATH = "history.tcss"
    BINDINGS = [
        Binding("escape,enter", "back", "Back"),
        Binding("v", "reviews", "Reviews", tooltip="the week 6 and 12 reviews again"),
    ]

    def __init__(self, history: History, today: date, asked: Asked | None = None) -> None:
        super().__init__()
        self.history = history
        self.today = today
        self.asked = asked  # what home's dashboard needs: its lines show here too

    def typed_keys(self) -> list[tuple[str, str]]:
        return [("up/down, pageup/pagedown", "scroll")]  # the scrolling view's own keys

    def compose(self) -> ComposeResult:
        history = self.history
        weeks = history.weeks(self.today, WEEKS_SHOWN)
        total = history.session_count()
        with VerticalScroll(id="history"):
            yield Static("History", classes="screen-title")
            if not total:
                yield Static("No sessions yet. Your sessions and ratings will show here, week by week.")
            else:
                this_week = weeks[-1].sessions
                streak = history.streak(self.today)
                yield Static(
                    f"{plural(total, 'session')}  ·  {this_week} this week  ·  streak: {plural(streak, 'day')}",
                    id="history-counts",
                )
                if self.asked is not None:
                    yield Static(self.dashboard_lines(self.asked), id="history-dashboard")
                yield Static(
                    "How your back felt at the start, week by week (0-10, lower is better)",
                    classes="section-title",
                )
                yield Static(self.weeks_chart(weeks), id="weeks")
                if any(week.morning_pain is not None for week in weeks):
                    yield Static(
                        "Weekly check-in: pain and stiffness on getting up (0-10, lower is better)",
                        classes="section-title",
                    )
                    yield Static(self.mornings_chart(weeks), id="mornings")
                mornings = morning_lines(
                    history.mornings_after_since(self.today - timedelta(weeks=WEEKS_SHOWN))
                )
                if mornings:
                    yield Static("The morning after: had your back settled?", classes="section-title")
                    yield Static("\n".join(mornings), id="mornings-after")
                if psfs_lines := self.psfs_lines():
                    yield Static("Your activities (PSFS, 0-10, higher is better)", classes="section-title")
                    yield Static(Text("\n".join(psfs_lines)), id="psfs-history")
                yield Static("Each exercise: your last ratings after it", classes="section-title")
                yield Static(self.trends_table(), id="trends")
                yield Static("Recent sessions", classes="section-title")
                yield Static(self.sessions_table(), id="sessions")
            yield Static("\n".join(hints(weeks, psfs_means(history))), id="hints", classes="hints")
        yield Footer()

    def dashboard_lines(self, asked: Asked) -> Text:
        """Home's lines: the last session (its reds in the theme's red and in words), the routine to do
        next and why, the trend."""
        from backcoach.core.domain.verdict import Level
        from backcoach.tui.screens.summary import level_style

        board = dashboard(self.history, self.today, asked)
        lines: list[Text] = []
        if board.last is not None:
            style = level_style(Level.RED, self.app.theme_variables, self.app.current_theme.dark)
            lines.append(Text.assemble(board.last.summary, (board.last.reds_said, style)))
        if board.next is not None:
            lines.append(Text(board.next.line))
        lines += [Text(line.line) for line in board.trend]
        return Text("\n").join(lines)

    def weeks_chart(self, weeks: list[Week]) -> str:
        """From the first week with a session: a new user sees their weeks, not months of nothing."""
        first = next((index for index, week in enumerate(weeks) if week.sessions), len(weeks) - 1)
        lines = []
        for week in weeks[first:]:
            # With the starting rating switched off, the ratings after exercises stand in, marked so.
            value, note = week.average_before, ""
            if value is None and week.average_after is not None:
                value, note = week.average_after, "  (after exercises)"
            average = "  -" if value is None else f"{value:4.1f}"
            sessions = plural(week.sessions, "session")
            lines.append(f"{week.start:%d %b}  {week_bar(value)} {average}  {sessions}{note}")
        return "\n".join(lines)

    def mornings_chart(self, weeks: list[Week]) -> str:
        """Its own line a week: the bar is morning pain, stiffness is said beside it."""
        lines = []
        for week in weeks:
            if week.morning_pain is None or week.stiffness is None:
                continue
            pain, stiffness = figure(week.morning_pain), figure(week.stiffness)
            lines.append(
                f"{week.start:%d %b}  {week_bar(week.morning_pain)} pain {pain:>3}  stiffness {stiffness}"
            )
        return "\n".join(lines)

    def trends_table(self) -> Table:
        table = Table(box=None, padding=(0, 2, 0, 0), header_style="bold")
        for column in ("Exercise", "Last ratings (oldest first)", "Trend"):
            table.add_column(column)
        for trend in sorted(self.history.exercise_trends(), key=lambda trend: trend.name):
            # Names come from files, and stay in the history after the file changes: never markup.
            table.add_row(Text(shown(trend.name)), ratings_shown(trend), trend_words(trend.ratings))
        return table

    def sessions_table(self) -> Table:
        table = Table(box=None, padding=(0, 2, 0, 0), header_style="bold")
        for column in SESSION_COLUMNS:
            table.add_column(column)
        for row in self.history.recent_sessions(30):
            started, routine, *rest = session_cells(row)
            table.add_row(started, Text(routine), *rest)  # a name from a file is never markup
        return table

    def psfs_lines(self) -> list[str]:
        """Each PSFS rating: the day, the mean, each activity's score (words from the person: shown safe)."""
        lines = []
        for one in self.history.psfs_sets():
            scores = ", ".join(f"{shown(name)} {score}" for name, score in one.scores.items())
            mean = sum(one.scores.values()) / len(one.scores)
            lines.append(f"{one.day:%d %b}  mean {figure(mean)}: {scores}")
        return lines

    def action_reviews(self) -> None:
        from backcoach.tui.screens.review import ReviewScreen

        past = self.history.reviews()
        lines: list[str] = []
        for review in past:
            lines += [f"{review.lines[0]}, shown {review.day:%d %b %Y}", *review.lines[1:], ""]
        if not past:
            lines = ["No reviews yet: the first comes at week 6, before a session."]
        self.app.push_screen(ReviewScreen("Your reviews", [shown(line) for line in lines], "Back"))

    def action_back(self) -> None:
        self.dismiss(None)
