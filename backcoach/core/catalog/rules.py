"""What an [[exercises]] or [[routines]] entry, and a drawing, may hold: the fields (kit.fields) the
loaders check against and the JSON Schema is generated from, so the two cannot disagree."""

from __future__ import annotations

from typing import get_args

from backcoach.core.domain.exercise import (
    MAX_HOLD_SECONDS,
    MAX_REPS,
    REGIONS,
    CueMoment,
    Kind,
    Position,
    Sides,
)
from backcoach.core.kit.fields import Field

CUE_FIELDS = (
    Field(
        "at",
        "choice",
        'when the cue is shown: "start" (the hold begins), "halfway", "end" (the last seconds), '
        '"switch" (changing side) or "form" (any time); left out, it is "form"',
        required=False,
        choices=get_args(CueMoment),
        default="form",
    ),
    Field("text", "text", "the cue, short enough to read from the floor", high=120),
)
EXERCISE_FIELDS = (
    Field("id", "id", "routines and settings refer to it; a built-in id changes that exercise"),
    Field("name", "text", "shown on screen", high=60),
    Field("regions", "choices", "the parts of the back it is for", choices=REGIONS),
    Field("kind", "choice", "stretch or strengthen", choices=get_args(Kind)),
    Field("position", "choice", "where the body is", choices=get_args(Position)),
    Field("hold_seconds", "whole", "how long one rep is held", low=1, high=MAX_HOLD_SECONDS),
    Field("reps", "whole", "how many reps, per side for one-sided exercises", low=1, high=MAX_REPS),
    Field(
        "sides",
        "choice",
        '"none", "both" (all reps on one side, then the other) or "alternate"',
        choices=get_args(Sides),
    ),
    Field("setup", "text", "how to get into position, shown while getting ready", high=400),
    Field("cues", "tables", "3 to 6 short cues", low=3, high=6, fields=CUE_FIELDS, item="cue"),
    Field("caution", "text", "when to hold back", high=300),
    Field("source", "text", "where the dose comes from", high=300),
    Field("easier", "text", "an easier way to do it", required=False, high=300),
    Field(
        "harder",
        "text",
        "a harder way, offered at the exercise's starting dose once its dose reaches the top of its range",
        required=False,
        high=300,
    ),
    Field(
        "osteoporosis_instead",
        "id",
        "with [health] osteoporosis, the id of the exercise done in its place (one defined before it)",
        required=False,
    ),
    Field(
        "osteoporosis_cue",
        "text",
        "with [health] osteoporosis, a cue shown at the start of every hold: how to keep it in range",
        required=False,
        high=120,
    ),
    Field(
        "max_hold_seconds",
        "whole",
        "the longest hold its source suggests: dose proposals never go past it",
        required=False,
        low=1,
        high=MAX_HOLD_SECONDS,
    ),
    Field(
        "max_reps",
        "whole",
        "the most reps its source suggests: dose proposals never go past it",
        required=False,
        low=1,
        high=MAX_REPS,
    ),
)
DOSE_FIELDS = (
    Field(
        "hold_seconds",
        "whole",
        "the longest hold in this routine",
        required=False,
        low=1,
        high=MAX_HOLD_SECONDS,
    ),
    Field("reps", "whole", "the most reps in this routine", required=False, low=1, high=MAX_REPS),
)
ROUTINE_FIELDS = (
    Field("id", "id", "`backcoach --region ID` starts it; a built-in id changes that routine"),
    Field("name", "text", "shown on screen", high=60),
    Field("exercises", "texts", "exercise ids, in order", attr="exercise_ids"),
    Field(
        "doses",
        "doses",
        "this routine's own dose for some of its exercises, by id: a ceiling on your usual dose, within"
        " the exercise's sourced range (max_hold_seconds, max_reps)",
        required=False,
        fields=DOSE_FIELDS,
    ),
)
SECTIONS = {"exercises": EXERCISE_FIELDS, "routines": ROUTINE_FIELDS}

# drawings.toml: each exercise's two key frames in two sizes, and a still figure for each position.
PICTURE_SIZES = {"normal": (40, 20), "compact": (20, 10)}  # dots wide and tall; 2 rows make a line


def _frame_fields(frame: str, required: bool) -> tuple[Field, ...]:
    caption = Field(frame, "text", f"what the {frame} frame shows, in words", required=required)
    pictures = tuple(
        Field(
            f"{frame}_{size}",
            "picture",
            f"the {frame} frame, {width} x {height} dots ({size} size)",
            required=required,
            low=width,
            high=height,
        )
        for size, (width, height) in PICTURE_SIZES.items()
    )
    return (caption, *pictures)


DRAWING_FIELDS = (*_frame_fields("start", True), *_frame_fields("end", True))
POSITION_DRAWING_FIELDS = _frame_fields("start", True)
