"""parse_number's shortcut for digits alone gives what the general reading (Decimal) gives."""

from __future__ import annotations

import math
import random

import pytest

from extractor.rules.numbers import _decimal, parse_number


def _general(text: str) -> float | None:
    """The reading without the shortcut: the decimal value, as the nearest float."""
    value = _decimal(text)
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _digit_strings() -> list[str]:
    rng = random.Random(17)
    texts = []
    for _ in range(3000):
        whole = str(rng.randint(0, 10 ** rng.randint(1, 30)))
        if rng.random() < 0.5:
            whole += "." + "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 12)))
        texts.append(whole)
    return texts


def test_digit_strings_read_as_the_general_reading_does() -> None:
    for text in _digit_strings():
        assert repr(parse_number(text)) == repr(_general(text)), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("43", 43.0),
        ("007", 7.0),
        ("312.6", 312.6),
        ("0.1", 0.1),
        ("1.", 1.0),  # a trailing point: the general reading's
        (".5", None),  # no digit before the point: no number
        ("1.2.3", None),
        ("3,600", 3600.0),
        ("1 000", 1000.0),
        ("9" * 400, None),  # no float holds it
        ("10k", 10000.0),
        ("１２", None),  # full-width digits reach this module folded by the matching view, never as they are
        ("٣", None),  # a digit of another script is no number here
        ("1.2万亿", 1.2e12),
    ],
)
def test_edges_of_the_shortcut(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected
