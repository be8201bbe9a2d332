"""Tables whose header does not say which column is the task and which the report.

The gold's rows as a table (bars, tabs, columns aligned with spaces, or one cell a line) under a
header the vocabulary cannot read: no header line at all (the rows only, as an excerpt cut below
the header prints them); header words no synonym or morpheme holds (攻坚方向, 当前成果, 承担方);
words whose morphemes point the wrong way (工作成果 and 已开展工作 head what was done, yet end in 工作
or 成果, which the morphemes read as a task's); compounds of known morphemes that no synonym lists
(事项名称, 取得成效, 责任主体). Two further tables whose columns are not the usual four: a plan table
(the task, one or two prose columns of targets, measures or plans, the units, maybe a deadline: no
report column, so the gold's progress is ""), and a name column beside a content column (the task is
the name; the content stays a cell of its own). Each render shows one such header alone.

Added cells are never made up: they are cells of that kind from another dev document's gold
(``renders.columns30`` pools: targets, measures, plans, deadlines), with no figure in them.
"""

from __future__ import annotations

from renders import Render, new_gold, rng_for
from renders.basic import numbered
from renders.columns30 import _filler, _pools, _traditional, _width

# Header words by the column they head. UNKNOWN: words that claim no field (checked by the tests:
# headers.header_candidates finds nothing in them); MISLEADING: words of what was done whose
# morphemes read as a task's (工作, 成果 …); MORPHEME: compounds of known morphemes, no synonym.
UNKNOWN = {
    "seq": ("序号", "序号", "编号"),
    "task": ("攻坚方向", "主攻方向", "考核条目", "条目", "子项"),
    "progress": ("当前成果", "阶段成果", "近况", "目前成果", "阶段性成果", "主要做法"),
    "lead": ("承担方", "负责方", "归口", "承接方"),
}
MISLEADING = {
    "seq": ("序号", "编号"),
    "task": ("工作任务", "重点任务", "主要任务", "任务内容"),
    "progress": ("工作成果", "已开展工作", "已做工作", "工作成效", "已开展的工作"),
    "lead": ("牵头单位", "责任单位", "责任部门"),
}
MORPHEME = {
    "seq": ("序号", "编号", "序號"),
    "task": ("事项名称", "攻坚事项", "工作清单", "任务清单", "重点攻坚事项"),
    "progress": ("开展情况", "取得成效", "做法成效", "工作开展情况", "亮点成效"),
    "lead": ("责任主体", "实施主体", "责任方", "承办主体"),
}
# A plan table's prose columns (no report among them: 预期成效 is what is hoped for, 工作思路 how).
PLAN_COLUMNS = ("具体安排", "推进举措", "实施举措", "工作思路", "预期成效", "目标值", "工作措施", "具体目标")
PLAN_TASK = ("工作任务", "重点任务", "事项名称", "攻坚方向", "主要任务", "任务")
NAME_WORDS = ("事项名称", "项目", "名称", "考核条目", "工作事项")
CONTENT_WORDS = ("具体内容", "实施内容", "主要内容", "建设内容", "内容")
KNOWN_PROGRESS = ("进展情况", "完成情况", "推进情况", "工作进展")
LEAD_WORDS = ("牵头单位", "责任单位", "责任主体", "承担方")
DEADLINE_WORDS = ("完成时限", "时间节点", "完成时间")
STYLES = ("pipe", "tabs", "spaces")


def _lines(header: list[str] | None, body: list[list[str]], style: str, rng) -> list[str]:
    """The table written in ``style``: bars (a rule under the header, sometimes), tabs, columns padded
    with spaces to their display width, or one cell a line (an empty cell leaves no line)."""
    rows = ([header] if header else []) + body
    if style == "pipe":
        lines = ["| " + " | ".join(r) + " |" for r in rows]
        if header and rng.random() < 0.5:
            lines.insert(1, "|" + "---|" * len(header))
        return lines
    if style == "tabs":
        return ["\t".join(r) for r in rows]
    if style == "spaces":
        widths = [max(_width(r[j]) for r in rows) for j in range(len(rows[0]))]
        return ["  ".join(c + " " * (widths[j] - _width(c)) for j, c in enumerate(r)).rstrip() for r in rows]
    return [cell for r in rows for cell in r if cell]


def _word(words: tuple[str, ...], rng, traditional: bool) -> str:
    word = rng.choice(words)
    return word.translate(_traditional()) if traditional else word


