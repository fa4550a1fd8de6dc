"""The budget: whatever the phrase and the time, what is said fits, and keeps the higher priorities."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from backcoach.core.announce.budget import (
    MARGIN,
    OVERHEAD_CHARACTERS,
    Part,
    Priority,
    SpeechRate,
    choose,
    fit,
    joined,
)

sentences = st.text(alphabet="abcdefghij ,.:", min_size=1, max_size=120)
parts = st.builds(Part, st.sampled_from(Priority), st.lists(sentences, min_size=1, max_size=3).map(tuple))
rates = st.floats(min_value=0.01, max_value=0.2).map(SpeechRate)
times = st.floats(min_value=0.0, max_value=30.0)


@given(st.lists(parts, max_size=8), times, rates)
def test_what_is_said_fits_and_keeps_the_higher_priorities(
    phrase: list[Part], seconds: float, rate: SpeechRate
) -> None:
    chosen = choose(phrase, seconds, rate)
    said = fit(phrase, seconds, rate)
    assert said == tuple(chosen[index] for index in sorted(chosen))  # in the parts' order
    assert rate.seconds(joined(said)) <= seconds
    for index, part in enumerate(phrase):
        ahead = [
            text
            for number, text in chosen.items()
            if (phrase[number].priority, number) < (part.priority, index)
        ]
        if index in chosen:  # the longest of its texts that fits beside those ahead of it
            longer = part.texts[: part.texts.index(chosen[index])]
            assert all(rate.seconds(joined([*ahead, text])) > seconds for text in longer)
        else:  # left out: none of its texts would fit even beside only those ahead of it
            assert all(rate.seconds(joined([*ahead, text])) > seconds for text in part.texts)


@given(rates)
def test_nothing_fits_no_time_and_everything_fits_all_the_time_it_needs(rate: SpeechRate) -> None:
    phrase = [Part.of(Priority.SETUP, "Lie on your back."), Part.of(Priority.COUNT, "Three.")]
    assert fit(phrase, 0, rate) == ()
    assert fit(phrase, rate.seconds("Lie on your back. Three."), rate) == ("Lie on your back.", "Three.")


def test_the_count_is_kept_before_the_phase_word_and_a_shorter_text_is_taken_when_the_long_one_is_not() -> (
    None
):
    rate = SpeechRate(0.05)
    three = rate.seconds("Three.")
    phrase = [Part.of(Priority.PHASE, "Hold."), Part.of(Priority.COUNT, "Three.")]
    assert fit(phrase, three, rate) == ("Three.",)
    names = [Part.of(Priority.PHASE, "Knee to chest, left side.", "Knee to chest.")]
    assert fit(names, rate.seconds("Knee to chest."), rate) == ("Knee to chest.",)
    assert rate.seconds("abc") == MARGIN * 0.05 * (3 + OVERHEAD_CHARACTERS)
