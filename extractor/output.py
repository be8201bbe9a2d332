"""Serialising documents: JSON (one document), JSONL (one per line), and error records."""

from __future__ import annotations

import json
import re
from typing import Any

import pydantic_core

from extractor.errors import ExtractorError
from extractor.limits import fewer_collections
from extractor.models import Document


def document_dict(document: Document) -> dict[str, Any]:
    with fewer_collections():  # a dict for every record: none in a cycle (see limits.fewer_collections)
        return document.model_dump(mode="json")


def document_json(document: Document) -> bytes:
    """``to_json(document_dict(document))`` in UTF-8, made from the document without the dict
    between: a 20,000-row record's dict (120 MB) and its text as a str (225 MB) are never held."""
    with fewer_collections():
        return _python_small_floats(document.__pydantic_serializer__.to_json(document, indent=2))


def error_dict(path: str, error: ExtractorError) -> dict[str, Any]:
    """The record written in a failed file's place, so nothing is silently skipped."""
    return {"source": {"path": path}, "error": {"code": error.code, "message": error.message}}


def to_json(record: dict[str, Any]) -> str:
    """The record as indented JSON, exactly as ``json.dumps(record, ensure_ascii=False, indent=2)``
    writes it, made by pydantic's serializer (Rust): ``json.dumps`` indents in Python, a small string
    for every token (a 20,000-row record took 4 s and 700 MB on the way)."""
    if not isinstance(record, dict):
        return json.dumps(record, ensure_ascii=False, indent=2)
    try:
        text = pydantic_core.to_json(record, indent=2)
    except Exception:  # what only Python writes (a lone surrogate, a key that is no string): as before
        return json.dumps(record, ensure_ascii=False, indent=2)
    return _python_small_floats(text).decode("utf-8")


# A number under 1e-4 is the one token the two write differently (Rust 1.5e-7 or 0.00001, Python
# 1.5e-07 and 1e-05). In indented JSON a number stands after a space ("key": 1e-7, or alone on an
# array's line) and ends its line (a comma at most); a string ends in its quote on the same line, so
# a match is never text inside a string.
_SMALL_FLOAT = re.compile(rb"(?<= )(-?(?:\d+(?:\.\d+)?e-\d+|0\.0000\d*))(?=,?$)")


def _python_small_floats(text: bytes) -> bytes:
    """``text`` with each number under 1e-4 written as Python writes it; only the lines that hold
    an ``e-`` or ``0.0000`` are read (found by a byte search, not a regex over the whole text)."""
    lines: set[int] = set()
    for needle in (b"e-", b"0.0000"):
        found = text.find(needle)
        while found != -1:
            lines.add(text.rfind(b"\n", 0, found) + 1)
            found = text.find(needle, found + 1)
    if not lines:
        return text
    pieces, done = [], 0
    for start in sorted(lines):
        end = text.find(b"\n", start)
        end = len(text) if end == -1 else end
        line = text[start:end]
        fixed = _SMALL_FLOAT.sub(_python_float, line)
        if fixed != line:
            pieces += [text[done:start], fixed]
            done = end
    return b"".join([*pieces, text[done:]]) if pieces else text


def _python_float(match: re.Match[bytes]) -> bytes:
    return repr(float(match.group(1))).encode("ascii")  # both write the shortest text that reads back


def to_jsonl(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def schema() -> dict[str, Any]:
    document_schema = Document.model_json_schema()
    document_schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return document_schema


def schema_text() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=2) + "\n"
