"""Fuzzing the readers with Hypothesis: whatever the input, a result or a clear error.

- the plan reader and parser on arbitrary bytes and text: only PlanInputError, and nothing
  lost (``unaccounted_text``) when a plan comes out;
- deadline phrases: ``resolve_deadline`` never raises, and a date it gives is one the phrase
  writes out (or the next year, for a school anchor) or near the plan year;
- read-back: ``parse_status`` / ``parse_percent`` on arbitrary strings and cell values, and
  ``read_filled_form`` on real exported forms (.docx and .xlsx) with bytes flipped, cut,
  inserted or deleted, in the file or inside one of its XML parts: always a FilledForm or a
  FormError, never an exception.

tests/test_parser_properties.py and tests/test_deadlines.py hold the properties on plan-like
text; these add arbitrary bytes, files and the form reader. Each property runs at most 100
examples.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.progress import STATUSES
from domain.deadlines import resolve_deadline
from domain.errors import PlanInputError
from domain.outline import unaccounted_text
from domain.parser import parse_lines
from domain.textsource import read_plan_file
from exports.form_cells import parse_percent, parse_status
from exports.readback import FilledForm, FormError, read_filled_form
from tests.conftest import SAMPLE_PLAN

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))

# -- the plan reader and parser ------------------------------------------------------------

# Bytes that make the decoder's choices hard: byte-order marks, UTF-8 and GBK Chinese, zero
# bytes, control characters, lone surrogates in UTF-16, Office and image signatures.
_BYTE_PIECES = st.sampled_from(
    [
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xfe\xff",
        "一、加强党的领导\n".encode(),
        "1.深入学习。".encode(),
        "（一）推进改革；".encode("gbk"),
        "2020年6月底前完成".encode("gb18030"),
        "工作要点\r\n".encode("utf-16-le"),
        b"\x00\xd8",
        b"\x00",
        b"\x1b[31m",
        b"\x0c",
        b"\r",
        b"\x80\xff",
        b"PK\x03\x04",
        b"\xd0\xcf\x11\xe0",
        b"\x89PNG",
    ]
)
_FILE_BYTES = st.one_of(
    st.binary(max_size=600),
    st.lists(st.one_of(_BYTE_PIECES, st.binary(max_size=8)), max_size=20).map(b"".join),
)
_ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates and controls too


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="duban-fuzz-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@FUZZ
@given(data=_FILE_BYTES, suffix=st.sampled_from([".txt", ".docx", ".md", ""]))
def test_any_file_gives_a_plan_with_nothing_lost_or_a_plan_input_error(
    scratch: Path, data: bytes, suffix: str
) -> None:
    path = scratch / f"plan{suffix}"
    path.write_bytes(data)
    try:
        source = read_plan_file(path)
    except PlanInputError as error:
        assert str(path) in error.message and error.reason and error.code
        return
    plan = parse_lines(source.lines)
    assert unaccounted_text(source.lines, plan) == ("", "")


@FUZZ
@given(st.lists(st.text(_ANY_CHARACTER, max_size=40), max_size=12))
def test_parser_on_arbitrary_lines_never_raises_and_loses_nothing(lines: list[str]) -> None:
    plan = parse_lines(lines)
    assert unaccounted_text(lines, plan) == ("", "")
    plan.to_json()


# -- deadline phrases ----------------------------------------------------------------------

_DEADLINE_PIECES = st.sampled_from(
    [
        *"0123456789〇零一二三四五六七八九十两",
        *"年月日底前末内季度上下半旬初中期学开寒暑假春秋",
        "２０２１",
        "9999年",
        "0000年",
        "99999",
        "明年",
        "次年",
        "今年",
        "2月29日",
        "13月",
        "32日",
        "第四季度",
        "寒假前",
        "春季开学前",
        "6月底前完成50%，",
        "、",
        "和",
        "-",
        ".",
        "/",
        " ",
    ]
)
_PHRASES = st.one_of(
    st.text(_ANY_CHARACTER, max_size=30),
    st.lists(_DEADLINE_PIECES, max_size=14).map("".join),
)
_DIGITS = str.maketrans("〇零一二三四五六七八九○", "001234567890")


def _years_written(phrase: str) -> set[int]:
    """Every run of four digits in the phrase (Arabic, full-width or Chinese, blanks left
    out as the resolver does): the years it may have written out."""
    normal = "".join(
        chr(ord(ch) - 0xFEE0) if 0xFF10 <= ord(ch) <= 0xFF19 else ch
        for ch in phrase
        if not ch.isspace()
    ).translate(_DIGITS)
    return {
        int(normal[i : i + 4])
        for i in range(len(normal) - 3)
        if all(ch in "0123456789" for ch in normal[i : i + 4])
    }


@FUZZ
@given(_PHRASES, st.integers(min_value=1900, max_value=2200))
def test_a_resolved_deadline_is_a_date_the_phrase_names(phrase: str, year: int) -> None:
    got = resolve_deadline(phrase, year)
    dues = [got.due, *(m.due for m in got.milestones)]
    allowed = {y + offset for y in _years_written(phrase) for offset in (0, 1)}
    for due in dues:
        if due is None:
            continue
        assert isinstance(due, date)
        # A year written out (a school anchor may fall early the next year), else a date in
        # the plan year or the next (明年, 寒假前).
        assert due.year in allowed or year <= due.year <= year + 2, (phrase, year, due)


# -- read-back cells -----------------------------------------------------------------------


@FUZZ
@given(st.one_of(st.text(_ANY_CHARACTER, max_size=40), st.lists(_DEADLINE_PIECES).map("".join)))
def test_status_cell_gives_a_status_or_an_issue(text: str) -> None:
    status, issues = parse_status(text)
    assert status is None or status in STATUSES
    assert all(isinstance(issue, str) and issue for issue in issues)
    assert status is None or not issues


_CELL_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**5000), max_value=10**5000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(_ANY_CHARACTER, max_size=20),
    st.sampled_from(["60%", "６０％", "约60%左右", "已完成", "100.5", "-1", "1e3", "50 %", "五十"]),
    st.dates(),
)


@FUZZ
@given(_CELL_VALUES, st.booleans())
def test_percent_cell_gives_zero_to_a_hundred_or_an_issue(value: object, as_percent: bool) -> None:
    percent, issues = parse_percent(value, percent_format=as_percent)
    assert percent is None or (isinstance(percent, int) and 0 <= percent <= 100)
    assert percent is None or not issues
    assert all(isinstance(issue, str) and issue for issue in issues)


# -- read-back of damaged forms ------------------------------------------------------------


@pytest.fixture(scope="module")
def exported_forms(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """A real 进展情况反馈表 as .docx and .xlsx (the bytes), from ``run_export``."""
    from db.assignments import assign
    from db.audit import set_audit_context
    from db.connection import open_database
    from db.departments import add_department
    from db.imports import import_plan
    from db.progress import add_period
    from db.tasks import list_tasks
    from exports.service import ExportRequest, run_export

    folder = tmp_path_factory.mktemp("fuzz-forms")
    db_path = folder / "duban.sqlite3"
    shutil.copyfile(template_db, db_path)
    db = open_database(db_path)
    try:
        set_audit_context(db, "test", "tester")
        basic = add_department(db, "基础教育处")
        plan_id = import_plan(db, SAMPLE_PLAN).plan_id
        assign(db, [t.id for t in list_tasks(db)[:8]], lead=basic.id, deadline="6月底前")
        period = add_period(db, plan_id, "第一季度", "2020-01-01", "2020-03-31", kind="quarter")
        forms = {}
        for form_format in ("docx", "xlsx"):
            request = ExportRequest(
                "feedback-forms", plan_id, folder / form_format, period.id, form_format=form_format
            )
            (written,) = run_export(db, request)
            forms[form_format] = written.read_bytes()
    finally:
        db.close()
    return forms


def _mutate(data: bytes, draw: st.DataObject) -> bytes:
    """``data`` with bytes flipped, inserted, deleted or the end cut off (1–4 times)."""
    damaged = bytearray(data)
    for _ in range(draw.draw(st.integers(1, 4), label="mutations")):
        if not damaged:
            break
        kind = draw.draw(st.sampled_from(["flip", "insert", "delete", "cut"]), label="kind")
        at = draw.draw(st.integers(0, len(damaged) - 1), label="at")
        if kind == "flip":
            damaged[at] = draw.draw(st.integers(0, 255), label="byte")
        elif kind == "insert":
            damaged[at:at] = draw.draw(st.binary(min_size=1, max_size=16), label="bytes")
        elif kind == "delete":
            del damaged[at : at + draw.draw(st.integers(1, 64), label="length")]
        else:
            del damaged[at:]
    return bytes(damaged)


def _mutate_a_part(data: bytes, draw: st.DataObject) -> bytes:
    """The package ``data`` re-zipped with one of its XML parts damaged."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    xml_parts = sorted(name for name in parts if name.endswith((".xml", ".rels")))
    name = draw.draw(st.sampled_from(xml_parts), label="part")
    parts[name] = _mutate(parts[name], draw)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for part, content in parts.items():
            package.writestr(part, content)
    return out.getvalue()


