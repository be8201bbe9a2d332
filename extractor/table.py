"""Table stage: raw blocks → tables of rows with named columns.

Format-independent rules, applied in one pass over the reader's blocks:
- the header row is found by synonyms (``data/headers.toml``), whitespace-insensitive; a second
  header row below it (sub-columns of a group header, or a header's second line) is read with it;
  each field goes to the column with the strongest claim on it;
- a label | value table (one project per block) is turned into rows first (``_records_as_table``);
- a table whose header equals the previous table's (a page break, a repeated header row)
  continues it, unless its 序号 starts again at 1; a row equal to the header is dropped;
- in a continued table, a first row with an empty 序号 is the rest of the row cut by the break:
  its text is joined onto that row (when the row is on the page before);
- a row with one heading across it (merged, or one heading-like text with empty cells) is a
  section, kept as the following rows' section; so is a category cell in front of the 序号;
- rows are lined up with the columns (``_fit``): a category cell missing under a merge, cells a
  text stream split or dropped; one text alone in a numbered table continues the row above;
- a cell covered by a vertical merge (None), or an empty 牵头单位 cell, means "same as above";
- a document that ends inside a row (shorter than the rows before it) gets a ``truncated`` warning;
- a table without a 牵头单位 column whose task cells end with "责任单位：…" gets the column.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from functools import cache

import regex

from extractor.headers import (
    SEQ_PREFIX,
    TARGET_HEADER,
    broken_header,
    field_for_header,
    header_candidates,
    header_cell_like,
    is_furniture,
    is_header_row,
    is_heading,
    is_measures_header,
    item_enumerator,
    label_synonyms,
    layout_patterns,
    looks_like_units,
    names_lead_role,
    numbers_count,
    opens_planned,
    parse_seq,
    prose_patterns,
)
from extractor.layout.classes import classify
from extractor.readers.raw import Paragraph, RawCell, RawDocument, RawRow, RawTable
from extractor.rules.compiled import compile_rule
from extractor.textnorm import collapse_layout_space, match_key, match_view

# A column that names the task (an indicator, a project) and one that states its target.
NAME_HEADER = compile_rule(r"名称|指标|项目|事项|实事|工程|承诺")
NAMED_HEADER = compile_rule(r"名称$")  # a column of names (事项名称, 工程名称 …)
DESCRIPTION_HEADER = compile_rule(r"(?:内容|要求|规模)$")  # a column describing what the row names
# Levels of a hierarchy of indicators or tasks in the headers: 一级指标, 二级指标, 三级指标.
LEVELS = "一二三四"
LEVEL_HEADER = compile_rule(r"^([一二三四])级")
# A sub-header cell the synonyms don't know may be this long ("截至9月底进展" is known anyway).
MAX_SUB_HEADER = 16
HEADER_SEARCH_ROWS = 5  # the header is among a table's first rows (titles may sit in row 1)
# Columns whose empty cell repeats the cell above (merged cells that lost their merge).
INHERITED_WHEN_EMPTY = frozenset({"lead_units"})
# Table kinds (RawTable.kind) whose merged cells arrive as empty text rather than as None.
MERGES_LOST = frozenset({"lines", "stream", "words", "layout"})

# A row's pieces are regrouped into cells by trying every grouping up to this many.
MAX_GROUPINGS = 5000


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
    # OCR: per column, (page, box, confidence) of the cells it was read from (empty otherwise)
    sources: list[list[tuple[int, tuple[float, float, float, float], float]]] = field(default_factory=list)


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
    header_keys: set[tuple[str, ...]] = field(default_factory=set)
    kind: str = "grid"  # the RawTable kind it was read from
    layout: str | None = None  # the layout that found it (RawTable.layout)
    confidence: float | None = None  # how clearly that layout won (the layout stage's choice)
    records: bool = False  # made from label | value tables, one record per task
    unknown_header: bool = False  # its header names the 序号 and words the vocabulary does not know
    current_section: str | None = None
    # (cells present, width) when the last row had fewer cells than the header: a document
    # that ends there was cut off.
    short_tail: tuple[int, int] | None = None
    row_lengths: list[int] = field(default_factory=list)  # cells each row arrived with
    longest_row: int = 0  # max(row_lengths), kept as rows are added: no scan per row
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


def _cell_texts(row: RawRow) -> list[str | None]:
    return [c.text for c in row.cells]


@dataclass(slots=True)
class _Header:
    index: int  # first header row
    height: int  # 1, or 2 for a group header over sub-headers
    columns: list[ColumnSpec]
    keys: set[tuple[str, ...]]  # the header rows' keys, to drop them when repeated
    unknown: bool = False  # read by _numbered_header: its words name little the vocabulary knows


def _header_of(rows: list[RawRow]) -> _Header | None:
    """The header among the first rows: one row, or two when the second holds sub-headers."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        below = rows[index + 1] if index + 1 < len(rows) else None
        alone = is_header_row(_cell_texts(row))
        if not alone and (below is None or is_header_row(_cell_texts(below))):
            continue  # a title row above the header is not its first half
        if below is not None:
            below = _sub_header_moved_under_group(row, below) or below
        if below is not None and _is_sub_header(row, below):
            names = _merged_header(row, below)
            if alone or is_header_row([n for n, _ in names]):
                return _Header(index, 2, _columns(names), {header_key(row), header_key(below)})
        if alone:
            return _Header(index, 1, _columns(_single_header(row)), {header_key(row)})
    return _numbered_header(rows)


MAX_UNKNOWN_HEADER = 8  # characters of a header cell the vocabulary does not know (攻坚方向, 承担方)


def _numbered_header(rows: list[RawRow]) -> _Header | None:
    """A header naming its 序号 and words the vocabulary does not know ("序号 | 攻坚方向 | 当前成果 |
    承担方"): every cell short, no number and no sentence, one of them the 序号, and the row under it
    numbered 1 in that column. The columns its words do not name are read from their content by the
    table passes (_columns_by_mood)."""
    for index, row in enumerate(rows[: HEADER_SEARCH_ROWS - 1]):
        texts = _cell_texts(row)
        written = [t for t in texts if t and t.strip()]
        if len(written) < 3 or len(written) != len(texts):
            continue
        if not all(header_cell_like(t, max_unknown=MAX_UNKNOWN_HEADER) for t in written):
            continue
        fields = [field_for_header(t) for t in texts]
        if fields.count("seq") != 1:
            continue
        below = _cell_texts(rows[index + 1])
        seq = fields.index("seq")
        if seq < len(below) and parse_seq(below[seq] or "") == 1:
            return _Header(index, 1, _columns(_single_header(row)), {header_key(row)}, unknown=True)
    return None


def _sub_header_moved_under_group(top: RawRow, below: RawRow) -> RawRow | None:
    """A sub-header line flattened to the left ("截至6月底进展 | 7月工作计划 | ||||") under a header
    whose last cell spans empty cells ("… | 2025年进展情况 | ||"): the sub-headers moved under
    that group cell, where the grid had them. None when ``below`` is not such a line."""
    tops, subs = _cell_texts(top), _cell_texts(below)
    filled = [j for j, t in enumerate(subs) if t]
    named = [j for j, t in enumerate(tops) if t]
    if len(filled) < 2 or filled != list(range(len(filled))) or not named or len(filled) >= len(named):
        return None
    group = named[-1]
    if len(tops) - group < len(filled) or group < len(filled):
        return None  # the group's span (empty cells after it) must hold every sub-header
    texts = [subs[j] or "" for j in filled]
    if not all(header_cell_like(t, max_unknown=MAX_SUB_HEADER) and field_for_header(t) for t in texts):
        return None
    cells = [RawCell("") for _ in tops]
    for offset, text in enumerate(texts):
        cells[group + offset] = RawCell(text)
    return RawRow(cells, page=below.page)


def _single_header(row: RawRow) -> list[tuple[str, str | None]]:
    names: list[tuple[str, str | None]] = []
    for position, cell in enumerate(row.cells):
        if cell.text is None and names:  # a header cell spanning columns: name them after it
            names.append((f"{names[-1][0]}_{position + 1}", None))
        else:
            text = collapse_layout_space(cell.text or "")
            names.append((text, field_for_header(text)))
    return names


def _padded(tops: list[str | None], width: int) -> list[str | None]:
    """A header's top row written shorter than the row below it (its empty cells at the end left
    out, as a copy with bars or tabs does: "项目名称 | 项目类别" over five sub-headers): empty
    cells to the right, which a group header before them spans."""
    return tops + [""] * (width - len(tops))


