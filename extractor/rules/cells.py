"""Splitting a cell's text: problems (存在问题 items), statements, unit lists.

Every function returns items whose span indexes the original cell text; matching is done on the
same-length matching view (data/cells.toml holds the patterns).
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import NamedTuple

import regex

from extractor.headers import looks_like_person, looks_like_units
from extractor.plain import Item, Statement
from extractor.rules.compiled import compile_rule, may_hold, reaching, required_chars_of
from extractor.rules.data import load
from extractor.rules.spans import CharGate, may_match
from extractor.textnorm import match_view

# Whitespace trimmed off an item's edges, including the zero-width spaces web pages leave.
_EDGE = " \t\n\u3000\xa0\u200b\u200c\u200d\u2060\ufeff"
_WORD = compile_rule(r"\w")
_SPACE = compile_rule(r"\s")
_SPACE_RUN = compile_rule(r"[\s\u3000\xa0]+")


class CellRules(NamedTuple):
    marker: regex.Pattern[str]
    end_marker: regex.Pattern[str]
    enumerator: regex.Pattern[str]
    item_separator: regex.Pattern[str]
    elaboration: regex.Pattern[str]
    response: regex.Pattern[str]
    no_problem: regex.Pattern[str]
    sentence_end: regex.Pattern[str]
    clause_break: regex.Pattern[str]
    clause_min: int
    clause_lead: regex.Pattern[str]
    kinds: tuple[tuple[str, regex.Pattern[str]], ...]
    field_kinds: dict[str, tuple[str, bool]]
    labels: tuple[tuple[regex.Pattern[str], str, bool], ...]
    response_kind: str
    problem_fields: frozenset[str]
    unit_separators: regex.Pattern[str]
    unit_conjunction: regex.Pattern[str]
    unit_space: regex.Pattern[str]
    bare_unit: regex.Pattern[str]
    lead_mark: regex.Pattern[str]
    etc: regex.Pattern[str]


@cache
def cell_rules() -> CellRules:
    data = load("cells")
    issues, statements, units = data["issues"], data["statements"], data["units"]
    enumerators = "|".join(f"(?:{e})" for e in issues["enumerators"])
    suffixes = "|".join(regex.escape(s) for s in sorted(units["suffixes"], key=len, reverse=True))
    return CellRules(
        marker=compile_rule(issues["marker"]),
        end_marker=compile_rule(issues["end_marker"]),
        # An enumerator opens the region or follows a boundary; "." only as a full stop (资金不足.(二)…),
        # never after a digit (1.2、 is no enumerator 2、).
        enumerator=compile_rule(
            rf"(?|(?:^|(?<=[。;:,，!?！？\n\s]|(?<![\d.])\.))\s*(?P<enum>{enumerators})|(?P<enum>{issues['circled_enumerator']}))"
        ),
        item_separator=compile_rule(issues["item_separators"]),
        elaboration=compile_rule(issues["elaboration"]),
        response=compile_rule(issues["response"]),
        no_problem=compile_rule(issues["no_problem"]),
        sentence_end=compile_rule(statements["sentence_end"]),
        clause_break=compile_rule(
            statements["clause_break"].replace("{OPENERS}", "|".join(f"(?:{k['opener']})" for k in statements["kind"]))
        ),
        clause_min=int(statements["clause_min"]),
        clause_lead=compile_rule(statements["clause_lead"]),
        kinds=tuple((k["kind"], _kind_cue(k, statements["lead"])) for k in statements["kind"]),
        field_kinds={f: (v["kind"], bool(v["fixed"])) for f, v in statements["field_kinds"].items()},
        labels=tuple(
            (compile_rule(statements["label_boundary"] + f"(?:{label['pattern']})"), label["kind"], label["fixed"])
            for label in statements["label"]
        ),
        response_kind=statements["response_kind"],
        problem_fields=frozenset(statements["problem_fields"]),
        unit_separators=compile_rule(units["separators"]),
        unit_conjunction=compile_rule(rf"(?<=(?:{suffixes})[)）>]?)(?:{units['conjunctions']})(?=.{{2,}})"),
        # Spaces between two unit names ("運輸署 路政署"): a unit suffix on both sides.
        bare_unit=compile_rule(units["bare"]),
        lead_mark=compile_rule(units["lead_mark"]),
        etc=compile_rule(units["etc"]),
        unit_space=compile_rule(
            rf"(?<=(?:{suffixes}))[ \t\u3000]+(?=\p{{Han}}[^\s、,;/]*(?:{suffixes})(?:[\s、,;/]|$))"
        ),
    )


def _kind_cue(kind: dict[str, str], lead: str) -> regex.Pattern[str]:
    # behind a lookahead that one of the opener's rarer characters is within the lead's reach
    # (compiled.reaching: the same matches): most pieces lack it, and the lead's backtracking is the cost
    return reaching(compile_rule(kind["cue"].replace("{OPENER}", kind["opener"]).replace("{LEAD}", lead)))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _item(text: str, field: str, start: int, end: int, rule: str) -> Item | None:
    start, end = _trimmed(text, start, end)
    return Item(text=text[start:end], field=field, span=(start, end), rule=rule) if end > start else None


def issue_region(text: str, view: str, labelled: bool) -> tuple[int, int] | None:
    """Where the problems are: after the 存在问题 label, or the whole cell for an issues column."""
    rules = cell_rules()
    if labelled:
        start = 0
    else:
        marker = rules.marker.search(view) if may_hold(rules.marker, view) else None
        if marker is None:
            return None
        start = marker.end()
    end_marker = rules.end_marker.search(view, start)
    return start, end_marker.start() if end_marker else len(text)


def sentence_bounds(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of view[start:end], each keeping its closing punctuation."""
    bounds, cursor = [], start
    for match in cell_rules().sentence_end.finditer(view, start, end):
        bounds.append((cursor, match.end()))
        cursor = match.end()
    if cursor < end:
        bounds.append((cursor, end))
    return [b for b in bounds if view[b[0] : b[1]].strip(_EDGE)]


