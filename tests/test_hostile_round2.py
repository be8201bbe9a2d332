"""Hostile input, round two (issue 14): every file is made here, small, and each family of the issue
has its cases — memory (decoders bounded, spans clamped, the --max-memory ceiling), no internal
errors, nothing lost, one stderr line, time.

Each case gives an exact outcome (rows, or the error code) within seconds; the files that parse are
also held to the nothing-lost rule: every character of every cell the reader saw reaches the output.
"""

from __future__ import annotations

import importlib.util
import io
import os
import re
import subprocess
import sys
import time
import warnings
import zipfile
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from openpyxl import Workbook

import extractor
from extractor.cli import main
from extractor.errors import ExtractorError, one_line, printable_path
from extractor.limits import Limits, memory_ceiling
from extractor.pipeline import find_structure
from extractor.readers import read
from extractor.readers.raw import RawTable
from extractor.readers.xlsx import render
from extractor.sniff import sniff
from tests.conftest_helpers import Cell, make_docx, pdf_from_objects
from tests.helpers import SAMPLES, lost_characters

MB = 1024 * 1024
HEADER = ["序号", "目标任务", "完成情况", "牵头单位"]
ROWS = [
    ["1", "建设产业园", "已完成主体工程，同比增长5%", "区发改委"],
    ["2", "新建学校3所", "完成2所，进度滞后", "区教育局"],
]
SECONDS = 5.0


def seed_text() -> str:
    return (SAMPLES / "seed.txt").read_text(encoding="utf-8")


def parsed(source: bytes | Path, limits: Limits | None = None) -> extractor.Document:
    started = time.monotonic()
    document = extractor.parse(source, limits=limits)
    assert time.monotonic() - started < SECONDS
    return document


def fails(code: str, source: bytes | Path, limits: Limits | None = None) -> ExtractorError:
    started = time.monotonic()
    with pytest.raises(ExtractorError) as caught:
        extractor.parse(source, limits=limits)
    assert caught.value.code == code, caught.value
    assert "\n" not in caught.value.message
    assert time.monotonic() - started < SECONDS
    return caught.value


def rows(document: extractor.Document) -> list[tuple[str | None, str | None]]:
    return [(row.seq_text, row.task) for table in document.tables for row in table.rows]


def assert_nothing_lost(data: bytes) -> extractor.Document:
    """Every character of every (non-header) cell the reader found reaches the Document."""
    document = extractor.parse(data)
    raw = find_structure(read(data, sniff(data)))[0]
    lost = lost_characters(document, raw)
    assert not lost, "".join(sorted(lost.elements()))[:200]
    return document


def rezip(data: bytes, replace: dict[str, bytes] | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, (replace or {}).get(info.filename, zin.read(info.filename)))
        with warnings.catch_warnings():  # a second member of the same name is the point
            warnings.simplefilter("ignore")
            for name, body in (extra or {}).items():
                zout.writestr(name, body)
    return out.getvalue()


def member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name)


def small_docx() -> bytes:
    return make_docx([HEADER, *ROWS])


def document_xml(change: Callable[[bytes], bytes]) -> bytes:
    data = small_docx()
    return rezip(data, {"word/document.xml": change(member(data, "word/document.xml"))})


# --------------------------------------------------------------------------------------------
# PDF: streams, predictors, character maps, page trees


def deflated(size: int) -> bytes:
    """A deflate stream of ``size`` spaces (a decompression bomb when ``size`` is large)."""
    compressor = zlib.compressobj(9)
    block = b" " * MB
    parts = [compressor.compress(block) for _ in range(size // MB)]
    return b"".join([*parts, compressor.compress(b" " * (size % MB)), compressor.flush()])


def text_pdf(
    content: bytes, stream_dict: bytes = b"", font: bytes | None = None, extra: tuple[bytes, ...] = ()
) -> bytes:
    """One page showing ``content`` (a content stream) in font /F1 (Helvetica unless ``font``)."""
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d %s >>\nstream\n" % (len(content), stream_dict) + content + b"\nendstream",
            font or b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            *extra,
        ]
    )


SMALL_STREAMS = Limits(max_stream_bytes=MB)


