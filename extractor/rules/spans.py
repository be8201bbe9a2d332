"""What every span finder shares: trimming a match's edge spaces, and keeping the longest matches.

Figure and date rules both run many patterns over a cell's matching view; where two candidates
overlap, the longer wins (then the rule listed first, then the earlier one), and the result is in
reading order.
"""

from __future__ import annotations

from typing import Protocol, TypeVar


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
