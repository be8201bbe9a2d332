"""Excel .xlsx: every visible sheet, in order, as one table of cell texts.

Decisions:
- openpyxl in full (not read-only) mode, because only that mode exposes merged ranges;
  ``data_only=True`` so a formula cell reads as the value Excel last computed, not "=SUM(…)".
- A merged range keeps its text in the top-left position; the positions it covers are
  ``RawCell(None)``: "left" in the range's first row and right of the first column, "above"
  in the first column below it (the rest "left"), exactly as the Word reader marks them.
- Leading rows whose only text is one cell or one merged range (the "附件1" label, a title
  merged across the sheet, "单位：万元") become Paragraphs before the table, so the table stage
  finds the attachment label and title as it does in Word. One-text rows at the end that are
  merged across columns or sit below an empty row (a "注：…" or "填报人：…" line) become
  Paragraphs after it, as in Word. Rows in between stay in the table: a one-text row there is
  a section heading, which the table stage handles.
- Values are rendered as Excel shows them where it matters: integral numbers without ".0"
  (序号 1 not "1.0"), percentages from a "%" number format ("12.5%"), fixed decimals from the
  format, dates as "2024-06-30" (or "2024年6月" under a Chinese date format), booleans as
  TRUE/FALSE. Text keeps its Alt+Enter line breaks.
- The work is bounded by the cells that hold something: openpyxl's max_row/max_column count
  styled empty cells (often the whole column, 1,048,576 rows). Rows and columns without any
  text are dropped; they carry nothing the table stage uses.
- Hidden sheets are skipped with a warning (they hold lookup lists and old drafts, not the
  report); sheet names are not emitted (they would be taken for titles).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import posixpath
import threading
import warnings
import zipfile
import zlib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

import regex
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from extractor.errors import CorruptFileError, ExtractorError
from extractor.readers.raw import Merge, Paragraph, RawCell, RawDocument, RawRow, RawTable, RawWarning
from extractor.textnorm import strip_cell

# Above this many grid positions in one sheet the rest of the sheet is dropped with a warning:
# a report table is thousands of cells; a sheet this large is a data dump, not an attachment.
MAX_SHEET_CELLS = 5_000_000
MAX_DECIMALS = 30  # Excel's own limit on the decimals a number format shows
_PRECISION = 400
_PLACEHOLDER = regex.compile(r"[0#?]")
# Digits after the decimal point in a number format's first (positive) section: "0.00%" → 2.
_DECIMALS = regex.compile(r"\.([0#?]+)")
# Format text that is not a placeholder: quoted literals, escaped characters, colours, locales.
_FORMAT_LITERAL = regex.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


_SHEET_IDS = regex.compile(rb'<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"')
_RELATIONSHIPS = regex.compile(rb"<Relationship\b[^>]*>")
_ATTRIBUTE = regex.compile(rb'\b(Id|Target)="([^"]*)"')


def _missing_sheets(data: bytes) -> list[str]:
    """Worksheet parts the workbook's sheet list names but the package lacks (openpyxl skips them
    silently, and the workbook would read as having no table)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            workbook = archive.read("xl/workbook.xml")
            rels = archive.read("xl/_rels/workbook.xml.rels")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, zlib.error, KeyError):
        return []  # load_workbook below reports the damage
    targets = {}
    for tag in _RELATIONSHIPS.findall(rels):
        attributes = dict(_ATTRIBUTE.findall(tag))
        if b"Id" in attributes and b"Target" in attributes:
            targets[attributes[b"Id"]] = attributes[b"Target"].decode("utf-8", "replace")
    missing = []
    for sheet_id in _SHEET_IDS.findall(workbook):
        target = targets.get(sheet_id)
        if target is None:
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
        if path not in names:
            missing.append(path)
    return missing


