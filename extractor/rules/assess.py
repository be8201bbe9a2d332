"""Target against actual: pair each target figure of a row with the actual figure that answers it.

A target (role "target": in the task cell, or after 目标/力争/计划) is answered by an actual figure
of the same subject (canonical names from ``[subjects]`` in data/figures.toml: FDI ↔ 实际使用外资,
进出口总额 ↔ 外贸进出口总额 …) and of a comparable kind:

- a rate target (增长5%, a change in %; or a level such as 覆盖率95%) by a figure of the same kind
  and unit of the document's own area, year on year when the basis is written (同比下降4.2%, not
  全市下降11.9%); met when the actual reaches the target (a decline target such as 下降5% when the
  actual falls at least as far), gap in percentage points;
- a total (3000万美元, 12所) by an amount or count in the same unit: the actual's share of the target
  is given; met only when the report period is the whole year — before that a total is not yet
  missed, and the share is compared with the time elapsed by the row's status instead.

An actual to date is preferred to a full-year forecast (预计全年完成投资9.5亿元; cue
``full_year_forecast`` in data/assess.toml), which answers a target only when nothing else does.

When a subject is missing on one side, a pair is made only when it is the row's single target and
single comparable actual: a guess between several would be worse than none.

``gap`` is the raw actual − target, in the target's unit (pp for two rates), whatever the target's
direction: for a decline target (下降3%以上, value −3) an actual of 下降3.5% gives a gap of −0.5,
so a negative gap means the target was met; for a ceiling (控制在5.5%以内) too. ``met`` tells the
verdict; the gap's sign alone does not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache

import regex

from extractor.headers import known_fields
from extractor.plain import Assessment, Figure, Period
from extractor.rules.compiled import compile_rule
from extractor.rules.data import expand, load
from extractor.textnorm import match_view

RATE_UNITS = frozenset({"%", "pp"})
# Tolerance when comparing an actual with its target (values are parsed from text, not computed).
EPSILON = 1e-9


@cache
def _not_a_target() -> regex.Pattern[str]:
    return compile_rule(load("assess")["not_a_target"])


@cache
def _not_a_target_before() -> regex.Pattern[str]:
    """A project-size word before a figure, with no clause break between them."""
    return compile_rule(f"(?:{_not_a_target().pattern})[^,，。;；]*$")


@cache
def _target_column_pattern() -> regex.Pattern[str]:
    return compile_rule(load("assess")["target_column"])


def target_column(key: str) -> bool:
    """Whether a column no field claims names the row's target (年度目标, 年度计划, 指标要求): its
    figures are targets, answered by the progress's, as the task cell's are. (Cells of a claimed
    field are keyed by the field's name; only the other keys are a column's header.)"""
    return key not in known_fields() and bool(_target_column_pattern().search(match_view(key)))


def targets_of(figures: list[Figure]) -> list[Figure]:
    """The row's target figures: those read as targets (the task's, 目标…) and those of a target column."""
    return [f for f in figures if f.role == "target" or (f.field != "task" and target_column(f.field))]


@cache
def _forecast_cue() -> regex.Pattern[str]:
    return compile_rule(load("assess")["full_year_forecast"])


# Where a figure's clause starts; a clause opening with one of _CONTINUATION (占年度计划的95%, 达…)
# continues the clause before it.
_CLAUSE_BREAK = compile_rule(expand("{CLAUSE_BREAK}"))  # data/shared.toml: never 1,200
_SENTENCE_BREAK = compile_rule(expand("{SENTENCE_BREAK}"))
_CONTINUATION = compile_rule(r"\s*(?:占|达|为)")


def full_year_forecast(text: str, start: int) -> bool:
    """Whether offset ``start`` of a cell's text stands in a full-year forecast (预计全年完成…)."""
    view = match_view(text)
    sentence = max((m.end() for m in _SENTENCE_BREAK.finditer(view, 0, start)), default=0)
    breaks = [sentence, *(m.end() for m in _CLAUSE_BREAK.finditer(view, sentence) if m.end() <= start)]
    index = len(breaks) - 1
    while index > 0 and _CONTINUATION.match(view, breaks[index]):
        index -= 1
    clause = breaks[index]
    return bool(_forecast_cue().search(view, clause, start))


def _forecast(figure: Figure, cells: Mapping[str, str] | None) -> bool:
    text = (cells or {}).get(figure.field) or ""
    start, end = figure.span
    return text[start:end] == figure.text and full_year_forecast(text, start)


def _project_size(target: Figure, task: str) -> bool:
    """Whether a task's total is the project's size (总投资10亿元), not what the year is to achieve."""
    pattern = _not_a_target()
    before = match_view(task)[max(0, target.span[0] - 8) : target.span[0]]
    return bool(pattern.search(target.subject or "") or _not_a_target_before().search(before))


