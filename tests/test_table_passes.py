"""The table stage's passes (extractor/table.py TABLE_PASSES), each alone on a small table."""

from __future__ import annotations

import pytest

from extractor.table import (
    AssembledTable,
    ColumnSpec,
    TableRow,
    _fields_by_content,
    _names_as_task,
    _seq_from_task_prefix,
    _task_where_written,
    _totals_aside,
    _units_from_remarks,
)


def _table(columns: list[tuple[str, str | None]], rows: list[list[str]]) -> AssembledTable:
    specs = [ColumnSpec(header=h, field=f, key=f or h) for h, f in columns]
    return AssembledTable(columns=specs, rows=[TableRow(texts=list(r), pages=[]) for r in rows])


def _fields(table: AssembledTable) -> list[str | None]:
    return [c.field for c in table.columns]


# ------------------------------------------------------------------ _fields_by_content

MEASURE_ROWS = [
    ["1", "城镇新增就业", "万人", "5.2", "7.23", "人力资源社会保障局"],
    ["2", "自然村通水泥路", "公里", "1360", "1361.92", "交通局"],
    ["3", "提高农村低保标准", "元/年/人", "3700", "3840", "民政局"],
]


@pytest.mark.parametrize(
    "measures",
    [("万人", "公里", "元/年/人"), ("萬人", "公里", "元/月/人"), ("户", "-", "%"), ("亿元", "个", "平方米")],
)
def test_a_unit_column_of_measures_is_the_measure_not_the_lead_unit(measures: tuple[str, str, str]) -> None:
    rows = [[*r[:2], m, *r[3:]] for r, m in zip(MEASURE_ROWS, measures, strict=True)]
    table = _table(
        [
            ("序号", "seq"),
            ("考核指标", "task"),
            ("单位", "lead_units"),
            ("工作目标", None),
            ("已完成数", "progress"),
            ("备注", "remarks"),
        ],
        rows,
    )
    _fields_by_content(table)
    assert _fields(table) == ["seq", "task", "measure", None, "progress", "remarks"]
    assert table.columns[2].key == "measure" and table.columns[2].header == "单位"
    # …and the 备注 of unit names then gives the lead units
    _units_from_remarks(table)
    assert table.columns[5].field == "lead_units"


def test_a_unit_column_of_unit_names_stays() -> None:
    rows = [[*r[:2], unit, *r[3:]] for r, unit in zip(MEASURE_ROWS, ["区人社局", "区交通局", "区民政局"], strict=True)]
    table = _table(
        [
            ("序号", "seq"),
            ("考核指标", "task"),
            ("单位", "lead_units"),
            ("工作目标", None),
            ("已完成数", "progress"),
            ("备注", "remarks"),
        ],
        rows,
    )
    _fields_by_content(table)
    assert table.columns[2].field == "lead_units"


STATUS_ROWS = [
    [
        "1",
        "积极申报省级经济开发区。",
        "区发改局与市中城发集团共同谋划打造了低空经济产业园，均已立项备案。",
        "区发展改革局",
    ],
    [
        "2",
        "大力发展新一代信息技术产业。",
        "对接全市标志性产业链布局，会同区工信局谋划了主导产业，正在推进。",
        "区工业和信息化局",
    ],
]


@pytest.mark.parametrize("header", ["任务目标完成情况", "目标完成情况", "目標完成情況"])
def test_a_status_header_over_sentences_is_the_progress(header: str) -> None:
    table = _table([("序号", "seq"), ("重点任务", "task"), (header, "status"), ("责任单位", "lead_units")], STATUS_ROWS)
    _fields_by_content(table)
    assert _fields(table) == ["seq", "task", "progress", "lead_units"]


def test_a_status_column_of_status_words_stays() -> None:
    rows = [
        ["1", "积极申报省级经济开发区。", "已完成", "区发展改革局"],
        ["2", "发展信息技术产业。", "序时推进", "区工信局"],
    ]
    table = _table(
        [("序号", "seq"), ("重点任务", "task"), ("目标完成情况", "status"), ("责任单位", "lead_units")], rows
    )
    _fields_by_content(table)
    assert table.columns[2].field == "status"


def test_a_status_column_beside_a_progress_column_stays() -> None:
    rows = [[*r[:3], "正在推进，进展顺利。", r[3]] for r in STATUS_ROWS]
    table = _table(
        [
            ("序号", "seq"),
            ("重点任务", "task"),
            ("目标完成情况", "status"),
            ("完成情况", "progress"),
            ("责任单位", "lead_units"),
        ],
        rows,
    )
    _fields_by_content(table)
    assert table.columns[2].field == "status"


