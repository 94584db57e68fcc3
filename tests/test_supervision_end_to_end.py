"""The 督办 workflow as a clerk runs it: the real program in a subprocess, an empty home
folder, no --db — on the sample plan, assign, quarterly periods, 阶段目标 for 二季度, a
延期 with its reason, two 重点督办 tasks with a 领导批示 each, progress, and the 通报 with
its chart, read back from the .docx."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from docx import Document

from tests.conftest import ROOT, SAMPLE_PLAN
from tests.test_first_start import run

Q2 = "2020年第二季度"


def ok(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = run(home, *args)
    assert done.returncode == 0, (args, done.stderr)
    return done


def test_supervision_from_the_command_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    ok(home, "import", str(SAMPLE_PLAN), "--simplified")
    ok(home, "departments", "add", "--from-file", str(ROOT / "sample_data" / "departments.txt"))
    ok(home, "assign", "--section", "一", "--lead", "组干处", "--deadline", "6月底前")
    ok(home, "assign", "--section", "二", "--lead", "宣教处", "--deadline", "年底前")
    ok(home, "periods", "year", "2020", "--quarterly")
    targets = {"1-1": 80, "1-2": 60, "1-3": 50, "4-1": 40, "4-2": 50}
    for code, percent in targets.items():
        ok(home, "targets", code, "--period", Q2, "--text", f"完成{code}阶段任务",
           "--percent", str(percent))  # fmt: skip
    refused = run(home, "postpone", "1-4", "--deadline", "9月底前", "--reason", "")
    assert refused.returncode == 2 and "reason" in refused.stderr
    ok(home, "postpone", "1-4", "--deadline", "9月底前", "--reason", "受疫情影响推迟",
       "--approved-by", "李明")  # fmt: skip
    ok(home, "focus", "1-1", "4-1")
    ok(home, "instruct", "1-1", "--date", "2020-05-06", "--leader", "张局长",
       "--text", "要抓紧推进，确保按期完成。")  # fmt: skip
    ok(home, "instruct", "4-1", "--date", "2020-06-02", "--leader", "李副局长",
       "--text", "请组干处加强统筹。")  # fmt: skip
    ok(home, "source", "4-1", "会议议定")
    ok(home, "progress", "1-1", "--period", Q2, "--status", "序时推进", "--percent", "85",
       "--progress", "培训方案已印发")  # fmt: skip
    ok(home, "progress", "4-1", "--period", Q2, "--status", "滞后", "--percent", "20",
       "--progress", "调研进行中", "--problems", "人员不足")  # fmt: skip

    rows = {r["code"]: r for r in json.loads(ok(home, "tasks", "--json", "--as-of",
                                                 "2020-06-20").stdout)}  # fmt: skip
    assert [t["percent"] for t in rows["1-2"]["targets"]] == [60]
    assert rows["1-2"]["targets"][0]["origin"] == "manual"
    assert rows["1-4"]["original_deadline"] == "6月底前" and rows["1-4"]["postponements"] == 1
    assert rows["1-4"]["postponement_history"][0]["approved_by"] == "李明"
    assert (rows["4-1"]["focus"], rows["4-1"]["source"]) == (True, "meeting")
    assert rows["4-1"]["instructions"] == [
        {"date": "2020-06-02", "leader": "李副局长", "text": "请组干处加强统筹。"}
    ]
    assert rows["1-1"]["light"]["reason"] == "绿：最近进展 85%，达到阶段目标 80%"
    assert rows["4-1"]["light"]["reason"] == "黄：阶段目标 40%，最近进展 20%"

    report = home / "通报.docx"
    ok(home, "export", "report", "--period", Q2, "--chart", "-o", str(report),
       "--date", "2020-07-10")  # fmt: skip
    doc = Document(str(report))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "重点督办事项" in text and "列入重点督办的任务2项" in text
    assert "4-1（组织干部处牵头，完成时限6月底前）：滞后，完成20%；调研进行中（2020年6月2日" in text
    assert "（2020年5月6日，张局长批示：要抓紧推进，确保按期完成）" in text
    assert "（2020年6月2日，李副局长批示：请组干处加强统筹）" in text
    assert "延期情况" in text
    assert (
        "1-4（组织干部处）：原时限6月底前，调整为9月底前。原因：受疫情影响推迟，经李明同意。"
        in text
    )
    images = [r.target_part.blob for r in doc.part.rels.values() if "image" in r.reltype]
    assert len(images) == 1 and images[0][:8] == b"\x89PNG\r\n\x1a\n"
    assert (home / ".local" / "share" / "Duban" / "duban.sqlite3").is_file()