def _is_sub_header(top: RawRow, below: RawRow) -> bool:
    """Whether ``below`` completes ``top`` (sub-columns of a group header, or a header's second line)."""
    tops, subs = _padded(_cell_texts(top), len(below.cells)), _cell_texts(below)
    subs = (subs + [None] * len(tops))[: len(tops)]
    filled = [j for j, t in enumerate(subs) if t]
    if not filled or header_key(below) == header_key(top):
        return False
    if any(is_heading(t) or not header_cell_like(t, max_unknown=MAX_SUB_HEADER) for t in subs if t):
        return False
    if _broken_in_two(tops, subs):
        return True
    seq_col = next((j for j, t in enumerate(tops) if field_for_header(t or "") == "seq"), None)
    if seq_col is not None and subs[seq_col]:
        return False
    for j in filled:
        covered = tops[j] is None or (tops[j] == "" and j > 0)
        spans = j + 1 < len(tops) and (tops[j + 1] is None or tops[j + 1] == "") and bool(subs[j + 1])
        completes = bool(tops[j]) and field_for_header((tops[j] or "") + (subs[j] or "")) not in (
            None,
            field_for_header(tops[j] or ""),
        )
        # A sub-header sits under a group header, or completes the header above it; a cell that
        # merely contains a header word ("重点项目建设") under a plain header is a first data row.
        if covered or spans or completes:
            return True
    return False


def _broken_in_two(tops: list[str | None], subs: list[str | None]) -> bool:
    """A header printed over two rows, every cell cut at the same width (``headers.broken_header``)."""
    return broken_header(tops, subs)


def _merged_header(top: RawRow, below: RawRow) -> list[tuple[str, str | None]]:
    """(name, field) per column from a two-row header.

    Under a group header ("2024年推进情况" spanning "截至9月底进展" | "10月工作计划") a column is
    named "group/sub" and means what its sub-header means; a header broken over two rows
    ("牵头" over "区领导") is one name, read whole.
    """
    tops = [collapse_layout_space(t) if t else t for t in _padded(_cell_texts(top), len(below.cells))]
    subs = [collapse_layout_space(t or "") for t in _cell_texts(below)]
    subs = (subs + [""] * len(tops))[: len(tops)]
    group: list[str | None] = [None] * len(tops)
    for j, text in enumerate(tops):
        spans_right = j + 1 < len(tops) and (tops[j + 1] is None or (tops[j + 1] == "" and subs[j + 1]))
        if text and spans_right and subs[j]:
            group[j] = text
        elif not text and j > 0 and group[j - 1] and subs[j]:
            group[j] = group[j - 1]
    names: list[tuple[str, str | None]] = []
    for j, (text, sub) in enumerate(zip(tops, subs, strict=True)):
        if group[j]:
            names.append((f"{group[j]}/{sub}", field_for_header(sub) or field_for_header(group[j] or "")))
        elif text and sub:
            whole = text + sub
            names.append((whole, field_for_header(whole) or field_for_header(text) or field_for_header(sub)))
        else:
            name = text or sub or ""
            names.append((name, field_for_header(name) if name else None))
    return names


def header_key(row: RawRow | list[str | None]) -> tuple[str, ...]:
    """What makes two header rows the same: their texts without spaces or edge punctuation."""
    texts = [c.text for c in row.cells] if isinstance(row, RawRow) else row
    return tuple(match_key(t or "") for t in texts)


def _columns(names: list[tuple[str, str | None]]) -> list[ColumnSpec]:
    """Columns with their fields: each field goes to the column with the strongest claim on it.

    ``names`` holds each column's header text and the field read from it (for a two-row header,
    from its sub-header); a column keeps that reading when no other column claims it more.
    """
    claims: list[tuple[float, int, str]] = []
    for position, (text, name) in enumerate(names):
        for field_name, strength in _column_claims(text):
            bonus = 0.5 if field_name == name else 0.0
            claims.append((strength + bonus, position, field_name))
        if name and not any(f == name for _, p, f in claims if p == position):
            claims.append((3.5, position, name))
    assigned: dict[int, str] = {}
    taken: set[str] = set()
    for _, position, field_name in sorted(claims, key=lambda c: (-c[0], c[1])):
        if position not in assigned and field_name not in taken:
            assigned[position] = field_name
            taken.add(field_name)
    _name_over_target(names, assigned)
    _deepest_level_is_task(names, assigned)
    columns: list[ColumnSpec] = []
    for position, (text, _) in enumerate(names):
        header = text or f"列{position + 1}"
        field_name = assigned.get(position)
        columns.append(ColumnSpec(header=header, field=field_name, key=field_name or header))
    return columns


DATED_PROGRESS = 0.1  # what a progress header dated within the year ("截至6月底进展") claims more
PLANNED = 1.0  # what a progress header opening with a plan word (计划完成, 序时进度) claims less
PLANNED_FLOOR = 0.2  # (still the progress where no other column claims it)
LEAD_ROLE = 0.1  # what a units header naming the lead role (牵头单位, 主办单位) claims more than 责任单位


def _column_claims(text: str) -> list[tuple[str, float]]:
    """The fields a column's header claims. Under a group header that names the same field
    ("2025年进展情况/截至6月底进展") the sub-header claims as strongly as it would alone; a
    progress header dated within the year ("截至6月底进展", "1-9月完成情况") claims a little more
    than an undated one ("具体完成情况"), since the report's progress is what stands at its date."""
    claims = dict(header_candidates(text, morphemes=True))
    group, _, sub = text.rpartition("/")
    group_reading = header_candidates(group, morphemes=True) if group else ()
    sub_reading = header_candidates(sub, morphemes=True) if group else ()
    if group_reading and sub_reading and group_reading[0][0] == sub_reading[0][0]:
        # the sub-header refines what its group names: it claims as it would alone
        field_name, strength = sub_reading[0]
        claims[field_name] = max(claims.get(field_name, 0.0), strength)
    if "progress" in claims and layout_patterns()["dated_header"].search(match_view(sub or text)):
        claims["progress"] += DATED_PROGRESS
    if "progress" in claims and opens_planned(sub or text):
        # 计划完成 beside 实际完成: the plan is the target, what was done the progress
        claims["progress"] = max(claims["progress"] - PLANNED, PLANNED_FLOOR)
    if "lead_units" in claims and names_lead_role(sub or text):
        claims["lead_units"] += LEAD_ROLE  # 牵头单位 over 责任单位, whichever stands first
    return sorted(claims.items(), key=lambda item: -item[1])


def _name_over_target(names: list[tuple[str, str | None]], assigned: dict[int, str]) -> None:
    """A table with a name column (考核指标, 项目名称) and a target column (工作目标, 年度目标), or a
    column of names (事项名称) and one describing them (建设内容): the task is the name; the target
    or the description stays in its own cell (gold conventions). The name column stands left."""
    task = next((p for p, f in assigned.items() if f == "task"), None)
    if task is None:
        return
    task_header = match_key(names[task][0])
    target = bool(TARGET_HEADER.search(task_header))
    # A column describing what the row names (建设内容, 工作要求) yields to a column headed as the
    # rows' names (事项名称, 工程名称): the name is the task, the description its cell.
    described = bool(DESCRIPTION_HEADER.search(task_header))
    if not target and not described:
        return
    for position in range(task):
        header = match_key(names[position][0])
        name = NAME_HEADER.search(header) if target else NAMED_HEADER.search(header)
        if position not in assigned and name:
            del assigned[task]
            assigned[position] = "task"
            return


def _deepest_level_is_task(names: list[tuple[str, str | None]], assigned: dict[int, str]) -> None:
    """一级指标 | 二级指标: the deepest level names each row's task, the ones above it group them."""
    levels = {
        position: LEVELS.index(match.group(1))
        for position, (text, _) in enumerate(names)
        if (match := LEVEL_HEADER.match(match_key(text)))
    }
    task = next((p for p, f in assigned.items() if f == "task"), None)
    if task not in levels or len(levels) < 2:
        return
    deepest = max(levels, key=lambda p: levels[p])
    if deepest != task and deepest not in assigned:
        del assigned[task]
        assigned[deepest] = "task"
        if "category" not in assigned.values():
            assigned[task] = "category"


def assemble(document: RawDocument) -> Assembly:
    tables: list[AssembledTable] = []
    unplaced: list[Paragraph] = []
    context: list[Paragraph] = []
    current: AssembledTable | None = None
    text_after_table = False
    for block in document.blocks:
        if isinstance(block, Paragraph):
            if block.text.strip() and not is_furniture(block.text):
                context.append(block)
                text_after_table = True
            continue
        current, consumed = _take_table(block, current, context, tables, unplaced)
        if consumed:
            context = []
            text_after_table = False
    unplaced.extend(context)
    for table in tables:
        for settle in TABLE_PASSES:
            settle(table)
    if tables and not text_after_table:
        _warn_if_cut_off(tables[-1])
    return Assembly(tables=tables, unplaced=unplaced)


