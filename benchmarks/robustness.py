"""Accuracy under variation: the corpus split again, each document and its gold rewritten alike.

    python benchmarks/robustness.py corpus/dev            # every variant, means beside the original
    python benchmarks/robustness.py corpus/dev --variant traditional --worst 10

A rule that holds only for the exact characters of the documents it was built on fails here first:
the same document in the other script, with ASCII instead of full-width punctuation (or the other
way round), with CRLF line ends or with tabs expanded to spaces should read the same. Each variant
rewrites the text documents (``*.txt``) of a folder and the text fields of their gold (task,
progress, units, issues, figure texts, cells) with one character mapping, so the gold stays the
analyst's answer for the rewritten document; status labels are left out (their cues are verbatim
text). The means are
scored by benchmarks/accuracy.py's own ``run_split``. Run it on dev: it is a tool for finding
brittle mechanisms, not a measure to report on test.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from accuracy import KEYS, run_split
from renders import RENDERS

from corpus import COMPANION_SUFFIXES

DATA = Path(__file__).resolve().parents[1] / "extractor" / "data"
VARIANT_PAIRS, T2S = DATA / "variants.toml", DATA / "t2s.toml"
FULL_TO_ASCII = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")"})
ASCII_TO_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}
GOLD_TEXT_KEYS = frozenset(
    {"task", "progress", "lead_units", "issues", "text", "seq_text", "cells", "title", "unit", "field", "columns"}
)


def _to_traditional() -> Callable[[str], str]:
    """Simplified → traditional with the pairs the project folds the other way (variants.toml, the
    hand-checked ones, then t2s.toml): the first traditional form of each simplified character."""
    import tomllib

    table: dict[int, str] = {}
    for source in (VARIANT_PAIRS, T2S):
        for pair in tomllib.loads(source.read_text("utf-8"))["pairs"].split():
            traditional, simplified = pair[0], pair[1:]
            if len(simplified) == 1:
                table.setdefault(ord(simplified), traditional)
    return lambda text: text.translate(table)


def _to_full_width(text: str) -> str:
    # Not inside numbers or times ("1,000", "10:30").
    return regex.sub(r"(?<!\d)[,;:()]|[,;:](?!\d)|[()]", lambda m: ASCII_TO_FULL[m.group()], text)


# Item numbers written in another of the styles publishers use: 1. ↔ 1、, （1） ↔ 1）. Only the marker
# at a line's start changes; the gold's seq is the number, which stays.
_ENUMERATOR_SWAP = {".": "、", "．": "、", "、": "."}


def _swap_enumerators(text: str) -> str:
    def swap(match: regex.Match[str]) -> str:
        if match.group("open"):
            return f"{match.group('lead')}{match.group('number')}）"
        return f"{match.group('lead')}{match.group('number')}{_ENUMERATOR_SWAP[match.group('stop')]}"

    return regex.sub(
        r"(?m)^(?P<lead>[ \t\u3000]*)"
        r"(?:(?P<open>[（(])(?P<number>\d{1,2})[）)]|(?P<number>\d{1,2})(?P<stop>[.．、])(?!\d))",
        swap,
        text,
    )


def _hard_wrap(text: str, width: int = 76) -> str:
    """Lines broken so that none is wider than ``width`` display columns, each at the last place
    between two Han characters that fits (a number or a Latin word stays whole), as a PDF's text is."""
    out = []
    for line in text.split("\n"):
        if "|" in line or "｜" in line or "\t" in line or regex.search(r"\S {2,}\S", line):
            out.append(line)  # a table's line: a page would not break it so
            continue
        start, columns, last_break = 0, 0, None
        for index, ch in enumerate(line):
            if index > start and "\u4e00" <= line[index - 1] <= "\u9fff" and "\u4e00" <= ch <= "\u9fff":
                last_break = index
            step = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
            if columns + step > width:
                cut = last_break if last_break is not None and last_break > start else index
                out.append(line[start:cut])
                start, last_break = cut, None
                columns = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line[start:index])
            columns += step
        out.append(line[start:])
    return "\n".join(out)


# Header and label words written as another publisher writes the same meaning: each word of a family
# becomes the next (a role keeps its role: 牵头单位 → 牵头部门, never 牵头 → 责任).
SYNONYM_FAMILIES = (
    ("进展情况", "推进情况", "落实情况", "工作进展", "进展情况"),
    ("完成情况", "执行情况", "完成情况"),
    ("目标任务", "工作任务", "重点任务", "目标任务"),
    ("牵头单位", "牵头部门", "牵头单位"),
    ("责任单位", "责任部门", "责任单位"),
    ("存在问题", "存在困难", "存在问题"),
    ("下一步工作打算", "下步工作计划", "下一步工作打算"),
    ("完成时限", "完成时间", "完成时限"),
)


def _swap_synonyms(text: str) -> str:
    table = {family[k]: family[k + 1] for family in SYNONYM_FAMILIES for k in range(len(family) - 1)}
    pattern = regex.compile("|".join(sorted(map(regex.escape, table), key=len, reverse=True)))
    return pattern.sub(lambda match: table[match.group()], text)


PADDED_WORDS = (
    *("序号", "牵头单位", "责任单位", "进展情况", "完成情况"),
    *("目标任务", "存在问题", "备注", "责任人", "完成时限"),
)


def _pad_words(text: str) -> str:
    """Header and label words spaced out as a centred cell prints them ("序  号", "牵 头 单 位"): a word
    that stands alone (a cell, a label), not one inside a longer word ("市级牵头单位", "完成情况良好")."""
    pattern = regex.compile(r"(?<!\p{Han})(?:" + "|".join(PADDED_WORDS) + r")(?!\p{Han})")
    return pattern.sub(lambda match: " ".join(match.group()), text)


FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
# A label written in lenticular brackets instead of before a colon ("【责任单位】市住建局").
_COLON_LABEL = regex.compile(
    r"(?<=^|[\s。；;,，(（])(责任单位|牵头单位|配合单位|进展情况|完成情况|存在问题|责任人|完成时限)\s*[:：]"
)


def _bracket_labels(text: str) -> str:
    return _COLON_LABEL.sub(lambda match: f"【{match.group(1)}】", text)


def _double_spaced(text: str) -> str:
    """A blank line after every line, as a web page's paragraphs copy."""
    return "\n\n".join(text.split("\n"))


def _pipes_as_tabs(text: str) -> str:
    """A pipe table's rows written with tabs between the cells (the gold holds no bars to rewrite)."""
    return "\n".join(
        line.strip().strip("|").replace("|", "\t") if line.count("|") >= 2 else line for line in text.split("\n")
    )


_UNIT_BRACKET = regex.compile(
    r"([（(])\s*(牵头单位|责任单位|牵头部门|责任部门)\s*[:：]\s*([^；;：:）)]+?)\s*"
    r"(?:[；;]\s*(?:配合单位|协办单位|配合部门)\s*[:：]\s*([^；;：:）)]+?)\s*)?([）)])"
)


def _units_by_role(text: str) -> str:
    """A bracket of labelled units written as another publisher names the same roles in words:
    "（牵头单位：市发改委；配合单位：市财政局）" → "（市发改委牵头，市财政局配合）",
    "（责任单位：市教育局）" → "（市教育局负责）"."""

    def rewrite(match: regex.Match[str]) -> str:
        open_, label, leads, partners, close = match.groups()
        role = "牵头" if label.startswith("牵头") or partners else "负责"
        comma = "，" if open_ == "（" else ","
        return f"{open_}{leads}{role}" + (f"{comma}{partners}配合" if partners else "") + close

    return _UNIT_BRACKET.sub(rewrite, text)


