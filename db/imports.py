"""Importing a plan file: read, parse, refuse duplicates, store — all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from db.assignments import KEEP, assign
from db.backups import backup_database, backup_dir_for, database_path
from db.departments import add_departments, find_department
from db.leaders import add_leader, find_leader
from db.plan_script import simplify_plan
from db.plans import SourceInfo, find_plans_by_hash, insert_plan
from db.records import Plan
from domain.errors import PlanInputError
from domain.outline import ParsedPlan, PlanCounts
from domain.parser import parse_lines
from domain.table_plan import TaskTable, read_task_table
from domain.textsource import SourceText, read_plan_file

Progress = Callable[[int, int], None]


class DuplicatePlanError(PlanInputError):
    """The same file (by content) was imported before."""

    def __init__(self, path: str | Path, existing: list[Plan]) -> None:
        self.existing = existing
        first = existing[0]
        super().__init__(
            path,
            f"This file was already imported as plan {first.id} (“{first.title}”, "
            f"{first.imported_at[:10]}). Nothing was changed. To import it again in its "
            "place, use replace (command line: --replace); the old plan goes to a backup first.",
            code="duplicate",
        )


@dataclass
class ImportResult:
    plan_id: int
    counts: PlanCounts
    plan: ParsedPlan
    source: SourceText
    replaced: tuple[int, ...] = ()
    backup: Path | None = None
    warnings: list[str] = field(default_factory=list)
    simplified: int = 0  # texts converted from Traditional characters (originals kept)


def read_and_parse(path: str | Path) -> tuple[ParsedPlan, SourceText]:
    """Read and parse a plan file, refusing text that has no numbering at all."""
    source = read_plan_file(path)
    plan = parse_lines(source.lines)
    plan.warnings[:0] = source.warnings
    if not plan.numbered:
        raise PlanInputError(
            path,
            "No numbered sections or items were found (一、 （一） 1. （1）), so the plan cannot "
            "be split into tasks. Check that this is the plan, or number its sections and "
            "items, then import again.",
            code="no_numbering",
        )
    return plan, source


def import_plan(
    db: Database,
    path: str | Path,
    *,
    replace: bool = False,
    year: int | None = None,
    backups_dir: str | Path | None = None,
    progress: Progress | None = None,
    simplified: bool = False,
) -> ImportResult:
    """Read, parse and store the plan in ``path``."""
    plan, source = read_and_parse(path)
    return store_parsed(
        db,
        plan,
        source,
        replace=replace,
        year=year,
        backups_dir=backups_dir,
        progress=progress,
        simplified=simplified,
    )


def store_parsed(
    db: Database,
    plan: ParsedPlan,
    source: SourceText,
    *,
    replace: bool = False,
    year: int | None = None,
    backups_dir: str | Path | None = None,
    progress: Progress | None = None,
    simplified: bool = False,
) -> ImportResult:
    """Store a plan already read and parsed. A file imported before is refused unless
    ``replace``; replacing backs the database up first. ``simplified``: convert a plan in
    Traditional characters to Simplified, keeping the file's text (``db.plan_script``)."""
    existing, backup = _check_duplicates(db, source, replace, backups_dir)
    with db.atomic():  # stored and converted, or neither
        plan_id = _insert(db, plan, source, existing, year, progress)
        converted = len(simplify_plan(db, plan_id).changes) if simplified else 0
    return ImportResult(
        plan_id,
        plan.counts(),
        plan,
        source,
        tuple(p.id for p in existing),
        backup,
        list(plan.warnings),
        converted,
    )


# ---------------------------------------------------------------------------- task tables


class UnknownNamesError(PlanInputError):
    """A task table names departments (or leaders) the directory does not have."""

    def __init__(self, path: str | Path, departments: list[str], leaders: list[str]) -> None:
        self.departments = departments
        self.leaders = leaders
        parts = []
        if departments:
            parts.append("departments not in the directory: " + "、".join(departments))
        if leaders:
            parts.append("leaders not in the directory: " + "、".join(leaders))
        super().__init__(
            path,
            "The table names " + "; ".join(parts) + ". Nothing was imported. Add them first "
            "(command line: import again with --add-departments), or correct the table.",
            code="unknown_departments",
        )


def read_plan_or_table(
    path: str | Path, *, require_numbering: bool = True
) -> tuple[ParsedPlan, SourceText, TaskTable | None]:
    """Read a plan file, or a 任务分解表 (.xlsx, or a .docx whose content is a task table).

    A .docx is read as a task table when the table holds most of its text; a plan with a
    small table inside is read as a plan.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        table = read_task_table(path)
        if table is None:
            raise PlanInputError(
                path,
                "This workbook holds no task table: no sheet has a header row with a task "
                "column (工作任务, 重点任务, 具体任务 …) beside 牵头单位, 配合单位 or 完成时限.",
                code="no_task_table",
            )
        return table.to_plan(), table_source(table), table
    if suffix == ".docx":
        table = read_task_table(path)
        if table is not None:
            try:
                plan, source = _read_plan(path, require_numbering)
            except PlanInputError:
                return table.to_plan(), table_source(table), table
            in_table = sum(
                len("".join(c.text.split()))
                for row in table.grid.rows
                for c in row
                if not c.covered
            )
            in_file = sum(len("".join(line.split())) for line in source.lines)
            if in_table >= 0.5 * in_file:
                return table.to_plan(), table_source(table), table
            return plan, source, None
    plan, source = _read_plan(path, require_numbering)
    return plan, source, None


def _read_plan(path: Path, require_numbering: bool) -> tuple[ParsedPlan, SourceText]:
    if require_numbering:
        return read_and_parse(path)
    source = read_plan_file(path)
    plan = parse_lines(source.lines)
    plan.warnings[:0] = source.warnings
    return plan, source


def table_source(table: TaskTable) -> SourceText:
    """The table's file as a source: its rows, one line each, and its hash."""
    import hashlib

    path = table.path
    with path.open("rb") as fh:
        digest = hashlib.file_digest(fh, "sha256").hexdigest()
    lines = ["\t".join(c.text for c in row) for row in table.grid.rows]
    kind = "xlsx" if path.suffix.lower() in (".xlsx", ".xlsm") else "docx"
    return SourceText(path, lines, f"{kind} table", digest, path.stat().st_size)


