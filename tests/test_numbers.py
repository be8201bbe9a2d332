"""parse_number: Arabic digits, Chinese numerals and scale words, in any mix."""

from __future__ import annotations

import pytest

from extractor.rules.numbers import parse_number

NUMBERS = [
    pytest.param("43", 43, id="43"),
    pytest.param("3,600", 3600, id="3,600"),
    pytest.param("1,234,567.5", 1234567.5, id="thousands-and-decimal"),
    pytest.param("1.2万亿", 1.2e12, id="1.2万亿"),
    pytest.param("1万2千", 12000, id="1万2千"),
    pytest.param("3亿5000万", 3.5e8, id="3亿5000万"),
    pytest.param("1.5千", 1500, id="1.5千"),
    pytest.param("三千五百万", 3.5e7, id="三千五百万"),
    pytest.param("十五", 15, id="十五"),
    pytest.param("二十", 20, id="二十"),
    pytest.param("十", 10, id="十"),
    pytest.param("一百零五", 105, id="一百零五"),
    pytest.param("一千零一", 1001, id="一千零一"),
    pytest.param("两千万", 2e7, id="两千万"),
    pytest.param("三点五", 3.5, id="三点五"),
    pytest.param("十二点五", 12.5, id="十二点五"),
    pytest.param("两", 2, id="两"),
    pytest.param("零", 0, id="零"),
    pytest.param("0.5", 0.5, id="0.5"),
    pytest.param("3 600", 3600, id="inner-space"),
    pytest.param("abc", None, id="abc"),
    pytest.param("", None, id="empty"),
    pytest.param(",", None, id="comma-only"),
    pytest.param("1.2.3", None, id="two-points"),
    pytest.param("三点", None, id="nothing-after-point"),
    pytest.param("12元", None, id="trailing-unit"),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_parse_number(text: str, expected: float | None) -> None:
    result = parse_number(text)
    if expected is None:
        assert result is None
    else:
        assert isinstance(result, float)
        assert result == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("value", [0, 7, 43, 999, 3600, 10_000, 123_456, 987_654_321, 10**12])
def test_arabic_integers_round_trip(value: int) -> None:
    assert parse_number(str(value)) == value
    assert parse_number(f"{value:,}") == value


@pytest.mark.parametrize(
    ("text", "acceptable"),
    [
        pytest.param("三五", {None}, id="三五"),
        pytest.param("12三", {None}, id="arabic-then-chinese-digit"),
        pytest.param("二〇二二", {None, 2022.0}, id="digit-by-digit-year"),
    ],
)
def test_digits_without_place_words_are_not_guessed(text: str, acceptable: set[float | None]) -> None:
    assert parse_number(text) in acceptable


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("312.6亿", 31260000000.0, id="312.6亿"),
        pytest.param("318.54亿", 31854000000.0, id="318.54亿"),
        pytest.param("1.24万", 12400.0, id="1.24万"),
        pytest.param("0.3万", 3000.0, id="0.3万"),
        pytest.param("4.3亿", 430000000.0, id="4.3亿"),
        pytest.param("1.2万亿", 1.2e12, id="1.2万亿"),
    ],
)
def test_scaled_decimals_are_exact(text: str, expected: float) -> None:
    """Decimal arithmetic: the float nearest the number as written, no binary noise from scaling."""
    assert parse_number(text) == expected


def test_many_scale_words_do_not_raise() -> None:
    result = parse_number("万" * 1000)
    assert result is None or isinstance(result, float)
