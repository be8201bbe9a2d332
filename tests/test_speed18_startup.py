"""Start-up: a process that parses a UTF-8 text in one process imports no module only other inputs need.

Each of these is imported where it is used (issue 16, start-up): multiprocessing by the ``--jobs``
pool, charset-normalizer by the text reader's GB18030/Big5 tie, traceback by an internal error.
The check runs in a fresh interpreter, so modules imported by earlier tests do not hide an import.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PROBE = """
import json, sys
import extractor.cli
after_import = sorted(m for m in {names} if m in sys.modules)
import extractor
document = extractor.parse(sys.argv[1])
after_parse = sorted(m for m in {names} if m in sys.modules)
print(json.dumps([after_import, after_parse, sum(len(t.rows) for t in document.tables)]))
"""


def _imported(names: list[str], path: Path) -> tuple[list[str], list[str], int]:
    probe = _PROBE.format(names=repr(names))
    done = subprocess.run(
        [sys.executable, "-c", probe, str(path)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    after_import, after_parse, rows = json.loads(done.stdout)
    return after_import, after_parse, rows


def test_a_text_parsed_in_one_process_imports_no_pool_nor_charset_guesser(tmp_path: Path) -> None:
    text = tmp_path / "tasks.txt"
    text.write_text(
        "序号\t工作任务\t牵头单位\t完成情况\n1\t完成道路改造3公里\t市交通局\t已完成，投资1.2亿元\n",
        encoding="utf-8",
    )
    lazy = ["multiprocessing", "charset_normalizer", "traceback"]
    after_import, after_parse, rows = _imported(lazy, text)
    assert rows == 1  # the probe really parsed the table
    assert after_import == []
    assert after_parse == []


def _cli_run(args: list[str]) -> dict[str, object]:
    """Run ``extractor.cli.main(args)`` in a fresh interpreter; what it imported and set."""
    probe = (
        "import json, sys\n"
        "import extractor.cli\n"
        f"code = extractor.cli.main({args!r})\n"
        "level = sys.modules['logging'].getLogger('pdfminer').level if 'logging' in sys.modules else None\n"
        "print(json.dumps({'code': code, 'logging': 'logging' in sys.modules, 'pdfminer_level': level}))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_the_cli_keeps_pdfminer_to_errors_without_importing_logging_for_a_text(tmp_path: Path) -> None:
    """The CLI's quiet library logging (pdfminer's repair warnings) is set when a PDF is read, and a
    text file's run never imports ``logging`` for it."""
    text_run = _cli_run(["parse", "samples/seed.txt", "-o", str(tmp_path / "seed.json")])
    assert text_run == {"code": 0, "logging": False, "pdfminer_level": None}
    pdf_run = _cli_run(["parse", "samples/seed.pdf", "--pdf-engine", "pdfplumber", "-o", str(tmp_path / "p.json")])
    assert pdf_run["code"] == 0
    assert pdf_run["pdfminer_level"] == logging.ERROR


def test_a_gb18030_big5_tie_still_asks_charset_normalizer() -> None:
    """The lazy import is reached: bytes both codecs read, with the same share of common Chinese
    characters (none: punctuation only), go to charset-normalizer; its pick or GB18030 wins."""
    from extractor.readers.text import decode

    data = b"\xa3\xa1\xa1\xa1"  # GB18030 "！\u3000", Big5 "ㄐ﹛": not UTF-8, no ideograph either way
    assert data.decode("big5") == "ㄐ﹛"
    text, encoding = decode(data)
    assert (text, encoding) in (("！\u3000", "gb18030"), ("ㄐ﹛", "big5"))
    assert "charset_normalizer" in sys.modules
