"""Tables written as lines of text: every way a table reaches an analyst as plain text.

``split_lines`` turns lines into blocks (paragraphs and tables of cells). It tries, in order:

1. line-structured tables, where the lines themselves show the grid:
   - the seed's layout: one tab-led line per cell, a blank line between rows;
   - tab-separated rows (a table copied out of a browser or a spreadsheet); a line without tabs
     inside such a table continues the previous row's last cell (a line break inside a cell);
   - pipe tables (``序号 | 项目内容 | … |``) with ``---|---`` lines, which mark the row above them
     as a header, so a metadata table directly above the real one stays a separate table;
2. a cell stream: one cell per line (or per group of lines), cells separated by blank lines or by
   lines holding only ``|``, nothing marking the end of a row (a web table copied as text); or one
   cell per word, for a table flattened onto a line. Rows are found from the 序号 sequence and the
   header's column count;
3. label | value forms: "项 目 / 名 称", the value, "进展情况", the value … one block per project,
   as two-column tables for the table stage to read as records;
4. numbered prose (``extractor.readers.prose``): "1、…牵头部门：…" paragraphs, one row per task.

The first that yields a table with a recognisable header wins; otherwise the lines are paragraphs.
Deciding what a row means stays with the table stage; this module only finds the cells.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

import regex

from extractor.headers import (
    field_for_header,
    header_candidates,
    header_cell_like,
    is_furniture,
    is_header_row,
    is_heading,
    layout_patterns,
    parse_seq,
)
from extractor.readers.raw import Paragraph, RawCell, RawRow, RawTable
from extractor.textnorm import match_key

Block = Paragraph | RawTable

_PIPE_SEPARATOR = regex.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_PIPE_ONLY = regex.compile(r"^\s*[|｜]\s*$")
_SENTENCE = regex.compile(r"[。；;！？!?]")
# A header cell is short; a longer text without a known header word is content. (A stream's cells
# are judged alone, so these are stricter than the table stage's limits for a whole header row.)
MAX_HEADER_CELL = 12
LONG_LINE = 200  # a line this long may be a whole table flattened onto one line


@dataclass(slots=True)
class Line:
    text: str
    page: int | None = None


def trim(cell: str) -> str:
    return cell.strip(" \t\n\u3000\xa0")


def split_lines(lines: list[Line]) -> list[Block]:
    """Blocks of the lines: the first layout that gives a table with a header, else paragraphs."""
    structured = _structured(lines)
    if any(isinstance(b, RawTable) and _has_header(b) for b in structured):
        return structured
    stream = cell_stream(lines)
    if stream is not None:
        return stream
    forms = label_values(lines)
    if forms is not None:
        return forms
    from extractor.readers.prose import numbered_prose  # prose needs this module's Line

    prose = numbered_prose(lines)
    return prose if prose is not None else structured


def _has_header(table: RawTable) -> bool:
    return any(is_header_row([c.text for c in row.cells]) for row in table.rows[:5])


# ----------------------------------------------------------------- line-structured tables


def _structured(lines: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    rows: list[RawRow] = []
    kind: str | None = None  # "seed", "pipe" or "tab": the layout of the table being read

    def flush() -> None:
        nonlocal kind
        if rows:
            blocks.append(RawTable(rows=list(rows), kind="lines"))
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
        if _is_pipe_row(line):
            if kind not in (None, "pipe"):
                flush()
            if _PIPE_SEPARATOR.match(line):
                # The row above a ---|--- line is a header: a table above it is another table.
                if len(rows) > 1:
                    header = rows.pop()
                    flush()
                    rows.append(header)
            else:
                rows.append(RawRow([RawCell(trim(c)) for c in _pipe_cells(line)], page=page))
            kind = "pipe"
            i += 1
            continue
        if line.count("\t") >= 2 or "\t" in line.strip("\t "):
            cells = [trim(c) for c in line.split("\t")]
            if kind == "tab" and rows and _continues_row(rows, cells):
                _extend_row(rows[-1], cells)
            else:
                if kind not in (None, "tab"):
                    flush()
                rows.append(RawRow([RawCell(c) for c in cells], page=page))
            kind = "tab"
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
        if not _PIPE_ONLY.match(line):
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
    return len(line.strip()) <= 30 and not _SENTENCE.search(line)


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


def _is_pipe_row(line: str) -> bool:
    return line.count("|") >= 2 or bool(_PIPE_SEPARATOR.match(line) and "|" in line)


def _pipe_cells(line: str) -> list[str]:
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    return stripped.split("|")


# ----------------------------------------------------------------- cell stream


@dataclass(slots=True)
class _Token:
    text: str
    page: int | None
    bare_seq: int | None  # the 序号 when the token is nothing but a number
    first_line: int  # index of the token's first line


def _split_header_group(group: list[Line], first_line: int) -> list[_Token]:
    """A group of lines that are each a known header ("序號" / "政策項目" / …) is one cell a line."""
    if len(group) > 1 and all(field_for_header(line.text) and len(trim(line.text)) <= 20 for line in group):
        return [_token([line], first_line + k) for k, line in enumerate(group)]
    return [_token(group, first_line)]


def _token(lines: list[Line], first_line: int) -> _Token:
    text = trim("\n".join(trim(line.text) for line in lines))
    seq = parse_seq(text) if "\n" not in text else None
    return _Token(text, lines[0].page, seq, first_line)


def _tokens(lines: list[Line], *, per_line: bool) -> list[_Token]:
    """Cells of a stream: groups of lines between blank or ``|`` lines; a bare number is its own cell."""
    tokens: list[_Token] = []
    group: list[Line] = []
    group_start = 0
    for index, line in enumerate(lines):
        if not line.text.strip() or _PIPE_ONLY.match(line.text):
            if group:
                tokens.extend(_split_header_group(group, group_start))
                group = []
            continue
        # A number alone, a category line right before one, or the 序号 header is a cell of its own.
        if per_line or parse_seq(line.text) is not None or _heading_before_seq(lines, index) or _seq_header(line.text):
            # A number alone on its line starts a row even with no blank line before it.
            if group:
                tokens.extend(_split_header_group(group, group_start))
                group = []
            tokens.append(_token([line], index))
            continue
        if not group:
            group_start = index
        group.append(line)
    if group:
        tokens.extend(_split_header_group(group, group_start))
    return tokens


def _category_line(text: str) -> bool:
    """A category or section line: heading-like, short, not a sentence ("二、完成设备安装。" is an
    enumerated sentence inside a cell, "二、交通基础设施提升工程" a category)."""
    return is_heading(text) and len(text.strip()) <= 40 and not _SENTENCE.search(text)


def _seq_header(text: str) -> bool:
    """序号 (or 编号, 序號 …) alone on its line: the first header cell, even right under the title."""
    return len(match_key(text)) <= 3 and field_for_header(text) == "seq"


def _heading_before_seq(lines: list[Line], index: int) -> bool:
    if not _category_line(lines[index].text):
        return False
    following = next((line.text for line in lines[index + 1 :] if line.text.strip()), "")
    return parse_seq(following) is not None


def _header_like(token: _Token) -> bool:
    return not is_heading(token.text) and header_cell_like(token.text, max_unknown=MAX_HEADER_CELL)


def cell_stream(lines: list[Line]) -> list[Block] | None:
    """Rows of a table written one cell per line (see the module docstring), or None.

    Tried three ways: cells as groups of lines between blank lines; one cell per line; and, for
    a table flattened onto a line (a document-sharing site's text view), one cell per word,
    rows then rebuilt from the 序号 sequence and the header's width.
    """
    for mode in ("groups", "lines", "words"):
        source = _words(lines) if mode == "words" else lines
        tokens = _tokens(source, per_line=mode != "groups")
        found = _stream_header(tokens)
        if found is None:
            continue
        start, end = found
        if mode == "groups" and not _separated(source, tokens, end):
            continue  # no blank line between the first rows' cells: one cell per line
        table, after = _stream_rows(tokens, start, end, kind="words" if mode == "words" else "stream")
        if table is None:
            continue
        before = _lines_before(source, tokens[start])
        if mode == "words" and before:
            before = [Paragraph(" ".join(b.text for b in before if isinstance(b, Paragraph)), page=before[0].page)]
        return before + [table] + [Paragraph(t.text, page=t.page) for t in after]
    return None


def _words(lines: list[Line]) -> list[Line]:
    """Each whitespace-separated word of the long lines as a line of its own."""
    if not any(len(line.text) > LONG_LINE for line in lines):
        return []
    return [Line(word, line.page) for line in lines for word in line.text.split()]


def _separated(lines: list[Line], tokens: list[_Token], end: int) -> bool:
    """Whether blank or ``|`` lines separate the cells of the first rows after the header."""
    seqs = [t.first_line for t in tokens[end:] if t.bare_seq is not None][:3]
    if len(seqs) < 2:
        seqs = [tokens[end].first_line, len(lines)] if end < len(tokens) else []
    if len(seqs) < 2:
        return True
    between = lines[seqs[0] : seqs[-1]]
    return any(not line.text.strip() or _PIPE_ONLY.match(line.text) for line in between)


def _stream_header(tokens: list[_Token]) -> tuple[int, int] | None:
    """[start, end) of the header tokens: a run of header cells followed by the first 序号."""
    for start, token in enumerate(tokens):
        if field_for_header(token.text) not in ("seq", "task"):
            continue
        end = start
        while end < len(tokens) and _header_like(tokens[end]):
            end += 1
        seq_at = next((k for k in range(start, end) if field_for_header(tokens[k].text) == "seq"), None)
        if seq_at is not None and seq_at > start:
            continue  # a title line that names a header word ("…主抓重点工作") stands before 序号
        first_row = end
        while first_row < len(tokens) and first_row - end < 3 and is_heading(tokens[first_row].text):
            first_row += 1
        if (
            end - start >= 3
            and first_row < len(tokens)
            and tokens[first_row].bare_seq is not None
            and is_header_row([t.text for t in tokens[start:end]])
        ):
            return start, end
    return None


def _next_row_start(tokens: list[_Token], i: int, width: int) -> int | None:
    """Index of the token that starts the row after the one starting at ``i``, or None (last row).

    The next 序号 is the number one higher; a count column can hold that number too, so of the
    candidates the one nearest a whole row's width away wins (a row may lack a merged cell or
    have a cell split in two). A row that reaches the end of the tokens is the last.
    """
    seq = tokens[i].bare_seq
    assert seq is not None
    if i + width >= len(tokens):
        return None
    candidates = [j for j in range(i + 2, len(tokens)) if tokens[j].bare_seq == seq + 1]
    if not candidates:
        candidates = [j for j in range(i + 2, len(tokens)) if (n := tokens[j].bare_seq) and seq < n <= seq + 3]
    if not candidates:
        return None
    return min(candidates, key=lambda j: (abs(j - i - width), j))


def _stream_rows(
    tokens: list[_Token], start: int, end: int, kind: Literal["stream", "words"] = "stream"
) -> tuple[RawTable | None, list[_Token]]:
    header = tokens[start:end]
    width = len(header)
    # A category column before 序号: its cell (a heading) opens the row instead of standing above it.
    category_first = width > 1 and field_for_header(header[1].text) == "seq"
    spans: list[tuple[int, int]] = []  # [from, to) token ranges of the rows
    sections: dict[int, list[_Token]] = {}  # row index → headings standing before it
    i = end
    row_start = i
    pending: list[_Token] = []
    while i < len(tokens):
        if tokens[i].bare_seq is None:
            if category_first and is_heading(tokens[i].text) and i + 1 < len(tokens) and tokens[i + 1].bare_seq:
                row_start, i = i, i + 1  # the category cell, then the 序号
            elif is_heading(tokens[i].text) or not spans:
                pending.append(tokens[i])
                i += 1
                continue
            else:
                break
        else:
            row_start = i
        if pending:
            sections[len(spans)] = pending
            pending = []
        nxt = _next_row_start(tokens, i, width)
        if nxt is None:
            stop = min(row_start + width, len(tokens))
            spans.append((row_start, stop))
            i = stop
            break
        repeat = _repeated_header(tokens, header, i + 1, nxt)
        if repeat is not None:
            # The header again (a new group): the row ends before it, the lines between are the
            # group's heading, and the repeated header itself is dropped.
            row_end = repeat
            while row_end > i + 2 and repeat - row_end < 2 and _group_heading(tokens[row_end - 1]):
                row_end -= 1
            spans.append((row_start, row_end))
            if row_end < repeat:
                sections[len(spans)] = tokens[row_end:repeat]
            i = repeat + width
            continue
        if category_first and nxt - 1 > i and is_heading(tokens[nxt - 1].text):
            spans.append((row_start, nxt - 1))  # the next row opens with its category cell
            i = nxt - 1
            continue
        # Headings (category rows) just before the next 序号 belong to the next row.
        cut = nxt
        while cut - 1 > i + 1 and cut - row_start > width and _category_line(tokens[cut - 1].text):
            cut -= 1
        spans.append((row_start, cut))
        if cut < nxt:
            sections[len(spans)] = tokens[cut:nxt]
        i = nxt
    if not spans:
        return None, []
    widths = Counter(b - a for a, b in spans[:-1]) if len(spans) > 1 else Counter({width: 1})
    row_width = widths.most_common(1)[0][0]
    # The document ends inside the last row when it is shorter than the rows before it.
    cut_off = spans[-1][1] == len(tokens) and spans[-1][1] - spans[-1][0] < min(row_width, width)
    rows = _stream_header_rows(header, row_width)
    for index, (a, b) in enumerate(spans):
        for heading in sections.get(index, []):
            rows.append(RawRow([RawCell(heading.text)], page=heading.page))
        # A row the document ends inside is left short, so the table stage can tell it was cut.
        loose = not (cut_off and index == len(spans) - 1)
        rows.append(RawRow([RawCell(t.text) for t in tokens[a:b]], page=tokens[a].page, loose=loose))
    return RawTable(rows, kind=kind), pending + tokens[i:]


def _group_heading(token: _Token) -> bool:
    """A short line that is not a sentence: what names a group of rows ("某副市长主抓重点工作")."""
    text = token.text
    return token.bare_seq is None and len(text) <= 30 and "\n" not in text and not _SENTENCE.search(text)


def _repeated_header(tokens: list[_Token], header: list[_Token], start: int, stop: int) -> int | None:
    keys = [match_key(t.text) for t in header]
    for j in range(start, stop - len(keys) + 1):
        if [match_key(t.text) for t in tokens[j : j + len(keys)]] == keys:
            return j
    return None


def _stream_header_rows(header: list[_Token], row_width: int) -> list[RawRow]:
    """The header as one row, or as two when a group header spans sub-columns.

    A stream shows "2024年推进情况" and its sub-columns "截至9月底进展", "10月工作计划" as three
    header cells over two data columns: when rows are one cell narrower than the header, the last
    group-like header cell followed by at least two header cells is the group over the rest.
    """
    page = header[0].page
    texts = [t.text for t in header]
    if len(texts) - row_width == 1:
        group_cue = layout_patterns()["group_header"]
        candidates = [
            g
            for g in range(1, len(texts) - 2)
            if group_cue.search(match_key(texts[g])) and _could_group(texts[g], texts[g + 1 :])
        ]
        if candidates:
            g = candidates[-1]
            subs = texts[g + 1 :]
            top = [RawCell(t) for t in texts[: g + 1]] + [RawCell(None, merge="left")] * (len(subs) - 1)
            bottom = [RawCell("")] * g + [RawCell(t) for t in subs]
            return [RawRow(top, page=page), RawRow(bottom, page=page)]
    return [RawRow([RawCell(t) for t in texts], page=page)]


# Columns that are never the sub-columns of a group header such as "2024年推进情况".
_NEVER_SUB = frozenset({"seq", "task", "lead_units", "partner_units", "lead_leaders", "deadline", "remarks"})


def _could_group(group: str, subs: list[str]) -> bool:
    """A group header names no column of its own (not exactly "完成情况"), and its sub-columns are
    progress-like ("截至9月底进展", "10月工作计划"), not the units or deadline columns."""
    claims = header_candidates(group)
    if claims and claims[0][1] >= 3:
        return False
    for sub in subs:
        sub_claims = header_candidates(sub)
        if sub_claims and sub_claims[0][1] >= 3 and sub_claims[0][0] in _NEVER_SUB:
            return False
    return True


def _lines_before(lines: list[Line], first: _Token) -> list[Block]:
    """The paragraphs above the header: every non-blank line before the header's first line."""
    return [
        Paragraph(trim(line.text), page=line.page)
        for line in lines[: first.first_line]
        if line.text.strip() and not _PIPE_ONLY.match(line.text)
    ]


