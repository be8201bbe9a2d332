"""Command line: a thin shell over the library.

Exit codes: 0 every file parsed (and, for ``check --strict``, without warnings); 1 a file failed;
2 usage error. Data goes to stdout, one line per problem to stderr, never a traceback for input
problems (``--debug`` shows one for internal errors).
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path

from extractor.errors import ExtractorError
from extractor.models import Document
from extractor.output import document_dict, error_dict, schema_text, to_json, to_jsonl
from extractor.pipeline import parse
from extractor.rules.figures import extract_figures

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
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

    parse_cmd = commands.add_parser("parse", help="parse files into JSON (one file) or JSONL (several)")
    parse_cmd.add_argument("files", nargs="+", help="files or folders")
    parse_cmd.add_argument("-o", "--output", help="write here instead of stdout")
    parse_cmd.add_argument("--format", choices=["json", "jsonl"], help="default: json for one file, else jsonl")
    parse_cmd.add_argument("--debug", action="store_true", help="show a traceback for internal errors")
    parse_cmd.set_defaults(run=_run_parse)

    check_cmd = commands.add_parser("check", help="check that files parse (for CI)")
    check_cmd.add_argument("files", nargs="+", help="files or folders")
    check_cmd.add_argument("--strict", action="store_true", help="fail a file that parses with warnings")
    check_cmd.add_argument("--debug", action="store_true", help="show a traceback for internal errors")
    check_cmd.set_defaults(run=_run_check)

    schema_cmd = commands.add_parser("schema", help="print the JSON Schema of the output")
    schema_cmd.set_defaults(run=lambda args: _write(None, schema_text()))

    figures_cmd = commands.add_parser("figures", help="print the figures found in a text as JSON")
    figures_cmd.add_argument("text")
    figures_cmd.set_defaults(run=_run_figures)
    return parser


def _expand(paths: list[str]) -> Iterator[str]:
    """Files as given; a folder gives its files (sorted, recursively, hidden ones skipped)."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield str(child)
        else:
            yield given


def _parse_one(path: str, debug: bool) -> Document | ExtractorError:
    try:
        return parse(path)
    except ExtractorError as error:
        _complain(path, f"{error.message} [{error.code}]")
        return error
    except Exception as exc:  # a bug in extractor, not in the input: still one line
        _complain(path, f"internal error: {type(exc).__name__}: {exc} [internal] (rerun with --debug)")
        if debug:
            traceback.print_exc()
        return ExtractorError(f"internal error: {type(exc).__name__}: {exc}")


def _complain(path: str, message: str) -> None:
    print(f"extractor: {path}: {message}", file=sys.stderr)


def _run_parse(args: argparse.Namespace) -> int:
    files = list(_expand(args.files))
    fmt = args.format or ("json" if len(files) == 1 else "jsonl")
    chunks, failed = [], 0
    for path in files:
        result = _parse_one(path, args.debug)
        if isinstance(result, ExtractorError):
            failed += 1
            record = error_dict(path, result)
        else:
            record = document_dict(result)
        chunks.append(to_json(record) if fmt == "json" else to_jsonl(record))
    _write(args.output, "\n".join(chunks) + "\n")
    if len(files) > 1:
        print(f"extractor: {len(files)} files, {failed} failed", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def _run_check(args: argparse.Namespace) -> int:
    files = list(_expand(args.files))
    failed = 0
    for path in files:
        result = _parse_one(path, args.debug)
        if isinstance(result, ExtractorError):
            failed += 1
            continue
        rows = sum(len(t.rows) for t in result.tables)
        summary = f"{len(result.tables)} table(s), {rows} rows, {len(result.warnings)} warning(s)"
        if args.strict and result.warnings:
            failed += 1
            first = result.warnings[0]
            _complain(path, f"{summary}; first: {first.message[:80]} [{first.code}]")
        else:
            print(f"{path}: ok, {summary}")
    if len(files) > 1:
        print(f"extractor: {len(files)} files, {failed} failed", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


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
