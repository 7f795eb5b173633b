"""The OCR engine (clean page → **text boxes** → grid): RapidOCR on onnxruntime, fully offline.

One engine per process, created on first use. The detection and recognition models are the ones
shipped inside the ``rapidocr`` wheel (``site-packages/rapidocr/models``); their paths are given to
RapidOCR explicitly so it never tries to fetch anything. The text-orientation classifier is off:
on table cells it flips short strings (``≥90%`` came back as ``%06<``).

:func:`recognise` runs detection + recognition once on the whole page and returns
:class:`TextBox` objects with per-character positions, so a box that runs across a ruling line
can be split between cells later.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import numpy as np

from jixiao.model import ReadError

_ENGINE = None
_LOCK = threading.Lock()

MAX_SIDE = 5000  # the detector shrinks a longer image to this: a taller one is read in bands (see recognise)
BAND = 3600  # a band's height in pixels: an A4 page at 300 dpi is 3508
BAND_OVERLAP = 300  # rows two bands share: more than any text box is tall, so each box lies whole in one

DET_MODEL_NAMES = ("PP-OCRv6_det_small.onnx", "ch_PP-OCRv5_det_mobile.onnx", "ch_PP-OCRv4_det_mobile.onnx")
REC_MODEL_NAMES = ("PP-OCRv6_rec_small.onnx", "ch_PP-OCRv5_rec_mobile.onnx", "ch_PP-OCRv4_rec_mobile.onnx")


@dataclass
class Glyph:
    """One recognised character (or a run of Latin/digits the engine keeps as one word)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    score: float


@dataclass
class TextBox:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    score: float
    glyphs: list[Glyph]

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


def model_dir() -> Path:
    import rapidocr

    return Path(rapidocr.__file__).resolve().parent / "models"


def _find_model(names: tuple[str, ...]) -> Path:
    folder = model_dir()
    for name in names:
        if (folder / name).is_file():
            return folder / name
    raise ReadError("the OCR models are missing from the rapidocr package; reinstall rapidocr to read scans")


def get_engine():
    """The process-wide RapidOCR instance (created lazily, never downloads)."""
    global _ENGINE
    if _ENGINE is None:
        with _LOCK:
            if _ENGINE is None:
                try:
                    from rapidocr import RapidOCR
                except ImportError:
                    raise ReadError("reading scans needs the Python packages 'rapidocr' and 'onnxruntime', which are not installed") from None
                det = _find_model(DET_MODEL_NAMES)
                rec = _find_model(REC_MODEL_NAMES)
                threads = int(os.environ.get("JIXIAO_OCR_THREADS", "0")) or -1
                params = {
                    "Global.use_cls": False,
                    "Global.log_level": "error",
                    "Global.max_side_len": MAX_SIDE,
                    "Global.model_root_dir": str(det.parent),
                    "Det.model_path": str(det),
                    "Rec.model_path": str(rec),
                    "EngineConfig.onnxruntime.intra_op_num_threads": threads,
                }
                _ENGINE = RapidOCR(params=params)
    return _ENGINE


def _box_bounds(points) -> tuple[float, float, float, float]:
    arr = np.asarray(points, dtype=np.float32).reshape(-1, 2)
    return float(arr[:, 0].min()), float(arr[:, 1].min()), float(arr[:, 0].max()), float(arr[:, 1].max())


def recognise(image: np.ndarray, min_score: float = 0.3) -> list[TextBox]:
    """All text boxes on ``image`` (grey or BGR uint8), with per-glyph positions.

    An image taller than the detector takes (a long screenshot, pages photographed or stacked into
    one picture) is read in overlapping bands at its own resolution rather than shrunk: shrunk to
    5000 px, a five-page stack (1654 × 16 000 px) leaves the text a third of its size and most of
    it unread. Each box is kept from the band whose own part (overlaps split in the middle) holds
    its centre."""
    height = image.shape[0]
    if height <= MAX_SIDE or image.shape[1] > MAX_SIDE:
        return _recognise_whole(image, min_score)
    step = BAND - BAND_OVERLAP
    starts = list(range(0, height - BAND, step)) + [max(0, height - BAND)]
    boxes: list[TextBox] = []
    for k, top in enumerate(starts):
        own_top = 0 if k == 0 else (top + starts[k - 1] + BAND) / 2
        own_bottom = height if k == len(starts) - 1 else (starts[k + 1] + top + BAND) / 2
        for box in _recognise_whole(image[top:top + BAND], min_score):
            box = _shifted(box, top)
            if own_top <= box.cy < own_bottom:
                boxes.append(box)
    return boxes


