"""PDF text outside tables read as prose: lines the page wrapped joined into their paragraph, by geometry.

The PDFs are typeset here (``typeset``): each character placed by its own text operator in a
non-embedded Adobe-GB1 font (ideographs 1 em wide, ASCII half an em), lines broken where the next
piece does not fit (a Latin word or number is one piece; a closing mark never starts a line), so
that the geometry is exactly what a test states: first-line indents, justified or ragged lines,
paragraph spacing, page numbers and running heads, a paragraph running over a page break. Both PDF
engines must read each the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

import extractor
from extractor.options import ReadOptions
from extractor.readers.pdf import read_pdf
from extractor.readers.raw import Paragraph, RawDocument
from tests.conftest_helpers import pdf_from_objects

WIDTH, HEIGHT = 595.0, 842.0
CLOSING = set("，。、；：？！）」』”’》,.;:?!)%")


@dataclass
class Style:
    size: float = 12.0
    left: float = 90.0
    right: float = 505.0  # the text block's right edge (mirrors the left margin on A4)
    indent: float = 0.0  # first-line indent, in em
    leading: float = 1.5  # line pitch, × size
    spacing: float = 0.0  # extra blank after a paragraph, × size
    justify: bool = False
    top: float = 72.0
    bottom: float = 760.0  # a line whose bottom would pass this goes to the next page


@dataclass
class Doc:
    style: Style = field(default_factory=Style)
    pages: list[list[tuple[float, float, float, str]]] = field(default_factory=lambda: [[]])
    y: float = 0.0

    def __post_init__(self) -> None:
        self.y = self.style.top


def _width(char: str, size: float) -> float:
    return size * (0.5 if char < "\u2e80" else 1.0)


def _pieces(text: str) -> list[str]:
    """Unbreakable pieces: a run of ASCII letters/digits (a word or number), a space, an ideograph."""
    out: list[str] = []
    for char in text:
        if out and char != " " and char < "\u2e80" and out[-1][-1] != " " and out[-1][-1] < "\u2e80":
            out[-1] += char
        else:
            out.append(char)
    return out


def _lines(text: str, style: Style) -> list[list[str]]:
    size, lines, line, x = style.size, [], [], style.left + style.indent * style.size
    for piece in _pieces(text):
        width = sum(_width(c, size) for c in piece) if piece != " " else size / 3
        if line and x + width > style.right + 0.01 and piece != " ":
            carried = [line.pop()] if piece[0] in CLOSING and line else []  # a closing mark takes its character down
            lines.append(line)
            line = carried
            x = style.left + sum(_width(c, size) for p in line for c in p)
        if piece == " " and not line:
            continue
        line.append(piece)
        x += width
    if line:
        lines.append(line)
    return lines


def _place(doc: Doc, pieces: list[str], x0: float, spread: float) -> None:
    style = doc.style
    if doc.y + style.size > style.bottom:
        doc.pages.append([])
        doc.y = style.top
    gaps = max(len(pieces) - 1, 1)
    x = x0
    for k, piece in enumerate(pieces):
        for char in piece:
            if char != " ":
                doc.pages[-1].append((x, doc.y, style.size, char))
            x += style.size / 3 if char == " " else _width(char, style.size)
        if k < len(pieces) - 1:
            x += spread / gaps


def typeset(doc: Doc, text: str, **changes: float | bool) -> Doc:
    """One paragraph, wrapped at the style's right edge (``changes`` override the style for it)."""
    style = Style(**{**doc.style.__dict__, **changes})
    saved, doc.style = doc.style, style
    lines = _lines(text, style)
    for k, pieces in enumerate(lines):
        x0 = style.left + (style.indent * style.size if k == 0 else 0.0)
        used = sum(style.size / 3 if p == " " else sum(_width(c, style.size) for c in p) for p in pieces)
        spread = style.right - x0 - used if style.justify and k < len(lines) - 1 else 0.0
        _place(doc, pieces, x0, spread)
        doc.y += style.leading * style.size
    doc.y += style.spacing * style.size
    doc.style = saved
    return doc


def put(doc: Doc, page: int, x: float, top: float, text: str, size: float = 12.0) -> Doc:
    """Text at a fixed place (a page number, a running head): characters side by side from x."""
    while len(doc.pages) <= page:
        doc.pages.append([])
    for char in text:
        if char != " ":
            doc.pages[page].append((x, top, size, char))
        x += size / 3 if char == " " else _width(char, size)
    return doc


