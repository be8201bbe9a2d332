"""Table stage: header synonyms, 序号 parsing, layout-space clean-up and assembling raw blocks."""

from __future__ import annotations

from functools import cache

import pytest

from extractor.pipeline import find_structure
from extractor.readers import read
from extractor.readers.raw import Paragraph, RawCell
from extractor.table import (
    Assembly,
    assemble,
    field_for_header,
    join_fragments,
    parse_seq,
)
from extractor.textnorm import collapse_layout_space, match_key, match_view
from tests.conftest_helpers import (
    HEADER,
    fixture_bytes,
    raw_document,
    raw_table,
    seed_txt_bytes,
    squash,
)

FIELDS = ["seq", "task", "progress", "lead_units"]

# --------------------------------------------------------------------------------------------
# field_for_header


@pytest.mark.parametrize(
    ("header", "field"),
    [
        pytest.param("目       标      任      务", "task", id="task-layout-spaces"),
        pytest.param("完 成 情 况", "progress", id="progress-spaced"),
        pytest.param("牵头责任单位", "lead_units", id="lead-units"),
        pytest.param("牽頭單位", "lead_units", id="lead-units-traditional"),
        pytest.param("進展情況", "progress", id="progress-traditional"),
        pytest.param("存在的问题", "issues", id="issues"),
        pytest.param("下步计划", "plan", id="plan"),
        pytest.param("配合单位", "partner_units", id="partner-units"),
        pytest.param("时间节点", "deadline", id="deadline"),
        pytest.param("备注", "remarks", id="remarks"),
        pytest.param("2024年推进情况", "progress", id="contains-synonym"),
        pytest.param("金额", None, id="unknown"),
        pytest.param("序\u3000号", "seq", id="seq-ideographic-space"),
        pytest.param("No.", "seq", id="seq-latin"),
        pytest.param("责任单位（牵头）", "lead_units", id="lead-units-annotated"),
        pytest.param("项目内容", "task", id="task-synonym"),
        pytest.param("完成时限：", "deadline", id="edge-punctuation"),
        pytest.param("", None, id="empty"),
        pytest.param("   ", None, id="blank"),
    ],
)
def test_field_for_header(header: str, field: str | None) -> None:
    assert field_for_header(header) == field


# --------------------------------------------------------------------------------------------
# parse_seq / join_fragments


@pytest.mark.parametrize(
    ("text", "seq"),
    [
        pytest.param("1", 1, id="digit"),
        pytest.param("12.", 12, id="digit-period"),
        pytest.param("（3）", 3, id="fullwidth-parens"),
        pytest.param("(7)", 7, id="ascii-parens"),
        pytest.param(" 4 ", 4, id="padded"),
        pytest.param("十二", 12, id="chinese-twelve"),
        pytest.param("十二、", 12, id="chinese-with-dun"),
        pytest.param("一", 1, id="chinese-one"),
        pytest.param("二十", 20, id="chinese-twenty"),
        pytest.param("1-1", None, id="sub-number"),
        pytest.param("", None, id="empty"),
        pytest.param("一、产业发展", None, id="section-heading"),
        pytest.param("第1", None, id="prefixed"),
        pytest.param("序号", None, id="header-text"),
    ],
)
def test_parse_seq(text: str, seq: int | None) -> None:
    assert parse_seq(text) == seq


@pytest.mark.parametrize("text", ["３", "（１２）"])
def test_parse_seq_fullwidth_digits(text: str) -> None:
    assert parse_seq(text) == int(text.strip("（）").translate(str.maketrans("０１２３", "0123")))


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("二十三", 23),
        ("两", 2),
        ("一百零五", 105),
        ("一百", 100),
        ("十x", None),
    ],
)
def test_chinese_seq_numbers(token: str, value: int | None) -> None:
    assert parse_seq(token) == value


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        pytest.param("区住房城乡建", "委", "区住房城乡建委", id="cjk"),
        pytest.param(
            "编制完成项目PPP实施方案，正与各单位洽谈完",
            "善。",
            "编制完成项目PPP实施方案，正与各单位洽谈完善。",
            id="cjk-punct",
        ),
        pytest.param("Smart", "City", "Smart City", id="latin-words"),
        pytest.param("增长12", "%以上", "增长12%以上", id="digit-then-percent"),
        pytest.param("PPP", "项目", "PPP项目", id="latin-then-cjk"),
        pytest.param("3000", "万美元", "3000万美元", id="digit-then-cjk"),
        pytest.param("总额", "43亿元", "总额43亿元", id="cjk-then-digit"),
    ],
)
def test_join_fragments(before: str, after: str, joined: str) -> None:
    assert join_fragments(before, after) == joined


