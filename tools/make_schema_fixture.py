"""Save a database of the current schema version as a test fixture.

    python tools/make_schema_fixture.py

Run it BEFORE adding a migration: it writes ``tests/fixtures/schema/<last step>.sqlite3``
(a small office database: the sample plan, departments, assignments, periods, progress and
their audit rows) and ``<last step>.json`` (what it holds). ``tests/test_schema_versions.py``
opens every fixture with the current code and checks that it is upgraded, backed up first,
and that nothing in it is lost — and fails when the newest step has no fixture yet.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIXTURES = ROOT / "tests" / "fixtures" / "schema"
TABLES = (
    "plans", "outline_nodes", "tasks", "departments", "leaders", "assignments", "deadlines",
    "reporting_periods", "progress_entries", "settings", "audit_log", "original_texts",
)  # fmt: skip


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES if t in names
        }
    finally:
        conn.close()


def build(target: Path) -> None:
    from cli import main

    db = str(target)
    steps = [
        ["--demo", "plans"],
        ["assign", "--section", "一", "--lead", "组干处", "--with", "宣教处",
         "--deadline", "6月底前"],
        ["assign", "--section", "二", "--lead", "基教处", "--leader", "李明",
         "--deadline", "年底前", "--person", "王伟"],
        ["simplify"],
        ["settings", "set", "office.name", "青岛市教育局办公室"],
        ["periods", "year", "2020", "--quarterly"],
        ["progress", "1-1", "--period", "2020年第一季度", "--status", "序时推进", "--percent", "25",
         "--progress", "已召开推进会"],
        ["progress", "1-2", "--period", "2020年第二季度", "--status", "滞后", "--percent", "30",
         "--problems", "经费不足"],
    ]  # fmt: skip
    for args in steps:
        code = main(["--db", db, *args])
        if code:
            raise SystemExit(f"{args}: exit {code}")


def main() -> None:
    from db.migrations import MIGRATION_NAMES

    name = MIGRATION_NAMES[-1]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "office.sqlite3"
        build(work)
        conn = sqlite3.connect(work)
        conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        conn.execute("VACUUM")
        conn.close()
        FIXTURES.mkdir(parents=True, exist_ok=True)
        target = FIXTURES / f"{name}.sqlite3"
        target.write_bytes(work.read_bytes())
    manifest = {"schema": MIGRATION_NAMES, "counts": counts(target)}
    (FIXTURES / f"{name}.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(target)


if __name__ == "__main__":
    main()