def test_pdf_flate_bomb_stops_at_the_stream_limit() -> None:
    bomb = text_pdf(deflated(64 * MB), b"/Filter /FlateDecode")  # 64 KB inflating to 64 MB
    error = fails("too_large", bomb, SMALL_STREAMS)
    assert "decodes to more than 1 MB" in error.message and "--max-stream-size" in error.message


def test_pdf_flate_bomb_with_a_bad_checksum_is_bounded_and_linear() -> None:
    """pdfminer's own reading of a damaged stream is byte by byte into ``bytes +=``: quadratic."""
    stream = deflated(64 * MB)
    fails("too_large", text_pdf(stream[:-3] + b"\0\0\0", b"/Filter /FlateDecode"), SMALL_STREAMS)


def test_damaged_deflate_streams_read_as_pdfminer_reads_them() -> None:
    from extractor.readers.pdf_bounds import bounded, inflate, inflate_damaged

    data = b"BT (progress) Tj ET " * 1000
    stream = zlib.compress(data)
    with bounded(MB):
        assert inflate(stream) == data
        assert inflate_damaged(stream[:-4] + b"XXXX") == data  # a bad checksum: the text is whole
        assert inflate_damaged(stream[:-10]) == zlib.decompressobj().decompress(stream[:-10])  # truncated
        with pytest.raises(zlib.error):
            inflate_damaged(stream[:20] + b"\xff" * 50 + stream[70:])  # damage mid-stream: pdfminer drops it
        with pytest.raises(zlib.error):
            inflate(stream[:-10])


def test_pdf_stream_within_the_limit_still_reads() -> None:
    content = b"BT /F1 12 Tf 72 700 Td (hello) Tj ET"
    pdf = text_pdf(zlib.compress(content), b"/Filter /FlateDecode")
    fails("no_table", pdf, SMALL_STREAMS)  # read (it has no table), not refused as a bomb


@pytest.mark.parametrize(
    "params",
    [
        pytest.param(b"/Predictor 12 /Columns 2000000000", id="png"),
        pytest.param(b"/Predictor 2 /Columns 2000000000 /Colors 4", id="tiff"),
    ],
)
def test_pdf_predictor_with_absurd_columns_is_damage(params: bytes) -> None:
    content = zlib.compress(b"\0BT /F1 12 Tf 72 700 Td (hello) Tj ET")
    error = fails("corrupt_file", text_pdf(content, b"/Filter /FlateDecode /DecodeParms << %s >>" % params))
    assert "predictor" in error.message


def test_pdf_run_length_bomb_is_refused() -> None:
    fails("too_large", text_pdf(b"\x81 " * 100_000 + b"\x80", b"/Filter /RunLengthDecode"), SMALL_STREAMS)


def test_pdf_cmap_range_over_four_billion_codes_is_refused() -> None:
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
        b"1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange "
        b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange endcmap end end"
    )
    type0 = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>"
    )
    cid = (
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>"
    )
    pdf = text_pdf(
        b"BT /F1 12 Tf 72 700 Td <00410042> Tj ET",
        font=type0,
        extra=(cid, b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"),
    )
    error = fails("too_large", pdf)
    assert "character map" in error.message


@pytest.mark.parametrize("declared", [20_000, 1], ids=["count-true", "count-lies"])
def test_pdf_page_tree_is_counted_only_up_to_the_limit(declared: int) -> None:
    kids = 20_000
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (i + 3) for i in range(kids)), declared),
        *[b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * kids,
    ]
    started = time.monotonic()
    error = fails("too_large", pdf_from_objects(objects), Limits(max_pdf_pages=100))
    assert "more than 100 pages" in error.message
    assert time.monotonic() - started < 2


