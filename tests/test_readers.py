"""Readers and sniffing: bytes → format → RawDocument (paragraphs and tables of cells)."""

from __future__ import annotations

import codecs
import io
import zipfile
from functools import cache

import pytest

from extractor.errors import (
    CorruptFileError,
    EncodingError,
    EncryptedFileError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from extractor.pipeline import find_structure
from extractor.readers import read
from extractor.readers.docx import read_docx
from extractor.readers.pdf import read_pdf
from extractor.readers.raw import Paragraph, RawCell, RawDocument, RawTable
from extractor.readers.text import decode, read_text
from extractor.sniff import sniff
from extractor.table import is_furniture
from tests.conftest_helpers import (
    Cell,
    Row,
    cells,
    fixture_bytes,
    make_docx,
    para,
    pdf_from_objects,
    seed_txt_bytes,
    texts,
    w_xml,
)

SIMPLIFIED = (
    "附件3\n一季度完成情况\n"
    "序号\t目标任务\t完成情况\t牵头责任单位\n"
    "1\t完成FDI3000万美元。\t一季度，同比下降73.7%。存在问题：无专项政策。\t区商务委\n"
)
TRADITIONAL = "序號\t目標任務\t進展情況\t牽頭單位\n1\t完成外資3000萬美元。\t存在問題：資金缺口500萬元。\t區商務委\n"
HEADER = ["序号", "目标任务", "完成情况", "牵头责任单位"]


def _encode(text: str, encoding: str) -> bytes:
    """Bytes as a file would hold them; the explicit-endian UTF-16 variants get their BOM."""
    if encoding == "utf-16-le-bom":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if encoding == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(encoding)


# (encoding used to write, what decode() should report)
ENCODINGS = [
    pytest.param("utf-8", "utf-8", id="utf8"),
    pytest.param("utf-8-sig", "utf-8-sig", id="utf8-bom"),
    pytest.param("gb18030", "gb18030", id="gb18030"),
    pytest.param("gbk", "gb18030", id="gbk-read-as-gb18030-superset"),
    pytest.param("utf-16", "utf-16", id="utf16-native-bom"),
    pytest.param("utf-16-le-bom", "utf-16", id="utf16le-bom"),
    pytest.param("utf-16-be-bom", "utf-16", id="utf16be-bom"),
    pytest.param("utf-32", "utf-32", id="utf32-bom"),
]


# --------------------------------------------------------------------------------------------
# decode


@pytest.mark.parametrize(("written", "reported"), ENCODINGS)
def test_decode_simplified_table_text(written: str, reported: str) -> None:
    text, encoding = decode(_encode(SIMPLIFIED, written))
    assert text == SIMPLIFIED  # no BOM left at the start, no mojibake
    assert encoding == reported


@pytest.mark.parametrize(("written", "reported"), [*ENCODINGS, pytest.param("big5", "big5", id="big5")])
def test_decode_traditional_table_text(written: str, reported: str) -> None:
    text, encoding = decode(_encode(TRADITIONAL, written))
    assert text == TRADITIONAL
    assert encoding == reported


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("存在問題：萬元", id="short-phrase"),
        pytest.param("存在問題：萬元\n", id="short-line"),
        pytest.param("序號\t存在問題\n1\t缺口500萬元\n", id="tiny-table"),
    ],
)
def test_decode_big5_traditional(text: str) -> None:
    assert decode(text.encode("big5")) == (text, "big5")


def test_decode_short_gbk_cell_is_gb18030() -> None:
    assert decode("完成情况".encode("gbk")) == ("完成情况", "gb18030")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x00\x01\x02\x03binary\x00payload", id="nul-bytes"),
        pytest.param(b"PK\x00\x00" + bytes(range(256)), id="binary-all-bytes"),
        pytest.param(b"abc\x80\xff\xfe", id="invalid-in-every-codec"),
        pytest.param(b"\xff\xfe\xfd\x80\x81", id="utf16-bom-odd-length"),
        pytest.param(b"\xef\xbb\xbf\xff\xfe\xfa", id="utf8-bom-invalid-body"),
    ],
)
def test_decode_rejects_undecodable(data: bytes) -> None:
    with pytest.raises(EncodingError) as info:
        decode(data)
    assert info.value.code == "undecodable_text"


def test_read_text_rejects_binary() -> None:
    with pytest.raises(EncodingError):
        read_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


