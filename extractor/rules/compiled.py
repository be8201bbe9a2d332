"""Rule tables kept between runs: compiled patterns and the parsed rule files, cached on disk.

The ``regex`` module parses and optimises a pattern in Python: for our few hundred rule patterns
that is most of a cold start (about 0.3 s, against 6 ms to load them). A compiled pattern pickles
as its compiled code, so a process loads the patterns an earlier one compiled. The parsed and
validated rule files (TOML) are kept beside them.

The cache is never required: a missing, unreadable, stale or damaged file is ignored and the rules
are compiled as without it; a folder that cannot be written is left alone. The file's name holds a
hash of every rule file's bytes, the versions of ``regex``, Python and this format, so an edited
rule file or an upgraded ``regex`` starts a new cache; within a file an entry is keyed by the
pattern's own text and flags, so a pattern is never served for another. Loading accepts nothing
but compiled patterns and plain data (a restricted unpickler): a file planted in the folder cannot
run code.

``EXTRACTOR_CACHE_DIR`` chooses the folder; set to an empty string, no cache is read or written.
By default: ``$XDG_CACHE_HOME/extractor`` (``~/.cache/extractor``; ``%LOCALAPPDATA%`` on Windows).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import io
import os
import pickle
import sys
import threading
from pathlib import Path
from typing import Any, ClassVar, overload

import regex

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SCHEMA = Path(__file__).resolve().parent / "schema.py"  # the file models: cached files were validated by them
SPANS = Path(__file__).resolve().parent / "spans.py"  # reads the required characters kept in the cache
CACHE_ENV = "EXTRACTOR_CACHE_DIR"
FORMAT = 1
# A cache that grew past this many patterns (rule edits during development) starts afresh.
MAX_PATTERNS = 5000
KEPT_CACHES = 4  # caches of different rule files kept in the folder (the newest, this one included)

_lock = threading.RLock()  # re-entered: loading the cache computes its key under the lock


class _State:
    patterns: ClassVar[dict[tuple[str, int], regex.Pattern[str]] | None] = None
    data: ClassVar[dict[str, Any]] = {}
    dirty: ClassVar[bool] = False
    registered: ClassVar[bool] = False
    snapshot: ClassVar[tuple[str, dict[str, bytes]] | None] = None


def cache_folder() -> Path | None:
    """Where the cache lives, or None when it is switched off (``EXTRACTOR_CACHE_DIR=""``)."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or (os.environ.get("LOCALAPPDATA") if os.name == "nt" else None)
    return Path(base or Path.home() / ".cache") / "extractor"


def _prefix() -> str:
    return f"rules-v{FORMAT}-py{sys.version_info[0]}{sys.version_info[1]}-regex{regex.__version__}-"


def _snapshot() -> tuple[str, dict[str, bytes]]:
    """The rule files' bytes as this process reads them, once, and the hash of them and of the
    models that validate them. The rules are parsed from these bytes (``rule_file_bytes``) and the
    cache is saved under this hash: a file edited while a process runs can never pair one version's
    parsed rules with another version's key."""
    if _State.snapshot is None:
        with _lock:
            if _State.snapshot is None:
                digest = hashlib.blake2b(digest_size=12)
                files: dict[str, bytes] = {}
                for path in [*sorted(DATA_DIR.glob("*.toml")), SCHEMA, SPANS]:
                    content = path.read_bytes()
                    digest.update(path.name.encode())
                    digest.update(content)
                    if path.suffix == ".toml":
                        files[path.stem] = content
                _State.snapshot = (digest.hexdigest(), files)
    return _State.snapshot


def cache_key() -> str:
    """A hash of every rule file's name and bytes, and of the models that validate them: an edited
    file or model starts a new cache."""
    return _snapshot()[0]


def rule_file_bytes(name: str) -> bytes:
    """The bytes of ``extractor/data/<name>.toml`` this process hashed into its cache key."""
    files = _snapshot()[1]
    if name not in files:
        raise FileNotFoundError(DATA_DIR / f"{name}.toml")
    return files[name]


def cache_file() -> Path | None:
    folder = cache_folder()
    return folder / f"{_prefix()}{cache_key()}.pickle" if folder is not None else None


