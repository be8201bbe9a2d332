"""Kinds of rows read this round (issue 13): a count of items begun is work begun on them, so a part
not started beside it makes the row behind (gold conventions, Status 4)."""

from __future__ import annotations

import pytest

from extractor.models import Period, Status
from extractor.rules.cells import find_issues, find_statements
from extractor.rules.figures import extract_figures
from extractor.rules.status import row_status

H1 = Period(text="上半年", source="title", elapsed=0.5)


def _status(task: str, progress: str, period: Period | None = H1) -> Status:
    issues = find_issues(progress, "progress")
    statements = find_statements(progress, "progress", issues)
    figures = [*extract_figures(task, "task", None), *extract_figures(progress, "progress", None)]
    return row_status({"task": task, "progress": progress}, figures, statements, issues, period)


TASK = "紧盯国债项目6月底前开工的时间节点，加快推进项目实施。"


@pytest.mark.parametrize(
    "progress",
    [
        "截至目前，县自然资源局负责国债项目5个，开工2个，未开工3个。",
        "截至目前，縣自然資源局負責國債項目5個，開工2個，未開工3個。",
        "国债项目5个,已开工 2 个,尚未开工3个",
        "新开工项目17个，另有4个项目未开工。",
    ],
)
def test_a_count_begun_beside_a_count_not_begun_is_behind(progress: str) -> None:
    status = _status(TASK, progress)
    assert status.value == "behind"
    # the part not begun is the evidence; the count begun is what makes it a part (else: not_started)
    assert "not_started.explicit" in {e.rule for e in status.evidence}


@pytest.mark.parametrize(
    ("progress", "value"),
    [
        ("国债项目5个，未开工5个。", "not_started"),  # nothing begun
        ("国债项目5个，开工5个。", "on_track"),
        ("计划开工项目20个，正在办理前期手续。", "not_started"),  # a planned count is no start
    ],
)
def test_counts_alone(progress: str, value: str) -> None:
    assert _status(TASK, progress).value == value


# With no progress cell, a sentence that reports (已…, 正在, 截至…) is the progress wherever the row's
# columns put it: the task cell or a side column (a report read under another column's header).
def _row(cells: dict[str, str], period: Period | None = H1) -> Status:
    return row_status(cells, [], [], [], period)


@pytest.mark.parametrize(
    ("cells", "value"),
    [
        ({"task": "新建公办幼儿园3所", "progress": "", "年度目标": "截至6月底，3所幼儿园已全部建成投用。"}, "done"),
        ({"task": "新建公办幼儿园3所", "progress": "", "目标任务": "目前正在进行主体施工。"}, "on_track"),
        ({"task": "新建公辦幼兒園3所", "progress": "", "目標任務": "目前正在進行主體施工。"}, "on_track"),
        ({"task": "新建公办幼儿园3所", "progress": "", "工作要求": "截至目前，项目推进缓慢。"}, "behind"),
        # a column that only asks, or says what comes next, reports nothing
        ({"task": "新建公办幼儿园3所", "progress": "", "年度目标": "年底前建成投用3所。"}, "unknown"),
        ({"task": "新建公办幼儿园3所", "progress": "", "下步打算": "目前正在进行主体施工。"}, "unknown"),
        # a progress cell present: the side column is not read as a report
        ({"task": "新建公办幼儿园3所", "progress": "正在开展前期工作。", "年度目标": "目前已建成。"}, "not_started"),
    ],
)
def test_a_report_under_another_column_is_the_progress_when_the_row_has_none(cells: dict[str, str], value: str) -> None:
    assert _row(cells).value == value


@pytest.mark.parametrize(
    ("cells", "value"),
    [
        # no progress cell: a side column's cue words are read whatever its header asks
        ({"task": "新建公办幼儿园3所", "progress": "", "年度目标": "进度滞后"}, "behind"),
        ({"task": "新建公办幼儿园3所", "progress": "", "目标任务": "完成率45%，项目推进缓慢"}, "behind"),
        ({"task": "新建公辦幼兒園3所", "progress": "", "目標任務": "進度滯後"}, "behind"),
        ({"task": "新建公办幼儿园3所", "progress": "", "年度目标": "年底前建成投用3所"}, "unknown"),
        # with a progress cell, a column that asks is the target's, not a report
        ({"task": "新建公办幼儿园3所", "progress": "项目尚未开工。", "年度目标": "确保进展顺利"}, "not_started"),
    ],
)
def test_a_side_column_under_an_asking_header_is_read_when_the_row_has_no_progress(
    cells: dict[str, str], value: str
) -> None:
    assert _row(cells).value == value


NOV = Period(text="截至10月31日", source="text", elapsed=0.8333)


@pytest.mark.parametrize(
    ("progress", "value", "share"),
    [
        ("50%(马站未开工", "behind", 0.5),  # a cut note after the share
        ("50%（馬站未開工）", "behind", 0.5),
        ("90% (主体完工)", "on_track", 0.9),
        ("100%【已竣工】", "done", 1.0),
        ("50%以上的站点已开工", "on_track", None),  # no note: a level in a sentence, no share
    ],
)
def test_a_share_before_a_note_is_the_share(progress: str, value: str, share: float | None) -> None:
    status = _row({"task": "开工建设矾山镇、马站镇等2家中心敬老院。", "progress": progress}, NOV)
    assert (status.value, status.completion) == (value, share)


# A note in brackets in the task cell is an annotation on the task's standing, read by the stop and
# delay tiers only: never the target's own words (（力争年底前建成投用） is no done).
@pytest.mark.parametrize(
    ("task", "progress", "value"),
    [
        ("建设国家临床重点专科项目10个（待省下达具体任务明确后另行分解）", "未分解任务到本县。", "stalled"),
        ("建設國家臨床重點專科項目10個(待省下達具體任務明確後另行分解)", "未分解任務到本縣。", "stalled"),
        ("新建体育公园1个（受用地影响，项目延期）", "", "behind"),
        ("新建体育公园1个（力争年底前建成投用）", "", "unknown"),
        ("新建体育公园1个（建成投用）", "", "unknown"),  # a done note is not read: a target may be worded so
        ("新建体育公园1个（已建成投用）", "", "done"),  # … unless it reports (已…): the task's report
        ("新建体育公园1个（含续建项目）", "项目已开工。", "on_track"),
    ],
)
def test_a_note_in_the_task_is_read_for_a_stop_or_a_delay(task: str, progress: str, value: str) -> None:
    assert _row({"task": task, "progress": progress}).value == value


# A start only planned in a clause of what is yet to come (将于近期启动建设, 计划7-8月施工) names no
# works begun: a progress of preparation with it is not started.
@pytest.mark.parametrize(
    ("progress", "value"),
    [
        ("已进行项目开工奠基。将于近期启动建设，目前已完成开工前各项准备。", "not_started"),
        ("目前正在方案设计，计划5-6月招标、7-8月施工。", "not_started"),
        ("目前正在方案設計，計劃5-6月招標、7-8月施工。", "not_started"),
        ("已完成施工招标，正在进行基础施工。", "on_track"),  # works reported: moving
    ],
)
def test_works_only_planned_do_not_start_the_task(progress: str, value: str) -> None:
    assert _row({"task": "新建社区综合服务中心", "progress": progress}).value == value
