"""Renders that leave the layout stage little evidence: a table of two or three rows.

Web excerpts are often cut short (the manifest's ``truncated``) with the site's furniture above
them, so a document may hold only two rows of its table, or two and the start of a third, or rows
without the header line the excerpt cut off. Each render writes the first rows of a dev document's
gold in one of four forms, chosen per document by ``rng_for`` (so every form is met, and the same
one every run): a pipe table, a tab-separated table, a stream (one cell a line) or numbered items
(the task on the item's line, its report on the next, its units in a bracket). Header words, the
item numbers' style and the furniture lines vary the same way. The gold is the gold's rows as
written; a cut cell is kept as cut and the cells past the cut are "" / [] (gold-conventions.md).
"""

from __future__ import annotations

import random

from renders import Render, new_gold, rng_for
from renders.basic import numbered

SEQ_WORDS = ("序号", "编号", "序号", "序 号")
TASK_WORDS = ("工作任务", "重点任务", "目标任务", "任务内容", "工作内容")
PROGRESS_WORDS = ("进展情况", "完成情况", "工作进展", "推进情况", "落实情况")
UNIT_WORDS = ("牵头单位", "责任单位", "责任部门", "牵头部门")
FORMS = ("pipe", "tab", "stream", "prose", "spaces", "unnumbered", "glued")
PROSE_MARKS = ("{n}.", "{n}、", "（{n}）", "{z}、")
CHINESE = "一二三四五六七八九十"

NAVIGATION = (
    "网站首页 | 机构概况 | 政务公开 | 政务服务 | 互动交流",
    "首页  政府信息公开  新闻中心  办事服务  政民互动",
    "网站首页\n政务公开\n新闻动态\n互动交流",
)
BREADCRUMBS = (
    "当前位置：首页 > 政务公开 > 重点工作",
    "您当前的位置：首页 > 信息公开 > 工作动态",
    "首页 >> 政府信息公开 >> 计划总结",
)
DATELINES = (
    "发布时间：2023-05-12  来源：县发展和改革局  浏览次数：326",
    "发布日期：2022年11月03日 信息来源：本站 阅读次数：1024",
    "时间：2023-07-28 09:15  来源：市政府办公室  点击数：57",
)
TOOLS = ("【字体：大 中 小】  打印本页  关闭窗口", "分享到：", "【打印】【关闭】")
TITLES = (
    "重点工作任务推进情况",
    "{year}年重点任务落实情况表",
    "关于重点工作进展情况的通报",
)


def _units(row: dict) -> str:
    return "、".join(row.get("lead_units", []))


def _header(rng: random.Random) -> list[str]:
    return [rng.choice(SEQ_WORDS), rng.choice(TASK_WORDS), rng.choice(PROGRESS_WORDS), rng.choice(UNIT_WORDS)]


def _mark(rng_style: str, n: int) -> str:
    return rng_style.format(n=n, z=CHINESE[n - 1] if n <= len(CHINESE) else str(n))


def _cells(row: dict, cut: bool) -> list[str]:
    """A row's cells as written; a cut row stops after its (cut) progress."""
    cells = [row["seq_text"], row["task"], row["progress"]]
    return cells if cut else [*cells, _units(row)]


def _write(rows: list[dict], form: str, rng: random.Random, *, header: bool, cut_last: bool) -> str:
    """The rows in ``form``; ``cut_last``: the text ends inside the last row's progress."""
    names = _header(rng)
    lines: list[str] = []
    last = len(rows) - 1
    if form == "pipe":
        if header:
            lines += ["| " + " | ".join(names) + " |", "|---|---|---|---|"]
        for k, row in enumerate(rows):
            cut = cut_last and k == last
            cells = _cells(row, cut)
            lines.append("| " + " | ".join(cells) + ("" if cut else " |"))
    elif form == "tab":
        if header:
            lines.append("\t".join(names))
        for k, row in enumerate(rows):
            lines.append("\t".join(_cells(row, cut_last and k == last)))
    elif form == "stream":
        if header:
            lines += names
        for k, row in enumerate(rows):
            cells = _cells(row, cut_last and k == last)
            lines += [c if c else "—" for c in cells] if not (cut_last and k == last) else cells
    elif form == "spaces":  # columns parted by runs of spaces (a page's text copied out)
        gap = " " * rng.randint(2, 4)
        if header:
            lines.append(gap.join(names))
        for k, row in enumerate(rows):
            lines.append(gap.join(_cells(row, cut_last and k == last)).rstrip())
    elif form == "unnumbered":  # one cell a line, no 序号 column
        if header:
            lines += names[1:]
        for k, row in enumerate(rows):
            cells = _cells(row, cut_last and k == last)[1:]
            lines += [c if c else "—" for c in cells] if not (cut_last and k == last) else cells
    elif form == "glued":  # every cell of a row run together on its line (cells copied without a break)
        if header:
            lines.append("".join(names))
        for k, row in enumerate(rows):
            lines.append("".join(_cells(row, cut_last and k == last)))
    else:  # numbered prose: the task, its report after it, the units in a bracket
        style = rng.choice(PROSE_MARKS)
        unit_word = rng.choice(UNIT_WORDS)
        for k, row in enumerate(rows):
            mark = _mark(style, row["seq"])
            lines.append(f"{mark}{row['task']}")
            if cut_last and k == last:
                lines.append(row["progress"])
            else:
                units = _units(row)
                lines.append(row["progress"] + (f"（{unit_word}：{units}）" if units else ""))
    return "\n".join(lines) + "\n"