def pdf_bytes(doc: Doc) -> bytes:
    font = b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>"
    cid = (
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (GB1) /Supplement 4 >> /DW 1000 /W [1 95 500] /FontDescriptor << /Type /FontDescriptor "
        b"/FontName /STSong-Light /Flags 6 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 1000 /Descent 0 "
        b"/CapHeight 1000 /StemV 93 >> >>"
    )
    n = len(doc.pages)
    kids = b" ".join(b"%d 0 R" % (5 + 2 * i) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n), font, cid]
    for i, chars in enumerate(doc.pages):
        ops = [
            f"BT /F1 {size:g} Tf {x:.2f} {HEIGHT - top - size:.2f} Td <{char.encode('utf-16-be').hex()}> Tj ET"
            for x, top, size, char in chars
        ]
        stream = "\n".join(ops).encode()
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % (WIDTH, HEIGHT, 6 + 2 * i)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    return pdf_from_objects(objects)


def paragraphs(doc: Doc) -> list[str]:
    """The paragraphs read (pdfium), checked identical with the pdfplumber engine's reading."""
    data = pdf_bytes(doc)
    readings = [read_pdf(data, options=ReadOptions(pdf_engine=engine)) for engine in ("pdfium", "pdfplumber")]
    texts = [_texts(reading) for reading in readings]
    assert texts[0] == texts[1]
    return texts[0]


def _texts(document: RawDocument) -> list[str]:
    return [block.text for block in document.blocks if isinstance(block, Paragraph)]


# Item texts long enough to wrap over two to four lines of 34 ideographs.
ITEMS = [
    "（一）推进城乡道路提档升级。全年完成农村公路改造120公里，新建桥梁8座，打通断头路5条，城乡公交一体化覆盖率达到95%以上。",
    "（二）加快老旧小区改造。改造老旧小区36个、惠及居民1.2万户，同步加装电梯40部，完善停车、充电、养老托育等配套设施。",
    "（三）提升医疗服务水平。建成区人民医院新院区并投入使用，组建紧密型医共体3个，家庭医生签约服务覆盖率提高到75%。",
]


@pytest.mark.parametrize("justify", [True, False], ids=["justified", "ragged"])
def test_indented_paragraphs_without_spacing_are_joined_line_by_line(justify: bool) -> None:
    """Word's Chinese default: a 2-em first-line indent and no space between paragraphs. A line
    the page wrapped goes on in the next line; an indented line opens the next paragraph."""
    doc = Doc(Style(indent=2.0, justify=justify))
    typeset(doc, "一、基础设施建设", indent=0.0)
    for item in ITEMS:
        typeset(doc, item)
    assert paragraphs(doc) == ["一、基础设施建设", *ITEMS]


def test_ragged_paragraphs_parted_by_spacing_only() -> None:
    """LibreOffice's layout of a text file's lines: no indent, a blank after each paragraph, ragged
    right. A paragraph's full lines go on; the blank before the next one parts them even where the
    line above happens to run to the edge."""
    doc = Doc(Style(spacing=0.8))
    texts = [*ITEMS, "牵头单位：区交通运输局、区住房和城乡建设局、区卫生健康局、区财政局、区发展和改革局、区自然资源局"]
    for text in texts:
        typeset(doc, text)
    assert paragraphs(doc) == texts


def test_a_short_line_ends_its_paragraph_even_without_spacing() -> None:
    """No indent and no spacing: only where the line above ends tells. A line that leaves room for
    the next line's first piece was ended by its author."""
    doc = Doc(Style())
    texts = ["（一）完成情况良好。", "（二）推进农村公路改造，年内完成43公里通村道路硬化。", ITEMS[0], "已完成。"]
    for text in texts:
        typeset(doc, text)
    assert paragraphs(doc) == texts


def test_a_line_wrapped_before_a_long_number_or_a_bracket_goes_on() -> None:
    """The page could not break inside "20240630" nor leave "（" at a line's end: the line above
    ends well short of the edge (more than 2 em), and still the next line goes on with it."""
    filler = "推进" * 16  # 32 ideographs: 2 em of room left on a 34-em line
    doc = Doc(Style(spacing=0.0))
    typeset(doc, filler + "截至20240630日已完成。")
    typeset(doc, filler + "（牵头单位：区发改委）")
    typeset(doc, filler + "进展。")  # "进展。" cannot break before "。": the line ends 1 em short
    assert paragraphs(doc) == [filler + "截至20240630日已完成。", filler + "（牵头单位：区发改委）", filler + "进展。"]