@pytest.mark.parametrize("newline", [pytest.param("\r\n", id="crlf"), pytest.param("\r", id="cr-only")])
def test_line_endings_give_same_blocks_as_lf(newline: str) -> None:
    lf = seed_txt_bytes().decode("utf-8")
    assert "\r" not in lf
    converted = lf.replace("\n", newline).encode("utf-8")
    assert read_text(converted).blocks == read_text(lf.encode("utf-8")).blocks


def test_control_characters_removed_with_warning() -> None:
    doc = read_text("附件3\n\x07一季度完成情况\n".encode())
    # The reader only decodes: a paragraph per line (the layout stage finds the cells).
    assert doc.blocks == [Paragraph("附件3"), Paragraph("一季度完成情况"), Paragraph("")]
    assert [w.code for w in doc.warnings] == ["control_characters_removed"]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\v", "\r\n", "\r"])
def test_every_unicode_line_break_ends_a_line(separator: str) -> None:
    doc = read_text(f"附件3{separator}一季度完成情况{separator}".encode())
    assert doc.blocks == [Paragraph("附件3"), Paragraph("一季度完成情况"), Paragraph("")]
    assert doc.warnings == []


def test_a_form_feed_between_pages_is_one_line_break() -> None:
    doc = read_text("第一页末行\n\x0c第二页首行\x0c第三页".encode())
    assert doc.blocks == [Paragraph("第一页末行"), Paragraph("第二页首行"), Paragraph("第三页")]
    assert doc.warnings == []


# --------------------------------------------------------------------------------------------
# txt layouts


def laid_out(data: bytes) -> RawDocument:
    """A text file's blocks as the pipeline reads them: decoded, then through the layout stage."""
    return find_structure(read_text(data))[0]


def test_seed_layout() -> None:
    doc = laid_out(seed_txt_bytes())
    assert doc.format == "txt"
    assert doc.encoding == "utf-8"
    assert doc.warnings == []
    assert [type(b) for b in doc.blocks] == [Paragraph, Paragraph, RawTable]
    assert [b.text for b in doc.blocks[:2]] == ["附件3", "一季度完成情况未实现“开门红”目标任务"]
    table = doc.blocks[2]
    rows = texts(table)
    assert len(rows) == 12  # header + 11
    assert {len(r) for r in rows} == {4}
    # The reader keeps the header's layout spaces; the table stage matches them.
    assert rows[0] == ["序号", "目       标      任      务", "完 成 情 况", "牵头责任单位"]
    assert [r[0] for r in rows[1:]] == [str(n) for n in range(1, 12)]
    assert rows[4] == [
        "4",
        "完成FDI3000万美元。",
        "一季度，预计全区实际使用外资215万美元，同比下降73.7%。存在问题：无专项使用外资支持政策。",
        "区商务委",
    ]
    assert rows[5][3] == "区住房城乡建委"
    assert all(c.merge is None for row in table.rows for c in row.cells)


def test_seed_layout_untabbed_line_continues_cell() -> None:
    data = "\t序号\n\t目标任务\n\t完成情况\n\n\t1\n\t建设码头\n\t已完成主体\n收尾中\n\t区交通局\n"
    (table,) = laid_out(data.encode()).blocks
    assert texts(table) == [
        ["序号", "目标任务", "完成情况"],
        ["1", "建设码头", "已完成主体\n收尾中", "区交通局"],
    ]


PIPE_DOC = """附件2

| 填报单位 | 区发展改革委 |
| 填报日期 | 2024年4月10日 |

重点项目推进情况表

| 序号 | 项目内容 | 进展情况 | 责任单位 |
|---|:---:|---|---|
| 1 | 建设码头 | 已完成 50% | 区交通局 |
| 2 | 开工道路 |  | 区住房城乡建委 |

说明：数据截至3月底。
"""


def test_pipe_table_with_separator_and_metadata_table() -> None:
    doc = laid_out(PIPE_DOC.encode())
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "RawTable", "Paragraph", "RawTable", "Paragraph"]
    assert doc.blocks[0].text == "附件2"
    assert texts(doc.blocks[1]) == [["填报单位", "区发展改革委"], ["填报日期", "2024年4月10日"]]
    assert doc.blocks[2].text == "重点项目推进情况表"
    assert texts(doc.blocks[3]) == [  # the ---|:---: line is not a row; an empty cell stays ""
        ["序号", "项目内容", "进展情况", "责任单位"],
        ["1", "建设码头", "已完成 50%", "区交通局"],
        ["2", "开工道路", "", "区住房城乡建委"],
    ]
    assert doc.blocks[4].text == "说明：数据截至3月底。"


