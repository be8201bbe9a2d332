"""Header meaning read from how a header is built, and a header cell that spans two delimited cells.

- a header opening with a question word (是否…, 有无…, 能否…) asks each row yes or no: a status
  column, whatever the words after the question name (是否达到进度 holds 进度, 是否按期完成 完成);
- a header naming what comes next (下月计划, 下季度工作安排) is the plan;
- a pipe table whose rows hold, in one column, two cells the document delimits itself under one
  header cell (a colspan header: 年度任务 over a name and a target) reads them as two columns:
  the name is the task, the target a cell of its own under the same header.
"""

from __future__ import annotations

import pytest

import extractor
from extractor.headers import header_candidates


@pytest.mark.parametrize(
    "header",
    [
        "是否达到进度(未达进度注明原因)",
        "是否達到進度（未達進度註明原因）",
        "是否 按期完成",
        "有无滞后",
        "有無滯後",
        "能否按期完成",
        "是否达序时",
    ],
)
def test_a_question_over_the_rows_is_their_status(header: str) -> None:
    assert header_candidates(header, morphemes=True)[0][0] == "status"


@pytest.mark.parametrize("header", ["是否达到进度", "有无滞后"])
def test_a_question_alone_does_not_make_a_header_row(header: str) -> None:
    # Only the table stage reads it (with morphemes): finding a header row stays with the synonyms.
    assert all(field != "status" or strength < 2.5 for field, strength in header_candidates(header))


@pytest.mark.parametrize("header", ["下月计划", "下月計劃", "下季度工作安排", "下一阶段工作打算", "明年工作思路"])
def test_what_comes_next_is_the_plan(header: str) -> None:
    assert header_candidates(header, morphemes=True)[0][0] == "plan"


@pytest.mark.parametrize("header", ["年度计划", "计划投资"])
def test_a_plan_word_alone_is_no_next_step(header: str) -> None:
    claims = header_candidates(header, morphemes=True)
    assert not claims or claims[0][0] != "plan"


def test_a_schedule_plan_is_the_plan_by_its_synonym() -> None:
    assert header_candidates("进度计划", morphemes=True)[0][0] == "plan"  # 进度计划 is a synonym of plan


ROWS = [
    (
        "美丽乡村 建设",
        "创建4个市级美丽乡村示范村。",
        "完成135个宜居村创建名单发文。",
        "是",
        "指导各镇街立项报批。",
        "农业农村局",
    ),
    ("绿道建设", "全区新改建绿道60公里。", "部分道路已开工,其余正在做方案设计。", "是", "计划完成4公里。", "城建局"),
    ("城区道路拓建", "新建胥河路南段。", "胥河路完成招标前期准备工作。", "否", "完成招标,进场施工。", "城建局"),
    ("村级小泵站改造", "实施12座村级小泵站更新改造。", "完成项目形象进度10%。", "是", "完成形象进度20%。", "水务局"),
]


SIMPLIFIED, TRADITIONAL = "务进划责单设区乡镇级计达注", "務進劃責單設區鄉鎮級計達註"
FOLD = str.maketrans(TRADITIONAL, SIMPLIFIED)


def _table(bar: str, traditional: bool) -> bytes:
    header = bar.join(["序号", "年度任务", "本月进展", "是否达进度(未达进度注明原因)", "下月计划", "责任单位", "", ""])
    lines = ["2020年3月民生重点实事进度表", header]
    lines += [bar.join([str(k), *row, ""]) for k, row in enumerate(ROWS, 1)]
    text = "\n".join(lines) + "\n"
    if traditional:
        text = text.translate(str.maketrans(SIMPLIFIED, TRADITIONAL))
    return text.encode()


@pytest.mark.parametrize("bar", [" | ", "|", " ｜ "], ids=["spaced", "tight", "full-width"])
@pytest.mark.parametrize("traditional", [False, True], ids=["simplified", "traditional"])
def test_a_header_cell_spanning_two_delimited_cells(bar: str, traditional: bool) -> None:
    document = extractor.parse_bytes(_table(bar, traditional), "t.txt")
    rows = document.tables[0].rows
    assert len(rows) == 4
    fold = FOLD
    assert [r.task.translate(fold) for r in rows] == [row[0] for row in ROWS]
    assert [r.progress.translate(fold) for r in rows] == [row[2] for row in ROWS]
    assert [r.lead_units[0].translate(fold) for r in rows] == [row[5] for row in ROWS]
    target_key = next(k for k in rows[1].cells if k.translate(fold) == "年度任务")
    assert rows[1].cells[target_key].translate(fold) == ROWS[1][1]
