"""The review page: one self-contained HTML file for a batch of parse records.

Everything is rendered here, in Python, as escaped HTML; the inline script only filters, searches
and shows details, and reads nothing but the page's own elements and escaped attributes. A
Content-Security-Policy allows exactly the inline style and script by their hashes, so even a
missed escape could not run injected code, and the page makes no request at all.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources
from typing import Any

from extractor.review.marks import Mark, fits, render_marked

# Item kinds, outermost first when two share a span (a figure innermost, so hovering it finds it first);
# each has its colour in review.css.
LAYERS = ("statement", "evidence", "issue", "date", "figure")
STATUS_ORDER = ("done", "on_track", "behind", "stalled", "not_started", "unknown")
QUALIFIER_SIGNS = {"at_least": "≥", "above": ">", "at_most": "≤", "below": "<", "about": "≈"}
CHUNK_ROWS = 40
WARNINGS_OPEN = 5
LIST_TEXT_CHARS = 40  # a statement's text in the side list is cut here; its cell shows it whole


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def _text(value: object) -> str:
    return escape(str(value), quote=False)


def number(value: float | None) -> str:
    """A figure's value for reading: 30,000,000 · 73.7 · 0.071667 (no float noise)."""
    if value is None:
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return format(value, ",.6g")


def percent(share: float | None) -> str:
    return "" if share is None else f"{share * 100:.1f}%"


def figure_value(figure: dict[str, Any]) -> str:
    """Normalized value with its unit: ≥30,000,000 USD, -73.7%, 30–50%."""
    value = number(figure.get("value"))
    if figure.get("kind") == "change" and (figure.get("value") or 0) > 0:
        value = "+" + value
    if figure.get("value_max") is not None:
        value += "–" + number(figure["value_max"])
    unit = figure.get("unit") or ""
    joined = value + unit if unit in ("%", "x") else f"{value} {unit}".strip()
    return QUALIFIER_SIGNS.get(figure.get("qualifier") or "", "") + joined


def figure_details(figure: dict[str, Any]) -> list[str]:
    details = [figure_value(figure)]
    if figure.get("currency_assumed"):
        details.append("currency assumed (元 read as CNY)")
    for key in ("role", "subject", "basis", "scope"):
        if figure.get(key):
            details.append(f"{key} {figure[key]}")
    return details


def date_details(date: dict[str, Any]) -> list[str]:
    details = [f"{date.get('kind')} ({date.get('grain')})"]
    start, end = date.get("start"), date.get("end")
    if start or end:
        details.append(start if start == end else f"{start or '?'} – {end or '?'}")
    if not date.get("year_known"):
        details.append("year not written")
    return details


@dataclass
class Reading:
    """One item of a row as the page shows it: a mark in its cell and an entry in the side list."""

    layer: str  # one of LAYERS
    kind: str  # the item's own kind (amount, period, forecast …) or the layer's name
    item: dict[str, Any]
    details: list[str]
    ref: str = ""  # set when numbered within the row
    located: bool = True

    def tooltip(self) -> str:
        lines = [f"{self.layer} · {self.kind}" if self.kind != self.layer else self.layer, *self.details]
        lines.append(f"rule {self.item.get('rule') or '—'}")
        return "\n".join(lines)


def row_readings(row: dict[str, Any]) -> list[Reading]:
    """The row's items in the order the side list shows them: figures, dates, issues, statements."""
    readings = [Reading("figure", f.get("kind") or "figure", f, figure_details(f)) for f in row.get("figures", [])]
    readings += [Reading("date", d.get("kind") or "date", d, date_details(d)) for d in row.get("dates", [])]
    readings += [Reading("issue", "issue", item, []) for item in row.get("issues", [])]
    readings += [Reading("statement", s.get("kind") or "statement", s, []) for s in row.get("statements", [])]
    status = row.get("status") or {}
    readings += [
        Reading("evidence", "evidence", item, [f"decided status {status.get('value')}"])
        for item in status.get("evidence", [])
    ]
    return readings


