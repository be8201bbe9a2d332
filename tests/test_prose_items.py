"""How a numbered item's text divides (extractor/layout/prose.py): its first sentence as its title
and that the title keeps its full stop as printed (a name, "实施创新驱动战略。", as a sentence of clauses,
"强化责任担当，切实提高政治站位。": most titles in the dev split's gold keep it); where
the next item starts (3.1-1號 after 2.); and what is no item's text: a site's footer among the items,
a label or enumerator cut off at the document's end, a name padded to width."""

from __future__ import annotations

import pytest

import extractor
from extractor.errors import ExtractorError
from tests.conftest_helpers import rows_of_text as _rows
from tests.conftest_helpers import spellings

_ASCII = str.maketrans({"，": ",", "：": ":", "；": ";"})
_TRADITIONAL = str.maketrans({"责": "責", "担": "擔", "当": "當", "实": "實", "题": "題", "见": "見", "组": "組"})


SPELLINGS = spellings(_ASCII, _TRADITIONAL)

CLAUSE_TITLES = """关于巡察整改情况的通报
（一）党组书记组织落实整改工作情况
1.强化责任担当，切实提高政治站位。收到巡察反馈意见后，主动认领问题，立即成立整改工作领导小组。
2.坚持问题导向，认真落实巡察意见。牵头制定整改工作方案，将问题逐条进行细化。
3.注重长效机制，推动整改成果转化。组织召开专题民主生活会，深入剖析问题产生的原因。
"""


