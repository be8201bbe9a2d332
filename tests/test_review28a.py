"""review28a: findings on the round-28 merge (58278e4..4571b9e: status clause scope, page marks, units cache).

Each finding's tests failed on main at 4571b9e and state the output expected; all are mended now
(statusfix28: findings 1, 3-6; the lead: 2, 7, 8), so none is marked. The guards passed throughout.
"""

from __future__ import annotations

import contextlib

import pytest

import extractor
from extractor.layout.base import Line
from extractor.layout.pages import without_page_marks
from extractor.plain import Period
from extractor.rules.status import row_status

JAN_SEP = Period(text="1-9月", source="title", elapsed=0.75)


def _status(progress: str, task: str = "建设某项目", plan: str | None = None) -> str:
    cells = {"task": task, "progress": progress}
    if plan is not None:
        cells["plan"] = plan
    return row_status(cells, [], [], [], JAN_SEP).value


# --- 1. A plan column's clauses read as a report (status._reported_parts) -------------------------------


PLAN_TABLE = """2024年民生实事1-9月进展情况
| 序号 | 任务 | 责任单位 | 进展情况 | 下一步计划 |
| 1 | 建设社区服务站10个 | 市民政局 | 主体施工中。 | 对已建成投用的站点加强管理。 |
"""


def test_a_plan_column_does_not_report_the_row_done() -> None:
    doc = extractor.parse_bytes(PLAN_TABLE.encode(), "x.txt")
    row = doc.tables[0].rows[0]
    assert row.status.value == "on_track"  # 58278e4: on_track (主体施工中); main: done
    assert all(e.field != "plan" for e in row.status.evidence)


@pytest.mark.parametrize(
    ("progress", "plan"),
    [
        ("正在施工。", "巩固已建成站点成效，全面完成剩余任务。"),  # main: done (done.target)
        ("正在施工。", "鞏固已建成站點成效,全面完成剩餘任務"),  # traditional, half-width comma
        ("已完成主体施工。", "已竣工的路段做好养护"),  # main: done (done.part)
        ("前期工作。", "对已建成投用的站点加强管理。"),  # main: done; 58278e4: unknown
    ],
)
def test_plan_column_clauses_are_no_report(progress: str, plan: str) -> None:
    assert _status(progress, "建设社区服务站10个", plan) != "done"


# --- 2. A table header repeated at the top of each page is taken as a running head (layout/pages.py) ---

HEADER = "| 序号 | 项目名称 | 年度计划投资（万元） | 责任单位 | 进展情况 | 存在问题 | 下步计划 |"
PAGED_TABLE = f"""某市2024年重点项目1-9月推进情况

为推进重点项目建设，现将1-9月推进情况报告如下。

— 1 —

{HEADER}
| 1 | 建设社区服务站10个 | 5000 | 市民政局 | 已建成8个，正在施工2个。 | 资金紧张 | 加快施工 |
| 2 | 改造老旧小区5个 | 8000 | 市住建局 | 正在施工。 | 无 | 年底完工 |

— 2 —

{HEADER}
| 3 | 新建道路3条 | 9000 | 市交通局 | 已完工2条。 | 征地难 | 协调征地 |

— 3 —
"""


def test_a_header_repeated_on_each_page_stays_the_tables_header() -> None:
    doc = extractor.parse_bytes(PAGED_TABLE.encode(), "x.txt")
    table = doc.tables[0]
    # 58278e4: pipe-rows with these fields; main: pipe-rows-headerless, 列3/列6/列7, issues and plan lost
    assert [c.field for c in table.columns] == ["seq", "task", None, "lead_units", "progress", "issues", "plan"]
    assert [r.cells.get("issues") for r in table.rows] == ["资金紧张", "无", "征地难"]


def test_a_header_above_the_first_mark_stays_and_its_repeats_go() -> None:
    # the case pages.py handles: the header printed on page 1 above the first mark
    text = PAGED_TABLE.replace("— 1 —\n\n", "").replace("| 无 | 年底完工 |\n", "| 无 | 年底完工 |\n\n— 1 —\n")
    doc = extractor.parse_bytes(text.encode(), "x.txt")
    table = doc.tables[0]
    assert [c.field for c in table.columns][-2:] == ["issues", "plan"]
    assert [r.task for r in table.rows] == ["建设社区服务站10个", "改造老旧小区5个", "新建道路3条"]