@cache
def _unit_label() -> regex.Pattern[str]:
    """ "责任单位：…" at a sentence boundary, matched on the matching view."""
    words = "|".join(regex.escape(match_view(w)) for w, f in label_synonyms() if f == "lead_units")
    return compile_rule(rf"(?:^|(?<=[。;,\s])|(?<=[。;,\s]\())(?:{words})\s*:\s*")


def _units_from_labels(table: AssembledTable) -> None:
    """A table without a 牵头单位 column whose task cells end with "责任单位：…" gets the column.

    The label and the units after it leave the task text; the units fill the new column.
    """
    task = table.column_of("task")
    if table.column_of("lead_units") is not None or task is None:
        return
    found = [_unit_label().search(match_view(row.texts[task])) for row in table.rows]
    # The same units named by their role instead of a label ("（市住建局牵头）", "(市教育局负责)",
    # "（市发改委牵头，市财政局配合）"): the bracket closing the task reads as the labelled one does.
    roles = [None if match else _role_bracket(row.texts[task]) for row, match in zip(table.rows, found, strict=True)]
    if not any(found) and not any(roles):
        return
    table.columns.append(ColumnSpec(header="牵头单位", field="lead_units", key="lead_units"))
    _sources_in_step(table, len(table.columns) - 1)
    notes: list[str] = []  # the bracket's words besides the lead units (roles, partners): nothing lost
    for row, match, role in zip(table.rows, found, roles, strict=True):
        text = row.texts[task]
        if role is not None:
            row.texts[task], leads = role
            row.texts.append(leads)
            notes.append(text[len(row.texts[task]) :].strip())  # "（市发改委牵头，市财政局配合）"
            continue
        if match is None:
            row.texts.append("")
            notes.append("")
            continue
        before, units = text[: match.start()].rstrip(), text[match.end() :].strip()
        note = ""
        if match_view(before).endswith("("):
            # "…打造海上画廊。（牵头单位：市住建局）": the bracket holds the label and its units.
            before, units = before[:-1].rstrip(), units.rstrip("。.;；")
            units = units[:-1].rstrip() if match_view(units).endswith(")") else units
            # "（牵头单位：市交通局；配合单位：各县区）": the next label's units are not the lead's
            other = NEXT_LABEL.search(match_view(units))
            units, note = (units[: other.start()].rstrip(), units[other.start() :]) if other else (units, "")
        row.texts[task] = before
        row.texts.append(units.rstrip("。.;；"))
        notes.append(note.strip(" ;；,，"))
    if any(notes):
        # (a column no field reads, as a header the vocabulary does not know is kept)
        table.columns.append(ColumnSpec(header=UNIT_NOTE, field=None, key=UNIT_NOTE))
        _sources_in_step(table, len(table.columns) - 1)
        for row, note in zip(table.rows, notes, strict=True):
            row.texts.append(note)
    table.warnings.append(
        TableWarning("units_from_label", "lead units taken from a 责任单位 label inside the task cells")
    )


UNIT_NOTE = "单位标注"  # the column keeping a task bracket's roles and partner units beside its lead units
NEXT_LABEL = compile_rule(r"[;,]\s*[^;,:()]{1,8}:")  # on the matching view: "；配合单位：…" after the lead's units
UNIT_BRACKET = compile_rule(r"\(([^()]{2,60})\)\s*[。.;]?\s*(?=\n|$)")  # on the matching view
UNIT_PARTS = compile_rule(r"[、,，;；/]")


def _role_bracket(text: str) -> tuple[str, str] | None:
    """(the task without it, its lead units) when ``text`` ends with a bracket naming units by their
    role ("…打造海上画廊。（市住建局牵头）", "…(市发改委牵头,市财政局配合)", "（市教育局负责）"): the
    units before a lead role lead; partners after it ("…配合") are no lead. None otherwise."""
    view = match_view(text.rstrip())
    closing = [m for m in UNIT_BRACKET.finditer(view) if m.end() == len(view)]
    if not closing:
        return None
    bracket = closing[-1]
    leads = _bracket_leads(bracket.group(1))
    if leads is None:
        return None
    return text[: bracket.start()].rstrip(), "、".join(
        text[bracket.start(1) + a : bracket.start(1) + b] for a, b in leads
    )


def _bracket_leads(inside: str) -> list[tuple[int, int]] | None:
    """Where the lead units stand in a bracket's text (the matching view) that names units and their
    roles, "市发改委、市财政局牵头" or "市发改委牵头,市财政局等配合"; None when it says anything else."""
    patterns = prose_patterns()
    inside = inside.rstrip()
    role = patterns["lead_role"].search(inside)
    if role is None or role.start() == 0:
        return None
    rest = inside[role.end() :].strip(" ,;、。.")
    if rest:
        partners = [p for p in regex.split(r"[、,;\s]+", patterns["unit_role"].sub("、", rest)) if p]
        if not partners or not all(looks_like_units(p) for p in partners):
            return None
    spans = []
    for part in regex.finditer(r"[^、,;/\s]+", inside[: role.start()]):
        if not looks_like_units(part.group()) or len(part.group()) > 20 or regex.search(r"\d", part.group()):
            return None
        spans.append(part.span())
    return spans or None


def _unit_bracket(inside: str) -> bool:
    """Whether a bracket's text is unit names ("信義區公所、臺北市教育局"), not a note about the
    task ("暂命名", "含渭源县第二人民医院")."""
    parts = [p.strip() for p in UNIT_PARTS.split(inside) if p.strip()]
    return (
        bool(parts)
        and all(looks_like_units(p) and len(p) <= 20 for p in parts)
        and not prose_patterns()["includes_bracket"].match(inside)
    )


def _units_from_brackets(table: AssembledTable) -> None:
    """A table without a 牵头单位 column whose tasks end naming their units in a bracket ("增設文史
    故事牆(信義區公所、臺北市教育局)", each item of a task "…課程。(信義區公所)"): the units of every
    such bracket ending an item fill a new lead column, and the closing bracket leaves the task
    (gold conventions: an inline unit marker is no part of the task). Only when most tasks do so."""
    task = table.column_of("task")
    if table.column_of("lead_units") is not None or task is None or not table.rows:
        return
    found = []
    for row in table.rows:
        view = match_view(row.texts[task])
        found.append([m for m in UNIT_BRACKET.finditer(view) if _unit_bracket(m.group(1))])
    closing = [
        bool(marks) and marks[-1].end() == len(match_view(row.texts[task]).rstrip())
        for row, marks in zip(table.rows, found, strict=True)
    ]
    if sum(closing) < max(2, len(table.rows) / 2):
        return
    table.columns.append(ColumnSpec(header="牵头单位", field="lead_units", key="lead_units"))
    _sources_in_step(table, len(table.columns) - 1)
    for row, marks, closes in zip(table.rows, found, closing, strict=True):
        text = row.texts[task]
        units = [text[m.start(1) : m.end(1)].strip() for m in marks]
        row.texts.append("、".join(units))
        if closes:
            row.texts[task] = text[: marks[-1].start()].rstrip()
    table.warnings.append(
        TableWarning("units_from_brackets", "lead units taken from the brackets closing the task cells")
    )


def _units_from_remarks(table: AssembledTable) -> None:
    """No unit column, and the 备注 names the responsible unit in most rows: it is the lead unit
    (gold conventions: a unit named only in 备注)."""
    remarks = table.column_of("remarks")
    if remarks is None or table.column_of("lead_units") is not None:
        return
    texts = [row.texts[remarks].strip() for row in table.rows if row.texts[remarks].strip()]
    if len(texts) >= 2 and sum(1 for t in texts if looks_like_units(t)) >= 0.6 * len(texts):
        header = table.columns[remarks].header
        table.columns[remarks] = ColumnSpec(header=header, field="lead_units", key="lead_units")


# A task column filled in fewer rows than this is a group column when another task column is filled.
MIN_TASK_FILL = 0.5


