"""Accuracy on real documents: score extractor against the corpus gold, per document and per split.

    python benchmarks/accuracy.py                       # corpus/dev and corpus/test, tables to stdout
    python benchmarks/accuracy.py corpus/dev            # one folder
    python benchmarks/accuracy.py --check               # exit 1 if a split's mean fell below the baseline
    python benchmarks/accuracy.py --write-baseline      # record the current means as the new baseline
    python benchmarks/accuracy.py --json out.json
    python benchmarks/accuracy.py --summary --breakdown # means by chosen layout and kinds of error

Every document ``<id>.<ext>`` in a folder is parsed in this process (``extractor.parse``) and
scored against ``<id>.gold.json`` (made by ``corpus/make_gold.py``) with the metrics of
``../shared/tools/score.py``: rows are matched by ``seq``; row recall; task, progress and lead
units exact (whitespace ignored); issue items as character-level F1 inside their cell, and their
count; figures matched by text (one inside the other) in the same field: precision, recall, and
value+unit right. A file that fails (``no_table`` …) scores 0 on every row. Unlike score.py,
issues from an issues column are located in that column.

Where a document has status labels (``<id>.status.toml``, corpus/STATUS-LABELLING.md), each
labelled row's ``status`` is compared with its label: the split prints the agreement over all
labelled rows, the share of rows with a standing that the parse called ``unknown``, and the
confusion matrix (a labelled row the parse did not give counts as a disagreement).

The baseline (``benchmarks/accuracy_baseline.json``) is a ratchet: ``--check`` fails when a split's
mean of any metric is lower than recorded (the unknown share: higher); ``--write-baseline`` is run
when a change raises them.

``--breakdown`` prints, per split, the means grouped by the layout the parser chose (a failed file
under its error code) and how the task, progress and lead cells that are not exact differ from the
gold (longer, shorter, empty, …): aggregates only, so it may be run on the test split without
reading any of its documents.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import extractor  # noqa: E402
from corpus import COMPANION_SUFFIXES  # noqa: E402
from corpus.status import STATUSES, load_labels  # noqa: E402
from extractor.errors import ExtractorError  # noqa: E402

BASELINE = ROOT / "benchmarks" / "accuracy_baseline.json"
SPLITS = [ROOT / "corpus" / "dev", ROOT / "corpus" / "test"]
KEYS = [
    "row_recall",
    "task_exact",
    "progress_exact",
    "lead_exact",
    "issue_f1",
    "issue_count_exact",
    "figure_p",
    "figure_r",
    "figure_value_acc",
]
SHORT = {
    "row_recall": "rows",
    "task_exact": "task",
    "progress_exact": "progress",
    "lead_exact": "lead",
    "issue_f1": "issue F1",
    "issue_count_exact": "issue n",
    "figure_p": "fig P",
    "figure_r": "fig R",
    "figure_value_acc": "fig val",
}
# Enumerators and edge punctuation an issue item may or may not keep (as in score.py).
ENUMERATOR = regex.compile(r"^\s*(?:[一二三四五六七八九十]+是|[（(]?[0-9一二三四五六七八九十]+[)）.、．]|[①-⑳])\s*")
TRAIL = "。；;，,、 \t\n"
TOLERANCE = 1e-9
LOWER_IS_BETTER = {"status_unknown_share"}  # the ratchet holds these from rising, the rest from falling


def norm(text: str | None) -> str:
    return regex.sub(r"\s+", "", text or "")


def core(text: str) -> str:
    return ENUMERATOR.sub("", norm(text)).strip(TRAIL)


def locate(texts: list[str], haystack: str, tag: str) -> set[Any]:
    """Character positions of ``texts`` in ``haystack``; a text not found counts as its own wrong characters."""
    hay = norm(haystack)
    positions: set[Any] = set()
    for k, text in enumerate(texts):
        piece = core(text)
        if not piece:
            continue
        at = hay.find(piece)
        if at >= 0:
            positions.update(range(at, at + len(piece)))
        else:
            positions.update((tag, k, n) for n in range(len(piece)))
    return positions


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def same_value(a: Any, b: Any) -> bool:
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= 1e-6 * max(1.0, abs(y))


def figure_matches(pred: dict, gold: dict) -> bool:
    p, g = norm(pred.get("text")), norm(gold["text"])
    return bool(p) and (p == g or p in g or g in p)


# What may stand between a task and a report or units marker run on after it.
LEADING_MARKS = "。.，,；;：:（(【[、 "

MISSING = "(no row)"  # a labelled row the parse did not give: a disagreement


def text_error(got: str, gold: str, report: str = "", units: Sequence[str] = ()) -> str:
    """How a text field that is not exact differs from the gold (whitespace already removed).

    For a task, ``report`` (the gold's progress) and ``units`` (its lead units) tell a task that ran on
    into the row's report, or into its units marker, from one that is longer otherwise."""
    if got.rstrip("。.") == gold.rstrip("。."):
        return "final stop only"
    if not gold:
        return "gold empty, text given"
    if not got:
        return "empty"
    if got.startswith(gold):
        extra = got[len(gold) :].lstrip(LEADING_MARKS)
        if report and extra and (report.startswith(extra[:8]) or extra.startswith(report[:8])):
            return "longer: holds the report's start"
        if extra and any(unit and unit in extra for unit in units):
            return "longer: holds the lead units"
        return "longer (gold a prefix)"
    if gold.startswith(got):
        return "shorter (a prefix of gold)"
    if gold in got:
        return "contains gold"
    if got in gold:
        return "inside gold"
    return "other"


def other_kind(got: str, gold: str, other_tasks: set[str]) -> str:
    """A task unlike its gold: another gold row's task (the rows were numbered differently from the
    gold's seq), a text sharing at least half the gold's characters in one run, or unrelated."""
    if any(task == got or (len(task) >= 4 and task in got) for task in other_tasks):
        return "other: another row's task"
    if gold and got:
        match = SequenceMatcher(None, got, gold, autojunk=False).find_longest_match()
        if match.size * 2 >= len(gold):
            return "other: overlaps gold"
    return "other"


def units_error(got: list[str], gold: list[str]) -> str:
    if not got:
        return "none given"
    if not gold:
        return "gold none, units given"
    if set(gold) < set(got):
        return "extra units"
    if set(got) < set(gold):
        return "units missing"
    if "".join(got) == "".join(gold):
        return "split differently"
    return "other"


def score(document: dict | None, gold: dict, labels: list | None = None) -> dict[str, Any]:
    """Metrics of one parsed document (``Document.model_dump()``, or None when it failed);
    ``labels``: the status labels of the gold rows (corpus/status.py), when the document has them."""
    rows = [r for t in (document or {}).get("tables", []) for r in t["rows"]]
    by_seq: dict[int, dict] = {}
    for row in rows:
        if isinstance(row.get("seq"), int):
            by_seq.setdefault(row["seq"], row)
    n = len(gold["rows"])
    found = task = progress = lead = count = 0
    issue_tp = issue_pred = issue_gold = 0
    fig_tp = fig_pred = fig_gold = fig_value = 0
    confusion: dict[str, dict[str, int]] = {}
    errors: dict[str, dict[str, int]] = {"task": {}, "progress": {}, "lead": {}}

    gold_tasks = {norm(g["task"]) for g in gold["rows"]} - {""}

    def count_error(field: str, kind: str) -> None:
        errors[field][kind] = errors[field].get(kind, 0) + 1

    for index, g in enumerate(gold["rows"]):
        issue_cell = (g.get("cells") or {}).get("issues") or g["progress"]
        gold_positions = locate(g["issues"], issue_cell, "gold")
        issue_gold += len(gold_positions)
        fig_gold += len(g["figures"])
        p = by_seq.get(g["seq"])
        if labels is not None:
            said = ((p or {}).get("status") or {}).get("value") or MISSING
            counts = confusion.setdefault(labels[index].status, {})
            counts[said] = counts.get(said, 0) + 1
        if p is None:
            for field in errors:
                count_error(field, MISSING)
            continue
        found += 1
        for field in ("task", "progress"):
            got, want = norm(p.get(field)), norm(g[field])
            if got == want:
                task += field == "task"
                progress += field == "progress"
            else:
                if field == "task":
                    units = [norm(u) for u in g["lead_units"]]
                    kind = text_error(got, want, norm(g["progress"]), units)
                    count_error(field, other_kind(got, want, gold_tasks - {want}) if kind == "other" else kind)
                else:
                    count_error(field, text_error(got, want))
        got_units, gold_units = [norm(u) for u in p.get("lead_units") or []], [norm(u) for u in g["lead_units"]]
        if got_units == gold_units:
            lead += 1
        else:
            count_error("lead", units_error(got_units, gold_units))
        issues = [i["text"] for i in p.get("issues") or []]
        count += len(issues) == len(g["issues"])
        pred_positions = locate(issues, issue_cell, "pred")
        issue_pred += len(pred_positions)
        issue_tp += len(pred_positions & gold_positions)
        figures = p.get("figures") or []
        fig_pred += len(figures)
        used: set[int] = set()
        for gf in g["figures"]:
            for k, f in enumerate(figures):
                if k in used or f.get("field") != gf["field"] or not figure_matches(f, gf):
                    continue
                used.add(k)
                fig_tp += 1
                fig_value += same_value(f.get("value"), gf["value"]) and norm(str(f.get("unit"))) == norm(gf["unit"])
                break
    result: dict[str, Any] = {"rows_gold": n, "rows_pred": len(rows), "errors": errors}
    result["layout"] = "+".join(sorted({t.get("layout") or "?" for t in (document or {}).get("tables", [])})) or "none"
    if labels is not None:
        result["status_confusion"] = confusion
    if n == 0:
        return result | {k: 1.0 for k in KEYS}
    result |= {
        "row_recall": found / n,
        "task_exact": task / n,
        "progress_exact": progress / n,
        "lead_exact": lead / n,
        "issue_count_exact": count / n,
    }
    result["issue_f1"] = prf(issue_tp, issue_pred, issue_gold)[2]
    result["figure_p"], result["figure_r"], _ = prf(fig_tp, fig_pred, fig_gold)
    result["figure_value_acc"] = fig_value / fig_gold if fig_gold else 1.0
    return result


def documents(folder: Path) -> list[tuple[Path, Path]]:
    pairs = []
    for gold in sorted(folder.glob("*.gold.json")):
        stem = gold.name.removesuffix(".gold.json")
        docs = [p for p in folder.glob(stem + ".*") if not p.name.endswith(COMPANION_SUFFIXES)]
        if len(docs) != 1:
            raise SystemExit(f"{gold}: expected one document named {stem}.*, found {len(docs)}")
        pairs.append((docs[0], gold))
    return pairs


def run_split(folder: Path) -> dict[str, Any]:
    results: dict[str, dict[str, Any]] = {}
    for doc, gold_path in documents(folder):
        gold = json.loads(gold_path.read_text("utf-8"))
        try:
            parsed = extractor.parse(doc).model_dump(mode="json")
            error = None
        except ExtractorError as exc:
            parsed, error = None, exc.code
        result = score(parsed, gold, load_labels(gold_path))
        if error:
            result["error"] = error
            result["layout"] = "error:" + error
        results[doc.name] = result
    mean = {k: sum(r[k] for r in results.values()) / len(results) for k in KEYS} if results else {}
    confusion = status_confusion(results.values())
    if confusion:
        mean |= status_means(confusion)
    failed = sum(1 for r in results.values() if "error" in r)
    empty = sum(1 for r in results.values() if "error" not in r and r["rows_pred"] == 0 and r["rows_gold"])
    return {"docs": results, "mean": mean, "failed": failed, "zero_rows": empty, "status_confusion": confusion}


def status_confusion(results: Any) -> dict[str, dict[str, int]]:
    """Label → status given → rows, pooled over the documents that have labels."""
    pooled: dict[str, dict[str, int]] = {}
    for result in results:
        for label, given in result.get("status_confusion", {}).items():
            for said, n in given.items():
                pooled.setdefault(label, {})[said] = pooled.setdefault(label, {}).get(said, 0) + n
    return pooled


def status_means(confusion: dict[str, dict[str, int]]) -> dict[str, float]:
    """Agreement over every labelled row (pooled, not a mean of documents: the issue counts rows),
    and the share of rows labelled with a standing for which the parse said ``unknown``."""
    total = sum(n for given in confusion.values() for n in given.values())
    agree = sum(given.get(label, 0) for label, given in confusion.items())
    standing = sum(n for label, given in confusion.items() if label != "unknown" for n in given.values())
    unknown = sum(given.get("unknown", 0) for label, given in confusion.items() if label != "unknown")
    return {
        "status_agreement": agree / total if total else 1.0,
        "status_unknown_share": unknown / standing if standing else 0.0,
    }


def print_confusion(confusion: dict[str, dict[str, int]]) -> None:
    columns = [*STATUSES, MISSING]
    print("status: label (rows) × status given (columns)")
    print("label".ljust(12) + "".join(c.rjust(12) for c in columns))
    for label in STATUSES:
        given = confusion.get(label, {})
        print(label.ljust(12) + "".join(str(given.get(c, 0)).rjust(12) for c in columns))
    print()


def print_split(name: str, split: dict[str, Any], per_document: bool) -> None:
    width = max([len(d) for d in split["docs"]] + [24])
    print(f"## {name}: {len(split['docs'])} documents, {split['failed']} failed, {split['zero_rows']} with no row")
    print("doc".ljust(width) + "".join(SHORT[k].rjust(9) for k in KEYS))
    if per_document:
        for doc, r in split["docs"].items():
            line = doc.ljust(width) + "".join(f"{r[k]:9.3f}" for k in KEYS)
            print(line + (f"  [{r['error']}]" if "error" in r else ""))
    print("MEAN".ljust(width) + "".join(f"{split['mean'][k]:9.3f}" for k in KEYS))
    if split["status_confusion"]:
        mean = split["mean"]
        rows = sum(n for given in split["status_confusion"].values() for n in given.values())
        print(
            f"status agreement {mean['status_agreement']:.3f} over {rows} labelled rows; "
            f"unknown on {mean['status_unknown_share']:.3f} of rows labelled with a standing"
        )
        print_confusion(split["status_confusion"])
    print()


def print_breakdown(name: str, split: dict[str, Any]) -> None:
    """Means by chosen layout and the kinds of error of task, progress and lead: aggregates only."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for result in split["docs"].values():
        groups.setdefault(result.get("layout", "?"), []).append(result)
    print(f"## {name}: means by chosen layout")
    print("layout".ljust(28) + "docs".rjust(5) + "".join(SHORT[k].rjust(9) for k in KEYS[:4]))
    for layout, results in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        means = "".join(f"{sum(r.get(k, 0.0) for r in results) / len(results):9.3f}" for k in KEYS[:4])
        print(layout.ljust(28) + str(len(results)).rjust(5) + means)
    for field in ("task", "progress", "lead"):
        pooled: dict[str, int] = {}
        for result in split["docs"].values():
            for kind, n in result.get("errors", {}).get(field, {}).items():
                pooled[kind] = pooled.get(kind, 0) + n
        total = sum(r["rows_gold"] for r in split["docs"].values())
        kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(pooled.items(), key=lambda kv: -kv[1]))
        print(f"{field} not exact, of {total} gold rows: {kinds or 'none'}")
    print(f"## {name}: kinds of error by chosen layout (gold rows; the three most frequent kinds a field)")
    for layout, results in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        parts = []
        for field in ("task", "progress", "lead"):
            pooled = {}
            for result in results:
                for kind, n in result.get("errors", {}).get(field, {}).items():
                    if kind != "(no row)":
                        pooled[kind] = pooled.get(kind, 0) + n
            top = sorted(pooled.items(), key=lambda kv: -kv[1])[:3]
            parts.append(f"{field}: " + (", ".join(f"{kind} {n}" for kind, n in top) or "-"))
        gold_rows = sorted(r["rows_gold"] for r in results)
        print(
            f"{layout} ({len(results)} docs, gold rows {gold_rows[0]}–{gold_rows[-1]}, "
            f"median {gold_rows[len(gold_rows) // 2]}): " + "; ".join(parts)
        )
    print()


def show(doc: Path) -> int:
    """Row by row, the fields where a document's reading differs from its gold."""
    gold_path = doc.with_name(doc.name.split(".")[0] + ".gold.json")
    gold = json.loads(gold_path.read_text("utf-8"))
    labels = load_labels(gold_path)
    try:
        parsed = extractor.parse(doc).model_dump(mode="json")
    except ExtractorError as exc:
        print(f"{doc.name}: {exc.message} [{exc.code}]")
        return 1
    by_seq: dict[int, dict] = {}
    for table in parsed["tables"]:
        for row in table["rows"]:
            by_seq.setdefault(row["seq"], row)
    for index, g in enumerate(gold["rows"]):
        p = by_seq.get(g["seq"])
        if p is None:
            print(f"seq {g['seq']}: MISSING  task {g['task'][:50]!r}")
            continue
        said = (p.get("status") or {}).get("value")
        if labels is not None and said != labels[index].status:
            label = labels[index]
            print(f"seq {g['seq']} status: got {said}, label {label.status} (cue {label.cue!r}; {label.reason})")
        for name in ("task", "progress"):
            if norm(p.get(name)) != norm(g[name]):
                print(f"seq {g['seq']} {name}:\n   got  {norm(p.get(name))[:90]!r}\n   gold {norm(g[name])[:90]!r}")
        if [norm(u) for u in p.get("lead_units") or []] != [norm(u) for u in g["lead_units"]]:
            print(f"seq {g['seq']} lead: got {p.get('lead_units')} gold {g['lead_units']}")
    extra = sorted(set(by_seq) - {g["seq"] for g in gold["rows"]}, key=lambda s: (s is None, s))
    if extra:
        print(f"rows not in gold: seq {extra}")
    return 0


def check(results: dict[str, dict[str, Any]], baseline: dict[str, dict[str, float]]) -> list[str]:
    """Metrics of a split whose mean fell below the baseline."""
    drops = []
    for name, split in results.items():
        for key, recorded in baseline.get(name, {}).items():
            now = split["mean"].get(key)
            if now is None:  # a metric the baseline holds and the run lost (labels missing, a load failure)
                drops.append(f"{name} {key}: missing, baseline {recorded:.4f}")
                continue
            if key in LOWER_IS_BETTER and now > recorded + TOLERANCE:
                drops.append(f"{name} {key}: {now:.4f} > baseline {recorded:.4f}")
            elif key not in LOWER_IS_BETTER and now < recorded - TOLERANCE:
                drops.append(f"{name} {key}: {now:.4f} < baseline {recorded:.4f}")
    return drops


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, default=SPLITS)
    parser.add_argument("--check", action="store_true", help="exit 1 if a split's mean fell below the baseline")
    parser.add_argument("--write-baseline", action="store_true", help="record the current means as the baseline")
    parser.add_argument("--summary", action="store_true", help="means only, no per-document lines")
    parser.add_argument("--json", type=Path, help="write every number to this file")
    parser.add_argument("--breakdown", action="store_true", help="means by chosen layout, kinds of error (aggregates)")
    parser.add_argument("--show", metavar="DOC", help="print where one document's rows differ from its gold")
    args = parser.parse_args(argv)
    if args.show:
        return show(Path(args.show))
    results = {folder.name: run_split(folder) for folder in args.folders}
    for name, split in results.items():
        print_split(name, split, per_document=not args.summary)
        if args.breakdown:
            print_breakdown(name, split)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")
    if args.write_baseline:
        recorded = json.loads(BASELINE.read_text("utf-8")) if BASELINE.exists() else {}
        for name, split in results.items():
            recorded[name] = {k: round(v, 4) for k, v in split["mean"].items()}
        BASELINE.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n", "utf-8")
        print(f"baseline written: {BASELINE.relative_to(ROOT)}", file=sys.stderr)
    if args.check:
        baseline = json.loads(BASELINE.read_text("utf-8"))
        # Round as the baseline was written, so a mean equal to the record never fails.
        for split in results.values():
            split["mean"] = {k: round(v, 4) for k, v in split["mean"].items()}
        drops = check(results, baseline)
        for drop in drops:
            print(f"accuracy fell: {drop}", file=sys.stderr)
        if drops:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
