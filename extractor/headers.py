"""Document vocabulary shared by the layout splitter and the table stage.

What a header cell means (``data/headers.toml``), what a 序号 looks like, which lines are page
furniture and which line names the table (``data/layout.toml``). Kept apart from both stages so
the text-layout splitter can recognise a header without depending on the table stage.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache

import regex

from extractor.numerals import numeral_value
from extractor.rules.compiled import compile_rule
from extractor.rules.data import expand, load
from extractor.textnorm import collapse_layout_space, match_key, match_view

# A header row names at least this many known fields, one of them a core field.
MIN_HEADER_FIELDS = 2
CORE_FIELDS = frozenset({"seq", "task", "progress"})
MAX_HEADER_TEXT = 24  # characters: a longer cell is content even when it contains a header word
MAX_KNOWN_HEADER_CELL = 20  # a single cell naming a known field may be this long
_SENTENCE = compile_rule(r"[。；;！？!?]")
_DIGIT = compile_rule(r"\d")
# A 序号 written at the start of a cell ("1、地区生产总值增长率", "*2.居民消费价格涨幅"), not a
# decimal ("3.90%的…").
SEQ_PREFIX = compile_rule(r"^\s*[*＊]?\s*(\d{1,4})\s*[、.．](?!\d)\s*(?=\S)")
NOMINAL_TAIL = compile_rule(r"(?:数|数量|量|率|值|额|比例|占比|之比|时间|时限|日期|期限)$")


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
        "attachment": compile_rule(data["attachment"]),
        "seq": compile_rule(data["seq"]),
        "furniture": compile_rule("|".join(f"(?:{p})" for p in data["furniture"])),
        "title_cue": compile_rule("(?:" + "|".join(map(regex.escape, data["title_cues"])) + r")\W*$"),
        "title_reject": compile_rule("|".join(f"(?:{p})" for p in data["title_reject"])),
        "heading": compile_rule(data["heading"]),
        "group_header": compile_rule(data["group_header"]),
        "unit_like": compile_rule(data["unit_like"]),
        "note": compile_rule(data["note"]),
        "deadline_like": compile_rule(data["deadline_like"]),
        "form_title": compile_rule(data["form_title"]),
        "person_name": compile_rule(data["person_name"]),
        "continues_forward": compile_rule(data["continues_forward"]),
        "status_word": compile_rule(data["status_word"]),
        "status_phrase": compile_rule(data["status_phrase"]),
        "count_note": compile_rule(data["count_note"]),
        "report_opener": compile_rule(data["report_opener"]),
        "header_period": compile_rule(data["header_period"]),
        "dated_header": compile_rule(data["dated_header"]),
        "item_prefix": compile_rule(expand(data["item_prefix"], file="layout.toml")),
        "blank_mark": compile_rule(data["blank_mark"]),
        "page_mark": compile_rule(data["page_mark"]),
    }


@cache
def prose_patterns() -> dict[str, regex.Pattern[str]]:
    """Numbered-prose vocabulary (``[prose]`` in data/layout.toml); styles keep their level order."""
    data = load("layout")["prose"]
    out = {
        name: compile_rule(data[name])
        for name in (
            "item_reference",
            "run_in",
            "inline_item",
            "progress_opener",
            "progress_tail",
            "progress_word",
            "list_intro",
            "list_dash",
            "plan_word",
            "actual_clause",
            "result_clause",
            "quoted_list_intro",
            "counted_class",
            "leading_note",
            "unit_heading",
            "counted_list",
            "report_start",
            "project_name",
            "project_class",
            "named_project",
            "quoted_task",
            "bracket_deadline",
            "organisation",
            "inner_bracket",
            "next_inline_item",
            "next_arabic",
            "unit_opening",
            "includes_bracket",
            "padded_name",
            "cut_paren",
            "unit_role",
            "lead_role",
            "units_above",
            "lost_open_paren",
            "report_subject",
        )
    }
    out |= {name: compile_rule(data[name]) for name in ("signature_at_end", "closing_date", "closing_paragraph")}
    out |= {f"style:{name}": compile_rule(pattern) for name, pattern in data["styles"].items()}
    return out


# Strength of a morpheme's claim: the head of the compound (its last morpheme) and any other part.
# Both stay below a synonym's (1 … 3), so a header a synonym names is read by the synonym.
MORPHEME_HEAD = 0.9
MORPHEME_PART = 0.4
# A cell read as a header by morphemes alone is short and made almost only of header words.
MAX_MORPHEME_HEADER = 12
MIN_MORPHEME_COVERAGE = 0.5


# Lists of [morphemes] that name no field (weak words, openers, question words, examples).
NOT_FIELD_LISTS = frozenset(
    {"weak", "examples", "content_openers", "never_first", "question"}
    | {
        f"{name}{suffix}"
        for name in ("task_aspects", "measures", "lead_roles", "planned", "done_openers")
        for suffix in ("", "_examples", "_counter_examples")
    }
)


@cache
def _morphemes() -> tuple[regex.Pattern[str], dict[str, str | None]]:
    """One alternation of every morpheme and weak word (longest first), and what each claims
    (None for a weak word), from data/headers.toml [morphemes]."""
    data = load("headers")["morphemes"]
    claims: dict[str, str | None] = {match_key(w) or w: None for w in data["weak"]}
    for name, words in data.items():
        if name not in NOT_FIELD_LISTS:
            claims.update({match_key(m): name for m in words})
    words = sorted(claims, key=len, reverse=True)
    return compile_rule("|".join(map(regex.escape, words))), claims


@lru_cache(maxsize=4096)
def morpheme_reading(header: str) -> tuple[dict[str, float], float]:
    """Fields a header claims by the morphemes it is made of (see [morphemes] in data/headers.toml),
    and the share of its characters that morphemes and weak words account for."""
    pattern, meaning = _morphemes()
    key = match_key(header)
    matches = list(pattern.finditer(key))
    found = [name for m in matches if (name := meaning[m.group()])]
    claims: dict[str, float] = {}
    for index, name in enumerate(found):
        strength = MORPHEME_HEAD if index == len(found) - 1 else MORPHEME_PART
        claims[name] = max(claims.get(name, 0.0), strength)
    coverage = sum(m.end() - m.start() for m in matches) / len(key) if key else 0.0
    return claims, coverage


def morpheme_head(text: str) -> str | None:
    """The field of the morpheme a text ends in (its head), when it ends in one (or a weak word)."""
    key = match_key(text)
    pattern, meaning = _morphemes()
    matches = list(pattern.finditer(key))
    named = [m for m in matches if meaning[m.group()]]
    if not named or not matches or matches[-1].end() != len(key):
        return None
    return meaning[named[-1].group()]


@cache
def _header_words_run() -> regex.Pattern[str]:
    return compile_rule(f"(?:{_morphemes()[0].pattern})+")


def header_word_tail(text: str) -> int | None:
    """Where the longest tail of ``text`` made of header words alone starts ("莲塘镇任务目标" → 3,
    at 任务目标), when it ends in one that names a field; None when none does."""
    key = match_key(text)
    if len(key) != len(text) or morpheme_head(key) is None:
        return None  # offsets in the key are offsets in the text only when nothing was dropped
    for start in range(len(key)):
        if _header_words_run().fullmatch(key, start):
            return start
    return None


def morpheme_claims(header: str) -> dict[str, float]:
    return morpheme_reading(header)[0]


@lru_cache(maxsize=65536)  # (a pure function of the text: every layout reading asks it of the same pieces)
def reads_as_header(text: str) -> str | None:
    """The field a short cell names when it reads as a header by its morphemes alone.

    A header is a noun compound with its head last: short, no digit, mostly header words, ending
    in a morpheme (or a weak word such as 说明) — "目前情況", "承諾", "推行情况", "预定完成日期". A
    cell opening with an adverb of state ("已完成", "正常推进", "超额完成") is content.
    """
    key = match_key(text)
    if not key or len(key) > MAX_MORPHEME_HEADER or _DIGIT.search(key):
        return None
    if opens_as_content(key):
        return None  # "已完成" is a status word; "已完成数" (a count) is a header
    matches = list(_morphemes()[0].finditer(key))
    claims, coverage = morpheme_reading(text)
    if coverage < MIN_MORPHEME_COVERAGE or not claims or not matches or matches[-1].end() != len(key):
        return None
    return max(claims.items(), key=lambda item: item[1])[0]


def opens_as_content(text: str) -> bool:
    """Whether a cell opens with an adverb of state ("已完成", "正常推进", "已完成的项目") and so says
    something rather than names a column; a count it opens ("已完成数") is still a header."""
    key = match_key(text)
    return key.startswith(_content_openers()) and not NOMINAL_TAIL.search(key)


def opens_with_joiner(text: str) -> bool:
    """Whether a cell opens with a word that only ends or joins compounds ("说明…", "及…"): no
    header cell does, so a glued header is never cut before one."""
    return match_key(text).startswith(_never_first())


@cache
def _never_first() -> tuple[str, ...]:
    return tuple(match_key(w) for w in load("headers")["morphemes"]["never_first"])


@cache
def _content_openers() -> tuple[str, ...]:
    return tuple(match_key(w) for w in load("headers")["morphemes"]["content_openers"])


@cache
def _synonym_pattern() -> regex.Pattern[str]:
    """Every synonym of two characters or more, for finding all of them in a header in one pass."""
    words = sorted((s for s in _synonyms() if len(s) >= 2), key=len, reverse=True)
    return compile_rule("|".join(map(regex.escape, words)))


# Columns a user named (``--columns '工作内容=task,落实情况=progress'``): header key → field, or
# "" for a column that is no field. Set for one parse by ``column_overrides``.
_OVERRIDES: ContextVar[tuple[tuple[str, str], ...]] = ContextVar("column_overrides", default=())
OVERRIDE_STRENGTH = 10.0  # above every synonym: the user said so
NO_FIELD = "none"


def known_fields() -> frozenset[str]:
    """The fields a column can mean (data/headers.toml [fields])."""
    return frozenset(load("headers")["fields"])


@contextmanager
def column_overrides(columns: Mapping[str, str] | None) -> Iterator[None]:
    """Read the named headers as the given fields while the block runs (``none``: no field).

    Raises ValueError naming an unknown field."""
    if not columns:
        yield
        return
    unknown = sorted({f for f in columns.values() if f not in known_fields() and f != NO_FIELD})
    if unknown:
        fields = ", ".join(sorted(known_fields()))
        raise ValueError(f"unknown field {', '.join(unknown)} (fields: {fields}, or {NO_FIELD})")
    token = _OVERRIDES.set(tuple((match_key(h), "" if f == NO_FIELD else f) for h, f in columns.items()))
    try:
        yield
    finally:
        _OVERRIDES.reset(token)


def header_candidates(header: str, *, morphemes: bool = False) -> list[tuple[str, float]]:
    return list(_header_candidates(header, morphemes, _OVERRIDES.get()))


# A header opening with a question word (是否…, 有无…) claims the status above any synonym inside it
# (是否按期完成 holds 完成) and below an exact synonym.
QUESTION_STRENGTH = 2.5
# A header opening with a word of what comes next (下一步…, 下阶段…) claims the plan as a question claims
# the status: above a synonym or head morpheme that would make it a task ("下步工作措施", "下阶段重点工作").
NEXT_STRENGTH = 2.5
# A header opening with a word of what has been done (已开展工作, 正在推进事项) claims the progress as a
# question claims the status: above the task its head morpheme (工作, 事项) would make it.
DONE_STRENGTH = 2.5
# Words that join fields into a list in one header cell.
COORDINATION = compile_rule(r"[、,;/及和与并暨]|以及")


@lru_cache(maxsize=65536)  # the same header cells are read by every layout candidate
def _header_candidates(
    header: str, morphemes: bool, overrides: tuple[tuple[str, str], ...]
) -> tuple[tuple[str, float], ...]:
    """The fields a header may mean, strongest claim first.

    An exact synonym claims most (3); the synonym that leads the header claims more (2) than
    another inside it (1). In a list of fields the first leads: "进展情况、存在问题及下一步打算"
    is a progress column that also holds the problems and plans. In a compound the head leads,
    the last word: "任务目标完成情况" is a progress column, "工作任务完成时限" a deadline. Longer synonyms
    claim a little more. With ``morphemes``, what no synonym claims is read from the morphemes
    (below 1: the head of the compound 0.9, another part 0.4): "目前情況" is a progress column,
    "承諾" a task. Without, only synonyms count: the vocabulary that tells a header cell from
    content anywhere in a document.
    """
    key = match_key(header)
    if not key:
        return ()
    for named, field in overrides:
        if named == key:
            return ((field, OVERRIDE_STRENGTH),) if field else ()
    synonyms = _synonyms()
    claims: dict[str, float] = {}
    if key in synonyms:
        claims[synonyms[key]] = 3.0
    # A list of fields ("进展情况、存在问题及下一步打算") is led by its first; a compound
    # ("任务目标完成情况": the 完成情况 of the 任务目标) by its head, which Chinese puts last.
    listed = bool(COORDINATION.search(key))
    for match in _synonym_pattern().finditer(key, overlapped=True):
        synonym = match.group()
        if synonym == key:
            continue
        name = synonyms[synonym]
        leads = match.start() == 0 if listed else not regex.search(r"\p{Han}", key[match.end() :])
        strength = (2.0 if leads else 1.0) + len(synonym) / 100
        claims[name] = max(claims.get(name, 0.0), strength)
    if morphemes and key.startswith(_question_words()) and len(key) <= MAX_HEADER_TEXT and not _SENTENCE.search(key):
        # "是否达到序时进度": a yes-or-no question over each row, whatever it names after the question
        claims["status"] = max(claims.get("status", 0.0), QUESTION_STRENGTH)
    if morphemes and key.startswith(_next_words()) and len(key) <= MAX_HEADER_TEXT and not _SENTENCE.search(key):
        # "下步工作措施", "下一步工作举措": what comes next, whatever its head names (措施 is a task's)
        claims["plan"] = max(claims.get("plan", 0.0), NEXT_STRENGTH)
    if morphemes and key.startswith(_done_openers()) and len(key) <= MAX_HEADER_TEXT and not _SENTENCE.search(key):
        # "已开展工作", "已做工作": what has been done, whatever its head names (工作 is a task's morpheme)
        claims["progress"] = max(claims.get("progress", 0.0), DONE_STRENGTH)
    if morphemes and len(key) <= MAX_HEADER_TEXT:
        aspect = _task_aspect_head(key)
        for name, strength in morpheme_claims(header).items():
            if aspect and name == "progress" and strength < MORPHEME_HEAD:
                continue  # "推进举措", "落实措施": the verb qualifies the task's measures, no report
            claims.setdefault(name, strength)
        if not claims and _period_header().match(key):
            claims["progress"] = MORPHEME_HEAD  # "1-3月": the values reached in the period
    return tuple(sorted(claims.items(), key=lambda item: -item[1]))


@cache
def _done_openers() -> tuple[str, ...]:
    """Words of what has been done or is under way (已, 正在: ``done_openers`` in data/headers.toml)."""
    return tuple(match_key(w) for w in load("headers")["morphemes"]["done_openers"])


@cache
def _task_aspects() -> tuple[str, ...]:
    return tuple(match_key(w) for w in load("headers")["morphemes"]["task_aspects"])


def _task_aspect_head(key: str) -> bool:
    """Whether a header (its matching key) ends in a word of the task's side (措施, 举措, 目标, 内容,
    要求: ``task_aspects`` in data/headers.toml), no other header word after it ("推进举措", "落实措施说明",
    "推进措施(%)")."""
    pattern, meaning = _morphemes()
    named = [m for m in pattern.finditer(key) if meaning[m.group()]]
    return bool(named) and named[-1].group() in _task_aspects()


@cache
def _measure_words() -> regex.Pattern[str]:
    return compile_rule("|".join(regex.escape(match_key(w)) for w in load("headers")["morphemes"]["measures"]))


def is_measures_header(header: str) -> bool:
    """Whether a header heads the measures taken for a task (工作措施, 推进举措: ``measures`` in
    data/headers.toml [morphemes]), at its head: no other header word after it."""
    key = match_key(header)
    pattern, meaning = _morphemes()
    named = [m for m in pattern.finditer(key) if meaning[m.group()]]
    found = list(_measure_words().finditer(key))
    return bool(found) and (not named or named[-1].end() <= found[-1].end())


@cache
def _lead_role_words() -> regex.Pattern[str]:
    return compile_rule("|".join(regex.escape(match_key(w)) for w in load("headers")["morphemes"]["lead_roles"]))


def names_lead_role(header: str) -> bool:
    """Whether a header names the lead role (牵头, 主责, 主办: ``lead_roles`` in data/headers.toml): of two
    columns of units, that one holds the lead units."""
    return bool(_lead_role_words().search(match_key(header)))


@cache
def _planned_words() -> tuple[str, ...]:
    return tuple(match_key(w) for w in load("headers")["morphemes"]["planned"])


def opens_planned(header: str) -> bool:
    """Whether a header opens with a word of what was planned (计划完成, 预期进度, 序时进度: ``planned``
    in data/headers.toml), a period before it aside ("2024年计划完成"): it heads a target or a schedule."""
    return match_key(undated_header(header)).startswith(_planned_words())


@cache
def _next_words() -> tuple[str, ...]:
    """The plan's morphemes (下一步, 下阶段, 下月, 明年 …): a header opening with one names what comes next."""
    return tuple(match_key(w) for w in load("headers")["morphemes"]["plan"])


