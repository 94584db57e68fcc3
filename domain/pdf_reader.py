"""Reading the text of a PDF plan, with the positions of its lines (pdfminer.six).

A PDF has no paragraphs: it has lines placed on pages. The lines are put back into
paragraphs the way a reader sees them:

* running headers and footers (a line that comes back at the top or bottom of most pages,
  page numbers told apart) and page numbers ("— 3 —", "- 3 -", "第3页 共9页", "3/9") are
  left out;
* a line continues the paragraph above it when that line runs to the right edge of the
  text and this one does not start a new paragraph (an indent, a label such as "一、" or
  "3."); across a page break too, so a sentence cut by the page is whole again;
* a PDF without a text layer (a scan) is refused: it must be converted to text first.

Everything is bounded: the file size, the number of pages, the size of each page's
content once unpacked (a "zip bomb" never reaches memory) and the text read.
"""

from __future__ import annotations

import re
import statistics
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from domain.errors import PlanInputError
from domain.labels import match_label

MAX_PDF_BYTES = 64 * 1024 * 1024
MAX_PDF_PAGES = 500  # a long plan is 20 pages; a 500-page file is not a plan
MAX_PAGE_CONTENT_BYTES = 16 * 1024 * 1024  # one page's drawing instructions, unpacked
MAX_PDF_CHARS = 2_000_000

_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－·•]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[\s\-—–－·•]*$"
)
_EDGE_ZONE = 0.12  # top and bottom share of the page where running lines live
_SENTENCE_END = "。！？；!?;”’」』）)】"


@dataclass(frozen=True)
class PdfLine:
    page: int
    x0: float
    x1: float
    top: float  # distance from the top of the page
    height: float
    text: str


def read_pdf_lines(path: str | Path) -> list[str]:
    """The paragraphs of a text PDF, one a line. Raises PlanInputError for bad input."""
    path = Path(path)
    lines, page_heights = _read_positions(path)
    if not any(line.text.strip() for line in lines):
        raise PlanInputError(
            path,
            "This PDF is a scan: it has no text layer, only pictures of pages. Convert it to "
            "text first (OCR, or ask for the Word file) and import that.",
            code="no_text_layer",
        )
    body = _drop_running_lines(lines, page_heights)
    return _paragraphs(body)


def _read_positions(path: Path) -> tuple[list[PdfLine], dict[int, float]]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFException
    from pdfminer.psexceptions import PSException

    size = path.stat().st_size
    if size > MAX_PDF_BYTES:
        raise PlanInputError(
            path,
            f"The PDF is {size / 1024 / 1024:.1f} MB; Duban reads PDF plans up to "
            f"{MAX_PDF_BYTES // 1024 // 1024} MB (a plan is well under 1 MB). "
            "Check that this is the plan.",
            code="too_large",
        )
    lines: list[PdfLine] = []
    heights: dict[int, float] = {}
    chars = 0
    try:
        with path.open("rb") as fh:
            parser = PDFParser(fh)
            document = PDFDocument(parser)
            if not document.is_extractable:
                raise PlanInputError(
                    path,
                    "The PDF forbids copying its text. Ask for the Word file, or save the "
                    "PDF again without that restriction, and import that.",
                    code="encrypted",
                )
            manager = PDFResourceManager(caching=True)
            device = PDFPageAggregator(manager, laparams=LAParams(line_margin=0.3))
            interpreter = PDFPageInterpreter(manager, device)
            for number, page in enumerate(PDFPage.create_pages(document), start=1):
                if number > MAX_PDF_PAGES:
                    raise PlanInputError(
                        path,
                        f"The PDF has more than {MAX_PDF_PAGES} pages; a plan is a few dozen. "
                        "Check that this is the plan.",
                        code="too_large",
                    )
                _check_page_content(path, page, number)
                interpreter.process_page(page)
                layout = device.get_result()
                height = float(layout.height)
                heights[number] = height
                for box in layout:
                    if not isinstance(box, LTTextContainer):
                        continue
                    for line in box:
                        if not isinstance(line, LTTextLine):
                            continue
                        text = line.get_text().rstrip("\n")
                        chars += len(text)
                        if chars > MAX_PDF_CHARS:
                            raise PlanInputError(
                                path,
                                "The PDF holds far more text than any plan. "
                                "Check that this is the plan.",
                                code="too_large",
                            )
                        lines.append(
                            PdfLine(
                                number,
                                float(line.x0),
                                float(line.x1),
                                height - float(line.y1),
                                float(line.height),
                                text,
                            )
                        )
    except PlanInputError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise PlanInputError(
            path,
            "The PDF is protected with a password. Open it, save a copy without the "
            "password (or ask for the Word file), and import that.",
            code="encrypted",
        ) from None
    except (PDFException, PSException, *_DAMAGED) as exc:
        # pdfminer reports a damaged file with whatever its parser met first.
        raise PlanInputError(
            path,
            f"The PDF is damaged or incomplete and cannot be read ({type(exc).__name__}). "
            "Download or save it again, or import the Word file.",
            code="truncated",
        ) from None
    return lines, heights


