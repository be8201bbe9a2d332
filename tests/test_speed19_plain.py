"""The CLI writes plain records (``extractor.plain``), not pydantic models: its bytes are those the
pydantic Document would write (``model_dump_json``, then laid out as ``json.dumps`` lays it out), on
every golden sample and on generated documents; and a plain parse never imports pydantic."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extractor
from extractor import plain
from extractor.cli import main
from extractor.models import Document, Figure, Item, Statement, from_plain
from extractor.output import RowTexts, document_json_chunks
from extractor.pipeline import rows_to
from tests.conftest_helpers import kept_rows
from tests.helpers import SEED_FILES

ROOT = Path(__file__).resolve().parent.parent


def _reference(document: Document, compact: bool) -> bytes:
    """What the pydantic Document writes, as the CLI lays it out (``json.dumps`` of the record)."""
    record = json.loads(document.model_dump_json())
    if compact:
        return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
    return json.dumps(record, ensure_ascii=False, indent=2).encode()


@pytest.mark.parametrize("name", sorted(SEED_FILES))
@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_cli_bytes_are_the_pydantic_document_s(name: str, fmt: str, tmp_path: Path) -> None:
    path = SEED_FILES[name]
    out = tmp_path / f"out.{fmt}"
    assert main(["parse", str(path), "-o", str(out), "--format", fmt]) == 0
    expected = _reference(extractor.parse(path), compact=fmt == "jsonl") + b"\n"
    assert out.read_bytes() == expected


def test_a_parse_within_rows_to_is_plain_and_writes_the_same() -> None:
    text = (
        "序号\t目标任务\t完成情况\n1\t任务一\t完成投资3亿元，同比增长0.00005%\n2\t任務二\t已完成，增長５％\n".encode()
    )
    rows = RowTexts()
    with rows_to(rows):
        lean = extractor.parse(text)
    document = extractor.parse(text)
    assert isinstance(lean, plain.Document) and isinstance(document, Document)
    assert b"".join(document_json_chunks(lean, rows=rows)) == _reference(document, compact=False)
    assert b"".join(document_json_chunks(lean, compact=True, rows=rows)) == _reference(document, compact=True)


# --- generated records ----------------------------------------------------------------------------

_TEXT = st.text(
    alphabet=st.sampled_from(
        list('任务完成投资亿元％%,，。"\\\n\t /{}[]:e-0123456789abcＡ' + "\u3000\u00a0\U0001f600")
    ),
    max_size=12,
)
_FLOAT = st.one_of(
    st.floats(allow_nan=False),
    st.sampled_from([1e-5, 7e-08, 1.5e-7, 0.00001234, 1e16, 1e22, -0.0, 3.0, float("inf"), float("-inf")]),
    st.integers(-(10**6), 10**6),  # an int given for a float: written as a float, as pydantic makes it
)
_SPAN = st.tuples(st.integers(0, 500), st.integers(0, 500)) | st.lists(st.integers(0, 500), min_size=2, max_size=2)
_OPT = st.none() | _TEXT


def _item(cls: type = plain.Item, **extra: st.SearchStrategy) -> st.SearchStrategy:
    return st.builds(cls, text=_TEXT, field=_TEXT, span=_SPAN, rule=_OPT, **extra)


_STATEMENT = _item(plain.Statement, kind=st.sampled_from(["progress", "issue", "plan"]))
_FIGURE = _item(
    plain.Figure,
    kind=st.sampled_from(["amount", "percent", "change"]),
    value=_FLOAT,
    value_max=st.none() | _FLOAT,
    unit=_TEXT,
    currency_assumed=st.booleans(),
    basis=st.none() | st.sampled_from(["yoy", "target"]),
    subject=_OPT,
    role=st.none() | st.sampled_from(["target", "actual"]),
)
_DATE = _item(
    plain.DateMention,
    kind=st.sampled_from(["point", "deadline"]),
    grain=st.sampled_from(["day", "month"]),
    start=_OPT,
    end=_OPT,
    year_known=st.booleans(),
)
_ANY_ITEM = st.one_of(_item(), _STATEMENT, _FIGURE, _DATE)  # evidence holds items of every kind
_STATUS = st.builds(
    plain.Status,
    value=st.sampled_from(["done", "behind", "unknown"]),
    evidence=st.lists(_ANY_ITEM, max_size=3),
    completion=st.none() | _FLOAT,
    schedule=st.none() | _FLOAT,
    verdict=_OPT,
    set_aside=st.lists(st.builds(plain.SetAside, item=_ANY_ITEM, reason=_TEXT), max_size=2),
)
_ASSESSMENT = st.builds(
    plain.Assessment,
    subject=_OPT,
    target=_FIGURE,
    actual=st.none() | _FIGURE,
    met=st.none() | st.booleans(),
    gap=st.none() | _FLOAT,
    gap_unit=_OPT,
    share=st.none() | _FLOAT,
)
_SOURCES = st.none() | st.dictionaries(
    _TEXT,
    st.lists(
        st.builds(plain.CellSource, page=st.integers(1, 9), box=st.tuples(*[_FLOAT] * 4), confidence=_FLOAT),
        max_size=2,
    ),
    max_size=2,
)
_ROW = st.builds(
    plain.Row,
    seq=st.none() | st.integers(-5, 10**9),
    seq_text=_OPT,
    section=_OPT,
    task=_OPT,
    lead_units=st.lists(_TEXT, max_size=2),
    cells=st.dictionaries(_TEXT, _TEXT, max_size=3),
    issues=st.lists(_item(), max_size=2),
    statements=st.lists(_STATEMENT, max_size=2),
    figures=st.lists(_FIGURE, max_size=3),
    dates=st.lists(_DATE, max_size=2),
    status=_STATUS,
    assessments=st.lists(_ASSESSMENT, max_size=2),
    pages=st.lists(st.integers(1, 99), max_size=2),
    sources=_SOURCES,
)
_TABLE = st.builds(
    plain.Table,
    title=_OPT,
    layout=_OPT,
    confidence=st.none() | _FLOAT,
    columns=st.lists(st.builds(plain.Column, header=_TEXT, field=_OPT), max_size=3),
    pages=st.lists(st.integers(1, 99), max_size=2),
    rows=st.lists(_ROW, max_size=3),
)
_DOCUMENT = st.builds(
    plain.Document,
    source=st.builds(
        plain.Source, path=_OPT, format=st.sampled_from(["txt", "pdf"]), sha256=_TEXT, size=st.integers(0, 10**9)
    ),
    period=st.none()
    | st.builds(plain.Period, text=_TEXT, source=_TEXT, year=st.none() | st.integers(1990, 2100), elapsed=_FLOAT),
    tables=st.lists(_TABLE, max_size=3),
    warnings=st.lists(
        st.builds(plain.Warning, code=_TEXT, message=_TEXT, row=st.none() | st.integers(0, 9)), max_size=2
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCUMENT)
def test_a_plain_document_writes_what_its_pydantic_model_writes(document: plain.Document) -> None:
    model = from_plain(document)
    assert isinstance(model, Document)
    for compact in (False, True):
        expected = _reference(model, compact)
        assert b"".join(document_json_chunks(document, compact=compact)) == expected
        assert b"".join(document_json_chunks(model, compact=compact)) == expected
    assert document.model_dump(mode="json") == model.model_dump(mode="json")
    # the CLI's way: each row kept as its compact text, the document written without its rows
    head, rows = kept_rows(document)
    for compact in (False, True):
        assert b"".join(document_json_chunks(head, compact=compact, rows=rows)) == _reference(
            from_plain(_numbered(document, rows.by_position)), compact
        )


def _numbered(document: plain.Document, by_position: bool) -> plain.Document:
    """The document with seq as ``number_rows`` sets it."""
    if by_position:
        rows = [row for table in document.tables for row in table.rows]
        for position, row in enumerate(rows, 1):
            row.seq = position
    return document


# --- what pydantic's validation did, the plain records do --------------------------------------------


def test_int_for_a_float_is_a_float_and_a_span_a_tuple() -> None:
    figure = plain.Figure(text="3亿元", field="progress", span=[0, 3], kind="amount", value=3, unit="CNY")
    assert figure.span == (0, 3) and type(figure.value) is float and figure.value_max is None
    assert figure.model_dump(mode="json")["span"] == [0, 3]
    assert figure.model_dump()["span"] == (0, 3)
    assert type(plain.Period(text="一季度", source="title", elapsed=1).elapsed) is float
    # model_copy does not validate, as pydantic's does not
    copied = figure.model_copy(update={"value": 4})
    assert copied.value == 4 and type(copied.value) is int


def test_a_nested_record_is_written_by_its_declared_class() -> None:
    statement = plain.Statement(text="已完成", field="progress", span=(0, 3), kind="progress", rule="r")
    status = plain.Status(value="done", evidence=[statement])
    record = status.model_dump(mode="json")
    assert record["evidence"] == [{"text": "已完成", "field": "progress", "span": [0, 3], "rule": "r"}]
    model = from_plain(status)
    assert type(model.evidence[0]) is Statement  # kept as its own class, as pydantic keeps a subclass
    assert model.model_dump(mode="json") == record


def test_plain_and_pydantic_records_compare_equal_both_ways() -> None:
    item = plain.Item(text="滞后", field="progress", span=(1, 3))
    assert item == Item(text="滞后", field="progress", span=(1, 3))
    assert Item(text="滞后", field="progress", span=(1, 3)) == item
    assert item != Item(text="滞后", field="progress", span=(1, 4))
    assert item != plain.Statement(text="滞后", field="progress", span=(1, 3), kind="issue")
    figure = plain.Figure(text="5%", field="t", span=(0, 2), kind="percent", value=5.0, unit="%")
    assert [figure] == [Figure(text="5%", field="t", span=(0, 2), kind="percent", value=5.0, unit="%")]


def test_a_status_keeps_lists_of_its_own() -> None:
    evidence = [plain.Item(text="完成", field="progress", span=(0, 2))]
    status = plain.Status(value="done", evidence=evidence)
    evidence.append(plain.Item(text="滞后", field="progress", span=(2, 4)))
    assert len(status.evidence) == 1


def test_sources_left_out_unless_the_row_has_some() -> None:
    row = plain.Row(seq=1, cells={"task": "任务"})
    assert "sources" not in row.model_dump(mode="json")
    row.sources = {"task": [plain.CellSource(page=1, box=(0, 0, 1, 2), confidence=1)]}
    assert row.model_dump(mode="json")["sources"] == {
        "task": [{"page": 1, "box": [0.0, 0.0, 1.0, 2.0], "confidence": 1.0}]
    }
    assert from_plain(row).model_dump(mode="json") == row.model_dump(mode="json")


def test_extract_figures_of_the_package_are_models_and_of_the_rules_plain() -> None:
    from extractor.rules.figures import extract_figures

    (model,) = extractor.extract_figures("同比下降4.2%")
    (record,) = extract_figures("同比下降4.2%")
    assert isinstance(model, Figure) and isinstance(record, plain.Figure)
    assert model == record and model.value == -4.2


# --- no pydantic on the CLI's path ----------------------------------------------------------------

_PLAIN_PARSE = """
import sys
import extractor.cli
code = extractor.cli.main(["parse", sys.argv[1], "-o", sys.argv[2]])
models = ("pydantic", "pydantic_core", "extractor.models")
print(code, sorted(m for m in sys.modules if m.split(".")[0] in models or m == models[2]))
"""


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_the_cli_parses_seed_txt_without_pydantic(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"seed.{fmt}"
    # A rule cache of its own, filled by a first run: a run that compiles the rules validates the
    # rule files with pydantic models (rules/schema.py); one served by the cache does not.
    env = {**os.environ, "EXTRACTOR_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-c", _PLAIN_PARSE, str(ROOT / "samples" / "seed.txt"), str(out)]
    first = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    assert first.stdout.startswith("0 ")
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    assert done.stdout.strip() == "0 []", done.stdout + done.stderr
    assert out.read_bytes() == _reference(extractor.parse(ROOT / "samples" / "seed.txt"), fmt == "jsonl") + b"\n"


def test_the_library_parse_imports_pydantic_when_it_returns_the_models() -> None:
    code = (
        "import sys, extractor; d = extractor.parse(sys.argv[1]); print(type(d).__module__, 'pydantic' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "samples" / "seed.txt")], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["extractor.models", "True"]


def test_floats_pydantic_and_json_write_differently_are_written_as_json_does() -> None:
    """Under 1e-4 Rust and Python write a float differently; the plain path is json's own."""
    row = plain.Row(seq=1, cells={}, figures=[])
    row.figures.append(
        plain.Figure(text="x", field="t", span=(0, 1), kind="percent", value=7e-08, value_max=math.inf, unit="%")
    )
    document = plain.Document(
        source=plain.Source(path=None, format="txt", sha256="0", size=0),
        tables=[plain.Table(columns=[], rows=[row])],
    )
    text = b"".join(document_json_chunks(document))
    assert b'"value": 7e-08,' in text and b'"value_max": Infinity,' in text
    assert text == _reference(from_plain(document), compact=False)


