"""Row status: how a row's task stands, from cues in its statements and its figures against the task.

``row_status`` reads the cues of data/status.toml on the matching view of each statement (same length
as the source, so every piece of evidence is a span of its cell), compares stated completion shares
and the row's figures with the task's targets and the share of the year elapsed (序时进度), and lets
the first tier of data/status.toml ``order`` that has evidence decide. The toml explains the order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import regex

from extractor.plain import Assessment, Figure, Item, Period, SetAside, Statement, Status
from extractor.rules.assess import assess, full_year_forecast, noun_after, target_column
from extractor.rules.cells import find_issues, find_statements
from extractor.rules.compiled import compile_rule, may_hold, required_chars_of
from extractor.rules.data import expand, load
from extractor.rules.dates import find_period
from extractor.rules.spans import CharGate, may_match
from extractor.textnorm import match_view

# Where a cue's clause starts: the negator must stand inside the cue's own clause (data/shared.toml).
_CLAUSE_BREAK = compile_rule(expand("{CLAUSE_BREAK}"))
_SENTENCE_BREAK = compile_rule(expand("{SENTENCE_BREAK}"))
# Fields read when the caller gives no statements.
_TEXT_FIELDS = ("progress", "issues", "plan")
_SPACES = compile_rule(r"\s+")


@dataclass(frozen=True, slots=True)
class Cue:
    id: str
    pattern: regex.Pattern[str]
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]
    required: tuple[frozenset[str], ...] = ()  # characters every match holds (spans.required_chars)


@dataclass(frozen=True, slots=True)
class Tier:
    name: str
    status: str
    scope: frozenset[str]
    cues: tuple[Cue, ...]
    # Every cue of the tier in one alternation: it finds nothing exactly when no cue does, so a piece
    # pays one scan per tier, and the cues one by one only where one of them matches.
    any_cue: regex.Pattern[str]
    # The cues tried on a piece, by the characters of it that some cue requires (Cue.required)
    _tried: dict[frozenset[str], tuple[Cue, ...]] = field(default_factory=dict, compare=False, repr=False)

    def tried(self, chars: frozenset[str]) -> tuple[Cue, ...]:
        """The cues that may match a piece holding ``chars`` (``StatusRules.cue_gate``): a cue that
        needs a character the piece lacks finds nothing there (spans.required_chars: exact)."""
        found = self._tried.get(chars)
        if found is None:
            found = tuple(cue for cue in self.cues if may_match(cue.required, chars))
            if len(self._tried) >= _MAX_TRIED:  # pieces of a thousand different mixes: start again
                self._tried.clear()
            self._tried[chars] = found
        return found


_MAX_TRIED = 4096


@dataclass(frozen=True, slots=True)
class Milestone:
    id: str
    task: regex.Pattern[str]
    reached: regex.Pattern[str]
    preparation: regex.Pattern[str]


@dataclass(frozen=True, slots=True)
class VerdictRules:
    """The document's own verdict: patterns per status for a status cell and for a heading."""

    enumerator: regex.Pattern[str]
    end: regex.Pattern[str]
    column: dict[str, regex.Pattern[str]]
    heading: dict[str, regex.Pattern[str]]

    def read_cell(self, text: str) -> str | None:
        """The status a status cell's whole text names (spaces and end punctuation ignored)."""
        return self._first(_SPACES.sub("", self._trimmed(text)), self.column)

    def read_heading(self, text: str) -> str | None:
        """The status a section or table title gives every row under it (its enumerator stripped); a
        heading that goes on after its first sentence (四、指标项目出现调整的有3项。因某种原因调整的项目是…)
        classifies by that sentence."""
        found = self._first(self._trimmed(text), self.heading)
        if found is None:
            first = _HEADING_SENTENCE.split(text.strip(), maxsplit=1)
            if len(first) == 2 and first[1].strip():
                found = self._first(self._trimmed(first[0]), self.heading)
        return found

    def _trimmed(self, text: str) -> str:
        return self.end.sub("", self.enumerator.sub("", match_view(text)))

    @staticmethod
    def _first(view: str, patterns: dict[str, regex.Pattern[str]]) -> str | None:
        return next((status for status, pattern in patterns.items() if pattern.search(view)), None)


_HEADING_SENTENCE = compile_rule(r"[。；;！!？?]")


@dataclass(frozen=True, slots=True)
class BenchmarkRules:
    """A target held against a benchmark area (高于全省平均) and the progress's comparisons with one."""

    id_met: str
    id_missed: str
    task: regex.Pattern[str]
    above: regex.Pattern[str]
    below: regex.Pattern[str]


@dataclass(frozen=True, slots=True)
class StatusRules:
    order: tuple[str, ...]
    verdict: VerdictRules
    tiers: dict[str, Tier]
    negator: regex.Pattern[str]
    resumed: regex.Pattern[str]
    tolerance: float
    milestone: Milestone
    completion_id: str
    completion_forecast_id: str
    completion_scope: frozenset[str]
    completion: regex.Pattern[str]
    figures: dict[str, Any]
    benchmark: BenchmarkRules
    start_rate_id: str
    start_rate: regex.Pattern[str]
    planned_id: str
    planned: regex.Pattern[str]
    planned_column: regex.Pattern[str]
    # The characters of a piece that a tier or a cue requires, found by one scan of the piece.
    cue_gate: CharGate


@cache
def status_rules() -> StatusRules:
    data = load("status")
    tiers = {
        t["name"]: Tier(
            name=t["name"],
            status=t["status"],
            scope=frozenset(t["scope"]),
            cues=tuple(
                Cue(
                    id=c["id"],
                    pattern=(pattern := compile_rule(c["pattern"])),
                    examples=tuple(c.get("examples", ())),
                    counter_examples=tuple(c.get("counter_examples", ())),
                    required=required_chars_of(pattern),
                )
                for c in t["cue"]
            ),
            any_cue=compile_rule("|".join(f"(?:{c['pattern']})" for c in t["cue"])),
        )
        for t in data["tier"]
    }
    missing = [name for name in data["order"] if name not in tiers]
    if missing or len(data["order"]) != len(tiers):
        raise ValueError(f"status.toml: order must list every tier once, missing {missing}")
    milestone = data["milestone"]
    verdict = data["verdict"]
    statuses = ("stalled", "not_started", "behind", "done", "on_track")  # the specific states first
    return StatusRules(
        order=tuple(data["order"]),
        verdict=VerdictRules(
            enumerator=compile_rule(expand(verdict["enumerator"])),
            end=compile_rule(verdict["end"]),
            column={k: compile_rule(verdict["column"][k]) for k in statuses},
            heading={k: compile_rule(verdict["heading"][k]) for k in statuses},
        ),
        tiers=tiers,
        negator=compile_rule(data["negator"]),
        resumed=compile_rule(data["resumed"]["pattern"]),
        tolerance=float(data["schedule_tolerance"]),
        milestone=Milestone(
            id=milestone["id"],
            task=compile_rule(milestone["task"]),
            reached=compile_rule(milestone["reached"]),
            preparation=compile_rule(milestone["preparation"]),
        ),
        completion_id=data["completion"]["id"],
        completion_forecast_id=data["completion"]["forecast_id"],
        completion_scope=frozenset(data["completion"]["scope"]),
        completion=compile_rule(data["completion"]["pattern"]),
        figures=data["figures"],
        benchmark=BenchmarkRules(
            id_met=data["benchmark"]["id_met"],
            id_missed=data["benchmark"]["id_missed"],
            task=compile_rule(data["benchmark"]["task"]),
            above=compile_rule(data["benchmark"]["above"]),
            below=compile_rule(data["benchmark"]["below"]),
        ),
        start_rate_id=data["start_rate"]["id"],
        start_rate=compile_rule(data["start_rate"]["pattern"]),
        planned_id=data["planned"]["id"],
        planned=compile_rule(data["planned"]["pattern"]),
        planned_column=compile_rule(data["planned"]["column"]),
        cue_gate=CharGate([c.required for t in tiers.values() for c in t.cues]),
    )


@dataclass(frozen=True, slots=True)
class Piece:
    """A statement as read here: its cell, where it starts, its kind and its matching view."""

    field: str
    start: int
    kind: str
    text: str
    view: str


def _item(piece: Piece, start: int, end: int, rule: str) -> Item:
    return Item(text=piece.text[start:end], field=piece.field, span=(piece.start + start, piece.start + end), rule=rule)


def _figure_item(figure: Figure, rule: str) -> Item:
    return Item(text=figure.text, field=figure.field, span=figure.span, rule=rule)


@lru_cache(maxsize=64)
def _breaks(view: str, pattern: regex.Pattern[str]) -> tuple[int, ...]:
    """Where the breaks of ``pattern`` (_CLAUSE_BREAK, _SENTENCE_BREAK: one character each) stand in
    a whole view, found once per view: every item, cue and share of a cell asks where its clause
    starts, and a scan from the cell's start for each was quadratic in the cell's items."""
    return tuple(m.start() for m in pattern.finditer(view))


# A thousands comma reads up to 4 characters after it (,234 and no fifth digit): a comma that near a
# cut is read on the cut text, as a search that ends there reads it; every other break, from the view's.
_BREAK_LOOKAHEAD = 4


def _clause_start(view: str, start: int, low: int = 0) -> int | None:
    """``max(m.end() for m in _CLAUSE_BREAK.finditer(view, low, start))``: the end of the last clause
    break between ``low`` and ``start`` as a search of the text cut at ``start`` reads it, or None."""
    near = max(low, start - _BREAK_LOOKAHEAD)
    last = start - 1  # the last offset a break may stand at
    if "," in view[near:start]:  # only a comma reads otherwise on the cut text
        tail = [m.end() for m in _CLAUSE_BREAK.finditer(view, near, start)]
        if tail:
            return tail[-1]
        last = near - 1
    positions = _breaks(view, _CLAUSE_BREAK)
    index = bisect_right(positions, last) - 1
    return positions[index] + 1 if index >= 0 and positions[index] >= low else None


def _sentence_start(view: str, start: int) -> int:
    """``max(m.end() for m in _SENTENCE_BREAK.finditer(view, 0, start))``, default 0 (a break is one
    character, read alone)."""
    positions = _breaks(view, _SENTENCE_BREAK)
    index = bisect_left(positions, start) - 1
    return positions[index] + 1 if index >= 0 else 0


def _clause_end(view: str, end: int) -> int:
    """The start of the first clause break at or after ``end`` (the whole view read), else its length."""
    positions = _breaks(view, _CLAUSE_BREAK)
    index = bisect_left(positions, end)
    return positions[index] if index < len(positions) else len(view)


def _negated(view: str, start: int) -> bool:
    clause = view[_clause_start(view, start) or 0 : start]
    negator = status_rules().negator
    return may_hold(negator, clause) and negator.search(clause) is not None


