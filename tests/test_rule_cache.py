"""The on-disk rule cache (extractor.rules.compiled): served patterns behave as compiled ones, and a
missing, damaged, planted or unwritable cache changes nothing but speed."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex

from extractor.rules import compiled

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(compiled.CACHE_ENV, str(tmp_path))
    compiled.reset()
    yield tmp_path
    compiled.reset()  # the rest of the session reads its own cache again


def test_a_compiled_pattern_is_written_and_served_from_the_file(cache_dir: Path) -> None:
    pattern = compiled.compile_rule(r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>亿元|万元)")
    compiled.save()
    (written,) = cache_dir.glob("rules-*.pickle")
    assert written.name.startswith(f"rules-v{compiled.FORMAT}-py{sys.version_info[0]}")
    compiled.reset()
    served = compiled.compile_rule(r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>亿元|万元)")
    assert served is not pattern  # loaded from the file, not this process's object
    assert not compiled._State.dirty  # nothing new to write
    for text in ("投资43亿元", "共 3.5 万元", "无数字", "12亿元和7万元"):
        assert [m.groupdict() for m in served.finditer(text)] == [m.groupdict() for m in pattern.finditer(text)]
    assert served.pattern == pattern.pattern and served.flags == pattern.flags


def test_flags_are_part_of_the_key(cache_dir: Path) -> None:
    plain = compiled.compile_rule("abc")
    folded = compiled.compile_rule("abc", regex.IGNORECASE)
    assert plain.search("ABC") is None
    assert folded.search("ABC") is not None


def test_rule_files_are_kept_parsed(cache_dir: Path) -> None:
    from extractor.rules.data import load

    load.cache_clear()
    try:
        fresh = load("assess")
        compiled.save()
        compiled.reset()
        assert compiled.cached_data("assess") == fresh
    finally:
        load.cache_clear()


def test_a_damaged_file_is_ignored(cache_dir: Path) -> None:
    path = compiled.cache_file()
    assert path is not None
    path.write_bytes(b"\x80\x05not a pickle at all")
    compiled.reset()
    assert compiled.compile_rule(r"\d+年").search("2023年") is not None
    compiled.save()  # replaced by a good one
    compiled.reset()
    assert compiled._loaded()[(r"\d+年", 0)].search("2023年") is not None


class _Planted:
    def __reduce__(self):
        return (os.system, ("echo planted",))


def test_a_planted_file_cannot_run_code(cache_dir: Path) -> None:
    path = compiled.cache_file()
    assert path is not None
    path.write_bytes(pickle.dumps({"patterns": {("x", 0): _Planted()}, "data": {}}))
    compiled.reset()
    assert compiled._loaded() == {}  # refused whole: compiled as without a cache
    assert compiled.compile_rule("x").match("x")


@pytest.fixture
def fresh_snapshot() -> Iterator[None]:
    """The rule files' snapshot forgotten before and after: a test that fails half-way leaves none."""
    compiled.reset()
    yield
    compiled.reset()


@pytest.mark.usefixtures("fresh_snapshot")
def test_an_edited_rule_file_changes_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.toml").write_text('x = "1"\n', "utf-8")
    monkeypatch.setattr(compiled, "DATA_DIR", data)
    compiled.reset()
    before = compiled.cache_key()
    (data / "a.toml").write_text('x = "2"\n', "utf-8")
    assert compiled.cache_key() == before  # one snapshot a process: the bytes its rules were parsed from
    compiled.reset()
    edited = compiled.cache_key()
    assert edited != before
    schema = tmp_path / "schema.py"  # the models that validated the cached files
    schema.write_text("A = 1\n", "utf-8")
    monkeypatch.setattr(compiled, "SCHEMA", schema)
    compiled.reset()
    assert compiled.cache_key() != edited
    compiled.reset()


@pytest.mark.usefixtures("fresh_snapshot")
def test_rules_are_parsed_from_the_bytes_the_key_was_made_of(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule file edited while a process runs: the process parses the bytes it hashed, never the
    edited ones under the old key (a shared cache then served one version's rules under another's key)."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.toml").write_text('x = "1"\n', "utf-8")
    monkeypatch.setattr(compiled, "DATA_DIR", data)
    compiled.reset()
    key = compiled.cache_key()
    (data / "a.toml").write_text('x = "2"\n', "utf-8")  # edited after the key was made
    assert compiled.rule_file_bytes("a") == b'x = "1"\n'
    assert compiled.cache_key() == key
    with pytest.raises(FileNotFoundError):
        compiled.rule_file_bytes("missing")
    compiled.reset()


def test_switched_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(compiled.CACHE_ENV, "")
    compiled.reset()
    try:
        assert compiled.cache_file() is None
        compiled.compile_rule(r"off\d")
        compiled.save()
        assert list(tmp_path.iterdir()) == []
    finally:
        compiled.reset()


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_folder_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    monkeypatch.setenv(compiled.CACHE_ENV, str(locked))
    compiled.reset()
    try:
        compiled.compile_rule(r"locked\d")
        compiled.save()  # no error
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)
        compiled.reset()


def test_a_file_as_the_folder_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", "utf-8")
    monkeypatch.setenv(compiled.CACHE_ENV, str(blocker))
    compiled.reset()
    try:
        assert compiled.compile_rule(r"blocked\d").search("blocked7")
        compiled.save()  # no error
        assert blocker.read_text("utf-8") == "x"
    finally:
        compiled.reset()


def test_a_run_with_the_cache_gives_the_output_of_a_run_without(tmp_path: Path) -> None:
    def run(cache: str) -> str:
        env = {**os.environ, compiled.CACHE_ENV: cache}
        command = [sys.executable, "-m", "extractor.cli", "parse", str(ROOT / "samples" / "seed.txt")]
        return subprocess.run(command, env=env, capture_output=True, text=True, check=True, cwd=ROOT).stdout

    without = run("")
    cold = run(str(tmp_path))  # compiles and writes
    assert list(tmp_path.glob("rules-*.pickle"))
    warm = run(str(tmp_path))  # served from the file
    assert without == cold == warm
    assert '"figures"' in warm


def test_the_newest_caches_of_other_rule_files_are_kept(cache_dir: Path) -> None:
    """Two installed versions sharing the folder keep each its cache; older ones beyond the newest few go."""
    others = []
    for age in range(6):  # caches of rule files since edited, the first the newest
        other = cache_dir / f"{compiled._prefix()}{age:024x}.pickle"
        other.write_bytes(b"")
        os.utime(other, (1_000_000 - age, 1_000_000 - age))
        others.append(other)
    unrelated = cache_dir / "rules-v0-other.pickle"  # another format's: not ours to remove
    unrelated.write_bytes(b"")
    compiled.compile_rule(r"kept\d")
    compiled.save()
    path = compiled.cache_file()
    assert path is not None and path.exists()
    kept = sorted(p.name for p in cache_dir.glob("rules-*.pickle"))
    expected = [path, *others[: compiled.KEPT_CACHES - 1], unrelated]
    assert kept == sorted(p.name for p in expected)
