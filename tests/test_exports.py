"""Exports (issue 15): CSV round-trips through the csv module, the workbook opens in openpyxl with
typed numbers and links, LangExtract records point into their own text, flat rows and DataFrames."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import extractor
from extractor.exports import TASK_COLUMNS, dataframe, document_rows, figure_rows, task_rows
from extractor.exports.langextract import langextract_document
from extractor.exports.writers import CsvWriter, JsonWriter, XlsxWriter, figures_path
from extractor.output import document_dict
from tests.helpers import FIXTURES, SAMPLES

CLI = [sys.executable, "-m", "extractor.cli"]
SEED = [SAMPLES / "seed.docx", SAMPLES / "seed.txt", FIXTURES / "variant7.docx"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, encoding="utf-8", timeout=120)


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return [document_dict(extractor.parse(path)) for path in SEED]


def _tricky_record() -> dict[str, Any]:
    """A record whose cells hold what CSV and Excel get wrong: separators, quotes, line breaks, a
    formula, control characters, a cell over Excel's limit."""
    record = document_dict(extractor.parse(SAMPLES / "seed.txt"))
    row = record["tables"][0]["rows"][0]
    row["task"] = '甲,乙；"丙"\n丁\r\n=SUM(A1:A9)'
    row["progress"] = "@cmd\tx\x01y\x1f" + "长" * 40_000
    row["lead_units"] = ["区商务委", "区发展改革委, 区财政局"]
    return record


