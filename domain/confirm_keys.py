"""The keys a 分工确认表 carries, so a returned confirmation form is recognised and trusted.

The same scheme as the feedback forms' (``domain.form_keys``), under its own prefix so the
two kinds of form never pass for each other: the form's core property ``identifier`` is
``duban-confirm:v1:plan:department:generation:seq:mac`` and every task row carries a small
key ``C3-T152-9f2c1a`` (department, task). Both end in an HMAC-SHA256 with the database's
secret over their fields, the database's identity, the plan's generation and the export's
database generation and change sequence (a ``FormStamp``): a key whose task or department
was changed, copied from another export, or printed before the plan was imported again no
longer checks.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from typing import NamedTuple

from domain.form_keys import FORM_PREFIX as FEEDBACK_PREFIX
from domain.form_keys import GENERATION_DIGITS, FormStamp

CONFIRM_PREFIX = "duban-confirm"
_DASH = "[-\u2010\u2011\u2012\u2013\u2014\u2212]"  # Word/WPS may "correct" a hyphen
_ROW_KEY = re.compile(rf"C(\d+){_DASH}T(\d+){_DASH}([0-9a-f]{{6}})", re.I)
_FORM_ID = re.compile(
    rf"{CONFIRM_PREFIX}:v1:(\d+):(\d+):([0-9a-f]{{{GENERATION_DIGITS}}}):(\d+):([0-9a-f]{{8}})"
)


class ConfirmKey(NamedTuple):
    department_id: int
    task_id: int
    mac: str


class ConfirmFormId(NamedTuple):
    plan_id: int
    department_id: int
    generation: str
    seq: int
    mac: str

    @property
    def export_key(self) -> str:
        """Which export the form came from (the same for every copy of it)."""
        return f"c1:{self.plan_id}:{self.department_id}:{self.generation}:{self.seq}"


def _mac(secret: bytes, message: str, digits: int) -> str:
    return hmac.new(secret, message.encode("utf-8"), hashlib.sha256).hexdigest()[:digits]


def _signed(stamp: FormStamp) -> str:
    return f"{stamp.identity}:{stamp.plan_generation}:{stamp.generation}:{stamp.seq}"


def confirm_row_key(stamp: FormStamp, department_id: int, task_id: int) -> str:
    """``C3-T152-9f2c1a``: department, task, 6 hex digits of the HMAC."""
    message = f"confirm-row:{_signed(stamp)}:{stamp.plan_id}:{department_id}:{task_id}"
    return f"C{department_id}-T{task_id}-{_mac(stamp.secret, message, 6)}"


def parse_confirm_key(text: str) -> ConfirmKey | None:
    """The key's fields, or None; tolerates what Word or WPS do to it (spaces, full-width
    characters, other dashes, letter case)."""
    normal = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))
    match = _ROW_KEY.fullmatch(normal)
    if match is None:
        return None
    dept, task, mac = match.groups()
    return ConfirmKey(int(dept), int(task), mac.lower())


def check_confirm_key(stamp: FormStamp, key_text: str) -> bool:
    """Whether ``key_text`` was printed in the export ``stamp`` describes."""
    key = parse_confirm_key(key_text)
    if key is None:
        return False
    expected = confirm_row_key(stamp, key.department_id, key.task_id)
    return hmac.compare_digest(expected.rsplit("-", 1)[1], key.mac)


def confirm_form_id(stamp: FormStamp, department_id: int) -> str:
    fields = f"{stamp.plan_id}:{department_id}:{stamp.generation}:{stamp.seq}"
    signed = f"confirm-form:{stamp.identity}:{stamp.plan_generation}:{fields}"
    return f"{CONFIRM_PREFIX}:v1:{fields}:{_mac(stamp.secret, signed, 8)}"


def parse_confirm_form_id(text: str) -> ConfirmFormId | None:
    match = _FORM_ID.fullmatch((text or "").strip())
    if match is None:
        return None
    plan, dept, generation, seq, mac = match.groups()
    return ConfirmFormId(int(plan), int(dept), generation, int(seq), mac)


def check_confirm_form_id(stamp: FormStamp, text: str) -> bool:
    """Whether ``text`` is signed by this database for the plan (and generation) of
    ``stamp``; ``stamp`` names the database, the plan and its generation."""
    parsed = parse_confirm_form_id(text)
    if parsed is None:
        return False
    claimed = stamp.of_form(parsed.plan_id, parsed.generation, parsed.seq, 2)
    return hmac.compare_digest(confirm_form_id(claimed, parsed.department_id), text.strip())


def is_feedback_form_id(text: str) -> bool:
    """A 进展情况反馈表's identifier (given where a 分工确认表 was expected)."""
    return (text or "").strip().startswith(FEEDBACK_PREFIX + ":")
