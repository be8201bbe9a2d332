"""Rows aligned by content: a table whose text does not mark its cells reliably.

Web pages, PDF text and office copies lose a table's grid in many ways: cells end up one per line
with wrapped cells broken over lines too, one row per line with the cells separated by single
spaces (and spaces inside the cells), cells closed by " |" one per line with merged cells simply
missing. No mark tells every cell boundary; what the text does show is

- a header: a run of short pieces that name fields (read by synonyms and morphemes);
- where rows start: a 序号 chain, or one row per line;
- what each column holds: numbers, unit names, dates, short names, sentences.

So the text is cut into *pieces* at every possible boundary (explicit delimiters, blank lines, line
breaks, spaces), each boundary with a strength, and each row's pieces are aligned to the header's
columns by dynamic programming: a cell is one or more consecutive pieces, a column may be empty,
a row may wrap into a sub-row under merged cells. A cell's score is how well its text's class
(number, percent, figure, unit name, person, date, status word, short name, sentence) suits its
column — first from the header's meaning, then from what the column holds in the document's
other rows — plus what joining its pieces costs (joining across a cell delimiter costs much,
across a space little). Three piece modes are tried (explicit delimiters, lines, spaces); the
layout stage weighs the tables they give against every other proposal.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from extractor.headers import (
    MAX_MORPHEME_HEADER,
    QUESTION_STRENGTH,
    TARGET_HEADER,
    broken_header,
    field_for_header,
    header_candidates,
    is_furniture,
    is_heading,
    is_period_header,
    label_synonyms,
    layout_patterns,
    not_header_cell,
    numbers_count,
    opens_as_content,
    opens_with_joiner,
    parse_seq,
    reads_as_header,
    undated_header,
)
from extractor.layout.base import PIPE_ONLY, PIPE_SEPARATOR, SENTENCE, Block, Line, trim
from extractor.layout.classes import CLASSES, DIGIT, SEQ_PREFIX, STARRED_SEQ, classify, is_measure
from extractor.readers.raw import Paragraph, RawCell, RawRow, RawTable
from extractor.rules.compiled import compile_rule
from extractor.textnorm import match_key, match_view

# Boundary strengths: what separates a piece from the one before it.
CELL = 3.0  # an explicit delimiter (|, tab), or a line a delimiter closed
BLANK = 2.5  # a blank line
LINE = 2.0  # a line break
WIDE = 1.5  # two or more spaces
SPACE = 1.0  # one space
GLUE = 0.5  # nothing at all: cells written one against the next (a table copied without separators)

NO_DATA = compile_rule(r"^\s*[-—–－/]{1,3}\s*$")  # a cell saying there is nothing to report
PIPE_RUN = compile_rule(r"^\s*[|｜](?:\s*[|｜])*\s*$")  # a line of nothing but cell delimiters
MAX_PIECES = 4000  # pieces beyond this: the document is too big for this reading (others read it)
MAX_SPAN = 80  # pieces in one row's span; a longer span is cut (the rest are paragraphs)
MAX_CELL_PIECES = 40  # pieces one cell may join
MAX_HEADER_PIECES = 16
# Fields that weigh more in choosing among header runs (序号 triple, progress double): a table's
# own header numbers its rows and names their progress; a metadata form above it does neither.
HEADER_ANCHORS = frozenset({"seq", "progress"})
WRAP_PENALTY = -2.5  # starting a sub-row under merged cells
# A cell joined across a line break into a line that holds a row's worth of cells (at least
# MIN_ROW_LINE_CELLS) costs this instead of LINE's -0.45.
MIN_ROW_LINE_CELLS = 3
LINE_ROWS_JOIN = -2.0
MERGED_SKIP = -0.3  # a cell a sub-row leaves to the merged cell above
SECTION_COST = -1.0  # reading a line between rows as a heading rather than as more of a cell
HEADING_COST = -0.4  # the same for a line that reads as a heading ("二、…", "已完成的项目")
PIECE_WEIGHT = 1.0  # how much the parts of a joined cell must each suit its column
DEFINITE = frozenset(
    {"seq", "number", "percent", "measure", "unit", "person", "date"}
)  # the kinds of part judged alone
BRACKET_UNIT = compile_rule(r"^[（(][^（）()]{0,8}[)）]$")
SENTENCE_END = compile_rule(r"(?:[。；;！？!?]|(?<!\d)\.)$")
ENUMERATED_HEADING = compile_rule(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.]|\(\s*[一二三四五六七八九十]{1,3}\s*\))\s*\S"
)
YEAR = compile_rule(r"^\s*(?:19|20)\d\d\s*$")
LOOKS_DECIMAL = compile_rule(r"^\s*[*＊]?\s*\d+[.．]\d")
LOOSE_PREFIX = compile_rule(r"^\s*[*＊]?\s*(\d{1,2})[.．](?=\d[^\n]*\p{Han})")
# In a row written without separators: a number between two words (its 序号), and a unit's name
# opening a sentence ("区发展改革委西城区…": the unit, then the progress).
GLUED_SEQ = compile_rule(r"(?<=\p{Han})\d{1,3}(?=\p{Han})|^\d{1,3}(?=\p{Han})")
GLUED_UNIT_SUFFIX = frozenset("局委会办室心府道司团院所厅署队站社联街")
GLUED_UNIT_MAX = 14  # characters of a unit's name
# …and where a unit's name may open inside a sentence-less run ("…学位13800个市教育局市住房…"): an
# administrative level or a collective (各, 相关), read on the matching view (區 is 区).
GLUED_UNIT_OPENER = compile_rule(r"[市区县省州镇乡各]|相关")
# …where what stands before it cannot be the start of the same word ("社区", "城市"): a number or its
# measure word ending the task ("…13800个|市教育局"), punctuation, or another unit's name.
GLUED_UNIT_AFTER = compile_rule(r"[\d%)）」”’\p{P}个所家项人元万亿米座条户次名台套处间栋批]$")
# A row's number written as a section's item ("1.1新建…", "2.3提高…"): the row's 序号, cut off.
GLUED_OUTLINE = compile_rule(r"^\d{1,2}[.．]\d{1,2}(?=\p{Han})")
OUTLINE = compile_rule(r"^\s*(\d{1,2})[.．](\d{1,2})\s*$")
# A list opening inside a cell, glued to the word before ("…相关镇街1.完成第一批…").
GLUED_ITEM = compile_rule(r"(?<=\p{Han})\d{1,2}[.、．](?!\d)(?=\p{Han})")
PADDING = compile_rule(r"(?<=\p{Han}) (?=\p{Han})")  # one space between two ideographs
GLUED_SPACE = compile_rule(r"[ \t\xa0]{2,}|\u3000+")  # a run of spaces inside such a line: a cell's end
LETTER_SPACED = compile_rule(r"(?<![^\s])\p{Han}(?:[ \u3000]{1,3}\p{Han}(?![^\s]))+")
# A number spaced on both sides inside Chinese text: "在 1996 年", "增設 20 間".
SPACED_NUMBER = compile_rule(r"(?<=\p{Han}) \d[\d.,]* (?=\p{Han})")
LATIN_EDGE = compile_rule(r"[A-Za-z0-9%]")
# (compiled once: the pieces and header checks run on every line of every reading)
PIPE_CHAR = regex.compile(r"[|｜]")
DELIMITER_CHAR = regex.compile(r"[|｜\t]")
CELL_DELIMITER = regex.compile(r"[ \u3000\xa0]*[|｜\t][ \u3000\xa0]*")
CLOSED_LINE = regex.compile(r"[|｜\t]\s*$")
NON_SPACE_RUN = regex.compile(r"\S+")
CLAUSE_OR_LABEL = regex.compile(r"[，,、]|[:：](?=.)")
CLAUSE_MARK = regex.compile(r"[，,、；;]|[:：]")
NOT_GLUED_HEADER = regex.compile(r"[\s\d，,。；;:：、]")
CHINESE_DIGIT = regex.compile(r"[一二三四五六七八九十]")
HAN = regex.compile(r"\p{Han}")


@dataclass(slots=True)
class Piece:
    text: str
    line: int  # index of its line (pages and the paragraphs around the table)
    page: int | None
    before: float  # strength of the boundary before it
    delimited: bool = False  # its line holds a cell delimiter (| or tab)
    # The document spaces its numbers inside phrases ("在 1996 年", "增設 20 間"): a space between a
    # number and a Chinese word may be inside a cell. Where it does not, such a space is a boundary.
    spaced_numbers: bool = True
    outline: bool = False  # a section's item number cut off a row written without separators ("1.1")


def _prior(field_name: str | None, header: str) -> dict[str, float]:
    """What a column is expected to hold, from its header's meaning (before the document is read)."""
    # (on the matching view: 已完成數 and 總投資（萬元） are numeric headers too)
    numeric_header = bool(
        regex.search(r"[(（][^)）]*(?:%|万|亿|元|个|人|家|项|亩|米)[^)）]*[)）]|率|比|数$", match_view(header))
    )
    table: dict[str | None, dict[str, float]] = {
        "seq": {"seq": 0.9, "empty": 0.05},
        "task": {
            "prose": 0.45,
            "short": 0.3,
            "figure": 0.12,
            "unit": 0.03,
            "status": 0.02,
            "report": 0.02,
            "empty": 0.03,
        },
        "progress": {
            "prose": 0.3,
            "report": 0.25,
            "figure": 0.1,
            "number": 0.08,
            "percent": 0.08,
            "status": 0.1,
            "short": 0.04,
            "empty": 0.05,
        },
        "lead_units": {"unit": 0.75, "short": 0.08, "person": 0.04, "empty": 0.1},
        "partner_units": {"unit": 0.7, "short": 0.1, "empty": 0.15},
        "lead_leaders": {"person": 0.7, "short": 0.1, "empty": 0.1},
        "responsible": {"person": 0.7, "short": 0.1, "empty": 0.1},
        "deadline": {"date": 0.6, "short": 0.15, "figure": 0.1, "empty": 0.1},
        "status": {"status": 0.5, "short": 0.2, "percent": 0.1, "empty": 0.1},
        "category": {"short": 0.5, "empty": 0.3, "prose": 0.1},
        "issues": {"prose": 0.5, "short": 0.1, "report": 0.05, "empty": 0.3},
        # a plan is written as actions, as a report is ("开工建设", "完成配备")
        "plan": {"prose": 0.45, "report": 0.1, "short": 0.1, "status": 0.03, "empty": 0.25},
        # a unit of measure (计量单位: %, 万元, 个)
        "measure": {"measure": 0.75, "short": 0.1, "empty": 0.1},
        "remarks": {"empty": 0.4, "short": 0.2, "status": 0.15, "prose": 0.1, "figure": 0.05, "report": 0.05},
    }
    if field_name not in table:  # a header of no known meaning expects nothing in particular
        return dict.fromkeys(CLASSES, 1 / len(CLASSES))
    prior = dict(table[field_name])
    if numeric_header and field_name not in ("seq", "lead_units", "partner_units"):
        prior = {"number": 0.4, "percent": 0.25, "figure": 0.15, "empty": 0.1, "status": 0.05}
    floor = 0.01
    return {c: prior.get(c, floor) for c in CLASSES}


@dataclass(slots=True)
class Column:
    header: str
    field: str | None
    expect: dict[str, float] = field(default_factory=dict)

    def fit(self, cls: str) -> float:
        if cls == "seq":  # a small whole number ("869") is a 序号 or a count: whichever the column takes
            return math.log(max(self.expect.get("seq", 0.01), self.expect.get("number", 0.01)))
        return math.log(self.expect.get(cls, 0.01))


# ----------------------------------------------------------------- pieces


