"""The part of a plan file before its outline: cover notice, metadata, title, intro.

Shapes seen in real files:
  关于印发《2020年全市教育工作要点》的通知      a cover notice title
  - 发文编号:青教工委[2020]2号                 metadata lines (web exports)
  青教工委〔2020〕2号                          a 文号 line on its own
  各区市教育局，局属各单位：                    the addressee
  现将《…》印发给你们，请结合实际认真贯彻落实。    the notice body
  中共青岛市委教育工委  2020年2月27日            signature and date
  2020年全市教育工作要点                       the plan's title
  2020年是…。                                  the intro (preamble), up to 一、
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from domain.sentences import TERMINATORS

# fmt: off
TITLE_WORDS = (
    "工作要点", "工作要點", "要点", "要點", "工作计划", "工作計劃", "计划", "計劃", "工作重点",
    "工作重點", "重点工作", "重點工作", "工作任务", "工作任務", "任务分解", "任務分解",
    "实施方案", "實施方案", "工作方案", "工作安排", "行动方案", "行動方案", "分解方案",
    "分工方案", "责任分解", "責任分解", "工作意见", "工作意見", "的意见", "的意見",
)
# fmt: on
_TITLE_IN_TEXT = re.compile(
    r"(?:(?:19|20)\d{2}年(?:度)?)[^。；;，,《》“”\s]{0,30}?"
    r"(?:工作要点|工作要點|工作计划|工作計劃|工作重点|工作重點|重点工作|重點工作|工作任务|工作任務)"
)
DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,16}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*[号號]"
)
_META_LINE = re.compile(r"^\s*[-–—•·*]\s*(.*)$")
_KEY_VALUE = re.compile(r"^([^:：]{1,12})[:：]\s*(.+)$")
# Keys of the metadata blocks that web pages of offices carry; spaced out in some
# exports ("文    号 蔡政办〔2023〕1号"), with or without a colon, or as a pipe table.
_META_KEYS = (
    "政策发布日期",
    "政策發布日期",
    "发文编号",
    "發文編號",
    "发文字号",
    "發文字號",
    "发布文号",
    "發布文號",
    "索引号",
    "索引號",
    "发布机构",
    "發布機構",
    "发证机关",
    "發證機關",
    "发文机关",
    "發文機關",
    "发文单位",
    "發文單位",
    "发布单位",
    "發布單位",
    "信息来源",
    "信息來源",
    "发布日期",
    "發布日期",
    "发文日期",
    "發文日期",
    "成文日期",
    "公开日期",
    "公開日期",
    "生效日期",
    "主题分类",
    "主題分類",
    "文号",
    "文號",
    "来源",
    "來源",
)
_SPACED_KEY = "|".join(r"\s*".join(map(re.escape, key)) for key in _META_KEYS)
# Page furniture that ends a value ("信息来源: 芜湖市教育局阅读次数:…").
_STOP_KEYS = "阅读次数|閱讀次數|浏览次数|瀏覽次數|点击|點擊|编辑|編輯|字体|字體|作者|打印|分享"
_META_IN_TEXT = re.compile(
    rf"(?:^|(?<=[\s|\-]))({_SPACED_KEY})(?:\s*[:：|]|\s+)\s*(.+?)\s*"
    rf"(?=\||(?:{_SPACED_KEY})(?:\s*[:：|]|\s+)|(?:{_STOP_KEYS})|\s-\s|-\s|\n|$)"
)
NOTICE_TITLE = re.compile(r"(?:关于|關于|關於)印[发發]\s*[《〈]?(.+?)[》〉]?\s*的通知")
DATE_LINE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:印发|印發)?$")
_ISO_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*(?:年|[〕\]］】)）])")
SIGNATURE_ENDINGS = (
    "局",
    "委",
    "委员会",
    "委員會",
    "厅",
    "廳",
    "办公室",
    "辦公室",
    "政府",
    "党委",
    "黨委",
    "党组",
    "黨組",
    "中心",
    "院",
    "部",
)

DOC_NUMBER_KEYS = (
    "发文编号",
    "發文編號",
    "发文字号",
    "發文字號",
    "发布文号",
    "發布文號",
    "文号",
    "文號",
)
ISSUER_KEYS = (
    "发证机关",
    "發證機關",
    "发文机关",
    "發文機關",
    "发文单位",
    "發文單位",
    "发布单位",
    "發布單位",
    "发布机构",
    "發布機構",
    "来源",
    "來源",
    "信息来源",
    "信息來源",
)
DATE_KEYS = (
    "成文日期",
    "发文日期",
    "發文日期",
    "政策发布日期",
    "政策發布日期",
    "发布日期",
    "發布日期",
    "印发日期",
    "印發日期",
)


@dataclass
class Header:
    cover: list[str] = field(default_factory=list)
    title: str = ""
    preamble: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    doc_number: str = ""
    issuer: str = ""
    date: str | None = None
    # A title read out of the cover notice ("关于印发《X》的通知" → X) when the file has no
    # title line of its own; it is not a piece of the text, so it is kept apart.
    derived_title: str = ""


def ends_sentence(text: str) -> bool:
    return bool(text) and text.rstrip("”’」』）)")[-1:] in TERMINATORS


def is_title_line(text: str) -> bool:
    """A short line without closing punctuation that names the plan."""
    if len(text) > 60 or ends_sentence(text) or text.endswith(("：", ":")):
        return False
    if NOTICE_TITLE.search(text) or text.endswith("的通知") or text.startswith("附件"):
        return False
    return any(word in text for word in TITLE_WORDS)


def iso_date(text: str) -> str | None:
    m = _ISO_DATE.search(text)
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def split_header(lines: list[str]) -> Header:
    """Classify the lines before the first section label."""
    header = Header()
    title_at = _find_title(lines)
    if title_at is None:
        # A file whose line breaks were lost: the title may sit inside the first line.
        split = _split_title_from_text(lines)
        if split is not None:
            cover, title, rest = split
            header.cover, header.title = cover, title
            header.preamble = rest
        else:
            header.preamble = list(lines)
    else:
        start = title_at
        if title_at and _continues_into_title(lines[title_at - 1], lines[title_at]):
            start = title_at - 1
        if len("".join(lines[start : title_at + 1])) > 60:
            start = title_at
        header.cover = list(lines[:start])
        # A long title broken over two lines is one title ("…重点工作任务" / "分解和责任分工方案").
        header.title = "".join(line.strip() for line in lines[start : title_at + 1])
        header.preamble = list(lines[title_at + 1 :])
    # Web pages put the cover notice after the title; an intro never holds a lone
    # date line, so everything down to the notice's date belongs to the cover.
    dated = [i for i, line in enumerate(header.preamble) if DATE_LINE.match(line.strip())]
    if dated:
        header.cover += header.preamble[: dated[-1] + 1]
        del header.preamble[: dated[-1] + 1]
    if not header.title:
        notice = next((m for m in map(NOTICE_TITLE.search, header.cover) if m), None)
        if notice:
            header.derived_title = notice.group(1).strip()
    _read_metadata(header)
    return header


def _find_title(lines: list[str]) -> int | None:
    """The plan's title: the last title-like line before the intro."""
    candidates = [i for i, line in enumerate(lines) if is_title_line(line)]
    if candidates:
        return candidates[-1]
    # No title words: a short unpunctuated line right before the first paragraph of prose.
    for i, line in enumerate(lines):
        if ends_sentence(line) and len(line) > 60:
            prev = i - 1
            if (
                prev >= 0
                and 6 <= len(lines[prev]) <= 40
                and not ends_sentence(lines[prev])
                and not _is_cover_line(lines[prev])
            ):
                return prev
            return None
    return None


