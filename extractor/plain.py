"""The records as plain typed objects, without pydantic: what the rules and the records stage build.

Each class has the fields of its model in ``extractor.models`` (same names, order and defaults), so
the JSON written from one (``_record``, then ``json.dumps``) is byte for byte what pydantic writes of
the other, and ``models.from_plain`` turns one into the other for ``extractor.parse``. The CLI writes
these directly: importing pydantic is more than half of its start-up.

What pydantic's validation did that output depends on is done here too: an int given for a float
field is a float (3 → 3.0 in the JSON), a list given for a span is a tuple, a list given to a Status
is a list of its own, and a nested record is written by its declared class (a Statement among a
Status's evidence is written as an Item).

The classes are written out here (slots, keyword-only ``__init__``, a ``_record`` function each) by
``_build``, all in one compiled source: dataclasses took 30 M instructions, 2.5 % of a whole
``extractor parse samples/seed.txt``, to make the same.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

SCHEMA_VERSION = "1.6"  # 1.6: Row.sources (OCR cells: page, box, confidence)

_REQUIRED = object()  # the default of a field without one


class _New:
    """A default made anew for each record (``_New(list)``: an empty list of its own)."""

    def __init__(self, make: Any) -> None:
        self.make = make


class Record:
    """What every plain record does as its pydantic model does: copy, compare, dump."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()  # every field, in order (the parent's first)
    _defaults: ClassVar[dict[str, Any]] = {}  # field -> default (a _New: made per record)
    _annotations: ClassVar[dict[str, str]] = {}  # field -> its type, as written
    _copied: ClassVar[tuple[str, ...]] = ()  # list fields given a list of their own, as pydantic's validation did
    _omit_falsy: ClassVar[frozenset[str]] = frozenset()  # fields left out of the JSON when empty
    _weakref: ClassVar[bool] = False
    _record: ClassVar[Any]  # obj -> its JSON record (tuples as tuples), set by _build

    def model_copy(self, update: dict[str, Any] | None = None) -> Any:
        """A shallow copy with ``update`` applied, not validated (as pydantic's ``model_copy``)."""
        copy = object.__new__(type(self))
        for name in self._fields:
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
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is type(self):
            return self._values() == other._values()  # type: ignore[attr-defined]
        # a pydantic model of the same name (its own __eq__ gave up on a plain record)
        if type(other).__name__ == type(self).__name__ and hasattr(other, "__pydantic_fields__"):
            return all(getattr(self, name) == getattr(other, name) for name in self._fields)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, as the models are

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({values})"


