"""The package side of reading a Word .docx: signature checks, bounded zip parts, safe XML.

Files come from clerks' inboxes, so they may be anything renamed to .docx: a legacy .doc,
a photo, half a download, an .xlsx, or a hostile zip bomb / XXE file. Every problem
becomes a :class:`PlanInputError` with a stable ``code`` and a sentence the clerk can act on.

Safety: the file signature is checked before zipfile sees it; every part is checked against
``max_part_bytes`` from its zip header and then read in bounded chunks (headers can lie);
parts over 1 MiB whose compression ratio exceeds ``max_ratio`` are refused (below that a bomb
is harmless, and small repetitive XML legitimately compresses very well). XML that declares a
DTD or entities is refused before parsing, and lxml never resolves entities or uses the network.

:func:`read_word_parts` returns the parsed main document, styles and numbering parts;
:mod:`domain.docx_reader` walks the document body. :func:`check_package` applies the same
limits to a whole package before a library that reads every part into memory (python-docx,
openpyxl) opens it; :func:`foreign_kind`, :func:`is_ole2` and :func:`ole2_kind` say what a
file that is not a zip package is.
"""

from __future__ import annotations

import errno
import posixpath
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote

from lxml import etree

from domain.docx_numbering import w
from domain.errors import PlanInputError

DEFAULT_MAX_PART_BYTES = 64 * 1024 * 1024  # uncompressed size limit for any part we read
DEFAULT_MAX_RATIO = 200  # uncompressed/compressed ratio above which we refuse (bomb)
# Below this size a high compression ratio is harmless (and normal for repetitive XML).
RATIO_CHECK_MIN_BYTES = 1024 * 1024
_CHUNK_BYTES = 256 * 1024
_MB = 1024 * 1024

_STRICT_W_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_TRANSITIONAL_W_NS = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
_FOREIGN_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF file",
    b"{\\rtf": "an RTF document",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"\x1f\x8b": "a gzip archive",
}
_DTD_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be")
)
_LONGEST_MARKER = max(map(len, _DTD_MARKERS))
# Parts that legitimately carry a DOCTYPE and that no reader parses as XML: SVG pictures from
# drawing programs, and the HTML a converter may embed (Word's altChunk).
_UNPARSED_XML_SUFFIXES = (".svg", ".htm", ".html", ".xhtml", ".mht", ".mhtml")
MAX_PACKAGE_PARTS = 10_000  # a long document has a few hundred; many more is an attack
# What an OLE2 compound file (the container of the pre-2007 Office formats) holds.
OLE2_ENCRYPTED, OLE2_EXCEL, OLE2_POWERPOINT, OLE2_WORD = "encrypted", "excel", "powerpoint", "word"
# What zipfile and zlib raise for a damaged package. ValueError includes UnicodeDecodeError
# for garbage member names; OSError(EINVAL) is a seek to an offset the damage made up.
_DAMAGED_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    ValueError,
    OverflowError,
    struct.error,
    OSError,
)

