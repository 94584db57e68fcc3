"""Turning the text of a 工作要点 into sections, items and tasks.

The parser reads paragraphs in order and keeps, for every label kind, the number it
expects next. A paragraph that starts with a label opens a node; one that does not
continues the node before it. Whether "3." is a label or just a number is decided by
the local shape (labels.py) and by the sequence: labels count up by one, restart at
1 under a new parent, or continue the plan-wide item count.

When a file lost its line breaks (a whole plan on one line), labels are also looked
for inside paragraphs — only where the sequence expects them, after the end of a
sentence or right after a heading. Both readings are tried and the one that finds
more structure wins.

Nothing is lost: every character of the input ends in exactly one place of the
result (cover, title, preamble, a node's label / title / tasks / notes, closing),
which ``ParsedPlan.pieces()`` lets the tests prove.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from domain import header as hdr
from domain.labels import CIRCLED, LEVEL, ZH_NUMERAL, LabelMatch, match_label
from domain.node_text import (
    CLAUSE_MARKS,
    HEADING_MAX_CHARS,
    TITLE_MAX_CHARS,
    WHITESPACE,
    WRAPPED_LINE_MIN_CHARS,
    ends_with_title_word,
    fill_node,
    hoist_closing_notes,
    is_cjk,
    suggest_units,
)
from domain.outline import ITEM, SECTION, SUBITEM, SUBSECTION, ParsedNode, ParsedPlan, ParsedTask
from domain.sentences import TERMINATORS, split_sentences
from domain.suggestions import (
    UnitSuggestion,
    ends_with_note_field,
    find_units,
)
from domain.textsource import SourceText, clean_text, read_plan_file

_LABEL_START = set("0123456789０１２３４５６７８９（(第") | set(ZH_NUMERAL) | set(CIRCLED)
# Inside a paragraph a label may follow the end of a sentence, never a "；": "：1.…；2.…"
# is an enumeration within one item.
SENTENCE_ENDS = frozenset("。！？!?")
_CLOSING = re.compile(r"^(?:附件|抄送|印发|印發|（此件|\(此件|此件)")
# Characters before a number that make it a quantity, not a label: 第3, 约5, 共2 …
_QUANTITY_BEFORE = frozenset("第约約共计計达達超近逾余餘每至到和及或")


@dataclass
class _Para:
    text: str
    line: int


@dataclass
class _OpenNode:
    node: ParsedNode
    head: str
    paras: list[str] = field(default_factory=list)

    @property
    def level(self) -> int:
        return LEVEL[self.node.kind]


@dataclass
class _Sequence:
    """The numbers seen so far, to tell labels from numbers in the text."""

    last: dict[str, int] = field(default_factory=dict)  # within the current parent
    items_total: int = 0  # plans that number items 1..N across sections
    gaps: list[str] = field(default_factory=list)

    def expected(self, kind: str) -> set[int]:
        last = self.last.get(kind, 0)
        allowed = {last + 1}
        if last == 0:
            allowed.add(1)
        if kind == ITEM:
            allowed.add(self.items_total + 1)
        return allowed

    def accepts(self, m: LabelMatch, *, strict: bool) -> bool:
        if m.number in self.expected(m.kind):
            return True
        if strict or m.ambiguous:
            return False
        # At the start of a line, tolerate a small gap (a typo or a deleted item) and say so.
        base = max(self.last.get(m.kind, 0), self.items_total if m.kind == ITEM else 0)
        return base < m.number <= base + 3

    def record(self, m: LabelMatch, line: int) -> None:
        if m.number not in self.expected(m.kind):
            self.gaps.append(
                f"line {line}: {m.label.strip()} does not follow the numbering "
                f"before it (expected {min(self.expected(m.kind))})"
            )
        self.last[m.kind] = m.number
        for kind, level in LEVEL.items():
            if level > LEVEL[m.kind]:
                self.last[kind] = 0
        if m.kind == ITEM:
            self.items_total = m.number


def parse_file(path: str | Path) -> tuple[ParsedPlan, SourceText]:
    source = read_plan_file(path)
    plan = parse_lines(source.lines)
    plan.warnings[:0] = source.warnings
    return plan, source


def parse_text(text: str) -> ParsedPlan:
    cleaned, warnings = clean_text(text)
    plan = parse_lines(cleaned.split("\n"))
    plan.warnings[:0] = warnings
    return plan


def parse_lines(lines: Iterable[str]) -> ParsedPlan:
    paras = []
    for number, raw in enumerate(lines, start=1):
        text = raw.strip(WHITESPACE + "\r\n")
        if text:
            paras.append(_Para(text, number))
    wrapped = _looks_wrapped(paras)
    by_line = _Reader(paras, inline=False).read()
    # Labels inside lines are looked for in long lines, and in short files that may be a
    # plan copied without its breaks.
    if any(len(p.text) > 200 for p in paras) or (
        len(paras) <= 5 and any(len(p.text) > 60 for p in paras)
    ):
        by_text = _Reader(paras, inline=True).read()
        if by_text.labels > by_line.labels:
            return by_text.build(wrapped=wrapped)
    return by_line.build(wrapped=wrapped)


def _looks_wrapped(paras: list[_Para]) -> bool:
    """True for text copied out of a PDF, with a line break every few dozen characters."""
    long_lines = [
        p.text for p in paras if len(p.text) >= WRAPPED_LINE_MIN_CHARS and not match_label(p.text)
    ]
    cut = [t for t in long_lines if not hdr.ends_sentence(t) and t[-1] not in "：:"]
    return len(cut) >= 3 and len(cut) >= 0.3 * len(long_lines)


class _Reader:
    def __init__(self, paras: list[_Para], *, inline: bool) -> None:
        self.paras = paras
        self.inline = inline
        self.seq = _Sequence()
        self.header: list[str] = []
        self.roots: list[_OpenNode] = []
        self.stack: list[_OpenNode] = []
        self.all_nodes: list[_OpenNode] = []
        self.labels = 0

    # -- reading ---------------------------------------------------------------------------

    def read(self) -> _Reader:
        first = self._first_label_line()
        for index, para in enumerate(self.paras):
            if first is None or (index < first and not self.inline):
                self.header.append(para.text)
                continue
            self._read_paragraph(para)
        return self

    def _first_label_line(self) -> int | None:
        """Where the outline starts: the first line opening with a label numbered 1."""
        if self.inline:
            return 0
        starts = [
            i for i, p in enumerate(self.paras) if (m := match_label(p.text)) and m.number == 1
        ]
        if not starts:
            return next((i for i, p in enumerate(self.paras) if match_label(p.text)), None)
        # A cover notice may number its own points (一、各单位要高度重视… or 1.高度重视…);
        # the plan then starts after the notice, at its title line: one below the notice's
        # signature and date, or one whose outline opens a level above the notice's list.
        texts = [p.text for p in self.paras]
        for t in range(len(texts) - 1, starts[0], -1):
            if not hdr.is_title_line(texts[t]):
                continue
            after = [i for i in starts if i > t]
            if not after or any(match_label(x) for x in texts[t + 1 : after[0]]):
                continue
            dated = any(hdr.is_date_line(x) for x in texts[max(0, t - 3) : t])
            opens = match_label(texts[after[0]])
            before = [m for x in texts[starts[0] : t] if (m := match_label(x))]
            above = opens is not None and all(LEVEL[m.kind] > LEVEL[opens.kind] for m in before)
            if dated or above:
                return after[0]
        return starts[0]

    def _read_paragraph(self, para: _Para) -> None:
        text = para.text
        pos = 0
        while pos < len(text):
            m = match_label(text, pos) if pos == 0 or self.inline else None
            # A label inside the line was already judged by _next_inline_label.
            if m is not None and not (pos > 0 or self._accept(m, strict=False)):
                m = None
            if m is not None and pos > 0 and self._restarts(text, pos, m):
                self._restart()
            # Open the node first: the next label inside the paragraph is judged by the
            # sequence as it stands after this one.
            opened = self._open(m, para.line) if m is not None else None
            end = self._next_inline_label(text, pos + 1) if self.inline else len(text)
            segment = text[pos:end]
            if opened is not None and m is not None:
                opened.head = segment[len(m.label) :].strip(WHITESPACE)
            elif self.stack:
                self.stack[-1].paras.append(segment.strip(WHITESPACE))
            else:
                self.header.append(segment.strip(WHITESPACE))
            pos = end

    def _restarts(self, text: str, pos: int, m: LabelMatch) -> bool:
        """ "…通知如下:一、…二、…三、…分解方案一、…": the numbering starts again at 1 right
        after a title, so what was read so far was a cover notice's own list."""
        if m.number != 1 or m.kind not in (SECTION, ITEM) or not self.roots:
            return False
        top = self.roots[0].node.kind
        if top != m.kind or self.seq.last.get(m.kind, 0) < 2:
            return False
        return ends_with_title_word(text[:pos].rstrip(WHITESPACE))

    def _restart(self) -> None:
        """Everything read as outline so far goes back to the header, as it stood."""
        for open_node in self.all_nodes:
            self.header.append(f"{open_node.node.label}{open_node.head}".strip(WHITESPACE))
            self.header.extend(open_node.paras)
        self.roots, self.stack, self.all_nodes = [], [], []
        self.seq = _Sequence()
        self.labels = 0

    def _accept(self, m: LabelMatch, *, strict: bool) -> bool:
        if not self.stack and not self.roots and m.number != 1 and self.inline:
            return False
        return self.seq.accepts(m, strict=strict)

    def _next_inline_label(self, text: str, start: int) -> int:
        """Position of the next label inside ``text`` that the sequence expects, or the end.

        A label the sequence expects exactly is taken in any good context; after the end of
        a sentence (or of a note) a small gap is tolerated too, so that one label lost to an
        odd context never loses the labels after it."""
        for pos in range(start, len(text)):
            if text[pos] not in _LABEL_START:
                continue
            m = match_label(text, pos)
            if m is None:
                continue
            if self._restarts(text, pos, m):
                return pos
            if not self.seq.accepts(m, strict=False):
                continue
            if not self.stack and not self.roots and m.number != 1:
                continue
            exact = self.seq.accepts(m, strict=True)
            if not exact and not self._after_sentence(text[:pos]):
                continue
            if self._inline_context_ok(text, pos, m, start, exact=exact):
                return pos
        return len(text)

    def _after_sentence(self, before: str) -> bool:
        """The text before a label ends a sentence, or a note that follows one."""
        before = before.rstrip(WHITESPACE)
        if not before:
            return True
        group = _closing_group(before)
        if group is not None:
            rest = before[: len(before) - len(group)].rstrip(WHITESPACE)
            return not rest or rest[-1] in SENTENCE_ENDS or bool(find_units(group))
        before = before.rstrip("”’」』")
        if not before:
            return True
        prev = before[-1]
        # An ASCII full stop after a Chinese character ends a sentence ("…建设.2.深化…").
        return prev in SENTENCE_ENDS or (prev == "." and len(before) > 1 and is_cjk(before[-2]))

    def _inline_context_ok(
        self, text: str, pos: int, m: LabelMatch, start: int, *, exact: bool = True
    ) -> bool:
        if self._after_sentence(text[:pos]):
            return True
        before = text[:pos].rstrip(WHITESPACE + "”’」』）)】")
        if not before:
            return True
        prev = before[-1]
        if m.kind == SECTION:
            # "…安排如下:一、" and "某某区2021年教育工作要点一、指导思想": the first section.
            first = m.number == 1 and not self.seq.last.get(SECTION)
            return first and exact and (prev in "：:" or ends_with_title_word(before))
        if prev in _QUANTITY_BEFORE or prev in CLAUSE_MARKS:
            return False
        if exact and ends_with_note_field(text[start:pos]):
            return True  # "…责任单位:区发展和改革局(二)规上工业…"
        if (
            exact
            and m.kind == ITEM
            and is_cjk(prev)
            and pos - start >= 6
            and _heading_follows(text, pos + len(m.label))
        ):
            # "…开展专题学习教育2.深化理论武装。": no punctuation, but the numbering expects
            # exactly this item and a heading follows it.
            return True
        # Right after a heading that has no closing punctuation ("…治理水平1.深入学习…"):
        # only a deeper label may follow, and the heading must not have ended a sentence.
        segment = text[start - 1 : pos]
        if any(ch in TERMINATORS for ch in segment):
            return False
        if not ("\u4e00" <= prev <= "\u9fff"):
            return False
        current = self.stack[-1].level if self.stack else -1
        return LEVEL[m.kind] > current and len(segment) <= HEADING_MAX_CHARS + 8

    def _open(self, m: LabelMatch, line: int) -> _OpenNode:
        self.seq.record(m, line)
        self.labels += 1
        node = _OpenNode(ParsedNode(m.kind, m.label, m.number, line=line), "")
        while self.stack and self.stack[-1].level >= node.level:
            self.stack.pop()
        if self.stack:
            self.stack[-1].node.children.append(node.node)
        else:
            self.roots.append(node)
        self.stack.append(node)
        self.all_nodes.append(node)
        return node

    # -- building --------------------------------------------------------------------------

    def build(self, *, wrapped: bool = False) -> ParsedPlan:
        header = hdr.split_header(self.header)
        plan = ParsedPlan(
            title=header.title or header.derived_title,
            title_in_text=bool(header.title),
            doc_number=header.doc_number,
            issuer=header.issuer,
            date=header.date,
            cover=header.cover,
            metadata=header.metadata,
        )
        if not self.roots:
            return self._build_flat(plan, header)
        plan.preamble = "\n".join(header.preamble)
        plan.closing = self._take_closing()
        for open_node in self.all_nodes:
            fill_node(open_node, wrapped=wrapped)
        plan.outline = [r.node for r in self.roots]
        plan.warnings.extend(self.seq.gaps)
        self._finish(plan)
        return plan

    def _take_closing(self) -> list[str]:
        """Signature, date and 附件 lines after the last item are not part of it."""
        last = self.all_nodes[-1]
        closing: list[str] = []
        while last.paras and _is_closing_line(last.paras[-1], closing):
            closing.insert(0, last.paras.pop())
        return closing

    def _build_flat(self, plan: ParsedPlan, header: hdr.Header) -> ParsedPlan:
        plan.numbered = False
        plan.warnings.append(
            "No numbering was found (一、 （一） 1. （1）); each paragraph is shown as one item. "
            "Check that this is the plan, or number its sections and items."
        )
        for index, text in enumerate(header.preamble, start=1):
            node = ParsedNode(ITEM, "", index, line=index)
            node.tasks = [ParsedTask(s) for s in split_sentences(text)]
            plan.outline.append(node)
        self._finish(plan)
        return plan

    def _finish(self, plan: ParsedPlan) -> None:
        plan.year = hdr.plan_year(plan.title, plan.doc_number, plan.date)
        if not plan.title:
            plan.warnings.append("No title line was found before the outline.")
        for root in plan.outline:
            hoist_closing_notes(root)
            suggest_units(root, UnitSuggestion())


