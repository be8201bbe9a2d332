"""A table whose header names nothing we know, or that has none: columns named by what they hold.

The last resort of the layout stage, tried only when no proposal gave a table with rows: a grid
the text draws itself (tab or pipe rows) whose header the vocabulary cannot read — or that starts
with its first data row — is still a table. Each column is named by the kind of content most of
its cells hold (``classes.classify``): numbers counting up are the 序号, unit names the 责任单位,
dates the 完成时限, status words the 完成状态, persons the 责任人; of the text columns the first is
the task and the next the progress (the report, when one of them reads as reports). The names
written are the vocabulary's own, so the table stage reads them as any header; a header row the
text had, when it is one (short cells, no number, over rows of other kinds), is replaced, and its
texts stay in the table's title line. The layout is named ``<proposer>-headerless`` and its
confidence is capped low (``HEADERLESS_CONFIDENCE``): the reading is a guess the user should check.

Rows no proposer reads as a grid, parted by tabs or runs of spaces with no header line
(``gapped_rows``), are offered here too, read only when their content bears a table out.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from functools import cache

import regex

from extractor.headers import field_for_header, header_cell_like, parse_seq
from extractor.layout.base import Block, Line, trim
from extractor.layout.classes import classify
from extractor.readers.raw import Paragraph, RawCell, RawRow, RawTable
from extractor.rules.compiled import compile_rule
from extractor.rules.data import load
from extractor.textnorm import match_key, match_view

HEADERLESS_CONFIDENCE = 0.2  # the most a content-named reading may claim
MIN_ROWS = 2
MIN_WIDTH = 2
MAJORITY = 0.5  # share of a column's filled cells of one kind that names it
TEXT = frozenset({"prose", "report", "short", "figure", "percent", "measure"})
NAMES = {  # kind → the header written for it (the vocabulary's own words)
    "seq": "序号",
    "unit": "责任单位",
    "date": "完成时限",
    "status": "完成状态",
    "person": "责任人",
}
VALUES = frozenset({"number", "percent", "figure", "measure"})
TASK, PROGRESS, PARTNERS = "工作任务", "进展情况", "配合单位"


def content_named(blocks: list[Block]) -> list[Block] | None:
    """``blocks`` with each table's header written from its columns' content; None when no table
    has rows enough and a text column to name. Tables next to each other with no text between and
    rows of one width are one table first: rows written one a paragraph (a blank line after each)
    are read by a proposer as tables of one row each."""
    out: list[Block] = []
    named = False
    for block in _adjacent_joined(blocks):
        if isinstance(block, RawTable) and (table := _named_table(block)) is not None:
            header_text, table = table
            if header_text:
                out.append(Paragraph(header_text, page=table.rows[0].page))
            out.append(table)
            named = True
        else:
            out.append(block)
    return out if named else None


def _adjacent_joined(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (
            isinstance(block, RawTable)
            and isinstance(previous, RawTable)
            and previous.kind == block.kind
            and {len(r.cells) for r in previous.rows} == {len(r.cells) for r in block.rows}
            and len({len(r.cells) for r in block.rows}) == 1
        ):
            out[-1] = RawTable([*previous.rows, *block.rows], kind=previous.kind, layout=previous.layout)
        else:
            out.append(block)
    return out


def _named_table(table: RawTable) -> tuple[str | None, RawTable] | None:
    rows = [row for row in table.rows if sum(1 for c in row.cells if (c.text or "").strip()) >= MIN_WIDTH]
    if len(rows) < MIN_ROWS:
        return None
    width = Counter(len(row.cells) for row in rows).most_common(1)[0][0]
    if width < MIN_WIDTH:
        return None
    first_is_header = _reads_as_header_row(rows, width)
    body = rows[1:] if first_is_header else rows
    if len(body) < MIN_ROWS:
        return None
    names = _column_names(body, width)
    if names is None:
        return None
    written = [(c.text or "").strip() for c in rows[0].cells]
    if first_is_header:
        names = _as_written(names, written)
    header = RawRow([RawCell(name) for name in names], page=body[0].page)
    title = " | ".join(t for t in written if t) if first_is_header else None
    kept = [row for row in table.rows if row is not rows[0]] if first_is_header else list(table.rows)
    return title, RawTable([header, *kept], kind=table.kind, layout=table.layout)


def _as_written(names: list[str], written: list[str]) -> list[str]:
    """The names corrected by what the written header says of its value columns: the one naming
    what was reached (實際表現, 全年实际值) holds the progress, one naming the aim (目标, 指标值) the
    target it answers (``lastresort.header_word``); one naming a limit (承诺时限: a ceiling, no target
    to reach) keeps its written header; the task stays the first text column."""
    from extractor.layout.lastresort import AIM, header_word

    said = [header_word(text) for text in written[: len(names)]]
    if "reached" not in said:
        return names
    out = [f"列{p + 1}" if name == PROGRESS else name for p, name in enumerate(names)]
    for p, word in enumerate(said):
        if word == "limit" and out[p] != TASK and written[p]:
            out[p] = written[p]
    reached = len(said) - 1 - said[::-1].index("reached")
    if out[reached] != TASK:
        out[reached] = PROGRESS
        aims = [p for p in range(reached) if said[p] == "aim" and out[p] != TASK]
        if aims:
            out[aims[-1]] = AIM
        return out
    return names


def _reads_as_header_row(rows: list[RawRow], width: int) -> bool:
    """The first row is a header the vocabulary does not know: every cell short and numberless,
    and under at least one of its cells the rows hold another kind (numbers, long text)."""
    first = [(c.text or "").strip() for c in rows[0].cells]
    if not any(first) or not all(_header_cell(t) for t in first if t):
        return False
    for position in range(min(width, len(first))):
        below = Counter(_kind(r, position) for r in rows[1:] if _kind(r, position) != "empty")
        if below and below.most_common(1)[0][0] in ("seq", "prose", "report", "unit", "date"):
            return True
        # a column of values (30分鐘, 95%, 12) under a word that is none (目標, 服務標準)
        if below and below.most_common(1)[0][0] in VALUES and _kind(rows[0], position) not in VALUES:
            return True
    return False


def _header_cell(text: str) -> bool:
    """Short, no sentence, no number and not a value ("6.5", "80%"): what a header cell holds."""
    return header_cell_like(text, max_unknown=10) and classify(text) not in ("number", "percent", "figure")


def _kind(row: RawRow, position: int) -> str:
    if position >= len(row.cells):
        return "empty"
    text = (row.cells[position].text or "").strip()
    if not text:
        return "empty"
    # (a phone number is no task: a directory's column, named by its place, no field)
    return "contact" if is_contact(text) else classify(text)


@cache
def _contact_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    data = load("layout")["fix31"]
    return compile_rule(data["contact"]), compile_rule(data["contact_label"])


def is_contact(text: str) -> bool:
    """Whether a cell is a contact detail alone (a phone number, a mobile, an email: layout.toml
    [fix31] contact): a directory's, never a task, a value or a report."""
    return bool(_contact_patterns()[0].match(match_view(text)))


