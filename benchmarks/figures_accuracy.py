#!/usr/bin/env python3
"""Score `extract_figures` on real figure phrasings (corpus/figures/) and on peers' suites.

usage: figures_accuracy.py [--summary] [--show] [--check] [--write-baseline] [PATH ...]
       (PATH: a folder of source files, or one file; default: corpus/figures/dev, corpus/figures/test
       and corpus/figures/peers)

A source file is ``{"source": {...}, "excerpt": "…", "cases": [{"text": "…", "figures": [...]}]}``
(see corpus/figures/GATHERING.md); every case text must occur in the excerpt (when one is kept)
and every gold figure's text in its case (``--check`` fails otherwise, and when a mean falls
below the committed baseline).

Per folder it prints, for the cases of all its files:
- cases fully right: every gold figure found (text one inside the other) with its kind, value,
  unit, basis and qualifier right, and no other figure found (a negative: nothing found);
- precision and recall of figures matched by text; value+unit right: share of gold figures found
  with value and unit right.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import extractor  # noqa: E402
from extractor.rules.figures import home_currency  # noqa: E402

DEFAULT = [
    ROOT / "corpus" / "figures" / "dev",
    ROOT / "corpus" / "figures" / "test",
    ROOT / "corpus" / "figures" / "peers",
]
BASELINE = Path(__file__).resolve().parent / "figures_baseline.json"
KINDS = {"amount", "percent", "change", "count", "quantity"}
BASES = {"yoy", "mom", "schedule", "target"}
QUALIFIERS = {"at_least", "above", "at_most", "about", "below"}
KEYS = ("fully_right", "precision", "recall", "value_unit")


def load(path: Path) -> list[tuple[Path, dict[str, Any]]]:
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    return [(f, json.loads(f.read_text("utf-8"))) for f in files]


def problems(path: Path, data: dict[str, Any]) -> list[str]:
    """What is wrong with a source file: cases not cut from the excerpt, figures not in their case,
    unknown kinds."""
    out = []
    excerpt = data.get("excerpt")
    for n, case in enumerate(data.get("cases", [])):
        text = case.get("text", "")
        if excerpt is not None and text not in excerpt:
            out.append(f"{path.name} case {n}: text not in the excerpt")
        for figure in case.get("figures", []):
            if figure.get("text", "") not in text:
                out.append(f"{path.name} case {n}: figure {figure.get('text')!r} not in the case")
            if figure.get("kind") not in KINDS:
                out.append(f"{path.name} case {n}: kind {figure.get('kind')!r}")
            if figure.get("basis") not in BASES | {None}:
                out.append(f"{path.name} case {n}: basis {figure.get('basis')!r}")
            if figure.get("qualifier") not in QUALIFIERS | {None}:
                out.append(f"{path.name} case {n}: qualifier {figure.get('qualifier')!r}")
    return out


def same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def overlaps(pred: str, gold: str) -> bool:
    p, g = "".join(pred.split()), "".join(gold.split())
    return bool(p) and (p in g or g in p)


def score_case(case: dict[str, Any], currency: str | None = None) -> dict[str, int]:
    found = [f.model_dump() for f in extractor.extract_figures(case["text"], home_currency=currency)]
    gold = case.get("figures", [])
    used: set[int] = set()
    tp = value_unit = exact = 0
    for g in gold:
        for k, p in enumerate(found):
            if k in used or not overlaps(p["text"], g["text"]):
                continue
            used.add(k)
            tp += 1
            right = same_number(p["value"], g["value"]) and p["unit"] == g["unit"]
            value_unit += right
            exact += (
                right
                and p["kind"] == g["kind"]
                and p.get("basis") == g.get("basis")
                and p.get("qualifier") == g.get("qualifier")
                and same_number(p.get("value_max"), g.get("value_max"))
            )
            break
    fully = exact == len(gold) and len(found) == len(gold)
    return {"pred": len(found), "gold": len(gold), "tp": tp, "value_unit": value_unit, "fully": int(fully)}


def score_folder(path: Path, show: bool = False) -> dict[str, float]:
    totals = {"cases": 0, "pred": 0, "gold": 0, "tp": 0, "value_unit": 0, "fully": 0}
    for file, data in load(path):
        # 元 means the currency of the source's place, read from its text as the parser reads a
        # document's (the excerpt is the page's opening; peers' suites have none: CNY)
        currency = home_currency(data.get("excerpt") or "")
        for case in data.get("cases", []):
            result = score_case(case, currency)
            totals["cases"] += 1
            for key in ("pred", "gold", "tp", "value_unit", "fully"):
                totals[key] += result[key]
            if show and not result["fully"]:
                got = [
                    (f.text, f.kind, f.value, f.unit, f.basis, f.qualifier)
                    for f in extractor.extract_figures(case["text"], home_currency=currency)
                ]
                want = [
                    (g["text"], g["kind"], g["value"], g["unit"], g.get("basis"), g.get("qualifier"))
                    for g in case["figures"]
                ]
                print(f"{file.name}: {case['text']}\n   got  {got}\n   gold {want}")
    cases = totals["cases"] or 1
    return {
        "cases": totals["cases"],
        "fully_right": totals["fully"] / cases,
        "precision": totals["tp"] / totals["pred"] if totals["pred"] else 1.0,
        "recall": totals["tp"] / totals["gold"] if totals["gold"] else 1.0,
        "value_unit": totals["value_unit"] / totals["gold"] if totals["gold"] else 1.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--show", action="store_true", help="print every case not fully right (dev only!)")
    parser.add_argument("--check", action="store_true", help="fail on a bad case file or a mean below the baseline")
    parser.add_argument("--write-baseline", action="store_true")
    args = parser.parse_args()
    paths = [p for p in (args.paths or DEFAULT) if p.exists()]
    bad = [problem for path in paths for file, data in load(path) for problem in problems(file, data)]
    for problem in bad:
        print("bad case:", problem, file=sys.stderr)
    results = {}
    print(f"{'set':<12}{'cases':>7}{'fully':>8}{'P':>8}{'R':>8}{'val+unit':>10}")
    for path in paths:
        result = score_folder(path, show=args.show)
        results[path.name] = result
        print(
            f"{path.name:<12}{result['cases']:>7}{result['fully_right']:>8.3f}{result['precision']:>8.3f}"
            f"{result['recall']:>8.3f}{result['value_unit']:>10.3f}"
        )
    if args.write_baseline:
        BASELINE.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", "utf-8")
        print(f"baseline written: {BASELINE.relative_to(ROOT)}", file=sys.stderr)
    if args.check:
        baseline = json.loads(BASELINE.read_text("utf-8")) if BASELINE.exists() else {}
        fell = [
            f"{name} {key} {results[name][key]:.3f} < {base[key]:.3f}"
            for name, base in baseline.items()
            if name in results
            for key in KEYS
            if results[name][key] < base[key] - 1e-9
        ]
        for line in fell:
            print("below baseline:", line, file=sys.stderr)
        return 1 if bad or fell else 0
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
