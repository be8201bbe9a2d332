"""The output contract: pydantic records. Field names are stable; additions bump SCHEMA_VERSION.

The rules and the records stage build the same records as plain objects (``extractor.plain``, the
same fields); ``from_plain`` makes these models of them for ``extractor.parse``. The CLI writes the
plain ones and never imports this module (pydantic is more than half of its start-up)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from extractor import plain
from extractor.plain import SCHEMA_VERSION

Format = Literal["txt", "docx", "pdf", "xlsx", "html", "doc", "xls", "image"]
FigureKind = Literal["amount", "percent", "change", "count", "quantity"]
StatementKind = Literal["progress", "issue", "cause", "measure", "plan", "forecast"]
Basis = Literal["yoy", "mom", "schedule", "target"]
DateKind = Literal["point", "period", "deadline"]
DateGrain = Literal["day", "month", "quarter", "half", "year", "holiday", "relative"]
StatusValue = Literal["done", "on_track", "behind", "stalled", "not_started", "unknown"]
# 以上/以下/以内 include the number itself (at_least / at_most, as 民法典 art. 1259 reads them);
# 超过/逾 exclude it (above). No word of data/figures.toml reads as an exclusive ceiling, so there is
# no "below": add it (a schema addition) with the word that needs it (不足, 不满).
Qualifier = Literal["at_least", "above", "at_most", "below", "about"]  # below: 不足, 未达 (1.3)
Role = Literal["target", "actual"]


class _Model(BaseModel):
    # ser_json_inf_nan: pydantic's JSON writes an infinite value as json.dumps does (Infinity, not
    # null), so output.document_json is the record's text exactly.
    # from_attributes: a plain record (extractor.plain) given for a nested model is read as one.
    model_config = ConfigDict(extra="forbid", ser_json_inf_nan="constants", from_attributes=True)


class Item(_Model):
    """A piece of one cell's text. ``cells[field][span[0]:span[1]] == text`` always holds."""

    text: str
    field: str = Field(description="The cell the item comes from: a field name, a header, or 'text'.")
    span: tuple[int, int] = Field(description="Half-open [start, end) character offsets into the cell text.")
    rule: str | None = Field(default=None, description="Id of the rule that found the item.")


class Statement(Item):
    kind: StatementKind


class Figure(Item):
    kind: FigureKind
    value: float = Field(description="In base units (元 not 亿元); signed for a change.")
    value_max: float | None = Field(default=None, description="Upper end of a range such as 30%-50%.")
    unit: str = Field(description="ISO currency code, '%', 'pp', 'x' (multiple) or the measure word.")
    currency_assumed: bool = Field(default=False, description="True when 元 was read as CNY.")
    basis: Basis | None = None
    qualifier: Qualifier | None = None
    scope: str | None = Field(default=None, description="Area the figure covers when not the document's own.")
    subject: str | None = Field(default=None, description="The metric measured, when stated just before.")
    role: Role | None = None


class DateMention(Item):
    """A date or period in a cell: 6月底, 一季度, 1-8月, “五一”期间, 2023年6月30日, 年底前, 下一步."""

    kind: DateKind = Field(description="point (a day or month), period (a span), deadline (by when: 年底前, 6月底).")
    grain: DateGrain
    start: str | None = Field(default=None, description="ISO date (YYYY-MM-DD) it starts, when the year is known.")
    end: str | None = Field(default=None, description="ISO date it ends (inclusive), when the year is known.")
    year_known: bool = Field(description="False when no year is written or given by the report period: not guessed.")


class Period(_Model):
    """The period the report covers, from its title or text (一季度, 截至5月15日, 1-8月, 2023年)."""

    text: str
    source: str = Field(description="Where it was read: 'title' or 'text'.")
    year: int | None = None
    start: str | None = Field(default=None, description="ISO date, when the year is known.")
    end: str | None = Field(default=None, description="ISO date, when the year is known.")
    elapsed: float | None = Field(
        default=None, description="Share of the year the period covers by its end (序时进度): 一季度 → 0.25."
    )


class SetAside(_Model):
    """A piece of evidence read and not used, with why (so an analyst can see what was weighed)."""

    item: Item
    reason: str


class Status(_Model):
    """How the row's task stands, with the items of its cells that decided it."""

    value: StatusValue
    evidence: list[Item] = Field(default_factory=list, description="Cue texts and spans that decided the status.")
    completion: float | None = Field(default=None, description="Completion share stated in the row (完成45% → 0.45).")
    schedule: float | None = Field(default=None, description="Share of the year elapsed (序时进度) used.")
    verdict: str | None = Field(
        default=None,
        description="The document's own verdict that decided the status when it is a heading, not a cell: "
        "the section or table title classifying the row (已完成的項目, 进度滞后的项目), as written.",
    )
    set_aside: list[SetAside] = Field(
        default_factory=list,
        description="Evidence read and not used, with the reason: outranked by a stronger source, a share "
        "with no report date, a rate with no target of the same subject (at most 12).",
    )


class Assessment(_Model):
    """A target figure and the actual figure that answers it (same subject). A gap the text states
    against the schedule or target (滞后序时进度5个百分点) is one whose target and actual are that figure."""

    subject: str | None = Field(description="The metric, in its canonical name.")
    target: Figure
    actual: Figure | None = None
    met: bool | None = Field(default=None, description="Null when the period is not over and the target is a total.")
    gap: float | None = Field(default=None, description="Actual minus target, in gap_unit (pp for two rates).")
    gap_unit: str | None = None
    share: float | None = Field(default=None, description="Actual over a total target (215万/3000万).")


