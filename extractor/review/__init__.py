"""The review page: a batch's records as one self-contained HTML page for an analyst to check."""

from extractor.review.page import render_review

__all__ = ["render_review"]
