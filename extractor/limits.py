"""Limits on what one input may cost: size, ZIP package contents, PDF pages and streams, time, memory.

Every limit has a default that a real attachment is far from, and a caller can raise (or lower)
it: ``extractor.parse(path, limits=Limits(max_pdf_pages=10_000))`` or the CLI's options. A limit
set to ``None`` (or 0 on the command line) is off. Hitting one raises
:class:`~extractor.errors.TooLargeError` (``too_large``) or
:class:`~extractor.errors.ParseTimeoutError` (``timeout``).

The time limit in-process is a POSIX interval timer (``SIGALRM``) on the main thread of a process
whose ``SIGALRM`` is otherwise unused, and a watchdog thread anywhere else (another thread, Windows,
an application that has its own alarm); see :func:`time_limit`. The exception is raised between
Python bytecodes: a single long call into C code delays it until the call returns.
``extractor.parse_many(jobs=N)`` and the CLI with ``--jobs N`` (N > 1) also kill a worker process
that overruns the limit by a grace period.

Memory: the library bounds what each decoder may allocate (``max_stream_bytes``, spans clamped to
the grid, lines of text), and the CLI adds a ceiling on the parsing process (:func:`memory_ceiling`,
``--max-memory``) so that whatever is missed fails its file as ``too_large``.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import signal
import struct
import threading
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from extractor.errors import CorruptFileError, ParseTimeoutError, TooLargeError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_bytes: int | None = 200 * MB
    """Size of the input file."""
    max_zip_members: int | None = 10_000
    """Entries in a .docx/.xlsx package (a real one has tens; a workbook with many sheets hundreds)."""
    max_zip_bytes: int | None = 500 * MB
    """Total uncompressed size of a .docx/.xlsx package, as its central directory declares it."""
    max_zip_ratio: float | None = 200.0
    """Uncompressed/compressed size of one package member; checked for members over 10 MB uncompressed."""
    max_pdf_pages: int | None = 2_000
    """Pages of a PDF, counted before any page is read."""
    max_stream_bytes: int | None = 128 * MB
    """Decoded size of one PDF stream (a page's content, a font's map): a real one is a few MB."""
    seconds: float | None = 120.0
    """Time to parse one file (see the module docstring for where it applies)."""


DEFAULT_LIMITS = Limits()

# Text read by the layout stage (a .txt, or a document whose own structure holds no table): at
# about 70 µs a line, 200,000 lines is 15 s (a 1,100-row report is 5,500 lines); a longer line than
# this is no row of a table, and is kept whole as a warning instead of being read.
MAX_LAYOUT_LINES = 200_000
MAX_LINE_CHARS = 1_000_000

# Members smaller than this are not held to the ratio: small XML parts (a styles part, an empty
# sheet's repeated cells) compress very well, and their size is already bounded by max_zip_bytes.
RATIO_FLOOR = 10 * MB
# How much of each XML part's head is read to find a DTD (which OOXML forbids, ECMA-376 Part 2).
XML_HEAD = 64 * 1024


def check_size(size: int, limits: Limits) -> None:
    if limits.max_bytes and size > limits.max_bytes:
        raise TooLargeError(f"file is {_mb(size)}, over the {_mb(limits.max_bytes)} limit (raise it with --max-size)")


def open_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """Open a ZIP package that will not cost too much, checked before any member (or any XML) is read.

    The member count comes from the end-of-central-directory record, before ``zipfile`` builds an
    object per entry; then the declared uncompressed sizes. Python's ``zipfile`` (which python-docx
    and openpyxl use) never inflates a member past the size the central directory declares, so
    these bound the memory even when the local headers lie; a member that inflates to more fails its
    CRC check and is reported as corrupt. The DTD check (:func:`refuse_dtds`) comes after, once the
    package is known to be an Office document.
    """
    stream = io.BytesIO(data)
    try:
        end = zipfile._EndRecData(stream)  # type: ignore[attr-defined]  # stable since Python 2
    except (OSError, ValueError, EOFError, struct.error):
        end = None
    if end and limits.max_zip_members and end[zipfile._ECD_ENTRIES_TOTAL] > limits.max_zip_members:  # type: ignore[attr-defined]
        _too_many_members(end[zipfile._ECD_ENTRIES_TOTAL], limits)  # type: ignore[attr-defined]
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, ValueError, EOFError, OSError, struct.error, NotImplementedError, zlib.error) as exc:
        raise CorruptFileError(f"damaged ZIP package ({exc})") from exc
    check_zip(archive, limits)
    return archive


def check_zip(archive: zipfile.ZipFile, limits: Limits) -> None:
    members = archive.infolist()
    if limits.max_zip_members and len(members) > limits.max_zip_members:
        _too_many_members(len(members), limits)
    # A name twice (two word/document.xml): readers would disagree on which is the document.
    names: set[str] = set()
    for member in members:
        if member.filename in names:
            raise CorruptFileError(f"damaged ZIP package: it holds {member.filename} twice")
        names.add(member.filename)
    total = sum(m.file_size for m in members)
    if limits.max_zip_bytes and total > limits.max_zip_bytes:
        raise TooLargeError(
            f"ZIP package inflates to {_mb(total)}, over the {_mb(limits.max_zip_bytes)} limit "
            "(raise it with --max-zip-size)"
        )
    for member in members:
        if limits.max_zip_ratio and member.file_size > RATIO_FLOOR:
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > limits.max_zip_ratio:
                raise TooLargeError(
                    f"ZIP member {member.filename} inflates {ratio:.0f}-fold, over the {limits.max_zip_ratio:g} "
                    "limit (a zip bomb?; raise it with --max-zip-ratio)"
                )


def refuse_dtds(archive: zipfile.ZipFile) -> None:
    """Refuse an Office package whose XML parts declare a DTD (read at most 64 KB of each part's head)."""
    for member in archive.infolist():
        if member.filename.lower().endswith((".xml", ".rels")) and _declares_dtd(archive, member):
            raise CorruptFileError(f"XML part {member.filename} declares a DTD, which Office documents never do")


def _too_many_members(count: int, limits: Limits) -> None:
    raise TooLargeError(
        f"ZIP package has {count} members, over the {limits.max_zip_members} limit (raise it with --max-zip-members)"
    )


def _declares_dtd(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    try:
        with archive.open(member) as stream:
            head = stream.read(XML_HEAD)
    except (zipfile.BadZipFile, ValueError, EOFError, OSError, NotImplementedError, RuntimeError, zlib.error) as exc:
        raise CorruptFileError(f"damaged ZIP member {member.filename} ({exc})") from exc
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="replace").encode("utf-8")
    elif head[:4] in (b"<\0?\0", b"\0<\0?"):
        head = head.decode("utf-16-le" if head[0] == 0x3C else "utf-16-be", errors="replace").encode("utf-8")
    # "<!DOCTYPE" or "<!ENTITY" anywhere in the head: a DTD can only be in the prolog, and an
    # element's text cannot hold "<!" (CDATA aside, which Office does not write).
    lowered = head.lower()
    return b"<!doctype" in lowered or b"<!entity" in lowered


def check_pages(count: int, limits: Limits, *, counted_to_limit: bool = False) -> None:
    """Refuse a PDF over the page limit; ``counted_to_limit``: the count stopped one past it."""
    if limits.max_pdf_pages and count > limits.max_pdf_pages:
        pages = f"more than {limits.max_pdf_pages}" if counted_to_limit else str(count)
        raise TooLargeError(f"PDF has {pages} pages, over the {limits.max_pdf_pages} limit (raise it with --max-pages)")


@dataclass
class Timer:
    seconds: float | None
    armed: bool = False
    """The SIGALRM interval timer is armed (the main thread of a process whose alarm is free)."""
    watched: bool = False
    """A watchdog thread holds the limit instead (another thread, or an application's own alarm)."""
    expired: bool = False
    stop: Callable[[], None] = lambda: None
    """Stop the watchdog (idempotent): called on leaving the body, and again by a caller that caught
    :class:`TimeLimitExpired` outside it."""

    def error(self, path: str | None = None) -> ParseTimeoutError:
        return ParseTimeoutError(f"took longer than {self.seconds:g} s (raise the limit with --timeout)", path=path)


# After the first alarm, how often it repeats: a library that catches every Exception (pdfminer
# does, here and there) may swallow one, not all of them.
REPEAT = 0.25


@contextmanager
def time_limit(seconds: float | None) -> Iterator[Timer]:
    """Raise ParseTimeoutError in the body after ``seconds``; the Timer says how it is held, whether it expired.

    On the main thread, where ``signal.setitimer`` exists and neither a SIGALRM handler nor a
    real-time interval timer is already in place, a SIGALRM timer (we never take an application's
    alarm). Anywhere else (another thread: a web server's worker, a thread pool; an application
    with its own alarm) a watchdog thread raises the timeout in the parsing thread
    (``PyThreadState_SetAsyncExc``). Both interrupt Python code between bytecodes and wait for a
    long call into C code to return. Where neither can work (no CPython C API), a time limit
    cannot be kept and the parse is refused with a RuntimeError rather than run without one.
    A caller that sees another error while ``timer.expired`` should report the timeout: a reader may
    have turned it into a "corrupt file".
    """
    timer = Timer(seconds)
    if not seconds or seconds <= 0:
        yield timer
        return
    if not _can_alarm():
        with _watchdog(timer):
            yield timer
        return

    def expired(signum: int, frame: object) -> None:
        timer.expired = True
        raise timer.error()

    previous = signal.signal(signal.SIGALRM, expired)
    timer.armed = True
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT)
        yield timer
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _can_alarm() -> bool:
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    if signal.getsignal(signal.SIGALRM) not in (signal.SIG_DFL, None):
        return False
    return signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