# --------------------------------------------------------------------------------------------
# textnorm


@pytest.mark.parametrize(
    ("text", "collapsed"),
    [
        pytest.param("序 号", "序号", id="cjk-space"),
        pytest.param("积极融入 RCEP 行动", "积极融入RCEP行动", id="latin-inside-cjk"),
        pytest.param("Smart City", "Smart City", id="latin-words-keep-space"),
        pytest.param("区住房城乡建\n委", "区住房城乡建委", id="wrapped-line"),
        pytest.param("增长 12% 以上", "增长12%以上", id="percent"),
        pytest.param("目\u3000标  任\t务", "目标任务", id="ideographic-space-and-tab"),
        pytest.param("FDI  3000\n万美元", "FDI 3000万美元", id="space-run-between-latin-is-one"),
        pytest.param("  区交通局 \n", "区交通局", id="outer"),
    ],
)
def test_collapse_layout_space(text: str, collapsed: str) -> None:
    assert collapse_layout_space(text) == collapsed


@pytest.mark.parametrize(
    ("text", "view"),
    [
        pytest.param("存在問題：萬元", "存在问题:万元", id="traditional-and-fullwidth-colon"),
        pytest.param("ＦＤＩ３０００万", "FDI3000万", id="fullwidth-latin"),
        pytest.param("目\u3000标", "目 标", id="ideographic-space"),
        pytest.param("（牵头单位）", "(牵头单位)", id="fullwidth-parens"),
        pytest.param("区商务委", "区商务委", id="unchanged"),
    ],
)
def test_match_view_same_length(text: str, view: str) -> None:
    assert match_view(text) == view
    assert len(match_view(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        pytest.param("目       标      任      务", "目标任务", id="spaces"),
        pytest.param("（牵头单位）", "牵头单位", id="edge-parens"),
        pytest.param("牽頭單位：", "牵头单位", id="traditional-edge-colon"),
        pytest.param("*备注", "备注", id="asterisk"),
        pytest.param("ＮＯ．", "NO.", id="nfkc"),
    ],
)
def test_match_key(text: str, key: str) -> None:
    assert match_key(text) == key


# --------------------------------------------------------------------------------------------
# assemble on hand-built documents


def _rows(assembly: Assembly, table: int = 0) -> list[list[str]]:
    return [row.texts for row in assembly.tables[table].rows]


def test_header_found_by_synonyms_with_stray_spaces() -> None:
    doc = raw_document(
        raw_table(
            (
                "2024年重点项目推进情况表",
                "2024年重点项目推进情况表",
                "2024年重点项目推进情况表",
                "2024年重点项目推进情况表",
            ),
            ("填报单位：区发展改革委", None, None, None),
            ("序 号", "目 标 任 务", "完成  情况", "牵头责任 单位"),
            ("1", "建设码头", "已完成", "区交通局"),
        )
    )
    result = assemble(doc)
    (table,) = result.tables
    assert [(c.header, c.field, c.key) for c in table.columns] == [
        ("序号", "seq", "seq"),
        ("目标任务", "task", "task"),
        ("完成情况", "progress", "progress"),
        ("牵头责任单位", "lead_units", "lead_units"),
    ]
    assert _rows(result) == [["1", "建设码头", "已完成", "区交通局"]]
    # a title row inside the table, above the header, is the title (said once); a filler line
    # (填报单位：…) is never the title
    assert table.title == "2024年重点项目推进情况表"


