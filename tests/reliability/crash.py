"""Crash safety: SIGKILL a working Duban process at random moments, then prove that nothing
it reported as saved was lost and nothing was left half-written.

``run_kills(n, work_dir, seed)`` makes a demo database in ``work_dir`` and runs ``n``
rounds on that same file (the state accumulates). Each round starts
``tests.reliability.crash_worker`` (imports, assignments, periods, progress, read-back of
filled forms, every export, all through ``cli.main``), lets it work for a random 0.05–2.5 s
and kills it with SIGKILL. Then, on a copy of the database taken as the kill left it
(file, ``-wal``, ``-shm``, ``-journal``; the original, with the lock file beside it, is left
for the next worker to open):

- ``PRAGMA integrity_check`` is ``ok`` and ``foreign_key_check`` finds nothing; the copy
  opens with ``open_database`` (checks, migrations) like the program's own start;
- every line the worker reported as saved is in the database: imported plans with their
  counts, periods, assignments (lead, cooperating departments, deadline), progress entries
  from the ``progress`` command and from read-back; the operation the kill interrupted is
  either wholly there or not at all (an assignment of a section is all or nothing);
- every plan holds its whole outline (its counts equal a fresh parse of its source file),
  and the plans are exactly those reported (or the one an interrupted import added);
- the audit log only grew: the rows seen after the last round are unchanged;
- every document at a target path opens completely (zip CRCs, python-docx / openpyxl) and
  is byte for byte the reported export, unless the interrupted operation was an export to
  that target (then any complete version is accepted, and becomes the expected one);
- no visible stray file at a target; hidden temporary files (``.name.1a2b3c4d.part`` / ``.run`` /
  ``.staged``) that a kill left are listed in ``leftovers`` and back-dated by an hour, and
  the next export into their folder must remove them. Unfinished backup copies in the
  ``.backups`` folder are listed there too.

The next round's worker opens the database as the kill left it (WAL, the dead process's
writer lock and all): a worker that cannot start or write is a failure. After the last round a worker runs a few
operations to the end without a kill, and those are checked too.

The schedule (each round's delay and worker seed) is fixed by ``seed``; where exactly each
kill lands depends on the machine's speed. Nothing is printed; each worker's output is
kept in ``work_dir/logs``.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.reliability.crash_worker import FILE_TARGETS, FOLDER_TARGETS, OUT, PLAN_FILES

ROOT = Path(__file__).resolve().parents[2]
DB_NAME = "crash.sqlite3"
MIN_DELAY, MAX_DELAY = 0.05, 2.5
FINAL_OPS = 6
STALE_AGE = 3600  # seconds a leftover is back-dated: older than any export's own temp files
TEMP_NAME = re.compile(r"^\..+\.[0-9a-f]{8}\.(part|staged|run)$")
WORKER_TIMEOUT = 120


@dataclass
class CrashResult:
    kills: int  # rounds: each starts a worker to be killed (one that stops early fails)
    survived: int  # rounds the worker was killed in and every check passed
    failures: list[str]  # one line per failed check: "round 17: …"
    rounds: int = 0
    operations: dict[str, int] = field(default_factory=dict)  # reported saved, by kind
    operation_seconds: dict[str, float] = field(default_factory=dict)  # their time, by kind
    interrupted: dict[str, int] = field(default_factory=dict)  # what each kill cut into
    leftovers: list[str] = field(default_factory=list)  # hidden temp files a kill left
    cleaned_leftovers: int = 0  # of those, removed by a later export into their folder
    wal_left: int = 0  # kills that left a non-empty -wal file for the next start
    seconds: float = 0.0  # the whole run
    worker_seconds: float = 0.0  # time the workers ran before being killed
    check_seconds: float = 0.0  # time spent checking

    def summary(self) -> str:
        ops = ", ".join(f"{k} {v}" for k, v in sorted(self.operations.items()))
        cut = ", ".join(f"{k} {v}" for k, v in sorted(self.interrupted.items()))
        return (
            f"{self.survived}/{self.kills} kills survived in {self.seconds:.1f} s "
            f"(workers {self.worker_seconds:.1f} s, checks {self.check_seconds:.1f} s); "
            f"saved operations: {ops}; killed during: {cut}; "
            f"{len(self.leftovers)} hidden temp files left, {self.cleaned_leftovers} cleaned "
            f"by a later export; {self.wal_left} kills left a WAL; "
            f"{len(self.failures)} failures"
        )


Assignment = tuple[str, tuple[str, ...], str]  # lead, cooperating, deadline phrase
Entry = tuple[str, int | None, str]  # status, percent, progress


@dataclass
class Model:
    """What the workers reported as saved (plus interrupted operations found applied)."""

    plans: dict[int, dict[str, Any]] = field(default_factory=dict)  # id → file, counts
    max_plan_id: int = 0
    periods: dict[int, set[str]] = field(default_factory=dict)
    assignments: dict[tuple[int, int], Assignment] = field(default_factory=dict)  # plan, task
    progress: dict[tuple[int, int, str], Entry] = field(default_factory=dict)  # …, period
    files: dict[str, str] = field(default_factory=dict)  # path → sha256
    audit_max: int = 0
    audit_digest: str = ""

    def drop_plan(self, plan_id: int) -> None:
        self.plans.pop(plan_id, None)
        self.periods.pop(plan_id, None)
        self.assignments = {k: v for k, v in self.assignments.items() if k[0] != plan_id}
        self.progress = {k: v for k, v in self.progress.items() if k[0] != plan_id}

    def apply(self, rec: dict[str, Any]) -> None:
        op = rec["op"]
        if op == "import":
            for old in rec["replaced"]:
                self.drop_plan(old)
            self.plans[rec["plan_id"]] = {"file": rec["file"], "counts": rec["counts"]}
            self.max_plan_id = max(self.max_plan_id, rec["plan_id"])
        elif op == "periods":
            self.periods.setdefault(rec["plan_id"], set()).update(rec["names"])
        elif op == "assign":
            for task_id, a in rec["tasks"].items():
                self.assignments[(rec["plan_id"], int(task_id))] = (
                    a["lead"],
                    tuple(a["with"]),
                    a["deadline"],
                )
        elif op == "progress":
            key = (rec["plan_id"], rec["task_id"], rec["period"])
            self.progress[key] = (rec["status"], rec["percent"], rec["progress"])
        elif op == "readback":
            for task_id, v in rec["tasks"].items():
                key = (rec["plan_id"], int(task_id), rec["period"])
                self.progress[key] = (v["status"], v["percent"], v["progress"])
        elif op == "export":
            self.files.update(rec["files"])


@dataclass
class Round:
    number: int
    reports: list[dict[str, Any]]
    pending: dict[str, Any] | None  # the operation the kill interrupted
    failures: list[str] = field(default_factory=list)

    def fail(self, message: str) -> None:
        self.failures.append(f"round {self.number}: {message}")

    def wrote_into(self) -> set[Path]:
        """Folders that a reported export of this round wrote into."""
        return {Path(p).parent for r in self.reports if r["op"] == "export" for p in r["files"]}


class Harness:
    def __init__(self, work_dir: Path, seed: int) -> None:
        self.work = Path(work_dir).resolve()
        self.db = self.work / DB_NAME
        self.logs = self.work / "logs"
        self.snapshots = self.work / "check"
        self.seed = seed
        self.rng = random.Random(f"duban-crash-{seed}")
        self.model = Model()
        self.verified: set[str] = set()  # sha256 of documents that opened completely
        self.backdated: dict[Path, Path] = {}  # leftover temp file → its folder
        self.counts_by_file: dict[str, dict[str, int]] = {}
        self.result = CrashResult(kills=0, survived=0, failures=[])
        self.operations: Counter[str] = Counter()
        self.interrupted: Counter[str] = Counter()
        self.op_seconds: Counter[str] = Counter()
        self.killed = False  # whether the current round ended with a kill

    # -- running the worker ------------------------------------------------------------

    def _spawn(self, name: str, args: list[str]) -> tuple[subprocess.Popen[bytes], Path, Path]:
        out, err = self.logs / f"{name}.out", self.logs / f"{name}.err"
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        env.pop("DUBAN_DEBUG", None)
        with out.open("wb") as fo, err.open("wb") as fe:
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tests.reliability.crash_worker",
                    "--db",
                    str(self.db),
                    "--work",
                    str(self.work),
                    *args,
                ],
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=fo,
                stderr=fe,
                env=env,
            )
        return proc, out, err

    def _read(self, number: int, out: Path) -> Round:
        reports: list[dict[str, Any]] = []
        pending: dict[str, Any] | None = None
        errors: list[str] = []
        lines = out.read_bytes().split(b"\n")
        for raw in lines[:-1]:  # the last piece has no newline: not written whole
            try:
                rec = json.loads(raw)
            except ValueError:
                errors.append(f"unreadable worker output line: {raw[:200]!r}")
                continue
            if "begin" in rec:
                pending = rec
            elif "op" in rec:
                reports.append(rec)
                pending = None
            elif "error" in rec:
                errors.append(
                    f"worker command failed: {' '.join(rec['argv'])} → exit {rec['rc']}: "
                    f"{rec['stderr'].strip()[-400:]}"
                )
                pending = None
        rnd = Round(number, reports, pending)
        for message in errors:
            rnd.fail(message)
        return rnd

    def init(self) -> None:
        if self.db.exists():
            raise FileExistsError(f"{self.db}: run_kills needs a fresh work folder")
        self.logs.mkdir(parents=True, exist_ok=True)
        proc, out, err = self._spawn("init", ["--init"])
        if proc.wait(timeout=WORKER_TIMEOUT) != 0:
            raise RuntimeError(f"the demo database could not be made: {err.read_text()}")
        rnd = self._read(0, out)
        for rec in rnd.reports:
            self.model.apply(rec)
        failures = self._check(rnd)
        if failures:
            raise RuntimeError("; ".join(failures))

    def kill_round(self, number: int) -> None:
        delay = self.rng.uniform(MIN_DELAY, MAX_DELAY)
        worker_seed = self.rng.randrange(1 << 30)
        started = time.monotonic()
        proc, out, err = self._spawn(f"round-{number:03d}", ["--seed", str(worker_seed)])
        self.killed = False
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            if sys.platform == "win32":
                proc.kill()
            else:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            self.killed = True
        self.result.worker_seconds += time.monotonic() - started
        rnd = self._read(number, out)
        self.result.kills += 1
        if self.killed:
            cut = (
                rnd.pending["begin"]
                if rnd.pending
                else ("startup" if not rnd.reports else "between")
            )
            self.interrupted[cut] += 1
        elif not rnd.failures:
            rnd.fail(
                f"the worker stopped by itself (exit {proc.returncode}): "
                f"{err.read_text(errors='replace').strip()[-600:]}"
            )
        self._finish(rnd)

    def final_round(self, number: int) -> None:
        """A worker that is not killed: it must open the file as the last kill left it,
        work and end cleanly."""
        self.killed = False
        proc, out, err = self._spawn(
            "final", ["--seed", str(self.seed), "--max-ops", str(FINAL_OPS)]
        )
        try:
            code = proc.wait(timeout=WORKER_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
        rnd = self._read(number, out)
        if code != 0 and not rnd.failures:
            rnd.fail(
                f"the last worker failed (exit {code}): {err.read_text(errors='replace')[-600:]}"
            )
        rnd.pending = None  # it ran to the end: everything must be exactly as reported
        for rec in rnd.reports:
            self.model.apply(rec)
            self.operations[rec["op"]] += 1
            self.op_seconds[rec["op"]] += rec.get("ms", 0.0) / 1000
        rnd.failures.extend(self._check(rnd))
        self.result.failures.extend(_capped(rnd))

    def _finish(self, rnd: Round) -> None:
        self.result.rounds += 1
        for rec in rnd.reports:
            self.model.apply(rec)
            self.operations[rec["op"]] += 1
            self.op_seconds[rec["op"]] += rec.get("ms", 0.0) / 1000
        started = time.monotonic()
        rnd.failures.extend(self._check(rnd))
        self.result.check_seconds += time.monotonic() - started
        if rnd.failures:
            self.result.failures.extend(_capped(rnd))
        elif self.killed:
            self.result.survived += 1

    # -- checks ------------------------------------------------------------------------

    def _check(self, rnd: Round) -> list[str]:
        failures: list[str] = []

        def fail(message: str) -> None:
            failures.append(f"round {rnd.number}: {message}")

        wal = Path(f"{self.db}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            self.result.wal_left += 1
        copy = self._snapshot()
        try:
            conn = sqlite3.connect(copy)
            try:
                integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
                if integrity != ["ok"]:
                    fail(f"integrity_check: {integrity[:5]}")
                    return failures
                broken = conn.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    fail(f"foreign_key_check: {broken[:5]}")
                self._check_audit(conn, fail)
            finally:
                conn.close()
            from db.connection import open_database

            try:
                db = open_database(copy)
            except Exception as exc:
                fail(f"open_database failed on the file the kill left: {exc}")
                return failures
            try:
                self._check_database(db, rnd, fail)
            finally:
                db.close()
        finally:
            shutil.rmtree(self.snapshots, ignore_errors=True)
        self._check_files(rnd, fail)
        self._check_backups()
        return failures

    def _snapshot(self) -> Path:
        shutil.rmtree(self.snapshots, ignore_errors=True)
        self.snapshots.mkdir()
        copy = self.snapshots / DB_NAME
        for suffix in ("", "-wal", "-shm", "-journal"):
            source = Path(f"{self.db}{suffix}")
            if source.exists():
                shutil.copyfile(source, f"{copy}{suffix}")
        return copy

    def _check_audit(self, conn: sqlite3.Connection, fail: Any) -> None:
        def digest(upto: int) -> str:
            h = hashlib.sha256()
            for row in conn.execute("SELECT * FROM audit_log WHERE id <= ? ORDER BY id", [upto]):
                h.update(repr(row).encode("utf-8"))
            return h.hexdigest()

        if self.model.audit_max and digest(self.model.audit_max) != self.model.audit_digest:
            fail(f"the audit log changed below row {self.model.audit_max} (it is append-only)")
        top = conn.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]
        self.model.audit_max, self.model.audit_digest = top, digest(top)

    def _fresh_counts(self, file_name: str) -> dict[str, int] | None:
        if file_name not in self.counts_by_file:
            from db.imports import read_and_parse

            paths = [p for p in PLAN_FILES if p.name == file_name]
            if not paths:
                return None
            plan, _source = read_and_parse(paths[0])
            self.counts_by_file[file_name] = plan.counts().to_json()
        return self.counts_by_file[file_name]

    def _check_database(self, db: Any, rnd: Round, fail: Any) -> None:
        from db.plans import list_plans, plan_counts
        from db.progress import list_periods
        from db.tasks import TaskFilter, list_tasks

        model, pending = self.model, rnd.pending or {}
        kind = pending.get("begin")
        found = {p.id: p for p in list_plans(db)}
        # Exactly the reported plans — or those after the interrupted import.
        extra, missing = set(found) - set(model.plans), set(model.plans) - set(found)
        if extra or missing:
            ok = (
                kind == "import"
                and len(extra) == 1
                and min(extra) > model.max_plan_id
                and found[min(extra)].source_name == pending["file"]
                and all(model.plans[m]["file"] == pending["file"] for m in missing)
                and (pending["replace"] or not missing)
            )
            if not ok:
                fail(f"plans in the database {sorted(found)} ≠ reported {sorted(model.plans)}")
                return
            for plan_id in missing:
                model.drop_plan(plan_id)
            (new,) = extra
            model.plans[new] = {"file": found[new].source_name, "counts": None}
            model.max_plan_id = new
        for plan_id, plan in found.items():
            counts = plan_counts(db, plan_id).to_json()
            fresh = self._fresh_counts(plan.source_name)
            if fresh is not None and counts != fresh:
                fail(f"plan {plan_id} ({plan.source_name}) is incomplete: {counts} ≠ {fresh}")
            reported = model.plans[plan_id]["counts"]
            if reported is not None and counts != reported:
                fail(f"plan {plan_id}: counts {counts} ≠ reported {reported}")
        # Periods.
        periods = {pid: {p.name: p.id for p in list_periods(db, pid)} for pid in found}
        for plan_id, names in model.periods.items():
            lost = names - set(periods[plan_id])
            if lost:
                fail(f"plan {plan_id}: reported periods {sorted(lost)} are missing")
        if kind == "periods" and pending["plan_id"] in found:
            now = set(periods[pending["plan_id"]])
            year = [n for n in now if n.startswith(f"{pending['year']}年")]
            if len(year) not in (0, 4):
                fail(f"plan {pending['plan_id']}: a year of periods half added: {sorted(year)}")
            model.periods[pending["plan_id"]] = now
        tasks = {pid: {t.id: t for t in list_tasks(db, TaskFilter(plan_id=pid))} for pid in found}

        # Assignments: every task of a plan seen at the last check, as it was then or as
        # reported since; an interrupted assignment wholly there or wholly absent.
        def assignment(plan_id: int, task_id: int) -> Assignment | None:
            t = tasks[plan_id].get(task_id)
            if t is None:
                return None
            return (t.lead, tuple(sorted(t.cooperating)), t.deadline.phrase if t.deadline else "")

        interrupted: set[tuple[int, int]] = set()
        asked: Assignment = ("", (), "")
        if kind == "assign" and pending["plan_id"] in found:
            asked = (pending["lead"], tuple(pending["with"]), pending["deadline"])
            keys = [(pending["plan_id"], t) for t in pending["task_ids"]]
            if all(assignment(*k) == asked for k in keys):
                model.assignments.update(dict.fromkeys(keys, asked))
            else:  # not applied: every task as before
                interrupted = set(keys)
                half = [
                    k[1]
                    for k in keys
                    if assignment(*k) == asked and model.assignments.get(k) != asked
                ]
                if half:
                    fail(f"plan {pending['plan_id']}: an assignment was half applied ({half[:5]})")
        for key, want in model.assignments.items():
            got = assignment(*key)
            if got == want:
                continue
            if key in interrupted:
                fail(
                    f"plan {key[0]} task {key[1]}: the interrupted assignment left {got} "
                    f"(before {want}, asked {asked}): not all or nothing"
                )
            else:
                fail(f"plan {key[0]} task {key[1]}: assignment {got} ≠ reported {want}")

        # Progress: every entry as at the last check or as reported since; none from nowhere.
        entries: dict[tuple[int, int, str], Entry] = {}
        for plan_id in found:
            name_of = {i: name for name, i in periods[plan_id].items()}
            for task_id, period_id, *value in db.execute(
                "SELECT e.task_id, e.period_id, e.status, e.percent, e.progress"
                " FROM progress_entries e JOIN tasks t ON t.id = e.task_id WHERE t.plan_id = ?",
                [plan_id],
            ).fetchall():
                key = (plan_id, task_id, name_of.get(period_id, f"#{period_id}"))
                entries[key] = (value[0], value[1], value[2])
        maybe: dict[tuple[int, int, str], Entry] = {}
        if kind == "progress":
            key = (pending["plan_id"], pending["task_id"], pending["period"])
            maybe[key] = (pending["status"], pending["percent"], pending["progress"])
        elif kind == "readback":
            for task_id, v in pending["values"].items():
                key = (pending["plan_id"], int(task_id), pending["period"])
                maybe[key] = (v["status"], v["percent"], v["progress"])
        for key, value in maybe.items():
            if entries.get(key) == value:
                model.progress[key] = value  # the interrupted write made it: expected now
        for key, want in model.progress.items():
            got = entries.get(key)
            if got != want:
                fail(f"plan {key[0]} task {key[1]} {key[2]}: progress {got} ≠ reported {want}")
        for key in entries.keys() - model.progress.keys():
            fail(f"plan {key[0]} task {key[1]} {key[2]}: an entry nobody wrote: {entries[key]}")
        # What is there now is what the next round starts from.
        model.assignments = {
            (pid, task_id): a
            for pid in found
            for task_id in tasks[pid]
            if (a := assignment(pid, task_id)) is not None
        }
        model.progress = entries
        model.periods = {pid: set(names) for pid, names in periods.items()}

    def _check_files(self, rnd: Round, fail: Any) -> None:
        out = self.work / OUT
        pending = rnd.pending or {}
        lenient: Path | None = None
        if pending.get("begin") == "export":
            lenient = Path(pending["target"])
        targets = {self.work / t for t in FILE_TARGETS.values()}
        folders = {self.work / t for t in FOLDER_TARGETS.values()}
        wrote_into = rnd.wrote_into()
        seen: dict[str, str] = {}
        for path, folder in list(self.backdated.items()):
            if not path.exists():
                self.result.cleaned_leftovers += 1
                del self.backdated[path]
            elif folder in wrote_into:
                fail(f"stale temporary file {path.name} in {folder} survived a later export")
        for path in sorted(out.rglob("*")) if out.exists() else []:
            if path.is_dir():
                if path not in folders:
                    fail(f"unexpected folder at the targets: {path}")
                continue
            if path.name.startswith("."):
                if path not in self.backdated:
                    kind = "temp" if TEMP_NAME.match(path.name) else "UNKNOWN hidden file"
                    self.result.leftovers.append(f"round {rnd.number}: {kind} {path}")
                    old = time.time() - STALE_AGE
                    os.utime(path, (old, old))
                    self.backdated[path] = path.parent
                continue
            if path not in targets and path.parent not in folders:
                fail(f"unexpected file at the targets: {path}")
                continue
            if path.suffix not in (".docx", ".xlsx"):
                fail(f"stray file beside the documents: {path}")
                continue
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            seen[str(path)] = digest
            if digest not in self.verified:
                problem = _incomplete(path)
                if problem:
                    fail(f"half-written document at {path}: {problem}")
                    continue
                self.verified.add(digest)
            want = self.model.files.get(str(path))
            in_flight = lenient is not None and (path == lenient or path.parent == lenient)
            if want is None and not in_flight:
                fail(f"{path}: a document nobody reported writing")
            elif want is not None and digest != want and not in_flight:
                fail(f"{path} is not the reported export (sha256 {digest[:12]} ≠ {want[:12]})")
        for name in self.model.files.keys() - seen.keys():
            fail(f"a reported export is gone: {name}")
        self.model.files = seen  # what the next round starts from

    def _check_backups(self) -> None:
        for path in self.work.glob("*.backups/*"):
            if path.suffix != ".sqlite3" and path not in self.backdated:
                self.result.leftovers.append(f"backup folder: {path.name}")
                self.backdated[path] = path.parent


def _capped(rnd: Round, limit: int = 20) -> list[str]:
    """A round's failures, the first ``limit`` of them: one cause often breaks many rows."""
    if len(rnd.failures) <= limit:
        return rnd.failures
    more = len(rnd.failures) - limit
    return [*rnd.failures[:limit], f"round {rnd.number}: … and {more} more failures"]


def _incomplete(path: Path) -> str | None:
    """Why ``path`` is not a complete document, or None."""
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
        if bad is not None:
            return f"damaged part {bad}"
        if path.suffix == ".docx":
            from docx import Document

            Document(str(path))
        else:
            from openpyxl import load_workbook

            load_workbook(path, read_only=True).close()
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def run_kills(n: int, work_dir: Path, seed: int = 0) -> CrashResult:
    """Kill a working Duban ``n`` times on one database in ``work_dir`` (a fresh or empty
    folder) and check after each kill; see the module docstring."""
    started = time.monotonic()
    harness = Harness(work_dir, seed)
    harness.init()
    for number in range(1, n + 1):
        harness.kill_round(number)
    harness.final_round(n + 1)
    result = harness.result
    result.operations = dict(harness.operations)
    result.interrupted = dict(harness.interrupted)
    result.operation_seconds = {k: round(v, 2) for k, v in harness.op_seconds.items()}
    result.seconds = time.monotonic() - started
    return result
