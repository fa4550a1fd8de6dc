"""Saving edits the user's file in place: what lands on disk, byte for byte."""

from __future__ import annotations

import difflib
import os
import stat
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backcoach.core.kit import safe_files
from backcoach.core.settings.edit import NEW_FILE_HEADER
from backcoach.core.settings.model import RULES, Rule, Settings, load_settings
from backcoach.core.settings.save import Conflict, save_settings
from tests.core.samples import changed, valid_setting

KNOWN = {"pelvic-tilt", "bridge", "crunch", "knee-to-chest"}

HAND_WRITTEN = """\
# Settings from my physio, March.

[timing]
get_ready_seconds = 8     # I am slow to get down to the floor
rest_seconds=10

[exercises.bridge]
reps = 6                  # Sam said six
note = "from Sam"

[exercises.wall-slide]    # my own exercise; its file has a mistake today
reps = 8

[plugins.metronome]
bpm = 60

[display]
theme = "nord"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def changed_lines(before: str, after: str) -> list[tuple[str, list[str], list[str]]]:
    old, new = before.split("\n"), after.split("\n")
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    return [(tag, old[i1:i2], new[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def test_changing_one_value_changes_only_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_WRITTEN)
    loaded = load_settings(path, KNOWN)
    assert any("[exercises.wall-slide] names no exercise" in problem for problem in loaded.problems)
    result = save_settings(loaded, replace(loaded.settings, rest_seconds=12))
    assert result.saved and result.notices == ()
    assert changed_lines(HAND_WRITTEN, path.read_text()) == [
        ("replace", ["rest_seconds=10"], ["rest_seconds=12"])
    ]


def test_a_dose_change_keeps_the_dose_of_an_exercise_the_app_does_not_know(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_WRITTEN)
    loaded = load_settings(path, KNOWN)
    save_settings(loaded, loaded.settings.with_dose("bridge", None, 7))
    assert changed_lines(HAND_WRITTEN, path.read_text()) == [
        (
            "replace",
            ["reps = 6                  # Sam said six"],
            ["reps = 7                  # Sam said six"],
        )
    ]
    save_settings(loaded, loaded.settings.with_dose("bridge", None, None))
    saved = tomllib.loads(path.read_text())
    assert saved["exercises"] == {"bridge": {"note": "from Sam"}, "wall-slide": {"reps": 8}}


def test_a_new_key_is_added_under_its_table_and_nothing_else_moves(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_WRITTEN)
    loaded = load_settings(path, KNOWN)
    save_settings(loaded, replace(loaded.settings, hold_seconds=15, stop_at=5).with_dose("crunch", 9, None))
    expected = HAND_WRITTEN.replace("rest_seconds=10\n", "rest_seconds=10\nhold_seconds = 15\n")
    expected = expected.replace("reps = 8\n\n", "reps = 8\n\n[exercises.crunch]\nhold_seconds = 9\n")
    assert path.read_text() == expected + "\n[pain]\nstop_at = 5\n"


def test_going_back_to_a_default_keeps_a_line_the_user_wrote_and_drops_one_the_app_added(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, HAND_WRITTEN)
    loaded = load_settings(path, KNOWN)
    save_settings(loaded, replace(loaded.settings, get_ready_seconds=5, sound="off"))
    expected = HAND_WRITTEN.replace("get_ready_seconds = 8 ", "get_ready_seconds = 5 ")
    assert path.read_text() == expected + '\n[cues]\nsound = "off"\n'
    save_settings(loaded, replace(loaded.settings, get_ready_seconds=8, sound="tones"))
    assert path.read_text() == HAND_WRITTEN  # the [cues] table this run added goes again


def test_a_new_file_has_a_header_and_only_what_differs_from_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    loaded = load_settings(path, KNOWN)
    save_settings(loaded, replace(Settings(), safety_acknowledged=True, rest_seconds=5, stop_at=6))
    header = "".join(f"# {line}\n" for line in NEW_FILE_HEADER)
    assert path.read_text() == header + "\n[safety]\nacknowledged = true\n"
    assert load_settings(path, KNOWN).settings == replace(Settings(), safety_acknowledged=True)


def test_saving_unchanged_settings_leaves_the_file_untouched(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_WRITTEN)
    os.utime(path, (1_000_000, 1_000_000))
    loaded = load_settings(path, KNOWN)
    assert save_settings(loaded, loaded.settings).saved
    assert path.stat().st_mtime == 1_000_000


def test_inline_tables_and_dotted_keys_are_edited_where_they_are(tmp_path: Path) -> None:
    text = "timing.rest_seconds = 3\npain = { stop_at = 5 }\n[exercises]\nbridge = { reps = 2 }\n"
    path = write(tmp_path, text)
    loaded = load_settings(path, KNOWN)
    new = replace(loaded.settings, rest_seconds=4, stop_at=7).with_dose("bridge", 30, 2)
    save_settings(loaded, new)
    assert load_settings(path, KNOWN).settings == new
    lines = path.read_text().splitlines()
    assert lines[0] == "timing.rest_seconds = 4" and "stop_at = 7" in lines[1] and len(lines) == 4


# Hand edits made while the app is open


def test_a_hand_edit_made_while_the_app_is_open_is_kept(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_WRITTEN)
    loaded = load_settings(path, KNOWN)
    edited = HAND_WRITTEN.replace("[display]", "[pain]\nstop_at = 4   # after the flare-up\n\n[display]")
    path.write_text(edited)
    result = save_settings(loaded, replace(loaded.settings, rest_seconds=12))
    assert result.saved
    assert result.notices == (
        f"{path} was edited outside backcoach after it was loaded ([pain] stop_at): those edits are kept,"
        " and only what you changed here was saved",
    )
    assert changed_lines(edited, path.read_text()) == [("replace", ["rest_seconds=10"], ["rest_seconds=12"])]
    assert loaded.settings.stop_at == 4 and loaded.settings.rest_seconds == 12  # the app uses both


def test_the_same_key_changed_in_both_places_asks_which_to_keep(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_WRITTEN)
    loaded = load_settings(path, KNOWN)
    edited = HAND_WRITTEN.replace("rest_seconds=10", "rest_seconds=20")
    path.write_text(edited)
    mine = replace(loaded.settings, rest_seconds=12, sound="off")
    result = save_settings(loaded, mine)
    assert not result.saved and result.conflicts == (Conflict(("timing", "rest_seconds"), 20, 12),)
    assert str(result.conflicts[0]) == "[timing] rest_seconds: the file says 20, backcoach has 12"
    assert path.read_text() == edited  # nothing written until it is settled

    result = save_settings(loaded, mine, keep="file")
    assert result.saved and "for [timing] rest_seconds the file's value was kept" in result.notices[0]
    saved = tomllib.loads(path.read_text())
    assert saved["timing"]["rest_seconds"] == 20 and saved["cues"] == {"sound": "off"}
    assert loaded.settings.rest_seconds == 20

    path.write_text(edited.replace("rest_seconds=20", "rest_seconds=30"))
    result = save_settings(loaded, replace(loaded.settings, rest_seconds=12), keep="mine")
    assert "for [timing] rest_seconds yours replaced the file's" in result.notices[0]
    assert tomllib.loads(path.read_text())["timing"]["rest_seconds"] == 12


# The file itself: links, permissions, leftovers, broken files


def test_a_symlinked_settings_file_is_written_at_its_target_with_its_mode(tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    target = dotfiles / "backcoach.toml"
    target.write_text(HAND_WRITTEN)
    target.chmod(0o640)
    link = tmp_path / "settings.toml"
    link.symlink_to(target)
    loaded = load_settings(link, KNOWN)
    save_settings(loaded, replace(loaded.settings, rest_seconds=12))
    assert link.is_symlink() and link.resolve() == target
    assert "rest_seconds=12" in target.read_text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(path.name for path in dotfiles.iterdir()) == ["backcoach.toml"]


def test_a_read_only_file_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_WRITTEN)
    path.chmod(0o444)
    loaded = load_settings(path, KNOWN)
    with pytest.raises(PermissionError, match="read-only; make it writable to save from backcoach"):
        save_settings(loaded, replace(loaded.settings, rest_seconds=12))
    assert path.read_text() == HAND_WRITTEN


def test_temporary_files_left_by_a_crash_are_cleared_at_the_next_save(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_WRITTEN)
    old = tmp_path / ".settings.toml.x1y2.tmp"  # an old name with no process id: cleared by age
    old.write_text("half a save")
    os.utime(old, (1_000_000, 1_000_000))
    dead = tmp_path / f".settings.toml.{2**22 + 7}-abcd.tmp"  # its writer is gone
    dead.write_text("half a save")
    running = tmp_path / f".settings.toml.{os.getppid()}-abcd.tmp"  # its writer may still finish
    running.write_text("a save in progress")
    unrelated = tmp_path / ".other.toml.1-x.tmp"
    unrelated.write_text("not ours")
    loaded = load_settings(path, KNOWN)
    save_settings(loaded, replace(loaded.settings, rest_seconds=12))
    assert sorted(path.name for path in tmp_path.glob(".*.tmp")) == sorted([running.name, unrelated.name])


def test_an_existing_broken_copy_is_never_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class FixedClock:
        @staticmethod
        def now() -> FixedClock:
            return FixedClock()

        def strftime(self, _format: str) -> str:
            return "20250101-120000"

    monkeypatch.setattr(safe_files, "datetime", FixedClock)
    earlier = tmp_path / "settings.toml.broken-20250101-120000"
    earlier.write_bytes(b"an earlier broken file")
    path = write(tmp_path, "[timing\n")
    loaded = load_settings(path, KNOWN)
    notices = save_settings(loaded, replace(loaded.settings, safety_acknowledged=True)).notices
    assert earlier.read_bytes() == b"an earlier broken file"
    aside = tmp_path / "settings.toml.broken-20250101-120000-2"
    assert aside.read_bytes() == b"[timing\n"
    assert notices == (f"Your unreadable settings file was kept as {aside}",)


def test_two_instances_on_one_broken_file_both_save_and_the_original_survives(tmp_path: Path) -> None:
    original = b"# my notes\n[timing]\nrest_seconds = = 4\n"
    path = tmp_path / "settings.toml"
    path.write_bytes(original)
    first, second = load_settings(path, KNOWN), load_settings(path, KNOWN)
    assert first.broken and second.broken
    save_settings(first, replace(first.settings, safety_acknowledged=True))
    result = save_settings(second, replace(second.settings, stop_at=4))
    (aside,) = tmp_path.glob("settings.toml.broken-*")  # the second found a good file: nothing to move
    assert aside.read_bytes() == original
    assert "was edited outside backcoach" in result.notices[0]
    saved = tomllib.loads(path.read_text())
    assert saved["safety"] == {"acknowledged": True} and saved["pain"] == {"stop_at": 4}


def test_two_processes_saving_over_one_broken_file_never_lose_it(tmp_path: Path) -> None:
    original = b"[timing]\nrest_seconds = = 4\n"
    for round_number in range(40):
        folder = tmp_path / str(round_number)
        folder.mkdir()
        path = folder / "settings.toml"
        path.write_bytes(original)
        children = []
        for value in (1, 2):
            child = os.fork()
            if child == 0:
                try:
                    loaded = load_settings(path, KNOWN)
                    save_settings(loaded, replace(loaded.settings, rest_seconds=value), keep="mine")
                finally:
                    os._exit(0)
            children.append(child)
        for child in children:
            os.waitpid(child, 0)
        asides = [aside.read_bytes() for aside in folder.glob("settings.toml.broken-*")]
        assert original in asides and set(asides) == {original}
        assert tomllib.loads(path.read_text())["timing"]["rest_seconds"] in (1, 2)


# Any one setting changed in any hand-written file: every other line stays as it was


comments = st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), max_size=15).map(
    lambda text: "# " + text
)
spacing = st.sampled_from([" = ", "=", "  =  "])


@st.composite
def hand_written_files(draw: st.DrawFn) -> str:
    """A valid settings file as a person might write it: any sections in any order, some keys, comments
    on their own lines and after values, blank lines, unknown keys and tables."""
    lines: list[str] = []
    sections = draw(
        st.permutations(sorted({rule.section for rule in RULES} | {"plugins", "exercises.bridge"}))
    )
    for section in sections[: draw(st.integers(0, len(sections)))]:
        if draw(st.booleans()):
            lines.append(draw(comments))
        lines.append(f"[{section}]" + (" " + draw(comments) if draw(st.booleans()) else ""))
        rules = [rule for rule in RULES if rule.section == section]
        if section == "exercises.bridge":
            rules = [rule for rule in RULES if rule.key in ("hold_seconds", "reps")]
        for rule in draw(st.permutations(rules))[: draw(st.integers(0, len(rules)))]:
            line = f"{rule.key}{draw(spacing)}{_toml(draw(valid_setting(rule)))}"
            lines.append(line + ("   " + draw(comments) if draw(st.booleans()) else ""))
        if draw(st.booleans()):
            lines.append(f"mystery_{section.replace('.', '_')} = [1, 2]  # kept")
        if draw(st.booleans()):
            lines.append("")
    return "\n".join(lines) + ("\n" if draw(st.booleans()) else "")


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return f'"{value}"' if isinstance(value, str) else str(value)


@pytest.mark.slow  # a long property run
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hand_written_files(), st.sampled_from(RULES), st.data())
def test_changing_any_one_setting_leaves_every_other_line_identical(
    tmp_path: Path, text: str, rule: Rule, data: st.DataObject
) -> None:
    path = write(tmp_path, text)
    loaded = load_settings(path, KNOWN)
    assert loaded.problems == []
    value = data.draw(valid_setting(rule).filter(lambda value: value != getattr(loaded.settings, rule.attr)))
    result = save_settings(loaded, replace(loaded.settings, **changed(rule, value)))
    assert result.saved
    after = path.read_text()
    assert load_settings(path, KNOWN).settings == loaded.settings
    changes = changed_lines(text, after)
    assert len(changes) <= 1, changes
    if changes:
        ((tag, old, new),) = changes
        key_line = [line for line in new if line.startswith(rule.key)]
        written = tomllib.loads(key_line[0].split("#")[0])[rule.key]
        assert len(key_line) == 1 and (tuple(written) if isinstance(written, list) else written) == value
        if tag == "replace":  # the key was there: only its own line changed
            assert len(old) == len(new) == 1 and old[0].startswith(rule.key)
        else:  # a new key (and maybe its table, after a blank line): nothing else added
            assert tag == "insert" and set(new) - {key_line[0], f"[{rule.section}]", ""} == set()
    else:  # back to the default on a key the file did not have: nothing to write
        assert value == getattr(Settings(), rule.attr)
    for temporary in tmp_path.glob(".*.tmp"):
        temporary.unlink()
    path.unlink()
