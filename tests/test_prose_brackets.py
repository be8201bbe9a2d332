"""A bracket closing a numbered item's task, read by what it holds (extractor/layout/prose.py).

"1.地区生产总值增长6%（市发改委）。上半年增长5.8%。": the bracket names the units that carry the task,
and the report follows it; "（2023年12月底前完成）" is its deadline, "（已完成）" its standing. A bracket
holding anything else (what a count includes, a phase, a count of places) stays in the task. Each
case is written in full-width and ASCII punctuation and in traditional script.
"""

from __future__ import annotations

import pytest

import extractor
from extractor.models import Row

_ASCII = str.maketrans({"：": ":", "，": ",", "（": "(", "）": ")", "；": ";", "、": ","})
_TRADITIONAL = str.maketrans(
    {"发": "發", "进": "進", "设": "設", "计": "計", "长": "長", "万": "萬", "务": "務", "实": "實", "现": "現"}
)


def _rows(text: str) -> list[Row]:
    document = extractor.parse(text.encode("utf-8"))
    return [row for table in document.tables for row in table.rows]


SPELLINGS = {
    "full-width": lambda text: text,
    "ascii": lambda text: text.translate(_ASCII),
    "traditional": lambda text: text.translate(_TRADITIONAL),
}


UNITS_BEFORE_REPORT = """2023年重点工作任务推进情况
1.地区生产总值增长6%左右（市发改委）。上半年全市地区生产总值增长5.8%。
2.固定资产投资增长8%（市发改委、市统计局）上半年固定资产投资增长9.1%，完成序时进度。
3.建设城南污水处理厂（市住建局牵头）。目前主体工程已完工，正在安装设备。
4.新增城镇就业2万人（责任单位：市人社局）。1-6月新增城镇就业1.2万人。
"""


@pytest.mark.parametrize("spell", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_units_bracket_between_task_and_report(spell) -> None:
    rows = _rows(spell(UNITS_BEFORE_REPORT))
    assert [r.seq for r in rows] == [1, 2, 3, 4]
    assert [r.task for r in rows] == [
        spell("地区生产总值增长6%左右"),
        spell("固定资产投资增长8%"),
        spell("建设城南污水处理厂"),
        spell("新增城镇就业2万人"),
    ]
    assert [r.lead_units for r in rows] == [
        [spell("市发改委")],
        [spell("市发改委"), spell("市统计局")],
        [spell("市住建局")],
        [spell("市人社局")],
    ]
    # the report starts with its own first character: no stop left over from the bracket
    assert [r.progress for r in rows] == [
        spell("上半年全市地区生产总值增长5.8%。"),
        spell("上半年固定资产投资增长9.1%，完成序时进度。"),
        spell("目前主体工程已完工，正在安装设备。"),
        spell("1-6月新增城镇就业1.2万人。"),
    ]


DEADLINE_AND_STANDING = """2023年民生实事推进情况
1.新建城南小学（已完成）。
2.改造老旧小区30个（正在推进）
3.新建公共停车场2处（2023年12月底前完成）。
4.新增养老床位500张（市民政局，2023年底）。已新增320张。
"""


@pytest.mark.parametrize("spell", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_bracket_of_deadline_or_standing(spell) -> None:
    rows = _rows(spell(DEADLINE_AND_STANDING))
    assert [r.task for r in rows] == [
        spell("新建城南小学"),
        spell("改造老旧小区30个"),
        spell("新建公共停车场2处"),
        spell("新增养老床位500张"),
    ]
    assert [r.progress for r in rows] == [spell("已完成"), spell("正在推进"), "", spell("已新增320张。")]
    assert rows[2].cells["deadline"] == spell("2023年12月底前完成")
    assert rows[3].cells["deadline"] == spell("2023年底")
    assert rows[3].lead_units == [spell("市民政局")]


REMARKS_STAY = """岷县灾后重建卫生项目进展情况通报
1、定西市重建项目248个,其中乡镇卫生院37个(含渭源县第二人民医院),村卫生室211个。截至7月17日,项目全部开工建设。
2、新建城东水厂（一期）。目前已完成主体工程。
3、建设乡镇卫生院（临潭县4个乡镇卫生院和卓尼县7个村卫生室）。截至7月17日全部开工。
"""


def test_brackets_that_name_no_units_stay_in_the_task() -> None:
    rows = _rows(REMARKS_STAY)
    assert rows[0].lead_units == [] and "(含渭源县第二人民医院)" in rows[0].task + rows[0].progress
    assert rows[1].lead_units == [] and "一期" in rows[1].task
    assert rows[2].lead_units == [] and "卓尼县7个村卫生室" in rows[2].task + rows[2].progress
