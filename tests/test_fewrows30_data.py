"""Every example in data/layout.toml [fewrows] is matched by the pattern it illustrates and no
counter-example is (the data is tested as data)."""

from __future__ import annotations

import pytest

from extractor.rules.compiled import compile_rule
from extractor.rules.data import load
from extractor.textnorm import match_view

TABLE = load("layout")["fewrows"]
PATTERNS = [k for k, v in TABLE.items() if isinstance(v, str)]


def _cases(suffix: str) -> list[tuple[str, str]]:
    return [(name, example) for name in PATTERNS for example in TABLE.get(f"{name}{suffix}", [])]


@pytest.mark.parametrize(("name", "example"), _cases("_examples"))
def test_example_matches_its_pattern(name: str, example: str) -> None:
    pattern = compile_rule(TABLE[name])
    assert pattern.search(example) or pattern.search(match_view(example)), f"{name}: {example!r}"


@pytest.mark.parametrize(("name", "example"), _cases("_counter_examples"))
def test_counter_example_is_not_matched(name: str, example: str) -> None:
    pattern = compile_rule(TABLE[name])
    assert not pattern.search(example) and not pattern.search(match_view(example)), f"{name}: {example!r}"


def test_every_pattern_has_examples_and_counter_examples() -> None:
    assert PATTERNS
    for name in PATTERNS:
        assert TABLE.get(f"{name}_examples") and TABLE.get(f"{name}_counter_examples"), name
