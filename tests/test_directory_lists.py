"""Department and leader lists: one reader for the files, the window's pasted lists and
the demo; the command line adds a whole list or nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from cli import main
from db.departments import add_department, find_department, list_departments
from db.directory_lists import add_department_entries, add_leader_entries
from db.errors import InvalidValue, NotFound
from db.leaders import list_leaders
from domain.directory_lists import (
    DepartmentEntry,
    LeaderEntry,
    ListLineError,
    parse_department_list,
    parse_leader_list,
)
from tests.conftest import ROOT

SAMPLE_DEPARTMENTS = ROOT / "sample_data" / "departments.txt"
SAMPLE_LEADERS = ROOT / "sample_data" / "leaders.txt"


def test_department_lines_in_every_form_clerks_write() -> None:
    text = (
        "# 处室 | 简称 | 别名\n"
        "\n"
        "办公室 | 办公室 |\n"
        "组织干部处 | 组干处 | 组织人事处, 人事处\n"
        "宣传教育处｜宣教处｜宣传处、教育宣传处\n"
        "基础教育处\t基教处\n"
        "  学前教育处  \n"
        "职业与成人教育处、高等教育处，民办教育处\n"
    )
    assert parse_department_list(text) == [
        DepartmentEntry(3, "办公室", "办公室"),
        DepartmentEntry(4, "组织干部处", "组干处", ("组织人事处", "人事处")),
        DepartmentEntry(5, "宣传教育处", "宣教处", ("宣传处", "教育宣传处")),
        DepartmentEntry(6, "基础教育处", "基教处"),
        DepartmentEntry(7, "学前教育处"),
        DepartmentEntry(8, "职业与成人教育处"),
        DepartmentEntry(8, "高等教育处"),
        DepartmentEntry(8, "民办教育处"),
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("办公室 | 办 | 综合处 | 多余", "too_many_parts"),
        (" | 组干处 | 组织人事处", "no_name"),
        ("办公室、基础教育处 | 办", "several_names"),
        ("组织干部处 | 组干处、组织处", "several_short_names"),
        ("今年要做好全市教育系统的各项工作，全面落实立德树人根本任务。", "not_a_name"),
        ("全市教育系统" * 8, "not_a_name"),
    ],
)  # fmt: skip
def test_a_department_line_that_cannot_be_read_is_named(line: str, kind: str) -> None:
    with pytest.raises(ListLineError) as caught:
        parse_department_list(f"办公室\n# 注释\n{line}\n人事处", "depts.txt")
    error = caught.value
    assert (error.kind, error.line, error.text) == (kind, 3, line.strip())
    assert str(error).startswith("depts.txt, line 3: ")
    assert "Nothing was added" in str(error)


def test_leader_lines_in_every_form_clerks_write() -> None:
    text = (
        "# 分管领导\n"
        "张建国 局长\n"
        "陈静，党委副书记\n"
        "李明\t副局长\n"
        "王  红 副局长\n"
        "刘强：党委书记、局长\n"
        "赵磊 | 副局长 | 基础教育处,教师工作处\n"
        "阿依古丽·买买提 | 副局长 | 基础教育处、学前教育处\n"
        "孙芳\n"
    )
    assert parse_leader_list(text) == [
        LeaderEntry(2, "张建国", "局长"),
        LeaderEntry(3, "陈静", "党委副书记"),
        LeaderEntry(4, "李明", "副局长"),
        LeaderEntry(5, "王红", "副局长"),
        LeaderEntry(6, "刘强", "党委书记、局长"),
        LeaderEntry(7, "赵磊", "副局长", ("基础教育处", "教师工作处")),
        LeaderEntry(8, "阿依古丽·买买提", "副局长", ("基础教育处", "学前教育处")),
        LeaderEntry(9, "孙芳"),
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("李明副局长", "name_and_title"),
        ("李明副局长分管基础教育处", "name_and_title"),
        ("李明、副局长", "name_and_title"),
        ("李明 | 副局长 | 基础教育处 | 多余", "too_many_parts"),
        ("| 副局长", "no_name"),
    ],
)
def test_a_leader_line_that_cannot_be_read_is_named(line: str, kind: str) -> None:
    with pytest.raises(ListLineError) as caught:
        parse_leader_list(f"张建国 局长\n{line}\n", "leaders.txt")
    assert (caught.value.kind, caught.value.line) == (kind, 2)
    assert str(caught.value).startswith("leaders.txt, line 2: ")


def test_the_sample_lists_are_read_whole() -> None:
    departments = parse_department_list(SAMPLE_DEPARTMENTS.read_text(encoding="utf-8"))
    leaders = parse_leader_list(SAMPLE_LEADERS.read_text(encoding="utf-8"))
    assert len(departments) == 20 and departments[0].name == "办公室"
    assert sum(1 for d in departments if d.aliases) >= 4
    assert [x.name for x in leaders] == ["张建国", "陈静", "李明", "王红", "刘强", "赵磊"]
    assert all(x.title and x.departments for x in leaders)


def test_a_list_is_added_whole_or_not_at_all(db: Database) -> None:
    add_department(db, "组织干部处", short_name="组干处")
    entries = parse_department_list("办公室 | 办公室\n基础教育处 | 基教处\n教师工作处 | 组干处\n")
    with pytest.raises(InvalidValue, match=r"^x\.txt, line 3: .*组干处"):
        add_department_entries(db, entries, source="x.txt")
    assert [d.name for d in list_departments(db)] == ["组织干部处"]

    result = add_department_entries(db, entries[:2] + parse_department_list("组织干部处\n办公室"))
    assert [d.name for d in result.added] == ["办公室", "基础教育处"]
    assert result.skipped == ["组织干部处", "办公室"]
    assert find_department(db, "办公室").short_name == ""  # the same as the name: none

    leaders = parse_leader_list("李明 副局长\n王红 | 副局长 | 基教处、督查室")
    with pytest.raises(NotFound, match=r"^line 2: .*督查室"):
        add_leader_entries(db, leaders)
    assert list_leaders(db) == []


def test_the_demo_builds_the_same_directory_from_the_sample_lists(tmp_path: Path) -> None:
    from cli.demo import prepare_demo
    from db.connection import open_database

    db = open_database(prepare_demo(tmp_path / "demo.sqlite3"))
    try:
        departments = list_departments(db)
        assert len(departments) == 20
        assert [d.name for d in departments[:3]] == ["办公室", "组织干部处", "宣传教育处"]
        organisation = find_department(db, "组干处")
        assert organisation.name == "组织干部处" and organisation.aliases == ("组织人事处",)
        assert find_department(db, "办公室").short_name == ""
        assert sum(1 for d in departments if d.short_name) >= 15
        leaders = list_leaders(db)
        assert [(x.name, x.title) for x in leaders] == [
            ("张建国", "局长"),
            ("陈静", "党委副书记"),
            ("李明", "副局长"),
            ("王红", "副局长"),
            ("刘强", "副局长"),
            ("赵磊", "副局长"),
        ]
        names = {d.id: d.name for d in departments}
        assert [names[i] for i in leaders[0].department_ids] == ["办公室", "政策法规处"]
    finally:
        db.close()


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_departments_and_leaders_from_files_on_the_command_line(capsys, tmp_path: Path) -> None:
    db = str(tmp_path / "d.sqlite3")
    code, out, _ = cli(capsys, "--db", db, "departments", "add", "--from-file",
                       str(SAMPLE_DEPARTMENTS))  # fmt: skip
    assert code == 0 and out.count("Added department") == 20
    plain = tmp_path / "plain.txt"
    plain.write_text("办公室\n督查室\n\n信访办\n", encoding="gb18030")  # Notepad's ANSI
    code, out, _ = cli(capsys, "--db", db, "departments", "add", "--from-file", str(plain))
    assert code == 0
    assert "Added department 21: 督查室" in out and "skipped: 办公室" in out
    code, out, _ = cli(capsys, "--db", db, "leaders", "add", "--from-file", str(SAMPLE_LEADERS))
    assert code == 0 and out.count("Added leader") == 6
    code, out, _ = cli(capsys, "--db", db, "leaders", "title", "李明", "常务副局长")
    assert code == 0 and "李明\t常务副局长" in out
    code, out, _ = cli(capsys, "--db", db, "departments", "list", "--json")
    departments = json.loads(out)
    assert len(departments) == 22
    assert departments[1]["short_name"] == "组干处" and departments[1]["aliases"] == ["组织人事处"]
    code, out, _ = cli(capsys, "--db", db, "leaders", "list", "--json")
    leaders = {x["name"]: x for x in json.loads(out)}
    assert leaders["李明"]["title"] == "常务副局长"
    assert leaders["张建国"]["departments"] == ["办公室", "政策法规处"]

    code, _, err = cli(capsys, "--db", db, "leaders", "title", "钱七", "副局长")
    assert code == 2 and "钱七" in err
    code, _, err = cli(capsys, "--db", db, "departments", "add", "--from-file",
                       str(tmp_path / "none.txt"))  # fmt: skip
    assert code == 2 and "none.txt" in err and "No such file" in err


def test_a_bad_line_exits_2_names_the_file_and_line_and_adds_nothing(
    capsys, tmp_path: Path
) -> None:
    db = tmp_path / "d.sqlite3"
    assert cli(capsys, "--db", str(db), "departments", "add", "办公室")[0] == 0
    before = tmp_path / "before.json"
    assert cli(capsys, "--db", str(db), "departments", "list", "--json")[0] == 0
    before = capsys.readouterr().out
    for name, text, where in [
        ("unreadable.txt", "基础教育处 | 基教处\n# 注释\n教师工作处 | 教师处 | 师资处 | 多余\n", "line 3"),
        ("taken.txt", "基础教育处 | 基教处\n\n人事处 | 办公室\n", "line 3"),
    ]:  # fmt: skip
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        code, out, err = cli(capsys, "--db", str(db), "departments", "add", "--from-file",
                             str(path))  # fmt: skip
        assert code == 2, name
        assert f"{path}, {where}:" in err and "Nothing was added" in err
        assert "Added" not in out
        assert cli(capsys, "--db", str(db), "departments", "list", "--json")[0] == 0
        assert capsys.readouterr().out == before
    bad = tmp_path / "leaders.txt"
    bad.write_text("李明 副局长\n王红副局长\n", encoding="utf-8")
    code, _, err = cli(capsys, "--db", str(db), "leaders", "add", "--from-file", str(bad))
    assert code == 2 and f"{bad}, line 2:" in err


def test_the_program_reads_lists_as_a_clerk_runs_it(tmp_path: Path) -> None:
    """A subprocess with an empty home and no --db: the default database is used."""
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), LANG="zh_CN.UTF-8")

    def program(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], env=env, cwd=home,
                              capture_output=True, text=True, timeout=120)  # fmt: skip

    added = program("departments", "add", "--from-file", str(SAMPLE_DEPARTMENTS))
    assert added.returncode == 0, added.stderr
    bad = home / "领导.txt"
    bad.write_text("张建国 局长\n陈静党委副书记\n", encoding="utf-8")
    refused = program("leaders", "add", "--from-file", str(bad))
    assert refused.returncode == 2
    assert f"{bad}, line 2:" in refused.stderr and "Traceback" not in refused.stderr
    assert program("leaders", "add", "--from-file", str(SAMPLE_LEADERS)).returncode == 0
    assert program("leaders", "title", "陈静", "党委书记").returncode == 0
    listed = program("leaders", "list")
    assert listed.returncode == 0
    assert "陈静\t党委书记\t组织干部处、宣传教育处、机关党委、离退休干部处" in listed.stdout
    assert listed.stdout.count("\n") == 6
