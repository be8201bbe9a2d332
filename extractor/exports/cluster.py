"""The same batch on a Dask cluster (``pip install 'extractor[dask]'``): ``dask.bag`` over the paths,
one partition per chunk, each partition parsed in the worker that holds it and written as Parquet.

Every worker must see the paths (a shared file system, or object storage mounted alike). Dask runs
tasks in worker threads, where :func:`extractor.parse` keeps its time limit with a watchdog (see
``extractor.limits``). Output under ``out_dir``:

- ``records/part-NNNNNN.parquet``: one row per input — ``index`` (its place in ``paths``), ``path``,
  ``error_code`` / ``error_message`` (null when it parsed) and ``record``, the JSON record exactly as
  ``extractor parse --format jsonl`` writes it;
- ``tasks/part-NNNNNN.parquet``: the flat task rows (:data:`extractor.exports.TASK_COLUMNS`, typed),
  for pandas, Spark or DuckDB.

``NNNNNN`` is the index of the chunk's first input, so the files sort in input order.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from extractor.batch import Settings, parse_one
from extractor.exports.rows import TASK_COLUMNS, task_rows
from extractor.limits import DEFAULT_LIMITS, Limits
from extractor.options import ReadOptions
from extractor.output import to_jsonl

INSTALL_HINT = "pip install 'extractor[dask]'"
# Parquet types of the task rows (the rest are strings).
_INTEGER_COLUMNS = {"table", "row", "seq", "figures", "issues"}
_FLOAT_COLUMNS = {"completion"}


def _require(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ImportError(f"running on Dask needs {module.split('.')[0]}: {INSTALL_HINT}") from None


def parse_on_dask(
    paths: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    chunk_size: int = 50,
    limits: Limits | None = None,
    options: ReadOptions | None = None,
    columns: Mapping[str, str] | None = None,
) -> list[str]:
    """Parse ``paths`` on the current Dask scheduler (a ``distributed.Client`` if one is active),
    ``chunk_size`` files per partition; return the Parquet files written, in input order."""
    bag_module = _require("dask.bag")
    _require("pyarrow.parquet")
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    items = list(enumerate(os.fspath(path) for path in paths))
    if not items:
        return []
    settings = Settings(limits=limits or DEFAULT_LIMITS, options=options, columns=dict(columns) if columns else None)
    bag = bag_module.from_sequence(items, partition_size=chunk_size)
    written = bag.map_partitions(write_partition, out_dir=os.fspath(out_dir), settings=settings).compute()
    return sorted(written)


def write_partition(chunk: Iterable[tuple[int, str]], out_dir: str, settings: Settings) -> list[str]:
    """Parse one partition's files (in this worker) and write its records and task rows as Parquet."""
    pyarrow = _require("pyarrow")
    parquet = _require("pyarrow.parquet")
    chunk = list(chunk)
    if not chunk:
        return []
    settings = Settings(limits=settings.limits, options=settings.options, columns=settings.columns, want="record")
    records, tasks = [], []
    for index, path in chunk:
        result = parse_one(path, settings)
        record = result.json_record()
        records.append(
            {
                "index": index,
                "path": path,
                "error_code": result.error.code if result.error else None,
                "error_message": result.error.message if result.error else None,
                "record": to_jsonl(record),
            }
        )
        tasks.extend({"index": index, **row} for row in task_rows(record))
    name = f"part-{chunk[0][0]:06d}.parquet"
    written = []
    outputs = (("records", records, _records_schema(pyarrow)), ("tasks", tasks, _tasks_schema(pyarrow)))
    for folder, rows, schema in outputs:
        target = Path(out_dir) / folder
        target.mkdir(parents=True, exist_ok=True)
        parquet.write_table(pyarrow.Table.from_pylist(rows, schema=schema), target / name)
        written.append(str(target / name))
    return written


def _records_schema(pyarrow: Any) -> Any:
    return pyarrow.schema(
        [
            ("index", pyarrow.int64()),
            ("path", pyarrow.string()),
            ("error_code", pyarrow.string()),
            ("error_message", pyarrow.string()),
            ("record", pyarrow.string()),
        ]
    )


def _tasks_schema(pyarrow: Any) -> Any:
    def kind(column: str) -> Any:
        if column in _INTEGER_COLUMNS:
            return pyarrow.int64()
        return pyarrow.float64() if column in _FLOAT_COLUMNS else pyarrow.string()

    return pyarrow.schema([("index", pyarrow.int64()), *((column, kind(column)) for column in TASK_COLUMNS)])


def read_records(out_dir: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The JSON records of a run, in input order (what ``extractor parse`` would have written)."""
    parquet = _require("pyarrow.parquet")
    table = parquet.read_table(Path(out_dir) / "records")
    rows = sorted(table.to_pylist(), key=lambda row: row["index"])
    return [json.loads(row["record"]) for row in rows]
