"""What every span finder shares: trimming a match's edge spaces, and keeping the longest matches.

Figure and date rules both run many patterns over a cell's matching view; where two candidates
overlap, the longer wins (then the rule listed first, then the earlier one), and the result is in
reading order.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Generic, NamedTuple, Protocol, TypeVar


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


def trimmed(view: str, start: int, end: int) -> tuple[int, int]:
    """The match without the edge whitespace a pattern allowed between its parts."""
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    return start, end


def longest_first(candidates: list[tuple[int, S]]) -> list[S]:
    """Non-overlapping spans from (rule order, span) candidates, longest first, in reading order."""
    chosen: list[S] = []
    for _, span in sorted(candidates, key=lambda c: (-(c[1].end - c[1].start), c[0], c[1].start)):
        if all(span.end <= s.start or span.start >= s.end for s in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


# --- Required characters: a cheap test that a pattern cannot match a text --------------------------
#
# A rule pattern is tried at every position of a cell, and most rules find nothing in most cells
# (a percent rule in a cell without %). Which characters a match must consume follows from the
# pattern's syntax: a literal must be there, one branch of an alternation must, a repeat of at
# least one must. ``required_chars`` reads that from the parsed pattern as a conjunction of
# character sets (each set: at least one of its characters is in every match); ``may_match``
# tests it against the characters of a text. The test is a necessary condition, never a
# sufficient one: skipping a pattern it rules out changes no result.

_MAX_RANGE = 4096  # a class range wider than this ([一-龥]) is too wide to be worth a set


def required_chars(pattern: str, flags: int = 0) -> tuple[frozenset[str], ...]:
    """Sets of characters, one character of each of which every match of ``pattern`` consumes.

    Empty when nothing is known (a pattern the standard parser cannot read, case-insensitive
    matching, a pattern that may match without consuming a named character)."""
    try:
        items = _case_sensitive_items(pattern, flags)
    except Exception:  # syntax of the ``regex`` module only (\p{Han} in a class): no test, every text is tried
        return ()
    return () if items is None else _simplified(_required(items))


def _case_sensitive_items(pattern: str, flags: int = 0) -> list[tuple[Any, Any]] | None:
    """The standard library's parse of ``pattern`` (its syntax is shared with ``regex``), or None when
    matching ignores case (then no character is required as written). Raises on syntax of the
    ``regex`` module only."""
    import re
    from re import _parser as parser

    if flags & re.IGNORECASE:
        return None
    parsed = parser.parse(_portable(pattern, flags), flags & (re.VERBOSE | re.DOTALL | re.MULTILINE))
    if parsed.state.flags & re.IGNORECASE:
        return None
    return list(parsed)


class CharGate:
    """The characters of a text that some rule of a family requires, found by one scan (a class of
    those characters) instead of a set of every character of the text."""

    def __init__(self, required: list[tuple[frozenset[str], ...]]) -> None:
        wanted = sorted(set().union(*(s for sets in required for s in sets)))
        self._class = _class_of(wanted) if wanted else None
        self.present = lru_cache(maxsize=16)(self._present)  # a row's cells: every rule of a family reads them

    def _present(self, view: str) -> frozenset[str]:
        return frozenset(self._class.findall(view)) if self._class is not None else frozenset()


def _class_of(chars: list[str]) -> Any:
    """The standard ``re`` pattern of a class of these characters (its search is quicker than the
    ``regex`` module's on short texts), its code kept in the rule cache (``compiled.compile_standard``)."""
    import re

    from extractor.rules.compiled import compile_standard

    return compile_standard("[" + "".join(re.escape(c) for c in chars) + "]")


R = TypeVar("R")


class RuleGate(CharGate, Generic[R]):
    """A family's rules with their required characters: ``tried(view)`` lists (order, rule) of the
    rules that may match the text, the same list for every text holding the same required characters."""

    def __init__(self, rules: tuple[R, ...], required: list[tuple[frozenset[str], ...]]) -> None:
        super().__init__(required)
        self._rules = tuple(enumerate(rules))
        self._required = required
        self._tried: dict[frozenset[str], tuple[tuple[int, R], ...]] = {}

    def tried(self, view: str) -> tuple[tuple[int, R], ...]:
        chars = self.present(view)
        found = self._tried.get(chars)
        if found is None:
            found = tuple(pair for pair in self._rules if may_match(self._required[pair[0]], chars))
            if len(self._tried) >= _MAX_TRIED:  # texts of a thousand different mixes: start again
                self._tried.clear()
            self._tried[chars] = found
        return found


_MAX_TRIED = 4096  # required-character mixes remembered per family (each a tuple of rules)


def may_match(required: tuple[frozenset[str], ...], chars: frozenset[str] | set[str]) -> bool:
    """Whether a text holding ``chars`` has a character of every required set."""
    for needed in required:  # noqa: SIM110 - a loop: no generator per call (called per rule per cell)
        if chars.isdisjoint(needed):
            return False
    return True


class Holds:
    """``may_match`` read on a text itself, without a set of its characters: a character of every
    required set, a lone character found by ``in``, a set by one scan of its class. For a pattern
    tried once on a text (a clause, a cell), where its regex search would cost more than the test."""

    __slots__ = ("_classes", "_singles")

    def __init__(self, required: tuple[frozenset[str], ...]) -> None:
        self._singles = tuple(next(iter(needed)) for needed in required if len(needed) == 1)
        self._classes = tuple(_class_of(sorted(needed)).search for needed in required if len(needed) > 1)

    def __call__(self, text: str) -> bool:
        for char in self._singles:
            if char not in text:
                return False
        for search in self._classes:  # noqa: SIM110 - a loop: no generator per call
            if search(text) is None:
                return False
        return True


# --- First characters: where a match may start ----------------------------------------------------
#
# A pattern that opens with optional parts or a lookbehind (截至…? (?<![\d.]) 2023年3月) is tried at
# every position of a cell by the regex engine. The characters a match can start with follow from
# the syntax, as the required characters do; a lookahead of them in front, ``(?=[…])(?:pattern)``,
# lets the engine pass over every other position. It finds the same matches: a match starting at a
# position consumes that position's character, which is one of them (a pattern that may match
# nothing is left alone).


class _Unknown(Exception):
    """A part whose first characters are not known as a class (a negated class, ``.``, a reference)."""


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w"}


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A character class (regex source) holding the first character of every match of ``pattern``,
    or None when that is not known or a match may be empty."""
    try:
        items = _case_sensitive_items(pattern, flags)
        if items is None:
            return None
        members, nullable = _first(items)
    except Exception:  # syntax of the ``regex`` module only, or a part not known: no lookahead
        return None
    if nullable or not members:
        return None
    return "[" + "".join(dict.fromkeys(members)) + "]"


def _first(items: list[tuple[Any, Any]]) -> tuple[list[str], bool]:
    """The class members a sequence may start with, and whether it may match nothing."""
    members: list[str] = []
    for op, av in items:
        found, nullable = _first_of(op, av)
        members += found
        if not nullable:
            return members, False
    return members, True


def _first_of(op: Any, av: Any) -> tuple[list[str], bool]:
    import re
    from re import _constants as c

    if op is c.LITERAL:
        return [re.escape(chr(av))], False
    if op is c.IN:
        return [_class_member(o, a) for o, a in av], False
    if op is c.BRANCH:
        members: list[str] = []
        nullable = False
        for branch in av[1]:
            found, empty = _first(list(branch))
            members += found
            nullable |= empty
        return members, nullable
    if op is c.SUBPATTERN:
        _, add_flags, _, inner = av
        if add_flags & c.SRE_FLAG_IGNORECASE:
            raise _Unknown(op)
        return _first(list(inner))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, inner = av
        found, empty = _first(list(inner))
        return found, empty or low == 0
    if op is c.ATOMIC_GROUP:
        return _first(list(av))
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return [], True  # consumes nothing: the next part holds the first character
    raise _Unknown(op)  # ANY, NOT_LITERAL, references, conditionals


def _class_member(op: Any, av: Any) -> str:
    import re
    from re import _constants as c

    if op is c.LITERAL:
        return re.escape(chr(av))
    if op is c.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    if op is c.CATEGORY and str(av) in _CATEGORIES:
        return _CATEGORIES[str(av)]
    raise _Unknown(op)  # a negated class, a negated category: too wide to be worth a lookahead


def _portable(pattern: str, flags: int) -> str:
    """``pattern`` as the standard parser reads it: names used twice unnamed, and a Unicode property
    (``\\p{Han}``, ``\\P{…}``, syntax of the ``regex`` module only) outside a class read as any
    character: every match of the pattern matches the result, so what the result requires the pattern
    requires too (one character: a lookbehind keeps its width). A property inside a class, or a
    verbose pattern (a comment may hold a bracket), is left: the standard parser refuses it."""
    return _unnamed_groups(_any_for_properties(pattern, flags))


def _any_for_properties(pattern: str, flags: int) -> str:
    import re

    if "\\p{" not in pattern and "\\P{" not in pattern:
        return pattern
    if flags & re.VERBOSE or "(?x" in pattern or "[:" in pattern:  # a comment, a POSIX class [[:alpha:]]
        return pattern
    out: list[str] = []
    index, in_class = 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            if pattern[index + 1 : index + 2] in ("p", "P") and pattern[index + 2 : index + 3] == "{":
                close = pattern.find("}", index)
                if in_class or close < 0:
                    return pattern
                out.append("(?s:.)")
                index = close + 1
            else:
                out.append(pattern[index : index + 2])  # an escape, the escaped character read with it
                index += 2
            continue
        out.append(char)
        index += 1
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            for opening in ("^", "]"):  # [^…, []…] and [^]…]: a first ] is a member
                if pattern[index : index + 1] == opening:
                    out.append(opening)
                    index += 1
    return "".join(out)


def _unnamed_groups(pattern: str) -> str:
    # The standard parser refuses a group name used twice (alternatives of one rule share names);
    # names do not change what a pattern consumes. A named back-reference keeps its name, so a
    # pattern with one fails to parse and is simply not tested.
    import re

    return re.sub(r"(?<!\\)((?:\\\\)*)\(\?P?<(?![=!])\w+>", r"\1(?:", pattern)


def _required(items: list[tuple[Any, Any]]) -> list[frozenset[str]]:
    """The required sets of a sequence: every item's, since every item is matched."""
    out: list[frozenset[str]] = []
    for op, av in items:
        out.extend(_required_of(op, av))
    return out


def _required_of(op: Any, av: Any) -> list[frozenset[str]]:
    from re import _constants as c

    if op is c.LITERAL:
        return [frozenset(chr(av))]
    if op is c.IN:
        members = _class_members(av)
        return [members] if members else []
    if op is c.BRANCH:
        return _either([list(branch) for branch in av[1]])
    if op is c.SUBPATTERN:
        _, add_flags, _, inner = av
        return [] if add_flags & c.SRE_FLAG_IGNORECASE else _required(list(inner))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, inner = av
        return _required(list(inner)) if low >= 1 else []
    if op is c.ATOMIC_GROUP:
        return _required(list(av))
    if op is c.GROUPREF_EXISTS:
        _, yes, no = av
        return _either([list(yes), list(no)]) if no is not None else []
    return []  # ANY, NOT_LITERAL, AT, lookarounds (they consume nothing), references: no requirement


def _either(branches: list[list[tuple[Any, Any]]]) -> list[frozenset[str]]:
    """One of the branches matches: the union of one required set of each. A branch whose set is
    already in the union adds nothing (美元 beside 元); otherwise its set of the rarest characters."""
    choices: list[list[frozenset[str]]] = []
    for branch in branches:
        required = _required(branch)
        if not required:
            return []
        choices.append(required)
    union: set[str] = set()
    for required in sorted(choices, key=len):  # a branch of one set has no choice: first
        if any(needed <= union for needed in required):
            continue
        union |= min(required, key=_rarity)
    # Any one set of each branch makes a union every match holds, not only the rarest: the second and
    # third rarest of each (a branch's last when it has fewer) add tests (quantity.chinese requires a
    # unit and, in each branch, a Chinese numeral: the unit alone was kept before).
    ranked = [sorted(required, key=_rarity) for required in choices]
    more = [frozenset().union(*(r[min(k, len(r) - 1)] for r in ranked)) for k in range(1, _EITHER_SETS)]
    return [frozenset(union), *more]


_EITHER_SETS = 3  # unions of one set per branch kept for an alternation


def _rarity(chars: frozenset[str]) -> tuple[int, int, list[str]]:
    return sum(c in _COMMON for c in chars), len(chars), sorted(chars)


# The commonest characters of Chinese text (and of these reports: digits): a set of rarer ones rules
# out more cells. Only the speed of the test depends on this list, never its answer.
_COMMON = frozenset(
    "0123456789的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
    "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去"
    "把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气"
    "第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管"
    "特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队"
    "南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切"
    "打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群"
    "广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约"
    "支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却"
    "专状育厂京识适属圆包火住调满县局照参红细引听该铁价严，。、；：%"
)


def _class_members(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    from re import _constants as c

    members: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            members.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] <= _MAX_RANGE:
            members.update(map(chr, range(av[0], av[1] + 1)))
        else:  # NEGATE, a category (\d, \s), a wide range: any character may be it
            return None
    return frozenset(members)


def _simplified(required: list[frozenset[str]]) -> tuple[frozenset[str], ...]:
    """Without repeats and without a set that holds another (the smaller already says it), smallest first."""
    unique = sorted(set(required), key=lambda s: (len(s), sorted(s)))
    kept: list[frozenset[str]] = []
    for needed in unique:
        if not any(other <= needed for other in kept):
            kept.append(needed)
    return tuple(kept)


# --- Reach: where a match must find its rarest required character ----------------------------------
#
# A rule is tried at every position whose character may start a match (the engine's own first-
# character set), and most attempts fail only after the engine has backtracked through every shorter
# reading of a number and its unit and scale alternations, because the character that rules the
# place out (a %, a 元) comes after them. Which characters a match may consume before it consumes
# one of a required set, and how many, follow from the pattern's syntax as the required characters
# do: in 计划完成(?:\d+)(?:亿|万)?元 a match consumes only [计划完成\d亿万] before its 元 (K before R).
# A lookahead at the pattern's start, "a character of R is reachable from here over characters of
# K" (at most the longest such stretch when it is bounded), rules a position out before the engine
# tries the pattern there. It finds the same matches: a match at a position consumes such a stretch
# and then its character of R, so the lookahead holds wherever the pattern matches, and where it
# holds the pattern is tried exactly as before. It is written ``(?!(?!…))`` and not ``(?=…)``: the
# ``regex`` module then still reads the first characters of the pattern behind it and skips, as
# before, every position no match starts at.

_REACH_MAX = 24  # a bound on the stretch past this, when any character may be in it, is worth nothing
_REACH_RUN = 32  # the most characters of a stretch read from one position (a longer one is let through)


class _Chars(NamedTuple):
    """A class of characters: members, and the digit and space categories; ``any``: not known."""

    members: frozenset[str] = frozenset()
    digit: bool = False
    space: bool = False
    any: bool = False

    def __or__(self, other: tuple[Any, ...]) -> _Chars:  # type: ignore[override]
        return _Chars(self.members | other[0], self.digit or other[1], self.space or other[2], self.any or other[3])


_NOTHING = _Chars()
_ANYTHING = _Chars(any=True)


class _Reach(NamedTuple):
    """What a part of a pattern consumes, read for one required set R: ``must``, whether every path
    through it consumes a character of a class inside R; then the characters (``before``) and the
    most characters (``before_width``, None: unbounded) consumed ahead of the first such class; and
    what the part may consume as a whole (``chars``, ``width``)."""

    must: bool
    before: _Chars
    before_width: int | None
    chars: _Chars
    width: int | None


def reach_lookahead(pattern: str, flags: int = 0) -> str | None:
    """The lookahead (regex source) that a character of the rarest required set of ``pattern`` a
    match must reach is reachable from a position, or None when no such bound is known (no required
    set every path consumes as a class of its own, or any character and any number of them before it).
    A pattern every match of which starts at ``^`` gets it behind a ``^`` of its own: the engine then
    still tries the pattern only where a line starts, not at every position."""
    try:
        items = _case_sensitive_items(pattern, flags)
        if items is None:
            return None
        for needed in sorted(required_chars(pattern, flags), key=_rarity):
            found = _reach(items, needed)
            if not found.must:
                continue
            width, before = found.before_width, found.before
            if width == 0 or (before.any and (width is None or width > _REACH_MAX)):
                continue  # at the start: the engine's first characters say it already
            look = _lookahead(before, width, needed)
            if look is not None:
                return ("^" if _at_line_start(items) else "") + look
    except Exception:  # a part not known (a reference, a conditional): no lookahead
        return None
    return None


def _at_line_start(items: list[tuple[Any, Any]]) -> bool:
    """Whether every match of the sequence starts with ``^`` (each branch of a first alternation too)."""
    from re import _constants as c

    if not items:
        return False
    op, av = items[0]
    if op is c.AT:
        return av is c.AT_BEGINNING
    if op is c.SUBPATTERN:
        return _at_line_start(list(av[3]))
    if op is c.BRANCH:
        return all(_at_line_start(list(branch)) for branch in av[1])
    return False


def with_reach(pattern: str, flags: int = 0) -> str:
    """``pattern`` behind its :func:`reach_lookahead`, or itself when there is none (an inline flag
    of the whole pattern must stay first: such a pattern is left as it is)."""
    import re

    if re.match(r"\(\?[a-zA-Z]+\)", pattern):
        return pattern
    look = reach_lookahead(pattern, flags)
    return pattern if look is None else f"{look}(?:{pattern})"


def _lookahead(before: _Chars, width: int | None, needed: frozenset[str]) -> str | None:
    target = _class_source(_Chars(needed))
    if before.any:
        return f"(?!(?!(?s:.){{0,{width}}}?{target}))"  # lazy: stops at the first character of R
    # The characters of R taken out of the stretch's class: the stretch then ends at the first
    # character that is not in the class, which is of R or rules the place out, and needs no
    # backtracking (possessive).
    digit = before.digit and not any(c.isdecimal() or c > "\uffff" for c in needed)
    space = before.space and not any(c.isspace() for c in needed)
    stretch = _Chars(before.members - needed, digit, space)
    if width is not None and width <= _REACH_RUN:
        if (digit, space) != (before.digit, before.space):  # a category holds a character of R: lazy
            return f"(?!(?!{_class_source(before)}{{0,{width}}}?{target}))"
        body = _class_source(stretch)
        return f"(?!(?!{body}{{0,{width}}}+{target}))" if body else f"(?!(?!{target}))"
    # Unbounded (a number's digits): read at most _REACH_RUN characters of the stretch, and let a
    # stretch that goes on past them through (a character of R may follow later). Each position then
    # costs at most that many steps: a run of 4,000 digits is not read to its end from each of its
    # positions (quadratic).
    if (digit, space) != (before.digit, before.space):
        return None  # a category holds a character of R: no possessive stretch
    body = _class_source(stretch)
    if not body:
        return f"(?!(?!{target}))"
    return f"(?!(?!{body}{{0,{_REACH_RUN}}}+{_class_source(_Chars(needed | stretch.members, digit, space))}))"


def _class_source(chars: _Chars) -> str:
    import re

    members = "".join(re.escape(c) if c not in "-]^[\\" else "\\" + c for c in sorted(chars.members))
    members += ("\\d" if chars.digit else "") + ("\\s" if chars.space else "")
    return f"[{members}]" if members else ""


def _chars_of(op: Any, av: Any) -> _Chars:
    """The characters one consuming item may consume."""
    from re import _constants as c

    if op is c.LITERAL:
        return _Chars(frozenset(chr(av)))
    if op is c.CATEGORY:
        if av is c.CATEGORY_DIGIT:
            return _Chars(digit=True)
        return _Chars(space=True) if av is c.CATEGORY_SPACE else _ANYTHING
    if op is c.IN:
        members: set[str] = set()
        digit = space = False
        for o, a in av:
            if o is c.LITERAL:
                members.add(chr(a))
            elif o is c.RANGE and a[1] - a[0] <= _MAX_RANGE:
                members.update(map(chr, range(a[0], a[1] + 1)))
            elif o is c.CATEGORY and a is c.CATEGORY_DIGIT:
                digit = True
            elif o is c.CATEGORY and a is c.CATEGORY_SPACE:
                space = True
            else:  # NEGATE, another category, a wide range
                return _ANYTHING
        return _Chars(frozenset(members), digit, space)
    return _ANYTHING  # ANY, NOT_LITERAL


def _add(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def _most(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else max(a, b)


def _reach(items: list[tuple[Any, Any]], needed: frozenset[str]) -> _Reach:
    """A sequence: its items in turn, up to the first that must consume a character of ``needed``."""
    consumed = _NOTHING
    width: int | None = 0
    for index, (op, av) in enumerate(items):
        part = _reach_of(op, av, needed)
        if part.must:
            rest = [_reach_of(o, a, needed) for o, a in items[index + 1 :]]
            chars, total = consumed | part.chars, _add(width, part.width)
            for later in rest:
                chars, total = chars | later.chars, _add(total, later.width)
            return _Reach(True, consumed | part.before, _add(width, part.before_width), chars, total)
        consumed, width = consumed | part.chars, _add(width, part.width)
    return _Reach(False, consumed, width, consumed, width)


def _reach_of(op: Any, av: Any, needed: frozenset[str]) -> _Reach:
    from re import _constants as c

    if op in (c.LITERAL, c.IN, c.CATEGORY, c.ANY, c.NOT_LITERAL):
        chars = _chars_of(op, av)
        inside = not (chars.any or chars.digit or chars.space) and chars.members and chars.members <= needed
        return _Reach(bool(inside), _NOTHING, 0, chars, 1)
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return _Reach(False, _NOTHING, 0, _NOTHING, 0)  # consumes nothing
    if op is c.SUBPATTERN:
        _, add_flags, _, inner = av
        if add_flags & c.SRE_FLAG_IGNORECASE:
            raise _Unknown(op)
        return _reach(list(inner), needed)
    if op is c.ATOMIC_GROUP:
        return _reach(list(av), needed)
    if op is c.BRANCH:
        parts = [_reach(list(branch), needed) for branch in av[1]]
        chars, width = _NOTHING, 0
        for part in parts:
            chars, width = chars | part.chars, _most(width, part.width)  # type: ignore[assignment]
        if all(part.must for part in parts):
            before, before_width = _NOTHING, 0
            for part in parts:
                before, before_width = before | part.before, _most(before_width, part.before_width)  # type: ignore[assignment]
            return _Reach(True, before, before_width, chars, width)
        return _Reach(False, chars, width, chars, width)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, inner = av
        part = _reach(list(inner), needed)
        width = None if high == c.MAXREPEAT or part.width is None else part.width * high
        if part.must and low >= 1:  # the first round reaches it
            return _Reach(True, part.before, part.before_width, part.chars, width)
        return _Reach(False, part.chars, width, part.chars, width)
    raise _Unknown(op)  # references, conditionals