def find_issues(text: str, field: str, *, labelled: bool = False) -> list[Item]:
    """One item per problem. ``labelled``: the whole cell is problems (a 存在问题 column)."""
    view = match_view(text)
    region = issue_region(text, view, labelled)
    if region is None:
        return []
    start, end = region
    rules = cell_rules()
    if rules.no_problem.match(view[start:end].strip(_EDGE)):
        return []
    enumerated = [m for m in rules.enumerator.finditer(view, start, end)]
    pieces: list[tuple[int, int, str]] = []
    if enumerated and (view[start : enumerated[0].start("enum")].strip(_EDGE) == "" or len(enumerated) >= 2):
        lead = (start, enumerated[0].start("enum"))
        if view[lead[0] : lead[1]].strip(_EDGE):
            pieces.append((*lead, "issue.sentence"))
        for index, match in enumerate(enumerated):
            stop = enumerated[index + 1].start("enum") if index + 1 < len(enumerated) else end
            pieces.append((match.end("enum"), stop, "issue.enumerated"))
    elif rules.item_separator.search(view, start, end):
        cursor = start
        for match in rules.item_separator.finditer(view, start, end):
            pieces.append((cursor, match.end(), "issue.separated"))
            cursor = match.end()
        pieces.append((cursor, end, "issue.separated"))
    else:
        for s, e in sentence_bounds(view, start, end):
            lead_in = view[s:e].lstrip(_EDGE)
            if pieces and rules.elaboration.match(lead_in):
                pieces[-1] = (pieces[-1][0], e, pieces[-1][2])
            else:
                pieces.append((s, e, "issue.sentence"))
    items: list[Item] = []
    for s, e, rule in pieces:
        cut = _response_start(view, s, e, first=not items)
        item = _item(text, field, s, cut if cut is not None else e, rule)
        if item is not None:
            items.append(item)
        if cut is not None:
            break  # the rest reports the unit's response, not problems
    return [i for i in items if not rules.no_problem.match(match_view(i.text))]  # 暂无。 before a response


def _response_start(view: str, start: int, end: int, *, first: bool) -> int | None:
    """Offset of the first sentence in [start, end) that reports a response, if any."""
    for index, (s, _) in enumerate(sentence_bounds(view, start, end)):
        if first and index == 0:
            continue
        if cell_rules().response.match(view[s:end].lstrip(_EDGE)):
            return s
    return None


