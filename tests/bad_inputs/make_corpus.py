"""Write the committed corpus of small bad input files into this folder.

    .venv/bin/python -m tests.bad_inputs.make_corpus

The output is committed (README.md lists every file); run this again only to change the
corpus. It is deterministic: fixed random seeds, fixed zip timestamps and core properties,
so a second run gives the same bytes. The huge cases (zip bombs, 100 MB, a 10 MB line) and
the forms that need a database's signed keys are made at test time by
``tests.reliability.bad_inputs``, never committed.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import struct
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE_PLAN = HERE.parent.parent / "sample_data" / "qingdao-2020-education-workplan.txt"
_FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def sample_lines(count: int = 40) -> list[str]:
    """The first ``count`` non-blank lines of the sample plan (title, numbering, tasks)."""
    lines = [line for line in SAMPLE_PLAN.read_text(encoding="utf-8").splitlines() if line]
    return lines[:count]


_SAVE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)")


def normalise_zip(data: bytes) -> bytes:
    """The same package with fixed timestamps (zip entries, and the save times that Word and
    openpyxl write into docProps/core.xml), so the corpus is reproducible byte for byte."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, _FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = _SAVE_TIMES.sub(rb"\g<1>2020-01-01T00:00:00Z\g<2>", content)
            target.writestr(fixed, content)
    return out.getvalue()


def replace_parts(data: bytes, parts: dict[str, bytes]) -> bytes:
    """The package ``data`` with ``parts`` replaced (or added), timestamps fixed."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        names = [info.filename for info in source.infolist()]
        for name in names + [n for n in parts if n not in names]:
            fixed = zipfile.ZipInfo(name, _FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, parts[name] if name in parts else source.read(name))
    return out.getvalue()


def with_doctype(xml: bytes, root: str) -> bytes:
    """``xml`` with a DOCTYPE that declares an external entity reading /etc/passwd, and the
    entity used inside the first text element, as an XXE attack file has it."""
    start = xml.index(b"<" + root.encode())
    doctype = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    ).encode()
    body = xml[start:]
    for tag in (b"<w:t>", b"<t>", b"<v>"):
        if tag in body:
            body = body.replace(tag, tag + b"&xxe;", 1)
            break
    return doctype + body


def plan_docx() -> bytes:
    """A real Word document holding the first lines of the sample plan."""
    from docx import Document

    document = Document()
    for line in sample_lines():
        document.add_paragraph(line)
    fixed = dt.datetime(2020, 1, 1)
    document.core_properties.created = fixed
    document.core_properties.modified = fixed
    document.core_properties.last_printed = fixed
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue())


def plain_xlsx() -> bytes:
    """A real workbook that is not a Duban form: a sheet of tasks without keys."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "工作台账"
    sheet.append(["序号", "工作任务", "责任处室"])
    for number, line in enumerate(sample_lines(12), 1):
        sheet.append([number, line, "办公室"])
    fixed = dt.datetime(2020, 1, 1)
    workbook.properties.created = fixed
    workbook.properties.modified = fixed
    buffer = io.BytesIO()
    workbook.save(buffer)
    return normalise_zip(buffer.getvalue())


