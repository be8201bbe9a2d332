"""Read a number written with Arabic digits, Chinese numerals and scale words, in any mix.

43 · 3,600 · 1.2万亿 · 1万2千 · 三千五百万 · 十五 · 三点五 · 肆佰叁拾万 · 9佰 · 两个亿 → float. Returns
None when the text is not a number, never a guess.

The financial numerals of cheques and contracts (壹贰叁肆伍陆柒捌玖拾佰仟) read as their everyday
forms; traditional forms (貳, 陸, 萬) reach this module already folded by the matching view.

The arithmetic is decimal, so a value is the nearest float to the number as written
(312.6亿 → 31260000000.0, not 31260000000.000004).
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_DIGITS |= {"壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100, "仟": 1000}
# Every character a Chinese numeral may hold (data/figures.toml's NUMBER spells the same set).
CHINESE_NUMERALS = "".join(_DIGITS) + "".join(_UNITS)
_BIG = (("兆", Decimal(10**12)), ("亿", Decimal(10**8)), ("万", Decimal(10**4)))


_MAX_BIG_WORDS = 3  # 1.2万亿 has two; more is not a number (and would recurse deeply)


def parse_number(text: str) -> float | None:
    text = text.replace(",", "").replace(" ", "").replace("\u2009", "").replace("\u202f", "")
    text = text.replace("个万", "万").replace("个亿", "亿")  # 两个亿: spoken, 个 before the scale
    whole, point, fraction = text.partition(".")
    if text.isascii() and whole.isdigit() and (fraction.isdigit() or not point):
        # Digits alone (most numbers, every 序号): float() rounds the decimal text to the nearest
        # float as float(Decimal(text)) below does, at a tenth of the cost.
        number = float(text)
        return number if math.isfinite(number) else None
    if text[-1:] in "kK" and text[:-1].replace(".", "", 1).isdigit():  # 10k, 3.2k: thousands
        text = text[:-1] + "千"
    if not text or text.count("万") + text.count("亿") + text.count("兆") > _MAX_BIG_WORDS:
        return None
    value = _decimal(text)
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None  # 4,000 digits are no number we can hold


def _decimal(text: str) -> Decimal | None:
    for word, factor in _BIG:
        if word in text:
            left, _, right = text.rpartition(word)
            high = _decimal(left) if left else None
            low = _decimal(right) if right else Decimal(0)
            if high is None or low is None:
                return None
            return high * factor + low
    return _below_ten_thousand(text)


def _below_ten_thousand(text: str) -> Decimal | None:
    if "点" in text:  # 三点五 → 3.5
        whole, _, fraction = text.partition("点")
        head = _below_ten_thousand(whole) if whole else Decimal(0)
        digits = "".join(str(_DIGITS[c]) for c in fraction if c in _DIGITS)
        if head is None or len(digits) != len(fraction) or not digits:
            return None
        return head + Decimal("0." + digits)
    total = Decimal(0)
    pending: Decimal | None = None  # the number waiting for its 十/百/千
    last_place = 10_000  # places fall from left to right: 七十百 is no number
    index = 0
    while index < len(text):
        ch = text[index]
        if ch.isdigit() and ch.isascii():
            if pending is not None:
                return None  # 三5: two numbers side by side
            end = index
            while end < len(text) and (text[end].isascii() and (text[end].isdigit() or text[end] == ".")):
                end += 1
            try:
                pending = Decimal(text[index:end])
            except InvalidOperation:
                return None
            index = end
            continue
        if ch in "零〇":
            pass  # 一百零五: a place left empty
        elif ch in _DIGITS:
            if pending is not None:
                return None  # 三五, 二〇二二: digits side by side are not a quantity we read
            pending = Decimal(_DIGITS[ch])
        elif ch in _UNITS:
            if _UNITS[ch] >= last_place:
                return None
            last_place = _UNITS[ch]
            total += (Decimal(1) if pending is None else pending) * _UNITS[ch]
            pending = None
        else:
            return None
        index += 1
    return total + (pending if pending is not None else Decimal(0))
