"""Signals from outside: a closed terminal (SIGHUP), a polite kill (SIGTERM) and kill -TSTP.

The history is what matters: these only call back into the app, which records the session first."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable
from types import FrameType

from backcoach.core.kit.clock import Clock

SHUTDOWN_GRACE_SECONDS = 3.0
ENDING = (signal.SIGTERM, signal.SIGHUP)


def on_ending_signals(loop: asyncio.AbstractEventLoop, handler: Callable[[int], None]) -> None:
    """handler(number) runs on the loop, while nothing else does, when SIGTERM or SIGHUP arrives."""
    for number in ENDING:
        loop.add_signal_handler(number, handler, number)


def forget_ending_signals(loop: asyncio.AbstractEventLoop) -> None:
    for number in ENDING:
        loop.remove_signal_handler(number)


def leave(number: int, exit_app: Callable[[int], None]) -> None:
    """After the history is safe: a polite kill restores the terminal on the way out; a closed terminal
    cannot be written to (Textual's writer would wait for it for ever), so the process ends there and then."""
    if number == signal.SIGHUP:
        os._exit(128 + number)
    exit_app(128 + number)
    # Should the terminal stop taking output while the screen is restored, do not hang on it.
    watchdog = threading.Timer(SHUTDOWN_GRACE_SECONDS, os._exit, (128 + number,))
    watchdog.daemon = True
    watchdog.start()


def watch_for_suspension(
    clock: Clock, loop: asyncio.AbstractEventLoop, continued: Callable[[float], None]
) -> None:
    """kill -TSTP stops the process with the clock still running: note the moment it stopped, and when
    it is continued, call continued(moment) on the loop (a session pauses at that moment). The terminal
    driver's own handlers (which restore the screen) still run."""
    stop_handler, continue_handler = signal.getsignal(signal.SIGTSTP), signal.getsignal(signal.SIGCONT)
    if not (callable(stop_handler) and callable(continue_handler)):
        return  # headless: nothing can suspend it
    stopped: list[float] = []

    def on_stop(number: int, frame: FrameType | None) -> None:
        stopped[:] = [clock.now()]
        stop_handler(number, frame)

    def on_continue(number: int, frame: FrameType | None) -> None:
        # Only a continue after a stop restarts the screen: tmux sends SIGCONT with the SIGHUP of
        # a closed window, and restarting a running driver leaves two writers on one terminal.
        if stopped:
            continue_handler(number, frame)
            loop.call_soon_threadsafe(continued, stopped.pop())

    signal.signal(signal.SIGTSTP, on_stop)
    signal.signal(signal.SIGCONT, on_continue)
