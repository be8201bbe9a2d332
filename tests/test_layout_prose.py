"""Numbered prose (extractor/layout/prose.py): reports written as paragraphs instead of a table.

Each behaviour is checked on small documents written for the test, in several spellings: full-width
punctuation and ASCII punctuation, simplified and traditional script, other numbers and unit names.
Where one spelling gives a different answer than the others, that case is an expected failure that
names the gap (the code is left as it is).
"""

from __future__ import annotations

from typing import Any

import pytest
import regex

import extractor
from extractor.errors import NoTableError
from extractor.models import Row
from extractor.rules.cells import split_units

_ASCII = str.maketrans({"：": ":", "，": ",", "（": "(", "）": ")", "；": ";"})


def _ascii(value: Any, full_stop: bool = False) -> Any:
    """The same text with ASCII punctuation (":,();"); ``full_stop`` also writes "。" as "."."""
    if isinstance(value, str):
        value = value.translate(_ASCII)
        return value.replace("。", ".") if full_stop else value
    if isinstance(value, (list, tuple)):
        return type(value)(_ascii(v, full_stop) for v in value)
    return value


def _rows(text: str) -> list[Row]:
    document = extractor.parse(text.encode("utf-8"))
    return [r for t in document.tables for r in t.rows]


# ------------------------------------------------------------------ 1. the outline: sections and leaves

OUTLINE = """一、主要指标任务完成情况
（一）全市经济社会发展主要预期目标完成情况
上半年，全市完成地区生产总值802.81亿元，同比增长8.6%。
（二）报告中确定的其他指标任务完成情况
1.引进世界500强企业投资项目不少于3个。上半年，引进世界500强企业投资项目3个。
2.新开工亿元以上产业项目100个。截至6月底，新开工亿元以上产业项目62个。
二、重点工作推进情况
（一）实施创新驱动战略。上半年，新增高新技术企业45家。
（二）推进乡村振兴。目前，已完成高标准农田建设8万亩。
"""
OUTLINE_ROWS = [
    (
        1,
        "（一）",
        "全市经济社会发展主要预期目标完成情况",
        "上半年，全市完成地区生产总值802.81亿元，同比增长8.6%。",
        "一、主要指标任务完成情况",
    ),
    (
        2,
        "1.",
        "引进世界500强企业投资项目不少于3个。",
        "上半年，引进世界500强企业投资项目3个。",
        "（二）报告中确定的其他指标任务完成情况",
    ),
    (
        3,
        "2.",
        "新开工亿元以上产业项目100个。",
        "截至6月底，新开工亿元以上产业项目62个。",
        "（二）报告中确定的其他指标任务完成情况",
    ),
    (4, "（一）", "实施创新驱动战略。", "上半年，新增高新技术企业45家。", "二、重点工作推进情况"),
    (5, "（二）", "推进乡村振兴。", "目前，已完成高标准农田建设8万亩。", "二、重点工作推进情况"),
]

OUTLINE_TRADITIONAL = """一、主要指標任務完成情況
（一）全市經濟社會發展主要預期目標完成情況
上半年，全市完成地區生產總值915.4億元，同比增長7.2%。
（二）報告中確定的其他指標任務完成情況
1.引進世界500強企業投資項目不少於5個。上半年，引進世界500強企業投資項目4個。
2.新開工億元以上產業項目80個。截至6月底，新開工億元以上產業項目51個。
二、重點工作推進情況
（一）實施創新驅動戰略。上半年，新增高新技術企業38家。
（二）推進鄉村振興。目前，已完成高標準農田建設6萬畝。
"""
OUTLINE_TRADITIONAL_ROWS = [
    (
        1,
        "（一）",
        "全市經濟社會發展主要預期目標完成情況",
        "上半年，全市完成地區生產總值915.4億元，同比增長7.2%。",
        "一、主要指標任務完成情況",
    ),
    (
        2,
        "1.",
        "引進世界500強企業投資項目不少於5個。",
        "上半年，引進世界500強企業投資項目4個。",
        "（二）報告中確定的其他指標任務完成情況",
    ),
    (
        3,
        "2.",
        "新開工億元以上產業項目80個。",
        "截至6月底，新開工億元以上產業項目51個。",
        "（二）報告中確定的其他指標任務完成情況",
    ),
    (4, "（一）", "實施創新驅動戰略。", "上半年，新增高新技術企業38家。", "二、重點工作推進情況"),
    (5, "（二）", "推進鄉村振興。", "目前，已完成高標準農田建設6萬畝。", "二、重點工作推進情況"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(OUTLINE, OUTLINE_ROWS, id="full-width"),
        pytest.param(_ascii(OUTLINE), _ascii(OUTLINE_ROWS), id="ascii"),
        pytest.param(OUTLINE_TRADITIONAL, OUTLINE_TRADITIONAL_ROWS, id="traditional"),
        pytest.param(
            _ascii(OUTLINE, full_stop=True),
            _ascii(OUTLINE_ROWS, full_stop=True),
            id="ascii-full-stop",
        ),
    ],
)
def test_outline_items_with_items_under_them_are_sections(text: str, expected: list[tuple]) -> None:
    # seq counts rows in document order; seq_text keeps the enumerator as printed, of whatever level.
    assert [(r.seq, r.seq_text, r.task, r.progress, r.section) for r in _rows(text)] == expected


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        ("重点项目建设完成情况", "截至8月底，累计完成投资46.2亿元。"),
        ("重点项目建设的进展情况", "截至8月底，累计完成投资46.2亿元。"),
        ("民生实事推进情况", "截至8月底，累计完成投资46.2亿元。"),
        ("減稅降費政策落實情況", "截至8月底，累計完成投資46.2億元。"),
        # A plan stated in the text is part of the progress too (two analysts of three).
        ("市级重点项目进展情况", "全市安排重点项目458个，年度计划投资853.8亿元。1-8月共完成投资622.2亿元。"),
        ("市級重點項目進展情況", "全市安排重點項目458個,年度計劃投資853.8億元。1-8月共完成投資622.2億元。"),
    ],
)
def test_heading_over_its_paragraph_is_the_task_as_printed(heading: str, body: str) -> None:
    """The heading is the task as printed (its …情况 tail kept: gold-conventions, the cell as printed)."""
    text = f"（一）{heading}\n{body}\n（二）城市更新\n目前，已开工改造项目17个。\n"
    assert [(r.seq_text, r.task, r.progress) for r in _rows(text)] == [
        ("（一）", heading, body),
        ("（二）", "城市更新", "目前，已开工改造项目17个。"),
    ]


# ------------------------------------------------------------------ 2. an overview beside the sections

