"""What kind of content a cell holds: the classes the layout stage reads columns by.

A column is consistent when its cells are of one kind (numbers under 序号, unit names under
牵头单位, sentences under 完成情况); the aligned reading expects each column's kind from its header
and learns it from the document, and the evidence for any reading counts how consistent its
columns are.
"""

from __future__ import annotations

from functools import cache, lru_cache

import regex

from extractor.headers import layout_patterns, looks_like_person, looks_like_units, parse_seq
from extractor.layout.base import SENTENCE
from extractor.rules.compiled import compile_rule
from extractor.rules.data import load
from extractor.textnorm import match_view

CLASSES = (
    "empty",
    "seq",
    "number",
    "percent",
    "measure",
    "figure",
    "unit",
    "person",
    "date",
    "status",
    "report",
    "short",
    "prose",
)
SEQ_PREFIX = compile_rule(r"^\s*[*＊]?\s*(\d{1,4})\s*[、.．]\s*(?=\S)")  # (decimals: see aligned)
STARRED_SEQ = compile_rule(r"^\s*(\d{1,4})\s*[*＊]\s*$")
NUMBER = compile_rule(r"^[-+−]?\d[\d,，.]*$|^[-—–/]$")
PERCENT = compile_rule(r"^[-+−]?\d[\d,，.]*\s*[%％]$")
DIGIT = compile_rule(r"\d")
YEAR_SPAN = compile_rule(r"^(?:19|20)\d{2}\s*年?\s*[-—–~至]\s*(?:19|20)\d{2}\s*年?$")
# A year alone, of the years these reports are about ("2025", "2024年"); an older four-digit number
# is as likely a count ("1500", "2000").
RECENT_YEAR = compile_rule(r"^20[1-3]\d\s*年?$")
MAX_STATUS = 10  # a status word is short ("已完成", "超额完成", "持续推进")
MAX_SHORT = 15


def classify(text: str) -> str:
    """What kind of content a cell holds (one of CLASSES)."""
    return _classify_short(text) if len(text) <= SHORT_CLASSIFIED else _classify(text)


# The aligned reading asks for the class of the same trial cells again and again (1,336 times for
# the 110 texts of an 11-row document): a pure function of the text, kept for short texts (at most
# 2048 × 256 characters).
SHORT_CLASSIFIED = 256


@lru_cache(maxsize=2048)
def _classify_short(text: str) -> str:
    return _classify(text)


def _classify(text: str) -> str:
    text = text.strip()
    if not text:
        return "empty"
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) > 1 and (
        all(looks_like_units(line) for line in lines)  # one unit name a line
        or (all(len(line) <= MAX_SHORT for line in lines) and looks_like_units("".join(lines)))  # one wrapped
    ):
        return "unit"
    text = " ".join(lines)
    view = match_view(text)
    if (parse_seq(text) is not None and len(regex.sub(r"\D", "", view)) <= 3 and len(text) <= 5) or STARRED_SEQ.match(
        view
    ):
        return "seq"  # a 序号 ("12", "3.", "（4）"); a bare 1996 is a number (a year, a count)
    prefix = SEQ_PREFIX.match(view)
    if prefix:  # "1、地区生产总值增长率": the number is the row's, the rest is what the cell holds
        text, view = text[prefix.end() :], view[prefix.end() :]
    if YEAR_SPAN.match(view) or RECENT_YEAR.match(view):
        return "date"  # "2024-2025", "2022—2026年", "2025": a project's years, what a 起止年限 column holds
    if NUMBER.match(view):
        return "number"
    if PERCENT.match(view):
        return "percent"
    if is_measure(text):
        return "measure"  # "万人", "元/月/人": what a 单位 (of measure) column holds
    if looks_like_units(text) and len(text) <= 60 and not _task_with_units(text):
        return "unit"
    if layout_patterns()["report_opener"].match(view):
        return "report"  # "完成9个，完成率100%", "已开工", "截至6月底…": what a progress cell says
    if looks_like_person(text):
        return "person"
    if len(text) <= 14 and layout_patterns()["deadline_like"].search(view) and DIGIT.search(view):
        return "date"
    if len(text) <= MAX_STATUS and layout_patterns()["status_word"].search(view) and not DIGIT.search(view):
        return "status"
    if len(text) <= 24 and DIGIT.search(view) and not SENTENCE.search(text):
        return "figure"
    if len(text) <= MAX_SHORT and not SENTENCE.search(text):
        return "short"
    return "prose"


BRACKET_TAIL = compile_rule(r"[(（][^()（）]+[)）]\s*[。.]?\s*$")
MIN_TASK_HEAD = 6


def _task_with_units(text: str) -> bool:
    """A task naming its units in a closing bracket ("增設文史故事牆,以圖文方式呈現(信義區公所、
    臺北市教育局)"): what stands before the bracket is no unit's name, so the text is the task."""
    tail = BRACKET_TAIL.search(text)
    if tail is None:
        return False
    head = text[: tail.start()].strip()
    return len(head) >= MIN_TASK_HEAD and not looks_like_units(head)


@cache
def _measure_pattern() -> regex.Pattern[str]:
    """A unit of measure written alone (万人, 公里, 万元, 元/月/人, %): data/units.toml's scales,
    currencies and measure words, optionally per one of them."""
    units = load("units")
    words = [*units["currencies"], *units["measure_words"]["count"], *units["measure_words"]["quantity"], "%"]
    # (sorted by length, then text: the same pattern every run, so the rule cache keeps it)
    word = "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
    scale = "|".join(regex.escape(s) for s in sorted(units["scales"], key=lambda s: (-len(s), s)))
    per = r"(?:/(?:" + word + r"|月|年|日|天|周|季度?))*"
    return compile_rule(rf"^(?:{scale})?(?:{word}){per}$")


def is_measure(text: str) -> bool:
    """Whether a piece is a unit of measure standing alone, as a 单位 column holds it ("万人",
    "元/月/人"): it never leads a number into a phrase, unlike "在 1996 年"."""
    return bool(_measure_pattern().match(match_view(text.strip())))
