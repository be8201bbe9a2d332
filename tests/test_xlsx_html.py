"""The Excel and web-page readers: exact cell texts on small documents built here, and the same
rows as the text original for the generated fixtures (tests/fixtures/make_formats.py)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import zipfile
from functools import cache
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

import extractor
from extractor.errors import CorruptFileError
from extractor.readers import read
from extractor.readers.html import read_html
from extractor.readers.raw import Paragraph, RawCell, RawDocument, RawTable
from extractor.readers.xlsx import read_xlsx, render
from extractor.sniff import sniff
from tests.helpers import FIXTURES, SAMPLES

HEADER = ["序号", "目标任务", "完成情况", "牵头责任单位"]


def grid(table: Paragraph | RawTable) -> list[list[str | None]]:
    assert isinstance(table, RawTable)
    return [[c.text for c in row.cells] for row in table.rows]


def merges(table: Paragraph | RawTable) -> list[list[str | None]]:
    assert isinstance(table, RawTable)
    return [[c.merge for c in row.cells] for row in table.rows]


def shape(document: RawDocument) -> list[str]:
    """Blocks as 'P:text' and 'T:rows' for a compact comparison of the document's order."""
    return [f"P:{b.text}" if isinstance(b, Paragraph) else f"T:{len(b.rows)}" for b in document.blocks]


# --------------------------------------------------------------------------------------------
# xlsx


def xlsx_bytes(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def report_sheet(sheet: Worksheet, title: str, rows: list[list[object]]) -> None:
    """附件 label in A1, the title merged over A2:D2, the header in row 3, rows below."""
    sheet["A1"] = "附件1"
    sheet["A2"] = title
    sheet.merge_cells("A2:D2")
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)


def test_xlsx_title_rows_become_paragraphs_and_merges_are_marked() -> None:
    book = Workbook()
    sheet = book.active
    report_sheet(sheet, "重点任务推进情况表", [[1, "任务一", "已完成", "区商务委"], [2, "任务二", "推进中", None]])
    sheet.merge_cells("D4:D5")  # one lead unit for both rows
    sheet.append([3, "跨两行两列的任务", None, "区财政局"])
    sheet.append([4, None, None, "区水利局"])
    sheet.merge_cells("B6:C7")  # two rows by two columns
    sheet["A9"] = "注：数据截至3月底。"  # after an empty row
    sheet.merge_cells("A9:D9")
    document = read_xlsx(xlsx_bytes(book))
    assert shape(document) == ["P:附件1", "P:重点任务推进情况表", "T:5", "P:注：数据截至3月底。"]
    table = document.blocks[2]
    assert grid(table) == [
        HEADER,
        ["1", "任务一", "已完成", "区商务委"],
        ["2", "任务二", "推进中", None],
        ["3", "跨两行两列的任务", None, "区财政局"],
        ["4", None, None, "区水利局"],
    ]
    assert merges(table)[2] == [None, None, None, "above"]
    assert merges(table)[3] == [None, None, "left", None]
    assert merges(table)[4] == [None, "above", "left", None]
    assert document.format == "xlsx" and document.warnings == []


def test_xlsx_header_not_on_first_row_and_one_table_per_sheet() -> None:
    book = Workbook()
    report_sheet(book.active, "一季度情况", [[1, "任务一", "完成", "区发改委"]])
    second = book.create_sheet("二季度")
    second["C2"] = "单位：万元"  # the only text of its row, not in column A
    second.append([])
    second.append([None, *HEADER])  # the table starts in column B: column A stays empty
    second.append([None, 1, "任务甲", "推进中", "区财政局"])
    second.append([None, 2, "任务乙"])  # a short last row: still a row
    second.append([None, 3])  # only a number: still a row
    second.append([])
    second.append(["填表人：张三"])  # below an empty row: a note, not a row
    second.append(["联系电话：123"])
    book.create_sheet("空白")
    document = read_xlsx(xlsx_bytes(book))
    assert shape(document) == [
        "P:附件1",
        "P:一季度情况",
        "T:2",
        "P:单位：万元",
        "T:4",
        "P:填表人：张三",
        "P:联系电话：123",
    ]
    assert grid(document.blocks[4]) == [
        HEADER,
        ["1", "任务甲", "推进中", "区财政局"],
        ["2", "任务乙", "", ""],
        ["3", "", "", ""],
    ]
    assert all(row.page is None for b in document.blocks if isinstance(b, RawTable) for row in b.rows)


