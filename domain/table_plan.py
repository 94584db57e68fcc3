"""An existing 任务分解表 (.xlsx or .docx) read as a plan whose tasks carry assignments.

The table is found by its header row: a column of tasks (工作任务, 重点任务, 具体任务,
子项目名称, 具体措施 …) beside at least one of lead (牵头单位/牵头处室/负责处室/责任单位),
cooperating (配合单位/配合处室), deadline (完成时限/完成时间) or leader (分管领导). The
column of each role is found by its header's name, never by its place, so Duban's own
decomposition export (.docx and .xlsx) and tables from any office read alike. The mapping
can be corrected by the clerk (``TableMapping``) before the plan is built.

What the rows become:
* a row whose one text spans the row (or stands alone in it) and names no task is a
  section ("一、加强党的领导") — group rows;
* an item column (项目, 重点工作 … often merged over the rows of its tasks) gives the items;
  without one, task numbers such as "4-2" (item 4, task 2) do;
* every other row with a task is a task, with the units, deadline and leader of its row;
* rows above the header and paragraphs above the table give the title, 文号, issuer, date.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from domain import header as hdr
from domain.errors import PlanInputError
from domain.labels import match_label
from domain.outline import ITEM, SECTION, ParsedNode, ParsedPlan, ParsedTask
from domain.suggestions import split_units
from domain.table_grid import Cell, Grid, read_docx_grids, read_xlsx_grids

NUMBER, ITEM_TITLE, TASK, LEAD, COOPERATING, DEADLINE, LEADER, PERSON = (
    "number",
    "item",
    "task",
    "lead",
    "cooperating",
    "deadline",
    "leader",
    "person",
)
ROLES = (NUMBER, ITEM_TITLE, TASK, LEAD, COOPERATING, DEADLINE, LEADER, PERSON)
# Header names for each role, the most specific first. A header matches a name exactly or,
# failing that, contains it.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    NUMBER: ("序号", "编号", "序列号", "任务编号"),
    TASK: (
        "工作任务", "重点任务", "具体任务", "子项目名称", "具体措施", "任务内容", "工作内容",
        "目标任务", "主要任务", "重点工作任务", "具体工作", "目标与任务", "工作措施",
        "任务分解", "具体事项", "任务",
    ),
    ITEM_TITLE: (
        "项目名称", "工作项目", "重点工作", "重点项目", "工作类别", "类别", "工作领域",
        "领域", "任务类别", "重点领域", "主要工作", "事项", "项目", "工作要点",
    ),
    LEAD: (
        "牵头单位", "牵头处室", "牵头科室", "牵头部门", "牵头责任单位", "主要责任单位",
        "主责单位", "主责部门", "负责处室", "负责单位", "负责部门", "负责科室", "责任处室",
        "责任科室", "责任部门", "责任单位",
    ),
    COOPERATING: (
        "配合单位", "配合处室", "配合科室", "配合部门", "协同配合单位", "协同单位",
        "协办单位", "参与单位", "配合",
    ),
    DEADLINE: (
        "完成时限", "完成时间", "时间节点", "完成期限", "时限要求", "办结时限", "时间要求", "时限",
    ),
    LEADER: (
        "分管领导", "责任领导", "分管局领导", "牵头领导", "分管县领导", "分管市领导", "联系领导",
        "局领导",
    ),
    PERSON: ("责任人", "具体责任人", "联系人", "经办人"),
}  # fmt: skip
_HEADER_ROWS_SEARCHED = 15
_CODE = re.compile(r"^\s*(\d{1,3})\s*[-－—–.．、]\s*(\d{1,3})\s*$")


def _norm(text: str) -> str:
    """A header's comparison form: Simplified, no spaces, no line breaks, no brackets' notes."""
    from domain.names import to_simplified

    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[（(][^）)]*[）)]", "", text)
    return to_simplified("".join(text.split()))


def role_of(header: str) -> str | None:
    """The role a column header names, if any."""
    key = _norm(header)
    if not key:
        return None
    for exact in (True, False):
        for role, names in HEADER_NAMES.items():
            for name in names:
                if (key == name) if exact else (name in key and len(key) <= len(name) + 6):
                    return role
    return None


@dataclass
class TableMapping:
    """Which column holds what: role → column index (0-based)."""

    columns: dict[str, int] = field(default_factory=dict)

    def get(self, role: str) -> int | None:
        return self.columns.get(role)

    def with_role(self, role: str, column: int | None) -> TableMapping:
        """This mapping with ``role`` moved to ``column`` (None: the role has no column);
        a role that held that column loses it."""
        columns = {r: c for r, c in self.columns.items() if r != role and c != column}
        if column is not None:
            columns[role] = column
        return TableMapping(columns)


@dataclass
class TaskTable:
    """A recognised decomposition table, before it becomes a plan."""

    path: Path
    grid: Grid
    header_row: int
    headers: list[str]
    mapping: TableMapping
    above: list[str]  # title rows above the header, and paragraphs above the table

    @property
    def width(self) -> int:
        return len(self.headers)

    def to_plan(self, mapping: TableMapping | None = None) -> ParsedPlan:
        return build_plan(self, mapping or self.mapping)


def find_header(grid: Grid) -> tuple[int, TableMapping] | None:
    """The header row of a task table: a task column and one of lead, cooperating,
    deadline or leader; a 责任单位 beside a 牵头 column is the cooperating units."""
    for index, row in enumerate(grid.rows[:_HEADER_ROWS_SEARCHED]):
        columns: dict[str, int] = {}
        responsible: int | None = None
        for column, cell in enumerate(row):
            if cell.across:
                continue
            role = role_of(cell.text)
            if role is None:
                continue
            if role == LEAD and _norm(cell.text) == "责任单位":
                responsible = column
                continue
            columns.setdefault(role, column)
        if responsible is not None:
            columns.setdefault(COOPERATING if LEAD in columns else LEAD, responsible)
        if TASK not in columns and ITEM_TITLE in columns and (LEAD in columns):
            # "重点工作 | 牵头单位 …": the only text column holds the tasks.
            columns[TASK] = columns.pop(ITEM_TITLE)
        if TASK in columns and columns.keys() & {LEAD, COOPERATING, DEADLINE, LEADER}:
            return index, TableMapping(columns)
    return None


def read_task_table(path: str | Path) -> TaskTable | None:
    """The task table in an .xlsx or .docx file, or None when it holds none."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        grids = read_xlsx_grids(path)
    elif path.suffix.lower() == ".docx":
        grids = read_docx_grids(path)
    else:
        return None
    best: TaskTable | None = None
    for grid in grids:
        found = find_header(grid)
        if found is None:
            continue
        row, mapping = found
        headers = [c.text for c in grid.rows[row]]
        if any(_norm(h) == "校验码" for h in headers):
            raise PlanInputError(
                path,
                "This is a progress feedback form exported by Duban, not a task table. Read it "
                "back instead (Progress → Read back feedback forms; command line: readback).",
                code="feedback_form",
            )
        above = [*grid.before, *_above_texts(grid.rows[:row])]
        table = TaskTable(path, grid, row, headers, mapping, above)
        if best is None or len(grid.rows) > len(best.grid.rows):
            best = table
    return best


