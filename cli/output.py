"""Printing for the command line: plain text for people, JSON for scripts."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from db.store import open_store


def fail(message: str, code: int, *, prefix: str = "error: ") -> int:
    print(f"{prefix}{message}", file=sys.stderr)
    return code


def note(message: str) -> None:
    print(message, file=sys.stderr)


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@contextmanager
def open_db(path: str | Path, *, write: bool = True) -> Iterator[Database]:
    """The database for one command. A command that only reads (``write=False``) reads
    through a read-only connection and holds no lock while it works, so it never keeps a
    writer out; it still works while the window edits the file, or where the file cannot be
    written. One that writes is refused with the name of the holder (``DatabaseLocked``) or
    the reason (``ReadOnlyLocation``)."""
    store = open_store(path, "command line", for_reading=not write, source="cli")
    try:
        for warning in store.warnings:
            note(f"warning: {warning}")
        if store.recovered is not None:
            note(
                f"(the file was left locked by {store.recovered.describe()}, which ended "
                "without closing it; the lock is taken over)"
            )
        if store.read_only_text:
            note(f"(read-only: {store.read_only_text})")
        yield store.db
    finally:
        store.close()


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
