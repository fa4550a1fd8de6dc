"""backcoach in a real terminal (tmux) against baselines run beside it, as ratios.

Run: .venv/bin/pip install termdown && .venv/bin/python benchmarks/terminal.py [--history] [--start-up]
(--history: start-up with 10 years of daily sessions in the history, so home's week line has real work;
--start-up: only the start-up and memory figures)
Budgets (docs/design.md):
- time to the first usable screen: at most 1.15x a bare Textual app with a Header, one line and a
  Footer, as medians of interleaved runs; the CPU time each used to get there is printed beside it,
  since it is steadier than wall time on a busy machine
- peak memory: at most 1.3x the bare Textual app
- CPU while a hold counts down: no more than termdown counting down in the same terminal
- a phase ends within 50 ms of its deadline (measured in benchmarks/phase_timing.py)
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

RUNS = 21
CPU_SECONDS = 10.0
BIN = Path(sys.executable).parent
BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Header()
        yield Static("bare textual ready")
        yield Footer()

Bare().run()
"""


class Pane:
    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.cpu_at_ready = 0.0
        self.socket = f"bench-{uuid.uuid4().hex[:8]}"
        options = [part for name, value in env.items() for part in ("-e", f"{name}={value}")]
        self.started = time.perf_counter()
        self.tmux("new-session", "-d", "-s", "b", "-x", "100", "-y", "30", *options, *command)

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        ).stdout

    def wait_for(self, text: str, timeout: float = 20) -> float:
        """Seconds from launch until text is on the screen."""
        while time.perf_counter() - self.started < timeout:
            if text in self.tmux("capture-pane", "-p", "-t", "b"):
                self.cpu_at_ready = self.cpu_seconds()
                return time.perf_counter() - self.started
            time.sleep(0.005)
        raise RuntimeError(f"{text!r} never appeared")

    @property
    def pid(self) -> int:
        return int(self.tmux("display", "-p", "-t", "b", "#{pane_pid}").strip())

    def peak_memory_kib(self) -> int:
        status = Path(f"/proc/{self.pid}/status").read_text()
        return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])  # utime + stime
        return ticks / _clock_ticks()

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def _clock_ticks() -> int:
    import os

    return os.sysconf("SC_CLK_TCK")


def backcoach_env(folder: Path, hold: int = 600) -> dict[str, str]:
    settings = folder / "settings.toml"
    settings.write_text(
        f"[timing]\nget_ready_seconds = 1\nhold_seconds = {hold}\n[pain]\ncheck_before = false\n"
        '[cues]\nsound = "off"\n[safety]\nacknowledged = true\n'
    )
    return {
        "BACKCOACH_CONFIG": str(settings),
        "BACKCOACH_DATA_DIR": str(folder / "data"),
        "TERM": "xterm-256color",
    }


@dataclass
class Runs:
    """One program's start-ups: wall time and CPU time to its first screen, and peak memory."""

    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    memory_kib: list[int] = field(default_factory=list)

    def add(self, pane: Pane, ready_text: str) -> None:
        self.seconds.append(pane.wait_for(ready_text))
        self.cpu.append(pane.cpu_at_ready)
        time.sleep(0.3)
        self.memory_kib.append(pane.peak_memory_kib())
        pane.close()


def spread(values: list[float]) -> str:
    """The median with the middle half of the runs around it."""
    low, _, high = statistics.quantiles(values, n=4)
    return f"{statistics.median(values) * 1000:.0f} ms (middle half {low * 1000:.0f}-{high * 1000:.0f})"


def start_up_and_memory(folder: Path) -> tuple[Runs, Runs]:
    bare_script = folder / "bare.py"
    bare_script.write_text(BARE_APP)
    bare, ours = Runs(), Runs()
    for _ in range(RUNS):  # interleaved, so both meet the same machine
        bare.add(
            Pane([str(BIN / "python"), str(bare_script)], {"TERM": "xterm-256color"}), "bare textual ready"
        )
        ours.add(Pane([str(BIN / "backcoach")], backcoach_env(folder)), "Pick a routine")
    return bare, ours


def cpu_during_a_hold(folder: Path) -> tuple[float, float]:
    """CPU seconds used over the same stretch of wall-clock time by each countdown."""
    termdown = BIN / "termdown"
    if not termdown.exists() and shutil.which("termdown") is None:
        raise SystemExit("install termdown first: .venv/bin/pip install termdown")
    theirs = Pane([str(termdown if termdown.exists() else "termdown"), "600"], {"TERM": "xterm-256color"})
    ours = Pane([str(BIN / "backcoach"), "--region", "lower"], backcoach_env(folder))
    ours.wait_for("HOLD")
    time.sleep(1)
    before = (theirs.cpu_seconds(), ours.cpu_seconds())
    time.sleep(CPU_SECONDS)
    after = (theirs.cpu_seconds(), ours.cpu_seconds())
    theirs.close()
    ours.close()
    return after[0] - before[0], after[1] - before[1]


def compile_package() -> None:
    """Bytecode for backcoach, as `pip install` leaves it for Textual and for a user's backcoach. An
    editable install under PYTHONDONTWRITEBYTECODE has none, and would compile every module at each
    start (about 35 ms here), which no user pays."""
    import compileall

    import backcoach

    compileall.compile_dir(str(Path(backcoach.__file__).parent), quiet=1)


def main() -> None:
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is needed")
    compile_package()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if "--history" in sys.argv:
            import runpy

            fill = runpy.run_path(str(Path(__file__).with_name("history_screen.py")))["fill"]
            print(f"history: {fill(folder / 'data' / 'history.sqlite3')} sessions")
        bare, ours = start_up_and_memory(folder)
        print(f"first usable screen, {RUNS} interleaved runs:")
        print(f"  bare Textual (Header, a line, Footer) {spread(bare.seconds)}, CPU {spread(bare.cpu)}")
        print(f"  backcoach {spread(ours.seconds)}, CPU {spread(ours.cpu)}")
        ratios = [mine / theirs for mine, theirs in zip(ours.seconds, bare.seconds, strict=True)]
        print(
            f"  ratio of medians {statistics.median(ours.seconds) / statistics.median(bare.seconds):.2f}x"
            f" (budget 1.15x); run by run {min(ratios):.2f}x-{max(ratios):.2f}x;"
            f" CPU {statistics.median(ours.cpu) / statistics.median(bare.cpu):.2f}x"
        )
        bare_memory, our_memory = statistics.median(bare.memory_kib), statistics.median(ours.memory_kib)
        print(
            f"peak memory: bare Textual {bare_memory / 1024:.1f} MiB, backcoach {our_memory / 1024:.1f} MiB"
        )
        print(f"  ratio {our_memory / bare_memory:.2f}x (budget 1.30x)")
        if "--start-up" in sys.argv:
            return
        quiet = folder / "cpu"  # no history: no weekly check-in before the hold
        quiet.mkdir()
        termdown_cpu, our_cpu = cpu_during_a_hold(quiet)
    print(f"CPU over {CPU_SECONDS:.0f} s of a hold: termdown {termdown_cpu:.2f} s, backcoach {our_cpu:.2f} s")
    print(f"  ratio {our_cpu / max(termdown_cpu, 0.01):.2f}x (budget 1.00x)")


if __name__ == "__main__":
    main()
