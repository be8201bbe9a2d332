"""A bracket closing a numbered item's task, read by what it holds (extractor/layout/prose.py).

"1.地区生产总值增长6%（市发改委）。上半年增长5.8%。": the bracket names the units that carry the task,
and the report follows it; "（2023年12月底前完成）" is its deadline, "（已完成）" its standing. A bracket
holding anything else (what a count includes, a phase, a count of places) stays in the task. Each
case is written in full-width and ASCII punctuation and in traditional script.
"""

from __future__ import annotations

import pytest

from tests.conftest_helpers import rows_of_text as _rows
from tests.conftest_helpers import spellings

_ASCII = str.maketrans({"：": ":", "，": ",", "（": "(", "）": ")", "；": ";", "、": ","})
_TRADITIONAL = str.maketrans(
    {"发": "發", "进": "進", "设": "設", "计": "計", "长": "長", "万": "萬", "务": "務", "实": "實", "现": "現"}
)


SPELLINGS = spellings(_ASCII, _TRADITIONAL)


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
    assert [(r.task, r.progress, r.lead_units) for r in rows] == [
        (
            "定西市重建项目248个,其中乡镇卫生院37个(含渭源县第二人民医院),村卫生室211个。",
            "截至7月17日,项目全部开工建设。",
            [],
        ),
        ("新建城东水厂（一期）。", "目前已完成主体工程。", []),
        ("建设乡镇卫生院（临潭县4个乡镇卫生院和卓尼县7个村卫生室）。", "截至7月17日全部开工。", []),
    ]


LONG_TASK_THEN_UNITS = """荆州市2009年目标任务分解
1.万元生产总值综合能耗、化学需氧量排放、二氧化硫排放分别下降4.8%、3.3%和1.4%（市发改委、市经委、市环保局，各县市区政府，荆州开发区）。二、
2.城镇登记失业率控制在4.5%以内（市人社局，各县市区政府）。
"""


