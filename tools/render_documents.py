"""Write the four documents of a realistic office, to read them page by page.

    python tools/render_documents.py OUTDIR [--traditional] [--with-task-list]

Builds the office of ``tests/office_scenario.py`` (15 departments, the sample plan
imported with --simplified, six sections with six leads, 25 reports in 2020年第二季度)
in a temporary database and exports, as of 2020-07-10 and dated 2020-07-13: the 任务分解表,
the 通报 (``--with-task-list``: with its 附件), the 反馈表 and the 催办通知 of every
department. ``--traditional`` imports the plan as published, without converting it. Render
the files to PNG pages with LibreOffice (``soffice --convert-to pdf`` then ``pdftoppm``) to
look at them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--traditional", action="store_true", help="do not convert the plan")
    parser.add_argument("--with-task-list", action="store_true", help="the 通报 with its 附件")
    parser.add_argument("--issued", default="2020-07-13", help="成文日期 (default 2020-07-13)")
    args = parser.parse_args()

    from cli import main as cli
    from tests.office_scenario import AS_OF, PERIOD, build_office

    out: Path = args.outdir
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(build_office(Path(tmp) / "office.sqlite3", simplified=not args.traditional))
        common = ["--db", db, "--period", PERIOD, "--as-of", AS_OF.isoformat()]
        common += ["--date", args.issued]
        attachment = ["--with-task-list"] if args.with_task_list else []
        exports = [
            ["export", "decomposition", "-o", str(out / "decomposition.docx")],
            ["export", "report", "-o", str(out / "report.docx"), *attachment],
            ["export", "feedback-forms", "-o", str(out / "feedback")],
            ["export", "reminders", "-o", str(out / "reminders")],
        ]
        for command in exports:
            code = cli([*command, *common])
            if code:
                raise SystemExit(f"{command[:2]}: exit {code}")


if __name__ == "__main__":
    main()