def _above_texts(rows: list[list[Cell]]) -> list[str]:
    out = []
    for row in rows:
        texts = list(dict.fromkeys(c.text for c in row if c.text))
        out.extend(texts)
    return out


def _names(text: str) -> list[str]:
    return split_units(" ".join(text.split()))


def _one_line(text: str) -> str:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    out = ""
    for line in lines:
        ascii_gap = out and out[-1].isascii() and out[-1].isalnum() and line[0].isascii()
        out += (" " if ascii_gap else "") + line
    return out


def _is_group_row(row: list[Cell], mapping: TableMapping) -> str | None:
    """The text of a section row: one text that spans the row, or that stands alone outside
    the task column, or that opens with a section label ("一、", "第一部分")."""
    texts = list(dict.fromkeys(c.text for c in row if c.text and not (c.covered and not c.across)))
    if len(texts) != 1:
        return None
    text = texts[0]
    if any(c.across for c in row):
        return text
    task_col = mapping.get(TASK)
    in_task_column = task_col is not None and row[task_col].text == text
    if not in_task_column:
        return (
            text if mapping.get(NUMBER) is None or row[mapping.get(NUMBER)].text != text else None
        )
    label = match_label(text)
    return text if label is not None and label.kind == SECTION else None


def build_plan(table: TaskTable, mapping: TableMapping) -> ParsedPlan:
    """The plan a task table holds, its tasks carrying the assignments of their rows."""
    header = hdr.split_header(table.above)
    plan = ParsedPlan(
        title=header.title or header.derived_title or table.path.stem,
        title_in_text=False,
        doc_number=header.doc_number,
        issuer=header.issuer,
        date=header.date,
        cover=list(table.above),
        metadata=header.metadata,
    )
    rows = table.grid.rows[table.header_row + 1 :]
    header_key = [_norm(c.text) for c in table.grid.rows[table.header_row]]
    section: ParsedNode | None = None
    item: ParsedNode | None = None
    item_key: tuple[str, int] | None = None
    items_seen = 0
    task_col = mapping.get(TASK)
    if task_col is None:
        raise PlanInputError(
            table.path, "No column of the table is marked as the tasks.", code="no_rows"
        )
    for offset, row in enumerate(rows):
        line = table.header_row + offset + 2  # 1-based row number in the sheet or table
        if [_norm(c.text) for c in row] == header_key:
            continue  # the header repeated
        group = _is_group_row(row, mapping)
        if group is not None:
            m = match_label(group)
            section = ParsedNode(
                SECTION,
                m.label if m else "",
                m.number if m else None,
                title=group[len(m.label) :].strip() if m else group,
                line=line,
            )
            plan.outline.append(section)
            item, item_key = None, None
            continue
        text = _one_line(row[task_col].text) if task_col < len(row) else ""
        if not text or (row[task_col].covered and row[task_col].across):
            continue
        item_col = mapping.get(ITEM_TITLE)
        number_col = mapping.get(NUMBER)
        code = _CODE.match(row[number_col].text) if number_col is not None else None
        if item_col is not None and row[item_col].text:
            # The same title goes on over the rows of its tasks, merged or written again.
            title = _one_line(row[item_col].text)
            key = (title, -1)
            new_item = item is None or item_key != key
            number = None
        elif code is not None:
            number = int(code.group(1))
            title = ""
            key = ("", number)
            new_item = item is None or item_key != key
        else:
            number = None
            title = ""
            key = ("", -2 - offset)  # each row an item of its own
            new_item = True
        if new_item:
            items_seen += 1
            m = match_label(title) if title else None
            label_number = m.number if m else (number or items_seen)
            label = m.label if m else f"{label_number}."
            item = ParsedNode(
                ITEM,
                label,
                label_number,
                title=title[len(m.label) :].strip() if m else title,
                line=line,
            )
            item_key = key
            if section is None:
                plan.outline.append(item)
            else:
                section.children.append(item)
        assert item is not None
        item.tasks.append(_task(row, mapping, text))
        person_col = mapping.get(PERSON)
        if person_col is not None and row[person_col].text:
            note = f"责任人：{_one_line(row[person_col].text)}"
            if note not in item.notes:
                item.notes.append(note)
    plan.year = hdr.plan_year(plan.title, plan.doc_number, plan.date)
    if not any(True for _ in plan.tasks()):
        raise PlanInputError(
            table.path,
            "The table has a header row but no task rows under it.",
            code="no_rows",
        )
    return plan


def _task(row: list[Cell], mapping: TableMapping, text: str) -> ParsedTask:
    def cell(role: str) -> str:
        column = mapping.get(role)
        return _one_line(row[column].text) if column is not None and column < len(row) else ""

    leads = _names(cell(LEAD))
    cooperating = [n for n in _names(cell(COOPERATING)) if n not in leads[:1]]
    leaders = _names(cell(LEADER))
    return ParsedTask(
        text,
        suggested_lead=leads[0] if leads else "",
        suggested_cooperating=tuple(dict.fromkeys([*leads[1:], *cooperating])),
        suggested_deadline=cell(DEADLINE),
        suggested_leader=leaders[0] if leaders else "",
    )


def describe_mapping(table: TaskTable, mapping: TableMapping | None = None) -> list[str]:
    """ "工作任务 → task" lines, for the command line."""
    mapping = mapping or table.mapping
    out = []
    for role in ROLES:
        column = mapping.get(role)
        if column is not None:
            out.append(f"{table.headers[column] or f'column {column + 1}'} → {role}")
    return out
