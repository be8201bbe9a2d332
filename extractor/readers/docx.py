"""Word .docx: walk the body's XML once, in order, paragraphs and tables.

The package is opened as python-docx opens it (:func:`_package_main`: its relationship walk, its
content types, its XML parser's options, every part it parses parsed), without importing it or
building its element classes; a package that walk has any doubt about is opened by python-docx
itself, as before, so that what it refuses is refused (and read from its main part) as before.
We walk ``w:tr``/``w:tc`` ourselves because ``row.cells`` repeats a merged cell at every grid
position, ``Table.cell(i, j)`` is quadratic, and ``cell.text`` drops tracked insertions and
content controls.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections import Counter

from lxml import etree

from extractor.errors import CorruptFileError, ExtractorError, UnsupportedFormatError, one_line
from extractor.readers.raw import Paragraph, RawCell, RawDocument, RawRow, RawTable, RawWarning

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_P, W_TBL, W_TR, W_TC, W_SDT = f"{W}p", f"{W}tbl", f"{W}tr", f"{W}tc", f"{W}sdt"
W_T, W_TAB, W_BR, W_CR, W_R = f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}r"
# Runs under these are deleted or moved-away revisions: not part of the current text.
_REMOVED = {f"{W}del", f"{W}moveFrom"}
W_VAL = f"{W}val"
W_TC_PR, W_VMERGE = f"{W}tcPr", f"{W}vMerge"
# Text-bearing elements of a run. w:delText (deleted revisions) and w:instrText (field codes)
# are deliberately absent; runs inside w:ins and w:sdt are reached because we iterate all
# descendant runs of a paragraph.
_RUN_CONTENT = (W_T, W_TAB, W_BR, W_CR)
_TEXT_OF = {W_TAB: "\t", W_BR: "\n", W_CR: "\n"}


def read_docx(data: bytes) -> RawDocument:
    warnings: list[RawWarning] = []
    try:
        root = _package_main(data)
        if root is None:  # a package the walk has doubts about: python-docx decides, as it always did
            from docx import Document as open_docx

            root = open_docx(io.BytesIO(data)).element
    except (ExtractorError, MemoryError):  # the time limit or the memory ceiling, inside python-docx
        raise
    except Exception as exc:  # python-docx surfaces a damaged package as whatever its ZIP, XML or
        # relationship code raised (KeyError, TypeError for a relationship without a target …)
        root = _main_part(data, exc)
        cause = one_line(str(exc) or type(exc).__name__)
        warnings.append(RawWarning("damaged_package", f"package damaged ({cause}): word/document.xml read directly"))
    if root.tag.endswith("}document") and not root.tag.startswith(W):
        namespace = root.tag[1:].partition("}")[0]
        if "purl.oclc.org/ooxml" in namespace:
            raise UnsupportedFormatError("Word document in Strict Open XML: save it as a standard .docx (Word 2007+)")
        raise CorruptFileError(f"Word document in an unknown namespace ({namespace})")
    body = root.find(f"{W}body") if root.tag == f"{W}document" else None
    if body is None:
        raise CorruptFileError("damaged Word document: its main part has no w:document/w:body")
    reader = _BodyReader()
    reader.walk(body)
    return RawDocument(format="docx", blocks=reader.blocks, warnings=warnings + reader.warnings)


def _main_part(data: bytes, failure: Exception) -> etree._Element:
    """``word/document.xml`` parsed directly, for a package python-docx refuses over a part the text
    does not need (a relationship without a target, no [Content_Types].xml); else CorruptFileError.

    Parsed as python-docx parses (no entities resolved, no network); the package's DTDs were
    refused when it was sniffed.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            xml = package.read("word/document.xml")
        return etree.fromstring(xml, parser)
    except (KeyError, ValueError, OSError, EOFError, NotImplementedError, zipfile.BadZipFile, zlib.error, etree.Error):
        message = f"cannot open the Word document ({failure or type(failure).__name__})"
        raise CorruptFileError(message) from failure


# python-docx's parser (docx.oxml.parser, docx.opc.oxml): the same options, no element classes.
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REL = f"{_PR}Relationship"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_OFFICE_DOCUMENT, RT_IMAGE = f"{_RT}officeDocument", f"{_RT}image"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
CT_DOCUMENT_MAIN = f"{_WML}document.main+xml"
# The content types whose parts python-docx parses as XML when it opens a package (docx/__init__.py:
# PartFactory.part_type_for); a part reached first by an image relationship is not parsed.
XML_PARTS = frozenset(
    {
        "application/vnd.openxmlformats-package.core-properties+xml",
        CT_DOCUMENT_MAIN,
        *(f"{_WML}{name}+xml" for name in ("comments", "footer", "header", "numbering", "settings", "styles")),
    }
)