def test_latin_words_wrapped_keep_their_space() -> None:
    """A line the page broke between two Latin words goes on after a space; one it broke between
    ideographs goes on without."""
    words = "推进智慧城市建设，落实 Smart City Blueprint for Hong Kong 2.0 各项措施，" * 3
    doc = Doc(Style(spacing=1.0))
    typeset(doc, words)
    assert paragraphs(doc) == [words]


def test_spaces_the_page_shows_are_kept_and_asian_latin_spacing_is_no_space() -> None:
    """A space between two cells of a row copied as text ("1 地区生产总值增长6% 区发改委") parts them
    in the text a PDF gives, as in a text file; the quarter-em gap a typesetter leaves between an
    ideograph and a digit ("2021年") is no space."""
    doc = Doc(Style(spacing=1.0))
    typeset(doc, "1 地区生产总值增长6%以上。 区发展改革委 同比增长2.9%。")
    page = doc.pages[0]
    autospaced = "完成2021年目标"
    x = 90.0
    for char in autospaced:
        page.append((x, 200.0, 12.0, char))
        x += _width(char, 12.0) + (2.6 if char in "成1" else 0.0)  # 0.22 em beside the digits
    assert paragraphs(doc) == ["1 地区生产总值增长6%以上。 区发展改革委 同比增长2.9%。", autospaced]


def test_a_paragraph_goes_on_across_a_page_break_past_page_number_and_running_head() -> None:
    doc = Doc(Style(indent=2.0, justify=True, leading=2.0))
    filler = ITEMS[1] * 3
    while len(doc.pages) < 2 or doc.y < 600:  # fill into page 2
        typeset(doc, filler)
    texts = paragraphs(doc)
    for page in range(len(doc.pages)):
        put(doc, page, 270.0, 790.0, f"— {page + 1} —")
        put(doc, page, 190.0, 40.0, f"某某区{2023}年重点工作推进情况 第{page + 1}期", size=10.5)
    read = paragraphs(doc)
    assert read == texts  # the page numbers and running heads dropped, the first page's too
    assert all(text == filler for text in read)
    assert len(doc.pages) >= 2 and len(read) * len(filler) > 0


def test_a_paragraph_across_a_page_break_that_ended_there_stays_apart() -> None:
    """The last line of page 1 leaves room: the paragraph ended at the page's foot."""
    doc = Doc(Style(indent=0.0))
    short = "（一）完成情况良好。"
    while len(doc.pages) < 2:
        typeset(doc, short)
    assert set(paragraphs(doc)) == {short}
    assert len(paragraphs(doc)) == sum(1 for page in doc.pages for char in page if char[3] == "（")


def test_a_page_that_shows_no_right_edge_joins_nothing() -> None:
    """Short lines of one length (a list, a table copied as text) and a lone long title: no line
    shows where the page wraps, so every line stays its own paragraph."""
    doc = Doc(Style(right=300.0))
    texts = ["序号 任务 牵头单位", "1 道路改造 区交通局", "2 小区改造 区住建局", "3 医疗服务 区卫健局"]
    for text in texts:
        typeset(doc, text)
    assert paragraphs(doc) == texts
    titled = Doc(Style())
    put(titled, 0, 120.0, 72.0, "2023年重点工作任务完成情况表（第三季度）汇总", size=16.0)
    put(titled, 0, 90.0, 96.0, "填报单位：区政府办公室", size=12.0)
    assert paragraphs(titled) == ["2023年重点工作任务完成情况表（第三季度）汇总", "填报单位：区政府办公室"]


SPACED_TABLE = [
    "序号 目标任务 牵头单位 完成情况",
    "1 全年完成农村公路改造120公里，新建桥梁8座，打通断头路5条，城乡公交一体化覆盖率达到95%以上 区交通局 "
    "已完成农村公路改造126公里，新建桥梁8座，打通断头路4条，剩余1条正在施工，预计年底前贯通",
    "2 改造老旧小区36个、惠及居民1.2万户，同步加装电梯40部 区住建局 已开工36个，完工28个，加装电梯31部",
    "3 建成区人民医院新院区并投入使用，组建紧密型医共体3个 区卫健局 新院区已于9月投入使用，医共体组建完成",
]


