#!/usr/bin/env python3
"""The records stage (figures, dates, statements, status, assessments) per row, its memory, and the
whole-process cost of ``extractor parse samples/seed.txt``.

usage: records_bench.py [--rows 1000,10000,20000] [--runs 3] [--compare REV] [--json]

Rows are generated from the rows of samples/seed.txt with every number and many units varied
(a seeded random generator), so no cache keyed by a cell's text can answer a row it has seen. For
each size, one child process per size (a fresh interpreter, rules warmed on samples/seed.txt, not
timed) reads and assembles the text, then times ``build_table`` alone (under the garbage collector's
threshold a parse sets, ``limits.fewer_collections``); its peak memory is the
tracemalloc peak of the records stage and the process's peak RSS. Cost per row should stay flat
from 1k to 20k rows (linear cost); records memory per row is the peak over the rows.

Whole process: ``extractor parse samples/seed.txt`` run as a child, wall time, median of --runs,
beside ``python -c pass`` (the interpreter alone) in the same run, cold (empty rule cache) and warm.

``--compare REV`` measures git revision REV the same way in the same run (its tree from
``git archive``, this script copied in; the two trees take turns, size by size and run by run),
and prints the two side by side with their ratios. CPU
time is the figure to compare on a shared machine; wall time is printed beside it.

``--instructions`` counts instead the machine instructions the records stage executes (valgrind's
cachegrind, no cache simulation): a child process that builds the records of --rows generated rows,
minus the same child stopped before the records stage, once per tree. On a machine shared with
other work, timings of one tree swing by a quarter between runs; the count repeats to about 1 %
(PYTHONHASHSEED fixed, the rule cache warm), so a change worth a few per cent can be seen. It is
a proxy for CPU work in one interpreter, not the wall time of the targets; valgrind runs a process
some 50 times slower, so use a few hundred rows (default 200). ``--kept`` builds the rows as the CLI
does, each kept as its JSON text as it is built (``output.RowTexts``): the stage and the rows' JSON.

``--families`` says where the stage's time goes: the CPU ms a row of each rule family that
``build_row`` calls (issues, statements, figures, dates, assessments, status …; a family called
inside another counts in the outer one), the best of --runs children per tree (the trees taking
turns, one pass each), and the calls a row of each ``regex`` method (search, match, finditer …: one
profiled pass). With ``--compare REV`` the two trees side by side.

``--whole`` counts the instructions of two whole processes per tree, ``import extractor.cli`` and
``extractor parse samples/seed.txt`` (bytecode and rule cache warm), and says whether the parse
imported pydantic.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import random
import re
import resource
import shutil
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


def _json_size(table: Any) -> int:
    """The bytes of a table's record as JSON: a plain record (extractor.plain, issue 16's sixth round)
    written by ``compact_json``, a revision's pydantic one by ``model_dump_json``."""
    if hasattr(table, "model_dump_json"):
        return len(table.model_dump_json().encode("utf-8"))
    from extractor.plain import compact_json

    return len(compact_json(table).encode("utf-8"))


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

    try:  # the collector as a parse runs it (a revision before fewer_collections: as it ran then)
        from extractor.limits import fewer_collections
    except ImportError:
        fewer_collections = contextlib.nullcontext

    def records() -> list[Any]:
        scope = home_scope(assembly.tables)
        with fewer_collections():
            return [build_table(table, index, scope) for index, table in enumerate(assembly.tables)]

    rss_before = _peak_rss_mib()
    wall, cpu = time.perf_counter(), time.process_time()
    tables = records()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    rss_peak = _peak_rss_mib()
    # What the output holds: the records serialized, UTF-8.
    output = sum(_json_size(t) for t, _ in tables)
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


