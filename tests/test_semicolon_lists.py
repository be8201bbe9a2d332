"""A news paragraph that lists projects by ；-parts, each naming one and reporting on it, gives one row
per part; a short lead-in before the first part (新建项目，/ 续建项目，…其中，) is their section. A stage
of the works glued after the project's noun (…工程项目初步设计已获批复) opens the report, and the page's
metadata line (作者：时间：…点击：…) is no topic over a report."""

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
        ("南街商住楼开发项目", "正在进行协议签订工作。"),
        ("核桃峪养殖小区", "预计6月份建成投用"),
        ("周家街区公立幼儿园", "预计9月份开园。"),  # the sentence's last part keeps its full stop, as printed
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


NEWS = (
    "{title}\n\n"
    "作者{k}时间{k}2020-04-17点击{k}440\n\n"
    "受疫情因素影响{c}街道人大工委组织代表对民生实事项目开展在线督查。\n\n"
    "目前{c}东苑老旧小区整治工程项目已完成施工进度的50%{c}预计9月底可以完工{s}"
    "南园片区整治工程项目初步设计已获批复{c}概算文本已上报{s}"
    "科技园小游园二期建设项目已完成工程前期手续{s}"
    "活动场所打造工程可行性研究报告已完成{c}下一步将进行立项审批{s}"
    "西河排水管网改造工程施工图设计已完成{c}正在招标。\n"
)
NEWS_VARIANTS = [
    {"title": "某街道组织代表开展云督查", "c": "，", "s": "；", "k": "："},
    {"title": "某街道组织代表开展云督查", "c": ",", "s": ";", "k": ":"},
    {"title": "某街道組織代表開展雲督查", "c": "，", "s": "；", "k": "："},
]


@pytest.mark.parametrize("variant", NEWS_VARIANTS, ids=["full-width", "ascii", "title-traditional"])
def test_a_stage_after_the_project_noun_opens_the_report(variant: dict[str, str]) -> None:
    c = variant["c"]
    rows = rows_of_text(NEWS.format(**variant))
    assert [(row.task, row.progress) for row in rows] == [
        ("东苑老旧小区整治工程项目", f"已完成施工进度的50%{c}预计9月底可以完工"),
        ("南园片区整治工程项目", f"初步设计已获批复{c}概算文本已上报"),
        ("科技园小游园二期建设项目", "已完成工程前期手续"),
        ("活动场所打造工程", f"可行性研究报告已完成{c}下一步将进行立项审批"),
        ("西河排水管网改造工程", f"施工图设计已完成{c}正在招标。"),
    ]
