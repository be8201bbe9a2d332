"""Limits (issue 5): size, ZIP bombs, XML entities, PDF pages, time; name mismatch; encrypted PDFs.

Every hostile input is made here, small, and must fail with its code within a few seconds.
"""

from __future__ import annotations

import io
import struct
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import regex

import extractor
from extractor.errors import ExtractorError, ParseTimeoutError
from extractor.limits import Limits, time_limit
from extractor.readers.docx import read_docx
from extractor.readers.xlsx import read_xlsx
from tests.helpers import SAMPLES

FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE = FIXTURES / "hostile"
MB = 1024 * 1024


def fails_with(code: str, source: bytes | Path, limits: Limits | None = None, seconds: float = 5.0) -> ExtractorError:
    started = time.monotonic()
    with pytest.raises(ExtractorError) as caught:
        extractor.parse(source, limits=limits)
    assert caught.value.code == code, caught.value
    assert time.monotonic() - started < seconds
    return caught.value


def rebuild(package: Path, change: Callable[[str, bytes], bytes], extra: dict[str, bytes] | None = None) -> bytes:
    """The package with each member passed through ``change``, plus ``extra`` members."""
    out = io.BytesIO()
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, change(info.filename, source.read(info.filename)))
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def with_doctype(part: str, doctype: str, entity: str) -> Callable[[str, bytes], bytes]:
    """Put ``doctype`` in the XML part's prolog and ``entity`` in its first text (``<w:t>``, ``<t>``)."""

    def change(name: str, data: bytes) -> bytes:
        if name != part:
            return data
        text = data.decode("utf-8")
        declaration, body = text.split("?>", 1) if text.startswith("<?xml") else ("", text)
        body = regex.sub(r"(<(?:w:)?t(?: [^>]*)?>)", lambda m: m[1] + entity, body, count=1)
        return f"{declaration + '?>' if declaration else ''}{doctype}{body}".encode()

    return change


LAUGHS = (
    '<!DOCTYPE root [<!ENTITY a0 "lol">'
    + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    + "]>"
)


def external(path: Path) -> str:
    return f'<!DOCTYPE root [<!ENTITY x SYSTEM "{path.as_uri()}">]>'


def patch_sizes(data: bytes, member: str, size: int) -> bytes:
    """Rewrite a member's declared uncompressed size, in its local header and the central directory."""
    name = member.encode()
    out = bytearray(data)
    local = out.find(b"PK\x03\x04")
    while local != -1:
        (name_len,) = struct.unpack_from("<H", out, local + 26)
        if out[local + 30 : local + 30 + name_len] == name:
            struct.pack_into("<I", out, local + 22, size)
        local = out.find(b"PK\x03\x04", local + 4)
    central = out.find(b"PK\x01\x02")
    while central != -1:
        (name_len,) = struct.unpack_from("<H", out, central + 28)
        if out[central + 46 : central + 46 + name_len] == name:
            struct.pack_into("<I", out, central + 24, size)
        central = out.find(b"PK\x01\x02", central + 4)
    return bytes(out)


# --- size ---------------------------------------------------------------------------------------


def test_input_size_limit_for_paths_and_bytes(tmp_path: Path) -> None:
    error = fails_with("too_large", SAMPLES / "seed.docx", Limits(max_bytes=1000))
    assert error.path == str(SAMPLES / "seed.docx")
    fails_with("too_large", (SAMPLES / "seed.txt").read_bytes(), Limits(max_bytes=1000))
    # Off when None; the default is far above a real attachment.
    assert extractor.parse(SAMPLES / "seed.txt", limits=Limits(max_bytes=None)).tables


# --- ZIP packages ----------------------------------------------------------------------------------


def test_declared_uncompressed_size_is_checked_before_any_xml() -> None:
    # 4 GB declared for one part: refused from the central directory, nothing inflated.
    data = patch_sizes((SAMPLES / "seed.docx").read_bytes(), "word/document.xml", 0xFFFF_FFF0)
    error = fails_with("too_large", data, seconds=1)
    assert "inflates to" in error.message


def test_zip_bomb_member_by_total_and_by_ratio() -> None:
    zeros = b"\0" * (20 * MB)  # deflates about 1000-fold
    data = rebuild(SAMPLES / "seed.docx", lambda name, d: d, {"word/media/bomb.bin": zeros})
    assert len(data) < 200_000
    fails_with("too_large", data, Limits(max_zip_bytes=10 * MB))
    error = fails_with("too_large", data)  # under the default total, over the default ratio
    assert "bomb.bin" in error.message and "fold" in error.message
    assert extractor.parse(data, limits=Limits(max_zip_ratio=None)).tables  # raised: it parses


def test_lying_local_header_cannot_inflate_past_the_declared_size() -> None:
    # The central directory says 1 KB, the deflated stream holds 20 MB: zipfile stops at 1 KB
    # and the CRC check fails, so memory stays bounded and the file is corrupt, not a bomb.
    zeros = b"\0" * (20 * MB)
    data = rebuild(SAMPLES / "seed.docx", lambda name, d: d, {"word/media/bomb.bin": zeros})
    data = patch_sizes(data, "word/media/bomb.bin", 1024)
    with zipfile.ZipFile(io.BytesIO(data)) as archive, pytest.raises(zipfile.BadZipFile, match="CRC"):
        archive.read("word/media/bomb.bin")


def test_member_count_limit() -> None:
    members = {f"customXml/item{i}.bin": b"" for i in range(60)}
    data = rebuild(SAMPLES / "seed.docx", lambda name, d: d, members)
    error = fails_with("too_large", data, Limits(max_zip_members=50))
    assert "members" in error.message
    assert extractor.parse(data).tables


