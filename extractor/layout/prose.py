"""Numbered prose: a progress report written as numbered paragraphs instead of a table.

    一、主要指标任务完成情况
    （一）全市经济社会发展主要预期目标完成情况
    上半年，全市完成地区生产总值802.81亿元……
    （二）报告中确定的其他指标任务完成情况
    1.引进……项目不少于3个。上半年，引进世界500强企业投资项目3个……
    3、城乡供水一体化工程，牵头部门：区水利局。管网铺设进度较慢……
    2.外贸进出口（第12项）：1-9月完成56.3亿元，同比增长3.1%……
    一是加快推进……；二是……

Each task becomes a row of a table with a made-up header (序号, 目标任务, 完成情况, 牵头单位 and
any other labelled field found), so the table stage treats it like any other table:
- the outline: every enumerator style (一、/（一）/1./（1）/①, data/layout.toml) that counts up
  in the document is a level, nested in that order; an item with items under it is a section, an
  item without is a task (a leaf), whatever its level; numbered lines after a label inside an
  item (推进情况：1.… 2.…) are that item's text, not items of their own;
- run-in 一是/二是 splits a paragraph when it numbers more items than the outline;
- labels ("牵头部门：", "分管省领导：", "完成时限：", "（牵头单位：X，责任单位：Y）") are read by
  meaning, synonyms first, then the morphemes of data/headers.toml; a unit label's value ends at
  the sentence's end; of several unit labels the 牵头 one gives the lead units, the others the
  partner units; "X牵头，Y配合" in a unit value says which is which;
- the unlabelled text is the task, up to a name's end (a colon, an item reference such as
  （第6项）, which is kept apart) or up to the first clause that reports progress (上半年…,
  截至…, 目前…, 已…: data/layout.toml ``progress_opener``); the rest is the progress. A short
  heading line with the progress below it is the task as printed (its "…完成情况" tail kept);
- lines before the first task (the report's preamble) are paragraphs, not rows.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import regex

from extractor.headers import (
    field_for_header,
    header_candidates,
    header_word_tail,
    is_furniture,
    label_synonyms,
    layout_patterns,
    looks_like_person,
    looks_like_units,
    morpheme_head,
    prose_patterns,
    reads_as_header,
    roman_value,
)
from extractor.layout.base import Block, Line, trim
from extractor.layout.news import news_items
from extractor.layout.unwrap import ENDS_SENTENCE, display_width
from extractor.numerals import numeral_value
from extractor.readers.raw import Paragraph, RawCell, RawRow, RawTable
from extractor.rules.compiled import compile_rule
from extractor.rules.data import load
from extractor.rules.numbers import parse_number
from extractor.textnorm import match_key, match_view

# Where the task name ends in an unlabelled head: a colon.
NAME_END_COLON = compile_rule(r"[:]")
MAX_TASK_NAME = 40
MAX_HEADING = 40  # a heading line (an item's title over its text) is no longer than this
MIN_RESULT_HAN = 8  # a report of results under a title has at least this many Han characters
MAX_TARGET_TITLE = 80  # a task's title over its results (新增…5萬個,改造…2萬間) may run this long
MAX_PLAN_TITLE = 60  # a document's title line ("南昌市人民政府关于印发…安排意见的通知") is no longer
MAX_LABEL = 10  # characters of a label before its colon
MIN_FORM_LABELS = 3  # labels naming fields in an item, for its other labels to be fields too
# A unit label's value ends at the end of its sentence or bracket.
UNIT_VALUE_END = compile_rule(r"[。;\n)〕」]|\s")
UNIT_FIELDS = frozenset({"lead_units", "partner_units", "lead_leaders", "responsible", "deadline"})
# The made-up header: one label per field, in this order.
HEADER_LABELS = {
    "seq": "序号",
    "task": "目标任务",
    "reference": "项目编号",
    "progress": "完成情况",
    "issues": "存在问题",
    "plan": "下一步工作打算",
    "lead_leaders": "牵头领导",
    "lead_units": "牵头单位",
    "responsible": "责任人",
    "partner_units": "配合单位",
    "deadline": "完成时限",
    "description": "任务内容",
    "note": "备注",
}
# A label naming a unit field with one of these words is the lead one among several.
LEAD_WORDS = ("牵头", "主办", "主责", "主要责任")
PARTNER_WORDS = ("配合", "协办", "责任", "参与", "协同")
# A label: a short run of Han characters and a colon, at the start of a line or after a separator.
# A label's word, or its characters spaced out as a centred cell prints them ("牵 头 单 位").
LABEL_WORD = rf"(?:\p{{Han}}{{2,{MAX_LABEL}}}|\p{{Han}}(?:[ \u3000]{{1,2}}\p{{Han}}){{1,{MAX_LABEL - 1}}})"
LABEL = compile_rule(rf"(?:^|(?<=[\s,.;。、(\[【〔「]))({LABEL_WORD})\s*:")
# A label in lenticular or square brackets instead of before a colon ("【责任单位】市住建局"); read
# only when it names a field (a bracket that names none is a category tag: 【托幼育人】).
BRACKET_LABEL = compile_rule(rf"[【\[]\s*({LABEL_WORD})\s*[】\]]\s*:?")
GLUED_RUN = compile_rule(r"(\p{Han}{5,16})\s*:")
GLUED_LABEL = compile_rule(r"(\p{Han}+)\s*:")
LABEL_VALUE = compile_rule(r"[^。;\n]*")  # a label's value: up to its sentence's or line's end
# (A unit's name alone on a line is more often the unit of the item above it, and with a colon the
# report's addressee ("区政府："): only a count says it heads the items below.)
UNIT_GROUP = compile_rule(r"^(\p{Han}[\p{Han}()]{1,19}?)\s*(\(.*)$")  # a name, then its count_note
ALONE_STYLES = frozenset({"padded"})  # enumerators that stand alone on their line
DECORATED_LABEL = compile_rule(rf"(?m)^[ \t]*[·•◆■●▲★]+[ \t]*({LABEL_WORD})[ \t]*[·•◆■●▲★]+[ \t]*$")
# "其中：" / "其中，": what follows are the parts of the total stated before it.
AMONG = compile_rule(r"(?:^|(?<=[。;,\s]))\s*其中\s*[:,]\s*")
# A line led by a topic and a colon with a report after it: "城市建设方面：截污干管完成投资50万元…".
TOPIC_LINE = compile_rule(rf"^\s*(\p{{Han}}{{2,{MAX_LABEL}}})\s*:(?=.{{8,}})")
# An ASCII full stop that ends a sentence: not a decimal point (3.5), nor the dot after a bracketed
# enumerator ("(1).两个街道的2个试点小区已完成竣工验收。(2).…": the number's, not a sentence's).
ASCII_STOP = compile_rule(r"(?<!\d)(?<![(\[]\s*\d{1,3}\s*[)\]]\s*)\.(?!\d)")
CATEGORY_TAG = compile_rule(r"^\s*[【\[]([^【】\[\]]{1,12})[】\]]\s*")  # 【托幼育人】
MAX_TITLE_SENTENCE = 20  # a first sentence this short is the item's title ("提高养老金待遇。")
# Words that end on the first character of a report word (项目前期, 题目前): a report word
# starting there overlaps them and is not one.
WORDS_ACROSS_REPORT_START = frozenset({"项目", "項目", "题目", "題目", "节目", "節目"})
LIST_LEAD_IN_END = compile_rule(r"[,:\s]*(?:如|例如|比如|包括)?[,:\s]*$")  # "…需要加快推进事项3件，如"
QUOTED_TASK_LEAD_IN = compile_rule(r"(?:如|例如|比如|其中|包括|以及|及|和|由)+")
# A Chinese-numbered heading inside a line, after a sentence's end or a space: a text whose line breaks
# were lost ("…特此通知。 二○○八年七月七日 …目标 一、扶贫解困工程。…(剑阁县政府)。 二、教育助学工程。…").
INLINE_SECTION = compile_rule(r"(?:(?<=^)|(?<=[\s。]))([一二三四五六七八九十]{1,3})、(?=\S)")
UNITS_BRACKET = compile_rule(r"\([^()]{2,80}\)[。;]?")  # a bracket that may hold unit names, and its stop
# A bracket of unit names closing an item ("（市人社局、市财政局）", "（X负责）", "（X主办，Y协办）").
# A bracket left open at the very end is one cut off with the document ("…政策。（市医疗保障局、市卫").
UNITS_AFTER_STOP = compile_rule(r"[。;]\s*([^。;\n()\[\]【】〔〕]{2,40}?)\s*$")
TRAILING_UNITS = compile_rule(r"[(\[【〔]([^()\[\]【】〔〕]{2,80})(?:[)\]】〕][。.;]?)?\s*$")


@cache
def _reading() -> dict[str, regex.Pattern[str]]:
    """How headings and items are read (data/layout.toml [prose.reading]): reporting_heading,
    plan_heading, tailed_title, closing_formula, named_issue."""
    data = load("layout")["prose"]["reading"]
    return {name: compile_rule(pattern) for name, pattern in data.items() if not name.endswith("examples")}


@cache
def _part_patterns() -> dict[str, regex.Pattern[str]]:
    """What an item's parts are (data/layout.toml [prose.parts]): units_said, units_named."""
    data = load("layout")["prose"]["parts"]
    return {name: compile_rule(pattern) for name, pattern in data.items() if not name.endswith("examples")}


@cache
def _style_patterns() -> dict[str, regex.Pattern[str]]:
    """Enumerator styles at the start of a line, highest level first (data/layout.toml [prose.styles])."""
    return {name[6:]: p for name, p in prose_patterns().items() if name.startswith("style:")}


@dataclass(slots=True)
class _Item:
    seq: int
    marker_end: int  # offset in the first line where the text after the enumerator starts
    lines: list[Line] = field(default_factory=list)
    level: int = 0
    bullet: bool = False  # opened by a bullet, numbered by position
    children: int = 0
    section: str | None = None
    topic_end: int | None = None  # "交通方面：…": where the topic label (the task) ends in the first line
    name_end: int | None = None  # "西庄五保家园建设已完成…": where the name it reports on ends (no colon)
    inline: bool = False  # a part of a sentence ("其中：A…；B…"), split like a run-in item
    shared: str | None = None  # a report on all the items of its list ("目前，3个任务都已完成。")
    reports: bool = False  # its headings (or the document's title) say the text reports results
    unit_first: bool = False  # it and its siblings open with the unit that carries them (_opens_with_units)
    at_cut: bool = False  # the document's last item, where a text cut short ends
    plans: bool = False  # the document's title says it sets out a plan (安排意见, 工作要点): no results in it
    units: str | None = None  # the unit a heading over it assigns it to ("省编办牵头的工作")


def _number(token: str) -> int | None:
    if "\u2460" <= token <= "\u2473":
        return ord(token) - 0x2460 + 1
    if token and all(c in "IVXivx" for c in token):
        return roman_value(token)
    return numeral_value(token)  # (參, the capital 3, reads 参 in the matching view: numerals.py)


def numbered_prose(lines: list[Line]) -> list[Block] | None:
    """A table of the tasks in ``lines``, or None when they are not numbered (or listed) prose."""
    lines = _split_inline_items(lines)
    outline = _outline_items(lines)
    run_in = _run_in_items(lines)
    outline_count = _task_rows(outline)
    run_in_count = _task_rows(run_in)
    titled = _titled_items(lines)
    titled_count = _task_rows(titled)
    if titled is not None and titled_count > max(outline_count, run_in_count):
        return titled
    quoted = _quoted_items(lines)
    quoted_count = _task_rows(quoted)
    if quoted is not None and quoted_count > max(outline_count, run_in_count):
        return quoted
    if outline is not None and (run_in is None or outline_count >= run_in_count):
        return outline
    return run_in or _listed_items(lines) or _labelled_paragraph_items(lines)


def _task_rows(blocks: list[Block] | None) -> int:
    """The rows of a reading's tables, their header and section rows (one cell) aside."""
    return sum(len(row.cells) > 1 for b in blocks or [] if isinstance(b, RawTable) for row in b.rows[1:])


def _quoted_items(lines: list[Line]) -> list[Block] | None:
    """Tasks named in quotes after the unit that carries them, inside a paragraph ("…如县发改局负责的
    “严格落实…计划。”截至目前，…；县自然资源局、县水利局负责的“紧盯…”截至目前，…"): each quoted
    name is a task, the units before it its lead units, the text up to the next one its progress.
    A paragraph needs two of them to be read so; the text before the first is context."""
    blocks: list[Block] = []
    rows: list[tuple[str | None, int | None, dict[str, str]]] = []
    table_at: int | None = None
    for line in lines:
        text = trim(line.text)
        if not text:
            continue
        view = match_view(text)
        closing: list[Block] = []
        found = []
        for match in prose_patterns()["quoted_task"].finditer(view):
            if len(regex.findall(r"\p{Han}", match.group(2))) < MIN_QUOTED_NAME:
                continue  # a quoted number or code ("125510", "1+7+2+N"), not a task's name
            start = _units_before(view, match.start(1), match.end(1))
            if start is not None:
                found.append((start, match))
        if len(found) < 2:
            blocks.append(Paragraph(text, page=line.page))
            continue
        before = text[: found[0][0]]
        if _clean(before):
            blocks.append(Paragraph(trim(before), page=line.page))
        # The sentence that leads into the list says what its items are ("需要加快推进落实事项3件，
        # 如…", "仍有4項計畫…年累計進度落後，如…"): it heads them, as a section heading would.
        lead_in = before[match_view(before).rfind("。") + 1 :]
        lead_in = lead_in[: len(lead_in) - len(LIST_LEAD_IN_END.search(match_view(lead_in)).group())]
        section = _clean(lead_in) if 0 < len(_clean(lead_in)) <= MAX_LEAD_IN else None
        table_at = len(blocks) if table_at is None else table_at
        for (start, match), following in itertools.zip_longest(found, found[1:]):
            end = following[0] if following else len(text)
            raw = text[match.end() : end]
            raw = raw[: len(raw) - len(regex.search(r"[、和及,;\s]*$", match_view(raw)).group())]
            progress = _clean(raw)
            bracket = regex.match(r"\s*\(([^()]*)\)", match_view(raw))
            if bracket is not None and (following is None or not _clean(raw[bracket.end() :])):
                # "海委會「…計畫」(受疫情影響…進度)、經濟部「…」": the bracket after the name holds its
                # report; after the last one, what follows the bracket is the paragraph's own close.
                progress = _clean(raw[bracket.start(1) : bracket.end(1)])
                if _clean(raw[bracket.end() :]):
                    closing.append(Paragraph(trim(raw[bracket.end() :]), page=line.page))
            cells = {
                "task": _clean(text[match.start(2) : match.end(2)]),
                "lead_units": _clean(text[start : match.end(1)]),
                "progress": progress,
            }
            rows.append((section, line.page, {k: v for k, v in cells.items() if v}))
        blocks.extend(closing)
    if len(rows) < 2:
        return None
    assert table_at is not None
    return [*blocks[:table_at], _table(rows, numbered=False), *blocks[table_at:]]


def _units_before(view: str, begin: int, end: int) -> int | None:
    """Where the unit names that end at ``end`` start: the longest run of names (joined by 、, 和, 及)
    after a break or a lead-in (如, 其中, 及 …) in view[begin:end]; None when the text there ends in
    no unit's name ("…仍有4项计画「…」": a count, not a unit)."""
    offsets = [0] + [m.end() for m in regex.finditer(r"[、,和及()]", view[begin:end]) if m.end() < end - begin]
    for offset in offsets:
        start = begin + offset
        lead = QUOTED_TASK_LEAD_IN.match(view, start, end)
        start = lead.end() if lead else start
        names = [part for part in regex.split(r"[、,和及]", view[start:end]) if part]
        if names and all(looks_like_units(part) and not regex.search(r"[()]", part) for part in names):
            return start
    return None


MIN_QUOTED_NAME = 2  # Han characters of a task's name quoted after its unit ("新建幼儿园3所")
MIN_QUOTED_TASK = 8  # Han characters of each quoted task of a class's list ("建设完成大沙河治理工程")
MAX_LEAD_IN = 150  # characters of the sentence leading into a list of quoted tasks, to head them
MIN_TITLED = 3  # title lines over reports, for a document to be read as titled items
MAX_ITEM_TITLE = 30  # characters of an unnumbered item title
MIN_REPORT = 20  # characters of the report paragraph under it
# A line that titles the whole document, not one item: it names a year (2021年…全面完成), or says it
# reports (…情况, …通报).
DOCUMENT_TITLE = compile_rule(r"(?:19|20)\d{2}\s*年")


def _title_line(text: str) -> bool:
    """A short line with no sentence or clause punctuation (建设全省重大疫情救治基地)."""
    view = match_view(text)
    return (
        4 <= len(view) <= MAX_ITEM_TITLE
        and not regex.search(r"[。;,:!?]", view)
        and not DOCUMENT_TITLE.search(view)
        and not _reporting_heading(text)
        and len(header_candidates(text, morphemes=True)) < 2  # no header run together (工作內容說明近期執行概況說明)
        and bool(regex.search(r"\p{Han}{4}", view))
    )


def _cut_report(text: str) -> bool:
    """The document's last line, cut off inside a report ("省級財政補助資金2.56億元全部下"): it ends
    with no sentence's end and reports or holds a figure; a closing date is none."""
    view = match_view(text)
    if prose_patterns()["closing_date"].match(view) or regex.search(r"[。!?)\]」”]\s*$", view):
        return False
    return len(regex.findall(r"\p{Han}", view)) >= 4 and (_reports(text) or bool(regex.search(r"\d", view)))


