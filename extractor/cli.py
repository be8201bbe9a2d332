"""Command line: a thin shell over the library.

Exit codes: 0 every file parsed (and, for ``check --strict``, without warnings); 1 a file failed;
2 usage error. Data goes to stdout, one line per problem to stderr, never a traceback for input
problems (``--debug`` shows one for internal errors).

Batches: files are parsed in input order and their results written in that order, whatever the
order they finish in. ``--jobs 1`` (the default) parses in this process, under the library's
time limit (SIGALRM). ``--jobs N`` parses in N worker processes; each worker also has the
library's time limit, and a worker still busy ``GRACE`` seconds past it (stuck in C code, or
swallowing the alarm) is killed and replaced, and its file reported as ``timeout``. A worker that
dies (a crash, the kernel's OOM killer) costs its file an ``internal_error`` record, not the batch.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import multiprocessing
import sys
import time
import traceback
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, TextIO

from extractor.errors import ExtractorError, InternalError, ParseTimeoutError, one_line, printable_path
from extractor.headers import column_overrides
from extractor.limits import MB, Limits, cap_memory, memory_ceiling, memory_error
from extractor.options import OCR_MODES, PDF_ENGINES, ReadOptions
from extractor.output import document_dict, error_dict, schema_text, to_json, to_jsonl
from extractor.pipeline import parse, read_file
from extractor.rules.figures import extract_figures

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# Seconds a worker may overrun the time limit (its own alarm should have stopped it) before it is killed.
GRACE = 2.0
_DEFAULTS = Limits()
# The memory ceiling (--max-memory): a file that would need more fails with too_large instead of
# waking the kernel's OOM killer or swapping the machine. Far above a real attachment (parsing a
# 1,100-row PDF peaks near 120 MB), and it applies to each worker, so --jobs 4 may use 4 GB.
DEFAULT_MEMORY_MB = 1024


def main(argv: list[str] | None = None) -> int:
    # pdfminer logs its repairs of damaged files ("Not adding object …") as warnings; stderr is for
    # the one line per failed file, so the CLI keeps library logging to errors.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_usage(sys.stderr)
        return EXIT_USAGE
    try:
        return args.run(args)
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor", description="Progress-report attachments (附件) → grounded JSON records."
    )
    commands = parser.add_subparsers(dest="command")
    batch = _batch_options()

    parse_cmd = commands.add_parser(
        "parse", parents=[batch], help="parse files into JSON (one file) or JSONL (several)"
    )
    parse_cmd.add_argument("-o", "--output", help="write here instead of stdout")
    parse_cmd.add_argument("--format", choices=["json", "jsonl"], help="default: json for one file, else jsonl")
    parse_cmd.add_argument(
        "--explain",
        action="store_true",
        help="print how each file was read (layout candidates and their evidence, the header reading) instead",
    )
    parse_cmd.set_defaults(run=_run_parse)

    check_cmd = commands.add_parser("check", parents=[batch], help="check that files parse (for CI)")
    check_cmd.add_argument("--strict", action="store_true", help="fail a file that parses with warnings")
    check_cmd.set_defaults(run=_run_check)

    schema_cmd = commands.add_parser("schema", help="print the JSON Schema of the output")
    schema_cmd.set_defaults(run=lambda args: _write(None, schema_text()))

    figures_cmd = commands.add_parser("figures", help="print the figures found in a text as JSON")
    figures_cmd.add_argument("text")
    figures_cmd.set_defaults(run=_run_figures)
    return parser


def _batch_options() -> argparse.ArgumentParser:
    """Options shared by parse and check: files, --jobs, --debug and the limits (0 turns one off)."""
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("files", nargs="+", help="files or folders")
    options.add_argument("-j", "--jobs", type=_positive_int, default=1, help="parse in N worker processes")
    options.add_argument("--debug", action="store_true", help="show a traceback for internal errors")
    options.add_argument(
        "--columns",
        type=_columns_spec,
        metavar="SPEC",
        help="read these headers as these fields, e.g. '工作内容=task,落实情况=progress' (none: no field)",
    )
    reading = options.add_argument_group("reading")
    reading.add_argument(
        "--pdf-engine",
        choices=PDF_ENGINES,
        default="auto",
        help="auto: pypdfium2 first, pdfplumber where it finds no table; or force one (%(default)s)",
    )
    reading.add_argument(
        "--ocr",
        choices=OCR_MODES,
        default="auto",
        help="auto: OCR pages without a text layer (needs extractor[ocr]); always; never (%(default)s)",
    )
    limits = options.add_argument_group("limits (0 = no limit)")
    limits.add_argument(
        "--max-memory",
        type=_number,
        metavar="MB",
        default=DEFAULT_MEMORY_MB,
        help="address space of the process that parses (each worker with --jobs), as RLIMIT_AS (%(default)g)",
    )
    limits.add_argument(
        "--max-size", type=_number, metavar="MB", default=_DEFAULTS.max_bytes / MB, help="input file size (%(default)g)"
    )
    limits.add_argument(
        "--max-pages", type=_number, metavar="N", default=_DEFAULTS.max_pdf_pages, help="PDF pages (%(default)g)"
    )
    limits.add_argument(
        "--timeout", type=_number, metavar="SECONDS", default=_DEFAULTS.seconds, help="time per file (%(default)g)"
    )
    limits.add_argument(
        "--max-stream-size",
        type=_number,
        metavar="MB",
        default=_DEFAULTS.max_stream_bytes / MB,
        help="decoded size of one PDF stream (%(default)g)",
    )
    limits.add_argument(
        "--max-zip-size",
        type=_number,
        metavar="MB",
        default=_DEFAULTS.max_zip_bytes / MB,
        help="uncompressed size of a .docx/.xlsx package (%(default)g)",
    )
    limits.add_argument(
        "--max-zip-members",
        type=_number,
        metavar="N",
        default=_DEFAULTS.max_zip_members,
        help="members of a .docx/.xlsx package (%(default)g)",
    )
    limits.add_argument(
        "--max-zip-ratio",
        type=_number,
        metavar="R",
        default=_DEFAULTS.max_zip_ratio,
        help="compression ratio of a package member over 10 MB (%(default)g)",
    )
    return options


def _columns_spec(text: str) -> dict[str, str]:
    """'工作内容=task,落实情况=progress' → {header: field}; a field the vocabulary lacks is an error."""
    from extractor.headers import NO_FIELD, known_fields

    mapping: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.replace("，", ",").split(","))):
        header, sep, field = part.partition("=")
        if not sep or not header.strip() or not field.strip():
            raise argparse.ArgumentTypeError(f"expected HEADER=FIELD, got {part!r}")
        if field.strip() not in known_fields() | {NO_FIELD}:
            fields = ", ".join(sorted(known_fields()))
            raise argparse.ArgumentTypeError(f"unknown field {field.strip()!r} (fields: {fields}, or {NO_FIELD})")
        mapping[header.strip()] = field.strip()
    if not mapping:
        raise argparse.ArgumentTypeError("no HEADER=FIELD given")
    return mapping


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0 or value != value:
        raise argparse.ArgumentTypeError("must be 0 (no limit) or more")
    return value


def _limits(args: argparse.Namespace) -> Limits:
    def count(value: float) -> int | None:
        return int(value) or None

    return Limits(
        max_bytes=count(args.max_size * MB),
        max_zip_members=count(args.max_zip_members),
        max_zip_bytes=count(args.max_zip_size * MB),
        max_zip_ratio=args.max_zip_ratio or None,
        max_pdf_pages=count(args.max_pages),
        max_stream_bytes=count(args.max_stream_size * MB),
        seconds=args.timeout or None,
    )


def _expand(paths: list[str]) -> Iterator[str]:
    """Files as given; a folder gives its files (sorted, recursively, hidden ones skipped), or itself if none."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = False
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    found = True
                    yield str(child)
            if not found:  # a folder with no file to read fails like any path that is no file
                yield given
        else:
            yield given


