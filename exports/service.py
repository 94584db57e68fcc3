"""Writing the documents: one entry point for the window and the command line.

``run_export`` collects the data (db.reports), renders, and writes each file atomically.
A run that fails leaves no file of its own behind. Runs on a worker thread with its own
connection in the window, on the main thread in the command line.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlite_utils import Database

from db.connection import snapshot
from db.form_secret import form_stamp
from db.reports import PlanReport, collect
from db.settings import get_setting
from exports.docx_base import save_atomic
from exports.files import write_folder
from exports.request import (  # noqa: F401 - the names callers import from here
    FOLDER_KINDS,
    FORM_FORMATS,
    KINDS,
    ExportError,
    ExportRequest,
    Progress,
    safe_file_name,
)


def _template(db: Database, request: ExportRequest) -> str:
    if request.template is not None:
        return request.template
    return get_setting(db, "documents.template") or ""


def _file_target(output: Path, title: str) -> Path:
    if output.is_dir() or not output.suffix:
        return output / f"{safe_file_name(title)}.docx"
    if output.suffix.lower() != ".docx":
        raise ExportError(f"{output}: Word documents are saved as .docx; choose a .docx name.")
    return output


def run_export(
    db: Database, request: ExportRequest, progress: Progress | None = None
) -> list[Path]:
    """Write the documents asked for; return the files written."""
    if request.kind not in KINDS:
        raise ExportError(f"Unknown document {request.kind!r}; choose one of {', '.join(KINDS)}.")
    if request.form_format not in FORM_FORMATS:
        raise ExportError(
            f"Unknown form format {request.form_format!r}; choose one of {', '.join(FORM_FORMATS)}."
        )
    if request.form_format != "docx" and request.kind != "feedback-forms":
        raise ExportError("Only the feedback forms (feedback-forms) can be written as Excel.")
    with snapshot(db):  # one state of the file, however long the writing takes
        report = collect(
            db,
            request.plan_id,
            period_id=request.period_id,
            as_of=request.as_of,
            department_ids=request.department_ids,
        )
        stamp = form_stamp(db, report.plan.id, report.plan.generation)
        template = _template(db, request)
    if request.kind == "decomposition":
        from exports.decomposition import DecompositionOptions, render, title_for

        options = DecompositionOptions(
            with_leader=request.with_leader, with_due_date=request.with_due_date, template=template
        )
        doc = render(report, options)
        return [_save(doc, _file_target(request.output, title_for(report, options)), progress)]
    if request.kind == "report":
        from exports.progress_report import ReportOptions, render

        doc = render(report, ReportOptions(template=template))
        title = doc.doc.core_properties.title or "进展情况通报"
        return [_save(doc, _file_target(request.output, title), progress)]
    folder = request.output
    if folder.suffix.lower() in (".docx", f".{request.form_format}"):
        raise ExportError(f"{folder}: this export writes one file per department; choose a folder.")
    if request.kind == "feedback-forms":
        from exports.feedback import FeedbackOptions, export_forms

        options = FeedbackOptions(template=template, reply_by=request.reply_by)
        if request.department_ids:  # forms for these departments only, not their partners
            wanted = set(request.department_ids)
            kept = tuple(d for d in report.departments if d.id in wanted)
            report = replace(report, departments=kept)
        if request.form_format == "xlsx":
            from exports.feedback_xlsx import export_forms_xlsx

            written = export_forms_xlsx(report, stamp, folder, options, progress)
        else:
            written = export_forms(report, stamp, folder, options, progress)
    else:
        written = _export_reminders(db, report, request, template, progress)
    if not written:
        raise ExportError("No department has anything to put in this document.")
    return written


def _save(doc: object, path: Path, progress: Progress | None) -> Path:
    written = save_atomic(doc, path)  # type: ignore[arg-type]
    if progress is not None:
        progress(1, 1)
    return written


def _export_reminders(
    db: Database,
    report: PlanReport,
    request: ExportRequest,
    template: str,
    progress: Progress | None,
) -> list[Path]:
    from exports.reminders import ReminderOptions, render_all

    options = ReminderOptions(
        due_within_days=request.due_within_days, reply_by=request.reply_by, template=template
    )
    wanted = set(request.department_ids)
    documents = [(d, doc) for d, doc in render_all(report, options) if not wanted or d.id in wanted]
    files = [
        (f"{index:02d}-{safe_file_name(d.name)}-催办通知.docx", doc.to_bytes)
        for index, (d, doc) in enumerate(documents, start=1)
    ]
    return write_folder(request.output, files, progress)
