"""Textual's App with what backcoach changes in it: a crash goes to a report file (Textual's own
report, with every local variable, is no help to the person exercising), and notices are plain text."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.notifications import SeverityLevel

from backcoach.core.kit.text import shown


class PlainApp(App[None]):
    crash_report: Path | None = None  # where the traceback went; exit_status says so after the screen

    def _handle_exception(self, error: Exception) -> None:
        if self.crash_report is None:
            from backcoach.tui.crash import write_crash_report

            self.crash_report = write_crash_report(error)
        super()._handle_exception(error)

    def _print_error_renderables(self) -> None:
        if self.crash_report is None:
            super()._print_error_renderables()
        else:
            self._exit_renderables.clear()  # one line, said by exit_status, says where the report is

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notices carry text from files (paths, values, names): never read as markup, and no control
        character reaches the terminal."""
        super().notify(shown(message), title=shown(title), severity=severity, timeout=timeout, markup=markup)
