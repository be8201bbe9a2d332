"""Many files at once: ``parse_many`` yields each file's result in input order, on killable workers.

``jobs=1`` parses in this process, under the library's time limit. ``jobs=N`` parses in N worker
processes; each worker also has the time limit, and a worker still busy ``GRACE`` seconds past it
(stuck in C code, or swallowing the alarm) is killed and replaced, its file reported as ``timeout``.
A worker that dies (a crash, the kernel's OOM killer) costs its file an ``internal_error`` result,
not the batch. A bug in extractor (any other exception) is an ``internal_error`` result too: one bad
file never stops the rest.

The CLI is a shell over this module; a pipeline uses it directly::

    for result in extractor.parse_many(paths, jobs=4):
        if result.ok:
            store(result.document)
        else:
            log(result.path, result.error.code, result.error.message)
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from extractor.errors import ExtractorError, InternalError, ParseTimeoutError
from extractor.limits import DEFAULT_LIMITS, Limits, cap_memory, memory_ceiling, memory_error
from extractor.options import ReadOptions
from extractor.output import LeanDocument, RowTexts, document_dict, error_dict, to_json, to_jsonl
from extractor.pipeline import parse, parse_bytes, rows_to

if TYPE_CHECKING:  # multiprocessing is imported by the pool alone (~7 ms a process that never forks)
    from multiprocessing.connection import Connection

    from extractor.models import Document  # a parse within rows_to (json, jsonl) gives a plain one
    from extractor.plain import Document as PlainDocument

# Seconds a worker may overrun the time limit (its own alarm should have stopped it) before it is killed.
GRACE = 2.0

# What a result carries: the Document, its JSON record (made in the worker, so the parent only
# writes it), the text of that record as "json" (indented) or "jsonl" (one line) writes it, or only
# check's summary line (nothing large crosses the pipe). For a text, the rows are kept as their JSON
# text while the file is parsed, not as Row objects (a LeanDocument); a file parsed in this process
# keeps that (the writer streams its JSON a row at a time), a worker sends the UTF-8 text.
Want = Literal["document", "record", "json", "jsonl", "summary"]


@dataclass(frozen=True)
class Input:
    """A file's content given in memory (stdin, an upload) under a name used in records and messages."""

    name: str
    data: bytes


Source = str | os.PathLike[str] | Input


@dataclass
class Result:
    """One file's outcome: a document (or its record) when it parsed, else the typed error."""

    path: str
    document: Document | None = None
    lean: LeanDocument | None = None  # want "json"/"jsonl" in this process: the document, its rows as text
    record: dict[str, Any] | None = None  # the JSON record: a document's, or the error record
    text: list[bytes] | None = None  # the record as JSON text, UTF-8 pieces (want "json"/"jsonl", from a worker)
    error: ExtractorError | None = None
    trace: str | None = None  # an internal error's traceback
    summary: str = ""  # "1 table(s), 11 rows, 0 warning(s)"
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (code, message) of the first warnings

    @property
    def ok(self) -> bool:
        return self.error is None

    def json_record(self) -> dict[str, Any]:
        """The JSON record the CLI writes for this file: the document's, or ``{source, error}``."""
        if self.record is not None:
            return self.record
        if self.text is not None:
            return json.loads(b"".join(self.text))  # type: ignore[no-any-return]
        if self.lean is not None:
            return json.loads(b"".join(to_jsonl(self.lean)))  # type: ignore[no-any-return]
        if self.document is not None:
            return document_dict(self.document)
        assert self.error is not None
        return error_dict(self.path, self.error)


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs besides the file (plain, picklable data)."""

    limits: Limits = DEFAULT_LIMITS
    options: ReadOptions | None = None
    columns: Mapping[str, str] | None = None
    memory: int | None = None  # address-space ceiling of the parsing process (bytes), None: none
    want: Want = "document"


def parse_many(
    paths: Iterable[Source],
    jobs: int = 1,
    limits: Limits | None = None,
    options: ReadOptions | None = None,
    columns: Mapping[str, str] | None = None,
    *,
    memory: int | None = None,
    records: bool = False,
) -> Iterator[Result]:
    """Parse each path (or :class:`Input`) and yield its :class:`Result`, in input order.

    ``jobs``: worker processes (1: this process). ``limits``, ``options``, ``columns``: as for
    :func:`extractor.parse`. ``memory``: a ceiling on each parsing process's address space in bytes
    (a file past it fails with ``too_large``; with ``jobs=1`` it applies to this process while it
    parses). ``records=True``: results carry the JSON record (``Result.record``, made in the
    worker) instead of the Document. Never raises for a problem in a file.
    """
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    items = [item if isinstance(item, Input) else os.fspath(item) for item in paths]
    settings = Settings(
        limits=limits or DEFAULT_LIMITS,
        options=options,
        columns=dict(columns) if columns else None,
        memory=memory,
        want="record" if records else "document",
    )
    return results(items, settings, jobs)


def results(items: list[str | Input], settings: Settings, jobs: int) -> Iterator[Result]:
    """Each item's Result in input order: in this process (jobs 1) or in a pool of workers."""
    jobs = min(jobs, len(items))
    if jobs <= 1:
        with memory_ceiling(settings.memory):  # this process parses: the ceiling a worker has
            for item in items:
                yield parse_one(item, settings)
    else:
        yield from _pool(items, settings, jobs)


