"""A cell holding nothing but a status word is the document's verdict on the row (data/status.toml
[verdict.column]): in the status column; in a progress column filled like one, where the row's own
reading finds nothing or only a generic verb of work."""

from __future__ import annotations

import pytest

from extractor.rules.status import row_status


@pytest.mark.parametrize(
    ("progress", "value"),
    [
        ("办结", "done"),
        ("辦結", "done"),
        ("项目完成。", "done"),  # 完成 alone would be a generic verb of work (on_track)
        ("工程完工", "done"),
        (" 该项结案 ", "done"),
    ],
)
def test_a_progress_cell_holding_only_a_status_word_is_the_verdict(progress: str, value: str) -> None:
    status = row_status({"task": "新建某学校", "progress": progress}, [], [], [], None)
    assert status.value == value
    (item,) = status.evidence
    assert item.field == "progress"
    assert progress[item.span[0] : item.span[1]] == item.text == progress.strip().rstrip("。")
    assert item.rule == f"verdict.column.{value}"


def test_the_status_cell_decides_before_a_status_word_in_the_progress() -> None:
    status = row_status({"task": "新建某学校", "progress": "办结", "status": "滞后"}, [], [], [], None)
    assert (status.value, status.evidence[0].field) == ("behind", "status")


@pytest.mark.parametrize("progress", ["完成投资5亿元", "已完成主体施工，正在装修。", "待验收"])
def test_a_progress_cell_that_reports_is_no_verdict(progress: str) -> None:
    status = row_status({"task": "新建某学校", "progress": progress}, [], [], [], None)
    assert not any(e.rule.startswith("verdict.") for e in status.evidence)


def test_a_status_word_in_the_progress_gives_way_to_a_share_beside_it() -> None:
    """在建 with 51% under 完成进度 at three quarters of the year: the share decides (behind)."""
    from extractor.models import Period

    period = Period(text="1-9月", source="title", elapsed=0.75)
    status = row_status({"task": "建设某学校", "progress": "在建", "完成进度（%）": "51"}, [], [], [], period)
    assert (status.value, status.completion) == ("behind", 0.51)


@pytest.mark.parametrize("cell", ["项目完成。", "项 目 已 竣 工", "該項已辦結", "已建成投用"])
def test_a_status_cell_naming_its_subject_is_a_verdict(cell: str) -> None:
    status = row_status({"task": "新建某学校", "progress": "正在装修。", "status": cell}, [], [], [], None)
    assert (status.value, status.evidence[0].field) == ("done", "status")


@pytest.mark.parametrize(
    ("header", "answer", "value"),
    [
        ("是否达到序时进度(未达注明原因)", "否", "behind"),
        ("是否達進度（未達進度注明原因）", "是", "on_track"),
        ("进度是否滞后", "否", "on_track"),
        ("进度是否滞后", " 是 ", "behind"),
        ("有无滞后", "有", "behind"),
        ("有無滯後", "无", "on_track"),
        ("是否按期完成", "√", "done"),
        ("是否按期完成", "×", "behind"),
    ],
)
def test_a_yes_or_no_under_a_question_is_the_state_asked_or_its_opposite(header: str, answer: str, value: str) -> None:
    cells = {"task": "建设某项目", "progress": "正在施工。", "status": answer}
    status = row_status(cells, [], [], [], None, headers={"status": header})
    assert status.value == value
    (item,) = status.evidence
    assert (item.field, item.text, answer[item.span[0] : item.span[1]]) == ("status", answer.strip(), answer.strip())


@pytest.mark.parametrize("header", ["备注", "是否", "是否开工"])
def test_a_yes_under_a_header_that_asks_no_state_decides_nothing(header: str) -> None:
    cells = {"task": "建设某项目", "progress": "正在施工。", "status": "是"}
    status = row_status(cells, [], [], [], None, headers={"status": header})
    assert (status.value, [e.rule for e in status.evidence]) == ("on_track", ["on_track.ongoing"])


def test_a_yes_to_on_schedule_gives_way_to_the_row_read_done() -> None:
    """是否达到序时进度 | 是 says the row is not late; a row whose progress says it is finished is done."""
    cells = {"task": "建设某项目", "progress": "项目已全面完成。", "status": "是"}
    status = row_status(cells, [], [], [], None, headers={"status": "是否达到序时进度"})
    assert status.value == "done"
    assert status.verdict is None


def test_without_headers_a_yes_is_no_verdict() -> None:
    status = row_status({"task": "建设某项目", "progress": "", "status": "是"}, [], [], [], None)
    assert status.value == "unknown"