def read_xlsx(data: bytes) -> RawDocument:
    missing = _missing_sheets(data)
    if missing:
        raise CorruptFileError(f"damaged Excel workbook: sheet part {missing[0]} is missing")
    try:
        # openpyxl warns about every extension it does not implement (data validation,
        # conditional formatting, slicers); none of them changes a cell's value.
        with warnings.catch_warnings(), _merges_kept_as_ranges():
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), read_only=False, data_only=True, keep_links=False)
    except (ExtractorError, MemoryError):  # the time limit raised inside openpyxl's code; the memory ceiling
        raise
    except Exception as exc:  # openpyxl surfaces a damaged part as whatever its XML code raised
        raise CorruptFileError(f"cannot open the Excel workbook ({exc or type(exc).__name__})") from exc
    blocks: list[Paragraph | RawTable] = []
    raw_warnings: list[RawWarning] = []
    for sheet in workbook.worksheets:
        if sheet.sheet_state != "visible":
            raw_warnings.append(RawWarning("hidden_sheet", f"hidden sheet {sheet.title!r} skipped"))
            continue
        try:
            blocks.extend(_sheet_blocks(sheet, raw_warnings))
        except (ValueError, TypeError, OverflowError) as exc:  # a value openpyxl accepted but cannot render
            raise CorruptFileError(f"cannot read sheet {sheet.title!r} ({exc})") from exc
    return RawDocument(format="xlsx", blocks=blocks, warnings=raw_warnings)


_MERGE_LOCK = threading.Lock()


@contextmanager
def _merges_kept_as_ranges() -> Iterator[None]:
    """Load without openpyxl's ``_clean_merge_range``, which makes an object for every position a
    merged range covers (a merge over the whole sheet is 17 billion) and deletes the text of the
    covered cells. The ranges are still read; ``_merges`` visits only the kept rows and columns
    inside them, and ``_sheet_blocks`` keeps a covered cell's text as a warning.

    A patch on the class for the duration of one load, under a lock: openpyxl offers no option.
    """
    with _MERGE_LOCK:
        original = Worksheet._clean_merge_range
        Worksheet._clean_merge_range = lambda self, mcr: None  # type: ignore[method-assign]
        try:
            yield
        finally:
            Worksheet._clean_merge_range = original  # type: ignore[method-assign]


def _sheet_blocks(sheet: Worksheet, raw_warnings: list[RawWarning]) -> list[Paragraph | RawTable]:
    texts = _cell_texts(sheet)
    if not texts:
        return []
    rows = sorted({r for r, _ in texts})
    columns = sorted({c for _, c in texts})
    if len(rows) * len(columns) > MAX_SHEET_CELLS:
        rows = rows[: max(1, MAX_SHEET_CELLS // len(columns))]
        raw_warnings.append(
            RawWarning("sheet_truncated", f"sheet {sheet.title!r} cut after row {rows[-1]}: too large to be a report")
        )
    covered, spans = _merges(sheet, rows, columns)
    grid: list[list[RawCell]] = []
    for r in rows:
        cells = []
        for c in columns:
            text = texts.get((r, c))
            if (merge := covered.get((r, c))) is not None:
                if text is not None:  # Excel shows only the range's first cell: kept, not shown
                    message = f"sheet {sheet.title!r}, cell {get_column_letter(c)}{r} (under a merged cell): {text}"
                    raw_warnings.append(RawWarning("unplaced_text", message))
                cells.append(RawCell(None, merge=merge))
            elif text is not None:
                cells.append(RawCell(text))
            else:
                cells.append(RawCell(""))
        grid.append(cells)

    def banner(index: int, *, merged: bool) -> str | None:
        """The row's one text, when it has exactly one (and, if ``merged``, it spans columns)."""
        filled = [(c, cell.text) for c, cell in zip(columns, grid[index], strict=True) if cell.text]
        if len(filled) != 1:
            return None
        column, text = filled[0]
        return text if not merged or spans.get((rows[index], column), 1) > 1 else None

    start = 0
    while start < len(grid) and banner(start, merged=False) is not None:
        start += 1
    # Notes below the table: one-text rows at the end, from the first one that spans columns or
    # sits below an empty sheet row (a one-text row right under the table may be a short data row).
    notes = len(grid)
    while notes > start + 1 and banner(notes - 1, merged=False) is not None:
        notes -= 1
    while notes < len(grid) and banner(notes, merged=True) is None and rows[notes] - rows[notes - 1] == 1:
        notes += 1
    before = [Paragraph(banner(i, merged=False) or "") for i in range(start)]
    after = [Paragraph(banner(i, merged=False) or "") for i in range(notes, len(grid))]
    body = grid[start:notes]
    # Columns empty throughout the table (a margin column A that only the notes use) are dropped.
    used = [i for i in range(len(columns)) if any(cells[i].text for cells in body)]
    table = [RawTable([RawRow([cells[i] for i in used]) for cells in body], layout="xlsx")] if body else []
    return [*before, *table, *after]


def _cell_texts(sheet: Worksheet) -> dict[tuple[int, int], str]:
    """(row, column) → text of every cell holding something, without visiting empty positions.

    ``sheet._cells`` is openpyxl's sparse store; the public iterators walk the full
    max_row × max_column rectangle, which a single styled cell at XFD1048576 makes enormous.
    """
    out: dict[tuple[int, int], str] = {}
    for (r, c), cell in sheet._cells.items():
        if cell.value is None:
            continue
        try:
            number_format = cell.number_format
        except (IndexError, KeyError, AttributeError, TypeError):  # a style naming a format that is not there
            number_format = "General"
        text = render(cell.value, number_format)
        if text:
            out[r, c] = text
    return out


def _merges(
    sheet: Worksheet, rows: list[int], columns: list[int]
) -> tuple[dict[tuple[int, int], Merge], dict[tuple[int, int], int]]:
    """Covered kept positions → merge direction, and top-left → number of kept columns spanned."""
    covered: dict[tuple[int, int], Merge] = {}
    spans: dict[tuple[int, int], int] = {}
    for merged in sheet.merged_cells.ranges:
        # Only the kept rows and columns inside the range are visited: a range may cover A1:XFD1.
        kept_rows = _within(rows, merged.min_row, merged.max_row)
        kept_columns = _within(columns, merged.min_col, merged.max_col)
        spans[merged.min_row, merged.min_col] = len(kept_columns)
        for r in kept_rows:
            for c in kept_columns:
                if (r, c) == (merged.min_row, merged.min_col):
                    continue
                first_column = c == kept_columns[0]
                covered[r, c] = "above" if first_column and r != merged.min_row else "left"
    return covered, spans


def _within(sorted_values: list[int], low: int, high: int) -> list[int]:
    return sorted_values[bisect_left(sorted_values, low) : bisect_right(sorted_values, high)]


def render(value: Any, number_format: str | None = "General") -> str:
    """A cell value as the text Excel would show, for the cases reports contain."""
    if isinstance(value, str):
        return strip_cell(value)
    if isinstance(value, bool):  # before the numbers: bool is an int
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime | dt.date):
        return _render_date(value, number_format or "")
    if isinstance(value, dt.time):
        return value.isoformat(timespec="seconds" if value.second else "minutes")
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, int | float):
        return _render_number(value, number_format or "General")
    return strip_cell(str(value))


