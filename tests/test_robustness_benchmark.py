"""benchmarks/robustness.py: a variant rewrites a document and its gold alike, and keeps numbers whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest_helpers import load_benchmark

robustness = load_benchmark("robustness")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("牵头单位:市发改委(市统计局),完成1,200万元", "牵头单位：市发改委（市统计局），完成1,200万元"),
        ("10:30召开;同比增长5%", "10:30召开；同比增长5%"),
    ],
)
def test_full_width_punctuation_leaves_numbers_and_times_whole(text: str, expected: str) -> None:
    assert robustness.VARIANTS["full_width_punctuation"](text) == expected


def test_traditional_variant_rewrites_simplified_characters() -> None:
    assert robustness.VARIANTS["traditional"]("责任单位:市发展改革委,进展顺利") == "責任單位:市發展改革委,進展順利"


def test_gold_is_rewritten_like_its_document(tmp_path: Path) -> None:
    folder, into = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    into.mkdir()
    (folder / "x-01.txt").write_text("序号 目标任务\n1 建设(一期)\n", "utf-8")
    gold = {
        "rows": [
            {
                "seq": 1,
                "task": "建设(一期)",
                "cells": {"完成目标(%)": "95"},
                "figures": [{"field": "完成目标(%)", "text": "95", "kind": "percent", "value": 95, "unit": "%"}],
            }
        ]
    }
    (folder / "x-01.gold.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    robustness._variant_folder(folder, robustness.VARIANTS["full_width_punctuation"], into)
    assert (into / "x-01.txt").read_text("utf-8") == "序号 目标任务\n1 建设（一期）\n"
    row = json.loads((into / "x-01.gold.json").read_text("utf-8"))["rows"][0]
    assert row["task"] == "建设（一期）"
    assert row["cells"] == {"完成目标（%）": "95"}
    assert row["figures"][0]["field"] == "完成目标（%）"
    assert (row["figures"][0]["value"], row["figures"][0]["unit"]) == (95, "%")


def test_cells_as_lines_writes_a_pipe_row_a_cell_a_line() -> None:
    text = "标题\n| 序号 | 任务 | 进展 |\n| 1 | 建设学校 |  |\n说明文字 | 不是表格\n"
    assert robustness.VARIANTS["cells_as_lines"](text) == "标题\n序号\n任务\n进展\n1\n建设学校\n\n说明文字 | 不是表格\n"
    paragraphs = robustness.VARIANTS["cells_as_paragraphs"](text)
    assert paragraphs.startswith("标题\n序号\n\n任务\n\n进展\n1\n\n建设学校\n\n\n说明文字")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("打造海上画廊。（牵头单位：市住建局）", "打造海上画廊。（市住建局牵头）"),
        ("新建学校。（牵头单位：市教育局；配合单位：市财政局）", "新建学校。（市教育局牵头，市财政局配合）"),
        ("新建学校。(责任单位:市教育局、市财政局)", "新建学校。(市教育局、市财政局负责)"),
        ("责任单位：市教育局", "责任单位：市教育局"),  # a label outside a bracket is left as it is
    ],
)
def test_units_by_role_names_the_roles_in_words(text: str, expected: str) -> None:
    assert robustness.VARIANTS["units_by_role"](text) == expected