def _is_closing_line(text: str, below: list[str]) -> bool:
    if _CLOSING.match(text) or hdr.is_date_line(text):
        return True
    # A signature counts only right above a date line already taken.
    return bool(below) and hdr.is_date_line(below[0]) and hdr.is_signature(text)


def _closing_group(text: str) -> str | None:
    """The bracketed group ``text`` ends with ("…。（责任单位：A）"), if any."""
    if not text or text[-1] not in "）)】":
        return None
    opener = {"）": "（(", ")": "（(", "】": "【"}[text[-1]]
    depth = 0
    for i in range(len(text) - 1, max(-1, len(text) - 200), -1):
        ch = text[i]
        if ch in "）)】":
            depth += 1
        elif ch in "（(【":
            depth -= 1
            if depth == 0:
                return text[i:] if ch in opener else None
    return None


def _heading_follows(text: str, pos: int) -> bool:
    """A short heading sentence starts at ``pos``: "深化理论武装。"."""
    end = next((i for i in range(pos, min(len(text), pos + 31)) if text[i] in TERMINATORS), None)
    if end is None:
        return False
    heading = text[pos:end]
    return 2 <= len(heading) <= TITLE_MAX_CHARS and not any(ch in CLAUSE_MARKS for ch in heading)


def outline_text(plan: ParsedPlan) -> str:
    """A readable indented outline, as printed by ``main.py parse``."""
    out: list[str] = []
    indent = {SECTION: 0, SUBSECTION: 1, ITEM: 1, SUBITEM: 2}

    def walk(node: ParsedNode, depth: int) -> None:
        pad = "  " * depth
        out.append(f"{pad}{node.label}{node.title}".rstrip() or f"{pad}(untitled)")
        for index, task in enumerate(node.tasks, start=1):
            out.append(f"{pad}    [{index}] {task.text}")
        for note in node.notes:
            out.append(f"{pad}    ({note})")
        for child in node.children:
            walk(child, depth + 1)

    for root in plan.outline:
        walk(root, indent.get(root.kind, 0))
    return "\n".join(out)
