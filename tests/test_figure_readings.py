"""Issue 4: every reading of the figure table, what is not a figure, gaps to a target, the subject a
figure measures, its canonical name and the role (target or actual)."""

from __future__ import annotations

from typing import Any

import pytest

from extractor import extract_figures
from extractor.models import Figure
from extractor.rules.data import load
from extractor.rules.figures import canonical_subject, subject_rules
from extractor.textnorm import match_key


def reading(
    text: str,
    kind: str,
    value: float,
    unit: str,
    *,
    value_max: float | None = None,
    basis: str | None = None,
    qualifier: str | None = None,
) -> Any:
    expected = {
        "kind": kind,
        "value": value,
        "value_max": value_max,
        "unit": unit,
        "basis": basis,
        "qualifier": qualifier,
    }
    return pytest.param(text, expected, id=text)


READINGS = [
    # amounts: base units, ISO currency
    reading("43亿元", "amount", 4.3e9, "CNY"),
    reading("1.2万亿元", "amount", 1.2e12, "CNY"),
    reading("3,600万元", "amount", 3.6e7, "CNY"),
    reading("1万2千元", "amount", 12000, "CNY"),
    reading("三千五百万元", "amount", 3.5e7, "CNY"),
    reading("215万美元", "amount", 2.15e6, "USD"),
    reading("5000万欧元", "amount", 5e7, "EUR"),
    reading("2.3亿港元", "amount", 2.3e8, "HKD"),
    # percentages
    reading("45%", "percent", 45, "%"),
    reading("百分之十五", "percent", 15, "%"),
    reading("两成", "percent", 20, "%"),
    reading("１２．５％", "percent", 12.5, "%"),
    reading("30%-50%", "percent", 30, "%", value_max=50),
    # changes: signed, with their basis
    reading("增长5%", "change", 5, "%"),
    reading("同比下降4.2%", "change", -4.2, "%", basis="yoy"),
    reading("环比增长0.8%", "change", 0.8, "%", basis="mom"),
    reading("较上年提高2.1个百分点", "change", 2.1, "pp", basis="yoy"),
    reading("滞后序时进度9.8个百分点", "change", -9.8, "pp", basis="schedule"),
    reading("降幅收窄2.1个百分点", "change", 2.1, "pp"),
    reading("增长1.5倍", "change", 150, "%"),
    reading("翻一番", "change", 100, "%"),
    reading("与上年持平", "change", 0, "%", basis="yoy"),
    # qualifiers
    reading("增长12%以上", "change", 12, "%", qualifier="at_least"),
    reading("500余万元", "amount", 5e6, "CNY", qualifier="at_least"),
    reading("超过600万元", "amount", 6e6, "CNY", qualifier="above"),
    reading("约3000人", "count", 3000, "人", qualifier="about"),
    reading("近2万户", "count", 20000, "户", qualifier="about"),
    reading("不超过5%", "percent", 5, "%", qualifier="at_most"),
    # counts and quantities: the unit as written (simplified script), the scale applied
    reading("3个", "count", 3, "个"),
    reading("12所", "count", 12, "所"),
    reading("1.24万人次", "count", 12400, "人次"),
    reading("6.5万千瓦", "quantity", 65000, "千瓦"),
    reading("7165.96平方米", "quantity", 7165.96, "平方米"),
    reading("155吨", "quantity", 155, "吨"),
    reading("4.65公里", "quantity", 4.65, "公里"),
    # gaps to a target (basis "target") and to another level (no basis)
    reading("低于目标0.9个百分点", "change", -0.9, "pp", basis="target"),
    reading("高于目标1.2个百分点", "change", 1.2, "pp", basis="target"),
    reading("比目标低3个百分点", "change", -3, "pp", basis="target"),
    reading("低于全省平均水平1.7个百分点", "change", -1.7, "pp"),
    reading("高于全省平均水平1.7个百分点", "change", 1.7, "pp"),
    # the rate before the word of change
    reading("10%以上增长", "change", 10, "%", qualifier="at_least"),
]


