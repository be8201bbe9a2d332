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

Then the targets of issue 16, each a whole process (``python -c`` running the CLI or the bare
library; wall time, median of --repeat runs; peak RSS of that process from ``wait4``):

- seed1100.pdf: ``extractor parse`` vs pdfplumber ``extract_tables()`` + ``page.close()`` per page,
  and vs pypdfium2 plain text of every page; both PDF engines must give the same rows;
- seed1100.docx vs the bare python-docx walk; seed1100.txt and samples/seed.txt whole process;
- .txt of 1,000 / 10,000 / 20,000 rows (made by ../shared/tools/make_docs.py from the seed spec
  into a temporary folder): seconds and MiB, and the cost per row between 1k and 20k;
- seed1100.txt and the 20,000 rows again with ``--jobs 2``: one file, so the spare job builds every
  other chunk of a long table's rows in a helper process (records.py, EXTRACTOR_RECORD_JOBS);
- ``--jobs 2`` vs ``--jobs 1`` on a folder of 40 copies of a 110-row PDF (make_docs.py through
  LibreOffice when soffice is there, else the first 26 pages of seed1100.pdf).

``--only stages`` or ``--only targets`` runs one half. Nothing generated is kept.

Exits 1 if the full pipeline returns another row count than expected (11 or 1,100), a worker fails,
or the two PDF engines read seed1100.pdf into different rows.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
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


# --- issue 16 targets: whole processes ---------------------------------------------------------

MAKE_DOCS = ROOT.parent / "shared" / "tools" / "make_docs.py"
SEED_SPEC = ROOT / "tests" / "fixtures" / "seed.spec.json"
CLI = "import sys; from extractor.cli import main; sys.exit(main())"
PLUMBER_TABLES = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_tables()
        page.close()
"""
PDFIUM_TEXT = """
import sys, pypdfium2 as pdfium
pdf = pdfium.PdfDocument(sys.argv[1])
for index in range(len(pdf)):
    page = pdf[index]
    text = page.get_textpage()
    text.get_text_range()
    text.close()
    page.close()
pdf.close()
"""
DOCX_WALK = """
import sys, docx
for table in docx.Document(sys.argv[1]).tables:
    for row in table.rows:
        for cell in row.cells:
            cell.text
"""
ENGINE_ROWS = """
import json, sys
from extractor.options import ReadOptions
from extractor.readers.pdf import read_pdf
from extractor.readers.raw import RawTable
document = read_pdf(open(sys.argv[1], "rb").read(), options=ReadOptions(pdf_engine=sys.argv[2]))
rows = [[c.text for c in r.cells] for b in document.blocks if isinstance(b, RawTable) for r in b.rows]
print(json.dumps(rows, ensure_ascii=False))
"""


# Whole processes import with bytecode, as an installed package does (pip compiles it), written to a
# temporary folder of our own (PYTHONPYCACHEPREFIX, set by run_targets): under PYTHONDONTWRITEBYTECODE
# every child would compile every module it imports (~0.12 s for extractor's).
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _process(args: list[str], repeat: int) -> dict[str, float]:
    """Median wall seconds and the largest peak RSS (MiB) of ``repeat`` runs of a Python process."""
    times, peaks = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, *args], cwd=ROOT, env=_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        _, status, usage = os.wait4(child.pid, 0)
        times.append(time.perf_counter() - started)
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode not in (0,):
            error = child.stderr.read().decode(errors="replace").strip() if child.stderr else ""
            raise RuntimeError(f"{' '.join(args[:3])} … exited {child.returncode}: {error[-300:]}")
        if child.stderr:
            child.stderr.close()
        peaks.append(usage.ru_maxrss / 2**10)  # KiB on Linux
    return {"s": statistics.median(times), "mib": max(peaks)}


def _make(tmp: Path, rows: int, formats: str) -> Path | None:
    stem = tmp / f"seed{rows}"
    command = [sys.executable, str(MAKE_DOCS), str(SEED_SPEC), str(stem), "--rows", str(rows), "--formats", formats]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return stem if done.returncode == 0 else None


def _seed110_pdf(tmp: Path) -> Path:
    """A 110-row PDF: LibreOffice's, as the fixtures are made, or the first 26 pages of seed1100.pdf."""
    if MAKE_DOCS.exists() and shutil.which("soffice"):
        stem = _make(tmp, 110, "pdf")
        if stem is not None:
            return stem.with_suffix(".pdf")
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(ROOT / "tests/fixtures/seed1100.pdf")
    out = pdfium.PdfDocument.new()
    out.import_pages(source, list(range(26)))
    path = tmp / "seed110.pdf"
    out.save(path)
    return path


