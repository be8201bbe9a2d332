"""Line-structured tables: the lines themselves show the grid.

- the seed's layout: one tab-led line per cell, a blank line between rows;
- tab-separated rows (a table copied out of a browser or a spreadsheet); a line without tabs
  inside such a table continues the previous row's last cell (a line break inside a cell);
- pipe tables (``序号 | 项目内容 | … |``) with ``---|---`` lines, which mark the row above them
  as a header, so a metadata table directly above the real one stays a separate table.
"""

from __future__ import annotations

import regex

from extractor.headers import (
    is_furniture,
    is_heading,
    item_enumerator,
    layout_patterns,
    parse_seq,
)
from extractor.layout.base import PIPE_ONLY, PIPE_SEPARATOR, SENTENCE, Block, Line, trim
from extractor.readers.raw import Paragraph, RawCell, RawRow, RawTable


def line_tables(lines: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    rows: list[RawRow] = []
    kind: str | None = None  # "seed", "pipe" or "tab": the layout of the table being read

    def flush() -> None:
        nonlocal kind
        if rows:
            layout = "seed-cells" if kind == "seed" else f"{kind}-rows"
            if kind in ("pipe", "tab"):
                _widen_spanning_header(rows)
            blocks.append(RawTable(rows=list(rows), kind="lines", layout=layout))
            rows.clear()
        kind = None

    texts = [line.text for line in lines]
    i = 0
    while i < len(lines):
        line, page = texts[i], lines[i].page
        if not line.strip() and not line.startswith("\t"):
            after = next((k for k in range(i, len(texts)) if texts[k].strip()), None)
            open_tab_row = kind == "tab" and rows and after is not None and len(rows[-1].cells) < _tab_width(rows)
            if open_tab_row and after is not None and _row_goes_on(texts, after, rows):
                # An empty paragraph inside an open row's last cell: keep it, the row goes on.
                last = rows[-1].cells[-1]
                last.text = (last.text or "") + "\n" * (after - i)
                i = after
                continue
            # A blank line ends a pipe or tab-separated table, not a seed-layout one.
            if rows and not (kind == "seed" and _next_is_seed_row(texts, i)):
                flush()
            i += 1
            continue
        if line.startswith("\t") and "\t" not in line[1:].rstrip("\t ") and kind in (None, "seed"):
            # Seed layout: a tab-led line per cell until a blank line; an untabbed line inside
            # the group continues the cell above it (a line break inside the cell). A line holding
            # only the tab is an empty cell, not the blank line between rows.
            cells: list[str] = []
            width = len(rows[0].cells) if rows else None
            while i < len(texts):
                if not texts[i].strip() and not texts[i].startswith("\t"):
                    # A blank line ends the row, unless the row is still short of the header's
                    # width and untabbed text follows: an empty paragraph inside the cell.
                    after = next((k for k in range(i, len(texts)) if texts[k].strip()), None)
                    if width is None or len(cells) >= width or after is None or texts[after].startswith("\t"):
                        break
                    cells[-1] += "\n" * (after - i)
                    i = after
                    continue
                if texts[i].startswith("\t") or not cells:
                    cells.append(texts[i][1:] if texts[i].startswith("\t") else texts[i])
                else:
                    cells[-1] += "\n" + texts[i]
                i += 1
            rows.append(RawRow([RawCell(trim(c)) for c in cells], page=page))
            kind = "seed"
            continue
        if _is_pipe_row(line) or (kind == "pipe" and rows and (_cut_pipe_row(texts, i) or _cut_item(texts, i, rows))):
            if kind not in (None, "pipe"):
                flush()
            if PIPE_SEPARATOR.match(line):
                # The row above a ---|--- line is a header: a table above it is another table.
                if len(rows) > 1:
                    header = rows.pop()
                    flush()
                    rows.append(header)
            else:
                cells = [trim(c) for c in _pipe_cells(line)]
                if _metadata_after(rows, cells):
                    flush()  # "索引号: | … | 成文日期: | …": the page's metadata table, not more rows
                rows.append(RawRow([RawCell(c) for c in cells], page=page))
            kind = "pipe"
            i += 1
            continue
        if line.count("\t") >= 2 or "\t" in line.strip("\t "):
            cells = [trim(c) for c in line.split("\t")]
            if kind == "tab" and rows and _continues_row(rows, cells):
                _extend_row(rows[-1], cells)
            else:
                if kind not in (None, "tab") or _metadata_after(rows, cells):
                    flush()
                rows.append(RawRow([RawCell(c) for c in cells], page=page))
            kind = "tab"
            i += 1
            continue
        if kind == "tab" and rows and ("\t" in line or _cut_item(texts, i, rows)) and _next_item(line, rows):
            # "（二）对… \t": a row whose trailing cells a copy dropped with all but one tab, going on
            # with the numbering of the row above: a row of its own, not more of the one above (so is
            # the document's last line, cut off before its first tab)
            rows.append(RawRow([RawCell(trim(c)) for c in line.split("\t")], page=page))
            i += 1
            continue
        role = _line_in_table(texts, i, rows, kind) if kind in ("tab", "pipe") and rows else "end"
        if role == "continue":
            # A line break inside the row's last cell; a leading tab starts its next cell.
            _extend_row(rows[-1], [trim(c) for c in line.split("\t")])
            i += 1
            continue
        if role == "heading":
            rows.append(RawRow([RawCell(trim(line))], page=page))  # a section heading inside the table
            i += 1
            continue
        flush()
        if not PIPE_ONLY.match(line):
            blocks.append(Paragraph(trim(line), page=page))
        i += 1
    flush()
    return blocks


def _line_in_table(texts: list[str], i: int, rows: list[RawRow], kind: str) -> str:
    """What a line without cell separators is, inside a tab or pipe table.

    "continue": more of the row above (a line break inside its last cell); "heading": a group or
    section line between rows; "end": the table is over (a note, the text after it). A line is
    inside the table only when the table goes on after it; then it is a heading when it reads like
    one (short, no sentence) and either the row above is complete or a new row follows.
    """
    line = texts[i]
    following = next((t for t in texts[i + 1 :] if t.strip()), None)
    if layout_patterns()["note"].match(line):
        return "end"
    if kind == "pipe":
        goes_on = following is not None and _is_pipe_row(following)
        return "heading" if goes_on and _short_line(line) else "end"
    open_row = len(rows[-1].cells) < _tab_width(rows)
    if open_row and line.startswith("\t"):
        return "continue"  # the rest of an open row, its next cell after the tab
    goes_on = following is not None and (following.count("\t") >= 2 or "\t" in following.strip("\t "))
    if not goes_on or following is None:
        return "end"
    next_starts_row = parse_seq(following.split("\t")[0]) is not None or is_heading(following.split("\t")[0])
    if _short_line(line) and (not open_row or (next_starts_row and is_heading(line))):
        return "heading"
    return "continue"


def _short_line(line: str) -> bool:
    return len(line.strip()) <= 30 and not SENTENCE.search(line)


def _row_goes_on(texts: list[str], after: int, rows: list[RawRow]) -> bool:
    """Whether the line at ``after`` (past blank lines) is more of the open tab row above."""
    line = texts[after]
    if line.count("\t") >= 2 or "\t" in line.strip("\t "):
        return _continues_row(rows, [trim(c) for c in line.split("\t")])
    return _line_in_table(texts, after, rows, "tab") == "continue"


def _tab_width(rows: list[RawRow]) -> int:
    return max(len(r.cells) for r in rows)


def _continues_row(rows: list[RawRow], cells: list[str]) -> bool:
    """A tab line that starts inside the previous row: that row is short, the two together fit
    the table's width, and this line does not start with a 序号."""
    width = _tab_width(rows)
    return (
        len(rows) > 1
        and len(rows[-1].cells) < width
        and len(rows[-1].cells) + len(cells) - 1 <= width
        and parse_seq(cells[0]) is None
    )


def _extend_row(row: RawRow, cells: list[str]) -> None:
    last = row.cells[-1]
    if cells[0]:
        last.text = f"{last.text}\n{cells[0]}" if last.text else cells[0]
    row.cells.extend(RawCell(c) for c in cells[1:])


def _next_is_seed_row(lines: list[str], i: int) -> bool:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i < len(lines) and lines[i].startswith("\t")


def _metadata_after(rows: list[RawRow], cells: list[str]) -> bool:
    """A page-metadata row ("索引号: | … | 成文日期: | …", with bars or tabs) after rows of a table:
    the page's metadata table starts, not more rows."""
    return bool(rows) and _metadata_row(cells) and not _metadata_row([c.text or "" for c in rows[-1].cells])


def _metadata_row(cells: list[str]) -> bool:
    """A row led by a page-metadata label ("索引号:", "发布机构："), not by a 序号 ("2")."""
    first = next((c for c in cells if c), "")
    return regex.search(r"[:：]\s*$", first) is not None and is_furniture(first)


def _cut_pipe_row(texts: list[str], i: int) -> bool:
    """The document's last line, inside a pipe table, cut off after its first cells ("持续推动生活
    垃圾分类, | 引导村民…"): a row the document ends inside, not a paragraph after the table."""
    return ("|" in texts[i] or "｜" in texts[i]) and not any(t.strip() for t in texts[i + 1 :])


def _cut_item(texts: list[str], i: int, rows: list[RawRow]) -> bool:
    """The document's last line, right under a pipe row, opening with the item number after one a
    cell of that row opens with ("（六）对减税降费…" under "（五）进一步… | 各镇(街) | |"): the next row,
    cut off by the document's end before its first bar."""
    if i == 0 or not texts[i - 1].strip() or any(t.strip() for t in texts[i + 1 :]):
        return False
    return _next_item(texts[i], rows)


def _next_item(line: str, rows: list[RawRow]) -> bool:
    """Whether a line opens with the item number after one a cell of the last row opens with."""
    found = item_enumerator(line.strip())
    return found is not None and any(
        item_enumerator(c.text) == (found[0], found[1] - 1) for c in rows[-1].cells if c.text
    )


def _is_pipe_row(line: str) -> bool:
    # (a full-width ｜ delimits as | does: a copy in full-width punctuation is the same table)
    return line.count("|") + line.count("｜") >= 2 or bool(PIPE_SEPARATOR.match(line) and ("|" in line or "｜" in line))


def _pipe_cells(line: str) -> list[str]:
    stripped = line.strip().replace("｜", "|")
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    return stripped.split("|")


MIN_WIDER_ROWS = 2  # rows that must fill one cell past the header's last named cell
WIDER_SHARE = 0.8  # … of the rows under the header


def _widen_spanning_header(rows: list[RawRow]) -> None:
    """A header cell spanning two of the rows' cells (a colspan header copied as text: "序号 |
    年度任务 | 本月进展 | … | 责任单位 | |" over "1 | 绿道建设 | 全区新改建绿道60公里。 | 部分道路…"):
    the rows fill one cell past the header's last named cell. The header cell that spans two is
    the one after which the rows' cells suit the header's columns best (subrows.kind against the
    columns' fields); it is written again over the second of its cells. Rows left as they are when
    no header cell makes the rows fit better than as read."""
    from extractor.headers import field_for_header, is_header_row, reads_as_header
    from extractor.layout.subrows import fit_score, kind

    top = next((k for k, row in enumerate(rows[:5]) if is_header_row([c.text for c in row.cells])), None)
    if top is None:
        return
    header = [c.text or "" for c in rows[top].cells]
    named = max((k for k, text in enumerate(header) if text), default=-1)
    body = [row for row in rows[top + 1 :] if len(row.cells) > 1]
    if body and any(c.text and (field_for_header(c.text) or reads_as_header(c.text)) for c in body[0].cells):
        return  # a second header row says itself how the header's cells divide
    last_filled = [max((k for k, c in enumerate(row.cells) if c.text), default=-1) for row in body]
    wider = sum(1 for k in last_filled if k == named + 1)
    if named < 2 or wider < MIN_WIDER_ROWS or wider < WIDER_SHARE * len(body):
        return
    fields = [field_for_header(t) or reads_as_header(t) if t else None for t in header[: named + 1]]

    def fit(columns: list[str | None]) -> float:
        return sum(
            fit_score(kind(cell.text), field)
            for row in body
            for cell, field in zip(row.cells, columns, strict=False)
            if cell.text
        )

    best, spanning = fit(fields), None
    for j in range(1, named + 1):
        if fields[j] in (None, "seq"):
            continue
        score = fit([*fields[: j + 1], fields[j], *fields[j + 1 :]])
        if score > best:
            best, spanning = score, j
    if spanning is None:
        return
    cells = rows[top].cells
    cells.insert(spanning + 1, RawCell(cells[spanning].text))
    if len(cells) > len(header) and not cells[-1].text:
        cells.pop()  # the header's trailing empty cell was the room the spanned cell took
