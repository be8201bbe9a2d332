"""OCR of scanned PDFs and pictures (issue 17), on scans these tests make of the seed's tables.

The scans are rendered from the born-digital PDFs at 150–300 dpi, rotated up to 2°, blurred,
speckled, stamped with a red seal over a cell, and saved as PDF, PNG, JPEG and TIFF; each parse is
compared with the born-digital parse of the same table. Tests that need the ``ocr`` extra are
skipped without it, unless EXTRACTOR_REQUIRE_OCR=1 (CI), where they fail instead.
"""

from __future__ import annotations

import importlib.util
import io
import os
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageChops, ImageDraw

import extractor
import extractor.output
from extractor.errors import ExtractorError, NoTextLayerError, OcrUnavailableError, UnsupportedFormatError
from extractor.options import ReadOptions
from extractor.readers import read
from extractor.readers.raw import Paragraph, RawTable
from extractor.sniff import sniff

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # corpus.scans: the scan maker shared with benchmarks/ocr_bench.py

from corpus.scans.degrade import Damage, save, scan  # noqa: E402
from corpus.scans.score import rows_of, score  # noqa: E402

SEED_PDF = ROOT / "samples" / "seed.pdf"
MERGED_PDF = ROOT / "tests" / "fixtures" / "seed_merged.pdf"
SCANNED_PAGE_PDF = ROOT / "tests" / "fixtures" / "pdf" / "seed_scanned_page.pdf"

INSTALLED = all(importlib.util.find_spec(name) for name in ("cv2", "rapidocr_onnxruntime"))
needs_ocr = pytest.mark.skipif(
    not INSTALLED and os.environ.get("EXTRACTOR_REQUIRE_OCR") != "1",
    reason="the OCR extra is not installed (pip install 'extractor[ocr]'); CI sets EXTRACTOR_REQUIRE_OCR=1",
)
AUTO = ReadOptions(ocr="auto")


@pytest.fixture(scope="module")
def seed() -> extractor.Document:
    return extractor.parse(SEED_PDF)


def _seed_scan(damages: list[Damage] | Damage, pages: list[int] | None = None) -> list[Image.Image]:
    return scan(SEED_PDF.read_bytes(), damages, pages)


def _figures(document: extractor.Document) -> dict[str, list[tuple]]:
    return {row.seq_text: [(f.kind, f.value, f.unit) for f in row.figures] for row in rows_of(document)}


# -- a three-page scanned PDF: rotated, blurred, speckled, sealed ---------------------------------


@pytest.fixture(scope="module")
def scanned_pdf() -> bytes:
    damages = [
        Damage(dpi=200, rotate=1.2, blur=0.8, speckle=0.002, seal=(0.55, 0.45), seed=1),
        Damage(dpi=200, rotate=-1.7, blur=0.6, speckle=0.001, seed=2),
        Damage(dpi=200, rotate=0.5, blur=0.5, seed=3),
    ]
    return save(_seed_scan(damages), "PDF", 200)


@pytest.fixture(scope="module")
def scanned(scanned_pdf: bytes) -> extractor.Document:
    return extractor.parse(scanned_pdf, options=AUTO)


@needs_ocr
def test_scanned_pdf_reads_like_the_born_digital_one(seed, scanned) -> None:
    result = score(seed, scanned)
    assert [row.seq for row in rows_of(scanned)] == list(range(1, 12))
    assert [row.lead_units for row in rows_of(scanned)] == [row.lead_units for row in rows_of(seed)]
    assert result.similarity >= 0.97
    assert result.figure_recall >= 0.85
    row = rows_of(scanned)[2]
    assert row.lead_units == ["区商务委"]
    assert ("change", -4.2, "%") in [(f.kind, f.value, f.unit) for f in row.figures]
    # each item still points into its cell's recognised text
    for row in rows_of(scanned):
        for item in row.issues + row.figures:
            assert row.cells[item.field][slice(*item.span)] == item.text


@needs_ocr
def test_scan_warnings_name_the_seal_the_pages_and_their_skew(scanned) -> None:
    codes = [w.code for w in scanned.warnings]
    assert "no_text_layer" not in codes
    (note,) = [w.message for w in scanned.warnings if w.code == "ocr"]
    assert note.startswith("read by OCR (rapidocr): page 1 (turned -1.2°), 2 (turned +1.7°), 3 (turned -0.5°)")
    (seal,) = [w.message for w in scanned.warnings if w.code == "seal"]
    assert seal.startswith("page 1:")


@needs_ocr
def test_a_seal_over_a_cell_does_not_become_characters(seed, scanned) -> None:
    # The seal sits over row 2's progress; its ring and star must not read as text there.
    want, got = rows_of(seed)[1].progress, rows_of(scanned)[1].progress
    assert abs(len(got) - len(want)) <= 3
    assert "★" not in got and "○" not in got