def name_of(item: str | Input) -> str:
    return item.name if isinstance(item, Input) else item


def parse_one(item: str | Input, settings: Settings) -> Result:
    """Parse one file into a Result; never raises for a problem in the file (nor for a bug)."""
    path = name_of(item)
    # JSON text is written a row at a time: the rows are kept as their text, not as Row objects
    rows = RowTexts() if settings.want in ("json", "jsonl") else None
    try:
        with rows_to(rows) if rows is not None else contextlib.nullcontext():
            if isinstance(item, Input):
                with _columns(settings.columns):
                    document = parse_bytes(item.data, path=path, limits=settings.limits, options=settings.options)
            else:
                document = parse(path, limits=settings.limits, columns=settings.columns, options=settings.options)
        record = document_dict(document) if settings.want == "record" else None
    except ExtractorError as error:
        return failed(path, error)
    except MemoryError:  # past the memory ceiling outside the parse proper (the JSON record)
        return failed(path, memory_error(path))
    except Exception as exc:  # a bug in extractor, not in the input: still one result
        import traceback

        return failed(path, InternalError(f"internal error: {type(exc).__name__}: {exc}"), traceback.format_exc())
    # (a parse that kept its rows after all, as a test's stand-in may: the Document itself)
    lean = LeanDocument(document, rows) if rows is not None and not any(t.rows for t in document.tables) else None
    count = lean.row_count if lean is not None else sum(len(t.rows) for t in document.tables)
    return Result(
        path,
        document=document if lean is None and settings.want in ("document", "json", "jsonl") else None,
        lean=lean,
        record=record,
        summary=f"{len(document.tables)} table(s), {count} rows, {len(document.warnings)} warning(s)",
        warnings=[(w.code, w.message) for w in document.warnings[:1]],
    )


def failed(path: str, error: ExtractorError, trace: str | None = None) -> Result:
    return Result(path, record=error_dict(path, error), error=error, trace=trace)


def _columns(columns: Mapping[str, str] | None) -> contextlib.AbstractContextManager[None]:
    from extractor.headers import column_overrides

    return column_overrides(columns) if columns else contextlib.nullcontext()


# --- the pool -------------------------------------------------------------------------------------


