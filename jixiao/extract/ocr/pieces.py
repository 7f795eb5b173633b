"""Tall images → page-high pieces, before the OCR path reads them (image file → **pieces** → page).

A picture several pages tall — pages scanned or photographed and stitched into one image, a long
screenshot of a disclosure — cannot be read as one page: each stitched page has its own skew, so
no one rotation straightens the whole, and the recogniser would shrink it to a fraction of its
size. It is cut where the image is blank across its whole width (the margins between stitched
pages, the space after a table), always at the widest blank band left, until every piece is at
most :data:`MAX_PIECE` page widths tall. A ruled table is never blank across the page, so a table
is never cut; an image with no blank band stays whole (the recogniser then reads it in bands,
see :func:`jixiao.extract.ocr.engine.recognise`).

Pure functions on numpy arrays; :mod:`jixiao.extract.image` reads each piece as a page part and
shifts its boxes back by the piece's top.
"""
from __future__ import annotations

import numpy as np

MAX_PIECE = 1.7  # a piece at most this many widths tall (an A4 page is 1.41)
BLANK_INK = 0.002  # a row holding ink on at most this share of its width is blank (paper grain, specks)
MIN_GAP = 0.015  # a blank band at least this share of the width high may be cut (4 mm on A4)


def blank_bands(image: np.ndarray) -> list[tuple[int, int]]:
    """The image's blank bands of rows, as ``(first, end)`` (end exclusive), top to bottom."""
    import cv2

    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    width = grey.shape[1]
    # ink is what Otsu's level parts from the paper: a palette scan's ink can be as light as grey 114
    level, _ = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    ink = (grey <= level).sum(axis=1)
    blank = ink <= max(2, BLANK_INK * width)  # a table's two side rules are 4 px at 200 dpi
    bands, start = [], None
    for y, is_blank in enumerate(blank.tolist() + [False]):
        if is_blank and start is None:
            start = y
        elif not is_blank and start is not None:
            if y - start >= MIN_GAP * width:
                bands.append((start, y))
            start = None
    return bands


def piece_bounds(image: np.ndarray) -> list[tuple[int, int]]:
    """Where to cut ``image`` into pieces: ``(top, bottom)`` rows of each, top to bottom. One piece
    (the whole image) unless it is taller than :data:`MAX_PIECE` widths."""
    height, width = image.shape[:2]
    limit = MAX_PIECE * width
    if height <= limit:
        return [(0, height)]
    gaps = blank_bands(image)
    pieces = [(0, height)]
    while True:
        tall = [p for p in pieces if p[1] - p[0] > limit]
        cut = None
        for top, bottom in sorted(tall, key=lambda p: p[0] - p[1]):
            inside = [(b - a, (a + b) // 2) for a, b in gaps if a > top and b < bottom]
            if inside:
                cut = (top, bottom, max(inside)[1])
                break
        if cut is None:
            return pieces
        top, bottom, at = cut
        k = pieces.index((top, bottom))
        pieces[k:k + 1] = [(top, at), (at, bottom)]