# --------------------------------------------------------------------------------------------
# Word: spans clamped to the real grid, damaged packages


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda x: x.replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="1000000000"/>', 5), id="gridSpan"),
        pytest.param(
            lambda x: x.replace(b"<w:tr>", b'<w:tr><w:trPr><w:gridBefore w:val="1000000000"/></w:trPr>', 2),
            id="gridBefore",
        ),
        pytest.param(
            lambda x: x.replace(b"<w:tr>", b'<w:tr><w:trPr><w:gridAfter w:val="999999999"/></w:trPr>'), id="gridAfter"
        ),
        pytest.param(lambda x: x.replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="-7"/>', 3), id="negative"),
    ],
)
def test_docx_spans_are_clamped_to_the_grid(change: Callable[[bytes], bytes]) -> None:
    data = document_xml(change)
    raw = read(data, "docx")
    table = next(block for block in raw.blocks if isinstance(block, RawTable))
    assert all(len(row.cells) <= 4 for row in table.rows)
    assert len(parsed(data).tables) == 1
    assert_nothing_lost(data)


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [
        pytest.param(
            lambda: rezip(small_docx(), extra={"word/document.xml": b"<w:document/>"}),
            "corrupt_file",
            "twice",
            id="twice",
        ),
        pytest.param(
            lambda: document_xml(
                lambda x: x.replace(
                    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
                )
            ),
            "unsupported_format",
            "Strict",
            id="strict-ooxml",
        ),
        pytest.param(
            lambda: document_xml(lambda x: x[: len(x) // 2]), "corrupt_file", "cannot open", id="document-cut-short"
        ),
        pytest.param(
            lambda: document_xml(lambda x: re.sub(rb"<w:body>.*</w:body>", b"", x, flags=re.S)),
            "corrupt_file",
            "w:body",
            id="no-body",
        ),
        pytest.param(
            lambda: document_xml(lambda x: b'<?xml version="1.0"?><foo/>'),
            "corrupt_file",
            "w:body",
            id="not-a-document",
        ),
    ],
)
def test_docx_damaged_packages_fail_with_their_code(data: Callable[[], bytes], code: str, words: str) -> None:
    assert words in fails(code, data()).message


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(
            lambda data: rezip(
                data, {"_rels/.rels": re.sub(rb'Target="[^"]*document.xml"', b"", member(data, "_rels/.rels"))}
            ),
            id="relationship-without-target",
        ),
        pytest.param(
            lambda data: rezip(
                data,
                {
                    "word/_rels/document.xml.rels": re.sub(
                        rb'Target="[^"]*"', b"", member(data, "word/_rels/document.xml.rels"), count=1
                    )
                },
            ),
            id="styles-relationship-without-target",
        ),
    ],
)
def test_docx_package_python_docx_refuses_is_read_from_its_main_part(damage: Callable[[bytes], bytes]) -> None:
    document = assert_nothing_lost(damage(small_docx()))
    assert rows(document) == [("1", "建设产业园"), ("2", "新建学校3所")]
    assert [w.code for w in document.warnings] == ["damaged_package"]


# --------------------------------------------------------------------------------------------
# Excel: merges, number formats, styles


def workbook(cells: list[list[object]], formats: dict[str, str] | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in cells:
        sheet.append(row)
    for ref, number_format in (formats or {}).items():
        sheet[ref].number_format = number_format
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


BOOK = [HEADER, [1, "建设产业园", 0.123456, "区发改委"], [2, "新建学校", 12.5, "区教育局"]]


def with_merge(data: bytes, ref: str) -> bytes:
    sheet = member(data, "xl/worksheets/sheet1.xml")
    merge = f'</sheetData><mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'.encode()
    return rezip(data, {"xl/worksheets/sheet1.xml": sheet.replace(b"</sheetData>", merge)})


@pytest.mark.parametrize("ref", ["E1:XFD3", "E1:E1048576", "B3:XFD1048576"])
def test_xlsx_merge_over_the_sheet_costs_nothing(ref: str) -> None:
    """openpyxl makes an object per covered position (17 billion for a whole sheet); not here."""
    data = with_merge(workbook(BOOK), ref)
    document = assert_nothing_lost(data)
    assert len(rows(document)) == 2 if ref != "B3:XFD1048576" else True


def test_xlsx_text_under_a_merge_is_kept_as_a_warning() -> None:
    data = with_merge(workbook(BOOK), "C2:D2")  # D2 holds 区发改委, which Excel would not show
    document = assert_nothing_lost(data)
    assert any(w.code == "unplaced_text" and "区发改委" in w.message for w in document.warnings)


@pytest.mark.parametrize(
    ("value", "number_format", "text"),
    [
        (0.123456, "0." + "0" * 30, "0.123456" + "0" * 24),
        (0.123456, "0." + "0" * 400 + "%", "12.3456" + "0" * 26 + "%"),  # at most 30 decimals, as Excel
        (1e308, "0.00%", "1e+308"),
        (12345678901234567890123.0, "#,##0.00", "12,345,678,901,234,600,000,000.00"),
        (float("inf"), "0.00", "inf"),
        (float("-inf"), "General", "-inf"),
        (10**400, "0.00", "1" + "0" * 400),
    ],
)
def test_xlsx_number_formats_of_any_size_render(value: float, number_format: str, text: str) -> None:
    assert render(value, number_format) == text


def test_xlsx_style_naming_a_missing_number_format_reads_as_general() -> None:
    data = workbook(BOOK)
    styles = member(data, "xl/styles.xml")
    styles = re.sub(
        rb"<cellXfs count=\"(\d+)\">", rb'<cellXfs count="\1"><xf numFmtId="999" applyNumberFormat="1"/>', styles
    )
    sheet = re.sub(rb'<c r="C2"( s="\d+")?', b'<c r="C2" s="0"', member(data, "xl/worksheets/sheet1.xml"))
    document = parsed(rezip(data, {"xl/styles.xml": styles, "xl/worksheets/sheet1.xml": sheet}))
    assert document.tables[0].rows[0].progress == "0.123456"


# --------------------------------------------------------------------------------------------
# Web pages: charsets, spans


def page(body: str, charset: str = "gb2312") -> bytes:
    return f'<html><head><meta charset="{charset}"></head><body>{body}</body></html>'.encode("gb18030")


TABLE = (
    "<table>"
    + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in [HEADER, *ROWS])
    + "</table>"
)


