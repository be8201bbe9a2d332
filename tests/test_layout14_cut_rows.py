"""A web table copied one cell a paragraph, its rows under merged cells, and a document that ends
inside a row (stored pages are cut after ~2,000 characters).

- a mark for an empty cell ("/", "—", "无") is any column's cell, never the next row's first cell;
- the row the document ends in holds its first cells: a lone piece there is the next row's task,
  where the table's rows under merged cells open, not its progress;
- its columns past the cut are unknown (a unit the rows write themselves is not copied from the
  row above), while a merged cell (a unit written once over its rows) still covers it.
"""

from __future__ import annotations

import pytest

import extractor
from extractor.headers import layout_patterns
from extractor.layout.subrows import align, kind

HEADER = ("序号", "类别", "工作目标", "牵头单位", "1-9月进展情况", "完成时间")
FIELDS: list[str | None] = ["seq", "category", "task", "lead_units", "progress", "deadline"]


def _stream(*cells: str) -> bytes:
    return ("2024年民生实事进展情况表\n\n" + "\n\n".join(cells) + "\n").encode()


def _rows(data: bytes) -> list[extractor.Row]:
    document = extractor.parse_bytes(data, "t.txt")
    return [row for table in document.tables for row in table.rows]


@pytest.mark.parametrize("mark", ["/", "／", "—", "-", "——", "无", "無", "暂无"])
def test_an_empty_cell_mark_suits_any_column(mark: str) -> None:
    assert kind(mark) == "blank"
    first = ["4", "健康", "新增床位5000张", "卫健局", "未分解任务。", mark]
    texts = [*first, "新建卫生室5个", "卫健局", "已全部完成。", "已完成"]
    _, rows = align(texts, FIELDS)
    assert rows[0] == ["4", "健康", "新增床位5000张", "卫健局", "未分解任务。", mark]
    assert rows[1] == [None, None, "新建卫生室5个", "卫健局", "已全部完成。", "已完成"]


@pytest.mark.parametrize("text", ["/2", "无锡市", "-5%", "x轴", "无人机"])
def test_a_text_with_more_than_a_mark_is_no_blank(text: str) -> None:
    assert not layout_patterns()["blank_mark"].match(text)
    assert kind(text) != "blank"


def test_a_lone_piece_at_the_document_end_opens_the_next_row() -> None:
    texts = ["5", "长寿", "新增照护床位60张", "民政局", "已全部完成。", "已完成", "新增持"]
    _, closed = align(texts, FIELDS)
    _, cut = align(texts, FIELDS, open_end=True, opens_at=2)
    assert closed[1][4] == "新增持"  # a closed span reads it as the row's progress after the merged task …
    assert cut[1][:3] == [None, None, "新增持"]  # … a cut one as the next row's first cell
    assert cut[1][4] == ""


@pytest.mark.parametrize("comma", ["、", ","])
@pytest.mark.parametrize("traditional", [False, True], ids=["simplified", "traditional"])
def test_the_row_a_document_ends_in_keeps_what_it_has(comma: str, traditional: bool) -> None:
    cells = [
        *HEADER,
        "1", "托育", "新增托育机构3个", "卫健局", f"已全部完成(甲镇{comma}乙镇)。", "已完成",
        "新增托位525个", "卫健局", "已全部完成。", "已完成",
        "2", "健康", "新增床位5000张", "卫健局", "未分解任务。", "/",
        "新建卫生室5个", "卫健局", "已全部完成。", "已完成",
        "3", "长寿", "新增照护床位60张", "民政局", "已全部完成。", "已完成",
        "新增持",
    ]  # fmt: skip
    data = _stream(*cells)
    if traditional:
        data = data.decode().translate(str.maketrans("务标头单进况态区镇护卫张", "務標頭單進況態區鎮護衛張")).encode()
    rows = _rows(data)
    assert len(rows) == 6
    last = rows[-1]
    assert last.task == "新增持"
    assert last.progress == ""
    assert last.lead_units == []  # each row writes its unit: past the cut it is unknown
    assert rows[2].progress == "未分解任务。".translate(str.maketrans("务", "務") if traditional else {})
    assert rows[3].task == "新建卫生室5个".translate(str.maketrans("卫", "衛") if traditional else {})


def test_a_merged_unit_still_covers_the_row_the_document_ends_in() -> None:
    cells = [
        "序号", "工作任务", "进展情况", "责任单位",
        "1", "打造科创大厦特色楼宇。", "区科技局:已多次对接,大厦6月底完工。", "区科技局、区投促局",
        "区投促局:已开始重点推介。",
        "2", "打造金融大厦特色楼宇。", "区金融局:已完成招商方案。", "区金融局、区投促局",
        "区投促局:已走访入驻企",
    ]  # fmt: skip
    rows = _rows(_stream(*cells))
    assert [r.progress for r in rows[-2:]] == ["区金融局:已完成招商方案。", "区投促局:已走访入驻企"]
    assert rows[-1].lead_units == ["区金融局", "区投促局"]


@pytest.mark.parametrize("mark", ["、", ".", "．"])
def test_the_items_of_a_cut_progress_cell_are_one_cell(mark: str) -> None:
    first = [f"1{mark}完成投资110亿元。", f"2{mark}新区道路已施工完毕。"]
    cut = [f"1{mark}实现医保免备案。", f"2{mark}数据仓列入全省试点。", f"3{mark}推进32项制度成果落地,推出"]
    cells = [
        "序号", "主要工作任务", "进展情况", "牵头部门", "进展状态",
        "1", "建设生态绿色示范区。", *first, "县发改局", "按时推进",
        "2", "深化改革试点。", *cut,
    ]  # fmt: skip
    rows = _rows(_stream(*cells))
    assert rows[-1].task == "深化改革试点。"
    assert rows[-1].progress.split() == cut
    assert rows[-1].lead_units == []
    assert rows[0].lead_units == ["县发改局"]
