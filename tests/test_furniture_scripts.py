"""Page furniture is furniture in either script (the vocabulary is written in simplified)."""

from __future__ import annotations

import pytest

from extractor.headers import is_furniture


@pytest.mark.parametrize(
    "text",
    ["當前位置：首頁 > 政務公開", "当前位置:首页>政务公开", "首頁 | 網站地圖 | 隱私保護 | 聯絡我們", "瀏覽次數：1024"],
)
def test_furniture_in_either_script(text: str) -> None:
    assert is_furniture(text)


@pytest.mark.parametrize("text", ["完成率>90%", "審批流程：立項>可研>初設", "-3.92"])
def test_content_is_no_furniture_in_either_script(text: str) -> None:
    assert not is_furniture(text)
