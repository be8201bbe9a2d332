"""Rows kept as their JSON text while a file is parsed (a parse within ``pipeline.rows_to`` an
``output.RowTexts``, what the CLI writes from): the text written is byte for byte the Document's,
and neither the Row objects nor the input's bytes are held while the records are built."""

from __future__ import annotations

import gc
import hashlib
import io
import weakref
from pathlib import Path
from typing import ClassVar

import pytest

import extractor
from extractor import pipeline
from extractor.cli import main
from extractor.models import Document, Row
from extractor.output import (
    LeanDocument,
    RowTexts,
    document_dict,
    document_json_chunks,
    to_json,
    to_jsonl,
)
from extractor.pipeline import rows_to
from extractor.records import number_rows
from tests.conftest_helpers import kept_rows

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FIXTURES = ROOT / "tests" / "fixtures"

# Two attachments numbered 1, 2 each: seq becomes the row's position in the document (3, 4 in the second).
TWO_NUMBERINGS = (
    "附件1\n序号\t目标任务\t完成情况\n1\t任务一\t已完成\n2\t任务二\t完成投资3亿元，同比下降0.00005%\n\n"
    "附件2\n序号\t目标任务\t完成情况\n1\t任務三\t已完成，增長５％\n2\t任务四\t正在推进\n"
)


def _both(source: object) -> tuple[Document, bytes, bytes, bytes, bytes]:
    """The Document and the texts (indented, compact) written from it, then those written from the
    same file parsed with its rows kept as text."""
    document = extractor.parse(source)  # type: ignore[arg-type]
    rows = RowTexts()
    with rows_to(rows):
        lean = extractor.parse(source)  # type: ignore[arg-type]
    return (
        document,
        b"".join(document_json_chunks(document)),
        b"".join(document_json_chunks(document, compact=True)),
        b"".join(document_json_chunks(lean, rows=rows)),
        b"".join(document_json_chunks(lean, compact=True, rows=rows)),
    )


@pytest.mark.parametrize(
    "path",
    [SAMPLES / "seed.txt", SAMPLES / "seed.docx", SAMPLES / "seed.pdf", FIXTURES / "variant7.xlsx"],
    ids=lambda p: p.name,
)
def test_rows_as_text_write_the_document_s_text(path: Path) -> None:
    document, indented, compact, lean_indented, lean_compact = _both(path)
    assert lean_indented == indented == to_json(document_dict(document)).encode()
    assert lean_compact == compact == to_jsonl(document_dict(document)).encode()


def test_seq_by_position_across_tables() -> None:
    """number_rows' rule on the kept text: both tables number from 1, so seq is the position."""
    document, indented, compact, lean_indented, lean_compact = _both(TWO_NUMBERINGS.encode())
    assert [[(r.seq, r.seq_text) for r in t.rows] for t in document.tables] == [
        [(1, "1"), (2, "2")],
        [(3, "1"), (4, "2")],
    ]
    assert lean_indented == indented
    assert lean_compact == compact
    assert b'"seq": 4,\n' in lean_indented and b'"seq":3,' in lean_compact


def test_seq_as_printed_when_every_row_has_its_own() -> None:
    text = TWO_NUMBERINGS.replace("\n1\t任務三", "\n3\t任務三").replace("\n2\t任务四", "\n4\t任务四")
    text = text.replace("\n1\t任务一", "\n10\t任务一")
    document, indented, _, lean_indented, _ = _both(text.encode())
    assert [r.seq for t in document.tables for r in t.rows] == [10, 2, 3, 4]
    assert lean_indented == indented


def _by_hand() -> Document:
    """Three tables, the middle one empty, with strings shaped like the JSON the text is cut at."""
    document = extractor.parse(TWO_NUMBERINGS.encode())
    first, second = document.tables
    row = first.rows[0]
    tricky = row.model_copy(
        update={"task": '{"seq":1,"rows": [] ,"rows":[]\n      "rows": []', "cells": {"task": '\\",\\"seq\\":[]'}}
    )
    empty = second.model_copy(update={"rows": [], "title": '"rows": []'})
    other = second.model_copy(update={"rows": [tricky, *second.rows], "title": "表二"})
    built = document.model_copy(update={"tables": [first, empty, other]})
    number_rows(built.tables)
    return built


@pytest.mark.parametrize("value", [7e-08, 1e-05, 9.9e-05, 0.00012, 1e16, -0.0, float("inf")])
def test_numbers_written_as_python_writes_them(value: float) -> None:
    document = _by_hand()
    figure = document.tables[0].rows[1].figures[0]
    document.tables[2].rows[1].figures.append(figure.model_copy(update={"value": value, "value_max": 1e-05}))
    head, rows = kept_rows(document)
    assert b"".join(document_json_chunks(head, rows=rows)) == b"".join(document_json_chunks(document))
    assert b"".join(document_json_chunks(head, True, rows)) == b"".join(document_json_chunks(document, True))


def test_tables_without_rows_and_tricky_strings() -> None:
    document = _by_hand()
    head, rows = kept_rows(document)
    assert [len(t) for t in rows.tables] == [2, 0, 3]
    assert all(isinstance(text, bytes) for table in rows.tables for text in table)
    lean = LeanDocument(head, rows)
    assert lean.row_count == 5
    assert b"".join(to_json(lean)) == to_json(document_dict(document)).encode()
    assert b"".join(to_jsonl(lean)) == to_jsonl(document_dict(document)).encode()


