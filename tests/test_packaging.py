"""The wheel is what users install: it must carry the styles, and the app must find them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("tuinews-*.whl")
    return built


def test_wheel_contains_styles_sample_edition_and_entry_point(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    styles = {Path(name).name for name in names if name.startswith("tuinews/styles/")}
    assert styles == {path.name for path in (ROOT / "styles").glob("*.tcss")}
    assert "tuinews/sample/edition.json" in names
    entry_points = next(name for name in names if name.endswith("entry_points.txt"))
    assert "tuinews = tuinews.cli.main:run" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_wheel_finds_its_own_styles(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from tuinews.app.styles import stylesheets; print(stylesheets()[0])",
        ],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == site / "tuinews" / "styles" / "app.tcss"


def test_source_checkout_finds_the_top_level_styles() -> None:
    from tuinews.app.styles import stylesheets

    assert stylesheets()[0] == ROOT / "styles" / "app.tcss"
