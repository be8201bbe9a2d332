"""An indicator table one cell a line with no 序号, targets and units written once over rows.

"项目 / 分值 / 目标任务 / 监考单位": each row is a name, a score, a target and a unit, the last two
left out where a merged cell covers several rows. The scores (3, 3, 2, 1 …) are no 序号: the body
is read as one span, a row opening wherever a name fits (``aligned._read_unnumbered``), and a cell
left out is the merged cell above. Two units' names run together are two units (cells.toml).
"""

from __future__ import annotations

import pytest

import extractor
from extractor.rules.cells import split_units

SIMPLIFIED = """附件
某区2016年度经济社会发展目标任务分解表
项 目
分值
目标任务
监考单位
地区生产总值增长率
3
年终根据全省平均水平综合考核
区发改局区统计局
规模以上工业增加值增长率
3
年终根据全省平均水平综合考核
区经信局区统计局
社会消费品零售总额增长率
3
全社会固定资产投资额
3
186
区发改委区统计局
完成重点项目年度投资计划
2
18.4
建筑业总产值
1
140
区住建局
工业投资
1
52
区经信局区统计局
"""

TRADITIONAL = """附件
某區2016年度經濟社會發展目標任務分解表
項 目
分值
目標任務
監考單位
地區生產總值增長率
3
年終根據全省平均水平綜合考核
區發改局區統計局
規模以上工業增加值增長率
3
年終根據全省平均水平綜合考核
區經信局區統計局
社會消費品零售總額增長率
3
全社會固定資產投資額
3
186
區發改委區統計局
完成重點項目年度投資計劃
2
18.4
建築業總產值
1
140
區住建局
工業投資
1
52
區經信局區統計局
"""


@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL], ids=["simplified", "traditional"])
def test_indicator_rows_without_seq(text: str) -> None:
    (table,) = extractor.parse(text.encode("utf-8")).tables
    assert table.layout == "aligned-lines"
    rows = table.rows
    simplified = "区" in text
    assert [r.task for r in rows] == (
        [
            "地区生产总值增长率",
            "规模以上工业增加值增长率",
            "社会消费品零售总额增长率",
            "全社会固定资产投资额",
            "完成重点项目年度投资计划",
            "建筑业总产值",
            "工业投资",
        ]
        if simplified
        else [
            "地區生產總值增長率",
            "規模以上工業增加值增長率",
            "社會消費品零售總額增長率",
            "全社會固定資產投資額",
            "完成重點項目年度投資計劃",
            "建築業總產值",
            "工業投資",
        ]
    )
    assert [r.seq for r in rows] == [1, 2, 3, 4, 5, 6, 7]  # numbered by position: no 序号 printed
    # a unit written once over two rows belongs to both; two names run together are two units
    leads = [r.lead_units for r in rows]
    assert leads[2] == leads[1] and len(leads[1]) == 2
    assert leads[4] == leads[3] == (["区发改委", "区统计局"] if simplified else ["區發改委", "區統計局"])
    assert leads[5] == (["区住建局"] if simplified else ["區住建局"])


def test_names_run_together_split_at_a_unit_suffix() -> None:
    assert split_units("区发改局区统计局") == ["区发改局", "区统计局"]
    assert split_units("區委辦區政府辦") == ["區委辦", "區政府辦"]
    assert split_units("市委办公室") == ["市委办公室"]  # 市委 is no unit before 办公室
    assert split_units("县委宣传部") == ["县委宣传部"]


def _paragraphs(*cells: str) -> str:
    return "\n\n".join(cells) + "\n"


@pytest.mark.parametrize("traditional", [False, True], ids=["simplified", "traditional"])
def test_a_seq_column_with_no_number_printed(traditional: bool) -> None:
    # 序号 heads the table but no row has a number; a progress lists its items 1./2.
    text = _paragraphs(
        "2023年市政府工作报告重点工作三季度完成情况",
        "序号",
        "任务内容",
        "牵头单位",
        "三季度进展情况",
        "一般公共预算收入与经济增长基本同步。",
        "市财政局",
        "前三季度,全市一般公共预算收入增长14.8%。",
        "深化国资国企改革,提升市场化运作能力。",
        "市国资委",
        "1.持续完善国资监管制度体系,制定考核办法。",
        "2.加强企业投资管理,已实施投资项目113个。",
        "地区生产总值增长7%以上。",
        "市发改委",
        "1-6月,地区生产总值增长8.4%。",
    )
    if traditional:
        text = text.translate(str.maketrans("务财发区资产总长强实项务内进况单监", "務財發區資產總長強實項務內進況單監"))
    (table,) = extractor.parse(text.encode("utf-8")).tables
    assert table.layout == "aligned-lines"
    rows = table.rows
    assert [r.seq for r in rows] == [1, 2, 3]
    assert rows[1].task.startswith("深化")
    assert rows[1].progress.startswith("1.") and "2." in rows[1].progress
    assert [len(r.lead_units) for r in rows] == [1, 1, 1]