def test_a_table_copied_as_text_reads_as_from_the_text_file() -> None:
    """Rows of a table flattened to one line each (cells parted by spaces), printed to PDF: the
    rows read from the PDF are those read from the text."""
    doc = Doc(Style(spacing=0.8))
    for text in SPACED_TABLE:
        typeset(doc, text)
    from_pdf = extractor.parse(pdf_bytes(doc))
    from_text = extractor.parse("\n".join(SPACED_TABLE).encode("utf-8"))
    pdf_rows = [(r.seq, r.task, r.progress) for t in from_pdf.tables for r in t.rows]
    text_rows = [(r.seq, r.task, r.progress) for t in from_text.tables for r in t.rows]
    assert len(text_rows) == 3 and text_rows[1][0] == 2
    assert pdf_rows == text_rows


def test_a_wide_gap_reads_as_as_many_spaces_as_it_holds() -> None:
    """Columns set apart by wide gaps (a fixed-width table printed as text) keep their gaps as runs
    of spaces of about the gap's width, as pdftotext's layout mode writes them: the text layouts
    read a run of spaces as a column boundary, one space as a word's."""
    doc = Doc()
    space = 0.32 * 12
    for top, cells in ((100.0, ("农业基础设施", "9", "51")), (120.0, ("综合交通", "176", "31"))):
        put(doc, 0, 90.0, top, cells[0])
        put(doc, 0, 300.0 - _width("0", 12) * len(cells[1]), top, cells[1])  # numbers right-aligned
        put(doc, 0, 400.0 - _width("0", 12) * len(cells[2]), top, cells[2])
    first, second = paragraphs(doc)
    gap = 300.0 - 6 - (90.0 + 6 * 12)
    assert first == "农业基础设施" + " " * round(gap / space) + "9" + " " * round((400 - 12 - 300) / space) + "51"
    assert second.split() == ["综合交通", "176", "31"] and "  " in second


@pytest.mark.parametrize(
    "opening",
    ["2.坚持必要的人员管控和健康监测措施。", "（二）加快老旧小区改造。", "责任单位：市卫生健康委、各县（市、区）政府"],
)
def test_an_item_or_a_label_opening_a_line_opens_a_paragraph(opening: str) -> None:
    """No indent, no spacing, ragged right, and the line above happens to fill the page: only the
    words tell. A line opening an item ("2.", "（二）") or a field the vocabulary knows ("责任单位：")
    starts a paragraph; a line opening with anything else goes on."""
    full = "推进城乡道路提档升级，全年完成农村公路改造一百二十公里，新建桥八座。"  # 34 em: the whole line
    assert len(full) == 34
    doc = Doc(Style())
    typeset(doc, full)
    typeset(doc, opening)
    typeset(doc, full + "城乡公交一体化覆盖率达到百分之九十五以上。")
    assert paragraphs(doc) == [full, opening, full + "城乡公交一体化覆盖率达到百分之九十五以上。"]


def test_no_line_breaks_beside_a_quotation_mark() -> None:
    """ "开展“一户一策”": a line breaker keeps a quotation mark with both its neighbours, so a line
    that ends 1.6 em short before "展“一" was still wrapped by the page."""
    doc = Doc(Style())
    put(doc, 0, 90.0, 100.0, "救助市城区特困群众三百五十户。升钟库区完成新村扶贫帮扶七个。开")  # 33 em: 19 pt short
    put(doc, 0, 90.0, 118.0, "展“一户一策”帮扶。")
    put(doc, 0, 90.0, 200.0, "开展" * 17)  # 34 em: shows the right edge at 505
    assert paragraphs(doc)[0] == "救助市城区特困群众三百五十户。升钟库区完成新村扶贫帮扶七个。开展“一户一策”帮扶。"


