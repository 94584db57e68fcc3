"""Writing the documents: one entry point for the window and the command line.

``run_export`` collects the data (db.reports), hands it to the writer of the kind asked
for (``exports.kinds``), which renders and writes each file atomically. A run that fails
leaves no file of its own behind. Runs on a worker thread with its own connection in the
window, on the main thread in the command line.
"""

from __future__ import annotations

import importlib
from dataclasses import replace

from sqlite_utils import Database

from db.connection import snapshot
from db.reports import collect
from db.settings import get_setting
from exports.job import ExportJob
from exports.kinds import KINDS_BY_CODE
from exports.request import (  # noqa: F401 - the names callers import from here
    FOLDER_KINDS,
    FORM_FORMATS,
    KINDS,
    ExportError,
    ExportRequest,
    Progress,
    Written,
    safe_file_name,
)


def run_export(db: Database, request: ExportRequest, progress: Progress | None = None) -> Written:
    """Write the documents asked for; return the files written (and warnings for the clerk)."""
    kind = KINDS_BY_CODE.get(request.kind)
    if kind is None:
        raise ExportError(f"Unknown document {request.kind!r}; choose one of {', '.join(KINDS)}.")
    if request.form_format not in FORM_FORMATS:
        raise ExportError(
            f"Unknown form format {request.form_format!r}; choose one of {', '.join(FORM_FORMATS)}."
        )
    if request.form_format != "docx" and not (
        kind.per_department and request.form_format in kind.formats
    ):
        raise ExportError("Only the feedback forms (feedback-forms) can be written as Excel.")
    with snapshot(db):  # one state of the file, however long the writing takes
        report = collect(
            db,
            request.plan_id,
            period_id=request.period_id,
            as_of=request.as_of,
            department_ids=request.department_ids,
        )
        template = request.template if request.template is not None else ""
        if request.template is None:
            template = get_setting(db, "documents.template") or ""
        stamp = None
        if kind.needs_secret:  # the keys name this export: its generation and sequence
            from db.form_secret import form_stamp

            stamp = form_stamp(db, report.plan.id, report.plan.generation)
    overrides = {"doc_number": request.doc_number, "issue": request.issue}
    wanted = {k: v for k, v in overrides.items() if v is not None}
    if wanted:
        report = replace(report, settings=replace(report.settings, **wanted))
    job = ExportJob(report, request, template, stamp, progress)
    written = importlib.import_module(kind.writer).write(job)
    if not written:
        raise ExportError("No department has anything to put in this document.")
    return Written(written, job.warnings)