def test_the_title_at_the_top_stays_when_the_text_opens_with_a_mark() -> None:
    title = "某市2024年重点项目1-9月推进情况表"
    text = "\n".join(
        [
            "— 1 —",
            title,
            "| 序号 | 项目名称 | 责任单位 | 进展情况 |",
            "| 1 | 建设社区服务站10个 | 市民政局 | 正在施工。 |",
            "— 2 —",
            title,
            "| 2 | 改造老旧小区5个 | 市住建局 | 已完成4个。 |",
        ]
    )
    kept, _taken = without_page_marks([Line(t) for t in text.split("\n")])
    assert [line.text for line in kept].count(title) == 1
    doc = extractor.parse_bytes(text.encode(), "x.txt")
    assert doc.tables[0].title == title  # main: None (58278e4: the title, period source "title")


# --- 3. The finished family read where nothing reports it (status.toml done.part, new alternatives) ----


@pytest.mark.parametrize(
    ("progress", "task"),
    [
        ("已下发整改通知书，要求限期整改到位。", "整治某问题"),  # 58278e4 on_track
        ("已下發整改通知書，要求限期整改到位。", "整治某問題"),
        ("要求施工单位于6月底前全部完工。", "建设某道路"),  # 58278e4 on_track
        ("为有效解决停车难问题，新建停车场2个。", "建设停车场4个"),  # 58278e4 on_track
        ("整改到位率85%。", "整改问题20个"),  # 58278e4 on_track
    ],
)
def test_a_demand_or_a_purpose_is_no_done(progress: str, task: str) -> None:
    assert _status(progress, task) != "done"


# --- 4. A report marker inside the forecast's own clause reopens a report (report_marker) ---------------


@pytest.mark.parametrize(
    "progress",
    [
        "预计截至年底，问题整改到位。",  # main: done.part; 58278e4: unknown
        "确保真正有效解决群众停车难问题。",  # main: done.part; 58278e4: unknown
    ],
)
def test_a_forecast_clause_is_not_reopened_by_its_own_time_phrase(progress: str) -> None:
    assert _status(progress, "整改问题") != "done"


# --- 5. A share in brackets read from amounts that are not the task's (completion.share) ----------------


@pytest.mark.parametrize(
    ("progress", "value"),
    [
        ("已下达资金500万元（50%），项目正在施工。", "on_track"),  # main: behind via completion.share 0.5
        ("已拨付资金500万元(50%)", "on_track"),  # main: behind; 58278e4 on_track
    ],
)
def test_a_share_of_funds_in_brackets_is_no_completion_share(progress: str, value: str) -> None:
    status = row_status({"task": "建设2个站点", "progress": progress}, [], [], [], JAN_SEP)
    assert (status.value, status.completion) == (value, None)


def test_a_count_share_in_brackets_is_read() -> None:
    # what the change means to read, in the other width and spaced
    status = row_status({"task": "建设2个站点", "progress": "已完成１个 （ ５０％ ）"}, [], [], [], JAN_SEP)
    assert (status.value, status.completion) == ("behind", pytest.approx(0.5))


# --- 6. A planned date already met: the plan's works are not "yet to come" (status._works_ahead) ---------


def test_a_plan_met_early_is_done() -> None:
    assert _status("该项目计划6月竣工，已于5月提前竣工并投入使用。", "建设某道路") == "done"  # main: on_track


def test_a_past_sequence_with_wan_cheng_hou_is_no_forecast() -> None:
    assert _status("主体完成后，进行了装修并投入使用。", "建设某中心") == "done"  # main: on_track


# --- 7. Pre-existing (not in the diff): a crash in layout/aligned.py _read_rows -------------------------


def test_a_data_row_above_a_repeated_header_does_not_crash() -> None:
    text = "\n".join(
        [
            "| 1 | 建设某项目 | 市民政局 | 已完成 |",
            "| 序号 | 任务 | 责任单位 | 进展 |",
            "XX市2024年重点工作推进情况表",
            "| 序号 | 任务 | 责任单位 | 进展 |",
        ]
    )
    with contextlib.suppress(extractor.ExtractorError):  # a no-table error is an answer; an IndexError is not
        extractor.parse_bytes(text.encode(), "x.txt")