def locate(readings: list[Reading], cells: dict[str, str], row_id: str) -> dict[str, list[Mark]]:
    """Number the readings and turn those whose span holds their text into marks, by cell."""
    marks: dict[str, list[Mark]] = {}
    for index, reading in enumerate(readings):
        reading.ref = f"{row_id}-{index}"
        item = reading.item
        text = cells.get(item.get("field") or "")
        span = item.get("span") or (0, 0)
        mark = Mark(
            int(span[0]),
            int(span[1]),
            f' class="m m-{reading.layer} k-{_attr(reading.kind)}" data-ref="{reading.ref}"'
            f' title="{_attr(reading.tooltip())}"',
            LAYERS.index(reading.layer),
        )
        reading.located = text is not None and fits(mark, text) and text[mark.start : mark.end] == item.get("text")
        if reading.located:
            marks.setdefault(item["field"], []).append(mark)
    return marks


def _list_text(text: str) -> str:
    return text if len(text) <= LIST_TEXT_CHARS else text[: LIST_TEXT_CHARS - 1] + "…"


def unlocated_list(readings: list[Reading]) -> str:
    """Items whose span does not hold their text in their cell: listed, since they cannot be marked."""
    lost = [reading for reading in readings if not reading.located]
    if not lost:
        return ""
    entries = "".join(
        f"<li>{_text(reading.layer)} <q>{_text(_list_text(reading.item.get('text') or ''))}</q> "
        f"<small>{_text(reading.item.get('field') or '')} {_text(reading.item.get('span'))}</small></li>"
        for reading in lost
    )
    return f'<div class="lost">not found in its cell:<ul>{entries}</ul></div>'


def status_cell(status: dict[str, Any], readings: list[Reading]) -> str:
    value = status.get("value") or "unknown"
    parts = [f'<span class="status s-{_attr(value)}">{_text(value)}</span>']
    facts = []
    if status.get("completion") is not None:
        facts.append(f"done {percent(status['completion'])}")
    if status.get("schedule") is not None:
        facts.append(f"schedule {percent(status['schedule'])}")
    if facts:
        parts.append(f'<div class="facts">{_text(" · ".join(facts))}</div>')
    if status.get("verdict"):
        parts.append(f'<div class="verdict">verdict: {_text(status["verdict"])}</div>')
    evidence = [r for r in readings if r.layer == "evidence"]
    if evidence:
        items = "".join(
            f'<li class="r-evidence" data-ref="{r.ref}"><q>{_text(_list_text(r.item.get("text") or ""))}</q>'
            f" <small>{_text(r.item.get('rule') or '')}</small></li>"
            for r in evidence
        )
        parts.append(f'<ul class="evidence">{items}</ul>')
    set_aside = status.get("set_aside") or []
    parts.append(unlocated_list(readings))
    if set_aside:
        items = "".join(
            f"<li><q>{_text(_list_text((entry.get('item') or {}).get('text') or ''))}</q> "
            f"— {_text(entry.get('reason') or '')}</li>"
            for entry in set_aside
        )
        parts.append(f"<details><summary>set aside ({len(set_aside)})</summary><ul>{items}</ul></details>")
    return "".join(parts)


def assessment_cell(assessments: list[dict[str, Any]]) -> str:
    blocks = []
    for assessment in assessments:
        met = assessment.get("met")
        verdict = {True: ("met", "met"), False: ("missed", "missed")}.get(met, ("open", "not decided"))
        target = assessment.get("target") or {}
        actual = assessment.get("actual")
        lines = [
            f'<span class="met {verdict[0]}">{verdict[1]}</span> <b>{_text(assessment.get("subject") or "—")}</b>',
            f"target <q>{_text(target.get('text') or '')}</q> = {_text(figure_value(target))}",
            (
                f"actual <q>{_text(actual.get('text') or '')}</q> = {_text(figure_value(actual))}"
                if actual
                else "actual —"
            ),
        ]
        if assessment.get("gap") is not None:
            gap = assessment["gap"]
            lines.append(f"gap {'+' if gap > 0 else ''}{_text(number(gap))} {_text(assessment.get('gap_unit') or '')}")
        if assessment.get("share") is not None:
            lines.append(f"share {percent(assessment['share'])}")
        blocks.append('<div class="assessment">' + "<br>".join(lines) + "</div>")
    return "".join(blocks)


