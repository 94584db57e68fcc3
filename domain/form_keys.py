"""The keys a 进展情况反馈表 carries, so a returned form is recognised and trusted.

The form's core property ``identifier`` names plan, period and department and the export
(``duban-feedback:v2:…``: the database generation and change sequence it was made at), and
every task row has a small key under its code (``D1-P7-T152-9f2c1a``). Both end in an
HMAC-SHA256 with a per-database secret over their fields, the database's identity and the
plan's generation (a ``FormStamp``), so a key whose task, department or period was changed,
or that comes from another export or from a plan imported again since, no longer checks.
Forms of the first format (``duban-feedback:v1:…``, keys over the row ids alone) are still
recognised. The documents write the keys (``exports.feedback``); the store makes the stamp
(``db.form_secret``) and checks them (``db.readback``).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import NamedTuple

FORM_PREFIX = "duban-feedback"
GENERATION_DIGITS = 8  # of the database generation, printed in the form id


@dataclass(frozen=True)
class FormStamp:
    """What the keys of one plan's forms are signed over, as exported now."""

    secret: bytes
    identity: str
    plan_id: int
    plan_generation: str
    generation: str  # the first GENERATION_DIGITS of the database generation
    seq: int  # the change sequence at the export
    version: int = 2  # 1: a form of the first format (keys over the row ids alone)

    def of_form(self, plan_id: int, generation: str, seq: int, version: int) -> FormStamp:
        """The stamp a form claims to carry, for checking its keys."""
        return replace(self, plan_id=plan_id, generation=generation, seq=seq, version=version)


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
    generation: str = ""  # the database generation it was exported in ("" in the first format)
    seq: int = 0  # the database's change sequence at the export
    version: int = 2

    @property
    def export_key(self) -> str:
        """Which export the form came from (the same for every copy and version of it)."""
        return (
            f"v{self.version}:{self.plan_id}:{self.period_id}:{self.department_id}:"
            f"{self.generation}:{self.seq}"
        )


_DASH = "[-\u2010\u2011\u2012\u2013\u2014\u2212]"  # Word/WPS may "correct" a hyphen
_ROW_KEY = re.compile(rf"D(\d+){_DASH}P(\d+){_DASH}T(\d+){_DASH}([0-9a-f]{{6}})", re.I)
_FORM_ID_V1 = re.compile(rf"{FORM_PREFIX}:v1:(\d+):(\d+):(\d+):([0-9a-f]{{8}})")
_FORM_ID = re.compile(
    rf"{FORM_PREFIX}:v2:(\d+):(\d+):(\d+):([0-9a-f]{{{GENERATION_DIGITS}}}):(\d+):([0-9a-f]{{8}})"
)


def _mac(secret: bytes, message: str, digits: int) -> str:
    return hmac.new(secret, message.encode("utf-8"), hashlib.sha256).hexdigest()[:digits]


def row_key(stamp: FormStamp, period_id: int | None, department_id: int, task_id: int) -> str:
    """``D1-P7-T152-9f2c1a``: department, period (0 for none), task, then 6 hex digits of
    HMAC-SHA256(secret, the database identity, the plan's generation, the export's database
    generation and change sequence, plan, period, department, task) — so a key is good only
    in the form export it was printed in."""
    period = period_id or 0
    if stamp.version == 1:  # the first format: over the row ids alone
        message = f"{stamp.plan_id}:{period}:{department_id}:{task_id}"
    else:
        message = (
            f"row:{stamp.identity}:{stamp.plan_generation}:{stamp.generation}:{stamp.seq}:"
            f"{stamp.plan_id}:{period}:{department_id}:{task_id}"
        )
    return f"D{department_id}-P{period}-T{task_id}-{_mac(stamp.secret, message, 6)}"


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


def check_row_key(stamp: FormStamp, key_text: str) -> bool:
    """Whether ``key_text`` was printed in the form export ``stamp`` describes (the stamp
    the form's own id claims: ``FormStamp.of_form``)."""
    key = parse_row_key(key_text)
    if key is None:
        return False
    expected = row_key(stamp, key.period_id, key.department_id, key.task_id)
    return hmac.compare_digest(expected.rsplit("-", 1)[1], key.mac)


def form_id(stamp: FormStamp, period_id: int | None, department_id: int) -> str:
    """``duban-feedback:v2:plan:period:department:generation:seq:mac``."""
    if stamp.version == 1:
        fields = f"{stamp.plan_id}:{period_id or 0}:{department_id}"
        return f"{FORM_PREFIX}:v1:{fields}:{_mac(stamp.secret, f'form:{fields}', 8)}"
    fields = f"{stamp.plan_id}:{period_id or 0}:{department_id}:{stamp.generation}:{stamp.seq}"
    signed = f"form:{stamp.identity}:{stamp.plan_generation}:{fields}"
    return f"{FORM_PREFIX}:v2:{fields}:{_mac(stamp.secret, signed, 8)}"


def parse_form_id(text: str) -> FormId | None:
    text = (text or "").strip()
    match = _FORM_ID.fullmatch(text)
    if match is not None:
        plan, period, dept, generation, seq, mac = match.groups()
        return FormId(int(plan), int(period), int(dept), mac, generation, int(seq), 2)
    match = _FORM_ID_V1.fullmatch(text)
    if match is not None:
        plan, period, dept, mac = match.groups()
        return FormId(int(plan), int(period), int(dept), mac, "", 0, 1)
    return None


def check_form_id(stamp: FormStamp, text: str) -> bool:
    """Whether the form id ``text`` is signed by this database for the plan of ``stamp``
    (its generation included)."""
    parsed = parse_form_id(text)
    if parsed is None:
        return False
    claimed = stamp.of_form(parsed.plan_id, parsed.generation, parsed.seq, parsed.version)
    return hmac.compare_digest(
        form_id(claimed, parsed.period_id, parsed.department_id), text.strip()
    )
