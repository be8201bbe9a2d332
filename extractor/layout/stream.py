"""A cell stream: a web table copied as text, one cell per line (or per group of lines).

Cells are separated by blank lines, by lines holding only ``|``, or by nothing; nothing marks the
end of a row. Rows are found from the 序号 sequence and the header's column count. A table
flattened onto one line is read one cell per word.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Literal

from extractor.headers import (
    SEQ_PREFIX,
    field_for_header,
    header_candidates,
    header_cell_like,
    is_furniture,
    is_header_row,
    is_heading,
    layout_patterns,
    looks_like_units,
    parse_seq,
    reads_as_header,
)
from extractor.layout.base import LONG_LINE, MAX_HEADER_CELL, PIPE_ONLY, SENTENCE, Block, Line, trim
from extractor.layout.subrows import MAX_PIECES_PER_COLUMN, align, fit_score, kind, opening_column
from extractor.readers.raw import Paragraph, RawCell, RawRow, RawTable
from extractor.rules.compiled import compile_rule
from extractor.rules.data import load
from extractor.textnorm import match_key, match_view


@dataclass(slots=True)
class Token:
    text: str
    page: int | None
    bare_seq: int | None  # the 序号 when the token is nothing but a number
    first_line: int  # index of the token's first line


def _split_header_group(group: list[Line], first_line: int) -> list[Token]:
    """A group of lines that are each a known header ("序號" / "政策項目" / …) is one cell a line."""
    if len(group) > 1 and all(field_for_header(line.text) and len(trim(line.text)) <= 20 for line in group):
        return [_token([line], first_line + k) for k, line in enumerate(group)]
    return [_token(group, first_line)]


def _token(lines: list[Line], first_line: int) -> Token:
    text = trim("\n".join(trim(line.text) for line in lines))
    seq = parse_seq(text) if "\n" not in text else None
    return Token(text, lines[0].page, seq, first_line)


def stream_tokens(lines: list[Line], *, per_line: bool, blanks: bool = False) -> list[Token]:
    """Cells of a stream: groups of lines between blank or ``|`` lines; a bare number is its own cell.
    With ``blanks`` (one cell a line), a blank line after the first cell is an empty cell."""
    tokens: list[Token] = []
    group: list[Line] = []
    group_start = 0
    for index, line in enumerate(lines):
        if not line.text.strip() or PIPE_ONLY.match(line.text):
            if group:
                tokens.extend(_split_header_group(group, group_start))
                group = []
            if blanks and tokens and not line.text.strip() and index < len(lines) - 1:
                tokens.append(Token("", line.page, None, index))  # (not the text's closing line end)
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
    return _join_continued(tokens)


LIST_OPEN = compile_rule(r"[、，,；;]$")  # a cell that ends inside a list of names goes on


def _join_continued(tokens: list[Token]) -> list[Token]:
    """A cell broken over paragraphs inside a list of names ("区科技局、" / "投促局、" / "十六里河
    街道办事处"): a token ending with a list separator goes on in the next one, when both are
    unit names."""
    out: list[Token] = []
    for token in tokens:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.bare_seq is None
            and token.bare_seq is None
            and LIST_OPEN.search(previous.text)
            and looks_like_units(previous.text.rstrip("、，,；;"))
            and looks_like_units(token.text)
        ):
            out[-1] = Token(previous.text + token.text, previous.page, None, previous.first_line)
            continue
        out.append(token)
    return out


def _category_line(text: str) -> bool:
    """A category or section line: heading-like, short, not a sentence ("二、完成设备安装。" is an
    enumerated sentence inside a cell, "二、交通基础设施提升工程" a category)."""
    return is_heading(text) and len(text.strip()) <= 40 and not SENTENCE.search(text)


def _seq_header(text: str) -> bool:
    """序号 (or 编号, 序號 …) alone on its line: the first header cell, even right under the title."""
    return len(match_key(text)) <= 3 and field_for_header(text) == "seq"


def _heading_before_seq(lines: list[Line], index: int) -> bool:
    if not _category_line(lines[index].text):
        return False
    following = next((line.text for line in lines[index + 1 :] if line.text.strip()), "")
    return parse_seq(following) is not None


def _header_like(token: Token) -> bool:
    return not is_heading(token.text) and header_cell_like(token.text, max_unknown=MAX_HEADER_CELL)


def cell_stream(lines: list[Line]) -> list[Block] | None:
    """Rows of a table written one cell per line (see the module docstring), or None.

    Tried three ways: cells as groups of lines between blank lines; one cell per line; and, for
    a table flattened onto a line (a document-sharing site's text view), one cell per word,
    rows then rebuilt from the 序号 sequence and the header's width.
    """
    found = None
    for mode in ("groups", "lines", "words"):
        found = _read_stream(lines, mode)
        if found is not None:
            break
    if found is None:
        return None
    if any(not line.text.strip() for line in lines):
        # A blank line between one cell a line may stand for an empty cell (a merged cell a web
        # page's copy wrote as nothing, the cells under it then one fewer): that reading is weighed
        # against the one above by the evidence the layout stage weighs every proposal by.
        blanks = _read_stream(lines, "blanks")
        if blanks is not None:
            from extractor.layout.evidence import weigh

            total = sum(1 for line in lines for ch in line.text if not ch.isspace() and ch not in "|｜")
            if weigh(blanks[0], total).score > weigh(found[0], total).score + BLANKS_MARGIN:
                found = blanks
    blocks, rest = found
    if rest:
        # Another table further on (附件1, then 附件2): the lines after this one, read again (once:
        # each table's readings are weighed before the next is read).
        later = cell_stream(rest)
        if later is not None:
            blocks = [*blocks[: len(blocks) - _trailing_paragraphs(blocks)], *later]
    return blocks


def _trailing_paragraphs(blocks: list[Block]) -> int:
    return next((k for k, block in enumerate(reversed(blocks)) if not isinstance(block, Paragraph)), len(blocks))


BLANKS_MARGIN = 0.1  # what blank lines read as empty cells must win by (blank lines part cells more often)


def _read_stream(lines: list[Line], mode: str) -> tuple[list[Block], list[Line]] | None:
    """The stream read one way: ``groups`` (a cell a group of lines between blank lines), ``lines``
    (a cell a line), ``blanks`` (a cell a line, a blank line an empty cell), ``words``: the blocks
    (the lines after the table as paragraphs) and those lines, which may hold another table."""
    source = _words(lines) if mode == "words" else lines
    tokens = stream_tokens(source, per_line=mode != "groups", blanks=mode == "blanks")
    found = _stream_header(tokens)
    if found is None and mode != "words":
        # the 序号 on the task's line ("1.推进…"): each row's number taken off its first cell
        tokens = _unglued(tokens) or tokens
        found = _stream_header(tokens)
    if found is None:
        return None
    start, end = found
    if mode == "groups" and (not _separated(source, tokens, end) or _rows_blocked(source, tokens, end, end - start)):
        return None  # no blank line between the first rows' cells: one cell per line
    table, after = _stream_rows(
        tokens, start, end, kind="words" if mode == "words" else "stream", runs_on=mode == "blanks"
    )
    if table is None:
        return None
    before = _lines_before(source, tokens[start])
    if mode == "words" and before:
        before = [Paragraph(" ".join(b.text for b in before if isinstance(b, Paragraph)), page=before[0].page)]
    rest: list[Block] = [Paragraph(t.text, page=t.page) for t in after if t.text]
    later = source[after[0].first_line :] if mode != "words" and after else []
    return [*before, table, *rest], later


def _words(lines: list[Line]) -> list[Line]:
    """Each whitespace-separated word of the long lines as a line of its own."""
    if not any(len(line.text) > LONG_LINE for line in lines):
        return []
    return [Line(word, line.page) for line in lines for word in line.text.split()]


def _separated(lines: list[Line], tokens: list[Token], end: int) -> bool:
    """Whether blank or ``|`` lines separate the cells of the first rows after the header."""
    seqs = [t.first_line for t in tokens[end:] if t.bare_seq is not None][:3]
    if len(seqs) < 2:
        seqs = [tokens[end].first_line, len(lines)] if end < len(tokens) else []
    if len(seqs) < 2:
        return True
    between = lines[seqs[0] : seqs[-1]]
    return any(not line.text.strip() or PIPE_ONLY.match(line.text) for line in between)


def _rows_blocked(lines: list[Line], tokens: list[Token], end: int, width: int) -> bool:
    """Whether the blank lines stand between rows, not cells: the first rows, a group of lines each,
    hold fewer than half the header's cells as groups but as many lines as they would as cells
    (a row written one cell a line, a blank line after the row)."""
    seqs = [k for k in range(end, len(tokens)) if tokens[k].bare_seq is not None][:4]
    if len(seqs) < 2 or width < 4:
        return False
    for a, b in itertools.pairwise(seqs):
        held = sum(1 for line in lines[tokens[a].first_line : tokens[b].first_line] if line.text.strip())
        if 2 * (b - a) > width or held < width - 2:
            return False
    return True


def _stream_header(tokens: list[Token]) -> tuple[int, int] | None:
    """[start, end) of the header tokens: a run of header cells followed by the first 序号.

    Linear in the tokens: each token's field and header likeness is read once, and where its run
    of header-like tokens ends and where the next 序号 cell is are found in one backward pass, so
    a long run of header-like lines (工作任务 / 进展情况 / … repeated) is not walked again from each
    of its tokens naming 序号 or 任务; what follows a run (its first row) is judged once a run."""
    count = len(tokens)
    fields = [field_for_header(t.text) for t in tokens]
    run_end = [count] * (count + 1)  # the end of the run of header-like tokens from each token
    next_seq = [count] * (count + 1)  # the first token naming 序号 at or after each token
    for k in range(count - 1, -1, -1):
        run_end[k] = run_end[k + 1] if _header_like(tokens[k]) else k
        next_seq[k] = k if fields[k] == "seq" else next_seq[k + 1]
    rows_open: dict[int, bool] = {}  # first row after a run's end → whether rows open there
    for start in range(count):
        if fields[start] not in ("seq", "task"):
            continue
        end = max(run_end[start], start)
        seq_at = next_seq[start] if next_seq[start] < end else None
        if seq_at is not None and seq_at > start:
            continue  # a title line that names a header word ("…主抓重点工作") stands before 序号
        if end - start < 3:
            continue
        if end not in rows_open:
            first_row = end
            while first_row < count and first_row - end < 3 and is_heading(tokens[first_row].text):
                first_row += 1
            rows_open[end] = first_row < count and _opens_rows(tokens, first_row)
        if rows_open[end] and is_header_row([t.text for t in tokens[start:end]]):
            return start, end
    return None


def _opens_rows(tokens: list[Token], k: int) -> bool:
    """Whether token ``k`` is a first row's 序号: a bare number that is 1, or whose next number
    follows in the text ("1300" under a header is a count, the first row's cell of a table
    numbering no rows)."""
    seq = tokens[k].bare_seq
    return seq is not None and (seq == 1 or any(t.bare_seq == seq + 1 for t in tokens[k + 1 :]))


def _next_row_start(tokens: list[Token], i: int, width: int, narrower: bool = False) -> int | None:
    """Index of the token that starts the row after the one starting at ``i``, or None (last row).

    The next 序号 is the number one higher; a count column can hold that number too, so of the
    candidates the one nearest a whole row's width away wins (a row may lack a merged cell or
    have a cell split in two). A row that reaches the end of the tokens is the last.
    """
    seq = tokens[i].bare_seq
    assert seq is not None
    if i + width >= len(tokens):
        # the last rows, narrower than the header (merged cells left out): the next number still
        # opens a row when a row's cells, as few as the rows before it hold, follow it
        last = [j for j in range(i + 2, len(tokens)) if tokens[j].bare_seq == seq + 1]
        return last[0] if narrower and last and len(tokens) - last[0] >= 2 else None
    candidates = [j for j in range(i + 2, len(tokens)) if tokens[j].bare_seq == seq + 1]
    if not candidates:
        candidates = [j for j in range(i + 2, len(tokens)) if (n := tokens[j].bare_seq) and seq < n <= seq + 3]
    if not candidates:
        return None
    return min(candidates, key=lambda j: (abs(j - i - width), j))


def _stream_rows(
    tokens: list[Token], start: int, end: int, kind: Literal["stream", "words"] = "stream", *, runs_on: bool = False
) -> tuple[RawTable | None, list[Token]]:
    header = tokens[start:end]
    width = len(header)
    # A category column before 序号: its cell (a heading) opens the row instead of standing above it.
    category_first = width > 1 and field_for_header(header[1].text) == "seq"
    spans: list[tuple[int, int]] = []  # [from, to) token ranges of the rows
    sections: dict[int, list[Token]] = {}  # row index → headings standing before it
    i = end
    row_start = i
    pending: list[Token] = []
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
        nxt = _next_row_start(tokens, i, width, narrower=len(spans) >= 2 and all(b - a < width for a, b in spans[-2:]))
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
        while (
            cut - 1 > i + 1
            and cut - row_start > width
            and _category_line(tokens[cut - 1].text)
            and not layout_patterns()["status_phrase"].match(match_view(tokens[cut - 1].text))  # "已完成" ends its row
        ):
            cut -= 1
        spans.append((row_start, cut))
        if cut < nxt:
            sections[len(spans)] = tokens[cut:nxt]
        i = nxt
    if not spans:
        return None, []
    widths = Counter(b - a for a, b in spans[:-1]) if len(spans) > 1 else Counter({width: 1})
    row_width = widths.most_common(1)[0][0]
    last_start, last_stop = spans[-1]
    wider = sum(1 for a, b in spans[:-1] if b - a == row_width) >= SPANNING_SHARE * (len(spans) - 1)
    if row_width > width and last_stop - last_start == width and i == last_stop and len(spans) > 2 and wider:
        # the rows are wider than the header (a header cell over two columns): the last row, which
        # no next 序号 closes, takes a row's width too, not the header's
        i = min(last_start + row_width, len(tokens))
        spans[-1] = (last_start, i)
    # The document ends inside the last row when it is shorter than the rows before it.
    cut_off = spans[-1][1] == len(tokens) and spans[-1][1] - spans[-1][0] < min(row_width, width)
    group = _group_over_the_rest(tokens, spans, header) if kind == "stream" else None
    # (the widest rows are the whole ones: the others may leave merged cells out)
    full_width = max((b - a for a, b in spans[:-1]), default=row_width)
    rows = _group_header_rows(header, group) if group is not None else _stream_header_rows(header, row_width)
    if group is None and len(rows) == 1 and full_width != row_width:
        rows = _stream_header_rows(header, full_width)
    if kind == "stream" and group is None and len(rows) == 1:
        rows = _two_row_header(tokens, spans, header) or _spanning_header(tokens, spans, header) or rows
    fields = _column_fields(rows)
    if kind == "stream" and _last_row_goes_on(tokens, spans[-1], fields, runs_on=runs_on):
        spans[-1], i = (spans[-1][0], len(tokens)), len(tokens)
    opens_at: int | None = None  # where the rows under merged cells open (a cut row's guide)
    own_cells: set[int] = set()  # columns the rows under merged cells write themselves
    # What each column holds in the rows that write every column: where a narrower row's merged
    # cells stand (``_merged_gaps``).
    whole = [tokens[a:b] for a, b in spans[:-1] if b - a == len(fields)] if kind == "stream" else []
    column_kinds = [{kind_of(row[c].text) for row in whole} for c in range(len(fields))] if whole else []
    profiles = _column_profiles(tokens, spans, fields) if kind == "stream" else []
    one_header_row = len(rows) == 1  # (under a header of two rows, narrower rows are rows under merged cells)
    for index, (a, b) in enumerate(spans):
        for heading in sections.get(index, []):
            rows.append(RawRow([RawCell(heading.text)], page=heading.page))
        # A row the document ends inside is left short, so the table stage can tell it was cut.
        loose = not (cut_off and index == len(spans) - 1)
        at_end = b == len(tokens)
        under = (
            _rows_under_merged_cells(tokens[a:b], fields, open_end=at_end, opens_at=opens_at, empties_written=runs_on)
            if kind == "stream"
            else None
        )
        if under is not None:
            opening = opening_column(under)
            opens_at = opening if opening is not None else opens_at
            if at_end and len(under) > 1 and not (runs_on and not tokens[b - 1].text):
                # (an empty cell written last, where empty cells are written, closes the row: not cut)
                under[-1] = _cut_row(under[-1], own_cells)
            own_cells.update(c for row in under[1:] for c, cell in enumerate(row) if cell is not None)
            for texts in under:
                cells = [RawCell(None, merge="above") if t is None else RawCell(t) for t in texts]
                rows.append(RawRow(cells, page=tokens[a].page))
            continue
        texts = [t.text for t in tokens[a:b]]
        fitted = (
            _fitted_row(texts, fields, profiles, cut=at_end)
            if kind == "stream" and one_header_row and (loose or at_end) and _fits_by_rows(texts, fields, profiles)
            else None
        )
        if fitted is not None:
            rows.append(RawRow([RawCell(t) for t in fitted], page=tokens[a].page))
            continue
        if at_end and (joined := _items_joined(texts, fields)) != texts:
            # the row the document ends in, its cell's items one a paragraph: one cell, the row cut
            texts, loose = joined, loose and len(joined) >= len(fields)
        # (the last row too: one a merged cell leaves narrower is whole, not cut, when the columns say so)
        gaps = _merged_gaps(texts, column_kinds) if column_kinds and (loose or at_end) else None
        if gaps is not None:
            rows.append(RawRow(gaps, page=tokens[a].page))
            continue
        if at_end and column_kinds and len(texts) < len(fields):
            loose = False  # the last row, narrower than the whole rows, its cells where they stand: cut
        rows.append(RawRow([RawCell(t) for t in texts], page=tokens[a].page, loose=loose))
    return RawTable(rows, kind=kind), pending + tokens[i:]


ITEM_CELLS = frozenset({"progress", "issues", "plan"})  # cells that list their report in items


def kind_of(text: str) -> str:
    """A cell's coarse kind (``subrows.kind``, a short name and a sentence both text)."""
    found = kind(text)
    return "text" if found == "name" else found


MAX_MERGED_GAPS = 2  # merged cells a numbered row may leave out


def _merged_gaps(texts: list[str], column_kinds: list[set[str]]) -> list[RawCell] | None:
    """A numbered row a cell or two narrower than the rows that write every column: the cells a
    merge above covers were left out of the copy ("2 | 2025 | 启动实施…" under "1 | 一、优质教育综合
    提升工程 | 2024-2025 | 完成…": the project's name merged over both). They stand where the row's
    texts then match what the whole rows hold in each column (a date under the years, text under
    the task), of equals the leftmost; those cells are left empty (an empty unit cell is the one
    above's, the table stage says; a name or a target over several rows is no row's own text).
    None when the row is not so narrow, or no place matches better than the row as written."""
    width = len(column_kinds)
    missing = width - len(texts)
    if not 1 <= missing <= MAX_MERGED_GAPS or not texts:
        return None
    kinds = [kind_of(t) for t in texts]

    def matched(gaps: tuple[int, ...]) -> int:
        placed = iter(kinds)
        return sum(1 for c in range(width) if c not in gaps and next(placed) in column_kinds[c])

    as_written = sum(1 for c, k in enumerate(kinds) if k in column_kinds[c])
    best = max(itertools.combinations(range(1, width), missing), key=lambda gaps: (matched(gaps), [-g for g in gaps]))
    if matched(best) <= as_written:
        return None
    cells: list[RawCell] = []
    written = iter(texts)
    for c in range(width):
        cells.append(RawCell("") if c in best else RawCell(next(written)))
    return cells


def _items_joined(texts: list[str], fields: list[str | None]) -> list[str]:
    """The cells of the row a document ends in, with a paragraph that opens the item after the one
    the paragraph before it opens ("1.实现…" then "2.一体化…") joined to that cell: the items of one
    cell, broken into paragraphs, not two cells. (A whole row with more paragraphs than columns is
    regrouped by the table stage; a row cut short is read as it stands, cell by cell.) Only in a
    column that reports (进展情况, 存在问题, 下步计划): a task's items are the task's own."""
    out: list[str] = []
    for text in texts:
        reports = len(out) - 1 < len(fields) and fields[len(out) - 1] in ITEM_CELLS
        if out and reports and _next_item(out[-1].rsplit("\n", 1)[-1], text):
            out[-1] += "\n" + text
        else:
            out.append(text)
    return out


def _next_item(left: str, right: str) -> bool:
    """Whether ``right`` opens the item after the one ``left`` opens ("1、…" then "2、…")."""
    a, b = SEQ_PREFIX.match(match_view(left)), SEQ_PREFIX.match(match_view(right))
    return bool(a and b) and int(b.group(1)) == int(a.group(1)) + 1


def _cut_row(row: list[str | None], own_cells: set[int]) -> list[str | None]:
    """The last row under merged cells of a document that may end inside it: a column after its
    last piece that such rows write themselves (not a merged cell from above) is past the cut,
    unknown, so the row ends before it; a merged column stays merged."""
    last = max((c for c, cell in enumerate(row) if cell), default=0)
    end = len(row)
    while end - 1 > last and (row[end - 1] == "" or (row[end - 1] is None and end - 1 in own_cells)):
        end -= 1
    return row[:end]


def _field_of(header: str) -> str | None:
    """A header cell's field: by its synonyms, else by the morphemes it is made of."""
    return field_for_header(header) or reads_as_header(header)


def _column_fields(header_rows: list[RawRow]) -> list[str | None]:
    """The field each data column's header names (the lowest header row that names one)."""
    fields: list[str | None] = []
    for position in range(len(header_rows[-1].cells)):
        texts = [row.cells[position].text for row in reversed(header_rows) if position < len(row.cells)]
        fields.append(next((f for t in texts if t and (f := _field_of(t))), None))
    return fields


def _rows_under_merged_cells(
    span: list[Token],
    fields: list[str | None],
    *,
    open_end: bool = False,
    opens_at: int | None = None,
    empties_written: bool = False,
) -> list[list[str | None]] | None:
    """A span with more cells than a row has columns, read as its numbered row and rows under
    merged cells (see subrows.py); None when one row (with cells broken over lines) reads better.
    ``open_end``: the span runs to the document's end, which may cut its last row short."""
    if len(span) <= len(fields) or span[0].bare_seq is None or fields[0] != "seq":
        return None
    found = align([t.text for t in span], fields, open_end=open_end, opens_at=opens_at, empties_written=empties_written)
    if found is None or len(found[1]) < 2 or _wrapped_tail(found[1]):
        return None
    return found[1]


def _wrapped_tail(rows: list[list[str | None]]) -> bool:
    """Whether the one row read under merged cells is a single line going on in the numbered row's
    last cell, which it broke off mid-sentence ("2021年,全市一般公共预" / "算收入361.2亿元…"): a cell
    wrapped over two lines, not a row of its own."""
    if len(rows) != 2:
        return False
    pieces = [c for c, cell in enumerate(rows[1]) if cell is not None and cell != ""]
    if len(pieces) != 1:
        return False
    column = pieces[0]
    last = max((c for c, cell in enumerate(rows[0]) if cell), default=-1)
    above = rows[0][column]
    return last == column and bool(above) and not ENDS_SENTENCE.search(match_view(above or ""))


CLOSING_DATE = compile_rule(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")


def _last_row_goes_on(
    tokens: list[Token], span: tuple[int, int], fields: list[str | None], *, runs_on: bool = False
) -> bool:
    """Whether the cells after the last numbered row (taken a row's width) are rows under its
    merged cells: few, no note, furniture or closing date among them, and read as such rows.
    ``runs_on``: where blank lines stand for empty cells, a merged cell's rows end where the
    empty cells say, and there may be many (one 序号 over a project's every target)."""
    rest = tokens[span[1] :]
    while rest and not rest[-1].text:
        rest = rest[:-1]
    most = (MAX_PIECES_PER_COLUMN - 1 if runs_on else 2) * len(fields)
    if not rest or len(rest) > most or span[0] >= span[1] or tokens[span[0]].bare_seq is None:
        return False
    if any(layout_patterns()["note"].match(t.text) or is_furniture(t.text) or CLOSING_DATE.match(t.text) for t in rest):
        return False
    found = align([t.text for t in tokens[span[0] :]], fields, open_end=True, empties_written=runs_on)
    return found is not None and len(found[1]) >= 2


UNREAD_SPAN = -10.0  # what a span no reading closes costs a header reading


def _reading_cost(tokens: list[Token], spans: list[tuple[int, int]], columns: list[str | None]) -> float:
    """How well the rows (``spans`` of ``tokens``) read under ``columns`` (an unread row costs
    UNREAD_SPAN): what decides between two readings of a header."""
    found = [align([t.text for t in tokens[a:b]], columns) for a, b in spans]
    return sum(f[0] if f is not None else UNREAD_SPAN for f in found)


def _group_over_the_rest(tokens: list[Token], spans: list[tuple[int, int]], header: list[Token]) -> int | None:
    """The header cell that is a group over the columns after it ("序号 项目 省工作目标 嵊州 牵头单位
    1-9月进展情况 全面完成预计时间": 嵊州 over the last three), or None. A cell that names no field
    is a group when the rows read better without a column of its own."""
    fields = [_field_of(t.text) for t in header]
    if fields[0] != "seq":
        return None

    def total(columns: list[str | None]) -> float:
        return _reading_cost(tokens, spans, columns)

    best, choice = total(fields), None
    for g in range(1, len(header) - 2):
        if fields[g] is None:
            score = total(fields[:g] + fields[g + 1 :])
            if score > best:
                best, choice = score, g
    return choice


def _group_header_rows(header: list[Token], group: int) -> list[RawRow]:
    """The header as two rows: the group cell over the cells after it."""
    texts = [t.text for t in header]
    subs = texts[group + 1 :]
    top = [RawCell(t) for t in texts[: group + 1]] + [RawCell(None, merge="left")] * (len(subs) - 1)
    bottom = [RawCell("")] * group + [RawCell(t) for t in subs]
    return [RawRow(top, page=header[0].page), RawRow(bottom, page=header[0].page)]


def _group_heading(token: Token) -> bool:
    """A short line that is not a sentence: what names a group of rows ("某副市长主抓重点工作")."""
    text = token.text
    return token.bare_seq is None and len(text) <= 30 and "\n" not in text and not SENTENCE.search(text)


def _repeated_header(tokens: list[Token], header: list[Token], start: int, stop: int) -> int | None:
    keys = [match_key(t.text) for t in header]
    for j in range(start, stop - len(keys) + 1):
        if [match_key(t.text) for t in tokens[j : j + len(keys)]] == keys:
            return j
    return None


def _stream_header_rows(header: list[Token], row_width: int) -> list[RawRow]:
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


MAX_HEADER_GROUPS = 3


def _two_row_header(tokens: list[Token], spans: list[tuple[int, int]], header: list[Token]) -> list[RawRow] | None:
    """The header read as two rows copied one after the other (``_groups_over_subs``), when the
    rows read better under its columns than under the header's cells side by side: the data
    decides, as for a group over the rest (``_group_over_the_rest``)."""
    texts = [t.text for t in header]
    fields = [_field_of(t) for t in texts]
    if fields[0] != "seq":
        return None

    def total(columns: list[str | None]) -> float:
        return _reading_cost(tokens, spans, columns)

    best, choice = total(fields), None
    for groups in range(1, MAX_HEADER_GROUPS + 1):
        grouped = _groups_over_subs(texts, groups)
        if grouped is None:
            continue
        rows = [RawRow(grouped[0], page=header[0].page), RawRow(grouped[1], page=header[0].page)]
        score = total(_column_fields(rows))
        if score > best:
            best, choice = score, rows
    return choice


SPANNING_SHARE = 0.6  # rows that must be one cell wider than the header for a header cell to span two
MIN_SPANNING_ROWS = 2  # … and at least this many


def _spanning_header(tokens: list[Token], spans: list[tuple[int, int]], header: list[Token]) -> list[RawRow] | None:
    """The header with one cell standing over two columns, when the rows (from one 序号 to the next)
    are one cell wider than the header ("序號 / 年度任務 / 本月進展 …" over "1 / 美麗鄉村建設 / 創建4個… /
    完成135個…": 年度任務 over a name and its target). Which cell spans is for the rows to say: the
    reading whose rows fit their columns best, and of equals the one whose two columns under the
    cell hold a short name over a longer text (a name and its content) in the most rows. The cell
    is written over both columns (the table stage reads a name and a target under one header as the
    task and its target). None when the rows are not so, or read better under the header as it stands (the
    wider rows being rows under merged cells, ``subrows.align``)."""
    width = len(header)
    lengths = [b - a for a, b in spans[:-1]] or [b - a for a, b in spans]
    wider = sum(1 for n in lengths if n == width + 1)
    if wider < MIN_SPANNING_ROWS or wider < SPANNING_SHARE * len(lengths):
        return None  # (one row a cell wider is as likely a cell broken over two paragraphs)
    fields = [_field_of(t.text) for t in header]
    if fields[0] != "seq":
        return None
    exact = [(a, b) for a, b in spans if b - a == width + 1]
    scored = []
    for g in range(1, width):
        columns = fields[: g + 1] + fields[g:]
        contrast = sum(1 for a, _ in exact if _name_like(tokens[a + g].text) and not _name_like(tokens[a + g + 1].text))
        scored.append((_reading_cost(tokens, spans, columns), contrast, -g))
    best = max(scored)
    if best[0] <= _reading_cost(tokens, spans, fields):
        return None  # the cells past the header's width read better as rows under merged cells
    if best[1] < SPANNING_SHARE * len(exact):
        # the wider rows hold no short name before a longer text under one cell: a long cell
        # wrapped over two lines (a web copy's line breaks, anywhere in the cell), not two columns
        return None
    g = -best[2]
    texts = [t.text for t in header]
    return [RawRow([RawCell(t) for t in [*texts[: g + 1], *texts[g:]]], page=header[0].page)]


ENDS_SENTENCE = compile_rule(r"(?:[。；;！？!?]|(?<!\d)[.．])\s*$")


def _name_like(text: str) -> bool:
    """A short name ("美丽乡村建设", "綠道建設"), not a sentence: what stands first under a header
    cell over a name and its content."""
    view = match_view(text)
    return len(match_key(text)) <= MAX_HEADER_CELL and not SENTENCE.search(view) and not ENDS_SENTENCE.search(view)


MAX_GROUP_READINGS = 2000  # ways of placing groups and their sub-columns weighed (a header is short)


def _groups_over_subs(texts: list[str], groups: int) -> tuple[list[RawCell], list[RawCell]] | None:
    """A header of two rows copied one cell per line: the first row's cells, then the second row's
    sub-cells ("序号 / 目标任务 / 区领导 / … / 工作进度 / 重点工作 / 主要内容 / 10月完成情况 / 进度状态 /
    情况说明": 目标任务 over 重点工作 and 主要内容, 工作进度 over the last three). The rows are
    ``groups`` cells narrower than the header: that many cells of the first row each stand over
    two or more sub-cells, in order. Of every such reading, the one whose sub-cells most often
    claim their group's meaning (``header_candidates``); None when none has every group claimed
    by a sub-cell. Returns the two header rows, a group's cell over its first sub-column (merged
    to the right over the others), the first row's other cells over an empty cell."""
    claims = [{name: strength for name, strength in header_candidates(t, morphemes=True)} for t in texts]
    best: tuple[float, int, list[int], list[int]] | None = None
    readings = (
        (split, chosen, sizes)
        for split in range(2, len(texts) - 2 * groups + 1)
        for chosen in itertools.combinations(range(1, split), groups)
        for sizes in _compositions(len(texts) - split, groups)
    )
    # (at most MAX_GROUP_READINGS of them, taken lazily: a long header has too many to list)
    for split, chosen, sizes in itertools.islice(readings, MAX_GROUP_READINGS):
        score, every = 0.0, True
        offset = split
        for g, size in zip(chosen, sizes, strict=True):
            wanted = claims[g]
            matched = [
                min(wanted[name], strength)
                for k in range(offset, offset + size)
                for name, strength in claims[k].items()
                if name in wanted
            ]
            every = every and len(matched) >= size  # every sub-cell claims its group's meaning
            score += sum(matched)
            offset += size
        if every and (best is None or score > best[0]):
            best = (score, split, list(chosen), list(sizes))
    if best is None:
        return None
    _, split, chosen, sizes = best
    top_cells: list[RawCell] = []
    bottom: list[RawCell] = []
    subs = iter(texts[split:])
    for k, text in enumerate(texts[:split]):
        if k in chosen:
            size = sizes[chosen.index(k)]
            top_cells += [RawCell(text), *(RawCell(None, merge="left") for _ in range(size - 1))]
            bottom += [RawCell(next(subs)) for _ in range(size)]
        else:
            top_cells.append(RawCell(text))
            bottom.append(RawCell(""))
    return top_cells, bottom


@cache
def _compositions(total: int, parts: int) -> tuple[tuple[int, ...], ...]:
    """Ways of writing ``total`` as ``parts`` ordered sizes of two or more."""
    if parts == 1:
        return ((total,),) if total >= 2 else ()
    firsts = range(2, total - 2 * (parts - 1) + 1)
    return tuple((first, *rest) for first in firsts for rest in _compositions(total - first, parts - 1))


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


def _lines_before(lines: list[Line], first: Token) -> list[Block]:
    """The paragraphs above the header: every non-blank line before the header's first line."""
    return [
        Paragraph(trim(line.text), page=line.page)
        for line in lines[: first.first_line]
        if line.text.strip() and not PIPE_ONLY.match(line.text)
    ]


# ---- a row's cells placed in their columns by what they hold ------------------------------------
# A web table copied one cell per line leaves no line for an EMPTY cell (a blank 备注, 配合单位 or
# 存在问题) and may break a long cell over two lines: a row then holds fewer or more lines than the
# header has columns, and read left to right its cells stand a column early or late. Each such row
# is read by placing its lines in the columns in order, each line opening the next cell of its own
# column (the columns between left empty) or going on in the cell before it, of every such reading
# the one whose cells best fit what their columns hold: the header's meaning (unit names under
# 牵头单位, a date under 完成时限, a person under 责任领导: ``subrows.fit_score``) and what the other
# rows hold in each column (the kinds of their cells, and their lengths: a remark is short, a
# progress report long).

KIND_WEIGHT = 1.5  # a cell of the kind its column's other cells are (share 1: +, share 0: −)
LENGTH_WEIGHT = 0.8  # per unit of log length away from the column's usual length …
LENGTH_CAP = 3.0  # … counted up to this far
EMPTY_COLUMN = -0.5  # a column the row leaves empty (a unit, a leader, a deadline, a remark …) …
EMPTY_PROGRESS = -1.0  # … the progress (a row may report nothing yet) …
EMPTY_TASK = -6.0  # … the task: what every row is written for (a task that reads like a unit's name
# "建成启用区级老年活动中心" is still the task, not a unit under 负责科室)
GOES_ON = -1.0  # a line going on in the cell before it (a cell wrapped over lines) …
GOES_ON_AFTER_STOP = -1.0  # … more when the line before it ends a sentence (a wrap breaks mid-sentence)
MIXED_LINES = 2  # … and more (this many times) when the two lines are of different kinds (a unit, a date)
EMPTIES = {"task": EMPTY_TASK, "progress": EMPTY_PROGRESS}
MAX_CELL_LINES = 4  # lines one cell may be wrapped over
MAX_FITTED_COLUMNS = 30  # a row is placed by its columns' evidence in tables at most this wide
CUT_MARGIN = 1.0  # what a reading with empty columns must beat a row cut short at the document's end by
RECURRING = 2.5  # a cell's text that a column repeating its values writes in other rows as it stands
# (续建项目 / 新建项目 under 备注): a value of that column, whatever the header's meaning says of its kind


@dataclass(slots=True)
class _Profile:
    rows: int
    kinds: Counter[str]
    log_length: float
    values: frozenset[str] = frozenset()  # the cells' texts as written (match_key)


def _log_length(text: str) -> float:
    return math.log(1 + len(match_key(text)))


def _column_profiles(
    tokens: list[Token], spans: list[tuple[int, int]], fields: list[str | None]
) -> list[_Profile | None]:
    """What each column holds in the rows written one line a cell (as many lines as columns, a
    序号 first): the kinds of its cells and their mean log length; None for a column no such row
    writes (the header's meaning alone then says what fits it)."""
    whole = [tokens[a:b] for a, b in spans if b - a == len(fields) and tokens[a].bare_seq is not None]
    if not whole:
        return []
    profiles: list[_Profile | None] = []
    for c in range(len(fields)):
        texts = [row[c].text for row in whole if row[c].text]
        if not texts:
            profiles.append(None)
            continue
        kinds = Counter(_piece_kind(t) for t in texts)
        # (only a column that repeats its values is read by them: a category column, 续建/新建项目;
        # a unit written once under 配合单位 says nothing of the unit of a row with fewer cells)
        values = frozenset(match_key(t) for t in texts)
        values = values if len(values) < len(texts) else frozenset()
        profiles.append(_Profile(len(texts), kinds, sum(map(_log_length, texts)) / len(texts), values))
    return profiles


def _piece_kind(text: str) -> str:
    """A line's kind (``subrows.kind``), and what that leaves as text: a deadline in words
    ("年底前") is a date, a long list of unit names ("市委社会工作部、市广播电视台、市地震局、…")
    units."""
    if _deadline_words().match(match_view(text)):
        return "date"
    found = kind(text)
    if found in ("text", "name") and looks_like_units(text):
        return "unit"
    return found


MIN_PROFILED_ROWS = 2  # rows written one line a cell that say how a wider row's lines group
MAX_WRAPS = 2  # lines a row may hold beyond its columns to be read by its columns' evidence


def _fits_by_rows(texts: list[str], fields: list[str | None], profiles: list[_Profile | None]) -> bool:
    """Whether a row's lines are placed by ``_fitted_row``: a row narrower than the columns (cells
    left out); a row a line or two wider (a cell wrapped) only where rows written one line a cell
    say what each column holds (else the table stage groups its pieces, the report's by default)."""
    if len(texts) < len(fields):
        return True
    return (
        len(texts) <= len(fields) + MAX_WRAPS
        and bool(profiles)
        and all(p is not None and p.rows >= MIN_PROFILED_ROWS for p in profiles)
    )


def _cell_fit(text: str, field: str | None, profile: _Profile | None) -> float:
    """How well ``text`` fits a column of ``field`` whose other cells are ``profile``."""
    piece = _piece_kind(text)
    score = fit_score(piece, field)
    if profile is not None and piece != "blank":
        # (counted as if one more row held something else: what one row shows is weak evidence)
        trust = profile.rows / (profile.rows + 1)
        share = profile.kinds[piece] / (profile.rows + 1)
        score += KIND_WEIGHT * (2 * share - trust)
        score -= trust * LENGTH_WEIGHT * min(abs(_log_length(text) - profile.log_length), LENGTH_CAP)
        if match_key(text) in profile.values:
            score += trust * RECURRING
    return score


def _fitted_row(
    texts: list[str], fields: list[str | None], profiles: list[_Profile | None], *, cut: bool = False
) -> list[str] | None:
    """The cells of a numbered row whose lines are not one a column (see above), or None when the
    row is not such (no 序号 column, as many lines as columns) or is the last, read best as
    written, left to right (cut short). ``cut``: the row is the last and shorter than the columns,
    so it may be cut short at the document's end; a reading that leaves columns in its middle
    empty must beat the row read as cut (its columns after the last line unknown, costing
    nothing) by CUT_MARGIN."""
    width = len(fields)
    if width < 3 or len(texts) < 2 or len(texts) == width or fields[0] != "seq" or parse_seq(texts[0]) is None:
        return None
    if len(texts) > MAX_CELL_LINES * width or width > MAX_FITTED_COLUMNS:
        return None  # (the placing weighs every column pair: its time stays bounded)
    cols = profiles or [None] * width
    kinds = ["text" if (k := _piece_kind(t)) == "name" else k for t in texts]

    @cache
    def cell(a: int, b: int, c: int) -> float:
        stops = sum(1 for t in texts[a : b - 1] if ENDS_SENTENCE.search(match_view(t)))
        stops += sum(MIXED_LINES for x, y in itertools.pairwise(kinds[a:b]) if x != y)
        return _cell_fit("\n".join(texts[a:b]), fields[c], cols[c]) + GOES_ON * (b - a - 1) + GOES_ON_AFTER_STOP * stops

    def empties(a: int, b: int) -> float:
        return sum(EMPTIES.get(fields[c] or "", EMPTY_COLUMN) for c in range(a, b))

    n = len(texts)
    # best[(i, c)]: texts[:i] placed, the last cell (ending at text i) in column c
    best: dict[tuple[int, int], tuple[float, tuple[int, int] | None]] = {(1, 0): (cell(0, 1, 0), None)}
    for i in range(2, n + 1):
        for c in range(1, width):
            for a in range(max(1, i - MAX_CELL_LINES), i):
                for c0 in range(c):
                    before = best.get((a, c0))
                    if before is None:
                        continue
                    score = before[0] + empties(c0 + 1, c) + cell(a, i, c)
                    if (i, c) not in best or score > best[(i, c)][0]:
                        best[(i, c)] = (score, (a, c0))
    ends = [(best[(n, c)][0] + empties(c + 1, width), c) for c in range(width) if (n, c) in best]
    if not ends:
        return None
    # (of readings that score alike, the one nearest the row as written: its cells leftmost, a
    # unit under 牵头单位 before 配合单位, the columns after its last line the empty ones)
    score, last = max(ends, key=lambda end: (round(end[0], 9), -end[1]))
    cells = [""] * width
    i, c = n, last
    while True:
        back = best[(i, c)][1]
        a = back[0] if back else 0
        cells[c] = "\n".join(texts[a:i])
        if back is None:
            break
        i, c = back
    if cut and cells[: len(texts)] == texts:
        return None  # as written: the last row, cut short where its lines end
    if cut and len(texts) < width:
        as_cut = sum(cell(k, k + 1, k) for k in range(len(texts)))
        if score < as_cut + CUT_MARGIN:
            return None
    return cells


def _unglued(tokens: list[Token]) -> list[Token] | None:
    """The tokens with each row's 序号 taken off the line it shares with the row's first cell
    ("1.推进…" → "1", "推进…"), when the header's first cell is 序号 and the first line after the
    header opens with 1 so: from one row's number, the next row's is the line opening with the
    next number nearest a row's width on (the header's width, its number sharing a line), not a
    report's own "2." further in. None when the stream is not so."""
    pattern = _glued_pattern()
    for start, token in enumerate(tokens):
        if not _seq_header(token.text):
            continue
        end = start + 1
        while end < len(tokens) and _header_like(tokens[end]) and not pattern.match(match_view(tokens[end].text)):
            end += 1
        width = end - start
        if width < 3 or end >= len(tokens):
            continue
        first = pattern.match(match_view(tokens[end].text))
        if first is None or int(first.group(1)) != 1:
            continue
        chosen = {end: 1}
        row, number = end, 1
        while True:
            number += 1
            reach = range(row + 2, min(len(tokens), row + MAX_CELL_LINES * width))
            candidates = [j for j in reach if _glued_number(tokens[j], pattern) == number]
            if not candidates:
                break
            row = min(candidates, key=lambda j: (abs(j - row - (width - 1)), j))
            chosen[row] = number
        if len(chosen) < 2:
            continue
        out: list[Token] = []
        for k, tok in enumerate(tokens):
            if k in chosen and tok.bare_seq is None:
                cut = pattern.match(match_view(tok.text))
                assert cut is not None
                out.append(Token(str(chosen[k]), tok.page, chosen[k], tok.first_line))
                out.append(Token(trim(tok.text[cut.end() :]), tok.page, None, tok.first_line))
            else:
                out.append(tok)
        return out
    return None


def _glued_number(token: Token, pattern) -> int | None:
    if token.bare_seq is not None:
        return token.bare_seq
    found = pattern.match(match_view(token.text))
    return int(found.group(1)) if found else None


@cache
def _glued_pattern():
    return compile_rule(load("layout")["stream"]["glued_seq"])


@cache
def _deadline_words():
    return compile_rule(load("layout")["stream"]["deadline_words"])
