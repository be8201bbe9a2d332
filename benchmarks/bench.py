"""Time extractor.parse against the bare libraries it stands on, per input, in one run.

    python benchmarks/bench.py [--repeat N] [--quick] [--json FILE]

For each input (11-row samples and 1,100-row fixtures, in txt, docx, pdf, xlsx and html) this times:

- full      ``extractor.parse(path)``, the whole pipeline (file read included);
- reader    ``extractor.sniff.sniff(data)`` + ``extractor.readers.read(data, fmt)`` (bytes already in memory);
- assembly  ``extractor.pipeline.find_structure(raw)``: the table stage, and for text (or a file
            whose structure gave no table) the layout stage's candidates before it;
- records   ``extractor.records.home_scope`` + ``build_table`` for every table;
- other     full - reader - assembly - records (file read, sha256, Document, timer noise);
- baseline  the naive use of the library for that format (python-docx ``row.cells`` walk,
            pdfplumber ``extract_tables()`` per page, openpyxl ``iter_rows`` over every sheet,
            lxml.html ``text_content()`` of every cell, ``bytes.decode()`` + ``str.split``).

Each measurement repeats its call until it has run for at least MIN_TIME seconds and keeps the time
per call; the reported figure is the median of --repeat such measurements. Every input runs in two
fresh worker processes (pipeline, baseline), each warmed up on the 11-row sample of the same format,
so that peak RSS (``ru_maxrss``) can be given per input and per side.

Exits 1 if the full pipeline returns another row count than expected (11 or 1,100) or a worker fails.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# (path relative to the repo root, rows the full pipeline must return)
INPUTS: list[tuple[str, int]] = [
    ("samples/seed.txt", 11),
    ("samples/seed.docx", 11),
    ("samples/seed.pdf", 11),
    ("tests/fixtures/seed1100.txt", 1100),
    ("tests/fixtures/seed1100.docx", 1100),
    ("tests/fixtures/seed1100.pdf", 1100),
    ("tests/fixtures/seed.xlsx", 11),
    ("tests/fixtures/seed.html", 11),
    ("tests/fixtures/seed1100.xlsx", 1100),
    ("tests/fixtures/seed1100.html", 1100),
]
WARMUP = {
    "txt": "samples/seed.txt",
    "docx": "samples/seed.docx",
    "pdf": "samples/seed.pdf",
    "xlsx": "tests/fixtures/seed.xlsx",
    "html": "tests/fixtures/seed.html",
}
MIN_TIME = 0.1  # seconds one measurement runs at least (tiny calls are looped, then divided)
STAGES = ("reader", "assembly", "records", "other")

HEADER = """\
extractor benchmark: full pipeline vs. bare library baseline
Ratios (full/base) and stage shares are the headline: absolute seconds depend on the machine
and its load, so compare seconds only within one run, never against a threshold.
"""


# --- timing helpers ---------------------------------------------------------------------------


def _timed(fn: Callable[[], Any]) -> tuple[float, Any, int]:
    """Call fn until MIN_TIME has passed; return (seconds per call, last result, calls)."""
    gc.collect()
    loops, start = 0, time.perf_counter()
    while True:
        result = fn()
        loops += 1
        elapsed = time.perf_counter() - start
        if elapsed >= MIN_TIME:
            return elapsed / loops, result, loops


def _peak_rss_mib() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, KiB on Linux


# --- workers (run in a child process each) --------------------------------------------------


def _import_project() -> None:
    # Measure this checkout, whatever the venv's install points at.
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


def _row_count(document: Any) -> int:
    return sum(len(table.rows) for table in document.tables)


def worker_pipeline(path: Path, repeat: int) -> dict[str, Any]:
    _import_project()
    import extractor
    from extractor.pipeline import find_structure
    from extractor.readers import read
    from extractor.records import build_table, home_scope
    from extractor.sniff import sniff

    floor = _peak_rss_mib()
    extractor.parse(ROOT / WARMUP[path.suffix.lstrip(".")])  # loads rules, fonts, CMaps: not timed
    data = path.read_bytes()

    def records_of(assembly: Any) -> list[Any]:
        scope = home_scope(assembly.tables)
        return [build_table(table, index, scope) for index, table in enumerate(assembly.tables)]

    runs: dict[str, list[float]] = {"full": [], "reader": [], "assembly": [], "records": []}
    loops: dict[str, list[int]] = {key: [] for key in runs}
    rows: list[int] = []
    for _ in range(repeat):
        seconds, document, n = _timed(lambda: extractor.parse(path))
        runs["full"].append(seconds)
        loops["full"].append(n)
        rows.append(_row_count(document))
        del document

        seconds, raw, n = _timed(lambda: read(data, sniff(data)))
        runs["reader"].append(seconds)
        loops["reader"].append(n)

        seconds, structure, n = _timed(lambda raw=raw: find_structure(raw))
        assembly = structure[1]
        runs["assembly"].append(seconds)
        loops["assembly"].append(n)

        seconds, _, n = _timed(lambda assembly=assembly: records_of(assembly))
        runs["records"].append(seconds)
        loops["records"].append(n)
        del raw, assembly, structure
    rss = {"imports": floor, "peak": _peak_rss_mib()}
    return {"runs": runs, "loops": loops, "rows": rows, "rss_mib": rss}


def _import_txt() -> None:
    pass


def _import_docx() -> None:
    import docx  # noqa: F401


def _import_pdf() -> None:
    import pdfplumber  # noqa: F401


def _baseline_txt(path: Path) -> int:
    return len(path.read_bytes().decode().split("\n"))


def _baseline_docx(path: Path) -> int:
    import docx

    cells = 0
    for table in docx.Document(str(path)).tables:
        for row in table.rows:
            for cell in row.cells:
                cell.text  # noqa: B018 - the access is what we time
                cells += 1
    return cells


def _baseline_pdf(path: Path) -> int:
    import pdfplumber

    rows = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                rows += len(table)
            page.close()
    return rows


def _import_xlsx() -> None:
    import openpyxl  # noqa: F401


def _import_html() -> None:
    import lxml.html  # noqa: F401


def _baseline_xlsx(path: Path) -> int:
    import openpyxl

    cells = 0
    for sheet in openpyxl.load_workbook(path, data_only=True).worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells += len(row)
    return cells


def _baseline_html(path: Path) -> int:
    import lxml.html

    cells = 0
    for cell in lxml.html.fromstring(path.read_bytes()).iter("td", "th"):
        cell.text_content()
        cells += 1
    return cells


# format -> (import the library, the naive walk returning how many items it saw, the item's name)
BASELINES: dict[str, tuple[Callable[[], None], Callable[[Path], int], str]] = {
    "txt": (_import_txt, _baseline_txt, "lines"),
    "docx": (_import_docx, _baseline_docx, "cells"),
    "pdf": (_import_pdf, _baseline_pdf, "table rows"),
    "xlsx": (_import_xlsx, _baseline_xlsx, "cells"),
    "html": (_import_html, _baseline_html, "cells"),
}


def worker_baseline(path: Path, repeat: int) -> dict[str, Any]:
    fmt = path.suffix.lstrip(".")
    import_library, baseline, unit = BASELINES[fmt]
    import_library()  # the bare library only: the baseline does not pay for extractor's imports
    floor = _peak_rss_mib()
    baseline(ROOT / WARMUP[fmt])
    runs, loops, items = [], [], []
    for _ in range(repeat):
        seconds, count, n = _timed(lambda: baseline(path))
        runs.append(seconds)
        loops.append(n)
        items.append(count)
    rss = {"imports": floor, "peak": _peak_rss_mib()}
    return {"runs": runs, "loops": loops, "items": items, "unit": unit, "rss_mib": rss}


# --- driver ---------------------------------------------------------------------------------


def _spawn(kind: str, rel: str, repeat: int) -> dict[str, Any]:
    # The driver imports neither extractor nor the libraries, so a worker's ru_maxrss (which on
    # Linux starts from the forking parent's) is its own.
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, "--repeat", str(repeat)]
    command += ["--path", rel]
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:
        return {"error": f"{kind} worker for {rel} exited {done.returncode}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _git() -> dict[str, Any]:
    def run(*args: str) -> str | None:
        try:
            out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
        except (OSError, subprocess.CalledProcessError):
            return None
        return out.stdout.strip()

    status = run("status", "--porcelain")
    return {"commit": run("rev-parse", "HEAD"), "dirty": None if status is None else bool(status)}


def _summarise(rel: str, expected: int, pipe: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = {"input": rel, "format": Path(rel).suffix.lstrip("."), "expected_rows": expected}
    errors = [side["error"] for side in (pipe, base) if "error" in side]
    if errors:
        entry.update(ok=False, errors=errors)
        return entry
    medians = {stage: statistics.median(times) for stage, times in pipe["runs"].items()}
    medians["other"] = medians["full"] - medians["reader"] - medians["assembly"] - medians["records"]
    base_median = statistics.median(base["runs"])
    rows = pipe["rows"]
    ok = all(count == expected for count in rows)
    entry.update(
        ok=ok,
        rows=rows[0] if len(set(rows)) == 1 else rows,
        full_s=medians["full"],
        baseline_s=base_median,
        ratio=medians["full"] / base_median,
        stages_s={stage: medians[stage] for stage in STAGES},
        shares={stage: medians[stage] / medians["full"] for stage in STAGES},
        rss_mib={"pipeline": pipe["rss_mib"], "baseline": base["rss_mib"]},
        runs={**pipe["runs"], "baseline": base["runs"]},
        loops={**pipe["loops"], "baseline": base["loops"]},
        baseline_items={"count": base["items"][0], "unit": base["unit"]},
    )
    if not ok:
        entry["errors"] = [f"full pipeline returned {rows} rows, expected {expected}"]
    return entry


def _mib(rss: dict[str, float | None]) -> str:
    """'peak (+growth over the post-import floor)' in MiB."""
    if rss["peak"] is None or rss["imports"] is None:
        return "n/a"
    return f"{rss['peak']:.0f} (+{rss['peak'] - rss['imports']:.0f})"


def _secs(value: float) -> str:
    return f"{value:.4f}" if value >= 1e-3 else f"{value:.1e}"


def _table(results: list[dict[str, Any]]) -> str:
    head = (
        f"{'input':<30} {'rows':>5} {'full s':>9} {'base s':>9} {'full/base':>10}  "
        f"{'reader':>6} {'assemb':>6} {'record':>6} {'other':>6}  {'MiB pipe':>9} {'MiB base':>9}"
    )
    lines = [head, "-" * len(head)]
    for r in results:
        if "full_s" not in r:
            lines.append(f"{r['input']:<30} FAILED: {'; '.join(r['errors'])}")
            continue
        shares = " ".join(f"{r['shares'][stage] * 100:>5.1f}%" for stage in STAGES)
        rows = r["rows"] if r["ok"] else f"{r['rows']}!"
        memory = f"{_mib(r['rss_mib']['pipeline']):>9} {_mib(r['rss_mib']['baseline']):>9}"
        lines.append(
            f"{r['input']:<30} {rows!s:>5} {_secs(r['full_s']):>9} {_secs(r['baseline_s']):>9} "
            f"{r['ratio']:>9.1f}x  {shares}  {memory}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="measurements per input and side (median kept)")
    parser.add_argument("--quick", action="store_true", help="one measurement each; same inputs and stages")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the numbers as JSON")
    parser.add_argument("--worker", choices=("pipeline", "baseline"), help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    repeat = 1 if args.quick else args.repeat
    if repeat < 1:
        parser.error("--repeat must be at least 1")

    if args.worker:
        path = ROOT / args.path
        out = (worker_pipeline if args.worker == "pipeline" else worker_baseline)(path, repeat)
        print(json.dumps(out))
        return 0

    started = time.perf_counter()
    results = []
    for rel, expected in INPUTS:
        print(f"timing {rel} (x{repeat}) ...", file=sys.stderr, flush=True)
        pipe = _spawn("pipeline", rel, repeat)
        base = _spawn("baseline", rel, repeat)
        results.append(_summarise(rel, expected, pipe, base))

    print(HEADER)
    print(
        f"python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs; "
        f"median of {repeat} measurement(s), each >= {MIN_TIME}s of calls\n"
    )
    print(_table(results))
    print(
        "\nfull/base: full-pipeline median / baseline median.  reader..other: share of the full median"
        "\n(other = full - reader - assembly - records: file read, sha256, Document, noise; may dip below 0)."
        "\nMiB: peak RSS of that side's worker for that input (+ its growth over the RSS after imports);"
        "\nthe pipeline worker imports extractor and its deps, the baseline worker only its library."
    )
    elapsed = time.perf_counter() - started
    print(f"\nwall time {elapsed:.0f}s")

    failures = [r for r in results if not r["ok"]]
    for r in failures:
        for error in r["errors"]:
            print(f"FAIL {r['input']}: {error}", file=sys.stderr)
    if args.json:
        report = {
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "git": _git(),
            "repeat": repeat,
            "min_time_s": MIN_TIME,
            "ok": not failures,
            "inputs": results,
        }
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
