"""status.py's clause and sentence bounds, found once per cell's view (speed18), read exactly as the
searches they replace: a search that ends at an item's start sees the cell cut there, so a thousands
comma just before the cut (1,2345 cut after 234) reads as a break on the cut text and not on the
whole; the bounds must say what the cut search said, for every cut."""

from __future__ import annotations

import random

import pytest

from extractor.rules import status


def _old_clause_start(view: str, start: int, low: int = 0) -> int | None:
    return max((m.end() for m in status._CLAUSE_BREAK.finditer(view, low, start)), default=None)


def _old_sentence_start(view: str, start: int) -> int:
    return max((m.end() for m in status._SENTENCE_BREAK.finditer(view, 0, start)), default=0)


def _old_clause_end(view: str, end: int) -> int:
    return next((m.start() for m in status._CLAUSE_BREAK.finditer(view, end)), len(view))


@pytest.mark.parametrize(
    "view",
    [
        "完成投资1,2345万元，同比增长5%",  # a comma that is a thousands comma only on a cut text
        "完成投资1,234万元，同比增长5%",  # a thousands comma
        "已完成1,234,567元;正在推进：二期",  # ASCII semicolon and colon
        "截至9月底，已开工12台。屋面改造处于前期工作阶段\n下一步加快推进",
        "",
    ],
)
def test_bounds_match_the_cut_searches_at_every_offset(view: str) -> None:
    for start in range(len(view) + 2):
        assert status._clause_start(view, start) == _old_clause_start(view, start)
        assert status._sentence_start(view, start) == _old_sentence_start(view, start)
        assert status._clause_end(view, start) == _old_clause_end(view, start)
        for low in range(start + 1):
            assert status._clause_start(view, start, low) == _old_clause_start(view, start, low)


def test_a_comma_reads_as_the_cut_text_reads_it() -> None:
    """1,2345 whole: a break (no thousands comma); cut after 1,234: a thousands comma, no break; 1,234
    whole: no break; cut after 1,23: a break."""
    view = "投资1,2345万元"
    assert status._clause_end(view, 0) == view.index(",")
    assert status._clause_start(view, view.index("5")) is None
    assert status._clause_start(view, len(view)) == view.index(",") + 1
    view = "投资1,234万元"
    assert status._clause_end(view, 0) == len(view)
    assert status._clause_start(view, view.index("4")) == view.index(",") + 1
    assert status._clause_start(view, len(view)) is None


def test_bounds_match_on_generated_texts() -> None:
    rng = random.Random(18)
    alphabet = "0123456789,,，。;：\n 万元年完成"
    for _ in range(400):
        view = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        for start in range(len(view) + 1):
            assert status._clause_start(view, start) == _old_clause_start(view, start), (view, start)
            assert status._sentence_start(view, start) == _old_sentence_start(view, start), (view, start)
            assert status._clause_end(view, start) == _old_clause_end(view, start), (view, start)
            low = rng.randint(0, start)
            assert status._clause_start(view, start, low) == _old_clause_start(view, start, low), (view, start, low)
