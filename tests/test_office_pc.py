"""The faults of a real office PC, through the command line as a clerk runs it: a clock set
back (a flat CMOS battery) or ahead, two databases whose names share a stem, a file of
another program offered as a backup, a symbolic or hard link to the database, a disk too
full for the day's backup."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from cli.demo import prepare_demo
from db.backups import list_backups
from tests.unprivileged import Child, run_main

BEHIND = -6200  # 2009: a PC whose CMOS battery ran flat
AHEAD = 30000  # 2108


def _leads(db: Path) -> dict[str, str | None]:
    done = run_main("--db", str(db), "tasks", "--json")
    assert done.returncode == 0, done.stderr
    return {t["code"]: t["lead"] for t in json.loads(done.stdout)}


def _ok(done: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert done.returncode == 0, done.stderr
    return done


def _backups(db: Path) -> list[dict]:
    return json.loads(_ok(run_main("--db", str(db), "backups", "--json")).stdout)


# -- the clock -------------------------------------------------------------------------------


def test_with_the_clock_set_back_new_backups_are_kept_and_restored_as_the_newest(
    tmp_path: Path,
) -> None:
    db = prepare_demo(tmp_path / "office.sqlite3")
    for _ in range(10):  # a full rotation of backups made while the clock was right
        _ok(run_main("--db", str(db), "backup"))
    # The battery runs flat: 2009. The first command of that "day" makes its daily backup.
    done = _ok(
        run_main("--db", str(db), "assign", "--item", "1", "--lead", "办公室", clock_days=BEHIND)
    )
    assert "clock looks wrong" in done.stderr
    newest = _backups(db)[0]
    assert newest["reason"] == "daily" and newest["made_at"].startswith("2009")
    assert Path(newest["file"]).is_file()  # not deleted the moment it was made
    # Work goes on under the wrong clock; the newest backup is the newest content.
    _ok(run_main("--db", str(db), "backup", clock_days=BEHIND))
    expected = _leads(db)
    _ok(run_main("--db", str(db), "assign", "--item", "2", "--lead", "办公室", clock_days=BEHIND))
    _ok(run_main("--db", str(db), "restore", "--newest", clock_days=BEHIND))
    assert _leads(db) == expected


def test_backups_made_with_the_clock_ahead_are_not_taken_for_the_newest(tmp_path: Path) -> None:
    db = prepare_demo(tmp_path / "office.sqlite3")
    _ok(run_main("--db", str(db), "assign", "--item", "1", "--lead", "办公室", clock_days=AHEAD))
    _ok(run_main("--db", str(db), "backup", clock_days=AHEAD))  # named 2108
    _ok(run_main("--db", str(db), "assign", "--item", "2", "--lead", "基础教育处"))  # clock right
    done = _ok(run_main("--db", str(db), "backup"))
    assert "clock looks wrong" in done.stderr  # a backup from 2108 is in the folder
    expected = _leads(db)
    _ok(run_main("--db", str(db), "assign", "--item", "3", "--lead", "办公室"))
    _ok(run_main("--db", str(db), "restore", "--newest"))
    assert _leads(db) == expected  # the content of the last backup, not the 2108 one


# -- backups belong to one database ----------------------------------------------------------


def test_a_sqlite3_and_a_db_share_a_folder_but_never_their_backups(tmp_path: Path) -> None:
    mine = prepare_demo(tmp_path / "a.sqlite3")
    other = prepare_demo(tmp_path / "a.db")
    _ok(run_main("--db", str(other), "assign", "--all", "--lead", "办公室"))
    _ok(run_main("--db", str(mine), "backup"))
    expected = _leads(mine)
    other_backup = Path(_ok(run_main("--db", str(other), "backup")).stdout.strip())
    # A backup of a.db named the first way (``a-<time>-…``) could be anyone's by its name.
    old_style = other_backup.with_name("a-20990101-000000-000000-by-hand.sqlite3")
    shutil.copyfile(other_backup, old_style)
    assert {Path(b["file"]).name for b in _backups(mine)}.isdisjoint(
        {other_backup.name, old_style.name}
    )
    _ok(run_main("--db", str(mine), "assign", "--item", "1", "--lead", "基础教育处"))
    _ok(run_main("--db", str(mine), "restore", "--newest"))
    assert _leads(mine) == expected
    before = mine.read_bytes()
    refused = run_main("--db", str(mine), "restore", str(other_backup))
    assert refused.returncode == 2 and "another database" in refused.stderr
    assert other_backup.name in refused.stderr and mine.read_bytes() == before


def test_restore_of_another_programs_sqlite_file_exits_2_and_changes_nothing(
    tmp_path: Path,
) -> None:
    db = prepare_demo(tmp_path / "office.sqlite3")
    foreign = tmp_path / "wechat-backup.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE messages (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO messages (body) VALUES ('hello')")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    refused = run_main("--db", str(db), "restore", str(foreign))
    assert refused.returncode == 2, refused.stderr
    assert foreign.name in refused.stderr and "not a backup of a Duban database" in refused.stderr
    assert "has not been changed" not in refused.stderr or "is as it was" in refused.stderr
    assert db.read_bytes() == before and list_backups(db) == []  # not even a copy was made
    assert json.loads(_ok(run_main("--db", str(db), "plans", "--json")).stdout)[0]["id"] == 1


# -- one file, one lock, whatever its names --------------------------------------------------

HOLD = """
import sys
from db.store import open_store
store = open_store(sys.argv[1], "window", allow_read_only=True, daily=False)
print("held", flush=True)
sys.stdin.readline()
store.close()
"""


@pytest.fixture
def window(tmp_path: Path):
    """A window holding ``office.sqlite3`` (another process)."""
    db = prepare_demo(tmp_path / "office.sqlite3")
    with Child(HOLD, str(db), ready="held"):
        yield db


def test_through_a_symbolic_link_a_second_writer_is_kept_out(window: Path) -> None:
    link = window.with_name("shortcut.sqlite3")
    link.symlink_to(window)
    refused = run_main("--db", str(link), "assign", "--all", "--lead", "办公室")
    assert refused.returncode == 3 and "window" in refused.stderr
    done = _ok(run_main("--db", str(link), "tasks", "--json"))  # reading works, read-only
    assert len(json.loads(done.stdout)) == 152 and "read-only" in done.stderr


def test_a_database_with_a_second_name_is_not_opened_by_either(window: Path) -> None:
    other_name = window.with_name("copy-by-hardlink.sqlite3")
    os.link(window, other_name)
    for name in (other_name, window):
        refused = run_main("--db", str(name), "assign", "--all", "--lead", "办公室")
        assert refused.returncode == 2 and "hard link" in refused.stderr, refused.stderr
        refused = run_main("--db", str(name), "tasks", "--json")
        assert refused.returncode == 2 and "names" in refused.stderr
    other_name.unlink()
    _ok(run_main("--db", str(window), "tasks", "--json"))


# -- a disk too full for the day's backup ----------------------------------------------------


def test_a_failed_daily_backup_is_a_warning_not_a_refusal(tmp_path: Path) -> None:
    db = prepare_demo(tmp_path / "office.sqlite3")
    size = db.stat().st_size
    done = run_main("--db", str(db), "plans", "--json", max_file_bytes=size // 2)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["id"] == 1
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "backup" in warnings[0] and str(db) in warnings[0]
    assert list_backups(db) == []
    # With room again, the day's backup is made.
    _ok(run_main("--db", str(db), "plans"))
    assert [b.reason for b in list_backups(db)] == ["daily"]


# -- a copy while the window saves -----------------------------------------------------------

SAVING = """
import sys
from db.progress import add_period, record_progress
from db.store import open_store
store = open_store(sys.argv[1], "window", allow_read_only=True, daily=False)
period = add_period(store.db, 1, "第一季度", "2020-01-01", "2020-03-31")
for task_id in range(1, 41):
    record_progress(store.db, task_id, period.id, status="on_track", progress=f"第{task_id}次保存")
