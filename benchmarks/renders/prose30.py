"""Numbered prose renders: the gold's rows written as numbered paragraphs, in the habits publishers
use for a task, its units and its report. One render per habit, so each habit's loss shows alone;
the details within a habit (enumerator, bracket, width, label words, a preamble, section headings)
are chosen per document with ``rng_for``, the same every run.

- render_prose_inline: the report glued after the task's sentence, no label ("1.推进…。截至6月…");
- render_prose_labelled: the report after a label (进展情况：…), on the task's line or the next;
- render_prose_nextline: the report on the line after the task, no label;
- render_prose_units_bracket: units in a bracket after the task ((牵头单位：X) (X牵头) (X) 【X】),
  the report glued after it;
- render_prose_units_line: units on a line of their own (牵头单位：X) before or after the report;
- render_prose_units_said: units said in words after the task ("X负责。", "由X牵头。");
- render_prose_sections: section headings over groups of items, a preamble, units and report mixed.

The gold is the gold's task, progress and lead units: a stop the render adds after a task that had
none is printed as the task's own (the task as printed ends with it, as prose tasks in the corpus do).
"""

from __future__ import annotations

import random

import regex

from renders import Render, new_gold, rng_for
from renders.basic import numbered

CN = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
STOPS = "。.;；!！?？"


def _cn(n: int) -> str:
    if n <= 10:
        return CN[n - 1]
    if n < 20:
        return "十" + (CN[n - 11] if n > 10 else "")
    tens, ones = divmod(n, 10)
    return CN[tens - 1] + "十" + (CN[ones - 1] if ones else "")


def _full(text: str) -> str:
    """ASCII digits and punctuation in their full-width forms."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


# Item enumerators: (printed form of n, whether it fits items past 20).
ENUMERATORS = {
    "arabic_dot": lambda n: f"{n}.",
    "arabic_dot_space": lambda n: f"{n}. ",
    "arabic_dun": lambda n: f"{n}、",
    "arabic_full": lambda n: _full(f"{n}."),
    "paren_arabic": lambda n: f"({n})",
    "paren_arabic_full": lambda n: f"（{n}）",
    "paren_cn": lambda n: f"（{_cn(n)}）",
    "cn_dun": lambda n: f"{_cn(n)}、",
    "circled": lambda n: CIRCLED[n - 1],
}
# Section headings over items of each style (a level above it).
SECTION_OVER = {
    "arabic_dot": "cn_dun",
    "arabic_dot_space": "paren_cn",
    "arabic_dun": "cn_dun",
    "arabic_full": "paren_cn",
    "paren_arabic": "arabic_dot",
    "paren_arabic_full": "arabic_dun",
    "paren_cn": "cn_dun",
    "cn_dun": None,
    "circled": "arabic_dot",
}
SECTION_NAMES = ["经济发展", "项目建设", "民生保障", "社会事业", "城乡建设", "生态环境", "改革开放", "政府自身建设"]
PREAMBLES = [
    "现将有关工作推进情况报告如下：",
    "根据工作安排，现将重点任务完成情况汇报如下。",
    "今年以来，我们围绕年度目标任务，扎实推进各项工作，现将进展情况通报如下：",
    "按照市委、市政府部署，各责任单位认真抓好落实，具体情况如下:",
]
PROGRESS_LABELS = ["进展情况", "完成情况", "工作进展", "推进情况", "落实情况"]
UNIT_LABELS = ["牵头单位", "责任单位", "牵头部门", "责任部门"]


def _task(row: dict, stop: bool, units: bool = False) -> str:
    """The task as printed; with ``stop``, a task without a final stop gets one (and the gold too).
    Without ``units`` the item prints no units: the gold has none."""
    if not units:
        row["lead_units"] = []
    task = row["task"].rstrip()
    if stop and task[-1] not in STOPS:
        task += "。"
    row["task"] = task
    return task


def _units(row: dict, rng: random.Random) -> str:
    return rng.choice(["、", "，", "、"]).join(row.get("lead_units", []))


def _bracket(row: dict, rng: random.Random, form: str, full: bool) -> str:
    """The units in a bracket after the task, in one of the forms publishers use."""
    units = _units(row, rng)
    colon = "：" if full else ":"
    inner = {
        "label": f"{rng.choice(UNIT_LABELS)}{colon}{units}",
        "role": f"{units}{rng.choice(['牵头', '负责'])}",
        "bare": units,
    }[form if form != "lenticular" else "bare"]
    if form == "lenticular":
        return f"【{inner}】"
    return f"（{inner}）" if full else f"({inner})"


class _Doc:
    """The choices a document's render makes once: enumerator, width, preamble, sections."""

    def __init__(self, meta: dict, salt: str, sections: bool = False) -> None:
        self.rng = rng_for(meta, salt)
        self.style = self.rng.choice(sorted(ENUMERATORS))
        self.full = self.rng.random() < 0.6
        self.preamble = self.rng.random() < 0.5 or sections
        self.sections = sections and SECTION_OVER[self.style] is not None

    def enumerator(self, n: int) -> str:
        return ENUMERATORS[self.style](n)

    def write(self, gold: dict, rows: list[dict], items: list[str]) -> tuple[str, dict]:
        lines: list[str] = []
        if self.preamble:
            lines.append(self.rng.choice(PREAMBLES))
        if self.sections and len(rows) >= 3:
            cut = sorted(self.rng.sample(range(1, len(rows)), min(2, len(rows) - 1)))
            names = self.rng.sample(SECTION_NAMES, len(cut) + 1)
            heading = ENUMERATORS[SECTION_OVER[self.style]]
            for n, item in enumerate(items):
                if n == 0 or n in cut:
                    k = 0 if n == 0 else cut.index(n) + 1
                    lines.append(f"{heading(k + 1)}{names[k]}")
                lines.append(item)
        else:
            lines.extend(items)
        return "\n".join(lines) + "\n", new_gold(gold, rows)


