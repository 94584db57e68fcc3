"""Properties that must hold for any text: the parser never crashes and never loses text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.outline import unaccounted_text
from domain.parser import parse_lines
from domain.sentences import split_sentences
from domain.suggestions import find_units

# Pieces that look like plans: labels of every style, sentence ends, quotes, brackets,
# numbers that are not labels, unit notes and deadline phrases.
PIECES = st.sampled_from(
    [
        "一、",
        "二、",
        "十一、",
        "（一）",
        "(二)",
        "1.",
        "2.",
        "3、",
        "１．",
        "（1）",
        "(2)",
        "①",
        "②",
        "第一部分",
        "2.0",
        "1.5亿",
        "2020.3.1",
        "6、7月",
        "2020年",
        "工作要点",
        "加强党的领导",
        "深入学习。",
        "推进改革；",
        "完成！",
        "是否？",
        "“不忘初心。”",
        "《条例。》",
        "（试点。",
        "）",
        "（责任单位：基础教育处、办公室）",
        "牵头单位：组干处",
        "国网中心牵头，山东配合",
        "6月底前完成",
        "年底前",
        "长期坚持",
        "关于印发《要点》的通知",
        "各单位：",
        "2021年3月1日",
        "青教发〔2021〕5号",
        "- 发文编号:青教工委[2020]2号",
        " ",
        "\u3000",
        "\t",
        "，",
        "。",
        "附件",
        "市教育局",
    ]
)
LINE = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=12).map("".join)
DOCUMENT = st.lists(LINE, max_size=25)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT)
def test_parsing_never_crashes_and_never_loses_text(lines: list[str]) -> None:
    lines = [
        "".join(ch for ch in line if ch not in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        for line in lines
    ]
    plan = parse_lines(lines)
    assert unaccounted_text(lines, plan) == ("", "")
    plan.to_json()
    plan.counts()


@settings(max_examples=300, deadline=None)
@given(DOCUMENT)
def test_one_line_documents_never_lose_text(lines: list[str]) -> None:
    one = "".join(line.replace("\n", "") for line in lines)
    plan = parse_lines([one])
    assert unaccounted_text([one], plan) == ("", "")


@settings(max_examples=500, deadline=None)
@given(st.one_of(LINE, st.text()))
def test_sentence_split_keeps_every_character(text: str) -> None:
    assert "".join(split_sentences(text)) == text


@settings(max_examples=300, deadline=None)
@given(st.one_of(LINE, st.text()))
def test_unit_suggestions_are_taken_from_the_text(text: str) -> None:
    found = find_units(text)
    for name in (found.lead, *found.cooperating):
        if name:
            assert name in text or name.replace(" ", "") in text.replace(" ", "")
