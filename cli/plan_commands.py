"""``parse``, ``import`` and ``plans``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from cli.output import note, open_db, print_json
from db.plans import list_plans, plan_counts

if TYPE_CHECKING:
    from domain.outline import ParsedPlan

# The parser and the readers load when a command needs them, so that starting the window
# through main.py does not pay for them.


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "parse",
        parents=[common],
        help="print the outline of a plan file (touches no database)",
        description="Read a work plan (.txt, .docx or .pdf) or a task table (任务分解表, "
        ".xlsx or .docx) and print its title, metadata and outline; for a table, also which "
        "column holds what. Nothing is written anywhere.",
    )
    p.add_argument(
        "file", help="the plan: .txt (any common encoding), .docx or .pdf; or a task table"
    )
    p.add_argument("--json", action="store_true", help="print the outline as JSON")
    p.set_defaults(run=run_parse)

    p = commands.add_parser(
        "import",
        parents=[common],
        help="store a plan in the database",
        description="Import a work plan into the database and print its id and counts. "
        "A task table (任务分解表, .xlsx or .docx) is imported with the assignments of its "
        "rows; departments and leaders it names that the directory lacks are refused (exit 2, "
        "naming them) unless --add-departments is given. A file imported before is refused "
        "unless --replace is given.",
    )
    p.add_argument("file", help="the plan (.txt, .docx or .pdf) or a task table (.xlsx, .docx)")
    p.add_argument("--replace", action="store_true", help="replace an earlier import of it")
    p.add_argument(
        "--add-departments",
        action="store_true",
        help="add the departments and leaders a task table names that the directory lacks",
    )
    p.add_argument("--year", type=int, help="plan year for deadlines (default: from the title)")
    p.add_argument(
        "--simplified",
        action="store_true",
        help="convert a plan in Traditional characters to Simplified (the file's text is kept)",
    )
    p.add_argument(
        "--ledger",
        action="store_true",
        help="the table is a 督办事项台账: the plan is kept as a ledger, not a work plan",
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(run=run_import)

    p = commands.add_parser(
        "simplify",
        parents=[common],
        help="convert an imported plan to Simplified characters",
        description="Convert a plan imported in Traditional characters to Simplified "
        "characters, as state organs write (its documents follow). The text the file had "
        "is kept; --restore puts it back where nobody edited it since.",
    )
    p.add_argument("--plan", type=int, help="plan id (default: the latest plan)")
    p.add_argument("--restore", action="store_true", help="put the original text back")
    p.set_defaults(run=run_simplify)

    p = commands.add_parser("plans", parents=[common], help="list the plans in the database")
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.set_defaults(run=run_plans)


def run_parse(args: argparse.Namespace) -> int:
    from db.imports import read_plan_or_table
    from domain.outline import unaccounted_text
    from domain.parser import outline_text
    from domain.table_plan import describe_mapping

    # parse shows what it finds even without numbering (a flat outline, with a warning).
    plan, source, table = read_plan_or_table(args.file, require_numbering=False)
    missing, added = ("", "") if table else unaccounted_text(source.lines, plan)
    if args.json:
        out = plan.to_json()
        if table is not None:
            out["columns"] = {
                role: table.headers[column] for role, column in table.mapping.columns.items()
            }
        print_json(out)
    else:
        print(_summary(plan, source.encoding))
        if table is not None:
            print("Columns:     " + "; ".join(describe_mapping(table)))
        print()
        print(outline_text(plan))
        characters = sum(len("".join(line.split())) for line in source.lines)
        print()
        if table is None and not missing and not added:
            print(f"Nothing lost: all {characters} characters of the file are in the result.")
    for warning in plan.warnings:
        note(f"warning: {warning}")
    if missing or added:
        note(f"warning: text not accounted for: missing {missing!r}, added {added!r}")
    return 0


def _summary(plan: ParsedPlan, encoding: str) -> str:
    c = plan.counts()
    lines = [
        f"Title:       {plan.title or '(none found)'}",
        f"Doc number:  {plan.doc_number or '-'}",
        f"Issuer:      {plan.issuer or '-'}",
        f"Date:        {plan.date or '-'}",
        f"Plan year:   {plan.year or '-'}",
        f"Read as:     {encoding}",
        f"Outline:     {c.sections} sections, {c.subsections} sub-sections, {c.items} items, "
        f"{c.tasks} tasks",
        f"Suggested:   {c.suggested_units} tasks name their units, "
        f"{c.suggested_deadlines} name a deadline",
    ]
    if not plan.numbered:
        lines.append("Numbering:   none found — a flat outline, one item per paragraph")
    return "\n".join(lines)


def run_import(args: argparse.Namespace) -> int:
    from db.imports import read_plan_or_table, store_parsed, store_table
    from db.plans import get_plan

    # Read and check the file before touching the database: a bad file creates nothing.
    plan, source, table = read_plan_or_table(args.file)
    if args.ledger and table is None:
        from domain.errors import PlanInputError

        raise PlanInputError(
            args.file,
            "A 督办事项台账 is imported from a table (.xlsx, or a .docx holding a table with a "
            "header row such as 序号 / 督办事项 / 牵头单位 / 完成时限); this file has none.",
        )
    with open_db(args.db) as db:
        if table is not None:
            result = store_table(
                db,
                plan,
                source,
                add_names=args.add_departments,
                replace=args.replace,
                year=args.year,
                simplified=args.simplified,
                ledger=args.ledger,
            )
        else:
            result = store_parsed(
                db, plan, source, replace=args.replace, year=args.year, simplified=args.simplified
            )
        title = get_plan(db, result.plan_id).title
    c = result.counts
    if args.json:
        print_json(
            {
                "plan_id": result.plan_id,
                "title": title,
                "simplified": result.simplified,
                "counts": c.to_json(),
                "replaced": list(result.replaced),
                "backup": str(result.backup) if result.backup else None,
                "warnings": result.warnings,
            }
        )
    else:
        print(f"Imported plan {result.plan_id}: {title}")
        print(
            f"{c.sections} sections, {c.subsections} sub-sections, {c.items} items, "
            f"{c.tasks} tasks; {c.suggested_units} with suggested units, "
            f"{c.suggested_deadlines} with a suggested deadline"
        )
        if result.replaced:
            ids = ", ".join(map(str, result.replaced))
            print(f"Replaced plan {ids}; the database before it is in {result.backup}")
        if result.simplified:
            print(
                f"Converted {result.simplified} texts to Simplified characters; "
                "the file's text is kept (simplify --restore puts it back)."
            )
    for warning in result.warnings:
        note(f"warning: {warning}")
    return 0


def run_simplify(args: argparse.Namespace) -> int:
    from cli.task_commands import resolve_plan
    from db.plan_script import restore_original, simplify_plan

    with open_db(args.db) as db:
        plan = resolve_plan(db, args.plan)
        change = restore_original(db, plan.id) if args.restore else simplify_plan(db, plan.id)
    if args.restore:
        print(f"Plan {plan.id}: {len(change.changes)} texts put back as the file had them.")
    elif change.changes:
        print(
            f"Plan {plan.id}: {len(change.changes)} texts converted to Simplified characters "
            f"({change.tasks} tasks); the file's text is kept."
        )
    else:
        print(f"Plan {plan.id} is already in Simplified characters; nothing was changed.")
    return 0


def run_plans(args: argparse.Namespace) -> int:
    with open_db(args.db, write=False) as db:
        plans = [(p, plan_counts(db, p.id)) for p in list_plans(db)]
    if args.json:
        print_json(
            [
                {
                    "id": p.id,
                    "title": p.title,
                    "year": p.year,
                    "doc_number": p.doc_number,
                    "issuer": p.issuer,
                    "date": p.issued_on,
                    "source": p.source_name,
                    "imported_at": p.imported_at,
                    "counts": c.to_json(),
                }
                for p, c in plans
            ]
        )
        return 0
    if not plans:
        print("No plans yet. Import one: main.py import FILE")
    for p, c in plans:
        print(
            f"{p.id}\t{p.title}\t{p.doc_number or '-'}\t{c.sections} sections, "
            f"{c.items} items, {c.tasks} tasks\t{p.source_name}"
        )
    return 0
