"""The review page (issue 15): escaped, every cell character once, overlapping marks nested, and, in
a real headless Chromium (Debian's, driven by Playwright), no console error, a figure's value on hover
and in the side list, filters and search that hide rows.

The browser tests skip when Playwright or /usr/bin/chromium is missing, except where
EXTRACTOR_REQUIRE_BROWSER=1 (set by .ci/run, after .ci/install-browser.sh): there they fail.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import os
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extractor
from extractor.errors import CorruptFileError, NoTableError
from extractor.output import document_dict, error_dict
from extractor.review import render_review
from extractor.review.marks import Mark, render_marked
from extractor.review.page import figure_value
from tests.helpers import SAMPLES

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE_CELL = "<script>window.pwned=1</script>&amp; \"q\" 'a' </td></tr><img src=x onerror=window.pwned=2>"
HOSTILE_NAME = "<img src=x onerror=window.pwned=3>&\"'.docx"


@pytest.fixture(scope="module")
def seed_record() -> dict[str, Any]:
    return document_dict(extractor.parse(SAMPLES / "seed.docx"))


def hostile_record(seed: dict[str, Any]) -> dict[str, Any]:
    """The seed with script and markup in a file name, header, section, cell, lead unit and warning."""
    record = copy.deepcopy(seed)
    record["source"]["path"] = HOSTILE_NAME
    table = record["tables"][0]
    table["title"] = "</h3><script>window.pwned=4</script>"
    table["columns"][1]["header"] = "<u onmouseover=window.pwned=5>任务</u>"
    row = table["rows"][0]
    row["section"] = "<svg onload=window.pwned=6>"
    row["cells"]["task"] = HOSTILE_CELL
    row["issues"] = [{"text": "<script>", "field": "task", "span": [0, 8], "rule": '"><script>x</script>'}]
    row["lead_units"] = ['区"]</script>交通局']
    record["warnings"] = [{"code": "<i>", "message": "</li><script>window.pwned=7</script>", "table": 0, "row": 0}]
    return record


class MarkupReader(HTMLParser):
    """The text of every `.ct` element (by row id and field), and, per character of it, the
    data-ref of every mark open around it; also checks that every end tag closes the open element."""

    VOID = frozenset({"meta", "link", "br", "col", "input", "img", "hr", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.row_id: str | None = None
        self.cells: dict[tuple[str | None, str], str] = {}
        self.coverage: dict[tuple[str | None, str], list[frozenset[str]]] = {}
        self.current: tuple[str | None, str] | None = None
        self.cell_depth = 0
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.policy = ""
        self.failed: list[str] = []
        self.attribute_names: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.attribute_names.update(attributes)
        if tag == "meta" and attributes.get("http-equiv") == "Content-Security-Policy":
            self.policy = attributes.get("content") or ""
        if tag in self.VOID:
            return
        self.stack.append((tag, attributes))
        if tag == "tr" and "row" in (attributes.get("class") or "").split():
            self.row_id = attributes.get("id")
        if "ct" in (attributes.get("class") or "").split():
            self.current = (self.row_id, attributes.get("data-field") or "")
            self.cells[self.current] = ""
            self.coverage[self.current] = []
            self.cell_depth = len(self.stack)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.failed.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        if self.current is not None and len(self.stack) == self.cell_depth:
            self.current = None
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "script":
            self.scripts.append(data)
        elif self.stack and self.stack[-1][0] == "style":
            self.styles.append(data)
        if self.current is None:
            return
        self.cells[self.current] += data
        refs = frozenset(
            attributes.get("data-ref") or "" for tag, attributes in self.stack[self.cell_depth :] if tag == "mark"
        )
        self.coverage[self.current].extend([refs] * len(data))


def read_page(html: str) -> MarkupReader:
    reader = MarkupReader()
    reader.feed(html)
    reader.close()
    assert reader.failed == []
    assert reader.stack == []
    return reader


def expected_cells(record: dict[str, Any], doc_index: int = 0) -> dict[tuple[str, str], str]:
    return {
        (f"d{doc_index}-t{t}-r{r}", field): text
        for t, table in enumerate(record["tables"])
        for r, row in enumerate(table["rows"])
        for field, text in row["cells"].items()
    }


# --- marks: overlapping spans ------------------------------------------------------------------


def marks_of(spans: list[tuple[int, int]]) -> list[Mark]:
    return [Mark(start, end, f' data-ref="{index}"', index % 3) for index, (start, end) in enumerate(spans)]


def coverage_of(text: str, spans: list[tuple[int, int]]) -> list[frozenset[str]]:
    return [
        frozenset(str(index) for index, (start, end) in enumerate(spans) if start <= position < end)
        for position in range(len(text))
    ]


def marked(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[frozenset[str]]]:
    cell = render_marked(text, marks_of(spans))
    reader = read_page(f'<table><tr class="row" id="r"><td class="ct">{cell}</td></tr></table>')
    return reader.cells[("r", "")], reader.coverage[("r", "")]


def test_crossing_spans_split_into_nested_fragments() -> None:
    text = "一季度，全区实现外贸进出口总额43亿元"
    spans = [(0, 10), (4, 19), (15, 19), (15, 19), (2, 4)]
    html = render_marked(text, marks_of(spans))
    rendered, coverage = marked(text, spans)
    assert rendered == text
    assert coverage == coverage_of(text, spans)
    # The span that crosses the first one's end is closed and reopened there: two fragments.
    assert html.count('data-ref="1"') == 2
    assert html.count('data-ref="0"') == 1


def test_nested_spans_need_no_split() -> None:
    text = "预计全区实际使用外资215万美元，同比下降73.7%。"
    spans = [(0, 27), (10, 16), (17, 26), (10, 16)]
    html = render_marked(text, marks_of(spans))
    assert all(html.count(f'data-ref="{index}"') == 1 for index in range(len(spans)))
    assert marked(text, spans) == (text, coverage_of(text, spans))


def test_spans_outside_the_text_are_not_marked() -> None:
    assert render_marked("a<b", [Mark(0, 9, ' data-ref="x"'), Mark(2, 2, ' data-ref="y"')]) == "a&lt;b"


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet="ab<&\"'\r\n\t 增长5%", min_size=1, max_size=30),
    raw_spans=st.lists(st.tuples(st.integers(0, 30), st.integers(1, 30)), max_size=8),
)
def test_any_spans_keep_every_character_once_and_nest(text: str, raw_spans: list[tuple[int, int]]) -> None:
    spans = [(start, min(start + length, len(text))) for start, length in raw_spans if start < len(text)]
    rendered, coverage = marked(text, spans)
    assert rendered == text
    assert coverage == coverage_of(text, spans)


# --- the page, without a browser ---------------------------------------------------------------


def test_every_cell_character_appears_once_with_its_marks(seed_record: dict[str, Any]) -> None:
    reader = read_page(render_review([seed_record]))
    assert reader.cells == expected_cells(seed_record)
    # The seed's 4th row: its target 3000万美元 is marked in the task cell, with its value in the tooltip.
    row = seed_record["tables"][0]["rows"][3]
    figure = row["figures"][0]
    assert (figure["text"], figure_value(figure)) == ("3000万美元", "30,000,000 USD")
    covered = reader.coverage[("d0-t0-r3", "task")]
    refs = set.intersection(*(set(covered[i]) for i in range(*figure["span"])))
    assert "d0-t0-r3-0" in refs  # figures come first in a row's items


def test_tooltip_holds_normalized_value_basis_and_rule(seed_record: dict[str, Any]) -> None:
    html = render_review([seed_record])
    assert (
        'data-ref="d0-t0-r3-2" title="figure · change\n-73.7%\nrole actual\nsubject 实际使用外资\nbasis yoy\n' in html
    )


def test_hostile_text_is_escaped_everywhere(seed_record: dict[str, Any]) -> None:
    record = hostile_record(seed_record)
    failure = error_dict("</code><script>window.pwned=8</script>.pdf", CorruptFileError("bad <b>xref</b> & more"))
    html = render_review([record, failure], title="</title><script>window.pwned=9</script>")
    reader = read_page(html)
    assert len(reader.scripts) == 1 and "pwned" not in reader.scripts[0]
    assert not re.search(r"<(img|svg|u|i)\b", html)
    assert not [name for name in reader.attribute_names if name.startswith("on")]
    assert reader.cells[("d0-t0-r0", "task")] == HOSTILE_CELL
    assert reader.cells == expected_cells(record)
    assert "&lt;/code&gt;&lt;script&gt;window.pwned=8&lt;/script&gt;.pdf" in html
    assert "bad &lt;b&gt;xref&lt;/b&gt; &amp; more" in html
    assert 'data-leads="[&quot;区\\&quot;]&lt;/script&gt;交通局&quot;]"' in html


def test_policy_allows_only_the_page_own_style_and_script(seed_record: dict[str, Any]) -> None:
    reader = read_page(render_review([seed_record]))

    def digest(source: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"

    assert reader.policy.startswith("default-src 'none';")
    assert f"script-src {digest(reader.scripts[0])};" in reader.policy
    assert f"style-src {digest(reader.styles[0])};" in reader.policy


def test_failed_files_are_listed_with_their_error(seed_record: dict[str, Any]) -> None:
    records = [
        error_dict("a/坏.docx", CorruptFileError("not a zip")),
        seed_record,
        error_dict("b.txt", NoTableError("no line names two fields")),
    ]
    html = render_review(records)
    failed = html[html.index('<section class="failed"') : html.index("</section>")]
    assert "2 failed" in failed
    assert failed.index("a/坏.docx") < failed.index("corrupt_file") < failed.index("not a zip") < failed.index("b.txt")
    assert "no_table" in failed and "no line names two fields" in failed
    assert "<title>Extraction review: 1 documents</title>" in html


def test_assessments_show_target_actual_met_and_gap(seed_record: dict[str, Any]) -> None:
    html = render_review([seed_record])
    row3 = html[html.index('id="d0-t0-r2"') : html.index('id="d0-t0-r3"')]
    assert '<span class="met missed">missed</span> <b>进出口总额</b>' in row3
    assert "target <q>增长5%</q> = +5%" in row3 and "actual <q>同比下降4.2%</q> = -4.2%" in row3
    assert "gap -9.2 pp" in row3
    row4 = html[html.index('id="d0-t0-r3"') : html.index('id="d0-t0-r4"')]
    assert '<span class="met open">not decided</span>' in row4 and "gap -27,850,000 USD" in row4
    record = copy.deepcopy(seed_record)
    record["tables"][0]["rows"][2]["assessments"][0].update(met=True, gap=1.5)
    assert '<span class="met met">met</span>' in render_review([record])


def test_warnings_at_the_top_link_to_their_row(seed_record: dict[str, Any]) -> None:
    record = copy.deepcopy(seed_record)
    record["warnings"] = [{"code": "cell_not_analysed", "message": "a long cell", "field": "progress", "row": 4}]
    record["warnings"].append({"code": "name_mismatch", "message": "named .docx, is a PDF", "table": 0, "row": 2})
    html = render_review([record])
    top = html[html.index('<section class="warnings"') : html.index('<div class="filters"')]
    assert "cell_not_analysed" in top and "name_mismatch" in top
    assert '<a href="#d0-t0-r2">table 1, row 3</a>' in top
    assert "<details open>" in top  # a few warnings: listed open
    assert '<a href="#warnings-d0">2 warnings</a>' in html[html.index('<section class="document"') :]
    record["warnings"] *= 3  # more than a few: counted by code, the list folded
    top = render_review([record]).split('<section class="warnings"')[1]
    assert "6 warnings: " in top and "<details>" in top
    assert '<span class="code">cell_not_analysed</span> ×3 <span class="code">name_mismatch</span> ×3' in top


def test_an_item_whose_span_misses_its_text_is_listed_not_marked(seed_record: dict[str, Any]) -> None:
    record = copy.deepcopy(seed_record)
    row = record["tables"][0]["rows"][3]
    row["figures"][0]["span"] = [4, 11]  # one character off: "I3000万美" is not "3000万美元"
    reader = read_page(render_review([record]))
    assert not any("d0-t0-r3-0" in refs for refs in reader.coverage[("d0-t0-r3", "task")])
    assert reader.cells == expected_cells(record)
    assert "not found in its cell" in render_review([record])


def test_a_section_heading_stands_once_above_its_rows(seed_record: dict[str, Any]) -> None:
    record = copy.deepcopy(seed_record)
    rows = record["tables"][0]["rows"]
    for index, row in enumerate(rows):
        row["section"] = ["一、重点项目", None, "二、开放合作"][min(index // 4, 2)]
    html = render_review([record])
    assert html.count('<tr class="section">') == 3
    assert html.index("一、重点项目") < html.index('id="d0-t0-r0"') < html.index('id="d0-t0-r3"')
    assert html.index('id="d0-t0-r3"') < html.index("(no section)") < html.index('id="d0-t0-r4"')
    assert html.index('id="d0-t0-r7"') < html.index("二、开放合作") < html.index('id="d0-t0-r8"')
    assert '<tr class="section">' not in render_review([seed_record])  # the seed has no sections


def test_filters_offer_the_statuses_and_lead_units_present(seed_record: dict[str, Any]) -> None:
    html = render_review([seed_record])
    statuses = [row["status"]["value"] for row in seed_record["tables"][0]["rows"]]
    assert f'<option value="behind">behind ({statuses.count("behind")})</option>' in html
    assert '<option value="区商务委">区商务委 (' in html


# --- in a real browser -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "playwright is not installed (pip install -e '.[browser]')"
    if reason is None and not (os.access(CHROMIUM, os.X_OK)):
        reason = f"{CHROMIUM} is missing (bash .ci/install-browser.sh, or apt-get install chromium)"
    if reason is not None:
        if os.environ.get("EXTRACTOR_REQUIRE_BROWSER") == "1":
            pytest.fail(f"the review page is NOT tested in a browser: {reason}; EXTRACTOR_REQUIRE_BROWSER=1")
        pytest.skip(f"the review page is not tested in a browser: {reason}")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


def expect(locator: Any) -> Any:
    """Playwright's retrying assertions (its wait_for_function evaluates strings, which the page's
    Content-Security-Policy rightly refuses)."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


