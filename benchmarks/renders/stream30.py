"""Cell streams: a web table copied as text, one cell per line, with the habits that break its rows.

A web page's table copied as text writes each cell on a line of its own (or a paragraph, a blank
line after it) and nothing at a row's end. What makes such a copy hard to read back is what the
copy leaves out or adds: an EMPTY cell (a blank 备注, 配合单位 or 存在问题) leaves no line at all, so
the cells after it stand one column early; a long cell wraps over two lines; the 序号 shares the
task's line ("1 推进…", "1.推进…"); the header says the same columns in other words. Each render
below applies one habit to the gold's rows (the control, ``render_stream_plain``, none), and
``render_stream_mixed`` all of them, so each habit's loss shows alone.

The extra columns hold what such columns hold in real tables: a deadline (完成时限), a leader's name
(责任领导), the document's own unit names (配合单位: another row's lead units), 无 under 存在问题, a
short remark (备注). None of them is a task, a progress or a lead unit, so the gold's task, progress
and lead units are the rows' own (gold-conventions.md). A 存在问题 column (无 or nothing) is added
only where no row reports a problem (the problems column would be where issues come from).
"""

from __future__ import annotations

import random

from renders import Render, new_gold, rng_for
from renders.basic import numbered

# The same column in other words (benchmarks/robustness.py HEADER_FAMILIES, the roles kept).
TASK_WORDS = ("工作任务", "目标任务", "重点任务", "主要内容", "工作内容", "任务内容")
PROGRESS_WORDS = ("进展情况", "推进情况", "落实情况", "完成情况", "工作进度", "执行情况", "工作进展")
LEAD_WORDS = ("牵头单位", "责任单位", "牵头部门", "责任部门", "牵头责任单位")
SEQ_WORDS = ("序号", "编号")

# Extra columns: header words and what a filled cell of each holds.
DEADLINES = ("2025年12月底前", "2025年6月", "年底前", "12月31日前", "2025年9月30日", "长期坚持", "2026年6月底")
LEADERS = ("张伟", "李建国", "王芳", "刘洋", "陈静", "赵志强", "黄敏", "周涛")
REMARKS = ("续建项目", "新增", "省定任务", "市级重点", "已纳入民生实事")
NONE_MARKS = ("无", "暂无", "无。")
EXTRAS = {
    "deadline": ("完成时限", "完成时间", "时间节点"),
    "leader": ("责任领导", "分管领导"),
    "partner": ("配合单位", "协同单位", "配合部门"),
    "issues": ("存在问题", "存在困难"),
    "remarks": ("备注",),
}
# How often a cell of each extra column is empty (a blank 备注 is the rule, a blank deadline rare).
EMPTY_SHARE = {"deadline": 0.25, "leader": 0.35, "partner": 0.5, "issues": 0.6, "remarks": 0.8}
MIN_WRAPPED = 24  # a cell shorter than this is not wrapped
PROGRESS_GONE_SHARE = 0.25  # rows whose progress cell is empty (and leaves no line) in the gaps render


def _columns(rng: random.Random, *, extras: bool, words: bool, issues: bool) -> list[tuple[str, str]]:
    """The table's columns as (role, header word): 序号, task, progress, lead units, in one of the two
    orders such tables print, and with ``extras`` two to four of the extra columns where they stand
    in real tables (a deadline after the task or the units, a leader before the units, partners after
    them, problems after the progress, 备注 last). No 存在问题 column when ``issues`` (the rows report
    problems inside their progress: a problems column holding 无 beside them would contradict them)."""

    def word(choices: tuple[str, ...]) -> str:
        return rng.choice(choices) if words else choices[0]

    seq, task = ("seq", word(SEQ_WORDS)), ("task", word(TASK_WORDS))
    progress, lead = ("progress", word(PROGRESS_WORDS)), ("lead", word(LEAD_WORDS))
    units_first = rng.random() < 0.5
    columns = [seq, task, lead, progress] if units_first else [seq, task, progress, lead]
    if not extras:
        return columns
    roles = sorted(r for r in EXTRAS if not (issues and r == "issues"))
    chosen = rng.sample(roles, rng.randint(2, 4))
    for role in ("leader", "deadline", "partner", "issues", "remarks"):
        if role not in chosen:
            continue
        cell = (role, rng.choice(EXTRAS[role]))
        at = {c[0]: k for k, c in enumerate(columns)}
        if role == "leader":
            columns.insert(at["lead"], cell)
        elif role == "deadline":
            columns.insert(at["task"] + 1 if rng.random() < 0.5 else at["lead"] + 1, cell)
        elif role == "partner":
            columns.insert(at["lead"] + 1, cell)
        elif role == "issues":
            columns.insert(at["progress"] + 1, cell)
        else:
            columns.append(cell)
    return columns


