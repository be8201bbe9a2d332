"""Document vocabulary shared by the layout splitter and the table stage.

What a header cell means (``data/headers.toml``), what a 序号 looks like, which lines are page
furniture and which line names the table (``data/layout.toml``). Kept apart from both stages so
the text-layout splitter can recognise a header without depending on the table stage.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import regex

from extractor.rules.data import load
from extractor.rules.numbers import parse_number
from extractor.textnorm import match_key, match_view

# A header row names at least this many known fields, one of them a core field.
MIN_HEADER_FIELDS = 2
CORE_FIELDS = frozenset({"seq", "task", "progress"})
MAX_HEADER_TEXT = 24  # characters: a longer cell is content even when it contains a header word
MAX_KNOWN_HEADER_CELL = 20  # a single cell naming a known field may be this long
_SENTENCE = regex.compile(r"[。；;！？!?]")


@cache
def _synonyms() -> dict[str, str]:
    """match_key(synonym) → field, from data/headers.toml."""
    out: dict[str, str] = {}
    for name, spec in load("headers")["fields"].items():
        for synonym in spec["synonyms"]:
            out.setdefault(match_key(synonym), name)
    return out


@cache
def label_synonyms() -> list[tuple[str, str]]:
    """(synonym, field) pairs, longest first: the labels of numbered prose ("牵头部门：…")."""
    pairs = [(s, name) for name, spec in load("headers")["fields"].items() for s in spec["synonyms"]]
    return sorted(((s, f) for s, f in pairs if len(s) >= 2 and not s.isascii()), key=lambda p: -len(p[0]))


@cache
def layout_patterns() -> dict[str, regex.Pattern[str]]:
    data = load("layout")
    return {
        "attachment": regex.compile(data["attachment"]),
        "seq": regex.compile(data["seq"]),
        "furniture": regex.compile("|".join(f"(?:{p})" for p in data["furniture"])),
        "title_cue": regex.compile("(?:" + "|".join(map(regex.escape, data["title_cues"])) + r")\W*$"),
        "title_reject": regex.compile("|".join(f"(?:{p})" for p in data["title_reject"])),
        "heading": regex.compile(data["heading"]),
        "group_header": regex.compile(data["group_header"]),
        "unit_like": regex.compile(data["unit_like"]),
        "note": regex.compile(data["note"]),
        "deadline_like": regex.compile(data["deadline_like"]),
        "form_title": regex.compile(data["form_title"]),
    }


@cache
def prose_patterns() -> dict[str, regex.Pattern[str]]:
    """Numbered-prose vocabulary (``[prose]`` in data/layout.toml); styles keep their level order."""
    data = load("layout")["prose"]
    out = {name: regex.compile(data[name]) for name in ("item_reference", "run_in", "inline_item")}
    out |= {name: regex.compile(data[name]) for name in ("signature_at_end", "closing_date")}
    out |= {f"style:{name}": regex.compile(pattern) for name, pattern in data["styles"].items()}
    return out


def header_candidates(header: str) -> list[tuple[str, float]]:
    """The fields a header may mean, strongest claim first.

    An exact synonym claims most (3); a synonym the header starts with claims more (2) than one
    inside it (1): "进展情况、存在问题及下一步打算" is a progress column that also holds the
    problems and plans, "目标完成情况" a status column beside the real 完成情况. Longer synonyms
    claim a little more.
    """
    key = match_key(header)
    if not key:
        return []
    synonyms = _synonyms()
    claims: dict[str, float] = {}
    if key in synonyms:
        claims[synonyms[key]] = 3.0
    for synonym, name in synonyms.items():
        if len(synonym) >= 2 and synonym in key and synonym != key:
            strength = (2.0 if key.startswith(synonym) else 1.0) + len(synonym) / 100
            claims[name] = max(claims.get(name, 0.0), strength)
    return sorted(claims.items(), key=lambda item: -item[1])


def field_for_header(header: str) -> str | None:
    """Canonical field of a header: its strongest claim (see ``header_candidates``)."""
    candidates = header_candidates(header)
    return candidates[0][0] if candidates else None


def is_header_row(texts: Sequence[str | None]) -> bool:
    """At least two known fields, one a core field, each named by a short cell (not content)."""
    known = {f for t in texts if len(match_key(t or "")) <= MAX_HEADER_TEXT and (f := field_for_header(t or ""))}
    return len(known) >= MIN_HEADER_FIELDS and bool(CORE_FIELDS & known)


def header_cell_like(text: str, *, max_unknown: int) -> bool:
    """What a header cell holds: short, no sentence, no number; a known header name, or a text of at
    most ``max_unknown`` characters (a header the synonyms don't know)."""
    key = match_key(text)
    if not key or parse_seq(text) is not None or _SENTENCE.search(text):
        return False
    return len(key) <= (MAX_KNOWN_HEADER_CELL if field_for_header(text) else max_unknown)


def parse_seq(text: str) -> int | None:
    match = layout_patterns()["seq"].match(match_view(text))
    if not match:
        return None
    value = parse_number(match.group(1))
    return int(value) if value is not None and value.is_integer() else None


def is_furniture(text: str) -> bool:
    return bool(layout_patterns()["furniture"].search(text.strip()))


def is_heading(text: str) -> bool:
    """A category or section line ("二、交通基础设施提升工程", "（一）已完成的任务", "进度滞后的项目")."""
    return bool(layout_patterns()["heading"].search(match_view(text.strip())))


def looks_like_units(text: str) -> bool:
    """Short text made of unit names (区交通局、区发改委): what a 牵头单位 cell holds."""
    return bool(layout_patterns()["unit_like"].search(match_view(text.strip())))