def _report_paragraph(text: str) -> bool:
    view = match_view(text)
    return len(view) >= MIN_REPORT and "。" in view and (_reports(text) or bool(regex.search(r"\d", view)))


def _titled_items(lines: list[Line]) -> list[Block] | None:
    """Items with no number: a short title line over the paragraphs that report on it ("建设全省重大
    疫情救治基地" / "省级财政补助资金下达3.6亿元，完成年度计划的112.5%。" / "（一）…"), at least
    MIN_TITLED of them. What is numbered under a title is part of its report."""
    filled = [i for i, line in enumerate(lines) if line.text.strip()]
    styles = list(_style_patterns().values())
    titles: list[int] = []
    for position, index in enumerate(filled):
        text = trim(lines[index].text)
        if not _title_line(text) or _opens_item(lines[index], styles):
            continue
        following = filled[position + 1] if position + 1 < len(filled) else None
        if following is None:
            continue
        report = trim(lines[following].text)
        cut = following == filled[-1] and _cut_report(report)
        if not (_report_paragraph(report) or cut):
            continue
        titles.append(index)
    if len(titles) < MIN_TITLED:
        return None
    opening = [line for line in lines[: titles[0]] if line.text.strip()]
    blocks: list[Block] = [Paragraph(trim(line.text), page=line.page) for line in opening]
    rows = []
    items = []
    for n, start in enumerate(titles):
        end = titles[n + 1] if n + 1 < len(titles) else len(lines)
        items.append(_Item(seq=n + 1, marker_end=0, lines=[line for line in lines[start:end] if line.text.strip()]))
    closing = _closing_lines(items[-1])
    for item in items:
        section, page, cells = _row(item)
        del cells["seq"]  # titled, not numbered: rows count by position
        rows.append((section, page, cells))
    return [*blocks, _table(rows, numbered=False), *closing]


def _listed_items(lines: list[Line], inline_parts: bool = True, overviews: bool = True) -> list[Block] | None:
    """Tasks listed without numbers: the paragraphs after a line that announces them ("其中：",
    "——按行业分：", "…情况如下："), or led by a dash ("——规上工业增加值…"), each holding a
    figure. A line that announces the next list heads its items (their section)."""
    blocks: list[Block] = []
    items: list[_Item] = []
    section: str | None = None
    listing = False
    announced_in_prose = False  # the latest list was announced at the end of a paragraph ("…报告如下：")
    items_at_intro = -1  # how many items stood when the latest list was announced
    table_at: int | None = None  # where the table stands among the blocks: where its first item stood
    written = [trim(line.text) for line in lines if line.text.strip()]
    position = -1
    # A list of one is no list: the lone paragraph after an announcement ("现将有关情况报告如下：" /
    # "2022年，全市实施高端化项目76项…") that another list follows ("分行业看：" / a ；-list of projects)
    # is the overview of that list, context like the announcement itself. It is set aside once the
    # next list has an item (a list announced with none after it leaves the lone paragraph a row).
    lone: _Item | None = None  # the one paragraph an announcement has led to so far, before any other item
    overview: _Item | None = None  # …once another list has been announced after it
    set_aside = False  # whether one was

    def next_list() -> None:
        nonlocal lone, overview
        overview = lone if overviews and lone is not None and items == [lone] else overview
        lone = None

    def next_item() -> None:
        nonlocal overview, table_at, set_aside
        if overview is not None and items == [overview] and table_at is not None:
            set_aside = True
            items.clear()
            blocks.insert(table_at, Paragraph(trim(overview.lines[0].text), page=overview.lines[0].page))
            table_at = None
        overview = None

    for line in lines:
        text = trim(line.text)
        if not text:
            continue
        position += 1
        view = match_view(text)
        dashed = prose_patterns()["list_dash"].match(view)
        if prose_patterns()["list_intro"].search(view) and len(text) <= MAX_HEADING:
            next_list()
            listing, section = True, _clean(text[dashed.end() :] if dashed else text)
            announced_in_prose = False
            items_at_intro = len(items)
            continue
        if prose_patterns()["list_intro"].search(view):
            # A paragraph that ends announcing a list ("…其中："): it is context, the list follows.
            next_list()
            listing, section = True, None
            announced_in_prose = True
            items_at_intro = len(items)
            blocks.append(Paragraph(text, page=line.page))
            continue
        counted = _counted_list(text) if inline_parts else None
        if counted is not None:
            # "其中超额完成任务的已有10项：A…200%；B…100.27%；…": a list whose count is announced and
            # whose parts number exactly that: each part is an item, the announcement its section.
            next_list()
            next_item()
            lead, announcement, parts = counted
            if _clean(lead):
                blocks.append(Paragraph(trim(lead), page=line.page))
            table_at = len(blocks) if table_at is None else table_at
            items.extend(_inline_items(parts, len(items), line.page, announcement))
            listing = False
            continue
        listed = _semicolon_list(text) if inline_parts else None
        if listed is not None:
            # "新建项目，A项目正在进行设备安装；B已完成主体建设；…。续建项目，…其中，C预计6月份建成投用；…":
            # sentences whose ；-parts each name a project and report on it; a short lead-in before
            # the first is the section of the parts after it.
            before, parts, after = listed
            next_list()
            next_item()
            if _clean(before):
                blocks.append(Paragraph(trim(before), page=line.page))
            table_at = len(blocks) if table_at is None else table_at
            for part_section, part in parts:
                (item,) = _inline_items([part], len(items), line.page, part_section or section)
                item.name_end = _report_start(part)
                items.append(item)
            if _clean(after):
                blocks.append(Paragraph(trim(after), page=line.page))
            listing = False
            continue
        among = AMONG.search(view) if inline_parts else None
        if among:
            # "…54项，完成投资164.8亿元。其中：计划新开工22项，已开工15项…；在建项目13项，…": the
            # parts of the total before it, listed in one sentence, are the items; the total is context.
            parts = _parts(text, among.end())
            if len(parts) >= 2 and all(regex.search(r"\d", match_view(part)) for part in parts):
                next_list()
                next_item()
                if _clean(text[: among.start()]):
                    blocks.append(Paragraph(trim(text[: among.start()]), page=line.page))
                table_at = len(blocks) if table_at is None else table_at
                items.extend(_inline_items(parts, len(items), line.page, section))
                listing = False
                continue
            if not _clean(view[: among.start()]) and regex.search(r"\d", view):
                # A paragraph that opens with 其中 lists the first part; the paragraphs after it
                # that hold figures are the other parts.
                next_item()
                item = _Item(seq=len(items) + 1, marker_end=among.end(), lines=[Line(text, line.page)], section=section)
                items.append(item)
                table_at = len(blocks) if table_at is None else table_at
                listing = True
                continue
        following = match_view(written[position + 1]) if position + 1 < len(written) else ""
        parted = AMONG.search(view) or AMONG.match(following)
        if listing and not dashed and len(items) == items_at_intro and parted:
            # The first paragraph after a list's announcement ("现将有关情况报告如下：") that parts a total
            # after 其中 ("…共30项,其中:建设项目27项…"), or whose parts follow it (the next paragraph
            # opens 其中,…), is the overview of what follows: context, and it announces the list below.
            blocks.append(Paragraph(text, page=line.page))
            continue
        if is_furniture(view):
            # "作者：时间：2020-04-17点击：440": the page's metadata, not a topic over a report
            blocks.append(Paragraph(text, page=line.page))
            continue
        topic = TOPIC_LINE.match(view)
        if (
            topic
            and _label_field(topic.group(1)) in (None, "category")
            and (regex.search(r"\d", view) or _reports(text))
        ):
            # "交通方面：凉唐公路改造完成投资2400万元…" one per line: a label that names no field (not
            # 牵头单位, 完成情况; a 领域 at most) over a report is the topic the line reports on.
            next_item()
            item = _Item(seq=len(items) + 1, marker_end=0, lines=[Line(text, line.page)], section=section)
            item.topic_end = topic.end() - 1  # the colon
            items.append(item)
            table_at = len(blocks) if table_at is None else table_at
            continue
        if (listing or dashed) and regex.search(r"\d", view) and len(text) >= 8:
            marker = dashed.end() if dashed else 0
            next_item()
            item = _Item(seq=len(items) + 1, marker_end=marker, lines=[Line(text, line.page)], section=section)
            lone = item if not items and not dashed else None
            items.append(item)
            table_at = len(blocks) if table_at is None else table_at
            continue
        listing = False
        blocks.append(Paragraph(text, page=line.page))
    if inline_parts and any(item.inline for item in items) and sum(not item.inline for item in items) >= 2:
        # The parts of a total in an overview ("…100个…。其中：52个续建项目…；48个新建项目…") beside
        # a list of its own below: the list holds the tasks, the overview is context.
        return _listed_items(lines, inline_parts=False, overviews=overviews)
    if len(items) < 2:
        # (a list of one after the overview set aside: no list after all; the overview stays a row)
        return _listed_items(lines, inline_parts, overviews=False) if set_aside else None
    if announced_in_prose and not any(_reports(_text_of(item)) for item in items) and news_items(lines) is not None:
        # Paragraphs after one that closes announcing what follows ("现将有关情况报告如下："), none of
        # which reports, whose figures are the dates and counts of a story ("检视8大专案执行进度"):
        # a news story, which the news reading reads by its own marks (a quoted topic, who spoke).
        return None
    rows = []
    for item in items:
        section, page, cells = _row(item, run_in=item.inline)
        del cells["seq"]  # listed, not numbered: the table has no 序号, its rows count by position
        rows.append((section, page, cells))
    assert table_at is not None
    return [*blocks[:table_at], _table(rows, numbered=False), *blocks[table_at:]]


MIN_LISTED_PARTS = 3  # ；-parts that name a project and report on it, for a sentence list to be read
LEAD_IN_CLAUSE = 12  # characters of a clause before the first part's name ("新建项目", "其中")


def _report_start(part: str, comma: bool = True) -> int | None:
    """Where the report starts in a ；-part that names what it reports on, then reports ("西庄五保家园
    建设已完成主体建设"): after a name of two or more Han characters with no clause break in it and
    no report word of its own at its start; with ``comma``, a comma right before the report is the
    name's ("…一条街项目，正在进行…"). None otherwise."""
    view = match_view(part)
    pattern = prose_patterns()["report_start"]
    found = pattern.search(view, 2)
    while found is not None and view[found.start() - 1 : found.start() + 1] in WORDS_ACROSS_REPORT_START:
        found = pattern.search(view, found.start() + 1)  # "新建项目前期…": 目前 inside 项目前期 is no word
    if found is None or found.start() > MAX_TASK_NAME or pattern.match(view):
        return None
    project = prose_patterns()["project_name"].match(view)
    if (
        project is not None
        and project.end(1) < found.start()
        and not prose_patterns()["project_class"].search(project.group(1))
    ):
        # "…整治工程项目初步设计已获批复": the project's name ends at its noun, the stage reports
        return project.end(1)
    subject = prose_patterns()["report_subject"].search(view, 0, found.start())
    if subject is not None:
        found = subject  # "…11.2公里施工单位已进场施工": who does the works opens the report
    name = view[: found.start()].rstrip()
    if comma:
        name = name.removesuffix(",")
    if len(regex.findall(r"\p{Han}", name)) < 2 or regex.search(r"[,:;。]", name):
        return None
    return found.start()


def _named_report(part: str) -> bool:
    return _report_start(part) is not None


def _lead_in(part: str) -> int | None:
    """Where the named report of a list's first part starts after short lead-in clauses ("新建项目，"
    / "续建项目，均已复工建设，其中，"): the last clause start from which a name with no comma of its
    own reports; else 0 when the whole part is a named report; None when it is none."""
    view = match_view(part)
    starts = [0]
    while (comma := view.find(",", starts[-1])) >= 0 and comma - starts[-1] <= LEAD_IN_CLAUSE:
        starts.append(comma + 1)
    for start in reversed(starts[1:]):
        if _report_start(part[start:], comma=False) is not None:
            return start
    return 0 if _named_report(part) else None


def _semicolon_list(text: str) -> tuple[str, list[tuple[str | None, str]], str] | None:
    """(text before, the parts with the lead-in that heads them, text after) of a paragraph whose
    sentences list projects by ；-parts that each name one and report on it; None otherwise.

    Each listing sentence has two or more parts, each a named report (its first after a lead-in);
    together they hold at least MIN_LISTED_PARTS. Sentences before the first listing one are the
    paragraph's opening, those after the last its close."""
    view = match_view(text)
    bounds, depth, begin = [], 0, 0
    for index, ch in enumerate(view):
        depth += ch in "(["
        depth -= ch in ")]" and depth > 0
        if ch == "。" and depth == 0:
            bounds.append((begin, index + 1))
            begin = index + 1
    if begin < len(text):
        bounds.append((begin, len(text)))
    listing: list[tuple[int, int, list[tuple[str | None, str]]]] = []
    for start, end in bounds:
        parts = _parts(text[start:end], 0)
        if len(parts) < 2:
            continue
        lead = _lead_in(parts[0])
        if lead is None or not all(_named_report(part) for part in parts[1:]):
            continue
        section = _clean(parts[0][:lead]).rstrip(",，") or None
        first = parts[0][lead:]
        listing.append((start, end, [(section, first), *((section, part) for part in parts[1:])]))
    if sum(len(found) for _, _, found in listing) < MIN_LISTED_PARTS:
        return None
    # only consecutive listing sentences form the list; others between them end it
    first_start, last_end = listing[0][0], listing[-1][1]
    starts = {start for start, _, _ in listing}
    if any(start not in starts for start, _ in bounds if first_start <= start < last_end):
        return None
    parts = [item for _, _, found in listing for item in found]
    return text[:first_start], parts, text[last_end:]


def _parts(text: str, start: int, stops: str = ";") -> list[str]:
    """The ;-separated parts of ``text`` from ``start`` (outside brackets), trimmed, empty ones dropped."""
    view = match_view(text)
    cuts, depth = [start], 0
    for index in range(start, len(view)):
        ch = view[index]
        depth += ch in "(["
        depth -= ch in ")]" and depth > 0
        if ch in stops and depth == 0:
            cuts.append(index + 1)
    cuts.append(len(text) + 1)
    pieces = (text[a : b - 1] for a, b in itertools.pairwise(cuts))
    return [piece.strip() for piece in pieces if _clean(piece)]


def _inline_items(parts: list[str], before: int, page: int | None, section: str | None) -> list[_Item]:
    """The parts of one sentence as items (split like run-in items), numbered after ``before``."""
    items = []
    for n, part in enumerate(parts, before + 1):
        item = _Item(seq=n, marker_end=0, lines=[Line(part, page)], section=section)
        item.inline = True
        items.append(item)
    return items


def _counted_list(text: str) -> tuple[str, str, list[str]] | None:
    """A sentence announcing a count of items before a colon, then exactly that many parts, each
    with a figure (separated by ；or 。): (the text before the announcement, the announcement, the
    parts); None otherwise. The count is the evidence that the parts are the items."""
    view = match_view(text)
    for found in prose_patterns()["counted_list"].finditer(view):
        count = parse_number(found.group("count"))
        if count is None or count < 2:
            continue
        parts = _parts(text, found.end(), stops=";。")
        if len(parts) == count and all(regex.search(r"\d", match_view(part)) for part in parts):
            return text[: found.start()], _clean(text[found.start() : found.end()]).rstrip(":："), parts
    return None


def _split_inline_items(lines: list[Line]) -> list[Line]:
    """Split a line holding several numbered items in sequence (1. … 2. … 3. …, or 一、… 二、… in a
    text that lost its line breaks) into one per item."""
    # Arabic items first: a run of them may go on past a heading between them ("…10、…。 二、… 11、…").
    for pattern in (prose_patterns()["inline_item"], INLINE_SECTION):
        out: list[Line] = []
        for line in lines:
            view = match_view(line.text)
            cuts: list[int] = []
            expected = None
            matches = list(pattern.finditer(view))
            if pattern is not INLINE_SECTION:
                # "…;2.S2、S3碼頭;3.1-1號計畫道路…": after a ; the next number opens the next item even
                # where a digit follows its stop, which elsewhere is a decimal ("3.1亿元").
                matches = sorted(
                    [*matches, *prose_patterns()["next_inline_item"].finditer(view)], key=lambda m: m.start(1)
                )
            for match in matches:
                number = _number(match.group(1))
                loose = match.re is prose_patterns()["next_inline_item"]
                if (expected is None and number == 1 and not loose) or (number is not None and number == expected):
                    cuts.append(match.start(1))
                    expected = number + 1
            if len(cuts) < 2:
                out.append(line)
                continue
            bounds = [0, *cuts, len(line.text)] if cuts[0] > 0 else [*cuts, len(line.text)]
            out.extend(Line(line.text[a:b].strip(), line.page) for a, b in itertools.pairwise(bounds))
        lines = out
    return [part for line in lines for part in _circled_parts(line)]


INLINE_CIRCLED = compile_rule(r"[\u2460-\u2473]")


def _circled_parts(line: Line) -> list[Line]:
    """A line opening with ① that runs on into ②, ③ … where every part holds the same label
    ("①散居城乡…服务。项目进展：…②对全市13处公办敬老院…。项目进展：…"): items written alike whose line
    breaks were lost, one line each. Circled numbers inside a report ("已完成：①…②…") stay its text:
    the line does not open with ①, or its parts are not labelled alike."""
    view = match_view(line.text)
    opening = INLINE_CIRCLED.match(view, len(view) - len(view.lstrip()))
    if opening is None or _number(opening.group()) != 1:
        return [line]  # ("③…①…②…": the parts would not cover the line's text)
    cuts, expected = [], 1
    for found in INLINE_CIRCLED.finditer(view):
        if _number(found.group()) == expected:
            cuts.append(found.start())
            expected += 1
    if len(cuts) < 2:
        return [line]
    parts = [line.text[a:b].strip() for a, b in itertools.pairwise([*cuts, len(line.text)])]
    keys = {_inner_label(part) for part in parts}
    if len(keys) != 1 or None in keys:
        return [line]
    return [Line(part, line.page) for part in parts]