def _pieces(lines: list[Line], mode: str) -> list[Piece]:
    pieces: list[Piece] = []
    blank = False
    closed = False  # the previous line ended with a delimiter: the next line starts a new cell
    bare = False  # the previous line was text without any delimiter
    # Delimiters only on lines of their own (never beside text): "|" lines separate cells written one
    # a line. Where text lines carry them too ("| 市直各单位"), a "|" alone closes a row.
    runs = sum(1 for line in lines if PIPE_RUN.match(line.text))
    beside_text = sum(1 for line in lines if PIPE_CHAR.search(line.text) and not PIPE_RUN.match(line.text))
    separator_lines = mode == "delimited" and runs >= 4 and beside_text * 10 <= runs
    spaced: bool | None = None
    for index, line in enumerate(lines):
        text = line.text
        if not text.strip():
            blank = True
            closed = bare = False  # a blank line is a stronger boundary than a delimiter's
            continue
        start = BLANK if blank else LINE
        blank = False
        if mode == "delimited":
            if PIPE_SEPARATOR.match(text) and ("|" in text or "｜" in text):
                closed = True
                continue
            if PIPE_RUN.match(text):
                # A "|" alone closes an empty cell where every cell line ends with "|", else
                # separates the cells of a stream (each case is read: the piece is empty). After
                # a line of text with no delimiter (cells one a line, "|" lines between them) the
                # first "|" closes that line's cell; each further one closes an empty cell ("||||":
                # a row's trailing cells left empty).
                count = len(PIPE_CHAR.findall(text)) - (1 if bare and separator_lines else 0)
                pieces.extend(Piece("", index, line.page, CELL) for _ in range(count))
                closed, bare = True, False
                continue
            body = text.strip(" \u3000\xa0")
            parts = CELL_DELIMITER.split(body)
            ends_closed = bool(CLOSED_LINE.search(text))
            if body.startswith(("|", "｜", "\t")):
                parts = parts[1:]  # a line led by a delimiter (the seed's tab-led cells) opens a cell
                closed = True
            if ends_closed and parts and parts[-1] == "":
                parts = parts[:-1]
            marked = len(parts) > 1 or ends_closed or closed
            for k, part in enumerate(parts):
                strength = (CELL if closed else start) if k == 0 else CELL
                pieces.append(Piece(trim(part), index, line.page, strength, marked))
            closed = ends_closed
            bare = not DELIMITER_CHAR.search(text)
        elif mode == "lines":
            pieces.append(Piece(trim(text), index, line.page, start))
        elif mode == "glued":
            for k, (part, strength, outline) in enumerate(_glued_parts(trim(text))):
                pieces.append(Piece(part, index, line.page, start if k == 0 else strength, outline=outline))
        else:  # spaces
            # Letter-spaced words ("项  目  类  别", "序 号") are one piece: one character each side.
            text = LETTER_SPACED.sub(_unspace, text)
            if spaced is None:
                spaced = len(SPACED_NUMBER.findall("\n".join(line.text for line in lines))) >= 2
            for k, match in enumerate(NON_SPACE_RUN.finditer(text)):
                if k == 0:
                    strength = start
                else:
                    before = text[: match.start()]
                    run = len(before) - len(before.rstrip(" \t\u3000\xa0"))
                    strength = WIDE if run >= 2 or "\u3000" in before[-run:] else SPACE
                pieces.append(Piece(match.group(), index, line.page, strength, spaced_numbers=spaced))
        if len(pieces) > MAX_PIECES:
            return []
    return pieces


# ----------------------------------------------------------------- header


def _meaning(text: str) -> str | None:
    return field_for_header(text) or reads_as_header(text) or _dated_meaning(text)


def _dated_meaning(text: str) -> str | None:
    """What a header with a period in it names: a period alone ("1-3月", "上半年", headers.toml
    period_header) heads what was reached in it, the progress; a period inside a header
    ("预计至12月31日完成工作量") is read without it."""
    if is_period_header(text):
        claims = header_candidates(text, morphemes=True)
        return claims[0][0] if claims else None
    if not DIGIT.search(text):
        return None
    undated = undated_header(text)
    if not undated.strip() or DIGIT.search(undated) or undated == match_view(text):
        return None
    return field_for_header(undated) or reads_as_header(undated)


def _exact(text: str) -> bool:
    claims = header_candidates(text)
    return bool(claims) and claims[0][1] >= 3


def _header_piece(piece: Piece) -> bool:
    text = piece.text
    key = match_key(text)
    if not key or len(key) > 20 or SENTENCE.search(text) or is_furniture(text) or not_header_cell(text):
        return False
    if ENUMERATED_HEADING.match(match_view(text)) or (
        is_heading(text) and (_meaning(text) is None or opens_as_content(text) or _group_of_rows(text))
    ):
        # a section line ("已完成的項目" names 项目 but opens saying what became of them); "已完成数"
        # reads like a heading but names a column
        return False
    if CLAUSE_OR_LABEL.search(match_view(text).strip()):
        return False  # a header cell names a column; a clause with commas or a label says something
    if parse_seq(text) is not None or (DIGIT.search(match_view(text)) and not BRACKET_UNIT.match(text)):
        # "2024年推进情况", "截至6月底进展", "1-9月完成情况": a period before a header word
        undated = undated_header(text)
        dated = is_period_header(text) or (bool(undated.strip()) and not DIGIT.search(undated))
        return dated and _meaning(text) is not None
    return True


def _group_of_rows(text: str) -> bool:
    """A section line naming the rows under it by what became of them ("進度滯後的項目", "已完成的任务"):
    a standing, 的, the rows' noun; a count of them ("已完成的项目数") names a column."""
    key = match_key(text)
    return "的" in key and not COUNT_TAIL.search(key)


def _join_header(pieces: list[Piece], modifiers: bool = False) -> list[str]:
    """Header pieces → header cells: a wrapped header is one cell ("工程"/"名称", "完成目标"/"(%)",
    "市级牵头"/"责任单位", "责任"/"领导"). With ``modifiers``, a piece of no meaning also joins the
    piece after it when together they mean something ("市政府"/"分管领导"). Pieces an explicit
    delimiter separates stay apart."""
    cells: list[str] = []
    for k, piece in enumerate(pieces):
        text = piece.text
        if cells and piece.before != CELL:
            previous = cells[-1]
            joined = previous + text
            # (two long headers ending in the same words are parallel columns, "实际已完成工作量"/
            # "预计至12月31日完成工作量": a wrapped header never repeats its head)
            same = _meaning(previous) is not None and _meaning(previous) == _meaning(text)
            same = same and not _parallel(previous, text)
            modifier = modifiers and _meaning(previous) is None and _meaning(joined) is not None and k > 0
            if (
                BRACKET_UNIT.match(text)
                or (same and not _exact(previous))
                or (_exact(joined) and not _exact(previous) and not _exact(text))
                or modifier
            ):
                cells[-1] = joined
                continue
        cells.append(text)
    return cells


def _parallel(left: str, right: str) -> bool:
    """Two long header cells ending in the same two characters (their common head word): each a
    whole header ("实际已完成工作量"/"预计至12月31日完成工作量"). (Short ones, "一级指标"/"二级指标",
    are as often one header over two merged columns, a category printed as a section line.)"""
    a, b = match_key(left), match_key(right)
    return len(a) >= MIN_PARALLEL and len(b) >= MIN_PARALLEL and a[-2:] == b[-2:]


MIN_PARALLEL = 6


@dataclass(slots=True)
class _Header:
    start: int  # first header piece
    end: int  # one past the last header piece
    cells: list[str]  # wrapped pieces joined
    pieces: list[str]  # each piece its own cell


def _alone(pieces: list[Piece], k: int) -> bool:
    """Whether a piece is the only one on its line."""
    line = pieces[k].line
    return (k == 0 or pieces[k - 1].line != line) and (k + 1 == len(pieces) or pieces[k + 1].line != line)


def _alone_line_glued(pieces: list[Piece], header: _Header) -> bool:
    """Whether the header is one line written without separators, split into its cells."""
    line = pieces[header.start].line
    return (
        all(p.line == line for p in pieces[header.start : header.end])
        and header.end - header.start >= 3
        and all(p.before in (CELL, LINE, BLANK) for p in pieces[header.start : header.end])
        and bool(regex.fullmatch(r"[^\s|｜]+", "".join(p.text for p in pieces[header.start : header.end])))
    )


def _split_glued(pieces: list[Piece], mode: str = "") -> list[Piece]:
    """A header line written without separators ("类别序号重点督办内容牵头单位全年完成情况") split
    into the header cells it is made of: cut after each header synonym it holds, a run of other
    words joining the synonym after it ("重点督办" + "内容"). Only when it splits into three or more
    cells naming two or more fields; a header of words no synonym names stays whole. Where rows
    carry no separators either (``mode`` glued), the spaces a centred cell pads its word with
    ("序 号工作任务牵 头 单 位…") are no separators: they are taken out."""
    out = []
    for k, piece in enumerate(pieces):
        text = PADDING.sub("", piece.text) if mode == "glued" else piece.text
        key = match_view(text)
        if 6 <= len(key) <= 60 and _alone(pieces, k) and not NOT_GLUED_HEADER.search(key):
            cells = _synonym_cells(text)
            if not (cells and len(cells) >= 3 and len({_meaning(c) for c in cells} - {None}) >= 2):
                cells = _morpheme_cells(text) or cells
            if cells and len(cells) >= 3 and len({_meaning(c) for c in cells} - {None}) >= 2:
                before = [piece.before] + [CELL] * (len(cells) - 1)
                out.extend(Piece(c, piece.line, piece.page, b) for c, b in zip(cells, before, strict=True))
                continue
        out.append(piece)
    return out


MAX_GLUED_CELLS = 8
MAX_GLUED_SPLITS = 500  # splits of the fewest cells weighed; more than this: the first ones


def _morpheme_cells(text: str) -> list[str] | None:
    """A glued header no synonym cuts ("年度季別里程碑工作內容說明近期執行概況說明") cut into the
    fewest cells (three at least) that each read as a header by their morphemes and name fields
    of their own; of those cuts, the one weighed best (``weight``)."""
    n = len(text)
    if n > MAX_GLUED_CELLS * MAX_MORPHEME_HEADER:
        return None

    def reading(i: int, j: int) -> str | None:
        cell = text[i:j]
        return reads_as_header(cell) or (_meaning(cell) if _exact(cell) else None)

    # The last cell ends the line: no cut when no tail reads (most lines that are no header).
    if not any(reading(i, n) for i in range(max(0, n - MAX_MORPHEME_HEADER), n - 1)):
        return None
    reads = {
        (i, j): meaning
        for i in range(n)
        for j in range(i + 2, min(n, i + MAX_MORPHEME_HEADER) + 1)
        if (meaning := reading(i, j))
    }
    ends: dict[int, list[int]] = {}
    for i, j in reads:
        ends.setdefault(i, []).append(j)
    # can[i][m]: text[i:] can be cut into exactly m cells that each read
    can = [[False] * (MAX_GLUED_CELLS + 1) for _ in range(n + 1)]
    can[n][0] = True
    for i in range(n - 1, -1, -1):
        for m in range(1, MAX_GLUED_CELLS + 1):
            can[i][m] = any(can[j][m - 1] for j in ends.get(i, ()))
    count = next((m for m in range(3, MAX_GLUED_CELLS + 1) if can[0][m]), None)
    if count is None:
        return None
    splits: list[list[tuple[int, int]]] = []

    def walk(i: int, left: int, cut: list[tuple[int, int]]) -> None:
        if len(splits) >= MAX_GLUED_SPLITS:
            return
        if left == 0:
            splits.append(list(cut))
            return
        for j in range(i + 2, min(n, i + MAX_MORPHEME_HEADER) + 1):
            if (i, j) in reads and can[j][left - 1]:
                walk(j, left - 1, [*cut, (i, j)])

    walk(0, count, [])

    def weight(cut: list[tuple[int, int]]) -> tuple[int, int, float]:
        # No cell opening with a joining word; then cells of even length (a two-character cell
        # beside a six-character one is more often one header cut in the wrong place); then claims.
        claims = [header_candidates(text[i:j], morphemes=True) for i, j in cut]
        joiners = sum(opens_with_joiner(text[i:j]) for i, j in cut)
        return -joiners, min(j - i for i, j in cut), sum(c[0][1] for c in claims if c)

    # A title reads as header words too ("重点|项目建设|进展情况"); a header names a field a cell.
    splits = [cut for cut in splits if len({reads[c] for c in cut}) == len(cut)]
    if not splits:
        return None
    best = max(splits, key=weight)
    return [text[i:j] for i, j in best]


