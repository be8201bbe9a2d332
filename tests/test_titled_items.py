"""Items with no number: a short title line over the paragraphs that report on it; what is numbered
under a title is part of its report; the document's own title (it names a year) is no item."""

from __future__ import annotations

import pytest

import extractor
from tests.conftest_helpers import rows_of_text

TEXT = """2021年为民办实事项目全面完成
近日{c}省政府发布关于为民办实事项目实施情况的通报{c}29项为民办实事项目全面完成{s}
建设全省重大疫情救治基地
省级财政补助资金下达3.6亿元{c}完成年度计划的112.5%{s}
（一）省立医院二期项目{colon}感染楼主体结构封顶{s}
（二）协和医院二期项目{colon}感染楼主体结构施工至四层{s}
提升卫生应急救援处置能力
全省各地均按要求细化项目实施方案{c}完成95支应急队伍组建和装备配备{s}
提升疾控机构实验室检测能力
在漳州等地建设的6个生物安全二级实验室均已通过验收{c}达到使用要求{s}
"""
VARIANTS = [
    {"c": "，", "s": "。", "colon": "："},
    {"c": ",", "s": "。", "colon": ":"},
]


@pytest.mark.parametrize("variant", VARIANTS, ids=["full-width", "ascii"])
def test_title_lines_over_reports_are_rows(variant: dict[str, str]) -> None:
    rows = rows_of_text(TEXT.format(**variant))
    assert [(row.seq, row.task) for row in rows] == [
        (1, "建设全省重大疫情救治基地"),
        (2, "提升卫生应急救援处置能力"),
        (3, "提升疾控机构实验室检测能力"),
    ]
    # the numbered lines under the first title are its report
    assert rows[0].progress.startswith("省级财政补助资金下达3.6亿元")
    assert "（一）省立医院二期项目" in rows[0].progress and "（二）协和医院二期项目" in rows[0].progress
    assert rows[2].status.value == "done"


def test_two_titles_are_too_few() -> None:
    text = "\n".join(TEXT.format(c="，", s="。", colon="：").splitlines()[:9]) + "\n"
    with pytest.raises(extractor.errors.ExtractorError):
        rows_of_text(text.replace("（一）", "").replace("（二）", ""))


@pytest.mark.parametrize("variant", VARIANTS, ids=["full-width", "ascii"])
@pytest.mark.parametrize("cut", ["省级财政补助资金2.56亿元全部下", "已完成主体施工"])
def test_a_last_item_cut_off_inside_its_report_is_a_row(variant: dict[str, str], cut: str) -> None:
    """The document ends inside the last item's report: the item is there, its report as cut."""
    rows = rows_of_text(TEXT.format(**variant) + f"增加省级优质医疗资源供给\n{cut}\n")
    assert [row.task for row in rows][-1] == "增加省级优质医疗资源供给"
    assert rows[-1].progress == cut


@pytest.mark.parametrize("ending", ["2021年12月31日", "省卫生健康委员会办公室", "全部完成。"])
def test_a_closing_line_after_a_short_last_line_is_no_cut_report(ending: str) -> None:
    rows = rows_of_text(TEXT.format(**VARIANTS[0]) + f"附件材料共两份\n{ending}\n")
    assert "附件材料共两份" not in [row.task for row in rows]
