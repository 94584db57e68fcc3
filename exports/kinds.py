"""The documents Duban writes, in one registry: the command line, the window and
``exports.service`` take the list from here. A new kind is an entry here, a module with
``write(job) -> list[Path]`` and its label in the export dialog."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentKind:
    code: str  # as the command line and the settings write it
    name: str  # the document's name, in file names
    writer: str  # the module whose ``write(job)`` makes it
    per_department: bool = False  # one file per department, into a folder
    formats: tuple[str, ...] = ("docx",)
    needs_secret: bool = False  # carries keys checked when it comes back


KINDS_BY_CODE = {
    kind.code: kind
    for kind in (
        DocumentKind(
            "decomposition", "任务分解表", "exports.decomposition", formats=("docx", "xlsx")
        ),
        DocumentKind("report", "进展情况通报", "exports.progress_report"),
        DocumentKind(
            "feedback-forms",
            "进展情况反馈表",
            "exports.feedback",
            per_department=True,
            formats=("docx", "xlsx"),
            needs_secret=True,
        ),
        DocumentKind("reminders", "催办通知", "exports.reminders", per_department=True),
    )
}
KINDS = tuple(KINDS_BY_CODE)
FOLDER_KINDS = tuple(k.code for k in KINDS_BY_CODE.values() if k.per_department)
FORM_FORMATS = ("docx", "xlsx")  # the formats any kind is written in
