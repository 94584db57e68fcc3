"""``periods``, ``progress`` and ``readback``: the reporting cycle from a script."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from sqlite_utils import Database

from cli.output import note, open_db, print_json
from cli.task_commands import find_task, resolve_period, resolve_plan
from db.errors import InvalidValue
from db.progress import (
    add_period,
    add_year_of_periods,
    delete_period,
    list_periods,
    record_progress,
)
from db.records import Plan, ReportingPeriod
from db.tasks import TaskFilter, list_tasks
from domain.statuses import STATUSES, status_code


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "periods",
        parents=[common],
        help="reporting periods of a plan",
        description="List, add or remove the reporting periods of a plan.",
    )
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = sub.add_parser("list", parents=[common], help="list the periods")
    a.add_argument("--plan", type=int, help="plan id (default: the latest)")
    a.add_argument("--json", action="store_true", help="print as JSON")
    a.set_defaults(run=run_list)
    a = sub.add_parser("add", parents=[common], help="add one period")
    a.add_argument("name", help="e.g. 2020年3月")
    a.add_argument("--start", required=True, type=dt.date.fromisoformat, metavar="YYYY-MM-DD")
    a.add_argument("--end", required=True, type=dt.date.fromisoformat, metavar="YYYY-MM-DD")
    a.add_argument(
        "--due",
        type=dt.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="the day departments report by",
    )
    a.add_argument(
        "--kind", default="custom", choices=["month", "quarter", "half", "year", "custom"]
    )
    a.add_argument("--plan", type=int, help="plan id (default: the latest)")
    a.set_defaults(run=run_add)
    a = sub.add_parser(
        "year", parents=[common], help="a whole year of monthly or quarterly periods"
    )
    a.add_argument("year", type=int)
    group = a.add_mutually_exclusive_group(required=True)
    group.add_argument("--monthly", action="store_const", dest="kind", const="month")
    group.add_argument("--quarterly", action="store_const", dest="kind", const="quarter")
    a.add_argument(
        "--due-day",
        type=int,
        default=5,
        help="day of the next month by which departments report (default 5)",
    )
    a.add_argument("--plan", type=int, help="plan id (default: the latest)")
    a.set_defaults(run=run_year)
    a = sub.add_parser("delete", parents=[common], help="remove a period without reports")
    a.add_argument("period", help="period id or name")
    a.add_argument("--plan", type=int, help="plan id (default: the latest)")
    a.set_defaults(run=run_delete)

    p = commands.add_parser(
        "progress",
        parents=[common],
        help="record one task's progress for a period",
        description="Record (or edit: one entry per task and period) a task's progress.",
    )
    p.add_argument("task", help="task id or code such as 4-2")
    p.add_argument("--period", required=True, help="period id or name, e.g. 2020年3月")
    p.add_argument(
        "--status",
        required=True,
        help=f"one of {', '.join(STATUSES)} (or 序时推进, 滞后, 已完成 …)",
    )
    p.add_argument("--percent", type=int, help="0-100")
    p.add_argument("--progress", default="", help="进展情况")
    p.add_argument("--problems", default="", help="存在问题")
    p.add_argument("--next-steps", default="", help="下步打算")
    p.add_argument("--reporter", default="", help="who reported")
    p.add_argument(
        "--date",
        type=dt.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="when it was reported (default: today)",
    )
    p.add_argument("--plan", type=int, help="plan id (default: the latest)")
    p.set_defaults(run=run_progress)


def _period_json(p: ReportingPeriod) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "kind": p.kind,
        "start": p.starts_on,
        "end": p.ends_on,
        "feedback_due": p.feedback_due_on,
    }


def run_list(args: argparse.Namespace) -> int:
    with open_db(args.db, write=False) as db:
        plan = resolve_plan(db, args.plan)
        periods = list_periods(db, plan.id)
    if args.json:
        print_json([_period_json(p) for p in periods])
        return 0
    if not periods:
        print("No periods yet. Add a year of them: main.py periods year 2020 --monthly")
    for p in periods:
        print(f"{p.id}\t{p.name}\t{p.starts_on} … {p.ends_on}\tdue {p.feedback_due_on or '-'}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    with open_db(args.db) as db:
        plan = resolve_plan(db, args.plan)
        p = add_period(
            db,
            plan.id,
            args.name,
            args.start.isoformat(),
            args.end.isoformat(),
            kind=args.kind,
            feedback_due_on=args.due.isoformat() if args.due else None,
        )
    print(f"Added period {p.id}: {p.name}")
    return 0


def run_year(args: argparse.Namespace) -> int:
    with open_db(args.db) as db:
        plan = resolve_plan(db, args.plan)
        added = add_year_of_periods(db, plan.id, args.year, args.kind, due_day=args.due_day)
    for p in added:
        print(f"{p.id}\t{p.name}\t{p.starts_on} … {p.ends_on}\tdue {p.feedback_due_on}")
    if not added:
        note("These periods exist already; nothing was added.")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    with open_db(args.db) as db:
        plan = resolve_plan(db, args.plan)
        period = resolve_period(db, plan, args.period)
        delete_period(db, period.id)
    print(f"Removed period {period.id}: {period.name}")
    return 0


def _task_id(db: Database, plan: Plan, ref: str) -> int:
    return find_task(list_tasks(db, TaskFilter(plan_id=plan.id)), plan, ref).id


def run_progress(args: argparse.Namespace) -> int:
    status = status_code(args.status)
    if status is None:
        raise InvalidValue(f"Unknown status “{args.status}”; use one of {', '.join(STATUSES)}.")
    with open_db(args.db) as db:
        plan = resolve_plan(db, args.plan)
        period = resolve_period(db, plan, args.period)
        task_id = _task_id(db, plan, args.task)
        entry = record_progress(
            db,
            task_id,
            period.id,
            status=status,
            percent=args.percent,
            progress=args.progress,
            problems=args.problems,
            next_steps=args.next_steps,
            reporter=args.reporter,
            reported_on=(args.date or dt.date.today()).isoformat(),
            source="cli",
        )
    print(
        f"Recorded task {args.task} for {period.name}: {entry.status}"
        + (f" {entry.percent}%" if entry.percent is not None else "")
    )
    return 0


def register_carry_over(commands: Any, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "carry-over",
        parents=[common],
        help="copy unfinished tasks with their assignments into next year's plan",
        description="Copy the tasks of a plan that are not done, with their departments, "
        "leader and deadline phrase, into a last section 上年度结转任务 of another plan "
        "(by default next year's plan, created if it is not in the file).",
    )
    p.add_argument(
        "--from",
        dest="source",
        type=int,
        required=True,
        metavar="PLAN",
        help="the plan whose unfinished tasks are carried",
    )
    p.add_argument(
        "--to",
        dest="target",
        type=int,
        metavar="PLAN",
        help="the plan to carry them into (default: next year's)",
    )
    p.set_defaults(run=run_carry_over)


def run_carry_over(args: argparse.Namespace) -> int:
    from db.carry_over import carry_into_next_year
    from db.plans import get_plan

    with open_db(args.db) as db:
        result = carry_into_next_year(db, args.source, args.target)
        title = get_plan(db, result.target_plan_id).title
    print(
        f"Carried {result.carried} unfinished task(s) into plan {result.target_plan_id} "
        f"({title}); {result.skipped_done} done, {result.already_carried} carried before."
    )
    return 0


def register_readback(commands: Any, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "readback",
        parents=[common],
        help="read filled feedback forms (.docx/.xlsx) back into a period",
        description="Read the progress departments wrote into their 进展情况反馈表 (files or "
        "folders of .docx/.xlsx forms) and record it for a period. Forms of another plan or "
        "period, or with altered keys, are rejected with the reason; importing a form twice "
        "changes nothing; an entry newer than the form is kept unless --overwrite.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="filled forms or folders of them")
    p.add_argument("--period", required=True, help="period id or name, e.g. 2020年第一季度")
    p.add_argument("--plan", type=int, help="plan id (default: the latest)")
    p.add_argument(
        "--overwrite",
        action="store_true",
        help="also overwrite entries recorded after the form was saved",
    )
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")
    p.set_defaults(run=run_readback)


def run_readback(args: argparse.Namespace) -> int:
    from pathlib import Path

    from db.readback import apply_readback, preview_readback
    from exports.readback import read_filled_forms

    with open_db(args.db, write=not args.dry_run) as db:
        plan = resolve_plan(db, args.plan)
        period = resolve_period(db, plan, args.period)
        forms = []
        for item in args.files:
            forms.extend(read_filled_forms(Path(item)))
        preview = preview_readback(db, forms, plan_id=plan.id, period_id=period.id)
        result = (
            None
            if args.dry_run
            else apply_readback(db, preview, overwrite_conflicts=args.overwrite)
        )
    rows = [r for f in preview.forms for r in f.rows]
    if args.json:
        print_json(
            {
                "period": period.name,
                "forms": [
                    {
                        "file": str(f.path),
                        "accepted": f.accepted,
                        "reason": f.reason,
                        "department": f.department,
                    }
                    for f in preview.forms
                ],
                "rows": [
                    {
                        "file": str(r.path),
                        "code": r.code,
                        "department": r.department,
                        "kind": r.kind,
                        "reason": r.reason,
                    }
                    for r in rows
                ],
                "written": None if result is None else len(result.written),
            }
        )
        return _readback_status(preview)
    for form in preview.forms:
        if not form.accepted:
            note(f"rejected: {form.message}")
    for row in rows:
        if row.kind not in ("unchanged", "empty", "noted"):
            print(f"{row.kind}\t{row.code}\t{row.department}\t{row.reason}")
    counts = preview.counts()
    print("Preview: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))
    if result is not None:
        print(
            f"Recorded: {result.new} new, {result.updated} updated; kept {result.conflicts_kept} "
            f"newer entries; {result.unchanged} unchanged; {result.rejected} rejected."
        )
    return _readback_status(preview)


def _readback_status(preview: Any) -> int:
    """2 (bad input) when not one of the files was a usable form, so a script notices."""
    return 2 if preview.forms and not any(f.accepted for f in preview.forms) else 0
