"""The command line. Subcommands stay light: textual is imported only when the app opens."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from backcoach.core.catalog.load import CatalogError, load_catalog
from backcoach.core.domain.exercise import Catalog
from backcoach.core.kit import paths
from backcoach.core.kit.text import clipped, columns, fit, plural, shown
from backcoach.core.settings.model import Loaded, Settings, load_settings

if TYPE_CHECKING:
    from argparse import Namespace  # not for plain `backcoach`: the start-up budget


def usage_error(message: str) -> NoReturn:
    """What the top-level parser says of a bad flag or value: one line, exit status 2."""
    sys.stderr.write(f"backcoach: {message} (see 'backcoach --help')\n")
    sys.exit(2)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if not arguments:  # plain `backcoach`: the app, without building the parser (the start-up budget)
        return open_app(settings_file(None), None)
    from backcoach.arguments import build_parser  # not for plain `backcoach`: the start-up budget

    args = build_parser().parse_args(arguments)
    if args.command is None:
        return open_app(settings_file(args.config), args.region, plain=args.plain)
    return answered(lambda: run_command(args))


def answered(command: Callable[[], int]) -> int:
    """A subcommand, ending in a line rather than a traceback: a pipe's reader that asked for no more
    (`| head`) ends it quietly with 0; a failed write (a full disk, a closed stdout), a name the
    system refuses or a damaged history is one line on stderr and status 1."""
    import sqlite3

    if sys.stdout is None:  # started with stdout closed (`>&-`): nowhere to print
        if sys.stderr is not None:
            sys.stderr.write("backcoach: the output is closed, so there is nowhere to print\n")
        return 1
    try:
        status = command()
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stdout = None  # flushing again at exit would raise again
        return 0
    except OSError as error:
        where = f" {said(str(error.filename))}" if error.filename else " the output"
        sys.stderr.write(f"backcoach: cannot use{where}: {error.strerror or error}\n")
        return 1
    except sqlite3.Error as error:
        from backcoach.core.history.database import describe

        sys.stderr.write(f"backcoach: {describe(paths.history_file(), error)}\n")
        return 1
    return status


def run_command(args: Namespace) -> int:
    settings_path = settings_file(args.config)
    if args.command == "check":
        return check(args.files, settings_path)
    if args.command == "remind":  # before the catalog: quick and quiet at every shell start
        return remind(settings_path, args.notify)
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
        return write_report(catalog, settings_path, args.weeks, args.out, args.open)
    if args.command == "serve":
        if args.host is not None and not args.lan:
            usage_error("--host needs --lan: any address but this computer's own needs the token")
        from backcoach.serve.run import run_serve  # aiohttp and textual-serve: only for this

        return run_serve(settings_path, args.port, args.lan, args.host)
    raise AssertionError(f"a subcommand with no handler: {args.command}")


def settings_file(config: str | None) -> Path:
    settings_path = paths.settings_file(config)
    try:
        is_folder = settings_path.is_dir()
    except OSError as error:  # a name the system refuses: too long, for one
        usage_error(f"{said(str(settings_path))} cannot be used: {error.strerror or error}")
    if is_folder:
        named_by = "--config" if config else paths.CONFIG_ENV
        usage_error(f"{named_by} {settings_path} is a folder; name the settings file in it")
    return settings_path


def open_app(
    settings_path: Path, region: str | None, catalog: Catalog | None = None, plain: bool = False
) -> int:
    catalog = catalog or _load_catalog(settings_path)
    if region is not None and region not in catalog.routines:
        usage_error(f"unknown region {said(region)}; choose from {', '.join(catalog.routines)}")
    if plain or not_a_terminal():
        from backcoach.plain.run import run_plain  # never textual: lines for screen readers and pipes

        return answered(lambda: run_plain(catalog, settings_path, region))
    from backcoach.tui.app import run_app  # imported here so the subcommands start fast

    return run_app(catalog, settings_path, region)


def not_a_terminal() -> bool:
    """Output to a pipe, a file or a terminal that draws nothing (TERM=dumb): the coach as plain lines.
    Not when Textual was given a driver of its own: `backcoach serve` draws in a browser through a pipe."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return False
    return sys.stdout is None or not sys.stdout.isatty() or os.environ.get("TERM") == "dumb"


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
    from backcoach.core.announce.readiness import cues_status
    from backcoach.core.announce.sounds import PLAYERS, find_player
    from backcoach.core.announce.speech import SPEECH_PROGRAMS, find_speech_program

    player = find_player() or f"none found (any of {', '.join(PLAYERS)}; the terminal bell stands in)"
    speech = find_speech_program() or f"none found (any of {', '.join(SPEECH_PROGRAMS)})"
    print(f"player:    {player}")
    print(f"speech:    {speech}")
    settings = load_settings(settings_path).settings
    print(f"cues:      {cues_status(settings.voice, settings.sound)}")  # will they work, as set
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
    loaded = settings_said(catalog, settings_path)
    doses = "at the default doses, as your settings file cannot be read" if loaded.broken else "at your doses"
    print("\n".join(show_plan(build_plan(routine, catalog, loaded.settings), doses)))
    return 0


