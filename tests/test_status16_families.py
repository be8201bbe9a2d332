"""Status vocabulary read as families (data/status.toml): the words for "finished" besides 完成, a column
naming the share done that reports the standing, and the tendering family of preparation."""

from __future__ import annotations

import pytest

from extractor.rules.status import prose_verdict, row_status


@pytest.mark.parametrize("progress", ["已完", "已完毕", " 全部完畢。", "已结束", "工程已完結"])
def test_a_progress_cell_holding_a_finished_word_is_done(progress: str) -> None:
    status = row_status({"task": "口袋公园项目", "progress": progress}, [], [], [], None)
    assert status.value == "done"
    (item,) = status.evidence
    assert item.rule in ("verdict.column.done", "done.part")
    assert progress[item.span[0] : item.span[1]] == item.text == progress.strip().rstrip("。")


@pytest.mark.parametrize("progress", ["未完", "尚未结束", "未完毕"])
def test_a_finished_word_negated_is_no_verdict(progress: str) -> None:
    status = row_status({"task": "口袋公园项目", "progress": progress}, [], [], [], None)
    assert status.value != "done"
    assert not any(e.rule.startswith("verdict.") for e in status.evidence)


@pytest.mark.parametrize(
    ("header", "cell"),
    [("占年任务之比", "达到目标60元"), ("完成率", "已达到目标"), ("完成进度（%）", "已實現目標")],
)
def test_a_share_column_reports_the_standing_though_its_header_names_the_task(header: str, cell: str) -> None:
    cells = {"task": "提高困难残疾人生活补贴发放标准", "progress": "197", "工作目标": "不低于60元", header: cell}
    status = row_status(cells, [], [], [], None)
    assert status.value == "done"
    (item,) = status.evidence
    assert (item.field, item.text) == (header, cell) or (item.field, item.rule) == (header, "done.target")


def test_a_column_asking_the_target_still_reports_nothing() -> None:
    cells = {"task": "提高困难残疾人生活补贴发放标准", "progress": "197", "工作目标": "达到目标60元"}
    assert row_status(cells, [], [], [], None).value == "unknown"


@pytest.mark.parametrize(
    "progress",
    [
        "已完成招投标工作。",
        "已完成招投標工作。",
        "完成施工、监理资格预审工作，正在开展清单编制工作。",
        "完成施工、監理資格預審工作，正在開展清單編制工作。",
        "项目已挂网招标。",
        "已完成施工筹备。",
    ],
)
def test_tendering_in_any_of_its_names_is_preparation(progress: str) -> None:
    status = row_status({"task": "完成20公里乡村公路大修", "progress": progress}, [], [], [], None)
    assert status.value == "not_started"
    assert {e.rule for e in status.evidence} == {"not_started.preparation"}


@pytest.mark.parametrize(
    "progress",
    [
        "公安局进行公开招投标，目前已完成66个车位划定工作。",
        "已完成招投标，正在进行路基施工。",
        "完成施工招标，路面已硬化。",
    ],
)
def test_works_named_after_a_tender_are_no_preparation_only(progress: str) -> None:
    status = row_status({"task": "某村道路建设", "progress": progress}, [], [], [], None)
    assert status.value in ("on_track", "done")


@pytest.mark.parametrize(
    "sentence",
    [
        "我市承办的10件12项省重点民生实事全部提前或超额完成。",
        "團結帶領全區人民，圓滿完成了區五屆人大二次會議確定的年度工作任務。",
        "2009年,我县为民办了10件实事:",
        "今年共辦成了十件民生實事",
    ],
)
def test_a_sentence_saying_the_years_items_are_done_is_the_documents_verdict(sentence: str) -> None:
    verdict = prose_verdict(["现将各项民生实事完成情况公示如下", sentence])
    assert verdict is not None and verdict in sentence
    status = row_status({"task": "实施农村改厕工程", "progress": ""}, [], [], [], None, headings=[verdict])
    assert (status.value, status.verdict) == ("done", verdict)


@pytest.mark.parametrize(
    "sentence",
    ["确保圆满完成全年目标任务。", "要为民办好10件实事", "将全面完成年度目标任务", "力争各项任务全部提前完成"],
)
def test_a_pledge_to_complete_is_no_verdict(sentence: str) -> None:
    assert prose_verdict([sentence]) is None