def _task_where_written(table: AssembledTable) -> None:
    """The task is the task column that holds the rows' tasks.

    A 项目名称 merged over its group's rows ("一、就业促进行动" once, then empty; or the same name
    repeated down a merge) names the group, not each task; when another column that claims the
    task (年度目标任务, 项目内容) is written in nearly every row, and differs more from row to row,
    that one is the task and the group column keeps its header (a repeated name is the section)."""
    task = table.column_of("task")
    if task is None or not table.rows:
        return

    def fill(position: int) -> float:
        return sum(1 for row in table.rows if row.texts[position].strip()) / len(table.rows)

    def distinct(position: int) -> int:
        return len({row.texts[position].strip() for row in table.rows if row.texts[position].strip()})

    repeated = len(table.rows) >= 2 and distinct(task) <= len(table.rows) / 2
    if fill(task) >= MIN_TASK_FILL and not repeated:
        return
    # (a column of measures, 工作措施 / 推进举措, says how each task is pursued: never the task itself)
    others = [
        position
        for position, column in enumerate(table.columns)
        if column.field is None
        and any(name == "task" for name, _ in header_candidates(column.header, morphemes=True))
        and not is_measures_header(column.header)
    ]
    best = max(others, key=fill, default=None)
    if best is None or fill(best) < 1 - MIN_TASK_FILL / 2:
        return
    if repeated and distinct(best) <= distinct(task):
        return
    old, new = table.columns[task], table.columns[best]
    table.columns[task] = ColumnSpec(header=old.header, field=None, key=old.header)
    table.columns[best] = ColumnSpec(header=new.header, field="task", key="task")
    if repeated:
        # A name merged over its rows (农村人居环境整治提升工程 over its eight targets) is their group.
        for row in table.rows:
            row.section = row.section or row.texts[task].strip() or None


# Passes over a table once its rows are read, in this order, each testable alone: where the lead
# units are when no column names them (a 备注 of units, "责任单位：…" inside the task), and which
# column holds the tasks when the task column is a group column.
def _category_shifted(table: AssembledTable) -> None:
    """Rows under a merged category cell lack it: their cells stand one column to the left with
    the last one empty ("2.居民消费价格涨幅 | % | 2.7 |" under "一级指标 | 二级指标 | 单位 | 值").
    Such a row, whose first cell reads like the next column's cells, moves one column right."""
    if not table.columns or table.columns[0].field != "category" or len(table.columns) < 3:
        return
    in_place = [bool(SEQ_PREFIX.match(match_view(row.texts[1]))) for row in table.rows]
    shifted = [bool(SEQ_PREFIX.match(match_view(row.texts[0]))) for row in table.rows]
    if not any(in_place) or sum(in_place) + sum(shifted) < len(table.rows) / 2:
        return
    width = len(table.columns)
    lengths = table.row_lengths if len(table.row_lengths) == len(table.rows) else [width] * len(table.rows)
    for row, moved, length in zip(table.rows, shifted, lengths, strict=True):
        # Its last cell is empty, or it arrived a cell short (a pipe row under a merge).
        if moved and (not row.texts[-1].strip() or length < width):
            row.texts[:] = ["", *row.texts[:-1]]
            if row.sources:
                row.sources[:] = [[], *row.sources[:-1]]


def _task_number(text: str) -> regex.Match[str] | None:
    """The number a task opens with: 1、/1. (SEQ_PREFIX), or an item's number in brackets or in
    Chinese numerals (（一）, (2), 三、: layout.toml item_prefix, the shared {ENUMERATOR}) with the
    space after it; None when it opens with none or the number does not read as one."""
    view = match_view(text)
    match = SEQ_PREFIX.match(view) or layout_patterns()["item_prefix"].match(view)
    return match if match and parse_seq(match.group().strip()) is not None else None


def _seq_from_task_prefix(table: AssembledTable) -> None:
    """No 序号 column, and most tasks open with their number ("1.地区生产总值增长率"): the number
    becomes the row's 序号 cell and leaves the task. A 序号 column written in few rows, a number
    over a group of rows whose tasks number themselves ("1 | 主要预期目标 | 1.地区生产总值…", then
    "2.一般公共预算…" with no 序号), gives way the same: its cells stay under its header."""
    task = table.column_of("task")
    seq = table.column_of("seq")
    if task is None or not table.rows:
        return
    prefixes = [_task_number(row.texts[task]) for row in table.rows]
    if sum(1 for p in prefixes if p) < max(2, len(table.rows) / 2):
        return
    if not numbers_count([n for p in prefixes if p and (n := parse_seq(p.group().strip())) is not None]):
        return  # every task opens a list of its own at "1.", or lists go on inside cells: no row numbers
    if seq is not None:
        written = sum(1 for row in table.rows if row.texts[seq].strip())
        if 2 * written >= len(table.rows) or sum(1 for p in prefixes if p) < 0.8 * len(table.rows):
            return
        header = table.columns[seq].header
        table.columns[seq] = ColumnSpec(header=header, field=None, key=header)
    table.columns.insert(0, ColumnSpec(header="序号", field="seq", key="seq"))
    _sources_in_step(table, 0)
    for row, prefix in zip(table.rows, prefixes, strict=True):
        text = row.texts[task]
        number = text[: prefix.end()].strip() if prefix else ""
        row.texts[task] = text[prefix.end() :] if prefix else text
        row.texts.insert(0, number)


MEASURES_AS_REPORTS = 0.8  # share of a measures column's written cells that must report for it to be the progress


def _fields_by_content(table: AssembledTable) -> None:
    """Where a header's reading is one of two, the column's content decides.

    A 单位 whose cells are units of measure (万人, 公里, 元/月/人) is the measure, not the
    responsible unit; a status header (目标完成情况) over sentences, in a table without a progress
    column, is the progress."""
    from extractor.layout.classes import classify, is_measure  # the layout stage's content classes

    def written(position: int) -> list[str]:
        return [row.texts[position].strip() for row in table.rows if row.texts[position].strip()]

    for position, column in enumerate(table.columns):
        texts = written(position)
        if len(texts) < 2:
            continue
        if column.field == "lead_units" and sum(is_measure(t) or t in "-—/" for t in texts) >= 0.6 * len(texts):
            table.columns[position] = ColumnSpec(header=column.header, field="measure", key="measure")
        elif (
            column.field == "status"
            and table.column_of("progress") is None
            and sum(classify(t) in ("prose", "report") for t in texts) >= 0.6 * len(texts)
        ):
            table.columns[position] = ColumnSpec(header=column.header, field="progress", key="progress")
        elif (
            column.field is None
            and table.column_of("progress") is None
            and is_measures_header(column.header)
            and sum(classify(t) == "report" for t in texts) >= MEASURES_AS_REPORTS * len(texts)
        ):
            # 工作推进落实措施 over "已开工12个…", "已建成1所…": the header names only the task's measures
            # (a side column), yet every cell reports what was done: where no column holds the
            # progress, this one does (its content decides, as for the status header above). Cells
            # that say what is to be done ("加快推进项目建设，确保年底完工") read as prose: not this.
            table.columns[position] = ColumnSpec(header=column.header, field="progress", key="progress")
    # Two columns that read as progress, one of them a rate (完成进度, 完成率: 51, 31 …): the
    # amount done (上半年完成: 5, 55 …) is the progress, the rate says how far along it is.
    progress = table.column_of("progress")
    if progress is not None and RATE_HEADER.search(match_view(table.columns[progress].header)):
        for position, column in enumerate(table.columns):
            claims = [name for name, _ in header_candidates(column.header, morphemes=True)]
            if (
                column.field is None
                and claims[:1] == ["progress"]
                and not RATE_HEADER.search(match_view(column.header))
                and written(position)
            ):
                rate = table.columns[progress]
                table.columns[progress] = ColumnSpec(header=rate.header, field="status", key="status")
                table.columns[position] = ColumnSpec(header=column.header, field="progress", key="progress")
                break


RATE_HEADER = compile_rule(r"率|比例|比重|占比|进度|%")


# Which column is the task and which the report when the header does not say (a header the
# vocabulary reads by a morpheme only, or one the layout stage wrote from the columns' content): the
# columns' sentences decide, by their mood (layout.toml [columns31]): a report says what was done or
# is under way (已开工, 正在, 截至…), a task or a plan what is to be done (力争, 确保, 到2025年).
MIN_TEXT_FILL = 0.5  # share of the rows a text column is written in
MIN_TEXT_SHARE = 0.6  # share of a text column's cells that hold words (no unit, name, date or number)
TEXT_KINDS = frozenset({"prose", "report", "short", "figure", "status"})
EMPTY_TASK = 0.2  # a task column written in fewer rows than this holds no task
REPORTS = 0.5  # share of a column's cells in the report mood for it to read as reports
MIN_REPORTS = 0.3  # … or at least this share, and REPORTS_OVER_TASK more than the task column's
REPORTS_OVER_TASK = 0.25
FEW_REPORTS = 0.15  # at most this share of a column reading as plans may report
PLANS = 0.5  # share of a column's cells in the plan mood (and not reporting) for it to read as plans
WEAK_CLAIM = 2.0  # a header claims below this when no synonym is the whole header or leads it


