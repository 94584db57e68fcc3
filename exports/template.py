"""An office's own .docx as the base of every document (letterhead, styles, margins).

The clerk makes a document in Word or WPS with the office's 红头, header, footer and page
set-up. If it holds a paragraph 【正文】, everything from there on is replaced by the
generated content; otherwise the whole body is. Placeholders in what remains —
{{标题}}, {{发文字号}}, {{成文日期}}, {{办公室}} — are filled in. The ``GW …`` styles
the template defines are used as they are; missing ones are added with the built-in look.

A template comes from somewhere else, like a returned form, and is screened the same way
before python-docx reads it (zip bombs, XML with a DTD, another kind of file under a .docx
name are refused); its macros and its links to files outside it (an attached template, a
linked picture, a hyperlink) are dropped, so that no document Duban writes carries them.
A template whose footers have no page number gets Duban's "— 1 —".
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from domain.docx_package import check_package, foreign_kind, is_ole2
from domain.errors import PlanInputError

MARKER = "【正文】"
MAX_TEMPLATE_BYTES = 20 * 1024 * 1024
_MACRO_PARTS = re.compile(r"(^|/)(vbaProject\.bin|vbaData\.xml|keyMapCustomizations\.xml)$", re.I)
_EXTERNAL = re.compile(r'<Relationship\b[^>]*TargetMode="External"[^>]*/>')
_RID = re.compile(r'Id="([^"]+)"')


class TemplateError(PlanInputError):
    """The template file cannot be used."""


def screened(path: Path) -> bytes:
    """The template's package, checked and without macros or external links."""
    refused = "The document template {what}. Choose a .docx saved by Word or WPS, or clear " \
        "the template setting to use the built-in look."  # fmt: skip
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise TemplateError(path, refused.format(what="is far too large"), code="template")
        data = path.read_bytes()
    except OSError as exc:
        raise TemplateError(path, refused.format(what=f"cannot be read ({exc.strerror})"),
                            code="template") from None  # fmt: skip
    if foreign_kind(data[:16]) or is_ole2(data[:16]):
        raise TemplateError(path, refused.format(what="is not a .docx file"), code="template")
    try:
        check_package(path, max_part_bytes=MAX_TEMPLATE_BYTES)
    except PlanInputError as error:
        what = f"was refused: {error.message}"
        raise TemplateError(path, refused.format(what=what), code="template") from None
    return clean_package(data)


def clean_package(data: bytes) -> bytes:
    """The package without macro parts and without relationships to outside files; elements
    that used them lose the link and keep their text."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        dropped_ids: dict[str, set[str]] = {}
        for info in source.infolist():
            name = info.filename
            if _MACRO_PARTS.search(name) or name.endswith("vbaProject.bin.rels"):
                continue
            raw = source.read(name)
            if name.endswith(".rels"):
                text = raw.decode("utf-8")
                external = _EXTERNAL.findall(text)
                macros = re.findall(r'<Relationship\b[^>]*Target="[^"]*vba[^"]*"[^>]*/>', text)
                for rel in external + macros:
                    text = text.replace(rel, "")
                    found = _RID.search(rel)
                    if found:
                        owner = name.replace("_rels/", "").removesuffix(".rels")
                        dropped_ids.setdefault(owner, set()).add(found.group(1))
                raw = text.encode("utf-8")
            elif name == "[Content_Types].xml":
                text = raw.decode("utf-8").replace(
                    "application/vnd.ms-word.document.macroEnabled.main+xml",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                )
                text = re.sub(r"<(Default|Override)\b[^>]*vba[^>]*/>", "", text, flags=re.I)
                raw = text.encode("utf-8")
            target.writestr(info, raw)
    cleaned = out.getvalue()
    return _unlink(cleaned, dropped_ids) if dropped_ids else cleaned


def _unlink(data: bytes, dropped: dict[str, set[str]]) -> bytes:
    """Remove what pointed at a dropped relationship: an attached template, a linked
    picture's link, a hyperlink (its text stays)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            raw = source.read(info.filename)
            ids = dropped.get(info.filename, set())
            if ids:
                text = raw.decode("utf-8")
                for rid in ids:
                    text = re.sub(
                        rf'<w:attachedTemplate\b[^>]*r:id="{re.escape(rid)}"[^>]*/>', "", text
                    )
                    text = re.sub(rf'\s+r:link="{re.escape(rid)}"', "", text)
                    text = re.sub(
                        rf'<w:hyperlink\b[^>]*r:id="{rid}"[^>]*>(.*?)</w:hyperlink>',
                        r"\1",
                        text,
                        flags=re.S,
                    )
                raw = text.encode("utf-8")
            target.writestr(info, raw)
    return out.getvalue()


def open_template(path: str | Path) -> DocxDocument:
    path = Path(path)
    package = screened(path)
    try:
        doc = Document(io.BytesIO(package))
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
