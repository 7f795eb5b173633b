"""PDF page → raw layout objects: characters with boxes and straight ruling segments.

First step of the PDF reader (file → **objects** → grid → form → row). Uses pypdfium2's C API
directly, which is an order of magnitude faster than pdfminer. Every coordinate is returned in the
page's *displayed* frame: origin at the top-left of the crop box, y growing downwards, the page's
``/Rotate`` already applied — so landscape and rotated pages look the same as upright ones to
the grid builder.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # glyph height along the writing direction's normal (font size proxy)
    angle: int  # writing direction on the displayed page, degrees counter-clockwise: 0, 90, 180, 270
    space_before: bool = False  # the PDF has a real space character right before this one

    @property
    def upright(self) -> bool:
        return self.angle in (0, 180)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Segment:
    """An axis-parallel ruling segment: horizontal (``y0 == y1``) or vertical (``x0 == x1``)."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.bottom - self.top <= self.x1 - self.x0


@dataclass
class PageObjects:
    number: int  # 1-based
    width: float
    height: float
    chars: list[Char]
    segments: list[Segment]
    n_images: int
    garbled_chars: int  # chars whose Unicode could not be recovered (no ToUnicode map, PUA, controls)
    odd_chars: int = 0  # readable chars from scripts these documents never use (a wrong font map's output)


# a rule drawn as a filled rectangle is at most this thick (points)
MAX_RULE_THICKNESS = 2.5
# straight enough to count as axis-parallel (points of drift over the segment)
AXIS_TOLERANCE = 1.0


class _Frame:
    """Maps PDF user space to the displayed top-left frame of one page."""

    def __init__(self, page: pdfium.PdfPage):
        left, bottom, right, top = page.get_cropbox()
        self.left, self.bottom, self.right, self.top = left, bottom, right, top
        self.rotation = page.get_rotation() % 360
        w, h = right - left, top - bottom
        self.width, self.height = (h, w) if self.rotation in (90, 270) else (w, h)

    def point(self, x: float, y: float) -> tuple[float, float]:
        r = self.rotation
        if r == 0:
            return x - self.left, self.top - y
        if r == 90:
            return y - self.bottom, x - self.left
        if r == 180:
            return self.right - x, y - self.bottom
        return self.top - y, self.right - x

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        ax, ay = self.point(x0, y0)
        bx, by = self.point(x1, y1)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def _is_garbled(code: int) -> bool:
    if code == 0 or code == 0xFFFD:
        return True
    if code < 0x20 and code not in (9, 10, 13):
        return True
    return 0xE000 <= code <= 0xF8FF or 0xF0000 <= code