def _column_keys(table: dict[str, Any]) -> list[str | None]:
    """The cells key of each column; None for a repeated key, whose text its first column shows."""
    keys: list[str | None] = []
    for column in table.get("columns", []):
        key = column.get("field") or column.get("header") or ""
        keys.append(None if key in keys else key)
    return keys


def render_table(table: dict[str, Any], doc_index: int, table_index: int) -> Iterator[str]:
    columns = table.get("columns", [])
    keys = _column_keys(table)
    rows = table.get("rows", [])
    extra_keys = any(key not in keys for row in rows for key in row.get("cells", {}))
    has_assessments = any(row.get("assessments") for row in rows)

    label = " ".join(part for part in (table.get("attachment"), table.get("title")) if part)
    meta = [f"{len(rows)} rows"]
    if table.get("layout"):
        meta.append(f"layout {table['layout']}")
    if table.get("confidence") is not None:
        meta.append(f"confidence {table['confidence']:.2f}")
    if table.get("pages"):
        meta.append("pages " + ", ".join(str(p) for p in table["pages"]))
    yield (
        f'<h3 id="d{doc_index}-t{table_index}">Table {table_index + 1}'
        f"{': ' + _text(label) if label else ''} <small>{_text(' · '.join(meta))}</small></h3>"
    )
    headers = ['<th class="num">#</th>']
    for column in columns:
        field = column.get("field")
        headers.append(
            f"<th>{_text(column.get('header') or '')}"
            f'<span class="field">{"→ " + _text(field) if field else "(no field)"}</span></th>'
        )
    if extra_keys:
        headers.append("<th>other cells</th>")
    headers.append("<th>status</th>")
    if has_assessments:
        headers.append("<th>assessment</th>")
    # The rows go in chunks of CHUNK_ROWS, each its own fixed-layout table with the same column widths
    # and skipped by the browser while off screen (content-visibility), so a 1,100-row document is
    # laid out a screenful at a time instead of all at once.
    widths = ['<col class="c-num">']
    widths += [f'<col class="c-{_attr(column.get("field") or "other")}">' for column in columns]
    widths += ['<col class="c-other">'] * extra_keys + ['<col class="c-status">']
    widths += ['<col class="c-assessment">'] * has_assessments
    colgroup = f"<colgroup>{''.join(widths)}</colgroup>"
    yield f'<div class="grid"><table class="head">{colgroup}<thead><tr>{"".join(headers)}</tr></thead></table>'

    section = None
    for chunk_start in range(0, len(rows), CHUNK_ROWS):
        yield f'<div class="chunk"><table class="rows">{colgroup}<tbody>'
        for row_index in range(chunk_start, min(chunk_start + CHUNK_ROWS, len(rows))):
            row = rows[row_index]
            if row.get("section") != section:  # a row under no heading after one is said so
                section = row.get("section")
                heading = _text(section) if section else "<small>(no section)</small>"
                yield f'<tr class="section"><th colspan="{len(headers)}">{heading}</th></tr>'
            yield render_row(row, f"d{doc_index}-t{table_index}-r{row_index}", keys, extra_keys, has_assessments)
        yield "</tbody></table></div>"
    yield "</div>"


