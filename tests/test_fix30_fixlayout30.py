"""fix30 (fixlayout30): a title's genre decides whether a report follows (review30 #1); the cell
readers stay linear on long runs of header words (review30 #2, #10)."""

from __future__ import annotations

import pytest

from extractor.layout.lastresort import reports_results


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("关于开展工作落实情况督查的通知", False),  # a notice about an inspection of results
        ("關於2023年度重點工作推進情況的新聞發佈會", False),  # a press conference, traditional
        ("关于报送整改落实情况的通知.", False),  # half-width stop after the head noun
        ("全县重点项目推进会", False),
        ("关于重点工作进展情况的通报", True),  # 通报 reports
        ("会议精神落实情况", True),  # 会议 inside the title is no head noun
        ("2023年计划执行情况", True),
        ("进展情况报送方案", False),
        ("网站首页", None),
    ],
)
def test_title_genre_decides(title: str, said: bool | None) -> None:
    assert reports_results(title) is said
