"""Decomposition edits in the store, each taken back exactly by capture/restore."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from db import task_edits as edits
from db.assignments import assign
from db.departments import add_department, require_department
from db.errors import InvalidValue
from db.progress import add_period, record_progress
from db.suggest import suggestions
from db.tasks import TaskFilter, get_task, list_tasks


def _item_tasks(db: Database, task_id: int) -> list[str]:
    node = get_task(db, task_id).node_id
    return [get_task(db, t).text for t in edits.node_order(db, node)]


def _dump(db: Database) -> list[tuple]:
    tables = ("tasks", "assignments", "deadlines", "progress_entries")
    return [tuple(db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()) for t in tables]


def test_edit_text_is_audited(seeded_db: Database) -> None:
    task = list_tasks(seeded_db)[0]
    edits.update_text(seeded_db, task.id, "  新的任务文本。 ")
    assert get_task(seeded_db, task.id).text == "新的任务文本。"
    with pytest.raises(InvalidValue):
        edits.update_text(seeded_db, task.id, "   ")


@pytest.mark.parametrize(
    ("text", "at", "parts"),
    [
        (
            "提升學前教育發展水平,推進集團化辦園。",
            10,
            ("提升學前教育發展水平。", "推進集團化辦園。"),
        ),
        (
            "提升學前教育發展水平，推進集團化辦園。",
            11,
            ("提升學前教育發展水平。", "推進集團化辦園。"),
        ),
        ("落實責任；確保完成。", 5, ("落實責任。", "確保完成。")),
        (
            "開展調研（責任單位：辦公室）督促落實。",
            14,
            ("開展調研（責任單位：辦公室）。", "督促落實。"),
        ),
        ("第一句。第二句。", 4, ("第一句。", "第二句。")),
    ],
)
def test_a_split_ends_the_first_sentence_and_trims_the_second(
    text: str, at: int, parts: tuple[str, str]
) -> None:
    assert edits.split_text(text, at) == parts


def test_split_keeps_assignment_and_restore_takes_it_back(seeded_db: Database) -> None:
    db = seeded_db
    task = list_tasks(db)[0]
    basic = require_department(db, "基础教育处")
    assign(db, [task.id], lead=basic.id, deadline="6月底前")
    before = _dump(db)
    state = edits.capture(db, [task.id])
    text = task.text
    new_id = edits.split(db, task.id, 10)
    new = get_task(db, new_id)
    assert get_task(db, task.id).text == text[:10] + "。"  # the cut ends a sentence
    assert (new.text, new.origin, new.lead) == (text[10:], "split", "基础教育处")
    assert new.deadline is not None and new.deadline.phrase == "6月底前"
    assert _item_tasks(db, task.id)[:2] == [text[:10] + "。", text[10:]]
    assert [t.code for t in list_tasks(db)[:3]] == ["1-1", "1-2", "1-3"]
    after = edits.capture(db, [task.id, new_id])
    edits.restore(db, with_new_task(state, new_id), action="undo")
    assert _dump(db) == before
    edits.restore(db, after, action="redo")
    assert get_task(db, new_id).text == text[10:]


def with_new_task(state: edits.EditState, new_id: int) -> edits.EditState:
    """The 'before' of a split: the new task did not exist."""
    return edits.EditState((*state.tasks, edits.TaskState(new_id, None)), state.orders)


def test_merge_with_next_and_restore(seeded_db: Database) -> None:
    db = seeded_db
    first, second = list_tasks(db)[:2]
    plan_id = first.plan_id
    period = add_period(db, plan_id, "2020年3月", "2020-03-01", "2020-03-31")
    record_progress(db, second.id, period.id, status="on_track", percent=30)
    before = _dump(db)
    state = edits.capture(db, [first.id, second.id])
    merged_away = edits.merge_with_next(db, first.id)
    assert merged_away == second.id
    assert get_task(db, first.id).text == first.text + second.text
    assert len(list_tasks(db, TaskFilter(plan_id=plan_id))) == 151
    edits.restore(db, state, action="undo")
    assert _dump(db) == before


def test_merge_of_the_last_task_is_refused(seeded_db: Database) -> None:
    item_tasks = [t for t in list_tasks(seeded_db) if t.item_label == "1."]
    with pytest.raises(InvalidValue, match="last task"):
        edits.merge_with_next(seeded_db, item_tasks[-1].id)


def test_add_delete_move(seeded_db: Database) -> None:
    db = seeded_db
    first = list_tasks(db)[0]
    new_id = edits.add(db, first.node_id, "新增任务。", after=first.id)
    assert _item_tasks(db, first.id)[1] == "新增任务。"
    assert get_task(db, new_id).origin == "added"
    assert edits.move(db, new_id, -1)
    assert _item_tasks(db, first.id)[0] == "新增任务。"
    assert not edits.move(db, new_id, -1)
    before = _dump(db)
    state = edits.capture(db, [new_id])
    edits.delete(db, [new_id])
    assert "新增任务。" not in _item_tasks(db, first.id)
    edits.restore(db, state, action="undo")
    assert _dump(db) == before


def test_suggestions_from_the_plan_text_and_from_similar_tasks(db: Database) -> None:
    from db.imports import import_plan
    from tests.conftest import FIXTURES, SAMPLE_PLAN

    for name in ("安全稳定处", "基础教育处", "体卫艺处", "教育督导室", "办公室"):
        add_department(db, name)
    plan = import_plan(db, FIXTURES / "plans" / "simplified-cover-restart.txt").plan_id
    tasks = {t.text[:8]: t for t in list_tasks(db, TaskFilter(plan_id=plan))}
    found = suggestions(db, [t.id for t in tasks.values()])
    first = found[tasks["3月底前完成全市"].id]
    assert (first.source, first.deadline) == ("plan", "3月底前")
    assert first.lead_id == require_department(db, "安全稳定处").id
    drowning = found[tasks["暑假前对全体学生"].id]
    assert drowning.lead_id == require_department(db, "基础教育处").id
    assert drowning.cooperating_ids == (
        require_department(db, "体卫艺处").id,
        require_department(db, "安全稳定处").id,
    )
    # Assign a task in one plan; a near-identical task of another plan is suggested the same.
    sample = import_plan(db, SAMPLE_PLAN).plan_id
    office = require_department(db, "办公室")
    source = list_tasks(db, TaskFilter(plan_id=sample))[0]
    assign(db, [source.id], lead=office.id)
    other_id = edits.add(db, list_tasks(db, TaskFilter(plan_id=plan))[0].node_id,
                         source.text.replace("必修課程", "必修内容"))  # fmt: skip
    like = suggestions(db, [other_id])[other_id]
    assert (like.source, like.lead_id, like.like_task_id) == ("similar", office.id, source.id)
    assert like.score > 0.8


def test_undo_of_delete_and_merge_brings_the_supervision_rows_back(seeded_db: Database) -> None:
    from db import supervision as sv

    db = seeded_db
    first, second, third = list_tasks(db)[:3]
    plan_id = first.plan_id
    period = add_period(db, plan_id, "2020年第二季度", "2020-04-01", "2020-06-30")
    lead = require_department(db, "基教处").id
    assign(db, [first.id, second.id, third.id], lead=lead, deadline="6月底前")
    sv.set_target(db, second.id, period.id, "完成初稿", 50)
    sv.postpone(db, second.id, "9月底前", "等待上级文件", "李明")
    sv.add_instruction(db, second.id, "2020-05-06", "张局长", "抓紧推进。")
    sv.add_instruction(db, third.id, "2020-05-07", "李明", "请办公室配合。")
    tables = ("task_targets", "postponements", "instructions")

    def supervision_rows() -> list[tuple]:
        return [tuple(db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()) for t in tables]

    before = (_dump(db), supervision_rows())
    state = edits.capture(db, [first.id, second.id])
    edits.merge_with_next(db, first.id)
    assert sv.task_postponements(db, second.id) == []
    edits.restore(db, state, action="undo")
    assert (_dump(db), supervision_rows()) == before
    assert get_task(db, second.id).original_deadline == "6月底前"

    state = edits.capture(db, [second.id, third.id])
    edits.delete(db, [second.id, third.id])
    assert supervision_rows() == [(), (), ()]
    edits.restore(db, state, action="undo")
    assert (_dump(db), supervision_rows()) == before
