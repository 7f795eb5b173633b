"""Image clean-up before line detection and OCR (page image → **clean upright grey page** → grid).

Every step is general rather than tuned to one scanner, and each one keeps the map from the clean
page back to the scan's own pixels (:class:`PageTransform`), so cell boxes are reported where the
cells are on the scan:

- :func:`flatten` — uneven light (a phone photo's gradient, a shadow band, a dark corner) is
  divided out: the paper's local brightness is estimated at quarter scale (ink closed away) and
  the page divided by it, so paper is white everywhere and print keeps its contrast. Global
  percentiles cannot do this (a shaded corner's paper is darker than the lit side's print).
- :func:`suppress_seal` — red/pink stamp ink is told from print by being reddish *relative to
  its neighbours* (no absolute brightness: a seal in a shadow is dark red), and replaced by the
  local paper where it covers paper; black print under a stamp is dark in the red channel too
  and is kept as that.
- :func:`page_transform` — the page is put upright: from the table's outer rules (top and bottom
  rules, left/right rules or, for tables ruled only horizontally, the rules' ends) when they show
  perspective (a photo taken at a slant: opposite edges not parallel), else by the skew angle
  measured on long ruling lines (Hough), with a projection-profile search as fallback for pages
  without rules (up to ±:data:`MAX_SKEW_DEG`).

Measured on the harsh samples (``samples/scan``): without :func:`flatten` and the relative seal
mask, the 150-dpi phone photo read 0 of 11 indicators (shaded print thresholded away, a grey
seal ghost whitened with the text under it); with them, every indicator.
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


def background(grey: np.ndarray) -> np.ndarray:
    """The paper's brightness around each pixel: ink closed away at quarter scale, smoothed.

    The closing element spans about 1/40 of the page's short side at quarter scale (28 px of a
    150-dpi page, 52 px of a 250-dpi one): wider than a character, narrower than light changes."""
    h, w = grey.shape
    factor = 4
    small = cv2.resize(grey, (max(1, w // factor), max(1, h // factor)), interpolation=cv2.INTER_AREA)
    k = max(7, (min(small.shape) // 40) | 1)
    bg = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    bg = cv2.medianBlur(bg, 9 if min(bg.shape) > 9 else 3)
    return cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR)


def flatten(grey: np.ndarray, bg: np.ndarray | None = None) -> np.ndarray:
    """The page divided by its local paper brightness: white paper everywhere, print kept."""
    if bg is None:
        bg = background(grey)
    scale = 255.0 / np.maximum(bg, 1).astype(np.float32)
    return np.clip(grey.astype(np.float32) * scale, 0, 255).astype(np.uint8)


def seal_mask(bgr: np.ndarray) -> np.ndarray:
    """Pixels of red/pink/orange stamp ink: reddish hue, red clearly above green and blue (on a
    3×3 average, so JPEG's coarse colour does not break a stroke up), not as dark as print."""
    smooth = cv2.blur(bgr, (3, 3))
    hsv = cv2.cvtColor(smooth, cv2.COLOR_BGR2HSV)
    hue, sat, val = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    reddish = (hue <= 14) | (hue >= 160)
    b = smooth[..., 0].astype(np.int16)
    g = smooth[..., 1].astype(np.int16)
    r = smooth[..., 2].astype(np.int16)
    red_dominant = (r - np.maximum(g, b)) >= 25
    return (reddish & (sat >= 40) & (val >= 50) & red_dominant).astype(np.uint8) * 255


SEAL_OVER_PAPER = 0.75  # stamp ink over paper keeps about this share of the paper's red-channel brightness


def suppress_seal(bgr: np.ndarray) -> tuple[np.ndarray, float]:
    """Grey page with red stamp ink removed, and the fraction of the page that was stamp ink."""
    bgr = to_bgr(bgr)
    grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    mask = seal_mask(bgr)
    fraction = float(mask.mean() / 255.0)
    if fraction == 0.0:
        return grey, 0.0
    # stamp ink and a generous fringe (JPEG smears colour; faint, unsaturated ink escapes the
    # mask) take the red channel: as bright as paper under red ink, while print — dark in every
    # channel — stays dark, and a neutral pixel's red channel is its grey anyway
    reach = max(5, min(grey.shape) // 100) | 1
    fringe = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (reach, reach)))
    red = bgr[..., 2].astype(np.float32)
    # in the fringe the page is read in the red channel, in which stamp ink is nearly as bright as
    # paper and print under it stays dark; pixels that are red (ink over paper, which keeps about
    # SEAL_OVER_PAPER of the paper's red brightness, in light or shade) are lifted to the paper,
    # neutral ones (print, whose red channel is its grey) are left alone, so print beside or
    # under a stamp keeps its full contrast
    smooth = cv2.blur(bgr, (3, 3)).astype(np.int16)
    redness = smooth[..., 2] - np.maximum(smooth[..., 1], smooth[..., 0])
    weight = np.clip((redness.astype(np.float32) - 6.0) / 20.0, 0.0, 1.0)
    paper_red = background(bgr[..., 2]).astype(np.float32)
    lifted = np.minimum(paper_red, red / SEAL_OVER_PAPER)
    in_fringe = red + weight * np.maximum(lifted - red, 0.0)
    cleaned = np.where(fringe > 0, in_fringe, grey).astype(np.uint8)
    return cleaned, fraction


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
    smooth = cv2.medianBlur(grey, 3)  # scan noise must not pass for a rim
    out = grey
    found = 0
    for cx, cy, r in np.asarray(circles).reshape(-1, 3)[:12]:  # candidates by votes; the rim test decides
        cx, cy, r = cx / factor, cy / factor, r / factor
        rim = _ring_values(smooth, cx, cy, r, 0.94, 1.06, np.min)
        if rim is None:
            continue
        # the rim is ink where it is clearly darker than the paper just inside or outside it
        beside = np.maximum(_ring_values(smooth, cx, cy, r, 0.82, 0.88, np.median),
                            _ring_values(smooth, cx, cy, r, 1.12, 1.18, np.median))
        inked = (rim < 200) & (rim < beside - 40)
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


