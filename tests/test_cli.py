"""The command line, as a script would use it: output, JSON and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli import main
from tests.conftest import ROOT, SAMPLE_PLAN


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_prints_outline_and_touches_no_database(capsys, tmp_path: Path) -> None:
    db = tmp_path / "untouched.sqlite3"
    code, out, _ = run(capsys, "--db", str(db), "parse", str(SAMPLE_PLAN))
    assert code == 0
    assert "6 sections, 0 sub-sections, 26 items, 152 tasks" in out
    assert "青教工委[2020]2號" in out
    assert "Nothing lost" in out
    assert not db.exists()


def test_parse_json(capsys) -> None:
    code, out, _ = run(capsys, "parse", str(SAMPLE_PLAN), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["title"] == "2020年全市教育工作要點"
    assert data["doc_number"] == "青教工委[2020]2號"
    assert len(data["outline"]) == 6
    assert [c["label"] for c in data["outline"][0]["children"]] == ["1.", "2.", "3.", "4.", "5."]


def test_import_prints_id_and_counts_and_refuses_a_duplicate(capsys, tmp_path: Path) -> None:
    db = str(tmp_path / "d.sqlite3")
    code, out, _ = run(capsys, "--db", db, "import", str(SAMPLE_PLAN))
    assert code == 0 and "Imported plan 1" in out and "26 items, 152 tasks" in out
    code, out, err = run(capsys, "import", str(SAMPLE_PLAN), "--db", db)
    assert code == 2 and "already imported as plan 1" in err and str(SAMPLE_PLAN) in err
    code, out, _ = run(capsys, "--db", db, "plans", "--json")
    assert [p["id"] for p in json.loads(out)] == [1]
    code, out, _ = run(capsys, "--db", db, "import", str(SAMPLE_PLAN), "--replace", "--json")
    result = json.loads(out)
    assert code == 0 and result["plan_id"] == 2 and result["replaced"] == [1]


def test_bad_input_exits_2_names_the_file_and_writes_nothing(capsys, tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite3"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    image = tmp_path / "plan.docx"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    flat = tmp_path / "flat.txt"
    flat.write_text("今年要做好甲工作。\n还要做好乙工作。", encoding="utf-8")
    for bad in (empty, image, flat, tmp_path / "missing.txt"):
        code, _, err = run(capsys, "--db", str(db), "import", str(bad))
        assert code == 2, bad
        assert str(bad) in err and "Traceback" not in err
    assert not db.exists()


def test_parse_of_text_without_numbering_warns_and_prints_a_flat_outline(capsys, tmp_path) -> None:
    flat = tmp_path / "flat.txt"
    flat.write_text("工作安排\n今年要做好甲工作。还要做好乙工作。", encoding="utf-8")
    code, out, err = run(capsys, "parse", str(flat))
    assert code == 0
    assert "none found" in out and "No numbering" in err


def test_departments_and_assign_from_a_script(capsys, tmp_path: Path) -> None:
    db = str(tmp_path / "d.sqlite3")
    assert run(capsys, "--db", db, "import", str(SAMPLE_PLAN))[0] == 0
    assert run(capsys, "--db", db, "departments", "add", "基础教育处", "--short", "基教处")[0] == 0
    assert run(capsys, "--db", db, "departments", "add", "办公室", "财务处", "组织干部处")[0] == 0
    assert run(capsys, "--db", db, "departments", "alias", "组织干部处", "组干处")[0] == 0
    assert run(capsys, "--db", db, "departments", "rename", "财务处", "财务审计处")[0] == 0
    assert run(capsys, "--db", db, "leaders", "add", "李明", "--departments", "基教处")[0] == 0
    code, out, _ = run(capsys, "--db", db, "departments", "list", "--json")
    names = [(d["name"], d["short_name"], d["aliases"]) for d in json.loads(out)]
    assert names == [
        ("基础教育处", "基教处", []),
        ("办公室", "", []),
        ("财务审计处", "", ["财务处"]),
        ("组织干部处", "", ["组干处"]),
    ]
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "assign",
        "--section",
        "二",
        "--lead",
        "基教处",
        "--with",
        "办公室",
        "组干处",
        "--leader",
        "李明",
        "--deadline",
        "6月底前",
    )
    assert code == 0 and "Assigned 24 task(s)" in out
    code, out, _ = run(
        capsys, "--db", db, "assign", "--item", "4.", "--lead", "财务处", "--deadline", "三季度"
    )
    assert code == 0 and "Assigned 10 task(s)" in out
    assert run(capsys, "--db", db, "assign", "--task", "1-1", "--deadline", "尽快")[0] == 0
    code, out, _ = run(capsys, "--db", db, "tasks", "--json", "--department", "基础教育处")
    rows = json.loads(out)
    assert len(rows) == 24 and rows[0]["code"] == "6-1"
    assert rows[0]["cooperating"] == ["办公室", "组织干部处"] and rows[0]["leader"] == "李明"
    assert rows[0]["deadline"] == {"phrase": "6月底前", "due": "2020-06-30", "kind": "month"}
    code, out, _ = run(capsys, "--db", db, "tasks", "--json", "--unassigned")
    assert len(json.loads(out)) == 152 - 24 - 10
    code, out, _ = run(capsys, "--db", db, "tasks", "--json", "--department", "财务审计处")
    assert {r["deadline"]["due"] for r in json.loads(out)} == {"2020-09-30"}


def test_assign_errors_are_bad_input(capsys, tmp_path: Path) -> None:
    db = str(tmp_path / "d.sqlite3")
    run(capsys, "--db", db, "import", str(SAMPLE_PLAN))
    code, _, err = run(capsys, "--db", db, "assign", "--item", "4", "--lead", "不存在处")
    assert code == 2 and "不存在处" in err
    code, _, err = run(capsys, "--db", db, "assign", "--item", "99", "--deadline", "年底前")
    assert code == 2 and "no item" in err
    code, _, err = run(capsys, "--db", db, "assign", "--lead", "x")
    assert code == 2


def test_main_py_runs_as_a_program_with_help_everywhere(tmp_path: Path) -> None:
    for args in (
        ["--help"],
        ["parse", "--help"],
        ["import", "--help"],
        ["assign", "--help"],
        ["tasks", "--help"],
        ["departments", "add", "--help"],
    ):
        result = subprocess.run(
            [sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, args
        assert "--db" in result.stdout, args
    bad = subprocess.run(
        [sys.executable, "main.py", "parse", str(tmp_path / "none.txt")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2 and "does not exist" in bad.stderr


def test_demo_database_has_the_sample_and_departments(capsys, tmp_path: Path) -> None:
    from cli.demo import prepare_demo
    from db.connection import open_database
    from db.departments import list_departments
    from db.leaders import list_leaders
    from db.plans import list_plans

    path = prepare_demo(tmp_path / "demo.sqlite3")
    db = open_database(path)
    assert [p.title for p in list_plans(db)] == ["2020年全市教育工作要點"]
    assert len(list_departments(db)) >= 15
    assert list_departments(db)[0].name == "办公室"
    assert any(x.department_ids for x in list_leaders(db))
    db.close()
    with pytest.raises(Exception, match="fresh database"):
        prepare_demo(path)


def test_a_task_or_an_item_named_by_its_code_in_a_plan_with_sub_sections(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import FIXTURES

    db = str(tmp_path / "codes.sqlite3")
    assert (
        main(["--db", db, "import", str(FIXTURES / "plans" / "simplified-cover-restart.txt")]) == 0
    )
    assert main(["--db", db, "departments", "add", "安全稳定处"]) == 0
    assert main(["--db", db, "assign", "--task", "1.2.1-1", "--lead", "安全稳定处"]) == 0
    assert main(["--db", db, "assign", "--item", "2.1.2", "--deadline", "年底前"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "tasks", "--json"]) == 0
    rows = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["1.2.1-1"]["lead"] == "安全稳定处"
    assert [c for c, r in rows.items() if r["lead"]] == ["1.2.1-1"]
    assert [c for c, r in rows.items() if r["deadline"]] == ["2.1.2-1"]
    # An item number that is in more than one place is refused, with a code to use instead.
    code = main(["--db", db, "assign", "--item", "1.1", "--deadline", "年底前"])
    assert code == 2 and "1.1.1" in capsys.readouterr().err


def test_settings_are_listed_and_changed_from_the_command_line(capsys, tmp_path: Path) -> None:
    db = str(tmp_path / "d.sqlite3")
    code, out, _ = run(capsys, "--db", db, "settings", "list")
    assert code == 0 and "office.name = (empty)" in out and "report.requirements = （一）" in out
    assert run(capsys, "--db", db, "settings", "set", "office.name", "青岛市教育局办公室")[0] == 0
    assert run(capsys, "--db", db, "settings", "set", "report.imprint", "yes")[0] == 0
    code, _, _ = run(capsys, "--db", db, "settings", "set", "report.requirements", "一要…\\n二要…")
    assert code == 0
    code, _, err = run(capsys, "--db", db, "settings", "set", "backups.keep", "many")
    assert code == 2 and "whole number" in err
    code, out, _ = run(capsys, "--db", db, "settings", "list", "--json")
    values = json.loads(out)
    assert values["office.name"] == "青岛市教育局办公室" and values["report.imprint"] is True
    assert values["report.requirements"] == "一要…\n二要…" and values["backups.keep"] == 10
    assert run(capsys, "--db", db, "settings", "reset", "report.imprint")[0] == 0
    code, out, _ = run(capsys, "--db", db, "settings", "list", "--json")
    assert json.loads(out)["report.imprint"] is False


def test_assign_a_responsible_person_and_clear_it(capsys, tmp_path: Path) -> None:
    db = str(tmp_path / "d.sqlite3")
    assert run(capsys, "--db", db, "--demo", "plans")[0] == 0
    code, out, _ = run(capsys, "--db", db, "assign", "--task", "1-1", "--lead", "组干处",
                       "--person", "王 伟", "--json")  # fmt: skip
    assert code == 0 and json.loads(out)[0]["person"] == "王 伟"
    code, out, _ = run(capsys, "--db", db, "assign", "--task", "1-1", "--person", "", "--json")
    assert code == 0 and json.loads(out)[0]["person"] is None
    assert json.loads(out)[0]["lead"] == "组织干部处"  # only the person changed
