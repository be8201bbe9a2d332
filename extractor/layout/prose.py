"""Numbered prose: a progress report written as numbered paragraphs instead of a table.

    3、城乡供水一体化工程，牵头部门：区水利局。管网铺设进度较慢……
    2.外贸进出口（第12项）：1-9月完成56.3亿元，同比增长3.1%……
    一是加快推进……；二是……

Each task becomes a row of a table with a made-up header (序号, 目标任务, 完成情况, 牵头单位 and
any other labelled field found), so the table stage treats it like any other table:
- the enumerator style that numbers the tasks is the one whose items count up from 1 most often;
  a style of a higher level (一、 over 1.) gives section headings; run-in 一是/二是 splits a paragraph;
- an item's labels ("牵头部门：", "责任单位：", "进展情况：", "存在问题：") are the header synonyms
  of ``data/headers.toml`` followed by a colon; a unit label's value ends at the sentence's end;
- the unlabelled head of an item is the task name up to its first colon (or comma, or full stop)
  when that comes early; the unlabelled rest is the progress;
- lines before the first task (the report's preamble) are paragraphs, not rows.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from functools import cache

import regex

from extractor.headers import label_synonyms, looks_like_units, prose_patterns
from extractor.layout.base import Block, Line, trim
from extractor.readers.raw import Paragraph, RawCell, RawRow, RawTable
from extractor.rules.numbers import parse_number
from extractor.textnorm import match_view

# Where the task name ends in an unlabelled head: a colon first, else a comma or full stop.
NAME_END_COLON = regex.compile(r"[:]")
NAME_END_OTHER = regex.compile(r"[,。;]")
MAX_TASK_NAME = 40
# A unit label's value ends at the end of its sentence or bracket.
UNIT_VALUE_END = regex.compile(r"[。;\n)]|\s")
UNIT_FIELDS = frozenset({"lead_units", "partner_units", "lead_leaders", "responsible", "deadline"})
# The made-up header: one label per field, in this order.
HEADER_LABELS = {
    "seq": "序号",
    "task": "目标任务",
    "progress": "完成情况",
    "issues": "存在问题",
    "plan": "下一步工作打算",
    "lead_leaders": "牵头领导",
    "lead_units": "牵头单位",
    "responsible": "责任人",
    "partner_units": "配合单位",
    "deadline": "完成时限",
}


@cache
def _style_patterns() -> dict[str, regex.Pattern[str]]:
    """Enumerator styles at the start of a line, highest level first (data/layout.toml [prose.styles])."""
    return {name[6:]: p for name, p in prose_patterns().items() if name.startswith("style:")}


@cache
def _label_pattern() -> regex.Pattern[str]:
    """Any header synonym followed by a colon, at the start or after a separator or bracket."""
    words = "|".join(regex.escape(match_view(s)) for s, _ in label_synonyms())
    return regex.compile(rf"(?:^|(?<=[\s,.;。、(\[]))({words})\s*[:]")


@dataclass(slots=True)
class _Item:
    seq: int
    marker_end: int  # offset in the first line where the text after the enumerator starts
    lines: list[Line] = field(default_factory=list)


def _number(token: str) -> int | None:
    if "\u2460" <= token <= "\u2473":
        return ord(token) - 0x2460 + 1
    value = parse_number(token)
    return int(value) if value is not None and value.is_integer() else None


def numbered_prose(lines: list[Line]) -> list[Block] | None:
    """A table of the numbered tasks in ``lines``, or None when they are not numbered prose."""
    lines = _split_inline_items(lines)
    style = _task_style(lines)
    run_in = _run_in_items(lines)
    if style is not None:
        line_count = _sequence_score([n for _, n, _ in _starts(lines, style)])
        run_in_count = sum(isinstance(b, RawTable) and len(b.rows) - 1 for b in run_in or [])
        if run_in is None or line_count >= run_in_count:
            return _line_items(lines, style)
    return run_in


def _split_inline_items(lines: list[Line]) -> list[Line]:
    """Split a line holding several numbered items in sequence (1. … 2. … 3. …) into one per item."""
    out: list[Line] = []
    for line in lines:
        view = match_view(line.text)
        cuts: list[int] = []
        expected = None
        for match in prose_patterns()["inline_item"].finditer(view):
            number = int(match.group(1))
            if (expected is None and number == 1) or number == expected:
                cuts.append(match.start())
                expected = number + 1
        if len(cuts) < 2:
            out.append(line)
            continue
        bounds = [0, *cuts, len(line.text)] if cuts[0] > 0 else [*cuts, len(line.text)]
        out.extend(Line(line.text[a:b].strip(), line.page) for a, b in itertools.pairwise(bounds))
    return out


def _starts(lines: list[Line], style: str) -> list[tuple[int, int, int]]:
    """(line index, number, end of the enumerator) of each line starting with ``style``."""
    pattern = _style_patterns()[style]
    out = []
    for index, line in enumerate(lines):
        match = pattern.match(match_view(line.text))
        if match and match.end() < len(line.text.rstrip()):  # an enumerator with text after it
            number = _number(match.group(1))
            if number is not None:
                out.append((index, number, match.end()))
    return out


def _sequence_score(numbers: list[int]) -> int:
    """How many items count up by one (restarting at 1 is allowed: numbering per section)."""
    score, previous = 0, 0
    for n in numbers:
        if n == previous + 1 or (n == 1 and previous > 0):
            score += 1
        previous = n
    return score


def _task_style(lines: list[Line]) -> str | None:
    """The enumerator style of the tasks: the longest counting sequence (≥ 2 items).

    A style whose items are all bare headings ("一、总体情况", "二、具体进展") is the report's
    outline, not its tasks, when another style numbers at least two items: its lines become
    sections. Between two task-like styles, the longer sequence wins, a tie the lower level.
    """
    scored = []
    for level, style in enumerate(_style_patterns()):
        starts = _starts(lines, style)
        score = _sequence_score([n for _, n, _ in starts])
        if score >= 2:
            outline = all(_bare_heading(lines[index].text[end:]) for index, _, end in starts)
            scored.append((not outline, score, level, style))
    if not scored:
        return None
    tasks = [entry for entry in scored if entry[0]] or scored
    return max(tasks, key=lambda entry: (entry[1], entry[2]))[3]


def _bare_heading(text: str) -> bool:
    return len(text.strip()) <= 20 and not regex.search(r"[。；;，,:：]", match_view(text))


def _higher_styles(style: str) -> list[str]:
    names = list(_style_patterns())
    return names[: names.index(style)]


def _line_items(lines: list[Line], style: str) -> list[Block] | None:
    starts = {index: (number, end) for index, number, end in _starts(lines, style)}
    headings = {index for s in _higher_styles(style) for index, _, _ in _starts(lines, s)}
    blocks: list[Block] = []
    body: list[tuple[str | None, _Item]] = []
    section: str | None = None
    current: _Item | None = None
    for index, line in enumerate(lines):
        if index in starts:
            number, end = starts[index]
            current = _Item(seq=number, marker_end=end, lines=[line])
            body.append((section, current))
        elif index in headings:
            section, current = trim(line.text), None
        elif current is not None:
            current.lines.append(line)
        elif line.text.strip():
            blocks.append(Paragraph(trim(line.text), page=line.page))
    if len(body) < 2:
        return None
    closing = _closing_lines(body[-1][1])
    rows = [_row(item, section) for section, item in body]
    blocks.append(_table(rows))
    blocks.extend(closing)
    return blocks


def _closing_lines(item: _Item) -> list[Block]:
    """Detach a report's closing lines (signing unit, date) from its last task."""
    out: list[Block] = []
    while len(item.lines) > 1:
        text = trim(item.lines[-1].text)
        signature = looks_like_units(text) and len(text) <= 20 and not regex.search(r"[:：]", text)
        if not text or prose_patterns()["closing_date"].match(text) or signature:
            item.lines.pop()
            if text:
                out.insert(0, Paragraph(text, page=None))
            continue
        break
    last = item.lines[-1]
    signed = prose_patterns()["signature_at_end"].search(match_view(last.text))
    if signed is not None and looks_like_units(signed.group(1)):
        item.lines[-1] = Line(last.text[: signed.start() + 1], last.page)
        out.insert(0, Paragraph(trim(last.text[signed.start(1) :]), page=last.page))
    return out


