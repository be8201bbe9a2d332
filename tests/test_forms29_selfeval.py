"""Performance self-evaluation forms (绩效自评表, ``layout/selfeval.py``), tables one cell a paragraph
with rows parted by blank lines (``layout/spaced.py``), and what the forms and headerless readings
no longer take for a table. Made-up forms in the shapes seen (cells one a paragraph, or flattened
onto one line), varied in script, brackets and spacing."""

from __future__ import annotations

import pytest

import extractor
from extractor.layout import Line, choose_layout
from extractor.layout.forms import _no_value, label_values
from extractor.layout.selfeval import role, self_evaluation
from extractor.layout.spaced import spaced_rows

TRADITIONAL = str.maketrans("级指标实际质满户务对养护设计", "級指標實際質滿戶務對養護設計")

HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
# the first two levels are written once, over the indicators under them (merged cells)
INDICATORS = [
    ["产出指标(50分)", "数量指标", "新建灌溉渠道长度", "≥12公里", "12.5公里", "20", "20", ""],
    ["改造提灌站数量", "3座", "3座", "10", "10", ""],
    ["质量指标", "工程验收合格率", "100%", "100%", "10", "10", ""],
    ["时效指标", "项目完工及时率", "≥95%", "90%", "10", "8", "受雨季影响工期延后"],
    ["效益指标(30分)", "社会效益指标", "受益群众人数", "≥2000人", "2300人", "20", "20", ""],
    ["满意度指标(10分)", "服务对象满意度指标", "受益群众满意度", "≥90%", "96%", "10", "10", ""],
]
TASKS = ["新建灌溉渠道长度", "改造提灌站数量", "工程验收合格率", "项目完工及时率", "受益群众人数", "受益群众满意度"]
ACTUALS = ["12.5公里", "3座", "100%", "90%", "2300人", "96%"]
PREAMBLE = [
    "项目支出绩效自评表",
    "项目名称",
    "某县高标准农田灌溉设施建设项目",
    "主管部门",
    "某县农业农村局",
    "年度总体目标",
    "预期目标",
    "实际完成情况",
    "完成高标准农田灌溉设施建设，改善灌溉条件。",
    "已完成渠道建设12.5公里，灌溉条件明显改善。",
    "绩效指标",
]
CLOSING = ["总分", "100", "95", "填报人：张三 联系电话：1234567"]


def _cells() -> list[str]:
    cells = [*PREAMBLE, *HEADER]
    for row in INDICATORS:
        cells += [c for c in row if c]  # an empty reason is not written
    return [*cells, *CLOSING]


def _fold(text: str, traditional: bool, full_width: bool) -> str:
    text = text.translate(TRADITIONAL) if traditional else text
    return text.replace("(", "（").replace(")", "）") if full_width else text


@pytest.mark.parametrize("shape", ["paragraphs", "spaced", "flattened"])
@pytest.mark.parametrize("traditional", [False, True], ids=["simplified", "traditional"])
@pytest.mark.parametrize("full_width", [False, True], ids=["half-width", "full-width"])
def test_the_goal_then_each_indicator_is_a_row(shape: str, traditional: bool, full_width: bool) -> None:
    cells = _cells()
    if shape == "paragraphs":
        text = "\n".join(cells)
    elif shape == "spaced":
        text = "\n\n".join(cells)
    else:  # the whole form flattened onto one line, a space between cells
        text = " ".join(cells)
    document = extractor.parse_bytes(_fold(text, traditional, full_width).encode(), "t.txt")
    (table,) = document.tables
    assert table.layout == "selfeval"
    rows = table.rows
    fold = (lambda t: t.translate(TRADITIONAL)) if traditional else (lambda t: t)
    assert rows[0].task == fold("完成高标准农田灌溉设施建设，改善灌溉条件。")
    assert rows[0].progress == fold("已完成渠道建设12.5公里，灌溉条件明显改善。")
    assert [r.task for r in rows[1:]] == [fold(t) for t in TASKS]
    assert [r.progress for r in rows[1:]] == [fold(t) for t in ACTUALS]
    assert [i.text for i in rows[4].issues] == [fold("受雨季影响工期延后")]


def test_a_value_that_ends_in_指标_is_no_level() -> None:
    cells = [*HEADER, "产出指标", "质量指标", "经费支出合规性", "严格执行相关规定", "达成预期指标", "8", "8"]
    cells += ["报告合格率", "100%", "100%", "8", "8", "时效指标", "提交及时性", "按时完成", "达成预期指标", "8", "8"]
    blocks = self_evaluation([Line(c) for c in cells])
    assert blocks is not None
    (table,) = [b for b in blocks if hasattr(b, "rows")]
    names = [row.cells[2].text for row in table.rows[1:]]
    assert names == ["经费支出合规性", "报告合格率", "提交及时性"]
    assert [row.cells[4].text for row in table.rows[1:]] == ["达成预期指标", "100%", "达成预期指标"]


