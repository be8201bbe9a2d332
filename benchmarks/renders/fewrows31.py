"""Renders of a small table in the places a web excerpt leaves it: under a page of news prose, one
row a paragraph, or under a header wrapped over two lines.

A cut-short excerpt often holds two to five rows of its table, and what stands above them is not a
title but the page's prose (a news story's lead, a notice's body) or a header printed in a form of
its own. Each render writes the first two to five rows of a dev document's gold in one of the
forms below, chosen per document by ``rng_for`` (the same every run):

- ``render_fewrows_prose_above``: the rows (cells parted by 2–4 spaces or a tab, or one cell a
  line, with or without their 序号) below 20–40 lines of a news story's prose;
- ``render_fewrows_paragraphs``: one row a paragraph (a blank line between rows), its cells parted
  by 2+ spaces or a tab, the header line above them or none;
- ``render_fewrows_header_split``: the header's words broken over two lines (序号 / 工作 / 进展 /
  牵头 over 任务 / 情况 / 单位), the rows one a line below.

The gold is the rows as written (gold-conventions.md); a row written without its 序号 has no
seq_text and is numbered by its place.
"""

from __future__ import annotations

import random

from renders import Render, new_gold, rng_for
from renders.basic import numbered

# A news story's sentences (made up, in the register of a county's news page): what stands above a
# table an excerpt keeps. None names a task, a unit or a figure of any gold.
NEWS = (
    "近日，县委县政府召开专题会议，研究部署下一阶段重点工作。",
    "会议指出，今年以来全县上下认真贯彻落实上级决策部署，经济社会发展总体平稳。",
    "会议强调，各级各部门要进一步统一思想、提高认识，切实增强责任感和紧迫感。",
    "要坚持问题导向，聚焦群众急难愁盼问题，拿出务实管用的举措。",
    "要强化统筹协调，加强部门之间的沟通配合，形成工作合力。",
    "要压实工作责任，明确时间节点，确保各项任务按期保质完成。",
    "会上，与会人员围绕有关议题进行了深入讨论，并提出了意见建议。",
    "据了解，相关工作已纳入年度目标考核，将定期开展督查通报。",
    "下一步，将持续跟踪问效，及时协调解决推进中遇到的困难和问题。",
    "各乡镇、各有关单位主要负责同志参加会议。",
    "本次会议以视频形式召开，在各分会场设立收听收看点。",
    "会议通报了上半年全县经济运行情况，分析了当前面临的形势。",
    "与会同志一致表示，将以更加饱满的热情投入到各项工作中去。",
    "会议要求，要把握时间节点，倒排工期，挂图作战。",
    "现将有关情况通报如下。",
)
FORMS = ("spaces", "tab", "unnumbered", "spaces-unnumbered")
SEQ_WORDS = ("序号", "编号", "序 号")
TASK_WORDS = ("工作任务", "重点任务", "目标任务", "任务内容")
PROGRESS_WORDS = ("进展情况", "完成情况", "推进情况", "落实情况")
UNIT_WORDS = ("牵头单位", "责任单位", "责任部门")


def _units(row: dict) -> str:
    return "、".join(row.get("lead_units", []))


def _cells(row: dict, numbered_: bool) -> list[str]:
    cells = [row["task"], row["progress"], _units(row) or "—"]
    return [row["seq_text"], *cells] if numbered_ else cells


def _fit(rows: list[dict]) -> bool:
    for row in rows:
        texts = [row["task"], row["progress"], *row.get("lead_units", [])]
        if any("\t" in t or "  " in t or not t.strip() for t in texts[:2]):
            return False
    return True


def _pick(gold: dict, meta: dict, salt: str) -> tuple[list[dict], random.Random] | None:
    rows = numbered(gold)
    if rows is None:
        return None
    rng = rng_for(meta, salt)
    rows = rows[: rng.randint(2, 5)]
    if len(rows) < 2 or not _fit(rows):
        return None
    return rows, rng


def _finish(gold: dict, rows: list[dict], text: str, form: str, seq: bool) -> tuple[str, dict]:
    if not seq:  # no 序号 printed: seq is the row's place, no seq_text
        rows = [{k: v for k, v in row.items() if k != "seq_text"} for row in rows]
    return text, new_gold(gold, rows, None, form=form)


def _row_lines(rows: list[dict], form: str, rng: random.Random, header: bool) -> list[str]:
    seq = "unnumbered" not in form
    names = [rng.choice(SEQ_WORDS), rng.choice(TASK_WORDS), rng.choice(PROGRESS_WORDS), rng.choice(UNIT_WORDS)]
    if not seq:
        names = names[1:]
    if form == "unnumbered":  # one cell a line
        lines = list(names) if header else []
        for row in rows:
            lines += _cells(row, False)
        return lines
    gap = "\t" if form == "tab" else " " * rng.randint(2, 4)
    lines = [gap.join(names)] if header else []
    return lines + [gap.join(_cells(row, seq)) for row in rows]


def _prose_above(gold: dict, meta: dict) -> tuple[str, dict] | None:
    found = _pick(gold, meta, "prose-above")
    if found is None:
        return None
    rows, rng = found
    form = rng.choice(FORMS)
    story = [rng.choice(NEWS) for _ in range(rng.randint(20, 40))]
    text = "\n".join([*story, *_row_lines(rows, form, rng, header=rng.random() < 0.5)]) + "\n"
    return _finish(gold, rows, text, form, "unnumbered" not in form)


def _paragraphs(gold: dict, meta: dict) -> tuple[str, dict] | None:
    found = _pick(gold, meta, "paragraphs")
    if found is None:
        return None
    rows, rng = found
    form = rng.choice(("spaces", "tab", "spaces-unnumbered"))
    lines = _row_lines(rows, form, rng, header=rng.random() < 0.5)
    title = rng.choice(("重点工作推进情况", "民生实事项目进展情况", "重點工作落實情況"))
    text = title + "\n\n" + "\n\n".join(lines) + "\n"
    return _finish(gold, rows, text, form, "unnumbered" not in form)


def _header_split(gold: dict, meta: dict) -> tuple[str, dict] | None:
    found = _pick(gold, meta, "header-split")
    if found is None:
        return None
    rows, rng = found
    gap = "\t" if rng.random() < 0.4 else " " * rng.randint(2, 4)
    words = [rng.choice(TASK_WORDS), rng.choice(PROGRESS_WORDS), rng.choice(UNIT_WORDS)]
    top = ["序", *(w[:2] for w in words)]
    bottom = ["号", *(w[2:] for w in words)]
    lines = [gap.join(top), gap.join(bottom)] + [gap.join(_cells(row, True)) for row in rows]
    title = rng.choice(("重点工作任务推进情况", "2023年重点任务落实情况表"))
    text = title + "\n" + "\n".join(lines) + "\n"
    return _finish(gold, rows, text, "header-split", True)


RENDERS = {
    "render_fewrows_prose_above": Render(
        _prose_above, "2–5 rows (spaced, tab or one cell a line; 序号 or none) under 20–40 lines of news prose"
    ),
    "render_fewrows_paragraphs": Render(_paragraphs, "2–5 rows, one a paragraph, cells parted by 2+ spaces or a tab"),
    "render_fewrows_header_split": Render(
        _header_split, "2–5 spaced rows under a header whose words are broken over two lines"
    ),
}