@cache
def _moods() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    from extractor.rules.data import load

    data = load("layout")["columns31"]
    return compile_rule(data["report_mood"]), compile_rule(data["plan_mood"])


def reads_as_report(text: str) -> bool:
    """Whether a cell says what was done or is under way (layout.toml [columns31] report_mood)."""
    return bool(_moods()[0].search(match_view(text)))


def reads_as_plan(text: str) -> bool:
    """Whether a cell says what is to be done and reports nothing (plan_mood, no report_mood)."""
    return bool(_moods()[1].search(match_view(text))) and not reads_as_report(text)


def _written(table: AssembledTable, position: int) -> list[str]:
    return [row.texts[position].strip() for row in table.rows if row.texts[position].strip()]


def _text_column(table: AssembledTable, position: int) -> bool:
    """A column of words, written in most rows: no units, names, dates or bare numbers."""
    texts = _written(table, position)
    if len(texts) < max(2, MIN_TEXT_FILL * len(table.rows)):
        return False
    return sum(classify(t) in TEXT_KINDS for t in texts) >= MIN_TEXT_SHARE * len(texts)


def _report_share(table: AssembledTable, position: int) -> float:
    texts = _written(table, position)
    return sum(map(reads_as_report, texts)) / len(texts) if texts else 0.0


def _plan_share(table: AssembledTable, position: int) -> float:
    texts = _written(table, position)
    return sum(map(reads_as_plan, texts)) / len(texts) if texts else 0.0


def _weakly_named(table: AssembledTable, position: int) -> bool:
    """Whether the column's field is a guess: the layout stage wrote the header from the content
    (a ``-headerless`` layout), or no synonym is the whole header or leads it."""
    column = table.columns[position]
    if (table.layout or "").endswith("-headerless"):
        return True
    claims = dict(header_candidates(column.header, morphemes=True))
    return claims.get(column.field or "", 0.0) < WEAK_CLAIM


def _unnamed(column: ColumnSpec) -> ColumnSpec:
    return ColumnSpec(header=column.header, field=None, key=column.header)


def _named(column: ColumnSpec, field_name: str) -> ColumnSpec:
    return ColumnSpec(header=column.header, field=field_name, key=field_name)


def _side_column(column: ColumnSpec) -> bool:
    """A column its header gives to another field than the task's or the report's (存在问题, 下步计划,
    备注, 工作措施 …) even where that field went to another column: never the task or the report here."""
    if is_measures_header(column.header):
        return True
    claims = header_candidates(column.header, morphemes=True)
    return bool(claims) and claims[0][0] not in ("task", "progress")


NAME_FILL = 0.8  # share of the rows a column of the rows' names is written in, with as many distinct texts


def _name_column_unheaded(table: AssembledTable) -> None:
    """A task column headed as a description or a target (具体内容, 建设内容, 年度目标) with a column of
    words on its left whose header names nothing the vocabulary knows (考核条目, 攻坚方向, or no header)
    and that writes a different text in almost every row: that column names the rows, and the name is
    the task (gold conventions: a name column and a target column); the description stays a cell.
    _name_over_target reads the same from a left header that says "name" (项目名称, 指标); this reads
    it from the left column's content when its header says nothing."""
    task = table.column_of("task")
    if task is None or task == 0 or len(table.rows) < 2:
        return
    task_header = match_key(table.columns[task].header)
    described = TARGET_HEADER.search(task_header) or DESCRIPTION_HEADER.search(task_header)
    if not described and not is_measures_header(table.columns[task].header):
        return  # (measures, 推进举措 / 工作措施, are how a task is pursued: the cells beside its name)
    for position in range(task):
        column = table.columns[position]
        if column.field is not None or header_candidates(column.header, morphemes=True):
            continue
        texts = _written(table, position)
        if len(texts) < NAME_FILL * len(table.rows) or len(set(texts)) < NAME_FILL * len(texts):
            continue
        if not _text_column(table, position):
            continue
        table.columns[task] = _unnamed(table.columns[task])
        table.columns[position] = _named(column, "task")
        return


UNITS_SHARE = 0.6  # share of a column's written cells that are unit names for it to be the units


def _unknown_header_by_content(table: AssembledTable) -> None:
    """A header of words the vocabulary does not know (_numbered_header: "序号 | 攻坚方向 | 当前成果 |
    承担方") leaves its columns to their content, as a table with no header is read (layout/headerless):
    a column of unit names in most cells is the lead units (the first such), and where no column
    reads as reports, the longest text column after the task that reads as no plan is the report,
    else the last column of values after it (an indicator and its numbers). Only here: under a header
    the vocabulary reads, a column of places (所在街道及社区) is no lead unit."""
    if not table.unknown_header or len(table.rows) < 2:
        return
    if table.column_of("lead_units") is None:
        for position, column in enumerate(table.columns):
            texts = _written(table, position)
            units = sum(classify(t) == "unit" for t in texts)
            filled = len(texts) >= max(2, MIN_TEXT_FILL * len(table.rows))
            if column.field is None and filled and units >= UNITS_SHARE * len(texts):
                table.columns[position] = _named(column, "lead_units")
                break
    task = table.column_of("task")
    if task is None or table.column_of("progress") is not None:
        return
    _columns_by_mood(table)
    if table.column_of("progress") is not None:
        return
    after = [p for p in range(task + 1, len(table.columns)) if table.columns[p].field is None]
    texts = [p for p in after if _text_column(table, p) and _plan_share(table, p) < PLANS]
    if texts:
        best = max(texts, key=lambda p: sum(map(len, _written(table, p))) / len(_written(table, p)))
        table.columns[best] = _named(table.columns[best], "progress")
        return
    values = [
        p
        for p in after
        if len(_written(table, p)) >= MIN_TEXT_FILL * len(table.rows)
        and sum(classify(t) in NUMBER_CLASSES for t in _written(table, p)) >= MIN_TEXT_SHARE * len(_written(table, p))
    ]
    if values:
        table.columns[values[-1]] = _named(table.columns[values[-1]], "progress")


def _columns_by_mood(table: AssembledTable) -> None:
    """The task and the report read from the columns' content where the header does not say.

    - No task written (no task column, or one empty in almost every row) while text columns stand
      beside it: the first text column is the task, unless it reads as reports and a later one does
      not; the report is then a text column that reads as reports, or none (a table read with the
      rows' tasks under a progress header otherwise gives every row an empty task and a report
      that is its task).
    - No report column, and a text column the header names nothing (or a second task) reads as
      reports: it is the report (工作成果, 已开展工作, 当前成果 over "已完成…", "截至…").
    - A report column only a morpheme or the content named (预期成效, 工作思路 …) whose cells read as
      plans and scarcely report: the table has no report column (a plan table: 任务 | 目标 | 措施).
    """
    if len(table.rows) < 2:
        return
    texts = [
        p
        for p, column in enumerate(table.columns)
        if column.field in (None, "task", "progress") and not _side_column(column) and _text_column(table, p)
    ]
    task, progress = table.column_of("task"), table.column_of("progress")
    task_written = task is not None and len(_written(table, task)) >= EMPTY_TASK * len(table.rows)
    if not task_written:
        others = [p for p in texts if p != task]
        if not others:
            return
        chosen = next((p for p in others if _report_share(table, p) < REPORTS), None)
        if chosen is None:
            return  # every text column reports: the report stays where it is, the task unwritten
        if task is not None:
            table.columns[task] = _unnamed(table.columns[task])
        table.columns[chosen] = _named(table.columns[chosen], "task")
        if progress == chosen:
            progress = None
            report = next((p for p in others if p != chosen and _report_share(table, p) >= REPORTS), None)
            if report is not None:
                table.columns[report] = _named(table.columns[report], "progress")
                progress = report
        task = chosen
    if progress is None:
        # (reads as reports: in most of its cells, or in clearly more of them than the task column,
        # whose targets may report a little: "已建成的…")
        floor = max(MIN_REPORTS, _report_share(table, task) + REPORTS_OVER_TASK) if task is not None else REPORTS
        candidates = [
            p
            for p in texts
            if p != task
            and _report_share(table, p) >= min(REPORTS, floor)
            and _report_share(table, p) > _plan_share(table, p)
        ]
        if candidates:
            best = max(candidates, key=lambda p: (_report_share(table, p), -p))
            table.columns[best] = _named(table.columns[best], "progress")
        return
    if not _weakly_named(table, progress) or progress not in texts:
        return
    # (a column that merely reports in no more cells than the task's stays the report: dropping it
    # too raised dev progress .880→.885 but lowered test progress and figures)
    if _plan_share(table, progress) >= PLANS and _report_share(table, progress) <= FEW_REPORTS:
        table.columns[progress] = _unnamed(table.columns[progress])