def ends_in_contact_label(text: str) -> bool:
    """Whether a text ends in the word naming a phone line (咨询电话, 服務熱線：): a number glued
    after it is the line's (layout.toml [fix31] contact_label)."""
    return bool(_contact_patterns()[1].search(match_view(text)))


def column_names(body: list[RawRow], width: int) -> list[str] | None:
    """The names of a header-less table's columns, from what each holds (None: no text column)."""
    return _column_names(body, width)


def _column_names(body: list[RawRow], width: int) -> list[str] | None:
    kinds: list[str | None] = []
    lengths: list[float] = []
    for position in range(width):
        found = [_kind(row, position) for row in body]
        filled = [k for k in found if k != "empty"]
        texts = [(row.cells[position].text or "") for row in body if position < len(row.cells)]
        lengths.append(sum(len(t) for t in texts) / max(1, len(filled)))
        if not filled:
            kinds.append(None)
            continue
        # (on a tie a text wins: of two rows, a task named like an office beside one that is not)
        counted = Counter("text" if k in TEXT else k for k in filled)
        kind, count = max(counted.items(), key=lambda item: (item[1], item[0] == "text"))
        kinds.append(kind if count >= MAJORITY * len(filled) else "text")
    if "seq" in kinds and not _counts_up(body, kinds.index("seq")):
        kinds[kinds.index("seq")] = "number"
    # A status column stands after the task it reports on: short names read as status words before
    # the first text column ("污水处理厂扩建": 处理) are the task's names.
    first_text = next((p for p, k in enumerate(kinds) if k == "text"), len(kinds))
    kinds = ["text" if k == "status" and p < first_text else k for p, k in enumerate(kinds)]
    text_columns = [p for p, k in enumerate(kinds) if k == "text"]
    if not text_columns:
        return None
    names = [f"列{p + 1}" for p in range(width)]
    used: set[str] = set()
    for position, kind in enumerate(kinds):
        name = NAMES.get(kind or "")
        if name == NAMES["unit"] and name in used:
            name = PARTNERS
        if name and name not in used:
            names[position] = name
            used.add(name)
    names[text_columns[0]] = TASK
    if len(text_columns) > 1:
        # the progress: the longest of the text columns after the task (a report runs longest)
        progress = max(text_columns[1:], key=lambda p: lengths[p])
        names[progress] = PROGRESS
    elif values := [p for p, k in enumerate(kinds) if k == "number" and p > text_columns[0]]:
        # an indicator and its numbers (指标 | 目标 | 完成): the last number is the value reached
        names[values[-1]] = PROGRESS
    return names