def _ring_values(grey: np.ndarray, cx: float, cy: float, r: float, inner: float, outer: float, reduce):
    """At 180 points around the circle, ``reduce`` (min, median) of the pixels across the band
    from ``inner``·r to ``outer``·r (points off the page count as paper)."""
    h, w = grey.shape
    theta = np.linspace(0, 2 * np.pi, 180, endpoint=False)[:, None]
    radii = np.linspace(r * inner, r * outer, 7)[None, :]
    xs = (cx + radii * np.cos(theta)).astype(np.int64)
    ys = (cy + radii * np.sin(theta)).astype(np.int64)
    valid = (xs >= 0) & (xs < w) & (ys >= 0) & (ys < h)
    values = np.full(xs.shape, 255.0, dtype=np.float32)
    values[valid] = grey[ys[valid], xs[valid]]
    return reduce(values, axis=1)


def normalise_background(grey: np.ndarray) -> np.ndarray:
    """Stretch contrast so the paper is white and print is dark (tinted or grey scans)."""
    paper = float(np.percentile(grey, 90))
    ink = float(np.percentile(grey, 0.5))
    if paper - ink < 40:
        return grey
    lut = np.clip((np.arange(256, dtype=np.float32) - ink) * 255.0 / (paper - ink), 0, 255).astype(np.uint8)
    return cv2.LUT(grey, lut)


def _binary(grey: np.ndarray) -> np.ndarray:
    """Ink = 255: an adaptive threshold after a 3×3 Gaussian, so scan noise and JPEG speckle do
    not turn into ink (without it a noisy 150-dpi photo came out a tenth ink and the Hough pass
    took seconds) while a 1-px rule stays whole (a median filter would erase it)."""
    smooth = cv2.GaussianBlur(grey, (3, 3), 0)
    return cv2.adaptiveThreshold(smooth, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)


Segment = tuple[float, float, float, float]