OVERVIEW = """一、总体要求
全年经济社会发展的主要预期目标是：地区生产总值增长6%左右。
二、主要任务
1.新建5G基站1200个。上半年，新建5G基站860个。
2.改造老旧小区45个。截至6月底，已开工改造老旧小区30个。
"""
OVERVIEW_TRADITIONAL = """一、總體要求
全年經濟社會發展的主要預期目標是：地區生產總值增長6%左右。
二、主要任務
1.新建5G基站1500個。上半年，新建5G基站930個。
2.改造老舊小區52個。截至6月底，已開工改造老舊小區33個。
三、保障措施
加強組織領導，壓實工作責任。
"""
OVERVIEW_ASCII = """一、总体要求
坚持稳中求进工作总基调,完整准确全面贯彻新发展理念。
二、主要任务
(一)新建5G基站900个。上半年,新建5G基站512个。
(二)改造老旧小区38个。截至6月底,已开工改造老旧小区21个。
(三)新增城镇就业2万人。1-6月,新增城镇就业1.1万人。
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            OVERVIEW,
            [
                (1, "1.", "新建5G基站1200个。", "上半年，新建5G基站860个。", "二、主要任务"),
                (2, "2.", "改造老旧小区45个。", "截至6月底，已开工改造老旧小区30个。", "二、主要任务"),
            ],
            id="full-width",
        ),
        pytest.param(
            OVERVIEW_TRADITIONAL,
            [
                (1, "1.", "新建5G基站1500個。", "上半年，新建5G基站930個。", "二、主要任務"),
                (2, "2.", "改造老舊小區52個。", "截至6月底，已開工改造老舊小區33個。", "二、主要任務"),
            ],
            id="traditional-with-closing-part",
        ),
        pytest.param(
            OVERVIEW_ASCII,
            [
                (1, "(一)", "新建5G基站900个。", "上半年,新建5G基站512个。", "二、主要任务"),
                (2, "(二)", "改造老旧小区38个。", "截至6月底,已开工改造老旧小区21个。", "二、主要任务"),
                (3, "(三)", "新增城镇就业2万人。", "1-6月,新增城镇就业1.1万人。", "二、主要任务"),
            ],
            id="ascii",
        ),
    ],
)
def test_overview_beside_sections_is_not_a_task(text: str, expected: list[tuple]) -> None:
    assert [(r.seq, r.seq_text, r.task, r.progress, r.section) for r in _rows(text)] == expected


# ------------------------------------------------------------------ 3. labels on their own lines

LABEL_LINES = """1.地区生产总值增长6%以上。
分管省领导：张三
部门分工：省发展改革委牵头，各地、各部门配合。
上半年，全省地区生产总值增长6.3%。
2.一般公共预算收入增长5%。
分管省领导：李四
部门分工：省财政厅牵头，省税务局配合。
上半年，全省一般公共预算收入增长4.1%。
"""
LABEL_LINES_ROWS = [
    (
        "地区生产总值增长6%以上。",
        "上半年，全省地区生产总值增长6.3%。",
        ["省发展改革委"],
        ["各地", "各部门"],
        "张三",
    ),
    ("一般公共预算收入增长5%。", "上半年，全省一般公共预算收入增长4.1%。", ["省财政厅"], ["省税务局"], "李四"),
]
LABEL_LINES_TRADITIONAL = """1.地區生產總值增長6.5%左右。
分管省領導：王五
部門分工：省發展改革委牽頭，各地、各部門配合。
2.一般公共預算收入增長4%。
分管省領導：趙六
部門分工：省財政廳牽頭，省稅務局配合。
"""
LABEL_LINES_TRADITIONAL_ROWS = [
    ("地區生產總值增長6.5%左右。", "", ["省發展改革委"], ["各地", "各部門"], "王五"),
    ("一般公共預算收入增長4%。", "", ["省財政廳"], ["省稅務局"], "趙六"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(LABEL_LINES, LABEL_LINES_ROWS, id="full-width"),
        pytest.param(_ascii(LABEL_LINES), _ascii(LABEL_LINES_ROWS), id="ascii"),
        pytest.param(LABEL_LINES_TRADITIONAL, LABEL_LINES_TRADITIONAL_ROWS, id="traditional"),
    ],
)
def test_leader_and_division_labels_on_their_own_lines(text: str, expected: list[tuple]) -> None:
    rows = _rows(text)
    assert [(r.task, r.progress, r.lead_units, r.partner_units, r.cells["lead_leaders"]) for r in rows] == expected
    # the leader is no unit
    assert not {r.cells["lead_leaders"] for r in rows} & {u for r in rows for u in r.lead_units + r.partner_units}


DEADLINE_LINES = """1.新建公办幼儿园10所。
完成时限：2024年12月底
主要责任单位：区教委
2.新增停车位2000个。
完成时限：2024年10月底
主要责任单位：区交通委
"""
DEADLINE_LINES_ROWS = [
    (1, "新建公办幼儿园10所。", "", ["区教委"], "2024年12月底"),
    (2, "新增停车位2000个。", "", ["区交通委"], "2024年10月底"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(DEADLINE_LINES, DEADLINE_LINES_ROWS, id="full-width"),
        pytest.param(_ascii(DEADLINE_LINES, True), _ascii(DEADLINE_LINES_ROWS, True), id="ascii"),
        pytest.param(
            "1.改造農村公路80公里。\n完成時限：2025年6月底\n主要責任單位：縣交通運輸局\n"
            "2.建設社區食堂12個。\n完成時限：2024年11月底\n主要責任單位：縣民政局\n",
            [
                (1, "改造農村公路80公里。", "", ["縣交通運輸局"], "2025年6月底"),
                (2, "建設社區食堂12個。", "", ["縣民政局"], "2024年11月底"),
            ],
            id="traditional",
        ),
    ],
)
def test_deadline_and_responsible_unit_lines(text: str, expected: list[tuple]) -> None:
    assert [(r.seq, r.task, r.progress, r.lead_units, r.cells["deadline"]) for r in _rows(text)] == expected


# ------------------------------------------------------------------ 4. bracketed labels inside an item

BRACKET_LABELS = (
    "（一）地区生产总值增长7.5%左右。"
    "（牵头领导：李四，牵头单位：市发改委，责任单位：市统计局、市财政局，数据提供单位：市统计局）\n"
    "（二）城乡居民人均可支配收入增长7%。"
    "（牵头领导：王五，牵头单位：市人社局，责任单位：市农业农村局，数据提供单位：国家统计局调查队）\n"
)
BRACKET_LABELS_ROWS = [
    ("地区生产总值增长7.5%左右。", ["市发改委"], ["市统计局", "市财政局"], "李四", "市统计局"),
    ("城乡居民人均可支配收入增长7%。", ["市人社局"], ["市农业农村局"], "王五", "国家统计局调查队"),
]
BRACKET_LABELS_TRADITIONAL = (
    "（一）地區生產總值增長8%左右。"
    "（牽頭領導：陳七，牽頭單位：市發改委，責任單位：市統計局、市財政局，數據提供單位：市統計局）\n"
    "（二）規上工業增加值增長9%。（牽頭領導：周八，牽頭單位：市工信局，責任單位：市科技局，數據提供單位：市統計局）\n"
)
BRACKET_LABELS_TRADITIONAL_ROWS = [
    ("地區生產總值增長8%左右。", ["市發改委"], ["市統計局", "市財政局"], "陳七", "市統計局"),
    ("規上工業增加值增長9%。", ["市工信局"], ["市科技局"], "周八", "市統計局"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(BRACKET_LABELS, BRACKET_LABELS_ROWS, id="full-width"),
        pytest.param(_ascii(BRACKET_LABELS), _ascii(BRACKET_LABELS_ROWS), id="ascii"),
        pytest.param(BRACKET_LABELS_TRADITIONAL, BRACKET_LABELS_TRADITIONAL_ROWS, id="traditional"),
    ],
)
def test_bracketed_labels_inside_an_item(text: str, expected: list[tuple]) -> None:
    rows = _rows(text)
    # 数据提供单位 names a unit too, but neither the lead nor a partner one: it keeps a cell of its own.
    assert [
        (r.task, r.lead_units, r.partner_units, r.cells["lead_leaders"], r.cells["数据提供单位"]) for r in rows
    ] == (expected)
    assert [(r.seq, r.progress) for r in rows] == [(1, ""), (2, "")]


@pytest.mark.parametrize(
    "after",
    [pytest.param("\n", id="progress-on-next-line"), pytest.param("", id="progress-after-bracket")],
)
def test_progress_after_a_bracket_ending_with_a_data_unit_label(after: str) -> None:
    text = (
        "（一）地区生产总值增长7.5%左右。（牵头领导：李四，牵头单位：市发改委，数据提供单位：市统计局）"
        f"{after}上半年，全市地区生产总值增长7.8%。\n"
        "（二）城乡居民人均可支配收入增长7%。（牵头领导：王五，牵头单位：市人社局，数据提供单位：市统计局）"
        f"{after}上半年，城镇居民人均可支配收入增长6.5%。\n"
    )
    rows = _rows(text)
    assert [(r.progress, r.lead_units, r.cells["数据提供单位"]) for r in rows] == [
        ("上半年，全市地区生产总值增长7.8%。", ["市发改委"], "市统计局"),
        ("上半年，城镇居民人均可支配收入增长6.5%。", ["市人社局"], "市统计局"),
    ]


# ------------------------------------------------------------------ 5. a closing bracket of unit names
# (an item of a task list that reports nothing is all task, its title and its target, as printed)

CLOSING_UNITS = """1.提高养老金待遇。全面落实国家部署要求。（市人社局、市财政局）
2.扩大普惠托育服务供给。新增托位1000个以上。（市卫健委、市教育局）
"""
CLOSING_UNITS_ROWS = [
    ("提高养老金待遇。全面落实国家部署要求。", "", ["市人社局", "市财政局"], [], None),
    ("扩大普惠托育服务供给。新增托位1000个以上。", "", ["市卫健委", "市教育局"], [], None),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(CLOSING_UNITS, CLOSING_UNITS_ROWS, id="full-width"),
        pytest.param(_ascii(CLOSING_UNITS), _ascii(CLOSING_UNITS_ROWS), id="ascii"),
        pytest.param(
            "1.提高養老金待遇。全面落實國家部署要求。（市人社局、市財政局）\n"
            "2.實施老舊管網改造。改造供水管網60公里。（市住建局牽頭，市水務集團配合）\n",
            [
                ("提高養老金待遇。全面落實國家部署要求。", "", ["市人社局", "市財政局"], [], None),
                ("實施老舊管網改造。改造供水管網60公里。", "", ["市住建局"], ["市水務集團"], None),
            ],
            id="traditional-lead-and-partner",
        ),
        pytest.param(
            _ascii(CLOSING_UNITS, full_stop=True),
            _ascii(CLOSING_UNITS_ROWS, full_stop=True),
            id="ascii-full-stop",
        ),
    ],
)
def test_closing_bracket_of_unit_names(text: str, expected: list[tuple]) -> None:
    rows = _rows(text)
    assert [(r.task, r.progress, r.lead_units, r.partner_units, r.cells.get("任务内容")) for r in rows] == expected


def test_closing_bracket_after_a_reporting_rest_keeps_it_as_progress() -> None:
    text = (
        "1.提高养老金待遇。上半年，已发放养老金3.2亿元。（市人社局、市财政局）\n"
        "2.扩大普惠托育服务供给。截至6月底，新增托位820个。（市卫健委）\n"
    )
    assert [(r.task, r.progress, r.lead_units, r.cells.get("任务内容")) for r in _rows(text)] == [
        ("提高养老金待遇。", "上半年，已发放养老金3.2亿元。", ["市人社局", "市财政局"], None),
        ("扩大普惠托育服务供给。", "截至6月底，新增托位820个。", ["市卫健委"], None),
    ]


# ------------------------------------------------------------------ 6. an item reference


REFERENCES = """1.工业技改投资（第6项）：1-8月完成208.9亿元，同比下降1.8%。
2.外贸进出口（第十二项）：1-8月完成56.3亿元，同比增长3.1%。
"""
REFERENCES_ROWS = [
    ("工业技改投资", "1-8月完成208.9亿元，同比下降1.8%。", "（第6项）"),
    ("外贸进出口", "1-8月完成56.3亿元，同比增长3.1%。", "（第十二项）"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(REFERENCES, REFERENCES_ROWS, id="full-width"),
        pytest.param(_ascii(REFERENCES, True), _ascii(REFERENCES_ROWS, True), id="ascii"),
        pytest.param(
            "1.社會消費品零售總額（第3項）：1-9月完成412.6億元，同比增長5.4%。\n"
            "2.規上工業增加值（第21項）：1-9月同比增長6.9%。\n",
            [
                ("社會消費品零售總額", "1-9月完成412.6億元，同比增長5.4%。", "（第3項）"),
                ("規上工業增加值", "1-9月同比增長6.9%。", "（第21項）"),
            ],
            id="traditional",
        ),
    ],
)
def test_item_reference_ends_the_task_and_keeps_a_cell(text: str, expected: list[tuple]) -> None:
    assert [(r.task, r.progress, r.cells["项目编号"]) for r in _rows(text)] == expected


# ------------------------------------------------------------------ 7. where the progress starts


@pytest.mark.parametrize(
    ("task", "progress"),
    [
        ("新增城镇就业3万人。", "上半年，全市新增城镇就业1.8万人。"),
        ("新建改建农村公路200公里。", "截至7月底，已建成农村公路126公里。"),
        ("实施城市更新项目20个。", "目前，已开工项目14个。"),
        ("完成造林绿化5万亩。", "1-8月完成造林4.2万亩。"),
        ("全年新增市场主体2万户。", "预计全年可新增市场主体2.1万户。"),
        ("新增城鎮就業2.5萬人。", "上半年，全市新增城鎮就業1.3萬人。"),
        ("新建污水管網30公里。", "截至6月底,已建成污水管網19公里。"),
    ],
)
def test_progress_opener_ends_the_task_sentence(task: str, progress: str) -> None:
    text = f"1.{task}{progress}\n2.建设口袋公园12个。目前，已建成口袋公园7个。\n"
    assert [(r.task, r.progress) for r in _rows(text)] == [
        (task, progress),
        ("建设口袋公园12个。", "目前，已建成口袋公园7个。"),
    ]


@pytest.mark.parametrize(
    ("task", "progress"),
    [
        pytest.param("新增城镇就业3万人。", "上半年，全市新增城镇就业1.8万人。", id="上半年"),
        pytest.param("新建改建农村公路200公里。", "截至7月底，已建成农村公路126公里。", id="截至"),
    ],
)
def test_progress_opener_after_an_ascii_full_stop(task: str, progress: str) -> None:
    task, progress = _ascii(task, full_stop=True), _ascii(progress, full_stop=True)
    text = f"1.{task}{progress}\n2.建设口袋公园12个.目前,已建成口袋公园7个.\n"
    assert [(r.task, r.progress) for r in _rows(text)] == [
        (task, progress),
        ("建设口袋公园12个.", "目前,已建成口袋公园7个."),
    ]


PLAN_AND_ACTUAL = """1.农牧林水项目9个，年度计划投资7.2亿元，开工7个，开工率78%，完成投资1.9亿元。
2.社会事业项目15个，年度计划投资12.6亿元，开工11个，开工率73%，完成投资4.3亿元。
"""
PLAN_AND_ACTUAL_ROWS = [
    ("农牧林水项目9个，年度计划投资7.2亿元", "开工7个，开工率78%，完成投资1.9亿元。"),
    ("社会事业项目15个，年度计划投资12.6亿元", "开工11个，开工率73%，完成投资4.3亿元。"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(PLAN_AND_ACTUAL, PLAN_AND_ACTUAL_ROWS, id="full-width"),
        pytest.param(_ascii(PLAN_AND_ACTUAL), _ascii(PLAN_AND_ACTUAL_ROWS), id="ascii"),
        pytest.param(
            "1.城建交通项目6个，当年计划投资19亿元，完成投资28.78亿元，超计划推进。\n"
            "2.重大产业项目47个，目标投资135.7亿元，复工34个，复工率72%。\n",
            [
                ("城建交通项目6个，当年计划投资19亿元", "完成投资28.78亿元，超计划推进。"),
                ("重大产业项目47个，目标投资135.7亿元", "复工34个，复工率72%。"),
            ],
            id="other-plan-words",
        ),
        pytest.param(
            "1.農牧林水項目11個，年度計劃投資8.4億元，開工9個，開工率82%，完成投資2.6億元。\n"
            "2.社會事業項目13個，年度計劃投資10.1億元，開工8個，開工率62%，完成投資3.7億元。\n",
            [
                ("農牧林水項目11個，年度計劃投資8.4億元", "開工9個，開工率82%，完成投資2.6億元。"),
                ("社會事業項目13個，年度計劃投資10.1億元", "開工8個，開工率62%，完成投資3.7億元。"),
            ],
            id="traditional",
        ),
    ],
)
def test_actual_clause_after_a_plan_starts_the_progress(text: str, expected: list[tuple]) -> None:
    assert [(r.seq, r.task, r.progress) for r in _rows(text)] == [(n, *e) for n, e in enumerate(expected, 1)]


# ------------------------------------------------------------------ 8. listed (unnumbered) items

LISTED = """上半年全市经济运行总体平稳。
其中：
规上工业增加值增长5.2%，高于全省平均0.6个百分点。
固定资产投资增长8.1%，其中工业投资增长12.3%。
社会消费品零售总额完成356.7亿元，同比增长6.4%。
"""
LISTED_ROWS = [
    (1, None, "规上工业增加值增长5.2%，高于全省平均0.6个百分点。", "其中"),
    (2, None, "固定资产投资增长8.1%，其中工业投资增长12.3%。", "其中"),
    (3, None, "社会消费品零售总额完成356.7亿元，同比增长6.4%。", "其中"),
]
LISTED_BY_GROUP = """全市主要经济指标完成情况如下。
——按行业分：
工业增加值完成412亿元，同比增长6.1%。
建筑业增加值完成98亿元，同比增长3.5%。
——按区域分：
城区实现地区生产总值520亿元，增长5.9%。
县域实现地区生产总值310亿元，增长6.3%。
"""
LISTED_BY_GROUP_ROWS = [
    (1, None, "工业增加值完成412亿元，同比增长6.1%。", "按行业分"),
    (2, None, "建筑业增加值完成98亿元，同比增长3.5%。", "按行业分"),
    (3, None, "城区实现地区生产总值520亿元，增长5.9%。", "按区域分"),
    (4, None, "县域实现地区生产总值310亿元，增长6.3%。", "按区域分"),
]
DASHED = """上半年全市经济运行总体平稳。
——规上工业增加值增长5.2%，高于全省平均0.6个百分点。
——固定资产投资增长8.1%，其中工业投资增长12.3%。
"""
DASHED_ROWS = [
    (1, None, "规上工业增加值增长5.2%，高于全省平均0.6个百分点。", None),
    (2, None, "固定资产投资增长8.1%，其中工业投资增长12.3%。", None),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(LISTED, LISTED_ROWS, id="其中"),
        pytest.param(_ascii(LISTED, True), _ascii(LISTED_ROWS, True), id="其中-ascii"),
        pytest.param(LISTED_BY_GROUP, LISTED_BY_GROUP_ROWS, id="按行业分"),
        pytest.param(_ascii(LISTED_BY_GROUP, True), _ascii(LISTED_BY_GROUP_ROWS, True), id="按行业分-ascii"),
        pytest.param(
            "上半年全市經濟運行總體平穩。\n其中：\n規上工業增加值增長4.7%，高於全省平均0.3個百分點。\n"
            "固定資產投資增長7.4%，其中工業投資增長10.8%。\n",
            [
                (1, None, "規上工業增加值增長4.7%，高於全省平均0.3個百分點。", "其中"),
                (2, None, "固定資產投資增長7.4%，其中工業投資增長10.8%。", "其中"),
            ],
            id="其中-traditional",
        ),
        pytest.param(DASHED, DASHED_ROWS, id="dash-led"),
        pytest.param(
            "今年以来主要指标运行良好。\n—— 外贸进出口总额完成88.2亿元，同比增长9.7%。\n"
            "——实际使用外资2.4亿美元，同比增长15%。\n——新增市场主体1.6万户。\n",
            [
                (1, None, "外贸进出口总额完成88.2亿元，同比增长9.7%。", None),
                (2, None, "实际使用外资2.4亿美元，同比增长15%。", None),
                (3, None, "新增市场主体1.6万户。", None),
            ],
            id="dash-led-other",
        ),
    ],
)
def test_listed_items_are_rows_counted_by_position(text: str, expected: list[tuple]) -> None:
    assert [(r.seq, r.seq_text, r.task, r.section) for r in _rows(text)] == expected


def test_listing_ends_at_a_paragraph_without_a_figure() -> None:
    text = LISTED.replace("社会消费品零售总额完成356.7亿元，同比增长6.4%。\n", "总体看，经济运行稳中有进。\n")
    text += "下半年力争地区生产总值增长6%以上。\n"
    assert [(r.seq, r.task) for r in _rows(text)] == [
        (1, "规上工业增加值增长5.2%，高于全省平均0.6个百分点。"),
        (2, "固定资产投资增长8.1%，其中工业投资增长12.3%。"),
    ]


# ------------------------------------------------------------------ 9. run-in items 一是…二是…

RUN_IN = (
    "今年以来，我区扎实推进各项重点工作。"
    "一是深化改革，网上可办率达98.5%；二是扩大开放，实际利用外资2.3亿美元；三是强化保障，发放贷款36亿元。\n"
)
RUN_IN_ROWS = [
    (1, "深化改革", "网上可办率达98.5%"),
    (2, "扩大开放", "实际利用外资2.3亿美元"),
    (3, "强化保障", "发放贷款36亿元。"),  # the item's sentence keeps its full stop
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(RUN_IN, RUN_IN_ROWS, id="full-width"),
        pytest.param(_ascii(RUN_IN), _ascii(RUN_IN_ROWS), id="ascii"),
        pytest.param(
            "一是實施教室照明改造工程（第三項）正在編製招標文件；二是實施疫苗免費接種項目試點（第六項）預計9月份開始接種。\n",
            [(1, "實施教室照明改造工程", "正在編製招標文件"), (2, "實施疫苗免費接種項目試點", "預計9月份開始接種。")],
            id="traditional-with-references",
        ),
        pytest.param(
            "上半年重点工作进展顺利：一是新建充电桩420个；二是改造燃气管网35公里；三是新增公共停车位1800个；四是建成口袋公园9个。\n",
            [
                (1, "新建充电桩420个", ""),
                (2, "改造燃气管网35公里", ""),
                (3, "新增公共停车位1800个", ""),
                (4, "建成口袋公园9个。", ""),
            ],
            id="four-items-no-comma",
        ),
        pytest.param(
            _ascii(RUN_IN, full_stop=True),
            _ascii(RUN_IN_ROWS, full_stop=True),
            id="ascii-full-stop",
        ),
        pytest.param(
            "一是新建项目前期手续基本完成。二是改造项目已完工。三是扩建项目正在施工。\n",
            [(1, "新建项目前期手续基本完成。", ""), (2, "改造项目", "已完工。"), (3, "扩建项目", "正在施工。")],
            id="items-ending-in-full-stops",
        ),
    ],
)
def test_run_in_items_inside_a_paragraph(text: str, expected: list[tuple]) -> None:
    assert [(r.seq, r.task, r.progress) for r in _rows(text)] == expected


# ------------------------------------------------------------------ 10. split_units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("市民政局 伍泽国", ["市民政局"]),
        ("区教育局 王小明", ["区教育局"]),
        ("區民政局 伍澤國", ["區民政局"]),
        ("市民政局 伍泽国、市财政局 李强", ["市民政局", "市财政局"]),
        ("清丰县党委、政府，开发区党工委、管委会", ["清丰县党委、政府", "开发区党工委、管委会"]),
        ("南乐县党委、政府,工业园区党工委、管委会", ["南乐县党委、政府", "工业园区党工委、管委会"]),
        ("清豐縣黨委、政府，開發區黨工委、管委會", ["清豐縣黨委、政府", "開發區黨工委、管委會"]),
        ("市发改委,市统计局", ["市发改委", "市统计局"]),
    ],
)
def test_split_units(text: str, units: list[str]) -> None:
    assert split_units(text) == units


@pytest.mark.parametrize("space", ["\u3000", "\xa0"], ids=["ideographic", "no-break"])
def test_split_units_drops_a_person_after_any_space(space: str) -> None:
    assert split_units(f"市民政局{space}伍泽国") == ["市民政局"]


@pytest.mark.parametrize("label", ["牵头单位", "责任单位及责任人"])
def test_person_after_a_labelled_unit_is_not_progress(label: str) -> None:
    text = f"1.建设养老服务中心5个。\n{label}：市民政局 伍泽国\n2.新增托位1000个。\n{label}：市卫健委 李强\n"
    assert [(r.lead_units, r.progress) for r in _rows(text)] == [(["市民政局"], ""), (["市卫健委"], "")]


# ------------------------------------------------------------------ 11. continued pages, ordinals, topics, 其中 parts

CONTINUED = (
    "(续前)(二)办理权属调处\n重办登记之调处案，调处案件共712案，办理完竣625案，未完成87案。\n"
    "(三)促进土地开发利用\n办理产业园区土地公告，完成产权登记。\n"
    "六、完善医疗照顾\n"
    "(一)培育医事人员返乡服务\n上半年，公费牙医师及护理师各1位返乡服务。\n"
    "(二)兴建卫生所大楼\n本工程已于9月13日开工，累计实际进度31.65%。\n"
)
CONTINUED_ROWS = [
    ("(二)", "办理权属调处", None),
    ("(三)", "促进土地开发利用", None),
    ("(一)", "培育医事人员返乡服务", "六、完善医疗照顾"),
    ("(二)", "兴建卫生所大楼", "六、完善医疗照顾"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(CONTINUED, CONTINUED_ROWS, id="ascii-brackets"),
        pytest.param(
            CONTINUED.replace("(", "（").replace(")", "）"),
            [(s.replace("(", "（").replace(")", "）"), t, c) for s, t, c in CONTINUED_ROWS],
            id="full-width-brackets",
        ),
        pytest.param(
            CONTINUED.replace("(续前)", "（接上页）").replace("六、", "五、"),
            [(s, t, c and c.replace("六、", "五、")) for s, t, c in CONTINUED_ROWS],
            id="other-note-and-number",
        ),
    ],
)
def test_a_continued_page_keeps_its_first_item_and_lone_heading(text: str, expected: list[tuple]) -> None:
    """A note before the first enumerator is skipped; a lone 六、 whose items restart at (一) is a section."""
    assert [(r.seq_text, r.task, r.section) for r in _rows(text)] == expected


def test_a_lone_heading_is_text_when_the_numbering_below_does_not_restart() -> None:
    text = "（一）推进甲项工作。已完成80%。\n六、其他事项\n（二）推进乙项工作。已完成60%。\n"
    rows = _rows(text)
    assert [r.seq_text for r in rows] == ["（一）", "（二）"]
    assert all(r.section is None for r in rows)


@pytest.mark.parametrize(
    ("marker", "colon"),
    [("第{}项", "："), ("第{}項", ":"), ("第{}条", "、")],
)
def test_ordinal_items_and_a_reporting_second_sentence(marker: str, colon: str) -> None:
    """第一项：task sentence. A sentence that reports (已完成) starts the progress."""
    numerals = ["一", "二", "三"]
    lines = [
        "落实离岛综合建设五期及中长程发展计划，为地方创生奠定永续发展根基。行政处办理补助计划管考会议已完成。",
        "赓续争取兴建跨海大桥，加强水力、电力、码头、道路等基础设施，提升乡亲生活品质。工务处码头改善工程已完成。",
        "加速改善机场，兴建三千吨以上离岛客货轮，提升对外海空交通设施。",
    ]
    text = "县府召开上半年度政见执行情形管制会议。\n" + "".join(
        f"{marker.format(n)}{colon}{line}\n" for n, line in zip(numerals, lines, strict=True)
    )
    rows = _rows(text)
    printed = marker + ("、" if colon == "、" else "")  # a colon ends a label; 、 is the enumerator's own
    assert [(r.seq_text, r.task, r.progress) for r in rows] == [
        (printed.format("一"), lines[0].split("。")[0] + "。", "行政处办理补助计划管考会议已完成。"),
        (printed.format("二"), lines[1].split("。")[0] + "。", "工务处码头改善工程已完成。"),
        (printed.format("三"), lines[2], ""),
    ]
    assert [r.seq for r in rows] == [1, 2, 3]


TOPICS = (
    "青川县一季度重点项目建设进展顺利\n发布时间: 2007-03-08\n"
    "交通方面：凉唐公路改造完成投资2400万元；酒家垭隧道完成投资600万元。\n"
    "城市建设方面：截污干管完成投资50万元，铺设管道2300米。\n"
    "能源方面：文江口电站完成投资300万元，县城电网改造工程开工建设。\n"
)
TOPIC_ROWS = [
    (1, "交通方面", "凉唐公路改造完成投资2400万元；酒家垭隧道完成投资600万元。"),
    (2, "城市建设方面", "截污干管完成投资50万元，铺设管道2300米。"),
    (3, "能源方面", "文江口电站完成投资300万元，县城电网改造工程开工建设。"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(TOPICS, TOPIC_ROWS, id="full-width"),
        pytest.param(_ascii(TOPICS), _ascii(TOPIC_ROWS), id="ascii"),
        pytest.param(
            TOPICS.replace("方面", "領域").replace("：", " ： "),
            [(s, t.replace("方面", "領域"), p) for s, t, p in TOPIC_ROWS],
            id="other-word-spaced-colon",
        ),
    ],
)
def test_topic_lines_are_items_named_by_their_topic(text: str, expected: list[tuple]) -> None:
    assert [(r.seq, r.task, r.progress) for r in _rows(text)] == expected


def test_known_labels_are_not_topics() -> None:
    """牵头单位： / 完成情况： lines are fields of an item, never items of their own."""
    text = "牵头单位：市发改委、市财政局2个部门\n完成情况：已完成投资3亿元，占计划的60%。\n"
    with pytest.raises(NoTableError):
        _rows(text)


AMONG_INLINE = (
    "2021年，全市列入省重点项目54项，截止9月底，完成投资164.8亿元，占年度计划的61.9%。"
    "其中：计划新开工22项，已开工15项，完成投资57.1亿元；在建项目13项，完成投资76.1亿元，占年度计划的90.4%；"
    "竣工项目13项（主体已完工6项），完成投资31.2亿元；重点前期项目已开工2项，完成投资0.4亿元。\n"
)
AMONG_INLINE_ROWS = [
    ("计划新开工22项", "已开工15项，完成投资57.1亿元"),
    ("在建项目13项", "完成投资76.1亿元，占年度计划的90.4%"),
    ("竣工项目13项", "（主体已完工6项），完成投资31.2亿元"),
    ("重点前期项目", "已开工2项，完成投资0.4亿元。"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(AMONG_INLINE, AMONG_INLINE_ROWS, id="full-width"),
        pytest.param(_ascii(AMONG_INLINE), _ascii(AMONG_INLINE_ROWS), id="ascii"),
        pytest.param(AMONG_INLINE.replace("其中：", "其中，"), AMONG_INLINE_ROWS, id="comma-after-其中"),
    ],
)
def test_parts_after_其中_in_one_sentence(text: str, expected: list[tuple]) -> None:
    rows = _rows(text)
    assert [(r.seq, r.seq_text) for r in rows] == [(1, None), (2, None), (3, None), (4, None)]
    assert [(r.task, r.progress) for r in rows] == expected


AMONG_PARAGRAPHS = (
    "2021年，全市谋划实施提质工程项目386个，年度计划投资495.58亿元。截至目前，完成投资270.03亿元。\n\n"
    "其中，中心城区谋划实施提质工程项目189个，年度计划投资353.2亿元。截至目前，在建项目95个，完成投资188.7亿元。\n\n"
    "4个县(市)共实施提质工程项目197个，年度计划投资142.38亿元。截至目前，在建项目128个，完成投资81.33亿元。\n"
)


@pytest.mark.parametrize("among", ["其中，", "其中:", "其中 ， "])
def test_paragraphs_after_one_opening_with_其中_are_its_parts(among: str) -> None:
    rows = _rows(AMONG_PARAGRAPHS.replace("其中，", among))
    assert [(r.task, r.progress) for r in rows] == [
        ("中心城区谋划实施提质工程项目189个，年度计划投资353.2亿元。", "截至目前，在建项目95个，完成投资188.7亿元。"),
        ("4个县(市)共实施提质工程项目197个，年度计划投资142.38亿元。", "截至目前，在建项目128个，完成投资81.33亿元。"),
    ]


@pytest.mark.parametrize(("marker", "last"), [("{}、", "3、"), ("（{}）", "（3）"), ("{}.", "3. ")])
def test_a_bare_enumerator_on_the_last_line_is_an_item_cut_short(marker: str, last: str) -> None:
    items = ["城东污水处理厂。截至年末，完成总工程量35%。", "城西道路工程。截至年末，已完成路基施工。"]
    text = "".join(f"{marker.format(n)}{item}\n" for n, item in enumerate(items, 1)) + last
    rows = _rows(text)
    assert [(r.seq, r.task, r.progress) for r in rows] == [
        (1, "城东污水处理厂。", "截至年末，完成总工程量35%。"),
        (2, "城西道路工程。", "截至年末，已完成路基施工。"),
        (3, "", ""),
    ]


def test_a_bare_enumerator_inside_the_text_is_not_an_item() -> None:
    text = "1、城东污水处理厂。截至年末，完成总工程量35%。\n3、\n2、城西道路工程。截至年末，已完成路基施工。\n"
    assert [r.seq for r in _rows(text)] == [1, 2]


@pytest.mark.parametrize("mark", ["？", "?", "？ "])
def test_questions_to_the_reader_are_not_tasks(mark: str) -> None:
    text = (
        "关于征集民生实事项目意见建议的通告\n"
        f"1. 您比较关注哪些方面的民生问题{mark}\n2. 您对民生实事推进工作有哪些意见或建议{mark}\n"
        "附件：\n一、教育惠民领域\n"
        "1. 新建中小学15所。（牵头单位：市教育局）\n2. 完成义务教育学校灯光照明改造。（牵头单位：市教育局）\n"
    )
    assert [r.task for r in _rows(text)] == ["新建中小学15所。", "完成义务教育学校灯光照明改造。"]


@pytest.mark.parametrize(
    "item",
    [
        "新建幼儿园14所。创建省、市级优质幼儿园20所。",
        "全市新招聘中小学教师800人。组织200名教师赴外地挂职锻炼。",
        "新建幼儿园14所. 创建优质幼儿园20所.",
    ],
)
def test_targets_one_after_another_are_all_the_task(item: str) -> None:
    text = "".join(f"{n}. {item}（牵头单位：市教育局；共同责任单位：市财政局）\n" for n in (1, 2))
    rows = _rows(text)
    assert [(r.task, r.progress, r.lead_units) for r in rows] == [(item.strip(), "", ["市教育局"])] * 2


@pytest.mark.parametrize(
    ("closing", "shared"),
    [
        ("目前，3个任务按照节点目标要求都已完成。", True),
        ("截至3月底，以上任务均已完成。", True),
        ("目前，已完成维修改造中小学校10所。", False),  # reports on one item: not shared
    ],
)
def test_a_report_on_all_items_after_a_run_in_list(closing: str, shared: bool) -> None:
    text = (
        "按照实施方案，涉及我市的任务有3个，分别为：一是维修改造中小学校13所（责任单位：市教育局）；"
        "二是提高异地就医报销比例，简化临时外出备案流程（责任单位：市医保局）；"
        f"三是新改建农村公路380公里（责任单位：市交通局）。{closing}其它12个任务正在有序推进。\n"
    )
    rows = _rows(text)
    assert [(r.task, r.lead_units) for r in rows] == [
        ("维修改造中小学校13所", ["市教育局"]),
        ("提高异地就医报销比例，简化临时外出备案流程", ["市医保局"]),
        ("新改建农村公路380公里", ["市交通局"]),
    ]
    assert [r.progress for r in rows] == ([closing] * 3 if shared else ["", "", ""])


@pytest.mark.parametrize(
    ("heading", "reports"),
    [
        ("一、2023年工作回顾", True),
        ("一、重点工作完成情况", True),
        ("一、2024年工作要点", False),
        ("一、主要任务", False),
    ],
)
def test_what_follows_a_title_sentence_reports_under_a_reporting_heading(heading: str, reports: bool) -> None:
    rest = "专利申请量12936件，排名全市第三；获市级以上科技进步奖12项。"
    text = f"{heading}\n1.创新能力明显提高。{rest}\n2.高端项目加快布局。出台构建现代产业体系文件，新引进项目8个。\n"
    rows = _rows(text)
    # Under a heading that reports, the rest is the title's result; under a plan's, the target it sets.
    assert rows[0].task == ("创新能力明显提高。" if reports else f"创新能力明显提高。{rest}")
    assert rows[0].progress == (rest if reports else "")


# ------------------------------------------------------------------ items written like their siblings


@pytest.mark.parametrize(
    ("report", "full_stop"),
    [
        ("完成老年人白内障筛查共计53万余人次；完成体检胸部X线片筛查846363人。", False),
        ("完成老年人白內障篩查共計53萬餘人次；舉辦結核病防治技術交流培訓班。", False),
        ("制发《2023年城乡低保提标实施方案》", False),
        ("完成老年人白内障筛查共计53万余人次;完成体检胸部X线片筛查846363人.", True),
    ],
)
def test_an_item_is_split_where_its_siblings_split(report: str, full_stop: bool) -> None:
    """Two siblings give their target in a first sentence and then what was done ("已开展…"); the
    third's report opens with no such word, yet it is read the same way."""
    items = [
        "做好重点群体就业工作，开展农业技能技术培训2万人次。已开展农业技能技术培训8718人次。",
        "办好人民满意的教育，新建70所公办幼儿园。已开工建设公办幼儿园63所。",
        f"加强医疗健康服务，为重点人群免费发放“防疫健康包”133万份。{report}",
    ]
    text = "".join(f"{n}.{item}\n\n" for n, item in enumerate(items, start=1))
    if full_stop:
        text = _ascii(text, full_stop=True)
    rows = _rows(text)
    target = "加强医疗健康服务，为重点人群免费发放“防疫健康包”133万份。"
    if full_stop:
        target = _ascii(target, full_stop=True)
    assert (rows[2].task, rows[2].progress) == (target, report)