@pytest.mark.parametrize(("text", "expected"), READINGS)
def test_reading(text: str, expected: dict[str, Any]) -> None:
    figures = extract_figures(text)
    assert [f.text for f in figures] == [text]
    (figure,) = figures
    assert figure.span == (0, len(text))
    got = {key: getattr(figure, key) for key in expected}
    assert got["value"] == pytest.approx(expected["value"], rel=1e-12, abs=1e-12)
    if expected["value_max"] is None:
        assert got["value_max"] is None
    else:
        assert got["value_max"] == pytest.approx(expected["value_max"], rel=1e-12)
    assert {k: v for k, v in got.items() if not k.startswith("value")} == {
        k: v for k, v in expected.items() if not k.startswith("value")
    }


@pytest.mark.parametrize(("text", "expected"), READINGS)
def test_reading_inside_a_sentence(text: str, expected: dict[str, Any]) -> None:
    """The same reading with words around it (after a clause break, before a full stop)."""
    sentence = f"据统计，{text}。"
    (figure,) = extract_figures(sentence)
    assert figure.text == text
    assert sentence[figure.span[0] : figure.span[1]] == text
    assert figure.value == pytest.approx(expected["value"], rel=1e-12, abs=1e-12)
    assert (figure.kind, figure.unit, figure.basis, figure.qualifier) == (
        expected["kind"],
        expected["unit"],
        expected["basis"],
        expected["qualifier"],
    )


def test_values_are_the_numbers_as_written() -> None:
    """Decimal arithmetic: 312.6亿元 is exactly 31260000000.0, not 31260000000.000004."""
    values = [f.value for f in extract_figures("312.6亿元、318.54亿元、0.3万人")]
    assert values == [31260000000.0, 31854000000.0, 3000.0]


# --------------------------------------------------------------------------------------------
# Not figures

NOT_FIGURES = [
    "一季度", "2022年", "1-8月", "6月底", "十四五", "一期", "二标段", "第二版", "第6项", "排第7位", "5G",
    "四好农村路", "一是", "1.",
    # from real reports
    "第12项", "(第二十三项)", "（第二十三项）", "居全省第6位", "1-6月", "2019 年", "3月10日", "105年",
    "105年12月16日", "Ⅱ类水质", "3516次会议", "行政院第3516次會議", "2.1-6月",
    # rank moves
    "比去年同期提升5位",
]  # fmt: skip

# Words around the name: a clause before and after, and the name glued to plain words.
SURROUNDINGS = [("", ""), ("据悉，", "工作正在推进。"), ("按照", "要求开展工作"), ("其中", "，")]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_a_figure(text: str) -> None:
    assert extract_figures(text) == []


@pytest.mark.parametrize(("before", "after"), SURROUNDINGS, ids=["bare", "clauses", "glued", "其中"])
@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_a_figure_inside_longer_text(text: str, before: str, after: str) -> None:
    assert extract_figures(before + text + after) == []