class Warning(_Model):
    code: str
    message: str
    field: str | None = None
    row: int | None = Field(default=None, description="Index of the row in its table (0-based).")
    table: int | None = Field(default=None, description="Index of the table in the document (0-based).")


class Column(_Model):
    header: str = Field(description="Header text with layout spaces removed.")
    field: str | None = Field(description="Canonical field, or null for a column kept under its header.")


class CellSource(_Model):
    """Where an OCR'd cell stands on its scanned page, and how sure the recogniser was of it."""

    page: int
    box: tuple[float, float, float, float] = Field(
        description="x0, y0, x1, y1 in points from the top left of the page, as turned level before reading."
    )
    confidence: float = Field(description="The lowest confidence (0-1) of the cell's recognised lines.")


class Row(_Model):
    seq: int | None = Field(
        description="The printed 序号 when every row of the document has one of its own; else (rows without a "
        "number, numbering that starts again under each section or table) the row's position in the document, "
        "from 1. seq_text keeps what was printed."
    )
    seq_text: str | None = Field(default=None, description="The 序号 cell as written.")
    section: str | None = Field(default=None, description="The section heading the row stands under.")
    task: str | None = None
    progress: str | None = None
    lead_units: list[str] = Field(default_factory=list)
    partner_units: list[str] = Field(default_factory=list)
    cells: dict[str, str] = Field(description="Every cell's full text, keyed by field or header.")
    issues: list[Item] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    status: Status = Field(default_factory=lambda: Status(value="unknown"))
    assessments: list[Assessment] = Field(default_factory=list)
    pages: list[int] = Field(default_factory=list)
    sources: dict[str, list[CellSource]] | None = Field(
        default=None,
        exclude_if=lambda value: not value,  # absent from the JSON unless the row was OCR'd
        description="OCR only: each cell's place on its scanned page and the recogniser's confidence, keyed "
        "as cells; a cell continued on the next page has one per page.",
    )


class Table(_Model):
    attachment: str | None = Field(default=None, description="The attachment label, e.g. 附件3.")
    title: str | None = None
    layout: str | None = Field(
        default=None,
        description="How the table was found: the file's own table (docx, xlsx, html, pdf-ruled, pdf-unruled) "
        "or a layout of its text (seed-cells, tab-rows, pipe-rows, stream, forms, prose, aligned …).",
    )
    confidence: float | None = Field(
        default=None,
        description="How clearly that layout beat the other readings of the text: 0 (a tie) … 1 (no rival); "
        "1 for the file's own table.",
    )
    columns: list[Column]
    pages: list[int] = Field(default_factory=list)
    rows: list[Row]


class Source(_Model):
    path: str | None
    format: Format
    sha256: str
    size: int
    encoding: str | None = Field(default=None, description="Text encoding, for text input.")


class Document(_Model):
    schema_version: str = SCHEMA_VERSION
    source: Source
    period: Period | None = Field(default=None, description="The report period, when the title or text names it.")
    tables: list[Table]
    warnings: list[Warning] = Field(default_factory=list)

    def to_rows(self, kind: str = "tasks") -> list[dict[str, Any]]:
        """Flat rows with fixed columns, one per task (``kind="tasks"``), figure, issue or warning:
        for CSV, Parquet, pandas or Spark (columns: ``extractor.exports.TASK_COLUMNS`` …)."""
        from extractor.exports import document_rows  # lazy: extractor.exports imports the models

        return document_rows(self, kind)

    def to_dataframe(self, kind: str = "tasks") -> Any:
        """``to_rows(kind)`` as a pandas DataFrame (needs pandas: ``pip install 'extractor[dask]'``)."""
        from extractor.exports import dataframe

        return dataframe(self, kind)


# One fields set per model class, shared by every instance made by ``from_plain`` (each given every
# field): pydantic's own set per instance is a third of a small record's memory, and only
# ``exclude_unset``, which no output uses, reads it.
_FIELDS_SETS: dict[type[BaseModel], set[str]] = {}


def from_plain(value: Any) -> Any:
    """The models of a plain record (``extractor.plain``) and of everything in it, each of the class
    of its own name (a Statement among a Status's evidence stays a Statement, as pydantic keeps an
    instance of a subclass); values are taken as they are, already what validation would make them."""
    kind = type(value)
    if kind in _PLAIN_TYPES:
        model = _MODELS[kind]
        fields_set = _FIELDS_SETS.get(model)
        if fields_set is None:
            fields_set = _FIELDS_SETS[model] = set(model.model_fields)
        values = {name: from_plain(getattr(value, name)) for name in kind._fields}
        return model.model_construct(fields_set, **values)
    if kind is list:
        return [from_plain(item) for item in value]
    if kind is dict:
        return {key: from_plain(item) for key, item in value.items()}
    return value  # a str, number, tuple of numbers, None, or already a model


_MODELS: dict[type, type[BaseModel]] = {cls: globals()[name] for name, cls in plain.CLASSES.items()}
_PLAIN_TYPES = frozenset(_MODELS)
