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

from extractor.headers import field_for_header, parse_seq
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
        header = ["序号", TASK, PROGRESS]
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
        written = header != ["序号", TASK, PROGRESS]
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
    return None


MAX_HEADED_WIDTH = 8  # header cells written one a line
KIND_SHARE = 2 / 3  # rows whose cell at a place is of the kind its field holds
HEADED_KINDS = {
    "seq": {"seq"},
    "lead_units": {"unit", "number", "empty"},
    "partner_units": {"unit", "number", "empty"},
    "task": {"text", "unit", "date"},
    "progress": {"text", "unit", "date"},
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
