"""``export``: the Word documents, from a script."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from cli.output import note, open_db, print_json
from cli.task_commands import resolve_period, resolve_plan
from db.departments import require_department
from db.errors import InvalidValue
from exports.request import FOLDER_KINDS, KINDS, ExportRequest, Written

# 分工确认表: one form per department, noted in the database as sent (so written with a
# writable connection, unlike the other documents).
CONFIRMATION = "confirmation-forms"


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "export",
        parents=[common],
        help="write a Word document: decomposition, report, feedback-forms or reminders",
        description="Write one of the documents in the official format. decomposition and "
        "report write one .docx (decomposition to an .xlsx name: an Excel workbook); "
        "feedback-forms, confirmation-forms (分工确认表) and reminders write one .docx per "
        "department into a folder (feedback-forms and confirmation-forms with --xlsx: one "
        ".xlsx per department). Each file is written whole "
        "or not at all. What the clerk should know (tasks without a lead department, no "
        "office name set) is printed on stderr.",
    )
    p.add_argument("kind", choices=(*KINDS, CONFIRMATION), help="which document")
    p.add_argument("--plan", type=int, help="plan id (default: the latest plan)")
    p.add_argument(
        "--period",
        help="reporting period, by name or id (report, feedback-forms, reminders)",
    )
    p.add_argument(
        "--department",
        action="append",
        default=[],
        metavar="NAME",
        help="only these departments (repeatable)",
    )
    p.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        help="a .docx file (decomposition, report; decomposition also .xlsx) or a folder",
    )
    p.add_argument("--with-leader", action="store_true", help="decomposition: add 分管领导")
    p.add_argument(
        "--with-dates",
        action="store_true",
        help="decomposition: print the resolved date under each deadline",
    )
    p.add_argument(
        "--with-person", action="store_true", help="decomposition: add 责任人 (assign --person)"
    )
    p.add_argument(
        "--short-names",
        action="store_true",
        help="decomposition: departments by their short names (基教处)",
    )
    p.add_argument(
        "--with-task-list",
        action="store_true",
        help="report: every task with its progress as an 附件 table",
    )
    p.add_argument(
        "--chart",
        action="store_true",
        help="report: the chart of each lead department's done, overdue and postponed tasks",
    )
    p.add_argument("--template", metavar="DOCX", help="an office template (default: setting)")
    dates = (
        ("--as-of", "the date the figures speak of (default: the period's end or today)"),
        ("--date", "成文日期, the date of issue printed under the 署名 (default: today)"),
        ("--reply-by", "feedback-forms, reminders: the date to report back by"),
    )
    for flag, text in dates:
        p.add_argument(flag, type=dt.date.fromisoformat, metavar="YYYY-MM-DD", help=text)
    p.add_argument(
        "--doc-number",
        metavar="TEXT",
        help="发文字号, e.g. 青教办〔2020〕12号 (default: setting documents.doc_number)",
    )
    p.add_argument("--issue", metavar="TEXT", help="report: 期号, e.g. 第3期 (default: setting)")
    p.add_argument(
        "--xlsx",
        action="store_true",
        help="feedback-forms, confirmation-forms: write Excel workbooks (.xlsx) instead of "
        "Word documents",
    )
    p.add_argument("--json", action="store_true", help="print the files written as JSON")
    p.set_defaults(run=run)


def _chart(db: Any, plan_id: int, period_id: int | None, as_of: dt.date | None) -> bytes:
    from qtapp.charts import plan_chart_png  # Qt only when a chart is asked for

    return plan_chart_png(db, plan_id, period_id, as_of)


def run(args: argparse.Namespace) -> int:
    from exports.service import run_export  # the writers load only when used

    if args.kind == CONFIRMATION:
        return run_confirmation(args)
    if args.chart and args.kind != "report":
        raise InvalidValue("--chart goes with the report (通报) only.")

    with open_db(args.db, write=False) as db:
        plan = resolve_plan(db, args.plan)
        period_id = resolve_period(db, plan, args.period).id if args.period else None
        request = ExportRequest(
            kind=args.kind,
            plan_id=plan.id,
            output=args.output,
            period_id=period_id,
            department_ids=tuple(require_department(db, n).id for n in args.department),
            with_leader=args.with_leader,
            with_due_date=args.with_dates,
            template=args.template,
            as_of=args.as_of,
            reply_by=args.reply_by,
            form_format="xlsx" if args.xlsx else "docx",
            issued_on=args.date,
            doc_number=args.doc_number,
            issue=args.issue,
            with_task_list=args.with_task_list,
            short_names=args.short_names,
            with_person=args.with_person,
            chart_png=_chart(db, plan.id, period_id, args.as_of) if args.chart else None,
        )
        if args.kind in FOLDER_KINDS:
            args.output.mkdir(parents=True, exist_ok=True)
        written = run_export(db, request)
    return print_written(written, json=args.json)


def run_confirmation(args: argparse.Namespace) -> int:
    """``export confirmation-forms``: the 分工确认表 of a plan, one per department."""
    from exports.confirmation import export_confirmation_forms

    with open_db(args.db) as db:
        plan = resolve_plan(db, args.plan)
        department_ids = tuple(require_department(db, n).id for n in args.department)
        args.output.mkdir(parents=True, exist_ok=True)
        written = export_confirmation_forms(
            db, plan.id, args.output, form_format="xlsx" if args.xlsx else "docx",
            department_ids=department_ids, template=args.template, reply_by=args.reply_by,
        )  # fmt: skip
    return print_written(written, json=args.json)


def print_written(written: Written, *, json: bool) -> int:
    """The warnings of an export on stderr, then the files it wrote (as JSON with --json)."""
    for warning in written.warnings:
        note(f"warning: {warning}")
    if json:
        print_json([str(p) for p in written])
    else:
        for path in written:
            print(path)
    return 0
