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

import json
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
    _record: ClassVar[Any]  # obj -> its JSON record (tuples as tuples), the generated code's
    _json: ClassVar[Any]  # obj -> its compact JSON text (compact_json), the generated code's

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


# What a field's type, as written, asks of its value: pydantic's lax float takes an int as its
# float; a tuple is made of a list.
_COERCED = {
    "float": "float({0}) if type({0}) is int else {0}",
    "float | None": "float({0}) if type({0}) is int else {0}",
    "tuple[int, int]": "{0} if type({0}) is tuple else tuple({0})",
    "tuple[float, float, float, float]": "tuple(float(v) if type(v) is int else v for v in {0})",
}
# A nested record's field: a record, a list of them, or (sources) lists of them by key.
_NESTED = r"^(?:(?P<one>\w+)(?: \| None)?|list\[(?P<list>\w+)\]|dict\[str, list\[(?P<dict>\w+)\]\] \| None)$"
# (a pattern source: only generated_source() reads it, re.match compiles it then, not at start-up)


def _source(cls: type[Record]) -> str:
    """The ``__init__`` and ``_record`` of ``cls``, as Python source."""
    name = cls.__name__
    fields = cls._fields
    required = [f for f in fields if f not in cls._defaults]
    optional = [f for f in fields if f in cls._defaults]
    parameters = "".join(f"    {p},\n" for p in ["self", "*", *required, *(f"{f}=_D" for f in optional)])
    lines = [f"def {name}__init__(\n{parameters}):"]
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
        nested = re.match(_NESTED, cls._annotations[field])
        value = f"o.{field}"
        if nested and nested["one"] in CLASSES:
            value = f"(None if {value} is None else {nested['one']}__record({value}))"
        elif nested and nested["list"] in CLASSES:
            value = f"[{nested['list']}__record(x) for x in {value}]"
        elif nested and nested["dict"] in CLASSES:
            each = f"{{k: [{nested['dict']}__record(x) for x in v] for k, v in {value}.items()}}"
            value = f"(\n            None if {value} is None else {each}\n        )"
        if field in cls._omit_falsy:
            later.append(f"    if o.{field}:\n        r[{field!r}] = {value}")
        else:
            lines.append(f"        {field!r}: {value},")
    lines += ["    }", *later, "    return r"]
    return "\n".join([*lines, *_json_source(cls)])


# How a value of a field's type, as written, is written in JSON (``v`` the value): a str by the
# json module's own C escaping, a number, bool or None by ``_number`` (json's spelling).
_JSON_OF = {
    "str": "_s(v)",
    "str | None": '"null" if v is None else _s(v)',
    "list[str]": '"[" + ",".join([_s(x) for x in v]) + "]"',
    "dict[str, str]": '"{" + ",".join([_s(k) + ":" + _s(x) for k, x in v.items()]) + "}"',
    "list[int]": '"[" + ",".join([_number(x) for x in v]) + "]"',
    "tuple[int, int]": '"[" + ",".join([_number(x) for x in v]) + "]"',
    "tuple[float, float, float, float]": '"[" + ",".join([_number(x) for x in v]) + "]"',
}
for _kind in ("int", "float", "bool"):
    _JSON_OF[_kind] = _JSON_OF[f"{_kind} | None"] = "_number(v)"


def _json_source(cls: type[Record]) -> list[str]:
    """``{name}__json(o)``: the compact JSON text of a record, as ``json.dumps`` of its ``_record``
    writes it (a value of another type than its field's raises TypeError: ``compact_json`` then
    writes it through json.dumps)."""
    lines = [f"def {cls.__name__}__json(o):", "    t = []"]
    for index, field in enumerate(cls._fields):
        kind = cls._annotations[field]
        nested = re.match(_NESTED, kind)
        if nested and nested["one"] in CLASSES:
            value = f'"null" if v is None else {nested["one"]}__json(v)'
        elif nested and nested["list"] in CLASSES:
            value = f'"[" + ",".join([{nested["list"]}__json(x) for x in v]) + "]"'
        elif nested and nested["dict"] in CLASSES:
            value = f'"null" if v is None else _keyed_lists(v, {nested["dict"]}__json)'
        else:
            value = _JSON_OF[kind]
        key = ("{" if index == 0 else ",") + f'"{field}":'
        if field in cls._omit_falsy:
            lines += [f"    v = o.{field}", "    if v:", f"        t += ({key!r}, {value})"]
        else:
            lines += [f"    v = o.{field}", f"    t += ({key!r}, {value})"]
    lines += ['    t.append("}")', '    return "".join(t)']
    return lines


