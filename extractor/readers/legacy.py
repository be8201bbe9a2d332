"""Legacy binary Office files: Word 97-2003 (.doc, Kingsoft .wps) and Excel 97-2003 (.xls, Kingsoft .et).

They are converted to .docx/.xlsx by LibreOffice (``soffice --headless --convert-to``) and read by
the OOXML readers, so the table stage sees the same blocks whatever the format. Writing a
reader for the binary formats would mean reimplementing the piece tables and BIFF records
LibreOffice already parses well.

How soffice behaves (LibreOffice 7.4, measured): it exits 0 whether or not it converted, writes
``convert A -> B`` to stdout and ``Error: …`` to stderr, and a file it cannot load is either
skipped ("source file could not be loaded") or, when it detects the type itself, imported as
*plain text* — garbage becomes a text document. So the import filter is named (``--infilter``)
and success is judged by the output file alone. A second soffice started with the profile of a
running one hands it the job and exits, hence a private profile per conversion (a fresh one costs
~0.15 s more than a reused one). A conversion takes ~0.9 s warm, 1.3-2.3 s with cold disk caches.

Network: a document can link images by URL (``INCLUDEPICTURE "http://…"``) and LibreOffice fetches
them while loading (observed: OPTIONS, HEAD and GET). The child therefore runs in an empty network
namespace where Linux allows one (``unshare --net``); everywhere, its profile and environment
point every proxy at a dead local port so a fetch fails without leaving the machine.
"""

from __future__ import annotations

import functools
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import ConversionError, ExtractorError
from extractor.limits import lift_memory_ceiling
from extractor.readers.raw import RawDocument, RawTable, RawWarning

# Seconds one conversion may take (a cold start is ~2 s; a workbook of 100,000 rows, tens of seconds).
SOFFICE_TIMEOUT = 60.0
TIMEOUT_ENV = "EXTRACTOR_SOFFICE_TIMEOUT"
SOFFICE_ENV = "EXTRACTOR_SOFFICE"  # path (or command name) of soffice, when not on PATH
# Installs that do not put soffice on PATH (distribution packages always do). Globs: the
# upstream Linux packages install /opt/libreoffice7.4/… with only "libreoffice7.4" on PATH.
_KNOWN_LOCATIONS = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "/opt/libreoffice*/program/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
# The discard port: nothing listens there, so a proxied request fails at once, locally.
_DEAD_PROXY = ("127.0.0.1", 9)


@dataclass(frozen=True, slots=True)
class _Kind:
    format: str  # the RawDocument format reported
    label: str  # for messages
    component: str  # the LibreOffice application that imports it
    library: str  # that application's shared library, as named in LibreOffice's program folder
    target: str  # OOXML extension
    export_filter: str
    # Import filters tried in order. Word's reader checks the file's version against the filter
    # (97+ vs 6.0/95), so a Word 95 file needs the second. Calc's reader finds the BIFF version
    # in the file itself, so one filter covers Excel 5/95/97-2003.
    import_filters: tuple[str, ...]


DOC = _Kind(
    "doc",
    "legacy Word document (.doc/.wps)",
    "Writer",
    "swlo",
    "docx",
    "MS Word 2007 XML",
    ("MS Word 97", "MS WinWord 6.0"),
)
XLS = _Kind(
    "xls", "legacy Excel workbook (.xls/.et)", "Calc", "sclo", "xlsx", "Calc MS Excel 2007 XML", ("MS Excel 97",)
)


def read_doc(data: bytes) -> RawDocument:
    from extractor.readers.docx import read_docx

    return _read_converted(data, DOC, read_docx)


def read_xls(data: bytes) -> RawDocument:
    from extractor.readers.xlsx import read_xlsx  # imported here: openpyxl loads only for workbooks

    return _read_converted(data, XLS, read_xlsx)


