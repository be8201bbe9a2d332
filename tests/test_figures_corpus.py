"""The figure-phrasing corpus (corpus/figures/) is well formed: every case is cut from its source's
excerpt, every gold figure from its case, with known kinds, bases and qualifiers."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("figures_accuracy", ROOT / "benchmarks" / "figures_accuracy.py")
assert spec is not None and spec.loader is not None
figures_accuracy = importlib.util.module_from_spec(spec)
spec.loader.exec_module(figures_accuracy)
load, problems = figures_accuracy.load, figures_accuracy.problems

FIGURES = ROOT / "corpus" / "figures"
FILES = sorted(f for split in ("dev", "test", "peers") for f in (FIGURES / split).glob("*.json"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_source_file_is_well_formed(path: Path) -> None:
    ((_, data),) = load(path)
    assert data["source"].get("id") and data["source"].get("url") is not None
    assert data["cases"]
    assert problems(path, data) == []


def test_the_checker_finds_a_figure_not_cut_from_its_case(tmp_path: Path) -> None:
    figure = {"text": "6%", "kind": "percent", "value": 6, "unit": "%"}
    bad = {"source": {"id": "x"}, "excerpt": "增长5%", "cases": [{"text": "增长5%", "figures": [figure]}]}
    assert problems(tmp_path / "x.json", bad) == ["x.json case 0: figure '6%' not in the case"]
