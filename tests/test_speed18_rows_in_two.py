"""A long table's rows built in two processes (records.py, EXTRACTOR_RECORD_JOBS): the sink receives
exactly what the serial loop gives it, row for row, and a helper that fails costs nothing but time.

The tables here are short; the thresholds are lowered so that the helper runs on them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import extractor
import extractor.records as records
from extractor import cli
from extractor.output import RowTexts, document_json_chunks
from extractor.pipeline import rows_to

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "seed.txt"  # one table of 11 rows


def _json(path: Path) -> tuple[bytes, RowTexts]:
    sink = RowTexts()
    with rows_to(sink):
        document = extractor.parse(path)
    return b"".join(document_json_chunks(document, rows=sink)), sink


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(records, "PARALLEL_ROWS", 4)
    monkeypatch.setattr(records, "CHUNK_ROWS", 3)  # chunks 0-2, 3-5, 6-8, 9-10: the helper builds 3-5 and 9-10


def _count_built_here(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The rows this process added from Row objects (the helper's arrive as kept text)."""
    built: list[int] = []
    real = RowTexts.add

    def add(self: RowTexts, table: int, row: extractor.Row) -> None:
        built.append(row.seq or 0)
        real(self, table, row)

    monkeypatch.setattr(RowTexts, "add", add)
    return built


def test_rows_built_by_a_helper_are_the_serial_rows(monkeypatch: pytest.MonkeyPatch, small_chunks: None) -> None:
    monkeypatch.delenv(records.RECORD_JOBS, raising=False)
    serial, serial_rows = _json(SEED)
    monkeypatch.setenv(records.RECORD_JOBS, "2")
    built_here = _count_built_here(monkeypatch)
    parallel, parallel_rows = _json(SEED)
    assert parallel == serial
    assert parallel_rows.tables == serial_rows.tables
    assert built_here == [1, 2, 3, 7, 8, 9]  # the other five rows came from the helper


def test_a_helper_that_fails_leaves_its_rows_to_this_process(
    monkeypatch: pytest.MonkeyPatch, small_chunks: None
) -> None:
    monkeypatch.delenv(records.RECORD_JOBS, raising=False)
    serial, _ = _json(SEED)
    parent = os.getpid()
    real = records._row_record

    def failing_in_helper(table, row_index, context, let_go):  # type: ignore[no-untyped-def]
        if os.getpid() != parent and row_index == 4:
            raise RuntimeError("the helper fails on its second row")
        return real(table, row_index, context, let_go)

    monkeypatch.setattr(records, "_row_record", failing_in_helper)
    monkeypatch.setenv(records.RECORD_JOBS, "2")
    built_here = _count_built_here(monkeypatch)
    parallel, _ = _json(SEED)
    assert parallel == serial
    assert built_here == [1, 2, 3, 5, 6, 7, 8, 9, 10, 11]  # row 4 came from the helper, then it died


def test_a_helper_still_busy_at_the_time_limit_is_killed(monkeypatch: pytest.MonkeyPatch, small_chunks: None) -> None:
    """The parse's time limit covers the helper: the parse fails with timeout, the helper is gone."""
    import time

    from extractor.errors import ParseTimeoutError
    from extractor.limits import Limits

    parent = os.getpid()
    real = records._row_record
    helpers: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        helpers.append(pid)
        return pid

    def stuck_in_helper(table, row_index, context, let_go):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            time.sleep(60)
        return real(table, row_index, context, let_go)

    monkeypatch.setattr(os, "fork", fork)
    monkeypatch.setattr(records, "_row_record", stuck_in_helper)
    monkeypatch.setenv(records.RECORD_JOBS, "2")
    started = time.monotonic()
    with pytest.raises(ParseTimeoutError), rows_to(RowTexts()):
        extractor.parse(SEED, limits=Limits(seconds=1))
    assert time.monotonic() - started < 30
    assert helpers and helpers[0] > 0
    with pytest.raises(ProcessLookupError):
        os.kill(helpers[0], 0)  # killed and reaped


def test_no_helper_without_a_sink_that_keeps_text_or_below_the_threshold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(records.RECORD_JOBS, "2")
    forks: list[int] = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real_fork())
    extractor.parse(SEED)  # a Document: no sink, rows as objects
    _json(SEED)  # 11 rows, under PARALLEL_ROWS
    assert forks == []


@pytest.mark.parametrize(("jobs", "files", "expected"), [(4, 1, "4"), (4, 2, "2"), (2, 2, None), (1, 1, None)])
def test_the_cli_spares_jobs_beyond_the_files_to_the_records(
    monkeypatch: pytest.MonkeyPatch, jobs: int, files: int, expected: str | None
) -> None:
    monkeypatch.delenv(records.RECORD_JOBS, raising=False)
    assert cli._spare_jobs_to_records(jobs, files) is (expected is not None)
    assert os.environ.get(records.RECORD_JOBS) == expected
    monkeypatch.setenv(records.RECORD_JOBS, "1")  # set by the caller: left alone
    assert cli._spare_jobs_to_records(4, 1) is False and os.environ[records.RECORD_JOBS] == "1"


def test_a_helper_outlives_no_parse_killed_outright(tmp_path: Path) -> None:
    """A parse killed outright (SIGKILL: a pool's stuck worker, the OOM killer) runs no cleanup; its
    helper, busy on a slow row, still ends by the parse's own deadline, which it took over at the fork."""
    import signal
    import subprocess
    import sys
    import textwrap
    import time

    helper_file = tmp_path / "helper.pid"
    # The rule cache warmed first and a 3 s limit: on a loaded machine, compiling the rules with the
    # cache off took the whole of a 1 s limit before the parse got to fork (the test then failed).
    seconds = 3
    env = {**os.environ, "EXTRACTOR_CACHE_DIR": str(tmp_path / "cache")}
    warm = f"import sys; sys.path.insert(0, {str(ROOT)!r}); import extractor; extractor.parse({str(SEED)!r})"
    subprocess.run([sys.executable, "-c", warm], env=env, check=True)
    script = textwrap.dedent(
        f"""
        import os, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        import extractor, extractor.records as records
        from extractor.limits import Limits
        from extractor.output import RowTexts
        from extractor.pipeline import rows_to
        records.PARALLEL_ROWS, records.CHUNK_ROWS = 4, 3
        parent, real, real_fork = os.getpid(), records._row_record, os.fork
        def fork():
            pid = real_fork()
            if pid:
                open({str(helper_file)!r}, "w").write(str(pid))
            return pid
        def stuck(table, row_index, context, let_go):
            if os.getpid() != parent:
                time.sleep(60)
            return real(table, row_index, context, let_go)
        os.fork, records._row_record = fork, stuck
        os.environ[records.RECORD_JOBS] = "2"
        with rows_to(RowTexts()):
            extractor.parse({str(SEED)!r}, limits=Limits(seconds={seconds}))
        """
    )
    parse = subprocess.Popen([sys.executable, "-c", script], env=env)
    deadline = time.monotonic() + 20
    while not helper_file.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert helper_file.exists(), "the parse forked no helper"
    parse.send_signal(signal.SIGKILL)
    parse.wait()
    helper = int(helper_file.read_text())
    deadline = time.monotonic() + seconds + records.HELPER_GRACE + 5
    while time.monotonic() < deadline:
        try:
            os.kill(helper, 0)
        except ProcessLookupError:
            return  # gone (reaped by init)
        time.sleep(0.1)
    os.kill(helper, signal.SIGKILL)
    pytest.fail("the helper outlived the parse killed outright")
