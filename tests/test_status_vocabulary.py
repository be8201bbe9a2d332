"""The word lists of data/status.toml [vocabulary] find their examples and none of their counter-examples."""

from __future__ import annotations

import pytest

from extractor.rules.data import load
from extractor.rules.status import vocabulary
from extractor.textnorm import match_view

VOCABULARY = load("status")["vocabulary"]


def _cases(key: str) -> list:
    return [
        pytest.param(name, text, id=f"{name}-{index}")
        for name, entry in VOCABULARY.items()
        for index, text in enumerate(entry[key])
    ]


def test_every_word_list_status_py_reads_is_in_the_data_with_examples() -> None:
    names = {"asked_header", "task_report", "share_column", "rate_indicator", "future_clause", "done_or_moving"}
    names |= {"question", "yes", "no"}
    assert names <= set(VOCABULARY)
    assert all(VOCABULARY[n]["examples"] and VOCABULARY[n]["counter_examples"] for n in names)


@pytest.mark.parametrize(("name", "text"), _cases("examples"))
def test_a_word_list_finds_its_examples(name: str, text: str) -> None:
    assert vocabulary(name).search(match_view(text)), text


@pytest.mark.parametrize(("name", "text"), _cases("counter_examples"))
def test_a_word_list_finds_none_of_its_counter_examples(name: str, text: str) -> None:
    assert not vocabulary(name).search(match_view(text)), text


@pytest.mark.parametrize("word", load("headers")["morphemes"]["question"])
def test_every_question_word_of_the_header_vocabulary_is_a_status_question(word: str) -> None:
    # headers.toml reads a question header as a status column; status.toml reads its yes or no: one list of words
    assert vocabulary("question").search(match_view(word + "达到序时进度"))