def find_statements(text: str, field: str, issue_items: list[Item] | None = None) -> list[Statement]:
    """Each sentence of a cell, split at clauses where the kind changes; each problem item is one
    ``issue`` statement.

    A kind comes from cues near the start of a piece (data/cells.toml [statements]); without one, from
    the label the piece follows (下一步工作打算：→ plan), else from the field (a plan column is plan),
    else ``progress``. The 存在问题 label, its answer "none" (存在问题：无。) and the enumerators between
    problem items are not statements;
    another label stays in the sentence it opens and is no statement alone on its line.
    """
    view = match_view(text)
    rules = cell_rules()
    items = sorted((i for i in issue_items or [] if i.field == field), key=lambda i: i.span)
    statements = [Statement(text=i.text, field=field, span=i.span, kind="issue", rule="statement.issue") for i in items]
    skipped = [i.span for i in items]
    # (where a region starts, its kind, whether cues may override it), in order
    regions: list[tuple[int, str, bool]] = [(0, *rules.field_kinds.get(field, ("progress", False)))]
    marker = rules.marker.search(view) if may_hold(rules.marker, view) else None
    if marker:
        skipped.append(marker.span())
    # 存在问题：无。 — the answer "none" is no statement
    answers = issue_region(text, view, labelled=marker is None) if marker or field in rules.problem_fields else None
    if items:  # what follows the problems (after the label, or in a 存在问题 column) is the unit's response
        regions.append((max(marker.end() if marker else 0, items[-1].span[1]), rules.response_kind, False))
    labels: set[tuple[int, int]] = set()
    for pattern, kind, fixed in rules.labels:
        for label in pattern.finditer(view):
            labels.add(_trimmed(view, *label.span()))
            regions.append((label.start(), kind, fixed))
    regions.sort(key=lambda r: r[0])
    for gap_start, gap_end in _gaps(len(text), skipped):
        for s, e, kind in _statement_pieces(view, gap_start, gap_end, regions):
            s, e = _trimmed(text, s, e)
            if e <= s or (s, e) in labels or not _WORD.search(_strip_enumerator(view[s:e])):
                continue  # blank, a label alone on its line, or an enumerator
            if answers and answers[0] <= s and e <= answers[1] and rules.no_problem.match(view[s:e]):
                continue  # no problem
            statement = Statement(text=text[s:e], field=field, span=(s, e), kind=kind, rule=_statement_rule(kind))
            statements.append(statement)
    return sorted(statements, key=lambda st: st.span)


@cache
def _statement_rule(kind: str) -> str:
    """A statement's rule id, one string for all statements of a kind (a document holds thousands)."""
    return f"statement.{kind}"


def statement_kind(piece: str, default: str = "progress") -> str:
    """The kind a piece of text (matching view) gets from its cues, or ``default``."""
    # No one alternation of the kinds first (as for the status tiers): every kind's cue opens with the
    # same {LEAD}, whose backtracking is the cost, so an alternation costs as much as the cues one by one.
    # A kind whose cue needs a character the piece lacks is not tried (spans.required_chars: exact).
    chars = _kind_gate().present(piece)
    kinds = zip(cell_rules().kinds, _kind_required(), strict=True)
    return next((name for (name, cue), needed in kinds if may_match(needed, chars) and cue.search(piece)), default)


@cache
def _kind_required() -> tuple[tuple[frozenset[str], ...], ...]:
    """The characters every match of each statement kind's cue holds."""
    return tuple(required_chars_of(cue) for _, cue in cell_rules().kinds)


@cache
def _kind_gate() -> CharGate:
    return CharGate(list(_kind_required()))


