"""The faults of a real office PC and of returned files, played as an adversary would, through
the program as a clerk runs it (``main.py`` in a child process without the administrator's
power over permissions — see ``tests/unprivileged.py``).

``run_office_faults(work_dir, rounds, seed)`` plays each scenario ``rounds`` times (a few only
once: they are slow), varying what the seed varies — how far the clock is off, which cell a
dimension bomb claims, which formula a task holds. A run passes when every check of its
scenario holds; ``OfficeResult`` counts them by scenario and keeps the figures the report
quotes (how long a dimension bomb takes to refuse and how much memory, …).

The scenarios: a clock set back (2009) and ahead (2108); a read-only folder and a read-only
file; a file of another program, a newer Duban and another database offered to ``restore``;
``a.sqlite3`` and ``a.db`` in one folder; a symbolic link and a hard link to a database the
window holds; a workbook with one cell at the end of the sheet; formulas as task texts,
deadlines and filled-in progress; copies of the file taken while the window saves (the file
alone after a burst of saves, and ``backup --to`` in the middle of them); a disk too full for
the day's backup; exports and dry runs while the window holds the file, and writers while an
export runs; an export and a carry-over killed halfway; a form exported from content a restore
threw away, and one dated 2099; a form of 8,000 rows written by Duban; department names of
seventy characters and more, with a right-to-left override.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.unprivileged import ROOT, Child, make_read_only, make_writable, run_main

PERIOD = "第一季度"
FORMULA_STARTS = ("=", "+", "-", "@")
FORMULAS = (
    '=HYPERLINK("https://example.com/x","点此")',
    "=1+1",
    "=cmd|' /C calc'!A0",
    "+SUM(A1:A9)",
    "-2+3",
    "@SUM(A1)",
    '=IMPORTXML("https://example.com","//a")',
)


@dataclass
class OfficeResult:
    tried: int = 0
    passed: int = 0
    failures: list[str] = field(default_factory=list)
    by_scenario: dict[str, list[int]] = field(default_factory=dict)  # name: [passed, tried]
    figures: dict[str, float] = field(default_factory=dict)

    def note(self, name: str, value: float) -> None:
        """Keep the worst value of a figure over the rounds."""
        self.figures[name] = round(max(self.figures.get(name, value), value), 2)


class Failed(Exception):
    """A check of a scenario did not hold."""


def _check(condition: object, message: str) -> None:
    if not condition:
        raise Failed(message)


def _ok(done: subprocess.CompletedProcess[str], what: str) -> subprocess.CompletedProcess[str]:
    _check(done.returncode == 0, f"{what}: exit {done.returncode}: {done.stderr.strip()[:300]}")
    return done


def _demo(work: Path, name: str = "office.sqlite3") -> Path:
    from cli.demo import prepare_demo

    work.mkdir(parents=True, exist_ok=True)
    return prepare_demo(work / name)


def _cli(db: Path, *args: str) -> None:
    """A command in this process, for setting a scenario up (its output is not wanted)."""
    from tests.reliability.bad_inputs import run_cli

    code, _out, err = run_cli(["--db", str(db), *args])
    _check(code == 0, f"setting up: {' '.join(args)}: exit {code}: {err.strip()[:200]}")


def _leads(db: Path) -> dict[str, str | None]:
    done = _ok(run_main("--db", str(db), "tasks", "--json"), "tasks --json")
    return {t["code"]: t["lead"] for t in json.loads(done.stdout)}


def _with_period(db: Path) -> Path:
    _cli(db, "periods", "add", PERIOD, "--start", "2020-01-01", "--end", "2020-03-31")
    _cli(db, "assign", "--section", "一", "--lead", "基础教育处")
    return db


# -- the clock -------------------------------------------------------------------------------


def clock_behind(work: Path, rng: random.Random, result: OfficeResult) -> None:
    db = _demo(work)
    for _ in range(10):
        _ok(run_main("--db", str(db), "backup"), "backup")
    days = -rng.randint(3000, 7000)  # a flat CMOS battery: 2007 … 2018
    item = str(rng.randint(1, 5))
    done = _ok(run_main("--db", str(db), "assign", "--item", item, "--lead", "办公室",
                        clock_days=days), "assign, clock behind")  # fmt: skip
    _check("clock looks wrong" in done.stderr, "no warning about the clock")
    listed = json.loads(_ok(run_main("--db", str(db), "backups", "--json"), "backups").stdout)
    newest = listed[0]
    _check(newest["reason"] == "daily" and Path(newest["file"]).is_file(),
           f"the day's backup made under the wrong clock is gone: {newest}")  # fmt: skip
    _ok(run_main("--db", str(db), "backup", clock_days=days), "backup, clock behind")
    expected = _leads(db)
    _ok(run_main("--db", str(db), "assign", "--item", "6", "--lead", "办公室", clock_days=days),
        "assign")  # fmt: skip
    _ok(run_main("--db", str(db), "restore", "--newest", clock_days=days), "restore --newest")
    _check(_leads(db) == expected, "restore --newest did not bring back the newest content")


def clock_ahead(work: Path, rng: random.Random, result: OfficeResult) -> None:
    db = _demo(work)
    days = rng.randint(400, 30000)
    _ok(run_main("--db", str(db), "assign", "--item", "1", "--lead", "办公室", clock_days=days),
        "assign, clock ahead")  # fmt: skip
    _ok(run_main("--db", str(db), "backup", clock_days=days), "backup, clock ahead")
    _ok(run_main("--db", str(db), "assign", "--item", "2", "--lead", "基础教育处"), "assign")
    done = _ok(run_main("--db", str(db), "backup"), "backup")
    _check("clock looks wrong" in done.stderr, "no warning about the clock")
    expected = _leads(db)
    _ok(run_main("--db", str(db), "assign", "--item", "3", "--lead", "办公室"), "assign")
    _ok(run_main("--db", str(db), "restore", "--newest"), "restore --newest")
    _check(_leads(db) == expected, "restore --newest brought back the backup dated ahead")


# -- places that cannot be written -----------------------------------------------------------


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def read_only_folder(work: Path, rng: random.Random, result: OfficeResult) -> None:
    db = _demo(work / "share")
    make_read_only(db.parent)
    try:
        before = _listing(db.parent)
        done = _ok(run_main("--db", str(db), "tasks", "--json"), "tasks --json")
        _check(len(json.loads(done.stdout)) == 152, "not every task listed")
        _check("read-only" in done.stderr and "folder" in done.stderr, "no reason given")
        _ok(run_main("--db", str(db), "check"), "check")
        forms = work / "forms"
        _ok(run_main("--db", str(db), "export", "decomposition", "-o", str(forms / "分解表.docx")),
            "export")  # fmt: skip
        refused = run_main("--db", str(db), "assign", "--all", "--lead", "办公室")
        _check(refused.returncode == 4 and "read-only" in refused.stderr,
               f"a write was not refused with exit 4: {refused.returncode}")  # fmt: skip
        for out in (done.stderr, refused.stderr):
            _check("damaged" not in out and "restore" not in out, "offered a restore")
        _check(_listing(db.parent) == before, "the read-only folder changed")
    finally:
        make_writable(db.parent)


def read_only_file(work: Path, rng: random.Random, result: OfficeResult) -> None:
    db = _demo(work)
    make_read_only(db)
    try:
        before = db.read_bytes()
        done = _ok(run_main("--db", str(db), "plans", "--json"), "plans")
        _check("read-only" in done.stderr and "file" in done.stderr, "no reason given")
        refused = run_main("--db", str(db), "progress", "1-1", "--period", "x", "--status", "滞后")
        _check(refused.returncode == 4, f"a write was not refused with exit 4: {refused.stderr}")
        _check(db.read_bytes() == before, "the read-only file changed")
    finally:
        make_writable(db)


# -- restore and backups ---------------------------------------------------------------------


def foreign_restore(work: Path, rng: random.Random, result: OfficeResult) -> None:
    db = _demo(work / "mine")
    other = _demo(work / "theirs")
    other_backup = Path(_ok(run_main("--db", str(other), "backup"), "backup").stdout.strip())
    foreign = work / "other-program.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    newer = work / "newer.sqlite3"
    shutil.copyfile(other, newer)
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                 " VALUES ('duban', 'm999_from_the_future', '2030-01-01')")  # fmt: skip
    conn.commit()
    conn.close()
    text = work / "notes.sqlite3"
    text.write_text("not a database", encoding="utf-8")
    offered = [foreign, newer, other_backup, text]
    rng.shuffle(offered)
    for file in offered:
        before = db.read_bytes()
        refused = run_main("--db", str(db), "restore", str(file))
        _check(refused.returncode == 2, f"restore {file.name}: exit {refused.returncode}")
        _check(file.name in refused.stderr, f"restore {file.name}: the file is not named")
        _check(db.read_bytes() == before, f"restore {file.name}: the database changed")
    _check(not (db.parent / "office.backups").exists(), "a refused restore still made a backup")
    _ok(run_main("--db", str(db), "plans"), "plans after the refused restores")


def shared_stem(work: Path, rng: random.Random, result: OfficeResult) -> None:
    mine = _demo(work, "a.sqlite3")
    other = _demo(work, "a.db")
    _cli(other, "assign", "--all", "--lead", "办公室")
    first, second = (mine, other) if rng.random() < 0.5 else (other, mine)
    _ok(run_main("--db", str(first), "backup"), "backup")
    _ok(run_main("--db", str(second), "backup"), "backup")
    expected = _leads(mine)
    _cli(mine, "assign", "--item", "1", "--lead", "基础教育处")
    _ok(run_main("--db", str(mine), "restore", "--newest"), "restore --newest")
    _check(_leads(mine) == expected, "a.sqlite3 got another file's backup")


# -- one file, one lock ----------------------------------------------------------------------

HOLD = """
import sys
from db.store import open_store
store = open_store(sys.argv[1], "window", allow_read_only=True, daily=False)
print("held", flush=True)
sys.stdin.readline()
store.close()
"""


def holder(db: Path) -> Child:
    """A window holding ``db``, in a process of its own (``with holder(db): …``)."""
    return Child(HOLD, str(db), ready="held")


def links(work: Path, rng: random.Random, result: OfficeResult) -> None:
    db = _demo(work)
    with holder(db):
        link = db.with_name("shortcut.sqlite3")
        link.symlink_to(db)
        refused = run_main("--db", str(link), "assign", "--all", "--lead", "办公室")
        _check(refused.returncode == 3, f"a second writer got in through a symlink: {refused}")
        _ok(run_main("--db", str(link), "tasks", "--json"), "reading through the symlink")
        second = db.with_name("hard.sqlite3")
        os.link(db, second)
        for name in rng.sample([second, db], 2):
            refused = run_main("--db", str(name), "assign", "--all", "--lead", "办公室")
            _check(refused.returncode == 2 and "hard link" in refused.stderr,
                   f"a file with two names was opened: {refused.returncode}")  # fmt: skip
        second.unlink()
    _check(sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok",
           "the database is damaged")  # fmt: skip


# -- returned files --------------------------------------------------------------------------


def _xlsx_form(db: Path, folder: Path) -> Path:
    _cli(db, "export", "feedback-forms", "--period", PERIOD, "--xlsx", "-o", str(folder))
    return next(folder.glob("*.xlsx"))


def dimension_bomb(work: Path, rng: random.Random, result: OfficeResult) -> None:
    from tests.reliability.bad_inputs import dimension_bomb as make_bomb
    from tests.reliability.bad_inputs import run_cli_in_child

    db = _with_period(_demo(work))
    form = _xlsx_form(db, work / "forms")
    for cell in (
        "XFD1048576",
        "J1048576",
        f"{rng.choice(['AA', 'ZZ', 'XFD'])}{rng.randint(2, 1048576)}",
    ):
        bomb = make_bomb(form, work / f"returned-{cell}.xlsx", cell)
        started = time.perf_counter()
        code, _out, err, peak = run_cli_in_child(
            ["--db", str(db), "readback", str(bomb), "--period", PERIOD], work, timeout=60
        )
        seconds = time.perf_counter() - started
        result.note("bomb_seconds", seconds)
        result.note("bomb_peak_mb", peak or 0)
        result.note("bomb_bytes", bomb.stat().st_size)
        _check(code == 2 and cell in err and bomb.name in err, f"{cell}: exit {code}: {err[:200]}")
        _check(seconds < 10 and peak is not None and peak < 1024,
               f"{cell}: {seconds:.1f} s, {peak} MB")  # fmt: skip


def formula_injection(work: Path, rng: random.Random, result: OfficeResult) -> None:
    from openpyxl import load_workbook

    from db.connection import open_database
    from db.task_edits import update_text
    from exports.readback import read_filled_form
    from tests.form_filling import fill_xlsx

    db = _with_period(_demo(work))
    chosen = [*rng.sample(FORMULAS, 3), rng.choice(FORMULA_STARTS) + "SUM(1,2)"]
    conn = open_database(db)
    ids = [r[0] for r in conn.execute("SELECT id FROM tasks ORDER BY id LIMIT ?", [len(chosen)])]
    for task_id, text in zip(ids, chosen, strict=True):
        update_text(conn, task_id, text)
    conn.close()
    for task_id, text in zip(ids, chosen, strict=True):
        _cli(db, "assign", "--task", str(task_id), "--lead", "基础教育处", f"--deadline={text}")
    form = _xlsx_form(db, work / "forms")
    table = work / "任务分解表.xlsx"
    _cli(db, "export", "decomposition", "-o", str(table))
    for path in (form, table):
        with zipfile.ZipFile(path) as package:
            for name in package.namelist():
                if name.startswith("xl/worksheets/"):
                    text = package.read(name).decode("utf-8")
                    _check("<f>" not in text, f"a formula in {path.name}: {name}")
    sheet = load_workbook(form)["进展情况反馈表"]
    cells = [c for row in sheet.iter_rows() for c in row if c.value in chosen]
    _check(len(cells) == 2 * len(chosen), f"{len(cells)} of {2 * len(chosen)} texts found")
    # The 任务分解表 prints the texts in official punctuation: found by how they start.
    sheet = load_workbook(table)["任务分解表"]
    starts = tuple(FORMULA_STARTS)
    found = [c for row in sheet.iter_rows() for c in row if str(c.value or "").startswith(starts)]
    _check(len(found) == 2 * len(chosen), f"{len(found)} of {2 * len(chosen)} texts in the table")
    cells += found
    _check(all(c.data_type == "s" and c.quotePrefix for c in cells), "a text cell not text")
    typed = rng.choice(FORMULAS)
    fill_xlsx(form, {ids[0]: dict(progress=typed, status="序时推进")})
    back = read_filled_form(form)
    row = next(r for r in back.rows if f"-T{ids[0]}-" in r.key_text)  # type: ignore[union-attr]
    _check(row.progress == typed, f"a typed formula read back as {row.progress!r}")


# -- copies of the open file -----------------------------------------------------------------

SAVER = """
import json, sys
from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from qtapp.commands import ProgressCommand
from qtapp.context import AppContext
from qtapp.prompts import ScriptedPrompts
from qtapp.ui_settings import UiSettings
path, period, bursts, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
settings = UiSettings(QSettings(path + ".ui.ini", QSettings.Format.IniFormat))
ctx = AppContext(path, ScriptedPrompts(), settings)
ctx.jobs.wait()
saved = 0
for burst in range(bursts):
    for _ in range(size):
        saved += 1
        values = dict(status="on_track", progress=f"第{saved}次保存")
        assert ctx.execute(ProgressCommand(ctx, saved, period, values, "progress"))
        print(json.dumps({"saved": saved}), flush=True)
    loop = QEventLoop()
    ctx.checkpointed.connect(loop.quit)
    loop.exec()  # the quiet after the burst: the WAL is copied into the file
    print(json.dumps({"burst": burst + 1, "saved": saved}), flush=True)
    sys.stdin.readline()