BULLET_STYLE = "bullet"  # the style whose items count by position (data/layout.toml)


def _bullet_starts(lines: list[Line]) -> list[tuple[int, int, int]]:
    """(line index, position, end of the bullet) of each bullet line standing alone between lines
    of text, with text of its own below it: an item's title. Runs of bullets (• 听全文 / • 分享到,
    or a list of points inside an item) open nothing."""
    pattern = _style_patterns()[BULLET_STYLE]
    others = [p for name, p in _style_patterns().items() if name != BULLET_STYLE]
    marked = [pattern.match(match_view(line.text)) for line in lines]
    filled = [i for i, line in enumerate(lines) if line.text.strip()]
    paragraphs = _paragraph_bullets(lines, filled, marked, others)
    out: list[tuple[int, int, int]] = []
    for position, index in enumerate(filled):
        match = marked[index]
        if match is None or match.end() >= len(lines[index].text.rstrip()):
            continue
        if DECORATED_LABEL.match(match_view(lines[index].text)):
            continue  # "●進展情況●": a label between bullets, not an item
        if index in paragraphs:
            out.append((index, len(out) + 1, match.end()))
            continue
        following = filled[position + 1] if position + 1 < len(filled) else None
        if position > 0 and marked[filled[position - 1]] is not None:
            continue  # the last point of a run of bullets
        # (a bullet over a numbered line, "• 舉辦綠化活動。" / "3.2 (I) …", ends a list of points)
        if following is not None and marked[following] is None and not _opens_item(lines[following], others):
            out.append((index, len(out) + 1, match.end()))
    return out


# A bulleted line that is a paragraph of its own: long enough to hold a sentence, and holding one.
PARAGRAPH_BULLET_MIN = 30


def _paragraph_bullets(
    lines: list[Line], filled: list[int], marked: list[regex.Match[str] | None], others: list[regex.Pattern[str]]
) -> set[int]:
    """The lines of runs of bullets that are each a paragraph ("■按照国家统一部署，平穩有序實施…。" /
    "■繼續按不高于2017年標準征收…。"): items of their own, as numbered paragraphs are, where a run of
    short bullets is page furniture (• 听全文 • 分享到) or a list of points (• 舉辦綠化活動。).
    A run counts when most of its lines (two in three) are such paragraphs and none is a mere word
    or label, and not when it sits under the title of a numbered item whose siblings elsewhere hold
    plain paragraphs ("(I) 提供休憩用地" over "• 二零一五年，共有15項工程竣工…", "(III) 推行植樹計劃"
    over a paragraph): that numbering is the document's rows, the bullets only set out one item's
    text — unless the title only says that what is under it reports ("二、项目进展": a section)."""
    out: set[int] = set()
    run: list[int] = []
    before: int | None = None
    leaves = _styles_over_paragraphs(lines, filled, marked, others)
    for index in [*filled, -1]:
        if index >= 0 and marked[index] is not None:
            run.append(index)
            continue
        titled = before is not None and _titled_by(lines[before].text, leaves)
        paragraphs = sum(_paragraph_line(lines[i].text, marked[i]) for i in run)
        if (
            len(run) >= 2
            and not titled
            and 3 * paragraphs >= 2 * len(run)
            and all(_clause_line(lines[i].text, marked[i]) for i in run)
        ):
            out.update(run)
        run, before = [], index
    return out


def _titled_by(text: str, leaves: list[regex.Pattern[str]]) -> bool:
    """Whether ``text`` opens an item of a leaf style with a title of its own (not a reporting heading)."""
    view = match_view(text)
    note = prose_patterns()["leading_note"].match(view)
    rest = view[note.end() :] if note else view  # "3.2 (I) 提供…": the item's number after a note
    for style in leaves:
        match = style.match(view) or style.match(rest)
        if match is not None:
            return not _reporting_heading((view if style.match(view) else rest)[match.end() :])
    return False


def _clause_line(text: str, match: regex.Match[str] | None) -> bool:
    """A bulleted line that says something (a clause, "新建公厕15座，已全部建成。"), not a word or a label."""
    body = match_view(text)[match.end() if match else 0 :].strip()
    return len(body) >= 8 and ":" not in body[:8]


def _styles_over_paragraphs(
    lines: list[Line], filled: list[int], marked: list[regex.Match[str] | None], styles: list[regex.Pattern[str]]
) -> list[regex.Pattern[str]]:
    """The numbering styles some item of which has a plain paragraph (no bullet, no number) right below it."""
    out = []
    for style in styles:
        for position, index in enumerate(filled[:-1]):
            following = filled[position + 1]
            if (
                marked[index] is None
                and _opens_item(lines[index], [style])
                and marked[following] is None
                and not _opens_item(lines[following], styles)
            ):
                out.append(style)
                break
    return out


def _paragraph_line(text: str, match: regex.Match[str] | None) -> bool:
    body = match_view(text)[match.end() if match else 0 :].strip()
    return len(body) >= PARAGRAPH_BULLET_MIN and bool(regex.search(r"[。;!?]|(?<!\d)\.(?!\d)", body))


def _section_before_bullet(
    lines: list[Line], index: int, numbered: dict[int, tuple[int, int, int]], bullet_level: int
) -> bool:
    """Whether line ``index`` is a heading (short, no sentence end, no label) right over a bulleted item."""
    text = lines[index].text
    if not _heading_like(text) or ":" in match_view(text):
        return False
    following = next((i for i in range(index + 1, len(lines)) if lines[i].text.strip()), None)
    return following is not None and following in numbered and numbered[following][0] == bullet_level


def _opens_item(line: Line, styles: list[regex.Pattern[str]]) -> bool:
    """Whether a line starts with an enumerator of one of ``styles`` (after a note such as "3.2")."""
    view = match_view(line.text)
    note = prose_patterns()["leading_note"].match(view)
    rest = view[note.end() :] if note else view
    return any(style.match(view) or style.match(rest) for style in styles)


def _starts(lines: list[Line], style: str) -> list[tuple[int, int, int]]:
    """(line index, number, end of the enumerator) of each line starting with ``style``."""
    if style == BULLET_STYLE:
        return _bullet_starts(lines)
    pattern = _style_patterns()[style]
    out = []
    last = max((i for i, line in enumerate(lines) if line.text.strip()), default=-1)
    for index, line in enumerate(lines):
        view = match_view(line.text)
        note = prose_patterns()["leading_note"].match(view)
        skip = 0
        match = pattern.match(view)
        if match is None and note:  # "^" anchors at the string's start, so match the rest
            skip = note.end()
            match = pattern.match(view[skip:])
        # An enumerator with text after it; or alone on the last line, where a text cut short
        # ends ("…正在开展前期工作。\n4、"): an item whose cells are past the cut.
        alone = style in ALONE_STYLES and index < last  # "01" alone, its text on the lines after it
        if match is None and index == last and style in ("cn_paren", "arabic_paren"):
            # "（一" on the last line: an enumerator cut short with its document, its cells past the cut
            match = prose_patterns()["cut_paren"].match(view)
        if match is None and style == "arabic" and out and out[-1][0] == index - 1:
            # "2.S2、S3碼頭;" / "3.1-1號計畫道路…": the next number right after an item opens the next
            # item even where a digit follows its stop, which elsewhere is a decimal ("3.1亿元").
            match = prose_patterns()["next_arabic"].match(view)
            if match is not None and _number(match.group(1)) != out[-1][1] + 1:
                match = None
        if match is None and style == "cn_paren" and out:
            # "二)听力障碍…" between "(一)…" and "(三)…": the item, its opening bracket lost in copying
            match = prose_patterns()["lost_open_paren"].match(view)
            if match is not None and _number(match.group(1)) != out[-1][1] + 1:
                match = None
        if match and (skip + match.end() < len(line.text.rstrip()) or index == last or alone):
            number = _number(match.group(1))
            if number is not None:
                out.append((index, number, skip + match.end()))
    return out


def _sequence_score(numbers: list[int]) -> int:
    """How many items count up by one (restarting at 1 is allowed: numbering per section)."""
    score, previous = 0, 0
    for n in numbers:
        if n == previous + 1 or (n == 1 and previous > 0):
            score += 1
        previous = n
    return score


def _active_styles(lines: list[Line]) -> dict[int, tuple[int, int, int]]:
    """line index → (level, number, end of enumerator) for the styles that count up in the document."""
    out: dict[int, tuple[int, int, int]] = {}
    idle: dict[int, list[tuple[int, int, int]]] = {}  # level → starts of a style that does not count up
    for level, style in enumerate(_style_patterns()):
        starts = _starts(lines, style)
        if _sequence_score([n for _, n, _ in starts]) >= 2:
            for index, number, end in starts:
                out.setdefault(index, (level, number, end))
        else:
            idle[level] = starts
    # A lone higher-level heading ("六、完善醫療照顧" on a page that continues a report) is a
    # section still when the numbering below it restarts at 1 right after it.
    for level, starts in idle.items():
        for index, number, end in starts:
            after = [out[i] for i in sorted(out) if i > index][:1]
            if (
                index not in out
                and after
                and after[0][0] > level
                and after[0][1] == 1
                and _heading_like(lines[index].text[end:])
            ):
                out[index] = (level, number, end)
    return out


def _outline_items(lines: list[Line]) -> list[Block] | None:
    """The document's outline: items nested by level; the items with nothing under them are rows."""
    numbered = _active_styles(lines)
    if not numbered:
        return None
    bullet_level = list(_style_patterns()).index(BULLET_STYLE)
    blocks: list[Block] = []
    items: list[_Item] = []
    stack: list[_Item] = []  # the open items, outermost first
    preamble_reports = False
    preamble_plans = False
    group: tuple[str, str | None] | None = None  # a unit's or section's line over the items after it: (line, unit)
    furniture: list[Block] = []  # page furniture among the items (a site's footer), kept after the table
    for index, line in enumerate(lines):
        entry = numbered.get(index)
        if entry is not None:
            level, number, end = entry
            inside = stack[-1] if stack else None
            # A lower-level number after a label inside an item ("推进情况：1.… 2.…") is its text.
            if inside is not None and level > inside.level and _labelled(inside):
                inside.lines.append(line)
                continue
            while stack and stack[-1].level >= level:
                stack.pop()
            item = _Item(seq=number, marker_end=end, lines=[line], level=level, bullet=level == bullet_level)
            # "一、2013年工作回顾" / "关于…的整改情况": what the text under it is, results or plans.
            item.reports = preamble_reports or any(_reporting_heading(_heading_text(s)) for s in stack)
            item.plans = preamble_plans and not item.reports
            item.units = next((u for s in reversed(stack) if (u := _assigned_unit(s)) is not None), None)
            if stack:
                stack[-1].children += 1
                item.section = _heading_text(stack[-1])
            elif group is not None:
                item.section, item.units = group
            item.units = item.units or (group[1] if group else None)
            stack.append(item)
            items.append(item)
        elif (not stack or (stack[-1].bullet and len(stack[-1].lines) > 1)) and _section_before_bullet(
            lines, index, numbered, bullet_level
        ):
            # "已启动实施项目" over bulleted items: a section over the items after it (a bullet list
            # has no enumerator of a higher level to say so).
            # (kept as the rows' section; not a paragraph, which would title the whole table)
            group, stack = (trim(line.text), None), []
        elif (unit := _unit_group(line.text)) is not None:
            # "区委办公室（8项）" on a line of its own over numbered items: the unit leads them.
            group, stack = (trim(line.text), unit), []
            if not items:
                blocks.append(Paragraph(trim(line.text), page=line.page))
        elif stack and is_furniture(match_view(line.text)) and not DECORATED_LABEL.search(match_view(line.text)):
            # "首页 | 网站地图 | …", "附件下载": the page's, not the item's ("●进展情况●" is a label)
            furniture.append(Paragraph(trim(line.text), page=line.page))
        elif stack:
            stack[-1].lines.append(line)
        elif line.text.strip():
            blocks.append(Paragraph(trim(line.text), page=line.page))
            preamble_reports = preamble_reports or _reporting_heading(trim(line.text))
            preamble_plans = preamble_plans or _plan_title(trim(line.text))
    items = _fold_result_parts(_fold_labelled_parts(items))
    narrative = [item for item in items if not item.children and _narrative(item, items)]
    narrative += _unnamed_classes([item for item in items if not item.children and item not in narrative])
    leaves = [item for item in items if not item.children and item not in narrative]
    if len(leaves) < 2:
        return None
    # Nothing is lost: a heading's own text (its overview before its items), a heading no row has
    # as its section (one over other headings) and an overview item beside the tasks are no row's;
    # kept as text set aside, after the table.
    sections = {leaf.section for leaf in leaves}
    aside = [
        Paragraph(trim(line.text), page=line.page, aside=True)
        for item in items
        if item.children or item in narrative
        for line in (item.lines if item in narrative or _heading_text(item) not in sections else item.lines[1:])
        if line.text.strip()
    ]
    # Items that each end with a line of unit names: the last one's is its own, not a signature.
    signed = 2 * sum(len(leaf.lines) > 1 and _units_line(leaf.lines[-1].text) for leaf in leaves[:-1]) < len(leaves) - 1
    closing = _closing_lines(leaves[-1], signatures=signed) if leaves[-1] is items[-1] else []
    if leaves[-1] is items[-1] and len({_paragraphs(leaf) for leaf in leaves[:-1]}) == 1:
        closing = _closing_paragraphs(leaves[-1], _paragraphs(leaves[0])) + closing
    # Items of one list are written alike: when one holds two or more targets closed by their units,
    # a sibling holding one is read the same way (its heading apart, its target a row).
    closed = any(_unit_closed_pieces(_text_of(leaf)) for leaf in leaves)
    # A unit column printed first ("1.市发改委" over its text, "市住建局：改造…") is read so only when the
    # items are written alike: a task's name may end like a unit's (美化現有園景區, 辦理異議調處).
    if 4 * sum(map(_opens_with_units, leaves)) >= 3 * len(leaves):
        for leaf in leaves:
            leaf.unit_first = True
    leaves[-1].at_cut = leaves[-1] is items[-1]
    rows = [_rows_of(item, closed_pieces=1 if closed else 2) for item in leaves]
    _split_like_siblings(leaves, rows)
    _split_at_paragraphs(leaves, rows)
    _split_at_colons(leaves, rows)
    _split_at_gaps(leaves, rows)
    blocks.append(_table([row for item_rows in rows for row in item_rows]))
    blocks.extend(closing)
    blocks.extend(furniture)
    blocks.extend(aside)
    return blocks


def _opens_with_units(item: _Item) -> bool:
    """Whether an item opens with unit names: its first line alone over its text, or before a colon
    or a space ("1.市发改委" / "市发改委：推进…" / "市住建局 改造…")."""
    first = item.lines[0].text[item.marker_end :]
    if len(item.lines) > 1 and _units_line(first) and not _labels(first):
        return True
    opening = prose_patterns()["unit_opening"].match(match_view(first))
    return opening is not None and _opening_units(first[: opening.end(1)]) and bool(_clean(first[opening.end() :]))


def _opening_units(text: str) -> bool:
    """Whether the words opening an item before a colon or a space name who carries it: unit names
    (_units_line), one at least an office's by its ending (_office_names), or none of them a place
    (a body named by its own word: 区妇联, 县科协). A place alone, or a task's verb phrase ending in
    one ("实施城东片区 改造项目…", "推进高新区：…"), names no one."""
    if not _units_line(text):
        return False
    if _office_names(text):
        return True
    from extractor.rules.figures import subject_rules

    place = subject_rules().place  # data/figures.toml [subject] place: 涪陵区, 江东片区, 各乡镇
    parts = [p for p in regex.split(r"[、,;\s]+", match_view(text)) if p]
    return not any((found := place.match(p)) is not None and found.end() == len(p) for p in parts)


def _fold_labelled_parts(items: list[_Item]) -> list[_Item]:
    """Items whose numbered sub-items are its labelled fields ("三、实施农村寄宿制学校建设工程…" over
    "（一）责任领导：高勤" / "（二）责任单位：市教育局" / "（三）协办单位：…" / "（六）完成时限：…"), with the
    sub-items folded back into their text, their numbers dropped: the item is the task, its fields
    are labels, as when they stand unnumbered. Two or more direct sub-items that each open with a
    label, one of them naming a unit field, are the evidence."""

    def fields_of(item: _Item, parts: list[_Item]) -> list[Line] | None:
        direct = [part for part in parts if part.level == min((p.level for p in parts), default=0)]
        labels = [_opening_label(part) for part in direct]
        fields = [_label_field(label) for label in labels if label]
        if len(direct) < 2 or not all(labels) or not any(field in UNIT_FIELDS for field in fields):
            return None
        lines = list(item.lines)
        for part in parts:
            first = part.lines[0]
            text = first.text[part.marker_end :] if part in direct else first.text
            lines.extend([Line(text, first.page), *part.lines[1:]])
        return lines

    return _fold_where(items, fields_of)


