"""A document's JSON written a row at a time (``output.document_json_chunks``) is exactly the text of its
record, indented (``to_json``) and on one line (``to_jsonl``), through the writers and the CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import extractor
from extractor.cli import main
from extractor.exports.writers import JsonWriter, LinesWriter
from extractor.models import Document
from extractor.output import document_dict, document_json, document_json_chunks, to_json, to_jsonl

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def _texts(document: Document) -> tuple[bytes, bytes, bytes, bytes]:
    record = document_dict(document)
    indented = b"".join(document_json_chunks(document))
    compact = b"".join(document_json_chunks(document, compact=True))
    return indented, to_json(record).encode(), compact, to_jsonl(record).encode()


@pytest.mark.parametrize("name", ["seed.txt", "seed.docx", "seed.pdf"])
def test_chunks_join_to_the_record_s_text(name: str) -> None:
    indented, reference, compact, line = _texts(extractor.parse(SAMPLES / name))
    assert indented == reference
    assert compact == line
    assert b"\n" not in compact


def _two_tables() -> Document:
    """Three tables, the middle one empty, with strings shaped like the JSON the chunks are cut at."""
    document = extractor.parse("序号\t目标任务\t完成情况\n1\t任务\t完成投资3亿元\n2\t任务二\t已完成\n".encode())
    table = document.tables[0]
    row = table.rows[0]
    tricky = row.model_copy(
        update={"task": '"rows": [] ,"rows":[]\n      "rows": []', "cells": {"task": '\\",\\"rows\\":[]'}}
    )
    empty = table.model_copy(update={"rows": [], "title": '"rows": []'})
    other = table.model_copy(update={"rows": [tricky, *table.rows], "title": "表二"})
    return document.model_copy(update={"tables": [table, empty, other]})


def test_chunks_of_several_tables_one_empty() -> None:
    document = _two_tables()
    indented, reference, compact, line = _texts(document)
    assert indented == reference
    assert compact == line
    assert [len(t["rows"]) for t in json.loads(indented)["tables"]] == [2, 0, 3]


def test_chunks_are_rows() -> None:
    """The text is never made whole: the document without its rows, then a piece per row."""
    document = _two_tables()
    pieces = list(document_json_chunks(document))
    rows = sum(len(t.rows) for t in document.tables)
    assert len(pieces) > rows
    assert max(len(p) for p in pieces) < len(document_json(document)) / 2


@pytest.mark.parametrize("value", [7e-08, 1e-05, 9.9e-05, 0.00012, 1e16, float("inf")])
def test_numbers_only_python_writes_in_both_shapes(value: float) -> None:
    document = _two_tables()
    figure = document.tables[0].rows[0].figures[0]
    figure_copy = figure.model_copy(update={"value": value, "value_max": 1e-05})
    document.tables[2].rows[1].figures.append(figure_copy)
    indented, reference, compact, line = _texts(document)
    assert indented == reference
    assert compact == line


def test_a_number_s_shape_in_a_string_only() -> None:
    """':1e-7,' inside a cell's text: read through Python's serializer, the same text either way."""
    document = _two_tables()
    document.tables[0].rows[0].cells["progress"] = 'a:1e-7,b:0.00001]"x":5e-5}'
    indented, reference, compact, line = _texts(document)
    assert indented == reference
    assert compact == line


def test_writers_write_a_document_as_its_record(tmp_path: Path) -> None:
    document = _two_tables()
    record = document_dict(document)
    path = tmp_path / "out.json"
    with open(path, "w", encoding="utf-8") as stream:  # bytes go below the text layer, in order
        writer = JsonWriter(stream, array=True)
        writer.write(record)
        writer.write(document)
        writer.write(b"".join(document_json_chunks(document)))
        writer.close()
    assert json.loads(path.read_text(encoding="utf-8")) == [record, record, record]
    assert path.read_text(encoding="utf-8") == "[\n" + ",\n".join([to_json(record)] * 3) + "\n]\n"
    memory = io.StringIO()  # no bytes below: decoded
    lines = LinesWriter(memory)
    lines.write(document)
    lines.write(record)
    assert memory.getvalue() == (to_jsonl(record) + "\n") * 2


def test_a_memory_error_on_the_first_piece_writes_nothing() -> None:
    stream = io.StringIO()

    def failing(record: object) -> object:
        def pieces():  # type: ignore[no-untyped-def]
            raise MemoryError
            yield b""

        return pieces()

    writer = JsonWriter(stream, array=True, dumps=failing)
    with pytest.raises(MemoryError):
        writer.write(_two_tables())
    assert stream.getvalue() == ""


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_cli_writes_the_records(tmp_path: Path, jobs: str, fmt: str) -> None:
    files = [str(SAMPLES / "seed.txt"), str(SAMPLES / "seed.docx"), str(tmp_path / "missing.txt")]
    out = tmp_path / f"out.{fmt}"
    assert main(["parse", *files, "--jobs", jobs, "--format", fmt, "-o", str(out)]) == 1
    records = [document_dict(extractor.parse(path)) for path in files[:2]]
    missing = {"source": {"path": files[2]}, "error": {"code": "not_found", "message": "file not found"}}
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(text)[:2] == records
        assert text.startswith("[\n" + to_json(records[0]) + ",\n" + to_json(records[1]) + ",\n")
    else:
        lines = text.splitlines()
        assert lines[:2] == [to_jsonl(r) for r in records]
        assert json.loads(lines[2])["error"]["code"] == missing["error"]["code"]


def test_a_worker_failing_mid_text_fails_that_file_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """A MemoryError while a worker sends a record's text: that file fails (too_large), whole; the next
    file's text arrives whole. (Workers are forked: they run the function patched here.)"""
    import multiprocessing

    import extractor.batch as batch

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched function reaches the workers only when they are forked")
    real = batch.to_jsonl

    def failing(parsed):  # type: ignore[no-untyped-def]
        pieces = real(parsed)
        yield next(pieces)
        if parsed.document.source.format == "txt":
            raise MemoryError
        yield from pieces

    monkeypatch.setattr(batch, "to_jsonl", failing)
    files = [SAMPLES / "seed.txt", SAMPLES / "seed.docx"]
    settings = batch.Settings(want="jsonl")
    results = list(batch.results([str(f) for f in files], settings, jobs=2))
    assert results[0].error is not None and results[0].error.code == "too_large" and results[0].text is None
    assert results[1].error is None and results[1].text is not None
    assert b"".join(results[1].text) == to_jsonl(document_dict(extractor.parse(files[1]))).encode()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_written_document_is_let_go_before_the_next_file_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    """A batch holds one file's Document at a time: the one written is freed before the next parse."""
    import gc
    import weakref

    import extractor.batch as batch
    from extractor import pipeline

    parsed: list[weakref.ref[object]] = []  # each Document, and the text of its rows
    alive_at_parse: list[int] = []
    real = batch.parse

    def tracked(*args: object, **kwargs: object) -> Document:
        gc.collect()
        alive_at_parse.append(sum(ref() is not None for ref in parsed))
        document = real(*args, **kwargs)  # type: ignore[arg-type]
        parsed.append(weakref.ref(document))
        parsed.append(weakref.ref(pipeline._ROW_SINK.get()))  # the rows' text (output.RowTexts), kept apart
        return document

    monkeypatch.setattr(batch, "parse", tracked)
    seed = str(SAMPLES / "seed.txt")
    assert main(["parse", seed, seed, seed, "-o", str(tmp_path / "out.jsonl"), "--jobs", jobs]) == 0
    if jobs == "1":  # with workers the documents live (and die) in the worker processes
        assert alive_at_parse == [0, 0, 0]
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and len(set(lines)) == 1


def test_chunks_of_rows_read_by_ocr() -> None:
    """A row's sources (OCR) are written as in the whole document, and left out when empty."""
    from extractor.models import CellSource

    document = _two_tables()
    document.tables[0].rows[0].sources = {"task": [CellSource(page=1, box=(1.0, 2.0, 3.5, 4.0), confidence=0.91)]}
    document.tables[2].rows[0].sources = {}
    indented, reference, compact, line = _texts(document)
    assert indented == reference and compact == line
    assert indented.count(b'"sources"') == 2  # the row stands in the first table and the third
