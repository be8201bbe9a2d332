"""Page images: from a PDF page or an image file to a deskewed grey page with red seals removed.

Scans are read as the red channel, in which red ink (a seal, a red signature) is as light as the
paper while black text stays dark: dropping the red channel is how a seal stops hiding characters.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageOps

from extractor.errors import CorruptFileError, TooLargeError

RENDER_DPI = 200  # a PDF page is rendered at this resolution: 10.5 pt text is ~29 px high
MAX_PIXELS = 40_000_000  # a page image past this is scaled down (an A4 page at 200 dpi is 3.9 M)
MAX_IMAGE_PIXELS = 400_000_000  # a picture claiming more is refused before it is decoded
MAX_SKEW = 3.0  # degrees: a page is searched for rotations up to this much either way
INK_MAX = 200  # a pixel lighter than this (of 255) is paper, whatever its surroundings
SEAL_MIN_FRACTION = 0.0005  # red pixels (of the page) that make a seal worth a note


@dataclass(slots=True)
class PageImage:
    number: int  # 1-based
    grey: np.ndarray  # uint8, the red channel, deskewed: text dark, seals gone
    dpi: float
    skew: float  # degrees the page was turned back by
    seal: bool  # red ink found on the page


def pdf_page_count(data: bytes) -> int:
    import pypdfium2

    try:
        return len(pypdfium2.PdfDocument(data))
    except pypdfium2.PdfiumError as exc:
        raise CorruptFileError(f"damaged PDF ({exc})") from exc


def render_pdf_page(data: bytes, index: int, dpi: float = RENDER_DPI) -> tuple[np.ndarray, float]:
    """One PDF page as an RGB array and its resolution: ``dpi`` unless that would pass MAX_PIXELS."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        page = document[index]
        width, height = page.get_size()  # points
        scale = min(dpi / 72, (MAX_PIXELS / max(width * height, 1.0)) ** 0.5)
        bitmap = page.render(scale=scale)
        rgb = np.array(bitmap.to_pil().convert("RGB"))
        page.close()
        return rgb, scale * 72
    finally:
        document.close()


def image_frames(data: bytes) -> Iterator[tuple[np.ndarray, float]]:
    """The frames of a picture (a TIFF may hold several pages) as RGB arrays, with their dpi."""
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        picture = Image.open(io.BytesIO(data))
        for index in range(getattr(picture, "n_frames", 1)):
            picture.seek(index)
            frame = ImageOps.exif_transpose(picture.convert("RGB"))
            dpi = float((picture.info.get("dpi") or (0, 0))[0] or 0)
            if frame.width * frame.height > MAX_PIXELS:
                factor = (MAX_PIXELS / (frame.width * frame.height)) ** 0.5
                frame = frame.resize((int(frame.width * factor), int(frame.height * factor)), Image.LANCZOS)
                dpi *= factor
            yield np.array(frame), dpi
    except Image.DecompressionBombError as exc:
        raise TooLargeError(f"image over {MAX_IMAGE_PIXELS:,} pixels") from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise CorruptFileError(f"damaged image ({exc})") from exc


def image_frame_count(data: bytes) -> int:
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        return getattr(Image.open(io.BytesIO(data)), "n_frames", 1)
    except Image.DecompressionBombError as exc:
        raise TooLargeError(f"image over {MAX_IMAGE_PIXELS:,} pixels") from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise CorruptFileError(f"damaged image ({exc})") from exc


def image_frame(data: bytes, index: int) -> tuple[np.ndarray, float]:
    for number, frame in enumerate(image_frames(data)):
        if number == index:
            return frame
    raise CorruptFileError(f"damaged image (no frame {index + 1})")


def red_ink(rgb: np.ndarray) -> np.ndarray:
    """Mask of red and pink pixels: hue near 0/180, saturated enough not to be grey."""
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    low = cv2.inRange(hsv, (0, 60, 60), (12, 255, 255))
    high = cv2.inRange(hsv, (160, 60, 60), (180, 255, 255))
    return cv2.bitwise_or(low, high)


def prepare(rgb: np.ndarray, number: int, dpi: float) -> PageImage:
    """Grey page without red ink, turned so its rules and lines are level."""
    red = red_ink(rgb)
    seal = int(np.count_nonzero(red)) > SEAL_MIN_FRACTION * rgb.shape[0] * rgb.shape[1]
    grey = np.ascontiguousarray(rgb[:, :, 0])
    # Red ink is light in the red channel, but not white: whiten it, or it binarises as strokes.
    grey[red > 0] = 255
    if not dpi:
        dpi = guess_dpi(grey)
    skew = find_skew(grey)
    if abs(skew) >= 0.05:
        grey = rotate(grey, skew)
    return PageImage(number=number, grey=grey, dpi=dpi, skew=skew, seal=seal)


def guess_dpi(grey: np.ndarray) -> float:
    """A picture without a resolution: assume it shows an A4 page (portrait or landscape)."""
    return max(grey.shape) / 11.69


def binarise(grey: np.ndarray) -> np.ndarray:
    """Ink as 255, paper as 0, against an uneven background (a photographed page)."""
    block = max(15, (min(grey.shape) // 50) | 1)
    ink = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 15)
    # Darker than its surroundings is not enough: light marks (a seal's pink edge, a fold) are no ink.
    ink[grey > INK_MAX] = 0
    return ink


def find_skew(grey: np.ndarray) -> float:
    """The rotation (degrees) that makes rows of ink sharpest: text lines and rules both count."""
    scale = 1000 / max(grey.shape)
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
    ink = binarise(small)
    if not ink.any():
        return 0.0

    def sharpness(angle: float) -> float:
        turned = rotate(ink, angle, border=0)
        rows = turned.sum(axis=1, dtype=np.float64)
        return float(np.var(np.diff(rows)))

    best = max(np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.25), key=sharpness)
    best = max(np.arange(best - 0.25, best + 0.25 + 1e-9, 0.05), key=sharpness)
    return round(float(best), 2)


def rotate(image: np.ndarray, angle: float, border: int = 255) -> np.ndarray:
    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    return cv2.warpAffine(image, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=border)
