"""benchmarks/renders: documents written anew from a gold, the same every run, whose gold strings
are all in the text they wrote."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from tests.conftest_helpers import PROJECT, load_benchmark

robustness = load_benchmark("robustness")
from renders import RENDERS, gold_rows, rng_for  # noqa: E402  (benchmarks/ is on sys.path now)

DEV = PROJECT / "corpus" / "dev"
SAMPLE = sorted(DEV.glob("*.gold.json"))[::9]  # a spread of dev documents, fast


def _gold() -> dict:
    return {
        "title": "重点工作推进情况",
        "rows": [
            {
                "seq": 3,
                "seq_text": "（三）",
                "task": "建设城东污水厂",
                "progress": "已完成主体工程，完成投资1.2亿元",
                "lead_units": ["市住建局"],
                "issues": [],
                "section": "一、城建",
                "figures": [
                    {"field": "progress", "text": "1.2亿元", "kind": "amount", "value": 120000000, "unit": "CNY"},
                    {"field": "总投资（万元）", "text": "5000", "kind": "amount", "value": 50000000, "unit": "CNY"},
                ],
                "cells": {"备注": "省重点"},
            },
            {
                "seq": 4,
                "seq_text": "（四）",
                "task": "改造老旧小区12个",
                "progress": "已开工9个。存在问题：资金缺口",
                "lead_units": ["市住建局", "市财政局"],
                "issues": ["资金缺口", "用地未落实"],
                "figures": [],
            },
            {
                "seq": 5,
                "seq_text": "（五）",
                "task": "新增学位",
                "progress": "",
                "lead_units": [],
                "issues": [],
                "figures": [],
            },
        ],
    }


def test_gold_rows_keep_only_what_a_render_writes_anew() -> None:
    rows = gold_rows(_gold())
    assert set(rows[0]) <= {"seq", "seq_text", "task", "progress", "lead_units", "issues", "figures", "section"}
    assert [f["text"] for f in rows[0]["figures"]] == ["1.2亿元"]  # a side column's figure has no text left
    assert "cells" not in rows[0]


def test_the_control_numbers_its_rows_and_keeps_issues_its_text_holds() -> None:
    text, gold = RENDERS["render_pipe_table"].write(_gold(), {"stem": "x-01"})
    assert [(r["seq"], r["seq_text"]) for r in gold["rows"]] == [(1, "1"), (2, "2")]  # the row without progress left
    assert gold["rows"][1]["issues"] == ["资金缺口"]  # 用地未落实 is in no text of the render
    assert "| 2 | 改造老旧小区12个 | 已开工9个。存在问题：资金缺口 | 市住建局、市财政局 |" in text.splitlines()


def test_a_render_refuses_a_gold_with_fewer_than_two_rows() -> None:
    gold = _gold()
    gold["rows"] = gold["rows"][:1]
    assert RENDERS["render_pipe_table"].write(gold, {"stem": "x-01"}) is None


def test_rng_is_seeded_by_the_document_and_salt() -> None:
    assert rng_for({"stem": "a"}, "s").random() == rng_for({"stem": "a"}, "s").random()
    assert rng_for({"stem": "a"}, "s").random() != rng_for({"stem": "b"}, "s").random()


@pytest.mark.parametrize("name", sorted(RENDERS))
@pytest.mark.parametrize("gold_path", SAMPLE, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_every_render_is_deterministic_and_its_gold_strings_are_in_its_text(name: str, gold_path: Path) -> None:
    stem = gold_path.name.removesuffix(".gold.json")
    gold = json.loads(gold_path.read_text("utf-8"))
    first = RENDERS[name].write(json.loads(json.dumps(gold)), {"stem": stem, "truncated": True})
    again = RENDERS[name].write(json.loads(json.dumps(gold)), {"stem": stem, "truncated": True})
    if first is None:
        assert again is None
        return
    if len(first) == 3:  # a file format: a zip's bytes hold the time it was written; the page's text unescaped
        data, new, suffix = first
        assert suffix in (".html", ".xlsx", ".docx") and data
        assert (new, suffix) == (again[1], again[2])
        if suffix != ".html":
            return
        text = html.unescape(re.sub(r"<[^>]*>", "", data.decode("utf-8")))
        assert data == again[0]
    else:
        assert first == again
        text, new = first
    squeezed = "".join(text.split())
    for row in new["rows"]:
        for value in (row.get("task", ""), row.get("progress", ""), *row.get("lead_units", []), *row.get("issues", [])):
            assert "".join(value.split()) in squeezed, (name, stem, value)
        for figure in row.get("figures", []):
            assert "".join(figure["text"].split()) in squeezed, (name, stem, figure)


def test_robustness_writes_a_render_folder(tmp_path: Path) -> None:
    folder, into = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    into.mkdir()
    (folder / "x-01.gold.json").write_text(json.dumps(_gold(), ensure_ascii=False), "utf-8")
    assert robustness._render_folder(folder, "render_pipe_table", into) == 1
    assert (into / "x-01.txt").read_text("utf-8").startswith("| 序号 | 工作任务 | 进展情况 | 牵头单位 |")
    assert len(json.loads((into / "x-01.gold.json").read_text("utf-8"))["rows"]) == 2