@lru_cache(maxsize=64)
def _markers(view: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where the forecast markers (vocabulary forecast_marker, and future_clause at a clause's start)
    and the report markers (vocabulary report_marker) of a whole view start, found once per view."""
    forecast, report = vocabulary("forecast_marker"), vocabulary("report_marker")
    ahead = [m.start() for m in forecast.finditer(view)] if may_hold(forecast, view) else []
    opening = vocabulary("future_clause")
    ahead += [s for s in (0, *(b + 1 for b in _breaks(view, _CLAUSE_BREAK))) if opening.match(view, s)]
    reported = tuple(m.start() for m in report.finditer(view)) if may_hold(report, view) else ()
    return tuple(sorted(ahead)), reported


def _forecast_scope(view: str, start: int) -> bool:
    """Whether offset ``start`` of a view stands in what is yet to come: a forecast, plan or condition
    marker (预计, 计划于, 力争, 待…后) stands before it in its sentence and no report marker (已, 目前,
    正在, 截至) since. A marker governs the rest of its clause chain up to a sentence break: in
    已完成施工招标，预计5月底进场施工，9月底完工 the 完工 is forecast too; in 预计年底完工，目前已完成主体 the
    已完成 is a report again."""
    ahead, reported = _markers(view)
    if not ahead:
        return False
    sentence = _sentence_start(view, start)
    index = bisect_left(ahead, start) - 1
    if index < 0 or ahead[index] < sentence:
        return False
    last_report = bisect_right(reported, start) - 1  # a marker at ``start`` too: the item's own 已
    if last_report < 0 or reported[last_report] < ahead[index]:
        return True
    # A report marker reopens a report only in a clause after the marker's own: in 预计截至年底，问题整改到位
    # the 截至 is the forecast's time phrase, in 确保已建成站点正常运行 the 已 qualifies what is ensured.
    return (_clause_start(view, reported[last_report] + 1, ahead[index]) or 0) <= ahead[index]


def _forecast(item: Item, cells: dict[str, str]) -> bool:
    """_forecast_scope of an item of a cell (an item not of the cell's text: never)."""
    source = cells.get(item.field) or ""
    view = match_view(source)
    return _of_cell(source, view, item.text, tuple(item.span)) and _forecast_scope(view, item.span[0])


def cue_items(piece: Piece, cues: Iterable[Cue]) -> list[Item]:
    """Non-negated cue matches in a piece; of overlapping matches the earliest, then the longest, is kept."""
    found = []
    for cue in cues:
        for match in cue.pattern.finditer(piece.view):
            if match.end() > match.start() and not _negated(piece.view, match.start()):
                found.append((match.start(), match.end(), cue.id))
    kept: list[tuple[int, int, str]] = []
    for start, end, rule in sorted(found, key=lambda f: (f[0], -f[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, rule))
    return [_item(piece, start, end, rule) for start, end, rule in kept]


# Cells read besides the statements: a column no field claims (完成情况 beside a progress column, 备注)
# may hold the row's standing, unless its header names what is asked (目标, 计划, 责任单位 …).
_OTHER_COLUMN_KEYS = frozenset(
    {
        "seq",
        "task",
        "progress",
        "issues",
        "plan",
        "status",
        "lead_units",
        "partner_units",
        "lead_leaders",
        "responsible",
        "deadline",
        "category",
        "measure",
    }
)
# Side columns read per row: real tables have a few; a hostile one with 10,000 must not cost 10,000
# reads of every cue per row.
MAX_SIDE_COLUMNS = 16


@cache
def vocabulary(name: str) -> regex.Pattern[str]:
    """A word list of data/status.toml [vocabulary], compiled (its examples: tests/test_status_vocabulary.py)."""
    return compile_rule(load("status")["vocabulary"][name]["pattern"])


def _side_columns(cells: dict[str, str]) -> list[str]:
    """The keys of columns no field claims, the first MAX_SIDE_COLUMNS of them."""
    return [key for key in cells if key not in _OTHER_COLUMN_KEYS][:MAX_SIDE_COLUMNS]


def _column_pieces(cells: dict[str, str]) -> list[Piece]:
    """The cells of columns no field claims, as pieces of kind "column" (read by the tiers whose
    scope lists it: never by "reported", a verb in a side column is no report of progress)."""
    return [
        Piece(key, 0, "column", cells[key], match_view(cells[key]))
        for key in _side_columns(cells)
        if cells[key].strip() and _read_side_column(key, cells)
    ]


def _read_side_column(key: str, cells: dict[str, str]) -> bool:
    """Whether a side column's cue words are read: not when its header names what is asked (目标, 计划,
    责任单位 …), unless the row has no progress cell (the report may then stand under any header); never
    a column of what comes next (下步打算). A column naming the share of the task done (完成率, 占年任务之比)
    reports the standing whatever else its header names."""
    header = match_view(key)
    if vocabulary("share_column").search(header):
        return True
    if _plan_header(header):
        return False  # how the task is to be done (推进举措, 工作措施): no report, progress cell or not
    if not vocabulary("asked_header").search(header):
        return True
    return not (cells.get("progress") or "").strip() and not vocabulary("later_plan").search(header)


def _plan_header(header: str) -> bool:
    """Whether a side column's header (match view) names the task's measures or plan (status.toml
    plan_header: 推进举措, 工作措施): its cells say how the task is to be done. (An aim header, 年度目标,
    is still read when the row has no progress: a report may stand under it.)"""
    return bool(vocabulary("plan_header").search(header))


_BRACKETED = compile_rule(r"[(（]([^()（）]{2,40})[)）]")


def _task_notes(cells: dict[str, str]) -> list[Piece]:
    """The notes in brackets of the task cell (建设国家临床重点专科项目10个（待省下达具体任务明确后另行分解）),
    as pieces of kind "task_note": an annotation on the task's standing, read by the tiers whose scope
    lists it (a stop, a delay), never as the target's words."""
    task = cells.get("task") or ""
    view = match_view(task)
    if not may_hold(_BRACKETED, view):
        return []
    return [
        Piece("task", m.start(1), "task_note", task[m.start(1) : m.end(1)], view[m.start(1) : m.end(1)])
        for m in _BRACKETED.finditer(view)
    ]


def _reported_in_task(cells: dict[str, str], account: bool = False) -> list[Statement]:
    """With no progress cell, the sentences that report (截至11月30日…超额完成任务; 於112年6月8日上午
    完成…設置。已於…完成) in the task cell or a side column: a table cut or read so that the report
    joined another column. A sentence that only asks (完成投资10亿元) stays its column's — unless the
    document is an account of a year done (``account``, _account): there every whole sentence of the
    task cell that no plan or forecast opens (data/status.toml future_clause) is what was done."""
    if (cells.get("progress") or "").strip():
        return []
    found: list[Statement] = []
    for key in ("task", *_side_columns(cells)):
        text = cells.get(key) or ""
        if not text.strip() or (key != "task" and vocabulary("later_plan").search(match_view(key))):
            continue  # a column of what comes next (下步打算) reports nothing yet
        view = match_view(text)
        starts = [0, *(m.end() for m in _SENTENCE_BREAK.finditer(view))]
        ends = [*(m.end() for m in _SENTENCE_BREAK.finditer(view)), len(view)]
        found += [
            Statement(text=text[start:end], field=key, span=(start, end), kind="progress", rule="statement.progress")
            for start, end in zip(starts, ends, strict=True)
            if end > start
            and (
                vocabulary("task_report").search(view, start, end)
                or (
                    account
                    and key == "task"
                    and _REPORT_LENGTH.search(view, start, end) is not None
                    and not vocabulary("future_clause").match(view, start)
                    and not vocabulary("account_plan").match(view, start)
                    and not _plan_sentence(text[start:end])
                )
            )
        ]
    return found


def _plan_sentence(text: str) -> bool:
    """Whether a sentence's mood is a plan wherever its plan words stand (2021年将继续推进…, 进一步加强…,
    着力提升…): layout.toml [columns31] plan_mood, status.toml forecast_marker or effort_mood, and no
    report mood (已…, 截至, 累计) and no count (完成大修20公里 reports what the year did)."""
    from extractor.table import reads_as_plan, reads_as_report

    view = match_view(text)
    if reads_as_report(text) or _counts(view):
        return False
    return reads_as_plan(text) or bool(
        vocabulary("forecast_marker").search(view) or vocabulary("effort_mood").search(view)
    )


# The reported tier's rules: work said done or going on, with no state word.
_REPORTED_RULES = frozenset({"on_track.reported", "on_track.works"})


def _accounted(read: Status, cells: dict[str, str]) -> Status:
    """An item of a year's account with no progress cell whose task sentences report work done, and
    nothing else (no state word, no share, no delay): done — the account tells what the year did
    (gold conventions: done = the whole task finished, here at the year's end by the document's own
    telling)."""
    if read.value != "on_track" or (cells.get("progress") or "").strip() or not read.evidence:
        return read
    if any(i.field != "task" or i.rule not in _REPORTED_RULES for i in read.evidence):
        return read
    items = [i.model_copy(update={"rule": "done.account"}) for i in read.evidence]
    return read.model_copy(update={"value": "done", "evidence": items})


def _account(headings: Sequence[str], period: Period | None) -> bool:
    """Whether the rows stand under a title that names an account of results (status.toml account_title:
    任务完成情况, 工作总结, 工作回顾) in a report dated at or after the year's end: the document tells
    what was done in the year, so a row's task sentences report (汨罗…2020年政府任务完成情况, dated
    2020-12-31: 完成107国道大修). A plan or a mid-year account (一季度完成情况) does not."""
    if period is None or period.elapsed is None or period.elapsed < 1:
        return False
    return any(h and vocabulary("account_title").search(match_view(h)) for h in headings)


def _status_report(cells: dict[str, str]) -> list[Piece]:
    """A status cell longer than a status word holds a report (目前此项工作…已组织符合条件人员进行网上申请):
    its statements are read as a progress cell's are."""
    text = cells.get("status") or ""
    if len(text.strip()) <= _VERDICT_CELL:
        return []
    found = find_issues(text, "status")
    statements = find_statements(text, "status", found)
    seen = {s.span for s in statements}
    pieces = [Piece(s.field, s.span[0], s.kind, s.text, match_view(s.text)) for s in statements]
    issues = [Piece(i.field, i.span[0], "issue", i.text, match_view(i.text)) for i in found if i.span not in seen]
    return pieces + issues


def _view_of(text: str, field: str, span: tuple[int, int], cells: dict[str, str]) -> str:
    """match_view(text), sliced from the cell's view when the text is that stretch of the cell."""
    cell = cells.get(field) or ""
    if cell[span[0] : span[1]] == text:
        return match_view(cell)[span[0] : span[1]]
    return match_view(text)


# Statement kinds that say what is yet to come as a whole (records.py reads a sentence by its first
# marker); the clauses of one that a report marker reopens report (预计年底完工，目前已完成主体施工).
_AHEAD_KINDS = frozenset({"forecast", "plan"})


def _reported_parts(piece: Piece) -> list[Piece]:
    """The clauses of a forecast or plan statement that no forecast governs (_forecast_scope), each run
    of them a piece of kind "progress": 目前已完成主体施工 in 预计年底完工，目前已完成主体施工 is a report,
    while 9月底完工 in 预计5月底进场施工，9月底完工 is not."""
    view = piece.view
    _, reported = _markers(view)
    if not reported:
        return []
    parts: list[Piece] = []
    starts = [0, *(b + 1 for b in _breaks(view, _CLAUSE_BREAK))]
    ends = [*_breaks(view, _CLAUSE_BREAK), len(view)]
    run: tuple[int, int] | None = None
    for start, end in zip(starts, ends, strict=True):
        report = end > start and not _forecast_scope(view, max(start, end - 1))
        if report and vocabulary("future_clause").match(view, start):
            report = False
        if report:
            run = (run[0] if run else start, end)
        elif run is not None:
            parts.append(run)
            run = None
    if run is not None:
        parts.append(run)
    return [
        Piece(piece.field, piece.start + a, "progress", piece.text[a:b], view[a:b])
        for a, b in parts
        if piece.text[a:b].strip()
    ]


def _pieces(
    cells: dict[str, str], statements: list[Statement], issues: list[Item], account: bool = False
) -> list[Piece]:
    if not statements:  # a caller with cells only: read them as records.py does
        for field in _TEXT_FIELDS:
            if cells.get(field):
                found = find_issues(cells[field], field, labelled=field == "issues")
                issues = [*issues, *found]
                statements = [*statements, *find_statements(cells[field], field, found)]
    statements = [*statements, *_reported_in_task(cells, account)]
    pieces = [Piece(s.field, s.span[0], s.kind, s.text, _view_of(s.text, s.field, s.span, cells)) for s in statements]
    # Only the progress cell's: a plan column says what comes next throughout (下一步计划 | 对已建成投用的站点
    # 加强管理: its 已 qualifies the object of the plan, it reports nothing).
    pieces += [
        part
        for piece in pieces
        if piece.kind in _AHEAD_KINDS and piece.field == "progress"
        for part in _reported_parts(piece)
    ]
    seen = {(s.field, s.span) for s in statements}
    pieces += [
        Piece(i.field, i.span[0], "issue", i.text, _view_of(i.text, i.field, i.span, cells))
        for i in issues
        if (i.field, i.span) not in seen
    ]
    pieces += _column_pieces(cells)
    pieces += _task_notes(cells)
    pieces += _status_report(cells)
    order = {field: index for index, field in enumerate(cells)}
    return sorted(pieces, key=lambda p: (order.get(p.field, len(order)), p.start))


def _sorted(items: list[Item], cells: dict[str, str]) -> list[Item]:
    order = {field: index for index, field in enumerate(cells)}
    unique = {(i.field, i.span, i.rule): i for i in items}
    return sorted(unique.values(), key=lambda i: (order.get(i.field, len(order)), i.span))


@dataclass(slots=True)
class _Evidence:
    """Evidence per tier, the completion share read and the schedule it was compared with."""

    tiers: dict[str, list[Item]]
    completion: float | None = None
    schedule: float | None = None
    aside: list[SetAside] = field(default_factory=list)
    # the schedule the row states itself (预定进度89.01%) and the item stating it
    planned: tuple[float, Item] | None = None

    def set_aside(self, reason: str, *items: Item) -> None:
        self.aside.extend(SetAside(item=item, reason=reason) for item in items)

    def add(self, tier: str, *items: Item) -> None:
        self.tiers.setdefault(tier, []).extend(items)

    def share(self, share: float, items: list[Item], period: Period | None) -> None:
        """A completion share: 100% is done; else against the time elapsed, when the period tells it."""
        rules = status_rules()
        self.completion = share if self.completion is None else min(self.completion, share)
        if share >= 1:
            self.add("done", *items)
        elif self.planned is not None:
            planned, stated = self.planned
            self.schedule = planned
            self.add("behind" if share < planned - rules.tolerance else "on_track", *items, stated)
        elif period is not None and period.elapsed is not None:
            self.schedule = period.elapsed
            self.add("behind" if share < period.elapsed - rules.tolerance else "on_track", *items)
        elif share > 0:
            # No report date to hold it against: the share still reports work moving with no stated
            # delay, which an analyst reads as on track (the lowest tier: any other evidence decides first).
            self.add("reported", *items)
        else:
            self.set_aside("a share with no report date to compare it with", *items)

    def forecast(self, share: float, items: list[Item]) -> None:
        """A full-year forecast's share answers the year's target: against 1.0, and no completion."""
        self.add("behind" if share < 1 - status_rules().tolerance else "on_track", *items)


# A verdict sentence in the text around the tables is short (今年10项指标均符合预期目标); longer ones
# report a row's content, not a class of rows.
MAX_VERDICT_SENTENCE = 60
_VERDICT_SENTENCE_BREAK = compile_rule(r"[。；;！!？?\n，,]")


def prose_verdict(paragraphs: Sequence[str]) -> str | None:
    """The first clause of the text around the tables that classifies the rows as a heading does
    (2017年度11件民生实事共有20个子项，全部完成。; 我市今年上半年…实现“双过半”): the document's own
    verdict, for the callers to pass as the farthest heading (after the section and the title)."""
    rules = status_rules().verdict
    for paragraph in paragraphs:
        view = match_view(paragraph)
        start = 0
        for clause in _VERDICT_SENTENCE_BREAK.split(paragraph):
            end, start = start + len(clause), start + len(clause) + 1
            if not clause.strip() or len(clause) > MAX_VERDICT_SENTENCE:
                continue
            status = rules.read_heading(clause)
            if status is None:
                continue
            if status == "done" and _forecast_scope(view, max(0, end - 1)):
                # 预计到年底，全部完成: the done is forecast by an earlier clause. (A state word after a plan,
                # 今年计划实施的10件实事，均按时序推进, names the planned items and reports their state.)
                continue
            return clause.strip()
    return None


_BARE_YEAR = compile_rule(r"^\s*(?:19|20)\d{2}\s*年度?\s*$")


@cache
def _running_title() -> regex.Pattern[str]:
    return compile_rule(load("status")["running_year"]["title"])


def running_year(period: Period | None, title: str | None) -> Period | None:
    """The report period with no share of the year elapsed when it is a whole year named by a title
    that says its report is under way (2025年…进展情况) and nothing dated the report inside it."""
    if period is None or period.source != "title" or period.elapsed is None or period.elapsed < 1:
        return period
    if not _BARE_YEAR.match(match_view(period.text)):
        return period  # 截至2024年底, 1-12月, 全年: the title dates the report at the year's end
    whole_year = (period.start or "").endswith("-01-01") and (period.end or "").endswith("-12-31")
    if not whole_year or not title or not _running_title().search(match_view(title)):
        return period
    return period.model_copy(update={"elapsed": None})


def row_status(
    cells: dict[str, str],
    figures: list[Figure],
    statements: list[Statement],
    issues: list[Item],
    period: Period | None,
    assessments: list[Assessment] | None = None,
    headings: Sequence[str] = (),
    headers: Mapping[str, str] | None = None,
) -> Status:
    """How the row's task stands, with the cue items, figures and shares that decided it.

    ``cells``: the row's cells by field (the task is read from ``task``); ``statements`` and ``issues``
    as records.py finds them (with no statements, they are found here from the cells); ``period``: the
    report period, whose ``elapsed`` is the 序时进度 completion shares are compared with;
    ``assessments``: the row's target-against-actual pairs (computed here when not given);
    ``headings``: the section and table title over the row, nearest first, whose verdict (已完成的
    項目, 进度滞后的项目) decides before the row's own text, as a status cell's does; ``headers``: each
    cell key's header as written, which tells what a yes-or-no status cell answers (是否达到序时进度 | 否).
    """
    status = _period_plan_step(
        _row_standing(cells, figures, statements, issues, period, assessments, headings, headers or {}),
        cells,
        period,
        headers or {},
    )
    if status.value == "unknown" and not status.set_aside:
        status = _last_report(status, cells, statements)
    return _unknown_explained(status, cells)


# A report sentence: six Han characters at least (a bare value or a cut noun phrase is none) ending at a
# sentence end (a table cut mid-sentence leaves 顺丰长三角南翼总部基, 由保密机要局两名同: no full report);
# with no sentence end (table cells often have none), twelve Han characters with a run of eight, a
# clause, not a list of names and numbers (鄞州 海曙 江东 …, 白果乡8 柏林沟镇8 …).
_REPORT_LENGTH = compile_rule(r"(?:\p{Han}[^\p{Han}]{0,2}){6}")
_SENTENCE_END = compile_rule(r"(?:[。；;！!？?]|(?<!\d)\.)\s*$")
_UNENDED_LENGTH = compile_rule(r"(?:\p{Han}[^\p{Han}]{0,2}){12}")
_CLAUSE_RUN = compile_rule(r"\p{Han}{8}")
_LAST_REPORT = "on_track.last_report"


def _whole_report(text: str) -> bool:
    """Whether a statement reads as a whole report sentence, not a cut fragment or a list (above)."""
    if not _REPORT_LENGTH.search(text):
        return False
    return bool(_SENTENCE_END.search(text) or (_UNENDED_LENGTH.search(text) and _CLAUSE_RUN.search(text)))


def _last_report(status: Status, cells: dict[str, str], statements: list[Statement]) -> Status:
    """A row whose progress cell ends in a whole sentence that reports (its kind is progress, no plan,
    forecast or condition governs it) and in which no tier read anything, nothing set aside: work
    reported with no sign of delay, which an analyst reads as on track (gold conventions, Status 2),
    whatever its verbs. The cell's last statement decides by its kind, the structure every publisher
    shares (cells.py tags a sentence by its first marker), not by a list of verbs: 本年度重点公开以下
    内容：一是…；二是…。 reports; 下一步将开展验收。 plans; 拟争取明年预算购置，购置后每月可供送验。 is yet
    to come; a cut fragment (顺丰长三角南翼总部基) ends no sentence."""
    own = sorted((s for s in statements if s.field == "progress"), key=lambda s: s.span)
    if not own:
        return status
    last = own[-1]
    if last.kind != "progress" or not _whole_report(last.text) or not _work_reported(match_view(last.text)):
        return status
    source = cells.get("progress") or ""
    if source[last.span[0] : last.span[1]] != last.text:
        return status  # a statement not of the cell's text (a caller's own)
    view = match_view(source)
    if vocabulary("future_clause").match(view, last.span[0]) or any(
        _forecast_scope(view, at) for at in (last.span[0], last.span[1] - 1)
    ):
        return status
    item = Item(text=last.text, field=last.field, span=last.span, rule=_LAST_REPORT)
    return status.model_copy(update={"value": "on_track", "evidence": [item]})


def _work_reported(view: str) -> bool:
    """Whether a sentence reports work: a verb of work done or going on (the "reported" tier's cues, and
    data/status.toml [vocabulary.work_report]: 正在, 竣工, a result risen, a figure reached), or else no
    word of a description of the task (项目位于…，占地面积20亩; 该项目计划总投资…) or of its problems
    (资金缺口较大, 需重新选址: [vocabulary.task_description]) — a sentence of those with no work is none."""
    tiers = status_rules().tiers
    if ("reported" in tiers and tiers["reported"].any_cue.search(view)) or vocabulary("work_report").search(view):
        return True
    return not vocabulary("task_description").search(view)


# Why a row is unknown when nothing was read and set aside: the cell that was read for a report and
# gave no standing, or the task standing alone (issue 13: an unknown the analyst can check).
_NO_STANDING = "the report gives no standing: no stop, delay or state word, no share, no figure answering a target"
_NO_REPORT = "no report of progress: the task says what is asked, not where it stands"


def _unknown_explained(status: Status, cells: dict[str, str]) -> Status:
    if status.value != "unknown" or status.set_aside:
        return status
    for key, reason in (("progress", _NO_STANDING), ("status", _NO_STANDING), ("task", _NO_REPORT)):
        text = cells.get(key) or ""
        if text.strip():
            start = len(text) - len(text.lstrip())
            end = len(text.rstrip())
            item = Item(text=text[start:end], field=key, span=(start, end), rule="unknown")
            return status.model_copy(update={"set_aside": [SetAside(item=item, reason=reason)]})
    return status


def _row_standing(
    cells: dict[str, str],
    figures: list[Figure],
    statements: list[Statement],
    issues: list[Item],
    period: Period | None,
    assessments: list[Assessment] | None,
    headings: Sequence[str],
    headers: Mapping[str, str],
) -> Status:
    account = _account(headings, period)
    read = _row_status(cells, figures, statements, issues, period, assessments, headers, account)
    if account:
        read = _accounted(read, cells)
    read = _progress_word(cells, read)
    verdict = _verdict(cells, headings, headers)
    if verdict is None:
        return read
    status, items, heading = verdict
    kind = status if heading is not None else f"{items[0].rule.split('.')[1]}.{status}"  # column.…, answer.…
    if read.value in _MORE_SPECIFIC.get(kind, ()):
        return read  # a more specific state read in the row overrides a broad verdict
    overridden = [
        SetAside(item=i, reason=f"the document's verdict decides ({read.value} read in the row)") for i in read.evidence
    ]
    return Status(
        value=status,  # type: ignore[arg-type]
        evidence=items,
        completion=read.completion,
        schedule=read.schedule,
        verdict=heading,
        set_aside=_bounded([*overridden, *read.set_aside]),
    )


_MONTH = compile_rule(r"(?P<num>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月")
_QUARTER = compile_rule(r"(?P<num>[一二三四1-4])\s*季")
_NUMERALS = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "十一": 11,
    "十二": 12,
}


def _end_month(period: Period | None) -> int | None:
    end = (period.end or "") if period is not None else ""
    return int(end[5:7]) if len(end) >= 7 and end[5:7].isdigit() else None


def _period_plan(cells: dict[str, str], period: Period | None, headers: Mapping[str, str]) -> Item | None:
    """The cell of a column holding the report period's own plan (月度工作计划 | 4月：制定并下发方案;
    第二季度任务目标 in a second-quarter report): a step of the task set for this period, not the task.
    A plan for a later period (下月计划, 7月工作计划 in a June report) is none."""
    if period is None or period.elapsed is None or period.elapsed >= 1:
        return None  # at the year's end the period's plan is the year's last step: a done may be the whole
    for key, text in cells.items():
        if key in ("task", "progress", "status", "seq") or not text.strip():
            continue
        header = match_view(headers.get(key) or key)
        if not vocabulary("period_plan").search(header) or vocabulary("later_plan").search(header):
            continue
        month, quarter = _MONTH.search(header), _QUARTER.search(header)
        number = (month or quarter).group("num") if (month or quarter) else None
        if number is not None:
            value = int(number) if number.isdigit() else _NUMERALS.get(number, 0)
            if (month and value != _end_month(period)) or (quarter and not month and 3 * value != _end_month(period)):
                continue  # another period's plan
        start = len(text) - len(text.lstrip())
        return Item(text=text.strip(), field=key, span=(start, start + len(text.strip())), rule="period_plan")
    return None


def _period_plan_step(
    status: Status, cells: dict[str, str], period: Period | None, headers: Mapping[str, str]
) -> Status:
    """A row read done beside a column of the report period's own plan (月度工作计划, 第二季度任务目标):
    what is done is the period's step, and the task moves on (gold conventions: a finished sub-step or
    milestone is not the task done) — on_track, the plan set aside with why."""
    if status.value != "done":
        return status
    plan = _period_plan(cells, period, headers)
    if plan is None:
        return status
    aside = SetAside(item=plan, reason="the done answers this period's plan, a step of the task, not the whole task")
    return status.model_copy(update={"value": "on_track", "set_aside": _bounded([aside, *status.set_aside])})


# The states read in a row that override the document's verdict (gold conventions, Status 1): a
# verdict that only says behind gives way to stalled or not started; a heading that says its rows
# move (稳步推进, 持續的項目) to a row done, stalled or not started. A status cell saying the row
# moves is the row's own word on itself ("column." keys): a done read beside it does not override it.
_MORE_SPECIFIC: dict[str, tuple[str, ...]] = {
    "behind": ("stalled", "not_started"),
    "column.behind": ("stalled", "not_started"),
    "on_track": ("done", "stalled", "not_started"),
    # a yes to 是否达到序时进度 says the row is not late, not that it still moves: like a heading's word
    "answer.on_track": ("done", "stalled", "not_started"),
    "answer.behind": ("stalled", "not_started"),
}
_VERDICT_CELL = 16  # a status cell holds a word or two (正常推进, 已完成); longer text is a report


def _status_word(cells: dict[str, str], key: str) -> tuple[str, Item] | None:
    """The status a cell names when it holds nothing but a status word (正常推进, 办结, 项目完成。), with
    the word as its item (spaces and end punctuation outside)."""
    rules = status_rules().verdict
    text = cells.get(key) or ""
    status = rules.read_cell(text) if text.strip() and len(text) <= _VERDICT_CELL else None
    if status is None:
        return _leading_word(text, key) if key != "progress" else None
    start = len(text) - len(text.lstrip())
    end = max(start, rules.end.search(match_view(text)).start())
    return status, Item(text=text[start:end], field=key, span=(start, end), rule=f"verdict.column.{status}")


_LEADING_CLAUSE = compile_rule(r"^\s*(?P<word>[^,，。;；:：!！?？\n]{2,16}?)\s*[,，。;；:：!！?？\n]")


def _leading_word(text: str, key: str) -> tuple[str, Item] | None:
    """The status a cell's first clause names when that clause is a status word and the cell goes on
    (已完成。该项目于5月…; 正常推进，目前…): the cell opens with its verdict and explains it after."""
    match = _LEADING_CLAUSE.match(match_view(text))
    if match is None:
        return None
    status = status_rules().verdict.read_cell(match.group("word"))
    if status is None:
        return None
    start, end = match.span("word")
    return status, Item(text=text[start:end], field=key, span=(start, end), rule=f"verdict.column.{status}")


# The answer "no" to a question asking a good state (达到序时进度? 按期完成?) is behind; to one asking a
# bad state (滞后?) on track.
_NO_MEANS = {"done": "behind", "on_track": "behind", "behind": "on_track"}


def _answer(cells: dict[str, str], key: str, header: str) -> tuple[str, Item] | None:
    """A yes or no under a header asking a state (是否達進度 | 是): the state asked, or its opposite."""
    if not _asks(header):  # the header first: one reading per header, not one per row
        return None
    text = cells.get(key) or ""
    answer = _SPACES.sub("", match_view(text)).strip("。.")
    yes, no = vocabulary("yes").match(answer), vocabulary("no").match(answer)
    if not (yes or no):
        return None
    asked = status_rules().verdict.read_cell(vocabulary("question").sub("", match_view(header)))
    status = asked if yes else _NO_MEANS.get(asked or "")
    if status is None:
        return None
    start = len(text) - len(text.lstrip())
    end = start + len(text.strip())
    return status, Item(text=text[start:end], field=key, span=(start, end), rule=f"verdict.answer.{status}")


@lru_cache(maxsize=256)
def _asks(header: str) -> bool:
    """Whether a header asks a question (是否达到序时进度): its cells may answer yes or no."""
    return vocabulary("question").search(match_view(header)) is not None


def _mark(cells: dict[str, str], key: str, headers: Mapping[str, str]) -> tuple[str, Item] | None:
    """A tick under a column whose header is a status word (已完成 | √, 正在推进 | ✓, 未开工 | 是): that status."""
    text = cells.get(key) or ""
    if key == "status" or not vocabulary("yes").match(_SPACES.sub("", match_view(text)).strip("。.")):
        return None
    status = status_rules().verdict.read_cell(headers.get(key, key))
    if status is None:
        return None
    start = len(text) - len(text.lstrip())
    end = start + len(text.strip())
    return status, Item(text=text[start:end], field=key, span=(start, end), rule=f"verdict.answer.{status}")


# The rules of the lowest tier, a generic verb of work (完成, 办理): a progress cell holding nothing but
# a status word (项目完成, 办结) says more than they do.
_GENERIC_WORK = frozenset({"on_track.reported", "on_track.works"})


def _progress_word(cells: dict[str, str], read: Status) -> Status:
    """A progress cell filled like a status column (办结, 项目完成。): its word decides where the row's
    own reading found nothing, or only a generic verb of work."""
    if read.value != "unknown" and not all(e.rule in _GENERIC_WORK for e in read.evidence):
        return read
    found = _status_word(cells, "progress")
    if found is None:
        return read
    status, item = found
    aside = [SetAside(item=i, reason="the progress cell's status word decides") for i in read.evidence]
    set_aside = _bounded([*aside, *read.set_aside])
    return read.model_copy(update={"value": status, "evidence": [item], "set_aside": set_aside})


@lru_cache(maxsize=256)
def _heading_status(heading: str) -> str | None:
    """The status a heading gives every row under it, read once per heading text."""
    return status_rules().verdict.read_heading(heading)


def _verdict(
    cells: dict[str, str], headings: Sequence[str], headers: Mapping[str, str]
) -> tuple[str, list[Item], str | None] | None:
    """The document's own verdict on a row: its status cell, else the nearest heading that classifies it."""
    columns = ["status", *_side_columns(cells)]
    for key in columns:
        header = headers.get(key, key)
        word = (
            None
            if key != "status" and vocabulary("aim_header").search(match_view(header))
            else _status_word(cells, key)
        )
        found = word or _answer(cells, key, header) or _mark(cells, key, headers)
        if found is not None:
            return found[0], [found[1]], None
    for heading in headings:
        status = _heading_status(heading) if heading else None
        if status is not None:
            return status, [], heading
    return None


def _row_status(
    cells: dict[str, str],
    figures: list[Figure],
    statements: list[Statement],
    issues: list[Item],
    period: Period | None,
    assessments: list[Assessment] | None,
    headers: Mapping[str, str],
    account: bool = False,
) -> Status:
    rules = status_rules()
    pieces = _pieces(cells, statements, issues, account)
    evidence = _Evidence(tiers={})
    present = rules.cue_gate.present
    for name, tier in rules.tiers.items():
        for piece in pieces:
            if piece.kind in tier.scope:
                # Only the cues whose characters the piece holds; when that rules out none, the tier's
                # one alternation first (a miss costs one scan); else those few cues alone.
                cues = tier.tried(present(piece.view))
                if len(cues) == len(tier.cues) > 1 and not tier.any_cue.search(piece.view):
                    cues = ()
                evidence.add(name, *(cue_items(piece, cues) if cues else ()))
    evidence.tiers["stalled"] = _not_resumed(evidence.tiers.get("stalled", []), pieces)
    _drop_planned_clauses(evidence, cells)
    _drop_asked_completions(evidence, cells)
    _steps_done(evidence, cells)
    _works_ahead(evidence, pieces)
    _object_done(evidence, cells)
    evidence.planned = _planned(pieces, cells)
    _completion_shares(pieces, period, evidence, cells)
    if assessments is None:
        assessments = assess(figures, period, task=cells.get("task") or "", cells=cells)
    _bare_shares(cells, figures, period, evidence, assessments, headers)
    _bare_columns(cells, period, evidence, assessments, headers)
    _bound_columns(cells, period, evidence, assessments, headers)
    _assessed(assessments, pieces, period, evidence, cells, figures)
    _benchmarked(cells, pieces, period, evidence)
    _start_rates(pieces, evidence)

    # Progress on the task's main action: done and on_track evidence outside preparation clauses
    # (正在编制实施方案 is work, but not on a task to 开工). The clause, not the statement: in
    # 加装电梯已开工12台，屋面改造处于前期工作阶段 the lifts move while the roofs wait (Status 4).
    stated = evidence.tiers.get("not_started", [])
    progress = [
        item
        for name in ("done", "on_track", "done_part", "reported")
        for item in evidence.tiers.get(name, [])
        if not _preparatory(item, cells) and not any(_one_clause(item, n, cells) for n in stated)
    ]
    not_started = (
        evidence.tiers.get("not_started")
        or _milestone(cells, pieces)
        or _preparation_only(cells, evidence)
        or _rest_prepared(cells, evidence)
    )
    if not not_started and not progress:
        not_started = evidence.tiers["not_started"] = _planned_start(pieces)
    elif not not_started and (ahead := _start_ahead(pieces, progress, evidence, cells)):
        not_started, progress = ahead, []  # what the progress reports is the start's preparation
    if not not_started and (urged := _urged_only(cells, evidence)):
        not_started, progress = urged, []  # only others urged to act: the act is still asked for
    evidence.tiers["not_started"] = [] if progress else not_started
    if not_started and progress:
        # One part not started while the rest moves: the task is behind (gold conventions, Status 4).
        evidence.add("behind", *not_started)
        evidence.tiers["done"] = evidence.tiers["done_part"] = []
    if evidence.completion is not None and evidence.completion < 1:
        # A stated share of the whole below 100% outweighs a step said done (联审联批全部完成, 46.67%).
        evidence.tiers["done"] = evidence.tiers["done_part"] = []

    for index, name in enumerate(rules.order):
        items = evidence.tiers.get(name)
        if items:
            status = rules.tiers[name].status
            decided = {(i.field, i.span) for i in items}
            for lower in rules.order[index + 1 :]:
                others = [i for i in evidence.tiers.get(lower, []) if (i.field, i.span) not in decided]
                evidence.set_aside(_outranked(name), *others)
            return Status(
                value=status,  # type: ignore[arg-type]
                evidence=_sorted(items, cells),
                completion=evidence.completion,
                schedule=evidence.schedule,
                set_aside=_bounded(evidence.aside),
            )
    return Status(
        value="unknown",
        completion=evidence.completion,
        schedule=evidence.schedule,
        set_aside=_bounded(evidence.aside),
    )


@cache
def _outranked(tier: str) -> str:
    """The reason an item of a lower tier is set aside, one string per tier (kept by every row)."""
    return f"outranked by the {tier} evidence, which decides first"


MAX_SET_ASIDE = 12  # what an analyst can read beside a row; the output stays bounded


def _bounded(aside: list[SetAside]) -> list[SetAside]:
    unique = {(a.item.field, a.item.span, a.reason): a for a in aside}
    return list(unique.values())[:MAX_SET_ASIDE]


def resumptions(piece: Piece) -> list[Item]:
    """Non-negated resumptions of work in a piece (现已复工, 恢复施工): data/status.toml [resumed]; one in a
    clause of what is yet to come (计划下月重启, 争取尽快复工) is only sought."""
    rules = status_rules()
    if not may_hold(rules.resumed, piece.view):
        return []
    return [
        _item(piece, *m.span(), "resumed")
        for m in rules.resumed.finditer(piece.view)
        if not _negated(piece.view, m.start())
        and not vocabulary("future_clause").search(piece.view[_clause_start(piece.view, m.start()) or 0 : m.start()])
        and not _forecast_scope(piece.view, m.start())
    ]


def _not_resumed(stops: list[Item], pieces: list[Piece]) -> list[Item]:
    """The stops that no resumption follows in the same cell (前期因疫情停工，现已复工 is no stop)."""
    resumed = [r for p in pieces for r in resumptions(p)]
    return [s for s in stops if not any(r.field == s.field and r.span[0] >= s.span[1] for r in resumed)]


def _one_clause(a: Item, b: Item, cells: dict[str, str]) -> bool:
    """Two items of one clause of one cell: 即将开工建设 is not started, not 开工建设 under way; in
    並已為全面檢討這項計劃展開籌備工作 the 已 belongs to the preparation."""
    if a.field != b.field:
        return False
    low, high = min(a.span[0], b.span[0]), max(a.span[1], b.span[1])
    return not _CLAUSE_BREAK.search(cells.get(a.field, "")[low:high])


def _of_cell(source: str, view: str, text: str, span: tuple[int, ...]) -> bool:
    """Whether the item ``text`` at ``span`` of a cell reads as that stretch of it (its text there, or
    the same view): the text compared first, so the item's own view is made only when the texts differ."""
    start, end = span[0], span[1]
    return source[start:end] == text or view[start:end] == match_view(text)


def _clause(item: Item, cells: dict[str, str]) -> str:
    """The matching view of the clause of its cell an item stands in."""
    return _clause_in(cells.get(item.field) or item.text, item.text, tuple(item.span))


@lru_cache(maxsize=256)
def _clause_in(source: str, text: str, span: tuple[int, ...]) -> str:
    """_clause of the item ``text`` at ``span`` of ``source``: read once per item, though four steps
    of a row's reading ask for it (planned clauses, steps done, preparation, the rest prepared)."""
    view = match_view(source)
    if not _of_cell(source, view, text, span):
        return match_view(text)  # an item not of the cell's text (a caller's own): itself
    return view[_clause_start(view, span[0]) or 0 : _clause_end(view, span[1])]


def _preparatory(item: Item, cells: dict[str, str]) -> bool:
    """Whether an item's clause reports preparation (可研, 招标, 前期工作), not the main action, or
    goes on from a clause of its sentence that does (正在编制可研报告，目前已完成初稿)."""
    return _preparatory_in(cells.get(item.field) or item.text, item.text, tuple(item.span))


@lru_cache(maxsize=256)
def _preparatory_in(source: str, text: str, span: tuple[int, ...]) -> bool:
    """_preparatory of the item ``text`` at ``span`` of ``source``, read once per item (asked by the
    progress read, the preparation-only and the rest-prepared steps of a row)."""
    preparation = status_rules().milestone.preparation
    clause = _clause_in(source, text, span)
    if may_hold(preparation, clause) and preparation.search(clause):
        return True
    view = match_view(source)
    if not _of_cell(source, view, text, span):
        return False
    clause_start = _clause_start(view, span[0]) or 0
    sentence_start = _sentence_start(view, span[0])
    if clause_start <= sentence_start:
        return False  # the sentence's first clause
    previous_start = _clause_start(view, clause_start - 1, sentence_start)
    previous_start = sentence_start if previous_start is None else previous_start
    if _COUNTED.search(view, clause_start, _clause_end(view, span[1])):
        return False  # a clause with a count of its own (完成改造小区3个) reports its own works
    return bool(preparation.search(view[previous_start:clause_start]))


_COUNTED = compile_rule(r"\d")


def _contains(piece: Piece, item: Item) -> bool:
    return item.field == piece.field and piece.start <= item.span[0] and item.span[1] <= piece.start + len(piece.text)


def _planned(pieces: list[Piece], cells: dict[str, str]) -> tuple[float, Item] | None:
    """The schedule the row states: 预定进度89.01% in its text, or a number under a 预定进度 column."""
    rules = status_rules()
    for piece in pieces:
        match = rules.planned.search(piece.view) if may_hold(rules.planned, piece.view) else None
        if match is not None and not _negated(piece.view, match.start()):
            return float(match.group("num")) / 100, _item(piece, *match.span(), rules.planned_id)
    for key in _side_columns(cells):
        if rules.planned_column.search(match_view(key)):
            text = cells[key]
            match = _BARE_SHARE.match(match_view(text))
            if match is not None and float(match.group("num")) <= 100:  # a share, not a year or a day
                start, end = match.start("num"), match.end("percent") if match.group("percent") else match.end("num")
                return float(match.group("num")) / 100, Item(
                    text=text[start:end], field=key, span=(start, end), rule=rules.planned_id
                )
    return None


def _within_planned(piece: Piece, match: regex.Match[str], evidence: _Evidence) -> bool:
    """Whether a share read is the planned one (计划完成进度60%): the schedule, not a completion."""
    if evidence.planned is None:
        return False
    planned = evidence.planned[1]
    start, end = piece.start + match.start(), piece.start + match.end()
    return planned.field == piece.field and planned.span[0] <= start and end <= planned.span[1]


_LEADING_ENUMERATOR = compile_rule(expand(r"\s*{ENUMERATOR}"))  # used with .match at a sentence start


def stated_period(text: str, start: int, period: Period | None) -> Period | None:
    """The date a share at offset ``start`` of a cell stands at: the period its own sentence states
    before it (1-6月，全市…支出318.54亿元，完成年初预算的54.8%; 截至9月底已完成…), else the report's.
    A row may report a figure to another date than the title's, or the document may give none."""
    view = match_view(text)
    sentence = _sentence_start(view, start)
    head = _LEADING_ENUMERATOR.match(view, sentence)  # 2.1-6月: the item's number is no date
    stated = find_period(None, [text[head.end() if head else sentence : start]])
    return stated if stated is not None and stated.elapsed is not None else period


def _completion_shares(pieces: list[Piece], period: Period | None, evidence: _Evidence, cells: dict[str, str]) -> None:
    rules = status_rules()
    for piece in pieces:
        if piece.kind not in rules.completion_scope:
            continue
        matches = list(rules.completion.finditer(piece.view)) if may_hold(rules.completion, piece.view) else []
        if any(_EXPLICIT_RATE.match(m.group()) for m in matches):
            # 完成30%，完成率100%: the stated rate is the task's share; a bare 完成30% beside it is a level
            matches = [m for m in matches if not _BARE_DONE_SHARE.match(m.group())]
        for match in matches:
            if _negated(piece.view, match.start()) or _within_planned(piece, match, evidence):
                continue
            share = float(match.group("num")) / 100
            if full_year_forecast(piece.text, match.start()):  # 预计全年…，占年度计划的95%
                evidence.forecast(share, [_item(piece, *match.span(), rules.completion_forecast_id)])
            else:
                item = _item(piece, *match.span(), rules.completion_id)
                evidence.share(share, [item], _period_at(item, cells, period))


_EXPLICIT_RATE = compile_rule(r"完成率")
_BARE_DONE_SHARE = compile_rule(r"(?:已|累计)?完成(?:了)?[ \t]{0,3}\d")


def _period_at(item: Item, cells: dict[str, str], period: Period | None) -> Period | None:
    text = cells.get(item.field) or ""
    if text[item.span[0] : item.span[1]] != item.text:
        return period  # an item not of the cell's text (a caller's own)
    return stated_period(text, item.span[0], period)


_BARE_SHARE = compile_rule(r"^\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<percent>%)?\s*$")
# A percent opening a progress cell with a note in brackets after it (50%（马站未开工）, 80% (主体完工)):
# the share, as alone.
_NOTED_SHARE = compile_rule(r"^\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<percent>%)\s*(?=[(（【\[])")


def _bare_shares(
    cells: dict[str, str],
    figures: list[Figure],
    period: Period | None,
    evidence: _Evidence,
    assessments: list[Assessment],
    headers: Mapping[str, str],
) -> None:
    """A number alone as a completion share: in the status cell (a 完成进度 or 完成率 column: 51, 95%),
    in a progress column whose header names a share (形象进度(%) | 60), or a percent alone as the whole
    progress of a task that sets no rate of its own (95% of 建设某项目; 28.97% against 增长6%以上, in the
    task or a 年度目标 column, is the rate achieved, which assess.py pairs with its target)."""
    rule = status_rules().completion_id
    rated = any(a.gap_unit == "pp" and a.actual is not None and a.actual.field == "progress" for a in assessments)
    rate_columns = [key for key in _side_columns(cells) if vocabulary("share_column").search(match_view(key))]
    for key in ("status", "progress", *rate_columns):
        text = cells.get(key) or ""
        match = _BARE_SHARE.match(match_view(text)) or _NOTED_SHARE.match(match_view(text))
        share_header = key == "progress" and bool(vocabulary("share_column").search(match_view(headers.get(key) or "")))
        if match is None or (key == "progress" and not match.group("percent") and not share_header):
            continue
        if not match.group("percent") and _YEAR.match(match.group("num")):
            continue  # 2024 under 形象进度: a year, no share
        if key == "progress" and (rated or any(f.field == "task" and f.kind in ("change", "percent") for f in figures)):
            continue
        if key == "progress" and vocabulary("rate_indicator").search(match_view(cells.get("task") or "")):
            continue  # 地区生产总值增长率 | 9.8%: the indicator's level, no share of the task done
        share = float(match.group("num")) / 100
        item = Item(text=text[match.start("num") : match.end()].rstrip(), field=key, span=(0, 0), rule=rule)
        item = item.model_copy(update={"span": (match.start("num"), match.start("num") + len(item.text))})
        evidence.share(share, [item], period)


_YEAR = compile_rule(r"^(?:19|20)\d{2}$")

# A number alone in a cell, with a short unit after it (95, 99%, 4个); a longer unit (180平方米) names
# a quantity the figures reader reads.
_BARE_NUMBER = compile_rule(r"^\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%|\p{Han}{1,2})?\s*$")
# (Header words of the column pair: data/status.toml [vocabulary] actual_header, gap_header, level.)
_COLUMN_PAIR = "figure.columns"
_DATED = compile_rule(r"((?:19|20)\d{2})\s*年")


def _actual_header(key: str, period: Period | None) -> bool:
    """Whether a side column's header names this year's actual (实际完成值, 2024年完成数 in a 2024 report):
    not an earlier year's (上年完成数, 去年实际完成值, 2023年完成数), which no target of this year measures."""
    header = match_view(key)
    if not vocabulary("actual_header").search(header) or vocabulary("earlier_year").search(header):
        return False
    dated = _DATED.search(header)
    return dated is None or period is None or period.year is None or int(dated.group(1)) == period.year


def _bare_number(cells: dict[str, str], key: str) -> tuple[float, str, Item] | None:
    """The number alone in a cell (its value, its unit, the number and unit as an item), or None."""
    text = cells.get(key) or ""
    match = _BARE_NUMBER.match(match_view(text))
    if match is None or _YEAR.match(match.group("num")):
        return None
    start, end = match.start("num"), match.end("unit") if match.group("unit") else match.end("num")
    item = Item(text=text[start:end], field=key, span=(start, end), rule=_COLUMN_PAIR)
    return float(match.group("num")), match.group("unit") or "", item


def _one_actual(cells: dict[str, str], period: Period | None, target_key: str) -> tuple[float, str, Item] | None:
    """The one number alone that is the row's actual beside its target column (the progress cell, or a
    side column naming this year's actual); None when there is none or more than one."""
    keys = ["progress", *(k for k in _side_columns(cells) if k != target_key and _actual_header(k, period))]
    actuals = [found for key in keys if (found := _bare_number(cells, key)) is not None]
    return actuals[0] if len(actuals) == 1 else None


def _bare_columns(
    cells: dict[str, str],
    period: Period | None,
    evidence: _Evidence,
    assessments: list[Assessment],
    headers: Mapping[str, str],
) -> None:
    """A number alone under the row's one target column (目標 | 95, 年度目标 | 15) against a number alone
    as its actual in the same unit (the progress cell, or a column naming the actual: 實際表現 | 99): the
    row's own target against its actual, whatever the indicator, read from the table's structure where the
    figures reader makes no figure of a bare number. A total's share is held against the time elapsed,
    as any share (100% and over: done). A level (a percent or a rate in its headers) reaching its
    target is met — on track, done once the year is over; one below it is not read, as a bare number
    does not tell a floor from a ceiling (办理时限 | 5 against 3). Not for a rate indicator (失业率), nor
    where the row states its share itself (完成进度 | 50) or the figures made a pair already."""
    if evidence.completion is not None or any(a.actual is not None for a in assessments):
        return
    if vocabulary("rate_indicator").search(match_view(cells.get("task") or "")):
        return
    targets = [
        found
        for key in _side_columns(cells)
        if target_column(key) and not vocabulary("gap_header").search(match_view(key))
        if (found := _bare_number(cells, key)) is not None
    ]
    if len(targets) != 1:
        return
    target, target_unit, target_item = targets[0]
    if (found := _one_actual(cells, period, target_item.field)) is None:
        return
    actual, actual_unit, actual_item = found
    if target <= 0 or target_unit != actual_unit:
        return  # a target with a unit against a bare number (12所 | 8): withdrawn (tests/test_target_columns.py)
    header = match_view(f"{headers.get(target_item.field) or target_item.field} {headers.get(actual_item.field) or ''}")
    items = (target_item, actual_item)
    names = [match_view(cells.get("task") or ""), *(match_view(headers.get(i.field) or i.field) for i in items)]
    level = bool(vocabulary("level").search(header)) or "%" in (target_unit, actual_unit)
    ceiling = any(vocabulary("ceiling_indicator").search(n) for n in names) or (
        not level and any(vocabulary("ceiling_time").search(n.strip()) for n in names)
    )
    if ceiling and actual > target:
        return  # over a ceiling (轮候时间 | 3 | 4.5, 控制目标 | 1 | 3): a miss, not more than done
    if level:
        if actual >= target:
            year_over = period is not None and (period.elapsed or 0) >= 1
            evidence.add("done" if year_over else "on_track", target_item, actual_item)
        return
    evidence.share(round(actual / target, 4), [target_item, actual_item], period)


def _bound(cells: dict[str, str], key: str) -> tuple[str, float, str, Item] | None:
    """A bound alone in a cell (≥50个, ≤90万元, 不低于95%, 100%以上): its direction ("floor" or
    "ceiling", data/status.toml [bound]), value, unit and the bound as an item; None when the cell holds
    anything else or no comparator."""
    text = cells.get(key) or ""
    match = _bound_pattern().match(match_view(text))
    if match is None:
        return None
    word = (match.group("cmp") or match.group("tail") or "").strip()
    direction = "floor" if vocabulary("bound_floor").fullmatch(word) else "ceiling"
    start, end = match.span("bound")
    item = Item(text=text[start:end], field=key, span=(start, end), rule=_BOUND_PAIR)
    return direction, float(match.group("num")), match.group("unit") or "", item


@cache
def _bound_pattern() -> regex.Pattern[str]:
    floor, ceiling = load("status")["vocabulary"]["bound_floor"], load("status")["vocabulary"]["bound_ceiling"]
    words = f"(?:{floor['pattern']})|(?:{ceiling['pattern']})"
    return compile_rule(
        rf"^\s*(?P<bound>(?P<cmp>{words})?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%|\p{{Han}}{{1,4}}?)?\s*(?P<tail>以上|以下|以内)?)\s*[。.]?\s*$"
    )


_BOUND_PAIR = "figure.bound"


def _bound_columns(
    cells: dict[str, str],
    period: Period | None,
    evidence: _Evidence,
    assessments: list[Assessment],
    headers: Mapping[str, str],
) -> None:
    """A bound under the row's one target column (年度指标值 | ≥50个, 指标值 | ≤90万元, 目标 | 不低于95%)
    against a number alone as its actual (the progress cell, or a column naming the actual): the comparator
    tells a floor from a ceiling, which a bare target does not (_bare_columns). Met: a floor count or
    amount reached is the task done; a level (%, 率) reached or a ceiling kept is on track, done once the
    year is over. Missed:
    behind at the year's end, or for a ceiling broken at any date; a floor not yet reached mid-year is a
    share of it, held against the time elapsed."""
    if evidence.completion is not None or any(a.actual is not None for a in assessments):
        return
    if any(evidence.tiers.get(name) for name in ("done", "behind", "stalled")):
        return
    bounds = [
        (key, found)
        for key in _side_columns(cells)
        if target_column(key) and not vocabulary("gap_header").search(match_view(key))
        if (found := _bound(cells, key)) is not None
    ]
    if len(bounds) != 1:
        return
    key, (direction, target, unit, target_item) = bounds[0]
    if not _has_comparator(target_item.text):
        return
    if (found := _one_actual(cells, period, key)) is None:
        return
    actual, actual_unit, actual_item = found
    if actual_unit and unit and actual_unit != unit:
        return
    items = (target_item, actual_item)
    level = "%" in (unit, actual_unit) or bool(
        vocabulary("level").search(match_view(f"{unit} {headers.get(key) or key}"))
    )
    year_over = period is not None and (period.elapsed or 0) >= 1
    met = actual >= target if direction == "floor" else actual <= target
    if met:
        # a floor count or amount reached is the thing made; a level kept, or a ceiling kept, is done
        # only once the year is over
        reached = direction == "floor" and not level
        evidence.add("done" if year_over or reached else "on_track", *items)
    elif direction == "ceiling" or year_over:
        evidence.add("behind", *items)
    elif target > 0 and not level:
        evidence.share(round(actual / target, 4), list(items), period)


def _has_comparator(text: str) -> bool:
    view = match_view(text)
    return bool(vocabulary("bound_floor").search(view) or vocabulary("bound_ceiling").search(view))


def _milestone(cells: dict[str, str], pieces: list[Piece]) -> list[Item]:
    """A task to start (力争开工…) whose progress is preparation only: the task cue and the preparation."""
    milestone = status_rules().milestone
    task = cells.get("task") or ""
    cue = milestone.task.search(match_view(task))
    if cue is None:
        return []
    progress = [p for p in pieces if p.kind in ("progress", "forecast")]
    if any(_names_works(p.view) for p in progress):
        return []
    found = [_item(p, *m.span(), milestone.id) for p in progress for m in milestone.preparation.finditer(p.view)]
    if not found:
        return []
    task_item = Item(text=task[cue.start() : cue.end()], field="task", span=cue.span(), rule=milestone.id)
    return [task_item, *found]


def _names_works(view: str) -> bool:
    """Whether a progress names works begun (milestone.reached: 正在进行基础施工, 铺设, 主体) where it
    reports them: 将于近期启动建设 only plans them, and so does every clause a forecast governs
    (预计5月底进场施工，9月底完工: _forecast_scope)."""
    reached = status_rules().milestone.reached
    return may_hold(reached, view) and any(not _forecast_scope(view, m.start()) for m in reached.finditer(view))


def _drop_planned_clauses(evidence: _Evidence, cells: dict[str, str]) -> None:
    """Work cues standing in a clause of what is yet to come (one that opens so, or one a forecast of
    its sentence governs: _forecast_scope) are set aside, not read as progress."""
    for name in ("done", "on_track", "done_part", "reported"):
        items = evidence.tiers.get(name, [])
        planned = [i for i in items if vocabulary("future_clause").search(_clause(i, cells)) or _forecast(i, cells)]
        if planned:
            evidence.tiers[name] = [i for i in items if i not in planned]
            evidence.set_aside("a clause of what is yet to come, no report", *planned)


def _asked(item: Item, cells: dict[str, str]) -> bool:
    """Whether a completion stands in a clause that asks for it (要求限期整改到位, 督促施工单位于6月底前
    全部完工: vocabulary ``demand`` before it in its clause) or aims at it (为有效解决停车难问题: ``purpose``
    opening its clause): a demand or a goal, no report of it done."""
    source = cells.get(item.field) or ""
    view = match_view(source)
    if not _of_cell(source, view, item.text, tuple(item.span)):
        return False
    start = _clause_start(view, item.span[0]) or 0
    return bool(vocabulary("demand").search(view, start, item.span[0]) or vocabulary("purpose").match(view, start))


def _drop_asked_completions(evidence: _Evidence, cells: dict[str, str]) -> None:
    """Done cues asked for or aimed at (_asked) are set aside: the demand made is work reported by
    its own verb (已下发整改通知书), the completion is not."""
    for name in ("done", "done_part"):
        items = evidence.tiers.get(name, [])
        asked = [i for i in items if _asked(i, cells)]
        if asked:
            evidence.tiers[name] = [i for i in items if i not in asked]
            evidence.set_aside("a completion asked for or aimed at, no report of it done", *asked)


def _steps_done(evidence: _Evidence, cells: dict[str, str]) -> None:
    """Something said done (已完成, 已建成) in a clause naming a part of the task (其中, 主体, 一期 …) or its
    preparation (可行性研究报告已完成, 方案已通过) is a step done: work reported moving (the lowest
    tier), not the task done."""
    items = evidence.tiers.get("done_part", [])
    preparation = status_rules().milestone.preparation
    steps = [i for i in items if vocabulary("part").search(c := _clause(i, cells)) or preparation.search(c)]
    if steps:
        evidence.tiers["done_part"] = [i for i in items if i not in steps]
        evidence.set_aside("a part or a preparation of the task done, not the whole task", *steps)
        evidence.add("reported", *(i.model_copy(update={"rule": _STEP_DONE}) for i in steps))


_STEP_DONE = "on_track.step"  # something done that is a step of the task: work moving


@dataclass(frozen=True, slots=True)
class ObjectRules:
    id: str
    step_id: str
    generic: regex.Pattern[str]
    count: regex.Pattern[str]
    not_whole: regex.Pattern[str]
    continuing: regex.Pattern[str]


@cache
def object_rules() -> ObjectRules:
    data = load("status")["object_done"]
    words = sorted((match_view(w) for w in data["generic"]), key=len, reverse=True)
    return ObjectRules(
        id=data["id"],
        step_id=data["step_id"],
        generic=compile_rule("|".join(regex.escape(w) for w in words)),
        count=compile_rule(data["count"]),
        not_whole=compile_rule(data["not_whole"]),
        continuing=compile_rule(data["continuing"]),
    )


_HAN_RUN = compile_rule(r"\p{Han}{2,}")


@lru_cache(maxsize=256)
def _object_words(view: str) -> frozenset[str]:
    """The Han bigrams of a view once its generic words ([object_done] generic) are taken out: the
    words that tell what a task or a claim is about."""
    rest = object_rules().generic.sub(" ", view)
    return frozenset(run[i : i + 2] for run in _HAN_RUN.findall(rest) for i in range(len(run) - 1))


def _counts(view: str) -> dict[str, float]:
    found: dict[str, float] = {}
    for match in object_rules().count.finditer(view):
        found.setdefault(match.group("unit"), float(match.group("n")))
    return found


def _claim_of_task(item: Item, cells: dict[str, str], issued: bool = False) -> str | None:
    """What a completion claim finishes: "task" when its clause (with the clauses of its sentence
    before it) shares a word with the task and names no part, preparation, share, amount or tally and
    no fewer than the task counts; "step" when it names one of those (已建成9座 of 建成15座, 其中…已完成);
    "other" when its subject (the sentence before the verb) names an object the task does not share;
    None when it names none (项目已完成, 目前已正式运营: the task itself). ``issued``: the task's own
    one-off act said done (status.toml [vocabulary.act_*]): its subject is the doer (市政府已印发《…》),
    its object the words after the verb, which decide when they share a word with the task."""
    source = cells.get(item.field) or ""
    view = match_view(source)
    if not _of_cell(source, view, item.text, tuple(item.span)):
        return None
    rules = object_rules()
    start = _clause_start(view, item.span[0]) or 0
    end = _clause_end(view, item.span[1])
    clause = view[start:end]
    sentence = _sentence_start(view, item.span[0])
    if rules.not_whole.search(clause) or vocabulary("part").search(view, min(start, sentence), end):
        return "step"
    if status_rules().milestone.preparation.search(clause):
        return "step"
    task = match_view(cells.get("task") or "")
    asked, done = _asked_counts(cells), _counts(clause)
    if any(unit in asked and not asked[unit] <= n <= 2 * asked[unit] for unit, n in done.items()):
        return "step"  # fewer than asked, or past twice it: another scale
    task_words = _object_words(task)
    if issued and (document := _issued_document(view[item.span[1] : end], task)):
        return document
    if issued and (issued_object := _object_words(view[item.span[1] : end])) & task_words:
        return _every_object(task, issued_object)
    subject = _object_words(view[sentence : item.span[0]])
    if subject:
        return _every_object(task, subject) if subject & task_words else "other"
    claimed = _object_words(view[item.span[0] : end])
    if claimed & task_words:
        return _every_object(task, claimed)
    # no object named, but the count the task asks, in its measure (已完成20个 of 改造老旧小区20个)
    return "task" if any(unit in asked for unit in done) and not claimed else None


def _issued_document(issued_object: str, task: str) -> str | None:
    """What an issued document is to the task (status.toml document_head, document_draft): "step" when
    the document named last is a draft (已出台《…办法》征求意见稿); "other" when it names a document
    whose head noun the task's does not share (已印发工作通知 of 印发实施方案); None when it names no
    document or the task's own."""
    heads = [m.group() for m in vocabulary("document_head").finditer(issued_object)]
    if not heads:
        return None
    if vocabulary("document_draft").match(heads[-1]):
        return "step"
    asked = {m.group() for m in vocabulary("document_head").finditer(task)}
    return "other" if asked and not asked.intersection(heads) else None


def _every_object(task: str, claimed: frozenset[str]) -> str:
    """ "task" when the claim names every object a task joins (status.toml object_joint: 及, 和, 、 —
    建设城东污水处理厂及配套管网), else "step": one object of two finished is not the task done."""
    parts = [words for part in vocabulary("object_joint").split(task) if (words := _object_words(part))]
    return "task" if len(parts) < 2 or all(words & claimed for words in parts) else "step"


def _ends_progress(item: Item, cells: dict[str, str]) -> bool:
    """Whether a claim's clause ends the progress cell, the cell ending a sentence: the row's last word
    on the task (more work after it, or a cell cut short, leaves the claim a step)."""
    source = cells.get(item.field) or ""
    view = match_view(source)
    if not vocabulary("cell_ended").search(view):
        return False
    end = _clause_end(view, item.span[1])
    return not regex.search(r"\p{Han}|\d", view[end:])


def _object_done(evidence: _Evidence, cells: dict[str, str]) -> None:
    """A completion claim read against the task (data/status.toml [object_done]): a finished verb
    reported (已完成36个文明示范楼道建设。) whose object is the task's own, ending the progress, is the
    task done where nothing else moves (done_part, below on_track); a done whose subject names another
    object (…管考會議已完成 for a task of a development plan) is a step done, work moving."""
    task = cells.get("task") or ""
    if not task.strip():
        return
    rules = object_rules()
    verb = vocabulary("completion_verb")
    # the task's own one-off act said done (status.toml [vocabulary.act_*]: 出台, 挂牌, 举办 …)
    issued = _own_act(match_view(task))
    # a document's name is a name (《…管理办法》 asks no continuing 管理): read the task without it
    if not rules.continuing.search(_TITLED.sub("", match_view(task))):
        claims = [
            i
            for i in evidence.tiers.get("reported", [])
            if i.field == "progress"
            and (verb.match(match_view(i.text)) or (issued is not None and issued.match(match_view(i.text))))
            and i.rule != _STEP_DONE
        ]
        whole = not rules.not_whole.search(match_view(cells.get("progress") or ""))
        found = [
            i
            for i in claims
            if whole
            and _ends_progress(i, cells)
            and _claim_of_task(i, cells, issued=_issued(i, issued)) == "task"
            and not _negated_item(i, cells)
            and not _asked(i, cells)
        ]
        if found and not evidence.tiers.get("done_part"):
            evidence.add("done_part", *(i.model_copy(update={"rule": rules.id}) for i in found))
    # (Tried and withdrawn: a done whose subject names another object ("other"), or whose clause or
    # sentence names a part, share or amount ("step"), set aside as a step: the held-out quarter of dev
    # lost four rows and one. Only a count short of the task's is.)
    steps = [i for i in evidence.tiers.get("done_part", []) if _count_short(i, cells)]
    if steps:
        evidence.tiers["done_part"] = [i for i in evidence.tiers["done_part"] if i not in steps]
        evidence.set_aside("the completion counts fewer than the task asks: a step", *steps)
        evidence.add("reported", *(i.model_copy(update={"rule": rules.step_id}) for i in steps))


def _issued(item: Item, issued: regex.Pattern[str] | None) -> bool:
    """Whether a claim is the task's own one-off act said done (_own_act)."""
    return issued is not None and bool(issued.match(match_view(item.text)))


@lru_cache(maxsize=256)
def _own_act(task_view: str) -> regex.Pattern[str] | None:
    """The claims that report the task's own one-off acts done: the `claim` patterns of the families of
    status.toml [vocabulary.act_*] whose task pattern the task holds, as one pattern; None when none."""
    claims = [claim.pattern for task, claim in _own_acts() if task.search(task_view)]
    return compile_rule("|".join(f"(?:{c})" for c in claims)) if claims else None


@cache
def _own_acts() -> tuple[tuple[regex.Pattern[str], regex.Pattern[str]], ...]:
    """The families of one-off acts (status.toml [vocabulary.act_<family>_task] and …_claim): what a
    task asks, and the act reported done."""
    names = load("status")["vocabulary"]
    families = [name.removesuffix("_task") for name in names if name.startswith("act_") and name.endswith("_task")]
    return tuple((vocabulary(f"{family}_task"), vocabulary(f"{family}_claim")) for family in families)


_TITLED = compile_rule(r"[《〈][^《》〈〉]{1,40}[》〉]")


def _count_short(item: Item, cells: dict[str, str]) -> bool:
    """Whether a done's clause counts fewer than the task asks of the same measure (已建成9座 of 建成15座)."""
    source = cells.get(item.field) or ""
    view = match_view(source)
    if not _of_cell(source, view, item.text, tuple(item.span)):
        return False
    clause = view[_clause_start(view, item.span[0]) or 0 : _clause_end(view, item.span[1])]
    asked, done = _asked_counts(cells), _counts(clause)
    return any(unit in asked and n < asked[unit] for unit, n in done.items())


def _asked_counts(cells: dict[str, str]) -> dict[str, float]:
    """The counts the row asks for: the task's, and a target column's where the task names none of
    that measure (工作任务 新建城区幼儿园 | 目标 新建3所: 3所). A side column is keyed by its header;
    an aim header (status.toml aim_header: 目标, 年度目标, 预期目标) says its cell is the target."""
    asked = dict(_counts(match_view(cells.get("task") or "")))
    for key, text in cells.items():
        if text and vocabulary("aim_header").search(match_view(key)):
            for unit, n in _counts(match_view(text)).items():
                asked.setdefault(unit, n)
    return asked


def _negated_item(item: Item, cells: dict[str, str]) -> bool:
    view = match_view(cells.get(item.field) or "")
    return _negated(view, item.span[0])


def _works_ahead(evidence: _Evidence, pieces: list[Piece]) -> None:
    """Something said done while the row's progress says works are yet to come (一期已建成，二期计划6月
    开工; 主体已完工，预计9月底竣工): works to come named in what a forecast governs (_forecast_scope)
    leave the task unfinished — the done is a step, work moving (gold conventions: done needs the whole task)."""
    done = [i for name in ("done", "done_part") for i in evidence.tiers.get(name, [])]
    if not done:
        return
    milestone = status_rules().milestone
    ahead = [
        _item(piece, *m.span(), "works_ahead")
        for piece in pieces
        if piece.field == "progress" and piece.kind in ("progress", "plan", "forecast")
        for pattern in (milestone.reached, milestone.task)
        for m in (pattern.finditer(piece.view) if may_hold(pattern, piece.view) else ())
        if _forecast_scope(piece.view, m.start())
        or vocabulary("future_clause").search(piece.view[_clause_start(piece.view, m.start()) or 0 : m.start()])
    ]
    ahead = [a for a in ahead if not _met(a, done)]
    if not ahead:
        return
    evidence.tiers["done"] = evidence.tiers["done_part"] = []
    evidence.set_aside("works are yet to come in the row: a step done, not the whole task", *done)
    evidence.add("reported", *(i.model_copy(update={"rule": _STEP_DONE}) for i in done))


def _met(ahead: Item, done: list[Item]) -> bool:
    """Whether a work planned (计划6月竣工) is reported done after it in its cell by the same word
    (已于5月提前竣工): a planned date already met, no work still to come."""
    word = match_view(ahead.text)
    return any(d.field == ahead.field and d.span[0] >= ahead.span[1] and word in match_view(d.text) for d in done)


def _planned_start(pieces: list[Piece]) -> list[Item]:
    """A start the progress only plans (计划5月开始动工, 预计下月开工) in a row reporting nothing done or
    moving: the main action has not begun (not_started). Beside work reported, a planned start of
    another part is no delay and is not read."""
    task = status_rules().milestone.task
    return [
        _item(piece, *m.span(), _PLANNED_START)
        for piece in pieces
        if piece.kind in ("plan", "forecast") and piece.field == "progress" and not _reports_work(piece.view)
        for m in task.finditer(piece.view)
        if not _negated(piece.view, m.start())
    ]


_PLANNED_START = "not_started.planned"


def _start_ahead(pieces: list[Piece], progress: list[Item], evidence: _Evidence, cells: dict[str, str]) -> list[Item]:
    """A start of the works the progress plans after everything it reports (正在办理风评手续，预计9月底开工;
    正在招投标，计划下月开工): the works have not begun, so what is reported before the start is its
    preparation, whatever it is called — the row is not started (gold conventions, Status 2). Not when
    the progress names works begun or something done, nor when a report follows the planned start."""
    if any(evidence.tiers.get(name) for name in ("done", "done_part")):
        return []
    planned = _planned_start(pieces)
    if not planned or any(i.field != "progress" for i in progress):
        return []
    view = match_view(cells.get("progress") or "")
    if _names_works(view) or _part_done_before_rest(view):
        return []
    first = min(p.span[0] for p in planned)
    if any(i.span[0] >= first for i in progress):
        return []
    return [*planned, *(i.model_copy(update={"rule": _PREPARATION_ONLY}) for i in progress)]


def _part_done_before_rest(view: str) -> bool:
    """Whether a count of parts done comes before a clause of the rest (已完成6个，剩余4个正在办理规划手续):
    the planned start after it is the rest's, and the task is begun (no preparation only)."""
    done = vocabulary("done_count").search(view)
    if done is None:
        return False
    remainder = vocabulary("remainder")
    return any(remainder.match(view[at + 1 :]) for at in range(done.end(), len(view)) if view[at] in "，,；;。.")


def _reports_work(view: str) -> bool:
    """Whether a clause of a plan sentence reports work done or moving other than preparation
    (一期已建成 does; 已完成施工招标 does not)."""
    preparation, moving = status_rules().milestone.preparation, vocabulary("done_or_moving")
    for match in moving.finditer(view):
        start = _clause_start(view, match.start()) or 0
        if not preparation.search(view, start, _clause_end(view, match.end())) and not _forecast_scope(
            view, match.start()
        ):
            return True
    return False


def _preparation_only(cells: dict[str, str], evidence: _Evidence) -> list[Item]:
    """A row whose progress reports preparation only (已完成施工招标，正在办理施工许可证; 正在进行项目
    选址): the main action has not begun (gold conventions, Status 2: not_started). The preparation
    items, when every piece of progress evidence is one, none comes from the task or a side column,
    the progress names no works (milestone.reached) and the task is not itself the preparation
    (编制可研报告 is its main action)."""
    milestone = status_rules().milestone
    task = match_view(cells.get("task") or "")
    if not task.strip() or milestone.preparation.search(task):
        return []  # no main action named, or the task is the preparation itself
    moving = [item for name in ("done", "on_track", "done_part", "reported") for item in evidence.tiers.get(name, [])]
    if not moving or any(i.field not in ("progress", "issues", "plan") for i in moving):
        return []
    if _names_works(match_view(cells.get("progress") or "")):
        return []
    if not all(_preparatory(item, cells) for item in moving):
        return []
    return [item.model_copy(update={"rule": _PREPARATION_ONLY}) for item in moving]


_PREPARATION_ONLY = "not_started.preparation"  # the rule id of preparation-only evidence


def _urged_only(cells: dict[str, str], evidence: _Evidence) -> list[Item]:
    """A progress cell every sentence of which asks others to act (督促…尽快安排道路硬化, 要求…尽快设立;
    status.toml urging) or states what ought to be (应当, 应切实: obligation), with nothing said done:
    the task's act is still asked for, not begun (gold conventions, Status 2: not_started). The
    evidence is each urging match."""
    if any(evidence.tiers.get(name) for name in ("stalled", "behind", "done", "done_part")):
        return []
    source = cells.get("progress") or ""
    view = match_view(source)
    if not view.strip():
        return []
    urging, obliged = vocabulary("urging"), vocabulary("obligation")

    found: list[Item] = []
    starts = [0, *(m.end() for m in _SENTENCE_BREAK.finditer(view))]
    ends = [*(m.end() for m in _SENTENCE_BREAK.finditer(view)), len(view)]
    for start, end in zip(starts, ends, strict=True):
        if not view[start:end].strip():
            continue
        match = urging.search(view, start, end)
        if match is not None and not _reports_beside(view, start, end, match):
            found.append(
                Item(text=source[match.start() : match.end()], field="progress", span=match.span(), rule=_URGED)
            )
        elif obliged.search(view, start, end) is None:
            return []
    return found


_URGED = "not_started.urged"


def _reports_beside(view: str, start: int, end: int, urging: regex.Match[str]) -> bool:
    """Whether the sentence reports work beside its urging (督促…尽快完成剩余路段，已完成硬化2公里; 目前正在
    施工): a report after the urging (task_report), or work said done or going on before it (status.toml
    work_beside: 已于6月在推进会上督促… is the urging's own date and place, no work)."""
    return bool(
        vocabulary("task_report").search(view, urging.end(), end)
        or vocabulary("work_beside").search(view, start, urging.start())
    )


def _rest_prepared(cells: dict[str, str], evidence: _Evidence) -> list[Item]:
    """The items of a clause that names the rest of the task's parts and reports their preparation
    only (其他9个完成选址和图纸设计): those parts have not started (with others moving, the row is behind).
    Not when the task is itself the preparation (重点前期项目 | 其他项目正在推进相关前期工作: its main action)."""
    if status_rules().milestone.preparation.search(match_view(cells.get("task") or "")):
        return []
    moving = [item for name in ("done", "on_track", "done_part", "reported") for item in evidence.tiers.get(name, [])]
    return [
        item.model_copy(update={"rule": _PREPARATION_ONLY})
        for item in moving
        if item.field == "progress"
        and vocabulary("remainder").search(_clause(item, cells))
        and _preparatory(item, cells)
    ]


def _benchmarked(cells: dict[str, str], pieces: list[Piece], period: Period | None, evidence: _Evidence) -> None:
    """A task held against a benchmark area (增速高于全省平均) answered by the progress's comparison
    with that same area: 高于全省0.7个百分点 meets it (done once the year is over), 低于全省0.1个百分点
    misses it (behind). Comparisons with another area (高于全市) answer nothing."""
    rules = status_rules().benchmark
    task = match_view(cells.get("task") or "")
    target = rules.task.search(task) if may_hold(rules.task, task) else None
    if target is None:
        return
    area, floor = target.group("area"), bool(target.group("floor"))
    year_over = period is not None and (period.elapsed or 0) >= 1
    for piece in pieces:
        if piece.kind not in ("progress", "forecast"):
            continue
        for pattern, tier, rule in (
            (rules.above, "done" if year_over else "on_track", rules.id_met),
            (rules.below, "behind", rules.id_missed),
        ):
            for match in pattern.finditer(piece.view):
                if match.group("area") != area or _negated(piece.view, match.start()):
                    continue
                if pattern is rules.above and match.group("equal") and not floor:
                    # level with the benchmark (与全市持平) meets 不低于全市, not 高于全市
                    evidence.add("behind", _item(piece, *match.span(), rules.id_missed))
                    continue
                evidence.add(tier, _item(piece, *match.span(), rule))


def _start_rates(pieces: list[Piece], evidence: _Evidence) -> None:
    """开复工率78%: some of the row's projects not begun while the others move (behind); 100%: all move."""
    rules = status_rules()
    for piece in pieces:
        if piece.kind not in ("progress", "forecast", "column"):
            continue
        for match in rules.start_rate.finditer(piece.view):
            if not _negated(piece.view, match.start()):
                share = float(match.group("num")) / 100
                evidence.add("behind" if share < 1 else "on_track", _item(piece, *match.span(), rules.start_rate_id))


def _growth(figure: Figure) -> bool:
    """A rise written as one (同比增长6.3%) of the document's own area, year on year or on an unstated
    basis; a bare value under a 增长率 column (7.2) states a level, no movement."""
    written = bool(_HAN.search(figure.text))
    return (
        written
        and figure.kind == "change"
        and figure.value > 0
        and figure.scope is None
        and figure.basis in (None, "yoy")
    )


_HAN = compile_rule(r"\p{Han}")


def _within_share(figure: Figure, evidence: _Evidence) -> bool:
    """Whether a figure lies inside a completion share read from the text (完成年度计划的30%)."""
    completion_id = status_rules().completion_id
    return any(
        i.rule == completion_id and i.field == figure.field and i.span[0] <= figure.span[0] <= i.span[1]
        for items in evidence.tiers.values()
        for i in items
    )


# A count's subject names what is counted only when it says more than a generic noun (项目, 企业).
_NAMED_COUNT = 3


def _shareable(target: Figure, actual: Figure, kinds: set[str], cells: dict[str, str], alone: bool = False) -> bool:
    """Whether an actual's share of a target tells the row's standing: an amount or quantity; a count
    only alone in its cell (年度目标 3家, progress 4家), named alike on both sides, or reaching the row's
    one count target of its unit (``alone``) — a count is too generic to pair inside a report by its
    unit alone (新增5个 of what?) unless it reaches the only target it could answer."""
    if target.kind in kinds:
        return True
    if target.kind != "count" or actual.kind != "count" or target.unit != actual.unit:
        return False
    if alone and actual.value >= target.value and actual.field != "task":
        # the row's one count of that unit, reached (新建公办幼儿园3所 … 建成投用幼儿园4所): a count short
        # of it may count something else (引进亿元以上项目100个 … 10亿元以上项目25个), one beyond it hardly
        return True
    named = target.subject and actual.subject and len(target.subject) >= _NAMED_COUNT
    if named and match_view(target.subject or "") == match_view(actual.subject or ""):
        return True  # one name written on both sides, in either script (家庭屋顶光伏1.2万户 … 6232户)
    after = noun_after(actual, cells)
    if after and target.subject and after in match_view(target.subject):
        return True  # the name written after the count (新增护理型床位500张 … 完成120张护理型床位建设)
    return (cells.get(actual.field) or "").strip() == actual.text


# A share computed from a pair (an actual over the task's total) far off the schedule tells of a pair that
# is not one: an actual past twice the target counts something else (17个省级部门 against 5个省辖市), and
# one under a quarter of the time elapsed answers a total of a wider area or of several years (a district's
# 24277人 against the city's 21万人 at three quarters of the year). Stated shares (完成年计划的9.4%) are
# the document's own and are always held.
MAX_PAIRED_SHARE = 2.0
MIN_PAIRED_SHARE_OF_SCHEDULE = 0.25


def _out_of_scale(share: float, period: Period | None) -> str | None:
    """Why a paired share is set aside as no measure of the task, or None when it is one."""
    if share > MAX_PAIRED_SHARE:
        return "the actual is over twice the target: it counts another subject or scale"
    elapsed = period.elapsed if period is not None else None
    if elapsed is not None and share < MIN_PAIRED_SHARE_OF_SCHEDULE * min(elapsed, 1):
        return "the actual is under a quarter of the schedule's share of the target: a total of a wider scope"
    return None


def _row_target(target: Figure) -> bool:
    """A target the row is held to: the task's, or a target column's (年度目标)."""
    return target.field == "task" or target_column(target.field)


def _in_scope(figure: Figure, pieces: list[Piece], kinds: frozenset[str]) -> bool:
    return any(p.kind in kinds and _contains(p, figure) for p in pieces)


def _mixed_directions(
    figures: list[Figure], assessments: list[Assessment], pieces: list[Piece], evidence: _Evidence
) -> None:
    """A task's one rate target (增长5%) that no actual answers alone, against rates of the progress
    of which one or more went the other way (A增长6%，B下降2%): one part late is the row late (gold
    conventions, Status 4)."""
    config = status_rules().figures
    changes = [f for f in figures if f.field == "task" and f.role == "target" and f.kind == "change" and f.value]
    if len(changes) != 1 or any(a.target == changes[0] and a.actual is not None for a in assessments):
        return
    target = changes[0]
    rates = [f for f in figures if f.field != "task" and _in_scope(f, pieces, frozenset(config["scope"]))]
    against = [
        f
        for f in rates
        if f.kind == "change"
        and f.scope is None
        and f.basis in (None, "yoy")
        and _HAN.search(f.text)
        and f.value * target.value < 0
    ]
    if against:
        evidence.add(
            "behind",
            _figure_item(target, config["direction"]),
            *(_figure_item(f, config["direction"]) for f in against),
        )


def _assessed(
    assessments: list[Assessment],
    pieces: list[Piece],
    period: Period | None,
    evidence: _Evidence,
    cells: dict[str, str],
    figures: list[Figure],
) -> None:
    """The row's target-against-actual assessments (rules/assess.py) as evidence; a rate in the
    progress that no assessment pairs is set aside, with why.

    A rate against the task target's direction, or short of it, is behind; one reaching it is on
    track; a total's share (215万 of 3000万美元) is compared with the time elapsed, or with the whole
    year when the actual is a full-year forecast (预计全年完成投资9.5亿元 of 10亿元: behind).
    """
    config = status_rules().figures
    scope = frozenset(config["scope"])
    kinds = set(config["share_kinds"])
    paired = {(a.actual.field, a.actual.span) for a in assessments if a.actual is not None}
    targets = [a for a in assessments if _row_target(a.target)]
    for figure in (f for f in figures if _in_scope(f, pieces, scope)):
        if figure.kind in ("change", "percent") and (figure.field, figure.span) not in paired:
            if not targets and _growth(figure):
                # A rise reported (同比增长6.3%) with no target to hold it to: the indicator moves.
                evidence.add("reported", _figure_item(figure, config["growth"]))
                continue
            reason = "no target of the same subject in the task" if targets else "the task sets no target"
            evidence.set_aside(reason, _figure_item(figure, "figure.unpaired"))
    _mixed_directions(figures, assessments, pieces, evidence)
    for assessment in assessments:
        target, actual = assessment.target, assessment.actual
        if actual == target and assessment.met is not None and _in_scope(actual, pieces, scope):
            if _negated(match_view(cells.get(actual.field) or ""), actual.span[0]):
                continue  # 未滞后序时进度: no gap
            # a gap stated against the schedule or the target (滞后序时进度5个百分点)
            rule = config["meets_target"] if assessment.met else config["below_target"]
            evidence.add("on_track" if assessment.met else "behind", _figure_item(actual, rule))
            continue
        if actual is None or not _row_target(target) or not _in_scope(actual, pieces, scope):
            continue
        year_over = period is not None and (period.elapsed or 0) >= 1
        # the row's only target of this kind and unit (one target paired with two actuals is still one)
        alone = (
            len(
                {
                    (t.target.field, t.target.span)
                    for t in targets
                    if (t.target.kind, t.target.unit) == (target.kind, target.unit)
                }
            )
            == 1
        )
        level = assessment.gap_unit == "pp" and target.kind != "change"
        ceiling = assessment.gap_unit != "pp" and assessment.share is None and assessment.met is not None
        if level and _within_share(actual, evidence):
            continue  # 已完成年度计划的30% is a share of the plan, no level of the indicator
        if level or ceiling:
            # a level (覆盖率95%, 6%以上) or a ceiling (控制在10410人以内): kept or not at any date
            rule = config["below_target"] if assessment.met is False else config["meets_target"]
            tier = "behind" if assessment.met is False else ("done" if year_over else "on_track")
            evidence.add(tier, _figure_item(target, rule), _figure_item(actual, rule))
        elif assessment.gap_unit == "pp" and target.kind == "change":
            if target.value * actual.value < 0:
                rule, tier = config["direction"], "behind"
            else:
                rule = config["below_target"] if assessment.met is False else config["meets_target"]
                tier = "behind" if assessment.met is False else "on_track"
                if tier == "on_track" and year_over:
                    tier = "done"  # the whole year is over and the target is met
            evidence.add(tier, _figure_item(target, rule), _figure_item(actual, rule))
        elif assessment.share is not None and target.value > 0 and _shareable(target, actual, kinds, cells, alone):
            text = cells.get(actual.field) or ""
            if actual.field != "task" and _preparatory_in(text or actual.text, actual.text, tuple(actual.span)):
                # a count of what was prepared (已完成20个小区的摸底调查): a preparation, not the works' count
                evidence.set_aside(
                    "the count is of a preparation, not of the works",
                    _figure_item(target, config["share"]),
                    _figure_item(actual, config["share"]),
                )
                continue
            if text[actual.span[0] : actual.span[1]] == actual.text and full_year_forecast(text, actual.span[0]):
                items = [_figure_item(target, config["forecast"]), _figure_item(actual, config["forecast"])]
                evidence.forecast(round(assessment.share, 4), items)
            else:
                items = [_figure_item(target, config["share"]), _figure_item(actual, config["share"])]
                at = _period_at(items[1], cells, period)
                if (reason := _out_of_scale(assessment.share, at)) is not None:
                    evidence.set_aside(reason, *items)
                    continue
                evidence.share(round(assessment.share, 4), items, at)
