"""A parse runs with the garbage collector's young threshold raised, and restores it."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import extractor
from extractor import limits, pipeline, records
from extractor.errors import ExtractorError

SEED = Path(__file__).resolve().parent.parent / "samples" / "seed.txt"


@pytest.fixture
def thresholds() -> Iterator[list[tuple[int, ...]]]:
    """The thresholds seen by the records stage of each parse."""
    seen: list[tuple[int, ...]] = []
    build_table = records.build_table

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.get_threshold())
        return build_table(*args, **kwargs)

    before = gc.get_threshold()
    pipeline.build_table = spy  # type: ignore[assignment]
    try:
        yield seen
    finally:
        pipeline.build_table = build_table
        gc.set_threshold(*before)


def test_raised_while_parsing_and_restored(thresholds: list[tuple[int, ...]]) -> None:
    gc.set_threshold(700, 10, 10)
    extractor.parse(SEED)
    assert thresholds == [(limits.YOUNG_COLLECTION_THRESHOLD, 10, 10)]
    assert gc.get_threshold() == (700, 10, 10)


def test_restored_after_a_failed_parse() -> None:
    gc.set_threshold(500, 9, 8)
    try:
        with pytest.raises(ExtractorError):
            extractor.parse(b"\x00\x01 not a table")
        assert gc.get_threshold() == (500, 9, 8)
    finally:
        gc.set_threshold(700, 10, 10)


def test_a_caller_s_choice_is_kept(thresholds: list[tuple[int, ...]]) -> None:
    gc.set_threshold(0, 10, 10)  # collection switched off: left off
    extractor.parse(SEED)
    gc.set_threshold(500_000, 10, 10)  # a higher threshold than ours: kept
    extractor.parse(SEED)
    assert thresholds == [(0, 10, 10), (500_000, 10, 10)]


def test_parses_in_threads_restore_it_once_all_are_done(thresholds: list[tuple[int, ...]]) -> None:
    gc.set_threshold(700, 10, 10)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            extractor.parse(SEED)
        except BaseException as exc:  # reported below
            errors.append(exc)

    workers = [threading.Thread(target=work) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    assert thresholds == [(limits.YOUNG_COLLECTION_THRESHOLD, 10, 10)] * 4
    assert gc.get_threshold() == (700, 10, 10)


def test_a_parse_leaves_no_cycles() -> None:
    """What makes collecting less often safe: a parse's objects are freed by their reference counts."""
    extractor.parse(SEED)  # first use: caches and lazy imports
    gc.collect()
    document = extractor.parse(SEED)
    del document
    assert gc.collect() == 0
