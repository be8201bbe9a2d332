"""review27a: counter-examples to the lead-27 diff (numbered prose, nothing lost, status data).

Every test here failed on lead-27 f9ed07e (the review's reproductions, numbered as its findings);
each asserts the value expected (main ceef9b3 gave it for 1, 3, 5, 6, 7, 8). They pass since the
review's fixes.
"""

from __future__ import annotations

import pytest

import extractor
from extractor.rules.status import prose_verdict, status_rules


def finding(number: int, why: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"review27a finding {number}: {why}")


def rows(text: str) -> list:
    return extractor.parse(text.encode("utf-8")).tables[0].rows


def kept(text: str) -> str:
    """Everything the document output holds: titles, sections, cells, warnings (no whitespace)."""
    document = extractor.parse(text.encode("utf-8"))
    parts = [w.message for w in document.warnings]
    for table in document.tables:
        parts.append(table.title or "")
        for row in table.rows:
            parts.append(row.section or "")
            parts.extend(value for value in row.cells.values() if value)
    return "".join("".join(parts).split())


# 1. A short first sentence that already reports is taken as the title: the report moves into the task.
SHORT_FIRST_SENTENCE = """XX县2023年重点项目进展情况
1.城区道路改造项目，目前已完成80%。下一步将加快推进。
2.污水处理厂建设工程，截至6月底完成投资2亿元。正在进行设备安装。
3.新建学校2所，已完成主体工程。目前正在进行内部装修。
"""


@pytest.mark.parametrize(
    "text", [SHORT_FIRST_SENTENCE, SHORT_FIRST_SENTENCE.replace("，", ",")], ids=["full-width", "half-width"]
)
def test_a_report_in_the_first_sentence_is_progress(text: str) -> None:
    found = rows(text)
    assert [row.cells["task"] for row in found] == ["城区道路改造项目", "污水处理厂建设工程", "新建学校2所"]
    assert found[0].cells["progress"].startswith("目前已完成80%")
    assert found[2].cells["progress"].startswith("已完成主体工程")


# 2. The document's verdict (prose_verdict splits at commas, so the guard words 确保/力争 are in
# another clause; `end` now strips a count, so a partial count reads as every row's verdict).
@pytest.mark.parametrize(
    "paragraph",
    [
        "力争到年底，所有项目全部建成。",
        "确保年底前，各项工程全部完工。",
        "预计年底各项工程全部完工。",
        "全县共安排重点项目30个，已完成的项目有3个，其余正在推进。",
        "除东区改造项目外，其余项目均已完工。",
    ],
)
def test_a_target_or_a_part_is_no_verdict_on_every_row(paragraph: str) -> None:
    assert prose_verdict([paragraph]) is None


def test_rows_keep_their_own_status_under_a_target_sentence() -> None:
    text = (
        "XX县2023年民生工程进展情况\n力争到年底，所有项目全部建成。\n"
        "1.城区道路改造工程。目前正在进行路基施工。\n2.新建第二中学。已完成前期工作，尚未开工。\n"
    )
    assert [row.status.value for row in rows(text)] == ["on_track", "not_started"]


@pytest.mark.parametrize("heading", ["完成存在困难家庭危房改造任务", "完成有一定困难群众的帮扶"])
def test_a_task_about_people_in_difficulty_is_no_behind_heading(heading: str) -> None:
    assert status_rules().verdict.read_heading(heading) is None


# 3. MIN_QUOTED_TASK in _quoted_items: short quoted tasks carried by a unit are real tasks.
def test_short_quoted_tasks_after_their_unit_are_rows() -> None:
    text = (
        "XX县政府工作报告重点任务落实情况\n"
        "县教育局负责的“新建幼儿园3所”，截至目前，已完成2所主体建设；县卫健委负责的“改造乡镇卫生院”，"
        "截至目前，已完成4所；县住建局负责的“改造老旧小区”，截至目前，已开工12个小区。\n"
    )
    assert [row.cells["task"] for row in rows(text)] == ["新建幼儿园3所", "改造乡镇卫生院", "改造老旧小区"]


# 4. _quoted_list fires on any item quoting two names after 是/包括; _unnamed_classes then sets real
# tasks aside because they hold a count (共有5个, 有12个).
QUOTING_TASKS = """XX县2023年重点工作进展情况
1.推进乡村振兴。重点是“建设美丽乡村示范点工程”、“实施农村人居环境整治提升”。目前已建成示范村12个。
2.加快城区道路改造。共有5个标段，已开工3个。
3.推进文化旅游融合。主要包括“打造全域旅游示范区建设”和“实施文化遗产保护利用工程”，已完成投资1.2亿元。
4.改善农村饮水条件。全县有12个村完成改造。
"""


def test_tasks_quoting_names_stay_tasks_with_their_progress() -> None:
    found = rows(QUOTING_TASKS)
    # (under a title that says it reports, the text after a short title sentence is its progress, as
    # most dev gold cuts it: ln-tielingxian-01, zj-qiantangxiasha-01; ha-xiping-01 keeps it in the task)
    assert [row.cells["task"] for row in found] == [
        "推进乡村振兴。",
        "加快城区道路改造。",
        "推进文化旅游融合。",
        "改善农村饮水条件。",
    ]
    assert found[0].cells["progress"].startswith("重点是“建设美丽乡村示范点工程”、“实施农村人居环境整治提升”。")
    assert found[1].cells["progress"] == "共有5个标段，已开工3个。"


