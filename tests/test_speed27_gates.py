"""Status cues tried only where the piece holds the characters they require (issue 16, speed27).

``spans.required_chars`` reads a Unicode property of the ``regex`` module (``\\p{Han}``) outside a
class as any one character, so a cue written with one still requires its literals; a status tier
tries on a piece only the cues whose required characters the piece holds (``Tier.tried``), and its
one alternation (``Tier.any_cue``) only when that rules none out. Both must change no result.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from extractor.rules import figures, status
from extractor.rules.cells import cell_rules
from extractor.rules.compiled import may_hold, required_chars_of
from extractor.rules.data import load
from extractor.rules.spans import first_chars, may_match, required_chars
from extractor.rules.status import Tier, row_status, status_rules
from extractor.textnorm import match_view

ROOT = Path(__file__).resolve().parent.parent


def _sets(pattern: str) -> list[str]:
    return ["".join(sorted(s)) for s in required_chars(pattern)]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("\\p{Han}元", ["元"]),  # a property is one character of any kind: the literal is still required
        ("\\P{Han}{2}元|美元", ["元"]),
        ("(?<=\\p{Han})增长", ["增", "长"]),  # in a lookbehind: one character wide, nothing consumed
        ("已(?:经)?\\p{Han}{2}", ["已"]),
        ("[\\p{Han}a]元", []),  # a property inside a class: left to the regex module, nothing known
        ("[^\\p{Han}]元", []),
        ("[]\\p{Han}]元", []),  # a first ] is a class member: the property is still inside
        ("\\\\p{Han}元", ["H", "\\", "a", "n", "p", "{", "}", "元"]),  # an escaped backslash: no property
        ("(?x) \\p{Han} 元", []),  # verbose: a comment may hold a bracket, left alone
        # an alternation: the union of each branch's rarest set, then of its second and third rarest
        ("[％%]|个百分点", ["%个％", "%分％", "%点％"]),
        ("(?:三|四)成|(?:五|六)分", ["分成", "三五六四"]),  # smallest set first
    ],
)
def test_required_chars_of_unicode_properties(pattern: str, expected: list[str]) -> None:
    assert _sets(pattern) == expected


def test_a_figure_rule_of_chinese_numerals_requires_one() -> None:
    """quantity.chinese (三吨, 十二公里) requires a unit and a Chinese numeral: a cell without a numeral
    skips it (the numeral set was dropped before, each branch keeping only its rarest set)."""
    (rule,) = [r for r in figures.rules()[0] if r.id == "quantity.chinese"]
    assert any("三" in needed and "3" not in needed for needed in rule.required)
    assert any("吨" in needed for needed in rule.required)


def test_first_chars_of_a_property_stay_unknown() -> None:
    assert first_chars("\\p{Han}元") is None  # any character may start it
    assert first_chars("元\\p{Han}") == "[元]"


def _dev_sentences(limit: int = 2500) -> list[str]:
    """Sentences of the dev corpus's text files (development data only)."""
    out: list[str] = []
    for path in sorted((ROOT / "corpus" / "dev").glob("*.txt")):
        if path.name.endswith(".text.txt"):
            continue
        for line in path.read_text("utf-8", errors="replace").splitlines():
            out += [s for s in line.replace("。", "。\n").splitlines() if 2 <= len(s) <= 300]
        if len(out) >= limit:
            break
    return out[:limit]


def _cue_texts() -> list[str]:
    texts = []
    for tier in load("status")["tier"]:
        for cue in tier["cue"]:
            texts += cue.get("examples", []) + cue.get("counter_examples", [])
    return texts


@pytest.fixture(scope="module")
def views() -> list[str]:
    base = [match_view(t) for t in [*_cue_texts(), *_dev_sentences()]]
    return base + [v[i:] for v in base if len(v) <= 40 for i in range(1, len(v))]


def test_a_cue_is_skipped_only_where_it_finds_nothing(views: list[str]) -> None:
    rules = status_rules()
    skipped = matched = 0
    for view in views:
        chars = rules.cue_gate.present(view)
        for tier in rules.tiers.values():
            tried = tier.tried(chars)
            assert tried == tuple(c for c in tier.cues if may_match(c.required, frozenset(view)))
            for cue in tier.cues:
                found = cue.pattern.search(view) is not None
                matched += found
                if cue not in tried:
                    skipped += 1
                    assert not found, (cue.id, view)
    assert matched > 500 and skipped > 10 * matched  # exercised, and it skips most tries


def test_cues_with_a_property_require_characters() -> None:
    """The cues written with \\p{Han} (on_track.reported, done.target …) are gated too: every cue is."""
    ungated = [c.id for t in status_rules().tiers.values() for c in t.cues if not c.required]
    assert ungated == []


def test_row_status_is_the_same_as_with_every_cue_tried(views: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [{"task": "完成项目建设", "progress": view} for view in views[:: max(1, len(views) // 3000)]]
    gated = [row_status(cells, [], [], [], None) for cells in rows]
    monkeypatch.setattr(Tier, "tried", lambda tier, chars: tier.cues)  # every cue, behind the alternation
    every_cue = [row_status(cells, [], [], [], None) for cells in rows]
    assert gated == every_cue
    assert len({s.value for s in gated}) >= 5  # the rows read as several states


def _prefiltered() -> list[tuple[str, regex.Pattern[str]]]:
    """The patterns searched behind ``compiled.may_hold`` (status.py, figures.py, cells.py)."""
    rules = status_rules()
    _, vetoes, _ = figures.rules()
    return [
        ("negator", rules.negator),
        ("resumed", rules.resumed),
        ("planned", rules.planned),
        ("preparation", rules.milestone.preparation),
        ("reached", rules.milestone.reached),
        ("masks", figures.masks()),
        ("subject place", figures.subject_rules().place),
        ("task note", status._BRACKETED),
        ("completion share", rules.completion),
        ("benchmark task", rules.benchmark.task),
        ("problems label", cell_rules().marker),
        *((f"veto head {v.id}", v.head) for v in vetoes if v.head is not None),
    ]


def test_may_hold_is_may_match_on_the_text_and_never_wrong(views: list[str]) -> None:
    skipped = 0
    for name, pattern in _prefiltered():
        required = required_chars_of(pattern)
        assert required, name  # each has characters to test, or the test would be idle
        for view in views:
            holds = may_hold(pattern, view)
            assert holds == may_match(required, frozenset(view)), (name, view)
            if not holds:
                skipped += 1
                assert pattern.search(view) is None, (name, view)
    assert skipped > 1000