def test_tab_separated_table() -> None:
    data = (
        "一季度完成情况\n"
        "序号\t目标任务\t完成情况\t牵头责任单位\n"
        "1\t建设码头\t已完成\t区交通局\n"
        "2\t开工道路\t\t区住房城乡建委\n"
        "\n"
        "说明：数据截至3月底。\n"
    )
    doc = laid_out(data.encode("gb18030"))
    assert doc.encoding == "gb18030"
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "RawTable", "Paragraph"]
    assert texts(doc.blocks[1]) == [
        HEADER,
        ["1", "建设码头", "已完成", "区交通局"],
        ["2", "开工道路", "", "区住房城乡建委"],
    ]


def test_tab_separated_row_with_empty_first_cell() -> None:
    data = (
        "序号\t目标任务\t完成情况\t牵头责任单位\n"
        "1\t建设码头\t已完成\t区交通局\n"
        "\t\t收尾中\t\n"
        "2\t开工道路\t正在招标\t区住房城乡建委\n"
    )
    (table,) = laid_out(data.encode()).blocks
    assert texts(table) == [
        HEADER,
        ["1", "建设码头", "已完成", "区交通局"],
        ["", "", "收尾中", ""],
        ["2", "开工道路", "正在招标", "区住房城乡建委"],
    ]


# --------------------------------------------------------------------------------------------
# docx

NUM = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{}"/></w:numPr></w:pPr>'
REV = 'w:author="审核人" w:date="2024-04-01T00:00:00Z"'


def _table(data: bytes) -> RawTable:
    tables = [b for b in read_docx(data).blocks if isinstance(b, RawTable)]
    assert len(tables) == 1
    return tables[0]


def test_docx_paragraphs_and_table_in_order() -> None:
    data = make_docx(
        [HEADER, ["1", "建设码头", "已完成", "区交通局"]],
        above=["附件3", "一季度完成情况未实现“开门红”目标任务"],
        below=["备注：数据截至3月底。"],
    )
    doc = read(data, "docx")
    assert doc.format == "docx"
    assert doc.warnings == []
    assert [type(b) for b in doc.blocks] == [Paragraph, Paragraph, RawTable, Paragraph]
    assert doc.blocks[0] == Paragraph("附件3")
    assert doc.blocks[1] == Paragraph("一季度完成情况未实现“开门红”目标任务")
    assert texts(doc.blocks[2]) == [HEADER, ["1", "建设码头", "已完成", "区交通局"]]
    assert doc.blocks[3] == Paragraph("备注：数据截至3月底。")


def test_docx_vertical_merge_kept_once() -> None:
    data = make_docx(
        [
            HEADER,
            ["3", "融入RCEP", "下降4.2%", Cell("区商务委", vmerge="restart")],
            ["4", "完成FDI", "下降73.7%", Cell(vmerge="continue")],
            ["5", "开工通道", "修改方案", Cell(vmerge_implicit=True)],  # <w:vMerge/> means continue
            ["6", "激活投资", "创新模式", "区发展改革委"],
        ]
    )
    assert [row[3] for row in cells(_table(data))] == [
        ("牵头责任单位", None),
        ("区商务委", None),
        (None, "above"),
        (None, "above"),
        ("区发展改革委", None),
    ]


def test_docx_grid_span() -> None:
    data = make_docx(
        [
            HEADER,
            [Cell("一、产业发展", span=4)],
            ["1", Cell("任务与进展合写", span=2), "区水利局"],
        ]
    )
    assert cells(_table(data))[1:] == [
        [("一、产业发展", None), (None, "left"), (None, "left"), (None, "left")],
        [("1", None), ("任务与进展合写", None), (None, "left"), ("区水利局", None)],
    ]


def test_docx_vertical_merge_of_spanning_cell() -> None:
    data = make_docx(
        [
            ["序号", "目标任务", "完成情况"],
            ["1", Cell("跨两列", span=2, vmerge="restart")],
            ["2", Cell(span=2, vmerge="continue")],
        ]
    )
    assert cells(_table(data))[2] == [("2", None), (None, "above"), (None, "left")]


