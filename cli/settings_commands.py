"""``settings``: the office's settings kept in the database, from a script."""

from __future__ import annotations

import argparse
import json
from typing import Any

from cli.output import open_db, print_json
from db.errors import InvalidValue
from db.settings import DEFAULTS, DESCRIPTIONS, all_settings, parse_value, set_setting


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "settings",
        parents=[common],
        help="list or change the office's settings (office name, 署名, 下步工作要求 …)",
        description="The settings kept in the database: the office and the 署名 printed on "
        "documents, 发文字号, 期号, 下步工作要求, 抄送, warning thresholds, backups.",
    )
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = sub.add_parser("list", parents=[common], help="every setting with its value")
    a.add_argument("--json", action="store_true", help="print as JSON")
    a.set_defaults(run=run_list)
    a = sub.add_parser(
        "set",
        parents=[common],
        help="change a setting",
        description="Change a setting. Text is taken as written (\\n starts a new line); "
        "numbers, yes/no and JSON are checked against the setting.",
    )
    a.add_argument("key", choices=sorted(DEFAULTS), metavar="KEY")
    a.add_argument("value", metavar="VALUE")
    a.set_defaults(run=run_set)
    a = sub.add_parser("reset", parents=[common], help="put a setting back to its default")
    a.add_argument("key", choices=sorted(DEFAULTS), metavar="KEY")
    a.set_defaults(run=run_reset)


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return value.replace("\n", "\\n") if value else "(empty)"
    return json.dumps(value, ensure_ascii=False)


def run_list(args: argparse.Namespace) -> int:
    with open_db(args.db, write=False) as db:
        values = all_settings(db)
    if args.json:
        print_json(values)
        return 0
    for key, value in values.items():
        print(f"{key} = {_shown(value)}")
        print(f"    {DESCRIPTIONS.get(key, '')}")
    return 0


def _set(args: argparse.Namespace, value: Any) -> int:
    with open_db(args.db) as db:
        set_setting(db, args.key, value)
    print(f"{args.key} = {_shown(value)}")
    return 0


def run_set(args: argparse.Namespace) -> int:
    try:
        value = parse_value(args.key, args.value)
    except ValueError as exc:
        raise InvalidValue(str(exc)) from None
    return _set(args, value)


def run_reset(args: argparse.Namespace) -> int:
    return _set(args, DEFAULTS[args.key])
