"""Cell rules: problems (find_issues), statements (find_statements) and unit lists (split_units)."""

from __future__ import annotations

import pytest

import extractor
from extractor.models import Item
from extractor.rules.cells import cell_rules, find_issues, find_statements, split_lead_units, split_units
from extractor.rules.data import load
from extractor.textnorm import match_view

FIELD = "progress"


def _assert_grounded(text: str, items: list[Item], field: str = FIELD) -> None:
    previous_end = 0
    for item in items:
        start, end = item.span
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == item.text
        assert item.field == field
        assert item.text == item.text.strip(" \t\n\u3000\xa0")
        previous_end = end


# --------------------------------------------------------------------------------------------
# find_issues

ISSUES = [
    pytest.param(
        "存在问题：一是国际需求减弱，订单下滑。二是政策支持减弱。",
        False,
        ["国际需求减弱，订单下滑。", "政策支持减弱。"],
        id="yi-shi-er-shi",
    ),
    pytest.param(
        "存在问题：一是资金不足；二是土地未落实；三是人员短缺。",
        False,
        ["资金不足；", "土地未落实；", "人员短缺。"],
        id="yi-shi-with-semicolons",
    ),
    pytest.param(
        "存在问题：1.因涉及方案审批，进度滞后。2.厂区征占地手续办理预计8月底完成。",
        False,
        ["因涉及方案审批，进度滞后。", "厂区征占地手续办理预计8月底完成。"],
        id="arabic-dot",
    ),
    pytest.param(
        "存在问题：\n1、资金不足\n2、土地未落实",
        False,
        ["资金不足", "土地未落实"],
        id="arabic-comma-on-lines",
    ),
    pytest.param(
        "存在问题：（1）资金不足；（2）土地未落实。",
        False,
        ["资金不足；", "土地未落实。"],
        id="parenthesised-arabic",
    ),
    pytest.param(
        "存在问题：（一）资金不足。（二）土地未落实。",
        False,
        ["资金不足。", "土地未落实。"],
        id="parenthesised-chinese",
    ),
    pytest.param(
        "存在问题：①资金不足②土地未落实",
        False,
        ["资金不足", "土地未落实"],
        id="circled-digits",
    ),
    pytest.param(
        "存在问题：①资金不足；②土地未落实。",
        False,
        ["资金不足；", "土地未落实。"],
        id="circled-digits-with-semicolon",
    ),
    pytest.param(
        "存在问题：资金不足；土地未落实；人员短缺。",
        False,
        ["资金不足；", "土地未落实；", "人员短缺。"],
        id="semicolons-keep-their-separator",
    ),
    pytest.param(
        "存在问题:资金不足;土地未落实",
        False,
        ["资金不足;", "土地未落实"],
        id="ascii-semicolon",
    ),
    pytest.param(
        "存在问题：资金不足。土地未落实。",
        False,
        ["资金不足。", "土地未落实。"],
        id="one-per-sentence",
    ),
    pytest.param(
        "存在问题：智慧城市整体水平不高。具体表现在物联感知终端布设数量有限。人才缺乏。",
        False,
        ["智慧城市整体水平不高。具体表现在物联感知终端布设数量有限。", "人才缺乏。"],
        id="elaboration-joins-previous",
    ),
    pytest.param(
        "存在问题：业主单位资金困难，项目停工。江北旅游区正积极约谈督促业主单位，抓紧筹措资金。",
        False,
        ["业主单位资金困难，项目停工。"],
        id="response-excluded",
    ),
    pytest.param(
        "存在问题：一是资金不足。二是土地未落实。目前正积极协调。",
        False,
        ["资金不足。", "土地未落实。"],
        id="response-after-enumeration-excluded",
    ),
    pytest.param(
        "存在问题：PPP项目国家正在开展清理。",
        False,
        ["PPP项目国家正在开展清理。"],
        id="first-sentence-with-zhengzai-kept",
    ),
    pytest.param(
        "存在问题：PPP项目国家正在开展清理。区财政局正积极与上级对接。",
        False,
        ["PPP项目国家正在开展清理。"],
        id="zhengzai-kept-response-dropped",
    ),
    pytest.param(
        "存在问题：目前正在办理用地手续，进度滞后。项目推进缓慢。",
        False,
        ["目前正在办理用地手续，进度滞后。", "项目推进缓慢。"],
        id="first-sentence-never-a-response",
    ),
    pytest.param("存在問題：資金不足。", False, ["資金不足。"], id="traditional-label"),
    pytest.param("存在问题:资金不足。", False, ["资金不足。"], id="ascii-colon-label"),
    pytest.param("存在的主要问题是：资金不足。", False, ["资金不足。"], id="long-label"),
    pytest.param("完成投资5亿元。存在问题：资金不足。", False, ["资金不足。"], id="label-mid-cell"),
    pytest.param("存在问题：\u3000资金不足。\n", False, ["资金不足。"], id="edge-space-trimmed"),
    pytest.param("项目进展顺利，资金不足。", False, [], id="no-label-no-items"),
    pytest.param("存在问题：", False, [], id="empty-after-label"),
    pytest.param("", False, [], id="empty-cell"),
    pytest.param("资金不足。土地未落实。", True, ["资金不足。", "土地未落实。"], id="labelled-column"),
    pytest.param("一是资金不足；二是土地未落实。", True, ["资金不足；", "土地未落实。"], id="labelled-enumerated"),
    pytest.param(
        "存在问题：资金不足。土地未落实。下一步工作打算：加快推进。",
        False,
        ["资金不足。", "土地未落实。"],
        id="plan-label-ends-problems",
    ),
    pytest.param(
        "存在问题：一是资金不足；二是土地未落实。下一步工作打算：加快推进。",
        False,
        ["资金不足；", "土地未落实。"],
        id="plan-label-ends-enumeration",
    ),
    pytest.param(
        "存在问题：\n1、资金不足\n2、土地未落实\n下一步计划：加快推进",
        False,
        ["资金不足", "土地未落实"],
        id="plan-label-on-a-line",
    ),
]