@pytest.mark.parametrize(
    "charset", ["base64", "rot13", "zlib", "uu", "idna", "punycode", "quopri", "hex", "bz2", "nosuchcodec", "utf-16"]
)
def test_html_charset_that_is_no_text_encoding_falls_back_to_sniffing(charset: str) -> None:
    document = parsed(page(TABLE, charset))
    assert rows(document) == [("1", "建设产业园"), ("2", "新建学校3所")]
    assert [w.code for w in document.warnings] == ["charset_ignored"]
    assert document.source.encoding == "gb18030"


def test_html_rowspan_of_5000_digits_is_clamped_to_the_rows_left() -> None:
    data = page(TABLE.replace("<td>1</td>", f'<td rowspan="{"9" * 5000}">1</td>'))
    # Clamped to the one row left, it covers row 2's first column, as in a browser: its cells move right.
    assert rows(assert_nothing_lost(data)) == [("1", "建设产业园"), ("1", "2")]


def test_html_colspan_of_5000_digits_is_clamped() -> None:
    data = page(TABLE.replace("<td>序号</td>", f'<td colspan="{"9" * 5000}">序号</td>'))
    raw = read(data, "html")
    table = next(block for block in raw.blocks if isinstance(block, RawTable))
    # 序号 spans 1,000 columns (the clamp), the header's other cells start after it: of the 1,003
    # columns only the 7 where a cell starts are kept, not a thousand empty ones per row.
    assert [len(row.cells) for row in table.rows] == [7, 7, 7]
    assert_nothing_lost(data)


def test_html_rowspan_zero_with_wide_colspans_is_refused_in_bounded_memory() -> None:
    wide = "".join(f'<tr><td rowspan="0" colspan="1000">{i}</td><td colspan="1000">y</td></tr>' for i in range(1500))
    error = fails("too_large", page(TABLE + f"<table>{wide}</table>"))
    assert "grid positions" in error.message


def test_html_tag_with_a_hundred_thousand_attributes_is_refused_before_libxml2() -> None:
    """libxml2 is quadratic in one tag's attributes (15 s for 100,000, in C: no alarm stops it)."""
    attributes = " ".join(f"a{i}=1" for i in range(100_000))
    error = fails("too_large", page(TABLE.replace("<table>", f"<table {attributes}>")))
    assert "100,000 attributes" in error.message


def test_html_long_attribute_is_no_crowded_tag() -> None:
    image = f'<img src="data:image/png;base64,{"A" * 1_000_000}">'  # a picture pasted into the page
    assert rows(parsed(page(image + TABLE))) == [("1", "建设产业园"), ("2", "新建学校3所")]