def _read_converted(data: bytes, kind: _Kind, reader: Callable[[bytes], RawDocument]) -> RawDocument:
    converted = convert(data, kind)
    try:
        raw = reader(converted)
    except ExtractorError as exc:  # LibreOffice's output, not the user's file, is what failed to open
        raise ConversionError(f"LibreOffice's .{kind.target} of this file cannot be read: {exc.message}") from exc
    raw.format = kind.format
    raw.warnings.insert(
        0, RawWarning("converted", f"{kind.label} converted to .{kind.target} by LibreOffice before reading")
    )
    if not any(isinstance(block, RawTable) and block.rows for block in raw.blocks):
        # Not fatal: the table may have been laid out with tabs or text boxes, which the text
        # fallback of the table stage can still read.
        raw.warnings.append(
            RawWarning(
                "table_lost_in_conversion",
                f"LibreOffice's .{kind.target} has no table: the {kind.label} has none, or it was lost in conversion",
            )
        )
    return raw


def convert(data: bytes, kind: _Kind) -> bytes:
    """The file converted to ``kind.target`` by LibreOffice; ConversionError when that cannot be done."""
    soffice = find_soffice()
    if soffice is None:
        raise ConversionError(
            f"{kind.label}: install LibreOffice or convert it to .{kind.target} first "
            f"(soffice --headless --convert-to {kind.target} FILE)"
        )
    timeout = soffice_timeout()
    # ignore_cleanup_errors: a killed soffice.bin may still hold files open for a moment (Windows).
    with tempfile.TemporaryDirectory(prefix="extractor-soffice-", ignore_cleanup_errors=True) as tmp_name:
        tmp = Path(tmp_name)
        # A fixed ASCII name: soffice names its output after the input, and the filter is forced anyway.
        source = tmp / f"source.{kind.format}"
        source.write_bytes(data)
        profile = tmp / "profile"
        _write_profile(profile)
        outdir = tmp / "out"
        output = outdir / f"source.{kind.target}"
        errors: list[str] = []
        for import_filter in kind.import_filters:
            command = [
                *_network_jail(),
                soffice,
                "--headless",
                "--norestore",
                "--nologo",
                "--nolockcheck",
                f"-env:UserInstallation={profile.as_uri()}",
                f"--infilter={import_filter}",
                "--convert-to",
                f"{kind.target}:{kind.export_filter}",
                "--outdir",
                str(outdir),
                str(source),
            ]
            log = _run(command, timeout, tmp / "soffice.log", kind)
            if output.is_file() and output.stat().st_size:
                return output.read_bytes()
            errors.append(log)
    cause = next((line for log in reversed(errors) for line in log.splitlines() if line.startswith("Error")), "")
    if "could not be loaded" in cause and _lacks_component(soffice, kind):
        # Distributions package Writer and Calc apart; without Calc an .xls fails exactly as a damaged file does.
        raise ConversionError(
            f"{kind.label}: LibreOffice is installed without {kind.component}; install it "
            f"(Debian/Ubuntu: apt-get install libreoffice-{kind.component.lower()}-nogui)"
        )
    if "could not be loaded" in cause:
        raise ConversionError(
            f"LibreOffice could not open it as a {kind.label}; the file is damaged, password-protected "
            "or not what it claims to be"
        )
    raise ConversionError(f"LibreOffice did not convert the {kind.label} ({cause or 'no output, no error message'})")


def find_soffice() -> str | None:
    """$EXTRACTOR_SOFFICE, else soffice or libreoffice on PATH, else a usual install location."""
    configured = os.environ.get(SOFFICE_ENV)
    if configured:
        found = shutil.which(configured)
        if found is None:
            raise ConversionError(f"{SOFFICE_ENV}={configured!r} is not an executable file")
        return found
    for name in ("soffice", "libreoffice"):
        if found := shutil.which(name):
            return found
    installed = (path for pattern in _KNOWN_LOCATIONS for path in sorted(glob.glob(pattern), reverse=True))
    return next((path for path in installed if os.access(path, os.X_OK)), None)


def _lacks_component(soffice: str, kind: _Kind) -> bool:
    """True when soffice's program folder is LibreOffice's and holds no library for ``kind``'s application."""
    program = Path(os.path.realpath(soffice)).parent
    if not any((program / name).is_file() for name in ("fundamentalrc", "fundamental.ini")):
        return False  # a wrapper or an app bundle: cannot tell, so do not claim anything
    names = (f"lib{kind.library}.so", f"lib{kind.library}.dylib", f"{kind.library}.dll")
    return not any((program / name).is_file() for name in names)