@pytest.mark.parametrize(("text", "labelled", "expected"), ISSUES)
def test_find_issues(text: str, labelled: bool, expected: list[str]) -> None:
    items = find_issues(text, FIELD, labelled=labelled)
    assert [i.text for i in items] == expected
    _assert_grounded(text, items)


def test_enumerators_are_not_in_items() -> None:
    text = "存在问题：一是国际需求减弱。二是政策支持减弱。三是企业融资困难。"
    items = find_issues(text, FIELD)
    assert len(items) == 3
    assert all(not item.text.startswith(("一是", "二是", "三是")) for item in items)
    assert {item.rule for item in items} == {"issue.enumerated"}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("存在问题：一是资金不足。二是土地未落实。", "issue.enumerated"),
        ("存在问题：资金不足；土地未落实。", "issue.separated"),
        ("存在问题：资金不足。土地未落实。", "issue.sentence"),
    ],
    ids=["enumerated", "separated", "sentence"],
)
def test_issue_rule_ids(text: str, rule: str) -> None:
    assert {item.rule for item in find_issues(text, FIELD)} == {rule}


@pytest.mark.parametrize("example", load("cells")["issues"]["marker_examples"])
def test_marker_examples_are_labels(example: str) -> None:
    items = find_issues(f"完成投资。{example}资金不足。", FIELD)
    assert [i.text for i in items] == ["资金不足。"]


@pytest.mark.parametrize("example", load("cells")["issues"]["enumerator_examples"])
def test_enumerator_examples_are_enumerated(example: str) -> None:
    """Each example holds two enumerated items, ASCII (1) 1) 1. or full-width （1）, and no enumerator is item text."""
    items = find_issues(example, FIELD, labelled=True)
    assert len(items) == 2, [i.text for i in items]
    assert {i.rule for i in items} == {"issue.enumerated"}
    for item in items:
        assert not cell_rules().enumerator.match(match_view(item.text)), item.text
    _assert_grounded(example, items)


@pytest.mark.parametrize("example", load("cells")["issues"]["elaboration_examples"])
def test_elaboration_examples_are_one_item(example: str) -> None:
    items = find_issues(example, FIELD, labelled=True)
    assert [i.text for i in items] == [example]


@pytest.mark.parametrize("example", load("cells")["issues"]["response_examples"])
def test_response_examples_end_the_problems(example: str) -> None:
    text = f"存在问题：资金不足。{example}"
    assert [i.text for i in find_issues(text, FIELD)] == ["资金不足。"]


# --------------------------------------------------------------------------------------------
# find_statements

