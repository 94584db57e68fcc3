"""进展情况反馈表: one landscape form per department, listing the tasks it leads and the
tasks it cooperates on, with blank cells for 进展情况 / 存在问题 / 下步打算 / 完成进度 and
the 状态 choices to tick.

The forms come back filled in, so they carry unobtrusive machine-readable keys that
survive editing in Word or WPS: the core property ``identifier`` names plan, period and
department and the export (``duban-feedback:v2:…``: the database generation and change
sequence it was made at), and every task row has a small grey key under its code
(``D1-P7-T152-9f2c1a``). Both end in an HMAC with a per-database secret over their fields,
the database's identity and the plan's generation (``db.form_secret.FormStamp``), so a key
whose task, department or period was changed, or that comes from another export or from a
plan imported again since, no longer checks; ``read_form_keys`` reads them back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import NamedTuple

from db.form_secret import GENERATION_DIGITS, FormStamp
from db.form_secret import form_secret as form_secret  # re-exported for callers
from db.records import Department
from db.reports import PlanReport, ReportTask
from domain.names import in_script_of
from exports import form_docx
from exports.docx_base import OfficialDocument, new_document, set_core_properties
from exports.files import write_folder
from exports.form_docx import FormKeys
from exports.request import safe_file_name
from exports.tables import Column, GroupRow, Row, TableSpec, add_table
from exports.text import chinese_date, clean

KEYWORDS = "进展情况反馈表"
FORM_PREFIX = "duban-feedback"
STATUS_CHOICES = ("已完成", "序时推进", "滞后", "未启动", "暂缓")
KEY_STYLE = "GWKey"
# 225 mm, the landscape text width. 角色 needs 12 mm for two 12 pt characters plus the cell
# margins; 状态 holds "□序时推进" in 10.5 pt (GW Cell Small); 序号 leaves the key two lines.
COLUMNS = (
    Column("序号", 16, "center"),
    Column("工作任务", 49),
    Column("角色", 12, "center"),
    Column("完成时限", 22, "center"),
    Column("进展情况", 38),
    Column("存在问题", 26),
    Column("下步打算", 26),
    Column("完成进度", 14, "center"),
    Column("状态", 22, style="GWCellSmall"),
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


# -- the document --------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedbackOptions:
    title: str = ""  # default: "<plan title><period name>进展情况反馈表"
    template: str = ""
    reply_by: dt.date | None = None  # adds "请于…前报送办公室。" under the table


def title_for(report: PlanReport, options: FeedbackOptions) -> str:
    if options.title:
        return options.title
    period = report.period.name if report.period else ""
    return f"{report.plan.title}{period}{in_script_of(report.plan.title, KEYWORDS)}"


def department_tasks(
    report: PlanReport, department: Department
) -> tuple[list[ReportTask], list[ReportTask]]:
    """The tasks ``department`` leads and those it cooperates on, in outline order."""
    lead = [t for t in report.tasks if t.lead_id == department.id]
    cooperating = [
        t for t in report.tasks if t.lead_id != department.id and department.id in t.cooperating_ids
    ]
    return lead, cooperating


def _period_id(report: PlanReport) -> int | None:
    return report.period.id if report.period else None


def _rows(report: PlanReport, department: Department, stamp: FormStamp) -> list[Row | GroupRow]:
    """一、牵头任务 then 二、配合任务 (an empty group is left out, the next renumbered)."""
    status = "\n".join(f"□{choice}" for choice in STATUS_CHOICES)
    out: list[Row | GroupRow] = []
    lead, cooperating = department_tasks(report, department)
    groups = [(tasks, role) for tasks, role in ((lead, "牵头"), (cooperating, "配合")) if tasks]
    for number, (tasks, role) in zip("一二", groups, strict=False):
        out.append(GroupRow(f"{number}、{role}任务"))
        for task in tasks:
            key = row_key(stamp, _period_id(report), department.id, task.id)
            out.append(
                Row((task.code, task.text, role, task.deadline, "", "", "", "", status), key)
            )
    return out


def render(
    report: PlanReport,
    department: Department,
    stamp: FormStamp,
    options: FeedbackOptions | None = None,
) -> OfficialDocument | None:
    """The form for ``department``; None when it neither leads nor cooperates on a task."""
    options = options or FeedbackOptions()
    rows = _rows(report, department, stamp)
    if not rows:
        return None
    doc = new_document(landscape=True, template=options.template or None)
    title = title_for(report, options)
    doc.title(title)
    doc.blank("GW Cell")
    header = [Row((f"填报单位：{department.name}", "填报日期：　　年　　月　　日"))]
    add_table(
        doc, TableSpec(HEADER_LINE, header, borderless=True, header=False, cell_style="GWPlain")
    )
    spec = TableSpec(COLUMNS, rows, cant_split=False, min_row_height_mm=ROW_HEIGHT_MM)
    add_table(doc, spec)
    doc.paragraph(FOOTER_LINE, "GW Plain")
    if options.reply_by:
        office = report.office or "办公室"
        doc.paragraph(f"请于{chinese_date(options.reply_by)}前报送{office}。", "GW Plain")
    identifier = form_id(stamp, _period_id(report), department.id)
    set_core_properties(
        doc.doc,
        title=title,
        author=report.office or "Duban",
        subject=report.plan.title,
        identifier=identifier,
        keywords=KEYWORDS,
    )
    return doc


# -- writing a folder of forms -------------------------------------------------------------


def file_name(number: int, department: Department) -> str:
    """``01-基础教育处-进展情况反馈表.docx``, safe as a file name on every system and short
    enough whatever the department's name (``exports.request.safe_file_name``)."""
    name = safe_file_name(clean(department.name), replacement="_", default=str(department.id))
    return f"{number:02d}-{name}-{KEYWORDS}.docx"


def export_forms(
    report: PlanReport,
    stamp: FormStamp,
    folder: Path,
    options: FeedbackOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """One form per department with tasks, in official order, written into ``folder``.

    All or nothing (``exports.files.write_folder``): if rendering, the disk or ``progress``
    (raising to cancel) fails, no form of this run is left and earlier ones stay.
    """
    options = options or FeedbackOptions()
    departments = [d for d in report.departments if any(department_tasks(report, d))]

    def form(department: Department) -> bytes:
        doc = render(report, department, stamp, options)
        assert doc is not None  # the department has tasks
        return doc.to_bytes()

    files = [(file_name(n, d), partial(form, d)) for n, d in enumerate(departments, 1)]
    return write_folder(Path(folder), files, progress)


# -- reading a form back -------------------------------------------------------------------


def read_form_keys(path: str | Path) -> FormKeys:
    """The identifier and the keyed rows of a (filled-in) form, read as a stream with flat
    memory (``exports.form_docx``). A row's key is its ``GWKey`` paragraph in the first cell
    (even when altered: checking is the caller's job), failing that the first paragraph there
    that reads as a key."""
    return form_docx.read_form_keys(path, KEY_STYLE, lambda text: parse_row_key(text) is not None)
