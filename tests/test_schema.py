"""The committed JSON Schema is the models' schema, and output validates against it."""

from __future__ import annotations

import json

import jsonschema

import extractor
from extractor.output import schema
from tests.helpers import ROOT, SEED_FILES

COMMITTED = ROOT / "schemas" / "document.schema.json"


def test_committed_schema_matches_models() -> None:
    assert json.loads(COMMITTED.read_text("utf-8")) == schema(), "run: extractor schema > schemas/document.schema.json"


def test_output_validates() -> None:
    validator = jsonschema.Draft202012Validator(schema())
    for path in SEED_FILES.values():
        validator.validate(extractor.parse(path).model_dump(mode="json"))