class TimeLimitExpired(BaseException):
    """Raised in the parsing thread by the watchdog; a BaseException, so no reader's ``except
    Exception`` swallows it. :func:`time_limit` turns it into ParseTimeoutError in its body; the
    exception is asynchronous, so it may also land in the few bytecodes between the body's end and
    the watchdog's stop: a caller catches it around the ``with`` (``parse_bytes`` does), calls
    ``timer.stop()`` and reports the timeout."""


_Expired = TimeLimitExpired


def _raise_in_thread(thread_id: int, exception: type[BaseException] | None) -> None:
    """Schedule ``exception`` in the thread (None: cancel one not yet raised)."""
    import ctypes

    target = ctypes.py_object(exception) if exception is not None else ctypes.c_void_p(None)
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), target)


def _async_exceptions_available() -> bool:
    try:
        import ctypes
    except ImportError:
        return False
    return hasattr(getattr(ctypes, "pythonapi", None), "PyThreadState_SetAsyncExc")


class _Timekeeper:
    """One daemon thread per process that raises each registered thread's timeout when it is due.

    One long-lived thread rather than one per parse: the parsing thread never starts a thread (a
    timeout landing inside ``Thread.start`` could leave its locks half-held), and registering
    holds the same lock the keeper fires under, so nothing lands while the entry is made.
    """

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.condition = threading.Condition()
        self.entries: dict[int, list] = {}  # token → [deadline, thread id, timer, fired]
        self.tokens = 0
        threading.Thread(target=self._run, name="extractor-time-limit", daemon=True).start()

    def register(self, timer: Timer) -> int:
        with self.condition:
            self.tokens += 1
            deadline = time.monotonic() + (timer.seconds or 0.0)
            self.entries[self.tokens] = [deadline, threading.get_ident(), timer, False]
            self.condition.notify()
            return self.tokens

    def unregister(self, token: int) -> None:
        with self.condition:
            entry = self.entries.pop(token, None)
            if entry is not None and entry[3]:
                _raise_in_thread(entry[1], None)  # one scheduled but not yet raised: cancelled

    def _run(self) -> None:
        with self.condition:
            while True:
                now = time.monotonic()
                for entry in self.entries.values():
                    if entry[0] <= now:
                        entry[2].expired = entry[3] = True
                        _raise_in_thread(entry[1], _Expired)
                        entry[0] = now + REPEAT  # again, should a reader swallow this one
                soonest = min((entry[0] for entry in self.entries.values()), default=None)
                self.condition.wait(None if soonest is None else max(soonest - time.monotonic(), 0.0))


