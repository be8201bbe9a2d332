"""speed28a's PDF reading changes give what the code before them gave."""

from __future__ import annotations

import random

import pytest

from extractor.readers import ocr as ocr_reader
from extractor.readers.raw import Paragraph, RawCell, RawDocument, RawRow, RawTable

BLANKS = [" ", "\u3000", "\xa0", "\t", "\n", "\u2028", "\x1c", "\x85", "\u200b"]  # \u200b is not blank
LETTERS = ["一", "a", "1", "\ufffd", "\ufffd", "%"]


def _garbled_before(document: RawDocument) -> set[int]:
    """``garbled_pages`` as it was: a count, character by character."""
    counts: dict[int, list[int]] = {}
    for block in document.blocks:
        page = ocr_reader._page_of(block)
        if page is None:
            continue
        texts = [block.text] if isinstance(block, Paragraph) else [c.text or "" for r in block.rows for c in r.cells]
        seen = counts.setdefault(page, [0, 0])
        for text in texts:
            characters = [c for c in text if not c.isspace()]
            seen[0] += sum(c == "\ufffd" for c in characters)
            seen[1] += len(characters)
    share, least = ocr_reader.GARBLED_SHARE, ocr_reader.MIN_GARBLED
    return {page for page, (bad, total) in counts.items() if total >= least and bad >= share * total}


def _text(rng: random.Random) -> str:
    pool = LETTERS * rng.randint(1, 4) + BLANKS
    return "".join(rng.choice(pool) for _ in range(rng.randint(0, 30)))


def _document(rng: random.Random) -> RawDocument:
    blocks: list[Paragraph | RawTable] = []
    for _ in range(rng.randint(1, 8)):
        page = rng.choice([None, 1, 2, 3])
        if rng.random() < 0.5:
            blocks.append(Paragraph(_text(rng), page=page))
        else:
            rows = [
                RawRow([RawCell(rng.choice([None, _text(rng)])) for _ in range(3)], page=page)
                for _ in range(rng.randint(1, 3))
            ]
            blocks.append(RawTable(rows))
    return RawDocument(format="pdf", blocks=blocks)


@pytest.mark.parametrize("seed", range(400))
def test_garbled_pages_are_those_the_count_by_character_found(seed: int) -> None:
    document = _document(random.Random(seed))
    assert ocr_reader.garbled_pages(document) == _garbled_before(document)


def test_garbled_pages_counts_unmapped_glyphs_against_the_characters_not_blank() -> None:
    mostly = Paragraph("\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd 一二三四\u3000", page=2)  # 6 of 10 characters
    few = Paragraph("\ufffd一二三四五六七八九十", page=3)
    short = Paragraph("\ufffd\ufffd 一", page=4)  # 3 characters: too few to judge
    document = RawDocument(format="pdf", blocks=[mostly, few, short])
    assert ocr_reader.garbled_pages(document) == {2}