def test_siblings_that_are_all_task_do_not_split_an_item() -> None:
    """A task list whose items are all targets in several sentences: nothing is split."""
    items = [
        "新建幼儿园14所。创建优质幼儿园20所。",
        "新改建农村公路380公里。完成危桥改造12座。",
        "新增城镇就业3万人。开展职业技能培训2万人次。",
    ]
    rows = _rows("".join(f"{n}.{item}\n" for n, item in enumerate(items, start=1)))
    assert [(r.task, r.progress) for r in rows] == [(item, "") for item in items]


@pytest.mark.parametrize("close", ["", "）", "）。"])
def test_a_bracket_of_units_cut_off_with_the_document_still_names_them(close: str) -> None:
    text = (
        "1.减征职工基本医疗保险费。为各类用人单位减负约39.13亿元。（市医疗保障局）\n"
        f"2.提高财政补助标准。城乡居民医保补助标准提高到700元。（市医疗保障局、市卫生健康委{close}"
    )
    rows = _rows(text)
    assert rows[1].lead_units == ["市医疗保障局", "市卫生健康委"]
    assert rows[1].task == "提高财政补助标准。城乡居民医保补助标准提高到700元。"
    assert "市卫生健康委" not in (rows[1].progress or "") + rows[1].cells.get("任务内容", "")


