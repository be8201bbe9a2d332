"""Text variations inside cells (issue 3): traditional script, ASCII punctuation, spaces from web copies.

A variant of a cell must give what the plain cell (simplified, full-width punctuation, no spaces)
gives — the same figures, problems and statements at the same offsets — while every item's text is
the variant's own source text. The rule data's own examples cover single figures
(extractor/data/figures.toml, cells.toml); these tables cover whole cells.
"""

from __future__ import annotations

from typing import Any

import pytest

from extractor.models import Figure, Item
from extractor.rules.cells import find_issues, find_statements, split_units
from extractor.rules.data import load
from extractor.rules.figures import extract_figures
from extractor.textnorm import _char_map, match_key, match_view, strip_cell

FIELD = "progress"


def _figure_key(figure: Figure) -> tuple[Any, ...]:
    """Everything about a figure except its text and scope, which are written in the source script."""
    return (
        figure.span,
        figure.rule,
        figure.kind,
        figure.value,
        figure.value_max,
        match_view(figure.unit),  # a measure word keeps its source script (個); compare it folded
        figure.currency_assumed,
        figure.basis,
        figure.qualifier,
        figure.role,
    )


def _assert_grounded(text: str, items: list[Item] | list[Figure]) -> None:
    for item in items:
        start, end = item.span
        assert text[start:end] == item.text


def _same_figures(
    plain: str, variant: str, field: str = FIELD, home: str | None = None, variant_home: str | None = None
) -> None:
    expected = extract_figures(plain, field, home)
    got = extract_figures(variant, field, variant_home)
    assert [_figure_key(f) for f in got] == [_figure_key(f) for f in expected]
    assert [match_view(f.scope) if f.scope else None for f in got] == [f.scope for f in expected]
    _assert_grounded(variant, got)


def _same_cell_items(plain: str, variant: str) -> None:
    plain_issues, issues = find_issues(plain, FIELD), find_issues(variant, FIELD)
    assert [(i.span, i.rule) for i in issues] == [(i.span, i.rule) for i in plain_issues]
    _assert_grounded(variant, issues)
    plain_statements, statements = find_statements(plain, FIELD, plain_issues), find_statements(variant, FIELD, issues)
    assert [(s.span, s.kind) for s in statements] == [(s.span, s.kind) for s in plain_statements]
    _assert_grounded(variant, statements)


# --------------------------------------------------------------------------------------------
# Traditional script (s2t, with the Hong Kong and Taiwan forms where they differ)