@cache
def _question_words() -> tuple[str, ...]:
    return tuple(match_key(w) for w in load("headers")["morphemes"]["question"])


@cache
def _period_header() -> regex.Pattern[str]:
    return compile_rule(load("headers")["period_header"])


@cache
def _not_header_cell() -> regex.Pattern[str]:
    return compile_rule("|".join(f"(?:{p})" for p in load("headers")["not_header_cell"]))


def not_header_cell(text: str) -> bool:
    """A document's title, its date or a salutation (``not_header_cell`` in data/headers.toml): lines
    that read as header words ("…进展情况的汇报", "各位领导:") but head no column."""
    return bool(_not_header_cell().search(regex.sub(r"\s+", "", match_view(text))))


def is_period_header(text: str) -> bool:
    """A header that is only a period ("1-3月", "1—9月完成", "上半年": period_header): it heads what
    was reached in that period."""
    return bool(_period_header().match(match_key(text)))


def field_for_header(header: str) -> str | None:
    """Canonical field of a header: its strongest claim (see ``header_candidates``)."""
    candidates = header_candidates(header)
    return candidates[0][0] if candidates else None


LABEL_END = compile_rule(r"[:：]\s*$")


def is_header_row(texts: Sequence[str | None]) -> bool:
    """At least two known fields, one a core field, each named by a short cell (not content): by a
    synonym, or by morphemes alone (``reads_as_header``). A row with a 序号 in it is a data row. A
    label ending in a colon ("信息名稱:", "填报单位：") introduces a value beside it (a page's
    metadata table): it names no column; nor does a page's metadata form with its labels written
    without colons (``_metadata_form``)."""
    if _metadata_form(texts):
        return False  # 索引号 | … | 组配分类 | 民生实事 | 主题分类 | …
    known = set()
    for text in texts:
        if not text or len(match_key(text)) > MAX_HEADER_TEXT or LABEL_END.search(text):
            continue
        if parse_seq(text) is not None:
            return False
        name = field_for_header(text) or reads_as_header(text)
        if name:
            known.add(name)
    return len(known) >= MIN_HEADER_FIELDS and bool(CORE_FIELDS & known)