@pytest.mark.parametrize(
    ("cell", "value", "cue"),
    [
        ("目前此项工作按照文件实施方案已组织符合条件人员进行网上申请，待审核通过后发放。", "on_track", "已组织"),
        ("目前此項工作已組織符合條件人員進行網上申請。", "on_track", "已組織"),
        ("受疫情影响，项目施工进度缓慢，正在协调。", "behind", "施工进度缓慢"),
        ("下一步将加快推进项目建设，力争年底完工。", "unknown", None),
    ],
)
def test_a_status_cell_holding_a_report_is_read_as_progress(cell: str, value: str, cue: str | None) -> None:
    status = row_status({"task": "发放高校毕业生求职创业补贴", "progress": "", "status": cell}, [], [], [], None)
    assert status.value == value
    if cue is not None:
        assert cue in [e.text for e in status.evidence]
        assert all(cell[e.span[0] : e.span[1]] == e.text for e in status.evidence)


@pytest.mark.parametrize(
    ("header", "progress", "value", "completion"),
    [
        ("形象进度(%)", "60", "behind", 0.60),
        ("形象進度（%）", " 80 ", "on_track", 0.80),
        ("完成比例", "100", "done", 1.0),
    ],
)
def test_a_number_under_a_progress_header_naming_a_share_is_a_share(
    header: str, progress: str, value: str, completion: float
) -> None:
    from extractor.models import Period

    period = Period(text="1-9月", source="title", elapsed=0.75)
    cells = {"task": "建设某学校", "progress": progress}
    status = row_status(cells, [], [], [], period, headers={"progress": header})
    assert (status.value, status.completion) == (value, pytest.approx(completion))
    (item,) = status.evidence
    assert progress[item.span[0] : item.span[1]] == item.text == progress.strip()


@pytest.mark.parametrize(("header", "progress"), [("完成情况", "60"), ("形象进度(%)", "2024"), ("进展", "80")])
def test_a_number_under_another_progress_header_is_no_share(header: str, progress: str) -> None:
    status = row_status({"task": "建设某学校", "progress": progress}, [], [], [], None, headers={"progress": header})
    assert status.completion is None


@pytest.mark.parametrize(
    ("task", "progress", "value"),
    [
        ("规模以上工业增加值增长5%。", "其中轻工业增长6.2%，重工业同比下降2.1%。", "behind"),
        ("規模以上工業增加值增長5%。", "其中輕工業增長6.2%，重工業同比下降2.1%。", "behind"),
        ("单位GDP能耗下降3%。", "其中工业下降4%，建筑业增长1.5%。", "behind"),
        # every rate the target's way, none answering it alone: nothing read (the rule is silent)
        ("规模以上工业增加值增长5%。", "其中轻工业增长6.2%，重工业增长4.1%。", "unknown"),
    ],
)
def test_one_rate_of_several_against_the_tasks_direction_makes_the_row_behind(
    task: str, progress: str, value: str
) -> None:
    from extractor.rules.figures import extract_figures

    figures = extract_figures(task, "task") + extract_figures(progress, "progress")
    status = row_status({"task": task, "progress": progress}, figures, [], [], None)
    assert status.value == value
    if value == "behind":
        rules = {e.rule for e in status.evidence}
        assert rules == {"figure.direction"}
        assert all(
            {"task": task, "progress": progress}[e.field][e.span[0] : e.span[1]] == e.text for e in status.evidence
        )


@pytest.mark.parametrize(
    ("columns", "value"),
    [
        ({"已完成": "√", "推进中": "", "未开工": ""}, "done"),
        ({"已完成": "", "推进中": " ✓ ", "未开工": ""}, "on_track"),
        ({"已完成": "", "正常推进": "", "未開工": "是"}, "not_started"),
        ({"进度滞后": "●"}, None),  # not a tick this reads
    ],
)
def test_a_tick_under_a_column_named_by_a_status_word(columns: dict, value: str | None) -> None:
    cells = {"task": "建设某项目", "progress": "", **columns}
    status = row_status(cells, [], [], [], None)
    if value is None:
        assert status.value == "unknown"
        return
    assert status.value == value
    (item,) = status.evidence
    assert cells[item.field][item.span[0] : item.span[1]] == item.text == cells[item.field].strip()


@pytest.mark.parametrize(
    ("progress", "value"),
    [("项目已停工。", "stalled"), ("尚未开工。", "not_started"), ("工程已停建", "stalled"), ("已完成主体。", "behind")],
)
@pytest.mark.parametrize("cell", ["滞后", "進度滯後", "进度滞后 "])
def test_a_status_cell_saying_behind_gives_way_to_a_more_specific_state(cell: str, progress: str, value: str) -> None:
    cells = {"task": "建设某项目", "progress": progress, "status": cell}
    assert row_status(cells, [], [], [], None).value == value
