"""Legacy .doc/.wps and .xls/.et: converted by LibreOffice, then read as .docx/.xlsx.

Tests that run soffice take the ``soffice`` fixture. Without LibreOffice they are skipped with a
reason, except where EXTRACTOR_REQUIRE_SOFFICE=1 (set by .ci/run): there they fail, so a CI run
whose LibreOffice install broke goes red instead of quietly not testing conversion.
The fixtures come from tests/fixtures/legacy/make_fixtures.py.
"""

from __future__ import annotations

import glob
import io
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
import pytest

import extractor
from extractor.cli import main
from extractor.errors import ConversionError
from extractor.readers import legacy
from tests.helpers import FIXTURES

LEGACY = FIXTURES / "legacy"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The port in the image URL baked into linked_image.doc (make_fixtures.LINK_PORT).
LINK_PORT = 47123
NOT_INSTALLED = (
    "LibreOffice (soffice) is not installed: legacy .doc/.wps/.xls/.et conversion is NOT tested "
    "(apt-get install libreoffice-writer-nogui libreoffice-calc-nogui)"
)


@pytest.fixture(scope="session")
def soffice() -> str:
    found = legacy.find_soffice()
    if found is None:
        if os.environ.get("EXTRACTOR_REQUIRE_SOFFICE") == "1":
            pytest.fail(f"{NOT_INSTALLED}; EXTRACTOR_REQUIRE_SOFFICE=1 says it must be")
        pytest.skip(NOT_INSTALLED)
    return found


def fields(document: extractor.Document) -> list[tuple[int | None, str | None, str | None, list[str]]]:
    return [(r.seq, r.task, r.progress, r.lead_units) for t in document.tables for r in t.rows]


@pytest.fixture(scope="module")
def converted(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, extractor.Document]:
    """The four legacy names parsed at once: concurrent conversions must not share a profile."""
    tmp = tmp_path_factory.mktemp("legacy")
    # LibreOffice cannot write Kingsoft's formats; a .wps/.et is, in practice, the same binary
    # format under another name, and the content decides.
    shutil.copy(LEGACY / "variant7.doc", tmp / "variant7.wps")
    shutil.copy(LEGACY / "variant7.xls", tmp / "variant7.et")
    paths = {
        "doc": LEGACY / "variant7.doc",
        "wps": tmp / "variant7.wps",
        "xls": LEGACY / "variant7.xls",
        "et": tmp / "variant7.et",
    }
    with ThreadPoolExecutor(len(paths)) as pool:
        futures = {name: pool.submit(extractor.parse, path) for name, path in paths.items()}
        return {name: future.result() for name, future in futures.items()}


@pytest.mark.parametrize(("name", "fmt"), [("doc", "doc"), ("wps", "doc"), ("xls", "xls"), ("et", "xls")])
def test_converted_rows_match_the_text_version(converted: dict[str, extractor.Document], name: str, fmt: str) -> None:
    document = converted[name]
    assert document.source.format == fmt
    assert fields(document) == fields(extractor.parse(FIXTURES / "variant7.txt"))
    codes = [w.code for w in document.warnings]
    assert codes[0] == "converted" and "LibreOffice" in document.warnings[0].message
    assert "table_lost_in_conversion" not in codes


def test_doc_keeps_title_and_columns(converted: dict[str, extractor.Document]) -> None:
    (table,) = converted["doc"].tables
    assert (table.attachment, table.title) == ("附件2", "2024年重点工作任务推进情况表")
    assert [c.field for c in table.columns] == ["seq", "task", "progress", "issues", "plan", "lead_units", "deadline"]


# --- without LibreOffice doing the work -------------------------------------------------------


def _docx_bytes(with_table: bool) -> bytes:
    document = docx.Document()
    document.add_paragraph("附件1")
    if with_table:
        table = document.add_table(rows=2, cols=2)
        for cell, text in zip(table._cells, ["序号", "目标任务", "1", "新建5G基站300个。"], strict=True):
            cell.text = text
    else:
        document.add_paragraph("1. 新建5G基站300个。已建成260个。")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("with_table", [True, False])
def test_reader_marks_conversion_and_lost_tables(monkeypatch: pytest.MonkeyPatch, with_table: bool) -> None:
    monkeypatch.setattr(legacy, "convert", lambda data, kind: _docx_bytes(with_table))
    raw = legacy.read_doc(b"ignored")
    assert raw.format == "doc"
    codes = [w.code for w in raw.warnings]
    assert codes[0] == "converted"
    assert ("table_lost_in_conversion" in codes) is not with_table


