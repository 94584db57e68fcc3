"""What a node's text becomes: its title, its tasks and its notes, and the units, leader
and deadline each task is suggested — once the parser has found where the node starts and
ends (``domain.parser``)."""

from __future__ import annotations

import re
from typing import Protocol

from domain import header as hdr
from domain.deadlines import find_deadline_phrase
from domain.outline import SECTION, SUBSECTION, ParsedNode, ParsedTask
from domain.sentences import TERMINATORS, split_sentences
from domain.suggestions import NOTE_LINE, UnitSuggestion, find_units, is_note_sentence

WHITESPACE = " \t\u3000\u00a0\u2002\u2003\u2009\u200b"
TITLE_MAX_CHARS = 30  # "深入学习贯彻党的十九届四中全会精神。" is 17
HEADING_MAX_CHARS = 60
CLAUSE_MARKS = frozenset("，,；;：:")
WRAPPED_LINE_MIN_CHARS = 20


class OpenNode(Protocol):
    """A node as the parser leaves it: its first paragraph and the ones that continue it."""

    node: ParsedNode
    head: str
    paras: list[str]


def fill_node(open_node: OpenNode, *, wrapped: bool) -> None:
    """Title, tasks and notes of a node from its paragraphs."""
    node = open_node.node
    body: list[str] = []
    for para in open_node.paras:
        if NOTE_LINE.match(para):
            node.notes.append(para)
        else:
            body.append(para)
    if wrapped:
        body = join_wrapped_lines([open_node.head, *body])
        head = body.pop(0)
    else:
        head = open_node.head
    # A label alone on its line ("1.") takes the next line as its text.
    if not head and body:
        head = body.pop(0)
    # "基教处牵头，财务处配合，9月底前完成。" names who does the item; it is no task, and no
    # reason to take the sentence before it for a title.
    sentences = _without_note_sentences(split_sentences(head), node)
    rest = _without_note_sentences([s for para in body for s in split_sentences(para)], node)
    has_more = bool(rest or node.children or len(sentences) > 1)
    if sentences and has_more and is_title(sentences[0], node.kind):
        node.title = sentences.pop(0)
    elif (
        len(sentences) == 1
        and not rest
        and (node.kind == SECTION or node.children)
        and (not hdr.ends_sentence(sentences[0]) or node.children)
    ):
        # A heading line on its own ("三、全面发力攻坚，推动基础教育扩优提质"). A sub-section
        # without children is a one-line task ("（一）地区生产总值增长7%以上").
        node.title = sentences.pop(0)
    node.tasks = [ParsedTask(s.strip(WHITESPACE)) for s in sentences + rest]


def _without_note_sentences(sentences: list[str], node: ParsedNode) -> list[str]:
    """The sentences that are not notes; the notes go to the node's notes."""
    kept = []
    for sentence in sentences:
        text = sentence.strip(WHITESPACE)
        if not text:
            continue
        if is_note_sentence(text):
            node.notes.append(text)
        else:
            kept.append(sentence)
    return kept


def join_wrapped_lines(paras: list[str]) -> list[str]:
    """Join lines that a PDF copy broke in mid-sentence back into paragraphs.

    A paragraph that does not end a sentence and is long continues on the next line;
    a short unpunctuated line ("加强法治宣传教育") stays a paragraph of its own.
    """
    out: list[str] = []
    for para in paras:
        prev = out[-1] if out else ""
        if (
            prev
            and para
            and len(prev) >= WRAPPED_LINE_MIN_CHARS
            and not hdr.ends_sentence(prev)
            and prev[-1] not in "：:"
        ):
            joiner = "" if is_cjk(prev[-1]) or is_cjk(para[0]) else " "
            out[-1] = prev + joiner + para
        else:
            out.append(para)
    return out


def is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


def ends_with_title_word(text: str) -> bool:
    return hdr.is_title_line(text[-60:].split("。")[-1].strip()) and text.rstrip()[-1:] not in "，,"


_YEAR_IN_TEXT = re.compile(r"(?:19|20)\d{2}\s*年")


def is_title(sentence: str, kind: str) -> bool:
    core = sentence.strip(WHITESPACE).rstrip("。.！!")
    if not core or core[-1] in "；;：:" or any(ch in TERMINATORS for ch in core):
        return False
    if kind in (SECTION, SUBSECTION):
        return len(core) <= HEADING_MAX_CHARS
    # A heading names a field of work; a sentence with a year in it is a task
    # ("继续按不高于2017年征收标准征收…").
    if len(core) > TITLE_MAX_CHARS or _YEAR_IN_TEXT.search(core):
        return False
    clauses = re.split(r"[，,]", core)
    if any(ch in "；;：:" for ch in core) or len(clauses) > 2:
        return False
    # Two short parallel clauses make a heading too ("服务国家战略,承载上海综合服务功能");
    # with a figure in them they state a target ("组织教师培训，参训率达到100%").
    return len(clauses) == 1 or (
        len(core) <= 24
        and all(3 <= len(c) <= 14 for c in clauses)
        and not any(ch.isdigit() for ch in core)
    )


def hoist_closing_notes(node: ParsedNode) -> None:
    """A note line after an item's last sub-item names the units of the whole item
    ("(1)…(2)…(3)…" then "(责任单位:…)"), unless the sub-items carry notes of their own."""
    for child in node.children:
        hoist_closing_notes(child)
    subs = node.children
    if len(subs) < 2 or any(c.children for c in subs) or node.notes:
        return
    if any(c.notes for c in subs[:-1]) or not subs[-1].notes:
        return
    node.notes.extend(subs[-1].notes)
    subs[-1].notes.clear()


def suggest_units(node: ParsedNode, inherited: UnitSuggestion) -> None:
    """Suggestions for each task: its own note or words, else its node's notes (lines, note
    sentences, the bracketed note closing the item), else those of the nodes above."""
    node_units = UnitSuggestion()
    for note in node.notes:
        node_units = node_units.or_else(find_units(note))
    if not node_units and node.tasks:
        node_units = node_units.or_else(_trailing_note_units(node.tasks[-1].text))
    if not node_units and node.title:
        node_units = node_units.or_else(_trailing_note_units(node.title))
    node_units = node_units.or_else(inherited)
    for task in node.tasks:
        own = find_units(task.text)
        units = own.or_else(node_units)
        task.suggested_lead = units.lead
        task.suggested_cooperating = units.cooperating
        task.suggested_leader = units.leader
        # The task's own dates first: a note's 完成时限 covers what does not name one.
        task.suggested_deadline = (
            own.deadline or find_deadline_phrase(_without_notes(task.text)) or node_units.deadline
        )
    for child in node.children:
        suggest_units(child, node_units)


# A bracketed note, which may hold one level of brackets: "(各县(市、区)人民政府)".
_BRACKETED_NOTE = r"[（(【][^（()）【】]*(?:[（(][^（()）]*[）)][^（()）【】]*)*[）)】]"
_TRAILING_NOTE = re.compile(_BRACKETED_NOTE + r"\s*[。.；;]?\s*$")
_BRACKETED = re.compile(_BRACKETED_NOTE)


def _trailing_note_units(text: str) -> UnitSuggestion:
    """ "…。（责任单位：A、B）" or "…。（A牵头，B配合）" at the end of an item names the units
    of the whole item."""
    m = _TRAILING_NOTE.search(text)
    return find_units(m.group(0)) if m else UnitSuggestion()


def _without_notes(text: str) -> str:
    """The sentence without its bracketed notes, whose dates are the note's, not the task's."""
    return _BRACKETED.sub(lambda m: "" if find_units(m.group(0)) else m.group(0), text)
