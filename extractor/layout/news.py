"""News-style progress reports: prose with no table header, read as rows by evidence.

    2018年10月瓯海民生实事项目工作进展通报
    7项未完成的省市级项目具体为:为残疾人…服务(区民政局),改造提升农村厕所、滨水绿道建设(区综合执法局)…
    【任务】今年,我县承担…     【工作进度】到11月12日,…
    有關「大健康產業」案中「有機農業集團栽培專區」部分,…衛生局指出,…
    一是城南污水厂已完工…;二是…      其一,…其二,…      (1)…(2)…      ①…②…
    大良大桥已完工,于8月2日竣工验收。福龙桥已完成50.5%的工程量…

A short report on a few projects is often written as a news item: a title, then paragraphs in which
each item is a task or a project with its progress. No header names a column, so every other layout
finds nothing (``no_table``). This reading runs only then (``choose_layout`` calls it last, at a low
confidence): it looks for items by what marks them and keeps the first of these readings that finds
items that report, strongest mark first:

- label pairs: a 【任务】 paragraph and the 【工作进度】 paragraph after it, one item; a task label
  that lists and counts its sub-projects (…中的A、B、C等3个子项目) gives one item a name, its
  progress the clauses of the progress label that name it;
- a list after a clause that announces it (…具体为:), each part closed by the units that carry it in a
  bracket: one item a part (a 、-part naming no action joins the task before it);
- enumerated run-in items (一是/其一/第一/(1)/1、/①) counting from one inside a paragraph, or on
  across paragraphs that each open with the next number;
- a short title line over the paragraph that reports on it;
- topics in quotes opening a paragraph (有關「X」案中「Y」部分,…);
- a name and a colon opening a sentence (城南污水厂项目:…; a unit's name there leads the item the
  rest names: 县住建局:…项目已完成…);
- sentences, or clauses after one that reported, that open with a named subject and report on it
  (…项目已完成…, 截至10月底,…大桥目前…, 城镇新增就业完成5200人).

The task is the item's name (the label's text, the quoted topic, the subject before its report);
the progress the rest; units in a bracket after the task, or the unit that speaks (衛生局指出), are
its lead units. Items must report (a word of progress or a figure), there must be at least two of
them (one labelled pair), and the document must read as a report (its text names progress:
data/news.toml ``report_document``) and not as a notice. Nothing is lost: text before, between or
after the items is kept as paragraphs or in the progress of the item it follows, and the words an
item's marks are made of (an enumerator, a quoted topic's phrase, a bracket's role words, who spoke)
in columns of their own that no field reads.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import regex

from extractor.headers import field_for_header, looks_like_units
from extractor.layout.base import Block, Line, trim
from extractor.numerals import numeral_value
from extractor.readers.raw import Paragraph, RawCell, RawRow, RawTable
from extractor.rules.compiled import compile_rule, rule_file_bytes
from extractor.rules.data import RuleDataError
from extractor.textnorm import match_key, match_view

NEWS_CONFIDENCE = 0.3  # the most a news reading is trusted: no header confirms its columns
MIN_ITEMS = 2  # items (unlabelled) for a text to be read as a list of them
# Title lines over reports are weak evidence (a heading and a sub-heading look alike): three of them at
# least, as prose.py asks (tests/test_titled_items.py: two titles are too few).
MIN_TITLED = 3
OUTNUMBERED = 2  # times the items of a stronger mark's reading a weaker one must find to be chosen
MAX_TASK = 60  # characters of an item's task before its report starts
MAX_PARAGRAPHS = 60  # a longer text is no news item
MAX_CHARS = 20_000  # …nor a text of more characters (a line of a megabyte is not read clause by clause)
MAX_LEAD_IN = 20  # characters of a sentence's lead-in before its first item at a clause
HEADER = {"task": "目标任务", "progress": "完成情况", "lead_units": "牵头单位"}
TOPIC = "引语"  # the column keeping a quoted topic's opening phrase (有關「X」案中「Y」部分)
ENUMERATOR = "次序"  # the column of an item's enumerator (其一, (2)): no field's header, so no 序号


@cache
def news_data() -> dict[str, object]:
    """data/news.toml's [news] table, validated like the other rule files of named patterns (the
    helpers of extractor.rules.schema): every ``NAME_examples`` key has its pattern ``NAME``. (Every
    example matching its pattern is a test: tests/test_layout_news.py.)"""
    from extractor.rules.schema import orphan_examples

    data = tomllib.loads(rule_file_bytes("news").decode("utf-8"))
    if set(data) != {"news"}:
        raise RuleDataError(f"extractor/data/news.toml: tables other than [news]: {sorted(set(data) - {'news'})}")
    orphans = orphan_examples(data)
    if orphans:
        raise RuleDataError(f"extractor/data/news.toml: examples with no pattern: {', '.join(orphans)}")
    return dict(data["news"])


@cache
def patterns() -> dict[str, regex.Pattern[str]]:
    data = news_data()
    out = {name: compile_rule(value) for name, value in data.items() if isinstance(value, str)}
    # a subject's name, then its report: right after it, or after a comma or a colon
    end = str(data["subject_end"]).removeprefix("^")
    out["subject_report"] = compile_rule(f"{data['subject']}(?:(?={data['report_start']})|{end})")
    for k, value in enumerate(data["enumerators"]):  # type: ignore[arg-type]
        out[f"enumerator:{k}"] = compile_rule(value)
    return out


@dataclass(slots=True)
class _Item:
    task: str
    progress: str = ""
    units: str = ""
    section: str | None = None
    page: int | None = None
    extra: dict[str, str] = field(default_factory=dict)  # cells of columns no field reads
    labelled: bool = False  # opened by a task label (【任务】): one is evidence enough
    listed: bool = False  # a part of a list whose parts close with their units: a task, reported or not


@dataclass(slots=True)
class _Reading:
    before: list[Paragraph] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)
    after: list[Paragraph] = field(default_factory=list)
    # a title line (a heading over a report) taken into an item's progress with the report under it:
    # the items found are not the text's own (省立医院二期项目:… under a title, then the next title
    # and its report): no reading. (A title line closing the text, a signature, is no heading.)
    swallowed: bool = False
    heading: bool = False  # the last paragraph taken into an item's progress was a title line


def news_items(lines: list[Line]) -> list[Block] | None:
    """The items of a news-style report in ``lines`` as a table, or None when it is none."""
    paragraphs = [(trim(line.text), line.page) for line in lines if line.text.strip()]
    if not paragraphs or len(paragraphs) > MAX_PARAGRAPHS or sum(len(t) for t, _ in paragraphs) > MAX_CHARS:
        return None
    view = match_view("\n".join(text for text, _ in paragraphs))
    p = patterns()
    if not p["report_document"].search(view) or any(p["notice"].search(match_view(t)) for t, _ in paragraphs):
        return None
    readings = [
        _labelled(paragraphs),
        _bracket_lists(paragraphs),
        _enumerated(paragraphs),
        _titled(paragraphs),
        _quoted_topics(paragraphs),
        _colon_named(paragraphs),
        _subjects(paragraphs),
    ]
    # the first mark that reads the text as items wins (a label or an enumerator marks its items
    # itself, a subject read before its report is the weakest evidence), unless a weaker one finds
    # many times its items: two (1)(2) in one paragraph of a text reporting project after project
    viable = [r for r in readings if r is not None and _reports(r)]
    if not viable:
        return None
    best = viable[0]
    for reading in viable[1:]:
        if len(reading.items) > OUTNUMBERED * len(best.items):
            best = reading
    return [*best.before, _table(best.items), *best.after]


def _reports(reading: _Reading) -> bool:
    """Enough items, most of them reporting (a progress word or a figure in the item's text)."""
    if reading.swallowed:
        return False
    labelled = any(item.labelled for item in reading.items)
    if len(reading.items) < (1 if labelled else MIN_ITEMS):
        return False
    listed = any(item.listed for item in reading.items)
    word = patterns()["report_word"]
    reporting = sum(1 for item in reading.items if word.search(match_view(f"{item.task}。{item.progress}")))
    return listed or reporting * 2 > len(reading.items)


def _continue(out: _Reading, text: str, page: int | None) -> None:
    """A paragraph that opens no item: before the first, the report's opening; after one, more of its
    progress, unless it closes the report (下一步…, 请各…, a date) or is a page's furniture."""
    view = match_view(text)
    if not out.items:
        out.before.append(Paragraph(text, page=page))
    elif out.after or patterns()["closing"].match(view) or patterns()["furniture"].search(view):
        out.after.append(Paragraph(text, page=page))
    else:
        out.swallowed = out.swallowed or out.heading
        out.heading = bool(patterns()["title_line"].match(view))
        out.items[-1].progress = _join(out.items[-1].progress, text)


def _add(out: _Reading, item: _Item) -> None:
    """The next item; paragraphs set aside as a closing before it were the item's before it."""
    if out.after and out.items:
        for paragraph in out.after:
            out.items[-1].progress = _join(out.items[-1].progress, paragraph.text)
        out.after = []
    out.items.append(item)
    out.heading = False


# --------------------------------------------------------------------------- the item marks


def _labelled(paragraphs: list[tuple[str, int | None]]) -> _Reading | None:
    """【任务】… then 【工作进度】…: one item a task label, its progress the progress label's text."""
    p = patterns()
    out = _Reading()
    current: _Item | None = None
    for text, page in paragraphs:
        view = match_view(text)
        task = p["task_label"].match(view)
        progress = p["progress_label"].match(view)
        if task:
            current = _Item(_clean(text[task.end() :]), page=page, labelled=True)
            out.items.append(current)
        elif progress and current is not None:
            current.progress = _join(current.progress, _clean(text[progress.end() :]))
        elif current is not None and current.progress:
            _continue(out, text, page)
        elif current is not None:
            current.task = _join(current.task, text)
        else:
            out.before.append(Paragraph(text, page=page))
    if not out.items or not all(item.progress for item in out.items):
        return None
    out.items = [sub for item in out.items for sub in _listed_names(item)]
    return out


MIN_NAME = 2  # characters of a listed name
MAX_SHARED = 2  # names one clause reports on together (英山大桥、白合大桥均已…); more is the list again
LISTING = "列举原文"  # the labelled task as written, kept with its first listed name
UNCLAIMED = "未归属文字"  # clauses of its progress that name no listed name


def _listed_names(item: _Item) -> list[_Item]:
    """A labelled task that lists its sub-projects and counts them (…中的A、B等2个子项目): one item a
    listed name, its progress the progress's clauses that name it, and those that follow naming none;
    what no name claims stays with the first item (LISTING, UNCLAIMED: columns no field reads)."""
    p = patterns()
    view = match_view(item.task)
    names: list[str] = []
    for listed in p["counted_names"].finditer(view):
        parts = listed.group("names").split("、")
        lead_ins = list(p["names_lead_in"].finditer(parts[0]))
        if lead_ins:
            parts[0] = parts[0][lead_ins[-1].end() :]
        offset = listed.start("names")
        for part in parts:
            at = view.index(part, offset)
            offset = at + len(part)
            name = _clean(item.task[at : at + len(part)])
            if len(name) >= MIN_NAME:
                names.append(name)
    if len(names) < MIN_ITEMS:
        return [item]
    cores = [p["name_tail"].sub("", match_view(name)) or match_view(name) for name in names]
    claims: list[list[str]] = [[] for _ in names]
    unclaimed: list[str] = []
    owners: list[int] = []
    progress_view = match_view(item.progress)
    for clause in regex.finditer(r"[^。;,]+[。;,]?", progress_view):
        text = item.progress[clause.start() : clause.end()]
        named = [k for k, core in enumerate(cores) if core in clause.group()]
        if len(named) > MAX_SHARED:  # the list said again (…中的A、B、C等5个子项目): no one's report
            owners = []
            unclaimed.append(text)
            continue
        owners = named or owners
        for k in owners:
            claims[k].append(text)
        if not owners:
            unclaimed.append(text)
    items = []
    for k, name in enumerate(names):
        progress = _clean("".join(claims[k])).rstrip(";")
        items.append(_Item(name, progress, page=item.page, section=item.section, labelled=True))
    items[0].extra[LISTING] = item.task
    if unclaimed:
        items[0].extra[UNCLAIMED] = _clean("".join(unclaimed))
    return items


def _bracket_lists(paragraphs: list[tuple[str, int | None]]) -> _Reading | None:
    """…具体为:A(区民政局),B、C(区综合执法局)…: one item a part, its units the bracket's."""
    out = _Reading()
    for text, page in paragraphs:
        found = _bracket_list_items(text, page)
        if found is None:
            (out.after if out.items else out.before).append(Paragraph(text, page=page))
            continue
        lead, items, rest = found
        target = out.after if out.items else out.before
        if lead:
            target.append(Paragraph(lead, page=page))
        out.items.extend(items)
        out.after.extend(Paragraph(piece, page=page) for piece in rest if piece)
    return out if len(out.items) >= MIN_ITEMS else None


def _bracket_list_items(text: str, page: int | None) -> tuple[str, list[_Item], list[str]] | None:
    p = patterns()
    view = match_view(text)
    items: list[_Item] = []
    lead = ""
    between: list[str] = []  # text between two lists: kept as paragraphs after them
    position = 0
    # sentences: each may announce a list (…具体为:) whose parts end in unit brackets
    for sentence in regex.finditer(r"[^。!?]+[。!?]?", view):
        s_view = sentence.group()
        colon = s_view.find(":")
        if colon < 0:
            continue
        intro = p["list_intro"].search(s_view[: colon + 1])
        if intro is None:
            continue
        body_start = sentence.start() + colon + 1
        body_end = sentence.end()
        body = view[body_start:body_end]
        parts = [m for m in regex.finditer(r"[^,;。]+", body)]
        if len(parts) < MIN_ITEMS:
            continue
        found: list[_Item] = []
        for part in parts:
            start = body_start + part.start()
            closing = _closing_units(text[start : body_start + part.end()])
            if closing is None:
                found = []
                break
            at, units, role = closing
            section = _clean(text[sentence.start() + intro.start("intro") : sentence.start() + intro.end("intro")])
            for task in _tasks_of(text[start : start + at]):
                extra = {ROLE: role} if role else {}
                found.append(_Item(task, units=units, section=section, page=page, extra=extra, listed=True))
        if len(found) < MIN_ITEMS:
            continue
        if not items:
            lead = text[: sentence.start() + intro.start("intro")]
        elif _clean(text[position : sentence.start() + intro.start("intro")]):
            between.append(_clean(text[position : sentence.start() + intro.start("intro")]))
        items.extend(found)
        position = body_end
    if not items:
        return None
    return _clean(lead), items, [*between, _clean(text[position:])]


ROLE = "单位括注"  # the column keeping a unit bracket's label and role words (责任单位:, 牵头)


def _closing_units(text: str) -> tuple[int, str, str] | None:
    """A bracket of units closing ``text`` ("…(区住建局等)", "…(责任单位:区交通局)"): where it starts,
    the units (with 等) and its label and role words; None when the text ends in no such bracket."""
    view = match_view(text)
    bracket = None
    for found in patterns()["unit_bracket"].finditer(view):
        bracket = found
    if bracket is None or bracket.end() < len(view.rstrip(" 。;,")) or not looks_like_units(bracket.group("units")):
        return None
    units = _clean(
        text[bracket.start("units") : bracket.end("others") if bracket.group("others") else bracket.end("units")]
    )
    role = "".join(_clean(text[bracket.start(g) : bracket.end(g)]) for g in ("label", "role") if bracket.group(g))
    return bracket.start(), units, role


def _tasks_of(name: str) -> list[str]:
    """The tasks of a 、-list sharing one unit: a part that opens with an action is a task of its own
    (改造提升农村厕所、滨水绿道建设), one that names none joins the task before it (新增城市书房、百姓书屋;
    新建、改扩建旅游厕所: an action with no object joins the one after it)."""
    action = patterns()["action"]
    tasks: list[str] = []
    pending = ""
    for part in [piece for piece in regex.split(r"(、)", name)]:
        if part == "、":
            continue
        piece = _clean(part)
        if not piece:
            continue
        view = match_view(piece)
        if pending:
            piece, pending = f"{pending}、{piece}", ""
        elif tasks and not action.search(view[:4]) and not view.endswith(("建设", "改造", "治理", "整治")):
            tasks[-1] = f"{tasks[-1]}、{piece}"
            continue
        if action.fullmatch(view):  # an action alone: its object is the next part's
            pending = piece
            continue
        tasks.append(piece)
    if pending:
        tasks.append(pending)
    return tasks


def _enumerated(paragraphs: list[tuple[str, int | None]]) -> _Reading | None:
    """一是…二是… / 其一…其二… / (1)…(2)… counting from one: one item each. A count runs inside a
    paragraph, or on across paragraphs that each open with its next number (第一,… / 第二,…)."""
    p = patterns()
    styles = [v for k, v in p.items() if k.startswith("enumerator:")]
    out = _Reading()
    counting: tuple[int, int] | None = None  # the style counted so far, and the number it expects next
    for k, (text, page) in enumerate(paragraphs):
        view = match_view(text)
        following = match_view(paragraphs[k + 1][0]) if k + 1 < len(paragraphs) else ""
        found = _run(view, following, styles, counting)
        if found is None:
            counting = None
            _continue(out, text, page)
            continue
        style, first, run = found
        counting = (style, first + len(run))
        lead = text[: run[0][0]]
        section = None
        if _clean(lead):
            lead_view = match_view(_clean(lead))
            if lead_view.endswith(":") and len(lead_view) <= MAX_TASK:
                section = _clean(lead).rstrip(":：")
            else:
                _continue(out, _clean(lead), page)
        for (start, end), after in zip(run, [*run[1:], (len(text), len(text))], strict=True):
            item = _split(text[end : after[0]], page)
            item.section = section
            item.extra[ENUMERATOR] = _clean(text[start:end])  # kept, in a column no field reads
            _add(out, item)
    return out if len(out.items) >= MIN_ITEMS else None


def _run(
    view: str, following: str, styles: list[regex.Pattern[str]], counting: tuple[int, int] | None
) -> tuple[int, int, list[tuple[int, int]]] | None:
    """The style, first number and enumerators of ``view`` that count on: the count of the paragraphs
    before, where this one opens with its next number; else the longest count from one inside it (two
    items at least, or one opening it whose next number opens the ``following`` paragraph)."""
    if counting is not None:
        style, number = counting
        run = _counted(view, styles[style], number)
        if run and run[0][0] == 0:
            return style, number, run
    best: tuple[int, int, list[tuple[int, int]]] | None = None
    for style, pattern in enumerate(styles):
        run = _counted(view, pattern, 1)
        alone = len(run) == 1 and run[0][0] == 0 and _opens_with(following, pattern, 2)
        if (len(run) >= MIN_ITEMS or alone) and (best is None or len(run) > len(best[2])):
            best = (style, 1, run)
    return best


def _counted(view: str, pattern: regex.Pattern[str], first: int) -> list[tuple[int, int]]:
    """The enumerators of one style in ``view`` counting on from ``first``."""
    run: list[tuple[int, int]] = []
    for match in pattern.finditer(view):
        if _number(match.group(1)) == first + len(run):
            run.append((match.start(), match.end()))
    return run


def _opens_with(view: str, pattern: regex.Pattern[str], number: int) -> bool:
    match = pattern.match(view)
    return match is not None and _number(match.group(1)) == number


def _number(token: str) -> int | None:
    """An enumerator's number: ① → 1, else the numeral as every enumerator reads it (numerals.py)."""
    if "\u2460" <= token <= "\u2473":
        return ord(token) - 0x2460 + 1
    return numeral_value(token)


def _titled(paragraphs: list[tuple[str, int | None]]) -> _Reading | None:
    """A short title line (no clause punctuation) over the paragraph that reports on it: one item
    each. The document's first line is its own title, not an item's."""
    p = patterns()
    out = _Reading()
    for k, (text, page) in enumerate(paragraphs):
        view = match_view(text)
        following = match_view(paragraphs[k + 1][0]) if k + 1 < len(paragraphs) else ""
        if (
            k > 0
            and p["title_line"].match(view)
            and not p["furniture"].search(view)
            and not p["not_a_name"].match(view)
            and not _field_label(text)
            and not p["title_line"].match(following)
            and p["report_word"].search(following)
        ):
            item = _Item(_clean(text), page=page)
            closing = _closing_units(text)
            if closing is not None:
                item.task, item.units = _clean(text[: closing[0]]), closing[1]
                item.extra.update({ROLE: closing[2]} if closing[2] else {})
            _add(out, item)
            continue
        _continue(out, text, page)
    if any(not item.progress for item in out.items):
        return None
    for item in out.items:
        _attribute(item)
    return out if len(out.items) >= MIN_TITLED else None


def _quoted_topics(paragraphs: list[tuple[str, int | None]]) -> _Reading | None:
    """Paragraphs that open with a topic in quotes (有關「X」案中「Y」部分,…): one item each."""
    p = patterns()
    out = _Reading()
    for text, page in paragraphs:
        view = match_view(text)
        topic = p["quoted_topic"].match(view)
        if topic is None:
            _continue(out, text, page)
            continue
        item = _Item(_clean(text[topic.start("name") : topic.end("name")]), page=page)
        if topic.group("outer"):
            item.section = _clean(text[topic.start("outer") : topic.end("outer")])
        item.extra[TOPIC] = _clean(text[: topic.end()])  # the whole opening phrase, its words kept
        item.progress = _clean(text[topic.end() :])
        _attribute(item)
        _add(out, item)
    return out if len(out.items) >= MIN_ITEMS else None


def _subjects(paragraphs: list[tuple[str, int | None]]) -> _Reading | None:
    """Sentences that open with a named subject and report on it (大良大桥已完工,…; 截至10月底,…项目
    已完成…): one item each; a sentence with no subject of its own continues the item before it."""
    return _sentence_items(paragraphs, _subject_at)


def _colon_named(paragraphs: list[tuple[str, int | None]]) -> _Reading | None:
    """Paragraphs or sentences that open with a name and a colon (就业创业:…): one item each."""
    return _sentence_items(paragraphs, _colon_at)


def _subject_at(view: str, start: int, end: int, clause: bool = False) -> tuple[int, int, int] | None:
    """Where the subject's name starts and ends in the sentence view[start:end], and its report starts.
    A clause inside a sentence opens an item only with its report right after the name."""
    p = patterns()
    piece = view[start:end]  # (a pattern's ^ holds only at the string's start, not at a pos)
    time = None if clause else p["time_lead"].match(piece)
    at = time.end() if time else 0
    for name in ("subject_report", "subject_any"):
        head = p[name].match(piece[at:])
        if head is None:
            continue
        text = head.group("name")
        if p["not_a_name"].match(text) or _field_label(text) or p["furniture"].search(text):
            continue
        if clause and regex.match(r"\s*[,:]", piece[at + head.end("name") : at + head.end()]):
            continue
        offset = start + at
        return offset + head.start("name"), offset + head.end("name"), offset + head.end()
    return None


def _colon_at(view: str, start: int, end: int, clause: bool = False) -> tuple[int, int, int] | None:
    if clause:
        return None
    p = patterns()
    head = p["colon_name"].match(view[start:end])
    if head is None:
        return None
    text = head.group("name")
    if not regex.search(r"\p{Han}{2}", text):
        return None
    if p["not_a_name"].match(text) or _field_label(text) or p["furniture"].search(text):
        return None
    return start + head.start("name"), start + head.end("name"), start + head.end()


def _sentence_items(
    paragraphs: list[tuple[str, int | None]], find: Callable[..., tuple[int, int, int] | None]
) -> _Reading | None:
    """Items opened by ``find`` at a sentence's start, or at a clause's (after , or 、) where the
    text since the last item has reported already (A项目已完成…,B工程已竣工; not 英山大桥、白合大桥均已…)."""
    out = _Reading()
    word = patterns()["report_word"]
    for text, page in paragraphs:
        view = match_view(text)
        starts: list[tuple[int, int, int, int]] = []
        for sentence in regex.finditer(r"[^。!?;]+[。!?;]?", view):
            found = find(view, sentence.start(), sentence.end())
            if found is not None:
                starts.append((sentence.start(), *found))
            for comma in regex.finditer(r"[,、]", view[sentence.start() : sentence.end()]):
                at = sentence.start() + comma.end()
                since = starts[-1][3] if starts and starts[-1][0] >= sentence.start() else None
                if since is None and at - sentence.start() > MAX_LEAD_IN:
                    continue  # a sentence's first item after a short lead-in (剩余8项中,…) only
                if since is not None and (since >= at or not word.search(view[since:at])):
                    continue
                found = find(view, at, sentence.end(), clause=True)
                if found is not None:
                    starts.append((at, *found))
        if not starts:
            _continue(out, text, page)
            continue
        lead = _clean(text[: starts[0][0]])
        if lead:
            _continue(out, lead, page)
        for (first, name_start, name_end, report), following in zip(starts, [*starts[1:], (len(text),)], strict=True):
            item = _Item(_clean(text[name_start:name_end]), _clean(text[report : following[0]]), page=page)
            time = _clean(text[first:name_start])
            if time:  # the time that led the sentence is the report's
                item.progress = f"{time},{item.progress}" if item.progress else time
            if looks_like_units(item.task):  # 县住建局:城南污水厂项目已完成… names who, then what
                what = _split(item.progress, page)
                if what.task and what.progress:
                    what.units = what.units or item.task
                    item = what
            _attribute(item)
            _add(out, item)
    return out if len(out.items) >= MIN_ITEMS else None


# --------------------------------------------------------------------------- an item's parts


def _split(text: str, page: int | None) -> _Item:
    """An enumerated item's text: its task (a label before a colon, the subject before its report,
    or its first clause when short) and its progress (the rest); a unit bracket after the task, or the
    unit that speaks, gives the lead units."""
    p = patterns()
    text = _clean(text)
    view = match_view(text)
    end = None
    colon = regex.match(rf"^([^,;。:]{{2,{MAX_TASK}}}?)\s*:", view)
    head = p["subject_report"].match(view)
    if colon is not None and not _field_label(colon.group(1)):
        end, report = colon.end(1), colon.end()
    elif head is not None and not p["not_a_name"].match(head.group("name")):
        end, report = head.end("name"), head.end()
    else:
        clause = regex.match(rf"^[^,;。]{{2,{MAX_TASK}}}[,;。]", view)
        if clause is not None and len(view) > clause.end():
            end, report = clause.end() - 1, clause.end()
        else:
            end, report = len(text), len(text)
    task = text[:end]
    units = role = ""
    closing = _closing_units(task)
    if closing is not None:
        task, units, role = task[: closing[0]], closing[1], closing[2]
    progress = _clean(text[report:])
    item = _Item(_clean(task), progress, units, page=page)
    item.extra.update({ROLE: role} if role else {})
    _attribute(item)
    return item


MAX_FIELD_LABEL = 6  # characters of a field's label (完成情况, 项目名称); a longer name is a task's


def _field_label(name: str) -> bool:
    """A field's label (完成情况, 牵头单位), not a task's name (人民医院新院区项目 holds 项目 too)."""
    return len(match_key(name)) <= MAX_FIELD_LABEL and field_for_header(name) is not None


SOURCE = "来源"  # the column keeping who said a report (衛生局指出,) where it opened the progress


def _attribute(item: _Item) -> None:
    """The unit that reports the item (衛生局指出, 社會處表示) is its lead unit when it has none; where
    the attribution opens the progress, it is no part of the report (kept in a column of its own)."""
    for match in patterns()["speaker"].finditer(match_view(item.progress)):
        name = item.progress[match.start(1) : match.end(1)]
        if not looks_like_units(name):
            continue
        item.units = item.units or _clean(name)
        if not _clean(item.progress[: match.start(1)]):
            end = match.end() + len(regex.match(r"\s*[,:]?\s*", match_view(item.progress[match.end() :])).group())
            item.extra[SOURCE] = _clean(item.progress[:end])
            item.progress = _clean(item.progress[end:])
        return


def _clean(text: str) -> str:
    return trim(text).strip(",，;；、 ")


def _join(first: str, second: str) -> str:
    return f"{first}{second}" if first else second


def _table(items: list[_Item]) -> RawTable:
    extras = list(dict.fromkeys(k for item in items for k in item.extra))
    order = ["task", "progress", "lead_units", *extras]
    out = [RawRow([RawCell(HEADER.get(f, f)) for f in order])]
    section: str | None = None
    for item in items:
        if item.section is not None and item.section != section:
            out.append(RawRow([RawCell(item.section)], page=item.page))
            section = item.section
        values = {"task": item.task, "progress": item.progress, "lead_units": item.units, **item.extra}
        out.append(RawRow([RawCell(values.get(f, "")) for f in order], page=item.page))
    return RawTable(out, kind="prose", layout="news")
