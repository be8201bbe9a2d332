"""The columns31 renders' header words are what their docstrings say (benchmarks/renders/columns31.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from extractor.headers import header_candidates

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from renders import columns31


@pytest.mark.parametrize("role", ["task", "progress", "lead"])
def test_unknown_words_claim_nothing(role):
    for word in columns31.UNKNOWN[role]:
        assert header_candidates(word, morphemes=True) == [], word


def test_misleading_words_claim_no_task_by_synonym():
    # what was done, worded so that a morpheme (工作, 成效) or an opener (已) alone can tell: never a synonym
    for word in columns31.MISLEADING["progress"]:
        claims = dict(header_candidates(word, morphemes=True))
        assert claims.get("task", 0.0) < 1.0, word


def test_renders_are_registered():
    from renders import RENDERS

    assert {name for name in RENDERS if name.startswith("render_c31_")} == set(columns31.RENDERS)
