"""The program as a clerk starts it on a new PC: a subprocess, an empty home folder, no
--db, no folders prepared, no XDG/APPDATA variables — the window and the commands."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE_PLAN

MAIN = ROOT / "main.py"


def clean_env(home: Path, lang: str = "zh_CN.UTF-8") -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("XDG_") and k not in ("APPDATA", "LOCALAPPDATA", "LC_ALL", "LANGUAGE")
    }
    env.update(HOME=str(home), LANG=lang, QT_QPA_PLATFORM="offscreen", DUBAN_EXIT_WHEN_SHOWN="1")
    env.pop("DUBAN_DEBUG", None)
    return env


def run(home: Path, *args: str, lang: str = "zh_CN.UTF-8") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MAIN), *args],
        env=clean_env(home, lang),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=home,
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def data_folder(home: Path) -> Path:
    return home / ".local" / "share" / "Duban"


def test_the_window_opens_on_a_pc_that_never_ran_duban(home: Path) -> None:
    started = run(home)
    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == "shown: duban.sqlite3 — 督办"
    assert (data_folder(home) / "duban.sqlite3").is_file()
    log = (data_folder(home) / "logs" / "duban.log").read_text(encoding="utf-8")
    assert "window on" in log


def test_every_command_works_on_a_pc_that_never_ran_duban(home: Path) -> None:
    listed = run(home, "plans")
    assert listed.returncode == 0, listed.stderr
    assert (data_folder(home) / "duban.sqlite3").is_file()


def test_the_first_import_and_task_list_on_a_new_pc(home: Path) -> None:
    nothing_yet = run(home, "tasks")
    assert nothing_yet.returncode == 2
    assert "no plan yet" in nothing_yet.stderr and "Traceback" not in nothing_yet.stderr
    imported = run(home, "import", str(SAMPLE_PLAN))
    assert imported.returncode == 0, imported.stderr
    listed = run(home, "tasks", "--json")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.count('"code"') == 152


def test_the_window_reopens_the_file_worked_in_last(home: Path) -> None:
    office = home / "工作" / "office.sqlite3"  # a folder that does not exist yet
    imported = run(home, "--db", str(office), "import", str(SAMPLE_PLAN))
    assert imported.returncode == 0, imported.stderr
    first = run(home, "--db", str(office))
    assert first.returncode == 0, first.stderr
    again = run(home)  # a plain start, the next morning
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == "shown: 2020年全市教育工作要點 — office.sqlite3 — 督办"


def test_a_database_that_cannot_be_opened_is_explained_in_the_clerks_language(
    home: Path,
) -> None:
    default = data_folder(home) / "duban.sqlite3"
    default.parent.mkdir(parents=True)
    other = sqlite3.connect(default)  # another program's database at Duban's place
    other.execute("CREATE TABLE minutes (meeting TEXT)")
    other.commit()
    other.close()
    before = default.read_bytes()
    chinese = run(home, "plans")
    assert chinese.returncode == 2
    assert "这不是督办的数据库" in chinese.stderr and "Errno" not in chinese.stderr
    assert chinese.stderr.startswith("错误：")
    assert "belongs to another program" in chinese.stderr  # the particulars follow, for IT
    english = run(home, "plans", lang="en_US.UTF-8")
    assert english.returncode == 2
    assert english.stderr.startswith("error: ") and "belongs to another program" in english.stderr
    assert "督办" not in english.stderr
    assert default.read_bytes() == before  # untouched
