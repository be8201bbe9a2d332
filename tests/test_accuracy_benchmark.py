"""benchmarks/accuracy.py: the metrics mean what they say, and the ratchet catches a fall."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
assert spec is not None and spec.loader is not None
accuracy = importlib.util.module_from_spec(spec)
spec.loader.exec_module(accuracy)

GOLD = {
    "rows": [
        {
            "seq": 1,
            "task": "建设码头",
            "progress": "已完成主体，同比增长5%。存在问题：一是资金未到位。",
            "lead_units": ["区交通局"],
            "issues": ["资金未到位。"],
            "figures": [{"field": "progress", "text": "同比增长5%", "kind": "change", "value": 5, "unit": "%"}],
        },
        {"seq": 2, "task": "新建学校", "progress": "主体封顶", "lead_units": [], "issues": [], "figures": []},
    ]
}


def _row(seq: int, task: str, progress: str, lead: list[str], issues: list[str], figures: list[dict]) -> dict:
    return {
        "seq": seq,
        "task": task,
        "progress": progress,
        "lead_units": lead,
        "issues": [{"text": i} for i in issues],
        "figures": figures,
    }


def test_a_perfect_reading_scores_one() -> None:
    figure = {"field": "progress", "text": "同比增长5%", "value": 5.0, "unit": "%"}
    rows = [
        _row(1, "建设 码头", GOLD["rows"][0]["progress"], ["区交通局"], ["资金未到位。"], [figure]),
        _row(2, "新建学校", "主体封顶", [], [], []),
    ]
    result = accuracy.score({"tables": [{"rows": rows}]}, GOLD)
    assert all(result[k] == 1.0 for k in accuracy.KEYS), result


def test_a_missing_row_and_a_wrong_unit_count_against() -> None:
    rows = [_row(1, "建设码头", "别的", ["区财政局"], [], [])]
    result = accuracy.score({"tables": [{"rows": rows}]}, GOLD)
    assert result["row_recall"] == 0.5
    assert result["task_exact"] == 0.5 and result["progress_exact"] == 0.0 and result["lead_exact"] == 0.0
    assert result["figure_r"] == 0.0 and result["figure_p"] == 0.0


def test_a_failed_file_scores_zero() -> None:
    result = accuracy.score(None, GOLD)
    assert result["row_recall"] == 0.0 and result["rows_pred"] == 0


def test_the_ratchet_catches_a_fall_and_not_an_equal() -> None:
    results = {"test": {"mean": {"row_recall": 0.9, "task_exact": 0.8}}}
    assert accuracy.check(results, {"test": {"row_recall": 0.9, "task_exact": 0.8}}) == []
    drops = accuracy.check(results, {"test": {"row_recall": 0.91, "task_exact": 0.8}})
    assert drops == ["test row_recall: 0.9000 < baseline 0.9100"]


@pytest.mark.parametrize("split", ["dev", "test"])
def test_every_corpus_document_is_scored(split: str) -> None:
    pairs = accuracy.documents(ROOT / "corpus" / split)
    assert len(pairs) >= 10
    assert all(doc.suffix == ".txt" and gold.name.endswith(".gold.json") for doc, gold in pairs)


def test_status_is_compared_with_each_labelled_row() -> None:
    from corpus.status import StatusLabel

    labels = [StatusLabel("done", "已完成", ""), StatusLabel("on_track", "主体封顶", "")]
    rows = [_row(1, "建设码头", "", [], [], []) | {"status": {"value": "done"}}]
    result = accuracy.score({"tables": [{"rows": rows}]}, GOLD, labels)
    # row 2 was not given: a disagreement, counted as such
    assert result["status_confusion"] == {"done": {"done": 1}, "on_track": {accuracy.MISSING: 1}}
    means = accuracy.status_means(accuracy.status_confusion([result]))
    assert means == {"status_agreement": 0.5, "status_unknown_share": 0.0}


def test_the_unknown_share_may_fall_but_not_rise() -> None:
    results = {"test": {"mean": {"status_agreement": 0.6, "status_unknown_share": 0.2}}}
    assert accuracy.check(results, {"test": {"status_agreement": 0.6, "status_unknown_share": 0.3}}) == []
    assert accuracy.check(results, {"test": {"status_agreement": 0.6, "status_unknown_share": 0.1}}) == [
        "test status_unknown_share: 0.2000 > baseline 0.1000"
    ]


def test_a_metric_the_run_lost_fails_the_ratchet() -> None:
    results = {"test": {"mean": {"row_recall": 0.9}}}
    assert accuracy.check(results, {"test": {"row_recall": 0.9, "status_agreement": 0.5}}) == [
        "test status_agreement: missing, baseline 0.5000"
    ]


@pytest.mark.parametrize(
    ("got", "gold", "kind"),
    [
        ("建设码头。", "建设码头", "final stop only"),
        ("建设码头已完成主体", "建设码头", "longer (gold a prefix)"),
        ("建设", "建设码头", "shorter (a prefix of gold)"),
        ("", "建设码头", "empty"),
        ("主体封顶", "", "gold empty, text given"),
        ("一、建设码头已完成", "建设码头", "contains gold"),
        ("码头", "新建码头工程", "inside gold"),
        ("新建学校", "建设码头", "other"),
    ],
)
def test_a_text_error_is_named_by_how_it_differs(got: str, gold: str, kind: str) -> None:
    assert accuracy.text_error(got, gold) == kind


@pytest.mark.parametrize(
    ("got", "kind"),
    [
        ("建设码头。已完成主体工程", "longer: holds the report's start"),
        ("建设码头已完成主体", "longer: holds the report's start"),
        ("建设码头，已完成", "longer: holds the report's start"),
        ("建设码头（区交通局）", "longer: holds the lead units"),
        ("建设码头(市财政局)", "longer (gold a prefix)"),
        ("建设码头二期", "longer (gold a prefix)"),
    ],
)
def test_a_task_run_on_is_told_by_what_it_ran_into(got: str, kind: str) -> None:
    # The gold's report and units say what a longer task swallowed; a task longer otherwise stays plain.
    assert accuracy.text_error(got, "建设码头", "已完成主体工程建设", ["区交通局"]) == kind


@pytest.mark.parametrize(
    ("got", "kind"),
    [
        ("新建学校", "other: another row's task"),
        ("1.新建学校（市教育局）", "other: another row's task"),
        ("二、建设码头工程", "other: overlaps gold"),
        ("修缮道路", "other"),
    ],
)
def test_a_task_unlike_its_gold_is_told_apart(got: str, kind: str) -> None:
    # Rows paired by a seq the parse numbered differently show as another row's task.
    assert accuracy.other_kind(got, "建设码头项目", {"新建学校", "码"}) == kind


def test_errors_and_layout_are_counted_per_document() -> None:
    rows = [_row(1, "建设码头已完成主体", "", ["区交通局", "区财政局"], [], [])]
    result = accuracy.score({"tables": [{"layout": "prose", "rows": rows}]}, GOLD)
    assert result["layout"] == "prose"
    assert result["errors"]["task"] == {"longer: holds the report's start": 1, accuracy.MISSING: 1}
    assert result["errors"]["progress"] == {"empty": 1, accuracy.MISSING: 1}
    assert result["errors"]["lead"] == {"extra units": 1, accuracy.MISSING: 1}


def test_the_breakdown_prints_aggregates_only(capsys: pytest.CaptureFixture[str]) -> None:
    rows = [_row(1, "建设码头", "别的", ["区交通局"], [], [])]
    split = {"docs": {"secret-doc-01.txt": accuracy.score({"tables": [{"layout": "stream", "rows": rows}]}, GOLD)}}
    accuracy.print_breakdown("test", split)
    out = capsys.readouterr().out
    assert "secret-doc-01" not in out and "建设码头" not in out
    assert "stream" in out and "progress not exact, of 2 gold rows: other 1, (no row) 1" in out
