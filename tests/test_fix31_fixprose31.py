"""fix31 (fixprose31): the words opening an item are its units only when they name an office; a
sibling's head that ends in a label's word is split at its colon like its siblings' heads."""

from __future__ import annotations

import pytest

import extractor


def _rows(text: str) -> list:
    document = extractor.parse_bytes(text.encode(), "t.txt")
    return [r for t in document.tables for r in t.rows]


OFFICES = """2023年重点工作进展情况
1.市住建局 改造老旧小区30个，已完成22个
2.市教育局 新建中小学3所，已完成主体工程
3.市卫健委 新建社区卫生服务中心5个，已开工4个
"""


@pytest.mark.parametrize("gap", [" ", "\u3000", "："])
def test_an_office_opening_an_item_is_still_its_lead_unit(gap: str) -> None:
    rows = _rows(OFFICES.replace(" ", gap))
    assert [r.lead_units for r in rows] == [["市住建局"], ["市教育局"], ["市卫健委"]]
    assert rows[0].task.startswith("改造老旧小区")


PLACES = """2023年重点工作进展情况
1.推进高新區 產業園建设已完成投资3亿元
2.推进经开區 標準廠房建设已完成投资2亿元
3.推进城南片區 安置房建设已完成投资1亿元
"""


def test_a_verb_phrase_ending_in_a_place_is_no_unit() -> None:
    rows = _rows(PLACES)
    assert rows and all(not r.lead_units for r in rows), [(r.task, r.lead_units) for r in rows]
    assert all("區" in r.task for r in rows)


QUOTES = """2023年重點工作進展情況
1.縣長強調：要加快推進項目建設。已完成投資3.2億元。
2.縣長指出：要持續優化營商環境。已將審批時限壓縮至5個工作日。
3.縣長要求：要著力保障改善民生。新增就業崗位1200個。
"""


@pytest.mark.parametrize("colon", ["：", ":", " : "])
def test_a_siblings_head_ending_in_a_label_word_is_its_task(colon: str) -> None:
    rows = _rows(QUOTES.replace("：", colon))
    assert [r.task for r in rows] == ["縣長強調", "縣長指出", "縣長要求"]
    assert rows[2].progress.startswith("要著力保障改善民生")


BODIES = """2023年重點工作進展情況
1.區婦聯 開展巾幗創業培訓，已培訓300人次
2.区科协\u3000开展科普进社区活动，已开展12场
3.區團委 開展青年志願服務，已組織活動20次
"""


def test_a_body_named_by_its_own_word_still_opens_as_the_lead_unit() -> None:
    rows = _rows(BODIES)
    assert [r.lead_units for r in rows] == [["區婦聯"], ["区科协"], ["區團委"]]
    assert rows[1].task == "开展科普进社区活动"