# --- XML entities -----------------------------------------------------------------------------------


def test_billion_laughs_docx_fails_fast() -> None:
    data = rebuild(SAMPLES / "seed.docx", with_doctype("word/document.xml", LAUGHS, "&a9;"))
    error = fails_with("corrupt_file", data, seconds=2)
    assert "DTD" in error.message
    # Even past our DTD check, python-docx's parser does not expand it (lxml refuses the amplification).
    started = time.monotonic()
    try:
        raw = read_docx(data)
    except ExtractorError as exc:
        assert exc.code == "corrupt_file"
    else:
        assert "lollol" not in repr(raw)
    assert time.monotonic() - started < 2


def test_external_entity_docx_reads_no_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER", encoding="utf-8")
    data = rebuild(SAMPLES / "seed.docx", with_doctype("word/document.xml", external(secret), "&x;"))
    fails_with("corrupt_file", data, seconds=2)
    # python-docx parses with resolve_entities=False: the entity stays unexpanded.
    try:
        raw = read_docx(data)
    except ExtractorError:
        return
    assert "TOP-SECRET-MARKER" not in repr(raw)


def test_entities_in_an_xlsx_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER", encoding="utf-8")
    for doctype, entity in ((LAUGHS, "&a9;"), (external(secret), "&x;")):
        data = rebuild(FIXTURES / "seed.xlsx", with_doctype("xl/worksheets/sheet1.xml", doctype, entity))
        fails_with("corrupt_file", data, seconds=2)
        # openpyxl with defusedxml installed refuses entities too, past our check.
        with pytest.raises(ExtractorError):
            read_xlsx(data)


def test_defusedxml_is_active_in_openpyxl() -> None:
    import openpyxl

    assert openpyxl.DEFUSEDXML is True


# --- PDF pages ---------------------------------------------------------------------------------------


def test_pdf_page_limit() -> None:
    error = fails_with("too_large", SAMPLES / "seed.pdf", Limits(max_pdf_pages=2))
    assert "more than 2 pages" in error.message  # counted leaf by leaf, only one past the limit
    assert extractor.parse(SAMPLES / "seed.pdf", limits=Limits(max_pdf_pages=3)).tables


# --- time ---------------------------------------------------------------------------------------------


# The alarm interrupts pdfminer wherever it is: an object it was building may fail in its finalizer
# later (seen under load), which says nothing about the timeout.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_timeout_stops_a_long_parse() -> None:
    started = time.monotonic()
    error = fails_with("timeout", FIXTURES / "seed1100.pdf", Limits(seconds=0.3), seconds=3)
    assert isinstance(error, ParseTimeoutError) and error.path
    assert time.monotonic() - started < 3


def test_timeout_is_restored_and_not_armed_off_the_main_thread() -> None:
    import signal

    with time_limit(5) as timer:
        assert timer.armed
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL
    armed: list[bool] = []

    def in_thread() -> None:
        with time_limit(5) as timer:
            armed.append(timer.armed)

    thread = threading.Thread(target=in_thread)
    thread.start()
    thread.join()
    assert armed == [False]


def test_an_applications_own_alarm_is_left_alone() -> None:
    import signal

    previous = signal.signal(signal.SIGALRM, lambda *_: None)
    try:
        with time_limit(5) as timer:
            assert not timer.armed
    finally:
        signal.signal(signal.SIGALRM, previous)


# --- names that lie -------------------------------------------------------------------------------


def test_a_pdf_named_txt_is_read_as_pdf_with_a_warning(tmp_path: Path) -> None:
    renamed = tmp_path / "report.txt"
    renamed.write_bytes((SAMPLES / "seed.pdf").read_bytes())
    document = extractor.parse(renamed)
    assert document.source.format == "pdf"
    assert len(document.tables[0].rows) == 11
    (warning,) = [w for w in document.warnings if w.code == "name_mismatch"]
    assert ".txt" in warning.message and "PDF" in warning.message


def test_a_docx_named_doc_is_read_as_docx(tmp_path: Path) -> None:
    renamed = tmp_path / "report.doc"
    renamed.write_bytes((SAMPLES / "seed.docx").read_bytes())
    document = extractor.parse(renamed)
    assert document.source.format == "docx"
    assert [w.code for w in document.warnings] == ["name_mismatch"]
    assert ".doc" in document.warnings[0].message and ".docx" in document.warnings[0].message


def test_no_mismatch_warning_without_a_known_extension(tmp_path: Path) -> None:
    data = (SAMPLES / "seed.docx").read_bytes()
    assert not extractor.parse(data).warnings
    odd = tmp_path / "report.attachment"
    odd.write_bytes(data)
    assert not extractor.parse(odd).warnings
    upper = tmp_path / "REPORT.DOCX"
    upper.write_bytes(data)
    assert not extractor.parse(upper).warnings


# --- encrypted PDFs ------------------------------------------------------------------------------


def test_pdf_with_a_user_password_is_encrypted() -> None:
    error = fails_with("encrypted", HOSTILE / "encrypted_user_password.pdf")
    assert "password" in error.message


def test_pdf_with_only_an_owner_password_is_read() -> None:
    # Printing and copying restricted by an owner password; the user password is empty, which
    # pdfminer tries by default.
    document = extractor.parse(HOSTILE / "encrypted_owner_only.pdf")
    rows = document.tables[0].rows
    assert [row.cells["task"] for row in rows] == ["新建5G基站100个", "完成投资5亿元"]