def _metadata_form(texts: Sequence[str | None]) -> bool:
    """A page's metadata form, its labels written without colons: two metadata labels or more, each
    followed by its value (labels alternate with values), and no core field named but by a value
    (民生实事 beside 组配分类). A table of documents names 文号 and 发布日期 as columns side by side,
    beside its 序号 and 落实情况: a header, not a form."""
    cells = [text for text in texts if text and text.strip()]
    labels = [metadata_label(text) for text in cells]
    if sum(labels) < MIN_HEADER_FIELDS:
        return False
    for k, text in enumerate(cells):
        if labels[k]:
            if k + 1 < len(cells) and labels[k + 1]:
                return False  # two labels side by side: a header's columns
        elif not (k and labels[k - 1]) and (field_for_header(text) or reads_as_header(text)) in CORE_FIELDS:
            return False  # a core field named outside a label's value
    return True


MAX_BROKEN_HALF = 8  # a header word cut by a narrow cell: each half a few characters


def broken_header(tops: Sequence[str | None], subs: Sequence[str | None]) -> bool:
    """A header printed over two rows, every cell cut at the same width ("序 | 工作 | 进展 | 责任" over
    "号 | 任务 | 情况 | 单位", a narrow PDF table copied out): each column's two halves are written,
    short and with no number, and the halves joined read as a header. The evidence that the first
    half is no title and the second no data row: the 序号 column's halves (序 / 号), where a data
    row would hold its number, with all columns but one read whole as a header word; or, in a table
    without that column ("年 | 承 | 目前" over "份 | 诺 | 情况"), halves that read as a header only
    joined: one column at most means something from a half alone, all but one joined (read by
    morphemes as well as by the synonyms) and the joined row reads as a header."""
    pairs = [(t or "", b or "") for t, b in zip(tops, subs, strict=True) if t or b]
    if len(pairs) < 2 or any(not t or not b for t, b in pairs):
        return False
    if any(regex.search(r"\d", t + b) or len(t) > MAX_BROKEN_HALF or len(b) > MAX_BROKEN_HALF for t, b in pairs):
        return False  # (a data row's cells are longer than a header's halves)
    if any(not regex.search(r"[\p{L}\p{N}]", b) for _, b in pairs):
        return False  # a rule under the header ("|---|:---:|", "| —— | —— |") halves no word
    wholes = [collapse_layout_space(t + b) for t, b in pairs]
    # the 序号 column's halves (序 / 号) are the evidence: a first data row holds a number there, and a
    # table without that column may have a first row of short texts that read as header words too
    if any(field_for_header(w) == "seq" and parse_seq(b) is None for w, (_, b) in zip(wholes, pairs, strict=True)):
        named = sum(1 for w in wholes if field_for_header(w))
        return named >= max(2, len(pairs) - 1)  # (one column may name what the vocabulary does not: 监督电话)
    halves = sum(1 for t, b in pairs if _names_field(t) or _names_field(b))
    joined = sum(1 for w in wholes if _names_field(w))
    return halves <= 1 and joined >= max(2, len(pairs) - 1) and is_header_row(wholes)


