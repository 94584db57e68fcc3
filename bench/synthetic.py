"""Deterministic synthetic plans at any size, built from the sample's own sentences."""

from __future__ import annotations

import random
from pathlib import Path

from domain.labels import int_to_zh
from domain.parser import parse_file
from domain.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data" / "qingdao-2020-education-workplan.txt"
DEADLINES = ["6月底前", "年底前", "三季度", "全年", "长期坚持", "10月底前", "上半年", "9月底前"]


def sample_sentences() -> tuple[list[str], list[str], list[str]]:
    """(section titles, item titles, task sentences) of the sample plan."""
    plan, _ = parse_file(SAMPLE)
    sections = [n.title for n in plan.outline]
    items = [c.title for n in plan.outline for c in n.children if c.title]
    tasks = [t.text for t in plan.tasks()]
    return sections, items, tasks


def plan_text(task_count: int, *, seed: int = 2020, tasks_per_item: int = 10) -> str:
    """A plan of exactly ``task_count`` tasks in the sample's shape (一、 / 1. / sentences).

    Item numbers restart in each section so labels stay short at any size.
    """
    rng = random.Random(seed)
    sections, items, tasks = sample_sentences()
    # Only sentences that stay one task when parsed again, so the count is exact.
    tasks = [t for t in tasks if len(split_sentences(t)) == 1 and t.endswith("。")]
    section_count = max(1, min(50, task_count // (tasks_per_item * 4) or 1))
    per_section = -(-task_count // section_count)
    lines = [f"2020年全市教育工作要点（测试{task_count}）", "2020年是全面建成小康社会的决胜之年。"]
    made = 0
    for section_no in range(1, section_count + 1):
        lines.append(f"{int_to_zh(section_no)}、{sections[(section_no - 1) % len(sections)]}")
        in_section = min(per_section, task_count - made)
        item_no = 0
        while in_section > 0:
            item_no += 1
            n = min(tasks_per_item, in_section)
            body = "".join(rng.choice(tasks) for _ in range(n))
            lines.append(f"{item_no}.{rng.choice(items)}{body}")
            made += n
            in_section -= n
    return "\n".join(lines) + "\n"


def write_plan(path: Path, task_count: int, *, seed: int = 2020) -> Path:
    path.write_text(plan_text(task_count, seed=seed), encoding="utf-8")
    return path
