"""extractor: Chinese government progress-report attachments (附件) → grounded JSON records.

>>> import extractor
>>> [f.value for f in extractor.extract_figures("同比下降4.2%")]
[-4.2]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from extractor.batch import Input, Result, parse_many
from extractor.errors import ExtractorError
from extractor.limits import Limits
from extractor.options import ReadOptions
from extractor.pipeline import parse, parse_bytes

if TYPE_CHECKING:
    from extractor.models import Document, Figure, Item, Row, Statement, Table, Warning

# The pydantic models are imported when first asked for (``extractor.Row``): the CLI, which writes
# plain records (extractor.plain), never imports pydantic, more than half of its start-up.
_MODELS = frozenset({"Document", "Figure", "Item", "Row", "Statement", "Table", "Warning"})


def __getattr__(name: str) -> Any:
    if name in _MODELS:
        from extractor import models

        return getattr(models, name)
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")


def extract_figures(
    text: str, field: str = "text", home_scope: str | None = None, home_currency: str | None = None
) -> list[Figure]:
    """Every figure in ``text`` (see :func:`extractor.rules.figures.extract_figures`), as pydantic models."""
    from extractor.models import from_plain
    from extractor.rules.figures import extract_figures as plain_figures

    return from_plain(plain_figures(text, field, home_scope, home_currency))  # type: ignore[no-any-return]


__all__ = [
    "Document",
    "ExtractorError",
    "Figure",
    "Input",
    "Item",
    "Limits",
    "ReadOptions",
    "Result",
    "Row",
    "Statement",
    "Table",
    "Warning",
    "extract_figures",
    "parse",
    "parse_bytes",
    "parse_many",
]
__version__ = "0.1.0"
