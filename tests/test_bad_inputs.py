"""Every bad input file gets a clear message or a clean result through the command line —
never a traceback — and nothing is written (see tests/reliability/bad_inputs.py and
tests/bad_inputs/README.md); plus the checks behind it, one by one."""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

import pytest

from domain.docx_package import MAX_PACKAGE_PARTS, check_package
from domain.errors import PlanInputError
from domain.textsource import MAX_LINE_CHARS, read_plan_file
from exports.form_cells import parse_percent
from exports.readback import FormError, read_filled_form
from tests.bad_inputs.make_corpus import LIBRARY_MADE, write_corpus
from tests.reliability.bad_inputs import (
    CORPUS,
    GENERATED,
    MEMORY_LIMIT_MB,
    CorpusResult,
    Outcome,
    corpus_cases,
    run_corpus,
)

# -- the corpus through the command line ---------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> CorpusResult:
    return run_corpus(tmp_path_factory.mktemp("corpus"))


def _outcome(corpus: CorpusResult, case: str, command: str) -> Outcome:
    return next(o for o in corpus.outcomes if o.case == case and o.command == command)


def test_every_bad_input_is_handled_cleanly(corpus: CorpusResult) -> None:
    runs = sum(3 if case.as_form else 2 for case in corpus_cases())
    assert corpus.tried == runs
    assert corpus.failures == []
    assert corpus.clean == corpus.tried


def test_zip_bombs_stay_within_memory(corpus: CorpusResult) -> None:
    bombs = [o for o in corpus.outcomes if o.case.startswith("bomb")]
    # bomb.docx, bomb-lying-header.docx, bomb.xlsx × 3 commands; bomb.pdf × parse and import
    assert len(bombs) == 11
    for outcome in bombs:
        assert outcome.peak_rss_mb is not None, outcome
        assert outcome.peak_rss_mb < MEMORY_LIMIT_MB, outcome
        assert outcome.seconds < 30, outcome


# What each case must say: (case, command, exit code, words in the message). A read-back
# in which not one file was a usable form exits 2.
EXPECTED = [
    ("empty.txt", "import", 2, "empty"),
    ("empty.docx", "readback", 2, "empty"),
    ("garbage.txt", "parse", 2, "not a text file"),
    ("garbage.docx", "import", 2, "not a zip package"),
    ("png-renamed.docx", "parse", 2, "PNG image renamed to .docx"),
    ("png-renamed.docx", "readback", 2, "PNG image renamed to .docx"),
    ("jpeg-renamed.docx", "import", 2, "JPEG image"),
    ("truncated.docx", "import", 2, "damaged or incomplete"),
    ("truncated.xlsx", "readback", 2, "damaged, truncated"),
    ("not-zip.docx", "parse", 2, "web-page file"),
    ("not-zip.xlsx", "readback", 2, "not a zip package"),
    ("xxe.docx", "import", 2, "DTD"),
    ("xxe.docx", "readback", 2, "DTD"),
    ("xxe.xlsx", "readback", 2, "DTD"),
    ("workbook.xlsx", "import", 0, "Imported plan"),  # a task table: imported
    ("garbage.xlsx", "import", 2, "not an Excel .xlsx workbook"),
    ("png-renamed.xlsx", "parse", 2, "PNG image renamed to .xlsx"),
    ("truncated.xlsx", "import", 2, "workbook is damaged or incomplete"),
    ("xxe.xlsx", "import", 2, "declares entities"),
    ("password.xlsx", "import", 2, "password-protected"),
    ("form-sheet-renamed.xlsx", "import", 2, "feedback form exported by Duban"),
    ("form-no-header.xlsx", "import", 2, "holds no task table"),
    ("huge-100mb.xlsx", "import", 2, "100.0 MB"),
    ("workbook.xlsx", "readback", 2, "not a Duban feedback form"),
    ("mixed-encoding.txt", "import", 2, "line 16"),
    ("lone-surrogates-utf16.txt", "parse", 2, "encoding"),
    ("control-chars.txt", "import", 0, "Imported plan"),
    ("fake-numbering.txt", "parse", 0, "2020年全市教育工作要点"),
    ("legacy.doc", "import", 2, "save it as .docx"),
    ("legacy.doc", "readback", 2, "save it as .docx"),
    ("legacy.xls", "import", 2, "Excel 97-2003"),
    ("legacy.xls", "readback", 2, "save it as .xlsx"),
    ("legacy-xls-renamed.xlsx", "readback", 2, "old-format Excel file (.xls) named .xlsx"),
    ("password.docx", "import", 2, "password"),
    ("password.xlsx", "readback", 2, "password"),
    ("bomb.docx", "import", 2, "zip bomb"),
    ("bomb.docx", "readback", 2, "zip bomb"),
    ("bomb.xlsx", "readback", 2, "zip bomb"),
    ("bomb-lying-header.docx", "parse", 2, "damaged"),
    ("bomb-lying-header.docx", "readback", 2, "damaged"),
    ("huge-100mb.txt", "import", 2, "100.0 MB"),
    ("huge-100mb.docx", "parse", 2, "damaged"),
    ("huge-100mb.xlsx", "readback", 2, "far too large"),
    ("plan-with-100mb-picture.docx", "import", 0, "Imported plan"),
    ("long-line-10mb.txt", "import", 2, "10.0 MB"),
    ("long-line-4mb.txt", "import", 2, "line 1"),
    ("form-truncated.docx", "readback", 2, "damaged, truncated"),
    ("form-xxe.docx", "readback", 2, "DTD"),
    ("form-xxe.xlsx", "readback", 2, "DTD"),
    ("form-no-table.docx", "readback", 2, "table"),
    ("form-no-header.xlsx", "readback", 2, "header row"),
    ("form-sheet-renamed.xlsx", "readback", 0, "Preview"),
    ("form-cell-at-XFD1048576.xlsx", "readback", 2, "a cell at XFD1048576"),
    ("form-cell-at-J1048576.xlsx", "readback", 2, "a cell at J1048576"),
    ("image-only.pdf", "import", 2, "no text layer"),
    ("image-only.pdf", "parse", 2, "no text layer"),
    ("encrypted.pdf", "import", 2, "password"),
    ("damaged.pdf", "parse", 2, "damaged or incomplete"),
    ("huge-100mb.pdf", "import", 2, "100.0 MB"),
    ("bomb.pdf", "import", 2, "zip bomb"),
]


