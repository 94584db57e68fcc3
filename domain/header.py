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
import unicodedata
from dataclasses import dataclass, field

from domain.sentences import TERMINATORS

# fmt: off
TITLE_WORDS = (
    "工作要点", "工作要點", "要点", "要點", "工作计划", "工作計劃", "计划", "計劃", "工作重点",
    "工作重點", "重点工作", "重點工作", "工作任务", "工作任務", "任务分解", "任務分解",
    "实施方案", "實施方案", "工作方案", "工作安排", "行动方案", "行動方案", "分解方案",
    "分工方案", "责任分解", "責任分解", "工作意见", "工作意見", "的意见", "的意見",
    "方案", "办法", "辦法", "细则", "細則", "规划", "規劃", "措施", "清单", "清單",
)
# Sentences of a cover notice that name the plan but are not its title.
_NOTICE_BODY = re.compile(r"印[发發][给給]|现将|現將|已[经經].{0,12}同意|[请請].{0,6}[贯貫]彻")
# fmt: on
_TITLE_IN_TEXT = re.compile(
    r"(?:(?:19|20)\d{2}年(?:度)?)[^。；;，,《》“”\s]{0,30}?"
    r"(?:工作要点|工作要點|工作计划|工作計劃|工作重点|工作重點|重点工作|重點工作|工作任务|工作任務)"
)
DOC_NUMBER = re.compile(
    r"(?:[\u4e00-\u9fff]|\([a-z\u00e0-\u01dc]{1,6}\)){1,16}"
    r"\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*[号號]"
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
    "发布时间",
    "發布時間",
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
_STOP_WORDS = (
    "阅读次数|閱讀次數|浏览次数|瀏覽次數|访问次数|訪問次數"
    "|点击|點擊|编辑|編輯|字体|字體|作者|打印|分享"
)
_STOP_KEYS = "|".join(
    [_STOP_WORDS]
    + [
        r"\s*".join(key)
        for key in (
            "有效性", "有效期", "关键词", "關鍵詞", "主题词", "主題詞", "公开形式", "公開形式",
            "信息分类", "信息分類", "组配分类", "組配分類", "体裁分类", "相关附件", "標題", "标题",
        )
    ]
)  # fmt: skip
_META_IN_TEXT = re.compile(
    rf"(?:^|(?<=[\s|\-\d]))({_SPACED_KEY})(?:\s*[:：|]|\s+)\s*(.+?)\s*"
    rf"(?=\||(?:{_SPACED_KEY})(?:\s*[:：|]|\s+)|(?:{_STOP_KEYS})|\s-\s|-\s|\n|$)"
)
NOTICE_TITLE = re.compile(r"(?:关于|關于|關於)印[发發]\s*[《〈]?(.+?)[》〉]?\s*的通知")
_ZH_YEAR_DIGITS = "〇○零ＯO一二三四五六七八九"
_ZH_SMALL = "一二三四五六七八九十"
# "2020年2月27日", "2019年2月", "二〇二〇年二月二十七日" (○ and 〇 both occur), full-width digits.
DATE_LINE = re.compile(
    rf"^(?:\d{{4}}\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?"
    rf"|[{_ZH_YEAR_DIGITS}]{{4}}\s*年\s*[{_ZH_SMALL}]{{1,3}}\s*月(?:\s*[{_ZH_SMALL}]{{1,3}}\s*日)?)"
    r"(?:印发|印發)?$"
)
# A date whose 年月日 a web page lost ("2024327", "201999"): it still ends a signature block,
# but which day it means is not certain, so no date is read from it.
_BARE_DATE_LINE = re.compile(r"^(?:19|20)\d{4,6}$")
_ISO_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")
_YEAR_MONTH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)")
_ZH_DATE = re.compile(
    rf"([{_ZH_YEAR_DIGITS}]{{4}})\s*年\s*([{_ZH_SMALL}]{{1,3}})\s*月(?:\s*([{_ZH_SMALL}]{{1,3}})\s*日)?"
)
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
DATE_KEYS = ("成文日期", "发文日期", "發文日期", "印发日期", "印發日期")
# When a page was put on the web: used only when the document itself names no date.
PUBLISHED_KEYS = (
    "政策发布日期",
    "政策發布日期",
    "发布日期",
    "發布日期",
    "发布时间",
    "發布時間",
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
    if len(text) > 60 or ends_sentence(text) or text.endswith(("：", ":", "，", ",")):
        return False
    if NOTICE_TITLE.search(text) or text.endswith("的通知") or text.startswith("附件"):
        return False
    if _NOTICE_BODY.search(text) or any(ch in text for ch in ":：|"):
        return False
    # A line with a comma is prose, cut by a PDF copy ("2022 年是…“十四五”规划的关键之年,是…").
    if any(ch in text for ch in "，,"):
        return False
    return any(word in text for word in TITLE_WORDS)


def is_date_line(text: str) -> bool:
    return DATE_LINE.match(unicodedata.normalize("NFKC", text.strip())) is not None


def _zh_number(text: str) -> int:
    digits = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "O": 0}
    if "十" in text:
        tens, _, units = text.partition("十")
        return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(units, 0) if units else 0)
    return int("".join(str(digits[ch]) for ch in text))


