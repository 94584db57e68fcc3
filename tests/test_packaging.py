"""What the program carries and says about itself, as an installed copy and the bundle
rely on: the version from one source, the sample plan as package data, the icon, the
translation found without writing beside the program, the start-up probe."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from domain.version import pyproject_version, version
from tests.conftest import ROOT

PYPROJECT_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
    "version"
]


def run_python(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Python with ``args``, as a clerk's shell starts it: an empty home, no XDG folders of
    the test run, in ``tmp_path``."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    base = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    return subprocess.run(
        [sys.executable, *args],
        cwd=tmp_path,
        env={**base, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_version_is_pyprojects_and_main_py_prints_it(tmp_path: Path) -> None:
    assert version() == PYPROJECT_VERSION == pyproject_version()
    result = run_python(tmp_path, str(ROOT / "main.py"), "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Duban {PYPROJECT_VERSION}\n"


def test_pyproject_version_ignores_another_projects_file(tmp_path: Path) -> None:
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "other"\nversion = "9.9"\n', encoding="utf-8")
    assert pyproject_version(other) is None
    assert pyproject_version(tmp_path / "missing.toml") is None


def _installed_files(tmp_path: Path) -> Path:
    """What ``pip install .`` puts in site-packages (modules and package data), laid out
    by setuptools from a copy of this checkout's files."""
    source, site = tmp_path / "src", tmp_path / "site"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".*", "build", "dist", "tests", "bench", "docs", "__pycache__", "*.egg-info", "*.qm"
        ),
    )
    result = subprocess.run(
        [sys.executable, "-c", "from setuptools import setup; setup()", "-q", "build_py",
         "--build-lib", str(site)],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def test_an_installed_copy_carries_the_sample_icon_and_translation_and_runs_the_demo(
    tmp_path: Path,
) -> None:
    site = _installed_files(tmp_path)
    for carried in (
        "sample_data/qingdao-2020-education-workplan.txt",
        "sample_data/departments.txt",
        "sample_data/leaders.txt",
        "qtapp/images/duban.svg",
        "qtapp/i18n/duban_zh_CN.ts",
        "domain/version.py",
        "main.py",
    ):
        assert (site / carried).is_file(), carried
    # The installed copy alone (not the checkout) makes the demo database.
    code = (
        f"import sys; sys.path.insert(0, {str(site)!r})\n"
        "import sample_data, cli\n"
        f"assert sample_data.__file__.startswith({str(site)!r}), sample_data.__file__\n"
        "sys.exit(cli.main(['--demo', '--db', sys.argv[1], 'plans', '--json']))\n"
    )
    result = run_python(tmp_path, "-c", code, str(tmp_path / "demo.sqlite3"))
    assert result.returncode == 0, result.stderr
    assert "2020年全市教育工作要點" in result.stdout


@pytest.mark.gui
def test_the_application_has_its_icon_and_desktop_entry_name(qapp) -> None:
    from PySide6.QtGui import QColor

    from qtapp.app import application
    from qtapp.icons import DESKTOP_FILE_NAME

    app = application()
    assert app.desktopFileName() == DESKTOP_FILE_NAME == "duban"
    icon = app.windowIcon()
    assert not icon.isNull()
    for size in (16, 32, 256):
        image = icon.pixmap(size, size).toImage()
        assert image.width() == size
        # The seal's red, drawn from the SVG (the icon engine is there).
        red = QColor(image.pixel(size // 2, size // 10 + 1))
        assert red.red() > 150 and red.green() < 80 and red.blue() < 90, red.name()


def test_the_bundled_program_finds_its_translation_and_never_builds_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qtapp import i18n

    ts = tmp_path / "duban_zh_CN.ts"
    ts.write_bytes(i18n.TS_FILE.read_bytes())
    monkeypatch.setattr(i18n, "I18N_DIR", tmp_path)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert i18n.compiled_translation(ts) is None  # nothing carried: English, and no writing
    assert sorted(p.name for p in tmp_path.iterdir()) == ["duban_zh_CN.ts"]
    monkeypatch.delattr(sys, "frozen")
    built = i18n.build_translation(ts, tmp_path)  # what the build does
    assert built is not None and built.name == i18n.translation_name(ts)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert i18n.compiled_translation(ts) == built


@pytest.mark.gui
def test_the_start_up_probe_reports_a_filled_window(tmp_path: Path) -> None:
    """``python main.py --demo`` as a clerk starts it, with the benchmark's probe on."""
    result = run_python(tmp_path, str(ROOT / "main.py"), "--demo", DUBAN_STARTUP_PROBE="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ready\n"