def _extra_cell(role: str, rng: random.Random, row: dict, rows: list[dict]) -> str:
    """A filled cell of an extra column, or "" (empty: the copy leaves no line for it)."""
    if rng.random() < EMPTY_SHARE[role]:
        return ""
    if role == "deadline":
        return rng.choice(DEADLINES)
    if role == "leader":
        return rng.choice(LEADERS)
    if role == "partner":
        others = [
            u for r in rows if r is not row for u in r.get("lead_units", []) if u not in row.get("lead_units", [])
        ]
        return "、".join(sorted(set(others))[:3]) if others else ""
    if role == "issues":
        return rng.choice(NONE_MARKS)
    return rng.choice(REMARKS)


def _wrapped(text: str, rng: random.Random) -> list[str]:
    """A long cell broken over two lines at a random point (not at its first or last few characters)."""
    if len(text) < MIN_WRAPPED:
        return [text]
    cut = rng.randint(8, len(text) - 8)
    return [text[:cut], text[cut:]]


def _stream(
    gold: dict,
    meta: dict,
    *,
    salt: str,
    extras: bool = False,
    words: bool = False,
    wrap: bool = False,
    glue: bool = False,
    gaps: bool = False,
    between: str = "none",
) -> tuple[str, dict] | None:
    """The gold's rows as a header and one cell per line. ``between``: "none" (nothing between
    cells), "cells" (a blank line after every cell), "rows" (a blank line after every row only);
    ``extras``: extra columns whose empty cells leave no line; ``gaps``: some rows' progress empty,
    leaving no line; ``wrap``: a long cell of some rows over
    two lines; ``glue``: the 序号 on the task's line; ``words``: header words varied."""
    rows = numbered(gold, need_units=True)
    if rows is None:
        return None
    rng = rng_for(meta, salt)
    columns = _columns(rng, extras=extras, words=words, issues=any(r.get("issues") for r in rows))
    if gaps:
        gone = [r for r in rows[1:] if rng.random() < PROGRESS_GONE_SHARE]
        if not gone or len(gone) == len(rows) - 1:
            return None  # (a render whose habit no row shows says nothing)
        for row in gone:
            row["progress"], row["issues"] = "", []
            row["figures"] = [f for f in row.get("figures", []) if f.get("field") != "progress"]
    lines = [word for _, word in columns]
    if between == "cells":
        lines = [x for w in lines for x in (w, "")]
    elif between == "rows":
        lines.append("")
    else:
        pass
    for row in rows:
        cells: list[list[str]] = []
        for role, _ in columns:
            if role == "seq":
                text = row["seq_text"]
            elif role == "task":
                text = row["task"]
            elif role == "progress":
                text = row.get("progress", "")
            elif role == "lead":
                text = "、".join(row.get("lead_units", []))
            else:
                text = _extra_cell(role, rng, row, rows)
            if not text:
                continue  # an empty cell: the copy leaves no line for it
            cells.append(
                _wrapped(text, rng) if wrap and role in ("task", "progress") and rng.random() < 0.5 else [text]
            )
        if glue:
            seq = cells.pop(0)[0]
            cells[0][0] = seq + rng.choice((" ", ".", "、", "．")) + cells[0][0]
        for cell in cells:
            lines.extend(cell)
            if between == "cells":
                lines.append("")
        if between == "rows":
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n", new_gold(gold, rows)


def _render(doc: str, **habits) -> Render:
    name = "/".join(f"{k}={v}" for k, v in sorted(habits.items()))
    return Render(lambda gold, meta: _stream(gold, meta, salt=name, **habits), doc)


RENDERS = {
    "render_stream_plain": _render("control for streams: 序号/task/progress/lead, one cell a line, every cell written"),
    "render_stream_extras": _render(
        "extra columns (完成时限, 责任领导, 配合单位, 存在问题, 备注) whose empty cells leave no line", extras=True
    ),
    "render_stream_extras_cells": _render(
        "extra columns, empty cells leave no line; a blank line after every cell", extras=True, between="cells"
    ),
    "render_stream_extras_rows": _render(
        "extra columns, empty cells leave no line; a blank line after every row only", extras=True, between="rows"
    ),
    "render_stream_gaps": _render("some rows' progress cells empty, leaving no line", gaps=True),
    "render_stream_wrap": _render("a long task or progress cell of some rows wrapped over two lines", wrap=True),
    "render_stream_glued": _render('the 序号 on the task\'s line ("1 推进…", "1.推进…")', glue=True),
    "render_stream_words": _render("header words varied (工作内容, 推进情况, 责任部门, 编号 …)", words=True),
    "render_stream_mixed": _render(
        "every habit at once: extra columns, gaps, wraps, 序号 glued, words varied",
        extras=True,
        gaps=True,
        wrap=True,
        glue=True,
        words=True,
    ),
}