def _cells_as_lines(text: str, between: str = "\n") -> str:
    """A pipe table's rows written a cell a line, as a web page's table copies as text (an empty cell
    an empty line; with ``between`` a blank line after each cell, as some pages' copies hold)."""
    out = []
    for line in text.split("\n"):
        if line.count("|") < 2:
            out.append(line)
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if all(regex.fullmatch(r":?-{3,}:?", cell) for cell in cells if cell):
            continue  # a Markdown rule under the header ("|---|---|") is no row of a web page's copy
        out.append(between.join(cells))
    return "\n".join(out)


VARIANTS: dict[str, Callable[[str], str]] = {
    "units_by_role": _units_by_role,
    "cells_as_lines": _cells_as_lines,
    "cells_as_paragraphs": lambda text: _cells_as_lines(text, "\n\n"),
    "pipes_as_tabs": _pipes_as_tabs,
    "full_width_bars": lambda text: text.replace("|", "｜"),
    "full_width_digits": lambda text: text.translate(FULL_WIDTH_DIGITS),
    "bracket_labels": _bracket_labels,
    "double_spaced": _double_spaced,
    "header_synonyms": _swap_synonyms,
    "padded_words": _pad_words,
    "enumerator_style": _swap_enumerators,
    "hard_wrap": _hard_wrap,
    "ascii_punctuation": lambda text: text.translate(FULL_TO_ASCII),
    "full_width_punctuation": _to_full_width,
    "traditional": _to_traditional(),
    "crlf": lambda text: text.replace("\r\n", "\n").replace("\n", "\r\n"),
    "tabs_as_spaces": lambda text: text.expandtabs(4),
}


# ---------------------------------------------------------------------------------------------------
# Publisher variants (issue 11): a dev document written as a publisher the rules never met writes
# the same report: its item numbers in another style, its header words by synonyms, its table's
# columns in another order (or with one more, or without 序号), page furniture and site lines
# between its lines, a progress label where it had none, a longer preamble. Unlike the character
# mappings above, such a rewrite depends on where a thing stands (a line's start, a table's column),
# so it is made as a list of edits to the text, and each gold string (task, progress, units, issues,
# figure texts, cells) is found in the old text and cut again from the same span of the new text:
# what was printed inside the span is what the analyst copies, an insertion at its edge is not.
# Furniture is no part of any cell: for those variants the gold is kept as it is. A variant that
# does not fit a document (no pipe table to permute, no label to add) leaves it out, and its means
# are compared with the original's over the same documents.

Edit = tuple[int, int, str]  # replace text[start:end] by the string (start == end: an insertion)
SPACE = "[ \t\u3000\u00a0]"
HAN_NUMERALS = "〇一二三四五六七八九十"
CAPITAL_NUMERALS = "壹貳參肆伍陸柒捌玖拾"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


class PublisherVariant:
    """``edits(text, gold, meta)`` gives the edits, or None when the variant does not fit the
    document; ``gold`` says whether the gold's strings follow their spans (False: furniture, kept
    out of every cell); ``key`` rewrites a header name (a cell's key, a figure's field, a column).
    (A plain class: the tests load this file without registering it as a module.)"""

    def __init__(
        self,
        edits: Callable[[str, dict, dict], list[Edit] | None],
        gold: bool = True,
        key: Callable[[str], str] | None = None,
        doc: str = "",
        layouts: tuple[str, ...] = (),
        keep: tuple[str, ...] = (),
    ) -> None:
        self.edits, self.gold, self.key, self.doc = edits, gold, key, doc
        # Row fields whose strings stay as the gold wrote them: a variant that moves them writes
        # them anew elsewhere, so their old span says nothing of where they are now.
        self.keep = keep
        # Only documents the parser reads (as written) in one of these layouts: a label inside a
        # table's cell is part of the cell, one before a prose item's report is not.
        self.layouts = layouts


def _han_number(n: int) -> str:
    if n <= 10:
        return HAN_NUMERALS[n]
    tens, ones = divmod(n, 10)
    return (HAN_NUMERALS[tens] if tens > 1 else "") + "十" + (HAN_NUMERALS[ones] if ones else "")


def _number_of(numeral: str) -> int:
    if numeral in CIRCLED:
        return CIRCLED.index(numeral) + 1
    if numeral.isdigit():
        return int(numeral)
    if "十" not in numeral:
        return HAN_NUMERALS.index(numeral)
    tens, _, ones = numeral.partition("十")
    return (HAN_NUMERALS.index(tens) if tens else 1) * 10 + (HAN_NUMERALS.index(ones) if ones else 0)


def _apply(text: str, edits: list[Edit]) -> tuple[str, Callable[[int], int], Callable[[int], int]]:
    """The new text, and where an old span's start and end fall in it: an insertion at a span's
    edge stays outside the span; a span edge inside a replaced stretch takes the whole replacement."""
    edits = sorted(edits, key=lambda e: (e[0], e[1]))
    pieces, shifts, at = [], [], 0  # shifts: (old start, old end, new start, new end)
    new_length = 0
    for start, end, new in edits:
        if start < at:
            raise ValueError(f"overlapping edits at {start}")
        pieces.append(text[at:start])
        new_length += start - at
        shifts.append((start, end, new_length, new_length + len(new)))
        pieces.append(new)
        new_length += len(new)
        at = end
    pieces.append(text[at:])

    def locate(position: int, edge: str) -> int:
        offset = 0
        for old_start, old_end, new_start, new_end in shifts:
            if position < old_start or (position == old_start and edge == "end" and old_start < old_end):
                break
            if position == old_start and old_start == old_end:  # an insertion right here
                return new_end if edge == "start" else new_start
            if position < old_end:  # inside (or at the start of) a replaced stretch
                return new_start if edge == "start" else new_end
            offset = new_end - old_end
        return position + offset

    return "".join(pieces), lambda p: locate(p, "start"), lambda p: locate(p, "end")


_LINE_BREAK = regex.compile(SPACE + r"*(?:\r\n|\r|\n)" + SPACE + "*")


def _finder(text: str) -> tuple[str, list[int]]:
    """The text without whitespace, and each kept character's offset in the text."""
    kept = [(i, c) for i, c in enumerate(text) if not c.isspace()]
    return "".join(c for _, c in kept), [i for i, _ in kept]


def _find_span(squeezed: str, offsets: list[int], needle: str, pos: int) -> tuple[int, int] | None:
    piece = regex.sub(r"\s+", "", needle)
    if not piece:
        return None
    first = next((k for k, off in enumerate(offsets) if off >= pos), len(offsets))
    at = squeezed.find(piece, first)
    if at < 0:
        at = squeezed.find(piece)
    if at < 0:
        return None
    return offsets[at], offsets[at + len(piece) - 1] + 1


def _rewrite_publisher_gold(text: str, new_text: str, starts, ends, gold: dict, key) -> dict:
    squeezed, offsets = _finder(text)

    def moved(value: str, pos: int) -> str:
        span = _find_span(squeezed, offsets, value, pos)
        if span is None:
            return value
        return _LINE_BREAK.sub("", new_text[starts(span[0]) : ends(span[1])]).strip()

    def follow(value: object, pos: int) -> object:
        if isinstance(value, str):
            return moved(value, pos)
        if isinstance(value, list):
            return [follow(v, pos) for v in value]
        return value

    gold = json.loads(json.dumps(gold))
    task_from = 0
    for row in gold.get("rows", []):
        span = _find_span(squeezed, offsets, row.get("task") or "", task_from)
        row_from = span[0] if span else task_from
        for field in ("task", "progress", "lead_units", "issues", "section"):
            if field in row:
                row[field] = follow(row[field], row_from)
        for figure in row.get("figures", []):
            figure["text"] = moved(figure["text"], row_from)
        if isinstance(row.get("cells"), dict):
            row["cells"] = {k: follow(v, row_from) for k, v in row["cells"].items()}
        task_from = row_from
    if key is not None:
        for row in gold.get("rows", []):
            if isinstance(row.get("cells"), dict):
                row["cells"] = {key(k): v for k, v in row["cells"].items()}
            for figure in row.get("figures", []):
                figure["field"] = key(figure["field"]) if figure.get("field") else figure.get("field")
        for table_key in ("columns",):
            if isinstance(gold.get(table_key), list):
                gold[table_key] = [key(c) for c in gold[table_key]]
    return gold