class _RuleUnpickler(pickle.Unpickler):
    """Plain data, and compiled patterns (the one callable a pickled pattern names)."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not a rule cache: it names {module}.{name}")


def _read(path: Path) -> tuple[dict[tuple[str, int], regex.Pattern[str]], dict[str, Any]]:
    try:
        content = _RuleUnpickler(io.BytesIO(path.read_bytes())).load()
        patterns, data = content["patterns"], content["data"]
        if not isinstance(patterns, dict) or not isinstance(data, dict):
            raise TypeError("not a rule cache")
        if not all(isinstance(p, regex.Pattern) for p in patterns.values()):
            raise TypeError("not a rule cache")
        return patterns, data
    except Exception:  # missing, unreadable, damaged, from another build: compile as without a cache
        return {}, {}


def _loaded() -> dict[tuple[str, int], regex.Pattern[str]]:
    if _State.patterns is None:
        with _lock:
            if _State.patterns is None:
                path = cache_file()
                patterns, data = _read(path) if path is not None else ({}, {})
                _State.data = data
                _State.patterns = patterns
    return _State.patterns


def _changed() -> None:
    _State.dirty = True
    if not _State.registered:
        _State.registered = True
        atexit.register(save)


@overload
def compile_rule(pattern: str, flags: int = 0) -> regex.Pattern[str]: ...


@overload
def compile_rule(pattern: bytes, flags: int = 0) -> regex.Pattern[bytes]: ...


def compile_rule(pattern: Any, flags: int = 0) -> Any:
    """``regex.compile(pattern, flags)``, served from the cache when an earlier run compiled it."""
    patterns = _loaded()
    flags = int(flags)  # regex.I | regex.S is a RegexFlag, which the cache's unpickler refuses: the key holds an int
    key = (pattern, flags)
    found = patterns.get(key)
    if found is None:
        found = regex.compile(pattern, flags)
        with _lock:
            patterns[key] = found
            _changed()
    return found


REQUIRED_KEY = "(required characters)"  # the data entry of required_chars, beside the rule files


def required_chars_of(pattern: regex.Pattern[str]) -> tuple[frozenset[str], ...]:
    """:func:`~extractor.rules.spans.required_chars` of a compiled pattern, kept in the cache with
    the patterns (reading a pattern's syntax costs about a millisecond a rule at start-up)."""
    _loaded()
    key = (pattern.pattern, pattern.flags)
    known = _State.data.get(REQUIRED_KEY)
    if not isinstance(known, dict):
        known = _State.data[REQUIRED_KEY] = {}
    found = known.get(key)
    if not (isinstance(found, tuple) and all(isinstance(s, frozenset) for s in found)):
        from extractor.rules.spans import required_chars

        found = required_chars(pattern.pattern, pattern.flags)
        with _lock:
            known[key] = found
            _changed()
    return found


_HOLDS: dict[regex.Pattern[str], Any] = {}


def may_hold(pattern: regex.Pattern[str], text: str) -> bool:
    """False when ``text`` lacks a character every match of ``pattern`` consumes (``required_chars_of``):
    the pattern then finds nothing in it, nor in any part of it (exact). True says nothing."""
    test = _HOLDS.get(pattern)
    if test is None:
        from extractor.rules.spans import Holds

        test = _HOLDS[pattern] = Holds(required_chars_of(pattern))
    return test(text)  # type: ignore[no-any-return]


STANDARD_KEY = "(standard patterns)"  # the code of patterns compiled by the standard re, beside the rules


def compile_standard(pattern: str) -> Any:
    """``re.compile(pattern)`` (the standard library's engine, no groups), served from the code an
    earlier run kept in the cache. The standard ``re`` parses and encodes a pattern in Python: a
    class of CJK characters (what ``spans.Holds`` and ``CharGate`` search) costs about 0.3 ms, a
    map of the whole Basic Multilingual Plane built bit by bit, some 14 ms of a text's start-up for
    the classes the rules ask for; ``_sre`` builds the same pattern from its kept code in
    microseconds. A pattern is kept only when the one built from its code equals (flags, code and
    text, as ``re`` compares patterns) the one ``re.compile`` makes, with the exact Python version;
    anything doubtful is compiled by ``re`` as without a cache."""
    import re

    _loaded()
    known = _State.data.get(STANDARD_KEY)
    if not isinstance(known, dict):
        known = _State.data[STANDARD_KEY] = {}
    entry = known.get(pattern)
    # _sre trusts the code it is given (a damaged int can crash the process): an entry is used only
    # when its digest, written with it, still matches the pattern, flags and code.
    if type(entry) is tuple and len(entry) == 4 and entry[0] == sys.version and entry[3] == _code_digest(*entry[:3]):
        with contextlib.suppress(Exception):
            return _from_code(pattern, entry[1], entry[2])
    compiled = re.compile(pattern)
    kept = _standard_code(pattern) if cache_folder() is not None else None  # no cache: nothing to keep
    if kept is not None:
        with contextlib.suppress(Exception):
            if _from_code(pattern, *kept) == compiled:
                with _lock:
                    known[pattern] = (sys.version, *kept, _code_digest(sys.version, *kept))
                    _changed()
    return compiled


def _code_digest(version: str, flags: int, code: list[int]) -> str:
    """A digest of a kept pattern's code: a damaged or altered entry no longer matches it."""
    import hashlib
    from array import array

    digest = hashlib.blake2b(f"{version}\0{flags}\0".encode(), digest_size=16)
    digest.update(array("q", code).tobytes())
    return digest.hexdigest()


def _standard_code(pattern: str) -> tuple[int, list[int]] | None:
    """(flags, code) of ``pattern`` as ``re._compiler.compile`` makes them, None for a pattern with groups."""
    try:
        from re import _compiler, _parser

        parsed = _parser.parse(pattern, 0)
        if parsed.state.groups != 1 or parsed.state.groupdict:
            return None
        return int(parsed.state.flags), [int(op) for op in _compiler._code(parsed, 0)]
    except Exception:  # another Python's internals: no cached code
        return None


def _from_code(pattern: str, flags: int, code: list[int]) -> Any:
    import _sre

    if type(flags) is not int or type(code) is not list or not all(type(op) is int for op in code):
        raise TypeError("not a pattern's code")
    return _sre.compile(pattern, flags, code, 0, {}, (None,))


FIRST_KEY = "(first characters)"  # the data entry of first_chars, beside the required characters
_GLOBAL_FLAGS = r"\(\?[a-zA-Z]+\)"  # an inline flag for the whole pattern: left alone (compiled on a miss only)


def scanning(pattern: regex.Pattern[str]) -> regex.Pattern[str]:
    """``pattern`` with a lookahead of the characters its matches start with in front
    (:func:`~extractor.rules.spans.first_chars`): the same matches, found without trying every
    position of a text; the pattern itself when they are not known. The characters are kept in
    the cache as the required characters are."""
    _loaded()
    key = (pattern.pattern, pattern.flags)
    known = _State.data.get(FIRST_KEY)
    if not isinstance(known, dict):
        known = _State.data[FIRST_KEY] = {}
    if key in known and (known[key] is None or isinstance(known[key], str)):
        first = known[key]
    else:
        from extractor.rules.spans import first_chars

        first = (
            None if compile_rule(_GLOBAL_FLAGS).match(pattern.pattern) else first_chars(pattern.pattern, pattern.flags)
        )
        with _lock:
            known[key] = first
            _changed()
    return pattern if first is None else compile_rule(f"(?={first})(?:{pattern.pattern})", pattern.flags)


REACH_KEY = "(reach lookaheads)"  # the data entry of reach_lookahead, beside the first characters


def reaching(pattern: regex.Pattern[str]) -> regex.Pattern[str]:
    """``pattern`` behind a lookahead that a character of its rarest required set is reachable from
    where a match would start (:func:`~extractor.rules.spans.reach_lookahead`): the same matches,
    with the attempts that could never reach that character ruled out before the engine backtracks
    through them; the pattern itself when no such bound is known. The lookahead is kept in the
    cache as the first characters are (the cache's name holds a hash of spans.py, which derives it)."""
    _loaded()
    key = (pattern.pattern, pattern.flags)
    known = _State.data.get(REACH_KEY)
    if not isinstance(known, dict):
        known = _State.data[REACH_KEY] = {}
    if key in known and (known[key] is None or isinstance(known[key], str)):
        look = known[key]
    else:
        from extractor.rules.spans import reach_lookahead

        look = (
            None
            if compile_rule(_GLOBAL_FLAGS).match(pattern.pattern)
            else reach_lookahead(pattern.pattern, pattern.flags)
        )
        with _lock:
            known[key] = look
            _changed()
    return pattern if look is None else compile_rule(f"{look}(?:{pattern.pattern})", pattern.flags)


def cached_data(name: str) -> Any | None:
    """The parsed, validated contents of rule file ``name`` as an earlier run kept them, or None."""
    _loaded()
    return _State.data.get(name)


def keep_data(name: str, content: Any) -> None:
    """Keep the parsed, validated contents of rule file ``name`` for later runs."""
    _loaded()
    with _lock:
        _State.data[name] = content
        _changed()


def save() -> None:
    """Write what this process compiled (atomically; quietly nothing when the folder is not writable)."""
    if not _State.dirty or _State.patterns is None:
        return
    path = cache_file()
    if path is None:
        return
    with _lock:
        patterns = dict(_State.patterns) if len(_State.patterns) <= MAX_PATTERNS else {}
        content = {"patterns": patterns, "data": dict(_State.data)}
        _State.dirty = False
    import tempfile  # only a process that compiled something new writes the cache

    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".rules-", suffix=".tmp", delete=False) as handle:
            temporary = Path(handle.name)
            pickle.dump(content, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        _forget_old_caches(path)
    except Exception:  # unwritable, full, removed meanwhile: the cache is never required
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)


def _forget_old_caches(kept: Path) -> None:
    """Remove the caches of rule files since edited, all but the newest few: two installed versions
    (a checkout and a worktree, two virtualenvs) that share the folder each keep theirs, instead of
    each deleting the other's and compiling every rule again on every run."""
    others = []
    for path in kept.parent.glob(f"{_prefix()}*.pickle"):
        if path != kept:
            with contextlib.suppress(OSError):
                others.append((path.stat().st_mtime, path))
    for _, stale in sorted(others, reverse=True)[KEPT_CACHES - 1 :]:
        stale.unlink(missing_ok=True)


def reset() -> None:
    """Forget what was loaded (tests: read the cache file again)."""
    with _lock:
        _State.patterns = None
        _State.data = {}
        _State.dirty = False
        _State.snapshot = None