_RESAVE = "Open it in Word or WPS, save it again as .docx, and import the new copy."
_BOMB = "the file may be a 'zip bomb'. Import a normal .docx."
# Every sentence the clerk can see, by message name: (error code, reason template).
_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("unreadable", "The file does not exist. Check the path and try again."),
    "io": ("unreadable", "The file cannot be read ({detail})."),
    "empty": ("empty", "The file is empty (0 bytes). Choose the saved work plan instead."),
    "not_zip": (
        "not_docx",
        "The file is not a Word .docx document ({detail}). "
        "Save it as .docx from Word or WPS and import again.",
    ),
    "legacy": ("not_docx", "The file is not a .docx document: this is {detail}."),
    "compression": ("not_docx", f"The file uses a zip compression Word does not write. {_RESAVE}"),
    "password": (
        "encrypted",
        "The document is password-protected. Open it in Word or WPS, remove "
        "the password (File > Info > Protect Document), save, and import again.",
    ),
    "zip_password": (
        "encrypted",
        "The file's contents are encrypted with a password. Remove the "
        "password, save it again as .docx, and import it.",
    ),
    "damaged": (
        "truncated",
        "The .docx file is damaged or incomplete, for example a download "
        f"that was cut off ({{detail}}). {_RESAVE}",
    ),
    "no_document": (
        "no_document",
        "The file is {detail}. Import the work plan saved from Word or WPS as .docx.",
    ),
    "part_size": (
        "too_large",
        "This part unpacks to more than {limit}, the limit for one part; " + _BOMB,
    ),
    "part_ratio": (
        "too_large",
        "This part is compressed {ratio} times, far more than real documents; " + _BOMB,
    ),
    "total_size": (
        "too_large",
        "The parts of this file together unpack to more than {limit}; " + _BOMB,
    ),
    "part_count": (
        "too_large",
        "The file holds {count} parts, far more than real documents; " + _BOMB,
    ),
    "memory": ("too_large", "The document is too large to read."),
    "dtd": (
        "bad_xml",
        "The document declares a DTD or entities, which Word never writes; it is "
        f"refused for safety. {_RESAVE}",
    ),
    "xml": ("bad_xml", f"The document's XML is damaged ({{detail}}). {_RESAVE}"),
}


def _fail(file: Path, message: str, where: str | None = None, **values: object) -> PlanInputError:
    """The PlanInputError for ``message`` from _MESSAGES, its template filled with ``values``."""
    code, template = _MESSAGES[message]
    return PlanInputError(file, template.format(**values), where, code=code)


class WordParts(NamedTuple):
    """The parsed parts of a .docx that the reader needs."""

    document: etree._Element  # the main document part's root (w:document)
    styles: etree._Element | None  # word/styles.xml (or its related part), if present
    numbering: etree._Element | None  # word/numbering.xml (or its related part), if present


def read_word_parts(file_path: Path, max_part_bytes: int, max_ratio: int) -> WordParts:
    """The parsed document, styles and numbering parts. Raises only PlanInputError."""
    _check_signature(file_path)
    try:
        with zipfile.ZipFile(file_path) as archive:
            package = _Package(archive, file_path, max_part_bytes, max_ratio)
            document_name = package.main_document_name()
            document = package.parse(document_name)
            if document.tag != w("document"):
                raise package.not_word_error(f"its main part {document_name} is not Word's")
            related = package.relationships(document_name)
            styles_root = package.parse_optional(related.get("styles", "word/styles.xml"))
            numbering_root = package.parse_optional(related.get("numbering", "word/numbering.xml"))
    except NotImplementedError:
        raise _fail(file_path, "compression") from None
    except MemoryError:
        raise _fail(file_path, "memory") from None
    except _DAMAGED_ZIP_ERRORS as error:
        if isinstance(error, OSError) and error.errno != errno.EINVAL:  # a real I/O failure
            raise _fail(file_path, "io", detail=error.strerror or error) from None
        raise _fail(file_path, "damaged", detail=error) from None
    return WordParts(document, styles_root, numbering_root)


# ---------------------------------------------------------------------------- file checks


def _check_signature(file_path: Path) -> None:
    """Refuse empty files and anything that is not a zip before zipfile sees it."""
    try:
        size = file_path.stat().st_size
        with file_path.open("rb") as stream:
            head = stream.read(4096)
    except FileNotFoundError:
        raise _fail(file_path, "missing") from None
    except OSError as error:
        raise _fail(file_path, "io", detail=error.strerror or error) from None
    if size == 0:
        raise _fail(file_path, "empty")
    if head.startswith(ZIP_SIGNATURES):
        return
    if head.startswith(_OLE2_SIGNATURE):
        raise _describe_ole2(file_path)
    kind = foreign_kind(head)
    if kind:
        detail = f"it is {kind} renamed to .docx"
    elif looks_like_text(head):
        detail = "it is a text or web-page file; a plain-text plan can be imported as .txt"
    else:
        detail = "it is not a zip package"
    raise _fail(file_path, "not_zip", detail=detail)