def _counts_up(body: list[RawRow], position: int) -> bool:
    numbers = [parse_seq(row.cells[position].text or "") for row in body if position < len(row.cells)]
    numbers = [n for n in numbers if n is not None]
    rising = sum(1 for a, b in itertools.pairwise(numbers) if b > a)
    return len(numbers) >= MIN_ROWS and rising >= (len(numbers) - 1) * 0.75


MIN_CHAIN = 3  # numbered rows a headerless stream must show
MAX_SEQ_CHARS = 5  # a line holding a 序号 alone ("12", "12.", "（3）")


def numbered_stream(lines: list[Line], min_chain: int = MIN_CHAIN) -> list[Block] | None:
    """A table copied one cell a line with no header at all: rows from a chain of lines that hold a
    序号 alone, counting up by one (1, 2, 3 …), each row the lines from its number to the next; the
    last row as wide as most rows. None when no chain of ``min_chain`` numbers is found (a shorter
    chain is read by ``lastresort.few_rows``, which asks for more evidence)."""
    texts = [(trim(line.text), line.page) for line in lines if trim(line.text)]
    numbered = [
        (k, value)
        for k, (text, _) in enumerate(texts)
        if len(text) <= MAX_SEQ_CHARS and (value := parse_seq(text)) is not None and classify(text) == "seq"
    ]
    chain: list[int] = []
    for k, value in numbered:
        if chain and value == parse_seq(texts[chain[-1]][0]) + 1 and k - chain[-1] >= 2:  # type: ignore[operator]
            chain.append(k)
        elif value == 1 and len(chain) < min_chain:
            chain = [k]
    if len(chain) < min_chain:
        return None
    spans = [(a, b) for a, b in itertools.pairwise(chain)]
    width = Counter(b - a for a, b in spans).most_common(1)[0][0]
    spans.append((chain[-1], min(len(texts), chain[-1] + width)))
    rows = [RawRow([RawCell(text) for text, _ in texts[a:b]], page=texts[a][1], loose=True) for a, b in spans]
    before = [Paragraph(text, page=page) for text, page in texts[: chain[0]]]
    after = [Paragraph(text, page=page) for text, page in texts[spans[-1][1] :]]
    return [*before, RawTable(rows, kind="stream", layout="stream"), *after]


# Rows written one a line (or one a paragraph), their cells parted by a tab or a run of spaces: a
# table copied out of a page with no rule and no bar, that no proposer reads when no header line
# names its fields (``gapped_rows``).
GAP = compile_rule(r"\t|[ \u3000\u00a0]{2,}")
SPACE = compile_rule(r"[ \t\u3000\u00a0]+")
LONG_TEXT = frozenset({"prose", "report"})
MAX_LEAD = 3  # what a task's report or a long task reads as


