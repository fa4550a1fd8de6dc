"""A key can reach a screen's bindings in the moment after it is pushed and before its widgets exist
(keys sent in one write to a busy app): what the key changed is drawn once they do, by on_mount."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from textual.widget import Widget


class Composed(Widget):
    """Mixed into a screen after its Screen base (Textual takes CSS type names from the first base):
    `composed` is true once every widget is mounted, before on_mount."""

    composed = False

    async def mount_composed_widgets(self, widgets: list[Widget]) -> None:
        await super().mount_composed_widgets(widgets)
        self.composed = True


C = TypeVar("C", bound=Composed)
P = ParamSpec("P")


def when_composed(method: Callable[Concatenate[C, P], None]) -> Callable[Concatenate[C, P], None]:
    """A drawing method that does nothing until the screen's widgets exist."""

    @functools.wraps(method)
    def drawing(screen: C, /, *args: P.args, **kwargs: P.kwargs) -> None:
        if screen.composed:
            method(screen, *args, **kwargs)

    return drawing