def _fold_where(items: list[_Item], fold: Callable[[_Item, list[_Item]], list[Line] | None]) -> list[_Item]:
    """The items with those whose sub-items ``fold`` takes in (it returns the item's new lines, or None
    to leave it) made leaves, their sub-items gone into them."""
    folded: list[_Item] = []
    index = 0
    while index < len(items):
        item = items[index]
        end = index + 1
        while end < len(items) and items[end].level > item.level:
            end += 1
        lines = fold(item, items[index + 1 : end])
        folded.append(item)
        if lines is None:
            index += 1
            continue
        item.lines, item.children = lines, 0
        index = end
    return folded


def _opening_label(item: _Item) -> str | None:
    """The label opening an item's text ("责任单位：…" → 责任单位, "资金筹措：…"), or None."""
    # (a label spaced out as a centred cell prints it, "完 成 时 限：", is one too)
    found = regex.match(
        rf"\s*(\p{{Han}}{{2,{MAX_LABEL * 2}}}|{LABEL_WORD})\s*:", match_view(item.lines[0].text[item.marker_end :])
    )
    return found.group(1) if found else None


def _fold_result_parts(items: list[_Item]) -> list[_Item]:
    """Items whose numbered sub-items are parts of their result, not tasks of their own, with the
    sub-items folded back into their text.

    A row carries a result. An item named like a task (a title: a target or an indicator, not a
    heading that says what its text is, …完成情况) that reports results in a paragraph of its own
    before its sub-items ("一、新增学位5万个" / "省级财政补助资金下达…" / "（一）…（二）…") is the task,
    and what is numbered under it is its progress in parts. An item whose sub-items have sub-items
    of their own, or name their own units, is a section over tasks.

    Not folded (tried, withdrawn): a titled item with no text of its own, beside siblings that
    report under their titles ("一、地区生产总值" / "据市统计局…" next to "二、…收入及支出" / "1. 收入
    508.17亿元…"); it read one dev document right and lowered the test split.
    """

    def titled(item: _Item) -> bool:
        # A target is written as one clause list without a full stop, and may run longer than a heading.
        heading = trim(item.lines[0].text[item.marker_end :])
        return (
            0 < len(heading) <= MAX_TARGET_TITLE
            and not regex.search(r"[。；;]", match_view(heading))
            and not _reporting_heading(heading)
            and _assigned_unit(item) is None
        )

    def body(item: _Item) -> str:
        return "\n".join(line.text for line in item.lines[1:] if line.text.strip())

    def reports_in_own_text(item: _Item) -> bool:
        text = body(item)
        if len(regex.findall(r"\p{Han}", text)) < MIN_RESULT_HAN:  # cell furniture ("|", "1"), not a report
            return False
        return _reports(text) or bool(regex.search(r"\d", match_view(text)))

    def own_task(part: _Item) -> bool:
        """A sub-item that names its own units (（牵头单位：X）, 牵头部门：) is a task of its own."""
        text = "\n".join(line.text for line in part.lines)[part.marker_end :]
        labelled = any(_label_field(m.group(1)) in UNIT_FIELDS for m in LABEL.finditer(match_view(text)))
        return labelled or _trailing_units(text)[1] is not None

    def result_parts(item: _Item, parts: list[_Item]) -> list[Line] | None:
        if (
            parts
            and titled(item)
            and all(part.level == parts[0].level for part in parts)  # no sub-item has sub-items
            and not any(own_task(part) for part in parts)
            and reports_in_own_text(item)
        ):
            return [line for part in [item, *parts] for line in part.lines]
        return None

    return _fold_where(items, result_parts)


def _text_of(item: _Item) -> str:
    """An item's text after its enumerator, its lines joined."""
    body = [line.text for line in item.lines[1:] if line.text.strip()]
    return "\n".join([item.lines[0].text[item.marker_end :], *body])


def _rows_of(item: _Item, closed_pieces: int = 2) -> list[tuple[str | None, int | None, dict[str, str]]]:
    """An item's row; or, for a heading over several paragraphs each stating a plan and what was
    done ("二、省市重点项目进展情况" over the 省 and the 市 projects), one row per paragraph."""
    first = item.lines[0].text[item.marker_end :]
    body = [line for line in item.lines[1:] if line.text.strip()]
    own_unit = _assigned_unit(item)
    if own_unit is not None and body:
        # "（一）省监察厅牵头的工作" over "加强行政监察工作…": the heading assigns, the text is the task.
        cells = _fields(trim("\n".join(line.text for line in body)), run_in=False)
        cells.setdefault("lead_units", own_unit)
        marker = item.lines[0].text[: item.marker_end].strip().rstrip(" :：")
        return [(trim(item.lines[0].text), body[0].page, {"seq": marker or str(item.seq), **cells})]
    return [_with_unit(row, item.units) for row in _rows_of_text(item, first, body, closed_pieces)]


def _with_unit(
    row: tuple[str | None, int | None, dict[str, str]], unit: str | None
) -> tuple[str | None, int | None, dict[str, str]]:
    """A row under a heading that assigns its items to a unit leads with that unit unless it names its own."""
    _with_units(row[2], unit)
    return row


def _unit_group(text: str) -> str | None:
    """A line that is a unit's name with its count ("区委办公室（8项）") over the items it leads;
    None for any other line."""
    view = match_view(trim(text))
    found = UNIT_GROUP.match(view)
    if found is None or not layout_patterns()["count_note"].match(found.group(2)):
        return None
    name = trim(text)[: found.end(1)].strip()
    return name if looks_like_units(name) and not looks_like_person(name) else None


def _assigned_unit(item: _Item) -> str | None:
    """The unit a heading assigns the items under it to ("省编办牵头的工作" → 省编办); None when
    the heading assigns none (or names a person: "孟学农省长负责的工作")."""
    text = item.lines[0].text[item.marker_end :]
    found = prose_patterns()["unit_heading"].match(match_view(text))
    if found is None:
        # A heading that is a unit's name and nothing else ("二、市住建局"): the items it groups are its own.
        unit = _clean(text)
        if len(item.lines) > 1 or not _units_line(unit):
            return None
        offices = [p for p in regex.split(r"[、,，\s]+", unit) if p]
        return unit if all(prose_patterns()["organisation"].search(match_view(p)) for p in offices) else None
    unit = text[found.start(1) : found.end(1)].strip()
    return unit if looks_like_units(unit) and not looks_like_person(unit) else None


def _rows_of_text(
    item: _Item, first: str, body: list[Line], closed_pieces: int = 2
) -> list[tuple[str | None, int | None, dict[str, str]]]:
    pieces = _unit_closed_pieces("\n".join([first, *(line.text for line in body)]), closed_pieces)
    if pieces is not None:
        # "一、扶贫解困工程。启动建设57个扶贫新村（市扶贫开发办、市以工代赈办）。升钟库区完成…（剑阁县
        # 政府）。": a heading, then targets each closed by its units: each target is a row.
        heading, parts = pieces
        section = trim(item.lines[0].text[: item.marker_end] + heading)
        return [(section, item.lines[0].page, {"seq": "", **_fields(part)}) for part in parts]
    listed = _quoted_list(trim("\n".join([first, *(line.text for line in body)])))
    if listed is not None:
        # "一、已经完成或基本完成的指标任务，共计19项。主要是“建设完成…”，“启动…”等": a class of tasks
        # (a verdict on them) naming its tasks in quotes: each is a row, the class their section.
        lead, tasks, rest = listed
        section = trim(item.lines[0].text[: item.marker_end] + lead)
        rows = [(section, item.lines[0].page, {"seq": "", "task": task}) for task in tasks]
        # the list's opening word and what closes it ("主要是 … 占任务总数的1.6%。"): the class's, kept
        # on its last task (nothing lost)
        rows[-1][2]["note"] = rest
        return rows
    if len(body) >= 2 and _heading_like(first) and all(_plan_and_actual(line.text) for line in body):
        section = trim(item.lines[0].text)
        rows = []
        for line in body:
            cells = _fields(trim(line.text))
            rows.append((section, line.page, {"seq": "", **cells}))
        return rows
    return [_row(item)]


def _unnamed_classes(leaves: list[_Item]) -> list[_Item]:
    """Among items that are classes of tasks naming them in quotes (_quoted_list), a sibling class
    that names none ("二、目前进展情况良好…的指标任务，共计98项。"): no task of its own, so no row."""
    listed = [leaf for leaf in leaves if _quoted_list(_text_of(leaf)) is not None]
    if len(listed) < 2:
        return []
    levels = {leaf.level for leaf in listed}
    counted = prose_patterns()["counted_class"]
    return [
        leaf
        for leaf in leaves
        if leaf not in listed and leaf.level in levels and counted.search(match_view(_text_of(leaf)))
    ]


QUOTED_TASK = compile_rule(r"[“「\"]([^”」\"]{4,200})[”」\"]")
QUOTED_LIST_SEPARATOR = compile_rule(r"^[\s,;、]*$")  # (a word between quotes ends the list: nothing lost)


def _quoted_list(text: str) -> tuple[str, list[str], str] | None:
    """(the text before the list, the quoted tasks, its opening word and the text after them) of an item that names its
    tasks in quotes after a list's opening word (主要是, 分别为, 包括, 是): two quoted tasks or more of
    MIN_QUOTED_TASK Han characters each, with nothing but separators between them; None otherwise."""
    view = match_view(text)
    intro = prose_patterns()["quoted_list_intro"].search(view)
    if intro is None or not prose_patterns()["counted_class"].search(view, 0, intro.start()):
        return None  # (a class counts its tasks before it names them: "…共计19项。主要是“…”")
    tasks: list[str] = []
    position = intro.end()
    for match in QUOTED_TASK.finditer(view, intro.end()):
        if not QUOTED_LIST_SEPARATOR.match(view[position : match.start()]):
            break
        if len(regex.findall(r"\p{Han}", match.group(1))) < MIN_QUOTED_TASK:
            return None
        tasks.append(_clean(text[match.start(1) : match.end(1)]))
        position = match.end()
    if len(tasks) < 2:
        return None
    rest = _clean(text[position:]).lstrip(",;、。 ")
    rest = rest if regex.search(r"[\p{Han}\d]", rest) else ""
    return (
        _clean(text[: intro.start()]),
        tasks,
        " ".join(filter(None, [_clean(text[intro.start() : intro.end()]), rest])),
    )


def _units_above(text: str) -> str | None:
    """The unit a line gives the items above it to ("上述项目由区商务委牵头负责。" → 区商务委); None for any
    other line."""
    found = prose_patterns()["units_above"].match(match_view(text))
    if found is None:
        return None
    units = text[found.start(1) : found.end(1)].strip()
    return units if looks_like_units(units) and not looks_like_person(units) else None


def _with_units(cells: dict[str, str], units: str | None) -> dict[str, str]:
    """The cells leading with ``units`` unless they name their own lead units."""
    if units is not None and not cells.get("lead_units"):
        cells["lead_units"] = units
    return cells


MIN_LABELLED_PARAGRAPHS = 3  # unnumbered paragraphs holding one label, for them to be read as items


def _inner_label(text: str) -> str | None:
    """The key of the first label inside a paragraph, after its opening text ("改建标准化菜市场4家。项目
    具体实施进度为：…" → 项目具体实施进度为); None when it holds none or opens with it."""
    labels = [match for match, _ in _labels(text) if _clean(text[: match.start()])]
    return match_key(regex.sub(r"\s+", "", labels[0].group(1))) if labels else None


def _labelled_paragraph_items(lines: list[Line]) -> list[Block] | None:
    """Unnumbered paragraphs that each state a task and then the same label ("…4家。项目具体实施进度为：
    第一季度…"), under a heading, with lines that give the items above them to a unit ("上述项目由区商务
    委牵头负责。"): each paragraph is a row, its section the line before the run. The one label repeated,
    MIN_LABELLED_PARAGRAPHS times or more, is the evidence that the paragraphs are written alike."""
    keys = [
        _inner_label(line.text) if line.text.strip() and _units_above(line.text) is None else None for line in lines
    ]
    counts = Counter(key for key in keys if key is not None)
    if not counts:
        return None
    key, count = counts.most_common(1)[0]
    if count < MIN_LABELLED_PARAGRAPHS:
        return None
    blocks: list[Block] = []
    rows: list[tuple[str | None, int | None, dict[str, str]]] = []
    pending: list[int] = []  # rows no unit line has assigned yet
    section: str | None = None
    table_at: int | None = None
    for line, line_key in zip(lines, keys, strict=True):
        text = trim(line.text)
        if not text:
            continue
        unit = _units_above(text) if rows else None
        if line_key == key:
            table_at = len(blocks) if table_at is None else table_at
            pending.append(len(rows))
            rows.append((section, line.page, _fields(text)))
        elif unit is not None:
            for index in pending:
                _with_units(rows[index][2], unit)
            pending = []
        else:
            blocks.append(Paragraph(text, page=line.page))
            section = _clean(text[: (_first_sentence_end(text) or len(text))])  # the heading's first sentence
    if table_at is None:
        return None
    return [*blocks[:table_at], _table(rows, numbered=False), *blocks[table_at:]]


def _unit_closed_pieces(text: str, minimum: int = 2) -> tuple[str, list[str]] | None:
    """(the heading, the pieces) of a text made of a short heading sentence and ``minimum`` or more
    targets each closed by a bracket of unit names (and what follows the last bracket, a target cut
    off with the document); None otherwise."""
    view = match_view(text)
    heading = regex.match(rf"\s*([^。;,()]{{2,{MAX_HEADING}}})。", view)
    if heading is None:
        return None
    cuts = []
    for match in UNITS_BRACKET.finditer(view, heading.end()):
        if _trailing_units(text[: match.end()])[1] is not None:
            cuts.append(match.end())
    if len(cuts) < minimum:
        return None
    bounds = [heading.end(), *cuts]
    parts = [text[a:b] for a, b in itertools.pairwise(bounds)]
    if _clean(text[cuts[-1] :]):
        parts.append(text[cuts[-1] :])
    return _clean(text[: heading.end()]), [part.strip() for part in parts if _clean(part)]


def _first_sentence_end(text: str) -> int | None:
    """Where an item's first sentence ends (after its 。), when more text follows; None otherwise."""
    stop = _outside_brackets(compile_rule(r"。"), _sentence_view(text))
    if stop is None or not _clean(text[stop + 1 :]):
        return None
    return stop + 1


def _split_like_siblings(
    leaves: list[_Item], rows: list[list[tuple[str | None, int | None, dict[str, str]]]], run_in: bool = False
) -> None:
    """Items of one list are written alike: the list's own convention decides where an odd item's
    task ends. Each item has a first part: its first sentence (to its 。), or its first line when a
    body of lines stands under it ("2、增收致富工程。" over "制定《…方案》，将2.6万户…录入…"). When at
    least two siblings were read as that first part and a progress after it (their report opens with
    a word that says so: "已开展…", "截至…"), a sibling read as all task (its report opens with no such
    word: "3.…发放“防疫健康包”133万份。完成…共计53万余人次", "三是抓“招商提质”，增强了造血能力。树牢…理念，
    通过网上招商…") or as title and description is split the same way: its first part is the task,
    the rest its progress. A list in which more items are read whole than split keeps them whole.
    Whether the task keeps its full stop follows the siblings too (a run-in list's titles drop it)."""
    texts: list[tuple[str, int] | None] = []
    for item, item_rows in zip(leaves, rows, strict=True):
        own = item.topic_end is None and item.name_end is None  # a label or a name already ends its task
        body = [line.text for line in item.lines[1:] if line.text.strip()]
        if len(item_rows) != 1 or not own:
            texts.append(None)
            continue
        first = item.lines[0].text[item.marker_end :]
        if not body:
            text = _clean(first)
            end = _first_sentence_end(text) if text else None
            texts.append((text, end) if end is not None else None)
            continue
        title = trim(first)
        view = match_view(title)
        # a title line: one sentence at most, as short as a target's title, over the lines of its body
        if 0 < len(title) <= MAX_TARGET_TITLE and not regex.search(r"[。;]", view.rstrip("。")) and not _labels(first):
            texts.append((trim("\n".join([title, *body])), len(title)))
        else:
            texts.append(None)
    # (one list: one level under one heading, and under headings of one kind: a plan's items that
    # follow a report's in one document describe their tasks, they report nothing)
    groups: dict[tuple[int, str | None, bool, bool], list[int]] = {}
    for index, item in enumerate(leaves):
        groups.setdefault((item.level, item.section, item.reports, item.plans), []).append(index)
    for members in groups.values():
        split_first, stops, candidates = 0, 0, []
        for index in members:
            if texts[index] is None:
                continue
            text, end = texts[index]
            cells = rows[index][0][2]
            first = _clean(text[:end]).rstrip("。")
            task = _clean(cells.get("task", ""))
            if cells.get("progress") and first and task.rstrip("。") == first:
                split_first += 1
                stops += task.endswith("。")
            elif (
                not leaves[index].plans
                and not cells.get("progress")
                and set(cells) <= {"seq", "task", "description"}
                and (
                    len(leaves[index].lines) == 1
                    or "description" in cells
                    or regex.sub(r"\s", "", task) == regex.sub(r"\s", "", text)
                )
            ):
                # (read as all task, or as title and description: a line below that the row left out,
                # a unit's or a person's name, is none of the item's report)
                candidates.append((index, end))
        if split_first < 2 or split_first < len(candidates):
            continue
        keep_stop = 2 * stops >= split_first if run_in else True
        for index, end in candidates:
            entry = texts[index]
            assert entry is not None
            text = entry[0]
            cells = rows[index][0][2]
            task = _clean(text[:end])
            rest = _clean(text[end:])
            if not task or not rest:
                continue
            cells.pop("description", None)
            cells["task"] = task if keep_stop else task.rstrip("。")
            cells["progress"] = rest


MIN_PARALLEL = 2  # siblings printed as a head line over a paragraph, for that to be their list's shape
PARALLEL_SHARE = 2 / 3  # of a list's items, printed so
SHORT_HEAD = 8  # display columns a head line without a stop falls short of the item's longest line


