"""Backups (online, daily, rotated), the check at opening, restoring, one writer per file,
and network shares — on real files, with real second processes."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cli import main
from db.assignments import assign
from db.backups import (
    backup_database,
    backup_dir_for,
    check_database,
    daily_backup,
    list_backups,
    prune_backups,
)
from db.connection import journal_mode
from db.departments import require_department
from db.settings import set_setting
from db.storage import filesystem_type, is_network_path
from db.store import DamagedDatabase, open_store, restore_into
from db.tasks import list_tasks
from db.writer_lock import DatabaseLocked, WriterLock, lock_path_for, read_holder
from tests.reliability.restores import DAMAGES, content, garble_pages, run_restores

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    from cli.demo import prepare_demo

    return prepare_demo(tmp_path / "office.sqlite3")


def _tasks_led(path: Path) -> int:
    return (
        sqlite3.connect(path)
        .execute("SELECT count(*) FROM assignments WHERE role = 'lead'")
        .fetchone()[0]
    )


# -- backups -------------------------------------------------------------------------------


def test_a_backup_is_a_consistent_snapshot_while_another_connection_writes(demo: Path) -> None:
    with open_store(demo, "command line", daily=False) as store:
        writer = sqlite3.connect(demo)
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE tasks SET text = 'half-done edit' WHERE id = 1")
        made = backup_database(store.db, backup_dir_for(demo), reason="by-hand")
        writer.rollback()
        writer.close()
    assert check_database(made) == []
    texts = [r[0] for r in sqlite3.connect(made).execute("SELECT text FROM tasks")]
    assert "half-done edit" not in texts and len(texts) == 152
    # A backup is one self-contained file: no WAL beside it.
    assert sqlite3.connect(made).execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_what_an_interrupted_backup_left_is_swept_by_the_next(demo: Path) -> None:
    folder = backup_dir_for(demo)
    folder.mkdir()
    left = [folder / ".office-20261128-090000-000001-daily.sqlite3.partial",
            folder / ".office-20261128-090000-000001-daily.sqlite3.partial-journal"]  # fmt: skip
    fresh = folder / ".office-20261129-090000-000001-daily.sqlite3.partial"
    for path in [*left, fresh]:
        path.write_bytes(b"half a backup")
    for path in left:
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    with open_store(demo, "command line") as store:
        assert store.daily_backup is not None
    assert not any(p.exists() for p in left)
    assert fresh.exists()  # young: it may belong to a backup still being written


def test_one_backup_on_the_first_open_of_a_day_and_the_last_n_are_kept(demo: Path) -> None:
    with open_store(demo, "command line") as store:
        assert store.daily_backup is not None
    with open_store(demo, "command line") as store:
        assert store.daily_backup is None  # one a day
    db = sqlite3.connect(demo)
    db.close()
    with open_store(demo, "command line", daily=False) as store:
        set_setting(store.db, "backups.keep", 3)
        for day in range(1, 6):
            made = daily_backup(store.db, demo, keep=3, now=dt.datetime(2030, 1, day, 9))
            assert made is not None
    kept = list_backups(demo)
    assert len(kept) == 3 and all(b.reason == "daily" for b in kept)
    assert [b.made_at.day for b in kept] == [5, 4, 3]  # the last made, newest first
    assert prune_backups(demo, 0) and len(list_backups(demo)) == 1  # one always stays


def test_the_keep_setting_drives_the_rotation(demo: Path, tmp_path: Path) -> None:
    backups = tmp_path / "elsewhere"
    with open_store(demo, "command line", daily=False, backups_dir=backups) as store:
        set_setting(store.db, "backups.keep", 2)
        for _ in range(4):
            backup_database(store.db, backups, reason="by-hand")
    with open_store(demo, "command line", backups_dir=backups) as store:
        assert store.daily_backup is not None
    assert [b.reason for b in list_backups(demo, backups)] == ["daily", "by-hand"]


# -- damage and restore --------------------------------------------------------------------


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_file_is_refused_untouched_and_the_newest_good_backup_named(
    demo: Path, damage: str
) -> None:
    import random

    with open_store(demo, "command line") as store:
        good = backup_database(store.db, backup_dir_for(demo), reason="by-hand")
    DAMAGES[damage](demo, random.Random(3))
    before = demo.read_bytes()
    with pytest.raises(DamagedDatabase) as caught:
        open_store(demo, "command line")
    assert caught.value.backup is not None and caught.value.backup.path == good
    assert "damaged" in str(caught.value) and good.name in str(caught.value)
    assert demo.read_bytes() == before  # not opened for writing
    assert not lock_path_for(demo).exists() or read_holder(demo) is None


def test_restore_puts_the_backup_back_keeps_the_file_and_logs_it(demo: Path) -> None:
    with open_store(demo, "command line") as store:
        good = backup_database(store.db, backup_dir_for(demo), reason="by-hand")
        dept = require_department(store.db, "办公室")
        assign(store.db, [t.id for t in list_tasks(store.db)[:30]], lead=dept.id)
    assert _tasks_led(demo) == 30
    restored = restore_into(demo, good, "command line")
    assert _tasks_led(demo) == 0 and content(demo) == content(good)
    kept = restored.previous_kept_as
    assert kept is not None and kept.name.endswith("before-restore.sqlite3")
    assert _tasks_led(kept) == 30  # the restore can itself be taken back
    with open_store(demo, "command line") as store:
        row = store.db.execute(
            "SELECT source, new_value, summary FROM audit_log WHERE action = 'database.restore'"
        ).fetchone()
    assert row[0] == "cli" and row[1] == good.name and kept.name in row[2]


def test_a_damaged_backup_is_not_restored(demo: Path) -> None:
    import random

    with open_store(demo, "command line") as store:
        bad = backup_database(store.db, backup_dir_for(demo), reason="by-hand")
    garble_pages(bad, random.Random(1))
    before = demo.read_bytes()
    with pytest.raises(Exception, match="damaged too"):
        restore_into(demo, bad, "command line")
    assert demo.read_bytes() == before


def test_restore_rounds_over_every_kind_of_damage(tmp_path: Path) -> None:
    result = run_restores(tmp_path, rounds=len(DAMAGES) + 1)
    assert result.failures == [] and result.restored == result.tried == len(DAMAGES) + 1


def test_backup_restore_and_check_from_the_command_line(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(demo)
    assert main(["--db", db, "backup"]) == 0
    assert main(["--db", db, "assign", "--all", "--lead", "办公室"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "backups", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [b["reason"] for b in listed][:2] in (["daily", "by-hand"], ["by-hand", "daily"])
    DAMAGES["garbled pages"](demo, __import__("random").Random(2))
    code = main(["--db", db, "tasks"])
    err = capsys.readouterr().err
    assert code == 2 and "damaged" in err and "restore --newest" in err
    assert main(["--db", db, "check"]) == 2
    capsys.readouterr()
    assert main(["--db", db, "restore", "--newest"]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "damaged" in out  # the damaged file is kept, and said where
    assert main(["--db", db, "check"]) == 0
    assert "sound" in capsys.readouterr().out
    assert main(["--db", db, "tasks", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 152


# -- one writer ----------------------------------------------------------------------------


HOLD = """
import sys, time
from db.writer_lock import WriterLock
lock = WriterLock.acquire(sys.argv[1], "window")
print("held", flush=True)
time.sleep(60)
"""


def _holder_process(path: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_program_is_told_who_holds_the_file(demo: Path) -> None:
    first = WriterLock.acquire(demo, "window")
    try:
        with pytest.raises(DatabaseLocked) as caught:
            WriterLock.acquire(demo, "command line")
        holder = caught.value.holder
        assert holder is not None and holder.pid == os.getpid() and holder.program == "window"
        assert holder.host in str(caught.value) and str(os.getpid()) in str(caught.value)
    finally:
        first.release()
    WriterLock.acquire(demo, "command line").release()  # free again
    assert read_holder(demo) is None


def test_a_lock_left_by_a_killed_process_is_recovered(demo: Path) -> None:
    proc = _holder_process(demo)
    with pytest.raises(DatabaseLocked):
        WriterLock.acquire(demo, "command line")
    proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no chance to release
    proc.wait()
    assert read_holder(demo).pid == proc.pid  # the dead holder is still named in the file
    with open_store(demo, "command line") as store:
        assert store.recovered is not None and store.recovered.pid == proc.pid
        assert not store.read_only


def test_while_another_program_edits_writes_are_refused_and_reads_work(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    proc = _holder_process(demo)
    try:
        before = demo.read_bytes()
        code = main(["--db", str(demo), "assign", "--all", "--lead", "办公室"])
        err = capsys.readouterr().err
        assert code == 3 and f"process {proc.pid}" in err and "window" in err
        assert main(["--db", str(demo), "tasks", "--json"]) == 0
        captured = capsys.readouterr()
        assert len(json.loads(captured.out)) == 152 and "read-only" in captured.err
        assert demo.read_bytes() == before
    finally:
        proc.kill()
        proc.wait()


# -- network shares ------------------------------------------------------------------------


MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
//fileserver/office /mnt/office cifs rw,vers=3.0 0 0
server:/export /mnt/nfs nfs4 rw 0 0
/dev/sdb1 /mnt/office/local ext4 rw 0 0
"""


def test_network_file_systems_are_recognised() -> None:
    assert filesystem_type("/mnt/office/督办.sqlite3", MOUNTS) == "cifs"
    assert filesystem_type("/mnt/office/local/x.sqlite3", MOUNTS) == "ext4"  # longest mount
    assert is_network_path("/mnt/nfs/a/b.sqlite3", MOUNTS)
    assert not is_network_path("/home/clerk/duban.sqlite3", MOUNTS)
    assert not is_network_path("/mnt/officex/duban.sqlite3", MOUNTS)  # not inside /mnt/office
    assert is_network_path(r"\\fileserver\office\duban.sqlite3", MOUNTS)


def test_a_database_on_a_share_uses_the_rollback_journal_and_warns(demo: Path) -> None:
    with open_store(demo, "command line", network=True) as store:
        assert journal_mode(store.db) == "delete"
        assert store.warnings and "network share" in store.warnings[0]
        assert not Path(f"{demo}-wal").exists()
    with open_store(demo, "command line", network=False) as store:
        assert journal_mode(store.db) == "wal" and not store.warnings
