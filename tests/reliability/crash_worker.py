"""The process the crash harness kills: real Duban work in a loop, through ``cli.main``.

    python -m tests.reliability.crash_worker --db PATH --work DIR --seed N [--max-ops K]
    python -m tests.reliability.crash_worker --db PATH --work DIR --init

One process runs many commands in-process (import, assign, periods, progress, readback of
filled forms, every export kind), so a SIGKILL can land anywhere: inside an SQLite commit,
a python-docx or openpyxl save, a rename. ``--init`` makes the demo database first.

Standard output is the harness's record, one JSON object a line, each written with one
``os.write`` as soon as it is known:

- ``{"begin": OP, ...}`` before an operation that writes: what it is about to do. Whatever
  a kill interrupts is the last ``begin`` without its result; it may or may not be saved.
- ``{"op": OP, ...}`` only AFTER the command returned success: what is now guaranteed
  saved (the "reported as saved" contract the harness checks after the kill).
- ``{"error": OP, "rc": N, "stderr": ...}`` when a command failed; the worker chooses only
  commands that should succeed, so the harness counts this as a failure.

The commands' own printing is captured; the choice of each step comes from ``--seed`` and
what the database holds (read back through ``plans/tasks/periods --json``).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import random
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_PLAN = ROOT / "sample_data" / "qingdao-2020-education-workplan.txt"
PLAN_FILES: tuple[Path, ...] = (
    SAMPLE_PLAN,
    *sorted((ROOT / "tests" / "fixtures" / "plans").glob("*.txt")),
)
DEPARTMENTS_FILE = ROOT / "sample_data" / "departments.txt"
DEADLINES = ("6月底前", "9月底前", "年底前", "三季度", "上半年", "长期坚持", "10月底前")
FORM_STATUSES = ("已完成", "序时推进", "滞后", "未启动", "暂缓")
PROGRESS_STATUSES = ("序时推进", "滞后", "已完成", "未启动", "暂缓")
STATUS_CODES = {
    "序时推进": "on_track",
    "滞后": "behind",
    "已完成": "done",
    "未启动": "not_started",
    "暂缓": "postponed",
}
REMINDERS_AS_OF = (
    "2026-11-29"  # fixed, so runs do not depend on the day; every 2020s deadline is past
)

# Fixed targets (relative to --work): the same paths are written again and again.
OUT = "out"
FILE_TARGETS = {"decomposition": f"{OUT}/分解表.docx", "report": f"{OUT}/进展情况通报.docx"}
FOLDER_TARGETS = {
    "feedback-forms": f"{OUT}/反馈表",
    "feedback-forms-xlsx": f"{OUT}/反馈表-Excel",
    "reminders": f"{OUT}/催办通知",
}
FORMS = "forms"  # filled forms ready to read back: forms/p<plan>-<period>/
PREP = "prep"  # private scratch folder for preparing them


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def department_names() -> list[str]:
    names = []
    for line in DEPARTMENTS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            names.append(line.split("|")[0].strip())
    return names


class CommandFailed(Exception):
    def __init__(self, argv: list[str], rc: int, stderr: str) -> None:
        super().__init__(f"{' '.join(argv)} → {rc}: {stderr.strip()[-500:]}")
        self.argv, self.rc, self.stderr = argv, rc, stderr


_began = [0.0]


def emit(record: dict[str, Any]) -> None:
    """One line, written whole with one system call, before anything else happens. A
    result carries the milliseconds since its ``begin``."""
    if "begin" in record:
        _began[0] = time.perf_counter()
    elif "op" in record and _began[0]:
        record = {**record, "ms": round((time.perf_counter() - _began[0]) * 1000, 1)}
        _began[0] = 0.0
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
    data = line.encode("utf-8")
    while data:
        data = data[os.write(1, data) :]


def section_label(task: dict[str, Any]) -> str:
    """``一`` from the task's section heading ``一、加强党的领导``."""
    heading = (task.get("section") or "").strip()
    label = heading.split("、", 1)[0] if "、" in heading else ""
    return label if 0 < len(label) <= 3 else ""


@dataclass
class PlanState:
    id: int
    source: str
    year: int | None
    tasks: list[dict[str, Any]] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)

    def sections(self) -> list[str]:
        """The section labels (一, 二 …) that hold tasks."""
        return list(dict.fromkeys(section_label(t) for t in self.tasks if section_label(t)))

    def assigned(self) -> list[dict[str, Any]]:
        return [t for t in self.tasks if t.get("lead")]