def _run_in_items(lines: list[Line]) -> list[Block] | None:
    """Tasks numbered 一是…二是… inside paragraphs."""
    blocks: list[Block] = []
    body: list[tuple[str | None, _Item]] = []
    for line in lines:
        view = match_view(line.text)
        cuts = []
        expected = 1
        for match in prose_patterns()["run_in"].finditer(view):
            if _number(match.group(1)) == expected:
                cuts.append(match.start())
                expected += 1
        if len(cuts) < 2:
            if line.text.strip():
                blocks.append(Paragraph(trim(line.text), page=line.page))
            continue
        if cuts[0] > 0 and trim(line.text[: cuts[0]]):
            blocks.append(Paragraph(trim(line.text[: cuts[0]]), page=line.page))
        for n, (a, b) in enumerate(zip(cuts, [*cuts[1:], len(line.text)], strict=True), start=1):
            piece = line.text[a:b]
            marker = prose_patterns()["run_in"].match(match_view(piece))
            assert marker is not None
            # The separator between run-in items (；, and 。 after the last) belongs to the list.
            piece = piece.rstrip().rstrip(";；。")
            body.append((None, _Item(seq=n, marker_end=marker.end(), lines=[Line(piece, line.page)])))
    if len(body) < 2:
        return None
    blocks.append(_table([_row(item, section) for section, item in body]))
    return blocks


