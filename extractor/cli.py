"""Command line: a shell over the library (``extractor.parse_many`` and the exports).

Exit codes: 0 every file parsed (and, for ``check --strict``, without warnings); 1 a file failed;
2 usage error (and an output that cannot be written). Data goes to stdout or ``-o``, one line per
problem to stderr, never a traceback for input problems (``--debug`` shows one for internal errors).
A progress bar goes to stderr only when stderr is a terminal.

Batches: files are parsed by :func:`extractor.batch.parse_many`, and their results written in input
order as soon as the files before them are done (``--jobs N``: N killable worker processes).
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

from extractor import __version__
from extractor.batch import Input, Result, Settings, failed, results
from extractor.errors import ExtractorError, InternalError, one_line, printable_path
from extractor.exports.writers import EXTENSIONS, FILE_FORMATS, FORMATS, RecordWriter, writer_for
from extractor.headers import column_overrides
from extractor.limits import MB, Limits, memory_ceiling, memory_error
from extractor.options import OCR_MODES, PDF_ENGINES, ReadOptions
from extractor.output import error_dict, schema_text, to_json, to_jsonl
from extractor.pipeline import read_file, read_stream
from extractor.readers import quiet_library_logs
from extractor.records import RECORD_JOBS
from extractor.rules.figures import extract_figures

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
STDIN = "-"
STDIN_NAME = "<stdin>"
_DEFAULTS = Limits()
# The memory ceiling (--max-memory): a file that would need more fails with too_large instead of
# waking the kernel's OOM killer or swapping the machine. Far above a real attachment (parsing a
# 1,100-row PDF peaks near 120 MB), and it applies to each worker, so --jobs 4 may use 4 GB.
DEFAULT_MEMORY_MB = 1024

PARSE_EXAMPLES = """examples:
  extractor parse report.docx                      one JSON document on stdout
  extractor parse reports/ --jobs 4 > all.jsonl    a folder: JSONL, one line per file, in order
  extractor parse a.pdf b.docx --format json       several files as one JSON array
  extractor parse reports/ -o out/                 one file per input: out/<name>.json
  extractor parse reports/ -o tasks.csv            tasks.csv (one row per task) + tasks.figures.csv
  extractor parse reports/ -o review.xlsx          sheets tasks, figures, issues, warnings
  extractor parse report.pdf --format langextract  LangExtract-compatible JSONL
  cat report.docx | extractor parse -              standard input
  extractor parse reports/ --include '*.docx' --exclude 'drafts/*'
"""
CHECK_EXAMPLES = """examples:
  extractor check samples/                 exit 1 if a file fails to parse
  extractor check samples/ --strict        … or parses with warnings
  extractor check attachments/ --jobs 4 --timeout 60
"""
REVIEW_EXAMPLES = """examples:
  extractor review report.docx -o report.html      one self-contained page to check the extraction
  extractor review reports/ --jobs 4 -o batch.html every file of a folder on one page
"""
SCHEMA_EXAMPLES = """examples:
  extractor schema > document.schema.json
"""
FIGURES_EXAMPLES = """examples:
  extractor figures "实际使用外资215万美元，同比下降73.7%"