@dataclass
class Outcome:
    """One file's result, as a worker process sends it back (plain data: it is pickled)."""

    path: str
    record: dict[str, Any] | None = None  # the JSON record (a document, or an error record)
    code: str | None = None  # None when the file parsed
    message: str = ""
    trace: str | None = None  # an internal error's traceback
    summary: str = ""  # check's "1 table(s), 11 rows, 0 warning(s)"
    warning: tuple[str, str] | None = None  # the first warning (code, message), for check --strict


def _read_options(args: argparse.Namespace) -> ReadOptions:
    return ReadOptions(pdf_engine=args.pdf_engine, ocr=args.ocr)


def _outcome(
    path: str,
    limits: Limits,
    want_record: bool,
    columns: dict[str, str] | None = None,
    options: ReadOptions | None = None,
) -> Outcome:
    """Parse one file into an Outcome; never raises for a problem in the file."""
    try:
        document = parse(path, limits=limits, columns=columns, options=options)
        record = document_dict(document) if want_record else None
    except ExtractorError as error:
        return _failed(path, error)
    except MemoryError:  # past the --max-memory ceiling outside the parse proper (the JSON record)
        return _failed(path, memory_error(path))
    except Exception as exc:  # a bug in extractor, not in the input: still one line
        error = InternalError(f"internal error: {type(exc).__name__}: {exc}")
        return _failed(path, error, traceback.format_exc())
    rows = sum(len(t.rows) for t in document.tables)
    summary = f"{len(document.tables)} table(s), {rows} rows, {len(document.warnings)} warning(s)"
    first = document.warnings[0] if document.warnings else None
    return Outcome(path, record=record, summary=summary, warning=(first.code, first.message) if first else None)