def _number(value: Any) -> str:
    """A number, bool or None as ``json.dumps`` writes it; TypeError for anything else."""
    kind = type(value)
    if kind is float:
        if value != value:
            return "NaN"
        if value in (_INFINITY, -_INFINITY):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    raise TypeError(f"not a JSON number: {value!r}")


_INFINITY = float("inf")


def _keyed_lists(value: dict[str, list[Any]], write: Any) -> str:
    """A dict of lists of records (a row's sources) in JSON, each record written by ``write``."""
    return (
        "{"
        + ",".join([_s(key) + ":[" + ",".join([write(x) for x in items]) + "]" for key, items in value.items()])
        + "}"
    )


def compact_json(record: Record) -> str:
    """``json.dumps(record._record(record), ensure_ascii=False, separators=(",", ":"))``, written
    field by field (a third of the time): what the CLI keeps of a row."""
    try:
        return type(record)._json(record)  # type: ignore[no-any-return]
    except TypeError:  # a value not of its field's type (a key that is no str …): as json writes it
        return json.dumps(type(record)._record(record), ensure_ascii=False, separators=(",", ":"))


def generated_source() -> str:
    """The section of this file between the markers below: every class's ``__init__`` and
    ``_record``, written out from its fields (``_write_generated()`` writes it again; a test checks
    it is up to date). Kept as source, not compiled at import: compiling it cost 28 M
    instructions, 2 % of a whole ``extractor parse samples/seed.txt``, where its bytecode costs nothing."""
    body = "\n\n\n".join(_source(cls).replace("\ndef ", "\n\n\ndef ") for cls in CLASSES.values())
    return f"{_BEGIN}\n# fmt: off\n{body}\n# fmt: on\n{_END}"


_BEGIN = "# --- generated by generated_source(): do not edit ---"
_END = "# --- end of the generated code ---"


def _attach(namespace: dict[str, Any]) -> None:
    for name, cls in CLASSES.items():
        init = namespace[f"{name}__init__"]
        init.__qualname__ = f"{name}.__init__"
        cls.__init__ = init  # type: ignore[misc]
        cls._record = staticmethod(namespace[f"{name}__record"])  # type: ignore[assignment]
        cls._json = staticmethod(namespace[f"{name}__json"])  # type: ignore[attr-defined]


def _write_generated() -> None:
    """Write this file's generated section again from the classes as they are now."""
    path = __file__
    with open(path, encoding="utf-8") as file:
        text = file.read()
    start = text.index(f"\n{_BEGIN}\n") + 1  # the markers as lines, not the strings above
    end = text.index(f"\n{_END}\n", start) + 1 + len(_END)
    with open(path, "w", encoding="utf-8") as file:
        file.write(text[:start] + generated_source() + text[end:])


_D = _REQUIRED  # the default the generated __init__s give a field that has one
_s = json.encoder.encode_basestring  # type: ignore[attr-defined]  # json's own escaping (C), non-ASCII kept


# --- generated by generated_source(): do not edit ---
# fmt: off
def Item__init__(
    self,
    *,
    text,
    field,
    span,
    rule=_D,
):
    self.text = text
    self.field = field
    self.span = span if type(span) is tuple else tuple(span)
    self.rule = None if rule is _D else rule


def Item__record(o):
    r = {
        'text': o.text,
        'field': o.field,
        'span': o.span,
        'rule': o.rule,
    }
    return r


def Item__json(o):
    t = []
    v = o.text
    t += ('{"text":', _s(v))
    v = o.field
    t += (',"field":', _s(v))
    v = o.span
    t += (',"span":', "[" + ",".join([_number(x) for x in v]) + "]")
    v = o.rule
    t += (',"rule":', "null" if v is None else _s(v))
    t.append("}")
    return "".join(t)


def Statement__init__(
    self,
    *,
    text,
    field,
    span,
    kind,
    rule=_D,
):
    self.text = text
    self.field = field
    self.span = span if type(span) is tuple else tuple(span)
    self.rule = None if rule is _D else rule
    self.kind = kind


def Statement__record(o):
    r = {
        'text': o.text,
        'field': o.field,
        'span': o.span,
        'rule': o.rule,
        'kind': o.kind,
    }
    return r


