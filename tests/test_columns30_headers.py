"""Which column is the progress, read by what the header's words mean (columns30).

A header whose head names the task's side (措施, 举措, 目标, 内容, 要求: ``task_aspects`` in
data/headers.toml) is no progress column even when a report verb qualifies it ("推进举措", "落实
措施"): a table whose other columns are the task, units and deadlines has no progress column, and
its rows' progress is "" (gold conventions)."""

from __future__ import annotations

import pytest

import extractor
from extractor.headers import header_candidates
from extractor.rules.data import load

DATA = load("headers")["morphemes"]


@pytest.mark.parametrize("header", DATA["task_aspects_examples"])
def test_a_task_aspect_header_claims_no_progress(header: str) -> None:
    claims = dict(header_candidates(header, morphemes=True))
    assert "progress" not in claims
    assert claims.get("task", 0) > 0


@pytest.mark.parametrize("header", DATA["task_aspects_counter_examples"])
def test_a_report_header_still_claims_progress(header: str) -> None:
    claims = dict(header_candidates(header, morphemes=True))
    assert claims.get("progress", 0) >= max(
        (v for k, v in claims.items() if k not in ("progress", "status")), default=0
    )
    assert claims.get("progress", 0) > 0


TASKS = ["新建城市公园三处", "完成老旧小区改造十二个", "推进污水管网建设"]
MEASURES = ["细化责任分工，倒排工期。", "加强督导检查，按月调度。", "争取上级资金支持。"]
UNITS = ["市住建局", "市城管局", "市水务局"]


def _table(header: list[str], bar: str) -> bytes:
    rows = [[str(n), t, m, u, "2024年12月底"] for n, t, m, u in zip((1, 2, 3), TASKS, MEASURES, UNITS, strict=True)]
    if bar == "pipe":
        lines = ["| " + " | ".join(r) + " |" for r in [header, *rows]]
    else:
        lines = ["\t".join(r) for r in [header, *rows]]
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize(
    "measure",
    ["推进举措", "推進舉措", "落实措施", "工作措施", "具体措施", "推进措施"],
)
@pytest.mark.parametrize("bar", ["pipe", "tab"])
def test_a_table_without_a_progress_column_gives_no_progress(measure: str, bar: str) -> None:
    header = ["序号", "重点任务", measure, "责任单位", "完成时限"]
    table = extractor.parse_bytes(_table(header, bar), "t.txt").tables[0]
    assert [r.task for r in table.rows] == TASKS
    assert [r.progress or "" for r in table.rows] == ["", "", ""]  # (None: no progress column)
    assert [r.lead_units for r in table.rows] == [[u] for u in UNITS]
    assert [r.cells[measure] for r in table.rows] == MEASURES  # the measures keep their own cell


def test_a_progress_column_beside_the_measures_is_still_read() -> None:
    header = ["序号", "重点任务", "推进举措", "推进情况", "责任单位"]
    done = ["已建成两处。", "已完成八个。", "完成管网12公里。"]
    rows = [[str(n), t, m, d, u] for n, t, m, d, u in zip((1, 2, 3), TASKS, MEASURES, done, UNITS, strict=True)]
    text = "\n".join("| " + " | ".join(r) + " |" for r in [header, *rows]) + "\n"
    table = extractor.parse_bytes(text.encode(), "t.txt").tables[0]
    assert [r.progress for r in table.rows] == done
    assert [r.cells["推进举措"] for r in table.rows] == MEASURES


@pytest.mark.parametrize(
    "rule",
    ["|---|---|---|---|", "| --- | --- | --- | --- |", "|:---|:---:|---:|---|", "｜－－－｜－－－｜－－－｜－－－｜"],
)
def test_a_rule_under_the_header_is_no_second_half_of_it(rule: str) -> None:
    from extractor.headers import broken_header

    cells = [c.strip() for c in rule.replace("｜", "|").strip("|").split("|")]
    assert not broken_header(["序号", "重点工作", "推进举措", "完成时间"], cells)
    assert broken_header(["序", "重点", "推进", "完成"], ["号", "工作", "情况", "时间"])  # a header cut in two still is


@pytest.mark.parametrize("measure", ["工作举措", "推進舉措", "主要措施"])
def test_a_task_repeated_down_a_merge_stays_the_task_beside_measures(measure: str) -> None:
    # A task written in each row of its merge (one task, three measures): the task column is written in
    # every row with one text; the measures column, though written anew each row, is no task.
    header = ["序号", "工作任务", measure, "主办单位"]
    rows = [[str(n), "促进重点群体稳定就业", m, "县人社局"] for n, m in zip((1, 2, 3), MEASURES, strict=True)]
    text = "\n".join("| " + " | ".join(r) + " |" for r in [header, *rows]) + "\n"
    table = extractor.parse_bytes(text.encode(), "t.txt").tables[0]
    assert [r.task for r in table.rows] == ["促进重点群体稳定就业"] * 3
    assert [r.cells[measure] for r in table.rows] == MEASURES
    assert [r.progress or "" for r in table.rows] == ["", "", ""]