def worker_instructions(rows: int, run: bool, kept: bool = False) -> dict[str, Any]:
    """In a fresh process (under cachegrind): the records stage over ``rows`` generated rows, or
    everything before it when ``run`` is false (the part to subtract); ``kept``: each row kept as
    its JSON text as it is built (``output.RowTexts``, what the CLI does), else in its Table."""
    sys.path.insert(0, str(ROOT))
    import extractor
    from extractor.pipeline import find_structure
    from extractor.readers import read
    from extractor.records import build_table, home_scope
    from extractor.sniff import sniff

    extractor.parse(SEED)
    data = generated_text(rows).encode("utf-8")
    _, assembly, _ = find_structure(read(data, sniff(data)))
    if run:
        try:
            from extractor.limits import fewer_collections
        except ImportError:
            fewer_collections = contextlib.nullcontext
        scope = home_scope(assembly.tables)
        sink = None
        if kept:
            from extractor.output import RowTexts

            sink = RowTexts()
        with fewer_collections():
            for index, table in enumerate(assembly.tables):
                build_table(table, index, scope, sink=sink)
    return {"rows": sum(len(t.rows) for t in assembly.tables)}


# The rule families build_row calls, by their names in extractor.records (a revision without one skips it).
FAMILIES = (
    "find_issues",
    "find_statements",
    "extract_figures",
    "header_unit_figures",
    "measured_figures",
    "find_dates",
    "assess",
    "row_status",
    "split_lead_units",
    "parse_seq",
)


def worker_families(rows: int, runs: int) -> dict[str, Any]:
    """In a fresh process: CPU seconds of each rule family over ``rows`` generated rows (the best of
    ``runs`` passes, each family's time from the pass that was fastest in all), and the calls of
    each ``regex`` method in one more pass under cProfile."""
    sys.path.insert(0, str(ROOT))
    import cProfile
    import pstats

    import extractor
    from extractor import records
    from extractor.pipeline import find_structure
    from extractor.readers import read
    from extractor.sniff import sniff

    extractor.parse(SEED)
    data = generated_text(rows).encode("utf-8")
    _, assembly, _ = find_structure(read(data, sniff(data)))
    found = sum(len(t.rows) for t in assembly.tables)
    try:
        from extractor.limits import fewer_collections
    except ImportError:
        fewer_collections = contextlib.nullcontext
    spent: dict[str, float] = {}
    depth = [0]

    def timed(name: str, function: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if depth[0]:
                return function(*args, **kwargs)
            depth[0] += 1
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - start
                depth[0] -= 1

        return wrapper

    originals = {name: getattr(records, name) for name in FAMILIES if hasattr(records, name)}
    for name, function in originals.items():
        setattr(records, name, timed(name, function))

    def one_pass() -> None:
        # the assembled rows stay (no sink lets them go): every pass reads the same rows
        scope = records.home_scope(assembly.tables)
        with fewer_collections():
            for index, table in enumerate(assembly.tables):
                records.build_table(table, index, scope)

    best: tuple[float, dict[str, float]] | None = None
    for _ in range(runs):
        spent.clear()
        start = time.process_time()
        one_pass()
        total = time.process_time() - start
        if best is None or total < best[0]:
            best = (total, dict(spent))
    assert best is not None
    for name, function in originals.items():
        setattr(records, name, function)
    profile = cProfile.Profile()
    profile.enable()
    one_pass()
    profile.disable()
    calls: dict[str, int] = {}
    for (_, _, function), (_, primitive, *_) in pstats.Stats(profile).stats.items():  # type: ignore[attr-defined]
        if "_regex.Pattern" in function or "re.Pattern" in function:
            method = function.split("'")[1] + (" (re)" if "re.Pattern" in function else "")
            calls[method] = calls.get(method, 0) + primitive
    total, families = best
    return {
        "rows": found,
        "cpu_ms_per_row": 1000 * total / found,
        "families": {name: 1000 * seconds / found for name, seconds in families.items()},
        "rest": 1000 * (total - sum(families.values())) / found,
        "regex_calls_per_row": {name: count / found for name, count in sorted(calls.items())},
    }


def report_families(now: dict[str, Any], before: dict[str, Any] | None, label: str) -> None:
    old = before or {"families": {}, "regex_calls_per_row": {}}
    print(f"records stage by rule family, CPU ms a row, best of the passes ({now['rows']} generated rows)")
    print(f"  {'':<22} {'now':>7} {'before':>7} {'ratio':>6}   (before = {label})")
    names = sorted(now["families"], key=lambda n: -now["families"][n])
    for name in names:
        b = old["families"].get(name)
        value = now["families"][name]
        print(f"  {name:<22} {value:>7.3f} {'-' if b is None else f'{b:.3f}':>7} {_ratio(value, b):>6}")
    for name in ("rest", "cpu_ms_per_row"):
        b = old.get(name)
        label_ = "rest of build_row" if name == "rest" else "all"
        print(f"  {label_:<22} {now[name]:>7.3f} {'-' if b is None else f'{b:.3f}':>7} {_ratio(now[name], b):>6}")
    print("regex calls a row (one profiled pass)")
    for name, count in now["regex_calls_per_row"].items():
        b = old["regex_calls_per_row"].get(name)
        print(f"  {name:<22} {count:>7.1f} {'-' if b is None else f'{b:.1f}':>7}")


_INSTRUCTIONS = re.compile(r"I\s+refs:\s+([\d,]+)")


_VALGRIND = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]


