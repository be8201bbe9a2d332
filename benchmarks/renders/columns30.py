"""Tables whose columns are not the usual four: the gold's rows as a table (bars, tabs, or columns
aligned with spaces) with columns publishers add around the task, its report and its units.

Each render keeps the gold's task, progress and lead units in their columns and adds columns of
another kind beside them: no progress column at all (a 工作措施 and a 完成时限 instead: the gold's
progress is then ""), a target column beside a name column (the task is the name), a partner-units
column beside the lead units (牵头 | 配合, either order), a leader's name beside the units, a deadline,
the report split into 进展 | 存在问题 | 下步打算 (the issues are the 存在问题 cell's). Header words are
drawn from families of words publishers use for the same column, sometimes in traditional script.

The filler of an added column is never made up: it is a cell of that kind from another dev
document's gold (its ``cells``: a 配合单位 under a 配合单位, a leader's name under a 责任领导 …, or an
issue item under 存在问题). Fillers with digits are left out, so that no figure stands in an added
column (the gold would have to hold it); a deadline's date is no figure.
"""

from __future__ import annotations

import json
import tomllib
import unicodedata
from functools import cache
from pathlib import Path

import regex

from renders import Render, new_gold, rng_for
from renders.basic import numbered

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "corpus" / "dev"
DATA = ROOT / "extractor" / "data"

# Header words by the column they head (the families publishers write for one meaning).
HEADERS = {
    "seq": ("序号", "序号", "编号", "序號"),
    "task": ("工作任务", "重点任务", "目标任务", "任务内容", "工作事项", "重点工作", "主要任务"),
    "name": ("项目名称", "任务名称", "事项名称", "指标名称", "工作项目", "项目"),
    "target": ("年度目标", "工作目标", "目标任务", "年度目标任务", "目标要求", "建设内容"),
    "progress": ("进展情况", "完成情况", "推进情况", "工作进展", "落实情况", "目前进展", "工作推进情况"),
    "issues": ("存在问题", "存在困难", "主要问题", "困难和问题", "存在的问题"),
    "plan": ("下步打算", "下一步工作计划", "下步计划", "下一步打算", "下阶段工作安排"),
    "lead": ("牵头单位", "责任单位", "牵头部门", "责任部门", "主办单位", "牵头责任单位"),
    "lead_with_partner": ("牵头单位", "牵头部门", "主责单位", "牵头责任单位"),
    # (责任单位 beside a 牵头单位 is the units sharing the work: the lead units are the 牵头 column's)
    "partner": ("配合单位", "协办单位", "配合部门", "参与单位", "协同单位", "责任单位", "责任部门"),
    "person": ("责任领导", "牵头领导", "分管领导", "牵头市领导", "责任人", "分管区领导"),
    "deadline": ("完成时限", "完成时间", "时间节点", "完成期限", "时限要求"),
    "measure": ("工作措施", "主要措施", "具体措施", "推进举措", "工作举措", "细化措施"),
}
DIGIT = regex.compile(r"[0-9０-９]")
PERSON = regex.compile(r"^\p{Han}{2,4}(?:[、，,]\p{Han}{2,4})*$")


@cache
def _traditional() -> dict[int, str]:
    table: dict[int, str] = {}
    for name in ("variants.toml", "t2s.toml"):
        for pair in tomllib.loads((DATA / name).read_text("utf-8"))["pairs"].split():
            traditional, simplified = pair[0], pair[1:]
            if len(simplified) == 1:
                table.setdefault(ord(simplified), traditional)
    return table


