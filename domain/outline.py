"""The parsed shape of a work plan: what the importer produces and the store keeps.

Plain dataclasses, no Qt, no database. ``ParsedPlan.to_json()`` is the stable
interface printed by ``main.py parse --json``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

SECTION = "section"  # 一、
SUBSECTION = "subsection"  # （一）
ITEM = "item"  # 1.  1、  １．
SUBITEM = "subitem"  # （1）  ①
NODE_KINDS = (SECTION, SUBSECTION, ITEM, SUBITEM)


@dataclass
class ParsedTask:
    text: str
    suggested_lead: str = ""
    suggested_cooperating: tuple[str, ...] = ()
    suggested_deadline: str = ""
    suggested_leader: str = ""  # 分管领导 named in a note

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "suggested_lead": self.suggested_lead,
            "suggested_cooperating": list(self.suggested_cooperating),
            "suggested_deadline": self.suggested_deadline,
            "suggested_leader": self.suggested_leader,
        }


@dataclass
class ParsedNode:
    kind: str
    label: str  # as written, "" for an unnumbered node of a flat outline
    number: int | None
    title: str = ""
    tasks: list[ParsedTask] = field(default_factory=list)
    children: list[ParsedNode] = field(default_factory=list)
    # Lines that belong to the node but are not tasks ("责任单位：…"), kept as written.
    notes: list[str] = field(default_factory=list)
    line: int = 0  # 1-based line of the source where the node starts

    def walk(self) -> Iterator[ParsedNode]:
        yield self
        for child in self.children:
            yield from child.walk()

    def pieces(self) -> Iterator[str]:
        """Every piece of source text this node holds, in reading order."""
        yield self.label
        yield self.title
        for task in self.tasks:
            yield task.text
        yield from self.notes
        for child in self.children:
            yield from child.pieces()

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "title": self.title,
            "tasks": [t.text for t in self.tasks],
            "children": [c.to_json() for c in self.children],
            "kind": self.kind,
            "number": self.number,
            "notes": list(self.notes),
            "suggestions": [t.to_json() for t in self.tasks],
        }


@dataclass
class PlanCounts:
    sections: int
    subsections: int
    items: int
    tasks: int
    suggested_units: int
    suggested_deadlines: int

    def to_json(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class ParsedPlan:
    title: str = ""
    # False when the title was read out of the cover notice ("关于印发《X》的通知") and is
    # not a line of its own in the file.
    title_in_text: bool = True
    doc_number: str = ""
    issuer: str = ""
    date: str | None = None  # ISO date of issue, when the file says it
    year: int | None = None  # the plan year deadlines resolve against
    preamble: str = ""  # intro paragraphs between the title and the first section
    # Lines before the plan's title: a cover notice (关于印发…的通知, 各区市教育局：…)
    # and metadata lines ("- 发文编号:…"), kept as written.
    cover: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    outline: list[ParsedNode] = field(default_factory=list)
    # Text after the outline that is not part of it (a signature, a date line, 附件 notes).
    closing: list[str] = field(default_factory=list)
    numbered: bool = True  # False when no numbering was found and the outline is flat
    warnings: list[str] = field(default_factory=list)

    def nodes(self) -> Iterator[ParsedNode]:
        for node in self.outline:
            yield from node.walk()

    def tasks(self) -> Iterator[ParsedTask]:
        for node in self.nodes():
            yield from node.tasks

    def pieces(self) -> Iterator[str]:
        """All text of the plan in reading order; used to prove nothing was lost."""
        yield from self.cover
        if self.title_in_text:
            yield self.title
        yield self.preamble
        for node in self.outline:
            yield from node.pieces()
        yield from self.closing

    def counts(self) -> PlanCounts:
        kinds = [n.kind for n in self.nodes()]
        tasks = list(self.tasks())
        return PlanCounts(
            sections=kinds.count(SECTION),
            subsections=kinds.count(SUBSECTION),
            items=kinds.count(ITEM),
            tasks=len(tasks),
            suggested_units=sum(1 for t in tasks if t.suggested_lead or t.suggested_cooperating),
            suggested_deadlines=sum(1 for t in tasks if t.suggested_deadline),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "doc_number": self.doc_number,
            "issuer": self.issuer,
            "date": self.date,
            "preamble": self.preamble,
            "outline": [n.to_json() for n in self.outline],
            "year": self.year,
            "cover": list(self.cover),
            "metadata": dict(self.metadata),
            "closing": list(self.closing),
            "counts": self.counts().to_json(),
            "warnings": list(self.warnings),
        }


def _visible(text: str) -> str:
    return "".join(text.split())


def unaccounted_text(source_lines: list[str], plan: ParsedPlan) -> tuple[str, str]:
    """Characters of the source missing from the plan, and characters the plan added.

    Whitespace is ignored. Both strings are empty when every character of the source
    landed in exactly one place — the "nothing lost" promise of the importer.
    """
    from collections import Counter

    source = Counter(_visible("".join(source_lines)))
    parsed = Counter(_visible("".join(plan.pieces())))
    missing = source - parsed
    added = parsed - source
    return "".join(missing.elements()), "".join(added.elements())
