"""The words of the 督办 workflow (domain/workflow.py) in the window's language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

SOURCE_NAMES = {
    "work_plan": QT_TRANSLATE_NOOP("Workflow", "Annual work plan"),
    "meeting": QT_TRANSLATE_NOOP("Workflow", "Meeting decision"),
    "instruction": QT_TRANSLATE_NOOP("Workflow", "Leader's instruction"),
    "inspection": QT_TRANSLATE_NOOP("Workflow", "Higher-level inspection"),
    "proposal": QT_TRANSLATE_NOOP("Workflow", "Deputies' suggestion / CPPCC proposal"),
    "other": QT_TRANSLATE_NOOP("Workflow", "Other"),
}
CONFIRMATION_STATE_NAMES = {
    "not_returned": QT_TRANSLATE_NOOP("Workflow", "Not returned"),
    "confirmed": QT_TRANSLATE_NOOP("Workflow", "Confirmed"),
    "objections": QT_TRANSLATE_NOOP("Workflow", "Objections"),
    "handled": QT_TRANSLATE_NOOP("Workflow", "Handled"),
}
PROPOSAL_FIELD_NAMES = {
    "lead": QT_TRANSLATE_NOOP("Workflow", "Lead department"),
    "cooperating": QT_TRANSLATE_NOOP("Workflow", "Cooperating"),
    "deadline": QT_TRANSLATE_NOOP("Workflow", "Deadline"),
    "person": QT_TRANSLATE_NOOP("Workflow", "Responsible person"),
    "target": QT_TRANSLATE_NOOP("Workflow", "Stage target"),
}
TARGET_ORIGIN_NAMES = {
    "manual": QT_TRANSLATE_NOOP("Workflow", "entered here"),
    "plan": QT_TRANSLATE_NOOP("Workflow", "from the plan"),
    "confirmation": QT_TRANSLATE_NOOP("Workflow", "from a department's confirmation"),
}


def _named(names: dict[str, str], key: str) -> str:
    return QCoreApplication.translate("Workflow", names[key]) if key in names else key


def source_name(key: str) -> str:
    return _named(SOURCE_NAMES, key)


def confirmation_state_name(key: str) -> str:
    return _named(CONFIRMATION_STATE_NAMES, key)


def proposal_field_name(key: str) -> str:
    return _named(PROPOSAL_FIELD_NAMES, key)


def target_origin_name(key: str) -> str:
    return _named(TARGET_ORIGIN_NAMES, key)
