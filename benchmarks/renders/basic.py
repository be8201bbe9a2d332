"""The control render: the gold's rows as a plain pipe table. Every other render's loss is read
against this one (a document whose gold cannot be read back even as a clean table says nothing
about a layout)."""

from __future__ import annotations

from renders import Render, gold_rows, new_gold


def numbered(gold: dict, *, need_progress: bool = True, need_units: bool = False) -> list[dict] | None:
    """The gold's rows numbered 1…n (seq and seq_text), issues kept only where the progress text
    holds them; None when fewer than two rows have a task (and a progress, a unit where needed) or
    a text field holds a line break or a bar."""
    rows = gold_rows(gold)
    rows = [r for r in rows if r.get("task")]
    if need_progress:
        rows = [r for r in rows if r.get("progress")]
    if need_units:
        rows = [r for r in rows if r.get("lead_units")]
    if len(rows) < 2:
        return None
    for n, row in enumerate(rows, 1):
        texts = [row.get("task", ""), row.get("progress", ""), *row.get("lead_units", [])]
        if any("\n" in t or "|" in t or "\r" in t for t in texts):
            return None
        row["seq"], row["seq_text"] = n, str(n)
        row.pop("section", None)
        row["issues"] = [i for i in row.get("issues", []) if i in row.get("progress", "")]
    return rows


def _pipe_table(gold: dict, meta: dict) -> tuple[str, dict] | None:
    rows = numbered(gold)
    if rows is None:
        return None
    lines = ["| 序号 | 工作任务 | 进展情况 | 牵头单位 |", "|---|---|---|---|"]
    for row in rows:
        lines.append(f"| {row['seq_text']} | {row['task']} | {row['progress']} | {'、'.join(row['lead_units'])} |")
    return "\n".join(lines) + "\n", new_gold(gold, rows)


RENDERS = {
    "render_pipe_table": Render(
        _pipe_table, "control: the gold's rows as a clean pipe table (序号|工作任务|进展情况|牵头单位)"
    ),
}