# --------------------------------------------------------------------------------------------
# Text: line separators, a change of encoding, notes


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\r"])
def test_text_with_unicode_line_separators_reads_as_the_seed(separator: str) -> None:
    expected = rows(extractor.parse(SAMPLES / "seed.txt"))
    assert len(expected) == 11
    document = parsed(seed_text().replace("\n", separator).encode())
    assert rows(document) == expected


@pytest.mark.parametrize(
    ("encode", "message"),
    [
        pytest.param(
            lambda a, b: a.encode("utf-16") + b.encode("utf-8"), "UTF-16 before, UTF-8 after", id="utf16-utf8"
        ),
        pytest.param(
            lambda a, b: a.encode("utf-8") + b.encode("gb18030"), "UTF-8 before, GB18030 after", id="utf8-gbk"
        ),
    ],
)
def test_a_change_of_encoding_mid_file_is_read_and_warned(encode: Callable[[str, str], bytes], message: str) -> None:
    text = seed_text()
    cut = text.index("\n", len(text) // 2) + 1
    document = parsed(encode(text[:cut], text[cut:]))
    assert rows(document) == rows(extractor.parse(SAMPLES / "seed.txt"))
    changed = [w.message for w in document.warnings if w.code == "encoding_changed"]
    assert len(changed) == 1 and message in changed[0]


def test_gb18030_going_on_in_big5_is_read_in_both_and_warned() -> None:
    """Either codec decodes the other's bytes without an error, as rare characters: lines vote."""
    from extractor.readers.text import read_text

    text = seed_text()
    cut = text.index("\n", len(text) // 2) + 1
    tail = text[cut:].encode("big5", errors="ignore")  # simplified characters Big5 lacks are left out
    raw = read_text(text[:cut].encode("gb18030") + tail)
    assert "\n".join(block.text for block in raw.blocks) == text[:cut] + tail.decode("big5")
    assert [w.message for w in raw.warnings] == [
        f"the encoding changes at byte {len(text[:cut].encode('gb18030'))}: GB18030 before, BIG5 after (read as such)"
    ]


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_a_whole_legacy_file_is_no_change_of_encoding(encoding: str) -> None:
    from extractor.readers.text import read_text

    text = seed_text().encode(encoding, errors="ignore")
    assert read_text(text).warnings == []


def test_a_whole_utf16_file_is_no_change_of_encoding() -> None:
    document = parsed(seed_text().encode("utf-16"))
    assert not [w for w in document.warnings if w.code == "encoding_changed"]


NOTE = "注：1.数据截至6月底。2.进度以牵头单位报送为准。"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(lambda: (seed_text().rstrip("\n") + f"\n\n{NOTE}\n").encode(), id="txt"),
        pytest.param(lambda: make_docx([HEADER, *ROWS], below=[NOTE]), id="docx"),
        pytest.param(lambda: page(TABLE + f"<p>{NOTE}</p>"), id="html"),
        pytest.param(lambda: workbook([*BOOK, [], [NOTE]]), id="xlsx"),
    ],
)
def test_a_note_under_the_table_reaches_the_output(data: Callable[[], bytes]) -> None:
    document = assert_nothing_lost(data())
    assert [w.message for w in document.warnings if w.code == "unplaced_text"] == [NOTE]


def test_docx_text_in_a_vmerge_continue_cell_is_kept() -> None:
    data = make_docx([HEADER, ROWS[0], [Cell("2"), Cell("续写的任务文字", vmerge="continue"), "完成", "区教育局"]])
    document = parsed(data)
    kept = [w.message for w in document.warnings if w.code == "unplaced_text"]
    assert len(kept) == 1 and kept[0].endswith("续写的任务文字")
    assert document.tables[0].rows[1].task == "建设产业园"  # still merged with the cell above


def test_docx_heading_between_two_tables_and_their_cells_reach_the_output() -> None:
    import docx

    document = docx.Document(io.BytesIO(small_docx()))
    document.add_paragraph("二、社会事业类项目")
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ["3", "新建医院", "已开工", "区卫健委"], strict=True):
        cell.text = text
    out = io.BytesIO()
    document.save(out)
    result = assert_nothing_lost(out.getvalue())
    everything = " ".join(w.message for w in result.warnings) + str(rows(result))
    assert "二、社会事业类项目" in everything and "新建医院" in everything


