"""Figures: ``find_figures`` finds spans with the rules of data/figures.toml, ``parse_figure``
turns a span into a typed :class:`~extractor.models.Figure`.

Matching runs on :func:`~extractor.textnorm.match_view` of the text, which has the same length as
the text, so every span is an offset pair into the original cell text.
"""

from __future__ import annotations

import bisect
import math
from functools import cache, lru_cache
from typing import Any, NamedTuple

import regex

from extractor.plain import Figure
from extractor.rules.compiled import compile_rule, may_hold, reaching, required_chars_of
from extractor.rules.data import expand as expand_placeholders
from extractor.rules.data import load
from extractor.rules.numbers import CHINESE_NUMERALS, parse_number
from extractor.rules.spans import RuleGate, longest_first, trimmed
from extractor.textnorm import match_key, match_view


class FigureRule(NamedTuple):
    id: str
    kind: str
    pattern: regex.Pattern[str]
    examples: tuple[dict[str, Any], ...]
    basis: str | None = None  # a basis the rule itself tells (a gap to a target)
    unit: str | None = None  # a unit the rule itself tells (华氏温度98.6度 → 华氏度)
    required: tuple[frozenset[str], ...] = ()  # characters every match holds (spans.required_chars)
    scan: regex.Pattern[str] | None = None  # the pattern searched: the same matches (compiled.reaching)


class Veto(NamedTuple):
    id: str
    before: regex.Pattern[str] | None
    after: regex.Pattern[str] | None
    head: regex.Pattern[str] | None  # the veto applies only to figures whose text matches this
    examples: tuple[str, ...]
    unless_before: regex.Pattern[str] | None = None  # …and never when the text before matches this


class Lexicon(NamedTuple):
    scales: dict[str, float]
    currencies: dict[str, str]
    assumed_currencies: frozenset[str]
    down_words: frozenset[str]
    schedule_words: tuple[str, ...]
    bases: dict[str, str]
    qualifiers: dict[str, str]
    not_figures: tuple[str, ...]


class FigureSpan(NamedTuple):
    """A found span before normalization: where, which rule, and the named parts."""

    start: int
    end: int
    rule: FigureRule
    parts: dict[str, str | None]
    unit_span: tuple[int, int] | None = None  # where the measure word or currency is, in the text


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    # Longest first; words of one length cannot both match at one place, so their order is free: by
    # the words, not the set's (hash-seeded) order, so a pattern's text is the same in every run.
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# A number never starts inside another number: after a digit, a decimal point or a thousands comma
# (a comma after a word is a clause break: 据统计，43亿元 in a view where ， is ,), nor at a Chinese
# numeral after a Chinese numeral or scale, nor after a digit's scale (1万|1万…: the scale belongs
# to the number before, whose tail may hold more digits). Without the guard a pattern is tried from every position
# of a long run of digits, each start rescanning to the end of the run (quadratic in the run).
_CHINESE_DIGIT = CHINESE_NUMERALS
NUMBER_GUARD = rf"(?<![\d.])(?<!\d,)(?<!\d[万亿千百仟佰])(?!(?<=[{_CHINESE_DIGIT}万亿] ?)[{_CHINESE_DIGIT}])"


@cache
def vocabulary() -> dict[str, str]:
    """The placeholders of data/figures.toml ({NUMBER}, {CHANGE} …) as regex source, units.toml's words included."""
    data = load("figures")
    units = load("units")
    vocabulary = dict(data["vocabulary"])
    for name in ("NUMBER", "ARABIC"):
        vocabulary[name] = NUMBER_GUARD + f"(?:{vocabulary[name]})"
    scale_words = sorted(units["scales"], key=len, reverse=True)
    prefixes = units["prefixes"]
    vocabulary["SCALE"] = "|".join(
        f"{regex.escape(w)}(?!{_alternation(prefixes[w])})" if w in prefixes else regex.escape(w) for w in scale_words
    )
    currencies = units["currencies"]
    names = [k for k, v in currencies.items() if isinstance(v, str)]
    colloquial = set(currencies.get("colloquial", ()))
    vocabulary["CURRENCY"] = _alternation([k for k in names if k not in colloquial])
    vocabulary["COLLOQUIAL_CURRENCY"] = _alternation(sorted(colloquial))
    # a currency by its name (港元, 人民币), never 元 itself: it may stand before the number
    vocabulary["NAMED_CURRENCY"] = _alternation([k for k in names if k not in currencies.get("assumed", ())])
    vocabulary["PAST_REF"] = _alternation(data["bases"]["yoy_ref"] + data["bases"]["mom_ref"])
    vocabulary["SCHEDULE_UP"] = _alternation(data["schedule_gap"]["up"])
    vocabulary["SCHEDULE_DOWN"] = _alternation(data["schedule_gap"]["down"])
    vocabulary["DRIVER_UP"] = _alternation(data["driver_words"]["up"])
    vocabulary["DRIVER_DOWN"] = _alternation(data["driver_words"]["down"])
    vocabulary["COUNT_UNIT"] = _alternation(units["measure_words"]["count"])
    vocabulary["QUANTITY_UNIT"] = _alternation(units["measure_words"]["quantity"])
    vocabulary["CHANGE"] = _alternation(data["change_words"]["up"] + data["change_words"]["down"])
    vocabulary["BASIS"] = _alternation(data["bases"]["yoy"] + data["bases"]["mom"])
    return vocabulary


