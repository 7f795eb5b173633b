"""Image reader (PNG/JPG/TIFF/BMP file → **Document**) for scanned or photographed forms.

The file's header is checked before any pixel is decoded: an image whose declared size is beyond
:data:`MAX_PIXELS` (a decompression bomb, or a poster nobody scans) is refused with a
:class:`ReadError`. Each frame (multi-page TIFF) is one page; a frame several pages tall
(pages stitched into one picture, a long screenshot) is read in page-high pieces cut at blank bands
(:mod:`jixiao.extract.ocr.pieces`), their boxes put back in the frame's pixels; pages go through the
OCR path (:mod:`jixiao.extract.ocr`). Document method: ``image-ocr``.
"""
from __future__ import annotations

import warnings
from pathlib import Path
from typing import Iterator

import numpy as np

from jixiao.model import Block, Document, ReadError, Table

MAX_PIXELS = 80_000_000  # per frame; an A3 page at 600 dpi is ~70 Mpx
MAX_PAGES = 200


def _open(path: Path):
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)  # lazy: reads the header only
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ReadError("the image is too large to read safely (possible decompression bomb)") from None
    except Exception as e:  # PIL raises many types for broken files
        kind = path.suffix.lstrip(".").upper() or "image"
        raise ReadError(f"the image is damaged or not really a {kind} file ({type(e).__name__})") from None
    return image


def _check_size(width: int, height: int) -> None:
    if width <= 0 or height <= 0:
        raise ReadError("the image has no pixels")
    if width * height > MAX_PIXELS:
        raise ReadError(f"the image is too large to read safely ({width}×{height} pixels, limit {MAX_PIXELS:,}; possible decompression bomb)")


def _frames(image) -> Iterator[np.ndarray]:
    n_frames = getattr(image, "n_frames", 1) or 1
    if n_frames > MAX_PAGES:
        raise ReadError(f"the image has {n_frames} pages, more than the {MAX_PAGES} jixiao reads")
    for index in range(n_frames):
        if n_frames > 1:
            image.seek(index)
        _check_size(*image.size)
        try:
            frame = image.convert("RGB")  # decodes this frame only
        except Exception as e:
            raise ReadError(f"the image data is damaged ({type(e).__name__}: {e})") from None
        yield np.ascontiguousarray(np.asarray(frame)[:, :, ::-1])


def read(path: Path, options=None) -> Document:
    """OCR an image file (every frame of a multi-page TIFF) into a Document."""
    from jixiao.extract.ocr import ocr_page, settings_of
    from jixiao.extract.ocr.pieces import piece_bounds

    if options is not None and getattr(options, "ocr", "auto") == "never":
        raise ReadError("the file is an image and OCR is switched off (--ocr never)")
    image = _open(Path(path))
    with image:
        _check_size(*image.size)
        blocks = []
        warnings_out: list[str] = []
        pages = 0
        for number, frame in enumerate(_frames(image), start=1):
            for top, bottom in piece_bounds(frame):
                result = ocr_page(frame[top:bottom], number, settings=settings_of(options))
                blocks.extend(_moved_down(block, top) for block in result.blocks)
                warnings_out.extend(result.warnings)
            pages = number
    return Document(blocks=blocks, method="image-ocr", pages=pages, warnings=warnings_out)


def _moved_down(block: Block, dy: int) -> Block:
    """A block read from a piece of a frame, its boxes put back where the piece lies in the frame."""
    if not dy:
        return block
    def down(bbox):
        return None if bbox is None else (bbox[0], bbox[1] + dy, bbox[2], bbox[3] + dy)
    if isinstance(block, Table):
        for cell in block.cells:
            cell.bbox = down(cell.bbox)
    block.bbox = down(block.bbox)
    return block