class Worker:
    def __init__(self, db: Path, work: Path, seed: int) -> None:
        self.db = db
        self.work = work
        self.rng = random.Random(seed)
        self.seed = seed
        self.departments = department_names()
        self.plans: dict[int, PlanState] = {}
        self.counter = 0

    # -- running commands --------------------------------------------------------------

    def cli(self, *args: str) -> str:
        from cli import main

        argv = ["--db", str(self.db), *args]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            rc = main(argv)
        if rc != 0:
            raise CommandFailed(list(args), rc, err.getvalue())
        return out.getvalue()

    def cli_json(self, *args: str) -> Any:
        return json.loads(self.cli(*args, "--json"))

    # -- what the database holds -------------------------------------------------------

    def refresh(self) -> None:
        plans = self.cli_json("plans")
        self.plans = {p["id"]: PlanState(p["id"], p["source"], p["year"]) for p in plans}
        for plan_id in self.plans:
            self.refresh_plan(plan_id)

    def refresh_plan(self, plan_id: int) -> None:
        plan = self.plans[plan_id]
        plan.tasks = self.cli_json("tasks", "--plan", str(plan_id), "--as-of", REMINDERS_AS_OF)
        plan.periods = [p["name"] for p in self.cli_json("periods", "list", "--plan", str(plan_id))]

    # -- operations --------------------------------------------------------------------

    def op_import(self) -> None:
        path = self.rng.choice(PLAN_FILES)
        existing = [p for p in self.plans.values() if p.source == path.name]
        replace = bool(existing) or self.rng.random() < 0.3
        argv = ["import", str(path), *(["--replace"] if replace else [])]
        emit({"begin": "import", "file": path.name, "replace": replace})
        result = self.cli_json(*argv)
        emit(
            {
                "op": "import",
                "file": path.name,
                "plan_id": result["plan_id"],
                "counts": result["counts"],
                "replaced": result["replaced"],
            }
        )
        for old in result["replaced"]:
            self.plans.pop(old, None)
        plans = {p["id"]: p for p in self.cli_json("plans")}
        new = plans[result["plan_id"]]
        self.plans[new["id"]] = PlanState(new["id"], new["source"], new["year"])
        self.refresh_plan(new["id"])

    def op_periods(self, plan: PlanState) -> None:
        assert plan.year is not None
        emit({"begin": "periods", "plan_id": plan.id, "year": plan.year})
        self.cli("periods", "year", str(plan.year), "--quarterly", "--plan", str(plan.id))
        self.refresh_plan(plan.id)
        emit({"op": "periods", "plan_id": plan.id, "names": plan.periods})

    def op_assign(self, plan: PlanState) -> None:
        lead = self.rng.choice(self.departments)
        others = [d for d in self.departments if d != lead]
        cooperating = sorted(self.rng.sample(others, self.rng.randint(0, 2)))
        deadline = self.rng.choice(DEADLINES)
        if self.rng.random() < 0.3 or not plan.sections():
            selection = ["--all"]
            ids = [t["id"] for t in plan.tasks]
        else:
            section = self.rng.choice(plan.sections())
            selection = ["--section", section]
            ids = [t["id"] for t in plan.tasks if section_label(t) == section]
        record = {
            "plan_id": plan.id,
            "task_ids": ids,
            "lead": lead,
            "with": cooperating,
            "deadline": deadline,
        }
        emit({"begin": "assign", **record})
        rows = self.cli_json(
            "assign",
            "--plan",
            str(plan.id),
            *selection,
            "--lead",
            lead,
            "--with",
            *cooperating,
            "--deadline",
            deadline,
        )
        # What the command says it saved, task by task.
        saved = {
            str(r["id"]): {
                "lead": r["lead"] or "",
                "with": sorted(r["cooperating"]),
                "deadline": r["deadline"]["phrase"] if r["deadline"] else "",
            }
            for r in rows
        }
        emit({"op": "assign", "plan_id": plan.id, "tasks": saved})
        changed = {r["id"]: r for r in rows}
        plan.tasks = [changed.get(t["id"], t) for t in plan.tasks]

    def op_progress(self, plan: PlanState) -> None:
        task = self.rng.choice(plan.tasks)
        period = self.rng.choice(plan.periods)
        status = self.rng.choice(PROGRESS_STATUSES)
        percent = 100 if status == "已完成" else self.rng.randint(0, 99)
        self.counter += 1
        text = f"第{self.seed}-{self.counter}次记录：{self.rng.choice(('推进中', '已开会', '方案起草'))}"
        record = {
            "plan_id": plan.id,
            "task_id": task["id"],
            "code": task["code"],
            "period": period,
            "status": STATUS_CODES[status],
            "percent": percent,
            "progress": text,
        }
        emit({"begin": "progress", **record})
        self.cli(
            "progress",
            str(task["id"]),  # codes are not unique in every plan (see the report)
            "--plan",
            str(plan.id),
            "--period",
            period,
            "--status",
            status,
            "--percent",
            str(percent),
            "--progress",
            text,
        )
        emit({"op": "progress", **record})
        task["status"] = STATUS_CODES[status]

    def op_export(self, plan: PlanState) -> None:
        kind = self.rng.choice(
            ["decomposition", "report", "feedback-forms", "feedback-forms-xlsx", "reminders"]
        )
        if kind == "reminders" and not any(
            t.get("lead") and t.get("deadline") and t["deadline"].get("due")
            for t in plan.tasks
            if t.get("status") != "done"
        ):
            kind = "decomposition"
        target = self.work / (FILE_TARGETS.get(kind) or FOLDER_TARGETS[kind])
        argv = ["export", kind.removesuffix("-xlsx"), "--plan", str(plan.id), "-o", str(target)]
        if kind != "decomposition":
            argv += ["--period", self.rng.choice(plan.periods)]
        if kind == "feedback-forms-xlsx":
            argv.append("--xlsx")
        if kind == "reminders":
            argv += ["--as-of", REMINDERS_AS_OF]
        if kind == "decomposition" and self.rng.random() < 0.5:
            argv.append("--with-dates")
        emit({"begin": "export", "kind": kind, "target": str(target)})
        try:
            written = [Path(p) for p in self.cli_json(*argv)]
        except CommandFailed as exc:
            if exc.rc != 2 or "nothing to put" not in exc.stderr:
                raise
            # Nothing is due for anyone (the statuses moved on): refused, nothing written.
            emit({"op": "export-refused", "kind": kind, "target": str(target)})
            return
        emit(
            {
                "op": "export",
                "kind": kind,
                "target": str(target),
                "files": {str(p): sha256(p) for p in written},
            }
        )

    def op_readback(self, plan: PlanState) -> None:
        period = self.rng.choice(plan.periods)
        folder = self.work / FORMS / f"p{plan.id}-{period}"
        if not folder.is_dir():
            self.prepare_forms(plan, period, folder)
        # file name → the form's keyed rows in order: [task id, code, values or None]
        expected: dict[str, list[list[Any]]] = json.loads(
            (folder / "expected.json").read_text(encoding="utf-8")
        )
        values = {str(task_id): v for rows in expected.values() for task_id, _code, v in rows if v}
        forms = folder / "forms"
        emit({"begin": "readback", "plan_id": plan.id, "period": period, "values": values})
        result = self.cli_json(
            "readback", str(forms), "--plan", str(plan.id), "--period", period, "--overwrite"
        )
        # The preview lists each accepted form's rows in the form's order; codes repeat in
        # some plans, so rows are matched by position, and checked by code.
        by_file: dict[str, list[dict[str, Any]]] = {}
        for row in result["rows"]:
            by_file.setdefault(Path(row["file"]).name, []).append(row)
        saved: dict[str, Any] = {}
        for name, rows in by_file.items():
            wanted = expected[name]
            if [r["code"] for r in rows] != [code for _id, code, _v in wanted]:
                raise CommandFailed(["readback"], 0, f"rows of {name} do not match the form")
            for row, (task_id, _code, v) in zip(rows, wanted, strict=True):
                if row["kind"] in ("new", "update", "conflict", "unchanged"):
                    saved[str(task_id)] = v
        emit({"op": "readback", "plan_id": plan.id, "period": period, "tasks": saved})
        if not saved:  # the assignments moved on: fill a fresh set next time
            self.discard(folder)

    def prepare_forms(self, plan: PlanState, period: str, folder: Path) -> None:
        """Export this period's forms (Word for odd departments, Excel for even ones) into
        a private folder, fill every row in as a department would, then move the folder
        into place in one rename."""
        from exports.feedback import parse_row_key
        from exports.readback import read_filled_form
        from tests.form_filling import fill_docx, fill_xlsx

        scratch = self.work / PREP / f"{plan.id}-{self.seed}-{self.counter}"
        self.counter += 1
        shutil.rmtree(scratch, ignore_errors=True)
        common = ["--plan", str(plan.id), "--period", period]
        word = self.cli_json("export", "feedback-forms", *common, "-o", str(scratch / "w"))
        excel = self.cli_json(
            "export", "feedback-forms", *common, "--xlsx", "-o", str(scratch / "x")
        )
        values: dict[int, dict[str, Any]] = {}
        for task in plan.tasks:
            status = self.rng.choice(FORM_STATUSES)
            percent = 100 if status == "已完成" else self.rng.randint(0, 99)
            values[task["id"]] = {
                "progress": f"表内填报{self.seed}-{task['id']}-{self.rng.randint(0, 999)}",
                "percent": percent,
                "status": status,
            }
        (scratch / "forms").mkdir()
        as_text = {k: {**v, "percent": str(v["percent"])} for k, v in values.items()}
        for number, (docx, xlsx) in enumerate(zip(word, excel, strict=True), 1):
            if number % 2:
                target = scratch / "forms" / Path(docx).name
                shutil.copyfile(docx, target)
                fill_docx(target, as_text)
            else:
                target = scratch / "forms" / Path(xlsx).name
                shutil.copyfile(xlsx, target)
                fill_xlsx(target, values)
        # What the program will read from each row: its own reader decides.
        expected: dict[str, list[list[Any]]] = {}
        for path in sorted((scratch / "forms").iterdir()):
            form = read_filled_form(path)
            expected[path.name] = []
            for r in getattr(form, "rows", []):
                key = parse_row_key(r.key_text)
                v = None
                if r.status is not None:
                    v = {"status": r.status, "percent": r.percent, "progress": r.progress}
                expected[path.name].append([key.task_id if key else None, r.code, v])
        (scratch / "expected.json").write_text(
            json.dumps(expected, ensure_ascii=False), encoding="utf-8"
        )
        folder.parent.mkdir(parents=True, exist_ok=True)
        os.replace(scratch, folder)

    def discard(self, folder: Path) -> None:
        trash = self.work / PREP / f"old-{self.seed}-{self.counter}"
        self.counter += 1
        trash.parent.mkdir(parents=True, exist_ok=True)
        os.replace(folder, trash)
        shutil.rmtree(trash, ignore_errors=True)

    # -- the loop ----------------------------------------------------------------------

    def step(self) -> None:
        plans = list(self.plans.values())
        needs_periods = [p for p in plans if not p.periods and p.year is not None]
        if needs_periods:
            self.op_periods(needs_periods[0])
            return
        ready = [p for p in plans if p.periods and p.tasks]
        assigned = [p for p in ready if p.assigned()]
        choices: list[tuple[str, float]] = [("import", 0.7 if plans else 100.0)]
        if ready:
            choices += [("assign", 3.0), ("progress", 6.0)]
        if assigned:
            choices += [("export", 2.0), ("readback", 1.5)]
        names, weights = zip(*choices, strict=True)
        kind = self.rng.choices(names, weights)[0]
        if kind == "import":
            self.op_import()
        elif kind == "assign":
            self.op_assign(self.rng.choice(ready))
        elif kind == "progress":
            self.op_progress(self.rng.choice(ready))
        elif kind == "export":
            self.op_export(self.rng.choice(assigned))
        else:
            self.op_readback(self.rng.choice(assigned))

    def run(self, max_ops: int | None) -> int:
        shutil.rmtree(self.work / PREP, ignore_errors=True)  # a killed run's scratch
        done = 0
        try:
            self.refresh()
            while max_ops is None or done < max_ops:
                self.step()
                done += 1
        except CommandFailed as exc:
            emit({"error": exc.argv[0], "argv": exc.argv, "rc": exc.rc, "stderr": exc.stderr})
            return 3
        return 0

    def init(self) -> int:
        """A fresh demo database (sample plan and departments), reported like an import."""
        from cli import main

        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            rc = main(["--db", str(self.db), "--demo", "plans", "--json"])
        if rc != 0:
            emit({"error": "init", "argv": ["--demo"], "rc": rc, "stderr": err.getvalue()})
            return 3
        for plan in json.loads(out.getvalue()):
            emit(
                {
                    "op": "import",
                    "file": plan["source"],
                    "plan_id": plan["id"],
                    "counts": plan["counts"],
                    "replaced": [],
                }
            )
        return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-ops", type=int, help="stop after this many operations")
    parser.add_argument("--init", action="store_true", help="create the demo database")
    args = parser.parse_args(argv)
    worker = Worker(args.db, args.work, args.seed)
    if args.init:
        return worker.init()
    return worker.run(args.max_ops)


if __name__ == "__main__":
    sys.exit(main())
