"""The office-fault scenarios of the reliability report (``tests/reliability/office_faults.py``)
hold: every test run plays the ones no other test plays the same way — copies taken while the
window saves, formulas chosen at random, a writer during an export, a disk too full for the
backup, two databases sharing a stem. The whole set, three rounds each, is part of
``python -m tests.reliability``."""

from __future__ import annotations

from pathlib import Path

from tests.reliability.office_faults import SCENARIOS, run_office_faults

FAST = [
    "copy while open",
    "formula injection",
    "writing while an export reads",
    "daily backup on a full disk",
    "a.sqlite3 and a.db",
]


def test_office_fault_scenarios_hold(tmp_path: Path) -> None:
    assert set(FAST) <= set(SCENARIOS) and len(SCENARIOS) >= 17
    result = run_office_faults(tmp_path, rounds=1, seed=7, names=FAST)
    assert result.failures == []
    assert result.passed == result.tried == len(FAST)
    assert result.figures["plain_copies_after_burst"] >= 4  # the file copied after each burst
    assert result.figures["backup_to_copies"] >= 1  # and through the backup API during them