def expand(pattern: str) -> str:
    """``pattern`` with its {PLACEHOLDER}s replaced by the vocabulary's regex source (the shared
    pieces of data/shared.toml included)."""
    return expand_placeholders(pattern, vocabulary(), "figures.toml")


@cache
def rules() -> tuple[tuple[FigureRule, ...], tuple[Veto, ...], Lexicon]:
    data = load("figures")
    units = load("units")
    scales = {k: float(v) for k, v in units["scales"].items()}
    currencies = {k: v for k, v in units["currencies"].items() if isinstance(v, str)}
    change = data["change_words"]
    gap = data["gap_words"]
    bases = {word: name for name in ("yoy", "mom") for word in data["bases"][name]}
    bases |= {word: name[:3] for name in ("yoy_ref", "mom_ref") for word in data["bases"][name]}
    figure_rules = tuple(
        FigureRule(
            r["id"],
            r["kind"],
            pattern := compile_rule(expand(r["pattern"])),
            tuple(r.get("examples", ())),
            r.get("basis"),
            r.get("unit"),
            required_chars_of(pattern),
            reaching(pattern),
        )
        for r in data["rule"]
    )
    vetoes = tuple(
        Veto(
            v["id"],
            compile_rule(v["before"]) if "before" in v else None,
            compile_rule(v["after"]) if "after" in v else None,
            compile_rule(v["head"]) if "head" in v else None,
            tuple(v.get("examples", ())),
            compile_rule(v["unless_before"]) if "unless_before" in v else None,
        )
        for v in data["veto"]
    )
    lexicon = Lexicon(
        scales=scales,
        currencies=currencies,
        assumed_currencies=frozenset(units["currencies"].get("assumed", [])),
        down_words=frozenset(change["down"])
        | frozenset(gap["down"])
        | frozenset(data["driver_words"]["down"])
        | frozenset(data["schedule_gap"]["down"]),
        schedule_words=tuple(data["bases"]["schedule_words"]),
        bases=bases,
        qualifiers=dict(data["qualifiers"]),
        not_figures=tuple(data.get("not_figures", ())),
    )
    return figure_rules, vetoes, lexicon


def find_figures(text: str, view: str | None = None) -> list[FigureSpan]:
    """Non-overlapping figure spans in ``text``, in reading order (longest candidate wins)."""
    view = match_view(text) if view is None else view
    figure_rules, vetoes, _ = rules()
    masked = _masked(view)
    candidates: list[tuple[int, FigureSpan]] = []
    # the rules whose required characters the text holds; the others find nothing (spans.may_match)
    for order, rule in _gate_of(figure_rules).tried(view):
        for match in (rule.scan or rule.pattern).finditer(view):
            start, end = trimmed(view, *match.span())
            if end == start or _vetoed(view, start, end, vetoes):
                continue
            if masked and any(low < end and start < high for low, high in masked):
                continue
            parts = match.groupdict()
            unit_span = match.span("unit") if parts.get("unit") else None
            candidates.append((order, FigureSpan(start, end, rule, parts, unit_span)))
    return longest_first(candidates)


_GATE: list[tuple[tuple[FigureRule, ...], RuleGate[FigureRule]]] = []


