"""The per-database secret that signs the keys printed on feedback forms.

Kept in the ``settings`` table under ``forms.secret`` (a JSON string of 32 hex digits),
but deliberately not declared in ``db.settings.DEFAULTS``: it is not a user setting, is
never shown or exported with the settings, and travels with the database file, so forms
sent from one office's data are recognised when they come back to the same data.
"""

from __future__ import annotations

import json
import secrets

from sqlite_utils import Database

KEY = "forms.secret"


def form_secret(db: Database) -> bytes:
    """The secret, created on first use (concurrent first uses agree on one value)."""
    row = _read(db)
    if row is None:
        with db.atomic():
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
                [KEY, json.dumps(secrets.token_hex(16))],
            )
        row = _read(db)
    if row is None:  # pragma: no cover - the insert above guarantees a row
        raise RuntimeError("The form secret could not be stored.")
    return row


def _read(db: Database) -> bytes | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [KEY]).fetchone()
    if row is None:
        return None
    try:
        value = json.loads(row[0])
    except ValueError:
        value = row[0]  # edited by hand: still a secret, use it as it is
    text = str(value)
    try:
        return bytes.fromhex(text)
    except ValueError:
        return text.encode("utf-8")
