"""Properties over arbitrary text: the rules never raise and every span indexes the source text."""

from __future__ import annotations

from functools import cache
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.models import Item
from extractor.rules.cells import find_issues, find_statements, split_units
from extractor.rules.figures import extract_figures
from extractor.rules.numbers import parse_number
from extractor.textnorm import _char_map, collapse_layout_space, match_view

CJK = "增长下降同比亿万元美元%个吨一二三是存在问题：；。，1234567890.（）全市"
NUMERALS = "零〇一二两三四五六七八九十百千万亿点.,0123456789 "

# str.isspace() counts U+001C..U+001F (information separators) as whitespace; Unicode White_Space,
# which the layout clean-up follows, does not. They are left out of the layout-space property.
INFORMATION_SEPARATORS = "\x1c\x1d\x1e\x1f"

mixed_text = st.text(alphabet=st.one_of(st.sampled_from(CJK), st.characters()), max_size=80)
number_text = st.text(alphabet=st.one_of(st.sampled_from(NUMERALS), st.characters()), max_size=30)
layout_text = st.text(
    alphabet=st.one_of(
        st.sampled_from("ab12中文 \t\n\u3000\xa0\u2003\r"),
        st.characters(exclude_characters=INFORMATION_SEPARATORS),
    ),
    max_size=60,
)

SETTINGS = settings(derandomize=True, max_examples=200, deadline=None)


def _grounded(text: str, items: list[Item]) -> None:
    for item in items:
        start, end = item.span
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == item.text


@SETTINGS
@given(mixed_text)
def test_extract_figures_spans(text: str) -> None:
    figures = extract_figures(text)
    _grounded(text, figures)
    assert figures == sorted(figures, key=lambda f: f.span)
    for before, after in pairwise(figures):
        assert before.span[1] <= after.span[0]


@SETTINGS
@given(mixed_text, st.booleans())
def test_find_issues_and_statements_spans(text: str, labelled: bool) -> None:
    issues = find_issues(text, "progress", labelled=labelled)
    _grounded(text, issues)
    _grounded(text, find_statements(text, "progress"))
    _grounded(text, find_statements(text, "progress", issues))


@SETTINGS
@given(mixed_text)
def test_labelled_text_spans(text: str) -> None:
    cell = "完成投资。存在问题：" + text
    issues = find_issues(cell, "progress")
    _grounded(cell, issues)
    _grounded(cell, find_statements(cell, "progress", issues))


@SETTINGS
@given(mixed_text)
def test_split_units_never_raises(text: str) -> None:
    # Every unit is the cell's own text; a name wrapped over lines is joined without the breaks.
    unwrapped = "".join(text.split())
    for unit in split_units(text):
        assert unit
        assert unit in text or "".join(unit.split()) in unwrapped


@SETTINGS
@given(st.text())
def test_match_view_keeps_length(text: str) -> None:
    assert len(match_view(text)) == len(text)


@SETTINGS
@given(mixed_text)
def test_match_view_keeps_length_mixed(text: str) -> None:
    assert len(match_view(text)) == len(text)


@SETTINGS
@given(number_text)
def test_parse_number_returns_none_or_float(text: str) -> None:
    result = parse_number(text)
    assert result is None or type(result) is float


@SETTINGS
@given(st.integers(min_value=0, max_value=10**15))
def test_parse_number_reads_arabic_integers(value: int) -> None:
    assert parse_number(str(value)) == value
    assert parse_number(f"{value:,}") == value


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@SETTINGS
@given(layout_text)
def test_collapse_layout_space(text: str) -> None:
    out = collapse_layout_space(text)
    for index, ch in enumerate(out):
        if ch.isspace() or ch == "\u3000":
            assert ch == " ", repr(out)
            assert 0 < index < len(out) - 1, repr(out)
            assert _is_ascii_alnum(out[index - 1]) and _is_ascii_alnum(out[index + 1]), repr(out)
    # Only whitespace is removed: the rest of the text is kept, in order.
    assert out.replace(" ", "") == "".join(ch for ch in text if not (ch.isspace() or ch == "\u3000")).replace(" ", "")


# --------------------------------------------------------------------------------------------
# Text variations (issue 3): web-copy spaces, traditional script and ASCII punctuation change no
# value, and every item's text stays the variant's own text.

# Figures as parts between which a web copy may put spaces, and the value each must keep.
SPACED_PARTS: list[tuple[tuple[str, ...], float]] = [
    (("增长", "5.2", "%"), 5.2),
    (("同比", "增长", "3.1", "%"), 3.1),
    (("下降", "4.2", "%"), -4.2),
    (("提高", "12", "个百分点"), 12),
    (("增长", "5", "%", "-", "8", "%"), 5),
    (("3,600", "万元"), 3.6e7),
    (("3,600", "萬元"), 3.6e7),
    (("56.3", "亿元"), 5.63e9),
    (("8", "%", "左右"), 8),
    (("约", "3000", "人"), 3000),
    (("超过", "600", "万元"), 6e6),
    (("500", "余", "万元"), 5e6),
    (("155", "吨"), 155),
    (("1.24", "万人次"), 12400),
    (("6.5", "万千瓦"), 65000),
]
# Web pages' spaces: ASCII, tab, no-break, ideographic, zero-width.
GAP = st.text(alphabet=" \t\xa0\u3000\u200b", max_size=2)