# Unicode ranges Chinese government documents are written in: ASCII and Latin-1, punctuation,
# letter-like symbols, arrows and maths (≥ ≤ ℃), enclosed numbers (①), box drawing and shapes,
# CJK radicals, symbols, kana, compatibility units (㎡), ideographs, full-width forms.
_USUAL = ((0x20, 0x24F), (0x2000, 0x2BFF), (0x2E80, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
          (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x20000, 0x2FFFF))


def is_unusual(code: int) -> bool:
    for lo, hi in _USUAL:
        if lo <= code <= hi:
            return False
    return True


def page_objects(pdf: pdfium.PdfDocument, index: int) -> PageObjects:
    page = pdf[index]
    try:
        frame = _Frame(page)
        chars, garbled = _chars(page, frame)
        segments, n_images = _segments(page, frame)
        odd = sum(1 for c in chars if is_unusual(ord(c.text)))
        return PageObjects(index + 1, frame.width, frame.height, chars, segments, n_images, garbled, odd)
    finally:
        page.close()


def _chars(page: pdfium.PdfPage, frame: _Frame) -> tuple[list[Char], int]:
    textpage = page.get_textpage()
    raw = textpage.raw
    try:
        n = pdfium_c.FPDFText_CountChars(raw)
        rect = pdfium_c.FS_RECTF()
        rect_ref = ctypes.byref(rect)
        get_unicode = pdfium_c.FPDFText_GetUnicode
        is_generated = pdfium_c.FPDFText_IsGenerated
        get_box = pdfium_c.FPDFText_GetLooseCharBox
        get_angle = pdfium_c.FPDFText_GetCharAngle
        map_error = pdfium_c.FPDFText_HasUnicodeMapError
        is_hyphen = pdfium_c.FPDFText_IsHyphen
        rotation = frame.rotation
        clip_of = _ClipBoxes()
        chars: list[Char] = []
        garbled = 0
        space = False
        for k in range(n):
            code = get_unicode(raw, k)
            if is_generated(raw, k) == 1:
                continue
            if code in (32, 9, 0x3000, 0xA0):
                space = True
                continue
            if code in (10, 13):
                continue
            if code == 2 and is_hyphen(raw, k) == 1:
                code = 0x2D  # pdfium reports a '-' ending a line as a soft hyphen; here it is a range's dash (2021年1月- ⏎ 12月)
            if map_error(raw, k) == 1 or _is_garbled(code):
                garbled += 1
                continue
            get_box(raw, k, rect_ref)
            clip = clip_of(pdfium_c.FPDFText_GetTextObject(raw, k))
            if clip is not None:
                cx, cy = (rect.left + rect.right) / 2, (rect.bottom + rect.top) / 2
                if not (clip[0] - 1 <= cx <= clip[2] + 1 and clip[1] - 1 <= cy <= clip[3] + 1):
                    continue  # clipped away: text overflowing a cell, hidden on this page
            x0, y0, x1, y1 = frame.box(rect.left, rect.bottom, rect.right, rect.top)
            angle = get_angle(raw, k)  # radians, counter-clockwise, in user space
            if angle >= 0:
                raw_degrees = angle * 57.29578
                quarter = round(raw_degrees / 90)
                if abs(raw_degrees - quarter * 90) > 10:
                    continue  # slanted text: a watermark or stamp, not table content
                degrees = (quarter * 90 - rotation) % 360
            else:
                degrees = 0
            size = (y1 - y0) if degrees in (0, 180) else (x1 - x0)
            chars.append(Char(chr(code), x0, y0, x1, y1, max(size, 0.1), degrees, space))
            space = False
        return chars, garbled
    finally:
        textpage.close()


class _ClipBoxes:
    """Bounding box of each text object's clip path (user space), cached per object."""

    def __init__(self) -> None:
        self.cache: dict[int, tuple[float, float, float, float] | None] = {}
        self.fx, self.fy = ctypes.c_float(), ctypes.c_float()

    def __call__(self, obj) -> tuple[float, float, float, float] | None:
        key = ctypes.cast(obj, ctypes.c_void_p).value or 0
        if key in self.cache:
            return self.cache[key]
        box = None
        clip = pdfium_c.FPDFPageObj_GetClipPath(obj) if key else None
        if clip:
            fx, fy = self.fx, self.fy
            get_segment, get_point = pdfium_c.FPDFClipPath_GetPathSegment, pdfium_c.FPDFPathSegment_GetPoint
            # the last clip path is the innermost (a cell's rectangle); the page box comes first
            i = pdfium_c.FPDFClipPath_CountPaths(clip) - 1
            n = pdfium_c.FPDFClipPath_CountPathSegments(clip, i) if i >= 0 else 0
            # an axis-parallel rectangle (the usual clip) is known from two opposite corners
            indices = (0, 2) if n in (4, 5) else range(n)
            xs, ys = [], []
            for j in indices:
                seg = get_segment(clip, i, j)
                if seg and get_point(seg, fx, fy):
                    xs.append(fx.value)
                    ys.append(fy.value)
            if xs:
                box = (min(xs), min(ys), max(xs), max(ys))
        self.cache[key] = box
        return box


def _segments(page: pdfium.PdfPage, frame: _Frame) -> tuple[list[Segment], int]:
    segments: list[Segment] = []
    n_images = 0
    fx, fy = ctypes.c_float(), ctypes.c_float()
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    matrix = pdfium_c.FS_MATRIX()
    for raw, depth_matrix in _page_objects(page.raw):
        kind = pdfium_c.FPDFPageObj_GetType(raw)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            n_images += 1
            continue
        if kind != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        pdfium_c.FPDFPath_GetDrawMode(raw, fill_mode, stroke)
        filled = fill_mode.value != 0
        stroked = bool(stroke.value)
        if not filled and not stroked:
            continue
        if filled and not stroked:
            if pdfium_c.FPDFPageObj_GetFillColor(raw, r, g, b, a) and (a.value == 0 or min(r.value, g.value, b.value) >= 250):
                continue  # white or transparent background
        pdfium_c.FPDFPageObj_GetMatrix(raw, matrix)
        ma, mb, mc, md, me, mf = _compose(matrix, depth_matrix)
        points: list[tuple[float, float, int, bool]] = []
        n = pdfium_c.FPDFPath_CountSegments(raw)
        for s in range(n):
            seg = pdfium_c.FPDFPath_GetPathSegment(raw, s)
            pdfium_c.FPDFPathSegment_GetPoint(seg, fx, fy)
            x, y = fx.value, fy.value
            ux, uy = ma * x + mc * y + me, mb * x + md * y + mf
            dx, dy = frame.point(ux, uy)
            points.append((dx, dy, pdfium_c.FPDFPathSegment_GetType(seg), bool(pdfium_c.FPDFPathSegment_GetClose(seg))))
        _path_segments(points, filled, segments)
    return segments, n_images


Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _compose(m, outer: Matrix) -> Matrix:
    """An object's matrix followed by the matrices of the form XObjects holding it."""
    a, b, c, d, e, f = m.a, m.b, m.c, m.d, m.e, m.f
    if outer == IDENTITY:
        return a, b, c, d, e, f
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _page_objects(page_raw, max_depth: int = 8):
    """(object, matrix of its enclosing form XObjects) for every object, form XObjects opened."""
    stack = [(page_raw, IDENTITY, 0, True)]
    matrix = pdfium_c.FS_MATRIX()
    while stack:
        parent, outer, depth, is_page = stack.pop()
        count = pdfium_c.FPDFPage_CountObjects(parent) if is_page else pdfium_c.FPDFFormObj_CountObjects(parent)
        for i in range(count):
            obj = pdfium_c.FPDFPage_GetObject(parent, i) if is_page else pdfium_c.FPDFFormObj_GetObject(parent, i)
            if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_FORM:
                if depth < max_depth:
                    pdfium_c.FPDFPageObj_GetMatrix(obj, matrix)
                    stack.append((obj, _compose(matrix, outer), depth + 1, False))
                continue
            yield obj, outer


def _path_segments(points: list[tuple[float, float, int, bool]], filled: bool, out: list[Segment]) -> None:
    """Straight axis-parallel pieces of one path; thin filled rectangles become one rule each."""
    subpaths: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    curved = False
    for x, y, kind, close in points:
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            if current:
                subpaths.append(current)
            current = [(x, y)]
        else:
            if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
                curved = True
            current.append((x, y))
        if close and current:
            current.append(current[0])
    if current:
        subpaths.append(current)
    if curved:
        return
    for sub in subpaths:
        xs = [p[0] for p in sub]
        ys = [p[1] for p in sub]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        if filled and len(sub) >= 4 and (x1 - x0 <= MAX_RULE_THICKNESS or y1 - y0 <= MAX_RULE_THICKNESS):
            if x1 - x0 <= MAX_RULE_THICKNESS and y1 - y0 <= MAX_RULE_THICKNESS:
                continue  # a dot
            if x1 - x0 < y1 - y0:
                mid = (x0 + x1) / 2
                out.append(Segment(mid, y0, mid, y1))
            else:
                mid = (y0 + y1) / 2
                out.append(Segment(x0, mid, x1, mid))
            continue
        for (ax, ay), (bx, by) in zip(sub, sub[1:]):
            if abs(ay - by) <= AXIS_TOLERANCE and abs(ax - bx) > AXIS_TOLERANCE:
                y = (ay + by) / 2
                out.append(Segment(min(ax, bx), y, max(ax, bx), y))
            elif abs(ax - bx) <= AXIS_TOLERANCE and abs(ay - by) > AXIS_TOLERANCE:
                x = (ax + bx) / 2
                out.append(Segment(x, min(ay, by), x, max(ay, by)))
