"""分工确认 in the store: replies and proposals recorded, conflicts grouped, decisions applied
as one undoable step, states per department."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from sqlite_utils import Database

from db import confirmations as cf
from db.assignments import assign
from db.audit import task_history
from db.departments import add_alias, require_department
from db.errors import InvalidValue
from db.form_secret import form_stamp
from db.plans import list_plans
from db.progress import add_year_of_periods
from db.supervision import task_postponements, task_targets
from db.tasks import TaskFilter, get_task, list_tasks
from domain.confirm_forms import ADJUST, AGREE, ConfirmForm, ConfirmRow
from domain.confirm_keys import confirm_form_id, confirm_row_key, parse_confirm_form_id
from domain.workflow import CONFIRMED, HANDLED, NOT_RETURNED, OBJECTIONS


def _setup(db: Database) -> list[int]:
    tasks = [t.id for t in list_tasks(db)[:3]]
    basic, voc = require_department(db, "基教处").id, require_department(db, "职成处").id
    office = require_department(db, "办公室").id
    # The first task: led by 办公室, both others cooperating (each may say the other leads).
    assign(db, tasks[:1], lead=office, cooperating=[basic, voc], deadline="6月底前")
    assign(db, tasks[1:2], lead=basic, cooperating=[voc], deadline="6月底前", person="张三")
    assign(db, tasks[2:], lead=voc)
    add_year_of_periods(db, list_plans(db)[0].id, 2020, "quarter")
    return tasks


def form(db: Database, department: str, rows: dict[int, tuple], name: str = "") -> ConfirmForm:
    """A returned form as ``exports.confirm_readback`` gives it: rows by task id, each
    (agreement, {field: written}, reason)."""
    plan = list_plans(db)[0]
    dept = require_department(db, department)
    stamp = form_stamp(db, plan.id, plan.generation)
    text = confirm_form_id(stamp, dept.id)
    filled = [
        ConfirmRow(confirm_row_key(stamp, dept.id, task_id), "", agreement, proposed, reason)
        for task_id, (agreement, proposed, reason) in rows.items()
    ]
    digest = hashlib.sha256(repr((department, rows, name)).encode()).hexdigest()
    path = Path(name or f"{department}.docx")
    return ConfirmForm(path, parse_confirm_form_id(text), text, dt.datetime.now(dt.UTC),
                       filled, sha256=digest)  # fmt: skip


def _read(db: Database, *forms: ConfirmForm) -> cf.RecordResult:
    preview = cf.preview_confirmations(db, list(forms), plan_id=list_plans(db)[0].id)
    return cf.record_replies(db, preview)


def test_agreed_rows_and_proposals_are_recorded_with_old_and_new(simplified_db: Database) -> None:
    db = simplified_db
    t1, t2, _t3 = _setup(db)
    plan_id = list_plans(db)[0].id
    reply = form(db, "基础教育处", {
        t1: (AGREE, {}, ""),
        t2: (ADJUST, {"deadline": "9月底前", "target": "二季度：完成初稿，50%"}, "需等上级文件"),
    })  # fmt: skip
    preview = cf.preview_confirmations(db, [reply], plan_id=plan_id)
    assert [r.kind for r in preview.rows] == [cf.AGREED, cf.ADJUSTED]
    drafts = preview.proposals
    assert [(d.field, d.old_value, d.shown) for d in drafts] == [
        ("deadline", "6月底前", "9月底前"),
        ("target", "", "2020年第二季度：完成初稿，50%"),
    ]
    assert cf.plan_proposals(db, plan_id) == []  # the preview wrote nothing
    result = cf.record_replies(db, preview)
    assert len(result.replies) == 1 and len(result.proposals) == 2
    stored = cf.plan_proposals(db, plan_id)
    assert {(p.department, p.reason, p.decision) for p in stored} == {
        ("基础教育处", "需等上级文件", None)
    }


def test_two_departments_each_naming_the_other_as_lead_conflict(simplified_db: Database) -> None:
    db = simplified_db
    t1, t2, _t3 = _setup(db)
    plan_id = list_plans(db)[0].id
    _read(
        db,
        form(db, "基础教育处", {t1: (ADJUST, {"lead": "职成处"}, "职成处主管"),
                                t2: (ADJUST, {"person": "李四"}, "人员调整")}),
        form(db, "职业与成人教育处", {t1: (ADJUST, {"lead": "基教处"}, "基教处主管")}),
    )  # fmt: skip
    groups = cf.proposal_groups(db, plan_id)
    lead = next(g for g in groups if g.field == "lead")
    assert lead.conflict and {p.shown for p in lead.proposals} == {"职业与成人教育处", "基础教育处"}
    person = next(g for g in groups if g.field == "person")
    assert not person.conflict
    assert cf.acceptable(db, plan_id) == [person.proposals[0].id]
    with pytest.raises(InvalidValue, match="不能同时采纳"):
        cf.settle(db, accept=[p.id for p in lead.proposals])
    assert get_task(db, t1).lead == "办公室"  # nothing applied
    assert all(p.decision is None for p in cf.plan_proposals(db, plan_id))


def test_the_lead_handing_on_and_a_cooperating_department_saying_stay_conflict(
    simplified_db: Database,
) -> None:
    """The lead says the cooperating department should lead; that department says the lead
    should keep it: each names the other, and the two stand side by side."""
    db = simplified_db
    _t1, t2, _t3 = _setup(db)  # t2: led by 基教处, 职成处 cooperating
    plan_id = list_plans(db)[0].id
    _read(
        db,
        form(db, "基础教育处", {t2: (ADJUST, {"lead": "职成处"}, "职成处主管")}),
        form(db, "职业与成人教育处", {t2: (ADJUST, {"lead": "基教处"}, "应由基教处牵头")}),
    )  # fmt: skip
    lead = next(g for g in cf.proposal_groups(db, plan_id) if g.field == "lead")
    assert lead.conflict
    assert {(p.department, p.shown) for p in lead.proposals} == {
        ("基础教育处", "职业与成人教育处"),
        ("职业与成人教育处", "基础教育处"),
    }
    assert cf.acceptable(db, plan_id) == []  # a conflict is decided by the clerk
    stay = next(p for p in lead.proposals if p.department == "职业与成人教育处")
    hand_on = next(p for p in lead.proposals if p.department == "基础教育处")
    cf.settle(db, accept=[stay.id], reject=[hand_on.id])
    assert get_task(db, t2).lead == "基础教育处"
    assert {p.decision for p in cf.plan_proposals(db, plan_id)} == {"accepted", "rejected"}
    # The lead naming itself is still no proposal.
    same = cf.preview_confirmations(
        db, [form(db, "基础教育处", {t2: (ADJUST, {"lead": "基教处"}, "维持")}, "again.docx")],
        plan_id=plan_id,
    )  # fmt: skip
    assert not same.proposals


def test_accepting_applies_as_one_step_and_undo_takes_it_back(simplified_db: Database) -> None:
    db = simplified_db
    t1, t2, t3 = _setup(db)
    plan_id = list_plans(db)[0].id
    _read(
        db,
        form(db, "基础教育处", {
            t1: (ADJUST, {"lead": "职成处", "cooperating": "基教处、办公室"}, "职成处主管"),
            t2: (ADJUST, {"deadline": "9月底前", "person": "李四",
                          "target": "二季度：完成初稿，50%"}, "需等上级文件"),
        }),
        form(db, "职业与成人教育处", {t1: (ADJUST, {"lead": "基教处"}, "基教处主管"),
                                    t3: (AGREE, {}, "")}),
    )  # fmt: skip
    states = {s.department: s.state for s in cf.confirmation_states(db, plan_id)}
    assert states == {
        "基础教育处": OBJECTIONS,
        "职业与成人教育处": OBJECTIONS,
        "办公室": NOT_RETURNED,
    }
    lead = next(g for g in cf.proposal_groups(db, plan_id) if g.field == "lead")
    ours = next(p for p in lead.proposals if p.department == "基础教育处")
    theirs = next(p for p in lead.proposals if p.department != "基础教育处")
    accept = [*cf.acceptable(db, plan_id), ours.id]
    before = (get_task(db, t1), get_task(db, t2))
    step = cf.settle(db, accept=accept, reject=[theirs.id])
    task1, task2 = get_task(db, t1), get_task(db, t2)
    assert (task1.lead, task1.cooperating) == ("职业与成人教育处", ("基础教育处", "办公室"))
    assert (task2.deadline.phrase, task2.person, task2.original_deadline) == (
        "9月底前", "李四", "6月底前")  # fmt: skip
    postponed = task_postponements(db, t2)[0]
    assert (postponed.origin, postponed.reason, postponed.approved_by) == (
        "confirmation", "需等上级文件", "")  # fmt: skip
    target = task_targets(db, t2)[0]
    assert (target.text, target.percent, target.origin) == ("完成初稿", 50, "confirmation")
    actions = [e.action for e in task_history(db, t1)]
    assert "confirmation.accept" in actions and "confirmation.reject" in actions
    states = {s.department: s.state for s in cf.confirmation_states(db, plan_id)}
    assert states == {"基础教育处": HANDLED, "职业与成人教育处": HANDLED, "办公室": NOT_RETURNED}

    cf.undo_settlement(db, step)
    after = (get_task(db, t1), get_task(db, t2))
    for old, new in zip(before, after, strict=True):
        assert (new.lead, new.cooperating, new.person, new.deadline, new.postponements) == (
            old.lead, old.cooperating, old.person, old.deadline, old.postponements)  # fmt: skip
    assert task_targets(db, t2) == []
    assert all(p.decision is None for p in cf.plan_proposals(db, plan_id))
    assert "confirmation.undo" in [e.action for e in task_history(db, t1)]
    again = cf.settle(db, step.accepted, step.rejected)  # redo
    assert get_task(db, t1).lead == "职业与成人教育处" and again.accepted == step.accepted


def test_states_not_returned_confirmed_objections_handled(simplified_db: Database) -> None:
    db = simplified_db
    t1, _t2, t3 = _setup(db)
    plan_id = list_plans(db)[0].id
    names = lambda: {s.department: s.state for s in cf.confirmation_states(db, plan_id)}  # noqa: E731
    assert set(names().values()) == {NOT_RETURNED} and len(names()) == 3
    _read(db, form(db, "职业与成人教育处", {t3: (AGREE, {}, ""), t1: (AGREE, {}, "")}))
    assert names()["职业与成人教育处"] == CONFIRMED
    _read(db, form(db, "基础教育处", {t1: (ADJUST, {"person": "王五"}, "人员变动")}))
    assert names()["基础教育处"] == OBJECTIONS and names()["办公室"] == NOT_RETURNED
    proposal = cf.plan_proposals(db, plan_id)[0]
    cf.settle(db, reject=[proposal.id])
    assert names()["基础教育处"] == HANDLED
    assert get_task(db, t1).person == ""
    with pytest.raises(InvalidValue, match="已不予采纳"):
        cf.settle(db, accept=[proposal.id])


def test_unknown_names_and_bad_rows_are_problems_not_crashes(simplified_db: Database) -> None:
    db = simplified_db
    t1, t2, t3 = _setup(db)
    plan_id = list_plans(db)[0].id
    add_alias(db, require_department(db, "办公室").id, "局办")
    reply = form(db, "基础教育处", {
        t1: (ADJUST, {"lead": "宣传处"}, "不归我处"),
        t2: (ADJUST, {"cooperating": "局办"}, ""),
        t3: (ADJUST, {"target": "九季度：完成"}, "理由"),
    })  # fmt: skip
    preview = cf.preview_confirmations(db, [reply], plan_id=plan_id)
    reasons = [r.reason for r in preview.rows]
    assert "“宣传处”不在处室名单中" in reasons[0]
    assert "没有填写理由" in reasons[1]
    assert "基础教育处已不再牵头或配合" in reasons[2]  # t3 is 职成处's alone
    assert [r.kind for r in preview.rows] == [cf.PROBLEM] * 3
    ok = form(db, "基础教育处", {t2: (ADJUST, {"cooperating": "局办"}, "办公室协调")}, "b.docx")
    drafts = cf.preview_confirmations(db, [ok], plan_id=plan_id).proposals
    assert [d.shown for d in drafts] == ["办公室"]


def test_a_form_of_another_plan_generation_or_a_forged_key_is_refused(
    simplified_db: Database,
) -> None:
    db = simplified_db
    t1, _t2, _t3 = _setup(db)
    plan_id = list_plans(db)[0].id
    good = form(db, "基础教育处", {t1: (AGREE, {}, "")})
    forged = ConfirmForm(good.path, good.form_id, good.form_id_text[:-1] + "0", good.modified,
                         good.rows, sha256="x")  # fmt: skip
    copied = form(db, "职业与成人教育处", {t1: (AGREE, {}, "")}, "c.docx")
    copied.rows[0].key_text = good.rows[0].key_text  # a row copied from another form
    preview = cf.preview_confirmations(db, [forged, copied, good, good], plan_id=plan_id)
    assert not preview.forms[0].accepted and "表格标识被修改" in preview.forms[0].reason
    assert preview.forms[1].rows[0].kind == cf.PROBLEM
    assert "另一个处室" in preview.forms[1].rows[0].reason
    assert preview.forms[2].accepted
    assert not preview.forms[3].accepted and "同一份文件" in preview.forms[3].reason
    cf.record_replies(db, preview)
    again = cf.preview_confirmations(db, [good], plan_id=plan_id)
    assert "已读入过" in again.forms[0].reason
    db.execute("UPDATE plans SET generation = 'reimported' WHERE id = ?", [plan_id])
    later = cf.preview_confirmations(db, [form(db, "基础教育处", {t1: (AGREE, {}, "")}, "d")],
                                     plan_id=plan_id)  # fmt: skip
    assert later.forms[0].accepted  # a new export of the plan as it is now
    assert not cf.preview_confirmations(db, [good], plan_id=plan_id).forms[0].accepted


def test_a_newer_reply_replaces_the_undecided_proposals(simplified_db: Database) -> None:
    db = simplified_db
    t1, _t2, _t3 = _setup(db)
    plan_id = list_plans(db)[0].id
    _read(db, form(db, "基础教育处", {t1: (ADJUST, {"person": "王五"}, "人员变动")}, "1"))
    result = _read(db, form(db, "基础教育处", {t1: (ADJUST, {"person": "赵六"}, "再变")}, "2"))
    assert result.replaced == 1
    assert [p.shown for p in cf.plan_proposals(db, plan_id)] == ["赵六"]
    assert list_tasks(db, TaskFilter(plan_id=plan_id))  # the plan is intact


def test_a_settlement_that_fails_midway_leaves_nothing_applied(simplified_db: Database) -> None:
    from db.progress import delete_period, list_periods

    db = simplified_db
    _t1, t2, _t3 = _setup(db)
    plan_id = list_plans(db)[0].id
    _read(db, form(db, "基础教育处", {
        t2: (ADJUST, {"lead": "职成处", "target": "二季度：完成初稿"}, "调整"),
    }))  # fmt: skip
    q2 = next(p for p in list_periods(db, plan_id) if p.name.endswith("第二季度"))
    delete_period(db, q2.id)  # the target's period is gone since the form was read
    with pytest.raises(InvalidValue):
        cf.settle(db, accept=[p.id for p in cf.plan_proposals(db, plan_id)])
    assert get_task(db, t2).lead == "基础教育处"  # the lead was not changed either
    assert all(p.decision is None for p in cf.plan_proposals(db, plan_id))


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("二季度：完成初稿，50%", ("二季度", "完成初稿", 50)),
        ("2020年第三季度: 全面推开", ("2020年第三季度", "全面推开", None)),
        ("6月：80%", ("6月", "", 80)),
    ],
)
def test_a_target_is_read_as_period_words_and_percent(written: str, expected: tuple) -> None:
    from domain.confirm_forms import TargetText, parse_target

    assert parse_target(written) == TargetText(*expected)


def test_unreadable_targets_and_periods_say_why() -> None:
    from domain.confirm_forms import parse_target, period_matches

    assert "期次：目标" in parse_target("完成初稿")
    assert "超出0–100" in parse_target("二季度：完成，150%")
    assert period_matches("二季度", "2020年第二季度") and period_matches("Q2", "2020年第二季度")
    assert period_matches("第二季度", "2020年第二季度") and period_matches("6月", "2020年6月")
    assert not period_matches("二季度", "2020年第三季度") and not period_matches(
        "二", "2020年第二季度"
    )
    assert not period_matches("6月", "2020年第二季度") and not period_matches("16月", "2020年6月")
