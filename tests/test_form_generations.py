"""Returned forms are judged by what the database knows, not by ids a restore hands out
again nor by the date the sender's computer wrote into the file: a form exported from
content a restore threw away is refused; a later correction by the clerk is not overwritten
by a form dated 2099; a department's corrected form replaces its first one; a form sent out
before the upgrade that brought identities still reads back."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from docx import Document
from sqlite_utils import Database

from cli import main
from db.progress import get_progress, record_progress
from db.readback import CONFLICT, NEW, REJECTED, UPDATE, apply_readback
from exports.readback import read_filled_form, read_filled_forms
from tests.form_filling import docx_rows, fill_docx
from tests.test_readback import Loop, _lead_values, make_loop

UTC = dt.UTC
PERIOD = "第一季度"
OTHER_PLAN = """2020年职业教育工作要点
一、提升职业教育质量
1.建设高水平专业群。完成三个专业群建设方案。组织专业群评估。
2.深化产教融合。新增合作企业二十家。举办校企对接会。
"""
THIRD_PLAN = """2020年校园安全工作要点
一、加强校园安全管理
1.开展安全隐患排查。每季度排查一次。建立隐患台账。
2.完善应急预案。修订应急预案。组织应急演练。
"""


@pytest.fixture
def loop(seeded_db: Database) -> Loop:
    return make_loop(seeded_db)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _entries(path: Path) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT task_id, progress FROM progress_entries").fetchall()
    finally:
        conn.close()


def _fill_all(folder: Path, text: str) -> None:
    for form in folder.glob("*.docx"):
        ids = [task_id for task_id, _cells, _key in docx_rows(Document(str(form)))]
        fill_docx(form, {t: dict(progress=text, status="序时推进") for t in ids})


def test_a_form_from_content_a_restore_threw_away_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cli.demo import prepare_demo

    db = str(prepare_demo(tmp_path / "office.sqlite3"))
    period = ["periods", "add", PERIOD, "--start", "2020-01-01", "--end", "2020-03-31"]
    assert _run(capsys, "--db", db, *period, "--plan", "1")[0] == 0
    assert _run(capsys, "--db", db, "assign", "--section", "一", "--lead", "基础教育处")[0] == 0
    kept = tmp_path / "kept"  # exported before the backup: still good after the restore
    export = ["export", "feedback-forms", "--period", PERIOD]
    assert _run(capsys, "--db", db, *export, "--plan", "1", "-o", str(kept))[0] == 0
    code, out, _ = _run(capsys, "--db", db, "backup")
    backup = out.strip()
    assert code == 0 and Path(backup).is_file()

    # After the backup: a second plan, its forms sent out …
    (tmp_path / "vocational.txt").write_text(OTHER_PLAN, encoding="utf-8")
    assert _run(capsys, "--db", db, "import", str(tmp_path / "vocational.txt"))[0] == 0
    assert _run(capsys, "--db", db, *period, "--plan", "2")[0] == 0
    assert (
        _run(capsys, "--db", db, "assign", "--plan", "2", "--all", "--lead", "基础教育处")[0] == 0
    )
    thrown_away = tmp_path / "thrown-away"
    assert _run(capsys, "--db", db, *export, "--plan", "2", "-o", str(thrown_away))[0] == 0
    _fill_all(thrown_away, "这是已放弃的计划的进展")
    late = tmp_path / "late"  # plan 1's forms, sent out after the backup too
    assert _run(capsys, "--db", db, *export, "--plan", "1", "-o", str(late))[0] == 0
    _fill_all(late, "备份之后导出的表")
    # … then the restore goes back to before it, and another plan takes the same ids.
    assert _run(capsys, "--db", db, "restore", backup)[0] == 0
    (tmp_path / "safety.txt").write_text(THIRD_PLAN, encoding="utf-8")
    code, out, _ = _run(capsys, "--db", db, "import", str(tmp_path / "safety.txt"), "--json")
    assert code == 0 and json.loads(out)["plan_id"] == 2  # the same plan id again
    assert _run(capsys, "--db", db, *period, "--plan", "2")[0] == 0
    assert (
        _run(capsys, "--db", db, "assign", "--plan", "2", "--all", "--lead", "基础教育处")[0] == 0
    )

    readback = ["readback", str(thrown_away), "--period", PERIOD, "--plan", "2", "--json"]
    code, out, _ = _run(capsys, "--db", db, *readback)
    result = json.loads(out)
    assert code == 2 and result["written"] == 0
    assert not any(f["accepted"] for f in result["forms"])  # the plan there is another one
    readback = ["readback", str(late), "--period", PERIOD, "--plan", "1", "--json"]
    code, out, _ = _run(capsys, "--db", db, *readback)
    result = json.loads(out)
    assert code == 2 and result["written"] == 0  # same plan, but content the restore threw away
    assert all("恢复" in f["reason"] for f in result["forms"]), result["forms"]
    assert _entries(Path(db)) == []

    _fill_all(kept, "备份之前导出的表")
    code, out, _ = _run(
        capsys, "--db", db, "readback", str(kept), "--period", PERIOD, "--plan", "1"
    )
    assert code == 0 and "new" in out
    assert {progress for _task, progress in _entries(Path(db))} == {"备份之前导出的表"}


def test_a_form_dated_2099_does_not_overwrite_the_clerks_later_correction(
    loop: Loop, tmp_path: Path
) -> None:
    first = loop.lead_ids[0]
    form, _ = loop.export(tmp_path / "forms")
    record_progress(loop.db, first, loop.period_a, status="done", percent=100, progress="电话核实")
    fill_docx(form, _lead_values(loop), modified=dt.datetime(2099, 1, 1, tzinfo=UTC))
    preview = loop.preview([read_filled_form(form)])
    row = next(r for r in preview.rows if r.task_id == first)
    assert row.kind == CONFLICT and "导出之后" in row.reason
    assert row.reported_on != "2099-01-01"  # a date in the future is not believed
    apply_readback(loop.db, preview)
    assert get_progress(loop.db, first, loop.period_a).progress == "电话核实"


def test_a_corrected_form_read_after_the_first_replaces_it(loop: Loop, tmp_path: Path) -> None:
    first = loop.lead_ids[0]
    form, _ = loop.export(tmp_path / "forms")
    now = dt.datetime.now(UTC)
    first_version = tmp_path / "first.docx"
    first_version.write_bytes(form.read_bytes())
    fill_docx(
        first_version, {first: dict(progress="初稿", status="滞后")}, now - dt.timedelta(hours=2)
    )
    apply_readback(loop.db, loop.preview([read_filled_form(first_version)]))
    assert get_progress(loop.db, first, loop.period_a).progress == "初稿"
    # The department corrects its form (saved before the clerk read the first one).
    fill_docx(
        form, {first: dict(progress="更正稿", status="序时推进")}, now - dt.timedelta(hours=1)
    )
    preview = loop.preview([read_filled_form(form)])
    row = next(r for r in preview.rows if r.task_id == first)
    assert row.kind == UPDATE, row.reason
    apply_readback(loop.db, preview)
    assert get_progress(loop.db, first, loop.period_a).progress == "更正稿"
    # The first version read again later does not undo the correction.
    again = loop.preview([read_filled_form(first_version)])
    assert next(r for r in again.rows if r.task_id == first).kind == CONFLICT


def test_of_two_versions_in_one_batch_a_future_date_does_not_win(
    loop: Loop, tmp_path: Path
) -> None:
    first = loop.lead_ids[0]
    form, _ = loop.export(tmp_path / "forms")
    forged = tmp_path / "forged.docx"
    forged.write_bytes(form.read_bytes())
    fill_docx(forged, {first: dict(progress="伪造日期", status="滞后")}, dt.datetime(2099, 1, 1))
    fill_docx(form, {first: dict(progress="真实填报", status="序时推进")})
    for order in ([forged, form], [form, forged]):
        preview = loop.preview(read_filled_forms(order))
        winner = next(r for r in preview.rows if r.task_id == first and r.kind == NEW)
        assert winner.path == form


def test_a_row_copied_from_another_export_is_refused(loop: Loop, tmp_path: Path) -> None:
    from docx import Document

    earlier, _ = loop.export(tmp_path / "earlier")
    record_progress(loop.db, loop.lead_ids[2], loop.period_a, status="behind")  # time passes
    later, _ = loop.export(tmp_path / "later")
    first = loop.lead_ids[0]
    old_key = next(k.text for t, _c, k in docx_rows(Document(str(earlier))) if t == first)
    document = Document(str(later))
    for task_id, _cells, key in docx_rows(document):
        if task_id == first:
            key.text = old_key  # pasted from the earlier form
    document.save(str(later))
    fill_docx(later, {first: dict(progress="复制来的行", status="序时推进")})
    preview = loop.preview([read_filled_form(later)])
    row = next(r for r in preview.rows if r.task_id == first)
    assert row.kind == REJECTED and "另一份" in row.reason


def test_a_form_sent_out_before_the_upgrade_still_reads_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The version before identities (schema m002) kept the form secret in the settings and
    signed keys over the row ids alone (``duban-feedback:v1``). Its forms, filled in while
    the office upgrades, are taken after the upgrade: the secret moved, the format is known."""
    from db.plans import list_plans
    from db.progress import list_periods
    from db.reports import collect
    from db.store import open_store
    from domain.form_keys import FormStamp
    from exports.feedback import export_forms

    path = tmp_path / "office.sqlite3"
    fixtures = Path(__file__).parent / "fixtures" / "schema"
    shutil.copyfile(fixtures / "m002_person_and_original_text.sqlite3", path)
    secret = "00112233445566778899aabbccddeeff"
    conn = sqlite3.connect(path)
    with conn:  # what the earlier version stored at its first form export
        conn.execute(
            "INSERT INTO settings (key, value) VALUES ('forms.secret', ?)", [json.dumps(secret)]
        )
    conn.close()

    with open_store(path, "command line", daily=False) as store:  # upgraded here
        plan_id = list_plans(store.db)[0].id
        period = next(p for p in list_periods(store.db, plan_id) if p.name == "2020年第一季度")
        report = collect(store.db, plan_id, period_id=period.id)
    # The form as the earlier version wrote it: keys over the row ids, with the old secret.
    earlier = FormStamp(bytes.fromhex(secret), "", plan_id, "", "", 0, version=1)
    forms = tmp_path / "forms"
    written = export_forms(report, earlier, forms)
    assert written and all(
        Document(str(p)).core_properties.identifier.startswith("duban-feedback:v1:")
        for p in written
    )
    _fill_all(forms, "升级之前下发的表")

    argv = ["--db", str(path), "readback", str(forms), "--period", "2020年第一季度", "--json"]
    code, out, err = _run(capsys, *argv)
    result = json.loads(out)
    assert code == 0, err
    assert result["forms"] and all(f["accepted"] for f in result["forms"]), result["forms"]
    assert result["written"] > 0
    assert "升级之前下发的表" in {progress for _task, progress in _entries(path)}