@pytest.mark.parametrize(
    "progress",
    [
        "共15个，其中3个点位已完成建设。",
        "其中3個點位已完成建設。",
        "主体已建成，内部装饰待招标。",
        "第一批学校已完成，第二批待实施。",
        "可行性研究报告已完成，目前已经装修设计。",
    ],
)
def test_a_part_or_a_preparation_said_done_is_a_step_not_the_task(progress: str) -> None:
    status = row_status({"task": "新增老年食堂15个", "progress": progress}, [], [], [], None)
    assert status.value != "done"
    assert any(a.reason.startswith("a part or a preparation") for a in status.set_aside)


@pytest.mark.parametrize(
    "progress", ["该项目已完成。", "一期工程已于2014年5月30日通车试运营。", "食堂已建成投用。", "項目已全部建成。"]
)
def test_the_task_said_done_with_no_part_named_is_done(progress: str) -> None:
    assert row_status({"task": "某项目", "progress": progress}, [], [], [], None).value == "done"


@pytest.mark.parametrize(
    "progress",
    [
        "其中1个仿古戏台已封顶；其他9个完成选址和图纸设计。",
        "其中1個仿古戲台已封頂;其他9個完成選址和圖紙設計。",
        "2所学校已开工建设，剩余2所完成招标。",
    ],
)
def test_the_rest_of_the_parts_only_prepared_while_others_move_is_behind(progress: str) -> None:
    status = row_status({"task": "莆仙戏仿古戏台改造10个", "progress": progress}, [], [], [], None)
    assert status.value == "behind"
    assert {e.rule for e in status.evidence} == {"not_started.preparation"}


def test_the_rest_of_the_parts_moving_is_no_delay() -> None:
    status = row_status({"task": "仿古戏台改造", "progress": "其中1个已封顶；其他9个正在施工。"}, [], [], [], None)
    assert status.value == "on_track"


def test_an_unknown_row_with_a_report_says_the_report_gave_no_standing() -> None:
    cells = {"task": "提高低保标准", "progress": "  城区居民低保标准为165元。 "}
    status = row_status(cells, [], [], [], None)
    assert status.value == "unknown"
    (aside,) = status.set_aside
    assert aside.item.field == "progress"
    assert cells["progress"][aside.item.span[0] : aside.item.span[1]] == aside.item.text == "城区居民低保标准为165元。"
    assert aside.reason.startswith("the report gives no standing")


def test_an_unknown_row_with_no_report_says_so_on_its_task() -> None:
    cells = {"task": "新建通村水泥路1500公里", "progress": ""}
    status = row_status(cells, [], [], [], None)
    assert status.value == "unknown"
    (aside,) = status.set_aside
    assert (aside.item.field, aside.item.text) == ("task", "新建通村水泥路1500公里")
    assert aside.reason.startswith("no report of progress")


def test_an_empty_row_is_unknown_with_nothing_to_point_at() -> None:
    assert row_status({"task": " ", "progress": ""}, [], [], [], None).set_aside == []


@pytest.mark.parametrize(
    "progress",
    [
        "城区居民低保标准由150元提高到165元。",
        "城區居民低保標準由150元提高到165元。",
        "已将补贴由每人每月600元上调至650元。",
    ],
)
def test_a_standard_raised_as_a_change_made_is_done(progress: str) -> None:
    status = row_status({"task": "提高城镇居民最低生活保障标准", "progress": progress}, [], [], [], None)
    assert status.value == "done"
    assert {e.rule for e in status.evidence} == {"done.raised"}


@pytest.mark.parametrize(
    "progress", ["拟由150元提高到165元。", "由150元降低到120元。", "正在研究由150元提高到165元，已报市政府。"]
)
def test_a_raise_planned_lowered_or_still_going_on_is_not_done(progress: str) -> None:
    status = row_status({"task": "提高城镇居民最低生活保障标准", "progress": progress}, [], [], [], None)
    assert status.value != "done"


@pytest.mark.parametrize(
    "progress",
    [
        "项目因资金问题停工，目前正在协调复工。",
        "項目停工，爭取儘快恢復施工。",
        "项目停工，待资金到位后复工。",
        "项目暂停，计划下月重启。",
    ],
)
def test_a_resumption_only_sought_leaves_the_row_stalled(progress: str) -> None:
    status = row_status({"task": "某项目建设", "progress": progress}, [], [], [], None)
    assert status.value == "stalled"


@pytest.mark.parametrize("progress", ["前期因疫情停工，现已复工，进展顺利。", "項目曾停工，現已復工。"])
def test_a_resumption_made_is_no_stop(progress: str) -> None:
    assert row_status({"task": "某项目建设", "progress": progress}, [], [], [], None).value == "on_track"
