"""Records stage: assembled tables → pydantic rows with items found by the rules."""

from __future__ import annotations

from collections import Counter

from extractor.models import Column, Period, Row, Table, Warning
from extractor.rules.assess import assess
from extractor.rules.cells import find_issues, find_statements, split_units
from extractor.rules.dates import find_dates
from extractor.rules.figures import context_patterns, extract_figures
from extractor.rules.status import row_status
from extractor.table import AssembledTable, parse_seq
from extractor.textnorm import match_view

# Fields whose text is read for figures, problems and statements; the others are names and dates.
CONTENT_FIELDS = ("task", "progress", "issues", "plan")
# Fields read for date mentions: the content, and the deadline column (完成时限).
DATE_FIELDS = (*CONTENT_FIELDS, "deadline")


def home_scope(tables: list[AssembledTable]) -> str | None:
    """The document's own area ("全区") from the level most lead units carry (区商务委 → 区)."""
    unit_level = context_patterns()["unit_level"]
    levels: Counter[str] = Counter()
    for table in tables:
        column = table.column_of("lead_units")
        if column is None:
            continue
        for row in table.rows:
            for unit in split_units(row.texts[column]):
                match = unit_level.match(match_view(unit))
                if match:
                    levels[match.group(1)] += 1
    return f"全{levels.most_common(1)[0][0]}" if levels else None


def build_table(
    table: AssembledTable, index: int, scope: str | None, period: Period | None = None
) -> tuple[Table, list[Warning]]:
    warnings = [Warning(code=w.code, message=w.message, row=w.row, table=index) for w in table.warnings]
    rows = []
    for row_index, raw in enumerate(table.rows):
        cells = {column.key: text for column, text in zip(table.columns, raw.texts, strict=True)}
        row = build_row(cells, raw.section, raw.pages, scope, period)
        if table.column_of("seq") is None:
            row.seq = row_index + 1  # no 序号 column: the row's position (seq_text stays null)
        if row.seq is None and cells.get("seq", "").strip():
            warnings.append(
                Warning(
                    code="unreadable_seq", message=f"序号 {cells['seq']!r} is not a number", row=row_index, table=index
                )
            )
        rows.append(row)
    columns = [Column(header=c.header, field=c.field) for c in table.columns]
    return Table(
        attachment=table.attachment,
        title=table.title,
        layout=table.layout,
        confidence=table.confidence,
        columns=columns,
        pages=table.pages,
        rows=rows,
    ), warnings


def build_row(
    cells: dict[str, str], section: str | None, pages: list[int], scope: str | None, period: Period | None = None
) -> Row:
    issues = []
    for field in ("progress", "task", "plan"):
        if cells.get(field):
            issues.extend(find_issues(cells[field], field))
    if cells.get("issues"):
        issues.extend(find_issues(cells["issues"], "issues", labelled=True))
    statements = []
    figures = []
    for field in CONTENT_FIELDS:
        text = cells.get(field)
        if not text:
            continue
        figures.extend(extract_figures(text, field, home_scope=scope))
        if field != "task":
            statements.extend(find_statements(text, field, issues))
    dates = [d for field in DATE_FIELDS if cells.get(field) for d in find_dates(cells[field], field, period)]
    assessments = assess(figures, period, task=cells.get("task") or "", cells=cells)
    status = row_status(cells, figures, statements, issues, period, assessments)
    seq_text = cells.get("seq")
    return Row(
        seq=parse_seq(seq_text) if seq_text else None,
        seq_text=seq_text,
        section=section,
        task=cells.get("task"),
        progress=cells.get("progress"),
        lead_units=split_units(cells.get("lead_units", "")),
        partner_units=split_units(cells.get("partner_units", "")),
        cells=cells,
        issues=issues,
        statements=statements,
        figures=figures,
        dates=dates,
        status=status,
        assessments=assessments,
        pages=pages,
    )


def number_rows(tables: list[Table]) -> None:
    """``seq`` across the document: the printed 序号 when every row has one of its own, else (rows
    without a number, numbering that starts again under each section or table) the row's position
    in the document, from 1. ``seq_text`` keeps what was printed either way."""
    rows = [row for table in tables for row in table.rows]
    printed = [row.seq if row.seq_text else None for row in rows]
    if all(seq is not None for seq in printed) and len(set(printed)) == len(printed):
        return
    for position, row in enumerate(rows, 1):
        row.seq = position
