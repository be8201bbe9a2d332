"""The value of an item's numeral, one reading for every reader of enumerators.

``numeral_value`` is the one place that knows how a numeral printed before an item reads once the
text is in its matching view (``textnorm.match_view``: simplified script, half-width): Arabic
(12), Chinese (十二) and the capital numerals of formal and Taiwanese reports (壹、貳、參、). The view
turns 參, the capital 3, into 参, the everyday character ("take part"), which the figure rules do
not read as a number: it is read as 叁 here, so 參、 counts as 3 wherever an enumerator is read
(numbered prose, a 序号 cell).
"""

from __future__ import annotations

from extractor.rules.numbers import parse_number

# numeral as the matching view prints it → the numeral the figure rules read
VIEW_NUMERALS = str.maketrans({"参": "叁"})


def numeral_value(token: str) -> int | None:
    """12, 十二, 貳 → their integer; 参 (參 in the view) → 3; None when ``token`` is no whole number."""
    value = parse_number(token.translate(VIEW_NUMERALS))
    return int(value) if value is not None and value.is_integer() else None
