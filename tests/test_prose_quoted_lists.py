"""Classes of tasks that name their tasks in quotes ("一、已经完成的指标任务，共计19项。主要是“…”，“…”等"):
each quoted task is a row, its class the section and the rows' verdict; a class naming none is no row."""

from __future__ import annotations

import pytest

import extractor

REPORT = """关于2016年政府工作报告指标任务三季度的落实情况
一、已经完成或基本完成的指标任务，共计19项。主要是“建设完成大沙河城市内河治理工程”，“启动并建设完成新区供电线路工程”等。
二、目前进展情况良好，年底前能确保完成的指标任务，共计98项。
三、完成有一定困难，但通过努力年底前能够完成的有2项。分别为“力争解决水游城区域交通梗阻问题”，“全年实现各类融资210亿元”，占任务总数的1.6%。
"""

VARIANTS = {
    "as written": REPORT,
    "half-width": REPORT.replace("，", ",").replace("“", '"').replace("”", '"'),
    "corner quotes": REPORT.replace("“", "「").replace("”", "」"),
    "blank lines": REPORT.replace("\n", "\n\n"),
}


@pytest.mark.parametrize("text", VARIANTS.values(), ids=VARIANTS.keys())
def test_quoted_tasks_of_a_class_are_rows(text: str) -> None:
    rows = extractor.parse(text.encode("utf-8")).tables[0].rows
    assert [row.cells["task"] for row in rows] == [
        "建设完成大沙河城市内河治理工程",
        "启动并建设完成新区供电线路工程",
        "力争解决水游城区域交通梗阻问题",
        "全年实现各类融资210亿元",
    ]
    assert [row.status.value for row in rows] == ["done", "done", "behind", "behind"]
    assert rows[0].section is not None and "已经完成或基本完成" in rows[0].section
    # nothing lost: the list's words and the class's close are on its last task, the class that names
    # no task is a warning
    assert rows[1].cells["remarks"].replace(" ", "").startswith("主要是")
    assert "占任务总数的1.6%" in rows[3].cells["remarks"]
    document = extractor.parse(text.encode("utf-8"))
    assert any("共计98项" in w.message for w in document.warnings if w.code == "unplaced_text")


def test_one_quoted_task_is_no_list() -> None:
    text = REPORT.replace("，“启动并建设完成新区供电线路工程”", "")
    rows = extractor.parse(text.encode("utf-8")).tables[0].rows
    assert "建设完成大沙河城市内河治理工程" not in [row.cells["task"] for row in rows]


def test_short_quoted_names_are_no_list() -> None:
    # quoted tasks of a class's list have 8 Han characters at least: shorter quotes are names, not tasks
    text = REPORT.replace("建设完成大沙河城市内河治理工程", "大沙河治理")
    text = text.replace("启动并建设完成新区供电线路工程", "供电线路")
    rows = extractor.parse(text.encode("utf-8")).tables[0].rows
    assert "大沙河治理" not in [row.cells["task"] for row in rows]


def test_a_single_quote_is_no_list() -> None:
    text = "XX县重点工作进展情况\n1.实施“百村示范工程”建设。已完成30个村。\n2.推进“厕所革命”。已改厕500户。\n"
    rows = extractor.parse(text.encode("utf-8")).tables[0].rows
    assert [row.cells["task"] for row in rows] == ["实施“百村示范工程”建设。", "推进“厕所革命”。"]