def _render_number(value: float, number_format: str) -> str:
    section = _FORMAT_LITERAL.sub("", number_format.split(";")[0])
    percent = "%" in section
    if isinstance(value, int) and abs(value) >= 1e15:
        return str(value)  # beyond a float: as written (openpyxl reads <v>99…9</v> as an int)
    if not math.isfinite(value) or not math.isfinite(value * 100 if percent else value):
        return str(value)  # inf, nan: no Excel value, kept as written
    if float(value).is_integer() and abs(value) < 1e15 and not percent:
        return str(int(value))  # 序号 1.0 reads "1"; a ".00" format on a whole number is noise here
    if not _PLACEHOLDER.search(section):
        return f"{value:.15g}"  # General: 15 significant digits, as Excel (0.1+0.2 → "0.3")
    match = _DECIMALS.search(section)
    # Excel shows at most 30 decimals, whatever the format asks for.
    places = min(len(match.group(1)), MAX_DECIMALS) if match else 0
    # Decimal from the 15-digit reading, rounded half away from zero, as Excel rounds for display;
    # precision for any float (up to 309 digits) and 30 decimals, which the default 28 digits is not.
    with localcontext(prec=_PRECISION):
        number = Decimal(f"{value * 100 if percent else value:.15g}").quantize(
            Decimal(1).scaleb(-places), ROUND_HALF_UP
        )
    grouping = "," if "," in section and not percent else ""
    return f"{number:{grouping}f}" + ("%" if percent else "")


def _render_date(value: dt.date, number_format: str) -> str:
    if "年" in number_format or "月" in number_format:
        parts: Iterable[str] = (
            f"{value.year}年" if "年" in number_format else "",
            f"{value.month}月" if "月" in number_format else "",
            f"{value.day}日" if "日" in number_format else "",
        )
        return "".join(parts)
    if isinstance(value, dt.datetime) and value.time() != dt.time(0):
        return value.isoformat(sep=" ", timespec="seconds" if value.second else "minutes")
    return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