TRADITIONAL_FIGURES = [
    ("一季度，全区实现外贸进出口总额43亿元、同比下降4.2%（全市下降11.9%）。",
     "一季度，全區實現外貿進出口總額43億元、同比下降4.2%（全市下降11.9%）。"),
    ("累计完成投资3,600万元，占年度计划的45%。", "累計完成投資3,600萬元，佔年度計劃的45%。"),
    ("实际使用外资2.15亿美元，较上年增长12.5%。", "實際使用外資2.15億美元，較上年增長12.5%。"),
    ("接待游客1.24万人次，环比增长0.8%。", "接待遊客1.24萬人次，環比增長0.8%。"),
    ("新增装机6.5万千瓦，处理垃圾155吨。", "新增裝機6.5萬千瓦，處理垃圾155噸。"),
    ("完成造林120公顷，新建高标准农田3500亩。", "完成造林120公頃，新建高標準農田3500畝。"),
    ("力争全年增长8%左右。", "力爭全年增長8%左右。"),
    ("计划总投资3亿5000万元。", "計劃總投資3億5000萬元。"),
    ("预计全年完成投资约12亿元。", "預計全年完成投資約12億元。"),
    ("拟新增就业岗位500余个。", "擬新增就業崗位500餘個。"),
    ("由于受疫情影响，进度滞后序时进度9.8个百分点。", "由於受疫情影響，進度滯後序時進度9.8個百分點。"),
    ("较上年提高2.1个百分点，增幅扩大0.5个百分点。", "較上年提高2.1個百分點，增幅擴大0.5個百分點。"),
    ("降幅收窄2.1个百分点，与去年同期相比减少3%。", "降幅收窄2.1個百分點，與去年同期相比減少3%。"),
    ("全年外贸总额与上年持平，产值实现翻两番。", "全年外貿總額與上年持平，產值實現翻兩番。"),
    ("签约项目12个，总投资超过600万元。", "簽約項目12個，總投資超過600萬元。"),
    ("新建道路4.65公里、学校12所、停车位500个。", "新建道路4.65公里、學校12所、停車位500個。"),
    ("新增设备30台、车辆12辆、床位200张。", "新增設備30臺、車輛12輛、牀位200張。"),
    ("新增设备30台、车辆12辆、床位200张。", "新增設備30台、車輛12輛、床位200張。"),
    ("引进外资5000万欧元、2000万港元、100万英镑。", "引進外資5000萬歐元、2000萬港元、100萬英鎊。"),
    ("正积极协调，力争年内完成80%。", "正積極協調，力爭年內完成80%。"),
    ("增速不低于5%，不超过10%，控制在3%以内。", "增速不低於5%，不超過10%，控制在3%以內。"),
    ("全县完成投资3.5亿元，同比增长6%。", "全縣完成投資3.5億元，同比增長6%。"),
    ("建成标准厂房2.6万平方米，吞吐量20万标准箱。", "建成標準廠房2.6萬平方米，吞吐量20萬標準箱。"),
    ("发放补贴1,200万元，惠及近2万户。", "發放補貼1,200萬元，惠及近2萬戶。"),
    ("发放补贴1,200万元，惠及近2万户。", "發放補貼1,200萬元，惠及近2萬户。"),
    ("全市增长5%，全区增长6.2%，全镇增长两成。", "全市增長5%，全區增長6.2%，全鎮增長兩成。"),
    ("全市增长5%，全区增长6.2%，全镇增长两成。", "全市增長5%，全區增長6.2%，全鎭增長兩成。"),
    ("完成年度目标任务的85%，较上年同期提高3个百分点。", "完成年度目標任務的85%，較上年同期提高3個百分點。"),
    ("税收收入1.2万亿元，比上年增长7.5%。", "稅收收入1.2萬億元，比上年增長7.5%。"),
    ("税收收入1.2万亿元，比上年增长7.5%。", "税收收入1.2萬億元，比上年增長7.5%。"),
    ("收购生猪300只、种牛50头。", "收購生豬300隻、種牛50頭。"),
    ("实现增加值8.6亿元，增长率为5%。", "實現增加值8.6億元，增長率爲5%。"),
    ("新建管线3.5公里，产值1,500万元。", "新建管綫3.5公里，産值1,500萬元。"),
    ("新增卫生院3所，总投资1.5亿元。", "新增衞生院3所，總投資1.5億元。"),
]  # fmt: skip


@pytest.mark.parametrize(("plain", "traditional"), TRADITIONAL_FIGURES, ids=[t for _, t in TRADITIONAL_FIGURES])
@pytest.mark.parametrize("field", ["progress", "task"])
def test_traditional_figures(plain: str, traditional: str, field: str) -> None:
    assert len(traditional) == len(plain)
    _same_figures(plain, traditional, field)
    # The home scope as the pipeline finds it in each script (区商务委 → 全区, 區商務委 → 全區).
    _same_figures(plain, traditional, field, home="全区", variant_home="全區")
    _same_figures(plain, traditional, field, home="全区", variant_home="全区")


def test_traditional_figures_keep_the_source_text() -> None:
    got = [(f.text, f.value, f.unit, f.basis, f.scope) for f in extract_figures(TRADITIONAL_FIGURES[0][1])]
    assert got == [
        ("43億元", 4.3e9, "CNY", None, "全區"),
        ("同比下降4.2%", -4.2, "%", "yoy", "全區"),
        ("下降11.9%", -11.9, "%", None, "全市"),
    ]
    got = [(f.text, f.value, f.unit) for f in extract_figures("新增裝機6.5萬千瓦，完成造林120公頃，收購生豬300隻。")]
    # The unit of a count or quantity is the measure word as written in the source.
    assert got == [("6.5萬千瓦", 65000.0, "千瓦"), ("120公頃", 120.0, "公頃"), ("300隻", 300.0, "隻")]


