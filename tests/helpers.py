"""Shared paths and helpers for the tests (a plain module, imported explicitly)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import extractor

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


if __name__ == "__main__":  # python tests/helpers.py  — regenerate the golden files after a reviewed change
    write_golden()