ctx.close()
"""


def _entries(path: Path) -> tuple[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        return check, conn.execute("SELECT count(*) FROM progress_entries").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        return str(exc), -1
    finally:
        conn.close()


def copy_while_open(work: Path, rng: random.Random, result: OfficeResult) -> None:
    """The clerk copies the file (Explorer) while the window is open — after the window has
    been quiet a moment, the file alone holds every save — and takes ``backup --to`` copies
    in the middle of saves: each one whole, with every save made before it began."""
    db = _with_period(_demo(work))
    period = sqlite3.connect(db).execute("SELECT id FROM reporting_periods").fetchone()[0]
    bursts, size = 4, rng.randint(10, 30)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    errors = (work / "saver-stderr.txt").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(db), str(period), str(bursts), str(size)],
        cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors,
        text=True,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stdin is not None
    reported: list[int] = [0]
    bursts_done: list[int] = []
    lines: list[dict] = []
    ready = threading.Event()

    def read() -> None:
        for line in proc.stdout:  # type: ignore[union-attr]
            message = json.loads(line)
            lines.append(message)
            reported.append(message["saved"])
            if "burst" in message:
                bursts_done.append(message["saved"])
                ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    copies = torn = 0
    try:
        for burst in range(bursts):
            while not ready.wait(timeout=0.05):  # meanwhile: copies through the backup API
                before = reported[-1]
                target = work / f"usb-{burst}-{copies}.sqlite3"
                done = run_main("--db", str(db), "backup", "--to", str(target))
                _check(done.returncode == 0, f"backup --to during saves: {done.stderr[:200]}")
                check, count = _entries(target)
                copies += 1
                _check(check == "ok" and count >= before,
                       f"backup --to: {check}, {count} of {before} saves")  # fmt: skip
                if proc.poll() is not None:
                    break
            ready.clear()
            plain = work / f"copied-by-hand-{burst}.sqlite3"
            shutil.copyfile(db, plain)  # the file only, no -wal, as Explorer copies it
            check, count = _entries(plain)
            torn += check != "ok"
            _check(check == "ok" and count == bursts_done[-1],
                   f"a copy of the file after burst {burst + 1}: {check}, {count} of "
                   f"{bursts_done[-1]} saves")  # fmt: skip
            proc.stdin.write("\n")
            proc.stdin.flush()
    except IndexError:
        raise Failed(
            "the window stopped before a burst ended: "
            + (work / "saver-stderr.txt").read_text(encoding="utf-8")[-500:]
        ) from None
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)
        reader.join(timeout=10)
        errors.close()
    result.note("backup_to_copies", result.figures.get("backup_to_copies", 0) + copies)
    result.note(
        "plain_copies_after_burst", result.figures.get("plain_copies_after_burst", 0) + bursts
    )


# -- the disk, the window, the writers -------------------------------------------------------


def failed_backup(work: Path, rng: random.Random, result: OfficeResult) -> None:
    db = _demo(work)
    limit = rng.randint(64 * 1024, db.stat().st_size // 2)  # room for small files, not a copy
    for command in (["plans", "--json"], ["tasks", "--json"], ["backups"]):
        done = run_main("--db", str(db), *command, max_file_bytes=limit)
        _check(
            done.returncode == 0,
            f"{command[0]} refused (exit {done.returncode}, file limit {limit}): {done.stderr[:200]}",
        )
        warnings = [x for x in done.stderr.splitlines() if x.startswith("warning:")]
        _check(command[0] == "backups" or len(warnings) == 1, f"{command[0]}: warnings {warnings}")


def window_holds_file(work: Path, rng: random.Random, result: OfficeResult) -> None:
    db = _with_period(_demo(work))
    with holder(db):
        forms = work / "forms"
        xlsx = rng.random() < 0.5
        args = ["export", "feedback-forms", "--period", PERIOD, "-o", str(forms)]
        _ok(run_main("--db", str(db), *args, *(["--xlsx"] if xlsx else [])), "export forms")
        _ok(run_main("--db", str(db), "readback", str(forms), "--period", PERIOD, "--dry-run"),
            "readback --dry-run")  # fmt: skip
        _ok(run_main("--db", str(db), "backup", "--to", str(work / "copy.sqlite3")), "backup --to")


READER = """
import sys
from cli.output import open_db
with open_db(sys.argv[1], write=False) as db:
    db.execute("SELECT count(*) FROM tasks").fetchone()
    print("reading", flush=True)
    sys.stdin.readline()
