"""What a user controls and sees of the reading: --columns, --explain, the no_table message, the
layout and confidence of each table, document-wide seq, and units named by headers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import extractor
from extractor.errors import NoTableError
from tests.helpers import SAMPLES

# A table whose headers say nothing the vocabulary knows: 工作内容 is a task word, but 落实 and
# 单位 read weakly; --columns makes the reading explicit.
UNKNOWN_HEADERS = "序号\t事由\t现状\t经办处室\n1\t修缮祠堂\t已完成主体\t区文旅局\n2\t疏浚河道\t完成60%\t区水务局\n"


def _columns(document: extractor.Document) -> list[tuple[str, str | None]]:
    return [(c.header, c.field) for c in document.tables[0].columns]


def test_columns_override_reads_headers_as_the_named_fields() -> None:
    data = UNKNOWN_HEADERS.encode()
    # Without an override the cells' content decides (a name column, a column of reports, units).
    plain = extractor.parse(data, columns=None)
    assert _columns(plain) == [("序号", "seq"), ("事由", "task"), ("现状", "progress"), ("经办处室", "lead_units")]
    # An override wins over the content, even one no analyst would choose.
    swapped = extractor.parse(data, columns={"事由": "progress", "现状": "task"})
    assert [(r.task, r.progress) for r in swapped.tables[0].rows] == [
        ("已完成主体", "修缮祠堂"),
        ("完成60%", "疏浚河道"),
    ]
    named = extractor.parse(data, columns={"事由": "task", "现状": "progress", "经办处室": "lead_units"})
    assert _columns(named) == [("序号", "seq"), ("事由", "task"), ("现状", "progress"), ("经办处室", "lead_units")]
    assert [(r.task, r.progress, r.lead_units) for r in named.tables[0].rows] == [
        ("修缮祠堂", "已完成主体", ["区文旅局"]),
        ("疏浚河道", "完成60%", ["区水务局"]),
    ]


@pytest.mark.parametrize("spelling", ["事由", "事 由", "事由："])
def test_columns_override_matches_headers_as_headers_are_matched(spelling: str) -> None:
    named = extractor.parse(UNKNOWN_HEADERS.encode(), columns={spelling: "task", "现状": "progress"})
    assert named.tables[0].rows[0].task == "修缮祠堂"


def test_columns_override_none_takes_a_field_away() -> None:
    seed = (SAMPLES / "seed.txt").read_bytes()
    document = extractor.parse(seed, columns={"牵头责任单位": "none"})
    assert ("牵头责任单位", None) in _columns(document)
    assert all(r.lead_units == [] for r in document.tables[0].rows)


def test_columns_override_refuses_an_unknown_field() -> None:
    with pytest.raises(ValueError, match="unknown field progres"):
        extractor.parse(UNKNOWN_HEADERS.encode(), columns={"现状": "progres"})


def test_cli_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from extractor.cli import main

    path = tmp_path / "t.txt"
    path.write_text(UNKNOWN_HEADERS, encoding="utf-8")
    assert main(["parse", str(path), "--columns", "事由=task，现状=progress"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [r["task"] for r in out["tables"][0]["rows"]] == ["修缮祠堂", "疏浚河道"]
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", str(path), "--columns", "事由=tsk"])
    assert exit_info.value.code == 2
    assert "unknown field 'tsk'" in capsys.readouterr().err


def test_no_table_names_the_closest_lines() -> None:
    text = "关于调研工作的通知\n序号 | 调研单位:区发改委\n各单位请于5月前报送材料。\n"
    with pytest.raises(NoTableError) as error:
        extractor.parse(text.encode())
    message = error.value.message
    assert "\n" not in message
    assert "closest:" in message and "no task or progress column" in message


def test_explain_prints_candidates_evidence_and_header_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from extractor.cli import main

    path = tmp_path / "t.txt"
    path.write_text("序号 目标任务 牵头单位 推进情况\n1 建设码头。 区交通局 已完工。\n2 新建学校。 区教委 主体封顶。\n")
    assert main(["parse", "--explain", str(path)]) == 0
    out = capsys.readouterr().out
    assert "candidates" in out and "→ aligned" in out and "chosen: aligned" in out
    assert "'推进情况'" in out and "→ progress" in out
    assert "| 1 | 建设码头。 | 区交通局 | 已完工。" in out


def test_tables_name_their_layout_and_confidence() -> None:
    seed_txt = extractor.parse(SAMPLES / "seed.txt")
    assert seed_txt.tables[0].layout == "seed-cells" and 0 <= seed_txt.tables[0].confidence <= 1
    seed_docx = extractor.parse(SAMPLES / "seed.docx")
    assert (seed_docx.tables[0].layout, seed_docx.tables[0].confidence) == ("docx", 1.0)


def test_numbering_that_restarts_gives_document_positions() -> None:
    text = (
        "序号\t目标任务\t完成情况\n1\t甲\t已完成\n2\t乙\t已完成\n\n"
        "序号\t目标任务\t完成情况\n1\t丙\t推进中\n2\t丁\t推进中\n"
    )
    rows = [r for t in extractor.parse(text.encode()).tables for r in t.rows]
    assert [(r.seq, r.seq_text, r.task) for r in rows] == [
        (1, "1", "甲"),
        (2, "2", "乙"),
        (3, "1", "丙"),
        (4, "2", "丁"),
    ]


def test_unbroken_numbering_keeps_the_printed_numbers() -> None:
    text = "序号\t目标任务\t完成情况\n7\t甲\t已完成\n8\t乙\t已完成\n"
    assert [r.seq for r in extractor.parse(text.encode()).tables[0].rows] == [7, 8]


@pytest.mark.parametrize(
    ("header", "cell", "expected"),
    [
        ("总投资（万元）", "63632", ("amount", 636_320_000.0, "CNY")),
        ("总投资(亿元)", "1.5", ("amount", 150_000_000.0, "CNY")),
        ("完成进度(%)", "51", ("percent", 51.0, "%")),
        ("完成率%", "96.5", ("percent", 96.5, "%")),
        ("新增就业（人）", "26000", ("count", 26_000.0, "人")),
    ],
)
def test_a_header_unit_applies_to_the_bare_numbers_under_it(header: str, cell: str, expected: tuple) -> None:
    text = f"序号\t目标任务\t{header}\t完成情况\n1\t建设码头\t{cell}\t已完成\n"
    (row,) = extractor.parse(text.encode()).tables[0].rows
    (figure,) = [f for f in row.figures if f.field not in ("task", "progress")]
    assert (figure.kind, figure.value, figure.unit) == expected
    assert row.cells[figure.field][figure.span[0] : figure.span[1]] == figure.text == cell


def test_a_bare_number_under_a_header_without_unit_is_no_figure() -> None:
    text = "序号\t目标任务\t数量\t完成情况\n1\t建设码头\t12\t已完成\n"
    (row,) = extractor.parse(text.encode()).tables[0].rows
    assert [f for f in row.figures if f.field == "数量"] == []


@pytest.mark.parametrize("numerals", [("一", "二", "三"), ("一、", "二、", "三、")])
def test_rows_numbered_in_chinese_numerals(numerals: tuple[str, str, str]) -> None:
    a, b, c = numerals
    text = (
        "序号 目标任务 责任单位 进展情况\n"
        f"{a} 建设码头。 区交通局 已完工。\n{b} 新建学校。 区教委 主体封顶。\n{c} 改造道路。 区住建委 完成80%。\n"
    )
    rows = extractor.parse(text.encode()).tables[0].rows
    assert [(r.seq, r.task, r.lead_units) for r in rows] == [
        (1, "建设码头。", ["区交通局"]),
        (2, "新建学校。", ["区教委"]),
        (3, "改造道路。", ["区住建委"]),
    ]