NAMES_NEXT_TO_FIGURES = [
    pytest.param("完成第6项任务，新建学校3所。", ["3所"], id="item-number"),
    pytest.param("滞后项目:一是实施近视防控教室照明改造工程(第三项)正在开展", [], id="item-ref-chinese"),
    pytest.param("三是综合治理海漂垃圾(第二十三项)推动“美丽海岸带”建设2公里未启动", ["2公里"], id="item-ref-then-km"),
    pytest.param("投资增长12.5%，居全省第6位，比去年同期提升5位。", ["增长12.5%"], id="rank-and-rank-move"),
    pytest.param("于929日行政院第3516次會議報告，補助120處。", ["120處"], id="meeting-number"),
    pytest.param("行政院3516次会议报告", [], id="meeting-number-without-第"),
    pytest.param("新建5G基站300个", ["300个"], id="5g"),
    pytest.param("二标段完成投资1.2亿元", ["1.2亿元"], id="lot"),
    pytest.param("1-8月完成投资2亿元", ["2亿元"], id="month-range"),
    pytest.param("2.1-6月,完成投资5亿元", ["5亿元"], id="item-number-glued-to-months"),
    pytest.param("2019 年完成投资 2 亿元", ["2 亿元"], id="year-with-space"),
    pytest.param("十四五期间新建学校12所", ["12所"], id="five-year-plan"),
    pytest.param("四好农村路建设完成45%", ["45%"], id="road-name"),
    pytest.param("3月10日,完成培训1200人次", ["1200人次"], id="date"),
    pytest.param("105年12月16日總統與院長已分別至雲林縣", [], id="roc-date"),
    pytest.param("Ⅰ类水质75天,Ⅱ类水质15天", [], id="water-class-days"),
    pytest.param("一季度，全区增长5%", ["增长5%"], id="quarter"),
    pytest.param("形成第二版实施方案，完成一期工程", [], id="version-and-phase"),
]


@pytest.mark.parametrize(("text", "expected"), NAMES_NEXT_TO_FIGURES)
def test_a_figure_inside_a_name_is_not_one(text: str, expected: list[str]) -> None:
    assert [f.text for f in extract_figures(text)] == expected


# A number before 次会议 names a session (the copy may have lost 第); a verb before it makes a count.
MEETINGS = [
    pytest.param("3516次会议", [], id="session"),
    pytest.param("市政府35次常务会议", [], id="standing-session"),
    pytest.param("召开3次会议", ["3次"], id="held-three"),
    pytest.param("共举行12次专题会议", ["12次"], id="held-twelve"),
    pytest.param("累计召开会议3次", ["3次"], id="count-after-noun"),
]


@pytest.mark.parametrize(("text", "expected"), MEETINGS)
def test_meeting_numbers_and_meeting_counts(text: str, expected: list[str]) -> None:
    assert [f.text for f in extract_figures(text)] == expected


# --------------------------------------------------------------------------------------------
# Gaps to a target


def _one(text: str, figure_text: str, **kwargs: Any) -> Figure:
    found = [f for f in extract_figures(text, **kwargs) if f.text == figure_text]
    assert len(found) == 1, [f.text for f in extract_figures(text, **kwargs)]
    return found[0]


def gap(before: str, figure_text: str, value: float, basis: str | None, name: str) -> Any:
    return pytest.param(before + figure_text, figure_text, value, basis, id=name)


GAPS = [
    gap("增长6.1%，", "低于目标0.9个百分点", -0.9, "target", "below-target"),
    gap("增长6%，", "高于目标1.2个百分点", 1.2, "target", "above-target"),
    gap("增长6%，", "比目标低3个百分点", -3, "target", "compared-with-target"),
    gap("完成年度目标的53.3%，", "低于目标21.7个百分点", -21.7, "target", "after-share"),
    gap("增长12.5%，", "低于全省平均水平1.7个百分点", -1.7, None, "below-average"),
    gap("增长12.5%，", "高于全省平均水平1.7个百分点", 1.7, None, "above-average"),
    gap("", "低於目標0.9個百分點", -0.9, "target", "traditional"),
]


@pytest.mark.parametrize(("text", "figure_text", "value", "basis"), GAPS)
def test_gap(text: str, figure_text: str, value: float, basis: str | None) -> None:
    figure = _one(text, figure_text)
    assert (figure.kind, figure.unit, figure.basis) == ("change", "pp", basis)
    assert figure.value == pytest.approx(value)
    assert figure.role == "actual"  # a gap is measured, never a target itself
    assert figure.scope is None  # 全省 inside a gap is the reference, not the figure's area


def test_below_a_number_is_a_qualifier_not_a_gap() -> None:
    (figure,) = extract_figures("控制在5%以下")
    assert (figure.kind, figure.qualifier) == ("percent", "at_most")


