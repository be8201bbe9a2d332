"""Text recognition of line images, behind one call: ``recognise(crops) -> [(text, confidence)]``.

RapidOCR (PP-OCRv4 models inside the ``rapidocr-onnxruntime`` wheel, run by onnxruntime) is the
default; Tesseract (Debian's ``tesseract-ocr`` with ``chi_sim``) is the alternative the benchmark
compares it with (``EXTRACTOR_OCR_ENGINE=tesseract``). Neither downloads anything at run time.
Lines are found by the page stage, so only the recogniser runs here, never a detector, except for
pages without rules, where RapidOCR's detector finds the text boxes.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache

import numpy as np

from extractor.errors import OcrUnavailableError

ENGINES = ("rapidocr", "tesseract")
EXTRA_HINT = "install the OCR extra: pip install 'extractor[ocr]'"


def engine_name() -> str:
    name = os.environ.get("EXTRACTOR_OCR_ENGINE", "rapidocr").strip().lower() or "rapidocr"
    if name not in ENGINES:
        raise ValueError(f"EXTRACTOR_OCR_ENGINE must be one of {', '.join(ENGINES)}, not {name!r}")
    return name


def require() -> None:
    """Raise OcrUnavailableError, naming the extra, unless the chosen engine and OpenCV import."""
    try:
        import cv2  # noqa: F401

        if engine_name() == "rapidocr":
            import rapidocr_onnxruntime  # noqa: F401
        else:
            import pytesseract

            pytesseract.get_tesseract_version()
    except Exception as exc:  # ImportError, or a tesseract binary missing
        raise OcrUnavailableError(f"OCR is not installed ({_missing(exc)}): {EXTRA_HINT}") from None


def _missing(exc: Exception) -> str:
    name = getattr(exc, "name", None)
    return f"no module {name}" if name else type(exc).__name__


@cache
def rapid() -> object:
    from rapidocr_onnxruntime import RapidOCR

    # One thread each: pages run in parallel in processes, and the machine may be shared.
    threads = int(os.environ.get("EXTRACTOR_OCR_THREADS", "1"))
    return RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1)


def recognise(crops: Sequence[np.ndarray]) -> list[tuple[str, float]]:
    """Text and confidence (0–1) of each grey line image."""
    if not crops:
        return []
    if engine_name() == "tesseract":
        return _tesseract(crops)
    import cv2

    images = [cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR) for crop in crops]
    results, _ = rapid().text_rec(images)
    return [(text, float(score)) for text, score in results]


def detect_lines(grey: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, y0, x1, y1) of text lines on a page without rules, by RapidOCR's detector."""
    if engine_name() == "tesseract":
        return []
    import cv2

    boxes, _ = rapid().text_det(cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR))
    if boxes is None:
        return []
    found = []
    for quad in boxes:
        xs, ys = quad[:, 0], quad[:, 1]
        found.append((int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1))
    return found


def _tesseract(crops: Sequence[np.ndarray]) -> list[tuple[str, float]]:
    """Each line by ``tesseract --psm 7`` (one text line), chi_sim; confidence from its words."""
    import pytesseract
    from PIL import Image

    out = []
    for crop in crops:
        data = pytesseract.image_to_data(
            Image.fromarray(crop), lang="chi_sim", config="--psm 7", output_type=pytesseract.Output.DICT
        )
        words = [(w, float(c)) for w, c in zip(data["text"], data["conf"], strict=True) if w.strip() and float(c) >= 0]
        text = "".join(w for w, _ in words)
        confidence = min((c for _, c in words), default=0.0) / 100
        out.append((text, confidence))
    return out
