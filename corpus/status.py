"""Status labels of the corpus (corpus/STATUS-LABELLING.md): ``<id>.status.toml`` beside ``<id>.gold.json``.

One entry per gold row, in the gold's order: the standing an analyst reads in the document
(done, on_track, behind, stalled, not_started, unknown), the cue that decided it, copied from the
row, and the document's report date. ``load_labels`` checks a file against its gold and refuses a
file that does not fit it, naming the file and the row.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

STATUSES = ("done", "on_track", "behind", "stalled", "not_started", "unknown")
ROW_KEYS = {"index", "seq_text", "status", "cue", "reason"}
FILE_KEYS = {"report_date", "report_date_text", "verdict_text", "rows"}


class LabelError(ValueError):
    """A status file that does not fit its gold."""


@dataclass(frozen=True, slots=True)
class StatusLabel:
    status: str
    cue: str
    reason: str


def row_text(row: dict) -> str:
    """Everything an analyst reads in a gold row: task, progress, issues and the other cells."""
    cells = [v for value in (row.get("cells") or {}).values() for v in (value if isinstance(value, list) else [value])]
    return "".join([row.get("task") or "", row.get("progress") or "", *row.get("issues", []), *map(str, cells)])


def load_labels(gold_path: Path) -> list[StatusLabel] | None:
    """The labels of the document whose gold is ``gold_path``, aligned with its rows; None when it has none."""
    path = gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".status.toml")
    if not path.exists():
        return None
    gold = json.loads(gold_path.read_text("utf-8"))
    data = tomllib.loads(path.read_text("utf-8"))
    if unknown := set(data) - FILE_KEYS:
        raise LabelError(f"{path.name}: unknown keys {sorted(unknown)}")
    rows = data.get("rows", [])
    if len(rows) != len(gold["rows"]):
        raise LabelError(f"{path.name}: {len(rows)} labelled rows, the gold has {len(gold['rows'])}")
    labels = []
    for index, (label, row) in enumerate(zip(rows, gold["rows"], strict=True)):
        where = f"{path.name} row {index}"
        if unknown := set(label) - ROW_KEYS:
            raise LabelError(f"{where}: unknown keys {sorted(unknown)}")
        if label.get("index", index) != index:
            raise LabelError(f"{where}: index {label['index']} out of order")
        if (label.get("seq_text") or None) != (row.get("seq_text") or None):
            raise LabelError(f"{where}: seq_text {label.get('seq_text')!r}, the gold has {row.get('seq_text')!r}")
        if label.get("status") not in STATUSES:
            raise LabelError(f"{where}: status {label.get('status')!r} is not one of {STATUSES}")
        cue = label.get("cue") or ""
        if cue and cue not in row_text(row):
            raise LabelError(f"{where}: cue {cue!r} is not in the row's text")
        labels.append(StatusLabel(label["status"], cue, label.get("reason") or ""))
    return labels
