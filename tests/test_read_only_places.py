"""A database where it cannot be written — a read-only folder or share, a file marked
read-only — opens read-only and says why; reading commands never write and never block a
writer; a window holding the file does not stop exports and dry runs."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from cli import main
from cli.output import open_db
from db.store import open_store
from db.writer_lock import WriterLock
from tests.unprivileged import make_read_only, make_writable, run_main, run_unprivileged

FIXTURES = Path(__file__).parent / "fixtures" / "schema"
PERIOD = "第一季度"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    from cli.demo import prepare_demo

    return prepare_demo(tmp_path / "office" / "office.sqlite3")


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.fixture
def read_only_folder(demo: Path):
    """The demo database in a folder nobody may write (a read-only share, a CD)."""
    folder = demo.parent
    make_read_only(folder)
    yield demo
    make_writable(folder)


def test_a_sound_file_in_a_read_only_folder_is_read_read_only_with_the_reason(
    read_only_folder: Path,
) -> None:
    db = str(read_only_folder)
    before = _listing(read_only_folder.parent)
    done = run_main("--db", db, "tasks", "--json")
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)) == 152
    assert "read-only" in done.stderr and "folder" in done.stderr
    assert "damaged" not in done.stderr and "restore" not in done.stderr
    checked = run_main("--db", db, "check")
    assert checked.returncode == 0 and "sound" in checked.stdout, checked.stderr
    refused = run_main("--db", db, "assign", "--all", "--lead", "办公室")
    assert refused.returncode == 4, refused.stderr
    assert db in refused.stderr and "read-only" in refused.stderr
    assert "damaged" not in refused.stderr and "restore" not in refused.stderr
    assert _listing(read_only_folder.parent) == before  # not a byte written, no file made


def test_a_file_marked_read_only_is_read_and_never_written(demo: Path) -> None:
    make_read_only(demo)
    try:
        before = demo.read_bytes()
        done = run_main("--db", str(demo), "plans", "--json")
        assert done.returncode == 0, done.stderr
        assert "read-only" in done.stderr and "file" in done.stderr
        refused = run_main("--db", str(demo), "assign", "--all", "--lead", "办公室")
        assert refused.returncode == 4 and "read-only" in refused.stderr
        assert demo.read_bytes() == before
    finally:
        make_writable(demo)


STORE_REASON = """
import sys
from db.store import open_store
store = open_store(sys.argv[1], "window", allow_read_only=True, daily=False)
print(store.read_only, store.read_only_reason, len(store.db.execute("SELECT * FROM tasks").fetchall()))
store.close()
"""


def test_the_store_says_why_it_is_read_only(read_only_folder: Path) -> None:
    done = run_unprivileged([sys.executable, "-c", STORE_REASON, str(read_only_folder)])
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "read_only_folder", "152"]


WINDOW = """
import sys, time
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from qtapp.app import build_window
from qtapp.prompts import ScriptedPrompts
from qtapp.ui_settings import UiSettings
prompts = ScriptedPrompts(True, True, True)  # would say yes to any restore offered
settings = UiSettings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
win = build_window(sys.argv[1], language="en", ui_settings=settings, prompts=prompts)
win.show()
app = QApplication.instance()
deadline = time.monotonic() + 20
while (win.tasks.model.rowCount() < 152 or win.ctx.jobs.running) and time.monotonic() < deadline:
    app.processEvents()  # the tasks load on the worker thread, through a connection of its own
print("ROWS", win.tasks.model.rowCount())
print("BANNER", win.banner.isVisible(), win.banner.text.text().replace("\\n", " "))
print("TITLE", win.windowTitle())
print("ASKED", [kind for kind, *_ in prompts.shown])
print("EDIT", win.ctx.writable(), prompts.shown[-1][2].replace("\\n", " ") if prompts.shown else "")
win.close()
"""


def test_the_window_opens_it_read_only_shows_why_and_offers_no_restore(
    read_only_folder: Path, tmp_path: Path
) -> None:
    done = run_unprivileged(
        [sys.executable, "-c", WINDOW, str(read_only_folder), str(tmp_path / "ui.ini")],
        env={"QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    lines = {line.split(" ", 1)[0]: line for line in done.stdout.splitlines()}
    assert lines["ROWS"] == "ROWS 152", done.stderr  # every task, read without a write
    assert lines["BANNER"].startswith("BANNER True") and "folder" in lines["BANNER"]
    assert str(read_only_folder.parent) in lines["BANNER"]
    assert "只读" in lines["TITLE"] or "read-only" in lines["TITLE"].lower()
    assert lines["ASKED"] == "ASKED []"  # no restore offered, no question, no error at all
    assert lines["EDIT"].startswith("EDIT False") and "folder" in lines["EDIT"]


# -- reading commands never write -----------------------------------------------------------


def _period(db: Path) -> None:
    argv = ["--db", str(db), "periods", "add", PERIOD, "--start", "2020-01-01"]
    assert main([*argv, "--end", "2020-03-31", "--kind", "quarter"]) == 0
    assert main(["--db", str(db), "assign", "--section", "一", "--lead", "基础教育处"]) == 0


def test_exports_and_dry_runs_work_while_a_window_holds_the_file(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _period(demo)
    window = open_store(demo, "window", allow_read_only=True, daily=False)
    try:
        assert not window.read_only
        out = tmp_path / "forms"
        code = main(
            ["--db", str(demo), "export", "feedback-forms", "--period", PERIOD, "-o", str(out)]
        )
        err = capsys.readouterr().err
        assert code == 0, err
        assert main(["--db", str(demo), "readback", str(out), "--period", PERIOD, "--dry-run"]) == 0
        assert "Preview" in capsys.readouterr().out
        xlsx = tmp_path / "xlsx"
        argv = ["--db", str(demo), "export", "feedback-forms", "--period", PERIOD, "--xlsx"]
        assert main([*argv, "-o", str(xlsx)]) == 0
    finally:
        window.close()


def test_an_upgraded_file_has_its_form_secret_before_anything_is_exported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "office.sqlite3"
    shutil.copyfile(FIXTURES / "m001_core_tables.sqlite3", path)
    window = open_store(path, "window", allow_read_only=True, daily=False)  # upgrades it
    try:
        out = tmp_path / "forms"
        argv = ["--db", str(path), "export", "feedback-forms", "--period", "2020年第一季度"]
        code = main([*argv, "-o", str(out)])
        assert code == 0, capsys.readouterr().err
    finally:
        window.close()


def test_a_reading_command_holds_no_lock_so_writers_go_on(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _period(demo)
    with open_db(demo, write=False) as db:  # an export or a listing, still reading
        count = db.execute("SELECT count(*) FROM tasks").fetchone()[0]
        argv = ["--db", str(demo), "progress", "1-1", "--period", PERIOD, "--status", "滞后"]
        code = main(argv)
        assert code == 0, capsys.readouterr().err
        WriterLock.acquire(demo, "window").release()  # free: nobody holds it
        # The reader still reads; it never wrote a thing.
        assert db.execute("SELECT count(*) FROM tasks").fetchone()[0] == count
    capsys.readouterr()
    assert main(["--db", str(demo), "tasks", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert next(r for r in rows if r["code"] == "1-1")["status"] == "behind"