def _failed(path: str, error: ExtractorError, trace: str | None = None) -> Outcome:
    return Outcome(path, error_dict(path, error), code=error.code, message=error.message, trace=trace)


def _outcomes(files: list[str], args: argparse.Namespace, want_record: bool) -> Iterator[Outcome]:
    """Each file's Outcome, in input order; failures already reported on stderr (one line each)."""
    limits = _limits(args)
    options = _read_options(args)
    jobs = min(args.jobs, len(files))
    columns = getattr(args, "columns", None)
    memory = int(args.max_memory * MB) or None
    with contextlib.ExitStack() as stack:
        if jobs <= 1:
            stack.enter_context(memory_ceiling(memory))  # this process parses: the ceiling a worker has
            results: Iterator[Outcome] = (_outcome(path, limits, want_record, columns, options) for path in files)
        else:
            results = _pool(files, limits, jobs, want_record, columns, memory, options)
        yield from _reported(results, args)


def _reported(results: Iterator[Outcome], args: argparse.Namespace) -> Iterator[Outcome]:
    for outcome in results:
        if outcome.code is not None:
            if outcome.code == InternalError.code:
                _complain(outcome.path, f"{outcome.message} (rerun with --debug for the traceback) [{outcome.code}]")
                if args.debug and outcome.trace:
                    print(outcome.trace, end="", file=sys.stderr)
            else:
                _complain(outcome.path, f"{outcome.message} [{outcome.code}]")
        yield outcome


def _worker(
    conn: Connection,
    limits: Limits,
    want_record: bool,
    columns: dict[str, str] | None,
    memory: int | None,
    options: ReadOptions | None = None,
) -> None:
    """A worker process: parse the paths it is sent until it is sent None."""
    cap_memory(memory)
    while True:
        task = conn.recv()
        if task is None:
            return
        index, path = task
        conn.send((index, _outcome(path, limits, want_record, columns, options)))


@dataclass
class _Slot:
    process: Any
    conn: Connection
    task: tuple[int, str] | None = None
    deadline: float = float("inf")


