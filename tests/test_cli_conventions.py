"""The CLI's conventions (issue 15): --version, stdin, examples in --help, -o folders and missing
folders, one JSON array for several files, lock and hidden files, --include/--exclude, the progress
bar on a terminal only, the review subcommand."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

import extractor
from tests.helpers import SAMPLES

CLI = [sys.executable, "-m", "extractor.cli"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*CLI, *args], capture_output=True, input=stdin, timeout=120)


def in_process(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from extractor.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def stderr_lines(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    return result.stderr.decode("utf-8").splitlines()


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"extractor {extractor.__version__}"


@pytest.mark.parametrize("command", ["parse", "check", "review", "schema", "figures"])
def test_every_help_has_examples(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    text = result.stdout.decode("utf-8")
    examples = text[text.index("examples:") :]
    assert f"extractor {command} " in examples


def test_stdin_is_read_for_dash() -> None:
    result = run("parse", "-", stdin=(SAMPLES / "seed.docx").read_bytes())
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["source"]["path"] == "<stdin>" and document["source"]["format"] == "docx"
    assert len(document["tables"][0]["rows"]) == 11
    # the same text in GB18030 from stdin, beside a file: JSONL in order
    text = (SAMPLES / "seed.txt").read_text("utf-8").encode("gb18030")
    both = run("parse", str(SAMPLES / "seed.txt"), "-", stdin=text)
    assert both.returncode == 0, both.stderr
    first, second = (json.loads(line) for line in both.stdout.splitlines())
    assert second["source"]["path"] == "<stdin>" and second["source"]["encoding"] == "gb18030"
    assert [r["task"] for r in first["tables"][0]["rows"]] == [r["task"] for r in second["tables"][0]["rows"]]


def test_stdin_failures_are_one_line() -> None:
    empty = run("parse", "-", stdin=b"")
    assert empty.returncode == 1
    assert stderr_lines(empty) == ["extractor: <stdin>: empty file [corrupt_file]"]
    assert json.loads(empty.stdout) == {
        "source": {"path": "<stdin>"},
        "error": {"code": "corrupt_file", "message": "empty file"},
    }
    big = run("parse", "-", "--max-size", "0.001", stdin=b"x" * 5000)
    assert big.returncode == 1 and stderr_lines(big)[0].endswith("[too_large]")
    twice = run("parse", "-", "-", stdin=b"")
    assert twice.returncode == 2 and "only once" in stderr_lines(twice)[0]


def test_several_files_as_json_are_one_array(tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    files = [str(SAMPLES / "seed.txt"), str(bad), str(SAMPLES / "seed.pdf")]
    result = run("parse", *files, "--format", "json")
    assert result.returncode == 1
    records = json.loads(result.stdout)
    assert [r["source"]["path"] for r in records] == files
    assert records[1]["error"]["code"] == "corrupt_file"
    # -o FILE.json with several files: the array too (the format comes from the extension)
    out = tmp_path / "all.json"
    assert run("parse", *files, "-o", str(out)).returncode == 1
    assert [r["source"]["path"] for r in json.loads(out.read_text("utf-8"))] == files
    # one file stays one document, and jsonl stays one line per file
    assert "tables" in json.loads(run("parse", files[0], "--format", "json").stdout)
    assert len(run("parse", *files).stdout.splitlines()) == 3


def test_output_into_missing_folders_is_made(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "deeper" / "x.json"
    result = run("parse", str(SAMPLES / "seed.txt"), "-o", str(out))
    assert result.returncode == 0 and result.stderr == b""
    assert json.loads(out.read_text("utf-8"))["source"]["format"] == "txt"


def test_output_folder_gets_one_file_per_input(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    files = [str(SAMPLES / "seed.docx"), str(SAMPLES / "seed.pdf"), str(SAMPLES / "seed.txt")]
    result = run("parse", *files, "-o", f"{folder}/")
    assert result.returncode == 0, result.stderr
    # the stems collide (seed): each keeps its whole name
    assert sorted(p.name for p in folder.iterdir()) == ["seed.docx.json", "seed.pdf.json", "seed.txt.json"]
    assert json.loads((folder / "seed.pdf.json").read_text("utf-8"))["source"]["format"] == "pdf"
    # an existing folder named without the slash is a folder too; a unique stem is the name
    (tmp_path / "jsonl").mkdir()
    assert run("parse", files[0], "-o", str(tmp_path / "jsonl"), "--format", "jsonl").returncode == 0
    (line,) = (tmp_path / "jsonl" / "seed.jsonl").read_text("utf-8").splitlines()
    assert json.loads(line)["source"]["format"] == "docx"
    # per input in CSV: tasks and figures files
    assert run("parse", files[2], "-o", str(tmp_path / "csv") + "/", "--format", "csv").returncode == 0
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == ["seed.csv", "seed.figures.csv"]


def test_output_that_cannot_be_written_is_one_line_and_exit_2(tmp_path: Path) -> None:
    a_file = tmp_path / "plain"
    a_file.write_text("x", encoding="utf-8")
    for target in (f"{a_file}/x.json", f"{a_file}/"):
        result = run("parse", str(SAMPLES / "seed.txt"), "-o", target)
        assert result.returncode == 2
        (line,) = stderr_lines(result)
        assert line.startswith("extractor: cannot write ") and "Traceback" not in line
    for fmt in ("csv", "xlsx"):
        result = run("parse", str(SAMPLES / "seed.txt"), "--format", fmt)
        assert result.returncode == 2 and stderr_lines(result) == [
            f"extractor: --format {fmt} writes files: give -o FILE.{fmt} (or -o DIR/)"
        ]


def _folder_with_clutter(tmp_path: Path) -> Path:
    folder = tmp_path / "attachments"
    (folder / "sub").mkdir(parents=True)
    (folder / ".git").mkdir()
    (folder / "report.docx").write_bytes((SAMPLES / "seed.docx").read_bytes())
    (folder / "sub" / "notes.txt").write_bytes((SAMPLES / "seed.txt").read_bytes())
    (folder / "~$report.docx").write_bytes(b"\x0cWord lock file owner name")
    (folder / "sub" / ".~lock.notes.txt#").write_text("user,host,2026", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    return folder


def test_lock_and_hidden_files_in_folders_are_skipped(tmp_path: Path) -> None:
    folder = _folder_with_clutter(tmp_path)
    result = run("check", str(folder))
    assert result.returncode == 0, result.stderr
    checked = [line.split(": ok")[0] for line in result.stdout.decode("utf-8").splitlines()]
    assert checked == [str(folder / "report.docx"), str(folder / "sub" / "notes.txt")]
    assert stderr_lines(result) == ["extractor: 2 files, 0 failed"]
    # named explicitly, a lock file is read (and fails): skipping is for folders
    named = run("check", str(folder / "~$report.docx"))
    assert named.returncode == 1


def test_include_and_exclude_globs(tmp_path: Path) -> None:
    folder = _folder_with_clutter(tmp_path)
    (folder / "drafts").mkdir()
    (folder / "drafts" / "old.txt").write_bytes((SAMPLES / "seed.txt").read_bytes())

    def checked(*options: str) -> list[str]:
        result = run("check", str(folder), *options)
        assert result.returncode == 0, result.stderr
        lines = result.stdout.decode().splitlines()
        return [Path(line.split(": ok")[0]).relative_to(folder).as_posix() for line in lines]

    assert checked() == ["drafts/old.txt", "report.docx", "sub/notes.txt"]
    assert checked("--include", "*.txt") == ["drafts/old.txt", "sub/notes.txt"]
    assert checked("--include", "*.txt", "--exclude", "drafts/*") == ["sub/notes.txt"]
    assert checked("--exclude", "*.TXT") == ["drafts/old.txt", "report.docx", "sub/notes.txt"]  # case matters
    assert checked("--exclude", "notes.txt", "--exclude", "*.docx") == ["drafts/old.txt"]


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    import extractor.cli

    files = [str(SAMPLES / "seed.txt"), str(SAMPLES / "seed.docx")]
    code, out, err = in_process(capsys, "check", *files)
    assert code == 0 and "\r" not in err and err == "extractor: 2 files, 0 failed\n"
    monkeypatch.setattr(extractor.cli, "_stderr_is_terminal", lambda: True)
    code, out, err = in_process(capsys, "check", *files, str(SAMPLES / "missing.pdf"))
    assert code == 1
    assert "0/3" in err and "1/3" in err and "2/3" in err  # files done / total
    assert "seed.docx" in err and "missing.pdf" in err  # the file being read
    assert f"extractor: {SAMPLES / 'missing.pdf'}: no such file [not_found]" in err.splitlines()
    assert out.count(": ok,") == 2  # stdout holds data only


def test_review_writes_the_rendered_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[list[dict[str, Any]]] = []

    def render_review(records: list[dict[str, Any]]) -> str:
        seen.append(list(records))
        return "<!doctype html><title>review</title><p>" + " ".join(r["source"]["path"] for r in records)

    fake = types.ModuleType("extractor.review")
    fake.render_review = render_review  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "extractor.review", fake)
    missing = str(tmp_path / "missing.docx")
    out = tmp_path / "pages" / "report.html"
    code, stdout, err = in_process(capsys, "review", str(SAMPLES / "seed.txt"), missing, "-o", str(out))
    assert code == 1 and stdout == ""
    (records,) = seen
    assert [r["source"]["path"] for r in records] == [str(SAMPLES / "seed.txt"), missing]
    assert len(records[0]["tables"][0]["rows"]) == 11 and records[1]["error"]["code"] == "not_found"
    assert out.read_text("utf-8").startswith("<!doctype html>")
    assert err.splitlines() == [f"extractor: {missing}: no such file [not_found]", "extractor: 2 files, 1 failed"]


def test_pre_commit_hooks_run_extractor_check(tmp_path: Path) -> None:
    """Each hook's entry, as pre-commit runs it (the entry, then the staged file names)."""
    import re
    import shlex

    hooks = (Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text("utf-8")
    entries = re.findall(r"^\s+entry: (.+)$", hooks, flags=re.MULTILINE)
    patterns = set(re.findall(r"^\s+files: (.+)$", hooks, flags=re.MULTILINE))
    assert entries == ["extractor check", "extractor check --strict"] and len(patterns) == 1
    (pattern,) = patterns
    assert re.search(pattern, "attachments/附件1.DOCX") and re.search(pattern, "a/b.pdf")
    assert not re.search(pattern, "README.md") and not re.search(pattern, "setup.py")
    bad = tmp_path / "附件2.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    for entry in entries:
        program, *options = shlex.split(entry)
        assert program == "extractor"
        assert run(*options, str(SAMPLES / "seed.docx"), str(SAMPLES / "seed.pdf")).returncode == 0
        broken = run(*options, str(SAMPLES / "seed.docx"), str(bad))
        assert broken.returncode == 1 and stderr_lines(broken)[0].startswith(f"extractor: {bad}: ")


def test_review_subcommand_writes_the_real_page(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run("review", str(SAMPLES), "-o", str(out), "--jobs", "2")
    assert result.returncode == 0, result.stderr
    page = out.read_text("utf-8")
    assert page.lower().startswith("<!doctype html>")
    for name in ("seed.docx", "seed.pdf", "seed.txt"):
        assert name in page
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page  # no CDN


def test_dash_output_is_standard_output() -> None:
    result = run("parse", str(SAMPLES / "seed.txt"), "-o", "-")
    assert result.returncode == 0 and json.loads(result.stdout)["source"]["format"] == "txt"


def test_spare_jobs_read_a_scans_pages_in_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """--jobs beyond the number of files go to OCR's page workers (issue 17), unless the variable is set."""
    from extractor import cli

    monkeypatch.delenv("EXTRACTOR_OCR_JOBS", raising=False)
    assert cli._spare_jobs_to_ocr(4, 1) is True and os.environ["EXTRACTOR_OCR_JOBS"] == "4"
    monkeypatch.delenv("EXTRACTOR_OCR_JOBS")
    assert cli._spare_jobs_to_ocr(2, 2) is False and "EXTRACTOR_OCR_JOBS" not in os.environ
    monkeypatch.setenv("EXTRACTOR_OCR_JOBS", "0")
    assert cli._spare_jobs_to_ocr(4, 1) is False and os.environ["EXTRACTOR_OCR_JOBS"] == "0"
