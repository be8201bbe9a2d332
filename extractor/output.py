"""Serialising documents: JSON (one document), JSONL (one per line), and error records.

A document is either the pydantic Document (``extractor.parse``), written by pydantic's serializer,
or the plain one the CLI parses (``extractor.plain``), written by ``json.dumps`` of its record: the
same text either way, that of ``json.dumps`` of the record (``document_dict``). Neither pydantic nor
pydantic_core is imported to write a plain document of a few hundred rows."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, overload

from extractor.errors import ExtractorError
from extractor.limits import fewer_collections
from extractor.plain import Document as PlainDocument
from extractor.plain import Row, compact_json
from extractor.records import by_position, printed_seq

if TYPE_CHECKING:
    from extractor.models import Document


def document_dict(document: Document | PlainDocument) -> dict[str, Any]:
    with fewer_collections():  # a dict for every record: none in a cycle (see limits.fewer_collections)
        return document.model_dump(mode="json")


def document_json(document: Document | PlainDocument) -> bytes:
    """``to_json(document_dict(document))`` in UTF-8, made from the document without the dict
    between: a 20,000-row record's dict (120 MB) and its text as a str (225 MB) are never held."""
    return _model_json(document, compact=False)


class RowTexts:
    """A document's rows kept as the JSON text they are written as (a ``records.RowSink``): each
    row's record on one line, in UTF-8 (about a third of the memory of its Row objects, which are
    let go as each row is kept); ``document_json_chunks`` writes them, indented or not, byte for byte as it
    writes the rows of a Document. ``number_rows`` is applied to the texts when they are written."""

    def __init__(self) -> None:
        self.tables: list[list[bytes | Row]] = []  # a Row: plain, or a pydantic model (a test's)
        self.printed: list[int | None] = []  # each row's printed 序号 (records.printed_seq)
        self.by_position = False

    def add(self, table: int, row: Row) -> None:
        self.add_kept(table, self.kept(row), printed_seq(row))

    @staticmethod
    def kept(row: Row) -> bytes | Row:
        """What is kept of a row: its compact JSON text (a helper process of ``records`` sends this)."""
        try:
            return _model_json(row, compact=True)
        except UnicodeEncodeError:  # a lone surrogate, which no UTF-8 holds: the Row, raising as it is written
            return row

    def add_kept(self, table: int, kept: bytes | Row, printed: int | None) -> None:
        while len(self.tables) <= table:
            self.tables.append([])
        self.printed.append(printed)
        self.tables[table].append(kept)

    def number(self) -> None:
        self.by_position = by_position(self.printed)
        self.printed = []

    def rows(self, table: int) -> Iterator[tuple[int, bytes | Row]]:
        """Each row of ``table`` (from 0) with its ``seq`` when that is its position in the
        document, else 0 (it keeps its own)."""
        position = 1 + sum(len(rows) for rows in self.tables[:table])
        for number, row in enumerate(self.tables[table] if table < len(self.tables) else []):
            yield (position + number if self.by_position else 0), row


@dataclass
class LeanDocument:
    """A parsed document whose rows were kept apart as JSON text (parsed within ``pipeline.rows_to``
    a ``RowTexts``): what the CLI writes, its JSON the same as the Document's."""

    document: PlainDocument | Document  # every table without its rows
    rows: RowTexts

    @property
    def row_count(self) -> int:
        return sum(len(rows) for rows in self.rows.tables)


# The indented JSON of a Row within a Document: {"tables": [{"rows": [ROW … at four levels of two spaces.
_ROW_INDENT = b"\n" + b" " * 8
_ROWS_INDENTED = b'\n      "rows": []'
_ROWS_COMPACT = b',"rows":[]'
_SEQ = b'{"seq":'  # how a row's compact text starts: seq is the first field of a Row


