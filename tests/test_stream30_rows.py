"""A cell stream whose rows lose cells or carry their 序号 on the task's line (layout/stream.py).

A web table copied one cell a line leaves no line for an empty cell: the row is then narrower than
the header, and its cells are placed in the columns whose meaning and whose other rows' cells they
fit (``_fitted_row``), not left to right. A 序号 glued to the task ("1.推进…") is taken off the line
(``_unglued``). Strings vary: simplified and traditional script, half and full width, spacing.
"""

from __future__ import annotations

import pytest

import extractor
from extractor.textnorm import match_view

S2T = str.maketrans(
    "务单门进设区规划业设乡农实现个项时间长续财发改经济", "務單門進設區規劃業設鄉農實現個項時間長續財發改經濟"
)
FULL = str.maketrans("0123456789.,:()", "０１２３４５６７８９．，：（）")

HEADER = ("序号", "工作任务", "完成时限", "牵头单位", "进展情况", "备注")
ROWS = (
    (
        "1",
        "推进城市更新行动，完成老旧小区改造20个。",
        "2025年12月底前",
        "市住建局",
        "已完成老旧小区改造15个，剩余5个正在施工，预计年底前全部完成。",
        "续建项目",
    ),
    (
        "2",
        "加快建设城市快速路网，建成通车道路3条。",
        "",
        "市交通局",
        "快速路一期已建成通车，二期主体工程完成70%，三期正在开展前期工作。",
        "",
    ),
    (
        "3",
        "实施乡村振兴示范村建设，创建示范村10个。",
        "2025年6月",
        "市农业农村局",
        "已创建示范村8个，另有2个正在验收，整体进度符合序时要求。",
        "",
    ),
    (
        "4",
        "提升公共服务水平，新建学校5所。",
        "年底前",
        "市教育局",
        "新建学校已开工4所，1所正在办理施工许可手续。",
        "新增",
    ),
)


def _stream(rows, *, header=HEADER, between: str = "\n", glue: str | None = None) -> str:
    lines = list(header)
    for row in rows:
        cells = [c for c in row if c]  # an empty cell leaves no line
        if glue is not None:
            cells = [cells[0] + glue + cells[1], *cells[2:]]
        lines += cells
    return between.join(lines) + "\n"


def _variant(text: str, script: str) -> str:
    if script == "traditional":
        return text.translate(S2T)
    if script == "fullwidth":
        return text.translate(FULL)
    if script == "spaced":
        return text.replace("\n", "  \n ")
    return text


def _rows(text: str):
    tables = extractor.parse(text.encode("utf-8")).tables
    assert tables, "no table read"
    return tables[0].rows


@pytest.mark.parametrize("script", ["simplified", "traditional", "fullwidth", "spaced"])
@pytest.mark.parametrize("between", ["\n", "\n\n"], ids=["lines", "paragraphs"])
def test_a_row_missing_cells_keeps_its_progress_in_the_progress_column(script: str, between: str) -> None:
    rows = _rows(_variant(_stream(ROWS, between=between), script))
    assert [r.seq for r in rows] == [1, 2, 3, 4]
    second = rows[1]
    # (row 2 has no deadline and no remark: its report is not read as a remark, nor its unit as a date)
    assert second.progress.replace(" ", "").startswith(("快速路一期已建成通车", "快速路一期已建成通車"))
    assert [u.replace(" ", "") for u in second.lead_units] == ["市交通局"]
    assert rows[3].progress.replace(" ", "").startswith(("新建学校已开工", "新建學校已開工", "新建学校已開工"))


def test_a_missing_lead_unit_does_not_pull_the_progress_into_the_unit_column() -> None:
    """(The unit cell left empty is read as the one above's by the table stage, a merged cell's
    reading: the report stays the progress and the remark stays out of it.)"""
    header = ("序号", "工作任务", "牵头单位", "进展情况", "备注")
    rows = (
        (
            "1",
            "推进城市更新行动，完成老旧小区改造20个。",
            "市住建局",
            "已完成老旧小区改造15个，剩余5个正在施工。",
            "续建",
        ),
        ("2", "加快建设城市快速路网，建成通车道路3条。", "", "快速路一期已建成通车，二期主体工程完成70%。", "新增"),
        ("3", "实施乡村振兴示范村建设，创建示范村10个。", "市农业农村局", "已创建示范村8个，另有2个正在验收。", "续建"),
    )
    read = _rows(_stream(rows, header=header))
    assert read[1].progress == "快速路一期已建成通车，二期主体工程完成70%。"
    assert read[1].task == "加快建设城市快速路网，建成通车道路3条。"