def test_docx_grid_before_pads_leading_cells() -> None:
    data = make_docx([HEADER, Row(["1", "建设码头", "已完成"], grid_before=1)], columns=4)
    assert cells(_table(data))[1] == [("", None), ("1", None), ("建设码头", None), ("已完成", None)]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(
            para("已完成", f'<w:ins w:id="1" {REV}><w:r><w:t>主体</w:t></w:r></w:ins>', "建设"),
            "已完成主体建设",
            id="inserted-run-included",
        ),
        pytest.param(
            para("已完成", f'<w:del w:id="2" {REV}><w:r><w:delText>一半</w:delText></w:r></w:del>', "建设"),
            "已完成建设",
            id="deleted-text-excluded",
        ),
        pytest.param(
            para("第一行", "<w:r><w:br/><w:t>第二行</w:t></w:r>"),
            "第一行\n第二行",
            id="br-is-newline",
        ),
        pytest.param(
            para("甲") + para("乙"),
            "甲\n乙",
            id="paragraphs-joined-by-newline",
        ),
        pytest.param(
            "<w:sdt><w:sdtPr/><w:sdtContent>" + para("内容控件中的文字") + "</w:sdtContent></w:sdt>",
            "内容控件中的文字",
            id="cell-level-content-control",
        ),
        pytest.param(
            para("已", "<w:sdt><w:sdtPr/><w:sdtContent>" + "<w:r><w:t>开工</w:t></w:r></w:sdtContent></w:sdt>"),
            "已开工",
            id="run-level-content-control",
        ),
        pytest.param(
            para("计划", '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>', "完成"),
            "计划完成",
            id="field-code-excluded",
        ),
        pytest.param(para("  区交通局  "), "区交通局", id="outer-space-trimmed"),
    ],
)
def test_docx_cell_text(content: str, expected: str) -> None:
    data = make_docx([HEADER, ["1", "建设码头", Cell(xml=content), "区交通局"]])
    assert _table(data).rows[1].cells[2] == RawCell(expected)


def test_docx_deleted_break_and_tab_excluded() -> None:
    deleted = f'<w:del w:id="3" {REV}><w:r><w:delText>删</w:delText><w:br/><w:tab/></w:r></w:del>'
    data = make_docx([HEADER, ["1", "建设码头", Cell(xml=para("保留", deleted, "文本")), "区交通局"]])
    assert _table(data).rows[1].cells[2].text == "保留文本"


def test_docx_row_cells_in_content_control() -> None:
    data = make_docx([HEADER, Row(["6", "数字政府", "已开工", "区大数据发展局"], sdt_cells=True)])
    assert texts(_table(data))[1] == ["6", "数字政府", "已开工", "区大数据发展局"]


def test_docx_rows_in_content_control() -> None:
    import docx

    base = make_docx([HEADER, ["1", "建设码头", "已完成", "区交通局"], ["2", "开工道路", "招标", "区住房城乡建委"]])
    document = docx.Document(io.BytesIO(base))
    tbl = document.tables[0]._tbl
    trs = tbl.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tr")
    (sdt,) = w_xml("<w:sdt><w:sdtPr/><w:sdtContent/></w:sdt>")
    trs[1].addprevious(sdt)
    for tr in trs[1:]:
        sdt[1].append(tr)
    out = io.BytesIO()
    document.save(out)
    assert [r[0] for r in texts(_table(out.getvalue()))] == ["序号", "1", "2"]


def test_docx_body_content_control_paragraph() -> None:
    sdt = "<w:sdt><w:sdtPr/><w:sdtContent>" + para("一季度完成情况") + "</w:sdtContent></w:sdt>"
    doc = read_docx(make_docx([HEADER], above=["附件3"], body_xml_above=sdt))
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["附件3", "一季度完成情况"]


def test_docx_empty_seq_cells_numbered_automatically() -> None:
    def numbered(num_id: int) -> Cell:
        return Cell(xml=para(NUM.format(num_id)))

    data = make_docx(
        [
            HEADER,
            [numbered(7), "建设码头", "已完成", "区交通局"],
            [numbered(7), "开工道路", "招标", "区住房城乡建委"],
            [numbered(9), "另一列表", "进行中", "区水利局"],
            [numbered(7), "数字政府", "已开工", "区大数据发展局"],
            # A numbered paragraph with its own text keeps the text and does not count.
            [Cell(xml=para(NUM.format(7), "十")), "手写序号", "—", "—"],
        ]
    )
    assert [r[0] for r in texts(_table(data))] == ["序号", "1", "2", "1", "3", "十"]


