"""Rule data files are validated on loading: an unknown or misplaced key fails, naming file and key."""

from __future__ import annotations

import tomllib

import pytest

from extractor.rules.data import DATA_DIR, RuleDataError, load, validate
from extractor.rules.schema import MODELS, PATTERN_FILES


@pytest.mark.parametrize("name", sorted(p.stem for p in DATA_DIR.glob("*.toml")))
def test_every_rule_file_has_a_model_and_passes_it(name: str) -> None:
    assert name in MODELS or name in PATTERN_FILES
    # Read from the file itself: load() serves a rule file from the rule cache without validating
    # it again once an earlier run has (rules/compiled.py).
    with (DATA_DIR / f"{name}.toml").open("rb") as handle:
        data = tomllib.load(handle)
    validate(name, data)
    assert data
    load.cache_clear()
    assert load(name) == data


def _figures() -> dict:
    with (DATA_DIR / "figures.toml").open("rb") as handle:
        return tomllib.load(handle)


def test_a_key_swallowed_by_the_last_veto_is_refused() -> None:
    """`not_figures = [...]` written below the last [[veto]] becomes that veto's key in TOML."""
    data = _figures()
    data["veto"][-1]["not_figures"] = data.pop("not_figures")
    with pytest.raises(RuleDataError, match=r"figures\.toml: .*veto\.\d+\.not_figures"):
        validate("figures", data)


def test_a_misspelt_key_is_refused() -> None:
    data = _figures()
    data["rule"][0]["exampels"] = data["rule"][0].pop("examples")
    with pytest.raises(RuleDataError, match=r"rule\.0\.exampels"):
        validate("figures", data)


def test_a_missing_key_is_refused() -> None:
    data = _figures()
    del data["distribution"]["joiner"]
    with pytest.raises(RuleDataError, match=r"distribution\.joiner"):
        validate("figures", data)


def test_examples_with_no_pattern_are_refused_in_a_pattern_file() -> None:
    with (DATA_DIR / "layout.toml").open("rb") as handle:
        data = tomllib.load(handle)
    data["prose"]["no_such_pattern_examples"] = ["x"]
    with pytest.raises(RuleDataError, match=r"prose\.no_such_pattern_examples"):
        validate("layout", data)


def test_a_file_without_a_model_is_refused() -> None:
    with pytest.raises(RuleDataError, match="no model"):
        validate("newfile", {})


SHARED = load("shared")


@pytest.mark.parametrize(
    ("name", "text", "count"),
    [(name, text, count) for name, cases in SHARED["examples"].items() for text, count in cases],
    ids=lambda v: str(v),
)
def test_a_shared_piece_matches_as_its_examples_say(name: str, text: str, count: int) -> None:
    import regex

    from extractor.rules.data import expand
    from extractor.textnorm import match_view

    assert len(regex.findall(expand("{" + name + "}"), match_view(text))) == count


def test_every_shared_piece_has_examples_and_an_unknown_placeholder_is_refused() -> None:
    from extractor.rules.data import expand

    assert set(SHARED["examples"]) == set(SHARED["vocabulary"])
    with pytest.raises(RuleDataError, match=r"unknown placeholder \{NO_SUCH\}"):
        expand("{NO_SUCH}", {}, "x.toml")