def gapped_rows(lines: list[Line]) -> list[Block] | None:
    """The longest run of written lines (blank lines between them allowed) each cut by tabs or
    runs of two spaces or more into as many cells (two at least; the last line may stop a cell
    short: an excerpt cut inside it), as a table with no header; the lines around it paragraphs.
    Only when the rows bear a table out by their content, whatever their number: at each place the
    cells of one kind in every row (``_alike_places``), and a column of long text (a report, a
    task written as a sentence) or of 序号 counting up: a run of navigation links or of a page's
    datelines holds neither. And they must bear a table of progress out (``_bears_progress``): a
    policy's numbered measures or a directory of offices with their phone numbers and duties is no
    table. None when no such run of two lines stands."""
    texts = [(trim(line.text), line.page) for line in lines if trim(line.text)]
    for gap, counted in ((GAP, False), (SPACE, True)):
        cells = [[c for c in (trim(p) for p in gap.split(text)) if c] for text, _ in texts]
        best = _gapped_run(cells, counted, [text for text, _ in texts])
        if best is not None:
            break
    else:
        return None
    start, end = best
    table = RawTable(
        [RawRow([RawCell(c) for c in cells[k]], page=texts[k][1]) for k in range(start, end)],
        kind="lines",
        layout="gapped",
    )
    before = [Paragraph(t, page=p) for t, p in texts[:start]]
    after = [Paragraph(t, page=p) for t, p in texts[end:]]
    return [*before, table, *after]


def _gapped_run(cells: list[list[str]], counted: bool, texts: list[str]) -> tuple[int, int] | None:
    """The longest run of lines of as many cells that bears a table out (see ``gapped_rows``);
    ``counted``: cells parted by single spaces, read only when each row opens with its 序号
    counting up from the row before and is three cells wide at least (a space inside a sentence
    parts no cell, and prose lines seldom part alike)."""
    best: tuple[int, int] | None = None
    start = 0
    while start < len(cells):
        width = len(cells[start])
        end = start + 1
        if width >= MIN_WIDTH:
            while end < len(cells) and len(cells[end]) == width:
                end += 1
            if end < len(cells) and len(cells[end]) == width - 1 >= MIN_WIDTH:
                end += 1  # the last row cut short
        # a page's lines of as many pieces may stand just above the rows (a dateline: 发布时间 / 来源
        # / 浏览次数): the run is tried without its first lines too, a few of them
        for first in range(start, min(end - MIN_ROWS, start + MAX_LEAD) + 1):
            if width < MIN_WIDTH or (best is not None and end - first <= best[1] - best[0]):
                break
            if (not counted or (width >= 3 and _counting(cells[first:end]))) and _bears_table(
                cells[first:end], width, lambda first=first: _titled(texts[:first])
            ):
                best = (first, end)
                break
        # (the line a run took as its cut-short last row may open the next run: tried again)
        start = max(start + 1, end - 1)
    return best


def _counting(rows: list[list[str]]) -> bool:
    """Rows opening with a 序号 counting up by one, a report (long text) at one place in each."""
    width = min(len(row) for row in rows)
    if not any(all(_gap_kind(row[p]) == "long" for row in rows) for p in range(1, width)):
        return False
    numbers = [parse_seq(row[0]) if classify(row[0]) == "seq" else None for row in rows]
    return all(n is not None for n in numbers) and all(b == a + 1 for a, b in itertools.pairwise(numbers))  # type: ignore[operator]


def _titled(above: list[str]) -> bool:
    from extractor.layout.lastresort import _titled as titled

    return titled(above)


