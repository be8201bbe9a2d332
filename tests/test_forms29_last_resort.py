"""The layout stage's last resort (``layout/lastresort.py``): when nothing reads a table, the text's
most table-like structure is read at a low confidence, with a warning saying why, rather than
``no_table``. Made-up texts in the shapes seen (a service pledge copied from a PDF, items numbered
① or （1） under a header one cell a line), varied in script, brackets and spacing."""

from __future__ import annotations

import pytest

import extractor
from extractor.errors import NoTableError
from extractor.layout import Line, choose_layout
from extractor.layout.lastresort import (
    LAST_RESORT_CONFIDENCE,
    _named_values,
    header_cells,
    header_word,
    is_value,
    numbered_items,
    value_rows,
)

TRADITIONAL = str.maketrans("务标实际达时钟记请补换领证书发给册", "務標實際達時鐘記請補換領證書發給冊")

# A pledge table copied from a PDF: the header one cell a line (wrapped), a name then its values
# on one line, and a merged group whose two rows' values come one a line, column by column.
PLEDGE = """服务承诺 2024

服务 2023年度工作表现 2024年度目标
服务水平
(注1)
目标(达到
服务水平的
百分比)
实际表现(达到
服务水平的
百分比)
服务水平
达到服务水平的百分比
补领身份证
\u3000
以印本形式递交的申请
以电子形式递交的申请
5
1小时
95
90
98
99
5
1小时
95
90
出生登记
8 90 97 8 90
死亡登记(注2)
3 95 100 3 95
发出证明书
2 95 96 2 95
注: 1. 服务水平以工作日计算。
"""


def _parse(text: str) -> extractor.Document:
    return extractor.parse_bytes(text.encode(), "t.txt")


@pytest.mark.parametrize("traditional", [False, True], ids=["simplified", "traditional"])
@pytest.mark.parametrize("width", ["half", "full"], ids=["half-width", "full-width"])
def test_pledge_rows_are_read_with_the_actual_as_progress(traditional: bool, width: str) -> None:
    text = PLEDGE.translate(TRADITIONAL) if traditional else PLEDGE
    if width == "full":
        text = text.replace("(", "（").replace(")", "）")
    document = _parse(text)
    (table,) = document.tables
    assert table.layout == "last-resort"
    assert table.confidence is not None and 0 < table.confidence <= LAST_RESORT_CONFIDENCE
    tasks = [row.task for row in table.rows]
    expected = ["以印本形式递交的申请", "以电子形式递交的申请", "出生登记", "死亡登记", "发出证明书"]
    assert tasks == [t.translate(TRADITIONAL) if traditional else t for t in expected]
    # the column after the target (目标) is what was reached (实际表现): the progress
    assert [row.progress for row in table.rows] == ["98", "99", "97", "100", "96"]
    assert table.rows[1].cells["目标值"] == "90"  # the target it answers, for the status rules
    assert table.rows[0].section is not None and "身份证" in table.rows[0].section.translate(
        str.maketrans("份證", "份证")
    )


def test_the_choice_says_why_it_is_to_be_checked() -> None:
    choice = choose_layout([Line(t) for t in PLEDGE.split("\n")])
    assert choice.layout == "last-resort"
    assert choice.warning is not None and "a name, then a line of values" in choice.warning
    assert choice.confidence <= LAST_RESORT_CONFIDENCE


def test_the_documents_warnings_say_the_reading_is_a_last_resort() -> None:
    document = _parse(PLEDGE)
    (warning,) = [w for w in document.warnings if w.code == "low_confidence_layout"]
    assert "a name, then a line of values" in warning.message


def test_name_and_values_on_one_line_with_the_header_on_one_line() -> None:
    text = (
        "服務承諾\n\n服務  服務標準  目標  2023年實際表現\n換領身分證  30分鐘  95%  98%\n"
        "補領身分證  45分鐘  90％  93％\n出生登記  1小時  95%  99%\n"
    )
    (table,) = _parse(text).tables
    assert [r.task for r in table.rows] == ["換領身分證", "補領身分證", "出生登記"]
    assert [r.progress for r in table.rows] == ["98%", "93％", "99%"]


