"""Saved web pages (.html): the page's data tables and the text around them, in reading order.

Decisions:
- Decoding: a BOM wins; then strict UTF-8 (a GBK page is practically never valid UTF-8, while
  pages declaring gb2312 but saved as UTF-8 are common); then the charset the page declares in a
  ``<meta>`` (gb2312/gbk read as their superset GB18030); then ``text.decode``'s guess. A page
  whose declared codec meets a few bad bytes is read with replacement characters and a warning
  rather than refused.
- Parsing: lxml.html on the decoded text with network access off; script, style, head, comments
  and elements hidden by ``hidden``/``display:none`` are not text.
- Government pages lay out with tables. Only a *leaf* table (one containing no other table) is
  data and becomes a RawTable; the text of the layout tables around it is read like any block
  text. A leaf table with a single column is a layout box too (a titled frame around a notice):
  its text becomes paragraphs, so a title inside it can still name the table below it.
- ``rowspan``/``colspan`` become the grid, covered positions ``RawCell(None)`` with "above"/"left"
  as in the Word reader. Values are read as browsers do ("2px" → 2, junk → 1) and clamped:
  colspan to 1..1000, rowspan to the rows left in the table (0 means "to the end").
- Text: block elements (p, div, h1–h6, li, tr, td of a layout table…) and ``<br>`` end a line;
  in a cell the lines are joined with "\\n", elsewhere each line is a Paragraph. Inside a line,
  a whitespace run (``&nbsp;`` and U+3000 included) becomes one space and is trimmed at the
  edges; a run that is only the source's line wrapping becomes nothing between two CJK
  characters (CSS's segment-break rule for East Asian text), while a typed space or
  ``&nbsp;`` between them stays one space: it separates "区商务委&nbsp;区财政局".
"""

from __future__ import annotations

import codecs
import heapq
from collections.abc import Iterator

import lxml.html
import regex
from lxml import etree

from extractor.errors import CorruptFileError, EncodingError, TooLargeError
from extractor.readers.raw import Paragraph, RawCell, RawDocument, RawRow, RawTable, RawWarning
from extractor.readers.text import decode

MAX_COLSPAN = 1000  # the HTML standard's limit
# Grid positions of one table (rows × columns, and the row spans' intervals): a report table has
# thousands; a page past this is refused rather than costing gigabytes.
MAX_GRID = 2_000_000
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = regex.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", regex.I)
# Labels whose codec is a subset of another: read with the superset, as browsers do.
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "big5": "big5hkscs"}
_NOT_PAGE_ENCODINGS = frozenset(
    {"idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined", "utf-16", "utf-16-le", "utf-16-be"}
    | {"utf-32", "utf-32-le", "utf-32-be", "utf-7"}
)
MAX_ATTRIBUTES = 10_000
_LONG_TAG = regex.compile(r"<[A-Za-z][^<>]{4096,}>")
_ATTRIBUTE = regex.compile(r"""\s[^\s=<>"'/]+\s*=""")
_XML_DECLARATION = regex.compile(r"^\s*<\?xml[^>]*\?>")
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_SKIPPED = frozenset({"script", "style", "head", "title", "noscript", "template", "select", "object", "iframe"})
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.I)
_SPACE = regex.compile(r"[ \t\n\r\f\v\xa0\u3000]+")
_INVISIBLE = regex.compile(r"[\u200b-\u200d\u2060\ufeff]")
# Characters between which whitespace is not a word space: Han, kana, CJK and full-width
# punctuation, and the quotes, dashes and ellipsis Chinese text uses.
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2014\u2026\u00b7]")
_LEADING_INT = regex.compile(r"^\s*\+?(\d+)")


