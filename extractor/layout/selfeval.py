"""Performance self-evaluation forms (绩效自评表): label–value blocks, then a table of indicators.

The form a budget unit fills in for each funded project: its name, units and money as label–value
pairs, the year's overall goal and what became of it (年度总体目标: 预期目标 | 实际完成情况), then
the indicators — 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因
(columns in the form's own order) — the first two levels merged over the indicators under them.
Copied as text the cells arrive one a paragraph, or flattened onto one line with spaces between
them; either way the cells come in order with nothing to tell a row's end. The rows are rebuilt
from what each column holds: a level is a name ending in 指标 (产出指标(50分), 数量指标), each
indicator its name, then its values, the 分值 and 得分 numbers; the reason after them is often
left empty, so a text there is the reason only when the next row starts after it.

The table written: the form's own header, the overall goal as its first row (its goal the task,
what became of it the progress, section 年度总体目标), then one row per indicator (三级指标 the
task, 实际完成值 the progress, the levels in their columns).
"""

from __future__ import annotations

from extractor.layout.base import Block, Line, trim
from extractor.readers.raw import Paragraph, RawCell, RawRow, RawTable
from extractor.rules.compiled import compile_rule
from extractor.textnorm import match_key, match_view

# What a header cell of the indicator table says of its column (on the matching key). (Kept here
# until a data file of the forms' vocabulary is registered in rules/schema.py; examples in tests.)
ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("level1", ("一级指标",)),
    ("level2", ("二级指标",)),
    ("name", ("三级指标", "指标名称", "绩效指标名称")),
    ("reason", ("原因", "措施", "说明", "备注")),
    ("rule", ("评分", "扣分", "计分", "评价标准")),  # a scoring rule (完成得满分): no target, before 标准
    ("actual", ("实际", "完成值", "完成情况")),
    ("target", ("指标值", "目标值", "预期", "计划值", "标准")),
    ("score", ("分值", "权重")),
    ("got", ("得分",)),
)
FLATTENED = 8  # a line of this many space-separated pieces or more is a table flattened onto a line
MAX_TOKEN = 300  # characters of one cell
LEVEL = compile_rule(r"^[^\d\s]{1,14}指标\s*(?:[(（]\s*\d+\s*分\s*[)）])?$")
FIRST_LEVEL = compile_rule(r"[(（]\s*\d+\s*分\s*[)）]$|^(?:产出|效益|满意度|成本)指标$")
NUMBER = compile_rule(r"^\d+(?:\.\d+)?$")
QUALIFIER = compile_rule(r"^(?:[≥≤><＞＜]=?|约)$")
GOAL = compile_rule(r"^(?:年度)?(?:总体)?目标$|^年度总体目标$")
# A label of the goal block (预期目标, 年初设定目标, 实际完成情况, 总体目标完成情况综述): short, no sentence.
GOAL_LABEL = compile_rule(r"^[^。；;，,]{0,10}(?:目标|情况|综述)$")
# A goal block's label of what became of the goal (实际完成情况, 目标完成情况综述), and how a text of
# it opens when the labels come first (已完成…, 全部完成, 累计…): what was done, not what was aimed at.
ACTUAL_LABEL = compile_rule(r"实际|完成情况|综述")
DONE_OPENER = compile_rule(r"^\s*(?:已经?|均已|现已|全部|全面|超额|累计|截至|截止|实际|实现了)")
END = compile_rule(r"^(?:注[:：.、]|注$|总分|合计|填表人|填报人|联系电话|说明[:：])")
MIN_ROWS = 2
GOAL_SECTION = "年度总体目标"


def role(header: str) -> str | None:
    """The column's role in an indicator table, by its header's words, or None."""
    key = "".join(c for c in match_key(header) if c not in "()（）[]【】")  # 评(扣)分标准: 评扣分标准
    for name, words in ROLES:
        if any(w in key for w in words):
            return name
    return None


def _tokens(lines: list[Line]) -> list[tuple[str, int | None]]:
    out: list[tuple[str, int | None]] = []
    for line in lines:
        text = trim(line.text)
        if not text:
            continue
        pieces = text.split()
        parts = _values_rejoined(pieces) if len(pieces) >= FLATTENED else [text]
        out.extend((p, line.page) for p in parts)
    return out


