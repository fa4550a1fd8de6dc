"""How long a phrase takes to say, and what of it fits the time before the next one is due.

A newer phrase cuts an older one off, so a phrase must end before the next is due: what does not fit
is shortened or dropped, the lowest priority first. Pure: the tests drive it with any rate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

# The time espeak-ng spends on a phrase beyond its letters (its leading and trailing silence), in
# characters: a least-squares fit over the 140 phrases of the shipped catalog (names, setups, cues,
# cautions) spoken with `espeak-ng -w` gave 0.37 s + 0.0514 s per character, and 0.37 / 0.0514 = 7.2.
OVERHEAD_CHARACTERS = 7.2
# The same fit's worst phrase took 1.18 times its estimate: every estimate is stretched to cover it.
MARGIN = 1.2
# Started a little late (the screen's timer, the program's start, a few ms each): a phrase ends this
# much before the next is due.
SLACK_SECONDS = 0.05


class Priority(IntEnum):
    """What is kept when not everything fits: the lower the number, the later it is dropped."""

    COUNT = 0  # "Three", "Two", "One": with the eyes closed, the thing you need
    PHASE = 1  # "Hold.", "Rest.", the exercise's name
    SIDE = 2
    MOVE = 3  # how to get into a new position
    CUE = 4  # the form, start and end cues
    ENDED = 5  # the end cue of a hold already over, said as the rest begins
    SETUP = 6


@dataclass(frozen=True)
class Part:
    """One sentence of a phrase, with shorter ways to say it (longest first)."""

    priority: Priority
    texts: tuple[str, ...]

    @classmethod
    def of(cls, priority: Priority, *texts: str) -> Part:
        return cls(priority, texts)


@dataclass(frozen=True)
class SpeechRate:
    seconds_per_character: float

    def seconds(self, text: str) -> float:
        """How long saying the text takes, at most (the estimate is stretched by MARGIN)."""
        if not text:
            return 0.0
        return MARGIN * self.seconds_per_character * (len(text) + OVERHEAD_CHARACTERS)


def fit(parts: Sequence[Part], seconds: float, rate: SpeechRate) -> tuple[str, ...]:
    """The sentences said, in the parts' order."""
    chosen = choose(parts, seconds, rate)
    return tuple(chosen[index] for index in sorted(chosen))


def choose(parts: Sequence[Part], seconds: float, rate: SpeechRate) -> dict[int, str]:
    """The text kept of each part, by its place: each part, highest priority first (then in order),
    keeps its longest text that still fits with those kept before it; one none of whose fits is left out."""
    chosen: dict[int, str] = {}
    for index in sorted(range(len(parts)), key=lambda number: parts[number].priority):
        for text in parts[index].texts:
            if rate.seconds(joined([*chosen.values(), text])) <= seconds:
                chosen[index] = text
                break
    return chosen


def joined(sentences: Sequence[str]) -> str:
    return " ".join(sentence for sentence in sentences if sentence)