def _json_values(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _json_values(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_values(item) for item in value]
    return value


CLASSES: dict[str, type[Record]] = {}  # name -> plain class, for models.from_plain


def _record_class(cls: type[Record]) -> type[Record]:
    """``cls`` made again with a slot for each field it annotates (their defaults kept apart), as
    ``dataclass(slots=True)`` does; its ``__init__`` and ``_record`` are written by ``_build``."""
    written = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 - inspect is not imported at start-up
    annotations = {name: kind for name, kind in written.items() if not kind.startswith("ClassVar")}
    namespace = {key: value for key, value in cls.__dict__.items() if key not in annotations}
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    namespace["__slots__"] = (*annotations, *(("__weakref__",) if cls._weakref else ()))
    made = type(cls.__name__, cls.__bases__, namespace)
    parent = cls.__bases__[0]
    made._fields = (*parent._fields, *annotations)
    made._annotations = {**parent._annotations, **annotations}
    made._defaults = {**parent._defaults, **{n: cls.__dict__[n] for n in annotations if n in cls.__dict__}}
    CLASSES[made.__name__] = made
    return made


@_record_class
class Item(Record):
    """A piece of one cell's text: ``cells[field][span[0]:span[1]] == text``."""

    text: str
    field: str
    span: tuple[int, int]
    rule: str | None = None


@_record_class
class Statement(Item):
    kind: str


@_record_class
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


@_record_class
class DateMention(Item):
    kind: str
    grain: str
    start: str | None = None
    end: str | None = None
    year_known: bool


@_record_class
class Period(Record):
    text: str
    source: str
    year: int | None = None
    start: str | None = None
    end: str | None = None
    elapsed: float | None = None


@_record_class
class SetAside(Record):
    item: Item
    reason: str


@_record_class
class Status(Record):
    # pydantic validated a list into a list of its own: one given here may be added to later
    _copied: ClassVar[tuple[str, ...]] = ("evidence", "set_aside")
    value: str
    evidence: list[Item] = _New(list)
    completion: float | None = None
    schedule: float | None = None
    verdict: str | None = None
    set_aside: list[SetAside] = _New(list)


@_record_class
class Assessment(Record):
    subject: str | None
    target: Figure
    actual: Figure | None = None
    met: bool | None = None
    gap: float | None = None
    gap_unit: str | None = None
    share: float | None = None


@_record_class
class Warning(Record):  # the model's name (extractor.models.Warning)
    code: str
    message: str
    field: str | None = None
    row: int | None = None
    table: int | None = None


@_record_class
class Column(Record):
    header: str
    field: str | None


@_record_class
class CellSource(Record):
    page: int
    box: tuple[float, float, float, float]
    confidence: float


def _unknown() -> Status:
    return Status(value="unknown")


@_record_class
class Row(Record):
    _weakref: ClassVar[bool] = True
    _omit_falsy: ClassVar[frozenset[str]] = frozenset({"sources"})  # absent unless the row was OCR'd
    seq: int | None
    seq_text: str | None = None
    section: str | None = None
    task: str | None = None
    progress: str | None = None
    lead_units: list[str] = _New(list)
    partner_units: list[str] = _New(list)
    cells: dict[str, str]
    issues: list[Item] = _New(list)
    statements: list[Statement] = _New(list)
    figures: list[Figure] = _New(list)
    dates: list[DateMention] = _New(list)
    status: Status = _New(_unknown)
    assessments: list[Assessment] = _New(list)
    pages: list[int] = _New(list)
    sources: dict[str, list[CellSource]] | None = None


@_record_class
class Table(Record):
    _weakref: ClassVar[bool] = True
    attachment: str | None = None
    title: str | None = None
    layout: str | None = None
    confidence: float | None = None
    columns: list[Column]
    pages: list[int] = _New(list)
    rows: list[Row]


@_record_class
class Source(Record):
    path: str | None
    format: str
    sha256: str
    size: int
    encoding: str | None = None


@_record_class
class Document(Record):
    _weakref: ClassVar[bool] = True
    schema_version: str = SCHEMA_VERSION
    source: Source
    period: Period | None = None
    tables: list[Table]
    warnings: list[Warning] = _New(list)


_COERCED = {
    "float": "float({0}) if type({0}) is int else {0}",  # pydantic's lax float: an int is its float
    "tuple": "{0} if type({0}) is tuple else tuple({0})",
    "floats": "tuple(float(v) if type(v) is int else v for v in {0})",
    "list": "list({0})",
}


# What a field's type, as written, asks of its value: pydantic's lax float takes an int as its
# float; a tuple is made of a list.
_COERCED = {
    "float": "float({0}) if type({0}) is int else {0}",
    "float | None": "float({0}) if type({0}) is int else {0}",
    "tuple[int, int]": "{0} if type({0}) is tuple else tuple({0})",
    "tuple[float, float, float, float]": "tuple(float(v) if type(v) is int else v for v in {0})",
}
# A nested record's field: a record, a list of them, or (sources) lists of them by key.
_NESTED = re.compile(
    r"^(?:(?P<one>\w+)(?: \| None)?|list\[(?P<list>\w+)\]|dict\[str, list\[(?P<dict>\w+)\]\] \| None)$"
)


def _source(cls: type[Record]) -> str:
    """The ``__init__`` and ``_record`` of ``cls``, as Python source."""
    name = cls.__name__
    fields = cls._fields
    required = [f for f in fields if f not in cls._defaults]
    optional = [f for f in fields if f in cls._defaults]
    parameters = ", ".join([*required, *(f"{f}=_D" for f in optional)])
    lines = [f"def {name}__init__(self, *, {parameters}):"]
    for field in fields:
        value = _COERCED.get(cls._annotations[field], "{0}").format(field)
        if field in cls._copied:
            value = f"list({field})"
        if field in cls._defaults:
            default = cls._defaults[field]
            if isinstance(default, _New):
                made = "[]" if default.make is list else f"{name}._defaults[{field!r}].make()"
            else:
                made = repr(default)  # None, False, a str
            value = f"{made} if {field} is _D else {value}"
        lines.append(f"    self.{field} = {value}")
    lines += [f"def {name}__record(o):", "    r = {"]
    later = []
    for field in fields:
        nested = _NESTED.match(cls._annotations[field])
        value = f"o.{field}"
        if nested and nested["one"] in CLASSES:
            value = f"(None if {value} is None else {nested['one']}__record({value}))"
        elif nested and nested["list"] in CLASSES:
            value = f"[{nested['list']}__record(x) for x in {value}]"
        elif nested and nested["dict"] in CLASSES:
            each = f"{{k: [{nested['dict']}__record(x) for x in v] for k, v in {value}.items()}}"
            value = f"(None if {value} is None else {each})"
        if field in cls._omit_falsy:
            later.append(f"    if o.{field}:\n        r[{field!r}] = {value}")
        else:
            lines.append(f"        {field!r}: {value},")
    lines += ["    }", *later, "    return r"]
    return "\n".join(lines)


def _build() -> None:
    """Give every class its ``__init__`` and ``_record``, compiled from one source."""
    namespace: dict[str, Any] = {"_D": _REQUIRED, **CLASSES}
    source = "\n".join(_source(cls) for cls in CLASSES.values())
    exec(compile(source, "<extractor.plain>", "exec"), namespace)
    for name, cls in CLASSES.items():
        init = namespace[f"{name}__init__"]
        init.__qualname__ = f"{name}.__init__"
        cls.__init__ = init  # type: ignore[misc]
        cls._record = staticmethod(namespace[f"{name}__record"])  # type: ignore[assignment]


_build()
