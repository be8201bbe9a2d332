"""Shared paths and helpers for the tests (a plain module, imported explicitly)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import extractor
from extractor.headers import is_header_row
from extractor.readers.raw import RawDocument, RawTable

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"

# Every bundled document of the seed table, by name; all give the same 11 rows.
SEED_FILES = {
    "seed.txt": SAMPLES / "seed.txt",
    "seed.docx": SAMPLES / "seed.docx",
    "seed.pdf": SAMPLES / "seed.pdf",
    "seed_merged.docx": FIXTURES / "seed_merged.docx",
    "seed_merged.pdf": FIXTURES / "seed_merged.pdf",
}


def golden_record(path: Path) -> dict[str, Any]:
    """The parse result as stored in tests/golden: the source path made machine-independent."""
    record = extractor.parse(path).model_dump(mode="json")
    record["source"]["path"] = path.name
    return record


def golden_path(name: str) -> Path:
    return GOLDEN / f"{name}.json"


def write_golden() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for name, path in SEED_FILES.items():
        text = json.dumps(golden_record(path), ensure_ascii=False, indent=1) + "\n"
        golden_path(name).write_text(text, encoding="utf-8")


def text_chars(text: str | None) -> Counter[str]:
    """The characters of a text, spaces aside (layout may drop or add them)."""
    return Counter(ch for ch in text or "" if not ch.isspace())


def lost_characters(document: extractor.Document, raw: RawDocument) -> Counter[str]:
    """Characters of the reader's non-header cells that reach neither a row, a title, a section nor
    a warning of ``document``: what the nothing-lost tests require to be empty."""
    found: Counter[str] = Counter()
    for warning in document.warnings:
        found += text_chars(warning.message)
    for table in document.tables:
        found += text_chars(table.title) + text_chars(table.attachment)
        section = None
        for row in table.rows:
            if row.section != section:
                section = row.section
                found += text_chars(section)
            for text in row.cells.values():
                found += text_chars(text)
    needed: Counter[str] = Counter()
    for block in raw.blocks:
        if isinstance(block, RawTable):
            for raw_row in block.rows:
                texts = [cell.text or "" for cell in raw_row.cells]
                if not is_header_row(texts):
                    for text in texts:
                        needed += text_chars(text)
    return needed - found


if __name__ == "__main__":  # python tests/helpers.py  — regenerate the golden files after a reviewed change
    write_golden()
