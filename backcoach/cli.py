"""The command line. Subcommands stay light: textual is imported only when the app opens."""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from backcoach import __version__
from backcoach.core.catalog.load import CatalogError, load_catalog
from backcoach.core.domain.exercise import Catalog
from backcoach.core.kit import paths
from backcoach.core.kit.text import clipped, plural, shown
from backcoach.core.settings.model import Settings, load_settings


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad flag or value in one line, exit status 2, no usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="backcoach", description="A keyboard-driven coach for back-pain exercise.")
    parser.add_argument("--version", action="version", version=f"backcoach {__version__}")
    parser.add_argument(
        "--region", metavar="R", help="start a session straight away: lower, middle, upper or daily"
    )
    parser.add_argument("--config", metavar="FILE", help="use this settings file")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    listing = commands.add_parser("exercises", help="list the exercise catalog")
    listing.add_argument("--region", dest="list_region", metavar="R", help="only this region")
    history = commands.add_parser("history", help="print the session log")
    history.add_argument("--csv", action="store_true", help="write CSV to standard output")
    commands.add_parser(
        "paths", help="print where settings and history live, and the speech program and sound player found"
    )
    show = commands.add_parser("show", help="print a routine as it will run at your doses, step by step")
    show.add_argument(
        "routine", metavar="ROUTINE", help="lower, middle, upper, daily or your own routine's id"
    )
    check = commands.add_parser(
        "check", help="find every mistake in settings and exercise files (default: your own)"
    )
    check.add_argument("files", nargs="*", metavar="FILE", type=Path, help="a settings or exercises file")
    report = commands.add_parser("report", help="write one HTML page for your physiotherapist")
    report.add_argument(
        "--weeks",
        type=weeks_back,
        default=12,
        metavar="N",
        help="how many weeks it covers (1-104; default 12)",
    )
    report.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help="where to write it (default: backcoach-report-DATE.html here)",
    )
    return parser


