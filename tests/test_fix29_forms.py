"""fix29 (forms): guards beside review29's tests — what the mended readings must still refuse."""

from __future__ import annotations

import pytest

import extractor
from extractor.layout.lastresort import header_word
from extractor.layout.selfeval import _values_rejoined


@pytest.mark.parametrize(
    ("header", "word"),
    [
        ("承诺时限", "limit"),
        ("計劃辦結時限", "limit"),
        ("排放上限", "limit"),
        ("实际办结时限", "reached"),  # what was reached wins over the limit it is measured in
        ("年度目标", "aim"),
        ("承诺", "aim"),
        ("服务", None),
    ],
)
def test_header_word_tells_a_limit_from_an_aim(header: str, word: str | None) -> None:
    assert header_word(header) == word


def test_spaced_values_rejoin_but_neighbouring_numbers_do_not() -> None:
    line = "数量指标 新建渠道 ≥ 12 公里 12.5 公里 20 20 改造站 3 座 3 座 10 10"
    assert _values_rejoined(line.split()) == [
        "数量指标", "新建渠道", "≥12公里", "12.5公里", "20", "20", "改造站", "3座", "3座", "10", "10",
    ]  # fmt: skip


def test_the_last_item_stops_at_a_closing_paragraph() -> None:
    lines = ["某街道服务事项清单", "①", "社区养老服务", "日间照料", "②", "社区卫生服务", "家庭医生签约"]
    lines += ["③", "社区文化服务", "图书借阅", "文艺活动", "健身指导"]
    closing = "以上事项如有变动，以街道办事处最新公布的服务清单为准，敬请广大居民群众知悉并监督。"
    document = extractor.parse_bytes("\n".join([*lines, closing]).encode(), "t.txt")
    (table,) = document.tables
    assert (table.rows[2].progress or "").split("\n") == ["图书借阅", "文艺活动", "健身指导"]
    assert closing not in (table.rows[2].progress or "")
