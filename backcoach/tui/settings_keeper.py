"""Settings as the app uses them: saved, merged with edits made to the file by hand, each exercise's
dose change recorded, and told to the open screens. Screens receive it in their constructor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.signal import Signal

from backcoach.core.domain.exercise import Catalog
from backcoach.core.settings.answered import not_saved
from backcoach.core.settings.model import Loaded, Settings

if TYPE_CHECKING:
    from backcoach.core.history.writes import HistoryLog
    from backcoach.core.settings.save import Keep

# Shows the conflicts and calls back with the choice ("mine" or "file"; None for escape).
AskWhichToKeep = Callable[[list[str], Callable[["Keep | None"], None]], None]


class SettingsKeeper:
    def __init__(
        self,
        app: App[Any],
        loaded: Loaded,
        catalog: Callable[[], Catalog],
        history: Callable[[], HistoryLog],
        now: Callable[[], datetime],
        history_problem: Callable[[str | None], None],
        ask_which_to_keep: AskWhichToKeep,
    ) -> None:
        self.app = app
        self.loaded = loaded
        self.catalog = catalog
        self.history = history
        self.now = now
        self.history_problem = history_problem
        self.ask_which_to_keep = ask_which_to_keep
        # Published after settings are saved: open screens (a session, home) take the new values.
        self.changed: Signal[Settings] = Signal(app, "settings-changed")
        self.last_save_failed = False  # the settings in use are not the file's: leaving must ask

    @property
    def settings(self) -> Settings:
        return self.loaded.settings

    @property
    def path(self) -> Path:
        return self.loaded.path

    def save(self, settings: Settings, keep: Keep | None = None) -> bool:
        """Save; when a key was also changed by hand in the file, ask which to keep and save again."""
        from backcoach.core.settings.save import save_settings

        try:
            result = save_settings(self.loaded, settings, keep)
        except OSError as error:
            self.last_save_failed = True
            self.loaded.settings = settings  # keep using it for this run
            self.app.notify(f"Could not save {self.loaded.path}: {error.strerror or error}", severity="error")
            return False
        self.last_save_failed = False
        if result.conflicts:

            def answered(choice: Keep | None) -> None:
                self.apply(settings, choice or "file")

            self.ask_which_to_keep([str(conflict) for conflict in result.conflicts], answered)
        for notice in result.notices:
            self.app.notify(notice, timeout=15)
        return True

    def keep_answer(self, settings: Settings, what: str) -> None:
        """An answer given in passing (the safety screen, a theme from the palette), saved like a change
        in settings; but a file that does not parse is never replaced by one: the answer holds until
        quitting, and the notice says why it was not saved."""
        if not self.loaded.broken:
            self.apply(settings)
            return
        self.loaded.settings = settings
        self.use_theme()
        self.changed.publish(settings)
        self.app.notify(not_saved(what, self.path), severity="warning", timeout=15)

    def apply(self, settings: Settings, keep: Keep | None = None, note: str = "changed in settings") -> bool:
        """Save, then use the settings as saved at once (hand edits merged in by the save included):
        open screens hear of them on `changed`; a session takes them from its next exercise.
        note: how an exercise's own dose changed, for the history (the report lists each change)."""
        before = self.settings
        saved = self.save(settings, keep)
        self.use_theme()
        if saved:
            self.record_dose_changes(before, self.settings, note)
        self.changed.publish(self.settings)
        return saved

    def record_dose_changes(self, before: Settings, after: Settings, note: str) -> None:
        from backcoach.core.progress.dose_changes import changed_exercises, record_dose_changes

        if changed_exercises(self.catalog(), before, after):  # the history is not opened for nothing
            problem = record_dose_changes(self.history(), self.catalog(), before, after, note, self.now())
            self.history_problem(problem)

    def use_theme(self) -> None:
        if self.settings.theme in self.app.available_themes:
            self.app.theme = self.settings.theme
