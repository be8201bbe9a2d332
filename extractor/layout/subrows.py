"""Rows under merged cells in a cell stream: one 序号, several rows.

A web table copied one cell per line loses its row ends; where a cell spans several rows
(rowspan: the 序号, a category, a unit), the rows under it arrive with fewer cells and no 序号 of
their own. Between two 序号 the stream then holds more cells than one row has columns. Which
cells form which rows is read by aligning the pieces with the header's columns: every piece is
placed in a column to the right of the one before it, or in the same cell (a cell broken over
lines), or it opens a new row under merged cells; each placement is scored by how well the
piece's kind fits its column (unit names under 牵头单位, a date under 完成时限, text under the
task), and the best-scoring reading wins. Nothing is tuned to a document: the kinds come from
``classes.classify`` and the columns' expectations from their header's field.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor.headers import layout_patterns, looks_like_units
from extractor.layout.classes import classify
from extractor.rules.compiled import compile_rule
from extractor.textnorm import match_view

# Coarse kinds: the text classes a task or progress cell can hold are one kind.
_TEXT = frozenset({"prose", "report", "short", "figure", "percent", "measure", "number"})
# What a column expects, by its header's field (a field not listed expects nothing in particular).
_EXPECTED: dict[str, frozenset[str]] = {
    "seq": frozenset({"seq"}),
    "task": frozenset({"text"}),
    "description": frozenset({"text"}),
    "progress": frozenset({"text", "status", "labelled"}),
    "issues": frozenset({"text", "labelled"}),
    "plan": frozenset({"text", "labelled"}),
    "category": frozenset({"text"}),
    "lead_units": frozenset({"unit"}),
    "partner_units": frozenset({"unit"}),
    "lead_leaders": frozenset({"person"}),
    "responsible": frozenset({"person"}),
    "deadline": frozenset({"date", "status"}),
    "status": frozenset({"status", "text"}),
}
# Columns a row under merged cells leaves to the row above when it skips them in its middle.
_MERGED = frozenset({"seq", "category", "lead_units", "partner_units", "lead_leaders", "responsible", "deadline"})
_CONTENT = frozenset({"task", "progress"})  # a row under merged cells holds at least one of these
_EXPECTED_LABELLED = frozenset({"progress", "issues", "plan"})

MAX_PIECES_PER_COLUMN = 12  # a numbered row and its rows under merged cells: at most this many a column
FIT, MISFIT = 2.0, -2.0
SAME_CELL = -0.5  # a piece joined to the cell before it, of the same kind (a cell broken at a line)
MIXED_CELL = -4.0  # … of another kind
EMPTY = -0.5  # a column a row leaves empty
SKIPPED = -1.0  # a text column a row under merged cells skips in its middle
NEW_ROW = -2.0  # a row under merged cells opens
UNWRITTEN = -3.0  # a column the numbered row leaves unwritten where empty cells are written as such


def kind(text: str) -> str:
    """The piece's coarse kind: text, a status word (已完成, 正常推进), a unit, a date, a person …;
    "labelled": a unit's own report ("区投促局：对楼宇信息全面掌握…"), a progress cell; "blank": a
    mark standing for an empty cell ("/", "—", "无"), which any column may hold."""
    if not text.strip() or layout_patterns()["blank_mark"].match(match_view(text)):
        return "blank"  # (an empty cell itself: a blank line where blank lines are cells)
    if layout_patterns()["status_phrase"].match(match_view(text)):
        return "status"  # "已完成" opens like a report, but alone it is a status word
    label = UNIT_LABEL.match(text)
    if label and looks_like_units(label.group(1)):
        return "labelled"
    found = classify(text)
    if found == "short":
        return "name"  # a short text: a task's name, or a unit's name the vocabulary does not know
    return "text" if found in _TEXT else found


def _coarse(piece_kind: str) -> str:
    return "text" if piece_kind == "name" else piece_kind


UNIT_LABEL = compile_rule(r"^\s*([^:：\n]{2,20})[:：]\s*\S")


# Columns of names a short text may fill though it reads as no unit or person the vocabulary knows
# ("县农村人居环境整治工作专班" under 主办单位): neither fit nor misfit.
_NAMES = frozenset({"lead_units", "partner_units", "lead_leaders", "responsible"})


def fit_score(piece_kind: str, field: str | None) -> float:
    if piece_kind == "blank":
        return FIT  # an empty cell's mark suits every column
    expected = _EXPECTED.get(field or "")
    if expected is None:
        return 0.0
    if piece_kind == "name" and field in _NAMES:
        return 0.0
    return FIT if _coarse(piece_kind) in expected else MISFIT


@dataclass(frozen=True, slots=True)
class _State:
    column: int
    first: bool  # in the row that holds the 序号
    pieces: int  # pieces in the current row (counted up to 2)
    content: bool  # the current row has a piece in a task or progress column
    labelled: bool = False  # the current row opened with a unit's own report in a progress column


# For each state after a piece: the best score reaching it and how (the state before, the action).
_Layer = dict[_State, tuple[float, tuple[_State, str] | None]]


def _offer(layer: _Layer, state: _State, score: float, back: tuple[_State, str]) -> None:
    if state not in layer or score > layer[state][0]:
        layer[state] = (score, back)


def _closable(state: _State) -> bool:
    # A row under merged cells holds two pieces, one of them its task or progress (one piece alone
    # is as likely a cell broken over paragraphs), or one unit's own report (each unit's progress
    # a row of its own: "区投促局：…" / "大观园街道办事处：…").
    return state.first or (state.pieces >= 2 and state.content) or (state.pieces == 1 and state.labelled)


def align(
    texts: list[str],
    fields: list[str | None],
    *,
    open_end: bool = False,
    opens_at: int | None = None,
    empties_written: bool = False,
) -> tuple[float, list[list[str | None]]] | None:
    """The best reading of ``texts`` (a 序号 first) as one row and the rows under merged cells
    after it: (score, rows of len(fields) cells; None = the cell above, merged). None when the
    first text is not in the first column or no reading closes.

    ``open_end``: the texts run to the end of the document, which may stop inside a row: the last
    row's columns after its last piece are past the cut, not empty, so they cost nothing, and of
    readings that score alike the one whose last piece stands furthest left wins (a row cut short
    holds its first cells: "新增持" alone is the next row's task, not its progress); ``opens_at``,
    the column where the table's other rows under merged cells open, decides first between them.
    ``empties_written``: the stream writes an empty cell as an empty text (a blank line), so the
    numbered row, which holds every merged cell over the rows under it, leaves no column unwritten
    at its end (UNWRITTEN each): a cell after it that would fill its last column does."""
    width = len(fields)
    if width < 2 or not texts or len(texts) > MAX_PIECES_PER_COLUMN * width:
        return None  # (a span this long is no group of rows; the alignment's time stays bounded)
    kinds = [kind(t) for t in texts]
    # best[state] = (score, back-pointer: (previous state, action))
    start = _State(0, True, 1, fields[0] in _CONTENT)
    layers: list[_Layer] = [{start: (fit_score(kinds[0], fields[0]), None)}]
    for index in range(1, len(texts)):
        piece = kinds[index]
        layer: _Layer = {}
        for state, (score, _) in layers[-1].items():
            column = state.column
            previous_kind = kinds[index - 1]
            # (a unit's own report opens a cell of its own: it never goes on the one before)
            same = _coarse(piece) == _coarse(previous_kind) and piece != "labelled"
            joined = fit_score(piece, fields[column]) + (SAME_CELL if same else MIXED_CELL)
            _offer(layer, state, score + joined, (state, "same"))
            for target in range(column + 1, width):
                skipped = sum(_skip_cost(fields[c], state.first) for c in range(column + 1, target))
                content = state.content or fields[target] in _CONTENT
                moved = _State(target, state.first, min(state.pieces + 1, 2), content)
                _offer(layer, moved, score + skipped + fit_score(piece, fields[target]), (state, "next"))
            if _closable(state) and piece != "seq":
                empty = UNWRITTEN if empties_written and state.first else EMPTY
                closed = score + empty * (width - 1 - column) + NEW_ROW
                for target in range(1, column + 1):
                    labelled = piece == "labelled" and fields[target] in _EXPECTED_LABELLED
                    opened = _State(target, False, 1, fields[target] in _CONTENT, labelled)
                    _offer(layer, opened, closed + fit_score(piece, fields[target]), (state, "row"))
        layers.append(layer)
    ends = [
        (score + (0.0 if open_end else EMPTY * (width - 1 - state.column)), state)
        for state, (score, _) in layers[-1].items()
        if _closable(state) or _last_alone(state, fields)
    ]
    if not ends:
        return None
    score, state = max(ends, key=lambda pair: pair[0])
    if open_end:
        tied = [s for total, s in ends if total >= score - 1e-9]
        readings = [(s, _rows(texts, fields, layers, s)) for s in tied]
        if opens_at is None:
            # the rows under merged cells before the last one say where such rows open
            opens_at = next((o for _, rows in readings if (o := opening_column(rows[:-1])) is not None), None)
        state, rows = min(readings, key=lambda r: (_opening(r[1][-1]) != opens_at, r[0].column))
        return score, rows
    return score, _rows(texts, fields, layers, state)


def _opening(row: list[str | None]) -> int:
    """The column a row under merged cells opens at (its first cell not merged from above)."""
    return next((c for c, cell in enumerate(row) if cell is not None), 0)


def opening_column(rows: list[list[str | None]]) -> int | None:
    """The column the rows under merged cells of one numbered row open at, when they agree."""
    openings = {_opening(row) for row in rows[1:]}
    return openings.pop() if len(openings) == 1 else None


def _last_alone(state: _State, fields: list[str | None]) -> bool:
    """The last row under merged cells may be one text alone in a task or progress column (a unit's
    progress paragraph printed after the merged unit cell): nothing else could hold it."""
    return not state.first and state.pieces == 1 and fields[state.column] in _CONTENT


def _skip_cost(field: str | None, first: bool) -> float:
    if first:
        return EMPTY
    return 0.0 if field in _MERGED else SKIPPED


def _rows(
    texts: list[str],
    fields: list[str | None],
    layers: list[_Layer],
    last: _State,
) -> list[list[str | None]]:
    """Follow the back-pointers and lay the pieces out in rows of cells."""
    placed: list[tuple[int, str, _State]] = []  # (piece index, action that placed it, its state)
    state = last
    for index in range(len(texts) - 1, -1, -1):
        back = layers[index][state][1]
        action = back[1] if back else "start"
        placed.append((index, action, state))
        if back:
            state = back[0]
    placed.reverse()
    rows: list[list[str | None]] = []
    for index, action, state in placed:
        if action in ("start", "row"):
            first = action == "start"
            rows.append(["" if first or fields[c] not in _MERGED else None for c in range(len(fields))])
            if not first:
                for c in range(state.column):
                    rows[-1][c] = None  # left of its first piece: the merged cells above
        cell = rows[-1][state.column]
        rows[-1][state.column] = texts[index] if action != "same" or not cell else cell + "\n" + texts[index]
    return rows
