"""进展情况反馈表: one landscape form per department, listing the tasks it leads and the
tasks it cooperates on, with blank cells for 进展情况 / 存在问题 / 下步打算 / 完成进度 and
the 状态 choices to tick.

The forms come back filled in, so each is machine-readable without looking it: the
document's core property ``identifier`` names plan, period and department
(``duban-feedback:v1:…``), and every task row carries a small grey key under its code
(``D1-P7-T152-9f2c1a``). Both end in an HMAC of their fields with a per-database secret
(``db.form_secret``), so a key that was edited, or copied onto another task, is detected.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import re
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from db.form_secret import form_secret
from db.records import Department
from db.reports import PlanReport, ReportTask
from exports.docx_base import (
    OfficialDocument,
    chinese_date,
    clean,
    new_document,
    save_atomic,
    set_core_properties,
)
from exports.tables import Column, GroupRow, Row, TableSpec, add_table

__all__ = [
    "COLUMNS", "FeedbackOptions", "FormId", "FormKeys", "RowKey", "STATUS_CHOICES",
    "check_form_id", "check_row_key", "export_forms", "file_name", "form_id", "form_secret",
    "parse_form_id", "parse_row_key", "read_form_keys", "render", "row_key", "title_for",
]  # fmt: skip

KEYWORDS = "进展情况反馈表"
FORM_PREFIX = "duban-feedback:v1"
STATUS_CHOICES = ("已完成", "序时推进", "滞后", "未启动", "暂缓")
KEY_STYLE = "GWKey"
# 225 mm, the landscape text width. 角色 needs 12 mm for two 12 pt characters plus the cell
# margins; 状态 holds "□序时推进" in 10.5 pt (see _small_status); 序号 leaves the key two lines.
COLUMNS = (
    Column("序号", 16, "center"),
    Column("工作任务", 49),
    Column("角色", 12, "center"),
    Column("完成时限", 22, "center"),
    Column("进展情况", 38),
    Column("存在问题", 26),
    Column("下步打算", 26),
    Column("完成进度", 14, "center"),
    Column("状态", 22),
)
HEADER_LINE = (Column("", 130), Column("", 95, "right"))
FOOTER_LINE = "填报人：　　　　　　联系电话：　　　　　　处室负责人（签字）："
ROW_HEIGHT_MM = 18

# -- keys ----------------------------------------------------------------------------------


class RowKey(NamedTuple):
    department_id: int
    period_id: int  # 0: no period
    task_id: int
    mac: str


class FormId(NamedTuple):
    plan_id: int
    period_id: int  # 0: no period
    department_id: int
    mac: str


_DASH = "[-\u2010\u2011\u2012\u2013\u2014\u2212]"  # Word/WPS may "correct" a hyphen
_ROW_KEY = re.compile(rf"D(\d+){_DASH}P(\d+){_DASH}T(\d+){_DASH}([0-9a-f]{{6}})", re.I)
_FORM_ID = re.compile(rf"{FORM_PREFIX}:(\d+):(\d+):(\d+):([0-9a-f]{{8}})")


def _mac(secret: bytes, message: str, digits: int) -> str:
    return hmac.new(secret, message.encode("utf-8"), hashlib.sha256).hexdigest()[:digits]


def row_key(secret: bytes, plan_id: int, period_id: int | None, department_id: int,
            task_id: int) -> str:  # fmt: skip
    """``D1-P7-T152-9f2c1a``: department, period (0 for none), task, then 6 hex digits of
    HMAC-SHA256(secret, "plan:period:department:task")."""
    mac = _mac(secret, f"{plan_id}:{period_id or 0}:{department_id}:{task_id}", 6)
    return f"D{department_id}-P{period_id or 0}-T{task_id}-{mac}"


def parse_row_key(text: str) -> RowKey | None:
    """The key's fields, or None when ``text`` is not a key. Tolerates what editing in
    Word or WPS does to it: surrounding or inner spaces, full-width characters (NFKC),
    other dashes, changed letter case."""
    normal = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))
    match = _ROW_KEY.fullmatch(normal)
    if match is None:
        return None
    dept, period, task, mac = match.groups()
    return RowKey(int(dept), int(period), int(task), mac.lower())


def check_row_key(secret: bytes, plan_id: int, key_text: str) -> bool:
    key = parse_row_key(key_text)
    if key is None:
        return False
    expected = row_key(secret, plan_id, key.period_id, key.department_id, key.task_id)
    return hmac.compare_digest(expected.rsplit("-", 1)[1], key.mac)


def form_id(secret: bytes, plan_id: int, period_id: int | None, department_id: int) -> str:
    fields = f"{plan_id}:{period_id or 0}:{department_id}"
    return f"{FORM_PREFIX}:{fields}:{_mac(secret, f'form:{fields}', 8)}"


def parse_form_id(text: str) -> FormId | None:
    match = _FORM_ID.fullmatch((text or "").strip())
    if match is None:
        return None
    plan, period, dept, mac = match.groups()
    return FormId(int(plan), int(period), int(dept), mac)


def check_form_id(secret: bytes, text: str) -> bool:
    parsed = parse_form_id(text)
    if parsed is None:
        return False
    expected = form_id(secret, parsed.plan_id, parsed.period_id, parsed.department_id)
    return hmac.compare_digest(expected, text.strip())