def Statement__json(o):
    t = []
    v = o.text
    t += ('{"text":', _s(v))
    v = o.field
    t += (',"field":', _s(v))
    v = o.span
    t += (',"span":', "[" + ",".join([_number(x) for x in v]) + "]")
    v = o.rule
    t += (',"rule":', "null" if v is None else _s(v))
    v = o.kind
    t += (',"kind":', _s(v))
    t.append("}")
    return "".join(t)


def Figure__init__(
    self,
    *,
    text,
    field,
    span,
    kind,
    value,
    unit,
    rule=_D,
    value_max=_D,
    currency_assumed=_D,
    basis=_D,
    qualifier=_D,
    scope=_D,
    subject=_D,
    role=_D,
):
    self.text = text
    self.field = field
    self.span = span if type(span) is tuple else tuple(span)
    self.rule = None if rule is _D else rule
    self.kind = kind
    self.value = float(value) if type(value) is int else value
    self.value_max = None if value_max is _D else float(value_max) if type(value_max) is int else value_max
    self.unit = unit
    self.currency_assumed = False if currency_assumed is _D else currency_assumed
    self.basis = None if basis is _D else basis
    self.qualifier = None if qualifier is _D else qualifier
    self.scope = None if scope is _D else scope
    self.subject = None if subject is _D else subject
    self.role = None if role is _D else role


def Figure__record(o):
    r = {
        'text': o.text,
        'field': o.field,
        'span': o.span,
        'rule': o.rule,
        'kind': o.kind,
        'value': o.value,
        'value_max': o.value_max,
        'unit': o.unit,
        'currency_assumed': o.currency_assumed,
        'basis': o.basis,
        'qualifier': o.qualifier,
        'scope': o.scope,
        'subject': o.subject,
        'role': o.role,
    }
    return r


def Figure__json(o):
    t = []
    v = o.text
    t += ('{"text":', _s(v))
    v = o.field
    t += (',"field":', _s(v))
    v = o.span
    t += (',"span":', "[" + ",".join([_number(x) for x in v]) + "]")
    v = o.rule
    t += (',"rule":', "null" if v is None else _s(v))
    v = o.kind
    t += (',"kind":', _s(v))
    v = o.value
    t += (',"value":', _number(v))
    v = o.value_max
    t += (',"value_max":', _number(v))
    v = o.unit
    t += (',"unit":', _s(v))
    v = o.currency_assumed
    t += (',"currency_assumed":', _number(v))
    v = o.basis
    t += (',"basis":', "null" if v is None else _s(v))
    v = o.qualifier
    t += (',"qualifier":', "null" if v is None else _s(v))
    v = o.scope
    t += (',"scope":', "null" if v is None else _s(v))
    v = o.subject
    t += (',"subject":', "null" if v is None else _s(v))
    v = o.role
    t += (',"role":', "null" if v is None else _s(v))
    t.append("}")
    return "".join(t)


def DateMention__init__(
    self,
    *,
    text,
    field,
    span,
    kind,
    grain,
    year_known,
    rule=_D,
    start=_D,
    end=_D,
):
    self.text = text
    self.field = field
    self.span = span if type(span) is tuple else tuple(span)
    self.rule = None if rule is _D else rule
    self.kind = kind
    self.grain = grain
    self.start = None if start is _D else start
    self.end = None if end is _D else end
    self.year_known = year_known


def DateMention__record(o):
    r = {
        'text': o.text,
        'field': o.field,
        'span': o.span,
        'rule': o.rule,
        'kind': o.kind,
        'grain': o.grain,
        'start': o.start,
        'end': o.end,
        'year_known': o.year_known,
    }
    return r


def DateMention__json(o):
    t = []
    v = o.text
    t += ('{"text":', _s(v))
    v = o.field
    t += (',"field":', _s(v))
    v = o.span
    t += (',"span":', "[" + ",".join([_number(x) for x in v]) + "]")
    v = o.rule
    t += (',"rule":', "null" if v is None else _s(v))
    v = o.kind
    t += (',"kind":', _s(v))
    v = o.grain
    t += (',"grain":', _s(v))
    v = o.start
    t += (',"start":', "null" if v is None else _s(v))
    v = o.end
    t += (',"end":', "null" if v is None else _s(v))
    v = o.year_known
    t += (',"year_known":', _number(v))
    t.append("}")
    return "".join(t)


def Period__init__(
    self,
    *,
    text,
    source,
    year=_D,
    start=_D,
    end=_D,
    elapsed=_D,
):
    self.text = text
    self.source = source
    self.year = None if year is _D else year
    self.start = None if start is _D else start
    self.end = None if end is _D else end
    self.elapsed = None if elapsed is _D else float(elapsed) if type(elapsed) is int else elapsed