def test_a_quoted_lists_words_are_kept() -> None:
    text = (
        "关于2016年政府工作报告指标任务三季度的落实情况\n"
        "一、已经完成或基本完成的指标任务，共计19项。主要是“建设完成大沙河城市内河治理工程”和“启动并建设完成新区供电线路工程”等。\n"
        "二、目前进展情况良好，年底前能确保完成的指标任务，共计98项。\n"
        "三、完成有一定困难，但通过努力年底前能够完成的有2项。分别为“力争解决水游城区域交通梗阻问题”，“全年实现各类融资210亿元”。\n"
    )
    out = kept(text)
    assert "主要是" in out and "分别为" in out and "”和“" in out.replace("”,“", "")


# 5. project_name's 于<time>: a target's deadline is the task's, not progress.
def test_a_deadline_after_the_project_stays_in_the_task() -> None:
    text = (
        "XX县2023年重点项目进展情况\n"
        "1.确保城南污水处理厂提标改造项目于10月底前完工，目前主体已完成80%。\n"
        "2.推动城北物流园区建设项目于年底前开工，目前正在办理用地手续。\n"
    )
    assert [row.cells["task"] for row in rows(text)] == [
        "确保城南污水处理厂提标改造项目于10月底前完工",
        "推动城北物流园区建设项目于年底前开工",
    ]


# 6. The preparation vocabulary: a plan fixed, then work done, is no not_started.
def test_a_plan_fixed_then_work_done_has_started() -> None:
    text = (
        "XX县2023年重点工作进展情况\n"
        "1.整治农村人居环境。制定整治方案后，清理垃圾5000吨。\n"
        "2.提升改造中小学校舍。已完成投资评审，完成投资800万元。\n"
        "3.实施老旧小区改造。已确定改造方案，完成改造小区3个。\n"
    )
    assert "not_started" not in [row.status.value for row in rows(text)]


# 7. The breadcrumb furniture pattern drops a line of content, silently.
def test_a_line_with_arrows_is_kept() -> None:
    text = (
        "XX县2023年重点项目进展情况\n1.推进审批制度改革。\n审批流程：立项>可研>初设>施工图\n"
        "目前已压缩审批时限50%。\n2.新建学校2所。主体工程正在施工。\n"
    )
    assert "立项>可研>初设>施工图" in kept(text)


# 8. A list of one in a paragraph when another holds a list: 之一是 / 统一是 are no run-in items.
def test_one_shi_inside_a_word_is_no_item() -> None:
    text = (
        "XX街道2022年工作总结\n一、重点工作成效\n"
        "（一）党建引领持续深化。一是强化思想引领，开展理论学习12次。二是坚决正风肃纪，召开专题部署会3次。三是全力克难攻坚，化解矛盾纠纷45件。\n"
        "（二）存在的不足。当前面临的困难之一是项目资金缺口较大，部分工程进度偏慢。\n"
        "（三）下步打算。坚持规划统一是前提，加快推进老旧小区改造。\n"
    )
    tasks = [row.cells.get("task", "") for row in rows(text)]
    assert not any(task.startswith(("项目资金缺口较大", "前提")) for task in tasks)


# 11. _run_in_items: once a heading says "reports", a later plan heading never turns it off.
def test_run_in_items_under_a_later_plan_heading_are_tasks_whole() -> None:
    text = (
        "XX街道2023年工作总结和2024年工作计划\n一、2023年工作完成情况\n"
        "（一）经济持续向好。一是经济实现长足发展。引进企业12家，新增就业300人。二是业态种类趋于丰富。新增商户27家。\n"
        "二、2024年工作计划\n"
        "（一）推动经济发展。一是加快项目建设。新开工项目20个，完成投资15亿元。二是优化营商环境。新增市场主体500户。\n"
    )
    planned = [row for row in rows(text) if "项目建设" in row.cells.get("task", "")]
    assert planned and not planned[0].cells.get("progress")


# 12. An aside overview's date is the report's date: the same sentence gives the period as a
# preamble line, none under a numbered 总体情况 heading (main gives none either: a gap, not a regression).
def test_the_overview_dates_the_report() -> None:
    text = (
        "XX县重点项目推进情况\n一、总体情况\n截至2024年6月底，全县重点项目完成投资12亿元。\n二、项目进展\n"
        "1.推进工业园区建设。年度计划投资4亿元，已完成投资1亿元。\n2.加快农业产业化。年度计划投资2亿元，已完成投资1.5亿元。\n"
    )
    period = extractor.parse(text.encode("utf-8")).period
    assert period is not None and period.end == "2024-06-30"


# 13. _in_field_value: a list under a plan label (下步打算：一是…二是…) is the plan's tasks, not one
# field's parts; the only list of a plan document is now no table at all.
def test_a_run_in_plan_under_its_label_is_rows() -> None:
    text = (
        "XX镇2024年工作计划\n下步打算：一是加快推进城区道路改造工程建设。二是全面完成农村人居环境整治任务。"
        "三是持续优化营商环境。\n"
    )
    assert len(rows(text)) == 3
