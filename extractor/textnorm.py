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

from extractor.rules.data import load

_SPACE_RUN = regex.compile(r"[\s\u3000]+")
# Characters between which a space is real: Latin letters and digits (words, "2.5 km").
_LATIN = regex.compile(r"[A-Za-z0-9]")
# ①②③ and ⑴⒈ are enumerators; NFKC would turn them into plain digits.
_ENCLOSED = regex.compile(r"[\u2460-\u24ff\u3251-\u325f\u32b1-\u32bf]")


def collapse_layout_space(text: str) -> str:
    """Drop layout whitespace except a single space between two Latin/digit characters."""

    def repl(m: regex.Match[str]) -> str:
        start, end = m.span()
        between_latin = start > 0 and end < len(text) and _LATIN.match(text[start - 1]) and _LATIN.match(text[end])
        return " " if between_latin else ""

    return _SPACE_RUN.sub(repl, text)


def strip_cell(text: str) -> str:
    """Trim a cell's outer whitespace (including ideographic spaces) and normalize newlines."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip(" \t\n\u3000\xa0")


@cache
def _char_map() -> dict[str, str]:
    """Traditional → simplified for the vocabulary our rules match (one char to one char)."""
    return {pair[0]: pair[1] for pair in load("variants")["pairs"].split()}


@lru_cache(maxsize=1024)  # figures, problems and statements each ask for the same cell's view
def match_view(text: str) -> str:
    """Same-length view for rule matching: full-width → half-width, traditional → simplified."""
    variants = _char_map()
    out = []
    for ch in text:
        ch = variants.get(ch, ch)
        if ord(ch) > 0x7F and not _ENCLOSED.match(ch):
            folded = unicodedata.normalize("NFKC", ch)
            if len(folded) == 1:
                ch = folded
            elif ch == "\u3000":
                ch = " "
        out.append(ch)
    view = "".join(out)
    assert len(view) == len(text)
    return view


def match_key(text: str) -> str:
    """Key for comparing headers and labels: NFKC, simplified, no whitespace or edge punctuation."""
    key = _SPACE_RUN.sub("", match_view(unicodedata.normalize("NFKC", text)))
    return key.strip(":：*＊()（）[]【】")