@pytest.mark.parametrize("spell", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_units_bracket_after_a_long_task(spell) -> None:
    # the bracket starts past 40 characters and ends past 80: still the task's units
    rows = _rows(spell(LONG_TASK_THEN_UNITS))
    assert rows[0].task == spell("万元生产总值综合能耗、化学需氧量排放、二氧化硫排放分别下降4.8%、3.3%和1.4%")
    assert rows[0].lead_units[:2] == [spell("市发改委"), spell("市经委")]
    assert rows[1].lead_units[0] == spell("市人社局")


UNIT_FIRST = {
    "line": "2023年重点工作任务落实情况\n1.市发改委\n推进重点项目建设，计划投资50亿元。上半年已完成投资30亿元。\n"
    "2.市住建局\n改造老旧小区30个。目前已开工25个。\n3.市教育局\n新建中小学3所。已完成主体工程2所。\n",
    "colon": "2023年重点工作任务落实情况\n1.市发改委：推进重点项目建设，计划投资50亿元。上半年已完成投资30亿元。\n"
    "2.市住建局：改造老旧小区30个。目前已开工25个。\n3.市教育局：新建中小学3所。已完成主体工程2所。\n",
    "space": "2023年重点工作任务落实情况\n1.市发改委　推进重点项目建设，计划投资50亿元。上半年已完成投资30亿元。\n"
    "2.市住建局 改造老旧小区30个。目前已开工25个。\n3.市教育局 新建中小学3所。已完成主体工程2所。\n",
}


@pytest.mark.parametrize("spell", SPELLINGS.values(), ids=SPELLINGS.keys())
@pytest.mark.parametrize("form", UNIT_FIRST)
def test_items_that_open_with_their_unit(form: str, spell) -> None:
    rows = _rows(spell(UNIT_FIRST[form]))
    assert [r.lead_units for r in rows] == [[spell("市发改委")], [spell("市住建局")], [spell("市教育局")]]
    assert [r.task for r in rows] == [
        spell("推进重点项目建设，计划投资50亿元。"),
        spell("改造老旧小区30个。"),
        spell("新建中小学3所。"),
    ]
    assert rows[1].progress == spell("目前已开工25个。")


# Titles that end like a unit's name (…區, …處) over their text: no unit column, as their siblings say.
TITLES_ENDING_LIKE_UNITS = """康樂及文化事務署工作進度
1.美化現有園景區
二零一五年，約12公頃的現有園景區已得以提升。
2.推廣綠化
年內舉辦綠化活動120項。
3.辦理異議調處
調處案件總登記712案，辦理完竣625案。
"""


def test_titles_ending_like_units_stay_titles() -> None:
    rows = _rows(TITLES_ENDING_LIKE_UNITS)
    assert [r.task for r in rows] == ["美化現有園景區", "推廣綠化", "辦理異議調處"]
    assert [r.lead_units for r in rows] == [[], [], []]


def test_a_section_named_by_a_unit_leads_its_items() -> None:
    text = (
        "2023年重点工作任务落实情况\n一、市发改委\n1.推进重点项目建设。上半年已完成投资30亿元。\n"
        "2.推进营商环境改革。已出台措施20条。\n二、市住建局\n3.改造老旧小区30个。目前已开工25个。\n"
    )
    rows = _rows(text)
    assert [r.lead_units for r in rows] == [["市发改委"], ["市发改委"], ["市住建局"]]
    assert [r.section for r in rows] == ["一、市发改委", "一、市发改委", "二、市住建局"]


def test_a_section_named_by_a_place_only_groups_its_items() -> None:
    text = (
        "2023年重点工作任务落实情况\n一、城区\n1.推进重点项目建设。上半年已完成投资30亿元。\n"
        "2.推进营商环境改革。已出台措施20条。\n二、高新区\n3.改造老旧小区30个。目前已开工25个。\n"
    )
    rows = _rows(text)
    assert [r.lead_units for r in rows] == [[], [], []]
    assert [r.section for r in rows] == ["一、城区", "一、城区", "二、高新区"]


LINE_CLOSED_BY_UNITS = """2008年工作目标任务完成情况
44.做好人口和计划生育工作。计划生育率保持在95%以上。新建500个农村优质服务机构。 （主办部门：省人口计生委、卫生厅）
预计计划生育率保持在95%以上。优质服务机构建设任务已分解下达到市。
45.加快建设社会信用体系。重点建设企业信用基础数据库和服务平台，实现30个省级部门信用数据归集。（省信用办、省发展改革委）
已归集17个省级部门信用信息1310万条。
46.开展质量兴市活动。90%的省辖市整体开展质量兴市活动。（省质监局）
全省13个省辖市均已开展质量兴市活动。
"""


@pytest.mark.parametrize("spell", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_units_closing_the_first_line_end_a_long_task(spell) -> None:
    rows = _rows(spell(LINE_CLOSED_BY_UNITS))
    assert [r.lead_units for r in rows] == [
        [spell("省人口计生委"), spell("卫生厅")],
        [spell("省信用办"), spell("省发展改革委")],
        [spell("省质监局")],
    ]
    rows = rows[:2]
    assert [r.task for r in rows] == [
        spell("做好人口和计划生育工作。计划生育率保持在95%以上。新建500个农村优质服务机构。"),
        spell("加快建设社会信用体系。重点建设企业信用基础数据库和服务平台，实现30个省级部门信用数据归集。"),
    ]
    assert [r.lead_units[0] for r in rows] == [spell("省人口计生委"), spell("省信用办")]
    assert [r.progress for r in rows] == [
        spell("预计计划生育率保持在95%以上。优质服务机构建设任务已分解下达到市。"),
        spell("已归集17个省级部门信用信息1310万条。"),
    ]


@pytest.mark.parametrize("spell", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_labels_after_a_units_bracket_are_still_fields(spell) -> None:
    text = (
        "2023年重点工作\n1.地区生产总值增长6%左右（市发改委）。上半年增长5.8%。完成时限：2023年12月底\n"
        "2.固定资产投资增长8%（市统计局）。上半年增长9%。完成时限：2023年12月底\n"
    )
    rows = _rows(spell(text))
    assert [(r.task, r.progress, r.lead_units, r.cells["deadline"]) for r in rows] == [
        (spell("地区生产总值增长6%左右"), spell("上半年增长5.8%。"), [spell("市发改委")], spell("2023年12月底")),
        (spell("固定资产投资增长8%"), spell("上半年增长9%。"), [spell("市统计局")], spell("2023年12月底")),
    ]


def test_a_bracket_of_units_and_a_deadline_keeps_each_as_printed() -> None:
    text = (
        "民生实事\n1.新增养老床位500张（市民政局；市财政局，2023年底）。已新增320张。\n"
        "2.新建学校2所（市教育局，2023年底）。已开工。\n"
    )
    rows = _rows(text)
    assert rows[0].cells["lead_units"] == "市民政局；市财政局"  # the separator written, none made up
    assert rows[0].lead_units == ["市民政局", "市财政局"]
    assert [r.cells["deadline"] for r in rows] == ["2023年底", "2023年底"]


LEADS_AT_TWO_LEVELS = """2021年政府工作报告前三季度完成情况通报
1.地区生产总值增长10%。（市级牵头单位：市发展改革委；区级牵头单位：区发改局）
完成情况：1-9月，全区地区生产总值完成1152.04亿元，同比增长18.1%。
2.社会消费品零售总额增长15%。（省级牵头责任单位：省商务厅；市级牵头责任单位：市商务局；配合单位：市统计局）
完成情况：1-9月，累计完成社会消费品零售总额451.27亿元。
3.城镇新增就业2万人。（牵头单位：区人社局；责任单位：各街道）
完成情况：城镇新增就业24277人。
"""


@pytest.mark.parametrize("spell", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_a_lead_at_each_level_are_both_lead_units(spell) -> None:
    """市级牵头单位 and 区级牵头单位 each name a lead: both are the row's lead units; a partner word
    (配合, 责任 alone) still gives partners."""
    rows = _rows(spell(LEADS_AT_TWO_LEVELS))
    assert [r.lead_units for r in rows] == [
        [spell("市发展改革委"), spell("区发改局")],
        [spell("省商务厅"), spell("市商务局")],
        [spell("区人社局")],
    ]
    assert [r.partner_units for r in rows] == [[], [spell("市统计局")], [spell("各街道")]]


UNITS_WITHIN = """某县2023年重点工作进展情况
1.全面推进乡村振兴。新建高标准农田5万亩（县农业农村局牵头，各乡镇配合）。上半年已完成3万亩。
2.改造老旧小区30个（县住建局），目前已开工25个小区。
3.新增城镇就业2万人（县人社局），城镇登记失业率控制在4%以内。上半年新增就业1.2万人。
4.建设城南污水处理厂（县水利局、县环保局），日处理能力2万吨。主体工程已完工。
5.改造戏台10个。已投资29万元，其中1个戏台（城关镇）已封顶。
"""


@pytest.mark.parametrize("spell", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_a_units_bracket_within_the_task(spell) -> None:
    """A bracket of units inside an item's text, not closing it or its first sentence, names who
    carries the item and is no part of its task; where a report follows it, it ends the task. One
    inside the report (a place) stays the report's."""
    rows = _rows(spell(UNITS_WITHIN))
    assert [(r.task, r.progress) for r in rows] == [
        (spell("全面推进乡村振兴。新建高标准农田5万亩"), spell("上半年已完成3万亩。")),
        (spell("改造老旧小区30个"), spell("目前已开工25个小区。")),
        (spell("新增城镇就业2万人，城镇登记失业率控制在4%以内。"), spell("上半年新增就业1.2万人。")),
        (spell("建设城南污水处理厂，日处理能力2万吨。"), spell("主体工程已完工。")),
        (spell("改造戏台10个。"), spell("已投资29万元，其中1个戏台（城关镇）已封顶。")),
    ]
    assert [r.lead_units for r in rows] == [
        [spell("县农业农村局")],
        [spell("县住建局")],
        [spell("县人社局")],
        [spell("县水利局"), spell("县环保局")],
        [],
    ]
    assert rows[0].partner_units == [spell("各乡镇")]


@pytest.mark.parametrize("brackets", ["【】", "〔〕", "[]", "（）"])
def test_units_in_square_lenticular_or_tortoise_brackets(brackets: str) -> None:
    o, c = brackets
    rows = _rows(
        "某县2023年民生实事推进情况\n"
        f"1.新建高标准农田5万亩{o}县农业农村局{c}。上半年已完成3万亩。\n"
        f"2.新建养老院2所。已完工1所。{o}县民政局{c}\n"
    )
    assert [(r.task, r.progress, r.lead_units) for r in rows] == [
        ("新建高标准农田5万亩", "上半年已完成3万亩。", ["县农业农村局"]),
        ("新建养老院2所。", "已完工1所。", ["县民政局"]),
    ]


def test_a_bracket_that_renames_stays_where_units_are_labelled() -> None:
    """ "…机构（世代服务中心），…（主办部门：X）": the labelled units are the item's; the bracket renames."""
    rows = _rows(
        "2008年工作目标任务完成情况\n"
        "1.新建500个服务机构（世代服务中心），在2/3的县实施新家庭计划。（主办部门：省人口计生委）\n"
        "已完成。\n"
        "2.新建城南小学。（主办部门：省教育厅）\n"
        "已完成。\n"
    )
    assert rows[0].task.startswith("新建500个服务机构（世代服务中心），")
    assert rows[0].lead_units == ["省人口计生委"]


ROLE_WORDS = """某县2023年重点工作进展情况
1.建设城北公园。（县城管局牵头落实）主体工程已完工。
2.建设城东学校（县教育局、县财政局按职责分工负责）。主体工程已完工。
3.建设城西医院（县卫健委等部门配合）。主体工程已完工。
4.新增城镇就业2万人。上半年新增就业1.2万人。县人社局
"""


@pytest.mark.parametrize("spell", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_units_with_their_role_words(spell) -> None:
    """Names followed by the words of their role (牵头落实, 按职责分工负责, 等部门配合) are still units;
    names after the last sentence, on its line, too."""
    rows = _rows(spell(ROLE_WORDS))
    assert [r.progress for r in rows] == [spell("主体工程已完工。")] * 3 + [spell("上半年新增就业1.2万人。")]
    assert [r.lead_units for r in rows] == [
        [spell("县城管局")],
        [spell("县教育局"), spell("县财政局")],
        [spell("县卫健委")],
        [spell("县人社局")],
    ]
