"""The 分工确认 loop from the command line, run as a clerk runs it (subprocesses): forms out,
filled in by two departments (Word and Excel), read back with a conflict side by side,
the rest accepted as one step, the conflict settled by id; bad files exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SAMPLE_PLAN
from tests.form_filling import fill_confirm_docx, fill_confirm_xlsx
from tests.test_first_start import clean_env

MAIN = ROOT / "main.py"


def duban(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MAIN), "--db", str(home / "duban.sqlite3"), *args],
        env=clean_env(home), capture_output=True, text=True, timeout=120, cwd=home,
    )  # fmt: skip


def ok(home: Path, *args: str) -> str:
    done = duban(home, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_confirmation_loop_from_the_command_line(tmp_path: Path) -> None:
    ok(tmp_path, "import", str(SAMPLE_PLAN))
    ok(tmp_path, "departments", "add", "基础教育处", "职业与成人教育处", "办公室")
    ok(tmp_path, "assign", "--task", "1-1", "--lead", "办公室", "--with", "基础教育处",
       "职业与成人教育处", "--deadline", "6月底前")  # fmt: skip
    ok(tmp_path, "assign", "--task", "1-2", "--lead", "基础教育处", "--with", "职业与成人教育处",
       "--deadline", "6月底前")  # fmt: skip
    ok(tmp_path, "periods", "year", "2020", "--quarterly")
    ids = {t["code"]: t["id"] for t in json.loads(ok(tmp_path, "tasks", "--json"))}
    t1, t2 = ids["1-1"], ids["1-2"]

    words = ok(tmp_path, "export", "confirmation-forms", "-o", str(tmp_path / "word"))
    basic = next(Path(line) for line in words.splitlines() if "基础教育处" in line)
    excel = ok(tmp_path, "export", "confirmation-forms", "--xlsx", "--department",
               "职业与成人教育处", "-o", str(tmp_path / "excel"))  # fmt: skip
    voc = Path(excel.splitlines()[0])
    fill_confirm_docx(basic, {
        t1: {"choice": "需调整", "lead": "职业与成人教育处", "reason": "职成处主管此项"},
        t2: {"choice": "需调整", "deadline": "9月底前", "reason": "需等上级文件"},
    })  # fmt: skip
    fill_confirm_xlsx(voc, {
        t1: {"choice": "需调整", "lead": "基础教育处", "reason": "基教处主管此项"},
        t2: {"choice": "同意"},
    })  # fmt: skip
    returned = tmp_path / "returned"
    returned.mkdir()
    for path in (basic, voc):
        (returned / path.name).write_bytes(path.read_bytes())

    dry = json.loads(ok(tmp_path, "confirm-readback", str(returned), "--dry-run", "--json"))
    assert dry["recorded"] is False and len(dry["undecided"]) == 3
    shown = ok(tmp_path, "confirm-readback", str(returned))
    assert "意见不一致" in shown and "基础教育处 → 职业与成人教育处" in shown
    assert "职业与成人教育处 → 基础教育处" in shown and "有异议" in shown
    again = json.loads(ok(tmp_path, "confirm-readback", str(returned), "--json"))
    assert all("已读入过" in f["reason"] for f in again["forms"])  # nothing recorded twice

    # Recorded once; the two departments each name the other as lead: a conflict.
    undecided = again["undecided"]
    deadline = next(p for p in undecided if p["field"] == "deadline")
    leads = [p for p in undecided if p["field"] == "lead"]
    assert all(p["conflict"] for p in leads) and not deadline["conflict"]
    refused = duban(tmp_path, "confirm-decide", *(str(p["id"]) for p in leads), "--accept")
    assert refused.returncode == 2 and "不能同时采纳" in refused.stderr
    ok(tmp_path, "confirm-decide", str(deadline["id"]), "--accept")
    ours = next(p for p in leads if p["department"] == "基础教育处")
    theirs = next(p for p in leads if p["department"] != "基础教育处")
    ok(tmp_path, "confirm-decide", str(ours["id"]), "--accept")
    ok(tmp_path, "confirm-decide", str(theirs["id"]), "--reject")
    tasks = {t["code"]: t for t in json.loads(ok(tmp_path, "tasks", "--json"))}
    assert tasks["1-1"]["lead"] == "职业与成人教育处"
    assert tasks["1-2"]["deadline"]["phrase"] == "9月底前"


def test_accept_all_and_bad_files(tmp_path: Path) -> None:
    ok(tmp_path, "import", str(SAMPLE_PLAN))
    ok(tmp_path, "departments", "add", "基础教育处", "职业与成人教育处")
    ok(tmp_path, "assign", "--task", "1-2", "--lead", "基础教育处", "--deadline", "6月底前")
    ids = {t["code"]: t["id"] for t in json.loads(ok(tmp_path, "tasks", "--json"))}
    form = Path(ok(tmp_path, "export", "confirmation-forms", "-o", str(tmp_path / "f")).strip())
    fill_confirm_docx(form, {ids["1-2"]: {"choice": "需调整", "person": "李四",
                                          "reason": "人员调整"}})  # fmt: skip
    out = json.loads(ok(tmp_path, "confirm-readback", str(form), "--accept-all", "--json"))
    assert len(out["accepted"]) == 1 and out["undecided"] == []
    assert out["states"] == [{"department": "基础教育处", "state": "已处理"}]
    tasks = {t["code"]: t for t in json.loads(ok(tmp_path, "tasks", "--json"))}
    assert tasks["1-2"]["person"] == "李四"
    broken = tmp_path / "broken.docx"
    broken.write_bytes(form.read_bytes()[:300])
    bad = duban(tmp_path, "confirm-readback", str(broken))
    assert bad.returncode == 2 and "broken.docx" in bad.stderr