def render_row(
    row: dict[str, Any], row_id: str, keys: list[str | None], extra_keys: bool, has_assessments: bool
) -> str:
    cells: dict[str, str] = row.get("cells") or {}
    readings = row_readings(row)
    marks = locate(readings, cells, row_id)
    status = row.get("status") or {}
    seq = row.get("seq")
    pages = row.get("pages") or []
    number_cell = _text("" if seq is None else seq) + (
        f'<span class="pages">p. {_text(", ".join(str(p) for p in pages))}</span>' if pages else ""
    )
    tds = [f'<td class="num">{number_cell}</td>']
    for key in keys:
        if key is None or key not in cells:
            tds.append("<td></td>")
        else:
            tds.append(f'<td class="ct" data-field="{_attr(key)}">{render_marked(cells[key], marks.get(key, []))}</td>')
    if extra_keys:
        others = "".join(
            f'<div><span class="key">{_text(key)}:</span> <span class="ct" data-field="{_attr(key)}">'
            f"{render_marked(text, marks.get(key, []))}</span></div>"
            for key, text in cells.items()
            if key not in keys
        )
        tds.append(f"<td>{others}</td>")
    tds.append(f'<td class="st">{status_cell(status, readings)}</td>')
    if has_assessments:
        tds.append(f"<td>{assessment_cell(row.get('assessments') or [])}</td>")
    leads = json.dumps(row.get("lead_units") or [], ensure_ascii=False)
    return (
        f'<tr class="row" id="{row_id}" data-status="{_attr(status.get("value") or "unknown")}" '
        f'data-leads="{_attr(leads)}">{"".join(tds)}</tr>'
    )


def _warning_line(warning: dict[str, Any], doc_index: int) -> str:
    where = []
    table, row = warning.get("table"), warning.get("row")
    if table is not None:
        where.append(f"table {table + 1}")
    if row is not None:
        where.append(f"row {row + 1}")
    if warning.get("field"):
        where.append(f"field {warning['field']}")
    place = _text(", ".join(where))
    if table is not None and row is not None:
        place = f'<a href="#d{doc_index}-t{table}-r{row}">{place}</a>'
    elif table is not None:
        place = f'<a href="#d{doc_index}-t{table}">{place}</a>'
    return (
        f'<li><span class="code">{_text(warning.get("code") or "")}</span> {_text(warning.get("message") or "")}'
        + (f" <small>({place})</small>" if where else "")
        + "</li>"
    )


def _document_name(record: dict[str, Any], index: int) -> str:
    return (record.get("source") or {}).get("path") or f"document {index + 1}"


def render_document(record: dict[str, Any], doc_index: int) -> Iterator[str]:
    source = record.get("source") or {}
    facts = [str(source.get("format") or ""), f"{source.get('size', 0):,} bytes"]
    if source.get("encoding"):
        facts.append(str(source["encoding"]))
    if source.get("sha256"):
        facts.append(f"sha256 {str(source['sha256'])[:12]}…")
    facts.append(f"schema {record.get('schema_version')}")
    period = record.get("period")
    if period:
        period_text = f"period {period.get('text')}"
        if period.get("year"):
            period_text += f" {period['year']}"
        if period.get("elapsed") is not None:
            period_text += f" (elapsed {percent(period['elapsed'])})"
        facts.append(period_text)
    yield f'<section class="document" id="d{doc_index}">'
    yield f"<h2>{_text(_document_name(record, doc_index))}</h2>"
    yield f'<p class="meta">{_text(" · ".join(f for f in facts if f))}</p>'
    warnings = record.get("warnings") or []
    if warnings:
        yield f'<p class="meta"><a href="#warnings-d{doc_index}">{len(warnings)} warnings</a> (at the top)</p>'
    for table_index, table in enumerate(record.get("tables") or []):
        yield from render_table(table, doc_index, table_index)
    yield "</section>"


def render_failures(failures: list[dict[str, Any]]) -> str:
    if not failures:
        return ""
    lines = "".join(
        f"<li><code>{_text((record.get('source') or {}).get('path') or '(no path)')}</code> "
        f'<span class="code">{_text((record.get("error") or {}).get("code") or "")}</span> '
        f"{_text((record.get('error') or {}).get('message') or '')}</li>"
        for record in failures
    )
    return f'<section class="failed" id="failed"><h2>{len(failures)} failed</h2><ul>{lines}</ul></section>'


