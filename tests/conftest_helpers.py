"""Shared helpers for the reader and table tests (a plain module, imported by the test files).

- Locating the real fixtures: the project's own copies first (``tests/fixtures``, ``samples/``),
  then the shared material next to the checkout (``../shared/fixtures``, ``../shared/seed``).
- Building tiny .docx files: python-docx makes the package, lxml writes the table XML we need
  (gridSpan, vMerge, tracked changes, content controls, numbering), cell by cell.
- Building RawDocuments by hand for the table stage.
"""

from __future__ import annotations

import importlib.util
import io
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import docx
import pytest
from lxml import etree

from extractor.readers.raw import Paragraph, RawCell, RawDocument, RawRow, RawTable

TESTS = Path(__file__).resolve().parent
PROJECT = TESTS.parent
SHARED = PROJECT.parent / "shared"
# The project's own copies first (tests/fixtures, samples/), then the shared material.
FIXTURE_DIRS = (TESTS / "fixtures", PROJECT / "samples", SHARED / "fixtures")
SEED_TXT_DIRS = (TESTS / "fixtures", PROJECT / "samples", SHARED / "seed")
SEED_TXT_NAMES = ("000_bff2104d8194f49d.txt", "seed.txt")


def corpus_lines() -> list[str]:
    """Every non-blank line of the accuracy corpus's text documents (dev, then test): real text for
    the tests that check a fast path finds what the plain one finds."""
    return [
        line
        for split in ("dev", "test")
        for path in sorted((PROJECT / "corpus" / split).glob("*.txt"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]


def find_fixture(name: str, dirs: Iterable[Path] = FIXTURE_DIRS) -> Path | None:
    """The first existing ``dir/name``, or None."""
    for directory in dirs:
        path = directory / name
        if path.is_file():
            return path
    return None


def fixture_bytes(name: str) -> bytes:
    """The bytes of a real fixture; a missing fixture fails the test (they are all committed)."""
    path = find_fixture(name)
    if path is None:
        pytest.fail(f"fixture {name} not found in {', '.join(map(str, FIXTURE_DIRS))}")
    return path.read_bytes()


def seed_txt_bytes() -> bytes:
    """The seed attachment as received (raw text, tab-led cells)."""
    for name in SEED_TXT_NAMES:
        path = find_fixture(name, SEED_TXT_DIRS)
        if path is not None:
            return path.read_bytes()
    pytest.fail(f"seed text ({' or '.join(SEED_TXT_NAMES)}) not found in {', '.join(map(str, SEED_TXT_DIRS))}")


def squash(text: str | None) -> str:
    """Text with every whitespace character removed (for comparing formats)."""
    return re.sub(r"\s+", "", text or "")


# --------------------------------------------------------------------------------------------
# .docx construction

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"


def w_xml(fragment: str) -> list[etree._Element]:
    """Parse WordprocessingML elements written with the ``w:`` prefix (no declaration needed)."""
    root = etree.fromstring(f'<root xmlns:w="{W_NS}">{fragment}</root>')
    return list(root)


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*runs: str) -> str:
    """A w:p; plain strings become runs, strings starting with '<' are inserted as XML."""
    return "<w:p>" + "".join(r if r.startswith("<") else run(r) for r in runs) + "</w:p>"


@dataclass
class Cell:
    """One w:tc. ``text`` becomes one paragraph; ``xml`` (w:p/w:sdt/w:tbl elements) replaces it."""

    text: str = ""
    xml: str | None = None
    span: int = 1  # w:gridSpan
    vmerge: str | None = None  # "restart" or "continue" (w:vMerge)
    vmerge_implicit: bool = False  # write <w:vMerge/> without w:val (means continue)

    def element(self) -> etree._Element:
        props = ['<w:tcW w:w="2000" w:type="dxa"/>']
        if self.span > 1:
            props.append(f'<w:gridSpan w:val="{self.span}"/>')
        if self.vmerge_implicit:
            props.append("<w:vMerge/>")
        elif self.vmerge:
            props.append(f'<w:vMerge w:val="{self.vmerge}"/>')
        content = self.xml if self.xml is not None else para(self.text) if self.text else "<w:p/>"
        (tc,) = w_xml(f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>{content}</w:tc>")
        return tc


@dataclass
class Row:
    cells: Sequence[Cell | str]
    grid_before: int = 0
    sdt_cells: bool = False  # wrap the row's cells in a content control (w:sdt/w:sdtContent)

    def fill(self, tr: etree._Element) -> None:
        for tc in tr.findall(f"{W}tc"):
            tr.remove(tc)
        if self.grid_before:
            (tr_pr,) = w_xml(f'<w:trPr><w:gridBefore w:val="{self.grid_before}"/></w:trPr>')
            tr.insert(0, tr_pr)
        cells = [c if isinstance(c, Cell) else Cell(c) for c in self.cells]
        parent = tr
        if self.sdt_cells:
            (sdt,) = w_xml("<w:sdt><w:sdtPr/><w:sdtContent/></w:sdt>")
            tr.append(sdt)
            parent = sdt.find(f"{W}sdtContent")
        for cell in cells:
            parent.append(cell.element())


def make_docx(
    rows: Sequence[Row | Sequence[Cell | str]],
    *,
    above: Sequence[str] = (),
    below: Sequence[str] = (),
    columns: int | None = None,
    body_xml_above: str = "",
) -> bytes:
    """A .docx with paragraphs ``above``, one table of ``rows``, then paragraphs ``below``."""
    document = docx.Document()
    for text in above:
        document.add_paragraph(text)
    if body_xml_above:
        body = document.element.body
        for element in w_xml(body_xml_above):
            body.insert(len(body) - 1, element)  # before w:sectPr
    rows = [r if isinstance(r, Row) else Row(r) for r in rows]
    width = columns or max(sum(c.span if isinstance(c, Cell) else 1 for c in r.cells) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    for row, tr in zip(rows, table._tbl.findall(f"{W}tr"), strict=True):
        row.fill(tr)
    for text in below:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def texts(table: RawTable) -> list[list[str | None]]:
    return [[c.text for c in row.cells] for row in table.rows]


def cells(table: RawTable) -> list[list[tuple[str | None, str | None]]]:
    return [[(c.text, c.merge) for c in row.cells] for row in table.rows]


# --------------------------------------------------------------------------------------------
# RawDocuments by hand

HEADER = ("序号", "目标任务", "完成情况", "牵头责任单位")


def raw_row(*values: str | RawCell | None, page: int | None = None) -> RawRow:
    """A RawRow; strings and None become RawCells, RawCells are kept (to give a merge)."""
    return RawRow([v if isinstance(v, RawCell) else RawCell(v) for v in values], page=page)


def raw_table(*rows: Sequence[str | RawCell | None], page: int | None = None, kind: str = "grid") -> RawTable:
    return RawTable([raw_row(*r, page=page) for r in rows], kind=kind)  # type: ignore[arg-type]


def raw_document(*blocks: str | RawTable, fmt: str = "pdf") -> RawDocument:
    """A RawDocument of the given blocks; strings become Paragraphs (without a page)."""
    out: list[Paragraph | RawTable] = []
    for block in blocks:
        out.append(Paragraph(block) if isinstance(block, str) else block)
    return RawDocument(format=fmt, blocks=out)


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A PDF file of numbered objects (object 1 the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def rows_of_text(text: str) -> list:
    """The rows extractor reads from ``text`` (UTF-8 bytes, as a .txt file would give them), all tables."""
    import extractor

    return [row for table in extractor.parse(text.encode("utf-8")).tables for row in table.rows]


def spellings(ascii_table: dict[int, str], traditional_table: dict[int, str]) -> dict[str, object]:
    """One text in three spellings for parametrized tests: as written (full-width punctuation), with
    ASCII punctuation, in traditional script (each a ``str.maketrans`` table of the characters used)."""
    return {
        "full-width": lambda text: text,
        "ascii": lambda text: text.translate(ascii_table),
        "traditional": lambda text: text.translate(traditional_table),
    }


def kept_rows(document: Any) -> tuple[Any, Any]:  # a pydantic or a plain Document; its RowTexts
    """What the pipeline does with a sink, for a document built by hand: each row given to it (an
    ``output.RowTexts``), and the document without its rows, as the CLI writes it."""
    from extractor.output import RowTexts

    rows = RowTexts()
    for index, table in enumerate(document.tables):
        for row in table.rows:
            rows.add(index, row)
    rows.number()
    head = document.model_copy(update={"tables": [t.model_copy(update={"rows": []}) for t in document.tables]})
    return head, rows


def load_benchmark(name: str) -> ModuleType:
    """A script of benchmarks/ (not a package) loaded as a module, its folder on sys.path for its own imports."""
    folder = PROJECT / "benchmarks"
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    spec = importlib.util.spec_from_file_location(name, folder / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def status_of_row(progress: str, task: str = "", period: Any = None, **columns: str) -> Any:
    """The status of a row with these task, progress (and side) cells, read as records.py reads a
    row of a 区 report; every evidence item must point exactly into its cell."""
    from extractor.rules.cells import find_issues, find_statements
    from extractor.rules.figures import extract_figures
    from extractor.rules.status import row_status

    cells = {"task": task, "progress": progress, **columns}
    issues = find_issues(progress, "progress")
    statements = find_statements(progress, "progress", issues)
    figures = [*extract_figures(task, "task", "全区"), *extract_figures(progress, "progress", "全区")]
    status = row_status(cells, figures, statements, issues, period)
    for item in status.evidence:
        assert cells[item.field][item.span[0] : item.span[1]] == item.text
    return status