@pytest.mark.parametrize("glue", ["\n", "", " "])
@pytest.mark.parametrize("target_label", ["任务目标", "工作目标", "年度目標"])
def test_a_named_item_keeps_its_name_as_task_and_its_target_apart(glue: str, target_label: str) -> None:
    """An item named by its heading, with labelled lines under it: the name is the task, the
    labelled target a cell of its own; a label glued to the value before it is still a label."""
    text = (
        "一、新建300个公共充电桩项目\n牵头领导：涂超\n牵头单位：县城管执法局\n"
        f"责任单位：县城投集团{glue}{target_label}：2024年计划共完成300个公共充电桩建设。\n"
        "二、老旧小区改造项目\n牵头单位：县住建局\n"
        f"责任单位：莲塘镇{glue}{target_label}：改造总建筑面积不少于10万平方米。\n"
    )
    rows = _rows(text)
    assert [(r.task, r.lead_units, r.partner_units) for r in rows] == [
        ("新建300个公共充电桩项目", ["县城管执法局"], ["县城投集团"]),
        ("老旧小区改造项目", ["县住建局"], ["莲塘镇"]),
    ]
    assert rows[1].cells[target_label] == "改造总建筑面积不少于10万平方米。"


@pytest.mark.parametrize("verb", ["牵头的工作", "负责的工作", "牵头的任务", "牽頭的工作"])
def test_a_heading_that_assigns_items_to_a_unit_gives_their_lead(verb: str) -> None:
    text = (
        "一、张三省长负责的工作\n全面负责省人民政府工作任务的落实。\n"
        f"（一）省监察厅{verb}\n加强行政监察工作，全面落实党风廉政建设责任制。\n"
        f"（二）省编办{verb}\n1.深化行政管理体制改革，优化政府机构设置。\n2.积极稳妥地推进乡镇机构改革。\n"
        "协同单位：省财政厅、省人事厅。\n"
        f"（三）省人民政府办公厅{verb}\n1.加强政府自身建设。\n2.认真执行省人大的各项决议（省法制办负责）。\n"
    )
    rows = _rows(text)
    assert [(r.task, r.lead_units) for r in rows] == [
        ("加强行政监察工作，全面落实党风廉政建设责任制。", ["省监察厅"]),
        ("深化行政管理体制改革，优化政府机构设置。", ["省编办"]),
        ("积极稳妥地推进乡镇机构改革。", ["省编办"]),
        ("加强政府自身建设。", ["省人民政府办公厅"]),
        ("认真执行省人大的各项决议", ["省法制办"]),  # its own unit
    ]
    assert rows[2].partner_units == ["省财政厅", "省人事厅"]


