"""The decomposition table three ways, from the same collected data:

- **Duban**: ``exports.decomposition.render`` + ``save_atomic`` (the official look, the
  raw-XML table builder of ``exports/tables.py``);
- **naive**: python-docx's ``add_table``/``add_row()``/``cell.text``, the way most code
  writes a table;
- **floor**: the same rows as a minimal ``document.xml`` string written straight into a zip
  beside python-docx's default parts — what writing the bytes costs, with no library work.

And the progress report (``exports.progress_report``) against the floor of the same text as
plain paragraphs.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from db.reports import PlanReport

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def table_cells(report: PlanReport) -> list[list[str]]:
    """The decomposition table's rows, as plain cell texts (with a row per section)."""
    from exports.decomposition import DecompositionOptions, rows
    from exports.tables import GroupRow

    out = []
    for row in rows(report, DecompositionOptions()):
        out.append([row.title] if isinstance(row, GroupRow) else list(row.cells))
    return out


def ours(report: PlanReport, target: Path) -> None:
    from exports.decomposition import render
    from exports.docx_base import save_atomic

    save_atomic(render(report), target)


def naive(cells: list[list[str]], target: Path) -> None:
    from docx import Document

    doc = Document()
    table = doc.add_table(rows=1, cols=5)
    headers = ["序号", "工作任务", "牵头处室", "配合处室", "完成时限"]
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
    for row in cells:
        new = table.add_row().cells
        if len(row) == 1:
            new[0].merge(new[-1]).text = row[0]
        else:
            for cell, text in zip(new, row, strict=True):
                cell.text = text
    doc.save(str(target))


def _default_parts() -> dict[str, bytes]:
    from docx import Document

    buffer = io.BytesIO()
    Document().save(buffer)
    with zipfile.ZipFile(buffer) as package:
        return {name: package.read(name) for name in package.namelist()}


_PARTS: dict[str, bytes] = {}


def _paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _write_floor(body: str, target: Path) -> None:
    if not _PARTS:
        _PARTS.update(_default_parts())
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'  # noqa: E501
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in _PARTS.items():
            package.writestr(name, xml.encode() if name == "word/document.xml" else data)


def floor(cells: list[list[str]], target: Path) -> None:
    rows = []
    for row in cells:
        if len(row) == 1:
            span = '<w:tcPr><w:gridSpan w:val="5"/></w:tcPr>'
            rows.append(f"<w:tr><w:tc>{span}{_paragraph(row[0])}</w:tc></w:tr>")
        else:
            rows.append(
                "<w:tr>" + "".join(f"<w:tc>{_paragraph(t)}</w:tc>" for t in row) + "</w:tr>"
            )
    _write_floor("<w:tbl>" + "".join(rows) + "</w:tbl>", target)


def report_ours(report: PlanReport, target: Path) -> None:
    """The 通报 with its 附件 (every task in a table): the work that grows with the plan."""
    from exports.docx_base import save_atomic
    from exports.progress_report import ReportOptions, render

    save_atomic(render(report, ReportOptions(with_task_list=True)), target)


def report_floor(report: PlanReport, target: Path) -> None:
    """The report's text per task (code, text, status, progress) as plain paragraphs."""
    parts = []
    for task in report.tasks:
        parts.append(_paragraph(f"{task.code} {task.text}"))
        parts.append(_paragraph(f"{task.status or ''} {task.progress or ''}"))
    _write_floor("".join(parts), target)