"""


def writer_while_export(work: Path, rng: random.Random, result: OfficeResult) -> None:
    db = _with_period(_demo(work))
    with Child(READER, str(db), ready="reading"):
        task = f"1-{rng.randint(1, 5)}"
        _ok(run_main("--db", str(db), "progress", task, "--period", PERIOD, "--status", "滞后"),
            "a write while a reading command runs")  # fmt: skip


KILLED_EXPORT = """
import sys
from pathlib import Path
from exports.files import write_folder

def stop(done, total):
    if done == int(sys.argv[2]):
        print("staged", flush=True)
        sys.stdin.readline()

files = [(f"{n:02d}-处室-进展情况反馈表.docx", lambda: b"x" * 4096) for n in range(1, 6)]
write_folder(Path(sys.argv[1]), files, stop)
"""


def killed_export(work: Path, rng: random.Random, result: OfficeResult) -> None:
    db = _with_period(_demo(work))
    folder = work / "forms"
    Child(KILLED_EXPORT, str(folder), str(rng.randint(1, 4)), ready="staged").kill()
    left = [p.name for p in folder.iterdir() if p.name.startswith(".")]
    result.note("killed_export_leftovers", len(left))
    _cli(db, "export", "feedback-forms", "--period", PERIOD, "-o", str(folder))
    still = [p.name for p in folder.iterdir() if p.name.startswith(".")]
    _check(still == [], f"left behind after the next export: {still}")


KILLED_CARRY = """
import sys
from db.carry_over import carry_into_next_year
from db.connection import connect
db = connect(sys.argv[1])
count = 0
def pause():
    global count
    count += 1
    if count == int(sys.argv[2]):
        print("carrying", flush=True)
        sys.stdin.readline()