def test_docx_several_columns_under_one_header_keep_every_cell() -> None:
    data = make_docx(
        [["序号", Cell("完成情况", span=2), "牵头单位"], ["1", "上半年完成", "下半年计划", "区发改委"]], columns=4
    )
    document = assert_nothing_lost(data)
    assert set(document.tables[0].rows[0].cells.values()) >= {"上半年完成", "下半年计划"}


# --------------------------------------------------------------------------------------------
# Paths, images, one line


def test_missing_path_is_not_found(tmp_path: Path) -> None:
    fails("not_found", tmp_path / "missing.docx")
    fails("not_found", tmp_path / "missing.docx" / "below")


def test_a_symlink_loop_is_not_found(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    fails("not_found", tmp_path / "a.txt")


@pytest.mark.parametrize("kind", ["fifo", "directory", "dev-zero"])
def test_what_is_no_regular_file_is_refused_without_reading(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    if kind == "fifo":
        os.mkfifo(path)  # opening it would wait forever for a writer
    elif kind == "directory":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero")  # reading it never ends
    fails("not_a_file", path)


def test_a_path_that_becomes_a_fifo_after_its_stat_is_refused_without_waiting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extractor.pipeline import read_file

    regular, fifo = tmp_path / "report.txt", tmp_path / "pipe.txt"
    regular.write_bytes(b"x")
    os.mkfifo(fifo)
    stat_of = Path.stat
    monkeypatch.setattr(Path, "stat", lambda self, **kwargs: stat_of(regular))  # the stat saw a file
    with pytest.raises(ExtractorError) as caught:
        read_file(fifo, Limits())
    assert caught.value.code == "not_a_file"


@pytest.mark.parametrize(
    ("fmt", "suffix"),
    [("PNG", "pdf"), ("JPEG", "docx"), ("GIF", "txt"), ("TIFF", "xlsx"), ("BMP", "html"), ("WEBP", "txt")],
)
def test_images_are_recognised_by_their_magic_bytes(fmt: str, suffix: str, tmp_path: Path) -> None:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (16, 16), "white").save(out, fmt)
    path = tmp_path / f"scan.{suffix}"
    path.write_bytes(out.getvalue())
    from extractor.sniff import sniff

    assert sniff(path.read_bytes()) == "image"
    ocr = importlib.util.find_spec("rapidocr_onnxruntime") is not None
    error = fails("no_text_layer" if ocr else "ocr_unavailable", path)  # blank: OCR finds no text
    assert "ocr" in error.message.lower() or "text" in error.message


def test_messages_are_one_line_and_names_escaped() -> None:
    assert (
        ExtractorError("unclosed token:\n line 1,\r\n column 6\u2028end").message
        == "unclosed token: line 1, column 6 end"
    )
    assert one_line("a\x85b") == "a b"
    assert printable_path("报告\n附件.txt") == "报告\\n附件.txt"
    assert printable_path("报告 附件.txt") == "报告 附件.txt"


def test_cli_one_line_for_a_file_name_with_a_newline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "附件\n第二行.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    assert main(["parse", str(bad), "-o", str(tmp_path / "out.json")]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "附件\\n第二行.txt" in lines[0], lines


def test_cli_fifo_and_empty_folder_in_a_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "empty").mkdir()
    good = tmp_path / "seed.txt"
    good.write_bytes((SAMPLES / "seed.txt").read_bytes())
    started = time.monotonic()
    status = main(["parse", str(tmp_path / "pipe.txt"), str(tmp_path / "empty"), str(good), "-o", str(tmp_path / "o")])
    assert status == 1 and time.monotonic() - started < SECONDS
    err = capsys.readouterr().err.splitlines()
    assert [line.rsplit("[", 1)[-1] for line in err[:-1]] == ["not_a_file]", "not_a_file]"]
    assert err[-1] == "extractor: 3 files, 2 failed"


# --------------------------------------------------------------------------------------------
# Memory ceiling and time


def test_memory_ceiling_turns_an_allocation_into_a_memory_error_and_is_restored() -> None:
    import resource

    before = resource.getrlimit(resource.RLIMIT_AS)
    with memory_ceiling(64 * MB), pytest.raises(MemoryError):
        bytearray(4096 * MB)
    assert resource.getrlimit(resource.RLIMIT_AS) == before


