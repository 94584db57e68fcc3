"""Data settings kept in the database file (they travel with the office's data).

Every setting is declared once here with its default; reading an unknown key is an
error, so a typo cannot silently create a new setting. UI state (window geometry,
column widths) is not here: the window keeps that in QSettings.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from db import audit
from domain.deadlines import SchoolCalendar

DEFAULTS: dict[str, Any] = {
    "office.name": "",  # 办公室 that signs the documents, e.g. 青岛市教育局办公室
    "office.signatory": "",  # the 署名 line of reports and notices ("" = the office name)
    "school_calendar": SchoolCalendar().to_dict(),
    # Warning lights (序时进度): thresholds an office may change.
    "warning.yellow_days": 15,  # yellow when the deadline is this close …
    "warning.yellow_fraction": 0.3,  # … or when less than this share of the time is left
    "warning.behind_margin": 0,  # percentage points below 序时进度 before a task counts as behind
    "documents.template": "",  # path of an office's own .docx template, "" for the built-in look
    "backups.keep": 10,
}


def get_setting(db: Database, key: str) -> Any:
    if key not in DEFAULTS:
        raise KeyError(f"Unknown setting {key!r}.")
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else DEFAULTS[key]


def set_setting(db: Database, key: str, value: Any) -> None:
    if key not in DEFAULTS:
        raise KeyError(f"Unknown setting {key!r}.")
    old = get_setting(db, key)
    if old == value:
        return
    with db.atomic():
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )
        audit.record(db, "setting.set", "setting", None, field=key, old=old, new=value)


def all_settings(db: Database) -> dict[str, Any]:
    return {key: get_setting(db, key) for key in DEFAULTS}


def school_calendar(db: Database) -> SchoolCalendar:
    try:
        return SchoolCalendar.from_dict(get_setting(db, "school_calendar"))
    except ValueError:
        # A calendar damaged by hand must not stop assignments; the defaults apply.
        return SchoolCalendar()