def test_a_share_of_the_target_is_a_percent() -> None:
    (figure,) = extract_figures("完成年度目标的53.3%")
    assert (figure.kind, figure.value, figure.basis, figure.role) == ("percent", 53.3, None, "actual")


# --------------------------------------------------------------------------------------------
# Subjects

SUBJECTS = [
    pytest.param(
        "一季度，全区实现外贸进出口总额43亿元、同比下降4.2%（全市下降11.9%）。",
        {"field": "progress", "home_scope": "全区"},
        [("43亿元", "外贸进出口总额"), ("同比下降4.2%", "外贸进出口总额"), ("下降11.9%", None)],
        id="amount-then-change-shares",
    ),
    pytest.param(
        "一季度，预计全区实际使用外资215万美元，同比下降73.7%。",
        {"field": "progress"},
        [("215万美元", "实际使用外资"), ("同比下降73.7%", "实际使用外资")],
        id="forecast-and-area-removed",
    ),
    pytest.param("进出口总额增长5%", {"field": "task"}, [("增长5%", "进出口总额")], id="task-change"),
    pytest.param("完成FDI3000万美元", {"field": "task"}, [("3000万美元", "FDI")], id="latin-subject"),
    pytest.param("规上工业产值增长6%", {"field": "task"}, [("增长6%", "规上工业产值")], id="task-industry"),
    pytest.param(
        "一季度，预计涪陵高新区规上工业产值下降3.4%。",
        {"field": "progress"},
        [("下降3.4%", "规上工业产值")],
        id="named-place-removed",
    ),
    pytest.param(
        "4个结构性指标均实现10%以上增长",
        {"field": "task"},
        [("4个", None), ("10%以上增长", "结构性指标")],
        id="after-a-count",
    ),
    pytest.param(
        "全市固定资产投资同比下降12.7%",
        {"field": "progress"},
        [("同比下降12.7%", "固定资产投资")],
        id="area-removed",
    ),
    pytest.param(
        "1-9月，规上工业产值完成312.6亿元，同比增长6.3%，低于目标1.7个百分点。",
        {"field": "progress"},
        [("312.6亿元", "规上工业产值"), ("同比增长6.3%", "规上工业产值"), ("低于目标1.7个百分点", "规上工业产值")],
        id="chain-of-changes-shares",
    ),
    pytest.param(
        "1-9月，全县实现地区生产总值356.2亿元，同比增长5.1%。",
        {"field": "progress"},
        [("356.2亿元", "地区生产总值"), ("同比增长5.1%", "地区生产总值")],
        id="county-gdp",
    ),
    # a growth rate named by its noun is a change (issue 12), its metric still GDP
    pytest.param("GDP增长率为6%", {}, [("增长率为6%", "GDP")], id="rate-word-removed"),
    pytest.param(
        "完成投资5亿元，同比增长12.3%；新建道路4.65公里、学校12所。",
        {},
        [("5亿元", "投资"), ("同比增长12.3%", "投资"), ("4.65公里", "道路"), ("12所", "学校")],
        id="list-of-counts",
    ),
    pytest.param("預計全區實際使用外資215萬美元", {}, [("215萬美元", "實際使用外資")], id="traditional-as-written"),
    # words that look like the lead or trail words but belong to the metric
    pytest.param(
        "一季度到位外资215万美元，同比下降40%",
        {},
        [("215万美元", "到位外资"), ("同比下降40%", "到位外资")],
        id="到位-is-not-a-time",
    ),
    pytest.param("截至9月底，累计完成投资8亿元", {}, [("8亿元", "投资")], id="截至-removed"),
    pytest.param("到9月底累计完成投资8亿元", {}, [("8亿元", "投资")], id="到-month-removed"),
    pytest.param("共享单车投放3000辆", {}, [("3000辆", "共享单车")], id="共享-is-not-共"),
    pytest.param("达标率95%", {}, [("95%", "达标率")], id="达标-is-not-达"),
    pytest.param("全市GDP年均增长5%", {}, [("年均增长5%", "GDP")], id="年均-removed"),
    pytest.param("人均可支配收入增长8%", {}, [("增长8%", "人均可支配收入")], id="人均-kept"),
    pytest.param("违法行为1200起", {}, [("1200起", "违法行为")], id="行为-kept"),
    pytest.param("产业规模达100亿元", {}, [("100亿元", "产业规模")], id="规模-kept"),
    pytest.param("全市共有企业300家", {}, [("300家", "企业")], id="共有-removed"),
    # unclear: null, never a guess with verbs
    pytest.param(
        "力争基础设施投资、民间投资均增长12%以上", {"field": "task"}, [("增长12%以上", None)], id="two-metrics"
    ),
    pytest.param(
        "加快打造汽车制造、生物医药、半导体等3个特色产业示范基地", {"field": "task"}, [("3个", None)], id="list"
    ),
    pytest.param(
        "实际到资3.73亿美元，完成年度目标的53.3%", {}, [("3.73亿美元", "实际到资"), ("53.3%", None)], id="share"
    ),
    pytest.param("增长6.1%，低于目标0.9个百分点。", {}, [("增长6.1%", None), ("低于目标0.9个百分点", None)], id="none"),
    pytest.param("桥梁完成45%", {}, [("45%", "桥梁")], id="completion-of-a-work"),
    pytest.param("召开3次会议", {}, [("3次", None)], id="verb-only"),
    pytest.param("力争四季度增长6%", {}, [("增长6%", None)], id="time-only"),
    pytest.param("为全省唯一个该指标实现10%以上增长的地市", {}, [("10%以上增长", None)], id="not-a-metric"),
    pytest.param("观美等3家", {}, [("3家", None)], id="ends-with-etc"),
    # the level a metric is held at or brought to: the verb is no part of the metric
    pytest.param("城镇调查失业率控制在5.5%以内", {"field": "task"}, [("5.5%以内", "城镇调查失业率")], id="控制在"),
    pytest.param("粮食产量稳定在30万吨以上", {"field": "task"}, [("30万吨以上", "粮食产量")], id="稳定在"),
    pytest.param("研发投入强度保持在3%以上", {"field": "task"}, [("3%以上", "研发投入强度")], id="保持在"),
    pytest.param("覆盖率提高到45%", {}, [("45%", "覆盖率")], id="提高到"),
    pytest.param("城镇调查失业率为5.2%", {}, [("5.2%", "城镇调查失业率")], id="为"),
    # 城镇 is no place name (新增城镇 is not a town); a city ending in 城 still is (盐城市)
    pytest.param("新增城镇就业1.2万人", {}, [("1.2万人", "新增城镇就业")], id="新增城镇就业"),
    pytest.param("盐城市规上工业产值增长5%", {}, [("增长5%", "规上工业产值")], id="city-ending-in-城"),
    # a word of change before an amount or count: an absolute change (its verb and basis in its
    # text), never a metric's level
    pytest.param("同比减少1200人", {}, [("同比减少1200人", None)], id="同比减少"),
    pytest.param("较上年减少2.3亿元", {}, [("较上年减少2.3亿元", None)], id="较上年减少"),
    pytest.param("财政收入较上年减少2.3亿元", {}, [("较上年减少2.3亿元", None)], id="change-after-a-metric"),
    pytest.param("下降0.5亿元", {}, [("下降0.5亿元", None)], id="下降"),
    pytest.param("较年初增加3家", {}, [("增加3家", None)], id="较年初增加"),
    pytest.param("提高到45%", {}, [("45%", None)], id="提高到-alone"),
    pytest.param("全年新增就业1200人", {}, [("1200人", "新增就业")], id="新增-is-a-metric-name"),
    # a change keeps its metric, however the rate is written
    pytest.param(
        "社会消费品零售总额同比增长-2.1%", {}, [("同比增长-2.1%", "社会消费品零售总额")], id="negative-growth"
    ),
    pytest.param("税收收入增长百分之五", {}, [("增长百分之五", "税收收入")], id="chinese-percent-change"),
    pytest.param("规上工业产值翻了一番", {}, [("翻了一番", "规上工业产值")], id="doubling"),
    pytest.param("按计划完成投资6亿元", {}, [("6亿元", "投资")], id="按计划-removed"),
    # a Latin name with digits (PM2.5) is a metric
    pytest.param("PM2.5平均浓度为32微克/立方米", {}, [("32微克/立方米", "PM2.5平均浓度")], id="PM2.5"),
]