def publisher_rewrite(name: str, text: str, gold: dict, meta: dict | None = None) -> tuple[str, dict] | None:
    """Document ``text`` and its ``gold`` as the publisher variant ``name`` writes them; None when the
    variant does not fit the document (or changes nothing in it)."""
    variant = PUBLISHER_VARIANTS[name]
    edits = variant.edits(text, gold, meta or {})
    if not edits:
        return None
    new_text, starts, ends = _apply(text, edits)
    if new_text == text:
        return None
    if not variant.gold:
        new_gold = json.loads(json.dumps(gold))
        if variant.key is not None:
            new_gold = _rewrite_publisher_gold(text, text, lambda p: p, lambda p: p, new_gold, variant.key)
        return new_text, new_gold
    new_gold = _rewrite_publisher_gold(text, new_text, starts, ends, gold, variant.key)
    for old, new in zip(gold.get("rows", []), new_gold.get("rows", []), strict=True):
        new.update({field: old[field] for field in variant.keep if field in old})
    return new_text, new_gold


# ---- item numbers -------------------------------------------------------------------------------
# Item numbers by level, as Chinese documents nest them: 一、 > （一） > 1. > （1） > ①; at a line's
# start, a cell's start (after a bar) or a column's (after two spaces), where a table holds them.
_HAN = f"[{HAN_NUMERALS}]{{1,3}}"
_ENUMERATOR_LINE = regex.compile(
    rf"(?m)(?:^|(?<=[|｜])|(?<=\S{SPACE}{{2}}))(?P<lead>(?:{SPACE})*)"
    rf"(?:(?P<l1>{_HAN})(?P<l1stop>[、.．])"
    rf"|(?P<l2>[（(]{_HAN}[）)])"
    rf"|(?P<l3>\d{{1,2}})(?P<l3stop>[.．、])(?![\d.．])"
    rf"|(?P<l4>[（(]\d{{1,2}}[）)])"
    rf"|(?P<l5>[{CIRCLED}]))"
    rf"(?P<space>(?:{SPACE})*)"
)


# Anything that looks like an item number at a line's start, read or not by _ENUMERATOR_LINE.
_LOOSE_ENUMERATOR = regex.compile(
    rf"(?m)(?:^|(?<=[|｜])|(?<=\S{SPACE}{{2}}))(?:{SPACE})*(?:[（(][^（()）\n]{{0,4}}[)）])?"
    rf"(?:[（(]?(?:{_HAN}|\d{{1,2}})(?:[）)、.．]|[（(]?$)(?![\d.．])|[（(]{_HAN}|[{CIRCLED}])"
)


def _level(match: regex.Match[str]) -> tuple[int, int]:
    for level in range(1, 6):
        marker = match.group(f"l{level}")
        if marker:
            return level, _number_of(marker.strip("（()）"))
    raise AssertionError


def _marker(level: int, number: int) -> str | None:
    if level == 0:  # the level above 一、 in Taiwan's official documents: 壹、貳、參、
        return f"{CAPITAL_NUMERALS[number - 1]}、" if number <= len(CAPITAL_NUMERALS) else None
    if level == 1:
        return f"{_han_number(number)}、"
    if level == 2:
        return f"（{_han_number(number)}）"
    if level == 3:
        return f"{number}."
    if level == 4:
        return f"（{number}）"
    if level == 5:
        return CIRCLED[number - 1] if number <= len(CIRCLED) else None
    return f"{number}）"


def _enumerators(text: str) -> list[regex.Match[str]]:
    return list(_ENUMERATOR_LINE.finditer(text))


def _shift_enumerators(shift: int, top_free: bool = False) -> Callable[[str, dict, dict], list[Edit] | None]:
    """Every line-start item number one level down (1: 一、→（一）, （一）→1., 1.→（1）, （1）→①,
    ①→1）) or up (-1: the other way, 一、→壹、): the levels stay distinct, so the nesting an
    analyst reads is the same."""

    def edits(text: str, gold: dict, meta: dict) -> list[Edit] | None:
        out = []
        found = _enumerators(text)
        if top_free and any(_level(m)[0] == 1 for m in found):
            return None  # (top_free: only documents with no 一、 to turn into 壹、)
        if len(_LOOSE_ENUMERATOR.findall(text)) > len(found):
            # an item number this variant cannot read ("(續前)(二)", "二)" with its bracket lost, a cut
            # "(一"): shifting the rest would mix styles no publisher prints
            return None
        for match in found:
            level, number = _level(match)
            new = _marker(level + shift, number)
            if new is None:
                return None
            start = match.start() + len(match.group("lead"))
            out.append((start, match.end() - len(match.group("space")), new))
        return out

    return edits


BULLETS = ("◆", "■", "●", "★")


def _enumerator_bullets(text: str, gold: dict, meta: dict) -> list[Edit] | None:
    """The rows' item numbers written as bullets (◆, ■, ● …), as news-style reports print them: the
    rows are then numbered by position (gold-conventions), which is the number they had where
    the document numbers its rows 1, 2, 3 … without restarting; other documents do not fit."""
    rows = gold.get("rows", [])
    levels = {_level(m)[0] for r in rows if (m := _ENUMERATOR_LINE.fullmatch(r.get("seq_text") or ""))}
    if len(rows) < 2 or len(levels) != 1:
        return None
    (leaf,) = levels
    found = [m for m in _enumerators(text) if _level(m)[0] == leaf]
    if [_level(m)[1] for m in found] != [r["seq"] for r in rows] or [r["seq"] for r in rows] != list(
        range(1, len(rows) + 1)
    ):
        return None
    bullet = BULLETS[sum(map(ord, meta.get("stem", ""))) % len(BULLETS)]
    return [(m.start() + len(m.group("lead")), m.end() - len(m.group("space")), bullet) for m in found]


_WIDTH = str.maketrans({"（": "(", "）": ")", "(": "（", ")": "）", ".": "．", "．": "."})


def _enumerator_width(text: str, gold: dict, meta: dict) -> list[Edit] | None:
    """Brackets and full stops of line-start item numbers in the other width: （一）↔(一), 1.↔1．"""
    out = []
    for match in _enumerators(text):
        start = match.start() + len(match.group("lead"))
        end = match.end() - len(match.group("space"))
        marker = text[start:end]
        if marker.translate(_WIDTH) != marker:
            out.append((start, end, marker.translate(_WIDTH)))
    return out


def _enumerator_spacing(text: str, gold: dict, meta: dict) -> list[Edit] | None:
    """A space after each line-start item number that had none, and none where it had one."""
    out = []
    for match in _enumerators(text):
        space = match.group("space")
        end = match.end()
        if text[end : end + 1] in ("", "\n", "\r"):
            continue
        out.append((end - len(space), end, "" if space else " "))
    return out