@SETTINGS
@given(st.sampled_from(SPACED_PARTS), st.lists(GAP, min_size=5, max_size=5))
def test_spaces_between_parts_keep_the_value(case: tuple[tuple[str, ...], float], gaps: list[str]) -> None:
    parts, value = case
    text = parts[0] + "".join(gap + part for gap, part in zip(gaps, parts[1:], strict=False))
    figures = extract_figures(text)
    assert len(figures) == 1, (text, [f.text for f in figures])
    assert figures[0].text == text
    assert figures[0].value == pytest.approx(value, rel=1e-9)


@SETTINGS
@given(st.integers(1, 2100), st.integers(0, 9999), st.integers(0, 99), GAP.filter(lambda g: g != ""))
def test_a_space_never_joins_two_numbers(first: int, whole: int, fraction: int, gap: str) -> None:
    number = f"{whole}.{fraction}"
    for text in (f"{first}{gap}{number}亿元", f"{first}{gap}年{gap}{number}{gap}亿元"):
        figures = extract_figures(text)
        assert [f.value for f in figures] == [pytest.approx(float(number) * 1e8, rel=1e-9)], text
        _grounded(text, figures)
        assert figures[0].text.startswith(number)


# Cells in simplified script with full-width punctuation; the properties below rewrite them.
CELLS = [
    "一季度，全区实现外贸进出口总额43亿元、同比下降4.2%（全市下降11.9%）。",
    "累计完成投资3,600万元，占年度计划的45%，较上年提高2.1个百分点。",
    "新增装机6.5万千瓦，处理垃圾155吨，完成造林120公顷，接待游客1.24万人次。",
    "力争全年增长8%左右，预计完成投资约12亿元，拟新增就业岗位500余个。",
    "由于受疫情影响，进度滞后序时进度9.8个百分点，与去年同期相比减少3%。",
    "存在问题：一是资金不足；二是土地未落实。下一步工作打算：加快推进。",
    "存在的问题：（1）资金不足；（2）土地未落实。",
    "存在问题：业主单位资金困难，项目停工。江北旅游区正积极约谈督促业主单位，抓紧筹措资金。",
    "存在问题：智慧城市整体水平不高。具体表现在物联感知终端布设数量有限。人才缺乏。",
    "一季度，预计全区实际使用外资215万美元。存在问题：国际需求减弱。下一步将尽快开展招商。",
    "完成投资1,200万元，下一步将加快推进，计划于6月底前完成。",
]


@cache
def _traditional_forms() -> dict[str, str]:
    """Simplified → the characters variants.toml folds to it (萬 and 万 for 万)."""
    forms: dict[str, str] = {}
    for traditional, simplified in _char_map().items():
        forms[simplified] = forms.get(simplified, simplified) + traditional
    return forms


def _signature(text: str) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    issues = find_issues(text, "progress")
    return (
        [
            (f.span, f.value, f.value_max, match_view(f.unit), f.basis, f.qualifier, f.role)
            for f in extract_figures(text, "progress")
        ],
        [(i.span, i.rule) for i in issues],
        [(s.span, s.kind) for s in find_statements(text, "progress", issues)],
    )


def _rewrite(text: str, forms: dict[str, str], picks: list[int]) -> str:
    """Each character replaced by one of its forms, chosen by ``picks`` (cycled)."""
    out = []
    for index, ch in enumerate(text):
        options = forms.get(ch, ch)
        out.append(options[picks[index % len(picks)] % len(options)])
    return "".join(out)


@SETTINGS
@given(st.sampled_from(CELLS), st.lists(st.integers(0, 3), min_size=80, max_size=80))
def test_traditional_script_changes_nothing(cell: str, picks: list[int]) -> None:
    variant = _rewrite(cell, _traditional_forms(), picks)  # any mix of traditional and simplified
    assert _signature(variant) == _signature(cell)
    _grounded(variant, extract_figures(variant))
    _grounded(variant, find_issues(variant, "progress"))


ASCII_FORMS = {"，": "，,", "；": "；;", "：": "：:", "（": "（(", "）": "）)", "！": "！!", "？": "？?"}


@SETTINGS
@given(st.sampled_from(CELLS), st.lists(st.integers(0, 1), min_size=80, max_size=80))
def test_ascii_punctuation_changes_nothing(cell: str, picks: list[int]) -> None:
    variant = _rewrite(cell, ASCII_FORMS, picks)
    assert _signature(variant) == _signature(cell)
    _grounded(variant, find_statements(variant, "progress"))