def _names_field(text: str) -> bool:
    text = collapse_layout_space(text)
    return bool(field_for_header(text) or reads_as_header(text))


def metadata_label(text: str) -> bool:
    """A page-metadata label (索引号, 主题分类, 发布机构, 发文日期) as a cell of its own, its colon left
    out: the label data/layout.toml's ``furniture`` knows with a colon after it."""
    text = text.strip()
    return bool(text) and not LABEL_END.search(text) and len(text) <= MAX_LABEL and is_furniture(text + "：")


MAX_LABEL = 6  # a metadata label is a word or two


def header_cell_like(text: str, *, max_unknown: int) -> bool:
    """What a header cell holds: short, no sentence, no number; a known header name, or a text of at
    most ``max_unknown`` characters (a header the synonyms don't know)."""
    key = match_key(text)
    if not key or parse_seq(text) is not None or _SENTENCE.search(text):
        return False
    return len(key) <= (MAX_KNOWN_HEADER_CELL if field_for_header(text) else max_unknown)


# A header or label naming a target (工作目标, 任务目标, 年度目标): beside a name column or an item's
# name, the target is a cell of its own and the name is the task.
TARGET_HEADER = compile_rule(r"目标")
ROMAN_SEQ = compile_rule(r"^\s*\(\s*([IVX]{1,5}|[ivx]{1,5})\s*\)\s*$")
ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}