def test_csv_round_trips_through_the_csv_module(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    bad = {"source": {"path": "broken.docx"}, "error": {"code": "corrupt_file", "message": "damaged, badly"}}
    out = tmp_path / "tasks.csv"
    writer = CsvWriter(out)
    for record in [*records, bad, _tricky_record()]:
        writer.write(record)
    writer.close()
    assert figures_path(out) == tmp_path / "tasks.figures.csv"
    with open(out, encoding="utf-8-sig", newline="") as file:
        read = list(csv.DictReader(file))
    expected = [row for record in [*records, bad, _tricky_record()] for row in task_rows(record)]
    assert read == [{k: "" if v is None else str(v) for k, v in row.items()} for row in expected]
    assert list(read[0]) == list(TASK_COLUMNS)
    tricky = read[-11]
    assert tricky["task"] == '甲,乙；"丙"\n丁\r\n=SUM(A1:A9)' and len(tricky["progress"]) == 40_009
    assert tricky["lead_units"] == "区商务委、区发展改革委, 区财政局"
    failed = next(row for row in read if row["path"] == "broken.docx")
    assert (failed["error_code"], failed["error_message"], failed["task"]) == ("corrupt_file", "damaged, badly", "")
    with open(figures_path(out), encoding="utf-8-sig", newline="") as file:
        figures = list(csv.DictReader(file))
    expected_figures = [row for record in records for row in figure_rows(record)]
    assert len(figures) == len(expected_figures) + len(figure_rows(_tricky_record()))
    assert [float(f["value"]) for f in figures[: len(expected_figures)]] == [f["value"] for f in expected_figures]
    # the span points into the cell of its row
    first_doc_rows = records[0]["tables"][0]["rows"]
    for figure in figures[:5]:
        cell = first_doc_rows[int(figure["row"])]["cells"][figure["field"]]
        assert cell[int(figure["start"]) : int(figure["end"])] == figure["text"]


def test_csv_from_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "reports" / "tasks.csv"  # the folder is made
    result = run("parse", str(SAMPLES), "-o", str(out))
    assert result.returncode == 0, result.stderr
    with open(out, encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 33 and [row["seq"] for row in rows[:3]] == ["1", "2", "3"]
    assert rows[2]["lead_units"] == "区商务委" and rows[2]["status"] == "behind"
    with open(out.with_name("tasks.figures.csv"), encoding="utf-8-sig", newline="") as file:
        figures = list(csv.DictReader(file))
    amount = next(f for f in figures if f["text"] == "43亿元")
    assert (float(amount["value"]), amount["unit"], amount["kind"]) == (4.3e9, "CNY", "amount")


def test_xlsx_opens_in_openpyxl_with_typed_numbers_and_links(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "review.xlsx"
    writer = XlsxWriter(out)
    bad = {"source": {"path": "broken.docx"}, "error": {"code": "corrupt_file", "message": "damaged"}}
    for record in [*records, bad, _tricky_record()]:
        writer.write(record)
    writer.close()
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["tasks", "figures", "issues", "warnings"]
    tasks, figures = workbook["tasks"], workbook["figures"]
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.column_dimensions["A"].width > 10
    header = [cell.value for cell in tasks[1]]
    assert header == list(TASK_COLUMNS)
    assert tasks.max_row == 1 + sum(len(task_rows(r)) for r in [*records, bad, _tricky_record()])
    third = {h: c for h, c in zip(header, tasks[4], strict=True)}
    assert third["seq"].value == 3 and third["seq"].data_type == "n"
    assert third["lead_units"].value == "区商务委"
    fig_header = [cell.value for cell in figures[1]]
    by_text = {row[fig_header.index("text")].value: row for row in figures.iter_rows(min_row=2)}
    amount = by_text["43亿元"]
    value = amount[fig_header.index("value")]
    assert value.value == 4.3e9 and value.data_type == "n"
    assert amount[fig_header.index("currency_assumed")].value is True
    # the figure's seq cell links to its task's row in the tasks sheet
    link = amount[fig_header.index("seq")].hyperlink
    assert link is not None and link.location.startswith("tasks!A")
    target = int(link.location.removeprefix("tasks!A"))
    task_row = {h: c.value for h, c in zip(header, tasks[target], strict=True)}
    assert (task_row["path"], task_row["table"], task_row["row"]) == (
        amount[0].value,
        amount[fig_header.index("table")].value,
        amount[fig_header.index("row")].value,
    )
    assert "43亿元" in task_row["progress"]
    # text stays text: no formula, control characters escaped, Excel's cell limit kept
    tricky = tasks[tasks.max_row - 10]
    task_cell, progress_cell = tricky[header.index("task")], tricky[header.index("progress")]
    assert task_cell.data_type == "s" and task_cell.value.endswith("=SUM(A1:A9)")
    assert progress_cell.value.startswith("@cmd\tx\\x01y\\x1f") and len(progress_cell.value) == 32_767
    assert progress_cell.value.endswith("…[truncated]")
    warnings = [[c.value for c in row] for row in workbook["warnings"].iter_rows(min_row=2)]
    assert ["broken.docx", "error", "corrupt_file", "damaged", None, None, None] in warnings


def test_xlsx_from_the_command_line(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "out.xlsx"
    result = run("parse", str(SAMPLES / "seed.pdf"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(out)["issues"]
    assert sheet.max_row > 1 and [c.value for c in sheet[1]][:4] == ["path", "table", "row", "seq"]


def test_langextract_records_point_into_their_text(records: list[dict[str, Any]]) -> None:
    for record in records:
        document = langextract_document(record)
        assert document["document_id"] == record["source"]["path"]
        text, extractions = document["text"], document["extractions"]
        classes = {e["extraction_class"] for e in extractions}
        assert {"figure", "issue", "statement", "date", "status_cue"} <= classes
        assert [e["extraction_index"] for e in extractions] == list(range(1, len(extractions) + 1))
        for extraction in extractions:
            interval = extraction["char_interval"]
            start, end = interval["start_pos"], interval["end_pos"]
            assert text[start:end] == extraction["extraction_text"]
            assert extraction["alignment_status"] == "match_exact"
            assert all(isinstance(v, str) for v in extraction["attributes"].values())
    figure = next(e for e in langextract_document(records[0])["extractions"] if e["extraction_text"] == "43亿元")
    assert figure["attributes"]["value"] == "4300000000" and figure["attributes"]["unit"] == "CNY"
    assert figure["group_index"] == 2 and figure["attributes"]["seq"] == "3"


def test_langextract_from_the_command_line(tmp_path: Path) -> None:
    missing = str(tmp_path / "gone.pdf")
    result = run("parse", str(SAMPLES / "seed.txt"), missing, "--format", "langextract")
    assert result.returncode == 1
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert set(first) == {"document_id", "text", "extractions"}
    assert second == {
        "document_id": missing,
        "text": "",
        "extractions": [],
        "error": {"code": "not_found", "message": "no such file"},
    }


def test_json_writer_array_and_single() -> None:
    stream = io.StringIO()
    JsonWriter(stream, array=True).close()
    assert json.loads(stream.getvalue()) == []
    stream = io.StringIO()
    writer = JsonWriter(stream, array=True)
    for n in range(3):
        writer.write({"n": n, "text": '逗号,引号"'})
    writer.close()
    assert [r["n"] for r in json.loads(stream.getvalue())] == [0, 1, 2]


def test_document_rows_and_dataframe(records: list[dict[str, Any]]) -> None:
    document = extractor.parse(SAMPLES / "seed.docx")
    rows = document_rows(document)
    assert rows == task_rows(records[0]) and len(rows) == 11
    assert document_rows(document, "figures") == figure_rows(records[0])
    with pytest.raises(ValueError, match="kind must be one of"):
        document_rows(document, "cells")
    pytest.importorskip("pandas")
    frame = dataframe([document, records[1]], kind="figures")
    assert len(frame) == 2 * len(figure_rows(records[0]))
    assert frame["value"].dtype.kind == "f" and list(frame.columns)[:4] == ["path", "table", "row", "seq"]
    assert list(dataframe(records[2]).columns) == list(TASK_COLUMNS)