def foreign_kind(head: bytes) -> str | None:
    """What a file is, in words ("a PNG image", "a PDF file"), by its first bytes; None when
    the signature is not one of the common non-Office formats."""
    found = (kind for magic, kind in _FOREIGN_SIGNATURES.items() if head.startswith(magic))
    return next(found, None)


def is_ole2(head: bytes) -> bool:
    """Whether the first bytes are those of an OLE2 compound file (.doc, .xls, .ppt, or an
    Office file encrypted with a password)."""
    return head.startswith(_OLE2_SIGNATURE)


def looks_like_text(head: bytes) -> bool:
    """Whether the first bytes of a file read as (UTF-8) text."""
    if b"\0" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(head) - 3  # only the last character was cut off
    return True


def ole2_kind(file_path: Path) -> str:
    """What an OLE2 compound file holds: OLE2_ENCRYPTED (an Office file with a password),
    OLE2_EXCEL, OLE2_POWERPOINT or, failing those, OLE2_WORD."""
    names = _ole2_stream_names(file_path)
    if {"EncryptionInfo", "EncryptedPackage"} & names:
        return OLE2_ENCRYPTED
    if {"Workbook", "Book"} & names:
        return OLE2_EXCEL
    if "PowerPoint Document" in names:
        return OLE2_POWERPOINT
    return OLE2_WORD


def _describe_ole2(file_path: Path) -> PlanInputError:
    """Tell a password-protected Office file, a legacy .xls/.ppt and a legacy .doc apart."""
    kind = ole2_kind(file_path)
    if kind == OLE2_ENCRYPTED:
        return _fail(file_path, "password")
    copy_it = "not a Word document; copy the plan into Word and save it as .docx"
    if kind == OLE2_EXCEL:
        detail = f"an old Excel 97-2003 .xls workbook, {copy_it}"
    elif kind == OLE2_POWERPOINT:
        detail = f"an old PowerPoint 97-2003 .ppt file, {copy_it}"
    else:
        detail = "an old Word 97-2003 .doc file; open it in Word or WPS and save it as .docx"
    return _fail(file_path, "legacy", detail=detail)