def _row(item: _Item, section: str | None) -> tuple[str | None, int | None, dict[str, str]]:
    first = item.lines[0].text[item.marker_end :]
    text = trim("\n".join([first, *(line.text for line in item.lines[1:])]))
    page = item.lines[0].page
    return section, page, {"seq": str(item.seq), **_fields(text)}


def _fields(text: str) -> dict[str, str]:
    """Split an item's text into task, progress and the labelled fields."""
    view = match_view(text)
    labels = list(_label_pattern().finditer(view))
    synonyms = dict((match_view(s), f) for s, f in label_synonyms())
    fields: dict[str, str] = {}
    unlabelled: list[str] = []
    head_end = labels[0].start() if labels else len(text)
    head = text[:head_end]
    for n, label in enumerate(labels):
        name = synonyms[label.group(1)]
        value_end = labels[n + 1].start() if n + 1 < len(labels) else len(text)
        value = text[label.end() : value_end]
        if name in UNIT_FIELDS:
            stop = UNIT_VALUE_END.search(match_view(value))
            if stop is not None:
                unlabelled.append(value[stop.end() :])
                value = value[: stop.start()]
        if _clean(value):
            # Two labels of one field (牵头单位：…；责任单位：…) both count.
            joiner = "、" if name in UNIT_FIELDS else "\n"
            fields[name] = joiner.join(v for v in (fields.get(name), _clean(value)) if v)
    # When the progress comes after the labels (labelled, or left after a unit label's value),
    # the whole head is the task's name ("1.轨道交通1号线一期工程投入试运营。 牵头领导：…");
    # otherwise the head holds name and progress, the name ending at a colon, comma or full stop.
    progress_after = "progress" in fields or any(_clean(piece) for piece in unlabelled)
    whole_head = progress_after and len(head) <= 2 * MAX_TASK_NAME
    task, rest = (_clean(head) or None, "") if whole_head else _split_head(head)
    if task and "task" not in fields:
        fields["task"] = task
    progress = "".join(_clean(piece) for piece in [rest, *unlabelled] if _clean(piece))
    if progress and "progress" not in fields:
        fields["progress"] = progress
    return {k: v for k, v in fields.items() if v}


def _split_head(head: str) -> tuple[str | None, str]:
    """(task name, rest) of an item's unlabelled head."""
    view = match_view(head)
    stripped = _clean(head)
    if not stripped:
        return None, ""
    reference = prose_patterns()["item_reference"].search(view)
    if reference is not None and reference.start() <= MAX_TASK_NAME:
        return _clean(head[: reference.end()]) or None, head[reference.end() :]
    for pattern in (NAME_END_COLON, NAME_END_OTHER):
        match = _outside_brackets(pattern, view)
        if match is not None and match <= MAX_TASK_NAME:
            return _clean(head[:match]) or None, head[match + 1 :]
    if len(stripped) <= MAX_TASK_NAME:
        return stripped, ""
    return None, head


def _outside_brackets(pattern: regex.Pattern[str], view: str) -> int | None:
    depth = 0
    for index, ch in enumerate(view):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and pattern.match(ch):
            return index
    return None


def _clean(piece: str) -> str:
    """Trim a piece left by removing a label: spaces, separators, and brackets left unbalanced."""
    piece = piece.strip(" \t\n\u3000\xa0,，;；、:：").rstrip("(（").strip()
    view = match_view(piece)
    while view.endswith(")") and view.count(")") > view.count("("):
        piece, view = piece[:-1].rstrip(), view[:-1].rstrip()
    while view.startswith(")"):
        piece, view = piece[1:].lstrip(), view[1:].lstrip()
    return piece


def _table(rows: list[tuple[str | None, int | None, dict[str, str]]]) -> RawTable:
    present = [f for f in HEADER_LABELS if any(f in cells for _, _, cells in rows)]
    for required in ("seq", "task", "progress", "lead_units"):
        if required not in present:
            present.append(required)
    order = [f for f in HEADER_LABELS if f in present]
    out = [RawRow([RawCell(HEADER_LABELS[f]) for f in order])]
    section: str | None = None
    for row_section, page, cells in rows:
        if row_section is not None and row_section != section:
            out.append(RawRow([RawCell(row_section)], page=page))
            section = row_section
        out.append(RawRow([RawCell(cells.get(f, "")) for f in order], page=page))
    return RawTable(out, kind="prose")