def _gate_of(rule_table: tuple[FigureRule, ...]) -> RuleGate[FigureRule]:
    """The gate of these rules, kept with the very tuple it was made from (rules() rebuilt: a new gate)."""
    if not _GATE or _GATE[0][0] is not rule_table:
        _GATE[:] = [(rule_table, RuleGate(rule_table, [rule.required for rule in rule_table]))]
    return _GATE[0][1]


@cache
def masks() -> regex.Pattern[str]:
    """The [masks] of data/figures.toml as one pattern: stretches where no figure is read."""
    patterns = [p for name, p in load("figures")["masks"].items() if name != "examples"]
    return compile_rule("|".join(f"(?:{p})" for p in patterns))


@lru_cache(maxsize=16)
def _masked(view: str) -> tuple[tuple[int, int], ...]:
    """The masked stretches of a cell's view, found once for the cell (read again for list members)."""
    pattern = masks()
    return tuple(m.span() for m in pattern.finditer(view)) if may_hold(pattern, view) else ()


def _vetoed(view: str, start: int, end: int, vetoes: tuple[Veto, ...]) -> bool:
    # Six characters each side: room for a web copy's spaces ("第 6 项", "3 个 月").
    before, after, own = view[max(0, start - 6) : start], view[end : end + 6], view[start:end]
    return any(
        (v.head is None or (may_hold(v.head, own) and v.head.match(own)))
        and ((v.before is not None and v.before.search(before)) or (v.after is not None and v.after.match(after)))
        and not (v.unless_before is not None and v.unless_before.search(before))
        for v in vetoes
    )


@cache
def context_patterns() -> dict[str, regex.Pattern[str]]:
    """The [context] patterns of data/figures.toml: clause_break, scope, unit_level, target_cue, target_label."""
    return {name: compile_rule(expand(pattern)) for name, pattern in load("figures")["context"].items()}


def parse_figure(
    span: FigureSpan,
    text: str,
    field: str,
    view: str,
    home_scope: str | None = None,
    previous: Figure | None = None,
    home_currency: str | None = None,
) -> Figure | None:
    """Normalize one span; None when the number cannot be read (the span is then not a figure).

    ``previous`` is the figure found just before in the same text: a change right after it may
    share its subject (43亿元、同比下降4.2%). ``home_currency`` is what 元 alone means in the
    document (HKD in Hong Kong; None: CNY)."""
    _, _, lexicon = rules()
    parts = span.parts
    kind = span.rule.kind
    unit = span.rule.unit or _SPACE.sub("", parts.get("unit") or "%")  # 个 百 分 点 as spaced on some pages
    value, value_max = _values(parts, span.rule.id)
    if value is None:
        return None
    if parts.get("sign") in _MINUS:  # 同比增长-2.1%, 负3.9%
        value = -value
    basis_word = parts.get("basis")
    basis = (_basis_of(basis_word) if basis_word else None) or span.rule.basis
    currency_assumed = False
    if kind == "amount":
        named = parts.get("unit_named")
        currency_assumed = named is None and unit in lexicon.assumed_currencies
        unit = lexicon.currencies[named or unit]
        if currency_assumed and home_currency:
            unit = home_currency
    elif kind == "change":
        value, value_max, unit = _change(parts, value, value_max, unit)
        verb = parts.get("verb") or ""
        if verb in lexicon.down_words:
            value, value_max = -value, (-value_max if value_max is not None else None)
        if any(word in verb for word in lexicon.schedule_words):
            basis = "schedule"
    elif kind == "percent":
        if unit == "‰":
            value, value_max = value / 10, (value_max / 10 if value_max is not None else None)
        elif unit == "倍":  # 1.27倍: a multiple, as a percent
            value, value_max = value * 100, (value_max * 100 if value_max is not None else None)
        unit = "%"
    elif kind in ("count", "quantity") and span.unit_span is not None:
        unit = text[span.unit_span[0] : span.unit_span[1]]  # the measure word as written (5隻 → 隻)
    if kind == "count" and not float(value).is_integer():
        kind = "quantity"  # 千人口托位数3.88个: a count is whole (1.24万人 is), a fraction is a rate
    qualifier = next(
        (
            lexicon.qualifiers[q]
            for q in (parts.get("pre"), parts.get("approx"), parts.get("post"))
            if q in lexicon.qualifiers
        ),
        None,
    )
    context = context_patterns()
    clause = _clause_before(view, span.start)
    clause_start = span.start - len(clause)
    scope = None
    scopes = list(context["scope"].finditer(clause))
    # The clause is a view (全区 even in 全區); compare the home scope in the same script.
    if scopes and scopes[-1].group() != (match_view(home_scope) if home_scope else None):
        scope = text[clause_start + scopes[-1].start() : clause_start + scopes[-1].end()]
    labelled = context["target_label"].search(view[max(0, clause_start - 12) : clause_start])
    role = "target" if field == "task" or context["target_cue"].search(clause) or labelled else "actual"
    subject = _subject(text, view, span.start, clause_start, kind, previous)
    return Figure(
        text=text[span.start : span.end],
        field=field,
        span=(span.start, span.end),
        rule=span.rule.id,
        kind=kind,  # type: ignore[arg-type]
        value=_tidy(value),
        value_max=_tidy(value_max) if value_max is not None else None,
        unit=unit,
        currency_assumed=currency_assumed,
        basis=basis,  # type: ignore[arg-type]
        qualifier=qualifier,  # type: ignore[arg-type]
        scope=scope,
        subject=subject,
        role=role,  # type: ignore[arg-type]
    )