# What pdfminer raises for a damaged file: whatever its parser met first.
_DAMAGED = (
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    AssertionError,
    OverflowError,
    zlib.error,
    RecursionError,
)


def _check_page_content(path: Path, page: object, number: int) -> None:
    """Refuse a page whose drawing instructions would unpack to more than any page needs."""
    from pdfminer.pdftypes import resolve1

    contents = getattr(page, "contents", None) or []
    total = 0
    for ref in contents:
        stream = resolve1(ref)
        raw = getattr(stream, "rawdata", None)
        if raw is None:
            continue
        filters = stream.get_filters() if hasattr(stream, "get_filters") else []
        names = [str(getattr(f, "name", f)) for f, _params in filters]
        if names and all(n in ("FlateDecode", "Fl") for n in names[:1]):
            inflater = zlib.decompressobj()
            try:
                out = inflater.decompress(raw, MAX_PAGE_CONTENT_BYTES - total + 1)
            except zlib.error:
                continue  # pdfminer says what is wrong with it
            total += len(out)
        else:
            total += len(raw)
        if total > MAX_PAGE_CONTENT_BYTES:
            raise PlanInputError(
                path,
                f"Page {number} of the PDF unpacks to more than "
                f"{MAX_PAGE_CONTENT_BYTES // 1024 // 1024} MB; it may be a 'zip bomb'. "
                "It is refused for safety.",
                where=f"page {number}",
                code="too_large",
            )


def _key(text: str) -> str:
    """A running line's text with its page number taken out ("第3页" ~ "第4页")."""
    return re.sub(r"\d+", "#", "".join(text.split()))


def _drop_running_lines(lines: list[PdfLine], heights: dict[int, float]) -> list[PdfLine]:
    pages = len(heights)

    def in_edge(line: PdfLine) -> bool:
        height = heights.get(line.page) or 1.0
        return line.top < height * _EDGE_ZONE or line.top + line.height > height * (1 - _EDGE_ZONE)

    repeats = Counter(
        _key(line.text)
        for line in {(line.page, _key(line.text)): line for line in lines}.values()
        if in_edge(line)
    )
    running = {key for key, count in repeats.items() if pages >= 2 and count >= max(2, pages / 2)}
    kept = []
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if in_edge(line) and (_PAGE_NUMBER.match(text) or _key(text) in running):
            continue
        kept.append(line)
    return kept


def _paragraphs(lines: list[PdfLine]) -> list[str]:
    """Join lines into paragraphs: a line that reaches the right edge of the text goes on
    into the next, unless the next starts a paragraph of its own."""
    if not lines:
        return []
    lines = sorted(lines, key=lambda ln: (ln.page, round(ln.top, 1), ln.x0))
    left = _edge([ln.x0 for ln in lines], low=True)
    right = _edge([ln.x1 for ln in lines], low=False)
    char = statistics.median(ln.height for ln in lines) or 10.0
    out: list[str] = []
    previous: PdfLine | None = None
    for line in lines:
        text = _tidy(line.text)
        starts_new = (
            previous is None
            or line.x0 > left + 1.5 * char  # an indented first line
            or match_label(text) is not None
            or previous.x1 < right - 2.5 * char  # the line above ended short
            or (previous.page == line.page and line.top - previous.top > 2.2 * char)
        )
        if starts_new or not out:
            out.append(text)
        else:
            out[-1] = _join(out[-1], text)
        previous = line
    return out


# PDF text puts a space wherever two glyphs stand apart; Chinese text has none of its own.
_GLYPH_GAP = re.compile(
    r"(?<=[\u3000-\u9fff\uff00-\uffef])[ \t]+(?=[\u3000-\u9fff\uff00-\uffef0-9A-Za-z])"
    r"|(?<=[0-9A-Za-z])[ \t]+(?=[\u3000-\u9fff\uff00-\uffef])"
)


def _tidy(text: str) -> str:
    return _GLYPH_GAP.sub("", text.strip())


def _join(before: str, after: str) -> str:
    words = before and after and before[-1].isascii() and after[0].isascii()
    if words and before[-1].isalnum() and after[0].isalnum():
        return f"{before} {after}"
    return before + after


def _edge(values: list[float], *, low: bool) -> float:
    """The left (or right) edge of the text block: where most lines start (or end)."""
    rounded = Counter(round(v / 4) * 4 for v in values)
    common = [v for v, count in rounded.items() if count >= max(2, len(values) * 0.1)]
    if not common:
        return min(values) if low else max(values)
    return min(common) if low else max(common)