def _check_damaged_form(folder: Path, suffix: str, original: bytes, draw: st.DataObject) -> None:
    inside = draw.draw(st.booleans(), label="inside a part")
    damaged = _mutate_a_part(original, draw) if inside else _mutate(original, draw)
    path = folder / f"damaged{suffix}"
    path.write_bytes(damaged)
    result = read_filled_form(path)
    assert isinstance(result, FilledForm | FormError)
    if isinstance(result, FormError):
        assert path.name in str(result) and result.reason and result.code
        assert "Traceback" not in str(result)
    else:
        for row in result.rows:
            assert row.status is None or row.status in STATUSES
            assert row.percent is None or 0 <= row.percent <= 100


@FUZZ
@given(draw=st.data())
def test_damaged_word_form_gives_a_form_or_a_form_error(
    scratch: Path, exported_forms: dict[str, bytes], draw: st.DataObject
) -> None:
    _check_damaged_form(scratch, ".docx", exported_forms["docx"], draw)


@FUZZ
@given(draw=st.data())
def test_damaged_excel_form_gives_a_form_or_a_form_error(
    scratch: Path, exported_forms: dict[str, bytes], draw: st.DataObject
) -> None:
    _check_damaged_form(scratch, ".xlsx", exported_forms["xlsx"], draw)
