#!/usr/bin/env python3
"""The records stage (figures, dates, statements, status, assessments) per row, its memory, and the
whole-process cost of ``extractor parse samples/seed.txt``.

usage: records_bench.py [--rows 1000,10000,20000] [--runs 3] [--json]

Rows are generated from the rows of samples/seed.txt with every number and many units varied
(a seeded random generator), so no cache keyed by a cell's text can answer a row it has seen. For
each size, one child process per size (a fresh interpreter, rules warmed on samples/seed.txt, not
timed) reads and assembles the text, then times ``build_table`` alone; its peak memory is the
tracemalloc peak of the records stage and the process's peak RSS. Cost per row should stay flat
from 1k to 20k rows (linear cost); records memory per row is the peak over the rows.

Whole process: ``extractor parse samples/seed.txt`` run as a child, wall time, median of --runs,
beside ``python -c pass`` (the interpreter alone) in the same run, cold (no rule cache) and warm.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "seed.txt"

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# Unit words swapped for one another so figures vary in kind as well as value.
_UNIT_SWAPS = {
    "亿元": ("亿元", "万元", "元", "亿美元"),
    "万元": ("万元", "亿元", "千元"),
    "万美元": ("万美元", "亿美元", "万元"),
    "%": ("%", "个百分点", "‰"),
    "个": ("个", "家", "项", "所"),
    "月": ("月",),
}
_UNIT = re.compile("|".join(sorted(map(re.escape, _UNIT_SWAPS), key=len, reverse=True)))


def seed_rows() -> tuple[str, list[list[str]]]:
    """The header block and the row blocks (their cell lines) of samples/seed.txt."""
    blocks = SEED.read_text("utf-8").split("\n\n")
    header_at = next(i for i, b in enumerate(blocks) if "序号" in b)
    head = "\n\n".join(blocks[: header_at + 1])
    rows = [b.split("\n") for b in blocks[header_at + 1 :] if b.strip()]
    return head, rows


def _vary(cell: str, rng: random.Random) -> str:
    def number(match: re.Match[str]) -> str:
        written = match.group()
        if "." in written:
            return f"{rng.uniform(0.1, 99.9):.{len(written.split('.')[1])}f}"
        if len(written) == 4 and written.startswith("20"):
            return str(rng.randint(2018, 2026))  # a year stays a year
        if len(written) <= 2 and int(written) <= 12:
            return str(rng.randint(1, 12))  # a month or an enumerator stays small
        return str(rng.randint(1, 10 ** len(written) - 1))

    cell = _NUMBER.sub(number, cell)
    return _UNIT.sub(lambda m: rng.choice(_UNIT_SWAPS[m.group()]), cell)


def generated_text(rows: int, seed: int = 16) -> str:
    """A text document of ``rows`` rows made from samples/seed.txt's rows, numbers and units varied."""
    rng = random.Random(seed)
    head, templates = seed_rows()
    out = [head]
    for index in range(rows):
        lines = templates[index % len(templates)]
        cells = [f"\t{index + 1}", *(_vary(line, rng) for line in lines[1:])]
        out.append("\n".join(cells))
    return "\n\n".join(out) + "\n"


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker_records(rows: int) -> dict[str, Any]:
    """In a fresh process: the records stage over ``rows`` generated rows, timed and measured."""
    sys.path.insert(0, str(ROOT))
    import extractor
    from extractor.pipeline import find_structure
    from extractor.readers import read
    from extractor.records import build_table, home_scope
    from extractor.sniff import sniff

    extractor.parse(SEED)  # rules compiled and loaded: not timed
    data = generated_text(rows).encode("utf-8")
    _, assembly, _ = find_structure(read(data, sniff(data)))
    found = sum(len(t.rows) for t in assembly.tables)

    def records() -> list[Any]:
        scope = home_scope(assembly.tables)
        return [build_table(table, index, scope) for index, table in enumerate(assembly.tables)]

    rss_before = _peak_rss_mib()
    wall, cpu = time.perf_counter(), time.process_time()
    tables = records()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    rss_peak = _peak_rss_mib()
    # What the output holds: the records serialized, UTF-8.
    output = sum(len(t.model_dump_json().encode("utf-8")) for t, _ in tables)
    del tables
    gc.collect()
    # Memory in a second pass (tracemalloc slows the first): the records kept, and the peak on the way.
    tracemalloc.start()
    kept = records()
    gc.collect()
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    return {
        "rows": found,
        "seconds": wall,
        "cpu_seconds": cpu,
        "ms_per_row": 1000 * wall / found,
        "cpu_ms_per_row": 1000 * cpu / found,
        "traced_peak_mib": peak / 2**20,
        "traced_kept_mib": current / 2**20,
        "kept_kib_per_row": current / 1024 / found,
        "output_mib": output / 2**20,
        "rss_before_mib": rss_before,
        "rss_peak_mib": rss_peak,
    }


