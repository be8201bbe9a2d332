"""The required-characters test that lets figure and date rules skip a cell: never wrong.

``required_chars`` reads from a pattern's syntax which characters every match consumes; a rule is
skipped on a cell that lacks one. Skipping must change no result: every text a rule matches holds
its required characters.
"""

from __future__ import annotations

import pytest

from extractor.rules import dates, figures
from extractor.rules.spans import RuleGate, may_match, required_chars
from extractor.textnorm import match_view
from tests.conftest_helpers import corpus_lines


def _sets(pattern: str) -> list[str]:
    return ["".join(sorted(s)) for s in required_chars(pattern)]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("增长", ["增", "长"]),  # every literal of a word
        ("(?:亿|万)?元", ["元"]),  # an optional part requires nothing
        ("美元|港元|元", ["元"]),  # a branch whose set is already there adds nothing
        ("[％%]|个百分点", ["%个％", "%分％", "%点％"]),  # a set per branch, and the second and third rarest of each
        ("(?<=同比)增长", ["增", "长"]),  # a lookaround consumes nothing
        ("(?!下降)\\d+%", ["%"]),  # \\d may be any digit: no set
        ("(?P<n>\\d+)亿|(?P<n>\\d+)万", ["万亿"]),  # a name used twice (the standard parser refuses it)
        ("(?:约){1,2}", ["约"]),
        ("(?:约)*", []),
        ("[^元]", []),  # a negated class: anything
        ("(?i)rmb", []),  # case-insensitive: nothing known
        ("\\p{Han}元", ["元"]),  # a property outside a class is any one character: 元 is required
    ],
)
def test_required_chars(pattern: str, expected: list[str]) -> None:
    assert _sets(pattern) == expected


def test_may_match() -> None:
    required = required_chars("同比(?:增长|下降)")
    assert may_match(required, frozenset("同比下降4.2%"))
    assert not may_match(required, frozenset("同比持平"))  # no 增 nor 下
    assert not may_match(required, frozenset("增长4%"))  # no 同
    assert may_match((), frozenset())  # nothing required: always tried


def _texts() -> list[str]:
    """Every line of the corpus's texts, and every rule example."""
    lines = corpus_lines()
    figure_rules, _, _ = figures.rules()
    date_rules, _, _ = dates.rules()
    examples = [e["text"] if isinstance(e, dict) else str(e) for r in (*figure_rules, *date_rules) for e in r.examples]
    return lines + [e for e in examples if isinstance(e, str)]


@pytest.fixture(scope="module")
def views() -> list[str]:
    return [match_view(text) for text in _texts()]


def test_every_rule_has_a_test() -> None:
    """The rules are written so that each requires some character (a rule without one is tried on every cell)."""
    figure_rules, _, _ = figures.rules()
    date_rules, _, _ = dates.rules()
    untested = [r.id for r in (*figure_rules, *date_rules) if not r.required]
    assert untested == ["day.numeric"]  # 2023/3/10, 3.10: digits and separators only


@pytest.mark.parametrize("family", ["figures", "dates"])
def test_no_match_is_skipped(family: str, views: list[str]) -> None:
    """Wherever a rule matches, the text holds the characters it requires (on the corpus and the examples)."""
    rules = figures.rules()[0] if family == "figures" else dates.rules()[0]
    assert len(views) > 3000
    skipped = matched = 0
    for view in views:
        chars = frozenset(view)
        for rule in rules:
            found = rule.pattern.search(view) is not None
            matched += found
            if not may_match(rule.required, chars):
                skipped += 1
                assert not found, (rule.id, view)
    assert matched > 1000 and skipped > matched  # the test is exercised, and it skips most tries


@pytest.mark.parametrize("family", ["figures", "dates"])
def test_the_same_spans_as_without_the_test(family: str, views: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """find_figures and find_date_spans give what they gave before the test existed (every rule tried)."""
    find = figures.find_figures if family == "figures" else dates.find_date_spans
    gated = [[(s.start, s.end, s.rule.id) for s in find(view, view)] for view in views]
    monkeypatch.setattr(RuleGate, "tried", lambda gate, view: gate._rules)  # every rule, in order
    every_rule = [[(s.start, s.end, s.rule.id) for s in find(view, view)] for view in views]
    assert gated == every_rule
    assert sum(map(len, gated)) > 1000


def test_rules_rebuilt_get_their_own_gate() -> None:
    """The gate follows the rule table it was made from: rebuilt rules are never read through an old gate."""
    figures.rules.cache_clear()
    try:
        first = figures.rules()[0]
        assert [f.value for f in figures.extract_figures("投资43亿元，增长5%")] == [4.3e9, 5.0]
        old_gate = figures._gate_of(first)
        figures.rules.cache_clear()
        rebuilt = figures.rules()[0]
        assert rebuilt is not first and figures._gate_of(rebuilt) is not old_gate
        assert [f.value for f in figures.extract_figures("投资43亿元，增长5%")] == [4.3e9, 5.0]
    finally:
        figures.rules.cache_clear()