def roman_value(numeral: str) -> int:
    """IV → 4, xii → 12 (a smaller numeral before a larger one subtracts)."""
    values = [ROMAN_VALUES[c] for c in numeral.lower()]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def parse_seq(text: str) -> int | None:
    view = match_view(text)
    roman = ROMAN_SEQ.match(view)
    if roman:
        return roman_value(roman.group(1))  # "(IV)": Hong Kong reports number items so
    match = layout_patterns()["seq"].match(view)
    if not match:
        return None
    return numeral_value(match.group(1) or match.group(2))


def numbers_count(numbers: Sequence[int]) -> bool:
    """Whether the numbers opening a column's cells count its rows: they go up one by one (or
    start again at 1) at most steps, starting from 1 unless every step is one up (an extract of a
    longer list: 145, 146 …). "1.", "1.", "1." (each cell opens a list of its own) or "2.", "1.",
    "2." (list items inside cells) count no rows."""
    steps = [b == a + 1 or (b == 1 and a > 1) for a, b in itertools.pairwise(numbers)]
    if not steps or 2 * sum(steps) <= len(steps):
        return False
    return numbers[0] == 1 or all(b == a + 1 for a, b in itertools.pairwise(numbers))


def item_enumerator(text: str | None) -> tuple[str, int] | None:
    """How a text's leading item number is written and its value: "（二）对…" → ("(C)", 2), "3.推进…"
    → ("A.", 3), "十二、…" → ("C、", 12) (the numerals' script, the marks around them); None when it
    opens with none (1. or 1、 as SEQ_PREFIX reads it, or layout.toml item_prefix)."""
    view = match_view(text or "")
    found = SEQ_PREFIX.match(view) or layout_patterns()["item_prefix"].match(view)
    number = parse_seq(found.group().strip()) if found else None
    if found is None or number is None:
        return None
    mark = regex.sub(r"\s", "", found.group())
    return regex.sub(r"[0-9]+", "A", regex.sub(r"[一二三四五六七八九十百零〇两]+", "C", mark)), number


