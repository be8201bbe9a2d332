"""What every span finder shares: trimming a match's edge spaces, and keeping the longest matches.

Figure and date rules both run many patterns over a cell's matching view; where two candidates
overlap, the longer wins (then the rule listed first, then the earlier one), and the result is in
reading order.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Generic, Protocol, TypeVar


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
    import re
    from re import _parser as parser  # the standard library's regex parser: syntax shared with ``regex``

    if flags & re.IGNORECASE:
        return ()
    try:
        parsed = parser.parse(_portable(pattern, flags), flags & (re.VERBOSE | re.DOTALL | re.MULTILINE))
    except Exception:  # syntax of the ``regex`` module only (\p{Han} in a class): no test, every text is tried
        return ()
    if parsed.state.flags & re.IGNORECASE:
        return ()
    return _simplified(_required(list(parsed)))


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
    import re
    from re import _parser as parser

    if flags & re.IGNORECASE:
        return None
    try:
        parsed = parser.parse(_portable(pattern, flags), flags & (re.VERBOSE | re.DOTALL | re.MULTILINE))
        if parsed.state.flags & re.IGNORECASE:
            return None
        members, nullable = _first(list(parsed))
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