_KEEPER: _Timekeeper | None = None
_KEEPER_LOCK = threading.Lock()


def _timekeeper() -> _Timekeeper:
    global _KEEPER
    with _KEEPER_LOCK:
        if _KEEPER is None or _KEEPER.pid != os.getpid():  # a forked child has no keeper thread
            _KEEPER = _Timekeeper()
        return _KEEPER


def _forget_keeper_in_child() -> None:
    """A forked child inherits no threads, and maybe a lock held by one: it starts afresh."""
    global _KEEPER, _KEEPER_LOCK
    _KEEPER, _KEEPER_LOCK = None, threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_keeper_in_child)


@contextmanager
def _watchdog(timer: Timer) -> Iterator[None]:
    """Hold ``timer`` from the timekeeper thread, which raises the timeout in this thread when due."""
    if not _async_exceptions_available():
        raise RuntimeError(
            "no time limit can be kept here (no SIGALRM on this thread and no CPython C API): "
            "parse with Limits(seconds=None), or in worker processes (extractor.parse_many(jobs=2))"
        )
    keeper = _timekeeper()

    def stop_surely() -> None:
        while True:  # the exception may land while stopping: stop again
            try:
                keeper.unregister(token)
                return
            except _Expired:
                continue

    timer.watched = True
    timer.stop = stop_surely
    token = keeper.register(timer)
    try:
        yield
    except _Expired:
        raise timer.error() from None
    finally:
        stop_surely()