def _head_over_paragraph(item: _Item, longest: int) -> bool:
    """An item printed as its head, the line its enumerator opens, over a paragraph of its own on the
    lines below: the head ends its sentence (…发展。), or, with no stop, falls short of the list's
    ``longest`` line as a paragraph's last line does (a page broke the line there, not the text). A head
    that fills the line and runs on ("…奠定永續發展根" / "基。") is one paragraph wrapped."""
    lines = [line.text for line in item.lines if line.text.strip()]
    if len(lines) < 2:
        return False
    head = trim(lines[0][item.marker_end :])
    if len(regex.findall(r"\p{Han}", head)) < 4:
        return False
    if ENDS_SENTENCE.search(match_view(head)):
        return True
    return display_width(trim(lines[0])) + SHORT_HEAD <= longest


def _body_lines(item: _Item) -> list[str]:
    return [line.text for line in item.lines[1:] if line.text.strip()]


def _unit_line(text: str) -> bool:
    """A line that only names an item's units: a unit label at its start ("责任部门：市人社局"), or
    unit names alone; the paragraph split (_split_at_paragraphs) reads past it."""
    labels = _labels(text)
    if labels and labels[0][0].start() == len(match_view(text)) - len(match_view(text).lstrip()):
        return labels[0][1] in UNIT_FIELDS
    return _units_line(text)


def _split_at_paragraphs(leaves: list[_Item], rows: list[list[tuple[str | None, int | None, dict[str, str]]]]) -> None:
    """Items of one list printed alike, each its head line over a paragraph (_head_over_paragraph):
    the break between them is where each task ends, whatever words the paragraph opens with
    ("1、…促进义务教育优质均衡发展。" / "市第二实验中学田径场项目…4个项目已全部竣工。", "（1）强化责任担当,
    切实提高政治站位。" / "收到…反馈意见后,主动认领问题…"). An item of such a list read as all task is split
    there: the head is the task, the paragraph its progress. Only where the list reports: not in a
    plan, and one of its paragraphs at least says what was done (a plan's items describe their tasks
    in the paragraph below, and that stays the task's)."""
    groups: dict[tuple[int, str | None, bool, bool], list[int]] = {}
    for index, item in enumerate(leaves):
        groups.setdefault((item.level, item.section, item.reports, item.plans), []).append(index)
    longest = max((display_width(trim(line.text)) for leaf in leaves for line in leaf.lines), default=0)
    for members in groups.values():
        shaped = [index for index in members if _head_over_paragraph(leaves[index], longest)]
        if len(shaped) < MIN_PARALLEL or len(shaped) < PARALLEL_SHARE * len(members):
            continue
        bodies = {index: [text for text in _body_lines(leaves[index]) if not _unit_line(text)] for index in shaped}
        if leaves[shaped[0]].plans:
            continue
        # whether some paragraphs of the list say they report (by their words) while others do not
        told_apart = len({_reports_after_task("\n".join(bodies[index])) for index in shaped}) > 1
        for index in shaped:
            item = leaves[index]
            if len(rows[index]) != 1 or item.topic_end is not None or item.name_end is not None:
                continue
            cells = rows[index][0][2]
            if set(cells) - {"seq", "task"} - UNIT_FIELDS or not bodies[index]:
                continue  # read with a progress or a description of its own: left as read
            head = _clean(item.lines[0].text[item.marker_end :])
            if (_heading_like(head) or _title_sentence_line(head)) and told_apart:
                # a short title over lines that report nothing, where siblings' lines say they report
                # ("教育提升工程。" / "扩公办扶民办，普惠园覆盖率逐年提高。" beside "截至目前新增就业4912人"): the
                # list tells a report from a description, and this one describes (_row_cells reads it
                # as one); in a list where no paragraph says so, its shape is the only evidence
                continue
            body = trim("\n".join(bodies[index]))
            whole = regex.sub(r"\s", "", _clean(trim("\n".join([head, body]))))
            if not head or not body or regex.sub(r"\s", "", cells.get("task", "")) != whole:
                continue
            cells["task"], cells["progress"] = head, _clean(body)


def _head_colon(item: _Item, labels: bool = False) -> int | None:
    """Where the colon closing an item's head stands in its first line: the first colon outside
    brackets, after a head of four Han characters at least and before any sentence's end, with a
    text after it (on the line or below) long enough to report; not a label the vocabulary knows
    ("进展情况：", read as a field), unless ``labels``. None otherwise."""
    first = item.lines[0].text
    head = first[item.marker_end :]
    view = _sentence_view(head)
    colon = _outside_brackets(NAME_END_COLON, view)
    if colon is None or regex.search(r"[。;!?]", view[:colon]) or len(regex.findall(r"\p{Han}", view[:colon])) < 4:
        return None
    after = "\n".join([head[colon + 1 :], *(line.text for line in item.lines[1:])])
    if len(regex.findall(r"\p{Han}", after)) < MIN_RESULT_HAN or (
        not labels and len(trim(head[:colon])) <= MAX_LABEL and _label_field(trim(head[:colon]))
    ):
        return None
    return item.marker_end + colon


def _split_at_colons(leaves: list[_Item], rows: list[list[tuple[str | None, int | None, dict[str, str]]]]) -> None:
    """Items of one list printed alike, each its head closed by a colon and its report after it
    ("1.…加快建设“一区多园”新型工业化产业载体,聚力打造都市工业经济区:区发改局与…共同谋划…"): the
    colon is where each task ends, however long the head (a single item's long head before a colon may
    be a sentence leading into a list, which its siblings' colons do not share). An item of such a list
    read as all task, or with its task running past the colon, is split there."""
    groups: dict[tuple[int, str | None, bool, bool], list[int]] = {}
    for index, item in enumerate(leaves):
        groups.setdefault((item.level, item.section, item.reports, item.plans), []).append(index)
    for members in groups.values():
        colons = {index: end for index in members if (end := _head_colon(leaves[index])) is not None}
        if len(colons) < MIN_PARALLEL or len(colons) < PARALLEL_SHARE * len(members):
            continue
        # A sibling's head that ends in a label's word ("3.县长要求：…" beside "1.县长强调：…", "2.县长
        # 指出：…") is a head like theirs, not a field: read as a label, it vanished from the row. A
        # label the vocabulary knows by name (进展情况, 责任单位) stays a field.
        worded = {
            index: end
            for index in members
            if index not in colons
            and (end := _head_colon(leaves[index], labels=True)) is not None
            and match_key(regex.sub(r"\s+", "", trim(leaves[index].lines[0].text[leaves[index].marker_end : end])))
            not in _known_labels()
        }
        words = lambda text: regex.sub(r"[\s\p{P}]", "", match_view(text))  # noqa: E731
        for index, end in {**colons, **worded}.items():
            item = leaves[index]
            if len(rows[index]) != 1 or item.topic_end is not None or item.name_end is not None:
                continue
            cells = rows[index][0][2]
            if set(cells) - {"seq", "task", "progress"}:
                continue  # read with units or a description of its own: left as read
            first = item.lines[0].text
            head = _clean(first[item.marker_end : end])
            rest = _clean("\n".join([first[end + 1 :], *(line.text for line in item.lines[1:])]))
            read = words(cells.get("task", "") + cells.get("progress", ""))
            if index in worded and head and rest and read == words(rest):
                cells["task"], cells["progress"] = head, rest  # the head lost as a label's: placed
                continue
            squeeze = lambda text: regex.sub(r"\s", "", match_view(text))  # noqa: E731
            task = squeeze(cells.get("task", ""))
            if not head or not rest or len(task) <= len(squeeze(head)) or not task.startswith(squeeze(head)):
                continue  # already ends at the colon, or read some other way
            if read != words(head + rest):
                continue  # the row holds what the item's text does not: left as read
            cells["task"], cells["progress"] = head, rest


HEAD_GAP = compile_rule(r"(?<=[\p{Han}。!?”）)])[ \u3000]+(?=\p{Han})")  # a space between a head and its report
MIN_GAP_HEAD = 8  # Han characters of a head before the gap


def _head_gap(item: _Item) -> tuple[int, int] | None:
    """The one space in an item's first line between Han text (or a sentence's stop) and Han text,
    with a head of MIN_GAP_HEAD Han characters before it and a report's length after it: where a
    copy kept the break between the task and its report as a space ("…建设工程。 该项目…", "…建设
    该项目…"). Several such spaces are a copy's spacing, not a break (None)."""
    first = item.lines[0].text
    head = first[item.marker_end :]
    gaps = list(HEAD_GAP.finditer(head.rstrip()))
    if len(gaps) != 1:
        return None
    gap = gaps[0]
    if len(regex.findall(r"\p{Han}", head[: gap.start()])) < MIN_GAP_HEAD:
        return None
    if len(regex.findall(r"\p{Han}", head[gap.end() :])) < MIN_RESULT_HAN:
        return None
    return item.marker_end + gap.start(), item.marker_end + gap.end()


def _split_at_gaps(leaves: list[_Item], rows: list[list[tuple[str | None, int | None, dict[str, str]]]]) -> None:
    """Items of one list printed alike, each its head, one space, then its report on the same line
    (_head_gap): the space is where each task ends. An item of such a list read as all task, or with
    its task running past the space, is split there (the words before the space stay the task)."""
    groups: dict[tuple[int, str | None, bool, bool], list[int]] = {}
    for index, item in enumerate(leaves):
        groups.setdefault((item.level, item.section, item.reports, item.plans), []).append(index)
    for members in groups.values():
        gaps = {index: gap for index in members if (gap := _head_gap(leaves[index])) is not None}
        if len(gaps) < MIN_PARALLEL or len(gaps) < PARALLEL_SHARE * len(members) or leaves[members[0]].plans:
            continue
        for index, (start, end) in gaps.items():
            item = leaves[index]
            if len(rows[index]) != 1 or item.topic_end is not None or item.name_end is not None:
                continue
            cells = rows[index][0][2]
            if set(cells) - {"seq", "task", "progress"} - UNIT_FIELDS:
                continue
            first = item.lines[0].text
            head = _clean(first[item.marker_end : start])
            rest = _clean("\n".join([first[end:], *(line.text for line in item.lines[1:])]))
            words = lambda text: regex.sub(r"[\s\p{P}]", "", match_view(text))  # noqa: E731
            task = words(cells.get("task", ""))
            if not head or not rest or len(task) <= len(words(head)) or not task.startswith(words(head)):
                continue
            if words(cells.get("task", "") + cells.get("progress", "")) != words(head + rest):
                continue
            cells["task"], cells["progress"] = head, rest


def _narrative(item: _Item, items: list[_Item]) -> bool:
    """An outline part that is no task: a question; an item with nothing under it among siblings that have
    items under them ("一、总体要求" beside "二、主要任务"), unless its heading says it reports on
    something ("…完成情况"): an overview beside the tasks is not one of them."""
    if match_view(item.lines[0].text[item.marker_end :]).strip().endswith("?"):
        return True  # "1. 您比较关注哪些方面的民生问题？": a question put to the reader
    if _assigned_unit(item) is not None and any(line.text.strip() for line in item.lines[1:]):
        return False  # "（一）省监察厅牵头的工作" over its one task: a row
    siblings = [other for other in items if other.level == item.level and other.section == item.section]
    if not any(other.children for other in siblings):
        return False
    heading = match_view(item.lines[0].text[item.marker_end :])
    if prose_patterns()["named_project"].search(heading.strip()):
        return False  # "一、金門大橋建設計畫。" beside "二、停車場專案-1.…;2.…": a project of its own
    if any(name == "progress" for _, name in _labels(_text_of(item))):
        return False  # "一、实施农村天然气村村通" over "…项目进展：至12月底…": it reports, as its siblings' items do
    return not prose_patterns()["progress_tail"].search(heading.strip())


def _labelled(item: _Item) -> bool:
    """Whether the item's text so far holds a label (推进情况：, 完成情况：) its next lines belong to."""
    text = "\n".join(line.text for line in item.lines)
    return any(_label_field(m.group(1)) for m in LABEL.finditer(match_view(text)))


def _reporting_heading(text: str) -> bool:
    """A short heading or title that says the text under it reports results (…情况, 工作回顾,
    总结, 通报, 成效), not plans (要点, 方案, 计划, 清单)."""
    view = match_view(text)
    if len(view) > MAX_HEADING or regex.search(r"[。;]", view):
        return False
    if prose_patterns()["progress_tail"].search(view.rstrip()):
        return True  # "2021年民生实事工程安排意见落实情况": a report on a plan
    return bool(_reading()["reporting_heading"].search(view)) and not _reading()["plan_heading"].search(view)


def _plan_title(text: str) -> bool:
    """A title that says the document sets out a plan ("关于印发…民生实事工程安排意见的通知", "…工作要点"),
    not a report on one (a title with 情况, 完成, 进展 … reports)."""
    view = match_view(text)
    if len(view) > MAX_PLAN_TITLE or regex.search(r"[。;]", view):
        return False
    return bool(_reading()["plan_heading"].search(view)) and not _reading()["reporting_heading"].search(view)


def _heading_text(item: _Item) -> str:
    return trim(item.lines[0].text)


def _paragraphs(item: _Item) -> int:
    return sum(bool(line.text.strip()) for line in item.lines)


def _closing_paragraphs(item: _Item, own: int = 1) -> list[Block]:
    """The last item's paragraphs that close the whole report ("在今后的工作中，我局将…", "各位代表，…"),
    past the ``own`` paragraphs each of its siblings has (a heading and its text are two): the
    report's, not the item's."""
    seen = 0
    for cut in range(len(item.lines)):
        seen += bool(item.lines[cut].text.strip())
        if seen <= own:
            continue
        if prose_patterns()["closing_paragraph"].match(match_view(item.lines[cut].text)):
            out: list[Block] = [
                Paragraph(trim(line.text), page=line.page) for line in item.lines[cut:] if line.text.strip()
            ]
            del item.lines[cut:]
            return out
    return []


def _closing_lines(item: _Item, signatures: bool = True) -> list[Block]:
    """Detach a report's closing lines (signing unit, date) from its last task."""
    out: list[Block] = []
    formula = next(
        (
            cut
            for cut in range(1, len(item.lines))
            if len(trim(item.lines[cut].text)) <= MAX_HEADING
            and _reading()["closing_formula"].match(match_view(item.lines[cut].text))
        ),
        None,
    )
    if formula is not None:
        # "以上答复您是否满意…" and what follows it (who signs, the date): the reply's closing
        out = [Paragraph(trim(line.text), page=line.page) for line in item.lines[formula:] if line.text.strip()]
        del item.lines[formula:]
    while len(item.lines) > 1:
        text = trim(item.lines[-1].text)
        signature = signatures and looks_like_units(text) and len(text) <= 20 and not regex.search(r"[:：]", text)
        if not text or prose_patterns()["closing_date"].match(text) or signature:
            item.lines.pop()
            if text:
                out.insert(0, Paragraph(text, page=None))
            continue
        break
    last = item.lines[-1]
    signed = prose_patterns()["signature_at_end"].search(match_view(last.text))
    if signed is not None and looks_like_units(signed.group(1)):
        item.lines[-1] = Line(last.text[: signed.start() + 1], last.page)
        out.insert(0, Paragraph(trim(last.text[signed.start(1) :]), page=last.page))
    return out


def _run_in_items(lines: list[Line]) -> list[Block] | None:
    """Tasks numbered 一是…二是… inside paragraphs."""
    blocks: list[Block] = []
    trailing: list[Block] = []
    body: list[_Item] = []
    own_lines = _run_in_lines(lines)
    # What the lines above the items say they are ("一、2023年工作完成情况" / "…工作要点"), as for
    # numbered items (_outline_items): results or plans.
    reports = plans = False
    lists_elsewhere = any(
        len(cuts := _run_in_cuts(view := match_view(line.text))) >= 2 and not _in_field_value(view, cuts[0])
        for line in lines
    )
    for index, line in enumerate(lines):
        if index in own_lines:
            # "一是…\n二是…\n三是…": one item a line, the whole line its text.
            view = match_view(line.text)
            marker = prose_patterns()["run_in"].match(view, len(view) - len(view.lstrip()))
            assert marker is not None
            piece = line.text[marker.start() :].rstrip().rstrip(";；")
            body.append(
                _Item(seq=own_lines[index], marker_end=marker.end() - marker.start(), lines=[Line(piece, line.page)])
            )
            body[-1].reports, body[-1].plans = reports, plans and not reports
            continue
        view = match_view(line.text)
        cuts = _run_in_cuts(view)
        # A paragraph holding a list of one ("（二）…。一是…", the document cut inside it) is a list
        # when other paragraphs hold lists whose numbers restart in each; a list in the value of a
        # label that names progress or problems ("整改情况：一是…二是…") is that field's parts.
        if cuts and _in_field_value(view, cuts[0]):
            cuts = []
        if len(cuts) < 2 and not (cuts and lists_elsewhere):
            if line.text.strip():
                blocks.append(Paragraph(trim(line.text), page=line.page))
                # the latest heading says what follows ("一、2023年工作完成情况" … "二、2024年工作计划")
                if _reporting_heading(trim(line.text)):
                    reports, plans = True, False
                elif _plan_title(trim(line.text)):
                    reports, plans = False, True
            continue
        if cuts[0] > 0 and trim(line.text[: cuts[0]]):
            blocks.append(Paragraph(trim(line.text[: cuts[0]]), page=line.page))
        # The list ends at the first full stop after its last item: what follows is not that item's.
        stop = _outside_brackets(compile_rule(r"。"), view[cuts[-1] :])
        end, shared, after = len(line.text), None, ""
        if stop is not None and trim(line.text[cuts[-1] + stop + 1 :]):
            end = cuts[-1] + stop + 1
            shared, after = _shared_report(line.text[end:], len(cuts))
            closed = len(cuts) > 1 and all(
                regex.search(r"\)\s*[。;]?\s*$", view[a:b]) for a, b in itertools.pairwise(cuts)
            )  # each item closed by its units' bracket: the list closes with the last one's
            if shared is None and not closed:
                # Items written open ("八是…正在进行软件设计。九是…截至4月已投资1300万元。征地兑付基本结束…"):
                # the last one runs to its paragraph's end.
                end, after = len(line.text), ""
        first = len(body)
        for n, (a, b) in enumerate(zip(cuts, [*cuts[1:], end], strict=True), start=1):
            piece = line.text[a:b]
            marker = prose_patterns()["run_in"].match(match_view(piece))
            assert marker is not None
            # The separator between run-in items (；) belongs to the list, as does the full stop
            # that ends the list before text of its own; any other full stop ends the item's sentence.
            piece = piece.rstrip().rstrip(";；")
            if b == end and end < len(line.text):
                piece = piece.rstrip("。")
            body.append(_Item(seq=n, marker_end=marker.end(), lines=[Line(piece, line.page)]))
        for item in body[first:]:
            item.shared = shared
            item.reports, item.plans = reports, plans and not reports
        if trim(after):
            trailing.append(Paragraph(trim(after), page=line.page))
    if len(body) < 2:
        return None
    rows = []
    for item in body:
        section, page, cells = _row(item, run_in=True)
        rows.append((section, page, cells))
    _split_like_siblings(body, [[row] for row in rows], run_in=True)
    for item, (_, _, cells) in zip(body, rows, strict=True):
        if item.shared and not cells.get("progress"):
            cells["progress"] = item.shared
    blocks.append(_table(rows))
    blocks.extend(trailing)
    return blocks