@pytest.mark.parametrize(
    "closing",
    [
        "在今后的工作中，我局将会同各相关乡镇，全面完成上级下达的各项目标任务。",
        "下一步，我局将继续加强督促检查。",
        "總之，全縣上下將繼續努力。",
    ],
)
def test_a_paragraph_closing_the_report_is_not_the_last_items(closing: str) -> None:
    report = "我局已加大力度督促有关乡镇切实履行主体责任。"
    text = (
        "一、关于“污水处理设施未按期完工”的问题的整改情况。由于受疫情影响，项目未按时完工，现已全部完工。\n"
        f"二、关于“传统村落未编制保护规划”的问题的整改情况。{report}\n{closing}\n"
    )
    document = extractor.parse(text.encode("utf-8"))
    rows = document.tables[0].rows
    assert [r.task for r in rows] == ["关于“污水处理设施未按期完工”的问题", "关于“传统村落未编制保护规划”的问题"]
    assert rows[1].progress == report


def test_a_second_paragraph_of_an_item_stays_when_its_siblings_have_several() -> None:
    text = (
        "一、关于“污水处理设施未按期完工”的问题的整改情况。现已全部完工。\n下一步，我局将加强运维管理。\n"
        "二、关于“传统村落未编制保护规划”的问题的整改情况。已编制完成。\n下一步，我局将设立保护标志。\n"
    )
    rows = _rows(text)
    assert rows[1].progress == "已编制完成。\n下一步，我局将设立保护标志。"


@pytest.mark.parametrize("etc", ["等", "等单位", ""])
def test_a_bracket_closing_a_labelled_unit_name_is_part_of_it(etc: str) -> None:
    counties = "各县（市、区）政府（管委会）"
    text = (
        f"1.全面落实疫情防控措施。\n责任单位：市疫情防控指挥部办公室、市卫生健康委{etc}，{counties}\n"
        f"2.加快推进疫苗接种。\n责任单位：市卫生健康委{etc}，{counties}\n"
    )
    rows = _rows(text)
    assert rows[0].lead_units == ["市疫情防控指挥部办公室", "市卫生健康委", "各县（市、区）政府（管委会）"]
    assert rows[1].lead_units == ["市卫生健康委", "各县（市、区）政府（管委会）"]