def _worker_command(root: Path, rows: int, run: bool, kept: bool) -> list[str]:
    script = root / "benchmarks" / "records_bench.py"
    worker = ("instructions-kept" if kept else "instructions") if run else "instructions-before"
    return [sys.executable, str(script), "--worker", worker, "--rows", str(rows)]


def _instructions(root: Path, rows: int, run: bool, env: dict[str, str], kept: bool = False) -> tuple[int, int]:
    """(instructions, rows) of one worker_instructions child under cachegrind."""
    command = [*_VALGRIND, *_worker_command(root, rows, run, kept)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=root, env=env)
    found = _INSTRUCTIONS.search(done.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output: {done.stderr[-300:]}")
    return int(found.group(1).replace(",", "")), json.loads(done.stdout)["rows"]


def count_instructions(roots: list[Path], rows: int, kept: bool = False) -> list[dict[str, float]]:
    """Per tree: instructions of the records stage (run minus before), in total and per row."""
    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind (apt-get install valgrind)")
    results = []
    with tempfile.TemporaryDirectory() as caches:
        for index, root in enumerate(roots):
            env = {**_ENV, "PYTHONHASHSEED": "0", "EXTRACTOR_CACHE_DIR": str(Path(caches) / str(index))}
            for run in (False, True):  # bytecode and the rule cache written before anything is counted
                command = _worker_command(root, rows, run, kept)
                subprocess.run(command, check=True, capture_output=True, cwd=root, env=env)
            before, found = _instructions(root, rows, False, env, kept)
            total, _ = _instructions(root, rows, True, env, kept)
            results.append({"rows": found, "instructions": total - before, "per_row": (total - before) / found})
    return results


# The whole-process counts of --whole: the CLI's import, and a whole `extractor parse samples/seed.txt`.
_WHOLE = {
    "import extractor.cli": "import sys; sys.path.insert(0, {root!r}); import extractor.cli",
    "extractor parse samples/seed.txt": "import sys; sys.path.insert(0, {root!r}); import extractor.cli as c; "
    "c.main(['parse', {seed!r}, '-o', {out!r}])",
}


def count_whole(roots: list[Path]) -> list[dict[str, int]]:
    """Per tree: instructions of each process of ``_WHOLE`` (bytecode and the rule cache warm, the
    hash seed fixed), and whether the parse imported pydantic."""
    if shutil.which("valgrind") is None:
        raise SystemExit("--whole needs valgrind (apt-get install valgrind)")
    results = []
    with tempfile.TemporaryDirectory() as caches:
        for index, root in enumerate(roots):
            env = {**_ENV, "PYTHONHASHSEED": "0", "EXTRACTOR_CACHE_DIR": str(Path(caches) / str(index))}
            out = str(Path(caches) / f"out{index}.json")
            counts: dict[str, int] = {}
            for name, code in _WHOLE.items():
                code = code.format(root=str(root), seed=str(SEED), out=out)
                subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, cwd=root, env=env)
                done = subprocess.run(
                    [*_VALGRIND, sys.executable, "-c", code], capture_output=True, text=True, cwd=root, env=env
                )
                found = _INSTRUCTIONS.search(done.stderr)
                if found is None:
                    raise RuntimeError(f"no instruction count in valgrind's output: {done.stderr[-300:]}")
                counts[name] = int(found.group(1).replace(",", ""))
            probe = _WHOLE["extractor parse samples/seed.txt"].format(root=str(root), seed=str(SEED), out=out)
            probe += "; print('pydantic' in sys.modules)"
            done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=root, env=env)
            counts["pydantic imported"] = int(done.stdout.strip().endswith("True"))
            results.append(counts)
    return results


