"""Image clean-up before line detection and OCR (page image → **clean grey page** → grid).

Two steps, both general rather than tuned to one scanner:

- :func:`suppress_seal` — red/pink stamp ink is replaced by its red-channel brightness, which is
  close to the paper's: the stamp disappears while black print under it (dark in every channel)
  stays. Only saturated reddish pixels are touched, so black and blue print is unchanged.
- :func:`deskew` — the skew angle is measured on long near-horizontal ruling lines (Hough), with a
  projection-profile search as fallback for pages without rules, and the page rotated back
  (up to ±:data:`MAX_SKEW_DEG`).
"""
from __future__ import annotations

import math

import cv2
import numpy as np

MAX_SKEW_DEG = 6.0
GREY_SEAL_CUT = 0.85  # inside a grey stamp, pixels lighter than ink + this share of (stamp − ink) go


def to_bgr(image: np.ndarray) -> np.ndarray:
    """Any 2-D grey / 3-channel / 4-channel uint8 array as BGR."""
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    return image


def seal_mask(bgr: np.ndarray) -> np.ndarray:
    """Pixels of red/pink/orange stamp ink: reddish hue, clearly saturated, not dark."""
    hsv = cv2.cvtColor(bgr, cv2.COLOR_BGR2HSV)
    hue, sat, val = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    reddish = (hue <= 14) | (hue >= 160)
    b = bgr[..., 0].astype(np.int16)
    g = bgr[..., 1].astype(np.int16)
    r = bgr[..., 2].astype(np.int16)
    red_dominant = (r - np.maximum(g, b)) >= 35
    return (reddish & (sat >= 45) & (val >= 80) & red_dominant).astype(np.uint8) * 255


def suppress_seal(bgr: np.ndarray) -> tuple[np.ndarray, float]:
    """Grey page with red stamp ink removed, and the fraction of the page that was stamp ink."""
    bgr = to_bgr(bgr)
    grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    mask = seal_mask(bgr)
    # stamp ink becomes paper; its faint, less saturated fringe takes the red channel (bright there)
    # while black print under the stamp, dark in every channel, is not in either mask and stays
    fringe = cv2.dilate(mask, np.ones((5, 5), np.uint8))
    red = bgr[..., 2]
    cleaned = np.where(fringe > 0, np.maximum(grey, red), grey)
    # stamp ink over paper keeps a bright red channel; where the red channel is dark, print lies
    # under the stamp and is kept (as its red-channel darkness)
    paper_red = float(np.percentile(red, 90))
    over_print = red < 0.68 * paper_red
    cleaned = np.where((mask > 0) & ~over_print, 255, cleaned).astype(np.uint8)
    return cleaned, float(mask.mean() / 255.0)


def suppress_grey_seals(grey: np.ndarray) -> tuple[np.ndarray, int]:
    """Lighten round stamps printed in a lighter grey than the text (colour lost in the scan).

    A stamp is found as a circle of ink (Hough) whose rim is inked along most of its length; inside
    it, pixels clearly lighter than text ink are set to paper. Returns the page and stamps found."""
    h, w = grey.shape
    factor = 600.0 / max(h, w)
    small = cv2.resize(grey, (int(w * factor), int(h * factor)), interpolation=cv2.INTER_AREA)
    small = cv2.medianBlur(small, 3)
    unit = min(small.shape)
    circles = cv2.HoughCircles(small, cv2.HOUGH_GRADIENT, dp=1.5, minDist=unit // 6, param1=120, param2=35,
                               minRadius=int(unit * 0.06), maxRadius=int(unit * 0.2))
    if circles is None:
        return grey, 0
    ink = float(np.percentile(grey, 1))
    out = grey
    found = 0
    for cx, cy, r in np.asarray(circles).reshape(-1, 3)[:12]:  # candidates by votes; the rim test decides
        cx, cy, r = cx / factor, cy / factor, r / factor
        rim = _rim_values(grey, cx, cy, r)
        if rim is None:
            continue
        inked = rim < 200
        if inked.mean() < 0.9:
            continue
        seal_level = float(np.median(rim[inked]))
        if seal_level - ink < 45:
            continue  # stamp as dark as the text: cannot be separated by tone
        threshold = ink + GREY_SEAL_CUT * (seal_level - ink)
        yy, xx = np.ogrid[:h, :w]
        inside = (xx - cx) ** 2 + (yy - cy) ** 2 <= (r * 1.08) ** 2
        if out is grey:
            out = grey.copy()
        out[inside & (grey > threshold)] = 255
        found += 1
    return out, found


