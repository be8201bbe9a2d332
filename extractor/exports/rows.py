"""Flat, tabular views of a JSON record (a document's, or a failed file's): one dict per task, figure,
issue and warning, with fixed columns, so CSV, Excel, Parquet, pandas and Spark read the same shape.

Indices (``table``, ``row``) count from 0, as in the record's warnings; ``seq`` is the printed 序号.
A failed file gives one task row carrying ``error_code`` / ``error_message`` and one warning row of
level ``error``: its place in a table is never silently empty.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Record = dict[str, Any]

TASK_COLUMNS = (
    "path",
    "table",
    "row",
    "seq",
    "seq_text",
    "attachment",
    "table_title",
    "section",
    "task",
    "progress",
    "lead_units",
    "partner_units",
    "deadline",
    "status",
    "completion",
    "figures",
    "issues",
    "pages",
    "error_code",
    "error_message",
)
FIGURE_COLUMNS = (
    "path",
    "table",
    "row",
    "seq",
    "field",
    "text",
    "start",
    "end",
    "kind",
    "value",
    "value_max",
    "unit",
    "basis",
    "qualifier",
    "scope",
    "subject",
    "role",
    "currency_assumed",
    "rule",
)
ISSUE_COLUMNS = ("path", "table", "row", "seq", "field", "text", "start", "end", "rule")
WARNING_COLUMNS = ("path", "level", "code", "message", "field", "table", "row")

# Lists in one cell: unit names are joined with the separator the documents themselves use.
LIST_SEPARATOR = "、"


def source_path(record: Record) -> str | None:
    return (record.get("source") or {}).get("path")


def _rows_of(record: Record) -> Iterator[tuple[int, dict[str, Any], int, dict[str, Any]]]:
    for table_index, table in enumerate(record.get("tables") or ()):
        for row_index, row in enumerate(table.get("rows") or ()):
            yield table_index, table, row_index, row


def task_rows(record: Record) -> list[dict[str, Any]]:
    """One row per task (a row of a table); one row holding the error for a failed file."""
    path = source_path(record)
    if "error" in record:
        error = record["error"]
        row = dict.fromkeys(TASK_COLUMNS)
        row.update(path=path, error_code=error.get("code"), error_message=error.get("message"))
        return [row]
    rows = []
    for table_index, table, row_index, row in _rows_of(record):
        status = row.get("status") or {}
        rows.append(
            {
                "path": path,
                "table": table_index,
                "row": row_index,
                "seq": row.get("seq"),
                "seq_text": row.get("seq_text"),
                "attachment": table.get("attachment"),
                "table_title": table.get("title"),
                "section": row.get("section"),
                "task": row.get("task"),
                "progress": row.get("progress"),
                "lead_units": LIST_SEPARATOR.join(row.get("lead_units") or ()),
                "partner_units": LIST_SEPARATOR.join(row.get("partner_units") or ()),
                "deadline": (row.get("cells") or {}).get("deadline"),
                "status": status.get("value"),
                "completion": status.get("completion"),
                "figures": len(row.get("figures") or ()),
                "issues": len(row.get("issues") or ()),
                "pages": ",".join(str(page) for page in row.get("pages") or ()),
                "error_code": None,
                "error_message": None,
            }
        )
    return rows


def _item_row(path: str | None, table: int, row_index: int, row: dict[str, Any], item: dict[str, Any]) -> dict:
    start, end = item.get("span") or (None, None)
    return {
        "path": path,
        "table": table,
        "row": row_index,
        "seq": row.get("seq"),
        "field": item.get("field"),
        "text": item.get("text"),
        "start": start,
        "end": end,
    }


def figure_rows(record: Record) -> list[dict[str, Any]]:
    """One row per figure, with its row's place (path, table, row, seq) and its span in the cell."""
    path = source_path(record)
    rows = []
    for table_index, _, row_index, row in _rows_of(record):
        for figure in row.get("figures") or ():
            flat = _item_row(path, table_index, row_index, row, figure)
            flat.update({name: figure.get(name) for name in FIGURE_COLUMNS if name not in flat})
            rows.append(flat)
    return rows


def issue_rows(record: Record) -> list[dict[str, Any]]:
    path = source_path(record)
    rows = []
    for table_index, _, row_index, row in _rows_of(record):
        for issue in row.get("issues") or ():
            flat = _item_row(path, table_index, row_index, row, issue)
            flat["rule"] = issue.get("rule")
            rows.append(flat)
    return rows


def warning_rows(record: Record) -> list[dict[str, Any]]:
    """The document's warnings (level ``warning``), or the failed file's error (level ``error``)."""
    path = source_path(record)
    if "error" in record:
        error = record["error"]
        return [dict(dict.fromkeys(WARNING_COLUMNS), path=path, level="error", **error)]
    return [
        {
            "path": path,
            "level": "warning",
            "code": warning.get("code"),
            "message": warning.get("message"),
            "field": warning.get("field"),
            "table": warning.get("table"),
            "row": warning.get("row"),
        }
        for warning in record.get("warnings") or ()
    ]


SHEETS = {
    "tasks": (TASK_COLUMNS, task_rows),
    "figures": (FIGURE_COLUMNS, figure_rows),
    "issues": (ISSUE_COLUMNS, issue_rows),
    "warnings": (WARNING_COLUMNS, warning_rows),
}
