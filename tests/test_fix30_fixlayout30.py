"""fix30 (fixlayout30): a title's genre decides whether a report follows (review30 #1); the cell
readers stay linear on long runs of header words (review30 #2, #10)."""

from __future__ import annotations

import pytest

from extractor.layout.lastresort import reports_results


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("关于开展工作落实情况督查的通知", False),  # a notice about an inspection of results
        ("關於2023年度重點工作推進情況的新聞發佈會", False),  # a press conference, traditional
        ("关于报送整改落实情况的通知.", False),  # half-width stop after the head noun
        ("全县重点项目推进会", False),
        ("关于重点工作进展情况的通报", True),  # 通报 reports
        ("会议精神落实情况", True),  # 会议 inside the title is no head noun
        ("2023年计划执行情况", True),
        ("进展情况报送方案", False),
        ("网站首页", None),
    ],
)
def test_title_genre_decides(title: str, said: bool | None) -> None:
    assert reports_results(title) is said


def test_stream_header_found_after_a_long_run_of_header_words() -> None:
    """The linear _stream_header finds the same header: the run's last 序号-led stretch before the
    first row (a run of header-like lines before it is walked once)."""
    from extractor.layout import Line
    from extractor.layout.stream import _stream_header, stream_tokens

    lines = ["工作任务", "进展情况", "推进项目建设"] * 50 + ["序号", "工作任务", "进展情况", "责任单位"]
    lines += ["1", "修路", "已完工", "县交通局", "2", "建桥", "在建", "县住建局"]
    tokens = stream_tokens([Line(t) for t in lines], per_line=True, blanks=False)
    found = _stream_header(tokens)
    assert found is not None
    start, end = found
    assert [t.text for t in tokens[start:end]] == ["序号", "工作任务", "进展情况", "责任单位"]


@pytest.mark.parametrize("remark", ["续建项目", "續建項目"])
def test_a_category_value_stays_in_the_column_that_repeats_it(remark: str) -> None:
    """A row leaving 存在问题 out: its last line, a value the 备注 column repeats (续建/新建项目), is
    the remark, though the header's meaning would take a name for an issue (review30 #8)."""
    import extractor

    rows = [
        ("1", "推进污水厂建设。", "市住建局", "主体已完工。", "设备采购慢", "续建项目"),
        ("2", "建设快速路。", "市交通局", "一期已通车。", remark),
        ("3", "建设示范村。", "市农业农村局", "已创建8个。", "资金到位较慢", "新建项目"),
        ("4", "新建学校5所。", "市教育局", "已开工4所。", "用地滞后", "新建项目"),
    ]
    lines = ["工作进展情况", "序号", "工作任务", "牵头单位", "进展情况", "存在问题", "备注"]
    lines += [cell for row in rows for cell in row]
    if remark != "续建项目":
        lines = [line.replace("续建项目", remark) for line in lines]
    (table,) = extractor.parse_bytes(("\n".join(lines) + "\n").encode(), "t.txt").tables
    row = table.rows[1]
    assert row.cells.get("remarks") == remark
    assert (row.cells.get("issues") or "") == ""