def test_xlsx_hidden_sheet_skipped_with_warning() -> None:
    book = Workbook()
    report_sheet(book.active, "情况表", [[1, "任务一", "完成", "区商务委"]])
    hidden = book.create_sheet("下拉选项")
    hidden.append(["区商务委", "区财政局"])
    hidden.sheet_state = "hidden"
    document = read_xlsx(xlsx_bytes(book))
    assert shape(document) == ["P:附件1", "P:情况表", "T:2"]
    assert [(w.code, w.message) for w in document.warnings] == [("hidden_sheet", "hidden sheet '下拉选项' skipped")]


def test_xlsx_values_as_excel_shows_them() -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "完成情况", "完成率", "金额", "日期", "月份", "备注"])
    sheet.append([1.0, "一行\n二行", 0.125, 1234.5, dt.datetime(2024, 6, 30), dt.datetime(2024, 6, 1), True])
    sheet.append([2, "  留白  ", 0.5, 0.1 + 0.2, dt.date(2024, 1, 5), "=1+1", 3.0])
    sheet["C2"].number_format = "0.0%"
    sheet["C3"].number_format = "0%"
    sheet["D2"].number_format = "#,##0.00"
    sheet["F2"].number_format = 'yyyy"年"m"月"'
    document = read_xlsx(xlsx_bytes(book))
    assert grid(document.blocks[0])[1:] == [
        ["1", "一行\n二行", "12.5%", "1,234.50", "2024-06-30", "2024年6月", "TRUE"],
        # a formula never computed by Excel has no cached value: empty, not "=1+1"
        ["2", "留白", "50%", "0.3", "2024-01-05", "", "3"],
    ]


@pytest.mark.parametrize(
    ("value", "number_format", "text"),
    [
        (1.0, "General", "1"),
        (12.0, "0.00", "12"),  # whole numbers without the format's zeros (序号, counts)
        (0.86666667, "0.0%", "86.7%"),
        (-0.0312, "0.00%;[Red]-0.00%", "-3.12%"),
        (2.5, "0", "3"),  # Excel rounds half away from zero
        (3.14159, "0.00_ ", "3.14"),
        (1e20, "General", "1e+20"),
        (dt.datetime(2024, 6, 30, 8, 30), "yyyy-mm-dd h:mm", "2024-06-30 08:30"),
        (dt.datetime(2024, 6, 30), "m月d日", "6月30日"),
        (" 区商务委\r\n区财政局 ", "General", "区商务委\n区财政局"),
    ],
)
def test_render(value: object, number_format: str, text: str) -> None:
    assert render(value, number_format) == text


def test_xlsx_far_away_styled_cell_does_not_grow_the_grid() -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append([1, "任务", "完成", "区商务委"])
    sheet["XFD1048576"].number_format = "0.00"  # styled, empty: max_row/max_column become huge
    sheet.merge_cells("A10:XFD10")  # an empty merged range across the whole width
    document = read_xlsx(xlsx_bytes(book))
    assert grid(document.blocks[0]) == [HEADER, ["1", "任务", "完成", "区商务委"]]


@pytest.mark.parametrize("data", [b"PK\x03\x04not a zip", b"", b"PK\x05\x06" + b"\x00" * 18])
def test_xlsx_corrupt(data: bytes) -> None:
    with pytest.raises(CorruptFileError):
        read_xlsx(data)