STATEMENT_KINDS = [
    pytest.param("项目主体已完工。", "progress", id="progress"),
    pytest.param("点易园景区展陈项目完成装修。", "progress", id="progress-done-step"),
    pytest.param("项目按计划推进。", "progress", id="progress-an-ji-hua-is-no-plan"),
    pytest.param("完成年度计划的45%。", "progress", id="progress-share-of-plan-is-no-plan"),
    pytest.param("项目不能按原计划于五一开街。", "progress", id="progress-yuan-ji-hua-is-no-plan"),
    pytest.param("已将项目纳入库。", "progress", id="progress-yi-jiang-is-no-plan"),
    pytest.param("进度低于预期。", "progress", id="progress-yu-qi-is-no-forecast"),
    pytest.param("下一步将尽快开展用地手续等前期工作。", "plan", id="plan-next-step"),
    pytest.param("力争爻里小镇一期下半区年内开街运营。", "plan", id="plan-strive"),
    pytest.param("计划于6月底前完成验收。", "plan", id="plan-ji-hua"),
    pytest.param("拟于年底前开工。", "plan", id="plan-ni"),
    pytest.param("项目将于6月投用。", "plan", id="plan-jiang"),
    pytest.param("区交通局将继续协调。", "plan", id="plan-jiang-continue"),
    pytest.param("下一步將儘快開展用地手續等前期工作。", "plan", id="plan-traditional"),
    pytest.param("一季度，预计全区实际使用外资215万美元。", "forecast", id="forecast-after-lead"),
    pytest.param("预计6月底主体完工。", "forecast", id="forecast-yu-ji"),
    pytest.param("一季度，預計全區實際使用外資215萬美元。", "forecast", id="forecast-traditional"),
    pytest.param("由于资金、上级政策等仍存在不确定因素，项目推进缓慢。", "cause", id="cause-because"),
    pytest.param("受疫情影响，项目停工。", "cause", id="cause-affected"),
    pytest.param("项目受疫情影响，停工。", "cause", id="cause-subject-affected"),
    pytest.param("因资金未到位，项目停工。", "cause", id="cause-yin"),
    pytest.param("进度滞后的主要原因是资金未到位。", "cause", id="cause-main-reason"),
    pytest.param("由於資金不足，項目推進緩慢。", "cause", id="cause-traditional"),
    pytest.param("江北旅游区正积极约谈督促业主单位。", "measure", id="measure"),
    pytest.param("抓紧筹措资金。", "measure", id="measure-zhua-jin"),
    pytest.param("督促业主单位加快施工。", "measure", id="measure-du-cu"),
    pytest.param("区交通局已约谈施工单位。", "measure", id="measure-yue-tan"),
    pytest.param("区住建委正在协调用地。", "measure", id="measure-xie-tiao"),
    pytest.param("江北旅遊區正積極約談督促業主單位。", "measure", id="measure-traditional"),
]


@pytest.mark.parametrize(("text", "kind"), STATEMENT_KINDS)
def test_statement_kind(text: str, kind: str) -> None:
    statements = find_statements(text, FIELD)
    assert [(s.text, s.kind) for s in statements] == [(text, kind)]
    assert statements[0].rule == f"statement.{kind}"
    _assert_grounded(text, statements)


def _kind_examples(key: str) -> list[pytest.ParameterSet]:
    return [
        pytest.param(entry["kind"], text, id=f"{entry['kind']}-{index}")
        for entry in load("cells")["statements"]["kind"]
        for index, text in enumerate(entry.get(key, []))
    ]


@pytest.mark.parametrize(("kind", "example"), _kind_examples("examples"))
def test_statement_kind_examples(kind: str, example: str) -> None:
    assert [s.kind for s in find_statements(example, FIELD)] == [kind], example


@pytest.mark.parametrize(("kind", "example"), _kind_examples("counter_examples"))
def test_statement_kind_counter_examples(kind: str, example: str) -> None:
    """A counter-example of a kind is one progress statement."""
    assert [s.kind for s in find_statements(example, FIELD)] == ["progress"], example


ISSUE_LABELS = [
    pytest.param("存在问题：", id="cun-zai-wen-ti"),
    pytest.param("存在的问题：", id="cun-zai-de-wen-ti"),
    pytest.param("主要问题：", id="zhu-yao-wen-ti"),
    pytest.param("困难和问题：", id="kun-nan-he-wen-ti"),
    pytest.param("存在的困难和问题：", id="cun-zai-de-kun-nan-he-wen-ti"),
    pytest.param("存在問題：", id="traditional-cun-zai-wen-ti"),
    pytest.param("存在的問題：", id="traditional-cun-zai-de-wen-ti"),
    pytest.param("主要問題：", id="traditional-zhu-yao-wen-ti"),
    pytest.param("困難和問題：", id="traditional-kun-nan-he-wen-ti"),
    pytest.param("存在问题:", id="ascii-colon"),
]


