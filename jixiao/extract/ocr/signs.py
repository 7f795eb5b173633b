"""Comparison signs read from their own ink (a glyph's grey pixels → ``≥ ≤ ≧ ≦ > < = ═`` or None),
for the OCR path's fixes (:mod:`.confusions`, and cells read on their own in :mod:`jixiao.extract.ocr`).

The recogniser is weakest exactly where a target's meaning sits: ``≧``/``≦`` and ``═`` are not in
its character set, so it reads ``≧`` as ``≥`` — or, on a sign alone in a narrow column, as ``≤``,
``M`` or nothing (measured on the real forms rasterized at 200 dpi: h31's three ``≧`` came back as
``≤``, a comparison turned round). A comparison sign is a simple drawing, so it is read here from
its strokes instead: horizontal **bars** (rows the ink crosses from side to side) and, above them, a
**chevron** whose point is on the right (``>``) or on the left (``<``). :data:`SHAPES` names the
sign each drawing is. Blur that runs two close bars together is undone on the grey profile (a
lighter row between two dark ones splits them); anything else — a digit, a character, a dash —
is no sign and gives None, so callers keep what the recogniser read.
"""
from __future__ import annotations

from typing import Optional

import numpy as np

# (where the chevron points, bars under it) → the sign; no chevron and two bars: = or ═ (FLAT)
SHAPES = {
    (">", 0): ">", ("<", 0): "<",
    (">", 1): "≥", ("<", 1): "≤",
    (">", 2): "≧", ("<", 2): "≦",
    (None, 2): "=",
}
FLAT = 0.27  # ═ is two bars close together a full character wide (height/width ≈ 0.12 in Noto CJK); = ≈ 0.4–0.55
BAR_DARK = 0.35  # a row is part of a bar when the ink darkens it this much, on average across the glyph
SPLIT = 0.7  # a lighter row inside a bar run whose darkness falls below this share of both sides' peaks splits it
SPAN = 0.85  # a bar runs across this share of the glyph's width at least
GRAIN_SHARE = 0.5  # of the longest side of the crop's largest piece of ink: specks shorter are grain
PEN_MIN = 2  # pixels of ink a stroke leaves in a row at least (grain leaves one)
EDGE_SPAN = 0.6  # a bar's soft edge spans this share at least (a chevron touching the bar at low resolution: less)
TIP, TAIL = 0.65, 0.35  # a chevron's point lies beyond TIP of the width, its two ends within TAIL


def _glyph(grey: np.ndarray):
    """The first glyph of a crop: ink mask, and its box (left, top, right, bottom); None without
    clear ink. A cell's rule running through the crop is no ink of the glyph, nor is a speck of grain
    much smaller than the crop's largest piece of ink (x041 photographed: a speck left of a lone = was
    taken for the glyph, and the target lost its sign)."""
    import cv2

    if grey is None or grey.size == 0 or min(grey.shape) < 8 or int(grey.max()) - int(grey.min()) < 60:
        return None
    level, _ = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    if level < 40:
        return None
    ink = (grey < level).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    h, w = ink.shape
    thin = max(3, int(0.15 * h))
    comps = [i for i in range(1, n) if stats[i][4] >= 3
             and not (stats[i][2] >= 0.8 * w and stats[i][3] <= thin)
             and not (stats[i][3] >= 0.9 * h and stats[i][2] <= thin)]
    if not comps:
        return None
    extent = {i: max(stats[i][2], stats[i][3]) for i in comps}  # a photo's grain (specks much smaller
    largest = max(extent.values())                               # than the crop's strokes) is no glyph's
    comps = [i for i in comps if extent[i] >= GRAIN_SHARE * largest]
    first = min(comps, key=lambda i: stats[i][0])
    fx0, fx1 = stats[first][0], stats[first][0] + stats[first][2]
    column = [i for i in comps  # the pieces under and over the first: one glyph's strokes, or grain apart
              if min(stats[i][0] + stats[i][2], fx1) - max(stats[i][0], fx0) >= 0.5 * min(stats[i][2], fx1 - fx0)]
    parts, top, bottom = [first], stats[first][1], stats[first][1] + stats[first][3]
    reach = max(stats[first][2], stats[first][3])  # a glyph's strokes lie within about its own size of each other
    grown = True
    while grown:
        near = [i for i in column if i not in parts and
                stats[i][1] - bottom <= reach and top - (stats[i][1] + stats[i][3]) <= reach]
        grown = bool(near)
        for i in near:
            parts.append(i)
            top, bottom = min(top, stats[i][1]), max(bottom, stats[i][1] + stats[i][3])
    left = min(stats[i][0] for i in parts)
    right = max(stats[i][0] + stats[i][2] for i in parts)
    return np.isin(labels, parts), (left, top, right, bottom)


def _darkness(grey: np.ndarray, mask: np.ndarray, box) -> np.ndarray:
    """Each row's darkness across the glyph's width, 0 (paper) to 1 (solid ink), on the grey
    values (blur between two close bars leaves a lighter row that a threshold would fill)."""
    left, top, right, bottom = box
    paper = float(np.percentile(grey, 90))
    solid = float(grey[mask].min())
    if paper - solid < 40:
        return np.zeros(bottom - top)
    window = grey[top:bottom, left:right].astype(float)
    return np.clip((paper - window) / (paper - solid), 0.0, 1.0).mean(axis=1)