def _restart_numbering(text: str, gold: dict, meta: dict) -> list[Edit] | None:
    """Items numbered 1…n straight through the sections (一、 or （一）) numbered again from 1 in each
    section. The gold's seq is then the item's position (gold-conventions), the same 1…n."""
    found = _enumerators(text)
    items = [m for m in found if _level(m)[0] == 3]
    if len(items) < 3 or [_level(m)[1] for m in items] != list(range(1, len(items) + 1)):
        return None
    seqs = [row.get("seq") for row in gold.get("rows", [])]
    if not seqs or seqs != list(range(1, len(seqs) + 1)):
        return None
    out, count = [], 0
    for match in found:
        level, number = _level(match)
        if level in (1, 2):
            count = 0
        elif level == 3:
            count += 1
            if count != number:
                start = match.start() + len(match.group("lead"))
                out.append((start, start + len(match.group("l3")), str(count)))
    return out


_INLINE_YISHI = regex.compile(rf"(?<=^|[\s。；;：:，,]|{SPACE})(?P<n>{_HAN})是(?=[^\d])")
_INLINE_DIYI = regex.compile(rf"(?<=^|[\s。；;：:，,]|{SPACE})第(?P<n>{_HAN})(?P<stop>[，,、])")


def _inline_enumerators(text: str, gold: dict, meta: dict) -> list[Edit] | None:
    """一是…二是… written 第一，…第二，… and the other way round."""
    out = [(m.start(), m.end(), f"第{m.group('n')}，") for m in _INLINE_YISHI.finditer(text)]
    out += [(m.start(), m.end(), f"{m.group('n')}是") for m in _INLINE_DIYI.finditer(text)]
    return sorted(out)


# ---- header and label words -----------------------------------------------------------------------
# Families of words that name the same column (a role kept within its family: a name column is not
# a target column, a lead unit is not a partner). A word standing alone (a cell, a label, not inside
# a longer word) becomes another of its family that the document does not already use.
HEADER_FAMILIES = (
    ("目标任务", "工作任务", "重点任务", "主要内容", "工作内容", "任务内容"),
    ("项目名称", "实事项目", "指标名称", "实事名称"),
    ("进展情况", "推进情况", "落实情况", "完成情况", "工作进度", "执行情况", "工作进展"),
    ("责任单位", "责任部门", "主办单位", "承办单位"),
    ("牵头单位", "牵头部门", "牵头责任单位"),
    ("存在问题", "存在困难", "问题及困难"),
    ("序号", "编号"),
)


def _standalone(words: str) -> str:
    return r"(?<!\p{Han})(?:" + words + r")(?!\p{Han})"


# Where a document names lead units apart (牵头单位), 主办/承办 would read as a rival lead: not used.
HOST_WORDS = ("主办单位", "承办单位")


def _header_table(text: str, step: int) -> dict[str, str]:
    table: dict[str, str] = {}
    leads_apart = any(regex.search(_standalone(w), text) for w in ("牵头单位", "牵头部门", "牵头责任单位"))
    for family in HEADER_FAMILIES:
        if leads_apart:
            family = tuple(w for w in family if w not in HOST_WORDS)
        used = {w for w in family if regex.search(_standalone(w), text)}
        for k, word in enumerate(family):
            if word not in used:
                continue
            for turn in range(step, step + len(family)):
                other = family[(k + turn) % len(family)]
                if other != word and other not in used and other not in table.values():
                    table[word] = other
                    break
    return table


def _header_words(step: int) -> PublisherVariant:
    def pattern(table: dict[str, str]) -> regex.Pattern[str]:
        words = "|".join(sorted(map(regex.escape, table), key=len, reverse=True))
        return regex.compile(_standalone(words))

    state: dict[str, dict[str, str]] = {}

    def edits(text: str, gold: dict, meta: dict) -> list[Edit] | None:
        table = _header_table(text, step)
        state["table"] = table
        if not table:
            return None
        return [(m.start(), m.end(), table[m.group()]) for m in pattern(table).finditer(text)]

    def key(name: str) -> str:
        table = state.get("table") or {}
        return pattern(table).sub(lambda m: table[m.group()], name) if table else name

    return PublisherVariant(edits, key=key, doc=f"header words by synonyms, step {step}")


# ---- pipe tables: columns -----------------------------------------------------------------------
_RULE_CELL = regex.compile(r":?-{3,}:?")
SEQ_HEADERS = regex.compile(r"^\s*(?:[序編编]\s*[号號]|序|No\.?)\s*$")
SEQ_CELL = regex.compile(r"\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、．]?\s*")


class PipeRow:
    """One line of a table copied with bars: ``a | b | c |`` or ``| a | b |`` (its edge bars kept)."""

    def __init__(self, start: int, end: int, indent: str, bars: tuple[str, str, str], cells: list[str]) -> None:
        self.start, self.end, self.indent = start, end, indent
        self.bars, self.cells = bars, cells  # the bars before, between and after the cells ("" if none)

    def render(self, cells: list[str]) -> str:
        return self.indent + self.bars[0] + self.bars[1].join(cells) + self.bars[2]


def _pipe_row(line: str, start: int) -> PipeRow | None:
    body = line.rstrip()
    indent = body[: len(body) - len(body.lstrip())]
    body = body.lstrip()
    lead, trail = body.startswith(("|", "｜")), body.endswith(("|", "｜")) and len(body) > 1
    inner = body[1 if lead else None : -1 if trail else None]
    cells = regex.split(r"[|｜]", inner)
    if len(cells) < 2:
        return None
    bar = "｜" if "｜" in body else "|"
    bars = (body[0] if lead else "", bar, body[-1] if trail else "")
    return PipeRow(start, start + len(line.rstrip()), indent, bars, cells)


def _pipe_blocks(text: str) -> list[list[PipeRow]] | None:
    """Runs of pipe rows (blank lines between them allowed) of three rows or more, each row with as
    many cells as the first (the last may have fewer: a document cut inside it, the cells past the
    cut empty, as the gold has them). None when a run is ragged (merged cells) or a line without bars
    stands between two runs of the same width (a cell wrapped onto its own line): a column cannot be
    moved there without the analyst's reading of the merge."""
    runs: list[list[PipeRow]] = [[]]
    gap = False
    for line in regex.finditer(r"(?m)^.*$", text):
        row = _pipe_row(line.group(), line.start())
        if row is None:
            if line.group().strip():
                gap = True
            continue
        if gap and runs[-1]:
            runs.append([])
        gap = False
        runs[-1].append(row)
    blocks = [run for run in runs if len(run) >= 3]
    for block in blocks:
        width = len(block[0].cells)
        if any(len(row.cells) != width for row in block[:-1]) or len(block[-1].cells) > width:
            return None
        if SEQ_HEADERS.match(block[0].cells[0]) and not all(
            SEQ_CELL.fullmatch(row.cells[0]) or _RULE_CELL.fullmatch(row.cells[0].strip()) for row in block[1:]
        ):
            return None  # a row without its number: a sub-row under a merged cell, its cells shifted
    runs = [run for run in runs if run]
    for before, after in itertools.pairwise(runs):
        if len(before[0].cells) == len(after[0].cells) and max(len(before), len(after)) >= 3:
            return None
    return blocks or None