# ----------------------------------------------------------------- label | value forms

_LETTER_SPACED = regex.compile(r"^\s*\S(?:\s+\S)+\s*$")
MAX_LABEL_PART = 6  # characters of one line of a label written over several lines
MAX_LABEL_PREFIX = 4  # "我市" before "任务": a short qualifier in front of a label


def _label_length(tokens: list[_Token], i: int) -> int:
    """How many tokens from ``i`` make one label ("项 目" + "名 称" → 项目名称), or 0.

    The longest run of short parts that is exactly a known header wins; failing that, a run of
    letter-spaced parts that names a field ("进 度" + "是 否" + "滞 后").
    """
    keys: list[str] = []
    exact = 0
    for n in range(1, 4):
        if i + n > len(tokens):
            break
        token = tokens[i + n - 1]
        key = match_key(token.text)
        if not key or len(key) > MAX_LABEL_PART * (2 if n == 1 else 1) or _SENTENCE.search(token.text):
            break
        keys.append(key)
        candidates = header_candidates("".join(keys))
        if candidates and candidates[0][1] >= 3:
            exact = n
    if exact:
        return exact
    spaced = 0
    while i + spaced < len(tokens) and spaced < 3 and _LETTER_SPACED.match(tokens[i + spaced].text):
        spaced += 1
    if spaced and field_for_header("".join(match_key(t.text) for t in tokens[i : i + spaced])):
        return spaced
    return 0


