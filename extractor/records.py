"""Records stage: assembled tables → rows with items found by the rules, as plain records
(``extractor.plain``; ``models.from_plain`` makes the pydantic Document of them for ``extractor.parse``)."""

from __future__ import annotations

import os
import pickle
import queue
import signal
import threading
from collections import Counter
from contextlib import suppress as _suppressed
from typing import Any, NamedTuple, Protocol

from extractor.plain import CellSource, Column, Figure, Period, Row, Table, Warning
from extractor.rules.assess import assess
from extractor.rules.cells import find_issues, find_statements, split_lead_units, split_units
from extractor.rules.compiled import compile_rule
from extractor.rules.dates import find_dates
from extractor.rules.figures import context_patterns, extract_figures
from extractor.rules.status import row_status
from extractor.table import AssembledTable, parse_seq
from extractor.textnorm import match_view

# Fields whose text is read for figures, problems and statements; the others are names and dates.
CONTENT_FIELDS = ("task", "progress", "issues", "plan")
# Columns of names, numbers and dates that are no figures (序号, units, leaders, deadlines …).
NAME_FIELDS = frozenset({"seq", "lead_units", "partner_units", "lead_leaders", "responsible", "deadline", "category"})
# A unit a header names for the bare numbers under it: "总投资（万元）", "完成进度(%)", "完成率%".
HEADER_UNIT = compile_rule(r"[（(]\s*([^（）()、,，;；]{1,6}?)\s*[)）]\s*$|(%|％)\s*$")
BARE_NUMBER = compile_rule(r"^\s*([-+−]?\d[\d,，]*(?:\.\d+)?)\s*$")
# A 计量单位 cell: a short unit of measure (万人, 公里, %, 元/月/人), no digit.
MEASURE_CELL = compile_rule(r"[^\d\s,;。]{1,8}")
# What an indicator's name ends with that is no part of its name: notes (（按可比价格计算）, [1]).
INDICATOR_NOTE = compile_rule(r"(?:\s*[(（\[［【][^()（）\[\]［］【】]*[)）\]］】])+\s*$")
MAX_INDICATOR_NAME = 12  # characters of the name read before the number: enough for its head noun
# Fields read for date mentions: the content, and the deadline column (完成时限).
DATE_FIELDS = (*CONTENT_FIELDS, "deadline")


def home_scope(tables: list[AssembledTable]) -> str | None:
    """The document's own area ("全区") from the level most lead units carry (区商务委 → 区)."""
    unit_level = context_patterns()["unit_level"]
    levels: Counter[str] = Counter()
    for table in tables:
        column = table.column_of("lead_units")
        if column is None:
            continue
        for row in table.rows:
            for unit in split_units(row.texts[column]):
                match = unit_level.match(match_view(unit))
                if match:
                    levels[match.group(1)] += 1
    return f"全{levels.most_common(1)[0][0]}" if levels else None


MAX_ANALYSED_CELL = 20_000  # characters; real cells hold a few hundred, a hostile one millions


class RowSink(Protocol):
    """Where built rows go instead of their Table, one at a time (``output.RowTexts`` keeps each
    row's JSON text: a 20,000-row document is never held as Row objects all at once)."""

    def add(self, table: int, row: Row) -> None: ...

    def number(self) -> None:
        """``number_rows`` for the rows it was given, once the last is added."""


class KeptRowSink(RowSink, Protocol):
    """A sink that keeps each row as a picklable record of it (``output.RowTexts``: its JSON text), so
    that a row built in a helper process can cross a pipe as what the sink keeps."""

    def kept(self, row: Row) -> Any: ...

    def add_kept(self, table: int, kept: Any, printed: int | None) -> None: ...


def build_table(
    table: AssembledTable,
    index: int,
    scope: str | None,
    period: Period | None = None,
    currency: str | None = None,
    sink: RowSink | None = None,
    verdict: str | None = None,
) -> tuple[Table, list[Warning]]:
    """The table's record and its warnings; with a ``sink``, each row goes to it as it is built
    (the Table's rows left empty) and the assembled row it came from is let go."""
    warnings = [Warning(code=w.code, message=w.message, row=w.row, table=index) for w in table.warnings]
    rows = []
    headers = {column.key: column.header for column in table.columns}
    pages = table.pages  # read from the assembled rows, let go one by one below when there is a sink
    context = _Context(index, headers, scope, period, currency, verdict)
    if sink is not None and _helper_wanted(sink, len(table.rows)):
        warnings += _rows_in_two(table, context, sink)  # type: ignore[arg-type]
    else:
        for row_index in range(len(table.rows)):
            row, row_warnings = _row_record(table, row_index, context, let_go=sink is not None)
            warnings += row_warnings
            if sink is None:
                rows.append(row)
            else:
                sink.add(index, row)
    columns = [Column(header=c.header, field=c.field) for c in table.columns]
    return Table(
        attachment=table.attachment,
        title=table.title,
        layout=table.layout,
        confidence=table.confidence,
        columns=columns,
        pages=pages,
        rows=rows,
    ), warnings