def _worker(conn: Connection, settings: Settings) -> None:
    """A worker process: parse the items it is sent until it is sent None."""
    cap_memory(settings.memory)
    while True:
        task = conn.recv()
        if task is None:
            return
        index, item = task
        result = parse_one(item, settings)
        parsed: Document | PlainDocument | LeanDocument | None = result.lean or result.document
        if settings.want not in ("json", "jsonl") or parsed is None:
            conn.send((index, result, False))
            continue
        result.lean = result.document = None
        # The record's text crosses the pipe a row at a time (a Document would be pickled and made
        # again; its whole text, and the pickle of it, would be held here beside the rows' text).
        conn.send((index, result, True))
        outcome = None
        try:
            for piece in (to_jsonl if settings.want == "jsonl" else to_json)(parsed):
                if piece:
                    conn.send_bytes(piece)
        except MemoryError:
            outcome = failed(result.path, memory_error(result.path))
        del parsed
        conn.send_bytes(b"")  # the end of the text; then the file's failure, if writing it failed
        conn.send(outcome)


def _received(conn: Connection) -> tuple[int, Result]:
    """A worker's next result, its record's text read piece by piece when it streams one."""
    index, result, streamed = conn.recv()
    if streamed:
        pieces = []
        while piece := conn.recv_bytes():
            pieces.append(piece)
        outcome = conn.recv()
        if outcome is not None:
            return index, outcome
        result.text = pieces
    return index, result


@dataclass
class _Slot:
    process: Any
    conn: Connection
    task: tuple[int, str | Input] | None = None
    deadline: float = float("inf")


def _pool(items: list[str | Input], settings: Settings, jobs: int) -> Iterator[Result]:
    """Parse in ``jobs`` worker processes; yield in input order. Kills and replaces stuck or dead workers."""
    import multiprocessing
    from multiprocessing.connection import wait

    context = multiprocessing.get_context()
    seconds = settings.limits.seconds

    def start() -> _Slot:
        parent, child = context.Pipe()
        process = context.Process(target=_worker, args=(child, settings), daemon=True)
        process.start()
        child.close()
        return _Slot(process, parent)

    def stop(slot: _Slot) -> None:
        slot.process.kill()
        slot.process.join()
        slot.conn.close()

    pending = deque(enumerate(items))
    done: dict[int, Result] = {}
    following = 0
    slots = [start() for _ in range(jobs)]
    try:
        while following < len(items):
            for slot in slots:
                if slot.task is None and pending:
                    slot.task = pending.popleft()
                    slot.conn.send(slot.task)
                    slot.deadline = time.monotonic() + seconds + GRACE if seconds else float("inf")
            busy = [slot for slot in slots if slot.task is not None]
            soonest = min(slot.deadline for slot in busy)
            timeout = None if soonest == float("inf") else max(0.0, soonest - time.monotonic())
            ready = wait([slot.conn for slot in busy], timeout)
            for position, slot in enumerate(slots):
                if slot.task is None:
                    continue
                index, item = slot.task
                if slot.conn in ready:
                    try:
                        _, result = _received(slot.conn)
                    except (EOFError, OSError):  # the worker died: a crash, or the OOM killer
                        slot.process.join()
                        died = f"internal error: worker process died (exit code {slot.process.exitcode})"
                        result = failed(name_of(item), InternalError(died))
                        stop(slot)
                        slots[position] = start()
                    else:
                        slot.task = None
                    done[index] = result
                elif time.monotonic() >= slot.deadline:
                    stop(slot)
                    slots[position] = start()
                    done[index] = failed(
                        name_of(item),
                        ParseTimeoutError(
                            f"took longer than {seconds:g} s, worker killed (raise the limit with --timeout)"
                        ),
                    )
            while following in done:
                yield done.pop(following)
                following += 1
    finally:
        for slot in slots:
            if slot.task is None and slot.process.is_alive():
                with contextlib.suppress(OSError):
                    slot.conn.send(None)
        for slot in slots:
            slot.process.join(timeout=1 if slot.task is None else 0)
            if slot.process.is_alive():
                stop(slot)