def test_unknown_and_duplicate_headers_keep_their_text_as_key() -> None:
    doc = raw_document(raw_table(("序号", "目标任务", "投资 金额", "工作任务", ""), ("1", "a", "5", "b", "c")))
    (table,) = assemble(doc).tables
    assert [(c.field, c.key) for c in table.columns] == [
        ("seq", "seq"),
        ("task", "task"),
        (None, "投资金额"),
        (None, "工作任务"),  # a second 'task' column is not a second task field
        (None, "列5"),
    ]
    assert table.rows[0].texts == ["1", "a", "5", "b", "c"]


@pytest.mark.parametrize("header", ["金额（万元）", "增幅(%)", "（一）季度金额"])
def test_unknown_header_key_keeps_brackets_balanced(header: str) -> None:
    doc = raw_document(raw_table(("序号", "目标任务", header), ("1", "a", "5")))
    column = assemble(doc).tables[0].columns[2]
    assert column.field is None
    assert column.key in (header, match_key("x" + header + "x")[1:-1])


def test_no_header_table_goes_to_unplaced() -> None:
    doc = raw_document(
        "附件2",
        raw_table(("填报单位", "区发展改革委"), ("填报日期", "2024年4月10日")),
    )
    result = assemble(doc)
    assert result.tables == []
    # The metadata cells are unplaced at once; the label above waits for a table to title.
    assert [p.text for p in result.unplaced] == [
        "填报单位",
        "区发展改革委",
        "填报日期",
        "2024年4月10日",
        "附件2",
    ]


def test_page_break_continues_table() -> None:
    doc = raw_document(
        "附件 3",
        "一季度完成情况未实现“开门红”目标任务",
        raw_table(
            HEADER,
            ("4", "完成FDI3000万美元。", "同比下降73.7%。", "区商务委"),
            (
                "5",
                "力争开工两江新区至涪陵快速通道。",
                "编制完成项目PPP实施方案，正与各单位洽谈完",
                "区住房城乡建",
            ),
            page=1,
        ),
        "— 1 —",  # page furniture between the pages does not break the continuation
        raw_table(
            HEADER,
            ("", "", "善。基本完成可研报告编制。", "委"),
            ("6", "激活民间投资。", "积极创新投融资模式。", "区发展改革委"),
            page=2,
        ),
        "备注：数据截至3月底。",
    )
    result = assemble(doc)
    (table,) = result.tables
    assert table.attachment == "附件3"
    assert table.title == "一季度完成情况未实现“开门红”目标任务"
    assert _rows(result) == [
        ["4", "完成FDI3000万美元。", "同比下降73.7%。", "区商务委"],
        [
            "5",
            "力争开工两江新区至涪陵快速通道。",
            "编制完成项目PPP实施方案，正与各单位洽谈完善。基本完成可研报告编制。",
            "区住房城乡建委",
        ],
        ["6", "激活民间投资。", "积极创新投融资模式。", "区发展改革委"],
    ]
    assert [row.pages for row in table.rows] == [[1], [1, 2], [2]]
    assert table.pages == [1, 2]
    assert result.unplaced == [Paragraph("备注：数据截至3月底。")]
    assert table.warnings == []


def test_latin_fragments_joined_with_space() -> None:
    doc = raw_document(
        raw_table(HEADER, ("1", "Smart", "建设", "区大数据发展局"), page=1),
        raw_table(HEADER, ("", "City", "", ""), page=2),
    )
    assert _rows(assemble(doc)) == [["1", "Smart City", "建设", "区大数据发展局"]]


def test_page_without_repeated_header_continues_when_width_matches() -> None:
    doc = raw_document(
        raw_table(HEADER, ("1", "建设码头", "已完成", "区交通局"), page=1),
        raw_table(("", "（续）", "", ""), ("2", "开工道路", "招标", "区住房城乡建委"), page=2),
    )
    result = assemble(doc)
    assert _rows(result) == [
        ["1", "建设码头（续）", "已完成", "区交通局"],
        ["2", "开工道路", "招标", "区住房城乡建委"],
    ]
    assert [r.pages for r in result.tables[0].rows] == [[1, 2], [2]]