_TITLE_HEAD = re.compile(r"(?:19|20)\d{2}\s*年|关于|關于|關於")


def _continues_into_title(line: str, title: str) -> bool:
    """The first half of a title broken over two lines ("立山区政府2023年重点工作" /
    "任务分解和责任分工方案"): it carries the year or 关于 that the second half lacks."""
    line = line.strip()
    return (
        2 <= len(line) <= 40
        and bool(_TITLE_HEAD.search(line))
        and not re.search(r"(?:19|20)\d{2}", title)
        and not line.startswith("附件")
        and not ends_sentence(line)
        and not _is_cover_line(line)
        and not is_signature(line)
        and not NOTICE_TITLE.search(line)
        and not line.endswith(("文件", "的通知", "。", "，", ",", "）", ")"))
        and not any(ch in line for ch in ":：|")
    )


def _is_cover_line(line: str) -> bool:
    return bool(
        _META_LINE.match(line)
        or DOC_NUMBER.fullmatch(line.strip())
        or DATE_LINE.match(line.strip())
        or line.endswith(("：", ":"))
    )


def _split_title_from_text(lines: list[str]) -> tuple[list[str], str, list[str]] | None:
    for i, line in enumerate(lines):
        for m in _TITLE_IN_TEXT.finditer(line):
            if _inside_book_marks(line, m.start()):
                continue
            cover = lines[:i] + ([line[: m.start()]] if m.start() else [])
            rest = ([line[m.end() :]] if line[m.end() :] else []) + lines[i + 1 :]
            return cover, m.group(0), rest
    return None