def _shifted(box: TextBox, dy: float) -> TextBox:
    glyphs = [Glyph(g.text, g.x0, g.y0 + dy, g.x1, g.y1 + dy, g.score) for g in box.glyphs]
    return TextBox(box.text, box.x0, box.y0 + dy, box.x1, box.y1 + dy, box.score, glyphs)


def _recognise_whole(image: np.ndarray, min_score: float) -> list[TextBox]:
    engine = get_engine()
    if image.ndim == 2:
        import cv2

        image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    # every switch given on every call: RapidOCR keeps the last call's switches (a recognition-only
    # call, see reread, would otherwise leave detection off for the next page)
    result = engine(image, use_det=True, use_cls=False, use_rec=True, return_word_box=True, text_score=min_score)
    if getattr(result, "boxes", None) is None or getattr(result, "txts", None) is None:
        return []
    words = result.word_results or [None] * len(result.txts)
    boxes: list[TextBox] = []
    for points, text, score, word in zip(result.boxes, result.txts, result.scores, words):
        if not text or not text.strip():
            continue
        x0, y0, x1, y1 = _box_bounds(points)
        glyphs: list[Glyph] = []
        for item in word or ():
            try:
                g_text, g_score, g_points = item
            except (TypeError, ValueError):
                glyphs = []
                break
            gx0, gy0, gx1, gy1 = _box_bounds(g_points)
            glyphs.append(Glyph(str(g_text), gx0, gy0, gx1, gy1, float(g_score)))
        if "".join(g.text for g in glyphs).replace(" ", "") != text.replace(" ", ""):
            glyphs = _even_glyphs(text, x0, y0, x1, y1, float(score))
        boxes.append(TextBox(text, x0, y0, x1, y1, float(score), glyphs))
    return boxes


UNSURE_GLYPH = 0.6  # a character read with less confidence than this may be read again


def reread(boxes: list[TextBox], alternatives, min_score: float = 0.3) -> list[TextBox]:
    """A second reading, recognition only, of each box holding an unsure character, on each
    alternative rendering of the page (same geometry); the reading whose least sure character
    is surer replaces the first. Costs one small recognition per unsure box."""
    unsure = [k for k, b in enumerate(boxes) if b.glyphs and min(g.score for g in b.glyphs) < UNSURE_GLYPH]
    if not unsure:
        return boxes
    images = alternatives() if callable(alternatives) else alternatives
    if not images:
        return boxes
    import cv2

    engine = get_engine()
    out = list(boxes)
    for k in unsure:
        box = boxes[k]
        best = min(g.score for g in box.glyphs)
        for image in images:
            y0, y1 = max(0, int(box.y0)), min(image.shape[0], int(np.ceil(box.y1)))
            x0, x1 = max(0, int(box.x0)), min(image.shape[1], int(np.ceil(box.x1)))
            if y1 - y0 < 4 or x1 - x0 < 4:
                continue
            crop = image[y0:y1, x0:x1]
            if crop.ndim == 2:
                crop = cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR)
            result = engine(crop, use_det=False, use_cls=False, use_rec=True, return_word_box=True, text_score=min_score)
            texts = getattr(result, "txts", None)
            if not texts or not texts[0] or not texts[0].strip():
                continue
            confs = _word_confidences(result)
            least = min(confs) if confs else float(result.scores[0])
            if least > best and float(result.scores[0]) >= min_score:
                best = least
                text = texts[0]
                glyphs = _even_glyphs(text, box.x0, box.y0, box.x1, box.y1, float(result.scores[0]))
                if confs and len(confs) == len(glyphs):
                    for g, c in zip(glyphs, confs):
                        g.score = float(c)
                out[k] = TextBox(text, box.x0, box.y0, box.x1, box.y1, float(result.scores[0]), glyphs)
    return out


INK_LEVEL = 128  # grey level under which a pixel is ink (the page is cleaned and evened out first)
INK_MIN = 20  # ink pixels a cell must hold to be read on its own (specks and dust hold fewer)


SPECK_SHARE = 0.05  # of the largest piece of ink in a region: smaller pieces are specks (dust, grain)