def document_json_chunks(
    document: Document | PlainDocument, compact: bool = False, rows: RowTexts | None = None
) -> Iterator[bytes]:
    """``document_json(document)`` (or, ``compact``, ``to_jsonl(document_dict(document))`` in UTF-8)
    in pieces that join to exactly that text: the document without its rows first, then each row as
    it is written. A 20,000-row document's text (130 MB) is never held whole, only one row's.

    ``rows``: the rows were kept apart as text (``RowTexts``), the ``document``'s tables have none;
    the pieces are those of the document with them."""
    tables = document.tables
    # Rows kept as compact text are indented by pydantic_core for a long document (a tenth of the
    # time json takes a row), by json for a short one (importing pydantic_core costs more).
    native = sum(map(len, rows.tables)) >= NATIVE_INDENT_ROWS if rows is not None else True
    if rows is None:
        skeleton = document.model_copy(update={"tables": [t.model_copy(update={"rows": []}) for t in tables]})
    else:
        skeleton = document
    head = _model_json(skeleton, compact)
    marker = _ROWS_COMPACT if compact else _ROWS_INDENTED
    places: list[int] = []
    found = head.find(marker)
    while found != -1:  # a string holds no unescaped quote nor newline: each is a table's "rows"
        places.append(found + len(marker) - 1)  # at the "]" of the empty list
        found = head.find(marker, found + 1)
    if len(places) != len(tables):  # cannot happen (see above); the whole text, to be safe
        yield _model_json(document, compact) if rows is None else _python_json_with(document, rows, compact)
        return
    done = 0
    for index, (place, table) in enumerate(zip(places, tables, strict=True)):
        texts = rows.rows(index) if rows is not None else ((0, row) for row in table.rows)
        first = True
        for seq, row in texts:
            if first:
                yield head[done:place]
            text = _row_json(row, compact, seq, native)
            if compact:
                yield text if first else b"," + text
            else:
                yield (_ROW_INDENT if first else b"," + _ROW_INDENT) + text.replace(b"\n", _ROW_INDENT)
            first = False
        if first:  # no rows: the empty list stays as the head wrote it
            continue
        yield b"" if compact else _ROW_INDENT[:-2]
        done = place
    yield head[done:]


NATIVE_INDENT_ROWS = 256


def _row_json(row: bytes | Row, compact: bool, seq: int, native: bool = True) -> bytes:
    """A row's JSON (indented by 2, or compact) from its Row or its kept compact text; ``seq`` (when
    not 0) in place of the one it holds; ``native``: indented by pydantic_core, else by json."""
    if not isinstance(row, bytes):
        if seq:
            row.seq = seq
        return _model_json(row, compact)
    if seq:
        end = row.index(b",", len(_SEQ))  # the value is a number or null: no comma inside it
        row = b"%s%d%s" % (_SEQ, seq, row[end:])
    if compact:
        return row
    # The same values the Row held (a float's shortest text reads back exactly), hence the same text;
    # pydantic's reader (Rust) reads it in half the time json.loads takes.
    if not native:
        return json.dumps(json.loads(row), ensure_ascii=False, indent=2).encode("utf-8")
    import pydantic_core

    return _python_small_floats(pydantic_core.to_json(pydantic_core.from_json(row), indent=2))


def _python_json_with(document: Document | PlainDocument, rows: RowTexts, compact: bool) -> bytes:
    """The document's text with its kept rows, made through its record (the fallback above)."""
    record = document_dict(document)
    for index, table in enumerate(record["tables"]):
        table["rows"] = [json.loads(_row_json(row, True, seq)) for seq, row in rows.rows(index)]
    text = to_jsonl(record) if compact else to_json(record)
    return text.encode("utf-8")


def _model_json(model: Document | Any, compact: bool) -> bytes:
    """A model's JSON as Python's ``json.dumps`` of its ``model_dump(mode="json")`` writes it
    (indented by 2, or compact), made by pydantic's serializer; a plain record's by ``json.dumps``
    of its record, compact ones written field by field (``plain.compact_json``); a lone surrogate
    raises UnicodeEncodeError, as it does written to a UTF-8 stream."""
    if not hasattr(model, "__pydantic_serializer__"):
        if compact:
            return compact_json(model).encode("utf-8")
        return json.dumps(type(model)._record(model), ensure_ascii=False, indent=2).encode("utf-8")
    import pydantic_core  # pydantic's model: pydantic is imported already

    try:
        if not compact:
            return _python_small_floats(model.__pydantic_serializer__.to_json(model, indent=2))
        text = model.__pydantic_serializer__.to_json(model)
    except pydantic_core.PydanticSerializationError:  # a lone surrogate (a file name): as Python writes it
        return _python_json(model, compact)
    if (b"e-" in text or b"0.0000" in text) and _SMALL_FLOAT_COMPACT.search(text):
        # a number under 1e-4 (or its shape in a string: telling them apart needs a tokenizer): Python's text
        return _python_json(model, compact)
    return text


def _python_json(model: Any, compact: bool) -> bytes:
    with fewer_collections():
        record = model.model_dump(mode="json")
    text = to_jsonl(record) if compact else json.dumps(record, ensure_ascii=False, indent=2)
    return text.encode("utf-8")  # a lone surrogate raises here, as it did written to a UTF-8 stream