def test_title_between_tables_starts_a_new_table() -> None:
    doc = raw_document(
        "附件1",
        "重点项目推进情况表",
        raw_table(HEADER, ("1", "建设码头", "已完成", "区交通局")),
        "附件2：民生实事推进情况表",
        raw_table(HEADER, ("", "开工道路", "招标", "区住房城乡建委"), ("2", "建学校", "设计", "区教委")),
    )
    result = assemble(doc)
    assert [(t.attachment, t.title) for t in result.tables] == [
        ("附件1", "重点项目推进情况表"),
        ("附件2", "民生实事推进情况表"),
    ]
    # not a continuation: the row without 序号 stays a row of the second table
    assert _rows(result, 1) == [["", "开工道路", "招标", "区住房城乡建委"], ["2", "建学校", "设计", "区教委"]]
    assert result.unplaced == []


def test_repeated_header_inside_table_dropped() -> None:
    doc = raw_document(
        raw_table(
            ("序 号", "目标任务", "完成情况", "牵头责任单位"),
            ("1", "a", "b", "c"),
            ("序号", "目  标  任  务", "完成情况", "牵头责任单位"),
            ("2", "d", "e", "f"),
        ),
        fmt="txt",
    )
    assert _rows(assemble(doc)) == [["1", "a", "b", "c"], ["2", "d", "e", "f"]]


def test_repeated_header_with_blank_column_dropped() -> None:
    doc = raw_document(
        raw_table(
            ("序号", "目标任务", "完成情况", ""),
            ("1", "a", "b", "c"),
            ("序号", "目标任务", "完成情况", ""),
            ("2", "d", "e", "f"),
        )
    )
    assert _rows(assemble(doc)) == [["1", "a", "b", "c"], ["2", "d", "e", "f"]]


@pytest.mark.parametrize(
    "heading_row",
    [
        pytest.param(("一、产业发展", None, None, None), id="pdf-merged"),
        pytest.param(
            (RawCell("一、产业发展"), RawCell(None, "left"), RawCell(None, "left"), RawCell(None, "left")),
            id="docx-gridspan",
        ),
        pytest.param((RawCell("一、产业发展"),), id="single-cell-row"),
        pytest.param(("", "一、产业发展", None, None), id="heading-in-second-column"),
    ],
)
def test_section_heading_row(heading_row: tuple) -> None:
    doc = raw_document(
        raw_table(
            HEADER,
            ("1", "建设码头", "已完成", "区交通局"),
            heading_row,
            ("2", "开工道路", "招标", "区住房城乡建委"),
            ("3", "建学校", "设计", "区教委"),
        )
    )
    (table,) = assemble(doc).tables
    assert [(row.texts[0], row.section) for row in table.rows] == [
        ("1", None),
        ("2", "一、产业发展"),
        ("3", "一、产业发展"),
    ]


def test_number_alone_across_row_is_not_a_section() -> None:
    doc = raw_document(raw_table(HEADER, ("一、产业发展", None, None, None), ("十二", "", "", "")))
    (table,) = assemble(doc).tables
    assert [(row.texts, row.section) for row in table.rows] == [(["十二", "", "", ""], "一、产业发展")]


@pytest.mark.parametrize(
    ("covered", "kind", "expected"),
    [
        pytest.param(RawCell(None, "above"), "grid", "区商务委", id="docx-vmerge-above"),
        pytest.param(RawCell(None), "grid", "区商务委", id="pdf-plain-none"),
        pytest.param(RawCell(None, "left"), "grid", "", id="gridspan-left-is-empty"),
        # A merged lead-unit cell copied as text (or laid out without rules) arrives empty in the
        # rows it spans; in a file's own grid the merge is explicit, so an empty cell is empty.
        pytest.param(RawCell(""), "lines", "区商务委", id="text-copy-empty-lead-unit-repeats-above"),
        pytest.param(RawCell(""), "stream", "区商务委", id="stream-empty-lead-unit-repeats-above"),
        pytest.param(RawCell(""), "layout", "区商务委", id="unruled-pdf-empty-lead-unit-repeats-above"),
        pytest.param(RawCell(""), "grid", "", id="grid-empty-lead-unit-stays-empty"),
        pytest.param(RawCell(""), "prose", "", id="prose-empty-lead-unit-stays-empty"),
    ],
)
def test_covered_cell_takes_text_from_row_above(covered: RawCell, kind: str, expected: str) -> None:
    doc = raw_document(
        raw_table(
            HEADER,
            ("3", "融入RCEP", "下降4.2%", "区商务委"),
            ("4", "完成FDI", "下降73.7%", covered),
            kind=kind,
        )
    )
    assert _rows(assemble(doc))[1] == ["4", "完成FDI", "下降73.7%", expected]


