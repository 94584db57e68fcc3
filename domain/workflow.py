"""Words of the 督办 workflow beyond 分解 → 反馈 → 通报: sources, confirmation states.

Qt-free: the documents use the Chinese names directly; the window shows them through
``tr()`` (``qtapp/workflow_names.py``). See docs/workflow.md.
"""

from __future__ import annotations

# 来源 of a task, in the order offices list them. '' in the database means "the plan's
# default": 年度工作要点 for a task of an imported plan, 其他 for one entered by hand.
WORK_PLAN = "work_plan"
SOURCES: dict[str, str] = {
    WORK_PLAN: "年度工作要点",
    "meeting": "会议议定",
    "instruction": "领导批示",
    "inspection": "上级督查",
    "proposal": "人大建议/政协提案",
    "other": "其他",
}

# The kinds of plan: one imported from a 工作要点 (or a 分解表), or a 督办事项台账.
PLAN_KINDS: dict[str, str] = {"work_plan": "工作要点", "ledger": "督办事项台账"}

# A department's 分工确认 state for a plan.
NOT_RETURNED, CONFIRMED, OBJECTIONS, HANDLED = "not_returned", "confirmed", "objections", "handled"
CONFIRMATION_STATES: dict[str, str] = {
    NOT_RETURNED: "未返回",
    CONFIRMED: "已确认",
    OBJECTIONS: "有异议",
    HANDLED: "已处理",
}

# The fields a department may propose to change on a 分工确认表.
PROPOSAL_FIELDS: dict[str, str] = {
    "lead": "牵头处室",
    "cooperating": "配合处室",
    "deadline": "完成时限",
    "person": "责任人",
    "target": "阶段目标",
}


def source_of(stored: str, plan_kind: str, origin: str) -> str:
    """The task's source: as stored, or the default for where the task came from."""
    if stored in SOURCES:
        return stored
    return WORK_PLAN if plan_kind == "work_plan" and origin != "added" else "other"


def source_from_text(text: str) -> str | None:
    """A source key from its key or its Chinese name (人大建议 and 政协提案 alone too)."""
    text = text.strip()
    if text in SOURCES:
        return text
    for key, name in SOURCES.items():
        if text == name or (key == "proposal" and text in name.split("/")):
            return key
    return None
