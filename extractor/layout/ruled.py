"""Ruled text tables: a grid drawn with characters, as law databases and plain-text exports of Word
documents print it.

    ┌───┬──────┬─────────┐          +----+--------+-------+
    │ 序号 │ 城市名称 │完成目标任务的比例(│          | 序号 | 项目   | 进展  |
    │   │      │    %)     │          +----+--------+-------+
    ├───┼──────┼─────────┤          | 1  | 道路   | 完工  |
    │ 1  │  晋城  │    169.3    │          +----+--------+-------+

A line of rule characters only (─ ┼ ├ + - =) separates rows; the text lines between two rules are
one row, each line cut at the vertical rules (│ ┃ ║, or | in a grid drawn with + and -), and a
column's pieces joined down the lines (a cell wrapped over two lines: "完成目标任务的比例(" + "%)").
Where no rule separates the data lines, each line is a row. A grid the text draws itself is
conclusive evidence of its cells; the table stage reads its header and rows like any other.
"""

from __future__ import annotations

import regex

from extractor.layout.base import Block, Line, trim
from extractor.readers.raw import Paragraph, RawCell, RawRow, RawTable
from extractor.rules.compiled import compile_rule

VERTICAL = "│┃║╎╏┆┇┊┋"
# A rule line: drawing characters (and + - = : for ASCII grids) only, with at least three of them.
RULE = compile_rule(r"^\s*[─━═┄┅┈┉┌┐└┘├┤┬┴┼╋┏┓┗┛┣┫┳┻╔╗╚╝╠╣╦╩╬+\-=:|│┃║\s]{3,}$")
RULE_MARK = compile_rule(r"[─━═┄┅┈┉┌┐└┘├┤┬┴┼╋┏┓┗┛┣┫┳┻╔╗╚╝╠╣╦╩╬]|[+][-=]|[-=]{3}")
BOX_ROW = compile_rule(rf"[{VERTICAL}]")
ASCII_ROW = compile_rule(r"^\s*\|.*\|\s*$")


def _is_rule(text: str) -> bool:
    return bool(RULE.match(text)) and bool(RULE_MARK.search(text))


def _cells_of(text: str, boxed: bool) -> list[str]:
    """A text line's pieces between its vertical rules (the outer rules dropped)."""
    body = text.strip()
    parts = regex.split(rf"[{VERTICAL}]", body) if boxed else body.split("|")
    if parts and not parts[0].strip():
        parts = parts[1:]
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    return parts


def _join_down(pieces: list[str]) -> str:
    """A column's pieces down a row's lines: joined without a break (a wrapped cell), with a space
    between Latin words."""
    out = ""
    for piece in (trim(p) for p in pieces):
        if not piece:
            continue
        if out and regex.match(r"[A-Za-z0-9]", piece) and regex.search(r"[A-Za-z0-9]$", out):
            out += " "
        out += piece
    return out


def ruled_tables(lines: list[Line]) -> list[Block] | None:
    """Tables drawn with rule characters, or None when the text draws none."""
    boxed = any(BOX_ROW.search(line.text) for line in lines)
    if not boxed and not any(_is_rule(line.text) and "+" in line.text for line in lines):
        return None  # no box characters, no +---+ grid: a pipe table is the lines proposer's
    blocks: list[Block] = []
    index = 0
    found = False
    while index < len(lines):
        table, index_after = _grid_at(lines, index, boxed)
        if table is None:
            text = trim(lines[index].text)
            if text:
                blocks.append(Paragraph(text, page=lines[index].page))
            index += 1
            continue
        blocks.append(table)
        found = True
        index = index_after
    return blocks if found else None


def _is_row_line(text: str, boxed: bool) -> bool:
    return bool(BOX_ROW.search(text)) if boxed else bool(ASCII_ROW.match(text))


def _line_rows(lines: list[Line], boxed: bool) -> list[list[Line]]:
    """Rows of a grid without rules between them: a line each, except that a line whose first
    cell is empty continues the row above (a wrapped cell)."""
    rows: list[list[Line]] = []
    for line in lines:
        cells = _cells_of(line.text, boxed)
        if rows and cells and not trim(cells[0]):
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _grid_at(lines: list[Line], start: int, boxed: bool) -> tuple[RawTable | None, int]:
    """The grid starting at ``start`` (a rule or a row line), and the index after it."""
    first = lines[start].text
    if not (_is_rule(first) or _is_row_line(first, boxed)):
        return None, start
    groups: list[list[Line]] = [[]]  # the text lines between rules
    end = start
    while end < len(lines):
        text = lines[end].text
        if _is_rule(text):
            if groups[-1]:
                groups.append([])
        elif _is_row_line(text, boxed):
            groups[-1].append(lines[end])
        else:
            break
        end += 1
    groups = [g for g in groups if g]
    if not groups:
        return None, start
    separated = len(groups) > 2  # rules between the data rows too, not only under the header
    if not separated and len(groups) == 2:
        # A rule under the header only ("+---+" / header / "+===+" / one line per row …).
        rows_of_lines = [groups[0], *_line_rows(groups[1], boxed)]
    elif not separated:
        rows_of_lines = _line_rows(groups[0], boxed)
    else:
        rows_of_lines = groups
    rows: list[RawRow] = []
    for group in rows_of_lines:
        split = [_cells_of(line.text, boxed) for line in group]
        width = max(len(cells) for cells in split)
        columns = [[cells[c] if c < len(cells) else "" for cells in split] for c in range(width)]
        rows.append(RawRow([RawCell(_join_down(column)) for column in columns], page=group[0].page))
    if len(rows) < 2 or max(len(r.cells) for r in rows) < 2:
        return None, start
    return RawTable(rows, kind="lines", layout="ruled"), end
