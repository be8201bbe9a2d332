"""The command line: exit codes, one-line errors, JSON and JSONL output."""

from __future__ import annotations

import json
import subprocess
import sys
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
    assert result.stderr.splitlines() == ["extractor: /nonexistent/file.docx: No such file or directory [corrupt_file]"]


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
