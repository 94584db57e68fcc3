"""Word's list number formats: the numerals Word puts in automatic list labels.

:func:`format_number` writes a counter value in a ``w:numFmt`` format (decimal, letters,
roman, circled and full-width digits, Chinese/Japanese counting, heavenly stems, ...), as
:mod:`domain.docx_numbering` needs for each ``%N`` in a level's ``w:lvlText``. Unknown
formats fall back to decimal; ``none`` and ``bullet`` give an empty string.
"""

from __future__ import annotations

from collections.abc import Callable

_CIRCLED_1_TO_20 = "".join(chr(code) for code in range(0x2460, 0x2474))
_PARENTHESIZED_1_TO_20 = "".join(chr(code) for code in range(0x2474, 0x2488))
_FULLSTOP_1_TO_20 = "".join(chr(code) for code in range(0x2488, 0x249C))
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_IDEOGRAPH_DIGITS = "〇一二三四五六七八九"
_ROMAN_PARTS = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def _roman(number: int) -> str:
    if number <= 0:
        return str(number)
    letters = []
    for value, symbol in _ROMAN_PARTS:
        count, number = divmod(number, value)
        letters.append(symbol * count)
    return "".join(letters)


def _letters(number: int) -> str:
    # Word repeats the letter past z: 27 → aa, 28 → bb, 53 → aaa.
    if number <= 0:
        return str(number)
    repeat, index = divmod(number - 1, 26)
    return chr(ord("a") + index) * (repeat + 1)


def _digit_by_digit(number: int) -> str:
    return "".join(_IDEOGRAPH_DIGITS[int(digit)] for digit in str(abs(number)))


def _ideographic_group(group: int, digits: str, units: str, zero: str) -> str:
    """1..9999 in Chinese-style numerals, with 零 for inner zeros (一千零一十)."""
    text = ""
    zero_pending = False
    for place, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = group // place % 10
        if digit == 0:
            zero_pending = bool(text)
            continue
        if zero_pending:
            text += zero
            zero_pending = False
        text += digits[digit] + unit
    return text


def _ideographic(
    number: int,
    digits: str,
    units: str,
    myriads: str,
    zero: str,
    drop_leading_one_ten: bool,
) -> str:
    """Chinese-style numerals: 一百零一, 壹拾贰, 一万零五百 (units = 十百千, myriads = 万亿)."""
    if number <= 0:
        return digits[0] if number == 0 else str(number)
    groups: list[int] = []  # groups of four digits, least significant first
    remaining = number
    while remaining:
        remaining, group = divmod(remaining, 10000)
        groups.append(group)
    if len(groups) > len(myriads) + 1:
        return _digit_by_digit(number)
    parts: list[str] = []
    zero_needed = False
    for group_index in range(len(groups) - 1, -1, -1):
        group = groups[group_index]
        if group == 0:
            zero_needed = bool(parts)
            continue
        if parts and (zero_needed or group < 1000):
            parts.append(zero)
        parts.append(_ideographic_group(group, digits, units, zero))
        parts.append(("", *myriads)[group_index])
        zero_needed = False
    text = "".join(parts)
    if drop_leading_one_ten and text.startswith(digits[1] + units[0]):
        text = text[1:]  # 十一, not 一十一
    return text


def _chinese_counting(number: int) -> str:
    # Word's 一, 二, 三 (简): counting words up to 99, then digit by digit (一〇〇).
    if 0 < number < 100:
        return _ideographic(number, "零一二三四五六七八九", "十百千", "万亿", "零", True)
    return _digit_by_digit(number)


def _japanese_counting(number: int) -> str:
    # Japanese omits 一 before 十/百/千 and writes no zeros: 百一, 千十.
    if not 0 < number < 10000:
        return _digit_by_digit(number)
    text = ""
    for place, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // place % 10
        if digit:
            text += ("" if digit == 1 and unit else _IDEOGRAPH_DIGITS[digit]) + unit
    return text


def _from_sequence(symbols: str) -> Callable[[int], str]:
    def format_from_sequence(number: int) -> str:
        return symbols[number - 1] if 1 <= number <= len(symbols) else str(number)

    return format_from_sequence


def _enclosed(symbols: str, fallback: str) -> Callable[[int], str]:
    def format_enclosed(number: int) -> str:
        return symbols[number - 1] if 1 <= number <= len(symbols) else fallback.format(number)

    return format_enclosed


_NUMBER_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda number: f"{number:02d}" if 0 <= number < 10 else str(number),
    "decimalFullWidth": lambda number: str(number).translate(_FULL_WIDTH_DIGITS),
    "decimalFullWidth2": lambda number: str(number).translate(_FULL_WIDTH_DIGITS),
    "decimalEnclosedCircle": _enclosed(_CIRCLED_1_TO_20, "({})"),
    "decimalEnclosedCircleChinese": _enclosed(_CIRCLED_1_TO_20, "({})"),
    "decimalEnclosedParen": _enclosed(_PARENTHESIZED_1_TO_20, "({})"),
    "decimalEnclosedFullstop": _enclosed(_FULLSTOP_1_TO_20, "{}."),
    "chineseCounting": _chinese_counting,
    "chineseCountingThousand": lambda number: _ideographic(
        number, "零一二三四五六七八九", "十百千", "万亿", "零", True
    ),
    "chineseLegalSimplified": lambda number: _ideographic(
        number, "零壹贰叁肆伍陆柒捌玖", "拾佰仟", "万亿", "零", False
    ),
    "taiwaneseCounting": _chinese_counting,
    "taiwaneseCountingThousand": lambda number: _ideographic(
        number, _IDEOGRAPH_DIGITS, "十百千", "萬億", "〇", True
    ),
    "taiwaneseDigital": _digit_by_digit,
    "ideographDigital": _digit_by_digit,
    "japaneseDigitalTenThousand": _digit_by_digit,
    "japaneseCounting": _japanese_counting,
    "ideographTraditional": _from_sequence(_HEAVENLY_STEMS),
    "ideographZodiac": _from_sequence(_EARTHLY_BRANCHES),
    "lowerLetter": _letters,
    "upperLetter": lambda number: _letters(number).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda number: _roman(number).upper(),
    "ordinal": lambda number: f"{number}{_ordinal_suffix(number)}",
}
_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _ordinal_suffix(number: int) -> str:
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def format_number(number: int, number_format: str, custom_format: str = "") -> str:
    """``number`` as Word writes it in ``number_format``; unknown formats fall back to decimal."""
    if number_format in ("none", "bullet"):
        return ""
    if number_format == "custom":
        # Word 2010's "001, 002, 003, ..." lists: zero-padded to the first sample's width.
        sample = custom_format.split(",", 1)[0].strip()
        return str(number).zfill(len(sample)) if sample.isdigit() else str(number)
    return _NUMBER_FORMATS.get(number_format, str)(number)