def _package_main(data: bytes) -> etree._Element | None:
    """The root of the package's main document part as python-docx's ``Document(...).element``
    gives it, or None where python-docx might judge otherwise (it then opens the package).

    python-docx 1.2's ``Package.open``: the content types of ``[Content_Types].xml`` (overrides by
    part name, defaults by extension, both without regard to case); the parts reached from the
    package's relationships, depth first, each read once, each with a content type, each of
    :data:`XML_PARTS` parsed; then the one officeDocument relationship (by rId, the last of an rId
    kept), internal, to a part of the main document's content type. Any step that does not go as
    it goes for a sound package (a missing part, attribute or content type, XML that does not
    parse, a ``Types`` or ``Relationships`` root in another namespace, which python-docx's element
    classes do not read, anything raised) gives None.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return _PackageWalk(package).main()
    except (ExtractorError, MemoryError):
        raise
    except Exception:  # python-docx opens it, and raises or not as it does
        return None


# A relationship as the walk reads it: (rId, type, target part name or None if external, external).
_Rel = tuple[str | None, str | None, str | None, bool]


class _PackageWalk:
    def __init__(self, package: zipfile.ZipFile) -> None:
        self.package = package
        types = etree.fromstring(package.read("[Content_Types].xml"), _PARSER)
        if types.tag != f"{_CT}Types":  # python-docx's element class for it is that of ct:Types alone
            raise ValueError(types.tag)
        # .lower() of a missing attribute raises, as python-docx's _ContentTypeMap does
        self.overrides = {o.get("PartName").lower(): o.get("ContentType") for o in types.findall(f"{_CT}Override")}
        self.defaults = {d.get("Extension").lower(): d.get("ContentType") for d in types.findall(f"{_CT}Default")}
        self.parsed: dict[str, etree._Element] = {}
        self.types: dict[str, str | None] = {}

    def main(self) -> etree._Element | None:
        rels = self.rels("/")
        self.walk(rels, [])
        by_id = {rel_id: (reltype, partname, external) for rel_id, reltype, partname, external in rels}
        main = [(name, external) for reltype, name, external in by_id.values() if reltype == RT_OFFICE_DOCUMENT]
        if len(main) != 1 or main[0][1] or main[0][0] is None:
            return None
        if self.types[main[0][0]] != CT_DOCUMENT_MAIN:
            return None
        return self.parsed.get(main[0][0])  # absent when an image relationship reached it first

    def walk(self, rels: list[_Rel], visited: list[str]) -> None:
        """python-docx's ``PackageReader._walk_phys_parts``, in its order."""
        for _, reltype, partname, external in rels:
            if external or partname is None:
                continue
            if partname in visited:
                continue
            visited.append(partname)
            part_rels = self.rels(partname)
            blob = self.package.read(partname[1:])
            content_type = self.content_type(partname)
            self.types[partname] = content_type
            if reltype != RT_IMAGE and content_type in XML_PARTS:
                self.parsed[partname] = etree.fromstring(blob, _PARSER)
            self.walk(part_rels, visited)

    def rels(self, source: str) -> list[_Rel]:
        """The relationships of ``source`` (a part name, or "/" for the package), from its .rels part."""
        base, filename = posixpath.split(source)
        try:
            xml = self.package.read(posixpath.join(base, "_rels", f"{filename}.rels")[1:])
        except KeyError:
            return []
        root = etree.fromstring(xml, _PARSER)
        if root.tag != f"{_PR}Relationships":  # python-docx's element class for it is that of pr:Relationships alone
            raise ValueError(root.tag)
        out: list[_Rel] = []
        for rel in root.findall(_REL):
            external = rel.get("TargetMode", "Internal") == "External"
            partname = None if external else _partname(base, rel.get("Target"))
            out.append((rel.get("Id"), rel.get("Type"), partname, external))
        return out

    def content_type(self, partname: str) -> str | None:
        lowered = partname.lower()
        if lowered in self.overrides:
            return self.overrides[lowered]
        extension = posixpath.splitext(partname)[1]
        extension = (extension[1:] if extension.startswith(".") else extension).lower()
        if extension in self.defaults:
            return self.defaults[extension]
        raise KeyError(partname)


def _partname(base: str, target: str | None) -> str:
    """python-docx's ``PackURI.from_rel_ref`` (a missing target raises, as there)."""
    if target is None:
        raise TypeError("a relationship without a target")
    name = posixpath.abspath(posixpath.join(base, target))
    if not name.startswith("/"):
        raise ValueError(name)
    return name


