"""The .docx package opened without python-docx (readers/docx.py ``_package_main``) reads what
python-docx's ``Document(...)`` reads: the same JSON on every .docx fixture, and on damaged
packages the same blocks and warnings, or the same error, as with python-docx opening them."""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import extractor
from extractor.errors import ExtractorError
from extractor.output import document_dict
from extractor.readers import docx as docx_reader
from extractor.readers.docx import read_docx

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted(
    {
        *ROOT.glob("samples/*.docx"),
        *(ROOT / "tests" / "fixtures").rglob("*.docx"),
        *(ROOT.parent / "shared" / "fixtures").glob("*.docx"),
    }
)
SEED = ROOT / "samples" / "seed.docx"


def _python_docx_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_reader, "_package_main", lambda data: None)


def _dict(path: Path) -> dict:
    out = document_dict(extractor.parse(path))
    out["period"].pop("elapsed", None)  # seconds taken: not the reading
    return out


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_docx_fixture_gives_the_same_json_as_through_python_docx(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = path.read_bytes()
    assert docx_reader._package_main(data) is not None  # the fast path took it
    ours = _dict(path)
    with monkeypatch.context() as patch:
        _python_docx_only(patch)
        theirs = _dict(path)
    assert ours == theirs
    assert ours["tables"] and ours["tables"][0]["rows"]


def test_fixtures_are_found() -> None:
    names = {p.name for p in FIXTURES}
    assert {"seed.docx", "seed1100.docx", "seed_merged.docx", "variant7.docx"} <= names


# --- damaged packages -------------------------------------------------------------------------


def _member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name)


