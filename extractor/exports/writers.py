"""Writers for each output format, fed one JSON record at a time (in input order) and then closed.

Text formats stream (each record written as it arrives); CSV writes two files as it goes; a
workbook is saved on close. ``EXTENSIONS`` names what ``-o DIR/`` writes for each input.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import json
import os
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeAlias

from extractor.exports.langextract import langextract_document
from extractor.exports.rows import SHEETS, Record, figure_rows, task_rows
from extractor.output import LeanDocument, to_json, to_jsonl

if TYPE_CHECKING:  # the CLI writes plain documents (extractor.plain) and never imports pydantic
    from extractor.models import Document
    from extractor.plain import Document as PlainDocument

FORMATS = ("json", "jsonl", "csv", "xlsx", "langextract")
EXTENSIONS = {
    "json": ".json",
    "jsonl": ".jsonl",
    "csv": ".csv",
    "xlsx": ".xlsx",
    "langextract": ".langextract.jsonl",
}
# Formats that are files, not a stream of text: they need -o.
FILE_FORMATS = ("csv", "xlsx")
# CSV is written with a byte-order mark: Excel, which analysts open it in, reads UTF-8 only with one
# (Python's csv module and pandas read it with encoding="utf-8-sig").
CSV_ENCODING = "utf-8-sig"


def figures_path(tasks_path: Path) -> Path:
    """The figures file beside a tasks CSV: ``out.csv`` → ``out.figures.csv``."""
    return tasks_path.with_name(tasks_path.stem + ".figures" + (tasks_path.suffix or ".csv"))


# What a writer is given: a JSON record, a parsed Document or LeanDocument (its JSON written a row at a
# time), or the JSON text of a record in UTF-8, whole or in pieces (a worker process made it).
Given: TypeAlias = "Record | Document | PlainDocument | LeanDocument | bytes | list[bytes]"
# What ``dumps`` makes of it: the text whole, or in UTF-8 pieces (a Document's record).
Text = str | bytes | Iterator[bytes]


def _text_of(record: Given, dumps: Callable[[Any], Text]) -> Text:
    if isinstance(record, bytes):
        return record
    if isinstance(record, list):
        return iter(record)
    return dumps(record)


class RecordWriter:
    def write(self, record: Given) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output (close brackets, save the workbook); the caller closes its own stream."""


def _begun(text: Text) -> Text:
    """``text`` with its first piece made: a MemoryError there leaves nothing written (no half record)."""
    if isinstance(text, str | bytes):
        return text
    first = next(text, b"")
    return itertools.chain([first], text)


def _write_text(stream: IO[str], text: Text) -> None:
    """Write ``text``; UTF-8 pieces go to the bytes below the stream when it writes UTF-8 with "\n"
    line ends (no str of a 100 MB record is made), else decoded."""
    if isinstance(text, str):
        stream.write(text)
        return
    pieces = [text] if isinstance(text, bytes) else text
    buffer = getattr(stream, "buffer", None)
    encoding = getattr(stream, "encoding", None) or "ascii"
    if buffer is None or os.linesep != "\n" or codecs.lookup(encoding).name != "utf-8":
        for piece in pieces:
            stream.write(piece.decode("utf-8"))
        return
    stream.flush()  # what the text layer holds goes first
    for piece in pieces:
        buffer.write(piece)


class JsonWriter(RecordWriter):
    """One record as a JSON document (``dumps``); with ``array``, every record in one JSON array."""

    def __init__(self, stream: IO[str], array: bool, dumps: Callable[[Any], Text] = to_json) -> None:
        self.stream, self.array, self.count, self.dumps = stream, array, 0, dumps

    def write(self, record: Given) -> None:
        # a dict's text whole before anything is written: a MemoryError leaves no half record
        text = _begun(_text_of(record, self.dumps))
        # The separators are written on their own: joining them to a record of 100 MB would copy it.
        if self.array:
            self.stream.write("[\n" if self.count == 0 else ",\n")
        self.count += 1
        _write_text(self.stream, text)
        if not self.array:
            self.stream.write("\n")
        self.stream.flush()

    def close(self) -> None:
        if self.array:
            self.stream.write("[]\n" if self.count == 0 else "\n]\n")
            self.stream.flush()


class LinesWriter(RecordWriter):
    """One JSON object per line (``dumps``): the record itself (jsonl), or its LangExtract form."""

    def __init__(self, stream: IO[str], langextract: bool = False, dumps: Callable[[Any], Text] = to_jsonl) -> None:
        self.stream, self.langextract, self.dumps = stream, langextract, dumps

    def write(self, record: Given) -> None:
        if self.langextract and not isinstance(record, bytes | list):
            record = langextract_document(record)  # type: ignore[arg-type]
        text = _begun(_text_of(record, self.dumps))
        if isinstance(text, str):
            self.stream.write(text + "\n")
        else:
            _write_text(self.stream, text)
            self.stream.write("\n")
        self.stream.flush()