def render_filters(documents: list[dict[str, Any]]) -> str:
    statuses: Counter[str] = Counter()
    leads: Counter[str] = Counter()
    for record in documents:
        for table in record.get("tables") or []:
            for row in table.get("rows") or []:
                statuses[(row.get("status") or {}).get("value") or "unknown"] += 1
                leads.update(row.get("lead_units") or [])
    ordered = sorted(statuses, key=lambda s: (STATUS_ORDER.index(s) if s in STATUS_ORDER else len(STATUS_ORDER), s))
    status_options = "".join(f'<option value="{_attr(s)}">{_text(s)} ({statuses[s]})</option>' for s in ordered)
    lead_options = "".join(
        f'<option value="{_attr(unit)}">{_text(unit)} ({count})</option>'
        for unit, count in sorted(leads.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    toggles = "".join(
        f'<label class="toggle"><input type="checkbox" data-layer="{layer}" checked>'
        f'<span class="m m-{layer}">{layer}</span></label>'
        for layer in LAYERS
    )
    return (
        '<div class="filters" id="filters">'
        '<label>status <select id="f-status"><option value="">all</option>' + status_options + "</select></label>"
        '<label>lead unit <select id="f-lead"><option value="">all</option>' + lead_options + "</select></label>"
        '<label>search <input id="f-search" type="search" placeholder="text in the cells"></label>'
        '<span id="f-count"></span><span class="legend">' + toggles + "</span></div>"
    )


def render_overview(documents: list[dict[str, Any]], failures: list[dict[str, Any]]) -> str:
    entries = []
    for index, record in enumerate(documents):
        rows = sum(len(table.get("rows") or []) for table in record.get("tables") or [])
        warnings = record.get("warnings") or []
        entries.append(
            f'<li><a href="#d{index}">{_text(_document_name(record, index))}</a> '
            f"<small>{rows} rows · {len(warnings)} warnings</small></li>"
        )
    summary = f"{len(documents)} documents, {len(failures)} failed"
    return f'<nav class="overview"><p>{_text(summary)}</p><ul>{"".join(entries)}</ul></nav>'


def render_all_warnings(documents: list[dict[str, Any]]) -> str:
    """Every document's warnings together at the top, so none is missed below a long table: counted
    by code, listed in full (folded when there are more than WARNINGS_OPEN)."""
    blocks = []
    for index, record in enumerate(documents):
        warnings = record.get("warnings") or []
        if not warnings:
            continue
        codes = Counter(warning.get("code") or "" for warning in warnings)
        counts = " ".join(f'<span class="code">{_text(code)}</span> ×{count}' for code, count in sorted(codes.items()))
        lines = "".join(_warning_line(warning, index) for warning in warnings)
        blocks.append(
            f'<h4 id="warnings-d{index}"><a href="#d{index}">{_text(_document_name(record, index))}</a> '
            f"<small>{len(warnings)} warnings: {counts}</small></h4>"
            f"<details{' open' if len(warnings) <= WARNINGS_OPEN else ''}><summary>list</summary>"
            f"<ul>{lines}</ul></details>"
        )
    if not blocks:
        return ""
    return f'<section class="warnings" id="warnings"><h2>Warnings</h2>{"".join(blocks)}</section>'


@cache
def _asset(name: str) -> str:
    return resources.files("extractor.review").joinpath("static", name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def render_review(records: Sequence[dict[str, Any]], title: str | None = None) -> str:
    """One self-contained HTML page reviewing ``records``: documents (``output.document_dict``) and
    failed files (``output.error_dict``), in the given order."""
    documents = [record for record in records if "error" not in record]
    failures = [record for record in records if "error" in record]
    page_title = title or f"Extraction review: {len(documents)} documents"
    css, script = _asset("review.css"), _asset("review.js")
    policy = (
        f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(script)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_attr(policy)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="icon" href="data:,">',
        f"<title>{_text(page_title)}</title><style>{css}</style></head><body>",
        f"<header><h1>{_text(page_title)}</h1>{render_overview(documents, failures)}</header>",
        render_failures(failures),
        render_all_warnings(documents),
        render_filters(documents),
        "<main>",
    ]
    for index, record in enumerate(documents):
        parts.extend(render_document(record, index))
    parts.append(
        '</main><aside id="panel"><h2>Items of the row</h2>'
        '<p id="panel-row">Click a row: its figures, dates, issues and statements are listed here, '
        'with their values.</p><ul id="panel-list" class="readings"></ul></aside>'
        '<div id="detail" hidden></div>'
    )
    parts.append(f"<script>{script}</script></body></html>\n")
    return "".join(parts)
