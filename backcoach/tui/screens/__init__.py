"""The screens, each module imported the first time one of its screens is used.

Start-up loads only the home screen, which keeps the first screen close to a bare Textual app's
(the start-up budget in docs/design.md). Everything else is reached as `screens.Name`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from backcoach.tui.screens.dialogs import (
        ConfirmScreen,
        ConflictScreen,
        HelpScreen,
        QuitScreen,
        SkipRestScreen,
    )
    from backcoach.tui.screens.flare import GentleOfferScreen
    from backcoach.tui.screens.history import HistoryScreen
    from backcoach.tui.screens.morning import MorningAfterScreen
    from backcoach.tui.screens.psfs import PsfsScreen
    from backcoach.tui.screens.rating import RatingScreen, VerdictScreen
    from backcoach.tui.screens.review import ReviewScreen
    from backcoach.tui.screens.safety import SafetyScreen
    from backcoach.tui.screens.session import SessionScreen
    from backcoach.tui.screens.settings import SettingsScreen
    from backcoach.tui.screens.summary import SummaryScreen

__all__ = [
    "ConfirmScreen",
    "ConflictScreen",
    "GentleOfferScreen",
    "HelpScreen",
    "HistoryScreen",
    "MorningAfterScreen",
    "PsfsScreen",
    "QuitScreen",
    "RatingScreen",
    "ReviewScreen",
    "SafetyScreen",
    "SessionScreen",
    "SettingsScreen",
    "SkipRestScreen",
    "SummaryScreen",
    "VerdictScreen",
]

MODULE_OF = {
    "ConfirmScreen": "dialogs",
    "ConflictScreen": "dialogs",
    "GentleOfferScreen": "flare",
    "HelpScreen": "dialogs",
    "QuitScreen": "dialogs",
    "HistoryScreen": "history",
    "MorningAfterScreen": "morning",
    "PsfsScreen": "psfs",
    "ReviewScreen": "review",
    "RatingScreen": "rating",
    "VerdictScreen": "rating",
    "SafetyScreen": "safety",
    "SessionScreen": "session",
    "SettingsScreen": "settings",
    "SkipRestScreen": "dialogs",
    "SummaryScreen": "summary",
}


def __getattr__(name: str) -> Any:
    module = MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{module}"), name)
