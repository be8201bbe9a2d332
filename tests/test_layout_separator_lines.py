"""A table written one cell a line with "|" lines between the cells, and merged cells left out.

Some web copies put every cell on a line of its own and a "|" line after it; a row's trailing
cells left empty come as a run of pipes ("|||"). A group's 序号 and name ("1 | 主要预期目标") are
written once over the items under them, which number themselves inside the task cell ("1.…",
"2.…"). The aligned reading takes the first "|" after a cell as its end (``aligned._pieces``), a
row under the merged cells opening with its numbered item stands where that item stands in the
group's first row (``aligned._inside_column``), and the table stage numbers the rows by their
items (``table._seq_from_task_prefix``), the last item a row of its own even when cut short.
"""

from __future__ import annotations

import pytest

import extractor


def _separated(*rows: list[str]) -> str:
    """Cells one a line, a "|" line after each; a row's missing trailing cells as a run of pipes."""
    lines: list[str] = []
    for cells in rows:
        for cell in cells:
            lines += [cell, "|"]
        if len(cells) < 5:
            lines.append("|" * (5 - len(cells)))
    return "\n".join(lines) + "\n"


SIMPLIFIED = "区政府重点工作目标任务分解表\n（共40项）\n" + _separated(
    ["序号", "项目", "重点工作目标任务", "牵头领导", "责任单位"],
    ["一、主要预期目标"],
    ["1", "主要预期目标", "1.地区生产总值增长5%以上。", "王 明", "★区发改委、统计局"],
    ["2.一般公共预算收入增长6%以上。", "★区财政局、税务局"],
    ["3.规上工业总产值增长5%左右。", "", "★区工信局、统计局"],
    ["4.全社会固定资产投资增长5%左右。", "李 强", "★区发改委、统计局"],
    ["1", "筑牢发展底座", "5.强化项目导向,积极扩大有效投资。", "张 伟", "★区发改委"],
).rstrip("|\n")

TRADITIONAL = "區政府重點工作目標任務分解表\n(共40項)\n" + _separated(
    ["序號", "項目", "重點工作目標任務", "牽頭領導", "責任單位"],
    ["一、主要預期目標"],
    ["1", "主要預期目標", "1、地區生產總值增長5%以上.", "王 明", "★區發改委、統計局"],
    ["2、一般公共預算收入增長6%以上.", "★區財政局、稅務局"],
    ["3、規上工業總產值增長5%左右.", "", "★區工信局、統計局"],
    ["4、全社會固定資產投資增長5%左右.", "李 強", "★區發改委、統計局"],
    ["1", "築牢發展底座", "5、強化項目導向,積極擴大有效投資."],
).rstrip("|\n")


@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL], ids=["simplified", "traditional"])
def test_cells_separated_by_pipe_lines(text: str) -> None:
    (table,) = extractor.parse(text.encode("utf-8")).tables
    assert table.layout == "aligned-delimited"
    rows = table.rows
    assert [r.seq for r in rows] == [1, 2, 3, 4, 5]
    simplified = "区" in text
    expected = ["地区生产总值", "一般公共预算", "规上工业总产", "全社会固定资", "强化项目导向"]
    assert [r.task[:6] for r in rows] == (expected if simplified else [_traditional(t) for t in expected])
    # the starred unit leads; the others in the cell are partners
    leads = ["区发改委", "区财政局", "区工信局", "区发改委"]
    assert [r.lead_units for r in rows[:4]] == [[u if simplified else _traditional(u)] for u in leads]
    assert rows[0].section == ("一、主要预期目标" if simplified else "一、主要預期目標")


def _traditional(text: str) -> str:
    return text.translate(str.maketrans("区发改财务政规业产总资导项实际会预强", "區發改財務政規業產總資導項實際會預強"))


def test_a_pipe_line_after_a_row_led_by_a_pipe_still_closes_the_row() -> None:
    # cells led by "| " with a "|" alone closing each row (a merged unit simply missing): unchanged
    text = (
        "牵头单位\n| 目标任务\n| 责任单位\n|\n"
        "市政府办公厅\n| 强化行政监督,自觉接受人大监督\n| 市直各单位\n|\n"
        "推进国家安全工作发展\n| 市直各单位、各区县市\n|\n"
        "市发改委\n| 地区生产总值增长13%\n| 统计局和市直相关单位\n|\n"
        "固定资产投资增长20%\n|\n"
        "单位地区生产总值综合能耗下降3.5%\n|\n"
    )
    (table,) = extractor.parse(text.encode("utf-8")).tables
    tasks = [r.task for r in table.rows]
    assert tasks == [
        "强化行政监督,自觉接受人大监督",
        "推进国家安全工作发展",
        "地区生产总值增长13%",
        "固定资产投资增长20%",
        "单位地区生产总值综合能耗下降3.5%",
    ]