# Children import with bytecode, as an installed package does, written to a folder of our own (not
# into the trees; PYTHONDONTWRITEBYTECODE would otherwise make every child compile every module).
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _child(kind: str, rows: int, root: Path) -> dict[str, Any]:
    script = root / "benchmarks" / "records_bench.py"
    done = subprocess.run(
        [sys.executable, str(script), "--worker", kind, "--rows", str(rows)],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
        env=_ENV,
    )
    return json.loads(done.stdout)


def _families_child(rows: int, runs: int, root: Path) -> dict[str, Any]:
    script = root / "benchmarks" / "records_bench.py"
    command = [sys.executable, str(script), "--worker", "families", "--rows", str(rows), "--runs", str(runs)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=root, env=_ENV)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _once(argv: list[str], root: Path, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, cwd=root, env=env or _ENV)
    return time.perf_counter() - start


def whole_process(runs: int, roots: list[Path]) -> list[dict[str, float]]:
    """Per tree, median wall seconds of the interpreter alone, of importing the CLI, and of parsing
    samples/seed.txt with an empty rule cache and with the cache an earlier run wrote. The trees
    take turns run by run, so a machine whose load changes weighs on both alike."""
    times: list[dict[str, list[float]]] = [{} for _ in roots]
    with tempfile.TemporaryDirectory() as caches:
        for _ in range(runs):
            for index, root in enumerate(roots):
                cache = Path(caches) / str(index)
                shutil.rmtree(cache, ignore_errors=True)
                env = {**_ENV, "EXTRACTOR_CACHE_DIR": str(cache)}
                cli = [sys.executable, "-m", "extractor.cli", "parse", str(root / "samples" / "seed.txt")]
                took = times[index]
                took.setdefault("python -c pass", []).append(_once([sys.executable, "-c", "pass"], root))
                took.setdefault("import extractor.cli", []).append(
                    _once([sys.executable, "-c", "import extractor.cli"], root)
                )
                took.setdefault("parse seed.txt, cold", []).append(_once(cli, root, env))
                took.setdefault("parse seed.txt, warm", []).append(_once(cli, root, env))
    return [{name: statistics.median(values) for name, values in took.items()} for took in times]


def measure(roots: list[Path], sizes: list[int], runs: int) -> list[dict[str, Any]]:
    """The measurements of each tree; for each size the trees run one after the other."""
    results: list[dict[str, Any]] = [{"records": [], "parse": []} for _ in roots]
    for root in roots:  # bytecode written before anything is timed
        _once([sys.executable, "-c", "import extractor.cli"], root)
    for n in sizes:
        for kind in ("records", "parse"):
            for result, root in zip(results, roots, strict=True):
                result[kind].append(_child(kind, n, root))
    for result, process in zip(results, whole_process(runs, roots), strict=True):
        result["process"] = process
    return results


