"""The parts of `backcoach serve` that need no browser: the token, the QR code, the command each
connection runs, what it prints, and the flags."""

from __future__ import annotations

import io
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backcoach import cli
from backcoach.serve.qr import qr_lines
from backcoach.serve.run import app_command, run_serve, say_where
from backcoach.serve.token import new_token, token_matches


@given(st.text())
def test_only_the_token_itself_matches(guess: str) -> None:
    token = new_token()
    assert token_matches(token, token)
    assert token_matches(guess, token) == (guess == token)
    assert not token_matches(None, token)


def test_tokens_are_long_and_new_each_time() -> None:
    tokens = {new_token() for _ in range(100)}
    assert len(tokens) == 100 and all(len(token) >= 22 for token in tokens)


@pytest.mark.parametrize("colour", [True, False])
def test_the_qr_code_is_a_square_of_half_blocks(colour: bool) -> None:
    lines = qr_lines("http://192.168.1.20:8000/?token=" + "x" * 22, colour)
    bare = [line.removeprefix("\x1b[30;47m").removesuffix("\x1b[0m") for line in lines]
    assert len({len(line) for line in bare}) == 1  # every line as wide as the rest
    width = len(bare[0])
    assert width in range(2 * len(bare) - 1, 2 * len(bare) + 1)  # two rows of modules to a line
    assert set("".join(bare)) <= set("█▀▄ ")
    assert all(line != bare_line for line, bare_line in zip(lines, bare, strict=True)) == colour


def test_each_connection_runs_the_app_itself_on_the_same_settings(tmp_path: Path) -> None:
    settings = tmp_path / "my settings" / "settings.toml"
    command = app_command(settings)
    assert command.startswith("exec ")  # the signal of a closed tab reaches the app, not a shell
    assert f"--config '{settings}'" in command


def test_on_this_computer_it_prints_the_address_and_no_code() -> None:
    out = io.StringIO()
    say_where(out, "http://127.0.0.1:8000", None)
    assert "http://127.0.0.1:8000" in out.getvalue() and "█" not in out.getvalue()


def test_on_the_lan_it_prints_the_link_once_and_its_code() -> None:
    out = io.StringIO()
    say_where(out, "http://192.168.1.20:8000", "secret-token")
    said = out.getvalue()
    assert said.count("http://192.168.1.20:8000/?token=secret-token") == 1
    assert "\x1b" not in said  # not a terminal: no colour
    assert "scan this code" in said and "share it with no one" in said


def test_with_no_network_the_lan_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = run_serve(tmp_path / "settings.toml", 8000, True, None, io.StringIO(), find_address=lambda: None)
    assert status == 1
    assert "no network address found" in capsys.readouterr().err


def test_a_port_in_use_is_one_line_and_a_suggestion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert run_serve(tmp_path / "settings.toml", port, False, None, io.StringIO()) == 1
    error = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1 port {port}" in error and f"--port {port + 1}" in error


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["serve", "--port", "0"], "'0' is not a port number from 1 to 65535"),
        (["serve", "--port", "70000"], "'70000' is not a port number"),
        (["serve", "--port", "\uff18\uff10"], "not a port number"),
        (["serve", "--host", "0.0.0.0"], "--host needs --lan"),
    ],
)
def test_bad_serve_flags_are_one_line(
    arguments: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as ended:
        cli.main(arguments)
    assert ended.value.code == 2
    error = capsys.readouterr().err
    assert said in error and error.count("\n") == 1


def test_under_textual_serve_the_app_draws_and_is_not_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver")
    assert not cli.not_a_terminal()  # its stdout is a pipe to the server, but a browser draws it


def test_the_app_never_loads_the_browser_server() -> None:
    """The app preloads what a session needs in a thread; aiohttp and textual-serve are not that."""
    check = (
        "import sys; from backcoach.tui.preload import preload; preload();"
        " print(sorted(name for name in ('aiohttp', 'textual_serve', 'segno', 'backcoach.serve.server') if name in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"