def test_docx_nested_table_flattened_with_warning() -> None:
    nested = (
        para("总体")
        + '<w:tbl><w:tblGrid><w:gridCol w:w="1000"/></w:tblGrid>'
        + "<w:tr><w:tc>"
        + para("子项一")
        + "</w:tc></w:tr>"
        + "<w:tr><w:tc>"
        + para("子项二")
        + "</w:tc></w:tr></w:tbl>"
        + para("")
    )
    doc = read_docx(make_docx([HEADER, ["1", "建设码头", Cell(xml=nested), "区交通局"]]))
    assert doc.blocks[-1].rows[1].cells[2].text == "总体\n子项一\n子项二"
    assert [w.code for w in doc.warnings] == ["nested_table"]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"PK\x03\x04 truncated", id="truncated-zip"),
        pytest.param(b"not a zip at all", id="plain-bytes"),
    ],
)
def test_docx_corrupt(data: bytes) -> None:
    with pytest.raises(CorruptFileError):
        read_docx(data)


def test_docx_zip_without_content_types_is_corrupt() -> None:
    with pytest.raises(CorruptFileError):
        read_docx(_zip({"word/document.xml": "<w:document/>"}))


# --------------------------------------------------------------------------------------------
# sniff


def _zip(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


SMALL_DOCX = make_docx([HEADER, ["1", "建设码头", "已完成", "区交通局"]])


def _ole(stream: str, *, at: int = 512, text: bytes = b"") -> bytes:
    """An OLE compound file holding one directory entry for ``stream`` at offset ``at`` (128-aligned)."""
    name = stream.encode("utf-16-le") + b"\0\0"
    entry = name.ljust(0x40, b"\0") + len(name).to_bytes(2, "little") + b"\x02"
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + text
    return head.ljust(at, b"\0") + entry.ljust(128, b"\0")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdf", id="pdf-magic"),
        pytest.param(b"\xef\xbb\xbf\r\n%PDF-1.4\n", "pdf", id="pdf-magic-after-junk"),
        pytest.param(SMALL_DOCX, "docx", id="docx"),
        pytest.param(SIMPLIFIED.encode("utf-8"), "txt", id="utf8-text"),
        pytest.param(SIMPLIFIED.encode("gb18030"), "txt", id="gb18030-text"),
        pytest.param(SIMPLIFIED.encode("utf-16"), "txt", id="utf16-text"),
        pytest.param(_zip({"xl/workbook.xml": "<x/>"}), "xlsx", id="xlsx"),
        pytest.param(_ole("WordDocument"), "doc", id="ole-doc"),
        pytest.param(_ole("Workbook"), "xls", id="ole-xls"),
        pytest.param(_ole("Book", at=3 << 20), "xls", id="ole-directory-at-the-end"),
        # a style named "Book Title" in the text is not a Book stream; the WordDocument entry decides
        pytest.param(
            _ole("WordDocument", text="Book Title".encode("utf-16-le") + b"\0\0"), "doc", id="ole-book-as-text"
        ),
        pytest.param(b"<!DOCTYPE html>\n<html><body>x</body></html>", "html", id="html-doctype"),
        pytest.param("\ufeff<html lang=zh><table><tr><td>序号</td></tr></table>".encode(), "html", id="html-bom"),
        pytest.param(b"<div><table border=1><tr><th>a</th></tr></table></div>", "html", id="html-fragment-table"),
        pytest.param("序号 < 5 的任务 <b>".encode(), "txt", id="text-with-angle-brackets"),
    ],
)
def test_sniff_format(data: bytes, expected: str) -> None:
    assert sniff(data) == expected


def test_sniff_docx_named_pdf_is_docx(tmp_path) -> None:
    path = tmp_path / "附件3.pdf"
    path.write_bytes(SMALL_DOCX)
    assert sniff(path.read_bytes()) == "docx"