def _columns_agree(blocks: list[list[PipeRow]], gold: dict) -> bool:
    """Whether every gold row's task, and every progress, is in the same column of its table: a row
    whose cells moved left under a merged cell (its unit printed once for two rows) is not."""
    places: dict[str, set[tuple[int, int]]] = {"task": set(), "progress": set(), "lead_units": set()}
    for n, block in enumerate(blocks):
        for row in block[1:]:
            cells = [regex.sub(r"\s+", "", c) for c in row.cells]
            for field, found in places.items():
                for g in gold.get("rows", []):
                    value = g.get(field) or ""
                    piece = regex.sub(r"\s+", "", value[0] if isinstance(value, list) else value)[:12]
                    hits = [k for k, c in enumerate(cells) if len(piece) >= 2 and c.startswith(piece)]
                    if hits:
                        found.add((n, hits[0]))
    return all(len({k for _, k in found}) <= 1 for found in places.values())


_TASK_HEADER = regex.compile(
    r"任务|單位|单位|情况|情況|进展|進展|进度|進度|名称|名稱|内容|內容|目标|目標|事项|事項|承諾|承诺"
)


def _is_task_header(row: PipeRow) -> bool:
    """Whether a pipe row is the header of a table of tasks: two of its cells name task-table columns."""
    return sum(bool(_TASK_HEADER.search(regex.sub(r"\s+", "", c))) for c in row.cells) >= 2


def _rows_rewritten(
    text: str, change: Callable[[list[str], bool, bool, bool, int], list[str] | None], gold: dict
) -> list[Edit] | None:
    """Edits rewriting each row of each pipe table by ``change(cells, is_header, is_rule, has_seq,
    width)`` (None: the row as it was). A short last row (the document cut inside it) keeps its
    cells as printed: filled with empty cells it would read as merged with the row above."""
    blocks = _pipe_blocks(text)
    if blocks is None or not _columns_agree(blocks, gold):
        return None
    out = []
    for block in blocks:
        if not _is_task_header(block[0]):
            continue  # a metadata block (索引号 | …), a byline (记者 | …): no table of tasks
        if not all(cell.strip() for cell in block[0].cells):
            return None  # a header with fewer words than its rows have cells: which column is which is a guess
        width = len(block[0].cells)
        has_seq = bool(SEQ_HEADERS.match(block[0].cells[0]))
        for k, row in enumerate(block):
            rule = all(_RULE_CELL.fullmatch(c.strip()) for c in row.cells if c.strip())
            new = change(row.cells, k == 0, rule, has_seq, width)
            if new is not None and new != row.cells:
                out.append((row.start, row.end, row.render(new)))
    return out or None


class _CutRow(Exception):
    """A change that cannot be made to a row the document cuts short."""


def _reverse(cells: list[str], header: bool, rule: bool, seq: bool, width: int) -> list[str]:
    if len(cells) < width:
        raise _CutRow  # where its cells would stand in the new order, the cut does not say
    return cells[:1] + cells[1:][::-1] if seq else cells[::-1]


def _columns_reversed(text: str, gold: dict, meta: dict) -> list[Edit] | None:
    """The columns after 序号 in reverse order (units before progress before task); not where the
    document is cut inside a row."""
    try:
        return _rows_rewritten(text, _reverse, gold)
    except _CutRow:
        return None


def _seq_column_dropped(text: str, gold: dict, meta: dict) -> list[Edit] | None:
    """The 序号 column left out, where the items' numbers are their positions 1…n (the gold's seq is
    then the same)."""
    seqs = [row.get("seq") for row in gold.get("rows", [])]
    if seqs != list(range(1, len(seqs) + 1)):
        return None
    return _rows_rewritten(text, lambda cells, header, rule, seq, width: cells[1:] if seq else None, gold)


def _extra_column(header: str, values: tuple[str, ...], where: int) -> Callable[[str, dict, dict], list[Edit] | None]:
    """One more column (``where``: its index, negative from the end) holding no task, progress,
    unit or figure: a deadline, a person, a remark."""

    def edits(text: str, gold: dict, meta: dict) -> list[Edit] | None:
        counter = iter(range(10**6))

        def change(cells: list[str], is_header: bool, rule: bool, seq: bool, width: int) -> list[str]:
            value = "---" if rule else f" {header} " if is_header else f" {values[next(counter) % len(values)]} "
            at = where if where >= 0 else width + 1 + where
            if at > len(cells):
                return cells  # past where the document is cut: not printed
            return [*cells[:at], value, *cells[at:]]

        return _rows_rewritten(text, change, gold)

    return edits


def _header_wrapped(text: str, gold: dict, meta: dict) -> list[Edit] | None:
    """The header row printed on two rows, each word cut in two ("工作 | 进展 |" over "任务 | 情况 |"),
    as a narrow header cell wraps and a PDF's table is copied."""
    blocks = _pipe_blocks(text)
    if blocks is None:
        return None
    out = []
    for block in blocks:
        header = block[0]
        if not _is_task_header(header):
            continue
        words = [regex.sub(r"\s+", "", c) for c in header.cells]
        tops = [f" {w[: (len(w) + 1) // 2]} " for w in words]
        bottoms = [f" {w[(len(w) + 1) // 2 :]} " if len(w) >= 2 else " " for w in words]
        out.append((header.start, header.end, header.render(tops) + "\n" + header.render(bottoms)))
    return out


# ---- page furniture, site lines, preamble ---------------------------------------------------------
def _line_starts(text: str, every: int) -> list[int]:
    """Every ``every``-th line start after the first few lines (not the first line, not the last)."""
    starts = [m.end() for m in regex.finditer(r"\n", text)][:-1]
    return starts[every - 1 :: every]


PAGE_NUMBER_FORMS = ("— {n} —", "第{n}页 共{m}页", "-{n}-", "{n}")


def _page_numbers(*forms: str) -> Callable[[str, dict, dict], list[Edit] | None]:
    """A page break every 12 lines: the page number as a PDF prints it (— 3 —, 第3页 共9页, -3-, 3),
    the forms taken in turn."""

    def edits(text: str, gold: dict, meta: dict) -> list[Edit] | None:
        starts = _line_starts(text, 12)
        return [
            (at, at, forms[k % len(forms)].format(n=k + 2, m=len(starts) + 2) + "\n") for k, at in enumerate(starts)
        ]

    return edits


def _running_heads(text: str, gold: dict, meta: dict) -> list[Edit] | None:
    """A page break every 12 lines with the running head a PDF repeats at the top of each page: the
    office's name or the report's title, then its page number."""
    head = gold.get("title") or "重点工作任务推进情况"
    starts = _line_starts(text, 12)
    return [(at, at, f"\n{k + 2}\n{'XX市人民政府办公室' if k % 2 else head}\n") for k, at in enumerate(starts)]


SITE_HEAD = (
    "首页 > 政务公开 > 政府信息公开目录 > 计划总结\n"
    "来源：市人民政府办公室    发布时间：2023-07-15 10:21    浏览次数：1024\n"
    "【字体：大 中 小】  【打印】  【关闭】\n\n"
)
CLOSING = (
    "\n\n市人民政府办公室\n2023年7月15日\n\n"
    "【打印本页】【关闭窗口】\n"
    "主办单位：市人民政府办公室  承办单位：市大数据中心\n"
    "网站标识码：3401000001  ICP备05001234号  公安机关备案号 34010202000123\n"
)


def _site_head(text: str, gold: dict, meta: dict) -> list[Edit] | None:
    """A web page's breadcrumb, source/date/view-count line and font links before the document."""
    return [(0, 0, SITE_HEAD)]


def _closing_lines(text: str, gold: dict, meta: dict) -> list[Edit] | None:
    """The signature, date and the site's footer after a document that is whole (a cut document has
    no end to follow)."""
    if meta.get("truncated", True):
        return None
    return [(len(text.rstrip()), len(text), CLOSING)]


