"""The built wheel carries config/: install it into a fresh venv and list the catalog from another folder."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow  # builds and installs a wheel
def test_installed_wheel_lists_the_catalog_from_another_folder(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    pip = [sys.executable, "-m", "pip"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", wheels, REPO],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("backcoach-*.whl")

    fresh = tmp_path / "fresh"
    venv.create(fresh, with_pip=False)
    python = fresh / "bin" / "python"
    subprocess.run(
        [*pip, "--python", python, "install", "--no-deps", "-q", wheel], check=True, capture_output=True
    )
    # textual and friends come from the test environment, appended after the venv's own packages;
    # a plain path entry does not run that environment's .pth files, so the editable checkout stays out.
    site_packages = Path(
        subprocess.run(
            [python, "-c", "import site; print(site.getsitepackages()[0])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (site_packages / "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run(
        [python, "-c", "import backcoach; print(backcoach.__file__)"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(site_packages))
    listing = subprocess.run(
        [fresh / "bin" / "backcoach", "exercises"], cwd=elsewhere, capture_output=True, text=True, check=True
    )
    lines = listing.stdout.splitlines()
    assert any(line.startswith("pelvic-tilt ") for line in lines)
    assert len(lines) >= 18
    assert (site_packages / "backcoach" / "config" / "routines.toml").is_file()
    assert (site_packages / "backcoach" / "schemas" / "exercises.schema.json").is_file()
    assert sorted(path.name for path in (site_packages / "backcoach" / "tui").rglob("*.tcss")) == [
        "app.tcss", "history.tcss", "psfs.tcss", "rating.tcss", "session.tcss", "settings.tcss", "summary.tcss",
    ]  # fmt: skip
    assert sorted(path.name for path in (site_packages / "backcoach" / "serve" / "page").iterdir()) == [
        "app_index.html", "in_use.html",
    ]  # fmt: skip