def test_empty_progress_cell_stays_empty() -> None:
    doc = raw_document(raw_table(HEADER, ("3", "融入RCEP", "下降4.2%", "区商务委"), ("4", "完成FDI", "", "区水利局")))
    assert _rows(assemble(doc))[1] == ["4", "完成FDI", "", "区水利局"]


def test_vertical_merge_chain_across_three_rows() -> None:
    above = RawCell(None, "above")
    doc = raw_document(
        raw_table(
            HEADER,
            ("1", "a", "b", "区商务委"),
            ("2", "c", "d", above),
            ("3", "e", "f", above),
        )
    )
    assert [r[3] for r in _rows(assemble(doc))] == ["区商务委"] * 3


@pytest.mark.parametrize(
    ("lines", "attachment", "title"),
    [
        pytest.param(
            ["附件 3", "一季度完成情况未实现“开门红”目标任务"],
            "附件3",
            "一季度完成情况未实现“开门红”目标任务",
            id="spaced-label",
        ),
        pytest.param(
            ["附件3：2024年重点项目推进情况表"],
            "附件3",
            "2024年重点项目推进情况表",
            id="label-and-title-one-line",
        ),
        pytest.param(["附件三", "重点任务清单"], "附件三", "重点任务清单", id="chinese-numeral"),
        pytest.param(
            ["附件2", "涪陵区人民政府办公室", "2024年重点项目推进情况表", "（截至3月31日）"],
            "附件2",
            "2024年重点项目推进情况表",
            id="title-is-line-with-cue",
        ),
        pytest.param(["重点项目推进情况表"], None, "重点项目推进情况表", id="no-label"),
        pytest.param(["附件3"], "附件3", None, id="label-only"),
        pytest.param([], None, None, id="nothing-above"),
    ],
)
def test_attachment_and_title(lines: list[str], attachment: str | None, title: str | None) -> None:
    result = assemble(raw_document(*lines, raw_table(HEADER, ("1", "a", "b", "c"))))
    (table,) = result.tables
    assert (table.attachment, table.title) == (attachment, title)


def test_lines_above_that_are_not_title_are_unplaced() -> None:
    result = assemble(
        raw_document(
            "附件2",
            "涪陵区人民政府办公室",
            "2024年重点项目推进情况表",
            "发布日期：2024-04-10",  # web-page chrome: dropped, not unplaced
            raw_table(HEADER, ("1", "a", "b", "c")),
            "说明：数据截至3月底。",
        )
    )
    assert result.tables[0].title == "2024年重点项目推进情况表"
    assert [p.text for p in result.unplaced] == ["涪陵区人民政府办公室", "说明：数据截至3月底。"]


def test_paragraph_after_last_table_unplaced() -> None:
    result = assemble(raw_document("附件3", raw_table(HEADER, ("1", "a", "b", "c")), "备注：数据截至3月底。", "— 2 —"))
    assert result.unplaced == [Paragraph("备注：数据截至3月底。")]
    assert len(result.tables) == 1


def test_extra_cells_beyond_header_appended_with_warning() -> None:
    doc = raw_document(raw_table(HEADER, ("1", "a", "b", "区交通局", "、区水利局")))
    (table,) = assemble(doc).tables
    assert table.rows[0].texts == ["1", "a", "b", "区交通局、区水利局"]
    assert [(w.code, w.row) for w in table.warnings] == [("extra_cells", 0)]


