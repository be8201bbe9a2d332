"""extractor: Chinese government progress-report attachments (附件) → grounded JSON records.

>>> import extractor
>>> [f.value for f in extractor.extract_figures("同比下降4.2%")]
[-4.2]
"""

from extractor.batch import Input, Result, parse_many
from extractor.errors import ExtractorError
from extractor.limits import Limits
from extractor.models import Document, Figure, Item, Row, Statement, Table, Warning
from extractor.options import ReadOptions
from extractor.pipeline import parse, parse_bytes
from extractor.rules.figures import extract_figures

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