TRADITIONAL_CELLS = [
    ("存在问题：一是资金不足；二是土地未落实。", "存在問題：一是資金不足；二是土地未落實。"),
    ("存在的问题：1.因涉及方案审批，进度滞后。2.厂区征占地手续办理预计8月底完成。",
     "存在的問題：1.因涉及方案審批，進度滯後。2.廠區徵佔地手續辦理預計8月底完成。"),
    ("存在问题：（1）资金不足；（2）土地未落实。", "存在問題：（1）資金不足；（2）土地未落實。"),
    ("存在问题：业主单位资金困难，项目停工。江北旅游区正积极约谈督促业主单位，抓紧筹措资金。",
     "存在問題：業主單位資金困難，項目停工。江北旅遊區正積極約談督促業主單位，抓緊籌措資金。"),
    ("存在问题：智慧城市整体水平不高。具体表现在物联感知终端布设数量有限。人才缺乏。",
     "存在問題：智慧城市整體水平不高。具體表現在物聯感知終端佈設數量有限。人才缺乏。"),
    ("存在问题：资金不足。土地未落实。下一步工作打算：加快推进。",
     "存在問題：資金不足。土地未落實。下一步工作打算：加快推進。"),
    ("存在问题：无。", "存在問題：無。"),
    ("存在问题：暂无", "存在問題：暫無"),
    ("完成投资5亿元。存在的主要问题是：资金不足。", "完成投資5億元。存在的主要問題是：資金不足。"),
    ("困难和问题：资金缺口较大，上级资金未到位，项目推进缓慢。",
     "困難和問題：資金缺口較大，上級資金未到位，項目推進緩慢。"),
    ("面临的问题：受疫情影响，项目停工。区财政局已协调资金。",
     "面臨的問題：受疫情影響，項目停工。區財政局已協調資金。"),
    ("存在问题：①资金不足②土地未落实", "存在問題：①資金不足②土地未落實"),
    ("存在困难：资金不足；土地未落实；人员短缺。下步计划：加快推进。",
     "存在困難：資金不足；土地未落實；人員短缺。下步計劃：加快推進。"),
    ("一季度，预计全区实际使用外资215万美元。存在问题：国际需求减弱。下一步将尽快开展招商。",
     "一季度，預計全區實際使用外資215萬美元。存在問題：國際需求減弱。下一步將盡快開展招商。"),
    ("一季度，预计全区实际使用外资215万美元。存在问题：国际需求减弱。下一步将尽快开展招商。",
     "一季度，預計全區實際使用外資215萬美元。存在問題：國際需求減弱。下一步將儘快開展招商。"),
    ("目前项目主体已完工，下一步将开展验收。", "目前項目主體已完工，下一步將開展驗收。"),
    ("由于资金、上级政策等仍存在不确定因素，项目推进缓慢，计划于6月底前完成。",
     "由於資金、上級政策等仍存在不確定因素，項目推進緩慢，計劃於6月底前完成。"),
    ("受疫情影响，项目停工，拟于年底前复工。", "受疫情影響，項目停工，擬於年底前復工。"),
    ("存在问题：项目前期手续办理缓慢，主要是用地指标不足。目前正积极协调。",
     "存在問題：項目前期手續辦理緩慢，主要是用地指標不足。目前正積極協調。"),
    ("存在问题：资金不足。区卫生健康委将尽快推进。", "存在問題：資金不足。區衞生健康委將儘快推進。"),
    ("存在问题：资金不足。因为配套资金未到位，进度滞后。", "存在問題：資金不足。因爲配套資金未到位，進度滯後。"),
]  # fmt: skip


@pytest.mark.parametrize(("plain", "traditional"), TRADITIONAL_CELLS, ids=[t for _, t in TRADITIONAL_CELLS])
def test_traditional_cells(plain: str, traditional: str) -> None:
    assert len(traditional) == len(plain)
    _same_cell_items(plain, traditional)
    issues = find_issues(traditional, "issues", labelled=True)
    assert [i.span for i in issues] == [i.span for i in find_issues(plain, "issues", labelled=True)]


