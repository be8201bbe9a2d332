"""Dates: the examples in extractor/data/dates.toml are the test table, plus the brief's cases,
mentions in real sentences, the report period, the seed's cells and the span invariant."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extractor
from extractor.models import DateMention, Period
from extractor.rules.data import load
from extractor.rules.dates import find_dates, find_period, rules

PROJECT = Path(__file__).resolve().parent.parent
DATA = load("dates")


def _period(year: int | None) -> Period | None:
    return None if year is None else Period(text=f"{year}年", source="title", year=year)


def _summary(mention: DateMention) -> tuple[Any, ...]:
    return (mention.text, mention.kind, mention.grain, mention.start, mention.end, mention.year_known)


RULE_EXAMPLES = [
    pytest.param(rule, example, id=f"{rule['id']}:{example['text']}:{example.get('period_year')}")
    for rule in DATA["rule"]
    for example in rule.get("examples", ())
]
NOT_DATES = [pytest.param(text, id=f"not_date:{text}") for text in DATA["not_dates"]]
VETO_EXAMPLES = [
    pytest.param(text, id=f"veto.{veto['id']}:{text}") for veto in DATA["veto"] for text in veto.get("examples", ())
]


def test_the_tables_are_not_empty() -> None:
    assert len(RULE_EXAMPLES) >= 100
    assert len(NOT_DATES) >= 30
    assert len(VETO_EXAMPLES) >= 3
    date_rules, _, lexicon = rules()
    assert [r.id for r in date_rules] == [r["id"] for r in DATA["rule"]]
    assert lexicon.not_dates == tuple(DATA["not_dates"])


@pytest.mark.parametrize(("rule", "example"), RULE_EXAMPLES)
def test_rule_example(rule: dict[str, Any], example: dict[str, Any]) -> None:
    text = example["text"]
    mentions = find_dates(text, period=_period(example.get("period_year")))
    assert len(mentions) == 1, [m.text for m in mentions]
    (mention,) = mentions
    expected_text = example.get("match", text)
    assert mention.rule == rule["id"]
    assert _summary(mention) == (
        expected_text,
        example["kind"],
        example["grain"],
        example.get("start"),
        example.get("end"),
        example.get("year_known", "start" in example),
    )
    assert text[mention.span[0] : mention.span[1]] == mention.text


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text: str) -> None:
    assert find_dates(text, period=_period(2024)) == []


@pytest.mark.parametrize("text", VETO_EXAMPLES)
def test_veto_example_has_no_date(text: str) -> None:
    assert find_dates(text, period=_period(2024)) == []


# --------------------------------------------------------------------------------------------
# The brief's cases, one table: text, the report period's year → the one mention.

U = None  # an unknown date

BRIEF_CASES = [
    # text, period year, kind, grain, start, end, year_known
    ("6月", 2024, "point", "month", "2024-06-01", "2024-06-30", True),
    ("6月", None, "point", "month", U, U, False),
    ("8月底", 2024, "point", "month", "2024-08-31", "2024-08-31", True),
    ("年内", 2024, "deadline", "year", "2024-01-01", "2024-12-31", True),
    ("年内", None, "deadline", "year", U, U, False),
    ("上半年", 2024, "period", "half", "2024-01-01", "2024-06-30", True),
    ("下半年", 2024, "period", "half", "2024-07-01", "2024-12-31", True),
    ("三季度", 2024, "period", "quarter", "2024-07-01", "2024-09-30", True),
    ("一季度", None, "period", "quarter", U, U, False),
    ("1-8月", 2024, "period", "month", "2024-01-01", "2024-08-31", True),
    ("1—6月份", 2024, "period", "month", "2024-01-01", "2024-06-30", True),
    ("“五一”期间", 2024, "period", "holiday", "2024-05-01", "2024-05-05", True),
    ("国庆期间", 2024, "period", "holiday", "2024-10-01", "2024-10-07", True),
    ("春节前", 2024, "deadline", "holiday", "2024-01-01", "2024-02-08", True),
    ("2023年6月30日", None, "point", "day", "2023-06-30", "2023-06-30", True),
    ("2023年6月", None, "point", "month", "2023-06-01", "2023-06-30", True),
    ("2023年", None, "period", "year", "2023-01-01", "2023-12-31", True),
    ("年底前", 2024, "deadline", "year", "2024-01-01", "2024-12-31", True),
    ("年底", 2024, "point", "year", "2024-12-31", "2024-12-31", True),
    ("6月底", 2024, "point", "month", "2024-06-30", "2024-06-30", True),
    ("6月底前", 2024, "deadline", "month", "2024-01-01", "2024-06-30", True),
    ("9月份", 2024, "point", "month", "2024-09-01", "2024-09-30", True),
    ("上旬", 2024, "point", "relative", U, U, False),
    ("中旬", 2024, "point", "relative", U, U, False),
    ("下旬", 2024, "point", "relative", U, U, False),
    ("6月上旬", 2024, "point", "month", "2024-06-01", "2024-06-10", True),
    ("截至3月31日", 2024, "point", "day", "2024-03-31", "2024-03-31", True),
    ("近期", 2024, "period", "relative", U, U, False),
    ("2024年一季度", None, "period", "quarter", "2024-01-01", "2024-03-31", True),
    ("今年", 2024, "period", "year", "2024-01-01", "2024-12-31", True),
    ("今年", None, "period", "year", U, U, False),
    ("去年", 2024, "period", "year", "2023-01-01", "2023-12-31", True),
    ("上年", 2024, "period", "year", "2023-01-01", "2023-12-31", True),
    ("去年", None, "period", "year", U, U, False),
    ("105年8月19日", None, "point", "day", "2016-08-19", "2016-08-19", True),
    ("2024.6.30", None, "point", "day", "2024-06-30", "2024-06-30", True),
    ("2024-06-30", None, "point", "day", "2024-06-30", "2024-06-30", True),
    ("十四五", None, "period", "year", "2021-01-01", "2025-12-31", True),
]


@pytest.mark.parametrize(
    ("text", "year", "kind", "grain", "start", "end", "year_known"),
    BRIEF_CASES,
    ids=[f"{c[0]}:{c[1]}" for c in BRIEF_CASES],
)
def test_brief_case(
    text: str, year: int | None, kind: str, grain: str, start: str | None, end: str | None, year_known: bool
) -> None:
    (mention,) = find_dates(text, period=_period(year))
    assert _summary(mention) == (text, kind, grain, start, end, year_known)
    assert mention.span == (0, len(text))


@pytest.mark.parametrize(
    "text", ["8月底完成", "预计8月底完成", "8月底前完成", "计划于8月底全面完成", "计划8月底完成投资5亿元"]
)
def test_a_completion_verb_makes_a_deadline(text: str) -> None:
    (mention,) = find_dates(text, period=_period(2023))
    assert (mention.kind, mention.start, mention.end) == ("deadline", "2023-01-01", "2023-08-31")


@pytest.mark.parametrize(
    "text", ["已于8月底完成", "8月底完成了", "力争8月底开展", "8月底完成投资2亿元", "8月底完成45%"]
)
def test_a_past_or_other_verb_keeps_a_point(text: str) -> None:
    (mention,) = find_dates(text, period=_period(2023))
    assert (mention.kind, mention.start, mention.end) == ("point", "2023-08-31", "2023-08-31")


# --------------------------------------------------------------------------------------------
# Mentions in sentences

HALF = Period(text="2024年1-6月", source="title", year=2024, start="2024-01-01", end="2024-06-30", elapsed=0.5)

SENTENCES = [
    pytest.param(
        "2023年3月启动，6月完成。7月开工",
        HALF,
        [
            ("2023年3月", "point", "month", "2023-03-01", "2023-03-31", True),
            ("6月", "deadline", "month", "2023-01-01", "2023-06-30", True),  # the year carries in the sentence
            ("7月", "point", "month", "2024-07-01", "2024-07-31", True),  # … not past its end
        ],
        id="year-carries-within-a-sentence",
    ),
    pytest.param(
        "比2022年增长5%，6月完成",
        HALF,
        [
            ("2022年", "period", "year", "2022-01-01", "2022-12-31", True),
            ("6月", "deadline", "month", "2024-01-01", "2024-06-30", True),  # a bare year does not carry
        ],
        id="bare-year-does-not-carry",
    ),
    pytest.param(
        "较上年同期增长5%",
        HALF,
        [("上年同期", "period", "relative", "2023-01-01", "2023-06-30", True)],
        id="same-period-last-year",
    ),
    pytest.param(
        "较上年同期增长5%",
        None,
        [("上年同期", "period", "relative", None, None, False)],
        id="same-period-unknown",
    ),
    pytest.param(
        "计划于2024年6月底前完成，目前已完成45%",
        None,
        [("2024年6月底前", "deadline", "month", "2024-01-01", "2024-06-30", True)],
        id="deadline-with-figure",
    ),
    pytest.param(
        "力争国庆前开街，春节期间试营业",
        HALF,
        [
            ("国庆前", "deadline", "holiday", "2024-01-01", "2024-09-30", True),
            ("春节期间", "period", "holiday", "2024-02-09", "2024-02-15", True),
        ],
        id="holidays",
    ),
    pytest.param(
        "5月10日至6月30日开展专项行动",
        HALF,
        [
            ("5月10日", "point", "day", "2024-05-10", "2024-05-10", True),
            ("6月30日", "point", "day", "2024-06-30", "2024-06-30", True),
        ],
        id="two-days",
    ),
    pytest.param(
        "1-8月份，完成投资3.6亿元，同比增长12%，占年度计划的67%",
        HALF,
        [("1-8月份", "period", "month", "2024-01-01", "2024-08-31", True)],
        id="months-with-figures",
    ),
    pytest.param(
        "2022年已完成《2021年度国家级经开区考核评价指标情况》摸底",
        None,
        [("2022年", "period", "year", "2022-01-01", "2022-12-31", True)],
        id="title-is-no-date",
    ),
    pytest.param(
        "2023年2月29日",
        None,
        [("2023年2月", "point", "month", "2023-02-01", "2023-02-28", True)],
        id="no-leap-day-in-2023",
    ),
    pytest.param("2月29日", _period(2023), [], id="no-leap-day-in-the-period-year"),
    pytest.param(
        "十四五期间累计投资，“十三五”时期",
        None,
        [
            ("十四五期间", "period", "year", "2021-01-01", "2025-12-31", True),
            ("“十三五”时期", "period", "year", "2016-01-01", "2020-12-31", True),
        ],
        id="plans",
    ),
    pytest.param("1990年春节", None, [("1990年春节", "period", "holiday", None, None, True)], id="outside-lunar-table"),
    pytest.param(
        "２０２３年６月３０日前完成",
        None,
        [("２０２３年６月３０日前", "deadline", "day", "2023-01-01", "2023-06-30", True)],
        id="full-width",
    ),
    pytest.param(
        "2023 年 1 - 9 月 完成 56.3 亿元",
        None,
        [("2023 年 1 - 9 月", "period", "month", "2023-01-01", "2023-09-30", True)],
        id="web-spaces",
    ),
    pytest.param("近日完成", None, [("近日", "point", "relative", None, None, False)], id="lately-is-no-deadline"),
]


@pytest.mark.parametrize(("text", "period", "expected"), SENTENCES)
def test_dates_in_sentences(text: str, period: Period | None, expected: list[tuple[Any, ...]]) -> None:
    mentions = find_dates(text, "progress", period)
    assert [_summary(m) for m in mentions] == expected
    for mention in mentions:
        assert text[mention.span[0] : mention.span[1]] == mention.text
        assert mention.field == "progress"


# --------------------------------------------------------------------------------------------
# The report period

PERIODS = [
    pytest.param(
        "一季度完成情况未实现“开门红”目标任务",
        [],
        Period(text="一季度", source="title", year=None, start=None, end=None, elapsed=0.25),
        id="quarter-no-year",
    ),
    pytest.param(
        "2024年1-9月重点工作推进情况",
        [],
        Period(text="2024年1-9月", source="title", year=2024, start="2024-01-01", end="2024-09-30", elapsed=0.75),
        id="months-with-year",
    ),
    pytest.param(
        "截至5月15日",
        [],
        Period(text="截至5月15日", source="title", year=None, start=None, end=None, elapsed=135 / 365),
        id="cutoff-day-unknown-year",
    ),
    pytest.param(
        "截至2024年5月15日重点项目进展",
        [],
        Period(
            text="截至2024年5月15日", source="title", year=2024, start="2024-01-01", end="2024-05-15", elapsed=136 / 366
        ),
        id="cutoff-day-leap-year",
    ),
    pytest.param(
        "2023年上半年",
        [],
        Period(text="2023年上半年", source="title", year=2023, start="2023-01-01", end="2023-06-30", elapsed=0.5),
        id="half",
    ),
    pytest.param(
        "2021年为民办实事项目进展情况月报表(11月份)",
        [],
        Period(text="2021年11月份", source="title", year=2021, start="2021-01-01", end="2021-11-30", elapsed=11 / 12),
        id="monthly-report-is-year-to-date",
    ),
    pytest.param(
        "2023年重点工作完成情况",
        [],
        Period(text="2023年", source="title", year=2023, start="2023-01-01", end="2023-12-31", elapsed=1.0),
        id="whole-year",
    ),
    pytest.param(
        "截至6月30日",
        [],
        Period(text="截至6月30日", source="title", year=None, start=None, end=None, elapsed=0.5),
        id="month-end-day-counts-months",
    ),
    pytest.param(
        "重点工作推进情况",
        ["全区工作有序推进，6月开工。", "一季度，全区实现外贸进出口总额43亿元。"],
        Period(text="一季度", source="text", year=None, start=None, end=None, elapsed=0.25),
        id="from-text",
    ),
    pytest.param(
        None,
        ["截至2024年8月底，累计完成投资12亿元"],
        Period(text="截至2024年8月底", source="text", year=2024, start="2024-01-01", end="2024-08-31", elapsed=8 / 12),
        id="from-text-cutoff",
    ),
    pytest.param(
        None,
        ["到2012年11月12日，拉沟至木龙公路已完成工程量60.5%"],
        Period(
            text="到2012年11月12日", source="text", year=2012, start="2012-01-01", end="2012-11-12", elapsed=317 / 366
        ),
        id="from-text-dao-opening-a-clause",
    ),
    pytest.param(
        None,
        ["全县情况：到 8 月底, 累计完成投资12亿元"],
        Period(text="到 8 月底", source="text", year=None, start=None, end=None, elapsed=8 / 12),
        id="from-text-dao-spaced-half-width-comma",
    ),
    pytest.param(
        "重点工作推进情况",
        ["计划到11月12日，完成主体工程", "力争到年底，全面建成", "到12月底前全部铺成油路", "到11月12日完成验收"],
        None,
        id="dao-in-a-plan-or-a-deadline-is-no-report-date",
    ),
    pytest.param("重点工作推进情况", ["力争年底前完成", "下一步将加快推进", "6月开工", "春节期间"], None, id="nothing"),
    pytest.param("今年以来工作情况", [], None, id="this-year-alone"),
    pytest.param("“十四五”规划实施情况", [], None, id="plan-is-no-report-period"),
]


@pytest.mark.parametrize(("title", "texts", "expected"), PERIODS)
def test_find_period(title: str | None, texts: list[str], expected: Period | None) -> None:
    found = find_period(title, texts)
    if expected is None:
        assert found is None
        return
    assert found is not None
    assert found.model_dump(exclude={"elapsed"}) == expected.model_dump(exclude={"elapsed"})
    assert found.elapsed == pytest.approx(expected.elapsed)


def test_period_dates_the_mentions() -> None:
    period = find_period("2024年1-9月重点工作推进情况", [])
    (mention,) = find_dates("力争年内开街运营", period=period)
    assert (mention.start, mention.end, mention.year_known) == ("2024-01-01", "2024-12-31", True)


# --------------------------------------------------------------------------------------------
# The seed

SEED_DATES = {
    # seq → [(field, text, kind, grain)]; the report period (一季度) has no year, so no dates.
    2: [
        ("progress", "6月", "point", "month"),
        ("progress", "“五一”期间", "period", "holiday"),
        ("progress", "年内", "deadline", "year"),
    ],
    3: [("progress", "一季度", "period", "quarter")],
    4: [("progress", "一季度", "period", "quarter")],
    7: [("progress", "2022年", "period", "year"), ("progress", "一季度", "period", "quarter")],
    10: [("progress", "8月底", "deadline", "month")],
}


def test_seed_dates() -> None:
    document = extractor.parse(PROJECT / "samples" / "seed.txt")
    (table,) = document.tables
    texts = [cell for row in table.rows for cell in row.cells.values()]
    period = find_period(table.title, texts)
    assert period == Period(text="一季度", source="title", year=None, start=None, end=None, elapsed=0.25)
    found: dict[int, list[tuple[str, str, str, str]]] = {}
    for row in table.rows:
        assert row.seq is not None
        for field in ("task", "progress"):
            text = row.cells[field]
            for mention in find_dates(text, field, period):
                assert text[mention.span[0] : mention.span[1]] == mention.text
                found.setdefault(row.seq, []).append((field, mention.text, mention.kind, mention.grain))
                if mention.text == "2022年":
                    assert (mention.start, mention.end, mention.year_known) == ("2022-01-01", "2022-12-31", True)
                else:
                    assert (mention.start, mention.end, mention.year_known) == (None, None, False)
    assert found == SEED_DATES


def test_seed_dates_with_a_known_year() -> None:
    document = extractor.parse(PROJECT / "samples" / "seed.txt")
    row = document.tables[0].rows[9]
    (mention,) = find_dates(row.cells["progress"], "progress", _period(2023))
    assert (mention.text, mention.start, mention.end) == ("8月底", "2023-01-01", "2023-08-31")


# --------------------------------------------------------------------------------------------
# The span invariant

_PIECES = [
    "2023年", "6月", "底", "前", "30日", "1-8月", "一季度", "上半年", "年内", "年底", "“五一”", "期间",
    "国庆", "春节", "截至", "下一步", "近期", "今年", "去年", "同期", "105年", "十四五", "2024.6.30",
    "3个月", "完成", "已", "，", "。", " ", "\u3000", "增长5%", "第6项", "5G", "《", "》", "上旬", "至",
    "—", "-", "月", "年", "季度", "二〇二三", "十二", "三", "日", "前三", "个", "民国",
]  # fmt: skip


def _check_invariant(text: str, period: Period | None) -> None:
    previous_end = 0
    for mention in find_dates(text, period=period):
        start, end = mention.span
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == mention.text
        assert mention.text == mention.text.strip()
        previous_end = end
        if mention.start is not None or mention.end is not None:
            assert mention.start is not None and mention.end is not None
            assert date.fromisoformat(mention.start) <= date.fromisoformat(mention.end)
            assert mention.year_known
        if mention.grain == "relative" and mention.rule != "year":
            assert mention.start is None
            assert not mention.year_known


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from([None, 2023, 2024]))
def test_spans_hold_their_text(pieces: list[str], year: int | None) -> None:
    _check_invariant("".join(pieces), _period(year))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789年月日季度上下半前底末内一二三四五六七八九十〇截至-.—“”期间", max_size=20))
def test_random_text_never_fails(text: str) -> None:
    _check_invariant(text, _period(2024))
    _check_invariant(text, None)
    find_period(text, [text])


# --------------------------------------------------------------------------------------------
# The dateline and the report period anchored to the document (issue 13)

from extractor.rules.dates import Dateline, anchor_period, find_dateline, most_named_year  # noqa: E402

DATELINE = load("dates")["dateline"]


@pytest.mark.parametrize("example", DATELINE["examples"], ids=lambda e: e["date"])
def test_a_dateline_is_found(example: dict) -> None:
    found = find_dateline(example["text"])
    assert found is not None and found.day.isoformat() == example["date"]
    assert found.text in example["text"]


@pytest.mark.parametrize("text", DATELINE["counter_examples"])
def test_a_date_inside_a_sentence_is_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_a_date_alone_in_a_cell_is_no_dateline_when_only_labels_count() -> None:
    assert find_dateline("2023年3月17日", labelled_only=True) is None
    assert find_dateline("发布日期：2023-03-17", labelled_only=True).day == date(2023, 3, 17)


def _read_period(text: str) -> Period:
    found = find_period(text)
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("period", "dateline", "year", "expected"),
    [
        # a period without its year takes the dateline's
        ("一季度", "2021-04-10", None, ("2021-03-31", 0.25)),
        # published two weeks before the quarter ends: still this year's
        ("一季度", "2007-03-08", None, ("2007-03-31", 0.25)),
        # 1-12月 published in January: last year's
        ("1-12月", "2022-01-15", None, ("2021-12-31", 1.0)),
        # no dateline: the year the document names most
        ("上半年", None, 2019, ("2019-06-30", 0.5)),
        # a year still running at the dateline ends there
        ("2023年", "2023-03-17", None, ("2023-03-17", 76 / 365)),
        # a year over by the dateline stays whole
        ("2006年", "2007-01-08", None, ("2006-12-31", 1.0)),
    ],
)
def test_the_period_is_anchored_to_the_document(
    period: str, dateline: str | None, year: int | None, expected: tuple[str, float]
) -> None:
    line = Dateline(date.fromisoformat(dateline), dateline) if dateline else None
    anchored = anchor_period(_read_period(period), line, year)
    assert anchored is not None
    assert (anchored.end, anchored.elapsed) == (expected[0], pytest.approx(expected[1]))


def test_no_period_the_dateline_is_the_report_date() -> None:
    anchored = anchor_period(None, Dateline(date(2024, 1, 18), "2024-01-18"))
    assert anchored is not None and (anchored.source, anchored.start, anchored.end) == (
        "dateline",
        "2024-01-01",
        "2024-01-18",
    )
    assert anchor_period(None, None) is None


def test_the_year_named_most_outside_the_tables() -> None:
    assert most_named_year("2021年重点工作…2021年…关于2020年的") == 2021
    assert most_named_year("no year") is None


def test_a_full_date_beside_a_coarser_period_in_a_title_is_when_it_was_written() -> None:
    found = find_period("2021年上半年重点工作推进情况 2021-07-08")
    assert found is not None and found.end == "2021-06-30"


@pytest.mark.parametrize("text", ["下一步，将加快推进。", "下步打算：加快进度", "下一階段將加快推進", "下步"])
def test_next_steps_name_no_time(text: str) -> None:
    """下一步 / 下步打算 say what comes next, not when: no date (issue 13)."""
    assert find_dates(text, period=_period(2024)) == []


@pytest.mark.parametrize(
    ("text", "end"), [("截至3月底，完成投资2亿元", "2024-03-31"), ("截止到6月30日，已完成", "2024-06-30")]
)
def test_a_cutoff_in_a_cell_is_the_point_a_figure_stands_at(text: str, end: str) -> None:
    (mention,) = find_dates(text, period=_period(2024))
    assert (mention.kind, mention.start, mention.end) == ("point", end, end)