@cache
def _bomb_512() -> bytes:
    return text_pdf(deflated(512 * MB), b"/Filter /FlateDecode")  # 512 KB inflating to 512 MB


@pytest.mark.parametrize("jobs", ["1", "2"])  # the CLI's own process, or worker processes
def test_cli_max_memory_makes_a_bomb_too_large(jobs: str, tmp_path: Path) -> None:
    """With the stream bound off, a 512 MB page stream runs into --max-memory: too_large, one line."""
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_bomb_512())
    (tmp_path / "seed.txt").write_bytes((SAMPLES / "seed.txt").read_bytes())
    command = [sys.executable, "-m", "extractor.cli", "parse", str(path), str(tmp_path / "seed.txt")]
    run = subprocess.run(
        [*command, "--max-stream-size", "0", "--max-memory", "300", "--jobs", jobs, "-o", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1
    first, total = run.stderr.splitlines()
    assert first.startswith(f"extractor: {path}: ") and first.endswith("[too_large]") and "--max-memory" in first
    assert total == "extractor: 2 files, 1 failed"  # the batch went on


def test_a_line_of_millions_of_characters_is_kept_whole_not_read() -> None:
    long_line = "完成情况良好，" * 300_000  # 2.1 million characters on one line
    data = (seed_text().rstrip("\n") + "\n\n" + long_line + "\n").encode()
    document = parsed(data)
    assert len(rows(document)) == 11
    kept = [w.message for w in document.warnings if w.code == "unplaced_text" and long_line in w.message]
    assert len(kept) == 1


def test_text_of_millions_of_lines_is_refused_before_it_is_laid_out() -> None:
    error = fails("too_large", b"1\n" * 1_000_000)
    assert "lines" in error.message


def test_cli_explain_refuses_what_is_no_file_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    assert main(["parse", "--explain", str(tmp_path / "pipe.txt"), str(tmp_path / "missing.txt")]) == 1
    assert [line.rsplit(" ", 1)[-1] for line in capsys.readouterr().err.splitlines()] == ["[not_a_file]", "[not_found]"]


def test_cli_memory_error_while_writing_the_record_fails_that_file_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import extractor.cli

    written = extractor.cli.to_jsonl
    calls: list[int] = []

    def serialise(record: dict) -> str:  # the first record's JSON text does not fit under the ceiling
        calls.append(1)
        if len(calls) == 1:
            raise MemoryError
        return written(record)

    monkeypatch.setattr(extractor.cli, "to_jsonl", serialise)
    seed = str(SAMPLES / "seed.txt")
    assert main(["parse", seed, seed, "-o", str(tmp_path / "out.jsonl")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"extractor: {seed}: {err[0].split(': ', 2)[2]}", "extractor: 2 files, 1 failed"]
    assert err[0].endswith("[too_large]")
    records = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert '"too_large"' in records[0] and '"tables"' in records[1]


def test_a_cell_over_the_cap_is_kept_whole_and_read_by_no_rule() -> None:
    """Rule work grows with a cell's length: a 200,000-character progress cell is kept in the row,
    reported, and costs no rule time (it took minutes before the cap)."""
    import time

    from extractor.records import MAX_ANALYSED_CELL

    progress = "完成投资5亿元，同比增长4.2%，进度滞后。" * (200_000 // 21)
    text = f"序号\t目标任务\t完成情况\t牵头单位\n1\t建设码头\t{progress}\t区交通局\n2\t新建学校\t已完成\t区教委\n"
    started = time.monotonic()
    document = extractor.parse_bytes(text.encode("utf-8"))
    assert time.monotonic() - started < 10
    first, second = document.tables[0].rows
    assert len(progress) > MAX_ANALYSED_CELL
    assert first.progress == progress and first.cells["progress"] == progress  # nothing lost
    assert (first.figures, first.issues, first.status.value) == ([], [], "unknown")
    assert second.status.value == "done"  # the other rows are read as ever
    warning = next(w for w in document.warnings if w.code == "cell_not_analysed")
    assert warning.row == 0 and "progress" in warning.message