def read_html(data: bytes) -> RawDocument:
    raw_warnings: list[RawWarning] = []
    text, encoding = _decode(data, raw_warnings)
    _refuse_crowded_tags(text)
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, recover=True)
    try:
        # lxml refuses a str that declares an encoding, and NUL or control characters
        text = _CONTROL.sub("", _XML_DECLARATION.sub("", text, count=1))
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise CorruptFileError(f"cannot parse the web page ({exc or type(exc).__name__})") from exc
    # libxml2 stops at a resource limit (elements nested more than 256 deep) and, even in recover
    # mode, drops the rest of the page without an exception: refuse it rather than lose the text.
    limits = [e for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"]
    if limits:
        raise TooLargeError(f"web page beyond the HTML parser's limits ({limits[0].message.split(',')[0]})")
    walker = _Walker(root)
    walker.walk(root)
    walker.flush()
    return RawDocument(format="html", blocks=walker.blocks, encoding=encoding, warnings=raw_warnings)


def _refuse_crowded_tags(text: str) -> None:
    """Refuse a tag with more than ``MAX_ATTRIBUTES`` attributes before libxml2 parses it.

    libxml2 checks each attribute against the tag's others: 100,000 attributes on one tag took 15 s
    in one call into C, which the time limit cannot interrupt. Only tags of over 4 KB are counted.
    """
    for tag in _LONG_TAG.finditer(text):
        count = sum(1 for _ in _ATTRIBUTE.finditer(tag.group()))
        if count > MAX_ATTRIBUTES:
            raise TooLargeError(f"web page with a tag of {count:,} attributes (over {MAX_ATTRIBUTES:,})")


# --------------------------------------------------------------------------------------------
# decoding


def _decode(data: bytes, raw_warnings: list[RawWarning]) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared, label = _declared_charset(data)
    if label and not declared:
        message = f"the page declares charset {label!r}, which is no text encoding: read as its bytes look"
        raw_warnings.append(RawWarning("charset_ignored", message))
    if declared:
        try:
            return data.decode(declared), declared
        except (UnicodeError, ValueError):
            pass
    try:
        return decode(data)
    except EncodingError:
        if not declared:
            raise
    raw_warnings.append(RawWarning("encoding_errors", f"bytes not valid in the page's {declared} replaced"))
    return data.decode(declared, errors="replace"), declared


def _declared_charset(data: bytes) -> tuple[str | None, str | None]:
    """(codec, label): the codec the page's ``<meta>`` names, None if it names none a page can use."""
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None, None
    label = match.group(1).decode("ascii").lower()
    try:
        info = codecs.lookup(_SUPERSET.get(label, label))
    except LookupError:
        return None, label
    # Python's codecs include bytes-to-bytes ones (base64, zlib, rot13 …: bytes.decode refuses
    # them) and text codecs no browser knows (idna, unicode_escape …); a meta UTF-16 without a BOM
    # is read as UTF-8 by browsers (WHATWG). None of them is how a page's bytes are to be read.
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_ENCODINGS:
        return None, label
    return info.name, label


# --------------------------------------------------------------------------------------------
# text


def collapse(text: str) -> str:
    """One line's whitespace: one space between words, none at the edges, and none for a source
    line break between two CJK characters (it wraps the HTML source, it is not a typed space)."""

    text = _INVISIBLE.sub("", text)

    def repl(m: regex.Match[str]) -> str:
        start, end = m.span()
        if start == 0 or end == len(text):
            return ""
        run = m.group()
        wrapped = ("\n" in run or "\r" in run) and "\xa0" not in run and "\u3000" not in run
        return "" if wrapped and _CJK.match(text[start - 1]) and _CJK.match(text[end]) else " "

    return _SPACE.sub(repl, text)


class _Lines:
    """Text gathered line by line: ``hard`` is a ``<br>`` (may leave an empty line), ``soft`` a block edge."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buffer: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self.buffer.append(text)

    def hard(self) -> None:
        self.lines.append(collapse("".join(self.buffer)))
        self.buffer = []

    def soft(self) -> None:
        line = collapse("".join(self.buffer))
        if line:
            self.lines.append(line)
        self.buffer = []

    def take(self) -> list[str]:
        """The lines so far, without leading or trailing empty ones; the gatherer is emptied."""
        self.soft()
        lines, self.lines = self.lines, []
        while lines and not lines[-1]:
            lines.pop()
        while lines and not lines[0]:
            lines.pop(0)
        return lines


def _tag(el: etree._Element) -> str | None:
    """Lower-case tag name; None for comments, processing instructions and entities."""
    return el.tag.lower() if isinstance(el.tag, str) else None


def _hidden(el: etree._Element) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(el.get("style") or ""))


def _inline_text(el: etree._Element, lines: _Lines, *, pre: bool = False) -> None:
    """Gather the text of ``el`` (not its tail) into ``lines``; no table is treated specially."""
    tag = _tag(el)
    if tag is None or tag in _SKIPPED or _hidden(el):
        return
    if tag == "br":
        lines.hard()
        return
    pre = pre or tag in ("pre", "textarea", "listing", "plaintext")
    block = tag in _BLOCK
    if block:
        lines.soft()
    _add_text(el.text, lines, pre=pre)
    for child in el:
        _inline_text(child, lines, pre=pre)
        _add_text(child.tail, lines, pre=pre)
    if block:
        lines.soft()


def _add_text(text: str | None, lines: _Lines, *, pre: bool) -> None:
    if not text:
        return
    if not pre:
        lines.add(text)
        return
    first, *rest = text.split("\n")  # preformatted text: its newlines are line breaks
    lines.add(first)
    for part in rest:
        lines.hard()
        lines.add(part)


# --------------------------------------------------------------------------------------------
# document walk


class _Walker:
    def __init__(self, root: etree._Element) -> None:
        self.blocks: list[Paragraph | RawTable] = []
        self.lines = _Lines()
        # Elements with a table somewhere below them: the only ones walked element by element.
        self.above_tables = {ancestor for table in root.iter("table") for ancestor in table.iterancestors()}

    def flush(self) -> None:
        self.blocks.extend(Paragraph(line) for line in self.lines.take() if line)

    def walk(self, el: etree._Element) -> None:
        tag = _tag(el)
        if tag is None or tag in _SKIPPED or _hidden(el):
            return
        if tag == "table" and el not in self.above_tables:
            self.leaf_table(el)
            return
        if el not in self.above_tables:
            _inline_text(el, self.lines)  # no table below: all of it is running text
            return
        block = tag in _BLOCK
        if block:
            self.lines.soft()
        self.lines.add(el.text)
        for child in el:
            self.walk(child)
            self.lines.add(child.tail)
        if block:
            self.lines.soft()

    def leaf_table(self, table: etree._Element) -> None:
        grid = _grid(table)
        if max((len(row) for row in grid), default=0) <= 1:
            _inline_text(table, self.lines)  # a one-column box: layout, its text is running text
            return
        self.flush()
        caption = table.find("caption")
        if caption is not None:
            lines = _Lines()
            _inline_text(caption, lines)
            self.blocks.extend(Paragraph(line) for line in lines.take() if line)
        self.blocks.append(RawTable([RawRow(cells) for cells in grid], layout="html"))


# --------------------------------------------------------------------------------------------
# table grid


def _table_rows(table: etree._Element) -> list[etree._Element]:
    """The table's own rows in display order: head, body and direct rows, then the foot."""
    body: list[etree._Element] = []
    foot: list[etree._Element] = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            body.append(child)
        elif tag in ("thead", "tbody"):
            body.extend(tr for tr in child if _tag(tr) == "tr")
        elif tag == "tfoot":
            foot.extend(tr for tr in child if _tag(tr) == "tr")
    return body + foot


def _row_cells(tr: etree._Element) -> Iterator[etree._Element]:
    return (cell for cell in tr if _tag(cell) in ("td", "th") and not _hidden(cell))


def _span(value: str | None) -> int | None:
    """A span attribute read as browsers read it: leading digits ("2px" → 2), else None.

    More than 9 digits is read as 10⁹ (clamped by the caller): int() refuses 4,300 digits.
    """
    match = _LEADING_INT.match(value or "")
    if not match:
        return None
    digits = match.group(1).lstrip("0") or "0"
    return int(digits) if len(digits) <= 9 else 10**9


def _grid(table: etree._Element) -> list[list[RawCell]]:
    """The HTML table model: each cell takes the first free column of its row.

    Spans are kept as intervals per row rather than one entry per covered position, so a bogus
    ``colspan="1000" rowspan="0"`` costs one interval a row, not a thousand positions. The grid
    keeps only the columns where a cell starts (a column that only spans cover holds no text),
    and a table whose intervals or grid still pass ``MAX_GRID`` is refused (``too_large``).
    """
    rows = [tr for tr in _table_rows(table) if not _hidden(tr)]
    texts: dict[tuple[int, int], str] = {}
    # Per row: (first column, end column, row of the spanning cell) of each cell's columns.
    taken: list[list[tuple[int, int, int]]] = [[] for _ in rows]
    intervals = 0
    for r, tr in enumerate(rows):
        # The spans reaching down from the rows above, by first column: a row's cells go left to
        # right, so one sweep finds every free column (a scan per cell was quadratic in the width).
        above = sorted(taken[r])
        next_above, reach = 0, 0
        c = 0
        for cell in _row_cells(tr):
            while True:
                while next_above < len(above) and above[next_above][0] <= c:
                    reach = max(reach, above[next_above][1])
                    next_above += 1
                if reach <= c:
                    break
                c = reach
            colspan = min(max(_span(cell.get("colspan")) or 1, 1), MAX_COLSPAN)
            rowspan = _span(cell.get("rowspan"))
            left = len(rows) - r
            rowspan = left if rowspan == 0 else min(max(rowspan or 1, 1), left)
            intervals += rowspan
            if intervals > MAX_GRID:
                raise _grid_too_large(len(rows), "spans over")
            lines = _Lines()
            _inline_text(cell, lines)
            texts[r, c] = "\n".join(lines.take())
            for below in range(r, r + rowspan):
                taken[below].append((c, c + colspan, r))
            c += colspan
    # Columns right of the last text are dropped (a bogus colspan="1000" on a row's last cell).
    width = 1 + max((c for (_, c), text in texts.items() if text), default=-1)
    columns = sorted({c for (_, c) in texts if c < width})
    if len(rows) * len(columns) > MAX_GRID:
        raise _grid_too_large(len(rows), f"{len(columns)} columns,")
    return [_row_positions(texts, taken[r], r, columns) for r in range(len(rows))]


def _grid_too_large(rows: int, what: str) -> TooLargeError:
    return TooLargeError(f"web page table of {rows} rows with {what} {MAX_GRID:,} grid positions (rowspan/colspan)")


def _row_positions(
    texts: dict[tuple[int, int], str], intervals: list[tuple[int, int, int]], r: int, columns: list[int]
) -> list[RawCell]:
    """Row ``r``'s cells: its texts, and below or right of a spanning cell the merge direction.

    A position covered by several spans (a table model error) takes the first span placed, found
    by a sweep over the columns with the spans started so far in a heap by placement order.
    """
    by_start = sorted(range(len(intervals)), key=lambda i: intervals[i][0])
    started: list[int] = []
    next_start = 0
    cells = []
    for c in columns:
        text = texts.get((r, c))
        if text is not None:
            cells.append(RawCell(text))
            continue
        while next_start < len(by_start) and intervals[by_start[next_start]][0] <= c:
            heapq.heappush(started, by_start[next_start])
            next_start += 1
        while started and intervals[started[0]][1] <= c:
            heapq.heappop(started)  # ended left of c: every later c is further right
        if started:
            start, _, origin = intervals[started[0]]
            # Below a spanning cell its first column is "above", the others "left" (as in Word).
            cells.append(RawCell(None, "above" if origin != r and c == start else "left"))
        else:
            cells.append(RawCell(""))
    return cells
