"""The standard re patterns of the character gates (spans.Holds, CharGate) are built from code kept
in the rule cache (compiled.compile_standard): the same pattern re.compile makes, and anything
doubtful in the cache is compiled again."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from extractor.rules import compiled
from extractor.rules.spans import CharGate, Holds

CLASSES = ["[不超突约近逾未至最]", "[一二两三四五六七八九十百千万亿]", "[%％‰]", r"[\-−负\d]", "[a-z]", "[元]"]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(compiled.CACHE_ENV, str(tmp_path))
    compiled.reset()
    yield tmp_path
    compiled.reset()


@pytest.mark.parametrize("source", CLASSES)
def test_a_served_pattern_is_the_one_re_compiles(cache_dir: Path, source: str) -> None:
    first = compiled.compile_standard(source)
    assert first == re.compile(source)
    compiled.save()
    compiled.reset()
    served = compiled.compile_standard(source)
    assert not compiled._State.dirty  # served from the file: nothing new to write
    assert served == re.compile(source)  # flags, code and text
    for text in ("投资43亿元，增长5%", "近三成", "abc", "", "负2.1‰"):
        assert served.findall(text) == re.findall(source, text)


def test_a_pattern_with_groups_is_compiled_by_re_and_not_kept(cache_dir: Path) -> None:
    assert compiled.compile_standard("(a)b") == re.compile("(a)b")
    assert "(a)b" not in compiled._State.data.get(compiled.STANDARD_KEY, {})


@pytest.mark.parametrize(
    "entry",
    [
        ("another python", 32, [1, 2, 3]),
        (sys.version, 32, [1, 2, 3]),  # code _sre refuses
        (sys.version, "32", []),
        (sys.version, 32, "code"),
        "not a tuple",
    ],
)
def test_a_damaged_entry_is_compiled_again(cache_dir: Path, entry: object) -> None:
    source = "[不超突约近]"
    compiled._loaded()
    compiled._State.data[compiled.STANDARD_KEY] = {source: entry}
    found = compiled.compile_standard(source)
    assert found == re.compile(source)
    assert found.search("约3亿元") is not None and found.search("3亿元") is None
    kept = compiled._State.data[compiled.STANDARD_KEY][source]
    assert kept[0] == sys.version  # the damaged entry was replaced by a good one


def test_the_gates_answer_as_before_from_a_warm_cache(cache_dir: Path) -> None:
    required = (frozenset("不超突约"), frozenset("元"), frozenset("亿万"))
    cold = Holds(required), CharGate([required])
    compiled.save()
    compiled.reset()
    warm = Holds(required), CharGate([required])
    assert not compiled._State.dirty
    for text in ("约3亿元", "超过5万", "元", "突破一亿元大关", "nothing"):
        assert warm[0](text) == cold[0](text)
        assert warm[1].present(text) == cold[1].present(text)
    assert warm[0]("约3亿元") and not warm[0]("3亿元")
    assert warm[1].present("约3亿元") == frozenset("约亿元")


def test_no_code_is_read_when_the_cache_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(compiled.CACHE_ENV, "")
    compiled.reset()
    try:
        assert compiled.compile_standard("[约近]") == re.compile("[约近]")
        assert not compiled._State.data.get(compiled.STANDARD_KEY)
    finally:
        compiled.reset()


def test_a_pattern_compiled_with_flag_objects_is_kept_and_served(cache_dir: Path) -> None:
    import regex

    # sniff.py's HTML tests: a bytes pattern, flags given as regex.I | regex.S (a RegexFlag, not an int)
    first = compiled.compile_rule(rb"<table\b[^>]*>.*?<t[dh]\b", regex.I | regex.S)
    compiled.save()
    compiled.reset()
    served = compiled.compile_rule(rb"<table\b[^>]*>.*?<t[dh]\b", regex.I | regex.S)
    assert compiled._State.patterns  # the file was read: its keys hold ints, which the unpickler takes
    assert not compiled._State.dirty and served is not first
    assert served.search(b"<TABLE border=1>\n<TR><TD>1") is not None and served.search(b"<p>") is None


def test_a_kept_code_whose_digest_no_longer_matches_is_compiled_again(cache_dir: Path) -> None:
    # _sre trusts the code it is given (review29: one damaged int crashed the process): the entry
    # carries a digest of its code, and a damaged code is never handed to _sre.
    source = "[" + "".join(chr(c) for c in range(0x4E00, 0x4E00 + 300, 7)) + "]"
    compiled.compile_standard(source)
    known = compiled._State.data[compiled.STANDARD_KEY]
    version, flags, code, digest = known[source]
    assert digest == compiled._code_digest(version, flags, code)
    damaged = list(code)
    damaged[len(damaged) // 2] = 1
    known[source] = (version, flags, damaged, digest)
    assert compiled.compile_standard(source) == re.compile(source)
    assert known[source][2] == code  # kept again, whole
