"""Reading a generated .docx back to check what an office would check."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Mm

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def style_east_asia(doc: DocxDocument, style_id: str) -> str | None:
    """The East-Asian font a paragraph style gives, following basedOn to the defaults."""
    styles = doc.styles.element
    while style_id:
        el = styles.find(f'{qn("w:style")}[@{qn("w:styleId")}="{style_id}"]')
        if el is None:
            break
        fonts = el.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if fonts is not None and fonts.get(qn("w:eastAsia")):
            return fonts.get(qn("w:eastAsia"))
        based = el.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else ""
    defaults = styles.find(qn("w:docDefaults")).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = defaults.find(qn("w:rFonts"))
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def style_size_pt(doc: DocxDocument, style_id: str) -> float | None:
    el = doc.styles.element.find(f'{qn("w:style")}[@{qn("w:styleId")}="{style_id}"]')
    size = None if el is None else el.find(f"{qn('w:rPr')}/{qn('w:sz')}")
    return None if size is None else int(size.get(qn("w:val"))) / 2


def assert_page(section: object, *, landscape: bool) -> None:
    """A4 in the orientation asked, with the GB/T 9704 margins (±0.1 mm)."""
    expected = (
        (297, 210, 28, 26, 35, 37) if landscape else (210, 297, 37, 35, 28, 26)
    )  # width, height, top, bottom, left, right
    actual = (
        section.page_width, section.page_height, section.top_margin,  # type: ignore[attr-defined]
        section.bottom_margin, section.left_margin, section.right_margin,  # type: ignore[attr-defined]
    )  # fmt: skip
    for value, mm in zip(actual, expected, strict=True):
        assert abs(value - Mm(mm)) <= Mm(0.1), (value.mm, mm)


def page_number_fields(doc: DocxDocument) -> list[str]:
    """The texts of the footers holding a PAGE field ("— 1 —" once per odd/even footer)."""
    found = []
    for section in doc.sections:
        for footer in (section.footer, section.even_page_footer):
            xml = footer._element
            instr = "".join(t.text or "" for t in xml.iter(qn("w:instrText")))
            if "PAGE" in instr:
                found.append("".join(t.text or "" for t in xml.iter(qn("w:t"))))
    return found


def table_rows(table: object) -> list[list[str]]:
    """Cell texts row by row (row.cells, never table.cell(): that is quadratic)."""
    return [[c.text for c in row.cells] for row in table.rows]  # type: ignore[attr-defined]


def row_flags(table: object) -> list[tuple[bool, bool]]:
    """(repeats as header, cannot split) for each row."""
    out = []
    for tr in table._tbl.iter(qn("w:tr")):  # type: ignore[attr-defined]
        trpr = tr.find(qn("w:trPr"))
        header = trpr is not None and trpr.find(qn("w:tblHeader")) is not None
        cant = trpr is not None and trpr.find(qn("w:cantSplit")) is not None
        out.append((header, cant))
    return out


def paragraph_styles(doc: DocxDocument) -> list[tuple[str, str]]:
    """(style id, text) of the body paragraphs outside tables."""
    return [
        (p.style.style_id if p.style is not None else "", p.text)
        for p in doc.paragraphs
        if p.text.strip()
    ]