db.conn.create_function("pause", 0, pause)
carry_into_next_year(db, 1)
"""


def killed_carry_over(work: Path, rng: random.Random, result: OfficeResult) -> None:
    db = _demo(work)
    conn = sqlite3.connect(db)
    conn.execute("CREATE TRIGGER pause_carry AFTER INSERT ON tasks WHEN NEW.origin = 'carried'"
                 " BEGIN SELECT pause(); END")  # fmt: skip
    conn.commit()
    conn.close()
    Child(KILLED_CARRY, str(db), str(rng.randint(1, 150)), ready="carrying").kill()
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER pause_carry")
    conn.commit()
    plans = conn.execute("SELECT count(*) FROM plans").fetchone()[0]
    conn.close()
    _check(plans == 1, f"{plans - 1} half plan(s) left by a killed carry-over")


# -- forms and the history of the database ---------------------------------------------------


def _fill_docx_forms(folder: Path, text: str) -> None:
    from docx import Document

    from tests.form_filling import docx_rows, fill_docx

    for form in folder.glob("*.docx"):
        ids = [task_id for task_id, _cells, _key in docx_rows(Document(str(form)))]
        fill_docx(form, {t: dict(progress=text, status="序时推进") for t in ids})


def restored_form(work: Path, rng: random.Random, result: OfficeResult) -> None:
    db = _with_period(_demo(work))
    backup = Path(_ok(run_main("--db", str(db), "backup"), "backup").stdout.strip())
    _cli(db, "assign", "--item", str(rng.randint(2, 5)), "--lead", "办公室")  # a change
    late = work / "late"
    _cli(db, "export", "feedback-forms", "--period", PERIOD, "-o", str(late))
    _fill_docx_forms(late, "备份之后导出的表")
    _ok(run_main("--db", str(db), "restore", str(backup)), "restore")
    done = run_main("--db", str(db), "readback", str(late), "--period", PERIOD, "--json")
    found = json.loads(done.stdout or "{}")
    _check(done.returncode == 2 and found.get("written") == 0,
           f"a form from discarded content was taken: {done.stdout[:300]}")  # fmt: skip


def forged_date(work: Path, rng: random.Random, result: OfficeResult) -> None:
    import datetime as dt

    from docx import Document

    from tests.form_filling import docx_rows, fill_docx

    db = _with_period(_demo(work))
    folder = work / "forms"
    _cli(db, "export", "feedback-forms", "--period", PERIOD, "-o", str(folder))
    form = next(folder.glob("*.docx"))
    first = next(docx_rows(Document(str(form))))[0]
    _cli(db, "progress", str(first), "--period", PERIOD, "--status", "已完成",
         "--progress", "电话核实")  # fmt: skip
    year = rng.randint(2030, 2099)
    fill_docx(form, {first: dict(progress="旧表", status="滞后")}, dt.datetime(year, 1, 1))
    _ok(run_main("--db", str(db), "readback", str(form), "--period", PERIOD), "readback")
    conn = sqlite3.connect(db)
    kept = conn.execute("SELECT progress FROM progress_entries WHERE task_id = ?", [first])
    _check(kept.fetchone()[0] == "电话核实", f"a form dated {year} overwrote a later correction")
    conn.close()


def big_form(work: Path, rng: random.Random, result: OfficeResult) -> None:
    """A form of 8,000 rows, as Duban writes it, reads back — in little memory."""
    from bench.synthetic import write_plan
    from tests.reliability.bad_inputs import run_cli_in_child

    db = work / "big.sqlite3"
    _cli(db, "departments", "add", "基础教育处")
    _cli(db, "import", str(write_plan(work / "plan.txt", 8000, seed=rng.randint(1, 10**6))))
    _cli(db, "periods", "add", PERIOD, "--start", "2020-01-01", "--end", "2020-03-31")
    _cli(db, "assign", "--all", "--lead", "基础教育处")
    for kind in ("docx", "xlsx"):
        folder = work / kind
        extra = ["--xlsx"] if kind == "xlsx" else []
        _cli(db, "export", "feedback-forms", "--period", PERIOD, *extra, "-o", str(folder))
        (form,) = folder.iterdir()
        started = time.perf_counter()
        code, out, err, peak = run_cli_in_child(
            ["--db", str(db), "readback", str(form), "--period", PERIOD, "--dry-run", "--json"],
            work,
        )
        result.note(f"big_form_{kind}_seconds", time.perf_counter() - started)
        result.note(f"big_form_{kind}_peak_mb", peak or 0)
        result.note(f"big_form_{kind}_mb", form.stat().st_size / 2**20)
        _check(code == 0, f"a {kind} form of 8,000 rows: exit {code}: {err[:200]}")
        rows = json.loads(out)["rows"]
        _check(len(rows) == 8000, f"a {kind} form of 8,000 rows read {len(rows)} rows")


def long_names(work: Path, rng: random.Random, result: OfficeResult) -> None:
    db = _with_period(_demo(work))
    words = "基础教育学前特殊职业成人高等教育研究发展协调推进督导评估保障"
    names = [
        "".join(rng.choice(words) for _ in range(rng.randint(69, 140))) + "处" for _ in range(2)
    ]
    names.append("财务处\u202e" + "fdp.exe"[:: rng.choice([1, -1])])
    names.append(names[0][:-1] + "二处")  # the same first 60 characters as another
    for number, name in enumerate(names, start=2):
        _cli(db, "departments", "add", name)
        _cli(db, "assign", "--item", str(number), "--lead", name, "--deadline", "3月底前")
    for kind, extra in (("feedback-forms", []), ("feedback-forms", ["--xlsx"]), ("reminders", [])):
        out = work / f"{kind}{len(extra)}"
        done = _ok(run_main("--db", str(db), "export", kind, "--period", PERIOD, *extra,
                            "-o", str(out), "--json"), f"export {kind}")  # fmt: skip
        written = [Path(p).name for p in json.loads(done.stdout)]
        _check(len(set(written)) == len(written) >= 4, f"{kind}: {written}")
        for name in written:
            _check(len(name.encode("utf-8")) <= 180, f"{kind}: a name of {len(name)} characters")
            _check(not any(0x202A <= ord(c) <= 0x202E for c in name), f"{kind}: bidi in {name}")


SCENARIOS: dict[str, Callable[[Path, random.Random, OfficeResult], None]] = {
    "clock behind": clock_behind,
    "clock ahead": clock_ahead,
    "read-only folder": read_only_folder,
    "read-only file": read_only_file,
    "foreign restore": foreign_restore,
    "a.sqlite3 and a.db": shared_stem,
    "symlink and hard link": links,
    "dimension bomb": dimension_bomb,
    "formula injection": formula_injection,
    "copy while open": copy_while_open,
    "daily backup on a full disk": failed_backup,
    "reading while the window holds the file": window_holds_file,
    "writing while an export reads": writer_while_export,
    "export killed halfway": killed_export,
    "carry-over killed halfway": killed_carry_over,
    "form from discarded content": restored_form,
    "form dated in the future": forged_date,
    "form of 8,000 rows": big_form,
    "long department names": long_names,
}
SLOW = {"copy while open", "form of 8,000 rows"}  # played once whatever ``rounds`` says


def run_office_faults(
    work_dir: Path, rounds: int = 3, seed: int = 0, names: list[str] | None = None
) -> OfficeResult:
    """Play every scenario (or ``names``) ``rounds`` times in ``work_dir``."""
    rng = random.Random(seed)
    result = OfficeResult()
    for name in names or list(SCENARIOS):
        for number in range(1 if name in SLOW else rounds):
            work = Path(work_dir) / name.replace(" ", "-") / f"round-{number:02d}"
            work.mkdir(parents=True, exist_ok=True)
            tally = result.by_scenario.setdefault(name, [0, 0])
            tally[1] += 1
            result.tried += 1
            try:
                SCENARIOS[name](work, random.Random(rng.random()), result)
            except Failed as failure:
                result.failures.append(f"{name} (round {number + 1}): {failure}")
            except Exception as error:  # a scenario that breaks is reported, the rest go on
                result.failures.append(
                    f"{name} (round {number + 1}): {type(error).__name__}: {error}"
                )
            else:
                tally[0] += 1
                result.passed += 1
    return result
