"""Label | value forms: "项 目 / 名 称", the value, "进展情况", the value … one block per project.

Each run becomes a two-column table, for the table stage to read as records.
"""

from __future__ import annotations

from extractor.headers import (
    field_for_header,
    header_candidates,
    is_furniture,
    layout_patterns,
    reads_as_header,
)
from extractor.layout.base import SENTENCE, Block, Line
from extractor.layout.stream import Token, stream_tokens
from extractor.readers.raw import Paragraph, RawCell, RawRow, RawTable
from extractor.rules.compiled import compile_rule
from extractor.textnorm import match_key

_LETTER_SPACED = compile_rule(r"^\s*\S(?:\s+\S)+\s*$")
MAX_LABEL_PART = 6  # characters of one line of a label written over several lines
MAX_LABEL_PREFIX = 4  # "我市" before "任务": a short qualifier in front of a label


def _label_length(tokens: list[Token], i: int) -> int:
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
        if not key or len(key) > MAX_LABEL_PART * (2 if n == 1 else 1) or SENTENCE.search(token.text):
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


def _soft_label(token: Token) -> bool:
    """A short line naming a field loosely ("我市任务"): a label when it follows a value."""
    key = match_key(token.text)
    return 2 <= len(key) <= MAX_LABEL_PART and not SENTENCE.search(token.text) and bool(field_for_header(key))


def label_values(lines: list[Line]) -> list[Block] | None:
    """Project report forms written as text: a label, then its value, block after block.

    Each run of at least two label/value pairs (labels that name known fields, one of them the
    task or the progress) becomes a two-column table, for the table stage to read as records.
    """
    tokens = stream_tokens(lines, per_line=False)
    blocks: list[Block] = []
    rows: list[RawRow] = []

    def flush() -> None:
        if len(rows) >= 2 and not _header_written_down(rows):
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


MAX_EMPTY_SHARE = 0.5  # labels with no value a form may hold (a form leaves a field blank at times)


def _header_written_down(rows: list[RawRow]) -> bool:
    """Labels with nothing between them are a table's header written one cell a line (序号 / 工作任务
    / 完成情况 / 责任单位), not a form: most of them would have no value (or the next header cell
    for one), and the last one's "value" would be the whole table."""
    empty = sum(1 for r in rows if _no_value(r.cells[1].text or ""))
    return empty > MAX_EMPTY_SHARE * len(rows)


def _no_value(text: str) -> bool:
    """A label's value that is none: empty, or the next header cell ("分 解 情 况" after "目标",
    "责任人" after "责任单位"): a short line naming a field, not content ("已完成")."""
    first = text.strip().split("\n", 1)[0] if text.strip() else ""
    key = match_key(first)
    return not key or (len(key) <= MAX_LABEL_PART and bool(field_for_header(key) or reads_as_header(key)))


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