class _Context(NamedTuple):
    """What every row of a table is built with besides its own cells."""

    index: int  # the table's, in the document
    headers: dict[str, str]
    scope: str | None
    period: Period | None
    currency: str | None
    verdict: str | None


def _row_record(table: AssembledTable, row_index: int, context: _Context, let_go: bool) -> tuple[Row, list[Warning]]:
    """The record of one assembled row and its warnings; ``let_go``: the assembled row is dropped
    from its table (its record is all that is kept)."""
    raw = table.rows[row_index]
    if let_go:
        table.rows[row_index] = None  # type: ignore[call-overload]
    index, headers, scope, period, currency, verdict = context
    warnings = []
    cells = {column.key: text for column, text in zip(table.columns, raw.texts, strict=True)}
    row = build_row(cells, raw.section, raw.pages, scope, period, headers, currency, table.title, verdict)
    if raw.sources and len(raw.sources) == len(table.columns):  # one per column, kept in step by table.py
        row.sources = {
            column.key: [CellSource(page=page, box=box, confidence=confidence) for page, box, confidence in found]
            for column, found in zip(table.columns, raw.sources, strict=True)
            if found
        }
    for key, text in cells.items():
        if len(text) > MAX_ANALYSED_CELL:
            warnings.append(
                Warning(
                    code="cell_not_analysed",
                    message=f"{key}: {len(text):,} characters kept whole, not read for figures, dates, "
                    f"issues or status (over {MAX_ANALYSED_CELL:,})",
                    row=row_index,
                    table=index,
                )
            )
    if table.column_of("seq") is None:
        row.seq = row_index + 1  # no 序号 column: the row's position (seq_text stays null)
    if row.seq is None and cells.get("seq", "").strip():
        warnings.append(
            Warning(code="unreadable_seq", message=f"序号 {cells['seq']!r} is not a number", row=row_index, table=index)
        )
    return row, warnings


# --- A long table's rows built in two processes -----------------------------------------------------
#
# Rows are independent given their table's context, so a helper process (forked: it has the table
# and the compiled rules already) builds every other chunk of rows while this one builds the rest,
# and sends each of its rows as what the sink keeps (its JSON text, made there too). This process
# adds them in order, so the sink holds exactly what the serial loop gives it. The helper only
# speeds the work up: should it fail or die, this process builds the rows it did not send.

RECORD_JOBS = "EXTRACTOR_RECORD_JOBS"  # processes building one table's rows (the CLI: --jobs beyond the files)
PARALLEL_ROWS = 1000  # a table of fewer rows is built in one process (a fork costs ~10 ms)
CHUNK_ROWS = 200  # rows a process builds before the other's turn: about 0.15 s of work
HELPER_GRACE = 2.0  # seconds the helper may run past the parse's deadline before the alarm ends it


def _helper_wanted(sink: RowSink, rows: int) -> bool:
    if rows < PARALLEL_ROWS or not hasattr(sink, "add_kept") or not hasattr(os, "fork"):
        return False
    try:
        return int(os.environ.get(RECORD_JOBS, "1")) >= 2
    except ValueError:
        return False


