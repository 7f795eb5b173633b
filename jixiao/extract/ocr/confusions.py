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


def fix_target(text: str) -> str:
    """Fixes valid only in a target-value cell (called with that cell's text)."""
    stripped = text.strip()
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
