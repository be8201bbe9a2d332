"""Header meaning: synonyms first, then the morphemes a header is made of (data/headers.toml)."""

from __future__ import annotations

import pytest

from extractor.headers import field_for_header, is_header_row, morpheme_claims, reads_as_header
from extractor.rules.data import load

EXAMPLES = [tuple(pair) for pair in load("headers")["morphemes"]["examples"]]


@pytest.mark.parametrize(("header", "field"), EXAMPLES, ids=[h for h, _ in EXAMPLES])
def test_morpheme_example_claims_its_field_first(header: str, field: str) -> None:
    assert field_for_header(header) or reads_as_header(header) == field
    claims = dict.fromkeys(["none"], 0.0) | morpheme_claims(header)
    if field_for_header(header) is None:
        assert max(claims, key=lambda k: claims[k]) == field


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("目 前 情 况", "progress"),  # letter-spaced
        ("目前情况：", "progress"),  # a colon after it
        ("近期执行概况说明", "progress"),  # simplified as well as traditional
        ("牽頭單位", "lead_units"),
        ("工作任务", "task"),  # a synonym still decides
        ("目标完成情况", "status"),
    ],
)
def test_variants_read_alike(header: str, field: str) -> None:
    assert (field_for_header(header) or reads_as_header(header)) == field


def test_the_head_of_a_compound_decides() -> None:
    claims = morpheme_claims("完成时限")
    assert claims["deadline"] > claims["progress"]
    assert morpheme_claims("牵头领导")["lead_leaders"] > morpheme_claims("牵头领导")["lead_units"]


def test_a_header_of_no_known_morpheme_claims_nothing() -> None:
    assert field_for_header("年份") is None
    assert morpheme_claims("说明") == {}


def test_a_header_row_read_by_morphemes_and_a_data_row_is_not() -> None:
    assert is_header_row(["年份", "承諾", "目前情況"])
    assert not is_header_row(["1", "建设码头", "已完成", "区交通局"])
    assert not is_header_row(["建设码头", "已完成", "区交通局"])  # status words are content


PERIODS = load("headers")["period_header_examples"]


@pytest.mark.parametrize("header", PERIODS)
def test_a_period_header_heads_the_progress(header: str) -> None:
    from extractor.headers import header_candidates

    assert header_candidates(header, morphemes=True)[0][0] == "progress"


def test_measure_unit_and_level_headers() -> None:
    from extractor.table import _columns

    names = [(h, None) for h in ("一级指标", "二级指标", "计量单位", "1-3月")]
    assert [c.field for c in _columns(names)] == ["category", "task", "measure", "progress"]


@pytest.mark.parametrize(
    ("text", "value"), [("(I)", 1), ("(IV)", 4), ("（ix）", 9), ("(XII)", 12), ("(VI) 美化", None)]
)
def test_roman_numerals_in_brackets_are_a_seq(text: str, value: int | None) -> None:
    from extractor.headers import parse_seq

    assert parse_seq(text) == value
