"""``confirm-readback`` and ``confirm-decide``: the 分工确认 loop from a script.

``export confirmation-forms`` (cli/export_commands.py) sends the forms; ``confirm-readback``
reads the returned ones, records the replies and proposals (undecided) and prints them by
task and field, the departments of a conflict side by side; ``--accept-all`` then accepts
every proposal no other department contradicts, as one step; ``confirm-decide`` settles the
rest. Exit codes as ``readback``: 2 when not one file was a usable form, or for a refused
decision (nothing is written then).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cli.output import note, open_db, print_json
from cli.task_commands import resolve_plan


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "confirm-readback",
        parents=[common],
        help="read returned 分工确认表 (.docx/.xlsx) and record the proposals",
        description="Read the 分工确认表 departments sent back (files or folders of .docx/.xlsx "
        "forms exported with 'export confirmation-forms'): rows marked 同意 are agreed, rows "
        "marked 需调整 become proposals (old → proposed, who asks, why), recorded undecided and "
        "printed by task and field with conflicting departments side by side. Forms of another "
        "database, plan or import, with altered keys, feedback forms and damaged files are "
        "rejected with the reason.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="returned forms or folders of them")
    p.add_argument("--plan", type=int, help="plan id (default: the latest)")
    p.add_argument(
        "--dry-run", action="store_true", help="show what would be recorded; write nothing"
    )
    p.add_argument(
        "--accept-all",
        action="store_true",
        help="then accept every proposal not in conflict, as one step (conflicts stay undecided)",
    )
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")
    p.set_defaults(run=run_readback)

    p = commands.add_parser(
        "confirm-decide",
        parents=[common],
        help="accept or reject 分工确认 proposals by id",
        description="Accept (apply to the tasks) or reject proposals recorded by "
        "confirm-readback, all in one step. Accepting two proposals that disagree on the same "
        "task and field is refused.",
    )
    p.add_argument("ids", nargs="+", type=int, metavar="PROPOSAL_ID")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--accept", action="store_true", help="accept and apply them")
    group.add_argument("--reject", action="store_true", help="reject them")
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")
    p.set_defaults(run=run_decide)


def _proposal_json(p: Any, conflict: bool) -> dict[str, Any]:
    return {
        "id": getattr(p, "id", None),
        "code": p.code,
        "field": p.field,
        "field_name": p.field_name,
        "department": p.department,
        "old": p.old_value,
        "proposed": p.shown,
        "reason": p.reason,
        "conflict": conflict,
    }


def _print_groups(groups: list[Any]) -> None:
    for group in groups:
        mark = "  意见不一致（conflict）" if group.conflict else ""
        old = group.proposals[0].old_value or "（无）"
        print(f"{group.code}\t{group.field_name}\t现：{old}{mark}")
        for p in group.proposals:
            ident = f"#{p.id}" if getattr(p, "id", None) else "-"
            print(f"\t{ident}\t{p.department} → {p.shown}\t理由：{p.reason}")


def _draft_groups(preview: Any) -> list[Any]:
    """The proposals of a dry run grouped as ``proposal_groups`` groups stored ones."""
    from db.confirmations import ProposalGroup

    grouped: dict[tuple[int, str], list[Any]] = {}
    for draft in preview.proposals:
        grouped.setdefault((draft.task_id, draft.field), []).append(draft)
    return [
        ProposalGroup(task_id, items[0].code, "", field, tuple(items))
        for (task_id, field), items in grouped.items()
    ]


def run_readback(args: argparse.Namespace) -> int:
    from db import confirmations as cf
    from db.confirmations import ALREADY_READ
    from exports.confirm_readback import read_confirm_forms

    with open_db(args.db, write=not args.dry_run) as db:
        plan = resolve_plan(db, args.plan)
        forms = []
        for item in args.files:
            forms.extend(read_confirm_forms(Path(item)))
        preview = cf.preview_confirmations(db, forms, plan_id=plan.id)
        step = None
        if args.dry_run:
            groups = _draft_groups(preview)
        else:
            cf.record_replies(db, preview)
            if args.accept_all:
                step = cf.settle(db, accept=cf.acceptable(db, plan.id))
            groups = cf.proposal_groups(db, plan.id, undecided_only=True)
        states = cf.confirmation_states(db, plan.id)
    if args.json:
        print_json(
            {
                "plan": plan.title,
                "forms": [
                    {"file": str(f.path), "accepted": f.accepted, "reason": f.reason,
                     "department": f.department}
                    for f in preview.forms
                ],
                "rows": [
                    {"file": str(r.path), "code": r.code, "kind": r.kind, "reason": r.reason}
                    for r in preview.rows
                ],
                "undecided": [_proposal_json(p, g.conflict) for g in groups for p in g.proposals],
                "accepted": list(step.accepted) if step else [],
                "states": [{"department": s.department, "state": s.state_name} for s in states],
                "recorded": not args.dry_run,
            }
        )  # fmt: skip
        return _status(preview)
    for form in preview.rejected_forms:
        note(f"{'already read' if form.code == ALREADY_READ else 'rejected'}: {form.message}")
    for row in preview.problems:
        print(f"problem\t{row.path.name}\t{row.code}\t{row.reason}")
    again = sum(f.code == ALREADY_READ for f in preview.rejected_forms)
    print(
        f"Read {len(preview.forms) - len(preview.rejected_forms)} form(s): "
        f"{preview.count(cf.AGREED)} row(s) agreed, {len(preview.proposals)} proposal(s), "
        f"{len(preview.problems)} problem row(s); {again} read before, "
        f"{len(preview.rejected_forms) - again} rejected file(s)"
        + (" (dry run: nothing recorded)" if args.dry_run else "")
    )
    if step is not None:
        print(f"Accepted {len(step.accepted)} proposal(s) and applied them as one step.")
    if groups:
        print("Undecided proposals:" if not args.dry_run else "Proposals:")
        _print_groups(groups)
        if not args.dry_run:
            print("Decide with: main.py confirm-decide ID… --accept | --reject")
    print("\t".join(f"{s.department} {s.state_name}" for s in states))
    return _status(preview)


def _status(preview: Any) -> int:
    """2 (bad input) when not one of the files was a usable form, as ``readback``; a form
    read before counts as usable (reading it again changes nothing, as there)."""
    from db.confirmations import ALREADY_READ

    usable = any(f.accepted or f.code == ALREADY_READ for f in preview.forms)
    return 2 if preview.forms and not usable else 0


def run_decide(args: argparse.Namespace) -> int:
    from db import confirmations as cf

    with open_db(args.db) as db:
        proposals = cf.get_proposals(db, args.ids)
        chosen = {"accept": args.ids} if args.accept else {"reject": args.ids}
        step = cf.settle(db, **chosen)
    word = "Accepted" if args.accept else "Rejected"
    if args.json:
        print_json({"accepted": list(step.accepted), "rejected": list(step.rejected)})
        return 0
    for p in proposals:
        print(f"{word} #{p.id}\t{p.code}\t{p.field_name}\t{p.department} → {p.shown}")
    return 0