@pytest.mark.parametrize("glue", [" ", ".", "、", "．", "\u3000"])
@pytest.mark.parametrize("script", ["simplified", "traditional", "fullwidth"])
def test_a_seq_glued_to_the_task_is_the_rows_number(glue: str, script: str) -> None:
    rows = _rows(_variant(_stream(ROWS, glue=glue), script))
    assert [r.seq for r in rows] == [1, 2, 3, 4]
    assert rows[0].task.startswith(("推进城市更新", "推進城市更新"))
    assert rows[2].task.startswith(("实施乡村振兴", "實施鄉村振兴", "实施鄉村振兴", "實施乡村振兴"))
    assert rows[1].progress.startswith(("快速路一期", "快速路一期"))


def test_a_glued_seq_is_not_taken_from_a_report_item_inside_a_row() -> None:
    """The next row's number is the line opening with it nearest a row's width on: a progress
    cell's own items "1." / "2." one a line are the cell's, not rows."""
    header = ("序号", "工作任务", "进展情况", "牵头单位")
    lines = [
        *header,
        "1.推进城市更新行动，完成老旧小区改造20个。",
        "已完成老旧小区改造15个。",
        "市住建局",
        "2.加快建设城市快速路网，建成通车道路3条。",
        "快速路一期已建成通车，二期主体工程完成70%。",
        "市交通局",
        "3.实施乡村振兴示范村建设，创建示范村10个。",
        "已创建示范村8个。",
        "市农业农村局",
    ]
    rows = _rows("\n".join(lines) + "\n")
    assert [r.seq for r in rows] == [1, 2, 3]
    assert [r.lead_units for r in rows] == [["市住建局"], ["市交通局"], ["市农业农村局"]]
    assert rows[1].task == "加快建设城市快速路网，建成通车道路3条。"


def test_a_row_whose_cells_all_stand_is_read_as_written() -> None:
    """Rows as wide as the header are not moved: the cells are where the lines say."""
    full = tuple(tuple(c or "/" for c in row) for row in ROWS)
    rows = _rows(_stream(full))
    assert [r.progress[:4] for r in rows] == ["已完成老", "快速路一", "已创建示", "新建学校"]


@pytest.mark.parametrize("script", ["simplified", "traditional", "fullwidth"])
def test_blank_lines_between_rows_only_are_no_cell_breaks(script: str) -> None:
    """A row written one cell a line with a blank line after it: the blank lines part rows, the
    lines are the cells (not one cell a row); a long list of unit names is the units cell."""
    header = ("序号", "工作任务", "进展情况", "存在困难", "牵头单位", "协同单位", "完成时间", "备注")
    rows = (
        (
            "1",
            "推进城市更新行动，完成老旧小区改造20个。",
            "已完成老旧小区改造15个，剩余5个正在施工。",
            "暂无",
            "市住建局",
            "市财政局、市发改委",
            "",
            "",
        ),
        (
            "2",
            "加快建设城市快速路网，建成通车道路3条。",
            "快速路一期已建成通车，二期主体工程完成70%。",
            "",
            "市交通局、市住建局、市自然资源和规划局、市财政局、市发改委、市城管局、市公安局交警支队、市生态环境局",
            "",
            "2025年9月30日",
            "",
        ),
        (
            "3",
            "实施乡村振兴示范村建设，创建示范村10个。",
            "已创建示范村8个，另有2个正在验收。",
            "无",
            "市农业农村局",
            "",
            "年底前",
            "续建",
        ),
    )
    lines = [*header, ""]
    for row in rows:
        lines += [c for c in row if c] + [""]
    read = _rows(_variant("\n".join(lines), script))
    assert [r.seq for r in read] == [1, 2, 3]
    assert read[1].progress.startswith(("快速路一期", "快速路一期"))
    assert len(read[1].lead_units) == 8
    assert len(read[0].lead_units) == 1 and len(read[2].lead_units) == 1