@pytest.mark.parametrize("dash", ["-", "—", "－", "-3.92", "- 8.2"])
def test_a_dash_cell_does_not_end_the_table(dash: str) -> None:
    # cells closed by " |" one a line; a dash says there is nothing to report (or signs a number): no bullet
    cells = [
        "序号", "项目名称", "目标任务", "牵头单位", "累计完成",
        "1", "促进重点群体稳定就业", "城镇新增就业1100人", "县人社局", dash,
        "2", "支持毕业生求职创业", "发放求职创业补贴", "县人社局", "已完成公示",
        "3", "放心家政行动", "培训家政服务人员613人次", "县商务局", "已培训626人次",
    ]  # fmt: skip
    text = "\n".join(f"{cell} |" for cell in cells) + "\n"
    (table,) = extractor.parse(text.encode("utf-8")).tables
    assert [r.seq for r in table.rows] == [1, 2, 3]
    assert [r.lead_units for r in table.rows] == [["县人社局"], ["县人社局"], ["县商务局"]]


@pytest.mark.parametrize("count", ["626", "145"])
def test_a_count_in_the_last_row_is_no_next_row(count: str) -> None:
    # the numbering may jump (an extract of a longer list), but only a whole row on
    cells = [
        "序号", "项目名称", "目标任务", "牵头单位", "累计完成",
        "1", "促进重点群体稳定就业", "城镇新增就业1100人", "县人社局", "1063",
        "2", "支持毕业生求职创业", "发放求职创业补贴", "县人社局", "已完成公示",
        "3", "放心家政行动", "培训家政服务人员613人次", "县商务局", count,
    ]  # fmt: skip
    text = "\n".join(f"{cell} |" for cell in cells) + "\n"
    (table,) = extractor.parse(text.encode("utf-8")).tables
    assert [r.seq for r in table.rows] == [1, 2, 3]
    assert table.rows[-1].cells.get("累计完成") == count or table.rows[-1].progress == count


def test_a_row_cut_off_after_its_year_stays_in_place() -> None:
    # 年份 | 序号 | 承諾 | 目前情況: the last row, cut short, opens with its year, not a 序号 going on
    text = (
        "年份 承諾 目前情況\n"
        "已完成的項目\n"
        "1996 1. 進一步推動禁毒運動。我們會改善法律架構。 有關條例草案已於 1997 年 3 月獲通過。\n"
        "1996 2. 加強執法行動,增加巡查藥房的次數。 我們已增設 10 個藥劑師職位。\n"
        "1996 3. 在 1997 年年中,評估"
    )
    (table,) = extractor.parse(text.encode("utf-8")).tables
    assert [r.seq for r in table.rows] == [1, 2, 3]
    assert table.rows[-1].task == "在 1997 年年中,評估"


def test_a_group_name_before_a_repeated_header_heads_the_rows_after_it() -> None:
    # rows one a line, cells split by spaces; a topic's name, then the header again, then its rows
    text = (
        "幼稚園\n\n"
        "年份 承諾 目前情況\n"
        "已完成的項目\n"
        "1996 1. 向幼稚園發出合訂的課程指引。 我們已在 1996 年 9 月發出指引。\n"
        "1996 2. 增辦在職訓練課程。 約有 1 180 名教師已參加課程。\n\n"
        "中小學\n\n"
        "年份 承諾 目前情況\n"
        "已完成的項目\n"
        "1996 1. 完成全面檢討職業先修教育。 檢討已於 1997 年完成。\n"
        "1996 2. 增設 20 間資訊科技學習中心。 中心已全部啟用。\n"
    )
    (table,) = extractor.parse(text.encode("utf-8")).tables
    assert len(table.rows) == 4
    assert table.rows[1].progress == "約有 1 180 名教師已參加課程。"  # the next group's name is not in it
    assert all("年份" not in (r.progress or "") for r in table.rows)