_MINUS = frozenset(("-", "−", "负"))
_SPACE = compile_rule(r"\s")


def _values(parts: dict[str, str | None], rule_id: str) -> tuple[float | None, float | None]:
    """The value and the upper end of a range, scales and sub-units applied, before any sign."""
    num, num_max = parts.get("num"), parts.get("num_max")
    scale = parts.get("scale") or ""
    if rule_id == "percent.tenths":
        return _tenths(num, parts.get("tail")), None
    if rule_id == "percent.discount":
        return _discount(num), None
    if rule_id == "amount.approx_pair":  # 八九亿: neighbours only (三五百 is 300–500, 三七 no range)
        low, high = parse_number(num or ""), parse_number(num_max or "")
        if low is None or high is None or not 1 <= high - low <= 2:
            return None, None
        place = parts.get("place") or ""
        return parse_number(f"{num}{place}{scale}"), parse_number(f"{num_max}{place}{scale}")
    if rule_id == "percent.fraction" and num in ("百", "半"):  # 百分百, 半数
        return (100.0 if num == "百" else 50.0), None
    if num is None:  # 亿元以上: the scale alone is one of it
        return (parse_number("1" + scale), None) if scale else (_number(None, scale, rule_id), None)
    value_max = _number(num_max, scale, rule_id) if num_max else None
    if parts.get("scale_min") or value_max is None:
        value = _number(num, parts.get("scale_min") or scale, rule_id)
    else:
        value = _lower_end(num, num_max, scale, value_max, rule_id)
    if value is not None and parts.get("denom_whole"):  # 三分之二: a fraction, in percent
        value = value * 100 / (parse_number(parts["denom_whole"]) or 1)
    if value is not None and parts.get("denom"):  # 千分之三: per mille, in percent
        denominator = math.prod(_PLACE_VALUES[c] for c in parts["denom"])
        value = value * 100 / denominator
    if value is not None and parts.get("half"):  # 一吨半
        value += 0.5
    if value is not None and parts.get("sub"):
        value += sum((parse_number(n) or 0.0) * _SUB_UNITS[u] for n, u in _sub_unit_part().findall(parts["sub"]))
    return value, value_max


_PLACE_VALUES = {
    "十": 10,
    "拾": 10,
    "百": 100,
    "佰": 100,
    "千": 1000,
    "仟": 1000,
    "万": 10_000,
    "亿": 10**8,
    "k": 1000,
    "K": 1000,
}
_SUB_UNITS = {"角": 0.1, "毛": 0.1, "分": 0.01, "美分": 0.01}
_SUB_UNIT_PART = r"(\d{1,2}|[零〇一二两三四五六七八九])(角|毛|美分|分)"


@cache
def _sub_unit_part() -> regex.Pattern[str]:
    return compile_rule(_SUB_UNIT_PART)


def _lower_end(num: str, num_max: str, scale: str, value_max: float, rule_id: str) -> float | None:
    """The lower end of a range written without its own scale takes the upper end's magnitude
    (3-5亿 → 3亿, 两到三仟 → 两千) unless that puts it above the upper end (8500到3万 → 8500)."""
    bare = _number(num, "", rule_id)
    if bare is None:
        return None
    magnitude = parse_number("1" + scale) if scale else _PLACE_VALUES.get(num_max.strip()[-1:])
    if magnitude is None:
        return bare
    scaled = bare * magnitude
    return scaled if scaled <= value_max else bare