def _after_title(text: str, gold: dict) -> int:
    """Where a line after the title starts: the line holding the gold's title, else the top."""
    title = regex.sub(r"\s+", "", gold.get("title") or "")
    for match in regex.finditer(r"(?m)^.*$\n?", text):
        if title and title[: min(len(title), 12)] in regex.sub(r"\s+", "", match.group()):
            return match.end()
    return 0


PREAMBLE = (
    "\n    为深入贯彻落实市委、市政府决策部署，确保全年各项目标任务顺利完成，市政府办公室会同有关部门"
    "对今年以来重点工作推进情况进行了全面梳理。总体来看，各项工作推进有力，大部分任务按序时进度推进，"
    "但也有少数任务进展较慢。现将有关情况报告如下：\n\n"
)


def _long_preamble(text: str, gold: dict, meta: dict) -> list[Edit] | None:
    """A preamble paragraph after the title (before the table when there is no title)."""
    return [(_after_title(text, gold), _after_title(text, gold), PREAMBLE)]


def _attachment_and_date(text: str, gold: dict, meta: dict) -> list[Edit] | None:
    """An 附件 line before the title and a date line after it, as an attachment is printed."""
    at = _after_title(text, gold)
    lead = len(text) - len(text.lstrip())
    if at == 0:
        return [(lead, lead, "附件2\n\n（2023年7月15日）\n\n")]
    return [(lead, lead, "附件2\n\n"), (at, at, "（截至2023年6月30日）\n")]


# ---- labels in prose items ---------------------------------------------------------------------------
PROGRESS_LABELS = ("进展情况：", "完成情况:", "【推进情况】", "目前进展：")
_LABEL_BEFORE = regex.compile(
    r"(?<=\n)[ \t\u3000]*\K(?:进展情况|完成情况|推进情况|落实情况|实际完成情况|目前进展|工作进展)\s*[:：]\s*$"
)


def _progress_spans(text: str, gold: dict) -> list[tuple[int, int, int]]:
    """(task end, progress start, progress end) of each row whose task and progress are both found."""
    squeezed, offsets = _finder(text)
    spans, pos = [], 0
    for row in gold.get("rows", []):
        task = _find_span(squeezed, offsets, row.get("task") or "", pos)
        if task is None or not row.get("progress"):
            continue
        progress = _find_span(squeezed, offsets, row["progress"], task[0])
        if progress is None or progress[0] < task[1]:
            continue
        spans.append((task[1], progress[0], progress[1]))
        pos = task[0]
    return spans


def _progress_labels(text: str, gold: dict, meta: dict) -> list[Edit] | None:
    """A label before each prose item's progress (进展情况：…, 【推进情况】…), one form a document,
    where it had none: the label is no part of the progress (as in the dev gold that has one)."""
    if "|" in text or regex.search(r"(?:进展|完成|推进)情况\s*[:：]", text):
        return None
    if len(regex.findall(r"(?m)\S(?:[ \u3000]{2,}|\t)\S", text)) >= 3:
        return None  # an aligned table: a label would push its columns out of line
    form = PROGRESS_LABELS[sum(map(ord, meta.get("stem", ""))) % len(PROGRESS_LABELS)]
    out = []
    for task_end, start, _ in _progress_spans(text, gold):
        between = text[task_end:start]
        if regex.fullmatch(r"[\s。；;，,]*", between):
            out.append((start, start, form))
    return out if len(out) >= 2 else None


def _labels_removed(text: str, gold: dict, meta: dict) -> list[Edit] | None:
    """The label before each progress (进展情况：, 完成情况:) left out: the line break is all that
    parts task from progress."""
    out = []
    for task_end, start, _ in _progress_spans(text, gold):
        label = _LABEL_BEFORE.search(text, task_end, start)
        if label:
            out.append((label.start(), start, ""))
    return out or None


# ---- where the report and the units sit --------------------------------------------------------------
_SENTENCE_END = "。；;！!？?"


def _progress_joined(text: str, gold: dict, meta: dict) -> list[Edit] | None:
    """The report run on in the target's paragraph (推进…建设。今年以来，已完成…) where it had a line of
    its own: only after a target that ends its sentence, so a reader can still tell where it ends (the
    dev gold of such paragraphs cuts the task at that stop)."""
    out = []
    for task_end, start, _ in _progress_spans(text, gold):
        between = text[task_end:start]
        if "\n" in between and not between.strip() and text[task_end - 1] in _SENTENCE_END:
            out.append((task_end, start, ""))
    return out if len(out) >= 2 else None


UNIT_LINE_LABELS = ("责任单位：", "牵头单位:", "牵头责任单位：")
_UNIT_BRACKET_OPEN = regex.compile(r"[（(][^（()）\n]{0,8}?(?:[:：]\s*)?$")


def _rows_with_spans(text: str, gold: dict) -> list[tuple[dict, tuple[int, int], tuple[int, int] | None]]:
    """Each gold row with its task span and (when found after it) its progress span, in order."""
    squeezed, offsets = _finder(text)
    found, pos = [], 0
    for row in gold.get("rows", []):
        task = _find_span(squeezed, offsets, row.get("task") or "", pos)
        if task is None or task[0] < pos:
            continue
        progress = _find_span(squeezed, offsets, row.get("progress") or "", task[1]) if row.get("progress") else None
        if progress is not None and progress[0] < task[1]:
            progress = None
        found.append((row, task, progress))
        pos = task[0]
    return found


def _units_after_progress(text: str, gold: dict, meta: dict) -> list[Edit] | None:
    """A bracket of units after the task (（牵头单位：市财政局）, （市发改委、市统计局）) written instead as a
    line of its own after the report (责任单位：市财政局), as other publishers place them."""
    out = []
    form = UNIT_LINE_LABELS[sum(map(ord, meta.get("stem", ""))) % len(UNIT_LINE_LABELS)]
    for row, task, progress in _rows_with_spans(text, gold):
        units = row.get("lead_units") or []
        if not units or progress is None:
            continue
        window = text[task[1] : progress[0]]
        first = window.find(units[0])
        opened = _UNIT_BRACKET_OPEN.search(window[:first]) if first >= 0 else None
        close = regex.search(r"[）)]", window[first:]) if opened else None
        if close is None or any(u not in window[opened.start() : first + close.end()] for u in units):
            continue
        line_end = text.find("\n", progress[1])
        line_end = len(text) if line_end < 0 else line_end
        if text[progress[1] : line_end].strip():
            continue  # the report's line goes on: no room for a line after it
        bracket = (task[1] + opened.start(), task[1] + first + close.end())
        if out and bracket[0] <= out[-1][0]:
            continue  # two gold rows on one stretch of text: rewrite it once
        out += [(*bracket, ""), (line_end, line_end, "\n" + form + "、".join(units))]
    return out if len(out) >= 4 else None


_UNIT_LINE = regex.compile(r"(?m)^[ \t\u3000]*(?:牵头)?(?:责任)?单位\s*[:：][^\n]*$")


def _units_in_bracket(text: str, gold: dict, meta: dict) -> list[Edit] | None:
    """A line of units after the report (牵头责任单位：市发展改革委。) written instead as a bracket after the
    task (（牵头单位：市发展改革委）), as other publishers place them."""
    out = []
    rows = _rows_with_spans(text, gold)
    for k, (row, task, progress) in enumerate(rows):
        units = row.get("lead_units") or []
        if not units:
            continue
        after = progress[1] if progress else task[1]  # a plan's task list has no report
        limit = rows[k + 1][1][0] if k + 1 < len(rows) else len(text)
        line = _UNIT_LINE.search(text, after, limit)
        if line is None or any(u not in line.group() for u in units):
            continue
        if progress is not None and text[task[1] : progress[0]].strip():
            continue  # something sits between task and report already (a label, a bracket)
        start = line.start() - 1 if line.start() and text[line.start() - 1] == "\n" else line.start()
        out += [(task[1], task[1], "（牵头单位：" + "、".join(units) + "）"), (start, line.end(), "")]
    return out if len(out) >= 4 else None