def test_a_row_no_utf_8_holds_fails_as_it_would_have() -> None:
    """A lone surrogate in a cell: the Row is kept as it is, and writing it raises as before."""
    document = _by_hand()
    document.tables[0].rows[0].cells["task"] = "任务\udc80"
    head, rows = kept_rows(document)
    assert isinstance(rows.tables[0][0], Row) and isinstance(rows.tables[0][1], bytes)
    with pytest.raises(UnicodeEncodeError):
        b"".join(document_json_chunks(document))
    with pytest.raises(UnicodeEncodeError):
        b"".join(document_json_chunks(head, rows=rows))


def test_no_row_object_outlives_its_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each Row is let go once its text is kept: when the records are done, none is alive."""
    made: list[weakref.ref[Row]] = []
    real = RowTexts.add

    def add(self: RowTexts, table: int, row: Row) -> None:
        made.append(weakref.ref(row))
        real(self, table, row)

    monkeypatch.setattr(RowTexts, "add", add)
    rows = RowTexts()
    with rows_to(rows):
        document = extractor.parse(SAMPLES / "seed.txt")
    assert len(made) == sum(len(t) for t in rows.tables) > 10
    assert [t.rows for t in document.tables] == [[]]
    gc.collect()
    assert not any(ref() is not None for ref in made)


class _Watched(bytes):
    """The input's bytes, telling when they are freed."""

    freed: ClassVar[list[int]] = []

    def __del__(self) -> None:
        _Watched.freed.append(len(self))


def test_the_input_s_bytes_are_let_go_before_the_records(monkeypatch: pytest.MonkeyPatch) -> None:
    """The file's bytes are read for its hash and size first, then freed before the records are built."""
    data = (SAMPLES / "seed.txt").read_bytes()
    monkeypatch.setattr(pipeline, "read_file", lambda path, limits: _Watched(data))
    freed_at_records: list[list[int]] = []
    build_table = pipeline.build_table

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        freed_at_records.append(list(_Watched.freed))
        return build_table(*args, **kwargs)

    monkeypatch.setattr(pipeline, "build_table", spy)
    _Watched.freed.clear()
    document = extractor.parse(SAMPLES / "seed.txt")
    assert freed_at_records == [[len(data)]]
    assert document.source.size == len(data)
    assert document.source.sha256 == extractor.parse(data).source.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_cli_writes_renumbered_rows_as_the_library_does(tmp_path: Path, jobs: str, fmt: str) -> None:
    source = tmp_path / "two.txt"
    source.write_text(TWO_NUMBERINGS, encoding="utf-8")
    files = [str(source), str(SAMPLES / "seed.txt")]
    out = tmp_path / f"out.{fmt}"
    assert main(["parse", *files, "--jobs", jobs, "--format", fmt, "-o", str(out)]) == 0
    records = [document_dict(extractor.parse(path)) for path in files]
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert text == "[\n" + ",\n".join(to_json(r) for r in records) + "\n]\n"
    else:
        assert text == "".join(to_jsonl(r) + "\n" for r in records)
    assert '"seq": 4,' in text or '"seq":4,' in text


def test_the_whole_text_when_the_rows_cannot_be_placed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Were the tables' empty row lists not found in the head's text, the text is made whole from
    the record, the kept rows put in it: still the same text."""
    import extractor.output as output

    document = _by_hand()
    head, rows = kept_rows(document)
    reference = b"".join(document_json_chunks(document)), b"".join(document_json_chunks(document, True))
    monkeypatch.setattr(output, "_ROWS_INDENTED", b"no such text")
    monkeypatch.setattr(output, "_ROWS_COMPACT", b"no such text")
    assert [*document_json_chunks(head, rows=rows)] == [reference[0]]
    assert [*document_json_chunks(head, True, rows)] == [reference[1]]


def test_a_small_file_is_read_with_little_address_space_left() -> None:
    """``read(limit)`` would ask for the whole size limit (200 MB) up front: a worker with less room
    left under its ceiling (one that has loaded the OCR engine) failed every file with too_large."""
    resource = pytest.importorskip("resource")
    from extractor.limits import DEFAULT_LIMITS, _address_space
    from extractor.pipeline import read_file, read_stream

    space = _address_space()
    if not space:
        pytest.skip("no /proc/self/statm")
    before = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (space + 120 * 2**20, before[1]))
    try:
        data = read_file(SAMPLES / "seed.txt", DEFAULT_LIMITS)
        with open(SAMPLES / "seed.docx", "rb") as stream:
            streamed = read_stream(stream, DEFAULT_LIMITS)
    finally:
        resource.setrlimit(resource.RLIMIT_AS, before)
    assert data == (SAMPLES / "seed.txt").read_bytes()
    assert streamed == (SAMPLES / "seed.docx").read_bytes()


class _Trickle(io.RawIOBase):
    """A pipe's reads: a few bytes at a time, whatever is asked."""

    def __init__(self, data: bytes, step: int) -> None:
        self.data, self.step, self.asked = data, step, []

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        self.asked.append(size)
        piece, self.data = self.data[: min(size, self.step)], self.data[min(size, self.step) :]
        return piece


def test_a_stream_is_read_to_its_end_in_bounded_pieces() -> None:
    from extractor.errors import TooLargeError
    from extractor.limits import Limits
    from extractor.pipeline import READ_CHUNK, read_stream

    data = "序号\t目标任务\n1\t任務一\n".encode() * 300
    trickle = _Trickle(data, 1000)
    assert read_stream(trickle, Limits()) == data  # type: ignore[arg-type]
    assert max(trickle.asked) <= READ_CHUNK
    with pytest.raises(TooLargeError):
        read_stream(_Trickle(data, 1000), Limits(max_bytes=len(data) - 1))  # type: ignore[arg-type]
    assert read_stream(_Trickle(data, 1000), Limits(max_bytes=len(data))) == data  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'rb'"):
        read_stream(io.StringIO("序号"), Limits())  # type: ignore[arg-type]
