"""Pages whose text layer is mostly glyphs without a Unicode mapping go to OCR under --ocr auto
(issue 17: "auto: pages without a text layer, or with unmapped glyphs only")."""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field

import pytest

import extractor
from extractor.options import ReadOptions
from extractor.readers import ocr as ocr_reader
from extractor.readers.raw import Paragraph, RawCell, RawDocument, RawRow, RawTable, RawWarning

GARBLED = "\ufffd" * 30 + "完成"


def _document() -> RawDocument:
    good = RawTable(
        rows=[
            RawRow([RawCell("序号"), RawCell("目标任务")], page=1),
            RawRow([RawCell("1"), RawCell("建设某某大桥")], page=1),
        ]
    )
    bad = Paragraph(GARBLED, page=2)
    warning = RawWarning(
        "undecodable_glyphs", "page 2: 30 glyphs without a Unicode mapping, shown as U+FFFD: check this page"
    )
    return RawDocument(format="pdf", blocks=[good, bad], warnings=[warning])


@pytest.mark.parametrize(
    ("text", "garbled"),
    [(GARBLED, True), ("\ufffd" * 4 + "完成情况良好，已完成年度目标", False), ("\ufffd" * 5, False)],
)
def test_a_page_is_garbled_when_most_of_its_text_is_unmapped(text: str, garbled: bool) -> None:
    document = RawDocument(format="pdf", blocks=[Paragraph(text, page=3)])
    assert ocr_reader.garbled_pages(document) == ({3} if garbled else set())


@dataclass
class _Result:
    number: int
    blocks: list = field(default_factory=list)


def test_auto_reads_a_garbled_page_by_ocr_in_its_place(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[list[int]] = []
    fake = types.ModuleType("extractor.ocr")
    fake.ocr_pdf_pages = lambda data, numbers: (
        asked.append(list(numbers)),
        [_Result(2, [Paragraph("识别的文字", page=2)])],
    )[1]
    fake.read_unruled = lambda results: None
    fake.ocr_note = lambda results: RawWarning("ocr", "read by OCR: page 2")
    fake.page_warnings = lambda result: []
    monkeypatch.setitem(sys.modules, "extractor.ocr", fake)
    monkeypatch.setattr(extractor, "ocr", fake, raising=False)
    monkeypatch.setattr(ocr_reader, "_ocr_available", lambda: True)
    monkeypatch.setattr("extractor.readers.pdf.read_pdf", lambda data, limits=None, options=None: _document())

    document = ocr_reader.read_pdf_with_ocr(b"%PDF", options=ReadOptions(ocr="auto"))
    assert asked == [[2]]
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert texts == ["识别的文字"]  # the unreadable text-layer paragraph gave way
    assert isinstance(document.blocks[0], RawTable)  # page 1 as its text layer had it
    assert [w.code for w in document.warnings] == ["ocr"]  # undecodable_glyphs of page 2 is answered

    monkeypatch.setattr(ocr_reader, "_ocr_available", lambda: False)  # without the extra: as before
    assert ocr_reader.read_pdf_with_ocr(b"%PDF", options=ReadOptions(ocr="auto")).blocks[1].text == GARBLED