def error_dict(path: str, error: ExtractorError) -> dict[str, Any]:
    """The record written in a failed file's place, so nothing is silently skipped."""
    return {"source": {"path": path}, "error": {"code": error.code, "message": error.message}}


@overload
def to_json(record: dict[str, Any]) -> str: ...
@overload
def to_json(record: Document | LeanDocument) -> Iterator[bytes]: ...


def to_json(record: dict[str, Any] | Document | PlainDocument | LeanDocument) -> str | Iterator[bytes]:
    """The record as indented JSON, exactly as ``json.dumps(record, ensure_ascii=False, indent=2)``
    writes it, made by pydantic's serializer (Rust): ``json.dumps`` indents in Python, a small string
    for every token (a 20,000-row record took 4 s and 700 MB on the way). A Document: the text of
    its record in UTF-8 pieces (``document_json_chunks``), a row at a time."""
    if _is_document(record):
        return document_json_chunks(record)  # type: ignore[arg-type]
    if isinstance(record, LeanDocument):
        return document_json_chunks(record.document, rows=record.rows)
    if not isinstance(record, dict) or "tables" not in record:  # an error's record: a few keys
        return json.dumps(record, ensure_ascii=False, indent=2)
    import pydantic_core

    try:
        text = pydantic_core.to_json(record, indent=2)
    except Exception:  # what only Python writes (a lone surrogate, a key that is no string): as before
        return json.dumps(record, ensure_ascii=False, indent=2)
    return _python_small_floats(text).decode("utf-8")


# A number under 1e-4 is the one token the two write differently (Rust 1.5e-7 or 0.00001, Python
# 1.5e-07 and 1e-05). In indented JSON a number stands after a space ("key": 1e-7, or alone on an
# array's line) and ends its line (a comma at most); a string ends in its quote on the same line, so
# a match is never text inside a string.
_SMALL_FLOAT = re.compile(rb"(?<= )(-?(?:\d+(?:\.\d+)?e-\d+|0\.0000\d*))(?=,?$)")
# The same in compact JSON, where a number stands after ":" "," or "[" and before "," "]" or "}".
_SMALL_FLOAT_COMPACT = re.compile(rb"[:,\[]-?(?:\d+(?:\.\d+)?e-\d+|0\.0000\d*)[,\]}]")


def _python_small_floats(text: bytes) -> bytes:
    """``text`` with each number under 1e-4 written as Python writes it; only the lines that hold
    an ``e-`` or ``0.0000`` are read (found by a byte search, not a regex over the whole text)."""
    lines: set[int] = set()
    for needle in (b"e-", b"0.0000"):
        found = text.find(needle)
        while found != -1:
            lines.add(text.rfind(b"\n", 0, found) + 1)
            found = text.find(needle, found + 1)
    if not lines:
        return text
    pieces, done = [], 0
    for start in sorted(lines):
        end = text.find(b"\n", start)
        end = len(text) if end == -1 else end
        line = text[start:end]
        fixed = _SMALL_FLOAT.sub(_python_float, line)
        if fixed != line:
            pieces += [text[done:start], fixed]
            done = end
    return b"".join([*pieces, text[done:]]) if pieces else text


def _python_float(match: re.Match[bytes]) -> bytes:
    return repr(float(match.group(1))).encode("ascii")  # both write the shortest text that reads back


@overload
def to_jsonl(record: dict[str, Any]) -> str: ...
@overload
def to_jsonl(record: Document | LeanDocument) -> Iterator[bytes]: ...


def to_jsonl(record: dict[str, Any] | Document | PlainDocument | LeanDocument) -> str | Iterator[bytes]:
    """The record as one line of JSON; a Document's record in UTF-8 pieces, a row at a time."""
    if _is_document(record):
        return document_json_chunks(record, compact=True)  # type: ignore[arg-type]
    if isinstance(record, LeanDocument):
        return document_json_chunks(record.document, compact=True, rows=record.rows)
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _is_document(record: object) -> bool:
    """A Document, plain or pydantic (which only a process that imported the models can hold)."""
    if isinstance(record, PlainDocument):
        return True
    models = sys.modules.get("extractor.models")
    return models is not None and isinstance(record, models.Document)


def schema() -> dict[str, Any]:
    from extractor.models import Document

    document_schema = Document.model_json_schema()
    document_schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return document_schema


def schema_text() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=2) + "\n"
