"""Score the parser against hand-counted real plans.

Each plan is ``NAME.txt`` (the text as published or copied) beside ``NAME.expected.json``
(the hand counts: header fields, the outline with labels, titles and task counts, and for
every task a note names units, the lead that should be suggested and the habit of the note).

Outline score of one plan = mean of
  * sections right — F1 of the top-level labels found against the expected ones,
  * items right    — F1 of the deeper nodes, each keyed by its path of labels (一/（二）/3.),
  * titles found   — share of expected non-empty titles found on the node at the same path;
the corpus score is the mean over plans (1.00 is perfect).

Lead suggestion accuracy per habit = tasks whose suggested lead is the expected unit
(compared by ``name_key``: Simplified, no spaces) / tasks the hand counts give that node.
A node the parser did not find counts all its tasks as wrong.

Usage: python -m tests.corpus.score [FOLDER ...] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from domain.names import name_key
from domain.outline import ParsedNode, ParsedPlan
from domain.parser import parse_file

HERE = Path(__file__).resolve().parent
PLANS = HERE / "plans"
HEADER_FIELDS = ("title", "doc_number", "issuer", "date")
_TRAILING = "。．.；;：:，, \u3000"


def norm_label(label: str) -> str:
    return "".join(unicodedata.normalize("NFKC", label).split()).rstrip("、.．,")


def norm_text(text: str | None) -> str:
    if not text:
        return ""
    return "".join(unicodedata.normalize("NFKC", text).split()).rstrip(_TRAILING)


def _accepted(expected: Any) -> list[Any]:
    return expected if isinstance(expected, list) else [expected]


def _f1(expected: Counter[tuple[str, ...]], found: Counter[tuple[str, ...]]) -> float:
    if not expected and not found:
        return 1.0
    hit = sum((expected & found).values())
    if not hit:
        return 0.0
    precision = hit / sum(found.values())
    recall = hit / sum(expected.values())
    return 2 * precision * recall / (precision + recall)


def _walk_expected(nodes: list[dict[str, Any]], path: tuple[str, ...] = ()):
    for node in nodes:
        here = (*path, norm_label(node["label"]))
        yield here, node
        yield from _walk_expected(node.get("children", []), here)


def _walk_parsed(nodes: list[ParsedNode], path: tuple[str, ...] = ()):
    for node in nodes:
        here = (*path, norm_label(node.label))
        yield here, node
        yield from _walk_parsed(node.children, here)


@dataclass
class HabitTally:
    right: int = 0
    total: int = 0

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class PlanScore:
    name: str
    sections: float
    items: float
    titles: float | None
    header: dict[str, bool]
    habits: dict[str, HabitTally] = field(default_factory=dict)
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # expected, found
    misses: list[str] = field(default_factory=list)

    @property
    def outline(self) -> float:
        parts = [self.sections, self.items] + ([self.titles] if self.titles is not None else [])
        return sum(parts) / len(parts)


def score_plan(txt: Path) -> PlanScore:
    expected = json.loads(txt.with_suffix(".expected.json").read_text(encoding="utf-8"))
    plan, _source = parse_file(txt)
    return compare(txt.stem, expected, plan)


def compare(name: str, expected: dict[str, Any], plan: ParsedPlan) -> PlanScore:
    exp_nodes = dict(_walk_expected(expected["outline"]))
    found_nodes: dict[tuple[str, ...], ParsedNode] = {}
    for path, node in _walk_parsed(plan.outline):
        found_nodes.setdefault(path, node)
    exp_top = Counter(p for p in exp_nodes if len(p) == 1)
    found_top = Counter(p for p, _ in _walk_parsed(plan.outline) if len(p) == 1)
    exp_deep = Counter(p for p in exp_nodes if len(p) > 1)
    found_deep = Counter(p for p, _ in _walk_parsed(plan.outline) if len(p) > 1)
    misses: list[str] = []
    titled = [(p, n) for p, n in exp_nodes.items() if n.get("title")]
    right_titles = 0
    for path, node in titled:
        got = found_nodes.get(path)
        if got is not None and norm_text(got.title) == norm_text(node["title"]):
            right_titles += 1
        else:
            misses.append(
                f"title {'/'.join(path)}: expected {node['title']!r}, "
                f"found {got.title if got else '(no node)'!r}"
            )
    for path in sorted(set(exp_nodes) - set(found_nodes)):
        misses.append(f"node {'/'.join(path)} not found")
    for path in sorted(set(found_nodes) - set(exp_nodes)):
        misses.append(f"extra node {'/'.join(path)}")
    header = {}
    for key in HEADER_FIELDS:
        got = getattr(plan, key)
        ok_values = _accepted(expected.get(key, ""))
        if key == "date":
            header[key] = got in ok_values
        else:
            header[key] = norm_text(got) in {norm_text(v) for v in ok_values}
        if not header[key]:
            misses.append(f"header {key}: expected {ok_values!r}, found {got!r}")
    habits: dict[str, HabitTally] = {}
    for path, node in exp_nodes.items():
        if "lead" not in node:
            continue
        tally = habits.setdefault(node.get("habit") or "other", HabitTally())
        tally.total += node["tasks"]
        got = found_nodes.get(path)
        if got is None:
            continue
        want = name_key(node["lead"])
        right = sum(1 for t in got.tasks if name_key(t.suggested_lead) == want)
        tally.right += min(right, node["tasks"])
        if right < node["tasks"]:
            leads = sorted({t.suggested_lead for t in got.tasks})
            misses.append(f"lead {'/'.join(path)}: expected {node['lead']!r}, found {leads!r}")
    tasks_expected = sum(n.get("tasks", 0) for n in exp_nodes.values())
    counts = {
        "top-level": (len(exp_top), sum(found_top.values())),
        "deeper": (len(exp_deep), sum(found_deep.values())),
        "tasks": (tasks_expected, sum(1 for _ in plan.tasks())),
    }
    return PlanScore(
        name,
        _f1(exp_top, found_top),
        _f1(exp_deep, found_deep),
        right_titles / len(titled) if titled else None,
        header,
        habits,
        counts,
        misses,
    )


@dataclass
class CorpusScore:
    plans: list[PlanScore]

    @property
    def outline(self) -> float:
        return sum(p.outline for p in self.plans) / len(self.plans) if self.plans else 0.0

    def habits(self) -> dict[str, HabitTally]:
        out: dict[str, HabitTally] = {}
        for plan in self.plans:
            for habit, tally in plan.habits.items():
                total = out.setdefault(habit, HabitTally())
                total.right += tally.right
                total.total += tally.total
        return dict(sorted(out.items()))

    def header(self) -> dict[str, float]:
        return {
            key: sum(p.header[key] for p in self.plans) / len(self.plans) if self.plans else 0.0
            for key in HEADER_FIELDS
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "plans": len(self.plans),
            "outline": round(self.outline, 3),
            "header": {k: round(v, 3) for k, v in self.header().items()},
            "lead_by_habit": {
                h: {"right": t.right, "tasks": t.total, "share": round(t.share, 3)}
                for h, t in self.habits().items()
            },
            "per_plan": {
                p.name: {
                    "outline": round(p.outline, 3),
                    "sections": round(p.sections, 3),
                    "items": round(p.items, 3),
                    "titles": None if p.titles is None else round(p.titles, 3),
                    "header": p.header,
                    "counts": p.counts,
                    "misses": p.misses,
                }
                for p in self.plans
            },
        }


def score_folder(*folders: Path) -> CorpusScore:
    plans = []
    for folder in folders:
        for txt in sorted(Path(folder).glob("*.txt")):
            plans.append(score_plan(txt))
    return CorpusScore(plans)


def report(score: CorpusScore) -> str:
    lines = [f"{'plan':32} outline sections items titles  header(t/n/i/d)"]
    for p in score.plans:
        head = "".join("✓" if p.header[k] else "·" for k in HEADER_FIELDS)
        titles = "  -  " if p.titles is None else f"{p.titles:5.2f}"
        lines.append(
            f"{p.name:32} {p.outline:7.2f} {p.sections:8.2f} {p.items:5.2f} {titles}  {head}"
        )
    lines.append(f"\noutline score: {score.outline:.2f} over {len(score.plans)} plans")
    header = ", ".join(f"{k} {v:.0%}" for k, v in score.header().items())
    lines.append(f"header fields right: {header}")
    for habit, tally in score.habits().items():
        lines.append(f"lead right, {habit:16} {tally.right:4}/{tally.total:<4} {tally.share:6.1%}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[PLANS])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--misses", action="store_true", help="list what was not right")
    args = parser.parse_args(argv)
    score = score_folder(*args.folders)
    if args.json:
        print(json.dumps(score.to_json(), ensure_ascii=False, indent=1))
        return 0
    print(report(score))
    if args.misses:
        for plan in score.plans:
            for miss in plan.misses:
                print(f"{plan.name}: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