@pytest.mark.parametrize(("text", "kwargs", "expected"), SUBJECTS)
def test_subject(text: str, kwargs: dict[str, Any], expected: list[tuple[str, str | None]]) -> None:
    assert [(f.text, f.subject) for f in extract_figures(text, **kwargs)] == expected


def test_a_long_stretch_before_a_figure_has_no_subject() -> None:
    text = (
        "成功引进瑞浦兰钧赣锋锂电铂航铝业碳电池明灿新能源汽车座椅面及安全气囊生产"
        "香港恒康实业海藻胶囊生产项目华兰生物年处理155吨"
    )
    (figure,) = extract_figures(text)
    assert figure.subject is None


def test_subject_is_source_text_just_before_the_figure() -> None:
    text = "一季度，全区实现外贸进出口总额43亿元"
    (figure,) = extract_figures(text)
    assert figure.subject is not None
    assert text.index(figure.subject) + len(figure.subject) == figure.span[0]


def test_subject_rules_load() -> None:
    rules = subject_rules()
    assert rules.min_length >= 2
    assert rules.reject.search("推进")


# --------------------------------------------------------------------------------------------
# Canonical subjects

CANONICAL = [
    ("实际使用外资", "实际使用外资"),
    ("FDI", "实际使用外资"),
    ("fdi", "实际使用外资"),
    ("利用外资", "实际使用外资"),
    ("实际利用外资", "实际使用外资"),
    ("到位外资", "实际使用外资"),
    ("進出口總額", "进出口总额"),
    ("外贸进出口总额", "进出口总额"),
    ("外贸进出口", "进出口总额"),
    ("进出口", "进出口总额"),
    ("规上工业产值", "规上工业产值"),
    ("规模以上工业产值", "规上工业产值"),
    ("规上工业总产值", "规上工业产值"),
    ("规模以上工业总产值", "规上工业产值"),
    ("規模以上工業總產值", "规上工业产值"),
    ("规模以上工业增加值", "规上工业增加值"),
    ("GDP", "地区生产总值"),
    ("生产总值", "地区生产总值"),
    ("全社会固定资产投资", "固定资产投资"),
    ("社零总额", "社会消费品零售总额"),
    ("社会消费品零售额", "社会消费品零售总额"),
    ("一般公共预算收入", "一般公共预算收入"),
    ("农民人均可支配收入", "农村居民人均可支配收入"),
    ("居民人均可支配收入", "城乡居民人均可支配收入"),
    (" 外贸 进出口 ", "进出口总额"),
    # not listed: itself, by match_key
    ("结构性指标", "结构性指标"),
    ("長者日間護理中心", match_key("長者日間護理中心")),
    # two different statistics (a labour-force survey, the registered unemployed)
    ("城镇调查失业率", "城镇调查失业率"),
    ("调查失业率", "城镇调查失业率"),
    ("城镇登记失业率", "城镇登记失业率"),
    ("登记失业率", "城镇登记失业率"),
]


