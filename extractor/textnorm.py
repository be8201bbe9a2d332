"""Text clean-up shared by the stages.

Two different jobs, kept apart:
- ``collapse_layout_space`` rewrites text that a layout engine produced (PDF), removing the spaces
  and wraps it put between CJK characters; the result becomes the cell text.
- ``match_view`` and ``match_key`` build views used only for matching; emitted text is never
  normalized. ``match_view`` keeps the length, so offsets found in it are offsets in the source.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

import regex

from extractor.rules.compiled import compile_rule
from extractor.rules.data import load

_SPACE_RUN = compile_rule(r"[\s\u3000]+")
# Characters between which a space is real: Latin letters and digits (words, "2.5 km").
_LATIN = compile_rule(r"[A-Za-z0-9]")
# ①②③ and ⑴⒈ are enumerators; NFKC would turn them into plain digits.
_ENCLOSED = compile_rule(r"[\u2460-\u24ff\u3251-\u325f\u32b1-\u32bf]")


def collapse_layout_space(text: str) -> str:
    """Drop layout whitespace except a single space between two Latin/digit characters."""

    def repl(m: regex.Match[str]) -> str:
        start, end = m.span()
        between_latin = start > 0 and end < len(text) and _LATIN.match(text[start - 1]) and _LATIN.match(text[end])
        return " " if between_latin else ""

    return _SPACE_RUN.sub(repl, text)


# Every character Unicode counts as ending a line (what str.splitlines splits on, \x1c-\x1e aside):
# a file that separates its lines with U+2028 or NEL is as many lines as one that uses \n.
LINE_BREAK = compile_rule(r"\r\n|[\n\r\v\f\x85\u2028\u2029]")


def split_lines(text: str) -> list[str]:
    """The lines of ``text``, split at every Unicode line break (CRLF is one)."""
    return LINE_BREAK.split(text)


def strip_cell(text: str) -> str:
    """Trim a cell's outer whitespace (ideographic, no-break, zero-width) and normalize newlines."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip(" \t\n\u3000\xa0\u200b\ufeff")


# Zero-width characters that web pages leave between words and numbers; in the view they are spaces.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")


@cache
def _char_map() -> dict[str, str]:
    """Traditional/variant → simplified for the vocabulary our rules match (one char to one char)."""
    data = load("variants")
    tokens = " ".join(data.get(key, "") for key in ("pairs", "variant_pairs", "radical_pairs")).split()
    tokens += load("t2s")["pairs"].split()  # every other safe pair, generated from OpenCC's dictionary
    bad = [t for t in tokens if len(t) != 2]
    if bad:
        raise ValueError(f"variants.toml: a pair is two characters, got {bad}")
    return {t[0]: t[1] for t in tokens}


class _ViewTable(dict[int, str]):
    """``str.translate`` table filled on first sight of each code point, so a cell costs one C pass."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in _INVISIBLE:
            view = " "
        elif code > 0x7F and not _ENCLOSED.match(ch):
            folded = unicodedata.normalize("NFKC", ch)  # full-width → ASCII, \u3000/\xa0 → " ", 兩 U+F978 → 兩
            view = folded if len(folded) == 1 else ch
            view = _char_map().get(view, view)  # after NFKC, so folded compatibility ideographs map too
        else:
            view = ch
        self[code] = view
        return view


_VIEW_TABLE = _ViewTable()


# Figures, problems, statements, dates and status each ask for the same cell's view, within one row:
# a few rows' cells suffice. Kept small because a cell may hold 20,000 characters (records.py's cap)
# and the cache keeps its text and view alive after the row.
def match_view(text: str) -> str:
    """Same-length view for rule matching: full-width → half-width, traditional → simplified,
    zero-width characters → spaces."""
    return _short_view(text) if len(text) <= SHORT_VIEW else _view(text)


# The layout stage asks for the views of a text's lines and of the pieces it tries as cells, the
# same few hundred short texts again and again: kept many (at most 4096 × 64 characters).
SHORT_VIEW = 64


@lru_cache(maxsize=4096)
def _short_view(text: str) -> str:
    return _view.__wrapped__(text)


@lru_cache(maxsize=128)
def _view(text: str) -> str:
    view = text.translate(_VIEW_TABLE)
    assert len(view) == len(text)
    return view


@lru_cache(maxsize=65536)  # header cells and labels are keyed again by every stage that reads them
def match_key(text: str) -> str:
    """Key for comparing headers and labels: NFKC, simplified, no whitespace or edge punctuation."""
    key = _SPACE_RUN.sub("", match_view(unicodedata.normalize("NFKC", text)))
    return key.strip(":：*＊()（）[]【】")