def _tenths(num: str | None, tail: str | None) -> float | None:
    """成 is a tenth: 七成六 → 76, 三成半 → 35, 8.5成 → 85, 半成 → 5."""
    base = 0.5 if num == "半" else parse_number((num or "").replace(" ", ""))
    if base is None:
        return None
    extra = 0.0
    if tail:
        extra = 5.0 if tail == "半" else (parse_number(tail) or 0.0)
    return base * 10 + extra


def _discount(num: str | None) -> float | None:
    """折 is a price in tenths: 八折 → 80, 七五折 / 75折 → 75, 9.9折 → 99, 对折 → 50."""
    written = (num or "").replace(" ", "")
    if written in ("对", "半"):
        return 50.0
    if "点" in written or "." in written or len(written) == 1:
        value = parse_number(written)
        return None if value is None else value * 10
    digits = [parse_number(c) for c in written]
    if len(digits) != 2 or None in digits:
        return None
    return float(digits[0] * 10 + digits[1])  # type: ignore[operator]


def _number(num: str | None, scale: str, rule_id: str) -> float | None:
    if rule_id == "change.double":
        doubling = {"一": 1, "两": 2, "二": 2, "三": 3}.get(num or "一")  # 翻番 is 翻一番
        return None if doubling is None else float(2**doubling - 1) * 100
    if rule_id == "change.flat":
        return 0.0
    if num is None:
        return None
    return parse_number(num + scale)


def _change(parts: dict[str, str | None], value: float, value_max: float | None, unit: str):
    if unit == "个百分点":
        return value, value_max, "pp"
    if unit == "倍":  # 增长1.5倍: the new value is 2.5 times the old, a rise of 150 %
        return value * 100, (value_max * 100 if value_max is not None else None), "%"
    if unit == "成":
        return value * 10, (value_max * 10 if value_max is not None else None), "%"
    if unit == "‰":
        return value / 10, (value_max / 10 if value_max is not None else None), "%"
    return value, value_max, "%"


def _tidy(value: float) -> float:
    """Round away binary noise from scaling (4.3 * 1e9 → 4300000000.0), keeping 12 significant
    digits (百万万分之七 is 7e-08 %, not 0)."""
    return float(f"{value:.12g}")