def test_no_indicator_header_no_form() -> None:
    assert self_evaluation([Line("序号"), Line("工作任务"), Line("完成情况")]) is None


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("一级指标", "level1"),
        ("二級指標", "level2"),
        ("三级指标", "name"),
        ("年度指标值", "target"),
        ("全年实际值", "actual"),
        ("实际完成值", "actual"),
        ("分值", "score"),
        ("得分", "got"),
        ("未完成原因及拟采取的改进措施", "reason"),
        ("偏差原因分析及改进措施", "reason"),
        ("项目名称", None),
    ],
)
def test_role_examples(header: str, expected: str | None) -> None:
    assert role(header) == expected


SPACED = ["项目", "服务标准", "目标", "实际完成情况"]
SPACED_ROWS = [
    ["换领身份证", "30分钟内", "95%", "已达标，98%"],
    ["补领身份证", "45分钟内", "90%", "已达标，93%"],
    ["出生登记", "1小时内", "95%", "已达标，99%"],
]


@pytest.mark.parametrize(("cell_gap", "row_gap"), [("\n", "\n\n"), ("\n\n", "\n\n\n\n")], ids=["0-1", "1-3"])
def test_rows_parted_by_longer_runs_of_blank_lines(cell_gap: str, row_gap: str) -> None:
    groups = [SPACED, *SPACED_ROWS]
    text = "服务承诺" + row_gap + row_gap.join(cell_gap.join(g) for g in groups) + row_gap + "填表人：李四\n"
    blocks = spaced_rows([Line(t) for t in text.split("\n")])
    assert blocks is not None
    (table,) = [b for b in blocks if hasattr(b, "rows")]
    assert [[c.text for c in r.cells] for r in table.rows] == [SPACED, *SPACED_ROWS]


def test_a_short_row_is_aligned_right_under_merged_cells() -> None:
    header = ["一级指标", "三级指标", "实际完成值"]
    text = "\n\n".join(
        "\n".join(g) for g in [header, ["产出指标", "渠道长度", "12公里"], ["提灌站", "3座"], ["质量", "合格"]]
    )
    blocks = spaced_rows([Line(t) for t in text.split("\n")])
    assert blocks is not None
    (table,) = [b for b in blocks if hasattr(b, "rows")]
    assert [c.text for c in table.rows[2].cells] == [None, "提灌站", "3座"]


def test_even_gaps_tell_no_rows() -> None:
    assert spaced_rows([Line(t) for t in ["序号", "", "工作任务", "", "完成情况", "", "1", "", "甲", "", "乙"]]) is None


def test_a_header_written_one_cell_a_line_is_no_label_value_form() -> None:
    # 序号 / 工作任务 / 完成情况 / 责任单位 with nothing between them were read as a form of empty
    # labels, the whole table the last one's value, at full confidence
    lines = ["序号", "工作任务", "完成情况", "责任单位"]
    for k, item in enumerate(["新建学校3所", "改造道路5条", "新增绿地10公顷"], start=1):
        lines += [f"（{k}）", item, "已完成规划设计", "区住建局"]
    choice = choose_layout([Line(t) for t in lines])
    assert choice.layout != "forms"
    tables = [b for b in choice.blocks if hasattr(b, "rows")]
    assert tables and len(tables[0].rows) == 4  # the header and three rows


@pytest.mark.parametrize("traditional", [False, True], ids=["simplified", "traditional"])
def test_a_written_header_over_values_names_the_actual_column(traditional: bool) -> None:
    lines = ["服务承诺", "服务\t服务标准\t目标\t2023年实际表现"]
    lines += ["换领身份证\t30分钟\t95%\t98%", "补领身份证\t45分钟\t90%\t93%", "出生登记\t1小时\t95%\t99%"]
    text = "\n".join(lines) + "\n"
    text = (
        text.translate(str.maketrans("务标实际现换领证补时钟记", "務標實際現換領證補時鐘記")) if traditional else text
    )
    (table,) = extractor.parse_bytes(text.encode(), "t.txt").tables
    assert table.layout is not None and table.layout.endswith("-headerless")
    assert [r.progress for r in table.rows] == ["98%", "93%", "99%"]
    assert [r.cells.get("目标值") for r in table.rows] == ["95%", "90%", "95%"]


def test_labels_whose_values_are_the_next_header_cells_are_no_form() -> None:
    # 项 目 / 目标 / 分 解 情 况 / 责任领导 / 责任单位 / 责任人, a cell a paragraph: "分 解 情 况" is no
    # value of 目标, "责任人" none of 责任单位 — a header written down, not a form
    header = ["项 目", "目标", "分 解 情 况", "责任领导", "责任单位", "责任人"]
    row = ["就业促进工程", "城镇新增就业人数(人)", "1300", "元坝镇280 白果乡15", "刘强", "区人社局", "陈宗"]
    assert label_values([Line(t) for t in "\n\n".join([*header, *row]).split("\n")]) is None
    # a form's own values stay values: a status word, a unit, a task's name
    for value in ["已完成", "区住建局", "城区道路改造", "正常推进"]:
        assert not _no_value(value), value
    for value in ["", "分 解 情 况", "责任人\n就业促进工程"]:
        assert _no_value(value), value
