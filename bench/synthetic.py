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


# -- databases -----------------------------------------------------------------------------

STATUSES = ["on_track"] * 6 + ["behind"] * 2 + ["not_started", "postponed", "done"]
PHRASES = ["3月底前", "6月底前", "年底前", "三季度", "全年", "长期坚持", "10月底前", "上半年"]
PROGRESS = "按照序时进度推进各项工作，已完成阶段性目标，下一步继续加强统筹协调。" * 2
DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def _percent(rng: random.Random, status: str, month: int) -> int | None:
    if status == "done":
        return 100
    if status in ("not_started", "postponed"):
        return None
    return max(0, min(100, month * 100 // 12 + rng.randint(-20, 10)))


def build_database(
    path: Path, tasks: int, *, plans: int = 1, periods: bool = True, seed: int = 7
) -> dict[str, int]:
    """A database of ``plans`` plans of ``tasks`` tasks each, imported from synthetic plan
    text, led by 25 departments with deadline phrases, and (``periods``) 12 monthly periods
    mostly reported — 50,000 tasks and two plans make about 1,000,000 progress entries.
    Returns {"plan_id": the first plan, "tasks": …, "entries": …}."""
    from db.assignments import assign
    from db.audit import set_audit_context
    from db.connection import open_database
    from db.departments import add_departments
    from db.imports import import_plan
    from db.progress import add_period
    from db.tasks import TaskFilter, list_tasks

    db = open_database(path)
    set_audit_context(db, "bench", "bench")
    departments = [d.id for d in add_departments(db, [f"第{i}处" for i in range(1, 26)])]
    rng = random.Random(seed)
    plan_ids = []
    for number, share in list(zip((2020, 2019, 2018), (0.92, 0.75, 0.6), strict=True))[:plans]:
        source = write_plan(path.parent / f"{path.stem}-plan{number}.txt", tasks, seed=number)
        plan_id = import_plan(db, source).plan_id
        plan_ids.append(plan_id)
        ids = [t.id for t in list_tasks(db, TaskFilter(plan_id=plan_id))]
        groups: dict[tuple, list[int]] = {}
        for task in ids:
            lead = rng.choice(departments) if rng.random() < 0.97 else None
            groups.setdefault((lead, rng.choice(PHRASES)), []).append(task)
        for (lead, phrase), members in groups.items():
            assign(db, members, lead=lead, deadline=phrase)
        if not periods:
            continue
        period_ids = [add_period(db, plan_id, f"2020年{m}月", f"2020-{m:02d}-01",
                                 f"2020-{m:02d}-{DAYS[m - 1]}", kind="month").id
                      for m in range(1, 13)]  # fmt: skip
        rows, done = [], set()
        for month, period in enumerate(period_ids, start=1):
            for task in ids:
                if rng.random() > share:
                    continue
                status = "done" if task in done else rng.choice(STATUSES)
                if status == "done":
                    done.add(task)
                rows.append((task, period, status, _percent(rng, status, month), PROGRESS))
        with db.atomic():
            db.conn.executemany(
                "INSERT INTO progress_entries (task_id, period_id, status, percent, progress,"
                " source, updated_at) VALUES (?, ?, ?, ?, ?, 'bench', '2020-12-31T00:00:00')",
                rows,
            )
    entries = db.execute("SELECT count(*) FROM progress_entries").fetchone()[0]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return {"plan_id": plan_ids[0], "tasks": tasks, "entries": entries}
