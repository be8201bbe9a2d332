"""Properties over arbitrary text: the rules never raise and every span indexes the source text."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.models import Item
from extractor.rules.cells import find_issues, find_statements, split_units
from extractor.rules.figures import extract_figures
from extractor.rules.numbers import parse_number
from extractor.textnorm import collapse_layout_space, match_view

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
    for unit in split_units(text):
        assert unit
        assert unit in text


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