class Page:
    """A page with its console errors, uncaught exceptions, dialogs and requests recorded."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.problems: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": 1500, "height": 1000})
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.problems.append(m.text))
        self.page.on("pageerror", lambda error: self.problems.append(str(error)))
        self.page.on("dialog", lambda dialog: (self.problems.append(f"dialog {dialog.message}"), dialog.dismiss()))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.goto(path.as_uri())

    def visible_rows(self) -> list[str]:
        return self.page.eval_on_selector_all("tr.row", "rows => rows.filter(r => !r.hidden).map(r => r.id)")


def save_screenshot(page: Any, tmp_path: Path, name: str) -> Path:
    shot = tmp_path / name
    page.screenshot(path=str(shot))
    if os.environ.get("EXTRACTOR_SCREENSHOT_DIR"):
        target = Path(os.environ["EXTRACTOR_SCREENSHOT_DIR"])
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, target / name)
    return shot


def row_ids(record: dict[str, Any], keep: Any) -> list[str]:
    return [
        f"d0-t{t}-r{r}" for t, table in enumerate(record["tables"]) for r, row in enumerate(table["rows"]) if keep(row)
    ]


def test_page_in_chromium(browser: Any, seed_record: dict[str, Any], tmp_path: Path) -> None:
    failure = error_dict("missing.docx", CorruptFileError("not a zip"))
    seed_record = copy.deepcopy(seed_record)
    for index, row in enumerate(seed_record["tables"][0]["rows"]):
        row["section"] = "一、重点项目" if index < 5 else "二、开放合作"
    path = tmp_path / "review.html"
    path.write_text(render_review([seed_record, failure]), encoding="utf-8")
    view = Page(browser, path)
    page = view.page
    everything = row_ids(seed_record, lambda row: True)
    assert view.visible_rows() == everything
    assert page.inner_text("#f-count") == f"{len(everything)} of {len(everything)} rows"

    # Every cell's text, as the browser holds it, is the record's.
    shown = page.eval_on_selector_all(
        ".ct", "cells => cells.map(c => [c.closest('tr').id, c.dataset.field, c.textContent])"
    )
    assert {(row, field): text for row, field, text in shown} == expected_cells(seed_record)

    # A highlighted figure shows its normalized value on hover and in the side list.
    row = page.locator("#d0-t0-r3")
    row.locator("td.num").click()
    figure = row.locator('mark.m-figure[data-ref="d0-t0-r3-0"]')
    assert figure.inner_text() == "3000万美元"
    figure.hover()
    assert page.locator("#detail").is_visible()
    assert "30,000,000 USD" in page.inner_text("#detail") and "role target" in page.inner_text("#detail")
    entry = page.locator('#panel-list li[data-ref="d0-t0-r3-0"]')
    assert "3000万美元" in entry.inner_text() and "30,000,000 USD" in entry.inner_text()
    assert "-73.7%" in page.inner_text("#panel-list") and "basis yoy" in page.inner_text("#panel-list")
    background = figure.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")  # highlighted, visibly
    save_screenshot(page, tmp_path, "review-page.png")

    # The status filter hides the other rows; the lead unit filter and the search narrow further.
    page.select_option("#f-status", "behind")
    behind = row_ids(seed_record, lambda row: row["status"]["value"] == "behind")
    assert 0 < len(behind) < len(everything)
    assert view.visible_rows() == behind
    assert page.locator("#d0-t0-r0").is_hidden()
    page.select_option("#f-status", "stalled")  # only row 1: the second section's heading goes too
    assert view.visible_rows() == ["d0-t0-r0"]
    assert page.eval_on_selector_all("tr.section", "s => s.map(h => h.hidden)") == [False, True]
    page.select_option("#f-status", "")
    page.select_option("#f-lead", "区商务委")
    assert view.visible_rows() == row_ids(seed_record, lambda row: "区商务委" in row["lead_units"])
    page.select_option("#f-lead", "")
    for needle, found in (("外资", "外资"), ("rcep", "RCEP")):  # the search ignores case
        expected = row_ids(seed_record, lambda row, found=found: any(found in t for t in row["cells"].values()))
        assert 0 < len(expected) < len(everything)
        page.fill("#f-search", needle)
        expect(page.locator("#f-count")).to_have_text(f"{len(expected)} of {len(everything)} rows")
        assert view.visible_rows() == expected
        page.fill("#f-search", "")  # the search waits for typing to pause: wait until all rows are back
        expect(page.locator("#f-count")).to_have_text(f"{len(everything)} of {len(everything)} rows")

    # Switching a kind off removes its colour.
    page.locator('.legend input[data-layer="figure"]').uncheck()
    assert figure.evaluate("m => getComputedStyle(m).backgroundColor") == "rgba(0, 0, 0, 0)"

    assert "missing.docx" in page.inner_text("#failed")
    assert view.problems == []
    assert [url for url in view.requests if not url.startswith("file:")] == []
    page.close()


def test_hostile_page_runs_nothing_injected(browser: Any, seed_record: dict[str, Any], tmp_path: Path) -> None:
    record = hostile_record(seed_record)
    failure = error_dict("</code><img src=x onerror=window.pwned=8>.pdf", CorruptFileError("<script>x</script>"))
    path = tmp_path / "hostile.html"
    path.write_text(render_review([record, failure], title="<script>window.pwned=9</script>"), encoding="utf-8")
    view = Page(browser, path)
    page = view.page
    page.locator("#d0-t0-r0 td.num").click()
    page.locator("#d0-t0-r0 mark").first.hover()
    page.select_option("#f-lead", '区"]</script>交通局')
    assert view.visible_rows() == ["d0-t0-r0"]
    assert page.evaluate("window.pwned") is None
    assert page.evaluate("document.querySelectorAll('img, svg, u, i').length") == 0
    assert page.locator("#d0-t0-r0 .ct[data-field=task]").text_content() == HOSTILE_CELL
    assert page.inner_text("#d0 h2") == HOSTILE_NAME
    assert view.problems == []
    page.close()


def test_a_1100_row_document_loads_and_filters(browser: Any, seed_record: dict[str, Any], tmp_path: Path) -> None:
    record = copy.deepcopy(seed_record)
    table = record["tables"][0]
    table["rows"] = [copy.deepcopy(row) for _ in range(100) for row in table["rows"]]  # as seed1100 is made
    path = tmp_path / "seed1100.html"
    path.write_text(render_review([record]), encoding="utf-8")
    view = Page(browser, path)
    page = view.page
    assert len(view.visible_rows()) == 1100
    page.select_option("#f-status", "stalled")
    stalled = row_ids(record, lambda row: row["status"]["value"] == "stalled")
    assert view.visible_rows() == stalled and 0 < len(stalled) < 1100
    # A row far down (in a chunk not laid out yet) is laid out when scrolled to, its items listed.
    page.select_option("#f-status", "")
    last = page.locator("#d0-t0-r1098")
    last.scroll_into_view_if_needed()
    last.locator("td.num").click()
    row = table["rows"][1098]
    items = sum(len(row[kind]) for kind in ("figures", "dates", "issues", "statements"))
    items += len(row["status"]["evidence"])
    assert page.locator("#panel-row").inner_text() == f"Row {row['seq']} · {items} items"
    assert page.locator("#panel-list li").count() == items
    assert view.problems == []
    page.close()
