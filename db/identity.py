"""Which database this is, and which line of its history is the live one.

- The **identity** is a random id made once, when the database is created (or upgraded to a
  version that has one). Backups carry it, so a backup is restored only into its own
  database, whatever the names of the files (``a.sqlite3`` and ``a.db``).
- The **change sequence** is the highest ``audit_log`` id: every change writes the log and
  the log is append-only, so the sequence only grows — unlike the clock, which a clerk or a
  flat CMOS battery can turn back.
- A **generation** is a line of history. A restore goes back to a backup's content and starts
  a new generation after that content's change sequence (``base_seq``). Something made from
  the database (a feedback form) names the generation and the sequence it was made at; it
  belongs to the live history when its generation is the current one, or an ancestor that
  the restore kept up to that sequence. A form made from content a restore threw away is
  recognised, however its ids look.

All of it lives in the tables of ``m003_database_identity_and_generations``.
"""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from db import audit
from db.errors import StoreError


@dataclass(frozen=True)
class Identity:
    identity: str
    form_secret: bytes
    legacy_forms_seq: int  # forms of the first format were exported before this sequence


@dataclass(frozen=True)
class Generation:
    generation: str
    base_seq: int
    started_at: str
    reason: str  # created / upgraded / restored


def _secret_bytes(text: str) -> bytes:
    try:
        return bytes.fromhex(text)
    except ValueError:
        return text.encode("utf-8")  # edited by hand: still a secret, used as it is


def database_identity(db: Database) -> Identity:
    row = db.execute(
        "SELECT identity, form_secret, legacy_forms_seq FROM database_identity WHERE id = 1"
    ).fetchone()
    if row is None:  # pragma: no cover - the migration always makes the row
        raise StoreError("", "The database has no identity; open it once with Duban to upgrade it.")
    return Identity(row[0], _secret_bytes(row[1]), int(row[2]))


def identity_of_file(path: str | Path) -> str | None:
    """The identity inside a database file (a backup), read strictly read-only; None for a
    file of an older schema, or one that cannot be read."""
    uri = f"file:{quote(str(Path(path).resolve()))}?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            row = conn.execute("SELECT identity FROM database_identity WHERE id = 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def change_seq(db: Database) -> int:
    """The database's change sequence: the highest audit log id."""
    return int(db.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0])


def generations(db: Database) -> list[Generation]:
    """The database's lines of history, oldest first; the last is the live one."""
    return [
        Generation(*row)
        for row in db.execute(
            "SELECT generation, base_seq, started_at, reason FROM database_generations ORDER BY id"
        ).fetchall()
    ]


def current_generation(db: Database) -> Generation:
    return generations(db)[-1]


def start_generation(db: Database, reason: str) -> Generation:
    """A new line of history from the content as it is now (after a restore)."""
    generation = Generation(secrets.token_hex(16), change_seq(db), audit.now_iso(), reason)
    with db.atomic():
        db.execute(
            "INSERT INTO database_generations (generation, base_seq, started_at, reason)"
            " VALUES (?, ?, ?, ?)",
            [generation.generation, generation.base_seq, generation.started_at, reason],
        )
    return generation


def adopt_identity(db: Database, identity: str, form_secret: bytes) -> None:
    """Give a database restored from a backup older than identities its database's
    identity and form secret back (the upgrade that ran on it made new ones)."""
    with db.atomic():
        db.execute(
            "UPDATE database_identity SET identity = ?, form_secret = ? WHERE id = 1",
            [identity, form_secret.hex()],
        )


KEPT, DISCARDED, UNKNOWN = "kept", "discarded", "unknown"


def lineage_of(db: Database, generation_prefix: str, seq: int) -> str:
    """Whether something made at ``seq`` in the generation starting ``generation_prefix``
    belongs to the live history (KEPT), to history a restore threw away (DISCARDED), or to
    no generation of this database (UNKNOWN)."""
    lines = generations(db)
    for index, line in enumerate(lines):
        if not line.generation.startswith(generation_prefix) or not generation_prefix:
            continue
        if index == len(lines) - 1:
            return KEPT if seq <= change_seq(db) else DISCARDED
        return KEPT if seq <= lines[index + 1].base_seq else DISCARDED
    return UNKNOWN