def test_traditional_issue_items_are_the_source_text() -> None:
    text = "存在問題：一是資金不足；二是土地未落實。下一步工作打算：加快推進。"
    assert [i.text for i in find_issues(text, FIELD)] == ["資金不足；", "土地未落實。"]
    statements = find_statements(text, FIELD, find_issues(text, FIELD))
    assert [(s.text, s.kind) for s in statements] == [
        ("資金不足；", "issue"),
        ("土地未落實。", "issue"),
        ("下一步工作打算：加快推進。", "plan"),
    ]


TRADITIONAL_UNITS = [
    ("区商务委、区发展改革委", "區商務委、區發展改革委"),
    ("区交通局和区财政局", "區交通局和區財政局"),
    ("区商务委及区经信委", "區商務委及區經信委"),
    ("区发改委与区财政局", "區發改委與區財政局"),
    ("区卫生健康委与区财政局", "區衞生健康委與區財政局"),
    ("区政府办公室", "區政府辦公室"),
    ("区水利局，区财政局", "區水利局，區財政局"),
    ("区城管局/区规划自然资源局", "區城管局/區規劃自然資源局"),
]


@pytest.mark.parametrize(("plain", "traditional"), TRADITIONAL_UNITS, ids=[t for _, t in TRADITIONAL_UNITS])
def test_traditional_units(plain: str, traditional: str) -> None:
    units = split_units(traditional)
    assert [match_view(u) for u in units] == split_units(plain)
    assert all(u in traditional for u in units)


# Header words (extractor/data/headers.toml) in traditional script compare equal on match_key.
TRADITIONAL_HEADERS = [
    ("序号", "序號"), ("编号", "編號"), ("目标任务", "目標任務"), ("重点任务", "重點任務"), ("项目名称", "項目名稱"),
    ("任务内容", "任務內容"), ("进展情况", "進展情況"), ("推进情况", "推進情況"), ("当前进度", "當前進度"),
    ("落实情况", "落實情況"), ("执行情况", "執行情況"), ("完成进度", "完成進度"), ("存在问题", "存在問題"),
    ("存在的问题", "存在的問題"), ("困难和问题", "困難和問題"), ("存在困难", "存在困難"), ("下步计划", "下步計劃"),
    ("下一步工作计划", "下一步工作計劃"), ("牵头责任单位", "牽頭責任單位"), ("牵头单位", "牽頭單位"),
    ("责任单位", "責任單位"), ("牵头部门", "牽頭部門"), ("责任主体", "責任主體"), ("主责单位", "主責單位"),
    ("配合单位", "配合單位"), ("协办单位", "協辦單位"), ("协同单位", "協同單位"), ("参与单位", "參與單位"),
    ("完成时限", "完成時限"), ("时间节点", "時間節點"), ("完成时间", "完成時間"), ("时限要求", "時限要求"),
    ("备注", "備註"), ("牵头领导", "牽頭領導"), ("项目类别", "項目類別"), ("实施单位", "實施單位"),
    ("办理情况", "辦理情況"), ("类别", "類別"), ("工作要点", "工作要點"), ("牵头部门", "牽頭部⻔"),
]  # fmt: skip


@pytest.mark.parametrize(("plain", "traditional"), TRADITIONAL_HEADERS, ids=[t for _, t in TRADITIONAL_HEADERS])
def test_traditional_header_words(plain: str, traditional: str) -> None:
    assert match_key(traditional) == match_key(plain) == plain
    assert match_key(f"（{traditional}）：") == plain


# --------------------------------------------------------------------------------------------
# ASCII punctuation: the same cells with ，；：（）！？ written as ,;:()!?