PUBLISHER_VARIANTS: dict[str, PublisherVariant] = {
    "enum_demoted": PublisherVariant(_shift_enumerators(1), doc="item numbers a level down: 一、→（一）, 1.→（1）"),
    "enum_promoted": PublisherVariant(_shift_enumerators(-1), doc="item numbers a level up: 1.→（一）, 一、→壹、"),
    "enum_promoted_under_top": PublisherVariant(
        _shift_enumerators(-1, top_free=True),
        doc="item numbers a level up where no 一、 is used: 1.→（一）, （一）→一、",
    ),
    "enum_width": PublisherVariant(_enumerator_width, doc="item-number brackets and stops in the other width"),
    "enum_spacing": PublisherVariant(_enumerator_spacing, doc="a space after item numbers toggled"),
    "enum_restart": PublisherVariant(_restart_numbering, doc="item numbers restarting in each section"),
    "enum_inline": PublisherVariant(_inline_enumerators, doc="一是… ↔ 第一，…"),
    "enum_bullets": PublisherVariant(
        _enumerator_bullets, doc="row numbers written as bullets (◆ ■ ● ★)", layouts=("prose", "news")
    ),
    "header_words_1": _header_words(1),
    "header_words_2": _header_words(2),
    "header_wrapped": PublisherVariant(_header_wrapped, gold=False, doc="a pipe header over two rows"),
    "columns_reversed": PublisherVariant(_columns_reversed, gold=False, doc="columns after 序号 reversed"),
    "seq_column_dropped": PublisherVariant(_seq_column_dropped, gold=False, doc="no 序号 column"),
    "column_deadline": PublisherVariant(
        _extra_column("完成时限", ("2023年12月底前", "2023年6月", "长期坚持"), 2), gold=False, doc="a 完成时限 column"
    ),
    "column_person": PublisherVariant(
        _extra_column("责任人", ("王明", "李华 张强", "陈静"), -1), gold=False, doc="a 责任人 column last"
    ),
    "column_remarks": PublisherVariant(
        _extra_column("备注", ("", "无", "—"), -1), gold=False, doc="a 备注 column last"
    ),
    "page_numbers": PublisherVariant(
        _page_numbers(*PAGE_NUMBER_FORMS), gold=False, doc="page numbers every 12 lines, four forms in turn"
    ),
    "page_numbers_dashed": PublisherVariant(_page_numbers("— {n} —"), gold=False, doc="page numbers — 3 —"),
    "page_numbers_of": PublisherVariant(_page_numbers("第{n}页 共{m}页"), gold=False, doc="page numbers 第3页 共9页"),
    "page_numbers_bare": PublisherVariant(_page_numbers("{n}"), gold=False, doc="page numbers as a bare number"),
    "running_heads": PublisherVariant(_running_heads, gold=False, doc="running heads every 12 lines"),
    "site_head": PublisherVariant(_site_head, gold=False, doc="breadcrumb and source lines before"),
    "closing_lines": PublisherVariant(_closing_lines, gold=False, doc="signature, date, footer after"),
    "long_preamble": PublisherVariant(_long_preamble, gold=False, doc="a preamble paragraph after the title"),
    "attachment_and_date": PublisherVariant(_attachment_and_date, gold=False, doc="附件 line and date line"),
    "progress_labels": PublisherVariant(
        _progress_labels, doc="a label before each prose progress", layouts=("prose", "news")
    ),
    "labels_removed": PublisherVariant(_labels_removed, doc="the progress label left out", layouts=("prose", "news")),
    "progress_joined": PublisherVariant(
        _progress_joined, doc="the report run on in the target's paragraph", layouts=("prose", "news")
    ),
    "units_after_progress": PublisherVariant(
        _units_after_progress,
        doc="a bracket of units after the task → a line after the report",
        layouts=("prose",),
        keep=("lead_units",),
    ),
    "units_in_bracket": PublisherVariant(
        _units_in_bracket,
        doc="a line of units after the report → a bracket after the task",
        layouts=("prose",),
        keep=("lead_units",),
    ),
}


def _rewrite_gold(value: object, change: Callable[[str], str], key: str | None = None) -> object:
    if isinstance(value, dict) and key == "cells":  # a cell is named by its header, rewritten too
        return {change(k): _rewrite_gold(v, change, "cells") for k, v in value.items()}
    if isinstance(value, dict):
        return {k: _rewrite_gold(v, change, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_rewrite_gold(v, change, key) for v in value]
    if isinstance(value, str) and key in GOLD_TEXT_KEYS:
        return change(value).replace("\r\n", "\n")  # a gold cell holds no line ends to rewrite
    return value


def _variant_folder(folder: Path, change: Callable[[str], str], into: Path) -> None:
    for gold in sorted(folder.glob("*.gold.json")):
        stem = gold.name.removesuffix(".gold.json")
        documents = [p for p in folder.glob(stem + ".*") if not p.name.endswith(COMPANION_SUFFIXES)]
        if len(documents) != 1 or documents[0].suffix != ".txt":
            continue  # only text documents can be rewritten character by character
        text = documents[0].read_bytes().decode("utf-8")
        (into / documents[0].name).write_bytes(change(text).encode("utf-8"))
        data = json.loads(gold.read_text("utf-8"))
        (into / gold.name).write_text(json.dumps(_rewrite_gold(data, change), ensure_ascii=False), "utf-8")


def _manifest() -> dict[str, dict]:
    import tomllib

    path = Path(__file__).resolve().parents[1] / "corpus" / "manifest.toml"
    return {d["id"]: d for d in tomllib.loads(path.read_text("utf-8"))["doc"]} if path.exists() else {}


def _publisher_folder(folder: Path, name: str, into: Path) -> int:
    """The folder's text documents that the publisher variant ``name`` fits, rewritten with their
    gold; the number written."""
    manifest, written = _manifest(), 0
    for gold in sorted(folder.glob("*.gold.json")):
        stem = gold.name.removesuffix(".gold.json")
        documents = [p for p in folder.glob(stem + ".*") if not p.name.endswith(COMPANION_SUFFIXES)]
        if len(documents) != 1 or documents[0].suffix != ".txt":
            continue
        text = documents[0].read_bytes().decode("utf-8")
        meta = {"stem": stem, "truncated": manifest.get(stem, {}).get("truncated", True)}
        if PUBLISHER_VARIANTS[name].layouts and _layout(documents[0]) not in PUBLISHER_VARIANTS[name].layouts:
            continue
        rewritten = publisher_rewrite(name, text, json.loads(gold.read_text("utf-8")), meta)
        if rewritten is None:
            continue
        (into / documents[0].name).write_bytes(rewritten[0].encode("utf-8"))
        (into / gold.name).write_text(json.dumps(rewritten[1], ensure_ascii=False), "utf-8")
        written += 1
    return written


def _render_folder(folder: Path, name: str, into: Path) -> int:
    """The folder's documents that the render ``name`` fits, written anew from their gold (see
    ``benchmarks/renders``); the number written. Status labels are left out."""
    manifest, written = _manifest(), 0
    for gold in sorted(folder.glob("*.gold.json")):
        stem = gold.name.removesuffix(".gold.json")
        meta = {"stem": stem, "truncated": manifest.get(stem, {}).get("truncated", True)}
        rendered = RENDERS[name].write(json.loads(gold.read_text("utf-8")), meta)
        if rendered is None:
            continue
        if len(rendered) == 3:  # a file format: its bytes and suffix
            (into / f"{stem}{rendered[2]}").write_bytes(rendered[0])
        else:
            (into / f"{stem}.txt").write_bytes(rendered[0].encode("utf-8"))
        (into / gold.name).write_text(json.dumps(rendered[1], ensure_ascii=False), "utf-8")
        written += 1
    if RENDERS[name].to_pdf and written:
        _to_pdf(into)
    return written


def _to_pdf(into: Path) -> None:
    """Every .docx of the folder converted to PDF by LibreOffice (in one run), the .docx removed."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise SystemExit("PDF needs LibreOffice (soffice) on the PATH")
    words = sorted(into.glob("*.docx"))
    subprocess.run(
        [office, "--headless", "--convert-to", "pdf", "--outdir", str(into), *map(str, words)],
        capture_output=True,
        check=True,
        timeout=1800,
    )
    for word in words:
        word.unlink()


FORMATS = ("docx", "pdf")


def _format_folder(folder: Path, fmt: str, into: Path) -> None:
    """The folder's text documents as Word files, one paragraph a line (a paragraph-only .docx is read
    through the text layouts), and for ``pdf`` those printed by LibreOffice: a PDF's text comes back
    in lines the page's width broke, as real attachments do. Gold and status labels copied. Texts
    holding a table copied as text (pipes, tabs) are left out: no real attachment holds one so."""

    import docx

    for gold in sorted(folder.glob("*.gold.json")):
        stem = gold.name.removesuffix(".gold.json")
        text = folder / f"{stem}.txt"
        if not text.exists() or regex.search(r"[|｜\t]", text.read_text("utf-8")):
            continue  # a table copied as text (pipes, tabs) is no table a real Word or PDF file holds
        document = docx.Document()
        for line in text.read_text("utf-8").split("\n"):
            document.add_paragraph(line)
        document.save(into / f"{stem}.docx")
        for companion in folder.glob(stem + ".*"):
            if companion.name.endswith(COMPANION_SUFFIXES):
                shutil.copy(companion, into / companion.name)
    if fmt == "pdf":
        _to_pdf(into)


def _by_stem(docs: dict[str, dict]) -> dict[str, dict]:
    return {Path(name).stem: scores for name, scores in docs.items()}


def _layout(path: Path) -> str:
    """The layout the parser chose for a document's first table ("-" when it failed)."""
    import extractor
    from extractor.errors import ExtractorError

    try:
        tables = extractor.parse(path).tables
    except ExtractorError as exc:
        return exc.code
    return tables[0].layout if tables else "-"


