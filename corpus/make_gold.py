#!/usr/bin/env python3
"""Cut each corpus document's gold from its own text.

usage: make_gold.py [--check] [DIR_OR_CUT_FILE ...]     (default: corpus/dev corpus/test)

A gold file is never typed: `<id>.cut.toml` says *where* each row's cells are in `<id>.txt`
(or the document the manifest names), and this script cuts the text out, so every gold string is
verbatim document text (a cell wrapped over lines is joined without the break, as
`gold-conventions.md` says). `--check` rebuilds every gold in memory and fails if a committed
`<id>.gold.json` differs or a cut no longer finds its text.

A cut is one of:
  "text"                 the text itself; it must occur in the document at or after the row's
                         start (line breaks and the spaces around them may fall anywhere inside it)
  ["from", "to"]         from the start of the first anchor to the end of the second anchor
                         (first occurrence after the first anchor); the span between is cut, its
                         line breaks removed
  ""  or  []             an empty cell (a cell past the document's cut-off, or printed empty)

Rows are located in order: each row's task (or progress, when it has no task) is searched from
where the previous row's began, its progress and issues from where that one began; other cells
(which may stand before the task) from where the previous row's task began; lead units anywhere
(a merged unit cell stands above the rows it covers). Issues and figures
are searched inside the cell they belong to (`field`, default progress; issues default to the
`issues` cell when the row has one, else progress).
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
import tomllib
from dataclasses import dataclass

import regex

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as a script: the project root holds the corpus package
from corpus import COMPANION_SUFFIXES  # noqa: E402

# A line break, with the spaces a layout puts around it, may sit between any two characters of a
# cut: a cell wrapped over two lines is one cell, joined without the break.
BREAK = r"(?:[ \t\u3000\u00a0]*(?:\r\n|\r|\n)[ \t\u3000\u00a0]*)*"
LINE_BREAK = regex.compile(r"[ \t\u3000\u00a0]*(?:\r\n|\r|\n)[ \t\u3000\u00a0]*")
FIGURE_KINDS = {"amount", "percent", "change", "count", "quantity"}
BASES = {None, "yoy", "mom", "schedule", "target"}
QUALIFIERS = {None, "at_least", "above", "at_most", "below", "about"}
ROW_KEYS = {"seq", "seq_text", "task", "progress", "lead_units", "issues", "figures", "section", "cells", "note"}
FIGURE_KEYS = {"text", "kind", "value", "unit", "basis", "qualifier", "field", "note"}


class CutError(ValueError):
    pass


@dataclass
class Span:
    start: int
    end: int
    text: str  # the document's text between start and end, line breaks removed


def _pattern(needle: str) -> regex.Pattern[str]:
    needle = LINE_BREAK.sub("", needle.strip())
    if not needle:
        raise CutError("an empty anchor")
    return regex.compile(BREAK.join(regex.escape(c) for c in needle))


def _span(doc: str, start: int, end: int) -> Span:
    return Span(start, end, LINE_BREAK.sub("", doc[start:end]).strip())


def find(doc: str, needle: str, pos: int, what: str) -> Span:
    match = _pattern(needle).search(doc, pos)
    if match is None:
        raise CutError(f"{what}: {needle[:40]!r} not found after offset {pos}")
    return _span(doc, match.start(), match.end())


def cut(doc: str, spec: object, pos: int, what: str) -> Span | None:
    """Locate one cut; None for an empty cell."""
    if spec in ("", [], None):
        return None
    if isinstance(spec, str):
        return find(doc, spec, pos, what)
    if isinstance(spec, list) and len(spec) == 2 and all(isinstance(s, str) for s in spec):
        first = find(doc, spec[0], pos, what + " (from)")
        last = find(doc, spec[1], first.start, what + " (to)")
        if last.end < first.end:
            raise CutError(f"{what}: 'to' anchor ends before the 'from' anchor")
        span = _span(doc, first.start, last.end)
        if "\t" in doc[first.start : last.end] or "|" in doc[first.start : last.end]:
            raise CutError(f"{what}: the cut crosses a cell separator (tab or |)")
        return span
    raise CutError(f"{what}: a cut is a string or a [from, to] pair, not {spec!r}")


def _within(cell: str, needle: str, what: str) -> str:
    if not cell:
        raise CutError(f"{what}: its cell is empty")
    match = _pattern(needle).search(cell)
    if match is None:
        raise CutError(f"{what}: {needle[:40]!r} is not inside its cell")
    return LINE_BREAK.sub("", match.group()).strip()


def build(doc: str, spec: dict) -> dict:
    gold: dict = {
        "about": "Cut from the document's text by corpus/make_gold.py from the .cut.toml beside it; do not edit.",
    }
    for key in ("attachment", "title"):
        if spec.get(key):
            gold[key] = find(doc, spec[key], 0, key).text
    if "columns" in spec:
        gold["columns"] = [find(doc, c, 0, f"column {c!r}").text for c in spec["columns"]]
    rows = []
    row_pos = 0
    seen_seq: set[int] = set()
    for index, row in enumerate(spec.get("rows", []), 1):
        what = f"row {index}"
        unknown = set(row) - ROW_KEYS
        if unknown:
            raise CutError(f"{what}: unknown keys {sorted(unknown)}")
        if not isinstance(row.get("seq"), int) or row["seq"] in seen_seq:
            raise CutError(f"{what}: seq must be a unique integer (the document position when numbers restart)")
        seen_seq.add(row["seq"])
        first_key = next((k for k in ("task", "progress") if row.get(k)), None)
        previous_start = row_pos
        anchor = cut(doc, row[first_key], row_pos, f"{what} {first_key}") if first_key else None
        start = anchor.start if anchor else row_pos
        row_pos = start
        cells: dict[str, str] = {}
        for field in ("task", "progress"):
            span = cut(doc, row.get(field, ""), start, f"{what} {field}")
            cells[field] = span.text if span else ""
        for header, cell_spec in (row.get("cells") or {}).items():
            # Other columns may stand before the task (年份, 文件编号): searched from the row above.
            span = cut(doc, cell_spec, previous_start, f"{what} cell {header}")
            cells[header] = span.text if span else ""
        # A unit may stand above the row (a merged 牵头单位 cell): found anywhere in the document.
        units = [find(doc, u, 0, f"{what} lead unit {u!r}").text for u in row.get("lead_units", [])]
        issues_field = "issues" if cells.get("issues") else "progress"
        issues = [_within(cells[issues_field], i, f"{what} issue") for i in row.get("issues", [])]
        figures = []
        for fig in row.get("figures", []):
            unknown = set(fig) - FIGURE_KEYS
            if unknown:
                raise CutError(f"{what} figure {fig.get('text')!r}: unknown keys {sorted(unknown)}")
            field = fig.get("field", "progress")
            if fig.get("kind") not in FIGURE_KINDS or fig.get("basis") not in BASES:
                raise CutError(f"{what} figure {fig.get('text')!r}: bad kind or basis")
            if fig.get("qualifier") not in QUALIFIERS:
                raise CutError(f"{what} figure {fig.get('text')!r}: bad qualifier")
            if not isinstance(fig.get("value"), int | float) or not fig.get("unit"):
                raise CutError(f"{what} figure {fig.get('text')!r}: value must be a number and unit given")
            item = {
                "field": field,
                "text": _within(cells.get(field, ""), fig["text"], f"{what} figure"),
                "kind": fig["kind"],
                "value": fig["value"],
                "unit": fig["unit"],
            }
            for optional in ("basis", "qualifier"):
                if fig.get(optional):
                    item[optional] = fig[optional]
            figures.append(item)
        out = {
            "seq": row["seq"],
            "seq_text": find(doc, row["seq_text"], 0, f"{what} seq_text").text if row.get("seq_text") else None,
            "task": cells["task"],
            "progress": cells["progress"],
            "lead_units": units,
            "issues": issues,
            "figures": figures,
        }
        if row.get("section"):
            out["section"] = find(doc, row["section"], 0, f"{what} section").text
        extra = {k: v for k, v in cells.items() if k not in ("task", "progress")}
        if extra:
            out["cells"] = extra
        rows.append(out)
    if not rows and not spec.get("no_table"):
        raise CutError("no rows (set no_table = true for a document that holds no table)")
    gold["rows"] = rows
    if spec.get("no_table"):
        gold["no_table"] = True
    return gold


def document_for(cut_file: pathlib.Path) -> pathlib.Path:
    stem = cut_file.name.removesuffix(".cut.toml")
    candidates = sorted(p for p in cut_file.parent.glob(stem + ".*") if not p.name.endswith(COMPANION_SUFFIXES))
    if len(candidates) != 1:
        raise CutError(f"expected one document named {stem}.* beside the cut file, found {len(candidates)}")
    return candidates[0]


def document_text(path: pathlib.Path) -> str:
    """The text the cuts are made in: a .txt as UTF-8; other formats through a .text.txt beside them."""
    if path.suffix == ".txt":
        return path.read_text("utf-8")
    side = path.with_name(path.name + ".text.txt")
    if side.exists():
        return side.read_text("utf-8")
    raise CutError(f"{path.name}: a binary document needs its text beside it as {side.name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=pathlib.Path, default=[HERE / "dev", HERE / "test"])
    parser.add_argument("--check", action="store_true", help="fail if a committed gold differs from its cut")
    args = parser.parse_args(argv)
    cut_files: list[pathlib.Path] = []
    for path in args.paths:
        cut_files += sorted(path.rglob("*.cut.toml")) if path.is_dir() else [path]
    failures = 0
    for cut_file in cut_files:
        gold_file = cut_file.with_name(cut_file.name.removesuffix(".cut.toml") + ".gold.json")
        try:
            spec = tomllib.loads(cut_file.read_text("utf-8"))
            gold = build(document_text(document_for(cut_file)), spec)
        except (CutError, tomllib.TOMLDecodeError) as error:
            print(f"{cut_file}: {error}", file=sys.stderr)
            failures += 1
            continue
        text = json.dumps(gold, ensure_ascii=False, indent=1) + "\n"
        if args.check:
            if not gold_file.exists() or gold_file.read_text("utf-8") != text:
                print(f"{gold_file}: differs from its cut (run corpus/make_gold.py)", file=sys.stderr)
                failures += 1
        else:
            gold_file.write_text(text, "utf-8")
    print(f"{len(cut_files)} cut files, {failures} failed", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
