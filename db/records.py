"""Records returned by the repository functions: frozen dataclasses, no behaviour.

Dates are ISO strings (``"2020-06-30"``) as stored; the callers format them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    id: int
    title: str
    year: int | None
    doc_number: str
    issuer: str
    issued_on: str | None
    received_on: str | None
    preamble: str
    cover: str
    source_name: str
    source_sha256: str
    source_size: int | None
    imported_at: str
    carried_from_plan_id: int | None
    generation: str = ""  # random; new when the plan is imported again (forms carry it)
    kind: str = "work_plan"  # or "ledger": a 督办事项台账 filled by hand or from a table


@dataclass(frozen=True)
class OutlineNode:
    id: int
    plan_id: int
    parent_id: int | None
    kind: str  # section / subsection / item / subitem
    label: str
    number: int | None
    title: str
    notes: str
    position: int


@dataclass(frozen=True)
class Department:
    id: int
    name: str
    short_name: str
    position: int
    active: bool
    merged_into_id: int | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Leader:
    id: int
    name: str
    title: str
    position: int
    active: bool
    department_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class DeadlineRecord:
    phrase: str
    due_on: str | None
    kind: str
    milestones: tuple[dict, ...] = ()


@dataclass(frozen=True)
class TaskRow:
    """A task with everything the task table and the documents show."""

    id: int
    plan_id: int
    node_id: int
    position: int
    code: str  # 序号 such as "4-2"
    text: str
    origin: str
    item_label: str
    item_title: str
    section_id: int | None
    section_label: str
    section_title: str
    lead: str  # department name or ""
    lead_id: int | None
    cooperating: tuple[str, ...]
    cooperating_ids: tuple[int, ...]
    leader: str
    leader_id: int | None
    deadline: DeadlineRecord | None
    suggested_lead: str
    suggested_cooperating: tuple[str, ...]
    suggested_deadline: str
    status: str | None  # the latest reported status, None before any report
    percent: int | None
    closed_on: str | None
    updated_at: str
    item_id: int | None = None  # the item (or the node itself when outside any item)
    person: str = ""  # 责任人: a person in the lead department
    source: str = "work_plan"  # 来源, a key of domain.workflow.SOURCES (the default resolved)
    focus: bool = False  # 重点督办
    postponements: int = 0  # how many times the deadline was postponed (延期)
    original_deadline: str | None = None  # the deadline before the first 延期, as written


@dataclass(frozen=True)
class ReportingPeriod:
    id: int
    plan_id: int
    name: str
    kind: str
    starts_on: str
    ends_on: str
    feedback_due_on: str | None


@dataclass(frozen=True)
class ProgressEntry:
    id: int
    task_id: int
    period_id: int
    status: str
    percent: int | None
    progress: str
    problems: str
    next_steps: str
    reporter: str
    reported_on: str | None
    source: str
    updated_at: str
    recorded_seq: int = 0  # the change sequence (audit_log id) of its last write
    form_export: str = ""  # for an entry read from a form: the export the form came from
    form_saved_at: str | None = None  # …and when its sender says the form was saved


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    source: str
    action: str
    entity: str
    entity_id: int | None
    plan_id: int | None
    field: str
    old_value: str | None
    new_value: str | None
    summary: str