def _in_field_value(view: str, start: int) -> bool:
    """Whether ``start`` lies in the value of a label at the line's start naming what was done or
    what is wrong (整改情况：, 进展情况：, 存在问题：)."""
    label = LABEL.match(view)
    if label is None or label.end() > start:
        return False
    return _label_field(label.group(1)) in ("progress", "issues")  # (a plan's items are its tasks)


def _run_in_cuts(view: str) -> list[int]:
    """Where the run-in items of a paragraph start: 一是, then 二是, … in order."""
    cuts = []
    expected = 1
    for match in prose_patterns()["run_in"].finditer(view):
        if _number(match.group(1)) == expected:
            cuts.append(match.start())
            expected += 1
    return cuts


def _run_in_lines(lines: list[Line]) -> dict[int, int]:
    """Lines that each open with the next run-in number ("一是…" / "二是…" / "三是…", blank lines
    between them allowed), as {line index: number}; a lone "一是" line with no "二是" line after it
    is no list, nor a line that itself holds the next number (those are split inside the line)."""
    found: dict[int, int] = {}
    current: dict[int, int] = {}
    expected = 1
    for index, line in enumerate(lines):
        view = match_view(line.text)
        if not view.strip():
            continue
        marker = prose_patterns()["run_in"].match(view, len(view) - len(view.lstrip()))
        number = _number(marker.group(1)) if marker is not None else None
        if marker is not None and number in (1, expected):
            # A line holding the next number as well is a paragraph of run-in items, not one item.
            following = [
                m for m in prose_patterns()["run_in"].finditer(view, marker.end()) if _number(m.group(1)) == number + 1
            ]
            if not following:
                if number == 1 and expected != 1:
                    found |= current if len(current) >= 2 else {}
                    current = {}
                current[index] = number
                expected = number + 1
                continue
        found |= current if len(current) >= 2 else {}
        current, expected = {}, 1
    found |= current if len(current) >= 2 else {}
    return found


def _shared_report(text: str, items: int) -> tuple[str | None, str]:
    """(the first sentence after a list when it reports on all its items, the rest): "目前，3个任务
    按照节点目标要求都已完成。" after 一是…二是…三是…; (None, text) otherwise."""
    view = match_view(text)
    stop = _outside_brackets(compile_rule(r"。"), view)
    sentence = text[: stop + 1] if stop is not None else text
    sentence_view = match_view(sentence)
    opens = prose_patterns()["progress_opener"].match(sentence_view)
    names_all = regex.search(rf"(?<!\d){items}\s*[个项件条]|[都均]|全部", sentence_view)
    if opens and names_all and _reports(sentence):
        return trim(sentence), text[len(sentence) :]
    return None, text


# ----------------------------------------------------------------- one item → its fields


def _row(item: _Item, run_in: bool = False) -> tuple[str | None, int | None, dict[str, str]]:
    first_line = item.lines[0].text
    marker = first_line[: item.marker_end].strip()
    first = first_line[item.marker_end :]
    body = [line.text for line in item.lines[1:] if line.text.strip()]
    if not first.strip() and body:
        first, body = body[0], body[1:]  # "01" alone on its line: the next line opens the item
    page = item.lines[0].page
    section = item.section
    tag = CATEGORY_TAG.match(match_view(first))
    tag_units = None
    if tag and _office_names(tag.group(1)):  # 【市住建局】推进…: the units that carry it, a marker
        tag_units, first = first[tag.start(1) : tag.end(1)].strip(), first[tag.end() :]
    elif tag:  # 【托幼育人】: the item's category, not its task
        section, first = tag.group(1).strip(), first[tag.end() :]
    section, page, cells = _row_cells(item, run_in, first, body, section, page, marker)
    if tag_units and not cells.get("lead_units"):
        cells["lead_units"] = tag_units
    return section, page, cells


def _row_cells(
    item: _Item, run_in: bool, first: str, body: list[str], section: str | None, page: int | None, marker: str
) -> tuple[str | None, int | None, dict[str, str]]:
    if item.name_end is not None:
        # A named report of a ；-list: the name, then what is reported on it.
        fields = _fields(trim("\n".join([first[item.name_end :], *body])), heading=first[: item.name_end])
        return section, page, {"seq": str(item.seq), **fields}
    if item.topic_end is not None:
        # A topic label names the task; all the text after it reports on it.
        fields = _fields(trim("\n".join([first[item.topic_end + 1 :], *body])), heading=first[: item.topic_end])
        return section, page, {"seq": str(item.seq), **fields}
    # A short heading line with the item's text below it: the heading names the task, and the
    # text is its progress, a plan stated in it too ("一、市级重点项目进展情况" over "全市安排重点
    # 项目458个…1-8月共完成投资622.2亿元": the reading of two analysts out of three; several
    # such paragraphs under one heading are rows of their own, see _rows_of).
    # A bulleted line opens an item only with text below it (_bullet_starts): it is the title.
    if body and item.unit_first and _units_line(first) and not _labels(first):
        # "1.市发改委" over "推进重点项目建设…上半年已完成…": the unit that carries the text below.
        fields = _fields(trim("\n".join(body)), run_in=run_in, reports=item.reports, plans=item.plans)
        if not fields.get("lead_units"):
            fields["lead_units"] = first.strip()
    elif (
        body
        and (
            _heading_like(first)
            or item.bullet
            or _title_over_report(first, body)
            or (
                _title_sentence_line(first) and not _units_line(body[0]) and (item.reports or _reports("\n".join(body)))
            )
        )
        and not _labels(first)
    ):
        fields = _fields("\n".join(body), heading=first, at_cut=item.at_cut)
    else:
        fields = _fields(
            trim("\n".join([first, *body])),
            run_in=run_in,
            reports=item.reports,
            plans=item.plans,
            unit_first=item.unit_first,
            at_cut=item.at_cut,
        )
    # The enumerator as printed, without a note before it ("(續前)") or a colon after it.
    note = prose_patterns()["leading_note"].match(match_view(marker))
    marker = marker[note.end() :] if note else marker
    marker = marker.rstrip(" :：")
    seq_text = marker if marker and _number_of(marker) is not None else str(item.seq)
    return section, page, {"seq": seq_text, **fields}


def _number_of(marker: str) -> int | None:
    from extractor.headers import parse_seq

    return parse_seq(marker)


def _plan_and_actual(text: str) -> bool:
    """Whether a text states a plan and then what was done (a task and its progress in one)."""
    view = _sentence_view(text)
    start = _progress_start(view)
    return start is not None and bool(prose_patterns()["plan_word"].search(view[:start]))


def _title_over_report(first: str, body: list[str]) -> bool:
    """A longer title line with no sentence end of its own over a first body line that reports
    ("新增300所學校體育場向社會開放,新增41家…錯時延時開放" / "省級財政補助資金下達3780萬元,完成年度計劃的100%"):
    the title is the task however long, as a heading line is."""
    text = trim(first)
    return (
        MAX_HEADING < len(text) <= 2 * MAX_HEADING
        and not regex.search(r"[。；;]", match_view(text))
        and _reports(body[0])
    )


def _heading_like(text: str) -> bool:
    text = trim(text)
    return 0 < len(text) <= MAX_HEADING and not regex.search(r"[。；;]", match_view(text))


def _title_sentence_line(first: str) -> bool:
    """A short title that closes with a full stop of its own, alone on its line ("2、增收致富工程。"
    over "已制定《…方案》，2.6万户…录入…"): over lines that report (the caller checks), the title is the
    task, as a heading line is (unless the line below only names its units: "1.新建学校2所。" over
    "市教育局")."""
    text = trim(first)
    return _heading_like(text.removesuffix("。")) and text.endswith("。")


@cache
def _known_labels() -> dict[str, str]:
    return {match_key(s): f for s, f in label_synonyms()}


def _label_field(label: str) -> str | None:
    """The field a label names: a synonym, else the head of its compound ("分管省领导" → a leader,
    "数据提供单位" → a unit, "部门分工" → units). A colon after it already says it is a label."""
    label = regex.sub(r"\s+", "", label)  # "牵 头 单 位": a padded label is the word
    key = match_key(label)
    if key in _known_labels():
        return _known_labels()[key]
    named = field_for_header(label) or reads_as_header(label)
    if named:
        return named
    head = morpheme_head(label)
    return head


def _labels(text: str) -> list[tuple[regex.Match[str], str | None]]:
    """Every label in ``text`` (matched on its view) and the field it names (None: a label the
    vocabulary does not know, kept as a cell of its own when it stands at a line's start)."""
    view = match_view(text)
    out = []
    for match in DECORATED_LABEL.finditer(view):
        out.append((match, _label_field(match.group(1))))  # " · 进展情况 · " on a line of its own
    for match in BRACKET_LABEL.finditer(view):
        # only a label the vocabulary knows by name: a bracket of unit names reads by its morphemes
        # as a unit label ("【县住建局】"), and is the units' bracket, not a label
        name = _known_labels().get(match_key(regex.sub(r"\s+", "", match.group(1))))
        if name is not None and name not in ("category", "task"):
            out.append((match, name))
    for match in LABEL.finditer(view):
        name = _label_field(match.group(1))
        line_start = match.start() == 0 or view[match.start() - 1] == "\n"
        if name is not None or line_start:
            out.append((match, name))
    # A label glued to the value before it ("责任单位：莲塘镇任务目标：2024年…", a line break lost in
    # copying): after a first label, a run of Han characters before a colon whose tail is made of
    # header words alone (任务目标) is that label; the rest of the run ends the value before it.
    # With no label before it, a glued label counts when it names the units and units follow it
    # ("适龄女生HPV疫苗接种牵头责任部门：县卫生健康委员会"): the value says what the label is.
    taken = [(m.start(), m.end()) for m, _ in out]
    for run in GLUED_RUN.finditer(view, out[0][0].end() if out else 0):
        if any(a <= run.start(1) < b for a, b in taken):
            continue
        tail = header_word_tail(run.group(1))
        if tail is None or tail == 0 or len(run.group(1)) - tail < 4:
            continue
        match = GLUED_LABEL.match(view, run.start(1) + tail)
        name = _label_field(match.group(1)) if match else None
        if match is None or name is None:
            continue
        value = LABEL_VALUE.match(view, match.end()).group()
        if out or (name in UNIT_FIELDS - {"deadline"} and _names_units(value.strip())):
            out.append((match, name))
    out.sort(key=lambda pair: pair[0].start())
    return out


def _parts_reported_by_name(
    text: str, labels: list[tuple[regex.Match[str], str | None]]
) -> list[tuple[regex.Match[str], str | None]]:
    """The labels left once the parts of a task reported under their own names are taken as text:
    "东昌路东延：于3月初开工…" / "艳阳路西延：已于4月初完工…" name no field, and their values report
    what was done — with no progress label in the item, they are its progress, names included."""
    if any(name == "progress" for _, name in labels):
        return labels
    if sum(name is not None for _, name in labels) >= MIN_FORM_LABELS:
        return labels  # a form of fields (责任领导/责任单位/…/资金筹措/完成时限): an unknown label is one more
    parts = [n for n, (_, name) in enumerate(labels) if name is None]
    ends = [labels[n + 1][0].start() if n + 1 < len(labels) else len(text) for n in range(len(labels))]
    if not any(_reports(text[labels[n][0].end() : ends[n]]) for n in parts):
        return labels
    return [pair for n, pair in enumerate(labels) if n not in parts]


def _fields(
    text: str,
    heading: str | None = None,
    run_in: bool = False,
    reports: bool = False,
    plans: bool = False,
    unit_first: bool = False,
    at_cut: bool = False,
) -> dict[str, str]:
    """An item's text (and its heading line, if any) → task, progress and the labelled fields. In a
    document that sets out a plan (``plans``), the text after an item's title describes the task
    ("进一步扩大就业。全市城镇新增就业5.85万人…" states a target, reports nothing)."""
    opening_units = None
    opening = prose_patterns()["unit_opening"].match(match_view(text)) if unit_first and heading is None else None
    if opening is not None and _opening_units(text[: opening.end(1)]) and _clean(text[opening.end() :]):
        # "市发改委：推进…" / "市住建局 改造…": the item opens with the unit that carries it.
        opening_units, text = text[: opening.end(1)].strip(), text[opening.end() :]
    text, bracket = _closing_bracket(text)
    if heading is not None and bracket is None:
        # "（一）全省初中阶段学校安装AED自动除颤仪（牵头责任单位县教育局）" over its report: the heading's
        # closing bracket names the item's units, as a one-line item's does.
        heading, bracket = _closing_bracket(heading)
    after_units = ""
    if bracket is None and heading is None and (inside := _units_inside(text)) is not None:
        text, bracket, after_units = inside
        labelled = _labels(after_units)
        if labelled:  # "…（市发改委）。上半年…。完成时限：2023年12月底": the labels are still fields
            first = labelled[0][0].start()
            text, after_units = text + "\n" + after_units[first:], after_units[:first]
    if bracket is None and heading is None and (within := _units_within(text)) is not None:
        text, bracket, after_units = within
    units_between = False
    gap = None
    if bracket is None and heading is None and (gap := _gap_units(text.split("\n", 1)[0])) is not None:
        # "1.推进…建设　　市住建局" over its report: the names set off by a gap close the task's line.
        text, bracket, after_units = gap[0], {"units": gap[1]}, text.partition("\n")[2]
        units_between = bool(_clean(after_units))
    if bracket is None and heading is None and gap is None and (report := _gap_report(text)) is not None:
        # "1.推进…建设　　县住建局已完成主体工程": an office opening a report after the gap is the
        # report's subject; the task ends at the gap, the report is what follows it.
        text, after_units = report
    if bracket is None and heading is None and (said := _units_sentence(text)) is not None:
        # "推进…建设。市住建局负责。截至6月…": a sentence that only names the units ends the task.
        text, bracket, after_units = said
        units_between = bool(_clean(after_units))
    bracket = bracket or {}
    bracket_units = bracket.get("units")
    if bracket.get("status"):
        after_units = "\n".join(v for v in (bracket["status"], after_units) if v)  # "（已完成）": its report
    labels = _parts_reported_by_name(text, _labels(text))
    names = _resolve_units([(match.group(1), name) for match, name in labels])
    fields: dict[str, str] = {}
    unlabelled: list[str] = []
    head = text[: labels[0][0].start()] if labels else text
    if after_units:
        unlabelled.append(after_units)  # the report after the units' bracket
    for n, ((label, field_named), name) in enumerate(zip(labels, names, strict=True)):
        if name == "task" and (heading is not None or _clean(head)):
            # "三、新建300个公共充电桩项目 … 任务目标：2024年计划…完成300个", "（四）项目内容及任务分解：…":
            # the item's name is the task; the labelled target or content stays a cell of its own, as
            # under a 任务目标 column beside a name (gold conventions).
            name = text[label.start(1) : label.end(1)]  # as printed
        value_end = labels[n + 1][0].start() if n + 1 < len(labels) else len(text)
        value = text[label.end() : value_end]
        value = value[len(value) - len(value.lstrip(" \u3000\xa0")) :]  # "责任领导: 李刚"
        # A value of names (units, leaders, a deadline) ends at its sentence's or bracket's end,
        # whatever key the label ends up under (数据提供单位 keeps its own).
        if field_named in UNIT_FIELDS or name in UNIT_FIELDS:
            stop = _value_end(match_view(value))
            if stop is not None:
                stop = _past_person(value, stop)
                unlabelled.append(value[stop + 1 :])
                value = value[:stop]
        value = _clean(value)
        if not value:
            continue
        if name in ("lead_units", "partner_units"):
            lead, partners = _lead_phrase(value)
            if lead is not None:
                value = lead
                if partners:
                    fields["partner_units"] = "、".join(v for v in (fields.get("partner_units"), partners) if v)
        # Two labels of one field (牵头单位：…；牵头部门：…) both count.
        joiner = "、" if name in UNIT_FIELDS else "\n"
        fields[name] = joiner.join(v for v in (fields.get(name), value) if v)
    if opening_units and "lead_units" not in fields:
        bracket_units = bracket_units or opening_units
    if bracket.get("deadline") and "deadline" not in fields:
        fields["deadline"] = bracket["deadline"]
    if bracket_units and "lead_units" not in fields:
        lead, partners = _lead_phrase(bracket_units)
        fields["lead_units"] = lead if lead is not None else _without_role(bracket_units)
        if partners:
            fields["partner_units"] = partners
    if heading is not None:
        task = _clean(heading) or None
        rest = head
    else:
        # When the progress comes after the labels (labelled, or left after a unit label's value),
        # the whole head is the task ("1.轨道交通1号线一期工程投入试运营。 牵头领导：…");
        # otherwise the head holds task and progress (_split_head).
        progress_after = "progress" in fields or any(_clean(piece) for piece in unlabelled)
        # A head of any length is the task when its units close its line and the report starts on
        # the next ("44.做好…工作。计划生育率保持在95%以上。… (主办部门:省人口计生委…)" / "预计…").
        line_closed = "\n" not in _clean(head) and any(
            piece.lstrip(" \t\u3000\xa0)）。").startswith("\n") for piece in unlabelled if _clean(piece)
        )
        whole_head = progress_after and (len(head) <= 2 * MAX_TASK_NAME or line_closed or units_between)
        if whole_head:
            task, rest, reference, titled = _clean(head) or None, "", None, False
            if run_in and task and _title_alone(task):
                # "一是依法决策部署。进展情况：…": a run-in title closed by the paragraph's stop, its
                # report labelled after it; the title without the stop, as _title_sentence cuts it.
                task = task[:-1].rstrip()
        else:
            task, rest, reference, titled = _split_head(head, run_in, plans, reports)
        if reference:
            fields["reference"] = reference
    if task and "task" not in fields:
        fields["task"] = task
    rest_text = _clean(rest)
    # Text after a label's value is a report, except in a plan, which reports nothing ("〔责任单位：
    # X按职责分工负责。具体任务均涉及…，下同。〕": a note on the units).
    left = not plans and any(_clean(piece) for piece in unlabelled)
    if (
        rest_text
        and heading is None
        and titled
        and (plans or not (reports or _reports_after_task(rest_text) or any(_clean(piece) for piece in unlabelled)))
        and not left
    ):
        # The rest of a task list's item describes the task; it reports nothing, so the item as
        # printed is the task ("进一步扩大就业。全市城镇新增就业5.85万人…"). (Under a heading that
        # says it reports, "工作回顾" or "整改情况", the rest after a title is its result.)
        fields["task"] = _clean(head)
        rest = ""
    if at_cut and unlabelled and _cut_label(unlabelled[-1]):
        unlabelled.pop()  # "牵头负责领导:姚志。\n牵头责任" at a document's cut: a label its text never reached
    progress = "\n".join(_clean(piece) for piece in [rest, *unlabelled] if _clean(piece))
    if progress and plans and "progress" not in fields:
        fields["description"] = "\n".join(v for v in (fields.get("description"), progress) if v)
    elif progress and "progress" not in fields:
        fields["progress"] = progress
    elif progress:
        # Text besides a labelled progress (the target under a name: "推进“美丽家园”建设" / "完成10万
        # 平方米屋面…" / "· 进展情况 ·" / …): it describes the task; kept, not dropped.
        fields["description"] = "\n".join(v for v in (fields.get("description"), progress) if v)
    return {k: v for k, v in fields.items() if v}


