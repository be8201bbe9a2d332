"""How a file is read, beyond the resource limits: which PDF engine, and when to OCR.

Frozen and picklable, so the CLI's worker processes and ``parse_many`` receive the same options.
"""

from __future__ import annotations

from dataclasses import dataclass

# auto: the fast engine (pypdfium2) first, pdfplumber where it finds nothing; the others force one.
PDF_ENGINES = ("auto", "pdfium", "pdfplumber")
# auto: OCR only pages with no text layer; always: OCR every page; never: refuse a scan (no_text_layer).
OCR_MODES = ("auto", "always", "never")


@dataclass(frozen=True)
class ReadOptions:
    pdf_engine: str = "auto"
    ocr: str = "auto"

    def __post_init__(self) -> None:
        if self.pdf_engine not in PDF_ENGINES:
            raise ValueError(f"pdf_engine must be one of {', '.join(PDF_ENGINES)}, not {self.pdf_engine!r}")
        if self.ocr not in OCR_MODES:
            raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {self.ocr!r}")


DEFAULT_OPTIONS = ReadOptions()
