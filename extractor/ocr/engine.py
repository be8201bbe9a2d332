"""Text recognition of line images, behind one call: ``recognise(crops) -> [(text, confidence, places)]``.

RapidOCR's PP-OCRv4 models (inside the ``rapidocr-onnxruntime`` wheel) run by onnxruntime in
sessions of our own are the default; Tesseract (Debian's ``tesseract-ocr`` with ``chi_sim``) is
the alternative the benchmark compares it with (``EXTRACTOR_OCR_ENGINE=tesseract``). Neither
downloads anything at run time. Lines are found by the page stage, so only the recogniser is
loaded, never the detector or the classifier, except for pages without rules, where the
detector finds the text boxes.
"""

from __future__ import annotations

import importlib.util
import math
import os
import shutil
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import numpy as np

from extractor.errors import OcrUnavailableError

ENGINES = ("rapidocr", "tesseract")
Reading = tuple[str, float, tuple[float, ...]]  # a line's text, confidence, its characters' places
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


# The recogniser's input: PP-OCR line images are 48 px high, in [-1, 1], three channels.
REC_HEIGHT = 48
# A line narrower than this (a few characters: 序号, "3、") is padded to it with the model's grey,
# as RapidOCR pads every batch to at least 320 px. Narrower, "6、" read as "6-"; padded with white
# paper instead, a short line gained characters that are not there ("完成情况膚").
MIN_REC_WIDTH = 320


def _threads() -> int:
    return int(os.environ.get("EXTRACTOR_OCR_THREADS", "0") or 0) or _fair_share()


def _fair_share() -> int:
    """Recogniser threads per page worker: the cores shared among EXTRACTOR_OCR_JOBS workers."""
    try:
        workers = max(1, int(os.environ.get("EXTRACTOR_OCR_JOBS", "1")))
    except ValueError:
        workers = 1
    return max(1, (os.cpu_count() or 1) // workers)


def _session(model: str, threads: int) -> object:
    """An onnxruntime session on the CPU whose idle threads sleep rather than spin.

    onnxruntime's threads spin between operators by default: on a machine whose cores are busy
    with other work, that spinning takes their time slices (217 lines: 9–13 s against 3–6 s under load).
    """
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.log_severity_level = 4
    options.enable_cpu_mem_arena = False  # memory goes back after each line, not kept for the widest
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return onnxruntime.InferenceSession(model, sess_options=options, providers=["CPUExecutionProvider"])


@cache
def _rapidocr_config() -> dict:
    """RapidOCR's own configuration (model files inside its wheel), read without importing it."""
    import yaml

    spec = importlib.util.find_spec("rapidocr_onnxruntime")
    assert spec is not None and spec.submodule_search_locations
    root = Path(next(iter(spec.submodule_search_locations)))
    config = yaml.safe_load((root / "config.yaml").read_text(encoding="utf-8"))
    for stage in ("Det", "Rec", "Cls"):
        config[stage]["model_path"] = str(root / config[stage]["model_path"])
    return config


class _Recogniser:
    """PP-OCRv4's line recogniser from RapidOCR's wheel, one line image at a time.

    One at a time, at its own width: RapidOCR's batches of 6 are padded to their widest line and
    took no less CPU time (5.7 s against 5.3 s for 217 lines), but ~170 MiB more memory for
    their activations (a page worker's peak: 440 → 245 MiB).
    """

    def __init__(self) -> None:
        self.session = _session(_rapidocr_config()["Rec"]["model_path"], threads=1)
        self.input = self.session.get_inputs()[0].name
        characters = self.session.get_modelmeta().custom_metadata_map["character"].splitlines()
        self.characters = ["", *characters, " "]  # index 0 is CTC's blank; the last a space

    def __call__(self, grey: np.ndarray) -> Reading:
        import cv2

        height, width = grey.shape[:2]
        scaled = max(1, math.ceil(REC_HEIGHT * width / max(1, height)))
        line = cv2.resize(grey, (scaled, REC_HEIGHT)).astype(np.float32) / 127.5 - 1.0
        batch = np.zeros((1, 3, REC_HEIGHT, max(scaled, MIN_REC_WIDTH)), np.float32)
        batch[0, :, :, :scaled] = line
        (scores,) = self.session.run(None, {self.input: batch})
        return self._decoded(scores[0], batch.shape[3] / scaled)

    def _decoded(self, scores: np.ndarray, width: float) -> Reading:
        """CTC: the best class at each step, repeats merged, blanks dropped; confidence their mean.

        Each character's place is the middle of the step where it was read, as a share of the
        line image's width (``width``: the model's input width over the line's).
        """
        best = scores.argmax(axis=1)
        keep = best != 0
        keep[1:] &= best[1:] != best[:-1]
        if not keep.any():
            return "", 0.0, ()
        text = "".join(self.characters[i] for i in best[keep])
        steps = np.flatnonzero(keep)
        places = tuple(min(1.0, float(v)) for v in (steps + 0.5) / len(best) * width)
        return text, float(scores.max(axis=1)[keep].mean()), places


@cache
def _recogniser() -> _Recogniser:
    return _Recogniser()


@cache
def _detector() -> object:
    """RapidOCR's text detector (DB, PP-OCRv4), for pages without rules; its session is ours."""
    from rapidocr_onnxruntime.ch_ppocr_det import TextDetector

    config = dict(_rapidocr_config()["Det"], intra_op_num_threads=1, inter_op_num_threads=1)
    detector = TextDetector(config)
    # One large image: its operators are worth splitting among the threads, which sleep when idle.
    detector.infer.session = _session(config["model_path"], threads=_threads())
    return detector


def recognise(crops: Sequence[np.ndarray]) -> list[Reading]:
    """Text, confidence (0–1) and the characters' places (shares of the width; empty when the
    engine does not tell) of each grey line image."""
    if not crops:
        return []
    if engine_name() == "tesseract":
        return _tesseract(crops)
    recogniser = _recogniser()
    threads = min(_threads(), len(crops))
    with _out_of_memory_is_memory_error():
        if threads < 2:
            return [recogniser(crop) for crop in crops]
        # Lines side by side, each on one thread: onnxruntime's threads within a line meet at
        # every operator, so one of them held up by other work stalls the line (217 lines, load
        # 3.5-4 on 2 cores: 2 threads a line 10-13 s wall, 6.5 s CPU; 2 lines at a time 7-12 s, 5.8 s).
        with ThreadPoolExecutor(threads) as pool:
            return list(pool.map(recogniser, crops))


def detect_lines(grey: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, y0, x1, y1) of text lines on a page without rules, by RapidOCR's detector."""
    if engine_name() == "tesseract":
        return []
    import cv2

    # The detector's cost grows with the pixels; text of a page stays findable at this size.
    scale = min(1.0, DETECT_SIDE / max(grey.shape))
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
    with _out_of_memory_is_memory_error():
        boxes, _ = _detector()(cv2.cvtColor(small, cv2.COLOR_GRAY2BGR))
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


def _tesseract(crops: Sequence[np.ndarray]) -> list[Reading]:
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
        out.append((text, confidence, ()))
    return out