def _synonym_cells(text: str) -> list[str] | None:
    """Cells cut after each header synonym, longest first; the words before a synonym join it."""
    view = match_view(text)
    synonyms = sorted({s for s, _ in label_synonyms()}, key=len, reverse=True)
    cells, start, k = [], 0, 0
    while k < len(view):
        found = next((w for w in synonyms if view.startswith(match_view(w), k)), None)
        if found:
            k += len(found)
            cells.append(text[start:k])
            start = k
        else:
            k += 1
    if start < len(text):
        if not cells:
            return None
        cells[-1] += text[start:]
    return cells


def _find_header(pieces: list[Piece], mode: str) -> _Header | None:
    """The run of header pieces naming the most fields (at least two, one of them a core field),
    the first of equals. Where lines carry delimiters, a header does not run on past a blank line
    (a metadata table above). A metadata form above the table ("组配分类 | 民生实事 | 主题分类"),
    whose values can read as header words, names fewer fields than the table's own header."""
    found: list[tuple[int, _Header]] = []
    for header in _header_runs(pieces, mode):
        fields = {_meaning(c) for c in header.cells} - {None}
        found.append((len(fields) + len(fields & HEADER_ANCHORS) + ("seq" in fields), header))
    if not found:
        return None
    best = max(score for score, _ in found)
    return next(header for score, header in found if score == best)


def _header_runs(pieces: list[Piece], mode: str) -> Iterable[_Header]:
    """Every run of header pieces naming at least two fields, one of them a core field."""
    i = 0
    while i < len(pieces):
        if (
            not _header_piece(pieces[i])
            or (pieces[i].before == SPACE and i and _header_piece(pieces[i - 1]))
            or BRACKET_UNIT.match(pieces[i].text)  # "（共118项）", "（万元）": a note on a cell or a title
        ):
            i += 1
            continue
        j = i + 1
        while j < len(pieces) and j - i < MAX_HEADER_PIECES and _header_piece(pieces[j]):
            if mode == "delimited" and pieces[j].before == BLANK:
                break
            if mode in ("spaces", "glued") and pieces[j].line != pieces[i].line:
                break  # a table whose cells are split by spaces (or by nothing) has its header on one line
            j += 1
        # Trailing pieces of no meaning are the first row's short cells (a category), not header.
        while j > i and _meaning(pieces[j - 1].text) is None and not BRACKET_UNIT.match(pieces[j - 1].text):
            j -= 1
        # Lines of one piece above a header line of several cells are a title or a note, not the
        # header's start (a header written one cell per line has no line of several cells).
        first_multi = next((m for m in range(i, j) if not _alone(pieces, m)), None)
        if first_multi is not None:
            i = first_multi
        cells = _join_header(pieces[i:j])
        fields = {_meaning(c) for c in cells} - {None}
        if len(fields) >= 2 and fields & {"task", "progress"} and j < len(pieces) and not _furniture_line(pieces, i, j):
            yield _Header(i, j, cells, [p.text for p in pieces[i:j]])
        i = max(j, i + 1)


def _furniture_line(pieces: list[Piece], i: int, j: int) -> bool:
    """Whether header pieces ``i:j``, all on one line, are part of a line that is page furniture as
    a whole (a breadcrumb "您当前的位置:首页> 政务公开> 重点项目> 内容": its last steps read as header
    words). A header over several lines is never judged so: its lines are its cells."""
    line = pieces[i].line
    if any(p.line != line for p in pieces[i:j]):
        return False
    text = " ".join(p.text for p in pieces if p.line == line)
    return is_furniture(text) or is_furniture(match_view(text))  # (首頁, 當前位置 read as 首页, 当前位置)


# ----------------------------------------------------------------- rows


def _seq_of(piece: Piece) -> tuple[int, bool] | None:
    """(number, whole) when the piece is a 序号 (whole) or starts with one ("1、地区生产总值…")."""
    view = match_view(piece.text)
    if piece.outline and (outline := OUTLINE.match(view)):
        return int(outline.group(2)), True  # "1.1", "1.2" …: the item counts within its section
    seq = parse_seq(piece.text) if len(piece.text) <= 6 else None
    if seq is not None and not CHINESE_DIGIT.search(view) and not YEAR.match(view):
        return seq, True  # (1996 is a year; 一、 and （一） are read by _chinese_seq_of)
    starred = STARRED_SEQ.match(view)
    if starred:
        return int(starred.group(1)), True
    prefix = SEQ_PREFIX.match(view)
    if prefix and not LOOKS_DECIMAL.match(view):
        return int(prefix.group(1)), False
    return None


def _chinese_seq_of(piece: Piece) -> int | None:
    """A 序号 in Chinese numerals ("一", "二、"): in a table they mostly number sections, so they
    open rows only where no Arabic numbering does."""
    view = match_view(piece.text)
    if len(piece.text) <= 6 and CHINESE_DIGIT.search(view):
        return parse_seq(piece.text)
    bracketed = BRACKETED_CHINESE_ITEM.match(view)  # "（一）按照…": an item numbered inside its cell
    return parse_seq(bracketed.group(1)) if bracketed else None


BRACKETED_CHINESE_ITEM = compile_rule(r"^\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(?=\S)")


def _loose_seq_of(piece: Piece) -> int | None:
    """The number "3.90%的二级医院…" may start with (item 3, or the decimal 3.90): it counts only
    where the rows' numbering expects exactly it."""
    match = LOOSE_PREFIX.match(match_view(piece.text))
    return int(match.group(1)) if match else None


