"""backups, backup, restore, check: the way back for a damaged or wrongly edited file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cli.output import note, open_db, print_json
from db.backups import (
    backup_database,
    backup_dir_for,
    backup_problems,
    copy_database,
    database_path,
    list_backups,
)
from db.errors import NotFound, StoreError
from db.store import check_file, restore_into


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "backups",
        parents=[common],
        help="list the backups of the database",
        description="List the backups kept beside the database (newest first): one a day on "
        "first use, and one before every upgrade, plan removal, carry-over and restore.",
    )
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.set_defaults(run=run_list)

    p = commands.add_parser(
        "backup",
        parents=[common],
        help="make a backup now, or a copy elsewhere (--to)",
        description="Copy the database into its backups folder now, or with --to into a file "
        "or folder of your choice (a USB stick, a share), through SQLite's online backup: "
        "whole and consistent even while the window is saving. Copying the database file "
        "itself while Duban has it open can miss the latest saves (they may still be in the "
        "-wal file beside it) or catch one half-written.",
    )
    p.add_argument(
        "--to",
        type=Path,
        metavar="PATH",
        help="write the copy to this file (or into this folder, under the database's name)",
    )
    p.set_defaults(run=run_backup)

    p = commands.add_parser(
        "restore",
        parents=[common],
        help="put a backup in place of the database",
        description="Replace the database with one of its backups. The current file is kept "
        "as a backup first (a plain copy if it is damaged), so a restore can be undone by "
        "restoring that one. The file must not be open in the window.",
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("backup", nargs="?", type=Path, help="the backup file to restore")
    which.add_argument("--newest", action="store_true", help="the newest backup that is sound")
    p.set_defaults(run=run_restore)

    p = commands.add_parser(
        "check",
        parents=[common],
        help="check the database file for damage",
        description="Run SQLite's quick check on the database and its backups; exit 2 when "
        "the database is damaged.",
    )
    p.set_defaults(run=run_check)


def run_list(args: argparse.Namespace) -> int:
    found = list_backups(args.db)
    if args.json:
        print_json(
            [
                {
                    "file": str(b.path),
                    "made_at": b.made_at.isoformat(timespec="seconds"),
                    "reason": b.reason,
                    "bytes": b.size,
                }
                for b in found
            ]
        )
        return 0
    if not found:
        print(f"No backups yet in {backup_dir_for(args.db)}.")
    for b in found:
        print(f"{b.made_at:%Y-%m-%d %H:%M:%S}\t{b.reason}\t{b.size // 1024} KB\t{b.path}")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    with open_db(args.db, write=False) as db:
        if args.to is not None:
            made = copy_database(db, args.to)
        else:
            made = backup_database(db, backup_dir_for(database_path(db)), reason="by-hand")
    print(made)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    if args.newest:
        sound = [b for b in list_backups(args.db) if not backup_problems(b.path)]
        if not sound:
            raise NotFound(f"{args.db}: there is no sound backup in {backup_dir_for(args.db)}.")
        chosen: Any = sound[0]
    else:
        chosen = args.backup
        if not chosen.is_file():
            raise NotFound(f"{chosen}: no such backup file.")
    restored = restore_into(args.db, chosen, "command line", source="cli")
    made = restored.restored_from
    print(f"Restored {args.db} from {made.path.name} ({made.made_at:%Y-%m-%d %H:%M}).")
    if restored.previous_kept_as is not None:
        print(f"The file as it was is kept as {restored.previous_kept_as}.")
    return 0


def run_check(args: argparse.Namespace) -> int:
    problems = check_file(args.db) if Path(args.db).exists() else ["the file does not exist"]
    for b in list_backups(args.db)[:5]:
        found = backup_problems(b.path)
        note(f"backup {b.path.name}: {'damaged: ' + found[0] if found else 'sound'}")
    if problems:
        raise StoreError(str(args.db), "damaged: " + "; ".join(problems[:5]))
    print(f"{args.db}: sound")
    return 0
