"""A rule searched behind a lookahead that its rarest required character is reachable
(``spans.reach_lookahead``, ``compiled.reaching``) finds exactly what the rule finds: the lookahead
is read from the pattern's syntax, holds wherever a match starts, and leaves a pattern it cannot
bound as it is."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.rules import compiled, figures
from extractor.rules.compiled import reaching
from extractor.rules.spans import reach_lookahead, with_reach
from extractor.textnorm import match_view

PROJECT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # what a match consumes before its 元, and at most how much; the stretch's class without the
        # characters of R, read possessively (it stops at the first one). Unbounded (\\d+): at most 32
        # characters read, and a stretch that goes on past them let through (no quadratic scan of a run)
        ("计划(?:\\d+)(?:亿|万)?元", "(?!(?![万亿划计\\d]{0,32}+[万亿元划计\\d]))"),
        ("(?:约)?\\d{1,3}\\s?%", "(?!(?![约\\d\\s]{0,5}+[%]))"),
        ("合计\\d{1,4}吨", "(?!(?![合计\\d]{0,6}+[吨]))"),  # 合 and 计 are commoner than 吨
        ("(?:增长|下降)\\d+%|\\d+个百分点", "(?!(?![下增长降\\d]{0,32}+[%下个增长降\\d]))"),  # each branch reaches one
        ("约\\d{0,3}[05]", "(?!(?![约\\d]{0,4}?[05]))"),  # \\d holds R's 0 and 5: lazy, not possessive
        ("\\p{Han}{0,3}元", "(?!(?!(?s:.){0,3}?[元]))"),  # any character, but at most three of them
        ("^(?:由于|因为)|^\\d+个", "^(?!(?![因由\\d]{0,32}+[个为于因由\\d]))"),  # every match at ^: the lookahead too
        ("\\p{Han}+元", None),  # any character, any number of them: no bound
        ("约\\d+[05]", None),  # \\d holds R's 0 and 5, and no bound: no possessive stretch
        ("元\\d+", None),  # the rarest at the start: the engine's first characters say it
        ("(?:约)?\\d+", None),  # nothing every match holds but digits, at its start
        ("(?i)rmb\\d+元", None),  # case-insensitive
        ("(?P<s>[./-])\\d+(?P=s)元", None),  # a reference: not read
        ("\\d+(?:元)?", None),  # 元 optional: no required set past the start
    ],
)
def test_reach_lookahead(pattern: str, expected: str | None) -> None:
    assert reach_lookahead(pattern) == expected


def test_the_lookahead_rules_out_what_cannot_match() -> None:
    pattern = "(?:增长|下降)\\d+%|\\d+个百分点"
    look = regex.compile(reach_lookahead(pattern) or "")
    assert look.match("增长12%") and look.match("3个百分点")
    assert look.match("增长" + "1" * 40)  # past 32 characters of the stretch: let through
    assert look.match("12增3%")  # necessary, not sufficient: the rule itself finds nothing here
    assert not look.match("12 3%")  # a space is nothing a match consumes before its % or 个
    assert not look.match("增长12亿元，下降3%")  # the % is there, but past a 亿: no match of the rule starts here
    assert look.match("下降3%", 0)
    assert [m.span() for m in regex.compile(with_reach(pattern)).finditer("增长12亿元，下降3%")] == [(7, 11)]


def test_with_reach_keeps_a_pattern_it_cannot_read() -> None:
    assert with_reach("(?x) 增 \\d+ 元") == "(?x) 增 \\d+ 元"  # an inline flag of the whole pattern stays first
    assert with_reach("[^元]+元") == "[^元]+元"
    unknown = regex.compile("[^元]+元")
    assert reaching(unknown) is unknown
    known = reaching(regex.compile("计划(?:\\d+)元"))
    assert known.pattern.startswith("(?!(?![划计\\d]{0,32}+[元划计\\d]))")
    assert [m.group() for m in known.finditer("计划3亿元，计划12元")] == ["计划12元"]


def test_the_lookahead_is_kept_in_the_rule_cache() -> None:
    figures.rules()
    kept = compiled._State.data.get(compiled.REACH_KEY)
    assert isinstance(kept, dict)
    rule = next(r for r in figures.rules()[0] if r.id == "percent")
    assert kept[(rule.pattern.pattern, rule.pattern.flags)] == rule.scan.pattern[: -len(rule.pattern.pattern) - 4]


@cache
def _views() -> tuple[str, ...]:
    """Every non-blank line of the dev corpus's texts and every figure rule's example, and every
    suffix of the short ones (a rule matching at a text's start, a lookbehind at its edge)."""
    lines = [
        line
        for path in sorted((PROJECT / "corpus" / "dev").glob("*.txt"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]
    examples = [e["text"] if isinstance(e, dict) else str(e) for r in figures.rules()[0] for e in r.examples]
    views = [match_view(t) for t in [*lines, *examples] if isinstance(t, str)]
    return tuple(views + [v[i:] for v in views if len(v) <= 40 for i in range(1, len(v))])


def _found(pattern: regex.Pattern[str], view: str) -> list[tuple[object, ...]]:
    return [
        (m.span(), m.groupdict(), m.span("unit") if "unit" in m.groupdict() else None) for m in pattern.finditer(view)
    ]


def test_figure_rules_reach_what_their_patterns_find() -> None:
    rules = figures.rules()[0]
    reached = [r for r in rules if r.scan is not None and r.scan is not r.pattern]
    assert len(reached) >= len(rules) - 2  # the test covers nearly every rule
    found = 0
    for rule in reached:
        for view in _views():
            expected = _found(rule.pattern, view)
            assert _found(rule.scan, view) == expected, (rule.id, view)
            found += len(expected)
    assert found > 5000


def test_figure_spans_as_without_the_lookahead(monkeypatch: pytest.MonkeyPatch) -> None:
    views = _views()[:8000]
    reached = [[(s.start, s.end, s.rule.id, s.parts, s.unit_span) for s in figures.find_figures(v, v)] for v in views]
    figure_rules, vetoes, lexicon = figures.rules()
    plain = tuple(r._replace(scan=None) for r in figure_rules)
    monkeypatch.setattr(figures, "rules", lambda: (plain, vetoes, lexicon))
    unreached = [[(s.start, s.end, s.rule.id, s.parts, s.unit_span) for s in figures.find_figures(v, v)] for v in views]
    assert reached == unreached
    assert sum(map(len, reached)) > 1000


def _words(text: str) -> list[str]:
    return text.split(" ")


@cache
def _pieces() -> tuple[str, ...]:
    """Pieces a generated cell is made of: the rules' examples cut in parts, numbers, units, scales,
    change words, CJK, spaces of every width, punctuation of both widths."""
    examples = [e["text"] if isinstance(e, dict) else str(e) for r in figures.rules()[0] for e in r.examples]
    cut = [e[i : i + n] for e in examples for n in (1, 2, 4) for i in range(0, len(e), n)]
    extra = _words("0 1 12 3.5 1,200 -4 +7 二 三十 百 千 万 亿 元 亿元 万元 美元 % ％ ‰ 个 个百分点")
    extra += _words("倍 成 折 之 分之 吨 亩 米 度 增长 下降 同比 环比 较上年 约 达 超过 计划 完成 目标")
    extra += _words("， , 。 、 （ ） ( ) 项目 建设 年 月 第 季度 与 比")
    extra += [" ", "  ", "\u3000", "\t", "\xa0"]
    return tuple(dict.fromkeys([*cut, *extra]))


cells = st.lists(st.sampled_from(_pieces()), max_size=14).map("".join)


@settings(derandomize=True, max_examples=400, deadline=None)
@given(cells)
def test_figure_rules_reach_what_they_find_on_generated_cells(cell: str) -> None:
    view = match_view(cell)
    for rule in figures.rules()[0]:
        if rule.scan is not None:
            assert _found(rule.scan, view) == _found(rule.pattern, view), rule.id


def test_statement_cues_reach_what_they_find() -> None:
    """The kinds' cues (compiled behind the lookahead, at ^) find what the cues as written find, on
    every piece of every dev line (a cue is searched on a clause from its start)."""
    from extractor.rules.cells import cell_rules
    from extractor.rules.data import load

    statements = load("cells")["statements"]
    written = {
        k["kind"]: regex.compile(k["cue"].replace("{OPENER}", k["opener"]).replace("{LEAD}", statements["lead"]))
        for k in statements["kind"]
    }
    pieces = [v[i:] for v in _views()[:20000] for i in range(0, len(v), 3)]
    found = 0
    for kind, cue in cell_rules().kinds:
        assert cue.pattern.startswith("^(?!(?!")  # every cue is reached
        for piece in pieces:
            expected = written[kind].search(piece)
            got = cue.search(piece)
            assert (got and (got.span(), got.groupdict())) == (expected and (expected.span(), expected.groupdict()))
            found += expected is not None
    assert found > 500
