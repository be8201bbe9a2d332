"""Hard-wrapped text read as its paragraphs: the lines a PDF's text or a narrow page broke at a fixed
width joined back, so that an item, a label or a cell wrapped over lines is one again.

A wrapped paragraph shows itself by its lines: all but its last fill the page's width to within a
character or two, and they break anywhere, mid-sentence and mid-word. The width is measured, not
assumed: the display width (a Han character or a full-width mark is two columns, an ASCII one) that
the most lines reach. A line that reaches it and does not end a sentence is continued by the next
line, unless the next line opens an item ("2.", "（三）", "①"), a field with a label the vocabulary
knows ("完成情况：") or a table's row; nothing else is joined. A line ends a sentence with 。！？ (a colon
or a semicolon at a line's end runs on: a label waits for its value, a ；-list goes on). A text with
too few such lines is not wrapped and is left as it is.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections import Counter
from functools import cache

import regex

from extractor.headers import is_furniture, label_synonyms, prose_patterns
from extractor.layout.base import Line
from extractor.rules.compiled import compile_rule
from extractor.textnorm import match_key, match_view

MIN_WRAPPED_LINES = 4  # lines that fill the width and break mid-sentence, for a text to read as wrapped
MIN_WRAPPED_SHARE = 0.3  # of the text's long lines (short ones are headings, cells, the last of a paragraph)
SLACK = 4  # columns the lines that show the width may fall short of it (a wide mark that did not fit)
# columns a wrapped line may fall short of the width and still be continued: a number or a Latin word
# is not broken, so the line breaks before it (…新增学 / 位2100个)
FULL_SLACK = 8
# (a run: one ideographic space after an enumerator, "（一）　加快推进…", is a prose line's)
CELL_GAP = compile_rule(r"[|｜\t]|\S[ \u3000]{2,}\S")
MIN_WIDTH = 40  # columns (20 Han characters): a narrower "width" is a column of short lines, not a page
# A line ending so ends its sentence; the next line starts anew. (Not a colon: a label at a line's
# end waits for its value on the next, "…牵头领导:王仁洲责任单位:" / "市公安局…"; nor a semicolon:
# the parts of a ；-list run on, "…后续工作;" / "花神科技园…".)
ENDS_SENTENCE = compile_rule(r"[。！？!?]\s*$")
# A line opening so starts something of its own: an item in any enumerator style prose reads
# (data/layout.toml [prose.styles]), or what only a line's start tells apart here — a lettered or
# Roman item in brackets, a decimal section number, a chapter, a dash, a table's bar.
OPENS_ALSO = compile_rule(
    r"""(?x)^\s*(?:
        [（(]\s*(?:[A-Za-z]|[IVXivx]{1,4}|[Ⅰ-Ⅻ])\s*[)）]
      | [0-9]{1,2}\.[0-9]{1,2}\s
      | 第[一二三四五六七八九十0-9]{1,3}[章节部分]
      | [❶-❿⑴-⒇—－-]
      | [|｜]
    )"""
)


def _opens(text: str) -> bool:
    view = match_view(text)
    return bool(OPENS_ALSO.match(view)) or any(
        pattern.match(view) for name, pattern in prose_patterns().items() if name.startswith("style:")
    )


def display_width(text: str) -> int:
    """Columns ``text`` takes: two for a wide or full-width character, one otherwise."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_width(lines: list[Line]) -> int | None:
    """The width the text's lines were broken at, or None when they were not broken at one."""
    widths = [display_width(line.text.rstrip()) for line in lines if line.text.strip()]
    long_widths = [w for w in widths if w >= MIN_WIDTH]
    if len(long_widths) < MIN_WRAPPED_LINES:
        return None
    # the width most lines come within SLACK of, from below: the page's right edge
    counts = Counter(long_widths)
    reach = {width: sum(counts[w] for w in range(width - SLACK, width + 1)) for width in counts}
    width, count = max(reach.items(), key=lambda item: (item[1], item[0]))
    if count < MIN_WRAPPED_LINES or count < MIN_WRAPPED_SHARE * len(long_widths):
        return None
    if sum(1 for w in long_widths if w > width + SLACK) > count / 4:
        return None  # many lines run past it: the text has no right edge there
    return width