@pytest.mark.parametrize(("case", "command", "code", "words"), EXPECTED)
def test_what_each_bad_input_says(
    corpus: CorpusResult, case: str, command: str, code: int, words: str
) -> None:
    outcome = _outcome(corpus, case, command)
    assert outcome.exit_code == code, outcome
    assert words in outcome.message, outcome
    if code == 2 or outcome.message.startswith("rejected:"):
        assert case in outcome.message


def test_committed_files_are_small_listed_and_made_by_the_generator(tmp_path: Path) -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([^`]+)` \|", readme, flags=re.MULTILINE))
    committed = {c.name for c in corpus_cases() if c.make is None}
    assert committed == {p.name for p in write_corpus(tmp_path)}
    assert committed | {c.name for c in GENERATED} == listed
    for name in committed:
        path = CORPUS / name
        assert path.stat().st_size < 200 * 1024, name
        if name not in LIBRARY_MADE:
            assert path.read_bytes() == (tmp_path / name).read_bytes(), f"{name}: run make_corpus"


# -- the package check behind read-back ----------------------------------------------------


def _package(path: Path, parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def _refused(path: Path, code: str, **limits: int) -> PlanInputError:
    with pytest.raises(PlanInputError) as info:
        check_package(path, **limits)
    assert info.value.code == code, info.value.message
    assert str(path) in info.value.message
    return info.value


def test_package_check_refuses_parts_too_big_together(tmp_path: Path) -> None:
    parts = {f"xl/media/image{i}.bin": bytes(range(256)) * 4096 for i in range(5)}  # 1 MB each
    path = _package(tmp_path / "many.xlsx", parts)
    check_package(path, max_total_bytes=6 * 1024 * 1024)
    error = _refused(path, "too_large", max_total_bytes=4 * 1024 * 1024)
    assert "together" in error.reason


def test_package_check_refuses_a_part_too_big_or_compressed_too_much(tmp_path: Path) -> None:
    path = _package(tmp_path / "ratio.docx", {"word/document.xml": b" " * (4 * 1024 * 1024)})
    assert _refused(path, "too_large").where == "word/document.xml"
    assert "compressed" in _refused(path, "too_large").reason
    assert "unpacks to more than" in _refused(path, "too_large", max_part_bytes=1024).reason


def test_package_check_refuses_too_many_parts(tmp_path: Path) -> None:
    parts = {f"p/{i}.xml": b"<a/>" for i in range(MAX_PACKAGE_PARTS + 1)}
    assert "parts" in _refused(_package(tmp_path / "parts.xlsx", parts), "too_large").reason


@pytest.mark.parametrize(
    "xml",
    [
        b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
        b" " * 600_000 + b"<!DOCTYPE a><a/>",  # past the first chunks read
        b"\n" * (256 * 1024 - 4) + b"<!DOCTYPE a><a/>",  # the marker across two chunks
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a><a/>'.encode("utf-16"),
        b"\xef\xbb\xbf<!ENTITY x 'y'>",
    ],
    ids=["xxe", "padded", "across-chunks", "utf-16", "bom-entity"],
)
def test_package_check_refuses_xml_with_a_dtd(tmp_path: Path, xml: bytes) -> None:
    path = _package(tmp_path / "dtd.xlsx", {"[Content_Types].xml": b"<Types/>", "xl/a.xml": xml})
    assert _refused(path, "bad_xml").where == "xl/a.xml"


def test_package_check_lets_pictures_and_embedded_pages_through(tmp_path: Path) -> None:
    svg = b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg/>'
    png = b"\x89PNG\r\n\x1a\n<!DOCTYPE in the pixels"
    html = b"<!DOCTYPE html><html><body>imported page</body></html>"
    parts = {"word/media/a.svg": svg, "word/media/b.png": png, "word/afchunk.htm": html}
    check_package(_package(tmp_path / "pictures.docx", parts))


def test_package_check_catches_a_header_that_lies_about_the_size(tmp_path: Path) -> None:
    path = _package(
        tmp_path / "liar.docx", {"word/document.xml": b"<a>" + b" " * 300_000 + b"</a>"}
    )
    data = bytearray(path.read_bytes())
    central = data.rindex(b"PK\x01\x02")
    data[central + 24 : central + 28] = (100).to_bytes(4, "little")  # claims 100 bytes
    path.write_bytes(bytes(data))
    _refused(path, "truncated")


# -- read-back of forms that are not (or no longer) forms ----------------------------------


def _bomb(path: Path, part: str) -> Path:
    blanks = b" " * (1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", b"<Types/>")
        with package.open(part, "w") as member:
            member.write(b"<a>")
            for _ in range(256):
                member.write(blanks)
            member.write(b"</a>")
    return path


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_a_bomb_form_is_refused_at_once(tmp_path: Path, suffix: str) -> None:
    part = "word/document.xml" if suffix == ".docx" else "xl/worksheets/sheet1.xml"
    path = _bomb(tmp_path / f"bomb{suffix}", part)
    started = time.perf_counter()
    result = read_filled_form(path)
    assert time.perf_counter() - started < 1
    assert isinstance(result, FormError) and result.code == "too_large"
    assert "zip bomb" in result.reason and part in result.reason and path.name in str(result)


def test_a_form_of_another_kind_under_a_form_name(tmp_path: Path) -> None:
    old = (CORPUS / "legacy.doc").read_bytes()
    renamed = tmp_path / "表.xlsx"
    renamed.write_bytes(old)  # a .doc saved under an .xlsx name
    result = read_filled_form(renamed)
    assert isinstance(result, FormError) and result.code == "old_format"
    assert "Word file (.doc)" in result.reason and "save it as .docx" in result.reason


def test_percent_of_a_number_too_long_for_a_float() -> None:
    assert parse_percent(10**400) == (None, ["完成进度的数字过大，超出0–100，未导入"])
    assert parse_percent(-(10**5000), percent_format=True)[0] is None
    assert parse_percent(float("nan"))[0] is None


# -- plans -----------------------------------------------------------------------------------


def test_a_line_longer_than_any_plan_has_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    path.write_text("一、总则\n" + "加" * MAX_LINE_CHARS + "\n", encoding="utf-8")
    assert len(read_plan_file(path).lines[1]) == MAX_LINE_CHARS
    path.write_text("一、总则\n" + "加" * (MAX_LINE_CHARS + 1) + "\n", encoding="utf-8")
    with pytest.raises(PlanInputError) as info:
        read_plan_file(path)
    assert info.value.code == "too_large" and info.value.where == "line 2"


def test_a_long_paragraph_in_a_docx_is_refused(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("一、总则")
    document.add_paragraph("".join(f"第{i}项任务。" for i in range(MAX_LINE_CHARS // 5)))
    path = tmp_path / "long.docx"
    document.save(str(path))
    with pytest.raises(PlanInputError) as info:
        read_plan_file(path)
    assert info.value.code == "too_large" and "line 2" in info.value.message


@pytest.mark.parametrize(
    ("name", "code", "words"),
    [
        ("workbook.xlsx", "unsupported", "not from Excel workbooks (.xlsx)"),
        ("legacy.xls", "unsupported", "Excel 97-2003 (.xls)"),
        ("legacy.doc", "old_doc", "save it as .docx"),
        ("password.docx", "encrypted", "password"),
    ],
)
def test_other_office_files_as_plans(tmp_path: Path, name: str, code: str, words: str) -> None:
    path = tmp_path / ("plan.txt" if name.endswith((".xls", ".doc")) else name)
    path.write_bytes((CORPUS / name).read_bytes())  # .xls/.doc content under a .txt name too
    for candidate in {path, CORPUS / name}:
        with pytest.raises(PlanInputError) as info:
            read_plan_file(candidate)
        assert info.value.code == code and words in info.value.reason, candidate


def test_an_encrypted_office_file_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes((CORPUS / "password.xlsx").read_bytes())
    with pytest.raises(PlanInputError) as info:
        read_plan_file(path)
    assert info.value.code == "encrypted"


def test_corpus_generator_output_is_a_real_docx() -> None:
    from tests.bad_inputs.make_corpus import plan_docx

    with zipfile.ZipFile(io.BytesIO(plan_docx())) as package:
        assert "word/document.xml" in package.namelist()