@pytest.mark.parametrize(("open_", "close"), [("[", "]"), ("【", "】"), ("（", "）")])
def test_labelled_units_in_square_brackets_after_the_task(open_: str, close: str) -> None:
    task = "以爱国卫生运动为抓手，大力开展环境卫生综合整治，切实巩固疫情防控成果。"
    units = f"{open_}牵头单位：区卫健局、区创文办；责任单位：区创文工作领导小组成员单位、各街办（新区）{close}"
    rows = _rows(f"1、{task}{units}\n2、{task}{units}\n")
    assert (rows[0].task, rows[0].lead_units) == (task, ["区卫健局", "区创文办"])
    assert rows[0].partner_units == ["区创文工作领导小组成员单位", "各街办（新区）"]


@pytest.mark.parametrize(
    ("first", "second"), [("区委办公室（3项）", "区政府办公室（2项）"), ("区委办公室(共3项)", "區政府辦公室(共2項)")]
)
def test_a_units_line_with_its_count_leads_the_items_under_it(first: str, second: str) -> None:
    text = (
        f"{first}\n1.领办项目：下荒村路灯修复项目。工作进展：已修复路灯12盏。\n"
        "2.领办项目：锦绣社区室温提升项目。工作进展：已完成管网改造。\n"
        f"{second}\n1.领办项目：星海社区车位规划项目。工作进展：已施划车位60个。\n"
        "2.领办项目：宝山社区电脑更新项目。工作进展：已更新电脑8台。\n"
    )
    rows = _rows(text)
    second_unit = second.split("（")[0].split("(")[0]
    assert [r.lead_units for r in rows] == [["区委办公室"]] * 2 + [[second_unit]] * 2
    assert rows[2].task == "星海社区车位规划项目。"


def test_an_addressee_line_is_no_group() -> None:
    text = "区政府：\n1.新建学校2所。（市教育局）\n2.新建医院1所。（市卫健委）\n"
    rows = _rows(text)
    assert [(r.lead_units, r.section) for r in rows] == [(["市教育局"], None), (["市卫健委"], None)]


def test_a_units_line_under_an_item_is_that_items_unit() -> None:
    text = "1.新建学校2所。\n市教育局\n2.新建医院1所。\n市卫健委\n"
    rows = _rows(text)
    assert [r.lead_units for r in rows] == [["市教育局"], ["市卫健委"]]


@pytest.mark.parametrize(
    ("label", "numbers"),
    [
        (" · 进展情况 · ", ("01", "02")),
        ("●進展情況●", ("01", "02")),
        ("◆ 完成情况 ◆", ("01", "02")),
        (" · 进 展 情 况 · ", ("01", "02")),
    ],
)
def test_items_numbered_alone_on_a_line_with_decorated_labels(label: str, numbers: tuple[str, str]) -> None:
    """A phone-layout article: "01" alone on a line, the item's name, its target, a decorated
    label, the progress."""
    text = (
        "实事项目进展情况如下：\n"
        f"{numbers[0]}\n推进“美丽家园”建设\n完成10万平方米屋面改造。\n{label}\n屋面改造已完工8万平方米。\n"
        f"{numbers[1]}\n推进“美丽街区”建设\n完成20条道路大中修。\n{label}\n其中9个项目已竣工。\n"
    )
    rows = _rows(text)
    assert [(r.seq_text, r.task, r.progress) for r in rows] == [
        (numbers[0], "推进“美丽家园”建设", "屋面改造已完工8万平方米。"),
        (numbers[1], "推进“美丽街区”建设", "其中9个项目已竣工。"),
    ]
    assert rows[0].cells["任务内容"] == "完成10万平方米屋面改造。"  # the target is kept


@pytest.mark.parametrize("month", ["10月底之前", "9月底前", "12月31日前"])
def test_an_enumerator_before_a_month_is_no_decimal(month: str) -> None:
    text = (
        "1.新建幼儿园3所。已完成2所。\n"
        f"2.{month}完成腾云气体有限公司关闭退出。9月28日已完成关闭退出任务。\n"
        "3.新增造林0.71万亩。已完成0.75万亩。\n"
    )
    rows = _rows(text)
    assert [r.seq for r in rows] == [1, 2, 3]
    assert rows[1].task == f"{month}完成腾云气体有限公司关闭退出。"


@pytest.mark.parametrize(
    "name",
    [
        "乐山市五通桥区东西部扶贫协作新型工业园区基础设施建设项目。",
        "全面落实科学防控、精密智控、闭环管控等各项措施要求。",  # a statement, not a name
        "新建城乡供水管网120公里的供水一体化工程。",  # a target
    ],
)
def test_a_long_title_before_the_report_keeps_its_full_stop(name: str) -> None:
    """The task as printed: a title, a name or a target alike, keeps its full stop, as most analysts'
    gold does (a table cell keeps what it prints too)."""
    text = f"1、{name}截至2020年末，已完成项目用地征地拆迁。\n2、五通桥污水处理厂。截至2020年末，已完工。\n"
    assert _rows(text)[0].task == name


@pytest.mark.parametrize("prefix", ["3.{n} ", "3.{n}", ""])
@pytest.mark.parametrize("roman", [("I", "II", "III", "IV"), ("i", "ii", "iii", "iv")])
def test_roman_numerals_in_brackets_number_items(prefix: str, roman: tuple[str, ...]) -> None:
    names = ["提供環境宜人的休憩用地", "美化現有園景區", "推行植樹計劃", "教育和推廣環保意識"]
    text = "(A) 提供休憩用地和推廣綠化工作\n" + "".join(
        f"{prefix.format(n=n + 2)}({numeral}) {name}\n  • 二零一五年共有{n + 3}項工程竣工。\n"
        for n, (numeral, name) in enumerate(zip(roman, names, strict=True))
    )
    rows = _rows(text)
    assert [(r.seq, r.seq_text, r.task) for r in rows] == [
        (n + 1, f"({numeral})", name) for n, (numeral, name) in enumerate(zip(roman, names, strict=True))
    ]
    assert rows[3].progress == "二零一五年共有6項工程竣工。"  # the bullet opening it is no text


TARGET = "新增公办学校学位3万个，改造教室照明1万间"
RESULT_PARTS = (
    "2023年为民办实事项目实施情况\n"
    "一、新增公办学校学位3万个，改造教室照明1万间\n"
    "省级财政补助资金下达2.1亿元，完成年度计划的102%。\n"
    "（一）推进主城区学校扩容建设，投用后新增学位3.2万个，完成年度计划的107%。\n"
    "（二）实施教室照明改造工程，全省完成改造10400间。\n"
    "二、新建公办幼儿园80所\n"
    "省级财政补助资金下达1.3亿元，开工新建公办幼儿园86所。\n"
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(RESULT_PARTS, id="full-width"),
        pytest.param(_ascii(RESULT_PARTS), id="ascii"),
        pytest.param(_ascii(RESULT_PARTS, full_stop=True), id="ascii-full-stop"),
        pytest.param(RESULT_PARTS.replace("（一）", "1.").replace("（二）", "2."), id="arabic-parts"),
    ],
)
def test_numbered_parts_under_a_reported_target_are_its_progress(text: str) -> None:
    """A target with its own result paragraph before numbered sub-items: the sub-items are its progress."""
    rows = _rows(text)
    assert [r.task for r in rows] == [
        _ascii("新增公办学校学位3万个，改造教室照明1万间")
        if "," in text
        else "新增公办学校学位3万个，改造教室照明1万间",
        "新建公办幼儿园80所",
    ]
    first = rows[0].progress or ""
    assert "学位3.2万个" in first and "10400间" in first and first.index("2.1亿元") < first.index("10400间")


@pytest.mark.parametrize(
    ("parts", "tasks"),
    [
        # sub-items that name their own lead unit are tasks of their own
        (
            "（一）推进学校扩容建设。（牵头单位：省教育厅）\n（二）实施照明改造工程。（牵头单位：省财政厅）\n",
            ["推进学校扩容建设。", "实施照明改造工程。"],
        ),
        # sub-items with sub-items of their own: a section over tasks
        (
            "（一）学校建设\n1.推进扩容建设，新增学位3.2万个。\n2.实施照明改造，完成10400间。\n"
            "（二）幼儿园建设\n1.新建幼儿园86所。\n2.改扩建幼儿园40所。\n",
            [
                "推进扩容建设，新增学位3.2万个。",
                "实施照明改造，完成10400间。",
                "新建幼儿园86所。",
                "改扩建幼儿园40所。",
            ],
        ),
    ],
)
def test_sub_items_that_are_tasks_are_not_folded(parts: str, tasks: list[str]) -> None:
    text = "一、教育惠民项目\n省级财政补助资金下达2.1亿元，完成年度计划的102%。\n" + parts
    assert [r.task for r in _rows(text)] == tasks


COUNTED = (
    "全县民生工程进展情况\n"
    "今年以来，各项工程有序推进。\n"
    "其中超额完成任务的已有4项：零工驿站建设完成3个，完成率150%；为困难残疾人提供康复救助2100名，"
    "完成率105%；新增托位620个，完成率124%。资助家庭经济困难学生9800名，完成率112%。\n"
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(COUNTED, id="full-width"),
        pytest.param(_ascii(COUNTED), id="ascii"),
        pytest.param(COUNTED.replace("4项", "四项"), id="chinese-count"),
        pytest.param(COUNTED.replace("4项", "4個").replace("全县", "全縣"), id="traditional-classifier"),
    ],
)
def test_a_list_whose_count_is_announced_gives_that_many_rows(text: str) -> None:
    rows = _rows(text)
    assert len(rows) == 4
    assert [r.section for r in rows] == [rows[0].section] * 4
    assert (rows[0].section or "").endswith(("4项", "四项", "4個"))
    assert "零工驿站" in (rows[0].task or "") and "9800名" in (rows[3].task or "") + (rows[3].progress or "")


@pytest.mark.parametrize(
    "count",
    ["3项", "5项"],  # the parts do not number what was announced: no evidence they are the items
)
def test_a_count_that_does_not_match_the_parts_is_no_list(count: str) -> None:
    text = COUNTED.replace("4项", count)
    with pytest.raises(NoTableError):
        _rows(text)