@pytest.mark.parametrize(
    "number", ["— {} —", "-{}-", "第 {} 页 共 3 页", "{}"], ids=["dashes", "hyphens", "ye", "bare"]
)
def test_page_numbers_and_running_heads_are_dropped_and_the_text_between_kept(number: str) -> None:
    """Every item stays, in order, whatever stands at the pages' feet and heads: the page numbers
    (a bare number only as the one after the page before's) and a running head repeated on each
    page are dropped, the first page's too."""
    doc = Doc(Style(spacing=0.5))
    items = [f"{k}.推进第{k}项重点工作，完成年度目标任务。" for k in range(1, 60)]
    for item in items:
        typeset(doc, item)
    for page in range(len(doc.pages)):
        put(doc, page, 280.0, 790.0, number.format(page + 1))
        put(doc, page, 180.0, 40.0, "某某县人民政府办公室 2023年第4期", size=10.5)
    assert len(doc.pages) == 3
    assert paragraphs(doc) == items


def test_a_bare_number_at_a_pages_foot_that_counts_no_pages_is_kept() -> None:
    """A 序号 alone on its line (a table copied as one cell a line) may end a page: kept, unless the
    pages' last numbers run 1, 2, 3 as page numbers do."""
    doc = Doc(Style(spacing=2.0))
    cells = [text for k in range(1, 30) for text in (str(k), f"第{k}项任务", "已完成")]
    for cell in cells:
        typeset(doc, cell)
    assert len(doc.pages) >= 2
    assert paragraphs(doc) == cells


def test_a_cell_that_opens_two_pages_and_stands_in_their_bodies_is_kept() -> None:
    """A cell "已完成" at the top of three pages in a row, set apart by the blank between cells, is no
    running head: the same words stand in the pages' bodies too."""
    doc = Doc()
    pages = [
        ["已完成", str(k + 1), "推进老旧小区改造", "已完成", unit]
        for k, unit in enumerate(["区住建局", "区交通局", "区卫健局"])
    ]
    for page, cells in enumerate(pages):
        for row, text in enumerate(cells):
            put(doc, page, 90.0, 72.0 + 36.0 * row, text)  # a blank line between cells
    assert paragraphs(doc) == [text for cells in pages for text in cells]


def test_pdfiums_mark_for_a_hyphen_at_a_lines_end_reads_as_the_hyphen() -> None:
    """PDFium returns U+FFFE (no character) for a hyphen it takes for a word broken at a line's end
    ("调整为-" / "4%左右" in a LibreOffice PDF); pdfminer reads the "-" the page shows."""
    from extractor.readers import pdfium

    assert pdfium._character(0xFFFE) == "-"
    assert pdfium._character(0x4E00) == "一"
    assert pdfium._character(0x110000) == "\ufffd"


PARTS = [item.split("。", 1)[1] for item in ITEMS]


def test_a_running_foot_that_ended_a_page_takes_no_paragraph_with_it() -> None:
    """A foot repeated on every page is known for one only on the next page; the paragraph that page
    opens with went on from the page before's last paragraph, the foot, and was lost with it (review26)."""
    doc = Doc(Style())
    for page, text in enumerate(PARTS):
        if page:
            doc.pages.append([])
            doc.y = doc.style.top
        typeset(doc, text)
    for page in range(len(PARTS)):
        put(doc, page, 385.0, 790.0, "某某县人民政府办公室")
    assert paragraphs(doc) == PARTS


def test_a_title_the_next_page_repeats_small_as_its_head_is_kept() -> None:
    """Page 1's 16-point title and page 2's 9-point running head say the same: the title is no
    furniture (review26)."""
    title = "某县2023年1-6月重点工作任务完成情况"
    doc = Doc(Style())
    put(doc, 0, 150.0, 60.0, title, size=16.0)
    doc.y = 110.0
    typeset(doc, PARTS[0])
    doc.pages.append([])
    doc.y = 110.0
    put(doc, 1, 200.0, 60.0, title, size=9.0)
    typeset(doc, PARTS[1])
    read = paragraphs(doc)
    assert read[:2] == [title, PARTS[0]]
    assert PARTS[1] in read


def test_glyphs_of_no_size_are_read_without_a_division_by_zero() -> None:
    """Text set with a font size of 0 (Tf 0: invisible text) has glyphs of no height (review26)."""
    doc = Doc(Style())
    typeset(doc, PARTS[0])
    for k, char in enumerate("隐藏文字"):  # set apart, as a page of invisible text places them
        put(doc, 0, 100.0 + 20 * k, 700.0, char, size=0.0)
    data = pdf_bytes(doc)
    for engine in ("pdfium", "pdfplumber"):  # (the engines disagree on whether such glyphs are text at all)
        assert PARTS[0] in _texts(read_pdf(data, options=ReadOptions(pdf_engine=engine)))
