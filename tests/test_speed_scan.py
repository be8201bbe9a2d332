"""A pattern searched behind a lookahead of its first characters (``compiled.scanning``) finds what the
pattern finds: the characters a match may start with are read from the pattern's syntax
(``spans.first_chars``), and a pattern whose first characters are not known is searched as it is."""

from __future__ import annotations

import pytest
import regex

from extractor.rules import dates
from extractor.rules.compiled import scanning
from extractor.rules.spans import first_chars
from extractor.textnorm import match_view
from tests.conftest_helpers import corpus_lines


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("增长", "[增]"),  # the first literal only
        ("(?:约)?(?<![\\d.])\\d+年", "[约\\d]"),  # an optional part, then what follows it; a lookbehind is no character
        ("(?:截至\\s*)?(?P<y>\\d{4})年|(?P<y>[一二])季度", "[截\\d一二]"),  # each branch; a name used twice
        ("[ \\t]{0,3}%", "[\\ \\\t%]"),
        ("[a-c]x|\\w", "[a-c\\w]"),
        ("(?:约)*", None),  # may match nothing
        ("(?=年)?", None),
        ("[^元]元", None),  # a negated class: any character
        (".元", None),
        ("(?i)rmb", None),  # case-insensitive
        ("\\p{Han}元", None),  # syntax of the regex module only
        ("(?P<s>[./-])\\d(?P=s)", None),  # a named reference: the standard parser refuses it
    ],
)
def test_first_chars(pattern: str, expected: str | None) -> None:
    assert first_chars(pattern) == expected


def test_scanning_keeps_a_pattern_it_cannot_read() -> None:
    unknown = regex.compile("[^元]元")  # a negated class: any first character
    assert scanning(unknown) is unknown
    flagged = regex.compile("(?x) 增 长")  # an inline flag of the whole pattern: left alone
    assert scanning(flagged) is flagged
    known = scanning(regex.compile("(?:约)?\\d+元"))
    assert known.pattern.startswith("(?=[约\\d])")
    assert [m.group() for m in known.finditer("约3元，12元")] == ["约3元", "12元"]


def _views() -> list[str]:
    """Lines of the corpus's texts and every date rule's example, and every suffix of the short ones
    (a rule matching at a text's start, a lookbehind at its edge)."""
    lines = corpus_lines()
    examples = [e["text"] if isinstance(e, dict) else str(e) for r in dates.rules()[0] for e in r.examples]
    views = [match_view(t) for t in [*lines, *examples] if isinstance(t, str)]
    return views + [v[i:] for v in views if len(v) <= 40 for i in range(1, len(v))]


@pytest.fixture(scope="module")
def views() -> list[str]:
    return _views()


def test_date_rules_scan_what_their_patterns_find(views: list[str]) -> None:
    rules = dates.rules()[0]
    scanned = [r for r in rules if r.scan is not None and r.scan is not r.pattern]
    assert len(scanned) >= len(rules) - 2  # the test covers nearly every rule
    found = 0
    for rule in scanned:
        for view in views:
            expected = [(m.span(), m.groupdict()) for m in rule.pattern.finditer(view)]
            assert [(m.span(), m.groupdict()) for m in rule.scan.finditer(view)] == expected, (rule.id, view)
            found += len(expected)
    assert found > 1000


def test_date_spans_as_without_the_lookahead(views: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    scanned = [[(s.start, s.end, s.rule.id, s.parts) for s in dates.find_date_spans(v, v)] for v in views[:6000]]
    date_rules, vetoes, lexicon = dates.rules()
    plain = tuple(r._replace(scan=None) for r in date_rules)
    monkeypatch.setattr(dates, "rules", lambda: (plain, vetoes, lexicon))
    unscanned = [[(s.start, s.end, s.rule.id, s.parts) for s in dates.find_date_spans(v, v)] for v in views[:6000]]
    assert scanned == unscanned
    assert sum(map(len, scanned)) > 300
