"""``to_json`` (pydantic's serializer) writes exactly what ``json.dumps(ensure_ascii=False, indent=2)`` wrote."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

import extractor
from extractor.output import document_dict, document_json, to_json

ROOT = Path(__file__).resolve().parent.parent


def _reference(record: Any) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2)


@pytest.mark.parametrize(
    "path",
    [
        "samples/seed.txt",
        "samples/seed.docx",
        "tests/fixtures/variant7.txt",
        *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "corpus" / "dev").glob("*.txt"))[:12],
    ],
)
def test_records_as_before(path: str) -> None:
    record = document_dict(extractor.parse(ROOT / path))
    assert to_json(record) == _reference(record)


@pytest.mark.parametrize(
    "value",
    [
        7e-08,  # Rust: 7e-8
        -1.5e-07,
        1e-05,  # Rust: 0.00001
        0.00012,
        9.9e-05,
        1e16,
        1e-300,
        5e-324,
        4300000000.0,
        -0.0,
        2**70,
        float("inf"),
        float("nan"),
    ],
)
def test_numbers(value: float) -> None:
    record = {"value": value, "list": [value, {"x": value}], "text": f"{value} e- 0.00001"}
    assert to_json(record) == _reference(record)


@pytest.mark.parametrize(
    "record",
    [
        {"text": 'a"\\\n\r\t\b\f\x00\x1f\x7f\u2028\u3000中', "empty": [], "none": {}, "nested": [[], [{}]]},
        {"key: 1e-7": "value: 1e-7", "k": "x 1e-7", "n": ["0.00001", " 1e-7"]},  # numbers' shapes in strings
        {"lone": "\ud800"},  # a lone surrogate: only Python writes it
        {1: "a key that is no string"},
    ],
)
def test_strings_and_shapes(record: dict[Any, Any]) -> None:
    assert to_json(record) == _reference(record)


def _value(rng: random.Random, depth: int) -> Any:
    kind = rng.random()
    if depth > 3 or kind < 0.3:
        pick = rng.random()
        if pick < 0.25:
            return rng.uniform(-1, 1) * 10 ** rng.randint(-12, 20)
        if pick < 0.35:
            return rng.randint(-(10**20), 10**20)
        if pick < 0.45:
            return rng.choice([None, True, False, 0.0, 1e-5, 7e-08])
        return "".join(rng.choice('ab :"\\\n\t\x00\x7f中。 1e-7,0.00001\u2028') for _ in range(rng.randint(0, 12)))
    if kind < 0.65:
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    keys = ("".join(rng.choice('ab:" 1e-5') for _ in range(rng.randint(0, 5))) for _ in range(3))
    return {key: _value(rng, depth + 1) for key in keys}


def test_generated_records() -> None:
    rng = random.Random(16)
    for _ in range(3000):
        record = {"a": _value(rng, 0), "b": [_value(rng, 1)]}
        assert to_json(record) == _reference(record)


@pytest.mark.parametrize("path", ["samples/seed.txt", "samples/seed.docx", "tests/fixtures/variant7.txt"])
def test_document_json_is_the_record_s_text(path: str) -> None:
    document = extractor.parse(ROOT / path)
    assert document_json(document) == to_json(document_dict(document)).encode("utf-8")


def test_document_json_of_numbers_only_python_writes() -> None:
    """A value under 1e-4 and an infinite one (a hostile cell's 400 digits) as json.dumps writes them."""
    document = extractor.parse("序号\t目标任务\t完成情况\n1\t任务\t完成投资3亿元\n".encode())
    figure = document.tables[0].rows[0].figures[0]
    small = figure.model_copy(update={"value": 7e-08, "value_max": float("inf")})
    document.tables[0].rows[0].figures.append(small)
    text = document_json(document).decode("utf-8")
    assert text == to_json(document_dict(document))
    assert '"value": 7e-08' in text and '"value_max": Infinity' in text