def test_short_rows_padded_and_empty_rows_dropped() -> None:
    doc = raw_document(raw_table(HEADER, ("1", "a"), ("", "", "", ""), (None, None, None, None)))
    assert _rows(assemble(doc)) == [["1", "a", "", ""]]


def test_fragment_after_empty_row_on_continued_page_is_joined() -> None:
    doc = raw_document(
        raw_table(HEADER, ("1", "建设码头", "已完成主体", "区交通局"), page=1),
        raw_table(
            HEADER,
            ("", "", "", ""),
            ("", "", "建设。", ""),
            ("2", "开工道路", "招标", "区住房城乡建委"),
            page=2,
        ),
    )
    result = assemble(doc)
    assert _rows(result) == [
        ["1", "建设码头", "已完成主体建设。", "区交通局"],
        ["2", "开工道路", "招标", "区住房城乡建委"],
    ]


# --------------------------------------------------------------------------------------------
# the real seed in every format


@cache
def _seed(name: str) -> Assembly:
    if name == "txt":
        return find_structure(read(seed_txt_bytes(), "txt"))[1]
    return assemble(read(fixture_bytes(name), name.rsplit(".", 1)[1]))


SEED_FORMATS = ["txt", "seed.docx", "seed.pdf", "seed_merged.docx", "seed_merged.pdf"]


@pytest.mark.parametrize("name", SEED_FORMATS)
def test_seed_assembles_to_eleven_rows(name: str) -> None:
    result = _seed(name)
    (table,) = result.tables
    assert [c.field for c in table.columns] == FIELDS
    assert [row.texts[0] for row in table.rows] == [str(n) for n in range(1, 12)]
    assert [parse_seq(row.texts[0]) for row in table.rows] == list(range(1, 12))
    assert table.attachment == "附件3"
    assert table.title == "一季度完成情况未实现“开门红”目标任务"
    assert all(row.section is None for row in table.rows)
    assert table.warnings == []
    assert result.unplaced == []


@pytest.mark.parametrize("name", SEED_FORMATS[1:])
def test_seed_formats_give_identical_cells(name: str) -> None:
    expected = [[squash(t) for t in row.texts] for row in _seed("txt").tables[0].rows]
    got = [[squash(t) for t in row.texts] for row in _seed(name).tables[0].rows]
    assert len(got) == len(expected) == 11
    for index, (row, want) in enumerate(zip(got, expected, strict=True), start=1):
        assert row == want, f"row {index}"


@pytest.mark.parametrize(
    ("name", "pages"),
    [
        pytest.param("seed.pdf", {5: [1, 2], 8: [2, 3]}, id="seed"),
        pytest.param("seed_merged.pdf", {5: [1, 2], 9: [2, 3]}, id="seed-merged"),
    ],
)
def test_seed_pdf_rows_crossing_page_breaks(name: str, pages: dict[int, list[int]]) -> None:
    rows = _seed(name).tables[0].rows
    crossing = {index: row.pages for index, row in enumerate(rows, start=1) if len(row.pages) > 1}
    assert crossing == pages
    assert all(row.pages and row.pages[0] >= 1 for row in rows)


def test_seed_pdf_joined_cells_are_whole() -> None:
    row5 = _seed("seed.pdf").tables[0].rows[4].texts
    assert "正与各单位洽谈完善。基本完成可研报告编制" in row5[2]
    assert row5[3] == "区住房城乡建委"
    row5_merged = _seed("seed_merged.pdf").tables[0].rows[4].texts
    assert row5_merged[1] == "力争开工两江新区至涪陵快速通道。"
    assert row5_merged[3] == "区住房城乡建委"


@pytest.mark.parametrize("name", ["seed_merged.docx", "seed_merged.pdf"])
def test_seed_merged_lead_unit_filled_from_above(name: str) -> None:
    rows = _seed(name).tables[0].rows
    assert rows[3].texts[0] == "4"
    assert rows[3].texts[3] == "区商务委"
    assert rows[2].texts[3] == "区商务委"


@pytest.mark.parametrize("name", ["txt", "seed.docx"])
def test_seed_without_pages_has_empty_pages(name: str) -> None:
    assert all(row.pages == [] for row in _seed(name).tables[0].rows)
