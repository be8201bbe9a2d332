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

When a subject is missing on one side, a pair is made only when it is the row's single target and
single comparable actual: a guess between several would be worse than none.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import regex

from extractor.models import Assessment, Figure, Period
from extractor.rules.data import load
from extractor.textnorm import match_view

RATE_UNITS = frozenset({"%", "pp"})
# Tolerance when comparing an actual with its target (values are parsed from text, not computed).
EPSILON = 1e-9


@cache
def _not_a_target() -> regex.Pattern[str]:
    return regex.compile(load("assess")["not_a_target"])


def _project_size(target: Figure, task: str) -> bool:
    """Whether a task's total is the project's size (总投资10亿元), not what the year is to achieve."""
    pattern = _not_a_target()
    before = match_view(task)[max(0, target.span[0] - 8) : target.span[0]] if target.field == "task" else ""
    return bool(pattern.search(target.subject or "") or regex.search(f"(?:{pattern.pattern})[^,，。;；]*$", before))


def assess(
    figures: list[Figure],
    period: Period | None,
    canonical: Callable[[str], str] | None = None,
    task: str = "",
) -> list[Assessment]:
    """Assessments for the row's target figures that have a subject or an answering actual.

    ``task`` is the task cell's text, to tell a project's size (总投资…) from a target.
    """
    if canonical is None:
        from extractor.rules.figures import canonical_subject as canonical
    targets = [f for f in figures if f.role == "target" and not (f.kind != "change" and _project_size(f, task))]
    actuals = [f for f in figures if f.role != "target" and f.scope is None]
    out = []
    for target in targets:
        subject = canonical(target.subject) if target.subject else None
        actual = _answer(target, subject, actuals, single=len(targets) == 1, canonical=canonical)
        if actual is None and subject is None:
            continue
        out.append(_compare(target, actual, subject, period))
    return out


def _comparable(target: Figure, actual: Figure) -> bool:
    same = actual.kind == target.kind and actual.unit == target.unit
    if target.kind == "change":
        return same and actual.basis in (None, "yoy")
    return same


def _answer(
    target: Figure, subject: str | None, actuals: list[Figure], *, single: bool, canonical: Callable[[str], str]
) -> Figure | None:
    comparable = [a for a in actuals if _comparable(target, a)]
    if subject is not None:
        # one canonical name, or one holding the other (工业产值 in 规上工业产值)
        same = [a for a in comparable if a.subject and _same(canonical(a.subject), subject)]
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
        elif target.qualifier in ("at_most", "below"):
            met = actual.value <= target.value + EPSILON
        return Assessment(subject=subject, target=target, actual=actual, met=met, gap=round(gap, 6), gap_unit="pp")
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