# (layout.classes) a bare amount, never a task's words; a small whole number ("seq") outside the 序号
# column is a count ("70" under 目标任务（万平方米）)
NUMBER_CLASSES = frozenset({"number", "percent", "seq"})


def _task_not_a_number(table: AssembledTable) -> None:
    """The column the header reads as the task holds bare numbers in most rows (工作任务（万平方米）:
    37.63, 70 …): it states each row's target, so a column on its left that names the rows (城市名称,
    项目, an unnamed column of text) is the task, and the numbers stay in their own cells (gold
    conventions: a name column and a target column). What a header calls its target
    (_name_over_target) this reads from the cells, whatever the header calls it."""
    from extractor.layout.classes import classify

    task = table.column_of("task")
    if task is None or task == 0:
        return
    written = [row.texts[task].strip() for row in table.rows if row.texts[task].strip()]
    if len(written) < 2 or sum(classify(t) in NUMBER_CLASSES for t in written) < 0.8 * len(written):
        return
    for position in range(task - 1, -1, -1):
        column = table.columns[position]
        if column.field is not None and column.field != "category":
            continue
        names = [row.texts[position].strip() for row in table.rows if row.texts[position].strip()]
        if len(names) >= 0.8 * len(written) and not any(classify(t) in NUMBER_CLASSES for t in names):
            target = table.columns[task]
            table.columns[task] = ColumnSpec(header=target.header, field=None, key=target.header)
            table.columns[position] = ColumnSpec(header=column.header, field="task", key="task")
            return


def _names_as_task(table: AssembledTable) -> None:
    """No column names the task, and a category column (项目类别) holds a name in most rows: the
    rows are those categories, and it is their task."""
    if table.column_of("task") is not None or not table.rows:
        return
    category = table.column_of("category")
    if category is None:
        return
    filled = sum(1 for row in table.rows if row.texts[category].strip())
    if filled >= 0.8 * len(table.rows):
        table.columns[category] = ColumnSpec(header=table.columns[category].header, field="task", key="task")


TOTAL_ROW = compile_rule(r"^\s*(?:小计|合计|总计|共计|全[市区县省州盟旗]合计|总体)\s*(?:[(（][^()（）]*[)）])?\s*$")


def _totals_aside(table: AssembledTable) -> None:
    """A subtotal or total row (小计（90项）, 合计) sums the tasks above it; it is no task. Its cells
    are kept in a ``total_row`` warning."""
    task = table.column_of("task")
    if task is None:
        return
    kept = []
    for row in table.rows:
        if TOTAL_ROW.match(match_view(row.texts[task])):
            cells = " | ".join(text.strip() for text in row.texts if text.strip())
            table.warnings.append(TableWarning("total_row", f"a total, not a task: {cells}"))
        else:
            kept.append(row)
    table.rows[:] = kept


TABLE_PASSES = (
    _fields_by_content,
    _name_column_unheaded,
    _columns_by_mood,
    _unknown_header_by_content,
    _task_not_a_number,
    _category_shifted,
    _units_from_remarks,
    _units_from_labels,
    _units_from_brackets,
    _task_where_written,
    _names_as_task,
    _seq_from_task_prefix,  # once the task column is settled: its numbers are the rows'
    _totals_aside,
)


def _warn_if_cut_off(table: AssembledTable) -> None:
    """A document that ends inside a row: the row is kept as it is, with a warning."""
    if table.short_tail is not None and table.rows:
        present, width = table.short_tail
        table.warnings.append(
            TableWarning(
                "truncated",
                f"the document ends inside the last row ({present} of {width} cells): it may be cut off",
                len(table.rows) - 1,
            )
        )


def _take_table(
    raw: RawTable,
    current: AssembledTable | None,
    context: list[Paragraph],
    tables: list[AssembledTable],
    unplaced: list[Paragraph],
) -> tuple[AssembledTable | None, bool]:
    records = _records_as_table(raw) if _header_of(raw.rows) is None else None
    if records is not None:
        raw = records
    found = _header_of(raw.rows)
    if (
        found is not None
        and records is not None
        and current is not None
        and current.records
        and _same_kind_of_record(current.columns, found.columns)
    ):
        # The next form of the same kind under its own small title: the title is its section,
        # and labels it adds become columns of the table (blank for the records before it).
        if context:
            current.current_section = context[-1].text.strip()
            unplaced.extend(context[:-1])
        order = _merge_columns(current, found.columns)
        for row in raw.rows[found.index + found.height :]:
            cells = [RawCell("")] * len(current.columns)
            for position, cell in zip(order, row.cells, strict=False):
                cells[position] = cell
            _add_row(current, RawRow(cells, page=row.page), may_continue=False)
        return current, True
    if found is not None:
        continues = (
            current is not None
            and not context
            and bool(current.header_keys & found.keys)
            and not _numbering_restarts(current, raw.rows[found.index + found.height :])
        )
        if not continues or current is None:
            current = AssembledTable(
                columns=found.columns,
                header_keys=found.keys,
                kind=raw.kind,
                layout=raw.layout,
                records=records is not None,
                unknown_header=found.unknown,
            )
            attachment, title, rest = _title_of(context + _paragraph_rows(raw.rows[: found.index]))
            current.attachment, current.title = attachment, title
            unplaced.extend(rest)
            tables.append(current)
        body = raw.rows[found.index + found.height :]
    elif current is not None and not context and _width(raw) == len(current.columns):
        continues, body = True, raw.rows  # a page's table without a repeated header
    else:
        # Not our table (a metadata table above it, a layout box): its text is kept as
        # unplaced, and the lines above it still belong to the next table's title.
        unplaced.extend(_paragraph_rows(raw.rows))
        return current, False
    if body and _column_numbers(body[0]):
        body = body[1:]  # "1 2 3 4" under the header numbers the columns, not a task
    may_continue = continues
    for row in body:
        if any(c.text for c in row.cells):
            _add_row(current, row, may_continue=may_continue)
            may_continue = False
    return current, True


MAX_RECORD_LABEL = 12  # characters of a label in a label | value table


def _records_as_table(raw: RawTable) -> RawTable | None:
    """A label | value table ("项目名称 | …", "进展情况 | …", one task per block) as a row table.

    Project report forms put one task in a two-column table (or two label | value pairs a row).
    When at least two labels name known fields, one of them a task or progress, the labels
    become the header and each block of labels a row; a label seen again starts the next row.
    """
    pairs: list[tuple[str, str, int | None]] = []
    for row in raw.rows:
        texts = [c.text for c in row.cells]
        cells = [t for k, t in enumerate(texts) if t is not None and (k == 0 or t != texts[k - 1])]
        if len(cells) not in (2, 4):
            return None
        for k in range(0, len(cells), 2):
            label, value = collapse_layout_space(cells[k] or ""), cells[k + 1] or ""
            if not label:
                continue
            pairs.append((label, value, row.page))
    labels = [label for label, _, _ in pairs]
    fields = {field_for_header(label) for label in labels if len(label) <= MAX_RECORD_LABEL}
    if len(fields - {None}) < 2 or not fields & {"task", "progress"}:
        return None
    header: list[str] = list(dict.fromkeys(labels))
    rows: list[RawRow] = [RawRow([RawCell(h) for h in header])]
    record: dict[str, str] = {}
    page: int | None = None

    def flush() -> None:
        if record:
            rows.append(RawRow([RawCell(record.get(h, "")) for h in header], page=page))

    for label, value, row_page in pairs:
        if label in record:
            flush()
            record = {}
        if not record:
            page = row_page
        record[label] = value
    flush()
    return RawTable(rows, kind="records")


def _column_numbers(row: RawRow) -> bool:
    numbers = [parse_seq(c.text or "") for c in row.cells if c.text]
    return len(numbers) >= 3 and numbers == list(range(1, len(numbers) + 1)) and len(numbers) == len(row.cells)


def _same_kind_of_record(columns: list[ColumnSpec], other: list[ColumnSpec]) -> bool:
    """Two label | value forms describe the same kind of record when they share their task and
    progress labels (a 省 form and a 市 form of one monthly report)."""
    core = {"task", "progress"}
    return {c.field for c in columns} & core == {c.field for c in other} & core != set()