# ------------------------------------------------------------------ the other passes


@pytest.mark.parametrize("dot", ["、", ".", "．"])
def test_seq_from_task_prefix(dot: str) -> None:
    rows = [[f"{n}{dot}新增就业{n}万人", "已完成"] for n in (1, 2, 3)]
    table = _table([("目标任务", "task"), ("完成情况", "progress")], rows)
    _seq_from_task_prefix(table)
    assert _fields(table)[0] == "seq"
    assert [r.texts[:2] for r in table.rows] == [[f"{n}{dot}", f"新增就业{n}万人"] for n in (1, 2, 3)]


def test_task_where_written_prefers_the_column_filled_in_every_row() -> None:
    rows = [
        ["一、就业促进", "城镇新增就业1100人", "完成1063人"],
        ["", "发放求职补贴", "已发放"],
        ["", "家政培训613人次", "626人次"],
    ]
    table = _table([("项目名称", "task"), ("年度目标任务", None), ("完成情况", "progress")], rows)
    _task_where_written(table)
    assert _fields(table) == [None, "task", "progress"]


@pytest.mark.parametrize(
    ("rate", "amount"),
    [("完成进度", "上半年完成"), ("完成率(%)", "1-6月完成"), ("完成比例", "累计完成")],
)
def test_of_two_progress_columns_the_amount_is_the_progress_and_the_rate_a_status(rate: str, amount: str) -> None:
    rows = [["农业基础设施", "9", "5", "51"], ["综合交通", "176", "55", "31"]]
    table = _table([("项目", "task"), ("年度计划", None), (amount, None), (rate, "progress")], rows)
    _fields_by_content(table)
    assert _fields(table) == ["task", None, "progress", "status"]


def test_a_rate_alone_stays_the_progress() -> None:
    rows = [["农业基础设施", "9", "51"], ["综合交通", "176", "31"]]
    table = _table([("项目", "task"), ("年度计划", None), ("完成进度", "progress")], rows)
    _fields_by_content(table)
    assert _fields(table) == ["task", None, "progress"]


def test_a_category_column_of_names_is_the_task_when_none_names_it() -> None:
    rows = [["农业基础设施(9 项)", "5"], ["综合交通(19 项)", "55"], ["小计(28 项)", "60"]]
    table = _table([("项目类别", "category"), ("上半年完成", "progress")], rows)
    _names_as_task(table)
    assert _fields(table) == ["task", "progress"]


@pytest.mark.parametrize("label", ["小计(90 项)", "合计", "总计", "全市合计", "小计（28项）"])
def test_totals_are_set_aside_with_their_cells_in_a_warning(label: str) -> None:
    rows = [["农业基础设施", "5"], [label, "60"], ["综合交通", "55"]]
    table = _table([("项目", "task"), ("完成", "progress")], rows)
    _totals_aside(table)
    assert [r.texts[0] for r in table.rows] == ["农业基础设施", "综合交通"]
    assert [(w.code, w.message) for w in table.warnings] == [("total_row", f"a total, not a task: {label} | 60")]


def test_a_task_that_mentions_a_total_is_kept() -> None:
    rows = [["合计完成投资5亿元的项目", "5"], ["综合交通", "55"]]
    table = _table([("项目", "task"), ("完成", "progress")], rows)
    _totals_aside(table)
    assert len(table.rows) == 2


@pytest.mark.parametrize("short", [True, False])
def test_rows_under_a_merged_category_cell_move_right(short: bool) -> None:
    """A pipe row under a merged category cell arrives a cell short (or with its last cell empty)."""
    from extractor.table import _category_shifted

    rows = [
        ["四、教育文化", "14.改扩建泉山学校", "完成主体建设", "教育体育局", "监督电话0535-8246306"],
        ["15.推进塑胶运动场地建设", "完成13处场地", "教育体育局", "监督电话0535-8246306", ""],
        ["16.推进义务教育课后服务", "实行课后服务全覆盖", "教育体育局", "监督电话0535-8246336", ""],
    ]
    table = _table(
        [
            ("类别", "category"),
            ("民生事项名称", "task"),
            ("任务目标", None),
            ("责任单位", "lead_units"),
            ("监督电话", None),
        ],
        rows,
    )
    if short:  # the last cell written, the row one cell short of the header
        for row in table.rows[1:]:
            row.texts[-1] = "x"
        table.row_lengths = [5, 4, 4]
    _category_shifted(table)
    assert [r.texts[1] for r in table.rows] == [
        "14.改扩建泉山学校",
        "15.推进塑胶运动场地建设",
        "16.推进义务教育课后服务",
    ]
    assert [r.texts[3] for r in table.rows] == ["教育体育局"] * 3


