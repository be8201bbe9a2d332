"""Every example in data/layout.toml is matched by the pattern it illustrates (the data is tested as data)."""

from __future__ import annotations

import pytest

from extractor.headers import layout_patterns, prose_patterns
from extractor.rules.data import load
from extractor.textnorm import match_view

# example list → the compiled pattern it belongs to (title_cues examples illustrate the compiled title_cue)
SECTIONS = {"": layout_patterns, "prose": prose_patterns}
NAMES = {"title_cues": "title_cue"}


def _cases(suffix: str = "_examples") -> list[tuple[str, str, str]]:
    cases = []
    data = load("layout")
    for section, table in (("", data), ("prose", data["prose"])):
        for key, examples in table.items():
            if key.endswith(suffix) and (suffix != "_examples" or not key.endswith("_counter_examples")):
                name = key.removesuffix(suffix)
                cases.extend((section, NAMES.get(name, name), example) for example in examples)
    return cases


@pytest.mark.parametrize(("section", "name", "example"), _cases())
def test_layout_example_matches_its_pattern(section: str, name: str, example: str) -> None:
    pattern = SECTIONS[section]()[name]
    # layout patterns run on the text as written or on its matching view (traditional, full-width)
    assert pattern.search(example) or pattern.search(match_view(example)), f"{name}: {example!r}"


@pytest.mark.parametrize(("section", "name", "example"), _cases("_counter_examples"))
def test_layout_counter_example_is_not_matched(section: str, name: str, example: str) -> None:
    pattern = SECTIONS[section]()[name]
    assert not pattern.search(example) and not pattern.search(match_view(example)), f"{name}: {example!r}"


def test_every_pattern_has_examples() -> None:
    names = {name for _, name, _ in _cases()}
    assert set(layout_patterns()) - names == set()
    assert set(prose_patterns()) - names == {f"style:{s}" for s in load("layout")["prose"]["styles"]}