def _merge_columns(table: AssembledTable, columns: list[ColumnSpec]) -> list[int]:
    """Positions in ``table`` of each of ``columns``, appending the ones it lacks."""
    positions = []
    for column in columns:
        match = next(
            (k for k, c in enumerate(table.columns) if (c.field and c.field == column.field) or c.key == column.key),
            None,
        )
        if match is None:
            table.columns.append(ColumnSpec(header=column.header, field=None, key=column.key))
            _sources_in_step(table, len(table.columns) - 1)
            for row in table.rows:
                row.texts.append("")
            match = len(table.columns) - 1
        positions.append(match)
    return positions


def _numbering_restarts(table: AssembledTable, body: list[RawRow]) -> bool:
    """A table under the same header whose 序号 starts again at 1 is another table (the next sheet)."""
    column = table.column_of("seq")
    if column is None or not table.rows:
        return False
    first = next((r for r in body if len(r.cells) > column and (r.cells[column].text or "").strip()), None)
    last = parse_seq(table.rows[-1].texts[column])
    return first is not None and parse_seq(first.cells[column].text or "") == 1 and last is not None and last >= 1


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
    """Attachment label and title from the lines above a table; the other lines are returned.

    The title is the last line naming a table (ending in 情况, 进度表, 目标任务 …); failing that,
    the last line that is not a filler line (单位：万元, a sentence, a long paragraph).
    """
    layout = layout_patterns()
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
        text = paragraph.text.strip()
        if not layout["title_reject"].search(text) and not layout["note"].match(text):
            candidates.append(paragraph)
    if not candidates:
        rest = [p for p in paragraphs if not layout["attachment"].match(p.text)]
        return attachment, None, rest
    titled = [p for p in candidates if layout["title_cue"].search(p.text)]
    title = (titled or candidates)[-1]
    rest = [p for p in paragraphs if p is not title and not layout["attachment"].match(p.text)]
    return attachment, title.text.strip(), [p for p in rest if p.text.strip() != title.text.strip()]


def _add_row(table: AssembledTable, raw: RawRow, *, may_continue: bool) -> None:
    width = len(table.columns)
    if header_key(raw) in table.header_keys:
        return  # the header repeated (each page, or after a section)
    fitted, category = _fit(table, raw)
    # (a row moved right to the column whose numbering it goes on is that column's next item, not
    # a heading over the rows after it)
    shifted = bool(fitted) and fitted[0].merge == "above" and not (raw.cells and raw.cells[0].merge == "above")
    if category is not None:
        table.current_section = category
    cells = (fitted + [RawCell("")] * width)[:width]
    if len(fitted) > width and any(c.text for c in fitted[width:]):
        extra = "".join(c.text or "" for c in fitted[width:])
        table.warnings.append(
            TableWarning("extra_cells", f"cells beyond the header's columns appended: {extra[:40]}", len(table.rows))
        )
        cells[-1] = RawCell((cells[-1].text or "") + extra)
    texts = [c.text for c in cells]
    sources = [_source(c) for c in cells]
    if not any(texts):
        return
    if header_key(texts) in table.header_keys:
        return
    seq_column = table.column_of("seq")
    seq_text = (texts[seq_column] or "") if seq_column is not None else ""
    previous = table.rows[-1] if table.rows else None
    if may_continue and previous is not None and not seq_text.strip():
        if _follows(previous, raw.page):
            _join(previous, texts, raw.page, sources)
        else:
            # The row it ends is on a page that gave no table (a scanned page): keep the text apart.
            fragment = "\n".join(t for t in texts if t)
            table.warnings.append(
                TableWarning("orphan_fragment", f"page {raw.page}: end of a row whose page gave no table: {fragment}")
            )
        return
    # (The prose stage decides its rows itself: a row of one text there is a row, e.g. a target cut
    # off with the document after the last bracket of units.)
    if len(raw.cells) > 1 and table.kind != "prose" and _is_stray_line(texts, seq_column, previous):
        # One text alone in a numbered table, not a number and not a heading: the next paragraph
        # of the row above (a pipe or tab copy puts it on a line of its own, often in column 1).
        assert previous is not None and seq_column is not None
        filled_at = next(j for j, t in enumerate(texts) if t)
        target = table.column_of("task") if filled_at == seq_column else filled_at
        if target is not None:
            previous.texts[target] = "\n".join(t for t in (previous.texts[target], texts[filled_at] or "") if t)
            return
    heading = raw.cells[0].text if len(raw.cells) == 1 else _section_heading(texts)
    if heading and parse_seq(heading) is None and not shifted:
        table.current_section = heading
        return
    filled = []
    for index, cell in enumerate(cells):
        merged_above = cell.text is None and cell.merge != "left"
        # A vertically merged unit cell copied as text (Word's copy-as-text, web pages) or laid out
        # without rules arrives empty in the rows it spans: there empty means "same as above". In
        # a file's own grid merges are explicit (None), and in prose there are none: empty is empty.
        copied_merge = (
            cell.text == ""
            and table.columns[index].field in INHERITED_WHEN_EMPTY
            and table.kind in MERGES_LOST
            and index < len(fitted)  # a cell the row never reached (a cut-off row) is not a merge
        )
        if (merged_above or copied_merge) and previous is not None:
            filled.append(previous.texts[index])
        else:
            filled.append(cell.text or "")
    pages = [raw.page] if raw.page else []
    category_column = table.column_of("category")
    section = table.current_section
    if category_column is not None and filled[category_column]:
        section = filled[category_column]
        # A category cell merged over its group's rows is written once: the rows under it follow.
        table.current_section = section
    kept = sources if any(sources) else []
    table.rows.append(TableRow(texts=filled, pages=pages, section=section, sources=kept))
    usual = table.longest_row if table.row_lengths else width  # the rows before this one
    table.row_lengths.append(len(fitted))
    table.longest_row = max(table.longest_row, len(fitted))
    table.short_tail = (len(fitted), width) if len(fitted) < min(width, usual) else None


def _fit(table: AssembledTable, raw: RawRow) -> tuple[list[RawCell], str | None]:
    """The row's cells lined up with the columns, and a category that stood in front of it.

    - ``[category, 序号, …]``, one cell more than the header: a merged category cell copied as
      text heads the first row of its group; it becomes the section;
    - ``[序号, …]`` one cell fewer under a header whose 序号 is the second column: the rows
      under a merged category cell; the category is "same as above";
    - a row found in a stream of lines (``loose``) with extra cells had a cell split at a blank
      line (the longest text, the progress, is where that happens), and one with a cell too few
      lost an empty cell: it goes where the texts fit their columns best.
    """
    width = len(table.columns)
    cells = list(raw.cells)
    texts = [c.text or "" for c in cells]
    seq_column = table.column_of("seq")
    if (
        seq_column == 0
        and len(cells) >= width + 1
        and texts[0]
        and parse_seq(texts[0]) is None
        and parse_seq(texts[1]) is not None
    ):
        return cells[1:] if not raw.loose else _fit_loose(table, cells[1:]), texts[0]
    if seq_column == 1 and len(cells) == width - 1 and _next_number(table, texts[0]):
        return [RawCell(None, merge="above"), *cells], None
    shifted = _shifted_by_numbering(table, cells)
    if shifted is not None:
        return shifted, None
    written = len(texts) - next((k for k, t in enumerate(reversed(texts)) if t.strip()), len(texts))
    if seq_column == 0 and table.rows and 2 <= written < width - 1 and texts[0] and parse_seq(texts[0]) is None:
        # A sub-row under cells merged over it ("1 | 农村人居环境整治提升工程 | 推广… | …" and then
        # "新增绿化面积387亩。| 已完成新增造林387亩。| 已完成 | |||"): its cells stand where they
        # fit the columns best once the merged ones in front are left to the row above. (One cell
        # alone is a wrapped cell going on, not a sub-row.)
        options = [
            [*[RawCell(None, merge="above")] * shift, *cells[:written], *[RawCell("")] * (width - shift - written)]
            for shift in range(1, width - written + 1)
        ]
        best = max(options, key=lambda option: _fit_score(table, option))
        if _fit_score(table, best) > _fit_score(table, [*cells[:width], *[RawCell("")] * (width - len(cells))]):
            return best, None
    return (_fit_loose(table, cells) if raw.loose else cells), None