def _ole2_stream_names(file_path: Path) -> set[str]:
    """Stream names in an OLE2 compound file's directory (best effort; empty when damaged)."""
    names: set[str] = set()
    try:
        with file_path.open("rb") as stream:
            header = stream.read(512)
            (sector_shift,) = struct.unpack_from("<H", header, 0x1E)
            if sector_shift not in (9, 12):
                return names
            sector_size = 1 << sector_shift
            # The FAT sectors listed in the header cover the first ~7 MB: enough for a directory.
            fat_sectors = [s for s in struct.unpack_from("<109I", header, 0x4C) if s < 0xFFFFFFFA]
            (sector,) = struct.unpack_from("<I", header, 0x30)
            for _ in range(64):  # the directory chain: a few sectors in practice
                if sector >= 0xFFFFFFFA:
                    break
                stream.seek((sector + 1) * sector_size)
                directory = stream.read(sector_size)
                for entry in range(0, len(directory) - 127, 128):
                    (name_bytes,) = struct.unpack_from("<H", directory, entry + 64)
                    name = directory[entry : entry + min(name_bytes, 64)]
                    names.add(name.decode("utf-16-le", "ignore").rstrip("\0"))
                fat_index, offset = divmod(sector, sector_size // 4)
                if fat_index >= len(fat_sectors):
                    break
                stream.seek((fat_sectors[fat_index] + 1) * sector_size + offset * 4)
                (sector,) = struct.unpack("<I", stream.read(4))
    except (OSError, struct.error, OverflowError, ValueError):
        return names  # a damaged header: fall back to calling it a .doc
    return names


# ---------------------------------------------------------------------------- package parts


def _limit_text(limit: int) -> str:
    return f"{limit / _MB:.0f} MB" if limit >= _MB else f"{-(-limit // 1024)} KB"


def _too_large(file_path: Path, name: str, limit: int) -> PlanInputError:
    return _fail(file_path, "part_size", name, limit=_limit_text(limit))


def _check_part(
    file_path: Path, info: zipfile.ZipInfo, name: str, max_part_bytes: int, max_ratio: int
) -> None:
    """Refuse a part that is encrypted at zip level, or whose zip header says it unpacks past
    ``max_part_bytes`` or is compressed more than ``max_ratio`` times (a zip bomb)."""
    if info.flag_bits & 0x1:  # zip-level encryption (Office itself encrypts differently)
        raise _fail(file_path, "zip_password", name)
    if info.file_size > max_part_bytes:
        raise _too_large(file_path, name, max_part_bytes)
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > RATIO_CHECK_MIN_BYTES and ratio > max_ratio:
        raise _fail(file_path, "part_ratio", name, ratio=round(ratio))


def _declares_dtd(raw: bytes) -> bool:
    return any(marker in raw for marker in _DTD_MARKERS)


def _cannot_be_xml(head: bytes) -> bool:
    """Whether a part's first bytes rule XML out: after a byte-order mark and blanks, XML
    starts with "<". Pictures and embedded objects are skipped this way; a part that is all
    blanks so far may still be XML."""
    start = head.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    return bool(start) and not start.startswith(b"<")


def check_package(
    file_path: Path,
    *,
    max_part_bytes: int = DEFAULT_MAX_PART_BYTES,
    max_total_bytes: int = 4 * DEFAULT_MAX_PART_BYTES,
    max_ratio: int = DEFAULT_MAX_RATIO,
    part_limit: Callable[[str], int] | None = None,
) -> None:
    """Check a whole zip package before a library that reads every part into memory opens it.

    Refuses, with a PlanInputError whose ``where`` names the part: a part encrypted at zip
    level; a part over ``max_part_bytes`` or compressed more than ``max_ratio`` times, parts
    that together unpack past ``max_total_bytes``, or more than MAX_PACKAGE_PARTS parts (zip
    bombs); XML that declares a DTD or entities (external entities, "billion laughs").
    ``part_limit`` gives a part its own size limit (a part the reader streams may be larger
    than one it loads whole). The
    sizes in the zip directory can be trusted here: zipfile never unpacks a part past its
    declared size (it stops there and fails the checksum). Every XML part is read once, in
    bounded chunks. The file signature is not checked: see :func:`foreign_kind` and
    :func:`ole2_kind`.
    """
    try:
        with zipfile.ZipFile(file_path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_PACKAGE_PARTS:
                raise _fail(file_path, "part_count", count=len(infos))
            total = 0
            for info in infos:
                limit = part_limit(info.filename) if part_limit else max_part_bytes
                _check_part(file_path, info, info.filename, limit, max_ratio)
                total += info.file_size
                if total > max_total_bytes:
                    raise _fail(file_path, "total_size", limit=_limit_text(max_total_bytes))
            for info in infos:
                if not info.filename.lower().endswith(_UNPARSED_XML_SUFFIXES):
                    _check_xml_part(file_path, archive, info)
    except NotImplementedError:
        raise _fail(file_path, "compression") from None
    except _DAMAGED_ZIP_ERRORS as error:
        if isinstance(error, OSError) and error.errno != errno.EINVAL:  # a real I/O failure
            raise _fail(file_path, "io", detail=error.strerror or error) from None
        raise _fail(file_path, "damaged", detail=error) from None


def _check_xml_part(file_path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse the part if it is XML that declares a DTD; read in chunks, markers found across
    chunk boundaries too."""
    with archive.open(info) as member:
        tail = member.read(_CHUNK_BYTES)
        if _cannot_be_xml(tail):
            return
        while True:
            if _declares_dtd(tail):
                raise _fail(file_path, "dtd", info.filename)
            chunk = member.read(_CHUNK_BYTES)
            if not chunk:
                return
            tail = tail[-(_LONGEST_MARKER - 1) :] + chunk


class _Package:
    """Bounded, safe access to the parts of an opened zip package."""

    def __init__(
        self, archive: zipfile.ZipFile, file_path: Path, max_part_bytes: int, max_ratio: int
    ) -> None:
        self._archive = archive
        self._file_path = file_path
        self._max_part_bytes = max_part_bytes
        self._max_ratio = max_ratio
        # OPC part names are case-insensitive; some tools write backslashes.
        self._members = {
            info.filename.replace("\\", "/").lstrip("/").lower(): info
            for info in archive.infolist()
        }

    def has(self, name: str) -> bool:
        return name.lower() in self._members

    def read(self, name: str) -> bytes:
        info = self._members[name.lower()]
        _check_part(self._file_path, info, name, self._max_part_bytes, self._max_ratio)
        limit = self._max_part_bytes
        chunks: list[bytes] = []
        total = 0
        with self._archive.open(info) as member:
            while chunk := member.read(_CHUNK_BYTES):
                total += len(chunk)
                if total > limit:  # the header lied about the size
                    raise _too_large(self._file_path, name, limit)
                chunks.append(chunk)
        return b"".join(chunks)

    def parse(self, name: str) -> etree._Element:
        raw = self.read(name)
        if _declares_dtd(raw):
            raise _fail(self._file_path, "dtd", name)
        # Strict Open XML differs from the usual (transitional) form mainly by this namespace.
        raw = raw.replace(_STRICT_W_NS, _TRANSITIONAL_W_NS)
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )
        try:
            root = etree.fromstring(raw, parser)
        except etree.XMLSyntaxError as error:
            detail = f"line {error.lineno}: {error.msg}"
            raise _fail(self._file_path, "xml", name, detail=detail) from None
        except (etree.LxmlError, ValueError) as error:
            raise _fail(self._file_path, "xml", name, detail=error) from None
        docinfo = root.getroottree().docinfo
        if docinfo.internalDTD is not None or docinfo.doctype:
            raise _fail(self._file_path, "dtd", name)
        return root

    def parse_optional(self, name: str | None) -> etree._Element | None:
        return self.parse(name) if name and self.has(name) else None

    def relationships(self, source_name: str) -> dict[str, str]:
        """Relationship type tail ("styles", "officeDocument", ...) → target part name."""
        folder, file_name = posixpath.split(source_name)
        rels_name = posixpath.join(folder, "_rels", f"{file_name}.rels")
        targets: dict[str, str] = {}
        if not self.has(rels_name):
            return targets
        for relationship in self.parse(rels_name).iter(_RELATIONSHIP):
            kind = relationship.get("Type", "").rsplit("/", 1)[-1]  # same tail in Strict OOXML
            target = unquote(relationship.get("Target", ""))
            if relationship.get("TargetMode") == "External" or not target or kind in targets:
                continue
            part = target[1:] if target.startswith("/") else posixpath.join(folder, target)
            targets[kind] = posixpath.normpath(part).lstrip("/")
        return targets

    def main_document_name(self) -> str:
        target = self.relationships("").get("officeDocument")
        for name in (target, "word/document.xml"):
            if name and self.has(name) and not name.lower().startswith(("xl/", "ppt/")):
                return name
        raise self.not_word_error("it has no word/document.xml")

    def not_word_error(self, why: str) -> PlanInputError:
        names = self._members.keys()
        content_types = self._small_text("[Content_Types].xml")
        if any(name.startswith("xl/") for name in names) or "spreadsheetml" in content_types:
            kind = "an Excel workbook (.xlsx) renamed to .docx"
        elif any(name.startswith("ppt/") for name in names) or "presentationml" in content_types:
            kind = "a PowerPoint presentation (.pptx) renamed to .docx"
        elif "opendocument.text" in self._small_text("mimetype"):
            kind = "an OpenDocument text (.odt) file, which WPS or LibreOffice can save as .docx"
        elif any(name.startswith("word/") for name in names):
            kind = "a damaged Word document"
        else:
            kind = "a zip archive, not a Word document"
        return _fail(self._file_path, "no_document", detail=f"{kind} ({why})")

    def _small_text(self, name: str) -> str:
        info = self._members.get(name.lower())
        if info is None or info.file_size > _MB:
            return ""
        return self.read(name).decode("utf-8", "replace")
