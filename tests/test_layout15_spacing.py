"""A text copied from a web page with a blank line after every line (each paragraph spaced from the
next) is read as it stands and with those blank lines taken out; the better reading wins, so the
same table reads the same rows however its lines were spaced.

Found by a dev-only robustness check: the dev documents with a blank line inserted after every line
lost row recall .960 -> .906 and task .831 -> .735 (pipe rows and delimited tables split into
one row per cell); with both readings they keep .955 and .819.
"""

from __future__ import annotations

import pytest

import extractor
from extractor.layout import Line, choose_layout, single_spaced


def _lines(text: str) -> list[Line]:
    return [Line(t) for t in text.split("\n")]


def test_a_text_spaced_every_line_loses_its_blank_lines() -> None:
    text = "标题\n\n序号\n\n任务\n\n\n\n1\n\n新建学校\n\n2\n\n改造道路\n"
    single = single_spaced(_lines(text))
    assert single is not None
    # a run of blank lines longer than the spacing was a break in the text: it stays one blank line
    assert [line.text for line in single] == ["标题", "序号", "任务", "", "1", "新建学校", "2", "改造道路"]


@pytest.mark.parametrize(
    "text",
    [
        "标题\n序号\n任务\n1\n新建学校\n2\n改造道路",  # no blank lines
        "标题\n\n序号\n任务\n\n1\n新建学校\n\n2\n改造道路",  # blank lines between groups: they part cells
        "标题\n\n任务\n\n完成",  # too few lines to tell
    ],
)
def test_a_text_not_spaced_so_is_read_as_written(text: str) -> None:
    assert single_spaced(_lines(text)) is None


PIPE = [
    "2024年民生实事项目推进情况表",
    "| 序号 | 项目名称 | 牵头单位 | 推进情况 |",
    "| --- | --- | --- | --- |",
    "| 1 | 新建城区幼儿园3所 | 区教育局 | 已完成主体工程，进度80%。 |",
    "| 2 | 改造老旧小区12个 | 区住建局 | 已开工10个。 |",
    "| 3 | 新增停车泊位500个 | 区交通局 | 已完成420个。 |",
]


def _spaced(lines: list[str]) -> str:
    return "\n\n".join(lines) + "\n"


# A web table copied one cell a line, each cell closed by a bar (ah-huoshan's shape): spaced every
# line, the reading as written found no table at all (no_table).
CELLS = [
    "2025年开发区重点工作及责任清单",
    *("序号 |", "重点工作 |", "责任领导 |", "责任单位 |", "完成时限 |"),
    *(
        "1 |",
        "优化“重点项目直通车”机制，服务重大项目落地。 |",
        "叶林 |",
        "招商工作部、安商工作部 |",
        "全年 |",
    ),
    *("2 |", "推进开发区“空间再造”，力争全年盘活僵尸企业10家。 |", "马振明 |", "改革办 |", "全年 |"),
    *("3 |", "持续提升园区承载能力，加快推进污水处理厂建设。 |", "张云峰 |", "规划建设局 |", "6月底前 |"),
]
TRADITIONAL = {"重点工作": "重點工作", "责任领导": "責任領導", "责任单位": "責任單位", "完成时限": "完成時限"}


@pytest.mark.parametrize("bar", ["|", "｜"])
@pytest.mark.parametrize("traditional", [False, True], ids=["simplified", "traditional"])
def test_a_table_of_one_cell_a_line_spaced_every_line_reads_its_rows(bar: str, traditional: bool) -> None:
    lines = [line.replace("|", bar) for line in CELLS]
    if traditional:
        lines = [
            TRADITIONAL.get(line.removesuffix(" " + bar), line.removesuffix(" " + bar)) + " " + bar for line in lines
        ]
    written = extractor.parse_bytes(("\n".join(lines) + "\n").encode(), "t.txt").tables[0]
    spaced = extractor.parse_bytes(_spaced(lines).encode(), "t.txt").tables[0]
    assert [r.lead_units for r in spaced.rows] == [["招商工作部", "安商工作部"], ["改革办"], ["规划建设局"]]
    assert [(r.seq, r.task, r.lead_units) for r in spaced.rows] == [(r.seq, r.task, r.lead_units) for r in written.rows]


@pytest.mark.parametrize("bar", ["|", "｜"])
def test_a_pipe_table_spaced_every_line_reads_as_written(bar: str) -> None:
    # (a full-width bar's "｜ --- ｜" rule under the header is no row either)
    lines = [line.replace("|", bar) for line in PIPE]
    spaced = extractor.parse_bytes(_spaced(lines).encode(), "t.txt").tables[0]
    assert [r.task for r in spaced.rows] == ["新建城区幼儿园3所", "改造老旧小区12个", "新增停车泊位500个"]
    assert [r.lead_units for r in spaced.rows] == [["区教育局"], ["区住建局"], ["区交通局"]]


def test_a_stream_of_one_cell_a_line_spaced_every_line_keeps_its_cells() -> None:
    # a web table copied one cell a paragraph: the blank lines are the page's, each line one cell
    cells = ["序号", "所在街道", "小区名称", "实施进度", "备注"]
    for n, (street, name) in enumerate(
        [("左家塘街道", "建安小区"), ("东塘街道", "铁建小区"), ("洞井街道", "人印小区")], 1
    ):
        cells += [str(n), street, name, "已开工", "省民生实事"]
    document = extractor.parse_bytes(_spaced(["2021年老旧小区改造开工情况", *cells]).encode(), "t.txt")
    rows = document.tables[0].rows
    assert [r.task for r in rows] == ["建安小区", "铁建小区", "人印小区"]
    assert [r.progress for r in rows] == ["已开工"] * 3


def test_both_readings_are_candidates_and_one_layout_is_no_rival() -> None:
    choice = choose_layout(_lines(_spaced(PIPE)))
    assert {c.reading for c in choice.candidates} == {"", "blank lines taken out"}
    assert choice.layout == "lines"
    # the same proposer's other reading does not make it a tie: as clear a win as unspaced
    assert choice.confidence == choose_layout(_lines("\n".join(PIPE))).confidence