def _without_soffice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(legacy.SOFFICE_ENV, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(legacy, "_KNOWN_LOCATIONS", ())


@pytest.mark.parametrize(
    ("reader", "hint"),
    [
        (legacy.read_doc, "legacy Word document (.doc/.wps): install LibreOffice or convert it to .docx first"),
        (legacy.read_xls, "legacy Excel workbook (.xls/.et): install LibreOffice or convert it to .xlsx first"),
    ],
)
def test_not_installed_is_one_line_with_the_way_out(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, reader: object, hint: str
) -> None:
    _without_soffice(monkeypatch, tmp_path)
    with pytest.raises(ConversionError) as caught:
        reader(b"anything")  # type: ignore[operator]
    assert caught.value.code == "conversion_failed"
    assert str(caught.value).startswith(hint) and "\n" not in str(caught.value)


def test_cli_not_installed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _without_soffice(monkeypatch, tmp_path)
    path = str(LEGACY / "variant7.doc")
    assert main(["parse", path]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"extractor: {path}: legacy Word document (.doc/.wps): install LibreOffice or convert it to .docx first "
        "(soffice --headless --convert-to docx FILE) [conversion_failed]\n"
    )


@pytest.mark.skipif(any(glob.glob(pattern) for pattern in legacy._KNOWN_LOCATIONS), reason="LibreOffice found off PATH")
def test_cli_entry_point_not_installed(tmp_path: Path) -> None:
    """The installed command, as a user runs it: one stderr line, no traceback."""
    env = {k: v for k, v in os.environ.items() if k != legacy.SOFFICE_ENV} | {"PATH": str(tmp_path)}
    command = [sys.executable, "-m", "extractor.cli", "parse", str(LEGACY / "variant7.xls")]
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env, timeout=60)
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"extractor: {LEGACY / 'variant7.xls'}: legacy Excel workbook (.xls/.et): install")
    assert line.endswith("[conversion_failed]")