@lru_cache(maxsize=64)
def _clause_breaks(view: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every clause break in a cell's view, found once per cell."""
    return tuple(m.span() for m in context_patterns()["clause_break"].finditer(view))


def _clause_before(view: str, start: int) -> str:
    """The clause a figure stands in, up to the figure (linear per cell, not per figure)."""
    breaks = _clause_breaks(view)
    index = bisect.bisect_left(breaks, (start, -1)) - 1
    # a break must end at or before the figure: step back over one that straddles it
    while index >= 0 and breaks[index][1] > start:
        index -= 1
    return view[breaks[index][1] if index >= 0 else 0 : start]


def extract_figures(
    text: str, field: str = "text", home_scope: str | None = None, home_currency: str | None = None
) -> list[Figure]:
    """Every figure in ``text``; ``field`` names the cell it came from ("text" for a bare snippet);
    ``home_currency``: what 元 alone means in the document (see :func:`home_currency`)."""
    view = match_view(text)
    figures: list[Figure] = []
    for span in _with_list_members(find_figures(text, view), view):
        previous = figures[-1] if figures else None
        figure = parse_figure(span, text, field, view, home_scope, previous, home_currency)
        if figure is not None:
            figures.append(figure)
    return _distribute(_reference_basis([_absolute_change(f, text, view) for f in figures], view), view)


def _reference_basis(figures: list[Figure], view: str) -> list[Figure]:
    """A change right after a reference value takes the basis written before that value
    (较上年28899万元增长9.9% is yoy; the 28899万元 stays the level it was a year before)."""
    rules_ = compiled_table("reference_basis")
    out = list(figures)
    for i in range(1, len(out)):
        reference, change = out[i - 1], out[i]
        if change.kind != "change" or change.basis is not None or reference.kind == "change":
            continue
        if not rules_["between"].fullmatch(view, reference.span[1], change.span[0]):
            continue
        found = rules_["before"].search(view, max(0, reference.span[0] - ABSOLUTE_CHANGE_REACH), reference.span[0])
        if found is not None:
            out[i] = change.model_copy(update={"basis": _basis_of(found.group("basis"))})
    return out


def _absolute_change(figure: Figure, text: str, view: str) -> Figure:
    """An amount, count or quantity right after a word of change is the size of that change
    (同比增收5939万元, 比上年减少2.6万吨): a change, signed, with its unit, basis and verb in its text."""
    if figure.kind not in ("amount", "count", "quantity") or figure.value_max is not None:
        return figure
    rules_ = absolute_change_rules()
    window = max(0, figure.span[0] - ABSOLUTE_CHANGE_REACH)
    found = rules_.before.search(view[window : figure.span[0]])
    if found is None:
        return figure
    start = window + found.start()
    verb = found.group("verb")
    down = verb in rules_.down or verb in rules()[2].down_words
    basis_word = found.group("basis")
    basis = _basis_of(basis_word) if basis_word else None
    return figure.model_copy(
        update={
            "kind": "change",
            "value": -figure.value if down else figure.value,
            "basis": basis,
            "text": text[start : figure.span[1]],
            "span": (start, figure.span[1]),
            "rule": "change.absolute",
            "subject": None,
        }
    )


ABSOLUTE_CHANGE_REACH = 20  # characters before a figure searched for its basis and word of change
LIST_REACH = 60  # characters before a figure searched for the bare numbers that share its unit


@cache
def compiled_table(table: str) -> dict[str, regex.Pattern[str]]:
    """The patterns of a table of data/figures.toml ([shared_unit], [distribution], [reference_basis]),
    placeholders expanded and compiled once; its examples and word lists are left out."""
    return {key: compile_rule(expand(value)) for key, value in load("figures")[table].items() if isinstance(value, str)}


_LINE_START = compile_rule(r"(?:^|[\n。;；:：])\s*\Z")


def _enumerates(view: str, start: int) -> bool:
    """A number at the start of a line or sentence followed by 、 or . numbers an item ({ENUMERATOR})."""
    return bool(_LINE_START.search(view, 0, start)) and bool(_enumerator().match(view, start))


@cache
def _enumerator() -> regex.Pattern[str]:
    return compile_rule(expand("{ENUMERATOR}"))


def _with_list_members(spans: list[FigureSpan], view: str) -> list[FigureSpan]:
    """Bare numbers listed before a figure share its unit (分别回落2.16和1.66个百分点, 426億及100億澳門元,
    9.8、6.2、5.8、2.0个百分点): each becomes a figure of the same rule. A word of change before the
    list (分别回落, 分别低于总体进度) is each member's, and the last figure's too."""
    rules_ = compiled_table("shared_unit")
    _, vetoes, _ = rules()
    out: list[FigureSpan] = []
    for span in spans:
        num = span.parts.get("num")
        floor = out[-1].end if out else 0
        leading = (span.parts.get(k) for k in ("pre", "verb", "basis", "sign"))
        # only a figure that opens with its own number (no qualifier, verb or basis before it) and
        # carries a unit can close a list of bare numbers
        if (
            not num
            or any(leading)
            or not view.startswith(num, span.start)
            or (span.rule.kind == "change" and (span.parts.get("unit") is None))
        ):
            out.append(span)
            continue
        tail = rules_["tail"].search(view, max(floor, span.start - LIST_REACH), span.start)
        members = list(rules_["member"].finditer(view, tail.start(), tail.end())) if tail else []
        if members and _enumerates(view, members[0].start()):
            members = members[1:]  # 1、2亿元用于建设: the 1 numbers the item
        masked = _masked(view)
        if (
            not members
            or any(_vetoed(view, m.start(), m.end("num"), vetoes) for m in members)
            or any(low < m.end() and m.start() < high for m in members for low, high in masked)
        ):
            out.append(span)
            continue
        lead = rules_["lead"].search(view, max(floor, members[0].start() - ABSOLUTE_CHANGE_REACH), members[0].start())
        shared: dict[str, str | None] = {}
        if lead is not None and span.rule.kind == "change":
            shared = {"verb": lead.group("verb"), "basis": lead.group("basis")}
        for m in members:
            parts = dict(span.parts) | {
                "num": m.group("num"),
                "scale": m.group("scale") or span.parts.get("scale"),
                **{k: None for k in ("pre", "approx", "post", "sign", "scale_min", "num_max", "sub", "half")},
                **shared,
            }
            out.append(FigureSpan(m.start(), m.end(), span.rule, parts, span.unit_span))
        out.append(FigureSpan(span.start, span.end, span.rule, dict(span.parts) | shared, span.unit_span))
    return out


class AbsoluteChangeRules(NamedTuple):
    before: regex.Pattern[str]
    down: frozenset[str]


@cache
def absolute_change_rules() -> AbsoluteChangeRules:
    """The [absolute_change] table of data/figures.toml, compiled."""
    data = load("figures")["absolute_change"]
    own = "|".join(regex.escape(w) for w in sorted(data["up"] + data["down"], key=len, reverse=True))
    before = expand(data["before"].replace("{OWN_VERBS}", own))
    return AbsoluteChangeRules(before=compile_rule(before), down=frozenset(data["down"]))


def _distribute(figures: list[Figure], view: str) -> list[Figure]:
    """A change led by 分别 shares its verb and basis with the rates listed after it: 同比分别增长6.1%、
    5.3%和4.8% are three changes, yoy (written once, read for each)."""
    rules_ = compiled_table("distribution")
    out = list(figures)
    for i in range(1, len(out)):
        # 增加 3.2 萬元或 2.17%: the rate after 或 restates the change before it, with its sign and basis
        head, member = out[i - 1], out[i]
        between = view[head.span[1] : member.span[0]]
        if head.kind == "change" and member.kind == "percent" and rules_["restated"].fullmatch(between):
            sign = -1.0 if head.value < 0 else 1.0
            out[i] = member.model_copy(
                update={
                    "kind": "change",
                    "value": sign
                    * abs(member.value),  # 减少3万元或-2%: the sign is the change's, written once or twice
                    "basis": head.basis,
                    "rule": "change.restated",
                }
            )
    for i, head in enumerate(out):
        before = view[max(0, head.span[0] - ABSOLUTE_CHANGE_REACH) : head.span[0]]  # a bounded look back
        lead = rules_["lead"].search(before) if head.kind == "change" else None
        if lead is None:
            continue
        basis = head.basis or (_basis_of(lead.group("basis")) if lead.group("basis") else None)
        out[i] = head = head.model_copy(update={"basis": basis})
        sign = -1.0 if head.value < 0 else 1.0
        previous = head
        for j in range(i + 1, len(out)):
            member = out[j]
            between = view[previous.span[1] : member.span[0]]
            if member.kind != "percent" or member.unit != head.unit or not rules_["joiner"].fullmatch(between):
                break
            out[j] = previous = member.model_copy(
                update={"kind": "change", "value": sign * member.value, "basis": basis, "rule": "change.distributed"}
            )
    return out


_MONTH_BEFORE = compile_rule(r"上月|上季")


def _basis_of(word: str) -> str:
    """The basis a written comparison names: a word of the lexicon (同比, 环比, 上年同期 …), else a
    comparison phrase (BASIS_PHRASE): mom when it names the month or quarter before, yoy for a year
    (比2017年 is read against the year before the report's)."""
    return rules()[2].bases.get(word) or ("mom" if _MONTH_BEFORE.search(match_view(word)) else "yoy")


# --------------------------------------------------------------------------------------------
# Subjects


class SubjectRules(NamedTuple):
    lead: regex.Pattern[str]
    trail: regex.Pattern[str]
    place: regex.Pattern[str]
    reject: regex.Pattern[str]
    change_before: regex.Pattern[str]
    share_between: regex.Pattern[str]
    min_length: int
    max_length: int
    max_stretch: int


@cache
def subject_rules() -> SubjectRules:
    """The [subject] table of data/figures.toml, compiled."""
    data = load("figures")["subject"]
    return SubjectRules(
        lead=compile_rule(expand("(?:" + "|".join(f"(?:{p})" for p in data["lead"]) + ")")),
        trail=compile_rule(expand("(?:" + "|".join(f"(?:{p})" for p in data["trail"]) + r")\Z")),
        place=compile_rule(expand(data["place"])),
        reject=compile_rule(expand(data["reject"])),
        change_before=compile_rule(expand(data["change_before"])),
        share_between=compile_rule(expand(data["share_between"])),
        min_length=int(data["min_length"]),
        max_length=int(data["max_length"]),
        max_stretch=int(data["max_stretch"]),
    )


def _subject(text: str, view: str, start: int, clause_start: int, kind: str, previous: Figure | None) -> str | None:
    """The metric a figure measures, from the text just before it in its clause, or None."""
    rules_ = subject_rules()
    low = clause_start
    if previous is not None and previous.span[1] > low:
        low = previous.span[1]
    high = start
    if high - low > rules_.max_stretch:
        return None  # what the lead words leave of so long a stretch would be too long anyway
    if rules_.change_before.search(view[low:high]):
        return None  # 较上年减少2.3亿元: the size of a change, not the level of a metric
    while True:
        before = (low, high)
        while (m := rules_.lead.match(view[low:high])) and m.end() > 0:
            low += m.end()
        while (m := rules_.trail.search(view[low:high])) and m.start() < high - low:
            high = low + m.start()
        stretch = view[low:high]
        m = rules_.place.match(stretch) if may_hold(rules_.place, stretch) else None
        if m and high - low - m.end() >= rules_.min_length:
            low += m.end()
        if (low, high) == before:
            break
    candidate = view[low:high]
    if not candidate:
        shares = (
            kind == "change"
            and previous is not None
            and previous.span[1] <= start
            and rules_.share_between.match(view[previous.span[1] : start])
        )
        return previous.subject if shares and previous is not None else None
    if not rules_.min_length <= len(candidate) <= rules_.max_length or rules_.reject.search(candidate):
        return None
    return text[low:high]


@cache
def _subject_keys() -> dict[str, str]:
    """Every listed name and synonym (by :func:`_subject_key`) → its canonical name."""
    keys: dict[str, str] = {}
    for canonical, synonyms in load("figures")["subjects"].items():
        for name in (canonical, *synonyms):
            key = _subject_key(name)
            if keys.get(key, canonical) != canonical:
                raise ValueError(f"figures.toml [subjects]: {name!r} is listed under {keys[key]!r} and {canonical!r}")
            keys[key] = canonical
    return keys


def _subject_key(subject: str) -> str:
    return match_key(subject).upper()


def canonical_subject(subject: str) -> str:
    """The canonical name of a metric (FDI → 实际使用外资, 外贸进出口总额 → 进出口总额), from the
    [subjects] table of data/figures.toml; a subject not listed maps to its match_key."""
    key = _subject_key(subject)
    return _subject_keys().get(key, match_key(subject))


# --------------------------------------------------------------------------------------------
# The home currency

HOME_CURRENCY_SAMPLE = 20_000  # characters read to decide it: the opening of any document suffices


class HomeCurrencyRules(NamedTuple):
    min_traditional_share: float
    min_currency_names: int
    min_place_marks: int
    currency_names: dict[str, regex.Pattern[str]]
    places: dict[str, regex.Pattern[str]]


@cache
def home_currency_rules() -> HomeCurrencyRules:
    """The [home_currency] table of data/units.toml, compiled."""
    data = load("units")["home_currency"]
    return HomeCurrencyRules(
        min_traditional_share=float(data["min_traditional_share"]),
        min_currency_names=int(data["min_currency_names"]),
        min_place_marks=int(data["min_place_marks"]),
        currency_names={code: compile_rule(_alternation(words)) for code, words in data["currency_names"].items()},
        places={code: compile_rule(_alternation(words)) for code, words in data["places"].items()},
    )


def home_currency(text: str) -> str | None:
    """What 元 alone means in a document: "HKD", "MOP" or "TWD" for one from Hong Kong, Macao or
    Taiwan; None for CNY (the default, ``Figure.currency_assumed`` says it was assumed)."""
    sample = text[:HOME_CURRENCY_SAMPLE]
    view = match_view(sample)
    rules_ = home_currency_rules()
    han = [i for i, c in enumerate(sample) if "\u4e00" <= c <= "\u9fff"]
    changed = sum(1 for i in han if view[i] != sample[i])
    names = {code: len(p.findall(view)) for code, p in rules_.currency_names.items()}
    if han and changed / len(han) >= rules_.min_traditional_share:
        marks = {code: names.get(code, 0) + len(p.findall(view)) for code, p in rules_.places.items()}
        best = max(marks, key=lambda code: marks[code])
        return best if marks[best] >= rules_.min_place_marks else None
    names_cny = names.pop("CNY", 0)
    best = max(names, key=lambda code: names[code])
    return best if names[best] >= rules_.min_currency_names and names[best] > names_cny else None