def unknown_names(db: Database, plan: ParsedPlan) -> tuple[list[str], list[str]]:
    """Departments and leaders the plan's tasks name that the directory lacks."""
    departments: dict[str, None] = {}
    leaders: dict[str, None] = {}
    for task in plan.tasks():
        for name in (task.suggested_lead, *task.suggested_cooperating):
            if name and find_department(db, name) is None:
                departments.setdefault(name)
        if task.suggested_leader and find_leader(db, task.suggested_leader) is None:
            leaders.setdefault(task.suggested_leader)
    return list(departments), list(leaders)


def store_table(
    db: Database,
    plan: ParsedPlan,
    source: SourceText,
    *,
    add_names: bool = False,
    replace: bool = False,
    year: int | None = None,
    backups_dir: str | Path | None = None,
    progress: Progress | None = None,
    simplified: bool = False,
    ledger: bool = False,
) -> ImportResult:
    """Store a plan read from a task table and give each task the assignment of its row;
    ``ledger``: the table is a 督办事项台账 and the plan is kept as one (``plans.kind``).

    Names the directory lacks are refused (UnknownNamesError) unless ``add_names``; then
    they are added, in the same transaction as the plan: all or nothing."""
    departments, leaders = unknown_names(db, plan)
    if (departments or leaders) and not add_names:
        raise UnknownNamesError(source.path, departments, leaders)
    existing, backup = _check_duplicates(db, source, replace, backups_dir)
    with db.atomic():
        add_departments(db, departments)
        for name in leaders:
            add_leader(db, name)
        plan_id = _insert(db, plan, source, existing, year, progress)
        _assign_rows(db, plan_id, plan)
        if ledger:
            from db.ledger import mark_ledger

            mark_ledger(db, plan_id)
        converted = len(simplify_plan(db, plan_id).changes) if simplified else 0
    warnings = list(plan.warnings)
    if departments:
        warnings.append("Added to the directory: " + "、".join(departments))
    if leaders:
        warnings.append("Leaders added: " + "、".join(leaders))
    return ImportResult(
        plan_id,
        plan.counts(),
        plan,
        source,
        tuple(p.id for p in existing),
        backup,
        warnings,
        converted,
    )


def _insert(
    db: Database,
    plan: ParsedPlan,
    source: SourceText,
    existing: list[Plan],
    year: int | None,
    progress: Progress | None,
) -> int:
    return insert_plan(
        db,
        plan,
        SourceInfo(source.name, source.sha256, source.size),
        year=year,
        replace_ids=tuple(p.id for p in existing),
        progress=progress,
    )


def _check_duplicates(
    db: Database, source: SourceText, replace: bool, backups_dir: str | Path | None
) -> tuple[list[Plan], Path | None]:
    """Refuse a file imported before unless ``replace``; replacing drops the old plan's
    assignments and progress, so the database is backed up first."""
    existing = find_plans_by_hash(db, source.sha256)
    if existing and not replace:
        raise DuplicatePlanError(source.path, existing)
    backup = None
    if existing:
        target = backup_dir_for(Path(database_path(db)), backups_dir)
        backup = backup_database(db, target, reason="before-replace")
    return existing, backup


def _assign_rows(db: Database, plan_id: int, plan: ParsedPlan) -> None:
    """Each task's row assignment, one bulk assignment per distinct assignment."""
    task_ids = [
        row[0]
        for row in db.execute("SELECT id FROM tasks WHERE plan_id = ? ORDER BY id", [plan_id])
    ]
    groups: dict[tuple[object, ...], list[int]] = {}
    for task_id, task in zip(task_ids, plan.tasks(), strict=True):
        lead = find_department(db, task.suggested_lead) if task.suggested_lead else None
        cooperating = tuple(
            d.id for name in task.suggested_cooperating if (d := find_department(db, name))
        )
        leader = find_leader(db, task.suggested_leader) if task.suggested_leader else None
        key = (lead.id if lead else None, cooperating, leader.id if leader else None,
               task.suggested_deadline)  # fmt: skip
        groups.setdefault(key, []).append(task_id)
    for (lead_id, cooperating, leader_id, deadline), ids in groups.items():
        assign(
            db,
            ids,
            lead=lead_id if lead_id is not None else KEEP,
            cooperating=list(cooperating) if cooperating else KEEP,
            leader=leader_id if leader_id is not None else KEEP,
            deadline=deadline if deadline else KEEP,
        )
