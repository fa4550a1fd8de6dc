"""How a session ended. Its own small module: the app needs it from start-up, the session code later."""

from __future__ import annotations

from enum import Enum


class Outcome(Enum):
    """Never left "in progress" once the session's process is gone."""

    COMPLETED = "completed"
    ENDED_EARLY = "ended early"  # the person chose to stop, or quit the app
    INTERRUPTED = "interrupted"  # a signal, a closed terminal, a kill