FULL_WIDTH_CELLS = [
    *(plain for plain, _ in TRADITIONAL_CELLS),
    *(plain for plain, _ in TRADITIONAL_FIGURES),
    "存在问题：一是国际需求减弱，订单下滑。二是政策支持减弱。",
    "存在问题：\n1、资金不足\n2、土地未落实\n下一步计划：加快推进",
    "存在问题：（一）资金不足。（二）土地未落实。",
    "存在问题：资金缺口1,200万元；土地未落实。",
    "完成投资1,200万元，下一步将加快推进。",
    "共1,200户，预计年底完成。",
    "全市完成投资1,200万元增长5%，全区增长6%（全市下降11.9%）。",
    "完成投资5亿元，存在问题：一是资金不足；二是土地未落实。",
]
ASCII = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "！": "!", "？": "?"})


@pytest.mark.parametrize("plain", FULL_WIDTH_CELLS, ids=range(len(FULL_WIDTH_CELLS)))
def test_ascii_punctuation(plain: str) -> None:
    variant = plain.translate(ASCII)
    _same_cell_items(plain, variant)
    _same_figures(plain, variant, home="全区", variant_home="全区")


ASCII_ISSUES = [
    ("存在问题:一是资金不足,订单下滑;二是土地未落实。", ["资金不足,订单下滑;", "土地未落实。"]),
    ("存在问题:1.资金不足;2.土地未落实", ["资金不足;", "土地未落实"]),
    ("存在问题:1、资金不足;2、土地未落实", ["资金不足;", "土地未落实"]),
    ("存在问题:(1)资金不足;(2)土地未落实.", ["资金不足;", "土地未落实."]),
    ("存在问题:(一)资金不足.(二)土地未落实.", ["资金不足.", "土地未落实."]),
    ("存在问题: 1. 资金不足; 2. 土地未落实", ["资金不足;", "土地未落实"]),
    ("存在问题:1)资金不足;2)土地未落实", ["资金不足;", "土地未落实"]),
    ("存在问题:1）资金不足；2）土地未落实", ["资金不足；", "土地未落实"]),
    ("存在问题:资金不足.土地未落实.", ["资金不足.", "土地未落实."]),
    ("存在问题:资金不足;土地未落实;人员短缺.", ["资金不足;", "土地未落实;", "人员短缺."]),
    # a comma between digits separates thousands, not items or clauses
    ("存在问题:资金缺口1,200万元;土地未落实", ["资金缺口1,200万元;", "土地未落实"]),
    ("存在问题:资金缺口1,200万元,土地未落实", ["资金缺口1,200万元,土地未落实"]),
    # a decimal point is no sentence end, and 1.2、 holds no enumerator
    ("存在问题:投资下降4.2%.资金不足.", ["投资下降4.2%.", "资金不足."]),
    ("存在问题:完成1.2、1.5亿元两笔拨付,资金不足.", ["完成1.2、1.5亿元两笔拨付,资金不足."]),
    ("存在问题 : 资金不足", ["资金不足"]),
    ("存在问题:\u200b资金不足。", ["资金不足。"]),
    ("存在问题:业主单位资金困难.江北旅游区正积极约谈督促业主单位,抓紧筹措资金.", ["业主单位资金困难."]),
    ("存在问题:资金不足.下一步工作打算:加快推进.", ["资金不足."]),
    ("存在问题:无.", []),
]


@pytest.mark.parametrize(("text", "expected"), ASCII_ISSUES, ids=[t for t, _ in ASCII_ISSUES])
def test_ascii_issues(text: str, expected: list[str]) -> None:
    items = find_issues(text, FIELD)
    assert [i.text for i in items] == expected
    _assert_grounded(text, items)


ASCII_STATEMENTS = [
    ("目前项目主体已完工,下一步将开展验收.", [("目前项目主体已完工,", "progress"), ("下一步将开展验收.", "plan")]),
    ("完成投资1,200万元,下一步将加快推进。", [("完成投资1,200万元,", "progress"), ("下一步将加快推进。", "plan")]),
    ("共1,200户,预计年底完成.", [("共1,200户,预计年底完成.", "forecast")]),
    ("项目进展顺利.下一步将开展验收.", [("项目进展顺利.", "progress"), ("下一步将开展验收.", "plan")]),
    ("受疫情影响,项目停工.", [("受疫情影响,项目停工.", "cause")]),
    ("完成投资4.2亿元.详见www.cq.gov.cn", [("完成投资4.2亿元.", "progress"), ("详见www.cq.gov.cn", "progress")]),
    ("完成投资5亿元,存在问题:一是资金不足;二是土地未落实.", None),
]