def _tree_at(revision: str, folder: Path) -> Path:
    """The repository at ``revision`` (git archive; or ``revision`` itself when it is a folder holding
    a copy of the repository), with this script in it to run the same workers."""
    if Path(revision).is_dir():
        folder = Path(revision)
    else:
        archive = subprocess.run(["git", "archive", revision], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    (folder / "benchmarks").mkdir(exist_ok=True)
    (folder / "benchmarks" / "records_bench.py").write_bytes(Path(__file__).read_bytes())
    return folder


def _ratio(now: float, before: float | None) -> str:
    return f"{now / before:.2f}x" if before else ""


def report(now: dict[str, Any], before: dict[str, Any] | None, label: str) -> None:
    def col(value: float | None, fmt: str) -> str:
        return format(value, fmt) if value is not None else "-"

    old = before or {"records": [None] * len(now["records"]), "parse": [None] * len(now["parse"]), "process": {}}
    print(f"records stage: build_table alone, rules warm, generated rows (before = {label})")
    print(
        f"{'rows':>7} {'cpu ms/row':>10} {'before':>7} {'ratio':>6}  {'wall ms/row':>11}  "
        f"{'kept KiB/row':>12} {'before':>7}  {'output KiB/row':>14}  {'RSS MiB':>7} {'before':>7}"
    )
    for r, b in zip(now["records"], old["records"], strict=True):
        b = b or {}
        print(
            f"{r['rows']:>7} {r['cpu_ms_per_row']:>10.3f} {col(b.get('cpu_ms_per_row'), '.3f'):>7} "
            f"{_ratio(r['cpu_ms_per_row'], b.get('cpu_ms_per_row')):>6}  {r['ms_per_row']:>11.3f}  "
            f"{r['kept_kib_per_row']:>12.1f} {col(b.get('kept_kib_per_row'), '.1f'):>7}  "
            f"{1024 * r['output_mib'] / r['rows']:>14.1f}  "
            f"{r['rss_peak_mib']:>7.0f} {col(b.get('rss_peak_mib'), '.0f'):>7}"
        )
    print("\nwhole parse of the generated text (extractor.parse in a fresh process)")
    print(f"{'rows':>7} {'s':>7} {'before':>7} {'ratio':>6}  {'ms/row':>7}  {'peak RSS MiB':>12} {'before':>7}")
    for r, b in zip(now["parse"], old["parse"], strict=True):
        b = b or {}
        print(
            f"{r['rows']:>7} {r['seconds']:>7.2f} {col(b.get('seconds'), '.2f'):>7} "
            f"{_ratio(r['seconds'], b.get('seconds')):>6}  {1000 * r['seconds'] / r['rows']:>7.3f}  "
            f"{r['rss_peak_mib']:>12.0f} {col(b.get('rss_peak_mib'), '.0f'):>7}"
        )
    print("\nwhole process, median wall s")
    print(f"  {'':<28} {'now':>7} {'before':>7} {'ratio':>6}")
    for name, seconds in now["process"].items():
        b = old["process"].get(name)
        print(f"  {name:<28} {seconds:>7.3f} {col(b, '.3f'):>7} {_ratio(seconds, b):>6}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", default="1000,10000,20000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--compare", metavar="REV", help="also measure git revision REV (or a folder holding a copy), in the same run"
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count the records stage's instructions under valgrind instead of timing it (--rows: one size, 200)",
    )
    parser.add_argument(
        "--kept",
        action="store_true",
        help="with --instructions: each row kept as its JSON text as it is built (output.RowTexts), as the CLI does",
    )
    parser.add_argument(
        "--whole",
        action="store_true",
        help="count instead the instructions of `import extractor.cli` and of the whole `extractor parse "
        "samples/seed.txt` (valgrind), and say whether the parse imported pydantic",
    )
    parser.add_argument(
        "--families",
        action="store_true",
        help="CPU ms a row of each rule family of the records stage, and regex calls a row (--rows: one size, 1000)",
    )
    parser.add_argument(
        "--worker",
        choices=("records", "parse", "families", "instructions", "instructions-kept", "instructions-before"),
        help=argparse.SUPPRESS,
    )
    args = parser.parse_args(argv)
    if args.worker in ("instructions", "instructions-kept", "instructions-before"):
        run = args.worker != "instructions-before"
        print(json.dumps(worker_instructions(int(args.rows), run, kept=args.worker == "instructions-kept")))
        return 0
    if args.worker == "families":
        print(json.dumps(worker_families(int(args.rows), args.runs)))
        return 0
    if args.worker:
        worker = worker_records if args.worker == "records" else worker_parse
        print(json.dumps(worker(int(args.rows))))
        return 0
    if args.families:
        rows = 1000 if args.rows == parser.get_default("rows") else int(args.rows)
        with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as bytecode:
            _ENV["PYTHONPYCACHEPREFIX"] = bytecode
            roots = [ROOT, _tree_at(args.compare, Path(folder))] if args.compare else [ROOT]
            for root in roots:  # bytecode written before anything is timed
                _once([sys.executable, "-c", "import extractor.cli"], root)
            # the trees take turns, one pass a child, so a machine whose load changes weighs on both alike
            rounds = [[_families_child(rows, 1, root) for root in roots] for _ in range(max(1, args.runs))]
            found = [min((r[i] for r in rounds), key=lambda f: f["cpu_ms_per_row"]) for i in range(len(roots))]
        before = found[1] if args.compare else None
        if args.json:
            print(json.dumps({"now": found[0], "before": before}, indent=2))
        else:
            report_families(found[0], before, args.compare or "-")
        return 0
    if args.whole:
        with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as bytecode:
            _ENV["PYTHONPYCACHEPREFIX"] = bytecode
            roots = [ROOT, _tree_at(args.compare, Path(folder))] if args.compare else [ROOT]
            whole = count_whole(roots)
        if args.json:
            print(json.dumps({"now": whole[0], "before": whole[1] if args.compare else None}, indent=2))
            return 0
        print("whole process, instructions (cachegrind)")
        for name, count in whole[0].items():
            before = whole[1][name] if args.compare else None
            if name == "pydantic imported":
                print(f"  {name:<34} {bool(count)!s:>15}  {'' if before is None else bool(before)!s:>15}")
                continue
            ratio = f"{count / before:.3f}x" if before else ""
            print(f"  {name:<34} {count:>15,}  {'' if before is None else f'{before:,}':>15}  {ratio}")
        return 0
    if args.instructions:
        rows = 200 if args.rows == parser.get_default("rows") else int(args.rows)
        with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as bytecode:
            _ENV["PYTHONPYCACHEPREFIX"] = bytecode
            roots = [ROOT, _tree_at(args.compare, Path(folder))] if args.compare else [ROOT]
            counted = count_instructions(roots, rows, args.kept)
        if args.json:
            print(json.dumps({"now": counted[0], "before": counted[1] if args.compare else None}, indent=2))
            return 0
        print(f"records stage, instructions (cachegrind), {counted[0]['rows']} generated rows")
        print(f"  now     {counted[0]['instructions']:>15,}  {counted[0]['per_row']:>12,.0f} a row")
        if args.compare:
            ratio = counted[0]["instructions"] / counted[1]["instructions"]
            print(f"  {args.compare:<7} {counted[1]['instructions']:>15,}  {counted[1]['per_row']:>12,.0f} a row")
            print(f"  ratio   {ratio:.3f}x")
        return 0
    sizes = [int(n) for n in args.rows.split(",")]
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as bytecode:
        _ENV["PYTHONPYCACHEPREFIX"] = bytecode
        roots = [ROOT, _tree_at(args.compare, Path(folder))] if args.compare else [ROOT]
        now, *others = measure(roots, sizes, args.runs)
    before = others[0] if others else None
    if args.json:
        print(json.dumps({"now": now, "before": before}, indent=2))
    else:
        report(now, before, args.compare or "-")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
