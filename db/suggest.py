"""Suggested assignments: units the plan names, and what similar tasks were given before.

Two sources, in this order of trust:
  1. "plan" — the units named in the task's own text or its item's note
     ("（责任单位：…）", "X牵头，Y配合"), matched to the department directory, and the
     leader a note names ("分管领导：李明"), matched to the leaders;
  2. "similar" — the departments of the most similar task already assigned (this plan
     or an earlier one in the file), by shared character pairs (bigram Jaccard), which
     works for Chinese without a word segmenter.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from db.departments import find_department
from db.leaders import find_leader
from domain.names import search_key
from domain.suggestions import find_units

SIMILAR_MIN_SCORE = 0.35
_BATCH = 800


@dataclass(frozen=True)
class Suggestion:
    task_id: int
    source: str  # "plan" or "similar"
    lead_id: int | None
    cooperating_ids: tuple[int, ...]
    deadline: str  # a phrase named in the text, "" when none
    score: float = 1.0
    like_task_id: int | None = None  # the similar task the suggestion comes from
    leader_id: int | None = None  # the 分管领导 a note names, when the directory has them
    leader: str = ""  # that leader's name as the directory has it

    @property
    def empty(self) -> bool:
        return (
            self.lead_id is None
            and not self.cooperating_ids
            and not self.deadline
            and self.leader_id is None
        )


def _bigrams(text: str) -> set[str]:
    key = "".join(ch for ch in search_key(text) if ch.isalnum())
    return {key[i : i + 2] for i in range(len(key) - 1)}


class SimilarIndex:
    """Assigned tasks, indexed by character pairs."""

    def __init__(self, db: Database) -> None:
        self.pairs: dict[int, set[str]] = {}
        self.assignment: dict[int, tuple[int, tuple[int, ...]]] = {}
        self.by_pair: dict[str, list[int]] = {}
        coops: dict[int, list[int]] = {}
        for task_id, dept_id in db.execute(
            "SELECT task_id, department_id FROM assignments WHERE role = 'cooperating'"
            " ORDER BY task_id, position"
        ).fetchall():
            coops.setdefault(task_id, []).append(dept_id)
        for task_id, text, lead in db.execute(
            "SELECT t.id, t.text, a.department_id FROM tasks t"
            " JOIN assignments a ON a.task_id = t.id AND a.role = 'lead'"
        ).fetchall():
            pairs = _bigrams(text)
            self.pairs[task_id] = pairs
            self.assignment[task_id] = (lead, tuple(coops.get(task_id, ())))
            for pair in pairs:
                self.by_pair.setdefault(pair, []).append(task_id)

    def best(self, text: str, exclude: set[int]) -> tuple[int, float] | None:
        pairs = _bigrams(text)
        if not pairs or not self.pairs:
            return None
        shared: Counter[int] = Counter()
        for pair in pairs:
            shared.update(self.by_pair.get(pair, ()))
        best: tuple[int, float] | None = None
        for task_id, common in shared.most_common(50 + len(exclude)):
            if task_id in exclude:
                continue
            score = common / len(pairs | self.pairs[task_id])
            if best is None or score > best[1]:
                best = (task_id, score)
        return best if best and best[1] >= SIMILAR_MIN_SCORE else None


def suggestions(
    db: Database, task_ids: Sequence[int], index: SimilarIndex | None = None
) -> dict[int, Suggestion]:
    """The best suggestion for each task that has one (tasks already led are skipped).

    ``index`` may be kept by the caller between calls while assignments do not change.
    """
    rows: list[tuple] = []
    for start in range(0, len(task_ids), _BATCH):
        chunk = list(task_ids[start : start + _BATCH])
        rows += db.execute(
            "SELECT t.id, t.text, t.suggested_lead, t.suggested_cooperating, t.suggested_deadline,"
            " (SELECT 1 FROM assignments a WHERE a.task_id = t.id AND a.role = 'lead'),"
            " coalesce(n.notes, '')"
            " FROM tasks t LEFT JOIN outline_nodes n ON n.id = t.node_id"
            f" WHERE t.id IN ({','.join('?' * len(chunk))})",
            chunk,
        ).fetchall()
    found: dict[int, Suggestion] = {}
    names: dict[str, int | None] = {}

    def department_id(name: str) -> int | None:
        if name not in names:
            dept = find_department(db, name)
            names[name] = dept.id if dept else None
        return names[name]

    leaders: dict[str, tuple[int | None, str]] = {}

    def leader_named(text: str, notes: str) -> tuple[int | None, str]:
        name = find_units(text).leader or (find_units(notes).leader if notes else "")
        if name not in leaders:
            found_leader = find_leader(db, name) if name else None
            leaders[name] = (found_leader.id, found_leader.name) if found_leader else (None, "")
        return leaders[name]

    need_similar = []
    for task_id, text, lead, coop_json, deadline, led, notes in rows:
        if led:
            continue
        lead_id = department_id(lead) if lead else None
        coop = tuple(
            d for d in (department_id(n) for n in json.loads(coop_json or "[]")) if d is not None
        )
        leader_id, leader = leader_named(text, notes)
        if lead_id is not None or coop or deadline or leader_id is not None:
            found[task_id] = Suggestion(
                task_id, "plan", lead_id, coop, deadline or "", leader_id=leader_id, leader=leader
            )
        if lead_id is None:
            need_similar.append((task_id, text, deadline or ""))
    if need_similar:
        index = index or SimilarIndex(db)
        exclude = set(task_ids)
        for task_id, text, deadline in need_similar:
            best = index.best(text, exclude)
            if best is None:
                continue
            like, score = best
            lead_id, coop = index.assignment[like]
            planned = found.get(task_id)
            found[task_id] = Suggestion(
                task_id, "similar", lead_id,
                planned.cooperating_ids if planned and planned.cooperating_ids else coop,
                deadline, round(score, 2), like,
                planned.leader_id if planned else None, planned.leader if planned else "",
            )  # fmt: skip
    return found
