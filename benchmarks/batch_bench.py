"""Batch speed: ``extractor parse DIR --jobs 2`` against ``--jobs 1`` on 200 small files (issue 15).

The files are made in a temporary folder from samples/, each with different content (figures,
years and unit names changed, rows dropped), in the three formats: 120 .txt, 50 .docx, 30 .pdf
copies (a PDF's content is left as it is). Each command runs ``--repeat`` times, alternating
(1, 2, 2, 1, …) so a machine whose load changes during the run weighs on both alike; the best time
of each is compared. Prints the seconds, the CPU seconds each run used (with its workers) and the
ratio; target ≥ 1.6× on two free cores. On a shared machine the wall-clock ratio is bounded by
the CPU the others leave: compare the CPU seconds with the wall-clock ones to see it.

    python benchmarks/batch_bench.py [--files 200] [--repeat 2]
    python benchmarks/batch_bench.py --pdf 40     # issue 16: 40 copies of a 110-row PDF (target ≥ 1.8×)

``--pdf N`` times N copies of a 110-row, 26-page PDF instead (the first 26 pages of
tests/fixtures/seed1100.pdf, as ``bench.py`` makes it without LibreOffice).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
UNITS = ["区商务委", "区发展改革委", "区交通局", "区住房城乡建委", "区文化旅游委", "区财政局"]


def vary(text: str, rng: random.Random) -> str:
    """The same report with other numbers, units and a few rows fewer: no two files alike."""
    text = re.sub(r"\d+(?:\.\d+)?%", lambda m: f"{rng.uniform(-20, 30):.1f}%", text)
    text = re.sub(r"\d+亿元", lambda m: f"{rng.randint(1, 90)}亿元", text)
    for unit in UNITS:
        text = text.replace(unit, rng.choice(UNITS))
    return text


def make_files(folder: Path, count: int, seed: int = 15) -> None:
    from docx import Document

    rng = random.Random(seed)
    seed_text = (SAMPLES / "seed.txt").read_text("utf-8")
    lines = seed_text.splitlines()
    shares = {"txt": 0.6, "docx": 0.25}
    n_txt, n_docx = int(count * shares["txt"]), int(count * shares["docx"])
    for i in range(n_txt):
        kept = [line for line in lines if not (line[:1].isdigit() and rng.random() < 0.15)]
        (folder / f"report{i:03d}.txt").write_text(vary("\n".join(kept), rng), encoding="utf-8")
    for i in range(n_docx):
        document = Document(str(SAMPLES / "seed.docx"))
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        for run in paragraph.runs:
                            run.text = vary(run.text, rng)
        document.save(str(folder / f"report{i:03d}.docx"))
    for i in range(count - n_txt - n_docx):
        shutil.copyfile(SAMPLES / "seed.pdf", folder / f"report{i:03d}.pdf")


def make_pdfs(folder: Path, count: int) -> None:
    """``count`` copies of the first 26 pages (110 rows) of seed1100.pdf."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(ROOT / "tests" / "fixtures" / "seed1100.pdf")
    pages = pdfium.PdfDocument.new()
    pages.import_pages(source, list(range(26)))
    first = folder / "seed110-000.pdf"
    pages.save(first)
    for i in range(1, count):
        shutil.copyfile(first, folder / f"seed110-{i:03d}.pdf")


def timed(folder: Path, jobs: int, out: Path) -> tuple[float, float]:
    """Wall-clock seconds of the command, and the CPU seconds it and its workers used."""
    command = [sys.executable, "-m", "extractor.cli", "parse", str(folder), "--jobs", str(jobs), "-o", str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"--jobs {jobs} failed: {result.stderr.strip()[-500:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _autogroup() -> bool:
    try:
        return Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
    except OSError:
        return False


def serial_share(folder: Path, out: Path) -> tuple[float, float]:
    """``parse DIR --jobs 2`` run in this process: the CPU seconds of the parent and of its workers."""
    from extractor.cli import main as cli

    def used(who: int) -> float:
        usage = resource.getrusage(who)
        return usage.ru_utime + usage.ru_stime

    parent, workers = used(resource.RUSAGE_SELF), used(resource.RUSAGE_CHILDREN)
    stderr, sys.stderr = sys.stderr, open(os.devnull, "w")  # noqa: SIM115 (the summary line)
    try:
        cli(["parse", str(folder), "--jobs", "2", "-o", str(out)])
    finally:
        sys.stderr.close()
        sys.stderr = stderr
    return used(resource.RUSAGE_SELF) - parent, used(resource.RUSAGE_CHILDREN) - workers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--pdf", type=int, default=0, metavar="N", help="N copies of a 110-row PDF instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "reports"
        folder.mkdir()
        if args.pdf:
            make_pdfs(folder, args.pdf)
        else:
            make_files(folder, args.files)
        times: dict[int, list[float]] = {1: [], 2: []}
        cpu: dict[int, list[float]] = {1: [], 2: []}
        order = [1, 2, 2, 1] * args.repeat
        for jobs in order[: 2 * args.repeat]:
            wall, used = timed(folder, jobs, Path(temp) / f"out{jobs}.jsonl")
            times[jobs].append(wall)
            cpu[jobs].append(used)
        one, two = min(times[1]), min(times[2])
        parent, workers = serial_share(folder, Path(temp) / "inprocess.jsonl")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    files = f"{args.pdf} PDFs of 110 rows" if args.pdf else args.files
    print(f"files: {files}  cores: {os.cpu_count()}  load average (1 min) at the end: {load:.1f}")
    if _autogroup() and load > (os.cpu_count() or 1):
        print(
            "note: the kernel groups a session's processes for CPU (sched_autogroup) and other sessions keep the "
            "cores busy: the workers share this session's one share, so the wall-clock ratio says little here"
        )
    for jobs, best in ((1, one), (2, two)):
        runs = ", ".join(f"{t:.2f}" for t in times[jobs])
        used = ", ".join(f"{t:.2f}" for t in cpu[jobs])
        print(f"--jobs {jobs}: {best:.2f} s   (runs: {runs}; CPU seconds used: {used})")
    print(f"speed-up --jobs 2 / --jobs 1: {one / two:.2f}x")
    # The part no worker can take: the parent's own CPU (receiving, writing) beside the workers'.
    bound = (parent + workers) / (parent + workers / 2)
    print(
        f"--jobs 2 in-process: parent {parent:.2f} CPU s, workers {workers:.2f} CPU s "
        f"→ bound on two free cores ≈ {bound:.2f}x (less the workers' start-up)"
    )


if __name__ == "__main__":
    main()