def assess(
    figures: list[Figure],
    period: Period | None,
    canonical: Callable[[str], str] | None = None,
    task: str = "",
    cells: Mapping[str, str] | None = None,
) -> list[Assessment]:
    """Assessments for the row's target figures that have a subject or an answering actual.

    ``task`` is the task cell's text, to tell a project's size (总投资…) from a target (taken from
    ``cells`` when not given); ``cells``, the row's cells by field, tell a full-year forecast
    (预计全年完成…) from an actual to date: without them every actual counts as one to date.
    """
    if canonical is None:
        from extractor.rules.figures import canonical_subject as canonical
    task = task or (cells or {}).get("task") or ""
    targets = [
        f
        for f in targets_of(figures)
        if not (f.kind != "change" and _project_size(f, task if f.field == "task" else (cells or {}).get(f.field, "")))
    ]
    actuals = [f for f in figures if f.role != "target" and f.scope is None and not target_column(f.field)]
    # actuals to date first; full-year forecasts answer only when no actual to date does
    to_date = [f for f in actuals if not _forecast(f, cells)]
    forecasts = [f for f in actuals if f not in to_date]
    out = []
    single = len(targets) == 1
    named_after = {(f.field, f.span): noun_after(f, cells) for f in actuals if f.kind == "count"}
    for target in targets:
        subject = canonical(target.subject) if target.subject else None
        actual = _answer(target, subject, to_date, single=single, canonical=canonical, named_after=named_after)
        if actual is None:
            actual = _answer(target, subject, forecasts, single=single, canonical=canonical, named_after=named_after)
        if actual is None and subject is None:
            continue
        out.append(_compare(target, actual, subject, period))
    return out + stated_gaps(figures)


# A gap the text states against the schedule or the target (滞后序时进度5个百分点, 低于目标2个百分点):
# both sides in one phrase.
GAP_BASES = frozenset({"schedule", "target"})


def stated_gaps(figures: list[Figure]) -> list[Assessment]:
    """The gaps to schedule or target the row states, as assessments whose target and actual are the
    one figure that states them: met when the gap is not negative (超序时进度3.2个百分点)."""
    return [
        Assessment(subject=f.subject, target=f, actual=f, met=f.value >= 0, gap=f.value, gap_unit=f.unit)
        for f in figures
        if f.basis in GAP_BASES and f.role != "target"
    ]


def _comparable(target: Figure, actual: Figure) -> bool:
    same = actual.kind == target.kind and actual.unit == target.unit
    if target.kind == "change":
        return same and actual.basis in (None, "yoy")
    return same


# A count's noun may follow it (完成500张护理型床位建设, 建成3所幼儿园): the Han run after the count, less a
# closing verb of work (建设, 改造 …), names what is counted when it says more than a generic noun.
_NOUN_AFTER = compile_rule(r"\s*(?:的)?(?P<noun>\p{Han}{2,16})")
_WORK_SUFFIX = compile_rule(r"(?:的)?(?:建设|改造|改建|新建|安装|配置|设置|提升|整治|工作|任务|工程|项目)+$")
_NAMED_AFTER = 3


def noun_after(figure: Figure, cells: Mapping[str, str] | None) -> str | None:
    """The name written right after a count in its cell (500张护理型床位建设 → 护理型床位), or None."""
    text = (cells or {}).get(figure.field) or ""
    start, end = figure.span
    if text[start:end] != figure.text:
        return None
    match = _NOUN_AFTER.match(match_view(text), end)
    noun = _WORK_SUFFIX.sub("", match.group("noun")) if match else ""
    return noun if len(noun) >= _NAMED_AFTER else None


def _answer(
    target: Figure,
    subject: str | None,
    actuals: list[Figure],
    *,
    single: bool,
    canonical: Callable[[str], str],
    named_after: Mapping[tuple[str, tuple[int, int]], str | None] | None = None,
) -> Figure | None:
    comparable = [a for a in actuals if _comparable(target, a)]
    if subject is not None:
        # one canonical name, or one holding the other (工业产值 in 规上工业产值); for a count, the name
        # written after it too (新增护理型床位500张 … 完成500张护理型床位建设)
        after = named_after or {}
        same = [
            a
            for a in comparable
            if (a.subject and _same(canonical(a.subject), subject))
            or ((noun := after.get((a.field, a.span))) and noun in match_view(target.subject or ""))
        ]
        if same:
            # a written year-on-year basis is the answer to a growth target; then the first
            return sorted(same, key=lambda a: a.basis != "yoy")[0]
    unnamed = [a for a in comparable if not a.subject or subject is None]
    if single and len(comparable) == 1 and unnamed:
        return comparable[0]
    return None


def _same(a: str, b: str) -> bool:
    return a == b or a in b or b in a


def _compare(target: Figure, actual: Figure | None, subject: str | None, period: Period | None) -> Assessment:
    if actual is None:
        return Assessment(subject=subject, target=target)
    gap = actual.value - target.value
    if target.unit in RATE_UNITS:
        declining = target.value < 0
        met = actual.value <= target.value + EPSILON if declining else actual.value >= target.value - EPSILON
        if target.qualifier == "above":
            met = actual.value > target.value
        elif target.qualifier == "at_most":
            met = actual.value <= target.value + EPSILON
        elif target.qualifier == "below":
            met = actual.value < target.value
        return Assessment(subject=subject, target=target, actual=actual, met=met, gap=round(gap, 6), gap_unit="pp")
    if target.qualifier in ("at_most", "below"):
        # A ceiling (控制在10410人以内) is kept or broken at any date; a share of it says nothing.
        met = actual.value <= target.value + EPSILON if target.qualifier == "at_most" else actual.value < target.value
        gap = round(gap, 6)
        return Assessment(subject=subject, target=target, actual=actual, met=met, gap=gap, gap_unit=target.unit)
    share = actual.value / target.value if target.value else None
    year_over = period is not None and period.elapsed is not None and period.elapsed >= 1
    met = actual.value >= target.value - EPSILON if year_over else None
    return Assessment(
        subject=subject,
        target=target,
        actual=actual,
        met=met,
        gap=round(gap, 6),
        gap_unit=target.unit,
        share=round(share, 6) if share is not None else None,
    )