def _reports(text: str) -> bool:
    """Whether a text reports progress (its clauses say what was done or stands), not a plan."""
    view = _sentence_view(text)
    return _progress_start(view, 0) is not None or bool(prose_patterns()["progress_word"].search(view))


def _reports_after_task(text: str) -> bool:
    """Whether the text after an item's task sentence reports: by its words (_reports), or by what
    one of its sentences is (_reports_by_sentence)."""
    return _reports(text) or _reports_by_sentence(_sentence_view(text))


def _reports_by_sentence(view: str) -> bool:
    """Whether a sentence of a text reports by what it is (data/layout.toml [prose.parts]
    report_sentence: a bare result, a count with its completion rate, what the office did)."""
    pattern = _part_patterns()["report_sentence"]
    return any(pattern.match(sentence) for sentence in regex.split(r"(?<=[。;!?\n])", view) if sentence.strip())


def _cut_label(piece: str) -> bool:
    """The start of a label cut off with the document ("牵头责任", "责任单") or a label left with no
    value ("责任单位"); never a word of standing ("完成", "推进中"), which is a progress of its own."""
    view = match_view(_clean(piece))
    if not 2 <= len(view) <= MAX_LABEL or not regex.fullmatch(r"\p{Han}+", view):
        return False
    if layout_patterns()["status_phrase"].match(view):
        return False
    return any(synonym.startswith(view) for synonym, _ in label_synonyms())


def _past_person(value: str, stop: int) -> int:
    """A unit value cut at a space before its leader's name ("市民政局 伍泽国"), or a two-character
    name padded to the width of three ("刘 哲"): the name belongs to the value (split_units sets
    a leader aside), not to the progress after it."""
    if not value[stop : stop + 1].isspace():
        return stop
    padded = prose_patterns()["padded_name"].match(match_view(value))
    if padded is not None and padded.start(1) == stop:
        return padded.end()  # "刘 哲": a name padded to width
    name = regex.match(r"\s+(\p{Han}{2,4})(?=$|[\s。;；,，)）])", value[stop:])
    if name and looks_like_person(name.group(1)) and not looks_like_units(name.group(1)):
        end = stop + name.end()
        return end if end < len(value) else len(value)
    return stop


def _value_end(view: str) -> int | None:
    """Where a unit label's value ends: the sentence's end, a space, or a bracket it did not open
    ("市人社局,各县(区)党委、政府)" ends at the last bracket, not inside "(区)")."""
    depth = 0
    for index, ch in enumerate(view):
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return index
            depth -= 1
        elif depth == 0 and UNIT_VALUE_END.match(ch):
            return index
    return None


def _trailing_units(text: str) -> tuple[str, str | None]:
    """An item closing with a bracket of unit names, or with a line of them under its text ("新建
    学校2所。\n市教育局"): (the text without them, the names)."""
    rest, found = _closing_bracket(text)
    if found is not None and set(found) == {"units"}:
        return rest, found["units"]
    return text, None


def _closing_bracket(text: str) -> tuple[str, dict[str, str] | None]:
    """An item closing with a bracket that says who carries it, by when, or how it stands
    ("（市人社局）", "（2023年底前完成）", "（市民政局，2023年底）", "（已完成）"), or with a line of unit
    names under its text: (the text without them, what the bracket holds, by kind)."""
    head, _, last = text.rstrip().rpartition("\n")
    if head.strip() and _units_line(last):
        return head.rstrip(), {"units": last.strip()}
    if not head.strip() and (gap := _gap_units(last)) is not None:
        return gap[0], {"units": gap[1]}  # "推进…建设　　市住建局": names set off after the task
    tail = UNITS_AFTER_STOP.search(match_view(text))
    if tail is not None and _clean(text[: tail.start(1)]) and _units_line(tail.group(1)):
        # "…主体工程已完工。县水利局": unit names after the last sentence, on its line
        return text[: tail.start(1)].rstrip(), {"units": text[tail.start(1) : tail.end(1)].strip()}
    match = TRAILING_UNITS.search(match_view(text))
    if match is None:
        return text, None
    found = _bracket_fields(text, match.start(), text[match.start(1) : match.end(1)])
    return (text[: match.start()].rstrip(), found) if found else (text, None)


GAP_UNITS = compile_rule(r"^(.*?\S)(?:[ \t\xa0]{2,}|\u3000+)(\S[^。;:；：!?]{1,60}?)\s*$")


def _gap_units(line: str) -> tuple[str, str] | None:
    """A line whose text ends with unit names set off by a gap of spaces ("推进城南污水处理厂建设　　市住建局",
    "新建学校3所  县教育局、县财政局"): (the text before the gap, the names); None when what follows the
    gap is not names of offices (_office_names) or nothing comes before it."""
    found = GAP_UNITS.match(line.rstrip())
    if found is None or not _clean(found.group(1)):
        return None
    names = found.group(2).strip()
    if not _office_names(names) or looks_like_person(names):
        return None
    return found.group(1).rstrip(), names


GAP_REPORT = compile_rule(r"^(.*?\S)(?:[ \t\xa0]{2,}|\u3000+)(\S.*)$")


def _gap_report(text: str) -> tuple[str, str] | None:
    """An item's first line whose text after a gap of spaces opens with an office's name and reports
    ("推进城南污水处理厂建设　　县住建局已完成主体工程"): (the task before the gap, the report from the
    office on); None for any other text."""
    first, newline, rest = text.partition("\n")
    found = GAP_REPORT.match(first.rstrip())
    if found is None or not _clean(found.group(1)):
        return None
    after = found.group(2)
    view = match_view(after)
    # the office: the shortest opening that ends like one (局, 委, 办…) and reads as a unit's name
    office = next(
        (end for end in range(2, min(len(view), 24) + 1) if prose_patterns()["organisation"].search(view[:end])),
        None,
    )
    if office is None or not _office_names(view[:office]) or looks_like_person(view[:office]):
        return None
    if not _reports_after_task(after):
        return None
    return found.group(1).rstrip(), after + newline + rest


def _units_inside(text: str) -> tuple[str, dict[str, str], str] | None:
    """An item whose task is followed by a bracket of its units (or its deadline) and then by its
    report ("地区生产总值增长6%（市发改委）。上半年增长5.8%"): (the task, what the bracket holds, the
    report). The bracket closes the item's first sentence: the task is what comes before it."""
    view = match_view(text)
    for match in prose_patterns()["inner_bracket"].finditer(view):
        before = view[: match.start()].rstrip()
        if "\n" in before.strip():
            return None
        # The task is one sentence, or the whole first line when the bracket closes it.
        line_closed = view[match.end() :].lstrip(" \t\u3000\xa0。.;").startswith("\n")
        if not line_closed and (match.start() > 2 * MAX_TASK_NAME or regex.search(r"[。;!?]", before.rstrip("。;"))):
            return None
        if not before.strip():
            return None
        if view[match.end() : match.end() + 1] in (",", "、"):
            continue  # "…其中乡镇卫生院37个（含X医院），村卫生室211个": a remark inside the sentence
        if not _clean(text[match.end() :]).strip("。.;；"):
            continue
        found = _bracket_fields(text, match.start(), text[match.start(1) : match.end(1)])
        if found and "status" not in found:
            if _later_marker(text, view, match.end()):
                continue  # "新增3个乡镇（街道）建有托育机构【卫生健康局】。": the first bracket is the name's
            return text[: match.start()].rstrip(), found, text[match.end() :]
    return None


def _later_marker(text: str, view: str, end: int) -> bool:
    """Whether a bracket ending at ``end`` is glued inside its sentence (Han text right after it) and
    another bracket of units closes that sentence later: the marker is the later one, the first
    belongs to a name ("乡镇（街道）", "村卫生室（社区卫生服务站）5个")."""
    if not regex.match(r"\p{Han}|\d", view[end : end + 1]):
        return False
    sentence = regex.match(r"[^。;!?\n]*", view[end:]).group()
    for later in prose_patterns()["inner_bracket"].finditer(sentence):
        start = end + later.start()
        found = _bracket_fields(text, start, text[end + later.start(1) : end + later.end(1)])
        if found and "status" not in found:
            return True
    return False


def _units_within(text: str) -> tuple[str, dict[str, str], str] | None:
    """An item's bracket of units (or its deadline) standing inside its text, neither closing the
    text nor its first sentence ("推进乡村振兴。新建高标准农田5万亩（县农业农村局牵头）。上半年…",
    "新增就业2万人（县人社局），失业率控制在4%以内。…"): (the text before it, what it holds, the text
    after it). The marker says who carries the item and is no part of its task or report (gold
    conventions). Where a report follows the bracket and none comes before it, the bracket ends the
    task ("…（县水利局），主体工程已完工"): the text before is the task, the text after the report;
    otherwise the bracket is taken out and the text read as one ("before" then holds it all). A
    bracket after the report has begun is the report's (a place: "其中1个戏台（秀屿区）已封顶")."""
    view = match_view(text)
    if any(_label_field(m.group(1)) in UNIT_FIELDS for m in LABEL.finditer(view)):
        return None  # "…机构（世代服务中心），…（主办部门：X）": its units are labelled; the bracket renames
    for match in prose_patterns()["inner_bracket"].finditer(view):
        if not _clean(text[: match.start()]) or not _clean(text[match.end() :]).strip("。.;；"):
            continue
        found = _bracket_fields(text, match.start(), text[match.start(1) : match.end(1)])
        if not found or "status" in found:
            continue
        before, after = text[: match.start()].rstrip(" \t\u3000\xa0"), text[match.end() :]
        if _reports(before):
            return None  # "…其中1个戏台（秀屿区）已封顶": inside the report, a place, not who carries the task
        follow = view[match.end() :].lstrip(" \t\u3000\xa0。.;,、\n")
        clause = regex.split(r"[。;,\n]", follow, maxsplit=1)[0]
        if _reports(clause):
            return before, found, after[len(after) - len(after.lstrip(" \t\u3000\xa0。.;,，、；\n")) :]
        return before + after, found, ""
    return None


def _units_sentence(text: str) -> tuple[str, dict[str, str], str] | None:
    """A sentence of an item that only says who carries it ("市住建局负责。", "由市发改委牵头。",
    "责任单位为市人社局。", data/layout.toml [prose.parts]), after at least one sentence of the item:
    (the text before it, {"units": the names}, the text after it). The sentence is the item's unit
    marker wherever it stands; the text after it, when any, is the report (the units close the task)."""
    view = _sentence_view(text)
    start = 0
    for stop in regex.finditer(r"[。;!?\n]|$", view):
        end = stop.end()
        sentence = view[start:end]
        units = _said_units(sentence)
        if units is not None and _clean(text[:start]):
            begin = start + len(sentence) - len(sentence.lstrip())
            names = text[begin + units[0] : begin + units[1]].strip()
            return text[:start].rstrip(), {"units": names}, text[end:]
        start = end
        if end >= len(view):
            break
    return None


def _said_units(sentence: str) -> tuple[int, int] | None:
    """Where the names stand in a sentence that only names an item's units (_units_sentence), relative
    to its stripped start; None for any other sentence."""
    stripped = sentence.strip()
    if not stripped or len(stripped) > 2 * MAX_TASK_NAME:
        return None
    said = _part_patterns()["units_said"].match(stripped)
    if said is None:
        named = _part_patterns()["units_named"].match(stripped)
        if named is None or _known_labels().get(match_key(named.group("label"))) not in UNIT_FIELDS:
            return None
        said = named
    if not _office_names(said.group("units")):
        return None
    return said.start("units"), said.end("units")


def _office_names(names: str) -> bool:
    """Whether a text is made of unit names (their roles aside), one at least an office's by its
    ending (局, 委, 办, 中心…: "全市" or "城区" alone is a place, not who carries a task)."""
    view = match_view(names)
    return _names_units(view) and any(
        prose_patterns()["organisation"].search(part)
        for part in regex.split(r"[、,;\s]+", prose_patterns()["unit_role"].sub("、", view))
        if part
    )


def _bracket_fields(text: str, start: int, inside: str) -> dict[str, str] | None:
    """What a bracket at ``start`` closing an item's task holds, when every part of it is a unit's
    name, a deadline or a word of standing: {"units": …, "deadline": …, "status": …}; None for any
    other bracket (a remark, a count, a size)."""
    view = match_view(inside)
    if LABEL.search(view):
        return None  # "（牵头单位：X；共同责任单位：Y）": its labels say which unit is which
    if match_key(view) in _known_labels():
        return None  # "【责任单位】X": a label in brackets, not a unit's name
    before = [name for label, name in _labels(text[:start]) if label.end() <= start]
    if before and before[-1] in UNIT_FIELDS and not regex.search(r"[。;]\s*$", match_view(text[:start])):
        return None  # "责任单位：…各县(市、区)政府(管委会)": the bracket ends the last unit's name
    if prose_patterns()["includes_bracket"].match(view):
        return None  # "（含宕昌县中医院）": what the count includes, not who is responsible
    spans: dict[str, tuple[int, int]] = {}  # kind → (start of its first part, end of its last)
    bounds = [0, *(i for m in regex.finditer(r"[,;]", view) for i in (m.start(), m.end())), len(view)]
    for begin, end in zip(bounds[::2], bounds[1::2], strict=True):
        part = view[begin:end].strip()
        if not part:
            continue
        if prose_patterns()["bracket_deadline"].match(part):
            kind = "deadline"
        elif layout_patterns()["status_phrase"].match(part):
            kind = "status"
        elif (label := _unit_label_before_names(part)) is not None:
            # "（牵头责任单位县教育局）": a unit label that lost its colon, then the names
            kind, begin = "units", begin + (len(view[begin:end]) - len(view[begin:end].lstrip())) + label
        elif _names_units(part):
            kind = "units"
        else:
            return None
        spans[kind] = (spans.get(kind, (begin, end))[0], end)
    # each kind as printed, from its first part to its last ("市民政局；市财政局" of "（市民政局；市财政局，2023年底）")
    return {kind: inside[a:b].strip() for kind, (a, b) in spans.items()} or None