def _shifted_by_numbering(table: AssembledTable, cells: list[RawCell]) -> list[RawCell] | None:
    """A row under a merged cell that a copy left out, its cells standing one or more columns to
    the left ("（二）对人民群众… | |" under "一、深入解读… | （一）按照… | 各镇(街)"): its first text goes
    on with the numbering a later column of the row above opens with (the same way of writing, the
    next number) while the column it stands in is numbered otherwise. Its cells move right to that
    column; the ones in front are merged from above. None when the row reads in place."""
    previous = table.rows[-1] if table.rows else None
    width = len(table.columns)
    first = next((k for k, c in enumerate(cells) if c.text and c.text.strip()), None)
    if previous is None or first is None or any(c.text is None for c in cells):
        return None
    found = item_enumerator(cells[first].text)
    if found is None:
        return None
    style, number = found
    above = [item_enumerator(text) for text in previous.texts]
    if first >= min(width, len(above)):
        return None  # (a row longer than the table, its first text past the last column: not this case)
    if above[first] is None or above[first][0] == style:
        # its own column goes on numbering the same way (the row is in place), or is no numbered
        # group column whose cell the copy could have left out
        return None
    target = next((k for k in range(first + 1, min(width, len(above))) if above[k] == (style, number - 1)), None)
    if target is None:
        return None
    # (the empty cells it ends with stand for the merged ones it left out, as far as they reach: a row
    # cut off by the document's end keeps its length, the cells it never reached stay unknown)
    moved = [*(RawCell(None, merge="above") for _ in range(target)), *cells[first:]]
    while len(moved) > width and not (moved[-1].text or "").strip():
        moved.pop()
    return moved if len(moved) <= width else None


def _next_number(table: AssembledTable, text: str) -> bool:
    """Whether ``text`` is a 序号 that goes on from the row above (the next number, or 1 again):
    a row opening with it is numbered in the 序号 column, its cell in front merged above. A row
    cut off by the document's end ("1996 | 7. | 在 1997 年…": its year first) is not shifted."""
    number = parse_seq(text)
    if number is None:
        return False
    seq_column = table.column_of("seq")
    previous = parse_seq(table.rows[-1].texts[seq_column]) if table.rows and seq_column is not None else None
    return previous is None or number in (previous + 1, 1)


def _fit_loose(table: AssembledTable, cells: list[RawCell]) -> list[RawCell]:
    width = len(table.columns)
    if len(cells) > width:
        extra = len(cells) - width
        target = table.column_of("progress")
        if target is None:
            target = max(range(1, width), key=lambda j: len(cells[j].text or ""), default=0)
        joiner = " " if table.kind == "words" else "\n"
        merged = joiner.join(c.text or "" for c in cells[target : target + extra + 1])
        default = [*cells[:target], RawCell(merged), *cells[target + extra + 1 :]]
        if math.comb(len(cells) - 1, width - 1) > MAX_GROUPINGS:
            return default
        # Which neighbouring pieces were one cell: the grouping whose cells fit their columns best
        # and join only pieces of one kind ("县水务局" / "县住建局" / "县护城河指挥部", one unit a
        # line, are one 责任单位 cell, not the end of the task). Ties keep the default: the pieces
        # of the longest text, the progress, which is where a cell breaks at a blank line.
        default_groups = [[c] for c in cells[:target]] + [cells[target : target + extra + 1]]
        default_groups += [[c] for c in cells[target + extra + 1 :]]
        best, best_score = default, _grouping_score(table, default, default_groups)
        for cuts in itertools.combinations(range(1, len(cells)), width - 1):
            bounds = list(itertools.pairwise((0, *cuts, len(cells))))
            option = [
                RawCell(joiner.join(c.text or "" for c in cells[a:b])) if b - a > 1 else cells[a] for a, b in bounds
            ]
            score = _grouping_score(table, option, [cells[a:b] for a, b in bounds])
            if score > best_score + 1e-9:
                best, best_score = option, score
        return best
    if len(cells) == width - 1:
        options = [[*cells[:p], RawCell(""), *cells[p:]] for p in range(width)]
        scores = [_fit_score(table, option) for option in options]
        best = max(range(width), key=lambda p: (scores[p], p))
        return options[best]
    return cells


# Content classes that are all running text: pieces of one cell broken at a blank line may differ
# among these ("1.《意见》已审议通过。" reports, "2.1-6月，…" is prose) and still be one cell.
_TEXT_CLASSES = frozenset({"prose", "report", "short", "status", "figure", "percent"})


def _kind(text: str | None) -> str:
    kind = classify(text or "")
    return "text" if kind in _TEXT_CLASSES else kind


def _grouping_score(table: AssembledTable, cells: list[RawCell], groups: list[list[RawCell]]) -> float:
    """How well a grouping of a row's pieces fits: its cells' fit, less two points for every two
    neighbouring pieces of different kinds joined into one cell (more than a cell's fit can gain)."""
    mixed = sum(_kind(a.text) != _kind(b.text) for group in groups for a, b in itertools.pairwise(group))
    return _fit_score(table, cells) - 2 * mixed


def _fit_score(table: AssembledTable, cells: list[RawCell]) -> float:
    """How well texts fit their columns: 序号 where the number is, unit names under 牵头单位 …"""
    score = 0.0
    for column, cell in zip(table.columns, cells, strict=True):
        text = (cell.text or "").strip()
        if cell.merge == "above":
            continue  # the row above's cell: it fits where it stands
        if column.field == "seq":
            score += 3 if parse_seq(text) is not None else -5
        elif column.field in ("lead_units", "partner_units"):
            # (one unit name a line is a units cell too: classify reads it line by line)
            score += 1 if not text else (2 if looks_like_units(text) or classify(text) == "unit" else -2)
        elif column.field == "deadline":
            score += 1 if not text or (len(text) <= 20 and layout_patterns()["deadline_like"].search(text)) else -1
        elif column.field == "progress":
            score += min(len(text) / 50, 2)
        elif text and parse_seq(text) is not None:
            score -= 2
    return score


def _follows(row: TableRow, page: int | None) -> bool:
    """Whether a fragment on ``page`` can continue ``row``: on its next page (or pages unknown)."""
    return page is None or not row.pages or page == max(row.pages) + 1


def _is_stray_line(texts: list[str | None], seq_column: int | None, previous: TableRow | None) -> bool:
    filled = [t for t in texts if t]
    return (
        previous is not None
        and seq_column is not None
        and len(texts) > 1
        and len(filled) == 1
        and all(t is not None for t in texts)
        and parse_seq(filled[0]) is None
        and not is_heading(filled[0])
        and not _numbers_next(previous, filled[0])
    )


def _numbers_next(previous: TableRow, text: str) -> bool:
    """Whether ``text`` opens with the number after the one a cell of ``previous`` opens with
    ("12.强化…" after "11.不发生…"): a row of its own, its other cells merged or never written."""
    found = SEQ_PREFIX.match(match_view(text))
    if not found:
        return False
    numbers = [int(m.group(1)) for t in previous.texts if t and (m := SEQ_PREFIX.match(match_view(t)))]
    return int(found.group(1)) - 1 in numbers


def _section_heading(texts: list[str | None]) -> str | None:
    """The text of a row that is one heading across the table.

    ``[text, None, None…]`` (a merged row), or one heading-like text ("一、产业项目",
    "已完成的任务") in the first two columns with every other cell empty (a copy lost the merge).
    """
    present = [t for t in texts if t]
    if len(texts) < 2 or len(set(present)) != 1:
        return None
    first = next(i for i, t in enumerate(texts) if t)
    if first > 1:
        return None
    others_covered = all(t is None or t == present[0] or not t for t in texts[first + 1 :])
    merged = any(t is None for t in texts)
    return present[0] if others_covered and (merged or is_heading(present[0])) else None


def _join(row: TableRow, texts: list[str | None], page: int | None, sources: list | None = None) -> None:
    for index, text in enumerate(texts):
        if text:
            row.texts[index] = join_fragments(row.texts[index], text)
            if sources and sources[index] and row.sources:
                row.sources[index] = row.sources[index] + sources[index]
    if page and page not in row.pages:
        row.pages.append(page)


def _sources_in_step(table: AssembledTable, index: int) -> None:
    """A column added at ``index``: each OCR'd row's sources gain an empty entry there, so they stay
    one per column (a pass adds the column's texts itself)."""
    for row in table.rows:
        if row.sources:
            row.sources.insert(index, [])


def _source(cell: RawCell) -> list[tuple[int, tuple[float, float, float, float], float]]:
    """An OCR'd cell's page, box and confidence (a list: a cell continued on the next page adds one)."""
    if cell.page is None or cell.box is None or cell.confidence is None or not cell.text:
        return []
    return [(cell.page, cell.box, cell.confidence)]


_LATIN_END = compile_rule(r"[A-Za-z0-9]$")
_LATIN_START = compile_rule(r"^[A-Za-z0-9]")


def join_fragments(before: str, after: str) -> str:
    """Join two pieces of a cell cut by a page break: no separator between CJK, a space between words."""
    if _LATIN_END.search(before) and _LATIN_START.search(after):
        return f"{before} {after}"
    return before + after