def test_the_written_out_code_is_what_the_classes_declare() -> None:
    """plain.py holds each class's __init__ and _record written out (compiling them at import cost
    2 % of a whole parse): they must be those its fields make (``plain._write_generated()``)."""
    assert plain.generated_source() in Path(plain.__file__).read_text(encoding="utf-8")
    assert plain.Row.__init__.__qualname__ == "Row.__init__"
    for name, cls in plain.CLASSES.items():
        assert cls.__init__.__code__.co_name == f"{name}__init__"
        assert cls._record.__code__.co_name == f"{name}__record"


@pytest.mark.parametrize(
    "update",
    [
        {"value": 4, "value_max": float("nan")},  # a copy is not validated: an int stays an int
        {"value": float("-inf"), "currency_assumed": True, "subject": "增速\u3000“快”\\"},
        {"value": 1e-7, "value_max": 1e22, "span": [3, 4]},
        {"unit": 5},  # not of its field's type: written as json writes it (through json.dumps)
        {"text": "\U0001f600\u2028\x00"},
    ],
)
def test_compact_json_is_json_dumps_of_the_record(update: dict[str, object]) -> None:
    figure = plain.Figure(text="5%", field="t", span=(0, 2), kind="percent", value=5.0, unit="%")
    row = plain.Row(seq=2, cells={"task": "任务", "进度（%）": "5"}, figures=[figure.model_copy(update=update)])
    expected = json.dumps(plain.Row._record(row), ensure_ascii=False, separators=(",", ":"))
    assert plain.compact_json(row) == expected


def test_compact_json_of_a_key_that_is_no_string_as_json_writes_it() -> None:
    row = plain.Row(seq=None, cells={1: "一"})  # type: ignore[dict-item]
    assert plain.compact_json(row).startswith('{"seq":null,') and '"cells":{"1":"一"}' in plain.compact_json(row)