def settings_said(catalog: Catalog, settings_path: Path) -> Loaded:
    """The settings, with each problem in their file said on stderr (the app shows them as notices)."""
    loaded = load_settings(settings_path, set(catalog.exercises))
    for problem in loaded.problems:
        sys.stderr.write(f"backcoach: {shown(problem)}\n")
    return loaded


def print_exercises(catalog: Catalog, region: str | None, settings_path: Path) -> int:
    regions = sorted({r for exercise in catalog.exercises.values() for r in exercise.regions})
    if region is not None and region not in regions:
        print(f"backcoach: unknown region {said(region)}; choose from {', '.join(regions)}", file=sys.stderr)
        return 2
    settings: Settings = settings_said(catalog, settings_path).settings
    exercises = catalog.in_region(region) if region else list(catalog.exercises.values())
    id_width = max(columns(shown(exercise.id)) for exercise in exercises)
    name_width = max(columns(shown(exercise.name)) for exercise in exercises)
    for exercise in exercises:
        dose = settings.dose_for(exercise)
        sides = {"both": " each side", "alternate": " alternating sides", "none": ""}[exercise.sides]
        print(
            f"{fit(exercise.id, id_width)}  {fit(exercise.name, name_width)}  {','.join(exercise.regions):<12}  "
            f"{dose.reps} x {dose.hold_seconds} s{sides}"
        )
    return 0


def write_report(
    catalog: Catalog, settings_path: Path, weeks: int, out: Path | None, show: bool = False
) -> int:
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
    if target.exists() and not target.is_file():  # a pipe would wait for a reader for ever
        from backcoach.core.tools.check import not_a_file

        print(f"backcoach: cannot write {target}: it {not_a_file(target)}", file=sys.stderr)
        return 1
    try:
        target.write_text(page, encoding="utf-8")
    except OSError as error:
        print(f"backcoach: cannot write {target}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(
        f"Wrote {target.absolute()} ({len(page.encode()) // 1024 + 1} kB): open it in a browser, or print it."
    )
    if show:
        import webbrowser

        if not webbrowser.open(target.absolute().as_uri()):
            print("No web browser was found to open it: open the file above in one.", file=sys.stderr)
            return 1
    return 0


def remind(settings_path: Path, notify: bool, which: Callable[[str], str | None] | None = None) -> int:
    """One line on a day to exercise with nothing done yet, once a day; nothing otherwise (exit 0).
    Settings are read quietly (a mistake in them is said by the app and `backcoach check`)."""
    import shutil
    from datetime import date
    from functools import partial

    from backcoach.core.tools import remind as reminding

    settings = load_settings(settings_path).settings
    send = partial(reminding.notify, which=which or shutil.which, system=sys.platform) if notify else None
    try:
        line = reminding.remind(
            paths.history_file(), paths.reminded_file(), settings, date.today(), send=send
        )
    except reminding.HistoryUnreadable as error:
        sys.stderr.write(f"backcoach: {shown(str(error))}\n")
        return 1
    if line is not None:
        print(line)
    return 0


def print_history(path: Path, as_csv: bool) -> int:
    """The session log as a table, or every exercise result as CSV for a spreadsheet or a clinician."""
    import csv
    from datetime import date

    from backcoach.core.history.database import History, HistoryError
    from backcoach.core.history.schema import CSV_HEADER
    from backcoach.core.progress.session_table import (
        SESSION_COLUMNS,
        morning_lines,
        session_cells,
        session_status,
    )

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
        print(table_line(list(session_cells(row)), session_status(row)))
    mornings = morning_lines(history.mornings_after_since(date.min))
    if mornings:
        print("\nThe morning after: had your back settled?")
        print("\n".join(mornings))
    return 0


def table_line(cells: list[str], status: str) -> str:
    """One line of `backcoach history`: the session table's columns, padded, and the status."""
    widths = (-17, -14, 4, 7, 7, 6, 5)  # negative: left-aligned
    padded = [
        fit(cell, -width) if width < 0 else fit(cell, width, right=True)
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