@needs_ocr
def test_rows_carry_their_cells_page_box_and_confidence(scanned) -> None:
    """Row.sources (schema 1.6): where each OCR'd cell stands and how sure the recogniser was."""
    row = rows_of(scanned)[2]
    (lead,) = row.sources["lead_units"]
    assert lead.page == 1 and 0 < lead.confidence <= 1
    assert 0 <= lead.box[0] < lead.box[2] <= 596 and 0 <= lead.box[1] < lead.box[3] <= 842
    assert set(row.sources) <= set(row.cells)
    # a row continued on the next page keeps a source per page for the cells it continues
    for row in rows_of(scanned):
        for found in row.sources.values():
            assert [s.page for s in found] == sorted(s.page for s in found)


def test_rows_read_from_text_have_no_sources() -> None:
    document = extractor.parse(ROOT / "samples" / "seed.txt")
    assert all(row.sources is None for table in document.tables for row in table.rows)
    assert '"sources"' not in extractor.output.to_json(extractor.output.document_dict(document))


@needs_ocr
def test_cells_keep_page_box_and_confidence(scanned_pdf: bytes) -> None:
    document = read(scanned_pdf, "pdf", options=AUTO)
    tables = [b for b in document.blocks if isinstance(b, RawTable)]
    assert [t.layout for t in tables] == ["ocr-ruled"] * 3
    assert [t.rows[0].page for t in tables] == [1, 2, 3]
    cells = [c for t in tables for r in t.rows for c in r.cells if c.text]
    assert all(c.page in (1, 2, 3) and 0 < c.confidence <= 1 for c in cells)
    # boxes in points on an A4 page (595 x 842), inside it, and the header row's first cell at its top left
    assert all(0 <= c.box[0] < c.box[2] <= 596 and 0 <= c.box[1] < c.box[3] <= 842 for c in cells)
    header = tables[0].rows[0].cells
    assert [c.text for c in header] == ["序号", "目标任务", "完成情况", "牵头责任单位"]
    assert header[0].box[0] < header[1].box[0] < header[2].box[0] < header[3].box[0]
    paragraphs = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert paragraphs[:2] == ["附件3", "一季度完成情况未实现“开门红”目标任务"]


# -- pictures: PNG at 150 dpi, JPEG at 300 dpi, a two-page TIFF with a skewed second page --------


@needs_ocr
def test_png_at_150_dpi(seed) -> None:
    (page,) = _seed_scan(Damage(dpi=150, rotate=2.0, blur=0.6, speckle=0.001, seed=5), pages=[0])
    data = save([page], "PNG", 150)
    assert sniff(data) == "image"
    document = extractor.parse(data)
    assert document.source.format == "image"
    assert [row.seq for row in rows_of(document)] == [1, 2, 3, 4, 5]
    assert [row.lead_units for row in rows_of(document)] == [row.lead_units for row in rows_of(seed)[:5]]
    assert _figures(document)["4"] == _figures(seed)["4"]  # 3000万美元, 215万美元, 同比下降73.7%


@needs_ocr
def test_jpeg_at_300_dpi_rotated_the_other_way(seed) -> None:
    (page,) = _seed_scan(Damage(dpi=300, rotate=-1.5, blur=1.0, speckle=0.0005, seed=6), pages=[2])
    document = extractor.parse(save([page], "JPEG", 300, quality=70))
    # the page opens with the end of row 8's progress (a row without a number), then rows 9–11
    numbered = [row for row in rows_of(document) if row.seq_text]
    assert [row.seq_text for row in numbered] == ["9", "10", "11"]
    assert [row.lead_units for row in numbered] == [["区文化旅游委"], ["区水利局"], ["区住房城乡建委"]]
    assert _figures(document)["11"] == _figures(seed)["11"]  # 桥梁完成45%


@needs_ocr
def test_two_page_tiff_with_a_skewed_second_page_in_two_workers(seed, monkeypatch) -> None:
    pages = _seed_scan([Damage(dpi=200, seed=7), Damage(dpi=200, rotate=1.8, blur=0.7, seed=8)], pages=[0, 1])
    monkeypatch.setenv("EXTRACTOR_OCR_JOBS", "2")
    document = extractor.parse(save(pages, "TIFF", 200))
    assert [row.seq for row in rows_of(document)] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert [row.lead_units for row in rows_of(document)] == [row.lead_units for row in rows_of(seed)[:8]]
    (note,) = [w.message for w in document.warnings if w.code == "ocr"]
    assert "page 1, 2 (turned -1.8°)" in note
    # row 5 runs from page 1 onto page 2 and is one row again
    assert rows_of(document)[4].progress.endswith("通航等相关专项论证获批难。")