def out_of_memory(exc: BaseException) -> bool:
    """Whether ``exc`` is a MemoryError or was raised while handling one (a reader may wrap it)."""
    seen: set[int] = set()
    item: BaseException | None = exc
    while item is not None and id(item) not in seen:
        if isinstance(item, MemoryError):
            return True
        seen.add(id(item))
        item = item.__cause__ or item.__context__
    return False


def memory_error(path: str | None = None) -> TooLargeError:
    """The error for a file that ran out of memory: under the CLI's ``--max-memory`` ceiling, or the machine's."""
    return TooLargeError("needs more memory than allowed (raise the ceiling with --max-memory)", path=path)


# Headroom above what the process already holds when the ceiling is set: a process that has grown
# (an application, a test run) still gets this much to parse in, rather than failing every file.
MEMORY_HEADROOM = 256 * MB


@contextmanager
def memory_ceiling(limit: int | None) -> Iterator[None]:
    """Cap this process's address space (soft ``RLIMIT_AS``) in the body, then restore it.

    The ceiling is ``limit`` bytes, or the current address space plus ``MEMORY_HEADROOM`` when
    that is higher. An allocation past it raises MemoryError, which :func:`extractor.parse` reports
    as ``too_large``: the file fails, the process and the batch go on. Only the soft limit is
    lowered, so a child that needs more (LibreOffice) can lift it (:func:`lift_memory_ceiling`).
    No-op without ``resource`` (Windows); without ``/proc`` the ceiling is ``limit`` as given.
    """
    previous = _lower_address_space(limit)
    try:
        yield
    finally:
        if previous is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, previous)


def cap_memory(limit: int | None) -> None:
    """Set the ceiling for the rest of the process's life (a worker process that only parses)."""
    _lower_address_space(limit)


def _lower_address_space(limit: int | None) -> tuple[int, int] | None:
    """Lower the soft RLIMIT_AS to the ceiling for ``limit``; the previous (soft, hard), None if unchanged."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    if not limit:
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    ceiling = max(limit, _address_space() + MEMORY_HEADROOM)
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    if soft != resource.RLIM_INFINITY and soft <= ceiling:
        return None  # already as low: leave it
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    return soft, hard


def lift_memory_ceiling() -> None:
    """In a child process before exec (LibreOffice): the soft address-space limit back to the hard one."""
    try:
        import resource
    except ImportError:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def _address_space() -> int:
    """This process's virtual memory size in bytes (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _mb(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= MB else f"{size} bytes"


# The cyclic garbage collector runs every 700 new container objects and walks the young ones; a parse
# makes a few dozen records and matches per row, none in a cycle (a parse leaves nothing for gc.collect
# to free), so at the default threshold the collector cost about a fifth of the records stage. While a
# parse runs the threshold is raised (still collecting, a hundred times less often), then restored.
YOUNG_COLLECTION_THRESHOLD = 100_000


class _Collections:
    lock = threading.Lock()
    depth = 0  # parses running (threads): the first raises the threshold, the last restores it
    saved: tuple[int, ...] | None = None


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """The garbage collector's young threshold raised to YOUNG_COLLECTION_THRESHOLD for the block."""
    with _Collections.lock:
        if _Collections.depth == 0:
            _Collections.saved = gc.get_threshold()
            young, *older = _Collections.saved
            if 0 < young < YOUNG_COLLECTION_THRESHOLD:  # 0: collection switched off by the caller, left so
                gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, *older)
        _Collections.depth += 1
    try:
        yield
    finally:
        with _Collections.lock:
            _Collections.depth -= 1
            if _Collections.depth == 0 and _Collections.saved is not None:
                gc.set_threshold(*_Collections.saved)
                _Collections.saved = None