"""


def main(argv: list[str] | None = None) -> int:
    # pdfminer logs its repairs of damaged files ("Not adding object …") as warnings; stderr is for
    # the one line per failed file, so the CLI keeps library logging to errors.
    quiet_library_logs()
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
        prog="extractor",
        description="Progress-report attachments (附件) → grounded JSON records.",
        epilog="run 'extractor COMMAND --help' for a command's options and examples",
    )
    parser.add_argument("--version", action="version", version=f"extractor {__version__}")
    commands = parser.add_subparsers(dest="command")
    batch = _batch_options()

    def command(name: str, examples: str, **kwargs: Any) -> argparse.ArgumentParser:
        return commands.add_parser(
            name, epilog=examples, formatter_class=argparse.RawDescriptionHelpFormatter, **kwargs
        )

    parse_cmd = command(
        "parse", PARSE_EXAMPLES, parents=[batch], help="parse files into JSON (one file) or JSONL (several)"
    )
    parse_cmd.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="write here instead of stdout (missing folders are made); a folder (DIR/, or one that exists): "
        "one file per input",
    )
    parse_cmd.add_argument(
        "--format",
        choices=FORMATS,
        help="default: from -o's extension, else json for one file and jsonl for several; "
        "csv writes a second file, NAME.figures.csv; csv and xlsx need -o",
    )
    parse_cmd.add_argument(
        "--explain",
        action="store_true",
        help="print how each file was read (layout candidates and their evidence, the header reading) instead",
    )
    parse_cmd.set_defaults(run=_run_parse)

    check_cmd = command("check", CHECK_EXAMPLES, parents=[batch], help="check that files parse (for CI)")
    check_cmd.add_argument("--strict", action="store_true", help="fail a file that parses with warnings")
    check_cmd.set_defaults(run=_run_check)

    review_cmd = command(
        "review", REVIEW_EXAMPLES, parents=[batch], help="write one HTML page to review the extraction"
    )
    review_cmd.add_argument("-o", "--output", metavar="FILE.html", help="write here instead of stdout")
    review_cmd.set_defaults(run=_run_review)

    schema_cmd = command("schema", SCHEMA_EXAMPLES, help="print the JSON Schema of the output")
    schema_cmd.set_defaults(run=lambda args: _write(None, schema_text()))

    figures_cmd = command("figures", FIGURES_EXAMPLES, help="print the figures found in a text as JSON")
    figures_cmd.add_argument("text")
    figures_cmd.set_defaults(run=_run_figures)
    return parser


def _batch_options() -> argparse.ArgumentParser:
    """Options shared by parse, check and review: files, --jobs, --debug and the limits (0 turns one off)."""
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("files", nargs="+", help="files or folders ('-': standard input)")
    options.add_argument(
        "--include",
        action="append",
        metavar="GLOB",
        help="in folders, read only files whose name or path below the folder matches (repeatable), e.g. '*.docx'",
    )
    options.add_argument(
        "--exclude",
        action="append",
        metavar="GLOB",
        help="in folders, skip files whose name or path below the folder matches (repeatable), e.g. 'drafts/*'",
    )
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


# --- which files ----------------------------------------------------------------------------------


def is_skipped(name: str) -> bool:
    """Files a folder holds that are no attachment: hidden files, Office lock files (Word's ``~$x.docx``,
    LibreOffice's ``.~lock.x.docx#``)."""
    return name.startswith((".", "~$"))


def _expand(paths: list[str], include: list[str] | None = None, exclude: list[str] | None = None) -> Iterator[str]:
    """Files as given; a folder gives its files (sorted, recursively), or itself if none.

    In a folder, hidden files and folders and Office lock files are skipped, and ``include`` /
    ``exclude`` globs are matched against each file's name and its path below the folder.
    """
    for given in paths:
        path = Path(given)
        if given == STDIN or not path.is_dir():
            yield given
            continue
        found = False
        for child in sorted(path.rglob("*")):
            relative = child.relative_to(path)
            if any(is_skipped(part) for part in relative.parts) or not child.is_file():
                continue
            if _selected(relative.as_posix(), include, exclude):
                found = True
                yield str(child)
        if not found:  # a folder with no file to read fails like any path that is no file
            yield given


def _selected(relative: str, include: list[str] | None, exclude: list[str] | None) -> bool:
    def matches(patterns: list[str]) -> bool:
        name = relative.rsplit("/", 1)[-1]
        return any(fnmatch.fnmatchcase(relative, p) or fnmatch.fnmatchcase(name, p) for p in patterns)

    return (not include or matches(include)) and not (exclude and matches(exclude))


def _inputs(files: list[str], limits: Limits) -> tuple[list[str | Input], dict[int, ExtractorError]]:
    """The batch's items: paths, and standard input (``-``) read here once, up to the size limit;
    and the error of reading it (too_large), by its place in the batch."""
    items: list[str | Input] = []
    errors: dict[int, ExtractorError] = {}
    for name in files:
        if name != STDIN:
            items.append(name)
            continue
        try:
            data = read_stream(sys.stdin.buffer, limits)
        except ExtractorError as error:
            errors[len(items)] = error
            data = b""
        items.append(Input(STDIN_NAME, data))
    return items, errors


# --- running the batch ----------------------------------------------------------------------------


def _read_options(args: argparse.Namespace) -> ReadOptions:
    return ReadOptions(pdf_engine=args.pdf_engine, ocr=args.ocr)


def _settings(args: argparse.Namespace, want: str) -> Settings:
    return Settings(
        limits=_limits(args),
        options=_read_options(args),
        columns=getattr(args, "columns", None),
        memory=int(args.max_memory * MB) or None,
        want=want,  # type: ignore[arg-type]
    )


OCR_JOBS = "EXTRACTOR_OCR_JOBS"


def _spare_jobs_to_ocr(jobs: int, files: int) -> bool:
    """--jobs beyond the files' count read a scan's pages in parallel (EXTRACTOR_OCR_JOBS, unless
    set); True when it was set here, to be unset when the batch ends."""
    return _spare_jobs_to(OCR_JOBS, jobs, files)


def _spare_jobs_to_records(jobs: int, files: int) -> bool:
    """--jobs beyond the files' count build a long table's rows in two processes
    (EXTRACTOR_RECORD_JOBS, ``records.py``), unless set; True when it was set here."""
    return _spare_jobs_to(RECORD_JOBS, jobs, files)


def _spare_jobs_to(variable: str, jobs: int, files: int) -> bool:
    if jobs <= files or variable in os.environ:
        return False
    os.environ[variable] = str(jobs // max(files, 1))
    return True


def _outcomes(files: list[str], args: argparse.Namespace, want: str) -> Iterator[Result]:
    """Each file's Result, in input order; failures already reported on stderr (one line each)."""
    settings = _settings(args, want)
    items, unread = _inputs(files, settings.limits)
    spared = [
        variable
        for variable, spare in ((OCR_JOBS, _spare_jobs_to_ocr), (RECORD_JOBS, _spare_jobs_to_records))
        if spare(args.jobs, len(items))
    ]
    progress = Progress([name_of_item(item) for item in items])
    try:
        for index, result in enumerate(results(items, settings, args.jobs)):
            if index in unread:
                result = failed(result.path, unread[index])
            progress.advance()
            _report(result, args, progress)
            yield result
    finally:
        progress.close()
        for name in spared:
            os.environ.pop(name, None)


def name_of_item(item: str | Input) -> str:
    return item.name if isinstance(item, Input) else item


def _report(result: Result, args: argparse.Namespace, progress: Progress) -> None:
    if result.error is None:
        return
    if result.error.code == InternalError.code:
        progress.complain(
            result.path, f"{result.error.message} (rerun with --debug for the traceback) [{result.error.code}]"
        )
        if args.debug and result.trace:
            progress.write(result.trace.rstrip("\n"))
    else:
        progress.complain(result.path, f"{result.error.message} [{result.error.code}]")


class Progress:
    """A progress bar on stderr (files done/total, the file the output waits for), only on a terminal."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.done = 0
        self.bar: Any = None
        if names and _stderr_is_terminal():
            try:
                from tqdm import tqdm
            except ImportError:  # the bar is a convenience: without tqdm, none
                return
            self.bar = tqdm(total=len(names), file=sys.stderr, unit="file", leave=False, dynamic_ncols=True)
            self._show_current()

    def advance(self) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(1)
            self._show_current()

    def _show_current(self) -> None:
        if self.done < len(self.names):
            self.bar.set_postfix_str(printable_path(Path(self.names[self.done]).name), refresh=True)

    def complain(self, path: str, message: str) -> None:
        self.write(_complaint(path, message))

    def write(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _complaint(path: str, message: str) -> str:
    return f"extractor: {printable_path(path)}: {one_line(message)}"


def _complain(path: str, message: str) -> None:
    """The one stderr line of a failed file: its name escaped, the message on one line."""
    print(_complaint(path, message), file=sys.stderr)


def _summary(files: list[str], failed_count: int) -> None:
    if len(files) > 1:
        print(f"extractor: {len(files)} files, {failed_count} failed", file=sys.stderr)


# --- commands ---------------------------------------------------------------------------------------


class OutputError(Exception):
    """The output cannot be written (a folder in its path is a file, no permission, disk full)."""


def _run_parse(args: argparse.Namespace) -> int:
    if args.explain:
        return _run_explain(args)
    files = list(_expand(args.files, args.include, args.exclude))
    if files.count(STDIN) > 1:
        print("extractor: standard input (-) can be read only once", file=sys.stderr)
        return EXIT_USAGE
    try:
        plan = _plan_output(args.output, args.format, len(files))
        plan.expect(files)
    except OutputError as exc:
        print(f"extractor: {exc}", file=sys.stderr)
        return EXIT_USAGE
    failed_count = 0
    try:
        with plan:
            for result in _outcomes(files, args, want=plan.want):
                failed_count += plan.write(result, args) is not None
                # written: the next file is parsed without this one's Document (both loops hold the Result)
                result.document = result.lean = result.text = None
    except OutputError as exc:
        print(f"extractor: {exc}", file=sys.stderr)
        return EXIT_USAGE
    _summary(files, failed_count)
    return EXIT_FAILED if failed_count else EXIT_OK


def _format_of(output: str | None, fmt: str | None, count: int, folder: bool) -> str:
    if fmt:
        return fmt
    if output and not folder:
        by_suffix = {".json": "json", ".jsonl": "jsonl", ".csv": "csv", ".xlsx": "xlsx"}
        if Path(output).suffix.lower() in by_suffix:
            return by_suffix[Path(output).suffix.lower()]
    return "json" if count == 1 or folder else "jsonl"


def _plan_output(output: str | None, fmt: str | None, count: int) -> OutputPlan:
    """Where and how results go: stdout, one file (its folders made), or one file per input in a folder."""
    output = None if output == STDIN else output  # -o -: standard output
    folder = bool(output) and (output.endswith(("/", "\\")) or Path(output).is_dir())  # type: ignore[union-attr]
    fmt = _format_of(output, fmt, count, folder)
    if not output:
        if fmt in FILE_FORMATS:
            raise OutputError(f"--format {fmt} writes files: give -o FILE{EXTENSIONS[fmt]} (or -o DIR/)")
        return OutputPlan(fmt, None, folder=False, array=fmt == "json" and count > 1)
    target = Path(output)
    try:
        (target if folder else target.parent).mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise OutputError(f"cannot write {printable_path(output)}: a file in its path is not a folder") from None
    except OSError as exc:
        raise OutputError(f"cannot write {printable_path(output)}: {exc.strerror or exc}") from None
    return OutputPlan(fmt, target, folder=folder, array=fmt == "json" and count > 1)


# The JSON texts, looked up here when a record is written (tests make one fail with MemoryError).
_DUMPS = {"json": lambda record: to_json(record), "jsonl": lambda record: to_jsonl(record)}


class OutputPlan:
    """Opens the output, hands each result's record to the format's writer, closes it."""

    def __init__(self, fmt: str, target: Path | None, folder: bool, array: bool) -> None:
        self.fmt, self.target, self.folder, self.array = fmt, target, folder, array
        self.stack = ExitStack()
        self.writer: RecordWriter | None = None
        self.names: set[str] = set()
        self.stems: Counter[str] = Counter()

    @property
    def want(self) -> str:
        """What a result brings: JSON is written from the Document (or a worker's text of it), a row at a
        time; the other formats read the record's dict."""
        return self.fmt if self.fmt in ("json", "jsonl") else "record"

    def expect(self, files: list[str]) -> None:
        """The batch's files, before any is written: names for -o DIR/ are chosen knowing them all."""
        self.stems = Counter(Path(name).stem for name in files if name != STDIN)

    def __enter__(self) -> OutputPlan:
        if not self.folder:
            self.writer = self._open(self.target)
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            if self.writer is not None and exc_info[0] is None:
                self.writer.close()
        except OSError as exc:
            raise OutputError(f"cannot write {printable_path(str(self.target))}: {exc.strerror or exc}") from None
        finally:
            self.stack.close()

    def _open(self, path: Path | None) -> RecordWriter:
        stream: IO[str] | None = None
        try:
            if path is None:
                sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
                stream = sys.stdout
            elif self.fmt not in FILE_FORMATS:
                stream = self.stack.enter_context(open(path, "w", encoding="utf-8"))  # noqa: SIM115
            writer = writer_for(self.fmt, stream, path, array=self.array, dumps=_DUMPS)
        except OSError as exc:
            raise OutputError(f"cannot write {printable_path(str(path))}: {exc.strerror or exc}") from None
        if self.fmt == "csv":
            self.stack.callback(writer.close)
        return writer

    def write(self, result: Result, args: argparse.Namespace) -> str | None:
        """Write the result's record; the error code when the file failed (here or before)."""
        if self.folder:
            path = self._path_for(result.path)
            try:
                with ExitStack() as files:
                    stream = None
                    if self.fmt not in FILE_FORMATS:
                        stream = files.enter_context(open(path, "w", encoding="utf-8"))
                    writer = writer_for(self.fmt, stream, path, dumps=_DUMPS)
                    files.callback(writer.close)
                    result = self._write(writer, result)
            except OSError as exc:
                raise OutputError(f"cannot write {printable_path(str(path))}: {exc.strerror or exc}") from None
        else:
            assert self.writer is not None
            try:
                result = self._write(self.writer, result)
            except OSError as exc:
                if isinstance(exc, BrokenPipeError):
                    raise
                target = str(self.target) if self.target else "stdout"
                raise OutputError(f"cannot write {printable_path(target)}: {exc.strerror or exc}") from None
        return result.error.code if result.error else None

    def _write(self, writer: RecordWriter, result: Result) -> Result:
        given = (
            result.text
            if result.text is not None
            else result.lean
            if result.lean is not None
            else result.document
            if result.document is not None
            else result.record
        )
        assert given is not None
        try:
            writer.write(given)
        except MemoryError:  # the record's text past the --max-memory ceiling: the file fails
            error = memory_error(result.path)
            _complain(result.path, f"{error.message} [{error.code}]")
            result = failed(result.path, error)
            writer.write(error_dict(result.path, error))
        return result

    def _path_for(self, source: str) -> Path:
        """``DIR/<stem><extension>`` (docling's naming); inputs whose stems collide keep their whole
        name (``seed.docx.json``, ``seed.pdf.json``), and a name used twice gets -2, -3 …"""
        assert self.target is not None
        name = output_stem(source, self.stems)
        unique, number = name, 1
        while unique in self.names:
            number += 1
            unique = f"{name}-{number}"
        self.names.add(unique)
        return self.target / (unique + EXTENSIONS[self.fmt])


def output_stem(source: str, stems: Counter[str]) -> str:
    if source == STDIN_NAME:
        return "stdin"
    path = Path(source)
    stem = path.stem or "input"
    return stem if stems[stem] <= 1 else path.name


def _run_explain(args: argparse.Namespace) -> int:
    from extractor.explain import explain, format_explanation

    failed = 0
    limits = _limits(args)
    for path in _expand(args.files, args.include, args.exclude):
        if path == STDIN:
            _complain(path, "--explain reads files by name, not standard input [usage]")
            return EXIT_USAGE
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
                import traceback

                traceback.print_exc()
            failed += 1
            continue
        sys.stdout.write(text)
    return EXIT_FAILED if failed else EXIT_OK


def _run_check(args: argparse.Namespace) -> int:
    files = list(_expand(args.files, args.include, args.exclude))
    failed_count = 0
    for outcome in _outcomes(files, args, want="summary"):
        if outcome.error is not None:
            failed_count += 1
        elif args.strict and outcome.warnings:
            failed_count += 1
            code, message = outcome.warnings[0]
            _complain(outcome.path, f"{outcome.summary}; first: {message[:80]} [{code}]")
        else:
            print(f"{outcome.path}: ok, {outcome.summary}", flush=True)
    _summary(files, failed_count)
    return EXIT_FAILED if failed_count else EXIT_OK


def _run_review(args: argparse.Namespace) -> int:
    """Parse the files, then write one self-contained HTML page of every record (extractor.review)."""
    try:
        from extractor.review import render_review
    except ImportError as exc:
        print(f"extractor: the review page is not available in this install ({exc})", file=sys.stderr)
        return EXIT_USAGE
    files = list(_expand(args.files, args.include, args.exclude))
    if args.output:
        try:
            Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"extractor: cannot write {printable_path(args.output)}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_USAGE
    records: list[dict[str, Any]] = []
    failed_count = 0
    for result in _outcomes(files, args, want="record"):
        assert result.record is not None
        records.append(result.record)
        failed_count += result.error is not None
    page = render_review(records)
    try:
        _write(args.output, page)
    except OSError as exc:
        where = printable_path(args.output or "stdout")
        print(f"extractor: cannot write {where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    _summary(files, failed_count)
    return EXIT_FAILED if failed_count else EXIT_OK


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