def test_xlsx_damaged_part_is_corrupt_file() -> None:
    book = Workbook()
    book.active.append(HEADER)
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes(book)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as damaged:
        for name in source.namelist():
            data = source.read(name)
            damaged.writestr(name, data[: len(data) // 2] if name == "xl/worksheets/sheet1.xml" else data)
    with pytest.raises(CorruptFileError):
        read_xlsx(out.getvalue())


# --------------------------------------------------------------------------------------------
# html


def page(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def test_html_rowspan_colspan_and_bogus_values() -> None:
    document = read_html(
        page(
            "<table>"
            "<tr><th>序号</th><th colspan='2'>任务与进展</th><th>单位</th></tr>"
            "<tr><td rowspan='2'>1</td><td>甲</td><td>乙</td><td rowspan='abc'>区商务委</td></tr>"
            "<tr><td colspan='0'>丙</td><td rowspan='2px'>丁</td><td>区财政局</td></tr>"
            "<tr><td>2</td><td>戊</td><td rowspan='99999' colspan='1000'>己</td></tr>"
            "<tr><td rowspan='0'>3</td></tr>"
            "</table>"
        )
    )
    table = document.blocks[0]
    assert grid(table) == [
        ["序号", "任务与进展", None, "单位"],
        ["1", "甲", "乙", "区商务委"],
        [None, "丙", "丁", "区财政局"],
        ["2", "戊", None, "己"],  # 丁's rowspan="2px" reads as 2; 己 spans to the last row
        ["3", "", "", None],
    ]
    assert merges(table)[0] == [None, None, "left", None]
    assert merges(table)[2] == ["above", None, None, None]
    assert merges(table)[3] == [None, None, "above", None]
    assert merges(table)[4] == [None, None, None, "above"]


def test_html_cell_text_breaks_spaces_and_cjk() -> None:
    document = read_html(
        page(
            "<table><tr><td>序&nbsp;&nbsp;号</td><td>说明</td><td>牵头<br>单位</td></tr><tr>"
            "<td> 1 </td>"
            "<td><p>一季度完成\n    情况</p><div>GDP  growth <b>5.1</b>%\u200b</div>第三行<br><br>末行<br></td>"
            "<td>&nbsp;&nbsp;区商务委&nbsp;区财政局\u3000</td>"
            "</tr></table>"
        )
    )
    assert grid(document.blocks[0]) == [
        ["序 号", "说明", "牵头\n单位"],  # a typed &nbsp; is a space, even between CJK (the table stage drops it)
        ["1", "一季度完成情况\nGDP growth 5.1%\n第三行\n\n末行", "区商务委 区财政局"],
    ]


def test_html_nested_layout_table_paragraphs_in_order() -> None:
    document = read_html(
        page(
            "<div class='nav'><a>首页</a> | <a>政务公开</a></div>"
            "<table width='1000'><tr><td>当前位置：首页</td></tr><tr><td>"
            "<h1>关于任务推进情况的通报</h1><p>附件2</p><p>重点任务推进情况表</p>"
            "<table border='1'><caption>表一</caption>"
            "<thead><tr><td>序号</td><td>目标任务</td></tr></thead>"
            "<tbody><tr><td>1</td><td>任务</td></tr></tbody></table>"
            "<p>注：以上数据为初步统计。</p></td></tr></table>"
            "<table><tr><td>一列的框</td></tr><tr><td>第二行</td></tr></table>"
            "<div>主办：区政府办公室<br>渝ICP备123号</div>"
        )
    )
    assert shape(document) == [
        "P:首页 | 政务公开",
        "P:当前位置：首页",
        "P:关于任务推进情况的通报",
        "P:附件2",
        "P:重点任务推进情况表",
        "P:表一",
        "T:2",
        "P:注：以上数据为初步统计。",
        "P:一列的框",  # a one-column leaf table is a layout box: its text is running text
        "P:第二行",
        "P:主办：区政府办公室",
        "P:渝ICP备123号",
    ]
    assert grid(document.blocks[6]) == [["序号", "目标任务"], ["1", "任务"]]


def test_html_scripts_styles_and_hidden_elements_are_not_text() -> None:
    document = read_html(
        page(
            "<script>document.write('<table><tr><td>a</td><td>b</td></tr></table>')</script>"
            "<style>td { color: red }</style><noscript>请启用脚本</noscript>"
            "<p style='display: none'>隐藏</p><!-- 注释 --><p>正文</p>",
            head='<meta charset="utf-8"><title>页面标题</title><script>var x = "<p>y</p>";</script>',
        )
    )
    assert shape(document) == ["P:正文"]


def test_html_gbk_page_with_meta_charset() -> None:
    body = "<p>附件3</p><table><tr><td>序号</td><td>牵头单位</td></tr><tr><td>1</td><td>區商務委“开门红”</td></tr>"
    head = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    document = read_html(f"<html><head>{head}</head><body>{body}</table></body></html>".encode("gb18030"))
    assert document.encoding == "gb18030"
    assert shape(document) == ["P:附件3", "T:2"]
    assert grid(document.blocks[1])[1] == ["1", "區商務委“开门红”"]


def test_html_big5_page_and_utf8_page_mislabelled_as_gbk() -> None:
    big5 = read_html("<html><head><meta charset='big5'></head><body><p>進展情況</p></body></html>".encode("big5"))
    assert (big5.encoding, shape(big5)) == ("big5hkscs", ["P:進展情況"])
    mislabelled = read_html("<html><head><meta charset='gbk'></head><body><p>完成情况</p></body></html>".encode())
    assert (mislabelled.encoding, shape(mislabelled)) == ("utf-8", ["P:完成情况"])


def test_html_bad_bytes_in_declared_charset_are_replaced() -> None:
    data = "<html><head><meta charset='gb2312'></head><body><p>完成情况</p>".encode("gb18030") + b"\x81\x20</body>"
    document = read_html(data)
    assert shape(document)[0] == "P:完成情况"
    assert [w.code for w in document.warnings] == ["encoding_errors"]


@pytest.mark.parametrize("data", [b"", b"   "])
def test_html_empty_page_is_corrupt(data: bytes) -> None:
    with pytest.raises(CorruptFileError):
        read_html(data)


def test_html_page_without_table_gives_one_paragraph_per_line() -> None:
    document = read_html(
        page(
            "<h2>一季度重点任务完成情况</h2>"
            "<div>1. 积极推进码头项目。<br>进展：已形成方案。</div>\n"
            "<ul><li>2. 推进\n  小镇建设。</li><li></li></ul><p>&nbsp;</p>"
        )
    )
    assert shape(document) == [
        "P:一季度重点任务完成情况",
        "P:1. 积极推进码头项目。",
        "P:进展：已形成方案。",
        "P:2. 推进小镇建设。",
    ]


def test_html_xml_declaration_control_characters_and_dispatch() -> None:
    data = '<?xml version="1.0" encoding="utf-8"?><html><body><p>正\x00文\u200b\x07</p></body></html>'.encode()
    assert sniff(data) == "html"
    assert shape(read(data, "html")) == ["P:正文"]


# --------------------------------------------------------------------------------------------
# the same table in every format


@cache
def parsed(path: str) -> extractor.Document:
    return extractor.parse(path)


def essentials(document: extractor.Document) -> tuple:
    (table,) = document.tables
    rows = [
        (r.seq, r.task, r.progress, r.lead_units, [(f.field, f.text, f.value, f.unit) for f in r.figures])
        for r in table.rows
    ]
    return table.attachment, table.title, [c.field for c in table.columns], rows


CROSS_FORMAT = [
    pytest.param(SAMPLES / "seed.txt", FIXTURES / "seed.xlsx", id="seed.xlsx"),
    pytest.param(SAMPLES / "seed.txt", FIXTURES / "seed.html", id="seed.html"),
    pytest.param(FIXTURES / "variant7.txt", FIXTURES / "variant7.xlsx", id="variant7.xlsx"),
    pytest.param(FIXTURES / "variant7.txt", FIXTURES / "variant7.html", id="variant7.html"),
]


@pytest.mark.parametrize(("original", "other"), CROSS_FORMAT)
def test_same_rows_as_the_text_original(original: Path, other: Path) -> None:
    want, got = essentials(parsed(str(original))), essentials(parsed(str(other)))
    assert got[:3] == want[:3]  # attachment, title, columns
    assert got[3] == want[3]
    assert len(got[3]) == {"seed": 11, "variant7": 4}[other.stem]
    assert parsed(str(other)).source.format == other.suffix[1:]


def test_fixture_details() -> None:
    html_doc = parsed(str(FIXTURES / "seed.html"))
    assert html_doc.source.encoding == "gb18030"
    assert html_doc.tables[0].rows[3].lead_units == ["区商务委"]  # under the rowspan
    xlsx_doc = parsed(str(FIXTURES / "seed.xlsx"))
    assert xlsx_doc.tables[0].rows[3].lead_units == ["区商务委"]  # under the merged range
    # the 说明 sheet's note is kept, as text outside the table
    assert "1. 本表由区政府督查室根据各牵头单位报送材料汇总。" in [w.message for w in xlsx_doc.warnings]


def test_fixtures_hold_what_the_generator_promises() -> None:
    raw = read((FIXTURES / "seed.xlsx").read_bytes(), "xlsx")
    assert shape(raw)[:3] == ["P:附件3", "P:一季度完成情况未实现“开门红”目标任务", "T:12"]
    assert raw.blocks[2].rows[4].cells[3] == RawCell(None, merge="above")
    data = (FIXTURES / "seed.html").read_bytes()
    assert b'<meta charset="gb2312" />' in data and "区商务委".encode("gb18030") in data
    assert b'rowspan="2"' in data


def test_generator_reproduces_the_committed_fixtures(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_formats", FIXTURES / "make_formats.py")
    assert spec is not None and spec.loader is not None
    make_formats = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_formats)
    for stem in ("seed", "variant7"):
        (tmp_path / f"{stem}.spec.json").write_bytes((FIXTURES / f"{stem}.spec.json").read_bytes())
    make_formats.main([str(tmp_path / "seed.spec.json"), str(tmp_path / "variant7.spec.json")])
    for name in ("seed.html", "variant7.html"):
        assert (tmp_path / name).read_bytes() == (FIXTURES / name).read_bytes(), name
    for name in ("seed.xlsx", "variant7.xlsx"):  # compared as read: openpyxl's bytes vary by version
        fresh, committed = (read(p.read_bytes(), "xlsx") for p in (tmp_path / name, FIXTURES / name))
        assert fresh == committed, name