PLAN_ITEMS = (
    "1.进一步扩大就业。全市城镇新增就业5.85万人，确保零就业家庭至少有一人就业。（责任单位：市人社局）\n"
    "2.加大职工技能培训力度。开展职业技能提升行动6.74万人次，其中创业培训1.7万人次。（责任单位：市人社局）\n"
)


@pytest.mark.parametrize(
    "title",
    [
        "南昌市人民政府关于印发2021年民生实事工程安排意见的通知",
        "2024年为民实事实施方案",
        "2023年重点工作要点",
        "2022年民生實事項目計劃",
        "東莞市人民政府關于貫徹落實《廣東省進一步穩定和擴大就業若干政策措施》的實施意見",
        "关于贯彻落实稳就业工作的若干措施",
        "关于印发政府工作报告若干重点工作任务的通知",
    ],
)
def test_a_plan_reports_no_progress(title: str) -> None:
    """In a document that sets out a plan, the text after an item's title states its target: the
    item as printed, up to its bracket of units, is the task."""
    for text in (f"{title}\n{PLAN_ITEMS}", _ascii(f"{title}\n{PLAN_ITEMS}")):
        rows = _rows(text)
        assert [r.progress or "" for r in rows] == ["", ""]
        items = [regex.sub(r"^\d\.|[(（]责任单位[:：]市人社局[)）]$", "", line) for line in text.splitlines()[1:]]
        assert [r.task for r in rows] == items
        assert items[0].startswith("进一步扩大就业") and "5.85万人" in items[0]
        assert [r.lead_units for r in rows] == [["市人社局"], ["市人社局"]]


def test_a_report_on_a_plan_keeps_its_progress() -> None:
    title = "2021年民生实事工程安排意见落实情况"
    rows = _rows(f"{title}\n{PLAN_ITEMS}")
    assert [bool(r.progress) for r in rows] == [True, True]


@pytest.mark.parametrize(("open_", "close"), [("〔", "〕"), ("（", "）"), ("(", ")"), ("「", "」")])
@pytest.mark.parametrize("duty", ["按职责分工负责", "按照职责分工负责", "负责", "按各自职责负责"])
def test_a_bracketed_unit_label_with_its_duty_phrase(open_: str, close: str, duty: str) -> None:
    text = (
        "现代流通体系建设实施方案\n"
        f"（一）加强市场体系建设。推进高标准市场体系建设。{open_}责任单位：省发展改革委、省市场监管局{duty}。"
        f"具体任务均涉及相关市（州）人民政府，下同。{close}\n"
        f"（二）优化市场准入环境。实施“证照分离”改革全覆盖。{open_}责任单位：省市场监管局{close}\n"
    )
    rows = _rows(text)
    assert [r.lead_units for r in rows] == [["省发展改革委", "省市场监管局"], ["省市场监管局"]]
    assert [r.progress or "" for r in rows] == ["", ""]  # a plan: the note after the units is no progress


@pytest.mark.parametrize(("opening", "closing"), [("〔", "〕"), ("【", "】"), ("（", "）"), ("(", ")")])
def test_a_unit_label_inside_brackets_leaves_the_bracket_out_of_the_task(opening: str, closing: str) -> None:
    """ "…新制度。〔责任单位：省市场监管局〕": the bracket belongs to the label, not to the task before it;
    in a plan, a note inside the bracket after the units ("…按职责分工负责。具体任务…下同。") reports
    nothing, so the item before it stays whole."""
    text = (
        "某省现代流通体系建设实施方案\n"
        f"（一）加强市场体系建设。推进高标准市场体系建设，全面融入全国统一大市场。{opening}责任单位：省发展改革委、"
        f"省市场监管局按职责分工负责。具体任务均涉及相关市人民政府，不再做分工，下同。{closing}\n"
        f"（二）优化市场准入环境。实施“证照分离”改革全覆盖。{opening}责任单位：省市场监管局{closing}\n"
    )
    rows = _rows(text)
    assert [r.task for r in rows] == [
        "加强市场体系建设。推进高标准市场体系建设，全面融入全国统一大市场。",
        "优化市场准入环境。实施“证照分离”改革全覆盖。",
    ]
    assert rows[1].lead_units == ["省市场监管局"]
    assert [r.progress or "" for r in rows] == ["", ""]


@pytest.mark.parametrize("ascii_punctuation", [False, True])
@pytest.mark.parametrize(
    ("name", "report"),
    [
        ("宝通公司年产5000辆专用车改装扩建项目", "前期手续基本完成，计划5月开始动工。"),
        ("张湾移民小区项目", "截至4月底累计完成投资1200万元。"),
        ("城西污水处理厂提标改造工程", "主体已完工，正在调试设备。"),
        ("寶通公司專用車改裝擴建項目", "目前已完成投資60%。"),
    ],
)
def test_a_project_name_glued_to_its_report_ends_at_the_project_noun(
    ascii_punctuation: bool, name: str, report: str
) -> None:
    text = (
        "今年以来，园区狠抓项目建设，取得了可喜的成绩。\n"
        f"一是{name}{report}二是园区道路项目正在开展前期工作。三是其他项目有序推进，均已开工。\n"
    )
    if ascii_punctuation:
        text, report = _ascii(text), _ascii(report)
    rows = _rows(text)
    assert (rows[0].task, rows[0].progress) == (name, report)


@pytest.mark.parametrize(
    ("name", "rest"),
    [
        ("城东片区棚户区改造项目", "建设进展顺利，已完成投资2亿元。"),  # "…项目建设" goes on
        ("2016年我县省重点项目", "总投资5亿元，年度计划投资1.5亿元，1-4月完成投资7000万元。"),  # a class
        ("全县千万元以上项目", "总投资286.9亿元，年度计划投资60亿元，1-4月完成投资10亿元。"),
    ],
)
def test_a_project_noun_that_goes_on_is_not_the_name_end(name: str, rest: str) -> None:
    """ "…项目建设" continues the name; a class of projects (重点项目, …以上项目) is no name, and the plan
    glued to it ("…总投资5亿元，年度计划投资…") is part of the task."""
    text = f"一是{name}{rest}二是园区道路项目正在开展前期工作。三是其他项目有序推进，均已开工。\n"
    rows = _rows(text)
    assert rows[0].task.startswith(name)
    assert rows[0].task != name


def test_a_named_project_ends_before_its_size() -> None:
    text = (
        "一是亨通铸造年产5万吨球墨铸件生产线项目计划总投资11000万元，已完成厂房建设。"
        "二是园区公共服务平台项目总投资3278万，正在进行装修。三是其他项目有序推进，均已开工。\n"
    )
    rows = _rows(text)
    assert [r.task for r in rows[:2]] == ["亨通铸造年产5万吨球墨铸件生产线项目", "园区公共服务平台项目"]
    assert rows[0].progress.startswith("计划总投资11000万元")