def Period__record(o):
    r = {
        'text': o.text,
        'source': o.source,
        'year': o.year,
        'start': o.start,
        'end': o.end,
        'elapsed': o.elapsed,
    }
    return r


def Period__json(o):
    t = []
    v = o.text
    t += ('{"text":', _s(v))
    v = o.source
    t += (',"source":', _s(v))
    v = o.year
    t += (',"year":', _number(v))
    v = o.start
    t += (',"start":', "null" if v is None else _s(v))
    v = o.end
    t += (',"end":', "null" if v is None else _s(v))
    v = o.elapsed
    t += (',"elapsed":', _number(v))
    t.append("}")
    return "".join(t)


def SetAside__init__(
    self,
    *,
    item,
    reason,
):
    self.item = item
    self.reason = reason


def SetAside__record(o):
    r = {
        'item': (None if o.item is None else Item__record(o.item)),
        'reason': o.reason,
    }
    return r


def SetAside__json(o):
    t = []
    v = o.item
    t += ('{"item":', "null" if v is None else Item__json(v))
    v = o.reason
    t += (',"reason":', _s(v))
    t.append("}")
    return "".join(t)


def Status__init__(
    self,
    *,
    value,
    evidence=_D,
    completion=_D,
    schedule=_D,
    verdict=_D,
    set_aside=_D,
):
    self.value = value
    self.evidence = [] if evidence is _D else list(evidence)
    self.completion = None if completion is _D else float(completion) if type(completion) is int else completion
    self.schedule = None if schedule is _D else float(schedule) if type(schedule) is int else schedule
    self.verdict = None if verdict is _D else verdict
    self.set_aside = [] if set_aside is _D else list(set_aside)


def Status__record(o):
    r = {
        'value': o.value,
        'evidence': [Item__record(x) for x in o.evidence],
        'completion': o.completion,
        'schedule': o.schedule,
        'verdict': o.verdict,
        'set_aside': [SetAside__record(x) for x in o.set_aside],
    }
    return r


def Status__json(o):
    t = []
    v = o.value
    t += ('{"value":', _s(v))
    v = o.evidence
    t += (',"evidence":', "[" + ",".join([Item__json(x) for x in v]) + "]")
    v = o.completion
    t += (',"completion":', _number(v))
    v = o.schedule
    t += (',"schedule":', _number(v))
    v = o.verdict
    t += (',"verdict":', "null" if v is None else _s(v))
    v = o.set_aside
    t += (',"set_aside":', "[" + ",".join([SetAside__json(x) for x in v]) + "]")
    t.append("}")
    return "".join(t)


def Assessment__init__(
    self,
    *,
    subject,
    target,
    actual=_D,
    met=_D,
    gap=_D,
    gap_unit=_D,
    share=_D,
):
    self.subject = subject
    self.target = target
    self.actual = None if actual is _D else actual
    self.met = None if met is _D else met
    self.gap = None if gap is _D else float(gap) if type(gap) is int else gap
    self.gap_unit = None if gap_unit is _D else gap_unit
    self.share = None if share is _D else float(share) if type(share) is int else share


def Assessment__record(o):
    r = {
        'subject': o.subject,
        'target': (None if o.target is None else Figure__record(o.target)),
        'actual': (None if o.actual is None else Figure__record(o.actual)),
        'met': o.met,
        'gap': o.gap,
        'gap_unit': o.gap_unit,
        'share': o.share,
    }
    return r


def Assessment__json(o):
    t = []
    v = o.subject
    t += ('{"subject":', "null" if v is None else _s(v))
    v = o.target
    t += (',"target":', "null" if v is None else Figure__json(v))
    v = o.actual
    t += (',"actual":', "null" if v is None else Figure__json(v))
    v = o.met
    t += (',"met":', _number(v))
    v = o.gap
    t += (',"gap":', _number(v))
    v = o.gap_unit
    t += (',"gap_unit":', "null" if v is None else _s(v))
    v = o.share
    t += (',"share":', _number(v))
    t.append("}")
    return "".join(t)


def Warning__init__(
    self,
    *,
    code,
    message,
    field=_D,
    row=_D,
    table=_D,
):
    self.code = code
    self.message = message
    self.field = None if field is _D else field
    self.row = None if row is _D else row
    self.table = None if table is _D else table