def bar_runs(darkness: np.ndarray) -> list[tuple[int, int]]:
    """Row ranges [start, end) of the bars in a darkness profile."""
    runs: list[tuple[int, int]] = []
    start = None
    for y, d in enumerate(list(darkness) + [0.0]):
        if d >= BAR_DARK and start is None:
            start = y
        elif d < BAR_DARK and start is not None:
            runs.append((start, y))
            start = None
    split: list[tuple[int, int]] = []
    for a, b in runs:  # a lighter row between two darker ones: two bars the blur ran together
        cut = a
        for y in range(a + 1, b - 1):
            if y <= cut:
                continue
            before, after = darkness[cut:y].max(), darkness[y + 1:b].max()
            if darkness[y] < darkness[y - 1] and darkness[y] <= darkness[y + 1] and darkness[y] < SPLIT * min(before, after):
                split.append((cut, y))
                cut = y + 1
        split.append((cut, b))
    return split


def _chevron(mask: np.ndarray, box, rows: int) -> Optional[str]:
    """Where the chevron drawn in the glyph's first ``rows`` rows points: ``>`` or ``<``; None
    when that ink is no chevron (its middle must reach one side and its two ends the other)."""
    left, top, right, _ = box
    width = max(1, right - left)
    centres = []
    for y in range(top, top + rows):
        xs = np.flatnonzero(mask[y, left:right])
        if len(xs):
            centres.append(xs.mean() / width)
    if len(centres) < 5:
        return None
    k = len(centres)
    band = max(1, k // 5)
    head, tail = float(np.median(centres[:band])), float(np.median(centres[-band:]))
    right_at, left_at = int(np.argmax(centres)), int(np.argmin(centres))
    if head < TAIL and tail < TAIL and centres[right_at] > TIP and 0.3 * k <= right_at <= 0.7 * k:
        return ">"
    if head > 1 - TAIL and tail > 1 - TAIL and centres[left_at] < 1 - TIP and 0.3 * k <= left_at <= 0.7 * k:
        return "<"
    return None


def _spans(mask: np.ndarray, box, y: int, share: float) -> bool:
    """Whether the glyph's ink in row ``y`` (counted from its top) runs across ``share`` of its width."""
    left, top, right, _ = box
    cols = np.flatnonzero(mask[top + y, left:right])
    return bool(len(cols)) and cols[-1] - cols[0] + 1 >= share * (right - left)


def _with_soft_edges(bars: list[tuple[int, int]], mask: np.ndarray, box) -> list[tuple[int, int]]:
    """Each bar widened by the rows of its soft edges above and below: rows its ink still runs
    across most of the glyph in, lighter than a bar (blur at low resolution). A chevron's row is narrower."""
    height = box[3] - box[1]
    out: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(bars):
        floor = out[-1][1] if out else 0
        ceiling = bars[k + 1][0] if k + 1 < len(bars) else height
        while a > floor and _spans(mask, box, a - 1, EDGE_SPAN):
            a -= 1
        while b < ceiling and _spans(mask, box, b, EDGE_SPAN):
            b += 1
        out.append((a, b))
    return out


def _stroke_between(mask: np.ndarray, box, start: int, end: int) -> bool:
    """Whether rows ``start``…``end`` (exclusive, from the glyph's top) hold a stroke: a pen's width of
    ink in most of them (2's diagonal), not the speckle a photo's grain leaves (one pixel here and there)."""
    left, top, right, _ = box
    counts = [np.count_nonzero(mask[top + y, left:right]) for y in range(start, end)]
    return bool(counts) and float(np.median(counts)) >= PEN_MIN


def read_sign(grey: np.ndarray) -> Optional[str]:
    """The comparison sign drawn as the first glyph of ``grey`` (a text line's start, or a cell's
    interior), or None when that glyph is no sign."""
    found = _glyph(grey)
    if found is None:
        return None
    mask, box = found
    left, top, right, bottom = box
    if right - left < 6 or bottom - top < 4:
        return None
    darkness = _darkness(grey, mask, box)
    for y in range(bottom - top):  # a bar crosses the glyph: a chevron's row, or 二's short stroke, does not
        if not _spans(mask, box, y, SPAN):
            darkness[y] = 0.0
    bars = _with_soft_edges(bar_runs(darkness), mask, box)
    rows_with_ink = np.flatnonzero(mask[top:bottom, left:right].any(axis=1))
    if bars:
        if rows_with_ink[-1] >= bars[-1][1] + 1:  # ink under the last bar: no sign of ours
            return None
        above = bars[0][0]
    else:
        above = bottom - top
    if len(bars) > 2:
        return None
    if len(bars) == 2 and _stroke_between(mask, box, bars[0][1] + 1, bars[1][0] - 1):
        return None  # ink between the bars (2's stroke): no sign of ours
    point = _chevron(mask, box, above) if above >= 0.3 * (bottom - top) else None
    if point is None and np.count_nonzero(rows_with_ink < above):
        return None  # ink above the bars that is no chevron
    sign = SHAPES.get((point, len(bars)))
    if sign == "=" and (bottom - top) / (right - left) < FLAT:
        return "═"
    return sign
