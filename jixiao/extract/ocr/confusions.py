"""Conservative fixes for common OCR confusions in cell text (cell text → **cleaned cell text**).

Only substitutions that cannot change a correct reading are made everywhere (full-width digits and
percent signs, ``＞＝`` folded to the ``>=`` it was printed as — two characters stay two, as text is
kept as printed — and the ``二`` a ``=`` wrapped under ``>`` is read as, ``%0`` after a number for
``‰``, ``0`` for ``o`` inside pinyin, the ``0`` a serif ``%`` grows after a template hint's ``**``).
Context-dependent fixes — a ``2`` read for ``≥`` — are made only in a target-value column and only
when the result is the sole sensible reading (a percentage over 100 that becomes a comparison with
a percentage ≤ 100).

Signs the recogniser cannot tell apart are decided from the pixels (:func:`sign_as_drawn`,
reading the drawing with :func:`.signs.read_sign`): RapidOCR's models read ``≧`` as ``≥`` (and
``≦`` as ``≤``) every time, ``═`` (not in their character set) as ``=`` in a serif face or ``—``
in a sans one (measured on Noto CJK at 150 and 200 dpi), and a sign alone in a narrow column now
and then the wrong way round, while forms print them all and the text is kept as printed. So are
a lone mark's dash or slash (:func:`dash_read_as_one`, :func:`slash_read_as_one`) and a ``一`` the light
took from a cell's start (:func:`one_lost_before`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from jixiao.extract.ocr.pinyin import fix_pinyin
from jixiao.normalize.dictionary import dictionary_words

_FULLWIDTH = str.maketrans({
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    "％": "%", "．": ".", "：": "：",
})

_PAIRS = [
    (re.compile(r"[>＞]\s*(?:[=＝]|二(?![\u4e00-\u9fff]))"), ">="),  # printed as two characters: kept so (Hunan prints >=90%);
    (re.compile(r"[<＜]\s*(?:[=＝]|二(?![\u4e00-\u9fff]))"), "<="),  # = under > in a narrow sign column is read 二
    (re.compile(r"([a-zāáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜü]\s*)0(?=\s*[a-z)）])"), r"\1o"),  # 0 for o inside pinyin (biā0)
    (re.compile(r"(?<=\d)\s*[°o]/o"), "%"),
    (re.compile(r"(?<=\*)0(?=%)"), ""),  # a serif % after a hint's ** read as 0% (≥**%): no digit follows a placeholder
    (re.compile(r"(?<=\d)%0(?![\d.])"), "‰"),  # per mille read as percent + zero (0.9‰ → 0.9%0)
    # a level label's weight note closing in 一 or in two brackets: 产出指标(50分一, 产出指标（50分）)
    (re.compile(r"([（(]\d{1,3}分)一$"), r"\1)"),
    (re.compile(r"([（(]\d{1,3}分[)）])[)）]$"), r"\1"),
]

# a target cell that reads "290%" where "≥90%" was printed: a leading 2 before a percentage <= 100
_TWO_FOR_GE = re.compile(r"^2(?=(?:100|[1-9]?\d)(?:\.\d+)?%$)")
_Z_FOR_GE = re.compile(r"^[zZ](?=\d)")
# a percent sign closing a value and one stray Latin letter after it at the cell's end, or a letter
# or digit after it inside the unit's bracket: nothing can follow % there (≥85%h, =100.00(%6));
# a 0 after a bare % is the per mille sign (fix_text)
_AFTER_PERCENT = re.compile(r"(?<=\d)(%)[A-Za-z]$|(?<=\d)(\(%)[A-Za-z0-9](?=\)$)")

TARGET_HEADERS = ("指标值", "目标值", "年度指标值", "指标目标值", "预期值", "年度目标")


def fix_text(text: str) -> str:
    """Fixes safe in any cell."""
    text = text.translate(_FULLWIDTH)
    for pattern, replacement in _PAIRS:
        text = pattern.sub(replacement, text)
    return fix_pinyin(text)  # (after 0 → o inside pinyin: biā0)


# a cell holding only a dash (the "not applicable" mark) is often read as the numeral 一 or a
# hyphen/underscore run; 一 alone would otherwise be parsed as the number 1
_DASH_ONLY = re.compile(r"^\s*(?:一{1,3}|_{1,3})\s*$")


# a note at the cell's end whose closing bracket the recogniser lost: 产出指标(50分, 时效指标(必填, >=95%(百分比
_OPEN_WEIGHT = re.compile(r"([（(])(?:\s*\d{1,3}(?:\.\d+)?\s*分|[\u4e00-\u9fff]{1,6})$")


# a level label's weight whose opening bracket, stacked in a vertical label, was read as a stroke: 效益指标一40分)
_STROKE_FOR_BRACKET = re.compile(r"(指标)\s*[一—\-_－]\s*(\d{1,3}(?:\.\d+)?\s*分?\s*[)）]?)$")


def fix_cell(text: str) -> str:
    """Fixes for a whole table cell (after :func:`fix_text`): a dash alone is the form's ``—``; a level
    label's weight whose opening bracket was read as a stroke (``效益指标一40分)``, a vertical label's
    stacked characters) gets it back, and a weight or a note at the cell's end whose closing bracket
    the recogniser lost (``产出指标(50分``, ``时效指标(必填``) too."""
    if _DASH_ONLY.match(text):
        return "—"
    text = _STROKE_FOR_BRACKET.sub(r"\1(\2", text)
    m = _OPEN_WEIGHT.search(text)
    if m and text.count(m.group(1)) > text.count(")" if m.group(1) == "(" else "）"):
        return text + (")" if m.group(1) == "(" else "）")
    return text


_ONE_LIKE = {"1", "l", "I", "|", "丨", "/", "／"}


def _blobs(pixels):
    """(count, labels, stats) of the ink blobs in grey ``pixels`` (label 0 the paper)."""
    import cv2
    import numpy as np

    return cv2.connectedComponentsWithStats((pixels < INK_LEVEL).astype(np.uint8), connectivity=8)[:3]


def _flat(w: int, h: int) -> bool:
    """A bar lying flat: at least DASH_FLATNESS times as wide as tall (a dash, a 一)."""
    return w >= DASH_FLATNESS * max(1, h) and w >= 4


def _lone_mark(text: str, cell_pixels):
    """(labels, stats, index) of the largest ink blob of a cell read as a lone ``1``-like character (the
    mark itself, not scan specks), or None."""
    import cv2
    import numpy as np

    if text.strip() not in _ONE_LIKE or cell_pixels is None or cell_pixels.size == 0:
        return None
    n, labels, stats = _blobs(cell_pixels)
    return (labels, stats, 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))) if n >= 2 else None


def slash_read_as_one(text: str, cell_pixels) -> bool:
    """True when a cell read as a lone ``1`` (or ``l``/``|``) really holds a slash ``/``, the
    "not applicable" mark: the ink leans (a slash's strokes run up to the right) instead of
    standing upright. ``cell_pixels`` is the grey cell interior (uint8 array)."""
    import cv2
    import numpy as np

    mark = _lone_mark(text, cell_pixels)
    if mark is None:
        return False
    labels, _, largest = mark
    m = cv2.moments((labels == largest).astype(np.uint8), binaryImage=True)
    if m["m00"] < 8 or m["mu02"] <= 0:
        return False
    return m["mu11"] / m["mu02"] < -0.15


def dash_read_as_one(text: str, cell_pixels) -> bool:
    """True when a cell read as a lone ``1`` (or ``l``/``|``/``/``) holds a dash ``—``, the "not
    applicable" mark of an amount cell: its ink is a bar lying flat (at least three times as wide as
    tall), where a 1 stands upright (a scan's 其他资金 | — | — read 其他资金 | 1 | 1: amounts of 1)."""
    import cv2

    mark = _lone_mark(text, cell_pixels)
    if mark is None:
        return False
    _, stats, largest = mark
    return _flat(stats[largest, cv2.CC_STAT_WIDTH], stats[largest, cv2.CC_STAT_HEIGHT])


DASH_FLATNESS = 3  # a dash's width over its height; a 1's is below 1
INK_LEVEL = 128  # grey level under which a pixel of a cleaned page is ink
ONE_WORD_FREQ = 1000  # jieba frequency of 一 + a character for a lost 一 to be put back (一般 78906, 一级 2897)
WORD_MIN_FREQ = 10  # jieba frequency from which the reading's first two characters make a word
ONE_WIDTH = 0.4  # a lost 一's bar is this share of the text line's height wide at least …
ONE_BAND = (0.25, 0.75)  # … and its middle this far down the line (a row's rule lies at its edge)


@lru_cache(maxsize=None)
def _one_opens() -> frozenset:
    """Characters that 一 and the character make a common word with (般 of 一般, 级 of 一级)."""
    return frozenset(word[1] for word, _ in dictionary_words((2, 2), ONE_WORD_FREQ) if word[0] == "一")


@lru_cache(maxsize=None)
def _two_char_words() -> frozenset:
    return frozenset(word for word, _ in dictionary_words((2, 2), WORD_MIN_FREQ))


def one_lost_before(text: str, pixels) -> str:
    """``text`` with the ``一`` put back that a photo's light took from its start (one thin stroke, the
    first a photo loses), when the grey ``pixels`` left of its first character (the line's height,
    within its cell) hold a flat bar mid-line and the dictionary says the reading lost it: 一 and the
    first character make a common word, the first two characters none (般公共预算资金 → 一般公共预算资金;
    the real forms photographed lost one so). Unchanged otherwise."""
    import cv2

    if len(text) < 2 or text[0] not in _one_opens() or text[:2] in _two_char_words() \
            or pixels is None or pixels.size == 0:
        return text
    n, _, stats = _blobs(pixels)
    line = pixels.shape[0]
    for k in range(1, n):
        w, h = stats[k, cv2.CC_STAT_WIDTH], stats[k, cv2.CC_STAT_HEIGHT]
        middle = (stats[k, cv2.CC_STAT_TOP] + h / 2) / line
        if _flat(w, h) and w >= ONE_WIDTH * line and ONE_BAND[0] <= middle <= ONE_BAND[1]:
            return "一" + text
    return text


LOW_LEAD_SCORE = 0.75


# printed labels of the forms (not values): a label read with one wrong character (a stamp over
# it, a blurred stroke) is put right when exactly one label is that close
FORM_LABELS = (
    "一级指标", "二级指标", "三级指标", "指标值", "年度指标值", "实际完成值", "偏差原因分析及改进措施",
    "产出指标", "效益指标", "满意度指标", "成本指标", "数量指标", "质量指标", "时效指标",
    "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标",
    "经济成本指标", "社会成本指标", "生态环境成本指标",
    "年度资金总额", "财政拨款", "其中：财政拨款", "其中：当年财政拨款", "其他资金", "年初预算数",
    "全年预算数", "全年执行数", "执行率", "项目名称", "主管部门", "实施单位", "部门（单位）名称",
    "年度总体目标", "年度绩效目标", "中长期目标", "实际完成情况", "预期目标", "任务名称", "主要内容",
    "预算金额（万元）", "项目资金（万元）", "年度主要任务", "年度绩效指标", "自评等级", "总分",
)
_LABELS_BY_LENGTH: dict[int, tuple[str, ...]] = {}
for _label in FORM_LABELS:
    _LABELS_BY_LENGTH[len(_label)] = _LABELS_BY_LENGTH.get(len(_label), ()) + (_label,)


def fix_label(text: str, confidence: float | None) -> str:
    """A cell that is a known form label but for one character, read with less than full
    confidence, or written with a Traditional form of a character (the recogniser reads 门 as 門
    now and then): the label."""
    compact = re.sub(r"\s+", "", text)
    if compact and compact not in FORM_LABELS and not compact.isascii():
        from jixiao.normalize.folding import to_simplified

        if to_simplified(compact) in FORM_LABELS:
            return to_simplified(compact)
    if len(compact) < 4 or compact in FORM_LABELS or confidence is None or confidence >= 0.97:
        return text
    close = [label for label in _LABELS_BY_LENGTH.get(len(compact), ())
             if sum(a != b for a, b in zip(label, compact)) == 1]
    return close[0] if len(close) == 1 else text


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
    if _AFTER_PERCENT.search(stripped):  # ≥85%h, =100.00(%6): ink a seal or speck left after the sign
        return _AFTER_PERCENT.sub(lambda m: m.group(1) or m.group(2), stripped)
    return text


def is_target_header(text: str) -> bool:
    compact = re.sub(r"\s+", "", text)
    return any(h in compact for h in TARGET_HEADERS) and len(compact) <= 12


_SIGN_FIRST = re.compile(r"^\s*([≥≤=＝—一\-－])\s*(?=[\d.]|$)")  # (alone: a sign column)


def sign_as_drawn(text: str, line_pixels) -> str:
    """``text`` with its leading comparison sign corrected from the sign's pixels
    (:func:`.signs.read_sign`; see the module docstring): ``≥``/``≤`` → the sign drawn (``≧``,
    ``≦``, or the other direction), ``=``/``—`` → ``═``, ``—`` → ``=``. ``line_pixels`` is the
    grey image of the text line from just left of its first character to a character height
    past it. Unchanged whenever the ink is no sign of the same kind."""
    from jixiao.extract.ocr.signs import read_sign

    match = _SIGN_FIRST.match(text)
    if match is None or line_pixels is None:
        return text
    sign = match.group(1)
    drawn = read_sign(line_pixels)
    if drawn is None or drawn == sign:
        return text
    if sign in "≥≤" and drawn not in "≥≤≧≦":
        return text
    if sign not in "≥≤" and (drawn not in "=═" or (drawn == "=" and sign in "=＝")):
        return text
    return text[:match.start(1)] + drawn + text[match.end(1):]



_LEVEL_HEADING = re.compile(r"^\s*([一二三四]?)\s*级\s*指\s*标\s*$")
_LEVEL_DIGITS = "一二三四"


def fix_level_headings(row: list[str]) -> list[str]:
    """A heading row of an indicator table whose 一级/二级/三级指标 lost its numeral (the thin
    strokes of 一, 二 and 三 are the first thing a noisy photo loses: ``级指标``). The levels
    stand in increasing order from left to right (一 to 三); a heading without its numeral gets
    one when exactly one increasing assignment fits the numerals that were read; otherwise the
    row is left as read."""
    from itertools import combinations

    found = [(k, m.group(1)) for k, m in ((k, _LEVEL_HEADING.match(t)) for k, t in enumerate(row)) if m]
    if len(found) < 2 or all(digit for _, digit in found):
        return row
    fits = [levels for levels in combinations(range(3), len(found))
            if all(not d or _LEVEL_DIGITS.index(d) == lv for (_, d), lv in zip(found, levels))]
    if len(fits) != 1:
        return row
    out = list(row)
    for (k, digit), level in zip(found, fits[0]):
        if not digit:
            out[k] = _LEVEL_DIGITS[level] + "级指标"
    return out


DASH_EM = 0.6  # a dash at least this share of its line's height long is the long dash — (a hyphen ≈ 0.3)


def dash_lengths(boxes, page):
    """Hyphens the recogniser read for long dashes, put back by their length: ``18—54周岁``
    came back ``18-54周岁`` (its models write every flat dash between digits as ``-``). A box's
    flat marks at mid-height are matched in order to its ``-``; only when their numbers agree is
    anything changed, and only a mark as long as :data:`DASH_EM` of the line becomes ``—``."""
    import cv2
    import numpy as np

    for box in boxes:
        if "-" not in box.text:
            continue
        y0, y1 = int(max(0, box.y0)), int(min(page.shape[0], box.y1))
        x0, x1 = int(max(0, box.x0)), int(min(page.shape[1], box.x1))
        crop = page[y0:y1, x0:x1]
        h = y1 - y0
        if crop.size == 0 or h < 8 or int(crop.max()) - int(crop.min()) < 60:
            continue
        level, _ = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        n, _, stats, _ = cv2.connectedComponentsWithStats((crop < level).astype(np.uint8), connectivity=8)
        flat = sorted((stats[i][0], stats[i][2]) for i in range(1, n)
                      if stats[i][3] <= 0.2 * h and stats[i][2] >= 0.15 * h
                      and 0.3 * h <= stats[i][1] + stats[i][3] / 2 <= 0.75 * h)
        if len(flat) != box.text.count("-") or not any(width >= DASH_EM * h for _, width in flat):
            continue
        dashes = iter(["—" if width >= DASH_EM * h else "-" for _, width in flat])
        box.text = "".join(next(dashes) if c == "-" else c for c in box.text)
        dashes = iter([c for c in box.text if c in "-—"])  # the glyphs hold the box's text in order
        for g in box.glyphs:
            g.text = "".join(next(dashes) if c == "-" else c for c in g.text)
    return boxes


_M_AFTER_NUMBER = re.compile(r"\d\s*m(?![A-Za-z²³23])")


def unit_superscripts(boxes, page):
    """``m`` after a number with a small 2 or 3 raised beside it is ``㎡``/``㎥`` (the recogniser
    reads the symbol as a bare ``m``: 18187㎡以上 came back as 18187m以上). The raised mark is
    found in the pixels (ink right of the m, entirely in the upper half of the line) and read on
    its own; only a 2 or a 3 changes anything."""
    import cv2
    import numpy as np

    from jixiao.extract.ocr.engine import get_engine

    for box in boxes:
        if not _M_AFTER_NUMBER.search(box.text) or not box.glyphs:
            continue
        for k, glyph in enumerate(box.glyphs):
            if glyph.text != "m" or k == 0 or not box.glyphs[k - 1].text[-1:].isdigit():
                continue
            h = box.y1 - box.y0
            x0 = int(glyph.x0 + 0.5 * (glyph.x1 - glyph.x0))
            x1 = int(min(page.shape[1], glyph.x1 + 0.5 * h))
            y0, y1 = int(max(0, box.y0)), int(min(page.shape[0], box.y1))
            crop = page[y0:y1, x0:x1]
            if crop.size == 0 or crop.max() - crop.min() < 60:
                continue
            level, _ = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
            n, _, stats, _ = cv2.connectedComponentsWithStats((crop < level).astype(np.uint8), connectivity=8)
            raised = [i for i in range(1, n) if stats[i][1] + stats[i][3] <= 0.6 * crop.shape[0]
                      and stats[i][3] >= 0.15 * crop.shape[0] and stats[i][4] >= 4
                      and stats[i][0] + stats[i][2] < crop.shape[1]]  # not the next character's edge
            if not raised:
                continue
            bx0 = min(stats[i][0] for i in raised)
            by0 = min(stats[i][1] for i in raised)
            bx1 = max(stats[i][0] + stats[i][2] for i in raised)
            by1 = max(stats[i][1] + stats[i][3] for i in raised)
            mark = crop[max(0, by0 - 2):by1 + 2, max(0, bx0 - 2):bx1 + 2]
            mark = cv2.resize(mark, None, fx=3, fy=3, interpolation=cv2.INTER_CUBIC)
            mark = cv2.copyMakeBorder(mark, 8, 8, 8, 8, cv2.BORDER_CONSTANT, value=255)
            read = get_engine()(cv2.cvtColor(mark, cv2.COLOR_GRAY2BGR), use_det=False, use_cls=False, use_rec=True,
                                return_word_box=False)
            digit = (read.txts[0].strip() if getattr(read, "txts", None) else "")
            if digit in ("2", "3"):
                glyph.text = "㎡" if digit == "2" else "㎥"
                box.text = "".join(g.text for g in box.glyphs)
    return boxes
