"""The keyed rows of a returned Word form, read as a stream.

python-docx builds the whole document in memory — for a form of 8,000 rows that Duban wrote
itself, 19 MB of XML and a quarter of a gigabyte — so the rows are read with lxml's
``iterparse`` instead, one table row at a time, and each element is dropped once read:
memory stays flat whatever the form's size. The texts are taken the way python-docx gives
them (``_Row.cells`` and ``_Cell.text``): a cell spanning columns repeats, a cell continuing
a vertical merge is the cell it continues, a cell's paragraphs joined by line breaks, tabs and
breaks inside runs as python-docx writes them, hyperlinks' runs included. Only the cells and
paragraphs directly in a top-level table's rows count, as there.

The package was screened before (``exports.form_screening``): no DTD, parts of bounded size.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from lxml import etree

_MAIN = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_IDENTIFIER = "{http://purl.org/dc/elements/1.1/}identifier"


@dataclass(frozen=True)
class Paragraph:
    style: str  # the paragraph style's id ("" for none)
    text: str


@dataclass
class FormKeys:
    form_id: str  # the core property ``identifier`` ("" when missing)
    # (key text, cell texts) for each row with a key; cell 0 is the code without the key,
    # one text per grid column (a cell spanning columns repeats).
    rows: list[tuple[str, list[str]]] = field(default_factory=list)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if isinstance(child.tag, str) and _local(child) == name]


def _child(element: etree._Element | None, name: str) -> etree._Element | None:
    if element is None:
        return None
    return next(iter(_children(element, name)), None)


def _attribute(element: etree._Element | None, name: str) -> str | None:
    if element is None:
        return None
    return next((v for k, v in element.attrib.items() if etree.QName(k).localname == name), None)


_RUN_TEXT = {"tab": "\t", "ptab": "\t", "cr": "\n", "noBreakHyphen": "-"}


def _run_text(run: etree._Element) -> str:
    parts = []
    for child in run:
        if not isinstance(child.tag, str):
            continue
        name = _local(child)
        if name == "t":
            parts.append(child.text or "")
        elif name == "br":  # a line break; page and column breaks carry no text
            parts.append("\n" if _attribute(child, "type") in (None, "textWrapping") else "")
        elif name in _RUN_TEXT:
            parts.append(_RUN_TEXT[name])
    return "".join(parts)


def _paragraph(p: etree._Element) -> Paragraph:
    texts = []
    for child in p:
        if not isinstance(child.tag, str):
            continue
        if _local(child) == "r":
            texts.append(_run_text(child))
        elif _local(child) == "hyperlink":
            texts.extend(_run_text(run) for run in _children(child, "r"))
    style = _attribute(_child(_child(p, "pPr"), "pStyle"), "val") or ""
    return Paragraph(style, "".join(texts))


def _row_cells(
    tr: etree._Element, above: dict[int, tuple[Paragraph, ...]]
) -> list[tuple[Paragraph, ...]]:
    """The paragraphs of each grid column's cell in the row (spans repeated, vertical merges
    resolved through ``above``: the cells of the row before, by grid column)."""
    before = _attribute(_child(_child(tr, "trPr"), "gridBefore"), "val")
    offset = int(before) if before and before.isdigit() else 0
    cells: list[tuple[Paragraph, ...]] = []
    for tc in _children(tr, "tc"):
        properties = _child(tc, "tcPr")
        span_text = _attribute(_child(properties, "gridSpan"), "val")
        span = int(span_text) if span_text and span_text.isdigit() else 1
        merge = _child(properties, "vMerge")
        if merge is not None and (_attribute(merge, "val") or "continue") == "continue":
            paragraphs = above.get(offset, ())
        else:
            paragraphs = tuple(_paragraph(p) for p in _children(tc, "p"))
        for _ in range(max(span, 1)):
            cells.append(paragraphs)
            above[offset] = paragraphs
            offset += 1
    return cells


def _keyed(
    cells: list[tuple[Paragraph, ...]], key_style: str, is_key: Callable[[str], bool]
) -> tuple[str, list[str]] | None:
    if not cells:
        return None
    first = cells[0]
    keyed = [p for p in first if p.style == key_style] or [p for p in first if is_key(p.text)][:1]
    key = keyed[0].text.strip() if keyed else ""
    if not key:
        return None
    code = "\n".join(p.text for p in first if p not in keyed)
    return key, [code] + ["\n".join(p.text for p in cell) for cell in cells[1:]]


def _is_in_body(element: etree._Element | None) -> bool:
    return element is not None and _local(element) == "body"


def _drop(element: etree._Element, parent: etree._Element) -> None:
    """Done with ``element`` and everything before it at its level: free them."""
    element.clear(keep_tail=True)
    while element.getprevious() is not None:
        del parent[0]


def _table_rows(
    stream: IO[bytes], key_style: str, is_key: Callable[[str], bool]
) -> Iterator[tuple[str, list[str]]]:
    above: dict[int, tuple[Paragraph, ...]] = {}
    parser = etree.iterparse(
        stream, events=("end",), resolve_entities=False, no_network=True, huge_tree=False
    )
    for _event, element in parser:
        parent = element.getparent()
        if parent is None:
            continue
        name = _local(element)
        if name == "tr" and _local(parent) == "tbl" and _is_in_body(parent.getparent()):
            keyed = _keyed(_row_cells(element, above), key_style, is_key)
            if keyed is not None:
                yield keyed
            _drop(element, parent)  # the row before is kept in ``above``, as texts
        elif _is_in_body(parent):  # a whole table, paragraph, … of the body: read or skipped
            if name == "tbl":
                above = {}
            _drop(element, parent)


def _small_part(package: zipfile.ZipFile, name: str) -> etree._Element | None:
    """A small XML part of the package (relationships, core properties), or None."""
    try:
        return etree.fromstring(package.read(name), etree.XMLParser(resolve_entities=False))
    except (KeyError, etree.XMLSyntaxError):
        return None


def _main_part(package: zipfile.ZipFile) -> str:
    """The document part, by the package's relationships (``word/document.xml`` usually)."""
    rels = _small_part(package, "_rels/.rels")
    for rel in rels if rels is not None else ():
        if rel.get("Type") == _MAIN and rel.get("Target"):
            return rel.get("Target", "").lstrip("/")
    return "word/document.xml"


def _identifier(package: zipfile.ZipFile) -> str:
    core = _small_part(package, "docProps/core.xml")
    found = core.find(_IDENTIFIER) if core is not None else None
    return (found.text or "") if found is not None else ""


def read_form_keys(path: str | Path, key_style: str, is_key: Callable[[str], bool]) -> FormKeys:
    """The identifier and the keyed rows of a (filled-in) Word form; see the module notes.
    A row's key is its ``key_style`` paragraph in the first cell (even when altered: checking
    is the caller's job), failing that the first paragraph there that ``is_key``."""
    with zipfile.ZipFile(path) as package:
        keys = FormKeys(_identifier(package))
        with package.open(_main_part(package)) as stream:
            keys.rows.extend(_table_rows(stream, key_style, is_key))
    return keys
