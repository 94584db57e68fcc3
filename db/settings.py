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

# 下步工作要求 of the 通报 unless the office writes its own: one paragraph per line.
DEFAULT_REQUIREMENTS = "\n".join(
    (
        "（一）加快推进滞后任务。各牵头处室要对照完成时限，逐项分析滞后和逾期任务的原因，"
        "明确整改措施和完成时间，确保按期完成。",
        "（二）按时报送进展情况。各处室要在每个报送期结束后按时报送工作进展，"
        "如实反映存在问题，未报送的任务将在下期通报中列明。",
        "（三）加强协调配合。配合处室要主动对接牵头处室，形成工作合力，共同推进任务落实。",
    )
)

DEFAULTS: dict[str, Any] = {
    "office.name": "",  # 办公室 that signs the documents, e.g. 青岛市教育局办公室
    "office.signatory": "",  # the 署名 line of reports and notices ("" = the office name)
    "documents.doc_number": "",  # 发文字号 of the next document, e.g. 青教办〔2020〕12号
    "report.issue": "",  # 期号 of the next 通报, e.g. 第3期
    "report.requirements": DEFAULT_REQUIREMENTS,  # 下步工作要求, one paragraph per line
    "report.copy_to": "",  # 抄送 of the 版记, e.g. 局领导
    "report.printed_by": "",  # 印发机关 of the 版记 ("" = the office name)
    "report.imprint": False,  # print the 版记 (抄送, 印发机关, 印发日期) under the 通报
    "school_calendar": SchoolCalendar().to_dict(),
    # Warning lights (序时进度): thresholds an office may change.
    "warning.yellow_days": 15,  # yellow when the deadline is this close …
    "warning.yellow_fraction": 0.3,  # … or when less than this share of the time is left
    "warning.behind_margin": 0,  # percentage points below 序时进度 before a task counts as behind
    "documents.template": "",  # path of an office's own .docx template, "" for the built-in look
    "backups.keep": 10,
}


DESCRIPTIONS = {
    "office.name": "the office that signs the documents (署名), e.g. 青岛市教育局办公室",
    "office.signatory": "the 署名 line of reports and notices (empty: the office name)",
    "documents.doc_number": "发文字号 of the next document, e.g. 青教办〔2020〕12号",
    "report.issue": "期号 of the next 通报, e.g. 第3期",
    "report.requirements": "下步工作要求 of the 通报, one paragraph per line",
    "report.copy_to": "抄送 in the 通报's 版记, e.g. 局领导，各区市教育局",
    "report.printed_by": "印发机关 in the 版记 (empty: the office name)",
    "report.imprint": "print the 版记 (抄送, 印发机关, 印发日期) at the end of the 通报",
    "school_calendar": "dates of 寒假前, 暑假前, 开学前 … (JSON)",
    "warning.yellow_days": "yellow light when the deadline is this many days away",
    "warning.yellow_fraction": "… or when less than this share of the time is left (0–1)",
    "warning.behind_margin": "percentage points below 序时进度 before a task is behind",
    "documents.template": "an office's own .docx template (empty: the built-in look)",
    "backups.keep": "backups to keep",
}


def parse_value(key: str, text: str) -> Any:
    """A setting's value from the text a clerk types: as written for text settings, a
    number, a yes/no, or JSON — checked against the type of the default."""
    if key not in DEFAULTS:
        raise KeyError(f"Unknown setting {key!r}.")
    default = DEFAULTS[key]
    text = text.replace("\\n", "\n")  # a line break typed as \n on a command line
    if isinstance(default, bool):
        words = {"true": True, "yes": True, "1": True, "是": True,
                 "false": False, "no": False, "0": False, "否": False}  # fmt: skip
        if text.strip().lower() not in words:
            raise ValueError(f"{key} is yes or no (true/false), not {text!r}.")
        return words[text.strip().lower()]
    if isinstance(default, int):
        try:
            return int(text)
        except ValueError:
            raise ValueError(f"{key} is a whole number, not {text!r}.") from None
    if isinstance(default, float):
        try:
            return float(text)
        except ValueError:
            raise ValueError(f"{key} is a number, not {text!r}.") from None
    if isinstance(default, str):
        return text.strip()
    try:
        value = json.loads(text)
    except ValueError:
        raise ValueError(f"{key} is JSON like its default; {text!r} is not.") from None
    if not isinstance(value, type(default)):
        raise ValueError(f"{key} is a JSON {type(default).__name__}.")
    return value


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
