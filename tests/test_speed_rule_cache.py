"""The rule cache folder shared by installed versions: each keeps its own cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from extractor.rules import compiled


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(compiled.CACHE_ENV, str(tmp_path))
    compiled.reset()
    yield tmp_path
    compiled.reset()  # the rest of the session reads its own cache again


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
