"""Numbered prose renders that isolate where an item's task ends and its report begins (issue 11).

- render_prose_wrapped: the task on its own line, the report under it hard-wrapped at a fixed width
  as a PDF's or a narrow page's text is (a break inside the report and the break after the task look
  alike: only the task line's shortness and what the next line holds tell them apart); the task may
  itself wrap, and may end with or without its stop;
- render_prose_uncued: the task a headline sentence closed by 。, its report in the same paragraph,
  only rows whose report opens with no report cue (截至…, 目前…, 已…): a subject noun, a place, a count;
- render_prose_units_wrapped: the task, a bracket of its units, then the report on the next lines,
  wrapped;
- render_prose_colon: the task closed by a colon (：/:), its report after it on the same line;
- render_prose_units_after: the task and its report, the units after the report in a bracket or on a
  closing line of their own (责任单位：X).

Enumerators, widths, indentation, full or half width punctuation and a preamble are chosen per
document with ``rng_for``, the same every run. The gold is the gold's task, progress and lead units;
a stop the render adds after a task is the task's own, as in prose30.
"""

from __future__ import annotations

import unicodedata

import regex

from renders import Render
from renders.prose30 import UNIT_LABELS, _bracket, _Doc, _rows, _task, _units

# A report that opens with one of these says it reports; the uncued render keeps the rows without.
REPORT_CUE = regex.compile(
    r"^\s*(?:上半年|下半年|前三季度|[一二三四1-4１-４]季度|今年以来|年初以来|截至|截止|目前|当前|现已|已经|已|預計|预计|"
    r"[1１][-—~至到－]\d{1,2}月|\d{1,2}月|完成|累计|正在|进展|進展|完成情况)"
)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wrap(text: str, columns: int, indent: str = "") -> list[str]:
    """``text`` broken into lines of at most ``columns`` display columns (the first indented), the
    way a PDF's text breaks: anywhere, but not inside a run of ASCII letters or digits."""
    lines: list[str] = []
    line, used = indent, _width(indent)
    tokens = regex.findall(r"[A-Za-z0-9.%]+|.", text)
    for token in tokens:
        size = _width(token)
        if used + size > columns and line.strip():
            lines.append(line)
            line, used = "", 0
        line += token
        used += size
    if line.strip():
        lines.append(line)
    return lines


class _Wrapped(_Doc):
    """A document's choices, and the page width its text wraps at."""

    def __init__(self, meta: dict, salt: str) -> None:
        super().__init__(meta, salt)
        self.columns = self.rng.choice([56, 60, 64, 70, 76, 80])
        self.indent = self.rng.choice(["", "", "\u3000\u3000", "  "])

    def block(self, head: str, report: str) -> str:
        """The item's head wrapped on its own lines, then its report's paragraph wrapped under it."""
        return "\n".join([*_wrap(head, self.columns, self.indent), *_wrap(report, self.columns, self.indent)])


def _wrapped(gold: dict, meta: dict) -> tuple[str, dict] | None:
    rows = _rows(gold)
    if rows is None:
        return None
    doc = _Wrapped(meta, "wrapped")
    stop = doc.rng.random() < 0.5
    items = [doc.block(f"{doc.enumerator(r['seq'])}{_task(r, stop)}", r["progress"]) for r in rows]
    return doc.write(gold, rows, items)


def _uncued(gold: dict, meta: dict) -> tuple[str, dict] | None:
    rows = _rows(gold)
    if rows is None:
        return None
    rows = [r for r in rows if not REPORT_CUE.match(r["progress"])]
    if len(rows) < 2:
        return None
    for n, row in enumerate(rows, 1):
        row["seq"], row["seq_text"] = n, str(n)
    doc = _Doc(meta, "uncued")
    space = doc.rng.choice(["", "", " "])
    items = [f"{doc.enumerator(r['seq'])}{_task(r, True)}{space}{r['progress']}" for r in rows]
    return doc.write(gold, rows, items)


def _units_wrapped(gold: dict, meta: dict) -> tuple[str, dict] | None:
    rows = _rows(gold, need_units=True)
    if rows is None:
        return None
    doc = _Wrapped(meta, "units_wrapped")
    form = doc.rng.choice(["label", "role", "bare", "lenticular"])
    items = []
    for r in rows:
        task = r["task"].rstrip()
        if task[-1] in "。.":
            task = task[:-1]
        r["task"] = task
        head = f"{doc.enumerator(r['seq'])}{task}{_bracket(r, doc.rng, form, doc.full)}"
        items.append(doc.block(head, r["progress"]))
    return doc.write(gold, rows, items)


def _colon(gold: dict, meta: dict) -> tuple[str, dict] | None:
    rows = _rows(gold)
    if rows is None:
        return None
    doc = _Doc(meta, "colon")
    colon = "：" if doc.full else ":"
    items = []
    for r in rows:
        task = r["task"].rstrip().rstrip("。.；;，,")
        r["task"], r["lead_units"] = task, []
        items.append(f"{doc.enumerator(r['seq'])}{task}{colon}{r['progress']}")
    return doc.write(gold, rows, items)


def _units_after(gold: dict, meta: dict) -> tuple[str, dict] | None:
    rows = _rows(gold, need_units=True)
    if rows is None:
        return None
    doc = _Doc(meta, "units_after")
    colon = "：" if doc.full else ":"
    habit = doc.rng.choice(["bracket", "line"])
    label = doc.rng.choice(UNIT_LABELS)
    items = []
    for r in rows:
        report = r["progress"].rstrip()
        head = f"{doc.enumerator(r['seq'])}{_task(r, True, units=True)}"
        if habit == "bracket":
            units = _units(r, doc.rng)
            bracket = f"（{label}{colon}{units}）" if doc.full else f"({label}{colon}{units})"
            items.append(f"{head}\n{report}{bracket}")
        else:
            items.append(f"{head}\n{report}\n{label}{colon}{_units(r, doc.rng)}")
    return doc.write(gold, rows, items)


RENDERS = {
    "render_prose_wrapped": Render(
        _wrapped, "numbered prose, the task on its line, the report wrapped at a fixed width under it"
    ),
    "render_prose_uncued": Render(
        _uncued, "numbered prose, the task's sentence then its report with no report cue (该项目…, 全市…)"
    ),
    "render_prose_units_wrapped": Render(
        _units_wrapped, "numbered prose, the task and a bracket of units, the report wrapped under it"
    ),
    "render_prose_colon": Render(_colon, "numbered prose, the task closed by a colon, its report after it"),
    "render_prose_units_after": Render(
        _units_after, "numbered prose, the units after the report: a bracket or a closing line (责任单位：X)"
    ),
}