def _inside_book_marks(text: str, pos: int) -> bool:
    return text.count("《", 0, pos) > text.count("》", 0, pos)


def _read_metadata(header: Header) -> None:
    meta = header.metadata
    for line in header.cover:
        found = False
        for m in _META_IN_TEXT.finditer(line):
            key = re.sub(r"\s+", "", m.group(1))
            value = m.group(2).strip(" |")
            if value:
                meta.setdefault(key, value)
                found = True
        if not found:
            bullet = _META_LINE.match(line)
            kv = _KEY_VALUE.match((bullet.group(1) if bullet else line).strip())
            if kv and bullet:
                meta.setdefault(kv.group(1).strip(), kv.group(2).strip())
    header.doc_number = next((meta[k] for k in DOC_NUMBER_KEYS if meta.get(k)), "")
    if not header.doc_number:
        for text in [*header.cover, header.title]:
            found_number = DOC_NUMBER.search(text)
            if found_number:
                header.doc_number = found_number.group(0).strip()
                break
    if not header.doc_number:
        # A 文号 on a line of its own below the title ("(皖政[2001]85號)"); numbers cited
        # inside the intro's sentences are other documents'.
        for text in header.preamble[:10]:
            found_number = DOC_NUMBER.fullmatch(text.strip().strip("()（）"))
            if found_number:
                header.doc_number = found_number.group(0).strip()
                break
    header.issuer = next((meta[k] for k in ISSUER_KEYS if meta.get(k) and "://" not in meta[k]), "")
    dated = next((meta[k] for k in DATE_KEYS if meta.get(k)), "")
    header.date = iso_date(dated) if dated else None
    if header.date is None:
        for line in header.cover:
            if DATE_LINE.match(line.strip()):
                header.date = iso_date(line)
    if not header.issuer:
        header.issuer = signature_before_date(header.cover)


def signature_before_date(lines: list[str]) -> str:
    """The issuing body written just above a date line, if any."""
    for i, line in enumerate(lines):
        if DATE_LINE.match(line.strip()) and i > 0 and is_signature(lines[i - 1]):
            return lines[i - 1].strip()
    return ""


def is_signature(line: str) -> bool:
    line = line.strip()
    if not 2 <= len(line) <= 30 or ends_sentence(line) or any(c in line for c in ":：|"):
        return False
    return line.endswith(SIGNATURE_ENDINGS)


def plan_year(title: str, doc_number: str, date: str | None) -> int | None:
    for text in (title, doc_number):
        m = _YEAR.search(text or "")
        if m:
            return int(m.group(1))
    return int(date[:4]) if date else None
