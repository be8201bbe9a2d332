"""The 1,100-row fixtures: every row found once, none split or merged, same in every format."""

from __future__ import annotations

import re

import pytest

import extractor
from tests.helpers import FIXTURES


def _rows(fmt: str) -> list[tuple]:
    document = extractor.parse(FIXTURES / f"seed1100.{fmt}")
    assert len(document.tables) == 1
    # the web page's navigation and footer and the workbook's note sheet are unplaced text;
    # nothing else is warned
    assert [w for w in document.warnings if not (fmt in ("html", "xlsx") and w.code == "unplaced_text")] == []
    return [
        (r.seq, re.sub(r"\s+", "", r.task or ""), re.sub(r"\s+", "", r.progress or ""), r.lead_units)
        for r in document.tables[0].rows
    ]


@pytest.fixture(scope="module")
def txt_rows() -> list[tuple]:
    return _rows("txt")


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf", "xlsx", "html"])
def test_1100_rows(fmt: str, txt_rows: list[tuple]) -> None:
    rows = txt_rows if fmt == "txt" else _rows(fmt)
    assert [r[0] for r in rows] == list(range(1, 1101))
    assert rows == txt_rows