def Warning__record(o):
    r = {
        'code': o.code,
        'message': o.message,
        'field': o.field,
        'row': o.row,
        'table': o.table,
    }
    return r


def Warning__json(o):
    t = []
    v = o.code
    t += ('{"code":', _s(v))
    v = o.message
    t += (',"message":', _s(v))
    v = o.field
    t += (',"field":', "null" if v is None else _s(v))
    v = o.row
    t += (',"row":', _number(v))
    v = o.table
    t += (',"table":', _number(v))
    t.append("}")
    return "".join(t)


def Column__init__(
    self,
    *,
    header,
    field,
):
    self.header = header
    self.field = field


def Column__record(o):
    r = {
        'header': o.header,
        'field': o.field,
    }
    return r


def Column__json(o):
    t = []
    v = o.header
    t += ('{"header":', _s(v))
    v = o.field
    t += (',"field":', "null" if v is None else _s(v))
    t.append("}")
    return "".join(t)


def CellSource__init__(
    self,
    *,
    page,
    box,
    confidence,
):
    self.page = page
    self.box = tuple(float(v) if type(v) is int else v for v in box)
    self.confidence = float(confidence) if type(confidence) is int else confidence


def CellSource__record(o):
    r = {
        'page': o.page,
        'box': o.box,
        'confidence': o.confidence,
    }
    return r


def CellSource__json(o):
    t = []
    v = o.page
    t += ('{"page":', _number(v))
    v = o.box
    t += (',"box":', "[" + ",".join([_number(x) for x in v]) + "]")
    v = o.confidence
    t += (',"confidence":', _number(v))
    t.append("}")
    return "".join(t)


def Row__init__(
    self,
    *,
    seq,
    cells,
    seq_text=_D,
    section=_D,
    task=_D,
    progress=_D,
    lead_units=_D,
    partner_units=_D,
    issues=_D,
    statements=_D,
    figures=_D,
    dates=_D,
    status=_D,
    assessments=_D,
    pages=_D,
    sources=_D,
):
    self.seq = seq
    self.seq_text = None if seq_text is _D else seq_text
    self.section = None if section is _D else section
    self.task = None if task is _D else task
    self.progress = None if progress is _D else progress
    self.lead_units = [] if lead_units is _D else lead_units
    self.partner_units = [] if partner_units is _D else partner_units
    self.cells = cells
    self.issues = [] if issues is _D else issues
    self.statements = [] if statements is _D else statements
    self.figures = [] if figures is _D else figures
    self.dates = [] if dates is _D else dates
    self.status = Row._defaults['status'].make() if status is _D else status
    self.assessments = [] if assessments is _D else assessments
    self.pages = [] if pages is _D else pages
    self.sources = None if sources is _D else sources


def Row__record(o):
    r = {
        'seq': o.seq,
        'seq_text': o.seq_text,
        'section': o.section,
        'task': o.task,
        'progress': o.progress,
        'lead_units': o.lead_units,
        'partner_units': o.partner_units,
        'cells': o.cells,
        'issues': [Item__record(x) for x in o.issues],
        'statements': [Statement__record(x) for x in o.statements],
        'figures': [Figure__record(x) for x in o.figures],
        'dates': [DateMention__record(x) for x in o.dates],
        'status': (None if o.status is None else Status__record(o.status)),
        'assessments': [Assessment__record(x) for x in o.assessments],
        'pages': o.pages,
    }
    if o.sources:
        r['sources'] = (
            None if o.sources is None else {k: [CellSource__record(x) for x in v] for k, v in o.sources.items()}
        )
    return r


def Row__json(o):
    t = []
    v = o.seq
    t += ('{"seq":', _number(v))
    v = o.seq_text
    t += (',"seq_text":', "null" if v is None else _s(v))
    v = o.section
    t += (',"section":', "null" if v is None else _s(v))
    v = o.task
    t += (',"task":', "null" if v is None else _s(v))
    v = o.progress
    t += (',"progress":', "null" if v is None else _s(v))
    v = o.lead_units
    t += (',"lead_units":', "[" + ",".join([_s(x) for x in v]) + "]")
    v = o.partner_units
    t += (',"partner_units":', "[" + ",".join([_s(x) for x in v]) + "]")
    v = o.cells
    t += (',"cells":', "{" + ",".join([_s(k) + ":" + _s(x) for k, x in v.items()]) + "}")
    v = o.issues
    t += (',"issues":', "[" + ",".join([Item__json(x) for x in v]) + "]")
    v = o.statements
    t += (',"statements":', "[" + ",".join([Statement__json(x) for x in v]) + "]")
    v = o.figures
    t += (',"figures":', "[" + ",".join([Figure__json(x) for x in v]) + "]")
    v = o.dates
    t += (',"dates":', "[" + ",".join([DateMention__json(x) for x in v]) + "]")
    v = o.status
    t += (',"status":', "null" if v is None else Status__json(v))
    v = o.assessments
    t += (',"assessments":', "[" + ",".join([Assessment__json(x) for x in v]) + "]")
    v = o.pages
    t += (',"pages":', "[" + ",".join([_number(x) for x in v]) + "]")
    v = o.sources
    if v:
        t += (',"sources":', "null" if v is None else _keyed_lists(v, CellSource__json))
    t.append("}")
    return "".join(t)


