"""Make a born-digital page look scanned: render, stamp a red seal, rotate, blur, speckle, save.

Used by tests/test_ocr*.py (the seed's tables) and benchmarks/ocr_bench.py (corpus tables) to
make their fixtures at run time. Deterministic for a given ``seed``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter


@dataclass(frozen=True)
class Damage:
    dpi: int = 200
    rotate: float = 0.0  # degrees, counter-clockwise
    blur: float = 0.0  # Gaussian radius in pixels
    speckle: float = 0.0  # share of pixels turned to dark specks
    seal: tuple[float, float] | None = None  # seal centre as a fraction of the page (x, y)
    seed: int = 0


def render_pdf(data: bytes, dpi: int) -> list[Image.Image]:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return [document[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(len(document))]
    finally:
        document.close()


def stamp_seal(page: Image.Image, centre: tuple[float, float], dpi: int) -> Image.Image:
    """A red round seal (ring, star, ring of marks standing for its characters), multiplied on."""
    radius = int(0.8 * dpi)  # a 40 mm seal
    layer = Image.new("RGB", page.size, "white")
    draw = ImageDraw.Draw(layer)
    cx, cy = int(centre[0] * page.width), int(centre[1] * page.height)
    red = (215, 35, 40)
    width = max(3, dpi // 40)
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=red, width=width)
    star = []
    for k in range(10):
        r = radius * (0.28 if k % 2 == 0 else 0.11)
        angle = np.pi / 2 + k * np.pi / 5
        star.append((cx + r * np.cos(angle), cy - r * np.sin(angle)))
    draw.polygon(star, fill=red)
    for k in range(14):  # the seal's legend: short strokes along an arc
        angle = np.pi * (0.15 + 0.7 * k / 13)
        x, y = cx - 0.72 * radius * np.cos(angle), cy - 0.72 * radius * np.sin(angle)
        s = radius * 0.09
        draw.rectangle((x - s, y - s, x + s, y + s), outline=red, width=max(2, width // 2))
    return ImageChops.multiply(page, layer)


def degrade(page: Image.Image, damage: Damage) -> Image.Image:
    rng = np.random.default_rng(damage.seed)
    if damage.seal is not None:
        page = stamp_seal(page, damage.seal, damage.dpi)
    if damage.rotate:
        page = page.rotate(damage.rotate, resample=Image.BILINEAR, fillcolor="white")
    if damage.blur:
        page = page.filter(ImageFilter.GaussianBlur(damage.blur))
    pixels = np.array(page)
    if damage.speckle:
        mask = rng.random(pixels.shape[:2]) < damage.speckle
        pixels[mask] = rng.integers(0, 90, size=(int(mask.sum()), 1))
    # paper is never pure white: a little grey noise everywhere
    noise = rng.normal(0, 6, pixels.shape[:2])[..., None]
    pixels = np.clip(pixels.astype(np.int16) + noise, 0, 255).astype(np.uint8)
    return Image.fromarray(pixels)


def scan(pdf: bytes, damages: Sequence[Damage] | Damage, pages: Sequence[int] | None = None) -> list[Image.Image]:
    """The pages of a PDF (all, or the 0-based ``pages``), each with its damage (one for all, or one each)."""
    wanted = list(pages) if pages is not None else None
    out = []
    dpis = {d.dpi for d in damages} if isinstance(damages, Sequence) else {damages.dpi}
    rendered = {dpi: render_pdf(pdf, dpi) for dpi in dpis}
    count = len(next(iter(rendered.values())))
    indices = wanted if wanted is not None else list(range(count))
    for n, index in enumerate(indices):
        damage = damages[n] if isinstance(damages, Sequence) else damages
        out.append(degrade(rendered[damage.dpi][index], damage))
    return out


def save(pages: Sequence[Image.Image], fmt: str, dpi: int, quality: int = 75) -> bytes:
    """Pages as one file: PDF (a scanner's output), TIFF (multi-page), PNG or JPEG (one page)."""
    out = io.BytesIO()
    first, rest = pages[0], list(pages[1:])
    if fmt == "PDF":
        first.save(out, "PDF", save_all=True, append_images=rest, resolution=dpi)
    elif fmt == "TIFF":
        first.save(out, "TIFF", save_all=True, append_images=rest, dpi=(dpi, dpi), compression="tiff_lzw")
    elif fmt == "JPEG":
        first.save(out, "JPEG", quality=quality, dpi=(dpi, dpi))
    else:
        first.save(out, fmt, dpi=(dpi, dpi))
    return out.getvalue()
