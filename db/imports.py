"""Importing a plan file: read, parse, refuse duplicates, store — all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from db.backups import backup_database, backup_dir_for, database_path
from db.plan_script import simplify_plan
from db.plans import SourceInfo, find_plans_by_hash, insert_plan
from db.records import Plan
from domain.errors import PlanInputError
from domain.outline import ParsedPlan, PlanCounts
from domain.parser import parse_lines
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
    existing = find_plans_by_hash(db, source.sha256)
    backup = None
    if existing and not replace:
        raise DuplicatePlanError(source.path, existing)
    if existing:
        # Replacing drops the old plan's assignments and progress: keep a way back.
        target = backup_dir_for(Path(database_path(db)), backups_dir)
        backup = backup_database(db, target, reason="before-replace")
    with db.atomic():  # stored and converted, or neither
        plan_id = insert_plan(
            db,
            plan,
            SourceInfo(source.name, source.sha256, source.size),
            year=year,
            replace_ids=tuple(p.id for p in existing),
            progress=progress,
        )
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
