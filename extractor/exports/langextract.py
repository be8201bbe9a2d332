"""LangExtract-compatible records, so review tooling built for LangExtract reads our output.

One JSON object per document, the shape ``langextract.io.save_annotated_documents`` writes and
``load_annotated_documents_jsonl`` reads back: ``{"document_id", "text", "extractions": [{
"extraction_class", "extraction_text", "char_interval": {"start_pos", "end_pos"}, "alignment_status",
"extraction_index", "group_index", "description", "attributes"}]}``. LangExtract's offsets point into
one ``text``; ours point into a cell, so ``text`` is the document's cells, row after row, joined by
line breaks, and each span is moved by its cell's offset: ``text[start_pos:end_pos] ==
extraction_text``. ``group_index`` is the row (counted through the document from 0); attributes are
strings, as LangExtract types them. A failed file keeps its place: no text, no extractions, and our
``error`` beside them (LangExtract ignores keys it does not know).
"""

from __future__ import annotations

from typing import Any

from extractor.exports.rows import Record, source_path

# The kinds of item a row holds, in the order they are listed, and the class each is exported as.
ITEM_CLASSES = (("issues", "issue"), ("statements", "statement"), ("figures", "figure"), ("dates", "date"))
# Item keys that are its place or its text, not attributes.
_PLACE = {"text", "span", "field"}
CELL_SEPARATOR = "\n"


def langextract_document(record: Record) -> dict[str, Any]:
    path = source_path(record)
    if "error" in record:
        return {"document_id": path, "text": "", "extractions": [], "error": record["error"]}
    pieces: list[str] = []
    offset = 0
    extractions: list[dict[str, Any]] = []
    group = 0
    for table_index, table in enumerate(record.get("tables") or ()):
        for row in table.get("rows") or ():
            starts: dict[str, int] = {}
            for name, text in (row.get("cells") or {}).items():
                starts[name] = offset
                pieces.append(text)
                offset += len(text) + len(CELL_SEPARATOR)
            place = {"table": str(table_index), "seq": _text(row.get("seq"))}
            for key, name in ITEM_CLASSES:
                for item in row.get(key) or ():
                    extractions.append(_extraction(name, item, starts, group, place))
            status = row.get("status") or {}
            for item in status.get("evidence") or ():
                extractions.append(
                    _extraction("status_cue", item, starts, group, {**place, "status": status.get("value")})
                )
            group += 1
    for index, extraction in enumerate(extractions, 1):
        extraction["extraction_index"] = index
    return {"document_id": path, "text": CELL_SEPARATOR.join(pieces), "extractions": extractions}


def _extraction(
    name: str, item: dict[str, Any], starts: dict[str, int], group: int, place: dict[str, str | None]
) -> dict[str, Any]:
    base = starts.get(item.get("field") or "")
    span = item.get("span")
    interval = None
    if base is not None and span:
        interval = {"start_pos": base + span[0], "end_pos": base + span[1]}
    attributes = {"field": item.get("field"), **place}
    attributes.update({key: _text(value) for key, value in item.items() if key not in _PLACE})
    return {
        "extraction_class": name,
        "extraction_text": item.get("text", ""),
        "char_interval": interval,
        "alignment_status": "match_exact" if interval else None,
        "extraction_index": None,
        "group_index": group,
        "description": None,
        "attributes": {key: value for key, value in attributes.items() if value is not None},
    }


def _text(value: Any) -> str | None:
    """LangExtract's attributes are strings (or lists of strings)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
