"""The shortcuts taken for speed find what the rules they stand for find.

- A status tier's alternation (``Tier.any_cue``) and the statement kinds' (``CellRules.any_kind``)
  find nothing exactly when none of their cues does: checked on every example and counter-example
  of data/status.toml and data/cells.toml, on every sentence of the corpus' progress cells, and on
  every suffix of them (a cue anchored at the start, a lookbehind at the edge).
- A rule pattern's text is the same in every run (the on-disk cache is keyed by it): the word
  alternations do not follow a set's hash-seeded order.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.rules.cells import cell_rules
from extractor.rules.data import load
from extractor.rules.status import status_rules
from extractor.textnorm import match_view

ROOT = Path(__file__).resolve().parent.parent


def _status_texts() -> list[str]:
    texts = []
    for tier in load("status")["tier"]:
        for cue in tier["cue"]:
            texts += cue.get("examples", []) + cue.get("counter_examples", [])
    return texts


def _kind_texts() -> list[str]:
    texts = []
    statements = load("cells")["statements"]
    for entry in [*statements["kind"], *statements["label"]]:
        for key in ("examples", "counter_examples"):
            texts += [t for t in entry.get(key, []) if isinstance(t, str)]
    return texts


def _corpus_sentences(limit: int = 1500) -> list[str]:
    """Sentences of the corpus' text files, varied in script, spacing and punctuation."""
    out: list[str] = []
    for folder in ("dev", "test"):
        for path in sorted((ROOT / "corpus" / folder).glob("*.txt")):
            if path.name.endswith(".text.txt"):
                continue
            for line in path.read_text("utf-8", errors="replace").splitlines():
                out += [s for s in line.replace("。", "。\n").splitlines() if 2 <= len(s) <= 300]
            if len(out) >= limit:
                return out[:limit]
    return out


@pytest.fixture(scope="module")
def texts() -> list[str]:
    base = [*_status_texts(), *_kind_texts(), *_corpus_sentences()]
    views = [match_view(t) for t in base]
    # every suffix of the short ones: cues that open a piece (^由于) or look behind at its edge
    views += [v[i:] for v in views if len(v) <= 40 for i in range(1, len(v))]
    return views


def test_the_texts_hold_what_the_cues_find(texts: list[str]) -> None:
    """The check below is not vacuous: the texts hold matches of every tier and of every kind."""
    for tier in status_rules().tiers.values():
        assert any(tier.any_cue.search(v) for v in texts), tier.name
    for name, cue in cell_rules().kinds:
        assert any(cue.search(v) for v in texts), name


def test_a_tier_alternation_finds_nothing_exactly_when_no_cue_does(texts: list[str]) -> None:
    for tier in status_rules().tiers.values():
        for view in texts:
            combined = tier.any_cue.search(view) is not None
            each = any(cue.pattern.search(view) is not None for cue in tier.cues)
            assert combined == each, (tier.name, view)


def test_the_kind_alternation_finds_nothing_exactly_when_no_kind_cue_does(texts: list[str]) -> None:
    rules = cell_rules()
    for view in texts:
        combined = rules.any_kind.search(view) is not None
        each = any(cue.search(view) is not None for _, cue in rules.kinds)
        assert combined == each, view


_PATTERNS = """
import json
from extractor.rules import figures
print(json.dumps([figures.vocabulary(), [r.pattern.pattern for r in figures.rules()[0]]], ensure_ascii=False))
"""


def test_rule_patterns_are_the_same_under_every_hash_seed() -> None:
    def patterns(seed: str) -> list:
        env = {**os.environ, "PYTHONHASHSEED": seed, "EXTRACTOR_CACHE_DIR": ""}
        done = subprocess.run([sys.executable, "-c", _PATTERNS], env=env, capture_output=True, text=True, check=True)
        return json.loads(done.stdout)

    first = patterns("1")
    assert first[0]["CURRENCY"] and len(first[1]) > 10
    assert patterns("2") == first == patterns("12345")
