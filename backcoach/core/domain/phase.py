"""The phases of a session's steps."""

from __future__ import annotations

from enum import Enum


class Phase(Enum):
    GET_READY = "GET READY"
    HOLD = "HOLD"
    REST = "REST"
    SWITCH_SIDE = "SWITCH SIDE"
