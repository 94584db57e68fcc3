"""The 督办 workflow in the documents and on a 督办事项台账: targets on the feedback forms
(and read back as before), the 通报's 重点督办 / 延期 / 批示 parts and chart, and a ledger
going through the same forms and 通报 as a work plan."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from cli import main
from db.connection import open_database
from db.plans import get_plan
from db.progress import get_progress, list_periods
from db.tasks import TaskFilter, list_tasks
from tests.form_filling import fill_docx, fill_xlsx
from tests.table_fixtures import write_xlsx

Q2 = "2020年第二季度"
Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    db = str(tmp_path / "office.sqlite3")

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", db, *args])
        out, err = capsys.readouterr()
        return code, out, err

    for name in ("办公室", "组织干部处", "宣传教育处"):
        assert run("departments", "add", name)[0] == 0
    return run


def _text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _ids(tmp_path: Path, plan_id: int) -> dict[str, int]:
    db = open_database(tmp_path / "office.sqlite3")
    try:
        return {t.code: t.id for t in list_tasks(db, TaskFilter(plan_id=plan_id))}
    finally:
        db.close()


def test_a_ledger_goes_through_forms_readback_and_the_report(cli: Cli, tmp_path: Path) -> None:
    code, out, _ = cli("ledger", "new", "2020年重点督办事项台账", "--year", "2020", "--json")
    plan_id = json.loads(out)["plan_id"]
    items = (
        ("落实市政府常务会议关于校舍安全的议定事项", "会议议定", "组织干部处", "6月底前完成排查，年底前全面完成"),
        ("办理人大代表关于课后服务的建议", "人大建议", "宣传教育处", "9月底前"),
        ("推进上级督查反馈问题整改", "上级督查", "办公室", "年底前"),
    )  # fmt: skip
    for text, source, lead, deadline in items:
        code, out, err = cli("ledger", "add", str(plan_id), "--text", text, "--source", source,
                             "--lead", lead, "--deadline", deadline, "--json")  # fmt: skip
        assert code == 0, err
    (added,) = json.loads(out)
    assert (added["code"], added["source"], added["lead"]) == ("3-1", "inspection", "办公室")
    assert cli("ledger", "add", str(plan_id), "--text", "x", "--lead", "无此处室")[0] == 2
    assert len(_ids(tmp_path, plan_id)) == 3  # the refused one added nothing

    assert cli("periods", "year", "2020", "--quarterly", "--plan", str(plan_id))[0] == 0
    assert cli("targets", "2-1", "--period", Q2, "--text", "完成答复初稿", "--percent", "60",
               "--plan", str(plan_id))[0] == 0  # fmt: skip
    assert cli("focus", "1-1", "--plan", str(plan_id))[0] == 0
    assert cli("instruct", "1-1", "--date", "2020-06-08", "--leader", "张局长",
               "--text", "务必在汛期前完成排查。", "--plan", str(plan_id))[0] == 0  # fmt: skip

    forms = tmp_path / "forms"
    code, out, err = cli("export", "feedback-forms", "--plan", str(plan_id), "--period", Q2,
                         "-o", str(forms / "word"), "--json")  # fmt: skip
    assert code == 0, err
    word = {Path(p).name.split("-")[1]: Path(p) for p in json.loads(out)}
    code, out, _ = cli("export", "feedback-forms", "--plan", str(plan_id), "--period", Q2,
                       "--xlsx", "-o", str(forms / "excel"), "--json")  # fmt: skip
    excel = {Path(p).name.split("-")[1]: Path(p) for p in json.loads(out)}
    # 1-1's target comes from its deadline's milestone, 2-1's was entered; 3-1 has none
    assert "本期目标：6月底前完成排查" in _text(word["组织干部处"])
    assert "本期目标：完成答复初稿，60%" in _text(word["宣传教育处"])
    assert "本期目标" not in _text(word["办公室"])
    sheet = load_workbook(excel["宣传教育处"])["进展情况反馈表"]
    assert any("本期目标：完成答复初稿，60%" in str(c.value) for row in sheet.iter_rows()
               for c in row)  # fmt: skip

    ids = _ids(tmp_path, plan_id)
    fill_docx(word["组织干部处"], {ids["1-1"]: dict(progress="已完成排查", percent="80%",
                                                  status="序时推进")})  # fmt: skip
    fill_xlsx(excel["宣传教育处"], {ids["2-1"]: dict(progress="初稿待审", percent=30,
                                                    status="序时推进")})  # fmt: skip
    code, out, err = cli("readback", str(word["组织干部处"]), str(excel["宣传教育处"]),
                         "--period", Q2, "--plan", str(plan_id))  # fmt: skip
    assert code == 0 and "Recorded: 2 new" in out, out + err
    db = open_database(tmp_path / "office.sqlite3")
    try:
        assert get_plan(db, plan_id).kind == "ledger"
        q2 = next(p for p in list_periods(db, plan_id) if p.name == Q2)
        assert get_progress(db, ids["2-1"], q2.id).percent == 30
    finally:
        db.close()

    code, out, _ = cli("tasks", "--plan", str(plan_id), "--as-of", "2020-06-30", "--json")
    lights = {r["code"]: r["light"] for r in json.loads(out)}
    assert lights["2-1"] == {"color": "yellow", "reason": "黄：阶段目标 60%，最近进展 30%"}

    report = tmp_path / "台账通报.docx"
    code, _, err = cli("export", "report", "--plan", str(plan_id), "--period", Q2,
                       "-o", str(report), "--date", "2020-07-10")  # fmt: skip
    assert code == 0, err
    text = _text(report)
    assert "二、重点督办事项" in text and "1-1（组织干部处牵头" in text
    assert "（2020年6月8日，张局长批示：务必在汛期前完成排查）" in text
    assert "延期情况" not in text  # nothing postponed: no part


def test_import_ledger_from_a_table(cli: Cli, tmp_path: Path) -> None:
    table = write_xlsx(tmp_path / "台账.xlsx")
    code, out, err = cli("import", str(table), "--ledger", "--add-departments", "--json")
    assert code == 0, err
    plan_id = json.loads(out)["plan_id"]
    db = open_database(tmp_path / "office.sqlite3")
    try:
        assert get_plan(db, plan_id).kind == "ledger"
        rows = list_tasks(db, TaskFilter(plan_id=plan_id))
        assert rows and {r.source for r in rows} == {"other"}  # a ledger's default
        assert any(r.lead for r in rows)  # the rows' assignments came with it
    finally:
        db.close()
    plain = tmp_path / "plan.txt"
    plain.write_text("2020年工作要点\n一、总体\n1.做好工作。\n", encoding="utf-8")
    code, _, err = cli("import", str(plain), "--ledger")
    assert code == 2 and "table" in err


def test_the_report_parts_and_chart(cli: Cli, tmp_path: Path, qapp: object) -> None:
    # qapp: the suite's QApplication draws the chart (the command line makes its own)
    sample = Path(__file__).resolve().parent.parent / "sample_data"
    assert (
        cli("import", str(sample / "qingdao-2020-education-workplan.txt"), "--simplified")[0] == 0
    )
    assert cli("assign", "--section", "一", "--lead", "组织干部处", "--deadline", "6月底前")[0] == 0
    assert cli("periods", "year", "2020", "--quarterly")[0] == 0
    plain = tmp_path / "plain.docx"
    assert cli("export", "report", "--period", Q2, "-o", str(plain))[0] == 0
    before = _text(plain)
    assert "重点督办" not in before and "延期" not in before and "批示" not in before

    assert cli("postpone", "1-2", "--deadline", "9月底前", "--reason", "等待上级文件",
               "--approved-by", "李明")[0] == 0  # fmt: skip
    assert cli("postpone", "1-2", "--deadline", "年底前", "--reason", "经费未到位")[0] == 0
    assert cli("instruct", "1-3", "--date", "2020-05-06", "--leader", "张局长",
               "--text", "抓紧推进。")[0] == 0  # fmt: skip
    report = tmp_path / "report.docx"
    code, _, err = cli("export", "report", "--period", Q2, "--chart", "-o", str(report))
    assert code == 0, err
    text = _text(report)
    assert "延期情况" in text and "经批准调整完成时限的任务1项，其中：组织干部处1项。" in text
    assert "1-2（组织干部处）：原时限6月底前，调整为年底前（已延期2次）。原因：经费未到位。" in text
    # 1-3 is named nowhere else (overdue without a report is summed up per department)
    assert "（2020年5月6日，张局长批示：抓紧推进）" in text
    assert "重点督办" not in text
    doc = Document(str(report))
    images = [r for r in doc.part.rels.values() if "image" in r.reltype]
    assert len(images) == 1 and images[0].target_part.blob[:4] == b"\x89PNG"
    assert cli("export", "decomposition", "--chart", "-o", str(tmp_path / "d.docx"))[0] == 2