def worker_parse(rows: int) -> dict[str, Any]:
    """In a fresh process: the whole ``extractor.parse`` of ``rows`` generated rows."""
    sys.path.insert(0, str(ROOT))
    import extractor

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"rows{rows}.txt"
        path.write_text(generated_text(rows), "utf-8")
        start = time.perf_counter()
        document = extractor.parse(path)
        seconds = time.perf_counter() - start
    return {"rows": sum(len(t.rows) for t in document.tables), "seconds": seconds, "rss_peak_mib": _peak_rss_mib()}


def _child(kind: str, rows: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--worker", kind, "--rows", str(rows)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout)


def _wall(argv: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, cwd=ROOT, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def whole_process(runs: int) -> dict[str, float]:
    cli = [sys.executable, "-m", "extractor.cli", "parse", str(SEED)]
    out = {"python -c pass": _wall([sys.executable, "-c", "pass"], runs)}
    out["import extractor"] = _wall([sys.executable, "-c", "import extractor.cli"], runs)
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "EXTRACTOR_CACHE_DIR": cache}
        cold = []
        for _ in range(runs):
            for entry in Path(cache).iterdir():
                entry.unlink()
            cold.append(_wall(cli, 1, env))
        out["parse seed.txt, no rule cache"] = statistics.median(cold)
        out["parse seed.txt, rule cache"] = _wall(cli, runs, env)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", default="1000,10000,20000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--worker", choices=("records", "parse"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker = worker_records if args.worker == "records" else worker_parse
        print(json.dumps(worker(int(args.rows))))
        return 0
    sizes = [int(n) for n in args.rows.split(",")]
    records = [_child("records", n) for n in sizes]
    parses = [_child("parse", n) for n in sizes]
    process = whole_process(args.runs)
    if args.json:
        print(json.dumps({"records": records, "parse": parses, "process": process}, indent=2))
        return 0
    print("records stage (build_table alone, rules warm, generated rows; memory traced in a second pass):")
    print(
        f"{'rows':>7} {'wall s':>7} {'ms/row':>7} {'cpu ms/row':>10} {'traced peak MiB':>16} {'kept MiB':>9} "
        f"{'kept KiB/row':>12} {'output MiB':>11} {'RSS MiB':>8}"
    )
    for r in records:
        print(
            f"{r['rows']:>7} {r['seconds']:>7.2f} {r['ms_per_row']:>7.3f} {r['cpu_ms_per_row']:>10.3f} "
            f"{r['traced_peak_mib']:>16.1f} {r['traced_kept_mib']:>9.1f} {r['kept_kib_per_row']:>12.1f} "
            f"{r['output_mib']:>11.1f} {r['rss_peak_mib']:>8.0f}"
        )
    print("\nwhole parse of the generated text (fresh process, extractor.parse):")
    print(f"{'rows':>7} {'s':>7} {'ms/row':>7} {'peak RSS MiB':>13}")
    for r in parses:
        print(f"{r['rows']:>7} {r['seconds']:>7.2f} {1000 * r['seconds'] / r['rows']:>7.3f} {r['rss_peak_mib']:>13.0f}")
    print(f"\nwhole process, median of {args.runs} (wall s):")
    for name, seconds in process.items():
        print(f"  {name:<32} {seconds:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