MIN_PROSE_HAN = 4  # Han characters of a report written as prose (a bare figure is a table's cell)


def _rows(gold: dict, **need: bool) -> list[dict] | None:
    """The gold's rows numbered, or None when they do not fit numbered prose: more than 20, or most
    of their reports bare figures (a table's cells: "99", "7.23"), which no publisher writes as a
    paragraph under a numbered task."""
    rows = numbered(gold, **need)
    if rows is None or len(rows) > len(CIRCLED):
        return None
    prose = [r for r in rows if len(regex.findall(r"\p{Han}", r.get("progress", ""))) >= MIN_PROSE_HAN]
    if need.get("need_progress", True) and 2 * len(prose) < len(rows):
        return None
    return rows


def _inline(gold: dict, meta: dict) -> tuple[str, dict] | None:
    rows = _rows(gold)
    if rows is None:
        return None
    doc = _Doc(meta, "inline")
    items = [f"{doc.enumerator(r['seq'])}{_task(r, True)}{r['progress']}" for r in rows]
    return doc.write(gold, rows, items)


def _labelled(gold: dict, meta: dict) -> tuple[str, dict] | None:
    rows = _rows(gold)
    if rows is None:
        return None
    doc = _Doc(meta, "labelled")
    label = doc.rng.choice(PROGRESS_LABELS) + ("：" if doc.full else ":")
    own_line = doc.rng.random() < 0.5
    items = []
    for r in rows:
        task = _task(r, not own_line)
        joint = "\n" if own_line else ""
        items.append(f"{doc.enumerator(r['seq'])}{task}{joint}{label}{r['progress']}")
    return doc.write(gold, rows, items)


def _nextline(gold: dict, meta: dict) -> tuple[str, dict] | None:
    rows = _rows(gold)
    if rows is None:
        return None
    doc = _Doc(meta, "nextline")
    stop = doc.rng.random() < 0.5
    items = [f"{doc.enumerator(r['seq'])}{_task(r, stop)}\n{r['progress']}" for r in rows]
    return doc.write(gold, rows, items)


