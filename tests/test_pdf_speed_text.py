"""The PDFium path without pdfplumber and pdfminer: the same text, and the same page count.

``pdf._page_text`` and ``pdf.band_text`` stand in for pdfplumber's ``Page.extract_text()`` and
``chars_to_textmap(crop_to_bbox(…))``, on both engines' pages; ``pdfium.vouched_pages`` decides
when PDFium's page count may stand for pdfminer's count of the page tree's leaves, and must say
no whenever the two could differ.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from extractor.errors import ExtractorError
from extractor.limits import Limits
from extractor.options import ReadOptions
from extractor.readers import pdfium
from extractor.readers.pdf import _page_text, band_text, read_pdf
from extractor.readers.raw import RawTable
from tests.conftest_helpers import pdf_from_objects
from tests.helpers import FIXTURES, SAMPLES

PDFS = sorted([SAMPLES / "seed.pdf", *(p for p in FIXTURES.rglob("*.pdf") if p.name != "seed1100.pdf")])
READABLE = [p for p in PDFS if "encrypted_user" not in p.name]
PDFIUM = ReadOptions(pdf_engine="pdfium")
PLUMBER = ReadOptions(pdf_engine="pdfplumber")


def _both_engines_pages(path: Path) -> list[Any]:
    import pdfplumber

    pages: list[Any] = []
    with pdfplumber.open(path) as pdf:
        pages.extend(pdf.pages)
        with pdfium.opened(path.read_bytes()) as document:
            pages.extend(pdfium.read_page(document, i, 0.0) for i in range(pdfium.page_count(document)))
        for page in pages:  # read while the file is open
            page.chars  # noqa: B018
    return pages


@pytest.mark.parametrize("path", READABLE, ids=lambda p: p.name)
def test_page_text_is_pdfplumbers_on_both_engines(path: Path) -> None:
    from pdfplumber.utils import chars_to_textmap, crop_to_bbox

    for page in _both_engines_pages(path):
        width, height = page.width, page.height
        reference = chars_to_textmap(page.chars, layout_bbox=page.bbox, layout_width=width, layout_height=height)
        assert _page_text(page) == reference.as_string
        assert page.extract_text() == reference.as_string
        x0, top, x1, bottom = page.bbox
        for y0 in range(int(top) - 5, int(bottom), 23):  # bands cutting through lines of text
            for y1 in (y0 + 1.5, y0 + 17, y0 + 120):
                box = (x0, y0, x1, y1)
                clipped = crop_to_bbox(page.chars, box)
                expected = chars_to_textmap(clipped, layout_bbox=box, layout_width=x1 - x0, layout_height=y1 - y0)
                assert band_text(page.chars, box) == expected.as_string


def _char(text: str, x0: float, top: float, upright: bool = True) -> dict[str, Any]:
    return {
        "text": text,
        "x0": x0,
        "x1": x0 + 6,
        "top": top,
        "bottom": top + 10,
        "doctop": top,
        "upright": upright,
        "width": 6,
        "height": 10,
    }


@pytest.mark.parametrize(
    "chars",
    [
        pytest.param([_char("完", 10, 20), _char("成", 16, 21), _char("情", 40, 20)], id="cjk-gap"),
        pytest.param([_char("A", 10, 5), _char("B", 10, 40), _char("C", 17, 5.5)], id="two-lines-out-of-order"),
        pytest.param([_char("\ufb01", 10, 5), _char("x", 16, 5)], id="ligature"),
        pytest.param([_char("A", 10, 5), _char("B", 16, 5, upright=False)], id="not-upright"),
        pytest.param([_char("1", 10, -4), _char("2", 16, 2), _char("3", 22, 8)], id="clipped-at-the-top"),
        pytest.param([], id="empty"),
    ],
)
def test_band_text_is_pdfplumbers_crop_and_text(chars: list[dict[str, Any]]) -> None:
    from pdfplumber.utils import chars_to_textmap, crop_to_bbox

    box = (0.0, 0.0, 100.0, 30.0)
    expected = chars_to_textmap(crop_to_bbox(chars, box), layout_bbox=box, layout_width=100, layout_height=30)
    assert band_text(chars, box) == expected.as_string


def test_the_pdfium_path_loads_neither_pdfplumber_nor_pdfminer() -> None:
    code = (
        "import sys; from extractor.readers.pdf import read_pdf; "
        f"document = read_pdf(open({str(SAMPLES / 'seed.pdf')!r}, 'rb').read()); "
        "assert document.blocks; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pdfplumber', 'pdfminer', 'cryptography')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# --------------------------------------------------------------------------------------------
# the page count

PAGE = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>"
)


def _pages_pdf(leaves: int, declared: int, orphans: int = 0) -> bytes:
    """``leaves`` pages of text in the tree, whose /Count says ``declared``; ``orphans`` more page
    dictionaries outside the tree (an incremental update leaves the old ones behind)."""
    font = 3 + 2 * (leaves + orphans)
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(leaves))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, declared)]
    for index in range(leaves + orphans):
        content = b"BT /F1 12 Tf 20 150 Td (Page %d of the report, with enough text to read) Tj ET" % (index + 1)
        objects.append(PAGE % (4 + 2 * index, font))
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return pdf_from_objects(objects)


def _vouched(data: bytes, cap: int | None = 2000) -> bool:
    with pdfium.opened(data) as document:
        return pdfium.vouched_pages(data, document, pdfium.page_count(document), cap)


def _outcome(data: bytes, options: ReadOptions, limits: Limits | None = None) -> Any:
    try:
        document = read_pdf(data, limits or Limits(), options)
    except ExtractorError as error:
        return error.code, str(error)
    return [
        [[c.text for c in row.cells] for row in block.rows] if isinstance(block, RawTable) else (block.text, block.page)
        for block in document.blocks
    ]


def test_an_honest_page_tree_is_vouched_for() -> None:
    assert _vouched(_pages_pdf(3, 3))
    assert _vouched((SAMPLES / "seed.pdf").read_bytes())
    assert _vouched((FIXTURES / "seed1100.pdf").read_bytes())


@pytest.mark.parametrize(
    ("data", "why"),
    [
        pytest.param(lambda: _pages_pdf(3, 2), "a /Count lower than the leaves", id="count-low"),
        pytest.param(lambda: _pages_pdf(3, 5), "a /Count higher than the leaves", id="count-high"),
        pytest.param(lambda: _pages_pdf(3, 3, orphans=1), "a page dictionary outside the tree", id="orphan"),
        pytest.param(
            lambda: (FIXTURES / "hostile" / "encrypted_owner_only.pdf").read_bytes(), "encrypted", id="encrypted"
        ),
    ],
)
def test_a_page_count_in_doubt_is_left_to_pdfminer(data: Any, why: str) -> None:
    content = data()
    assert not _vouched(content), why
    assert _outcome(content, PDFIUM) == _outcome(content, PLUMBER)


def test_a_damaged_cross_reference_table_is_not_vouched_for() -> None:
    data = (SAMPLES / "seed.pdf").read_bytes()
    at = data.index(b"\nxref")
    garbled = data[:at] + data[at:].replace(b"0000", b"9x9x", 20)
    assert not _vouched(garbled)


def test_a_count_over_the_limit_is_counted_by_pdfminer_and_refused_alike() -> None:
    data = _pages_pdf(3, 3)
    assert not _vouched(data, cap=2)
    refused = _outcome(data, PDFIUM, Limits(max_pdf_pages=2))
    assert refused[0] == "too_large" and "more than 2 pages" in refused[1]
    assert refused == _outcome(data, PLUMBER, Limits(max_pdf_pages=2))


# --------------------------------------------------------------------------------------------
# text that is not upright goes to pdfplumber's own code, with the right characters

ROTATED_IN_A_CELL = (
    b"0.5 w 20 40 260 120 re S 150 40 m 150 160 l S 20 100 m 280 100 l S "
    b"BT /F1 12 Tf 30 130 Td (Number) Tj ET BT /F1 12 Tf 160 130 Td (Task) Tj ET "
    b"BT /F1 12 Tf 30 70 Td (1) Tj ET BT /F1 12 Tf 0 1 -1 0 200 50 Tm (Road) Tj ET "
    b"BT /F1 12 Tf 230 70 Td (ok) Tj ET BT /F1 9 Tf 0 1 -1 0 12 170 Tm (Draft) Tj ET"
)


def test_text_turned_in_a_cell_is_read_by_pdfplumbers_code_on_pdfium_characters() -> None:
    from pdfplumber.table import Table as PlumberTable
    from pdfplumber.utils import chars_to_textmap, crop_to_bbox

    from extractor.readers.pdf import _Placed

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(ROTATED_IN_A_CELL), ROTATED_IN_A_CELL),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    data = pdf_from_objects(objects)
    with pdfium.opened(data) as document:
        page = pdfium.read_page(document, 0, 0.0)
    assert not all(g[5] for g in page.glyphs)  # "Road" and "Draft" run upwards
    placed = _Placed(page.glyphs, lambda: page.chars)
    (table,) = page.find_tables()
    cells = placed.table_cells(table)
    assert cells == PlumberTable(page, table.cells).extract()
    assert cells[1][0] == "1" and "daoR" in (cells[1][1] or "")
    for box in ((0.0, 0.0, 300.0, 40.0), (0.0, 20.0, 300.0, 200.0), (0.0, 0.0, 300.0, 200.0)):
        clipped = crop_to_bbox(page.chars, box)
        expected = chars_to_textmap(clipped, layout_bbox=box, layout_width=box[2], layout_height=box[3] - box[1])
        assert placed.band_text(box) == expected.as_string
    assert _page_text(page) == page.extract_text()
    assert "tfarD" in _page_text(page)


@pytest.mark.parametrize(
    "text",
    [
        "推进重点项目建设，一季度完成投资 12.5 亿元",
        "⼀季度完成⼯业投资",  # Kangxi radicals for 一 and 工
        "(cid:12)(cid:345) 完成 \ufffd",
        "⼈ (cid:7) 员",
        "",
        "Total 123  (cid:x) (cid:)",
    ],
)
def test_clean_text_reads_unmapped_glyphs_and_radicals(text: str) -> None:
    import unicodedata

    from extractor.readers.pdf_layout import CID, clean_text
    from extractor.textnorm import collapse_layout_space

    radicals = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
    assert clean_text(text) == collapse_layout_space(CID.sub("\ufffd", text).translate(radicals))


def _object_stream_pdf(leaves: int, declared: int) -> bytes:
    """A PDF 1.5 whose page dictionaries sit in a deflated object stream, found through a
    cross-reference stream (as Word and WPS write them)."""
    import zlib

    font = 3 + 2 * leaves
    objstm, xref_number = font + 1, font + 2
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(leaves))
    plain = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, declared),
        font: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    for index in range(leaves):
        content = b"BT /F1 12 Tf 20 150 Td (Page %d of the report, with enough text to read) Tj ET" % (index + 1)
        plain[3 + leaves + index] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
    packed = [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents %d 0 R"
        b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (3 + leaves + index, font)
        for index in range(leaves)
    ]
    offsets, body = [], b""
    for item in packed:
        offsets.append(len(body))
        body += item + b"\n"
    header = b" ".join(b"%d %d" % (3 + i, offset) for i, offset in enumerate(offsets)) + b"\n"
    stream = zlib.compress(header + body)
    plain[objstm] = b"<< /Type /ObjStm /N %d /First %d /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (
        leaves,
        len(header),
        len(stream),
        stream,
    )
    out = bytearray(b"%PDF-1.5\n")
    where: dict[int, int] = {}
    for number in sorted(plain):
        where[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, plain[number])
    where[xref_number] = len(out)
    rows = b""
    for number in range(xref_number + 1):
        if number == 0:
            rows += bytes([0]) + (0).to_bytes(4, "big") + (65535).to_bytes(2, "big")
        elif 3 <= number < 3 + leaves:
            rows += bytes([2]) + objstm.to_bytes(4, "big") + (number - 3).to_bytes(2, "big")
        else:
            rows += bytes([1]) + where[number].to_bytes(4, "big") + (0).to_bytes(2, "big")
    out += (
        b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n%s\nendstream\nendobj\n"
        % (
            xref_number,
            xref_number + 1,
            len(rows),
            rows,
        )
    )
    out += b"startxref\n%d\n%%%%EOF\n" % where[xref_number]
    return bytes(out)


def test_page_dictionaries_in_an_object_stream_are_counted() -> None:
    honest = _object_stream_pdf(3, 3)
    assert _vouched(honest)
    assert _outcome(honest, PDFIUM) == _outcome(honest, PLUMBER)
    assert [b for b in _outcome(honest, PDFIUM) if isinstance(b, tuple) and "Page 3" in (b[0] or "")]
    lying = _object_stream_pdf(3, 2)
    assert not _vouched(lying)
    assert _outcome(lying, PDFIUM) == _outcome(lying, PLUMBER)


def test_an_object_stream_that_does_not_inflate_gives_no_count() -> None:
    import zlib

    inside = zlib.compress(b"3 0\n<< /Type /Page /Parent 2 0 R >>\n")
    stream = b"5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n%s\nendstream\nendobj\n"
    assert pdfium._page_dicts(stream % inside) == 1
    assert pdfium._page_dicts(stream % inside[:-6]) is None  # cut short: no end of the deflate data
    assert pdfium._page_dicts(stream % (b"\xff" * 20)) is None  # not deflate data
    ascii_hex = stream.replace(b"/FlateDecode", b"/ASCIIHexDecode") % inside.hex().encode()
    assert pdfium._page_dicts(ascii_hex) is None
    assert pdfium._page_dicts(b"<< /Type /Page >> << /Type /Pages >> << /Type/Page/Parent 2 0 R >>") == 2