@needs_ocr
def test_merged_cells_come_from_missing_rule_segments() -> None:
    data = save(scan(MERGED_PDF.read_bytes(), Damage(dpi=200, rotate=0.8, blur=0.6, seed=9), pages=[0]), "PNG", 200)
    document = read(data, "image")
    (table,) = [b for b in document.blocks if isinstance(b, RawTable)]
    lead = [row.cells[3] for row in table.rows]
    # 区商务委 is merged over rows 3 and 4: the covered position is None, merged from above
    # (row 5's unit wraps onto the next page: "区住房城乡建" here)
    assert [c.text for c in lead] == ["牵头责任单位", "区交通局", "江北旅游区", "区商务委", None, "区住房城乡建"]
    assert lead[4].merge == "above"
    born = extractor.parse(MERGED_PDF)
    assert [r.lead_units for r in rows_of(extractor.parse(data))][:4] == [r.lead_units for r in rows_of(born)[:4]]


# -- when OCR runs, and when it does not -----------------------------------------------------------


@needs_ocr
def test_a_scanned_page_inside_a_text_pdf_is_read_in_its_place(seed) -> None:
    document = extractor.parse(SCANNED_PAGE_PDF, options=AUTO)
    assert [row.seq for row in rows_of(document)] == list(range(1, 12))
    assert score(seed, document).lead_exact >= 10  # the page's picture is coarse: 涪 may read as 济
    assert [row.lead_units for row in rows_of(document)][5] == ["区发展改革委"]
    assert "no_text_layer" not in [w.code for w in document.warnings]
    (note,) = [w.message for w in document.warnings if w.code == "ocr"]
    assert note.startswith("read by OCR (rapidocr): page 2;")
    never = extractor.parse(SCANNED_PAGE_PDF, options=ReadOptions(ocr="never"))
    assert [row.seq for row in rows_of(never)] == [1, 2, 3, 4, 5, 9, 10, 11]
    assert "no_text_layer" in [w.code for w in never.warnings]


def test_a_pdf_with_a_text_layer_never_goes_through_ocr(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("OCR ran on a PDF with a text layer")

    if INSTALLED:
        import extractor.ocr

        monkeypatch.setattr(extractor.ocr, "ocr_pdf", refuse)
        monkeypatch.setattr(extractor.ocr, "ocr_pdf_pages", refuse)
    auto = extractor.parse(SEED_PDF, options=AUTO)
    never = extractor.parse(SEED_PDF, options=ReadOptions(ocr="never"))
    assert auto.model_dump() == never.model_dump()
    assert "ocr" not in [w.code for w in auto.warnings]


@needs_ocr
def test_always_reads_a_text_pdf_by_ocr(seed) -> None:
    document = extractor.parse(MERGED_PDF, options=ReadOptions(ocr="always"))
    assert "ocr" in [w.code for w in document.warnings]
    assert len(rows_of(document)) == 11


def test_ocr_never_refuses_a_picture() -> None:
    with pytest.raises(UnsupportedFormatError, match="PNG image: needs OCR, which --ocr never turns off"):
        read(_png(Image.new("RGB", (64, 64), "white")), "image", options=ReadOptions(ocr="never"))


def test_without_the_extra_the_error_names_it(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)  # import fails as if not installed
    with pytest.raises(OcrUnavailableError) as caught:
        read(_png(Image.new("RGB", (64, 64), "white")), "image")
    assert caught.value.code == "ocr_unavailable"
    assert "pip install 'extractor[ocr]'" in caught.value.message
    scanned = SCANNED_PAGE_PDF.read_bytes()
    with pytest.raises(OcrUnavailableError, match=r"--ocr always.*extractor\[ocr\]"):
        read(scanned, "pdf", options=ReadOptions(ocr="always"))
    # a mixed PDF keeps today's reading: its scanned page named, the rest read
    document = read(scanned, "pdf", options=AUTO)
    assert "no_text_layer" in [w.code for w in document.warnings]


def test_without_the_extra_a_scan_still_fails_as_no_text_layer_naming_the_extra(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)
    pages = [Image.new("RGB", (200, 280), "white") for _ in range(2)]
    for page in pages:
        ImageDraw.Draw(page).rectangle((20, 20, 180, 260), outline="black", width=2)
    with pytest.raises(NoTextLayerError) as caught:
        extractor.parse(save(pages, "PDF", 72), options=AUTO)
    assert caught.value.code == "no_text_layer"
    assert "pip install 'extractor[ocr]'" in caught.value.message


@needs_ocr
def test_a_blank_picture_has_no_text() -> None:
    with pytest.raises(NoTextLayerError, match="no text found by OCR"):
        extractor.parse(_png(Image.new("RGB", (800, 1100), (250, 250, 248))))


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "TIFF", "BMP", "GIF", "WEBP"])
def test_pictures_sniff_as_images(fmt: str) -> None:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "white").save(out, fmt)
    assert sniff(out.getvalue()) == "image"