def png_bytes() -> bytes:
    """A valid 8×8 grey PNG image."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 8, 8, 8, 0, 0, 0, 0)
    pixels = b"".join(b"\x00" + bytes(range(0, 256, 32)) for _ in range(8))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels))
        + chunk(b"IEND", b"")
    )


def jpeg_bytes() -> bytes:
    """The start of a JFIF photo (SOI, APP0, a comment) and its end marker."""
    app0 = b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    comment = b"photo of the plan"
    return (
        b"\xff\xd8"
        + b"\xff\xe0"
        + struct.pack(">H", len(app0) + 2)
        + app0
        + b"\xff\xfe"
        + struct.pack(">H", len(comment) + 2)
        + comment
        + bytes(random.Random(3).randrange(256) for _ in range(600))
        + b"\xff\xd9"
    )


def ole2_bytes(streams: list[str]) -> bytes:
    """A minimal OLE2 compound file (the container of .doc, .xls and password-protected
    Office files) whose directory lists ``streams`` (empty streams)."""
    end, free, fat_sector, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 0x2C, 1)  # FAT sectors
    struct.pack_into("<I", header, 0x30, 1)  # first directory sector
    struct.pack_into("<I", header, 0x38, 4096)  # mini stream cut-off
    struct.pack_into("<IIII", header, 0x3C, end, 0, end, 0)  # mini FAT, DIFAT
    struct.pack_into("<109I", header, 0x4C, 0, *([free] * 108))
    fat = struct.pack("<128I", fat_sector, end, *([free] * 126))

    def entry(name: str, kind: int, child: int, right: int) -> bytes:
        raw = (name + "\0").encode("utf-16-le")
        record = bytearray(128)
        record[: len(raw)] = raw
        struct.pack_into("<HBB", record, 64, len(raw), kind, 1)  # name size, type, black
        struct.pack_into("<III", record, 68, no_stream, right, child)  # left, right, child
        struct.pack_into("<I", record, 116, end)  # start sector: none
        return bytes(record)

    entries = [entry("Root Entry", 5, 1 if streams else no_stream, no_stream)]
    for index, name in enumerate(streams, 1):
        entries.append(entry(name, 2, no_stream, index + 1 if index < len(streams) else no_stream))
    directory = b"".join(entries).ljust(512 * -(-len(entries) // 4), b"\0")
    assert len(directory) == 512, "one directory sector holds four entries"
    return bytes(header) + fat + directory


def mixed_encoding() -> bytes:
    """The sample plan's first half in UTF-8 and its second half in GBK, as happens when two
    files are pasted together."""
    lines = sample_lines(30)
    first = "\n".join(lines[:15]) + "\n"
    second = "\n".join(lines[15:]) + "\n"
    second = second.encode("gb18030", "replace").decode("gb18030")  # GBK has no 點 etc.
    return first.encode("utf-8") + second.encode("gbk", "replace")


def control_characters() -> bytes:
    """A short plan with NUL, ESC, BEL, backspace and form feeds inside lines."""
    text = (
        "2021年工作要点\x0c\n"
        "一、加强党的领导\x00\n"
        "1.深入学习\x1b[31m贯彻\x1b[0m党的精神。\x07\n"
        "2.推进\x08改革；\x00\x00完成任务。\n"
        "\x0c二、深化改革\n"
        "1.落实\x1f责任\x7f制。\n"
    )
    return text.encode("utf-8")


def lone_surrogates_utf16() -> bytes:
    """UTF-16 (with a byte-order mark) holding unpaired surrogates: a high one at a line's
    end, a low one inside a line, as a broken converter leaves them."""
    good = "2021年工作要点\n一、加强党的领导\n1.深入学习".encode("utf-16-le")
    more = "贯彻。\n2.推进改革".encode("utf-16-le")
    rest = "完成。\n".encode("utf-16-le")
    return b"\xff\xfe" + good + b"\x00\xd8" + more + b"\x00\xdc" + rest


FAKE_NUMBERING = """2020年全市教育工作要点
2020.
1.5亿元专项资金已于2020.3.1下达，占全年的12.5%。
一、二、三是今年的重点，四、五是明年的重点。
2020年3月1日前完成第1.2批次验收，3、4月份组织复查。
第一、第二两个阶段已经结束。
1.5 亿元、2.0版本、3.14、10.1假期，都不是编号。
（一）（二）两项合并推进，①②③为子项目。
2019.12.31—2020.1.1跨年值班。
一、 二、 三、
"""


# Files whose bytes come from python-docx or openpyxl: a new version of those may write them
# a little differently (the rest is made byte by byte here).
LIBRARY_MADE = frozenset(
    {"truncated.docx", "xxe.docx", "truncated.xlsx", "xxe.xlsx", "workbook.xlsx"}
)


def pdf_file(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF made of ``objects`` (numbered from 1; object 1 is the catalog), with its
    cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (len(objects) + 1, trailer))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def pdf_stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n%s\nendstream" % (len(data), extra, data)


def _pdf_page(content_ref: bytes, resources: bytes) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %s >>"
        % (resources, content_ref),
    ]


def image_only_pdf() -> bytes:
    """A scan: one page that shows a picture and holds no text at all."""
    pixels = bytes((x * 29 + y * 13) % 256 for y in range(16) for x in range(16))
    drawing = b"q 400 0 0 400 97 300 cm /Scan Do Q"
    return pdf_file(
        [
            *_pdf_page(b"4 0 R", b"<< /XObject << /Scan 5 0 R >> >>"),
            pdf_stream(drawing),
            pdf_stream(
                pixels,
                b"/Type /XObject /Subtype /Image /Width 16 /Height 16 "
                b"/ColorSpace /DeviceGray /BitsPerComponent 8 ",
            ),
        ]
    )


def _rc4(key: bytes, data: bytes) -> bytes:
    box = list(range(256))
    j = 0
    for i in range(256):
        j = (j + box[i] + key[i % len(key)]) % 256
        box[i], box[j] = box[j], box[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + box[i]) % 256
        box[i], box[j] = box[j], box[i]
        out.append(byte ^ box[(box[i] + box[j]) % 256])
    return bytes(out)


_PDF_PAD = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")


def encrypted_pdf(user_password: bytes = b"1234") -> bytes:
    """A text PDF that opens only with a password (standard security handler, RC4 40-bit,
    revision 2, as the PDF reference describes it)."""
    import hashlib

    def padded(password: bytes) -> bytes:
        return (password + _PDF_PAD)[:32]

    file_id = hashlib.md5(b"duban bad input").digest()
    owner_key = hashlib.md5(padded(b"owner")).digest()[:5]
    owner = _rc4(owner_key, padded(user_password))
    permissions = -44
    key = hashlib.md5(
        padded(user_password) + owner + struct.pack("<i", permissions) + file_id
    ).digest()[:5]
    user = _rc4(key, _PDF_PAD)

    def encrypt(number: int, data: bytes) -> bytes:
        object_key = hashlib.md5(key + struct.pack("<I", number)[:3] + b"\x00\x00").digest()
        return _rc4(object_key[:10], data)

    text = "一、加强党的建设".encode("utf-16-be")
    content = b"BT /F1 12 Tf 72 720 Td <%s> Tj ET" % text.hex().encode()
    return pdf_file(
        [
            *_pdf_page(b"4 0 R", b"<< /Font << /F1 5 0 R >> >>"),
            pdf_stream(encrypt(4, content)),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
            % (owner.hex().encode(), user.hex().encode(), permissions),
        ],
        trailer=b"/Encrypt 6 0 R /ID [<%s> <%s>] "
        % (file_id.hex().encode(), file_id.hex().encode()),
    )


def damaged_pdf() -> bytes:
    """A PDF whose body was overwritten: the header is right, the rest is noise."""
    rng = random.Random(20261202)
    return b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R" + bytes(
        rng.randrange(256) for _ in range(3000)
    )


def write_corpus(folder: Path = HERE) -> list[Path]:
    """Write every committed corpus file into ``folder``; return their paths."""
    rng = random.Random(20201129)
    garbage = bytes(rng.randrange(256) for _ in range(4096))
    docx = plan_docx()
    xlsx = plain_xlsx()
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        document = package.read("word/document.xml")
    with zipfile.ZipFile(io.BytesIO(xlsx)) as package:
        sheet = package.read("xl/worksheets/sheet1.xml")
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "empty.docx": b"",
        "empty.xlsx": b"",
        "garbage.txt": garbage,
        "garbage.docx": garbage,
        "garbage.xlsx": garbage,
        "png-renamed.docx": png_bytes(),
        "jpeg-renamed.docx": jpeg_bytes(),
        "png-renamed.xlsx": png_bytes(),
        "truncated.docx": docx[: len(docx) // 2],
        "truncated.xlsx": xlsx[: len(xlsx) // 2],
        "not-zip.docx": "<html><head><title>工作要点</title></head><body><p>一、加强党的领导"
        "</p></body></html>\n".encode(),
        "not-zip.xlsx": "序号,工作任务,责任处室\n1,深入学习,办公室\n".encode(),
        "xxe.docx": replace_parts(
            docx, {"word/document.xml": with_doctype(document, "w:document")}
        ),
        "xxe.xlsx": replace_parts(
            xlsx, {"xl/worksheets/sheet1.xml": with_doctype(sheet, "worksheet")}
        ),
        "workbook.xlsx": xlsx,
        "mixed-encoding.txt": mixed_encoding(),
        "control-chars.txt": control_characters(),
        "lone-surrogates-utf16.txt": lone_surrogates_utf16(),
        "fake-numbering.txt": FAKE_NUMBERING.encode("utf-8"),
        "legacy.doc": ole2_bytes(["WordDocument", "1Table", "\x05SummaryInformation"]),
        "legacy.xls": ole2_bytes(["Workbook", "\x05SummaryInformation"]),
        "legacy-xls-renamed.xlsx": ole2_bytes(["Workbook", "\x05SummaryInformation"]),
        "password.docx": ole2_bytes(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]),
        "password.xlsx": ole2_bytes(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]),
        "image-only.pdf": image_only_pdf(),
        "encrypted.pdf": encrypted_pdf(),
        "damaged.pdf": damaged_pdf(),
    }
    written = []
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        written.append(path)
    return written


if __name__ == "__main__":
    write_corpus()