@pytest.mark.parametrize("label", ISSUE_LABELS)
def test_issue_statements_after_every_label(label: str) -> None:
    text = f"完成投资5亿元。{label}资金不足。"
    statements = find_statements(text, FIELD, find_issues(text, FIELD))
    assert [(s.text, s.kind) for s in statements] == [("完成投资5亿元。", "progress"), ("资金不足。", "issue")]
    _assert_grounded(text, statements)


ENUMERATION_STYLES = [
    pytest.param("一是资金不足；二是土地未落实。", ["资金不足；", "土地未落实。"], id="yi-shi"),
    pytest.param("（一）资金不足。（二）土地未落实。", ["资金不足。", "土地未落实。"], id="chinese-in-parentheses"),
    pytest.param("(一)资金不足.(二)土地未落实.", ["资金不足.", "土地未落实."], id="chinese-in-ascii-parentheses"),
    pytest.param("1.资金不足。2.土地未落实。", ["资金不足。", "土地未落实。"], id="arabic-dot"),
    pytest.param("1、资金不足；2、土地未落实。", ["资金不足；", "土地未落实。"], id="arabic-dunhao"),
    pytest.param("（1）资金不足；（2）土地未落实。", ["资金不足；", "土地未落实。"], id="arabic-in-parentheses"),
    pytest.param("1）资金不足；2）土地未落实。", ["资金不足；", "土地未落实。"], id="arabic-closing-parenthesis"),
    pytest.param("①资金不足；②土地未落实。", ["资金不足；", "土地未落实。"], id="circled"),
    pytest.param("①资金不足②土地未落实", ["资金不足", "土地未落实"], id="circled-glued"),
    pytest.param("⑴资金不足⑵土地未落实", ["资金不足", "土地未落实"], id="parenthesized-number-character"),
    pytest.param("⒈资金不足。⒉土地未落实。", ["资金不足。", "土地未落实。"], id="dotted-number-character"),
    pytest.param("一、资金不足；二、土地未落实。", ["资金不足；", "土地未落实。"], id="chinese-dunhao"),
    pytest.param("第一，资金不足；第二，土地未落实。", ["资金不足；", "土地未落实。"], id="di-yi"),
    pytest.param("资金不足；土地未落实。", ["资金不足；", "土地未落实。"], id="semicolons"),
    pytest.param("资金不足。土地未落实。", ["资金不足。", "土地未落实。"], id="sentences"),
    pytest.param("一、二期项目资金不足。", ["一、二期项目资金不足。"], id="yi-er-qi-is-no-enumeration"),
    pytest.param("無。", [], id="traditional-none"),
    pytest.param("无", [], id="none"),
    pytest.param("暂无。", [], id="none-yet"),
]


@pytest.mark.parametrize(("problems", "expected"), ENUMERATION_STYLES)
@pytest.mark.parametrize("label", ["存在问题：", "存在問題：", ""], ids=["label", "traditional-label", "column"])
def test_every_enumeration_style_gives_one_item_each(problems: str, expected: list[str], label: str) -> None:
    text = f"{label}{problems}"
    items = find_issues(text, "issues" if not label else FIELD, labelled=not label)
    assert [i.text for i in items] == expected
    _assert_grounded(text, items, "issues" if not label else FIELD)
    statements = find_statements(text, items[0].field if items else FIELD, items)
    assert [s.text for s in statements if s.kind == "issue"] == expected


