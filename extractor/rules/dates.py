"""Dates: ``find_dates`` finds the date mentions of a cell, ``find_period`` the period a report covers.

Finding and reading are separate steps, as for figures: ``find_date_spans`` matches the rules of
data/dates.toml on :func:`~extractor.textnorm.match_view` of the text (same length as the text, so
every span is an offset pair into the cell), ``read_date`` turns a span into a
:class:`~extractor.models.DateMention`.

Decisions (data/dates.toml says more, next to the rules):

- kind: ``point`` a day or a month as a moment (3月10日, 6月, 6月底); ``period`` a span (一季度,
  1-8月, 上半年, “五一”期间, 2023年, 截至1-8月); ``deadline`` by when (年底前, 6月底前, 年内, and a
  point followed by a completion verb: 预计8月底完成; not 已于6月底完成). 截至 before a date that is
  no range (截至3月31日, 截至6月底, 截至上半年) is the point a figure stands at; the report period
  reads 截至 in a title as the year to date (``find_period``).
- A deadline's ``end`` is inclusive for a day, an end (底/末) or a part of a month (6月中旬前 →
  06-20); a whole span before 前 is excluded (6月前 → 05-31, 国庆前 → 09-30). Its ``start`` is
  1 January of its end's year, so 年内 reads as the whole year.
- ``start``/``end`` are set only when the year is known: written (2023年, 二〇二三年, ROC 民国105年 or
  a three-digit year before a month: 105年8月19日 → 2016), relative to the report period's year
  (今年, 去年/上年, 年内, 年底), carried from a written year-and-month earlier in the same sentence
  (2023年3月启动，6月完成), or the report period's year. Never guessed: ``year_known`` is False
  otherwise. Relative words (近期, 截至目前, a 月底 with no month) have grain ``relative`` and no
  dates; 去年同期 is the report period one year earlier (grain ``relative``). 下一步 names no time.
- Not dates: durations (3个月, 两个季度, 五年内, 提前3个月), 5G, 第6项, 1.5倍, dates inside a
  document title (《2021年度…》). 十一五…十五五 are five-year plans: periods of grain year.
- Holidays have grain ``holiday`` and a conventional window (春节 除夕..初六, 五一 05-01..05-05,
  国庆 10-01..10-07, others their day); lunar dates come from a table (2000–2050).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import cache
from typing import Any, NamedTuple

import regex

from extractor.plain import DateMention, Period
from extractor.rules.compiled import compile_rule, required_chars_of, scanning
from extractor.rules.data import expand as expand_placeholders
from extractor.rules.data import load
from extractor.rules.numbers import parse_number
from extractor.rules.spans import RuleGate, longest_first, trimmed
from extractor.textnorm import match_view

_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}
_ENDS = frozenset("底末")
# A year used only to validate and measure dates whose year is not known (365 days, as the brief
# of 序时进度 asks); 29 February is checked against a leap year.
_REFERENCE_YEAR = 2001
_LEAP_REFERENCE_YEAR = 2000
_FIRST_PLAN = (3, 1966)  # the 3rd five-year plan began in 1966; plans have followed every 5 years since


class DateRule(NamedTuple):
    id: str
    kind: str
    grain: str
    pattern: regex.Pattern[str]
    veto_before: regex.Pattern[str] | None
    veto_after: regex.Pattern[str] | None
    deadline_cue: bool  # a completion verb after a point makes it a deadline
    examples: tuple[dict[str, Any], ...]
    required: tuple[frozenset[str], ...] = ()  # characters every match holds (spans.required_chars)
    scan: regex.Pattern[str] | None = None  # the pattern searched: the same matches (compiled.scanning)


class Veto(NamedTuple):
    id: str
    reach: int
    before: regex.Pattern[str] | None
    after: regex.Pattern[str] | None
    examples: tuple[str, ...]


class Lexicon(NamedTuple):
    sentence_end: regex.Pattern[str]
    deadline_after: regex.Pattern[str]
    past_before: regex.Pattern[str]
    fact_after: regex.Pattern[str]
    plan_before: regex.Pattern[str]
    relative_years: dict[str, int]
    holiday_aliases: dict[str, str]
    holiday_fixed: dict[str, tuple[int, int]]
    holiday_lunar: dict[str, dict[int, date]]
    holiday_window: dict[str, tuple[int, int]]
    period: dict[str, Any]
    not_dates: tuple[str, ...]


class DateSpan(NamedTuple):
    """A found span before reading: where, which rule, and the named parts."""

    start: int
    end: int
    rule: DateRule
    parts: dict[str, str | None]


@cache
def rules() -> tuple[tuple[DateRule, ...], tuple[Veto, ...], Lexicon]:
    data = load("dates")
    vocabulary = dict(data["vocabulary"])

    def expand(pattern: str) -> str:
        return expand_placeholders(pattern, vocabulary, "dates.toml")

    def optional(entry: dict[str, Any], key: str) -> regex.Pattern[str] | None:
        return compile_rule(expand(entry[key])) if key in entry else None

    date_rules = tuple(
        DateRule(
            r["id"],
            r["kind"],
            r["grain"],
            pattern := compile_rule(expand(r["pattern"])),
            optional(r, "veto_before"),
            optional(r, "veto_after"),
            bool(r.get("deadline_cue", True)),
            tuple(r.get("examples", ())),
            required_chars_of(pattern),
            scanning(pattern),
        )
        for r in data["rule"]
    )
    vetoes = tuple(
        Veto(
            v["id"],
            int(v.get("reach", 6)),
            optional(v, "before"),
            optional(v, "after"),
            tuple(v.get("examples", ())),
        )
        for v in data["veto"]
    )
    holidays = data["holidays"]
    lunar: dict[str, dict[int, date]] = {}
    for name, days in holidays["lunar"].items():
        parsed = [date.fromisoformat(d) for d in days.split()]
        lunar[name] = {d.year: d for d in parsed}
        if len(lunar[name]) != len(parsed):
            raise ValueError(f"dates.toml: holiday {name} lists a year twice")
    context = data["context"]
    lexicon = Lexicon(
        sentence_end=compile_rule(expand(context["sentence_end"])),
        deadline_after=compile_rule(context["deadline_after"]),
        past_before=compile_rule(context["past_before"]),
        fact_after=compile_rule(context["fact_after"]),
        plan_before=compile_rule(context["plan_before"]),
        relative_years={k: int(v) for k, v in data["relative_years"].items()},
        holiday_aliases=dict(holidays["aliases"]),
        holiday_fixed={k: (int(v[:2]), int(v[3:])) for k, v in holidays["fixed"].items()},
        holiday_lunar=lunar,
        holiday_window={k: (int(v[0]), int(v[1])) for k, v in holidays["window"].items()},
        period=dict(data["period"]),
        not_dates=tuple(data.get("not_dates", ())),
    )
    return date_rules, vetoes, lexicon


# --------------------------------------------------------------------------------------------
# Finding spans


def find_date_spans(text: str, view: str | None = None) -> list[DateSpan]:
    """Non-overlapping date spans in ``text``, in reading order (longest candidate wins)."""
    view = match_view(text) if view is None else view
    date_rules, vetoes, _ = rules()
    candidates: list[tuple[int, DateSpan]] = []
    # the rules whose required characters the text holds; the others find nothing (spans.may_match)
    for order, rule in _gate_of(date_rules).tried(view):
        for match in (rule.scan or rule.pattern).finditer(view):
            start, end = trimmed(view, *match.span())
            if end == start:
                continue
            parts = {k: v for k, v in match.groupdict().items() if v}
            span = DateSpan(start, end, rule, parts)
            if _vetoed(view, span, vetoes) or not _valid(span):
                continue
            candidates.append((order, span))
    return longest_first(candidates)


_GATE: list[tuple[tuple[DateRule, ...], RuleGate[DateRule]]] = []


def _gate_of(rule_table: tuple[DateRule, ...]) -> RuleGate[DateRule]:
    """The gate of these rules, kept with the very tuple it was made from (rules() rebuilt: a new gate)."""
    if not _GATE or _GATE[0][0] is not rule_table:
        _GATE[:] = [(rule_table, RuleGate(rule_table, [rule.required for rule in rule_table]))]
    return _GATE[0][1]


def _vetoed(view: str, span: DateSpan, vetoes: tuple[Veto, ...]) -> bool:
    rule = span.rule
    before, after = view[max(0, span.start - 6) : span.start], view[span.end : span.end + 6]
    if (rule.veto_before and rule.veto_before.search(before)) or (rule.veto_after and rule.veto_after.match(after)):
        return True
    return any(
        (v.before is not None and v.before.search(view[max(0, span.start - v.reach) : span.start]))
        or (v.after is not None and v.after.match(after))
        for v in vetoes
    )


def _valid(span: DateSpan) -> bool:
    """Whether the parts can be a date in some year (13月, 2月30日, 9-3月 are not)."""
    try:
        _window(span, _written_year(span.parts) or _LEAP_REFERENCE_YEAR)
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------------------------
# Reading a span


def _int(text: str | None) -> int | None:
    if not text:
        return None
    value = parse_number(text)
    return int(value) if value is not None and value == int(value) else None


def _written_year(parts: dict[str, str | None]) -> int | None:
    if parts.get("year"):
        return int(parts["year"] or 0)
    if parts.get("year_cn"):
        return int("".join(_CN_DIGITS[c] for c in parts["year_cn"] or ""))
    roc = _int(parts.get("roc"))
    if roc is not None:
        if roc <= 0:
            raise ValueError("ROC years start at 1")
        return roc + 1911
    return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _number_in(parts: dict[str, str | None], key: str, low: int, high: int) -> int | None:
    value = _int(parts.get(key))
    if value is None and parts.get(key):
        raise ValueError(f"not a number: {parts.get(key)}")
    if value is not None and not low <= value <= high:
        raise ValueError(f"{key} {value} out of {low}..{high}")
    return value


def _window(span: DateSpan, year: int) -> tuple[date, date] | None:
    """The dates the span names in ``year`` (before kind adjustments); None for a holiday outside
    the table. Raises ValueError when the parts are no date."""
    parts, rule = span.parts, span.rule
    part = parts.get("part")
    if parts.get("plan"):
        number = _number_in({"n": "十" + (parts["plan"] or "")}, "n", 11, 15) or 0
        first = _FIRST_PLAN[1] + 5 * (number - _FIRST_PLAN[0])
        return date(first, 1, 1), date(first + 4, 12, 31)
    if parts.get("year_to"):
        last = int(parts["year_to"] or 0)
        if not year < last <= year + 20:
            raise ValueError("a year range runs forward")
        return date(year, 1, 1), date(last, 12, 31)
    if parts.get("holiday"):
        return _holiday_window(parts["holiday"] or "", year)
    if rule.grain == "relative":
        return None
    month = _number_in(parts, "month", 1, 12)
    if parts.get("day"):
        day = _number_in(parts, "day", 1, 31) or 0
        when = date(year, month or 0, day)
        return when, when
    first = parts.get("first")
    if rule.grain == "month" and first:
        count = _number_in(parts, "first", 1, 12) or 0
        return date(year, 1, 1), _month_end(year, count)
    if month is not None:
        month_from = _number_in(parts, "month_from", 1, 12)
        if month_from is not None:
            if month_from >= month:
                raise ValueError("a month range runs forward")
            return date(year, month_from, 1), _month_end(year, month)
        return _month_part(year, month, part)
    if rule.grain == "quarter":
        quarter = _number_in(parts, "quarter" if not first else "first", 1, 4) or 0
        quarter_from = 1 if first else _number_in(parts, "quarter_from", 1, 4)
        if quarter_from is not None and quarter_from >= quarter and not first:
            raise ValueError("a quarter range runs forward")
        start = date(year, 3 * ((quarter_from or quarter) - 1) + 1, 1)
        return _end_part(start, _month_end(year, 3 * quarter), part)
    if rule.grain == "half":
        first_half = parts.get("half") == "上"
        start, end = (date(year, 1, 1), date(year, 6, 30)) if first_half else (date(year, 7, 1), date(year, 12, 31))
        return _end_part(start, end, part)
    return _end_part(date(year, 1, 1), date(year, 12, 31), part)


def _end_part(start: date, end: date, part: str | None) -> tuple[date, date]:
    return (end, end) if part in _ENDS else (start, end)


_MONTH_PARTS = {
    "初": (1, 10),
    "上旬": (1, 10),
    "中旬": (11, 20),
    "下旬": (21, 31),
    "中下旬": (11, 31),
    "上中旬": (1, 20),
}


def _month_part(year: int, month: int, part: str | None) -> tuple[date, date]:
    end = _month_end(year, month)
    if part in _ENDS:
        return end, end
    if part in _MONTH_PARTS:
        first, last = _MONTH_PARTS[part]
        return date(year, month, first), date(year, month, min(last, end.day))
    return date(year, month, 1), end


def _holiday_window(name: str, year: int) -> tuple[date, date] | None:
    _, _, lexicon = rules()
    name = lexicon.holiday_aliases.get(name, name)
    if name in lexicon.holiday_fixed:
        month, day = lexicon.holiday_fixed[name]
        holiday: date | None = date(year, month, day)
    else:
        holiday = lexicon.holiday_lunar[name].get(year)
    if holiday is None:
        return None
    first, last = lexicon.holiday_window.get(name, (0, 0))
    return holiday + timedelta(days=first), holiday + timedelta(days=last)


def _shift_years(when: date, years: int) -> date:
    try:
        return when.replace(year=when.year + years)
    except ValueError:  # 29 February
        return when.replace(year=when.year + years, day=28)


class _Reading(NamedTuple):
    kind: str
    grain: str
    start: date | None
    end: date | None
    year_known: bool
    written_year: bool  # the year was written in the span (it may carry to later mentions)


def _read(span: DateSpan, view: str, period: Period | None, carried: int | None) -> _Reading:
    """Kind, grain and dates of a span. Raises ValueError when the resolved year makes it no date."""
    _, _, lexicon = rules()
    parts, rule = span.parts, span.rule
    kind, grain = rule.kind, rule.grain
    part = parts.get("part")
    ranged = any(parts.get(k) for k in ("month_from", "quarter_from", "first"))
    if parts.get("cutoff") and not ranged:
        kind = "point"  # 截至3月底 in a cell: the point a figure stands at (the report period is read apart)
    elif parts.get("cutoff"):
        kind = "period"  # 截至1-8月: the months it names
    elif parts.get("before") or parts.get("within"):
        kind = "deadline"
    elif part in _ENDS and not ranged:
        kind = "point"
    if kind == "point" and rule.deadline_cue and _deadline_cue(view, span, lexicon):
        kind = "deadline"

    written = _written_year(parts)
    period_year = period.year if period is not None else None
    rel = parts.get("rel")
    if written is not None or parts.get("plan"):
        year = written
    elif rel:
        year = period_year + lexicon.relative_years[rel] if period_year is not None else None
    elif grain == "year":  # 年内, 年底, 全年: the report period's year
        year = period_year
    else:
        year = carried if carried is not None else period_year

    if parts.get("same"):  # 去年同期: the report period, shifted to that year
        if year is None or period is None or period.start is None or period.end is None:
            return _Reading(kind, "relative", None, None, False, False)
        start, end = date.fromisoformat(period.start), date.fromisoformat(period.end)
        shift = year - end.year
        return _Reading(kind, "relative", _shift_years(start, shift), _shift_years(end, shift), True, False)
    if grain == "relative":
        return _Reading(kind, grain, None, None, False, False)
    if year is None and not parts.get("plan"):
        return _Reading(kind, grain, None, None, False, False)
    window = _window(span, year or 0)
    if window is None:  # a lunar holiday outside the table: the year is known, its dates are not
        return _Reading(kind, grain, None, None, True, written is not None)
    start, end = window
    if kind == "deadline":
        inclusive = grain == "day" or part is not None or parts.get("within") or not parts.get("before")
        end = end if inclusive else start - timedelta(days=1)
        start = date(end.year, 1, 1)
    elif parts.get("cutoff"):
        start = start if ranged else end
    return _Reading(kind, grain, start, end, True, written is not None)


def _deadline_cue(view: str, span: DateSpan, lexicon: Lexicon) -> bool:
    """A completion verb follows (预计8月底完成), not said to be past (已于…, 完成了) nor a quantity
    reported done (3月份完成投资2亿元) unless a plan word comes before (计划6月底完成投资5亿元)."""
    after, before = view[span.end : span.end + 16], view[max(0, span.start - 12) : span.start]
    if not lexicon.deadline_after.match(after) or lexicon.past_before.search(before):
        return False
    return not lexicon.fact_after.match(after) or bool(lexicon.plan_before.search(before))


_CARRYING_GRAINS = frozenset({"day", "month", "quarter", "half"})


def find_dates(text: str, field: str = "text", period: Period | None = None) -> list[DateMention]:
    """Every date mention in ``text`` (one cell), in reading order, each grounded by its span.

    ``period`` is the report period: its year dates the mentions that write none (6月, 年内, 去年).
    """
    view = match_view(text)
    _, _, lexicon = rules()
    mentions: list[DateMention] = []
    carried: int | None = None
    carried_end = 0
    for span in find_date_spans(text, view):
        if carried is not None and lexicon.sentence_end.search(view, carried_end, span.start):
            carried = None
        try:
            reading = _read(span, view, period, carried)
        except ValueError:  # 2023年2月29日
            continue
        if reading.written_year and span.rule.grain in _CARRYING_GRAINS and reading.start is not None:
            carried, carried_end = reading.start.year, span.end
        mentions.append(
            DateMention(
                text=text[span.start : span.end],
                field=field,
                span=(span.start, span.end),
                rule=span.rule.id,
                kind=reading.kind,  # type: ignore[arg-type]
                grain=reading.grain,  # type: ignore[arg-type]
                start=reading.start.isoformat() if reading.start else None,
                end=reading.end.isoformat() if reading.end else None,
                year_known=reading.year_known,
            )
        )
    return mentions


# --------------------------------------------------------------------------------------------
# The report period


class Dateline(NamedTuple):
    """The date a document was published or signed, and the text that says it."""

    day: date
    text: str


@cache
def _dateline_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    data = load("dates")["dateline"]
    return compile_rule(data["labelled"]), compile_rule(data["line"])


def find_dateline(text: str, labelled_only: bool = False) -> Dateline | None:
    """The document's publication or signing date (data/dates.toml [dateline]): the first labelled
    date, else (unless ``labelled_only``: in table cells a date alone is a deadline) the first line
    that is only a full date. None when there is none, or it is no date."""
    labelled, line = _dateline_patterns()
    for pattern in (labelled,) if labelled_only else (labelled, line):
        for match in pattern.finditer(text):
            parts = match.groupdict()
            try:
                year = _written_year(parts)
                month = int(parse_number(parts["month"]) or 0)
                day = int(parse_number(parts["day"]) or 0)
                if year is not None:
                    return Dateline(date(year, month, day), match.group("date"))
            except (ValueError, TypeError):
                continue
    return None


def anchor_period(period: Period | None, dateline: Dateline | None, year: int | None = None) -> Period | None:
    """The report period, anchored to the document: a period written without its year takes the
    year of the dateline (the last such period before it: 1-12月 published in January is last
    year's) or else ``year`` (the year the document names most); a period that names only a year
    still running at the dateline ends there; with no period, the dateline is the report date."""
    if period is None:
        if dateline is None:
            return None
        day = dateline.day
        return Period(
            text=dateline.text,
            source="dateline",
            year=day.year,
            start=date(day.year, 1, 1).isoformat(),
            end=day.isoformat(),
            elapsed=_elapsed(day, known_year=True),
        )
    if period.year is None and (dateline is not None or year is not None):
        return _with_year(period, dateline, year)
    if dateline is not None and period.end and period.start:
        start, end = date.fromisoformat(period.start), date.fromisoformat(period.end)
        whole_year = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
        if whole_year and start <= dateline.day < end:
            return period.model_copy(
                update={
                    "text": dateline.text,
                    "source": "dateline",
                    "end": dateline.day.isoformat(),
                    "elapsed": _elapsed(dateline.day, known_year=True),
                }
            )
    return period


PUBLISHED_BEFORE_END = 60  # days a report may appear before the end of the period it names


def _with_year(period: Period, dateline: Dateline | None, year: int | None) -> Period:
    """``period`` (read without a year) in the year the document gives it."""
    found = _period_in(period.text, period.source, default_year=dateline.day.year if dateline else year)
    if found is None or found.end is None:
        return period
    if dateline is not None and (date.fromisoformat(found.end) - dateline.day).days > PUBLISHED_BEFORE_END:
        # 1-12月 published in January: last year's (一季度 published on 8 March is this year's)
        found = _period_in(period.text, period.source, default_year=dateline.day.year - 1) or found
    return found.model_copy(update={"text": period.text})


def most_named_year(text: str) -> int | None:
    """The year a text names most often (2023年), for a period written without one."""
    counts: dict[int, int] = {}
    for match in regex.finditer(r"(?<!\d)((?:19|20)\d{2})\s*年", text):
        counts[int(match.group(1))] = counts.get(int(match.group(1)), 0) + 1
    return max(counts, key=lambda y: (counts[y], y)) if counts else None


def find_period(title: str | None, texts: list[str] | tuple[str, ...] = (), cutoff_only: bool = False) -> Period | None:
    """The period the report covers: read from the title first, else from the first of ``texts``
    (paragraphs, cells, in order) that names one. None when nothing names it.

    A single month or day in a title is read as the year to date (a monthly report, 月报表(11月份),
    covers January to November); 截至 always is. ``elapsed`` is the share of the year elapsed by the
    period's end: months/12 when it ends on a month's last day (1-8月 → 8/12, 一季度 → 0.25), else the
    day of the year over 365 (366 in a known leap year). ``cutoff_only``: in ``texts`` only a point the
    report stands at (截至12月底, 到11月12日，…) names it — lines that may be cells, where 1至10月 or
    2021年上半年 is as often an indicator's period or a deadline.
    """
    if title:
        found = _period_in(title, "title")
        if found is not None:
            return found
    for text in texts:
        found = _period_in(text, "text", cutoff_only=cutoff_only)
        if found is not None:
            return found
    return None


@cache
def _cutoff_words() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    # the status rules' word families (data/status.toml [vocabulary], their examples tested there)
    words = load("status")["vocabulary"]
    return tuple(compile_rule(words[name]["pattern"]) for name in ("report_marker", "forecast_marker", "future_clause"))  # type: ignore[return-value]


def states_cutoff(text: str, span: DateSpan) -> bool:
    """Whether the cutoff ``span`` of ``text`` dates what has happened by then (到11月12日，…已完成…;
    截至6月30日) rather than a deadline or a forecast (到12月底，全面建成投用; 到12月底，预计…): in the
    rest of its sentence a report word (status.toml report_marker: 已, 累计, 目前 …) comes before any
    word of plan or forecast (forecast_marker, future_clause: 预计, 力争, 确保, 将 …). 到/至 open a
    task's deadline as often as a report's cutoff: they need the report word; 截至 is one itself."""
    report, forecast, future = _cutoff_words()
    view = match_view(text)
    rest = view[span.end :]
    stop = rules()[2].sentence_end.search(rest)
    rest = rest[: stop.start()] if stop else rest
    if future.match(rest.lstrip(" ,:")):
        return False  # the clause after the cutoff opens with a plan (到12月底，将全面建成)
    said = report.search(rest)
    planned = forecast.search(rest)
    if planned is not None and (said is None or planned.start() < said.start()):
        return False
    return said is not None or report.search(view[span.start : span.end]) is not None


def _period_in(text: str, source: str, default_year: int | None = None, cutoff_only: bool = False) -> Period | None:
    _, _, lexicon = rules()
    settings = lexicon.period
    allowed = set(settings[f"{source}_rules"])
    needs_cutoff = allowed if cutoff_only else set(settings["text_needs_cutoff"]) if source == "text" else set()
    candidates = [
        s
        for s in find_date_spans(text)
        if s.rule.id in allowed
        and not any(s.parts.get(k) for k in ("before", "within", "same"))
        and not (s.rule.grain == "year" and s.parts.get("rel"))  # 今年 alone: no period
    ]
    spans = [s for s in candidates if s.rule.id not in needs_cutoff or s.parts.get("cutoff")]
    if cutoff_only:
        spans = [s for s in spans if states_cutoff(text, s)]
    if not spans:
        return None
    rank = settings["grain_rank"]
    coarser = [s for s in spans if s.rule.grain in ("month", "quarter", "half")]
    if coarser and any(s.rule.grain == "day" and not s.parts.get("cutoff") for s in spans):
        # 2021年上半年…情况 2021-07-08: the full date is when it was written, the period the half year
        spans = [s for s in spans if s.rule.grain != "day" or s.parts.get("cutoff")]
    best = max(spans, key=lambda s: (rank[s.rule.grain], -s.start))
    year = _written_year(best.parts)
    label = text[best.start : best.end]
    if year is None:
        # a year written before the cutoff completes it (110年度截至6月底止), cutoff or not
        years = [
            s
            for s in candidates
            if s.rule.grain == "year" and s.start <= best.start and _written_year(s.parts) is not None
        ]
        if years:
            year = _written_year(years[0].parts)
            label = text[years[0].start : years[0].end] + label
        elif default_year is not None:
            year = default_year  # given by the document (its dateline, the year it names)
    try:
        window = _window(best, year if year is not None else _reference_year(best))
    except ValueError:
        return None
    if window is None:
        return None
    start, end = window
    if best.parts.get("cutoff") or best.rule.id in settings["cumulative_rules"]:
        start = date(end.year, 1, 1)
    return Period(
        text=label,
        source=source,
        year=year,
        start=start.isoformat() if year is not None else None,
        end=end.isoformat() if year is not None else None,
        elapsed=_elapsed(end, known_year=year is not None),
    )


def _reference_year(span: DateSpan) -> int:
    leap_day = _int(span.parts.get("month")) == 2 and _int(span.parts.get("day")) == 29
    return _LEAP_REFERENCE_YEAR if leap_day else _REFERENCE_YEAR


def _elapsed(end: date, known_year: bool) -> float:
    if end.day == calendar.monthrange(end.year, end.month)[1]:
        return end.month / 12
    days = 366 if known_year and calendar.isleap(end.year) else 365
    return end.timetuple().tm_yday / days
