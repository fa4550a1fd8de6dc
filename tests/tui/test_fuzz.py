"""A few thousand random keys, alone and in bursts, across every screen: nothing may crash.

Seeded, so a failure can be replayed: the assertion message names the seed and the keys that led to it.
"""

from __future__ import annotations

import os
import random

import pytest

from backcoach.core.kit.clock import ManualClock
from backcoach.tui.screens.session import SessionScreen
from tests.tui.conftest import MakeApp, key_event

pytestmark = pytest.mark.slow  # a long property run

KEYS: list[str] = [
    *"0123456789", *"qynxeshjkimfaz", "space", "enter", "escape", "tab", "shift+tab", "backspace",
    "delete", "up", "down", "left", "right", "pageup", "pagedown", "home", "end", "question_mark",
    "ctrl+p", "ctrl+s", "ctrl+c", "ctrl+q", "minus", "full_stop",
]  # fmt: skip
KEYS_PER_SEED = int(os.environ.get("BACKCOACH_FUZZ_KEYS", "400"))  # more for a longer hunt
SEEDS = (1,)
QUITTING = {"q", "ctrl+q", "ctrl+c"}  # each quit starts a new app: rarer, so the keys reach deep screens


def pick(chance: random.Random) -> str:
    key = chance.choice(KEYS)
    return chance.choice(KEYS) if key in QUITTING and chance.random() < 0.7 else key


@pytest.mark.parametrize("seed", SEEDS)
async def test_random_keys_never_crash_the_app(make_app: MakeApp, seed: int) -> None:
    chance = random.Random(seed)
    sent: list[str] = []
    first_run = True
    while len(sent) < KEYS_PER_SEED:
        # The first run starts at the safety screen; quitting starts a new app on the same files.
        app = make_app(None if first_run else "[safety]\nacknowledged = true\n")
        first_run = False
        clock = app.clock
        assert isinstance(clock, ManualClock)
        try:
            async with app.run_test(size=chance.choice([(100, 30), (40, 12), (200, 60)])) as pilot:
                while app.is_running and len(sent) < KEYS_PER_SEED:
                    burst = [pick(chance) for _ in range(chance.choice([2, 4, 8, 16, 32]))]
                    sent += burst
                    for key in burst:
                        app.post_message(key_event(key))
                    clock.advance(chance.choice([0, 0, 0.5, 3, 30]))
                    for screen in app.screen_stack:  # the session notices the time, as its timer would
                        if isinstance(screen, SessionScreen):
                            screen.poll()
                    await pilot.pause()
        except Exception as error:
            raise AssertionError(f"seed {seed} crashed after the keys {sent[-40:]}") from error
        assert app.crash_report is None and app.return_code in (0, None), f"seed {seed}: {sent[-40:]}"
