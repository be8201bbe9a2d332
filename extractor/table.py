"""Table stage: raw blocks → tables of rows with named columns.

Format-independent rules, applied in one pass over the reader's blocks:
- the header row is found by synonyms (``data/headers.toml``), whitespace-insensitive;
- a table whose header equals the previous table's (a page break, a repeated header row)
  continues it, and a row equal to the header is dropped;
- in a continued table, a first row with an empty 序号 is the rest of the row cut by the break:
  its text is joined onto that row;
- a row with one text spanning the row is a section heading, kept as the following rows' section;
- a cell covered by a vertical merge (None) means "same as above".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from extractor.readers.raw import Paragraph, RawCell, RawDocument, RawRow, RawTable
from extractor.rules.data import load
from extractor.rules.numbers import parse_number
from extractor.textnorm import collapse_layout_space, match_key, match_view

HEADER_SEARCH_ROWS = 5  # the header is among a table's first rows (titles may sit in row 1)
# Columns whose empty cell repeats the cell above (merged cells that lost their merge).
INHERITED_WHEN_EMPTY = frozenset({"lead_units"})


@dataclass(slots=True)
class ColumnSpec:
    header: str
    field: str | None
    key: str  # the key of this column in Row.cells


@dataclass(slots=True)
class TableRow:
    texts: list[str]
    pages: list[int]
    section: str | None = None


@dataclass(slots=True)
class TableWarning:
    code: str
    message: str
    row: int | None = None


@dataclass(slots=True)
class AssembledTable:
    columns: list[ColumnSpec]
    rows: list[TableRow] = field(default_factory=list)
    attachment: str | None = None
    title: str | None = None
    header_key: tuple[str, ...] = ()
    current_section: str | None = None
    warnings: list[TableWarning] = field(default_factory=list)

    @property
    def pages(self) -> list[int]:
        return sorted({p for row in self.rows for p in row.pages})

    def column_of(self, name: str) -> int | None:
        for index, column in enumerate(self.columns):
            if column.field == name:
                return index
        return None


@dataclass(slots=True)
class Assembly:
    tables: list[AssembledTable]
    unplaced: list[Paragraph]


@cache
def _synonyms() -> dict[str, str]:
    """match_key(synonym) → field, from data/headers.toml."""
    out: dict[str, str] = {}
    for name, spec in load("headers")["fields"].items():
        for synonym in spec["synonyms"]:
            out.setdefault(match_key(synonym), name)
    return out


@cache
def _layout() -> dict[str, regex.Pattern[str]]:
    data = load("layout")
    return {
        "attachment": regex.compile(data["attachment"]),
        "seq": regex.compile(data["seq"]),
        "furniture": regex.compile("|".join(f"(?:{p})" for p in data["furniture"])),
        "title_cue": regex.compile("(?:" + "|".join(map(regex.escape, data["title_cues"])) + r")\W*$"),
    }


def field_for_header(header: str) -> str | None:
    """Canonical field of a header: an exact synonym, else the longest synonym it contains."""
    key = match_key(header)
    if not key:
        return None
    synonyms = _synonyms()
    if key in synonyms:
        return synonyms[key]
    contained = [s for s in synonyms if len(s) >= 2 and s in key]
    return synonyms[max(contained, key=len)] if contained else None


def parse_seq(text: str) -> int | None:
    match = _layout()["seq"].match(match_view(text))
    if not match:
        return None
    value = parse_number(match.group(1))
    return int(value) if value is not None and value.is_integer() else None


def is_furniture(text: str) -> bool:
    return bool(_layout()["furniture"].search(text.strip()))


def _cell_texts(row: RawRow) -> list[str | None]:
    return [c.text for c in row.cells]


def _header_of(rows: list[RawRow]) -> tuple[int, list[ColumnSpec]] | None:
    """Index of the header row among the first rows and its columns, or None."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        fields = [field_for_header(c.text or "") for c in row.cells]
        known = [f for f in fields if f]
        if len(known) >= 2 and ({"seq", "task", "progress"} & set(known)):
            return index, _columns(row.cells, fields)
    return None


def header_key(row: RawRow | list[str | None]) -> tuple[str, ...]:
    """What makes two header rows the same: their texts without spaces or edge punctuation."""
    texts = [c.text for c in row.cells] if isinstance(row, RawRow) else row
    return tuple(match_key(t or "") for t in texts)


def _columns(cells: list[RawCell], fields: list[str | None]) -> list[ColumnSpec]:
    columns: list[ColumnSpec] = []
    taken: set[str] = set()
    for position, (cell, name) in enumerate(zip(cells, fields, strict=True)):
        header = collapse_layout_space(cell.text or "") or f"列{position + 1}"
        if cell.text is None and columns:  # a header cell spanning columns: name them after it
            header = f"{columns[-1].header}_{position + 1}"
        if name and name not in taken:
            taken.add(name)
            columns.append(ColumnSpec(header=header, field=name, key=name))
        else:
            columns.append(ColumnSpec(header=header, field=None, key=header))
    return columns


def assemble(document: RawDocument) -> Assembly:
    tables: list[AssembledTable] = []
    unplaced: list[Paragraph] = []
    context: list[Paragraph] = []
    current: AssembledTable | None = None
    for block in document.blocks:
        if isinstance(block, Paragraph):
            if block.text.strip() and not is_furniture(block.text):
                context.append(block)
            continue
        current, consumed = _take_table(block, current, context, tables, unplaced)
        if consumed:
            context = []
    unplaced.extend(context)
    return Assembly(tables=tables, unplaced=unplaced)


