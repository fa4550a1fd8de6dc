"""After a session, as lines: the summary in words, and each proposed dose change asked y or n."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from backcoach.core.domain.exercise import Catalog
from backcoach.core.history.writes import HistoryLog
from backcoach.core.kit.text import mm_ss
from backcoach.core.progress.dose_changes import record_dose_changes
from backcoach.core.session.coach import Summary
from backcoach.core.settings.model import Loaded
from backcoach.core.settings.save import save_settings
from backcoach.plain.console import Console
from backcoach.plain.session import ask_yes_or_no


def summary_lines(summary: Summary) -> list[str]:
    record = summary.record
    length = mm_ss(round(record.seconds), "{m} min {s:02d} s")
    early = ", ended early" if record.ended_early else ""
    before = "not rated" if record.pain_before is None else str(record.pain_before)
    lines = ["Session summary", f"{record.routine_name}: {record.tally}, {length}{early}."]
    lines.append(f"Pain before you started: {before}.")
    for result in record.results:
        verdict = f", {result.verdict.level.value.upper()}" if result.verdict is not None else ""
        rated = f", pain after {result.rated}" if result.rating is not None else ""
        lines.append(f"{result.name}: {result.status.value}{rated}{verdict}.")
    if not record.results:
        lines.append("No exercises were finished.")
    lines.append(record.advice)
    return lines


def after_session(
    console: Console,
    summary: Summary,
    loaded: Loaded,
    catalog: Catalog,
    history: HistoryLog,
    now: Callable[[], datetime],
) -> None:
    """The summary; then each change asked, and those accepted saved as the exercise's own dose, as
    the app's summary does (and recorded in the history for the report)."""
    console.say(*summary_lines(summary))
    if not (summary.changes or summary.holds):
        return
    console.say("Next time:", *(proposal.reason for proposal in summary.holds))
    for proposal in summary.changes:
        if console.input_ended:  # no one to ask: said, and left as it was
            console.say(f"{proposal.reason} (Not changed: the input has ended.)")
            continue
        if not ask_yes_or_no(console, f"{proposal.reason} Accept it? Type y or n."):
            continue
        before = loaded.settings
        dose = proposal.proposed
        after = before.with_dose(proposal.exercise.id, dose.hold_seconds, dose.reps)
        try:
            result = save_settings(loaded, after, keep="mine")  # the answer just given wins
        except OSError as error:
            console.say(f"Could not save {loaded.path}: {error.strerror or error}")
            continue
        console.say(*result.notices, f"Saved: {proposal.exercise.name} at the new dose.")
        problem = record_dose_changes(
            history, catalog, before, loaded.settings, "accepted on the summary", now()
        )
        if problem:
            console.say(f"History not saved: {problem}")