def Table__init__(
    self,
    *,
    columns,
    rows,
    attachment=_D,
    title=_D,
    layout=_D,
    confidence=_D,
    pages=_D,
):
    self.attachment = None if attachment is _D else attachment
    self.title = None if title is _D else title
    self.layout = None if layout is _D else layout
    self.confidence = None if confidence is _D else float(confidence) if type(confidence) is int else confidence
    self.columns = columns
    self.pages = [] if pages is _D else pages
    self.rows = rows


def Table__record(o):
    r = {
        'attachment': o.attachment,
        'title': o.title,
        'layout': o.layout,
        'confidence': o.confidence,
        'columns': [Column__record(x) for x in o.columns],
        'pages': o.pages,
        'rows': [Row__record(x) for x in o.rows],
    }
    return r


def Table__json(o):
    t = []
    v = o.attachment
    t += ('{"attachment":', "null" if v is None else _s(v))
    v = o.title
    t += (',"title":', "null" if v is None else _s(v))
    v = o.layout
    t += (',"layout":', "null" if v is None else _s(v))
    v = o.confidence
    t += (',"confidence":', _number(v))
    v = o.columns
    t += (',"columns":', "[" + ",".join([Column__json(x) for x in v]) + "]")
    v = o.pages
    t += (',"pages":', "[" + ",".join([_number(x) for x in v]) + "]")
    v = o.rows
    t += (',"rows":', "[" + ",".join([Row__json(x) for x in v]) + "]")
    t.append("}")
    return "".join(t)


def Source__init__(
    self,
    *,
    path,
    format,
    sha256,
    size,
    encoding=_D,
):
    self.path = path
    self.format = format
    self.sha256 = sha256
    self.size = size
    self.encoding = None if encoding is _D else encoding


def Source__record(o):
    r = {
        'path': o.path,
        'format': o.format,
        'sha256': o.sha256,
        'size': o.size,
        'encoding': o.encoding,
    }
    return r


def Source__json(o):
    t = []
    v = o.path
    t += ('{"path":', "null" if v is None else _s(v))
    v = o.format
    t += (',"format":', _s(v))
    v = o.sha256
    t += (',"sha256":', _s(v))
    v = o.size
    t += (',"size":', _number(v))
    v = o.encoding
    t += (',"encoding":', "null" if v is None else _s(v))
    t.append("}")
    return "".join(t)


def Document__init__(
    self,
    *,
    source,
    tables,
    schema_version=_D,
    period=_D,
    warnings=_D,
):
    self.schema_version = '1.6' if schema_version is _D else schema_version
    self.source = source
    self.period = None if period is _D else period
    self.tables = tables
    self.warnings = [] if warnings is _D else warnings


def Document__record(o):
    r = {
        'schema_version': o.schema_version,
        'source': (None if o.source is None else Source__record(o.source)),
        'period': (None if o.period is None else Period__record(o.period)),
        'tables': [Table__record(x) for x in o.tables],
        'warnings': [Warning__record(x) for x in o.warnings],
    }
    return r


def Document__json(o):
    t = []
    v = o.schema_version
    t += ('{"schema_version":', _s(v))
    v = o.source
    t += (',"source":', "null" if v is None else Source__json(v))
    v = o.period
    t += (',"period":', "null" if v is None else Period__json(v))
    v = o.tables
    t += (',"tables":', "[" + ",".join([Table__json(x) for x in v]) + "]")
    v = o.warnings
    t += (',"warnings":', "[" + ",".join([Warning__json(x) for x in v]) + "]")
    t.append("}")
    return "".join(t)
# fmt: on
# --- end of the generated code ---

_attach(globals())