@pytest.mark.parametrize(
    ("data", "error", "code"),
    [
        pytest.param(_zip({"readme.txt": "hello"}), UnsupportedFormatError, "unsupported_format", id="zip-no-word"),
        pytest.param(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024),
            UnsupportedFormatError,
            "unsupported_format",
            id="ole-neither-word-nor-excel",
        ),
        pytest.param(
            _ole("EncryptionInfo"),
            EncryptedFileError,
            "encrypted",
            id="ole-encrypted",
        ),
        pytest.param(b"", CorruptFileError, "corrupt_file", id="empty"),
        pytest.param(SMALL_DOCX[: len(SMALL_DOCX) // 2], CorruptFileError, "corrupt_file", id="truncated-docx"),
        pytest.param(SMALL_DOCX[:-30], CorruptFileError, "corrupt_file", id="docx-missing-tail"),
        pytest.param(b"PK\x03\x04", CorruptFileError, "corrupt_file", id="zip-magic-only"),
    ],
)
def test_sniff_errors(data: bytes, error: type[Exception], code: str) -> None:
    with pytest.raises(error) as info:
        sniff(data)
    assert type(info.value) is error
    assert info.value.code == code


# --------------------------------------------------------------------------------------------
# pdf


@cache
def _pdf(name: str) -> RawDocument:
    return read_pdf(fixture_bytes(name))


def _pdf_tables(name: str) -> list[RawTable]:
    return [b for b in _pdf(name).blocks if isinstance(b, RawTable)]


def test_seed_pdf_one_table_per_page() -> None:
    doc = _pdf("seed.pdf")
    assert doc.format == "pdf"
    assert doc.warnings == []
    tables = _pdf_tables("seed.pdf")
    assert len(tables) == 3
    for page, table in enumerate(tables, start=1):
        assert {row.page for row in table.rows} == {page}
        assert {len(row.cells) for row in table.rows} == {4}


def test_seed_pdf_header_repeated_without_layout_spaces() -> None:
    for table in _pdf_tables("seed.pdf"):
        assert texts(table)[0] == HEADER


def test_seed_pdf_first_page_paragraphs() -> None:
    doc = _pdf("seed.pdf")
    first = [b for b in doc.blocks if isinstance(b, Paragraph) and b.page == 1 and not is_furniture(b.text)]
    assert [p.text for p in first] == ["附件3", "一季度完成情况未实现“开门红”目标任务"]
    # they come before the first table
    assert doc.blocks[:2] == first
    # no other paragraph: the page numbers ("— 1 —" at each page's foot) are dropped by the reader
    others = [b.text for b in doc.blocks if isinstance(b, Paragraph) and b not in first]
    assert others == []


def test_seed_pdf_rows_and_page_break_fragments() -> None:
    seqs = [[row[0] for row in texts(t)[1:]] for t in _pdf_tables("seed.pdf")]
    # Row 5 and row 8 cross a page break: the next page starts with a fragment with no 序号.
    assert seqs == [["1", "2", "3", "4", "5"], ["", "6", "7", "8"], ["", "9", "10", "11"]]
    fragment = texts(_pdf_tables("seed.pdf")[1])[1]
    assert fragment[0] == fragment[1] == fragment[3] == ""
    assert fragment[2].startswith("善。基本完成可研报告编制")


def test_seed_pdf_cell_text_has_no_layout_whitespace() -> None:
    table = _pdf_tables("seed.pdf")[0]
    row3 = texts(table)[3]
    assert row3[1].startswith("积极融入RCEP行动计划、西部陆海新通道")
    assert row3[3] == "区商务委"
    assert not any(ch in (c or "") for t in _pdf_tables("seed.pdf") for r in texts(t) for c in r for ch in "\n\u3000")


def test_seed_merged_pdf_merged_cell_is_none() -> None:
    row4 = _pdf_tables("seed_merged.pdf")[0].rows[4]
    assert row4.cells[0].text == "4"
    assert row4.cells[3] == RawCell(None)
    assert row4.page == 1


def _blank_pdf() -> bytes:
    """A valid one-page PDF with a drawn line and no text at all."""
    stream = b"0 0 m 100 100 l S"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    return pdf_from_objects(objects)


def test_pdf_without_text_layer() -> None:
    data = _blank_pdf()
    assert sniff(data) == "pdf"
    with pytest.raises(NoTextLayerError):
        read_pdf(data)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"%PDF-1.4\ngarbage", id="header-only"),
        pytest.param(b"%PDF", id="magic-only"),
    ],
)
def test_pdf_corrupt(data: bytes) -> None:
    with pytest.raises(CorruptFileError):
        read_pdf(data)


def test_seed_layout_line_with_only_a_tab_is_an_empty_cell() -> None:
    """Word's copy-as-text writes an empty cell as a lone tab; it must not end the row."""
    text = (
        "\t序号\n\t目标任务\n\t完成情况\n\t牵头单位\n\n"
        "\t1\n\t任务一。\n\t\n\t区商务委\n\n"
        "\t2\n\t任务二。\n\t进展。\n\t\n"
    )
    (table,) = [b for b in laid_out(text.encode("utf-8")).blocks if isinstance(b, RawTable)]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["序号", "目标任务", "完成情况", "牵头单位"],
        ["1", "任务一。", "", "区商务委"],
        ["2", "任务二。", "进展。", ""],
    ]