def _usual(gold: dict, meta: dict, salt: str, family: dict | None, styles: tuple[str, ...]) -> tuple[str, dict] | None:
    """序号 | task | progress | units (the units before the progress, sometimes), under a header of
    ``family``'s words, or none when ``family`` is None."""
    rows = numbered(gold, need_units=True)
    if rows is None:
        return None
    rng = rng_for(meta, salt)
    style = rng.choice(styles)
    traditional = rng.random() < 0.25
    roles = ["seq", "task", "progress", "lead"] if rng.random() < 0.6 else ["seq", "task", "lead", "progress"]
    header = [_word(family[r], rng, traditional) for r in roles] if family else None
    body = []
    for row in rows:
        cells = {"seq": row["seq_text"], "task": row["task"], "progress": row["progress"]}
        cells["lead"] = "、".join(row["lead_units"])
        body.append([cells[r] for r in roles])
    return "\n".join(_lines(header, body, style, rng)) + "\n", new_gold(gold, rows)


def _plan_table(gold: dict, meta: dict) -> tuple[str, dict] | None:
    """序号 | task | one or two prose columns (targets, measures, plans) | units | deadline (sometimes):
    no report column, so every row's progress is ""."""
    rows = numbered(gold, need_progress=False)
    if rows is None or not _pools()["measure"] or not _pools()["target"]:
        return None
    rng = rng_for(meta, "plan")
    style = rng.choice((*STYLES, "stream"))
    traditional = rng.random() < 0.25
    units = any(r.get("lead_units") for r in rows)
    prose = rng.sample(PLAN_COLUMNS, 2 if rng.random() < 0.5 else 1)
    deadline = rng.random() < 0.5
    header = ["序号", _word(PLAN_TASK, rng, traditional)]
    header += [w.translate(_traditional()) if traditional else w for w in prose]
    header += [_word(LEAD_WORDS, rng, traditional)] if units else []
    header += [_word(DEADLINE_WORDS, rng, traditional)] if deadline else []
    body = []
    for row in rows:
        cells = [row["seq_text"], row["task"]]
        cells += [_filler(rng.choice(("measure", "target", "plan")), meta, rng) or "—" for _ in prose]
        cells += ["、".join(row.get("lead_units", [])) or "—"] if units else []
        cells += [_filler("deadline", meta, rng) or "年底前"] if deadline else []
        body.append(cells)
        row["progress"], row["issues"] = "", []
        row["figures"] = [f for f in row.get("figures", []) if f.get("field") == "task"]
    return "\n".join(_lines(header, body, style, rng)) + "\n", new_gold(gold, rows)


def _name_content(gold: dict, meta: dict) -> tuple[str, dict] | None:
    """序号 | name (the gold's task) | content (a target or measure of another document) | progress |
    units: the task is the name, the content a cell of its own."""
    rows = numbered(gold, need_units=True)
    if rows is None or not _pools()["target"]:
        return None
    rng = rng_for(meta, "name_content")
    style = rng.choice(STYLES)
    traditional = rng.random() < 0.25
    progress_words = KNOWN_PROGRESS if rng.random() < 0.5 else UNKNOWN["progress"] + MISLEADING["progress"]
    header = ["序号", _word(NAME_WORDS, rng, traditional), _word(CONTENT_WORDS, rng, traditional)]
    header += [_word(progress_words, rng, traditional), _word(LEAD_WORDS, rng, traditional)]
    body = []
    for row in rows:
        content = _filler(rng.choice(("target", "measure")), meta, rng) or "—"
        body.append([row["seq_text"], row["task"], content, row["progress"], "、".join(row["lead_units"])])
    return "\n".join(_lines(header, body, style, rng)) + "\n", new_gold(gold, rows)


def _render(salt: str, family: dict | None, styles: tuple[str, ...], doc: str) -> Render:
    return Render(lambda gold, meta: _usual(gold, meta, salt, family, styles), doc)


RENDERS = {
    "render_c31_rows_only": _render(
        "rows_only", None, STYLES, "no header line: 序号|task|progress|units rows only (bars, tabs or spaces)"
    ),
    "render_c31_rows_only_stream": _render(
        "rows_only_stream", None, ("stream",), "no header line, one cell a line (序号, task, progress, units)"
    ),
    "render_c31_unknown_words": _render(
        "unknown", UNKNOWN, STYLES, "header words no synonym or morpheme holds (攻坚方向|当前成果|承担方)"
    ),
    "render_c31_unknown_stream": _render(
        "unknown_stream", UNKNOWN, ("stream",), "header words no synonym or morpheme holds, one cell a line"
    ),
    "render_c31_misleading_words": _render(
        "misleading",
        MISLEADING,
        (*STYLES, "stream"),
        "a report column headed 工作成果 / 已开展工作 (morphemes of a task's) beside a task column",
    ),
    "render_c31_morpheme_words": _render(
        "morpheme",
        MORPHEME,
        (*STYLES, "stream"),
        "compounds of known morphemes no synonym lists (事项名称|取得成效|责任主体)",
    ),
    "render_c31_plan_table": Render(
        _plan_table, "task | one or two plan columns (具体安排, 预期成效, 推进举措 …) | units | 时限: progress ''"
    ),
    "render_c31_name_content": Render(
        _name_content, "a name column (the task) beside a content column (具体内容), then the report and the units"
    ),
}
