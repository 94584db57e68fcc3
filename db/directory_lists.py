"""Adding a whole department or leader list (read by ``domain.directory_lists``) at once.

All or nothing: one transaction; an entry that breaks a rule (a short name another
department uses, a department a leader supervises that does not exist) is refused with
its line number and nothing of the list stays. Names already in the directory are
skipped, not doubled, so the same list can be given twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlite_utils import Database

from db.departments import add_department, find_department, require_department
from db.errors import InvalidValue, NotFound
from db.leaders import add_leader, find_leader
from db.records import Department, Leader
from domain.directory_lists import DepartmentEntry, LeaderEntry
from domain.names import name_key


@dataclass
class ListResult:
    added: list = field(default_factory=list)  # Department or Leader records, in order
    skipped: list[str] = field(default_factory=list)  # names already in the directory


def _place(source: str | None, line: int) -> str:
    return f"{source}, line {line}" if source else f"line {line}"


def add_department_entries(
    db: Database, entries: Sequence[DepartmentEntry], *, source: str | None = None
) -> ListResult:
    """Add the departments of a list in its order (a short name equal to the name, or an
    other name equal to either, is dropped as saying nothing new)."""
    result = ListResult()
    with db.atomic():
        for entry in entries:
            if find_department(db, entry.name, include_retired=True) is not None:
                result.skipped.append(entry.name)
                continue
            short = entry.short_name if name_key(entry.short_name) != name_key(entry.name) else ""
            known = {name_key(entry.name), name_key(short)}
            aliases = [a for a in dict.fromkeys(entry.aliases) if name_key(a) not in known]
            try:
                dept: Department = add_department(db, entry.name, short_name=short, aliases=aliases)
            except (InvalidValue, NotFound) as exc:
                raise type(exc)(f"{_place(source, entry.line)}: {exc} Nothing was added.") from exc
            result.added.append(dept)
    return result


def add_leader_entries(
    db: Database, entries: Sequence[LeaderEntry], *, source: str | None = None
) -> ListResult:
    """Add the leaders of a list in its order, each with the departments it names."""
    result = ListResult()
    with db.atomic():
        for entry in entries:
            if find_leader(db, entry.name) is not None:
                result.skipped.append(entry.name)
                continue
            try:
                ids = [require_department(db, name).id for name in entry.departments]
                leader: Leader = add_leader(
                    db, entry.name, title=entry.title, department_ids=list(dict.fromkeys(ids))
                )
            except (InvalidValue, NotFound) as exc:
                raise type(exc)(f"{_place(source, entry.line)}: {exc} Nothing was added.") from exc
            result.added.append(leader)
    return result
