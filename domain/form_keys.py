"""The keys a 进展情况反馈表 carries, so a returned form is recognised and trusted.

The form's core property ``identifier`` names plan, period and department
(``duban-feedback:v1:…``), and every task row has a small key under its code
(``D1-P7-T152-9f2c1a``). Both end in an HMAC-SHA256 of their fields with a per-database
secret, so a key whose task, department or period was changed no longer checks. The
documents write them (``exports.feedback``); the store checks them (``db.readback``).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from typing import NamedTuple

FORM_PREFIX = "duban-feedback:v1"


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


def row_key(
    secret: bytes, plan_id: int, period_id: int | None, department_id: int, task_id: int
) -> str:
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
