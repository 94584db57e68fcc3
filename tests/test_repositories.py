"""Repository functions: what goes in comes back out, and every change is audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from db import departments as dep
from db import leaders as lead
from db.assignments import KEEP, assign, restore, snapshot
from db.audit import list_audit, task_history
from db.errors import InvalidValue, NotFound
from db.imports import DuplicatePlanError, import_plan
from db.plans import delete_plan, get_plan, list_outline, list_plans, plan_counts
from db.progress import add_period, get_progress, list_periods, record_progress, task_progress
from db.settings import get_setting, set_setting
from db.tasks import TaskFilter, get_task, list_tasks, task_ids_under
from tests.conftest import FIXTURES, SAMPLE_PLAN


def _section(db: Database, plan_id: int, number: int) -> int:
    return next(
        n.id for n in list_outline(db, plan_id) if n.kind == "section" and n.number == number
    )


def test_imported_plan_round_trip(seeded_db: Database) -> None:
    db = seeded_db
    (plan,) = list_plans(db)
    assert (plan.title, plan.doc_number, plan.issuer, plan.issued_on, plan.year) == (
        "2020年全市教育工作要點",
        "青教工委[2020]2號",
        "青島市教育局",
        "2020-02-27",
        2020,
    )
    assert plan.source_name == SAMPLE_PLAN.name and len(plan.source_sha256) == 64
    counts = plan_counts(db, plan.id)
    assert (counts.sections, counts.items, counts.tasks) == (6, 26, 152)
    outline = list_outline(db, plan.id)
    assert [n.label for n in outline[:3]] == ["一、", "1.", "2."]
    tasks = list_tasks(db, TaskFilter(plan_id=plan.id))
    assert len(tasks) == 152
    assert [t.code for t in tasks[:6]] == ["1-1", "1-2", "1-3", "1-4", "1-5", "2-1"]
    assert tasks[0].section_label == "一、" and tasks[0].item_label == "1."
    assert tasks[0].origin == "imported"


def test_codes_stay_the_same_under_a_filter(seeded_db: Database) -> None:
    db = seeded_db
    plan = list_plans(db)[0]
    all_tasks = list_tasks(db, TaskFilter(plan_id=plan.id))
    target = all_tasks[7]  # 2-3
    office = dep.find_department(db, "办公室")
    assert office is not None
    assign(db, [target.id], lead=office.id)
    (only,) = list_tasks(db, TaskFilter(plan_id=plan.id, department_id=office.id))
    assert only.code == target.code == "2-3"
    assert get_task(db, target.id).code == "2-3"


def test_restarting_item_numbers_get_section_prefixed_codes(db: Database) -> None:
    import_plan(db, FIXTURES / "plans" / "numbers-not-labels.txt")
    codes = [t.code for t in list_tasks(db)]
    assert codes == ["1.1-1", "1.2-1", "1.3-1", "2.1-1", "2.2-1", "2.2-2"]


def test_items_restarting_under_sub_sections_get_every_level_in_their_codes(
    db: Database,
) -> None:
    # Items numbered 1、2、 again under each （一）（二）: "1.2.1-1" is section 一, （二）, item 1.
    import_plan(db, FIXTURES / "plans" / "simplified-cover-restart.txt")
    codes = [t.code for t in list_tasks(db)]
    assert codes[:3] == ["1.1.1-1", "1.1.2-1", "1.2.1-1"]
    assert "3.1-1" in codes  # section 三 has items straight under it


@pytest.mark.parametrize(
    "plan", [SAMPLE_PLAN, *sorted((FIXTURES / "plans").glob("*.txt"))], ids=lambda p: p.name
)
def test_every_task_code_of_a_plan_is_unique(db: Database, plan: Path) -> None:
    import_plan(db, plan)
    codes = [t.code for t in list_tasks(db)]
    assert codes and len(set(codes)) == len(codes)


def test_same_file_twice_is_refused_unless_replaced(seeded_db: Database, tmp_path) -> None:
    db = seeded_db
    with pytest.raises(DuplicatePlanError) as info:
        import_plan(db, SAMPLE_PLAN)
    assert info.value.code == "duplicate"
    assert len(list_plans(db)) == 1
    old_id = list_plans(db)[0].id
    result = import_plan(db, SAMPLE_PLAN, replace=True, backups_dir=tmp_path / "b")
    assert result.replaced == (old_id,)
    assert [p.id for p in list_plans(db)] == [result.plan_id]
    assert result.backup is not None and result.backup.exists()


def test_delete_plan_removes_everything_of_it(seeded_db: Database) -> None:
    db = seeded_db
    plan = list_plans(db)[0]
    basic = dep.require_department(db, "基础教育处")
    assign(
        db,
        task_ids_under(db, plan.id, [_section(db, plan.id, 1)]),
        lead=basic.id,
        deadline="6月底前",
    )
    delete_plan(db, plan.id)
    assert list_plans(db) == []
    for table in ("outline_nodes", "tasks", "assignments", "deadlines"):
        assert db[table].count == 0, table
    assert list_audit(db, entity="plan")[0].action == "plan.delete"
    with pytest.raises(NotFound):
        get_plan(db, plan.id)


def test_departments_add_find_rename_alias(db: Database) -> None:
    basic = dep.add_department(db, "基础教育处", short_name="基教处", aliases=["基础处"])
    assert dep.find_department(db, "基教处") == basic
    assert dep.find_department(db, "基础处") == basic
    assert dep.find_department(db, " 基礎教育處 ") == basic  # Traditional, spaces
    renamed = dep.rename_department(db, basic.id, "基础教育一处")
    assert renamed.name == "基础教育一处"
    assert dep.find_department(db, "基础教育处") == renamed  # the old name still finds it
    with pytest.raises(InvalidValue):
        dep.add_department(db, "基教处")
    with pytest.raises(InvalidValue):
        dep.add_department(db, "  ")
    actions = [e.action for e in list_audit(db, entity="department")]
    assert {"department.add", "department.alias", "department.rename"} <= set(actions)


def test_departments_pasted_list_keeps_order_and_skips_known(db: Database) -> None:
    dep.add_department(db, "办公室")
    added = dep.add_departments(db, ["组织干部处", "办公室", "", "财务处", "组织干部处"])
    assert [d.name for d in added] == ["组织干部处", "财务处"]
    assert [d.name for d in dep.list_departments(db)] == ["办公室", "组织干部处", "财务处"]
    ids = [d.id for d in dep.list_departments(db)]
    dep.reorder_departments(db, [ids[2], ids[0]])
    assert [d.name for d in dep.list_departments(db)] == ["财务处", "办公室", "组织干部处"]


def test_merge_moves_assignments_and_keeps_history(seeded_db: Database) -> None:
    db = seeded_db
    plan = list_plans(db)[0]
    tasks = list_tasks(db, TaskFilter(plan_id=plan.id))
    basic = dep.require_department(db, "基础教育处")
    vocational = dep.require_department(db, "职业与成人教育处")
    office = dep.require_department(db, "办公室")
    assign(db, [tasks[0].id], lead=vocational.id, cooperating=[office.id])
    assign(db, [tasks[1].id], lead=basic.id, cooperating=[vocational.id])
    assign(db, [tasks[2].id], lead=office.id, cooperating=[vocational.id, basic.id])
    dep.merge_departments(db, vocational.id, basic.id)
    rows = {t.id: t for t in list_tasks(db, TaskFilter(task_ids=tuple(t.id for t in tasks[:3])))}
    assert (rows[tasks[0].id].lead, rows[tasks[0].id].cooperating) == ("基础教育处", ("办公室",))
    assert (rows[tasks[1].id].lead, rows[tasks[1].id].cooperating) == ("基础教育处", ())
    assert (rows[tasks[2].id].lead, rows[tasks[2].id].cooperating) == ("办公室", ("基础教育处",))
    retired = dep.get_department(db, vocational.id)
    assert not retired.active and retired.merged_into_id == basic.id
    assert dep.find_department(db, "职成处") == dep.get_department(db, basic.id)
    assert list_audit(db, entity="department")[0].action == "department.merge"


def test_leaders_with_departments(db: Database) -> None:
    basic = dep.add_department(db, "基础教育处")
    office = dep.add_department(db, "办公室")
    li = lead.add_leader(db, "李明", title="副局长", department_ids=[basic.id])
    assert lead.leader_for_department(db, basic.id) == li
    assert lead.leader_for_department(db, office.id) is None
    lead.set_leader_departments(db, li.id, [office.id])
    assert lead.get_leader(db, li.id).department_ids == (office.id,)
    with pytest.raises(InvalidValue):
        lead.add_leader(db, "李明")


def test_bulk_assign_and_restore_is_one_step(seeded_db: Database) -> None:
    db = seeded_db
    plan = list_plans(db)[0]
    ids = task_ids_under(db, plan.id, [_section(db, plan.id, 2)])
    basic = dep.require_department(db, "基础教育处")
    office = dep.require_department(db, "办公室")
    li = lead.require_leader(db, "李明")
    before = assign(
        db, ids, lead=basic.id, cooperating=[office.id], leader=li.id, deadline="6月底前"
    )
    rows = list_tasks(db, TaskFilter(task_ids=tuple(ids)))
    assert len(rows) == 24
    assert {(t.lead, t.cooperating, t.leader) for t in rows} == {
        ("基础教育处", ("办公室",), "李明")
    }
    assert {
        (t.deadline.phrase, t.deadline.due_on, t.deadline.kind) for t in rows if t.deadline
    } == {("6月底前", "2020-06-30", "month")}
    history = task_history(db, ids[0])
    assert {e.field for e in history} == {"lead", "cooperating", "leader", "deadline"}
    restore(db, before)
    assert all(s.lead_id is None and s.deadline is None for s in snapshot(db, ids))
    assert task_history(db, ids[0])[0].action == "assign.undo"


def test_assign_keeps_what_is_not_given_and_lead_is_never_cooperating(seeded_db: Database) -> None:
    db = seeded_db
    task = list_tasks(db)[0]
    basic = dep.require_department(db, "基础教育处")
    office = dep.require_department(db, "办公室")
    assign(db, [task.id], lead=office.id, cooperating=[basic.id])
    assign(db, [task.id], deadline="长期坚持")
    row = get_task(db, task.id)
    assert (row.lead, row.cooperating) == ("办公室", ("基础教育处",))
    assert row.deadline is not None and row.deadline.due_on is None
    assign(db, [task.id], lead=basic.id, cooperating=KEEP)
    row = get_task(db, task.id)
    assert (row.lead, row.cooperating) == ("基础教育处", ())


def test_unknown_deadline_phrase_is_kept_without_a_date(seeded_db: Database) -> None:
    db = seeded_db
    task = list_tasks(db)[0]
    assign(db, [task.id], deadline="按上级要求")
    row = get_task(db, task.id)
    assert row.deadline is not None
    assert (row.deadline.phrase, row.deadline.due_on, row.deadline.kind) == (
        "按上级要求",
        None,
        "unknown",
    )


def test_filters(seeded_db: Database) -> None:
    db = seeded_db
    tasks = list_tasks(db)
    basic = dep.require_department(db, "基础教育处")
    office = dep.require_department(db, "办公室")
    li = lead.require_leader(db, "李明")
    assign(db, [tasks[0].id, tasks[1].id], lead=basic.id)
    assign(db, [tasks[2].id], lead=office.id, cooperating=[basic.id], leader=li.id)
    assert [t.id for t in list_tasks(db, TaskFilter(department_id=basic.id))] == [
        tasks[0].id,
        tasks[1].id,
        tasks[2].id,
    ]
    assert len(list_tasks(db, TaskFilter(department_id=basic.id, lead_only=True))) == 2
    assert [t.id for t in list_tasks(db, TaskFilter(leader_id=li.id))] == [tasks[2].id]
    assert len(list_tasks(db, TaskFilter(unassigned=True))) == 152 - 3


def test_settings_defaults_and_changes(db: Database) -> None:
    assert get_setting(db, "warning.yellow_days") == 15
    set_setting(db, "office.name", "青岛市教育局办公室")
    assert get_setting(db, "office.name") == "青岛市教育局办公室"
    entry = list_audit(db, entity="setting")[0]
    assert (entry.field, entry.new_value) == ("office.name", "青岛市教育局办公室")
    with pytest.raises(KeyError):
        get_setting(db, "no.such.setting")


def test_progress_entry_for_the_same_period_is_edited_not_duplicated(seeded_db: Database) -> None:
    db = seeded_db
    plan = list_plans(db)[0]
    task = list_tasks(db)[0]
    march = add_period(
        db,
        plan.id,
        "2020年3月",
        "2020-03-01",
        "2020-03-31",
        kind="month",
        feedback_due_on="2020-03-25",
    )
    april = add_period(db, plan.id, "2020年4月", "2020-04-01", "2020-04-30", kind="month")
    assert [p.name for p in list_periods(db, plan.id)] == ["2020年3月", "2020年4月"]
    record_progress(db, task.id, march.id, status="on_track", percent=20, progress="已启动")
    record_progress(db, task.id, march.id, status="behind", percent=15, problems="经费未到位")
    record_progress(db, task.id, april.id, status="on_track", percent=40)
    entry = get_progress(db, task.id, march.id)
    assert entry is not None
    assert (entry.status, entry.percent, entry.problems, entry.progress) == (
        "behind",
        15,
        "经费未到位",
        "",
    )
    assert [e.percent for e in task_progress(db, task.id)] == [15, 40]
    assert db["progress_entries"].count == 2
    fields = {e.field for e in task_history(db, task.id)}
    assert {"progress.status", "progress.percent", "progress.problems"} <= fields
    with pytest.raises(InvalidValue):
        record_progress(db, task.id, march.id, status="finished")
    with pytest.raises(InvalidValue):
        add_period(db, plan.id, "2020年3月", "2020-03-01", "2020-03-31")
