"""The command line: exit codes, one-line errors, JSON and JSONL output."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import SAMPLES

CLI = [sys.executable, "-m", "extractor.cli"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_parse_one_file_prints_one_json_document() -> None:
    result = run("parse", str(SAMPLES / "seed.txt"))
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["tables"][0]["title"] == "一季度完成情况未实现“开门红”目标任务"
    assert "\\u" not in result.stdout  # UTF-8, not ASCII-escaped
    assert result.stderr == ""


def test_parse_several_files_prints_jsonl_in_input_order(tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    files = [str(SAMPLES / "seed.docx"), str(bad), str(SAMPLES / "seed.txt")]
    result = run("parse", *files)
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["source"]["path"] for line in lines] == files
    assert lines[1]["error"]["code"] == "corrupt_file"
    assert len(lines[0]["tables"][0]["rows"]) == len(lines[2]["tables"][0]["rows"]) == 11
    errors = [line for line in result.stderr.splitlines() if line]
    assert errors[0].startswith(f"extractor: {bad}: ") and errors[0].endswith("[corrupt_file]")
    assert errors[-1] == "extractor: 3 files, 1 failed"
    assert "Traceback" not in result.stderr


def test_output_file_and_format(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run("parse", str(SAMPLES / "seed.txt"), "--format", "jsonl", "-o", str(out))
    assert result.returncode == 0 and result.stdout == ""
    (line,) = out.read_text("utf-8").splitlines()
    assert json.loads(line)["source"]["format"] == "txt"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "corrupt_file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "unsupported_format"),
        (b"just a line of prose, no table here\n", "no_table"),
        (b"%PDF-1.4 truncated", "corrupt_file"),
    ],
    ids=["empty", "ole", "no-table", "truncated-pdf"],
)
def test_bad_input_is_one_line_and_exit_1(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "input.bin"
    path.write_bytes(content)
    result = run("parse", str(path))
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"extractor: {path}: ") and line.endswith(f"[{code}]")


def test_missing_file() -> None:
    result = run("check", "/nonexistent/file.docx")
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["extractor: /nonexistent/file.docx: no such file [not_found]"]  # issue 14


def test_check_ok_and_strict(tmp_path: Path) -> None:
    result = run("check", str(SAMPLES))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(": ok, 1 table(s), 11 rows, 0 warning(s)") == 3
    noisy = tmp_path / "noisy.txt"
    noisy.write_text((SAMPLES / "seed.txt").read_text("utf-8") + "\n注：数据截至3月底。\n", encoding="utf-8")
    assert run("check", str(noisy)).returncode == 0
    strict = run("check", "--strict", str(noisy))
    assert strict.returncode == 1
    assert strict.stderr.strip().endswith("[unplaced_text]")


def test_usage_errors_exit_2() -> None:
    assert run().returncode == 2
    assert run("parse").returncode == 2
    assert run("parse", "x", "--format", "xml").returncode == 2


def test_schema_command_prints_the_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"] == "Document"


# --- batches (issue 5): --jobs, input order, failure accounting, limits, timeouts ----------------

FIXTURES = Path(__file__).parent / "fixtures"
FORK = "fork" in __import__("multiprocessing").get_all_start_methods()


def in_process(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], list[str]]:
    """Run the CLI in this process (so monkeypatches reach forked workers): exit code, stdout and stderr lines."""
    from extractor.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def test_jobs_keep_input_order_and_count_failures(tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    # The slow file first: workers finish out of order, the output must not.
    files = [str(FIXTURES / "seed1100.docx"), str(bad), str(SAMPLES / "seed.txt"), str(empty)]
    files.append(str(SAMPLES / "seed.docx"))
    result = run("parse", *files, "--jobs", "3")
    assert result.returncode == 1, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["source"]["path"] for line in lines] == files
    assert [line.get("error", {}).get("code") for line in lines] == [None, "corrupt_file", None, "corrupt_file", None]
    errors = result.stderr.splitlines()
    assert [e.split(": ")[1] for e in errors[:-1]] == [str(bad), str(empty)]
    assert errors[-1] == "extractor: 5 files, 2 failed"
    check = run("check", *files, "-j", "2")
    assert check.returncode == 1
    assert [line.split(":")[0] for line in check.stdout.splitlines()] == [files[0], files[2], files[4]]
    assert check.stderr.splitlines()[-1] == "extractor: 5 files, 2 failed"
    assert run("check", str(SAMPLES), "--jobs", "4").returncode == 0


def test_limit_options() -> None:
    pages = run("parse", str(SAMPLES / "seed.pdf"), "--max-pages", "2")
    assert pages.returncode == 1 and pages.stderr.strip().endswith("[too_large]")
    assert run("check", str(SAMPLES / "seed.pdf"), "--max-pages", "0").returncode == 0  # 0: no limit
    size = run("check", str(SAMPLES / "seed.docx"), "--max-size", "0.01")
    assert size.returncode == 1 and size.stderr.strip().endswith("[too_large]")
    members = run("check", str(SAMPLES / "seed.docx"), "--max-zip-members", "3")
    assert members.returncode == 1 and "members" in members.stderr
    assert run("check", "x", "--jobs", "0").returncode == 2
    assert run("check", "x", "--timeout", "soon").returncode == 2


def test_timeout_in_process_and_in_workers(tmp_path: Path) -> None:
    # A file no parse finishes in 2 s however fast the readers get (seed1100.pdf came to parse in
    # under 2 s on a quiet machine): 40,000 rows of text.
    slow_path = tmp_path / "slow.txt"
    row = "{n}|完成固定资产投资{n}亿元，同比增长{r}.5%|已完成年度目标的{p}%|县发改局\n"
    rows = "".join(row.format(n=n, r=n % 9, p=n % 90) for n in range(1, 40_001))
    slow_path.write_text("序号|目标任务|完成情况|牵头单位\n" + rows, encoding="utf-8")
    slow = str(slow_path)
    for jobs in ("1", "2"):
        started = time.monotonic()
        # 2 s: the small file must finish on a loaded machine (rules compile on first use); the big one cannot
        result = run("parse", slow, str(SAMPLES / "seed.txt"), "--timeout", "2", "--jobs", jobs)
        assert time.monotonic() - started < 8
        assert result.returncode == 1
        first, second = (json.loads(line) for line in result.stdout.splitlines())
        assert first["error"]["code"] == "timeout" and "tables" in second
        assert result.stderr.splitlines()[0].endswith("[timeout]")


def _warm_rules(path: str) -> None:
    from extractor.pipeline import parse

    parse(path)


def _stuck_or_crashing(path: str, limits: object = None, columns: object = None, options: object = None) -> object:
    """A parse that ignores its alarm (blocked, as in a long C call) or kills its process."""
    import os
    import signal

    from extractor.pipeline import parse

    if path.endswith("stuck.txt"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    if path.endswith("crash.txt"):
        os._exit(7)
    if path.endswith("bug.txt"):
        raise RuntimeError("a bug")
    return parse(path, limits=limits)  # type: ignore[arg-type]


@pytest.mark.skipif(not FORK, reason="workers must inherit the monkeypatch (fork)")
def test_stuck_and_dead_workers_are_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import extractor.batch

    monkeypatch.setattr(extractor.batch, "parse", _stuck_or_crashing)
    monkeypatch.setattr(extractor.batch, "GRACE", 0.5)
    for name in ("stuck.txt", "crash.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    seed = str(SAMPLES / "seed.txt")
    files = [str(tmp_path / "stuck.txt"), seed, str(tmp_path / "crash.txt"), seed, seed]
    # Compile the rules before the workers fork: a cold worker's first parse (~0.4 s) must not
    # itself hit the 0.5 s limit when this test runs alone.
    _warm_rules(seed)
    started = time.monotonic()
    code, out, err = in_process(capsys, "parse", *files, "--jobs", "2", "--timeout", "0.5")
    assert time.monotonic() - started < 6
    assert code == 1
    records = [json.loads(line) for line in out]
    assert [r["source"]["path"] for r in records] == files
    assert [r.get("error", {}).get("code") for r in records] == ["timeout", None, "internal_error", None, None]
    assert "worker killed" in records[0]["error"]["message"]
    assert "exit code 7" in records[2]["error"]["message"]
    assert err[-1] == "extractor: 5 files, 2 failed"


def test_internal_error_is_one_line_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import extractor.batch

    monkeypatch.setattr(extractor.batch, "parse", _stuck_or_crashing)
    bug = tmp_path / "bug.txt"
    bug.write_text("x", encoding="utf-8")
    files = [str(bug), str(SAMPLES / "seed.txt")]
    code, out, err = in_process(capsys, "parse", *files)
    assert code == 1
    records = [json.loads(line) for line in out]
    assert records[0]["error"] == {"code": "internal_error", "message": "internal error: RuntimeError: a bug"}
    assert "tables" in records[1]
    assert err == [
        f"extractor: {bug}: internal error: RuntimeError: a bug (rerun with --debug for the traceback)"
        " [internal_error]",
        "extractor: 2 files, 1 failed",
    ]
    code, out, err = in_process(capsys, "check", *files, "--debug")
    assert code == 1 and any(line.startswith("Traceback") for line in err)
