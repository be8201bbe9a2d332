"""A news paragraph that lists projects by ；-parts, each naming one and reporting on it, gives one row
per part; a short lead-in before the first part (新建项目，/ 续建项目，…其中，) is their section."""

from __future__ import annotations

import pytest

import extractor
from tests.conftest_helpers import rows_of_text

TEXT = (
    "{title}\n"
    "今年以来{c}某镇狠抓项目建设{c}全镇项目建设进展顺利。"
    "新建项目{c}甲乙公司年产5万吨建材加工项目正在进行设备安装{s}西庄五保家园建设已完成主体建设{s}"
    "燕家综合服务中心已完成放线{c}即将开工建设{s}南街商住楼开发项目{c}正在进行协议签订工作。"
    "续建项目{c}均已复工建设{c}其中{c}核桃峪养殖小区预计6月份建成投用{s}周家街区公立幼儿园预计9月份开园。\n"
)
VARIANTS = [
    {"title": "某镇项目建设稳步推进", "c": "，", "s": "；"},
    {"title": "某镇项目建设稳步推进", "c": ",", "s": ";"},
    {"title": "某鎮項目建設穩步推進", "c": "，", "s": "；"},
]


@pytest.mark.parametrize("variant", VARIANTS, ids=["full-width", "ascii", "title-traditional"])
def test_a_semicolon_list_of_named_reports_gives_rows(variant: dict[str, str]) -> None:
    c = variant["c"]
    rows = rows_of_text(TEXT.format(**variant))
    assert [(row.task, row.progress) for row in rows] == [
        ("甲乙公司年产5万吨建材加工项目", "正在进行设备安装"),
        ("西庄五保家园建设", "已完成主体建设"),
        ("燕家综合服务中心", f"已完成放线{c}即将开工建设"),
        ("南街商住楼开发项目", "正在进行协议签订工作"),
        ("核桃峪养殖小区", "预计6月份建成投用"),
        ("周家街区公立幼儿园", "预计9月份开园"),
    ]
    assert [row.section for row in rows[:4]] == ["新建项目"] * 4
    assert all(row.section.startswith("续建项目") for row in rows[4:])


def test_parts_that_name_nothing_are_no_list() -> None:
    """Results joined by ；with no name before them are one report, not a list of projects."""
    text = (
        "某县重点工作进展情况\n"
        "今年以来，全县完成固定资产投资5亿元；新增就业300人；已完成植树造林1200亩。"
        "下一步，将继续加快推进。\n"
    )
    with pytest.raises(extractor.errors.ExtractorError):
        rows_of_text(text)
