"""Page rendering for the OCR path (file → **page image** → grid): PDF pages to pixels with pypdfium2.

A scanned PDF page is rasterised at :data:`RENDER_DPI`; the image is returned as a BGR numpy array
(OpenCV's layout) together with the scale from PDF points to pixels, so cell boxes can be given back
in the page's own units.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

import numpy as np

from jixiao.model import ReadError

RENDER_DPI = 250  # reads 9-pt Chinese print reliably; higher costs OCR time with no gain in accuracy
MIN_DPI, MAX_DPI = 150, 300  # bounds when the page is one scanned image rendered at its own resolution
MAX_RENDER_PIXELS = 60_000_000  # a page larger than this (e.g. a poster-size sheet) is rendered smaller


@dataclass
class PageImage:
    """One page as pixels. ``scale`` is pixels per page unit (PDF point), 1.0 for images."""

    image: np.ndarray  # BGR, uint8
    page: int  # 1-based
    scale: float = 1.0


def _native_dpi(page, width_pt: float) -> float:
    """The resolution of the scanned image covering the page (so it is not resampled twice),
    clamped to [MIN_DPI, MAX_DPI]; RENDER_DPI when the page is not one full-page image."""
    import pypdfium2.raw as pdfium_c

    best = None
    try:
        for obj in page.get_objects():
            if obj.type != pdfium_c.FPDF_PAGEOBJ_IMAGE:
                continue
            left, bottom, right, top = obj.get_bounds()
            px_w, _px_h = obj.get_px_size()
            if right - left >= 0.8 * width_pt and px_w > 0:
                dpi = px_w / ((right - left) / 72.0)
                best = max(best or 0.0, dpi)
    except Exception:  # odd page objects: fall back to the default resolution
        return RENDER_DPI
    if best is None:
        return RENDER_DPI
    return min(MAX_DPI, max(MIN_DPI, best))


def render_pdf_pages(path: Path, pages: list[int], password: Optional[str] = None,
                     dpi: int = RENDER_DPI) -> Iterator[PageImage]:
    """Render the 1-based ``pages`` of the PDF at ``path``; pages out of range are skipped."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as e:
        raise ReadError(f"the PDF cannot be opened for OCR ({e})") from None
    try:
        n_pages = len(pdf)
        for number in pages:
            if not 1 <= number <= n_pages:
                continue
            page = pdf[number - 1]
            width_pt, height_pt = page.get_size()
            scale = _native_dpi(page, width_pt) / 72.0 if dpi == RENDER_DPI else dpi / 72.0
            pixels = width_pt * height_pt * scale * scale
            if pixels > MAX_RENDER_PIXELS:
                scale *= (MAX_RENDER_PIXELS / pixels) ** 0.5
            bitmap = page.render(scale=scale, rev_byteorder=False, fill_color=(255, 255, 255, 255))
            rgb = np.asarray(bitmap.to_pil().convert("RGB"))
            page.close()
            yield PageImage(image=np.ascontiguousarray(rgb[:, :, ::-1]), page=number, scale=scale)
    finally:
        pdf.close()
