"""The [stream] table of data/layout.toml is tested as data: every example is matched by its pattern
(in the text as written or in its matching view: traditional script, full width), no
counter-example is, and every pattern has examples of both kinds."""

from __future__ import annotations

import pytest

from extractor.rules.compiled import compile_rule
from extractor.rules.data import load
from extractor.textnorm import match_view

TABLE = load("layout")["stream"]
PATTERNS = sorted(k for k, v in TABLE.items() if isinstance(v, str))


def _cases(suffix: str) -> list[tuple[str, str]]:
    return [(name, example) for name in PATTERNS for example in TABLE.get(name + suffix, [])]


@pytest.mark.parametrize(("name", "example"), _cases("_examples"))
def test_stream_example_matches_its_pattern(name: str, example: str) -> None:
    pattern = compile_rule(TABLE[name])
    assert pattern.match(example) or pattern.match(match_view(example)), f"{name}: {example!r}"


@pytest.mark.parametrize(("name", "example"), _cases("_counter_examples"))
def test_stream_counter_example_is_not_matched(name: str, example: str) -> None:
    pattern = compile_rule(TABLE[name])
    assert not pattern.match(example) and not pattern.match(match_view(example)), f"{name}: {example!r}"


def test_every_stream_pattern_has_examples_and_counter_examples() -> None:
    assert PATTERNS == ["deadline_words", "glued_seq"]
    for name in PATTERNS:
        assert TABLE.get(name + "_examples") and TABLE.get(name + "_counter_examples"), name


def test_the_glued_number_is_the_rows() -> None:
    pattern = compile_rule(TABLE["glued_seq"])
    assert [int(pattern.match(match_view(t)).group(1)) for t in ("12、加快建设", "３．實施", "7 提升")] == [12, 3, 7]
