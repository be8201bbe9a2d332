"""The batch on Dask (issue 15): a dask.distributed LocalCluster parses the samples into Parquet and
gets the same records as the CLI. Skipped without the dask extra, unless EXTRACTOR_REQUIRE_DASK=1
(CI), where a missing extra fails."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import SAMPLES

REQUIRED = os.environ.get("EXTRACTOR_REQUIRE_DASK") == "1"


def _need(module: str) -> None:
    try:
        __import__(module)
    except ImportError:
        if REQUIRED:
            pytest.fail(f"EXTRACTOR_REQUIRE_DASK=1 but {module} is missing: pip install -e '.[dask]'")
        pytest.skip(f"{module} is not installed (pip install -e '.[dask]'; EXTRACTOR_REQUIRE_DASK=1 makes this fail)")


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    for module in ("dask.bag", "distributed", "pyarrow.parquet"):
        _need(module)
    from distributed import Client, LocalCluster

    # In-process workers (threads): fast to start, and the parse runs off the main thread, where the
    # time limit is the watchdog's.
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        Client(cluster) as dask_client,
    ):
        yield dask_client


def test_dask_run_gives_the_clis_records(tmp_path: Path, client) -> None:  # type: ignore[no-untyped-def]
    from extractor.exports.cluster import parse_on_dask, read_records

    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    files = [*(str(p) for p in sorted(SAMPLES.iterdir())), str(bad), str(tmp_path / "missing.txt")]
    written = parse_on_dask(files, tmp_path / "out", chunk_size=2)
    # one partition per chunk of 2: records and tasks files, named by the chunk's first input
    names = sorted({Path(p).name for p in written})
    assert names == ["part-000000.parquet", "part-000002.parquet", "part-000004.parquet"]
    records = read_records(tmp_path / "out")
    cli = subprocess.run(
        [sys.executable, "-m", "extractor.cli", "parse", *files],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert cli.returncode == 1
    assert records == [json.loads(line) for line in cli.stdout.splitlines()]
    assert [r.get("error", {}).get("code") for r in records] == [None, None, None, "corrupt_file", "not_found"]

    import pyarrow.parquet as pq

    tasks = pq.read_table(tmp_path / "out" / "tasks").to_pylist()
    parsed = [t for t in tasks if t["error_code"] is None]
    assert len(parsed) == 33 and {t["seq"] for t in parsed} == set(range(1, 12))
    assert sorted(t["index"] for t in tasks if t["error_code"]) == [3, 4]
    assert next(t for t in parsed if t["seq"] == 3)["lead_units"] == "区商务委"
