"""A real-style 任务分解表 of 93 tasks, written as .xlsx and as .docx with the item column
merged over the rows of its tasks, a title row, a header row and a row per section.

The tasks are the sample plan's own sentences (in Simplified characters), assigned the way
an office assigns them; ``ROWS`` is what an import must give back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from domain.names import to_simplified
from domain.parser import parse_file

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "qingdao-2020-education-workplan.txt"
TITLE = "2020年全市教育工作要点任务分解表"
HEADERS = ["序号", "重点工作", "具体任务", "牵头处室", "配合处室", "完成时限", "分管领导"]
DEPARTMENTS = [
    "组织干部处", "基础教育处", "职业与成人教育处", "教师工作处", "体育卫生与艺术教育处",
    "安全稳定处", "财务处", "办公室", "政策法规处", "教育督导室",
]  # fmt: skip
DEADLINES = ["6月底前", "年底前", "全年", "长期坚持", "寒假前", "三季度", "9月底前", "上半年"]
LEADERS = ["李明", "王芳", "张伟"]
TASK_COUNT = 93


@dataclass(frozen=True)
class Row:
    section: str  # "一、加强党的领导，提升教育治理水平"
    item: str  # "1.深入学习贯彻党的十九届四中全会精神"
    task: str
    lead: str
    cooperating: tuple[str, ...]
    deadline: str
    leader: str


def rows() -> list[Row]:
    plan, _source = parse_file(SAMPLE)
    out: list[Row] = []
    n = 0
    for section in plan.outline:
        for item in section.children:
            for task in item.tasks:
                if n == TASK_COUNT:
                    return out
                lead = DEPARTMENTS[n % len(DEPARTMENTS)]
                coop = tuple(
                    d for d in (DEPARTMENTS[(n + 3) % 10], DEPARTMENTS[(n + 7) % 10])[: n % 3]
                )
                out.append(
                    Row(
                        to_simplified(f"{section.label}{section.title}"),
                        to_simplified(f"{item.label}{item.title}".rstrip("。")),
                        to_simplified(task.text),
                        lead,
                        coop,
                        DEADLINES[n % len(DEADLINES)],
                        LEADERS[n % len(LEADERS)],
                    )
                )
                n += 1
    return out


def _cells(index: int, row: Row) -> list[str]:
    return [
        str(index),
        row.item,
        row.task,
        row.lead,
        "、".join(row.cooperating),
        row.deadline,
        row.leader,
    ]


def write_xlsx(path: Path) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "任务分解表"
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet.append(HEADERS)
    section = item = None
    item_start: int | None = None

    def close_item(last: int) -> None:
        if item_start is not None and last > item_start:
            sheet.merge_cells(start_row=item_start, start_column=2, end_row=last, end_column=2)

    for index, row in enumerate(rows(), start=1):
        if row.section != section:
            close_item(sheet.max_row)
            item_start, item = None, None
            section = row.section
            sheet.append([row.section])
            r = sheet.max_row
            sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(HEADERS))
        cells: list[str | None] = list(_cells(index, row))
        if row.item == item:
            cells[1] = None  # inside the merge: Excel keeps only the first cell's value
        else:
            close_item(sheet.max_row)
            item, item_start = row.item, sheet.max_row + 1
        sheet.append(cells)
    close_item(sheet.max_row)
    workbook.save(path)
    return path


def write_docx(path: Path) -> Path:
    from docx import Document

    document = Document()
    document.add_paragraph(TITLE)
    all_rows = rows()
    sections = len({r.section for r in all_rows})
    table = document.add_table(rows=1 + len(all_rows) + sections, cols=len(HEADERS))
    for c, text in enumerate(HEADERS):
        table.cell(0, c).text = text
    r = 1
    section = item = None
    item_start = None
    for index, row in enumerate(all_rows, start=1):
        if row.section != section:
            if item_start is not None and r - 1 > item_start:
                table.cell(item_start, 1).merge(table.cell(r - 1, 1))
            item_start, item = None, None
            section = row.section
            merged = table.cell(r, 0).merge(table.cell(r, len(HEADERS) - 1))
            merged.text = row.section
            r += 1
        cells = _cells(index, row)
        for c, text in enumerate(cells):
            if c == 1 and row.item == item:
                continue
            table.cell(r, c).text = text
        if row.item != item:
            if item_start is not None and r - 1 > item_start:
                table.cell(item_start, 1).merge(table.cell(r - 1, 1))
            item, item_start = row.item, r
        r += 1
    if item_start is not None and r - 1 > item_start:
        table.cell(item_start, 1).merge(table.cell(r - 1, 1))
    document.save(path)
    return path
