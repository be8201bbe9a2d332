"""ReadOptions: validated, picklable, and carried from the CLI and the library to the readers."""

from __future__ import annotations

import pickle

import pytest

import extractor
from extractor.options import OCR_MODES, PDF_ENGINES, ReadOptions
from tests.helpers import SAMPLES


@pytest.mark.parametrize(("field", "value"), [("pdf_engine", "pdfminer"), ("ocr", "sometimes"), ("ocr", "")])
def test_an_unknown_choice_is_refused(field: str, value: str) -> None:
    with pytest.raises(ValueError, match=field):
        ReadOptions(**{field: value})


def test_options_pickle_for_worker_processes() -> None:
    options = ReadOptions(pdf_engine=PDF_ENGINES[-1], ocr=OCR_MODES[-1])
    assert pickle.loads(pickle.dumps(options)) == options


def test_options_reach_the_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    import extractor.readers.pdf as pdf

    seen: list[ReadOptions] = []
    real = pdf.read_pdf

    def spy(data: bytes, limits: object, options: ReadOptions) -> object:
        seen.append(options)
        return real(data, limits=limits, options=options)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf, "read_pdf", spy)
    options = ReadOptions(pdf_engine="pdfplumber", ocr="never")
    document = extractor.parse(SAMPLES / "seed.pdf", options=options)
    assert seen == [options]
    assert len(document.tables[0].rows) == 11
