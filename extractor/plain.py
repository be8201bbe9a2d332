"""The records as plain typed objects, without pydantic: what the rules and the records stage build.

Each class has the fields of its model in ``extractor.models`` (same names, order and defaults), so
the JSON written from one (``record``, then ``json.dumps``) is byte for byte what pydantic writes of the
other, and ``models.from_plain`` turns one into the other for ``extractor.parse``. The CLI writes
these directly: importing pydantic is more than half of its start-up.

What pydantic's validation did that output depends on is done here too: an int given for a float
field is a float (3 → 3.0 in the JSON), a list given for a span is a tuple, and a nested record is
written by its declared class (a Statement among a Status's evidence is written as an Item).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

SCHEMA_VERSION = "1.6"  # 1.6: Row.sources (OCR cells: page, box, confidence)


def _float(value: Any) -> Any:
    """pydantic's lax float: an int is taken as its float; anything else is kept as it is."""
    return float(value) if type(value) is int else value


class Record:
    """What every plain record does as its pydantic model does: copy, compare, dump."""

    __slots__ = ()
    # (field, how nested: "" plain value, "one", "list" or "dict" (of lists), declared class name)
    _spec: ClassVar[tuple[tuple[str, str, str], ...]] = ()
    _record: ClassVar[Any]  # obj -> its JSON record (tuples as tuples), made by ``_compile``
    _omit_falsy: ClassVar[frozenset[str]] = frozenset()  # fields left out of the JSON when empty

    def model_copy(self, update: dict[str, Any] | None = None) -> Any:
        """A shallow copy with ``update`` applied, not validated (as pydantic's ``model_copy``)."""
        copy = object.__new__(type(self))
        for name, _, _ in self._spec:
            object.__setattr__(copy, name, getattr(self, name))
        for name, value in (update or {}).items():
            object.__setattr__(copy, name, value)
        return copy

    def model_dump(self, mode: str = "python", exclude: set[str] | None = None) -> dict[str, Any]:
        """The record as pydantic's ``model_dump`` gives it (``mode="json"``: tuples as lists)."""
        record = type(self)._record(self)
        if mode == "json":
            record = _json_values(record)
        if exclude:
            record = {key: value for key, value in record.items() if key not in exclude}
        return record  # type: ignore[no-any-return]

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name, _, _ in self._spec)

    def __eq__(self, other: object) -> bool:
        if type(other) is type(self):
            return self._values() == other._values()  # type: ignore[attr-defined]
        # a pydantic model of the same name (its own __eq__ gave up on a plain record)
        if type(other).__name__ == type(self).__name__ and hasattr(other, "__pydantic_fields__"):
            return all(getattr(self, name) == getattr(other, name) for name, _, _ in self._spec)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, as the models are


