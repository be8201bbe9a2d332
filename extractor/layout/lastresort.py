"""The last resort: when no layout found a table, the text's most table-like structure, read low.

Tried only after every proposal, the headerless reading and the news reading found nothing, so a
document that holds a table still gives its rows (at a confidence the user is told to check)
rather than ``no_table``. Two structures are looked for, the first that reads wins:

- **value rows**: a name, then a line of values ("非香港公司" / "13 95 100 5 13 95"): lines made
  only of values (numbers, percents, a number and its measure: "5分鐘", "≥266米", "100.00%"), most
  of them the same count of values (the table's width), each under the lines naming its row. A
  run of one value a line whose count is a multiple of that width holds several rows copied
  column by column (a PDF's merged group: "4 / 1小時 / 95 / 90 …" for two rows): it is read so,
  its row names the last lines before it. The name lines before a row's own (after a blank line,
  or more lines than rows) name its group: a section row.
- **numbered items**: paragraphs opening with an enumerator counting up ((1) (2) (3), ① ② ③,
  1. 2. 3., 一、二、三、), each item a row (its first line the task, the rest its report).

When neither reads, ``few_rows`` reads what a cut-short excerpt may hold of its table, two rows
and up, with evidence scaled to their size: rows numbered 1, 2 one cell a line under a report's
title; numbered items; rows one cell a line with no 序号, found by their cells' kinds repeating
(``periodic_cells``); rows whose cells run together, numbered 1, 2 (``glued_rows``).

Columns are named by the vocabulary's own words (工作任务, 进展情况, 列N), the value column that
holds what was reached named from the header words above the rows when they say so (实际/完成 …
after 目标), else the last value column. The layout is named ``last-resort``; its confidence is
``LAST_RESORT_CONFIDENCE`` at most, and ``LAST_RESORT_WARNING`` says why.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extractor.headers import field_for_header, looks_like_units, parse_seq
from extractor.layout.base import SENTENCE, Block, Line, trim
from extractor.layout.classes import classify, is_measure
from extractor.readers.raw import Paragraph, RawCell, RawRow, RawTable
from extractor.rules.compiled import compile_rule
from extractor.rules.data import load
from extractor.textnorm import match_key, match_view

LAST_RESORT_CONFIDENCE = 0.1  # below the headerless (0.2) and news readings: a guess to check
LAST_RESORT_WARNING = (
    "no layout found a table with a header it reads: the rows are the text's most table-like "
    "structure ({how}), read at a low confidence; check them against the document"
)
MIN_ROWS = 3  # rows a structure must give to be read as a table
MIN_WIDTH = 2  # values a value row holds at least
MAX_UNIT = 4  # characters of a measure after a number ("分鐘", "万元", "人次")
MAX_NAME_CHARS = 80  # a row's name; a longer paragraph is prose around the table
MAX_HEADER_CELL = 16  # characters of a header cell written on its own line

# One value: a number with its qualifier and measure ("≥266米", "-3.5%", "1,200万元", "100.00%"),
# or a mark for no value ("—", "/", "-"). The measure after a number is a unit of measure
# (data/units.toml, ``classes.is_measure``) or of time (TIME_UNITS), never any text ("12号楼改造").
VALUE = compile_rule(
    r"^(?:[≥≤><＞＜]=?|[+\-−]|约)?\d[\d,，.．]*\s*(?P<unit>[%％‰]|[^\d\s()（）,，。；;:：]{1,"
    + str(MAX_UNIT)
    + r"})?$|^[-—–/／]$"
)
TIME_UNITS = frozenset(
    {
        "秒",
        "分钟",
        "小时",
        "天",
        "日",
        "工作天",
        "工作日",
        "个工作天",
        "个工作日",
        "周",
        "星期",
        "个月",
        "月",
        "年",
        "百分比",
    }
)


def is_value(text: str) -> bool:
    """Whether a piece is one value (see VALUE)."""
    found = VALUE.match(text)
    if found is None:
        return False
    unit = found.group("unit")
    return unit is None or unit in "%％‰" or is_measure(unit) or match_key(unit) in TIME_UNITS


# An item's enumerator: (1) （1） 1. 1、 ① 一、 (the text after it is the item).
ENUMERATOR = compile_rule(
    r"^\s*(?:[(（]\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]|([0-9]{1,2})\s*[.．、](?!\d)|([①-⑳])|([一二三四五六七八九十]{1,3})\s*、)\s*(?:(?=\S)|$)"
)
# A footnote's mark after a row's name ("(註4及5)", "（注3）"): the note's, not the name's.
FOOTNOTE_MARK = compile_rule(r"\s*[(（]\s*[註注]\s*[0-9一二三四五六七八九十及和、,，\s]*[)）]\s*$")
# A form's closing line after its last item: a note, who filled it in, how to reach them.
CLOSING = compile_rule(r"^(?:注[:：.、]|注$|说明[:：]|填表|填报|联系|审核人|负责人[:：]|附件)")
CLAUSE = compile_rule(r"[，,]")  # a name has no clauses: a text with them is a sentence
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

TASK, PROGRESS, AIM = "工作任务", "进展情况", "目标值"


@dataclass(slots=True)
class _Run:
    """Lines of one kind: names (text) or values (each line's values)."""

    values: list[list[str]]
    texts: list[list[str]]  # text lines, in groups parted by blank lines
    page: int | None


def last_resort(lines: list[Line]) -> tuple[list[Block], str] | None:
    """The blocks of the text's most table-like structure and how it was read, or None."""
    for reading, how in (
        (value_rows, "a name, then a line of values"),
        (numbered_items, "numbered items"),
        (headed_cells, "a header one cell a line, its rows one cell a line"),
    ):
        blocks = reading(lines)
        if blocks is not None:
            return blocks, how
    return None


def _values(text: str) -> list[str] | None:
    pieces = text.split()
    if pieces and all(is_value(p) for p in pieces):
        return pieces
    return None


def _named_values(text: str) -> tuple[str, list[str]] | None:
    """A row on one line: its name, then at least ``MIN_WIDTH`` values ("出生登記 1小時 95% 99%")."""
    pieces = text.split()
    count = 0
    while count < len(pieces) and is_value(pieces[-1 - count]):
        count += 1
    if count < MIN_WIDTH or count == len(pieces):
        return None
    name = " ".join(pieces[: len(pieces) - count])
    if len(name) > MAX_NAME_CHARS or SENTENCE.search(name) or CLAUSE.search(name):
        return None
    return name, pieces[len(pieces) - count :]


def _runs(lines: list[Line]) -> list[_Run]:
    runs: list[_Run] = []
    blank = True
    for line in lines:
        text = trim(line.text)
        if not text:
            blank = True
            continue
        values = _values(text)
        named = _named_values(text) if values is None else None
        if named is not None:  # "出生登記 1小時 95% 99%": the name, a line apart, then the values
            name, values = named
            if not runs or runs[-1].values:
                runs.append(_Run([], [[]], line.page))
            elif runs[-1].texts[-1]:
                runs[-1].texts.append([])
            runs[-1].texts[-1].append(name)
            runs.append(_Run([values], [[]], line.page))
            blank = False
            continue
        if values is not None:
            if not runs or not runs[-1].values or runs[-1].texts[-1]:
                runs.append(_Run([], [[]], line.page))
            runs[-1].values.append(values)
        else:
            if not runs or runs[-1].values:
                runs.append(_Run([], [[]], line.page))
            elif blank and runs[-1].texts[-1]:
                runs[-1].texts.append([])
            runs[-1].texts[-1].append(text)
        blank = False
    return runs


def value_rows(lines: list[Line]) -> list[Block] | None:
    """Rows of values under their names (see the module's doc), or None when fewer than
    ``MIN_ROWS`` rows read so."""
    runs = _runs(lines)
    widths = Counter(len(v) for run in runs for v in run.values if len(v) >= MIN_WIDTH)
    if not widths:
        return None
    width, count = widths.most_common(1)[0]
    if count < 2:
        return None
    blocks: list[Block] = []
    rows: list[RawRow] = []
    preamble: list[str] = []
    names: list[str] = []  # name lines not yet given to a row ("\n": a blank line between)
    for run in runs:
        if not run.values:
            for group in (g for g in run.texts if g):
                names.extend(["\n", *group] if names else group)
            continue
        table_rows = _read_values(run.values, width)
        if table_rows is None and len(run.values) == 1 and names and names[-1] != "\n":
            # a named row with a value left out ("补领身份证" / "90%"): a row, its last cells empty
            table_rows = [run.values[0] + [""] * (width - len(run.values[0]))] if len(run.values[0]) < width else None
        if table_rows is None:  # values of no row: text between rows
            names.extend(["\n", *(" ".join(v) for v in run.values)] if names else [" ".join(v) for v in run.values])
            continue
        if not rows and "\n" not in names:
            # no blank line above the first row: its name starts after the header's lines above it
            heads = [k for k, t in enumerate(names[:-1]) if _header_line(t, width)]
            if heads:
                names = [*names[: heads[-1] + 1], "\n", *names[heads[-1] + 1 :]]
        own, group = _split_names(names, len(table_rows))
        if not rows:  # the text before the first row: the table's preamble, its last line a group's name
            preamble = group
            blocks.extend(Paragraph(t, page=run.page) for t in group[:-1])
            last = group[-1:]
            group = [t for t in last if len(t) <= MAX_NAME_CHARS and not _header_line(t, width)]
            # a paragraph too long for a name (an introduction) is no group's name: a Paragraph still
            blocks.extend(Paragraph(t, page=run.page) for t in last if len(t) > MAX_NAME_CHARS)
        if group:
            rows.append(
                RawRow([RawCell(_joined(group))] + [RawCell(None) for _ in range(width)], page=run.page)
            )  # merged across: a section
        for k, values in enumerate(table_rows):
            name = FOOTNOTE_MARK.sub("", own[k]) if k < len(own) else ""
            rows.append(RawRow([RawCell(name), *(RawCell(v) for v in values)], page=run.page))
        names = []
    # rows with a name and values: a grid of values alone names nothing a row could report on
    body = [r for r in rows if (r.cells[0].text or "") and any((c.text or "") for c in r.cells[1:])]
    if len(body) < MIN_ROWS:
        return None
    header = RawRow([RawCell(TASK), *(RawCell(n) for n in _value_names(width, preamble))])
    blocks.append(RawTable([header, *rows], kind="lines", layout="last-resort"))
    blocks.extend(Paragraph(t) for t in names if t != "\n")
    return blocks


def _header_line(text: str, width: int) -> bool:
    """A line of the header: one cell a line naming a field, or the whole header on one line (as
    many pieces as the table has columns)."""
    pieces = text.split()
    return len(pieces) in (width, width + 1) or header_word(text) is not None or bool(field_for_header(text))


def _read_values(values: list[list[str]], width: int) -> list[list[str]] | None:
    """The rows a run of value lines holds: one a line when each line holds ``width`` values; copied
    column by column when the lines hold fewer and their count is a multiple of ``width``."""
    if all(len(v) == width for v in values):
        return values
    flat = [v for line in values for v in line]
    if all(len(v) < width for v in values) and len(flat) % width == 0:
        count = len(flat) // width
        return [[flat[c * count + r] for c in range(width)] for r in range(count)]
    return None


def _split_names(names: list[str], count: int) -> tuple[list[str], list[str]]:
    """Of the name lines before ``count`` rows: each row's name and the lines naming their group.
    One row: its name is the lines after the last blank line (a name wrapped over lines); several:
    the last line each."""
    if "\n" in names:
        cut = len(names) - 1 - names[::-1].index("\n")
        before, after = names[:cut], names[cut + 1 :]
    else:
        before, after = [], names
    if count == 1:
        return [_joined(after)] if after else [], [t for t in before if t != "\n"]
    if len(after) >= count:
        return after[-count:], [t for t in [*before, *after[:-count]] if t != "\n"]
    return after, [t for t in before if t != "\n"]


def _joined(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if part == "\n":
            continue
        out += ("" if not out or not (out[-1].isascii() and part[0].isascii()) else " ") + part
    return out


# What a header says of a value column: what was reached (实际, 完成值 …) or what was aimed at
# (目标, 指标值 …). Compared on the matching key (simplified script, no spaces). (Kept here until a
# data file of the forms' vocabulary is registered in rules/schema.py; examples in tests.)
REACHED_WORDS = ("实际", "完成值", "实绩", "实际完成", "完成情况", "达成", "完成数")
AIM_WORDS = ("目标", "指标值", "计划", "预期", "承诺")
# A limit (承诺时限, 计划办结时限, 上限): a ceiling not to pass, not a target to reach; its column keeps
# its written header (a share of it says nothing of completion).
LIMIT_WORDS = ("时限", "期限", "上限", "限值", "限额", "不超过")
PAREN_OPEN, PAREN_CLOSE = "(（", ")）"


def header_word(text: str) -> str | None:
    """ "reached", "limit", "aim" or None: what a header cell (or its first line) says of its column."""
    key = match_key(text)
    if any(w in key for w in REACHED_WORDS):
        return "reached"
    if any(w in key for w in LIMIT_WORDS):
        return "limit"
    if any(w in key for w in AIM_WORDS):
        return "aim"
    return None


def header_cells(lines: list[str]) -> list[str]:
    """A header written one cell a line, a cell wrapped over lines: a line joins the one before when
    that one leaves a bracket open or it opens with one ("服務水平" / "(註1)")."""
    cells: list[str] = []
    depth = 0
    for line in lines:
        opens_bracketed = line[:1] in PAREN_OPEN and depth == 0 and cells
        if cells and (depth > 0 or opens_bracketed):
            cells[-1] += line
        else:
            cells.append(line)
        depth = max(0, depth + sum(line.count(c) for c in PAREN_OPEN) - sum(line.count(c) for c in PAREN_CLOSE))
    return cells


def _value_names(width: int, preamble: list[str]) -> list[str]:
    """Names of the value columns: 列N, 进展情况 on the one holding what was reached and 目标值 on
    the target it answers. The header
    written above the rows one cell a line says where it is: the cells after the last line of
    several pieces (a title, a group header) up to the first that names what was reached count the
    columns before it (a first cell naming the rows, 项目/指标, heads the name column, not a value
    column); else the last value column."""
    names = [f"列{k + 2}" for k in range(width)]
    lines = [t for t in preamble if t != "\n"]
    reached = width - 1
    written = next((t.split() for t in reversed(lines) if len(t.split()) == width + 1), None)
    if written is not None and any(header_word(t) == "reached" for t in written[1:]):
        said = [header_word(t) for t in written[1:]]
        reached = len(said) - 1 - said[::-1].index("reached")
        aims = [k for k in range(reached) if said[k] == "aim"]
        if aims:
            names[aims[-1]] = AIM
        names[reached] = PROGRESS
        return names
    first = next((k for k, t in enumerate(lines) if header_word(t) == "reached"), None)
    if first is not None:
        start = max((k + 1 for k in range(first) if len(lines[k].split()) > 1), default=0)
        cells = header_cells(lines[start:first])
        if cells and field_for_header(match_key(cells[0])) == "task" and header_word(cells[0]) != "aim":
            cells = cells[1:]  # the name column's header
        aims = [k for k, c in enumerate(cells) if header_word(c) == "aim"]
        if aims and len(cells) < width:
            reached = len(cells)
            names[aims[-1]] = AIM  # the target the reached value answers (a target column's name)
    names[reached] = PROGRESS
    return names


def numbered_items(lines: list[Line], min_rows: int = MIN_ROWS) -> list[Block] | None:
    """Items opening with an enumerator counting up, each a row: the item's first line its task,
    what follows until the next item its report. None when fewer than ``min_rows`` items chain."""
    texts = [(trim(line.text), line.page) for line in lines if trim(line.text)]
    best: list[int] = []
    for style in range(4):
        chain: list[int] = []
        for k, (text, _) in enumerate(texts):
            number = _enumerated(text, style)
            if number is None:
                continue
            if chain and number == _enumerated(texts[chain[-1]][0], style) + 1:  # type: ignore[operator]
                chain.append(k)
            elif number == 1 and len(chain) < min_rows:
                chain = [k]
        if len(chain) > len(best):
            best = chain
    if len(best) < min_rows:
        return None
    ends = [*best[1:], _item_end(texts, best)]
    spans = list(zip(best, ends, strict=True))
    header_start, header = _written_header(texts[: best[0]], spans)
    rows: list[RawRow] = []
    for number, (start, end) in enumerate(spans, start=1):
        first, page = texts[start]
        body = ENUMERATOR.sub("", first, count=1).strip()
        rest = [t for t, _ in texts[start + 1 : end]]
        if header is not None:  # one cell a line under a header one cell a line: the 序号 its own line
            mark = first[: len(first) - len(ENUMERATOR.sub("", first, count=1))].strip()
            cells = [mark, body, *rest] if body else [first.strip(), *rest]
            if len(cells) > len(header):  # more lines than cells: the last cell's text wrapped
                cells = [*cells[: len(header) - 1], "\n".join(cells[len(header) - 1 :])]
            cells += [""] * (len(header) - len(cells))
            rows.append(RawRow([RawCell(c) for c in cells], page=page))
        else:
            task, report = (body, rest) if body else (rest[0] if rest else "", rest[1:])
            rows.append(RawRow([RawCell(str(number)), RawCell(task), RawCell("\n".join(report))], page=page))
    if header is None:
        header = list(_names()["items_header"])
        header_start = best[0]
    before = [Paragraph(t, page=p) for t, p in texts[:header_start]]
    after = [Paragraph(t, page=p) for t, p in texts[ends[-1] :]]
    table = RawTable([RawRow([RawCell(h) for h in header]), *rows], kind="stream", layout="last-resort")
    return [*before, table, *after]


def _written_header(before: list[tuple[str, int | None]], spans: list[tuple[int, int]]) -> tuple[int, list[str] | None]:
    """A header written one cell a line just before the first item, as many cells as most items
    hold lines, two of them naming fields (序号 / 工作任务 / 完成情况 / 责任单位): (where it starts,
    its cells); else (0, None)."""
    width = Counter(b - a for a, b in spans).most_common(1)[0][0]
    if width < MIN_WIDTH or len(before) < width:
        return 0, None
    cells = [t for t, _ in before[-width:]]
    named = [c for c in cells if field_for_header(match_key(c))]
    if len(named) < 2 or any(len(c) > MAX_HEADER_CELL for c in cells):
        return 0, None
    return len(before) - width, cells


def _item_end(texts: list[tuple[str, int | None]], chain: list[int]) -> int:
    """Where the last item ends: its lines go on while they are of the items' kind, up to a line
    longer than any line of the items before it (a closing paragraph) or a closing line (注：,
    填报人, 联系电话): not at a count of lines, an item may hold more lines than any before it."""
    longest = max(len(texts[k][0]) for k in range(chain[0], chain[-1]))
    end = chain[-1] + 1
    while end < len(texts) and len(texts[end][0]) <= longest and not CLOSING.match(match_key(texts[end][0])):
        end += 1
    return end


def _enumerated(text: str, style: int) -> int | None:
    m = ENUMERATOR.match(text)
    if m is None or m.group(style + 1) is None:
        return None
    token = m.group(style + 1)
    if style == 2:
        return CIRCLED.index(token) + 1
    return parse_seq(token)


# Two rows: what a web excerpt cut short may hold of its table (see ``few_rows``).
FEW_ROWS = 2
MAX_FEW_WIDTH = 8  # lines of a row written one cell a line (a number and at most seven cells)
TITLE_REACH = 8  # written lines above the first row searched for the title that says what they are
FEW_ROWS_WARNING = (
    "only {rows} rows, read from {how}: a table this small gives little evidence of itself; "
    "check them against the document"
)
# The kinds a row's cells are compared by (``classes.classify``): the text kinds are one kind, a
# task and its report are both text whatever their length.
_TEXT_KINDS = frozenset({"prose", "report", "short", "figure", "status", "percent", "measure"})


@lru_cache(maxsize=1)
def _titles() -> tuple[Any, Any, Any]:
    data = load("layout")["fewrows"]
    return compile_rule(data["report_title"]), compile_rule(data["plan_title"]), compile_rule(data["genre_title"])


def reports_results(text: str) -> bool | None:
    """Whether a title says a report on results follows (True: 进展情况, 落实情况 …), a plan (False:
    方案, 要点 …), or neither (None). The title's genre decides first: a head noun at its end naming
    a notice, a meeting, a press conference … (layout.toml [fewrows] genre_title) announces no
    report whatever it is about ("关于开展工作落实情况督查的通知"). Otherwise, of a report word and a
    plan word, the one written last decides: it heads the phrase ("2023年计划执行情况" reports,
    "进展情况报送方案" is a plan)."""
    report, plan, genre = _titles()
    view = match_view(text)
    if genre.search(view):
        return False
    said = [(m.end(), True) for m in report.finditer(view)] + [(m.end(), False) for m in plan.finditer(view)]
    return max(said)[1] if said else None


def _titles_plan(above: list[str]) -> bool | None:
    """True when the nearest title above that says anything names a plan or a notice (see
    ``reports_results``), False when it names a report, None when none says."""
    for text in reversed(above[-TITLE_REACH:]):
        said = reports_results(text)
        if said is not None:
            return not said
    return None


def _titled(above: list[str]) -> bool:
    """The nearest title among the lines above the rows that says anything says results follow."""
    for text in reversed(above[-TITLE_REACH:]):
        said = reports_results(text)
        if said is not None:
            return said
    return False


def _kind(text: str) -> str:
    kind = classify(text) if text.strip() else "empty"
    return "text" if kind in _TEXT_KINDS else kind


def _alike(rows: list[RawRow]) -> bool:
    """Rows of one shape: as many cells (the last may stop short: a cut row), at least a number and
    two cells, and the cells at each place of one kind in every row but at one place at most."""
    width = len(rows[0].cells)
    if not 3 <= width <= MAX_FEW_WIDTH or any(len(r.cells) != width for r in rows[:-1]):
        return False
    if not width - 1 <= len(rows[-1].cells) <= width:
        return False
    differ = 0
    for place in range(1, width):
        kinds = {_kind(r.cells[place].text or "") for r in rows if place < len(r.cells)}
        differ += len(kinds) > 1
    return differ <= 1


def few_rows(lines: list[Line]) -> tuple[list[Block], str, int] | None:
    """Two rows numbered 1, 2 (all a cut-short excerpt may hold of its table), read as a table when
    the evidence scales to their size: rows written one cell a line, numbered 1 and 2 alone on
    their lines, of one shape (as many cells, each place one kind of content) under a title saying
    results follow; or two numbered items, each a name and its report, under a header naming fields
    or such a title. (blocks, how they were read, rows) or None: two numbered paragraphs of a
    notice, a plan's two items, a news story's two points stay prose."""
    from extractor.layout.headerless import content_named, numbered_stream

    stream = numbered_stream(lines, min_chain=FEW_ROWS)
    if stream is not None:
        at = next(k for k, b in enumerate(stream) if isinstance(b, RawTable))
        table = stream[at]
        above = [b.text for b in stream[:at] if isinstance(b, Paragraph)]
        if isinstance(table, RawTable) and _alike(table.rows) and _titled(above):
            named = content_named(stream)
            if named is not None:
                for block in named:
                    if isinstance(block, RawTable):
                        block.layout = "last-resort"
                return named, "rows numbered 1, 2, one cell a line, under a title", len(table.rows)
    items = numbered_items(lines, min_rows=FEW_ROWS)
    if items is not None:
        at = next(k for k, b in enumerate(items) if isinstance(b, RawTable))
        table = items[at]
        assert isinstance(table, RawTable)
        above = [b.text for b in items[:at] if isinstance(b, Paragraph)]
        header = [c.text or "" for c in table.rows[0].cells]
        written = header != list(_names()["items_header"])
        body = table.rows[1:]
        named_report = all(
            (r.cells[1].text or "").strip()
            and len(r.cells[1].text or "") <= MAX_NAME_CHARS
            and any((c.text or "").strip() for c in r.cells[2:])
            for r in body
        )
        if written or (named_report and _titled(above)):
            how = "numbered items under a header" if written else "numbered items, each a name and its report"
            return items, how, len(body)
    glued = glued_rows(lines)
    if glued is not None:
        blocks, rows = glued
        return blocks, "rows numbered 1, 2 with their cells run together, under a header or a title", rows
    periodic = periodic_cells(lines)
    if periodic is not None:
        blocks, rows = periodic
        return blocks, "rows one cell a line with no 序号, their cells' kinds repeating", rows
    return None


# A cell written as a dash alone: an empty cell (a stream of one cell a line keeps its place so).
EMPTY_MARK = compile_rule(r"^[-—–/／－]{1,2}$")


@lru_cache(maxsize=1)
def _names() -> dict[str, Any]:
    """The names the last readings write (layout.toml [fix31]: the glued rows' header, the status
    column's name)."""
    return load("layout")["fix31"]


def _cell_kind(text: str) -> str:
    """A line's kind for finding the rows' period (``headerless._gap_kind``): a dash alone ("dash",
    an empty cell), a text short ("text") or long ("long": a report), a unit, a number …"""
    from extractor.layout.headerless import _gap_kind

    return _gap_kind(text)


def periodic_cells(lines: list[Line]) -> tuple[list[Block], int] | None:
    """A table copied one cell a line with no 序号 and no header: the rows found by the kinds of
    their cells repeating with the table's width (a name, its report, its unit or a dash for none;
    an indicator, its value, its unit), two rows at least. The width is the smallest that repeats
    over the most lines; the run is the longest stretch of lines whose kind equals the kind a width
    further on, so prose above the rows (sentences at every line) and the page's links below are
    left out. Read only when the rows bear a table out, whatever their number: a row holds a text
    and a cell of another kind (a unit, a value, an empty cell), and either a long text (a report)
    at one place in every row or a title above saying results follow. (blocks, rows) or None."""
    from extractor.layout.headerless import column_names, same_kind

    texts = [(trim(line.text), line.page) for line in lines if trim(line.text)]
    kinds = [_cell_kind(t) for t, _ in texts]
    best: tuple[int, int, int] | None = None  # width, start, end
    best_key: tuple[int, int, int] = (0, 0, 0)  # lines taken, kinds equal as they stand, -width
    for width in range(2, MAX_FEW_WIDTH + 1):
        k = 0
        while k + width < len(kinds):
            if not same_kind(kinds[k], kinds[k + width]):
                k += 1
                continue
            run = k
            while k + width < len(kinds) and same_kind(kinds[k], kinds[k + width]):
                k += 1
            end = k + width  # lines run..end repeat with this width
            # where the first row starts: the place whose kinds repeat most exactly (a title
            # above the rows, a text, passes for a task classified an office's name)
            for start in range(run, run + width):
                rows = (end - start) // width
                if rows < FEW_ROWS:
                    break
                stop = start + rows * width
                if _title_line(texts[start][0]):
                    continue  # a title is never a row's cell: the rows start after it, in step or not at all
                if any(kinds[j] not in ("text", "long") for j in range(run, start)):
                    continue  # a cell of the period left above the first row (a name, a unit): out of step
                exact = sum(kinds[j] == kinds[j + width] for j in range(start, stop - width))
                key = (stop - start, exact, -width)
                if key > best_key and _bears_rows(_pattern(kinds[start:stop], width)):
                    best, best_key = (width, start, stop), key
    if best is None:
        return None
    width, start, end = best
    pattern = _pattern(kinds[start:end], width)
    above = [t for t, _ in texts[:start]]
    if not {"long", "dash"} & set(pattern) and not _titled(above):
        return None
    rows = [
        RawRow([RawCell("" if EMPTY_MARK.match(t) else t) for t, _ in texts[k : k + width]], page=texts[k][1])
        for k in range(start, end, width)
    ]
    # (the first row is of the kinds of the rest, found so: no header to take it for)
    names = column_names(rows, width)
    if names is None:
        return None
    # a status column beside the task with no report column is what was reported ("未达到序时进度")
    status = _names()["status_header"]
    if PROGRESS not in names and status in names:
        names[names.index(status)] = PROGRESS
    # a place every row leaves empty (a dash for no units) is no column
    kept = [p for p in range(width) if any((r.cells[p].text or "").strip() for r in rows if p < len(r.cells))]
    names = [names[p] for p in kept]
    rows = [RawRow([r.cells[p] for p in kept if p < len(r.cells)], page=r.page) for r in rows]
    header = RawRow([RawCell(name) for name in names], page=rows[0].page)
    blocks: list[Block] = [
        *(Paragraph(t, page=p) for t, p in texts[:start]),
        RawTable([header, *rows], kind="stream", layout="last-resort"),
        *(Paragraph(t, page=p) for t, p in texts[end:]),
    ]
    return blocks, len(rows)


def _title_line(text: str) -> bool:
    """A line naming what the text is by its genre (a notice, a decision: layout.toml [fewrows]
    genre_title): a title over rows, never a row's cell (a commendation's 关于表彰…的决定 above its
    people is not the first person's name). (A line saying a report follows is not enough: a row's
    name may be one, "市级重点项目进展情况" over its report.)"""
    return bool(_titles()[2].search(match_view(text)))


def _pattern(kinds: list[str], width: int) -> list[str]:
    from extractor.layout.headerless import place_kind

    return [place_kind(kinds[p::width]) for p in range(width)]


def _bears_rows(pattern: list[str]) -> bool:
    """A row's kinds: a text (short or long) first and a cell of another kind (not a contact
    detail), no place mixed."""
    texts = sum(1 for k in pattern if k in ("text", "long"))
    # (a number counting the rows is a 序号, which opens a row and is read by the stream: numbers
    # after the text of one that does not count from one are a meeting's notes, no table's)
    return (
        "mixed" not in pattern
        and "seq" not in pattern
        and texts >= 1
        # (a column of phone numbers is a directory's: no evidence of rows)
        and any(k not in ("text", "long", "contact") for k in pattern)
        and pattern[0] in ("text", "long")
    )


MAX_HEADED_WIDTH = 8  # header cells written one a line
KIND_SHARE = 2 / 3  # rows whose cell at a place is of the kind its field holds
HEADED_KINDS = {
    "seq": {"seq"},
    "lead_units": {"unit", "number", "empty"},
    "partner_units": {"unit", "number", "empty"},
    "task": {"text", "unit", "date"},
    # a report may be the value reached ("22.8" under 进展情况 beside an indicator's name)
    "progress": {"text", "unit", "date", "number", "percent", "seq"},
}


def headed_cells(lines: list[Line]) -> list[Block] | None:
    """A table copied one cell a line with no 序号 to rebuild its rows by: a header written one cell
    a line, each cell naming a field (工作任务 / 进展情况 / 责任单位, two at least, no two the same),
    then its rows, as many lines each as the header has cells (the last may stop short: an excerpt
    cut inside it). Read only when the rows bear the header out: at each place the cells are of one
    kind in most rows (units under 责任单位, a number under 序号, text under the task and the
    report), so lines grouped at the wrong width are not taken for rows. None when no such header
    stands over two rows at least.

    Linear in the lines: each line is classified once, the closing line after each line is found
    in one backward pass, and the kinds at a place of the rows under a header (every width-th line)
    are counted from prefix sums taken with that stride, so trying every header costs no rescan of
    the lines after it (a text of 10,000 lines with header words one a line took 13-20 s)."""
    texts = [(trim(line.text), line.page) for line in lines if trim(line.text)]
    fields = [_header_field(t) for t, _ in texts]
    scan = _HeadedScan(texts, fields)
    best: tuple[int, int, int, int] | None = None  # width, start, end, lines taken
    start = 0
    while start < len(texts):
        end = start
        # the header ends before a line naming a field it has named already: the first row's task
        # ("市级重点项目进展情况") may read as a header cell, never as a second one of a meaning
        while (
            end < len(texts)
            and fields[end] is not None
            and fields[end] not in fields[start:end]
            and end - start < MAX_HEADED_WIDTH
        ):
            end += 1
        named = [f for f in fields[start:end] if f is not None]
        if end - start >= MIN_WIDTH:
            taken = _headed_rows(scan, start, end, named)
            # the widest header that reads: a title naming a field ("重点任务推进情况") over a
            # header one cell a line is no header cell of its own
            if taken is not None and (best is None or end - start > best[0]):
                best = (end - start, start, end, taken)
        start += 1
    if best is None:
        return None
    width, start, end, taken = best
    header = RawRow([RawCell(t) for t, _ in texts[start:end]], page=texts[start][1])
    # (a row cut short keeps only the cells written: a cell left out is no merged cell from above)
    table_rows = [
        RawRow([RawCell(t) for t, _ in texts[k : min(k + width, taken)]], page=texts[k][1])
        for k in range(end, taken, width)
    ]
    before = [Paragraph(t, page=p) for t, p in texts[:start]]
    after = [Paragraph(t, page=p) for t, p in texts[taken:]]
    return [*before, RawTable([header, *table_rows], kind="stream", layout="last-resort"), *after]


class _HeadedScan:
    """What headed_cells asks of the lines, each answer computed once for all the headers tried:
    where the closing line after a line is, each line's kind, how many header-word lines follow
    it, and counts over every width-th line (prefix sums with that stride, made on first use)."""

    def __init__(self, texts: list[tuple[str, int | None]], fields: list[str | None]) -> None:
        self.texts = texts
        count = len(texts)
        self.stop = [count] * (count + 1)  # the first closing line at or after each line
        self.run = [0] * (count + 1)  # header-word lines in a row from each line
        for k in range(count - 1, -1, -1):
            self.stop[k] = k if CLOSING.match(match_key(texts[k][0])) else self.stop[k + 1]
            self.run[k] = self.run[k + 1] + 1 if fields[k] is not None else 0
        self._kinds: list[str] | None = None
        self._kind_set: set[str] | None = None
        self._sums: dict[tuple[int, str], list[int]] = {}

    @property
    def kinds(self) -> list[str]:
        if self._kinds is None:
            self._kinds = [_kind(t) for t, _ in self.texts]
        return self._kinds

    @property
    def kind_set(self) -> set[str]:
        if self._kind_set is None:
            self._kind_set = set(self.kinds)
        return self._kind_set

    def strided(self, width: int, first: int, count: int, value: str) -> int:
        """How many of the lines first, first + width, … (count of them) are of value: a kind, or
        "row:header" for a line opening width header-word lines."""
        if count <= 0:
            return 0
        sums = self._sums.get((width, value))
        if sums is None:
            header_row = value == "row:header"
            marks = [r >= width for r in self.run[:-1]] if header_row else [k == value for k in self.kinds]
            sums = [0] * len(marks)
            for k, mark in enumerate(marks):
                sums[k] = mark + (sums[k - width] if k >= width else 0)
            self._sums[(width, value)] = sums
        last = first + (count - 1) * width
        return sums[last] - (sums[first - width] if first >= width else 0)


def _header_field(text: str) -> str | None:
    if len(text) > MAX_HEADER_CELL or SENTENCE.search(text) or CLAUSE.search(text):
        return None
    field = field_for_header(match_key(text))
    return field or None


def _headed_rows(scan: _HeadedScan, start: int, end: int, named: list[str]) -> int | None:
    """Where the rows under the header start..end stop (the lines they take, from end), or None
    when they do not bear the header out."""
    width = end - start
    stop = scan.stop[end]
    length = stop - end
    if length < 2 * width - 1:
        return None
    full, rest = divmod(length, width)
    if rest and rest < width - 1 and full + 1 > 2:
        rest = 0  # a row cut after its first cells (or text after the table): left out below
    rows = full + (1 if rest else 0)
    if rows < FEW_ROWS:
        return None
    # a row of header words is the header's second line (工作进度 / 10月完成情况), no row
    if scan.strided(width, end, full, "row:header") or (rest and scan.run[end + full * width] >= rest):
        return None
    kinds_seen = scan.kind_set
    for place, field in enumerate(named):
        present = full + (1 if rest > place else 0)
        counts = {kind: scan.strided(width, end + place, present, kind) for kind in kinds_seen}
        # what each field's cells may be: a 序号 a number; units unit names, or "—" for none (a
        # number's kind); a task or a report text (a task may be named like an office: 调处, 中心);
        # any other column one kind in most rows
        allowed = HEADED_KINDS.get(field)
        bearing = max(counts.values()) if allowed is None else sum(counts.get(k, 0) for k in allowed)
        if bearing < KIND_SHARE * present:
            return None
    if not any(scan.kinds[end + place] == "text" for place in range(width)):
        return None
    return end + full * width + rest


# A row copied with its cells run together: its 序号 glued to the text after it ("1城镇新增就业7.23
# 人力资源社会保障局"). The number is a 序号 only before a Han character that opens no measure or
# time ("1月份", "3家企业", "2023年" open with a count or a date).
GLUED_ROW = compile_rule(r"^(\d{1,2})(?=\p{Han})(.+)$")
# Where a row's units start: after the last stop, bracket, percent or digit of the text before them.
UNIT_TAIL = compile_rule(r"(?:[。；;）)%％]|\d)(?P<units>[^。；;，,（(）)\d%％]{2,24})$")
VALUE_TAIL = compile_rule(r"(?<=\p{Han}|[)）])(?P<value>[≥≤><＞＜]?\d[\d,，.．]*\s*[%％]?)$")
VALUE_HEAD = compile_rule(r"^[≥≤><＞＜]?\d[\d,，.．]*\s*[%％]")  # a report opening with its rate: "80%(…)"
MAX_GLUED_HEADER = 40  # characters of a header line written with its cells run together


def glued_rows(lines: list[Line]) -> tuple[list[Block], int] | None:
    """Rows copied with their cells run together, numbered 1, 2 … (glued to the text after them)
    on consecutive lines, two at least, under a header whose cells are run together too (a line cut
    wholly into field names: "序号目标任务进展情况牵头单位") or a title saying results follow. Each
    row's text is cut where its own content says: units at its end (unit names after a stop, a
    bracket or a number), a value ending it after the task's words ("…增长率7.2"), a status or a
    report after the task's first full stop ("…老年学校。已完成。"); what cannot be cut stays the
    task. (blocks, rows) or None: numbered lines of a notice ("1.…", with a stop) are no glued rows."""
    texts = [(trim(line.text), line.page) for line in lines if trim(line.text)]
    best: tuple[int, int] | None = None
    k = 0
    while k < len(texts):
        found = _glued_seq(texts[k][0])
        if found != 1:
            k += 1
            continue
        end = k + 1
        while end < len(texts) and _glued_seq(texts[end][0]) == end - k + 1:
            end += 1
        if end - k >= FEW_ROWS and (best is None or end - k > best[1] - best[0]):
            best = (k, end)
        k = end
    if best is None:
        return None
    start, end = best
    above = [t for t, _ in texts[:start]]
    header = above[-1] if above else ""
    glued_header = _glued_header(header)
    cells = [_glued_cells(texts[j][0]) for j in range(start, end)]
    # with no header and no title saying results follow, each row's own content must cut it into a
    # task and what was reached or who leads (a value, units, a report after the task's stop), and
    # no title above may name a plan or a notice
    parted = all(sum(1 for c in row[1:] if c) >= 2 for row in cells) and _titles_plan(above) is not True
    if glued_header is None and not _titled(above) and not parted:
        return None
    names = list(_names()["glued_header"])
    rows = [
        RawRow([RawCell(c) for c in row], page=texts[j][1]) for j, row in zip(range(start, end), cells, strict=True)
    ]
    before = [Paragraph(t, page=p) for t, p in texts[: start - (glued_header is not None)]]
    title = [Paragraph(header, page=texts[start - 1][1])] if glued_header is not None else []
    table = RawTable([RawRow([RawCell(n) for n in names]), *rows], kind="stream", layout="last-resort")
    after = [Paragraph(t, page=p) for t, p in texts[end:]]
    return [*before, *title, table, *after], len(rows)


def _glued_seq(text: str) -> int | None:
    found = GLUED_ROW.match(text)
    if found is None or len(found.group(2)) < 4:
        return None
    rest = found.group(2)
    if any(is_measure(rest[:n]) or match_key(rest[:n]) in TIME_UNITS for n in (1, 2)):
        return None
    return int(found.group(1))


def _glued_header(text: str) -> list[str] | None:
    """A header line with its cells run together, cut into field names (two at least, one the task or
    the progress): the cut found by trying every place, shortest first."""
    text = "".join(text.split())
    if not 4 <= len(text) <= MAX_GLUED_HEADER or SENTENCE.search(text) or CLAUSE.search(text):
        return None
    cuts: dict[int, list[str]] = {0: []}
    for at in range(len(text)):
        if at not in cuts:
            continue
        for stop in range(at + 2, min(len(text), at + MAX_HEADER_CELL) + 1):
            if stop not in cuts and field_for_header(match_key(text[at:stop])):
                cuts[stop] = [*cuts[at], text[at:stop]]
    parts = cuts.get(len(text))
    if parts is None or len(parts) < 2:
        return None
    fields = {field_for_header(match_key(p)) for p in parts}
    return parts if fields & {"task", "progress"} else None


def _glued_cells(text: str) -> list[str]:
    """序号, task, progress, units of a glued row (see ``glued_rows``)."""
    found = GLUED_ROW.match(text)
    assert found is not None
    seq, rest = found.group(1), found.group(2).strip()
    units = ""
    tail = UNIT_TAIL.search(rest)
    if tail is not None and _glued_units(tail.group("units"), rest[: tail.start("units")]):
        units = tail.group("units")
        rest = rest[: tail.start("units")].strip()
    task, progress = rest, ""
    value = VALUE_TAIL.search(rest)
    stop = rest.find("。")
    if value is not None and value.start() >= 2 and not _phone_line(rest[: value.start()], value.group("value")):
        task, progress = rest[: value.start()], value.group("value")
    elif (
        0 < stop < len(rest) - 1
        and (classify(rest[stop + 1 :]) in ("status", "report", "prose") or VALUE_HEAD.match(rest[stop + 1 :]))
        and classify(rest[: stop + 1]) != "report"  # a report's own first sentence: no task before it
    ):
        task, progress = rest[: stop + 1], rest[stop + 1 :]
    # (a row with no units stops before their cell: an empty one would read as a merge from above)
    return [seq, task, progress, units] if units else [seq, task, progress]


def _phone_line(before: str, value: str) -> bool:
    """A number glued after the word naming a phone line (咨询电话12345678), or one written as a phone
    number: the line's number, no value reached (``headerless.is_contact``)."""
    from extractor.layout.headerless import ends_in_contact_label, is_contact

    return ends_in_contact_label(before) or is_contact(value)


MAX_GLUED_UNITS = 16  # characters of the units closing a glued row ("人力资源社会保障局")


def _glued_units(text: str, before: str) -> bool:
    """Whether a glued row's tail is its units: unit names, short, not the measure of a whole
    number before it ("解决9个行政村通油路问题县交通局": the 9 counts villages; after a decimal, "7.23人力
    资源社会保障局", a value ends and the units start)."""
    if len(text) > MAX_GLUED_UNITS or classify(text) != "unit" or not looks_like_units(text):
        return False
    counted = bool(WHOLE_NUMBER_END.search(before))
    return not (counted and any(is_measure(text[:n]) or match_key(text[:n]) in TIME_UNITS for n in (1, 2)))


WHOLE_NUMBER_END = compile_rule(r"(?<![\d.．])\d+$")