COLUMNS = ("row_recall", "task_exact", "progress_exact", "lead_exact")


def _line(label: str, n: int | str, means: dict, failed: int | str) -> str:
    return f"{label:24}{n:>5}" + "".join(f"{means[k]:9.3f}" for k in KEYS) + f"{failed:>9}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    names = sorted(VARIANTS) + sorted(PUBLISHER_VARIANTS) + sorted(RENDERS)
    parser.add_argument("--variant", action="append", choices=names, help="default: all of them (or --set)")
    parser.add_argument(
        "--set",
        choices=("all", "characters", "publishers", "renders"),
        default="all",
        help="without --variant: the character mappings, the publisher variants, the renders, or all (default)",
    )
    parser.add_argument("--list", action="store_true", help="name and describe every variant, then stop")
    parser.add_argument("--worst", type=int, default=5, help="documents that lose most, per variant")
    parser.add_argument("--keep", type=Path, help="write each variant's folder under this directory")
    parser.add_argument("--json", type=Path, help="write every variant's means and per-document losses")
    parser.add_argument(
        "--format",
        action="append",
        choices=FORMATS,
        default=[],
        help="also score the text documents converted to this format (pdf needs LibreOffice)",
    )
    args = parser.parse_args(argv)
    if args.list:
        for name in sorted(VARIANTS):
            doc = (VARIANTS[name].__doc__ or "").strip().split("\n")[0]
            print(f"{name:24} characters  {doc}")
        for name, variant in sorted(PUBLISHER_VARIANTS.items()):
            print(f"{name:24} publisher   {variant.doc}")
        for name, render in sorted(RENDERS.items()):
            print(f"{name:24} render      {render.doc}")
        return 0
    chosen = {
        "all": names,
        "characters": sorted(VARIANTS),
        "publishers": sorted(PUBLISHER_VARIANTS),
        "renders": sorted(RENDERS),
    }[args.set]
    report: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        original = root / "original"
        original.mkdir(parents=True, exist_ok=True)
        _variant_folder(args.folder, lambda text: text, original)
        base = run_split(original)
        before_docs = _by_stem(base["docs"])
        print(f"{'variant':24}{'n':>5}" + "".join(f"{k[:8]:>9}" for k in KEYS) + f"{'no_table':>9}")
        print(_line("original", len(base["docs"]), base["mean"], base["failed"] + base["zero_rows"]))
        selected = (args.variant or ([] if args.format else chosen)) + [f"as_{f}" for f in args.format]
        for name in selected:
            into = root / name
            into.mkdir(parents=True, exist_ok=True)
            if name.startswith("as_"):
                _format_folder(args.folder, name.removeprefix("as_"), into)
            elif name in RENDERS:
                if not _render_folder(args.folder, name, into):
                    print(f"{name:24}    0  (fits no document)")
                    continue
            elif name in PUBLISHER_VARIANTS:
                if not _publisher_folder(args.folder, name, into):
                    print(f"{name:24}    0  (fits no document)")
                    continue
            else:
                _variant_folder(args.folder, VARIANTS[name], into)
            result = run_split(into)
            docs = _by_stem(result["docs"])
            if len(docs) < len(base["docs"]):  # a variant that fits some documents, or a format
                same = [before_docs[doc] for doc in docs]
                means = {k: sum(d[k] for d in same) / max(len(same), 1) for k in KEYS}
                failed = sum(1 for d in same if "error" in d or (d["rows_pred"] == 0 and d["rows_gold"]))
                print(_line("  original, those", len(same), means, failed))
            print(_line(name, len(docs), result["mean"], result["failed"] + result["zero_rows"]))
            losses = []
            for doc, scores in docs.items():
                before = before_docs[doc]
                loss = sum(before[k] - scores[k] for k in KEYS)
                if loss > 1e-9:
                    worst = max(KEYS, key=lambda k: before[k] - scores[k])
                    losses.append((loss, doc, worst, before[worst], scores[worst]))
            losses.sort(reverse=True)
            for loss, doc, worst, was, now in losses[: args.worst]:
                written = [p for p in into.glob(doc + ".*") if not p.name.endswith(COMPANION_SUFFIXES)]
                layouts = (
                    f"{_layout(original / (doc + '.txt'))} → {_layout(written[0])}"
                    if not name.startswith("as_") and len(written) == 1
                    else ""
                )
                print(f"    {doc:28} loses {loss:5.2f} (most in {worst}: {was:.3f} → {now:.3f})  {layouts}")
            report[name] = {
                "n": len(docs),
                "mean": result["mean"],
                "no_table": result["failed"] + result["zero_rows"],
                "losses": [dict(zip(("loss", "doc", "metric", "was", "now"), row, strict=True)) for row in losses],
                "docs": {
                    doc: {k: scores[k] for k in COLUMNS} | {"error": scores.get("error")}
                    for doc, scores in docs.items()
                },
            }
        if args.json:
            report["original"] = {
                "mean": base["mean"],
                "docs": {d: {k: s[k] for k in COLUMNS} for d, s in before_docs.items()},
            }
            args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