@pytest.mark.parametrize("spell", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_a_title_of_clauses_keeps_its_stop(spell) -> None:
    rows = _rows(spell(CLAUSE_TITLES))
    assert [r.task for r in rows] == [
        spell("强化责任担当，切实提高政治站位。"),
        spell("坚持问题导向，认真落实巡察意见。"),
        spell("注重长效机制，推动整改成果转化。"),
    ]
    assert rows[0].progress == spell("收到巡察反馈意见后，主动认领问题，立即成立整改工作领导小组。")


NAME_TITLES = """2023年重点工作推进情况
一、重点工作推进情况
（一）实施创新驱动战略。上半年，新增高新技术企业45家。
（二）推进乡村振兴。目前，已完成高标准农田建设8万亩。
"""


def test_a_title_that_names_keeps_its_stop() -> None:
    rows = _rows(NAME_TITLES)
    assert [r.task for r in rows] == ["实施创新驱动战略。", "推进乡村振兴。"]
    assert [r.progress for r in rows] == ["上半年，新增高新技术企业45家。", "目前，已完成高标准农田建设8万亩。"]


FOOTER = """全市文化惠民工程进展情况
项目完成情况如下:
一、群众文化激情广场:全市30个文化激情广场累计完成投资60万元。
二、莆仙戏仿古戏台改造:10个仿古戏台改造工程累计完成投资29万元。

{footer}
"""


@pytest.mark.parametrize(
    "footer",
    [
        "首页 | 网站地图 | 隐私保护 | 免责声明 | 联系我们 | 管理登陆",
        "附件下载",
        "首頁｜網站地圖｜無障礙｜聯絡我們",
        "首頁 | 網站地圖 | 隱私保護 | 免責聲明 | 聯繫我們 | 管理登陸",
        "相关附件：",
    ],
)
def test_a_sites_footer_after_the_last_item_is_not_its_progress(footer: str) -> None:
    document = extractor.parse(FOOTER.format(footer=footer).encode("utf-8"))
    rows = [row for table in document.tables for row in table.rows]
    assert all(footer.strip() not in value for row in rows for value in row.cells.values())
    assert [r.progress for r in rows] == [
        "全市30个文化激情广场累计完成投资60万元。",
        "10个仿古戏台改造工程累计完成投资29万元。",
    ]


@pytest.mark.parametrize("sep", [";", "；", "; "])
def test_the_next_number_after_a_semicolon_opens_an_item_before_a_digit(sep: str) -> None:
    # "3.1-1號…" continues 1., 2.: the next item, not the decimal 3.1 (which stays one elsewhere)
    text = (
        "縣府列管重大施政計畫,包括有:\n一、金門大橋建設計畫。\n"
        f"二、港埠建設專案-1.水頭港大型旅客服務中心工程{sep}2.S2、S3碼頭{sep}3.1-1號計畫道路建設計畫。\n"
        "三、產業發展專案-產遊博覽園區計畫。\n"
    )
    rows = _rows(text)
    assert [(r.seq_text, r.task) for r in rows][1:4] == [
        ("1.", "水頭港大型旅客服務中心工程"),
        ("2.", "S2、S3碼頭"),
        ("3.", "1-1號計畫道路建設計畫。"),
    ]


def test_a_decimal_after_an_item_is_no_item() -> None:
    text = (
        "2023年重点工作进展\n1.新建学校3所。已完成2所。\n"
        "2.完成投资5亿元。已完成3.5亿元;3.2亿元用于校舍。\n3.新建医院1所。已开工。\n"
    )
    rows = _rows(text)
    assert [r.seq for r in rows] == [1, 2, 3]
    assert rows[1].progress == "已完成3.5亿元;3.2亿元用于校舍。"


@pytest.mark.parametrize("cut", ["牵头责任", "责任单位", "牵头单", "完成时限"])
def test_a_label_cut_off_at_the_documents_end_is_no_progress(cut: str) -> None:
    text = (
        "2024年重点目标任务分解\n1. 地区生产总值增长6%以上。\n牵头负责领导：姚志。\n牵头责任单位：市发展改革委。\n"
        f"2. 社会消费品零售总额增长10.5%以上。\n牵头负责领导：姚志。\n{cut}"
    )
    rows = _rows(text)
    assert [r.progress for r in rows] == ["", ""]
    assert rows[1].task == "社会消费品零售总额增长10.5%以上。"


@pytest.mark.parametrize("name", ["刘 哲", "刘　哲", "王  健"])
def test_a_leaders_name_padded_to_width_is_one_name(name: str) -> None:
    text = (
        "2024年重点目标任务分解\n1.规模以上工业增加值增长7%以上。\n"
        f"牵头领导:{name}\n牵头单位:市工业和信息化局\n2.固定资产投资增长8%。\n牵头领导:张明\n牵头单位:市发展和改革局\n"
    )
    rows = _rows(text)
    assert rows[0].progress == ""
    assert rows[0].cells["lead_leaders"] == name
    assert rows[0].lead_units == ["市工业和信息化局"]


def test_a_status_word_at_the_documents_end_is_its_last_items_progress() -> None:
    text = "任务\n1.新建学校3所。牵头单位：市教育局。\n完成\n2.新建医院1所。牵头单位：市卫健委。\n推进中\n"
    assert [r.progress for r in _rows(text)] == ["完成", "推进中"]


def test_a_one_character_word_padded_to_width_stays_with_its_value() -> None:
    text = (
        "2024年重点目标任务分解\n1.规模以上工业增加值增长7%以上。\n牵头单位:县 政府\n"
        "2.固定资产投资增长8%。\n牵头单位:县发展和改革局\n"
    )
    rows = _rows(text)
    assert rows[0].lead_units == ["县 政府"]  # a unit's name padded like a person's: one value, no progress
    assert rows[0].progress == ""


@pytest.mark.parametrize("cut", ["(一", "（一", "(1", "（ 2"])
def test_a_bracketed_enumerator_cut_at_the_documents_end_is_a_row_past_the_cut(cut: str) -> None:
    text = (
        "2019年主要目标任务\n一、主要预期目标\n（一）地区生产总值增长7.5%左右。（牵头单位：市发改委）\n"
        f"（二）城镇登记失业率控制在4%以内。（牵头单位：市人社局）\n二、主要工作任务\n{cut}"
    )
    rows = _rows(text)
    assert [(r.seq_text, r.task, r.section) for r in rows][2:] == [(cut, "", "二、主要工作任务")]


@pytest.mark.parametrize("spell", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_the_last_of_open_run_in_items_runs_to_its_paragraphs_end(spell) -> None:
    # items not closed by a units bracket: the sentences after the last one's first are still its own
    text = (
        "园区项目建设情况\n一是园区信息平台建设项目计划总投资500万元，目前正在进行软件设计。"
        "二是张湾移民小区项目截至4月，项目已投资1300万元。征地兑付基本结束，小区主干道放线已经结束。\n"
    )
    rows = _rows(spell(text))
    last = spell("截至4月，项目已投资1300万元。征地兑付基本结束，小区主干道放线已经结束。")
    assert [r.progress for r in rows][-1] == last


@pytest.mark.parametrize("close", ["）", ")"])
def test_a_number_closed_by_a_bracket_alone_numbers_items(close: str) -> None:
    """ "1）实施…" is an enumerator style of its own (the level of "（1）"), under a section heading."""
    text = (
        "2021年为民办实事工作计划\n"
        "一、城市品质提升\n"
        f"  1{close}实施老旧小区改造提升。改造凤园西侧片区老旧小区。\n"
        f"  2{close}提升含光人行桥景观。美化亮化含光人行桥南北两岸绿地景观。\n"
        f"  3{close}建设民俗公园。\n"
    )
    rows = _rows(text)
    assert [(r.seq, r.section) for r in rows] == [(n, "一、城市品质提升") for n in (1, 2, 3)]
    assert rows[2].task == "建设民俗公园。"


@pytest.mark.parametrize("space", [" ", "\u3000", "  "])
def test_a_label_spaced_out_is_the_label(space: str) -> None:
    """ "牵 头 单 位：" (a centred cell's spacing copied) is 牵头单位; a label glued after a word and a
    space ("已完成 责任单位：") is still only the label."""
    pad = space.join
    text = (
        "某县2023年重点工作进展情况\n"
        f"1.新增城镇就业2万人。\n{pad('牵头单位')}：县人社局\n{pad('进展情况')}：上半年新增就业1.2万人。\n"
        f"2.改造老旧小区30个。\n{pad('牵头单位')}：县住建局\n{pad('进展情况')}：目前已开工25个小区。\n"
        "3.建设城南污水处理厂。\n进展情况：主体已完成 责任单位：县水利局\n"
    )
    rows = _rows(text)
    assert [(r.task, r.progress, r.lead_units) for r in rows] == [
        ("新增城镇就业2万人。", "上半年新增就业1.2万人。", ["县人社局"]),
        ("改造老旧小区30个。", "目前已开工25个小区。", ["县住建局"]),
        ("建设城南污水处理厂。", "主体已完成", ["县水利局"]),
    ]


def test_labels_in_lenticular_brackets_are_labels() -> None:
    """ "【责任单位】X" / "【进展情况】…" are labels like "责任单位：X"; a bracket that names no field
    (【托幼育人】) is a category tag, and a bracket of unit names is the units'."""
    text = (
        "某县2023年重点工作进展情况\n"
        "1.【托幼育人】新增托位200个。【责任单位】县卫健委【进展情况】已完成150个。\n"
        "2.改造老旧小区30个。\n【责任单位】县住建局\n【进展情况】目前已开工25个小区。\n【存在问题】资金缺口较大。\n"
        "3.建设城南污水处理厂【县水利局】。主体工程已完工。\n"
    )
    rows = _rows(text)
    assert [(r.task, r.progress, r.lead_units) for r in rows] == [
        ("新增托位200个。", "已完成150个。", ["县卫健委"]),
        ("改造老旧小区30个。", "目前已开工25个小区。", ["县住建局"]),
        ("建设城南污水处理厂", "主体工程已完工。", ["县水利局"]),
    ]
    assert [i.text for i in rows[1].issues] == ["资金缺口较大。"]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_long_title_line_over_a_report_is_the_task(script: str) -> None:
    """A title line longer than a heading, with no sentence end, over a line that reports (a completion
    share of the year's plan reports) is the task; the lines below are its progress."""
    text = (
        "2023年为民办实事项目实施情况\n"
        "一、新增义务教育公办学校学位5万个，改造近视防控教室照明2万间\n"
        "省级财政补助资金下达5.45亿元，完成年度计划的104.44%。\n"
        "二、新增300所学校体育场向社会开放，新增41家公共图书馆、文化馆、博物馆、美术馆错时延时开放\n"
        "省级财政补助资金下达3780万元，完成年度计划的100%。\n"
    )
    if script == "traditional":
        simplified, traditional = "义务学补资达计划书馆术时开图场门动划", "義務學補資達計劃書館術時開圖場門動劃"
        text = text.translate(str.maketrans(simplified, traditional))
    rows = _rows(text)
    assert [r.task[:4] for r in rows] == [text.split("\n")[1][2:6], text.split("\n")[3][2:6]]
    assert rows[1].task.endswith(text.split("\n")[3][-4:])
    assert rows[1].progress == text.split("\n")[4]


@pytest.mark.parametrize("label", ["责任单位", "牵头部门", "責任單位"])
def test_a_label_opening_an_item_is_no_unit_name(label: str) -> None:
    """ "1.责任单位：市住建局；进展情况：…" opens with a label, not with a unit (责任单位 ends like one)."""
    rows = _rows(
        f"重点工作进展\n1.{label}：市住建局；进展情况：已完成80%。\n2.{label}：市交通局；进展情况：已完成60%。\n"
    )
    assert [(r.lead_units, r.progress) for r in rows] == [(["市住建局"], "已完成80%。"), (["市交通局"], "已完成60%。")]


TITLE_SENTENCE_LINES = """今年以来，全市深入推进“我为群众办实事”实践活动，成效明显。
1、扩大就业工程。
截至目前全市城镇新增就业4912人，就业困难人员就业381人。
2、增收致富工程。
已制定《关于完善帮扶机制的实施方案》，2.6万户信息录入平台。
"""


@pytest.mark.parametrize("spell", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_a_title_sentence_alone_on_its_line_is_the_task(spell) -> None:
    """A line "2、增收致富工程。" alone: a heading closed by a full stop. The lines below it are its
    report, as under a heading line without the stop; over lines that only describe it, the item as
    printed stays the task (see the next test)."""
    rows = _rows(spell(TITLE_SENTENCE_LINES))
    assert [(r.task, r.progress) for r in rows] == [
        (spell("扩大就业工程。"), spell("截至目前全市城镇新增就业4912人，就业困难人员就业381人。")),
        (spell("增收致富工程。"), spell("已制定《关于完善帮扶机制的实施方案》，2.6万户信息录入平台。")),
    ]


def test_a_title_sentence_over_its_units_line_is_not_a_heading() -> None:
    rows = _rows("1.新建学校2所。\n市教育局、市财政局\n2.新建医院1所。\n市卫健委\n")
    assert [(r.task, r.lead_units) for r in rows] == [
        ("新建学校2所。", ["市教育局", "市财政局"]),
        ("新建医院1所。", ["市卫健委"]),
    ]


LABELLED_PARAGRAPHS = """上述项目由区绿化市容局牵头负责。
【公共设施】
五、加强社区公共服务设施建设。改建标准化菜市场4家；新建小区健身点15个。
改建标准化菜市场4家。项目具体实施进度为：第一季度确定建设单位；第二季度落实改建准备；第四季度完成1家。
在6家标准化菜市场建设猪肉流通安全信息追溯系统。项目具体实施进度为：第一季度细化实施方案；第三季度完成工作进度60%。
上述项目由区商务委牵头负责。
新建小区健身点15个，新建社区健康步道15条。项目具体实施进度为：第一季度制定方案；第三季度进场建设。
建设区体育健身场馆使用情况智能信息系统。项目具体实施进度为：第一季度制定方案；第四季度调试运行。
上述项目由区体育局、区财政局牵头负责。
"""


@pytest.mark.parametrize("spell", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_unnumbered_paragraphs_holding_one_label_are_items(spell) -> None:
    """Paragraphs that each state a target and then the same label, with lines that give the items
    above them to a unit ("上述项目由区商务委牵头负责。"): a row each, numbered by position."""
    rows = _rows(spell(LABELLED_PARAGRAPHS))
    assert [(r.seq, r.seq_text, r.task, r.lead_units) for r in rows] == [
        (1, None, spell("改建标准化菜市场4家。"), ["区商务委"]),
        (2, None, spell("在6家标准化菜市场建设猪肉流通安全信息追溯系统。"), ["区商务委"]),
        (3, None, spell("新建小区健身点15个，新建社区健康步道15条。"), ["区体育局", "区财政局"]),
        (4, None, spell("建设区体育健身场馆使用情况智能信息系统。"), ["区体育局", "区财政局"]),
    ]
    assert rows[0].section == spell("五、加强社区公共服务设施建设。")


def test_two_labelled_paragraphs_are_not_enough_to_be_items() -> None:
    text = "\n".join(LABELLED_PARAGRAPHS.split("\n")[:6]) + "\n"  # two paragraphs and a unit line
    try:
        rows = _rows(text)
    except ExtractorError:  # no table at all is the answer too
        rows = []
    assert "改建标准化菜市场4家。" not in [r.task for r in rows]


GLUED_UNIT_LABELS = """县委、县政府为民办实事事项进展情况通报
一、进展情况
(一)适龄女生HPV疫苗接种牵头责任部门：县卫生健康委员会
截至4月底，已完成接种1200人，完成率60%。
二)听力障碍患者康复救助(责任单位：县教育局、县卫生计生委)
已完成筛查300人。
(三)全省初中阶段学校安装AED自动除颤仪(牵头责任单位县教育局)
已完成全部设备安装。
"""


@pytest.mark.parametrize("spell", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_unit_labels_glued_or_without_their_colon_and_a_lost_bracket(spell) -> None:
    """A unit label glued to the task before it ("…接种牵头责任部门："), a unit label in a bracket that lost
    its colon ("（牵头责任单位县教育局）"), and "二)" between "(一)" and "(三)", its opening bracket lost."""
    rows = _rows(spell(GLUED_UNIT_LABELS))
    assert [(r.seq, r.task, r.lead_units) for r in rows] == [
        (1, spell("适龄女生HPV疫苗接种"), [spell("县卫生健康委员会")]),
        (2, spell("听力障碍患者康复救助"), [spell("县教育局"), spell("县卫生计生委")]),
        (3, spell("全省初中阶段学校安装AED自动除颤仪"), [spell("县教育局")]),
    ]
    assert rows[2].progress == spell("已完成全部设备安装。")


def test_a_glued_label_with_no_units_after_it_stays_in_the_task() -> None:
    text = "一、进展情况\n(一)为全县适龄女生接种疫苗牵头责任部门：另行通知\n已完成接种。\n(二)新建学校\n已开工。\n"
    rows = _rows(text)
    assert rows[0].lead_units == []
    assert rows[0].task.startswith("为全县适龄女生接种疫苗牵头责任部门")


GLUED_REPORTS = """禄丰市2023年通硬化路项目建设基本情况
二、项目进展情况
(一)和平镇沙朗村委会沙朗大村至亩山3.31公里已于2022年12月提前实施完成。
(二)勤丰镇鸡街社区安武线至老吉坝至山林果11.2公里施工单位已进场施工。
(三)其余乡镇37项113.7公里正在做施工前准备工作。
"""


@pytest.mark.parametrize("spell", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_under_a_reporting_heading_a_name_and_its_glued_report_are_split(spell) -> None:
    """ "（一）<road and length><report>" under "二、项目进展情况": the report starts at its word (已, 正在), or
    at who does the works before it (施工单位已…)."""
    rows = _rows(spell(GLUED_REPORTS))
    assert [(r.task, r.progress) for r in rows] == [
        (spell("和平镇沙朗村委会沙朗大村至亩山3.31公里"), spell("已于2022年12月提前实施完成。")),
        (spell("勤丰镇鸡街社区安武线至老吉坝至山林果11.2公里"), spell("施工单位已进场施工。")),
        (spell("其余乡镇37项113.7公里"), spell("正在做施工前准备工作。")),
    ]


CIRCLED_PARTS = """2017年度民生实事进展情况
一、实施农村天然气村村通
为具备接气条件的1241个村庄接通天然气。项目进展：至12月底，该项目已入户接通天然气172083户。（责任单位：市城市管理局）
二、改造敬老院设施，提升养老服务水平
①由政府购买助洁、助医、助餐等居家养老服务。项目进展：共向县区拨付补助资金153万元。②对全市13处公办敬老院安装自动喷淋系统。项目进展：全面完成13处敬老院安全改造任务。
"""


@pytest.mark.parametrize("spell", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_circled_items_run_together_are_items_when_labelled_alike(spell) -> None:
    """ "①…项目进展：…②…项目进展：…" on one line: the items of "二、…", their line breaks lost; "一、…" beside
    them reports under the same label, so it is a task too, not an overview."""
    rows = _rows(spell(CIRCLED_PARTS))
    assert [(r.task, r.progress) for r in rows] == [
        (spell("实施农村天然气村村通"), spell("至12月底，该项目已入户接通天然气172083户。")),
        (spell("由政府购买助洁、助医、助餐等居家养老服务。"), spell("共向县区拨付补助资金153万元。")),
        (spell("对全市13处公办敬老院安装自动喷淋系统。"), spell("全面完成13处敬老院安全改造任务。")),
    ]


def test_circled_points_inside_a_report_stay_its_text() -> None:
    text = "1.新建学校2所。进展情况：①一所已竣工；②一所主体完工。\n2.新建医院1所。进展情况：已开工建设。\n"
    rows = _rows(text)
    assert [r.progress for r in rows] == ["①一所已竣工；②一所主体完工。", "已开工建设。"]


def test_a_line_opening_with_another_circled_number_is_not_cut() -> None:
    """ "③…①…②…": the parts from ① would not hold the text before it, so the line stays whole (review26)."""
    line = "③老年人服务。项目进展：已完成。①新建学校。项目进展：已开工。②新建医院。项目进展：已竣工。"
    from extractor.layout.base import Line
    from extractor.layout.prose import _circled_parts

    assert [part.text for part in _circled_parts(Line(line))] == [line]
    assert len(_circled_parts(Line(line[line.index("①") :]))) == 2


def test_a_title_sentence_over_a_description_stays_with_it() -> None:
    """Over lines that report nothing ("扩公办扶民办，普惠园覆盖率逐年提高。" describes), a title sentence
    alone on its line is read with them, as a one-line item would be."""
    text = "1、扩大就业工程。\n截至目前新增就业4912人。\n2、教育提升工程。\n扩公办扶民办，普惠园覆盖率逐年提高。\n"
    rows = _rows(text)
    assert rows[0].task == "扩大就业工程。"
    assert rows[1].task.startswith("教育提升工程。")
    assert rows[1].task != "教育提升工程。"