def _engine_rows(path: Path, engine: str) -> list[list[str | None]]:
    done = subprocess.run(
        [sys.executable, "-c", ENGINE_ROWS, str(path), engine], cwd=ROOT, capture_output=True, text=True, check=True
    )
    rows: list[list[str | None]] = json.loads(done.stdout)
    return rows


def run_targets(repeat: int) -> tuple[list[tuple[str, str, str]], list[str]]:
    """The issue's measurements; returns (what, measured, target) lines and the checks that failed."""
    with tempfile.TemporaryDirectory(prefix="extractor_bench_pyc_") as bytecode:
        _ENV["PYTHONPYCACHEPREFIX"] = bytecode
        return _run_targets(repeat)


def _run_targets(repeat: int) -> tuple[list[tuple[str, str, str]], list[str]]:
    """The targets' table, and what failed (each said as what it is)."""
    fixtures = ROOT / "tests" / "fixtures"
    pdf, docx, txt = fixtures / "seed1100.pdf", fixtures / "seed1100.docx", fixtures / "seed1100.txt"
    lines: list[tuple[str, str, str]] = []
    failed: list[str] = []

    def cli(*args: str) -> dict[str, float]:
        return _process(["-c", CLI, *args], repeat)

    # One untimed run of each process on a small input first: it writes the bytecode and the rule cache.
    samples = ROOT / "samples"
    warm = ((CLI, "seed.txt"), (PLUMBER_TABLES, "seed.pdf"), (PDFIUM_TEXT, "seed.pdf"), (DOCX_WALK, "seed.docx"))
    for script, small in warm:
        args = ["parse", str(samples / small)] if script is CLI else [str(samples / small)]
        subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, env=_ENV, capture_output=True, check=False)

    print("targets: seed1100.pdf …", file=sys.stderr, flush=True)
    ours = cli("parse", str(pdf))
    plumber = _process(["-c", PLUMBER_TABLES, str(pdf)], repeat)
    text = _process(["-c", PDFIUM_TEXT, str(pdf)], repeat)
    lines += [
        ("seed1100.pdf extractor parse", f"{ours['s']:.2f} s, {ours['mib']:.0f} MiB", "peak <= 60 MiB"),
        ("  pdfplumber extract_tables + close", f"{plumber['s']:.2f} s, {plumber['mib']:.0f} MiB", ""),
        ("  ratio to pdfplumber", f"{ours['s'] / plumber['s']:.2f}x", "<= 0.25x"),
        ("  pypdfium2 plain text", f"{text['s']:.2f} s, {text['mib']:.0f} MiB", ""),
        ("  ratio to pypdfium2 text", f"{ours['s'] / text['s']:.2f}x", "<= 4x"),
    ]
    same = _engine_rows(pdf, "pdfium") == _engine_rows(pdf, "pdfplumber")
    if not same:
        failed.append("seed1100.pdf: the pdfium and pdfplumber engines read different rows")
    lines.append(("  rows: pdfium engine == pdfplumber engine", "yes" if same else "NO", "identical"))

    print("targets: seed1100.docx, .txt, seed.txt …", file=sys.stderr, flush=True)
    ours = cli("parse", str(docx))
    walk = _process(["-c", DOCX_WALK, str(docx)], repeat)
    lines += [
        ("seed1100.docx extractor parse", f"{ours['s']:.2f} s, {ours['mib']:.0f} MiB", ""),
        ("  python-docx cell walk", f"{walk['s']:.2f} s, {walk['mib']:.0f} MiB", ""),
        ("  ratio", f"{ours['s'] / walk['s']:.2f}x", "<= 1.5x"),
    ]
    ours = cli("parse", str(txt))
    empty = _process(["-c", "pass"], repeat)
    lines.append(("seed1100.txt extractor parse", f"{ours['s']:.2f} s, {ours['mib']:.0f} MiB", "<= 0.5 s"))
    two = cli("parse", "--jobs", "2", str(txt))  # one file: the spare job builds half the rows (records.py)
    lines.append(("  --jobs 2 (rows in two processes)", f"{two['s']:.2f} s, {two['mib']:.0f} MiB", ""))
    ours = cli("parse", str(ROOT / "samples" / "seed.txt"))
    lines.append(("samples/seed.txt extractor parse", f"{ours['s']:.2f} s, {ours['mib']:.0f} MiB", "<= 0.25 s"))
    lines.append(("  python -c pass", f"{empty['s']:.2f} s, {empty['mib']:.0f} MiB", ""))

    with tempfile.TemporaryDirectory(prefix="extractor_bench_") as tmp_name:
        tmp = Path(tmp_name)
        sizes: dict[int, dict[str, float]] = {}
        for rows in (1_000, 10_000, 20_000):
            print(f"targets: {rows} text rows …", file=sys.stderr, flush=True)
            stem = _make(tmp, rows, "txt")
            if stem is None:
                lines.append((f"txt {rows} rows", "not made (make_docs.py missing or failed)", ""))
                continue
            try:  # no memory ceiling nor time limit: the peak and the time are what is measured
                sizes[rows] = cli("parse", "--max-memory", "0", "--timeout", "0", str(stem.with_suffix(".txt")))
            except RuntimeError as error:
                failed.append(f"txt {rows:,} rows: {str(error)[-200:]}")
                lines.append((f"txt {rows:,} rows", f"FAILED: {str(error)[-120:]}", ""))
                continue
            target = "<= 5 s, <= 200 MiB" if rows == 20_000 else ""
            lines.append((f"txt {rows:,} rows", f"{sizes[rows]['s']:.2f} s, {sizes[rows]['mib']:.0f} MiB", target))
            if rows == 20_000:
                two = cli("parse", "--jobs", "2", "--max-memory", "0", "--timeout", "0", str(stem.with_suffix(".txt")))
                lines.append(("  --jobs 2 (rows in two processes)", f"{two['s']:.2f} s, {two['mib']:.0f} MiB", ""))
        if 1_000 in sizes and 20_000 in sizes:
            extra = 19_000
            per_ms = (sizes[20_000]["s"] - sizes[1_000]["s"]) / extra * 1e3
            per_kb = (sizes[20_000]["mib"] - sizes[1_000]["mib"]) / extra * 1024
            lines.append(("  per row, 1k -> 20k", f"{per_ms:.3f} ms, {per_kb:.1f} KiB", "linear"))

        print("targets: --jobs on 40 copies of seed110.pdf …", file=sys.stderr, flush=True)
        folder = tmp / "batch"
        folder.mkdir()
        source = _seed110_pdf(tmp)
        for index in range(40):
            shutil.copyfile(source, folder / f"seed110_{index:02d}.pdf")
        one = cli("parse", "--jobs", "1", str(folder))
        two = cli("parse", "--jobs", "2", str(folder))
        lines += [
            ("40 x seed110.pdf --jobs 1", f"{one['s']:.2f} s", ""),
            ("40 x seed110.pdf --jobs 2", f"{two['s']:.2f} s", ""),
            ("  speed-up", f"{one['s'] / two['s']:.2f}x", ">= 1.8x"),
        ]
    return lines, failed