def _fake_soffice(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    return script


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"  # a killed orphan may linger as a zombie until init reaps it


@pytest.mark.skipif(sys.platform != "linux", reason="uses /bin/sh and /proc")
def test_timeout_kills_the_whole_process_group(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    # Like soffice: a script whose child does the work. Both must die.
    script = _fake_soffice(tmp_path, f"sleep 300 &\necho $$ $! > {pids}\nwait")
    monkeypatch.setenv(legacy.SOFFICE_ENV, str(script))
    monkeypatch.setenv(legacy.TIMEOUT_ENV, "0.5")
    started = time.monotonic()
    with pytest.raises(ConversionError, match=r"within 0\.5 s \(set EXTRACTOR_SOFFICE_TIMEOUT"):
        legacy.read_doc(b"x")
    assert time.monotonic() - started < 5
    for pid in map(int, pids.read_text().split()):
        deadline = time.monotonic() + 5
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(pid), f"process {pid} survived the timeout"


def test_timeout_constant_is_read_at_call_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(legacy.TIMEOUT_ENV, raising=False)
    monkeypatch.setattr(legacy, "SOFFICE_TIMEOUT", 0.25)
    assert legacy.soffice_timeout() == 0.25
    monkeypatch.setenv(legacy.TIMEOUT_ENV, "7")
    assert legacy.soffice_timeout() == 7.0
    for bad in ("abc", "0", "-1", "nan"):
        monkeypatch.setenv(legacy.TIMEOUT_ENV, bad)
        with pytest.raises(ConversionError, match="EXTRACTOR_SOFFICE_TIMEOUT must be"):
            legacy.soffice_timeout()


@pytest.mark.skipif(sys.platform != "linux", reason="uses /bin/sh")
def test_soffice_that_writes_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # soffice exits 0 even when it converted nothing; only the output file tells.
    script = _fake_soffice(tmp_path, 'echo "Error: Please verify input parameters..." >&2\nexit 0')
    monkeypatch.setenv(legacy.SOFFICE_ENV, str(script))
    with pytest.raises(ConversionError, match=r"did not convert .*\(Error: Please verify input parameters\.\.\.\)"):
        legacy.read_xls(b"x")


@pytest.mark.skipif(sys.platform != "linux", reason="uses /bin/sh")
def test_libreoffice_without_calc(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Debian packages Writer and Calc apart; a missing one must not be reported as a damaged file."""
    program = tmp_path / "program"  # laid out as LibreOffice's program folder, with Writer only
    program.mkdir()
    (program / "fundamentalrc").write_text("[Bootstrap]\n")
    (program / "libswlo.so").write_bytes(b"")
    script = _fake_soffice(program, 'echo "Error: source file could not be loaded" >&2')
    monkeypatch.setenv(legacy.SOFFICE_ENV, str(script))
    with pytest.raises(ConversionError, match=r"installed without Calc; install it \(Debian/Ubuntu: apt-get install"):
        legacy.read_xls(b"x")
    with pytest.raises(ConversionError, match="could not open it as a legacy Word document"):
        legacy.read_doc(b"x")


def test_configured_soffice_that_does_not_exist(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(legacy.SOFFICE_ENV, str(tmp_path / "nowhere" / "soffice"))
    with pytest.raises(ConversionError, match=r"EXTRACTOR_SOFFICE=.* is not an executable file"):
        legacy.read_doc(b"x")


# --- LibreOffice given bad input --------------------------------------------------------------


def _garbage_ole(stream: str) -> bytes:
    """An OLE header, one well-formed directory entry naming ``stream``, then noise.

    The entry is where a real directory puts it (128-byte aligned, name length, type 2 = stream),
    so any sniffer sends the file to LibreOffice, which cannot load it.
    """
    name = stream.encode("utf-16-le") + b"\0\0"
    entry = name.ljust(64, b"\0") + len(name).to_bytes(2, "little") + b"\x02"
    return (OLE_MAGIC.ljust(512, b"\0") + entry.ljust(128, b"\0") + bytes(range(256)) * 12)[:4096]


def test_garbage_ole_is_a_coded_error(soffice: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Both import filters fail (one conversion each); the CLI says so in one line. (The .xls path
    shares the code and is covered by test_libreoffice_without_calc without the cost of soffice.)"""
    path = tmp_path / "garbage.doc"
    path.write_bytes(_garbage_ole("WordDocument"))
    assert main(["parse", str(path)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line == (
        f"extractor: {path}: LibreOffice could not open it as a legacy Word document (.doc/.wps); the file is "
        "damaged, password-protected or not what it claims to be [conversion_failed]"
    )


# --- no network -------------------------------------------------------------------------------


class Listener:
    """A local port that records whatever connects to it, and linked_image.doc pointed at it."""

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))  # a free port: other test runs may be listening too
        self.port = self.server.getsockname()[1]
        self.seen: list[bytes] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.serve, daemon=True)

    def serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    self.seen.append(conn.recv(200))
                except OSError:
                    self.seen.append(b"")

    def linked_doc(self) -> bytes:
        """The fixture with its image URL's port replaced (same length, so the .doc stays valid)."""
        data = (LEGACY / "linked_image.doc").read_bytes()
        old, new = str(LINK_PORT), str(self.port)
        assert len(new) == len(old), "an ephemeral port has five digits"
        for encoding in ("ascii", "utf-16-le"):  # the field code and the picture's link
            assert data.count(old.encode(encoding)) == 1
            data = data.replace(old.encode(encoding), new.encode(encoding))
        return data


@pytest.fixture
def listener() -> Iterator[Listener]:
    listener = Listener()
    listener.server.listen()
    listener.server.settimeout(0.1)
    listener.thread.start()
    yield listener
    listener.stop.set()
    listener.thread.join()
    listener.server.close()


def test_fixture_really_makes_libreoffice_fetch(soffice: str, listener: Listener, tmp_path: Path) -> None:
    """The control: plain soffice on linked_image.doc fetches the image, so the next test means something."""
    source = tmp_path / "linked_image.doc"
    source.write_bytes(listener.linked_doc())
    command = [
        soffice, "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
        "--convert-to", "docx", "--outdir", str(tmp_path), str(source),
    ]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, env=env, timeout=120, check=True)
    assert any(b"/linked.png" in request for request in listener.seen)


@pytest.mark.parametrize("jail", [True, False], ids=["namespace", "proxies-only"])
def test_conversion_makes_no_network_request(
    soffice: str, listener: Listener, monkeypatch: pytest.MonkeyPatch, jail: bool
) -> None:
    if not jail:  # where Linux refuses a network namespace, the dead proxies alone must hold
        monkeypatch.setattr(legacy, "_network_jail", lambda: ())
    raw = legacy.read_doc(listener.linked_doc())
    assert any(getattr(block, "rows", None) for block in raw.blocks)  # it did convert
    assert listener.seen == []