def test_a_grid_of_values_alone_is_still_no_table() -> None:
    with pytest.raises(NoTableError):
        _parse("统计\n1 2 3\n4 5 6\n7 8 9\n")


def test_value_rows_needs_rows_enough() -> None:
    assert value_rows([Line("出生登记"), Line("8 90 97")]) is None


@pytest.mark.parametrize(
    "text", ["95", "≥266米", "5分鐘", "100.00%", "1,200万元", "—", "-3.5％", "＞90%"], ids=lambda t: t
)
def test_value_examples(text: str) -> None:
    assert is_value(text)


@pytest.mark.parametrize("text", ["(註1)", "出生登记", "2016-17年度目標", "95分以上的服务", "12号楼改造"])
def test_value_counter_examples(text: str) -> None:
    assert not is_value(text)


def test_a_named_line_of_values() -> None:
    assert _named_values("出生登記 1小時 95% 99%") == ("出生登記", ["1小時", "95%", "99%"])
    assert _named_values("出生登记 已完成") is None  # one value is no row of values
    assert _named_values("截至目前，已完成 95% 98%") is None  # a sentence is no row's name


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("實際表現(達到", "reached"),
        ("全年实际值", "reached"),
        ("实际完成值", "reached"),
        ("目標(達到服務水平的百分比)", "aim"),
        ("年度指标值", "aim"),
        ("服务水平", None),
        ("分值", None),
    ],
)
def test_header_word_examples(text: str, said: str | None) -> None:
    assert header_word(text) == said


def test_header_cells_join_lines_inside_brackets() -> None:
    lines = ["服務水平", "(註1)", "目標(達到", "服務水平的", "百分比)", "實際表現（達到", "百分比）"]
    assert header_cells(lines) == ["服務水平(註1)", "目標(達到服務水平的百分比)", "實際表現（達到百分比）"]


ITEMS = ["推进老旧小区改造12个", "新建城市道路3公里", "新增就业岗位500个", "建设公共停车场2处"]
REPORTS = ["已完成10个", "已完成2.5公里，正在铺设路面", "已新增420个", "1处已建成，1处正在施工"]
UNITS = ["县住建局", "县交通局", "县人社局", "县城管局"]


@pytest.mark.parametrize("marks", ["①②③④", "（1）（2）（3）（4）", "(1)(2)(3)(4)"], ids=["circled", "full", "half"])
@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["single", "double"])
def test_items_numbered_under_a_header_one_cell_a_line(marks: str, gap: str) -> None:
    enumerators = (
        list(marks)
        if len(marks) == 4
        else [marks[k : k + len(marks) // 4] for k in range(0, len(marks), len(marks) // 4)]
    )
    lines = ["2024年重点工作推进情况表", "序号", "工作任务", "完成情况", "责任单位"]
    for k in range(4):
        lines += [enumerators[k], ITEMS[k], REPORTS[k], UNITS[k]]
    (table,) = _parse(gap.join(lines) + "\n").tables
    assert [r.task for r in table.rows] == ITEMS
    assert [r.progress for r in table.rows] == REPORTS
    assert [r.lead_units for r in table.rows] == [[u] for u in UNITS]


def test_numbered_items_without_a_header_are_task_and_report() -> None:
    lines = [Line("一、推进老旧小区改造"), Line("已完成10个。"), Line("二、新建城市道路"), Line("已完成2.5公里。")]
    lines += [Line("三、新增就业岗位"), Line("已新增420个。")]
    blocks = numbered_items(lines)
    assert blocks is not None
    (table,) = [b for b in blocks if hasattr(b, "rows")]
    texts = [[c.text for c in row.cells] for row in table.rows]
    assert texts[0] == ["序号", "工作任务", "进展情况"]
    assert texts[1:] == [
        ["1", "推进老旧小区改造", "已完成10个。"],
        ["2", "新建城市道路", "已完成2.5公里。"],
        ["3", "新增就业岗位", "已新增420个。"],
    ]


def test_fewer_than_three_items_are_no_table() -> None:
    assert numbered_items([Line("①甲"), Line("②乙")]) is None