class _BodyReader:
    def __init__(self) -> None:
        self.blocks: list[Paragraph | RawTable] = []
        self.warnings: list[RawWarning] = []
        self.numbering: Counter[tuple[str, str]] = Counter()

    def walk(self, parent: etree._Element) -> None:
        for child in parent:
            if child.tag == W_P:
                self.blocks.append(Paragraph(_paragraph_text(child)))
            elif child.tag == W_TBL:
                self.blocks.append(self.table(child))
            elif child.tag == W_SDT:
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    self.walk(content)

    def table(self, tbl: etree._Element) -> RawTable:
        rows: list[RawRow] = []
        trs = _table_rows(tbl)
        # The real grid: the table's w:gridCol, or its widest row of cells. gridBefore, gridSpan and
        # gridAfter are clamped to it (a span of 10⁹ would be 10⁹ cells).
        width = max(len(tbl.findall(f"{W}tblGrid/{W}gridCol")), *(len(_row_cells(tr)) for tr in trs), 1)
        for tr in trs:
            cells: list[RawCell] = []
            tcs = _row_cells(tr)
            before = min(_int_prop(tr, "trPr", "gridBefore"), width - len(tcs))
            cells.extend(RawCell("") for _ in range(before))
            for index, tc in enumerate(tcs):
                room = width - len(cells) - (len(tcs) - index - 1)  # leave a position for each cell after it
                span = min(max(1, _int_prop(tc, "tcPr", "gridSpan")), max(1, room))
                vmerge = _grandchild(tc, W_TC_PR, W_VMERGE)
                if vmerge is not None and vmerge.get(W_VAL, "continue") == "continue":
                    cells.append(RawCell(None, merge="above"))
                    hidden = self.cell_text(tc)
                    if hidden:  # Word shows only the merge's first cell; the text is kept, not shown
                        message = f"text in a vertically merged cell, which Word does not show: {hidden}"
                        self.warnings.append(RawWarning("unplaced_text", message))
                else:
                    cells.append(RawCell(self.cell_text(tc)))
                cells.extend(RawCell(None, merge="left") for _ in range(span - 1))
            after = min(_int_prop(tr, "trPr", "gridAfter"), width - len(cells))
            cells.extend(RawCell("") for _ in range(max(0, after)))
            rows.append(RawRow(cells))
        return RawTable(rows, layout="docx")

    def cell_text(self, tc: etree._Element) -> str:
        lines: list[str] = []
        for child in tc:
            if child.tag == W_P:
                text = _paragraph_text(child)
                if not text.strip() and child.find(f"{W}pPr/{W}numPr") is not None:
                    text = self.auto_number(child)
                lines.append(text)
            elif child.tag == W_TBL:
                # A nested table is kept as text, one line per nested cell, so nothing is lost.
                self.warnings.append(RawWarning("nested_table", "a table inside a cell was flattened to text"))
                lines.extend(_paragraph_text(p) for p in child.iter(W_P))
            elif child.tag == W_SDT:
                lines.extend(_paragraph_text(p) for p in child.iter(W_P))
        return "\n".join(lines).strip()

    def auto_number(self, p: etree._Element) -> str:
        """Word's generated list number (``w:numPr``) is not in the text; count it ourselves."""
        num_id = p.find(f"{W}pPr/{W}numPr/{W}numId")
        level = p.find(f"{W}pPr/{W}numPr/{W}ilvl")
        key = (num_id.get(W_VAL, "") if num_id is not None else "", level.get(W_VAL, "0") if level is not None else "0")
        self.numbering[key] += 1
        return str(self.numbering[key])


def _table_rows(tbl: etree._Element) -> list[etree._Element]:
    """The table's w:tr, including rows inside content controls (Word's repeating sections)."""
    rows = []
    for child in tbl:
        if child.tag == W_TR:
            rows.append(child)
        elif child.tag == W_SDT:
            content = child.find(f"{W}sdtContent")
            if content is not None:
                rows.extend(_table_rows(content))
    return rows


def _row_cells(tr: etree._Element) -> list[etree._Element]:
    """The row's w:tc, including those wrapped in content controls (w:sdt/w:sdtContent)."""
    cells = []
    for child in tr:
        if child.tag == W_TC:
            cells.append(child)
        elif child.tag == W_SDT:
            cells.extend(child.iter(W_TC))
    return cells


def _paragraph_text(p: etree._Element) -> str:
    parts = []
    for run in p.iter(W_R):
        if run.getparent().tag in _REMOVED:
            continue
        parts.extend(_TEXT_OF.get(el.tag) or (el.text or "") for el in run if el.tag in _RUN_CONTENT)
    return "".join(parts)


def _grandchild(el: etree._Element, tag: str, inner: str) -> etree._Element | None:
    """``el.find(f"{tag}/{inner}")`` (the first ``inner`` under any ``tag`` child, in document order)
    by lxml's own child iteration: ElementPath's ``find`` costs microseconds a call in Python, and
    the walk asks three times a cell."""
    for child in el.iterchildren(tag):
        for found in child.iterchildren(inner):
            return found
    return None


def _int_prop(el: etree._Element, props: str, name: str) -> int:
    prop = _grandchild(el, f"{W}{props}", f"{W}{name}")
    if prop is None:
        return 0
    try:
        return int(prop.get(W_VAL, "0"))
    except ValueError:
        return 0