def _rows_in_two(table: AssembledTable, context: _Context, sink: KeptRowSink) -> list[Warning]:
    """Build and sink every row of ``table`` with a helper process; the rows' warnings, in order."""
    count = len(table.rows)
    chunks = [range(start, min(start + CHUNK_ROWS, count)) for start in range(0, count, CHUNK_ROWS)]
    read_end, write_end = os.pipe()
    # Timers do not pass a fork: the helper takes the parse's deadline (and a little) as its own, and
    # stops between rows once this process is gone, so that it cannot outlive a parse killed outright.
    remaining, _ = signal.getitimer(signal.ITIMER_REAL)
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the helper: the odd chunks, sent row by row; it never returns
        code = 1
        try:
            signal.signal(signal.SIGALRM, signal.SIG_DFL)  # the deadline ends the helper outright
            if remaining > 0:
                signal.setitimer(signal.ITIMER_REAL, remaining + HELPER_GRACE)
            os.close(read_end)
            with os.fdopen(write_end, "wb") as out:
                for chunk in chunks[1::2]:
                    for row_index in chunk:
                        if os.getppid() != parent:
                            return  # the parse is gone (killed, out of memory): nobody reads on
                        row, warnings = _row_record(table, row_index, context, let_go=True)
                        sent = pickle.dumps((row_index, sink.kept(row), printed_seq(row), warnings), protocol=5)
                        out.write(len(sent).to_bytes(8, "little"))
                        out.write(sent)
                        out.flush()
            code = 0
        finally:
            os._exit(code)  # no atexit (the rule cache), no flushing of the parent's buffers
    reader: threading.Thread | None = None
    warnings: list[Warning] = []
    try:  # from the fork on: whatever is raised, the helper is killed and reaped
        os.close(write_end)
        # The pipe is read by a thread, in pieces of up to 1 MiB as they come (it waits in os.read
        # without the GIL): a pipe holds 64 KiB, about 20 rows, and a helper made to wait until this
        # process is done with a chunk of its own would build no faster than it.
        pieces: queue.SimpleQueue[bytes] = queue.SimpleQueue()
        drain = threading.Thread(target=_drain, args=(read_end, pieces), daemon=True)
        drain.start()
        reader = drain  # the pipe is the reader's now: it closes it
        received = _Frames(pieces)
        helper_alive = True
        for number, chunk in enumerate(chunks):
            for row_index in chunk:
                if number % 2 and helper_alive:
                    sent = received.next()
                    if sent is not None and sent[0] == row_index:
                        _, kept, printed, row_warnings = sent
                        table.rows[row_index] = None  # type: ignore[call-overload]
                        sink.add_kept(context.index, kept, printed)
                        warnings += row_warnings
                        continue
                    helper_alive = False  # died, killed, or a row it could not send: built here
                row, row_warnings = _row_record(table, row_index, context, let_go=True)
                sink.add(context.index, row)
                warnings += row_warnings
    finally:
        with _suppressed(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)  # done sending, or this process failed: it has no more to do
        os.waitpid(pid, 0)
        if reader is not None:
            reader.join()  # the pipe is closed at the helper's end: the reader has seen its end
        else:
            os.close(read_end)  # raised before the reader took the pipe over
    return warnings


def _drain(read_end: int, pieces: queue.SimpleQueue[bytes]) -> None:
    """The helper's bytes, as they come, into ``pieces``; then b"" (its end)."""
    try:
        while data := os.read(read_end, 1 << 20):
            pieces.put(data)
    except OSError:
        pass
    finally:
        os.close(read_end)
        pieces.put(b"")


class _Frames:
    """The helper's rows out of the pieces its pipe was read in: each an 8-byte length, then its pickle."""

    def __init__(self, pieces: queue.SimpleQueue[bytes]) -> None:
        self._pieces = pieces
        self._buffer = bytearray()
        self._ended = False

    def _holds(self, size: int) -> bool:
        while len(self._buffer) < size:
            if self._ended:
                return False
            piece = self._pieces.get()
            if not piece:
                self._ended = True
                return False
            self._buffer += piece
        return True

    def next(self) -> tuple[int, Any, int | None, list[Warning]] | None:
        """The next row sent, or None at the helper's end (a row cut short by its death included)."""
        if not self._holds(8):
            return None
        size = int.from_bytes(self._buffer[:8], "little")
        if not self._holds(8 + size):
            return None
        try:
            sent = pickle.loads(self._buffer[8 : 8 + size])
        except Exception:
            return None
        del self._buffer[: 8 + size]
        return sent  # type: ignore[no-any-return]


