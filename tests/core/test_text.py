"""Text on a terminal: plurals, safe characters, and columns that stay in line whatever the name holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backcoach.cli import main
from backcoach.core.kit.text import columns, fit, plural, shown
from tests.core.samples import exercise_entry

# Letters with accents built from combining marks, wide (CJK) characters, and the invisible ones that
# reorder or hide text: each moves the columns after it when counted as one column a character.
TRICKY = ["Cafe\u0301", "寝転び", "a\u202eb", "x\u200by", "\u2066mirror\u2069", "e\u0308\u0301"]


@pytest.mark.parametrize(("count", "said"), [(0, "0 weeks"), (1, "1 week"), (2, "2 weeks")])
def test_plural(count: int, said: str) -> None:
    assert plural(count, "week") == said


@given(st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=30), st.integers(1, 40))
def test_fit_takes_exactly_its_columns(text: str, width: int) -> None:
    fitted = fit(text, width)
    assert columns(fitted) == width
    assert fitted.rstrip(" ") == shown(text).rstrip(" ") or fitted.rstrip(" ").endswith("…")


def test_invisible_characters_are_spelled_out() -> None:
    assert shown("a\u202eb\u200bc\ufeff") == "a\\u202eb\\u200bc\\ufeff"


def test_exercise_lists_keep_their_columns_whatever_the_names_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entries = "".join(exercise_entry(f"tricky-{number}", name) for number, name in enumerate(TRICKY))
    (tmp_path / "exercises.toml").write_text(entries)
    assert main(["--config", str(tmp_path / "settings.toml"), "exercises", "--region", "upper"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    lines = captured.out.splitlines()
    assert sum("tricky" in line for line in lines) == len(TRICKY)
    # The regions column ("upper", alone on these lines) starts at the same column on every one.
    alone = [line for line in lines if "tricky" in line or "chin-tuck" in line]
    assert len({columns(line.split("upper")[0]) for line in alone}) == 1