@cache
def _pools() -> dict[str, list[tuple[str, str]]]:
    """(document stem, cell) of each kind, from the dev documents' gold cells and issue items."""
    pools: dict[str, list[tuple[str, str]]] = {
        k: [] for k in ("person", "partner", "deadline", "target", "measure", "plan", "issue")
    }
    for path in sorted(DEV.glob("*.gold.json")):
        stem = path.name.removesuffix(".gold.json")
        for row in json.loads(path.read_text("utf-8")).get("rows", []):
            for item in row.get("issues", []):
                if 6 <= len(item) <= 60 and not DIGIT.search(item) and not regex.search(r"[；;|\n]", item):
                    pools["issue"].append((stem, item))
            for header, cell in (row.get("cells") or {}).items():
                if not isinstance(cell, str) or "|" in cell or "\n" in cell or "\t" in cell:
                    continue
                cell = cell.strip()
                if not cell or len(cell) > 80:
                    continue
                kind = _kind(header, cell)
                if kind and (kind == "deadline" or not DIGIT.search(cell)):  # (dates are no figures)
                    pools[kind].append((stem, cell))
    return pools


def _kind(header: str, cell: str) -> str | None:
    """What an analyst would call the cell under ``header``, for the kinds the renders add."""
    if regex.search(r"领导|責任人|责任人|负责人", header) and PERSON.match(cell.replace(" ", "")):
        return "person"
    if regex.search(r"配合|协办|協辦|协同|共同|参与", header):
        return "partner"
    if regex.search(r"时限|完成时间|期限|时间节点", header):
        return "deadline"
    if regex.search(r"措施|举措|具体内容|建设内容|内容及规模", header):
        return "measure"
    if regex.search(r"计划|計劃|打算", header) and not regex.search(r"年度计划", header):
        return "plan"
    if regex.search(r"目标|目標", header) and len(cell) >= 4:
        return "target"
    return None


# What an added column may hold: a 工作措施 column holds measures, or plans and contents worded alike.
FILLED_FROM = {"measure": ("measure", "plan")}


def _filler(kind: str, meta: dict, rng) -> str:
    kinds = FILLED_FROM.get(kind, (kind,))
    pool = [cell for k in kinds for stem, cell in _pools()[k] if stem != meta.get("stem")]
    return rng.choice(pool) if pool else ""


def _header(kind: str, rng, traditional: bool) -> str:
    word = rng.choice(HEADERS[kind])
    return word.translate(_traditional()) if traditional else word


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(header: list[str], body: list[list[str]], rng) -> str:
    """The table in one of three writings: bars (with or without a rule under the header), tabs, or
    columns aligned with spaces (each cell padded to its column's display width)."""
    style = rng.choice(("pipe", "pipe", "tabs", "spaces"))
    rows = [header, *body]
    if style == "pipe":
        lines = ["| " + " | ".join(r) + " |" for r in rows]
        if rng.random() < 0.6:
            lines.insert(1, "|" + "---|" * len(header))
    elif style == "tabs":
        lines = ["\t".join(r) for r in rows]
    else:
        widths = [max(_width(r[j]) for r in rows) for j in range(len(header))]
        lines = ["  ".join(c + " " * (widths[j] - _width(c)) for j, c in enumerate(r)).rstrip() for r in rows]
    return "\n".join(lines) + "\n"