def _pool(
    files: list[str],
    limits: Limits,
    jobs: int,
    want_record: bool,
    columns: dict[str, str] | None = None,
    memory: int | None = None,
    options: ReadOptions | None = None,
) -> Iterator[Outcome]:
    """Parse in ``jobs`` worker processes; yield in input order. Kills and replaces stuck or dead workers."""
    context = multiprocessing.get_context()

    def start() -> _Slot:
        parent, child = context.Pipe()
        process = context.Process(
            target=_worker, args=(child, limits, want_record, columns, memory, options), daemon=True
        )
        process.start()
        child.close()
        return _Slot(process, parent)

    def stop(slot: _Slot) -> None:
        slot.process.kill()
        slot.process.join()
        slot.conn.close()

    pending = deque(enumerate(files))
    done: dict[int, Outcome] = {}
    following = 0
    slots = [start() for _ in range(jobs)]
    try:
        while following < len(files):
            for slot in slots:
                if slot.task is None and pending:
                    slot.task = pending.popleft()
                    slot.conn.send(slot.task)
                    slot.deadline = time.monotonic() + limits.seconds + GRACE if limits.seconds else float("inf")
            busy = [slot for slot in slots if slot.task is not None]
            soonest = min(slot.deadline for slot in busy)
            timeout = None if soonest == float("inf") else max(0.0, soonest - time.monotonic())
            ready = wait([slot.conn for slot in busy], timeout)
            for position, slot in enumerate(slots):
                if slot.task is None:
                    continue
                index, path = slot.task
                if slot.conn in ready:
                    try:
                        _, outcome = slot.conn.recv()
                    except (EOFError, OSError):  # the worker died: a crash, or the OOM killer
                        slot.process.join()
                        died = f"internal error: worker process died (exit code {slot.process.exitcode})"
                        outcome = _failed(path, InternalError(died))
                        stop(slot)
                        slots[position] = start()
                    else:
                        slot.task = None
                    done[index] = outcome
                elif time.monotonic() >= slot.deadline:
                    stop(slot)
                    slots[position] = start()
                    done[index] = _failed(
                        path,
                        ParseTimeoutError(
                            f"took longer than {limits.seconds:g} s, worker killed (raise the limit with --timeout)"
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


def _complain(path: str, message: str) -> None:
    """The one stderr line of a failed file: its name escaped, the message on one line."""
    print(f"extractor: {printable_path(path)}: {one_line(message)}", file=sys.stderr)


def _run_explain(args: argparse.Namespace) -> int:
    from extractor.explain import explain, format_explanation

    failed = 0
    limits = _limits(args)
    for path in _expand(args.files):
        try:
            read_file(Path(path), limits)  # a missing path, a FIFO, /dev/zero: refused before explain reads it
            with column_overrides(args.columns), memory_ceiling(int(args.max_memory * MB) or None):
                text = format_explanation(explain(path, limits, _read_options(args)))
        except ExtractorError as exc:
            _complain(path, f"{exc.message} [{exc.code}]")
            failed += 1
            continue
        except MemoryError:
            _complain(path, f"{memory_error().message} [too_large]")
            failed += 1
            continue
        except Exception as exc:  # a bug in extractor: one line, as for parse
            _complain(path, f"internal error: {type(exc).__name__}: {exc} [{InternalError.code}]")
            if args.debug:
                traceback.print_exc()
            failed += 1
            continue
        sys.stdout.write(text)
    return EXIT_FAILED if failed else EXIT_OK


def _run_parse(args: argparse.Namespace) -> int:
    if args.explain:
        return _run_explain(args)
    files = list(_expand(args.files))
    fmt = args.format or ("json" if len(files) == 1 else "jsonl")
    failed = 0
    with _output(args.output) as out:
        serialise = to_json if fmt == "json" else to_jsonl
        for outcome in _outcomes(files, args, want_record=True):
            assert outcome.record is not None
            try:
                text = serialise(outcome.record)
            except MemoryError:  # the record's JSON text past the --max-memory ceiling: the file fails
                error = memory_error(outcome.path)
                outcome = _failed(outcome.path, error)
                _complain(outcome.path, f"{error.message} [{error.code}]")
                text = serialise(error_dict(outcome.path, error))
            failed += outcome.code is not None
            out.write(text + "\n")
            out.flush()
    if len(files) > 1:
        print(f"extractor: {len(files)} files, {failed} failed", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def _run_check(args: argparse.Namespace) -> int:
    files = list(_expand(args.files))
    failed = 0
    for outcome in _outcomes(files, args, want_record=False):
        if outcome.code is not None:
            failed += 1
        elif args.strict and outcome.warning:
            failed += 1
            code, message = outcome.warning
            _complain(outcome.path, f"{outcome.summary}; first: {message[:80]} [{code}]")
        else:
            print(f"{outcome.path}: ok, {outcome.summary}", flush=True)
    if len(files) > 1:
        print(f"extractor: {len(files)} files, {failed} failed", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """stdout (UTF-8) or the -o file, written as results arrive."""
    if path:
        with open(path, "w", encoding="utf-8") as file:
            yield file
        return
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    yield sys.stdout
    sys.stdout.flush()


def _run_figures(args: argparse.Namespace) -> int:
    figures = [f.model_dump(mode="json") for f in extract_figures(args.text)]
    return _write(None, json.dumps(figures, ensure_ascii=False, indent=2) + "\n")


def _write(output: str | None, text: str) -> int:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
        sys.stdout.write(text)
        sys.stdout.flush()
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