class CsvWriter(RecordWriter):
    """Tasks to ``path`` (one row per task), figures to ``figures_path(path)`` (one row per figure)."""

    def __init__(self, path: Path) -> None:
        from extractor.exports.rows import FIGURE_COLUMNS, TASK_COLUMNS

        self.files = [open(p, "w", encoding=CSV_ENCODING, newline="") for p in (path, figures_path(path))]  # noqa: SIM115
        self.tasks = csv.DictWriter(self.files[0], TASK_COLUMNS)
        self.figures = csv.DictWriter(self.files[1], FIGURE_COLUMNS)
        self.tasks.writeheader()
        self.figures.writeheader()

    def write(self, record: Record) -> None:
        tasks, figures = task_rows(record), figure_rows(record)
        self.tasks.writerows(tasks)
        self.figures.writerows(figures)
        for file in self.files:
            file.flush()

    def close(self) -> None:
        for file in self.files:
            file.close()


# Characters an XLSX cell cannot hold (XML 1.0 forbids them): written as \xNN escapes.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Excel refuses to open a cell of more than 32,767 characters.
EXCEL_CELL_LIMIT = 32_767
TRUNCATED = "…[truncated]"
WIDEST_COLUMN = 60


class XlsxWriter(RecordWriter):
    """One workbook: sheets tasks, figures, issues, warnings; header frozen, widths set, numbers typed,
    each figure and issue linked (its ``seq`` cell) to its task's row."""

    def __init__(self, path: Path) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Font

        self.path = path
        self.workbook = Workbook()
        self.workbook.remove(self.workbook.active)
        self.sheets = {}
        self.widths: dict[str, list[int]] = {}
        for name, (columns, _) in SHEETS.items():
            sheet = self.workbook.create_sheet(name)
            sheet.append(list(columns))
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            sheet.freeze_panes = "A2"
            self.sheets[name] = sheet
            self.widths[name] = [_display_width(c) for c in columns]
        self.records = 0

    def write(self, record: Record) -> None:
        from openpyxl.worksheet.hyperlink import Hyperlink

        task_row_of: dict[tuple[Any, Any], int] = {}
        for name, (columns, rows_of) in SHEETS.items():
            sheet = self.sheets[name]
            seq_column = columns.index("seq") + 1 if "seq" in columns else None
            for row in rows_of(record):
                sheet.append([_cell_value(row.get(column)) for column in columns])
                number = sheet.max_row
                widths = self.widths[name]
                for i, column in enumerate(columns):
                    widths[i] = max(widths[i], _display_width(row.get(column)))
                for cell in sheet[number]:
                    if isinstance(cell.value, str):
                        cell.data_type = "s"  # text starting with "=" stays text, never a formula
                if name == "tasks":
                    task_row_of[(row["table"], row["row"])] = number
                elif seq_column and (row["table"], row["row"]) in task_row_of:
                    cell = sheet.cell(number, seq_column)
                    target = f"tasks!A{task_row_of[(row['table'], row['row'])]}"
                    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=target, display=str(cell.value))
                    cell.style = "Hyperlink"
        self.records += 1

    def close(self) -> None:
        from openpyxl.utils import get_column_letter

        for name, sheet in self.sheets.items():
            for i, width in enumerate(self.widths[name], 1):
                sheet.column_dimensions[get_column_letter(i)].width = min(width, WIDEST_COLUMN) + 2
        self.workbook.save(self.path)


def _cell_value(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    value = _ILLEGAL_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", value)
    if len(value) > EXCEL_CELL_LIMIT:
        value = value[: EXCEL_CELL_LIMIT - len(TRUNCATED)] + TRUNCATED
    return value


def _display_width(value: Any) -> int:
    """Columns a value needs: a CJK character takes two; the longest line counts."""
    if value is None:
        return 0
    text = value if isinstance(value, str) else json.dumps(value)
    longest = max((line for line in text[:500].splitlines()), key=len, default="")
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in longest)


def writer_for(
    fmt: str,
    stream: IO[str] | None,
    path: Path | None,
    array: bool = False,
    dumps: Mapping[str, Callable[[Any], Text]] | None = None,
) -> RecordWriter:
    """The writer of ``fmt``: text formats on ``stream`` (``dumps``: the JSON texts, "json" and
    "jsonl", when the caller serialises), CSV and XLSX to ``path``."""
    dumps = dumps or {"json": to_json, "jsonl": to_jsonl}
    if fmt == "csv":
        assert path is not None
        return CsvWriter(path)
    if fmt == "xlsx":
        assert path is not None
        return XlsxWriter(path)
    assert stream is not None
    if fmt == "json":
        return JsonWriter(stream, array, dumps["json"])
    return LinesWriter(stream, langextract=fmt == "langextract", dumps=dumps["jsonl"])
