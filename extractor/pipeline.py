"""The whole path, one stage after another: bytes → format → raw blocks → tables → records."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from extractor.errors import (
    CorruptFileError,
    ExtractorError,
    NoTableError,
    NotAFileError,
    NotFoundError,
    ParseTimeoutError,
    TooLargeError,
)
from extractor.headers import column_overrides
from extractor.layout import LayoutChoice, Line, choose_layout
from extractor.layout.misses import near_misses
from extractor.limits import (
    DEFAULT_LIMITS,
    MAX_LAYOUT_LINES,
    MAX_LINE_CHARS,
    Limits,
    TimeLimitExpired,
    Timer,
    check_size,
    fewer_collections,
    memory_error,
    out_of_memory,
    time_limit,
)
from extractor.options import DEFAULT_OPTIONS, ReadOptions
from extractor.plain import Document as PlainDocument
from extractor.plain import Period, Source, Warning
from extractor.readers import read
from extractor.readers.raw import Paragraph, RawDocument, RawWarning
from extractor.records import RowSink, build_table, home_scope, number_rows
from extractor.rules.dates import anchor_period, find_dateline, find_period, most_named_year
from extractor.rules.figures import HOME_CURRENCY_SAMPLE, home_currency
from extractor.rules.status import prose_verdict, running_year
from extractor.sniff import name_mismatch, sniff
from extractor.table import Assembly, assemble
from extractor.textnorm import split_lines

if TYPE_CHECKING:
    from extractor.models import Document

# Paragraphs around the tables read for the document's verdict (status.prose_verdict).
VERDICT_PARAGRAPHS = 40

# Paragraphs outside the tables read for the report period (a preamble: "现将1-9月…情况通报如下").
PERIOD_PARAGRAPHS = 10
PERIOD_LINES = (
    200  # lines (paragraphs, cells) of the opening read for a stated cutoff when nothing else dates the report
)

PathOrBytes = str | os.PathLike[str] | bytes | BinaryIO


def parse(
    source: PathOrBytes,
    limits: Limits | None = None,
    columns: Mapping[str, str] | None = None,
    options: ReadOptions | None = None,
) -> Document:
    """Parse a file (path), its content (bytes) or a binary file object into a :class:`Document`.

    Raises an :class:`~extractor.errors.ExtractorError` subclass for input that cannot be read, or
    that goes over one of the ``limits`` (default: :class:`~extractor.limits.Limits`).
    ``columns`` overrides the reading of headers: ``{"工作内容": "task", "落实情况": "progress"}``
    (a field name, or ``"none"`` for a column that is no field); an unknown field is a ValueError.
    ``options`` chooses the PDF engine and when to OCR (:class:`~extractor.options.ReadOptions`).
    """
    if columns:
        with column_overrides(columns):
            return parse(source, limits, options=options)
    if isinstance(source, bytes | bytearray):
        return _parse_held([bytes(source)], None, limits, options)
    limits = limits or DEFAULT_LIMITS
    if hasattr(source, "read"):
        name = getattr(source, "name", None)
        name = name if isinstance(name, str) and name else None
        return _parse_held([read_stream(source, limits)], name, limits, options)
    path = Path(source)
    try:
        held = [read_file(path, limits)]
    except ExtractorError as exc:
        exc.path = str(path)
        raise
    return _parse_held(held, str(path), limits, options)


_ROW_SINK: ContextVar[RowSink | None] = ContextVar("row_sink", default=None)


@contextmanager
def rows_to(sink: RowSink) -> Iterator[None]:
    """Within it, a parse hands each row to ``sink`` as it is built instead of keeping it in its
    table (the Document's tables have no rows): the CLI keeps each row's JSON text
    (``output.RowTexts``), so a large file is never held as Row objects all at once. The parse
    then returns the plain Document (``extractor.plain``), which the CLI writes without pydantic."""
    token = _ROW_SINK.set(sink)
    try:
        yield
    finally:
        _ROW_SINK.reset(token)


def read_stream(stream: BinaryIO, limits: Limits) -> bytes:
    """The bytes of a binary file object (opened with "rb", a BytesIO, stdin's buffer), up to the size limit.

    Read from where it stands; never more than ``max_bytes`` + 1 bytes, so an endless stream is refused.
    """
    data = _read_up_to(stream, limits.max_bytes + 1 if limits.max_bytes else None, READ_CHUNK)
    check_size(len(data), limits)
    return data


# Bytes asked of a stream at a time when its size is not known. ``read(n)`` allocates n bytes before
# it reads: asking for the whole limit (200 MB) at once needs that much address space for a file of
# 5 KB, which a process under a memory ceiling (--max-memory, RLIMIT_AS) may not have.
READ_CHUNK = 1 << 20


def _read_up_to(stream: BinaryIO, limit: int | None, first: int) -> bytes:
    """The bytes of ``stream`` up to its end or ``limit`` bytes (None: no limit), ``first`` bytes
    asked for first, then ``READ_CHUNK`` at a time (short reads, as a pipe's, go on to the end)."""
    pieces: list[bytes] = []
    total = 0
    ask = first if limit is None else min(first, limit)
    while ask > 0:
        piece = stream.read(ask)
        if isinstance(piece, str):
            raise TypeError("parse() needs a binary file object: open the file with 'rb'")
        if not piece:
            break
        pieces.append(bytes(piece))
        total += len(piece)
        ask = READ_CHUNK if limit is None else min(READ_CHUNK, limit - total)
    return pieces[0] if len(pieces) == 1 else b"".join(pieces)


def read_file(path: Path, limits: Limits) -> bytes:
    """The bytes of a regular file, never more than the size limit allows.

    Only a regular file is read: a directory, FIFO (which would wait forever for a writer), device
    (/dev/zero never ends) or socket is refused from its ``stat`` before it is opened, and again
    from the opened file's, should the path have changed in between.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError as exc:
        raise NotFoundError("no such file") from exc
    except NotADirectoryError as exc:
        raise NotFoundError("no such file (a folder in the path is a file)") from exc
    except OSError as exc:  # a symbolic-link loop, a name too long, a permission on a folder
        raise NotFoundError(f"cannot be found ({exc.strerror or exc})") from exc
    if not stat.S_ISREG(mode):
        raise _not_a_file(mode)
    try:
        # O_NONBLOCK: should the path have become a FIFO since the stat, the open does not wait
        # for a writer, and the fstat below refuses it (no effect on a regular file).
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(descriptor, "rb") as file:
            status = os.fstat(file.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise _not_a_file(status.st_mode)
            check_size(status.st_size, limits)
            # The size it has and one byte more, then (a file that grows while it is read) on to one
            # byte past the limit: such a file is still refused.
            data = _read_up_to(file, limits.max_bytes + 1 if limits.max_bytes else None, status.st_size + 1)
    except PermissionError as exc:
        raise NotFoundError("cannot be read (permission denied)") from exc
    except IsADirectoryError as exc:
        raise NotAFileError("a directory, not a file") from exc
    except OSError as exc:
        raise CorruptFileError(f"cannot be read ({exc.strerror or exc})") from exc
    check_size(len(data), limits)
    return data


def _not_a_file(mode: int) -> NotAFileError:
    return NotAFileError(f"{_KINDS.get(stat.S_IFMT(mode), 'not a regular file')}, not a file")


_KINDS = {
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def document_lines(raw: RawDocument) -> list[Line]:
    """The document's text as lines, for the layout stage.

    Paragraphs are lines (a line break inside one too); the cells of tables that are not ours
    (a layout box around the content) are lines, a blank line between cells.
    """
    lines: list[Line] = []
    for block in raw.blocks:
        if isinstance(block, Paragraph):
            lines.extend(Line(text, block.page) for text in split_lines(block.text))
            continue
        for row in block.rows:
            for cell in row.cells:
                if cell.text:
                    lines.extend(Line(text, row.page) for text in split_lines(cell.text))
                    lines.append(Line("", row.page))
    return lines


def bounded_lines(lines: list[Line]) -> tuple[list[Line], list[RawWarning]]:
    """The lines the layout stage may read, and the warnings keeping those it may not.

    The layouts cost about 70 µs a line, and more than linear in a line's length: a text of more
    than ``MAX_LAYOUT_LINES`` lines is refused (``too_large``), and a line over ``MAX_LINE_CHARS``
    characters (no table row is that long) is kept whole as an ``unplaced_text`` warning, an empty
    line in its place, rather than read character by character.
    """
    if len(lines) > MAX_LAYOUT_LINES:
        raise TooLargeError(
            f"text of {len(lines):,} lines, over the {MAX_LAYOUT_LINES:,} a table read from text may have"
        )
    if all(len(line.text) <= MAX_LINE_CHARS for line in lines):
        return lines, []
    kept: list[Line] = []
    set_aside: list[RawWarning] = []
    for line in lines:
        if len(line.text) > MAX_LINE_CHARS:
            message = f"a line of {len(line.text):,} characters, too long to be a table's row: {line.text}"
            set_aside.append(RawWarning("unplaced_text", message))
            kept.append(Line("", line.page))
        else:
            kept.append(line)
    return kept, set_aside


def find_structure(raw: RawDocument) -> tuple[RawDocument, Assembly, LayoutChoice | None]:
    """The tables of a document: from the file's own structure, else from its text's layout.

    A text file has no structure of its own; a Word file or a web page whose table was pasted as
    text has none that is a table of ours. Then the layout stage reads the text's lines.
    """
    assembly = assemble(raw) if raw.format != "txt" else Assembly(tables=[], unplaced=[])
    if assembly.tables:
        return raw, assembly, None
    lines, set_aside = bounded_lines(document_lines(raw))
    choice = choose_layout(lines)
    warnings = list(raw.warnings) + set_aside
    if choice.layout is None:
        if set_aside:
            raw = RawDocument(format=raw.format, blocks=raw.blocks, encoding=raw.encoding, warnings=warnings)
        return raw, assembly, choice
    if raw.format != "txt":
        warnings.append(
            RawWarning("text_layout", "no table in the file's structure: the table was read from its text lines")
        )
    if choice.warning:  # a last-resort reading: rows to check by eye
        warnings.append(RawWarning("low_confidence_layout", choice.warning))
    # Text the layout set aside goes straight to the unplaced text: no table's title or note.
    aside = [b for b in choice.blocks if isinstance(b, Paragraph) and b.aside]
    blocks = [b for b in choice.blocks if not (isinstance(b, Paragraph) and b.aside)]
    relaid = RawDocument(format=raw.format, blocks=blocks, encoding=raw.encoding, warnings=warnings)
    assembly = assemble(relaid)
    assembly.unplaced.extend(aside)
    return relaid, assembly, choice


def no_table_message(raw: RawDocument) -> str:
    """One line: no table, and the lines that came closest with what they lacked."""
    closest = near_misses([line.text for line in document_lines(raw) if len(line.text) <= MAX_LINE_CHARS], limit=2)
    message = "no table with a recognisable header (序号/目标任务/完成情况…)"
    if closest:
        message += "; closest: " + "; ".join(closest)
    return " ".join(message.split())  # one line, whatever the document held


def report_period(assembly: Assembly, opening: str = "") -> Period | None:
    """The period the report covers: from the first table's title, else the text around the tables;
    anchored to the document's dateline and the year its text outside the tables names most (a
    year written in a cell is a task's, not the report's: 2022年已完成…)."""
    titles = [t.title for t in assembly.tables if t.title]
    # (text set aside by the layout counts here: an overview's 截至2024年6月底 dates the report)
    paragraphs = [p.text for p in assembly.unplaced if p.text.strip()]
    period = find_period(titles[0] if titles else None, [*titles[1:], *paragraphs[:PERIOD_PARAGRAPHS]])
    if period is None and not titles and paragraphs:
        period = find_period(paragraphs[0])  # no table title: the first line is the document's title
    if period is None and opening:
        # the point the report stands at, stated anywhere in the document's opening, a cell included
        # (到11月12日，…已完成…; 项目进展：至12月底，…; 截至2020年末): text rules, a cutoff required
        period = find_period(None, opening.split("\n")[:PERIOD_LINES], cutoff_only=True)
    prose = "\n".join([*titles, *paragraphs])[:HOME_CURRENCY_SAMPLE]
    # a labelled date (发布时间：…) counts wherever the reader put it, a metadata block read as cells too
    dateline = find_dateline(prose) or find_dateline(opening, labelled_only=True)
    return running_year(anchor_period(period, dateline, most_named_year(prose)), titles[0] if titles else None)


def parse_bytes(
    data: bytes, path: str | None = None, limits: Limits | None = None, options: ReadOptions | None = None
) -> Document:
    """Parse a file's content; ``path`` is only reported (and compared with the content's format)."""
    held = [data]
    del data  # the parse lets go of the bytes once they are read (the caller's reference aside)
    return _parse_held(held, path, limits, options)


def _parse_held(held: list[bytes], path: str | None, limits: Limits | None, options: ReadOptions | None) -> Document:
    """``parse_bytes`` of the one item of ``held``, which it empties: the bytes are not held while
    the records are built (9.5 MB of a 20,000-row text)."""
    limits = limits or DEFAULT_LIMITS
    timer: Timer | None = None
    try:
        with time_limit(limits.seconds) as timer:
            try:
                with fewer_collections():
                    sink = _ROW_SINK.get()
                    document = _parse_bytes(held, path, limits, options or DEFAULT_OPTIONS, sink)
                    # Within rows_to (the CLI), the plain record, written without pydantic
                    return document if sink is not None else _models(document)
            except ExtractorError as exc:
                if timer.expired and not isinstance(exc, ParseTimeoutError):
                    raise timer.error(path) from exc  # a reader took the timeout for a damaged file
                if out_of_memory(exc):
                    raise memory_error(path) from exc  # a reader took the MemoryError for a damaged file
                exc.path = exc.path or path
                raise
            except Exception as exc:
                if timer.expired:
                    raise timer.error(path) from exc
                if out_of_memory(exc):
                    raise memory_error(path) from exc
                raise
    except ParseTimeoutError as exc:  # the watchdog's timeout is raised outside the body: name the file
        exc.path = exc.path or path
        raise
    except TimeLimitExpired:  # the watchdog's exception landed just past the body
        if timer is not None:
            timer.stop()
        raise ParseTimeoutError(
            f"took longer than {limits.seconds:g} s (raise the limit with --timeout)", path=path
        ) from None


def _models(document: PlainDocument) -> Document:
    from extractor.models import from_plain  # pydantic: only a parse that returns the models imports it

    return from_plain(document)  # type: ignore[no-any-return]


def document_text(raw: RawDocument, limit: int = HOME_CURRENCY_SAMPLE) -> str:
    """The opening of a document's text, paragraphs and cells in reading order, up to ``limit``
    characters: enough to tell where the document comes from."""
    pieces: list[str] = []
    size = 0
    for block in raw.blocks:
        if isinstance(block, Paragraph):
            texts = [block.text]
        else:
            texts = [cell.text for row in block.rows for cell in row.cells if cell.text]
        for text in texts:
            pieces.append(text)
            size += len(text) + 1
            if size >= limit:
                return "\n".join(pieces)[:limit]
    return "\n".join(pieces)


def _parse_bytes(
    held: list[bytes], path: str | None, limits: Limits, options: ReadOptions, sink: RowSink | None
) -> PlainDocument:
    try:
        data = held.pop()
        check_size(len(data), limits)
        size, sha256 = len(data), hashlib.sha256(data).hexdigest()
        fmt = sniff(data, limits)
        raw = read(data, fmt, limits, options)
        del data  # hashed, measured and read: not held while the records are built
        raw, assembly, choice = find_structure(raw)
        for table in assembly.tables:
            table.confidence = choice.confidence if choice is not None else 1.0
        del choice  # every layout's reading of the text: not needed by the records
        if not assembly.tables:
            raise NoTableError(no_table_message(raw))
        scope = home_scope(assembly.tables)
        opening = document_text(raw)
        currency = home_currency(opening)
        period = report_period(assembly, opening)
        warnings = [Warning(code=w.code, message=w.message) for w in raw.warnings]
        mismatch = name_mismatch(path, fmt)
        if mismatch:
            warnings.insert(0, Warning(code="name_mismatch", message=mismatch))
        source = Source(path=path, format=fmt, sha256=sha256, size=size, encoding=raw.encoding)
        del raw  # the document as read: its tables are in the assembly
        # The document's own verdict in the text around its tables (…实现“双过半”, …20个子项，全部完成):
        # the farthest heading of every row, after its section and its table's title.
        paragraphs = [p.text for p in assembly.unplaced if p.text.strip() and not p.aside][:VERDICT_PARAGRAPHS]
        verdict = prose_verdict([*paragraphs, *(t.title for t in assembly.tables if t.title)])
        tables = []
        for index, table in enumerate(assembly.tables):
            record, table_warnings = build_table(table, index, scope, period, currency, sink, verdict)
            tables.append(record)
            warnings.extend(table_warnings)
        if sink is None:
            number_rows(tables)
        else:
            sink.number()
        warnings.extend(Warning(code="unplaced_text", message=p.text) for p in assembly.unplaced)
    except ExtractorError as exc:
        exc.path = exc.path or path
        raise
    return PlainDocument(source=source, period=period, tables=tables, warnings=warnings)