def _values_rejoined(pieces: list[str]) -> list[str]:
    """The pieces of a flattened line with a value's own spaces closed ("≥ 12公里", "3 座",
    "100 %": a PDF copy's spacing inside one cell): a bare qualifier joins the piece after it, a
    number with no measure (12, ≥12) the measure after it when together they are one value (``lastresort.is_value``)."""
    from extractor.layout.lastresort import is_value

    out: list[str] = []
    for piece in pieces:
        qualified = bool(out) and bool(QUALIFIER.match(_view(out[-1]))) and piece[:1].isdigit()
        measured = bool(out) and out[-1][-1:].isdigit() and is_value(out[-1]) and not piece[:1].isdigit()
        if qualified or (measured and is_value(out[-1] + piece)):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def self_evaluation(lines: list[Line]) -> list[Block] | None:
    """The form's indicator table (and its overall goal) as rows, or None when the text holds no
    indicator header (一级指标 … 三级指标 …)."""
    tokens = _tokens(lines)
    keys = [match_key(t) for t, _ in tokens]
    start = next((k for k, key in enumerate(keys) if key == "一级指标"), None)
    if start is None:
        return None
    end = start
    roles: list[str | None] = []
    while end < len(tokens) and len(keys[end]) <= 20 and not NUMBER.match(keys[end]):
        found = role(tokens[end][0])
        if found is None or found in roles:
            break
        roles.append(found)
        end += 1
    if "name" not in roles or "actual" not in roles or len(roles) < 4:
        return None
    header = [t for t, _ in tokens[start:end]]
    rows = _indicator_rows(tokens, end, roles)
    if rows is None:
        return None
    body, stop = rows
    if len(body) < MIN_ROWS:
        return None
    width = len(roles)
    table_rows = [RawRow([RawCell(h) for h in header], page=tokens[start][1])]
    goal = _goal(tokens[:start], roles)
    taken: set[int] = set()
    if goal is not None:
        task, progress, used = goal
        taken = set(used)
        cells = [""] * width
        for level in ("level1", "level2"):  # the goal's section, whichever level the table reads
            if level in roles:
                cells[roles.index(level)] = GOAL_SECTION
        cells[roles.index("name")] = task
        cells[roles.index("actual")] = progress
        table_rows.append(RawRow([RawCell(c) for c in cells], page=tokens[start][1]))
    for cells, page in body:
        table_rows.append(RawRow([RawCell(c) for c in cells], page=page))
    before = [Paragraph(t, page=p) for k, (t, p) in enumerate(tokens[:start]) if k not in taken]
    after = [Paragraph(t, page=p) for t, p in tokens[stop:]]
    return [*before, RawTable(table_rows, kind="stream", layout="selfeval"), *after]


def _view(text: str) -> str:
    return match_view(text).strip()


def _is_level(text: str) -> bool:
    return bool(LEVEL.match(match_view(text).strip()))


def _indicator_rows(
    tokens: list[tuple[str, int | None]], pos: int, roles: list[str | None]
) -> tuple[list[tuple[list[str], int | None]], int] | None:
    """Rows of indicators from ``pos``: (cells in the header's order, page) and where they stop."""
    after_name = roles[roles.index("name") + 1 :]
    rows: list[tuple[list[str], int | None]] = []
    level1 = level2 = ""
    while pos < len(tokens):
        text, page = tokens[pos]
        if END.match(match_key(text)) or len(text) > MAX_TOKEN:
            break
        if _is_level(text):
            if FIRST_LEVEL.search(match_view(text).strip()) or not level1:
                level1, level2 = text, ""
            else:
                level2 = text
            pos += 1
            continue
        if not _fits(tokens, pos, after_name):
            break
        cells = {"level1": level1, "level2": level2, "name": text}
        pos += 1
        for column in after_name:
            if pos >= len(tokens):
                break
            value = tokens[pos][0]
            if column in ("score", "got"):
                if not NUMBER.match(_view(value)):
                    continue  # left empty
            elif column == "reason" and (_is_level(value) or _starts_row(tokens, pos, after_name)):
                continue  # left empty: the next row starts here
            cells[column or ""] = value
            pos += 1
        rows.append(([cells.get(r or "", "") for r in roles], page))
    return rows, pos


def _fits(tokens: list[tuple[str, int | None]], pos: int, after_name: list[str | None]) -> bool:
    """Whether an indicator's name at ``pos`` is followed by its numbers where its header puts them
    (分值, 得分), or by its values at the end of the text."""
    k = pos + 1
    for column in after_name:
        if column == "reason":
            break
        if k >= len(tokens):
            return True  # the text ends inside the row (a form cut short)
        value = _view(tokens[k][0])
        if END.match(match_key(tokens[k][0])):
            return False  # the form's closing lines (填报人, 注:): no row's values
        if column in ("score", "got") and not NUMBER.match(value):
            return False
        k += 1  # (a value may read as a level: 达成预期指标)
    return True


def _starts_row(tokens: list[tuple[str, int | None]], pos: int, after_name: list[str | None]) -> bool:
    """Whether a row (a level, or a name and its values) starts at ``pos``."""
    if pos >= len(tokens):
        return False
    return _is_level(tokens[pos][0]) or (not NUMBER.match(_view(tokens[pos][0])) and _fits(tokens, pos, after_name))


def _goal(before: list[tuple[str, int | None]], roles: list[str | None]) -> tuple[str, str, list[int]] | None:
    """The overall goal before the indicators: its 预期目标 and 实际完成情况 texts, and which tokens."""
    keys = [match_key(t) for t, _ in before]
    start = next((k for k in range(len(keys) - 1, -1, -1) if GOAL.match(keys[k])), None)
    if start is None:
        return None
    texts: list[int] = []
    actual_at: int | None = None  # the first text after a label of the actual (interleaved labels)
    for k in range(start + 1, len(before)):
        if GOAL_LABEL.match(keys[k]) or keys[k] in ("绩效指标",):
            if texts and actual_at is None and ACTUAL_LABEL.search(keys[k]):
                actual_at = len(texts)
            continue
        texts.append(k)
    if not texts:
        return None
    split = actual_at
    if split is None:  # the labels first, then the texts: the actual opens with what was done
        split = next((n for n in range(1, len(texts)) if DONE_OPENER.match(match_view(before[texts[n]][0]))), None)
    if split is None:
        split = (len(texts) + 1) // 2
    task = "\n".join(before[k][0] for k in texts[:split])
    progress = "\n".join(before[k][0] for k in texts[split:])
    return task, progress, list(range(start, len(before)))
