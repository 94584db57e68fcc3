"""``departments …`` and ``leaders …``: the directory, from a script."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cli.output import open_db, print_json
from db import departments as dep
from db import leaders as lead
from db.directory_lists import ListResult, add_department_entries, add_leader_entries
from db.errors import InvalidValue
from domain.directory_lists import (
    ListLineError,
    parse_department_list,
    parse_leader_list,
    read_list_file,
)

DEPARTMENT_FILE_HELP = (
    "a text file, one department per line: NAME | SHORT NAME | OTHER NAMES (other names "
    "separated by , or 、; the short name and other names may be left out, so a plain list "
    "of names works too); blank lines and lines starting with # are skipped. A line that "
    "cannot be read is named with its line number and nothing is added"
)
LEADER_FILE_HELP = (
    "a text file, one leader per line: NAME TITLE (separated by a space, a comma or a tab) "
    "or NAME | TITLE | DEPARTMENTS (separated by , or 、); # comments and blank lines are "
    "skipped. A line that cannot be read is named with its line number and nothing is added"
)


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "departments",
        parents=[common],
        help="list and edit departments (处室)",
        description="The department directory: names in the office's official order, short "
        "names and aliases used to recognise them in plans.",
    )
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    a = sub.add_parser("list", parents=[common], help="list departments in official order")
    a.add_argument("--all", action="store_true", help="include retired and merged departments")
    a.add_argument("--json", action="store_true", help="print as JSON")
    a.set_defaults(run=run_list)

    a = sub.add_parser("add", parents=[common], help="add one or more departments")
    a.add_argument("names", nargs="*", metavar="NAME", help="department names, in order")
    a.add_argument("--short", default="", help="short name (with a single NAME)")
    a.add_argument("--alias", action="append", default=[], help="another name (repeatable)")
    a.add_argument("--from-file", type=Path, metavar="FILE", help=DEPARTMENT_FILE_HELP)
    a.set_defaults(run=run_add)

    a = sub.add_parser("rename", parents=[common], help="rename a department")
    a.add_argument("name")
    a.add_argument("new_name")
    a.set_defaults(run=run_rename)

    a = sub.add_parser("alias", parents=[common], help="add (or --remove) an alias")
    a.add_argument("name")
    a.add_argument("alias")
    a.add_argument("--remove", action="store_true", help="remove the alias instead")
    a.set_defaults(run=run_alias)

    a = sub.add_parser("short", parents=[common], help="set the short name")
    a.add_argument("name")
    a.add_argument("short_name")
    a.set_defaults(run=run_short)

    a = sub.add_parser("retire", parents=[common], help="retire a department (history kept)")
    a.add_argument("name")
    a.set_defaults(run=run_retire)

    a = sub.add_parser("merge", parents=[common], help="merge one department into another")
    a.add_argument("name", help="the department that goes away")
    a.add_argument("into", help="the department that takes over its tasks")
    a.set_defaults(run=run_merge)

    p = commands.add_parser(
        "leaders",
        parents=[common],
        help="list, add and edit leaders (分管领导)",
        description="Leaders in charge (分管领导): name, title (职务) and the departments "
        "each supervises.",
    )
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = sub.add_parser("list", parents=[common], help="list leaders")
    a.add_argument("--json", action="store_true", help="print as JSON")
    a.set_defaults(run=run_leaders)
    a = sub.add_parser("add", parents=[common], help="add a leader, or a list of leaders")
    a.add_argument("name", nargs="?", metavar="NAME")
    a.add_argument("--title", default="", help="e.g. 副局长")
    a.add_argument(
        "--departments", nargs="*", default=[], metavar="DEPT", help="departments supervised"
    )
    a.add_argument("--from-file", type=Path, metavar="FILE", help=LEADER_FILE_HELP)
    a.set_defaults(run=run_leader_add)
    a = sub.add_parser("title", parents=[common], help="set a leader's title (职务)")
    a.add_argument("name")
    a.add_argument("title", help='e.g. 副局长; "" to clear it')
    a.set_defaults(run=run_leader_title)


def _as_json(d: dep.Department) -> dict[str, Any]:
    return {
        "id": d.id,
        "name": d.name,
        "short_name": d.short_name,
        "aliases": list(d.aliases),
        "position": d.position,
        "active": d.active,
        "merged_into_id": d.merged_into_id,
    }


def run_list(args: argparse.Namespace) -> int:
    with open_db(args.db, write=False) as db:
        found = dep.list_departments(db, include_retired=args.all)
    if args.json:
        print_json([_as_json(d) for d in found])
        return 0
    if not found:
        print("No departments yet. Add them: main.py departments add NAME …")
    for d in found:
        extra = []
        if d.short_name:
            extra.append(f"short: {d.short_name}")
        if d.aliases:
            extra.append("aliases: " + "、".join(d.aliases))
        if not d.active:
            extra.append("retired")
        print(f"{d.id}\t{d.name}\t{'; '.join(extra)}")
    return 0


def _add_from_file(args: argparse.Namespace, parse: Any, add: Any, what: str) -> int:
    """Add the list in ``--from-file``, all of it or nothing: a line that cannot be read,
    or an entry the directory refuses, stops everything (exit 2, file and line named)."""
    path: Path = args.from_file
    try:
        entries = parse(read_list_file(path), str(path))
    except ListLineError as exc:
        raise InvalidValue(str(exc)) from exc
    if not entries:
        raise InvalidValue(f"{path}: the file holds no names (only blank lines or # comments).")
    with open_db(args.db) as db:
        result: ListResult = add(db, entries, source=str(path))
    for x in result.added:
        print(f"Added {what} {x.id}: {x.name}")
    if result.skipped:
        print(f"{len(result.skipped)} already in the list, skipped: " + "、".join(result.skipped))
    return 0


def run_add(args: argparse.Namespace) -> int:
    names = list(args.names)
    if args.from_file:
        if names or args.short or args.alias:
            raise InvalidValue(
                "--from-file reads the whole list: give no NAME, --short or --alias."
            )
        return _add_from_file(args, parse_department_list, add_department_entries, "department")
    if not names:
        raise InvalidValue("Name at least one department (or use --from-file).")
    if (args.short or args.alias) and len(names) != 1:
        raise InvalidValue("--short and --alias go with a single department name.")
    with open_db(args.db) as db, db.atomic():
        if len(names) == 1:
            added = [dep.add_department(db, names[0], short_name=args.short, aliases=args.alias)]
        else:
            added = dep.add_departments(db, names)
    for d in added:
        print(f"Added department {d.id}: {d.name}")
    skipped = len(names) - len(added)
    if skipped:
        print(f"{skipped} name(s) were already in the list and were skipped.")
    return 0


def _edit(args: argparse.Namespace, change: Any) -> int:
    with open_db(args.db) as db:
        d = change(db, dep.require_department(db, args.name))
        print(
            f"{d.id}\t{d.name}\tshort: {d.short_name or '-'}\taliases: "
            f"{'、'.join(d.aliases) or '-'}"
        )
    return 0


def run_rename(args: argparse.Namespace) -> int:
    return _edit(args, lambda db, d: dep.rename_department(db, d.id, args.new_name))


def run_alias(args: argparse.Namespace) -> int:
    if args.remove:
        return _edit(args, lambda db, d: dep.remove_alias(db, d.id, args.alias))
    return _edit(args, lambda db, d: dep.add_alias(db, d.id, args.alias))


def run_short(args: argparse.Namespace) -> int:
    return _edit(args, lambda db, d: dep.set_short_name(db, d.id, args.short_name))


def run_retire(args: argparse.Namespace) -> int:
    return _edit(args, lambda db, d: dep.set_department_active(db, d.id, False))


def run_merge(args: argparse.Namespace) -> int:
    return _edit(
        args,
        lambda db, d: dep.merge_departments(db, d.id, dep.require_department(db, args.into).id),
    )


def run_leaders(args: argparse.Namespace) -> int:
    with open_db(args.db, write=False) as db:
        found = lead.list_leaders(db)
        names = {d.id: d.name for d in dep.list_departments(db, include_retired=True)}
    if args.json:
        print_json(
            [
                {
                    "id": x.id,
                    "name": x.name,
                    "title": x.title,
                    "departments": [names[i] for i in x.department_ids],
                }
                for x in found
            ]
        )
        return 0
    for x in found:
        depts = "、".join(names[i] for i in x.department_ids)
        print(f"{x.id}\t{x.name}\t{x.title or '-'}\t{depts or '-'}")
    return 0


def run_leader_add(args: argparse.Namespace) -> int:
    if args.from_file:
        if args.name or args.title or args.departments:
            raise InvalidValue(
                "--from-file reads the whole list: give no NAME, --title or --departments."
            )
        return _add_from_file(args, parse_leader_list, add_leader_entries, "leader")
    if not args.name:
        raise InvalidValue("Name the leader (or use --from-file).")
    with open_db(args.db) as db:
        ids = [dep.require_department(db, name).id for name in args.departments]
        x = lead.add_leader(db, args.name, title=args.title, department_ids=ids)
    print(f"Added leader {x.id}: {x.name}")
    return 0


def run_leader_title(args: argparse.Namespace) -> int:
    with open_db(args.db) as db:
        x = lead.set_leader_title(db, lead.require_leader(db, args.name).id, args.title)
    print(f"{x.id}\t{x.name}\t{x.title or '-'}")
    return 0