def _compose(gold: dict, meta: dict, salt: str, wanted: dict[str, float]) -> tuple[str, dict] | None:
    """The gold's rows as a table with the added columns ``wanted`` (kind → chance of each one; a
    kind with chance 1 is always there) in an order a publisher might choose."""
    rng = rng_for(meta, salt)
    no_progress = rng.random() < wanted.get("no_progress", 0.0)
    rows = numbered(gold, need_progress=not no_progress)
    if rows is None:
        return None
    has = {kind: rng.random() < chance for kind, chance in wanted.items() if kind != "no_progress"}
    if no_progress:
        has["measure"] = True
        has["issues"] = has["plan"] = False
    if not any(r.get("lead_units") for r in rows):
        if wanted.get("partner", 0.0) >= 1 or wanted.get("person", 0.0) >= 1:
            return None  # (a render about the units' columns needs units)
        has["partner"] = has["lead"] = False  # no units: no units column, rather than an empty one
    else:
        has["lead"] = True
    if any(has.get(kind) and not _pools()[kind] for kind in ("partner", "person")):
        return None
    traditional = rng.random() < 0.25
    columns: list[tuple[str, str]] = [("seq", _header("seq", rng, traditional))]
    if has.get("target"):
        columns += [("task", _header("name", rng, traditional)), ("target", _header("target", rng, traditional))]
    else:
        columns.append(("task", _header("task", rng, traditional)))
    if has.get("measure"):
        columns.append(("measure", _header("measure", rng, traditional)))
    units: list[tuple[str, str]] = []
    if not has["lead"]:
        pass
    elif has.get("partner"):
        units = [
            ("lead", _header("lead_with_partner", rng, traditional)),
            ("partner", _header("partner", rng, traditional)),
        ]
        if rng.random() < 0.4:
            units.reverse()
    else:
        units = [("lead", _header("lead", rng, traditional))]
    if has.get("person") and units:
        units.insert(rng.randrange(len(units) + 1), ("person", _header("person", rng, traditional)))
    report: list[tuple[str, str]] = []
    if not no_progress:
        report.append(("progress", _header("progress", rng, traditional)))
        if has.get("issues"):
            report.append(("issues", _header("issues", rng, traditional)))
        if has.get("plan"):
            report.append(("plan", _header("plan", rng, traditional)))
    tail = [("deadline", _header("deadline", rng, traditional))] if has.get("deadline") else []
    columns += units + report + tail if rng.random() < 0.5 else report + units + tail
    body = []
    for row in rows:
        cells = {
            "seq": row["seq_text"],
            "task": row["task"],
            "progress": row.get("progress", ""),
            "lead": "、".join(row.get("lead_units", [])),
        }
        if no_progress:
            row["progress"] = ""
            row["issues"] = []
            row["figures"] = [f for f in row.get("figures", []) if f.get("field") == "task"]
        for kind in ("target", "measure", "partner", "person", "deadline", "plan"):
            if has.get(kind):
                cells[kind] = _filler(kind, meta, rng)
        if has.get("issues"):
            row["issues"] = []
            cells["issues"] = "无"
            if rng.random() < 0.6:
                item = _filler("issue", meta, rng)
                cells["issues"] = item
                row["issues"] = [item]
            row["cells"] = {"issues": cells["issues"]}
        body.append([cells[kind] for kind, _ in columns])
    return _table([name for _, name in columns], body, rng), new_gold(gold, rows)


def _render(salt: str, wanted: dict[str, float], doc: str) -> Render:
    return Render(lambda gold, meta: _compose(gold, meta, salt, wanted), doc)


RENDERS = {
    "render_cols_no_progress": _render(
        "no_progress",
        {"no_progress": 1.0, "deadline": 0.7, "person": 0.3},
        "a table with no progress column (任务 | 工作措施 | 责任单位 | 完成时限): progress ''",
    ),
    "render_cols_name_target": _render(
        "name_target", {"target": 1.0, "deadline": 0.3}, "a name column and a target column: the task is the name"
    ),
    "render_cols_partner": _render(
        "partner", {"partner": 1.0}, "牵头单位 and 配合单位 in either order: the lead units are the 牵头 column's"
    ),
    "render_cols_person": _render(
        "person", {"person": 1.0, "deadline": 0.4}, "a leader's name column beside the units: never a unit"
    ),
    "render_cols_split_report": _render(
        "split_report",
        {"issues": 1.0, "plan": 0.7},
        "the report split into 进展 | 存在问题 | 下步打算: progress the 进展 cell, issues the 存在问题 cell's",
    ),
    "render_cols_mixed": _render(
        "mixed",
        {"no_progress": 0.2, "target": 0.4, "partner": 0.5, "person": 0.4, "deadline": 0.5, "issues": 0.4, "plan": 0.3},
        "any mix of the added columns above",
    ),
}