def _row_starts(pieces: list[Piece], start: int, width: int) -> list[int]:
    """Indices of the pieces that open rows: a chain of 序号 at line starts, each the next number
    (or a little further on, when rows are missing), the nearest one a row's width away."""
    candidates = [
        (k, seq[0])
        for k in range(start, len(pieces))
        if pieces[k].before >= LINE or k == start or _after_heading(pieces, k)
        if (seq := _seq_of(pieces[k])) is not None
    ]
    # a 序号 written alone ("1" before its cells) or opening its cell ("1.易地新建…"): a chain keeps
    # to the way its first member is written while it can, so that numbered lines inside a cell
    # ("1.…;" / "2.…;") do not stand in for the rows' own numbers
    whole = {k for k, _ in candidates if (seq := _seq_of(pieces[k])) is not None and seq[1]}
    loose = [
        (k, n)
        for k in range(start, len(pieces))
        if pieces[k].before >= LINE and _seq_of(pieces[k]) is None
        if (n := _loose_seq_of(pieces[k])) is not None
    ]
    if len(candidates) < 2:
        chinese = [
            (k, n)
            for k in range(start, len(pieces))
            if pieces[k].before >= LINE or k == start
            if (n := _chinese_seq_of(pieces[k])) is not None
        ]
        candidates = chinese if len(chinese) >= 2 else candidates
    if not candidates:
        return []
    chains: list[list[int]] = []
    used: set[int] = set()
    for first_index, (k, number) in enumerate(candidates):
        if k in used:
            continue
        chain = [k]
        current = number
        position = k
        rest = candidates[first_index + 1 :]
        alike = [(j, n) for j, n in rest if (j in whole) == (k in whole)]
        while True:
            following = [(j, n) for j, n in rest if j > position]
            written_alike = [(j, n) for j, n in alike if j > position]
            if any(n == current + 1 for _, n in written_alike):
                following = written_alike
            exact = [(j, n) for j, n in following if n == current + 1]
            exact += [(j, n) for j, n in loose if j > position and n == current + 1]
            near = exact or [(j, n) for j, n in following if current < n <= current + 3]
            if not near:
                # a jump in the numbering (an extract of a longer list: 145, 249) a whole row away;
                # a count in the row's own cells ("626" under 累计完成) is nearer
                # (of the numbers' own size: an item "2." is not followed by a row keyed 1121)
                near = [
                    (j, n) for j, n in following if current < n <= MAX_JUMP * (current + 1) and j - position >= width
                ][:1]
            # Numbering that starts again under the next section: a 1 with a 2 after it, taken when
            # it comes before the number that would continue the count.
            ones = [j for j, n in following if n == 1]
            restart = [(j, 1) for j in ones[:1] if any(n == 2 and i > j for i, n in following)]
            if (
                restart
                and current == 1
                and _numbered_inside(pieces[restart[0][0]])
                and _cells_between(pieces, position, restart[0][0]) < max(2, width // 2)
            ):
                # "1 | 主要预期目标 | 1.地区生产总值…": a group's 序号 and its name, then the first item
                # of the group numbered inside its cell; a 1 after so short a row is no new section.
                restart = []
            if restart and (not near or restart[0][0] < min(j for j, _ in near)):
                near = restart
            if not near:
                break
            j, n = min(near, key=lambda c: (abs(c[0] - position - width), c[0]))
            chain.append(j)
            current, position = n, j
        used.update(chain)
        chains.append(chain)
    best = max(chains, key=len)
    return best


MIN_KEY_DIGITS = 3  # a number this long opening each row is a key (1122: a year and quarter), not a count


def _row_keys(pieces: list[Piece], start: int) -> list[int]:
    """Rows keyed by a code rather than numbered: every line that opens with a bare number of three
    digits or more, more cells after it on the line, the codes all as long ("1122 增設… 1.信義區…",
    "1121 1.與社區…", "1114 …": a year and a quarter, in whatever order). The items numbered inside
    their cells ("1." / "2.") are no rows then. Empty when fewer than two lines open so, or when a
    line opens with a number of another length (then the numbers are counts, not keys)."""
    keys = []
    widths = set()
    for k in range(start, len(pieces)):
        piece = pieces[k]
        if piece.before < LINE and k != start:
            continue
        view = match_view(piece.text)
        if not regex.fullmatch(r"\d+", view):
            continue
        widths.add(len(view))
        on_line = k + 1 < len(pieces) and pieces[k + 1].line == piece.line and pieces[k + 1].text
        if len(view) >= MIN_KEY_DIGITS and on_line and not YEAR.match(view):
            keys.append(k)
    return keys if len(keys) >= 2 and len(widths) == 1 else []


MAX_JUMP = 10  # a jump in a chain of 序号 reaches at most this many times the number it goes on from


def _numbered_inside(piece: Piece) -> bool:
    """A cell that opens with its number ("1.地区生产总值…"), not a bare 序号."""
    found = _seq_of(piece)
    return found is not None and not found[1]


def _cells_between(pieces: list[Piece], a: int, b: int) -> int:
    return sum(1 for piece in pieces[a + 1 : b] if piece.text)


def _after_heading(pieces: list[Piece], k: int) -> bool:
    """A 序号 right after a heading that opens its line ("二、…行动(2项指标) *1.开展…")."""
    return k > 0 and pieces[k - 1].before >= LINE and _heading_piece(pieces[k - 1])


def _line_rows(pieces: list[Piece], start: int) -> list[int]:
    """Rows as lines: each line of two or more non-empty pieces opens a row (spaces and delimited
    modes); a line of one piece continues the row above or heads the next."""
    starts = []
    for k in range(start, len(pieces)):
        if pieces[k].before >= LINE or k == start:
            on_line = [p for p in pieces[k : k + 64] if p.line == pieces[k].line and p.text]
            if len(on_line) >= 2:
                starts.append(k)
    return starts


def _closed_rows(pieces: list[Piece], start: int, width: int) -> list[int]:
    """Rows closed by a "|" alone on its line, cells one a line led by "|" ("市政府办公厅" / "| 强化
    行政监督…" / "| 市直各单位" / "|"): each such close ends a row, the piece after it opens the
    next — when they close the rows regularly (every row at most a header's width of cells, a
    merged cell simply missing) and the header's own line closes the same way."""
    closes = [
        k for k in range(start, len(pieces)) if not pieces[k].text and pieces[k].before == CELL and _alone(pieces, k)
    ]
    if len(closes) < 2 or closes[0] != start:
        return []
    # A row's cells: its pieces a delimiter opens (a cell wrapped over lines is one: "市政" / "府办").
    if any(sum(p.before == CELL for p in pieces[a + 1 : b]) > width for a, b in itertools.pairwise(closes)):
        return []
    return [k + 1 for k in closes if k + 1 < len(pieces)]


def _row_before(pieces: list[Piece], start: int, first: int) -> bool:
    """Whether a line between the header and the first numbered row reads as a row of its own:
    two pieces or more, one of them a sentence (a heading or a category line has none)."""
    lines: dict[int, list[str]] = {}
    for piece in pieces[start:first]:
        if piece.text:
            lines.setdefault(piece.line, []).append(piece.text)
    return any(len(texts) >= 2 and any(SENTENCE.search(t) for t in texts) for texts in lines.values())


def _line_start(pieces: list[Piece], k: int, floor: int) -> int:
    """The first piece of ``k``'s line, unless a heading opens the line (then it heads the row)."""
    if _after_heading(pieces, k):
        return k
    while k > floor and pieces[k - 1].line == pieces[k].line:
        k -= 1
    return k


def _implicit_seq(pieces: list[Piece], starts: list[int]) -> int | None:
    """Where a 序号 the header does not name stands in each row: the row's first or second piece,
    when those count up (1, 2, 3 … or again from 1) in most rows."""
    for offset in (0, 1):
        numbers = []
        for s in starts:
            k = s + offset
            same_line = k < len(pieces) and pieces[k].line == pieces[s].line
            seq = _seq_of(pieces[k]) if same_line else None
            numbers.append(seq[0] if seq else None)
        steps = [b == a + 1 or b == 1 for a, b in itertools.pairwise(numbers) if a is not None]
        if len(starts) >= 2 and numbers.count(None) <= len(numbers) // 4 and steps and sum(steps) >= 0.75 * len(steps):
            return offset
    return None


LED_ROWS_SHARE = 0.75
LEADING_CLASSES = frozenset({"date", "number"})


def _led_rows(pieces: list[Piece], starts: list[int], floor: int) -> bool:
    """Whether each row, written a cell a line, opens with a cell before its 序号 ("1996" / "1." /
    承諾 / 目前情況: the year of a pledge): the first row has one between the header and its
    number, and most rows one of the same kind (a year, a number) right before theirs. (A last
    column of numbers stands before every row's number but the first's.)"""
    if len(starts) < 2 or starts[0] - 1 < floor:
        return False
    kinds = [classify(pieces[k - 1].text) if k - 1 >= floor else None for k in starts]
    first = kinds[0]
    if first not in LEADING_CLASSES or any(_seq_of(pieces[k - 1]) for k in starts if k - 1 >= floor):
        return False
    return sum(1 for kind in kinds if kind == first) >= LED_ROWS_SHARE * len(kinds)


# ----------------------------------------------------------------- alignment


def _joiner(strength: float) -> str:
    return "" if strength == GLUE else (" " if strength < LINE else "\n")


def _unspace(match: regex.Match[str]) -> str:
    """A letter-spaced run as its words: "序 号  目 标 任 务" → "序号 目标任务" when the run is
    several header words side by side, else one word."""
    word = regex.sub(r"[ \u3000]+", "", match.group())
    cells = _synonym_cells(word) if len(word) > 4 else None
    if cells and len(cells) >= 2 and all(_exact(c) for c in cells):
        return " ".join(cells)
    return word


def _glued_unit_end(view: str, start: int) -> int | None:
    """The end of a unit's name opening a sentence at ``start`` ("区发展改革委西城区…"): at a unit
    suffix, going on to a further suffix only a character or two away ("区人力社|保局" is one
    name, "区人力社保局|根据市人力社…" is not)."""
    window = view[start : start + GLUED_UNIT_MAX]
    if not regex.match(r"\p{Han}{2}", window):
        return None
    ends = [k + 1 for k, ch in enumerate(window) if ch in GLUED_UNIT_SUFFIX and k >= 1]
    if not ends:
        return None
    end = ends[0]
    for later in ends[1:]:
        if later - end > 3:
            break
        end = later
    return start + end


def _glued_parts(text: str) -> list[tuple[str, float, bool]]:
    """A row written without separators ("经济社会发展主要预期目标1地区生产总值增长6%左右。区发展改革委
    西城区地区生产总值…") cut wherever a cell may end: at a run of spaces, after a sentence, around a
    number standing between words (a 序号) or a section's item number opening the line ("1.1…"),
    around a unit's name (after a sentence, or opened by an administrative level: "…13800个市教育局
    市住房…"), before a list opening inside a cell ("…镇街1.完成…"). Each part with the strength of
    the boundary before it and whether it is such an item number. The alignment decides which of
    the cuts are cells."""
    out: list[tuple[str, float, bool]] = []
    position = 0
    for match in [*GLUED_SPACE.finditer(text), None]:
        end = match.start() if match else len(text)
        run = text[position:end]
        for k, (part, strength, outline) in enumerate(_glued_run_parts(run)):
            out.append((part, strength if k else WIDE, outline))
        position = match.end() if match else end
    return out


def _glued_run_parts(text: str) -> list[tuple[str, float, bool]]:
    """The parts of a run without spaces (see ``_glued_parts``). Two units' names written one
    against the other ("市教育局市财政局"), where a list of them in one cell would part them by 、 or
    ，, are two cells: that seam is as strong as a wide space."""
    view = match_view(text)
    sentence_ends = {m.end() for m in regex.finditer(r"[。;!?]|(?<!\d)\.(?!\d)", view)}
    cuts = set(sentence_ends)
    outline = GLUED_OUTLINE.match(view)
    if outline:
        cuts.add(outline.end())
    else:
        seq = GLUED_SEQ.search(view[:40])  # the row's number stands near its start
        if seq:
            cuts.update((seq.start(), seq.end()))
    for end in sorted(sentence_ends):
        unit_end = _glued_unit_end(view, end)
        if unit_end:
            cuts.add(unit_end)
    unit_ends: set[int] = set()
    seams: set[int] = set()
    names = {}
    for opener in GLUED_UNIT_OPENER.finditer(view):
        unit_end = _glued_unit_end(view, opener.start())
        if unit_end and unit_end - opener.start() >= 3 and not DIGIT.search(view[opener.start() : unit_end]):
            names[opener.start()] = unit_end
    for start, unit_end in sorted(names.items()):
        # A name stands apart from the task where something closes the task before it, or where
        # the name is followed by another name or by the end of the run ("…学校|市教育局|市发展…").
        # (only the character before the name is tried: a search of the whole prefix was quadratic)
        closed_before = not start or GLUED_UNIT_AFTER.search(view, start - 1, start) or start in unit_ends
        closed_after = unit_end == len(view) or unit_end in names or regex.match(r"[、，,；;]", view[unit_end:])
        if closed_before or closed_after:
            cuts.update((start, unit_end))
            if start in unit_ends:
                seams.add(start)
            unit_ends.add(unit_end)
    cuts.update(m.start() for m in GLUED_ITEM.finditer(view))
    bounds = sorted(c for c in cuts if 0 < c < len(text))
    parts = [(text[a:b], a) for a, b in itertools.pairwise([0, *bounds, len(text)]) if text[a:b]]
    return [(part, WIDE if a in seams else GLUE, bool(outline) and a == 0) for part, a in parts]


def _cell_text(pieces: list[Piece]) -> str:
    text = pieces[0].text
    for piece in pieces[1:]:
        if piece.text:  # an empty piece (a "|" alone closing the row) adds no break to the cell
            text += _joiner(piece.before) + piece.text if text else piece.text
    return text


def _piece_class(piece: Piece) -> str:
    """A piece's class; a section's item number cut off a glued row ("1.1") is a 序号."""
    return "seq" if piece.outline else classify(piece.text)


def _join_cost(left: Piece, right: Piece, row_lines: frozenset[int] = frozenset()) -> float:
    """The cost of reading two pieces as one cell (nothing for a space between a number and its
    unit, much for an explicit delimiter; a break before a line that holds a row's worth of cells,
    ``row_lines``, much too)."""
    if not right.text or not left.text:
        return -0.5  # an empty cell a delimiter closed: its place matters less than its neighbours
    base = {
        CELL: -3.0,
        BLANK: -0.9,
        LINE: LINE_ROWS_JOIN if right.line in row_lines else -0.45,
        WIDE: -0.8,
        SPACE: -0.2,
        GLUE: -0.05,
    }[right.before]
    if right.before < CELL and layout_patterns()["continues_forward"].search(match_view(left.text)):
        return -0.05  # "控制在" / "10410人内": the phrase goes on
    if right.before < CELL and _next_item(left.text, right.text):
        return -0.05  # "1、…整平。" / "2、結案。": the cell's list goes on
    if right.before < CELL and _first_item(right.text):
        base += LIST_START  # "…(信義區公所) 1.信義區公所於…": a list starting anew opens a cell more often
    if SENTENCE_END.search(left.text) and right.before <= LINE:
        # A sentence ends and a space or break follows: where one cell ends and the next begins
        # in a table whose cells a space separates ("…的刑罰。 《1997 年…》已於…"). Where nothing
        # separates anything, a cell's sentences follow one another the same way.
        base -= 0.3 if right.before == GLUE else (2.3 if right.before < LINE else 0.9)
    if right.before == SPACE and _digit_adjacent(left, right):
        base += 0.0 if classify(left.text) in ("unit", "person") else 0.2
    return base


LIST_START = -1.0


def _first_item(text: str) -> bool:
    """Whether ``text`` opens a list at its first item ("1.…", "1、…")."""
    found = SEQ_PREFIX.match(match_view(text))
    return bool(found) and found.group(1) == "1" and not LOOKS_DECIMAL.match(match_view(text))


def _next_item(left: str, right: str) -> bool:
    """Whether ``right`` opens the item after the one ``left`` opens ("1、…" then "2、…")."""
    a, b = SEQ_PREFIX.match(match_view(left)), SEQ_PREFIX.match(match_view(right))
    return bool(a and b) and int(b.group(1)) == int(a.group(1)) + 1


def _digit_adjacent(left: Piece, right: Piece) -> bool:
    """A space between a number (or a Latin word) and a Chinese word: spacing inside a phrase
    ("在 1996 年", "1 130 名"); between two numbers ("5.2 7.23") it separates cells."""
    a, b = left.text[-1:], right.text[:1]
    latin_a, latin_b = bool(LATIN_EDGE.match(a)), bool(LATIN_EDGE.match(b))
    if latin_b and not latin_a and is_measure(left.text):
        return False  # "万人 5.2": a measure word never comes before its number; two cells
    if latin_a and latin_b:
        return bool(regex.fullmatch(r"\d{1,3}", left.text)) and bool(regex.match(r"\d{3}(?!\d)", right.text))
    return (latin_a or latin_b) and right.spaced_numbers


def _split_cost(left: Piece, right: Piece) -> float:
    """The cost of a cell boundary between two pieces (a space between a number and its unit; not
    after a whole unit's name, "区住房城乡建设委 6月已开工")."""
    if right.before == SPACE and classify(left.text) in ("unit", "person"):
        return 0.0
    if right.before < CELL and layout_patterns()["continues_forward"].search(match_view(left.text)):
        return -1.0
    if right.before == SPACE and _digit_adjacent(left, right):
        return -1.2 if not SENTENCE_END.search(left.text) else -0.2
    return 0.0


@dataclass(slots=True)
class _Alignment:
    score: float
    rows: list[list[list[Piece] | None]]  # per (sub-)row, per column: its pieces, None = merged above


def _align(
    span: list[Piece],
    columns: list[Column],
    first_column: int,
    cut_off: bool = False,
    anchor: tuple[int, int] | None = None,
    row_lines: frozenset[int] = frozenset(),
    rows_anywhere: bool = False,
    max_cell: int = MAX_CELL_PIECES,
    wrap_cost: float = WRAP_PENALTY,
    line_join: float = 0.0,
    own_cells: frozenset[str] = frozenset(),
) -> _Alignment:
    """Best assignment of a row's pieces to the columns (see the module docstring). In a row the
    document ends inside (``cut_off``), the columns after its last cell cost nothing: they were
    never written. ``anchor`` (piece, column): the piece that opens the row (its 序号) starts a
    cell in the column where the other rows' 序号 stand. With ``rows_anywhere`` the span is a whole
    table without 序号: a new row may open in the first column too (each row after the first is
    read as a row under merged cells: what it leaves out is the cell above)."""
    n, k = len(span), len(columns)
    empty = [columns[c].fit("empty") for c in range(k)]
    # What a sub-row leaves out is the merged cell above; in a column of ``own_cells`` (each row's
    # own progress) it is an empty cell.
    merged = [empty[c] if columns[c].field in own_cells else MERGED_SKIP for c in range(k)]
    trailing = [0.5 * e for e in empty] if cut_off else empty
    NEG = -1e18
    piece_classes = [_piece_class(p) for p in span]
    # Where each part of the span starts: a line, or a piece after a space between two words (not
    # the spaces around a number, "在 1996 年", which cut fragments of one phrase). A cell joined
    # over parts should suit its column part by part (units one a line).
    line_starts = [m for m in range(n) if m == 0 or span[m].before >= LINE or not _digit_adjacent(span[m - 1], span[m])]
    cls_cache: dict[tuple[int, int], tuple[float, str]] = {}

    def cell(i: int, j: int) -> tuple[float, str]:
        key = (i, j)
        if key not in cls_cache:
            joins = sum(_join_cost(span[m - 1], span[m], row_lines) for m in range(i + 1, j))
            joins += line_join * sum(1 for m in range(i + 1, j) if span[m].before == LINE and span[m].text)
            whole_outline = j == i + 1 and span[i].outline
            cls_cache[key] = (joins, "seq" if whole_outline else classify(_cell_text(span[i:j])))
        return cls_cache[key]

    parts_cache: dict[tuple[int, int], tuple[list[str], int]] = {}

    def pieces_fit(target: int, i: int, j: int) -> float:
        """Each line of a joined cell should suit the column too: unit names joined onto a progress
        cell fit it as a whole sentence, but not line by line."""
        found = parts_cache.get((i, j))
        if found is None:  # the parts' classes are the same whatever the column: found once per cell
            cuts = [i] + [m for m in line_starts if i < m < j] + [j]
            pairs = itertools.pairwise(cuts) if len(cuts) > 2 else ()
            parts = [piece_classes[a] if b - a == 1 else classify(_cell_text(span[a:b])) for a, b in pairs]
            # Only parts of a definite kind are judged: a fragment of a wrapped name or sentence
            # ("市人力资源" / "社会保障局") says nothing alone.
            found = parts_cache[(i, j)] = ([c for c in parts if c in DEFINITE], len(parts))
        definite, count = found
        if not definite:
            return 0.0
        return PIECE_WEIGHT * sum(columns[target].fit(c) for c in definite) / count

    # best[i][state]: the pieces before i read, the last cell ending at i in column c (k: none
    # yet), in the row itself (sub 0) or in a sub-row under merged cells (sub 1); state = 2c + sub.
    best = [[NEG] * (2 * k + 2) for _ in range(n + 1)]
    back: list[list[tuple[int, int, bool] | None]] = [[None] * (2 * k + 2) for _ in range(n + 1)]
    best[0][2 * k] = 0.0

    skip_cache: dict[tuple[int, int, int], float] = {}

    def skip(sub: int, columns_skipped: range) -> float:
        # In a sub-row a column left out is a cell merged from the row above, not an empty one.
        key = (sub, columns_skipped.start, columns_skipped.stop)
        found = skip_cache.get(key)
        if found is None:
            found = skip_cache[key] = (
                sum(merged[t] for t in columns_skipped) if sub else sum(empty[t] for t in columns_skipped)
            )
        return found

    fit_cache: dict[tuple[int, str], float] = {}

    def fit(target: int, cls: str) -> float:
        found = fit_cache.get((target, cls))
        if found is None:
            found = fit_cache[(target, cls)] = columns[target].fit(cls)
        return found

    for i in range(n):
        for state in range(2 * k + 2):
            here = best[i][state]
            if here == NEG:
                continue
            c, sub = divmod(state, 2)
            # After the row's 序号 a space is a cell boundary whatever stands beside it.
            split = _split_cost(span[i - 1], span[i]) if i > 1 or (i == 1 and piece_classes[0] != "seq") else 0.0
            for j in range(i + 1, min(n, i + max_cell) + 1):
                if anchor is not None and i < anchor[0] < j:
                    break  # the row's 序号 opens a cell of its own
                joins, cls = cell(i, j)
                if c == k:  # the row's first cell
                    targets = [(t, False) for t in range(first_column, k)]
                else:
                    targets = [(t, False) for t in range(c + 1, k)]
                    # (without 序号 a row opens at its first cell: its name)
                    wraps = [first_column] if rows_anywhere else range(first_column + 1, c + 1)
                    targets += [(t, True) for t in wraps]
                if anchor is not None:
                    if i == anchor[0]:
                        targets = [(t, w) for t, w in targets if t == anchor[1]]
                    elif i < anchor[0]:
                        targets = [(t, w) for t, w in targets if t < anchor[1] and not w]
                for target, wrap in targets:
                    if c == k:
                        skipped = skip(0, range(first_column, target))
                        new_sub = 0
                    elif wrap:
                        # A sub-row that opens a line holding a row's worth of cells is what that line shows.
                        opens_row_line = span[i].before >= LINE and span[i].line in row_lines
                        skipped = skip(sub, range(c + 1, k)) + (0.0 if opens_row_line else wrap_cost)
                        new_sub = 1
                    else:
                        skipped = skip(sub, range(c + 1, target))
                        new_sub = sub
                    score = here + split + joins + skipped + fit(target, cls) + pieces_fit(target, i, j)
                    next_state = 2 * target + new_sub
                    if score > best[j][next_state]:
                        best[j][next_state] = score
                        back[j][next_state] = (i, state, wrap)

    def closing(state: int) -> float:
        c, sub = divmod(state, 2)
        return best[n][state] + (sum(merged[c + 1 :]) if sub else sum(trailing[c + 1 :]))

    end = max(range(2 * k), key=closing)
    total = closing(end)
    # Walk back: cells in reverse, a wrap starting a new (sub-)row.
    cells: list[tuple[int, int, int, bool]] = []  # (column, from, to, wraps-before)
    j, state = n, end
    while j > 0:
        step = back[j][state]
        assert step is not None
        i, previous, wrap = step
        cells.append((state // 2, i, j, wrap))
        j, state = i, previous
    cells.reverse()
    rows: list[list[list[Piece] | None]] = [[[] for _ in range(k)]]
    for column, i, j, wrap in cells:
        if wrap:
            rows.append([None] * k)  # a sub-row: every cell it does not write is merged from above
        if rows[-1][column] is None:
            rows[-1][column] = []
        target = rows[-1][column]
        assert target is not None
        target.extend(span[i:j])
    return _Alignment(total, rows)


# ----------------------------------------------------------------- the proposer


TARGET_PRIOR = {"figure": 0.25, "number": 0.2, "percent": 0.05, "short": 0.2, "prose": 0.2, "empty": 0.05}


def _columns(cells: list[str]) -> list[Column]:
    """Columns with what each is expected to hold, from its header's meaning."""
    columns = []
    for text in cells:
        claims = header_candidates(text, morphemes=True)
        # (a claim this strong is an exact synonym, or a yes-or-no question: 是否达到进度 is a status)
        strong = claims[0][0] if claims and claims[0][1] >= QUESTION_STRENGTH else None
        meaning = strong or _meaning(text) or (claims[0][0] if claims else None)
        # A bare 单位 is as often the unit of measure (万人, 公里) as the responsible unit.
        expect = _prior(None if match_key(text) == "单位" else meaning, text)
        columns.append(Column(text, meaning, expect))
    return columns


def _learn(columns: list[Column], alignments: Iterable[_Alignment]) -> None:
    """Each column's expectation, updated by what the first reading put in it."""
    seen = [Counter[str]() for _ in columns]
    for alignment in alignments:
        for row in alignment.rows:
            for c, cell in enumerate(row):
                if cell is not None:
                    seen[c][classify(_cell_text(cell)) if cell else "empty"] += 1
    for column, counts in zip(columns, seen, strict=True):
        # Empty cells are not learned: most are merges (a category, a unit over several rows), and a
        # column that is mostly merged still holds what its header says where it is written.
        del counts["empty"]
        total = sum(counts.values())
        if not total:
            continue
        weight = 3.0  # the header's expectation counts as this many rows
        filled = 1 - column.expect.get("empty", 0.01)
        column.expect = {
            cls: (weight * column.expect.get(cls, 0.01) + filled * counts[cls]) / (weight + total) + 0.005
            for cls in CLASSES
            if cls != "empty"
        } | {"empty": column.expect.get("empty", 0.01)}


def aligned_rows(lines: list[Line]) -> list[Block] | None:
    """The reading of the piece mode (delimited, lines, spaces, glued) with the best evidence, or
    None when no mode finds a header and rows."""
    from extractor.layout.evidence import weigh  # the same yardstick the layout stage uses

    total = sum(1 for line in lines for ch in line.text if not ch.isspace() and ch not in "|｜")
    readings = [(weigh(blocks, total), blocks) for mode in _modes(lines) if (blocks := _read(lines, mode))]
    most_rows = max((evidence.good_rows for evidence, _ in readings), default=0)
    for evidence, _ in readings:
        # As the layout stage weighs proposers: a mode that swallows rows into cells reads fewer.
        evidence.granularity = evidence.good_rows / most_rows if most_rows else 0.0
    best = max(readings, key=lambda reading: reading[0].score, default=None)
    return best[1] if best else None


GLUED_RUN = compile_rule(r"[^\s|｜]{25,}")
SINGLE_SPACE = compile_rule(r"(?<=\S)[ \xa0](?=\S)")


def _glued_line(text: str) -> bool:
    """A line that may be a row written without separators: long and without a space or a bar, or
    a long run set apart only by wide runs of spaces (the progress after "    "): single spaces
    between words are a table whose cells a space separates (the spaces reading)."""
    text = text.strip()
    if DELIMITER_CHAR.search(text):
        return False
    if len(text) > 40 and not regex.search(r"\s", text):
        return True
    return bool(GLUED_RUN.search(text)) and not SINGLE_SPACE.search(text)


def _modes(lines: list[Line]) -> list[str]:
    """Delimited pieces where lines carry delimiters (then spaces are inside cells), else lines and
    spaces; and glued pieces where long lines carry no separator at all."""
    delimited = sum(1 for line in lines if DELIMITER_CHAR.search(line.text))
    modes = ["delimited", "lines"] if delimited >= 3 else ["lines", "spaces"]
    # (a glued row may still set its progress apart by a run of spaces: its long run counts)
    glued = sum(1 for line in lines if _glued_line(line.text))
    return [*modes, "glued"] if glued >= 2 else modes


def _read(lines: list[Line], mode: str) -> list[Block] | None:
    if mode == "delimited":
        lines = _unbroken_header(lines)
    pieces = _split_glued(_pieces(lines, mode), mode)
    header = _find_header(pieces, mode)
    if header is None:
        return None
    if mode == "glued" and not _alone_line_glued(pieces, header):
        return None  # rows without separators go with a header without them: prose has neither
    # A header wrapped over lines is ambiguous ("工程"/"名称" is one column, "市折子号"/"任务" two):
    # both readings are aligned, and the one whose rows fit their columns better is kept.
    readings = [header.cells, header.pieces, _join_header(pieces[header.start : header.end], modifiers=True)]
    readings = [cells for k, cells in enumerate(readings) if cells not in readings[:k]]
    best: tuple[float, list[Block]] | None = None
    for cells in readings:
        read = _read_rows(lines, pieces, header, cells, mode)
        if read is not None and (best is None or read[0] > best[0]):
            best = read
    for longer in _header_tails(pieces, header, mode):
        read = _read_rows(lines, pieces, longer, longer.pieces, mode)
        if read is None or (best is not None and read[0] <= best[0]):
            continue
        if _tail_filled(read[1], longer.end - header.end):
            best = read
    # A second header line of fewer cells ("截至6月底进展 | 7月工作计划") names the sub-columns of
    # a group cell of the first ("2025年进展情况"): each cell that could be the group is tried.
    sub = _sub_header(pieces, header, mode)
    if sub is not None:
        end, subs = sub
        below = _Header(header.start, end, header.cells, header.pieces)
        cells = header.cells
        tries = range(len(cells) - 1, max(0, len(cells) - 1 - MAX_GROUP_TRIES), -1)
        last = pieces[header.end - 1]
        if header.end < len(pieces) and not pieces[header.end].text and pieces[header.end].line == last.line:
            tries = range(len(cells) - 1, len(cells) - 2, -1)  # "2025年进展情况 | |": its span left empty
        for g in tries:
            grouped = [*cells[:g], *subs, *cells[g + 1 :]]
            groups: list[str | None] = [None] * g + [cells[g]] * len(subs) + [None] * (len(cells) - g - 1)
            read = _read_rows(lines, pieces, below, grouped, mode, groups)
            if read is not None and (best is None or read[0] > best[0]):
                best = read
    return best[1] if best else None


def _unbroken_header(lines: list[Line]) -> list[Line]:
    """``lines`` with a delimited header printed over two lines, each cell cut in two ("序 | 年度 |
    本月" over "号 | 任务 | 进展", a narrow PDF table copied out), as one line of the halves joined
    per column (``headers.broken_header`` decides, as the table stage does for a grid's rows). Read
    as written, the first line would be a header of half-words and the second a row of the rest."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        if k + 1 < len(lines) and DELIMITER_CHAR.search(line.text) and DELIMITER_CHAR.search(lines[k + 1].text):
            tops, subs = _delimited_cells(line.text), _delimited_cells(lines[k + 1].text)
            width = max(len(tops), len(subs))
            tops, subs = tops + [""] * (width - len(tops)), subs + [""] * (width - len(subs))
            if broken_header(tops, subs):
                out.append(Line(" | ".join(t + b for t, b in zip(tops, subs, strict=True)) + " |", line.page))
                k += 2
                continue
        out.append(line)
        k += 1
    return out


def _delimited_cells(text: str) -> list[str]:
    """A delimited line's cells, trimmed, without the empty ones a closing delimiter leaves."""
    body = text.strip(" \u3000\xa0")
    parts = [trim(part) for part in CELL_DELIMITER.split(body)]
    if body.startswith(("|", "｜", "\t")):
        parts = parts[1:]
    while parts and not parts[-1]:
        parts.pop()
    return parts


MAX_GROUP_TRIES = 3  # cells from the end of the first header line that may be a group cell
MAX_HEADER_TAIL = 3  # header cells of no known meaning a header written a cell a line may end with


def _header_tails(pieces: list[Piece], header: _Header, mode: str) -> Iterable[_Header]:
    """The header run on by one, two … of the lines after it that read as header cells by their
    form, though they name no field the vocabulary knows ("1-9月份工作取得成效", "监督电话"): a
    header written a cell a line stops where its last known word stands, and the columns after it
    would be lost. Whether they are header cells or the first row's short cells (a category,
    "经济稳定") is for the rows to say: each longer header is aligned like the others and the one
    whose rows fit their columns best is kept (``_read``). Only one cell a line: where a line holds
    a row, the header's line says where it ends."""
    if mode != "lines":
        return
    end = header.end
    while end < len(pieces) and end - header.end < MAX_HEADER_TAIL and _tail_piece(pieces[end]):
        end += 1
        tail = [p.text for p in pieces[header.end : end]]
        yield _Header(header.start, end, header.cells + tail, header.pieces + tail)


TAIL_FILLED = 0.5  # share of the rows that must write in each column a header's tail adds


def _tail_filled(blocks: list[Block], tail: int) -> bool:
    """Whether the rows write in each of the last ``tail`` columns: a column the header's tail adds
    that the rows leave empty is no column (the tail was the first row's category, "宏观调控")."""
    table = next((b for b in blocks if isinstance(b, RawTable)), None)
    if table is None:
        return False
    width = max(len(row.cells) for row in table.rows)
    rows = [row for row in table.rows[1:] if len(row.cells) == width]
    return bool(rows) and all(
        sum(1 for row in rows if (row.cells[c].text or "").strip()) >= TAIL_FILLED * len(rows)
        for c in range(width - tail, width)
    )


def _tail_piece(piece: Piece) -> bool:
    """A line that could be a header cell by its form: short, no sentence, clause or label, not a
    number, a section line or furniture (its words may name nothing the vocabulary knows)."""
    text = piece.text
    view = match_view(text).strip()
    key = match_key(text)
    if not key or len(key) > 20 or SENTENCE.search(text) or is_furniture(text) or parse_seq(text) is not None:
        return False
    if not HAN.search(view):
        return False  # "%", "万元": a measure, a row's cell
    if ENUMERATED_HEADING.match(view) or CLAUSE_MARK.search(view):
        return False
    if is_heading(text) and not COUNT_TAIL.search(match_key(text)):
        return False  # a section line under the header ("已完成的項目", "進度滯後的項目"); "已完成数" is a header
    # "1-9月份工作取得成效", "预计至12月31日完成工作进度(%)", "1-3月": a period and a bracketed
    # measure are a header's numbers; any other number is a figure, a row's
    return not DIGIT.search(HEADER_DATE.sub("", view))


COUNT_TAIL = compile_rule(r"(?:数|数量|量|率|值|额|比例|占比)$")
HEADER_DATE = compile_rule(
    r"\d{1,4}\s*(?:[-~～至]\s*\d{1,4}\s*)?(?:年度?|月[份底末]?|日|季度)|[（(]\s*(?:%|％|[^\d（）()]{1,4})\s*[)）]"
)


def _sub_header(pieces: list[Piece], header: _Header, mode: str) -> tuple[int, list[str]] | None:
    """(end, cells) of a line right under the header that is a header of fewer cells: two or more
    header pieces, nothing else on the line (a delimited table's empty cells aside)."""
    if mode not in ("delimited", "spaces"):
        return None  # one cell a line: the header run already takes every header line
    k = header.end
    while k < len(pieces) and not pieces[k].text:
        k += 1
    if k >= len(pieces):
        return None
    line = pieces[k].line
    end = k
    while end < len(pieces) and pieces[end].line == line:
        end += 1
    texts = [p.text for p in pieces[k:end] if p.text]
    if not 2 <= len(texts) < len(header.cells) or not all(_header_piece(p) for p in pieces[k:end] if p.text):
        return None
    if not all(_meaning(t) for t in texts):
        return None
    return end, texts


def _read_rows(
    lines: list[Line],
    pieces: list[Piece],
    header: _Header,
    cells: list[str],
    mode: str,
    groups: list[str | None] | None = None,
) -> tuple[float, list[Block]] | None:
    """The rows under ``header`` read as ``cells``; ``groups``: per cell, the group cell of a first
    header line it stands under (None: a cell of the one line)."""
    groups = list(groups) if groups else [None] * len(cells)
    columns = _columns(cells)
    keys = _row_keys(pieces, header.end)
    for k in keys:
        pieces[k + 1].before = max(pieces[k + 1].before, CELL)  # the key is a cell of its own
    starts = keys or _row_starts(pieces, header.end, len(columns))
    if len(starts) < 2 and mode == "delimited":
        starts = _closed_rows(pieces, header.end, len(columns))
    if len(starts) < 2 and mode != "lines":
        # (a line repeating the header is no row: it heads a group of rows, see _spans)
        keys = [match_key(c) for c in header.cells]
        starts = [
            k for k in _line_rows(pieces, header.end) if [match_key(p.text) for p in pieces[k : k + len(keys)]] != keys
        ]
    elif mode != "lines" and _row_before(pieces, header.end, starts[0]):
        # A whole row stands before the chain's first number: the chain numbers items inside
        # cells ("1、…" / "2、…" in a milestone cell), and the rows are the lines.
        by_line = _line_rows(pieces, header.end)
        starts = by_line if len(by_line) >= 2 else starts
    if mode == "lines" and all(col.field != "seq" for col in columns) and _counts_not_numbers(pieces, header, starts):
        return _read_unnumbered(lines, pieces, header, columns)
    unnumbered_seq = columns[0].field == "seq" and len(columns) >= 3
    if mode == "lines" and unnumbered_seq and _no_numbers_printed(pieces, header, starts):
        # A 序号 column with no number printed under it: the rows are read as a table without one.
        return _read_unnumbered(lines, pieces, header, columns[1:])
    # A row whose 序号 stands after another cell on its line ("1996 | 1. | …", "大类 | 1 | …")
    # starts at its line's first piece.
    starts = sorted({_line_start(pieces, k, header.end) for k in starts})
    if not starts:
        return None
    led = mode == "lines" and all(col.field != "seq" for col in columns) and _led_rows(pieces, starts, header.end)
    if led:
        starts = [k - 1 for k in starts]
    if all(col.field != "seq" for col in columns):
        offset = 1 if led else _implicit_seq(pieces, starts)
        if offset is not None and (seq := _seq_of(pieces[starts[0] + offset])) is not None and seq[1]:
            # A 序号 the header does not name, standing alone before (or after) the row's first cell.
            columns.insert(offset, Column("序号", "seq", _prior("seq", "序号")))
            groups.insert(offset, None)
    spans = _spans(pieces, starts, header, mode)
    spans = [(span, before) for span, before in spans if span]  # a start with no piece after it: no row
    if not spans:
        return None
    ends_inside = bool(spans) and not _paragraphs(lines, spans[-1][0][-1].line + 1, len(lines))
    cut = [ends_inside and k == len(spans) - 1 for k in range(len(spans))]
    # Rows with exactly one piece per column say what each column holds before any alignment
    # ("1 城镇新增就业 万人 5.2 7.23 139.1% 人力资源社会保障局" under seven headers): a header
    # (工作目标, 占年任务之比) can mislead, these rows cannot.
    # Only where spaces separate cells: a cell per line wraps, and a row may have k lines by chance.
    exact = [span for (span, _), c in zip(spans, cut, strict=True) if len(span) == len(columns) and not c]
    if mode == "spaces" and len(exact) >= 2:
        _learn(columns, [_Alignment(0.0, [[[piece] for piece in span]]) for span in exact])
    # Two passes: align with the header's expectations, learn what each column holds, align again.
    row_lines = _row_lines(pieces, len(columns)) if mode == "spaces" else frozenset()
    alignments = [_align(span, columns, 0, c, row_lines=row_lines) for (span, _), c in zip(spans, cut, strict=True)]
    _learn(columns, alignments)
    anchor, inside = _anchor_column(alignments), _inside_column(alignments)
    if inside is not None:
        # rows that open with a bare 序号 say where it stands; the others open inside a cell
        anchor = _anchor_column([a for a in alignments if _opens_with_bare_seq(a)])
    spans, alignments = _shift_leading_cells(spans, columns, cut, anchor, row_lines, inside)
    if mode == "delimited":
        spanned = _spanned_column(alignments, columns)
        if spanned is not None:
            _split_column(alignments, columns, groups, spanned)
    fit = sum(a.score for a in alignments) / (len(alignments) * len(columns))
    rows_cells = [
        [[None if cell is None else (_cell_text(cell) if cell else "") for cell in row] for row in alignment.rows]
        for alignment in alignments
    ]
    header_cells = [col.header for col in columns]
    if all(col.field != "seq" for col in columns) and not keys:  # (keyed rows number no items)
        inserted = len(header_cells)
        header_cells, rows_cells = _seq_from_prefix(header_cells, rows_cells)
        if len(header_cells) > inserted:
            groups.insert(header_cells.index("序号"), None)
    rows = _header_rows(header_cells, groups, pieces[header.start].page)
    for (span, sections), row_cells, cut_off in zip(spans, rows_cells, cut, strict=True):
        for text, page in _section_lines(sections):
            rows.append(RawRow([RawCell(text)], page=page))
        for texts in row_cells:
            raw_cells = [RawCell(None, merge="above") if t is None else RawCell(t) for t in texts]
            if cut_off:  # the cells after the last one written were never reached: the row is short
                while raw_cells and raw_cells[-1].text == "":
                    raw_cells.pop()
            rows.append(RawRow(raw_cells, page=span[0].page if span else None))
    table = RawTable(rows, kind="stream", layout=f"aligned-{mode}")
    before = _paragraphs(lines, 0, pieces[header.start].line)
    last_line = spans[-1][0][-1].line + 1 if spans and spans[-1][0] else pieces[header.end - 1].line + 1
    after = _paragraphs(lines, last_line, len(lines))
    return fit, [*before, table, *after]


MIN_SPANNED_ROWS = 3  # rows that must show a header cell spanning two delimited cells
SPANNED_SHARE = 0.8  # … of the rows that fill the column


def _delimited_parts(cell: list[Piece]) -> int:
    """How many cells the document's own delimiters cut a joined cell into."""
    written = [piece for piece in cell if piece.text]
    return len(written) and 1 + sum(1 for piece in written[1:] if piece.before >= CELL)


def _spanned_column(alignments: list[_Alignment], columns: list[Column]) -> int | None:
    """The column whose header cell spans two of the document's delimited cells (a colspan header:
    "年度任務" over a name and a target, "| 1 | 綠道建設 | 全區新改建綠道60公里。 | …"): nearly every
    row holds exactly two delimited cells there, and one in every other column. None when no
    column does, or more than one seems to."""
    two: Counter[int] = Counter()
    filled: Counter[int] = Counter()
    others_split = Counter()
    for alignment in alignments:
        for row in alignment.rows:
            for c, cell in enumerate(row):
                if cell:
                    filled[c] += 1
                    parts = _delimited_parts(cell)
                    two[c] += parts == 2
                    others_split[c] += parts > 1
    found = [
        c
        for c in range(len(columns))
        if columns[c].field not in ("seq", None) and two[c] >= MIN_SPANNED_ROWS and two[c] >= SPANNED_SHARE * filled[c]
    ]
    if len(found) != 1 or any(others_split[c] for c in range(len(columns)) if c != found[0]):
        return None
    return found[0]


def _split_column(alignments: list[_Alignment], columns: list[Column], groups: list[str | None], at: int) -> None:
    """Split column ``at`` into the two delimited cells its header spans; both keep the header
    (the table stage reads a name and a target under one header as the task and its target)."""
    column = columns[at]
    columns.insert(at + 1, Column(column.header, column.field, dict(column.expect)))
    groups.insert(at + 1, groups[at])
    for alignment in alignments:
        for row in alignment.rows:
            cell = row[at]
            if cell is None:
                row.insert(at + 1, None)
                continue
            first = next((k for k, piece in enumerate(cell) if piece.text), 0)
            cut = next((k for k in range(first + 1, len(cell)) if cell[k].before >= CELL and cell[k].text), len(cell))
            row[at : at + 1] = [cell[:cut], cell[cut:]]


def _header_rows(cells: list[str], groups: list[str | None], page: int | None) -> list[RawRow]:
    """The header as one row, or as two where group cells stand over sub-columns (the group over
    its first sub-column, merged to the right over the others; the cells of one line above an
    empty cell)."""
    if not any(groups):
        return [RawRow([RawCell(h) for h in cells], page=page)]
    top: list[RawCell] = []
    for k, (cell, group) in enumerate(zip(cells, groups, strict=True)):
        if group is None:
            top.append(RawCell(cell))
        elif k and groups[k - 1] == group:
            top.append(RawCell(None, merge="left"))
        else:
            top.append(RawCell(group))
    bottom = [RawCell("" if group is None else cell) for cell, group in zip(cells, groups, strict=True)]
    return [RawRow(top, page=page), RawRow(bottom, page=page)]


def _first_piece(alignment: _Alignment) -> Piece | None:
    row = alignment.rows[0] if alignment.rows else []
    cell = next((cell for cell in row if cell), None)
    return cell[0] if cell else None


def _opens_with_bare_seq(alignment: _Alignment) -> bool:
    first = _first_piece(alignment)
    return first is not None and _piece_class(first) == "seq"


def _inside_column(alignments: list[_Alignment]) -> int | None:
    """Where a cell numbered inside ("1.地区生产总值…") stands in the rows that open with a bare
    序号 ("1 | 主要预期目标 | 1.地区生产总值… | …": a group's number, its name, then its first item),
    when rows under the merged group cells open with such cells ("2.一般公共预算…"); else None."""
    columns = Counter[int]()
    for alignment in alignments:
        if not _opens_with_bare_seq(alignment):
            continue
        found = next((c for c, cell in enumerate(alignment.rows[0]) if c and cell and _numbered_inside(cell[0])), None)
        if found is not None:
            columns[found] += 1
    opening_inside = sum(1 for a in alignments if (first := _first_piece(a)) is not None and _numbered_inside(first))
    if not columns or opening_inside < 2:
        return None
    return columns.most_common(1)[0][0]


MAX_UNNUMBERED = 300  # pieces of a table without 序号 read as one span (the reading is quadratic-ish)
UNNUMBERED_CELL = 6  # lines one cell may join there
NAME_PRIOR = {"short": 0.35, "prose": 0.25, "report": 0.15, "figure": 0.15, "empty": 0.01}
OWN_CELLS = frozenset({"progress", "issues", "plan"})  # no cell of these spans rows there
UNNUMBERED_ROW = -0.5  # opening a row there: rows are what the table is made of
UNNUMBERED_JOIN = -1.0  # what joining two lines into one cell costs there beyond LINE's (a cell a line)


def _counts_not_numbers(pieces: list[Piece], header: _Header, starts: list[int]) -> bool:
    """Under a header that names no 序号, whether the numbers the rows were found by are a column
    of counts (分值 3, 3, 2, 1 …): most bare numbers after the header stay out of the chain."""
    bare = sum(1 for p in pieces[header.end :] if (seq := _seq_of(p)) is not None and seq[1])
    return bare >= 4 and len(starts) * 2 < bare


def _no_numbers_printed(pieces: list[Piece], header: _Header, starts: list[int]) -> bool:
    """Under a header naming 序号, whether no row has a number of its own: no chain, or a chain of
    items numbered inside cells ("1.持续完善…" / "2.加强…") with a whole row's cells before it."""
    if len(starts) < 2:
        return True
    if any((seq := _seq_of(pieces[k])) is None or seq[1] for k in starts):
        return False  # a bare number opens a row: the rows are numbered
    before = sum(1 for p in pieces[header.end : starts[0]] if p.text)
    return before >= len(header.cells) - 1


def _read_unnumbered(
    lines: list[Line], pieces: list[Piece], header: _Header, columns: list[Column]
) -> tuple[float, list[Block]] | None:
    """A table written one cell a line with no 序号 (an indicator list: 项目 | 分值 | 目标任务 |
    责任单位): the whole body aligned as one span, a row opening wherever the next piece fits the
    first column better than the cell it would go on (each row after the first read as a row under
    merged cells, so a target or unit written once over several rows belongs to each)."""
    body = [p for p in pieces[header.end :] if p.text]
    end = next((k for k, p in enumerate(body) if k and _ends_table(p, "lines", body[k + 1 :])), len(body))
    body = body[:end]
    if len(body) < 2 * len(columns) or len(body) > MAX_UNNUMBERED:
        return None
    if columns[0].field == "task":
        # the rows' names: an indicator's or a project's name reads as anything ("完成重点项目…")
        columns[0].expect = {c: NAME_PRIOR.get(c, 0.01) for c in CLASSES}
        for column in columns[1:]:
            if column.field == "task" and TARGET_HEADER.search(match_key(column.header)):
                # a target column right of the names (项目 | 分值 | 目标任务): the targets' figures
                column.expect = {c: TARGET_PRIOR.get(c, 0.01) for c in CLASSES}

    def read() -> _Alignment:
        return _align(
            body,
            columns,
            0,
            rows_anywhere=True,
            max_cell=UNNUMBERED_CELL,
            wrap_cost=UNNUMBERED_ROW,
            line_join=UNNUMBERED_JOIN,
            own_cells=OWN_CELLS,
        )

    _learn(columns, [read()])  # what each column holds, learned from a first reading
    alignment = read()
    if len(alignment.rows) < 2:
        return None
    fit = alignment.score / (len(alignment.rows) * len(columns))
    rows = [RawRow([RawCell(col.header) for col in columns], page=pieces[header.start].page)]
    for row in alignment.rows:
        cells = [RawCell(None, merge="above") if c is None else RawCell(_cell_text(c) if c else "") for c in row]
        page = next((cell[0].page for cell in row if cell), None)
        rows.append(RawRow(cells, page=page))
    table = RawTable(rows, kind="stream", layout="aligned-lines")
    before = _paragraphs(lines, 0, pieces[header.start].line)
    after = _paragraphs(lines, body[-1].line + 1, len(lines))
    return fit, [*before, table, *after]


def _anchor_column(alignments: list[_Alignment]) -> int | None:
    """The column where most rows' first piece (their 序号, or the cell numbered "1、…") stands.
    Rows that open with no number anchor nothing: where a merged cell is simply missing, their
    first piece stands in one column or another (a unit's name, or the task under it)."""
    firsts = [next((cell for cell in a.rows[0] if cell), None) for a in alignments if a.rows and a.rows[0]]
    numbered = sum(
        1 for cell in firsts if cell and (_piece_class(cell[0]) == "seq" or SEQ_PREFIX.match(match_view(cell[0].text)))
    )
    if 2 * numbered < len(firsts):
        return None
    columns = Counter(
        next((c for c, cell in enumerate(a.rows[0]) if cell), None) for a in alignments if a.rows and a.rows[0]
    )
    columns.pop(None, None)
    return columns.most_common(1)[0][0] if columns else None


def _section_lines(sections: list[Piece]) -> list[tuple[str, int | None]]:
    """Heading pieces as section lines; an enumerator alone ("（一）") joins the heading after it."""
    out: list[tuple[str, int | None]] = []
    pending = ""
    for piece in sections:
        if parse_seq(piece.text) is not None and len(piece.text) <= 6:
            pending += piece.text
            continue
        if out and layout_patterns()["count_note"].match(match_view(piece.text)):
            out[-1] = (out[-1][0] + piece.text, out[-1][1])  # "四、健康口腔行动" + "（6项指标）"
            continue
        out.append((pending + piece.text, piece.page))
        pending = ""
    if pending:
        out.append((pending, None))
    return out


def _row_lines(pieces: list[Piece], width: int) -> frozenset[int]:
    """The lines that hold a row's worth of cells on their own (all the columns but two, three at
    least), where spaces separate cells: such a line after a row is a row of its own (a sub-row
    under merged cells), not the rest of a cell ("5 …检查 93215 106345 114.1% 妇联" / "孕产妇免费
    产前筛查 万人 3.31 3.49 105.3% 卫健委")."""
    counts = Counter(piece.line for piece in pieces if piece.text)
    return frozenset(line for line, count in counts.items() if count >= max(MIN_ROW_LINE_CELLS, width - 2))


def _shift_leading_cells(
    spans: list[tuple[list[Piece], list[Piece]]],
    columns: list[Column],
    cut: list[bool],
    anchor: int | None,
    row_lines: frozenset[int] = frozenset(),
    inside: int | None = None,
) -> tuple[list[tuple[list[Piece], list[Piece]]], list[_Alignment]]:
    """Rows open at their 序号, but a cell standing before it (a category: 大类 | 序号 | …) ends the
    span of the row above, or stands between the header and the first row. The last one or two
    short pieces of a span (or of what stands before the first row) move to the next row when both
    rows then fit their columns better. A row that opens with a cell numbered inside ("2.一般…")
    under merged cells is anchored at ``inside``, where such cells stand in the complete rows."""

    def align(span: list[Piece], moved: int, cut_off: bool) -> _Alignment:
        column = inside if inside is not None and moved < len(span) and _numbered_inside(span[moved]) else anchor
        return _align(span, columns, 0, cut_off, (moved, column) if column is not None else None, row_lines)

    spans = [(list(span), list(sections)) for span, sections in spans]
    alignments = [align(span, 0, c) for (span, _), c in zip(spans, cut, strict=True)]
    # A line of its own at the end of a row ("竭力趕上預期進度的項目", "中小學") may be the heading of
    # the rows after it rather than the rest of a cell: it is when the row fits better without it;
    # an enumerated heading ("二、促改革") always is.
    for k in range(len(spans) - 1):
        span = spans[k][0]
        while len(span) > 2 and _alone_line(span, -1) and ENUMERATED_HEADING.match(match_view(span[-1].text)):
            spans[k + 1][1].insert(0, span.pop())
            alignments[k] = align(span, 0, cut[k])
        if (
            len(span) > 3
            and _alone_line(span, -1)
            and _alone_line(span, -2)
            and layout_patterns()["count_note"].match(match_view(span[-1].text))
            and ENUMERATED_HEADING.match(match_view(span[-2].text))
        ):
            # "四、健康口腔行动" over "（6项指标）": a heading wrapped before its count.
            spans[k + 1][1][:0] = [span[-2], span[-1]]
            del span[-2:]
            alignments[k] = align(span, 0, cut[k])
        while (
            len(span) > 2
            and _alone_line(span, -1)
            and (_cell_like(span[-1]) or _heading_piece(span[-1]))
            and classify(span[-1].text) != "unit"
        ):
            shorter = align(span[:-1], 0, cut[k])
            cost = HEADING_COST if _heading_piece(span[-1]) else SECTION_COST
            if shorter.score + cost <= alignments[k].score:
                break
            spans[k + 1][1].insert(0, span.pop())
            alignments[k] = shorter
    if anchor is None or anchor == 0:
        return spans, alignments  # nothing stands before a row's first cell
    moved_in = [0] * len(spans)
    for k in range(len(spans)):
        span, sections = spans[k]
        if k == 0:
            movable = [p for p in sections[-2:] if _cell_like(p) and not _heading_piece(p)]
            if movable:
                moved = align(movable + span, len(movable), cut[k])
                if moved.score > alignments[k].score:
                    spans[k] = (movable + span, sections[: len(sections) - len(movable)])
                    alignments[k] = moved
                    moved_in[k] = len(movable)
            continue
        before_span = spans[k - 1][0]
        best = (alignments[k - 1].score + alignments[k].score, 0, alignments[k - 1], alignments[k])
        for m in (1, 2):
            tail = before_span[-m:]
            if len(before_span) - m < 2 or not all(_cell_like(p) and p.before >= LINE for p in tail):
                break
            left = align(before_span[:-m], moved_in[k - 1], cut[k - 1])
            right = align(tail + span, m, cut[k])
            if left.score + right.score > best[0]:
                best = (left.score + right.score, m, left, right)
        _, m, left, right = best
        if m:
            spans[k - 1] = (before_span[:-m], spans[k - 1][1])
            spans[k] = (before_span[-m:] + span, sections)
            alignments[k - 1], alignments[k] = left, right
            moved_in[k] = m
    return spans, alignments


def _alone_line(span: list[Piece], k: int) -> bool:
    """Whether span[k] is alone on its line (within the span)."""
    k %= len(span)
    line = span[k].line
    return (k == 0 or span[k - 1].line != line) and (k + 1 == len(span) or span[k + 1].line != line)


def _cell_like(piece: Piece) -> bool:
    """A short piece that is no sentence: what a category or name cell holds."""
    return bool(piece.text) and len(piece.text) <= 20 and not SENTENCE.search(piece.text)


def _seq_from_prefix(
    header: list[str], rows: list[list[list[str | None]]]
) -> tuple[list[str], list[list[list[str | None]]]]:
    """Rows numbered inside a cell ("1、地区生产总值增长率" under 指标名称): the number becomes a
    序号 column before that cell, the cell keeps the rest. Done when most rows open that way."""
    prefixed = []
    numbers = []
    for row in rows:
        texts = row[0]
        for c, text in enumerate(texts):
            if text and (found := SEQ_PREFIX.match(match_view(text))):
                prefixed.append(c)
                numbers.append(int(found.group(1)))
                break
    if len(prefixed) < max(2, len(rows) // 2) or not _counts(numbers):
        return header, rows
    column = Counter(prefixed).most_common(1)[0][0]
    out = []
    previous = 0
    for row in rows:
        new_row: list[list[str | None]] = []
        for texts in row:
            text = texts[column]
            view = match_view(text or "")
            match = SEQ_PREFIX.match(view) if not LOOKS_DECIMAL.match(view) else None
            loose = LOOSE_PREFIX.match(view)
            if match is None and loose and int(loose.group(1)) == previous + 1:
                match = loose  # "3.90%的…" after row 2: item 3, not the decimal 3.90
            if match:
                previous = int(match.group(1))
            if match and text:
                number: str | None = text[: match.end()].strip()
                rest: str | None = text[match.end() :]
            else:
                number, rest = ("" if text is not None else None), text
            new_row.append([*texts[:column], number, rest, *texts[column + 1 :]])
        out.append(new_row)
    return [*header[:column], "序号", *header[column:]], out


def _counts(numbers: list[int]) -> bool:
    """Whether numbers opening cells count rows: they go up, one by one or again from 1, more often
    than not ("1.", "1.", "1." opening each row's cell, or "2.", "1.", "2.", number lists inside
    the cells)."""
    return numbers_count(numbers)


def _ends_table(piece: Piece, mode: str, following: list[Piece]) -> bool:
    """A piece after which the table is over: a note (注：…), page furniture, or in a table whose
    lines carry delimiters, a plain line after a blank line that no delimited line follows."""
    if piece.before < LINE:
        return False
    text = piece.text
    if NO_DATA.match(text):
        return False  # "-", "—": a cell with nothing to report, not a bullet or a rule
    if layout_patterns()["note"].match(text) or (is_furniture(text) and not DIGIT.match(text.strip())):
        return True  # (a bare number, furniture as a page number, is a cell here)
    line = " ".join([text, *(p.text for p in itertools.takewhile(lambda p: p.line == piece.line, following))])
    if line != text and is_furniture(line) and not DIGIT.search(line):
        return True  # furniture of several words ("Scroll To Top"), each a piece
    return mode == "delimited" and piece.before == BLANK and not any(p.delimited for p in following)


def _spans(pieces: list[Piece], starts: list[int], header: _Header, mode: str) -> list[tuple[list[Piece], list[Piece]]]:
    """Each row's pieces, and the section headings standing before it; the table ends where a
    piece ends it (``_ends_table``)."""
    keys = [match_key(c) for c in header.cells]
    out: list[tuple[list[Piece], list[Piece]]] = []
    bounds = [*starts, len(pieces)]
    pending: list[Piece] = [p for p in pieces[header.end : starts[0]] if p.text]
    for a, b in itertools.pairwise(bounds):
        span = [p for p in pieces[a:b]]
        end = next((k for k, p in enumerate(span) if (k or out) and _ends_table(p, mode, pieces[a + k + 1 :])), None)
        if end == 0:
            break  # the row a line opens is furniture or a note: the table ended with the row before
        if end is not None:
            span = span[:end]
        # The header repeated inside the table (a new group or page) is dropped; what stands after
        # it, and a short line right before it ("中小學"), head the rows that follow.
        tail: list[Piece] = []
        for k in range(len(span) - len(keys) + 1):
            if keys and [match_key(p.text) for p in span[k : k + len(keys)]] == keys:
                span, tail = span[:k], [p for p in span[k + len(keys) :] if p.text]
                while len(span) > 2 and _alone_line(span, -1) and _group_line(span[-1]):
                    tail.insert(0, span.pop())
                break
        if len(span) > MAX_SPAN:
            span = span[:MAX_SPAN]
        out.append((span, pending))
        pending = tail
        if end is not None:
            break
    return out


def _group_line(piece: Piece) -> bool:
    """A short line that is no sentence and no number: a group's name ("中小學", "維持治安")."""
    return _cell_like(piece) and len(piece.text) <= 12 and _seq_of(piece) is None and not DIGIT.search(piece.text)


def _heading_piece(piece: Piece) -> bool:
    return is_heading(piece.text) and len(piece.text) <= 40 and not SENTENCE.search(piece.text)


def _paragraphs(lines: list[Line], start: int, end: int) -> list[Block]:
    return [
        Paragraph(trim(line.text), page=line.page)
        for line in lines[start:end]
        if line.text.strip() and not PIPE_ONLY.match(line.text)
    ]
