"""Serialising documents: JSON (one document), JSONL (one per line), and error records."""

from __future__ import annotations

import json
from typing import Any

from extractor.errors import ExtractorError
from extractor.models import Document


def document_dict(document: Document) -> dict[str, Any]:
    return document.model_dump(mode="json")


def error_dict(path: str, error: ExtractorError) -> dict[str, Any]:
    """The record written in a failed file's place, so nothing is silently skipped."""
    return {"source": {"path": path}, "error": {"code": error.code, "message": error.message}}


def to_json(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2)


def to_jsonl(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def schema() -> dict[str, Any]:
    document_schema = Document.model_json_schema()
    document_schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return document_schema


def schema_text() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=2) + "\n"