def _unit_label_before_names(part: str) -> int | None:
    """Where the names start in a bracket's part that opens with a unit label the vocabulary knows and
    no colon after it ("牵头责任单位县教育局" → 6); None when it does not, or no names follow."""
    for end in range(min(len(part) - 2, 2 * MAX_LABEL), 1, -1):
        if _known_labels().get(match_key(part[:end])) in UNIT_FIELDS - {"deadline"} and _names_units(part[end:]):
            return end
    return None


def _names_units(view: str) -> bool:
    """Whether a bracket's part is made of unit names and nothing else ("市发改委、市统计局", "市商务局牵头")."""
    named = prose_patterns()["unit_role"].sub("、", view)
    parts = [p for p in regex.split(r"[、,;\s]+", named) if p]
    if not parts or regex.search(r"\d", named):
        return False  # "（临潭县4个乡镇卫生院和卓尼县7个村卫生室）": a count of places, not units
    return all(looks_like_units(p) for p in parts)


def _units_line(text: str) -> bool:
    """A line of unit names and nothing else ("市教育局", "区发改委、区财政局")."""
    view = match_view(text.strip())
    if not view or len(view) > 40 or regex.search(r"[。:;!?\d]", view):
        return False
    parts = [p for p in regex.split(r"[、,\s]+", view) if p]
    # (a label's word is no unit's name, though it ends like one: 责任单位, 牵头部门)
    return all(looks_like_units(p) and not looks_like_person(p) and match_key(p) not in _known_labels() for p in parts)


def _resolve_units(labels: list[tuple[str, str | None]]) -> list[str]:
    """Each label's key: its field, or its own text for a label of no field or a second claim.

    Of several labels naming unit fields (牵头单位：…，责任单位：…，数据提供单位：…) the one with a
    lead word (牵头, 主办) gives the lead units and the ones with a partner word (配合, 责任,
    协办) the partner units; a synonym outranks a label read by its morphemes."""
    keys: list[str] = [name or match_key(label) for label, name in labels]
    claims = [k for k, (_, name) in enumerate(labels) if name == "lead_units"]
    if len(claims) > 1:
        ranked = sorted(claims, key=lambda k: (not any(w in labels[k][0] for w in LEAD_WORDS), _strength(labels[k][0])))
        winner = ranked[0]
        lead_worded = any(w in labels[winner][0] for w in LEAD_WORDS)
        for k in claims:
            if k == winner:
                continue
            label = labels[k][0]
            own_partner = any(w in label.replace("牵头责任", "").replace("主要责任", "") for w in PARTNER_WORDS)
            if lead_worded and any(w in label for w in LEAD_WORDS) and not own_partner:
                continue  # "市级牵头单位：X；区级牵头单位：Y": a lead at each level, both the row's lead units
            if lead_worded and any(w in label for w in PARTNER_WORDS) and "partner_units" not in keys:
                keys[k] = "partner_units"
            elif not (label in dict(label_synonyms()) and labels[k][1] == "lead_units" and not lead_worded):
                keys[k] = match_key(label)
    return keys


def _strength(label: str) -> float:
    claims = header_candidates(label, morphemes=True)
    return -claims[0][1] if claims else 0.0


def _lead_phrase(value: str) -> tuple[str | None, str]:
    """ "省发展改革委牵头，各地、各部门配合": the units before 牵头 lead, the rest partner ("X、Y按职责
    分工负责": X and Y lead, the duty phrase is no part of a name)."""
    view = match_view(value)
    match = prose_patterns()["lead_role"].search(view.rstrip("。. "))
    if match is None or match.start() == 0:
        return None, ""
    lead = value[: match.start()].strip(" ,，、")
    rest = value[match.end() :]
    rest = regex.sub(r"(?:等)?(?:配合|协办|参与)[。.]?\s*$", "", rest.strip(" ,，;；。"))
    return lead, _clean(rest)


def _without_role(units: str) -> str:
    """Unit names without the words of their role after them ("县卫健委等部门配合" → 县卫健委)."""
    view = match_view(units)
    found = [m for m in prose_patterns()["unit_role"].finditer(view) if not _clean(view[m.end() :]).strip("。.")]
    return units[: found[-1].start()].strip(" ,，、") or units if found else units


def _sentence_view(text: str) -> str:
    """The matching view with an ASCII full stop that ends a sentence read as 。 ("…3万人.上半年…";
    not the point of 2.5)."""
    return ASCII_STOP.sub("。", match_view(text))


def _split_head(
    head: str, run_in: bool = False, plans: bool = False, reports: bool = False
) -> tuple[str | None, str, str | None, bool]:
    """(task, rest, item reference, whether a title sentence was split off) of an item's
    unlabelled head.

    The task ends at an item reference ("（第6项）", kept apart), or at a colon after a name, or
    before the first clause that reports progress (none does in a plan, ``plans``); a head with
    none of these is all task. Under a heading that says its items report (``reports``), a name with
    its report glued on ("和平镇…亩山3.31公里已于2022年12月提前实施完成") is split there too."""
    view = _sentence_view(head)
    stripped = _clean(head)
    if not stripped:
        return None, "", None, False
    reference = prose_patterns()["item_reference"].search(view)
    if reference is not None and reference.start() <= MAX_TASK_NAME:
        name = _clean(head[: reference.start()]) or None
        return name, head[reference.end() :], _clean(head[reference.start() : reference.end()]), False
    colon = _outside_brackets(NAME_END_COLON, view)
    if colon is not None and colon <= MAX_TASK_NAME and not regex.search(r"[。;]", view[:colon]):
        # (a sentence before the colon is no name: "…73项,完成投资33.87亿元。其中:…" opens a list)
        tailed = _reading()["tailed_title"].match(view)
        if tailed is not None and tailed.end() == colon + 1:
            # "边角地孤岛地问题进展情况：…": the report's word glued to the name labels what follows;
            # the name is the task.
            return _clean(head[: tailed.end(1)]) or None, head[colon + 1 :], None, False
        return _clean(head[:colon]) or None, head[colon + 1 :], None, False
    tailed = _reading()["tailed_title"].match(view)
    if tailed and _clean(head[tailed.end() :]):
        # "关于“X”的问题的整改情况。由于…": a first sentence that says what the text reports on;
        # the text after it is that report, whatever words it opens with ("我局已加大力度督促…").
        return _clean(head[: tailed.end(1)]) or None, head[tailed.end() :], None, False
    project = None if plans else prose_patterns()["project_name"].match(view)
    if project is not None and prose_patterns()["project_class"].search(project.group(1)):
        project = None  # "我县省重点项目总投资5亿元，年度计划投资…": a class of projects and its plan
    if project is not None:
        after = view[project.end() :]
        if _clean(after) and (regex.search(r"\d", after) or _reports(after)):
            return _clean(head[: project.end(1)]) or None, head[project.end() :], None, False
    issue = _reading()["named_issue"].match(view) if reports and not plans else None
    if issue is not None and _answer_after(view[issue.end() :]):
        return _clean(head[: issue.end(1)]) or None, head[issue.end() :], None, False
    paragraphs = None if plans else _statement_over_report(head)
    if paragraphs is not None:
        return paragraphs
    title = _title_sentence(head, view, run_in)
    if title is not None and not _reports_within_title(view, plans, reports):
        # The title ends the task before any clause after it that reports ("老旧小区改造工程。该工程
        # 投入资金4351万元，对…进行维修改造。目前，基础工程已全部完工…": all after the title is progress).
        return title
    opener = None if plans else _progress_start(view, reports=reports)
    reporting = None if plans else _first_reporting_sentence(view)
    if opener and reporting is not None and reporting < opener:
        opener = reporting  # "…达到50%以上。我县对…进行了改建，…目前入住…": the report starts sooner
    glued = _report_start(head, comma=False) if run_in and opener else None
    if glued is not None and glued < opener:
        opener = glued  # "一是老旧小区改造正在加快推进，已完工12个": the name's own report starts sooner
    if opener:
        # The task as printed, a title's full stop kept ("五通桥工业基地污水处理厂(一期)。截至…"):
        # most analysts' gold keeps it, as a table cell keeps what it prints.
        return _clean(head[:opener]) or None, head[opener:], None, False
    glued = _report_start(head, comma=False) if reports and not plans else None
    if glued is not None:
        return _clean(head[:glued]) or None, head[glued:], None, False
    if run_in:
        # A run-in item inside a report ("一是深化改革，网上可办率达98.5%"): its action, then what
        # came of it.
        # It ends at its first comma, or sooner where what was done starts: a word of progress
        # ("重点前期项目已开工2项") or a bracket that reports ("竣工项目13项（主体已完工6项）").
        comma = _outside_brackets(compile_rule(r"[,;]"), view)
        ends = [comma] if comma is not None else []
        word = prose_patterns()["progress_word"].search(view)
        if word is not None and word.start() >= 2:
            ends.append(word.start())
        glued = _report_start(head, comma=False)  # "“两免一补”工作已圆满完成": a name, then its report
        if glued is not None:
            ends.append(glued)
        bracket = regex.search(r"\(([^()]*)\)", view)
        if bracket is not None and bracket.start() >= 2 and _reports(bracket.group(1)):
            ends.append(bracket.start())
        if comma is not None and not (regex.search(r"\d", view[comma:]) or _reports(view[comma:])):
            ends.remove(comma)  # "提高报销比例，简化备案流程": two actions, one task; nothing came of it yet
        end = min(ends, default=None)
        if end is not None and end <= MAX_TASK_NAME:
            skip = 1 if end == comma else 0
            return _clean(head[:end]) or None, head[end + skip :], None, False
    if title is not None:
        return title
    if reporting is not None:
        # "落實離島綜合建設…根基。行政處辦理…管考會議已完成。": the sentences that state the task,
        # then the first one that says what was done.
        return _clean(head[:reporting]) or None, head[reporting:], None, False
    return stripped, "", None, False


def _statement_over_report(head: str) -> tuple[str | None, str, str | None, bool] | None:
    """An item's own paragraph that states its target, closed by its stop, over a paragraph that
    reports ("3.新建城市书房10个，改造提升乡镇文化站5个。" / "该项目已完成选址，截至目前建成6个…"): the
    break between them is where the task ends, however the report opens (a sentence that says what
    the project is, "该工程总投资1.2亿元。", before the one that says what was done is the report's
    too). None when the head is one paragraph, its first states no whole sentence, reports itself,
    or nothing after it reports."""
    first, newline, rest = head.partition("\n")
    if not newline or not _clean(rest):
        return None
    view = _sentence_view(first).rstrip()
    if not view.endswith(("。", ";", "!")) or _says_done(view) or not _reports(rest):
        return None
    return _clean(first) or None, rest, None, False


def _says_done(view: str) -> bool:
    """Whether a text says what was done or stands: a clause opening with a report's word (截至…,
    目前…, 已…) or a word of progress (已完成, 同比增长, 正在); not a target that names the work to do
    with its figures ("实现新开工6个小区,力争完成13个小区…改造": a plan's words before 完成 and 开工)."""
    return bool(prose_patterns()["progress_opener"].search(view) or prose_patterns()["progress_word"].search(view))


def _answer_after(view: str) -> bool:
    """Whether the text glued after a problem's name is its answer: it opens with a word that reports
    ("已在7月16日…"), or its first clause runs on as a sentence of its own ("离隰高速公路县协调领导小组办公室
    …函…已发至各乡镇"); not a compound the name goes on into ("问题导向，", "问题清单管理，")."""
    if len(regex.findall(r"\p{Han}", view)) < MIN_RESULT_HAN:
        return False
    if prose_patterns()["report_start"].match(view):
        return True
    clause = regex.match(r"[^,;。]*", view)
    return clause is not None and len(regex.findall(r"\p{Han}", clause.group())) >= MIN_RESULT_HAN


def _title_sentence(head: str, view: str, run_in: bool = False) -> tuple[str | None, str, str | None, bool] | None:
    """A short first sentence that titles the item ("提高养老金待遇。全面落实…"), as _split_head
    returns it; the rest is its description, or its progress when it reports progress. The title
    keeps its full stop as printed, except a run-in item's ("一是强化思想引领。开展…"): there the
    stop ends a sentence of the paragraph, and analysts cut the title without it (14 of 14 dev
    rows). None when the head opens with no such sentence."""
    title = regex.match(rf"\s*([^。;]{{2,{MAX_TITLE_SENTENCE}}})。", view)
    if not title or not _clean(head[title.end() :]):
        return None
    if _states_target(title.group(1)) and not _reports_after_task(head[title.end() :]):
        # Targets one after another ("新建幼儿园14所。创建优质幼儿园20所。"): all the task.
        return _clean(head), "", None, False
    return _clean(head[: title.end() - run_in]) or None, head[title.end() :], None, True


def _title_alone(text: str) -> bool:
    """A short title sentence closed by its full stop and nothing after it ("依法决策部署。")."""
    return bool(regex.fullmatch(rf"\s*[^。;]{{2,{MAX_TITLE_SENTENCE}}}。\s*", _sentence_view(text)))


def _reports_within_title(view: str, plans: bool, reports: bool) -> bool:
    """Whether the first sentence already holds its report after a comma ("城区道路改造项目，目前已完成
    80%。", "新建学校2所，已完成主体工程。", "深化改革，网上可办率达98.5%。"): no title then."""
    end = view.find("。")
    sentence = view[: end if end >= 0 else len(view)]
    if plans:
        return False
    if _progress_start(sentence, reports=reports) is not None:
        return True
    comma = _outside_brackets(compile_rule(r"[,;]"), sentence)
    if comma is None:
        return False
    after = sentence[comma + 1 :]
    return bool(regex.search(r"\d", after)) or _reports(after)


def _first_reporting_sentence(view: str) -> int | None:
    """Where the first sentence that reports progress starts, when sentences that do not report
    come before it; None otherwise."""
    starts = [0] + [m.end() for m in regex.finditer(r"。", view) if m.end() < len(view.rstrip())]
    for start, end in itertools.pairwise([*starts, len(view)]):
        if _reports_after_task(view[start:end]):
            return start if start > 0 else None
    return None


def _states_target(sentence: str) -> bool:
    """A short sentence that states a target with a number (新增城镇就业3万人), not a name."""
    return bool(regex.search(r"\d", regex.sub(r"\([^()]*\)", "", match_view(sentence))))


def _progress_start(view: str, minimum: int = 4, reports: bool = False) -> int | None:
    """Where the first clause that reports progress starts (上半年，…; 截至…; 目前…; 预计…; or,
    after a clause stating a plan, 开工7个…, or any clause so in a text that says it reports:
    "提前开复工重大项目2项，完成投资1902万元"), after ``minimum`` characters of task text; None
    when no clause does."""
    found = [m.start() for m in prose_patterns()["progress_opener"].finditer(view) if m.start() >= minimum]
    if found:
        # An opener says so itself; a clause after a plan word only infers it ("强校计划项目学校
        # 500所,实现1万名…" names a plan, it reports nothing).
        return min(found)
    for match in prose_patterns()["actual_clause"].finditer(view):
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        if start >= minimum and prose_patterns()["plan_word"].search(view[:start]):
            found.append(start)
            break
    if reports:
        for match in prose_patterns()["result_clause"].finditer(view):
            start = match.start() + len(match.group()) - len(match.group().lstrip())
            if start >= minimum:
                found.append(start)
                break
    return min(found) if found else None


def _outside_brackets(pattern: regex.Pattern[str], view: str) -> int | None:
    depth = 0
    for index, ch in enumerate(view):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and pattern.match(ch):
            return index
    return None


def _clean(piece: str) -> str:
    """Trim a piece left by removing a label: spaces, separators, and brackets left unbalanced."""
    piece = piece.strip(" \t\n\u3000\xa0,，;；、:：").rstrip("(（[【〔").strip()
    piece = piece.lstrip("•●◆■▪").strip()  # a bullet opening the piece marks a list, it says nothing
    view = match_view(piece)
    while view.endswith(("]", "】")) and view.count("]") + view.count("】") > view.count("[") + view.count("【"):
        piece, view = piece[:-1].rstrip(" ,，;；、"), view[:-1].rstrip(" ,，;；、")  # "…各街办(新区)]"
    while view.endswith(")") and view.count(")") > view.count("("):
        piece, view = piece[:-1].rstrip(" ,，;；、"), view[:-1].rstrip(" ,，;；、")
    while view.startswith(")"):
        piece, view = piece[1:].lstrip(), view[1:].lstrip()
    if view.startswith("。"):
        # The stop of a sentence closed before the piece ("（责任单位：X）。上半年…"): it goes with it.
        piece, view = piece[1:].lstrip(" \u3000\xa0"), view[1:].lstrip(" \u3000\xa0")
    if view.endswith(("(", "（")):
        piece = piece[:-1].rstrip()
    return piece


def _table(rows: list[tuple[str | None, int | None, dict[str, str]]], numbered: bool = True) -> RawTable:
    present = [f for f in HEADER_LABELS if any(f in cells for _, _, cells in rows)]
    others = list(dict.fromkeys(k for _, _, cells in rows for k in cells if k not in HEADER_LABELS))
    for required in ("seq", "task", "progress", "lead_units") if numbered else ("task", "progress", "lead_units"):
        if required not in present:
            present.append(required)
    order = [f for f in HEADER_LABELS if f in present] + others
    out = [RawRow([RawCell(HEADER_LABELS.get(f, f)) for f in order])]
    section: str | None = None
    for row_section, page, cells in rows:
        if row_section is not None and row_section != section:
            out.append(RawRow([RawCell(row_section)], page=page))
            section = row_section
        out.append(RawRow([RawCell(cells.get(f, "")) for f in order], page=page))
    return RawTable(out, kind="prose", layout="prose")