print("saved", flush=True)
sys.stdin.readline()
store.close()
"""


def test_backup_to_copies_every_save_while_the_window_holds_the_file(tmp_path: Path) -> None:
    db = prepare_demo(tmp_path / "office.sqlite3")
    with Child(SAVING, str(db), ready="saved"):
        assert Path(f"{db}-wal").stat().st_size > 0  # the saves are still in the WAL
        target = tmp_path / "usb"
        target.mkdir()
        done = _ok(run_main("--db", str(db), "backup", "--to", str(target)))
        copy = Path(done.stdout.strip())
        assert copy == target / db.name and not Path(f"{copy}-wal").exists()
        conn = sqlite3.connect(copy)
        assert conn.execute("SELECT count(*) FROM progress_entries").fetchone()[0] == 40
        conn.close()
        _ok(run_main("--db", str(copy), "check"))
        refused = run_main("--db", str(db), "backup", "--to", str(db))
        assert refused.returncode == 2 and "database itself" in refused.stderr


# -- what the disk refuses reaches the clerk as a sentence and an exit code ----------------


def test_a_disk_that_refuses_to_grow_a_file_is_exit_4_and_changes_nothing(tmp_path: Path) -> None:
    db = prepare_demo(tmp_path / "office.sqlite3")
    _ok(run_main("--db", str(db), "plans"))  # the day's backup, while there is room
    before = _leads(db)
    done = run_main("--db", str(db), "assign", "--all", "--lead", "办公室", max_file_bytes=16384)
    assert done.returncode == 4, done.stderr
    assert str(db) in done.stderr and "unexpected" not in done.stderr
    assert "disk" in done.stderr and "nothing" in done.stderr
    assert _leads(db) == before


def test_sqlite_and_system_errors_map_to_sentences_and_exit_codes(tmp_path: Path) -> None:
    import errno

    from cli import EXIT_BAD_INPUT, EXIT_CANNOT_WRITE, EXIT_LOCKED, exit_code_for
    from db.errors import store_error_for

    conn = sqlite3.connect(tmp_path / "small.sqlite3")
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.commit()
    conn.execute("PRAGMA max_page_count = 2")  # a disk with room for two pages
    with pytest.raises(sqlite3.OperationalError) as full:
        conn.execute("INSERT INTO t VALUES (?)", ["x" * 100_000])
    conn.close()
    cases = [
        (full.value, "disk_full", EXIT_CANNOT_WRITE),
        (OSError(errno.ENOSPC, "No space left on device", "/out/通报.docx"), "disk_full", 4),
        (OSError(errno.EROFS, "Read-only file system", "/media/cd/x"), "read_only", 4),
        (OSError(errno.EACCES, "Permission denied", "/share/x"), "no_access", 4),
        (OSError(errno.EIO, "Input/output error", "/usb/x"), "io_error", 4),
        (sqlite3.OperationalError("attempt to write a readonly database"), "read_only", 4),
        (sqlite3.OperationalError("database is locked"), "busy", EXIT_LOCKED),
        (sqlite3.DatabaseError("database disk image is malformed"), "damaged", EXIT_BAD_INPUT),
    ]
    for exc, code, exit_code in cases:
        refused = store_error_for(exc, tmp_path / "office.sqlite3")
        assert refused is not None and refused.code == code, exc
        assert exit_code_for(refused) == exit_code
        where = getattr(exc, "filename", None) or str(tmp_path / "office.sqlite3")
        assert str(refused).startswith(f"{where}: ")
    assert store_error_for(ValueError("x"), "y") is None