def test_a_cell_wrapped_mid_sentence_is_one_cell_not_a_row_under_merged_cells() -> None:
    lines = [
        *("序号", "工作任务", "牵头单位", "进展情况"),
        *("1", "地区生产总值比上年增长8.5%左右。", "市发展和改革委员会", "全市经济运行稳健向好,发展质量不断提高。"),
        *("2", "一般公共预算收入增长5%左右。", "市财政局", "2021年,全市一般公共预", "算收入361.2亿元,增长9%。"),
        *("3", "全社会固定资产投资增长10%左右。", "市发展和改革委员会", "2021年,全市固定资产投资增长15.7%。"),
    ]
    read = _rows("\n".join(lines) + "\n")
    assert [r.seq for r in read] == [1, 2, 3]
    assert read[1].progress.replace("\n", "") == "2021年,全市一般公共预算收入361.2亿元,增长9%。"
    assert read[1].lead_units == ["市财政局"]


@pytest.mark.parametrize("script", ["simplified", "traditional", "fullwidth"])
def test_a_wrapped_task_joins_the_task_where_other_rows_show_the_columns(script: str) -> None:
    """Rows written one line a cell say how long a task and a report run: a task broken over two
    lines joins the task, not the report after it; unit names on two lines stay units."""
    lines = [
        *("序号", "工作任务", "进展情况", "牵头单位"),
        *(
            "1",
            "新建公办幼儿园45所。",
            "已累计投入资金1.2亿元，完成新建幼儿园30所，其余15所正在施工，预计年底前全部完工。",
            "市教育局",
        ),
        *("2", "新建1所市直小学、改扩建1所初中学校、提升1所市直高中，整合50所以上", "薄弱学校办学条件。"),
        *("全市已完成撤并学校4所；累计投入资金2460万元，完成8所薄弱学校改造，新增学位8014个。", "市教育局"),
        *(
            "3",
            "提高学前教育生均公用经费标准。",
            "全市学前教育生均经费的预算工作及补助资金的下达工作已于3月底完成，各地正在拨付。",
            "市财政局",
        ),
        *(
            "4",
            "实施校园安全提升工程。",
            "已完成全市中小学安防设施检查，整改隐患120处，新增监控点位300个，正在验收。",
            "市教育局",
        ),
    ]
    read = _rows(_variant("\n".join(lines) + "\n", script))
    assert [r.seq for r in read] == [1, 2, 3, 4]
    task = read[1].task.replace("\n", "")
    assert task.endswith(("薄弱学校办学条件。", "薄弱學校辦學條件。")), task
    assert read[1].progress.startswith(("全市已完成撤并", "全市已完成撤並"))


def test_the_last_row_after_rows_missing_merged_cells_ends_at_the_next_number() -> None:
    """Rows under a merged unit cell leave it out, so the last rows are narrower than the header:
    the next 序号 still opens the last row (not a cell of the row before it)."""
    lines = [
        *("序号", "重点工作任务", "牵头单位", "负责科室", "负责人", "计划完成时间", "进展情况"),
        *(
            "1",
            "新增老年食堂15个",
            "区民政局",
            "养老服务科",
            "何滢",
            "11月底前",
            "已建成老年食堂9个，其余6个正在装修，预计11月底前全部投用。",
        ),
        *("2", "新增认知障碍照护床位100张", "10月底前", "目前已完成选址，已完成20张专区床位建设。"),
        *("3", "建成启用区级老年活动中心", "目前正在进行主体建筑装修阶段。"),
        *("4", "新增养老机构护理型床位500张", "目前已完成500张护理型床位建设。"),
        *("5", "开展为老服务活动300场次", "目前已累计开展为老服务活动73场次。"),
    ]
    read = _rows("\n".join(lines) + "\n")
    assert [r.seq for r in read] == [1, 2, 3, 4, 5]
    assert read[2].task == "建成启用区级老年活动中心"
    assert read[3].progress == "目前已完成500张护理型床位建设。"
    assert read[4].task == "开展为老服务活动300场次"


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_row_missing_its_last_cells_keeps_its_unit_under_the_lead_column(script: str) -> None:
    """Of placings that fit alike (a unit fits 牵头单位 and 配合单位 both), the one nearest the row
    as written: the unit under 牵头单位, the columns after it the empty ones."""
    lines = [
        *("序号", "工作任务", "进展情况", "责任领导", "牵头单位", "配合单位", "完成时限"),
        *("1", "落实离岛综合建设五期计划。", "行政处办理补助计划管考，已完成年度考核。", "李建国", "行政处"),
        *("2", "争取兴建跨海大桥。", "工务处码头区营运设施改善工程已完工。", "赵志强", "工务处", "行政处", "2025年6月"),
    ]
    read = _rows(_variant("\n".join(lines) + "\n", script))
    assert [[match_view(u) for u in r.lead_units] for r in read] == [["行政处"], ["工务处"]]
