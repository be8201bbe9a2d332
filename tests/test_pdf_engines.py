"""The PDFium engine reads every PDF fixture into the same rows as the pdfplumber (pdfminer) engine.

Compared: every block the reader returns (paragraph text and page; each table's layout and every
row's cell texts, None under merges, and page) and every warning. The corpus holds no PDF. Not
compared here: tests/fixtures/seed1100.pdf (261 pages: the pdfplumber side alone takes 20-60 s on
two cores); benchmarks/bench.py reads it with both engines and fails if their rows differ.

Where the engines could differ (none of the fixtures does): a font that declares a descent puts
pdfminer's character boxes that far below PDFium's (boxes sit on the baseline here); a font
whose advance widths PDFium reads differently from pdfminer ("实" is 20.4 pt wide in PDFium, 20 pt
in pdfminer, in seed.pdf) can change where pdfplumber puts a space between two Latin characters
closer than its 3 pt tolerance; two subsets of one font are one font name in PDFium.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

import pytest

from extractor.errors import EncryptedFileError, ExtractorError, TooLargeError
from extractor.limits import MB, Limits
from extractor.options import ReadOptions
from extractor.readers import pdf_bounds, pdfium
from extractor.readers.pdf import read_pdf, table_cells
from extractor.readers.pdf_layout import clean_text
from extractor.readers.raw import RawDocument, RawTable
from tests.helpers import FIXTURES, SAMPLES

PDFS = sorted([SAMPLES / "seed.pdf", *(p for p in FIXTURES.rglob("*.pdf") if p.name != "seed1100.pdf")])
PDFIUM = ReadOptions(pdf_engine="pdfium")
PLUMBER = ReadOptions(pdf_engine="pdfplumber")


def _reading(document: RawDocument) -> tuple[list[Any], list[tuple[str, str]]]:
    blocks: list[Any] = []
    for block in document.blocks:
        if isinstance(block, RawTable):
            rows = [([c.text for c in row.cells], [c.merge for c in row.cells], row.page) for row in block.rows]
            blocks.append((block.kind, block.layout, rows))
        else:
            blocks.append((block.text, block.page))
    return blocks, [(w.code, w.message) for w in document.warnings]


def _outcome(data: bytes, options: ReadOptions) -> Any:
    try:
        return _reading(read_pdf(data, options=options))
    except ExtractorError as error:
        return (error.code, str(error))


@pytest.mark.parametrize("path", PDFS, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_both_engines_read_the_same_rows(path: Path) -> None:
    data = path.read_bytes()
    reference = _outcome(data, PLUMBER)
    assert _outcome(data, PDFIUM) == reference
    if isinstance(reference, tuple) and isinstance(reference[0], list):
        assert any(isinstance(block, tuple) and len(block) == 3 for block in reference[0])  # tables were read


def test_the_pdfium_page_gives_pdfplumbers_characters_and_ruling_lines() -> None:
    import pdfplumber

    data = (SAMPLES / "seed.pdf").read_bytes()
    with pdfplumber.open(SAMPLES / "seed.pdf") as pdf, pdfium.opened(data) as document:
        reference = pdf.pages[0]
        page = pdfium.read_page(document, 0, 0.0)
        visible = [c for c in reference.chars if c["text"].strip()]
        ours = [c for c in page.chars if c["text"].strip()]
        assert [c["text"] for c in ours] == [c["text"] for c in visible]
        for mine, theirs in zip(ours, visible, strict=True):
            assert mine["x0"] == pytest.approx(theirs["x0"], abs=0.01)
            assert mine["top"] == pytest.approx(theirs["top"], abs=0.01)
            assert mine["bottom"] == pytest.approx(theirs["bottom"], abs=0.01)
            assert mine["upright"] is theirs["upright"]
        assert len(page.lines) == len(reference.lines) == 12
        for mine, theirs in zip(page.lines, reference.lines, strict=True):
            assert (mine["x0"], mine["top"], mine["x1"]) == pytest.approx((theirs["x0"], theirs["top"], theirs["x1"]))
        # Raw cell text differs in spaces between CJK characters ("积 极 融 入" / "积极融入": PDFium's
        # wider advances, see above), which clean_text drops; the text as emitted is the same.
        ours_cells = table_cells(page.find_tables()[0], page.chars)
        theirs_cells = reference.find_tables()[0].extract()
        assert [[clean_text(c or "") for c in row] for row in ours_cells] == [
            [clean_text(c or "") for c in row] for row in theirs_cells
        ]


def test_table_cells_is_pdfplumbers_extract_on_every_page() -> None:
    import pdfplumber

    for path in (SAMPLES / "seed.pdf", FIXTURES / "variant7.pdf", FIXTURES / "seed_merged.pdf"):
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                tables = page.find_tables()
                assert tables
                assert [table_cells(t, page.chars) for t in tables] == [t.extract() for t in tables]


def test_rotated_page_reads_upright() -> None:
    data = (FIXTURES / "pdf" / "variant7_rotated.pdf").read_bytes()
    with pdfium.opened(data) as document:
        page = pdfium.read_page(document, 0, 0.0)
    assert page.width > page.height
    assert all(c["upright"] for c in page.chars if c["text"].strip())


def test_user_password_is_refused_by_both_engines() -> None:
    data = (FIXTURES / "hostile" / "encrypted_user_password.pdf").read_bytes()
    for options in (PDFIUM, PLUMBER):
        with pytest.raises(EncryptedFileError):
            read_pdf(data, options=options)


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9])
def test_truncated_files_fail_in_one_typed_error_on_pdfium(cut: float) -> None:
    data = (SAMPLES / "seed.pdf").read_bytes()
    with pytest.raises(ExtractorError):
        read_pdf(data[: int(len(data) * cut)], options=PDFIUM)


def test_garbage_and_empty_input_fail_typed_on_pdfium() -> None:
    for data in (b"", b"%PDF-1.4\n" + bytes(range(256)) * 50, b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"):
        with pytest.raises(ExtractorError):
            read_pdf(data, options=PDFIUM)


def test_deflate_bomb_is_refused_before_pdfium_reads_it() -> None:
    bomb = zlib.compress(b" " * (8 * MB), 9)
    head = b"4 0 obj << /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb)
    data = b"%PDF-1.4\n" + head + bomb + b"\nendstream"
    with pytest.raises(TooLargeError, match="decodes to more than 1 MB"):
        pdf_bounds.check_streams(data, MB)
    assert pdf_bounds.check_streams(data, 16 * MB) is False  # within the limit: read


def test_lzw_and_run_length_files_go_to_the_bounded_decoders() -> None:
    assert pdf_bounds.check_streams(b"<< /Filter /LZWDecode >>", MB) is True
    assert pdf_bounds.check_streams(b"<< /Filter [/RunLengthDecode] >>", MB) is True
    assert pdf_bounds.check_streams(b"<< /Filter /FlateDecode >>", MB) is False


def test_page_limit_holds_on_pdfium() -> None:
    data = (SAMPLES / "seed.pdf").read_bytes()
    with pytest.raises(TooLargeError, match="more than 2 pages"):
        read_pdf(data, Limits(max_pdf_pages=2), PDFIUM)
    assert read_pdf(data, Limits(max_pdf_pages=3), PDFIUM).blocks