def _targets_table(lines: list[tuple[str, str, str]]) -> str:
    head = f"{'measurement':<44} {'this run':<26} {'issue 16 target'}"
    return "\n".join([head, "-" * len(head), *(f"{a:<44} {b:<26} {c}" for a, b, c in lines)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="measurements per input and side (median kept)")
    parser.add_argument("--quick", action="store_true", help="one measurement each; same inputs and stages")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the numbers as JSON")
    parser.add_argument("--only", choices=("stages", "targets"), help="run only one half of the benchmark")
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
    targets: list[tuple[str, str, str]] = []
    targets_failed: list[str] = []
    if args.only != "stages":
        targets, targets_failed = run_targets(repeat)
    for rel, expected in INPUTS if args.only != "targets" else []:
        print(f"timing {rel} (x{repeat}) ...", file=sys.stderr, flush=True)
        pipe = _spawn("pipeline", rel, repeat)
        base = _spawn("baseline", rel, repeat)
        results.append(_summarise(rel, expected, pipe, base))

    print(HEADER)
    print(
        f"python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs; "
        f"median of {repeat} measurement(s), each >= {MIN_TIME}s of calls\n"
    )
    if targets:
        print(_targets_table(targets))
        print("\nwhole processes: wall seconds (median of the runs) and peak RSS of that process.\n")
    if results:
        print(_table(results))
    if results:
        print(
            "\nfull/base: full-pipeline median / baseline median.  reader..other: share of the full median"
            "\n(other = full - reader - assembly - records: file read, sha256, Document, noise; may dip below 0)."
            "\nMiB: peak RSS of that side's worker for that input (+ its growth over the RSS after imports);"
            "\nthe pipeline worker imports extractor and its deps, the baseline worker only its library."
        )
    elapsed = time.perf_counter() - started
    print(f"\nwall time {elapsed:.0f}s")

    failures = [r for r in results if not r["ok"]]
    for failed in targets_failed:
        print(f"FAIL {failed}", file=sys.stderr)
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
            "ok": not failures and not targets_failed,
            "inputs": results,
            "targets": [{"measurement": a, "this_run": b, "target": c} for a, b, c in targets],
        }
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if failures or targets_failed else 0


if __name__ == "__main__":
    sys.exit(main())