def _json_values(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _json_values(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_values(item) for item in value]
    return value


_CLASSES: dict[str, type[Record]] = {}


def _compile(cls: type[Record]) -> type[Record]:
    """Give ``cls`` its ``_spec`` and a ``_record`` function written out field by field (a loop over
    the fields costs several times more a row)."""
    nested = getattr(cls, "_nested", {})
    spec = []
    for item in fields(cls):  # type: ignore[arg-type]
        how, name = nested.get(item.name, ("", ""))
        spec.append((item.name, how, name))
    cls._spec = tuple(spec)
    lines = ["def _record(o):", "    r = {"]
    later = []
    for name, how, target in spec:
        value = f"o.{name}"
        if how == "one":
            value = f"(None if o.{name} is None else _{target}(o.{name}))"
        elif how == "list":
            value = f"[_{target}(x) for x in o.{name}]"
        elif how == "dict":
            value = f"(None if o.{name} is None else {{k: [_{target}(x) for x in v] for k, v in o.{name}.items()}})"
        if name in cls._omit_falsy:
            later.append(f"    if o.{name}:\n        r[{name!r}] = {value}")
        else:
            lines.append(f"        {name!r}: {value},")
    lines.append("    }")
    lines += later
    lines.append("    return r")
    namespace: dict[str, Any] = {}
    exec("\n".join(lines), _RECORDERS, namespace)
    _RECORDERS[f"_{cls.__name__}"] = namespace["_record"]
    cls._record = staticmethod(namespace["_record"])  # type: ignore[assignment]
    _CLASSES[cls.__name__] = cls
    return cls


_RECORDERS: dict[str, Any] = {}  # "_Item" -> Item's record function, the globals of every one


def record(obj: Any, cls: type[Record]) -> dict[str, Any]:
    """The JSON record of ``obj`` (plain, or a pydantic model of the same fields) as ``cls`` declares it."""
    return cls._record(obj)  # type: ignore[no-any-return]


_DATACLASS = {"slots": True, "kw_only": True, "eq": False}


@_compile
@dataclass(**_DATACLASS)
class Item(Record):
    text: str
    field: str
    span: tuple[int, int]
    rule: str | None = None

    def __post_init__(self) -> None:
        if type(self.span) is not tuple:
            self.span = tuple(self.span)  # type: ignore[assignment]


@_compile
@dataclass(**_DATACLASS)
class Statement(Item):
    kind: str


@_compile
@dataclass(**_DATACLASS)
class Figure(Item):
    kind: str
    value: float
    value_max: float | None = None
    unit: str
    currency_assumed: bool = False
    basis: str | None = None
    qualifier: str | None = None
    scope: str | None = None
    subject: str | None = None
    role: str | None = None

    def __post_init__(self) -> None:
        if type(self.span) is not tuple:
            self.span = tuple(self.span)  # type: ignore[assignment]
        self.value = _float(self.value)
        self.value_max = _float(self.value_max)


@_compile
@dataclass(**_DATACLASS)
class DateMention(Item):
    kind: str
    grain: str
    start: str | None = None
    end: str | None = None
    year_known: bool


@_compile
@dataclass(**_DATACLASS)
class Period(Record):
    text: str
    source: str
    year: int | None = None
    start: str | None = None
    end: str | None = None
    elapsed: float | None = None

    def __post_init__(self) -> None:
        self.elapsed = _float(self.elapsed)


@_compile
@dataclass(**_DATACLASS)
class SetAside(Record):
    _nested: ClassVar[dict[str, tuple[str, str]]] = {"item": ("one", "Item")}
    item: Item
    reason: str


@_compile
@dataclass(**_DATACLASS)
class Status(Record):
    _nested: ClassVar[dict[str, tuple[str, str]]] = {"evidence": ("list", "Item"), "set_aside": ("list", "SetAside")}
    value: str
    evidence: list[Item] = field(default_factory=list)
    completion: float | None = None
    schedule: float | None = None
    verdict: str | None = None
    set_aside: list[SetAside] = field(default_factory=list)

    def __post_init__(self) -> None:
        # pydantic validated a list into a list of its own: one given here may be added to later
        self.evidence = list(self.evidence)
        self.set_aside = list(self.set_aside)
        self.completion = _float(self.completion)
        self.schedule = _float(self.schedule)


@_compile
@dataclass(**_DATACLASS)
class Assessment(Record):
    _nested: ClassVar[dict[str, tuple[str, str]]] = {"target": ("one", "Figure"), "actual": ("one", "Figure")}
    subject: str | None
    target: Figure
    actual: Figure | None = None
    met: bool | None = None
    gap: float | None = None
    gap_unit: str | None = None
    share: float | None = None

    def __post_init__(self) -> None:
        self.gap = _float(self.gap)
        self.share = _float(self.share)


@_compile
@dataclass(**_DATACLASS)
class Warning(Record):
    code: str
    message: str
    field: str | None = None
    row: int | None = None
    table: int | None = None


@_compile
@dataclass(**_DATACLASS)
class Column(Record):
    header: str
    field: str | None


@_compile
@dataclass(**_DATACLASS)
class CellSource(Record):
    page: int
    box: tuple[float, float, float, float]
    confidence: float

    def __post_init__(self) -> None:
        self.box = tuple(_float(v) for v in self.box)  # type: ignore[assignment]
        self.confidence = _float(self.confidence)


def _unknown() -> Status:
    return Status(value="unknown")


@_compile
@dataclass(**_DATACLASS, weakref_slot=True)
class Row(Record):
    _nested: ClassVar[dict[str, tuple[str, str]]] = {
        "issues": ("list", "Item"),
        "statements": ("list", "Statement"),
        "figures": ("list", "Figure"),
        "dates": ("list", "DateMention"),
        "status": ("one", "Status"),
        "assessments": ("list", "Assessment"),
        "sources": ("dict", "CellSource"),
    }
    _omit_falsy: ClassVar[frozenset[str]] = frozenset({"sources"})  # absent unless the row was OCR'd
    seq: int | None
    seq_text: str | None = None
    section: str | None = None
    task: str | None = None
    progress: str | None = None
    lead_units: list[str] = field(default_factory=list)
    partner_units: list[str] = field(default_factory=list)
    cells: dict[str, str]
    issues: list[Item] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    status: Status = field(default_factory=_unknown)
    assessments: list[Assessment] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    sources: dict[str, list[CellSource]] | None = None


@_compile
@dataclass(**_DATACLASS, weakref_slot=True)
class Table(Record):
    _nested: ClassVar[dict[str, tuple[str, str]]] = {"columns": ("list", "Column"), "rows": ("list", "Row")}
    attachment: str | None = None
    title: str | None = None
    layout: str | None = None
    confidence: float | None = None
    columns: list[Column]
    pages: list[int] = field(default_factory=list)
    rows: list[Row]

    def __post_init__(self) -> None:
        self.confidence = _float(self.confidence)


@_compile
@dataclass(**_DATACLASS)
class Source(Record):
    path: str | None
    format: str
    sha256: str
    size: int
    encoding: str | None = None


@_compile
@dataclass(**_DATACLASS, weakref_slot=True)
class Document(Record):
    _nested: ClassVar[dict[str, tuple[str, str]]] = {
        "source": ("one", "Source"),
        "period": ("one", "Period"),
        "tables": ("list", "Table"),
        "warnings": ("list", "Warning"),
    }
    schema_version: str = SCHEMA_VERSION
    source: Source
    period: Period | None = None
    tables: list[Table]
    warnings: list[Warning] = field(default_factory=list)


CLASSES = dict(_CLASSES)  # name -> plain class, for models.from_plain
