"""Entries as the JSON objects of the side file (history.sqlite3.unsaved.jsonl), one a line, and back.

The format on disk is the one earlier versions wrote: a "kind" and the entry's fields by name, moments
as ISO 8601 text, enums by their values, sharp as 0 or 1. Reading checks every field, so what goes
into the history from the side file is what this version would have written itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import Enum
from typing import Any, TypeVar, assert_never

from backcoach.core.domain.dose import Dose
from backcoach.core.domain.exercise import MAX_HOLD_SECONDS, MAX_REPS
from backcoach.core.domain.morning import Settled
from backcoach.core.domain.outcome import Outcome
from backcoach.core.domain.status import Status
from backcoach.core.domain.verdict import Level
from backcoach.core.history.entries import (
    CheckInEntry,
    DoseEntry,
    EndEntry,
    Entry,
    MorningAfterEntry,
    PsfsEntry,
    ResultEntry,
    ReviewEntry,
    StartEntry,
    stamp,
)

JsonObject = dict[str, Any]
E = TypeVar("E", bound=Enum)


class BadEntry(ValueError):
    """A line of the side file that is one of our kinds but not a whole, valid entry: bad data."""


def to_json(entry: Entry) -> JsonObject:
    match entry:
        case StartEntry():
            return {
                "kind": "start",
                "session": entry.session,
                "started_at": stamp(entry.started_at),
                "region": entry.region,
                "routine_name": entry.routine_name,
                "pain_before": entry.pain_before,
                "pid": entry.pid,
            }
        case ResultEntry():
            return {
                "kind": "result",
                "session": entry.session,
                "exercise": entry.exercise,
                "name": entry.name,
                "side": entry.side,
                "hold_seconds": entry.dose.hold_seconds,
                "reps": entry.dose.reps,
                "rating": entry.rating,
                "sharp": int(entry.sharp),
                "verdict": None if entry.verdict is None else entry.verdict.value,
                "status": entry.status.value,
                "recorded_at": stamp(entry.recorded_at),
                **session_id(entry.session_id),
            }
        case EndEntry():
            return {
                "kind": "end",
                "session": entry.session,
                "status": entry.outcome.value,
                **session_id(entry.session_id),
            }
        case CheckInEntry():
            return {
                "kind": "checkin",
                "recorded_at": stamp(entry.recorded_at),
                "morning_pain": entry.morning_pain,
                "stiffness": entry.stiffness,
            }
        case DoseEntry():
            return {
                "kind": "dose",
                "recorded_at": stamp(entry.recorded_at),
                "exercise": entry.exercise,
                "name": entry.name,
                "hold_seconds": entry.dose.hold_seconds,
                "reps": entry.dose.reps,
                "note": entry.note,
            }
        case MorningAfterEntry():
            return {
                "kind": "morning_after",
                "recorded_at": stamp(entry.recorded_at),
                "session_day": entry.session_day,
                "answer": entry.answer.value,
            }
        case PsfsEntry():
            return {
                "kind": "psfs",
                "recorded_at": stamp(entry.recorded_at),
                "scores": [[text, score] for text, score in entry.scores],
                "added": list(entry.added),
                "retired": list(entry.retired),
            }
        case ReviewEntry():
            return {
                "kind": "review",
                "recorded_at": stamp(entry.recorded_at),
                "week": entry.week,
                "verdict": entry.verdict,
                "lines": list(entry.lines),
            }
        case unhandled:
            assert_never(unhandled)


def session_id(known: int | None) -> JsonObject:
    """Written only once known, as earlier versions did."""
    return {} if known is None else {"session_id": known}


def from_json(raw: JsonObject) -> Entry:
    """The entry a line holds; BadEntry says which field is wrong. raw["kind"] is one of KINDS."""
    return PARSERS[raw["kind"]](Fields(raw))


def start_entry(line: Fields) -> StartEntry:
    return StartEntry(
        line.text("session"),
        line.moment("started_at"),
        line.text("region"),
        line.text("routine_name"),
        line.maybe_rating("pain_before"),
        line.maybe_whole("pid", 1),
    )


def result_entry(line: Fields) -> ResultEntry:
    return ResultEntry(
        line.text("session"),
        line.text("exercise"),
        line.text("name", may_be_empty=True),
        line.text("side", may_be_empty=True),
        line.dose(),
        line.maybe_rating("rating"),
        line.whole("sharp", 0, 1) == 1,
        line.maybe_choice("verdict", Level),
        line.choice("status", Status),
        line.moment("recorded_at"),
        line.maybe_whole("session_id", 1),
    )


def end_entry(line: Fields) -> EndEntry:
    return EndEntry(line.text("session"), line.choice("status", Outcome), line.maybe_whole("session_id", 1))


def checkin_entry(line: Fields) -> CheckInEntry:
    return CheckInEntry(line.moment("recorded_at"), line.rating("morning_pain"), line.rating("stiffness"))


def dose_entry(line: Fields) -> DoseEntry:
    note = line.text("note", may_be_empty=True) if "note" in line.raw else ""  # older lines had none
    return DoseEntry(
        line.moment("recorded_at"),
        line.text("exercise"),
        line.text("name", may_be_empty=True),
        line.dose(),
        note,
    )


def morning_after_entry(line: Fields) -> MorningAfterEntry:
    return MorningAfterEntry(
        line.moment("recorded_at"), line.text("session_day"), line.choice("answer", Settled)
    )


def psfs_entry(line: Fields) -> PsfsEntry:
    scores = line.value("scores")
    if not isinstance(scores, list) or not all(
        isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str) and pair[0] for pair in scores
    ):
        raise BadEntry(f"scores is {scores!r}, not a list of [activity, score]")
    checked = tuple((text, Fields({"score": score}).rating("score")) for text, score in scores)
    return PsfsEntry(line.moment("recorded_at"), checked, line.texts("added"), line.texts("retired"))


def review_entry(line: Fields) -> ReviewEntry:
    return ReviewEntry(
        line.moment("recorded_at"), line.whole("week", 1), line.text("verdict"), line.texts("lines", True)
    )


PARSERS: dict[str, Callable[[Fields], Entry]] = {
    "start": start_entry,
    "result": result_entry,
    "end": end_entry,
    "checkin": checkin_entry,
    "dose": dose_entry,
    "morning_after": morning_after_entry,
    "psfs": psfs_entry,
    "review": review_entry,
}
KINDS = tuple(PARSERS)  # the "kind" of each line, as on disk


class Fields:
    """One line's fields, each read as its type or refused with BadEntry naming it. A maybe_ field may
    be missing or null."""

    def __init__(self, raw: JsonObject) -> None:
        self.raw = raw

    def value(self, name: str) -> object:
        if name not in self.raw:
            raise BadEntry(f"{name} is missing")
        return self.raw[name]

    def absent(self, name: str) -> bool:
        return self.raw.get(name) is None

    def text(self, name: str, may_be_empty: bool = False) -> str:
        value = self.value(name)
        if not isinstance(value, str) or not (value or may_be_empty):
            raise BadEntry(f"{name} is {value!r}, not a text")
        return value

    def texts(self, name: str, may_be_empty: bool = False) -> tuple[str, ...]:
        value = self.value(name)
        if not isinstance(value, list) or not all(
            isinstance(one, str) and (one or may_be_empty) for one in value
        ):
            raise BadEntry(f"{name} is {value!r}, not a list of texts")
        return tuple(value)

    def whole(self, name: str, low: int, high: int | None = None) -> int:
        value = self.value(name)
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or value < low
            or (high is not None and value > high)
        ):
            limits = f"{low} up" if high is None else f"{low} to {high}"
            raise BadEntry(f"{name} is {value!r}, not a whole number from {limits}")
        return value

    def maybe_whole(self, name: str, low: int, high: int | None = None) -> int | None:
        return None if self.absent(name) else self.whole(name, low, high)

    def rating(self, name: str) -> int:
        return self.whole(name, 0, 10)

    def maybe_rating(self, name: str) -> int | None:
        return None if self.absent(name) else self.rating(name)

    def dose(self) -> Dose:
        return Dose(self.whole("hold_seconds", 1, MAX_HOLD_SECONDS), self.whole("reps", 1, MAX_REPS))

    def moment(self, name: str) -> datetime:
        value = self.text(name)
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise BadEntry(f"{name} is {value!r}, not a date and time") from None

    def choice(self, name: str, kind: type[E]) -> E:
        value = self.value(name)
        for member in kind:
            if member.value == value:
                return member
        raise BadEntry(f"{name} is {value!r}, not one of {', '.join(repr(member.value) for member in kind)}")

    def maybe_choice(self, name: str, kind: type[E]) -> E | None:
        return None if self.absent(name) else self.choice(name, kind)