def _ink_bounds(image: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> Optional[tuple[int, int, int, int]]:
    """(top, bottom, left, right) of the ink inside a region, relative to it; None when it holds too
    little ink to read (specks and dust)."""
    region = image[max(0, y0):max(0, y1), max(0, x0):max(0, x1)]
    if region.size == 0:
        return None
    import cv2

    grey = region if region.ndim == 2 else region.mean(axis=2)
    ink = (grey < INK_LEVEL).astype(np.uint8)
    if int(ink.sum()) < INK_MIN:
        return None
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    areas = stats[1:, cv2.CC_STAT_AREA]
    kept = 1 + np.flatnonzero(areas >= SPECK_SHARE * areas.max())  # a speck far from the glyph is no ink of it
    ys, xs = np.nonzero(np.isin(labels, kept))
    if len(ys) < INK_MIN:
        return None
    return int(ys.min()), int(ys.max()) + 1, int(xs.min()), int(xs.max()) + 1


def read_ink(image: np.ndarray, x0: int, y0: int, x1: int, y1: int, line_height: float,
             max_lines: float = 1.8) -> Optional[TextBox]:
    """The ink inside a region read on its own, recognition only: a lone sign the detector passed
    over (a ``≥`` alone in its column) or read as a letter (``≧`` → ``M``). The ink is read twice,
    cut out tight and cut out a text line high, and the surer reading is kept (cut tight, a lone
    dash is stretched past reading). None when the region holds too little ink, ink taller than
    ``max_lines`` lines of ``line_height`` pixels, or nothing the recogniser reads."""
    import cv2

    bounds = _ink_bounds(image, x0, y0, x1, y1)
    if bounds is None:
        return None
    region = image[max(0, y0):max(0, y1), max(0, x0):max(0, x1)]
    top, bottom, left, right = bounds
    if bottom - top > max_lines * line_height:
        return None
    ink = region[top:bottom, left:right]
    best: Optional[tuple[float, str]] = None
    tight = max(4, (bottom - top) // 2)
    rise = max(4, int((1.2 * line_height - (bottom - top)) / 2))
    for dy, dx in ((tight, tight), (rise, max(4, int(0.3 * line_height)))):  # cut tight, and a line high
        crop = cv2.copyMakeBorder(ink, dy, dy, dx, dx, cv2.BORDER_CONSTANT, value=255)
        result = get_engine()(cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR), use_det=False, use_cls=False, use_rec=True,
                              return_word_box=True, text_score=0.0)
        texts = getattr(result, "txts", None)
        if texts and texts[0] and texts[0].strip() and (best is None or float(result.scores[0]) > best[0]):
            best = (float(result.scores[0]), texts[0])
    if best is None:
        return None
    score, text = best
    bx0, by0, bx1, by1 = x0 + left, y0 + top, x0 + right, y0 + bottom
    return TextBox(text, bx0, by0, bx1, by1, score, _even_glyphs(text, bx0, by0, bx1, by1, score))


def read_ink_lines(image: np.ndarray, x0: int, y0: int, x1: int, y1: int, line_height: float,
                   min_score: float) -> Optional[TextBox]:
    """The ink of a region too tall for one line read band by band (recognition only), joined with
    line breaks: a merged label the detector passed over (``产出 指`` ⏎ ``标`` in a tall 一级 cell of a
    photographed page). None unless every band is one text line high and read at ``min_score``."""
    bounds = _ink_bounds(image, x0, y0, x1, y1)
    if bounds is None:
        return None
    top, bottom, left, right = bounds
    ink = TextBox("", x0 + left, y0 + top, x0 + right, y0 + bottom, 0.0, [])
    bands = _line_bands(image, ink, line_height)
    read = _read_bands(image, ink, bands, min_score) if bands else None
    if not read:
        return None
    return TextBox("\n".join(b.text for b in read), ink.x0, ink.y0, ink.x1, ink.y1, min(b.score for b in read),
                   [g for b in read for g in b.glyphs])


def _word_confidences(result) -> list[float]:
    words = getattr(result, "word_results", None)
    if not words or words[0] is None:
        return []
    confs = getattr(words[0], "confs", None)
    return [float(c) for c in confs] if confs else []


def _even_glyphs(text: str, x0: float, y0: float, x1: float, y1: float, score: float) -> list[Glyph]:
    """Character positions spread evenly over the box (when the engine gives none)."""
    chars = [c for c in text]
    step = (x1 - x0) / max(1, len(chars))
    return [Glyph(c, x0 + i * step, y0, x0 + (i + 1) * step, y1, score) for i, c in enumerate(chars)]


def reset_engine(instance: Optional[object] = None) -> None:
    """Drop (or replace, in tests) the process-wide engine."""
    global _ENGINE
    _ENGINE = instance


STACK_TALL = 1.6  # a box this many text lines high may be lines of a narrow column read as one
STACK_BAND = (0.4, 1.4)  # each line of such a box, in text lines: from (a dot is no line) … to


def reread_stacked(boxes: list[TextBox], image: np.ndarray, min_score: float = 0.3) -> list[TextBox]:
    """Boxes the detector drew round several lines of a narrow column (a level name wrapped two
    characters to a line: ``标`` ⏎ ``(必`` ⏎ ``填)``) read again line by line. Read as one, such a
    box is turned on its side and its brackets lost (c02's ``可持续影响指标(必填)`` came back
    ``可持续影响指标必填``). The lines are the box's bands of ink between blank rows; the box keeps
    its place and extent (it is one stack, whichever cells or rows it covers) and takes the lines'
    text when every band is one text line high and the lines hold the same letters as the whole
    plus the marks it lost (one character to a line reads well on its side: ``满意度指标``; read
    apart, ``意`` was lost)."""
    heights = sorted(b.height for b in boxes)
    if not heights:
        return boxes
    line = heights[len(heights) // 2]
    out: list[TextBox] = []
    for box in boxes:
        bands = _line_bands(image, box, line) if box.height >= STACK_TALL * line else None
        read = _read_bands(image, box, bands, min_score) if bands else None
        text = "".join(b.text for b in read) if read else box.text
        if read and text != box.text and _letters(text) == _letters(box.text):
            glyphs = [g for b in read for g in b.glyphs]
            box = TextBox(text, box.x0, box.y0, box.x1, box.y1, min(b.score for b in read), glyphs)
        out.append(box)
    return out


def _letters(text: str) -> str:
    """A reading without its brackets, punctuation and spaces (what a reading on its side keeps)."""
    import unicodedata

    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")


def _line_bands(image: np.ndarray, box: TextBox, line: float) -> Optional[list[tuple[int, int]]]:
    """The page rows [top, bottom) of each line inside a tall box, or None unless there are two
    or more and each is one text line high."""
    y0, y1 = max(0, int(box.y0)), min(image.shape[0], int(np.ceil(box.y1)))
    x0, x1 = max(0, int(box.x0)), min(image.shape[1], int(np.ceil(box.x1)))
    crop = image[y0:y1, x0:x1] if image.ndim == 2 else image[y0:y1, x0:x1].mean(axis=2)
    if crop.size == 0:
        return None
    ink = crop < INK_LEVEL
    ink = ink[:, ink.mean(axis=0) < 0.8]  # a cell's rule the box runs over would join every line
    if ink.size == 0:
        return None
    inked = list(ink.any(axis=1)) + [False]
    bands, start = [], None
    for y, on in enumerate(inked):
        if on and start is None:
            start = y
        elif not on and start is not None:
            bands.append((y0 + start, y0 + y))
            start = None
    low, high = STACK_BAND
    bands = [(a, b) for a, b in bands if b - a >= low * line]  # specks and a neighbour's edge are no line
    if len(bands) < 2 or any(b - a > high * line for a, b in bands):
        return None
    return bands


def _read_bands(image: np.ndarray, box: TextBox, bands: list[tuple[int, int]], min_score: float) -> Optional[list[TextBox]]:
    """Each band of a box read on its own (recognition only), or None when one is not read."""
    import cv2

    engine = get_engine()
    x0, x1 = max(0, int(box.x0)), min(image.shape[1], int(np.ceil(box.x1)))
    read: list[TextBox] = []
    for a, b in bands:
        pad = max(2, (b - a) // 4)
        crop = image[max(0, a - pad):min(image.shape[0], b + pad), x0:x1]
        if crop.ndim == 2:
            crop = cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR)
        result = engine(crop, use_det=False, use_cls=False, use_rec=True, return_word_box=True, text_score=0.0)
        texts = getattr(result, "txts", None)
        if not texts or not texts[0] or not texts[0].strip() or float(result.scores[0]) < min_score:
            return None  # a line not read: the box stays as first read
        text, score = texts[0].strip(), float(result.scores[0])
        glyphs = _even_glyphs(text, box.x0, a, box.x1, b, score)
        confs = _word_confidences(result)
        if confs and len(confs) == len(glyphs):
            for g, c in zip(glyphs, confs):
                g.score = float(c)
        read.append(TextBox(text, box.x0, float(a), box.x1, float(b), score, glyphs))
    return read
