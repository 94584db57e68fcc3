"""The four documents of a realistic office, made the way a clerk makes them (the command
line) and checked the way the office reads them: one script, the 分解表's item titles, a
通报 of a few pages, and no page stranded with a few lines on it (rendered by LibreOffice).

The office is ``tests/office_scenario.py``: 15 departments, the sample plan imported with
--simplified, six sections with six leads, 25 reports in 2020年第二季度, as of 2020-07-10.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document

from cli import main
from domain.script import to_simplified
from tests.office_scenario import AS_OF, PERIOD, SAMPLE_PLAN, build_office

ISSUED = "2020-07-13"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Every document of the office, exported through the command line."""
    root = tmp_path_factory.mktemp("office")
    db = str(build_office(root / "office.sqlite3"))
    out = root / "documents"
    common = ["--db", db, "--period", PERIOD, "--as-of", AS_OF.isoformat(), "--date", ISSUED]
    for kind, target, *extra in (
        ("decomposition", out / "分解表.docx"),
        ("report", out / "通报.docx"),
        ("report", out / "通报（附件）.docx", "--with-task-list"),
        ("feedback-forms", out / "forms"),
        ("reminders", out / "reminders"),
    ):
        assert main(["export", kind, "-o", str(target), *common, *extra]) == 0, kind
    return {
        "decomposition": [out / "分解表.docx"],
        "report": [out / "通报.docx", out / "通报（附件）.docx"],
        "feedback-forms": sorted((out / "forms").glob("*.docx")),
        "reminders": sorted((out / "reminders").glob("*.docx")),
    }


PRINTED = re.compile(r"word/(document|header\d*|footer\d*)\.xml")


def package_text(path: Path, *, printed_only: bool = False) -> str:
    """The text of the package: what is printed (body, headers, footers) and, unless
    ``printed_only``, the core properties (title, subject …)."""
    with zipfile.ZipFile(path) as package:
        parts = [
            name
            for name in package.namelist()
            if PRINTED.fullmatch(name) or (name == "docProps/core.xml" and not printed_only)
        ]
        xml = "".join(package.read(name).decode("utf-8") for name in parts)
    return "".join(re.findall(r">([^<>]+)<", xml))


def test_every_document_is_in_simplified_characters_only(exported) -> None:
    files = [p for paths in exported.values() for p in paths]
    assert len(exported["feedback-forms"]) == 15 and len(exported["reminders"]) >= 4
    for path in files:
        text = package_text(path)
        assert text and to_simplified(text) == text, path.name
        printed = package_text(path, printed_only=True)
        assert not re.search(r"\d{4}-\d{2}-\d{2}", printed), path.name  # dates never ISO
        assert "[2020]" not in printed and "號" not in printed


def test_the_decomposition_table_names_every_item(exported) -> None:
    from domain.parser import parse_lines
    from domain.textsource import read_plan_file

    plan = parse_lines(read_plan_file(SAMPLE_PLAN).lines)
    items = [n for n in plan.nodes() if n.kind == "item"]
    assert len(items) == 26
    doc = Document(str(exported["decomposition"][0]))
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    full_width = [r[0] for r in rows if len(set(r)) == 1]
    for item in items:
        title = to_simplified(f"{item.label}{item.title}").replace(",", "，")
        assert title in full_width, title
    assert "共26项重点工作、152项具体任务" in doc.paragraphs[1].text


@pytest.mark.libreoffice
def test_the_report_is_short_and_no_page_is_stranded(exported, tmp_path: Path) -> None:
    from tests.libreoffice import page_lines, to_pdfs

    documents = exported["report"] + exported["reminders"] + exported["feedback-forms"]
    pdfs = to_pdfs(documents, tmp_path)
    report_pages = page_lines(pdfs[0])
    assert len(report_pages) <= 6, len(report_pages)
    assert len(page_lines(pdfs[1])) > 6  # with the 附件: every task in a table
    for pdf in pdfs:
        pages = page_lines(pdf)
        counts = [len(lines) for lines in pages]
        assert min(counts) > 4, (pdf.name, counts)
    # The report's last page holds the end of 五、 with the sign-off, dated the day of issue.
    last = re.sub(r"\s", "", "".join(report_pages[-1]))
    assert "（三）加强协调配合" in last and last.endswith("青岛市教育局办公室2020年7月13日")


def test_a_plan_kept_in_traditional_characters_has_traditional_fixed_words(
    tmp_path: Path,
) -> None:
    """Every word Duban writes follows the plan's script: with the plan's text, the
    departments' names and reports taken out, what is left is unchanged by s2t."""
    from db.connection import open_database
    from db.plans import list_outline, list_plans
    from db.reports import collect
    from domain.script import full_width_punctuation, to_traditional
    from tests.office_scenario import DEPARTMENTS, OFFICE

    db_path = build_office(tmp_path / "office.sqlite3", simplified=False)
    out = tmp_path / "documents"
    common = ["--db", str(db_path), "--period", PERIOD, "--as-of", AS_OF.isoformat()]
    for kind, target in (("decomposition", out / "d.docx"), ("report", out / "r.docx"),
                         ("feedback-forms", out / "forms"), ("reminders", out / "reminders")):  # fmt: skip
        assert main(["export", kind, "-o", str(target), "--with-task-list", *common]) == 0
    db = open_database(db_path)
    try:
        plan = list_plans(db)[0]
        report = collect(db, plan.id)
        data = [plan.title, plan.doc_number, OFFICE, *(n.title for n in list_outline(db, plan.id))]
        data += [t.text for t in report.tasks] + [t.earlier_progress for t in report.tasks]
        data += [t.deadline for t in report.tasks]  # as the clerk typed them
    finally:
        db.close()
    from tests.office_scenario import EARLIER_REPORTS, REPORTS

    data += [text for r in (*REPORTS, *EARLIER_REPORTS) for text in r[3:6] if text]
    data += [name for name, short in DEPARTMENTS] + [short for _, short in DEPARTMENTS if short]
    data = sorted({d for d in data if d}, key=len, reverse=True)
    for path in sorted(out.rglob("*.docx")):
        text = package_text(path, printed_only=True)
        for piece in data:  # as printed: with full-width punctuation, maybe without its 。
            for form in (full_width_punctuation(piece), piece):
                text = text.replace(form, "").replace(form.rstrip("。"), "")
        text = re.sub(r"[\x00-\x7f\s，。：；、（）“”《》〔〕□…—]", "", text)
        converted = to_traditional(text)
        assert len(converted) == len(text), path.name
        diffs = [i for i, (a, b) in enumerate(zip(text, converted, strict=True)) if a != b]
        assert text and not diffs, (path.name, [text[max(0, i - 8) : i + 4] for i in diffs[:5]])