def _rim_values(grey: np.ndarray, cx: float, cy: float, r: float):
    """Darkest pixel across the rim (±4% of r) at 180 points around the circle."""
    h, w = grey.shape
    values = []
    for theta in np.linspace(0, 2 * np.pi, 180, endpoint=False):
        darkest = 255
        for rr in np.linspace(r * 0.94, r * 1.06, 7):
            x, y = int(cx + rr * np.cos(theta)), int(cy + rr * np.sin(theta))
            if 0 <= x < w and 0 <= y < h:
                darkest = min(darkest, int(grey[y, x]))
        values.append(darkest)
    return np.asarray(values, dtype=np.float32) if values else None


def normalise_background(grey: np.ndarray) -> np.ndarray:
    """Stretch contrast so the paper is white and print is dark (tinted or grey scans)."""
    paper = float(np.percentile(grey, 90))
    ink = float(np.percentile(grey, 0.5))
    if paper - ink < 40:
        return grey
    lut = np.clip((np.arange(256, dtype=np.float32) - ink) * 255.0 / (paper - ink), 0, 255).astype(np.uint8)
    return cv2.LUT(grey, lut)


def _binary(grey: np.ndarray) -> np.ndarray:
    return cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)


def estimate_skew(grey: np.ndarray) -> float:
    """Skew angle in degrees (positive = content rotated clockwise in image coordinates)."""
    h, w = grey.shape
    factor = 1200.0 / max(h, w) if max(h, w) > 1200 else 1.0
    small = cv2.resize(grey, (int(w * factor), int(h * factor)), interpolation=cv2.INTER_AREA) if factor < 1 else grey
    binary = _binary(small)
    sh, sw = binary.shape
    # angles are read from segment end points, so a 0.25° accumulator is fine enough (and fast)
    segments = cv2.HoughLinesP(binary, 1, math.pi / 720, threshold=max(60, sw // 8),
                               minLineLength=max(60, sw // 5), maxLineGap=max(4, sw // 300))
    angles: list[float] = []
    weights: list[float] = []
    if segments is not None:
        for x1, y1, x2, y2 in np.asarray(segments).reshape(-1, 4):
            dx, dy = x2 - x1, y2 - y1
            if dx == 0:
                continue
            angle = math.degrees(math.atan2(dy, dx))
            if abs(angle) <= MAX_SKEW_DEG:
                angles.append(angle)
                weights.append(math.hypot(dx, dy))
    if len(angles) >= 3:
        order = np.argsort(angles)
        cum = np.cumsum(np.asarray(weights)[order])
        return float(np.asarray(angles)[order][np.searchsorted(cum, cum[-1] / 2)])
    return _skew_by_projection(binary)


def _skew_by_projection(binary: np.ndarray) -> float:
    """Angle that makes the row profile of ``binary`` sharpest (text lines without ruling lines)."""
    if binary.mean() < 0.5:
        return 0.0
    h, w = binary.shape
    centre = (w / 2, h / 2)
    best, best_score = 0.0, -1.0
    for angle in np.arange(-MAX_SKEW_DEG, MAX_SKEW_DEG + 0.01, 0.25):
        m = cv2.getRotationMatrix2D(centre, angle, 1.0)
        rotated = cv2.warpAffine(binary, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
        profile = rotated.sum(axis=1, dtype=np.float64)
        score = float(np.square(np.diff(profile)).sum())
        if score > best_score:
            best, best_score = float(angle), score
    return best


def rotate(image: np.ndarray, angle: float) -> np.ndarray:
    """Rotate ``image`` by ``angle`` degrees about its centre, keeping its size, white fill."""
    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    fill = 255 if image.ndim == 2 else (255, 255, 255)
    return cv2.warpAffine(image, m, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_CONSTANT, borderValue=fill)


def deskew(grey: np.ndarray) -> tuple[np.ndarray, float]:
    """The page rotated upright, and the angle it was rotated by (degrees)."""
    angle = estimate_skew(grey)
    if abs(angle) < 0.05:
        return grey, 0.0
    return rotate(grey, angle), angle


def clean_page(image: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Upright pages for line detection and for OCR (red stamps removed from both; grey stamps
    lightened only in the OCR page, where a rule under the stamp does not matter), and the angle."""
    grey, _seal_fraction = suppress_seal(image)
    grey = normalise_background(grey)
    angle = estimate_skew(grey)
    for_ocr, _stamps = suppress_grey_seals(grey)
    if abs(angle) >= 0.05:
        grey = rotate(grey, angle)
        for_ocr = grey if for_ocr is None or _stamps == 0 else rotate(for_ocr, angle)
    elif _stamps == 0:
        for_ocr = grey
    return grey, for_ocr, angle