def _segments(grey: np.ndarray) -> list[Segment]:
    """Long straight ink segments (page pixels), from a Hough pass on a page at most 1200 px."""
    h, w = grey.shape
    factor = 1200.0 / max(h, w) if max(h, w) > 1200 else 1.0
    small = cv2.resize(grey, (int(w * factor), int(h * factor)), interpolation=cv2.INTER_AREA) if factor < 1 else grey
    binary = _binary(small)
    sh, sw = binary.shape
    # angles are read from segment end points, so a 0.25° accumulator is fine enough (and fast)
    found = cv2.HoughLinesP(binary, 1, math.pi / 720, threshold=max(60, min(sw, sh) // 8),
                            minLineLength=max(60, min(sw, sh) // 5), maxLineGap=max(4, sw // 300))
    if found is None:
        return []
    return [(x1 / factor, y1 / factor, x2 / factor, y2 / factor) for x1, y1, x2, y2 in np.asarray(found).reshape(-1, 4)]


def _horizontal_angles(segments: list[Segment]) -> tuple[list[float], list[float]]:
    angles: list[float] = []
    weights: list[float] = []
    for x1, y1, x2, y2 in segments:
        dx, dy = x2 - x1, y2 - y1
        if dx == 0:
            continue
        angle = math.degrees(math.atan2(dy, dx))
        if abs(angle) <= MAX_SKEW_DEG:
            angles.append(angle)
            weights.append(math.hypot(dx, dy))
    return angles, weights


def _weighted_median(values: list[float], weights: list[float]) -> float:
    order = np.argsort(values)
    cum = np.cumsum(np.asarray(weights)[order])
    return float(np.asarray(values)[order][np.searchsorted(cum, cum[-1] / 2)])


def estimate_skew(grey: np.ndarray, segments: list[Segment] | None = None) -> float:
    """Skew angle in degrees (positive = content rotated clockwise in image coordinates)."""
    angles, weights = _horizontal_angles(_segments(grey) if segments is None else segments)
    if len(angles) >= 3:
        return _weighted_median(angles, weights)
    h, w = grey.shape
    factor = 1200.0 / max(h, w) if max(h, w) > 1200 else 1.0
    small = cv2.resize(grey, (int(w * factor), int(h * factor)), interpolation=cv2.INTER_AREA) if factor < 1 else grey
    return _skew_by_projection(_binary(small))


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


class PageTransform:
    """The map from the scan's pixels to the upright page (a 3×3 homography: a rotation for a
    skewed scan, a perspective correction for a photo) and back."""

    def __init__(self, matrix: np.ndarray | None = None, kind: str = "none", angle: float = 0.0):
        self.matrix = np.eye(3) if matrix is None else np.asarray(matrix, dtype=np.float64)
        self.kind = kind  # none | rotation | perspective
        self.angle = angle
        self._inverse = np.linalg.inv(self.matrix)

    @property
    def identity(self) -> bool:
        return self.kind == "none"

    def apply(self, image: np.ndarray) -> np.ndarray:
        if self.identity:
            return image
        h, w = image.shape[:2]
        fill = 255 if image.ndim == 2 else (255, 255, 255)
        if self.kind == "rotation":
            return cv2.warpAffine(image, self.matrix[:2], (w, h), flags=cv2.INTER_CUBIC,
                                  borderMode=cv2.BORDER_CONSTANT, borderValue=fill)
        return cv2.warpPerspective(image, self.matrix, (w, h), flags=cv2.INTER_CUBIC,
                                   borderMode=cv2.BORDER_CONSTANT, borderValue=fill)

    def to_source(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """The box on the scan covering the upright-page box (x0, y0, x1, y1)."""
        if self.identity:
            return x0, y0, x1, y1
        pts = np.float64([[x0, y0, 1], [x1, y0, 1], [x1, y1, 1], [x0, y1, 1]]) @ self._inverse.T
        xs, ys = pts[:, 0] / pts[:, 2], pts[:, 1] / pts[:, 2]
        return float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max())


def _rotation(angle: float, w: int, h: int) -> PageTransform:
    m = np.vstack([cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0), [0, 0, 1]])
    return PageTransform(m, "rotation", angle)


PERSPECTIVE_MIN_DEG = 0.3  # table edges this far from a rotated rectangle's: a slanted photo
PERSPECTIVE_MAX_SHIFT = 0.08  # a correction moving a corner more than this share of the page is not trusted


class _Rule:
    """Collinear segments of one ruling line; ``v`` is the across coordinate as a line in ``u``."""

    def __init__(self, u0: float, v0: float, u1: float, v1: float):
        self.points = [(u0, v0), (u1, v1)]

    def fit(self) -> tuple[float, float]:
        us, vs = np.asarray(self.points).T
        if np.ptp(us) < 1:
            return 0.0, float(vs.mean())
        slope, intercept = np.polyfit(us, vs, 1)
        return float(slope), float(intercept)

    def at(self, u: float) -> float:
        slope, intercept = self.fit()
        return slope * u + intercept

    @property
    def start(self) -> float:
        return min(p[0] for p in self.points)

    @property
    def end(self) -> float:
        return max(p[0] for p in self.points)

    @property
    def length(self) -> float:
        return self.end - self.start


def _collect_rules(segments: list[Segment], upright: bool, tol: float) -> list[_Rule]:
    """Segments near one direction grouped into rules (u along the rule, v across)."""
    items = []
    for x1, y1, x2, y2 in segments:
        u0, v0, u1, v1 = (y1, x1, y2, x2) if upright else (x1, y1, x2, y2)
        if u1 == u0:
            continue
        if abs(math.degrees(math.atan2(v1 - v0, u1 - u0))) > MAX_SKEW_DEG + 4:
            continue
        if u1 < u0:
            u0, v0, u1, v1 = u1, v1, u0, v0
        items.append((u0, v0, u1, v1))
    items.sort(key=lambda it: -(it[2] - it[0]))  # longest first: they fix each rule's line
    rules: list[_Rule] = []
    for u0, v0, u1, v1 in items:
        mid_u, mid_v = (u0 + u1) / 2, (v0 + v1) / 2
        for rule in rules:
            if abs(rule.at(mid_u) - mid_v) <= tol:
                rule.points += [(u0, v0), (u1, v1)]
                break
        else:
            rules.append(_Rule(u0, v0, u1, v1))
    return rules


def _consistent(rules: list[_Rule], centre: float) -> list[_Rule]:
    """The rules whose angles follow one smooth trend across the page (in a photo the angle of
    parallel rules changes linearly with their position): a robust (Theil–Sen) line through
    angle against position, and the rules within 0.35° of it. A line at odds with the trend —
    the paper's edge under a form printed askew, a desk edge — is dropped however long it is."""
    if len(rules) < 3:
        return list(rules)
    pos = np.asarray([r.at(centre) for r in rules])
    ang = np.degrees(np.arctan([r.fit()[0] for r in rules]))
    slopes = [(ang[j] - ang[i]) / (pos[j] - pos[i]) for i in range(len(rules)) for j in range(i + 1, len(rules))
              if abs(pos[j] - pos[i]) > 1.0]
    slope = float(np.median(slopes)) if slopes else 0.0
    intercept = float(np.median(ang - slope * pos))
    residual = np.abs(ang - (slope * pos + intercept))
    return [r for r, e in zip(rules, residual) if e <= 0.35]


def _line_through(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """v = slope·u + intercept through points (u, v), or None when they do not lie on a line."""
    if len(points) < 3:
        return None
    us, vs = np.asarray(points).T
    slope, intercept = np.polyfit(us, vs, 1)
    residual = np.abs(vs - (slope * us + intercept))
    return (float(slope), float(intercept)) if residual.max() <= 0.01 * max(1.0, np.ptp(us)) + 3 else None


def _intersect(h_line: tuple[float, float], v_line: tuple[float, float]) -> tuple[float, float]:
    """Crossing of y = a·x + b (horizontal rule) and x = c·y + d (vertical edge)."""
    a, b = h_line
    c, d = v_line
    y = (a * d + b) / (1 - a * c)
    return c * y + d, y


EDGE_BAND = 0.03  # of the page width: rule ends this near the outermost one lie on the table's edge


def _outermost(points: list[tuple[float, float]], w: int, first: bool) -> list[tuple[float, float]]:
    """The rule ends (v, u) on the table's outer edge: those near the outermost one. Rows of a form
    often stop short of it (the rules right of a tall merged 绩效指标 cell start at its edge), and a
    line through all ends found no edge: a slanted photo was only rotated, its upright rules left
    askew. With :func:`lines._rules_at_rule_ends`, the real forms photographed (19 photos, 129 rows)
    read at indicators 0.643 → 0.710, image PDFs unchanged (0.909)."""
    if not points:
        return []
    edge = min(u for _, u in points) if first else max(u for _, u in points)
    return [(v, u) for v, u in points if abs(u - edge) <= EDGE_BAND * w]


def table_quad(segments: list[Segment], w: int, h: int) -> np.ndarray | None:
    """The four corners (tl, tr, br, bl) of the page's ruled table, from its outer rules: top and
    bottom rules, and left/right rules or (ruled only horizontally) the line of the rules' ends."""
    tol = max(3.0, 0.004 * h)
    hrules = _consistent(_collect_rules(segments, False, tol), w / 2)
    if len(hrules) < 2:
        return None
    longest = max(r.length for r in hrules)
    if longest < 0.3 * w:
        return None
    wide = [r for r in hrules if r.length >= 0.6 * longest]
    if len(wide) < 2:
        return None
    top = min(wide, key=lambda r: r.at(w / 2))
    bottom = max(wide, key=lambda r: r.at(w / 2))
    if bottom.at(w / 2) - top.at(w / 2) < 0.1 * h:
        return None
    tall = [r for r in _collect_rules(segments, True, tol) if r.length >= 0.25 * (bottom.at(w / 2) - top.at(w / 2))]
    vrules = _consistent(tall, h / 2)
    left = right = None
    if len(vrules) >= 2:
        left_rule = min(vrules, key=lambda r: r.at(h / 2))
        right_rule = max(vrules, key=lambda r: r.at(h / 2))
        if right_rule.at(h / 2) - left_rule.at(h / 2) >= 0.5 * longest:
            left, right = left_rule.fit(), right_rule.fit()
    if left is None:
        full = [r for r in hrules if r.length >= 0.85 * longest]
        left = _line_through(_outermost([(r.at(r.start), r.start) for r in full], w, first=True))
        right = _line_through(_outermost([(r.at(r.end), r.end) for r in full], w, first=False))
        if left is None or right is None:
            return None
    corners = [_intersect(top.fit(), left), _intersect(top.fit(), right),
               _intersect(bottom.fit(), right), _intersect(bottom.fit(), left)]
    return np.float32(corners)


def _edge_angle(p: np.ndarray, q: np.ndarray) -> float:
    return math.degrees(math.atan2(q[1] - p[1], q[0] - p[0]))


HOUGH_END_PX = 2.0  # a segment's end is found to about this many pixels of the page the Hough pass reads


def _slant_tolerance(quad: np.ndarray, w: int, h: int) -> float:
    """Degrees the table's edges may stray from a rotated rectangle's before the page counts as a
    slanted photo: :data:`PERSPECTIVE_MIN_DEG`, plus what the ends of its shortest edge leave
    unsure on the page the Hough pass reads (at most 1200 px). A short table's upright rules read
    0.41° askew on a straight 200-dpi page (h31: 508 px tall, 277 px in the Hough pass), and a
    false perspective correction then bent its right-hand rules off the grid."""
    factor = min(1.0, 1200.0 / max(h, w))
    tl, tr, br, bl = quad
    shortest = min(np.linalg.norm(tr - tl), np.linalg.norm(br - bl), np.linalg.norm(bl - tl), np.linalg.norm(br - tr))
    return PERSPECTIVE_MIN_DEG + math.degrees(math.atan(HOUGH_END_PX / max(1.0, shortest * factor)))


def slanted(top: float, bottom: float, left: float, right: float, tolerance: float = PERSPECTIVE_MIN_DEG) -> bool:
    """Whether a table's four edge angles (degrees; the upright ones less 90) show a slanted
    photo rather than a rotation: opposite edges converge, or the upright edges lean unlike the
    level ones (shear), by ``tolerance`` or more. One edge at odds with the three others is a rule
    misread (a column's rule taken for the table's edge: h31's right edge read 3.6° off on a
    straight page), not a slant: a slant moves two edges at least."""
    middle = float(np.median([top, bottom, left, right]))
    if sum(abs(edge - middle) >= tolerance / 2 for edge in (top, bottom, left, right)) < 2:
        return False
    return max(abs(top - bottom), abs(left - right), abs((top + bottom) / 2 - (left + right) / 2)) >= tolerance


def page_transform(grey: np.ndarray) -> PageTransform:
    """How to put the page upright: a perspective correction when the table's outer edges show a
    slanted photo, else a rotation by the skew of its long rules (or text lines)."""
    h, w = grey.shape
    segments = _segments(grey)
    quad = table_quad(segments, w, h) if segments else None
    if quad is not None:
        tl, tr, br, bl = quad
        top, bottom = _edge_angle(tl, tr), _edge_angle(bl, br)
        left, right = _edge_angle(tl, bl) - 90, _edge_angle(tr, br) - 90
        if slanted(top, bottom, left, right, _slant_tolerance(quad, w, h)):
            width = (np.linalg.norm(tr - tl) + np.linalg.norm(br - bl)) / 2
            height = (np.linalg.norm(bl - tl) + np.linalg.norm(br - tr)) / 2
            cx, cy = quad[:, 0].mean(), quad[:, 1].mean()
            target = np.float32([[cx - width / 2, cy - height / 2], [cx + width / 2, cy - height / 2],
                                 [cx + width / 2, cy + height / 2], [cx - width / 2, cy + height / 2]])
            angle = estimate_skew(grey, segments)
            rotated = cv2.transform(quad[None], cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0))[0]
            shift = np.abs(rotated - target).max(axis=0) / np.float32([w, h])
            if shift.max() <= PERSPECTIVE_MAX_SHIFT:
                return PageTransform(cv2.getPerspectiveTransform(quad, target), "perspective", angle)
    angle = estimate_skew(grey, segments)
    if abs(angle) < 0.05:
        return PageTransform()
    return _rotation(angle, w, h)


class CleanPage:
    """A page made ready for line detection and OCR, with what was done to it."""

    def __init__(self, source: np.ndarray, for_lines: np.ndarray, for_ocr: np.ndarray, transform: PageTransform,
                 seal_fraction: float, grey_stamps: int):
        self.source, self.for_lines, self.for_ocr, self.transform = source, for_lines, for_ocr, transform
        self.seal_fraction, self.grey_stamps = seal_fraction, grey_stamps

    @property
    def stamped(self) -> bool:
        return self.seal_fraction > 0 or self.grey_stamps > 0

    def alternatives(self) -> list[np.ndarray]:
        """Other upright renderings of the page for a second reading of text a stamp made unsure:
        the page before grey stamps were lightened, and the red channel alone (a red stamp
        nearly vanishes in it, without the lift that can thin print under the stamp)."""
        out = []
        if self.grey_stamps:
            out.append(self.for_lines)
        if self.seal_fraction > 0 and self.source.ndim == 3:
            out.append(self.transform.apply(normalise_background(flatten(np.ascontiguousarray(self.source[..., 2])))))
        return out


def clean(image: np.ndarray) -> CleanPage:
    """Upright pages for line detection and for OCR (red stamps removed and light evened out in
    both; grey stamps lightened only in the OCR page, where a rule under the stamp does not
    matter), and the transform from the scan to them."""
    source = to_bgr(image)
    grey, seal_fraction = suppress_seal(source)
    grey = normalise_background(flatten(grey))
    transform = page_transform(grey)
    for_ocr, stamps = suppress_grey_seals(grey)
    grey = transform.apply(grey)
    for_ocr = transform.apply(for_ocr) if stamps else grey
    return CleanPage(source, grey, for_ocr, transform, seal_fraction, stamps)
