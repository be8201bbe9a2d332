"""match_view's two caches (textnorm.py, speed18): short texts (the layout stage's lines and trial
cells) kept many, long ones few; the view is the same whichever keeps it."""

from __future__ import annotations

import pytest

from extractor import textnorm
from extractor.textnorm import SHORT_VIEW, match_view


@pytest.mark.parametrize("length", [1, SHORT_VIEW - 1, SHORT_VIEW, SHORT_VIEW + 1, 4 * SHORT_VIEW])
def test_the_view_is_the_same_on_either_side_of_the_short_cache(length: int) -> None:
    text = ("完成投資１２３億元，（二）進度滯後\u200b" * length)[:length]
    view = match_view(text)
    assert view == text.translate(textnorm._VIEW_TABLE)
    assert len(view) == len(text)
    assert match_view(text) is view  # kept: asked again, the same string


def test_a_long_text_does_not_take_a_short_view_slot() -> None:
    long_text = "進度" * SHORT_VIEW
    before = textnorm._short_view.cache_info().currsize
    match_view(long_text)
    assert textnorm._short_view.cache_info().currsize == before
    assert match_view(long_text) == "进度" * SHORT_VIEW