def iso_date(text: str) -> str | None:
    """The date ``text`` names: "2020-02-27", or "2019-02" for a month ("2019年2月")."""
    text = unicodedata.normalize("NFKC", text)
    m = _ISO_DATE.search(text)
    if m:
        year, month, day = (int(g) for g in m.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
        return None
    m = _ZH_DATE.search(text)
    if m:
        year, month = _zh_number(m.group(1)), _zh_number(m.group(2))
        day = _zh_number(m.group(3)) if m.group(3) else None
    elif m := _YEAR_MONTH.search(text):
        year, month, day = int(m.group(1)), int(m.group(2)), None
    else:
        return None
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


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
        above = lines[: title_at - 1]
        if title_at and _continues_into_title(lines[title_at - 1], lines[title_at], above):
            start = title_at - 1
        if len("".join(lines[start : title_at + 1])) > 60:
            start = title_at
        end = title_at + 1
        # "(2018—2020年)" on the line below belongs to the title.
        if end < len(lines) and _YEAR_RANGE_LINE.match(lines[end].strip()):
            end += 1
        header.cover = list(lines[:start])
        # A long title broken over two lines is one title ("…重点工作任务" / "分解和责任分工方案").
        header.title = "".join(line.strip() for line in lines[start:end])
        header.preamble = list(lines[end:])
    # Web pages put the cover notice after the title; an intro never holds a lone
    # date line, so everything down to the notice's date belongs to the cover.
    dated = [i for i, line in enumerate(header.preamble) if is_date_line(line)]
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
_YEAR_RANGE_LINE = re.compile(
    r"^[（(]\s*(?:19|20)\d{2}\s*(?:年\s*)?(?:[—–\-－~～至]\s*(?:19|20)\d{2}\s*年?)?\s*[）)]$"
)


def _continues_into_title(line: str, title: str, above: list[str]) -> bool:
    """The first half of a title broken over two lines ("立山区政府2023年重点工作" /
    "任务分解和责任分工方案"): it carries the year or 关于 that the second half lacks; or
    the second half is only the kind of document ("实施方案"); or the first half opens a
    block of its own (the line above it is a notice title, a date or nothing)."""
    line = line.strip()
    if not 2 <= len(line) <= 40:
        return False
    starts_block = bool(above) and _ends_block(above[-1])
    if not (
        (bool(_TITLE_HEAD.search(line)) and not re.search(r"(?:19|20)\d{2}", title))
        or len(title.strip()) <= 8
        or starts_block
    ):
        return False
    return (
        line[:1] not in '（(【[“"《'
        and not line.startswith("附件")
        and not ends_sentence(line)
        and not _is_cover_line(line)
        and not is_signature(line)
        and not NOTICE_TITLE.search(line)
        and not line.endswith(("文件", "的通知", "。", "，", ",", "）", ")"))
        and not any(ch in line for ch in ":：|")
    )


def _ends_block(line: str) -> bool:
    """A line after which a new block (such as the plan's title) starts."""
    line = line.strip()
    return (
        ends_sentence(line)
        or line.endswith(("的通知", "的通知》", "）", ")"))
        or is_date_line(line)
        or bool(_BARE_DATE_LINE.match(line))
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
    # A file whose title line was not found may still open with its metadata (a pipe table).
    for line in [*header.cover, *_leading_meta_lines(header.preamble)]:
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
    header.doc_number = _doc_number_value(
        next((meta[k] for k in DOC_NUMBER_KEYS if meta.get(k)), "")
    )
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
    header.date = _date_of_issue(header, meta)
    header.issuer = (
        signature_before_date(header.cover)
        or next((meta[k] for k in ISSUER_KEYS if _is_body(meta.get(k, ""))), "")
        or issuer_in_title([*header.cover, header.title])
        or _letterhead(header.cover)
    )


def _leading_meta_lines(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        if ends_sentence(line) or not (_META_IN_TEXT.search(line) or "|" in line):
            break
        out.append(line)
    return out


def _doc_number_value(value: str) -> str:
    """A 文号 value as written, without what a web page puts after it."""
    if not value:
        return ""
    found = DOC_NUMBER.search(value)
    if found:
        return found.group(0).strip()
    return "" if value.strip() in ("无", "無", "-", "/", "—") else value.strip()


def _date_of_issue(header: Header, meta: dict[str, str]) -> str | None:
    """The date the document was issued: its metadata, else the date line under the
    signature, else the day the page was published."""
    dated = next((meta[k] for k in DATE_KEYS if meta.get(k)), "")
    if dated and iso_date(dated):
        return iso_date(dated)
    for line in header.cover:
        if is_date_line(line):
            return iso_date(line)
    published = next((meta[k] for k in PUBLISHED_KEYS if meta.get(k)), "")
    return iso_date(published) if published else None


def _is_body(value: str) -> bool:
    """An issuing body's name, not a web site ("德阳市公众信息网") or an address."""
    value = value.strip()
    return (
        bool(value)
        and "://" not in value
        and len(value) <= 40
        and value.endswith(SIGNATURE_ENDINGS)
    )


_ISSUER_BEFORE = re.compile(r"^(?:【[^】]*】)?(.{2,60}?)(?:关于|關于|關於|印发《|印發《)")


def issuer_in_title(lines: list[str]) -> str:
    """ "长沙市人民政府办公厅关于印发…的通知" → 长沙市人民政府办公厅; several issuers separated
    by spaces are kept ("中共静安区委办公室 静安区人民政府办公室")."""
    for line in lines:
        m = _ISSUER_BEFORE.match(line.strip())
        if not m:
            continue
        before = re.split(r"[号號]", m.group(1))[-1]
        names: list[str] = []
        for token in reversed(before.split()):
            if not token.endswith(SIGNATURE_ENDINGS) or len(token) > 30:
                break
            names.insert(0, token)
        if names:
            return " ".join(names)
    return ""


def _letterhead(lines: list[str]) -> str:
    """ "鞍山市立山区人民政府文件" → 鞍山市立山区人民政府."""
    for line in lines[:5]:
        line = line.strip()
        if line.endswith("文件") and is_signature(line[:-2]):
            return line[:-2]
    return ""


def signature_before_date(lines: list[str]) -> str:
    """The issuing body (or bodies, one a line) written just above a date line."""
    for i, line in enumerate(lines):
        if not (is_date_line(line) or _BARE_DATE_LINE.match(line.strip())):
            continue
        names: list[str] = []
        j = i - 1
        while j >= 0 and is_signature(lines[j]) and len(names) < 4:
            names.insert(0, " ".join(lines[j].split()))
            j -= 1
        if names:
            return " ".join(names)
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
