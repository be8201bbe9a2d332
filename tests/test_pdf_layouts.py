"""PDF layouts beyond a fully ruled table.

Borderless tables (cells vertically centred or top-aligned, header repeated on each page or not,
horizontal rules only, merged unit cells), several tables in one document (on separate pages,
and two on one page), landscape pages written as portrait pages with /Rotate 90, pages without a
text layer, and glyphs without a Unicode mapping. The fixtures are in tests/fixtures/pdf, made
from the seed and variant7 specs by make_pdf_fixtures.py there. The small PDFs for no-text pages
and unmapped glyphs are written by hand below.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

import extractor
from extractor.errors import NoTextLayerError
from extractor.headers import parse_seq
from extractor.models import Row
from extractor.readers import pdf_layout
from extractor.readers.pdf import read_pdf
from extractor.readers.raw import Paragraph, RawDocument, RawTable
from tests.conftest_helpers import pdf_from_objects
from tests.helpers import FIXTURES, SAMPLES

PDF = FIXTURES / "pdf"
HEADER = ["序号", "目标任务", "完成情况", "牵头责任单位"]


@cache
def _parse(path: Path) -> extractor.Document:
    return extractor.parse(path)


def _core(path: Path) -> list[list[tuple[Any, ...]]]:
    """Per table: (seq, task, progress, lead_units) of every row."""
    return [
        [(_printed(r), r.cells.get("task"), r.cells.get("progress"), r.lead_units) for r in t.rows]
        for t in _parse(path).tables
    ]


def _printed(row: Row) -> int | None:
    """The printed 序号 (``seq`` is the document position when numbering restarts across tables)."""
    return parse_seq(row.seq_text) if row.seq_text else row.seq


def _cells(path: Path) -> list[list[dict[str, str]]]:
    return [[dict(r.cells) for r in t.rows] for t in _parse(path).tables]


@cache
def _raw(name: str) -> RawDocument:
    return read_pdf((PDF / name).read_bytes())


def _texts(table: RawTable) -> list[list[str | None]]:
    return [[c.text for c in row.cells] for row in table.rows]


# --------------------------------------------------------------------------------------------
# borderless tables


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("seed_noborder.pdf", id="centred"),
        pytest.param("seed_noborder_top.pdf", id="top-aligned"),
        pytest.param("seed_noborder_norepeat.pdf", id="header-once"),
        pytest.param("seed_hrules.pdf", id="horizontal-rules"),
    ],
)
def test_borderless_seed_reads_like_the_text(name: str) -> None:
    document = _parse(PDF / name)
    assert document.warnings == []
    (table,) = document.tables
    (expected,) = _parse(SAMPLES / "seed.txt").tables
    assert (table.attachment, table.title) == (expected.attachment, expected.title)
    assert [c.field for c in table.columns] == ["seq", "task", "progress", "lead_units"]
    assert _core(PDF / name) == _core(SAMPLES / "seed.txt")
    assert _cells(PDF / name) == _cells(SAMPLES / "seed.txt")  # every cell, to the character


def test_borderless_seed_raw_blocks() -> None:
    """Label and title before the table, one table per page, the cut rows as rows with an empty 序号."""
    doc = _raw("seed_noborder.pdf")
    assert [(b.text, b.page) for b in doc.blocks[:2]] == [  # type: ignore[union-attr]
        ("附件3", 1),
        ("一季度完成情况未实现“开门红”目标任务", 1),
    ]
    tables = [b for b in doc.blocks if isinstance(b, RawTable)]
    assert len(tables) == 3
    for page, table in enumerate(tables, start=1):
        assert _texts(table)[0] == HEADER
        assert {row.page for row in table.rows} == {page}
        assert {len(row.cells) for row in table.rows} == {4}
    seqs = [[row[0] for row in _texts(t)[1:]] for t in tables]
    assert seqs == [["1", "2", "3", "4", "5"], ["", "6", "7", "8"], ["", "9", "10", "11"]]
    fragment = _texts(tables[1])[1]
    assert fragment[2].startswith("善。基本完成可研报告编制") and fragment[0] == fragment[1] == fragment[3] == ""
    cells = [c for t in tables for row in _texts(t) for c in row]
    assert not any(ch in (c or "") for c in cells for ch in " \n\u3000")
    # Only page numbers besides the label and title.
    assert [b.text for b in doc.blocks[2:] if isinstance(b, Paragraph)] == ["—1—", "—2—", "—3—"]


def test_header_not_repeated_continues_with_the_same_columns() -> None:
    tables = [b for b in _raw("seed_noborder_norepeat.pdf").blocks if isinstance(b, RawTable)]
    assert [_texts(t)[0][0] for t in tables] == ["序号", "", ""]  # pages 2 and 3 start with a cut row
    assert {len(row.cells) for t in tables for row in t.rows} == {4}


def test_variant7_noborder_reads_like_the_text() -> None:
    document = _parse(PDF / "variant7_noborder.pdf")
    assert document.warnings == []
    (table,) = document.tables
    assert (table.attachment, table.title) == ("附件2", "2024年重点工作任务推进情况表")
    assert [c.field for c in table.columns] == ["seq", "task", "progress", "issues", "plan", "lead_units", "deadline"]
    assert _cells(PDF / "variant7_noborder.pdf") == _cells(FIXTURES / "variant7.txt")


def test_merged_unit_cells_without_borders() -> None:
    """A unit merged over rows 3 and 4 is one text centred across both: it lands in the taller row 3,
    and the table stage carries it down to row 4, as with the ruled original."""
    assert _core(PDF / "seed_merged_noborder.pdf") == _core(FIXTURES / "seed_merged.pdf")
    rows = _parse(PDF / "seed_merged_noborder.pdf").tables[0].rows
    assert [r.lead_units for r in rows[2:4]] == [["区商务委"], ["区商务委"]]


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("stress_noborder.pdf", id="no-borders"),
        pytest.param("stress_hrules.pdf", id="horizontal-rules-merged-units"),
    ],
)
def test_stress_table_reads_every_row(name: str) -> None:
    """stress.spec.json: long multi-paragraph cells across page breaks, short rows between them
    (their lines interleave with the centred 序号), enumerations, a body sentence holding header
    words ("主要经济指标完成情况"), a bare number and bullets alone on their lines, an empty cell.

    Every row is read whole. The one empty unit cell repeats the unit above: in a table without
    ruling an empty 牵头单位 reads as a merged one (the table stage's rule)."""
    spec = json.loads((PDF / "stress.spec.json").read_text(encoding="utf-8"))
    document = _parse(PDF / name)
    assert document.warnings == []
    (table,) = document.tables
    assert (table.attachment, table.title) == (spec["attachment"], spec["title"])
    assert [c.field for c in table.columns] == ["seq", "task", "progress", "lead_units"]
    expected = []
    for row in spec["rows"]:
        unit = row[3] or expected[-1][3]
        expected.append((row[0], _squash(row[1]), _squash(row[2]), _squash(unit)))
    got = [
        (r.seq_text, _squash(r.cells["task"]), _squash(r.cells["progress"]), _squash(r.cells["lead_units"]))
        for r in table.rows
    ]
    assert got == expected
    assert all(r.lead_units for r in table.rows)


def test_ruled_pdfs_do_not_take_the_borderless_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages whose ruled table has a header never reach the position-based reader (its cost, its risk)."""

    def refuse(*_: object) -> None:
        raise AssertionError("borderless reader called on a ruled page")

    monkeypatch.setattr(pdf_layout, "read_page", refuse)
    for path in (SAMPLES / "seed.pdf", FIXTURES / "seed_merged.pdf", FIXTURES / "variant7.pdf"):
        read_pdf(path.read_bytes())


# --------------------------------------------------------------------------------------------
# several tables


@pytest.mark.parametrize("name", ["two_attachments.pdf", "two_attachments_noborder.pdf"])
def test_two_attachments_two_tables(name: str) -> None:
    document = _parse(PDF / name)
    assert document.warnings == []
    first, second = document.tables
    assert (first.attachment, first.title) == ("附件1", "一季度完成情况未实现“开门红”目标任务")
    assert (second.attachment, second.title) == ("附件2", "2024年重点工作任务推进情况表")
    assert len(first.columns) == 4 and len(second.columns) == 7
    assert (first.pages, second.pages) == ([1, 2, 3], [4])
    core = _core(PDF / name)
    assert core[0] == _core(SAMPLES / "seed.txt")[0]
    assert core[1] == _core(FIXTURES / "variant7.txt")[0]


def test_two_tables_on_one_page() -> None:
    doc = _raw("two_tables_one_page_noborder.pdf")
    kinds = [
        "table" if isinstance(b, RawTable) else b.text
        for b in doc.blocks
        if isinstance(b, RawTable) or not b.text.startswith("—")
    ]
    titles = ["一季度完成情况未实现“开门红”目标任务", "2024年重点工作任务推进情况表"]
    assert kinds == ["附件1", titles[0], "table", "附件2", titles[1], "table"]
    first, second = (b for b in doc.blocks if isinstance(b, RawTable))
    # Wrapped header cells ("目 标 任\n务", "序\n号", "下一步工\n作打算") are read as one header each.
    assert _texts(first)[0] == HEADER
    assert _texts(second)[0] == ["序号", "重点任务", "进展情况", "存在的问题", "下一步工作打算", "牵头单位", "完成时限"]
    document = _parse(PDF / "two_tables_one_page_noborder.pdf")
    assert [t.attachment for t in document.tables] == ["附件1", "附件2"]
    assert [[_printed(r) for r in t.rows] for t in document.tables] == [[1, 4], [1, 2]]
    assert [r.seq for t in document.tables for r in t.rows] == [1, 2, 3, 4]  # numbering restarts: positions
    assert [r.lead_units for r in document.tables[1].rows] == [["县发展改革委", "县统计局"], ["县经信局"]]
    assert document.tables[1].rows[1].cells["progress"] == "已建成5G基站260个，完成年度目标的86.7%。"
    assert document.warnings == []


# --------------------------------------------------------------------------------------------
# rotated pages


def test_rotated_landscape_pages() -> None:
    """Portrait media box, /Rotate 90, content drawn turned: pdfplumber reports it upright."""
    with pdfplumber.open(PDF / "variant7_rotated.pdf") as pdf:
        page = pdf.pages[0]
        assert page.rotation == 90 and page.width > page.height
    assert _cells(PDF / "variant7_rotated.pdf") == _cells(FIXTURES / "variant7.txt")
    assert _parse(PDF / "variant7_rotated.pdf").warnings == []


# --------------------------------------------------------------------------------------------
# pages without text, unmapped glyphs


def _pdf(pages: list[bytes]) -> bytes:
    """A minimal PDF of 300×200 pages. F1: a CID font without ToUnicode (its glyphs cannot be
    mapped), F2: Helvetica."""
    count = len(pages)
    kids = " ".join(f"{6 + 2 * i} 0 R" for i in range(count)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /NoMap /Encoding /Identity-H /DescendantFonts [4 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoMap /DW 1000 /FontDescriptor 5 0 R"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
        b"<< /Type /FontDescriptor /FontName /NoMap /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0"
        b" /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>",
    ]
    helvetica = 6 + 2 * count
    for index, stream in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents %d 0 R"
            b" /Resources << /Font << /F1 3 0 R /F2 %d 0 R >> >> >>" % (7 + 2 * index, helvetica)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return pdf_from_objects(objects)


TEXT = b"BT /F2 12 Tf 20 150 Td (Summary of the year) Tj ET"
IMAGE = b"q 300 0 0 200 0 0 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q"  # a one-pixel "scan"
PAGE_NUMBER = b"BT /F2 10 Tf 140 10 Td (- 2 -) Tj ET"
GRID = b"0.5 w 20 40 260 120 re S 150 40 m 150 160 l S 20 100 m 280 100 l S "
UNMAPPED_CELLS = (
    b"BT /F1 12 Tf 30 130 Td <00410042> Tj ET BT /F1 12 Tf 160 130 Td <0043> Tj ET"
    b" BT /F1 12 Tf 30 70 Td <0044> Tj ET BT /F2 12 Tf 160 70 Td (Total 123) Tj ET"
)


def test_scanned_page_inside_a_document_is_named() -> None:
    # The text layer's reading (--ocr never); tests/test_ocr.py reads the scanned page in its place.
    document = extractor.parse(PDF / "seed_scanned_page.pdf", options=extractor.ReadOptions(ocr="never"))
    assert [w.code for w in document.warnings] == ["no_text_layer", "orphan_fragment"]
    assert document.warnings[0].message == "page 2 has no text layer (scanned?): OCR needed"
    (table,) = document.tables
    assert table.pages == [1, 3]
    assert [r.seq for r in table.rows] == [1, 2, 3, 4, 5, 9, 10, 11]
    # The end of row 8 (its row is on the scanned page) is not joined onto row 5, and not lost.
    fragment = document.warnings[1].message
    assert fragment.startswith("page 3: ")
    assert fragment.split(": ", 2)[2] not in table.rows[4].progress
    # row 5 itself runs onto the scanned page: only its page-1 part is known
    assert extractor.parse(SAMPLES / "seed.txt").tables[0].rows[4].progress.startswith(table.rows[4].progress)


def test_image_page_with_a_typed_page_number_warns_and_a_blank_page_does_not() -> None:
    """A blank page has nothing to OCR: no warning for it."""
    doc = read_pdf(_pdf([TEXT, IMAGE + PAGE_NUMBER, b""]))
    assert [(w.code, w.message) for w in doc.warnings] == [
        ("no_text_layer", "page 2 has no text layer (scanned?): OCR needed")
    ]
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["Summary of the year"]


def test_only_scanned_pages_is_refused() -> None:
    with pytest.raises(NoTextLayerError):
        read_pdf(_pdf([IMAGE, IMAGE + PAGE_NUMBER]))


def test_unmapped_glyphs_warn_once_per_page_and_read_as_replacement_characters() -> None:
    """ "(cid:65)" would read as text, and its digits as a figure: each unmapped glyph becomes one
    U+FFFD, so its place stays visible. One warning per page, naming the page and the count."""
    doc = read_pdf(_pdf([GRID + UNMAPPED_CELLS, GRID + UNMAPPED_CELLS]))
    assert [(w.code, w.message) for w in doc.warnings] == [
        ("undecodable_glyphs", f"page {page}: 4 glyphs without a Unicode mapping, shown as U+FFFD: check this page")
        for page in (1, 2)
    ]
    tables = [b for b in doc.blocks if isinstance(b, RawTable)]
    assert [_texts(t) for t in tables] == [[["\ufffd\ufffd", "\ufffd"], ["\ufffd", "Total 123"]]] * 2


# --------------------------------------------------------------------------------------------
# header detection on hand-placed characters


def _line(pieces: list[tuple[float, str]], top: float, font: str = "Song") -> pdf_layout.Line:
    """A 12 pt line: each (x, text) piece set from x, one 12 pt character after another."""
    chars = [
        pdf_layout.Char(ch, x + 12 * i, x + 12 * (i + 1), top, top + 12, font)
        for x, text in pieces
        for i, ch in enumerate(text)
    ]
    return pdf_layout.Line(chars, top, top + 12, pdf_layout._join(chars, 12), font, False)


def _table(header_font: str) -> list[pdf_layout.Line]:
    return [
        _line([(90, "序号"), (130, "重点任务"), (250, "进展情况"), (450, "责任单位")], 100, header_font),
        _line([(96, "1"), (130, "项目建设推进"), (250, "进展顺利，已完成投资"), (450, "区发改委")], 117),
        _line([(130, "加快实施"), (250, "总体符合预期目标要")], 134),
        _line([(96, "2"), (130, "任务分解到位"), (250, "完成情况良好"), (450, "区交通局")], 151),
    ]


@pytest.mark.parametrize("header_font", ["Hei-Bold", "Song"])
def test_body_lines_holding_header_words_are_no_header(header_font: str) -> None:
    """ "任务分解到位" | "完成情况良好" starts with header words in two columns, as a header cell may
    ("完成情况（截至3月底）"); a line in the body's font must name its columns exactly."""
    lines = _table(header_font)
    header = pdf_layout.header_at(lines, 0, 12)
    assert header is not None
    assert header.columns.headers == ["序号", "重点任务", "进展情况", "责任单位"]
    assert header.columns.seq == 0
    assert [pdf_layout.header_at(lines, k, 12) for k in (1, 2, 3)] == [None, None, None]


def test_title_with_header_words_is_no_header() -> None:
    lines = [_line([(150, "一季度完成情况未实现目标任务")], 60, "Title"), *_table("Hei-Bold")]
    assert pdf_layout.header_at(lines, 0, 12) is None
    assert pdf_layout.header_at(lines, 1, 12) is not None


def _read(
    lines: list[pdf_layout.Line], carry: pdf_layout.OpenTable | None = None, rules: tuple[pdf_layout.Rule, ...] = ()
) -> list[Any]:
    blocks, _, found = pdf_layout.read_lines(lines, 12, rules, 1, carry)
    assert found
    return [_texts(b) if isinstance(b, RawTable) else b.text for b in blocks]


def test_section_heading_line_is_a_heading_row() -> None:
    """A heading across the 序号 and 任务 columns, between rows, is a row of its own: [text, None, …]."""
    header, row1, *_ = _table("Hei-Bold")
    heading = _line([(90, "二、产业发展类")], 134)
    row2 = _line([(96, "2"), (130, "推进工业项目"), (250, "完成投资12亿元"), (450, "区经信委")], 151)
    assert _read([header, row1, heading, row2]) == [
        [
            ["序号", "重点任务", "进展情况", "责任单位"],
            ["1", "项目建设推进", "进展顺利，已完成投资", "区发改委"],
            ["二、产业发展类", None, None, None],
            ["2", "推进工业项目", "完成投资12亿元", "区经信委"],
        ]
    ]


def test_note_and_label_below_a_table_are_paragraphs() -> None:
    """A blank line ends the table; an attachment label never continues one (even right below it)."""
    header, row1, *_ = _table("Hei-Bold")
    note = _line([(90, "注：数据截至2024年3月底，以统计部门发布为准。")], 160)
    label = _line([(96, "附件2")], 134)
    assert _read([header, row1, note]) == [
        [["序号", "重点任务", "进展情况", "责任单位"], ["1", "项目建设推进", "进展顺利，已完成投资", "区发改委"]],
        "注：数据截至2024年3月底，以统计部门发布为准。",
    ]
    assert _read([header, row1, label])[1:] == ["附件2"]


def test_open_table_continues_on_the_next_page_only_with_fitting_lines() -> None:
    header, row1, *_ = _table("Hei-Bold")
    _, carry, _ = pdf_layout.read_lines([header, row1], 12, [], 1, None)
    assert carry is not None  # nothing below the table: the next page may go on with it
    fragment = _line([(250, "二期工程已开工。")], 60)
    row2 = _line([(96, "2"), (130, "推进工业项目"), (250, "完成投资12亿元"), (450, "区经信委")], 77)
    assert _read([fragment, row2], carry) == [
        [["", "", "二期工程已开工。", ""], ["2", "推进工业项目", "完成投资12亿元", "区经信委"]]
    ]
    label = _line([(96, "附件2")], 60)
    blocks, still_open, found = pdf_layout.read_lines([label], 12, [], 2, carry)
    assert (found, still_open, [b.text for b in blocks]) == (False, None, ["附件2"])  # type: ignore[union-attr]


def test_rules_across_the_table_cut_rows_and_underlines_do_not() -> None:
    """With a rule between the rows, the two lines of row 1 stay together although "2" follows;
    an underline under a word (short) is no row boundary."""
    header, row1, row1b, row2 = _table("Hei-Bold")
    rules = (pdf_layout.Rule(115, 85, 520), pdf_layout.Rule(130, 130, 170), pdf_layout.Rule(149, 85, 520))
    (table,) = _read([header, row1, row1b, row2], rules=rules)
    assert [row[0] for row in table] == ["序号", "1", "2"]
    assert table[1][1] == "项目建设推进加快实施"


def test_a_sentence_naming_two_fields_is_no_header_candidate() -> None:
    """ "主要经济指标完成情况" names 指标 and 完成情况 in one piece of text: a cell, not a header.
    (Taken for one, it cut short the body the columns are measured on.)"""
    sentence = _line([(250, "从1-2月主要经济指标完成情况看，")], 117)
    assert not pdf_layout._header_candidate(sentence, 12)


def test_a_bare_number_wrapped_in_a_cell_is_no_page_number() -> None:
    """ "…实际完成12120" / "024": the wrapped end of a cell reads like a page number, but it follows
    the line above at line spacing and fits a column, so the table goes on."""
    header, row1, _, row2 = _table("Hei-Bold")
    tail = _line([(250, "024")], 134)
    tail.furniture = True  # as page_lines marks it
    (table,) = _read([header, row1, tail, row2])
    assert [row[0] for row in table] == ["序号", "1", "2"]
    assert table[1][2] == "进展顺利，已完成投资024"
    page_number = _line([(250, "024")], 300)
    page_number.furniture = True
    assert _read([header, row1, page_number])[1:] == ["024"]


def test_a_rule_stopping_short_of_a_column_merges_its_cells() -> None:
    """Horizontal rules only: the rule between rows 1 and 2 stops before the unit column, so the unit
    cell spans both rows. Its text, centred across them, sits beside row 2's lines; it goes to row 1,
    and row 2's cell is covered (None), for the table stage to fill from above."""
    header = _table("Hei-Bold")[0]
    row1 = _line([(96, "1"), (130, "项目建设推进"), (250, "进展顺利")], 117)
    unit = _line([(450, "区发改委")], 128)  # across the rule at 131.5, beside neither row's line
    row2 = _line([(96, "2"), (130, "推进工业项目"), (250, "完成投资12亿元")], 134)
    rules = (
        pdf_layout.Rule(98, 85, 520),
        pdf_layout.Rule(114.5, 85, 520),
        pdf_layout.Rule(131.5, 85, 440),
        pdf_layout.Rule(148.5, 85, 520),
    )
    (table,) = _read([header, row1, unit, row2], rules=rules)
    assert table[1:] == [["1", "项目建设推进", "进展顺利", "区发改委"], ["2", "推进工业项目", "完成投资12亿元", None]]