def weeks_back(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 104:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of weeks from 1 to 104")
    return int(value)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    settings_path = paths.settings_file(args.config)
    if settings_path.is_dir():
        named_by = "--config" if args.config else paths.CONFIG_ENV
        parser.error(f"{named_by} {settings_path} is a folder; name the settings file in it")
    if args.command == "check":
        return check(args.files, settings_path)
    catalog = _load_catalog(settings_path)
    if args.command == "paths":
        return print_paths(args.config)
    if args.command == "show":
        return show_routine(catalog, args.routine, settings_path)
    if args.command == "exercises":
        return print_exercises(catalog, args.list_region, settings_path)
    if args.command == "history":
        return print_history(paths.history_file(), args.csv)
    if args.command == "report":
        return write_report(catalog, settings_path, args.weeks, args.out)
    if args.region is not None and args.region not in catalog.routines:
        parser.error(f"unknown region {said(args.region)}; choose from {', '.join(catalog.routines)}")
    from backcoach.tui.app import run_app  # imported here so the subcommands start fast

    return run_app(catalog, settings_path, args.region)


def _load_catalog(settings_path: Path) -> Catalog:
    try:
        catalog = load_catalog(paths.user_exercises_file(settings_path))
    except CatalogError as error:
        # The shipped catalog is broken: nothing sensible can run.
        sys.exit(f"backcoach: {error}")
    for problem in catalog.problems:
        print(f"backcoach: {problem}", file=sys.stderr)
    return catalog


def check(files: list[Path], settings_path: Path) -> int:
    """Every problem as FILE:LINE: message on standard output; status 1 when there is any."""
    from backcoach.core.tools.check import check_files

    try:
        report = check_files(files, settings_path)
    except CatalogError as error:
        sys.exit(f"backcoach: {error}")
    for problem in report.problems:
        print(problem)
    if report.problems:
        return 1
    if report.checked:
        names = ", ".join(str(path) for path in report.checked)
        print(f"ok: no problems in {plural(len(report.checked), 'file')} ({names})")
    else:
        print(f"ok: nothing to check yet ({settings_path} and the exercises.toml beside it do not exist)")
    return 0


def print_paths(config_override: str | None) -> int:
    settings_path = paths.settings_file(config_override)
    print(f"settings:  {settings_path}")
    print(f"exercises: {paths.user_exercises_file(settings_path)}")
    print(f"history:   {paths.history_file()}")
    print(f"drawings:  {paths.user_drawings_file(settings_path)}")
    print(f"schemas:   {paths.schema_dir()}  (for a first line '#:schema PATH' in your files)")
    print(f"tones:     {paths.cache_dir() / 'tones'}")
    from backcoach.core.announce.sounds import PLAYERS, find_player
    from backcoach.core.announce.speech import SPEECH_PROGRAMS, find_speech_program

    player = find_player() or f"none found (any of {', '.join(PLAYERS)}; the terminal bell stands in)"
    speech = find_speech_program() or f"none found (any of {', '.join(SPEECH_PROGRAMS)})"
    print(f"player:    {player}")
    print(f"speech:    {speech}")
    return 0


def show_routine(catalog: Catalog, routine_id: str, settings_path: Path) -> int:
    """The session as it will run at the user's doses: each step, its cues, and the total."""
    from backcoach.core.session.plan import build_plan
    from backcoach.core.tools.show import show_plan

    routine = catalog.routines.get(routine_id)
    if routine is None:
        choices = ", ".join(catalog.routines)
        print(f"backcoach: unknown routine {routine_id!r}; choose from {choices}", file=sys.stderr)
        return 2
    settings = load_settings(settings_path, set(catalog.exercises)).settings
    print("\n".join(show_plan(build_plan(routine, catalog, settings))))
    return 0


def print_exercises(catalog: Catalog, region: str | None, settings_path: Path) -> int:
    regions = sorted({r for exercise in catalog.exercises.values() for r in exercise.regions})
    if region is not None and region not in regions:
        print(f"backcoach: unknown region {said(region)}; choose from {', '.join(regions)}", file=sys.stderr)
        return 2
    settings: Settings = load_settings(settings_path, set(catalog.exercises)).settings
    exercises = catalog.in_region(region) if region else list(catalog.exercises.values())
    id_width = max(len(exercise.id) for exercise in exercises)
    name_width = max(len(exercise.name) for exercise in exercises)
    for exercise in exercises:
        dose = settings.dose_for(exercise)
        sides = {"both": " each side", "alternate": " alternating sides", "none": ""}[exercise.sides]
        print(
            f"{exercise.id:<{id_width}}  {exercise.name:<{name_width}}  {','.join(exercise.regions):<12}  "
            f"{dose.reps} x {dose.hold_seconds} s{sides}"
        )
    return 0


def write_report(catalog: Catalog, settings_path: Path, weeks: int, out: Path | None) -> int:
    """One HTML page of the last weeks: routines and doses, sessions, pain week by week, each exercise."""
    from datetime import date

    from backcoach.core.history.database import History, HistoryError
    from backcoach.core.report.page import NOTHING_YET, default_name, report_html

    path = paths.history_file()
    if not path.exists():
        print(NOTHING_YET)
        return 0
    settings = load_settings(settings_path, set(catalog.exercises)).settings
    today = date.today()
    try:
        page = report_html(History(path), catalog, settings, today, weeks)
    except HistoryError as error:
        print(f"backcoach: {error}", file=sys.stderr)
        return 1
    if page is None:
        print(f"Nothing to report yet: no session with an exercise done in the last {plural(weeks, 'week')}.")
        return 0
    target = out or Path(default_name(today))
    try:
        target.write_text(page, encoding="utf-8")
    except OSError as error:
        print(f"backcoach: cannot write {target}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"Wrote {target} ({len(page.encode()) // 1024 + 1} kB): open it in a browser, or print it.")
    return 0


def print_history(path: Path, as_csv: bool) -> int:
    """The session log as a table, or every exercise result as CSV for a spreadsheet or a clinician."""
    from backcoach.core.history.database import History, HistoryError
    from backcoach.core.history.schema import CSV_HEADER
    from backcoach.core.progress.session_table import SESSION_COLUMNS, session_cells

    if not path.exists():
        if as_csv:
            csv.writer(sys.stdout).writerow(CSV_HEADER)
        else:
            print(f"No sessions yet ({path} does not exist).")
        return 0
    try:
        history = History(path)
    except HistoryError as error:
        print(f"backcoach: {error}", file=sys.stderr)
        return 1
    if as_csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(CSV_HEADER)
        writer.writerows([csv_value(value) for value in row] for row in history.csv_rows())
        return 0
    rows = list(reversed(history.recent_sessions(limit=-1)))
    if not rows:
        print("No sessions yet.")
        return 0
    print(table_line([column.lower() for column in SESSION_COLUMNS], "status"))
    for row in rows:
        print(table_line(list(session_cells(row)), row.status))
    return 0


def table_line(cells: list[str], status: str) -> str:
    """One line of `backcoach history`: the session table's columns, padded, and the status."""
    widths = (-17, -14, 4, 7, 7, 6, 5)  # negative: left-aligned
    padded = [
        f"{cell[:-width]:<{-width}}" if width < 0 else f"{cell:>{width}}"
        for cell, width in zip(cells, widths, strict=True)
    ]
    return "  ".join([*padded, status])


def csv_value(value: object) -> object:
    """Empty for a missing value; text from an older history with its control characters spelled out."""
    if value is None:
        return ""
    return shown(value) if isinstance(value, str) else value


def said(value: str, limit: int = 40) -> str:
    """A value the person typed, quoted back short and harmless: a 100 KB argument is not echoed whole."""
    return f"'{clipped(shown(value), limit)}'"