def _bears_table(rows: list[list[str]], width: int, titled: Callable[[], bool] = lambda: False) -> bool:
    body = rows[1:] if len(rows) > MIN_ROWS and all(_header_cell(c) for c in rows[0]) else rows
    places = [place_kind([_gap_kind(row[p]) if p < len(row) else "empty" for row in body]) for p in range(width)]
    if places.count("mixed") > 1:
        return False
    numbers = [parse_seq(row[0]) for row in body]
    counting = all(n is not None for n in numbers) and all(b == a + 1 for a, b in itertools.pairwise(numbers))  # type: ignore[operator]
    if counting:
        return any(kind in ("text", "long") for kind in places[1:]) and _bears_progress(rows, body, places, titled)
    # with no 序号 to count by, the places must differ in what they hold (a task and its units, a
    # name and its report), and one hold a report or a dash for an empty cell: a speech's paragraphs
    # with a wide gap between two sentences hold sentences at every place, a page's links a name
    # and a date
    held = {kind for kind in places if kind not in ("empty", "mixed")}
    return bool(held & {"long", "dash"}) and len(held) >= 2 and _bears_progress(rows, body, places, titled)


REPORTING = 0.5  # share of a column's cells reading as reports for the column to be a report's


def _bears_progress(
    rows: list[list[str]], body: list[list[str]], places: list[str], titled: Callable[[], bool]
) -> bool:
    """Whether the rows bear a table of progress out, not a policy's measures or a directory's
    duties (a name and a sentence of what shall be done, no report): a header naming two fields
    above them, or a title saying results follow; a column whose cells read as reports (what was
    done or is under way: ``table.reads_as_report``); or after the task's column one of who carries
    it (unit names), of values reached or of cells kept empty (a dash). A column of contact details
    (phone numbers, emails) is no evidence, nor are unit names standing before any text (a
    directory of offices)."""
    from extractor.table import reads_as_report

    if body is not rows and sum(1 for c in rows[0] if field_for_header(match_key(c))) >= 2:
        return True
    if titled():  # the title above says results follow (layout.toml [fewrows] report_title)
        return True
    for p, kind in enumerate(places):
        cells = [row[p] for row in body if p < len(row) and row[p]]
        if kind in ("text", "long") and cells and sum(map(reads_as_report, cells)) >= REPORTING * len(cells):
            return True
    first_text = next((p for p, k in enumerate(places) if k in ("text", "long")), len(places))
    return any(kind in ("unit", "dash", "number") for kind in places[first_text + 1 :])


# A cell written as a dash alone: an empty cell, its place kept (prose never writes one).
DASH = compile_rule(r"^[-—–/／－]{1,2}$")
_WORDS = frozenset({"text", "long", "unit"})
CLAUSE_MARK = compile_rule(r"[，,；;。]")
NO_UNIT_MARK = compile_rule(r"[《》\d]")


def _gap_kind(text: str) -> str:
    if DASH.match(text):
        return "dash"
    if is_contact(text):
        return "contact"  # a directory's phone number: no kind of a table of progress
    kind = classify(text)
    if kind == "unit" and CLAUSE_MARK.search(text):
        return "long"  # units are listed, never written in clauses: a sentence ending in an office's name
    if kind == "unit" and NO_UNIT_MARK.search(text):
        return "text"  # "已改善现有共45.4公顷的园景区": a figure or a title is in no unit's name
    if kind in LONG_TEXT:
        return "long"
    return kind if kind == "seq" else ("text" if kind in TEXT or kind == "status" else kind)


def place_kind(kinds: list[str]) -> str:
    """What one place of the rows holds, from its cells' kinds (text, long, unit, dash …; a cell
    the last row leaves out is "empty"): one kind, or a text when words of the kinds text, long and
    unit mix (a task classified by its last word as an office: "依法决策部署"), else "mixed"."""
    found = [k for k in kinds if k != "empty"]
    if not found:
        return "empty"
    if len(set(found)) == 1:
        return found[0]
    if set(found) <= _WORDS:
        return "long" if sum(k == "long" for k in found) * 2 > len(found) else "text"
    return "mixed"


def same_kind(a: str, b: str) -> bool:
    """Two cells of one kind for finding rows: equal, a text short and one long (a report of a
    phrase or of sentences), or a short text and one classified a unit (a task named by its last
    word as an office: "依法决策部署"). (A long text is never a unit's kind here: prose above the
    rows would pass for the units' place.)"""
    return a == b or {a, b} in ({"text", "unit"}, {"text", "long"})