def build_row(
    cells: dict[str, str],
    section: str | None,
    pages: list[int],
    scope: str | None,
    period: Period | None = None,
    headers: dict[str, str] | None = None,
    currency: str | None = None,
    title: str | None = None,
    verdict: str | None = None,
) -> Row:
    full = cells
    # Rule work grows with a cell's length (clauses, candidates, pairs): a cell over the cap is kept
    # whole in the row and reported (cell_not_analysed) but read by no rule.
    cells = {key: ("" if len(text) > MAX_ANALYSED_CELL else text) for key, text in cells.items()}
    issues = []
    for field in ("progress", "task", "plan"):
        if cells.get(field):
            issues.extend(find_issues(cells[field], field))
    if cells.get("issues"):
        issues.extend(find_issues(cells["issues"], "issues", labelled=True))
    statements = []
    figures = []
    for field in CONTENT_FIELDS:
        text = cells.get(field)
        if not text:
            continue
        figures.extend(extract_figures(text, field, home_scope=scope, home_currency=currency))
        if field != "task":
            statements.extend(find_statements(text, field, issues))
    # Figures in the other columns (年度目标, 累计完成, 总投资（万元）): each under its column's key;
    # a bare number takes the unit its header names.
    for key, text in cells.items():
        if key in CONTENT_FIELDS or key in NAME_FIELDS or not text.strip():
            continue
        found = extract_figures(text, key, home_scope=scope, home_currency=currency)
        if not found and headers:
            found = header_unit_figures(text, key, headers.get(key, key), currency)
        if not found and key != "measure":
            found = measured_figures(text, key, cells.get("measure", ""), cells.get("task") or "", currency)
        figures.extend(found)
    if headers:
        for field in ("task", "progress"):
            text = cells.get(field, "")
            if text.strip() and not any(f.field == field for f in figures):
                figures.extend(header_unit_figures(text, field, headers.get(field, field), currency))
    progress = cells.get("progress", "")
    if progress.strip() and not any(f.field == "progress" for f in figures):
        figures.extend(
            measured_figures(progress, "progress", cells.get("measure", ""), cells.get("task") or "", currency)
        )
    dates = [d for field in DATE_FIELDS if cells.get(field) for d in find_dates(cells[field], field, period)]
    assessments = assess(figures, period, task=cells.get("task") or "", cells=cells)
    # the nearest first: a section's verdict, the title's, then the document's in the text around the tables
    headings = [h for h in (section, title, verdict) if h]
    status = row_status(cells, figures, statements, issues, period, assessments, headings, headers)
    seq_text = cells.get("seq")
    lead_units, partners = split_lead_units(cells.get("lead_units", ""))
    row = Row(
        seq=parse_seq(seq_text) if seq_text else None,
        seq_text=seq_text,
        section=section,
        task=full.get("task"),
        progress=full.get("progress"),
        lead_units=lead_units,
        partner_units=[*partners, *split_lead_units(cells.get("partner_units", ""))[0]],
        cells=full,
        issues=issues,
        statements=statements,
        figures=figures,
        dates=dates,
        status=status,
        assessments=assessments,
        pages=pages,
    )
    return row


def number_rows(tables: list[Table]) -> None:
    """``seq`` across the document: the printed 序号 when every row has one of its own, else (rows
    without a number, numbering that starts again under each section or table) the row's position
    in the document, from 1. ``seq_text`` keeps what was printed either way."""
    rows = [row for table in tables for row in table.rows]
    if not by_position([printed_seq(row) for row in rows]):
        return
    for position, row in enumerate(rows, 1):
        row.seq = position


def printed_seq(row: Row) -> int | None:
    """The row's own 序号 as a number, None when it printed none (``seq`` is then its position)."""
    return row.seq if row.seq_text else None


def by_position(printed: list[int | None]) -> bool:
    """True when the rows are numbered by their position (``number_rows``): a row has no printed
    序号 of its own, or two rows print the same."""
    return not (all(seq is not None for seq in printed) and len(set(printed)) == len(printed))


def measured_figures(text: str, field: str, measure: str, subject: str, currency: str | None = None) -> list[Figure]:
    """A bare number in a row whose 计量单位 (单位) cell names its unit: 7.23 beside 万人 is 72,300
    人. It is read after the row's indicator name, so the name says what kind of figure it is
    (…增长率 7.2 with % is a change, …比重 55.75 a percent). The figure's text is the number."""
    number = BARE_NUMBER.match(text)
    unit = measure.strip()
    if number is None or not MEASURE_CELL.fullmatch(match_view(unit)):
        return []
    written = number.group(1)
    name = INDICATOR_NOTE.sub("", subject.strip())[-MAX_INDICATOR_NAME:]
    read = [f for f in extract_figures(name + written + unit, field, home_currency=currency) if f.span[1] > len(name)]
    if len(read) != 1 or read[0].span[0] > len(name) or read[0].span[1] <= len(name) + len(written):
        return []  # no figure, or one that leaves the number or its unit out
    start = number.start(1)
    figure = read[0].model_copy(
        update={"text": written, "span": (start, start + len(written)), "rule": "figure.measure_cell", "subject": None}
    )
    return [figure]


def header_unit_figures(text: str, field: str, header: str, currency: str | None = None) -> list[Figure]:
    """A bare number under a header that names its unit: 63632 under 总投资（万元） is 636,320,000
    CNY. The figure's text is the number as written in the cell."""
    number = BARE_NUMBER.match(text)
    unit = HEADER_UNIT.search(match_view(header)) if number is not None else None  # a bare number only
    if number is None or unit is None:
        return []
    written = number.group(1)
    suffix = unit.group(1) or unit.group(2)
    read = extract_figures(written + suffix, field, home_currency=currency)
    if len(read) != 1 or read[0].span != (0, len(written) + len(suffix)):
        return []
    start = number.start(1)
    figure = read[0].model_copy(
        update={"text": written, "span": (start, start + len(written)), "rule": "figure.header_unit", "subject": None}
    )
    return [figure]
