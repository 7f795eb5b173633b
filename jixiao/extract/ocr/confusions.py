"""Conservative fixes for common OCR confusions in cell text (cell text → **cleaned cell text**).

Only substitutions that cannot change a correct reading are made everywhere (full-width digits and
percent signs, ``>=``/``＞＝`` written as two characters). Context-dependent fixes — a ``2`` read for
``≥`` — are made only in a target-value column and only when the result is the sole sensible
reading (a percentage over 100 that becomes a comparison with a percentage ≤ 100).
"""
from __future__ import annotations

import re

_FULLWIDTH = str.maketrans({
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    "％": "%", "．": ".", "：": "：",
})

_PAIRS = [
    (re.compile(r"[>＞]\s*[=＝]"), "≥"),
    (re.compile(r"[<＜]\s*[=＝]"), "≤"),
    (re.compile(r"≧"), "≥"),
    (re.compile(r"≦"), "≤"),
    (re.compile(r"(?<=\d)\s*[°o]/o"), "%"),
]

# a target cell that reads "290%" where "≥90%" was printed: a leading 2 before a percentage <= 100
_TWO_FOR_GE = re.compile(r"^2(?=(?:100|[1-9]?\d)(?:\.\d+)?%$)")
_Z_FOR_GE = re.compile(r"^[zZ](?=\d)")

TARGET_HEADERS = ("指标值", "目标值", "年度指标值", "指标目标值", "预期值", "年度目标")


def fix_text(text: str) -> str:
    """Fixes safe in any cell."""
    text = text.translate(_FULLWIDTH)
    for pattern, replacement in _PAIRS:
        text = pattern.sub(replacement, text)
    return text


# a cell holding only a dash (the "not applicable" mark) is often read as the numeral 一 or a
# hyphen/underscore run; 一 alone would otherwise be parsed as the number 1
_DASH_ONLY = re.compile(r"^\s*(?:一{1,3}|_{1,3})\s*$")


def fix_cell(text: str) -> str:
    """Fixes for a whole table cell (after :func:`fix_text`)."""
    if _DASH_ONLY.match(text):
        return "—"
    return text


_ONE_LIKE = {"1", "l", "I", "|", "丨", "/", "／"}


def slash_read_as_one(text: str, cell_pixels) -> bool:
    """True when a cell read as a lone ``1`` (or ``l``/``|``) really holds a slash ``/``, the
    "not applicable" mark: the ink leans (a slash's strokes run up to the right) instead of
    standing upright. ``cell_pixels`` is the grey cell interior (uint8 array)."""
    import cv2
    import numpy as np

    if text.strip() not in _ONE_LIKE or cell_pixels is None or cell_pixels.size == 0:
        return False
    _, ink = cv2.threshold(cell_pixels, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    m = cv2.moments(ink.astype(np.uint8), binaryImage=True)
    if m["m00"] < 8 or m["mu02"] <= 0:
        return False
    return m["mu11"] / m["mu02"] < -0.15


LOW_LEAD_SCORE = 0.75


def fix_target(text: str, lead_score: float | None = None) -> str:
    """Fixes valid only in a target-value cell (called with that cell's text and the
    recognition confidence of its first character)."""
    stripped = text.strip()
    if lead_score is not None and lead_score < LOW_LEAD_SCORE and re.match(r"^2\d", stripped):
        return "≥" + stripped[1:]  # an unsure leading 2 before a number: the ≥ sign misread
    if _TWO_FOR_GE.match(stripped):
        value = float(stripped[1:-1])
        if float(stripped[:-1]) > 100 >= value:
            return "≥" + stripped[1:]
    if _Z_FOR_GE.match(stripped):
        return "≥" + stripped[1:]
    return text


def is_target_header(text: str) -> bool:
    compact = re.sub(r"\s+", "", text)
    return any(h in compact for h in TARGET_HEADERS) and len(compact) <= 12
