"""Text recognition of line images, behind one call: ``recognise(crops) -> [(text, confidence)]``.

RapidOCR (PP-OCRv4 models inside the ``rapidocr-onnxruntime`` wheel, run by onnxruntime) is the
default; Tesseract (Debian's ``tesseract-ocr`` with ``chi_sim``) is the alternative the benchmark
compares it with (``EXTRACTOR_OCR_ENGINE=tesseract``). Neither downloads anything at run time.
Lines are found by the page stage, so only the recogniser runs here, never a detector, except for
pages without rules, where RapidOCR's detector finds the text boxes.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache

import numpy as np

from extractor.errors import OcrUnavailableError

ENGINES = ("rapidocr", "tesseract")
DETECT_SIDE = 1280  # a page goes to the text detector with its long side at most this
EXTRA_HINT = "install the OCR extra: pip install 'extractor[ocr]'"


def engine_name() -> str:
    name = os.environ.get("EXTRACTOR_OCR_ENGINE", "rapidocr").strip().lower() or "rapidocr"
    if name not in ENGINES:
        raise ValueError(f"EXTRACTOR_OCR_ENGINE must be one of {', '.join(ENGINES)}, not {name!r}")
    return name


def require() -> None:
    """Raise OcrUnavailableError, naming the extra, unless OpenCV and the chosen engine are installed.

    Looked up, not imported: importing maps ~1 GB of address space, which the caller may first
    have to make room for (see ``extractor.ocr._room_for_models``).
    """
    wanted = ["cv2", "numpy"] + (
        ["rapidocr_onnxruntime", "onnxruntime"] if engine_name() == "rapidocr" else ["pytesseract"]
    )
    missing = [name for name in wanted if _find(name) is None]
    if engine_name() == "tesseract" and shutil.which("tesseract") is None:
        missing.append("the tesseract program")
    if missing:
        raise OcrUnavailableError(f"OCR is not installed (no {', '.join(missing)}): {EXTRA_HINT}")


def _find(name: str) -> object | None:
    try:
        return importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None


@cache
def rapid() -> object:
    from rapidocr_onnxruntime import RapidOCR

    threads = int(os.environ.get("EXTRACTOR_OCR_THREADS", "0")) or _fair_share()
    return RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1)


def _fair_share() -> int:
    """Recogniser threads per page worker: the cores shared among EXTRACTOR_OCR_JOBS workers."""
    try:
        workers = max(1, int(os.environ.get("EXTRACTOR_OCR_JOBS", "1")))
    except ValueError:
        workers = 1
    return max(1, (os.cpu_count() or 1) // workers)


def recognise(crops: Sequence[np.ndarray]) -> list[tuple[str, float]]:
    """Text and confidence (0–1) of each grey line image."""
    if not crops:
        return []
    if engine_name() == "tesseract":
        return _tesseract(crops)
    import cv2

    images = [cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR) for crop in crops]
    with _out_of_memory_is_memory_error():
        results, _ = rapid().text_rec(images)
    return [(text, float(score)) for text, score in results]


def detect_lines(grey: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, y0, x1, y1) of text lines on a page without rules, by RapidOCR's detector."""
    if engine_name() == "tesseract":
        return []
    import cv2

    # The detector's cost grows with the pixels; text of a page stays findable at this size.
    scale = min(1.0, DETECT_SIDE / max(grey.shape))
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
    with _out_of_memory_is_memory_error():
        boxes, _ = rapid().text_det(cv2.cvtColor(small, cv2.COLOR_GRAY2BGR))
    if boxes is None:
        return []
    found = []
    for quad in boxes:
        xs, ys = quad[:, 0], quad[:, 1]
        box = (xs.min() / scale, ys.min() / scale, xs.max() / scale + 1, ys.max() / scale + 1)
        found.append(tuple(int(v) for v in box))
    return found


@contextmanager
def _out_of_memory_is_memory_error() -> Iterator[None]:
    """onnxruntime reports a failed allocation as a RuntimeException naming bad_alloc: a MemoryError."""
    try:
        yield
    except MemoryError:
        raise
    except Exception as exc:
        if "bad_alloc" in str(exc):
            raise MemoryError("onnxruntime: out of memory") from exc
        raise


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
