"""The .docx package as saved: raw tables spliced into document.xml, and nothing that does
not describe the document.

python-docx's template carries a thumbnail of a blank page and an ``app.xml`` that claims
"Microsoft Macintosh Word", one page and no words; an office's template brings its own
thumbnail and figures. A document Duban writes has no thumbnail (Word and WPS make one
when they save it) and an ``app.xml`` that names Duban and states no page or word count.
"""

from __future__ import annotations

import io
import re
import zipfile

APP_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>Duban</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)
THUMBNAIL_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
TABLE_MARKER = "\u2063DUBAN-TABLE-"  # an invisible separator opens the marker text


def _splice(xml: str, tables: list[str]) -> str:
    """Replace each marker paragraph in document.xml by its raw XML (in one pass)."""
    pieces, done = [], 0
    for index, table in enumerate(tables):
        at = xml.index(f"{TABLE_MARKER}{index}<", done)
        start = max(xml.rfind("<w:p>", done, at), xml.rfind("<w:p ", done, at))
        pieces += [xml[done:start], table]
        done = xml.index("</w:p>", at) + len("</w:p>")
    pieces.append(xml[done:])
    return "".join(pieces)


def _without_thumbnail(rels: str) -> tuple[str, set[str]]:
    """The package relationships without the thumbnail, and the thumbnail parts dropped."""
    dropped: set[str] = set()

    def drop(match: re.Match[str]) -> str:
        if THUMBNAIL_REL in match.group(0):
            target = re.search(r'Target="/?([^"]+)"', match.group(0))
            if target:
                dropped.add(target.group(1))
            return ""
        return match.group(0)

    return re.sub(r"<Relationship\b[^>]*/>", drop, rels), dropped


def finish(docx: bytes, tables: list[str]) -> bytes:
    """The package with the raw tables in place, no thumbnail and Duban's ``app.xml``."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    rels, dropped = _without_thumbnail(source.read("_rels/.rels").decode("utf-8"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            name = info.filename
            if name in dropped:
                continue
            if name == "word/document.xml" and tables:
                data = _splice(source.read(name).decode("utf-8"), tables).encode("utf-8")
            elif name == "_rels/.rels":
                data = rels.encode("utf-8")
            elif name == "docProps/app.xml":
                data = APP_XML
            elif name == "[Content_Types].xml" and dropped:
                data = source.read(name)
                for part in dropped:
                    override = rb'<Override PartName="/' + re.escape(part.encode()) + rb'"[^>]*/>'
                    data = re.sub(override, b"", data)
            else:
                data = source.read(name)
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