@cache
def _header_period_anywhere() -> regex.Pattern[str]:
    # layout.toml's header_period is anchored at the start ("2024年推进情况"); a period stands inside
    # a header as well ("预计至12月31日完成工作量", "实际1-9月完成情况"): the same pattern, unanchored.
    return compile_rule(load("layout")["header_period"].removeprefix("^"))


def undated_header(text: str) -> str:
    """A header's matching view without the first period written in it (header_period in
    data/layout.toml), at its start or after a modifier: "截至6月底进展" → "进展", "预计至12月31日完成
    工作量" → "预计完成工作量". A period alone leaves nothing; a period after other words stays."""
    view = match_view(text)
    for found in _header_period_anywhere().finditer(view):
        if found.end() > found.start():
            # Before the period only a modifier of the header (预计, 实际, 累计: two characters, or
            # header words): a title's subject before a year ("毕节市2017年度…") is no header's.
            before = regex.sub(r"\s+", "", view[: found.start()])
            if len(before) > MAX_PERIOD_MODIFIER and morpheme_reading(before)[1] < 1.0:
                return view
            return view[: found.start()] + view[found.end() :]
    return view


MAX_PERIOD_MODIFIER = 2


def is_furniture(text: str) -> bool:
    """A line of a web page's furniture (发布日期：…, 当前位置：首页 > …), in either script (當前位置, 首頁)."""
    return bool(layout_patterns()["furniture"].search(match_view(text.strip())))


def is_heading(text: str) -> bool:
    """A category or section line ("二、交通基础设施提升工程", "（一）已完成的任务", "进度滞后的项目")."""
    return bool(layout_patterns()["heading"].search(match_view(text.strip())))


def looks_like_units(text: str) -> bool:
    """Short text made of unit names (区交通局、区发改委): what a 牵头单位 cell holds."""
    return bool(layout_patterns()["unit_like"].search(match_view(text.strip())))


def looks_like_person(text: str) -> bool:
    """A person's name (a leader under 分管领导, a 责任人), not a unit's."""
    return bool(layout_patterns()["person_name"].match(match_view(text.strip())))