def _take_table(
    raw: RawTable,
    current: AssembledTable | None,
    context: list[Paragraph],
    tables: list[AssembledTable],
    unplaced: list[Paragraph],
) -> tuple[AssembledTable | None, bool]:
    found = _header_of(raw.rows)
    if found is not None:
        header_index, columns = found
        key = header_key(raw.rows[header_index])
        continues = current is not None and not context and current.header_key == key
        if not continues:
            current = AssembledTable(columns=columns, header_key=key)
            attachment, title, rest = _title_of(context + _paragraph_rows(raw.rows[:header_index]))
            current.attachment, current.title = attachment, title
            unplaced.extend(rest)
            tables.append(current)
        body = raw.rows[header_index + 1 :]
    elif current is not None and not context and _width(raw) == len(current.columns):
        continues, body = True, raw.rows  # a page's table without a repeated header
    else:
        # Not our table (a metadata table above it, a layout box): its text is kept as
        # unplaced, and the lines above it still belong to the next table's title.
        unplaced.extend(_paragraph_rows(raw.rows))
        return current, False
    may_continue = continues
    for row in body:
        if any(c.text for c in row.cells):
            _add_row(current, row, may_continue=may_continue)
            may_continue = False
    return current, True


def _width(raw: RawTable) -> int:
    return max((len(r.cells) for r in raw.rows), default=0)


def _paragraph_rows(rows: list[RawRow]) -> list[Paragraph]:
    """Rows that are not part of the table body, kept as text (titles inside the table's first row)."""
    out = []
    for row in rows:
        texts = list(dict.fromkeys(t for t in _cell_texts(row) if t))
        out.extend(Paragraph(t, page=row.page) for t in texts)
    return out


def _title_of(paragraphs: list[Paragraph]) -> tuple[str | None, str | None, list[Paragraph]]:
    """Attachment label and title from the lines above a table; the other lines are returned."""
    layout = _layout()
    attachment = None
    candidates: list[Paragraph] = []
    for paragraph in paragraphs:
        match = layout["attachment"].match(paragraph.text)
        if match:
            attachment = regex.sub(r"\s+", "", match.group(1))
            candidates = []  # the title follows the label
            if match.group(2).strip():
                candidates.append(Paragraph(match.group(2).strip(), paragraph.page))
            continue
        candidates.append(paragraph)
    if not candidates:
        return attachment, None, []
    titled = [p for p in candidates if layout["title_cue"].search(p.text)]
    title = (titled or candidates)[-1]
    rest = [p for p in paragraphs if p is not title and not layout["attachment"].match(p.text)]
    return attachment, title.text.strip(), [p for p in rest if p.text.strip() != title.text.strip()]


def _add_row(table: AssembledTable, raw: RawRow, *, may_continue: bool) -> None:
    width = len(table.columns)
    cells = (raw.cells + [RawCell("")] * width)[:width]
    if len(raw.cells) > width and any(c.text for c in raw.cells[width:]):
        extra = "".join(c.text or "" for c in raw.cells[width:])
        table.warnings.append(
            TableWarning("extra_cells", f"cells beyond the header's columns appended: {extra[:40]}", len(table.rows))
        )
        cells[-1] = RawCell((cells[-1].text or "") + extra)
    texts = [c.text for c in cells]
    if not any(texts):
        return
    if header_key(texts) == table.header_key:
        return  # the header repeated (each page, or after a section)
    seq_column = table.column_of("seq")
    seq_text = (texts[seq_column] or "") if seq_column is not None else ""
    previous = table.rows[-1] if table.rows else None
    if may_continue and previous is not None and not seq_text.strip():
        _join(previous, texts, raw.page)
        return
    heading = raw.cells[0].text if len(raw.cells) == 1 else _section_heading(texts)
    if heading and parse_seq(heading) is None:
        table.current_section = heading
        return
    filled = []
    for index, cell in enumerate(cells):
        merged_above = cell.text is None and cell.merge != "left"
        # A vertically merged unit cell copied as text (Word's copy-as-text, web pages) arrives
        # empty in the rows it spans: a task always has a lead unit, so empty means "same as above".
        copied_merge = cell.text == "" and table.columns[index].field in INHERITED_WHEN_EMPTY
        if (merged_above or copied_merge) and previous is not None:
            filled.append(previous.texts[index])
        else:
            filled.append(cell.text or "")
    pages = [raw.page] if raw.page else []
    table.rows.append(TableRow(texts=filled, pages=pages, section=table.current_section))


def _section_heading(texts: list[str | None]) -> str | None:
    """The text of a row that is one heading across the table (``[text, None, None…]``)."""
    present = [t for t in texts if t]
    if len(texts) < 2 or len(set(present)) != 1:
        return None
    first = next(i for i, t in enumerate(texts) if t)
    if first > 1:
        return None
    others_covered = all(t is None or t == present[0] or not t for t in texts[first + 1 :])
    return present[0] if others_covered and any(t is None for t in texts) else None


def _join(row: TableRow, texts: list[str | None], page: int | None) -> None:
    for index, text in enumerate(texts):
        if text:
            row.texts[index] = join_fragments(row.texts[index], text)
    if page and page not in row.pages:
        row.pages.append(page)


_LATIN_END = regex.compile(r"[A-Za-z0-9]$")
_LATIN_START = regex.compile(r"^[A-Za-z0-9]")


def join_fragments(before: str, after: str) -> str:
    """Join two pieces of a cell cut by a page break: no separator between CJK, a space between words."""
    if _LATIN_END.search(before) and _LATIN_START.search(after):
        return f"{before} {after}"
    return before + after