@pytest.mark.parametrize(("subject", "canonical"), CANONICAL, ids=[c[0] for c in CANONICAL])
def test_canonical_subject(subject: str, canonical: str) -> None:
    assert canonical_subject(subject) == canonical


def test_target_and_actual_of_one_metric_pair_by_canonical_subject() -> None:
    (target,) = extract_figures("完成FDI3000万美元。", "task")
    actual, change = extract_figures("一季度，预计全区实际使用外资215万美元，同比下降73.7%。", "progress")
    assert target.subject and actual.subject and change.subject
    assert canonical_subject(target.subject) == canonical_subject(actual.subject) == canonical_subject(change.subject)


def test_every_synonym_has_one_canonical_name() -> None:
    seen: dict[str, str] = {}
    for canonical, synonyms in load("figures")["subjects"].items():
        for name in (canonical, *synonyms):
            key = match_key(name).upper()
            assert seen.setdefault(key, canonical) == canonical, name
            assert canonical_subject(name) == canonical


# --------------------------------------------------------------------------------------------
# Roles

ROLES = [
    pytest.param("进出口总额增长5%", "task", "增长5%", "target", id="task-cell"),
    pytest.param("同比下降4.2%", "progress", "同比下降4.2%", "actual", id="progress-cell"),
    pytest.param("力争全年增长6%", "progress", "增长6%", "target", id="力争"),
    pytest.param("计划总投资3亿元", "progress", "3亿元", "target", id="计划"),
    pytest.param("确保完成3000万元", "progress", "3000万元", "target", id="确保"),
    pytest.param("预期目标为增长7%", "progress", "增长7%", "target", id="预期目标"),
    pytest.param("年度目标：增长5%", "progress", "增长5%", "target", id="target-label-colon"),
    pytest.param("预计增长8.2%", "progress", "增长8.2%", "actual", id="forecast-is-not-a-target"),
    pytest.param("完成年度目标的53.3%", "progress", "53.3%", "actual", id="share-of-target"),
    pytest.param("已完成年度目标任务的55%", "progress", "55%", "actual", id="share-of-target-tasks"),
    pytest.param("占年度计划的45%", "progress", "45%", "actual", id="share-of-plan"),
    pytest.param("增长6%，低于目标0.9个百分点", "progress", "低于目标0.9个百分点", "actual", id="gap"),
    pytest.param("力争四季度增速回升，目前增长3%", "plan", "增长3%", "actual", id="cue-in-another-clause"),
    # progress measured against a plan is an actual; a target is one being set
    pytest.param("按计划完成投资6亿元", "progress", "6亿元", "actual", id="按计划"),
    pytest.param("按年度计划完成投资6亿元", "progress", "6亿元", "actual", id="按年度计划"),
    pytest.param("根据计划完成投资6亿元", "progress", "6亿元", "actual", id="根据计划"),
    pytest.param("年度目标完成率85%", "progress", "85%", "actual", id="目标完成率"),
    pytest.param("完成计划投资的60%", "progress", "60%", "actual", id="share-of-planned-investment"),
    pytest.param("计划完成投资5亿元", "progress", "5亿元", "target", id="计划-as-a-verb"),
    pytest.param("力争完成年度目标的80%", "progress", "80%", "target", id="力争-a-share"),
    pytest.param("年度目标为增长7%", "progress", "增长7%", "target", id="目标为"),
]


def test_a_decline_before_an_amount_is_a_signed_absolute_change() -> None:
    """下降0.5亿元 / 减少1200人: the size of a change in an amount or count is a change, signed, in
    the amount's or count's unit, with its basis (gold conventions; issue 12). Its subject stays
    null: it is never paired as the metric's level."""
    for text, unit, value in (("财政收入较上年下降0.5亿元", "CNY", -5e7), ("就业人数同比减少1200人", "人", -1200)):
        (figure,) = extract_figures(text, "progress")
        assert (figure.kind, figure.unit, figure.basis, figure.subject) == ("change", unit, "yoy", None)
        assert figure.value == value


@pytest.mark.parametrize(("text", "field", "figure_text", "role"), ROLES)
def test_role(text: str, field: str, figure_text: str, role: str) -> None:
    assert _one(text, figure_text, field=field).role == role
