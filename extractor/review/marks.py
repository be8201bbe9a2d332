"""A cell's text with its items highlighted: overlapping spans become properly nested ``<mark>``s.

Items overlap freely (a figure inside a statement, status evidence on the same span as a figure,
two statements that cross). HTML elements must nest, so a mark that crosses the end of an
enclosing one is closed there and reopened after it: split into fragments that share its
``data-ref``. Every character of the text is written exactly once, escaped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape as html_escape


@dataclass(frozen=True)
class Mark:
    """A highlight over ``text[start:end]``. ``attrs`` is an already escaped attribute string
    (`` class="…" title="…"``); ``layer`` orders marks of the same span, outermost first."""

    start: int
    end: int
    attrs: str
    layer: int = 0


def escape(text: str) -> str:
    """Escaped for an element's content; a carriage return as a reference, or the parser would
    fold it (and a CR LF pair) into a line feed and the cell would lose a character."""
    return html_escape(text, quote=False).replace("\r", "&#13;")


def fits(mark: Mark, text: str) -> bool:
    return 0 <= mark.start < mark.end <= len(text)


def render_marked(text: str, marks: Iterable[Mark]) -> str:
    """``text`` escaped, with ``marks`` (those that fit it; the rest are ignored) as nested ``<mark>``s."""
    starting: dict[int, list[Mark]] = defaultdict(list)
    boundaries = {0, len(text)}
    for mark in marks:
        if fits(mark, text):
            starting[mark.start].append(mark)
            boundaries.update((mark.start, mark.end))
    if not starting:
        return escape(text)

    out: list[str] = []
    stack: list[Mark] = []
    previous = 0
    for position in sorted(boundaries):
        out.append(escape(text[previous:position]))
        previous = position
        reopen: list[Mark] = []
        # Close every mark ending here; those above it on the stack end later and are reopened.
        while any(open_mark.end == position for open_mark in stack):
            closed = stack.pop()
            out.append("</mark>")
            if closed.end != position:
                reopen.append(closed)
        # Longer marks outside, so that the common (nested) case needs no split at all.
        for mark in sorted(reopen + starting.get(position, []), key=lambda m: (-m.end, m.layer)):
            out.append(f"<mark{mark.attrs}>")
            stack.append(mark)
    return "".join(out)