@pytest.mark.parametrize("between", ["\n", "\n\n", "\r\n"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_run_in_items_one_a_line(between: str, script: str) -> None:
    """ "一是…" / "二是…" / "三是…" opening one line each: a list of items, each line one item."""
    items = [
        "一是全市“两免一补”工作已圆满完成，支出资金885.1万元。",
        "二是市、县两级财政筹资1000万元，设立了教育质量奖，目前奖金已经兑现。",
        "三是提高了城镇居民最低生活保障标准，城区低保标准由150元提高到165元。",
    ]
    if script == "traditional":
        items = [item.replace("两", "兩").replace("资", "資").replace("现", "現") for item in items]
    rows = _rows(between.join(items) + "\n")
    assert [r.seq for r in rows] == [1, 2, 3]
    for row, item in zip(rows, items, strict=True):
        text = item[2:]  # the item without its "一是"
        assert row.task and text.startswith(row.task)
        assert text.endswith(row.progress or "")  # the rest of the line, when any, is its progress
    assert rows[2].task.startswith("提高了城镇居民最低生活保障标准")


def test_a_lone_run_in_line_is_no_list() -> None:
    """One "一是…" line, and a line that opens with "二是" only after a gap in the count: no items."""
    text = "今年以来，各项工作有序推进。\n一是加强组织领导，成立了工作专班。\n全年完成投资5亿元。\n"
    with pytest.raises(NoTableError):
        _rows(text)


@pytest.mark.parametrize(
    ("item", "task"),
    [
        ("“两免一补”工作已圆满完成，支出资金885.1万元", "“两免一补”工作"),
        ("老旧小区改造正在加快推进，已完工12个", "老旧小区改造"),
        ("城東污水管網改造現已全部完工", "城東污水管網改造"),
    ],
)
def test_a_run_in_name_glued_to_its_report(item: str, task: str) -> None:
    text = f"今年以来，各项民生工作有序推进：一是{item}；二是新建幼儿园3所，已投入使用；三是其他工作均已完成。\n"
    rows = _rows(text)
    assert rows[0].task == task
    assert rows[0].progress == item[len(task) :]


@pytest.mark.parametrize(
    "closing",
    [
        "各位代表，民生实事是人民幸福之基。乡政府将继续多方筹措资金。",
        "请各市州抓紧项目建设进度，未开工项目7月份必须全部开工建设。\n特此通报。",
        "下一步，我乡将科学安排下一年度民生实事项目。",
    ],
)
def test_a_closing_paragraph_after_headed_items_is_the_reports(closing: str) -> None:
    """Items of a heading and one paragraph each: a paragraph past that in the last item that closes
    the report (addresses its readers) is not the last item's progress."""
    text = (
        "一、道路提升工程完成情况\n全长600米，路面拓宽至6米，现已建成使用。\n"
        "二、农贸市场改造项目完成情况\n总投资29万元，现已改造成为智慧化农贸市场，并投入使用。\n"
        f"{closing}\n"
    )
    rows = _rows(text)
    assert [r.progress for r in rows] == [
        "全长600米，路面拓宽至6米，现已建成使用。",
        "总投资29万元，现已改造成为智慧化农贸市场，并投入使用。",
    ]


@pytest.mark.parametrize("bracket", ["（临潭县4个乡镇卫生院和卓尼县7个村卫生室）", "(城关镇3所、东坝镇2所)"])
def test_a_closing_bracket_counting_places_names_no_units(bracket: str) -> None:
    text = (
        "1、陇南市灾后重建项目12个。截至7月17日，已开工10个。\n"
        f"2、甘南州灾后重建项目20个。截至7月17日，还有5个项目未开工{bracket}。\n"
    )
    rows = _rows(text)
    assert rows[1].lead_units == []
    assert bracket in rows[1].progress


@pytest.mark.parametrize(
    ("open_quote", "close_quote", "verb"), [("“", "”", "负责"), ("「", "」", "牵头"), ('"', '"', "负责")]
)
def test_tasks_named_in_quotes_after_their_units(open_quote: str, close_quote: str, verb: str) -> None:
    """ "X负责的“task”report；Y、Z负责的“task”report": each quoted name a task, its units the lead."""
    text = (
        "一、总体情况\n县政府常务会议确定事项43件，已完成16件。\n二、工作要求\n"
        f"督查发现需要加快推进的事项3件，如县发改局{verb}的{open_quote}按时完成项目前期工作。{close_quote}截至目前，"
        f"30个项目已完成前期论证；县自然资源局、县水利局{verb}的{open_quote}加快推进国债项目实施。{close_quote}"
        f"截至目前，开工2个，未开工3个；县文旅局{verb}的{open_quote}抓好茶宿项目建设。{close_quote}正在建设11家。\n"
    )
    rows = _rows(text)
    assert [(r.task, r.lead_units, r.progress) for r in rows] == [
        ("按时完成项目前期工作。", ["县发改局"], "截至目前，30个项目已完成前期论证"),
        ("加快推进国债项目实施。", ["县自然资源局", "县水利局"], "截至目前，开工2个，未开工3个"),
        ("抓好茶宿项目建设。", ["县文旅局"], "正在建设11家。"),
    ]


def test_one_quoted_task_is_no_list() -> None:
    text = "会议要求，县发改局负责的“按时完成项目前期工作”要加快推进。\n全年完成投资5亿元。\n"
    with pytest.raises(NoTableError):
        _rows(text)


@pytest.mark.parametrize("joiner", [("、", "及"), ("，", "和"), ("、", "、")])
def test_plans_named_in_quotes_after_their_agency_with_a_bracketed_report(joiner: tuple[str, str]) -> None:
    """ "海委會「計畫」(cause)、經濟部「計畫」(cause)及環保署「計畫」(cause)": the agency leads, the bracket
    after the name is its report; a count before a quote ("仍有4項計畫「…」") is no unit; after the last
    bracket, the paragraph's own close is not the last plan's."""
    comma, last = joiner
    text = (
        "第2季仍有3項計畫「年累計進度落後」，如海委會「海域生態環境守護計畫」(受疫情影響復育工作進度)"
        f"{comma}經濟部「(L10502)天然氣接收站投資計畫」(未完成環境影響評估){last}交通部「臺鐵購置車輛計畫」"
        "(受疫情影響交車)，本會已就前開計畫研提精進建議。\n"
    )
    rows = _rows(text)
    assert [(r.task, r.lead_units, r.progress) for r in rows] == [
        ("海域生態環境守護計畫", ["海委會"], "受疫情影響復育工作進度"),
        ("(L10502)天然氣接收站投資計畫", ["經濟部"], "未完成環境影響評估"),
        ("臺鐵購置車輛計畫", ["交通部"], "受疫情影響交車"),
    ]


UNIT_CLOSED = (
    "关于分解下达2008年民生工程目标任务的通知 各县区人民政府: 现将目标分解下达给你们。 特此通知。 "
    "2008年民生工程目标 一、扶贫解困工程。启动建设57个扶贫新村{o}市扶贫开发办、市以工代赈办{c}。"
    "升钟库区完成新村扶贫帮扶7个{o}剑阁县政府{c}。 二、教育助学工程。开工建设20所农村寄宿制学校;"
    "动工新建1所九年一贯制学校{o}市教育局{c}。 三、医疗卫生工程。完成15个乡镇卫生院建设{o}市卫生局{c}。"
    "改{o}扩{c}建11个计划生育中心服务站;奖励农村独生子女家庭,每户每年60"
)


@pytest.mark.parametrize(("o", "c"), [("（", "）"), ("(", ")")])
def test_targets_closed_by_their_units_under_headings_run_together(o: str, c: str) -> None:
    """A text that lost its line breaks: 一、/二、/三、 headings inside it, each over targets closed by a
    bracket of units; each target is a row under its heading (a heading with one target too, as its
    siblings are written); the target the document's end cuts off is a row of its own."""
    rows = _rows(UNIT_CLOSED.format(o=o, c=c))
    assert [(r.task, r.lead_units) for r in rows] == [
        ("启动建设57个扶贫新村", ["市扶贫开发办", "市以工代赈办"]),
        ("升钟库区完成新村扶贫帮扶7个", ["剑阁县政府"]),
        ("开工建设20所农村寄宿制学校;动工新建1所九年一贯制学校", ["市教育局"]),
        ("完成15个乡镇卫生院建设", ["市卫生局"]),
        (f"改{o}扩{c}建11个计划生育中心服务站;奖励农村独生子女家庭,每户每年60", []),
    ]
    assert [r.section for r in rows] == ["一、扶贫解困工程。"] * 2 + ["二、教育助学工程。"] + ["三、医疗卫生工程。"] * 2
    assert [r.seq for r in rows] == [1, 2, 3, 4, 5]


def test_arabic_items_run_on_past_a_heading_between_them() -> None:
    text = (
        "一、主要工作目标 1、地区生产总值增长11%(市发改委)。 2、地方一般预算收入增长13%(市财政局)。 "
        "二、主要工作任务 (一)扎实开展项目建设年活动。 3、积极争取中省投资(责任单位:市发改委、市经委)。"
    )
    rows = _rows(text)
    assert [r.seq for r in rows] == [1, 2, 3]
    assert rows[2].lead_units == ["市发改委", "市经委"]


@pytest.mark.parametrize("separator", ["；", ";"])
def test_a_titled_task_over_a_line_of_unit_labels_is_all_task(separator: str) -> None:
    """ "5.做好园区扩容准备。加快…建设。" over "责任领导：…；责任单位：…；配合单位：…。": the labels' values end
    at their separators and leave nothing behind, so nothing after the title reports: all task."""
    text = (
        "一、突出工业转型升级\n"
        "1.推进总部中心建设。加快会展中心、物流中心建设。\n"
        f"责任领导：张三{separator}责任单位：总部办、科技局{separator}配合单位：民政局。\n"
        "2.做好园区扩容准备和总体功能区规划。加快工业用地批后工程建设，加强低零税收企业监控。\n"
        f"责任领导：李四{separator}责任单位：经贸局、相关镇街区{separator}配合单位：财政局。\n"
    )
    rows = _rows(text)
    assert [(r.task, r.progress or "") for r in rows] == [
        ("推进总部中心建设。加快会展中心、物流中心建设。", ""),
        ("做好园区扩容准备和总体功能区规划。加快工业用地批后工程建设，加强低零税收企业监控。", ""),
    ]
    assert [r.lead_units for r in rows] == [["总部办", "科技局"], ["经贸局", "相关镇街区"]]


@pytest.mark.parametrize("padded", [False, True])
@pytest.mark.parametrize(("open_", "close", "colon"), [("（", "）", "："), ("(", ")", ":")])
def test_numbered_sub_items_that_are_the_items_labelled_fields(
    open_: str, close: str, colon: str, padded: bool
) -> None:
    """ "三、<task>" over "（一）责任领导：…" / "（二）责任单位：…" / "（三）协办单位：…" / "（四）项目内容及
    任务分解：…": the sub-items are the task's fields, not tasks; the labelled content stays a cell."""
    text = (
        "关于印发2008年十件实事责任落实及任务分解方案的通知\n"
        "三、实施农村寄宿制学校建设工程，对农村200所中小学实施改水、改厕\n"
        f"{open_}一{close}责任领导{colon}高勤\n{open_}二{close}责任单位{colon}市教育局\n"
        f"{open_}三{close}协办单位{colon}市财政局、农业局\n"
        f"{open_}四{close}项目内容及任务分解{colon}农村中小学实施改水、改厕，计划安排200所。\n"
        f"{open_}五{close}资金筹措{colon}预计需投入资金2000万左右。\n{open_}六{close}完成时限{colon}2008年内\n"
        "四、建设通村水泥路1500公里\n"
        f"{open_}一{close}责任领导{colon}梁吉祥\n{open_}二{close}责任单位{colon}市交通局\n"
        f"{open_}三{close}项目内容及任务分解{colon}\n1、新建通村水泥路1500公里。\n2、将7500公里通村水泥路纳入养护范围。\n"
    )
    if padded:  # the short labels spaced out as a centred cell prints them ("完 成 时 限：")
        for label in ("责任领导", "责任单位", "协办单位", "资金筹措", "完成时限"):
            text = text.replace(label + colon, " ".join(label) + colon)
    rows = _rows(text)
    assert [(r.task, r.lead_units, r.partner_units) for r in rows] == [
        ("实施农村寄宿制学校建设工程，对农村200所中小学实施改水、改厕", ["市教育局"], ["市财政局", "农业局"]),
        ("建设通村水泥路1500公里", ["市交通局"], []),
    ]
    assert rows[0].cells["项目内容及任务分解"] == "农村中小学实施改水、改厕，计划安排200所。"
    assert "1、新建通村水泥路1500公里。" in rows[1].cells["项目内容及任务分解"]


@pytest.mark.parametrize("dash", ["-", "—"])
@pytest.mark.parametrize("joiner", [";", "、", "；"])
def test_sub_projects_listed_inline_after_a_plans_name(dash: str, joiner: str) -> None:
    """ "二、停車場專案-1.A;2.B" beside "一、金門大橋建設計畫。": the inline items after the dash are the
    plan's sub-projects (rows under it as their section); a sibling that names one project is a row."""
    text = (
        "一、金門大橋建設計畫。\n"
        f"二、停車場專案{dash}1.金城國中停車場{joiner}2.中正國小停車場{joiner}3.金湖立體停車場。\n"
        "三、城鎮之心專案-後浦魅力營造計畫。\n"
        f"四、教育提升專案{dash}1.開瑄國小校舍新建工程{joiner}2.古寧國小活動中心拆除重建工程。\n"
    )
    rows = _rows(text)
    assert [r.task.rstrip("。;；、") for r in rows] == [
        "金門大橋建設計畫",
        "金城國中停車場",
        "中正國小停車場",
        "金湖立體停車場",
        "城鎮之心專案-後浦魅力營造計畫",
        "開瑄國小校舍新建工程",
        "古寧國小活動中心拆除重建工程",
    ]
    assert rows[1].section.startswith("二、停車場專案")