TWO_UNITS = [("市住建局", "市城管局、市财政局"), ("市水务局", "各区政府")]


@pytest.mark.parametrize(
    ("lead", "other"),
    [
        ("牵头单位", "责任单位"),
        ("牽頭單位", "責任單位"),
        ("主办单位", "责任部门"),
        ("牵头部门", "配合单位"),
        ("主责单位", "责任单位"),
    ],
)
@pytest.mark.parametrize("lead_first", [True, False])
def test_of_two_unit_columns_the_lead_role_holds_the_lead_units(lead: str, other: str, lead_first: bool) -> None:
    units = [lead, other] if lead_first else [other, lead]
    header = ["序号", "工作任务", *units, "进展情况"]
    rows = [
        [str(n), t, *((a, b) if lead_first else (b, a)), "已完成。"]
        for n, t, (a, b) in zip((1, 2), TASKS[:2], TWO_UNITS, strict=True)
    ]
    text = "\n".join("| " + " | ".join(r) + " |" for r in [header, *rows]) + "\n"
    table = extractor.parse_bytes(text.encode(), "t.txt").tables[0]
    assert [r.lead_units for r in table.rows] == [["市住建局"], ["市水务局"]]
    assert [r.task for r in table.rows] == TASKS[:2]


@pytest.mark.parametrize("header", DATA["lead_roles_examples"])
def test_a_lead_role_header_names_the_lead_role(header: str) -> None:
    from extractor.headers import names_lead_role

    assert names_lead_role(header)


@pytest.mark.parametrize("header", DATA["lead_roles_counter_examples"])
def test_a_units_header_without_the_lead_role(header: str) -> None:
    from extractor.headers import names_lead_role

    assert not names_lead_role(header)


@pytest.mark.parametrize("header", DATA["measures_examples"])
def test_a_measures_header(header: str) -> None:
    from extractor.headers import is_measures_header

    assert is_measures_header(header)


@pytest.mark.parametrize("header", [*DATA["measures_counter_examples"], "措施落实情况", "举措完成进度"])
def test_not_a_measures_header(header: str) -> None:
    from extractor.headers import is_measures_header

    assert not is_measures_header(header)


@pytest.mark.parametrize(
    ("planned", "done"),
    [
        ("计划完成", "实际完成"),
        ("計劃完成", "實際完成"),
        ("计划进度", "实际进度"),
        ("序时进度", "形象进度"),
        ("2024年计划完成", "1-6月完成"),
    ],
)
@pytest.mark.parametrize("planned_first", [True, False])
def test_of_a_planned_and_a_done_column_the_done_one_is_the_progress(
    planned: str, done: str, planned_first: bool
) -> None:
    columns = [planned, done] if planned_first else [done, planned]
    header = ["序号", "主要指标", *columns, "责任单位"]
    values = {planned: ["100", "50"], done: ["62", "31"]}
    rows = [
        [str(n), t, values[columns[0]][n - 1], values[columns[1]][n - 1], "市发改委"]
        for n, t in ((1, "地区生产总值"), (2, "固定资产投资"))
    ]
    text = "\n".join("| " + " | ".join(r) + " |" for r in [header, *rows]) + "\n"
    table = extractor.parse_bytes(text.encode(), "t.txt").tables[0]
    assert [r.progress for r in table.rows] == ["62", "31"]
    assert [r.cells[planned] for r in table.rows] == ["100", "50"]


@pytest.mark.parametrize("header", DATA["planned_examples"])
def test_a_planned_header(header: str) -> None:
    from extractor.headers import opens_planned

    assert opens_planned(header)


@pytest.mark.parametrize("header", DATA["planned_counter_examples"])
def test_not_a_planned_header(header: str) -> None:
    from extractor.headers import opens_planned

    assert not opens_planned(header)


def test_a_planned_column_alone_is_still_the_progress() -> None:
    # (no column of what was done beside it: the table's only progress-like column is kept as read before)
    header = ["序号", "项目", "计划完成", "责任单位"]
    rows = [["1", "城东公园", "完成主体", "市住建局"], ["2", "老旧小区", "完成八个", "市住建局"]]
    text = "\n".join("| " + " | ".join(r) + " |" for r in [header, *rows]) + "\n"
    table = extractor.parse_bytes(text.encode(), "t.txt").tables[0]
    assert [r.progress for r in table.rows] == ["完成主体", "完成八个"]
