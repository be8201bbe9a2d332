"""The report date anchored wherever the document states it (issue 13, status30): a cutoff in any
line of the opening (到11月12日，…; 项目进展：至12月底，…; 截至2020年末) when no title or paragraph
dates the report; lines that may be cells give a period only by a cutoff (1至10月, 2021年上半年 there are
an indicator's period or a deadline)."""

from __future__ import annotations

import pytest

from extractor.rules.dates import find_period


@pytest.mark.parametrize(
    ("lines", "elapsed", "end"),
    [
        (["某县为民办实事工程", "到11月12日，拉沟至木龙公路已完成工程量60.5%。"], 316 / 365, None),
        (["项目进展：至12月底，该项目已入户接通天然气172083户。"], 1.0, None),
        (["项目進展:至12月底,該項目已入戶接通天然氣172083戶。"], 1.0, None),  # traditional, half-width
        (["关于做好截至2020年末地方政府债券存续期信息公开工作的通知"], 1.0, "2020-12-31"),
        (["截至2019年底，全市建成15座污水处理站。"], 1.0, "2019-12-31"),
        (["截至 2019 年 底 ，全市建成15座。"], 1.0, "2019-12-31"),  # spaced
        (["1至10月服务业营业收入完成1.94亿元", "截至12月底，街道完成固定资产投资29.30亿元。"], 1.0, None),
        (["截止2012年4月份累计完成投资600万。"], 4 / 12, "2012-04-30"),
    ],
)
def test_a_cutoff_in_any_line_dates_the_report(lines: list[str], elapsed: float, end: str | None) -> None:
    period = find_period(None, lines, cutoff_only=True)
    assert period is not None
    assert period.elapsed == pytest.approx(elapsed)
    assert period.end == end


@pytest.mark.parametrize(
    "line",
    [
        "1至10月服务业营业收入完成1.94亿元",  # an indicator's period in a cell
        "2021年上半年完成改造",  # a deadline
        "2023年已完成",  # a year a task names
        "计划这两条公路到12月底前全部铺成油路",  # 前: a deadline
        "6月开工建设",
    ],
)
def test_a_line_with_no_cutoff_dates_nothing(line: str) -> None:
    assert find_period(None, [line], cutoff_only=True) is None


def test_a_title_still_dates_the_report_first() -> None:
    period = find_period("2023年1-9月重点项目进展情况", ["截至12月底，全市完成投资"], cutoff_only=True)
    assert period is not None and period.end == "2023-09-30"


def test_a_year_before_a_cutoff_month_completes_it() -> None:
    period = find_period(None, ["2017年度计划实施170878户。项目进展：至12月底，已入户172083户。"], cutoff_only=True)
    assert period is not None and period.end == "2017-12-31"