CLAUSE_SPLITS = [
    pytest.param(
        "正完善图文视频展陈内容，力争6月开展。",
        [("正完善图文视频展陈内容，", "progress"), ("力争6月开展。", "plan")],
        id="progress-then-plan",
    ),
    pytest.param(
        "点易园景区展陈项目完成装修，正完善图文视频展陈内容，力争6月开展。",
        [("点易园景区展陈项目完成装修，正完善图文视频展陈内容，", "progress"), ("力争6月开展。", "plan")],
        id="progress-clauses-stay-together",
    ),
    pytest.param(
        "江北旅游区正积极约谈督促业主单位，抓紧筹措资金，加快施工进度，力争年内开街运营。",
        [("江北旅游区正积极约谈督促业主单位，抓紧筹措资金，加快施工进度，", "measure"), ("力争年内开街运营。", "plan")],
        id="measure-then-plan",
    ),
    pytest.param(
        "施工进度缓慢，正积极协调解决。",
        [("施工进度缓慢，", "progress"), ("正积极协调解决。", "measure")],
        id="progress-then-measure",
    ),
    pytest.param(
        "项目已停工三个月，因资金未到位。",
        [("项目已停工三个月，", "progress"), ("因资金未到位。", "cause")],
        id="progress-then-cause",
    ),
    pytest.param(
        "累计完成投资3.2亿元，预计6月底主体完工。",
        [("累计完成投资3.2亿元，", "progress"), ("预计6月底主体完工。", "forecast")],
        id="progress-then-forecast",
    ),
    pytest.param(
        "完成投资1,200万元,下一步将开展验收.",
        [("完成投资1,200万元,", "progress"), ("下一步将开展验收.", "plan")],
        id="ascii-comma-after-thousands",
    ),
    pytest.param(
        "下一步将加快施工，力争6月完工。", [("下一步将加快施工，力争6月完工。", "plan")], id="same-kind-stays-one"
    ),
    pytest.param(
        "一季度，预计全区实际使用外资215万美元。",
        [("一季度，预计全区实际使用外资215万美元。", "forecast")],
        id="short-lead-no-split",
    ),
    pytest.param("目前，下一步将开展验收。", [("目前，下一步将开展验收。", "plan")], id="short-lead-no-split-plan"),
    pytest.param(
        "正完善圖文視頻展陳內容，力爭6月開展。",
        [("正完善圖文視頻展陳內容，", "progress"), ("力爭6月開展。", "plan")],
        id="traditional",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CLAUSE_SPLITS)
def test_clause_splits_where_the_kind_changes(text: str, expected: list[tuple[str, str]]) -> None:
    statements = find_statements(text, FIELD)
    assert [(s.text, s.kind) for s in statements] == expected
    _assert_grounded(text, statements)


LABELLED = [
    pytest.param(
        "完成投资5亿元。下一步工作打算：加快推进。",
        FIELD,
        [("完成投资5亿元。", "progress"), ("下一步工作打算：加快推进。", "plan")],
        id="plan-label-opens-its-sentence",
    ),
    pytest.param(
        "完成投资5亿元。\n下一步计划：\n1、加快推进\n2、完成验收",
        FIELD,
        [("完成投资5亿元。", "progress"), ("1、加快推进", "plan"), ("2、完成验收", "plan")],
        id="plan-label-alone-on-its-line",
    ),
    pytest.param(
        "项目推进缓慢。整改措施：加强调度。",
        FIELD,
        [("项目推进缓慢。", "progress"), ("整改措施：加强调度。", "measure")],
        id="measure-label",
    ),
    pytest.param(
        "加快推进项目建设。预计年底完工。",
        "plan",
        [("加快推进项目建设。", "plan"), ("预计年底完工。", "plan")],
        id="plan-column",
    ),
]


@pytest.mark.parametrize(("text", "field", "expected"), LABELLED)
def test_labels_and_columns_give_the_kind(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    statements = find_statements(text, field, find_issues(text, field))
    assert [(s.text, s.kind) for s in statements] == expected
    _assert_grounded(text, statements, field)


@pytest.mark.parametrize(
    ("text", "labelled", "expected"),
    [
        pytest.param(
            "存在问题：资金不足。区财政局已向上级报告。",
            False,
            [("资金不足。", "issue"), ("区财政局已向上级报告。", "measure")],
            id="after-the-label",
        ),
        pytest.param(
            "资金不足。区财政局已向上级报告。",
            True,
            [("资金不足。", "issue"), ("区财政局已向上级报告。", "measure")],
            id="issues-column",
        ),
        pytest.param(
            "存在问题：资金不足。下一步将加快推进。",
            False,
            [("资金不足。", "issue"), ("下一步将加快推进。", "plan")],
            id="a-cue-still-decides",
        ),
    ],
)
def test_response_after_the_problems_is_a_measure(text: str, labelled: bool, expected: list) -> None:
    field = "issues" if labelled else FIELD
    statements = find_statements(text, field, find_issues(text, field, labelled=labelled))
    assert [(s.text, s.kind) for s in statements] == expected


def test_issue_with_zhengzai_stays_an_issue() -> None:
    text = "存在问题：PPP项目国家正在开展清理。"
    statements = find_statements(text, FIELD, find_issues(text, FIELD))
    assert [(s.text, s.kind) for s in statements] == [("PPP项目国家正在开展清理。", "issue")]


@pytest.mark.parametrize("example", [e for label in load("cells")["statements"]["label"] for e in label["examples"]])
def test_label_examples_are_labels(example: str) -> None:
    assert any(pattern.match(match_view(example)) for pattern, _, _ in cell_rules().labels), example


def test_statements_with_issue_items() -> None:
    text = "一季度，预计全区实际使用外资215万美元。存在问题：国际需求减弱。下一步将尽快开展招商。"
    statements = find_statements(text, FIELD, find_issues(text, FIELD))
    assert [(s.text, s.kind) for s in statements] == [
        ("一季度，预计全区实际使用外资215万美元。", "forecast"),
        ("国际需求减弱。", "issue"),
        ("下一步将尽快开展招商。", "plan"),
    ]
    _assert_grounded(text, statements)


def test_clause_opening_a_plan_splits_a_sentence() -> None:
    text = "目前项目主体已完工，下一步将开展验收。"
    statements = find_statements(text, FIELD)
    assert [(s.text, s.kind) for s in statements] == [
        ("目前项目主体已完工，", "progress"),
        ("下一步将开展验收。", "plan"),
    ]
    _assert_grounded(text, statements)


def test_enumerated_issue_statements_drop_enumerators() -> None:
    text = "完成投资5亿元，存在问题：一是资金不足；二是土地未落实。"
    statements = find_statements(text, FIELD, find_issues(text, FIELD))
    assert [(s.text, s.kind) for s in statements] == [
        ("完成投资5亿元，", "progress"),
        ("资金不足；", "issue"),
        ("土地未落实。", "issue"),
    ]
    _assert_grounded(text, statements)


def test_response_after_problems_is_a_measure() -> None:
    text = "存在问题：资金不足。江北旅游区正积极约谈督促业主单位，抓紧筹措资金。"
    statements = find_statements(text, FIELD, find_issues(text, FIELD))
    assert [(s.text, s.kind) for s in statements] == [
        ("资金不足。", "issue"),
        ("江北旅游区正积极约谈督促业主单位，抓紧筹措资金。", "measure"),
    ]


def test_issue_items_of_another_field_are_ignored() -> None:
    text = "存在问题：资金不足。"
    statements = find_statements(text, FIELD, find_issues(text, "issues"))
    assert [(s.text, s.kind) for s in statements] == [("资金不足。", "progress")]


@pytest.mark.parametrize(
    "text",
    [
        "完成投资5亿元。存在问题：资金不足。",
        "存在问题：资金不足。下一步将加快推进。",
        "存在問題：資金不足。",
        "存在问题:一是资金不足；二是土地未落实。",
        "存在问题：",
    ],
)
@pytest.mark.parametrize("with_issues", [False, True], ids=["plain", "with-issues"])
def test_label_is_never_a_statement(text: str, with_issues: bool) -> None:
    issues = find_issues(text, FIELD) if with_issues else None
    statements = find_statements(text, FIELD, issues)
    label_end = text.index("：" if "：" in text else ":") + 1
    for statement in statements:
        assert "存在问题" not in statement.text
        assert "存在問題" not in statement.text
        assert statement.span[0] >= label_end or statement.span[1] <= text.index("存在")
    _assert_grounded(text, statements)


# --------------------------------------------------------------------------------------------
# split_units

UNITS = [
    pytest.param("区商务委、区发展改革委", ["区商务委", "区发展改革委"], id="dunhao"),
    pytest.param("区交通局和区财政局", ["区交通局", "区财政局"], id="he"),
    pytest.param("区商务委及区经信委", ["区商务委", "区经信委"], id="ji"),
    pytest.param("区发改委与区财政局", ["区发改委", "区财政局"], id="yu"),
    pytest.param("区住房城乡建委", ["区住房城乡建委"], id="one-unit"),
    pytest.param("和平区", ["和平区"], id="name-starting-with-he"),
    pytest.param("区水利局，区财政局", ["区水利局", "区财政局"], id="comma"),
    pytest.param("区商务委；区经信委", ["区商务委", "区经信委"], id="semicolon"),
    pytest.param("区商务委/区经信委", ["区商务委", "区经信委"], id="slash"),
    pytest.param("区商务委\n区经信委", ["区商务委", "区经信委"], id="newline"),
    pytest.param("区商务委、、区经信委", ["区商务委", "区经信委"], id="doubled-separator"),
    pytest.param(" 区政府办公室 ", ["区政府办公室"], id="edge-space"),
    pytest.param("", [], id="empty"),
    pytest.param("  ", [], id="blank"),
    pytest.param(
        "区商务委／区经信委",
        ["区商务委", "区经信委"],
        id="full-width-slash",
    ),
]


@pytest.mark.parametrize(("text", "expected"), UNITS)
def test_split_units(text: str, expected: list[str]) -> None:
    assert split_units(text) == expected


@pytest.mark.parametrize(("text", "expected"), load("cells")["units"]["examples"])
def test_split_units_data_examples(text: str, expected: list[str]) -> None:
    assert split_units(text) == expected


def test_plan_for_a_quarter_is_a_plan() -> None:
    """计划 before a time word (四季度) opens a plan; 完成计划投资的60% (a noun) stays progress."""
    text = "完成计划投资的60%。计划四季度完成剩余投资。"
    statements = find_statements(text, "progress", find_issues(text, "progress"))
    assert [(s.kind, s.text) for s in statements] == [
        ("progress", "完成计划投资的60%。"),
        ("plan", "计划四季度完成剩余投资。"),
    ]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("完成投资3亿元。存在问题：无。", "progress", [("progress", "完成投资3亿元。")]),
        (
            "完成投资3亿元。存在问题：暂无。下一步：加快推进。",
            "progress",
            [("progress", "完成投资3亿元。"), ("plan", "下一步：加快推进。")],
        ),
        ("无", "issues", []),
        ("暂无。", "issues", []),
        ("存在問題：無。", "progress", []),
        ("资金未到位。", "issues", [("issue", "资金未到位。")]),
    ],
)
def test_no_problem_answer_is_no_statement(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    """存在问题：无。 (or 无 in a 存在问题 column) has no problem items and no statement 无。 either."""
    issues = find_issues(text, field, labelled=field == "issues")
    assert [(s.kind, s.text) for s in find_statements(text, field, issues)] == expected


@pytest.mark.parametrize(("text", "lead", "partners"), load("cells")["units"]["lead_mark_examples"])
def test_a_mark_picks_the_lead_units(text: str, lead: list[str], partners: list[str]) -> None:
    assert split_lead_units(text) == (lead, partners)


def test_marked_lead_units_in_a_parsed_table() -> None:
    text = (
        "序号\t任务\t进展情况\t责任单位\n1\t建设产业园\t已开工\t*区发改局、区商务局\n2\t建设学校\t已完工\t*区教育局\n"
    )
    rows = [r for t in extractor.parse(text.encode()).tables for r in t.rows]
    assert [(r.lead_units, r.partner_units) for r in rows] == [(["区发改局"], ["区商务局"]), (["区教育局"], [])]
    assert rows[0].cells["lead_units"] == "*区发改局、区商务局"  # the cell as printed


@pytest.mark.parametrize(("text", "expected"), load("cells")["units"]["etc_examples"])
def test_etc_after_the_last_unit_names_none(text: str, expected: list[str]) -> None:
    assert split_units(text) == expected


@pytest.mark.parametrize(
    ("cell", "units"),
    [
        ("市政\n府办\n公厅", ["市政府办公厅"]),  # a narrow column wraps one name every two characters
        ("市人力资源\n社会保障局", ["市人力资源社会保障局"]),
        ("長沙\n先導\n區管委會", ["長沙先導區管委會"]),
        ("市\n监\n察\n局", ["市监察局"]),
        ("区发改局\n区统计局", ["区发改局", "区统计局"]),  # each line a name of its own
        ("区发改局、\n区统计局", ["区发改局", "区统计局"]),
        ("县教育局\n县卫健局\n县财政局", ["县教育局", "县卫健局", "县财政局"]),
        ("市人力资源社会保障局\n市财政局", ["市人力资源社会保障局", "市财政局"]),  # lines of other widths
    ],
)
def test_a_unit_name_wrapped_by_a_narrow_column_is_one_name(cell: str, units: list[str]) -> None:
    assert split_lead_units(cell) == (units, [])
