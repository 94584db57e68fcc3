"""The 督办 workflow from a script: ``targets``, ``postpone``, ``focus``, ``instruct``,
``source`` and ``ledger`` (docs/workflow.md). Tasks are named as ``assign --task`` names
them: an id or a code such as 4-2."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from cli.output import open_db, print_json
from cli.task_commands import find_task, resolve_period, resolve_plan, task_json
from db import plan_targets
from db import supervision as sv
from db.assignments import KEEP, assign
from db.departments import require_department
from db.errors import InvalidValue
from db.progress import list_periods
from db.records import Plan, TaskRow
from db.tasks import TaskFilter, get_task, list_tasks
from domain.workflow import SOURCES, source_from_text


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "targets",
        parents=[common],
        help="set a task's 阶段目标 for a period",
        description="Set what a task is to reach in a reporting period (阶段目标): a text "
        "and/or a percent. An empty --text without --percent removes the target entered; the "
        "milestone of the deadline phrase (6月底前完成初稿) then counts again, if any.",
    )
    p.add_argument("task", help="task id or code such as 4-2")
    p.add_argument("--period", required=True, help="period id or name, e.g. 2020年第二季度")
    p.add_argument("--text", required=True, help="the target, e.g. 完成初稿")
    p.add_argument("--percent", type=int, help="the percent to reach, 0-100")
    _plan_and_json(p)
    p.set_defaults(run=run_targets)

    p = commands.add_parser(
        "postpone",
        parents=[common],
        help="move a task's deadline as a 延期, keeping the old one and the reason",
    )
    p.add_argument("task", help="task id or code such as 4-2")
    p.add_argument("--deadline", required=True, metavar="PHRASE", help="the new deadline")
    p.add_argument("--reason", required=True, help="why (printed in the 通报)")
    p.add_argument("--approved-by", default="", metavar="NAME", help="who approved it")
    _plan_and_json(p)
    p.set_defaults(run=run_postpone)

    p = commands.add_parser("focus", parents=[common], help="mark tasks as 重点督办")
    p.add_argument("tasks", nargs="+", metavar="TASK", help="task ids or codes")
    p.add_argument("--off", action="store_true", help="take the mark away")
    _plan_and_json(p)
    p.set_defaults(run=run_focus)

    p = commands.add_parser("instruct", parents=[common], help="record a 领导批示 on a task")
    p.add_argument("task", help="task id or code such as 4-2")
    p.add_argument("--date", required=True, type=_iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--leader", required=True, metavar="NAME", help="e.g. 张局长")
    p.add_argument("--text", required=True, help="the 批示 as written")
    _plan_and_json(p)
    p.set_defaults(run=run_instruct)

    p = commands.add_parser(
        "source",
        parents=[common],
        help="set the 来源 of tasks",
        description="Set where tasks come from (来源): "
        + "; ".join(f"{k} ({v})" for k, v in SOURCES.items()),
    )
    p.add_argument("items", nargs="+", metavar="TASK... SOURCE", help="tasks, then the source")
    _plan_and_json(p)
    p.set_defaults(run=run_source)

    p = commands.add_parser("ledger", parents=[common], help="督办事项台账: make one, add items")
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = sub.add_parser("new", parents=[common], help="a new, empty 督办事项台账")
    a.add_argument("title", help="e.g. 2020年重点督办事项台账")
    a.add_argument("--year", type=int, help="the year deadlines resolve in (default: this year)")
    a.add_argument("--json", action="store_true", help="print the result as JSON")
    a.set_defaults(run=run_ledger_new)
    a = sub.add_parser("add", parents=[common], help="add a 督办事项 to a ledger")
    a.add_argument("plan", type=int, help="the ledger's plan id")
    a.add_argument("--text", required=True, help="the 督办事项")
    a.add_argument("--source", help="来源: key or name (" + "、".join(SOURCES.values()) + ")")
    a.add_argument("--focus", action="store_true", help="mark it 重点督办")
    a.add_argument("--lead", metavar="DEPT", help="牵头处室")
    a.add_argument("--with", dest="cooperating", nargs="*", metavar="DEPT", help="配合处室")
    a.add_argument("--deadline", metavar="PHRASE", help="完成时限 as written")
    a.add_argument("--json", action="store_true", help="print the task as JSON")
    a.set_defaults(run=run_ledger_add)


def _plan_and_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--plan", type=int, help="plan id (default: the latest plan)")
    p.add_argument("--json", action="store_true", help="print the tasks as JSON")


def _iso_date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"write the date as 2020-06-30, not {text!r}") from exc


def _tasks(db: Any, plan: Plan, refs: list[str]) -> list[TaskRow]:
    rows = list_tasks(db, TaskFilter(plan_id=plan.id))
    return list({t.id: t for t in (find_task(rows, plan, ref) for ref in refs)}.values())


def _report(db: Any, task_ids: list[int], as_json: bool, line: str) -> int:
    rows = list_tasks(db, TaskFilter(task_ids=tuple(task_ids)))
    if as_json:
        extra = SupervisionJson(db)
        print_json([task_json(t) | extra(t) for t in rows])
    else:
        print(line)
    return 0


def run_targets(args: argparse.Namespace) -> int:
    with open_db(args.db) as db:
        plan = resolve_plan(db, args.plan)
        task = _tasks(db, plan, [args.task])[0]
        period = resolve_period(db, plan, args.period)
        sv.set_target(db, task.id, period.id, args.text, args.percent)
        target = sv.get_target(db, task.id, period.id)
        if target is None:
            line = f"{task.code}: the 阶段目标 for {period.name} is removed."
        else:
            percent = f" ({target.percent}%)" if target.percent is not None else ""
            line = f"{task.code}: 阶段目标 for {period.name}: {target.text}{percent}"
        return _report(db, [task.id], args.json, line)


def run_postpone(args: argparse.Namespace) -> int:
    with open_db(args.db) as db:
        plan = resolve_plan(db, args.plan)
        task = _tasks(db, plan, [args.task])[0]
        done = sv.postpone(db, task.id, args.deadline, args.reason, args.approved_by)
        count = get_task(db, task.id).postponements
        line = (
            f"{task.code}: 延期 {done.old_phrase} → {done.new_phrase} ({done.reason}); "
            f"postponed {count} time(s)."
        )
        return _report(db, [task.id], args.json, line)


def run_focus(args: argparse.Namespace) -> int:
    with open_db(args.db) as db:
        plan = resolve_plan(db, args.plan)
        tasks = _tasks(db, plan, args.tasks)
        sv.set_focus(db, [t.id for t in tasks], not args.off)
        codes = "、".join(t.code for t in tasks)
        what = "no longer 重点督办" if args.off else "marked 重点督办"
        return _report(db, [t.id for t in tasks], args.json, f"{codes}: {what}.")


def run_instruct(args: argparse.Namespace) -> int:
    with open_db(args.db) as db:
        plan = resolve_plan(db, args.plan)
        task = _tasks(db, plan, [args.task])[0]
        given = sv.add_instruction(db, task.id, args.date, args.leader, args.text)
        line = f"{task.code}: 领导批示 of {given.given_on} by {given.leader} recorded."
        return _report(db, [task.id], args.json, line)


def run_source(args: argparse.Namespace) -> int:
    if len(args.items) < 2:
        raise InvalidValue("Name the tasks, then the source: source 1-1 1-2 会议议定")
    *refs, name = args.items
    source = source_from_text(name)
    if source is None:
        raise InvalidValue(f"Unknown source “{name}”: one of " + "、".join(SOURCES.values()) + ".")
    with open_db(args.db) as db:
        plan = resolve_plan(db, args.plan)
        tasks = _tasks(db, plan, refs)
        sv.set_source(db, [t.id for t in tasks], source)
        codes = "、".join(t.code for t in tasks)
        return _report(db, [t.id for t in tasks], args.json, f"{codes}: 来源 {SOURCES[source]}.")


def run_ledger_new(args: argparse.Namespace) -> int:
    from db.ledger import new_ledger

    with open_db(args.db) as db:
        plan_id = new_ledger(db, args.title, args.year or dt.date.today().year)
    if args.json:
        print_json({"plan_id": plan_id, "title": " ".join(args.title.split()), "kind": "ledger"})
    else:
        print(f"Made 督办事项台账 {plan_id}: {args.title}")
        print(f"Add items: main.py ledger add {plan_id} --text …")
    return 0


def run_ledger_add(args: argparse.Namespace) -> int:
    from db.ledger import add_ledger_item

    source = None
    if args.source is not None:
        source = source_from_text(args.source)
        if source is None:
            raise InvalidValue(
                f"Unknown source “{args.source}”: one of " + "、".join(SOURCES.values()) + "."
            )
    with open_db(args.db) as db:
        # check every name before writing: an unknown department adds nothing
        lead = require_department(db, args.lead).id if args.lead else KEEP
        cooperating = (
            KEEP
            if args.cooperating is None
            else [require_department(db, n).id for n in args.cooperating if n.strip()]
        )
        with db.atomic():  # the item, its source, mark and assignment: all or nothing
            task_id = add_ledger_item(db, args.plan, args.text)
            if source is not None:
                sv.set_source(db, [task_id], source)
            if args.focus:
                sv.set_focus(db, [task_id], True)
            if args.lead or args.cooperating is not None or args.deadline:
                assign(
                    db,
                    [task_id],
                    lead=lead,
                    cooperating=cooperating,
                    deadline=args.deadline if args.deadline else KEEP,
                )
        task = get_task(db, task_id)
        return _report(db, [task_id], args.json, f"Added {task.code}: {task.text}")


class SupervisionJson:
    """What ``tasks --json`` adds for the 督办 workflow, read per plan in a few queries
    (not per task: a plan of 50,000 tasks is printed as fast as before)."""

    def __init__(self, db: Any) -> None:
        self.db = db
        self.plans: dict[int, tuple[dict, dict, dict[int, list[tuple[str, sv.Target]]]]] = {}

    def _plan(self, plan_id: int) -> tuple[dict, dict, dict[int, list[tuple[str, sv.Target]]]]:
        if plan_id not in self.plans:
            targets: dict[int, list[tuple[str, sv.Target]]] = {}
            for period in list_periods(self.db, plan_id):  # in period order
                for task_id, target in plan_targets.effective_targets(self.db, period.id).items():
                    targets.setdefault(task_id, []).append((period.name, target))
            self.plans[plan_id] = (
                sv.plan_postponements(self.db, plan_id),
                sv.plan_instructions(self.db, plan_id),
                targets,
            )
        return self.plans[plan_id]

    def __call__(self, t: TaskRow) -> dict[str, Any]:
        postponed, instructed, targets = self._plan(t.plan_id)
        return {
            "source": t.source,
            "focus": t.focus,
            "targets": [
                {"period": name, "text": x.text, "percent": x.percent, "origin": x.origin}
                for name, x in targets.get(t.id, [])
            ],
            "original_deadline": t.original_deadline,
            "postponements": t.postponements,
            "postponement_history": [
                {
                    "old": p.old_phrase,
                    "new": p.new_phrase,
                    "reason": p.reason,
                    "approved_by": p.approved_by or None,
                    "recorded_at": p.recorded_at,
                }
                for p in postponed.get(t.id, [])
            ],
            "instructions": [
                {"date": i.given_on, "leader": i.leader, "text": i.text}
                for i in instructed.get(t.id, [])
            ],
        }


def supervision_json(db: Any, t: TaskRow) -> dict[str, Any]:
    """What ``tasks --json`` adds for one task."""
    return SupervisionJson(db)(t)