def _gaps(length: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    gaps, cursor = [], 0
    for start, end in sorted(taken):
        if start > cursor:
            gaps.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < length:
        gaps.append((cursor, length))
    return gaps


def _strip_enumerator(piece: str) -> str:
    return cell_rules().enumerator.sub("", piece)


def _statement_pieces(
    view: str, start: int, end: int, regions: list[tuple[int, str, bool]]
) -> list[tuple[int, int, str]]:
    """Sentences of view[start:end], each split where a clause opens with another kind's opener.

    ``regions``: (start, default kind, fixed) in order; a sentence takes the last region begun by its start.
    """
    rules = cell_rules()
    pieces: list[tuple[int, int, str]] = []
    for s, e in sentence_bounds(view, start, end):
        first = _trimmed(view, s, e)[0]  # where the sentence's text starts: the region it is in
        default, fixed = next((k, f) for r, k, f in reversed(regions) if r <= first)
        if fixed:
            pieces.append((s, e, default))
            continue
        cuts = [s]
        for match in rules.clause_break.finditer(view, s, e):
            before = _SPACE.sub("", view[cuts[-1] : match.start()])
            if len(before) >= rules.clause_min and not rules.clause_lead.match(before):
                cuts.append(match.end())
        sentence: list[tuple[int, int, str]] = []
        for cut, stop in zip(cuts, [*cuts[1:], e], strict=True):
            kind = statement_kind(view[cut:stop].lstrip(_EDGE), default)
            if sentence and sentence[-1][2] == kind:
                sentence[-1] = (sentence[-1][0], stop, kind)  # one statement until the kind changes
            else:
                sentence.append((cut, stop, kind))
        pieces.extend(sentence)
    return pieces


_OPENING, _CLOSING = "(<[《〈‹{【", ")>]》〉›}】"


def _bracket_depths(view: str) -> list[int]:
    """Bracket nesting depth at each position of the matching view (full-width brackets folded)."""
    depths, depth = [], 0
    for ch in view:
        if ch in _CLOSING:
            depth = max(0, depth - 1)
        depths.append(depth)
        if ch in _OPENING:
            depth += 1
    return depths


def split_units(text: str) -> list[str]:
    """区商务委、区发展改革委 → two units; 区交通局和区财政局 → two units."""
    return list(_split_units(text))


# A document names the same few units in row after row, and the records stage reads each units cell
# twice (home_scope over the document, then the row): one split per distinct cell text.
# A column this narrow (characters a line) wraps a unit's name; a line holding a separator is a list.
MAX_WRAP_WIDTH = 6
_SEPARATED = regex.compile(r"[、,，;；/\s]")


@lru_cache(maxsize=512)
def _split_units(text: str) -> tuple[str, ...]:
    text = _unwrapped(text)
    rules = cell_rules()
    view = match_view(text)
    units: list[str] = []
    cursor = 0
    depth = _bracket_depths(view)
    # A separator inside brackets ("各区县政府<南太湖新区、长合区管委会>") belongs to the unit.
    cuts = [m.span() for m in rules.unit_separators.finditer(view) if depth[m.start()] == 0]
    cuts += [m.span() for m in rules.unit_space.finditer(view) if depth[m.start()] == 0]
    cuts.sort()
    for stop, resume in [*cuts, (len(text), len(text))]:
        if stop < cursor:
            continue
        part, part_view = text[cursor:stop], view[cursor:stop]
        piece_start = 0
        for match in rules.unit_conjunction.finditer(part_view):
            if depth[cursor + match.start()]:
                continue
            units.append(part[piece_start : match.start()].strip(_EDGE))
            piece_start = match.end()
        units.append(part[piece_start:].strip(_EDGE))
        cursor = resume
    return tuple(_join_bare_units(_drop_person_names([_without_etc(u) for u in units if u])))


def _without_etc(unit: str) -> str:
    """ "市卫生健康委等" → "市卫生健康委" (when what is left is a unit's name)."""
    match = cell_rules().etc.search(match_view(unit))
    if match is None or match.start() == 0:
        return unit
    rest = unit[: match.start()].rstrip()
    return rest if looks_like_units(rest) else unit


def _unwrapped(text: str) -> str:
    """A unit's name wrapped by a narrow column, joined: lines of one width (the last may be
    shorter or longer) whose first is no unit's name on its own ("市政" / "府办" / "公厅", "市人力资源"
    / "社会保障局"). Lines that are names each ("区发改局" / "区统计局") stay apart."""
    lines = [line.strip() for line in text.strip().split("\n")]
    if len(lines) < 2 or not all(lines) or any(_SEPARATED.search(line) for line in lines):
        return text
    widths = {len(line) for line in lines[:-1]}
    if len(widths) != 1 or widths.pop() > MAX_WRAP_WIDTH or looks_like_units(lines[0]):
        return text
    return "".join(lines)


def split_lead_units(text: str) -> tuple[list[str], list[str]]:
    """(lead, partner) units of a units cell: when a mark picks some of its names ("*区发改局、
    区商务局"), the marked ones lead and the others are partners; otherwise all lead. Marks are
    dropped from the names (the cell keeps them)."""
    lead, partners = _split_lead_units(text)
    return list(lead), list(partners)  # lists of the row's own: the cached tuples stay as they are


# Every row reads its units cells (lead and partner): a document names the same few, row after row.
@lru_cache(maxsize=512)
def _split_lead_units(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    mark = cell_rules().lead_mark
    units = _split_units(text)
    marked = [bool(mark.match(unit)) for unit in units]
    names = tuple(mark.sub("", unit, count=1) for unit in units)
    if not any(marked) or all(marked):
        return names, ()
    pairs = list(zip(names, marked, strict=True))
    return tuple(n for n, m in pairs if m), tuple(n for n, m in pairs if not m)


def _drop_person_names(units: list[str]) -> list[str]:
    """A unit cell that names its leader too ("市民政局 伍泽国"): the person is not a unit."""
    out = []
    for unit in units:
        head, _, tail = _SPACE_RUN.sub(" ", unit).rpartition(" ")
        if head and _person(tail) and not _person(head):
            unit = unit[: len(unit.rstrip()) - len(tail)].rstrip(" \u3000\xa0\t")
        if unit and not _person(unit):
            out.append(unit)
    return out


def _person(text: str) -> bool:
    """A person's name and not a unit's ("管委会" reads like a surname and a name, but is a unit)."""
    return looks_like_person(text) and not looks_like_units(text)


def _join_bare_units(units: list[str]) -> list[str]:
    """A bare unit word ("政府", "管委会") after a place's unit is that place's too: "清丰县党委、政府"
    is one unit (the county's party committee and government), not a bare "政府"."""
    bare = cell_rules().bare_unit
    out: list[str] = []
    for unit in units:
        if out and bare.fullmatch(match_view(unit)):
            out[-1] = f"{out[-1]}、{unit}"
        else:
            out.append(unit)
    return out
