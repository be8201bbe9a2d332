"""Documents rendered anew from a corpus document's gold, in layouts its publisher did not use.

A publisher variant (``robustness.py``) edits a document's own text; a *render* writes a new text
from the gold's rows alone (their task, progress and lead units, each a span an analyst cut from a
real document), in one layout: numbered prose with its units in a bracket, a one-cell-per-line
stream with its empty cells gone, a table cut after its second row, … The words stay the
publishers'; only the arrangement is made up, so a render measures whether a mechanism reads an
arrangement, whatever words fill it. Run on dev only, like every variant.

Each module of this package (one per owner: they never share a file) defines
``RENDERS: dict[str, Render]``. A render's ``write(gold, meta)`` returns the new text and its gold
(a ``.txt``), or the new file's bytes, its gold and its suffix (``.html``, ``.xlsx``, ``.docx``), or
None when the document does not fit (too few rows, no progress, …). ``meta`` holds ``stem``
(the document's id: seed any randomness with it, so a render is the same every run) and
``truncated`` (the manifest's flag).
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import random
from collections.abc import Callable
from typing import Any

# The row fields a render keeps (what it writes anew from); the rest of a row is dropped, as the
# text that held it is no longer in the document.
KEPT_FIELDS = ("seq", "seq_text", "task", "progress", "lead_units", "issues", "figures", "section")


class Render:
    """``write(gold, meta)`` → ``(text, gold)``, ``(data, gold, suffix)`` or None; ``doc`` one line
    for ``--list``."""

    def __init__(self, write: Callable[[dict, dict], tuple | None], doc: str, *, to_pdf: bool = False) -> None:
        # to_pdf: the .docx files written are converted to PDF by LibreOffice, in one batch
        self.write, self.doc, self.to_pdf = write, doc, to_pdf


def rng_for(meta: dict, salt: str = "") -> random.Random:
    """A generator seeded by the document's id (and the render's salt): the same text every run."""
    return random.Random(f"{meta.get('stem', '')}/{salt}")


def gold_rows(gold: dict) -> list[dict]:
    """The gold's rows, each reduced to the fields a render writes anew (figures only those read in
    the task or progress, whose text the render keeps)."""
    rows = []
    for row in gold.get("rows", []):
        kept = {k: json.loads(json.dumps(row[k])) for k in KEPT_FIELDS if k in row}
        kept["figures"] = [f for f in kept.get("figures", []) if f.get("field", "progress") in ("task", "progress")]
        rows.append(kept)
    return rows


def new_gold(gold: dict, rows: list[dict], title: str | None = None, **table: Any) -> dict:
    """The rendered document's gold: its rows, the title it printed (None: none)."""
    out = {"about": "Rendered by benchmarks/renders from the gold of the document of the same name.", "title": title}
    out.update(table)
    out["rows"] = rows
    return out


def _load() -> dict[str, Render]:
    renders: dict[str, Render] = {}
    for module in pkgutil.iter_modules(__path__):
        loaded = importlib.import_module(f"{__name__}.{module.name}")
        for name, render in getattr(loaded, "RENDERS", {}).items():
            if name in renders:
                raise ValueError(f"render {name!r} defined twice")
            renders[name] = render
    return renders


RENDERS: dict[str, Render] = _load()
