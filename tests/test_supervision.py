"""阶段目标, 延期, 来源, 重点督办 and 领导批示 in the store: each change audited and undoable."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from db import supervision as sv
from db.assignments import assign
from db.audit import task_history
from db.departments import require_department
from db.errors import InvalidValue
from db.progress import add_period
from db.tasks import TaskFilter, get_task, list_tasks


def _assigned(db: Database) -> list[int]:
    tasks = list_tasks(db)
    lead = require_department(db, "基教处").id
    assign(db, [t.id for t in tasks[:5]], lead=lead, deadline="6月底前")
    return [t.id for t in tasks[:5]]


def test_a_postponement_keeps_the_original_deadline_and_counts(simplified_db: Database) -> None:
    task_id = _assigned(simplified_db)[0]
    first = sv.postpone(simplified_db, task_id, "9月底前", "等待上级文件", "李明")
    sv.postpone(simplified_db, task_id, "年底前", "经费未到位")
    row = get_task(simplified_db, task_id)
    assert (row.deadline.phrase, row.deadline.due_on) == ("年底前", "2020-12-31")
    assert (row.original_deadline, row.postponements) == ("6月底前", 2)
    assert first.old_due_on == "2020-06-30" and first.approved_by == "李明"
    actions = [e.action for e in task_history(simplified_db, task_id)]
    assert actions.count("task.postpone") == 2
    postponed = list_tasks(simplified_db, TaskFilter(postponed_only=True))
    assert [t.id for t in postponed] == [task_id]


def test_undoing_a_postponement_brings_the_deadline_back(simplified_db: Database) -> None:
    task_id = _assigned(simplified_db)[1]
    done = sv.postpone(simplified_db, task_id, "9月底前", "原因")
    sv.undo_postponement(simplified_db, done)
    row = get_task(simplified_db, task_id)
    assert (row.deadline.phrase, row.postponements, row.original_deadline) == ("6月底前", 0, None)
    again = sv.redo_postponement(simplified_db, done)
    assert get_task(simplified_db, task_id).deadline.phrase == again.new_phrase == "9月底前"


@pytest.mark.parametrize(
    ("deadline", "reason"), [("9月底前", ""), ("", "原因"), ("6月底前", "原因")]
)
def test_a_postponement_without_reason_or_change_is_refused(
    simplified_db: Database, deadline: str, reason: str
) -> None:
    task_id = _assigned(simplified_db)[0]
    with pytest.raises(InvalidValue):
        sv.postpone(simplified_db, task_id, deadline, reason)
    assert get_task(simplified_db, task_id).postponements == 0


def test_a_task_without_deadline_cannot_be_postponed(simplified_db: Database) -> None:
    task = list_tasks(simplified_db)[-1]
    with pytest.raises(InvalidValue):
        sv.postpone(simplified_db, task.id, "年底前", "原因")


def test_targets_per_period(simplified_db: Database) -> None:
    task_id = _assigned(simplified_db)[0]
    plan_id = get_task(simplified_db, task_id).plan_id
    q2 = add_period(simplified_db, plan_id, "2020年第二季度", "2020-04-01", "2020-06-30").id
    q1 = add_period(simplified_db, plan_id, "2020年第一季度", "2020-01-01", "2020-03-31").id
    assert sv.set_target(simplified_db, task_id, q2, " 完成初稿 ", 50) is None
    sv.set_target(simplified_db, task_id, q1, "启动调研")
    assert [(t.period_id, t.text, t.percent) for t in sv.task_targets(simplified_db, task_id)] == [
        (q1, "启动调研", None),
        (q2, "完成初稿", 50),
    ]
    old = sv.set_target(simplified_db, task_id, q2, "", None)  # removes it
    assert old is not None and sv.get_target(simplified_db, task_id, q2) is None
    sv.restore_target(simplified_db, task_id, q2, old)
    assert sv.period_targets(simplified_db, q2)[task_id].text == "完成初稿"
    with pytest.raises(InvalidValue):
        sv.set_target(simplified_db, task_id, q2, "x", 120)


def test_source_and_focus_default_and_undo(simplified_db: Database) -> None:
    ids = [t.id for t in list_tasks(simplified_db)[:3]]
    assert {get_task(simplified_db, t).source for t in ids} == {"work_plan"}
    before = sv.set_focus(simplified_db, ids[:2], True)
    assert before == {ids[0]: False, ids[1]: False}
    assert [t.id for t in list_tasks(simplified_db, TaskFilter(focus_only=True))] == ids[:2]
    sv.restore_column(simplified_db, "focus", before)
    assert list_tasks(simplified_db, TaskFilter(focus_only=True)) == []
    sv.set_source(simplified_db, [ids[2]], "meeting")
    assert [t.id for t in list_tasks(simplified_db, TaskFilter(source="meeting"))] == [ids[2]]
    with pytest.raises(InvalidValue):
        sv.set_source(simplified_db, [ids[2]], "rumour")


def test_instructions_are_kept_in_date_order(simplified_db: Database) -> None:
    task_id = list_tasks(simplified_db)[0].id
    later = sv.add_instruction(simplified_db, task_id, "2020-05-06", "张局长", "抓紧推进。")
    sv.add_instruction(simplified_db, task_id, "2020-03-01", "李明", "请基教处牵头。")
    assert [i.leader for i in sv.task_instructions(simplified_db, task_id)] == ["李明", "张局长"]
    sv.remove_instruction(simplified_db, later)
    sv.restore_instruction(simplified_db, later)
    assert sv.task_instructions(simplified_db, task_id)[-1] == later
    with pytest.raises(InvalidValue):
        sv.add_instruction(simplified_db, task_id, "5月6日", "张局长", "x")