def unwrapped(lines: list[Line]) -> list[Line] | None:
    """``lines`` with each hard-wrapped paragraph joined into one line; None when the text shows no
    wrapping (too few lines fill one width while breaking mid-sentence)."""
    width = wrap_width(lines)
    if width is None:
        return None
    full = [
        bool(line.text.strip())
        and _reaches(line.text, lines[k + 1].text if k + 1 < len(lines) else "", width)
        and not ENDS_SENTENCE.search(line.text)
        and not _table_line(line.text)
        for k, line in enumerate(lines)
    ]
    if sum(full) < MIN_WRAPPED_LINES:
        return None
    numbered = _numbered_rows(lines)
    out: list[Line] = []
    joining = False
    for k, line in enumerate(lines):
        opens = k in numbered or _opens(line.text) or _opens_with_label(line.text)
        if joining and not opens and _opens_report(line.text) and not _mid_clause(out[-1].text):
            # "…年内计划完成投资86亿元" / "开复工项目25个,开复工率78%": a line that opens a report
            # starts anew after a line that ends a clause of its own; a page that broke a sentence
            # before such words broke it mid-clause ("…该项目" / "已完成…" reads on as one).
            opens = True
        if joining and line.text.strip() and not opens and not _table_line(line.text):
            previous = out[-1]
            out[-1] = Line(_joined(previous.text, line.text), previous.page)
        else:
            out.append(line)
        joining = full[k]
    return out


HAN = compile_rule(r"\p{Han}")


def _first_unbroken(text: str) -> str:
    """What a line opens with that a page would not break: up to its first break between two Han
    characters ("在 1996 年 9 月" of "在 1996 年 9 月向…", "2023年" of "2023年完成…", "程" of "程指引")."""
    text = text.lstrip()
    for index in range(1, len(text)):
        if HAN.match(text, index - 1) and HAN.match(text, index):
            return text[:index]
    return text


def _reaches(text: str, following: str, width: int) -> bool:
    """Whether a line fills the width: it comes within FULL_SLACK of it, or the next line's first
    unbreakable stretch would not have fitted after it (so the page broke before it)."""
    used = display_width(text.rstrip())
    if used >= width - FULL_SLACK:
        return True
    return bool(following.strip()) and used + display_width(_first_unbroken(match_view(following))) > width - SLACK


BARE_NUMBER = compile_rule(r"^\s*(\d{1,3})[ \u3000]+(?=\S)")  # "3 公共厕所新建…": a 序号 and a space


def _numbered_rows(lines: list[Line]) -> set[int]:
    """Lines that open with a bare number and a space where the numbers run on from line to line
    ("1 乡村融合…", "2 环宇南路…", "3 公共厕所…": a table's 序号 column with a space for its rule).
    A lone such number is a figure a page broke before ("…约 / 120 名"); one of a run is a row."""
    found = [(k, int(m.group(1))) for k, line in enumerate(lines) if (m := BARE_NUMBER.match(match_view(line.text)))]
    rows = set()
    for (k, n), (k2, n2) in itertools.pairwise(found):
        if n2 == n + 1:
            rows |= {k, k2}
    return rows


@cache
def _report_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """The progress opener ([prose]), the rate clause and the mid-clause line end ([prose.parts]) of
    data/layout.toml."""
    from extractor.rules.data import load

    parts = load("layout")["prose"]["parts"]
    return (
        prose_patterns()["progress_opener"],
        compile_rule(parts["rate_clause"]),
        compile_rule(parts["mid_clause"]),
    )


def _mid_clause(text: str) -> bool:
    """A line ending where its clause cannot (a particle, a conjunction, an open bracket or quote, a
    name's noun waiting for its verb: "…该项目" / "已完成…"): a page broke the sentence there."""
    return bool(_report_patterns()[2].match(match_view(text)))


def _opens_report(text: str) -> bool:
    """A line that opens with a report: a clause of progress (截至…, 目前…, 1-8月…) or a count done with
    its rate ("开复工项目25个,开复工率78%")."""
    view = match_view(text).lstrip()
    opener, sentence, _ = _report_patterns()
    first = regex.split(r"(?<=[。;!?])", view, maxsplit=1)[0]
    return bool(opener.match(view)) or bool(sentence.match(first))


LEADING_LABEL = compile_rule(r"^\s*(\p{Han}{2,10})\s*[:：]")


def _opens_with_label(text: str) -> bool:
    """A line opening with a label the vocabulary knows by name ("完成情况：…", "责任单位："): a field of
    its own, whatever the line before it ended with ("…（牵头单位：X）" / "完成情况：1-9月…")."""
    found = LEADING_LABEL.match(text)
    return found is not None and match_key(found.group(1)) in _label_keys()


@cache
def _label_keys() -> frozenset[str]:
    return frozenset(match_key(synonym) for synonym, _ in label_synonyms())


def _table_line(text: str) -> bool:
    """A line of a table's cells (pipes, tabs or a run of spaces between them) or of the page's
    furniture: its width says nothing of a paragraph's."""
    return bool(CELL_GAP.search(text.strip())) or is_furniture(text)


def _joined(left: str, right: str) -> str:
    """Two parts of a wrapped line as one: no space between Han text, one between two Latin words."""
    left, right = left.rstrip(), right.lstrip()
    if left and right and regex.match(r"[A-Za-z]", left[-1]) and regex.match(r"[A-Za-z]", right[0]):
        return f"{left} {right}"
    return left + right
