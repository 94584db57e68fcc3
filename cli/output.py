"""Printing for the command line: plain text for people, JSON for scripts."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from db.audit import set_audit_context
from db.connection import open_database


def fail(message: str, code: int) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def note(message: str) -> None:
    print(message, file=sys.stderr)


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def open_db(path: str | Path) -> Database:
    db = open_database(path)
    set_audit_context(db, "cli")
    return db


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