SUB_ROWS = """序号 | 项目名称 | 项目内容 | 当前进展情况 | 进度评价 | 主办单位 |
1 | 农村人居环境整治提升工程 | 试点村达到100个。 | 试点村达到100个； | 已完成 | 县人居环境专班 |
新增绿化面积387亩。 | 已完成新增造林387亩。 | 已完成 | |||
完成生活污水治理村庄61个。 | 61个村庄已全部开工，其中44个已完成治理。 | 正常推进 | |||
2 | 城乡供水一体化工程 | 新建管网120公里。 | 已铺设管网96公里。 | 正常推进 | 县水务局 |
"""


@pytest.mark.parametrize("tail", [" | |||", " |", " | | | |"])
def test_sub_rows_under_merged_cells_are_rows_of_their_group(tail: str) -> None:
    import extractor

    text = SUB_ROWS.replace(" | |||", tail)
    rows = extractor.parse(text.encode("utf-8")).tables[0].rows
    assert [(r.task, r.section, r.lead_units) for r in rows] == [
        ("试点村达到100个。", "农村人居环境整治提升工程", ["县人居环境专班"]),
        ("新增绿化面积387亩。", "农村人居环境整治提升工程", ["县人居环境专班"]),
        ("完成生活污水治理村庄61个。", "农村人居环境整治提升工程", ["县人居环境专班"]),
        ("新建管网120公里。", "城乡供水一体化工程", ["县水务局"]),
    ]
    assert [r.progress for r in rows][1] == "已完成新增造林387亩。"


# ------------------------------------------------------------------ a stream row's pieces regrouped

CELL_PER_LINE = """2016年民生实事目标任务分解表

序号

民生实事

责任单位

完成时限

1

启动建设东柳河城区段综合治理工程和东湖湿地公园。

{units}

12月底前

2

新建2座人行天桥。

县住建局

9月投入使用

3

启动县图书馆新馆建设。

县文体广新局

12月底前
"""


@pytest.mark.parametrize(
    "units",
    [
        ["县水务局", "县住建局", "县护城河指挥部"],
        ["縣水務局", "縣住建局"],
        ["县水务局", "县护城河指挥部", "县住建局", "县代建中心"],
    ],
)
def test_unit_names_one_a_line_are_one_units_cell(units: list[str]) -> None:
    """A row with more pieces than columns: the pieces joined are those of one kind (unit names
    one a line), not the task with the first units."""
    import extractor

    text = CELL_PER_LINE.replace("{units}", "\n\n".join(units))
    rows = extractor.parse(text.encode("utf-8")).tables[0].rows
    assert (rows[0].task, rows[0].lead_units, rows[0].cells.get("deadline")) == (
        "启动建设东柳河城区段综合治理工程和东湖湿地公园。",
        units,
        "12月底前",
    )
    assert [r.lead_units for r in rows[1:]] == [["县住建局"], ["县文体广新局"]]


def test_ocr_sources_stay_one_per_column_when_a_pass_adds_a_column() -> None:
    """A 序号 column made from the task's prefix: each OCR'd row's sources gain an empty entry in
    step, so Row.sources keys every cell's box under its own column (review finding: the records
    stage refused the row, or put the boxes under the wrong columns)."""
    from extractor.records import build_table

    box = (120.0, 10.0, 170.0, 20.0)
    sources = [[(1, (0.0, 10.0, 50.0, 20.0), 0.9)], [(1, (60.0, 10.0, 110.0, 20.0), 0.9)], [(1, box, 0.8)]]
    table = _table(
        [("目标任务", "task"), ("完成情况", "progress"), ("牵头单位", "lead_units")],
        [[f"{n}.建设某某工程{n}", f"已完成{n}0%", "县交通局"] for n in (1, 2, 3)],
    )
    for row in table.rows:
        row.sources = [list(s) for s in sources]
    _seq_from_task_prefix(table)
    assert _fields(table)[0] == "seq" and all(len(r.sources) == len(table.columns) for r in table.rows)
    record, _ = build_table(table, 0, None)
    for row in record.rows:
        assert row.sources is not None and "seq" not in row.sources
        assert row.sources["lead_units"][0].box == box and row.sources["lead_units"][0].confidence == 0.8