@pytest.mark.parametrize(("text", "expected"), ASCII_STATEMENTS, ids=[t for t, _ in ASCII_STATEMENTS])
def test_ascii_statements(text: str, expected: list[tuple[str, str]] | None) -> None:
    statements = find_statements(text, FIELD, find_issues(text, FIELD))
    if expected is None:  # the enumerators and the label are no statements
        expected = [("完成投资5亿元,", "progress"), ("资金不足;", "issue"), ("土地未落实.", "issue")]
    assert [(s.text, s.kind) for s in statements] == expected
    _assert_grounded(text, statements)


def test_ascii_parens_scope() -> None:
    text = "一季度,全区实现外贸进出口总额43亿元、同比下降4.2%(全市下降11.9%)."
    got = [(f.text, f.scope) for f in extract_figures(text, home_scope="全区")]
    assert got == [("43亿元", None), ("同比下降4.2%", None), ("下降11.9%", "全市")]


def test_thousands_separator_is_no_clause_break() -> None:
    got = [(f.text, f.scope) for f in extract_figures("全市完成投资1,200万元增长5%")]
    assert got == [("1,200万元", "全市"), ("增长5%", "全市")]
    got = [(f.text, f.scope) for f in extract_figures("全市完成投资1200万元,增长5%")]
    assert got == [("1200万元", "全市"), ("增长5%", None)]


# --------------------------------------------------------------------------------------------
# Spaces from web copies: ASCII, no-break (\xa0), ideographic (\u3000), zero-width (\u200b)

SPACED_FIGURES = [
    ("3,600 萬元", [("3,600 萬元", 3.6e7, "CNY", None)]),
    ("3,600\xa0萬元", [("3,600\xa0萬元", 3.6e7, "CNY", None)]),
    ("3,600\u3000萬元", [("3,600\u3000萬元", 3.6e7, "CNY", None)]),
    ("8% 左右", [("8% 左右", 8.0, "%", "about")]),
    ("增长 5.2 %", [("增长 5.2 %", 5.2, "%", None)]),
    ("增长\xa05.2\xa0%", [("增长\xa05.2\xa0%", 5.2, "%", None)]),
    ("提高 12 个百分点", [("提高 12 个百分点", 12.0, "pp", None)]),
    ("同比增长 3.1%", [("同比增长 3.1%", 3.1, "%", None)]),
    ("56.3 亿元", [("56.3 亿元", 5.63e9, "CNY", None)]),
    ("约 3000 人", [("约 3000 人", 3000.0, "人", "about")]),
    ("共 12 个 项目", [("12 个", 12.0, "个", None)]),
    ("增长\u200b5%", [("增长\u200b5%", 5.0, "%", None)]),
    ("2019 年", []),
    ("1 - 9月", []),
    ("1 - 9 月", []),
    ("3 个 月", []),
    ("第 6 项", []),
    ("2023 年 1 - 9 月 完成 56.3 亿元", [("56.3 亿元", 5.63e9, "CNY", None)]),
    ("2023\xa0年\xa01\xa0-\xa09\xa0月\xa0完成\xa056.3\xa0亿元", [("56.3\xa0亿元", 5.63e9, "CNY", None)]),
    (
        "2023 年 1 - 9 月 , 全区完成投资 56.3 亿元 , 同比增长 3.1 %",
        [("56.3 亿元", 5.63e9, "CNY", None), ("同比增长 3.1 %", 3.1, "%", None)],
    ),
    # a space never joins two numbers: the figure is the number next to the unit
    ("2023 12个", [("12个", 12.0, "个", None)]),
    ("截至 2023 年 6 月 30 日 完成 45 %", [("45 %", 45.0, "%", None)]),
    ("5 % 和 8 %", [("5 %", 5.0, "%", None), ("8 %", 8.0, "%", None)]),
    # a Latin word after a space is a word of its own; glued to the number it is a name (5G)
    ("增长 5% GDP", [("增长 5%", 5.0, "%", None)]),
    ("5G基站300个", [("300个", 300.0, "个", None)]),
]