def soffice_timeout() -> float:
    """Read at each call, so a long-running service can change it without a restart."""
    configured = os.environ.get(TIMEOUT_ENV)
    if not configured:
        return SOFFICE_TIMEOUT
    try:
        seconds = float(configured)
    except ValueError:
        seconds = 0.0
    if not seconds > 0:  # also rejects NaN
        raise ConversionError(f"{TIMEOUT_ENV} must be a number of seconds above 0, not {configured!r}")
    return seconds


def _run(command: list[str], timeout: float, log_path: Path, kind: _Kind) -> str:
    """Run soffice with stdin closed and output to a file; kill its whole process group on timeout."""
    env = {**os.environ, **_proxy_env()}
    with log_path.open("w+b") as log:
        try:
            # A new session: soffice is a shell script that starts oosplash, which starts soffice.bin;
            # killing only the first would leave the others running.
            # LibreOffice reserves far more address space than it uses: it is not held to the
            # parsing process's --max-memory ceiling (it has its own timeout).
            child = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                env=env,
                start_new_session=True,
                preexec_fn=lift_memory_ceiling,
            )
        except OSError as exc:
            raise ConversionError(f"cannot run LibreOffice ({command[0]}): {exc.strerror or exc}") from exc
        try:
            child.wait(timeout)
        except subprocess.TimeoutExpired:
            _kill_group(child)
            raise ConversionError(
                f"LibreOffice did not convert the {kind.label} within {timeout:g} s (set {TIMEOUT_ENV} to allow longer)"
            ) from None
        except BaseException:  # KeyboardInterrupt: leave no LibreOffice behind
            _kill_group(child)
            raise
        log.seek(0)
        return log.read().decode("utf-8", "replace")


def _kill_group(child: subprocess.Popen[bytes]) -> None:
    try:
        if hasattr(os, "killpg"):
            os.killpg(child.pid, signal.SIGKILL)
        else:
            child.kill()
    except ProcessLookupError:
        pass
    child.wait()


def _network_jail() -> tuple[str, ...]:
    """A command prefix that runs the child in an empty network namespace, or () where Linux forbids it."""
    if sys.platform != "linux" or (unshare := shutil.which("unshare")) is None:
        return ()
    return _probe_jail(unshare, os.geteuid() == 0)


@functools.cache
def _probe_jail(unshare: str, root: bool) -> tuple[str, ...]:
    # Root may create a network namespace directly; others need a user namespace around it.
    # Containers often forbid both (seccomp), hence a probe rather than an assumption.
    prefix = (unshare, "--net") if root else (unshare, "--user", "--map-root-user", "--net")
    try:
        probe = subprocess.run(
            [*prefix, sys.executable, "-c", ""], stdin=subprocess.DEVNULL, capture_output=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    return prefix if probe.returncode == 0 else ()


def _proxy_env() -> dict[str, str]:
    proxy = f"http://{_DEAD_PROXY[0]}:{_DEAD_PROXY[1]}"
    env = {name: proxy for name in ("http_proxy", "https_proxy", "ftp_proxy", "all_proxy")}
    env |= {name.upper(): value for name, value in env.items()}
    return env | {"no_proxy": "", "NO_PROXY": ""}


def _write_profile(profile: Path) -> None:
    """Settings LibreOffice reads from a new profile: every proxy dead, macros off."""
    host, port = _DEAD_PROXY
    settings = [
        ("org.openoffice.Inet/Settings", "ooInetProxyType", "int", "2"),  # 2: manual proxies, below
        ("org.openoffice.Inet/Settings", "ooInetNoProxy", "string", ""),
        *(
            ("org.openoffice.Inet/Settings", f"ooInet{scheme}Proxy{field}", kind, value)
            for scheme in ("HTTP", "HTTPS", "FTP")
            for field, kind, value in (("Name", "string", host), ("Port", "int", str(port)))
        ),
        ("org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "int", "3"),
        ("org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "boolean", "true"),
    ]
    items = "\n".join(
        f'<item oor:path="/{path}"><prop oor:name="{name}" oor:op="fuse" oor:type="xs:{kind}">'
        f"<value>{value}</value></prop></item>"
        for path, name, kind, value in settings
    )
    user = profile / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{items}\n</oor:items>\n",
        encoding="utf-8",
    )