def _soft_label(token: _Token) -> bool:
    """A short line naming a field loosely ("我市任务"): a label when it follows a value."""
    key = match_key(token.text)
    return 2 <= len(key) <= MAX_LABEL_PART and not _SENTENCE.search(token.text) and bool(field_for_header(key))


def label_values(lines: list[Line]) -> list[Block] | None:
    """Project report forms written as text: a label, then its value, block after block.

    Each run of at least two label/value pairs (labels that name known fields, one of them the
    task or the progress) becomes a two-column table, for the table stage to read as records.
    """
    tokens = _tokens(lines, per_line=False)
    blocks: list[Block] = []
    rows: list[RawRow] = []

    def flush() -> None:
        if len(rows) >= 2:
            blocks.append(RawTable(list(rows)))
        else:
            blocks.extend(Paragraph(c.text or "", page=r.page) for r in rows for c in r.cells if c.text)
        rows.clear()

    i = 0
    while i < len(tokens):
        n = _label_length(tokens, i) or (1 if rows and _soft_label(tokens[i]) else 0)
        prefix = ""
        if not n and len(match_key(tokens[i].text)) <= MAX_LABEL_PREFIX and (m := _label_length(tokens, i + 1)):
            prefix, n, i = match_key(tokens[i].text), m, i + 1
        if not n:
            flush()
            blocks.append(Paragraph(tokens[i].text, page=tokens[i].page))
            i += 1
            continue
        label = prefix + "".join(match_key(t.text) for t in tokens[i : i + n])
        j = i + n
        value: list[str] = []
        while j < len(tokens) and not _label_length(tokens, j):
            nxt = _label_length(tokens, j + 1) if len(match_key(tokens[j].text)) <= MAX_LABEL_PREFIX else 0
            if value and (nxt or _soft_label(tokens[j])):
                break
            value.append(tokens[j].text)
            j += 1
            if not _label_length(tokens, j) and j < len(tokens) and _is_title_like(tokens[j].text):
                break
        text, rest = _until_furniture("\n".join(value))
        rows.append(RawRow([RawCell(label), RawCell(text)], page=tokens[i].page))
        if rest:
            flush()
            blocks.extend(Paragraph(line, page=tokens[i].page) for line in rest)
        i = j
    flush()
    labels = [r.cells[0].text or "" for b in blocks if isinstance(b, RawTable) for r in b.rows]
    if not labels or not {field_for_header(label) for label in labels} & {"task", "progress"}:
        return None
    return blocks


def _until_furniture(text: str) -> tuple[str, list[str]]:
    """A value cut at the first line of page furniture (来源：…, 扫一扫…): the page goes on after it."""
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if k and is_furniture(line):
            return "\n".join(lines[:k]).strip(), [t for t in lines[k:] if t.strip()]
    return text, []


def _is_title_like(text: str) -> bool:
    """A line naming a report form (…月报表, …情况表) between two records."""
    return bool(layout_patterns()["form_title"].search(text)) and len(text) <= 60
