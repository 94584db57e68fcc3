"""``assign`` and ``tasks``: assigning a plan from a script and listing the result."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from sqlite_utils import Database

from cli.output import clip, note, open_db, print_json
from db.assignments import KEEP, assign
from db.departments import require_department
from db.errors import InvalidValue, NotFound
from db.leaders import require_leader
from db.lights import row_light, targets_as_of, thresholds
from db.plans import get_plan, list_outline, list_plans
from db.progress import list_periods
from db.records import Plan, ReportingPeriod, TaskRow
from db.tasks import TaskFilter, item_codes, list_tasks
from domain.codes import code_matches, code_query
from domain.labels import FULLWIDTH_DIGITS, zh_to_int
from domain.outline import ITEM, SECTION
from domain.warnings import Light


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "assign",
        parents=[common],
        help="assign tasks: lead, cooperating departments, leader, deadline",
        description="Assign tasks chosen by id or code (--task 12 --task 4-2), by item "
        "(--item 4) or section (--section 一), or all of a plan (--all). Only the parts "
        "given change; the rest of each assignment stays as it is.",
    )
    p.add_argument("--plan", type=int, help="plan id (default: the latest plan)")
    p.add_argument(
        "--task",
        action="append",
        default=[],
        metavar="ID|CODE",
        help="a task id or its code such as 4-2 (repeatable)",
    )
    p.add_argument(
        "--item",
        action="append",
        default=[],
        metavar="LABEL",
        help="every task of an item: 4, 4. or 2.4 (section.item) (repeatable)",
    )
    p.add_argument(
        "--section",
        action="append",
        default=[],
        metavar="LABEL",
        help="every task of a section: 一, 一、 or 1 (repeatable)",
    )
    p.add_argument("--all", action="store_true", help="every task of the plan")
    p.add_argument(
        "--only-unassigned",
        action="store_true",
        help="of those, only tasks without a lead department",
    )
    p.add_argument("--lead", metavar="DEPT", help="lead department (牵头处室); '' clears it")
    p.add_argument(
        "--with",
        dest="cooperating",
        nargs="*",
        metavar="DEPT",
        help="cooperating departments (配合处室), replacing the current ones",
    )
    p.add_argument("--leader", metavar="NAME", help="leader in charge (分管领导); '' clears it")
    p.add_argument(
        "--person",
        metavar="NAME",
        help="责任人, a person in the lead department (optional); '' clears it",
    )
    p.add_argument(
        "--deadline",
        metavar="PHRASE",
        help="deadline as written: 6月底前, 三季度, 长期坚持 …; '' clears it",
    )
    p.add_argument("--json", action="store_true", help="print the assigned tasks as JSON")
    p.set_defaults(run=run_assign)

    p = commands.add_parser(
        "tasks",
        parents=[common],
        help="list tasks with their assignment and deadline",
        description="List tasks in outline order with code, lead and cooperating "
        "departments, leader and deadline.",
    )
    p.add_argument("--plan", type=int, help="plan id (default: the latest plan)")
    p.add_argument(
        "--department", metavar="DEPT", help="tasks of a department (lead or cooperating)"
    )
    p.add_argument("--lead-only", action="store_true", help="with --department: as lead only")
    p.add_argument("--leader", metavar="NAME", help="tasks of a leader")
    p.add_argument("--unassigned", action="store_true", help="tasks without a lead department")
    p.add_argument(
        "--as-of",
        type=dt.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="the date the warning lights speak of (default: today)",
    )
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.set_defaults(run=run_tasks)


def resolve_plan(db: Database, plan_id: int | None) -> Plan:
    if plan_id is not None:
        return get_plan(db, plan_id)
    plans = list_plans(db)
    if not plans:
        raise NotFound("The database has no plan yet. Import one first: main.py import FILE")
    if len(plans) > 1:
        note(f"(plan {plans[-1].id}: {plans[-1].title}; use --plan to choose another)")
    return plans[-1]


def resolve_period(db: Database, plan: Plan, ref: str) -> ReportingPeriod:
    """A period of ``plan`` by name ("2020年第一季度") or id."""
    periods = list_periods(db, plan.id)
    for period in periods:
        if ref == period.name or (ref.isdigit() and int(ref) == period.id):
            return period
    names = "、".join(p.name for p in periods) or "none yet"
    raise NotFound(f"Plan {plan.id} has no period “{ref}” (periods: {names}).")


def _label_number(label: str) -> int | None:
    text = label.strip().translate(FULLWIDTH_DIGITS).strip("、.．()（） ")
    if text.isdigit():
        return int(text)
    return zh_to_int(text)


def _select(db: Database, plan: Plan, args: argparse.Namespace) -> list[int]:
    chosen: list[int] = []
    nodes = list_outline(db, plan.id)
    if args.all:
        chosen += [t.id for t in list_tasks(db, TaskFilter(plan_id=plan.id))]
    for label in args.section:
        number = _label_number(label)
        found = [n for n in nodes if n.kind == SECTION and n.number == number]
        if not found:
            raise NotFound(f"Plan {plan.id} has no section “{label}”.")
        chosen += [
            t.id for t in list_tasks(db, TaskFilter(plan_id=plan.id, node_ids=(found[0].id,)))
        ]
    by_id = {n.id: n for n in nodes}
    codes = item_codes(db, plan.id)
    for label in args.item:
        text = label.translate(FULLWIDTH_DIGITS).replace("．", ".").strip().rstrip(".、")
        exact = [node_id for node_id, code in codes.items() if code == text]
        if len(exact) == 1:  # the item as its task codes write it: 4, 2.4, 1.2.1
            chosen += [
                t.id for t in list_tasks(db, TaskFilter(plan_id=plan.id, node_ids=(exact[0],)))
            ]
            continue
        section_part, _, item_part = text.rpartition(".")
        number = _label_number(item_part)
        found = [n for n in nodes if n.kind == ITEM and n.number == number]
        if section_part:
            wanted = _label_number(section_part)
            found = [n for n in found if _section_number(n, by_id) == wanted]
        if not found:
            raise NotFound(f"Plan {plan.id} has no item “{label}”.")
        if len(found) > 1:
            raise InvalidValue(
                f"Item “{label}” is in more than one place of plan {plan.id}; write it as its "
                f"task codes do: {' or '.join(codes.get(n.id, str(number)) for n in found)}."
            )
        chosen += [
            t.id for t in list_tasks(db, TaskFilter(plan_id=plan.id, node_ids=(found[0].id,)))
        ]
    if args.task:
        rows = list_tasks(db, TaskFilter(plan_id=plan.id))
        chosen += [find_task(rows, plan, ref).id for ref in args.task]
    return list(dict.fromkeys(chosen))


def find_task(rows: list[TaskRow], plan: Plan, ref: str) -> TaskRow:
    """A task of ``rows`` by id or by code ("4-2", "2.4-1", "1.2.1-1")."""
    ref = ref.strip().translate(FULLWIDTH_DIGITS)
    code = code_query(ref)
    found = [r for r in rows if ref.isdigit() and r.id == int(ref)] or [
        r for r in rows if code is not None and code_matches(r.code, code)
    ]
    if not found:
        raise NotFound(f"Plan {plan.id} has no task “{ref}” (give an id or a code like 4-2).")
    if len(found) > 1:  # codes are unique by construction; never guess between two tasks
        raise InvalidValue(f"“{ref}” names {len(found)} tasks of plan {plan.id}; give its id.")
    return found[0]


def _section_number(node: Any, by_id: dict[int, Any]) -> int | None:
    while node is not None:
        if node.kind == SECTION:
            return node.number
        node = by_id.get(node.parent_id)
    return None


def run_assign(args: argparse.Namespace) -> int:
    if not (args.task or args.item or args.section or args.all):
        raise InvalidValue("Choose tasks with --task, --item, --section or --all.")
    if (
        args.lead is None
        and args.cooperating is None
        and args.leader is None
        and args.person is None
        and args.deadline is None
    ):
        raise InvalidValue("Say what to assign: --lead, --with, --leader, --person or --deadline.")
    with open_db(args.db) as db:
        plan = resolve_plan(db, args.plan)
        task_ids = _select(db, plan, args)
        if args.only_unassigned:
            unassigned = {
                t.id for t in list_tasks(db, TaskFilter(plan_id=plan.id, unassigned=True))
            }
            task_ids = [t for t in task_ids if t in unassigned]
        lead = (
            KEEP
            if args.lead is None
            else (require_department(db, args.lead).id if args.lead.strip() else None)
        )
        cooperating = (
            KEEP
            if args.cooperating is None
            else [require_department(db, name).id for name in args.cooperating if name.strip()]
        )
        leader = (
            KEEP
            if args.leader is None
            else (require_leader(db, args.leader).id if args.leader.strip() else None)
        )
        assign(
            db,
            task_ids,
            lead=lead,
            cooperating=cooperating,
            leader=leader,
            deadline=KEEP if args.deadline is None else args.deadline,
            person=KEEP if args.person is None else args.person,
        )
        rows = list_tasks(db, TaskFilter(task_ids=tuple(task_ids)))
    if args.json:
        print_json([task_json(t) for t in rows])
        return 0
    print(f"Assigned {len(rows)} task(s) of plan {plan.id}.")
    unresolved = {
        t.deadline.phrase
        for t in rows
        if t.deadline and not t.deadline.due_on and t.deadline.kind == "unknown"
    }
    for phrase in sorted(unresolved):
        note(f"note: the deadline “{phrase}” is kept as written; it names no date.")
    _print_rows(rows)
    return 0


def task_json(t: TaskRow, light: Light | None = None) -> dict[str, Any]:
    return {
        "id": t.id,
        "plan_id": t.plan_id,
        "code": t.code,
        "text": t.text,
        "section": f"{t.section_label}{t.section_title}",
        "item": f"{t.item_label}{t.item_title}",
        "lead": t.lead or None,
        "cooperating": list(t.cooperating),
        "leader": t.leader or None,
        "person": t.person or None,
        "deadline": None
        if t.deadline is None
        else {"phrase": t.deadline.phrase, "due": t.deadline.due_on, "kind": t.deadline.kind},
        "suggested": {
            "lead": t.suggested_lead or None,
            "cooperating": list(t.suggested_cooperating),
            "deadline": t.suggested_deadline or None,
        },
        "origin": t.origin,
        "status": t.status,
        "percent": t.percent,
        "light": None if light is None else {"color": light.color, "reason": light.reason},
    }


def _print_rows(rows: list[TaskRow], lights: list[Light] | None = None) -> None:
    for index, t in enumerate(rows):
        deadline = ""
        if t.deadline:
            deadline = t.deadline.phrase + (f" ({t.deadline.due_on})" if t.deadline.due_on else "")
        print(
            "\t".join(
                [
                    t.code,
                    clip(t.text, 40),
                    t.lead or "-",
                    "、".join(t.cooperating) or "-",
                    t.leader or "-",
                    deadline or "-",
                    *([t.status or "-", lights[index].reason] if lights else []),
                ]
            )
        )


def run_tasks(args: argparse.Namespace) -> int:
    with open_db(args.db, write=False) as db:
        plan = resolve_plan(db, args.plan)
        flt = TaskFilter(
            plan_id=plan.id,
            department_id=require_department(db, args.department).id if args.department else None,
            lead_only=args.lead_only,
            leader_id=require_leader(db, args.leader).id if args.leader else None,
            unassigned=args.unassigned,
        )
        rows = list_tasks(db, flt)
        limits = thresholds(db)
        as_of = args.as_of or dt.date.today()
        targets = targets_as_of(db, plan.id, as_of)
        if args.json:  # the 督办 fields read with the same connection: one open, one warning
            from cli.supervision_commands import SupervisionJson

            extra = SupervisionJson(db)
            workflow = [extra(t) for t in rows]
    lights = [
        row_light(t, year=plan.year, as_of=as_of, limits=limits, target=targets.get(t.id))
        for t in rows
    ]
    if args.json:
        print_json(
            [
                task_json(t, light) | more
                for t, light, more in zip(rows, lights, workflow, strict=True)
            ]
        )
        return 0
    print(
        "\t".join(["code", "task", "lead", "cooperating", "leader", "deadline", "status", "light"])
    )
    _print_rows(rows, lights)
    print(f"{len(rows)} task(s)")
    return 0