def test_damaged_picture_is_corrupt_file() -> None:
    if not INSTALLED:
        pytest.skip("the OCR extra is not installed")
    data = _png(Image.new("RGB", (300, 300), "white"))[:200]
    with pytest.raises(ExtractorError) as caught:
        read(data, "image")
    assert caught.value.code == "corrupt_file"


# -- the stages, on drawn pages (no recogniser needed) --------------------------------------------


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _drawn_table(merged: bool) -> np.ndarray:
    """A 4 x 3 grid at 200 dpi; with ``merged`` the cells (1,0)+(2,0) and (3,1)+(3,2) are merged."""
    page = Image.new("L", (1400, 1000), 255)
    draw = ImageDraw.Draw(page)
    xs, ys = [100, 400, 900, 1300], [100, 250, 400, 550, 700]
    for y in ys:
        draw.line((xs[0], y, xs[-1], y), fill=0, width=3)
    for x in xs:
        draw.line((x, ys[0], x, ys[-1]), fill=0, width=3)
    if merged:
        draw.line((xs[0] + 3, ys[2], xs[1] - 2, ys[2]), fill=255, width=5)  # no rule between rows 1 and 2, col 0
        draw.line((xs[2], ys[3] + 3, xs[2], ys[4] - 2), fill=255, width=5)  # no rule between cols 1 and 2, row 3
    return np.array(page)


@needs_ocr
@pytest.mark.parametrize("merged", [False, True])
def test_grid_and_merged_cells_from_rules(merged: bool) -> None:
    from extractor.ocr.grid import find_grids
    from extractor.ocr.image import binarise

    (grid,) = find_grids(binarise(_drawn_table(merged)), 200)
    assert (grid.rows, grid.cols) == (4, 3)
    spans = [(c.row, c.col, c.rowspan, c.colspan) for c in grid.cells]
    if merged:
        assert (1, 0, 2, 1) in spans and (3, 1, 1, 2) in spans and len(spans) == 10
    else:
        assert spans == [(r, c, 1, 1) for r in range(4) for c in range(3)]


@needs_ocr
@pytest.mark.parametrize("angle", [-2.0, -0.6, 0.0, 1.3])
def test_deskew_finds_the_rotation(angle: float) -> None:
    from extractor.ocr.image import prepare

    page = Image.fromarray(_drawn_table(False)).convert("RGB").rotate(angle, fillcolor="white")
    prepared = prepare(np.array(page), 1, 200)
    assert prepared.skew == pytest.approx(-angle, abs=0.1)


@needs_ocr
def test_red_ink_is_dropped_and_noted() -> None:
    from extractor.ocr.image import prepare

    page = Image.new("RGB", (400, 400), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle((50, 190, 350, 200), fill="black")  # text-like dark bar
    seal = Image.new("RGB", (400, 400), "white")
    ImageDraw.Draw(seal).ellipse((100, 100, 300, 300), outline=(220, 30, 40), width=8)
    page = ImageChops.multiply(page, seal)  # red ink over black text stays black
    prepared = prepare(np.array(page), 1, 200)
    assert prepared.seal
    assert prepared.grey[100:110, 195:205].min() == 255  # the ring's top: gone
    assert prepared.grey[192:198, 60:340].max() < 60  # the bar under it: kept
    assert not prepare(np.array(Image.new("RGB", (400, 400), "white")), 1, 200).seal


@needs_ocr
def test_low_confidence_cells_are_named(monkeypatch) -> None:
    from extractor.ocr import engine

    page = Image.fromarray(_drawn_table(False)).convert("RGB")
    draw = ImageDraw.Draw(page)
    for x0, y0 in ((150, 150), (450, 450)):
        draw.rectangle((x0, y0, x0 + 120, y0 + 30), fill="black")  # something to read in two cells
    scores = iter([("序号", 0.99), ("模糊", 0.41)])
    monkeypatch.setenv("EXTRACTOR_OCR_JOBS", "0")  # read here, where the recogniser is replaced
    monkeypatch.setattr(engine, "recognise", lambda crops: [next(scores) for _ in crops])
    document = read(_png(page), "image")
    (warning,) = [w for w in document.warnings if w.code == "low_confidence_text"]
    assert warning.message == "page 1: cells read by OCR with low confidence: row 3 column 2 (0.41)"
    (table,) = [b for b in document.blocks if isinstance(b, RawTable)]
    assert table.rows[2].cells[1].text == "模糊" and table.rows[2].cells[1].confidence == 0.41