def _rezip(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """``data`` with members replaced, added, or (None) dropped."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            if name in changes:
                if changes[name] is not None:
                    target.writestr(name, changes[name])
            else:
                target.writestr(name, source.read(name))
        for name, blob in changes.items():
            if blob is not None and name not in source.namelist():
                target.writestr(name, blob)
    return out.getvalue()


def _edit(name: str, pattern: bytes, replacement: bytes, count: int = 0) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        blob = _member(data, name)
        edited = re.sub(pattern, replacement, blob, count=count)
        assert edited != blob, f"{name}: {pattern!r} not found"
        return _rezip(data, {name: edited})

    return change


def _moved_main(data: bytes) -> bytes:
    """The main part at /word/main.xml (its relationships moved with it): sound, not where
    word/document.xml is."""
    rels = _member(data, "_rels/.rels").replace(b'Target="word/document.xml"', b'Target="word/main.xml"')
    types = _member(data, "[Content_Types].xml").replace(b'"/word/document.xml"', b'"/word/main.xml"')
    return _rezip(
        data,
        {
            "word/document.xml": None,
            "word/main.xml": _member(data, "word/document.xml"),
            "word/_rels/document.xml.rels": None,
            "word/_rels/main.xml.rels": _member(data, "word/_rels/document.xml.rels"),
            "_rels/.rels": rels,
            "[Content_Types].xml": types,
        },
    )


RELS, DOC_RELS, TYPES = "_rels/.rels", "word/_rels/document.xml.rels", "[Content_Types].xml"
OFFICE = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
IMAGE = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
MAIN_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

DAMAGES: dict[str, Callable[[bytes], bytes]] = {
    "sound": lambda data: data,
    "no-content-types": lambda data: _rezip(data, {TYPES: None}),
    "content-types-not-xml": lambda data: _rezip(data, {TYPES: b"<Types"}),
    "no-package-rels": lambda data: _rezip(data, {RELS: None}),
    "package-rels-not-xml": lambda data: _rezip(data, {RELS: b"<Relationships><"}),
    "no-document-rels": lambda data: _rezip(data, {DOC_RELS: None}),
    "main-without-target": _edit(RELS, rb'Target="word/document.xml"', b""),
    "styles-without-target": _edit(DOC_RELS, rb'Target="styles.xml"', b""),
    "relationship-without-type": _edit(DOC_RELS, rb'Type="[^"]*/styles"', b""),
    "relationship-without-id": _edit(DOC_RELS, rb'Id="rId3"', b""),
    "no-main-relationship": _edit(RELS, OFFICE, b"http://example.com/other"),
    "two-main-relationships": _edit(RELS, rb'Type="[^"]*/core-properties"', b'Type="' + OFFICE + b'"'),
    "main-relationship-id-twice": _edit(RELS, rb'Id="rId3"', b'Id="rId1"'),
    "main-relationship-external": _edit(
        RELS, rb'Target="word/document.xml"', b'Target="word/document.xml" TargetMode="External"'
    ),
    "styles-external": _edit(DOC_RELS, rb'Target="styles.xml"', b'Target="styles.xml" TargetMode="External"'),
    # core.xml comes before the main part in the package's relationships: its image relationship reaches it first
    "main-reached-as-image": lambda data: _rezip(
        data,
        {
            "docProps/_rels/core.xml.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            b'relationships"><Relationship Id="rId1" Type="'
            + IMAGE
            + b'" Target="../word/document.xml"/></Relationships>'
        },
    ),
    "main-type-changed": _edit(TYPES, re.escape(MAIN_TYPE), b"application/xml"),
    "main-type-missing": _edit(TYPES, rb'<Override PartName="/word/document.xml"[^>]*/>', b""),
    "no-xml-default": _edit(TYPES, rb'<Default Extension="xml"[^>]*/>', b""),
    "default-without-extension": _edit(TYPES, rb'Extension="rels" ', b""),
    "override-without-part-name": _edit(TYPES, rb'PartName="/word/styles.xml" ', b""),
    "override-without-type": _edit(TYPES, rb'(PartName="/word/fontTable.xml") ContentType="[^"]*"', rb"\1"),
    "override-in-capitals": _edit(TYPES, rb'PartName="/word/document.xml"', b'PartName="/WORD/Document.XML"'),
    "default-in-capitals": _edit(TYPES, rb'Extension="xml"', b'Extension="XML"'),
    "styles-missing": lambda data: _rezip(data, {"word/styles.xml": None}),
    "styles-not-xml": lambda data: _rezip(data, {"word/styles.xml": b"<w:styles><"}),
    "numbering-not-xml": lambda data: _rezip(data, {"word/numbering.xml": b"\x00\x01"}),
    "footer-not-xml": lambda data: _rezip(data, {"word/footer1.xml": b"<w:ftr"}),
    "core-properties-not-xml": lambda data: _rezip(data, {"docProps/core.xml": b"<cp:"}),
    "web-settings-not-xml": lambda data: _rezip(data, {"word/webSettings.xml": b"<not xml"}),  # not parsed
    "theme-missing": lambda data: _rezip(data, {"word/theme/theme1.xml": None}),
    "target-up-and-back": _edit(DOC_RELS, rb'Target="styles.xml"', b'Target="../word/./styles.xml"'),
    "target-absolute": _edit(RELS, rb'Target="word/document.xml"', b'Target="/word/document.xml"'),
    "target-double-slash": _edit(RELS, rb'Target="word/document.xml"', b'Target="//word/document.xml"'),
    "main-moved": _moved_main,
    "document-not-xml": lambda data: _rezip(data, {"word/document.xml": b"<w:document><w:body>"}),
    "document-empty": lambda data: _rezip(data, {"word/document.xml": b""}),
    # python-docx reads these roots through its element classes, registered for their namespace only
    "package-rels-in-another-namespace": _edit(RELS, rb'xmlns="http://schemas', b'xmlns="http://s/chemas'),
    "custom-rels-in-another-namespace": lambda data: _rezip(
        data,
        {
            "customXml/_rels/item1.xml.rels": _member(data, "customXml/_rels/item1.xml.rels").replace(
                b"package/2006/relationships", b"package/2006/relationship"
            )
        },
    ),
    "content-types-in-another-namespace": _edit(TYPES, rb"2006/content-types", b"2006/content-type"),
}


def _outcome(data: bytes) -> tuple:
    try:
        document = read_docx(data)
    except ExtractorError as error:
        return ("error", type(error).__name__, str(error))
    # python-docx names the stream it was given in some messages ("<_io.BytesIO object at 0x…>")
    warnings = [(w.code, re.sub(r"0x[0-9a-f]+", "0x…", w.message)) for w in document.warnings]
    return ("read", document.blocks, warnings)


@pytest.mark.parametrize("name", sorted(DAMAGES))
def test_a_damaged_package_reads_as_python_docx_opens_it(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = DAMAGES[name](SEED.read_bytes())
    ours = _outcome(data)
    with monkeypatch.context() as patch:
        _python_docx_only(patch)
        theirs = _outcome(data)
    assert ours == theirs


def test_the_fast_path_takes_sound_packages_and_leaves_doubtful_ones() -> None:
    seed = SEED.read_bytes()
    for name in ("sound", "main-moved", "override-in-capitals", "target-up-and-back", "web-settings-not-xml"):
        root = docx_reader._package_main(DAMAGES[name](seed))
        assert root is not None and root.tag.endswith("}document"), name
    for name in (
        "no-content-types",
        "styles-without-target",
        "styles-not-xml",
        "two-main-relationships",
        "main-reached-as-image",
    ):
        assert docx_reader._package_main(DAMAGES[name](seed)) is None, name


def test_a_damaged_package_python_docx_refuses_still_says_so() -> None:
    document = read_docx(DAMAGES["styles-not-xml"](SEED.read_bytes()))
    assert [w.code for w in document.warnings] == ["damaged_package"]
    assert any(getattr(block, "rows", None) for block in document.blocks)


def test_reading_a_docx_does_not_import_python_docx() -> None:
    import subprocess
    import sys

    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from extractor.readers.docx import read_docx;"
        "read_docx(open(sys.argv[2], 'rb').read());"
        "print('docx' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(ROOT), str(SEED)], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"


def test_grandchild_is_elementpaths_find_of_a_two_step_path() -> None:
    from lxml import etree

    w = docx_reader.W
    xml = (
        f'<w:tc xmlns:w="{w[1:-1]}"><!-- c --><w:tcPr><w:shd/></w:tcPr><w:p/>'
        '<w:tcPr><w:vMerge w:val="restart"/><w:vMerge/></w:tcPr><w:tcPr><w:gridSpan w:val="2"/></w:tcPr></w:tc>'
    )
    tc = etree.fromstring(xml)
    for tag, inner in (("tcPr", "vMerge"), ("tcPr", "gridSpan"), ("tcPr", "shd"), ("tcPr", "noWrap"), ("p", "r")):
        expected = tc.find(f"{w}{tag}/{w}{inner}")
        assert docx_reader._grandchild(tc, f"{w}{tag}", f"{w}{inner}") is expected
    assert docx_reader._grandchild(tc, f"{w}tcPr", f"{w}vMerge").get(f"{w}val") == "restart"
    assert docx_reader._int_prop(tc, "tcPr", "gridSpan") == 2


def _mutated(seed: bytes, rng: random.Random) -> bytes:
    """``seed`` with one of its package parts (not the main part) damaged at random: a slice cut,
    a byte changed, a few bytes put in."""
    with zipfile.ZipFile(io.BytesIO(seed)) as package:
        names = [n for n in package.namelist() if n.endswith((".xml", ".rels")) and n != "word/document.xml"]
    name = rng.choice(names)
    blob = bytearray(_member(seed, name))
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(blob))
        choice = rng.random()
        if choice < 0.4:
            del blob[at : at + rng.randint(1, 40)]
        elif choice < 0.8:
            blob[at] = rng.choice(b'<>/"=aZ \x00')
        else:
            blob[at:at] = rng.choice([b"/", b"..", b"X", b'"', b"A"])
    return _rezip(seed, {name: bytes(blob)})


@pytest.mark.parametrize("batch", range(4))
def test_randomly_damaged_packages_read_as_python_docx_opens_them(batch: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(batch)
    seed = SEED.read_bytes()
    for _ in range(60):
        data = _mutated(seed, rng)
        ours = _outcome(data)
        with monkeypatch.context() as patch:
            _python_docx_only(patch)
            theirs = _outcome(data)
        assert ours == theirs
