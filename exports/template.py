"""An office's own .docx as the base of every document (letterhead, styles, margins).

The clerk makes a document in Word or WPS with the office's 红头, header, footer and page
set-up. If it holds a paragraph 【正文】, everything from there on is replaced by the
generated content; otherwise the whole body is. Placeholders in what remains —
{{标题}}, {{发文字号}}, {{成文日期}}, {{办公室}} — are filled in. The ``GW …`` styles
the template defines are used as they are; missing ones are added with the built-in look.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from domain.errors import PlanInputError

MARKER = "【正文】"


class TemplateError(PlanInputError):
    """The template file cannot be used."""


def open_template(path: str | Path) -> DocxDocument:
    path = Path(path)
    try:
        doc = Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a bad package
        raise TemplateError(
            path,
            f"The document template cannot be opened ({type(exc).__name__}). Choose a .docx "
            "saved by Word or WPS, or clear the template setting to use the built-in look.",
            code="template",
        ) from None
    body = doc.element.body
    children = list(body)
    marker_at = next(
        (i for i, el in enumerate(children) if el.tag == qn("w:p") and MARKER in _text(el)),
        None,
    )
    start = 0 if marker_at is None else marker_at
    for element in children[start:]:
        if element.tag == qn("w:sectPr"):
            continue
        # Keep a section break carried by a paragraph (the letterhead's own section).
        if element.tag == qn("w:p") and element.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            continue
        body.remove(element)
    return doc


def _text(element: object) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))  # type: ignore[attr-defined]


def fill_placeholders(doc: DocxDocument, values: Mapping[str, str]) -> None:
    """Replace {{name}} in body, headers and footers — also when Word split it over runs."""
    paragraphs: list[Paragraph] = list(doc.paragraphs)
    for section in doc.sections:
        for story in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
            section.even_page_header,
            section.even_page_footer,
        ):
            if not story.is_linked_to_previous:
                paragraphs.extend(story.paragraphs)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    for para in paragraphs:
        text = para.text
        if "{{" not in text:
            continue
        new = text
        for name, value in values.items():
            new = new.replace("{{" + name + "}}", value)
        if new != text and para.runs:
            # The first run keeps its formatting and takes the whole text.
            para.runs[0].text = new
            for run in para.runs[1:]:
                run._r.getparent().remove(run._r)
