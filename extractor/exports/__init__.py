"""Exports: flat rows (tasks, figures, issues, warnings) for CSV, Excel, Parquet and pandas, and
LangExtract-compatible records. They read the JSON records ``extractor.output`` makes, so a
document and a failed file's error record export alike."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from extractor.exports.langextract import langextract_document
from extractor.exports.rows import (
    FIGURE_COLUMNS,
    ISSUE_COLUMNS,
    SHEETS,
    TASK_COLUMNS,
    WARNING_COLUMNS,
    figure_rows,
    issue_rows,
    task_rows,
    warning_rows,
)

if TYPE_CHECKING:
    import pandas

    from extractor.models import Document

__all__ = [
    "FIGURE_COLUMNS",
    "ISSUE_COLUMNS",
    "TASK_COLUMNS",
    "WARNING_COLUMNS",
    "dataframe",
    "document_rows",
    "figure_rows",
    "issue_rows",
    "langextract_document",
    "task_rows",
    "warning_rows",
]


def _record(document: Document | dict[str, Any]) -> dict[str, Any]:
    if isinstance(document, dict):
        return document
    from extractor.output import document_dict

    return document_dict(document)


def document_rows(document: Document | dict[str, Any], kind: str = "tasks") -> list[dict[str, Any]]:
    """The flat rows of a Document (or a JSON record): ``kind`` tasks, figures, issues or warnings."""
    if kind not in SHEETS:
        raise ValueError(f"kind must be one of {', '.join(SHEETS)}, not {kind!r}")
    return SHEETS[kind][1](_record(document))


def dataframe(documents: Any, kind: str = "tasks") -> pandas.DataFrame:
    """A pandas DataFrame of the flat rows of one Document / record, or of many, with fixed columns.

    Needs pandas (``pip install 'extractor[dask]'`` brings it, or install pandas itself).
    """
    try:
        import pandas
    except ImportError:
        raise ImportError("extractor's DataFrame view needs pandas: pip install 'extractor[dask]'") from None
    many = documents if isinstance(documents, list | tuple) else [documents]
    rows = [row for document in many for row in document_rows(document, kind)]
    return pandas.DataFrame(rows, columns=list(SHEETS[kind][0]))