@pytest.mark.parametrize(("text", "expected"), SPACED_FIGURES, ids=[repr(t) for t, _ in SPACED_FIGURES])
def test_spaced_figures(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    figures = extract_figures(text)
    assert [(f.text, f.value, f.unit, f.qualifier) for f in figures] == [
        (t, pytest.approx(v, rel=1e-9), u, q) for t, v, u, q in expected
    ]
    _assert_grounded(text, figures)


def test_spaced_cells_match_unspaced() -> None:
    plain = "一季度，全区实现外贸进出口总额43亿元、同比下降4.2%（全市下降11.9%）。"
    spaced = "一季度，全区实现外贸进出口总额 43 亿元、同比下降 4.2 %（全市下降 11.9 %）。"
    got = [(f.value, f.unit, f.basis, f.scope) for f in extract_figures(spaced, home_scope="全区")]
    assert got == [(f.value, f.unit, f.basis, f.scope) for f in extract_figures(plain, home_scope="全区")]
    assert [f.text for f in extract_figures(spaced)] == ["43 亿元", "同比下降 4.2 %", "下降 11.9 %"]


# --------------------------------------------------------------------------------------------
# The matching view and cell edges

VIEWS = [
    ("存在問題：萬元", "存在问题:万元"),
    ("爲綫産衞鎭舘滙馀", "为线产卫镇馆汇余"),  # Hong Kong / Taiwan variant forms
    ("\uf978個", "两个"),  # a compatibility ideograph folds by NFKC, then by variants.toml
    ("增⻓5%，部⻔，人⺠", "增长5%,部门,人民"),  # radicals from PDF text layers
    ("3,600\xa0萬元\u3000增长\u200b5%\ufeff", "3,600 万元 增长 5% "),
    ("１２．５％（全市）", "12.5%(全市)"),
    ("①⑴㈠", "①⑴㈠"),  # enclosed enumerators stay (NFKC would make ⑴ three characters)
    ("乾裡髮著", "乾裡髮著"),  # left out on purpose (see variants.toml)
]


@pytest.mark.parametrize(("text", "view"), VIEWS, ids=[t for t, _ in VIEWS])
def test_match_view(text: str, view: str) -> None:
    assert match_view(text) == view
    assert len(match_view(text)) == len(text)


def test_strip_cell_drops_zero_width_edges() -> None:
    assert strip_cell("\ufeff\u200b 资金不足。\u3000\xa0\u200b") == "资金不足。"


# --------------------------------------------------------------------------------------------
# variants.toml itself

UNSAFE = "乾裡裏髮著覆瞭藉麼昇"


def test_variant_pairs_are_safe() -> None:
    pairs = _char_map()
    data = load("variants")
    tokens = " ".join(data[k] for k in ("pairs", "variant_pairs", "radical_pairs")).split()
    tokens += load("t2s")["pairs"].split()
    assert all(len(t) == 2 for t in tokens)
    assert len({t[0] for t in tokens}) == len(tokens), "a traditional character listed twice"
    # One step only: no simplified target is itself folded again, nor is any folded character a target.
    assert not set(pairs.values()) & set(pairs)
    assert not set(UNSAFE) & set(pairs)
    for traditional, simplified in pairs.items():
        assert match_view(traditional) == simplified
        assert match_view(simplified) == simplified


def test_rule_data_is_written_in_simplified_script() -> None:
    """Rules match the view, which has no traditional character: one in a rule would never match."""
    folded = set(_char_map())
    for name in ("figures", "units", "cells"):
        for value in _strings(load(name)):
            assert not set(value) & folded, (name, value)


def _strings(data: object, path: str = "") -> list[str]:
    """Keys and string values of parsed TOML, leaving out examples (whose script is the point) and
    unit_level (matched on unit names as written, see figures.toml)."""
    if any(part in path for part in ("example", "not_figures", "unit_level")):
        return []
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in [k, *_strings(v, f"{path}.{k}")]]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v, path)]
    return []
