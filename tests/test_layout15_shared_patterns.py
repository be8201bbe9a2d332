"""The layout stage's item numbers and empty-cell marks come from the shared vocabulary, not from
literals of their own:

- a task's own number in brackets or Chinese numerals is layout.toml ``item_prefix``, which is the
  shared ``{ENUMERATOR}`` (data/shared.toml) held at a cell's start: what the figure and status
  rules take for an item's number, the table stage takes too; a decimal is no item number;
- the numbered paragraphs of one stream cell (1、… 2、…) are read with headers.SEQ_PREFIX;
- a mark for an empty cell ("/", "—", "無") is layout.toml ``blank_mark``.
"""

from __future__ import annotations

import pytest

import extractor
from extractor.headers import layout_patterns
from extractor.layout.stream import _next_item
from extractor.layout.subrows import kind
from extractor.rules.compiled import compile_rule
from extractor.rules.data import expand, load
from extractor.textnorm import match_view


@pytest.mark.parametrize("example", [e for e, n in load("shared")["examples"]["ENUMERATOR"] if n])
def test_every_shared_enumerator_opens_an_item(example: str) -> None:
    assert compile_rule(expand("^{ENUMERATOR}")).match(example)  # the shared piece reads it …
    assert layout_patterns()["item_prefix"].match(match_view(example + "新建学校"))  # … and so does the table


@pytest.mark.parametrize("text", ["1.5亿元投资", "2.35万人", "一是加快建设", "第一项工作", "2024年完成"])
def test_a_decimal_or_an_ordinal_is_no_item_number(text: str) -> None:
    assert not layout_patterns()["item_prefix"].match(match_view(text))


@pytest.mark.parametrize(
    "numbers",
    [["（十一）", "（十二）", "（十三）"], ["十一、", "十二、", "十三、"], ["(11)", "(12)", "(13)"]],
)
@pytest.mark.parametrize("traditional", [False, True], ids=["simplified", "traditional"])
def test_two_digit_item_numbers_give_the_rows_their_seq(numbers: list[str], traditional: bool) -> None:
    tasks = ["深入解读重要政策措施。", "积极回应社会关切。", "加强政务公开平台建设。"]
    units = "市直各单位"
    if traditional:
        tasks = ["深入解讀重要政策措施。", "積極回應社會關切。", "加強政務公開平臺建設。"]
        units = "市直各單位"
    lines = ["政务公开工作要点分工表", "具体要求\t责任单位"]
    lines += [f"{n}{t}\t{units}" for n, t in zip(numbers, tasks, strict=True)]
    rows = extractor.parse_bytes(("\n".join(lines) + "\n").encode(), "t.txt").tables[0].rows
    assert [r.seq for r in rows] == [11, 12, 13]
    assert [r.task for r in rows] == tasks


def test_tasks_opening_with_a_decimal_keep_it() -> None:
    tasks = ["5.5亿元用于道路改造。", "2.5亿元用于学校建设。", "8.5亿元用于医院建设。"]  # not counting 1, 2, 3
    lines = ["资金安排表", "具体要求\t责任单位", *(f"{t}\t市财政局" for t in tasks)]
    rows = extractor.parse_bytes(("\n".join(lines) + "\n").encode(), "t.txt").tables[0].rows
    assert [r.task for r in rows] == tasks


@pytest.mark.parametrize(
    ("left", "right"), [("1、完成选址", "2、开工建设"), ("9.完成", "10.验收"), ("*3．推进", "4．完成")]
)
def test_the_next_numbered_paragraph_continues_its_cell(left: str, right: str) -> None:
    assert _next_item(left, right)


@pytest.mark.parametrize(
    ("left", "right"), [("1、完成选址", "3、开工建设"), ("1、完成", "2.5亿元"), ("完成选址", "2、开工")]
)
def test_a_paragraph_out_of_turn_does_not(left: str, right: str) -> None:
    assert not _next_item(left, right)


@pytest.mark.parametrize("mark", ["/", "／", "\\", "—", "――", "~", "无", "暂无", "暫無", "無", "×", "X", " — "])
def test_an_empty_cell_mark_is_blank(mark: str) -> None:
    assert kind(mark) == "blank"


@pytest.mark.parametrize("text", ["无问题", "无锡市", "—2", "-12%", "暂无进展情况", "/2"])
def test_more_than_a_mark_is_no_blank(text: str) -> None:
    assert kind(text) != "blank"