def _cut(row: dict, rng: random.Random) -> dict | None:
    """The row cut inside its progress: the progress as cut (its issues and figures that the cut
    keeps), no units; None when the progress is too short to cut inside."""
    progress = row["progress"]
    if len(progress) < 12:
        return None
    at = rng.randint(len(progress) * 3 // 10, len(progress) * 7 // 10)
    kept = progress[:at].rstrip()
    row = dict(row)
    row["progress"] = kept
    row["lead_units"] = []
    row["issues"] = [i for i in row.get("issues", []) if i in kept]
    row["figures"] = [
        f for f in row.get("figures", []) if f.get("field", "progress") == "task" or f.get("text", "\0") in kept
    ]
    return row


def _fit(rows: list[dict], form: str) -> bool:
    """Whether the rows can be written in the form: no cell holds a delimiter or a line break, a
    stream's cells are not empty (an empty cell in a stream is no line), a prose task is a name."""
    for row in rows:
        texts = [row["task"], row["progress"], *row.get("lead_units", [])]
        if any("\t" in t for t in texts):
            return False
        if form == "stream" and not all(t.strip() for t in texts[:2]):
            return False
        if form == "prose" and len(row["task"]) > 80:
            return False
    return True


def _rows(gold: dict, meta: dict, salt: str, count: int) -> tuple[list[dict], str, random.Random] | None:
    rows = numbered(gold)
    if rows is None or len(rows) < count:
        return None
    rng = rng_for(meta, salt)
    form = rng.choice(FORMS)
    rows = rows[:count]
    if not _fit(rows, form):
        return None
    return rows, form, rng


def _title(rng: random.Random) -> str:
    return rng.choice(TITLES).format(year=rng.choice(("2022", "2023")))


def _finish(gold: dict, rows: list[dict], form: str, text: str, title: str | None) -> tuple[str, dict]:
    if form == "unnumbered":  # no 序号 printed: seq is the row's position, no seq_text
        rows = [{k: v for k, v in row.items() if k != "seq_text"} for row in rows]
    return text, new_gold(gold, rows, title, form=form)


def _two_rows(gold: dict, meta: dict) -> tuple[str, dict] | None:
    found = _rows(gold, meta, "two", 2)
    if found is None:
        return None
    rows, form, rng = found
    title = _title(rng)
    text = title + "\n" + _write(rows, form, rng, header=True, cut_last=False)
    return _finish(gold, rows, form, text, title)


def _cut_third(gold: dict, meta: dict) -> tuple[str, dict] | None:
    found = _rows(gold, meta, "cut3", 3)
    if found is None:
        return None
    rows, form, rng = found
    third = _cut(rows[2], rng)
    if third is None:
        return None
    rows = [*rows[:2], third]
    title = _title(rng)
    text = title + "\n" + _write(rows, form, rng, header=True, cut_last=True)
    return _finish(gold, rows, form, text.rstrip("\n"), title)


def _no_header(gold: dict, meta: dict) -> tuple[str, dict] | None:
    found = _rows(gold, meta, "noheader", 3)
    if found is None:
        return None
    rows, form, rng = found
    title = _title(rng)
    text = title + "\n" + _write(rows, form, rng, header=False, cut_last=False)
    return _finish(gold, rows, form, text, title)


def _furniture(gold: dict, meta: dict) -> tuple[str, dict] | None:
    found = _rows(gold, meta, "furniture", 2)
    if found is None:
        return None
    rows, form, rng = found
    title = _title(rng)
    head = [rng.choice(NAVIGATION), rng.choice(BREADCRUMBS), title, rng.choice(DATELINES), rng.choice(TOOLS)]
    if rng.random() < 0.5:
        head = [head[1], head[0], *head[2:]]
    text = "\n".join(head) + "\n" + _write(rows, form, rng, header=rng.random() < 0.6, cut_last=False)
    return _finish(gold, rows, form, text, title)


RENDERS = {
    "render_fewrows_two": Render(
        _two_rows, "the table cut after its 2nd row (pipe, tab, stream or numbered prose), header kept"
    ),
    "render_fewrows_cut3": Render(
        _cut_third, "the table cut inside its 3rd row's progress (gold: the cut cell as cut, later cells empty)"
    ),
    "render_fewrows_noheader": Render(_no_header, "three rows without the header line (pipe, tab, stream or prose)"),
    "render_fewrows_furniture": Render(
        _furniture, "two rows under a site's furniture (navigation, breadcrumb, 发布时间/来源/浏览次数, tools)"
    ),
}
