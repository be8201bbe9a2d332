"""benchmarks/robustness.py's publisher variants (issue 11): each rewrites a made-up document as
another publisher writes it, and its gold so that it stays what an analyst says of the new text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest_helpers import load_benchmark

robustness = load_benchmark("robustness")


def row(seq: int, task: str, progress: str = "", units: list[str] | None = None, **more: object) -> dict:
    return {
        "seq": seq,
        "task": task,
        "progress": progress,
        "lead_units": units or [],
        "issues": [],
        "figures": [],
        **more,
    }


def rewrite(name: str, text: str, rows: list[dict], **meta: object) -> tuple[str, dict] | None:
    return robustness.publisher_rewrite(name, text, {"title": "", "rows": rows}, meta)


def test_edits_keep_an_insertion_at_a_span_edge_outside_it() -> None:
    text = "任务甲。\n已完成。"
    new, starts, ends = robustness._apply(text, [(5, 5, "进展情况："), (0, 0, "1.")])
    assert new == "1.任务甲。\n进展情况：已完成。"
    assert new[starts(5) : ends(9)] == "已完成。"
    assert new[starts(0) : ends(4)] == "任务甲。"
    # a span edge inside a replaced stretch takes the whole replacement
    new, starts, ends = robustness._apply("（1）建设", [(0, 3, "①")])
    assert new[starts(0) : ends(5)] == "①建设"


NESTED = (
    "一、经济发展\n"
    "1. 地区生产总值增长6%左右。\n"
    "（1）一季度增长5.8%；（2）上半年增长6.1%。\n"
    "2、固定资产投资增长8%。\n"
    "已完成年度计划的52%。\n"
)
NESTED_ROWS = [
    row(1, "地区生产总值增长6%左右。", "（1）一季度增长5.8%；（2）上半年增长6.1%。", section="一、经济发展"),
    row(2, "固定资产投资增长8%。", "已完成年度计划的52%。", section="一、经济发展"),
]


def test_enumerators_demoted_a_level_with_the_gold_following() -> None:
    result = rewrite("enum_demoted", NESTED, NESTED_ROWS)
    assert result is not None
    text, gold = result
    assert text.split("\n")[:4] == [
        "（一）经济发展",
        "（1） 地区生产总值增长6%左右。",
        "①一季度增长5.8%；（2）上半年增长6.1%。",  # only a line's start is an item number
        "（2）固定资产投资增长8%。",
    ]
    first = gold["rows"][0]
    assert first["task"] == "地区生产总值增长6%左右。"
    assert first["progress"] == "①一季度增长5.8%；（2）上半年增长6.1%。"
    assert first["section"] == "（一）经济发展"
    assert gold["rows"][1]["task"] == "固定资产投资增长8%。"


def test_enumerators_promoted_a_level() -> None:
    text, gold = rewrite("enum_promoted", NESTED, NESTED_ROWS) or ("", {})
    assert text.startswith("壹、经济发展\n（一） 地区生产总值增长6%左右。\n1.一季度")
    assert gold["rows"][0]["progress"].startswith("1.一季度增长5.8%")
    assert gold["rows"][1]["task"] == "固定资产投资增长8%。"


def test_enumerator_width_and_spacing() -> None:
    text = "(一)城市建設\n1.新建學校3所。\n2．改造道路12公里。\n"
    rows = [row(1, "新建學校3所。"), row(2, "改造道路12公里。")]
    widened, gold = rewrite("enum_width", text, rows) or ("", {})
    assert widened == "（一）城市建設\n1．新建學校3所。\n2.改造道路12公里。\n"
    assert [r["task"] for r in gold["rows"]] == ["新建學校3所。", "改造道路12公里。"]
    spaced, gold = rewrite("enum_spacing", "1.新建学校3所。\n2、 改造道路12公里。\n", rows[:1]) or ("", {})
    assert spaced == "1. 新建学校3所。\n2、改造道路12公里。\n"


def test_numbering_restarts_in_each_section_and_seq_stays_the_position() -> None:
    text = "一、民生\n1.新建学校\n2.新建医院\n二、生态\n3.植树造林\n4.治理河道\n"
    rows = [row(k + 1, task) for k, task in enumerate(("新建学校", "新建医院", "植树造林", "治理河道"))]
    result = rewrite("enum_restart", text, rows)
    assert result is not None
    assert result[0] == "一、民生\n1.新建学校\n2.新建医院\n二、生态\n1.植树造林\n2.治理河道\n"
    assert [r["seq"] for r in result[1]["rows"]] == [1, 2, 3, 4]
    # numbers already restarting, or a gold whose seq is not the position: nothing to do
    assert rewrite("enum_restart", result[0], rows) is None
    assert rewrite("enum_restart", text, [dict(r, seq=r["seq"] + 10) for r in rows]) is None


def test_inline_enumerators_swap_their_style() -> None:
    text = "存在问题：一是资金不足；二是进度偏慢。\n下一步：第一，加快审批；第二、强化调度。\n"
    rows = [row(1, "存在问题", "一是资金不足；二是进度偏慢。")]
    new, gold = rewrite("enum_inline", text, rows) or ("", {})
    assert new == "存在问题：第一，资金不足；第二，进度偏慢。\n下一步：一是加快审批；二是强化调度。\n"
    assert gold["rows"][0]["progress"] == "第一，资金不足；第二，进度偏慢。"


def test_header_words_by_synonyms_standalone_only_with_keys_following() -> None:
    text = "序号 | 工作任务 | 进展情况 | 牵头单位 |\n1 | 市级牵头单位改革 | 完成情况良好，投资3亿元 | 市发改委 |\n"
    rows = [
        row(
            1,
            "市级牵头单位改革",
            "完成情况良好，投资3亿元",
            ["市发改委"],
            cells={"进展情况": "完成情况良好"},
        )
    ]
    rows[0]["figures"] = [{"field": "进展情况", "text": "投资3亿元", "kind": "amount", "value": 3e8, "unit": "CNY"}]
    new, gold = rewrite("header_words_1", text, rows) or ("", {})
    assert new.split("\n")[0] == "编号 | 重点任务 | 推进情况 | 牵头部门 |"
    assert "市级牵头单位改革" in new and "完成情况良好" in new  # words inside longer words stay
    assert gold["rows"][0]["cells"] == {"推进情况": "完成情况良好"}
    assert gold["rows"][0]["figures"][0]["field"] == "推进情况"
    second = rewrite("header_words_2", text, rows)
    assert second is not None and second[0].split("\n")[0] == "编号 | 主要内容 | 落实情况 | 牵头责任单位 |"


def test_a_family_word_the_document_already_uses_is_not_taken() -> None:
    table = robustness._header_table("进展情况：甲\n推进情况：乙\n", 1)
    assert table["进展情况"] not in ("进展情况", "推进情况")
    assert table["推进情况"] not in ("进展情况", "推进情况", table["进展情况"])


PIPES = (
    "序号 | 重点任务 | 进展情况 | 责任单位 |\n"
    "---|---|---|---|\n"
    "1 | 新建学校3所 | 已完工 | 市教育局 |\n"
    "2 | 改造道路12公里 | 完成8公里 | 市交通局 |\n"
    "3 | 植树1万株 | 已完成 |\n"
)
PIPE_ROWS = [
    row(1, "新建学校3所", "已完工", ["市教育局"]),
    row(2, "改造道路12公里", "完成8公里", ["市交通局"]),
    row(3, "植树1万株", "已完成"),  # the document is cut inside row 3: its unit unknown
]


def test_columns_reversed_after_the_seq_column() -> None:
    whole = PIPES.replace("3 | 植树1万株 | 已完成 |", "3 | 植树1万株 | 已完成 | 市园林局 |")
    rows = [*PIPE_ROWS[:2], row(3, "植树1万株", "已完成", ["市园林局"])]
    new, gold = rewrite("columns_reversed", whole, rows) or ("", {})
    assert new.split("\n")[0] == "序号 | 责任单位 | 进展情况 | 重点任务 |"
    assert new.split("\n")[2] == "1 | 市教育局 | 已完工 | 新建学校3所 |"
    assert new.split("\n")[4] == "3 | 市园林局 | 已完成 | 植树1万株 |"
    assert gold["rows"] == rows
    # cut inside row 3: where its two cells would stand in the new order the cut does not say
    assert rewrite("columns_reversed", PIPES, PIPE_ROWS) is None


def test_full_width_bars_and_edge_bars_are_kept() -> None:
    text = "｜序號｜項目名稱｜進展情況｜\n｜1｜甲項目｜完成｜\n｜2｜乙項目｜推進中｜\n"
    new, _ = rewrite("columns_reversed", text, [row(1, "甲項目", "完成"), row(2, "乙項目", "推進中")]) or ("", {})
    assert new == "｜序號｜進展情況｜項目名稱｜\n｜1｜完成｜甲項目｜\n｜2｜推進中｜乙項目｜\n"


def test_columns_are_left_alone_where_a_row_moved_under_a_merged_cell() -> None:
    shifted = PIPES.replace("3 | 植树1万株 | 已完成 |", "3 | 植树1万株 | 已完成 | 市园林局 |").replace(
        "2 | 改造道路12公里 | 完成8公里 | 市交通局 |", "改造道路12公里 | 完成8公里 | 市交通局 | |"
    )
    assert rewrite("columns_reversed", shifted, PIPE_ROWS) is None
    moved = PIPES.replace("3 | 植树1万株 | 已完成 |", "3 | 植树1万株 | 已完成 | 市园林局 |").replace(
        "2 | 改造道路12公里 | 完成8公里 | 市交通局 |", "2 | 改造道路12公里 | 市交通局 | 完成8公里 |"
    )
    assert rewrite("columns_reversed", moved, PIPE_ROWS) is None


def test_seq_column_dropped_only_where_seq_is_the_position() -> None:
    new, gold = rewrite("seq_column_dropped", PIPES, PIPE_ROWS) or ("", {})
    assert new.split("\n")[0] == " 重点任务 | 进展情况 | 责任单位 |"
    assert new.split("\n")[2] == " 新建学校3所 | 已完工 | 市教育局 |"
    assert gold["rows"] == PIPE_ROWS
    renumbered = [dict(r, seq=r["seq"] * 2) for r in PIPE_ROWS]
    assert rewrite("seq_column_dropped", PIPES, renumbered) is None


@pytest.mark.parametrize(
    ("name", "header", "first"),
    [
        ("column_deadline", "序号 | 重点任务 | 完成时限 | 进展情况 | 责任单位 |", "2023年12月底前"),
        ("column_person", "序号 | 重点任务 | 进展情况 | 责任单位 | 责任人 |", "王明"),
        ("column_remarks", "序号 | 重点任务 | 进展情况 | 责任单位 | 备注 |", ""),
    ],
)
def test_an_extra_column_holds_nothing_the_gold_reads(name: str, header: str, first: str) -> None:
    new, gold = rewrite(name, PIPES, PIPE_ROWS) or ("", {})
    lines = new.split("\n")
    assert lines[0] == header
    assert lines[1] == "---|---|---|---|---|"
    assert first in [c.strip() for c in lines[2].split("|")]
    assert gold["rows"] == PIPE_ROWS
    if name != "column_deadline":  # a column after the cut is not printed in the cut row
        assert lines[4] == "3 | 植树1万株 | 已完成 |"


def test_header_wrapped_over_two_rows() -> None:
    new, gold = rewrite("header_wrapped", PIPES, PIPE_ROWS) or ("", {})
    assert new.split("\n")[:2] == [" 序 | 重点 | 进展 | 责任 |", " 号 | 任务 | 情况 | 单位 |"]
    assert gold["rows"] == PIPE_ROWS


PROSE = "2023年重点工作进展情况\n1.新建学校3所。\n已开工2所，\n完成投资1.2亿元。\n2.改造道路。\n已完成。\n"
PROSE_ROWS = [row(1, "新建学校3所。", "已开工2所，完成投资1.2亿元。"), row(2, "改造道路。", "已完成。")]


def test_page_furniture_goes_between_lines_and_the_gold_stays() -> None:
    text = "".join(f"第{k}行内容。\n" for k in range(30))
    new, gold = rewrite("page_numbers", text, [row(1, "第1行内容。")]) or ("", {})
    lines = new.split("\n")
    assert lines[12] == "— 2 —" and lines[25] == "第3页 共4页"
    assert [line for line in lines if "行内容" in line] == text.split("\n")[:-1]
    assert gold["rows"] == [row(1, "第1行内容。")]
    heads, _ = rewrite("running_heads", text, [row(1, "第1行内容。")]) or ("", {})
    assert "\n\n2\n重点工作任务推进情况\n第12行内容。" in heads


def test_site_lines_closing_preamble_and_attachment_line() -> None:
    head, gold = rewrite("site_head", PROSE, PROSE_ROWS) or ("", {})
    assert head.startswith("首页 > 政务公开") and head.endswith(PROSE) and gold["rows"] == PROSE_ROWS
    assert rewrite("closing_lines", PROSE, PROSE_ROWS, truncated=True) is None  # a cut document has no end
    closed, _ = rewrite("closing_lines", PROSE, PROSE_ROWS, truncated=False) or ("", {})
    assert closed.startswith(PROSE.rstrip() + "\n\n市人民政府办公室\n2023年7月15日")
    titled = {"title": "2023年重点工作进展情况", "rows": PROSE_ROWS}
    long, _ = robustness.publisher_rewrite("long_preamble", PROSE, titled, {}) or ("", {})
    assert long.startswith("2023年重点工作进展情况\n\n    为深入贯彻落实") and long.endswith(
        "报告如下：\n\n" + PROSE.split("\n", 1)[1]
    )
    dated, _ = robustness.publisher_rewrite("attachment_and_date", PROSE, titled, {}) or ("", {})
    assert dated.startswith("附件2\n\n2023年重点工作进展情况\n（截至2023年6月30日）\n1.新建学校")


def test_a_progress_label_is_added_before_each_prose_progress_and_left_out_of_it() -> None:
    new, gold = rewrite("progress_labels", PROSE, PROSE_ROWS, stem="x") or ("", {})
    form = robustness.PROGRESS_LABELS[ord("x") % len(robustness.PROGRESS_LABELS)]
    assert new == PROSE.replace("已开工", form + "已开工").replace("已完成。", form + "已完成。")
    assert [r["progress"] for r in gold["rows"]] == ["已开工2所，完成投资1.2亿元。", "已完成。"]
    assert rewrite("progress_labels", new, PROSE_ROWS, stem="x") is None  # labelled already


def test_a_progress_label_at_a_line_start_is_left_out() -> None:
    text = "1.新建学校3所。\n牵头单位:市教育局\n完成情况:已开工2所。\n2.改造道路。\n  进展情况：已完成。\n"
    rows = [row(1, "新建学校3所。", "已开工2所。", ["市教育局"]), row(2, "改造道路。", "已完成。")]
    new, gold = rewrite("labels_removed", text, rows) or ("", {})
    assert new == "1.新建学校3所。\n牵头单位:市教育局\n已开工2所。\n2.改造道路。\n  已完成。\n"
    assert gold["rows"] == rows
    inline = "1.新建学校3所。责任人:王明 完成情况:已开工2所。\n"
    assert rewrite("labels_removed", inline, rows[:1]) is None  # a label after another: not at a line's start


def test_publisher_folder_writes_only_the_documents_a_variant_fits(tmp_path: Path) -> None:
    folder, into = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    into.mkdir()
    (folder / "a-01.txt").write_text(PIPES, "utf-8")
    (folder / "a-01.gold.json").write_text(json.dumps({"rows": PIPE_ROWS}, ensure_ascii=False), "utf-8")
    (folder / "b-01.txt").write_text(PROSE, "utf-8")
    (folder / "b-01.gold.json").write_text(json.dumps({"rows": PROSE_ROWS}, ensure_ascii=False), "utf-8")
    assert robustness._publisher_folder(folder, "column_remarks", into) == 1
    assert sorted(p.name for p in into.iterdir()) == ["a-01.gold.json", "a-01.txt"]


def test_host_words_are_not_taken_where_lead_units_are_named_apart() -> None:
    both = "牵头单位：市发改委\n责任单位：市财政局\n"
    for step in (1, 2, 3):
        assert robustness._header_table(both, step)["责任单位"] not in robustness.HOST_WORDS
    assert robustness._header_table("责任单位：市财政局\n", 2)["责任单位"] == "主办单位"


def test_promotion_under_the_top_level_leaves_documents_with_a_top_level_out() -> None:
    assert rewrite("enum_promoted_under_top", NESTED, NESTED_ROWS) is None  # 一、 would need 壹、
    text = "（一）经济发展\n1.地区生产总值增长6%。\n已增长5.8%。\n"
    new, gold = rewrite("enum_promoted_under_top", text, [row(1, "地区生产总值增长6%。", "已增长5.8%。")]) or ("", {})
    assert new == "一、经济发展\n（一）地区生产总值增长6%。\n已增长5.8%。\n"
    assert gold["rows"][0]["task"] == "地区生产总值增长6%。"


@pytest.mark.parametrize(
    ("name", "line"), [("page_numbers_dashed", "— 2 —"), ("page_numbers_of", "第2页 共3页"), ("page_numbers_bare", "2")]
)
def test_each_page_number_form_alone(name: str, line: str) -> None:
    text = "".join(f"第{k}行。\n" for k in range(20))
    new, _ = rewrite(name, text, [row(1, "第1行。")]) or ("", {})
    assert new.split("\n")[12] == line and new.count("\n") == 21


def test_item_numbers_at_a_cells_start_change_with_those_at_a_lines_start() -> None:
    text = "经济稳定 | 1.地区生产总值增长6% | 7.2 |\n2.居民消费价格涨幅 | 2.7 | |\n结构优化  3.服务业占比 | 55.75 |\n"
    rows = [row(1, "地区生产总值增长6%"), row(2, "居民消费价格涨幅"), row(3, "服务业占比")]
    new, gold = rewrite("enum_demoted", text, rows) or ("", {})
    assert new.split("\n") == [
        "经济稳定 | （1）地区生产总值增长6% | 7.2 |",
        "（2）居民消费价格涨幅 | 2.7 | |",
        "结构优化  （3）服务业占比 | 55.75 |",
        "",
    ]
    assert [r["task"] for r in gold["rows"]] == ["地区生产总值增长6%", "居民消费价格涨幅", "服务业占比"]
    assert rewrite("enum_demoted", "增长 2.5%，其中 3.1 个百分点\n", [row(1, "增长")]) is None  # numbers stay numbers


def test_a_report_runs_on_in_the_targets_paragraph_only_after_a_stop() -> None:
    text = "1.新建学校3所。\n已开工2所。\n2.改造道路5公里；\n  已完成。\n3.建设公园\n已开工。\n"
    rows = [
        row(1, "新建学校3所。", "已开工2所。"),
        row(2, "改造道路5公里；", "已完成。"),
        row(3, "建设公园", "已开工。"),
    ]
    new, gold = rewrite("progress_joined", text, rows) or ("", {})
    # the third target ends with no stop: joined, nobody could tell where it ends
    assert new == "1.新建学校3所。已开工2所。\n2.改造道路5公里；已完成。\n3.建设公园\n已开工。\n"
    assert gold["rows"] == rows
    assert rewrite("progress_joined", text, rows[2:]) is None


UNIT_BRACKETS = "1.新建学校3所。（牵头单位：市教育局）\n已开工2所。\n2.改造道路5公里。(市交通局、市城管局)\n已完成。\n"
UNIT_ROWS = [
    row(1, "新建学校3所。", "已开工2所。", ["市教育局"]),
    row(2, "改造道路5公里。", "已完成。", ["市交通局", "市城管局"]),
]


def test_a_bracket_of_units_moves_to_a_line_after_the_report() -> None:
    new, gold = rewrite("units_after_progress", UNIT_BRACKETS, UNIT_ROWS, stem="x") or ("", {})
    label = robustness.UNIT_LINE_LABELS[ord("x") % len(robustness.UNIT_LINE_LABELS)]
    assert new == (
        f"1.新建学校3所。\n已开工2所。\n{label}市教育局\n2.改造道路5公里。\n已完成。\n{label}市交通局、市城管局\n"
    )
    assert gold["rows"] == UNIT_ROWS  # the units are written anew, the gold's strings stay


def test_a_line_of_units_moves_to_a_bracket_after_the_task() -> None:
    text = (
        "1.新建学校3所。\n已开工2所。\n牵头责任单位:市教育局。\n\n"
        "2.改造道路5公里。\n已完成。\n 责任单位：市交通局、市城管局\n"
    )
    new, gold = rewrite("units_in_bracket", text, UNIT_ROWS) or ("", {})
    assert new == (
        "1.新建学校3所。（牵头单位：市教育局）\n已开工2所。\n\n2.改造道路5公里。（牵头单位：市交通局、市城管局）\n已完成。\n"
    )
    assert gold["rows"] == UNIT_ROWS
    assert rewrite("units_in_bracket", UNIT_BRACKETS, UNIT_ROWS) is None  # no line of units to move


def test_row_numbers_become_bullets_where_they_count_from_one() -> None:
    text = "一、经济发展\n1.新建学校3所。\n已开工2所。\n2. 改造道路。\n已完成。\n"
    rows = [row(1, "新建学校3所。", "已开工2所。", seq_text="1."), row(2, "改造道路。", "已完成。", seq_text="2.")]
    new, gold = rewrite("enum_bullets", text, rows, stem="x") or ("", {})
    bullet = robustness.BULLETS[ord("x") % len(robustness.BULLETS)]
    assert new == f"一、经济发展\n{bullet}新建学校3所。\n已开工2所。\n{bullet} 改造道路。\n已完成。\n"
    assert [r["seq"] for r in gold["rows"]] == [1, 2]  # by position, as they were numbered
    restarted = [dict(rows[0]), dict(rows[1], seq=3, seq_text="3.")]
    assert rewrite("enum_bullets", text.replace("2. ", "3. "), restarted) is None  # not 1, 2, 3 …


@pytest.mark.parametrize("unread", ["(續前)(二)推进道路建设。\n", "二)推进道路建设。\n", "（一"])
def test_item_numbers_are_not_shifted_where_one_cannot_be_read(unread: str) -> None:
    assert rewrite("enum_promoted", NESTED + unread, NESTED_ROWS) is None  # no mixed styles
    assert rewrite("enum_promoted", NESTED, NESTED_ROWS) is not None