def _units_bracket(gold: dict, meta: dict) -> tuple[str, dict] | None:
    rows = _rows(gold, need_units=True)
    if rows is None:
        return None
    doc = _Doc(meta, "units_bracket")
    form = doc.rng.choice(["label", "label", "role", "bare", "lenticular"])
    after_stop = doc.rng.random() < 0.5  # "…建设。（市住建局）" or "…建设（市住建局）。"
    items = []
    for r in rows:
        bracket = _bracket(r, doc.rng, form, doc.full)
        if after_stop:
            head = _task(r, True, units=True) + bracket
        else:
            task = r["task"].rstrip()
            if task[-1] in "。.":
                task = task[:-1]
            r["task"] = task
            head = task + bracket + "。"
        items.append(f"{doc.enumerator(r['seq'])}{head}{r['progress']}")
    return doc.write(gold, rows, items)


def _units_line(gold: dict, meta: dict) -> tuple[str, dict] | None:
    rows = _rows(gold, need_units=True)
    if rows is None:
        return None
    doc = _Doc(meta, "units_line")
    colon = "：" if doc.full else ":"
    unit_label = doc.rng.choice(UNIT_LABELS) + colon
    before = doc.rng.random() < 0.5
    labelled = doc.rng.random() < 0.5
    label = doc.rng.choice(PROGRESS_LABELS) + colon if labelled else ""
    items = []
    for r in rows:
        units = f"{unit_label}{_units(r, doc.rng)}"
        report = f"{label}{r['progress']}"
        parts = [units, report] if before else [report, units]
        items.append(f"{doc.enumerator(r['seq'])}{_task(r, False, units=True)}\n" + "\n".join(parts))
    return doc.write(gold, rows, items)


def _units_said(gold: dict, meta: dict) -> tuple[str, dict] | None:
    rows = _rows(gold, need_units=True)
    if rows is None:
        return None
    doc = _Doc(meta, "units_said")
    form = doc.rng.choice(["{u}负责。", "由{u}牵头。", "{u}牵头负责。", "责任单位为{u}。"])
    items = []
    for r in rows:
        said = form.format(u=_units(r, doc.rng))
        items.append(f"{doc.enumerator(r['seq'])}{_task(r, True, units=True)}{said}{r['progress']}")
    return doc.write(gold, rows, items)


def _sections(gold: dict, meta: dict) -> tuple[str, dict] | None:
    rows = _rows(gold)
    if rows is None or len(rows) < 3:
        return None
    doc = _Doc(meta, "sections", sections=True)
    if not doc.sections:
        doc.style = "arabic_dot" if doc.rng.random() < 0.5 else "paren_cn"
        doc.sections = True
    colon = "：" if doc.full else ":"
    items = []
    for r in rows:
        habit = doc.rng.choice(["inline", "labelled", "bracket"] if r.get("lead_units") else ["inline", "labelled"])
        if habit == "inline":
            items.append(f"{doc.enumerator(r['seq'])}{_task(r, True)}{r['progress']}")
        elif habit == "labelled":
            label = doc.rng.choice(PROGRESS_LABELS)
            items.append(f"{doc.enumerator(r['seq'])}{_task(r, True)}\n{label}{colon}{r['progress']}")
        else:
            bracket = _bracket(r, doc.rng, "label", doc.full)
            items.append(f"{doc.enumerator(r['seq'])}{_task(r, True, units=True)}{bracket}{r['progress']}")
    return doc.write(gold, rows, items)


RENDERS = {
    "render_prose_inline": Render(_inline, "numbered prose, the report glued after the task's sentence, no label"),
    "render_prose_labelled": Render(_labelled, "numbered prose, the report after a label (进展情况：)"),
    "render_prose_nextline": Render(_nextline, "numbered prose, the report on the line after the task, no label"),
    "render_prose_units_bracket": Render(
        _units_bracket,
        "numbered prose, units in a bracket after the task ((牵头单位：X) (X牵头) (X) 【X】)",
    ),
    "render_prose_units_line": Render(
        _units_line, "numbered prose, units on a line of their own (牵头单位：X) before or after the report"
    ),
    "render_prose_units_said": Render(_units_said, "numbered prose, units said in words (X负责。由X牵头。)"),
    "render_prose_sections": Render(_sections, "numbered prose under section headings, habits mixed"),
}
