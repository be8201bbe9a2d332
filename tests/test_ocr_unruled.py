"""OCR of scans of tables drawn without rules (issue 17: "unruled scans fall back to text lines").

A page without rules is read by the text detector and the recogniser; its lines, with each
character placed where the recogniser read it, go through the borderless table reader of text
PDFs (header, columns from the white rivers between cells, rows around their numbers, a table
going on over the next page). The scans are made by these tests from the borderless PDF fixtures.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import numpy as np
import pytest

import extractor
from extractor.readers import read
from extractor.readers.raw import RawTable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus.scans.degrade import Damage, save, scan  # noqa: E402
from corpus.scans.score import rows_of  # noqa: E402
from tests.test_ocr import needs_ocr  # noqa: E402

NOBORDER = ROOT / "tests" / "fixtures" / "pdf" / "seed_noborder.pdf"
VARIANT7 = ROOT / "tests" / "fixtures" / "pdf" / "variant7_noborder.pdf"


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@pytest.fixture(scope="module")
def borderless_scan() -> bytes:
    damages = [
        Damage(dpi=200, rotate=0.8, blur=0.6, speckle=0.0005, seed=21),
        Damage(dpi=200, rotate=-0.6, blur=0.7, speckle=0.0005, seed=22),
    ]
    return save(scan(NOBORDER.read_bytes(), damages, pages=[0, 1]), "PDF", 200)


@needs_ocr
def test_a_borderless_scan_reads_its_rows_and_wrapped_cells(borderless_scan: bytes) -> None:
    born = rows_of(extractor.parse(NOBORDER))
    document = extractor.parse(borderless_scan)
    assert {table.layout for table in document.tables} == {"ocr-unruled"}
    rows = rows_of(document)
    assert [row.seq for row in rows] == list(range(1, 9))
    assert [row.lead_units for row in rows] == [row.lead_units for row in born[:8]]
    # Wrapped cells are one text again: row 3's task runs over six lines of a narrow column,
    # row 5's progress from the foot of page 1 onto page 2.
    assert _similarity(rows[2].task, born[2].task) >= 0.95
    assert rows[4].progress.endswith("通航等相关专项论证获批难。")
    for got, want in zip(rows[:7], born[:7], strict=True):
        assert _similarity(got.task + got.progress, want.task + want.progress) >= 0.95, got.seq
    figures = [(f.kind, f.value, f.unit) for f in rows[2].figures]
    assert ("amount", 4_300_000_000.0, "CNY") in figures and ("change", -4.2, "%") in figures


@needs_ocr
def test_a_borderless_scan_keeps_page_and_columns(borderless_scan: bytes) -> None:
    document = read(borderless_scan, "pdf")
    tables = [block for block in document.blocks if isinstance(block, RawTable)]
    assert [table.rows[0].page for table in tables] == [1, 2]
    assert [cell.text for cell in tables[0].rows[0].cells] == ["序号", "目标任务", "完成情况", "牵头责任单位"]
    # page 2 opens with the rest of row 5's progress: a row without a number, joined to row 5
    assert tables[1].rows[1].cells[0].text == ""
    assert tables[1].rows[1].cells[2].text.startswith("善。")


@needs_ocr
def test_seven_columns_without_rules_in_a_jpeg_at_150_dpi() -> None:
    born = rows_of(extractor.parse(VARIANT7))
    (page,) = scan(VARIANT7.read_bytes(), Damage(dpi=150, rotate=-1.0, blur=0.5, speckle=0.0005, seed=23))
    document = extractor.parse(save([page], "JPEG", 150, quality=75))
    rows = rows_of(document)
    assert [row.seq for row in rows] == [1, 2, 3, 4]
    assert [row.lead_units for row in rows] == [row.lead_units for row in born]  # two units in row 1
    assert [row.task for row in rows] == [row.task for row in born]


# -- the stage, on a drawn page and given readings (no recogniser needed) --------------------------


@needs_ocr
@pytest.mark.parametrize("gap", [" ", ""])  # the recogniser may or may not read the gap as a space
def test_characters_are_placed_where_they_were_read(gap: str) -> None:
    """One detected box over two cells of a line: the gap between them stays, so two pieces."""
    from extractor.ocr.image import PageImage
    from extractor.ocr.page import _crop_columns, _placed_lines
    from extractor.readers.pdf_layout import SEGMENT_GAP, _intervals

    dpi = 200
    grey = np.full((400, 1200), 255, np.uint8)
    ink = np.zeros_like(grey)
    box = (100, 100, 1000, 130)  # ink from x=100 to 1000, 30 px high
    ink[100:130, 100:400] = 255  # 目标任务 (4 characters of 30 px… and more)
    ink[100:130, 700:1000] = 255  # 完成情况
    text = "目标任务" + gap + "完成情况"
    left, right = _crop_columns(box, dpi, grey.shape[1])
    middles = [115, 145, 175, 205] + ([550] if gap else []) + [715, 745, 775, 805]
    places = tuple((m - left) / (right - left) for m in middles)
    page = PageImage(number=1, grey=grey, dpi=dpi, skew=0.0, seal=False)
    (line,), size = _placed_lines([0], [(text, 0.99, places)], [box], ink, page)
    assert line.text.replace(" ", "") == "目标任务完成情况"
    pieces = _intervals(line, SEGMENT_GAP * size)
    assert len(pieces) == 2
    assert pieces[0][1] < 250 * 72 / dpi < pieces[1][0]  # the gap (x 220…700 px) kept, in points
    # without places (another engine), the characters are laid evenly along the ink
    (even,), _ = _placed_lines([0], [(text, 0.99, ())], [box], ink, page)
    assert [c.text for c in even.chars] == list("目标任务完成情况")
    assert even.chars[0].x0 == pytest.approx(100 * 72 / dpi) and even.chars[-1].x1 == pytest.approx(1000 * 72 / dpi)


@needs_ocr
def test_low_confidence_lines_of_a_page_without_rules_are_named(monkeypatch) -> None:
    from PIL import Image, ImageDraw

    from extractor.ocr import engine
    from tests.test_ocr import _png

    page = Image.new("RGB", (1400, 1000), "white")
    draw = ImageDraw.Draw(page)
    boxes = [(150, 150, 600, 190), (150, 300, 900, 340), (150, 450, 500, 490)]
    for x0, y0, x1, y1 in boxes:  # three lines of "characters" (squares too short to be rules)
        for x in range(x0, x1 - 20, 28):
            draw.rectangle((x, y0 + 10, x + 20, y1 - 10), fill="black")
    readings = iter([("第一行文字清楚", 0.97, ()), ("第二行文字模糊不清的一段较长文字", 0.52, ()), ("第三行", 0.9, ())])
    monkeypatch.setenv("EXTRACTOR_OCR_JOBS", "0")  # read here, where the engine is replaced
    monkeypatch.setattr(engine, "detect_lines", lambda grey: list(boxes))
    monkeypatch.setattr(engine, "recognise", lambda crops: [next(readings) for _ in crops])
    document = read(_png(page), "image")
    (warning,) = [w for w in document.warnings if w.code == "low_confidence_text"]
    assert warning.message == "page 1: lines read by OCR with low confidence: line 2 “第二行文字模糊不清的一段…” (0.52)"


@needs_ocr
def test_a_scan_ruled_only_across_reads_between_its_rules() -> None:
    """Rows between horizontal rules, no column rules: no grid; the rules are taken off the text
    (not read as 一 or —) and cut the rows, as in a text PDF ruled so. Pages 2 and 3: row 8 goes
    on at the top of page 3, above its first rule."""
    hrules = ROOT / "tests" / "fixtures" / "pdf" / "seed_hrules.pdf"
    born = rows_of(extractor.parse(hrules))
    damages = [Damage(dpi=200, rotate=-0.7, blur=0.6, speckle=0.0005, seed=24), Damage(dpi=200, rotate=0.5, seed=25)]
    document = extractor.parse(save(scan(hrules.read_bytes(), damages, pages=[1, 2]), "PDF", 200))
    assert {table.layout for table in document.tables} == {"ocr-unruled"}
    # the scan opens with the end of row 5 (no number, nothing before it), so seq counts places
    rows = [row for row in rows_of(document) if row.seq_text]
    assert [row.seq_text for row in rows] == ["6", "7", "8", "9", "10", "11"]
    assert [row.lead_units for row in rows] == [row.lead_units for row in born[5:]]
    assert rows[2].progress.endswith("且缺乏统一的接入管理平台。")  # row 8, from page 2 onto page 3
    for got, want in zip(rows[3:], born[8:], strict=True):
        assert _similarity(got.task + got.progress, want.task + want.progress) >= 0.95, got.seq
